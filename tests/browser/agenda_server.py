"""The real agenda app on a free loopback port, in a thread: enough to serve the panel and its uploads."""
from __future__ import annotations

import secrets
import socket
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import httpx
import uvicorn

from bot.agenda.accounts import create_account
from bot.agenda.api import create_app
from bot.agenda.db import make_engine, make_session_factory, migrate
from bot.auth.client import SignedIn
from bot.settings import get_settings

REGULATOR_LOGIN = "regulatrice"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve_agenda(folder: Path, rasa_url: str):
    """-> a regulator of this agenda (SignedIn: its URL, login and password)."""
    settings = get_settings().copy(update={"attachments_dir": folder / "attachments", "rasa_url": rasa_url,
                                           "secrets_dir": folder / "secrets"})
    engine = make_engine(f"sqlite:///{folder / 'agenda.db'}")
    migrate(engine)
    password = secrets.token_urlsafe(16)
    create_account(make_session_factory(engine), REGULATOR_LOGIN, datetime.now(timezone.utc), password=password,
                   name="Régulatrice de test")
    app = create_app(make_session_factory(engine), settings=settings)
    port = free_port()
    # ws="none": Rasa pins an old `websockets` that uvicorn's auto-detection cannot load.
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the agenda did not start")
        time.sleep(0.05)
    assert httpx.get(f"{url}/health").status_code == 200
    try:
        yield SignedIn(url, REGULATOR_LOGIN, password)
    finally:
        server.should_exit = True
        thread.join(10)
        engine.dispose()
