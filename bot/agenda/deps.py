"""FastAPI dependencies shared by every router, declared once (state is set by `api.create_app`).

A router needing a dependency for all its routes (a sign-in, for instance) takes it at `include_router`."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Annotated, Protocol

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


def get_session_factory(request: Request) -> sessionmaker:
    """For what opens its own transactions (booking)."""
    return request.app.state.session_factory


def get_now(request: Request) -> datetime:
    """The current time, aware; tests freeze it through `create_app(..., clock=...)`."""
    return request.app.state.clock()


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_tz(request: Request) -> tzinfo:
    """The SAS time zone (settings.timezone): instants are answered in it, naive ones read in it."""
    return request.app.state.tz


def get_attachments_dir(request: Request) -> Path:
    return request.app.state.attachments_dir


class Notices(Protocol):
    def kick(self) -> None:
        """Deliver the notices of a change just committed (bot.agenda.notices.sender)."""


def get_notices(request: Request) -> Notices:
    return request.app.state.notices


SessionDep = Annotated[Session, Depends(get_session)]
SessionFactoryDep = Annotated[sessionmaker, Depends(get_session_factory)]
NowDep = Annotated[datetime, Depends(get_now)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
TzDep = Annotated[tzinfo, Depends(get_tz)]
AttachmentsDirDep = Annotated[Path, Depends(get_attachments_dir)]
NoticesDep = Annotated[Notices, Depends(get_notices)]
