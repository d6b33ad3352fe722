"""FastAPI dependencies shared by the JSON API and the FHIR router (state is set by `api.create_app`)."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


def get_now(request: Request) -> datetime:
    """The current time, aware; tests freeze it through `create_app(..., clock=...)`."""
    return request.app.state.clock()


SessionDep = Annotated[Session, Depends(get_session)]
NowDep = Annotated[datetime, Depends(get_now)]
