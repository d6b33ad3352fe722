"""The audit trail: who searched, booked, cancelled, oriented a patient en surnuméraire, recorded a booking made on
another agenda's page, read appointments, uploaded, signed in, when, on which appointment, from which conversation.
Never a patient's field: ids, counts and the way in only."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.agenda.models import AuditEvent

ACTIONS = ("search", "book", "cancel", "orient", "book_external", "read", "upload", "sign_in", "sign_in_refused",
           "sign_out", "account_created", "account_disabled", "account_enabled")
SERVICE = "service"  # the action server acting for no regulator
UNKNOWN = "inconnu"  # a refused sign-in with a login that names no account (it may be a mistyped password)


def add(session: Session, now: datetime, actor: str, action: str, *, appointment_id: int | None = None,
        conversation: str | None = None, detail: str | None = None) -> None:
    """Adds one event to `session`; it is written with the caller's commit."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(AuditEvent(at=now, actor=actor[:64], action=action, appointment_id=appointment_id,
                           conversation=conversation and conversation[:200], detail=detail and detail[:200]))


def record(factory: sessionmaker, now: datetime, actor: str, action: str, **details) -> None:
    """One event in its own transaction."""
    with factory() as session:
        add(session, now, actor, action, **details)
        session.commit()


def events(factory: sessionmaker, since: datetime | None = None, limit: int = 10_000) -> list[AuditEvent]:
    """Oldest first, from `since` on."""
    statement = select(AuditEvent).order_by(AuditEvent.at, AuditEvent.id).limit(limit)
    if since is not None:
        statement = statement.where(AuditEvent.at >= since)
    with factory() as session:
        return list(session.execute(statement).scalars())
