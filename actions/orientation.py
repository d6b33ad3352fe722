"""No dead end: when nothing is free, the patient may be oriented "en surnuméraire" to a nearby SAS participant
who accepts patients beyond their slots. It is recorded by the agenda, no slot is reserved, and the practitioner
must confirm: the assistant says so plainly, and that the patient must be told."""
from __future__ import annotations

import uuid
from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.agenda_client import AgendaClient, AgendaRejected, AgendaUnavailable, get_agenda_client
from actions.agenda_errors import tell_agenda_unavailable
from actions.summary import response_text
from bot.agenda.contract import NearbyPractitioner, OrientationRequest
from bot.referral.cards import practitioner_name
from bot.referral.summary import message_to_send, missing_fields, patient_line, patient_payload

ORIENTATION_BUTTONS = [
    {"title": "Confirmer l'orientation", "payload": "/affirm"},
    {"title": "Modifier le message", "payload": "/modifier_message"},
    {"title": "Annuler", "payload": "/annuler"},
]


def nearby_card(rank: int, nearby: NearbyPractitioner) -> dict:
    address, practitioner = nearby.address, nearby.practitioner
    return {
        "rang": rank, "rpps": practitioner.rpps, "praticien": practitioner_name(practitioner), "nom": practitioner.nom,
        "specialite": practitioner.specialty.label,
        "adresse": f"{address.line}, {address.postal_code} {address.commune}".strip(", "),
        "distance_km": round(nearby.distance_km, 1),
    }


def nearby_title(rank: int, card: dict) -> str:
    distance = f'{card["distance_km"]:.1f}'.replace(".", ",")
    return f'{rank}. {card["praticien"]} — {card["specialite"]} — {card["adresse"]} ({distance} km)'


class ActionListSurnumeraires(Action):
    agenda: Callable = staticmethod(get_agenda_client)

    def name(self) -> str:
        return "action_list_surnumeraires"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        if missing_fields(tracker.current_slot_values()):
            return [FollowupAction("referral_form")]
        try:
            found = await self.agenda().serving(tracker.sender_id).surnumeraires(
                tracker.get_slot("localisation"), tracker.get_slot("specialite"))
        except AgendaUnavailable:
            tell_agenda_unavailable(dispatcher, "/orienter_surnumeraire")
            return []
        except AgendaRejected as refusal:
            dispatcher.utter_message(response="utter_recherche_refusee", detail=" ".join(refusal.errors.values()))
            return []
        cards = [nearby_card(rank, nearby) for rank, nearby in enumerate(found.practitioners, 1)]
        if not cards:
            dispatcher.utter_message(response="utter_aucun_surnumeraire", rayon=f"{found.radius_km:g}")
            return [SlotSet("surnumeraires_proposes", [])]
        dispatcher.utter_message(
            response="utter_surnumeraires", rayon=f"{found.radius_km:g}",
            buttons=[{"title": nearby_title(rank, card), "payload": f'/choisir_surnumeraire{{"rpps": "{card["rpps"]}"}}'}
                     for rank, card in enumerate(cards, 1)],
        )
        return [SlotSet("surnumeraires_proposes", cards)]


def present_orientation(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
    """The orientation's summary: who, to whom, the message, and that no slot is reserved."""
    card = tracker.get_slot("surnumeraire_choisi")
    dispatcher.utter_message(
        response="utter_resume_orientation", patient=patient_line(tracker.current_slot_values()),
        praticien=card["praticien"], adresse=card["adresse"], message=tracker.get_slot("message") or "(aucun)",
        avertissement=response_text(domain, "utter_avertissement_message"), buttons=ORIENTATION_BUTTONS,
    )
    return []


def select_surnumeraire(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict, card: dict) -> list:
    """The practitioner chosen among those accepting patients en surnuméraire: the orientation's summary."""
    events = [
        SlotSet("surnumeraire_choisi", card), SlotSet("etape", "orientation"),
        SlotSet("message", message_to_send(tracker.current_slot_values())),
        SlotSet("cle_idempotence", uuid.uuid4().hex),
    ]
    tracker.add_slots(events)
    return events + present_orientation(dispatcher, tracker, domain)


class ActionSelectSurnumeraire(Action):
    def name(self) -> str:
        return "action_select_surnumeraire"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        rpps = next((e["value"] for e in tracker.latest_message.get("entities", []) if e["entity"] == "rpps"), None)
        card = next((c for c in tracker.get_slot("surnumeraires_proposes") or [] if c["rpps"] == str(rpps)), None)
        if card is None:
            dispatcher.utter_message(response="utter_choix_incompris")
            return []
        return select_surnumeraire(dispatcher, tracker, domain, card)


async def confirm_orientation(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict,
                              agenda: AgendaClient) -> list:
    """Records the orientation confirmed at its summary (the same key never records it twice)."""
    card = tracker.get_slot("surnumeraire_choisi")
    request = OrientationRequest(rpps=card["rpps"], patient=patient_payload(tracker.current_slot_values()),
                                 message=tracker.get_slot("message") or "",
                                 idempotency_key=tracker.get_slot("cle_idempotence"))
    try:
        orientation = await agenda.orient(request)
    except AgendaUnavailable:
        tell_agenda_unavailable(dispatcher, "/affirm")
        return [SlotSet("champs_a_demander", False)]
    except AgendaRejected as refusal:
        dispatcher.utter_message(response="utter_orientation_refusee", detail=" ".join(map(str, refusal.errors.values())))
        return [SlotSet("champs_a_demander", False)]
    dispatcher.utter_message(
        response="utter_orientation_enregistree", reference=orientation.reference, praticien=card["praticien"],
        adresse=card["adresse"], avertissement=response_text(domain, "utter_avertissement_message"),
        buttons=[{"title": "Nouveau patient", "payload": "/nouveau_patient"}],
    )
    return [SlotSet("etape", "reserve"), SlotSet("champs_a_demander", False)]
