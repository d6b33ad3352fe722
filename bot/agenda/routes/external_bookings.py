"""Recording a booking the regulator made on a `link` source's own page, and reading it back: the regulator's own
(a supervisor's, the whole SAS's), each step in the audit trail, no patient data anywhere."""
from __future__ import annotations

import re
from datetime import tzinfo

from fastapi import APIRouter, Response

from bot.agenda import audit, booking, external_booking
from bot.agenda.contract import ExternalBooking, ExternalBookingRequest
from bot.agenda.deps import NowDep, SessionFactoryDep, TzDep
from bot.agenda.models import ExternalBooking as ExternalBookingRecord
from bot.agenda.principal import Principal, RegulatorDep
from bot.agenda.routes.answers import INVALID, NOT_FOUND, invalid, not_found

router = APIRouter(prefix="/api/orientations/externes", tags=["surnuméraire"])
_RPPS = re.compile(r"\d{11}")
_PAGE = re.compile(r"https?://\S+", re.IGNORECASE)


def _checked(body: ExternalBookingRequest, tz: tzinfo,
             regulator: str) -> tuple[external_booking.ExternalBookingRequest | None, dict[str, str]]:
    errors: dict[str, str] = {}
    source, slot_id = (body.source or "").strip(), (body.slot_id or "").strip()
    rpps, key = (body.rpps or "").strip(), (body.idempotency_key or "").strip()
    if not source or len(source) > 100:
        errors["source"] = "Source obligatoire : l'agenda où le créneau a été réservé (100 caractères au plus)."
    if not slot_id or len(slot_id) > 200:
        errors["slot_id"] = "Créneau obligatoire : son identifiant chez cette source (200 caractères au plus)."
    if not _RPPS.fullmatch(rpps):
        errors["rpps"] = "Praticien obligatoire : numéro RPPS à 11 chiffres."
    if body.start is None:
        errors["start"] = "Début du créneau obligatoire (ISO 8601)."
    if body.booking_page is not None and (len(body.booking_page) > 2000 or not _PAGE.fullmatch(body.booking_page)):
        errors["booking_page"] = "Page de réservation invalide : une adresse http(s) est attendue."
    if not key or len(key) > 100:
        errors["idempotency_key"] = "Clé d'idempotence obligatoire (100 caractères au plus)."
    if errors:
        return None, errors
    start = body.start if body.start.tzinfo else body.start.replace(tzinfo=tz)
    return external_booking.ExternalBookingRequest(source, slot_id, rpps, start, key, body.booking_page,
                                                   regulator), {}


@router.post("", status_code=201, response_model=ExternalBooking, responses={
    200: {"model": ExternalBooking, "description": "Déjà enregistrée avec cette clé d'idempotence : la même."},
    **INVALID,
})
def record_external_booking(body: ExternalBookingRequest, response: Response, factory: SessionFactoryDep,
                            now: NowDep, tz: TzDep, who: RegulatorDep):
    """Records that the regulator booked a `link` source's slot on its own page: no reference is invented."""
    request, errors = _checked(body, tz, who.login)
    if errors:
        return invalid(errors)
    recorded, created = external_booking.record(factory, request, now)
    if not who.may_see(recorded.regulator):  # another regulator's key: theirs is not ours to read
        return invalid({"idempotency_key": "Cette clé d'idempotence a déjà servi à une autre réservation."})
    if created:
        _audit(factory, now, who, "book_external", recorded, f"source {recorded.source}, praticien {recorded.rpps}")
    else:
        response.status_code = 200
    return _view(recorded, tz)


@router.get("/{booking_id}", response_model=ExternalBooking, responses=NOT_FOUND)
def get_external_booking(booking_id: str, factory: SessionFactoryDep, now: NowDep, tz: TzDep, who: RegulatorDep):
    try:
        found = external_booking.load(factory, int(booking_id))
    except (ValueError, booking.NotFound):
        return not_found("Réservation externe")
    if not who.may_see(found.regulator):
        return not_found("Réservation externe")
    _audit(factory, now, who, "read", found)
    return _view(found, tz)


def _audit(factory, now, who: Principal, action: str, recorded: ExternalBookingRecord, detail: str = "") -> None:
    # The trail's appointment column names our appointments only: this one is named in the detail.
    audit.record(factory, now, who.actor, action, conversation=who.conversation,
                 detail=", ".join(filter(None, [f"réservation externe {recorded.id}", detail, who.via])))


def _view(recorded: ExternalBookingRecord, tz: tzinfo) -> ExternalBooking:
    return ExternalBooking(id=str(recorded.id), source=recorded.source, slot_id=recorded.slot_id, rpps=recorded.rpps,
                           start=recorded.start.astimezone(tz), booking_page=recorded.booking_page,
                           regulator=recorded.regulator, created_at=recorded.created_at.astimezone(tz))
