"""POST /api/orientations/externes: a booking the regulator made on a `link` source's page, recorded idempotently,
without patient data or a reference of ours; GET reads it back, the regulator's own only."""
import pytest
from sqlalchemy import select

from bot.agenda.models import AuditEvent
from tests.agenda.conftest import bearer

BOOKED = {"source": "agenda-b", "slot_id": "slot-42", "rpps": "10000000017", "start": "2026-03-16T15:20:00+01:00",
          "booking_page": "https://agenda-b.example/reserver?creneau=slot-42", "idempotency_key": "conv-1/slot-42"}


def test_a_booking_on_another_agendas_page_is_recorded_once(client, agenda_db):
    first = client.post("/api/orientations/externes", json=BOOKED)
    assert first.status_code == 201, first.text
    recorded = first.json()
    assert {key: recorded[key] for key in ("source", "slot_id", "rpps", "booking_page", "regulator")} == {
        "source": "agenda-b", "slot_id": "slot-42", "rpps": "10000000017",
        "booking_page": BOOKED["booking_page"], "regulator": "regul"}
    assert recorded["start"] == "2026-03-16T15:20:00+01:00" and "reference" not in recorded

    again = client.post("/api/orientations/externes", json=BOOKED)
    assert (again.status_code, again.json()) == (200, recorded)
    assert client.get(f"/api/orientations/externes/{recorded['id']}").json() == recorded

    with agenda_db.session_factory() as session:
        trail = session.execute(select(AuditEvent).where(AuditEvent.action == "book_external")).scalars().all()
    assert [(event.actor, event.detail) for event in trail] == [
        ("regul", f"réservation externe {recorded['id']}, source agenda-b, praticien 10000000017, jeton")]


@pytest.mark.parametrize("field, expected", [
    ("source", "Source obligatoire"), ("slot_id", "Créneau obligatoire"), ("rpps", "Praticien obligatoire"),
    ("start", "Début du créneau obligatoire"), ("idempotency_key", "Clé d'idempotence obligatoire"),
])
def test_each_missing_field_is_named_in_french(client, field, expected):
    answer = client.post("/api/orientations/externes", json={**BOOKED, field: None})
    assert answer.status_code == 422 and expected in answer.json()["errors"][field]


def test_every_problem_is_reported_together(client):
    answer = client.post("/api/orientations/externes", json={"rpps": "123", "booking_page": "javascript:alert(1)"})
    assert answer.status_code == 422
    assert set(answer.json()["errors"]) == {"source", "slot_id", "rpps", "start", "booking_page", "idempotency_key"}


def test_a_time_without_offset_is_read_in_the_sas_time_zone(client):
    answer = client.post("/api/orientations/externes", json={**BOOKED, "start": "2026-03-16T15:20:00"})
    assert answer.json()["start"] == "2026-03-16T15:20:00+01:00"


def test_another_regulator_neither_reads_it_nor_reuses_its_key(client, add_account):
    recorded = client.post("/api/orientations/externes", json=BOOKED).json()
    other = bearer(client, add_account("autre"))
    assert client.get(f"/api/orientations/externes/{recorded['id']}", headers=other).status_code == 404
    assert client.post("/api/orientations/externes", json=BOOKED, headers=other).status_code == 422
    assert client.get("/api/orientations/externes/inconnue").status_code == 404


def test_the_service_alone_records_nothing(client):
    service = {"Authorization": f"Bearer {client.app.state.settings.service_token.get_secret_value()}"}
    assert client.post("/api/orientations/externes", json=BOOKED, headers=service).status_code == 403


def test_its_address_takes_post_only_though_an_orientations_id_could_be_read_there(client):
    answer = client.put("/api/orientations/externes", json=BOOKED)
    assert (answer.status_code, answer.headers["Allow"]) == (405, "POST")
