from actions.attachments import ActionAttach
from actions.message import ActionEditMessage, ValidateMessageForm
from tests.actions.conftest import DOMAIN, make_tracker, responses, slot_events


async def test_attach_records_the_file_name_from_the_agenda(agenda, dispatcher):
    agenda.routes["GET /api/attachments/pj1"] = (
        200, {"id": "pj1", "filename": "ordonnance.pdf", "content_type": "application/pdf", "size": 12})
    action = ActionAttach()
    action.agenda = agenda.client
    events = await action.run(dispatcher, make_tracker({"piece_jointe": "pj1"}, intent="joindre_piece"), DOMAIN)
    assert slot_events(events)["pieces_jointes"] == [{"id": "pj1", "filename": "ordonnance.pdf"}]
    assert dispatcher.messages[0]["fichier"] == "ordonnance.pdf"


async def test_attach_unknown_file_says_so(agenda, dispatcher):
    action = ActionAttach()
    action.agenda = agenda.client
    events = await action.run(dispatcher, make_tracker({"piece_jointe": "nope"}), DOMAIN)
    assert responses(dispatcher) == ["utter_piece_jointe_absente"] and "pieces_jointes" not in slot_events(events)


async def test_attach_asked_in_words_says_how(agenda, dispatcher):
    action = ActionAttach()
    action.agenda = agenda.client
    events = await action.run(dispatcher, make_tracker({}, intent="joindre_piece"), DOMAIN)
    assert responses(dispatcher) == ["utter_faq/pieces_jointes", "utter_piece_jointe_comment"] and events == []


async def test_edit_message_keeps_the_previous_one_for_inchange(dispatcher):
    events = slot_events(await ActionEditMessage().run(dispatcher, make_tracker({"message": "Le patient ..."}), DOMAIN))
    assert events == {"message_precedent": "Le patient ...", "message": None}
    tracker = make_tracker({"message_precedent": "Le patient ..."})
    assert ValidateMessageForm().validate_message("inchangé", dispatcher, tracker, DOMAIN) == {"message": "Le patient ..."}


def test_new_message_is_kept_as_written_and_empty_is_refused(dispatcher):
    validator, tracker = ValidateMessageForm(), make_tracker({})
    assert validator.validate_message(" Toux depuis 5 jours. ", dispatcher, tracker, DOMAIN) == {
        "message": "Toux depuis 5 jours."}
    assert validator.validate_message("   ", dispatcher, tracker, DOMAIN) == {"message": None}
    assert responses(dispatcher) == ["utter_invalid_message"]
