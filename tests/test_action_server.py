"""The action server answers Rasa only: its webhook refuses a call without the action token, which Rasa sends
from the endpoints file written by the stack."""
from __future__ import annotations

import pytest
from rasa.shared.utils.io import read_yaml
from rasa_sdk.endpoint import create_app

from bot.action_server import only_rasa
from bot.rasa_endpoints import endpoints_yaml
from bot.settings import Settings
from tests.sanic_client import sanic_client

TOKEN = "jeton-des-actions-de-test"
CALL = {"next_action": "action_inconnue", "sender_id": "alice/1", "tracker": {"sender_id": "alice/1"}, "domain": {}}

APP = only_rasa(create_app("actions", cors_origins=None), TOKEN)


@pytest.fixture
async def actions():
    async with sanic_client(APP, "http://actions.test") as client:
        yield client


async def test_without_the_action_token_no_action_runs(actions):
    for headers in ({}, {"Authorization": "Bearer devine"}, {"Authorization": f"Basic {TOKEN}"}):
        answer = await actions.post("/webhook", json=CALL, headers=headers)
        assert answer.status_code == 401, headers
    # With it, the call reaches rasa_sdk (which knows no such action).
    answer = await actions.post("/webhook", json=CALL, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 404 and answer.json()["action_name"] == "action_inconnue"
    assert (await actions.get("/health")).status_code == 200


def test_rasa_calls_the_action_server_with_the_token(monkeypatch):
    settings = Settings(action_port=5100, action_token=TOKEN)
    written = endpoints_yaml(settings)
    assert TOKEN not in written  # the file names the variable; Rasa reads the value from its environment
    for name, value in settings.as_env().items():
        monkeypatch.setenv(name, value)
    endpoint = read_yaml(written)["action_endpoint"]
    assert endpoint == {"url": "http://127.0.0.1:5100/webhook", "headers": {"Authorization": f"Bearer {TOKEN}"}}
