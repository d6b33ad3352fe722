"""Every specialty and consultation mode the NLU can read is one the agenda's search accepts."""
import shutil

import pytest
from fastapi.testclient import TestClient

from bot.agenda.accounts import create_account
from bot.agenda.api import create_app
from bot.agenda.db import make_engine, make_session_factory
from bot.nlu.fields import find_modes, find_specialties
from bot.nlu.vocabulary import MODES, SPECIALTIES
from bot.settings import get_settings
from tests.agenda.conftest import PASSWORD, bearer
from tests.agenda.factories import NOW


def emitted(table: dict, find) -> set:
    """The values the NLU gives when it reads each phrase of its table."""
    return {found.value for phrases in table.values() for phrase in phrases for found in find(phrase)}


@pytest.fixture(scope="module")
def client(_migrated_sqlite, tmp_path_factory):
    """Signed in as a regulator, on an empty agenda (searching it is enough)."""
    path = tmp_path_factory.mktemp("agenda") / "agenda.db"
    shutil.copy(_migrated_sqlite, path)
    engine = make_engine(f"sqlite:///{path}")
    factory = make_session_factory(engine)
    settings = get_settings().copy(update={"secrets_dir": tmp_path_factory.mktemp("secrets")})
    create_account(factory, "regul", NOW, password=PASSWORD)
    with TestClient(create_app(factory, settings=settings, clock=lambda: NOW)) as client:
        client.headers.update(bearer(client, "regul"))
        yield client
    engine.dispose()


@pytest.mark.parametrize("specialty", sorted(emitted(SPECIALTIES, find_specialties)))
def test_every_specialty_the_nlu_reads_is_searchable(client, specialty):
    answer = client.get("/api/search", params={"location": "Lyon 3e", "specialty": specialty})
    assert answer.status_code == 200, answer.json()


@pytest.mark.parametrize("mode", sorted(emitted(MODES, find_modes)))
def test_every_mode_the_nlu_reads_is_searchable(client, mode):
    answer = client.get("/api/search", params={"location": "Lyon 3e", "mode": mode})
    assert answer.status_code == 200, answer.json()
