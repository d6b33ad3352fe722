"""The headers that hold the panel to its own origin (bot.agenda.security_headers), as the agenda answers them."""
import pytest
from fastapi.testclient import TestClient

from bot.agenda.api import create_app
from bot.settings import get_settings
from tests.agenda.factories import NOW


def client_with(agenda_db, tmp_path, **settings) -> TestClient:
    settings = get_settings().copy(update={"secrets_dir": tmp_path / "secrets", **settings})
    return TestClient(create_app(agenda_db.session_factory, settings=settings, clock=lambda: NOW))


def policy(answer) -> dict[str, str]:
    directives = (d.strip().split(" ", 1) for d in answer.headers["content-security-policy"].split(";"))
    return {name: value for name, value in directives}


@pytest.mark.parametrize("path", ["/", "/login", "/static/js/main.js", "/config.json", "/health", "/api/search",
                                  "/nulle-part"])
def test_every_answer_allows_only_the_agendas_origin_and_rasas_for_calls(agenda_db, tmp_path, path):
    with client_with(agenda_db, tmp_path, rasa_url="https://rasa.sas.example:5005") as client:
        answer = client.get(path)
    directives = policy(answer)
    assert directives["default-src"] == directives["script-src"] == directives["style-src"] == "'self'"
    assert directives["connect-src"] == "'self' https://rasa.sas.example:5005"
    assert (directives["object-src"], directives["base-uri"]) == ("'none'", "'none'")
    assert directives["frame-ancestors"] == "'self'"
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_frame_ancestors_come_from_the_settings(agenda_db, tmp_path):
    with client_with(agenda_db, tmp_path, panel_frame_ancestors="https://regulation.example.fr") as client:
        assert policy(client.get("/"))["frame-ancestors"] == "https://regulation.example.fr"


def test_the_api_documentation_keeps_its_cdn_and_inline_script(agenda_db, tmp_path):
    with client_with(agenda_db, tmp_path) as client:
        assert "content-security-policy" not in client.get("/docs").headers
