"""Signing in to the agenda and who may do what: every route of /api and /fhir refuses whoever is not signed in,
expired and forged tokens are refused, repeated failures are slowed then locked, a regulator sees and cancels
only their own appointments (a supervisor, the whole SAS's), the panel's session is CSRF-protected, the action
server acts for the regulator whose conversation it serves, and the audit trail names no patient."""
from __future__ import annotations

import re
from datetime import timedelta

import jwt
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select
from starlette.routing import Mount

from bot.agenda import audit
from bot.agenda.accounts import LOCK_FOR, SLOW_STEP
from bot.agenda.api import create_app
from bot.agenda.models import AuditEvent
from bot.agenda.principal import CONVERSATION_HEADER, CSRF_HEADER, SESSION_COOKIE
from bot.auth import tokens
from bot.settings import get_settings
from tests.agenda.conftest import PASSWORD, bearer
from tests.agenda.factories import ADULT_FIRST, GENERAL_PRACTICE, NOW, SNP, SNP_MOTIF, Clock
from tests.agenda.test_attachments import PDF

# Routes anyone may call: the health check, FHIR's capability statement, signing in, the panel's page and files,
# the API's documentation. Everything else must refuse a caller without credentials.
OPEN = {"/health", "/fhir/metadata", "/", "/login", "/config.json", "/static", "/openapi.json", "/docs",
        "/docs/oauth2-redirect", "/redoc", "/auth/token", "/auth/login", "/auth/oidc/login", "/auth/oidc/callback"}
PATIENT = {"civilite": "Mme", "prenom": "Maëlys", "nom": "Quennehen", "nom_naissance": "Quennehen",
           "date_naissance": "1952-11-21", "telephone": "06 45 37 26 53", "email": "m.quennehen@email.com"}


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(agenda_db, tmp_path, clock):
    settings = get_settings().copy(update={"secrets_dir": tmp_path / "secrets"})
    return create_app(agenda_db.session_factory, settings=settings, clock=clock, attachments_dir=tmp_path / "files")


@pytest.fixture
def client(app):
    with TestClient(app) as client:
        yield client


@pytest.fixture
def slots(make_practitioner, make_slot):
    doc = make_practitioner(nom="Bernard", sas=True, north_km=2, motifs=GENERAL_PRACTICE + (SNP_MOTIF,))
    return [make_slot(doc, hours=hours, motifs=[ADULT_FIRST, SNP]) for hours in (2, 3, 4)]


def book(client, slot_id: int, headers: dict, key: str, **extra):
    return client.post("/api/appointments", headers=headers, json={
        "slot_id": str(slot_id), "patient": PATIENT, "idempotency_key": key, **extra})


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_route_but_the_open_ones_refuses_a_caller_without_credentials(app, client):
    routes = [r for r in app.routes if isinstance(r, (APIRoute, Mount)) or hasattr(r, "methods")]
    seen = set()
    for route in routes:
        if route.path in OPEN or isinstance(route, Mount):
            assert route.path in OPEN, f"{route.path} is mounted, hence open: list it in OPEN or protect it"
            continue
        for method in route.methods - {"HEAD", "OPTIONS"}:
            answer = client.request(method, concrete(route.path))
            assert answer.status_code == 401, f"{method} {route.path} answered {answer.status_code} without credentials"
            if route.path.startswith(("/api", "/fhir")):
                assert answer.json()["error"] == "non_authentifie" and answer.headers["WWW-Authenticate"] == "Bearer"
            seen.add(route.path)
    # The enumeration found the routes it is there to guard.
    assert {"/api/search", "/api/appointments", "/api/appointments/{appointment_id}/cancel", "/api/attachments",
            "/fhir/Slot", "/auth/session", "/auth/session/token", "/auth/logout"} <= seen
    assert client.get("/health").status_code == 200 and client.get("/fhir/metadata").status_code == 200


def test_expired_forged_and_disabled_tokens_are_refused(client, add_account, clock, agenda_db):
    from bot.agenda.accounts import set_disabled

    headers = bearer(client, add_account("alice"))
    assert client.get("/api/appointments", headers=headers).status_code == 200
    clock.now = NOW + timedelta(minutes=15)  # access tokens live 15 minutes
    assert client.get("/api/appointments", headers=headers).status_code == 401
    clock.now = NOW

    claims = {"sub": "alice", "role": "supervisor", "iss": tokens.ISSUER, "aud": tokens.AUDIENCE,
              "iat": int(NOW.timestamp()), "exp": int(NOW.timestamp()) + 600}
    for forged in (jwt.encode(claims, "not the agenda's key", algorithm="HS256"), jwt.encode(claims, None, algorithm="none"),
                   headers["Authorization"][len("Bearer "):-2] + "xx"):
        assert client.get("/api/appointments", headers={"Authorization": f"Bearer {forged}"}).status_code == 401

    set_disabled(agenda_db.session_factory, "alice", True)
    assert client.get("/api/appointments", headers=headers).status_code == 401  # at once, not at the token's end
    assert client.post("/auth/token", json={"login": "alice", "password": PASSWORD}).status_code == 401


