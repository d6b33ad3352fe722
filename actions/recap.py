"""What the assistant understood so far, shown before it asks for what is missing."""
from __future__ import annotations

import re
from datetime import datetime

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet

from actions.tracker_history import latest_entities
from bot.nlu.free_text import IMPLIED_CIVILITY
from bot.nlu.text import fold
from bot.referral.choice import resolve_choice
from bot.referral.fields import NEED_FIELDS, PATIENT_FIELDS, SAME_AS_THE_LAST
from bot.referral.summary import need_line, patient_line, recap_payload

REFERRAL_STATE = ("creneaux_proposes", "recherche_offset", "criteres_recherche", "creneau_choisi", "motif", "message",
                  "cle_idempotence", "rendez_vous", "pieces_jointes", "refus", "medecin_traitant", "deja_consulte",
                  "champs_requis", "champs_inconnus", "praticiens_ecartes", "communes_proposees", "rayon_km",
                  "surnumeraires_proposes", "surnumeraire_choisi")


class ActionRecap(Action):
    def name(self) -> str:
        return "action_recap"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        if picks_an_offered_hour(tracker):
            # "mettez-la à 14h" while slots are offered: the 14:00 one, not a new wanted time to search
            searched = (tracker.get_slot("criteres_recherche") or {}).get("creneau")
            return [SlotSet("creneau", searched), FollowupAction("action_select_slot")]
        events: list = []
        if tracker.get_slot("etape") == "reserve":
            # After a booking, a new description is a new patient: keep only what this message gave, and what it says
            # is the same as the last patient's ("même téléphone, même adresse").
            text = tracker.latest_message.get("text") or ""
            given = latest_entities(tracker) | {f for f, same in SAME_AS_THE_LAST.items() if same.search(text)}
            given |= {"civilite"} if IMPLIED_CIVILITY in given else set()  # "et son grand frère Noé, né le …"
            events = [SlotSet(f, None) for f in (*PATIENT_FIELDS, *NEED_FIELDS, *REFERRAL_STATE) if f not in given]
            events.append(SlotSet("etape", "collecte"))
            tracker.add_slots(events)
        slots = tracker.current_slot_values()
        patient, need = patient_line(slots), need_line(slots)
        if patient or need:  # only what is known: "besoin : à domicile", no "patient : —"
            noted = " · ".join(f"{label} : {line}" for label, line in (("patient", patient), ("besoin", need)) if line)
            dispatcher.utter_message(response="utter_recap", noted=noted, json_message=recap_payload(slots))
        else:
            dispatcher.utter_message(response="utter_debut_adressage")
        return events


_AN_HOUR = re.compile(r"(?:a|pour|vers|de)?\s*\d{1,2}\s*h\s*(?:\d{2})?")


def picks_an_offered_hour(tracker: Tracker) -> bool:
    """While slots are offered, a message whose only detail is an hour names the offered slot at that hour, when
    exactly one is and the hour is said alone ("à 14h") or with the day of that slot ("8h45 demain c'est bon")."""
    entities = tracker.latest_message.get("entities", [])
    if tracker.get_slot("etape") != "choix" or [e.get("entity") for e in entities] != ["creneau"]:
        return False
    text = tracker.latest_message.get("text") or ""
    card = resolve_choice(text, tracker.get_slot("creneaux_proposes") or [])
    if card is None or entities[0].get("start") is None:
        return False
    said, window = text[entities[0]["start"]:entities[0]["end"]], entities[0].get("value") or {}
    if _AN_HOUR.fullmatch(fold(said).strip()):
        return True
    if not (window.get("start") and window.get("end")):
        return False
    return datetime.fromisoformat(window["start"]) <= datetime.fromisoformat(card["debut"]) \
        < datetime.fromisoformat(window["end"])
