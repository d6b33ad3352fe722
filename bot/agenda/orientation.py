"""Orienting a patient « en surnuméraire » when no slot is left: to a SAS participant near the patient who accepts
patients beyond their slots. No slot is reserved; the practitioner confirms later. Idempotent like a booking."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload, sessionmaker

from bot.agenda.booking import BookingInvalid, NotFound, new_reference
from bot.agenda.db import add_once
from bot.agenda.geo import Place as Location
from bot.agenda.geo import distance_km
from bot.agenda.models import Orientation, Place, Practitioner
from bot.agenda.search import in_box
from bot.agenda.validation import PatientData

log = logging.getLogger(__name__)

NEARBY = 5  # practitioners proposed


@dataclass(frozen=True)
class Nearby:
    practitioner: Practitioner
    place: Place
    distance_km: float


@dataclass(frozen=True)
class OrientationRequest:
    rpps: str
    patient: PatientData
    idempotency_key: str
    message: str | None = None
    regulator: str | None = None


def nearby(session: Session, location: Location, specialty: str, radius_km: float) -> list[Nearby]:
    """Up to NEARBY SAS participants accepting patients en surnuméraire within the radius, nearest first (each at
    their nearest place)."""
    rows = session.execute(
        select(Place, Practitioner)
        .join(Practitioner, Place.practitioner_id == Practitioner.id)
        .where(Practitioner.sas_participant.is_(True), Practitioner.surnumeraire.is_(True),
               Practitioner.specialty_code == specialty, *in_box(location, radius_km))
    ).all()
    found: dict[int, Nearby] = {}
    for place, practitioner in rows:
        distance = distance_km(location.lat, location.lon, place.lat, place.lon)
        if distance <= radius_km and (practitioner.id not in found or distance < found[practitioner.id].distance_km):
            found[practitioner.id] = Nearby(practitioner, place, distance)
    return sorted(found.values(), key=lambda n: (n.distance_km, n.practitioner.id))[:NEARBY]


def orient(factory: sessionmaker, request: OrientationRequest, now: datetime) -> tuple[Orientation, bool]:
    """-> (orientation, created). The same idempotency key returns the first orientation, created=False."""
    with factory() as session:
        existing = _by_key(session, request.idempotency_key)
        if existing is not None:
            return existing, False
        practitioner = session.execute(
            select(Practitioner).where(Practitioner.rpps == request.rpps).options(selectinload(Practitioner.places))
        ).scalar_one_or_none()
        if practitioner is None or not practitioner.places:
            raise BookingInvalid({"rpps": f"Praticien inconnu : « {request.rpps} »."})
        if not (practitioner.sas_participant and practitioner.surnumeraire):
            raise BookingInvalid({"rpps": "Ce praticien n'accepte pas de patients en surnuméraire."})
        patient = request.patient
        orientation = Orientation(
            reference=new_reference(), idempotency_key=request.idempotency_key, practitioner_id=practitioner.id,
            place_id=min(place.id for place in practitioner.places), status="a_confirmer",
            civilite=patient.civilite, prenom=patient.prenom, nom=patient.nom, nom_naissance=patient.nom_naissance,
            date_naissance=patient.date_naissance, lieu_naissance=patient.lieu_naissance,
            telephone=patient.telephone, email=patient.email, message=request.message, regulator=request.regulator,
            created_at=now,
        )
        orientation, created = add_once(session, orientation, lambda again: _by_key(again, request.idempotency_key))
        if not created:
            return orientation, False
        log.info("orientation %s to practitioner %s", orientation.id, practitioner.id)
        return load(factory, orientation.id), True


def load(factory: sessionmaker, orientation_id: int) -> Orientation:
    with factory() as session:
        found = _load_where(session, Orientation.id == orientation_id)
    if found is None:
        raise NotFound()
    return found


def _by_key(session: Session, key: str) -> Orientation | None:
    return _load_where(session, Orientation.idempotency_key == key)


def _load_where(session: Session, *criteria) -> Orientation | None:
    return session.execute(
        select(Orientation).where(*criteria)
        .options(joinedload(Orientation.practitioner), joinedload(Orientation.place))
    ).scalar_one_or_none()