def test_repeated_failures_are_slowed_then_locked(client, add_account, clock):
    add_account("alice")

    def attempt(password: str):
        return client.post("/auth/token", json={"login": "alice", "password": password})

    assert [attempt("mauvais").status_code for _ in range(3)] == [401, 401, 401]
    slowed = attempt(PASSWORD)  # even the right password waits: that is what slowing means
    assert slowed.status_code == 429 and slowed.headers["Retry-After"] == "5"
    assert slowed.json()["detail"] == "Trop d'essais : réessayez dans 5 s."
    clock.now += SLOW_STEP
    assert attempt("mauvais").status_code == 401
    clock.now += SLOW_STEP  # the wait doubles: 10 s after the fourth failure
    assert attempt(PASSWORD).status_code == 429
    clock.now += SLOW_STEP
    assert attempt("mauvais").status_code == 401  # the fifth: locked
    locked = attempt(PASSWORD)
    assert locked.status_code == 429 and locked.headers["Retry-After"] == str(int(LOCK_FOR.total_seconds()))
    assert locked.json()["detail"] == "Trop d'essais : réessayez dans 15 min."
    clock.now += LOCK_FOR
    assert attempt(PASSWORD).status_code == 200
    assert attempt("mauvais").status_code == 401  # counting starts again from zero
    assert attempt(PASSWORD).status_code == 200


def test_an_unknown_login_and_a_wrong_password_get_the_same_answer(client, add_account):
    add_account("alice")
    unknown = client.post("/auth/token", json={"login": "mallory", "password": PASSWORD})
    wrong = client.post("/auth/token", json={"login": "alice", "password": "mauvais"})
    assert (unknown.status_code, unknown.json()) == (wrong.status_code, wrong.json())
    assert wrong.json() == {"error": "identifiants_invalides", "detail": "Identifiant ou mot de passe incorrect."}


def test_a_regulator_sees_and_cancels_only_their_appointments(client, add_account, slots):
    alice, bob = bearer(client, add_account("alice")), bearer(client, add_account("bob"))
    chief = bearer(client, add_account("chef", role="supervisor"))
    mine = book(client, slots[0], alice, "cle-alice").json()
    theirs = book(client, slots[1], bob, "cle-bob").json()
    assert (mine["regulator"], theirs["regulator"]) == ("alice", "bob")

    assert [a["id"] for a in client.get("/api/appointments", headers=alice).json()] == [mine["id"]]
    assert [a["id"] for a in client.get("/api/appointments", headers=bob).json()] == [theirs["id"]]
    assert client.get(f"/api/appointments/{theirs['id']}", headers=alice).status_code == 404
    assert client.post(f"/api/appointments/{theirs['id']}/cancel", headers=alice).status_code == 404
    assert client.get(f"/api/appointments/{theirs['id']}", headers=bob).json()["status"] == "booked"
    # Reusing another regulator's idempotency key does not hand over their booking.
    replay = book(client, slots[2], alice, "cle-bob")
    assert replay.status_code == 409 and "Quennehen" not in replay.text

    assert {a["id"] for a in client.get("/api/appointments", headers=chief).json()} == {mine["id"], theirs["id"]}
    assert client.post(f"/api/appointments/{theirs['id']}/cancel", headers=chief).json()["status"] == "cancelled"


def test_a_regulator_reads_and_sends_only_their_attachments(client, add_account, slots):
    alice, bob = bearer(client, add_account("alice")), bearer(client, add_account("bob"))
    uploaded = client.post("/api/attachments", headers=alice, files={"file": ("bilan.pdf", PDF, "application/pdf")})
    attachment_id = uploaded.json()["id"]
    assert client.get(f"/api/attachments/{attachment_id}", headers=bob).status_code == 404
    assert book(client, slots[0], bob, "cle-bob", attachment_ids=[attachment_id]).status_code == 422
    booked = book(client, slots[0], alice, "cle-alice", attachment_ids=[attachment_id])
    assert [a["id"] for a in booked.json()["attachments"]] == [attachment_id]


