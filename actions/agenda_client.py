"""The agenda service over HTTP (httpx, async, explicit timeouts), with one error type per failure path."""
from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from bot.agenda import contract
from bot.auth import conversations
from bot.auth.local_secrets import with_secrets
from bot.settings import get_settings
from bot.sources.config import Source, get_sources

logger = logging.getLogger(__name__)
QUIET_LOGGERS = ("httpx", "httpcore")  # they log every URL at INFO, and ours carry patient data
Answer = TypeVar("Answer", bound=BaseModel)


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
    """The agenda's JSON API (bot.agenda.contract): each call returns the contract's model of its answer.

    It calls with the action server's service token; `serving(conversation)` gives the same client acting for
    the regulator whose conversation it is (the agenda records them as who booked, cancelled)."""

    def __init__(self, base_url: str, timeout_s: float, transport: httpx.AsyncBaseTransport | None = None,
                 service_token: str | None = None, cert: tuple[str, str] | None = None, verify: str | bool = True):
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
        timeout = httpx.Timeout(timeout_s, connect=min(2.0, timeout_s))
        headers = {"Authorization": f"Bearer {service_token}"} if service_token else {}
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport, headers=headers,
                                       cert=cert, verify=verify)
        self._headers: dict[str, str] = {}

    @classmethod
    def of_source(cls, source: Source) -> AgendaClient:
        """The JSON booking API of an `api` source, with its credentials (bearer token, or mutual TLS)."""
        options = source.client_options()
        return cls(source.api_url, options["timeout"], service_token=source.bearer_token(), cert=options["cert"],
                   verify=options["verify"])

    def serving(self, conversation: str) -> AgendaClient:
        view = copy.copy(self)  # shares the connections
        view._headers = {conversations.HEADER: conversation}
        return view

    async def _call(self, answer: type[Answer], method: str, path: str, **kwargs) -> Answer:
        try:
            response = await self._http.request(method, path, headers=self._headers, **kwargs)
        except httpx.HTTPError as error:
            logger.warning("agenda %s %s failed: %s", method, path, type(error).__name__)
            raise AgendaUnavailable() from error
        if response.status_code == 409:
            raise SlotTaken()
        if response.status_code in (400, 404, 422):
            refusal = _body(response)
            if "errors" in refusal:
                invalid = _parse(contract.Invalid, refusal, method, path)
                raise AgendaRejected(invalid.errors, invalid.suggestions)
            raise AgendaRejected({"detail": str(refusal.get("detail", ""))})
        if response.status_code >= 300:
            logger.warning("agenda %s %s answered %s", method, path, response.status_code)
            raise AgendaUnavailable()
        return _parse(answer, _body(response), method, path)

    async def motif_for(self, slot_id: str, patient: dict, mode: str | None, symptoms: str | None,
                        deja_consulte: bool = False) -> contract.MotifChoice:
        params = {"birth_date": patient.get("date_naissance"), "civilite": patient.get("civilite"), "mode": mode,
                  "symptoms": symptoms, "deja_consulte": "true" if deja_consulte else None}
        return await self._call(contract.MotifChoice, "GET", f"/api/slots/{slot_id}/motif",
                                params={k: v for k, v in params.items() if v})

    async def surnumeraires(self, location: str, specialty: str | None = None) -> contract.Surnumeraires:
        params = {"location": location, "specialty": specialty}
        return await self._call(contract.Surnumeraires, "GET", "/api/surnumeraires",
                                params={k: v for k, v in params.items() if v})

    async def orient(self, request: contract.OrientationRequest) -> contract.Orientation:
        return await self._call(contract.Orientation, "POST", "/api/orientations", json=request.dict(exclude_unset=True))

    async def orientation(self, orientation_id: str) -> contract.Orientation:
        return await self._call(contract.Orientation, "GET", f"/api/orientations/{orientation_id}")

    async def book(self, request: contract.AppointmentRequest) -> contract.Appointment:
        return await self._call(contract.Appointment, "POST", "/api/appointments",
                                json=request.dict(exclude_unset=True))

    async def record_external_booking(self, request: contract.ExternalBookingRequest) -> contract.ExternalBooking:
        return await self._call(contract.ExternalBooking, "POST", "/api/orientations/externes",
                                json=json.loads(request.json(exclude_unset=True)))  # its start is a datetime

    async def cancel(self, appointment_id: str) -> contract.Appointment:
        return await self._call(contract.Appointment, "POST", f"/api/appointments/{appointment_id}/cancel")

    async def attachment(self, attachment_id: str) -> contract.Attachment:
        return await self._call(contract.Attachment, "GET", f"/api/attachments/{attachment_id}")


def _body(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _parse(answer: type[Answer], body: dict, method: str, path: str) -> Answer:
    """An answer outside the contract is an agenda that cannot be used: the regulator is told so."""
    try:
        return answer.parse_obj(body)
    except ValidationError as error:
        logger.warning("agenda %s %s answered outside the contract: %s", method, path,
                       [".".join(map(str, e["loc"])) for e in error.errors()])
        raise AgendaUnavailable() from error


@lru_cache
def get_agenda_client() -> AgendaClient:
    """Created on first use, not at import: the action server imports every module of this package."""
    settings = with_secrets(get_settings())
    return AgendaClient(settings.agenda_url, settings.agenda_timeout_s,
                        service_token=settings.service_token.get_secret_value())


@cache
def get_source_client(name: str) -> AgendaClient:
    """The booking API of the source `name` (bot.sources), created on first use and kept per source: its
    connections are reused. A source unknown or without booking API cannot take the booking: said as down."""
    source = next((s for s in get_sources() if s.name == name), None)
    if source is None or source.api_url is None:
        logger.warning("no booking API for the source %s", name)
        raise AgendaUnavailable()
    return AgendaClient.of_source(source)


def slot_agenda(card: dict, home: AgendaClient, sources: Callable[[str], AgendaClient], conversation: str) -> AgendaClient:
    """The agenda holding an offered slot: its source's, or `home` for a card of the home agenda's own search."""
    return sources(card["source"]).serving(conversation) if card.get("source") else home
