"""Engine and session factory from a database URL, and schema migration with Alembic."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
Row = TypeVar("Row")


def make_engine(url: str, **kwargs) -> Engine:
    # A failed statement's message would otherwise carry its parameters (names, phones) into the logs.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        # Threads share the engine; writers wait for the lock instead of failing at once.
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 30})
        # Connections kept open (SQLAlchemy 1.4 opens one per session for a file): closing the last one
        # checkpoints the WAL, which made every write, such as an audit event, cost ~18 ms instead of ~0.4 ms.
        kwargs.setdefault("poolclass", QueuePool)
        engine = create_engine(url, future=True, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, future=True, **kwargs)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable enough with WAL, much faster commits
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, future=True, expire_on_commit=False)


def add_once(session: Session, row: Row, by_key: Callable[[Session], Row | None]) -> tuple[Row, bool]:
    """Commits a new row that carries an idempotency key -> (row, True); when another request committed the same key
    meanwhile (the unique index refuses this one), that request's row -> (it, False)."""
    session.add(row)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        existing = by_key(session)
        if existing is None:
            raise
        return existing, False
    return row, True


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision (idempotent)."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
