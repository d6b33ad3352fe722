"""Signing in: access tokens for scripts and Rasa's channel (POST /auth/token), the side panel's session (login,
session, the panel's own access tokens, logout) and single sign-on through the OIDC provider, when configured.

Every sign-in, refused or not, is written to the audit trail; a refused one never says whether the login exists."""
from __future__ import annotations

import logging
from datetime import timedelta
from math import ceil

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse

from bot.agenda import accounts, audit, oidc, web_sessions
from bot.agenda.contract import AccessToken, Credentials, Problem, SignedIn
from bot.agenda.deps import NowDep, SessionFactoryDep, SettingsDep
from bot.agenda.models import Account
from bot.agenda.principal import SESSION_COOKIE, PanelSessionDep
from bot.agenda.routes.answers import problem
from bot.auth import tokens

log = logging.getLogger(__name__)
router = APIRouter(prefix="/auth", tags=["connexion"])
REFUSED = {401: {"model": Problem, "description": "Identifiant ou mot de passe incorrect."},
           429: {"model": Problem, "description": "Trop d'essais : réessayer après Retry-After secondes."}}


def _in_words(wait: timedelta) -> str:
    seconds = ceil(wait.total_seconds())
    return f"{ceil(seconds / 60)} min" if seconds >= 60 else f"{seconds} s"


def _sign_in(factory, body: Credentials, now, via: str) -> Account | JSONResponse:
    try:
        account = accounts.sign_in(factory, body.login, body.password, now)
    except accounts.BadCredentials as refused:
        audit.record(factory, now, refused.login or audit.UNKNOWN, "sign_in_refused", detail=f"identifiants, {via}")
        return problem(401, "identifiants_invalides", "Identifiant ou mot de passe incorrect.")
    except accounts.TooManyAttempts as refused:
        audit.record(factory, now, body.login, "sign_in_refused", detail=f"trop d'essais, {via}")
        answer = problem(429, "trop_d_essais",
                         f"Trop d'essais : réessayez dans {_in_words(refused.retry_after)}.")
        answer.headers["Retry-After"] = str(ceil(refused.retry_after.total_seconds()))
        return answer
    audit.record(factory, now, account.login, "sign_in", detail=via)
    return account


def access_token(account_login: str, role: str, settings, now) -> AccessToken:
    lifetime = timedelta(minutes=settings.access_token_minutes)
    token = tokens.issue(tokens.Identity(account_login, role), settings.token_signing_key.get_secret_value(), now,
                         lifetime)
    return AccessToken(access_token=token, expires_in=int(lifetime.total_seconds()))


@router.post("/token", response_model=AccessToken, responses=REFUSED)
def token(body: Credentials, factory: SessionFactoryDep, now: NowDep, settings: SettingsDep):
    """A short-lived access token, for `Authorization: Bearer` on the agenda and Rasa's REST channel."""
    account = _sign_in(factory, body, now, "jeton")
    if isinstance(account, JSONResponse):
        return account
    return access_token(account.login, account.role, settings, now)


def open_panel_session(request: Request, response: Response, factory, account: Account, now, settings) -> SignedIn:
    lifetime = timedelta(hours=settings.session_hours)
    value, web = web_sessions.open_session(factory, account, now, lifetime)
    response.set_cookie(SESSION_COOKIE, value, max_age=int(lifetime.total_seconds()), path="/", httponly=True,
                        secure=request.url.scheme == "https", samesite="strict")
    return SignedIn(login=account.login, name=account.name, role=account.role, csrf_token=web.csrf_token)


@router.post("/login", response_model=SignedIn, responses=REFUSED)
def login(body: Credentials, request: Request, response: Response, factory: SessionFactoryDep, now: NowDep,
          settings: SettingsDep):
    """The panel's sign-in: a session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS) and its CSRF token."""
    account = _sign_in(factory, body, now, "session")
    if isinstance(account, JSONResponse):
        return account
    return open_panel_session(request, response, factory, account, now, settings)


@router.get("/session", response_model=SignedIn, responses={401: {"model": Problem}})
def current_session(web: PanelSessionDep) -> SignedIn:
    """Who is signed in on this panel (401 when nobody is)."""
    return SignedIn(login=web.account.login, name=web.account.name, role=web.account.role, csrf_token=web.csrf_token)


@router.post("/session/token", response_model=AccessToken, responses={401: {"model": Problem}})
def session_token(web: PanelSessionDep, now: NowDep, settings: SettingsDep) -> AccessToken:
    """The panel's access token for Rasa's channel, drawn from its session (with the CSRF token)."""
    return access_token(web.account.login, web.account.role, settings, now)


@router.post("/logout", status_code=204, response_class=Response, responses={401: {"model": Problem}})
def logout(request: Request, web: PanelSessionDep, factory: SessionFactoryDep, now: NowDep) -> Response:
    web_sessions.close(factory, request.cookies[SESSION_COOKIE])
    audit.record(factory, now, web.account.login, "sign_out", detail="session")
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response


def _provider(request: Request) -> oidc.OidcProvider | None:
    return request.app.state.oidc


@router.get("/oidc/login", include_in_schema=False)
async def oidc_login(request: Request, now: NowDep):
    """Off to the provider; it comes back to /auth/oidc/callback."""
    provider = _provider(request)
    if provider is None:
        return problem(404, "introuvable", "Aucun fournisseur d'identité n'est configuré.")
    url, state = await provider.start(str(request.url_for("oidc_callback")), now)
    response = RedirectResponse(url, status_code=302)
    # Lax, not Strict: the provider's redirection back here is a navigation from another site.
    response.set_cookie(oidc.STATE_COOKIE, state, max_age=int(oidc.STATE_LIFETIME.total_seconds()),
                        path="/auth/oidc", httponly=True, secure=request.url.scheme == "https", samesite="lax")
    return response


@router.get("/oidc/callback", include_in_schema=False, name="oidc_callback")
async def oidc_callback(request: Request, factory: SessionFactoryDep, now: NowDep, settings: SettingsDep):
    provider = _provider(request)
    if provider is None:
        return problem(404, "introuvable", "Aucun fournisseur d'identité n'est configuré.")
    try:
        claims = await provider.finish(dict(request.query_params), request.cookies.get(oidc.STATE_COOKIE), now)
    except oidc.SignInFailed as failure:
        log.warning("OIDC sign-in failed: %s", failure)
        audit.record(factory, now, audit.UNKNOWN, "sign_in_refused", detail="oidc")
        return _back_to_login("oidc")
    with factory() as session:
        account = accounts.by_oidc_subject(session, claims["sub"])
    if account is None or account.disabled:
        audit.record(factory, now, account.login if account else audit.UNKNOWN, "sign_in_refused",
                     detail="oidc, aucun compte actif")
        return _back_to_login("compte")
    audit.record(factory, now, account.login, "sign_in", detail="oidc")
    response = RedirectResponse("/", status_code=303)
    open_panel_session(request, response, factory, account, now, settings)
    response.delete_cookie(oidc.STATE_COOKIE, path="/auth/oidc")
    return response


def _back_to_login(reason: str) -> RedirectResponse:
    response = RedirectResponse(f"/login?erreur={reason}", status_code=303)
    response.delete_cookie(oidc.STATE_COOKIE, path="/auth/oidc")
    return response
