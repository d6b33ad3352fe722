"""Single sign-on with an OpenID Connect provider (Pro Santé Connect for French health professionals), configured
by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: the authorization code flow with PKCE, state and nonce, by
authlib's client (discovery, code exchange, ID token signature and claims).

Between the redirection to the provider and its answer, state, nonce and PKCE verifier wait in a short-lived
cookie signed with the agenda's key, so that any instance of the agenda can finish the flow. A person is let in
only when an account carries their `sub` (python -m bot.accounts add LOGIN --oidc-subject SUB): being known to
the provider does not make one a regulator of this SAS."""
from __future__ import annotations

from datetime import datetime, timedelta

import jwt
from authlib.integrations.starlette_client import OAuth

from bot.settings import Settings

STATE_COOKIE = "sas_oidc"
STATE_LIFETIME = timedelta(minutes=10)
_STATE_AUDIENCE = "oidc-state"  # never mistaken for an access token
TIMEOUT_S = 10


class SignInFailed(Exception):
    """The provider's answer cannot be trusted or does not match the flow this browser started."""


class OidcProvider:
    def __init__(self, settings: Settings):
        self.label = settings.oidc_label
        registry = OAuth()
        self.client = registry.register(
            "provider",
            client_id=settings.oidc_client_id,
            client_secret=settings.oidc_client_secret.get_secret_value(),
            server_metadata_url=f"{str(settings.oidc_issuer).rstrip('/')}/.well-known/openid-configuration",
            client_kwargs={"scope": settings.oidc_scopes, "code_challenge_method": "S256", "timeout": TIMEOUT_S},
        )
        self.key = settings.token_signing_key.get_secret_value()

    async def start(self, redirect_uri: str, now: datetime) -> tuple[str, str]:
        """-> (the provider's authorization URL, the state cookie's value)."""
        flow = await self.client.create_authorization_url(redirect_uri)
        state = {"state": flow["state"], "nonce": flow["nonce"], "verifier": flow["code_verifier"],
                 "redirect_uri": redirect_uri, "aud": _STATE_AUDIENCE,
                 "exp": int((now + STATE_LIFETIME).timestamp())}
        return flow["url"], jwt.encode(state, self.key, algorithm="HS256")

    async def finish(self, params: dict[str, str], state_cookie: str | None, now: datetime) -> dict:
        """The ID token's claims (`sub` first) once the provider's answer is checked; SignInFailed otherwise."""
        try:
            flow = jwt.decode(state_cookie or "", self.key, algorithms=["HS256"], audience=_STATE_AUDIENCE,
                              options={"verify_exp": False})
        except jwt.PyJWTError:
            raise SignInFailed("no flow started from this browser") from None
        if now.timestamp() >= flow["exp"] or params.get("state") != flow["state"]:
            raise SignInFailed("expired flow or another flow's state")
        if "error" in params or not params.get("code"):
            raise SignInFailed(f"provider refused: {params.get('error', 'no code')}")
        try:
            token = await self.client.fetch_access_token(redirect_uri=flow["redirect_uri"], code=params["code"],
                                                         code_verifier=flow["verifier"])
            claims = await self.client.parse_id_token(token, nonce=flow["nonce"])
        except Exception as error:  # authlib's, joserfc's and httpx's failures alike: the sign-in did not happen
            raise SignInFailed(type(error).__name__) from error
        if not claims or not claims.get("sub"):
            raise SignInFailed("no subject in the ID token")
        return dict(claims)
