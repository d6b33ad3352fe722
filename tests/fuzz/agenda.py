"""`make fuzz` (part of `make test`): the agenda's API fuzzed from its own OpenAPI document by Schemathesis, with
every check it has plus ours (tests/fuzz/hooks.py: refusals are French JSON), against the real agenda on
loopback with the demo data. Exits with Schemathesis's status: 0 when it found nothing.

Schemathesis lives in its own environment (.venv-fuzz, from requirements-fuzz.txt): its dependencies clash with
Rasa's pins. Only HTTP goes between the two."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import httpx
from sqlalchemy import select

from bot.agenda.booking import BookingRequest, book
from bot.agenda.db import make_engine, make_session_factory
from bot.agenda.models import Slot
from bot.agenda.validation import PatientData
from bot.auth.tokens import SUPERVISOR
from bot.settings import ROOT, Settings
from bot.stack import Stack, StackConfig

ST = ROOT / ".venv-fuzz" / "bin" / "st"
CONFIG = Path(__file__).with_name("schemathesis.toml")
MAX_EXAMPLES = 40  # per operation and phase: about two minutes on two cores
SEED = 20261201  # the same cases every run; change it to explore others
PATIENT = PatientData(prenom="Camille", nom="Essai", nom_naissance="Essai", date_naissance=date(1980, 1, 1),
                      telephone="+33600000000")


def known_identifiers(settings: Settings) -> dict[str, str]:
    """Two free slots of the demo agenda, one booked here, for the routes that read one (schemathesis.toml)."""
    engine = make_engine(settings.database_url.get_secret_value())
    now = datetime.now(timezone.utc)
    with engine.connect() as connection:
        free, booked = connection.execute(
            select(Slot.id).where(Slot.status == "free", Slot.snp, Slot.start > now + timedelta(days=1)).limit(2)
        ).scalars()
    appointment, _ = book(make_session_factory(engine), BookingRequest(slot_id=booked, patient=PATIENT,
                                                                      idempotency_key="fuzz"), now)
    engine.dispose()
    return {"FUZZ_SLOT_ID": str(free), "FUZZ_APPOINTMENT_ID": str(appointment.id)}


def supervisor_authorization(stack: Stack) -> str:
    """The Authorization header of a supervisor signed in as scripts do (a supervisor sees every appointment)."""
    signed_in = stack.add_regulator("fuzz", role=SUPERVISOR)
    answer = httpx.get(f"{stack.config.agenda_url}/api/appointments", auth=signed_in, timeout=30)
    answer.raise_for_status()
    return answer.request.headers["Authorization"]


def main() -> int:
    if not ST.exists():
        sys.exit(f"{ST} manque : `make fuzz` l'installe (requirements-fuzz.txt)")
    with tempfile.TemporaryDirectory() as workdir:
        stack = Stack(StackConfig.on_free_ports(Path(workdir)))
        stack.prepare_agenda()
        stack.start_agenda()
        try:
            authorization = supervisor_authorization(stack)
            command = [
                str(ST), "--config-file", str(CONFIG), "run", f"{stack.config.agenda_url}/openapi.json",
                "--checks", "all", "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED), "--workers", "1",
                "--report", "junit", "--report-dir", str(ROOT / "results" / "fuzz"),
                "--header", f"Authorization: {authorization}",
            ]
            return subprocess.call(command, cwd=ROOT, env={**os.environ, **known_identifiers(stack.config.settings)})
        finally:
            stack.stop_agenda()


if __name__ == "__main__":
    sys.exit(main())
