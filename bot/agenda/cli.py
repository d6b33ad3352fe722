"""`python -m bot.agenda migrate|seed|serve`."""
from __future__ import annotations

import argparse
import logging
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from bot.agenda.db import make_engine, migrate
from bot.agenda.seed import is_empty, seed
from bot.auth.local_secrets import with_secrets
from bot.settings import get_settings

log = logging.getLogger("bot.agenda")
KEEP_ALIVE_S = 130  # seconds an idle connection stays open: beyond the 2 min Caddy keeps one
# About one practitioner per 11,000 inhabitants, placed by population: enough for a search near any prefecture to
# find the specialties, home visits and video slots a regulator asks for within the SAS radius (with 2,000, a
# gynécologue near Saint-Étienne or a home visit near Reims was over 100 km away).
DEMO_PRACTITIONERS = 6000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.agenda", description="Agenda SAS")
    parser.add_argument("command", choices=("migrate", "seed", "serve"))
    parser.add_argument("--practitioners", type=int, default=DEMO_PRACTITIONERS, help="seed: how many practitioners")
    parser.add_argument("--rpps-offset", type=int, default=0,
                        help="seed: shift the RPPS numbers and draw other names, same communes: two agendas seeded "
                             "with different offsets share no practitioner (bot.sources' two-agenda demo)")
    args = parser.parse_args(argv)
    if args.practitioners < 1:
        parser.error("--practitioners: at least 1")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    engine = make_engine(settings.database_url.get_secret_value())
    migrate(engine)
    if args.command == "seed":
        if not is_empty(engine):
            log.info("agenda already has practitioners: not seeding")
            return
        summary = seed(engine, datetime.now(timezone.utc), tz=ZoneInfo(settings.timezone),
                       practitioners=args.practitioners, rpps_offset=args.rpps_offset)
        log.info("seeded %d practitioners, %d slots (%d booked)", summary.practitioners, summary.slots, summary.booked)
    elif args.command == "serve":
        import uvicorn

        from bot.agenda import geo
        from bot.agenda.api import create_app
        from bot.heap import freeze_loaded

        engine.dispose()
        geo.warm()
        # No access log: query strings carry patient data (birth dates, symptoms). No websockets: the API
        # has none, and uvicorn's websocket support does not import beside Rasa's pinned websockets 10.
        # Idle connections are kept longer than its clients keep them in their pools (Caddy: 2 min, httpx: 5 s),
        # so that a client never reuses one the agenda is closing at that instant (a reset request, seen here under
        # load with uvicorn's 5 s).
        app = create_app(with_secrets(settings))
        freeze_loaded()
        uvicorn.run(app, host=settings.agenda_interface, port=settings.agenda_port,
                    access_log=False, ws="none", timeout_keep_alive=KEEP_ALIVE_S)
