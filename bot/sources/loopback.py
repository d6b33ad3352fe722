"""Agendas and HTTP servers on loopback, for the sources' tests and benchmark: the real thing, real sockets.

`AgendaProcess` runs `python -m bot.agenda serve` on its own SQLite database, migrated and seeded (disjoint
practitioners with `rpps_offset`); `LoopbackServer` answers each request with a function, which makes a delaying,
logging proxy in front of an agenda (`DelayProxy`) or a source answering whatever a test needs.
"""
from __future__ import annotations

import os
import secrets
import subprocess
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx

from bot.settings import ROOT
from bot.stack import PYTHON, free_port

Answer = tuple[int, dict[str, str], bytes]


class AgendaProcess:
    def __init__(self, workdir: Path, practitioners: int, rpps_offset: int = 0):
        workdir.mkdir(parents=True, exist_ok=True)
        self.workdir = workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_urlsafe(24)
        inherited = {name: value for name, value in os.environ.items() if name not in ("SOURCES_FILE", "DIRECTORY_FILE")}
        self.env = {
            **inherited, "PYTHONPATH": str(ROOT), "DATABASE_URL": f"sqlite:///{workdir / 'agenda.db'}",
            "AGENDA_PORT": str(self.port), "SECRETS_DIR": str(workdir / "secrets"), "SERVICE_TOKEN": self.token,
            "ATTACHMENTS_DIR": str(workdir / "attachments"),
        }
        subprocess.run([PYTHON, "-m", "bot.agenda", "seed", "--practitioners", str(practitioners),
                        "--rpps-offset", str(rpps_offset)], env=self.env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.process: subprocess.Popen | None = None

    def spawn(self) -> None:
        with open(self.workdir / "agenda.log", "ab") as log:  # the child keeps its own copy
            self.process = subprocess.Popen([PYTHON, "-m", "bot.agenda", "serve"], env=self.env, cwd=ROOT,
                                            stdout=log, stderr=log, start_new_session=True)

    def wait(self, timeout_s: float = 60) -> AgendaProcess:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the agenda stopped at start, see {self.workdir / 'agenda.log'}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the agenda did not start in time")

    def start(self) -> AgendaProcess:
        self.spawn()
        return self.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> AgendaProcess:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class LoopbackServer:
    """A threaded HTTP server on a free loopback port; `answer(path, query, headers)` gives each GET's answer."""

    def __init__(self, answer: Callable[[str, list[tuple[str, str]], dict[str, str]], Answer]):
        self.answer = answer

        class Handler(BaseHTTPRequestHandler):
            def do_GET(handler) -> None:  # noqa: N805 (the handler, not the server)
                parts = urlsplit(handler.path)
                status, headers, body = self.answer(parts.path, parse_qsl(parts.query), dict(handler.headers))
                handler.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(body))}.items():
                    handler.send_header(name, value)
                handler.end_headers()
                handler.wfile.write(body)

            def log_message(handler, *args) -> None:  # noqa: N805
                pass  # query strings are not logged

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class DelayProxy(LoopbackServer):
    """Forwards each GET to `target` after `delay_s`, keeping what was asked (path, parameters, headers)."""

    def __init__(self, target: str, delay_s: float = 0.0):
        self.target = target
        self.delay_s = delay_s
        self.requests: list[tuple[str, list[tuple[str, str]], dict[str, str]]] = []
        self._client = httpx.Client(timeout=30)
        super().__init__(self._forward)

    def _forward(self, path: str, query: list[tuple[str, str]], headers: dict[str, str]) -> Answer:
        self.requests.append((path, query, headers))
        time.sleep(self.delay_s)
        passed = {name: value for name, value in headers.items() if name.lower() in ("authorization", "accept")}
        response = self._client.get(self.target + path, params=query, headers=passed)
        kept = {name: value for name, value in response.headers.items() if name.lower() == "content-type"}
        return response.status_code, kept, response.content

    def __exit__(self, *exc) -> None:
        super().__exit__(*exc)
        self._client.close()
