"""How the scenario's regulator picks a slot and answers a question the scenario did not script."""
from __future__ import annotations

from bot.eval.regulator import default_answer, pick_message, spoken_time
from bot.eval.replies import OfferedSlot
from bot.eval.scenario_files import parse_scenario


def offered(*ids: str) -> list[OfferedSlot]:
    return [OfferedSlot(rank, slot_id, f'/choisir_creneau{{"creneau_id":"{slot_id}"}}', f"{rank}. …")
            for rank, slot_id in enumerate(ids, 1)]


def slot(start: str, nom: str) -> dict:
    return {"start": start, "practitioner": {"nom": nom}}


SLOTS = [slot("2025-03-14T14:00:00+01:00", "Martin"), slot("2025-03-14T14:00:00+01:00", "Roy"),
         slot("2025-03-14T14:40:00+01:00", "Martinez"), slot("2025-03-14T15:20:00+01:00", "Roy")]


def pick(raw) -> object:
    return parse_scenario({"name": "x", "theme": "t", "opening": "o", "pick": raw}).parts[0].pick


def test_a_time_is_said_the_way_regulators_say_it():
    assert spoken_time("2025-03-14T14:40:00+01:00") == "14h40"
    assert spoken_time("2025-03-14T13:00:00+00:00") == "14h"


def test_a_time_shared_by_two_slots_is_not_used_to_pick():
    chosen = pick_message(pick({"time": 1, "say": "celui de {heure}"}), offered("1", "2", "3", "4"), SLOTS)
    assert chosen == (3, "celui de 14h40")


def test_a_doctor_is_named_only_when_the_name_designates_one_slot():
    # Roy has two slots; Martin is inside Martinez: the first unambiguous doctor from rank 2 on is Martinez.
    chosen = pick_message(pick({"doctor": 2, "say": "celui du Dr {nom}"}), offered("1", "2", "3", "4"), SLOTS)
    assert chosen == (3, "celui du Dr Martinez")


def test_a_rank_beyond_the_offer_takes_the_last_and_a_button_sends_its_payload():
    assert pick_message(pick({"rank": 5, "say": "le dernier"}), offered("1", "2"), SLOTS[:2]) == (2, "le dernier")
    assert pick_message(pick("first"), offered("9", "8"), SLOTS[:2]) == (1, '/choisir_creneau{"creneau_id":"9"}')


def test_an_unscripted_question_is_answered_from_what_the_regulator_knows():
    part = parse_scenario({"name": "x", "theme": "t", "opening": "o", "expect": {
        "patient": {"date_naissance": "1952-11-21", "telephone": "+590690451278", "nom": "Petit"},
        "place": "Les Abymes"}}).parts[0]
    assert default_answer("date_naissance", part) == "21/11/1952"
    assert default_answer("telephone", part) == "0690 45 12 78"
    assert default_answer("localisation", part) == "Les Abymes"
    assert default_answer("prenom", part) is None


def test_when_no_time_is_unique_the_regulator_names_the_time_and_the_doctor():
    same_time = [slot("2025-03-14T08:30:00+01:00", nom) for nom in ("Roy", "Texier", "Roy")]
    assert pick_message(pick({"time": 2, "say": "celui de {heure}"}), offered("1", "2", "3"), same_time) == (
        2, "celui de 8h30 avec le Dr Texier")
    same_doctor = [slot(f"2025-03-14T0{h}:30:00+01:00", "Texier") for h in (8, 9)]
    assert pick_message(pick({"doctor": 1, "say": "le Dr {nom}"}), offered("1", "2"), same_doctor) == (
        1, "le Dr Texier de 8h30")
