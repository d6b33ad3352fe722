"""The assistant's rich messages, rendered by the panel's own modules from recorded REST replies."""
from __future__ import annotations

import copy

import pytest
from playwright.sync_api import expect

from tests.browser.panel import REPLIES, STORE_REPLIES, Panel

# Every recorded reply: the cards, and the plain questions and choices between them.
ALL_KINDS = ("recap", "praticiens", "question_lieu_naissance", "resume", "lien", "confirmation", "erreur",
             "sans_issue", "orientation", "inconnu")


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


def test_practitioners_are_cards_with_their_times_to_click_and_their_buttons_are_not_repeated(panel, shot):
    panel.render("praticiens")
    offers = panel.page.get_by_role("region", name="3 praticiens disponibles")
    expect(offers.get_by_role("listitem")).to_have_count(3)
    expect(offers.get_by_role("heading", level=3)).to_have_text(
        ["1. Dr Paul Roux", "2. Dr Claire Dubois", "3. Dr Paul Martin"])  # the assistant's ranks: "le 2" reads on screen
    roux, dubois, martin = (offers.get_by_role("listitem").nth(i) for i in range(3))
    expect(roux).to_contain_text("8 rue Garibaldi, 69006 Lyon · 1,2 km")
    expect(roux.locator(".tag")).to_have_text(["Médecin traitant", "SAS"])
    expect(dubois.locator(".tag")).to_have_text(["SAS", "Soins non programmés"])
    expect(martin.locator(".tag")).to_have_count(0)
    expect(dubois.locator(".times-day")).to_have_text(["Jeudi 26 novembre · Au cabinet", "Vendredi 27 novembre · En vidéo"])
    expect(dubois.get_by_role("button")).to_have_text(["14:30", "15:00", "09:00"])
    expect(offers.locator(".mt-note")).to_have_text(
        "Médecin traitant : Dr Paul Roux, ses créneaux sont proposés en premier.")
    expect(offers).to_contain_text("Dans un rayon de 20 km (rayon élargi).")
    expect(panel.transcript).to_contain_text("j'ai élargi la recherche à 20 km.")  # its own utterance
    expect(panel.transcript.locator("button.choice")).to_have_text(["Autres praticiens"])  # the times are not repeated
    # A time is named in full for whoever does not see the card around it.
    expect(panel.page.get_by_role("button", name="Dr Claire Dubois, Jeudi 26 novembre, 15:00–15:15, Au cabinet",
                                  exact=True)).to_have_count(1)
    offers.evaluate("card => card.scrollIntoView()")
    shot("praticiens")

    roux.get_by_role("button").first.focus()
    for _ in range(3):  # Roux 14:45, Dubois 14:30, Dubois 15:00
        panel.page.keyboard.press("Tab")
    panel.page.keyboard.press("Enter")
    panel.wait_for_reply()
    assert panel.sent() == ['/choisir_creneau{"creneau_id":"13"}']
    expect(panel.transcript.locator(".message-user")).to_have_text(
        ["Vous : Créneau choisi : Dr Claire Dubois, Jeudi 26 novembre, 15:00–15:15"])
    expect(offers.locator("button.slot-time:not([disabled])")).to_have_count(0)
    expect(panel.transcript.locator("button.choice")).to_be_disabled()


@pytest.mark.parametrize("medecin_traitant, said", [
    ({"asked": "Roux", "found": True, "name": "Dr Paul Roux", "has_slots": False},
     "Médecin traitant : Dr Paul Roux, aucun créneau dans la période, ordre habituel."),
    ({"asked": "Rouxel", "found": False, "name": None, "has_slots": False},
     "Médecin traitant « Rouxel » : introuvable dans l'agenda, ordre habituel."),
])
def test_the_medecin_traitant_line_says_when_the_usual_order_applies(panel, medecin_traitant, said):
    reply = copy.deepcopy(REPLIES["praticiens"])
    reply[-1]["custom"]["medecin_traitant"] = medecin_traitant
    for offer in reply[-1]["custom"]["praticiens"]:
        offer["medecin_traitant"] = False
    panel.page.evaluate(STORE_REPLIES, [reply])
    panel.reload()
    expect(panel.transcript.locator(".mt-note")).to_have_text(said)
    expect(panel.transcript.locator(".tag-mt")).to_have_count(0)


def test_without_a_medecin_traitant_there_is_no_such_line(panel):
    reply = copy.deepcopy(REPLIES["praticiens"])
    reply[-1]["custom"]["medecin_traitant"] = None
    panel.page.evaluate(STORE_REPLIES, [reply])
    panel.reload()
    expect(panel.page.get_by_role("region", name="3 praticiens disponibles")).to_be_visible()
    expect(panel.transcript.locator(".mt-note")).to_have_count(0)


