"""Headers that make the browser hold the panel to its own origin, on every answer of the agenda.

The Content-Security-Policy allows scripts, styles, images and fonts from the agenda's own origin only (no inline
script, no inline style attribute, no eval), network calls to that origin and to Rasa's (the panel speaks to its
REST channel), and framing by `settings.panel_frame_ancestors` (the regulator's software may show the panel in a
frame). Whatever a patient's name or a message holds, the browser runs no script that did not come from here.

FastAPI's /docs and /redoc pages are left out: they load Swagger UI and ReDoc from a CDN with an inline script.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.settings import Settings

DOCUMENTATION = ("/docs", "/docs/oauth2-redirect", "/redoc")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(settings: Settings) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # data: for the pages' empty icon (`<link rel="icon" href="data:,">`)
        f"connect-src 'self' {origin(settings.rasa_url)}",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        f"frame-ancestors {settings.panel_frame_ancestors}",
    ])


class SecurityHeaders:
    """ASGI middleware: adds the headers to every HTTP answer but the API's documentation pages."""

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.headers = [
            (b"content-security-policy", content_security_policy(settings).encode()),
            (b"x-content-type-options", b"nosniff"),  # a file is read as what it says it is
            (b"referrer-policy", b"no-referrer"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in DOCUMENTATION:
            return await self.app(scope, receive, send)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)
