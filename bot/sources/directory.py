"""The practitioner directory the radius search runs on: who practises where, and which source holds their calendar.

Filled from a CSV extract (settings.directory_file, format in README.md) or, by default, from `GET /api/directory`
of each `api` source (our agenda). Loaded on first use, read again after `DIRECTORY_TTL_S`; a failed reload keeps
the listings already read, so that a directory hiccup never empties the search.
"""
from __future__ import annotations

import asyncio
import csv
import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import httpx
import numpy as np
from pydantic import ValidationError

from bot.agenda.contract import Address, Directory, DirectoryListing, Practitioner, Specialty
from bot.agenda.geo import EARTH_RADIUS_KM, Place, distance_km
from bot.agenda.medecin_traitant import is_named, said_name, same_commune, surname_runs
from bot.agenda.models import name_key
from bot.settings import get_settings
from bot.sources.config import Source, get_sources

log = logging.getLogger(__name__)

DIRECTORY_TTL_S = 600.0
CSV_COLUMNS = ("rpps", "civilite", "nom", "prenom", "specialite_code", "specialite", "sas", "surnumeraire",
               "adresse", "code_postal", "commune", "lat", "lon", "source")
TRUE = {"1", "oui", "true", "o", "vrai"}
FALSE = {"0", "non", "false", "n", "faux", ""}


class DirectoryFileError(ValueError):
    """The directory file cannot be used: said at start, with the line and what is wrong."""


@dataclass(frozen=True)
class Candidate:
    listing: DirectoryListing
    distance_km: float

    @property
    def rpps(self) -> str:
        return self.listing.practitioner.rpps


class Listings:
    """One snapshot of the directory, with its coordinates as arrays so that a radius look-up over 10,000 listings
    is a few vector operations."""

    def __init__(self, listings: list[DirectoryListing]):
        self.listings = listings
        self._lat = np.radians(np.array([item.lat for item in listings], dtype=float))
        self._lon = np.radians(np.array([item.lon for item in listings], dtype=float))
        self._specialty = np.array([item.practitioner.specialty.code for item in listings], dtype=object)
        self._by_surname: dict[str, list[DirectoryListing]] = {}
        for item in listings:
            self._by_surname.setdefault(name_key(item.practitioner.nom), []).append(item)

    def __len__(self) -> int:
        return len(self.listings)

    def near(self, lat: float, lon: float, radius_km: float, specialty: str | None = None) -> list[Candidate]:
        """Listings within the radius (of the specialty when given), nearest first (haversine, as geo.distance_km)."""
        if not self.listings:
            return []
        phi, lmb = math.radians(lat), math.radians(lon)
        h = np.sin((self._lat - phi) / 2) ** 2 + math.cos(phi) * np.cos(self._lat) * np.sin((self._lon - lmb) / 2) ** 2
        distances = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0)))
        keep = distances <= radius_km
        if specialty is not None:
            keep &= self._specialty == specialty
        indexes = np.flatnonzero(keep)
        order = indexes[np.argsort(distances[indexes], kind="stable")]
        return [Candidate(self.listings[i], float(distances[i])) for i in order]

    def medecin_traitant(self, asked: str, near: Place) -> Practitioner | None:
        """The practitioner named, as the agenda finds them (bot.agenda.medecin_traitant): every run of words said
        may be the surname, the other words the first name's; a commune after a comma keeps those practising
        there; among homonyms the nearest to the searched place."""
        said, commune = said_name(asked)
        if not said:
            return None
        places: dict[str, list[DirectoryListing]] = {}
        for run in surname_runs(said):
            for item in self._by_surname.get(run, ()):
                if is_named(item.practitioner.nom, item.practitioner.prenom, said):
                    places.setdefault(item.practitioner.rpps, []).append(item)
        if commune.strip():
            places = {rpps: found for rpps, found in places.items()
                      if any(same_commune(item.address.commune, commune) for item in found)}

        def nearest(rpps: str) -> tuple[float, str]:
            return min(distance_km(near.lat, near.lon, item.lat, item.lon) for item in places[rpps]), rpps

        chosen = min(places, key=nearest, default=None)
        return None if chosen is None else places[chosen][0].practitioner


Loader = Callable[[], Awaitable[list[DirectoryListing]]]


