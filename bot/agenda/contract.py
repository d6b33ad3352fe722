"""The agenda's JSON contract with the assistant: every answer and request, declared once.

The agenda answers with these models (`response_model`, hence its OpenAPI document at /openapi.json) and the
action server's client parses its answers with them: a change here changes both sides at once. Ids are
strings, instants ISO 8601 with the SAS time zone's offset, texts in French.
"""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, create_model

from bot.vocabulary import EXTRA_PATIENT_FIELDS, MODES, PATIENT_FIELDS

ModeCode = Literal[tuple(MODES)]  # "cabinet", "video", "domicile"
# How a slot of a source is booked (bot.sources): by the assistant through the JSON API, or by the regulator on
# the agenda's own booking page (FHIR Slot.comment).
BookingMode = Literal["api", "link"]
ExtraField = Literal[EXTRA_PATIENT_FIELDS]  # "civilite", "email", "lieu_naissance"


def _null_allowed(schema: dict, model: type[BaseModel]) -> None:
    """Pydantic 1 leaves out of the OpenAPI document that an optional field may be null: put it back, so that
    what the agenda answers matches what it documents (a schema-driven client, or the fuzzing, checks it)."""
    for field in model.__fields__.values():
        declared = schema.get("properties", {}).get(field.alias)
        if field.allow_none and declared is not None:
            texts = {key: declared.pop(key) for key in ("title", "description") if key in declared}
            schema["properties"][field.alias] = {**texts, "anyOf": [declared, {"type": "null"}]}


class Contract(BaseModel):
    class Config:
        schema_extra = staticmethod(_null_allowed)


class Location(Contract):
    label: str
    commune: str
    postal_code: str
    insee: str
    lat: float
    lon: float


class Window(Contract):
    start: datetime = Field(alias="from")
    end: datetime = Field(alias="to")

    class Config:
        allow_population_by_field_name = True


class Specialty(Contract):
    code: str = Field(description="TRE_R38, e.g. SM54")
    label: str


class Practitioner(Contract):
    rpps: str
    civilite: str
    nom: str
    prenom: str
    specialty: Specialty
    sas_participant: bool
    surnumeraire: bool = Field(False, description="accepts SAS patients beyond its slots (orientation en surnuméraire)")
    required_fields: list[ExtraField] = Field([], description="patient fields required to book, beyond the mandatory ones")


class Address(Contract):
    line: str
    postal_code: str
    commune: str


class Motif(Contract):
    id: str
    label: str
    snp: bool = Field(description="the motif « Soins non programmés »")
    follow_up: bool = Field(False, description="meant for patients the practitioner already knows")
    required_fields: list[ExtraField] = Field([], description="required for this motif, beyond the practitioner's")


class Slot(Contract):
    id: str
    start: datetime
    end: datetime
    mode: ModeCode
    snp: bool = Field(description="offers the motif « Soins non programmés »")
    distance_km: float | None = Field(description="from the searched place; null outside a search")
    practitioner: Practitioner
    address: Address
    motifs: list[Motif] = Field(description="those a SAS patient may be booked for")
    source: str | None = Field(None, description="the source holding it (bot.sources); null: the agenda answering")
    source_slot_id: str | None = Field(None, description="its id at that source; `id` is unique across sources")
    booking: BookingMode = "api"
    booking_page: str | None = Field(None, description="the agenda's booking page for this slot (Slot.comment)")


class SlotWithStatus(Slot):
    status: str = Field(description="free or booked")


class Offer(Contract):
    """One practitioner of a search, with their next offered times (the SAS results show one entry each)."""

    practitioner: Practitioner
    address: Address = Field(description="of the first slot")
    distance_km: float
    snp: bool = Field(description="one of its slots offers « Soins non programmés »")
    medecin_traitant: bool = Field(description="the patient's médecin traitant, shown first")
    slots: list[Slot] = Field(description="the next ones, up to `per_practitioner`")


class MedecinTraitant(Contract):
    """What became of the médecin traitant named in the search."""

    asked: str
    found: bool = Field(description="a practitioner of the agenda matches the name (and commune when given)")
    name: str | None = Field(None, description="« Dr Prénom Nom » when found")
    has_slots: bool = Field(False, description="offered slots in the window: its offer comes first")


class SearchResult(Contract):
    location: Location
    radius_km: float
    widened: bool = Field(description="the radius was widened beyond the département's default")
    window: Window
    window_widened: bool = Field(description="nothing in the window asked: the next 7 days were searched")
    total: int = Field(description="practitioners with offered slots")
    offers: list[Offer] = Field(description="the page asked, `limit` practitioners from `offset`")
    medecin_traitant: MedecinTraitant | None = None
    unanswered: list[str] = Field([], description="sources that did not answer (down, too slow, malformed): their "
                                                  "slots are missing from this offer")


