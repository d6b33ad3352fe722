"""The search window: now to +48 h by default, as SAS does; narrowed by a wanted time or an urgency."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

DEFAULT_WINDOW = timedelta(hours=48)
DAY = timedelta(days=1)
SAME_HOURS_DAYS = 6  # the following days tried at the wished hours, before any hour of the week


def first_day(creneau: dict) -> dict:
    """A time wished at the same hours on several days ("cet après-midi ou demain après-midi": `heures`) as its
    first day's hours; the next days' are searched after them (`same_hours_later`). Any other time as it is."""
    if not creneau.get("heures"):
        return creneau
    start = datetime.fromisoformat(creneau["start"])
    hour, minute = map(int, creneau["heures"][1].split(":"))
    return {**creneau, "end": start.replace(hour=hour, minute=minute).isoformat()}


def search_window(now: datetime, creneau: dict | None, urgence_hours: float | None) -> tuple[datetime, datetime]:
    """(from, to) for the agenda search. A wanted time wins; an urgency caps the end; never before now."""
    creneau = creneau and first_day(creneau)
    if creneau and creneau.get("start") and creneau.get("end"):
        start = max(datetime.fromisoformat(creneau["start"]), now)
        end = datetime.fromisoformat(creneau["end"])
        if end > start:
            return start, end
    if urgence_hours:
        return now, now + timedelta(hours=float(urgence_hours))
    return now, now + DEFAULT_WINDOW


def same_hours_later(now: datetime, creneau: dict | None, urgence_hours: float | None,
                     zone: ZoneInfo) -> Iterator[tuple[datetime, datetime]]:
    """A wished time of day with nothing free ("après l'école", "en fin de matinée", "cet après-midi"): the same
    hours on each following day, in Paris time, within the urgency if one was given. They are the patient's hours
    (work, school), which "any time this week" would lose."""
    if not (creneau and creneau.get("start") and creneau.get("end")):
        return
    first = first_day(creneau)
    start, end = (datetime.fromisoformat(first[key]).astimezone(zone) for key in ("start", "end"))
    if not start < end <= start + DAY:
        return
    latest = now + timedelta(hours=float(urgence_hours)) if urgence_hours else None
    if creneau.get("heures"):  # the days said, at most
        said = datetime.fromisoformat(creneau["end"])
        latest = min(latest, said) if latest else said
    for days in range(1, SAME_HOURS_DAYS + 1):
        later = [(moment.replace(tzinfo=None) + days * DAY).replace(tzinfo=zone) for moment in (start, end)]
        if latest is not None and later[0] >= latest:
            return
        yield later[0], later[1]