class PractitionerDirectory:
    def __init__(self, load: Loader, ttl_s: float = DIRECTORY_TTL_S, clock: Callable[[], float] = time.monotonic):
        self._load = load
        self._ttl_s = ttl_s
        self._clock = clock
        self._snapshot: Listings | None = None
        self._loaded_at = -math.inf
        self._lock: asyncio.Lock | None = None
        self._lock_loop = None

    async def listings(self) -> Listings:
        if self._snapshot is not None and self._clock() - self._loaded_at < self._ttl_s:
            return self._snapshot
        async with self._loading_lock():
            if self._snapshot is None or self._clock() - self._loaded_at >= self._ttl_s:
                await self._reload()
        return self._snapshot

    async def _reload(self) -> None:
        try:
            listings = await self._load()
        except (httpx.HTTPError, ValueError) as error:
            if self._snapshot is None:
                raise
            # Keep serving the listings already read; try again after another TTL.
            log.warning("directory reload failed, keeping %d listings: %s", len(self._snapshot), type(error).__name__)
        else:
            self._snapshot = Listings(listings)
            log.info("directory: %d listings", len(listings))
        self._loaded_at = self._clock()

    def _loading_lock(self) -> asyncio.Lock:
        # An asyncio.Lock belongs to one event loop; the cached directory may outlive a loop (tests, scripts).
        loop = asyncio.get_running_loop()
        if self._lock is None or self._lock_loop is not loop:
            self._lock, self._lock_loop = asyncio.Lock(), loop
        return self._lock


def read_csv(path: Path, default_source: str | None = None) -> list[DirectoryListing]:
    """The CSV extract (README.md): `;`-separated, UTF-8, one header line with CSV_COLUMNS (in any order)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=";")
            missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
            if missing:
                raise DirectoryFileError(f"{path}: missing columns {sorted(missing)}")
            return [_listing(path, number, row, default_source) for number, row in enumerate(reader, start=2)]
    except OSError as error:
        raise DirectoryFileError(f"{path}: cannot be read: {error}") from None


def write_csv(path: Path, listings: list[DirectoryListing]) -> None:
    """The listings as the CSV extract read_csv reads (exporting an agenda's directory for another assistant)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(CSV_COLUMNS)
        for item in listings:
            doctor, address = item.practitioner, item.address
            writer.writerow((doctor.rpps, doctor.civilite, doctor.nom, doctor.prenom, doctor.specialty.code,
                             doctor.specialty.label, int(doctor.sas_participant), int(doctor.surnumeraire),
                             address.line, address.postal_code, address.commune, item.lat, item.lon, item.source or ""))


def _listing(path: Path, number: int, row: dict[str, str], default_source: str | None) -> DirectoryListing:
    try:
        return DirectoryListing(
            practitioner=Practitioner(
                rpps=_rpps(row["rpps"]), civilite=row["civilite"].strip(), nom=row["nom"].strip(),
                prenom=row["prenom"].strip(),
                specialty=Specialty(code=row["specialite_code"].strip().upper(), label=row["specialite"].strip()),
                sas_participant=_flag(row["sas"]), surnumeraire=_flag(row["surnumeraire"]),
            ),
            address=Address(line=row["adresse"].strip(), postal_code=row["code_postal"].strip(),
                            commune=row["commune"].strip()),
            lat=_coordinate(row["lat"], 90), lon=_coordinate(row["lon"], 180),
            source=row["source"].strip() or default_source,
        )
    except (ValueError, ValidationError, AttributeError) as error:
        raise DirectoryFileError(f"{path}, line {number}: {error}") from None


def _rpps(text: str) -> str:
    rpps = text.strip()
    if not (rpps.isdigit() and len(rpps) == 11):
        raise ValueError(f"RPPS of 11 digits expected: « {text} »")
    return rpps


def _flag(text: str) -> bool:
    said = (text or "").strip().lower()
    if said not in TRUE | FALSE:
        raise ValueError(f"1/0 or oui/non expected: « {text} »")
    return said in TRUE


def _coordinate(text: str, bound: float) -> float:
    value = float(text.strip().replace(",", "."))
    if not -bound <= value <= bound:
        raise ValueError(f"coordinate out of range: {text}")
    return value


async def from_agendas(sources: list[Source]) -> list[DirectoryListing]:
    """The union of `GET /api/directory` of every `api` source, each listing tagged with the source answering."""
    async def one(source: Source) -> list[DirectoryListing]:
        options = source.client_options()
        async with httpx.AsyncClient(**options) as client:
            response = await client.get(f"{source.api_url}/api/directory")
            response.raise_for_status()
        listings = Directory.parse_obj(response.json()).listings
        return [item if item.source else item.copy(update={"source": source.name}) for item in listings]

    found = await asyncio.gather(*(one(source) for source in sources if source.booking == "api" and source.api_url))
    return [item for listings in found for item in listings]


def make_directory(sources: list[Source], directory_file: Path | None) -> PractitionerDirectory:
    default = sources[0].name
    if directory_file is not None:
        read_csv(directory_file, default)  # a bad file is said at start, not at the first search

        async def load() -> list[DirectoryListing]:
            return read_csv(directory_file, default)

        return PractitionerDirectory(load)
    return PractitionerDirectory(lambda: from_agendas(sources))


@lru_cache
def get_directory() -> PractitionerDirectory:
    return make_directory(get_sources(), get_settings().directory_file)
