"""Where a turn's time goes, read from a real Rasa SQL tracker store (SQLite) holding events stamped by hand."""
from __future__ import annotations

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, DefinePrevUserUtteredFeaturization, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.bench.turn_timings import turns_in_server


@pytest.fixture
def store(tmp_path):
    return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "tracker.db")), tmp_path / "tracker.db"


async def test_each_turn_splits_into_the_first_prediction_and_the_actions(store):
    tracker_store, path = store
    events = [ActionExecuted("action_listen", timestamp=99.0),
              UserUttered("bonjour", timestamp=100.0), SlotSet("prenom", "Anne", timestamp=100.01),
              DefinePrevUserUtteredFeaturization(False, timestamp=100.05),
              ActionExecuted("action_search", timestamp=100.55), ActionExecuted("action_listen", timestamp=100.56),
              UserUttered("oui", timestamp=110.0), ActionExecuted("action_book", timestamp=110.2),
              ActionExecuted("action_listen", timestamp=110.3)]
    await tracker_store.save(DialogueStateTracker.from_events("anne/1", events))
    await tracker_store.save(DialogueStateTracker.from_events("other/1", events[:4]))

    turns = turns_in_server(f"sqlite:///{path}", ["anne/1"])

    assert [(round(t.prediction_ms), round(t.actions_ms)) for t in turns] == [(50, 510), (200, 100)]
