import pytest

from bot.agenda.contract import Motif, Slot
from bot.referral.cards import id_at_source, slot_card
from bot.referral.external import patient_block, suggested_motif, web_page
from tests.actions.conftest import PATIENT, agenda_slot


def motifs(*labels: str, snp: str | None = None) -> list[Motif]:
    return [Motif(id=str(i), label=label, snp=label == snp) for i, label in enumerate(labels)]


def test_the_patient_block_follows_the_funnel_with_the_summary_s_formats_and_only_what_is_known():
    slots = {**PATIENT, "email": "marie.durand@exemple.fr", "lieu_naissance": "Rennes", "localisation": "Lyon 3e"}
    assert patient_block(slots, "Fièvre depuis 3 jours").splitlines() == [
        "Civilité : Madame", "Prénom : Marie", "Nom : Durand", "Nom de naissance : Martin",
        "Date de naissance : 21/11/1952", "Lieu de naissance : Rennes", "Téléphone : 06 45 37 26 53",
        "Email : marie.durand@exemple.fr", "Message : Fièvre depuis 3 jours",
    ]
    assert patient_block({"prenom": "Marie", "telephone": "+33645372653"}, "") == \
        "Prénom : Marie\nTéléphone : 06 45 37 26 53"


@pytest.mark.parametrize(("offered", "snp", "suggested"), [
    (("Consultation", "Soins non programmés"), None, "Soins non programmés"),  # said so by its label
    (("Consultation", "Urgence du jour"), "Urgence du jour", "Urgence du jour"),  # flagged SNP by the agenda
    (("Renouvellement", "Consultation"), None, "Renouvellement"),
    ((), None, None),
])
def test_the_motif_suggested_is_soins_non_programmes_when_offered_else_the_first(offered, snp, suggested):
    assert suggested_motif(motifs(*offered, snp=snp)) == suggested


@pytest.mark.parametrize(("page", "kept"), [
    ("https://rdv.exemple.fr/creneau/42", True), ("http://127.0.0.1:8001/?creneau=42", True),
    ("javascript:alert(1)", False), ("?creneau=42", False), ("data:text/html,x", False), (None, False),
])
def test_only_a_web_address_is_a_booking_page(page, kept):
    assert web_page(page) == (page if kept else None)


def test_a_card_says_where_its_slot_is_booked():
    slot = Slot.parse_obj({**agenda_slot("autre:42", 9), "source": "autre", "source_slot_id": "42",
                           "booking": "link", "booking_page": "https://rdv.exemple.fr/42"})
    card = slot_card(slot, "Europe/Paris")
    assert (card["source"], card["booking"], card["page"], card["rpps"]) == ("autre", "link", "https://rdv.exemple.fr/42",
                                                                            "10001234567")
    assert card["motif_suggere"] == "Soins non programmés" and card["payload"] == '/choisir_creneau{"creneau_id":"autre:42"}'
    assert id_at_source(card) == "42"
    own = slot_card(Slot.parse_obj(agenda_slot("s1", 9)), "Europe/Paris")  # the home agenda's own search
    assert (own["source"], own["booking"], own["motif_suggere"], id_at_source(own)) == (None, "api", None, "s1")
