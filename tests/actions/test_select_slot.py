import pytest

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
    assert state["message"] == "La patiente présente les symptômes suivants : fièvre depuis 3 jours"
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
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS}, text="celui du Dr Martin", intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_choix_incompris"] and agenda.requests == []
    assert "creneau_choisi" not in slot_events(events)


async def test_a_time_two_practitioners_offer_asks_which_with_their_slots_as_buttons(agenda, dispatcher):
    offer = [*CARDS, agenda_card("s3", 9, "Roux")]
    tracker = make_tracker({**PATIENT, "creneaux_proposes": offer}, text="celui de 9h30", intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_choix_ambigu"] and agenda.requests == []
    question = dispatcher.messages[0]
    assert [b["payload"] for b in question["buttons"]] == [offer[0]["payload"], offer[2]["payload"]]
    assert "Dr Claire Thomas" in question["choix"] and "Roux" in question["choix"] and " ou " in question["choix"]
    assert "creneau_choisi" not in slot_events(events)


@pytest.mark.parametrize("between, expected", [
    # "celui de 9h30", two doctors have it, then "le Dr Roux": his 9:30, not his first slot at 8:30
    ([], "s3"),
    # a correction between the question and the answer: the time said before still stands
    ([{"event": "user", "text": "non attendez c'est plutôt le quatre mars"},
      {"event": "bot", "text": "Que voulez-vous corriger ?", "metadata": {"utter_action": "utter_que_corriger"}}], "s3"),
    # the slots offered again since: the time said before the new list no longer stands
    ([{"event": "user", "text": "autres créneaux"},
      {"event": "bot", "text": "Voici les praticiens", "metadata": {"utter_action": "utter_creneaux"}}], "s4"),
])
async def test_the_time_said_before_which_of_several_stands_until_the_slots_are_offered_again(agenda, dispatcher,
                                                                                             between, expected):
    for slot_id in ("s3", "s4"):
        agenda.routes[f"GET /api/slots/{slot_id}/motif"] = (
            200, {"motif": {"id": "m1", "label": "Soins non programmés", "snp": True}, "reason": "proposé sur ce créneau."})
    offer = [*CARDS, agenda_card("s4", 8, "Roux"), agenda_card("s3", 9, "Roux")]
    events = [{"event": "user", "text": "celui de 9h30"},
              {"event": "bot", "text": "Plusieurs praticiens proposent ce créneau",
               "metadata": {"utter_action": "utter_choix_ambigu"}},
              *between,
              {"event": "user", "text": "le Dr Roux"}]
    tracker = make_tracker({**PATIENT, "creneaux_proposes": offer}, text="le Dr Roux", intent="choisir_creneau",
                           events=events)
    state = slot_events(await select_action(agenda).run(dispatcher, tracker, DOMAIN))
    assert state["creneau_choisi"]["id"] == expected


async def test_a_rank_past_the_list_says_how_many_practitioners_are_listed(agenda, dispatcher):
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS}, text="le 7", intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_rang_hors_liste"] and dispatcher.messages[0]["nombre"] == 2
    assert "creneau_choisi" not in slot_events(events) and agenda.requests == []


async def test_a_rank_past_one_practitioner_with_one_slot_says_one_is_listed(agenda, dispatcher):
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS[:1]}, text="le deuxième s'il vous plaît",
                           intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_un_seul_praticien"]
    assert "creneau_choisi" not in slot_events(events) and agenda.requests == []


async def test_agenda_down_during_the_motif_choice_offers_a_retry_of_the_same_pick(agenda, dispatcher):
    agenda.routes["GET /api/slots/s1/motif"] = (500, {})
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS}, text="celui de 9h30", intent="choisir_creneau")
    await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_agenda_indisponible"]
    assert dispatcher.messages[0]["buttons"][0]["payload"] == CARDS[0]["payload"]


def motif_answer(required_fields=(), follow_up=False) -> dict:
    return {"motif": {"id": "m1", "label": "Soins non programmés", "snp": True, "follow_up": follow_up},
            "reason": "proposé sur ce créneau.", "required_fields": list(required_fields)}


async def test_a_practitioner_who_requires_more_has_only_the_missing_fields_asked(agenda, dispatcher):
    agenda.routes["GET /api/slots/s1/motif"] = (200, motif_answer(["civilite", "email"]))
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS}, text="le 1", intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    # the civility was given with the description: only the email is asked, by its form, before the summary
    assert responses(dispatcher) == ["utter_motif_choisi", "utter_champs_requis"]
    assert dispatcher.messages[1]["champs"] == "email"
    state = slot_events(events)
    assert state["champs_requis"] == ["civilite", "email"] and state["champs_a_demander"] is True
    assert [e["name"] for e in events if e["event"] == "followup"] == ["extra_fields_form"]


async def test_fields_required_and_all_given_go_straight_to_the_summary(agenda, dispatcher):
    agenda.routes["GET /api/slots/s1/motif"] = (200, motif_answer(["email"]))
    tracker = make_tracker({**PATIENT, "email": "marie@exemple.fr", "creneaux_proposes": CARDS}, text="le 1",
                           intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_motif_choisi", "utter_resume"]
    assert slot_events(events)["champs_a_demander"] is False
    assert "marie@exemple.fr" in dispatcher.messages[1]["patient"]


async def test_the_medecin_traitants_slot_is_booked_as_already_consulted(agenda, dispatcher):
    agenda.routes["GET /api/slots/s2/motif"] = (200, motif_answer(follow_up=True))
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS, "medecin_traitant": {"nom": "Nguyen"}},
                           text="le Dr Nguyen", intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert agenda.requests[0].url.params["deja_consulte"] == "true"
    state = slot_events(events)
    assert state["deja_consulte"] is True and state["motif"]["deja_consulte"] is True
    summary = dispatcher.messages[-1]
    assert summary["deja_consulte"] == "oui" and summary["custom"]["deja_consulte"] is True
    assert {"title": "Patient jamais vu par ce praticien",
            "payload": '/choisir_creneau{"creneau_id": "s2", "deja_consulte": false}'} in summary["buttons"]


async def test_another_practitioner_is_not_known_from_what_was_said_of_the_previous_one(agenda, dispatcher):
    agenda.routes["GET /api/slots/s2/motif"] = (200, motif_answer())
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS, "creneau_choisi": CARDS[0], "deja_consulte": True},
                           text="le 2", intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert "deja_consulte" not in agenda.requests[0].url.params
    assert slot_events(events)["deja_consulte"] is False
    assert dispatcher.messages[-1]["deja_consulte"] == "non"


async def test_said_already_consulted_with_the_pick_counts_for_that_practitioner(agenda, dispatcher):
    agenda.routes["GET /api/slots/s2/motif"] = (200, motif_answer())
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS, "deja_consulte": True}, text="le 2, il le connaît déjà",
                           intent="choisir_creneau", entities=[{"entity": "deja_consulte", "value": True}])
    await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert agenda.requests[0].url.params["deja_consulte"] == "true"


async def test_the_slot_shown_pointed_back_at_the_summary_is_a_yes(agenda, dispatcher):
    """« parfait, on garde celui-là » at the summary was « je n'ai pas compris quel créneau »."""
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS, "creneau_choisi": CARDS[1], "etape": "confirmation"},
                           text="parfait, on garde celui-là", intent="choisir_creneau")
    events = await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["action_book"] and agenda.requests == []
    assert dispatcher.messages == []


async def test_pointing_back_before_any_slot_is_chosen_asks_again(agenda, dispatcher):
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS}, text="on garde celui-là", intent="choisir_creneau")
    await select_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_choix_incompris"]
