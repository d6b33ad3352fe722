"""Finding the patient's médecin traitant among the agenda's practitioners, from what the regulator typed.

"Roux", "Dr Isabelle Roux", "roux isabelle", "Lefevre, Nantes": accents, case, titles and word order do not
matter; the words beside the surname must be the first name's; a commune after a comma keeps the homonyms
practising there. Among homonyms left, the nearest to the searched place (a médecin traitant is near their patient).
Every run of words said may be the surname: each is looked up on the indexed `Practitioner.nom_key`.
"""
from __future__ import annotations

import math

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.agenda.geo import Place as Location
from bot.agenda.geo import distance_km, normalize_name
from bot.agenda.models import Place, Practitioner, name_key

TITLES = {"dr", "docteur", "docteure", "doctoresse", "pr", "professeur", "m", "mme", "madame", "monsieur"}
ARTICLES = {"le", "la"}  # "le docteur Roux"; but "Le Gall" is a surname
MAX_SURNAME_WORDS = 3


def words(text: str) -> list[str]:
    return name_key(text).split()


def said_name(asked: str) -> tuple[list[str], str]:
    """The words of the name said, titles dropped, and the commune given after a comma ("" when none)."""
    name, _, commune = asked.partition(",")
    said = words(name)
    while said and (said[0] in TITLES or (said[0] in ARTICLES and said[1:2] and said[1] in TITLES)):
        said = said[1:]
    return said, commune


def resolve(session: Session, asked: str, near: Location) -> Practitioner | None:
    said, commune = said_name(asked)
    if not said:
        return None
    runs = surname_runs(said)
    # Columns, not objects: common surnames name dozens of practitioners, of whom one is kept.
    rows = session.execute(
        select(Practitioner.id, Practitioner.nom, Practitioner.prenom).where(Practitioner.nom_key.in_(runs))
    ).all()
    named = [row.id for row in rows if is_named(row.nom, row.prenom, said)]
    places: dict[int, list] = {}
    for place in session.execute(
        select(Place.practitioner_id, Place.commune, Place.lat, Place.lon).where(Place.practitioner_id.in_(named))
    ):
        places.setdefault(place.practitioner_id, []).append(place)
    if commune.strip():
        named = [doc for doc in named if any(same_commune(p.commune, commune) for p in places.get(doc, ()))]
    nearest = min(named, key=lambda doc: (_distance(places.get(doc, ()), near), doc), default=None)
    return None if nearest is None else session.get(Practitioner, nearest)


def surname_runs(said: list[str]) -> set[str]:
    """Every run of words said that may be the surname."""
    return {" ".join(said[i:j]) for i in range(len(said)) for j in range(i + 1, min(len(said), i + MAX_SURNAME_WORDS) + 1)}


def is_named(nom: str, prenom: str, said: list[str]) -> bool:
    """The surname's words said together, and every other word one of the first name's."""
    surname, first_names = words(nom), set(words(prenom))
    for start in range(len(said) - len(surname) + 1):
        if said[start:start + len(surname)] == surname:
            rest = said[:start] + said[start + len(surname):]
            if set(rest) <= first_names:
                return True
    return False


def same_commune(commune: str, asked: str) -> bool:
    """"Lyon" names every arrondissement of Lyon as well."""
    mine, wanted = normalize_name(commune), normalize_name(asked)
    return bool(wanted) and (mine == wanted or mine.startswith(wanted + " "))


def _distance(places, near: Location) -> float:
    return min((distance_km(near.lat, near.lon, p.lat, p.lon) for p in places), default=math.inf)
