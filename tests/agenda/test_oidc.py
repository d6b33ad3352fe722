"""Single sign-on, end to end: the agenda (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) against a small
OpenID Connect provider on loopback built with authlib's server side (tests/agenda/oidc_provider.py). The
browser's part is played by an HTTP client following the redirections and keeping the cookies."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bot.agenda import audit
from bot.agenda.accounts import create_account
from bot.agenda.api import create_app
from bot.settings import get_settings
from tests.agenda.factories import NOW
from tests.agenda.oidc_provider import serve_provider

CLIENT_ID, CLIENT_SECRET = "agenda-sas", "secret-du-client-de-test"
SUBJECT = "8-10001234567"  # Pro Santé Connect names people by their RPPS


@pytest.fixture(scope="module")
def provider():
    with serve_provider(CLIENT_ID, CLIENT_SECRET) as provider:
        yield provider


@pytest.fixture
def agenda(agenda_db, tmp_path, provider):
    settings = get_settings().copy(update={
        "secrets_dir": tmp_path / "secrets", "oidc_issuer": provider.issuer, "oidc_client_id": CLIENT_ID,
        "oidc_client_secret": SecretStr(CLIENT_SECRET),
    })
    create_account(agenda_db.session_factory, "dr.martin", NOW, name="Dr Claire Martin", oidc_subject=SUBJECT)
    with TestClient(create_app(agenda_db.session_factory, settings=settings, clock=lambda: NOW)) as client:
        yield client


def sign_in(agenda: TestClient, tamper=lambda location: location) -> httpx.Response:
    """The browser's trip: agenda -> provider -> agenda, one redirection at a time; -> the agenda's last answer."""
    to_provider = agenda.get("/auth/oidc/login", follow_redirects=False)
    assert to_provider.status_code == 302
    back = httpx.get(to_provider.headers["location"], follow_redirects=False, timeout=10)
    assert back.status_code == 302, back.text
    callback = urlsplit(tamper(back.headers["location"]))
    return agenda.get(f"{callback.path}?{callback.query}", follow_redirects=False)


def test_a_regulator_signs_in_through_the_provider(agenda, provider, agenda_db):
    provider.signs_in(SUBJECT, "Claire Martin")
    assert agenda.get("/config.json").json()["sign_in_with"] == "Pro Santé Connect"
    landed = sign_in(agenda)
    assert (landed.status_code, landed.headers["location"]) == (303, "/")
    assert "HttpOnly" in landed.headers["set-cookie"] and "SameSite=strict" in landed.headers["set-cookie"]
    signed_in = agenda.get("/auth/session").json()
    assert (signed_in["login"], signed_in["name"]) == ("dr.martin", "Dr Claire Martin")
    assert agenda.get("/api/appointments").status_code == 200
    trail = [(e.actor, e.action, e.detail) for e in audit.events(agenda_db.session_factory)]
    assert ("dr.martin", "sign_in", "oidc") in trail


def test_known_to_the_provider_is_not_enough_without_an_account(agenda, provider):
    provider.signs_in("8-10009999999", "Quelqu'un d'autre")
    landed = sign_in(agenda)
    assert (landed.status_code, landed.headers["location"]) == (303, "/login?erreur=compte")
    assert agenda.get("/auth/session").status_code == 401


def test_an_answer_for_another_flow_or_another_browser_is_refused(agenda, provider):
    provider.signs_in(SUBJECT, "Claire Martin")

    def other_state(location: str) -> str:
        state = parse_qs(urlsplit(location).query)["state"][0]
        return location.replace(state, "etat-d-un-autre-parcours")

    assert sign_in(agenda, other_state).headers["location"] == "/login?erreur=oidc"
    to_provider = agenda.get("/auth/oidc/login", follow_redirects=False)
    back = httpx.get(to_provider.headers["location"], follow_redirects=False, timeout=10).headers["location"]
    agenda.cookies.clear()  # the answer reaches a browser that did not start the flow
    callback = urlsplit(back)
    assert agenda.get(f"{callback.path}?{callback.query}", follow_redirects=False).headers["location"] == \
        "/login?erreur=oidc"
    assert agenda.get("/auth/session").status_code == 401


def test_an_id_token_signed_with_a_key_the_provider_does_not_publish_is_refused(agenda, provider):
    provider.signs_in(SUBJECT, "Claire Martin")
    provider.publish_wrong_key()
    try:
        assert sign_in(agenda).headers["location"] == "/login?erreur=oidc"
    finally:
        provider.signing_key = provider.key
    assert agenda.get("/auth/session").status_code == 401
