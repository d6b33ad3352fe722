"""Slots of `link` sources: the regulator books them on that agenda's own page, with the patient block the
assistant prepared; when they say it is booked, the home agenda records the orientation (no reference: the other
agenda holds the booking)."""
from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.agenda_client import AgendaRejected, AgendaUnavailable, get_agenda_client
from actions.agenda_errors import tell_agenda_unavailable
from actions.summary import response_text
from bot.agenda.contract import ExternalBookingRequest
from bot.nlu.text import fold
from bot.referral.cards import id_at_source
from bot.referral.external import patient_block
from bot.referral.summary import message_to_send
from bot.sources.config import get_sources

logger = logging.getLogger(__name__)
BOOKED = "/reservation_faite"
LINK_BUTTONS = [
    {"title": "C'est réservé", "payload": BOOKED},
    {"title": "Choisir un autre créneau", "payload": "/rechercher"},
]


def source_label(name: str | None) -> str:
    """The agenda as the regulator knows it (the sources file's label)."""
    return next((source.label for source in get_sources() if source.name == name), name or "")


def present_link(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict, card: dict) -> list:
    """The booking page, the motif to pick there, the patient block to copy, the warning on the message."""
    if not card.get("page"):
        dispatcher.utter_message(response="utter_creneau_sans_page")
        return [SlotSet("creneau_id", None), SlotSet("champs_a_demander", False)]
    same_card = (tracker.get_slot("creneau_choisi") or {}).get("id") == card["id"]
    message = message_to_send(tracker.current_slot_values())
    block = patient_block(tracker.current_slot_values(), message)
    motif = card.get("motif_suggere") or response_text(domain, "utter_motif_a_choisir")
    warning = response_text(domain, "utter_avertissement_message")
    agenda = source_label(card.get("source"))
    dispatcher.utter_message(
        response="utter_reserver_sur_page", agenda=agenda, page=card["page"], praticien=card["praticien"],
        quand=card["quand"], adresse=card["adresse"], motif=motif, patient=block, avertissement=warning,
        buttons=LINK_BUTTONS,
        json_message={"kind": "lien", "agenda": agenda, "page": card["page"], "creneau": card, "motif": motif,
                      "bloc_patient": block, "avertissement": warning},
    )
    return [
        SlotSet("creneau_id", None), SlotSet("creneau_choisi", card), SlotSet("motif", None),
        SlotSet("champs_requis", []), SlotSet("message", message), SlotSet("etape", "lien"),
        # Drawn once per slot: « c'est réservé » said twice records one orientation.
        SlotSet("cle_idempotence", tracker.get_slot("cle_idempotence") if same_card else uuid.uuid4().hex),
        SlotSet("champs_a_demander", False),
    ]


def external_booking_request(tracker: Tracker) -> ExternalBookingRequest:
    card = tracker.get_slot("creneau_choisi")
    return ExternalBookingRequest(source=card["source"], slot_id=id_at_source(card), rpps=card["rpps"],
                                  start=card["debut"], booking_page=card["page"],
                                  idempotency_key=tracker.get_slot("cle_idempotence"))


# The verb in the infinitive or the imperative asks for the booking (« vous pouvez réserver », « réservez »);
# its participle says it is done (« c'est réservé »), which only a slot booked on its own page can be.
ASKS_TO_BOOK = re.compile(r"\b(?:reserver|reservez|validez|valider|confirmez|confirmer)\b")
SAYS_BOOKED = re.compile(r"\b(?:reservee?s?|prise?s?|faite?s?|bookee?s?|enregistree?s?|cale|calee)\b")


class ActionRecordExternalBooking(Action):
    """« C'est réservé »: the slot offered on its agenda's page was booked there; recorded by the home agenda."""

    agenda: Callable = staticmethod(get_agenda_client)
    label: Callable = staticmethod(source_label)

    def name(self) -> str:
        return "action_record_external_booking"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        card = tracker.get_slot("creneau_choisi")
        said = fold(tracker.latest_message.get("text") or "")
        if tracker.get_slot("etape") == "confirmation" and card and card.get("booking") != "link" \
                and (ASKS_TO_BOOK.search(said) or not SAYS_BOOKED.search(said)):
            # « c'est bon vous pouvez réserver », « voilà c'est bon » at the summary: a yes, nothing booked elsewhere
            return [FollowupAction("action_book")]
        if tracker.get_slot("etape") != "lien" or not card:
            dispatcher.utter_message(response="utter_rien_a_confirmer")
            return []
        try:
            booked = await self.agenda().serving(tracker.sender_id).record_external_booking(
                external_booking_request(tracker))
        except AgendaUnavailable:
            tell_agenda_unavailable(dispatcher, BOOKED)
            return []
        except AgendaRejected as refusal:
            dispatcher.utter_message(response="utter_reservation_externe_refusee",
                                     detail=" ".join(map(str, refusal.errors.values())))
            return []
        logger.info("external booking %s recorded", booked.id)
        dispatcher.utter_message(
            response="utter_reservation_externe_enregistree", agenda=self.label(card["source"]),
            praticien=card["praticien"], quand=card["quand"], adresse=card["adresse"],
            buttons=[{"title": "Nouveau patient", "payload": "/nouveau_patient"}],
        )
        return [SlotSet("etape", "reserve"), SlotSet("creneau_choisi", None)]  # nothing left to confirm
