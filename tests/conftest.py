"""Fixtures shared across test folders: the trained model, the whole assistant running on loopback."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.auth.client import SignedIn
from bot.settings import ROOT
from bot.stack import Stack, StackConfig


def pytest_collection_modifyitems(items):
    """Marks `model` every test that needs the trained model, so that `make test` runs the others while it trains."""
    for item in items:
        if "trained_model" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def trained_model() -> Path:
    model = ROOT / "models" / "sas.tar.gz"
    if not model.exists():
        pytest.fail("models/sas.tar.gz manque : lancez `make train` (make test le fait)")
    return model


@pytest.fixture(scope="session")
def assistant_stack(tmp_path_factory, trained_model) -> Stack:
    """The agenda (fresh SQLite, demo data), the action server and Rasa with the trained model, on free ports."""
    stack = Stack(StackConfig.on_free_ports(tmp_path_factory.mktemp("stack"), model=trained_model))
    stack.prepare_agenda()
    with stack:
        yield stack


@pytest.fixture(scope="session")
def regulator(assistant_stack) -> SignedIn:
    """A regulator of the running assistant, signed in (an httpx Auth) with the password it also knows."""
    return assistant_stack.add_regulator("regulateur-e2e")
