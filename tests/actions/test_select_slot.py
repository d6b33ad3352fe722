from actions.select_slot import ActionSelectSlot
from tests.actions.conftest import DOMAIN, PATIENT, agenda_card, make_tracker, responses, slot_events

CARDS = [agenda_card("s1", 9, "Thomas"), agenda_card("s2", 14, "Nguyen")]


def select_action(agenda):
    action = ActionSelectSlot()
    action.agenda = agenda.client
    return action


async def test_pick_by_rank_chooses_the_motif_drafts_the_message_and_shows_the_summary(agenda, dispatcher):
    agenda.routes["GET /api/slots/s2/motif"] = (200, {"motif": {"id": "m1", "label": "Soins non programmés", "snp": True},
                                                      "reason": "proposé sur ce créneau."})
    tracker = make_tracker({**PATIENT, "symptomes": "fièvre depuis 3 jours", "creneaux_proposes": CARDS},
                           text="le 2", intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    state = slot_events(events)
    assert state["creneau_choisi"]["id"] == "s2" and state["etape"] == "confirmation"
    assert state["motif"]["label"] == "Soins non programmés" and state["motif"]["raison"] == "proposé sur ce créneau."
    assert state["message"] == "Le patient présente les symptômes suivants : fièvre depuis 3 jours"
    assert len(state["cle_idempotence"]) == 32
    assert responses(dispatcher) == ["utter_motif_choisi", "utter_resume"]
    summary = dispatcher.messages[1]
    assert summary["custom"]["kind"] == "resume" and summary["custom"]["avertissement"].startswith("⚠")
    assert summary["avertissement"].startswith("⚠") and summary["buttons"][0]["payload"] == "/affirm"
    params = agenda.requests[0].url.params
    assert params["birth_date"] == "1952-11-21" and params["mode"] == "cabinet" and "fièvre" in params["symptoms"]
    assert params["civilite"] == "Madame"


async def test_pick_by_button_uses_the_slot_id(agenda, dispatcher):
    agenda.routes["GET /api/slots/s1/motif"] = (200, {"motif": {"id": "m2", "label": "Consultation", "snp": False},
                                                      "reason": "le plus adapté."})
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS, "creneau_id": "s1"}, text="/choisir_creneau")
    state = slot_events(await select_action(agenda).run(dispatcher, tracker, DOMAIN))
    assert state["creneau_choisi"]["praticien"] == "Dr Claire Thomas" and state["creneau_id"] is None
    assert state["message"] == ""


async def test_an_unclear_pick_asks_again_without_calling_the_agenda(agenda, dispatcher):
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS}, text="le 7", intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_choix_incompris"] and agenda.requests == []
    assert "creneau_choisi" not in slot_events(events)


async def test_agenda_down_during_the_motif_choice_offers_a_retry_of_the_same_pick(agenda, dispatcher):
    agenda.routes["GET /api/slots/s1/motif"] = (500, {})
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS}, text="celui de 9h30", intent="choisir_creneau")
    await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_agenda_indisponible"]
    assert dispatcher.messages[0]["buttons"][0]["payload"] == CARDS[0]["payload"]
