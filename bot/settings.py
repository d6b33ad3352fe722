"""The one place that reads environment variables; everything else receives a Settings.

Each setting is read from the variable of its name in capitals (`agenda_port` from AGENDA_PORT), except
`timezone` (SAS_TIMEZONE); values are checked at start, and `as_env()` hands them to child processes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AnyHttpUrl, BaseSettings, Field, PositiveFloat, SecretStr, validator
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.vocabulary import SAS_TIMEZONE

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
LOCAL = "http://127.0.0.1"
FRAME_SOURCE = re.compile(r"https?://(\*\.)?[a-z0-9.-]+(:\d{1,5})?", re.IGNORECASE)  # an origin, or *.its-domain


class Settings(BaseSettings):
    database_url: SecretStr = SecretStr(f"sqlite:///{VAR / 'agenda.db'}")  # the agenda's; may hold a password
    attachments_dir: Path = VAR / "attachments"
    agenda_port: int = Field(8000, gt=0, lt=65536)
    agenda_url: AnyHttpUrl = None  # where the actions reach the agenda; by default the local one on agenda_port
    action_port: int = Field(5055, gt=0, lt=65536)
    rasa_port: int = Field(5005, gt=0, lt=65536)
    rasa_url: AnyHttpUrl = None  # where the panel reaches Rasa; by default the local one on rasa_port
    # Where each process listens: this machine only, unless a deployment puts them behind a proxy or on a network.
    agenda_interface: str = "127.0.0.1"
    action_interface: str = "127.0.0.1"
    rasa_interface: str = "127.0.0.1"
    # Secrets: given by the environment, or generated at first run into secrets_dir (bot.auth.local_secrets).
    secrets_dir: Path = VAR / "secrets"
    rasa_token: SecretStr | None = None  # Rasa's HTTP API (?token=)
    service_token: SecretStr | None = None  # the action server's calls to the agenda
    action_token: SecretStr | None = None  # Rasa's calls to the action server
    token_signing_key: SecretStr | None = None  # signs the regulators' access tokens (agenda, Rasa's channel)
    access_token_minutes: int = Field(15, gt=0, le=24 * 60)
    session_hours: int = Field(12, gt=0, le=7 * 24)  # the panel's session: a regulator's shift
    # Single sign-on (Pro Santé Connect or any OpenID Connect provider): all three, or none.
    oidc_issuer: AnyHttpUrl | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: SecretStr | None = None
    oidc_scopes: str = "openid profile"
    oidc_label: str = "Pro Santé Connect"  # the login page's button
    agenda_timeout_s: PositiveFloat = 5.0
    # Where slots come from (bot.sources): a YAML file declaring the agenda software that speak the SAS FHIR
    # contract; none: our agenda as the only source. The directory of practitioners: a CSV extract (documented in
    # bot/sources/README.md); none: our agenda's practitioners.
    sources_file: Path | None = None
    directory_file: Path | None = None
    # Where the agenda sends its FrAppointmentSAS notices (a SAS FHIR base); none: its own /fhir, so the loop runs here.
    sas_notice_url: AnyHttpUrl | None = None
    sas_notice_token: SecretStr | None = None  # the bearer token sas_notice_url expects (none: no Authorization)
    timezone: str = Field(SAS_TIMEZONE, env="SAS_TIMEZONE")
    # Rasa's conversations: SQLite by default, PostgreSQL (postgresql://user:password@host/db) for several instances.
    tracker_store_url: SecretStr = SecretStr(f"sqlite:///{VAR / 'tracker.db'}")
    # Rasa's lock store, needed by several instances (redis://:password@host:6379/0); in memory when empty.
    lock_store_url: SecretStr | None = None
    # `make cluster` (bot.cluster): how many of each process, Caddy's address in front of them (panel, /auth, /api,
    # /fhir, /webhooks), and where the processes behind it listen: consecutive loopback ports from cluster_base_port.
    cluster_agendas: int = Field(2, ge=1, le=20)
    cluster_action_servers: int = Field(2, ge=1, le=20)
    cluster_rasas: int = Field(2, ge=1, le=20)
    cluster_url: AnyHttpUrl = "https://localhost:8443"
    cluster_base_port: int = Field(18000, gt=1024, lt=65536 - 100)
    cluster_dir: Path = VAR / "cluster"  # its PostgreSQL and Redis data, Caddyfile, logs
    # Conversations and attachments never sent with a booking are deleted this long after their last use.
    retention_hours: PositiveFloat = 24.0
    # Who may show the panel in a frame (its Content-Security-Policy's frame-ancestors): 'self', 'none', or the
    # origins of the regulator's software, space-separated (https://regulation.example.fr).
    panel_frame_ancestors: str = "'self'"

    class Config:
        frozen = True  # hashable, so that get_settings() can be cached

    @validator("agenda_url", pre=True, always=True)
    def _local_agenda(cls, url: str | None, values: dict) -> str:
        return url or f"{LOCAL}:{values.get('agenda_port', 8000)}"

    @validator("rasa_url", pre=True, always=True)
    def _local_rasa(cls, url: str | None, values: dict) -> str:
        return url or f"{LOCAL}:{values.get('rasa_port', 5005)}"

    @validator("panel_frame_ancestors")
    def _frame_sources(cls, sources: str) -> str:
        for source in sources.split():
            if source not in ("'self'", "'none'") and not FRAME_SOURCE.fullmatch(source):
                raise ValueError(f"not a frame source ('self', 'none' or https://host[:port]): {source}")
        if not sources.split() or ("'none'" in sources.split() and len(sources.split()) > 1):
            raise ValueError("'none' stands alone; give at least one source")
        return " ".join(sources.split())

    @validator("timezone")
    def _known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone: {name}") from None
        return name

    @validator("database_url", "tracker_store_url", "lock_store_url")
    def _database_url(cls, url):
        try:
            make_url(url.get_secret_value() if isinstance(url, SecretStr) else url)
        except ArgumentError:
            raise ValueError("not a database URL (dialect://user:password@host:port/name)") from None
        return url

    @validator("oidc_client_secret", always=True)
    def _oidc_all_or_none(cls, secret, values: dict):
        given = [bool(values.get("oidc_issuer")), bool(values.get("oidc_client_id")), bool(secret)]
        if any(given) and not all(given):
            raise ValueError("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together")
        return secret

    def as_env(self) -> dict[str, str]:
        """The variables that give a child process these same settings."""
        env = {}
        for name, field in self.__fields__.items():
            value = getattr(self, name)
            if value is not None:
                variable = next(iter(field.field_info.extra.get("env_names", {name.upper()})))
                env[variable.upper()] = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
        return env


@lru_cache
def get_settings() -> Settings:
    return Settings()
