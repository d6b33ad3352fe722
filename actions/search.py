"""Searching every source (bot.sources) and offering their practitioners, each with their next times as buttons (and one card each
in the side panel); when nothing is free even widened, the ways out (vidéo, délai, rayon, surnuméraire)."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.agenda_client import get_agenda_client, get_source_client
from actions.agenda_errors import tell_agenda_unavailable
from actions.external_booking import present_link
from actions.orientation import present_orientation
from actions.select_slot import already_consulted, choose_motif, slot_agendas
from actions.summary import present_summary
from actions.tracker_history import latest_intent
from bot.agenda import geo
from bot.agenda.contract import SearchResult
from bot.agenda.search import NATIONWIDE_KM
from bot.agenda.specialties import UnknownSpecialty
from bot.nlu.text import fold
from bot.phone_plans import overseas_departement
from bot.referral.cards import day_words, offer_entry, offer_line, time_button_title
from bot.referral.extra_fields import bookable_without
from bot.referral.fields import SEARCH_CRITERIA
from bot.referral.known_doctor import search_param
from bot.referral.summary import delay_words, missing_fields
from bot.referral.window import same_hours_later, search_window
from bot.settings import get_settings
from bot.sources.federated import FederatedSearch, SourcesUnavailable, UnknownLocation, get_federated_search
from bot.vocabulary import DEFAULT_MODE, MAX_SEARCH_RADIUS_KM

HOME_VISIT_ROUND_KM = 30  # farther than a practitioner's usual round of home visits

PAGE = 5  # practitioners a page, as SAS shows them
TIMES_PER_PRACTITIONER = 4
# "Élargir le délai": a week, or two when the agenda already looked at the next 7 days.
WIDER_DELAYS_HOURS = (7 * 24, 14 * 24)
RADIUS_FACTOR = 2  # "Élargir le rayon": twice the radius the agenda searched


def search_criteria(tracker: Tracker) -> dict[str, Any]:
    criteria = {field: tracker.get_slot(field) for field in SEARCH_CRITERIA}
    if criteria["localisation"]:
        criteria["localisation"] = place_near_the_phone(criteria["localisation"], tracker.get_slot("telephone"))
    return criteria


def place_near_the_phone(said: str, phone: str | None) -> str:
    """« lamentin » with a Martinique number: Le Lamentin (972), not Lamentin (971). A commune bearing the name said in
    the overseas département the patient's number belongs to is the one meant, when the name alone finds another or
    several (« Saint-Denis » with a 0262 number)."""
    departement = overseas_departement(phone) if phone else None
    if departement is None or geo.departement_said(said):
        return said
    try:
        alone = geo.geocode(said)
    except geo.AmbiguousPlace:  # « Saint-Denis » with a Réunion number: no question to ask
        alone = None
    except geo.UnknownPlace:
        return said
    try:
        there = geo.geocode(f"{said} {departement}")
    except geo.UnknownPlace:
        return said
    if alone is not None and alone.departement == departement or there.departement != departement \
            or there.precision != "commune" or _without_article(there.commune) != _without_article(said):
        return said
    return there.label


def _without_article(name: str) -> str:
    return re.sub(r"^(?:le|la|les|l) ", "", geo.normalize_name(name).replace("'", " "))


async def present_search(dispatcher: CollectingDispatcher, tracker: Tracker, offset: int, now,
                         search: FederatedSearch) -> list:
    """Search every source, offer up to five practitioners with their next times, and remember the cards so that
    "le 2", "le Dr Thomas" or "celui de 14h30" can be resolved later."""
    criteria = search_criteria(tracker)
    start, end = search_window(now, criteria["creneau"], criteria["urgence"])

    async def search_for(specialty: str | None, start=start, end=end):
        return await search.search(
            location=criteria["localisation"], start=start, end=end, mode=criteria["type_consultation"] or DEFAULT_MODE,
            specialty=specialty, limit=PAGE, offset=offset, per_practitioner=TIMES_PER_PRACTITIONER,
            medecin_traitant=search_param(criteria["medecin_traitant"]),
            radius_km=tracker.get_slot("rayon_km"),  # only once the regulator asked to widen it
        )

    fell_back: list = []
    try:
        result = await search_for(criteria["specialite"])
        otherwise = tracker.get_slot("specialite_sinon")
        if not result.offers and otherwise and otherwise != criteria["specialite"]:
            # "un psychiatre ou à défaut un MG": the fallback the regulator gave, said as such, now the specialty
            dispatcher.utter_message(response="utter_specialite_sinon", specialite=criteria["specialite"],
                                     sinon=otherwise)
            criteria["specialite"] = otherwise
            fell_back = [SlotSet("specialite", otherwise), SlotSet("specialite_sinon", None)]
            result = await search_for(otherwise)
        same_hours = None
        if result.window_widened:  # nothing at the wished hours: the same hours on the following days first
            for day_start, day_end in same_hours_later(now, criteria["creneau"], criteria["urgence"],
                                                       ZoneInfo(get_settings().timezone)):
                later = await search_for(criteria["specialite"], day_start, day_end)
                if later.offers and not later.window_widened:
                    result, same_hours = later, day_start
                    break
    except SourcesUnavailable:
        tell_agenda_unavailable(dispatcher, "/rechercher")
        return []
    except UnknownSpecialty as unknown:
        dispatcher.utter_message(response="utter_recherche_refusee", detail=str(unknown))
        return []
    except UnknownLocation as unknown:
        dispatcher.utter_message(
            response="utter_lieu_inconnu", detail=unknown.message,
            buttons=[{"title": name, "payload": f'/inform{{"localisation": "{name}"}}'} for name in unknown.suggestions[:3]],
        )
        return [SlotSet("localisation", None)]
    tell_unanswered(dispatcher, result)

    timezone = get_settings().timezone
    # Without the fields the regulator cannot give, nor the practitioners that turned out to require them.
    unknown, set_aside = set(tracker.get_slot("champs_inconnus") or []), set(tracker.get_slot("praticiens_ecartes") or [])
    offers = [kept for offer in result.offers if (kept := bookable_without(offer, unknown, set_aside))]
    entries = [offer_entry(offer, rank, timezone) for rank, offer in enumerate(offers, offset + 1)]
    cards = [card for entry in entries for card in entry["creneaux"]]
    if result.widened and result.radius_km >= NATIONWIDE_KM:
        dispatcher.utter_message(response="utter_rayon_national")
    elif result.widened:
        dispatcher.utter_message(response="utter_rayon_elargi", rayon=f"{result.radius_km:g}")
    nearest = min((offer.distance_km for offer in offers), default=0)
    if criteria["type_consultation"] == "domicile" and nearest > HOME_VISIT_ROUND_KM:
        # The official radii widen alike for every mode; a visit from 87 km away may not be made: the regulator checks
        dispatcher.utter_message(response="utter_visite_loin", distance=f"{nearest:g}".replace(".", ","))
    if same_hours is not None and not (criteria["creneau"] or {}).get("heures"):  # one of the days said: as wished
        dispatcher.utter_message(response="utter_memes_heures", creneau=(criteria["creneau"] or {}).get("text") or "",
                                 jour=day_words(same_hours))
    elif result.window_widened:
        dispatcher.utter_message(response="utter_fenetre_elargie")
    state = [SlotSet("etape", "choix"), SlotSet("criteres_recherche", criteria), *fell_back]
    if not cards:
        buttons = ways_out(result, criteria)
        dispatcher.utter_message(response="utter_aucun_creneau_suite" if offset else "utter_aucun_creneau",
                                 rayon=f"{result.radius_km:g}", pistes=ways_out_said(buttons), buttons=buttons)
        return [*state, SlotSet("creneaux_proposes", [])]
    tell_medecin_traitant(dispatcher, result, offset)
    buttons = [{"title": time_button_title(card), "payload": card["payload"]} for card in cards]
    if result.total > offset + len(result.offers):
        buttons.append({"title": "Autres praticiens", "payload": "/autres_creneaux"})
    dispatcher.utter_message(
        # where the search was made, as the agenda understood the place: a wrong commune is seen before a pick
        response="utter_creneaux", de_lieu=of_place(result.location.label),
        offres="\n".join(offer_line(entry) for entry in entries),
        buttons=buttons,
        json_message={"kind": "praticiens", "praticiens": entries, "radius_km": result.radius_km,
                      "widened": result.widened, "window_widened": result.window_widened,
                      "medecin_traitant": result.medecin_traitant.dict() if result.medecin_traitant else None},
    )
    return [*state, SlotSet("creneaux_proposes", cards), SlotSet("recherche_offset", offset),
            SlotSet("creneau_choisi", None)]


def of_place(label: str) -> str:
    """« de » before a place as French says it: « d'Auch », « du Tampon », « des Abymes », « de La Rochelle »."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if label.startswith(article):
            return contracted + label[len(article):]
    return ("d'" if fold(label[:1]) in "aeiouyh" else "de ") + label


