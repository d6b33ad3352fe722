"""FrAppointmentSAS notices sent after each booking and cancellation: through the outbox, to a real receiver (another
agenda's /fhir/Appointment on loopback), once per change, in order, never with patient data."""
from __future__ import annotations

import asyncio
import json
import shutil
import socket
import threading
import time
from dataclasses import replace
from datetime import timedelta

import httpx
import pytest
import uvicorn
from sqlalchemy import select

from bot.agenda.api import create_app
from bot.agenda.booking import BookingRequest, book, cancel
from bot.agenda.db import make_engine, make_session_factory
from bot.agenda.models import NoticeOutbox, ReceivedNotice
from bot.agenda.notices.outbox import claim_due, later
from bot.agenda.notices.sender import NoticeSender, running
from bot.agenda.validation import PatientData
from bot.settings import get_settings
from tests.agenda.factories import NOW, Clock

PATIENT = {"civilite": "Mme", "prenom": "Maëlys", "nom": "Quennehen", "nom_naissance": "Quennehen",
           "date_naissance": "1952-11-21", "telephone": "06 45 37 26 53", "email": "m.quennehen@email.com"}
PATIENT_VALUES = ("Maëlys", "Quennehen", "1952-11-21", "+33645372653", "06 45 37 26 53", "m.quennehen@email.com",
                  "Mme")
# The receiver holds a lost answer that long, past the sender's timeout; the timeout itself is wide enough for a
# loaded CI machine's first request (0.3 s was not: a notice read as undelivered, « assert 0 == 2 »).
LOST_ANSWER_S = 3.0
SENDER_TIMEOUT_S = 2.0


def without_patient_data(*texts: str) -> bool:
    return not any(value.lower() in text.lower() for text in texts for value in PATIENT_VALUES)


class Recorder:
    """In front of the receiving agenda: records what arrives at /fhir/Appointment, and can lose answers (the
    request is handled, its answer held past the sender's timeout)."""

    def __init__(self, app):
        self.app = app
        self.arrivals: list[tuple[str, str]] = []  # (method, body)
        self.answers_to_lose = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/fhir/Appointment"):
            return await self.app(scope, receive, send)
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.arrivals.append((scope["method"], body.decode()))

        async def replay():
            return {"type": "http.request", "body": body, "more_body": False}

        if not self.answers_to_lose:
            return await self.app(scope, replay, send)
        self.answers_to_lose -= 1
        held = []

        async def hold(message):
            held.append(message)

        await self.app(scope, replay, hold)
        await asyncio.sleep(LOST_ANSWER_S)
        for message in held:
            await send(message)


