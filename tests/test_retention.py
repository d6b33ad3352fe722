"""Retention: old conversations (Rasa's own SQL tracker store) and attachments no booking took are deleted,
rows and files; recent ones, bookings and the files joined to them stay."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.agenda.attachments import store_attachment
from bot.agenda.booking import BookingRequest, book
from bot.agenda.db import make_engine, make_session_factory, migrate
from bot.agenda.models import Appointment, Attachment
from bot.agenda.validation import PatientData
from bot.retention import purge
from bot.settings import ROOT, Settings
from tests.agenda.factories import AgendaBuilder

NOW = datetime(2026, 3, 16, 8, 0, tzinfo=timezone.utc)
PDF = b"%PDF-1.4\n%%EOF\n"
MARIE = PatientData(prenom="Marie", nom="Durand", nom_naissance="Durand", date_naissance=date(1952, 11, 21),
                    telephone="+33645372653", civilite="Mme")


@pytest.fixture
def settings(tmp_path) -> Settings:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'agenda.db'}", attachments_dir=tmp_path / "attachments",
                        tracker_store_url=f"sqlite:///{tmp_path / 'tracker.db'}", retention_hours=24)
    engine = make_engine(settings.database_url.get_secret_value())
    migrate(engine)
    engine.dispose()
    return settings


def tracker_store(settings: Settings) -> SQLTrackerStore:
    """Rasa's own store on the tracker database of the settings, as `make run` configures it."""
    url = make_url(settings.tracker_store_url.get_secret_value())
    return SQLTrackerStore(Domain.empty(), dialect=url.drivername, db=url.database)


async def talk(store: SQLTrackerStore, sender: str, *ages: timedelta) -> None:
    """A conversation whose messages were said `ages` before NOW."""
    events = []
    for age in ages:
        at = (NOW - age).timestamp()
        events += [UserUttered("Mme Durand, 06 45 37 26 53", timestamp=at), ActionExecuted("action_listen", timestamp=at)]
    await store.save(DialogueStateTracker.from_events(sender, events))


async def test_conversations_are_deleted_24_hours_after_their_last_message(settings):
    store = tracker_store(settings)
    await talk(store, "silent-for-25-h", timedelta(hours=30), timedelta(hours=25))
    await talk(store, "started-long-ago-still-going", timedelta(hours=50), timedelta(hours=23))
    await talk(store, "just-now", timedelta(minutes=1))

    purged = purge(settings, NOW)

    assert (purged.conversations, purged.events) == (1, 4)
    assert await store.retrieve("silent-for-25-h") is None
    assert len((await store.retrieve("started-long-ago-still-going")).events) == 4
    assert len((await store.retrieve("just-now")).events) == 2
    assert purge(settings, NOW + timedelta(hours=24)).conversations == 2


def test_attachments_no_booking_took_are_deleted_with_their_files_and_bookings_stay(settings):
    folder = settings.attachments_dir
    session_factory = make_session_factory(make_engine(settings.database_url.get_secret_value()))
    builder = AgendaBuilder(session_factory, NOW - timedelta(days=2))
    slot_id = builder.slot(builder.practitioner(), hours=30)

    def upload(age: timedelta) -> str:
        with session_factory() as session:
            attachment = store_attachment(session, folder, "compte-rendu.pdf", io.BytesIO(PDF), NOW - age)
            session.commit()
            return attachment.id

    sent, forgotten, recent = upload(timedelta(hours=48)), upload(timedelta(hours=25)), upload(timedelta(hours=1))
    book(session_factory, BookingRequest(slot_id=slot_id, patient=MARIE, idempotency_key="k", attachment_ids=[sent]),
         NOW - timedelta(hours=47))
    cut_upload = folder / ("f" * 32)  # bytes written, then the upload died before its row was committed
    cut_upload.write_bytes(PDF)
    cut_at = (NOW - timedelta(hours=25)).timestamp()
    os.utime(cut_upload, (cut_at, cut_at))

    assert purge(settings, NOW).attachments == 2

    with session_factory() as session:
        assert set(session.execute(select(Attachment.id)).scalars()) == {sent, recent}
        appointment = session.execute(select(Appointment)).scalar_one()
        assert [a.id for a in appointment.attachments] == [sent]
        assert session.execute(select(func.count()).select_from(Appointment)).scalar_one() == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted([sent, recent])
    assert (folder / sent).read_bytes() == PDF
    assert not (folder / forgotten).exists()


def test_make_purge_runs_once_with_the_settings_of_the_environment(settings):
    """`python -m bot.retention` (what `make purge` runs) reads its settings from the environment."""
    old = datetime(2020, 1, 1, tzinfo=timezone.utc)
    with make_session_factory(make_engine(settings.database_url.get_secret_value()))() as session:
        store_attachment(session, settings.attachments_dir, "vieux.pdf", io.BytesIO(PDF), old)
        session.commit()
    env = {**os.environ, **settings.as_env(), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "bot.retention"], env=env, capture_output=True, text=True, check=True)
    assert "1 pièce(s) jointe(s) sans rendez-vous supprimées" in done.stdout
    assert list(settings.attachments_dir.iterdir()) == []
