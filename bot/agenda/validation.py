"""Patient fields of the booking funnel, checked at the boundary; errors name each field, in French."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import phonenumbers

from bot.agenda import geo
from bot.nlu import abroad
from bot.nlu.lexicons import key
from bot.nlu.text import fold
from bot.phone_plans import french_number
from bot.vocabulary import BORN_ABROAD, MANDATORY_PATIENT_FIELDS, NAME_FIELDS, PATIENT_FIELDS

NAME = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*\.?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CIVILITES = {"m": "M.", "m.": "M.", "monsieur": "M.", "mme": "Mme", "madame": "Mme"}
MAX_AGE_YEARS = 130
# "Étranger", or "Étranger (Maroc)": born abroad, with the country when given (accents and case free).
ABROAD = re.compile(rf"^{fold(BORN_ABROAD)}(?:\s*\(\s*(?P<country>[^()]*?)\s*\))?$")
COUNTRY = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*$")
# a town abroad and its country: "Casablanca (Maroc)"
TOWN_ABROAD = re.compile(r"^(?P<town>[^\W\d_]+(?:[ '’-][^\W\d_]+)*)\s*\(\s*(?P<country>[^()]+?)\s*\)$")


@dataclass(frozen=True)
class PatientData:
    prenom: str
    nom: str
    nom_naissance: str
    date_naissance: date
    telephone: str  # E.164
    civilite: str | None = None
    lieu_naissance: str | None = None
    email: str | None = None


def validate_patient(raw: dict, today: date) -> tuple[PatientData | None, dict[str, str]]:
    values = {key: (value.strip() if isinstance(value, str) else value) for key, value in raw.items()}
    errors: dict[str, str] = {}
    for field in MANDATORY_PATIENT_FIELDS:
        if not values.get(field):
            errors[field] = f"Champ obligatoire : {PATIENT_FIELDS[field].lower()} du patient."
    for field in NAME_FIELDS:
        if field not in errors and (len(values[field]) > 100 or not NAME.match(values[field])):
            errors[field] = f"{PATIENT_FIELDS[field]} invalide : lettres, espaces, tirets et apostrophes seulement."
    birth = None
    if "date_naissance" not in errors:
        birth, message = parse_birth_date(values["date_naissance"], today)
        if message:
            errors["date_naissance"] = message
    telephone = None
    if "telephone" not in errors:
        telephone = _e164(values["telephone"])
        if telephone is None:
            errors["telephone"] = (
                f"Numéro de téléphone invalide : « {values['telephone']} » (attendu par exemple +33612345678)."
            )
    civilite = values.get("civilite") or None
    if civilite is not None:
        civilite = CIVILITES.get(civilite.lower())
        if civilite is None:
            errors["civilite"] = "Civilité invalide : « M. » ou « Mme »."
    email = values.get("email") or None
    if email is not None and (len(email) > 254 or not EMAIL.match(email)):
        errors["email"] = f"Adresse e-mail invalide : « {email} »."
    lieu, suggestions = birth_place(values.get("lieu_naissance") or None)
    if lieu is None and values.get("lieu_naissance"):
        errors["lieu_naissance"] = _unknown_birth_place(values["lieu_naissance"], suggestions)
    if errors:
        return None, errors
    return PatientData(
        prenom=values["prenom"],
        nom=values["nom"],
        nom_naissance=values["nom_naissance"],
        date_naissance=birth,
        telephone=telephone,
        civilite=civilite,
        lieu_naissance=lieu,
        email=email,
    ), {}


def missing_required(patient: PatientData, fields: list[str]) -> dict[str, str]:
    """A French message for each field the practitioner (or the motif) requires and the patient lacks."""
    return {field: f"Champ demandé par ce praticien : {PATIENT_FIELDS[field].lower()} du patient."
            for field in fields if not getattr(patient, field)}


def birth_place_suggestions(raw: dict) -> list[str] | None:
    """The communes close to an unknown birth place, for the refusal's `suggestions`."""
    return birth_place(raw.get("lieu_naissance"))[1] or None


def birth_place(text: str | None) -> tuple[str | None, list[str]]:
    """A French commune the agenda knows, spelt as its table does; abroad: BORN_ABROAD with the country when given, a
    town with its country ("Casablanca (Maroc)") or a large city alone ("Oran") -> (the place as stored, []); (None,
    the closest commune names) when it is none of them."""
    if not text or len(text) > 100:
        return None, []
    unsaid_town = ABROAD.match(fold(text.strip()))
    if unsaid_town:
        country = text.strip()[unsaid_town.start("country"):unsaid_town.end("country")] \
            if unsaid_town.group("country") else ""
        if not country:
            return BORN_ABROAD, []
        return (f"{BORN_ABROAD} ({country[0].upper()}{country[1:]})", []) if COUNTRY.match(country) else (None, [])
    town_abroad = TOWN_ABROAD.match(text.strip())
    country = town_abroad and abroad.countries().get(key(town_abroad.group("country")))
    if country:
        return f"{town_abroad.group('town')} ({country})", []
    if abroad.city_abroad(text):
        return text.strip(), []
    try:
        return geo.commune_name(text), []
    except geo.UnknownPlace as unknown:
        return None, unknown.suggestions


def _unknown_birth_place(text: str, suggestions: list[str]) -> str:
    message = (f"Lieu de naissance inconnu : « {text.strip()[:100]} » (une commune française ; à l'étranger, la ville "
               f"suivie du pays entre parenthèses, par exemple « Casablanca (Maroc) », ou « {BORN_ABROAD} (Maroc) »).")
    return message + (f" Communes proches : {', '.join(suggestions)}." if suggestions else "")


def parse_birth_date(text, today: date) -> tuple[date | None, str | None]:
    try:
        birth = date.fromisoformat(str(text))
    except ValueError:
        return None, f"Date de naissance invalide : « {text} » (format attendu AAAA-MM-JJ)."
    if birth > today:
        return None, "Date de naissance invalide : elle est dans le futur."
    if today.year - birth.year > MAX_AGE_YEARS:
        return None, f"Date de naissance invalide : plus de {MAX_AGE_YEARS} ans."
    return birth, None


def _e164(text) -> str | None:
    number = french_number(str(text))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None
