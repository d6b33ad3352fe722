"""The outbox of notices: a change is written in the transaction of the booking or cancellation it describes, so
that none is lost and none is invented; the sender then claims the changes due, one per appointment at a time in
the order they happened, and settles each (sent, refused, or to try again later).

A claim is a conditional UPDATE that moves `next_attempt_at` a lease ahead: several agenda processes may run a
sender, and a change is only ever in the hands of one (a sender that dies mid-send leaves it to the next after the
lease)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.agenda.models import Appointment, NoticeOutbox, Slot
from bot.agenda.notices.resource import build

LEASE = timedelta(seconds=60)  # longer than a send and its timeout
MAX_BACKOFF = timedelta(minutes=5)
BATCH = 50


@dataclass(frozen=True)
class Change:
    id: int
    appointment_id: int
    kind: str  # create or update
    payload: dict
    attempts: int  # this one included

    @property
    def identifier(self) -> str:
        """<system>|<value>, the conditional PUT's parameter."""
        identifier = self.payload["identifier"][0]
        return f"{identifier['system']}|{identifier['value']}"


def add(session: Session, appointment: Appointment, slot: Slot, kind: str, operator: str | None,
        now: datetime) -> None:
    """A change of `appointment` (its slot's practitioner loaded), written with the caller's commit."""
    payload = build(appointment.reference, appointment.status, slot.start, slot.end, appointment.created_at,
                    slot.practitioner.rpps, operator)
    session.add(NoticeOutbox(appointment_id=appointment.id, kind=kind, payload=json.dumps(payload), attempts=0,
                             created_at=now))


def claim_due(factory: sessionmaker, now: datetime) -> list[Change]:
    """The first unsettled change of each appointment, when due, claimed for one lease."""
    unsettled = (NoticeOutbox.sent_at.is_(None), NoticeOutbox.failed_at.is_(None))
    firsts = select(func.min(NoticeOutbox.id)).where(*unsettled).group_by(NoticeOutbox.appointment_id)
    due = or_(NoticeOutbox.next_attempt_at.is_(None), NoticeOutbox.next_attempt_at <= now)
    claimed = []
    with factory() as session:
        candidates = session.execute(
            select(NoticeOutbox).where(NoticeOutbox.id.in_(firsts), due).order_by(NoticeOutbox.id).limit(BATCH)
        ).scalars().all()
        for row in candidates:
            # Read before the UPDATE, which also changes the row in the session.
            change = Change(row.id, row.appointment_id, row.kind, json.loads(row.payload), row.attempts + 1)
            taken = session.execute(
                update(NoticeOutbox).where(NoticeOutbox.id == row.id, *unsettled, due)
                .values(next_attempt_at=now + LEASE, attempts=NoticeOutbox.attempts + 1)
            )
            session.commit()
            if taken.rowcount == 1:
                claimed.append(change)
    return claimed


def sent(factory: sessionmaker, change: Change, now: datetime) -> None:
    _settle(factory, change, sent_at=now, last_error=None)


def refused(factory: sessionmaker, change: Change, now: datetime, reason: str) -> None:
    _settle(factory, change, failed_at=now, last_error=reason[:200])


def later(factory: sessionmaker, change: Change, now: datetime, reason: str) -> None:
    """Another try after a backoff doubling with each attempt (2 s, 4 s, … up to 5 min)."""
    wait = min(timedelta(seconds=2 ** min(change.attempts, 16)), MAX_BACKOFF)  # the exponent bounded: no overflow
    _settle(factory, change, next_attempt_at=now + wait, last_error=reason[:200])


def _settle(factory: sessionmaker, change: Change, **values) -> None:
    with factory() as session:
        session.execute(update(NoticeOutbox).where(NoticeOutbox.id == change.id).values(**values))
        session.commit()
