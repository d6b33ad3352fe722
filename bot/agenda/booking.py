"""Booking and cancelling: one slot, one booking, idempotent, nothing partial.

The slot is taken by a conditional UPDATE (`status = 'free'` -> `'booked'`) inside the transaction that
inserts the appointment: under concurrent attempts the database serialises the writers (row lock on
PostgreSQL, the write lock on SQLite) and every loser sees zero rows updated. The partial unique index
`ux_appointments_slot_holding` is the last guard: two appointments can never hold one slot.
"""
from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload, sessionmaker

from bot.agenda.models import Appointment, Attachment, Motif, Slot
from bot.agenda.motifs import NoSuitableMotif, Patient, choose_motif, refusal, required_fields
from bot.agenda.notices import outbox
from bot.agenda.rules import is_eligible
from bot.agenda.validation import PatientData, missing_required

log = logging.getLogger(__name__)

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone


class SlotUnavailable(Exception):
    """The slot is taken, past, or no longer free."""


class BookingInvalid(Exception):
    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


class NotFound(Exception):
    pass


class NotCancellable(Exception):
    pass


@dataclass(frozen=True)
class BookingRequest:
    slot_id: int
    patient: PatientData
    idempotency_key: str
    motif_id: int | None = None
    message: str | None = None
    regulator: str | None = None
    attachment_ids: list[str] = field(default_factory=list)
    deja_consulte: bool = False


def new_reference() -> str:
    return "SAS-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def book(session_factory: sessionmaker, request: BookingRequest, now: datetime) -> tuple[Appointment, bool]:
    """-> (appointment, created). The same idempotency key returns the first appointment, created=False."""
    try:
        return _book(session_factory, request, now)
    except SlotUnavailable:
        # A twin request with the same key may have taken the slot meanwhile: that is its answer too.
        with session_factory() as session:
            existing = _by_key(session, request.idempotency_key)
        if existing is None:
            raise
        return existing, False


def _book(session_factory: sessionmaker, request: BookingRequest, now: datetime) -> tuple[Appointment, bool]:
    with session_factory() as session:
        existing = _by_key(session, request.idempotency_key)
        if existing is not None:
            return existing, False
        slot = session.execute(
            select(Slot).where(Slot.id == request.slot_id)
            .options(selectinload(Slot.motifs), joinedload(Slot.practitioner))
        ).scalar_one_or_none()
        if slot is None:
            raise BookingInvalid({"slot_id": f"Créneau inconnu : « {request.slot_id} »."})
        if not is_eligible(slot):
            raise BookingInvalid({"slot_id": "Ce créneau n'est pas ouvert au SAS."})
        if slot.status != "free" or slot.start <= now:
            raise SlotUnavailable()
        motif = _motif_for(slot, request, now)
        missing = missing_required(request.patient, required_fields(slot.practitioner, motif))
        if missing:
            raise BookingInvalid(missing)
        appointment = _insert(session, slot, motif, request, now)
    log.info("appointment %s booked on slot %s (motif %s)", appointment.id, slot.id, motif.id)
    return load(session_factory, appointment.id), True


def _motif_for(slot: Slot, request: BookingRequest, now: datetime) -> Motif:
    patient = Patient(request.patient.date_naissance, request.patient.civilite, known=request.deja_consulte)
    if request.motif_id is None:
        try:
            return choose_motif(slot.motifs, patient, slot.mode, request.message or "", now.date()).motif
        except NoSuitableMotif as error:
            raise BookingInvalid({"motif_id": str(error)}) from None
    motif = next((m for m in slot.motifs if m.id == request.motif_id), None)
    if motif is None:
        raise BookingInvalid({"motif_id": "Ce motif n'est pas proposé sur ce créneau."})
    reason = refusal(motif, patient, slot.mode, now.date())
    if reason:
        raise BookingInvalid({"motif_id": reason})
    return motif


