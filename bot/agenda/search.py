"""Search around a place, one offer per practitioner with their next offered slots, by the SAS radius rules.

Order of the offers (SAS's, sas-fhir-contract.md "How the SAS search engine ranks", and the funnel's médecin
traitant shown first):
  1. the patient's médecin traitant, when named and offering slots in the window (at any distance up to the
     département's cap, even beyond the radius the others come from);
  2. SAS participants;
  3. the other practitioners.
Inside a group: the earliest offered slot (the regulator needs the soonest care for an unscheduled need), then
the distance of the place of that slot (the nearest costs the patient least), then the practitioner's id, so that
pages never overlap and a practitioner is on one page only. Inside an offer the slots follow their start.

Plan, built for a million slots: (1) practitioners' places inside the bounding box of the default radius, exact
distances in Python; (2) the first offered slot of each place, one grouped query on the covering index
`ix_slots_search`; a practitioner has offered slots when one of their places has; when fewer than `offset + limit`
practitioners have, the places up to the département's cap are read and queried ring by ring, widening by steps;
(3) for the page's practitioners only, their next `per_practitioner` slots (a window function per practitioner).
With nothing in the window at the cap, the next 7 days are searched.
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.agenda.geo import Place as Location
from bot.agenda.geo import RadiusRule, distance_km
from bot.agenda.models import Place, Practitioner, Slot
from bot.agenda.rules import eligible_clause
from bot.vocabulary import DEFAULT_MODE, DEFAULT_SPECIALTY

MAX_WINDOW = timedelta(days=7)
NATIONWIDE_KM = 1000.0  # the farthest two points of mainland France are about 1,000 km apart
KM_PER_DEGREE = 111.32
MEDECIN_TRAITANT, SAS, OTHERS = 0, 1, 2  # the groups, in their order


@dataclass(frozen=True)
class SearchQuery:
    location: Location
    start: datetime
    end: datetime
    mode: str = DEFAULT_MODE
    specialty: str = DEFAULT_SPECIALTY
    limit: int = 5  # practitioners a page
    offset: int = 0  # in practitioners
    per_practitioner: int = 4
    medecin_traitant: int | None = None  # the practitioner's id, resolved by bot.agenda.medecin_traitant


@dataclass(frozen=True)
class FoundSlot:
    slot: Slot
    distance_km: float  # of its place


@dataclass(frozen=True)
class Offer:
    practitioner: Practitioner
    slots: list[FoundSlot]  # the next ones, in order, at least one
    medecin_traitant: bool

    @property
    def distance_km(self) -> float:
        """The first slot's."""
        return self.slots[0].distance_km


@dataclass(frozen=True)
class SearchResult:
    radius_km: float
    widened: bool
    start: datetime
    end: datetime
    window_widened: bool
    total: int  # practitioners with offered slots
    offers: list[Offer]
    medecin_traitant_has_slots: bool


@dataclass(frozen=True)
class _Candidate:
    """A place of a practitioner of the searched specialty, at its distance from the searched place."""

    place_id: int
    practitioner_id: int
    sas: bool
    distance_km: float


@dataclass(frozen=True)
class _Ranked:
    """A practitioner with offered slots, where they stand in the order."""

    practitioner_id: int
    group: int
    first: datetime
    distance_km: float
    places: tuple[_Candidate, ...]

    @property
    def key(self) -> tuple:
        return self.group, self.first, self.distance_km, self.practitioner_id


def search(session: Session, query: SearchQuery, rule: RadiusRule) -> SearchResult:
    radii = radius_steps(rule)
    for search_pass in search_passes(radii, beyond_the_cap(query.mode, radii), query.start, query.end):
        steps, end, window_widened = search_pass  # the last pass tried says what the result covers
        radius, ranked = _choose_radius(session, query, end, steps)
        if ranked:
            break
    return SearchResult(
        radius_km=radius,
        widened=radius > radii[0],
        start=query.start,
        end=end,
        window_widened=window_widened,
        total=len(ranked),
        offers=_offers(session, query, end, ranked[query.offset:query.offset + query.limit]),
        medecin_traitant_has_slots=bool(ranked) and ranked[0].group == MEDECIN_TRAITANT,
    )


def _choose_radius(session: Session, query: SearchQuery, end: datetime, radii: list[float]) -> tuple[float, list[_Ranked]]:
    """The smallest radius where `offset + limit` practitioners have offered slots, else the cap -> (radius, the
    practitioners in order).

    Most searches stop at the default radius; only then are the places up to the cap read, once, and their first
    slots looked up ring by ring.
    """
    needed = query.offset + query.limit
    chosen = _medecin_traitant_places(session, query, radii[-1])
    within = _places_within(session, query, radii[0])
    firsts = _first_starts(session, query, end, within + chosen)
    ranked = _rank(query, within, chosen, firsts)
    if len(ranked) >= needed or len(radii) == 1:
        return radii[0], ranked
    everything = _places_within(session, query, radii[-1])
    for radius in radii[1:]:
        ring = [c for c in everything if radii[0] < c.distance_km <= radius and c.place_id not in firsts]
        firsts.update(_first_starts(session, query, end, ring))
        ranked = _rank(query, [c for c in everything if c.distance_km <= radius], chosen, firsts)
        if len(ranked) >= needed:
            break
    return radius, ranked


