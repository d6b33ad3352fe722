"""The agenda's HTTP API: JSON for the assistant (contract in bot.agenda.contract), FHIR for SAS, and the side panel.

One router per concern, mounted here with the dependencies every route shares (bot.agenda.deps). Every route of
/api and /fhir requires a signed-in regulator or the action server (bot.agenda.principal); open are only /health,
/fhir/metadata, signing in (/auth, /login), the panel's page and static files, and the API's documentation."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import sessionmaker

from bot.agenda import fhir
from bot.agenda.body_limit import BodyLimit
from bot.agenda.contract import Health
from bot.agenda.db import make_engine, make_session_factory
from bot.agenda.errors import answer_refusals_in_french
from bot.agenda.notices import sender as notice_sender
from bot.agenda.oidc import OidcProvider
from bot.agenda.principal import Forbidden, NotSignedIn, principal
from bot.agenda.routes import (
    attachments,
    auth,
    booking,
    directory,
    external_bookings,
    fhir_appointments,
    orientation,
    panel,
    search,
)
from bot.agenda.routes.answers import invalid, problem
from bot.agenda.security_headers import SecurityHeaders
from bot.auth.local_secrets import with_secrets
from bot.settings import Settings, get_settings

DESCRIPTION = "Agenda du SAS : créneaux, motifs et rendez-vous ; API JSON de l'assistant et API FHIR du contrat SAS."
# The routers of the assistant's and SAS's calls, behind a sign-in; then those open to anyone.
API_ROUTERS = (search.router, directory.router, booking.router, orientation.router, external_bookings.router,
               attachments.router, fhir.router, fhir_appointments.router)
OPEN_ROUTERS = (fhir.open_router, auth.router, panel.router)


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
    settings = with_secrets(settings)
    app = FastAPI(title="Agenda SAS", version="1.0", description=DESCRIPTION,
                  lifespan=lambda app: notice_sender.running(app.state.notices))
    app.state.settings = settings
    app.state.oidc = OidcProvider(settings) if settings.oidc_issuer else None
    app.state.session_factory = session_factory
    app.state.clock = clock or (lambda: datetime.now(timezone.utc))
    app.state.attachments_dir = Path(attachments_dir or settings.attachments_dir)
    app.state.tz = ZoneInfo(settings.timezone)
    app.state.notices = notice_sender.for_app(app, settings, session_factory)

    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders, settings=settings)  # outside BodyLimit: its refusals get the headers too

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        errors = {str(e["loc"][-1]) if e["loc"] else "body": "Valeur invalide." for e in error.errors()}
        return invalid(errors)

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(_request: Request, _error: NotSignedIn) -> JSONResponse:
        answer = problem(401, "non_authentifie", "Connexion requise : jeton d'accès ou session manquants, expirés ou invalides.")
        answer.headers["WWW-Authenticate"] = "Bearer"
        return answer

    @app.exception_handler(Forbidden)
    async def _forbidden(_request: Request, error: Forbidden) -> JSONResponse:
        return problem(403, "interdit", str(error))

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health()

    for router in API_ROUTERS:
        app.include_router(router, dependencies=[Depends(principal)])
    for router in OPEN_ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=panel.WEB / "static", check_dir=False), name="static")
    answer_refusals_in_french(app)
    return app
