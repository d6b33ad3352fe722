"""The médecin traitant (or a doctor the patient knows) named by the regulator: what the search is sent, and
whether a chosen slot is theirs, which makes the booking "déjà consulté"."""
from __future__ import annotations

from bot.nlu.text import fold


def search_param(doctor: dict | None) -> str | None:
    """"Dr Claire Thomas, Villeurbanne": the name as said, and the commune when said."""
    if not doctor or not doctor.get("nom"):
        return None
    name = " ".join(part for part in ("Dr", doctor.get("prenom"), doctor["nom"]) if part)
    return f'{name}, {doctor["commune"]}' if doctor.get("commune") else name


def is_their_slot(card: dict, doctor: dict | None) -> bool:
    """The card is the doctor's: the agenda marked it so, or the names agree (the first name too when said)."""
    if card.get("medecin_traitant"):
        return True
    if not doctor or not doctor.get("nom") or fold(doctor["nom"]) != fold(card.get("nom") or ""):
        return False
    first_name = fold(doctor.get("prenom") or "")
    return not first_name or fold(card.get("praticien") or "").split()[1:2] == first_name.split()[:1]
