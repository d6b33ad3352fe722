"""PatientDetailsExtractor: built directly and run on Rasa Messages, as the NLU graph runs it after DIET."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components import REFERENCE_TIME_KEY, PatientDetailsExtractor

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture(scope="module")
def extractor() -> PatientDetailsExtractor:
    return PatientDetailsExtractor({**PatientDetailsExtractor.get_default_config()})


def diet(text: str, entity: str, said: str, confidence: float = 0.9) -> dict:
    start = text.index(said)
    return {"entity": entity, "start": start, "end": start + len(said), "value": said,
            "extractor": "DIETClassifier", "confidence_entity": confidence}


def process(extractor, text: str, entities: list[dict]) -> dict:
    message = Message(data={TEXT: text, ENTITIES: entities, "metadata": {REFERENCE_TIME_KEY: NOW.isoformat()}})
    extractor.process([message])
    found = message.get(ENTITIES)
    assert len({e["entity"] for e in found}) == len(found), "one entity per field"
    return {e["entity"]: e["value"] for e in found}


def test_typed_shorthand(extractor):
    text = "Mme DURAND Marie née MARTIN ddn 21/11/52 tel 0645372653, fièvre 39,5 depuis le 20 novembre, demain matin"
    record = process(extractor, text, [diet(text, "nom", "DURAND"), diet(text, "prenom", "Marie"),
                                       diet(text, "nom_naissance", "MARTIN"),
                                       diet(text, "date_naissance", "20 novembre"),  # DIET's wrong guess
                                       diet(text, "telephone", "39,5")])
    assert record == {
        "civilite": "Madame", "nom": "Durand", "prenom": "Marie", "nom_naissance": "Martin",
        "date_naissance": "1952-11-21", "telephone": "+33645372653",
        "creneau": {"start": "2026-11-26T08:00:00+01:00", "end": "2026-11-26T12:00:00+01:00", "text": "demain matin"},
    }


def test_dictated(extractor):
    text = ("madame durand d u r a n d marie née le vingt et un novembre mille neuf cent cinquante deux "
            "téléphone zéro six quarante cinq trente sept vingt six cinquante trois c'est urgent")
    record = process(extractor, text, [diet(text, "nom", "durand d u r a n d"), diet(text, "prenom", "marie")])
    assert record == {"civilite": "Madame", "nom": "Durand", "prenom": "Marie", "date_naissance": "1952-11-21",
                      "telephone": "+33645372653", "urgence": 8}


def test_a_rule_field_diet_found_alone_is_normalized(extractor):
    text = "le 12 mars"
    assert process(extractor, text, [diet(text, "date_naissance", "12 mars")]) == {"date_naissance": "--03-12"}


def test_diet_guess_that_does_not_parse_is_dropped(extractor):
    text = "elle a 72 ans"
    assert process(extractor, text, [diet(text, "telephone", "72")]) == {}


def test_rules_win_over_diet_on_names(extractor):
    text = "Marie Durand, Lucas"
    record = process(extractor, text, [diet(text, "nom", "Lucas", 0.95), diet(text, "prenom", "Durand", 0.9)])
    assert record == {"prenom": "Marie", "nom": "Durand"}


def test_confident_diet_guess_fills_a_field_rules_missed(extractor):
    text = "douleur vers la hanche gauche"
    assert process(extractor, text, [diet(text, "symptomes", "douleur vers la hanche gauche", 0.9)]) == {
        "symptomes": "douleur vers la hanche gauche"}
    assert process(extractor, text, [diet(text, "symptomes", "douleur vers la hanche gauche", 0.3)]) == {}


@pytest.mark.parametrize("end, extra", [("", {}), (", aujourd'hui", {"urgence": 12})])
def test_headline_shorthand_is_read_completely(extractor, end, extra):
    text = "Mme Durand Marie née Martin 21/11/52, 06 45 37 26 53, fièvre depuis 3 j, Lyon 3e" + end
    assert process(extractor, text, []) == {
        "civilite": "Madame", "nom": "Durand", "prenom": "Marie", "nom_naissance": "Martin",
        "date_naissance": "1952-11-21", "telephone": "+33645372653", "symptomes": "fièvre depuis 3 j",
        "localisation": "Lyon 3e", **extra}


def test_a_practitioner_named_gives_no_patient_name(extractor):
    text = "le Dr Thomas"
    assert process(extractor, text, [diet(text, "nom", "le Dr"), diet(text, "prenom", "Thomas")]) == {}
