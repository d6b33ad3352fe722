"""Booking: atomic (one slot, one booking, proven under threads on SQLite and PostgreSQL), idempotent,
validated, cancellable."""
import re
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.agenda import booking
from bot.agenda.booking import BookingInvalid, BookingRequest, SlotUnavailable, book, cancel
from bot.agenda.models import Appointment, Slot
from bot.agenda.validation import PatientData
from tests.agenda.factories import (
    ADULT_FIRST,
    CHILD_FIRST,
    FOLLOW_UP,
    GENERAL_PRACTICE,
    NOW,
    SNP,
    SNP_MOTIF,
    AgendaBuilder,
)

MARIE = PatientData(prenom="Marie", nom="Durand", nom_naissance="Durand", date_naissance=date(1952, 11, 21),
                    telephone="+33645372653", civilite="Mme")


def request(slot_id, key="k-1", **changes):
    return BookingRequest(slot_id=slot_id, patient=MARIE, idempotency_key=key, **changes)


def count(session_factory, model=Appointment):
    with session_factory() as session:
        return session.execute(select(func.count()).select_from(model)).scalar()


def slot_status(session_factory, slot_id):
    with session_factory() as session:
        return session.get(Slot, slot_id).status


@pytest.fixture
def slot_id(make_practitioner, make_slot):
    return make_slot(make_practitioner(), hours=2)


def test_booking_takes_the_slot_and_chooses_the_motif(agenda_db, slot_id):
    appointment, created = book(agenda_db.session_factory, request(slot_id, message="Toux"), NOW)
    assert created
    assert re.fullmatch(r"SAS-[2-9A-HJ-NP-Z]{6}", appointment.reference)
    assert (appointment.status, appointment.motif.label, appointment.message) == ("booked", ADULT_FIRST, "Toux")
    assert appointment.created_at == NOW
    assert slot_status(agenda_db.session_factory, slot_id) == "booked"


def test_same_idempotency_key_returns_the_same_appointment(agenda_db, slot_id):
    first, _ = book(agenda_db.session_factory, request(slot_id), NOW)
    again, created = book(agenda_db.session_factory, request(slot_id), NOW)
    assert (again.id, again.reference, created) == (first.id, first.reference, False)
    assert count(agenda_db.session_factory) == 1


def test_a_taken_slot_is_refused_and_nothing_is_written(agenda_db, slot_id):
    book(agenda_db.session_factory, request(slot_id, key="first"), NOW)
    with pytest.raises(SlotUnavailable):
        book(agenda_db.session_factory, request(slot_id, key="second"), NOW)
    assert count(agenda_db.session_factory) == 1


def test_a_past_slot_is_refused(agenda_db, slot_id):
    with pytest.raises(SlotUnavailable):
        book(agenda_db.session_factory, request(slot_id), NOW + timedelta(hours=3))


def test_a_slot_not_open_to_sas_is_refused(agenda_db, make_practitioner, make_slot):
    closed = make_slot(make_practitioner(), new_patients=False)
    with pytest.raises(BookingInvalid) as refused:
        book(agenda_db.session_factory, request(closed), NOW)
    assert refused.value.errors == {"slot_id": "Ce créneau n'est pas ouvert au SAS."}


def test_unknown_slot(agenda_db):
    with pytest.raises(BookingInvalid) as refused:
        book(agenda_db.session_factory, request(999), NOW)
    assert list(refused.value.errors) == ["slot_id"]


@pytest.mark.parametrize("label, reason", [
    (FOLLOW_UP, "réservé aux patients suivis"),
    (CHILD_FIRST, "réservé aux enfants"),
])
def test_a_motif_the_patient_may_not_have_is_refused(agenda_db, make_practitioner, make_slot, label, reason):
    doc = make_practitioner()
    slot = make_slot(doc)
    with pytest.raises(BookingInvalid) as refused:
        book(agenda_db.session_factory, request(slot, motif_id=doc.motif_ids[label]), NOW)
    assert reason in refused.value.errors["motif_id"]
    assert slot_status(agenda_db.session_factory, slot) == "free"


def test_a_motif_of_another_slot_is_refused(agenda_db, make_practitioner, make_slot):
    doc = make_practitioner(motifs=GENERAL_PRACTICE + (SNP_MOTIF,))
    slot = make_slot(doc, motifs=[ADULT_FIRST])
    with pytest.raises(BookingInvalid) as refused:
        book(agenda_db.session_factory, request(slot, motif_id=doc.motif_ids[SNP]), NOW)
    assert refused.value.errors == {"motif_id": "Ce motif n'est pas proposé sur ce créneau."}


