"""Keyboard first, and nothing typed is lost: here the assistant cannot be reached at all."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.panel import Panel
from tests.browser.test_cards import ALL_KINDS

SENDER = "sessionStorage.getItem('sas-panel.sender')"


@pytest.fixture
def panel(page, agenda_alone):
    return Panel(page).open(agenda_alone)


def test_shift_enter_makes_a_new_line_and_enter_sends(panel, shot):
    expect(panel.input).to_be_focused()
    panel.input.type("Mme Durand")
    panel.input.press("Shift+Enter")
    panel.input.type("fièvre depuis hier")
    expect(panel.input).to_have_value("Mme Durand\nfièvre depuis hier")
    expect(panel.messages()).to_have_count(0)

    panel.input.press("Enter")
    panel.wait_for_reply()
    expect(panel.input).to_have_value("")
    expect(panel.transcript.locator(".message-user")).to_have_text(["Vous : Mme Durand\nfièvre depuis hier"])
    shot("envoye")


def test_an_unreachable_assistant_is_said_plainly_and_retry_resends(panel, shot):
    panel.say("Mme Marie Durand, 06 45 37 26 53")
    assert panel.page.evaluate("window.typingShown") >= 1
    alerts = panel.page.get_by_role("alert")
    expect(alerts).to_have_text(["L'assistant est injoignable. Votre message n'est pas perdu : "
                                 "réessayez dans un instant.Réessayer"])
    retries = panel.page.get_by_role("button", name="Réessayer")
    expect(retries.first).to_be_focused()
    shot("injoignable")

    panel.page.keyboard.press("Enter")  # the focused retry button
    panel.wait_for_reply()
    expect(alerts).to_have_count(2)
    expect(retries.first).to_be_disabled()
    expect(retries.last).to_be_focused()
    # The message is shown once: a retry sends it again without repeating it.
    expect(panel.transcript.locator(".message-user")).to_have_count(1)


def test_tab_reaches_every_button(panel):
    panel.render(*ALL_KINDS)
    buttons = panel.page.locator("button:not([disabled])")
    expected = buttons.count()
    reached = set()
    panel.page.locator("body").focus()
    for _ in range(expected + 5):
        panel.page.keyboard.press("Tab")
        reached.add(panel.page.evaluate(
            "() => { const el = document.activeElement; return el.tagName === 'BUTTON' ? "
            "[...document.querySelectorAll('button:not([disabled])')].indexOf(el) : -1; }"))
    assert reached - {-1} == set(range(expected))


def test_reload_keeps_the_conversation_and_new_patient_starts_clean(panel, shot):
    panel.say("Jeanne Martin")
    sender = panel.page.evaluate(SENDER)
    panel.reload()
    expect(panel.transcript.locator(".message-user")).to_have_text(["Vous : Jeanne Martin"])
    assert panel.page.evaluate(SENDER) == sender

    panel.new_patient_button.click()
    panel.wait_for_reply()
    assert panel.page.evaluate(SENDER) != sender
    expect(panel.transcript).not_to_contain_text("Jeanne Martin")
    expect(panel.transcript.locator(".message-user")).to_have_count(0)  # /nouveau_patient is not shown
    shot("nouveau-patient")


def test_a_typed_answer_closes_the_choices_above_it(panel):
    panel.render("praticiens")
    panel.say("le 2")
    expect(panel.transcript.locator("button.slot-time:not([disabled]), button.choice:not([disabled])")).to_have_count(0)
    # Only the retry of the message that could not leave is live.
    expect(panel.transcript.locator("button:not([disabled])")).to_have_text(["Réessayer"])
