"""Driving the side panel the way a regulator does, and checking what they see."""
from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from bot.auth.client import SignedIn

REPLIES = json.loads((Path(__file__).parent / "replies.json").read_text(encoding="utf-8"))
REPLY_TIMEOUT_MS = 60_000

# Stores recorded REST replies as the panel's session transcript (the panel shows them on reload),
# joined into messages by the panel's own code.
STORE_REPLIES = """async (replies) => {
  const { pairCards } = await import('/static/js/conversation.js');
  const messages = replies.flatMap((reply) => pairCards(reply));
  const entries = messages.map((message, i) => ({ id: `enregistre-${i}`, type: 'bot', ...message }));
  sessionStorage.setItem('sas-panel.entries', JSON.stringify(entries));
}"""

# Records what shows only briefly: the typing indicator and the upload progress.
WATCH_TRANSIENTS = """() => {
  window.typingShown = 0;
  window.uploadProgress = [];
  const typing = document.getElementById('typing');
  new MutationObserver(() => { if (!typing.hidden) window.typingShown += 1; })
    .observe(typing, { attributes: true, attributeFilter: ['hidden'] });
  const upload = document.getElementById('upload');
  new MutationObserver(() => {
    const bar = upload.querySelector('progress');
    if (!upload.hidden && bar) window.uploadProgress.push(upload.innerText.trim());
  }).observe(upload, { attributes: true, childList: true, subtree: true, characterData: true });
}"""

# WCAG contrast of every visible piece of text against its first opaque background.
LOW_CONTRAST = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('[disabled], [hidden], .visually-hidden')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || !el.getClientRects().length) continue;
    const [l1, l2] = [lum(rgb(style.color)), lum(background(el))].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) failures.push(`${node.textContent.trim().slice(0, 40)}: ${ratio.toFixed(2)}`);
  }
  return failures;
}"""

# What sticks out sideways: a page that reflows has nothing wider than the viewport.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > width + 1)
    .map((el) => el.className || el.tagName);
  return { scroll: document.documentElement.scrollWidth - width, wide };
}"""


class Panel:
    def __init__(self, page: Page):
        self.page = page
        self.input = page.get_by_label("Message pour l'assistant")
        self.transcript = page.locator("#transcript")
        self.typing = page.locator("#typing")
        self.send_button = page.locator("#send")
        self.attach_button = page.locator("#attach")
        self.new_patient_button = page.locator("#new-patient")
        self.requests = []
        page.on("request", lambda request: request.url.endswith("/webhooks/rest/webhook")
                and request.method == "POST" and self.requests.append(request))

    def open(self, regulator: SignedIn) -> Panel:
        """Signs in on the agenda's sign-in page as `regulator` and waits for the panel."""
        self.page.goto(f"{regulator.agenda_url}/login")
        self.page.wait_for_selector("body[data-ready]")
        self.page.get_by_label("Identifiant").fill(regulator.login)
        self.page.get_by_label("Mot de passe").fill(regulator.password)
        self.page.get_by_role("button", name="Se connecter").click()
        self.page.wait_for_url(f"{regulator.agenda_url}/")
        self._wait_until_ready()
        return self

    def reload(self) -> None:
        self.page.reload()
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        self.page.wait_for_selector("body[data-ready]")
        self.page.evaluate(WATCH_TRANSIENTS)

    def sent(self) -> list[str]:
        """The messages the panel posted to Rasa, in order (whether Rasa answered or not)."""
        return [request.post_data_json["message"] for request in self.requests]

    def messages(self):
        return self.transcript.locator(".message")

    def wait_for_reply(self) -> None:
        expect(self.typing).to_be_hidden(timeout=REPLY_TIMEOUT_MS)

    def say(self, text: str) -> None:
        """Types like a regulator (Enter sends) and waits for the assistant's answer."""
        self.input.fill(text)
        self.input.press("Enter")
        self.wait_for_reply()

    def attach(self, name: str, content: bytes, mime: str) -> None:
        """Chooses a file through the "Joindre un fichier" button, as a regulator does."""
        with self.page.expect_file_chooser() as chooser:
            self.attach_button.click()
        chooser.value.set_files({"name": name, "mimeType": mime, "buffer": content})

    def last_bot_message(self):
        return self.transcript.locator(".message-bot").last

    def render(self, *names: str) -> None:
        """Shows recorded replies (replies.json) as if the assistant had sent them in this session."""
        self.page.evaluate(STORE_REPLIES, [REPLIES[name] for name in names])
        self.reload()

    @staticmethod
    def fields(card) -> dict[str, str]:
        """A card's label -> value pairs, as read on screen."""
        return card.locator(".field").evaluate_all(
            "rows => Object.fromEntries(rows.map(r => [r.querySelector('dt').innerText, r.querySelector('dd').innerText]))")

    def low_contrast(self) -> list[str]:
        return self.page.evaluate(LOW_CONTRAST)

    def overflowing(self) -> dict:
        return self.page.evaluate(OVERFLOWING)
