"""The FAQ report's scoring: only the right answer to the right question counts."""
from __future__ import annotations

from bot.eval.faq import Paraphrase, answered_question, format_table, score


def parse(intent: str, response_key: str | None = None) -> dict:
    selector = {"faq": {"response": {"intent_response_key": response_key}, "ranking": []}} if response_key else {}
    return {"text": "...", "intent": {"name": intent, "confidence": 0.9}, "response_selector": selector}


def test_the_answered_question_is_the_selected_response_only_when_the_intent_is_faq():
    assert answered_question(parse("faq", "faq/connexion")) == "faq/connexion"
    assert answered_question(parse("nlu_fallback", "faq/connexion")) == "nlu_fallback"
    assert answered_question(parse("adresser_patient", "faq/connexion")) == "adresser_patient"
    assert answered_question({"text": "", "intent": {"name": "faq"}}) is None


def test_score_counts_per_question_then_overall():
    paraphrases = [
        Paraphrase("a", "faq/connexion"),
        Paraphrase("b", "faq/connexion"),
        Paraphrase("c", "faq/etapes"),
    ]
    rows = score(paraphrases, ["faq/connexion", "out_of_scope", "faq/etapes"])
    assert [(r.question, r.right, r.total) for r in rows] == [
        ("faq/connexion", 1, 2),
        ("faq/etapes", 1, 1),
        ("total", 2, 3),
    ]
    assert rows[0].share == 0.5
    assert "total" in format_table(rows).splitlines()[-1]
