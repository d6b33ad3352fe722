"""Birth places abroad: the countries and the large cities abroad people name. Country names in French come from
babel (CLDR); a territory counts as a country when it has its own telephone numbering plan, which leaves out
CLDR's groupings ("Union européenne", "zone euro") and pseudo-regions."""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

import phonenumbers
from babel import Locale

from bot.nlu.lexicons import commune_names, key
from bot.phone_plans import FRENCH_REGIONS

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


def country_said_last(said: str) -> tuple[str, str] | None:
    """"Fès au Maroc" -> ("Fès au ", "Maroc"), "Casablanca (Maroc)" -> ("Casablanca (", "Maroc"), "Tunisie" -> ("",
    "Tunisie"): what comes before the country said last, and its French name; None when no country ends the text."""
    words = [(word.start(), key(word.group())) for word in re.finditer(r"[^\W_]+", said)]
    for n, (start, _) in enumerate(words):
        name = countries().get(" ".join(folded for _, folded in words[n:]))
        if name:
            return said[:start], name
    return None


@lru_cache(maxsize=1)
def _foreign_cities() -> dict[str, str]:
    """key of a name of a city abroad of 15,000 people or more -> its country's ISO code."""
    with gzip.open(FOREIGN_CITIES_PATH, "rt", encoding="utf-8") as lines:
        return dict(line.rstrip("\n").split(";") for line in lines)


def city_abroad(said: str) -> str | None:
    """"Oran" -> "Algérie", "PORTO" -> "Portugal": the country of a large city abroad said alone; None when a French
    commune bears the name ("Valence", "Tripoli" is no issue)."""
    name = key(said)
    code = _foreign_cities().get(name)
    if code is None or name in commune_names():
        return None
    return Locale("fr").territories[code]
