"""Rasa's REST channel, signed in: `POST /webhooks/rest/webhook` as before, now with `Authorization: Bearer <token>`
(an access token of the agenda: `POST /auth/token`, or the panel's, drawn from its session).

The conversation is the signed-in regulator's: the `sender` a client sends only names one of their own
conversations ("<login>/<sender>", bot.auth.conversations), so nobody reads or writes another regulator's by
choosing it. Without a valid token: 401, before anything is parsed; a message over the limit: 413
(bot.message_limit). Registered in credentials.yml in place of Rasa's `rest`."""
from __future__ import annotations

import logging
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime, timezone
from typing import Any

from rasa.core.channels.rest import RestInput
from rasa.core.lock_store import LockError
from redis.exceptions import RedisError
from sanic import Blueprint, response
from sanic.request import Request

from bot import message_limit
from bot.auth import tokens
from bot.auth.conversations import conversation_id
from bot.auth.local_secrets import with_secrets
from bot.settings import get_settings
from bot.store_failures import StoreUnavailable

logger = logging.getLogger(__name__)
NOT_SIGNED_IN = {"error": "non_authentifie", "detail": "Connexion requise : jeton d'accès manquant, expiré ou invalide."}
# Rasa's conversation store (the database) or its lock store (Redis) did not answer: the message was not processed.
STORES_DOWN = {"error": "service_indisponible",
               "detail": "L'assistant ne peut pas joindre sa base de conversations pour le moment : votre message n'a "
                         "pas été traité."}  # the panel adds that it is kept, with a « Réessayer » button
STORES_DOWN_STATUS = 503
_stores_down: ContextVar[bool] = ContextVar("stores_down", default=False)
BAD_SENDER = {"error": "conversation_invalide",
              "detail": "Identifiant de conversation invalide (lettres, chiffres, « . », « _ », « - », 64 au plus)."}


class SignedInRestInput(RestInput):
    def __init__(self, signing_key: str, clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)):
        self.signing_key = signing_key
        self.clock = clock

    @classmethod
    def name(cls) -> str:
        return "rest"  # same path as Rasa's own REST channel: /webhooks/rest/webhook

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SignedInRestInput:
        return cls(with_secrets(get_settings()).token_signing_key.get_secret_value())

    def blueprint(self, on_new_message) -> Blueprint:
        async def handle(message) -> None:
            # Rasa's channel answers 200 with nothing when a turn fails: a store failure is told apart here, so that
            # the regulator (or a client's retry) knows the message was not processed.
            try:
                await on_new_message(message)
            except (StoreUnavailable, LockError, RedisError) as failure:  # Rasa wraps Redis's errors in LockError
                logger.warning("turn not processed, a store did not answer: %s", type(failure).__name__)
                _stores_down.set(True)

        blueprint = super().blueprint(handle)
        blueprint.middleware("request")(self._admit)
        blueprint.middleware("response")(self._stores_down)
        return blueprint

    @staticmethod
    async def _stores_down(_request: Request, _response):
        if _stores_down.get():
            return response.json(STORES_DOWN, status=STORES_DOWN_STATUS, headers={"Retry-After": "2"})
        return None

    async def _admit(self, request: Request):
        """Refuses what must not reach the assistant; a request let through knows its conversation."""
        _stores_down.set(False)  # requests of one keep-alive connection share their context
        if request.method == "OPTIONS":  # CORS preflight, answered by Rasa's CORS layer
            return None
        try:
            identity = tokens.verify(tokens.bearer(request.headers.get("Authorization")) or "", self.signing_key,
                                     self.clock())
        except tokens.InvalidToken:
            return response.json(NOT_SIGNED_IN, status=401, headers={"WWW-Authenticate": "Bearer"})
        if request.method != "POST":
            return None
        refused = self._too_long(request)
        if refused:
            return response.json(refused, status=message_limit.STATUS)
        body = request.json if isinstance(request.json, dict) else {}
        try:
            request.ctx.conversation = conversation_id(identity.login, body.get("sender"))
        except (ValueError, TypeError):
            return response.json(BAD_SENDER, status=422)
        return None

    @staticmethod
    def _too_long(request: Request) -> dict | None:
        """The refusal of a message over the limit, read before any parsing (a body far over it is not decoded)."""
        if len(request.body or b"") > message_limit.MAX_BODY_BYTES:
            return {"error": "message_trop_long", "detail": message_limit.refusal_text(),
                    "max_chars": message_limit.MAX_MESSAGE_CHARS}
        body = request.json if isinstance(request.json, dict) else {}
        message = body.get("message")
        return message_limit.refusal(message if isinstance(message, str) else None)

    async def _extract_sender(self, request: Request) -> str:
        return request.ctx.conversation

    def _extract_input_channel(self, request: Request) -> str:
        return self.name()

    def get_metadata(self, request: Request) -> None:
        return None  # nothing a client sends is kept beside the message
