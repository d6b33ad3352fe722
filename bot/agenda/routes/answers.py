"""The refusals every router answers with, shaped by the contract (`Invalid`, `Problem`)."""
from __future__ import annotations

from fastapi.responses import JSONResponse

from bot.agenda.contract import Invalid, Problem

# For the OpenAPI document: what a route may answer besides its success.
INVALID = {422: {"model": Invalid, "description": "Refusé : un message par champ."}}
NOT_FOUND = {404: {"model": Problem, "description": "Introuvable."}}
CONFLICT = {409: {"model": Problem, "description": "Conflit avec l'état de l'agenda."}}


def invalid(errors: dict[str, str], suggestions: list[str] | None = None) -> JSONResponse:
    return JSONResponse(Invalid(errors=errors, suggestions=suggestions).dict(exclude_none=True), status_code=422)


def problem(status_code: int, error: str, detail: str) -> JSONResponse:
    return JSONResponse(Problem(error=error, detail=detail).dict(), status_code=status_code)


def not_found(what: str) -> JSONResponse:
    return problem(404, "introuvable", f"{what} introuvable.")
