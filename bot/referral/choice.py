"""Which offered slot the regulator picked: "le 2", "le deuxième", "celui de 14h30", "le Dr Thomas", "celui de Nevers".

Offers are grouped per practitioner (each card carries its practitioner's `rang`): a rank names a practitioner,
and a practitioner named without a time means their first time."""
from __future__ import annotations

import re

from bot.nlu.text import fold, times_in_digits

ORDINALS = {
    "premier": 1, "premiere": 1, "un": 1, "deuxieme": 2, "second": 2, "seconde": 2, "deux": 2,
    "troisieme": 3, "trois": 3, "quatrieme": 4, "quatre": 4, "cinquieme": 5, "cinq": 5,
}
TIME = re.compile(r"\b(\d{1,2})\s*(?:h|:)\s*(\d{2})?\b")
ORDINAL_SUFFIX = r"(?:er|ere|re|e|eme|nd|nde)?"  # "le 1er", "la 2e", "le 3eme" (folded)
RANK = re.compile(rf"^\D*?\b(\d){ORDINAL_SUFFIX}\b\D*$")


PICK_WORDS = {"dr", "docteur", "celui", "celle", "dernier", "derniere", *ORDINALS}


def _plain(text: str | None) -> str:
    return fold(times_in_digits(text or ""))  # "à neuf heures": 9h


def names_a_pick(text: str) -> bool:
    """The text points at an offered slot by a rank, an ordinal, a time, a practitioner's title or name, or « celui »;
    « le même » (the birth name, as the name) points at none."""
    plain = _plain(text)
    return bool(TIME.search(plain) or RANK.match(plain) or set(re.findall(r"[a-z]+", plain)) & PICK_WORDS) \
        or names_a_practitioner(text)


def names_a_practitioner(text: str) -> bool:
    """"avec Moreno stp": the one the patient is to see, named alone with its capital first in the message."""
    return _WITH_A_NAME.match(text) is not None


_WITH_A_NAME = re.compile(r"^\W*(?:(?:euh|alors|ok|oui|bon)\W+)*[aA]vec\s+[A-ZÀ-Ý][^\W\d_]+(?:\s+(?:stp|svp|merci|alors))?\W*$")


def resolve_choice(text: str, cards: list[dict], creneau_id: str | None = None) -> dict | None:
    """The card the regulator means, or None when the text names none of them (or several).

    A time and a practitioner's name each narrow the offer, together when both are said ("celui de 8h30 avec le
    Dr Roux" when two doctors have 8:30); a rank ("le 2", "le deuxième", "le dernier") is read only without them.
    What is left must be one card, or the times of one practitioner when no time was said (their first one)."""
    if creneau_id:
        return next((c for c in cards if c["id"] == str(creneau_id)), None)
    plain = _plain(text)
    narrowed = _described(plain, cards)
    if narrowed is not None:
        one_practitioner = len({_practitioner(c) for c in narrowed}) == 1 and not TIME.search(plain)
        return narrowed[0] if len(narrowed) == 1 or narrowed and one_practitioner else None
    firsts: dict = {}
    for card in cards:
        firsts.setdefault(_practitioner(card), card)
    # one practitioner offered: a rank counts their times ("le deuxième" is their second time)
    return _by_rank(plain, list(firsts.values()) if len(firsts) > 1 else cards)


_POINTING_BACK = re.compile(r"\b(?:celui-(?:la|ci)|celle-(?:la|ci)|ce (?:creneau|rdv|rendez-vous)(?:-la|-ci)?)\b")


def points_back(text: str, cards: list[dict]) -> bool:
    """"on garde celui-là", "va pour ce créneau": the slot already shown, pointed at with nothing else that picks."""
    plain = _plain(text)
    return bool(_POINTING_BACK.search(plain)) and _described(plain, cards) is None and _by_rank(plain, cards) is None


def several_fit(text: str, cards: list[dict]) -> list[dict]:
    """The cards of the practitioners a time or a town fits together (« celui de 9h » when two offer 9:00), the
    first of each, so that the regulator is asked which; empty when the text fits one practitioner or none."""
    narrowed = _described(_plain(text), cards) or []
    firsts: dict = {}
    for card in narrowed:
        firsts.setdefault(_practitioner(card), card)
    return list(firsts.values()) if len(firsts) > 1 else []


