"""Agenda benchmark: 10,000 practitioners and over a million slots in a temporary SQLite database;
search latency in-process (grouped per practitioner, with and without a médecin traitant, beside a bare count of
the offered slots measured in the same run) and over HTTP, booking throughput, and a race of 50 bookings on 10
slots."""
from __future__ import annotations

import random
import secrets
import socket
import tempfile
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import httpx
import uvicorn
from sqlalchemy import func, select

from bot.agenda import booking, geo
from bot.agenda.accounts import create_account
from bot.agenda.api import create_app
from bot.agenda.db import make_engine, make_session_factory, migrate
from bot.agenda.medecin_traitant import resolve
from bot.agenda.models import Place, Practitioner, Slot
from bot.agenda.rules import eligible_clause
from bot.agenda.search import SearchQuery, in_box, search
from bot.agenda.seed import seed
from bot.agenda.validation import PatientData
from bot.auth.client import SignedIn
from bot.settings import get_settings

NOW = datetime(2026, 3, 16, 6, 0, tzinfo=timezone.utc)  # a Monday morning, fixed: the figures are comparable
PRACTITIONERS = 10_000
SEARCHES = 300
WINDOW = timedelta(hours=48)
BOOKINGS = 200
PATIENT = {"prenom": "Marie", "nom": "Durand", "nom_naissance": "Durand", "date_naissance": "1952-11-21",
           "telephone": "+33645372653"}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def locations(count: int) -> list[str]:
    """Where searches come from: communes drawn by population (where patients live), fixed seed."""
    rng = random.Random(7)
    towns = geo.communes()
    return [c.name for c in rng.choices(towns, weights=[max(c.population, 1) for c in towns], k=count)]


def free_slot_ids(session_factory, count: int) -> list[int]:
    with session_factory() as session:
        return list(session.execute(
            # general practice at the practice: the adult patient below always has a motif there
            select(Slot.id).join(Practitioner, Slot.practitioner_id == Practitioner.id)
            .where(Slot.status == "free", Slot.start > NOW, Slot.mode == "cabinet", eligible_clause(),
                   Practitioner.specialty_code == "SM54")
            .order_by(Slot.id).limit(count)
        ).scalars())


def main(practitioners: int = PRACTITIONERS) -> None:
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="agenda-bench-") as workdir:
        engine = make_engine(f"sqlite:///{Path(workdir) / 'agenda.db'}")
        migrate(engine)
        start = time.perf_counter()
        summary = seed(engine, NOW, practitioners=practitioners, presence=1.0, booked_share=0.1)
        build_s = time.perf_counter() - start
        factory = make_session_factory(engine)
        with factory() as session:
            slot_total = session.execute(select(func.count()).select_from(Slot)).scalar()
        rows += [
            ("practitioners", f"{summary.practitioners:,}"),
            ("slots", f"{slot_total:,} ({summary.booked:,} already booked)"),
            ("database build", f"{build_s:.1f} s"),
        ]
        queries = locations(SEARCHES)
        rows += search_in_process(factory, queries)
        app = create_app(factory, settings=get_settings().copy(update={"timezone": "Europe/Paris"}), clock=lambda: NOW,
                         attachments_dir=Path(workdir) / "attachments")
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                               access_log=False, ws="none"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the agenda server did not start")
            time.sleep(0.05)
        try:
            base = f"http://127.0.0.1:{port}"
            password = secrets.token_urlsafe(16)
            create_account(factory, "bench", NOW, password=password)
            regulator = SignedIn(base, "bench", password).check()  # one sign-in, its token shared by every request
            rows += search_over_http(base, queries, regulator)
            rows += booking_throughput(factory, base, regulator)
            rows += booking_race(factory, base, regulator)
        finally:
            server.should_exit = True
            thread.join()
            engine.dispose()
    width = max(len(label) for label, _ in rows)
    print("\nAgenda benchmark (SQLite, one process)")
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 40}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def search_in_process(factory, queries: list[str]) -> list[tuple[str, str]]:
    """The search as the API runs it, and as reference the least any search does: counting the offered slots of the
    default radius in one bare query (no grouping, no page, no widening). Interleaved, so both see the same load."""
    places = {name: geo.geocode(name) for name in queries}
    doctors = medecins_traitants(factory, places)

    def grouped(name: str, medecin_traitant: str | None = None) -> None:
        place = places[name]
        with factory() as session:
            doctor = resolve(session, medecin_traitant, place) if medecin_traitant else None
            query = SearchQuery(place, NOW, NOW + WINDOW, medecin_traitant=doctor and doctor.id)
            search(session, query, geo.radius_rule(place.departement))

    def reference(name: str) -> None:
        place = places[name]
        with factory() as session:
            session.execute(
                select(func.count()).select_from(Slot).join(Place, Slot.place_id == Place.id)
                .join(Practitioner, Place.practitioner_id == Practitioner.id)
                .where(Practitioner.specialty_code == "SM54", *in_box(place, geo.radius_rule(place.departement).default_km),
                       Slot.status == "free", Slot.start >= NOW, Slot.start < NOW + WINDOW, Slot.mode == "cabinet",
                       eligible_clause())
            ).scalar()

    for name in queries[:20]:  # warm caches (SQLite pages)
        grouped(name)
        reference(name)
    times: dict[str, list[float]] = {"grouped": [], "medecin_traitant": [], "reference": []}
    for name in queries:
        times["grouped"].append(timed(lambda name=name: grouped(name)))
        times["medecin_traitant"].append(timed(lambda name=name: grouped(name, doctors.get(name))))
        times["reference"].append(timed(lambda name=name: reference(name)))

    def figures(key: str) -> str:
        return f"{percentile(times[key], .5):.1f} ms / {percentile(times[key], .95):.1f} ms"

    ratio = percentile(times["grouped"], .95) / max(percentile(times["reference"], .95), 1e-6)
    return [
        ("search in-process, grouped per practitioner p50 / p95", f"{figures('grouped')} (target p95 <= 20 ms)"),
        ("  same, médecin traitant named (found by name) p50 / p95", figures("medecin_traitant")),
        ("  reference: bare count of the offered slots p50 / p95", f"{figures('reference')} (same run, same places)"),
        ("  grouped / reference at p95", f"x{ratio:.1f}"),
    ]


