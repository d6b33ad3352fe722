"""Which offered slot the regulator picked: "le 2", "le deuxième", "celui de 14h30", "le Dr Thomas"."""
from __future__ import annotations

import re

from bot.nlu.text import fold

ORDINALS = {
    "premier": 1, "premiere": 1, "un": 1, "deuxieme": 2, "second": 2, "seconde": 2, "deux": 2,
    "troisieme": 3, "trois": 3, "quatrieme": 4, "quatre": 4, "cinquieme": 5, "cinq": 5,
}
TIME = re.compile(r"\b(\d{1,2})\s*(?:h|:)\s*(\d{2})?\b")
RANK = re.compile(r"^\D*?\b(\d)\b\D*$")


def resolve_choice(text: str, cards: list[dict], creneau_id: str | None = None) -> dict | None:
    """The card the regulator means, or None when the text names none of them (or several)."""
    if creneau_id:
        return next((c for c in cards if c["id"] == str(creneau_id)), None)
    plain = fold(text or "")
    time = TIME.search(plain)
    if time:
        wanted = f"{int(time.group(1)):02d}:{time.group(2) or '00'}"
        matches = [c for c in cards if c["heure"] == wanted]
        return matches[0] if len(matches) == 1 else None
    rank = RANK.match(plain)
    if rank:
        index = int(rank.group(1))
        return cards[index - 1] if 1 <= index <= len(cards) else None
    words = set(re.findall(r"[a-z]+", plain))
    if "dernier" in words and cards:
        return cards[-1]
    by_name = [c for c in cards if c["nom"] and fold(c["nom"]) in plain]
    if len(by_name) == 1:
        return by_name[0]
    for word, index in ORDINALS.items():
        if word in words and index <= len(cards):
            return cards[index - 1]
    return None