def _described(plain: str, cards: list[dict]) -> list[dict] | None:
    """The cards a time, a practitioner's name, a town or a rank with its time fit; None when none is said."""
    narrowed, described = cards, False
    for narrow in (_at_time, _with_practitioner, _in_town, _of_rank_with_time):
        kept = narrow(plain, narrowed, cards)
        if kept is not None:
            narrowed, described = kept, True
    return narrowed if described else None


def _practitioner(card: dict):
    """Who offers the card: their rank in a grouped offer, their name in an older flat one."""
    return card.get("rang") or card["praticien"]


def _at_time(plain: str, cards: list[dict], offer: list[dict]) -> list[dict] | None:
    time = TIME.search(plain)
    if not time:
        return None
    wanted = f"{int(time.group(1)):02d}:{time.group(2) or '00'}"
    return [c for c in cards if c["heure"] == wanted]


def _with_practitioner(plain: str, cards: list[dict], offer: list[dict]) -> list[dict] | None:
    """Cards of the practitioners named among those of the whole offer (a name that is not there narrows nothing)."""
    named = {c["nom"] for c in offer if c["nom"] and re.search(rf"\b{re.escape(fold(c['nom']))}\b", plain)}
    return [c for c in cards if c["nom"] in named] if named else None


_COMMUNE = re.compile(r"\b\d{5} (.+)$")


def _in_town(plain: str, cards: list[dict], offer: list[dict]) -> list[dict] | None:
    """Cards of the practitioners whose town is named ("le docteur de Nevers à 9h"), among those of the whole offer."""
    def town(card: dict) -> str | None:
        found = _COMMUNE.search(card.get("adresse") or "")
        return fold(found.group(1)) if found else None

    named = {town(c) for c in offer if town(c) and re.search(rf"\b{re.escape(town(c))}\b", plain)}
    return [c for c in cards if town(c) in named] if named else None


# "le 3 à 8h50", "le deuxième à 15h30": a rank said before the time names the practitioner of that time
_RANK_BEFORE_TIME = re.compile(rf"^\D*?\b(\d{{1,2}}){ORDINAL_SUFFIX}\b(?!\s*(?:h|:|heures?)\b)")


def _of_rank_with_time(plain: str, cards: list[dict], offer: list[dict]) -> list[dict] | None:
    time = TIME.search(plain)
    if not time or not any(c.get("rang") for c in offer):
        return None
    # « le deux à 15h30 » would be read as the time's hour: only ordinal words and digits before the time rank here
    rank = _rank_said(plain[:time.start()], _RANK_BEFORE_TIME, cardinals=False)
    return None if rank is None else [c for c in cards if c.get("rang") == rank]


def practitioners_if_rank_beyond(text: str, cards: list[dict]) -> int | None:
    """How many practitioners are offered, when the rank said ("le 3") is past the last of them."""
    plain = _plain(text)
    offered = len({_practitioner(c) for c in cards})
    rank = None if TIME.search(plain) else _rank_said(plain, RANK, cardinals=True)
    return offered if rank and offered and rank > offered else None


def _by_rank(plain: str, cards: list[dict]) -> dict | None:
    if "dernier" in _words(plain):
        return cards[-1] if cards else None
    rank = _rank_said(plain, RANK, cardinals=True)
    return cards[rank - 1] if rank and rank <= len(cards) else None


_CARDINALS = {"un", "deux", "trois", "quatre", "cinq"}


def _rank_said(plain: str, digits: re.Pattern, cardinals: bool) -> int | None:
    """The rank a digit (found by `digits`) or an ordinal word says; « un », « deux »… count only with `cardinals`."""
    said = digits.match(plain)
    if said:
        return int(said.group(1))
    words = _words(plain)
    return next((i for w, i in ORDINALS.items() if w in words and (cardinals or w not in _CARDINALS)), None)


def _words(plain: str) -> set[str]:
    return set(re.findall(r"[a-z]+", plain))
