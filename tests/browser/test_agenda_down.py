"""The agenda stops in the middle of a referral: the regulator is told plainly, loses nothing, and retries."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.booking import FIRST_MESSAGE, answer_until
from tests.browser.files import small_pdf
from tests.browser.panel import Panel


@pytest.fixture
def panel(page, regulator):
    return Panel(page).open(regulator)


def test_the_message_shown_when_the_agenda_is_down_and_the_retry(panel, assistant_stack, shot):
    panel.say(FIRST_MESSAGE)
    assistant_stack.stop_agenda()
    try:
        answer_until(panel, panel.page.get_by_role("alert"))
        alert = panel.page.get_by_role("alert")
        expect(alert).to_have_text("L'agenda ne répond pas pour le moment. Tout ce que vous avez saisi est conservé : "
                                   "réessayez dans un instant.Réessayer")
        retry = alert.get_by_role("button", name="Réessayer")
        expect(retry).to_be_focused()
        expect(panel.page.get_by_role("button", name="Réessayer")).to_have_count(1)
        shot("agenda-indisponible")

        panel.attach("ordonnance.pdf", small_pdf("Ordonnance"), "application/pdf")
        expect(panel.page.get_by_role("alert").last).to_have_text(
            "Le service d'agenda ne répond pas (service injoignable) : « ordonnance.pdf » n'a pas été envoyé.")
        shot("piece-jointe-non-envoyee")
    finally:
        assistant_stack.start_agenda()

    retry.click()
    panel.wait_for_reply()
    expect(retry).to_be_disabled()
    expect(panel.transcript.locator("button.slot-time").first).to_be_focused()
    shot("creneaux-apres-reprise")
