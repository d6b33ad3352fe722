"""`make run` (bot/run.py) hands the processes the variables the README documents, as they were set."""
import socket

import pytest

import bot.run
from bot.settings import get_settings
from bot.stack import Stack, StackConfig


class Started(Exception):
    """Stops `main` once the processes' environment is known."""


@pytest.fixture
def environment_of_make_run(monkeypatch):
    """main() up to the first process it would start -> the environment that process gets."""
    seen: dict = {}

    class RecordingStack(Stack):
        def prepare_agenda(self) -> None:
            seen.update(self.env())
            raise Started()

    monkeypatch.setattr(bot.run, "Stack", RecordingStack)

    def run() -> dict:
        get_settings.cache_clear()
        with pytest.raises(Started):
            bot.run.main([])
        return seen

    yield run
    get_settings.cache_clear()


def test_documented_variables_reach_the_processes_unchanged(monkeypatch, tmp_path, environment_of_make_run):
    documented = {
        "AGENDA_URL": "http://agenda.internal:9000", "RASA_URL": "https://sas.example/rasa",
        "ATTACHMENTS_DIR": str(tmp_path / "pieces"), "DATABASE_URL": f"sqlite:///{tmp_path / 'agenda.db'}",
        "AGENDA_PORT": "8100", "ACTION_PORT": "5100", "RASA_PORT": "5101", "RASA_TOKEN": "t0ken",
        "AGENDA_TIMEOUT_S": "2.5", "SAS_TIMEZONE": "Indian/Reunion", "SECRETS_DIR": str(tmp_path / "secrets"),
    }
    for name, value in documented.items():
        monkeypatch.setenv(name, value)
    env = environment_of_make_run()
    assert {name: env.get(name) for name in documented} == documented


def test_secrets_not_given_are_generated_once_and_handed_to_every_process(monkeypatch, tmp_path, environment_of_make_run):
    monkeypatch.setenv("SECRETS_DIR", str(tmp_path / "secrets"))
    monkeypatch.setenv("SERVICE_TOKEN", "given-by-the-environment")
    first = environment_of_make_run()
    assert first["SERVICE_TOKEN"] == "given-by-the-environment"
    generated = {name: first[name] for name in ("RASA_TOKEN", "ACTION_TOKEN", "TOKEN_SIGNING_KEY")}
    assert all(len(value) >= 40 for value in generated.values()) and len(set(generated.values())) == 3
    files = {path.name: path for path in (tmp_path / "secrets").iterdir()}
    assert set(files) == {"rasa_token", "action_token", "token_signing_key"}
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in files.values())
    again = environment_of_make_run()
    assert {name: again[name] for name in generated} == generated


@pytest.mark.parametrize("which, variable", [("agenda_port", "AGENDA_PORT"), ("rasa_port", "RASA_PORT")])
def test_a_port_already_in_use_is_said_before_anything_starts(tmp_path, which, variable):
    """A `make run` left running answered the new one's health checks: it said « ready » on the old processes."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        config = StackConfig.on_free_ports(tmp_path)
        config.settings = config.settings.copy(update={which: taken.getsockname()[1]})
        stack = Stack(config)
        with pytest.raises(RuntimeError, match=f"déjà utilisé .* {variable}"):
            stack.start()
        assert stack.processes == {}
