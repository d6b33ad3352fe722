"""A small OpenID Connect provider for the tests, on loopback: authlib's authorization server (authorization code
grant, OpenID Connect's ID token, PKCE) behind a Starlette app, RS256 keys from joserfc. It stands where Pro Santé
Connect stands in production; the person signing in is the one the test names (`provider.signs_in`), without a login page.

`publish_wrong_key()` makes it sign its ID tokens with a key its JWKS does not hold, as a forger would."""
from __future__ import annotations

import secrets
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import uvicorn
from authlib.oauth2 import AuthorizationServer, OAuth2Request
from authlib.oauth2.rfc6749 import ClientMixin, grants
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from joserfc.jwk import KeySet, RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

SCOPES = "openid profile"


@dataclass
class Client(ClientMixin):
    client_id: str
    client_secret: str
    redirect_uris: list[str] = field(default_factory=list)  # empty: the first one asked is registered

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope):
        return " ".join(s for s in scope.split() if s in SCOPES.split())

    def check_redirect_uri(self, redirect_uri):
        if not self.redirect_uris:
            self.redirect_uris.append(redirect_uri)
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method, endpoint):
        return method == "client_secret_basic"

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


@dataclass
class Person:
    sub: str
    name: str


@dataclass
class Code:
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    nonce: str | None
    person: Person
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int = field(default_factory=lambda: int(time.time()))

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return None


class AuthlibRequest(OAuth2Request):
    """What authlib reads of a request: its query (`args`), its form, and the union of both (`payload`)."""

    def __init__(self, request: Request, form: dict[str, str]):
        super().__init__(request.method, str(request.url), headers=request.headers)
        self._args, self._form = dict(request.query_params), form
        self.payload = BasicOAuth2Payload({**self._args, **form})

    @property
    def args(self):
        return self._args

    @property
    def form(self):
        return self._form


class Provider(AuthorizationServer):
    def __init__(self, issuer: str, client: Client):
        super().__init__(scopes_supported=SCOPES.split())
        self.issuer, self.client = issuer, client
        self.codes: dict[str, Code] = {}
        self.nonces: set[str] = set()  # of every code issued
        self.person: Person | None = None
        self.key = RSAKey.generate_key(2048, parameters={"kid": "fournisseur-de-test"})
        self.signing_key = self.key
        self.register_token_generator("default", BearerTokenGenerator(lambda **_: secrets.token_urlsafe(32)))
        self.register_grant(CodeGrant, [CodeChallenge(required=True), IdToken(self)])

    def signs_in(self, sub: str, name: str) -> None:
        """The person who will be signed in at the next authorization."""
        self.person = Person(sub, name)

    def publish_wrong_key(self) -> None:
        self.signing_key = RSAKey.generate_key(2048, parameters={"kid": "fournisseur-de-test"})

    # What authlib's server leaves to the framework.
    def query_client(self, client_id):
        return self.client if client_id == self.client.client_id else None

    def save_token(self, token, request):
        pass

    def create_oauth2_request(self, request):
        return request

    def handle_response(self, status, body, headers):
        if isinstance(body, dict):
            return JSONResponse(body, status_code=status, headers=dict(headers))
        return Response(body, status_code=status, headers=dict(headers))

    def send_signal(self, name, *args, **kwargs):
        pass

    def metadata(self) -> dict:
        return {
            "issuer": self.issuer, "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token", "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"], "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"], "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"], "scopes_supported": SCOPES.split(),
        }


class CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic"]

    def save_authorization_code(self, code, request):
        self.server.nonces.add(request.payload.data.get("nonce"))  # a nonce serves once
        self.server.codes[code] = Code(
            code, request.client.client_id, request.payload.redirect_uri, request.scope,
            request.payload.data.get("nonce"), request.user, request.payload.data.get("code_challenge"),
            request.payload.data.get("code_challenge_method"),
        )

    def query_authorization_code(self, code, client):
        found = self.server.codes.get(code)
        return found if found and found.client_id == client.client_id else None

    def delete_authorization_code(self, authorization_code):
        self.server.codes.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code):
        return authorization_code.person


class IdToken(OpenIDCode):
    def __init__(self, provider: Provider):
        super().__init__(require_nonce=True)
        self.provider = provider

    def exists_nonce(self, nonce, request):
        return nonce in self.provider.nonces

    def resolve_client_private_key(self, client):
        return self.provider.signing_key

    def get_client_claims(self, client):
        return {"iss": self.provider.issuer, "aud": [client.get_client_id()]}

    def generate_user_info(self, user, scope):
        return UserInfo(sub=user.sub, name=user.name)


def app_of(provider: Provider) -> Starlette:
    async def discovery(_request: Request):
        return JSONResponse(provider.metadata())

    async def jwks(_request: Request):
        return JSONResponse(KeySet([provider.key]).as_dict(private=False))

    async def authorize(request: Request):
        oauth_request = AuthlibRequest(request, {})
        grant = provider.get_consent_grant(oauth_request, end_user=provider.person)
        return provider.create_authorization_response(grant.request, grant_user=provider.person, grant=grant)

    async def token(request: Request):
        return provider.create_token_response(AuthlibRequest(request, dict(await request.form())))

    return Starlette(routes=[
        Route("/.well-known/openid-configuration", discovery), Route("/jwks", jwks),
        Route("/authorize", authorize), Route("/token", token, methods=["POST"]),
    ])


@contextmanager
def serve_provider(client_id: str, client_secret: str) -> Iterator[Provider]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    provider = Provider(f"http://127.0.0.1:{port}", Client(client_id, client_secret))
    server = uvicorn.Server(uvicorn.Config(app_of(provider), host="127.0.0.1", port=port, log_level="warning",
                                           ws="none"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the OIDC provider did not start")
        time.sleep(0.05)
    try:
        yield provider
    finally:
        server.should_exit = True
        thread.join(10)

