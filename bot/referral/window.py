"""The search window: now to +48 h by default, as SAS does; narrowed by a wanted time or an urgency."""
from __future__ import annotations

from datetime import datetime, timedelta

DEFAULT_WINDOW = timedelta(hours=48)


def search_window(now: datetime, creneau: dict | None, urgence_hours: float | None) -> tuple[datetime, datetime]:
    """(from, to) for the agenda search. A wanted time wins; an urgency caps the end; never before now."""
    if creneau and creneau.get("start") and creneau.get("end"):
        start = max(datetime.fromisoformat(creneau["start"]), now)
        end = datetime.fromisoformat(creneau["end"])
        if end > start:
            return start, end
    if urgence_hours:
        return now, now + timedelta(hours=float(urgence_hours))
    return now, now + DEFAULT_WINDOW
