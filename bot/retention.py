"""Health data is kept only as long as it serves: conversations and attachments never sent with a booking are
deleted `retention_hours` (24 h by default, RETENTION_HOURS) after their last use. Bookings, and the files
joined to them, are the agenda's record and stay.

- a conversation: every event of Rasa's tracker store for that conversation, once its last event is older;
- an attachment: its row and its file, once it was uploaded longer ago and no booking took it; a file the
  agenda's database does not know (an upload cut before its commit) goes too.

`python -m bot.retention` purges once (`make purge`); `--every SECONDS` keeps purging (`make run` does that).
"""
from __future__ import annotations

import argparse
import logging
import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Column, Float, MetaData, String, Table, delete, func, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.agenda.db import make_engine, make_session_factory
from bot.agenda.models import Attachment
from bot.settings import Settings, get_settings

log = logging.getLogger(__name__)

PURGE_EVERY_S = 600  # so nothing outlives its retention by more than ten minutes
# The columns of Rasa's SQL tracker store that the purge reads: one row per event, the conversation is
# `sender_id`, the time is in seconds since the epoch.
EVENTS = Table("events", MetaData(), Column("sender_id", String(255)), Column("timestamp", Float))
ATTACHMENT_FILE = re.compile(r"[0-9a-f]{32}")  # the names bot.agenda.attachments gives files


@dataclass(frozen=True)
class Purged:
    conversations: int = 0
    events: int = 0
    attachments: int = 0


def purge_conversations(tracker_engine: Engine, cutoff: datetime) -> tuple[int, int]:
    """Deletes the conversations whose last event is older than `cutoff` -> (conversations, events)."""
    if not inspect(tracker_engine).has_table(EVENTS.name):
        return 0, 0  # Rasa has not stored anything yet
    stale = (select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id)
             .having(func.max(EVENTS.c.timestamp) < cutoff.timestamp()))
    with tracker_engine.begin() as connection:
        conversations = connection.execute(select(func.count()).select_from(stale.subquery())).scalar_one()
        # One statement with the test inside: a conversation written to meanwhile is not stale any more.
        events = connection.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(stale))).rowcount
    return conversations, events


def purge_attachments(session: Session, folder: Path, cutoff: datetime) -> int:
    """Deletes the attachments uploaded before `cutoff` that no booking took, rows then files -> how many."""
    loose = session.execute(
        select(Attachment.id).where(Attachment.appointment_id.is_(None), Attachment.created_at < cutoff)
    ).scalars().all()
    # Checked again in the delete: a booking may take one of them meanwhile, and then it stays.
    session.execute(delete(Attachment).where(Attachment.id.in_(loose), Attachment.appointment_id.is_(None)))
    kept = set(session.execute(select(Attachment.id).where(Attachment.id.in_(loose))).scalars())
    session.commit()
    gone = [name for name in loose if name not in kept]
    for name in gone:
        (folder / name).unlink(missing_ok=True)
    return len(gone) + _purge_unknown_files(session, folder, cutoff)


def _purge_unknown_files(session: Session, folder: Path, cutoff: datetime) -> int:
    if not folder.is_dir():
        return 0
    old = [path for path in folder.iterdir()
           if ATTACHMENT_FILE.fullmatch(path.name) and path.stat().st_mtime < cutoff.timestamp()]
    known = set(session.execute(select(Attachment.id).where(Attachment.id.in_([p.name for p in old]))).scalars())
    unknown = [path for path in old if path.name not in known]
    for path in unknown:
        path.unlink(missing_ok=True)
    return len(unknown)


def purge(settings: Settings, now: datetime) -> Purged:
    cutoff = now - timedelta(hours=settings.retention_hours)
    tracker = make_engine(settings.tracker_store_url.get_secret_value())
    agenda = make_engine(settings.database_url.get_secret_value())
    try:
        conversations, events = purge_conversations(tracker, cutoff)
        with make_session_factory(agenda)() as session:
            attachments = purge_attachments(session, Path(settings.attachments_dir), cutoff)
    finally:
        tracker.dispose()
        agenda.dispose()
    return Purged(conversations, events, attachments)


def keep_purging(settings: Settings, every_s: float = PURGE_EVERY_S) -> None:
    """Purges now and every `every_s` seconds; a failed round is logged and the next one tries again."""
    while True:
        try:
            purged = purge(settings, datetime.now(timezone.utc))
            if purged != Purged():
                log.info("retention: %s", purged)
        except Exception:
            log.exception("retention: purge failed, next try in %d s", every_s)
        time.sleep(every_s)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.retention", description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=float, metavar="SECONDS", help="purge again every SECONDS, until stopped")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    if args.every:
        keep_purging(settings, args.every)
    purged = purge(settings, datetime.now(timezone.utc))
    print(f"Rétention {settings.retention_hours:g} h : {purged.conversations} conversation(s) "
          f"({purged.events} événements) et {purged.attachments} pièce(s) jointe(s) sans rendez-vous supprimées.")


if __name__ == "__main__":
    main()
