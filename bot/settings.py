"""The one place that reads environment variables; everything else receives a Settings."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    database_url: str
    attachments_dir: str
    agenda_url: str
    agenda_port: int
    action_port: int
    rasa_port: int
    rasa_url: str
    rasa_token: str
    tracker_db: str
    agenda_timeout_s: float
    timezone: str


@lru_cache
def get_settings() -> Settings:
    env = os.environ
    agenda_port = int(env.get("AGENDA_PORT", "8000"))
    rasa_port = int(env.get("RASA_PORT", "5005"))
    return Settings(
        database_url=env.get("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'agenda.db'}"),
        attachments_dir=env.get("ATTACHMENTS_DIR", str(ROOT / "var" / "attachments")),
        agenda_url=env.get("AGENDA_URL", f"http://127.0.0.1:{agenda_port}"),
        agenda_port=agenda_port,
        action_port=int(env.get("ACTION_PORT", "5055")),
        rasa_port=rasa_port,
        rasa_url=env.get("RASA_URL", f"http://127.0.0.1:{rasa_port}"),
        rasa_token=env.get("RASA_TOKEN", "sas-local-token"),
        tracker_db=env.get("TRACKER_DB", str(ROOT / "var" / "tracker.db")),
        agenda_timeout_s=float(env.get("AGENDA_TIMEOUT_S", "5")),
        timezone=env.get("SAS_TIMEZONE", "Europe/Paris"),
    )
