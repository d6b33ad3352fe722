"""No dead end: the SAS participants near the patient who accept patients « en surnuméraire », and orienting a
patient to one of them (no slot reserved, the practitioner confirms), each orientation in the audit trail."""
from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query, Response

from bot.agenda import audit, booking, geo, orientation, specialties
from bot.agenda.contract import NearbyPractitioner, Orientation, OrientationRequest, Patient, Surnumeraires
from bot.agenda.deps import NowDep, SessionDep, SessionFactoryDep, TzDep
from bot.agenda.principal import PrincipalDep, RegulatorDep
from bot.agenda.routes.answers import INVALID, NOT_FOUND, invalid, not_found
from bot.agenda.routes.search import unknown_place
from bot.agenda.validation import birth_place_suggestions, validate_patient
from bot.agenda.views import address_view, orientation_view, practitioner_view

router = APIRouter(prefix="/api", tags=["surnuméraire"])
MAX_MESSAGE = 2000


@router.get("/surnumeraires", response_model=Surnumeraires, responses=INVALID)
def surnumeraires(
    session: SessionDep,
    who: PrincipalDep,
    location: str = Query("", description="commune, code postal, adresse ou coordonnées"),
    specialty: str | None = Query(None, description="code TRE_R38 ou nom ; médecine générale par défaut"),
):
    """SAS participants accepting patients beyond their slots, nearest first (5 at most), within the département's
    cap radius."""
    errors: dict[str, str] = {}
    try:
        specialty_code, _label = specialties.resolve(specialty)
    except specialties.UnknownSpecialty as error:
        errors["specialty"] = str(error)
    if not location.strip():
        errors["location"] = "Lieu obligatoire : commune, code postal, adresse ou coordonnées."
    if errors:
        return invalid(errors)
    try:
        place = geo.geocode(location)
    except geo.UnknownPlace as unknown:
        return unknown_place(location, unknown)
    radius = geo.radius_rule(place.departement).cap_km
    found = orientation.nearby(session, place, specialty_code, radius)
    return Surnumeraires(radius_km=radius, practitioners=[
        NearbyPractitioner(practitioner=practitioner_view(n.practitioner), address=address_view(n.place),
                           distance_km=round(n.distance_km, 1))
        for n in found
    ])


def _orientation_request(body: OrientationRequest, today: date,
                         regulator: str) -> tuple[orientation.OrientationRequest | None, dict[str, str]]:
    patient, errors = validate_patient((body.patient or Patient()).dict(), today)
    if not body.rpps or not body.rpps.strip():
        errors["rpps"] = "Praticien obligatoire : numéro RPPS manquant."
    if not body.idempotency_key or not body.idempotency_key.strip() or len(body.idempotency_key) > 100:
        errors["idempotency_key"] = "Clé d'idempotence obligatoire (100 caractères au plus)."
    if body.message and len(body.message) > MAX_MESSAGE:
        errors["message"] = "Message trop long (2 000 caractères au plus)."
    if errors:
        return None, errors
    return orientation.OrientationRequest(rpps=body.rpps.strip(), patient=patient,
                                          idempotency_key=body.idempotency_key.strip(), message=body.message,
                                          regulator=regulator), {}


@router.post("/orientations", status_code=201, response_model=Orientation, responses={
    200: {"model": Orientation, "description": "Déjà orienté avec cette clé d'idempotence : la même orientation."},
    **INVALID,
})
def create_orientation(body: OrientationRequest, response: Response, factory: SessionFactoryDep, now: NowDep,
                       tz: TzDep, who: RegulatorDep):
    """Orients the patient to the practitioner « en surnuméraire »: no slot is reserved, the practitioner must
    confirm (status a_confirmer)."""
    request, errors = _orientation_request(body, now.astimezone(tz).date(), who.login)
    if errors:
        return invalid(errors, suggestions=birth_place_suggestions((body.patient or Patient()).dict()))
    try:
        oriented, created = orientation.orient(factory, request, now)
    except booking.BookingInvalid as error:
        return invalid(error.errors)
    if not who.may_see(oriented.regulator):  # another regulator's key: theirs is not ours to read
        return invalid({"idempotency_key": "Cette clé d'idempotence a déjà servi à une autre orientation."})
    if created:
        _audit(factory, now, who, "orient", oriented.id, f"praticien {oriented.practitioner.rpps}")
    else:
        response.status_code = 200
    return orientation_view(oriented, tz)


@router.get("/orientations/{orientation_id}", response_model=Orientation, responses=NOT_FOUND)
def get_orientation(orientation_id: str, factory: SessionFactoryDep, now: NowDep, tz: TzDep, who: RegulatorDep):
    try:
        found = orientation.load(factory, int(orientation_id))
    except (ValueError, booking.NotFound):
        return not_found("Orientation")
    if not who.may_see(found.regulator):
        return not_found("Orientation")
    _audit(factory, now, who, "read", found.id)
    return orientation_view(found, tz)


def _audit(factory, now, who, action: str, orientation_id: int, detail: str = "") -> None:
    # The trail's appointment column names appointments only: the orientation is named in the detail.
    audit.record(factory, now, who.actor, action, conversation=who.conversation,
                 detail=", ".join(filter(None, [f"orientation {orientation_id}", detail, who.via])))
