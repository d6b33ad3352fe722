import pytest

from bot.referral.choice import resolve_choice
from tests.actions.conftest import agenda_card

CARDS = [agenda_card("a", 9, "Thomas"), agenda_card("b", 14, "Nguyen"), agenda_card("c", 16, "Lefèvre")]


@pytest.mark.parametrize("text, expected", [
    ("le 2", "b"), ("2", "b"), ("je prends le 3", "c"), ("le premier", "a"), ("le deuxième", "b"),
    ("le dernier", "c"), ("celui de 14h30", "b"), ("celui de 9 h 30", "a"), ("le Dr Thomas", "a"),
    ("chez le docteur lefevre", "c"), ("Nguyen", "b"),
])
def test_resolves_rank_time_and_name(text, expected):
    assert resolve_choice(text, CARDS)["id"] == expected


@pytest.mark.parametrize("text", ["le 7", "celui de 11h", "le Dr Martin", "", "je ne sais pas"])
def test_no_match_is_none(text):
    assert resolve_choice(text, CARDS) is None


def test_button_id_wins_over_text():
    assert resolve_choice("le 1", CARDS, creneau_id="c")["id"] == "c"
    assert resolve_choice("", CARDS, creneau_id="zzz") is None


SAME_TIME = [agenda_card("r", 8, "Roux"), agenda_card("m", 8, "Martin"), agenda_card("n", 10, "Roux")]


@pytest.mark.parametrize("text, expected", [
    ("celui de 8h30 avec le Dr Roux", "r"), ("le Dr Martin à 8h30", "m"), ("Roux à 10h30", "n"),
    ("on prend 10h30", "n"),
])
def test_time_and_practitioner_narrow_the_offer_together(text, expected):
    assert resolve_choice(text, SAME_TIME)["id"] == expected


@pytest.mark.parametrize("text", ["celui de 8h30", "le Dr Roux", "Martin à 10h30"])
def test_a_description_that_fits_several_or_none_is_asked_again(text):
    assert resolve_choice(text, SAME_TIME) is None
