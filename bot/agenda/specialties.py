"""The specialties the agenda searches (TRE_R38 codes of `bot.vocabulary`), looked up loosely in French."""
from __future__ import annotations

import difflib

from bot.nlu.text import fold
from bot.vocabulary import DEFAULT_SPECIALTY, SPECIALTIES

LABELS = {specialty.code: specialty.label for specialty in SPECIALTIES}


class UnknownSpecialty(ValueError):
    def __init__(self, query: str):
        super().__init__(f"spécialité non proposée : « {query} ». Spécialités proposées : "
                         f"{', '.join(s.name for s in SPECIALTIES)}.")
        self.query = query


def normalize(text: str) -> str:
    """Folded words: "Oto-rhino" and "oto rhino" are one name."""
    return " ".join(fold(text).replace("-", " ").replace("'", " ").split())


def _names() -> dict[str, str]:
    """Every way of naming a specialty the agenda accepts, normalized -> code."""
    return {normalize(name): specialty.code for specialty in SPECIALTIES
            for name in (specialty.label, specialty.name, *specialty.said, *specialty.alone, *specialty.short,
                         *specialty.said_by_what_it_treats)}


_NAMES = _names()


def resolve(query: str | None) -> tuple[str, str]:
    """A code ("SM40") or a French name ("pédiatre", "Pédiatrie") -> (code, label); None -> général."""
    if not query or not query.strip():
        return DEFAULT_SPECIALTY, LABELS[DEFAULT_SPECIALTY]
    if query.strip().upper() in LABELS:
        code = query.strip().upper()
        return code, LABELS[code]
    key = normalize(query)
    if key not in _NAMES:
        # a typo ("dermatolgie"), never another specialty: "urologie" is not "neurologie", nor "néphrologie"
        close = [name for name in difflib.get_close_matches(key, list(_NAMES), n=3, cutoff=0.9) if name[:2] == key[:2]]
        if not close:
            raise UnknownSpecialty(query)
        key = close[0]
    code = _NAMES[key]
    return code, LABELS[code]
