"""The regulator picks an offered slot: the agenda chooses the motif (for a patient who knows the practitioner
when they do), the message is drafted; then the fields this practitioner also requires are asked, or the summary
is shown."""
from __future__ import annotations

import uuid
from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.agenda_client import (
    AgendaClient,
    AgendaRejected,
    AgendaUnavailable,
    get_agenda_client,
    get_source_client,
    slot_agenda,
)
from actions.agenda_errors import tell_agenda_unavailable
from actions.external_booking import present_link
from actions.orientation import select_surnumeraire
from actions.summary import present_summary
from actions.tracker_history import asked_which_of_several
from bot.referral.cards import id_at_source
from bot.referral.choice import points_back, practitioners_if_rank_beyond, resolve_choice, several_fit
from bot.referral.extra_fields import fields_to_ask
from bot.referral.known_doctor import is_their_slot
from bot.referral.summary import message_to_send, patient_payload
from bot.vocabulary import PATIENT_FIELDS


def already_consulted(tracker: Tracker, card: dict) -> bool:
    """What the regulator said ("il l'a déjà consulté", or the summary's button), else whether the slot is the
    médecin traitant's (or a doctor the patient knows)."""
    said = tracker.get_slot("deja_consulte")
    return bool(said) if said is not None else is_their_slot(card, tracker.get_slot("medecin_traitant"))


def said_in_latest_message(tracker: Tracker, entity: str) -> bool:
    return any(e.get("entity") == entity for e in tracker.latest_message.get("entities", []))


async def choose_motif(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict, card: dict,
                       agenda_of: Callable[[dict], AgendaClient]) -> list:
    """Ask the agenda holding `card` (`agenda_of(card)`) for its motif, then ask the first required field still
    missing (the extra fields form follows, by a rule on `champs_a_demander`) or show the summary."""
    known = already_consulted(tracker, card)
    try:
        choice = await agenda_of(card).motif_for(id_at_source(card), patient_payload(tracker.current_slot_values()),
                                                 card["mode"], tracker.get_slot("symptomes"), deja_consulte=known)
    except AgendaUnavailable:
        tell_agenda_unavailable(dispatcher, card["payload"])
        return [SlotSet("creneau_id", None), SlotSet("champs_a_demander", False)]
    except AgendaRejected:
        dispatcher.utter_message(response="utter_creneau_sans_motif")
        return [SlotSet("creneau_id", None), SlotSet("champs_a_demander", False)]
    motif = {**choice.motif.dict(), "raison": choice.reason, "deja_consulte": known}
    dispatcher.utter_message(response="utter_motif_choisi", raison=motif["raison"])
    same_card = (tracker.get_slot("creneau_choisi") or {}).get("id") == card["id"]
    events = [
        SlotSet("creneau_id", None), SlotSet("creneau_choisi", card), SlotSet("motif", motif),
        SlotSet("deja_consulte", known), SlotSet("champs_requis", list(choice.required_fields)),
        SlotSet("message", message_to_send(tracker.current_slot_values())),
        # Drawn once per slot: a retry after a timeout never books twice.
        SlotSet("cle_idempotence", tracker.get_slot("cle_idempotence") if same_card else uuid.uuid4().hex),
        SlotSet("etape", "confirmation"),
    ]
    tracker.add_slots(events)
    to_ask = fields_to_ask(choice.required_fields, tracker.current_slot_values())
    if to_ask:
        dispatcher.utter_message(response="utter_champs_requis",
                                 champs=", ".join(PATIENT_FIELDS[field].lower() for field in to_ask))
        # The rules follow with the form after a pick; after a correction at the summary nothing does: say it.
        return [*events, SlotSet("champs_a_demander", True), FollowupAction("extra_fields_form")]
    return [*events, SlotSet("champs_a_demander", False), *present_summary(dispatcher, tracker, domain)]


def slot_agendas(action: Action, tracker: Tracker) -> Callable[[dict], AgendaClient]:
    """The agenda of a card, for an action with a home `agenda` and per-source `sources` factories."""
    return lambda card: slot_agenda(card, action.agenda().serving(tracker.sender_id), action.sources,
                                    tracker.sender_id)


class ActionSelectSlot(Action):
    """A slot of an `api` source: its motif, then the summary; of a `link` source: its booking page to use."""

    agenda: Callable = staticmethod(get_agenda_client)
    sources: Callable = staticmethod(get_source_client)

    def name(self) -> str:
        return "action_select_slot"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        cards = tracker.get_slot("creneaux_proposes") or []
        text = tracker.latest_message.get("text") or ""
        nearby = tracker.get_slot("surnumeraires_proposes") or []
        if not cards and nearby and not tracker.get_slot("creneau_id"):
            # "le 1", "le Dr Chauvin" after the list of practitioners accepting patients en surnuméraire
            chosen = resolve_choice(text, nearby)
            if chosen:
                return select_surnumeraire(dispatcher, tracker, domain, chosen)
        card = resolve_choice(text, cards, tracker.get_slot("creneau_id"))
        before = asked_which_of_several(tracker, "utter_choix_ambigu")
        if before and (both := resolve_choice(f"{before} {text}", cards)):
            card = both  # "celui de 14h30", two doctors have it, then "Dr Barbe": his 14:30, not his first slot
        if card is None and tracker.get_slot("etape") == "confirmation" and tracker.get_slot("creneau_choisi") \
                and points_back(text, cards):
            return [FollowupAction("action_book")]  # "parfait, on garde celui-là" at the summary: the slot shown, a yes
        if card is None:
            offered = practitioners_if_rank_beyond(text, cards)  # "le 3" when two are listed
            fitting = several_fit(text, cards)
            if fitting:
                dispatcher.utter_message(response="utter_choix_ambigu",
                                         choix=" ou ".join(f"{c['praticien']} ({c['quand']})" for c in fitting),
                                         buttons=[{"title": f"{c['praticien']}, {c['quand']}", "payload": c["payload"]}
                                                  for c in fitting])
            elif offered:  # "le deuxième" when one is listed
                dispatcher.utter_message(response="utter_rang_hors_liste" if offered > 1 else "utter_un_seul_praticien",
                                         nombre=offered)
            else:
                dispatcher.utter_message(response="utter_choix_incompris" if cards else "utter_pas_de_creneau_propose")
            return [SlotSet("creneau_id", None), SlotSet("champs_a_demander", False)]
        events = []
        if (tracker.get_slot("creneau_choisi") or {}).get("id") != card["id"] \
                and not said_in_latest_message(tracker, "deja_consulte"):
            events = [SlotSet("deja_consulte", None)]  # said of another practitioner
            tracker.add_slots(events)
        if card.get("booking") == "link":
            return events + present_link(dispatcher, tracker, domain, card)
        return events + await choose_motif(dispatcher, tracker, domain, card, slot_agendas(self, tracker))
