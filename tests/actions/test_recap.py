import pytest
from rasa_sdk.events import FollowupAction, SlotSet

from actions.recap import ActionRecap
from tests.actions.conftest import DOMAIN, PATIENT, agenda_card, make_tracker, responses, slot_events


async def test_recap_shows_what_is_known_and_marks_what_is_missing(dispatcher):
    tracker = make_tracker({"prenom": "Marie", "nom": "Durand", "symptomes": "fièvre", "localisation": "Lyon 3e"})
    assert await ActionRecap().run(dispatcher, tracker, DOMAIN) == []
    message = dispatcher.messages[0]
    patient, need = message["noted"].split(" · ")
    assert message["response"] == "utter_recap" and patient == "patient : Marie Durand"
    assert need.startswith("besoin : ") and "Lyon 3e" in need and "fièvre" in need
    assert message["custom"]["manquants"] == ["nom_naissance", "date_naissance", "telephone"]


async def test_a_recap_of_the_need_alone_says_no_patient(dispatcher):
    await ActionRecap().run(dispatcher, make_tracker({"type_consultation": "domicile"}), DOMAIN)
    assert dispatcher.messages[0]["noted"] == "besoin : à domicile"


async def test_nothing_known_yet_just_starts(dispatcher):
    await ActionRecap().run(dispatcher, make_tracker({}, text="je veux adresser un patient"), DOMAIN)
    assert responses(dispatcher) == ["utter_debut_adressage"]


async def test_a_description_after_a_booking_is_a_new_patient(dispatcher):
    slots = {**PATIENT, "etape": "reserve", "rendez_vous": {"id": "1"}, "prenom": "Paul"}
    tracker = make_tracker(slots, intent="adresser_patient", entities=[{"entity": "prenom", "value": "Paul"}])
    events = slot_events(await ActionRecap().run(dispatcher, tracker, DOMAIN))
    assert "prenom" not in events and events["nom"] is None and events["rendez_vous"] is None
    assert events["etape"] == "collecte"


async def test_the_next_patient_of_a_family_keeps_what_is_said_to_be_the_same(dispatcher):
    slots = {**PATIENT, "etape": "reserve", "rendez_vous": {"id": "1"}, "telephone": "+33325714692",
             "localisation": "Troyes"}
    tracker = make_tracker(slots, "sa sœur Léa, même téléphone, même adresse", intent="adresser_patient",
                           entities=[{"entity": "prenom", "value": "Léa"}])
    events = slot_events(await ActionRecap().run(dispatcher, tracker, DOMAIN))
    assert "telephone" not in events and "localisation" not in events and events["nom"] is None
    patient, need = dispatcher.messages[0]["noted"].split(" · ")
    assert "03 25 71 46 92" in patient and "Troyes" in need


async def test_the_next_patient_with_the_same_complaint_keeps_the_last_one_s(dispatcher):
    slots = {**PATIENT, "etape": "reserve", "rendez_vous": {"id": "1"}, "symptomes": "fièvre 39, mal à la gorge"}
    tracker = make_tracker(slots, "sa petite sœur Lina, mêmes symptômes depuis ce soir", intent="adresser_patient",
                           entities=[{"entity": "prenom", "value": "Lina"}])
    events = slot_events(await ActionRecap().run(dispatcher, tracker, DOMAIN))
    assert "symptomes" not in events and events["nom"] is None
    assert "fièvre 39, mal à la gorge" in dispatcher.messages[0]["noted"]


def _hour_said(text: str, said: str) -> dict:
    start = text.index(said)
    return {"entity": "creneau", "value": {"start": "2026-11-25T14:00:00+01:00", "end": "2026-11-25T15:00:00+01:00"},
            "start": start, "end": start + len(said)}


async def test_an_hour_said_alone_while_slots_are_offered_picks_that_slot(dispatcher):
    searched = {"creneau": None, "localisation": "Lyon"}
    slots = {**PATIENT, "etape": "choix", "creneaux_proposes": [agenda_card("s1", 9), agenda_card("s2", 14, "Nguyen")],
             "criteres_recherche": searched, "creneau": {"start": "2026-11-25T14:00:00+01:00"}}
    events = await ActionRecap().run(dispatcher, make_tracker(slots, "mettez-la à 14h30", entities=[
        _hour_said("mettez-la à 14h30", "à 14h30")]), DOMAIN)
    assert events == [SlotSet("creneau", None), FollowupAction("action_select_slot")] and not dispatcher.messages


@pytest.mark.parametrize("text, said", [("plutôt demain à 14h", "demain à 14h"), ("à 11h", "à 11h")])
async def test_a_day_or_an_hour_no_slot_has_is_a_new_wanted_time(dispatcher, text, said):
    slots = {**PATIENT, "etape": "choix", "creneaux_proposes": [agenda_card("s1", 9), agenda_card("s2", 14, "Nguyen")]}
    events = await ActionRecap().run(dispatcher, make_tracker(slots, text, entities=[_hour_said(text, said)]), DOMAIN)
    assert events == [] and responses(dispatcher) == ["utter_recap"]


async def test_an_hour_said_with_the_day_of_an_offered_slot_picks_it(dispatcher):
    slots = {**PATIENT, "etape": "choix", "creneaux_proposes": [agenda_card("s1", 9), agenda_card("s2", 14, "Nguyen")]}
    text = "14h30 aujourd'hui c'est bon"
    said = {"entity": "creneau", "value": {"start": "2026-11-25T14:30:00+01:00", "end": "2026-11-25T15:30:00+01:00"},
            "start": 0, "end": len("14h30 aujourd'hui")}
    events = await ActionRecap().run(dispatcher, make_tracker(slots, text, entities=[said]), DOMAIN)
    assert events[-1] == FollowupAction("action_select_slot")


async def test_the_next_patient_keeps_the_civility_their_words_imply(dispatcher):
    slots = {**PATIENT, "etape": "reserve", "rendez_vous": {"id": "1"}, "civilite": "Monsieur", "prenom": "Noé"}
    tracker = make_tracker(slots, "et son grand frère Noé, né le 2/9/2016", intent="adresser_patient",
                           entities=[{"entity": "prenom", "value": "Noé"}, {"entity": "genre", "value": "Monsieur"}])
    events = slot_events(await ActionRecap().run(dispatcher, tracker, DOMAIN))
    assert "civilite" not in events and events["nom"] is None