def _insert(session: Session, slot: Slot, motif: Motif, request: BookingRequest, now: datetime) -> Appointment:
    taken = session.execute(
        update(Slot).where(Slot.id == slot.id, Slot.status == "free").values(status="booked")
    )
    if taken.rowcount != 1:
        raise SlotUnavailable()
    patient = request.patient
    appointment = Appointment(
        reference=new_reference(),
        idempotency_key=request.idempotency_key,
        slot_id=slot.id,
        motif_id=motif.id,
        status="booked",
        civilite=patient.civilite,
        prenom=patient.prenom,
        nom=patient.nom,
        nom_naissance=patient.nom_naissance,
        date_naissance=patient.date_naissance,
        lieu_naissance=patient.lieu_naissance,
        telephone=patient.telephone,
        email=patient.email,
        message=request.message,
        regulator=request.regulator,
        deja_consulte=request.deja_consulte,
        created_at=now,
        updated_at=now,
    )
    session.add(appointment)
    try:
        session.flush()
        if request.attachment_ids:
            linked = session.execute(
                update(Attachment)
                .where(Attachment.id.in_(request.attachment_ids), Attachment.appointment_id.is_(None),
                       Attachment.uploaded_by == request.regulator)  # only one's own files
                .values(appointment_id=appointment.id)
            )
            if linked.rowcount != len(set(request.attachment_ids)):
                session.rollback()
                raise BookingInvalid(
                    {"attachment_ids": "Pièce jointe inconnue ou déjà envoyée avec un autre rendez-vous."}
                )
        outbox.add(session, appointment, slot, "create", request.regulator, now)  # SAS is told, with this commit
        session.commit()
    except IntegrityError:
        # The same idempotency key committed meanwhile (book() then returns that appointment), the slot
        # index refusing a twin, or, once in a billion, a duplicate reference: nothing is written.
        raise SlotUnavailable() from None
    return appointment


def _by_key(session: Session, key: str) -> Appointment | None:
    return next(iter(_load_where(session, Appointment.idempotency_key == key)), None)


def _load_where(session: Session, *criteria, limit: int | None = None) -> list[Appointment]:
    """Appointments with everything the API shows, newest first."""
    slot = joinedload(Appointment.slot)
    statement = (
        select(Appointment)
        .where(*criteria)
        .options(
            slot.joinedload(Slot.practitioner),
            slot.joinedload(Slot.place),
            slot.selectinload(Slot.motifs),
            joinedload(Appointment.motif),
            selectinload(Appointment.attachments),
        )
        .order_by(Appointment.created_at.desc(), Appointment.id.desc())
        .limit(limit)
    )
    return list(session.execute(statement).unique().scalars())


def load(session_factory: sessionmaker, appointment_id: int) -> Appointment:
    with session_factory() as session:
        found = _load_where(session, Appointment.id == appointment_id)
    if not found:
        raise NotFound()
    return found[0]


def recent(session_factory: sessionmaker, booked_by: str | None = None, limit: int = 100) -> list[Appointment]:
    """The latest appointments, of the regulator `booked_by` when given."""
    criteria = [Appointment.regulator == booked_by] if booked_by is not None else []
    with session_factory() as session:
        return _load_where(session, *criteria, limit=limit)


def cancel(session_factory: sessionmaker, appointment_id: int, now: datetime, operator: str | None = None) -> Appointment:
    """Cancel and free the slot, in one transaction with SAS's notice of it; cancelling twice is harmless.
    `operator`: the login of who cancels, None for the service."""
    with session_factory() as session:
        status = session.execute(select(Appointment.status).where(Appointment.id == appointment_id)).scalar()
        if status is None:
            raise NotFound()
        if status == "booked":
            cancelled = session.execute(
                update(Appointment)
                .where(Appointment.id == appointment_id, Appointment.status == "booked")
                .values(status="cancelled", updated_at=now)
            )
            if cancelled.rowcount == 1:
                appointment = session.execute(
                    select(Appointment).where(Appointment.id == appointment_id)
                    .options(joinedload(Appointment.slot).joinedload(Slot.practitioner))
                ).scalar_one()
                session.execute(update(Slot).where(Slot.id == appointment.slot_id).values(status="free"))
                outbox.add(session, appointment, appointment.slot, "update", operator, now)
                session.commit()
                log.info("appointment %s cancelled, slot %s free again", appointment_id, appointment.slot_id)
        elif status != "cancelled":
            raise NotCancellable()
    return load(session_factory, appointment_id)
