"""Starts and stops the cluster: PostgreSQL, Redis, the migrations and demo seed once, N agenda processes, N action
servers, N Rasa instances (one endpoints file: SQL tracker store on PostgreSQL, Redis lock store, the action
servers behind Caddy's inner door), then Caddy in front. Every process gets the same settings and secrets.

Each member can be stopped and started again by name (`agenda-0`, `actions-1`, `rasa-0`, `postgres`, `redis`,
`caddy`): the fault test does, as an operator would."""
from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from pydantic import SecretStr

from bot.cluster.caddyfile import HEALTH_INTERVAL_S, caddyfile
from bot.cluster.layout import Layout
from bot.cluster.services import HOST, Postgres, Redis, installed
from bot.settings import LOCAL, ROOT, Settings
from bot.stack import PYTHON, Stack, StackConfig


@dataclass
class Member:
    command: list[str]
    ready: Callable[[str], None]  # blocks until the member (by name) answers, raises if it stops or does not
    env: dict[str, str] = field(default_factory=dict)


UPSTREAMS = ("agenda-", "actions-", "rasa-")  # the members Caddy spreads traffic over


class Cluster(Stack):
    def __init__(self, settings: Settings, model: Path = ROOT / "models" / "sas.tar.gz",
                 practitioners: int | None = None):
        self.practitioners = practitioners  # of the demo seed; None: its default
        self.layout = layout = Layout.of(settings)
        directory = settings.cluster_dir
        self.postgres = Postgres(directory / "postgres", layout.postgres, settings.secrets_dir)
        self.redis = Redis(directory / "redis", layout.redis, settings.secrets_dir)
        shared = settings.copy(update={
            "database_url": SecretStr(self.postgres.url("agenda")),
            "tracker_store_url": SecretStr(self.postgres.url("tracker", "postgresql")),
            "lock_store_url": SecretStr(self.redis.url),
            "agenda_url": f"{LOCAL}:{layout.agenda_door}",  # the action servers reach the agendas through Caddy
            "action_port": layout.actions_door,  # and Rasa the action servers (its endpoints file names this port)
            "rasa_url": settings.cluster_url,  # the panel reaches Rasa through Caddy, on its own origin
            # The first of each, where the stack's own helpers (add_regulator) reach them straight.
            "agenda_port": layout.agenda_ports[0], "rasa_port": layout.rasa_ports[0],
        })
        super().__init__(StackConfig(workdir=directory, settings=shared, model=model))
        self.members: dict[str, Member] = {}  # known once the packages are checked (start)

    @property
    def url(self) -> str:
        return self.config.settings.cluster_url

    @property
    def certificate_authority(self) -> Path:
        """The root certificate of Caddy's internal authority: what a client of `url` trusts."""
        return self.config.workdir / "caddy" / "caddy" / "pki" / "authorities" / "local" / "root.crt"

    def _members(self) -> dict[str, Member]:
        settings, layout = self.config.settings, self.layout
        members = {
            "postgres": Member(self.postgres.command(), self._until(self.postgres.ready)),
            "redis": Member(self.redis.command(), self._until(self.redis.ready)),
        }
        for i, port in enumerate(layout.agenda_ports):
            members[f"agenda-{i}"] = Member([PYTHON, "-m", "bot.agenda", "serve"], self._http(port, "/health"),
                                            {"AGENDA_PORT": str(port)})
        for i, port in enumerate(layout.action_ports):
            # The action server has no flag for its interface: Sanic reads it from SANIC_HOST.
            members[f"actions-{i}"] = Member(self.action_server_command(port), self._http(port, "/health"),
                                             {"SANIC_HOST": settings.action_interface})
        for i, port in enumerate(layout.rasa_ports):
            members[f"rasa-{i}"] = Member(self.rasa_command(port, cors=[self.url]),
                                          lambda name, port=port: self._wait_for_rasa(name, f"{LOCAL}:{port}"),
                                          {"RASA_PORT": str(port)})
        caddy_home = self.config.workdir / "caddy"
        members["caddy"] = Member(
            ["caddy", "run", "--adapter", "caddyfile", "--config", str(self.config.workdir / "Caddyfile")],
            self._until(self._caddy_answers), {"XDG_DATA_HOME": str(caddy_home), "XDG_CONFIG_HOME": str(caddy_home)})
        return members

    def _until(self, check: Callable[[], bool], timeout_s: float = 60) -> Callable[[str], None]:
        def wait(name: str) -> None:
            deadline = time.monotonic() + timeout_s
            while not check():
                if self.processes[name].poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{name} n'a pas démarré : voir {self.config.workdir / (name + '.log')}")
                time.sleep(0.3)
        return wait

    def _http(self, port: int, path: str) -> Callable[[str], None]:
        return lambda name: self._wait(name, f"{LOCAL}:{port}{path}", 120)

    def _caddy_answers(self) -> bool:
        """Both doors answer through Caddy: the agendas' health, and Rasa's REST channel (401 unsigned: a Rasa
        instance answered, where Caddy alone would answer 502 or 503)."""
        if not self.certificate_authority.exists():
            return False
        try:
            with httpx.Client(base_url=self.url, verify=str(self.certificate_authority), timeout=2) as client:
                return client.get("/health").status_code == 200 and client.get("/webhooks/rest/").status_code < 500
        except httpx.HTTPError:
            return False

    def start_members(self, *names: str) -> None:
        """Starts them all, then waits for each (the Rasa instances load their model side by side). Instances started
        again behind a running Caddy get traffic once its next active health check has seen them."""
        for name in names:
            self._spawn(name, self.members[name].command, **self.members[name].env)
        for name in names:
            self.members[name].ready(name)
        if "caddy" in self.processes and "caddy" not in names and any(n.startswith(UPSTREAMS) for n in names):
            time.sleep(HEALTH_INTERVAL_S + 0.5)

    def stop_member(self, name: str) -> None:
        if name == "postgres" and name in self.processes:
            # Fast shutdown (SIGINT): the default one waits for every client to leave, and the pools never do.
            os.kill(self.processes[name].pid, signal.SIGINT)
        self._stop(name)

    def start(self, with_rasa_server: bool = True) -> None:
        missing = installed()
        if missing:
            raise RuntimeError(f"paquets manquants : {', '.join(missing)} (scripts/install-cluster les installe)")
        busy = [port for port in [*self.layout.all_ports(), int(self.config.settings.cluster_url.port)] if in_use(port)]
        if busy:
            raise RuntimeError(f"ports déjà pris : {busy} (CLUSTER_BASE_PORT, CLUSTER_URL)")
        self.members = self._members()
        self.postgres.initialise()
        self.start_members("postgres", "redis")
        self.postgres.create_databases()
        self.prepare_agenda(self.practitioners)  # migrations once, the demo seed only on an empty database
        self._write_endpoints_file()
        (self.config.workdir / "Caddyfile").write_text(caddyfile(self.layout, self.url))
        self.start_members(*[name for name in self.members if name.startswith(("agenda-", "actions-"))])
        self.start_members(*[name for name in self.members if name.startswith("rasa-")])
        # Last: Caddy marks down every instance it cannot reach yet, and then refuses at once (caddyfile.py).
        self.start_members("caddy")

    def stop(self) -> None:
        """Everything, front to back: Caddy, Rasa, actions, agendas, then the stores."""
        for name in reversed(list(self.members)):
            self.stop_member(name)


def in_use(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) == 0
