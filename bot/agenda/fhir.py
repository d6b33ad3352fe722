"""FHIR R4 API of the agenda following the SAS contract (ANS guide "Service d'Accès aux Soins" 1.2.0).

`GET /fhir/Slot` answers the SAS slot search with a `searchset` Bundle of Slots and, through the two
`_include`s, their Schedules, Practitioners and PractitionerRoles (each with a contained Location).
Only slots that pass `bot.agenda.rules.eligible_clause()` are ever returned. A request that cannot run
gets 400 with an OperationOutcome whose diagnostics are in French. `GET /fhir/metadata` describes it.

Ids: Slot = slot id, Practitioner = practitioner id, Schedule and PractitionerRole = place id (a place
belongs to one practitioner, and the guide's PractitionerRole holds exactly one Location).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone, tzinfo
from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from bot.agenda.deps import NowDep, SessionDep, TzDep
from bot.agenda.models import Motif, Place, Practitioner, Slot, slot_motifs
from bot.agenda.rules import eligible_clause

FHIR_JSON = "application/fhir+json"
FHIR_VERSION = "4.0.1"
RPPS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1"
STRUCTURE_SYSTEM = "urn:oid:1.2.250.1.71.4.2.2"
IDENTIFIER_TYPE_SYSTEM = "http://interopsante.org/fhir/CodeSystem/fr-v2-0203"
LOCATION_IDENTIFIER_TYPE_SYSTEM = "http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type"
LOCATION_IDENTIFIER_SYSTEM = "urn:sas-assistant:agenda:lieu"
SLOT_TYPE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau"
SPECIALTY_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale"
ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
APPOINTMENT_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0276"
PROFILE_BASE = "http://sas.fr/fhir/StructureDefinition/"
SLOT_PROFILE = PROFILE_BASE + "FrSlotAgregateur"
SCHEDULE_PROFILE = PROFILE_BASE + "FrScheduleAgregateur"
PRACTITIONER_PROFILE = PROFILE_BASE + "FrPractitionerAgregateur"
PRACTITIONER_ROLE_PROFILE = PROFILE_BASE + "FrPractitionerRoleExerciceAgregateur"
BUNDLE_PROFILE = PROFILE_BASE + "BundleAgregateur"
APPOINTMENT_PROFILE = PROFILE_BASE + "FrAppointmentSAS"  # the notices received (bot.agenda.routes.fhir_appointments)
# The booking page of a slot (Slot.comment): the side panel, served at the agenda's root, on that slot.
BOOKING_PAGE = "?creneau={slot_id}"
MAX_PRACTITIONERS = 25
MOTIFS_READ = 500  # slots whose motifs one statement reads (as selectinload does: bound parameters are limited)
MODE_CODES = {
    "cabinet": ("AMB", "ambulatory"),
    "video": ("VR", "virtual"),
    "domicile": ("HH", "home health"),
}
INCLUDE_SCHEDULE = "Slot:schedule"
INCLUDE_ACTORS = "Schedule:actor"
IDENTIFIER_PARAM = "schedule.actor:Practitioner.identifier"
_RPPS_VALUE = re.compile(r"8(\d{11})")
_DATE_PARAM = re.compile(r"(ge|gt|le|lt)(\d{4}-\d{2}-\d{2})(T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?")

router = APIRouter(prefix="/fhir", tags=["FHIR"])
open_router = APIRouter(prefix="/fhir", tags=["FHIR"])  # what a client reads before signing in


class FhirResponse(JSONResponse):
    media_type = FHIR_JSON


class InvalidSearch(ValueError):
    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(message for _, message in problems))
        self.problems = problems  # (OperationOutcome issue code, diagnostics in French)


@dataclass
class SlotSearch:
    start_from: datetime
    start_to: datetime
    rpps: list[str]
    include_schedule: bool = False
    include_actors: bool = False


@open_router.get("/metadata", response_class=FhirResponse)
def metadata(request: Request) -> FhirResponse:
    return FhirResponse(capability_statement(str(request.base_url)))


# For the OpenAPI document: parse_slot_search reads the query itself (FHIR repeats `start`, names hold dots).
SLOT_SEARCH_OPENAPI = {"parameters": [
    {"name": "start", "in": "query", "required": True, "style": "form", "explode": True,
     "description": "début (ge<date>) puis fin (le<date>) de la fenêtre",
     "schema": {"type": "array", "minItems": 2, "maxItems": 2,
                "items": {"type": "string", "pattern": r"^(ge|le)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$"}}},
    {"name": "status", "in": "query", "required": True, "schema": {"type": "string", "enum": ["free"]}},
    {"name": IDENTIFIER_PARAM, "in": "query", "required": False, "style": "form", "explode": True,
     "description": "RPPS du praticien, préfixé de 8 (identifiant national)",
     "schema": {"type": "array", "items": {"type": "string"}}},
    {"name": "_include", "in": "query", "required": False, "style": "form", "explode": True,
     "schema": {"type": "array", "items": {"type": "string", "enum": [INCLUDE_SCHEDULE]}}},
    {"name": "_include:iterate", "in": "query", "required": False, "style": "form", "explode": True,
     "schema": {"type": "array", "items": {"type": "string", "enum": [INCLUDE_ACTORS]}}},
]}
INVALID_SEARCH = {400: {"description": "Recherche invalide : OperationOutcome, un diagnostic en français par problème.",
                        "content": {FHIR_JSON: {"schema": {"type": "object", "required": ["resourceType", "issue"]}}}}}


@router.get("/Slot", response_class=FhirResponse, responses=INVALID_SEARCH, openapi_extra=SLOT_SEARCH_OPENAPI)
def search_slots(request: Request, session: SessionDep, now: NowDep, tz: TzDep) -> FhirResponse:
    try:
        search = parse_slot_search(request.query_params.multi_items(), tz)
    except InvalidSearch as error:
        return FhirResponse(operation_outcome(error.problems), status_code=400)
    slots = find_slots(session, search, now)
    return FhirResponse(searchset(slots, search, str(request.base_url), str(request.url), now))


def parse_slot_search(params: list[tuple[str, str]], local: tzinfo) -> SlotSearch:
    """Check the mandatory parameters of the SAS search; InvalidSearch lists every problem found.

    A date or time without offset is read in `local`, the server's time zone, as FHIR says."""
    problems: list[tuple[str, str]] = []
    values: dict[str, list[str]] = {}
    for name, value in params:
        values.setdefault(name, []).append(value)

    bounds = {"lower": [], "upper": []}
    for raw in values.get("start", []):
        # An unescaped "+" of a UTC offset arrives as a space.
        match = _DATE_PARAM.fullmatch(raw.strip().replace(" ", "+"))
        if not match:
            problems.append(("invalid", f"Paramètre start invalide : « {raw} » (attendu ge<date> ou le<date>)."))
            continue
        prefix, day, clock = match.groups()
        try:
            instant = _instant(day, clock, local, upper=prefix in ("le", "lt"))
        except ValueError:
            problems.append(("invalid", f"Date invalide dans start : « {raw} »."))
            continue
        # gt/lt are read as ge/le: one instant apart, they select the same slots in practice.
        bounds["lower" if prefix in ("ge", "gt") else "upper"].append(instant)
    if not bounds["lower"]:
        problems.append(("required", "Paramètre obligatoire manquant : start=ge<date> (début de la fenêtre)."))
    if not bounds["upper"]:
        problems.append(("required", "Paramètre obligatoire manquant : start=le<date> (fin de la fenêtre)."))
    if bounds["lower"] and bounds["upper"] and max(bounds["lower"]) > min(bounds["upper"]):
        problems.append(("invalid", "La fenêtre est vide : la date start=ge est postérieure à la date start=le."))

    statuses = values.get("status", [])
    if not statuses:
        problems.append(("required", "Paramètre obligatoire manquant : status=free."))
    elif any(status != "free" for status in statuses):
        problems.append(("not-supported", "Seuls les créneaux libres sont recherchés : status doit valoir free."))

    rpps = _practitioner_identifiers(values.get(IDENTIFIER_PARAM, []), problems)
    includes = values.get("_include", []) + values.get("_include:iterate", [])
    if problems:
        raise InvalidSearch(problems)
    return SlotSearch(
        start_from=max(bounds["lower"]),
        start_to=min(bounds["upper"]),
        rpps=rpps,
        include_schedule=INCLUDE_SCHEDULE in includes,
        include_actors=INCLUDE_SCHEDULE in includes and INCLUDE_ACTORS in includes,
    )