def _rank(query: SearchQuery, within: list[_Candidate], medecin_traitant: list[_Candidate],
          firsts: dict[int, datetime | None]) -> list[_Ranked]:
    """Practitioners with offered slots in the order of the module's docstring; the médecin traitant's places are
    those up to the cap."""
    by_practitioner: dict[int, list[_Candidate]] = {}
    for candidate in [c for c in within if c.practitioner_id != query.medecin_traitant] + medecin_traitant:
        if firsts.get(candidate.place_id) is not None:
            by_practitioner.setdefault(candidate.practitioner_id, []).append(candidate)
    ranked = []
    for practitioner_id, places in by_practitioner.items():
        best = min(places, key=lambda c: (firsts[c.place_id], c.distance_km))
        group = MEDECIN_TRAITANT if practitioner_id == query.medecin_traitant else SAS if best.sas else OTHERS
        ranked.append(_Ranked(practitioner_id, group, firsts[best.place_id], best.distance_km, tuple(places)))
    return sorted(ranked, key=lambda r: r.key)


def radius_steps(rule: RadiusRule) -> list[float]:
    """Default radius, then one step more at a time, ending exactly at the cap."""
    radii = [rule.default_km]
    while rule.step_km > 0 and radii[-1] + rule.step_km < rule.cap_km:
        radii.append(radii[-1] + rule.step_km)
    if rule.cap_km > radii[-1]:
        radii.append(rule.cap_km)
    return radii


def search_passes(radii: list[float], farther: list[float], start: datetime,
                  end: datetime) -> Iterator[tuple[list[float], datetime, bool]]:
    """(radius steps, window end, window widened) of each pass of a search, in order, until one finds a slot: up to
    the cap, then beyond it, within the window asked; then the same over the next 7 days."""
    ends = [(end, False)] + ([(start + MAX_WINDOW, True)] if end < start + MAX_WINDOW else [])
    for window_end, widened in ends:
        for steps in (radii, farther):
            if steps:
                yield steps, window_end, widened


def beyond_the_cap(mode: str, radii: list[float]) -> list[float]:
    """Where to search when nothing is found up to the cap, before any longer delay: in video, where the patient
    travels nowhere, the whole country rather than no slot at all; elsewhere nowhere."""
    return [NATIONWIDE_KM] if mode == "video" and radii[-1] < NATIONWIDE_KM else []


def _candidates(session: Session, query: SearchQuery, radius_km: float, *criteria) -> list[_Candidate]:
    lat, lon = query.location.lat, query.location.lon
    rows = session.execute(
        select(Place.id, Place.practitioner_id, Place.lat, Place.lon, Practitioner.sas_participant)
        .join(Practitioner, Place.practitioner_id == Practitioner.id)
        .where(Practitioner.specialty_code == query.specialty, *criteria)
    )
    candidates = [_Candidate(pid, doc, sas, distance_km(lat, lon, plat, plon)) for pid, doc, plat, plon, sas in rows]
    return [c for c in candidates if c.distance_km <= radius_km]


def in_box(location: Location, radius_km: float) -> tuple:
    """The places inside the bounding box of a circle (read on the index of places' coordinates)."""
    lat, lon = location.lat, location.lon
    dlat = radius_km / KM_PER_DEGREE
    dlon = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
    return Place.lat.between(lat - dlat, lat + dlat), Place.lon.between(lon - dlon, lon + dlon)


def _places_within(session: Session, query: SearchQuery, radius_km: float) -> list[_Candidate]:
    return _candidates(session, query, radius_km, *in_box(query.location, radius_km))


def _medecin_traitant_places(session: Session, query: SearchQuery, cap_km: float) -> list[_Candidate]:
    """The médecin traitant's places up to the cap, when they practise the searched specialty."""
    if query.medecin_traitant is None:
        return []
    return _candidates(session, query, cap_km, Place.practitioner_id == query.medecin_traitant)


def _offered(query: SearchQuery, end: datetime, place_ids: list[int]):
    return (
        Slot.place_id.in_(place_ids),
        Slot.status == "free",
        Slot.start >= query.start,
        Slot.start < end,
        Slot.mode == query.mode,
        eligible_clause(),
    )


def _first_starts(
    session: Session, query: SearchQuery, end: datetime, places: list[_Candidate]
) -> dict[int, datetime | None]:
    """The start of the first offered slot of every place asked about, None when it has none."""
    firsts: dict[int, datetime | None] = dict.fromkeys(c.place_id for c in places)
    if places:
        firsts.update(session.execute(
            select(Slot.place_id, func.min(Slot.start)).where(*_offered(query, end, list(firsts))).group_by(Slot.place_id)
        ).all())
    return firsts


def _offers(session: Session, query: SearchQuery, end: datetime, page: list[_Ranked]) -> list[Offer]:
    """The page's practitioners with their next `per_practitioner` slots, in the page's order."""
    if not page:
        return []
    by_place = {c.place_id: c for ranked in page for c in ranked.places}
    position = func.row_number().over(partition_by=Slot.practitioner_id, order_by=(Slot.start, Slot.id))
    numbered = select(Slot.id, position.label("position")).where(*_offered(query, end, list(by_place))).subquery()
    slots = session.execute(
        select(Slot)
        .where(Slot.id.in_(select(numbered.c.id).where(numbered.c.position <= query.per_practitioner)))
        .options(joinedload(Slot.practitioner), joinedload(Slot.place), selectinload(Slot.motifs))
    ).scalars()
    by_practitioner: dict[int, list[FoundSlot]] = {}
    for slot in sorted(slots, key=lambda s: (s.start, by_place[s.place_id].distance_km, s.id)):
        by_practitioner.setdefault(slot.practitioner_id, []).append(FoundSlot(slot, by_place[slot.place_id].distance_km))
    return [
        Offer(by_practitioner[r.practitioner_id][0].slot.practitioner, by_practitioner[r.practitioner_id],
              medecin_traitant=r.group == MEDECIN_TRAITANT)
        for r in page
    ]
