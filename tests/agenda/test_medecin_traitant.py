"""The patient's médecin traitant: found whatever the accents, titles and word order, narrowed by a commune, and
shown first when offering slots in the window, even beyond the radius the others come from (up to the cap)."""
import pytest

from bot.agenda.geo import Place as Location
from bot.agenda.medecin_traitant import resolve
from tests.agenda.factories import LYON_3

HERE = Location(label="Lyon 3e", precision="commune", **LYON_3)
VILLEURBANNE = {"lat": 45.7667, "lon": 4.8803, "commune": "Villeurbanne", "postal_code": "69100", "insee": "69266",
                "departement": "69"}


@pytest.fixture
def doctors(make_practitioner):
    return {
        "lefevre": make_practitioner(nom="Lefèvre", prenom="Hélène", north_km=1),
        "lefevre_far": make_practitioner(nom="Lefèvre", prenom="Marc", place=VILLEURBANNE),
        "le_gall": make_practitioner(nom="Le Gall", prenom="Anne", north_km=2),
    }


def named(agenda_db, asked: str):
    with agenda_db.session_factory() as session:
        found = resolve(session, asked, HERE)
        return found and found.id


@pytest.mark.parametrize(("asked", "who"), [
    ("lefevre", "lefevre"),  # homonyms: the nearest
    ("Dr Hélène LEFEVRE", "lefevre"),
    ("lefèvre marc", "lefevre_far"),
    ("Lefevre, Villeurbanne", "lefevre_far"),
    ("docteur le gall", "le_gall"),
    ("le docteur Le Gall", "le_gall"),
    ("Anne Le-Gall", "le_gall"),
])
def test_names_are_found_whatever_the_spelling(agenda_db, doctors, asked, who):
    assert named(agenda_db, asked) == doctors[who].practitioner_id


@pytest.mark.parametrize("asked", ["Dupont", "Lefèvre Paul", "Lefevre, Marseille", "Dr", "le"])
def test_no_match_is_not_found(agenda_db, doctors, asked):
    assert named(agenda_db, asked) is None


def search(client, **params):
    return client.get("/api/search", params={"location": "Lyon 3e", "limit": 2, **params}).json()


def test_the_medecin_traitant_with_slots_comes_first_even_beyond_the_radius(client, make_practitioner, make_slot):
    for km in (1, 2, 3):
        make_slot(make_practitioner(nom=f"Proche{km}", north_km=km, sas=True), hours=1)
    mine = make_slot(make_practitioner(nom="Roux", prenom="Isabelle", north_km=12), hours=40)
    body = search(client, medecin_traitant="Dr Isabelle Roux")
    assert body["medecin_traitant"] == {"asked": "Dr Isabelle Roux", "found": True, "name": "Dr Isabelle Roux",
                                        "has_slots": True}
    assert [o["practitioner"]["nom"] for o in body["offers"]] == ["Roux", "Proche1"]
    assert body["offers"][0]["medecin_traitant"] and not body["offers"][1]["medecin_traitant"]
    assert body["offers"][0]["slots"][0]["id"] == str(mine) and body["offers"][0]["distance_km"] == 12.0
    assert (body["total"], body["radius_km"]) == (4, 5)
    second_page = search(client, medecin_traitant="Dr Isabelle Roux", offset=2)
    assert [o["practitioner"]["nom"] for o in second_page["offers"]] == ["Proche2", "Proche3"]


def test_a_medecin_traitant_without_slots_in_the_window_is_said_and_the_usual_order_kept(client, make_practitioner,
                                                                                          make_slot):
    make_slot(make_practitioner(nom="Proche", north_km=1), hours=1)
    make_slot(make_practitioner(nom="Roux", north_km=2), hours=60)  # after the 48 h window
    body = search(client, medecin_traitant="roux")
    assert body["medecin_traitant"] == {"asked": "roux", "found": True, "name": "Dr Claire Roux", "has_slots": False}
    assert [o["practitioner"]["nom"] for o in body["offers"]] == ["Proche"]


def test_a_medecin_traitant_unknown_to_the_agenda_is_said(client, make_practitioner, make_slot):
    make_slot(make_practitioner(nom="Proche", north_km=1), hours=1)
    body = search(client, medecin_traitant="Dr Inconnu")
    assert body["medecin_traitant"] == {"asked": "Dr Inconnu", "found": False, "name": None, "has_slots": False}
    assert [o["medecin_traitant"] for o in body["offers"]] == [False]
