"""The wall clock, in one place, so that actions can be given a fixed `now` in tests."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.settings import get_settings


def now() -> datetime:
    return datetime.now(ZoneInfo(get_settings().timezone))
