"""Every specialty and consultation mode the NLU can read is one the agenda's search accepts."""
import pytest
from fastapi.testclient import TestClient

from bot.agenda.api import create_app
from bot.nlu.fields import find_modes, find_specialties
from bot.nlu.vocabulary import MODES, SPECIALTIES
from tests.agenda.factories import NOW


def emitted(table: dict, find) -> set:
    """The values the NLU gives when it reads each phrase of its table."""
    return {found.value for phrases in table.values() for phrase in phrases for found in find(phrase)}


@pytest.fixture
def client(agenda_db):
    with TestClient(create_app(agenda_db.session_factory, clock=lambda: NOW)) as client:
        yield client


@pytest.mark.parametrize("specialty", sorted(emitted(SPECIALTIES, find_specialties)))
def test_every_specialty_the_nlu_reads_is_searchable(client, specialty):
    answer = client.get("/api/search", params={"location": "Lyon 3e", "specialty": specialty})
    assert answer.status_code == 200, answer.json()


@pytest.mark.parametrize("mode", sorted(emitted(MODES, find_modes)))
def test_every_mode_the_nlu_reads_is_searchable(client, mode):
    answer = client.get("/api/search", params={"location": "Lyon 3e", "mode": mode})
    assert answer.status_code == 200, answer.json()
