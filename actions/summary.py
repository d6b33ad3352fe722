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


def already_consulted_button(card: dict, known: bool) -> dict:
    """The funnel's "Avez-vous déjà consulté ce praticien ?", answered the other way: the motif is chosen again."""
    answer = "false" if known else "true"
    return {"title": "Patient jamais vu par ce praticien" if known else "Patient déjà connu de ce praticien",
            "payload": f'/choisir_creneau{{"creneau_id": "{card["id"]}", "deja_consulte": {answer}}}'}


def present_summary(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
    card = tracker.get_slot("creneau_choisi")
    motif = tracker.get_slot("motif") or {}
    known = bool(motif.get("deja_consulte"))
    message = tracker.get_slot("message") or ""
    attachments = [a.get("filename") or a["id"] for a in tracker.get_slot("pieces_jointes") or []]
    dispatcher.utter_message(
        response="utter_resume",
        patient=patient_line(tracker.current_slot_values()),
        praticien=card["praticien"], adresse=card["adresse"], quand=card["quand"],
        motif=motif.get("label", ""), message=message or "(aucun)",
        pieces=", ".join(attachments) or "aucune", deja_consulte="oui" if known else "non",
        avertissement=response_text(domain, "utter_avertissement_message"),
        buttons=[*SUMMARY_BUTTONS[:2], already_consulted_button(card, known), *SUMMARY_BUTTONS[2:]],
        json_message={
            "kind": "resume", "patient": {field: tracker.get_slot(field) for field in PATIENT_FIELDS},
            "affichage": display_values(tracker.current_slot_values()),
            "creneau": card, "motif": {"label": motif.get("label"), "raison": motif.get("raison")},
            "deja_consulte": known, "message": message, "pieces_jointes": attachments,
            "avertissement": response_text(domain, "utter_avertissement_message"),
        },
    )
    return []
