"""Starting over: cancel the referral (or the booking just made), start a new patient."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, FollowupAction, SlotSet

from actions.agenda_client import AgendaError, AgendaUnavailable, get_agenda_client
from actions.agenda_errors import tell_agenda_unavailable
from bot.nlu.text import fold
from bot.referral.fields import NEED_FIELDS, PATIENT_FIELDS

logger = logging.getLogger(__name__)


_MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
# The 15 (SAMU), the 18, the 112, an emergency department, the patient's own doctor, no need any more: the patient
# leaves the SAS way ("le 15 jours" is none)
_ELSEWHERE = re.compile(rf"\b(?:au|le|du)\s+(?:15|quinze|18|dix-huit|112)\b"
                        rf"(?!\s*(?:j\b|jours?|h\b|heures?|min|ans?|km|{_MONTHS}))|\b(?:samu|smur|urgences|pompiers)\b"
                        r"|\b(?:medecin traitant|son medecin|sos medecins?|plus besoin|plus la peine)\b"
                        r"|\ba (?:deja )?(?:eu )?(?:un )?(?:rdv|rendez-vous)\b")


def cared_for_elsewhere(text: str) -> bool:
    """The patient is seen elsewhere or no longer needs it ("on va plutôt passer au quinze", "il a rdv chez son
    médecin traitant demain"): no other slot to offer."""
    return bool(_ELSEWHERE.search(fold(text)))


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
        if cared_for_elsewhere(tracker.latest_message.get("text") or ""):
            # "on passe au 15, il faut annuler", "son médecin traitant peut la voir": the referral ends with the booking
            dispatcher.utter_message(response="utter_adressage_annule")
            return [AllSlotsReset()]
        # Otherwise the patient's details stay: the regulator may book another slot for the same patient.
        dispatcher.utter_message(response="utter_infos_conservees")
        return [SlotSet("rendez_vous", None), SlotSet("creneau_choisi", None), SlotSet("etape", "collecte")]


def nothing_in_progress(tracker: Tracker) -> bool:
    """No patient, need or booking noted yet: the conversation is at its start (or just started over)."""
    return not any(tracker.get_slot(name) for name in (*PATIENT_FIELDS, *NEED_FIELDS, "creneau_choisi", "rendez_vous"))


class ActionNewPatient(Action):
    """"nouveau patient" forgets the patient in progress; with none ("j'ai un patient pour vous" as a first
    message), the referral starts: its form asks the first question, for a regulator who answers only when asked."""

    def name(self) -> str:
        return "action_new_patient"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        if nothing_in_progress(tracker):
            dispatcher.utter_message(response="utter_a_vous_ecouter")
            return [FollowupAction("referral_form")]
        dispatcher.utter_message(response="utter_nouveau_patient")
        return [AllSlotsReset()]


class ActionGreet(Action):
    """A greeting opens the referral when nothing is in progress: the invitation to describe the patient, then the
    form's first question."""

    def name(self) -> str:
        return "action_greet"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        dispatcher.utter_message(response="utter_greet")
        return [FollowupAction("referral_form")] if nothing_in_progress(tracker) else []