class Receiver:
    def __init__(self, tmp_path, template):
        path = tmp_path / "sas.db"
        shutil.copy(template, path)
        self.engine = make_engine(f"sqlite:///{path}")
        self.factory = make_session_factory(self.engine)
        settings = get_settings().copy(update={"secrets_dir": tmp_path / "sas-secrets"})
        app = create_app(self.factory, settings=settings, clock=lambda: NOW, attachments_dir=tmp_path / "sas-files")
        self.token = app.state.settings.service_token.get_secret_value()
        self.recorder = Recorder(app)
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/fhir"
        self.server = None

    def start(self):
        # ws="none": Rasa pins an old websockets that uvicorn's auto-detection cannot import.
        self.server = uvicorn.Server(uvicorn.Config(self.recorder, log_level="warning", ws="none"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.server.started

    def stop(self):
        if self.server is not None:
            self.server.should_exit = True
            self.thread.join(timeout=10)
        self.engine.dispose()

    def notices(self) -> list[ReceivedNotice]:
        with self.factory() as session:
            return list(session.execute(select(ReceivedNotice).order_by(ReceivedNotice.id)).scalars())


@pytest.fixture
def receiver(tmp_path, _migrated_sqlite):
    """A second agenda on loopback, as the SAS receiving notices; bound but not listening until start()."""
    found = Receiver(tmp_path, _migrated_sqlite)
    yield found
    found.stop()


@pytest.fixture
def appointment(agenda_db, make_practitioner, make_slot):
    slot_id = make_slot(make_practitioner(), hours=2)
    patient = PatientData(prenom="Maëlys", nom="Quennehen", nom_naissance="Quennehen", civilite="Mme",
                          date_naissance=NOW.date().replace(year=1952, month=11, day=21), telephone="+33645372653",
                          email="m.quennehen@email.com")
    booked, _ = book(agenda_db.session_factory, BookingRequest(slot_id, patient, "cle-1", regulator="alice"), NOW)
    return booked


def sender(agenda_db, receiver, clock) -> NoticeSender:
    return NoticeSender(agenda_db.session_factory, receiver.url, receiver.token, clock=clock,
                        timeout_s=SENDER_TIMEOUT_S)


async def deliver(notices: NoticeSender) -> int:
    async with httpx.AsyncClient(timeout=notices.timeout) as client:
        return await notices.deliver_due(client)


def outbox(agenda_db) -> list[NoticeOutbox]:
    with agenda_db.session_factory() as session:
        return list(session.execute(select(NoticeOutbox).order_by(NoticeOutbox.id)).scalars())


async def test_a_booking_then_its_cancellation_arrive_once_each_in_order(agenda_db, receiver, appointment):
    receiver.start()
    cancel(agenda_db.session_factory, appointment.id, NOW + timedelta(minutes=5), operator="bob")
    notices = sender(agenda_db, receiver, Clock())

    assert await deliver(notices) == 2
    assert await deliver(notices) == 0

    assert [method for method, _ in receiver.recorder.arrivals] == ["POST", "PUT"]
    [received] = receiver.notices()
    assert (received.identifier_value, received.status, received.version) == (appointment.reference, "cancelled", 2)
    assert (received.rpps, received.operator_type, received.operator) == (appointment.slot.practitioner.rpps,
                                                                          "INTRN", "bob")
    assert json.loads(receiver.recorder.arrivals[0][1])["status"] == "booked"
    assert without_patient_data(received.resource, *(body for _, body in receiver.recorder.arrivals))
    assert [(row.kind, row.attempts, row.sent_at is not None) for row in outbox(agenda_db)] == [
        ("create", 1, True), ("update", 1, True)]


async def test_a_receiver_down_then_up_gets_the_notice_once(agenda_db, receiver, appointment):
    clock = Clock()
    notices = sender(agenda_db, receiver, clock)

    assert await deliver(notices) == 0  # nothing listens: tried again later
    [change] = outbox(agenda_db)
    assert (change.attempts, change.sent_at, change.last_error) == (1, None, "ConnectError")
    assert await deliver(notices) == 0  # its backoff holds it

    receiver.start()
    clock.now += timedelta(seconds=3)
    assert await deliver(notices) == 1
    assert await deliver(notices) == 0
    assert [method for method, _ in receiver.recorder.arrivals] == ["PUT"]  # a creation tried again: the PUT
    [received] = receiver.notices()
    assert (received.status, received.version) == ("booked", 1)


async def test_a_lost_answer_is_tried_again_as_the_put_and_makes_no_second_notice(agenda_db, receiver, appointment):
    receiver.start()
    receiver.recorder.answers_to_lose = 1
    clock = Clock()
    notices = sender(agenda_db, receiver, clock)

    assert await deliver(notices) == 0
    assert outbox(agenda_db)[0].last_error == "ReadTimeout"
    clock.now += timedelta(seconds=3)
    assert await deliver(notices) == 1

    assert [method for method, _ in receiver.recorder.arrivals] == ["POST", "PUT"]
    [received] = receiver.notices()
    assert (received.identifier_value, received.version) == (appointment.reference, 2)


async def test_a_refused_notice_is_not_sent_again_and_the_next_change_goes(agenda_db, receiver, appointment):
    receiver.start()
    with agenda_db.session_factory() as session:  # a change the SAS refuses (a status its profile does not know)
        change = session.execute(select(NoticeOutbox)).scalar_one()
        change.payload = json.dumps({**json.loads(change.payload), "status": "proposed"})
        session.commit()
    cancel(agenda_db.session_factory, appointment.id, NOW, operator="alice")
    clock = Clock()
    notices = sender(agenda_db, receiver, clock)

    assert await deliver(notices) == 2
    clock.now += timedelta(hours=1)
    assert await deliver(notices) == 0

    first, second = outbox(agenda_db)
    assert (first.failed_at, first.sent_at, first.last_error) == (clock.now - timedelta(hours=1), None, "HTTP 422")
    assert second.sent_at is not None
    assert [method for method, _ in receiver.recorder.arrivals] == ["POST", "PUT"]
    assert [(n.status, n.version) for n in receiver.notices()] == [("cancelled", 1)]


def test_a_change_is_claimed_by_one_sender_only(agenda_db, appointment):
    assert [change.appointment_id for change in claim_due(agenda_db.session_factory, NOW)] == [appointment.id]
    assert claim_due(agenda_db.session_factory, NOW) == []  # another process, meanwhile
    assert len(claim_due(agenda_db.session_factory, NOW + timedelta(minutes=2))) == 1  # the first one died


def test_the_agenda_notifies_itself_when_no_sas_is_set(client, make_practitioner, make_slot, agenda_db):
    slot_id = make_slot(make_practitioner(), hours=2)
    booked = client.post("/api/appointments", json={"slot_id": str(slot_id), "patient": PATIENT,
                                                    "idempotency_key": "cle-1"}).json()
    client.post(f"/api/appointments/{booked['id']}/cancel")

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not all(row.sent_at for row in outbox(agenda_db) or [None]):
        time.sleep(0.05)
    assert [(row.kind, row.attempts) for row in outbox(agenda_db)] == [("create", 1), ("update", 1)]
    with agenda_db.session_factory() as session:
        [received] = session.execute(select(ReceivedNotice)).scalars().all()
    assert (received.identifier_value, received.status, received.version, received.operator) == (
        booked["reference"], "cancelled", 2, "regul")
    assert without_patient_data(received.resource)


def test_the_backoff_doubles_up_to_five_minutes(agenda_db, appointment):
    [change] = claim_due(agenda_db.session_factory, NOW)
    waits = []
    for attempts in (1, 2, 3, 9, 10_000):
        later(agenda_db.session_factory, replace(change, attempts=attempts), NOW, "HTTP 503")
        waits.append(outbox(agenda_db)[0].next_attempt_at - NOW)
    assert waits == [timedelta(seconds=s) for s in (2, 4, 8, 300, 300)]


async def _woken_as_it_stops(notices: NoticeSender, turns: int) -> None:
    async with running(notices):
        while notices._wake is None:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)  # its round done, it waits for the next
        notices.kick()
        for _ in range(turns):
            await asyncio.sleep(0)


@pytest.mark.parametrize("turns", range(6))
async def test_the_sender_stops_even_when_woken_as_it_is_stopped(agenda_db, turns):
    """A change committed as the app shuts down wakes the sender as it is cancelled: the stop must still end it (on
    Python < 3.12, asyncio.wait_for returns the wait's result and swallows a cancel that lands as the wait ends)."""
    notices = NoticeSender(agenda_db.session_factory, "http://127.0.0.1:9/fhir", None, poll_s=60)
    stopping = asyncio.ensure_future(_woken_as_it_stops(notices, turns))
    done, _ = await asyncio.wait({stopping}, timeout=5)
    assert done, f"the sender still runs, woken {turns} loop turns before its stop"
