"""Request bodies are limited while they stream in, not once read whole: a body announced too large is refused
before a byte of it is read, and one that streams past its limit is cut there (no Content-Length, or a false one).

Uploads (POST /api/attachments) may carry a file just under 50 Mo plus the multipart envelope; every other
body is JSON of a few kilobytes. The refusal is the agenda's `Problem`, status 413, in French.
"""
from __future__ import annotations

import json
from contextlib import suppress

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.agenda.attachments import MAX_BYTES as MAX_ATTACHMENT_BYTES

UPLOAD_PATH = "/api/attachments"
MAX_UPLOAD_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024  # the file, its part headers and boundaries
MAX_JSON_BYTES = 64 * 1024  # a booking with a long message to the practitioner is under 10 Kio


def limit_for(scope: Scope) -> int:
    return MAX_UPLOAD_BYTES if scope["path"].rstrip("/") == UPLOAD_PATH else MAX_JSON_BYTES


def _refusal(limit: int) -> bytes:
    what = "Fichier trop volumineux : moins de 50 Mo" if limit == MAX_UPLOAD_BYTES else \
        f"Requête trop volumineuse : {limit // 1024} Kio au plus"
    return json.dumps({"error": "trop_volumineux", "detail": f"{what}."}, ensure_ascii=False).encode()


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: counts the bytes of the body as the app reads them and stops the request past the limit."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = limit_for(scope)
        announced = dict(scope["headers"]).get(b"content-length", b"")
        if announced.isdigit() and int(announced) > limit:
            return await self._refuse(send, limit)
        read = 0
        exceeded = started = False

        async def counted_receive() -> Message:
            nonlocal read, exceeded
            message = await receive()
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > limit:
                    exceeded = True
                    raise BodyTooLarge()  # the route never runs on a cut body
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded:  # what the app answers to the cut body (its parser's refusal) gives way to the 413
                if not started:
                    started = True
                    await self._refuse(send, limit)
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        with suppress(BodyTooLarge):  # raised past the app when nothing there reads the body for it
            await self.app(scope, counted_receive, guarded_send)
        if exceeded and not started:
            await self._refuse(send, limit)

    @staticmethod
    async def _refuse(send: Send, limit: int) -> None:
        body = _refusal(limit)
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),  # the rest of the body is not read
        ]})
        await send({"type": "http.response.body", "body": body})
