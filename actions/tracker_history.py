"""Reading the conversation history of a rasa_sdk Tracker."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def _latest_user_message(events: list[dict]) -> int:
    """The index of the latest user message among the events (past the end when there is none)."""
    return max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))


def value_before_last_user_turn(tracker: Tracker, slot: str, emptied_too: bool = True) -> Any:
    """The slot's value before the latest user message set anything (None if it had none); with `emptied_too`
    False, the last value it had before it, even if emptied since ("Saint-Denis", asked again as two towns bear it)."""
    events = tracker.events
    last_user = _latest_user_message(events)
    for event in reversed(events[:last_user]):
        if event.get("event") == "slot" and event.get("name") == slot and (emptied_too or event.get("value") is not None):
            return event.get("value")
        if event.get("event") in ("reset_slots", "restart"):
            return None
    return None


def civility_said_before(tracker: Tracker) -> bool:
    """The civility known was said ("Mme", a button), not implied ("son papa", "née"): the latest earlier message giving
    one gave it as the entity civilite rather than genre, for the patient at hand (not the one booked since)."""
    events = tracker.events
    last_user = _latest_user_message(events)
    for event in reversed(events[:last_user]):
        if event.get("event") in ("reset_slots", "restart") \
                or event.get("event") == "slot" and event.get("name") == "etape" and event.get("value") == "reserve":
            return False
        given = {e.get("entity") for e in (event.get("parse_data") or {}).get("entities", [])} \
            if event.get("event") == "user" else set()
        if "civilite" in given:
            return True
        if "genre" in given:
            return False
    return True  # set otherwise (a correction by an action): kept as said


def emptied_this_turn(tracker: Tracker, slot: str) -> bool:
    """An action emptied the slot since the latest user message (a new patient after a booking)."""
    events = tracker.events
    last_user = _latest_user_message(events)
    return any(e.get("event") == "slot" and e.get("name") == slot and e.get("value") is None
               for e in events[last_user + 1:])


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


def asked_which_of_several(tracker: Tracker, response: str,
                           since: tuple[str, ...] = ("utter_creneaux", "utter_resume")) -> str | None:
    """The user message answered by `response` since the slots were offered or one was chosen (`since`) ("celui de
    16h", answered « Plusieurs praticiens proposent ce créneau », then maybe a correction): what the latest message
    completes; None when the assistant did not ask so since."""
    events = tracker.events
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    for k in range(len(users) - 1, 0, -1):
        said = [(e.get("metadata") or {}).get("utter_action") for e in events[users[k - 1] + 1:users[k]]
                if e.get("event") == "bot"]
        if response in said:
            return events[users[k - 1]].get("text")
        if set(since) & set(said):
            return None
    return None

