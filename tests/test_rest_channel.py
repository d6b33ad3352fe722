"""Rasa's REST channel, signed in (bot/rest_channel.py): served by Sanic as Rasa serves it, with a recorder in
place of the assistant. No token, a forged or expired one: 401; a regulator's `sender` only names their own
conversations."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jwt
import pytest
from sanic import Sanic

from bot.auth import tokens
from bot.rest_channel import SignedInRestInput
from tests.sanic_client import sanic_client

KEY = "k" * 43
NOW = datetime(2026, 3, 16, 9, 0, tzinfo=timezone.utc)
URL = "/webhooks/rest/webhook"


def token_of(login: str, issued: datetime = NOW, key: str = KEY, minutes: int = 15) -> str:
    return tokens.issue(tokens.Identity(login, tokens.REGULATOR), key, issued, timedelta(minutes=minutes))


RECEIVED: list[str] = []


async def on_new_message(message) -> None:
    """The assistant's stand-in: records the conversation and answers with its id."""
    RECEIVED.append(message.sender_id)
    await message.output_channel.send_text_message(message.sender_id, f"conversation {message.sender_id}")


APP = Sanic("signed_in_rest_channel")
APP.blueprint(SignedInRestInput(KEY, clock=lambda: NOW).blueprint(on_new_message), url_prefix="/webhooks/rest")


@pytest.fixture
async def channel():
    """-> (client, conversations received since the test started)."""
    RECEIVED.clear()
    async with sanic_client(APP, "http://rasa.test") as client:
        yield client, RECEIVED


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


async def test_without_a_valid_token_nothing_reaches_the_assistant(channel):
    client, received = channel
    forged = token_of("alice", key="another key, not the agenda's")
    expired = token_of("alice", issued=NOW - timedelta(minutes=16))
    unsigned = jwt.encode({"sub": "alice", "role": "regulator", "iss": tokens.ISSUER, "aud": tokens.AUDIENCE,
                           "iat": int(NOW.timestamp()), "exp": int(NOW.timestamp()) + 60}, None, algorithm="none")
    for headers in ({}, {"Authorization": "Basic YWxpY2U6eA=="}, bearer("n'importe quoi"), bearer(forged),
                    bearer(expired), bearer(unsigned)):
        answer = await client.post(URL, json={"sender": "x", "message": "bonjour"}, headers=headers)
        assert answer.status_code == 401, headers
        assert answer.json()["error"] == "non_authentifie" and answer.headers["WWW-Authenticate"] == "Bearer"
    assert received == []


async def test_the_conversation_is_the_signed_in_regulators(channel):
    client, received = channel
    mine = await client.post(URL, json={"sender": "patient-1", "message": "bonjour"}, headers=bearer(token_of("alice")))
    theirs = await client.post(URL, json={"sender": "patient-1", "message": "bonjour"}, headers=bearer(token_of("bob")))
    assert mine.json()[0]["text"] == "conversation alice/patient-1"
    assert theirs.json()[0]["text"] == "conversation bob/patient-1"
    # Naming another regulator's conversation is refused, not read.
    spoof = await client.post(URL, json={"sender": "bob/patient-1", "message": "bonjour"},
                              headers=bearer(token_of("alice")))
    assert spoof.status_code == 422
    assert received == ["alice/patient-1", "bob/patient-1"]


async def test_without_a_sender_the_regulator_has_one_default_conversation(channel):
    client, received = channel
    await client.post(URL, json={"message": "bonjour"}, headers=bearer(token_of("alice")))
    assert received == ["alice/default"]
