"""FastAPI dependencies shared by the JSON API and the FHIR router (state is set by `api.create_app`)."""
from __future__ import annotations

from datetime import datetime
from typing import Iterator

from fastapi import Request
from sqlalchemy.orm import Session


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


def get_now(request: Request) -> datetime:
    """The current time, aware; tests freeze it through `create_app(..., clock=...)`."""
    return request.app.state.clock()
