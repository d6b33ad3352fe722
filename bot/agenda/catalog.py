"""Writing the agenda's offer: the one way to create a slot so that `Slot.snp` matches its motifs."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.agenda.models import Motif, Place, Practitioner, Slot
from bot.vocabulary import DEFAULT_MODE


def add_slot(
    session: Session,
    practitioner: Practitioner,
    place: Place,
    start: datetime,
    end: datetime,
    motifs: list[Motif],
    *,
    mode: str = DEFAULT_MODE,
    bookable_online: bool = True,
    new_patients: bool = True,
    status: str = "free",
) -> Slot:
    slot = Slot(
        practitioner=practitioner,
        place=place,
        start=start,
        end=end,
        mode=mode,
        bookable_online=bookable_online,
        new_patients=new_patients,
        snp=any(motif.snp for motif in motifs),
        status=status,
        motifs=list(motifs),
    )
    session.add(slot)
    return slot
