"""The conversation scenarios of tests/scenarios: well formed, numerous, covering the issue's themes, and kept
out of the training data."""
from __future__ import annotations

from collections import Counter

import phonenumbers
import pytest

from bot.eval.scenario_files import ScenarioError, load_scenarios, parse_scenario
from bot.settings import ROOT
from tests.nlu.test_heldout_isolation import leaks, training_texts

THEMES = {"typed", "dictated", "step_by_step", "corrections", "birth_place", "birth_name", "relatives", "overseas",
          "modes", "urgency", "picks", "faq", "cancel", "new_patient"}


@pytest.fixture(scope="module")
def scenarios():
    return load_scenarios()


def minimal(**changes) -> dict:
    scenario = {"name": "x", "theme": "typed", "opening": "Mme Petit Anne 01/02/1990 06 12 34 56 78 Lyon",
                "expect": {"patient": {"prenom": "Anne"}}}
    scenario.update(changes)
    return scenario


def test_at_least_forty_scenarios_and_every_theme_several_times(scenarios):
    assert len(scenarios) >= 40
    themes = Counter(s.theme for s in scenarios)
    assert set(themes) == THEMES
    assert min(themes.values()) >= 3, themes


def test_expected_phones_are_valid_numbers_somewhere(scenarios):
    phones = [p.expect.patient["telephone"] for s in scenarios for p in s.parts if "telephone" in p.expect.patient]
    assert len(phones) >= 40
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(phone)) for phone in phones)
    assert {"+590", "+596", "+262", "+594"} <= {phone[:4] for phone in phones}


def test_some_scenarios_must_not_book_and_some_must_ask_or_refuse(scenarios):
    parts = [p for s in scenarios for p in s.parts]
    assert sum(not p.expect.booked for p in parts) >= 3
    assert sum("localisation" in p.expect.must_ask for p in parts) >= 2
    assert sum("telephone" in p.expect.refused for p in parts) >= 3


def test_scenario_openings_are_not_in_the_training_data(scenarios):
    openings = [text for s in scenarios for p in s.parts for text in p.opening if len(text.split()) > 3]
    assert not leaks(openings, training_texts(ROOT / "data"))


def test_a_well_formed_scenario_is_read():
    scenario = parse_scenario(minimal(pick={"time": 2, "say": "celui de {heure}"},
                                      answers={"telephone": ["06 12", "06 12 34 56 78"]}))
    part = scenario.parts[0]
    assert (part.pick.by, part.pick.rank, part.confirm) == ("time", 2, "oui")
    assert part.answers["telephone"] == ("06 12", "06 12 34 56 78")


@pytest.mark.parametrize("changes", [
    {"expect": {"patient": {"prenom": "Anne"}, "lieu": "Lyon"}},  # unknown expect key
    {"expect": {"patient": {"prenom_usage": "Anne"}}},  # unknown patient field
    {"expect": {"patient": {"telephone": "06 12 34 56 78"}}},  # not E.164
    {"expect": {"never_asked": ["symptomes"]}},  # never asked by the form
    {"expect": {"window": {"within_days": 2}}},
    {"answers": {"symptomes": "fièvre"}},
    {"pick": {"time": 2, "say": "celui de 14h"}},  # the time must be one actually offered
    {"pick": {"doctor": 7, "say": "le Dr {nom}"}},
    {"steps": [{"at": "asked:symptomes", "say": "x"}]},
    {"steps": [{"at": "offered", "say": "autres créneaux", "reply": "des créneaux"}]},
    {"opening": []},
    {"then": {"expect": {}}},  # the next patient has no opening
])
def test_a_malformed_scenario_is_refused(changes):
    with pytest.raises(ScenarioError):
        parse_scenario(minimal(**changes), "test.yml")


def test_duplicate_names_are_refused(tmp_path):
    (tmp_path / "a.yml").write_text("scenarios:\n  - {name: x, theme: t, opening: bonjour}\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("scenarios:\n  - {name: x, theme: t, opening: salut}\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="duplicate"):
        load_scenarios(tmp_path)
