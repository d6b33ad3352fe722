"""Finding the patient's médecin traitant among the agenda's practitioners, from what the regulator typed.

"Roux", "Dr Isabelle Roux", "roux isabelle", "Lefevre, Nantes": accents, case, titles and word order do not
matter; the words beside the surname must be the first name's; a commune after a comma keeps the homonyms
practising there. Among homonyms left, the nearest to the searched place (a médecin traitant is near their patient).
"""
from __future__ import annotations

import math
import re

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from bot.agenda.geo import Place as Location
from bot.agenda.geo import distance_km, normalize_name
from bot.agenda.models import Practitioner
from bot.nlu.text import fold

TITLES = {"dr", "docteur", "docteure", "doctoresse", "pr", "professeur", "m", "mme", "madame", "monsieur"}
ARTICLES = {"le", "la"}  # "le docteur Roux"; but "Le Gall" is a surname
MAX_SURNAME_WORDS = 3
# Letters that an accent or a cedilla may change, and word separators: left to the Python check, as SQL cannot fold.
LOOSE = set("aceinouy ")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text.lower()))


def resolve(session: Session, asked: str, near: Location) -> Practitioner | None:
    name, _, commune = asked.partition(",")
    said = words(name)
    while said and (said[0] in TITLES or (said[0] in ARTICLES and said[1:2] and said[1] in TITLES)):
        said = said[1:]
    if not said:
        return None
    runs = {" ".join(said[i:j]) for i in range(len(said)) for j in range(i + 1, min(len(said), i + MAX_SURNAME_WORDS) + 1)}
    rows = session.execute(
        select(Practitioner)
        .where(or_(*(Practitioner.nom.ilike(_pattern(run)) for run in runs)))
        .options(selectinload(Practitioner.places))
    ).scalars()
    found = [practitioner for practitioner in rows if _named(practitioner, said)]
    if commune.strip():
        found = [p for p in found if any(_same_commune(place.commune, commune) for place in p.places)]
    return min(found, key=lambda p: (_distance(p, near), p.id), default=None)


def _pattern(run: str) -> str:
    """A LIKE pattern as wide as the surname: a one-character wildcard where an accent or a separator may be."""
    return "".join("_" if char in LOOSE else char for char in run)


def _named(practitioner: Practitioner, said: list[str]) -> bool:
    """The surname's words said together, and every other word one of the first name's."""
    surname, first_names = words(practitioner.nom), set(words(practitioner.prenom))
    for start in range(len(said) - len(surname) + 1):
        if said[start:start + len(surname)] == surname:
            rest = said[:start] + said[start + len(surname):]
            if set(rest) <= first_names:
                return True
    return False


def _same_commune(commune: str, asked: str) -> bool:
    """"Lyon" names every arrondissement of Lyon as well."""
    mine, wanted = normalize_name(commune), normalize_name(asked)
    return bool(wanted) and (mine == wanted or mine.startswith(wanted + " "))


def _distance(practitioner: Practitioner, near: Location) -> float:
    return min((distance_km(near.lat, near.lon, p.lat, p.lon) for p in practitioner.places), default=math.inf)
