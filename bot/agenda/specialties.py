"""Medical specialties (TRE_R38 codes of the SAS value set JDV_J239) and loose French lookup."""
from __future__ import annotations

import difflib
import unicodedata

DEFAULT_CODE = "SM54"

LABELS = {
    "SM54": "Médecine générale",
    "SM40": "Pédiatrie",
    "SM15": "Dermatologie et vénéréologie",
    "SM04": "Cardiologie et maladies vasculaires",
    "SM19": "Gynécologie médicale",
    "SM20": "Gynécologie-obstétrique",
    "SM38": "Ophtalmologie",
    "SM39": "Oto-rhino-laryngologie",
    "SM42": "Psychiatrie",
    "SM32": "Neurologie",
    "SM16": "Endocrinologie et métabolisme",
    "SM57": "Allergologie",
}

# What regulators say, normalised (lower case, no accents), beside the labels themselves.
_ALIASES = {
    "generaliste": "SM54", "medecin generaliste": "SM54", "medecin traitant": "SM54", "mg": "SM54",
    "medecin": "SM54",
    "pediatre": "SM40", "pedia": "SM40",
    "dermatologue": "SM15", "dermato": "SM15", "dermatologie": "SM15",
    "cardiologue": "SM04", "cardio": "SM04", "cardiologie": "SM04",
    "gynecologue": "SM19", "gyneco": "SM19", "gynecologie": "SM19",
    "obstetricien": "SM20", "obstetrique": "SM20",
    "ophtalmologue": "SM38", "ophtalmo": "SM38", "ophtalmologiste": "SM38", "oculiste": "SM38",
    "orl": "SM39", "oto rhino": "SM39",
    "psychiatre": "SM42", "psy": "SM42",
    "neurologue": "SM32",
    "endocrinologue": "SM16", "endocrino": "SM16",
    "allergologue": "SM57",
}


class UnknownSpecialty(ValueError):
    def __init__(self, query: str):
        super().__init__(f"Spécialité inconnue : « {query} ».")
        self.query = query


def normalize(text: str) -> str:
    stripped = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(stripped.lower().replace("-", " ").replace("'", " ").split())


def _names() -> dict[str, str]:
    names = {normalize(label): code for code, label in LABELS.items()}
    names.update(_ALIASES)
    return names


_NAMES = _names()


def resolve(query: str | None) -> tuple[str, str]:
    """A code ("SM40") or a French name ("pédiatre", "Pédiatrie") -> (code, label); None -> général."""
    if not query or not query.strip():
        return DEFAULT_CODE, LABELS[DEFAULT_CODE]
    if query.strip().upper() in LABELS:
        code = query.strip().upper()
        return code, LABELS[code]
    key = normalize(query)
    if key not in _NAMES:
        close = difflib.get_close_matches(key, list(_NAMES), n=1, cutoff=0.8)
        if not close:
            raise UnknownSpecialty(query)
        key = close[0]
    code = _NAMES[key]
    return code, LABELS[code]
