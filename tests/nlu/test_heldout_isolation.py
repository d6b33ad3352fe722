"""The held-out messages (tests/heldout/patient.yml) must never leak into the training data under data/."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.nlu.text import fold
from bot.settings import ROOT

HELDOUT = ROOT / "tests" / "heldout" / "patient.yml"
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
    return [m["text"] for m in yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))["messages"]]


def test_heldout_set_is_large_and_one_third_dictated():
    messages = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))["messages"]
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
