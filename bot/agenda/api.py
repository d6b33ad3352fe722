"""The agenda's HTTP API: JSON for the assistant, FHIR for SAS, and the side panel's files."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import FastAPI, File, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload, sessionmaker

from bot.agenda import booking, geo, specialties
from bot.agenda.attachments import AttachmentRefused, store_attachment
from bot.agenda.db import make_engine, make_session_factory
from bot.agenda.deps import NowDep, SessionDep
from bot.agenda.fhir import router as fhir_router
from bot.agenda.models import MODES, Attachment, Slot
from bot.agenda.motifs import NoSuitableMotif, Patient, choose_motif
from bot.agenda.search import SearchQuery, search
from bot.agenda.validation import parse_birth_date, validate_patient
from bot.agenda.views import appointment_json, attachment_json, motif_json, slot_json
from bot.settings import ROOT, Settings, get_settings

log = logging.getLogger(__name__)

WEB = ROOT / "bot" / "web"
DEFAULT_WINDOW = timedelta(hours=48)
MODE_ALIASES = {"vidéo": "video", "visio": "video", "teleconsultation": "video", "téléconsultation": "video"}
SLOT_TAKEN = {"error": "creneau_indisponible", "detail": "Ce créneau n'est plus disponible."}

DESCRIPTION = """
Agenda du SAS : créneaux, motifs et rendez-vous. Contrat JSON de l'assistant (identifiants en chaînes,
dates ISO 8601 avec décalage horaire, textes en français) :

* `GET /health` → `{"status": "ok"}`.
* `GET /api/search?location=&from=&to=&mode=&specialty=&limit=&offset=` → `{"location", "radius_km", "widened",
  "window": {"from", "to"}, "window_widened", "total", "slots": [...]}`. Fenêtre par défaut : maintenant à +48 h,
  élargie jusqu'à 7 jours si rien n'est trouvé au rayon maximal. Rayon : celui du département, élargi par pas
  jusqu'au plafond. Ordre : participants au SAS d'abord, puis le plus tôt, puis le plus proche.
  Seuls les créneaux ouverts aux nouveaux patients ET réservables en ligne, OU proposant le motif
  « Soins non programmés », sont renvoyés. Lieu inconnu : 422 `{"errors": {"location": ...}, "suggestions": [...]}`.
* `GET /api/slots/{id}` → un créneau, avec `status`.
* `GET /api/slots/{id}/motif?birth_date=&mode=&symptoms=&civilite=` → `{"motif", "reason"}`.
* `POST /api/appointments` → 201 rendez-vous ; même `idempotency_key` → 200 et le même rendez-vous ;
  créneau pris → 409 `{"error": "creneau_indisponible", "detail"}` ; invalide → 422 `{"errors": {champ: message}}`.
