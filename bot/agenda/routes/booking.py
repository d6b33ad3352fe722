"""Booking a slot for a patient (idempotent), reading appointments, cancelling one: a regulator's own (a supervisor's,
the whole SAS's), each step written to the audit trail."""
from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Response

from bot.agenda import audit, booking
from bot.agenda.contract import Appointment, AppointmentRequest, Patient
from bot.agenda.deps import NoticesDep, NowDep, SessionFactoryDep, TzDep
from bot.agenda.principal import Principal, RegulatorDep
from bot.agenda.routes.answers import CONFLICT, INVALID, NOT_FOUND, invalid, not_found, problem
from bot.agenda.validation import birth_place_suggestions, validate_patient
from bot.agenda.views import appointment_view

router = APIRouter(prefix="/api/appointments", tags=["rendez-vous"])


def _booking_request(
    body: AppointmentRequest, today: date, regulator: str,
) -> tuple[booking.BookingRequest | None, dict[str, str]]:
    patient, errors = validate_patient((body.patient or Patient()).dict(), today)
    if not body.slot_id or not body.slot_id.strip().isdigit():
        errors["slot_id"] = "Créneau obligatoire : identifiant de créneau manquant ou invalide."
    if body.motif_id is not None and not body.motif_id.strip().isdigit():
        errors["motif_id"] = f"Motif invalide : « {body.motif_id} »."
    if not body.idempotency_key or not body.idempotency_key.strip() or len(body.idempotency_key) > 100:
        errors["idempotency_key"] = "Clé d'idempotence obligatoire (100 caractères au plus)."
    if body.message and len(body.message) > 2000:
        errors["message"] = "Message trop long (2 000 caractères au plus)."
    if errors:
        return None, errors
    return booking.BookingRequest(
        slot_id=int(body.slot_id),
        patient=patient,
        idempotency_key=body.idempotency_key.strip(),
        motif_id=int(body.motif_id) if body.motif_id is not None else None,
        message=body.message,
        regulator=regulator,
        attachment_ids=body.attachment_ids or [],
        deja_consulte=body.deja_consulte,
    ), {}


@router.post("", status_code=201, response_model=Appointment, responses={
    200: {"model": Appointment, "description": "Déjà réservé avec cette clé d'idempotence : le même rendez-vous."},
    **INVALID, **CONFLICT,
})
def create_appointment(body: AppointmentRequest, response: Response, factory: SessionFactoryDep, now: NowDep, tz: TzDep,
                       who: RegulatorDep, notices: NoticesDep):
    request, errors = _booking_request(body, now.astimezone(tz).date(), who.login)
    if errors:
        return invalid(errors, suggestions=birth_place_suggestions((body.patient or Patient()).dict()))
    try:
        appointment, created = booking.book(factory, request, now)
    except booking.SlotUnavailable:
        return problem(409, "creneau_indisponible", "Ce créneau n'est plus disponible.")
    except booking.BookingInvalid as error:
        return invalid(error.errors)
    if not who.may_see(appointment.regulator):  # another regulator's key: their booking is not ours to read
        return problem(409, "cle_deja_utilisee", "Cette clé d'idempotence a déjà servi à une autre réservation.")
    if created:
        notices.kick()
        _audit(factory, now, who, "book", appointment, f"créneau {appointment.slot_id}")
    else:
        response.status_code = 200
    return appointment_view(appointment, tz)


@router.get("", response_model=list[Appointment])
def list_appointments(factory: SessionFactoryDep, now: NowDep, tz: TzDep, who: RegulatorDep):
    """The latest first: the regulator's own, the whole SAS's for a supervisor."""
    appointments = booking.recent(factory, booked_by=None if who.sees_all else who.login)
    audit.record(factory, now, who.actor, "read", conversation=who.conversation,
                 detail=f"liste de {len(appointments)} rendez-vous, {who.via}")
    return [appointment_view(appointment, tz) for appointment in appointments]


def _visible(factory, appointment_id: str, who: Principal):
    """The appointment if it exists and `who` may see it; otherwise None (another's is "not found" too)."""
    try:
        appointment = booking.load(factory, int(appointment_id))
    except (ValueError, booking.NotFound):
        return None
    return appointment if who.may_see(appointment.regulator) else None


def _audit(factory, now, who: Principal, action: str, appointment, detail: str = "") -> None:
    audit.record(factory, now, who.actor, action, appointment_id=appointment.id, conversation=who.conversation,
                 detail=", ".join(filter(None, [detail, who.via])))


@router.get("/{appointment_id}", response_model=Appointment, responses=NOT_FOUND)
def get_appointment(appointment_id: str, factory: SessionFactoryDep, now: NowDep, tz: TzDep, who: RegulatorDep):
    appointment = _visible(factory, appointment_id, who)
    if appointment is None:
        return not_found("Rendez-vous")
    _audit(factory, now, who, "read", appointment)
    return appointment_view(appointment, tz)


@router.post("/{appointment_id}/cancel", response_model=Appointment, responses={**NOT_FOUND, **CONFLICT})
def cancel_appointment(appointment_id: str, factory: SessionFactoryDep, now: NowDep, tz: TzDep, who: RegulatorDep,
                       notices: NoticesDep):
    """Frees the slot; cancelling twice is harmless."""
    appointment = _visible(factory, appointment_id, who)
    if appointment is None:
        return not_found("Rendez-vous")
    try:
        cancelled = booking.cancel(factory, appointment.id, now, operator=who.login)
    except booking.NotCancellable:
        return problem(409, "annulation_impossible", "Ce rendez-vous a déjà eu lieu : il ne peut plus être annulé.")
    notices.kick()
    _audit(factory, now, who, "cancel", cancelled)
    return appointment_view(cancelled, tz)
