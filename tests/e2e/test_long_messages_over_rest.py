"""Long and oversized messages through Rasa's REST channel, signed in, on the real stack: a message over the limit
is refused before anything reads it, in French, and the conversation goes on; a maximal one is read while another
conversation is served."""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from bot.bench.long_messages import pasted_record
from bot.message_limit import MAX_MESSAGE_CHARS

pytestmark = pytest.mark.e2e


def post(stack, regulator, sender: str, message: str) -> httpx.Response:
    return httpx.post(f"{stack.config.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                      timeout=120, auth=regulator)


def events(stack, regulator, sender: str) -> list[dict]:
    """The conversation as Rasa stored it (Rasa's API, with its token; the channel prefixes the regulator)."""
    token = stack.config.settings.rasa_token.get_secret_value()
    answer = httpx.get(f"{stack.config.rasa_url}/conversations/{regulator.login}/{sender}/tracker",
                       params={"token": token}, timeout=30)
    answer.raise_for_status()
    return answer.json()["events"]


def test_a_message_over_the_limit_is_refused_unread_and_the_conversation_goes_on(assistant_stack, regulator):
    sender = f"long-{uuid.uuid4().hex[:8]}"
    refused = post(assistant_stack, regulator, sender, pasted_record(MAX_MESSAGE_CHARS) + " et encore")
    assert refused.status_code == 413
    assert refused.json()["error"] == "message_trop_long" and "rien n'est perdu" in refused.json()["detail"]
    assert not any(e["event"] == "user" for e in events(assistant_stack, regulator, sender))

    answered = post(assistant_stack, regulator, sender, "bonjour")
    assert answered.status_code == 200 and answered.json()
    assert [e["text"] for e in events(assistant_stack, regulator, sender) if e["event"] == "user"] == ["bonjour"]


def test_a_maximal_message_is_read_while_another_conversation_is_served(assistant_stack, regulator):
    record = pasted_record(MAX_MESSAGE_CHARS)
    with ThreadPoolExecutor(2) as pool:
        long = pool.submit(post, assistant_stack, regulator, f"long-{uuid.uuid4().hex[:8]}", record)
        short = pool.submit(post, assistant_stack, regulator, f"short-{uuid.uuid4().hex[:8]}", "bonjour")
        answers = long.result(), short.result()
    assert [a.status_code for a in answers] == [200, 200]
    assert all(a.json() for a in answers)