def tell_unanswered(dispatcher: CollectingDispatcher, result: SearchResult) -> None:
    """One line before the offer when agendas did not answer: their slots are missing from it."""
    if result.unanswered:
        names = [f"« {name} »" for name in result.unanswered]
        agendas = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} et {names[-1]}"
        dispatcher.utter_message(response="utter_agenda_sans_reponse" if len(names) == 1 else "utter_agendas_sans_reponse",
                                 agendas=agendas)


def tell_medecin_traitant(dispatcher: CollectingDispatcher, result: SearchResult, offset: int) -> None:
    """One line on the first page: the médecin traitant's slots come first, or they have none in the window."""
    doctor = result.medecin_traitant
    if doctor is None or offset:
        return
    if not doctor.found:
        dispatcher.utter_message(response="utter_medecin_traitant_inconnu", medecin=doctor.asked)
    elif doctor.has_slots:
        dispatcher.utter_message(response="utter_medecin_traitant_en_premier", medecin=doctor.name)
    else:
        dispatcher.utter_message(response="utter_medecin_traitant_sans_creneau", medecin=doctor.name)


def ways_out(result: SearchResult, criteria: dict) -> list[dict]:
    """No dead end, in this order: vidéo (unless already asked), a longer delay, a wider radius, or orient the
    patient en surnuméraire."""
    buttons = []
    if (criteria.get("type_consultation") or DEFAULT_MODE) != "video":
        buttons.append({"title": "En vidéo", "payload": '/inform{"type_consultation": "video"}'})
    hours = WIDER_DELAYS_HOURS[result.window_widened]
    buttons.append({"title": f"Élargir le délai ({delay_words(hours)})", "payload": f'/elargir_delai{{"urgence": {hours}}}'})
    radius = min(round(result.radius_km * RADIUS_FACTOR), MAX_SEARCH_RADIUS_KM)
    if radius > result.radius_km:
        buttons.append({"title": f"Élargir le rayon à {radius} km", "payload": f'/elargir_rayon{{"rayon_km": {radius}}}'})
    buttons.append({"title": "Orienter en surnuméraire", "payload": "/orienter_surnumeraire"})
    return buttons


