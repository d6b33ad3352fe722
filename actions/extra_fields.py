"""The fields a practitioner (or a motif) requires on top of the mandatory ones, asked one at a time after the
pick, with the validation of the rest of the form; the birth place as the funnel takes it (a commune, or abroad)."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from actions.patient_validation import NOT_ANSWERS, ValidateReferralForm
from actions.tracker_history import latest_intent
from bot.nlu import fields as parse
from bot.referral.extra_fields import birth_place, says_not_known
from bot.vocabulary import BORN_ABROAD, EXTRA_PATIENT_FIELDS, PATIENT_FIELDS

BORN_IN_FRANCE = {"title": "Né(e) en France : indiquez la ville", "payload": '/inform{"lieu_naissance": "France"}'}
BORN_ABROAD_BUTTON = {"title": "Né(e) à l'étranger", "payload": f'/inform{{"lieu_naissance": "{BORN_ABROAD}"}}'}


class ValidateExtraFieldsForm(ValidateReferralForm):
    """Asks only what the chosen slot requires and is still missing: a field given earlier, or required by
    another practitioner only, is never asked."""

    def name(self) -> str:
        return "validate_extra_fields_form"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> list:
        asked = tracker.get_slot(REQUESTED_SLOT)
        if asked in EXTRA_PATIENT_FIELDS and latest_intent(tracker) not in NOT_ANSWERS \
                and says_not_known(tracker.latest_message.get("text") or ""):
            return without_this_practitioner(dispatcher, tracker, asked)
        return await super().run(dispatcher, tracker, domain)

    async def required_slots(self, domain_slots, dispatcher, tracker: Tracker, domain: DomainDict) -> list[str]:
        # Every required field, given or not: the form asks only the empty ones, and rasa_sdk validates only the
        # slots listed here, after the extraction (listing the missing ones only dropped the answer just read).
        required = tracker.get_slot("champs_requis") or []
        return [field for field in EXTRA_PATIENT_FIELDS if field in required]

    async def get_validation_events(self, dispatcher, tracker: Tracker, domain: DomainDict) -> list:
        # rasa_sdk returns only this form's fields: also pass on a referral field given back by the extraction (the
        # NLU read "Rennes" as where the patient is; it was the birth place) or set by this turn's message.
        events = await super().get_validation_events(dispatcher, tracker, domain)
        others = {slot: value for slot, value in tracker.slots_to_validate().items()
                  if slot not in EXTRA_PATIENT_FIELDS and slot != REQUESTED_SLOT}
        return [*events, *(SlotSet(slot, value) for slot, value in others.items())]

    def _bare_answer(self, field: str, text: str, tracker: Tracker) -> Any:
        if field == "civilite":
            return parse.parse_civilite(text)
        if field == "email":
            return parse.parse_email(text)
        if field == "lieu_naissance":  # a yes or a no answers something else: no commune is called "oui"
            return None if latest_intent(tracker) in ("affirm", "deny") else birth_place(text)
        return super()._bare_answer(field, text, tracker)

    async def extract_civilite(self, dispatcher, tracker, domain: DomainDict):
        return self._extract_requested("civilite", dispatcher, tracker)

    async def extract_email(self, dispatcher, tracker, domain: DomainDict):
        return self._extract_requested("email", dispatcher, tracker)

    async def extract_lieu_naissance(self, dispatcher, tracker, domain: DomainDict):
        return self._extract_requested("lieu_naissance", dispatcher, tracker)


def without_this_practitioner(dispatcher: CollectingDispatcher, tracker: Tracker, field: str) -> list:
    """The regulator cannot give a field the chosen practitioner requires: the slot is dropped and the form ends,
    so that the search offers again, without the practitioners who require that field (actions/search.py)."""
    chosen = tracker.get_slot("creneau_choisi") or {}
    dispatcher.utter_message(response="utter_champ_inconnu", champ=PATIENT_FIELDS[field].lower(),
                             praticien=chosen.get("praticien") or "ce praticien")
    unknown = sorted({*(tracker.get_slot("champs_inconnus") or []), field}, key=EXTRA_PATIENT_FIELDS.index)
    set_aside = [*(tracker.get_slot("praticiens_ecartes") or []), *([chosen["rpps"]] if chosen.get("rpps") else [])]
    return [SlotSet("champs_inconnus", unknown), SlotSet("praticiens_ecartes", set_aside), SlotSet("creneau_choisi", None),
            SlotSet("motif", None), SlotSet("champs_requis", []), SlotSet(field, None), SlotSet(REQUESTED_SLOT, None)]


class ActionAskLieuNaissance(Action):
    """The birth place question with the funnel's two choices; after "Né(e) en France", the commune alone; after
    a commune the agenda does not know, the close ones it proposed."""

    def name(self) -> str:
        return "action_ask_lieu_naissance"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> list:
        proposed = tracker.get_slot("communes_proposees") or []
        france = any(e.get("entity") == "lieu_naissance" and e.get("value") == "France"
                     for e in tracker.latest_message.get("entities", []))
        if proposed:
            buttons = [{"title": name, "payload": f'/inform{{"lieu_naissance": "{name}"}}'} for name in proposed[:4]]
            dispatcher.utter_message(response="utter_ask_lieu_naissance_proches", buttons=[*buttons, BORN_ABROAD_BUTTON])
        elif france:
            dispatcher.utter_message(response="utter_ask_commune_naissance")
        else:
            dispatcher.utter_message(response="utter_ask_lieu_naissance", buttons=[BORN_IN_FRANCE, BORN_ABROAD_BUTTON])
        return []
