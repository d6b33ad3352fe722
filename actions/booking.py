"""Booking the chosen slot, idempotently, and confirming with the reference and the warning."""
from __future__ import annotations

import logging
from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet

from actions import clock
from actions.agenda_client import AgendaRejected, AgendaUnavailable, SlotTaken, get_agenda_client
from actions.agenda_errors import tell_agenda_unavailable
from actions.search import present_search
from actions.summary import response_text
from bot.agenda.contract import AppointmentRequest
from bot.referral.summary import patient_payload

logger = logging.getLogger(__name__)


def booking_request(tracker: Tracker) -> AppointmentRequest:
    return AppointmentRequest(
        slot_id=tracker.get_slot("creneau_choisi")["id"],
        motif_id=(tracker.get_slot("motif") or {}).get("id"),
        patient=patient_payload(tracker.current_slot_values()),
        message=tracker.get_slot("message") or "",
        # Drawn when the slot was chosen: a retry after a timeout never books twice.
        idempotency_key=tracker.get_slot("cle_idempotence"),
        attachment_ids=[a["id"] for a in tracker.get_slot("pieces_jointes") or []],
    )


class ActionBook(Action):
    clock: Callable = staticmethod(clock.now)
    agenda: Callable = staticmethod(get_agenda_client)

    def name(self) -> str:
        return "action_book"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        card = tracker.get_slot("creneau_choisi")
        if not card:
            dispatcher.utter_message(response="utter_rien_a_confirmer")
            return []
        agenda = self.agenda().serving(tracker.sender_id)
        try:
            appointment = await agenda.book(booking_request(tracker))
        except SlotTaken:
            dispatcher.utter_message(response="utter_creneau_pris")
            return [SlotSet("creneau_choisi", None)] + await present_search(dispatcher, tracker, 0, self.clock(), agenda)
        except AgendaUnavailable:
            tell_agenda_unavailable(dispatcher, "/affirm")
            return []
        except AgendaRejected as refusal:
            dispatcher.utter_message(response="utter_reservation_refusee", detail=" ".join(map(str, refusal.errors.values())))
            return []
        logger.info("appointment %s booked", appointment.id)
        motif = tracker.get_slot("motif") or {}
        dispatcher.utter_message(
            response="utter_confirmation", reference=appointment.reference, praticien=card["praticien"],
            adresse=card["adresse"], quand=card["quand"], motif=motif.get("label", ""),
            avertissement=response_text(domain, "utter_avertissement_message"),
            buttons=[{"title": "Nouveau patient", "payload": "/nouveau_patient"},
                     {"title": "Annuler ce rendez-vous", "payload": "/annuler"}],
            json_message={"kind": "confirmation", "reference": appointment.reference, "creneau": card,
                          "motif": {"label": motif.get("label"), "raison": motif.get("raison")},
                          "avertissement": response_text(domain, "utter_avertissement_message")},
        )
        return [SlotSet("rendez_vous", {"id": appointment.id, "reference": appointment.reference}),
                SlotSet("etape", "reserve")]
