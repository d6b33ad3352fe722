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
BIRTH_DATE = "1952-11-21"
MAX_PAGES = 20
PLACES = ("Lyon 3e", "Rennes", "Bordeaux", "Lille", "Nantes", "Toulouse")


def say(stack, regulator, sender: str, message: str) -> list[dict]:
    response = httpx.post(f"{stack.config.rasa_url}/webhooks/rest/webhook",
                          json={"sender": sender, "message": message}, timeout=60, auth=regulator)
    response.raise_for_status()
    return response.json()


def slot_buttons(replies: list[dict]) -> list[dict]:
    return [b for r in replies for b in r.get("buttons", []) if b["payload"].startswith("/choisir_creneau")]


def slot_id(button: dict) -> str:
    """The slot's id at the agenda: the offer comes through the federated search, whose ids are "<source>:<id>"."""
    source, _, slot = json.loads(button["payload"][len("/choisir_creneau"):])["creneau_id"].rpartition(":")
    assert source == "agenda", button  # without a sources file, our agenda is the only source
    return slot


def required_fields(stack, regulator, button: dict) -> list[str]:
    """What the agenda requires to book this slot for the patient, beyond the mandatory fields."""
    choice = httpx.get(f"{stack.config.agenda_url}/api/slots/{slot_id(button)}/motif", params={"birth_date": BIRTH_DATE},
                       timeout=10, auth=regulator).json()
    return choice["required_fields"]


def place_of_a_practitioner_requiring(stack, regulator, fields: list[str]) -> str:
    """Where a practitioner of the demo agenda requires exactly `fields` (about 15 % require one or two)."""
    for place in PLACES:
        found = httpx.get(f"{stack.config.agenda_url}/api/search", params={"location": place, "limit": 50},
                          timeout=10, auth=regulator).json()
        for offer in found["offers"]:
            if offer["practitioner"]["required_fields"] == fields:
                return f'{offer["address"]["postal_code"]} {offer["address"]["commune"]}'
    pytest.fail(f"no practitioner requiring {fields} in {PLACES}")


def offered_slot_requiring(stack, regulator, sender: str, replies: list[dict], fields: list[str]) -> tuple[dict, int]:
    """The first offered time whose booking requires exactly `fields`, paging with "Autres praticiens" when needed;
    -> (its button, the pages turned)."""
    for page in range(MAX_PAGES):
        button = next((b for b in slot_buttons(replies) if required_fields(stack, regulator, b) == fields), None)
        if button:
            return button, page
        assert any(b["payload"] == "/autres_creneaux" for r in replies for b in r.get("buttons", [])), replies
        replies = say(stack, regulator, sender, "/autres_creneaux")
    pytest.fail(f"no offered slot requiring {fields} in {MAX_PAGES} pages")


def test_a_complete_first_message_books_in_three_turns(assistant_stack, regulator):
    sender = f"e2e-{uuid.uuid4().hex[:8]}"

    offered = say(assistant_stack, regulator, sender, FIRST_MESSAGE)
    buttons = slot_buttons(offered)
    # up to five practitioners, up to four times each, the rank of the practitioner in each button's title
    assert 1 <= len(buttons) <= 20 and buttons[0]["title"].startswith("1. Dr "), offered
    button, pages = offered_slot_requiring(assistant_stack, regulator, sender, offered, [])
    chosen_id = slot_id(button)

    summary = " ".join(r.get("text", "") for r in say(assistant_stack, regulator, sender, button["payload"]))
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
    assert newest["message"].startswith("La patiente présente les symptômes suivants : fièvre")

    assert httpx.get(f"{agenda}/api/slots/{chosen_id}", timeout=10, auth=regulator).json()["status"] != "free"
    again = httpx.get(f"{agenda}/api/search", params={"location": "Lyon 3e", "limit": 50, "per_practitioner": 10},
                      timeout=10, auth=regulator).json()
    offered_again = {str(s["id"]) for offer in again["offers"] for s in offer["slots"]}
    assert len(again["offers"]) == 50 and chosen_id not in offered_again
    print(f"\nturns for a complete booking without extra fields: 3 (+{pages} page(s) of other practitioners)")


def test_a_practitioner_who_requires_an_email_has_it_asked_once_then_books(assistant_stack, regulator):
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    turns = 1
    place = place_of_a_practitioner_requiring(assistant_stack, regulator, ["email"])
    message = FIRST_MESSAGE.replace("Durand", "Mercier").replace("Lyon 3e", place)
    offered = say(assistant_stack, regulator, sender, message)
    button, pages = offered_slot_requiring(assistant_stack, regulator, sender, offered, ["email"])

    question = say(assistant_stack, regulator, sender, button["payload"])
    turns += 1
    asked = " ".join(r.get("text", "") for r in question)
    assert "email" in asked and "Récapitulatif" not in asked, asked

    summary = " ".join(r.get("text", "") for r in say(assistant_stack, regulator, sender, "marie.mercier@exemple.fr"))
    turns += 1
    assert "Récapitulatif" in summary and "marie.mercier@exemple.fr" in summary and "Déjà consulté ce praticien : non" \
        in summary, summary

    confirmation = " ".join(r.get("text", "") for r in say(assistant_stack, regulator, sender, "oui"))
    turns += 1
    reference = re.search(r"Référence (\S+)", confirmation)
    assert reference, confirmation
    booked = httpx.get(f"{assistant_stack.config.agenda_url}/api/appointments", timeout=10, auth=regulator).json()[0]
    assert booked["reference"] == reference.group(1).rstrip(".:") and str(booked["slot"]["id"]) == slot_id(button)
    assert booked["patient"]["email"] == "marie.mercier@exemple.fr" and booked["patient"]["nom"] == "Mercier"
    assert turns == 4
    print(f"\nturns for a complete booking with one extra field (email): {turns} (+{pages} page(s) of other practitioners)")


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
