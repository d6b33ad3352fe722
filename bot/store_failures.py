"""Rasa's conversation and lock stores, failing loudly instead of answering without them.

Rasa 3.6 wraps its tracker store in `FailSafeTrackerStore`: when the database does not answer, it reads an empty
conversation and saves into process memory. One outage then makes a Rasa instance answer "oui" with no context and
keep what follows in its memory, where the other instances never see it. Here a store failure stops the turn
(StoreUnavailable, as the Redis lock store's own errors do): the REST channel answers 503 in French, nothing was
processed, and the regulator sends the message again (bot.rest_channel). The SQL store's connections are checked
before use, so that the first turn after a database restart does not fail on a connection the restart closed.
"""
from __future__ import annotations


class StoreUnavailable(RuntimeError):
    """Rasa's conversation store did not answer."""


def _raise(_store, error: Exception) -> None:
    raise StoreUnavailable(type(error).__name__) from error


def install() -> None:
    from rasa.core import tracker_store

    tracker_store.FailSafeTrackerStore.on_tracker_store_error = _raise
    tracker_store.FailSafeTrackerStore.on_tracker_store_retrieve_error = _raise
    engine_kwargs = tracker_store.create_engine_kwargs
    tracker_store.create_engine_kwargs = lambda url: {**engine_kwargs(url), "pool_pre_ping": True}
