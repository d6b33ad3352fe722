"""Fixtures shared across test folders: the whole assistant running on loopback."""
from __future__ import annotations

import pytest

from bot.auth.client import SignedIn
from bot.settings import ROOT
from bot.stack import Stack, StackConfig


@pytest.fixture(scope="session")
def assistant_stack(tmp_path_factory) -> Stack:
    """The agenda (fresh SQLite, demo data), the action server and Rasa with the trained model, on free ports."""
    model = ROOT / "models" / "sas.tar.gz"
    if not model.exists():
        pytest.fail("models/sas.tar.gz manque : lancez `make train` (make test le fait)")
    stack = Stack(StackConfig.on_free_ports(tmp_path_factory.mktemp("stack"), model=model))
    stack.prepare_agenda()
    with stack:
        yield stack


@pytest.fixture(scope="session")
def regulator(assistant_stack) -> SignedIn:
    """A regulator of the running assistant, signed in (an httpx Auth) with the password it also knows."""
    return assistant_stack.add_regulator("regulateur-e2e")
