"""Birth places abroad, as the booking funnel takes them: "Étranger (Maroc)". Country names in French come from
babel (CLDR); a territory counts as a country when it has its own telephone numbering plan, which leaves out
CLDR's groupings ("Union européenne", "zone euro") and pseudo-regions."""
from __future__ import annotations

from functools import lru_cache

import phonenumbers
from babel import Locale

from bot.nlu.lexicons import key
from bot.phone_plans import FRENCH_REGIONS
from bot.vocabulary import BORN_ABROAD

# Born there is born in France: the regions dialled as French numbers, and the Pacific collectivities.
_FRANCE = {*FRENCH_REGIONS, "NC", "PF", "WF"}
_ARTICLES = ("la ", "le ", "les ", "l ")
# Names people say for a country that CLDR spells otherwise ("Congo" is the Republic's short ISO name).
_SAID_AS = {"CG": ("congo",), "CD": ("rdc", "republique democratique du congo"), "US": ("usa",),
            "GB": ("angleterre", "royaume uni"), "NL": ("hollande",)}


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """key of a country name (with and without its article: "la tunisie", "tunisie") -> its French name."""
    names: dict[str, str] = {}
    for code, name in Locale("fr").territories.items():
        if len(code) == 2 and code.isalpha() and code not in _FRANCE and phonenumbers.country_code_for_region(code):
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
