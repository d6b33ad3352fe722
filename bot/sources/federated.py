"""The search the actions run: the directory's practitioners around a place, their free slots asked of the sources
holding their calendars in parallel, merged into one ranked offer with the semantics of the agenda's own search
(bot/agenda/search.py, whose docstring gives the order).

The radius is the département's, widened step by step up to its cap (or the radius asked, up to 200 km) until
`offset + limit` practitioners have offered slots. Each step asks every practitioner of its ring not asked yet,
25 a request as the contract allows, every request at once: the order inside a group is by earliest slot, so a
ring is read whole before it is ranked. A step where fewer than `offset + limit` practitioners may still offer
slots cannot be the one chosen: its ring is asked with the next one's, a round trip less. A source that fails
(down, too slow, refusing, malformed) is named in `unanswered` and not asked again during that search; the
others' slots are shown. With nothing in the window at the cap, the next 7 days are searched.
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

import httpx

from bot.agenda import contract, geo, specialties
from bot.agenda.fhir import MAX_PRACTITIONERS
from bot.agenda.medecin_traitant import words
from bot.agenda.search import MEDECIN_TRAITANT, OTHERS, SAS, beyond_the_cap, radius_steps, search_passes
from bot.settings import get_settings
from bot.sources.config import Source, get_sources
from bot.sources.directory import Candidate, PractitionerDirectory, get_directory
from bot.sources.fhir_slots import SNP_LABEL, FhirSlot, SlotSource, SourceUnanswered
from bot.vocabulary import DEFAULT_MODE, MODES

log = logging.getLogger(__name__)


class UnknownLocation(ValueError):
    """The place is not one the geocoder knows; `suggestions` are close ones (the « lieu inconnu » buttons)."""

    def __init__(self, message: str, suggestions: list[str]):
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions


class SourcesUnavailable(RuntimeError):
    """Every source asked failed: there is no offer to show, only the outage to tell."""

    def __init__(self, labels: list[str]):
        super().__init__(", ".join(labels))
        self.labels = labels


@dataclass(frozen=True)
class _Found:
    """A slot placed at one of the directory's listings."""

    slot: FhirSlot
    source: Source
    candidate: Candidate

    @property
    def key(self) -> tuple:
        return self.slot.start, self.candidate.distance_km, self.source.name, self.slot.id


@dataclass(frozen=True)
class _Ranked:
    rpps: str
    group: int
    slots: tuple[_Found, ...]  # in order

    @property
    def key(self) -> tuple:
        first = self.slots[0]
        return self.group, first.slot.start, first.candidate.distance_km, self.rpps


@dataclass
class _Asked:
    """What one window's search has read from the sources."""

    slots: dict[str, list[tuple[FhirSlot, Source]]] = field(default_factory=dict)  # by RPPS
    asked: set[str] = field(default_factory=set)


