"""Secrets generated at first run: Rasa's HTTP API token, the action server's service token (to the agenda), the
token Rasa calls the action server with, and the key that signs access tokens. Each one given by the environment
wins; otherwise it is read from its file in secrets_dir, created once (mode 0600, random), so that every process
of one machine finds the same ones."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from pydantic import SecretStr

from bot.settings import Settings

GENERATED = ("rasa_token", "service_token", "action_token", "token_signing_key")


def read_or_create(path: Path) -> str:
    """The secret in `path`; a new random one written there first when there is none (race-free)."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(32))
    try:
        os.link(draft, path)  # fails if another process wrote it first: theirs is kept
    except FileExistsError:
        pass
    finally:
        draft.unlink()
    return path.read_text(encoding="ascii").strip()


def with_secrets(settings: Settings) -> Settings:
    """`settings` with every secret set: as given, or from (created) files in settings.secrets_dir."""
    missing = {name: SecretStr(read_or_create(settings.secrets_dir / name))
               for name in GENERATED if getattr(settings, name) is None}
    return settings.copy(update=missing) if missing else settings