def medecins_traitants(factory, places: dict) -> dict[str, str]:
    """For each searched place, a general practitioner of the default radius, as a regulator names them."""
    doctors = {}
    with factory() as session:
        for name, place in places.items():
            doctor = session.execute(
                select(Practitioner).join(Place, Place.practitioner_id == Practitioner.id)
                .where(Practitioner.specialty_code == "SM54", *in_box(place, geo.radius_rule(place.departement).default_km))
                .order_by(Place.id).limit(1)
            ).scalar()
            if doctor is not None:
                doctors[name] = f"Dr {doctor.prenom} {doctor.nom}"
    return doctors


def search_over_http(base: str, queries: list[str], auth: httpx.Auth) -> list[tuple[str, str]]:
    with httpx.Client(base_url=base, timeout=10, auth=auth) as client:
        for name in queries[:20]:
            client.get("/api/search", params={"location": name})
        times = []
        for name in queries:
            times.append(timed(lambda name=name: client.get("/api/search", params={"location": name}).raise_for_status()))
    return [("search over HTTP p50 / p95", f"{percentile(times, .5):.1f} ms / {percentile(times, .95):.1f} ms"
             " (target p95 <= 50 ms)")]


def booking_throughput(factory, base: str, auth: httpx.Auth) -> list[tuple[str, str]]:
    slot_ids = free_slot_ids(factory, 2 * BOOKINGS + 10)
    patient = PatientData(prenom="Marie", nom="Durand", nom_naissance="Durand", date_naissance=date(1952, 11, 21),
                          telephone="+33645372653")
    start = time.perf_counter()
    for number, slot_id in enumerate(slot_ids[:BOOKINGS]):
        booking.book(factory, booking.BookingRequest(slot_id, patient, f"bench-{number}"), NOW)
    in_process = BOOKINGS / (time.perf_counter() - start)
    with httpx.Client(base_url=base, timeout=10, auth=auth) as client:
        start = time.perf_counter()
        for number, slot_id in enumerate(slot_ids[BOOKINGS:2 * BOOKINGS]):
            client.post("/api/appointments", json={
                "slot_id": str(slot_id), "patient": PATIENT, "idempotency_key": f"bench-http-{number}",
            }).raise_for_status()
        over_http = BOOKINGS / (time.perf_counter() - start)
    return [("booking throughput in-process / HTTP", f"{in_process:.0f} / {over_http:.0f} bookings per second"
             " (sequential)")]


def booking_race(factory, base: str, auth: httpx.Auth) -> list[tuple[str, str]]:
    """50 bookings at once over HTTP, 5 on each of 10 free slots: exactly one per slot must win."""
    slot_ids = free_slot_ids(factory, 2 * BOOKINGS + 10)[-10:]
    barrier = threading.Barrier(50)
    statuses: list[int] = []

    def attempt(number: int) -> None:
        with httpx.Client(base_url=base, timeout=30, auth=auth) as client:
            barrier.wait()
            answer = client.post("/api/appointments", json={
                "slot_id": str(slot_ids[number % 10]), "patient": PATIENT, "idempotency_key": f"race-{number}",
            })
            statuses.append(answer.status_code)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(50)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    won, lost = statuses.count(201), statuses.count(409)
    verdict = "OK" if (won, lost) == (10, 40) else "FAILED"
    return [("race: 50 bookings on 10 slots", f"{won} booked, {lost} refused (409), {len(statuses) - won - lost}"
             f" other, {elapsed * 1000:.0f} ms: {verdict}")]


if __name__ == "__main__":
    main()
