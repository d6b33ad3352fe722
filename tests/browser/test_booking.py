"""A whole booking in the panel, against the real agenda, action server and Rasa."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.booking import FIRST_MESSAGE, answer_until, answer_until_slots
from tests.browser.panel import Panel


@pytest.fixture
def panel(page, regulator):
    return Panel(page).open(regulator)


def test_a_whole_booking_from_the_first_message_to_the_confirmation(panel, shot):
    shot("accueil")
    panel.say(FIRST_MESSAGE)
    assert panel.page.evaluate("window.typingShown") >= 1
    recap = panel.page.get_by_role("region", name="Récapitulatif patient")
    expect(recap.first).to_contain_text("Durand")
    expect(panel.transcript).not_to_contain_text("J'ai noté")  # the card stands in for the plain text
    shot("recapitulatif")

    answer_until_slots(panel)
    first_time = panel.transcript.locator("button.slot-time").first
    expect(first_time).to_be_focused()  # the offers arrive: the first time is ready for Enter
    expect(first_time).to_have_text(re.compile(r"^\d\d:\d\d$"))
    expect(first_time).to_have_accessible_name(re.compile(r"^Dr .+, \S+ \d+ \S+, \d\d:\d\d–\d\d:\d\d, "))
    expect(panel.transcript.locator(".practitioner").first).to_contain_text(" km")
    shot("praticiens")

    panel.page.keyboard.press("Enter")
    panel.wait_for_reply()
    expect(panel.transcript.locator(".message-user").last).to_contain_text("Créneau choisi : ")
    summary = panel.page.get_by_role("region", name="Résumé avant réservation")
    answer_until(panel, summary)  # the fields this practitioner requires on top, if any
    expect(summary.locator(".field", has_text="Déjà consulté ce praticien")).to_have_count(1)
    expect(summary.get_by_role("note")).to_contain_text("ne doit pas présenter de caractère d'urgence")
    expect(summary).to_contain_text("Marie")
    expect(panel.input).to_be_focused()
    shot("resume")

    panel.page.get_by_role("button", name="Confirmer la réservation").click()
    panel.wait_for_reply()
    confirmation = panel.page.get_by_role("region", name="Rendez-vous réservé")
    expect(confirmation.locator(".reference-code")).to_have_text(re.compile(r"^SAS-[A-Z0-9-]+$"))
    shot("confirmation")

    panel.new_patient_button.click()
    panel.wait_for_reply()
    expect(panel.transcript).not_to_contain_text("Durand")
    # a clean conversation: the assistant says so, then asks its first question for a regulator who answers
    expect(panel.transcript.locator(".message-bot").nth(-2)).to_contain_text("Nouveau patient")
    expect(panel.last_bot_message()).to_contain_text("Quel est le prénom du patient ?")
    shot("nouveau-patient")