# What each way out's intent is called in a sentence (the video button informs the mode)
_SAID = {"inform": "chercher en vidéo", "elargir_delai": "élargir le délai", "elargir_rayon": "élargir le rayon",
         "orienter_surnumeraire": "orienter le patient en surnuméraire"}


def ways_out_said(buttons: list[dict]) -> str:
    """The ways out the buttons offer, as a sentence says them (no "chercher en vidéo" when the search was one)."""
    said = [_SAID[button["payload"][1:].split("{", 1)[0]] for button in buttons]
    return ", ".join(said[:-1]) + " ou " + said[-1] if len(said) > 1 else "".join(said)


class ActionSearchSlots(Action):
    """"autres praticiens" shows the next page; "rechercher" (a retry) starts again from the first; "élargir le
    délai" searches the longer window its button carries, from now whatever time was wished ("élargir le rayon"
    sets its slot by itself)."""

    clock: Callable = staticmethod(clock.now)
    search: Callable = staticmethod(get_federated_search)

    def name(self) -> str:
        return "action_search_slots"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        if missing_fields(tracker.current_slot_values()):
            return [FollowupAction("referral_form")]  # asked to search before the details are complete: ask them
        intent = latest_intent(tracker)
        events: list = []
        wider = next((e["value"] for e in tracker.latest_message.get("entities", []) if e["entity"] == "urgence"), None)
        if intent == "elargir_delai" and wider:
            events = [SlotSet("urgence", int(wider)), SlotSet("creneau", None)]
            tracker.add_slots(events)
        offset = int(tracker.get_slot("recherche_offset") or 0) + PAGE if intent == "autres_creneaux" else 0
        return events + await present_search(dispatcher, tracker, offset, self.clock(), self.search())


class ActionContinueReferral(Action):
    """Once the details are complete: show the summary again if a slot is chosen and the criteria did not
    change (a correction), otherwise search."""

    clock: Callable = staticmethod(clock.now)
    agenda: Callable = staticmethod(get_agenda_client)
    sources: Callable = staticmethod(get_source_client)
    search: Callable = staticmethod(get_federated_search)

    def name(self) -> str:
        return "action_continue_referral"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        chosen = tracker.get_slot("creneau_choisi")
        same_search = tracker.get_slot("criteres_recherche") == search_criteria(tracker)
        if tracker.get_slot("etape") == "orientation" and same_search:
            return present_orientation(dispatcher, tracker, domain)
        if chosen and same_search:
            if chosen.get("booking") == "link":
                return present_link(dispatcher, tracker, domain, chosen)  # the patient block, corrected
            if (tracker.get_slot("motif") or {}).get("deja_consulte") != already_consulted(tracker, chosen):
                # "il l'a déjà consulté"
                return await choose_motif(dispatcher, tracker, domain, chosen, slot_agendas(self, tracker))
            return present_summary(dispatcher, tracker, domain)
        return await present_search(dispatcher, tracker, 0, self.clock(), self.search())