def _instant(day: str, clock: str | None, local: tzinfo, upper: bool) -> datetime:
    """A FHIR date or dateTime as an aware datetime; a bare day as its first (ge) or last (le) instant."""
    if clock is None:
        return datetime.combine(date.fromisoformat(day), time.max if upper else time.min, tzinfo=local)
    moment = datetime.fromisoformat(day + _pad_fraction(clock.replace("Z", "+00:00")))
    return moment if moment.tzinfo else moment.replace(tzinfo=local)


def _pad_fraction(clock: str) -> str:
    # Python 3.10 reads 3 or 6 fraction digits only; FHIR allows any number.
    return re.sub(r"\.(\d+)", lambda m: "." + (m.group(1) + "000000")[:6], clock)


def _practitioner_identifiers(raw_values: list[str], problems: list[tuple[str, str]]) -> list[str]:
    rpps: list[str] = []
    for raw in raw_values:
        for token in filter(None, (part.strip() for part in raw.split(","))):
            system, _, value = token.rpartition("|")
            match = _RPPS_VALUE.fullmatch(value)
            if system != RPPS_SYSTEM or not match:
                expected = f"attendu {RPPS_SYSTEM}|8 suivi des 11 chiffres du RPPS"
                problems.append(("invalid", f"Identifiant de praticien invalide : « {token} » ({expected})."))
            elif match.group(1) not in rpps:
                rpps.append(match.group(1))
    if not raw_values:
        problems.append(("required", f"Paramètre obligatoire manquant : {IDENTIFIER_PARAM} (1 à 25 RPPS)."))
    elif len(rpps) > MAX_PRACTITIONERS:
        problems.append((
            "too-costly",
            f"Trop de praticiens : {len(rpps)} identifiants, {MAX_PRACTITIONERS} au plus par requête.",
        ))
    elif not rpps and not problems:
        problems.append(("required", f"Aucun identifiant de praticien dans {IDENTIFIER_PARAM}."))
    return rpps


