"""The side panel's sessions: a random id in an HttpOnly cookie, its SHA-256 in the database (a stolen copy of
the database opens no session), a CSRF token per session, an end after settings.session_hours."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from bot.agenda.models import Account, WebSession


def _hash(cookie_value: str) -> str:
    return hashlib.sha256(cookie_value.encode()).hexdigest()


def open_session(factory: sessionmaker, account: Account, now: datetime, lifetime: timedelta) -> tuple[str, WebSession]:
    """-> (the cookie's value, the session). Sessions already over are deleted on the way."""
    value = secrets.token_urlsafe(32)
    web = WebSession(id_hash=_hash(value), account_id=account.id, csrf_token=secrets.token_urlsafe(32),
                     created_at=now, expires_at=now + lifetime)
    with factory() as session:
        session.execute(delete(WebSession).where(WebSession.expires_at <= now))
        session.add(web)
        session.commit()
    return value, web


def find(session: Session, cookie_value: str, now: datetime) -> WebSession | None:
    """The session of a cookie, if it is still open and its account may act."""
    web = session.execute(
        select(WebSession).where(WebSession.id_hash == _hash(cookie_value)).options(joinedload(WebSession.account))
    ).scalar_one_or_none()
    if web is None or web.expires_at <= now or web.account.disabled:
        return None
    return web


def close(factory: sessionmaker, cookie_value: str) -> None:
    with factory() as session:
        session.execute(delete(WebSession).where(WebSession.id_hash == _hash(cookie_value)))
        session.commit()
