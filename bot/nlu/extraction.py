"""Whole-message extraction of the fields libraries read better than a statistical model, and the
reconciliation with DIET's entities so that each field carries one clean value."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from bot.nlu import fields
from bot.nlu.dates import find_birth_date
from bot.nlu.free_text import BIRTH_DATE, BOUNDARY, PRACTITIONER, SAME_BIRTH_NAME, read_free_text
from bot.nlu.names import normalize_name
from bot.nlu.text import Normalized, fold
from bot.nlu.time_windows import find_time_window
from bot.nlu.vocabulary import Found

RULE_FIELDS = ("civilite", "date_naissance", "telephone", "email", "type_consultation", "creneau", "urgence",
               "specialite")
NAME_FIELDS = ("prenom", "nom", "nom_naissance")
EXTRACTOR = "PatientDetailsExtractor"
SAME_NAME = "identique"  # the birth name said to be the name, before the name is known (the validator resolves it)
MIN_DIET_CONFIDENCE = 0.7  # below this DIET's guesses on held-out messages were mostly wrong


def _mask(text: str, spans: list[Found], filler: str = " ") -> str:
    """Blank out spans already read (a phone is not a date) without moving offsets."""
    chars = list(text)
    for found in spans:
        chars[found.start:found.end] = filler * (found.end - found.start)
    return "".join(chars)


def _entity(field: str, found: Found, normalized: Normalized) -> dict:
    start, end = normalized.to_original(found.start, found.end)
    value = found.value
    if field == "creneau":
        value = {**value, "text": normalized.original[start:end]}
    return {"entity": field, "start": start, "end": end, "value": value, "extractor": EXTRACTOR,
            "confidence_entity": 1.0}


def extract_details(text: str, now: datetime) -> list[dict]:
    """At most one entity per field read by rules (libraries, then the words around names, places and
    symptoms), with spans in `text` and normalized values. A practitioner named ("le Dr Thomas") is kept as a
    PRACTITIONER entity so that `reconcile` drops DIET's names there; it never leaves `reconcile`."""
    normalized = Normalized.of(text)
    phones, emails = fields.find_phones(normalized.text), fields.find_emails(normalized.text)
    folded = fold(_mask(normalized.text, phones + emails))
    birth = find_birth_date(folded, now.date())
    after_birth = _mask(folded, [birth]) if birth else folded
    window = find_time_window(after_birth, now)
    urgencies = [u for u in fields.find_urgencies(after_birth)
                 if not (window and u.start < window.end and window.start < u.end)]
    candidates = {
        "telephone": phones or fields.find_invalid_phones(after_birth, now.date()),
        "email": emails,
        "date_naissance": [birth] if birth else [],
        "creneau": [window] if window else [],
        "urgence": urgencies,
        "civilite": fields.find_civilite(normalized.text, folded),
        "type_consultation": fields.find_modes(folded),
        "specialite": fields.find_specialties(folded),
    }
    entities = [_entity(field, found[0], normalized) for field, found in candidates.items() if found]
    read = [one for field, found in candidates.items() if field not in ("civilite", "date_naissance") for one in found]
    masked = _mask(_mask(normalized.text, read, BOUNDARY), [birth] if birth else [], BIRTH_DATE)
    for span in read_free_text(masked):
        start, end = normalized.to_original(span.start, span.end)
        said = text[start:end]
        # names as normalized (hesitations dropped, spelled letters joined); other values as the regulator wrote them
        value = normalize_name(normalized.text[span.start:span.end]) if span.field in NAME_FIELDS \
            else said.strip(" \t,;:.")
        field = "nom_naissance" if span.field == SAME_BIRTH_NAME else span.field
        entities.append({"entity": field, "start": start, "end": end, "value": SAME_NAME if field != span.field
                         else value, "extractor": EXTRACTOR, "confidence_entity": 1.0})
    return entities


def _parsers(now: datetime) -> dict[str, Callable[[str], object]]:
    """Bare-answer parsers for the rule fields DIET may still fill. The others were read on the whole message
    already, and what the rules left out there was left out for a reason ("depuis samedi" is not a wanted day);
    a birth date said without cue nor year ("le 12 mars") is the one DIET can tell from context."""
    today: date = now.date()
    return {"date_naissance": lambda t: fields.parse_birth_date(t, today)}


def _overlaps(entity: dict, others: list[dict]) -> bool:
    return any(entity["start"] < o["end"] and o["start"] < entity["end"] for o in others)


def _clean_value(entity: dict, text: str) -> object:
    said = text[entity["start"]:entity["end"]]
    if entity["entity"] in NAME_FIELDS:
        return normalize_name(said)
    return said.strip(" \t,;:.")


def reconcile(text: str, model_entities: list[dict], rule_entities: list[dict], now: datetime) -> list[dict]:
    """Rule values win; DIET's confident guesses fill the fields rules left empty, normalized, one per field."""
    ruled = {e["entity"] for e in rule_entities}
    parsers = _parsers(now)
    kept = [e for e in rule_entities if e["entity"] != PRACTITIONER]
    for entity in model_entities:
        field = entity["entity"]
        if field in ruled or (field in RULE_FIELDS and field not in parsers) or _overlaps(entity, rule_entities) \
                or entity.get("confidence_entity", 1.0) < MIN_DIET_CONFIDENCE:
            continue
        value = parsers[field](text[entity["start"]:entity["end"]]) if field in parsers else _clean_value(entity, text)
        if value in (None, ""):
            continue
        kept.append({**entity, "value": value})
    best: dict[str, dict] = {}
    for entity in kept:
        field = entity["entity"]
        if field not in best or entity.get("confidence_entity", 0) > best[field].get("confidence_entity", 0):
            best[field] = entity
    if best.get("nom_naissance", {}).get("value") == SAME_NAME and "nom" in best:
        best["nom_naissance"] = {**best["nom_naissance"], "value": best["nom"]["value"]}
    return sorted(best.values(), key=lambda e: e["start"])
