import pytest

from actions.lifecycle import ActionCancel, ActionGreet, ActionNewPatient, cared_for_elsewhere
from tests.actions.conftest import DOMAIN, PATIENT, appointment_answer, make_tracker, responses, slot_events


def cancel_action(agenda):
    action = ActionCancel()
    action.agenda = agenda.client
    return action


async def test_cancel_without_a_booking_clears_the_referral(agenda, dispatcher):
    events = await cancel_action(agenda).run(dispatcher, make_tracker(PATIENT, intent="annuler"), DOMAIN)
    assert [e["event"] for e in events] == ["reset_slots"] and agenda.requests == []
    assert responses(dispatcher) == ["utter_adressage_annule"]


async def test_cancel_after_a_booking_cancels_it_on_the_agenda_and_keeps_the_patient(agenda, dispatcher):
    agenda.routes["POST /api/appointments/42/cancel"] = (200, appointment_answer(status="cancelled"))
    tracker = make_tracker({**PATIENT, "rendez_vous": {"id": "42", "reference": "SAS-1"}, "etape": "reserve"})
    events = await cancel_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert slot_events(events) == {"rendez_vous": None, "creneau_choisi": None, "etape": "collecte"}
    assert responses(dispatcher) == ["utter_rdv_annule", "utter_infos_conservees"] \
        and dispatcher.messages[0]["reference"] == "SAS-1"


async def test_a_booking_cancelled_because_the_patient_is_seen_elsewhere_ends_the_referral(agenda, dispatcher):
    agenda.routes["POST /api/appointments/42/cancel"] = (200, appointment_answer(status="cancelled"))
    tracker = make_tracker({**PATIENT, "rendez_vous": {"id": "42", "reference": "SAS-1"}, "etape": "reserve"},
                           text="finalement elle fait un malaise, je la bascule au SAMU, annulez le rdv", intent="annuler")
    events = await cancel_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert [e["event"] for e in events] == ["reset_slots"] and agenda.requests[0].url.path.endswith("/42/cancel")
    assert responses(dispatcher) == ["utter_rdv_annule", "utter_adressage_annule"]


@pytest.mark.parametrize("text, elsewhere", [
    ("on va plutôt passer au quinze, annulez", True), ("je le transfère au 15", True), ("direction les urgences", True),
    ("annulez, on reprendra un rdv dans le 15 jours", False), ("annulez, elle revient le 15 décembre", False),
    ("annulez svp", False), ("annulez, finalement ce n'est pas une urgence", False),
    ("son médecin traitant peut la voir cet après-midi, annulez", True), ("annulez, elle préfère un autre créneau", False),
])
def test_what_says_the_patient_is_cared_for_elsewhere(text, elsewhere):
    assert cared_for_elsewhere(text) is elsewhere


async def test_cancel_while_the_agenda_is_down_keeps_the_booking_known(agenda, dispatcher):
    agenda.routes["POST /api/appointments/42/cancel"] = (502, {})
    tracker = make_tracker({"rendez_vous": {"id": "42", "reference": "SAS-1"}})
    assert await cancel_action(agenda).run(dispatcher, tracker, DOMAIN) == []
    assert responses(dispatcher) == ["utter_agenda_indisponible"]


async def test_new_patient_clears_everything(dispatcher):
    events = await ActionNewPatient().run(dispatcher, make_tracker(PATIENT), DOMAIN)
    assert [e["event"] for e in events] == ["reset_slots"] and responses(dispatcher) == ["utter_nouveau_patient"]


async def test_a_patient_announced_with_nothing_in_progress_starts_the_form(dispatcher):
    # "j'ai un patient pour vous" as a first message: nothing to forget, the referral's first question follows
    events = await ActionNewPatient().run(dispatcher, make_tracker({"etape": "collecte"}), DOMAIN)
    assert events == [{"event": "followup", "timestamp": None, "name": "referral_form"}]
    assert responses(dispatcher) == ["utter_a_vous_ecouter"]


@pytest.mark.parametrize("slots", [{"localisation": "Lyon"}, {"rendez_vous": {"id": "42", "reference": "SAS-1"}},
                                   {"symptomes": "toux"}])
async def test_a_new_patient_after_anything_noted_forgets_it_and_asks_nothing(dispatcher, slots):
    events = await ActionNewPatient().run(dispatcher, make_tracker(slots), DOMAIN)
    assert [e["event"] for e in events] == ["reset_slots"] and responses(dispatcher) == ["utter_nouveau_patient"]


async def test_a_greeting_at_the_start_asks_the_first_question(dispatcher):
    events = await ActionGreet().run(dispatcher, make_tracker({"etape": "collecte"}, intent="greet"), DOMAIN)
    assert [e["event"] for e in events] == ["followup"] and responses(dispatcher) == ["utter_greet"]


async def test_a_greeting_in_the_middle_of_a_referral_only_greets(dispatcher):
    events = await ActionGreet().run(dispatcher, make_tracker(PATIENT, intent="greet"), DOMAIN)
    assert events == [] and responses(dispatcher) == ["utter_greet"]
