"""Public lists the free-text reader leans on: first names (gender-guesser's nam_dict, 45k names with their
frequency in France), surnames borne in France by rank (names-dataset, see data/README.md) and French communes
(the agenda's INSEE table). Loaded once, at component load."""
from __future__ import annotations

import gzip
import math
import re
from functools import lru_cache
from pathlib import Path

from bot.nlu.text import fold

SURNAMES_PATH = Path(__file__).parent / "data" / "surnames_fr.txt.gz"
FIRST_NAMES_PATH = Path(__file__).parent / "data" / "first_names_fr.txt.gz"
_FRANCE = 7  # column of France in gender-guesser's per-country frequencies
_ELSEWHERE_DISCOUNT = 2
_RECENT_LEAST = 3  # log2 score: among the eighth most borne first names of their gender
# Profiles' first names count surnames and nicknames too: two classes lower, like a name counted elsewhere
_RECENT_DISCOUNT = 2
# Particles of surnames ("de La Fontaine", "El Amrani", "Ben Salah"): never first names
NAME_PARTICLES = frozenset({"de", "du", "des", "da", "dos", "le", "la", "lo", "van", "von", "den", "der", "di", "del", "ben",
                            "el", "al", "ait", "ould"})
# Columns of Portugal, Turkey, Arabia/Persia (the Maghreb's names), China, India/Sri Lanka, Vietnam, other countries
_ORIGINS = (5, 46, 47, 49, 50, 53, 54)


_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})  # "Schœlcher" is typed "Schoelcher"


def key(text: str) -> str:
    """Folded, with hyphens, apostrophes, spaces and ligatures made alike ("Saint-Étienne" ~ "saint etienne")."""
    return _words(fold(text))


def _words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.translate(_LIGATURES)))


@lru_cache(maxsize=1)
def first_name_scores() -> dict[str, int]:
    """folded first name -> 1 + its frequency class in France (0 when unknown there)."""
    return {name: score for name, (score, _) in _first_names().items()}


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """folded first name -> "f", "m" or "?" (given to both)."""
    return {name: gender for name, (_, gender) in _first_names().items()}


@lru_cache(maxsize=1)
def _first_names() -> dict[str, tuple[int, str]]:
    from gender_guesser.detector import Detector

    names: dict[str, tuple[int, str]] = {}
    for name, by_gender in Detector(case_sensitive=False).names.items():
        frequency = max(_frequency_in_france(values) for values in by_gender.values())
        genders = {"f" if "female" in g else "m" if "male" in g else "?" for g in by_gender}
        gender = genders.pop() if len(genders) == 1 else "?"
        folded = key(name)
        if folded not in names or names[folded][0] < 1 + frequency:
            names[folded] = (1 + frequency, gender)
    # names-dataset's first names borne in France today ("Adam", "Noah", "Hamidou" that the older list misses or
    # counts low), scored like the surnames: a name takes its better score of the two lists
    for name, (score, gender) in _recent_first_names().items():
        if score < _RECENT_LEAST or name in NAME_PARTICLES:
            continue  # the list's tail and particles are profiles' noise ("El", "Sainte")
        known, score = names.get(name), score - _RECENT_DISCOUNT
        names[name] = (max(known[0], score), known[1]) if known else (score, gender)  # the older list's gender
    return names


@lru_cache(maxsize=1)
def first_name_spellings() -> dict[str, str]:
    """folded compound first name -> its spelling in the list, hyphenated when it is ever written so, as civil
    status writes it ("jean pierre" -> "Jean-Pierre"; "mamadou lamine" -> "Mamadou Lamine"): how a name said aloud
    is typed in the form."""
    with gzip.open(FIRST_NAMES_PATH, "rt", encoding="utf-8") as lines:
        names = [line.strip().rsplit(";", 1)[0] for line in lines if line.strip()]
    spellings: dict[str, str] = {}
    for name in names:
        if " " in name or "-" in name:
            spelt = spellings.setdefault(key(name), name)
            if "-" in name and "-" not in spelt:
                spellings[key(name)] = name
    return spellings


def _recent_first_names() -> dict[str, tuple[int, str]]:
    """folded first name -> (round(log2(names of its gender / its rank among them)), "f" or "m"; "?" for both)."""
    with gzip.open(FIRST_NAMES_PATH, "rt", encoding="utf-8") as lines:
        rows = [line.strip().rsplit(";", 1) for line in lines if line.strip()]
    counts = {gender: sum(g == gender for _, g in rows) for gender in ("f", "m")}
    ranks = dict.fromkeys(counts, 0)
    found: dict[str, tuple[int, str]] = {}
    for name, gender in rows:
        ranks[gender] += 1
        folded, score = key(name), round(math.log2(counts[gender] / ranks[gender]))
        if folded in found:
            found[folded] = (max(found[folded][0], score), "?" if found[folded][1] != gender else gender)
        else:
            found[folded] = (score, gender)
    return found


def _frequency_in_france(values: str) -> int:
    """The name's frequency class in France; for a name the French column leaves blank, its class in the countries
    most of France's immigration came from, two classes lower: "Karim", "Mohamed", "Anh" are borne in France though
    the list counts them under those countries."""
    if values[_FRANCE].strip():
        return int(values[_FRANCE], 16)
    elsewhere = [int(values[c], 16) for c in _ORIGINS if c < len(values) and values[c].strip()]
    return max(max(elsewhere, default=0) - _ELSEWHERE_DISCOUNT, 0)


