"""When Rasa's conversation store (the database) or its lock store (Redis) does not answer, the turn is not
processed and the REST channel says so: 503 in French, then the next turn goes through as usual. And Rasa's
tracker store no longer falls back to an empty conversation in memory (bot.store_failures)."""
from __future__ import annotations

import sqlite3

import pytest
from rasa.core.agent import Agent
from rasa.core.lock_store import LockError
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Sanic

from bot import store_failures
from bot.rest_channel import STORES_DOWN_STATUS, SignedInRestInput
from tests.sanic_client import sanic_client
from tests.test_rest_channel import NOW, URL, bearer, token_of

KEY = "k" * 43


async def on_new_message(message) -> None:
    """The assistant's stand-in: its stores fail on the messages that say so."""
    if message.text == "base en panne":
        raise store_failures.StoreUnavailable("OperationalError")
    if message.text == "redis en panne":
        # What Rasa's Redis lock store raises when Redis does not answer.
        raise LockError("Error while acquiring lock. Error:\nError 111 connecting to 127.0.0.1:6379. Connection refused.")
    await message.output_channel.send_text_message(message.sender_id, "traité")


APP = Sanic("stores_down_channel")
APP.blueprint(SignedInRestInput(KEY, clock=lambda: NOW).blueprint(on_new_message), url_prefix="/webhooks/rest")


async def test_a_turn_a_store_could_not_serve_is_refused_in_french_and_the_next_goes_through():
    headers = bearer(token_of("alice", key=KEY))
    async with sanic_client(APP, "http://rasa.test") as client:
        for message in ("base en panne", "redis en panne"):
            refused = await client.post(URL, json={"sender": "p", "message": message}, headers=headers)
            assert refused.status_code == STORES_DOWN_STATUS == 503
            assert refused.json()["error"] == "service_indisponible" and "pas été traité" in refused.json()["detail"]
            assert refused.headers["Retry-After"] == "2"
        answered = await client.post(URL, json={"sender": "p", "message": "bonjour"}, headers=headers)
    assert answered.status_code == 200 and answered.json()[0]["text"] == "traité"


@pytest.fixture
def strict_stores(monkeypatch):
    """bot.store_failures installed for this test only (what it replaces is put back after)."""
    from rasa.core import tracker_store

    for name in ("on_tracker_store_error", "on_tracker_store_retrieve_error"):
        monkeypatch.setattr(FailSafeTrackerStore, name, getattr(FailSafeTrackerStore, name))
    monkeypatch.setattr(tracker_store, "create_engine_kwargs", tracker_store.create_engine_kwargs)
    store_failures.install()


async def test_a_conversation_store_that_fails_stops_the_turn_instead_of_reading_an_empty_one(tmp_path, strict_stores):
    domain = Domain.empty()
    path = tmp_path / "tracker.db"
    store = SQLTrackerStore(domain, dialect="sqlite", db=str(path))
    assert store.engine.pool._pre_ping  # a connection a database restart closed is replaced, not used
    # The store as Rasa's agent wraps it.
    wrapped = Agent(tracker_store=store).tracker_store
    assert isinstance(wrapped, FailSafeTrackerStore)
    await wrapped.save(DialogueStateTracker.from_events("alice/p", [ActionExecuted("action_listen")], domain.slots))
    assert await wrapped.retrieve("alice/p") is not None

    with sqlite3.connect(path) as database:  # the store breaks: its table is gone
        database.execute("DROP TABLE events")
    with pytest.raises(store_failures.StoreUnavailable):
        await wrapped.retrieve("alice/p")
    with pytest.raises(store_failures.StoreUnavailable):
        await wrapped.save(DialogueStateTracker("alice/p", domain.slots))
