"""The FAQ training data, answers and held-out set keep their promises (no model needed)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from rasa.shared.data import get_data_files, is_nlu_file
from rasa.shared.nlu.training_data.loading import load_data

from actions.suggest_questions import load_questions, similarity
from bot.eval.faq import load_paraphrases
from bot.nlu.text import fold
from bot.settings import ROOT

DATA = ROOT / "data"
ANSWERS = DATA / "responses" / "faq.yml"
CONTACTS = {"sas@doctolib.com", "sas.support@doctolib.com"}
NEAR_DUPLICATE = 0.8  # Dice of character trigrams; one word or a typo apart scores above


def plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def training_texts() -> list[str]:
    """Every user text of data/: NLU examples of every file, and user turns written in stories or rules."""
    texts = [
        message.get("text")
        for path in get_data_files([str(DATA)], is_nlu_file)
        for message in load_data(path).training_examples
    ]
    for path in DATA.rglob("*.yml"):
        for key in ("stories", "rules"):
            for flow in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(key) or []:
                texts += [step["user"] for step in flow.get("steps") or [] if "user" in step]
    return texts


def faq_examples() -> dict[str, list[str]]:
    examples: dict[str, list[str]] = {}
    for message in load_data(str(DATA / "nlu" / "faq.yml")).intent_examples:
        examples.setdefault(message.get("intent_response_key"), []).append(message.get("text"))
    return examples


def answers() -> dict[str, str]:
    responses = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))["responses"]
    return {name.removeprefix("utter_"): variants[0]["text"] for name, variants in responses.items()}


def test_every_question_has_an_answer_and_every_answer_a_question():
    assert set(faq_examples()) == set(answers())


def test_every_question_has_at_least_ten_distinct_paraphrases():
    for question, texts in faq_examples().items():
        assert len({plain(text) for text in texts}) >= 10, question


def test_no_paraphrase_is_given_to_two_questions():
    owners = Counter(plain(text) for texts in faq_examples().values() for text in set(texts))
    assert [text for text, count in owners.items() if count > 1] == []


def test_every_button_title_is_a_training_example_of_its_question():
    examples = faq_examples()
    questions = load_questions()
    assert {question.key for question in questions} == set(examples)
    for question in questions:
        assert question.title in examples[question.key], question.key


def test_answers_are_short():
    for question, text in answers().items():
        assert len(text.splitlines()) <= 4 and len(text) <= 400, question


def test_answers_only_give_the_guides_contacts():
    for question, text in answers().items():
        assert set(re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+\w", text)) <= CONTACTS, question


def test_where_the_guide_is_silent_the_answer_says_so_and_gives_a_contact():
    silent = {q: t for q, t in answers().items() if "Le guide ne" in t}
    assert {"faq/mot_de_passe_oublie", "faq/type_consultation", "faq/support_praticien"} <= set(silent)
    for question, text in silent.items():
        assert any(contact in text for contact in CONTACTS), question


def test_held_out_set_covers_every_question():
    counts = Counter(paraphrase.question for paraphrase in load_paraphrases())
    assert set(counts) == set(faq_examples())
    assert min(counts.values()) >= 5


def test_held_out_paraphrases_never_appear_in_training_data():
    training = [(text, plain(text)) for text in training_texts()]
    leaks = [
        (paraphrase.text, text)
        for paraphrase, plain_paraphrase in ((p, plain(p.text)) for p in load_paraphrases())
        for text, normalized in training
        if plain_paraphrase == normalized or similarity(paraphrase.text, text) >= NEAR_DUPLICATE
    ]
    assert leaks == []


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("quels formats de piece jointe sont acceptes", "quels formats de pièces jointes sont acceptés ?", True),
        ("comment je me connecte a doctolib", "comment je me conecte a doctolib", True),
        ("comment je me connecte", "mot de passe oublie", False),
    ],
)
def test_the_near_duplicate_check_catches_accents_plurals_and_typos(a: str, b: str, near: bool):
    assert (similarity(a, b) >= NEAR_DUPLICATE) is near


def test_the_near_duplicate_check_would_fail_on_a_leaked_paraphrase(tmp_path: Path):
    leaked = load_paraphrases()[0].text
    path = tmp_path / "leak.yml"
    path.write_text(yaml.safe_dump({"nlu": [{"intent": "faq/etapes", "examples": f"- {leaked.upper()} !\n"}]}))
    leaked_texts = [message.get("text") for message in load_data(str(path)).training_examples]
    assert any(similarity(leaked, text) >= NEAR_DUPLICATE for text in leaked_texts)
