"""Birth places abroad, as the booking funnel takes them: "Étranger (Maroc)". Country names in French come from
babel (CLDR); a territory counts as a country when it has its own telephone numbering plan, which leaves out
CLDR's groupings ("Union européenne", "zone euro") and pseudo-regions."""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import phonenumbers
from babel import Locale

from bot.nlu.lexicons import commune_names, key
from bot.phone_plans import FRENCH_REGIONS
from bot.vocabulary import BORN_ABROAD

# Born there is born in France: the regions dialled as French numbers, and the Pacific collectivities.
FRANCE = {*FRENCH_REGIONS, "NC", "PF", "WF"}
FOREIGN_CITIES_PATH = Path(__file__).parent / "data" / "foreign_cities.txt.gz"  # scripts/build_foreign_cities.py
_ARTICLES = ("la ", "le ", "les ", "l ")
# Names people say for a country that CLDR spells otherwise ("Congo" is the Republic's short ISO name).
_SAID_AS = {"CG": ("congo",), "CD": ("rdc", "republique democratique du congo"), "US": ("usa",),
            "GB": ("angleterre", "royaume uni"), "NL": ("hollande",)}


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """key of a country name (with and without its article: "la tunisie", "tunisie") -> its French name."""
    names: dict[str, str] = {}
    for code, name in Locale("fr").territories.items():
        if len(code) == 2 and code.isalpha() and code not in FRANCE and phonenumbers.country_code_for_region(code):
            folded = key(name)
            names[folded] = name
            names.setdefault(folded.replace(" ", ""), name)  # "Vietnam" for CLDR's "Viêt Nam"
            for article in _ARTICLES:
                if folded.startswith(article):
                    names.setdefault(folded[len(article):], name)
            for said in _SAID_AS.get(code, ()):
                names.setdefault(said, name)
    return names


def born_abroad(said: str) -> str | None:
    """"Maroc", "Casablanca (Maroc)", "Fès au Maroc" -> "Étranger (Maroc)": the country said last, or None when
    no country is said (a French commune, or a foreign town alone, kept as said)."""
    words = key(said).split()
    for start in range(len(words)):
        name = countries().get(" ".join(words[start:]))
        if name:
            return f"{BORN_ABROAD} ({name})"
    return None


@lru_cache(maxsize=1)
def _foreign_cities() -> dict[str, str]:
    """key of a name of a city abroad of 100,000 people or more -> its country's ISO code."""
    with gzip.open(FOREIGN_CITIES_PATH, "rt", encoding="utf-8") as lines:
        return dict(line.rstrip("\n").split(";") for line in lines)


def city_abroad(said: str) -> str | None:
    """"Oran", "Lisbonne", "Porto" -> "Étranger (Algérie)", … : a large city abroad said alone, which the booking
    funnel takes by its country; None when a French commune bears the name ("Valence", "Tripoli" is no issue)."""
    name = key(said)
    code = _foreign_cities().get(name)
    if code is None or name in commune_names():
        return None
    return f"{BORN_ABROAD} ({Locale('fr').territories[code]})"
