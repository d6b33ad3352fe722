"""The médecin traitant (or a doctor the patient knows) as the regulator names them, read by bot/nlu/doctor.py,
and what the assistant does with it (bot/referral/known_doctor.py)."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlu.doctor import find_already_known, find_known_doctor
from bot.nlu.extraction import read_details
from bot.referral.known_doctor import is_their_slot, search_param
from tests.actions.conftest import agenda_card

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))


def doctor(text: str) -> dict | None:
    found = find_known_doctor(text)
    return found[0].value if found else None


@pytest.mark.parametrize("text, nom, prenom, commune", [
    ("c'est son médecin traitant le Dr Roux", "Roux", None, None),
    ("médecin traitant : Dr Roux à Rennes", "Roux", None, "Rennes"),
    ("déjà suivi par le Dr Roux", "Roux", None, None),
    ("elle connaît le Dr Roux", "Roux", None, None),
    ("le Dr Isabelle Roux est son médecin traitant", "Roux", "Isabelle", None),
    ("Dr roux a saint-malo est son médecin traitant", "Roux", None, "Saint-Malo"),
    ("son médecin traitant c'est le docteur Le Gall", "Le Gall", None, None),
    ("médecin traitant Lefèvre (Nantes)", "Lefèvre", None, "Nantes"),
    ("patiente du Dr Jean-Pierre Moreau", "Moreau", "Jean-Pierre", None),
])
def test_the_name_attaches_to_the_cue_before_or_after_it(text, nom, prenom, commune):
    assert doctor(text) == {"nom": nom, "prenom": prenom, "commune": commune}


@pytest.mark.parametrize("text", [
    "elle connaît bien Rennes",  # "connaît" needs a title before a name
    "suivie par un kiné",  # without a title, only a capitalized word is a name
    "le Dr Thomas",  # a pick, not a doctor the patient knows
    "c'est son médecin traitant, il a de la fièvre",
    "médecin traitant absent",
])
def test_no_doctor_without_a_name_attached_to_a_cue(text):
    assert doctor(text) is None


@pytest.mark.parametrize("text, known", [
    ("c'est son médecin traitant", True), ("il l'a déjà consulté", True), ("elle le connaît déjà", True),
    ("il n'a jamais consulté", False), ("le 2", False),
])
def test_already_known_without_a_name(text, known):
    assert bool(find_already_known(text)) is known


def test_in_a_description_the_doctors_name_and_commune_are_not_the_patients():
    entities = {e["entity"]: e["value"] for e in read_details(
        "Mme Durand Marie née Martin 21/11/52, 06 45 37 26 53, Lyon 3e, médecin traitant Dr Claire Thomas à Villeurbanne",
        NOW)}
    assert entities["medecin_traitant"] == {"nom": "Thomas", "prenom": "Claire", "commune": "Villeurbanne"}
    assert entities["nom"] == "Durand" and entities["prenom"] == "Marie" and entities["localisation"] == "Lyon 3e"


def test_the_search_gets_the_name_and_the_commune():
    assert search_param({"nom": "Roux", "prenom": "Isabelle", "commune": "Rennes"}) == "Dr Isabelle Roux, Rennes"
    assert search_param({"nom": "Roux", "prenom": None, "commune": None}) == "Dr Roux"
    assert search_param(None) is None


def test_a_slot_is_the_doctors_when_the_agenda_says_so_or_the_names_agree():
    card = agenda_card("s1", 9, "Thomas")  # Dr Claire Thomas
    assert is_their_slot(card, {"nom": "thomas"}) and is_their_slot(card, {"nom": "Thomas", "prenom": "Claire"})
    assert not is_their_slot(card, {"nom": "Thomas", "prenom": "Paul"}) and not is_their_slot(card, {"nom": "Roux"})
    assert is_their_slot({**card, "medecin_traitant": True}, None) and not is_their_slot(card, None)
