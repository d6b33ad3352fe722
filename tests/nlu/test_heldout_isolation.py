"""The held-out messages (tests/heldout/patient.yml) and the hand-written realistic set (tests/realistic/) must never
leak into the training data under data/; the realistic set keeps its size, split and gold shapes."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import phonenumbers
import pytest
import yaml

from bot.eval.nlu_scores import FIELDS
from bot.eval.nlu_sets import DEV, GENERATED, SCORED, load_set
from bot.nlu.text import fold
from bot.settings import ROOT

ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\}|\[[^\]]*\])")
NEAR = 0.9


def tokens(text: str) -> frozenset[str]:
    """Case, accents, digits and spacing do not make two messages different."""
    text = re.sub(r"\d", "0", fold(ANNOTATION.sub(r"\1", text)))
    return frozenset(re.findall(r"\w+", text))


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def training_texts(folder: Path) -> list[str]:
    """Every user message in the YAML files of `folder`: NLU examples and story/rule `user:` turns."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "examples" and isinstance(value, str):
                    found.extend(line.strip()[2:] for line in value.splitlines() if line.strip().startswith("- "))
                elif key == "user" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted(folder.rglob("*.yml")) + sorted(folder.rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def leaks(heldout: list[str], training: list[str]) -> list[tuple[str, str]]:
    index: dict[str, list[frozenset]] = {}
    seen: dict[frozenset, str] = {}
    for text in training:
        words = tokens(text)
        seen.setdefault(words, text)
        for word in words:
            index.setdefault(word, []).append(words)
    found = []
    for text in heldout:
        words = tokens(text)
        candidates = {c for w in words for c in index.get(w, [])}
        close = next((c for c in candidates if jaccard(words, c) >= NEAR), None)
        if close is not None:
            found.append((text, seen[close]))
    return found


def heldout_texts() -> list[str]:
    return [m["text"] for m in load_set(GENERATED).messages]


def test_heldout_set_is_large_and_one_third_dictated():
    messages = load_set(GENERATED).messages
    assert len(messages) >= 300
    assert sum(m["style"] == "dictated" for m in messages) >= len(messages) / 3 - 1


def test_no_heldout_message_or_near_duplicate_in_training_data():
    found = leaks(heldout_texts(), training_texts(ROOT / "data"))
    assert not found, f"{len(found)} held-out messages leak into data/, e.g. {found[:3]}"


def test_a_near_duplicate_is_caught():
    original = "Mme Durand Marie née le 21/11/1952, tél 06 45 37 26 53, toux depuis 3 jours, à Lyon"
    disguised = "[MME](civilite) [DURAND](nom) marie nee le 12/01/1960 tel 07 11 22 33 44 toux depuis 4 jours a lyon"
    assert leaks([original], [disguised, "bonjour"]) == [(original, disguised)]
    assert leaks([original], ["Mme Martin Paul, toux, à Grenoble"]) == []


REALISTIC = {name: load_set(name).messages for name in (DEV, SCORED)}
ALL_REALISTIC = REALISTIC[DEV] + REALISTIC[SCORED]
SPECIALTIES = {"médecine générale", "pédiatrie", "dermatologie", "gynécologie", "ophtalmologie",
               "oto-rhino-laryngologie", "cardiologie", "psychiatrie"}


def test_no_realistic_message_or_near_duplicate_in_training_data_or_generated_set():
    texts = [m["text"] for m in ALL_REALISTIC]
    found = leaks(texts, training_texts(ROOT / "data"))
    assert not found, f"{len(found)} realistic messages leak into data/, e.g. {found[:3]}"
    assert not leaks(texts, heldout_texts())


def test_realistic_set_is_large_split_one_third_dev_and_dictated_enough():
    assert len(ALL_REALISTIC) >= 250
    assert 0.28 <= len(REALISTIC[DEV]) / len(ALL_REALISTIC) <= 0.38
    for messages in REALISTIC.values():
        assert sum(m["style"] == "dictated" for m in messages) >= 0.35 * len(messages)
    assert len({fold(m["text"]) for m in ALL_REALISTIC}) == len(ALL_REALISTIC)


def _creneau_is_valid(value) -> bool:
    start, end = (datetime.fromisoformat(value[k]) for k in ("start", "end"))
    return set(value) == {"start", "end"} and start.tzinfo is not None and start < end


def _phone_is_valid(value) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(value, None)) and re.fullmatch(r"\+\d{8,15}", value)


SHAPES = {
    "civilite": lambda v: v in {"Madame", "Monsieur"},
    "date_naissance": lambda v: isinstance(v, str) and datetime.strptime(v, "%Y-%m-%d") is not None,
    "telephone": _phone_is_valid,
    "email": lambda v: re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", v) is not None,
    "urgence": lambda v: type(v) is int and v > 0,
    "creneau": _creneau_is_valid,
    "type_consultation": lambda v: v in {"cabinet", "video", "domicile"},
    "specialite": lambda v: v in SPECIALTIES,
}


@pytest.mark.parametrize("message", ALL_REALISTIC, ids=lambda m: m["text"][:40])
def test_every_realistic_gold_value_has_a_valid_shape(message):
    assert message["style"] in {"typed", "dictated"} and message["intent"] in {"adresser_patient", "inform"}
    assert message["expected"] and set(message["expected"]) <= set(FIELDS)
    for name, value in message["expected"].items():
        assert SHAPES.get(name, lambda v: isinstance(v, str) and v.strip() == v != "")(value), (name, value)


def test_a_malformed_gold_value_is_refused():
    assert not SHAPES["telephone"]("+33612")
    assert not SHAPES["civilite"]("Mme")
    assert not SHAPES["urgence"]("8")
    assert not SHAPES["creneau"]({"start": "2026-11-26T14:00:00+01:00", "end": "2026-11-26T08:00:00+01:00"})
    with pytest.raises(ValueError):
        SHAPES["date_naissance"]("12/03/1951")
