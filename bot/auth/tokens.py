"""Access tokens: short-lived JWTs (HS256) signed by the agenda with TOKEN_SIGNING_KEY and checked by the agenda
and by Rasa's REST channel. They carry who the regulator is and their role, nothing about patients.

Times are passed in (`now`), so that expiry is tested without waiting."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt

ALGORITHM = "HS256"
ISSUER = "agenda-sas"
AUDIENCE = "assistant-sas"
REGULATOR = "regulator"
SUPERVISOR = "supervisor"  # sees the appointments of the whole SAS
ROLES = (REGULATOR, SUPERVISOR)


class InvalidToken(Exception):
    """Forged, altered, expired, not yet valid, or not one of ours."""


@dataclass(frozen=True)
class Identity:
    login: str
    role: str


def issue(identity: Identity, key: str, now: datetime, lifetime: timedelta) -> str:
    claims = {"sub": identity.login, "role": identity.role, "iss": ISSUER, "aud": AUDIENCE,
              "iat": int(now.timestamp()), "exp": int((now + lifetime).timestamp())}
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def verify(token: str, key: str, now: datetime) -> Identity:
    """The identity a token carries; InvalidToken unless it was signed with `key` and is valid at `now`."""
    try:
        # Expiry is checked below against `now`, not against the machine's clock.
        claims = jwt.decode(token, key, algorithms=[ALGORITHM], audience=AUDIENCE, issuer=ISSUER,
                            options={"verify_exp": False, "verify_iat": False,
                                     "require": ["sub", "role", "iat", "exp"]})
    except jwt.PyJWTError as error:
        raise InvalidToken(type(error).__name__) from None
    if not claims["iat"] <= now.timestamp() < claims["exp"]:
        raise InvalidToken("expired or not yet valid")
    if claims["role"] not in ROLES or not isinstance(claims["sub"], str):
        raise InvalidToken("unknown role")
    return Identity(claims["sub"], claims["role"])


def bearer(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, None without one."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None
