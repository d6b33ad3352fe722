"""The NLU evaluation sets, all read by one loader.

- generated: tests/heldout/patient.yml, drawn from the training generator with another seed (measures the templates);
- realistic dev / realistic scored: tests/realistic/*.yml, messages written one by one by hand as regulators type
  and phone operators dictate, split once at random: developers read dev while fixing, never scored.

Gold conventions of the realistic set (a field is in `expected` only when the message says it):
- civilite "Madame"/"Monsieur" only when a civility word is written or said (Mlle, Mme → Madame; M, Mr → Monsieur);
- prenom, nom, nom_naissance as typed in the booking form (capitalized when written all upper or all lower case,
  particles lower inside: "de la Fontaine"; spelled names joined); nom_naissance = nom when said to be the same;
  for a child, the child's names;
- date_naissance ISO (two-digit years ≤ 26 are 20xx); telephone E.164 with the overseas country codes, the first
  number said; email lower case;
- lieu_naissance, localisation, symptomes as written (compared case- and accent-insensitively, word by word);
  localisation is where the patient is, never the birth place;
- creneau {start, end} from the reference time (named day 08–20, matin 08–12, midi 12–14, après-midi 14–18,
  fin d'après-midi 16–18, fin de journée 17–20, soir 18–20, "vers 15h" 14–16, "après 16h" 16–20, a start before
  the reference time becomes the reference time, weekdays are the next such day);
- urgence the maximum delay in hours: numbers exact (the stricter of two wins), "très urgent"/"au plus vite"/
  "dans l'heure" 4, "urgent"/"rapidement" 8, "aujourd'hui"/"dans la journée" 12, "d'ici demain" 24,
  "pas pressé"/"cette semaine" 72; a wanted window alone gives no urgence.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from bot.settings import ROOT

GENERATED = "generated"
DEV = "realistic dev"
SCORED = "realistic scored"
PATHS = {
    GENERATED: ROOT / "tests" / "heldout" / "patient.yml",
    DEV: ROOT / "tests" / "realistic" / "dev.yml",
    SCORED: ROOT / "tests" / "realistic" / "scored.yml",
}
GROUPS = {"generated": (GENERATED,), "realistic": (DEV, SCORED)}


@dataclass(frozen=True)
class EvalSet:
    name: str
    now: datetime  # the clock every message of the set is read with
    messages: list[dict]

    @property
    def dictated(self) -> int:
        return sum(m["style"] == "dictated" for m in self.messages)


def load_set(name: str, path: Path | None = None) -> EvalSet:
    document = yaml.safe_load((path or PATHS[name]).read_text(encoding="utf-8"))
    return EvalSet(name, datetime.fromisoformat(document["reference_time"]), document["messages"])


def load_sets(group: str | None = None) -> list[EvalSet]:
    """All sets, or those of one group ("generated" or "realistic")."""
    names = GROUPS[group] if group else tuple(PATHS)
    return [load_set(name) for name in names]
