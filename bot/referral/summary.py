"""The recap of what is known, the draft message to the practitioner, and the booking request."""
from __future__ import annotations

import phonenumbers

from bot.phone_plans import is_french
from bot.referral.extra_fields import birth_place_words
from bot.referral.fields import NEED_FIELDS, PATIENT_FIELDS, REQUIRED_FIELDS
from bot.vocabulary import MODES

# The guide's wording, agreed with the patient when the civility is known.
MESSAGE_SUBJECT = {"Madame": "La patiente"}


def missing_fields(slots: dict) -> list[str]:
    return [field for field in REQUIRED_FIELDS if not slots.get(field)]


def recap_payload(slots: dict) -> dict:
    """What the side panel shows of the patient and the need, missing fields marked."""
    return {
        "kind": "recap",
        "patient": {field: slots.get(field) for field in PATIENT_FIELDS},
        "besoin": {field: slots.get(field) for field in NEED_FIELDS},
        "manquants": missing_fields(slots),
        "affichage": display_values(slots),
    }


def display_values(slots: dict) -> dict[str, str]:
    """The values a regulator reads in another form than the data keeps (phones, delays)."""
    shown = {}
    if slots.get("telephone"):
        shown["telephone"] = display_phone(slots["telephone"])
    if slots.get("urgence"):
        shown["urgence"] = delay_words(int(slots["urgence"]))
    return shown


def display_phone(e164: str) -> str:
    """A phone as French regulators read it ("06 45 37 26 53", "0690 12 34 56"); foreign ones in international
    form. The data keeps E.164."""
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164
    style = phonenumbers.PhoneNumberFormat.NATIONAL if is_french(number) else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def _born(civilite: str | None) -> str:
    return {"Madame": "née", "Monsieur": "né"}.get(civilite or "", "né(e)")


def patient_line(slots: dict, civilite: str | None = None) -> str:
    """"Madame Marie Durand (naissance : Martin), née le 21/11/1952, 06 45 37 26 53" — the given fields only;
    `civilite`, known from before, agrees "né" or "née" when the slots do not hold it."""
    civilite = slots.get("civilite") or civilite
    name = " ".join(v for v in (slots.get("civilite"), slots.get("prenom"), slots.get("nom")) if v)
    if slots.get("nom_naissance") and slots.get("nom_naissance") != slots.get("nom"):
        name = f'{name} (naissance : {slots["nom_naissance"]})'.strip()
    parts = [name] if name else []
    if slots.get("date_naissance"):
        y, m, d = slots["date_naissance"].split("-")
        parts.append(f"{_born(civilite)} le {d}/{m}/{y}")
    if slots.get("lieu_naissance"):
        born = birth_place_words(slots["lieu_naissance"])
        parts.append(born if slots.get("date_naissance") else f"{_born(civilite)} {born}")
    if slots.get("telephone"):
        parts.append(display_phone(slots["telephone"]))
    if slots.get("email"):
        parts.append(slots["email"])
    return ", ".join(parts)


def need_line(slots: dict) -> str:
    mode = MODES.get(slots.get("type_consultation") or "")
    parts = [slots.get("localisation"), slots.get("specialite"), mode and mode.label]  # "en vidéo", not "video"
    if slots.get("creneau"):
        parts.append(slots["creneau"].get("text"))
    if slots.get("urgence"):
        parts.append(delay_words(int(slots["urgence"])))
    if slots.get("symptomes"):
        parts.append(slots["symptomes"])
    return ", ".join(p for p in parts if p)


def delay_words(hours: int) -> str:
    """"d'ici 2 h", "d'ici 3 jours": the delay as a regulator checks it at a glance."""
    if hours >= 48 and hours % 24 == 0:
        return f"d'ici {hours // 24} jours"
    return f"d'ici {hours} h"


def draft_message(symptomes: str | None, civilite: str | None = None) -> str:
    subject = MESSAGE_SUBJECT.get(civilite or "", "Le patient")
    return f"{subject} présente les symptômes suivants : {symptomes.strip()}" if symptomes else ""


def message_to_send(slots: dict) -> str:
    """The message the regulator wrote or kept, else the one drafted from the complaint."""
    return slots.get("message") or draft_message(slots.get("symptomes"), slots.get("civilite"))


def patient_payload(slots: dict) -> dict:
    """The patient as the agenda's booking API wants it."""
    return {field: slots.get(field) for field in PATIENT_FIELDS if slots.get(field)}
