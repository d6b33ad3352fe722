"""bot/rasa_cli.py: the action server's answers are still checked against Rasa's schema, with one validator."""
import asyncio
import gc

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.rasa_cli import _frozen_once_loaded, _validate_action_result

ACTION = RemoteAction("action_recap", None)


def test_a_well_formed_answer_passes():
    answer = {"events": [{"event": "slot", "name": "prenom", "value": "Marie"}],
              "responses": [{"text": "Bonjour", "buttons": [{"title": "Oui", "payload": "/affirm"}]}]}
    assert _validate_action_result(ACTION, answer) is True


@pytest.mark.parametrize("answer", [
    {"events": [{"name": "prenom"}]},  # an event without its type
    {"events": "slot"},
    {"events": [{"event": "slot", "name": "prenom", "timestamp": "hier"}]},
])
def test_a_malformed_answer_is_refused_as_rasa_does(answer):
    with pytest.raises(ValidationError):
        _validate_action_result(ACTION, answer)
    with pytest.raises(ValidationError):
        RemoteAction._validate_action_result(ACTION, answer)  # Rasa's own check, unpatched here


def test_a_token_starting_with_a_dash_reaches_rasa_whole():
    from rasa.__main__ import create_argument_parser

    from bot.rasa_cli import with_api_token

    token = "-nF3xY_k"  # token_urlsafe draws "-" first one time in 64
    argv = with_api_token(["run", "--enable-api", "--port", "5005"], token)
    assert create_argument_parser().parse_args(argv).auth_token == token
    assert with_api_token(argv, "other") == argv  # given once


def test_the_heap_rasa_loaded_at_start_is_frozen_after_the_model_loads():
    loaded = object()

    async def load_agent_on_start(*args):
        return loaded

    gc.unfreeze()
    try:
        assert asyncio.run(_frozen_once_loaded(load_agent_on_start)("model", None)) is loaded
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
