"""The patient and need fields of the booking funnel (names and labels in `bot.vocabulary`), the ones the
dialogue asks for, and the checks it applies to them."""
from __future__ import annotations

import re
from datetime import date

from spacy.lang.fr.stop_words import STOP_WORDS

from bot.nlu.lexicons import NAME_PARTICLES, key
from bot.nlu.text import fold, written_out
from bot.nlu.vocabulary import AS_WELL

# Re-exported for the dialogue's modules: the field names and labels are defined in bot.vocabulary.
from bot.vocabulary import MANDATORY_PATIENT_FIELDS, NEED_FIELDS, PATIENT_FIELDS  # noqa: F401

# Asked one at a time, in this order, by the referral form.
REQUIRED_FIELDS = (*MANDATORY_PATIENT_FIELDS, "localisation")
# A change to one of these after a search calls for a new search (the médecin traitant's slots come first).
SEARCH_CRITERIA = ("localisation", "type_consultation", "creneau", "urgence", "specialite", "medecin_traitant",
                   "rayon_km")

SAME_NAME = re.compile(
    r"^\s*(?:(?:oui|non|euh|ben|alors|c'est|c’est|c est|il a|elle a|il n'a|elle n'a|il n'en a|elle n'en a|il|elle)\b[\s,]*)*"
    r"(identique|pareil|(?:la )?m[eê]me chose|la m[eê]me|le m[eê]me|m[eê]me nom|m[eê]me(?=\s*[.!]*\s*$)|idem|inchang[ée]"
    r"|aucun"  # "le même", "même chose"
    r"|pas de nom de (jeune fille|naissance)( diff[ée]rent)?"
    r"|(son |le )?seul nom|pas d'autres? noms?|gard[ée]e? son nom|pas chang[ée] de nom"
    r"|toujours (eu|port[ée]) (ce|le m[eê]me|son|un seul) nom|jamais chang[ée] de nom"
    # "c'est son nom de naissance, elle n'est pas mariée": the name given is the birth name too
    r"|(aussi |[ée]galement )?(son|le) nom de naissance(?=\s*(?:aussi|[ée]galement)?\s*(?:[,.!;]|$))"
    r"|(n'est |est )?pas mari[ée]e?|c[ée]libataire)\b",  # "c'est son seul nom",
    # "elle n'a pas d'autre nom", "elle a gardé son nom", "il n'a pas changé de nom", "elle a toujours eu ce nom"
    re.IGNORECASE,
)
# "même téléphone, même adresse, mêmes symptômes" said for the next patient of a family: the values given for the
# last one; "son petit frère Hugo, même nom": the last one's surname
# (typed fast, "mm tel" is "même tel")
SAME_AS_THE_LAST = {
    "nom": re.compile(r"\b(?:m[eê]me|mm) nom(?: de famille)?\b(?! de (?:naissance|jeune fille))", re.IGNORECASE),
    "telephone": re.compile(r"\b(?:m[eê]mes?|mm) (?:num[ée]ro|t[ée]l[ée]phone|t[ée]l|portable|contact)s?\b", re.IGNORECASE),
    "localisation": re.compile(r"\b(?:(?:m[eê]mes?|mm) (?:adresse|endroit|domicile|commune|ville|lieu)s?"
                               r"|au m[eê]me endroit)\b", re.IGNORECASE),
    "date_naissance": re.compile(r"\b(?:m[eê]mes?|mm) (?:date de naissance|ddn)\b", re.IGNORECASE),  # twins
    "symptomes": re.compile(r"\b(?:(?:m[eê]mes?|mm) (?:sympt[oô]mes?|signes|plaintes?)|la m[eê]me chose)\b", re.IGNORECASE),
}
NAME = re.compile(r"^[^\W\d_]+(?:[ '\-’][^\W\d_]+)*$")
MAX_AGE_YEARS = 120


def is_same_name_answer(text: str) -> bool:
    """"identique", "pareil", "même nom": the birth name is the usage name."""
    return bool(SAME_NAME.match(written_out(text or "")))  # "c le meme" as texted


def says_the_name_again(text: str, nom: str | None) -> bool:
    """"Dubois aussi", "Garcia c'est son seul nom", "Rousseau comme la maman": the usage name said again, then a
    word about it (a grammatical word, not a name's particle nor a second name: "Dubois Martin" is a double name)."""
    said, name = _PRESENTING.sub("", key(text or "")), key(nom or "")  # "c'est Diallo aussi elle est pas mariée"
    if not name or not (said == name or said.startswith(name + " ")):
        return False
    rest = said[len(name):].split()
    return not rest or is_same_name_answer(" ".join(rest)) or (
        rest[0] not in NAME_PARTICLES and (rest[0] in STOP_WORDS or f"{rest[0]}'" in STOP_WORDS))


_PRESENTING = re.compile(r"^(?:(?:euh|alors|oui|bah|ben) )*(?:(?:c est|ce serait) )?")  # on key()'s text: "euh Moreau aussi"
_TOO = re.compile(rf"[\s,]+(?:{'|'.join(sorted(AS_WELL))}|de meme)\s*[.!]*\s*$")  # on folded text


_TOO_FIRST = re.compile(rf"^\s*(?:{'|'.join(sorted(AS_WELL))}|de meme)[\s,:]+(?!que\b)(?=\w)")  # "pareil strasbourg"


def without_too(answer: str) -> str:
    """"Hamel aussi", "Caen également", "pareil strasbourg la meinau": the answer, without the word saying it is the
    same as for someone else."""
    folded = fold(answer)  # folded text keeps its length: the cut falls in the answer as written
    said, first = _TOO.search(folded), _TOO_FIRST.search(folded)
    return answer[first.end() if first else 0:said.start() if said else len(answer)]


def is_valid_name(value: str) -> bool:
    """Letters (accents included), hyphens, apostrophes and spaces only."""
    return bool(value) and len(value) <= 80 and bool(NAME.match(value.strip()))


def birth_date_problem(iso: str, today: date) -> str | None:
    """Why a birth date is refused, as a response name; None when it is acceptable."""
    try:
        born = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return "utter_invalid_date_naissance"
    if born > today:
        return "utter_invalid_date_naissance_futur"
    oldest = (today.year - MAX_AGE_YEARS, today.month, today.day)
    if (born.year, born.month, born.day) < oldest:
        return "utter_invalid_date_naissance_age"
    return None


def merge_month_day(month_day: str, known_iso: str | None) -> str | None:
    """"--03-12" (a date said without its year) takes the year of the birth date already known."""
    if not known_iso or not month_day.startswith("--"):
        return None
    try:
        return date(int(known_iso[:4]), int(month_day[2:4]), int(month_day[5:7])).isoformat()
    except ValueError:
        return None


def merge_year(year: str, known_iso: str | None) -> str | None:
    """"1968" (the year said alone, a correction) takes the day and month of the birth date already known."""
    if not known_iso or not year.isdigit() or len(known_iso) != 10:
        return None
    try:
        return date(int(year), int(known_iso[5:7]), int(known_iso[8:10])).isoformat()
    except ValueError:  # 29 February into a common year
        return None
