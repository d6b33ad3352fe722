"""The patient fields some practitioners require on top of the mandatory ones (civilité, email, lieu de naissance),
and the birth place as the booking funnel takes it: a French commune, a town abroad, or "Étranger (Pays)"."""
from __future__ import annotations

import re

from bot.agenda.contract import Offer, Slot
from bot.nlu import abroad
from bot.nlu.names import normalize_name
from bot.nlu.text import fold
from bot.vocabulary import BORN_ABROAD, EXTRA_PATIENT_FIELDS

# "né à l'étranger", "hors de France", "étranger": abroad, the country unsaid.
_ABROAD = re.compile(r"\b(?:a l'etranger|etranger|hors de france|hors france)\b")
# what joins a town to its country: "Fès au Maroc", "Porto, Portugal", "Casablanca (Maroc", "Kharkiv en Ukraine"
_CONNECTOR_AT_END = re.compile(r"(?:[\s,;:(\-–]|\b(?:au|aux|en|à|a|dans)\b)*$", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:(?:il|elle) est\s+)?(?:(?:nee?s?|ne\(e\))(?:\s+|$))?(?:(?:a|au|aux|en|dans)(?:\s+|$))*")
# a commune, its arrondissement or its département after it if need be: "Paris 12e", "Saint-Pierre (La Réunion)",
# "Fontaine (38)"
_PLACE = re.compile(r"^[^\W\d_]+(?:[ '’\-][^\W\d_]+)*(?: \d{1,2}(?:er|e|ème|eme)?)?"
                    r"(?: ?\((?:[^\W\d_]+(?:[ '’\-][^\W\d_]+)*|\d{2,3}|2[AB])\))?$")
# What says the value is not known, whoever speaks: "je ne sais pas", "il ne connaît pas sa commune", "inconnu",
# "aucune idée", "non renseigné", "pas de mail", "sans adresse email", "on n'a pas l'info".
_NOT_KNOWN = re.compile(
    r"\b(?:sai[st]|savons|savent|connai[st]|connaissons|connaissent|ignore|ignorons|ignorent)\s+pas\b"
    r"|\b(?:inconnue?s?|aucune idee|pas d'idee)\b"
    r"|\bnon (?:connue?|renseignee?|communiquee?|precisee?)s?\b"
    r"|\b(?:pas|sans) (?:de |d'|l')?(?:e-?mail|mail|courriel|adresse|info|information)s?\b"
    # a bare no to a question asking for a value: there is none to give ("non", "non elle n'en a pas")
    r"|^\W*(?:non|nan)\W*(?:merci\W*)?$|\bn'en (?:a|ont) (?:pas|aucune?)\b"
)


def fields_to_ask(required: list[str] | None, slots: dict) -> list[str]:
    """The required extra fields not given yet, in the funnel's order: asked one at a time."""
    return [field for field in EXTRA_PATIENT_FIELDS if field in (required or []) and not slots.get(field)]


def birth_place(text: str) -> str | None:
    """The birth place as the funnel keeps it, as said: a commune ("Rennes"; the agenda checks it against the communes
    it knows), a town abroad with the country said after it ("Fès au Maroc" -> "Fès (Maroc)"), a large city abroad
    alone ("oran" -> "Oran"), a country alone ("Étranger (Maroc)") or "Étranger"; None when it is no place."""
    said = (text or "").strip(" .,;")
    country = abroad.country_said_last(said)
    if country:
        town = _place_said(_CONNECTOR_AT_END.sub("", country[0]))
        if town and not _ABROAD.search(fold(town)):
            return f"{normalize_name(town)} ({country[1]})"
        return f"{BORN_ABROAD} ({country[1]})"
    if _ABROAD.search(fold(said)):
        return BORN_ABROAD
    place = _place_said(said)
    if place is None or fold(place) == "france":
        return None
    return normalize_name(place) if abroad.city_abroad(place) else place


def _place_said(said: str) -> str | None:
    """"née à Rennes" -> "Rennes": the place without the words leading to it; None when it is no place's name."""
    plain = fold(said.strip())
    place = _LEAD_IN.sub("", plain, count=1)
    place_said = said.strip()[len(plain) - len(place):].strip()
    return place_said if place_said and _PLACE.match(place_said) and len(place_said) <= 100 else None


def says_not_known(text: str) -> bool:
    """True when an answer says the asked value is not known (or does not exist, as an email may not)."""
    return bool(_NOT_KNOWN.search(fold(text or "").replace("’", "'")))


def bookable_without(offer: Offer, unknown: set[str], set_aside: set[str]) -> Offer | None:
    """The offer with only the slots bookable without the `unknown` fields, None when none is left. Left out: a
    practitioner set aside or requiring one of them, and a slot whose motif would (the agenda books the motif
    « Soins non programmés » when the slot has it; otherwise a slot goes when every motif requires one)."""
    if offer.practitioner.rpps in set_aside or unknown & set(offer.practitioner.required_fields):
        return None
    slots = [slot for slot in offer.slots if not _motif_requires(slot, unknown)]
    return offer.copy(update={"slots": slots}) if slots else None


def _motif_requires(slot: Slot, unknown: set[str]) -> bool:
    motifs = [motif for motif in slot.motifs if motif.snp] or slot.motifs
    return bool(motifs) and all(unknown & set(motif.required_fields) for motif in motifs)


def is_abroad(value: str | None) -> bool:
    return bool(value) and fold(value).startswith(fold(BORN_ABROAD))


def birth_place_words(value: str) -> str:
    """"à Rennes", "à l'étranger (Maroc)": how the summary says where the patient was born."""
    if is_abroad(value):
        country = value[len(BORN_ABROAD):].strip()
        return f"à l'étranger {country}".strip()
    return f"à {value}"