* `GET /api/appointments` (plus récents d'abord), `GET /api/appointments/{id}`,
  `POST /api/appointments/{id}/cancel` (libère le créneau).
* `POST /api/attachments` (multipart, champ `file`) → 201 ; refusé → 422 `{"errors": {"file": ...}}`.
  `GET /api/attachments/{id}` → ses métadonnées `{"id", "filename", "content_type", "size"}`.
* `GET /fhir/Slot`, `GET /fhir/metadata` : API FHIR R4 du contrat SAS.
"""


class PatientIn(BaseModel):
    civilite: str | None = None
    prenom: str | None = None
    nom: str | None = None
    nom_naissance: str | None = None
    date_naissance: str | None = None
    lieu_naissance: str | None = None
    telephone: str | None = None
    email: str | None = None


class AppointmentIn(BaseModel):
    """Every field is optional here so that missing ones are reported together, in French."""

    slot_id: str | None = None
    motif_id: str | None = None
    patient: PatientIn | None = None
    message: str | None = None
    regulator: str | None = None
    idempotency_key: str | None = None
    attachment_ids: list[str] | None = None


def invalid(errors: dict[str, str], **extra) -> JSONResponse:
    return JSONResponse({"errors": errors, **extra}, status_code=422)


def not_found(what: str) -> JSONResponse:
    return JSONResponse({"error": "introuvable", "detail": f"{what} introuvable."}, status_code=404)


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
        session_factory = make_session_factory(make_engine(source.database_url))
    else:
        settings = settings or get_settings()
        session_factory = source
    tz = ZoneInfo(settings.timezone)
    app = FastAPI(title="Agenda SAS", version="1.0", description=DESCRIPTION)
    app.state.session_factory = session_factory
    app.state.clock = clock or (lambda: datetime.now(timezone.utc))
    app.state.attachments_dir = Path(attachments_dir or settings.attachments_dir)
    app.state.tz = tz

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        errors = {str(e["loc"][-1]) if e["loc"] else "body": "Valeur invalide." for e in error.errors()}
        return invalid(errors)

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok"}

    _add_search_routes(app, tz)
    _add_booking_routes(app, tz)
    _add_attachment_lookup(app)
    app.include_router(fhir_router)
    _add_panel_routes(app, settings)
    return app


def _parse_moment(text: str | None, default: datetime, tz: tzinfo) -> datetime | None:
    if not text:
        return default
    text = text.strip().replace("Z", "+00:00")
    if len(text) > 19 and text[-6] == " ":  # an unencoded "+" arrives as a space
        text = text[:-6] + "+" + text[-5:]
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _add_search_routes(app: FastAPI, tz: tzinfo) -> None:
    @app.get("/api/search")
    def search_slots(
        session: SessionDep,
        now: NowDep,
        location: str = "",
        from_: str | None = Query(None, alias="from"),
        to: str | None = None,
        mode: str = "cabinet",
        specialty: str | None = None,
        limit: int = 5,
        offset: int = 0,
    ):
        errors: dict[str, str] = {}
        start = _parse_moment(from_, now, tz)
        if start is None:
            errors["from"] = f"Date invalide : « {from_} » (ISO 8601 attendu, par exemple 2025-03-14T09:00:00+01:00)."
        start = max(start or now, now)
        end = _parse_moment(to, start + DEFAULT_WINDOW, tz)
        if end is None:
            errors["to"] = f"Date invalide : « {to} » (ISO 8601 attendu)."
        elif end <= start:
            errors["to"] = "La fin de la fenêtre doit suivre son début."
        mode = MODE_ALIASES.get(mode.lower(), mode.lower())
        if mode not in MODES:
            errors["mode"] = f"Mode inconnu : « {mode} » (cabinet, video ou domicile)."
        try:
            code, _label = specialties.resolve(specialty)
        except specialties.UnknownSpecialty as error:
            errors["specialty"] = str(error)
        if not 1 <= limit <= 50:
            errors["limit"] = "Le nombre de créneaux demandés doit être compris entre 1 et 50."
        if offset < 0:
            errors["offset"] = "Le décalage ne peut pas être négatif."
        if not location.strip():
            errors["location"] = "Lieu obligatoire : commune, code postal, adresse ou coordonnées."
        if errors:
            return invalid(errors)
        try:
            place = geo.geocode(location)
        except geo.UnknownPlace as unknown:
            message = f"Lieu inconnu : « {location.strip()} »."
            if unknown.suggestions:
                message += f" Lieux proches : {', '.join(unknown.suggestions)}."
            return invalid({"location": message}, suggestions=unknown.suggestions)
        query = SearchQuery(place, start, end, mode=mode, specialty=code, limit=limit, offset=offset)
        result = search(session, query, geo.radius_rule(place.departement))
        log.info("search: %d slots of %d within %s km", len(result.slots), result.total, result.radius_km)
        return {
            "location": {
                "label": place.label, "commune": place.commune, "postal_code": place.postal_code,
                "insee": place.insee, "lat": place.lat, "lon": place.lon,
            },
            "radius_km": result.radius_km,
            "widened": result.widened,
            "window": {"from": result.start.astimezone(tz).isoformat(), "to": result.end.astimezone(tz).isoformat()},
            "window_widened": result.window_widened,
            "total": result.total,
            "slots": [slot_json(found.slot, tz, found.distance_km) for found in result.slots],
        }

    def load_slot(session: Session, slot_id: str) -> Slot | None:
        if not slot_id.isdigit():
            return None
        return session.execute(
            select(Slot)
            .where(Slot.id == int(slot_id))
            .options(joinedload(Slot.practitioner), joinedload(Slot.place), selectinload(Slot.motifs))
        ).scalar_one_or_none()

    @app.get("/api/slots/{slot_id}")
    def get_slot(slot_id: str, session: SessionDep):
        slot = load_slot(session, slot_id)
        return slot_json(slot, tz, with_status=True) if slot else not_found("Créneau")

    @app.get("/api/slots/{slot_id}/motif")
    def slot_motif(
        slot_id: str,
        session: SessionDep,
        now: NowDep,
        birth_date: str = "",
        mode: str | None = None,
        symptoms: str = "",
        civilite: str | None = None,
    ):
        slot = load_slot(session, slot_id)
        if slot is None:
            return not_found("Créneau")
        today = now.astimezone(tz).date()
        birth, message = parse_birth_date(birth_date, today)
        if message:
            return invalid({"birth_date": message})
        mode = MODE_ALIASES.get((mode or slot.mode).lower(), (mode or slot.mode).lower())
        if mode not in MODES:
            return invalid({"mode": f"Mode inconnu : « {mode} » (cabinet, video ou domicile)."})
        try:
            choice = choose_motif(slot.motifs, Patient(birth, civilite), mode, symptoms, today)
        except NoSuitableMotif as error:
            return invalid({"motif_id": str(error)})
        return {"motif": motif_json(choice.motif), "reason": choice.reason}


def _booking_request(body: AppointmentIn, today) -> tuple[booking.BookingRequest | None, dict[str, str]]:
    patient, errors = validate_patient((body.patient or PatientIn()).dict(), today)
    if not body.slot_id or not body.slot_id.strip().isdigit():
        errors["slot_id"] = "Créneau obligatoire : identifiant de créneau manquant ou invalide."
    if body.motif_id is not None and not body.motif_id.strip().isdigit():
        errors["motif_id"] = f"Motif invalide : « {body.motif_id} »."
    if not body.idempotency_key or not body.idempotency_key.strip() or len(body.idempotency_key) > 100:
        errors["idempotency_key"] = "Clé d'idempotence obligatoire (100 caractères au plus)."
    if body.message and len(body.message) > 2000:
        errors["message"] = "Message trop long (2 000 caractères au plus)."
    if errors:
        return None, errors
    return booking.BookingRequest(
        slot_id=int(body.slot_id),
        patient=patient,
        idempotency_key=body.idempotency_key.strip(),
        motif_id=int(body.motif_id) if body.motif_id is not None else None,
        message=body.message,
        regulator=body.regulator,
        attachment_ids=body.attachment_ids or [],
    ), {}


def _add_booking_routes(app: FastAPI, tz: tzinfo) -> None:
    factory = app.state.session_factory

    @app.post("/api/appointments", status_code=201)
    def create_appointment(body: AppointmentIn, now: NowDep):
        request, errors = _booking_request(body, now.astimezone(tz).date())
        if errors:
            return invalid(errors)
        try:
            appointment, created = booking.book(factory, request, now)
        except booking.SlotUnavailable:
            return JSONResponse(SLOT_TAKEN, status_code=409)
        except booking.BookingInvalid as error:
            return invalid(error.errors)
        return JSONResponse(appointment_json(appointment, tz), status_code=201 if created else 200)

    @app.get("/api/appointments")
    def list_appointments():
        return [appointment_json(appointment, tz) for appointment in booking.recent(factory)]

    @app.get("/api/appointments/{appointment_id}")
    def get_appointment(appointment_id: str):
        try:
            return appointment_json(booking.load(factory, int(appointment_id)), tz)
        except (ValueError, booking.NotFound):
            return not_found("Rendez-vous")

    @app.post("/api/appointments/{appointment_id}/cancel")
    def cancel_appointment(appointment_id: str, now: NowDep):
        try:
            return appointment_json(booking.cancel(factory, int(appointment_id), now), tz)
        except (ValueError, booking.NotFound):
            return not_found("Rendez-vous")
        except booking.NotCancellable:
            detail = "Ce rendez-vous a déjà eu lieu : il ne peut plus être annulé."
            return JSONResponse({"error": "annulation_impossible", "detail": detail}, status_code=409)

    @app.post("/api/attachments", status_code=201)
    def upload_attachment(
        file: Annotated[UploadFile, File()],
        session: SessionDep,
        now: NowDep,
    ):
        try:
            attachment = store_attachment(session, app.state.attachments_dir, file.filename or "", file.file, now)
        except AttachmentRefused as refused:
            return invalid({"file": str(refused)})
        session.commit()
        log.info("attachment %s stored (%d bytes)", attachment.id, attachment.size)
        return attachment_json(attachment)


def _add_attachment_lookup(app: FastAPI) -> None:
    @app.get("/api/attachments/{attachment_id}")
    def get_attachment(attachment_id: str, session: SessionDep):
        attachment = session.get(Attachment, attachment_id)
        return attachment_json(attachment) if attachment else not_found("Pièce jointe")


def _add_panel_routes(app: FastAPI, settings: Settings) -> None:
    """The side panel is served from the same origin as the API, so it needs no CORS."""

    @app.get("/", include_in_schema=False)
    def panel():
        index = WEB / "index.html"
        return FileResponse(index) if index.exists() else not_found("Panneau")

    @app.get("/config.json", include_in_schema=False)
    def panel_config() -> dict:
        return {"rasa_url": settings.rasa_url}

    app.mount("/static", StaticFiles(directory=WEB / "static", check_dir=False), name="static")
