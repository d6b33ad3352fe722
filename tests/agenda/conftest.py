"""Fixtures for agenda tests: a fresh migrated SQLite database per test, a builder of hand-made data,
and (when TEST_POSTGRES_URL is set) a fresh schema on a real PostgreSQL."""
from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from bot.agenda.accounts import create_account
from bot.agenda.api import create_app
from bot.agenda.db import make_engine, make_session_factory, migrate
from bot.auth.tokens import REGULATOR
from bot.settings import get_settings
from tests.agenda.factories import NOW, AgendaBuilder

PASSWORD = "mot de passe de test"


@dataclass
class AgendaDb:
    url: str
    engine: Engine
    session_factory: sessionmaker
    now: datetime


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory) -> Path:
    """Migrated once with Alembic; each test gets a copy (much faster than migrating per test)."""
    path = tmp_path_factory.mktemp("agenda-template") / "agenda.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()  # checkpoints the WAL into the file
    return path


@pytest.fixture
def agenda_db(tmp_path, _migrated_sqlite) -> AgendaDb:
    path = tmp_path / "agenda.db"
    shutil.copy(_migrated_sqlite, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    yield AgendaDb(url, engine, make_session_factory(engine), NOW)
    engine.dispose()


@pytest.fixture
def builder(agenda_db) -> AgendaBuilder:
    return AgendaBuilder(agenda_db.session_factory, agenda_db.now)


@pytest.fixture
def make_practitioner(builder):
    """make_practitioner(sas=True, north_km=3, motifs=(...)) -> Doc (ids of the practitioner, place, motifs)."""
    return builder.practitioner


@pytest.fixture
def make_slot(builder):
    """make_slot(doc, hours=2, mode="cabinet", motifs=[labels], bookable_online=..., new_patients=...) -> id."""
    return builder.slot


@pytest.fixture
def add_account(agenda_db):
    """add_account("alice", role="supervisor") -> the login; its password is PASSWORD."""
    def add(login: str, role: str = REGULATOR, **extra) -> str:
        create_account(agenda_db.session_factory, login, agenda_db.now, password=PASSWORD, role=role, **extra)
        return login

    return add


@pytest.fixture
def client(agenda_db, tmp_path, add_account):
    """The agenda's app over HTTP (Starlette's TestClient), signed in as the regulator "regul" (access token)."""
    settings = get_settings().copy(update={"rasa_url": "http://rasa.test:5005", "timezone": "Europe/Paris",
                                           "secrets_dir": tmp_path / "secrets"})
    app = create_app(agenda_db.session_factory, settings=settings, clock=lambda: NOW,
                     attachments_dir=tmp_path / "attachments")
    with TestClient(app) as client:
        client.headers.update(bearer(client, add_account("regul")))
        yield client


def bearer(client, login: str, password: str = PASSWORD) -> dict[str, str]:
    """The header of an access token of `login`, asked of the agenda as a script does."""
    answer = client.post("/auth/token", json={"login": login, "password": password})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


@pytest.fixture
def postgres_db() -> AgendaDb:
    """A fresh, migrated schema on TEST_POSTGRES_URL, dropped afterwards."""
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is not set")
        pytest.skip("TEST_POSTGRES_URL is not set")
    schema = f"agenda_test_{uuid.uuid4().hex[:10]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"}, pool_size=30)
    try:
        migrate(engine)
        yield AgendaDb(url, engine, make_session_factory(engine), NOW)
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()
