"""Rasa's command line (`python -m bot.rasa_cli run ...`), with the action server's answers validated fast, long
messages parsed beside the event loop (bot.parse_lane) and the HTTP API's token taken from the settings
(RASA_TOKEN, or generated at first run: bot.auth.local_secrets).

Rasa 3.6 checks each answer of the action server with `jsonschema.validate`, which first re-checks Rasa's own
constant schema against the JSON Schema metaschema: about 14 ms per action call on this machine, half of a
conversation turn. Here the answers are checked against the same schema with a validator built once (< 1 ms).
"""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from jsonschema import ValidationError, validators
from rasa.core import run as rasa_run
from rasa.core.actions.action import RemoteAction

from bot import log_redaction, parse_lane, store_failures
from bot.heap import freeze_loaded


@lru_cache(maxsize=1)
def _action_response_validator():
    schema = RemoteAction.action_response_format_spec()
    return validators.validator_for(schema)(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        _action_response_validator().validate(result)
    except ValidationError as error:
        error.message += ". Failed to validate Action server response from API."
        raise
    return True


def _frozen_once_loaded(load_agent_on_start):
    """Rasa's start-up listener, then the heap it loaded (the model) frozen: bot.heap."""

    async def load(*args, **kwargs):
        agent = await load_agent_on_start(*args, **kwargs)
        freeze_loaded()
        return agent

    return load


def with_api_token(argv: list[str], token: str) -> list[str]:
    """`rasa run --enable-api` protected by `token`, added here rather than by the parent process: a command
    line is readable by every user of the machine, this process's memory is not. Given as one argument: a random
    token may start with "-", which argparse would take for an option ("expected one argument")."""
    if "run" in argv and "--enable-api" in argv and not any(a.split("=")[0] in ("--auth-token", "-t") for a in argv):
        return [*argv, f"--auth-token={token}"]
    return argv


def main() -> None:
    RemoteAction._validate_action_result = _validate_action_result
    parse_lane.install()  # a long message is parsed beside the event loop that serves every conversation
    log_redaction.install()  # Rasa's structured logs mask the message, entities and slots
    store_failures.install()  # a conversation store that does not answer stops the turn (no in-memory fallback)
    rasa_run.load_agent_on_start = _frozen_once_loaded(rasa_run.load_agent_on_start)
    from rasa.__main__ import main as rasa_main

    from bot.auth.local_secrets import with_secrets
    from bot.settings import get_settings

    sys.argv = ["rasa", *with_api_token(sys.argv[1:], with_secrets(get_settings()).rasa_token.get_secret_value())]
    rasa_main()


if __name__ == "__main__":
    main()
