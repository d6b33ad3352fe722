"""The regulator picks an offered slot: the agenda chooses the motif, the message is drafted, the summary shown."""
from __future__ import annotations

import uuid
from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet

from actions.agenda_client import AgendaRejected, AgendaUnavailable, get_agenda_client
from actions.agenda_errors import tell_agenda_unavailable
from actions.summary import present_summary
from bot.referral.choice import resolve_choice
from bot.referral.summary import draft_message, patient_payload


class ActionSelectSlot(Action):
    agenda: Callable = staticmethod(get_agenda_client)

    def name(self) -> str:
        return "action_select_slot"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        cards = tracker.get_slot("creneaux_proposes") or []
        card = resolve_choice(tracker.latest_message.get("text") or "", cards, tracker.get_slot("creneau_id"))
        if card is None:
            dispatcher.utter_message(response="utter_choix_incompris" if cards else "utter_pas_de_creneau_propose")
            return [SlotSet("creneau_id", None)]
        try:
            choice = await self.agenda().serving(tracker.sender_id).motif_for(
                card["id"], patient_payload(tracker.current_slot_values()), card["mode"], tracker.get_slot("symptomes"))
        except AgendaUnavailable:
            tell_agenda_unavailable(dispatcher, card["payload"])
            return [SlotSet("creneau_id", None)]
        except AgendaRejected:
            dispatcher.utter_message(response="utter_creneau_sans_motif")
            return [SlotSet("creneau_id", None)]
        motif = {**choice.motif.dict(), "raison": choice.reason}
        dispatcher.utter_message(response="utter_motif_choisi", raison=motif["raison"])
        events = [
            SlotSet("creneau_id", None), SlotSet("creneau_choisi", card), SlotSet("motif", motif),
            SlotSet("message", tracker.get_slot("message") or draft_message(tracker.get_slot("symptomes"))),
            SlotSet("cle_idempotence", uuid.uuid4().hex), SlotSet("etape", "confirmation"),
        ]
        tracker.add_slots(events)
        return events + present_summary(dispatcher, tracker, domain)