def test_snp_is_booked_when_offered(agenda_db, make_practitioner, make_slot):
    doc = make_practitioner(motifs=GENERAL_PRACTICE + (SNP_MOTIF,), accepts_new_patients=False)
    slot = make_slot(doc, new_patients=False, motifs=[FOLLOW_UP, SNP])
    appointment, _ = book(agenda_db.session_factory, request(slot), NOW)
    assert appointment.motif.label == SNP


def test_cancel_frees_the_slot_for_another_booking(agenda_db, slot_id):
    appointment, _ = book(agenda_db.session_factory, request(slot_id, key="a"), NOW)
    cancelled = cancel(agenda_db.session_factory, appointment.id, NOW)
    assert cancelled.status == "cancelled"
    assert slot_status(agenda_db.session_factory, slot_id) == "free"
    assert cancel(agenda_db.session_factory, appointment.id, NOW).status == "cancelled"  # harmless twice
    again, created = book(agenda_db.session_factory, request(slot_id, key="b"), NOW)
    assert created and again.id != appointment.id


def test_a_fulfilled_appointment_cannot_be_cancelled(agenda_db, slot_id):
    appointment, _ = book(agenda_db.session_factory, request(slot_id), NOW)
    with agenda_db.session_factory() as session:
        session.get(Appointment, appointment.id).status = "fulfilled"
        session.commit()
    with pytest.raises(booking.NotCancellable):
        cancel(agenda_db.session_factory, appointment.id, NOW)


def test_the_database_itself_refuses_two_bookings_of_one_slot(agenda_db, slot_id):
    first, _ = book(agenda_db.session_factory, request(slot_id), NOW)
    with agenda_db.session_factory() as session:
        twin = Appointment(**{
            column: getattr(first, column) for column in (
                "slot_id", "motif_id", "prenom", "nom", "nom_naissance", "date_naissance", "telephone",
            )
        }, reference="SAS-TWIN22", idempotency_key="twin", status="booked", created_at=NOW, updated_at=NOW)
        session.add(twin)
        with pytest.raises(IntegrityError):
            session.commit()


def race(session_factory, slot_id, attempts, same_key=False):
    """`attempts` threads book one slot at the same instant -> (appointment ids, number refused)."""
    barrier = threading.Barrier(attempts)
    booked, refused, failures = [], [], []

    def attempt(number):
        barrier.wait()
        try:
            appointment, _ = book(session_factory, request(slot_id, key="same" if same_key else f"k{number}"), NOW)
            booked.append(appointment.id)
        except SlotUnavailable:
            refused.append(number)
        except Exception as error:  # noqa: BLE001 - any other outcome fails the test below
            failures.append(error)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    return booked, len(refused)


def test_race_on_one_slot_sqlite(agenda_db, slot_id):
    booked, refused = race(agenda_db.session_factory, slot_id, 20)
    assert (len(booked), refused) == (1, 19)
    assert count(agenda_db.session_factory) == 1


def test_race_with_one_idempotency_key_gives_one_appointment(agenda_db, slot_id):
    booked, refused = race(agenda_db.session_factory, slot_id, 10, same_key=True)
    assert (len(set(booked)), len(booked), refused) == (1, 10, 0)
    assert count(agenda_db.session_factory) == 1


@pytest.mark.postgres
def test_race_on_one_slot_postgres(postgres_db):
    builder = AgendaBuilder(postgres_db.session_factory, postgres_db.now)
    slot = builder.slot(builder.practitioner(), hours=2)
    booked, refused = race(postgres_db.session_factory, slot, 20)
    assert (len(booked), refused) == (1, 19)
    assert count(postgres_db.session_factory) == 1
    assert slot_status(postgres_db.session_factory, slot) == "booked"


@pytest.mark.postgres
def test_race_with_one_idempotency_key_postgres(postgres_db):
    builder = AgendaBuilder(postgres_db.session_factory, postgres_db.now)
    slot = builder.slot(builder.practitioner(), hours=2)
    booked, refused = race(postgres_db.session_factory, slot, 10, same_key=True)
    assert (len(set(booked)), refused) == (1, 0)
    assert count(postgres_db.session_factory) == 1