@dataclass(frozen=True)
class MatchedSlot:
    """A slot of the searchset read as columns: ORM objects for each slot and its motifs cost most of a search of
    hundreds of slots. Its practitioner and place, a few a search, are ORM objects."""

    id: int
    start: datetime
    end: datetime
    mode: str
    new_patients: bool
    bookable_online: bool
    snp: bool
    labels: list[str]  # of its motifs offered through SAS, in their order
    practitioner: Practitioner
    place: Place


def find_slots(session: Session, search: SlotSearch, now: datetime) -> list[MatchedSlot]:
    """Free, eligible, future slots of the given practitioners that start in the window."""
    rows = session.execute(
        select(Slot.id, Slot.practitioner_id, Slot.place_id, Slot.start, Slot.end, Slot.mode, Slot.new_patients,
               Slot.bookable_online, Slot.snp)
        .join(Slot.practitioner)
        .where(
            Practitioner.rpps.in_(search.rpps),
            Slot.status == "free",
            Slot.start >= max(search.start_from, now),
            Slot.start <= search.start_to,
            eligible_clause(),
        )
        .order_by(Slot.start, Slot.id)
    ).all()
    labels: dict[int, list[str]] = {row.id: [] for row in rows}
    ids = list(labels)
    for first in range(0, len(ids), MOTIFS_READ):
        for slot_id, label in session.execute(
            select(slot_motifs.c.slot_id, Motif.label).join(Motif, Motif.id == slot_motifs.c.motif_id)
            # Motifs reserved to the practitioner's followed patients are never offered through SAS.
            .where(slot_motifs.c.slot_id.in_(ids[first:first + MOTIFS_READ]),
                   or_(Motif.new_patients.is_(True), Motif.snp.is_(True)))
            .order_by(Motif.id)
        ):
            labels[slot_id].append(label)
    practitioners = _by_id(session, Practitioner, {row.practitioner_id for row in rows})
    places = _by_id(session, Place, {row.place_id for row in rows},
                    joinedload(Place.practitioner).selectinload(Practitioner.places))
    return [MatchedSlot(row.id, row.start, row.end, row.mode, row.new_patients, row.bookable_online, row.snp,
                        labels[row.id], practitioners[row.practitioner_id], places[row.place_id]) for row in rows]


