"""Public lists the free-text reader leans on: first names (gender-guesser's nam_dict, 45k names with their
frequency in France) and French communes (the agenda's INSEE table). Loaded once, at component load."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.nlu.text import fold

_FRANCE = 7  # column of France in gender-guesser's per-country frequencies


def key(text: str) -> str:
    """Folded, with hyphens, apostrophes and spaces made alike ("Saint-Étienne" ~ "saint etienne")."""
    return " ".join(re.findall(r"[^\W_]+", fold(text)))


@lru_cache(maxsize=1)
def first_name_scores() -> dict[str, int]:
    """folded first name -> 1 + its frequency class in France (0 when unknown there)."""
    from gender_guesser.detector import Detector

    scores: dict[str, int] = {}
    for name, by_gender in Detector(case_sensitive=False).names.items():
        frequency = max(int(values[_FRANCE], 16) if values[_FRANCE].strip() else 0 for values in by_gender.values())
        folded = key(name)
        scores[folded] = max(scores.get(folded, 0), 1 + frequency)
    return scores


@lru_cache(maxsize=1)
def commune_names() -> frozenset[str]:
    from bot.agenda.geo import communes

    return frozenset(key(c.name) for c in communes())


def warm() -> None:
    first_name_scores()
    commune_names()
