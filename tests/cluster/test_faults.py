"""The cluster's faults in short form (issue 14): the whole cluster — PostgreSQL, Redis, 2 agendas, 2 action
servers, 2 Rasa instances, Caddy — then a regulator over https through Caddy while instances and stores stop:

- one Rasa instance and one action server stopped mid-conversation: the next turns land on the others with every
  slot kept, the booking completes; started again, either Rasa instance serves any turn of a conversation;
- PostgreSQL restarted: a turn during the outage is refused in French (503, not processed), sent again once it is
  back it goes on, and a confirmation sent twice books once;
- Redis stopped: Rasa refuses the turn (no turn without the conversation's lock), nothing of it is kept; with Redis
  back the same message goes through;
- at the end, nothing the cluster started is left running.

Skipped only when PostgreSQL, Redis or Caddy is not installed (scripts/install-cluster), and required under
REQUIRE_POSTGRES=1 as in .ci/run."""
from __future__ import annotations

import os
import random
import re
import shutil
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bot.auth.client import SignedIn
from bot.cluster.cluster import Cluster, in_use
from bot.cluster.layout import Layout
from bot.cluster.services import installed
from bot.settings import LOCAL, Settings

FIRST_MESSAGE = "Mme {nom} Marie née Martin 21/11/52, 06 45 37 26 53, fièvre depuis 3 j, Paris 15e"
PRACTITIONERS = 300  # a small demo agenda: seeding PostgreSQL takes ~10 s instead of ~70 s for 2,000


def free_layout() -> dict:
    """A base port whose whole block is free, and a free port for Caddy's https: below the ephemeral ports (from
    32768), which the other tests' servers and every outgoing connection draw from while the cluster starts."""
    for _ in range(50):
        base = random.randrange(20000, 32000, 100)
        if not any(in_use(port) for port in [*Layout.of(Settings(cluster_base_port=base)).all_ports(), base + 99]):
            return {"cluster_base_port": base, "cluster_url": f"https://localhost:{base + 99}"}
    raise RuntimeError("no free block of ports")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, trained_model):
    missing = installed()
    if missing:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"REQUIRE_POSTGRES=1 mais il manque {missing} : bash scripts/install-cluster")
        pytest.skip(f"il manque {missing} pour la grappe : bash scripts/install-cluster")
    # Not under pytest's own temporary folder: that one is private to root, and PostgreSQL runs as `postgres`.
    directory = Path(tempfile.mkdtemp(prefix="sas-cluster-"))
    directory.chmod(0o755)
    settings = Settings(cluster_dir=directory, secrets_dir=directory / "secrets", **free_layout())
    started = time.monotonic()
    try:
        with Cluster(settings, trained_model, practitioners=PRACTITIONERS) as running:
            print(f"\ncluster started in {time.monotonic() - started:.0f} s")
            yield running
            pids = [process.pid for process in running.processes.values()]
    finally:  # the processes' logs kept beside pytest's other files, for a failure's reader
        logs = tmp_path_factory.mktemp("cluster-logs")
        for log in directory.glob("*.log"):
            shutil.copy(log, logs)
        shutil.rmtree(directory, ignore_errors=True)
    assert pids and not any(_alive(pid) for pid in pids), "a process of the cluster outlived its stop"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class Regulator:
    """A regulator talking to the cluster through Caddy (https, its internal authority trusted)."""

    def __init__(self, cluster: Cluster):
        signed_up = cluster.add_regulator(f"grappe-{uuid.uuid4().hex[:6]}")
        self.login, self.password = signed_up.login, signed_up.password
        self.auth = SignedIn(cluster.url, self.login, self.password)
        self.http = httpx.Client(base_url=cluster.url, verify=str(cluster.certificate_authority), timeout=120)
        self.cluster = cluster

    def say(self, sender: str, message: str, rasa: str | None = None) -> httpx.Response:
        """One turn, through Caddy or straight to one Rasa instance (`rasa`: its URL)."""
        return self.http.post(f"{rasa or self.cluster.url}/webhooks/rest/webhook", auth=self.auth,
                              json={"sender": sender, "message": message})

    def answered(self, sender: str, message: str, rasa: str | None = None) -> list[dict]:
        response = self.say(sender, message, rasa)
        assert response.status_code == 200, response.text
        return response.json()

    def appointments_of(self, nom: str) -> list[dict]:
        booked = self.http.get("/api/appointments", auth=self.auth)
        assert booked.status_code == 200, booked.text
        return [a for a in booked.json() if a["patient"]["nom"] == nom]


