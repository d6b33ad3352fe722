"""Booking the chosen slot, idempotently, and confirming with the reference and the warning; a field the
practitioner requires and the agenda refused is asked again instead of failing."""
from __future__ import annotations

import logging
from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.agenda_client import AgendaRejected, AgendaUnavailable, SlotTaken, get_agenda_client, get_source_client
from actions.agenda_errors import tell_agenda_unavailable
from actions.external_booking import LINK_BUTTONS
from actions.orientation import confirm_orientation
from actions.search import present_search
from actions.select_slot import slot_agendas
from actions.summary import response_text
from bot.agenda.contract import AppointmentRequest
from bot.referral.cards import id_at_source
from bot.referral.choice import resolve_choice
from bot.referral.summary import patient_payload
from bot.sources.federated import get_federated_search
from bot.vocabulary import EXTRA_PATIENT_FIELDS

logger = logging.getLogger(__name__)
EXTRA_FIELDS_FORM = "extra_fields_form"


def booking_request(tracker: Tracker) -> AppointmentRequest:
    return AppointmentRequest(
        slot_id=id_at_source(tracker.get_slot("creneau_choisi")),
        motif_id=(tracker.get_slot("motif") or {}).get("id"),
        patient=patient_payload(tracker.current_slot_values()),
        message=tracker.get_slot("message") or "",
        # Drawn when the slot was chosen: a retry after a timeout never books twice.
        idempotency_key=tracker.get_slot("cle_idempotence"),
        attachment_ids=[a["id"] for a in tracker.get_slot("pieces_jointes") or []],
        deja_consulte=bool((tracker.get_slot("motif") or {}).get("deja_consulte")),
    )


def ask_refused_fields(dispatcher: CollectingDispatcher, tracker: Tracker, refusal: AgendaRejected) -> list | None:
    """The agenda requires (or refused) fields of the extra ones: say why and ask them, with the communes it
    proposes for an unknown birth place. None when another field was refused."""
    refused = [field for field in EXTRA_PATIENT_FIELDS if field in refusal.errors]
    if not refused or set(refusal.errors) - set(refused):
        return None
    dispatcher.utter_message(response="utter_champs_refuses", detail=" ".join(refusal.errors[f] for f in refused))
    required = sorted({*(tracker.get_slot("champs_requis") or []), *refused}, key=EXTRA_PATIENT_FIELDS.index)
    proposed = refusal.suggestions if "lieu_naissance" in refused else []
    return [*(SlotSet(field, None) for field in refused), SlotSet("champs_requis", required),
            SlotSet("communes_proposees", proposed or None), SlotSet("champs_a_demander", True),
            FollowupAction(EXTRA_FIELDS_FORM)]


class ActionBook(Action):
    """"oui" books the chosen slot at the agenda holding it, or records the orientation en surnuméraire being
    confirmed; a slot of a `link` source is booked by the regulator on its page, never here."""

    clock: Callable = staticmethod(clock.now)
    agenda: Callable = staticmethod(get_agenda_client)
    sources: Callable = staticmethod(get_source_client)
    search: Callable = staticmethod(get_federated_search)

    def name(self) -> str:
        return "action_book"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        agenda = self.agenda().serving(tracker.sender_id)
        if tracker.get_slot("etape") == "orientation":
            return await confirm_orientation(dispatcher, tracker, domain, agenda)
        card = tracker.get_slot("creneau_choisi")
        offered = tracker.get_slot("creneaux_proposes") or []
        if not card and offered and resolve_choice(tracker.latest_message.get("text") or "", offered):
            return [FollowupAction("action_select_slot")]  # "10h30 ok" with the slots offered: that one, chosen
        if not card:
            dispatcher.utter_message(response="utter_rien_a_confirmer")
            return [SlotSet("champs_a_demander", False)]
        if card.get("booking") == "link":
            dispatcher.utter_message(response="utter_reserver_sur_page_d_abord", buttons=LINK_BUTTONS)
            return [SlotSet("champs_a_demander", False)]
        try:
            appointment = await slot_agendas(self, tracker)(card).book(booking_request(tracker))
        except SlotTaken:
            dispatcher.utter_message(response="utter_creneau_pris")
            return [SlotSet("creneau_choisi", None), SlotSet("champs_a_demander", False),
                    *await present_search(dispatcher, tracker, 0, self.clock(), self.search())]
        except AgendaUnavailable:
            tell_agenda_unavailable(dispatcher, "/affirm")
            return [SlotSet("champs_a_demander", False)]
        except AgendaRejected as refusal:
            asked = ask_refused_fields(dispatcher, tracker, refusal)
            if asked is not None:
                return asked
            dispatcher.utter_message(response="utter_reservation_refusee", detail=" ".join(map(str, refusal.errors.values())))
            return [SlotSet("champs_a_demander", False)]
        logger.info("appointment %s booked", appointment.id)
        motif = tracker.get_slot("motif") or {}
        dispatcher.utter_message(
            response="utter_confirmation", reference=appointment.reference, praticien=card["praticien"],
            adresse=card["adresse"], quand=card["quand"], motif=motif.get("label", ""),
            avertissement=response_text(domain, "utter_avertissement_message"),
            buttons=[{"title": "Nouveau patient", "payload": "/nouveau_patient"},
                     {"title": "Annuler ce rendez-vous", "payload": "/annuler"}],
            json_message={"kind": "confirmation", "reference": appointment.reference, "creneau": card,
                          "motif": {"label": motif.get("label"), "raison": motif.get("raison")},
                          "avertissement": response_text(domain, "utter_avertissement_message")},
        )
        return [SlotSet("rendez_vous", {"id": appointment.id, "reference": appointment.reference}),
                SlotSet("etape", "reserve"), SlotSet("champs_a_demander", False)]
