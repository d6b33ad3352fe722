"""Slot search around a place, with the SAS radius rules and ranking.

Order: SAS participants first, then the earliest start, then the distance. SAS ranks participants above
other practitioners (sas-fhir-contract.md, "How the SAS search engine ranks"); inside a group the
regulator needs the soonest care for an unscheduled need, and between equal times the nearest place
costs the patient least. Slot ids break the last ties so pages never overlap.

Plan, built for a million slots: (1) practitioners' places inside the bounding box of the default
radius, exact distances in Python; (2) a grouped count of the offered slots per place; when fewer than
`offset + limit`, the places up to the département's cap are read and counted ring by ring, widening by
steps; (3) the page itself. Counts and page read only the covering index `ix_slots_search`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.agenda.geo import Place as Location
from bot.agenda.geo import RadiusRule, distance_km
from bot.agenda.models import Place, Practitioner, Slot
from bot.agenda.rules import eligible_clause
from bot.vocabulary import DEFAULT_MODE, DEFAULT_SPECIALTY

MAX_WINDOW = timedelta(days=7)
KM_PER_DEGREE = 111.32


@dataclass(frozen=True)
class SearchQuery:
    location: Location
    start: datetime
    end: datetime
    mode: str = DEFAULT_MODE
    specialty: str = DEFAULT_SPECIALTY
    limit: int = 5
    offset: int = 0


@dataclass(frozen=True)
class FoundSlot:
    slot: Slot
    distance_km: float


@dataclass(frozen=True)
class SearchResult:
    radius_km: float
    widened: bool
    start: datetime
    end: datetime
    window_widened: bool
    total: int
    slots: list[FoundSlot]


@dataclass(frozen=True)
class _Candidate:
    place_id: int
    sas: bool
    distance_km: float


def search(session: Session, query: SearchQuery, rule: RadiusRule) -> SearchResult:
    radii = _radii(rule)
    end, window_widened = query.end, False
    radius, chosen, total = _choose_radius(session, query, end, radii)
    if total == 0 and end < query.start + MAX_WINDOW:
        end, window_widened = query.start + MAX_WINDOW, True
        radius, chosen, total = _choose_radius(session, query, end, radii)
    return SearchResult(
        radius_km=radius,
        widened=radius > radii[0],
        start=query.start,
        end=end,
        window_widened=window_widened,
        total=total,
        slots=_page(session, query, end, chosen),
    )


def _choose_radius(
    session: Session, query: SearchQuery, end: datetime, radii: list[float]
) -> tuple[float, list[_Candidate], int]:
    """The smallest radius holding `offset + limit` slots, else the cap -> (radius, places, slot count).

    Most searches stop at the default radius; only then are the places up to the cap read, once, and
    their slots counted ring by ring.
    """
    needed = query.offset + query.limit
    within = _places_within(session, query, radii[0])
    counts = _counts_by_place(session, query, end, within)
    total = sum(counts.values())
    if total >= needed or len(radii) == 1:
        return radii[0], within, total
    everything = _places_within(session, query, radii[-1])
    for radius in radii[1:]:
        ring = [c for c in everything if radii[0] < c.distance_km <= radius and c.place_id not in counts]
        counts.update(_counts_by_place(session, query, end, ring))
        within = [c for c in everything if c.distance_km <= radius]
        total = sum(counts[c.place_id] for c in within)
        if total >= needed:
            break
    return radius, within, total


def _radii(rule: RadiusRule) -> list[float]:
    """Default radius, then one step more at a time, ending exactly at the cap."""
    radii = [rule.default_km]
    while rule.step_km > 0 and radii[-1] + rule.step_km < rule.cap_km:
        radii.append(radii[-1] + rule.step_km)
    if rule.cap_km > radii[-1]:
        radii.append(rule.cap_km)
    return radii


def _places_within(session: Session, query: SearchQuery, radius_km: float) -> list[_Candidate]:
    lat, lon = query.location.lat, query.location.lon
    dlat = radius_km / KM_PER_DEGREE
    dlon = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
    rows = session.execute(
        select(Place.id, Place.lat, Place.lon, Practitioner.sas_participant)
        .join(Practitioner, Place.practitioner_id == Practitioner.id)
        .where(
            Practitioner.specialty_code == query.specialty,
            Place.lat.between(lat - dlat, lat + dlat),
            Place.lon.between(lon - dlon, lon + dlon),
        )
    )
    candidates = [_Candidate(pid, sas, distance_km(lat, lon, plat, plon)) for pid, plat, plon, sas in rows]
    return [c for c in candidates if c.distance_km <= radius_km]


def _offered(query: SearchQuery, end: datetime, place_ids: list[int]):
    return (
        Slot.place_id.in_(place_ids),
        Slot.status == "free",
        Slot.start >= query.start,
        Slot.start < end,
        Slot.mode == query.mode,
        eligible_clause(),
    )


def _counts_by_place(
    session: Session, query: SearchQuery, end: datetime, places: list[_Candidate]
) -> dict[int, int]:
    """Offered slots per place, with a zero for every place asked about."""
    counts = dict.fromkeys((c.place_id for c in places), 0)
    if places:
        counts.update(session.execute(
            select(Slot.place_id, func.count()).where(*_offered(query, end, list(counts))).group_by(Slot.place_id)
        ).all())
    return counts


def _page(session: Session, query: SearchQuery, end: datetime, chosen: list[_Candidate]) -> list[FoundSlot]:
    """The page `[offset, offset + limit)` in (SAS first, start, distance, id) order.

    The database sorts by (SAS first, start) and stops at offset + limit rows; the rows tied with the
    last one on (group, start) are then fetched too, so the distance can settle their order here.
    """
    needed = query.offset + query.limit
    if not chosen or query.limit <= 0:
        return []
    by_place = {c.place_id: c for c in chosen}
    sas_ids = [c.place_id for c in chosen if c.sas]
    order = [case((Slot.place_id.in_(sas_ids), 0), else_=1), Slot.start] if sas_ids else [Slot.start]
    base = select(Slot.id, Slot.place_id, Slot.start).where(*_offered(query, end, list(by_place)))
    rows = session.execute(base.order_by(*order).limit(needed)).all()
    if len(rows) == needed:
        last_group = 0 if by_place[rows[-1].place_id].sas else 1
        same_group = [pid for pid, c in by_place.items() if (0 if c.sas else 1) == last_group]
        rows += session.execute(base.where(Slot.start == rows[-1].start, Slot.place_id.in_(same_group))).all()

    def rank(row):
        candidate = by_place[row.place_id]
        return (not candidate.sas, row.start, candidate.distance_km, row.id)

    ordered = sorted({row.id: row for row in rows}.values(), key=rank)[query.offset:needed]
    slots = session.execute(
        select(Slot)
        .where(Slot.id.in_([row.id for row in ordered]))
        .options(joinedload(Slot.practitioner), joinedload(Slot.place), selectinload(Slot.motifs))
    ).scalars()
    by_id = {slot.id: slot for slot in slots}
    return [FoundSlot(by_id[row.id], by_place[row.place_id].distance_km) for row in ordered]
