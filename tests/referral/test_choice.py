import pytest

from bot.referral.choice import names_a_pick, practitioners_if_rank_beyond, resolve_choice, several_fit
from tests.actions.conftest import agenda_card

CARDS = [agenda_card("a", 9, "Thomas"), agenda_card("b", 14, "Nguyen"), agenda_card("c", 16, "Lefèvre")]


@pytest.mark.parametrize("text, expected", [
    ("le 2", "b"), ("2", "b"), ("je prends le 3", "c"), ("le premier", "a"), ("le deuxième", "b"),
    ("le dernier", "c"), ("celui de 14h30", "b"), ("celui de 9 h 30", "a"), ("le Dr Thomas", "a"),
    ("chez le docteur lefevre", "c"), ("Nguyen", "b"), ("le 1er", "a"), ("la 2e", "b"), ("le 3ème", "c"),
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
    ("on prend 10h30", "n"), ("le Dr Roux", "r"),
])
def test_time_and_practitioner_narrow_the_offer_together(text, expected):
    assert resolve_choice(text, SAME_TIME)["id"] == expected


@pytest.mark.parametrize("text, expected", [
    ("on va prendre le docteur roux à dix heures trente", "n"), ("le Dr Roux à huit heures et demie", "r"),
])
def test_a_time_said_in_words_narrows_as_in_figures(text, expected):
    # the practitioner's first time was booked instead: 08:30 for « le docteur prévost à neuf heures »
    assert resolve_choice(text, SAME_TIME)["id"] == expected


@pytest.mark.parametrize("text", ["celui de 8h30", "Martin à 10h30"])
def test_a_description_that_fits_several_or_none_is_asked_again(text):
    assert resolve_choice(text, SAME_TIME) is None


@pytest.mark.parametrize("text, fitting", [
    ("celui de 8h30", ["r", "m"]), ("à huit heures et demie", ["r", "m"]),
    ("le Dr Roux", []), ("Martin à 10h30", []), ("celui de 11h", []), ("le 2", []),
])
def test_what_fits_several_practitioners_names_the_first_card_of_each(text, fitting):
    assert [c["id"] for c in several_fit(text, SAME_TIME)] == fitting


def grouped(rank: int, nom: str, *hours: int) -> list[dict]:
    return [{**agenda_card(f"{nom[0].lower()}{hour}", hour, nom), "rang": rank} for hour in hours]


# The offer as the search groups it: Thomas (9:30, 10:30, 14:30), Nguyen (14:30, 15:30), Lefèvre (16:30).
OFFER = grouped(1, "Thomas", 9, 10, 14) + grouped(2, "Nguyen", 14, 15) + grouped(3, "Lefèvre", 16)


@pytest.mark.parametrize("text, expected", [
    ("le 2", "n14"), ("le deuxième", "n14"), ("le 3", "l16"), ("le dernier", "l16"), ("le premier", "t9"),
    ("le Dr Nguyen", "n14"), ("le Dr Thomas", "t9"), ("le Dr Nguyen à 15h30", "n15"), ("Thomas 14h30", "t14"),
    ("celui de 10h30", "t10"), ("celui de 16h30", "l16"),
    ("le 2 à 14h30", "n14"), ("le 1 à 14h30", "t14"), ("le deuxième à 15h30", "n15"),  # a rank, then its time
    ("le 2e à 14h30", "n14"),
])
def test_a_rank_names_a_practitioner_and_a_name_their_first_time(text, expected):
    assert resolve_choice(text, OFFER)["id"] == expected


@pytest.mark.parametrize("text", ["le 4", "celui de 14h30", "le Dr Nguyen à 9h30", "le 3 à 14h30"])
def test_in_a_grouped_offer_what_fits_several_practitioners_or_none_is_asked_again(text):
    assert resolve_choice(text, OFFER) is None


@pytest.mark.parametrize("text, pick", [
    ("le 2", True), ("le deuxième", True), ("celui de 14h30", True), ("le Dr Chauvin", True), ("le dernier", True),
    ("le même", False), ("la même", False), ("pareil", False), ("Marchand", False),
    ("avec Moreno stp", True), ("Avec Lefèvre", True), ("avec sa fille", False), ("il est avec Marie à Lyon", False),
])
def test_what_points_at_an_offered_slot(text, pick):
    assert names_a_pick(text) is pick


def test_a_practitioner_named_alone_after_avec_is_picked():
    assert resolve_choice("avec Lefèvre stp", CARDS)["id"] == "c"


def test_with_one_practitioner_offered_a_rank_counts_their_times():
    alone = grouped(1, "Chrétien", 14, 15, 16)
    assert resolve_choice("on va dire le deuxième", alone)["id"] == "c15"
    assert resolve_choice("le 4", alone) is None


@pytest.mark.parametrize("text, offered", [("le 4", 3), ("le quatrième", 3), ("le 2", None), ("le 4 à 14h30", None)])
def test_a_rank_past_the_list_says_how_many_practitioners_there_are(text, offered):
    assert practitioners_if_rank_beyond(text, OFFER) == offered


def _in(card: dict, commune: str, postal_code: str, rank: int) -> dict:
    return {**card, "adresse": f"4, avenue Dias, {postal_code} {commune}", "rang": rank}


TOWNS = [_in(agenda_card("g", 8, "Grenier"), "Melay", "71340", 1), _in(agenda_card("c", 8, "Colas"), "Nevers", "58000", 2),
         _in(agenda_card("c2", 9, "Colas"), "Nevers", "58000", 2), _in(agenda_card("l", 9, "Lenoir"), "Aubière", "63170", 3)]


@pytest.mark.parametrize("text, expected", [
    ("plutôt le docteur de Nevers à 9h30", "c2"), ("celui de Melay", "g"), ("le médecin d'Aubière", "l"),
    ("celui de Nevers", "c"),  # their first time
])
def test_a_practitioner_picked_by_their_town(text, expected):
    assert resolve_choice(text, TOWNS)["id"] == expected


def test_a_town_no_practitioner_is_in_narrows_nothing():
    assert resolve_choice("celui de Lyon à 9h30", TOWNS) is None  # two offer 9h30: asked again
