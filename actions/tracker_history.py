"""Reading the conversation history of a rasa_sdk Tracker."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def value_before_last_user_turn(tracker: Tracker, slot: str, emptied_too: bool = True) -> Any:
    """The slot's value before the latest user message set anything (None if it had none); with `emptied_too`
    False, the last value it had before it, even if emptied since ("Saint-Denis", asked again as two towns bear it)."""
    events = tracker.events
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    for event in reversed(events[:last_user]):
        if event.get("event") == "slot" and event.get("name") == slot and (emptied_too or event.get("value") is not None):
            return event.get("value")
        if event.get("event") in ("reset_slots", "restart"):
            return None
    return None


def last_patient_value(tracker: Tracker, slot: str) -> Any:
    """The slot's last value in this conversation, the patient before a new one included ("même téléphone" said
    for a brother): what the assistant was told, not the agenda's."""
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == slot and event.get("value") is not None:
            return event.get("value")
        if event.get("event") == "restart":
            return None
    return None


def latest_entities(tracker: Tracker) -> set[str]:
    return {e.get("entity") for e in tracker.latest_message.get("entities", [])}


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")
