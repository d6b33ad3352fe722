"""Out of scope or low confidence: say what the assistant can do and offer the closest FAQ questions.

A button's payload is the question's title, which is also one of its training examples: Rasa 3.6 cannot
trigger a retrieval sub-intent from a payload (`/faq/compte_creation` is not a domain intent, and a `/`
payload drops the ResponseSelector output that `utter_faq` needs), so the click is sent as text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.nlu.text import fold

FAQ_DATA = Path(__file__).resolve().parent.parent / "data" / "nlu" / "faq.yml"
RETRIEVAL_INTENT = "faq"
SUGGESTIONS = 3


@dataclass(frozen=True)
class Question:
    key: str  # full retrieval intent, e.g. "faq/compte_creation"
    title: str


def load_questions(path: Path = FAQ_DATA) -> tuple[Question, ...]:
    """The FAQ questions in file order, titled by their intent's `metadata.titre`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        Question(block["intent"], block["metadata"]["titre"])
        for block in data["nlu"]
        if block.get("intent", "").startswith(f"{RETRIEVAL_INTENT}/")
    )


@lru_cache(maxsize=1)
def faq_questions() -> tuple[Question, ...]:
    return load_questions()


@lru_cache(maxsize=4096)  # the titles come back for every message; the leak test compares every pair of texts
def _trigrams(text: str) -> frozenset[str]:
    return frozenset(
        f" {word} "[i : i + 3]
        for word in re.findall(r"[a-z0-9]+", fold(text))
        for i in range(len(word))
    )


def similarity(message: str, title: str) -> float:
    """Dice coefficient of character trigrams: tolerant of typos, missing accents and abbreviations."""
    a, b = _trigrams(message), _trigrams(title)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def closest_questions(
    message: str,
    ranking: Iterable[dict[str, Any]],
    questions: Sequence[Question],
    limit: int = SUGGESTIONS,
) -> list[Question]:
    """The ResponseSelector's ranking first (most confident first), completed by title similarity."""
    by_key = {question.key: question for question in questions}
    ranked = sorted(ranking, key=lambda entry: entry.get("confidence", 0.0), reverse=True)
    chosen = [by_key[key] for key in dict.fromkeys(e.get("intent_response_key") for e in ranked) if key in by_key]
    by_similarity = sorted(questions, key=lambda question: similarity(message, question.title), reverse=True)
    chosen += [question for question in by_similarity if question not in chosen]
    return chosen[:limit]


def selector_ranking(latest_message: dict[str, Any]) -> list[dict[str, Any]]:
    selector = (latest_message.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    return selector.get("ranking") or []


class ActionSuggestQuestions(Action):
    def name(self) -> str:
        return "action_suggest_questions"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        questions = closest_questions(message.get("text") or "", selector_ranking(message), faq_questions())
        buttons = [{"title": question.title, "payload": question.title} for question in questions]
        dispatcher.utter_message(response="utter_suggest_questions", buttons=buttons)
        return []
