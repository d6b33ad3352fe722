"""Build bot/nlu/data/surnames_fr.txt.gz and first_names_fr.txt.gz: the surnames and first names most borne in
France, most common first (first names with their gender, "f" or "m").

Source: the PyPI package `names-dataset` (MIT; ranks per country from a public sample of 491 million
profiles). It takes 4 GB of memory and 50 MB on disk, so it is a build-time tool only, installed into a
temporary virtualenv by this script; the app reads the small list it writes.

Usage: PYTHONPATH=. .venv/bin/python scripts/build_names.py
"""
from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

from bot.nlu.lexicons import FIRST_NAMES_PATH, SURNAMES_PATH

PACKAGE = "names-dataset==3.3.1"
EXPORT = """
import sys
from names_dataset import NameDataset
names = NameDataset()
for name in names.get_top_names(n=50000, use_first_names=False, country_alpha2="FR")["FR"]:
    sys.stdout.write("surname;" + name + "\\n")
for gender, given in names.get_top_names(n=20000, use_first_names=True, country_alpha2="FR")["FR"].items():
    for rank, name in enumerate(given):
        sys.stdout.write(f"{gender.lower()};{rank};{name}\\n")
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", PACKAGE], check=True)
        lines = subprocess.run([str(venv / "bin" / "python"), "-c", EXPORT], check=True, capture_output=True,
                               text=True).stdout.splitlines()
    surnames = [line.split(";", 1)[1] for line in lines if line.startswith("surname;")]
    # both genders' lists merged by rank: "1 000th girl's name" and "1 000th boy's name" are as common
    given = sorted((int(rank), name, gender) for gender, rank, name in
                   (line.split(";", 2) for line in lines if not line.startswith("surname;")))
    write(SURNAMES_PATH, surnames)
    write(FIRST_NAMES_PATH, [f"{name};{gender}" for _, name, gender in given])
    print(f"{len(surnames)} surnames -> {SURNAMES_PATH}, {len(given)} first names -> {FIRST_NAMES_PATH}")


def write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:  # reproducible
        out.write(("\n".join(lines) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
