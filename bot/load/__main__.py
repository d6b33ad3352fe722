"""`make loadtest` (python -m bot.load): USERS simulated regulators for DURATION seconds against a running assistant
(the cluster of `make cluster` by default), then the figures and the database check; the last line reads

    users=N turns_per_s=X p50_ms=Y p95_ms=Z errors=E double_bookings=D lost_bookings=L

Accounts of the run are made in the agenda database (`charge-<run>-<n>`, random passwords) and disabled after it;
the plan holding their passwords is deleted. Locust runs from .venv-load (`make loadtest` installs it)."""
from __future__ import annotations

import argparse
import json
import secrets
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.agenda.accounts import create_account, set_disabled
from bot.agenda.db import make_engine, make_session_factory
from bot.bench.turn_timings import turns_in_server
from bot.load import check, plan
from bot.settings import ROOT, get_settings

LOCUST = ROOT / ".venv-load" / "bin" / "locust"
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
STOP_TIMEOUT_S = 90  # at the end, a regulator finishes the booking under way rather than leaving it half done


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot.load", description="Test de charge (Locust, sans interface)")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=int, default=300, help="secondes")
    parser.add_argument("--url", default="", help="l'assistant (par défaut : le cluster, CLUSTER_URL)")
    parser.add_argument("--agenda-url", default="", help="l'agenda, s'il n'est pas derrière la même adresse")
    parser.add_argument("--database-url", default="", help="la base de l'agenda (par défaut : celle du cluster)")
    parser.add_argument("--ca", default="", help="autorité de certification (par défaut : celle de Caddy du cluster)")
    parser.add_argument("--tracker-store-url", default="", help="le magasin de conversations de Rasa (où va le temps)")
    parser.add_argument("--think-s", default="2,6", help="temps de réflexion entre deux tours, min,max")
    return parser.parse_args(argv)


def target(args: argparse.Namespace) -> tuple[str, str, str, str]:
    """(url, database URL, certificate authority, tracker store URL): the cluster's unless given."""
    settings = get_settings()
    if args.url and args.database_url:
        return args.url, args.database_url, args.ca, args.tracker_store_url
    from bot.cluster.cluster import Cluster  # only the cluster's addresses are read: nothing is started

    shared = Cluster(settings).config.settings
    return (args.url or str(settings.cluster_url), args.database_url or shared.database_url.get_secret_value(),
            args.ca or str(Cluster(settings).certificate_authority),
            args.tracker_store_url or shared.tracker_store_url.get_secret_value())


def main(argv: list[str]) -> int:
    args = arguments(argv)
    url, database_url, ca, tracker_store_url = target(args)
    run = datetime.now(timezone.utc).strftime("%m%d%H%M%S")
    workdir = ROOT / "var" / "load" / run
    workdir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    now = datetime.now(timezone.utc)
    today = now.astimezone(ZoneInfo(get_settings().timezone)).date()
    places = plan.communes(factory)
    per_user = args.duration // 20 + 5  # more than a regulator can book in the run
    regulators = []
    for n in range(args.users):
        login, password = f"charge-{run}-{n:03d}", secrets.token_urlsafe(16)
        create_account(factory, login, now, name=f"Test de charge {n}", password=password)
        regulators.append({"login": login, "password": password,
                           "bookings": plan.draw_bookings(per_user, places, today, seed=f"{run}-{n}")})
    plan_file, results_file = workdir / "plan.json", workdir / "results.json"
    plan_file.touch(mode=0o600)
    plan_file.write_text(json.dumps({"regulators": regulators, **plan.replies_to_read()}, ensure_ascii=False))
    print(f"Test de charge : {args.users} régulateurs pendant {args.duration} s sur {url} (résultats : {workdir})",
          flush=True)
    try:
        subprocess.run([str(LOCUST), "-f", str(LOCUSTFILE), "--headless", "--host", url, "--users",
                        str(args.users), "--spawn-rate", str(max(1, args.users // 10)), "--run-time",
                        f"{args.duration}s", "--stop-timeout", str(STOP_TIMEOUT_S), "--only-summary",
                        "--loglevel", "WARNING", "--plan", str(plan_file), "--results", str(results_file),
                        "--agenda-url", args.agenda_url, "--ca", ca, "--think-s", args.think_s],
                       cwd=ROOT, check=False, stdout=(workdir / "locust.log").open("w"), stderr=subprocess.STDOUT)
    finally:
        plan_file.unlink()
        for regulator in regulators:
            set_disabled(factory, regulator["login"], True)
    results = json.loads(results_file.read_text(encoding="utf-8"))
    found = check.check_database(factory, results["bookings"], [r["login"] for r in regulators])
    engine.dispose()
    in_server = turns_in_server(tracker_store_url, results["conversations"]) if tracker_store_url else []
    print(check.report(args.users, args.duration, results, found, in_server), flush=True)
    return 0 if results["errors"] == 0 and found.double_bookings == 0 and not found.lost else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
