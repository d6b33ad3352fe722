"""The scenario runner itself, on the real stack: representative scenarios pass, and wrong expectations fail on
the check that differs (so a passing figure means something)."""
from __future__ import annotations

import pytest

from bot.eval.replies import Responses
from bot.eval.scenario_files import load_scenarios, parse_scenario
from bot.eval.scenarios import run_scenario

pytestmark = pytest.mark.e2e

REPRESENTATIVE = (
    "tape_complet_patiente_sur_villeurbanne",  # one complete message, first button
    "pas_a_pas_patiente_poitiers",  # every field asked and answered
    "choix_la_deuxieme_poitiers",  # a slot picked by its rank, in words
    "annuler_le_rendez_vous_juste_pris",  # a booking cancelled in the agenda
)
COMPLETE = "M. Garnier Louis 14/05/1961 même nom de naissance 06 45 37 26 53 toux depuis 3 jours, Lyon 3e"


@pytest.fixture(scope="module")
def responses() -> Responses:
    return Responses.of_project()


def play(stack, responses: Responses, scenario):
    return run_scenario(scenario, stack, responses)


@pytest.mark.parametrize("name", REPRESENTATIVE)
def test_a_representative_scenario_passes(assistant_stack, responses, name):
    scenario = next(s for s in load_scenarios() if s.name == name)
    outcome = play(assistant_stack, responses, scenario)
    assert outcome.passed, "\n".join([*outcome.failures, *outcome.transcript])


def test_a_wrong_patient_field_fails_on_that_field(assistant_stack, responses):
    scenario = parse_scenario({"name": "wrong_phone", "theme": "t", "opening": COMPLETE, "expect": {
        "patient": {"nom": "Garnier", "telephone": "+33611111111"}, "place": "Lyon 3e"}})
    outcome = play(assistant_stack, responses, scenario)
    assert outcome.failures == ("patient telephone wrong",), outcome.transcript


def test_a_booking_that_must_not_happen_and_a_question_said_answered_are_reported(assistant_stack, responses):
    scenario = parse_scenario({"name": "wrong_flow", "theme": "t", "opening": COMPLETE.replace("06 45 37 26 53", ""),
                               # the fields the first practitioner may also require, when asked
                               "answers": {"telephone": "06 45 37 26 53", "civilite": "Monsieur",
                                           "email": "louis.garnier@exemple.fr", "lieu_naissance": "Rennes"},
                               "expect": {"booked": False, "never_asked": ["telephone"]}})
    outcome = play(assistant_stack, responses, scenario)
    assert outcome.failures == ("asked telephone again (given)", "booked although it must not"), outcome.transcript


def test_a_video_slot_beyond_the_cap_is_right_once_said_and_a_wrong_place_still_fails(assistant_stack, responses):
    # No video slot in Guadeloupe in the demo agenda: the assistant searches the whole country and says so.
    video = "Mme Lubin Sabine même nom 12/06/1984 0690 52 14 36 zona qui démarre, téléconsultation, elle est à Baie-Mahault"
    right = parse_scenario({"name": "video_far", "theme": "t", "opening": video,
                            "expect": {"mode": "video", "place": "Baie-Mahault"}})
    wrong = parse_scenario({"name": "video_elsewhere", "theme": "t", "opening": video,
                            "expect": {"mode": "video", "place": "Brest"}})
    outcome = play(assistant_stack, responses, right)
    assert outcome.passed, "\n".join([*outcome.failures, *outcome.transcript])
    assert play(assistant_stack, responses, wrong).failures[0].endswith("km from Brest")
