"""The agenda service over HTTP (httpx, async, explicit timeouts), with one error type per failure path."""
from __future__ import annotations

import logging
from functools import lru_cache

import httpx

from bot.settings import get_settings

logger = logging.getLogger(__name__)
QUIET_LOGGERS = ("httpx", "httpcore")  # they log every URL at INFO, and ours carry patient data


class AgendaError(Exception):
    """Base of what can go wrong when talking to the agenda."""


class AgendaUnavailable(AgendaError):
    """Down, too slow, or answering a server error: tell the regulator, keep everything, retry later."""


class SlotTaken(AgendaError):
    """The slot was booked by someone else in the meantime (HTTP 409)."""


class AgendaRejected(AgendaError):
    """The agenda refused the request (HTTP 422); `errors` maps each field to a French message."""

    def __init__(self, errors: dict, suggestions: list | None = None):
        super().__init__("refused")
        self.errors = errors
        self.suggestions = suggestions or []


class AgendaClient:
    def __init__(self, base_url: str, timeout_s: float, transport: httpx.AsyncBaseTransport | None = None):
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
        timeout = httpx.Timeout(timeout_s, connect=min(2.0, timeout_s))
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)

    async def _call(self, method: str, path: str, **kwargs) -> dict:
        try:
            response = await self._http.request(method, path, **kwargs)
        except httpx.HTTPError as error:
            logger.warning("agenda %s %s failed: %s", method, path, type(error).__name__)
            raise AgendaUnavailable() from error
        if response.status_code == 409:
            raise SlotTaken()
        if response.status_code in (400, 404, 422):
            body = _json(response)
            raise AgendaRejected(body.get("errors") or {"detail": body.get("detail", "")}, body.get("suggestions"))
        if response.status_code >= 300:
            logger.warning("agenda %s %s answered %s", method, path, response.status_code)
            raise AgendaUnavailable()
        return _json(response)

    async def search(self, **params) -> dict:
        return await self._call("GET", "/api/search", params={k: v for k, v in params.items() if v is not None})

    async def motif_for(self, slot_id: str, patient: dict, mode: str | None, symptoms: str | None) -> dict:
        params = {"birth_date": patient.get("date_naissance"), "civilite": patient.get("civilite"), "mode": mode,
                  "symptoms": symptoms}
        return await self._call("GET", f"/api/slots/{slot_id}/motif", params={k: v for k, v in params.items() if v})

    async def book(self, request: dict) -> dict:
        return await self._call("POST", "/api/appointments", json=request)

    async def cancel(self, appointment_id: str) -> dict:
        return await self._call("POST", f"/api/appointments/{appointment_id}/cancel")

    async def attachment(self, attachment_id: str) -> dict:
        return await self._call("GET", f"/api/attachments/{attachment_id}")


def _json(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


@lru_cache
def get_agenda_client() -> AgendaClient:
    """Created on first use, not at import: the action server imports every module of this package."""
    settings = get_settings()
    return AgendaClient(settings.agenda_url, settings.agenda_timeout_s)
