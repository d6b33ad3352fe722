"""Searching eligible slots on the agenda and offering them as buttons (and cards in the side panel)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.agenda_client import AgendaClient, AgendaRejected, AgendaUnavailable, get_agenda_client
from actions.agenda_errors import tell_agenda_unavailable
from actions.summary import present_summary
from actions.tracker_history import latest_intent
from bot.referral.cards import card_title, slot_card
from bot.referral.fields import SEARCH_CRITERIA
from bot.referral.summary import missing_fields
from bot.referral.window import search_window
from bot.settings import get_settings
from bot.vocabulary import DEFAULT_MODE

PAGE = 5
CHANGE_CRITERIA_BUTTONS = [
    {"title": "Élargir à 72 h", "payload": '/inform{"urgence": 72}'},
    {"title": "En vidéo", "payload": '/inform{"type_consultation": "video"}'},
    {"title": "Changer de lieu", "payload": "/inform"},
]


def search_criteria(tracker: Tracker) -> dict[str, Any]:
    return {field: tracker.get_slot(field) for field in SEARCH_CRITERIA}


async def present_search(dispatcher: CollectingDispatcher, tracker: Tracker, offset: int, now, agenda: AgendaClient) -> list:
    """Search, offer up to five slots, and remember them so that "le 2" can be resolved later."""
    criteria = search_criteria(tracker)
    start, end = search_window(now, criteria["creneau"], criteria["urgence"])
    params = {
        "location": criteria["localisation"], "from": start.isoformat(), "to": end.isoformat(),
        "mode": criteria["type_consultation"] or DEFAULT_MODE, "specialty": criteria["specialite"],
        "limit": PAGE, "offset": offset,
    }
    try:
        result = await agenda.search(**params)
    except AgendaUnavailable:
        tell_agenda_unavailable(dispatcher, "/rechercher")
        return []
    except AgendaRejected as refusal:
        if "location" not in refusal.errors:
            dispatcher.utter_message(response="utter_recherche_refusee", detail=" ".join(refusal.errors.values()))
            return []
        dispatcher.utter_message(
            response="utter_lieu_inconnu", detail=refusal.errors["location"],
            buttons=[{"title": name, "payload": f'/inform{{"localisation": "{name}"}}'} for name in refusal.suggestions[:3]],
        )
        return [SlotSet("localisation", None)]

    cards = [slot_card(slot, get_settings().timezone) for slot in result.slots]
    if result.widened:
        dispatcher.utter_message(response="utter_rayon_elargi", rayon=f"{result.radius_km:g}")
    if result.window_widened:
        dispatcher.utter_message(response="utter_fenetre_elargie")
    if not cards:
        dispatcher.utter_message(
            response="utter_aucun_creneau_suite" if offset else "utter_aucun_creneau",
            rayon=f"{result.radius_km:g}", buttons=CHANGE_CRITERIA_BUTTONS,
        )
        return [SlotSet("etape", "choix"), SlotSet("creneaux_proposes", []), SlotSet("criteres_recherche", criteria)]
    buttons = [{"title": card_title(rank, card), "payload": card["payload"]} for rank, card in enumerate(cards, 1)]
    if result.total > offset + len(cards):
        buttons.append({"title": "Autres créneaux", "payload": "/autres_creneaux"})
    dispatcher.utter_message(
        response="utter_creneaux", buttons=buttons,
        json_message={"kind": "creneaux", "creneaux": cards, "radius_km": result.radius_km,
                      "widened": result.widened, "window_widened": result.window_widened},
    )
    return [
        SlotSet("etape", "choix"), SlotSet("creneaux_proposes", cards), SlotSet("recherche_offset", offset),
        SlotSet("criteres_recherche", criteria), SlotSet("creneau_choisi", None),
    ]


class ActionSearchSlots(Action):
    """"autres créneaux" shows the next page; "rechercher" (a retry) starts again from the first."""

    clock: Callable = staticmethod(clock.now)
    agenda: Callable = staticmethod(get_agenda_client)

    def name(self) -> str:
        return "action_search_slots"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        if missing_fields(tracker.current_slot_values()):
            return [FollowupAction("referral_form")]  # asked to search before the details are complete: ask them
        offset = int(tracker.get_slot("recherche_offset") or 0) + PAGE if latest_intent(tracker) == "autres_creneaux" else 0
        return await present_search(dispatcher, tracker, offset, self.clock(), self.agenda().serving(tracker.sender_id))


class ActionContinueReferral(Action):
    """Once the details are complete: show the summary again if a slot is chosen and the criteria did not
    change (a correction), otherwise search."""

    clock: Callable = staticmethod(clock.now)
    agenda: Callable = staticmethod(get_agenda_client)

    def name(self) -> str:
        return "action_continue_referral"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        if tracker.get_slot("creneau_choisi") and tracker.get_slot("criteres_recherche") == search_criteria(tracker):
            return present_summary(dispatcher, tracker, domain)
        return await present_search(dispatcher, tracker, 0, self.clock(), self.agenda().serving(tracker.sender_id))
