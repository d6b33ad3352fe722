import logging
from datetime import datetime, timezone

import httpx
import pytest

from actions.agenda_client import AgendaClient, AgendaRejected, AgendaUnavailable, SlotTaken
from bot.agenda.contract import AppointmentRequest, SearchResult
from tests.actions.conftest import agenda_slot, appointment_answer, search_answer


async def test_search_sends_the_criteria_and_returns_the_contract_model(agenda):
    agenda.routes["GET /api/search"] = (200, search_answer([agenda_slot("s1", 14)]))
    result = await agenda.client().search(location="Lyon 3e", mode="cabinet", specialty=None, limit=5)
    assert isinstance(result, SearchResult)
    assert result.slots[0].id == "s1" and result.slots[0].start == datetime(2026, 11, 25, 13, 30, tzinfo=timezone.utc)
    sent = agenda.requests[0].url.params
    assert sent["location"] == "Lyon 3e" and sent["limit"] == "5" and "specialty" not in sent


async def test_409_is_slot_taken(agenda):
    agenda.routes["POST /api/appointments"] = (409, {"error": "creneau_indisponible"})
    with pytest.raises(SlotTaken):
        await agenda.client().book(AppointmentRequest(slot_id="s1"))


async def test_an_answer_outside_the_contract_is_an_agenda_that_cannot_be_used(agenda, caplog):
    agenda.routes["GET /api/search"] = (200, {"radius_km": 5, "slots": []})
    with pytest.raises(AgendaUnavailable):
        await agenda.client().search(location="Lyon")
    assert "outside the contract" in caplog.text and "window_widened" in caplog.text


async def test_the_booking_request_is_sent_as_given(agenda):
    agenda.routes["POST /api/appointments"] = (201, appointment_answer())
    appointment = await agenda.client().book(AppointmentRequest(slot_id="s1", patient={"nom": "Durand"},
                                                                idempotency_key="k"))
    assert agenda.sent_json() == {"slot_id": "s1", "patient": {"nom": "Durand"}, "idempotency_key": "k"}
    assert (appointment.id, appointment.reference, appointment.slot.status) == ("42", "SAS-7K2M9Q", "booked")


async def test_422_carries_the_field_errors_and_suggestions(agenda):
    agenda.routes["GET /api/search"] = (422, {"errors": {"location": "Lieu inconnu"}, "suggestions": ["Lyon"]})
    with pytest.raises(AgendaRejected) as refused:
        await agenda.client().search(location="Lyonn")
    assert refused.value.errors == {"location": "Lieu inconnu"} and refused.value.suggestions == ["Lyon"]


@pytest.mark.parametrize("failure", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
async def test_network_failures_are_unavailable(agenda, failure):
    agenda.routes["GET /api/search"] = failure
    with pytest.raises(AgendaUnavailable):
        await agenda.client().search(location="Lyon")


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
    agenda.routes["GET /api/search"] = (200, search_answer([]))
    client = AgendaClient("http://agenda.test", 1.0, transport=httpx.MockTransport(agenda.handler), service_token="s3rvice")
    await client.search(location="Lyon")
    await client.serving("alice/panel-1").search(location="Lyon")
    alone, serving = agenda.requests
    assert alone.headers["Authorization"] == serving.headers["Authorization"] == "Bearer s3rvice"
    assert "X-SAS-Conversation" not in alone.headers and serving.headers["X-SAS-Conversation"] == "alice/panel-1"
