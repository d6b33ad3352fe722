from actions.search import ActionContinueReferral, ActionSearchSlots
from tests.actions.conftest import DOMAIN, NOW, PATIENT, agenda_slot, make_tracker, responses, search_answer, slot_events

NEED = {**PATIENT, "localisation": "Lyon 3e"}


def search_action(agenda, cls=ActionSearchSlots):
    action = cls()
    action.clock = lambda: NOW
    action.agenda = agenda.client
    return action


async def test_offers_up_to_five_slots_as_buttons_and_cards(agenda, dispatcher):
    slots = [agenda_slot(f"s{i}", 9 + i) for i in range(5)]
    agenda.routes["GET /api/search"] = (200, search_answer(slots, total=9))
    events = await search_action(agenda).run(dispatcher, make_tracker(NEED, intent="rechercher"), DOMAIN)
    message = dispatcher.messages[-1]
    assert message["response"] == "utter_creneaux"
    assert len(message["buttons"]) == 6 and message["buttons"][-1]["payload"] == "/autres_creneaux"
    assert message["buttons"][0]["payload"] == '/choisir_creneau{"creneau_id":"s0"}'
    assert "Soins non programmés" in message["buttons"][0]["title"] and "1,2 km" in message["buttons"][0]["title"]
    assert message["custom"]["kind"] == "creneaux" and len(message["custom"]["creneaux"]) == 5
    state = slot_events(events)
    assert state["etape"] == "choix" and [c["id"] for c in state["creneaux_proposes"]] == [f"s{i}" for i in range(5)]
    params = agenda.requests[0].url.params
    assert params["location"] == "Lyon 3e" and params["mode"] == "cabinet" and params["offset"] == "0"
    assert params["from"] == NOW.isoformat() and params["to"].startswith("2026-11-27T10:00")


async def test_a_search_asked_before_the_details_are_complete_asks_for_them(agenda, dispatcher):
    details = {k: v for k, v in NEED.items() if k != "localisation"}
    events = await search_action(agenda).run(dispatcher, make_tracker(details, intent="rechercher"), DOMAIN)
    assert agenda.requests == [] and [e["name"] for e in events if e["event"] == "followup"] == ["referral_form"]


async def test_other_slots_asks_for_the_next_page(agenda, dispatcher):
    agenda.routes["GET /api/search"] = (200, search_answer([agenda_slot("s6", 15)], total=9))
    tracker = make_tracker({**NEED, "recherche_offset": 5.0}, intent="autres_creneaux")
    await search_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert agenda.requests[0].url.params["offset"] == "10"


async def test_urgency_narrows_the_window(agenda, dispatcher):
    agenda.routes["GET /api/search"] = (200, search_answer([]))
    await search_action(agenda).run(dispatcher, make_tracker({**NEED, "urgence": 4}), DOMAIN)
    assert agenda.requests[0].url.params["to"].startswith("2026-11-25T14:00")


async def test_no_slot_says_so_with_the_radius_and_offers_to_change(agenda, dispatcher):
    agenda.routes["GET /api/search"] = (200, search_answer([], radius_km=30, widened=True,
                                                                          window_widened=True))
    events = await search_action(agenda).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert responses(dispatcher) == ["utter_rayon_elargi", "utter_fenetre_elargie", "utter_aucun_creneau"]
    assert dispatcher.messages[0]["rayon"] == "30"
    assert any("video" in b["payload"] for b in dispatcher.messages[-1]["buttons"])
    assert slot_events(events)["creneaux_proposes"] == []


async def test_unknown_place_asks_again_with_suggestions(agenda, dispatcher):
    agenda.routes["GET /api/search"] = (422, {"errors": {"location": "Lieu inconnu : « Lyonn »."},
                                             "suggestions": ["Lyon", "Lyons-la-Forêt"]})
    events = await search_action(agenda).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert responses(dispatcher) == ["utter_lieu_inconnu"]
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["Lyon", "Lyons-la-Forêt"]
    assert slot_events(events) == {"localisation": None}


async def test_agenda_down_keeps_everything_and_offers_a_retry(agenda, dispatcher):
    agenda.routes["GET /api/search"] = (503, {})
    events = await search_action(agenda).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert events == [] and responses(dispatcher) == ["utter_agenda_indisponible"]
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/rechercher"


async def test_continue_shows_the_summary_again_after_a_correction(agenda, dispatcher):
    card = {"id": "s1", "payload": "", "praticien": "Dr Claire Thomas", "adresse": "Lyon", "quand": "mer. 25 nov.",
            "mode": "cabinet", "snp": True}
    criteria = {"localisation": "Lyon 3e", "type_consultation": None, "creneau": None, "urgence": None, "specialite": None}
    tracker = make_tracker({**NEED, "creneau_choisi": card, "criteres_recherche": criteria, "motif": {"label": "SNP"}})
    await search_action(agenda, ActionContinueReferral).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_resume"] and agenda.requests == []


async def test_continue_searches_again_when_the_criteria_changed(agenda, dispatcher):
    agenda.routes["GET /api/search"] = (200, search_answer([agenda_slot("s9", 16)]))
    criteria = {"localisation": "Lyon 3e", "type_consultation": None, "creneau": None, "urgence": None, "specialite": None}
    tracker = make_tracker({**NEED, "type_consultation": "video", "creneau_choisi": {"id": "s1"},
                            "criteres_recherche": criteria})
    events = await search_action(agenda, ActionContinueReferral).run(dispatcher, tracker, DOMAIN)
    assert agenda.requests[0].url.params["mode"] == "video"
    assert slot_events(events)["creneau_choisi"] is None
