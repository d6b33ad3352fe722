"""Offline geocoding against the committed commune table, and the SAS radii."""
from __future__ import annotations

import contextlib

import pytest

from bot.agenda.geo import (
    AmbiguousPlace,
    Place,
    RadiusRule,
    UnknownPlace,
    aliases,
    commune_name,
    communes,
    distance_km,
    geocode,
    normalize_name,
    radius_rule,
    short_names,
    unknown_place_message,
    without_article,
)


@pytest.mark.parametrize(
    "query, insee",
    [
        ("Lyon", "69123"),
        ("lyon", "69123"),
        ("SAINT-ETIENNE", "42218"),
        ("st etienne", "42218"),
        ("Saint Étienne", "42218"),
        ("L'Haÿ-les-Roses", "94038"),
        ("l hay les roses", "94038"),
        ("Boulogne s/ Mer", "62160"),
        ("Ajaccio", "2A004"),
        ("Mamoudzou", "97611"),
        ("clermont fd", "63113"),
        ("Clermont-Fd", "63113"),
    ],
)
def test_commune_names_in_any_spelling(query, insee):
    place = geocode(query)
    assert (place.insee, place.precision) == (insee, "commune")


@pytest.mark.parametrize(
    "query, insee, postal_code",
    [
        ("Lyon 3e", "69383", "69003"),
        ("Lyon 3ème arrondissement", "69383", "69003"),
        ("Lyon 03", "69383", "69003"),
        ("Paris 15e", "75115", "75015"),
        ("Paris 1er", "75101", "75001"),
        ("Marseille 8e", "13208", "13008"),
        ("Lyon 69003", "69383", "69003"),
        ("Paris XVe", "75115", "75015"),  # in Roman numerals, as notes write them
        ("Lyon IIIème", "69383", "69003"),
    ],
)
def test_arrondissements_municipaux(query, insee, postal_code):
    place = geocode(query)
    assert (place.insee, place.postal_code, place.departement) == (insee, postal_code, insee[:2])


def test_postal_code_of_an_arrondissement_names_the_arrondissement_not_the_city():
    place = geocode("69003")
    assert place.commune == "Lyon 3e Arrondissement"
    assert place.precision == "postal_code"
    assert geocode("75116").insee == "75116"  # the second postal code of Paris 16e


def test_postal_code_shared_by_several_communes_gives_the_most_populated():
    shared = [c for c in communes() if "01400" in c.postal_codes]
    assert len(shared) > 1
    assert geocode("01400").insee == max(shared, key=lambda c: c.population).insee


def test_insee_code_when_no_postal_code_has_those_digits():
    assert geocode("69123").commune == "Lyon"
    assert geocode("2a004").commune == "Ajaccio"


def test_homonyms_prefer_the_most_populated_unless_a_code_says_otherwise():
    valence = [c for c in communes() if c.name == "Valence"]
    assert len(valence) > 1
    assert geocode("Valence").insee == max(valence, key=lambda c: c.population).insee
    # two towns far apart, each big enough to be the one meant: which one is asked, never guessed
    with pytest.raises(AmbiguousPlace) as ambiguous:
        geocode("saint denis")
    assert ambiguous.value.suggestions == ["Saint-Denis (974)", "Saint-Denis (93)"]
    assert unknown_place_message("saint denis", ambiguous.value) == \
        "Plusieurs villes s'appellent « saint denis » : Saint-Denis (974) ou Saint-Denis (93)."
    assert geocode("Saint-Denis (93)").insee == "93066"
    assert geocode("Saint-Denis 93").insee == "93066"
    assert geocode("Saint-Denis 974").insee == "97411"
    # the département by its number after a preposition: the patient in Seine-Saint-Denis is never sent to La Réunion
    assert geocode("Saint-Denis dans le 93").insee == "93066"
    assert geocode("Valence dans le 82").insee == "82186"
    assert geocode("93200 Saint-Denis").insee == "93066"


@pytest.mark.parametrize("query, insee", [
    ("Abymes", "97101"), ("Tampon", "97422"), ("Mans", "72181"),  # after "aux", "au", "du"
    ("Lamentin", "97115"),  # a commune really named so wins over "Le Lamentin" said without its article
    ("Lamentin (972)", "97213"),
])
def test_a_commune_said_without_its_article(query, insee):
    assert geocode(query).insee == insee


def test_only_contracted_articles_are_left_out():  # "à la Crèche", "à l'Hôpital": the article stays said
    assert [without_article(name) for name in ("Le Tampon", "Les Abymes", "La Crèche", "L'Hôpital", "Lyon")] == [
        "Tampon", "Abymes", None, None, None]


