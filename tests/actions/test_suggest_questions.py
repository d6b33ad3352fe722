"""action_suggest_questions: the ranking is a plain function; the action reads the tracker and sends buttons."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.suggest_questions import (
    ActionSuggestQuestions,
    Question,
    closest_questions,
    faq_questions,
    load_questions,
    similarity,
)

QUESTIONS = (
    Question("faq/etapes", "Quelles sont les étapes pour utiliser Doctolib en tant que régulateur ?"),
    Question("faq/connexion", "Comment me connecter à Doctolib ?"),
    Question("faq/pieces_jointes", "Quelles pièces jointes puis-je envoyer ?"),
    Question("faq/motif_choix", "Quel motif de consultation choisir ?"),
)


def ranking(*keys_and_confidences: tuple[str, float]) -> list[dict]:
    return [{"id": i, "intent_response_key": key, "confidence": c} for i, (key, c) in enumerate(keys_and_confidences)]


def test_the_response_selector_ranking_decides_most_confident_first():
    chosen = closest_questions(
        "n'importe quoi",
        ranking(("faq/connexion", 0.1), ("faq/motif_choix", 0.6), ("faq/etapes", 0.3)),
        QUESTIONS,
    )
    assert [q.key for q in chosen] == ["faq/motif_choix", "faq/etapes", "faq/connexion"]


def test_without_a_ranking_the_closest_titles_win_despite_typos_and_missing_accents():
    chosen = closest_questions("pieces jointe acceptees ?", [], QUESTIONS)
    assert chosen[0].key == "faq/pieces_jointes"
    assert closest_questions("comment je me conecte", [], QUESTIONS)[0].key == "faq/connexion"


def test_a_short_ranking_is_completed_by_similarity_without_repeating_a_question():
    chosen = closest_questions("quel motif choisir", ranking(("faq/etapes", 0.9), ("faq/inconnue", 0.5)), QUESTIONS)
    assert [q.key for q in chosen[:2]] == ["faq/etapes", "faq/motif_choix"]
    assert len({q.key for q in chosen}) == 3
    assert "faq/inconnue" not in {q.key for q in chosen}


def test_similarity_is_symmetric_and_zero_for_empty_text():
    assert similarity("motif", "Quel motif ?") == similarity("Quel motif ?", "motif") > 0
    assert similarity("", "Quel motif ?") == 0.0


def test_every_faq_question_has_a_title():
    questions = load_questions()
    assert len(questions) >= 15
    assert all(q.key.startswith("faq/") and q.title.strip() for q in questions)
    assert len({q.title for q in questions}) == len(questions)


def tracker_after(text: str, intent: str, selector_ranking: list[dict]) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [],
        "response_selector": {
            "all_retrieval_intents": ["faq"],
            "faq": {"response": {"intent_response_key": selector_ranking[0]["intent_response_key"]},
                    "ranking": selector_ranking},
        },
    }
    return Tracker("regulateur-1", {}, message, [], False, None, {}, "action_listen")


async def test_the_action_says_what_it_can_do_and_offers_three_questions_as_buttons():
    tracker = tracker_after(
        "quel temps fait il",
        "out_of_scope",
        ranking(("faq/pieces_jointes", 0.5), ("faq/connexion", 0.3), ("faq/etapes", 0.15), ("faq/motif_choix", 0.05)),
    )
    dispatcher = CollectingDispatcher()

    events = await ActionSuggestQuestions().run(dispatcher, tracker, {})

    assert events == []
    [message] = dispatcher.messages
    assert message["response"] == "utter_suggest_questions"
    titles = {q.key: q.title for q in faq_questions()}
    assert message["buttons"] == [
        {"title": titles[key], "payload": titles[key]}
        for key in ("faq/pieces_jointes", "faq/connexion", "faq/etapes")
    ]


async def test_the_action_still_suggests_questions_when_the_message_has_no_selector_output():
    tracker = Tracker("regulateur-1", {}, {"text": "mot de passe perdu", "intent": {"name": "nlu_fallback"}},
                      [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()

    await ActionSuggestQuestions().run(dispatcher, tracker, {})

    [message] = dispatcher.messages
    assert len(message["buttons"]) == 3
    assert message["buttons"][0]["payload"] == "J'ai oublié mon mot de passe, que faire ?"
