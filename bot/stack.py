"""Starts and stops the three processes of the assistant: agenda service, action server, Rasa.

Used by `make run`, by the end-to-end and browser tests, and by the conversation benchmark, so that they all
run the real thing the same way."""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx
from sqlalchemy.orm import sessionmaker

from bot.agenda.accounts import create_account, ensure_demo_account
from bot.agenda.db import make_engine, make_session_factory
from bot.auth.client import SignedIn
from bot.auth.local_secrets import with_secrets
from bot.auth.tokens import REGULATOR
from bot.rasa_endpoints import endpoints_yaml, secret_env
from bot.settings import LOCAL, ROOT, Settings

PYTHON = sys.executable
RASA = [PYTHON, "-m", "bot.rasa_cli"]  # Rasa's CLI with fast checks of the action answers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_ctrl_c() -> None:
    """Serve until Ctrl-C (or a service manager's SIGTERM, turned into an exit by the caller), then say it stops."""
    try:
        signal.pause()
    except KeyboardInterrupt:
        print("\nArrêt…", flush=True)


@dataclass
class StackConfig:
    workdir: Path  # endpoints file and process logs
    settings: Settings  # what every process is started with
    model: Path = ROOT / "models" / "sas.tar.gz"

    # Where the processes listen on this machine (the settings' URLs may name a proxy in front of them).
    @property
    def agenda_url(self) -> str:
        return f"{LOCAL}:{self.settings.agenda_port}"

    @property
    def rasa_url(self) -> str:
        return f"{LOCAL}:{self.settings.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"{LOCAL}:{self.settings.action_port}"

    @classmethod
    def on_free_ports(cls, workdir: Path, **kwargs) -> StackConfig:
        """A stack of its own: free loopback ports, and its databases and attachments in `workdir`."""
        agenda_port, rasa_port = free_port(), free_port()
        settings = Settings(
            agenda_port=agenda_port, agenda_url=f"{LOCAL}:{agenda_port}", action_port=free_port(),
            rasa_port=rasa_port, rasa_url=f"{LOCAL}:{rasa_port}", database_url=f"sqlite:///{workdir / 'agenda.db'}",
            attachments_dir=workdir / "attachments", tracker_store_url=f"sqlite:///{workdir / 'tracker.db'}",
            secrets_dir=workdir / "secrets",
        )
        return cls(workdir=workdir, settings=settings, **kwargs)


