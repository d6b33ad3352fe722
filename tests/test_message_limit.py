"""The message limit the REST channel applies before any parsing (bot.message_limit)."""
import json

from bot.message_limit import MAX_BODY_BYTES, MAX_MESSAGE_CHARS, refusal


def test_a_message_at_the_limit_is_read():
    assert refusal("é" * MAX_MESSAGE_CHARS) is None
    assert refusal("") is None
    assert refusal(None) is None


def test_one_character_more_is_refused_in_french_saying_nothing_was_lost():
    answer = refusal("x" * (MAX_MESSAGE_CHARS + 1))
    assert answer["error"] == "message_trop_long"
    assert answer["max_chars"] == MAX_MESSAGE_CHARS
    assert "4\u202f001 caractères" in answer["detail"]
    assert "rien n'est perdu" in answer["detail"]


def test_a_body_carrying_a_maximal_message_fits_the_body_limit():
    body = json.dumps({"sender": "s" * 64, "message": "\u00e9" * MAX_MESSAGE_CHARS})  # escaped: 6 bytes a character
    assert len(body.encode()) <= MAX_BODY_BYTES