class DirectoryListing(Contract):
    """A practitioner at one of their addresses, as the directory the search runs on lists them (bot.sources)."""

    practitioner: Practitioner
    address: Address
    lat: float
    lon: float
    source: str | None = Field(None, description="the source holding their calendar; null: the agenda answering")


class Directory(Contract):
    listings: list[DirectoryListing]


class MotifChoice(Contract):
    motif: Motif
    reason: str
    required_fields: list[ExtraField] = Field([], description="the practitioner's and the motif's, to book it")


class NearbyPractitioner(Contract):
    practitioner: Practitioner
    address: Address
    distance_km: float


class Surnumeraires(Contract):
    """SAS participants near the place who accept patients beyond their slots, nearest first."""

    radius_km: float
    practitioners: list[NearbyPractitioner]


# The patient of the booking funnel (bot.vocabulary.PATIENT_FIELDS): every field optional, so that the agenda
# reports the missing ones together, in French; the date of birth is ISO (AAAA-MM-JJ), the phone E.164 once booked.
Patient = create_model("Patient", __base__=Contract, **{
    name: (str | None, Field(None, title=label)) for name, label in PATIENT_FIELDS.items()
})


class AppointmentRequest(Contract):
    """Every field is optional here so that missing ones are reported together, in French."""

    slot_id: str | None = None
    motif_id: str | None = Field(None, description="chosen by the agenda when missing")
    patient: Patient | None = None
    message: str | None = Field(None, description="to the practitioner, read later, never urgent")
    idempotency_key: str | None = Field(None, description="the same key books once and answers the same")
    attachment_ids: list[str] | None = None
    deja_consulte: bool = Field(False, description="the funnel's « Avez-vous déjà consulté ce praticien ? »")


class Attachment(Contract):
    id: str
    filename: str
    content_type: str
    size: int


class Appointment(Contract):
    id: str
    reference: str = Field(description="read to the patient, e.g. SAS-7K2Q9A")
    status: str = Field(description="booked or cancelled")
    created_at: datetime
    updated_at: datetime
    slot: SlotWithStatus
    motif: Motif
    patient: Patient
    message: str | None
    regulator: str | None = Field(description="the login of who booked it")
    attachments: list[Attachment]
    deja_consulte: bool = False


class OrientationRequest(Contract):
    """An orientation « en surnuméraire »: no slot is reserved, the practitioner must confirm."""

    rpps: str | None = None
    patient: Patient | None = None
    message: str | None = None
    idempotency_key: str | None = None


class Orientation(Contract):
    id: str
    reference: str
    status: Literal["a_confirmer", "confirmee", "refusee"] = "a_confirmer"
    reserved_slot: Literal[False] = False
    created_at: datetime
    practitioner: Practitioner
    address: Address
    patient: Patient
    message: str | None
    regulator: str | None


class ExternalBookingRequest(Contract):
    """The regulator booked a slot of a `link` source on that agenda's own page: recorded as an orientation, with
    no patient data and no reference invented (the agenda software holds the booking)."""

    source: str | None = None
    slot_id: str | None = Field(None, description="the slot's id at that source")
    rpps: str | None = None
    start: datetime | None = None
    booking_page: str | None = None
    idempotency_key: str | None = None


class ExternalBooking(Contract):
    id: str
    source: str
    slot_id: str
    rpps: str
    start: datetime
    booking_page: str | None
    regulator: str | None
    created_at: datetime


class Invalid(Contract):
    """422: what is wrong, field by field, in French; an unknown place comes with close ones."""

    errors: dict[str, str]
    suggestions: list[str] | None = None


class Problem(Contract):
    """404 (introuvable) and 409 (creneau_indisponible, annulation_impossible)."""

    error: str
    detail: str


class Health(Contract):
    status: Literal["ok"] = "ok"


# Signing in (bot.agenda.routes.auth): scripts and Rasa's channel use access tokens, the panel a session.

class Credentials(Contract):
    login: str = Field(max_length=64)
    password: str = Field(max_length=1024)


class AccessToken(Contract):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds")


class SignedIn(Contract):
    """The panel's session: who is signed in, and the token to send in X-CSRF-Token with what changes things."""

    login: str
    name: str | None
    role: str = Field(description="regulator, or supervisor (sees the appointments of the whole SAS)")
    csrf_token: str
