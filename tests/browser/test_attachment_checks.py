"""Attachments refused before upload by the panel, and after upload by the real agenda service."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.panel import Panel

# Drops a file built in the page, as if dragged from the desktop onto the panel.
DROP_FILE = """([name, size]) => {
  const transfer = new DataTransfer();
  transfer.items.add(new File([new Uint8Array(size)], name, { type: 'application/octet-stream' }));
  for (const type of ['dragenter', 'dragover', 'drop']) {
    document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }
}"""


@pytest.fixture
def panel(page, agenda_alone):
    panel = Panel(page).open(agenda_alone)
    panel.uploads = []
    page.on("request", lambda request: "/api/attachments" in request.url and panel.uploads.append(request.url))
    return panel


def test_an_executable_is_refused_before_upload(panel, shot):
    panel.attach("outil.exe", b"MZ\x90\x00" + bytes(200), "application/x-msdownload")
    expect(panel.page.get_by_role("alert")).to_have_text(
        "Fichier refusé : « outil.exe » — seuls les fichiers PDF, JPG, JPEG et PNG sont acceptés.")
    expect(panel.transcript.locator(".chip")).to_have_count(0)
    assert panel.uploads == []
    shot("exe-refuse")


def test_a_fake_pdf_is_refused_by_the_agenda(panel, shot):
    panel.attach("faux.pdf", b"MZ\x90\x00 this is no PDF" + bytes(200), "application/pdf")
    alert = panel.page.get_by_role("alert")
    expect(alert).to_contain_text("Format refusé : le contenu de « faux.pdf » n'est ni un PDF, ni une image JPEG ou PNG")
    expect(panel.transcript.locator(".chip")).to_have_count(0)
    expect(panel.page.locator("#upload")).to_be_hidden()
    assert len(panel.uploads) == 1
    shot("faux-pdf-refuse")


def test_a_dropped_file_of_60_mo_is_refused_before_upload(panel):
    panel.page.evaluate(DROP_FILE, ["scanner.pdf", 60 * 1024 * 1024])
    expect(panel.page.get_by_role("alert")).to_have_text(
        "Fichier refusé : « scanner.pdf » — il pèse 60 Mo, il doit faire moins de 50 Mo.")
    expect(panel.page.locator("body")).not_to_have_class("dropping")
    assert panel.uploads == []