@pytest.mark.parametrize("query, insee", [
    ("Lamentin en Martinique", "97213"), ("Saint-Denis à la Réunion", "97411"), ("Saint-Denis (Seine-Saint-Denis)", "93066"),
    ("Saint-Denis de la Réunion", "97411"), ("Mamoudzou Mayotte", "97611"),
])
def test_a_departement_named_after_the_commune_chooses_among_homonyms(query, insee):
    assert geocode(query).insee == insee


def test_a_departement_name_at_the_end_of_an_address_is_not_a_hint():
    assert geocode("12 rue de Rivoli, Paris").insee == "75056"


def test_an_address_resolves_to_its_commune():
    place = geocode("12 rue X 69003 Lyon")
    assert (place.commune, place.postal_code, place.precision) == ("Lyon 3e Arrondissement", "69003", "address")
    assert place.label == "12 rue X 69003 Lyon"
    assert geocode("12 rue de la République, Lyon").precision == "address"
    assert geocode("3 avenue Foch 13008").insee == "13208"


def test_coordinates_give_the_nearest_commune_and_keep_the_point():
    place = geocode("45.7612, 4.8518")
    assert place.precision == "coordinates"
    assert (place.lat, place.lon) == (45.7612, 4.8518)
    assert place.commune.startswith("Lyon")
    assert geocode("45,7612 ; 4,8518").insee == place.insee  # French decimal commas


def test_coordinates_outside_france_are_refused():
    with pytest.raises(UnknownPlace, match="pas en France"):
        geocode("40.7128, -74.0060")


@pytest.mark.parametrize(
    "query, expected",
    [("Lyonn", "Lyon"), ("Marsseille", "Marseille"), ("Hénin", "Hénin-Beaumont"), ("Annecy-le-Vieu", "Annecy-le-Vieux")],
)
def test_unknown_place_suggests_close_names_in_french(query, expected):
    with pytest.raises(UnknownPlace) as error:
        geocode(query)
    assert error.value.query == query
    assert expected in error.value.suggestions
    assert len(error.value.suggestions) <= 3
    assert "Lieu inconnu" in str(error.value) and expected in str(error.value)


@pytest.mark.parametrize("query", ["", "   ", "99999", "Xyzzyville"])
def test_nonsense_is_an_unknown_place(query):
    with pytest.raises(UnknownPlace):
        geocode(query)


@pytest.mark.parametrize(
    "query, insee, label, near",
    [
        # near: the former commune's town hall, so the point is the place said, not its current commune's
        ("Oullins", "69149", "Oullins (Oullins-Pierre-Bénite)", (45.7145, 4.8077)),
        ("oullins", "69149", "Oullins (Oullins-Pierre-Bénite)", (45.7145, 4.8077)),
        ("Cherbourg", "50129", "Cherbourg (Cherbourg-en-Cotentin)", (49.6386, -1.6250)),
        ("Octeville", "50129", "Octeville (Cherbourg-en-Cotentin)", (49.6270, -1.6440)),
        ("annecy le vieux", "74010", "Annecy-le-Vieux (Annecy)", (45.9195, 6.1428)),
        ("Oullins (69)", "69149", "Oullins (Oullins-Pierre-Bénite)", (45.7145, 4.8077)),
        ("69600 Oullins", "69149", "Oullins (Oullins-Pierre-Bénite, 69600)", (45.7145, 4.8077)),
    ],
)
def test_a_former_commune_is_read_as_its_current_commune(query, insee, label, near):
    place = geocode(query)
    assert (place.insee, place.label, place.precision) == (insee, label, "commune")
    assert place.commune == next(c.name for c in communes() if c.insee == insee)
    assert distance_km(place.lat, place.lon, *near) < 2


def test_an_address_in_a_former_commune_keeps_its_postal_code():
    place = geocode("12 rue X 69600 Oullins")
    assert (place.insee, place.postal_code, place.precision) == ("69149", "69600", "address")
    assert place.label == "12 rue X 69600 Oullins"
    assert geocode("12 rue de la Paix, Cherbourg").insee == "50129"
    assert geocode("Tourlaville 50110").postal_code == "50110"


def test_a_current_commune_wins_over_a_former_one_of_the_same_name():
    # Évry is a commune of the Yonne and the former Évry of Évry-Courcouronnes (Essonne).
    assert geocode("Évry").insee == "89162"
    assert geocode("Évry (91)").insee == "91228"
    assert geocode("91000 Évry").insee == "91228"
    assert geocode("3 rue X, Evry 91").insee == "91228"


