"""No dead end: orienting the patient en surnuméraire, which reserves no slot and must be confirmed."""
import pytest

from actions.booking import ActionBook
from actions.orientation import ActionListSurnumeraires, ActionSelectSurnumeraire
from actions.select_slot import ActionSelectSlot
from tests.actions.conftest import DOMAIN, PATIENT, agenda_slot, make_tracker, responses, slot_events

NEED = {**PATIENT, "localisation": "Lyon 3e", "symptomes": "fièvre"}
NEARBY = {"practitioner": {**agenda_slot("x", 9, "Perrin")["practitioner"], "rpps": "10009999999", "surnumeraire": True},
          "address": {"line": "1 place Bellecour", "postal_code": "69002", "commune": "Lyon"}, "distance_km": 2.26}


def orientation_answer() -> dict:
    return {"id": "o1", "reference": "SAS-OR-1", "status": "a_confirmer", "reserved_slot": False,
            "created_at": "2026-11-25T10:00:00+01:00", "practitioner": NEARBY["practitioner"],
            "address": NEARBY["address"], "patient": PATIENT, "message": "Le patient ...", "regulator": "regulateur-1"}


def with_agenda(action, agenda):
    action.agenda = agenda.client
    return action


async def test_practitioners_who_accept_extra_patients_are_offered_as_buttons(agenda, dispatcher):
    agenda.routes["GET /api/surnumeraires"] = (200, {"radius_km": 15, "practitioners": [NEARBY]})
    events = await with_agenda(ActionListSurnumeraires(), agenda).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert agenda.requests[0].url.params["location"] == "Lyon 3e"
    assert responses(dispatcher) == ["utter_surnumeraires"] and dispatcher.messages[0]["rayon"] == "15"
    assert dispatcher.messages[0]["buttons"] == [{
        "title": "1. Dr Claire Perrin — Médecine générale — 1 place Bellecour, 69002 Lyon (2,3 km)",
        "payload": '/choisir_surnumeraire{"rpps": "10009999999"}'}]
    assert slot_events(events)["surnumeraires_proposes"][0]["rpps"] == "10009999999"


async def test_none_nearby_is_said(agenda, dispatcher):
    agenda.routes["GET /api/surnumeraires"] = (200, {"radius_km": 15, "practitioners": []})
    await with_agenda(ActionListSurnumeraires(), agenda).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert responses(dispatcher) == ["utter_aucun_surnumeraire"]


async def test_choosing_one_shows_what_will_be_recorded_and_that_no_slot_is_reserved(dispatcher):
    offered = [{"rpps": "10009999999", "praticien": "Dr Claire Perrin", "nom": "Perrin", "specialite": "Médecine générale",
                "adresse": "1 place Bellecour, 69002 Lyon", "distance_km": 2.3}]
    tracker = make_tracker({**NEED, "surnumeraires_proposes": offered}, intent="choisir_surnumeraire",
                           entities=[{"entity": "rpps", "value": "10009999999"}])
    events = await ActionSelectSurnumeraire().run(dispatcher, tracker, DOMAIN)
    state = slot_events(events)
    assert state["etape"] == "orientation" and state["surnumeraire_choisi"]["nom"] == "Perrin"
    assert state["message"] == "La patiente présente les symptômes suivants : fièvre"
    assert responses(dispatcher) == ["utter_resume_orientation"]
    assert dispatcher.messages[0]["buttons"][0] == {"title": "Confirmer l'orientation", "payload": "/affirm"}


@pytest.mark.parametrize("said", ["le 2", "le Dr Martin", "la deuxième"])
async def test_a_typed_pick_in_the_list_chooses_that_practitioner(dispatcher, said):
    offered = [{"rang": rank, "rpps": f"1000999999{rank}", "praticien": f"Dr Claire {nom}", "nom": nom,
                "specialite": "Médecine générale", "adresse": "1 place Bellecour, 69002 Lyon", "distance_km": 2.3}
               for rank, nom in ((1, "Perrin"), (2, "Martin"))]
    tracker = make_tracker({**NEED, "surnumeraires_proposes": offered, "creneaux_proposes": []}, text=said,
                           intent="choisir_creneau")
    events = await ActionSelectSlot().run(dispatcher, tracker, DOMAIN)
    assert slot_events(events)["surnumeraire_choisi"]["nom"] == "Martin"
    assert responses(dispatcher) == ["utter_resume_orientation"]


async def test_confirmed_the_orientation_is_recorded_and_said_to_need_the_practitioners_confirmation(agenda, dispatcher):
    agenda.routes["POST /api/orientations"] = (201, orientation_answer())
    chosen = {"rpps": "10009999999", "praticien": "Dr Claire Perrin", "adresse": "1 place Bellecour, 69002 Lyon"}
    tracker = make_tracker({**NEED, "etape": "orientation", "surnumeraire_choisi": chosen, "message": "Le patient ...",
                            "cle_idempotence": "k" * 32}, text="oui", intent="affirm")
    action = with_agenda(ActionBook(), agenda)
    events = await action.run(dispatcher, tracker, DOMAIN)
    sent = agenda.sent_json()
    assert sent == {"rpps": "10009999999", "patient": PATIENT, "message": "Le patient ...", "idempotency_key": "k" * 32}
    assert responses(dispatcher) == ["utter_orientation_enregistree"]
    assert dispatcher.messages[0]["reference"] == "SAS-OR-1" and dispatcher.messages[0]["avertissement"].startswith("⚠")
    assert slot_events(events) == {"etape": "reserve", "champs_a_demander": False}


async def test_agenda_down_at_the_orientation_offers_a_retry(agenda, dispatcher):
    agenda.routes["POST /api/orientations"] = (503, {})
    chosen = {"rpps": "10009999999", "praticien": "Dr Claire Perrin", "adresse": "Lyon"}
    tracker = make_tracker({**NEED, "etape": "orientation", "surnumeraire_choisi": chosen, "cle_idempotence": "k"})
    await with_agenda(ActionBook(), agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_agenda_indisponible"]
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/affirm"