@lru_cache(maxsize=1)
def surname_scores() -> dict[str, float]:
    """folded surname -> log2(count of listed surnames / its rank): 0 for the rarest, about 15 for "Martin"."""
    with gzip.open(SURNAMES_PATH, "rt", encoding="utf-8") as lines:
        names = [line.strip() for line in lines if line.strip()]
    scores: dict[str, float] = {}
    for rank, name in enumerate(names, start=1):
        scores.setdefault(key(name), math.log2(len(names) / rank))
    return scores


@lru_cache(maxsize=1)
def _names_of_communes() -> tuple[str, ...]:
    from bot.agenda.geo import SHORTENED_NAMES, aliases, communes, names_a_departement

    # Former communes too ("Oullins", now in Oullins-Pierre-Bénite): the agenda reads them as their commune; not a
    # small commune named as a département ("à la Réunion" is the island).
    return tuple(c.name for c in communes() if not names_a_departement(c)) + tuple(a.name for a in aliases()) \
        + SHORTENED_NAMES


@lru_cache(maxsize=1)
def commune_names() -> frozenset[str]:
    return frozenset(key(name) for name in _names_of_communes())


_CITY = 100_000  # inhabitants
TOWN = 15_000


@lru_cache(maxsize=2)
def city_names(population: int = _CITY) -> frozenset[str]:
    """Towns large enough to be named with a part of them ("Bordeaux Chartrons", "Toulouse Rangueil"); from TOWN
    people, known well enough that their name in small letters is no word ("a thionville" is "à" typed bare)."""
    from bot.agenda.geo import communes

    return frozenset(key(c.name) for c in communes() if c.population >= population)


@lru_cache(maxsize=1)
def shared_commune_names() -> frozenset[str]:
    """Names that several communes bear ("Saint-Just", "Beaumont"): said alone, they do not tell which."""
    from collections import Counter

    from bot.agenda.geo import communes

    return frozenset(name for name, count in Counter(key(c.name) for c in communes()).items() if count > 1)


@lru_cache(maxsize=1)
def _commune_departements() -> dict[str, frozenset[str]]:
    from collections import defaultdict

    from bot.agenda.geo import communes, normalize_name

    found: dict[str, set[str]] = defaultdict(set)
    for commune in communes():
        found[normalize_name(commune.name)].add(commune.departement.lower())
    return {name: frozenset(departements) for name, departements in found.items()}


def departements_of(name: str) -> frozenset[str]:
    """The départements of the communes `name` is borne by, in small letters ("2a", "974"), the name written as the
    geocoder reads it ("st pierre" is Saint-Pierre)."""
    from bot.agenda.geo import normalize_name

    return _commune_departements().get(normalize_name(name), frozenset())


def _spelled(text: str) -> str:
    """As `key`, accents kept: "Gené" is "gené", "Saint-Étienne" is "saint étienne"."""
    return _words(text.lower())


@lru_cache(maxsize=1)
def _commune_spellings() -> dict[str, frozenset[str]]:
    spellings: dict[str, set[str]] = {}
    for name in _names_of_communes():
        spellings.setdefault(key(name), set()).add(_spelled(name))
    return {k: frozenset(v) for k, v in spellings.items()}


def accents_agree(written: str) -> bool:
    """False when the accents written are not those of any commune of that name: an accent may be left out, not
    put where the name has none ("gêne ++" is no Gené, "Besancon" is Besançon); a name of several words is no word
    of the language, whatever its accents ("rémire-montjoly", listed "Remire-Montjoly")."""
    said, names = _spelled(written), _commune_spellings().get(key(written))
    return not names or len(key(written).split()) > 1 or any(all(c == n or c == fold(c) for c, n in zip(said, name, strict=True))
                            for name in names if len(name) == len(said))


@lru_cache(maxsize=1)
def postal_codes() -> frozenset[str]:
    """The postal codes communes use: a number of five digits that none uses is a file or a case number."""
    from bot.agenda.geo import communes

    return frozenset(code for commune in communes() for code in commune.postal_codes)


@lru_cache(maxsize=1)
def communes_after_contraction() -> frozenset[str]:
    """"tampon", "abymes": communes said without their article, which only "au", "aux", "du", "des" carry ("au
    Tampon"); alone, "Blanc" is a surname, not Le Blanc."""
    from bot.agenda.geo import without_article

    return frozenset(key(bare) for name in _names_of_communes() if (bare := without_article(name)))


@lru_cache(maxsize=1)
def short_commune_names() -> frozenset[str]:
    """"brive", "villefranche": towns said by the first part of their name; read after "à" or "sur" only, where
    "salon" or "fort" cannot be the common word."""
    from bot.agenda.geo import communes, short_names

    return frozenset(key(town.name.split("-", 1)[0]) for town in short_names(communes()).values())


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Départements and regions ("Martinique", "La Réunion", "Isère", "Bretagne"), with and without their article:
    said after a commune, they only tell where it is ("au Lamentin en Martinique")."""
    import csv

    from bot.agenda.geo import RADII_PATH

    with RADII_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = {key(row[column]) for row in rows for column in ("label", "region")}
    return frozenset(names | {name.split(" ", 1)[1] for name in names if name.split(" ", 1)[0] in ("la", "le", "les", "l")})


def warm() -> None:
    first_name_scores()
    surname_scores()
    commune_names()
    communes_after_contraction()
    postal_codes()
    region_names()
