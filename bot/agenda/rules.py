"""Which slots reach SAS (mode d'emploi régulateurs, "Sélection d'un créneau disponible").

A slot is offered only if it is open to new patients AND bookable online, OR it offers the motif
"Soins non programmés". Every search (JSON API, FHIR) filters with `eligible_clause()`; nothing else
decides eligibility.
"""
from __future__ import annotations

from sqlalchemy import and_, or_
from sqlalchemy.sql.elements import ColumnElement

from bot.agenda.models import Slot


def is_eligible(slot: Slot) -> bool:
    return bool((slot.new_patients and slot.bookable_online) or slot.snp)


def eligible_clause() -> ColumnElement:
    return or_(and_(Slot.new_patients.is_(True), Slot.bookable_online.is_(True)), Slot.snp.is_(True))
