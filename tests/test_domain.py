"""domain.yml and data/rules agree with what the Python code lists (bot/vocabulary.py, the form's validator)."""
from __future__ import annotations

import yaml

from actions.patient_validation import NOT_ANSWERS
from bot.agenda.fhir import MODE_CODES
from bot.referral.fields import REQUIRED_FIELDS
from bot.settings import ROOT
from bot.vocabulary import MODES, NEED_FIELDS, PATIENT_FIELDS

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
# Small talk and misunderstandings a short bare answer may be taken for ("Zoé" read as out_of_scope): the form
# still reads such a message as the answer to its question.
MAY_BE_AN_ANSWER = {"greet", "thank", "goodbye", "out_of_scope", "nlu_fallback"}


def described_slots() -> set[str]:
    """The slots filled from the entity of their name when the regulator describes the patient."""
    return {name for name, slot in DOMAIN["slots"].items()
            if any(m.get("type") == "from_entity" and m.get("entity") == name and "adresser_patient" in m.get("intent", [])
                   for m in slot.get("mappings", []))}


def answer_intents() -> set[str]:
    """The intents a patient or need field may be read from."""
    return {intent for name in (*PATIENT_FIELDS, *NEED_FIELDS) for mapping in DOMAIN["slots"][name]["mappings"]
            for intent in mapping.get("intent", [])}


def intents_with_a_rule() -> set[str]:
    """The intents that start a rule of data/rules."""
    rules = [rule for path in sorted((ROOT / "data" / "rules").glob("*.yml"))
             for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]]
    return {rule["steps"][0]["intent"] for rule in rules if "intent" in rule["steps"][0]}


def test_the_slots_of_a_description_are_exactly_the_patient_and_need_fields():
    assert described_slots() == {*PATIENT_FIELDS, *NEED_FIELDS}
    assert {*PATIENT_FIELDS, *NEED_FIELDS} <= set(DOMAIN["entities"])


def test_the_referral_form_asks_for_the_required_fields_in_order():
    assert tuple(DOMAIN["forms"]["referral_form"]["required_slots"]) == REQUIRED_FIELDS


def test_not_answers_are_the_intents_with_a_rule_of_their_own():
    """Every intent with a rule is an answer the slots are read from, small talk a bare answer may be taken
    for, or one of NOT_ANSWERS, never read as the answer to the pending question."""
    assert set(DOMAIN["intents"]) >= NOT_ANSWERS
    assert intents_with_a_rule() - answer_intents() - MAY_BE_AN_ANSWER == NOT_ANSWERS


def test_every_mode_has_its_fhir_code():
    assert set(MODE_CODES) == set(MODES)
