"""Bookings the regulator made on a `link` source's own page (bot.sources): recorded as an orientation, with who,
where and when, and nothing about the patient, and no reference of ours (the agenda software holds the booking).
Idempotent like a booking."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from bot.agenda.booking import NotFound
from bot.agenda.db import add_once
from bot.agenda.models import ExternalBooking

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExternalBookingRequest:
    source: str
    slot_id: str
    rpps: str
    start: datetime
    idempotency_key: str
    booking_page: str | None = None
    regulator: str | None = None


def record(factory: sessionmaker, request: ExternalBookingRequest, now: datetime) -> tuple[ExternalBooking, bool]:
    """-> (the booking, created). The same idempotency key returns the first one, created=False."""
    with factory() as session:
        existing = _by_key(session, request.idempotency_key)
        if existing is not None:
            return existing, False
        booking = ExternalBooking(
            idempotency_key=request.idempotency_key, source=request.source, slot_id=request.slot_id,
            rpps=request.rpps, start=request.start, booking_page=request.booking_page, regulator=request.regulator,
            created_at=now,
        )
        booking, created = add_once(session, booking, lambda again: _by_key(again, request.idempotency_key))
        if not created:
            return booking, False
    log.info("external booking %s recorded (source %s)", booking.id, request.source)
    return booking, True


def load(factory: sessionmaker, booking_id: int) -> ExternalBooking:
    with factory() as session:
        found = session.get(ExternalBooking, booking_id)
    if found is None:
        raise NotFound()
    return found


def _by_key(session, key: str) -> ExternalBooking | None:
    return session.execute(select(ExternalBooking).where(ExternalBooking.idempotency_key == key)).scalar_one_or_none()
