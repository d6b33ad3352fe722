"""One source's free slots, asked with the SAS contract's Slot search and read from its searchset.

Everything read is first validated against the FHIR R4 structures (fhir.resources 6.1.0), then against what the
SAS profiles need (a Slot's start, end and Schedule; the Schedule's Practitioner with the RPPS asked, and its
PractitionerRole with a contained Location with line, city and postal code; the mode coded in serviceType). An
answer failing any of it is skipped whole, never half-read: the source counts as one that did not answer, and the
warning logged names the source and the problem, never a practitioner or a patient.

Kept: `ROUTINE` slots (a WALKIN slot cannot be booked) typed `PUBLIC` or `SNP`, or offering the motif « Soins non
programmés » — the slots the SAS mode d'emploi says reach the regulator. `PRO` alone is left out: those slots are
for the practitioner's fellow professionals, not for a patient the regulator orients.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import httpx
from dateutil.parser import isoparse
from fhir.resources import fhirtypes, get_fhir_model_class
from fhir.resources.bundle import Bundle
from pydantic import BaseModel, ValidationError

from bot.agenda.contract import Address
from bot.agenda.fhir import (
    ACT_CODE_SYSTEM,
    APPOINTMENT_TYPE_SYSTEM,
    FHIR_JSON,
    IDENTIFIER_PARAM,
    INCLUDE_ACTORS,
    INCLUDE_SCHEDULE,
    MAX_PRACTITIONERS,
    MODE_CODES,
    RPPS_SYSTEM,
    SLOT_TYPE_SYSTEM,
)
from bot.sources.config import Source

log = logging.getLogger(__name__)

SNP_LABEL = "Soins non programmés"  # the motif the guide names
ELIGIBLE_TYPES = {"PUBLIC", "SNP"}
MODE_BY_CODE = {code: mode for mode, (code, _display) in MODE_CODES.items()}  # AMB -> cabinet ...
BOOKABLE = "ROUTINE"
VALIDATED_KEPT = 100_000  # digests of resources found valid (16 bytes each): ~10 MB at most


class SourceUnanswered(Exception):
    """Down, too slow, refused the request (OperationOutcome, 4xx, 5xx) or answered outside the contract."""


class MalformedAnswer(ValueError):
    pass


@dataclass(frozen=True)
class FhirSlot:
    """A free slot as a source gives it, before the directory places it."""

    id: str  # at the source
    rpps: str
    start: datetime
    end: datetime
    modes: frozenset[str]  # cabinet, video, domicile
    snp: bool
    motifs: tuple[str, ...]  # labels (serviceType.text)
    booking_page: str | None
    address: Address


def search_params(rpps: list[str], start: datetime, end: datetime) -> list[tuple[str, str]]:
    """The contract's Slot search, parameter for parameter."""
    if not 1 <= len(rpps) <= MAX_PRACTITIONERS:
        raise ValueError(f"1 to {MAX_PRACTITIONERS} practitioners a request")
    return [
        ("_include", INCLUDE_SCHEDULE),
        ("_include:iterate", INCLUDE_ACTORS),
        ("status", "free"),
        ("start", "ge" + _instant(start)),
        ("start", "le" + _instant(end)),
        (IDENTIFIER_PARAM, ",".join(f"{RPPS_SYSTEM}|8{number}" for number in rpps)),
    ]


