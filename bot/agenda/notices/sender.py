"""Delivers the outbox's notices to SAS (settings.sas_notice_url), or, when none is set, to the agenda's own
/fhir/Appointment in process, so that the loop runs here.

A creation is POSTed once; any later try of it, and every other change, is the conditional PUT on the notice's
identifier, which never creates a second notice (a POST whose answer was lost may have created it). 2xx: sent;
4xx: refused, never sent again (logged with its status only); network failures, 5xx, 401/403/408/429: tried again
after a backoff. It runs as a background task of the agenda's app, polling, and is woken after each change."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from datetime import datetime, timezone

import httpx
from sqlalchemy.orm import sessionmaker

from bot.agenda.fhir import FHIR_JSON
from bot.agenda.notices import outbox
from bot.agenda.notices.outbox import Change
from bot.settings import Settings

log = logging.getLogger(__name__)

POLL_S = 2.0
TIMEOUT_S = 5.0
# Not a refusal of the notice: our credentials, or the SAS being busy; tried again.
RETRIED_CLIENT_ERRORS = (401, 403, 408, 425, 429)


class NoticeSender:
    def __init__(self, factory: sessionmaker, base_url: str, token: str | None, *,
                 transport: httpx.AsyncBaseTransport | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                 poll_s: float = POLL_S, timeout_s: float = TIMEOUT_S):
        self.factory = factory
        self.url = base_url.rstrip("/") + "/Appointment"
        self.headers = {"Content-Type": FHIR_JSON, "Accept": FHIR_JSON}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        self.transport = transport
        self.clock = clock
        self.poll_s = poll_s
        self.timeout = httpx.Timeout(timeout_s)
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = False

    def kick(self) -> None:
        """Deliver now rather than at the next poll; callable from any thread (the routes run in a pool)."""
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def stop(self) -> None:
        """Ends the loop at its next turn: a cancel alone may be lost (on Python < 3.12, asyncio.wait_for swallows
        one that lands as the wait ends, and the loop would go on for ever)."""
        self._stopping = True
        self.kick()

    async def run(self) -> None:
        self._loop, self._wake, self._stopping = asyncio.get_running_loop(), asyncio.Event(), False
        try:
            async with httpx.AsyncClient(transport=self.transport, timeout=self.timeout) as client:
                while not self._stopping:
                    self._wake.clear()  # before the round: a change committed during it wakes the next one
                    try:
                        await self.deliver_due(client)
                    except Exception:  # a database hiccup must not end the sender: the changes wait in the outbox
                        log.exception("SAS notices: delivery round failed")
                    with suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), self.poll_s)
        finally:
            self._loop = None  # stopped: a kick is a no-op, the outbox keeps what is left for the next start

    async def deliver_due(self, client: httpx.AsyncClient) -> int:
        """Sends every change due, an appointment's in order, until none is left; -> how many were settled (sent
        or refused)."""
        settled = 0
        while changes := await asyncio.to_thread(outbox.claim_due, self.factory, self.clock()):
            results = await asyncio.gather(*(self._deliver(client, change) for change in changes))
            settled += sum(results)
            if not any(results):
                break  # all to be tried again: their backoff holds them
        return settled

    async def _deliver(self, client: httpx.AsyncClient, change: Change) -> bool:
        first_post = change.kind == "create" and change.attempts == 1
        try:
            if first_post:
                answer = await client.post(self.url, json=change.payload, headers=self.headers)
            else:
                answer = await client.put(self.url, params={"identifier": change.identifier}, json=change.payload,
                                          headers=self.headers)
        except httpx.HTTPError as error:
            log.warning("SAS notice %s (appointment %s): %s, tried again later", change.id, change.appointment_id,
                        type(error).__name__)
            await asyncio.to_thread(outbox.later, self.factory, change, self.clock(), type(error).__name__)
            return False
        status = answer.status_code
        if answer.is_success:
            log.info("SAS notice %s (appointment %s, %s) delivered: %d", change.id, change.appointment_id,
                     "POST" if first_post else "PUT", status)
            await asyncio.to_thread(outbox.sent, self.factory, change, self.clock())
            return True
        if 400 <= status < 500 and status not in RETRIED_CLIENT_ERRORS:
            log.warning("SAS notice %s (appointment %s) refused: HTTP %d", change.id, change.appointment_id, status)
            await asyncio.to_thread(outbox.refused, self.factory, change, self.clock(), f"HTTP {status}")
            return True  # settled: the appointment's next change may go
        log.warning("SAS notice %s (appointment %s): HTTP %d, tried again later", change.id, change.appointment_id,
                    status)
        await asyncio.to_thread(outbox.later, self.factory, change, self.clock(), f"HTTP {status}")
        return False


def for_app(app, settings: Settings, factory: sessionmaker) -> NoticeSender:
    """To settings.sas_notice_url with its token; when none is set, to the app's own /fhir, in process, with the
    service token (no port to know, nothing on the network)."""
    if settings.sas_notice_url:
        token = settings.sas_notice_token
        return NoticeSender(factory, str(settings.sas_notice_url), token and token.get_secret_value())
    return NoticeSender(factory, "http://agenda/fhir", settings.service_token.get_secret_value(),
                        transport=httpx.ASGITransport(app=app))


@asynccontextmanager
async def running(sender: NoticeSender) -> AsyncIterator[None]:
    """The sender as a background task for the app's lifetime."""
    task = asyncio.create_task(sender.run())
    try:
        yield
    finally:
        sender.stop()
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
