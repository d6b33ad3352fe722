"""Words and phrases mapped to normalized values (accent-free, lower case: they are matched on folded text)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot import vocabulary as shared

CIVILITES = {
    "Madame": ["madame", "mme", "mlle", "melle", "mademoiselle"],
    "Monsieur": ["monsieur", "mr", "m.", "m"],
}

# The modes and specialties the NLU reads come from the shared vocabulary: value -> folded phrases.
MODES = {mode.code: mode.said for mode in shared.MODES.values()}


def _with_adjectives(said: tuple[str, ...]) -> tuple[str, ...]:
    """The specialty's adjective beside its name: "pédiatrie" -> "pédiatrique" ("avis pédiatrique")."""
    return said + tuple(phrase[:-2] + "ique" for phrase in said if phrase.endswith("ie") and " " not in phrase)


SPECIALTIES = {specialty.name: _with_adjectives(specialty.said) + specialty.said_by_what_it_treats
               for specialty in shared.SPECIALTIES}
# Short forms that also qualify a noun ("ATCD psy", "pas de signe neuro"): read only where a doctor is asked for.
SHORT_SPECIALTIES = {specialty.name: specialty.short for specialty in shared.SPECIALTIES if specialty.short}
# Short forms of specialists the agenda does not list, read as said so that the search says they are not offered;
# not "gastro" (a gastro-enteritis) nor "une pneumo" (a pneumonia, see the qualifiers of `fields`)
SHORT_SPECIALTIES |= {"rhumatologie": ("rhumato",), "pneumologie": ("pneumo",), "néphrologie": ("nephro",),
                      "urologie": ("uro",), "gastro-entérologie": ("gastro-entero",)}
DEFAULT_SPECIALTY_NAME = next(s.name for s in shared.SPECIALTIES if s.code == shared.DEFAULT_SPECIALTY)

# The delay in hours a phrase says, on the SAS "disponible sous" steps (a delay said in numbers is kept as said).
URGENCY_PHRASES = {
    4: ["dans l'heure", "dans l heure", "tres urgent", "immediatement", "tout de suite", "au plus vite",
        "des que possible", "en extreme urgence", "le plus vite possible", "tres vite", "tres rapidement",
        "au plus tot", "le plus tot possible", "asap"],
    8: ["urgent", "urgente", "en urgence", "rapidement", "vite", "sans tarder", "rdv rapide", "rendez-vous rapide",
        "consultation rapide", "avis rapide", "visite rapide"],
    12: ["aujourd'hui", "aujourd hui", "dans la journee", "avant ce soir", "d'ici ce soir", "d ici ce soir", "ce jour"],
    24: ["d'ici demain", "d ici demain", "sous 24h", "dans les 24h", "demain au plus tard", "au plus tard demain",
         "demain dernier delai", "semi-urgent", "semi-urgente", "semi urgent", "semi urgente"],
    72: ["pas presse", "pas pressee", "pas presses", "pas pressees", "pas urgent", "pas urgente", "pas tres urgent",
         "cette semaine", "dans la semaine", "dans les prochains jours", "dans les jours qui viennent", "rien d'urgent",
         "rien d urgent", "sans urgence", "ca peut attendre", "peut attendre quelques jours", "pas d'urgence",
         "pas d urgence", "aucune urgence", "non urgent", "non urgente", "peu urgent", "peu urgente"],
}


@dataclass(frozen=True)
class Found:
    """A value found in a text, with its span (in the text that was searched)."""

    value: object
    start: int
    end: int


class PhraseTable:
    """Longest-first matching of phrases on folded text, at word boundaries."""

    def __init__(self, table: dict) -> None:
        self._value_of = {phrase: value for value, phrases in table.items() for phrase in phrases}
        alternatives = sorted(self._value_of, key=len, reverse=True)
        body = "|".join(re.escape(p).replace("oe", "(?:oe|œ)") for p in alternatives)
        # a word starts after an elided one too: "besoin d'une visite", "jusqu'au cabinet"
        self._pattern = re.compile(rf"(?:(?<![\w'])|(?<=\b[dljnsmtc]')|(?<=\bqu'))(?:{body})(?![\w-])")

    def finditer(self, folded: str) -> Iterator[Found]:
        # Folding keeps one character for one, so "cœur" stays with its ligature: the phrases' "oe" matches it.
        for match in self._pattern.finditer(folded):
            yield Found(self._value_of[match.group(0).replace("œ", "oe")], match.start(), match.end())


MONTHS = {
    1: ["janvier", "janv", "jan"], 2: ["fevrier", "fevr", "fev"], 3: ["mars"], 4: ["avril", "avr"],
    5: ["mai"], 6: ["juin"], 7: ["juillet", "juil"], 8: ["aout"], 9: ["septembre", "sept", "sep"],
    10: ["octobre", "oct"], 11: ["novembre", "nov"], 12: ["decembre", "dec"],
}
MONTH_PATTERN = "|".join(sorted((w for ws in MONTHS.values() for w in ws), key=len, reverse=True))
MONTH_OF = {w: n for n, ws in MONTHS.items() for w in ws}

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

URGENCY_TABLE = PhraseTable(URGENCY_PHRASES)

# Who else comes to the patient, a carer or a relative: when they come is no time wanted ("l'IDE passe le matin",
# "la maman passe la chercher à 16h") and their visit no home visit by a doctor ("sa fille passe la voir")
SOMEONE_ELSE_COMING = (r"\b(?:ide|infirmiere|infirmier|aide a domicile|aide menagere|auxiliaire de vie|aide-soignante|kine"
                       r"|aide|auxiliaire|ssiad|admr|voisin|voisine"
                       r"|maman|papa|mere|pere|parents|sa fille|son fils|son mari|sa femme)[\s()]+(?:[a-z'-]+\s+){0,2}?")

# What says an answer is the same as for someone else ("Payet aussi", "Caen également"), folded.
AS_WELL = frozenset({"aussi", "egalement", "pareil", "pareille", "idem", "itou"})
