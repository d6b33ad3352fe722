"""The recap of what is known, the draft message to the practitioner, and the booking request."""
from __future__ import annotations

from bot.referral.fields import NEED_FIELDS, PATIENT_FIELDS, REQUIRED_FIELDS

MESSAGE_PREFIX = "Le patient présente les symptômes suivants : "


def missing_fields(slots: dict) -> list[str]:
    return [field for field in REQUIRED_FIELDS if not slots.get(field)]


def recap_payload(slots: dict) -> dict:
    """What the side panel shows of the patient and the need, missing fields marked."""
    return {
        "kind": "recap",
        "patient": {field: slots.get(field) for field in PATIENT_FIELDS},
        "besoin": {field: slots.get(field) for field in NEED_FIELDS},
        "manquants": missing_fields(slots),
    }


def patient_line(slots: dict) -> str:
    """"Madame Marie Durand (naissance : Martin), né(e) le 21/11/1952, +33645372653" — the given fields only."""
    name = " ".join(v for v in (slots.get("civilite"), slots.get("prenom"), slots.get("nom")) if v)
    if slots.get("nom_naissance") and slots.get("nom_naissance") != slots.get("nom"):
        name = f'{name} (naissance : {slots["nom_naissance"]})'.strip()
    parts = [name] if name else []
    if slots.get("date_naissance"):
        y, m, d = slots["date_naissance"].split("-")
        parts.append(f"né(e) le {d}/{m}/{y}")
    if slots.get("lieu_naissance"):
        parts.append(f'à {slots["lieu_naissance"]}')
    parts.extend(slots[f] for f in ("telephone", "email") if slots.get(f))
    return ", ".join(parts)


def need_line(slots: dict) -> str:
    parts = [slots.get("localisation"), slots.get("specialite"), slots.get("type_consultation")]
    if slots.get("creneau"):
        parts.append(slots["creneau"].get("text"))
    if slots.get("urgence"):
        parts.append(f'sous {int(slots["urgence"])} h')
    if slots.get("symptomes"):
        parts.append(slots["symptomes"])
    return ", ".join(p for p in parts if p)


def draft_message(symptomes: str | None) -> str:
    return f"{MESSAGE_PREFIX}{symptomes.strip()}" if symptomes else ""


def patient_payload(slots: dict) -> dict:
    """The patient as the agenda's booking API wants it."""
    return {field: slots.get(field) for field in PATIENT_FIELDS if slots.get(field)}
