"""A whole booking through Rasa's REST channel, signed in as a regulator, against the real agenda, action server and
Rasa."""
from __future__ import annotations

import json
import re
import uuid

import httpx
import pytest

pytestmark = pytest.mark.e2e

FIRST_MESSAGE = "Mme Durand Marie née Martin 21/11/52, 06 45 37 26 53, fièvre depuis 3 j, Lyon 3e"


def say(stack, regulator, sender: str, message: str) -> list[dict]:
    response = httpx.post(f"{stack.config.rasa_url}/webhooks/rest/webhook",
                          json={"sender": sender, "message": message}, timeout=60, auth=regulator)
    response.raise_for_status()
    return response.json()


def slot_buttons(replies: list[dict]) -> list[dict]:
    return [b for r in replies for b in r.get("buttons", []) if b["payload"].startswith("/choisir_creneau")]


def test_a_complete_first_message_books_in_three_turns(assistant_stack, regulator):
    sender = f"e2e-{uuid.uuid4().hex[:8]}"

    offered = say(assistant_stack, regulator, sender, FIRST_MESSAGE)
    buttons = slot_buttons(offered)
    assert 1 <= len(buttons) <= 5, offered
    chosen_id = json.loads(buttons[0]["payload"][len("/choisir_creneau"):])["creneau_id"]

    summary = " ".join(r.get("text", "") for r in say(assistant_stack, regulator, sender, buttons[0]["payload"]))
    assert "Récapitulatif" in summary and "temps réel" in summary and "Motif" in summary

    confirmation = " ".join(r.get("text", "") for r in say(assistant_stack, regulator, sender, "oui"))
    reference = re.search(r"Référence (\S+)", confirmation)
    assert reference and "temps réel" in confirmation, confirmation

    agenda = assistant_stack.config.agenda_url
    appointments = httpx.get(f"{agenda}/api/appointments", timeout=10, auth=regulator).json()
    newest = appointments[0]
    assert newest["regulator"] == regulator.login  # who booked: the signed-in regulator
    assert newest["reference"] == reference.group(1).rstrip(".:")
    assert str(newest["slot"]["id"]) == chosen_id
    assert newest["patient"]["nom"] == "Durand" and newest["patient"]["prenom"] == "Marie"
    assert newest["patient"]["nom_naissance"] == "Martin" and newest["patient"]["date_naissance"] == "1952-11-21"
    assert newest["patient"]["telephone"] == "+33645372653"
    assert newest["message"].startswith("Le patient présente les symptômes suivants : fièvre")

    assert httpx.get(f"{agenda}/api/slots/{chosen_id}", timeout=10, auth=regulator).json()["status"] != "free"
    again = httpx.get(f"{agenda}/api/search", params={"location": "Lyon 3e", "limit": 50}, timeout=10,
                      auth=regulator).json()
    assert len(again["slots"]) == 50 and chosen_id not in {str(s["id"]) for s in again["slots"]}


def test_agenda_down_at_confirmation_keeps_everything_and_books_once_when_back(assistant_stack, regulator):
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    buttons = slot_buttons(say(assistant_stack, regulator, sender, FIRST_MESSAGE.replace("Durand", "Bernard")))
    assert buttons
    say(assistant_stack, regulator, sender, buttons[0]["payload"])

    assistant_stack.stop_agenda()
    try:
        down = say(assistant_stack, regulator, sender, "oui")
    finally:
        assistant_stack.start_agenda()
    assert "ne répond pas" in " ".join(r.get("text", "") for r in down)
    retry = [b["payload"] for r in down for b in r.get("buttons", []) if b["title"] == "Réessayer"]
    assert retry == ["/affirm"]

    confirmation = " ".join(r.get("text", "") for r in say(assistant_stack, regulator, sender, retry[0]))
    assert "Rendez-vous réservé" in confirmation
    say(assistant_stack, regulator, sender, retry[0])  # a second retry must not book twice
    booked = [a for a in httpx.get(f"{assistant_stack.config.agenda_url}/api/appointments", timeout=10,
                                   auth=regulator).json()
              if a["patient"]["nom"] == "Bernard"]
    assert len(booked) == 1 and booked[0]["patient"]["telephone"] == "+33645372653"
