"""The agenda's HTTP API: JSON for the assistant (contract in bot.agenda.contract), FHIR for SAS, and the side panel.

One router per concern, mounted here with the dependencies every route shares (bot.agenda.deps): a sign-in
goes on the routers that need it, never on /health nor the panel's static files."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import sessionmaker

from bot.agenda.body_limit import BodyLimit
from bot.agenda.contract import Health
from bot.agenda.db import make_engine, make_session_factory
from bot.agenda.errors import answer_refusals_in_french
from bot.agenda.fhir import router as fhir_router
from bot.agenda.routes import attachments, booking, panel, search
from bot.agenda.routes.answers import invalid
from bot.settings import Settings, get_settings

DESCRIPTION = "Agenda du SAS : créneaux, motifs et rendez-vous ; API JSON de l'assistant et API FHIR du contrat SAS."
# The routers of the assistant's and SAS's calls, as opposed to the health check and the panel's page.
API_ROUTERS = (search.router, booking.router, attachments.router, fhir_router)


def create_app(
    source: Settings | sessionmaker,
    *,
    settings: Settings | None = None,
    clock: Callable[[], datetime] | None = None,
    attachments_dir: Path | None = None,
) -> FastAPI:
    """An app over `source`: the settings (engine from their database URL) or a ready session factory."""
    if isinstance(source, Settings):
        settings = source
        session_factory = make_session_factory(make_engine(source.database_url.get_secret_value()))
    else:
        settings = settings or get_settings()
        session_factory = source
    app = FastAPI(title="Agenda SAS", version="1.0", description=DESCRIPTION)
    app.state.settings = settings
    app.state.session_factory = session_factory
    app.state.clock = clock or (lambda: datetime.now(timezone.utc))
    app.state.attachments_dir = Path(attachments_dir or settings.attachments_dir)
    app.state.tz = ZoneInfo(settings.timezone)

    app.add_middleware(BodyLimit)
    answer_refusals_in_french(app)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        errors = {str(e["loc"][-1]) if e["loc"] else "body": "Valeur invalide." for e in error.errors()}
        return invalid(errors)

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health()

    for router in API_ROUTERS:
        app.include_router(router)
    app.include_router(panel.router)
    app.mount("/static", StaticFiles(directory=panel.WEB / "static", check_dir=False), name="static")
    return app
