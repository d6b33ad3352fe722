"""The running assistant refuses whoever is not signed in, keeps each regulator's conversations and appointments to
them, and listens on loopback only: Rasa, the action server and the agenda started as `make run` starts them."""
from __future__ import annotations

import socket
import uuid

import httpx
import pytest

pytestmark = pytest.mark.e2e

PATIENT_MESSAGE = "Mme Quennehen Maëlys née Martin 21/11/52, 06 45 37 26 53, fièvre depuis 3 j, Lyon 3e"


def webhook(stack) -> str:
    return f"{stack.config.rasa_url}/webhooks/rest/webhook"


def tracker(stack, conversation: str) -> dict:
    """Read through Rasa's HTTP API, which only its own token opens."""
    token = stack.config.settings.rasa_token.get_secret_value()
    answer = httpx.get(f"{stack.config.rasa_url}/conversations/{conversation}/tracker", params={"token": token},
                       timeout=30)
    answer.raise_for_status()
    return answer.json()


def said_by_user(tracker_json: dict) -> list[str]:
    return [e.get("text") for e in tracker_json["events"] if e["event"] == "user"]


def test_without_credentials_the_channel_and_the_apis_refuse(assistant_stack):
    config = assistant_stack.config
    assert httpx.post(webhook(assistant_stack), json={"sender": "x", "message": "bonjour"}, timeout=30).status_code == 401
    forged = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"}
    assert httpx.post(webhook(assistant_stack), json={"message": "bonjour"}, headers=forged, timeout=30).status_code == 401
    assert httpx.get(f"{config.rasa_url}/conversations/x/tracker", timeout=30).status_code == 401
    assert httpx.get(f"{config.rasa_url}/conversations/x/tracker", params={"token": "sas-local-token"},
                     timeout=30).status_code == 401
    assert httpx.get(f"{config.agenda_url}/api/appointments", timeout=30).status_code == 401
    assert httpx.get(f"{config.agenda_url}/api/search", params={"location": "Lyon"}, timeout=30).status_code == 401
    # The action server runs actions for Rasa only: nobody books in a regulator's name by calling it directly.
    direct = httpx.post(f"{config.action_url}/webhook", timeout=30, json={
        "next_action": "action_cancel", "sender_id": "regulateur-e2e/x",
        "tracker": {"sender_id": "regulateur-e2e/x", "slots": {"rendez_vous": {"id": "1", "reference": "SAS-X"}}}})
    assert direct.status_code == 401


def test_a_regulator_cannot_read_or_write_another_regulators_conversation(assistant_stack, regulator):
    other = assistant_stack.add_regulator(f"autre-{uuid.uuid4().hex[:6]}")
    sender = f"partage-{uuid.uuid4().hex[:6]}"
    httpx.post(webhook(assistant_stack), json={"sender": sender, "message": PATIENT_MESSAGE}, auth=other,
               timeout=60).raise_for_status()
    # The same `sender`, by someone else: their own conversation, which knows nothing of the patient.
    mine = httpx.post(webhook(assistant_stack), json={"sender": sender, "message": "bonjour"}, auth=regulator,
                      timeout=60)
    assert mine.status_code == 200 and "Quennehen" not in mine.text
    assert said_by_user(tracker(assistant_stack, f"{other.login}/{sender}")) == [PATIENT_MESSAGE]
    assert said_by_user(tracker(assistant_stack, f"{regulator.login}/{sender}")) == ["bonjour"]
    # Naming the other's conversation outright is refused.
    spoof = httpx.post(webhook(assistant_stack), json={"sender": f"{other.login}/{sender}", "message": "annuler"},
                       auth=regulator, timeout=60)
    assert spoof.status_code == 422
    assert said_by_user(tracker(assistant_stack, f"{other.login}/{sender}")) == [PATIENT_MESSAGE]


def test_a_regulator_does_not_see_another_regulators_appointments(assistant_stack, regulator):
    other = assistant_stack.add_regulator(f"autre-{uuid.uuid4().hex[:6]}")
    sender = "rdv"
    offered = httpx.post(webhook(assistant_stack), json={"sender": sender, "message": PATIENT_MESSAGE}, auth=other,
                         timeout=60).json()
    pick = next(b["payload"] for r in offered for b in r.get("buttons", []) if b["payload"].startswith("/choisir"))
    for message in (pick, "oui"):
        httpx.post(webhook(assistant_stack), json={"sender": sender, "message": message}, auth=other,
                   timeout=60).raise_for_status()
    agenda = assistant_stack.config.agenda_url
    theirs = httpx.get(f"{agenda}/api/appointments", auth=other, timeout=30).json()
    assert len(theirs) == 1 and theirs[0]["regulator"] == other.login
    mine = httpx.get(f"{agenda}/api/appointments", auth=regulator, timeout=30).json()
    assert theirs[0]["id"] not in {a["id"] for a in mine}
    assert httpx.get(f"{agenda}/api/appointments/{theirs[0]['id']}", auth=regulator, timeout=30).status_code == 404


def outside_address() -> str | None:
    """This machine's address on its network (no packet is sent), None without one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: routing only
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_the_processes_listen_on_loopback_only(assistant_stack):
    address = outside_address()
    if address is None:
        pytest.skip("no network interface besides loopback")
    settings = assistant_stack.config.settings
    for port in (settings.agenda_port, settings.action_port, settings.rasa_port):
        with socket.socket() as probe:
            probe.settimeout(2)
            assert probe.connect_ex((address, port)) != 0, f"port {port} answers on {address}"
            with socket.socket() as local:
                local.settimeout(2)
                assert local.connect_ex(("127.0.0.1", port)) == 0
