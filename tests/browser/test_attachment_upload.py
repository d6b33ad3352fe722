"""An attachment accepted by the agenda and announced to the assistant, then listed in the summary."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.booking import FIRST_MESSAGE, answer_until, answer_until_slots
from tests.browser.files import small_pdf
from tests.browser.panel import Panel


@pytest.fixture
def panel(page, regulator):
    return Panel(page).open(regulator)


def test_a_pdf_is_uploaded_with_progress_shown_as_a_chip_and_acknowledged(panel, shot):
    panel.say(FIRST_MESSAGE)
    panel.attach("ordonnance.pdf", small_pdf("Ordonnance du Dr Martin"), "application/pdf")
    chip = panel.transcript.locator(".chip")
    expect(chip).to_contain_text("ordonnance.pdf")
    panel.wait_for_reply()
    progress = panel.page.evaluate("window.uploadProgress")
    assert progress and progress[0].startswith("Envoi de ordonnance.pdf…"), progress
    expect(panel.page.locator("#upload")).to_be_hidden()
    expect(panel.transcript).to_contain_text("Pièce jointe ajoutée : ordonnance.pdf")
    expect(panel.transcript).not_to_contain_text("/joindre_piece")  # the command itself is hidden
    expect(panel.page.get_by_role("alert")).to_have_count(0)
    shot("piece-jointe-acceptee")

    answer_until_slots(panel)
    panel.transcript.locator("button.slot-time").first.click()
    panel.wait_for_reply()
    summary = panel.page.get_by_role("region", name="Résumé avant réservation")
    answer_until(panel, summary)  # the fields this practitioner requires on top, if any
    expect(summary.locator(".attachment-list")).to_have_text("ordonnance.pdf")
    shot("resume-avec-piece-jointe")


def test_a_renamed_executable_is_refused_by_the_agenda_and_not_announced(panel, shot):
    panel.say(FIRST_MESSAGE)
    before = panel.messages().count()
    panel.attach("scan.pdf", b"MZ\x90\x00" + bytes(4096), "application/pdf")
    expect(panel.page.get_by_role("alert")).to_contain_text("Format refusé : le contenu de « scan.pdf »")
    expect(panel.messages()).to_have_count(before + 1)  # the refusal only: nothing went to the assistant
    expect(panel.transcript.locator(".chip")).to_have_count(0)
    shot("piece-jointe-refusee")
