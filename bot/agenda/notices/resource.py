"""The FrAppointmentSAS resource (ANS guide "Service d'Accès aux Soins"): built from one of our appointments, and
read from a notice received, first as a FHIR R4 Appointment (fhir.resources), then by the profile's rules.

It never carries patient data: the patient's identity stays in the agenda that holds the booking. A notice received
with some (a Patient participant or contained resource, free text) is refused."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from fhir.resources.appointment import Appointment as FhirAppointment
from pydantic import ValidationError

from bot.agenda.fhir import APPOINTMENT_PROFILE, IDENTIFIER_TYPE_SYSTEM, RPPS_SYSTEM

OPERATOR_EXTENSION = "http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator"
# Our identifiers: of an appointment (its reference, random, names no one), of a regulator (their login).
APPOINTMENT_SYSTEM = "urn:sas-assistant:agenda:rendez-vous"
OPERATOR_SYSTEM = "urn:sas-assistant:regulateur"
OPERATOR_TYPES = ("IDNPS", "INTRN")  # national id of a health professional, SAS technical id
STATUSES = ("booked", "cancelled", "fulfilled", "noshow")
PARTICIPANT_STATUS = "accepted"
SERVICE_OPERATOR = "service"
_RPPS_VALUE = re.compile(r"8(\d{11})")
# Who or what would name a patient: refused as participants or contained resources.
PERSONS = ("Patient", "RelatedPerson", "Person")
FREE_TEXT = ("comment", "patientInstruction", "description")


class Malformed(ValueError):
    """400: not an Appointment FHIR R4 can read."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(text for _, text in problems))
        self.problems = problems  # (OperationOutcome issue code, diagnostics in French)


class Refused(Malformed):
    """422: an Appointment, refused by a rule of FrAppointmentSAS or because it carries patient data."""


@dataclass(frozen=True)
class Notice:
    identifier_system: str
    identifier_value: str
    status: str
    start: datetime
    end: datetime
    rpps: str
    operator_type: str
    operator: str
    resource: dict


def build(reference: str, status: str, start: datetime, end: datetime, created: datetime, rpps: str,
          operator: str | None) -> dict:
    """The notice of one of our appointments; `operator`: the regulator's login, None for the service."""
    return {
        "resourceType": "Appointment",
        "meta": {"profile": [APPOINTMENT_PROFILE]},
        "extension": [{"url": OPERATOR_EXTENSION, "valueReference": {"identifier": {
            "type": {"coding": [{"system": IDENTIFIER_TYPE_SYSTEM, "code": "INTRN"}]},
            "system": OPERATOR_SYSTEM, "value": operator or SERVICE_OPERATOR,
        }}}],
        "identifier": [{"system": APPOINTMENT_SYSTEM, "value": reference}],
        "status": status,
        "start": _instant(start),
        "end": _instant(end),
        "created": _instant(created),
        "participant": [{
            "actor": {"identifier": {
                "type": {"coding": [{"system": IDENTIFIER_TYPE_SYSTEM, "code": "IDNPS"}]},
                "system": RPPS_SYSTEM, "value": "8" + rpps,
            }},
            "status": PARTICIPANT_STATUS,
        }],
    }


def read(body: bytes) -> Notice:
    """The notice in a request's body; Malformed (400) or Refused (422) with every problem found, in French."""
    try:
        resource = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise Malformed([("structure", "Corps illisible : une ressource FHIR en JSON est attendue.")]) from None
    if not isinstance(resource, dict) or resource.get("resourceType") != "Appointment":
        raise Malformed([("structure", "Une ressource Appointment est attendue (resourceType).")])
    try:
        appointment = FhirAppointment.parse_obj(resource)
    except ValidationError as error:
        raise Malformed([
            ("structure", f"Élément invalide : {'.'.join(str(part) for part in problem['loc'])}.")
            for problem in error.errors()
        ]) from None
    patient_data = _patient_data(resource, appointment)
    if patient_data:
        raise Refused(patient_data)
    problems: list[tuple[str, str]] = []
    identifier = _identifier(appointment, problems)
    operator = _operator(appointment, problems)
    rpps = _rpps(appointment, problems)
    if appointment.status not in STATUSES:
        problems.append(("business-rule", f"Statut refusé : « {appointment.status} » (attendu {', '.join(STATUSES)})."))
    start, end = appointment.start, appointment.end
    if start is None or end is None:
        problems.append(("required", "Début (start) et fin (end) du rendez-vous obligatoires."))
    elif end <= start:
        problems.append(("business-rule", "La fin du rendez-vous (end) doit suivre son début (start)."))
    if problems:
        raise Refused(problems)
    return Notice(*identifier, appointment.status, _aware(start), _aware(end), rpps, *operator, resource)


def _patient_data(resource: dict, appointment: FhirAppointment) -> list[tuple[str, str]]:
    problems = []
    for contained in resource.get("contained") or []:
        kind = contained.get("resourceType") if isinstance(contained, dict) else None
        problems.append(("security", f"Aucune ressource contenue n'est acceptée ({kind}) : pas de données du patient."))
    for participant in appointment.participant or []:
        actor = participant.actor
        if actor is not None and (actor.type in PERSONS or (actor.reference or "").split("/")[0] in PERSONS):
            problems.append(("security", "Un participant patient est refusé : pas de données du patient."))
    for field in FREE_TEXT:
        if resource.get(field):
            problems.append(("security", f"Texte libre refusé ({field}) : pas de données du patient."))
    return problems


def _identifier(appointment: FhirAppointment, problems: list) -> tuple[str, str]:
    identifiers = appointment.identifier or []
    if len(identifiers) != 1 or not identifiers[0].system or not identifiers[0].value:
        problems.append(("required", "Un identifiant (identifier) unique, avec son système et sa valeur, est obligatoire."))
        return "", ""
    return identifiers[0].system, identifiers[0].value


def _operator(appointment: FhirAppointment, problems: list) -> tuple[str, str]:
    extensions = [e for e in appointment.extension or [] if e.url == OPERATOR_EXTENSION]
    reference = extensions[0].valueReference if len(extensions) == 1 else None
    identifier = reference.identifier if reference is not None else None
    codings = identifier.type.coding if identifier is not None and identifier.type is not None else None
    if not (identifier and identifier.system and identifier.value and codings and len(codings) == 1
            and codings[0].system == IDENTIFIER_TYPE_SYSTEM and codings[0].code in OPERATOR_TYPES):
        problems.append(("required", "L'opérateur du rendez-vous (extension appointmentOperator) est obligatoire : "
                                     f"identifiant typé {' ou '.join(OPERATOR_TYPES)}, avec son système et sa valeur."))
        return "", ""
    return codings[0].code, identifier.value


def _rpps(appointment: FhirAppointment, problems: list) -> str:
    found = []
    for participant in appointment.participant or []:
        identifier = participant.actor.identifier if participant.actor is not None else None
        if identifier is None:
            continue
        match = _RPPS_VALUE.fullmatch(identifier.value or "")
        if identifier.system == RPPS_SYSTEM and match and participant.status == PARTICIPANT_STATUS:
            found.append(match.group(1))
    if len(found) != 1:
        problems.append(("required", f"Un participant praticien est obligatoire : identifiant {RPPS_SYSTEM}|8<RPPS>, "
                                     f"statut {PARTICIPANT_STATUS}."))
        return ""
    return found[0]


def _aware(moment: datetime) -> datetime:
    # FHIR requires an offset on an instant with a time; read a missing one as UTC rather than fail on it later.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _instant(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")
