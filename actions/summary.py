"""The summary shown before booking, with the funnel's warning about the message to the practitioner."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.referral.fields import PATIENT_FIELDS
from bot.referral.summary import display_values, patient_line

SUMMARY_BUTTONS = [
    {"title": "Confirmer la réservation", "payload": "/affirm"},
    {"title": "Modifier le message", "payload": "/modifier_message"},
    {"title": "Autres créneaux", "payload": "/autres_creneaux"},
    {"title": "Annuler", "payload": "/annuler"},
]


def response_text(domain: dict, name: str) -> str:
    """The text of a domain response, for the side panel's rich rendering of the same message."""
    return domain.get("responses", {}).get(name, [{}])[0].get("text", "")


def present_summary(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
    card = tracker.get_slot("creneau_choisi")
    motif = tracker.get_slot("motif") or {}
    message = tracker.get_slot("message") or ""
    attachments = [a.get("filename") or a["id"] for a in tracker.get_slot("pieces_jointes") or []]
    dispatcher.utter_message(
        response="utter_resume",
        patient=patient_line(tracker.current_slot_values()),
        praticien=card["praticien"], adresse=card["adresse"], quand=card["quand"],
        motif=motif.get("label", ""), message=message or "(aucun)",
        pieces=", ".join(attachments) or "aucune",
        avertissement=response_text(domain, "utter_avertissement_message"),
        buttons=SUMMARY_BUTTONS,
        json_message={
            "kind": "resume", "patient": {field: tracker.get_slot(field) for field in PATIENT_FIELDS},
            "affichage": display_values(tracker.current_slot_values()),
            "creneau": card, "motif": {"label": motif.get("label"), "raison": motif.get("raison")},
            "message": message, "pieces_jointes": attachments,
            "avertissement": response_text(domain, "utter_avertissement_message"),
        },
    )
    return []
