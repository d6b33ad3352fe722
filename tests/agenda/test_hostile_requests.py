"""Careless or hostile requests to the agenda: bodies limited while they stream (bot.agenda.body_limit) and every
refusal a JSON body in French (bot.agenda.errors), on the real app driven through ASGI."""
from __future__ import annotations

import json

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.agenda.api import create_app
from bot.agenda.body_limit import MAX_JSON_BYTES, MAX_UPLOAD_BYTES
from bot.agenda.errors import answer_refusals_in_french
from bot.settings import get_settings
from tests.agenda.factories import NOW

CHUNK = 64 * 1024
BOUNDARY = "frontiere"


@pytest.fixture
def app(agenda_db, tmp_path):
    settings = get_settings().copy(update={"secrets_dir": tmp_path / "secrets"})
    return create_app(agenda_db.session_factory, settings=settings, clock=lambda: NOW,
                      attachments_dir=tmp_path / "attachments")


class Upload:
    """A multipart body of one PDF of `size` bytes, produced chunk by chunk as the server asks for it."""

    def __init__(self, size: int):
        self.head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gros.pdf\"\r\n"
                     "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").encode()
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.left = size
        self.chunks_read = 0

    async def receive(self) -> dict:
        self.chunks_read += 1
        if self.head:
            chunk, self.head = self.head, b""
        elif self.left:
            chunk = b"\0" * min(CHUNK, self.left)
            self.left -= len(chunk)
        else:
            chunk, self.tail = self.tail, b""
        return {"type": "http.request", "body": chunk, "more_body": bool(self.left or self.tail)}

    @property
    def bytes_read(self) -> int:
        return self.chunks_read * CHUNK


async def call(app, method: str, path: str, receive, headers: dict[str, str] | None = None) -> tuple[int, dict]:
    """One request straight through ASGI, as uvicorn hands it over."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000), "state": {}}
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body)


MULTIPART = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}


async def test_an_upload_announced_too_large_is_refused_before_a_byte_is_read(app):
    upload = Upload(60 * 1024 * 1024)
    status, body = await call(app, "POST", "/api/attachments", upload.receive,
                              {**MULTIPART, "content-length": str(60 * 1024 * 1024 + 300)})
    assert (status, upload.chunks_read) == (413, 0)
    assert body == {"error": "trop_volumineux", "detail": "Fichier trop volumineux : moins de 50 Mo."}


async def test_an_upload_streaming_past_50_mo_without_its_length_is_cut_there_and_nothing_is_kept(app, tmp_path):
    upload = Upload(200 * 1024 * 1024)
    status, body = await call(app, "POST", "/api/attachments", upload.receive, MULTIPART)
    assert status == 413 and body["error"] == "trop_volumineux"
    assert upload.bytes_read <= MAX_UPLOAD_BYTES + 2 * CHUNK  # not the 200 Mo sent
    assert not (tmp_path / "attachments").exists() or not any((tmp_path / "attachments").iterdir())


async def test_an_upload_under_the_limit_is_read_whole(app):
    upload = Upload(MAX_UPLOAD_BYTES - 128 * 1024)
    status, _ = await call(app, "POST", "/api/attachments", upload.receive, MULTIPART)
    assert status != 413
    assert upload.left == 0 and upload.tail == b""


async def test_a_json_body_past_64_kio_is_refused(app):
    body = json.dumps({"slot_id": "1", "message": "x" * MAX_JSON_BYTES}).encode()
    chunks = iter([body[i:i + CHUNK] for i in range(0, len(body), CHUNK)])

    async def receive():
        chunk = next(chunks, b"")
        return {"type": "http.request", "body": chunk, "more_body": chunk != b""}

    status, answer = await call(app, "POST", "/api/appointments", receive, {"content-type": "application/json"})
    assert (status, answer["detail"]) == (413, "Requête trop volumineuse : 64 Kio au plus.")


@pytest.mark.parametrize("method, path, headers, content, status, error", [
    ("GET", "/nulle-part", {}, None, 404, "introuvable"),
    ("DELETE", "/health", {}, None, 405, "methode_non_permise"),
    ("POST", "/api/attachments", MULTIPART, b"--frontiere\r\nsans fin", 400, "requete_illisible"),
])
def test_the_frameworks_own_refusals_are_french_json(app, method, path, headers, content, status, error):
    with TestClient(app) as client:
        answer = client.request(method, path, headers=headers, content=content)
    assert (answer.status_code, answer.headers["content-type"]) == (status, "application/json")
    assert answer.json()["error"] == error
    assert answer.json()["detail"].endswith(".")


def test_an_unexpected_failure_answers_french_json_without_the_traceback():
    app = FastAPI()
    answer_refusals_in_french(app)

    @app.get("/casse")
    def broken():
        raise RuntimeError("secret interne : Marie Durand")

    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/casse")
    assert answer.status_code == 500
    assert answer.json()["error"] == "erreur_interne"
    assert "Marie" not in answer.text