def test_former_homonyms_prefer_the_most_populated_current_commune_unless_a_code_says_otherwise():
    # Acqueville: delegated in La Hague (Manche) and in Cesny-les-Sources (Calvados), no current commune.
    assert geocode("Acqueville").insee == "50041"
    assert geocode("Acqueville (14)").insee == "14150"
    assert geocode("14220 Acqueville").insee == "14150"


def test_aliases_point_at_other_names_of_communes_of_the_table():
    found = aliases()
    assert len(found) > 2000
    table = set(communes())
    for alias in found:
        assert alias.commune in table
        assert normalize_name(alias.name) != normalize_name(alias.commune.name), alias
        assert distance_km(alias.lat, alias.lon, alias.commune.lat, alias.commune.lon) < 40, alias


def test_a_street_word_is_needed_before_reading_a_suffix_as_a_commune():
    # "Mer" is a commune of Loir-et-Cher: an unknown name ending in "sur-Mer" must not land there.
    with pytest.raises(UnknownPlace):
        geocode("Saint-Trucmuche-sur-Mer")


def test_place_is_frozen():
    place = geocode("Lyon")
    assert isinstance(place, Place)
    with pytest.raises(AttributeError):
        place.lat = 0.0


def test_table_covers_france_with_real_coordinates():
    rows = communes()
    assert len(rows) > 30_000
    by_insee = {c.insee: c for c in rows}
    assert {"75056", "69123", "13055", "97411", "2B033"} <= by_insee.keys()
    assert sum(c.insee.startswith("751") for c in rows) == 20
    assert sum(c.insee.startswith("6938") for c in rows) == 9
    assert sum(c.insee.startswith("132") for c in rows) == 16
    for commune in rows:
        in_metropole = 41 < commune.lat < 51.2 and -5.3 < commune.lon < 9.7
        assert in_metropole or commune.departement.startswith("97"), commune
    # Lyon and Marseille lie where they should (city halls, km).
    assert distance_km(by_insee["69123"].lat, by_insee["69123"].lon, 45.7676, 4.8344) < 3
    assert distance_km(by_insee["13055"].lat, by_insee["13055"].lon, 43.2965, 5.3698) < 3


def test_distance_km():
    assert distance_km(48.8566, 2.3522, 48.8566, 2.3522) == 0
    assert distance_km(48.8566, 2.3522, 45.7640, 4.8357) == pytest.approx(392, abs=3)  # Paris-Lyon


def test_normalize_name():
    assert normalize_name("Saint-Étienne-du-Rouvray") == normalize_name("st etienne du rouvray")
    assert normalize_name("Lyon 3e Arrondissement") == normalize_name("LYON 03") == "lyon 3"
    assert normalize_name("Œuilly") == "oeuilly"


@pytest.mark.parametrize(
    "departement, rule",
    [
        ("75", RadiusRule(5.0, 3.0, 14.0)),
        ("48", RadiusRule(50.0, 25.0, 102.0)),
        ("2A", RadiusRule(30.0, 15.0, 109.0)),  # "20A" in the SAS file
        ("2B", RadiusRule(40.0, 20.0, 116.0)),
        ("971", RadiusRule(10.0, 5.0, 50.0)),  # no county radius: the cap falls back
        ("976", RadiusRule(10.0, 5.0, 50.0)),  # all zeros in the file: sane defaults
        ("973", RadiusRule(10.0, 5.0, 50.0)),
    ],
)
def test_radius_rule(departement, rule):
    assert radius_rule(departement) == rule


def test_every_departement_of_the_table_has_a_usable_radius():
    for departement in {c.departement for c in communes()}:
        rule = radius_rule(departement)
        assert 0 < rule.default_km <= rule.cap_km and rule.step_km > 0, departement


def test_a_word_that_looks_like_a_roman_numeral_stays_a_word():
    assert normalize_name("Vive Ivre e") == "vive ivre e"


@pytest.mark.parametrize("query, insee", [
    ("brive", "19031"),  # Brive-la-Gaillarde
    ("Villefranche", "69264"),  # Villefranche-sur-Saône, not the hamlet of the Yonne
    ("Cherbourg", "50129"),  # the former commune stays the more precise reading
])
def test_a_town_said_by_the_first_part_of_its_name(query, insee):
    assert geocode(query).insee == insee


def test_a_short_name_two_towns_share_names_neither():
    assert "boulogne" not in short_names(communes())  # Boulogne-Billancourt and Boulogne-sur-Mer


