"""Naming the assistant's messages by the domain response they come from."""
from __future__ import annotations

import pytest

from bot.eval.replies import Replies, Responses


@pytest.fixture(scope="module")
def responses() -> Responses:
    return Responses.of_project()


def test_the_form_questions_are_recognised_by_field(responses):
    replies = Replies([{"text": "J'ai noté — patient : Madame Anne Petit · besoin : Lyon."},
                       {"text": "Quel est son numéro de téléphone ?"}], responses)
    assert replies.asked == ["telephone"]
    assert replies.names == {"utter_recap", "utter_ask_telephone"}


def test_an_unknown_place_asks_the_location_again(responses):
    replies = Replies([{"text": "Lieu inconnu : « Abymes ». Où se trouve le patient ?"}], responses)
    assert replies.asked == ["localisation"]


def test_the_confirmation_gives_its_reference(responses):
    text = ("Rendez-vous réservé. Référence SAS-7K2Q : Dr Anne Roy, mer. 2 déc. à 08:30, 3 rue X, 69003 Lyon. "
            "Motif : « Soins non programmés ».\n⚠ Attention : ce message ne sera pas lu en temps réel et ne doit pas "
            "présenter de caractère d'urgence. Il peut aussi ne pas être lu par le praticien auquel vous adressez "
            "votre patient. Il doit rester factuel.")
    replies = Replies([{"text": text}], responses)
    assert replies.has("utter_confirmation")
    assert replies.value("utter_confirmation", "reference") == "SAS-7K2Q"


def test_a_faq_answer_counts_as_utter_faq_and_free_text_as_nothing(responses):
    faq = next(pattern.pattern for name, pattern in responses.patterns if name == "utter_faq/connexion")
    replies = Replies([{"text": faq.replace("\\", "")}, {"text": "Le choix du motif : adulte, première consultation"}],
                      responses)
    assert replies.has("utter_faq") and not replies.has("utter_faq/etapes")
    assert replies.names == {"utter_faq/connexion"}  # a text made only of a placeholder is not recognised


def test_offered_slots_are_read_from_the_buttons_in_order(responses):
    buttons = [{"title": "1. Dr A", "payload": '/choisir_creneau{"creneau_id":"41"}'},
               {"title": "2. Dr B", "payload": '/choisir_creneau{"creneau_id":"agenda:7"}'},  # federated search
               {"title": "Autres créneaux", "payload": "/autres_creneaux"}]
    text = ("Voici les praticiens disponibles autour de Lyon 3e Arrondissement (69003) et leurs prochains créneaux. "
            "Lequel choisissez-vous ?\n"
            "1. Dr A — Médecine générale — 3 rue X, 69003 Lyon (1,2 km) · SAS — mer. 25 nov. : 09:30")
    replies = Replies([{"text": text, "buttons": buttons}], responses)
    assert [(o.rank, o.id) for o in replies.offered] == [(1, "41"), (2, "7")]
    assert replies.has("utter_creneaux")
