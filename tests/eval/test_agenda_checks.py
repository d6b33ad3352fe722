"""Windows of the scenario checks, relative to when a conversation started (never the wall clock); the distance to
a commune the scenario expects."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.eval.agenda_checks import distance_between, in_window, window_bounds

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2025, 3, 14, 16, 20, tzinfo=PARIS)  # a Friday afternoon


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=PARIS)


def test_within_hours_counts_from_the_start_of_the_conversation():
    assert window_bounds({"within_hours": 2}, NOW) == (NOW, at(14, 18, 20))
    assert in_window(at(14, 18), {"within_hours": 2}, NOW)
    assert not in_window(at(14, 18, 30), {"within_hours": 2}, NOW)


def test_today_or_tomorrow_ends_at_midnight_after_tomorrow():
    assert window_bounds({"by_end_of": "tomorrow"}, NOW) == (NOW, at(16, 0))
    assert window_bounds({"by_end_of": "today"}, NOW) == (NOW, at(15, 0))


def test_tomorrow_morning_is_the_next_day_before_noon():
    window = {"day": "tomorrow", "period": "matin"}
    assert window_bounds(window, NOW) == (at(15, 0), at(16, 0))
    assert in_window(at(15, 8, 30), window, NOW)
    assert not in_window(at(15, 14), window, NOW)
    assert not in_window(at(14, 17), window, NOW)


def test_this_afternoon_starts_now_not_at_midnight():
    window = {"day": "today", "period": "apres-midi"}
    assert window_bounds(window, NOW) == (NOW, at(15, 0))
    assert in_window(at(14, 17), window, NOW)
    assert not in_window(at(14, 16), window, NOW)


def test_no_window_is_the_week_ahead():
    assert window_bounds({}, NOW) == (NOW, at(21, 16, 20))


def test_a_commune_several_towns_bear_is_the_nearest_of_them():
    assert distance_between("Saint-Denis", {"postal_code": "97400", "commune": "Saint-Denis"}) < 1
    assert distance_between("Saint-Denis", {"postal_code": "93200", "commune": "Saint-Denis"}) < 1
    assert distance_between("Lyon", {"postal_code": "13001", "commune": "Marseille"}) > 250
