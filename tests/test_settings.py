"""Settings: checked at start, each one read by some part of the assistant, handed whole to child processes."""
import re

import pytest
import yaml
from pydantic import ValidationError
from rasa.shared.utils.io import read_yaml

from bot.rasa_endpoints import endpoints_yaml, secret_env
from bot.settings import ROOT, Settings


def test_every_setting_is_read_somewhere():
    """By its attribute in our code, or by its variable in the endpoints file Rasa reads."""
    sources = [path for folder in ("bot", "actions") for path in (ROOT / folder).rglob("*.py")
               if path != ROOT / "bot" / "settings.py"]
    code = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    variables = Settings().as_env()
    unread = [name for name in Settings.__fields__
              if not re.search(rf"\.{name}\b", code) and f"${{{name.upper()}}}" not in code]
    assert unread == []
    assert set(variables) >= {"DATABASE_URL", "AGENDA_URL", "RASA_URL", "ATTACHMENTS_DIR", "SAS_TIMEZONE"}


@pytest.mark.parametrize("variable, value", [
    ("SAS_TIMEZONE", "Europe/Pariss"), ("AGENDA_PORT", "huit mille"), ("AGENDA_URL", "127.0.0.1:8000"),
    ("AGENDA_TIMEOUT_S", "0"), ("TRACKER_STORE_URL", "var/tracker.db"),
])
def test_a_wrong_value_stops_the_start(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError, match=variable.lower().replace("sas_", "")):
        Settings()


def test_urls_default_to_the_local_ports():
    settings = Settings(agenda_port=8100, rasa_port=5100)
    assert (settings.agenda_url, settings.rasa_url) == ("http://127.0.0.1:8100", "http://127.0.0.1:5100")


def test_secrets_are_hidden_in_reprs_and_given_to_processes():
    settings = Settings(rasa_token="t0ken", tracker_store_url="postgresql://rasa:s3cret@db/rasa",
                        database_url="postgresql+psycopg2://agenda:d4ta@db/agenda")
    assert not {"t0ken", "s3cret", "d4ta"} & set(re.findall(r"\w+", repr(settings)))
    assert settings.as_env()["RASA_TOKEN"] == "t0ken"
    assert settings.as_env()["DATABASE_URL"] == "postgresql+psycopg2://agenda:d4ta@db/agenda"


def test_the_tracker_and_lock_stores_are_configuration(monkeypatch):
    settings = Settings(action_port=5100, tracker_store_url="postgresql://rasa:s3cret@db.internal:5432/rasa",
                        lock_store_url="redis://:l0ck@cache.internal:6380/2", action_token="4ct10ns")
    written = endpoints_yaml(settings)
    assert not {"s3cret", "l0ck", "4ct10ns"} & set(re.findall(r"\w+", written))  # Rasa reads them from its environment
    for name, value in {**settings.as_env(), **secret_env(settings)}.items():
        monkeypatch.setenv(name, value)
    endpoints = read_yaml(written)  # as Rasa reads it
    assert endpoints["action_endpoint"] == {"url": "http://127.0.0.1:5100/webhook",
                                            "headers": {"Authorization": "Bearer 4ct10ns"}}
    assert endpoints["tracker_store"] == {"type": "SQL", "url": "postgresql://rasa:s3cret@db.internal:5432/rasa"}
    assert endpoints["lock_store"] == {"type": "redis", "url": "cache.internal", "port": 6380, "db": 2,
                                       "use_ssl": False, "password": "l0ck"}


def test_without_a_lock_store_rasa_keeps_its_own_in_memory():
    assert "lock_store" not in yaml.safe_load(endpoints_yaml(Settings(lock_store_url=None)))
