"""`python -m bot.agenda migrate|seed|serve` as `make run` uses it: real processes, real HTTP on loopback."""
import os
import socket
import subprocess
import sys
import time

import httpx

from bot.agenda.cli import DEMO_PRACTITIONERS
from bot.settings import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_migrate_seed_once_and_serve(tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": f"sqlite:///{tmp_path / 'agenda.db'}",
           "AGENDA_PORT": str(port), "ATTACHMENTS_DIR": str(tmp_path / "attachments"),
           "SECRETS_DIR": str(tmp_path / "secrets")}

    def agenda(command: str) -> str:
        done = subprocess.run([sys.executable, "-m", "bot.agenda", command], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=300, check=True)
        return done.stderr

    agenda("migrate")
    assert f"seeded {DEMO_PRACTITIONERS} practitioners" in agenda("seed")
    assert "not seeding" in agenda("seed")
    subprocess.run([sys.executable, "-m", "bot.accounts", "add", "tester", "--password-stdin"], env=env, cwd=ROOT,
                   input="un mot de passe assez long\n", text=True, timeout=120, check=True)
    server = subprocess.Popen([sys.executable, "-m", "bot.agenda", "serve"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
            for _ in range(100):
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            assert client.get("/api/search", params={"location": "Paris"}).status_code == 401
            signed_in = client.post("/auth/token", json={"login": "tester", "password": "un mot de passe assez long"})
            client.headers["Authorization"] = f"Bearer {signed_in.json()['access_token']}"
            found = client.get("/api/search", params={"location": "Paris", "limit": 3}).json()
            assert found["location"]["commune"] == "Paris"
            assert len(found["offers"]) == 3 and all(offer["slots"] for offer in found["offers"])
            assert client.get("/openapi.json").json()["info"]["title"] == "Agenda SAS"
    finally:
        server.terminate()
        server.wait(timeout=10)