def _by_id(session: Session, model, ids: set[int], *options) -> dict:
    return {item.id: item for item in session.execute(select(model).where(model.id.in_(ids)).options(*options)).scalars()}


def searchset(slots: list[MatchedSlot], search: SlotSearch, base: str, self_url: str, now: datetime) -> dict:
    """The Bundle: each Slot (match) followed by the resources it brings in first (include)."""
    entries: list[dict] = []
    included: set[str] = set()

    def add(key: str, build, mode: str) -> None:
        # Built once a Bundle: a practitioner's Schedule and roles come with each of their many slots.
        if key not in included:
            included.add(key)
            entries.append({"fullUrl": f"{base}fhir/{key}", "resource": build(), "search": {"mode": mode}})

    for slot in slots:
        add(f"Slot/{slot.id}", partial(slot_resource, slot, base), "match")
        if search.include_schedule:
            add(f"Schedule/{slot.place.id}", partial(schedule_resource, slot.place), "include")
        if search.include_actors:
            add(f"Practitioner/{slot.practitioner.id}", partial(practitioner_resource, slot.practitioner), "include")
            add(f"PractitionerRole/{slot.place.id}", partial(practitioner_role_resource, slot.place), "include")
    return {
        "resourceType": "Bundle",
        "meta": {"lastUpdated": _instant_text(now), "profile": [BUNDLE_PROFILE]},
        "type": "searchset",
        "total": len(slots),
        "link": [{"relation": "self", "url": self_url}],
        "entry": entries,
    }


def slot_resource(slot: MatchedSlot, base: str) -> dict:
    mode_code, mode_display = MODE_CODES[slot.mode]
    mode = {"system": ACT_CODE_SYSTEM, "code": mode_code, "display": mode_display}
    practitioner = slot.practitioner
    return {
        "resourceType": "Slot",
        "id": str(slot.id),
        "meta": {"profile": [SLOT_PROFILE], "security": _slot_types(slot)},
        "serviceType": [{"coding": [mode], "text": label} for label in slot.labels] or [{"coding": [mode]}],
        "specialty": [{
            "coding": [{
                "system": SPECIALTY_SYSTEM,
                "code": practitioner.specialty_code,
                "display": practitioner.specialty_label,
            }],
            "text": practitioner.specialty_label,
        }],
        "appointmentType": {"coding": [{"system": APPOINTMENT_TYPE_SYSTEM, "code": "ROUTINE"}]},
        "schedule": {"reference": f"Schedule/{slot.place.id}"},
        "status": "free",
        "start": _instant_text(slot.start),
        "end": _instant_text(slot.end),
        "comment": base + BOOKING_PAGE.format(slot_id=slot.id),
    }


def _slot_types(slot: MatchedSlot) -> list[dict]:
    """PUBLIC when anyone may book it online, SNP when it offers "Soins non programmés" (or both)."""
    codes = []
    if slot.new_patients and slot.bookable_online:
        codes.append(("PUBLIC", "Créneau public"))
    if slot.snp:
        codes.append(("SNP", "Créneau soins non programmés"))
    return [{"system": SLOT_TYPE_SYSTEM, "code": code, "display": display} for code, display in codes]


def schedule_resource(place: Place) -> dict:
    return {
        "resourceType": "Schedule",
        "id": str(place.id),
        "meta": {"profile": [SCHEDULE_PROFILE]},
        "active": True,
        "actor": [
            {"reference": f"Practitioner/{place.practitioner_id}"},
            {"reference": f"PractitionerRole/{place.id}"},
        ],
    }


