"""The notices received at /fhir/Appointment, one per identifier: created by POST, created or updated by the
conditional PUT on the identifier."""
from __future__ import annotations

import json
import logging
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from bot.agenda.models import ReceivedNotice
from bot.agenda.notices.resource import Notice

log = logging.getLogger(__name__)


class Duplicate(Exception):
    """POST of an identifier already received: its changes come by the conditional PUT."""


class NotFound(Exception):
    pass


def create(factory: sessionmaker, notice: Notice, now: datetime) -> ReceivedNotice:
    with factory() as session:
        received = ReceivedNotice(**_columns(notice), version=1, received_at=now, updated_at=now)
        session.add(received)
        try:
            session.commit()
        except IntegrityError:
            raise Duplicate() from None
    log.info("SAS notice %s received (%s)", received.id, notice.status)
    return received


def upsert(factory: sessionmaker, notice: Notice, now: datetime) -> tuple[ReceivedNotice, bool]:
    """-> (the notice, created): the one of that identifier updated, or created when there is none."""
    with factory() as session:
        found = _by_identifier(session, notice.identifier_system, notice.identifier_value)
        if found is None:
            try:
                return create(factory, notice, now), True
            except Duplicate:  # created meanwhile by a twin request: update that one
                found = _by_identifier(session, notice.identifier_system, notice.identifier_value)
        session.execute(update(ReceivedNotice).where(ReceivedNotice.id == found.id).values(
            **_columns(notice), version=ReceivedNotice.version + 1, updated_at=now))
        session.commit()
    log.info("SAS notice %s updated (%s)", found.id, notice.status)
    return load(factory, found.id), False


def load(factory: sessionmaker, notice_id: int) -> ReceivedNotice:
    with factory() as session:
        found = session.get(ReceivedNotice, notice_id)
    if found is None:
        raise NotFound()
    return found


def _by_identifier(session, system: str, value: str) -> ReceivedNotice | None:
    return session.execute(
        select(ReceivedNotice).where(ReceivedNotice.identifier_system == system,
                                     ReceivedNotice.identifier_value == value)
    ).scalar_one_or_none()


def _columns(notice: Notice) -> dict:
    return {"identifier_system": notice.identifier_system, "identifier_value": notice.identifier_value,
            "status": notice.status, "start": notice.start, "end": notice.end, "rpps": notice.rpps,
            "operator_type": notice.operator_type, "operator": notice.operator,
            "resource": json.dumps(notice.resource, ensure_ascii=False)}
