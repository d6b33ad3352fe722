import logging
from datetime import datetime, timezone

import httpx
import pytest

from actions.agenda_client import AgendaClient, AgendaRejected, AgendaUnavailable, SlotTaken, get_source_client
from bot.agenda.contract import AppointmentRequest, ExternalBookingRequest, OrientationRequest
from bot.sources.config import DEFAULT_SOURCE
from tests.actions.conftest import PATIENT, agenda_slot, appointment_answer


def nearby(nom: str) -> dict:
    slot = agenda_slot("s", 9, nom)
    return {"practitioner": {**slot["practitioner"], "surnumeraire": True}, "address": slot["address"], "distance_km": 2.5}


@pytest.mark.parametrize(("known", "sent"), [(True, "true"), (False, None)])
async def test_the_motif_is_asked_for_a_known_patient(agenda, known, sent):
    agenda.routes["GET /api/slots/s1/motif"] = (200, {"motif": {"id": "m1", "label": "Suivi", "snp": False,
                                                                "follow_up": True}, "reason": "r",
                                                      "required_fields": ["email"]})
    choice = await agenda.client().motif_for("s1", PATIENT, "cabinet", None, deja_consulte=known)
    assert (choice.motif.follow_up, choice.required_fields) == (True, ["email"])
    assert agenda.requests[0].url.params.get("deja_consulte") == sent


async def test_surnumeraires_and_orientations(agenda):
    agenda.routes["GET /api/surnumeraires"] = (200, {"radius_km": 20, "practitioners": [nearby("Roux")]})
    found = await agenda.client().surnumeraires("Lyon 3e", "SM54")
    assert [n.practitioner.nom for n in found.practitioners] == ["Roux"] and found.practitioners[0].practitioner.surnumeraire
    assert dict(agenda.requests[0].url.params) == {"location": "Lyon 3e", "specialty": "SM54"}
    oriented = {"id": "7", "reference": "SAS-ABCDEF", "status": "a_confirmer", "reserved_slot": False,
                "created_at": "2026-11-25T10:00:00+01:00", "practitioner": nearby("Roux")["practitioner"],
                "address": nearby("Roux")["address"], "patient": PATIENT, "message": None, "regulator": "regulateur-1"}
    agenda.routes["POST /api/orientations"] = (201, oriented)
    agenda.routes["GET /api/orientations/7"] = (200, oriented)
    client = agenda.client()
    made = await client.orient(OrientationRequest(rpps="10001234567", patient=PATIENT, idempotency_key="k"))
    assert agenda.sent_json() == {"rpps": "10001234567", "patient": PATIENT, "idempotency_key": "k"}
    assert (made.id, made.status, made.reserved_slot) == ("7", "a_confirmer", False)
    assert await client.orientation("7") == made


async def test_409_is_slot_taken(agenda):
    agenda.routes["POST /api/appointments"] = (409, {"error": "creneau_indisponible"})
    with pytest.raises(SlotTaken):
        await agenda.client().book(AppointmentRequest(slot_id="s1"))


async def test_an_answer_outside_the_contract_is_an_agenda_that_cannot_be_used(agenda, caplog):
    agenda.routes["GET /api/surnumeraires"] = (200, {"radius_km": 5})
    with pytest.raises(AgendaUnavailable):
        await agenda.client().surnumeraires("Lyon")
    assert "outside the contract" in caplog.text and "practitioners" in caplog.text


async def test_the_booking_request_is_sent_as_given(agenda):
    agenda.routes["POST /api/appointments"] = (201, appointment_answer())
    appointment = await agenda.client().book(AppointmentRequest(slot_id="s1", patient={"nom": "Durand"},
                                                                idempotency_key="k"))
    assert agenda.sent_json() == {"slot_id": "s1", "patient": {"nom": "Durand"}, "idempotency_key": "k"}
    assert (appointment.id, appointment.reference, appointment.slot.status) == ("42", "SAS-7K2M9Q", "booked")


async def test_422_carries_the_field_errors_and_suggestions(agenda):
    agenda.routes["GET /api/surnumeraires"] = (422, {"errors": {"location": "Lieu inconnu"}, "suggestions": ["Lyon"]})
    with pytest.raises(AgendaRejected) as refused:
        await agenda.client().surnumeraires("Lyonn")
    assert refused.value.errors == {"location": "Lieu inconnu"} and refused.value.suggestions == ["Lyon"]


@pytest.mark.parametrize("failure", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
async def test_network_failures_are_unavailable(agenda, failure):
    agenda.routes["GET /api/surnumeraires"] = failure
    with pytest.raises(AgendaUnavailable):
        await agenda.client().surnumeraires("Lyon")


async def test_server_error_is_unavailable(agenda):
    agenda.routes["POST /api/appointments/a1/cancel"] = (503, {})
    with pytest.raises(AgendaUnavailable):
        await agenda.client().cancel("a1")


async def test_no_patient_data_in_the_logs_at_info(agenda, caplog):
    caplog.set_level(logging.INFO)
    agenda.routes["GET /api/slots/s1/motif"] = (200, {"motif": {"id": "m1", "label": "x", "snp": True}, "reason": "r"})
    agenda.routes["POST /api/appointments"] = (201, appointment_answer("1", "SAS-1"))
    client = agenda.client()
    await client.motif_for("s1", {"date_naissance": "1952-11-21"}, "cabinet", "fièvre depuis 3 jours")
    await client.book(AppointmentRequest(slot_id="s1", patient={"nom": "Durand", "telephone": "+33645372653"}))
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)
    for secret in ("1952", "fi%C3%A8vre", "fièvre", "Durand", "+33645372653"):
        assert secret not in logged


async def test_the_client_calls_with_the_service_token_and_names_the_conversation_it_serves(agenda):
    agenda.routes["GET /api/surnumeraires"] = (200, {"radius_km": 5, "practitioners": []})
    client = AgendaClient("http://agenda.test", 1.0, transport=httpx.MockTransport(agenda.handler), service_token="s3rvice")
    await client.surnumeraires("Lyon")
    await client.serving("alice/panel-1").surnumeraires("Lyon")
    alone, serving = agenda.requests
    assert alone.headers["Authorization"] == serving.headers["Authorization"] == "Bearer s3rvice"
    assert "X-SAS-Conversation" not in alone.headers and serving.headers["X-SAS-Conversation"] == "alice/panel-1"


def test_a_source_s_client_is_made_once_and_an_unknown_source_cannot_book():
    client = get_source_client(DEFAULT_SOURCE)  # without a sources file, our agenda with the service token
    assert get_source_client(DEFAULT_SOURCE) is client
    assert client._http.headers["Authorization"].startswith("Bearer ")
    with pytest.raises(AgendaUnavailable):
        get_source_client("inconnue")


async def test_an_external_booking_is_sent_with_its_start_in_iso_form(agenda):
    answer = {"id": "e1", "source": "autre", "slot_id": "42", "rpps": "10001234567", "start": "2026-11-25T09:30:00+01:00",
              "booking_page": None, "regulator": None, "created_at": "2026-11-25T10:00:00+01:00"}
    agenda.routes["POST /api/orientations/externes"] = (201, answer)
    start = datetime(2026, 11, 25, 8, 30, tzinfo=timezone.utc)
    made = await agenda.client().record_external_booking(
        ExternalBookingRequest(source="autre", slot_id="42", rpps="10001234567", start=start, idempotency_key="k"))
    assert agenda.sent_json() == {"source": "autre", "slot_id": "42", "rpps": "10001234567",
                                  "start": "2026-11-25T08:30:00+00:00", "idempotency_key": "k"}
    assert made.start == start and made.booking_page is None