def test_an_extra_field_is_asked_as_text_with_its_buttons(panel, shot):
    panel.render("question_lieu_naissance")
    question = panel.last_bot_message()
    expect(question).to_contain_text("Lieu de naissance : en France (indiquez la commune) ou à l'étranger ?")
    expect(question.get_by_role("button")).to_have_text(["Né(e) en France : indiquez la ville", "Né(e) à l'étranger"])
    shot("question-lieu-naissance")
    question.get_by_role("button", name="Né(e) à l'étranger").click()
    panel.wait_for_reply()
    assert panel.sent() == ['/inform{"lieu_naissance": "Étranger"}']
    expect(panel.transcript.locator(".message-user")).to_have_text(["Vous : Né(e) à l'étranger"])


def test_no_dead_end_offers_its_ways_out_and_the_orientation_says_it_is_not_booked(panel, shot):
    panel.render("sans_issue", "orientation")
    ways_out = panel.messages().nth(0)
    expect(ways_out).to_contain_text("Aucun créneau disponible")
    expect(ways_out.get_by_role("button")).to_have_text(
        ["En vidéo", "Élargir le délai (d'ici 3 jours)", "Élargir le rayon à 30 km", "Orienter en surnuméraire"])
    expect(panel.last_bot_message()).to_contain_text("Ce n'est pas un créneau réservé")
    shot("sans-issue-orientation")


def test_summary_shows_its_warning_as_a_warning_and_the_confirmation_its_reference(panel, shot):
    panel.render("resume", "confirmation")
    summary = panel.page.get_by_role("region", name="Résumé avant réservation")
    expect(summary.get_by_role("note")).to_have_text(
        "Attention : Le message est visible par le praticien : n'y mettez que ce qui est utile à la consultation.")
    expect(summary).to_contain_text("Soins non programmés")
    expect(summary).to_contain_text("ordonnance.pdf")
    fields = panel.fields(summary)
    assert fields["Téléphone"] == "06 45 37 26 53"  # as regulators read it; the data keeps E.164
    assert fields["Lieu de naissance"] == "Étranger (Maroc)"
    assert fields["Déjà consulté ce praticien"] == "Oui"
    expect(summary).to_contain_text("Le patient présente les symptômes suivants")
    expect(panel.page.get_by_role("button", name="Confirmer la réservation")).to_be_enabled()
    summary.evaluate("card => card.scrollIntoView()")
    shot("resume")
    confirmation = panel.page.get_by_role("region", name="Rendez-vous réservé")
    expect(confirmation.locator(".reference-code")).to_have_text("SAS-7K2Q9")
    expect(confirmation.get_by_role("note")).to_have_text(  # "⚠ Attention :" is not repeated
        "Attention : ce message ne sera pas lu en temps réel et ne doit pas présenter de caractère d'urgence.")
    shot("confirmation")


def test_a_slot_of_another_agenda_opens_its_page_in_a_new_tab_and_copies_the_patient_block(panel, shot):
    panel.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    panel.render("lien")
    card = panel.page.get_by_role("region", name="Réserver sur Agenda Bêta")
    link = card.get_by_role("link", name="Ouvrir la page de réservation")
    expect(link).to_have_attribute("href", "https://rdv.agenda-beta.example/creneau/42")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(card.locator(".motif")).to_have_text("Soins non programmés")
    block = REPLIES["lien"][1]["custom"]["bloc_patient"]
    expect(card.locator(".patient-block-text")).to_have_text(block)
    expect(card.get_by_role("note")).to_contain_text("ne sera pas lu en temps réel")
    expect(panel.transcript.locator("button.choice")).to_have_text(["C'est réservé", "Choisir un autre créneau"])
    card.get_by_role("button", name="Copier").click()
    expect(card.get_by_role("status")).to_have_text("Copié.")
    assert panel.page.evaluate("navigator.clipboard.readText()") == block
    shot("lien")


def test_a_booking_page_that_is_no_web_address_is_no_link(panel):
    replies = copy.deepcopy(REPLIES["lien"])
    replies[1]["custom"]["page"] = "javascript:alert(1)"
    panel.page.evaluate(STORE_REPLIES, [replies])
    panel.reload()
    card = panel.page.get_by_role("region", name="Réserver sur Agenda Bêta")
    expect(card.get_by_role("link")).to_have_count(0)
    expect(card.get_by_role("button", name="Copier")).to_be_visible()


def test_a_summary_without_the_known_patient_answer_has_no_such_line(panel):
    reply = copy.deepcopy(REPLIES["resume"])
    del reply[1]["custom"]["deja_consulte"]
    panel.page.evaluate(STORE_REPLIES, [reply])
    panel.reload()
    summary = panel.page.get_by_role("region", name="Résumé avant réservation")
    assert "Déjà consulté ce praticien" not in panel.fields(summary)
    assert panel.fields(summary)["Date de naissance"] == "21/11/1952"


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
