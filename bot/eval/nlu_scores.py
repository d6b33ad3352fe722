"""Scoring parsed messages against their gold records: per-field counts, intents, whole records, birth places taken
for the patient's location."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from bot.nlu.text import fold

PATIENT_FIELDS = ("civilite", "prenom", "nom", "nom_naissance", "date_naissance", "lieu_naissance", "telephone",
                  "email")
NEED_FIELDS = ("localisation", "type_consultation", "creneau", "urgence", "specialite", "symptomes")
FIELDS = PATIENT_FIELDS + NEED_FIELDS
FREE_TEXT = ("localisation", "lieu_naissance", "symptomes")
STYLES = ("typed", "dictated")


@dataclass
class Parsed:
    intent: str | None
    record: dict
    ms: float = 0.0


def comparable(field_name: str, value):
    """The form two values are compared in: the normalized value itself, except free text and time windows."""
    if value is None:
        return None
    if field_name == "creneau":
        return (value.get("start"), value.get("end")) if isinstance(value, dict) else str(value)
    if field_name in FREE_TEXT:
        return " ".join(re.findall(r"\w+", fold(str(value))))
    return str(value)


def comparable_record(record: dict, fields: tuple[str, ...] = FIELDS) -> dict:
    return {k: comparable(k, v) for k, v in record.items() if k in fields and v is not None}


def record_of(entities: list[dict]) -> dict:
    record: dict = {}
    for entity in entities:
        record.setdefault(entity["entity"], entity.get("value"))
    return {k: v for k, v in record.items() if k in FIELDS}


def birth_place_as_location(message: dict, result: Parsed) -> bool:
    """The worst error: a birth place read as where the patient is (it sends the patient to the wrong city)."""
    born = comparable("lieu_naissance", message["expected"].get("lieu_naissance"))
    found = comparable("localisation", result.record.get("localisation"))
    if born is None or found is None or born == comparable("localisation", message["expected"].get("localisation")):
        return False
    return found in (born, comparable("lieu_naissance", result.record.get("lieu_naissance")))


def differences(message: dict, result: Parsed, fields: tuple[str, ...] = FIELDS) -> dict[str, tuple]:
    """Fields read wrong: name -> (expected, predicted), the intent included."""
    expected = {k: v for k, v in message["expected"].items() if k in fields}
    predicted = {k: v for k, v in result.record.items() if k in fields and v is not None}
    wanted, got = comparable_record(expected, fields), comparable_record(predicted, fields)
    wrong = {k: (expected.get(k), predicted.get(k)) for k in sorted(set(wanted) | set(got)) if wanted.get(k) != got.get(k)}
    if result.intent != message["intent"]:
        wrong["intent"] = (message["intent"], result.intent)
    return wrong


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Report:
    counts: dict = field(default_factory=lambda: defaultdict(Counts))  # (style, field) -> Counts
    intents: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # style -> [right, total]
    records: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    latencies: list = field(default_factory=list)
    birth_place_as_location: int = 0

    def whole_record(self, styles: tuple[str, ...] = STYLES) -> float | None:
        right, total = (sum(self.records[s][i] for s in styles) for i in (0, 1))
        return right / total if total else None

    def intent_accuracy(self, styles: tuple[str, ...] = STYLES) -> float | None:
        right, total = (sum(self.intents[s][i] for s in styles) for i in (0, 1))
        return right / total if total else None


def score(messages: list[dict], parsed: list[Parsed], fields: tuple[str, ...] = FIELDS) -> Report:
    report = Report()
    for message, result in zip(messages, parsed, strict=True):
        style = message["style"]
        expected = comparable_record(message["expected"], fields)
        got = comparable_record(result.record, fields)
        for name in fields:
            want, have = expected.get(name), got.get(name)
            counts = report.counts[(style, name)]
            if have is not None and have == want:
                counts.tp += 1
            else:
                counts.fp += have is not None
                counts.fn += want is not None
        intent_right = result.intent == message["intent"]
        report.intents[style][0] += intent_right
        report.intents[style][1] += 1
        report.records[style][0] += intent_right and expected == got
        report.records[style][1] += 1
        report.latencies.append(result.ms)
        report.birth_place_as_location += birth_place_as_location(message, result)
    return report
