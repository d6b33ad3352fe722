from actions.booking import ActionBook
from tests.actions.conftest import (
    DOMAIN,
    NOW,
    PATIENT,
    agenda_card,
    agenda_offer,
    appointment_answer,
    make_tracker,
    responses,
    search_answer,
    slot_events,
)

CARD = agenda_card("s1", 9)
READY = {**PATIENT, "localisation": "Lyon", "creneau_choisi": CARD, "etape": "confirmation",
         "motif": {"id": "m1", "label": "Soins non programmés", "raison": "proposé"}, "message": "Le patient ...",
         "cle_idempotence": "k" * 32, "pieces_jointes": [{"id": "pj1", "filename": "ordonnance.pdf"}]}


def book_action(agenda):
    action = ActionBook()
    action.agenda = agenda.client
    action.clock = lambda: NOW
    return action


async def test_books_with_the_idempotency_key_and_confirms_with_the_warning(agenda, dispatcher):
    agenda.routes["POST /api/appointments"] = (201, appointment_answer())
    events = await book_action(agenda).run(dispatcher, make_tracker(READY, text="oui", intent="affirm"), DOMAIN)
    sent = agenda.sent_json()
    assert sent["slot_id"] == "s1" and sent["motif_id"] == "m1" and sent["idempotency_key"] == "k" * 32
    assert sent["patient"] == PATIENT and sent["attachment_ids"] == ["pj1"] and sent["message"] == "Le patient ..."
    assert sent["deja_consulte"] is False
    # Who books is not the action's to say: the agenda reads it from the conversation it is told it serves.
    assert "regulator" not in sent and agenda.requests[-1].headers["X-SAS-Conversation"] == "regulateur-1"
    assert responses(dispatcher) == ["utter_confirmation"]
    confirmation = dispatcher.messages[0]
    assert confirmation["reference"] == "SAS-7K2M9Q" and confirmation["avertissement"].startswith("⚠")
    assert slot_events(events) == {"rendez_vous": {"id": "42", "reference": "SAS-7K2M9Q"}, "etape": "reserve",
                                   "champs_a_demander": False}


async def test_a_retry_after_a_timeout_sends_the_same_key(agenda, dispatcher):
    agenda.routes["POST /api/appointments"] = (504, {})
    assert slot_events(await book_action(agenda).run(dispatcher, make_tracker(READY), DOMAIN)) == {
        "champs_a_demander": False}
    assert responses(dispatcher) == ["utter_agenda_indisponible"]
    agenda.routes["POST /api/appointments"] = (200, appointment_answer())
    await book_action(agenda).run(dispatcher, make_tracker(READY), DOMAIN)
    assert agenda.sent_json(0)["idempotency_key"] == agenda.sent_json(1)["idempotency_key"]


async def test_slot_taken_offers_the_next_slots_and_keeps_the_patient(agenda, dispatcher, searched):
    agenda.routes["POST /api/appointments"] = (409, {"error": "creneau_indisponible"})
    searched.answer = search_answer([agenda_offer("Nguyen", 11)])
    action = book_action(agenda)
    action.search = lambda: searched
    events = await action.run(dispatcher, make_tracker(READY), DOMAIN)
    assert responses(dispatcher) == ["utter_creneau_pris", "utter_creneaux"]
    state = slot_events(events)
    assert state["creneau_choisi"] is None and state["etape"] == "choix" and state["champs_a_demander"] is False
    assert not set(PATIENT) & set(state)


async def test_refused_by_the_agenda_names_the_fields(agenda, dispatcher):
    agenda.routes["POST /api/appointments"] = (422, {"errors": {"telephone": "Numéro invalide."}})
    events = await book_action(agenda).run(dispatcher, make_tracker(READY), DOMAIN)
    assert slot_events(events) == {"champs_a_demander": False} and responses(dispatcher) == ["utter_reservation_refusee"]
    assert dispatcher.messages[0]["detail"] == "Numéro invalide."


async def test_nothing_to_confirm_without_a_chosen_slot(agenda, dispatcher):
    await book_action(agenda).run(dispatcher, make_tracker(PATIENT), DOMAIN)
    assert responses(dispatcher) == ["utter_rien_a_confirmer"] and agenda.requests == []


async def test_a_yes_naming_an_offered_slot_chooses_it_first(agenda, dispatcher):
    offered = {**PATIENT, "creneaux_proposes": [agenda_card("s1", 9, "Thomas"), agenda_card("s2", 14, "Nguyen")]}
    events = await book_action(agenda).run(dispatcher, make_tracker(offered, text="14h30 ok", intent="affirm"), DOMAIN)
    assert [e.get("name") for e in events if e["event"] == "followup"] == ["action_select_slot"]
    assert responses(dispatcher) == [] and agenda.requests == []
    await book_action(agenda).run(dispatcher, make_tracker(offered, text="ok", intent="affirm"), DOMAIN)
    assert responses(dispatcher) == ["utter_rien_a_confirmer"]  # no slot named: nothing chosen


async def test_a_known_patient_is_booked_as_such(agenda, dispatcher):
    agenda.routes["POST /api/appointments"] = (201, appointment_answer())
    known = {**READY, "motif": {**READY["motif"], "deja_consulte": True}}
    await book_action(agenda).run(dispatcher, make_tracker(known), DOMAIN)
    assert agenda.sent_json()["deja_consulte"] is True


async def test_a_field_the_practitioner_requires_refused_by_the_agenda_is_asked_instead_of_failing(agenda, dispatcher):
    agenda.routes["POST /api/appointments"] = (422, {"errors": {"email": "Champ obligatoire pour ce praticien : email."}})
    events = await book_action(agenda).run(dispatcher, make_tracker({**READY, "champs_requis": ["civilite"]}), DOMAIN)
    assert responses(dispatcher) == ["utter_champs_refuses"]
    assert dispatcher.messages[0]["detail"] == "Champ obligatoire pour ce praticien : email."
    state = slot_events(events)
    assert state["champs_requis"] == ["civilite", "email"] and state["champs_a_demander"] is True
    assert state["email"] is None and state["communes_proposees"] is None
    assert [e["name"] for e in events if e["event"] == "followup"] == ["extra_fields_form"]


async def test_an_unknown_birth_commune_is_asked_again_with_the_agendas_close_names(agenda, dispatcher):
    agenda.routes["POST /api/appointments"] = (422, {"errors": {"lieu_naissance": "Commune inconnue : « Renes »."},
                                                     "suggestions": ["Rennes", "Reims"]})
    tracker = make_tracker({**READY, "lieu_naissance": "Renes", "champs_requis": ["lieu_naissance"]})
    state = slot_events(await book_action(agenda).run(dispatcher, tracker, DOMAIN))
    assert state["lieu_naissance"] is None and state["communes_proposees"] == ["Rennes", "Reims"]
    assert state["champs_a_demander"] is True
