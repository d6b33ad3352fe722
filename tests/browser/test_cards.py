"""The assistant's rich messages, rendered by the panel's own modules from recorded REST replies."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.panel import Panel

ALL_KINDS = ("recap", "creneaux", "resume", "confirmation", "erreur", "inconnu")


@pytest.fixture
def panel(page, agenda_alone):
    return Panel(page).open(agenda_alone)


def test_recap_marks_the_missing_fields_instead_of_the_plain_text(panel, shot):
    panel.render("recap")
    recap = panel.page.get_by_role("region", name="Récapitulatif patient")
    expect(recap).to_contain_text("Il manque : Nom de naissance, Téléphone.")
    assert panel.fields(recap) == {
        "Civilité": "Mme", "Prénom": "Marie", "Nom": "Durand", "Nom de naissance": "À compléter",
        "Date de naissance": "21/11/1952", "Téléphone": "À compléter",  # unknown optional fields are left out
        "Lieu": "Lyon", "Mode": "Au cabinet", "Quand": "demain matin", "Délai": "d'ici 24 h",  # the server's words
        "Symptômes": "fièvre et toux depuis deux jours",
    }
    expect(recap.locator(".field-missing dt")).to_have_text(["Nom de naissance", "Téléphone"])
    expect(panel.transcript).not_to_contain_text("J'ai noté")  # the card stands in for its text
    expect(panel.transcript).to_contain_text("Quel est le nom de naissance de la patiente ?")
    shot("recap")


def test_slots_are_cards_to_click_and_their_buttons_are_not_repeated(panel, shot):
    panel.render("creneaux")
    slots = panel.transcript.locator("button.slot")
    expect(slots).to_have_count(2)
    expect(slots.first).to_contain_text("Jeudi 26 novembre, 14:30–14:45")
    expect(slots.first).to_contain_text("Dr Claire Dubois")
    expect(slots.first).to_contain_text("2,3 km")
    expect(slots.first.locator(".tag-snp")).to_have_text("Soins non programmés")
    expect(slots.nth(1).locator(".tag-snp")).to_have_count(0)
    expect(slots.nth(1)).to_contain_text("En vidéo")
    expect(panel.transcript).to_contain_text("Dans un rayon de 20 km (rayon élargi).")
    expect(panel.transcript).to_contain_text("Le rayon de recherche a été élargi à 20 km.")  # its own utterance
    expect(panel.transcript.locator("button.choice")).to_have_text(["Autres créneaux"])
    shot("creneaux")

    slots.first.click()
    panel.wait_for_reply()
    assert panel.sent() == ['/choisir_creneau{"creneau_id":"11"}']
    expect(panel.transcript.locator(".message-user")).to_have_text(
        ["Vous : Créneau choisi : Dr Claire Dubois, Jeudi 26 novembre, 14:30–14:45"])
    expect(slots.first).to_be_disabled()
    expect(panel.transcript.locator("button.choice")).to_be_disabled()


def test_summary_shows_its_warning_as_a_warning_and_the_confirmation_its_reference(panel, shot):
    panel.render("resume", "confirmation")
    summary = panel.page.get_by_role("region", name="Résumé avant réservation")
    expect(summary.get_by_role("note")).to_have_text(
        "Attention : Le message est visible par le praticien : n'y mettez que ce qui est utile à la consultation.")
    expect(summary).to_contain_text("Soins non programmés")
    expect(summary).to_contain_text("ordonnance.pdf")
    assert panel.fields(summary)["Téléphone"] == "06 45 37 26 53"  # as regulators read it; the data keeps E.164
    expect(summary).to_contain_text("Le patient présente les symptômes suivants")
    expect(panel.page.get_by_role("button", name="Confirmer la réservation")).to_be_enabled()
    confirmation = panel.page.get_by_role("region", name="Rendez-vous réservé")
    expect(confirmation.locator(".reference-code")).to_have_text("SAS-7K2Q9")
    expect(confirmation.get_by_role("note")).to_have_text(  # "⚠ Attention :" is not repeated
        "Attention : ce message ne sera pas lu en temps réel et ne doit pas présenter de caractère d'urgence.")
    shot("resume-confirmation")


def test_an_error_is_an_alert_with_one_retry_button(panel, shot):
    panel.render("erreur")
    alert = panel.page.get_by_role("alert")
    expect(alert).to_contain_text("Le service d'agenda ne répond pas.")
    expect(panel.page.get_by_role("button", name="Réessayer")).to_have_count(1)
    panel.page.get_by_role("button", name="Réessayer").click()
    panel.wait_for_reply()
    assert panel.sent() == ["/rechercher"]
    shot("erreur")


def test_an_unknown_card_leaves_the_text_and_buttons(panel):
    panel.render("inconnu")
    expect(panel.last_bot_message()).to_contain_text("Un message ordinaire.")
    expect(panel.last_bot_message().get_by_role("button", name="Oui")).to_be_visible()


def test_every_text_has_aa_contrast(panel):
    panel.render(*ALL_KINDS)
    panel.page.locator("#typing").evaluate("node => node.hidden = false")
    assert panel.low_contrast() == []


def test_reflows_at_200_percent_zoom(chromium, agenda_alone, shot):
    # 200 % zoom of a 420 x 900 panel: the page lays out in 210 x 450 CSS pixels.
    context = chromium.new_context(viewport={"width": 210, "height": 450}, device_scale_factor=2, locale="fr-FR")
    try:
        panel = Panel(context.new_page()).open(agenda_alone)
        panel.render(*ALL_KINDS)
        assert panel.overflowing() == {"scroll": 0, "wide": []}
        expect(panel.input).to_be_in_viewport()
        for button in (panel.send_button, panel.attach_button, panel.new_patient_button):
            expect(button).to_be_in_viewport()
        shot("zoom-200", on=panel.page)
    finally:
        context.close()


def test_times_are_paris_times_whatever_the_browser_time_zone(chromium, agenda_alone):
    context = chromium.new_context(timezone_id="America/New_York", locale="en-US")
    try:
        page = context.new_page()
        Panel(page).open(agenda_alone)
        shown = page.evaluate("""async () => {
          const { formatSlotTime } = await import('/static/js/format.js');
          return [formatSlotTime('2026-11-26T13:30:00+00:00', '2026-11-26T13:45:00Z'),
                  formatSlotTime('2026-07-01T09:00:00', '2026-07-01T09:20:00')];
        }""")
        # Winter: UTC+1. A naive time is already the agenda's wall-clock time.
        assert shown == ["Jeudi 26 novembre, 14:30–14:45", "Mercredi 1 juillet, 09:00–09:20"]
    finally:
        context.close()