class FederatedSearch:
    def __init__(self, sources: list[Source], directory: PractitionerDirectory, tz: tzinfo):
        self.sources = {source.name: source for source in sources}
        self.default_source = sources[0].name
        self.directory = directory
        self.tz = tz
        self.clients = {source.name: SlotSource(source) for source in sources}

    async def search(
        self,
        location: str,
        start: datetime,
        end: datetime,
        mode: str = DEFAULT_MODE,
        specialty: str | None = None,
        limit: int = 5,
        offset: int = 0,
        per_practitioner: int = 4,
        medecin_traitant: str | None = None,
        radius_km: float | None = None,
    ) -> contract.SearchResult:
        if mode not in MODES:
            raise ValueError(f"unknown mode: {mode}")
        code, _label = specialties.resolve(specialty)
        try:
            place = geo.geocode(location)
        except geo.UnknownPlace as unknown:
            raise UnknownLocation(geo.unknown_place_message(location, unknown), unknown.suggestions) from None
        try:
            listings = await self.directory.listings()
        except (httpx.HTTPError, ValueError) as error:  # first load only: a failed reload keeps the listings read
            log.warning("directory unavailable: %s", type(error).__name__)
            raise SourcesUnavailable([s.label for s in self.sources.values() if s.booking == "api"]) from error
        radii = radius_steps(geo.radius_rule(place.departement).widened_to(radius_km))
        farther = beyond_the_cap(mode, radii)
        everything = listings.near(place.lat, place.lon, (farther or radii)[-1], code)
        doctor = listings.medecin_traitant(medecin_traitant, place) if medecin_traitant else None
        run = _Run(self, mode, start, offset + limit, doctor and doctor.rpps)

        for search_pass in search_passes(radii, farther, start, end):
            steps, window_end, window_widened = search_pass  # the last pass tried says what the result covers
            radius, ranked = await run.choose_radius(everything, steps, window_end)
            if ranked:
                break
        if run.failed and len(run.failed) == len(run.tried):
            raise SourcesUnavailable([self.sources[name].label for name in sorted(run.failed)])
        return contract.SearchResult(
            location=contract.Location(label=place.label, commune=place.commune, postal_code=place.postal_code,
                                       insee=place.insee, lat=place.lat, lon=place.lon),
            radius_km=radius,
            widened=radius > radii[0],
            window=contract.Window(start=start.astimezone(self.tz), end=window_end.astimezone(self.tz)),
            window_widened=window_widened,
            total=len(ranked),
            offers=[self._offer(r, per_practitioner, mode) for r in ranked[offset:offset + limit]],
            medecin_traitant=contract.MedecinTraitant(
                asked=medecin_traitant, found=doctor is not None,
                name=doctor and f"{doctor.civilite} {doctor.prenom} {doctor.nom}",
                has_slots=bool(ranked) and ranked[0].group == MEDECIN_TRAITANT,
            ) if medecin_traitant else None,
            unanswered=[self.sources[name].label for name in sorted(run.failed)],
        )

    def _offer(self, ranked: _Ranked, per_practitioner: int, mode: str) -> contract.Offer:
        shown = ranked.slots[:per_practitioner]
        first = shown[0].candidate
        return contract.Offer(
            practitioner=first.listing.practitioner,
            address=first.listing.address,
            distance_km=round(first.distance_km, 1),
            snp=any(found.slot.snp for found in shown),
            medecin_traitant=ranked.group == MEDECIN_TRAITANT,
            slots=[self._slot(found, mode) for found in shown],
        )

    def _slot(self, found: _Found, mode: str) -> contract.Slot:
        slot, source, listing = found.slot, found.source, found.candidate.listing
        return contract.Slot(
            id=f"{source.name}:{slot.id}",
            start=slot.start.astimezone(self.tz),
            end=slot.end.astimezone(self.tz),
            mode=mode,
            snp=slot.snp,
            distance_km=round(found.candidate.distance_km, 1),
            practitioner=listing.practitioner,
            address=listing.address,
            motifs=[contract.Motif(id="", label=label, snp=label == SNP_LABEL) for label in slot.motifs],
            source=source.name,
            source_slot_id=slot.id,
            booking=source.booking,
            booking_page=slot.booking_page,
        )

    async def aclose(self) -> None:
        await asyncio.gather(*(client.aclose() for client in self.clients.values()))


