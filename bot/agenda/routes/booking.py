"""Booking a slot for a patient (idempotent), reading appointments, cancelling one."""
from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Response

from bot.agenda import booking
from bot.agenda.contract import Appointment, AppointmentRequest, Patient
from bot.agenda.deps import NowDep, SessionFactoryDep, TzDep
from bot.agenda.routes.answers import CONFLICT, INVALID, NOT_FOUND, invalid, not_found, problem
from bot.agenda.validation import validate_patient
from bot.agenda.views import appointment_view

router = APIRouter(prefix="/api/appointments", tags=["rendez-vous"])


def _booking_request(body: AppointmentRequest, today: date) -> tuple[booking.BookingRequest | None, dict[str, str]]:
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
        regulator=body.regulator,
        attachment_ids=body.attachment_ids or [],
    ), {}


@router.post("", status_code=201, response_model=Appointment, responses={
    200: {"model": Appointment, "description": "Déjà réservé avec cette clé d'idempotence : le même rendez-vous."},
    **INVALID, **CONFLICT,
})
def create_appointment(body: AppointmentRequest, response: Response, factory: SessionFactoryDep, now: NowDep, tz: TzDep):
    request, errors = _booking_request(body, now.astimezone(tz).date())
    if errors:
        return invalid(errors)
    try:
        appointment, created = booking.book(factory, request, now)
    except booking.SlotUnavailable:
        return problem(409, "creneau_indisponible", "Ce créneau n'est plus disponible.")
    except booking.BookingInvalid as error:
        return invalid(error.errors)
    if not created:
        response.status_code = 200
    return appointment_view(appointment, tz)


@router.get("", response_model=list[Appointment])
def list_appointments(factory: SessionFactoryDep, tz: TzDep):
    """The latest first."""
    return [appointment_view(appointment, tz) for appointment in booking.recent(factory)]


@router.get("/{appointment_id}", response_model=Appointment, responses=NOT_FOUND)
def get_appointment(appointment_id: str, factory: SessionFactoryDep, tz: TzDep):
    try:
        return appointment_view(booking.load(factory, int(appointment_id)), tz)
    except (ValueError, booking.NotFound):
        return not_found("Rendez-vous")


@router.post("/{appointment_id}/cancel", response_model=Appointment, responses={**NOT_FOUND, **CONFLICT})
def cancel_appointment(appointment_id: str, factory: SessionFactoryDep, now: NowDep, tz: TzDep):
    """Frees the slot; cancelling twice is harmless."""
    try:
        return appointment_view(booking.cancel(factory, int(appointment_id), now), tz)
    except (ValueError, booking.NotFound):
        return not_found("Rendez-vous")
    except booking.NotCancellable:
        return problem(409, "annulation_impossible", "Ce rendez-vous a déjà eu lieu : il ne peut plus être annulé.")
