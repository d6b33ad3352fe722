"""A message over the assistant's limit is not sent: it stays in the field, and the panel says why, in French."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bot.message_limit import MAX_MESSAGE_CHARS
from tests.browser.panel import Panel


@pytest.fixture
def panel(page, agenda_alone):
    return Panel(page).open(agenda_alone)


def test_a_message_over_the_limit_stays_in_the_field_with_the_reason(panel, shot):
    pasted = "Mme Durand Marie, 06 45 37 26 53, fièvre. " * (MAX_MESSAGE_CHARS // 40)
    assert len(pasted.strip()) > MAX_MESSAGE_CHARS
    panel.input.fill(pasted)
    panel.input.press("Enter")
    alert = panel.page.locator("#composer-problem")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("rien n'est perdu")
    expect(alert).to_contain_text("4\u202f000 caractères")
    expect(panel.input).to_have_value(pasted)
    assert panel.sent() == []
    expect(panel.transcript.locator(".message-user")).to_have_count(0)
    shot("message-trop-long")

    panel.input.fill(pasted[:MAX_MESSAGE_CHARS])  # cut to the limit: the reason goes, the message can leave
    expect(alert).to_be_hidden()
