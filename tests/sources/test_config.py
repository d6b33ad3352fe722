"""The sources file, and our agenda alone without one."""
from __future__ import annotations

import pytest

from bot.settings import Settings
from bot.sources.config import DEFAULT_SOURCE, SourcesFileError, load_sources


def settings(tmp_path, **values) -> Settings:
    return Settings(secrets_dir=tmp_path / "secrets", agenda_url="http://127.0.0.1:8123", **values)


def test_without_a_file_our_agenda_is_the_only_source(tmp_path):
    [source] = load_sources(settings(tmp_path, agenda_timeout_s=2.5))
    assert (source.name, source.booking, source.fhir_url, source.api_url, source.timeout_s) == (
        DEFAULT_SOURCE, "api", "http://127.0.0.1:8123/fhir", "http://127.0.0.1:8123", 2.5)
    token = (tmp_path / "secrets" / "service_token").read_text().strip()
    assert token and source.client_options()["headers"] == {"Authorization": f"Bearer {token}"}


def test_a_file_declares_api_and_link_sources_with_their_credentials(tmp_path):
    (tmp_path / "certs").mkdir()
    for name in ("token", "certs/client.pem", "certs/client.key", "certs/ca.pem"):
        (tmp_path / name).write_text("secret-token\n")
    (tmp_path / "sources.yml").write_text("""
sources:
  - name: agenda
    fhir_url: http://127.0.0.1:8000/fhir/
    token_file: token
    timeout_s: 3
  - name: editeur-b
    label: Agenda Éditeur B
    fhir_url: https://sas.editeur-b.example/fhir
    booking: link
    cert_file: certs/client.pem
    key_file: certs/client.key
    ca_file: certs/ca.pem
""", encoding="utf-8")
    agenda, other = load_sources(settings(tmp_path, sources_file=tmp_path / "sources.yml"))
    assert (agenda.label, agenda.fhir_url, agenda.api_url, agenda.bearer_token()) == (
        "agenda", "http://127.0.0.1:8000/fhir", "http://127.0.0.1:8000", "secret-token")
    assert (other.booking, other.api_url, other.label) == ("link", None, "Agenda Éditeur B")
    options = other.client_options()
    assert options["cert"] == (str(tmp_path / "certs/client.pem"), str(tmp_path / "certs/client.key"))
    assert options["verify"] == str(tmp_path / "certs/ca.pem") and options["headers"] == {}
    assert options["timeout"] == 5.0


BAD_FILES = {
    "not YAML": ("sources: [", "cannot be read as YAML"),
    "no list": ("sources: {}", "non-empty list"),
    "misspelt key": ("sources:\n  - name: a\n    fhir_url: http://x/fhir\n    tokn_file: t", "tokn_file"),
    "missing file": ("sources:\n  - name: a\n    fhir_url: http://x/fhir\n    token_file: nope", "no such file"),
    "cert alone": ("sources:\n  - name: a\n    fhir_url: http://x/fhir\n    cert_file: sources.yml", "go together"),
    "bad name": ("sources:\n  - name: 'A:b'\n    fhir_url: http://x/fhir", "name"),
    "bad booking": ("sources:\n  - name: a\n    fhir_url: http://x/fhir\n    booking: phone", "booking"),
    "duplicate": ("sources:\n  - {name: a, fhir_url: 'http://x/fhir'}\n  - {name: a, fhir_url: 'http://y/fhir'}",
                  "unique"),
}


@pytest.mark.parametrize("text, said", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_said_at_start(tmp_path, text, said):
    (tmp_path / "sources.yml").write_text(text)
    with pytest.raises(SourcesFileError, match=said) as error:
        load_sources(settings(tmp_path, sources_file=tmp_path / "sources.yml"))
    assert "sources.yml" in str(error.value)