class Stack:
    def __init__(self, config: StackConfig):
        config.workdir.mkdir(parents=True, exist_ok=True)
        # Generated once here, then handed to every process: they all hold the same secrets.
        config.settings = with_secrets(config.settings)
        self.config = config
        self.processes: dict[str, subprocess.Popen] = {}

    def env(self) -> dict:
        """The environment of every process: the settings as variables, so that each reads the same ones."""
        settings = self.config.settings
        return {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            **settings.as_env(),
            **secret_env(settings),
        }

    def prepare_agenda(self, practitioners: int | None = None) -> None:
        """Migrate the schema and seed the demo data (`practitioners` of them, 2,000 by default) when the database
        is empty."""
        seed = ["seed", *(["--practitioners", str(practitioners)] if practitioners else [])]
        for command in (["migrate"], seed):
            subprocess.run([PYTHON, "-m", "bot.agenda", *command], env=self.env(), cwd=ROOT, check=True)

    @contextmanager
    def _agenda_database(self) -> Iterator[sessionmaker]:
        engine = make_engine(self.config.settings.database_url.get_secret_value())
        try:
            yield make_session_factory(engine)
        finally:
            engine.dispose()

    def ensure_demo_account(self) -> str | None:
        """On an agenda without accounts (prepared first), the demo regulator; -> its password, None if not created."""
        with self._agenda_database() as factory:
            return ensure_demo_account(factory, datetime.now(timezone.utc))

    def add_regulator(self, login: str, role: str = REGULATOR) -> SignedIn:
        """A new account in the agenda (prepared first), with a random password; -> its way of signing in."""
        password = secrets.token_urlsafe(16)
        with self._agenda_database() as factory:
            create_account(factory, login, datetime.now(timezone.utc), password=password, role=role)
        return SignedIn(self.config.agenda_url, login, password)

    @property
    def endpoints_file(self) -> Path:
        return self.config.workdir / "endpoints.yml"

    def _write_endpoints_file(self) -> None:
        self.endpoints_file.write_text(endpoints_yaml(self.config.settings))

    def _spawn(self, name: str, command: list[str], **env: str) -> None:
        with open(self.config.workdir / f"{name}.log", "ab") as log:  # the child keeps its own copy
            self.processes[name] = subprocess.Popen(command, env={**self.env(), **env}, cwd=ROOT, stdout=log,
                                                    stderr=log, start_new_session=True)

    @staticmethod
    def _ensure_free(port: int, variable: str) -> None:
        """Another process on the port would answer the health check in the new one's place (a `make run` left
        running): said before starting, not found out later."""
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise RuntimeError(f"Le port {port} est déjà utilisé (un autre « make run » ?) : arrêtez ce processus "
                                   f"ou choisissez un autre port avec {variable}.")

    def start_agenda(self) -> None:
        self._ensure_free(self.config.settings.agenda_port, "AGENDA_PORT")
        self._spawn("agenda", [PYTHON, "-m", "bot.agenda", "serve"])
        self._wait("agenda", f"{self.config.agenda_url}/health", 60)

    def stop_agenda(self) -> None:
        self._stop("agenda")

    def start(self, with_rasa_server: bool = True) -> None:
        """`with_rasa_server=False` leaves Rasa to the caller (`rasa shell` runs its own)."""
        c, settings = self.config, self.config.settings
        self._ensure_free(settings.action_port, "ACTION_PORT")
        if with_rasa_server:
            self._ensure_free(settings.rasa_port, "RASA_PORT")
        self.start_agenda()
        # The action server has no flag for its interface: Sanic reads it from SANIC_HOST.
        self._spawn("actions", self.action_server_command(settings.action_port), SANIC_HOST=settings.action_interface)
        self._write_endpoints_file()
        self._wait("actions", f"{c.action_url}/health", 60)
        if not with_rasa_server:
            return
        self._spawn("rasa", self.rasa_command(settings.rasa_port, cors=[c.agenda_url,
                                                                        f"http://localhost:{settings.agenda_port}"]))
        self._wait_for_rasa("rasa", c.rasa_url)

    @staticmethod
    def action_server_command(port: int) -> list[str]:
        return [PYTHON, "-m", "bot.action_server", "--actions", "actions", "--port", str(port)]

    def rasa_command(self, port: int, cors: list[str]) -> list[str]:
        """`rasa run` on `port` with this stack's model and endpoints file; only the side panel's origins (`cors`)
        may read the conversation from a browser. The API's token is not on the command line (every user can read
        those): bot.rasa_cli adds it."""
        settings = self.config.settings
        return [*RASA, "run", "--enable-api", "--interface", settings.rasa_interface, "--cors", *cors,
                "--port", str(port), "--model", str(self.config.model), "--endpoints", str(self.endpoints_file),
                "--credentials", str(ROOT / "credentials.yml")]

    def _wait_for_rasa(self, name: str, url: str) -> None:
        token = self.config.settings.rasa_token.get_secret_value()
        # Loading TensorFlow and the model takes ~30 s on an idle machine, several minutes on a loaded one.
        self._wait(name, f"{url}/status?token={token}", 900)
        # The first parse builds the model's TensorFlow graphs (~0.2 s): not on the regulator's first message.
        httpx.post(f"{url}/model/parse?token={token}", json={"text": "bonjour"}, timeout=60)

    def _wait(self, name: str, url: str, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.processes[name].poll() is not None:
                raise RuntimeError(f"{name} s'est arrêté au démarrage : voir {self.config.workdir / (name + '.log')}")
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{name} n'a pas répondu à temps : voir {self.config.workdir / (name + '.log')}")

    def _stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop(self) -> None:
        for name in ("rasa", "actions", "agenda"):
            self._stop(name)

    def __enter__(self) -> Stack:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
