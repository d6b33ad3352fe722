"""Who is calling the agenda, for every route of /api and /fhir (bot.agenda.api mounts them behind `principal`):

- a regulator with an access token (`Authorization: Bearer`, from POST /auth/token or the panel's session);
- a regulator in the side panel, by its session cookie; a request that changes something also sends the
  session's CSRF token in `X-CSRF-Token`;
- the action server, with the service token, acting for the regulator whose conversation it serves
  (`X-SAS-Conversation: <login>/<conversation>`), or for nobody (searching needs no regulator).

Anything else is refused with 401 before the route runs. The account is read at every request: a disabled
regulator is refused at once."""
from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from bot.agenda import audit, web_sessions
from bot.agenda.accounts import active_account
from bot.agenda.deps import NowDep, SessionFactoryDep, SettingsDep
from bot.agenda.models import WebSession
from bot.auth import conversations, tokens
from bot.auth.conversations import regulator_of

SESSION_COOKIE = "sas_session"
CSRF_HEADER = "X-CSRF-Token"
CONVERSATION_HEADER = conversations.HEADER
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

# Declared so that the OpenAPI document (/docs) says how to sign in; the checks are below.
_bearer = HTTPBearer(auto_error=False, description="jeton d'accès (POST /auth/token) ou jeton de service")
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, description="session du panneau (POST /auth/login)")
_conversation = APIKeyHeader(name=CONVERSATION_HEADER, auto_error=False,
                             description="avec le jeton de service : la conversation servie, « identifiant/conversation »")


class NotSignedIn(Exception):
    """401: no credentials, or none that hold."""


class Forbidden(Exception):
    """403: signed in, but not allowed this; the reason in French."""


@dataclass(frozen=True)
class Principal:
    login: str | None  # the regulator; None for the action server acting for nobody
    role: str | None
    via: str  # "jeton", "session" or "service"
    conversation: str | None = None

    @property
    def actor(self) -> str:
        """Its name in the audit trail."""
        return self.login or audit.SERVICE

    @property
    def sees_all(self) -> bool:
        """A supervisor sees the appointments of the whole SAS; a regulator, those they booked."""
        return self.role == tokens.SUPERVISOR

    def may_see(self, booked_by: str | None) -> bool:
        return self.sees_all or (self.login is not None and booked_by == self.login)


def principal(
    request: Request, factory: SessionFactoryDep, now: NowDep, settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_cookie)],
    conversation: Annotated[str | None, Depends(_conversation)],
) -> Principal:
    # A session of its own, closed before the route runs: a request never holds two of the pool's connections.
    with factory() as session:
        if credentials is not None:
            return _bearer_holder(session, credentials.credentials, conversation, now, settings)
        if cookie:
            web = _checked_session(request, session, now, cookie)
            return Principal(web.account.login, web.account.role, "session")
    raise NotSignedIn()


def panel_session(request: Request, factory: SessionFactoryDep, now: NowDep,
                  cookie: Annotated[str | None, Depends(_cookie)]) -> WebSession:
    """The panel's open session (its account loaded); a request that changes something carries its CSRF token."""
    if not cookie:
        raise NotSignedIn()
    with factory() as session:
        return _checked_session(request, session, now, cookie)


def _checked_session(request: Request, session: Session, now, cookie: str) -> WebSession:
    web = web_sessions.find(session, cookie, now)
    if web is None:
        raise NotSignedIn()
    sent = request.headers.get(CSRF_HEADER, "")
    if request.method not in SAFE_METHODS and not hmac.compare_digest(sent.encode(), web.csrf_token.encode()):
        raise Forbidden("Jeton CSRF manquant ou invalide : rechargez le panneau.")
    return web


def _bearer_holder(session: Session, token: str, conversation: str | None, now, settings) -> Principal:
    """A regulator's access token, or the service token acting for the conversation's regulator (or nobody)."""
    if hmac.compare_digest(token.encode(), settings.service_token.get_secret_value().encode()):
        if conversation is None:
            return Principal(None, None, "service")
        login = regulator_of(conversation)
        account = active_account(session, login) if login else None
        if account is None:
            raise Forbidden("Conversation d'un régulateur inconnu ou désactivé.")
        return Principal(account.login, account.role, "service", conversation)
    try:
        identity = tokens.verify(token, settings.token_signing_key.get_secret_value(), now)
    except tokens.InvalidToken:
        raise NotSignedIn() from None
    account = active_account(session, identity.login)
    if account is None:
        raise NotSignedIn()
    return Principal(account.login, account.role, "jeton")


PrincipalDep = Annotated[Principal, Depends(principal)]
PanelSessionDep = Annotated[WebSession, Depends(panel_session)]


def regulator(who: PrincipalDep) -> Principal:
    """For what only a regulator does (booking, reading appointments, uploading)."""
    if who.login is None:
        raise Forbidden("Réservé aux régulateurs : le service doit nommer la conversation servie.")
    return who


RegulatorDep = Annotated[Principal, Depends(regulator)]
