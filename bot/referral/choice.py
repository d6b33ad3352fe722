"""Which offered slot the regulator picked: "le 2", "le deuxième", "celui de 14h30", "le Dr Thomas".

Offers are grouped per practitioner (each card carries its practitioner's `rang`): a rank names a practitioner,
and a practitioner named without a time means their first time."""
from __future__ import annotations

import re

from bot.nlu.text import fold

ORDINALS = {
    "premier": 1, "premiere": 1, "un": 1, "deuxieme": 2, "second": 2, "seconde": 2, "deux": 2,
    "troisieme": 3, "trois": 3, "quatrieme": 4, "quatre": 4, "cinquieme": 5, "cinq": 5,
}
TIME = re.compile(r"\b(\d{1,2})\s*(?:h|:)\s*(\d{2})?\b")
RANK = re.compile(r"^\D*?\b(\d)\b\D*$")


PICK_WORDS = {"dr", "docteur", "celui", "celle", "dernier", "derniere", *ORDINALS}


def names_a_pick(text: str) -> bool:
    """The text points at an offered slot by a rank, an ordinal, a time, a practitioner's title or « celui »;
    « le même » (the birth name, as the name) points at none."""
    plain = fold(text or "")
    return bool(TIME.search(plain) or RANK.match(plain) or set(re.findall(r"[a-z]+", plain)) & PICK_WORDS)


def resolve_choice(text: str, cards: list[dict], creneau_id: str | None = None) -> dict | None:
    """The card the regulator means, or None when the text names none of them (or several).

    A time and a practitioner's name each narrow the offer, together when both are said ("celui de 8h30 avec le
    Dr Roux" when two doctors have 8:30); a rank ("le 2", "le deuxième", "le dernier") is read only without them.
    What is left must be one card, or the times of one practitioner when no time was said (their first one)."""
    if creneau_id:
        return next((c for c in cards if c["id"] == str(creneau_id)), None)
    plain = fold(text or "")
    narrowed, described = cards, False
    for narrow in (_at_time, _with_practitioner, _of_rank_with_time):
        kept = narrow(plain, narrowed, cards)
        if kept is not None:
            narrowed, described = kept, True
    if described:
        one_practitioner = len({_practitioner(c) for c in narrowed}) == 1 and not TIME.search(plain)
        return narrowed[0] if len(narrowed) == 1 or narrowed and one_practitioner else None
    firsts: dict = {}
    for card in cards:
        firsts.setdefault(_practitioner(card), card)
    return _by_rank(plain, list(firsts.values()))


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


# "le 3 à 8h50", "le deuxième à 15h30": a rank said before the time names the practitioner of that time
_RANK_BEFORE_TIME = re.compile(r"^\D*?\b(\d{1,2})\b(?!\s*(?:h|:|heures?)\b)")


def _of_rank_with_time(plain: str, cards: list[dict], offer: list[dict]) -> list[dict] | None:
    time = TIME.search(plain)
    if not time or not any(c.get("rang") for c in offer):
        return None
    said = _RANK_BEFORE_TIME.match(plain[:time.start()])
    words = set(re.findall(r"[a-z]+", plain[:time.start()]))
    rank = int(said.group(1)) if said else next((i for w, i in ORDINALS.items() if w in words and w not in (
        "un", "deux", "trois", "quatre", "cinq")), None)
    return None if rank is None else [c for c in cards if c.get("rang") == rank]


def _by_rank(plain: str, cards: list[dict]) -> dict | None:
    rank = RANK.match(plain)
    if rank:
        index = int(rank.group(1))
        return cards[index - 1] if 1 <= index <= len(cards) else None
    words = set(re.findall(r"[a-z]+", plain))
    if "dernier" in words and cards:
        return cards[-1]
    for word, index in ORDINALS.items():
        if word in words and index <= len(cards):
            return cards[index - 1]
    return None
