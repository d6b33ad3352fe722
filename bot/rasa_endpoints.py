"""Rasa's endpoints file, written from the settings: the action server, the tracker store (SQLite by default,
PostgreSQL for several Rasa instances) and, when LOCK_STORE_URL is set, the Redis lock store they share.

Secrets stay out of the file: Rasa replaces `${VARIABLE}` with the variable of its environment (`secret_env`).
"""
from __future__ import annotations

import yaml
from sqlalchemy.engine import make_url

from bot.settings import LOCAL, Settings

LOCK_STORE_PASSWORD = "LOCK_STORE_PASSWORD"


def endpoints(settings: Settings) -> dict:
    config = {
        # The action server answers only Rasa (bot.action_server checks this header).
        "action_endpoint": {"url": f"{LOCAL}:{settings.action_port}/webhook",
                            "headers": {"Authorization": "Bearer ${ACTION_TOKEN}"}},
        # Rasa's SQL store takes a whole database URL as its `url`.
        "tracker_store": {"type": "SQL", "url": "${TRACKER_STORE_URL}"},
    }
    if settings.lock_store_url:
        url = make_url(settings.lock_store_url.get_secret_value())
        config["lock_store"] = {
            "type": "redis", "url": url.host or "localhost", "port": url.port or 6379, "db": int(url.database or 0),
            "use_ssl": url.drivername == "rediss",
            **({"password": f"${{{LOCK_STORE_PASSWORD}}}"} if url.password else {}),
        }
    return config


def secret_env(settings: Settings) -> dict[str, str]:
    """The variables the file refers to, beside the settings' own (TRACKER_STORE_URL)."""
    password = settings.lock_store_url and make_url(settings.lock_store_url.get_secret_value()).password
    return {LOCK_STORE_PASSWORD: password} if password else {}


def endpoints_yaml(settings: Settings) -> str:
    # Plain scalars: Rasa expands `${...}` in unquoted values only.
    return yaml.safe_dump(endpoints(settings), sort_keys=False)