def test_the_panel_session_cookie_and_its_csrf_token(client, add_account):
    add_account("alice", name="Alice Martin")
    signed_in = client.post("/auth/login", json={"login": "alice", "password": PASSWORD})
    assert signed_in.status_code == 200
    cookie = signed_in.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Secure" not in cookie  # over plain HTTP (a browser would not send it back); see the HTTPS test
    csrf = signed_in.json()["csrf_token"]
    assert client.get("/auth/session").json() == {"login": "alice", "name": "Alice Martin", "role": "regulator",
                                                  "csrf_token": csrf}
    assert client.get("/api/appointments").status_code == 200  # reading needs the cookie only

    upload = {"files": {"file": ("bilan.pdf", PDF, "application/pdf")}}
    assert client.post("/api/attachments", **upload).status_code == 403  # changing something needs the CSRF token
    assert client.post("/api/attachments", headers={CSRF_HEADER: "devine"}, **upload).status_code == 403
    assert client.post("/api/attachments", headers={CSRF_HEADER: csrf}, **upload).status_code == 201
    assert client.post("/auth/session/token").status_code == 403
    token = client.post("/auth/session/token", headers={CSRF_HEADER: csrf}).json()
    assert (token["token_type"], token["expires_in"]) == ("bearer", 900)

    assert client.post("/auth/logout", headers={CSRF_HEADER: csrf}).status_code == 204
    assert client.get("/auth/session").status_code == 401
    assert client.get("/api/appointments").status_code == 401


def test_over_https_the_session_cookie_is_secure(app, add_account):
    add_account("alice")
    with TestClient(app, base_url="https://agenda.test") as client:
        cookie = client.post("/auth/login", json={"login": "alice", "password": PASSWORD}).headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_the_action_server_acts_for_the_conversations_regulator(app, client, add_account, slots):
    add_account("alice")
    service = {"Authorization": f"Bearer {app.state.settings.service_token.get_secret_value()}"}
    for_alice = {**service, CONVERSATION_HEADER: "alice/panel-1"}
    assert client.get("/api/search", headers=service, params={"location": "Lyon 3e"}).status_code == 200
    assert book(client, slots[0], service, "sans-regulateur").status_code == 403  # a booking needs someone
    booked = book(client, slots[0], for_alice, "cle-1")
    assert (booked.status_code, booked.json()["regulator"]) == (201, "alice")
    assert client.get("/api/appointments", headers={**service, CONVERSATION_HEADER: "bob/x"}).status_code == 403
    assert client.get("/api/appointments", headers={**service, CONVERSATION_HEADER: "alice"}).status_code == 403
    assert client.get("/api/appointments", headers=for_alice).json()[0]["id"] == booked.json()["id"]


def test_the_audit_trail_says_who_did_what_without_any_patient_field(app, client, add_account, slots, agenda_db):
    add_account("alice")
    service = {"Authorization": f"Bearer {app.state.settings.service_token.get_secret_value()}",
               CONVERSATION_HEADER: "alice/panel-1"}
    client.get("/api/search", headers=service, params={"location": "Lyon 3e"})
    client.post("/api/attachments", headers=service, files={"file": ("Quennehen Maëlys.pdf", PDF, "application/pdf")})
    booked = book(client, slots[0], service, "cle-1", message="Maëlys Quennehen, fièvre").json()
    client.post(f"/api/appointments/{booked['id']}/cancel", headers=service)
    client.post("/auth/token", json={"login": "alice", "password": "mauvais"})

    with agenda_db.session_factory() as session:
        trail = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars().all()
    actions = [(e.actor, e.action, e.appointment_id, e.conversation) for e in trail]
    assert actions[-5:] == [
        ("alice", "search", None, "alice/panel-1"), ("alice", "upload", None, "alice/panel-1"),
        ("alice", "book", int(booked["id"]), "alice/panel-1"), ("alice", "cancel", int(booked["id"]), "alice/panel-1"),
        ("alice", "sign_in_refused", None, None),
    ]
    assert all(e.at == NOW for e in trail)
    written = " ".join(f"{e.actor} {e.action} {e.conversation} {e.detail}" for e in trail).lower()
    for value in (*PATIENT.values(), "0645372653", "+33645372653", "1952", "lyon", "fièvre", "maëlys"):
        assert value.lower() not in written, value
    assert audit.events(agenda_db.session_factory, since=NOW + timedelta(seconds=1)) == []
