"""The patient's médecin traitant, or a doctor they already know, as the regulator names them.

"c'est son médecin traitant le Dr Roux", "médecin traitant : Dr Roux à Rennes", "déjà suivi par le Dr Roux",
"elle connaît le Dr Roux": a name is read when it attaches to one of these cues (after it, or right before "son
médecin traitant"), not from a list of sentences. Without a name ("c'est son médecin traitant", "il l'a déjà
consulté") the cue says the patient knows the practitioner being talked about. Works on normalized text; spans
are those of that text (folding keeps offsets)."""
from __future__ import annotations

import re

from bot.nlu.lexicons import commune_names, key
from bot.nlu.names import normalize_name
from bot.nlu.text import fold
from bot.nlu.vocabulary import Found

TITLE = r"(?:dr|docteur|doc|pr|professeur)\.?"
# What may sit between a cue and the name: "médecin traitant : le Dr Roux", "c'est le docteur Roux".
# Within its line: "Motif : …, pas de médecin traitant\nTél. 06 …" names no one.
_LINK = r"(?:[^\S\n]*[:=,\-–][^\S\n]*|[^\S\n]+)(?:(?:c'est|est|qui est|le|la|l'|du|de|chez)[^\S\n]+)*"
# Cues after which a name may come without a title, because they can only be followed by a person.
_CUES_BARE_NAME = r"(?:son |sa |le |la )?medecin traitant|(?:deja )?suivie?s? par|(?:deja )?vue? par"
# Cues that need the title before the name ("elle connaît le Dr Roux", not "elle connaît bien Rennes").
_CUES_TITLED = r"connai[st]t?(?: deja| bien)?|(?:a |ont )?deja consulte(?: chez)?|patiente? (?:du|de la)|soignee? par"
_WORD = r"[^\W\d_][\w'’\-]*"
_NAME = rf"{_WORD}(?:[^\S\n]+{_WORD}){{0,2}}"
_AFTER_BARE = re.compile(rf"\b(?:{_CUES_BARE_NAME}){_LINK}(?:(?P<title>{TITLE})\s+)?(?P<name>{_NAME})")
_AFTER_TITLED = re.compile(rf"\b(?:{_CUES_TITLED}){_LINK}(?P<title>{TITLE})\s+(?P<name>{_NAME})")
# "le Dr Roux, son médecin traitant", "Dr Roux (médecin traitant)", "le Dr Roux est son médecin traitant"
_BEFORE = re.compile(rf"\b(?P<title>{TITLE})\s+(?P<name>{_NAME})\s*(?:,|\(|est|qui est|c'est)?\s*"
                     rf"(?:son |sa )?medecin traitant\b")
_KNOWN_WITHOUT_NAME = re.compile(
    r"\b(?:(?:c'est|est) (?:son|sa|le|la) medecin traitant"
    r"|(?:l'a|l'ont|a|ont) deja (?:consulte|vu)(?: ce (?:praticien|medecin|docteur))?"
    r"|(?:le|la|les) connai[st]t? deja"
    r"|deja (?:connue?|suivie?) (?:par|de|du) ce (?:praticien|medecin|docteur)"
    r"|patiente? (?:deja )?connue? (?:du|de ce) (?:praticien|medecin|docteur))\b")
# Words that end a name: grammar and the words of what usually follows it.
_NOT_NAME = {"a", "au", "aux", "de", "du", "des", "sur", "en", "et", "ou", "qui", "que", "depuis", "pour", "le", "la",
             "les", "son", "sa", "ses", "est", "c'est", "il", "elle", "mais", "donc", "medecin", "traitant", "dr",
             "docteur", "deja", "aussi", "bien", "pas", "ne", "nee", "tel", "telephone", "mail", "cabinet",
             "hier", "avant-hier", "aujourd'hui", "ce", "cet", "cette", "ce matin", "la veille"}
# Services, not a doctor to look up: "vu par SOS Médecins", "suivi par le CMP"
_SERVICES = {"sos", "samu", "smur", "urgences", "pompiers", "cmp", "pmi", "chu", "ch", "hopital", "clinique"}
_PARTICLES = {"le", "la", "de", "du", "des", "d'", "van", "von", "di", "da", "del", "ben"}
_PLACE = re.compile(r"\s*(?:,\s*)?(?:\(\s*|(?:a|au|sur|de|vers)\s+)(?P<place>[^\W\d_][\w'’\-]*(?:\s+[\w'’\-]+){0,3})")


def find_known_doctor(text: str) -> list[Found]:
    """The doctor named as médecin traitant or known by the patient: value {"nom", "prenom", "commune"} (the
    commune when one the agenda knows follows, "à Rennes"), span from the cue to the end of what was read."""
    folded = fold(text)
    for pattern in (_BEFORE, _AFTER_BARE, _AFTER_TITLED):
        for match in pattern.finditer(folded):
            name_end = _name_end(text, match.start("name"), match.end("name"))
            if name_end is None:
                continue
            if not match.group("title") and not text[match.start("name")].isupper():
                continue  # without a title only a capitalized word is a name ("suivie par un kiné" is none)
            words = normalize_name(text[match.start("name"):name_end]).split()
            if fold(words[0]) in _SERVICES:
                continue
            commune, end = _commune_after(text, folded, name_end)
            end = max(end, match.end()) if pattern is _BEFORE else end
            first = _surname_start(words)
            value = {"nom": " ".join(words[first:]), "prenom": " ".join(words[:first]) or None, "commune": commune}
            return [Found(value, match.start(), end)]
    return []


def find_already_known(text: str) -> list[Found]:
    """"c'est son médecin traitant", "il l'a déjà consulté": the patient knows the practitioner talked about."""
    return [Found(True, m.start(), m.end()) for m in _KNOWN_WITHOUT_NAME.finditer(fold(text))][:1]


def _surname_start(words: list[str]) -> int:
    """The surname is the last word with its particles ("Claire Le Gall"); what comes before, the first name."""
    first = len(words) - 1
    while first > 0 and fold(words[first - 1]) in _PARTICLES:
        first -= 1
    return first


def _name_end(text: str, start: int, end: int) -> int | None:
    """Where the name ends: before the first word that cannot be part of it (None when the first cannot); a
    capitalized particle is part of it ("le Dr Le Gall")."""
    stop = start
    for word in re.finditer(r"\S+", text[start:end]):
        if fold(word.group(0).strip(",.;:()")) in _NOT_NAME and not word.group(0)[0].isupper():
            break
        stop = start + word.end()
        if word.group(0)[-1] in ",.;:)":
            stop -= 1
            break
    return stop if stop > start else None


def _commune_after(text: str, folded: str, name_end: int) -> tuple[str | None, int]:
    """A commune said right after the name ("à Rennes", "(Saint-Malo)"), the longest the agenda knows."""
    place = _PLACE.match(folded, name_end)
    if not place:
        return None, name_end
    words = list(re.finditer(r"[\w'’\-]+", text[place.start("place"):place.end("place")]))
    for size in range(len(words), 0, -1):
        end = place.start("place") + words[size - 1].end()
        said = text[place.start("place"):end]
        if key(said) in commune_names():
            closing = re.match(r"\s*\)", text[end:])
            return normalize_name(said), end + (closing.end() if closing else 0)
    return None, name_end