def text(replies: list[dict]) -> str:
    return " ".join(reply.get("text", "") for reply in replies)


def first_slot(replies: list[dict]) -> str:
    payloads = [b["payload"] for r in replies for b in r.get("buttons", []) if b["payload"].startswith("/choisir_creneau")]
    assert payloads, replies
    return payloads[0]


@contextmanager
def stopped(cluster: Cluster, *names: str):
    for name in names:
        cluster.stop_member(name)
    try:
        yield
    finally:
        cluster.start_members(*names)


def test_sign_in_over_https_holds_on_every_agenda_process(cluster):
    regulator = Regulator(cluster)
    signed_in = regulator.http.post("/auth/login", json={"login": regulator.login, "password": regulator.password})
    assert signed_in.status_code == 200
    cookie = signed_in.headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie  # the agendas see https behind Caddy
    session = signed_in.cookies["sas_session"]
    for port in cluster.layout.agenda_ports:  # one session, whichever agenda process answers
        who = httpx.get(f"{LOCAL}:{port}/auth/session", cookies={"sas_session": session}, timeout=10)
        assert who.status_code == 200 and who.json()["login"] == regulator.login
    assert regulator.http.get("/").status_code == 200
    assert regulator.http.get("/config.json").json()["rasa_url"] == cluster.url


def test_faults(cluster):
    regulator = Regulator(cluster)
    timings = {}

    # One Rasa instance and one action server stop mid-conversation: the others take the next turns.
    started = time.monotonic()
    sender = f"panne-{uuid.uuid4().hex[:6]}"
    slot = first_slot(regulator.answered(sender, FIRST_MESSAGE.format(nom="Durand")))
    with stopped(cluster, "rasa-0", "actions-0"):
        summary = text(regulator.answered(sender, slot))
        assert "Récapitulatif" in summary and "Durand" in summary and "0645372653" in summary.replace(" ", ""), summary
        confirmation = text(regulator.answered(sender, "oui"))
        assert re.search(r"Référence \S+", confirmation), confirmation
    [booked] = regulator.appointments_of("Durand")
    assert booked["patient"]["date_naissance"] == "1952-11-21" and booked["patient"]["telephone"] == "+33645372653"
    timings["instances stopped, then started again"] = time.monotonic() - started

    # Started again: each Rasa instance serves any turn of one conversation (one shared tracker store).
    sender = f"panne-{uuid.uuid4().hex[:6]}"
    rasa_0, rasa_1 = (f"{LOCAL}:{port}" for port in cluster.layout.rasa_ports[:2])
    slot = first_slot(regulator.answered(sender, FIRST_MESSAGE.format(nom="Bernard"), rasa=rasa_0))
    assert "Bernard" in text(regulator.answered(sender, slot, rasa=rasa_1))

    # PostgreSQL restarts: the turn during the outage is refused in French and not processed; sent again, it goes on.
    started = time.monotonic()
    with stopped(cluster, "postgres"):
        refused = regulator.say(sender, "oui")
        assert refused.status_code == 503 and refused.json()["error"] == "service_indisponible", refused.text
        assert "pas été traité" in refused.json()["detail"]
    assert "Rendez-vous réservé" in text(regulator.answered(sender, "oui"))
    regulator.answered(sender, "oui")  # the same confirmation again (a client that did not get the answer)
    assert len(regulator.appointments_of("Bernard")) == 1
    timings["PostgreSQL restarted"] = time.monotonic() - started

    # Redis stops: no lock, no turn; nothing of the refused message is kept; with Redis back it goes through.
    started = time.monotonic()
    sender = f"panne-{uuid.uuid4().hex[:6]}"
    message = FIRST_MESSAGE.format(nom="Petit")
    with stopped(cluster, "redis"):
        refused = regulator.say(sender, message)
        assert refused.status_code == 503 and refused.json()["error"] == "service_indisponible", refused.text
    token = cluster.config.settings.rasa_token.get_secret_value()
    tracker = httpx.get(f"{rasa_0}/conversations/{regulator.login}/{sender}/tracker", params={"token": token},
                        timeout=30).json()
    assert not [e for e in tracker["events"] if e["event"] == "user"]
    assert "Petit" in text(regulator.answered(sender, message))
    timings["Redis stopped"] = time.monotonic() - started
    print("".join(f"\n{phase}: {seconds:.0f} s" for phase, seconds in timings.items()))
