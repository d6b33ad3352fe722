from actions.recap import ActionRecap
from tests.actions.conftest import DOMAIN, PATIENT, make_tracker, responses, slot_events


async def test_recap_shows_what_is_known_and_marks_what_is_missing(dispatcher):
    tracker = make_tracker({"prenom": "Marie", "nom": "Durand", "symptomes": "fièvre", "localisation": "Lyon 3e"})
    assert await ActionRecap().run(dispatcher, tracker, DOMAIN) == []
    message = dispatcher.messages[0]
    assert message["response"] == "utter_recap" and "Marie Durand" in message["patient"]
    assert "Lyon 3e" in message["besoin"] and "fièvre" in message["besoin"]
    assert message["custom"]["manquants"] == ["nom_naissance", "date_naissance", "telephone"]


async def test_nothing_known_yet_just_starts(dispatcher):
    await ActionRecap().run(dispatcher, make_tracker({}, text="je veux adresser un patient"), DOMAIN)
    assert responses(dispatcher) == ["utter_debut_adressage"]


async def test_a_description_after_a_booking_is_a_new_patient(dispatcher):
    slots = {**PATIENT, "etape": "reserve", "rendez_vous": {"id": "1"}, "prenom": "Paul"}
    tracker = make_tracker(slots, intent="adresser_patient", entities=[{"entity": "prenom", "value": "Paul"}])
    events = slot_events(await ActionRecap().run(dispatcher, tracker, DOMAIN))
    assert "prenom" not in events and events["nom"] is None and events["rendez_vous"] is None
    assert events["etape"] == "collecte"
