"""The birth place as the funnel takes it: a French commune the agenda knows (spelt as its table does), or born
abroad with the country when given, a town abroad with its country, a large city abroad; anything else
refused with the closest communes."""
import pytest

from bot.agenda.validation import birth_place
from tests.agenda.test_api import PATIENT, book


@pytest.mark.parametrize(("said", "stored"), [
    ("saint etienne", "Saint-Étienne"),
    ("LYON 3E", "Lyon 3e Arrondissement"),
    ("Saint-Denis (974)", "Saint-Denis"),
    ("Étranger", "Étranger"),
    ("etranger (maroc)", "Étranger (Maroc)"),
    ("Étranger ( Côte d'Ivoire )", "Étranger (Côte d'Ivoire)"),
    ("Casablanca (maroc)", "Casablanca (Maroc)"),
    ("Oran", "Oran"),
])
def test_communes_and_abroad_are_stored_normalised(said, stored):
    assert birth_place(said) == (stored, [])


@pytest.mark.parametrize("said", ["Marseile", "Mutsamudu", "Étranger (99)", "Mutsamudu (99)", "Lyon (France)", "75001",
                                  "x" * 101])
def test_anything_else_is_refused(said):
    assert birth_place(said)[0] is None


def test_close_communes_are_proposed():
    assert "Marseille" in birth_place("Marseile")[1]


def test_a_booking_stores_the_normalised_place(client, make_practitioner, make_slot):
    slot = make_slot(make_practitioner(), hours=1)
    answer = book(client, slot, patient={**PATIENT, "lieu_naissance": "etranger (Algérie)"})
    assert answer.status_code == 201, answer.text
    assert answer.json()["patient"]["lieu_naissance"] == "Étranger (Algérie)"


def test_an_unknown_birth_place_is_refused_with_suggestions(client, make_practitioner, make_slot):
    slot = make_slot(make_practitioner(), hours=1)
    answer = book(client, slot, patient={**PATIENT, "lieu_naissance": "Marseile"})
    assert answer.status_code == 422
    body = answer.json()
    assert "Marseille" in body["suggestions"]
    assert body["errors"]["lieu_naissance"].startswith("Lieu de naissance inconnu : « Marseile » (une commune française")
    assert body["errors"]["lieu_naissance"].endswith(f"Communes proches : {', '.join(body['suggestions'])}.")
