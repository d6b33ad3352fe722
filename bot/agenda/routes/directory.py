"""The practitioner directory: every practitioner at each of their places, as the assistant's federated search
(bot.sources) loads it when no directory file is configured."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import select

from bot.agenda.contract import Directory
from bot.agenda.deps import SessionDep
from bot.agenda.models import Place, Practitioner
from bot.agenda.views import address_fields, practitioner_fields

router = APIRouter(prefix="/api", tags=["annuaire"])

COLUMNS = (
    Practitioner.rpps, Practitioner.civilite, Practitioner.nom, Practitioner.prenom, Practitioner.specialty_code,
    Practitioner.specialty_label, Practitioner.sas_participant, Practitioner.surnumeraire, Practitioner.required,
    Place.address_line, Place.postal_code, Place.commune, Place.lat, Place.lon,
)


@router.get("/directory", response_model=Directory)
def directory(session: SessionDep) -> JSONResponse:
    """One listing per place of practice (a practitioner at two places is listed twice), in one query."""
    rows = session.execute(
        select(*COLUMNS).join(Practitioner, Place.practitioner_id == Practitioner.id).order_by(Place.id)
    ).all()
    # Columns rather than records, plain data rather than models, answered as is: tens of thousands of listings
    # are read at the assistant's first search, and building then validating each as a model tripled the time.
    return JSONResponse({"listings": [
        {"practitioner": practitioner_fields(row), "address": address_fields(row), "lat": row.lat, "lon": row.lon,
         "source": None}
        for row in rows
    ]})
