"""The regulator rewrites the message to the practitioner."""
from __future__ import annotations

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet

MAX_MESSAGE_LENGTH = 2000


class ActionEditMessage(Action):
    """Empties the message so that the message form asks for the new one."""

    def name(self) -> str:
        return "action_edit_message"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        return [SlotSet("message_precedent", tracker.get_slot("message")), SlotSet("message", None)]


class ValidateMessageForm(FormValidationAction):
    def name(self) -> str:
        return "validate_message_form"

    def validate_message(self, value, dispatcher, tracker: Tracker, domain) -> dict:
        text = (value or "").strip()
        if text.lower() in ("inchangé", "inchange", "garder", "pareil", "identique"):
            return {"message": tracker.get_slot("message_precedent") or ""}
        if not text or len(text) > MAX_MESSAGE_LENGTH:
            dispatcher.utter_message(response="utter_invalid_message")
            return {"message": None}
        return {"message": text}
