"""An httpx client on a Sanic app (Rasa's channels, the action server), served in-process through ASGI."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from sanic import Sanic

# As sanic-testing does: Sanic then rewrites its request methods from their originals at each app's start, so that
# several apps start in one test process.
Sanic.test_mode = True


@asynccontextmanager
async def sanic_client(app: Sanic, base_url: str) -> AsyncIterator[httpx.AsyncClient]:
    if not app.state.is_started:
        app.asgi = True
        await app._startup()  # what Sanic's ASGI lifespan does before the first request
        app.state.is_started = True
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url) as client:
        yield client
