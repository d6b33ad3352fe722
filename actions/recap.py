"""What the assistant understood so far, shown before it asks for what is missing."""
from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet

from actions.tracker_history import latest_entities
from bot.referral.fields import NEED_FIELDS, PATIENT_FIELDS
from bot.referral.summary import need_line, patient_line, recap_payload

REFERRAL_STATE = ("creneaux_proposes", "recherche_offset", "criteres_recherche", "creneau_choisi", "motif", "message",
                  "cle_idempotence", "rendez_vous", "pieces_jointes", "refus", "medecin_traitant", "deja_consulte",
                  "champs_requis", "communes_proposees", "rayon_km", "surnumeraires_proposes", "surnumeraire_choisi")


class ActionRecap(Action):
    def name(self) -> str:
        return "action_recap"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        events: list = []
        if tracker.get_slot("etape") == "reserve":
            # After a booking, a new description is a new patient: keep only what this message gave.
            given = latest_entities(tracker)
            events = [SlotSet(f, None) for f in (*PATIENT_FIELDS, *NEED_FIELDS, *REFERRAL_STATE) if f not in given]
            events.append(SlotSet("etape", "collecte"))
            tracker.add_slots(events)
        slots = tracker.current_slot_values()
        patient, need = patient_line(slots), need_line(slots)
        if patient or need:
            dispatcher.utter_message(response="utter_recap", patient=patient or "—", besoin=need or "—",
                                     json_message=recap_payload(slots))
        else:
            dispatcher.utter_message(response="utter_debut_adressage")
        return events
