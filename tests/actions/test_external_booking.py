"""Slots of other agendas: an `api` source's slot has its motif chosen and is booked there, with its id there; a
`link` source's slot is booked by the regulator on its page, then recorded by the home agenda."""
import pytest

from actions.booking import ActionBook
from actions.external_booking import ActionRecordExternalBooking
from actions.select_slot import ActionSelectSlot
from bot.agenda.contract import Slot
from bot.referral.cards import slot_card
from tests.actions.conftest import (
    DOMAIN,
    PATIENT,
    FakeAgenda,
    agenda_card,
    agenda_slot,
    appointment_answer,
    make_tracker,
    responses,
    slot_events,
)

PAGE = "https://rdv.autre-agenda.fr/creneau/42"


def source_card(slot_id: str, hour: int, booking: str, source: str = "autre", page: str | None = PAGE) -> dict:
    slot = {**agenda_slot(f"{source}:{slot_id}", hour), "source": source, "source_slot_id": slot_id,
            "booking": booking, "booking_page": page}
    return slot_card(Slot.parse_obj(slot), "Europe/Paris")


LINK = source_card("42", 9, "link")
API = source_card("7", 14, "api")
CARDS = [{**card, "rang": rank} for rank, card in enumerate([LINK, API, agenda_card("s1", 16, "Nguyen")], 1)]


def with_agendas(action, home: FakeAgenda, other: FakeAgenda, asked: list | None = None):
    """The action with its home agenda and every source answered by `other` (the names asked kept in `asked`)."""
    action.agenda = home.client
    action.sources = lambda name: (asked.append(name) if asked is not None else None) or other.client()
    return action


async def test_a_slot_of_an_api_source_has_its_motif_chosen_there_with_its_id_there(agenda, dispatcher):
    other, asked = FakeAgenda(), []
    other.routes["GET /api/slots/7/motif"] = (200, {"motif": {"id": "m1", "label": "Soins non programmés", "snp": True},
                                                    "reason": "proposé sur ce créneau."})
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS}, text="le 2", intent="choisir_creneau")
    events = await with_agendas(ActionSelectSlot(), agenda, other, asked).run(dispatcher, tracker, DOMAIN)
    assert agenda.requests == [] and asked == ["autre"] and len(other.requests) == 1
    assert other.requests[0].headers["X-SAS-Conversation"] == "regulateur-1"
    assert responses(dispatcher) == ["utter_motif_choisi", "utter_resume"]
    assert slot_events(events)["creneau_choisi"]["id"] == "autre:7"


async def test_a_slot_of_an_api_source_is_booked_there_with_its_id_there(agenda, dispatcher):
    other = FakeAgenda()
    other.routes["POST /api/appointments"] = (201, appointment_answer())
    ready = {**PATIENT, "creneau_choisi": API, "etape": "confirmation", "cle_idempotence": "k" * 32,
             "motif": {"id": "m1", "label": "Soins non programmés"}}
    events = await with_agendas(ActionBook(), agenda, other).run(dispatcher, make_tracker(ready, intent="affirm"), DOMAIN)
    assert agenda.requests == [] and other.sent_json()["slot_id"] == "7"
    assert other.sent_json()["idempotency_key"] == "k" * 32
    assert responses(dispatcher) == ["utter_confirmation"] and slot_events(events)["etape"] == "reserve"


async def test_a_slot_of_a_link_source_gives_its_page_the_motif_and_the_patient_block_without_any_call(agenda, dispatcher):
    other = FakeAgenda()
    slots = {**PATIENT, "symptomes": "fièvre depuis 3 jours", "creneaux_proposes": CARDS}
    tracker = make_tracker(slots, text="le 1", intent="choisir_creneau")
    events = await with_agendas(ActionSelectSlot(), agenda, other).run(dispatcher, tracker, DOMAIN)
    assert agenda.requests == [] and other.requests == []  # no motif asked, nothing booked by the assistant
    [message] = dispatcher.messages
    assert message["response"] == "utter_reserver_sur_page" and message["page"] == PAGE
    assert message["agenda"] == "autre" and message["motif"] == "Soins non programmés"  # an unknown name said as is
    assert message["patient"].splitlines()[0] == "Civilité : Madame"
    assert message["patient"].splitlines()[-1] == "Message : La patiente présente les symptômes suivants : fièvre depuis 3 jours"
    assert "Téléphone : 06 45 37 26 53" in message["patient"] and message["avertissement"].startswith("⚠")
    assert [b["title"] for b in message["buttons"]] == ["C'est réservé", "Choisir un autre créneau"]
    panel = message["custom"]
    assert panel["kind"] == "lien" and panel["page"] == PAGE and panel["bloc_patient"] == message["patient"]
    state = slot_events(events)
    assert state["etape"] == "lien" and state["creneau_choisi"]["id"] == "autre:42" and state["motif"] is None
    assert state["champs_a_demander"] is False and len(state["cle_idempotence"]) == 32


