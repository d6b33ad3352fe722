"""The action server (`python -m bot.action_server`, the arguments of `python -m rasa_sdk`), answering Rasa only.

rasa_sdk's webhook runs any action for any conversation it is sent, and the actions call the agenda with the
service token for the conversation's regulator: whoever could reach it could book or cancel in anyone's name. So
POST /webhook requires `Authorization: Bearer <ACTION_TOKEN>`, which Rasa sends (bot.rasa_endpoints); the action
server also listens on loopback only (SANIC_HOST, set by bot.stack)."""
from __future__ import annotations

import hmac
import logging
import os

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app, create_argument_parser
from sanic import Sanic, response
from sanic.request import Request

from bot.auth.local_secrets import with_secrets
from bot.auth.tokens import bearer
from bot.heap import freeze_loaded
from bot.settings import get_settings

NOT_RASA = {"error": "non_authentifie", "detail": "Seul Rasa appelle le serveur d'actions."}


def only_rasa(app: Sanic, token: str) -> Sanic:
    """`app` refusing every action call that does not carry `token`."""

    @app.middleware("request")
    async def _from_rasa(request: Request):
        if request.path.rstrip("/") != "/webhook":
            return None  # /health and /actions say nothing about anyone
        sent = bearer(request.headers.get("Authorization")) or ""
        if not hmac.compare_digest(sent.encode(), token.encode()):
            return response.json(NOT_RASA, status=401)
        return None

    return app


def main() -> None:
    args = create_argument_parser().parse_args()
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file, args.loglevel,
                                 args.logging_config_file)
    utils.update_sanic_log_level()
    token = with_secrets(get_settings()).action_token.get_secret_value()
    app = only_rasa(create_app(args.actions, cors_origins=None), token)
    freeze_loaded()
    app.run(os.environ.get("SANIC_HOST", "127.0.0.1"), args.port, workers=utils.number_of_sanic_workers())


if __name__ == "__main__":
    main()
