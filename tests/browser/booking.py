"""The regulator's side of a booking: what they type, and how they answer what the assistant asks."""
from __future__ import annotations

from playwright.sync_api import Locator, expect

from tests.browser.panel import Panel

FIRST_MESSAGE = ("Mme Marie Durand, née le 21/11/1952, téléphone 06 45 37 26 53, à Lyon, "
                 "fièvre et toux depuis deux jours, à voir aujourd'hui")
# What the referral form may still ask (depending on what was understood) and the regulator's answer.
FORM_ANSWERS = {
    "nom de naissance": "identique",
    "date de naissance": "21/11/1952",
    "téléphone": "06 45 37 26 53",
    "Où se trouve": "Lyon",
    "prénom": "Marie",
    "nom du patient": "Durand",
    # What the chosen practitioner may require on top (bot.vocabulary.EXTRA_PATIENT_FIELDS), asked after the pick.
    "Civilité": "Madame",
    "adresse email": "marie.durand@example.org",
    "commune de naissance": "Lyon",
}
# Questions answered with one of the buttons they come with: the question -> the button's name.
FORM_CHOICES = {"Lieu de naissance : en France": "Né(e) en France : indiquez la ville"}
MAX_QUESTIONS = len(FORM_ANSWERS) + len(FORM_CHOICES)


def answer_until(panel: Panel, target: Locator) -> None:
    """Answers the form's questions until `target` shows up (offered times, the summary, an error...)."""
    for _ in range(MAX_QUESTIONS):
        if target.count():
            return
        question = panel.last_bot_message().inner_text()
        choice = next((c for asked, c in FORM_CHOICES.items() if asked in question), None)
        if choice:
            panel.last_bot_message().get_by_role("button", name=choice).click()
            panel.wait_for_reply()
            continue
        answer = next((a for asked, a in FORM_ANSWERS.items() if asked in question), None)
        assert answer, f"unexpected question from the assistant: {question!r}"
        panel.say(answer)
    expect(target.first).to_be_visible()


def answer_until_slots(panel: Panel) -> None:
    answer_until(panel, panel.transcript.locator("button.slot-time:not([disabled])"))
