"""Signing in from scripts and tests (the scenario runner, the benchmarks, the end-to-end tests): an httpx `Auth`
that asks the agenda for an access token (POST /auth/token) on the first request, and again when a service answers
401 because it expired. One object serves the agenda and Rasa's REST channel alike.

    auth = SignedIn("http://127.0.0.1:8000", "demo", password)
    httpx.post(f"{rasa_url}/webhooks/rest/webhook", json={"sender": "1", "message": "bonjour"}, auth=auth)
"""
from __future__ import annotations

from collections.abc import Generator

import httpx


class SignInFailed(RuntimeError):
    pass


class SignedIn(httpx.Auth):
    requires_response_body = True  # the token is read from the answer to the sign-in

    def __init__(self, agenda_url: str, login: str, password: str):
        self.agenda_url = agenda_url.rstrip("/")
        self.login = login
        self.password = password
        self._token: str | None = None

    def check(self) -> SignedIn:
        """Signs in now rather than at the first request (SignInFailed when refused)."""
        with httpx.Client(timeout=10) as client:
            self._keep(client.send(self._sign_in()))
        return self

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._token is None:
            self._keep((yield self._sign_in()))
        request.headers["Authorization"] = f"Bearer {self._token}"
        response = yield request
        if response.status_code == 401:  # expired: once more with a new token
            self._keep((yield self._sign_in()))
            request.headers["Authorization"] = f"Bearer {self._token}"
            yield request

    def _sign_in(self) -> httpx.Request:
        return httpx.Request("POST", f"{self.agenda_url}/auth/token",
                             json={"login": self.login, "password": self.password})

    def _keep(self, response: httpx.Response) -> None:
        if response.status_code != 200:
            raise SignInFailed(f"sign-in of {self.login} refused ({response.status_code}): {response.text[:200]}")
        self._token = response.json()["access_token"]