def practitioner_resource(practitioner: Practitioner) -> dict:
    return {
        "resourceType": "Practitioner",
        "id": str(practitioner.id),
        "meta": {"profile": [PRACTITIONER_PROFILE]},
        "identifier": [{
            "type": {"coding": [{"system": IDENTIFIER_TYPE_SYSTEM, "code": "IDNPS"}]},
            "system": RPPS_SYSTEM,
            "value": "8" + practitioner.rpps,
        }],
        "name": [{"family": practitioner.nom, "given": [practitioner.prenom], "prefix": [practitioner.civilite]}],
    }


def practitioner_role_resource(place: Place) -> dict:
    location_id = f"lieu-{place.id}"
    practitioner = place.practitioner
    # Structure identifier "RPPS rang": 4 + RPPS + rank of this place among the practitioner's places.
    rank = 1 + sorted(p.id for p in practitioner.places).index(place.id)
    return {
        "resourceType": "PractitionerRole",
        "id": str(place.id),
        "meta": {"profile": [PRACTITIONER_ROLE_PROFILE]},
        "contained": [location_resource(place, location_id)],
        "active": True,
        "practitioner": {"reference": f"Practitioner/{practitioner.id}"},
        "organization": {
            "identifier": {
                "type": {"coding": [{"system": IDENTIFIER_TYPE_SYSTEM, "code": "IDNST"}]},
                "system": STRUCTURE_SYSTEM,
                "value": f"4{practitioner.rpps}{rank:03d}",
            }
        },
        "specialty": [{"coding": [{"system": SPECIALTY_SYSTEM, "code": practitioner.specialty_code}]}],
        "location": [{"reference": f"#{location_id}"}],
    }


def location_resource(place: Place, location_id: str) -> dict:
    return {
        "resourceType": "Location",
        "id": location_id,
        "identifier": [{
            "type": {"coding": [{"system": LOCATION_IDENTIFIER_TYPE_SYSTEM, "code": "INTRN"}]},
            "system": LOCATION_IDENTIFIER_SYSTEM,
            "value": str(place.id),
        }],
        "address": {"line": [place.address_line], "city": place.commune, "postalCode": place.postal_code},
        "position": {"latitude": place.lat, "longitude": place.lon},
    }


def operation_outcome(problems: list[tuple[str, str]]) -> dict:
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": text} for code, text in problems],
    }


def capability_statement(base: str) -> dict:
    included = [
        ("Schedule", SCHEDULE_PROFILE),
        ("Practitioner", PRACTITIONER_PROFILE),
        ("PractitionerRole", PRACTITIONER_ROLE_PROFILE),
    ]
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2025-11-25",
        "publisher": "Assistant SAS",
        "kind": "instance",
        "software": {"name": "Agenda de l'assistant SAS"},
        "implementation": {"description": "Agenda (gestionnaire d'agenda) pour le SAS", "url": f"{base}fhir"},
        "fhirVersion": FHIR_VERSION,
        "format": [FHIR_JSON],
        "rest": [{
            "mode": "server",
            "documentation": (
                "Recherche de créneaux libres selon le guide d'implémentation ANS « Service d'Accès aux "
                "Soins » : start=ge et start=le, status=free et 1 à 25 identifiants RPPS sont obligatoires."
            ),
            "resource": [
                {
                    "type": "Slot",
                    "profile": SLOT_PROFILE,
                    "interaction": [{"code": "search-type"}],
                    "searchInclude": [INCLUDE_SCHEDULE, INCLUDE_ACTORS],
                    "searchParam": [
                        {"name": "start", "type": "date", "documentation": "ge<date> et le<date> obligatoires"},
                        {"name": "status", "type": "token", "documentation": "free obligatoire"},
                        {
                            "name": IDENTIFIER_PARAM,
                            "type": "token",
                            "documentation": f"{RPPS_SYSTEM}|8<RPPS>, 1 à {MAX_PRACTITIONERS} séparés par des virgules",
                        },
                    ],
                },
                *({"type": kind, "profile": profile} for kind, profile in included),
                {
                    "type": "Appointment",
                    "profile": APPOINTMENT_PROFILE,
                    "documentation": "Notifications de rendez-vous reçues comme le SAS les reçoit, sans donnée du patient.",
                    "interaction": [{"code": "create"}, {"code": "update"}, {"code": "read"}],
                    "conditionalUpdate": True,
                },
            ],
        }],
    }


def _instant_text(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")