class _Run:
    """One search: the sources tried and failed, the slots read for the current window."""

    def __init__(self, search: FederatedSearch, mode: str, start: datetime, needed: int, medecin_traitant: str | None):
        self.search = search
        self.mode = mode
        self.start = start
        self.needed = needed
        self.medecin_traitant = medecin_traitant
        self.tried: set[str] = set()
        self.failed: set[str] = set()

    async def choose_radius(self, everything: list[Candidate], radii: list[float],
                            end: datetime) -> tuple[float, list[_Ranked]]:
        """The smallest radius where `needed` practitioners have offered slots, else the last one."""
        asked = _Asked()
        chosen = [c for c in everything if c.rpps == self.medecin_traitant]
        ranked: list[_Ranked] = []
        for radius in radii:
            within = [c for c in everything if c.distance_km <= radius and c.rpps != self.medecin_traitant] + chosen
            # A radius where fewer than `needed` practitioners may still offer slots (not asked yet, or with slots
            # read) cannot be chosen: its ring is asked with the next ones, a round trip less, the same result.
            possible = {c.rpps for c in within if c.rpps not in asked.asked or c.rpps in asked.slots}
            if len(possible) < self.needed and radius != radii[-1]:
                continue
            await self._ask(asked, [c for c in within if c.rpps not in asked.asked], end)
            ranked = self._rank(asked, within, end)
            if len(ranked) >= self.needed:
                break
        return radius, ranked

    async def _ask(self, asked: _Asked, candidates: list[Candidate], end: datetime) -> None:
        """Every practitioner not asked yet, nearest first, 25 a request, grouped by source, all at once."""
        by_source: dict[str, list[str]] = {}
        for candidate in candidates:
            name = candidate.listing.source or self.search.default_source
            if candidate.rpps in asked.asked or name in self.failed:
                continue
            asked.asked.add(candidate.rpps)
            if name not in self.search.sources:
                log.warning("directory names an undeclared source, listing skipped: %s", name)
                continue
            by_source.setdefault(name, []).append(candidate.rpps)
        requests = [(name, rpps[i:i + MAX_PRACTITIONERS]) for name, rpps in by_source.items()
                    for i in range(0, len(rpps), MAX_PRACTITIONERS)]
        answers = await asyncio.gather(
            *(self.search.clients[name].free_slots(batch, self.start, end) for name, batch in requests),
            return_exceptions=True,
        )
        for (name, _batch), answer in zip(requests, answers, strict=True):
            self.tried.add(name)
            if isinstance(answer, SourceUnanswered):
                self.failed.add(name)
            elif isinstance(answer, BaseException):
                raise answer
            else:
                for slot in answer:
                    asked.slots.setdefault(slot.rpps, []).append((slot, self.search.sources[name]))
        # A source failing on one batch is missing from the whole offer: never half a source's answer.
        for rpps, slots in asked.slots.items():
            asked.slots[rpps] = [(slot, source) for slot, source in slots if source.name not in self.failed]

    def _rank(self, asked: _Asked, within: list[Candidate], end: datetime) -> list[_Ranked]:
        places: dict[str, list[Candidate]] = {}
        for candidate in within:
            places.setdefault(candidate.rpps, []).append(candidate)
        ranked = []
        for rpps, candidates in places.items():
            found = sorted((_Found(slot, source, at) for slot, source in asked.slots.get(rpps, ())
                            if self._offered(slot, source, end) and (at := _place_of(slot, candidates))),
                           key=lambda f: f.key)
            if found:
                sas = found[0].candidate.listing.practitioner.sas_participant
                group = MEDECIN_TRAITANT if rpps == self.medecin_traitant else SAS if sas else OTHERS
                ranked.append(_Ranked(rpps, group, tuple(found)))
        return sorted(ranked, key=lambda r: r.key)

    def _offered(self, slot: FhirSlot, source: Source, end: datetime) -> bool:
        # A `link` slot without its booking page cannot be booked by anyone.
        return (self.mode in slot.modes and self.start <= slot.start < end
                and (source.booking == "api" or slot.booking_page is not None))


def _place_of(slot: FhirSlot, candidates: list[Candidate]) -> Candidate | None:
    """The listing of the slot's address among the practitioner's listings in the radius (the nearest with its
    postal code when the source spells the street otherwise); None when the slot is at a place farther out."""
    same = [c for c in candidates if c.listing.address.postal_code == slot.address.postal_code]
    exact = [c for c in same if _street(c.listing.address.line) == _street(slot.address.line)]
    return (exact or same or [None])[0]


@lru_cache(maxsize=50_000)
def _street(line: str) -> tuple:
    """An address line as compared, read once: every slot of a practitioner carries the same."""
    return tuple(words(line))


@lru_cache
def get_federated_search() -> FederatedSearch:
    """Created on first use (the action server imports every module of actions/ at start)."""
    return FederatedSearch(get_sources(), get_directory(), ZoneInfo(get_settings().timezone))
