"""The sources: agenda software speaking the SAS FHIR contract, declared in a YAML file (format in README.md).

Without a file, one source: our own agenda, reached with the action server's service token, so that `make run`
goes through the same federated path with no configuration.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import AnyHttpUrl, BaseModel, Field, PositiveFloat, SecretStr, ValidationError, root_validator, validator

from bot.agenda.contract import BookingMode
from bot.auth.local_secrets import with_secrets
from bot.settings import Settings, get_settings

DEFAULT_SOURCE = "agenda"
DEFAULT_LABEL = "Agenda de l'assistant"
NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")  # it prefixes slot ids ("agenda:123"): no colon


class SourcesFileError(ValueError):
    """The sources file cannot be used: said at start, with the file and what is wrong."""


class Source(BaseModel):
    name: str
    label: str = Field("", description="said to the regulator (« l'agenda X n'a pas répondu »); the name by default")
    fhir_url: AnyHttpUrl
    booking: BookingMode = "api"
    api_url: AnyHttpUrl | None = Field(None, description="our JSON API, for `api` sources; fhir_url without /fhir by default")
    token_file: Path | None = None
    token: SecretStr | None = Field(None, description="the default source's service token; in a file use token_file")
    cert_file: Path | None = None
    key_file: Path | None = None
    ca_file: Path | None = None
    timeout_s: PositiveFloat = 5.0

    class Config:
        frozen = True
        extra = "forbid"  # a misspelt key is an error, not a silently ignored credential

    @validator("name")
    def _name(cls, name: str) -> str:
        if not NAME.fullmatch(name):
            raise ValueError("lower case letters, digits, - or _ (at most 40)")
        return name

    @validator("label", always=True)
    def _label(cls, label: str, values: dict) -> str:
        return label or values.get("name", "")

    @validator("fhir_url")
    def _fhir_url(cls, url: str) -> str:
        return url.rstrip("/")

    @validator("api_url", always=True)
    def _api_url(cls, url: str | None, values: dict) -> str | None:
        if url:
            return url.rstrip("/")
        fhir_url = values.get("fhir_url")
        if values.get("booking") == "api" and fhir_url:
            return re.sub(r"/fhir$", "", fhir_url)
        return None

    @root_validator(skip_on_failure=True)
    def _credentials(cls, values: dict) -> dict:
        if bool(values["cert_file"]) != bool(values["key_file"]):
            raise ValueError("cert_file and key_file go together (mutual TLS)")
        for key in ("token_file", "cert_file", "key_file", "ca_file"):
            if values[key] is not None and not values[key].is_file():
                raise ValueError(f"{key}: no such file: {values[key]}")
        return values

    def bearer_token(self) -> str | None:
        if self.token is not None:
            return self.token.get_secret_value()
        if self.token_file is not None:
            return self.token_file.read_text(encoding="ascii").strip()
        return None

    def client_options(self) -> dict:
        """What an httpx client for this source needs: headers (bearer), client certificate, CA, timeout."""
        token = self.bearer_token()
        return {
            "headers": {"Authorization": f"Bearer {token}"} if token else {},
            "cert": (str(self.cert_file), str(self.key_file)) if self.cert_file else None,
            "verify": str(self.ca_file) if self.ca_file else True,
            "timeout": self.timeout_s,
        }


def default_source(settings: Settings) -> Source:
    settings = with_secrets(settings)
    return Source(name=DEFAULT_SOURCE, label=DEFAULT_LABEL, fhir_url=f"{str(settings.agenda_url).rstrip('/')}/fhir",
                  booking="api", token=settings.service_token, timeout_s=settings.agenda_timeout_s)


def load_sources(settings: Settings) -> list[Source]:
    if settings.sources_file is None:
        return [default_source(settings)]
    return read_sources_file(settings.sources_file)


def read_sources_file(path: Path) -> list[Source]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SourcesFileError(f"{path}: cannot be read as YAML: {error}") from None
    declared = document.get("sources") if isinstance(document, dict) else None
    if not isinstance(declared, list) or not declared:
        raise SourcesFileError(f"{path}: expected a non-empty list under `sources:`")
    sources = []
    for position, entry in enumerate(declared, start=1):
        if not isinstance(entry, dict):
            raise SourcesFileError(f"{path}: source {position} is not a mapping")
        # Credential files are named relative to the sources file.
        entry = {key: _relative_to(path, value) if key.endswith("_file") and value else value
                 for key, value in entry.items()}
        try:
            sources.append(Source.parse_obj(entry))
        except ValidationError as error:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
            raise SourcesFileError(f"{path}: source {position} ({entry.get('name', '?')}): {problems}") from None
    names = [source.name for source in sources]
    if len(set(names)) != len(names):
        raise SourcesFileError(f"{path}: source names must be unique: {names}")
    return sources


def _relative_to(path: Path, value: str) -> Path:
    file = Path(value).expanduser()
    return file if file.is_absolute() else path.parent / file


@lru_cache
def get_sources() -> list[Source]:
    """Read once, on first use (never at import); the first source holds the listings that name none."""
    return load_sources(get_settings())
