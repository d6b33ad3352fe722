from actions.booking import ActionBook
from tests.actions.conftest import (
    DOMAIN,
    NOW,
    PATIENT,
    agenda_card,
    agenda_slot,
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
    # Who books is not the action's to say: the agenda reads it from the conversation it is told it serves.
    assert "regulator" not in sent and agenda.requests[-1].headers["X-SAS-Conversation"] == "regulateur-1"
    assert responses(dispatcher) == ["utter_confirmation"]
    confirmation = dispatcher.messages[0]
    assert confirmation["reference"] == "SAS-7K2M9Q" and confirmation["avertissement"].startswith("⚠")
    assert slot_events(events) == {"rendez_vous": {"id": "42", "reference": "SAS-7K2M9Q"}, "etape": "reserve"}


async def test_a_retry_after_a_timeout_sends_the_same_key(agenda, dispatcher):
    agenda.routes["POST /api/appointments"] = (504, {})
    assert await book_action(agenda).run(dispatcher, make_tracker(READY), DOMAIN) == []
    assert responses(dispatcher) == ["utter_agenda_indisponible"]
    agenda.routes["POST /api/appointments"] = (200, appointment_answer())
    await book_action(agenda).run(dispatcher, make_tracker(READY), DOMAIN)
    assert agenda.sent_json(0)["idempotency_key"] == agenda.sent_json(1)["idempotency_key"]


async def test_slot_taken_offers_the_next_slots_and_keeps_the_patient(agenda, dispatcher):
    agenda.routes["POST /api/appointments"] = (409, {"error": "creneau_indisponible"})
    agenda.routes["GET /api/search"] = (200, search_answer([agenda_slot("s2", 11)]))
    events = await book_action(agenda).run(dispatcher, make_tracker(READY), DOMAIN)
    assert responses(dispatcher) == ["utter_creneau_pris", "utter_creneaux"]
    state = slot_events(events)
    assert state["creneau_choisi"] is None and state["etape"] == "choix"
    assert not set(PATIENT) & set(state)


async def test_refused_by_the_agenda_names_the_fields(agenda, dispatcher):
    agenda.routes["POST /api/appointments"] = (422, {"errors": {"telephone": "Numéro invalide."}})
    assert await book_action(agenda).run(dispatcher, make_tracker(READY), DOMAIN) == []
    assert dispatcher.messages[0]["detail"] == "Numéro invalide."


async def test_nothing_to_confirm_without_a_chosen_slot(agenda, dispatcher):
    await book_action(agenda).run(dispatcher, make_tracker(PATIENT), DOMAIN)
    assert responses(dispatcher) == ["utter_rien_a_confirmer"] and agenda.requests == []