async def test_the_same_link_slot_picked_again_keeps_its_key(agenda, dispatcher):
    tracker = make_tracker({**PATIENT, "creneaux_proposes": CARDS, "creneau_choisi": LINK, "cle_idempotence": "k" * 32},
                           text="le 1", intent="choisir_creneau")
    events = await with_agendas(ActionSelectSlot(), agenda, FakeAgenda()).run(dispatcher, tracker, DOMAIN)
    assert slot_events(events)["cle_idempotence"] == "k" * 32


async def test_a_link_slot_without_a_web_page_is_not_offered_to_book(agenda, dispatcher):
    card = source_card("43", 10, "link", page="javascript:alert(1)")
    tracker = make_tracker({**PATIENT, "creneaux_proposes": [card]}, text="le 1", intent="choisir_creneau")
    events = await with_agendas(ActionSelectSlot(), agenda, FakeAgenda()).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_creneau_sans_page"] and "creneau_choisi" not in slot_events(events)


async def test_a_yes_on_a_link_slot_books_nothing_and_says_where_to_book(agenda, dispatcher):
    other = FakeAgenda()
    tracker = make_tracker({**PATIENT, "creneau_choisi": LINK, "etape": "lien"}, text="oui", intent="affirm")
    events = await with_agendas(ActionBook(), agenda, other).run(dispatcher, tracker, DOMAIN)
    assert agenda.requests == [] and other.requests == []
    assert responses(dispatcher) == ["utter_reserver_sur_page_d_abord"] and slot_events(events) == {"champs_a_demander": False}


def external_answer() -> dict:
    return {"id": "e1", "source": "autre", "slot_id": "42", "rpps": "10001234567", "start": LINK["debut"],
            "booking_page": PAGE, "regulator": "regulateur-1", "created_at": "2026-11-25T10:00:00+01:00"}


def record_action(agenda: FakeAgenda) -> ActionRecordExternalBooking:
    action = ActionRecordExternalBooking()
    action.agenda = agenda.client
    action.label = {"autre": "Autre Agenda"}.get
    return action


async def test_booked_on_the_page_is_recorded_by_the_home_agenda_and_said_to_live_there(agenda, dispatcher):
    agenda.routes["POST /api/orientations/externes"] = (201, external_answer())
    tracker = make_tracker({**PATIENT, "creneau_choisi": LINK, "etape": "lien", "cle_idempotence": "k" * 32},
                           text="c'est réservé", intent="reservation_faite")
    events = await record_action(agenda).run(dispatcher, tracker, DOMAIN)
    sent = agenda.sent_json()
    assert sent == {"source": "autre", "slot_id": "42", "rpps": "10001234567", "start": LINK["debut"],
                    "booking_page": PAGE, "idempotency_key": "k" * 32}
    assert "patient" not in sent and agenda.requests[0].headers["X-SAS-Conversation"] == "regulateur-1"
    [message] = dispatcher.messages
    assert message["response"] == "utter_reservation_externe_enregistree" and message["agenda"] == "Autre Agenda"
    assert "reference" not in message  # none is invented: the other agenda holds the booking
    assert slot_events(events) == {"etape": "reserve", "creneau_choisi": None}


async def test_recording_retried_after_the_agenda_was_down_sends_the_same_key(agenda, dispatcher):
    agenda.routes["POST /api/orientations/externes"] = (503, {})
    slots = {**PATIENT, "creneau_choisi": LINK, "etape": "lien", "cle_idempotence": "k" * 32}
    assert await record_action(agenda).run(dispatcher, make_tracker(slots), DOMAIN) == []
    assert responses(dispatcher) == ["utter_agenda_indisponible"]
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/reservation_faite"
    agenda.routes["POST /api/orientations/externes"] = (201, external_answer())
    await record_action(agenda).run(dispatcher, make_tracker(slots), DOMAIN)
    assert agenda.sent_json(0)["idempotency_key"] == agenda.sent_json(1)["idempotency_key"] == "k" * 32


async def test_booked_said_with_no_link_slot_chosen_records_nothing(agenda, dispatcher):
    tracker = make_tracker({**PATIENT, "creneau_choisi": API, "etape": "confirmation"}, text="c'est réservé",
                           intent="reservation_faite")
    assert await record_action(agenda).run(dispatcher, tracker, DOMAIN) == []
    assert agenda.requests == [] and responses(dispatcher) == ["utter_rien_a_confirmer"]


@pytest.mark.parametrize("said", ["c'est bon vous pouvez réserver", "ok réservez", "on peut valider", "voilà c'est bon"])
async def test_asked_to_book_at_the_summary_of_a_slot_booked_here_books_it(agenda, dispatcher, said):
    """Read as « c'est réservé », the verb in the infinitive or the imperative asks for the booking, and with no word
    of a booking made, « voilà c'est bon » approves: a yes."""
    tracker = make_tracker({**PATIENT, "creneau_choisi": API, "etape": "confirmation"}, text=said,
                           intent="reservation_faite")
    events = await record_action(agenda).run(dispatcher, tracker, DOMAIN)
    assert [e["name"] for e in events if e["event"] == "followup"] == ["action_book"] and agenda.requests == []
