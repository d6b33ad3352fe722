"""Starting over: cancel the referral (or the booking just made), start a new patient."""
from __future__ import annotations

import logging
from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet

from actions.agenda_client import AgendaError, AgendaUnavailable, get_agenda_client
from actions.agenda_errors import tell_agenda_unavailable

logger = logging.getLogger(__name__)


class ActionCancel(Action):
    """"annuler" cancels the booking just made when there is one, otherwise the referral in progress."""

    agenda: Callable = staticmethod(get_agenda_client)

    def name(self) -> str:
        return "action_cancel"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        booked = tracker.get_slot("rendez_vous")
        if not booked:
            dispatcher.utter_message(response="utter_adressage_annule")
            return [AllSlotsReset()]
        try:
            await self.agenda().serving(tracker.sender_id).cancel(booked["id"])
        except AgendaUnavailable:
            tell_agenda_unavailable(dispatcher, "/annuler")
            return []
        except AgendaError:
            dispatcher.utter_message(response="utter_annulation_impossible", reference=booked["reference"])
            return []
        logger.info("appointment %s cancelled", booked["id"])
        dispatcher.utter_message(response="utter_rdv_annule", reference=booked["reference"])
        # The patient's details stay: the regulator may book another slot for the same patient.
        return [SlotSet("rendez_vous", None), SlotSet("creneau_choisi", None), SlotSet("etape", "collecte")]


class ActionNewPatient(Action):
    def name(self) -> str:
        return "action_new_patient"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        dispatcher.utter_message(response="utter_nouveau_patient")
        return [AllSlotsReset()]