def _instant(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class SlotSource:
    """One source's Slot search, through one async client (its bearer token or client certificate, its timeout)."""

    def __init__(self, source: Source):
        self.source = source
        self._client: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _http(self) -> httpx.AsyncClient:
        # A client's connections belong to the event loop that opened them: a new loop gets a new client.
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            options = self.source.client_options()
            options["headers"] = {**options["headers"], "Accept": FHIR_JSON}
            self._client = httpx.AsyncClient(**options)
            self._loop = loop
        return self._client

    async def free_slots(self, rpps: list[str], start: datetime, end: datetime) -> list[FhirSlot]:
        name = self.source.name
        try:
            response = await self._http().get(f"{self.source.fhir_url}/Slot", params=search_params(rpps, start, end))
        except httpx.HTTPError as error:
            log.warning("source %s did not answer: %s", name, type(error).__name__)
            raise SourceUnanswered(name) from error
        if response.status_code != 200:
            log.warning("source %s refused the Slot search: HTTP %d %s", name, response.status_code,
                        _outcome_codes(response))
            raise SourceUnanswered(name)
        try:
            return read_searchset(response.json(), set(rpps))
        except (ValueError, ValidationError) as error:  # JSONDecodeError is a ValueError
            log.warning("source %s answered outside the contract, answer skipped: %s", name, _problem(error))
            raise SourceUnanswered(name) from error

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()


def _outcome_codes(response: httpx.Response) -> list[str]:
    """The OperationOutcome's issue codes: its diagnostics may quote the request, they are not logged."""
    try:
        body = response.json()
        return [issue.get("code", "?") for issue in body.get("issue", [])] if isinstance(body, dict) else []
    except ValueError:
        return []


def _problem(error: Exception) -> str:
    """Where the answer is wrong, never the values in it."""
    if isinstance(error, ValidationError):
        return "invalid FHIR at " + ", ".join(".".join(map(str, e["loc"])) for e in error.errors()[:5])
    if isinstance(error, MalformedAnswer):
        return str(error)
    return "not JSON"


def read_searchset(body: object, asked: set[str]) -> list[FhirSlot]:
    """The eligible free slots of a searchset Bundle; MalformedAnswer or ValidationError when it is not one.

    Everything is validated before anything is read: the Bundle without its resources, then each resource by its
    own model, a Slot by its shape (`_slot_shapes`). Checking them one by one lets a resource already seen valid
    (the same practitioner asked again) skip the models, which cost ~1 ms a Slot.
    """
    if not isinstance(body, dict) or body.get("resourceType") != "Bundle":
        raise MalformedAnswer(f"not a Bundle ({_kind(body)})")
    entries = body.get("entry") or []
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise MalformedAnswer("Bundle.entry is not a list of entries")
    bundle = Bundle.parse_obj({**body, "entry": _entry_shapes(entries)})
    if bundle.type != "searchset":
        raise MalformedAnswer(f"a Bundle of type {bundle.type}, not searchset")
    resources, matches = {}, []
    for entry in entries:
        resource = entry.get("resource")
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            raise MalformedAnswer("an entry without resource")
        key = f"{resource['resourceType']}/{resource.get('id')}"
        resources[key] = resource
        if entry.get("fullUrl"):
            resources[entry["fullUrl"]] = resource
        if resource["resourceType"] == "Slot":
            matches.append(resource)
        else:
            _validate(resource)
    actors: dict[str, tuple[str, Address]] = {}
    offers: dict[str, _Offer] = {}  # by shape: what a shape says is read once for the slots sharing it
    slots = []
    for slot, shape in zip(matches, _slot_shapes(matches), strict=True):
        if shape not in offers:
            offers[shape] = _offer(slot)
        slots.append(_read_slot(slot, offers[shape], resources, asked, actors))
    return [slot for slot in slots if slot is not None]


class _EntryPrimitives(BaseModel):
    fullUrl: list[fhirtypes.Uri]


def _entry_shapes(entries: list[dict]) -> list[dict]:
    """The entries without their resources, the full URLs checked as FHIR uris in one validation then each set to
    one valid value: the entries left differ only by their search mode, so the Bundle model validates two of them,
    not hundreds."""
    shapes: dict[str, dict] = {}
    urls = []
    for entry in entries:
        shape = {key: value for key, value in entry.items() if key != "resource"}
        if "fullUrl" in shape:
            if not isinstance(shape["fullUrl"], str):
                raise MalformedAnswer("a Bundle.entry.fullUrl that is not a JSON string")
            urls.append(shape["fullUrl"])
            shape["fullUrl"] = "urn:x"
        shapes.setdefault(json.dumps(shape, sort_keys=True), shape)
    _EntryPrimitives.validate({"fullUrl": urls})
    return list(shapes.values())


class _ValidResources:
    """Digests of the resources already validated: the same JSON is the same verdict. Bounded, oldest out."""

    def __init__(self, size: int):
        self.size = size
        self.digests: OrderedDict[bytes, None] = OrderedDict()

    def check(self, resource: dict) -> None:
        digest = hashlib.blake2b(json.dumps(resource, separators=(",", ":")).encode(), digest_size=16).digest()
        if digest in self.digests:
            self.digests.move_to_end(digest)
            return
        try:
            model = get_fhir_model_class(resource["resourceType"])
        except KeyError:
            raise MalformedAnswer("an entry of an unknown resource type") from None
        model.parse_obj(resource)
        self.digests[digest] = None
        if len(self.digests) > self.size:
            self.digests.popitem(last=False)


_validate = _ValidResources(VALIDATED_KEPT).check


class _SlotPrimitives(BaseModel):
    """What differs from one Slot to the next of the same practitioner, with the FHIR types of the Slot model: the
    values of all the Bundle's slots in one validation."""

    id: list[fhirtypes.Id]
    start: list[fhirtypes.Instant]
    end: list[fhirtypes.Instant]
    comment: list[fhirtypes.String]
    schedule: list[fhirtypes.String]


SLOT_PLACEHOLDERS = {"id": "x", "start": "2000-01-01T00:00:00Z", "end": "2000-01-01T00:00:00Z", "comment": "x"}


def _slot_shapes(slots: list[dict]) -> list[str]:
    """Each Slot's shape, as JSON, validated: the Slot with its own values (id, start, end, comment, Schedule
    reference) checked against their FHIR types and replaced by fixed valid ones. What is left — types, modes,
    motifs, specialty — is shared by most slots of a practitioner, so the Slot model validates it once. Sound
    because the model checks each element on its own and the placeholders keep which elements are present."""
    primitives: dict[str, dict[str, None]] = {key: {} for key in _SlotPrimitives.__fields__}  # each value once
    shapes: dict[str, dict] = {}
    texts = []
    for slot in slots:
        own = {key: slot[key] for key in SLOT_PLACEHOLDERS if key in slot}
        if not all(isinstance(value, str) for value in own.values()):
            raise MalformedAnswer("a Slot whose id, start, end or comment is not a JSON string")
        for key, value in own.items():
            primitives[key][value] = None
        shape = {**slot, **{key: SLOT_PLACEHOLDERS[key] for key in own}}
        schedule = slot.get("schedule")
        if isinstance(schedule, dict) and list(schedule) == ["reference"]:
            primitives["schedule"][schedule["reference"]] = None
            shape["schedule"] = {"reference": "Schedule/x"}
        text = json.dumps(shape, separators=(",", ":"))
        shapes.setdefault(text, shape)
        texts.append(text)
    _SlotPrimitives.validate({key: list(values) for key, values in primitives.items()})
    for shape in shapes.values():
        _validate(shape)
    return texts


def _kind(body: object) -> str:
    return body.get("resourceType", "no resourceType") if isinstance(body, dict) else type(body).__name__


def _resolve(reference: dict | None, resources: dict, kind: str) -> dict:
    """A reference read as `Type/id` or a full URL, to a resource of the Bundle of that type."""
    text = (reference or {}).get("reference") or ""
    resource = resources.get(text) or resources.get("/".join(text.rstrip("/").split("/")[-2:]))
    if resource is None or resource["resourceType"] != kind:
        raise MalformedAnswer(f"a {kind} referenced but not included")
    return resource


def _actor(schedule: dict, kind: str, resources: dict) -> dict:
    for actor in schedule.get("actor") or ():
        parts = (actor.get("reference") or "").rstrip("/").split("/")
        if len(parts) >= 2 and parts[-2] == kind:
            return _resolve(actor, resources, kind)
    raise MalformedAnswer(f"a Schedule without {kind} actor")


def _codes(concepts: list[dict], system: str) -> list[str]:
    return [coding.get("code") for concept in concepts for coding in concept.get("coding") or ()
            if coding.get("system") == system]


@dataclass(frozen=True)
class _Offer:
    """What a Slot says of itself beyond its time and place: the same for every slot of its shape."""

    modes: frozenset[str]
    snp: bool
    motifs: tuple[str, ...]
    kept: bool  # ROUTINE, and PUBLIC or SNP


def _offer(slot: dict) -> _Offer:
    if slot.get("status") != "free":
        raise MalformedAnswer("a Slot without free status, start and end")
    services = slot.get("serviceType") or []
    modes = frozenset(MODE_BY_CODE[code] for code in _codes(services, ACT_CODE_SYSTEM) if code in MODE_BY_CODE)
    if not modes:
        raise MalformedAnswer("a Slot without consultation mode (serviceType AMB, VR or HH)")
    labels = tuple(dict.fromkeys(kind["text"].strip() for kind in services if (kind.get("text") or "").strip()))
    types = set(_codes([{"coding": (slot.get("meta") or {}).get("security") or []}], SLOT_TYPE_SYSTEM))
    snp = "SNP" in types or SNP_LABEL in labels
    routine = BOOKABLE in _codes([slot.get("appointmentType") or {}], APPOINTMENT_TYPE_SYSTEM)
    return _Offer(modes, snp, labels, routine and bool(types & ELIGIBLE_TYPES or snp))


def _read_slot(slot: dict, offer: _Offer, resources: dict, asked: set[str], actors: dict) -> FhirSlot | None:
    """`actors`: the RPPS and address read for each Schedule reference of the Bundle, shared by its slots."""
    if not slot.get("start") or not slot.get("end"):
        raise MalformedAnswer("a Slot without free status, start and end")
    start, end = _instant_of(slot["start"]), _instant_of(slot["end"])
    if end <= start:
        raise MalformedAnswer("a Slot ending before it starts")
    reference = (slot.get("schedule") or {}).get("reference") or ""
    if reference not in actors:
        schedule = _resolve(slot.get("schedule"), resources, "Schedule")
        rpps = _rpps(_actor(schedule, "Practitioner", resources))
        if rpps not in asked:
            raise MalformedAnswer("a Slot of a practitioner not asked for")
        actors[reference] = rpps, _address(_actor(schedule, "PractitionerRole", resources))
    rpps, address = actors[reference]
    if not offer.kept:
        return None
    return FhirSlot(id=slot["id"], rpps=rpps, start=start, end=end, modes=offer.modes, snp=offer.snp,
                    motifs=offer.motifs, booking_page=_web_page(slot.get("comment")), address=address)


def _instant_of(text: str) -> datetime:
    """A FHIR instant (validated with its offset): the standard library's parser, fast, reads most of them."""
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:  # a fraction of other than 3 or 6 digits
        return isoparse(text)


def _rpps(practitioner: dict) -> str:
    for identifier in practitioner.get("identifier") or ():
        value = identifier.get("value") or ""
        if identifier.get("system") == RPPS_SYSTEM and len(value) == 12 and value.startswith("8") and value.isdigit():
            return value[1:]
    raise MalformedAnswer("a Practitioner without RPPS identifier")


def _address(role: dict) -> Address:
    location_ref = next((ref["reference"] for ref in role.get("location") or ()
                         if (ref.get("reference") or "").startswith("#")), None)
    location = next((item for item in role.get("contained") or ()
                     if item.get("resourceType") == "Location" and location_ref == f"#{item.get('id')}"), None)
    address = (location or {}).get("address") or {}
    if not address.get("line") or not address.get("city") or not address.get("postalCode"):
        raise MalformedAnswer("a PractitionerRole without contained Location with line, city and postal code")
    return Address(line=" ".join(address["line"]), postal_code=address["postalCode"], commune=address["city"])


def _web_page(comment: str | None) -> str | None:
    """Slot.comment when it is a web address: nothing else is ever offered to open."""
    if not comment:
        return None
    parts = urlsplit(comment.strip())
    return comment.strip() if parts.scheme in ("http", "https") and parts.netloc else None
