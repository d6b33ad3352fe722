"""FAQ report of `make eval`: share of held-out paraphrases answered with the right response.

A paraphrase counts as answered right only when the whole model would answer it: the intent is `faq`
(not `out_of_scope`, not `nlu_fallback`, not a referral intent) and the ResponseSelector picks its question.
"""
from __future__ import annotations

import asyncio
import logging
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.settings import ROOT

HELDOUT = ROOT / "tests" / "heldout" / "faq.yml"
MODEL = ROOT / "models" / "sas.tar.gz"
RETRIEVAL_INTENT = "faq"


@dataclass(frozen=True)
class Paraphrase:
    text: str
    question: str  # full retrieval intent, e.g. "faq/compte_creation"


@dataclass(frozen=True)
class Row:
    question: str
    right: int
    total: int

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


def load_paraphrases(path: Path = HELDOUT) -> list[Paraphrase]:
    """Reads a Rasa NLU file whose intents are `faq/<question>`."""
    from rasa.shared.nlu.training_data.loading import load_data

    return [
        Paraphrase(message.get("text"), message.get("intent_response_key"))
        for message in load_data(str(path)).intent_examples
    ]


def answered_question(parse_data: dict[str, Any]) -> str | None:
    """The `faq/<question>` the assistant answers with; otherwise the intent it saw instead (e.g. "nlu_fallback")."""
    intent = (parse_data.get("intent") or {}).get("name")
    if intent != RETRIEVAL_INTENT:
        return intent
    selector = (parse_data.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    return (selector.get("response") or {}).get("intent_response_key")


def score(paraphrases: Iterable[Paraphrase], answers: Iterable[str | None]) -> list[Row]:
    """One row per question (sorted), then the overall row named "total"."""
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for paraphrase, answer in zip(paraphrases, answers, strict=True):
        total[paraphrase.question] += 1
        right[paraphrase.question] += answer == paraphrase.question
    rows = [Row(question, right[question], total[question]) for question in sorted(total)]
    rows.append(Row("total", sum(right.values()), sum(total.values())))
    return rows


def format_table(rows: list[Row]) -> str:
    width = max(len(row.question) for row in rows)
    lines = [f"{'question':<{width}}  right  total  share", "-" * (width + 22)]
    lines += [f"{row.question:<{width}}  {row.right:>5}  {row.total:>5}  {row.share:>5.0%}" for row in rows]
    return "\n".join(lines)


async def _answers(model: Path, texts: list[str]) -> list[str | None]:
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa logs every parsed message at debug level by default
    agent = Agent.load(str(model))
    return [answered_question(await agent.parse_message(text)) for text in texts]


def misses(paraphrases: list[Paraphrase], answers: list[str | None]) -> list[str]:
    return [
        f"  {p.question}: {p.text!r} -> {answer}"
        for p, answer in zip(paraphrases, answers, strict=True)
        if answer != p.question
    ]


def button_titles() -> list[Paraphrase]:
    """The suggestion buttons send their question's title as text: each must get its own answer."""
    from actions.suggest_questions import load_questions

    return [Paraphrase(question.title, question.key) for question in load_questions()]


def main(model: Path = MODEL) -> None:
    paraphrases = load_paraphrases()
    titles = button_titles()
    answers = asyncio.run(_answers(model, [p.text for p in paraphrases + titles]))
    heldout_answers, title_answers = answers[: len(paraphrases)], answers[len(paraphrases) :]
    print(f"FAQ: held-out paraphrases answered with the right response ({model.name})")
    print(format_table(score(paraphrases, heldout_answers)))
    title_row = score(titles, title_answers)[-1]
    print(f"Suggestion buttons answered with their question: {title_row.right}/{title_row.total}")
    wrong = misses(paraphrases + titles, answers)
    if wrong:
        print("Missed:", *wrong, sep="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else MODEL)
