"""Build bot/nlu/data/surnames_fr.txt.gz: the surnames most borne in France, most common first.

Source: the PyPI package `names-dataset` (MIT; ranks per country from a public sample of 491 million
profiles). It takes 4 GB of memory and 50 MB on disk, so it is a build-time tool only, installed into a
temporary virtualenv by this script; the app reads the small list it writes.

Usage: PYTHONPATH=. .venv/bin/python scripts/build_surnames.py
"""
from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

from bot.nlu.lexicons import SURNAMES_PATH

PACKAGE = "names-dataset==3.3.1"
EXPORT = """
import sys
from names_dataset import NameDataset
for name in NameDataset().get_top_names(n=50000, use_first_names=False, country_alpha2="FR")["FR"]:
    sys.stdout.write(name + "\\n")
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", PACKAGE], check=True)
        names = subprocess.run([str(venv / "bin" / "python"), "-c", EXPORT], check=True, capture_output=True,
                               text=True).stdout.splitlines()
    SURNAMES_PATH.parent.mkdir(parents=True, exist_ok=True)
    with SURNAMES_PATH.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:  # reproducible
        out.write(("\n".join(names) + "\n").encode("utf-8"))
    print(f"{len(names)} surnames -> {SURNAMES_PATH}")


if __name__ == "__main__":
    main()
