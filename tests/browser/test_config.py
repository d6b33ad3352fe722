"""The panel shows what the agenda's /config.json says: slot times in the configured SAS time zone, the field
and mode labels of bot/vocabulary.py. Nothing of it is fixed in the panel."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bot.settings import get_settings
from tests.browser.agenda_server import free_port, serve_agenda
from tests.browser.panel import Panel


@pytest.fixture
def agenda_in_reunion(tmp_path, monkeypatch):
    monkeypatch.setenv("SAS_TIMEZONE", "Indian/Reunion")  # UTC+4 all year
    get_settings.cache_clear()
    try:
        with serve_agenda(tmp_path, rasa_url=f"http://127.0.0.1:{free_port()}") as url:
            yield url
    finally:
        get_settings.cache_clear()


def test_slot_times_follow_the_configured_time_zone(page, agenda_in_reunion):
    panel = Panel(page).open(agenda_in_reunion)
    panel.render("praticiens")
    # 14:30 in Paris (+01:00) on 26 November is 17:30 in La Réunion.
    first_time = panel.transcript.locator("button.slot-time").first
    expect(first_time).to_have_text("17:30")
    expect(first_time).to_have_accessible_name("Dr Paul Roux, Jeudi 26 novembre, 17:30–17:45, Au cabinet")


def test_the_labels_are_the_servers(page, agenda_alone):
    def relabelled(route):
        config = route.fetch().json()
        config["field_labels"] = {**config["field_labels"], "prenom": "Prénom usuel", "localisation": "Commune"}
        config["mode_labels"] = {**config["mode_labels"], "cabinet": "en consultation"}
        route.fulfill(json=config)

    page.route("**/config.json", relabelled)
    panel = Panel(page).open(agenda_alone)
    panel.render("recap")
    shown = panel.fields(panel.page.get_by_role("region", name="Récapitulatif patient"))
    assert (shown["Prénom usuel"], shown["Commune"], shown["Mode"]) == ("Marie", "Lyon", "En consultation")
