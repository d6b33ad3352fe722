"""`make run` (bot/run.py) keeps purging while the assistant runs: an attachment past its retention is gone."""
from __future__ import annotations

import io
import signal
import time
from datetime import datetime, timezone

import pytest

import bot.run
from bot.agenda.attachments import store_attachment
from bot.agenda.db import make_engine, make_session_factory, migrate
from bot.settings import get_settings
from bot.stack import Stack


class WithoutProcesses(Stack):
    """The stack of `make run`, minus its three processes."""

    def prepare_agenda(self) -> None:
        return None

    def ensure_demo_account(self) -> None:
        return None

    def start(self, with_rasa_server: bool = True) -> None:
        return None

    def stop(self) -> None:
        return None


@pytest.fixture
def settings_of_make_run(monkeypatch, tmp_path):
    for name, value in {"DATABASE_URL": f"sqlite:///{tmp_path / 'agenda.db'}", "SECRETS_DIR": str(tmp_path / "s"),
                        "ATTACHMENTS_DIR": str(tmp_path / "pieces"),
                        "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'tracker.db'}"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(bot.run, "Stack", WithoutProcesses)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def test_make_run_deletes_what_outlived_its_retention_while_it_runs(monkeypatch, settings_of_make_run):
    settings = settings_of_make_run
    folder = settings.attachments_dir
    engine = make_engine(settings.database_url.get_secret_value())
    migrate(engine)
    with make_session_factory(engine)() as session:
        store_attachment(session, folder, "vieux.pdf", io.BytesIO(b"%PDF-1.4\n"), datetime(2020, 1, 1, tzinfo=timezone.utc))
        session.commit()
    engine.dispose()

    def running() -> None:  # signal.pause() of make run: until the purge went by, then Ctrl-C
        deadline = time.monotonic() + 30
        while any(folder.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.1)
        raise KeyboardInterrupt

    monkeypatch.setattr(signal, "pause", running)
    assert bot.run.main([]) == 0
    assert list(folder.iterdir()) == []