@pytest.mark.parametrize("said, commune", [
    ("marseille dans le treizième", "Marseille 13e Arrondissement"), ("Lyon dans le premier", "Lyon 1er Arrondissement"),
    ("paris dans le 18ème", "Paris 18e Arrondissement"),
])
def test_an_arrondissement_said_after_the_city(said, commune):
    assert geocode(said).commune == commune


@pytest.mark.parametrize("query, insee", [("Amiens, quartier Saint-Leu", "80021"), ("Nice, quartier Libération", "06088")])
def test_a_commune_then_where_in_it_is_the_commune(query, insee):
    assert geocode(query).insee == insee


@pytest.mark.parametrize("query, insee", [("Angers centre", "49007"), ("Rouen rive gauche", "76540"),
                                          ("Lille-Fives", "59350"), ("Toulouse-Purpan", "31555")])
def test_a_commune_then_a_part_of_it_is_the_commune(query, insee):
    assert geocode(query).insee == insee


@pytest.mark.parametrize("query", ["y-^ â/X Ùå", "Lyon-^", "a-", "-b", "-"])
def test_a_hyphen_before_no_word_is_read_without_error(query):
    # found by the API fuzzer: "y-^ …" answered 500 (no word after the hyphen)
    with contextlib.suppress(UnknownPlace):
        assert geocode(query).label


@pytest.mark.parametrize("query, suggested", [("Boulogne-Bilancourt", "Boulogne-Billancourt"),
                                              ("Charleville-Mézière", "Charleville-Mézières"),
                                              ("Saint-Machin", None)])
def test_a_commune_misspelt_after_its_hyphen_is_no_commune_and_its_quarter(query, suggested):
    with pytest.raises(UnknownPlace) as error:
        geocode(query)
    assert suggested is None or suggested in error.value.suggestions


@pytest.mark.parametrize("query", ["la Reunion", "La Réunion", "Doubs", "Martinique"])
def test_a_departement_said_alone_asks_for_the_commune(query):
    # "La Réunion" is also a commune of 524 people in the Lot-et-Garonne: "elle est à la Réunion" means the island
    with pytest.raises(UnknownPlace, match="est un département : dans quelle commune"):
        geocode(query)


@pytest.mark.parametrize("query, commune", [("Vienne", "Vienne"), ("Mayenne", "Mayenne"), ("Paris", "Paris"),
                                            ("47700", "Casteljaloux")])
def test_a_town_bearing_a_departement_s_name_stays_the_town(query, commune):
    assert geocode(query).commune == commune


@pytest.mark.parametrize("query, commune", [
    # the commune said first, then the street, whose last word names another commune (Bert, in the Allier)
    ("Lyon 3e rue Paul Bert", "Lyon 3e Arrondissement"), ("Lyon troisième rue Paul Bert", "Lyon 3e Arrondissement"),
    ("Clermont-Ferrand avenue de Royat", "Clermont-Ferrand"),
    ("Marseille 12 rue de Rome", "Marseille"),  # a number without its ordinal is the street's
    ("Marseille 12e rue de Rome", "Marseille 12e Arrondissement"),
    ("rue Paul Bert, Lyon 3e", "Lyon 3e Arrondissement"),
])
def test_a_commune_then_its_street_is_the_commune(query, commune):
    assert geocode(query).commune == commune


@pytest.mark.parametrize("said, commune", [
    ("Saint-Pierre (La Réunion)", "Saint-Pierre"), ("LES ABYMES (GUADELOUPE)", "Les Abymes"),
    ("Basse-Terre en Guadeloupe", "Basse-Terre"), ("Saint-Pierre à la Réunion", "Saint-Pierre"), ("Fontaine (38)", "Fontaine"),
])
def test_a_birth_place_with_its_departement_named_is_that_commune(said, commune):
    assert commune_name(said) == commune


@pytest.mark.parametrize("query, insee", [("Saint-Just dans l'Ain", "01369"), ("Beaumont dans le Puy-de-Dôme", "63032"),
                                          ("Châteaulin dans le Finistère", "29026")])
def test_a_commune_said_in_its_departement_is_the_one_there(query, insee):
    assert geocode(query).insee == insee


def test_a_commune_said_in_a_departement_that_has_none_of_that_name_is_asked_not_taken_elsewhere():
    # there is a Saint-Germain in the Aube, none in the Ain: searching in the Aube would send the patient 250 km off
    with pytest.raises(UnknownPlace):
        geocode("Saint-Germain dans l'Ain")
