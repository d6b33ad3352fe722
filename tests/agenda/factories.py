"""Small hand-made agenda data for tests: practitioners with motifs, and slots, at a fixed `now`."""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from bot.agenda.catalog import add_slot
from bot.agenda.models import Motif, Place, Practitioner
from bot.agenda.seed import rpps_number
from bot.agenda.specialties import LABELS

NOW = datetime(2026, 3, 16, 8, 0, tzinfo=timezone.utc)  # a Monday, 9:00 in Paris


class Clock:
    """A clock the test moves by hand (`clock.now += …`), starting at NOW."""

    def __init__(self):
        self.now = NOW

    def __call__(self):
        return self.now
LYON_3 = {"lat": 45.76124, "lon": 4.85184, "commune": "Lyon 3e Arrondissement", "postal_code": "69003",
          "insee": "69383", "departement": "69"}

ADULT_FIRST = "Adulte - Première consultation de médecine générale"
CHILD_FIRST = "Enfant - Première consultation de médecine générale"
FOLLOW_UP = "Consultation de suivi (patients du cabinet)"
VIDEO = "Téléconsultation"
SNP = "Soins non programmés"


@dataclass(frozen=True)
class MotifSpec:
    label: str
    population: str = "all"
    new_patients: bool = True
    modes: tuple[str, ...] = ("cabinet",)
    snp: bool = False
    follow_up: bool = False
    required_fields: tuple[str, ...] = ()


GENERAL_PRACTICE = (
    MotifSpec(ADULT_FIRST, "adult"),
    MotifSpec(CHILD_FIRST, "child"),
    MotifSpec(FOLLOW_UP, new_patients=False, modes=("cabinet", "video"), follow_up=True),
    MotifSpec(VIDEO, modes=("video",)),
)
SNP_MOTIF = MotifSpec(SNP, modes=("cabinet", "video"), snp=True)


@dataclass(frozen=True)
class Doc:
    practitioner_id: int
    place_id: int
    rpps: str
    motif_ids: dict[str, int] = field(default_factory=dict)


class AgendaBuilder:
    def __init__(self, session_factory: sessionmaker, now: datetime = NOW):
        self.session_factory = session_factory
        self.now = now
        self._numbers = itertools.count(1)

    def practitioner(
        self,
        *,
        nom: str = "Martin",
        prenom: str = "Claire",
        specialty: str = "SM54",
        sas: bool = False,
        accepts_new_patients: bool = True,
        motifs: tuple[MotifSpec, ...] = GENERAL_PRACTICE,
        north_km: float = 0.0,
        place: dict = LYON_3,
        surnumeraire: bool = False,
        required_fields: tuple[str, ...] = (),
    ) -> Doc:
        """A practitioner `north_km` north of `place` (Lyon 3e by default), with `motifs`."""
        with self.session_factory() as session:
            practitioner = Practitioner(
                rpps=rpps_number(next(self._numbers)), civilite="Dr", nom=nom, prenom=prenom,
                specialty_code=specialty, specialty_label=LABELS[specialty],
                accepts_new_patients=accepts_new_patients, sas_participant=sas, surnumeraire=surnumeraire,
                required_fields=required_fields,
            )
            location = Place(
                practitioner=practitioner, address_line="12 rue de la République",
                **{**place, "lat": place["lat"] + north_km / 111.2},
            )
            created = [
                Motif(practitioner=practitioner, label=spec.label, population=spec.population,
                      new_patients=spec.new_patients, snp=spec.snp, follow_up=spec.follow_up,
                      required_fields=spec.required_fields,
                      **{mode: mode in spec.modes for mode in ("cabinet", "video", "domicile")})
                for spec in motifs
            ]
            session.add_all([practitioner, location, *created])
            session.commit()
            return Doc(practitioner.id, location.id, practitioner.rpps, {m.label: m.id for m in created})

    def slot(
        self,
        doc: Doc,
        *,
        hours: float = 2.0,
        minutes: int = 20,
        mode: str = "cabinet",
        motifs: list[str] | None = None,
        bookable_online: bool = True,
        new_patients: bool = True,
        status: str = "free",
    ) -> int:
        """A slot starting `hours` after now, offering `motifs` (labels; default: those allowed in `mode`)."""
        with self.session_factory() as session:
            practitioner = session.get(Practitioner, doc.practitioner_id)
            offered = session.execute(select(Motif).where(Motif.practitioner_id == doc.practitioner_id)).scalars()
            chosen = [m for m in offered if (m.label in motifs if motifs is not None else m.allows_mode(mode))]
            start = self.now + timedelta(hours=hours)
            slot = add_slot(
                session, practitioner, session.get(Place, doc.place_id), start, start + timedelta(minutes=minutes),
                chosen, mode=mode, bookable_online=bookable_online, new_patients=new_patients, status=status,
            )
            session.commit()
            return slot.id
