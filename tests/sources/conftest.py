"""Two agenda services on loopback with disjoint practitioners in the same communes (`alpha` booked through our
API, `beta` on its own booking pages), each behind a logging proxy, and one directory: both agendas' listings as
a CSV extract."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from bot.agenda.contract import DirectoryListing
from bot.sources.config import Source
from bot.sources.directory import make_directory, write_csv
from bot.sources.federated import FederatedSearch
from bot.sources.loopback import AgendaProcess, DelayProxy
from bot.vocabulary import SAS_TIMEZONE

PRACTITIONERS = 300
TZ = ZoneInfo(SAS_TIMEZONE)


@pytest.fixture(scope="session")
def agendas(tmp_path_factory):
    alpha = AgendaProcess(tmp_path_factory.mktemp("alpha"), PRACTITIONERS)
    beta = AgendaProcess(tmp_path_factory.mktemp("beta"), PRACTITIONERS, rpps_offset=100_000)
    try:
        for agenda in (alpha, beta):  # both start at once, then both are waited for
            agenda.spawn()
        yield {"alpha": alpha.wait(), "beta": beta.wait()}
    finally:
        alpha.stop()
        beta.stop()


@pytest.fixture(scope="session")
def proxies(agendas):
    with DelayProxy(agendas["alpha"].url) as alpha, DelayProxy(agendas["beta"].url) as beta:
        yield {"alpha": alpha, "beta": beta}


@pytest.fixture(autouse=True)
def _no_delay(request):
    """Each test starts with proxies forwarding at once (a test may slow one down)."""
    yield
    if "proxies" in request.fixturenames:
        for proxy in request.getfixturevalue("proxies").values():
            proxy.delay_s = 0.0


@pytest.fixture(scope="session")
def directory_listings(agendas) -> dict[str, list[dict]]:
    found = {}
    for name, agenda in agendas.items():
        response = httpx.get(f"{agenda.url}/api/directory", headers={"Authorization": f"Bearer {agenda.token}"})
        response.raise_for_status()
        found[name] = response.json()["listings"]
    return found


@pytest.fixture(scope="session")
def directory_file(directory_listings, tmp_path_factory) -> Path:
    """Both agendas' listings as a CSV extract; alpha's name no source: the first declared one holds them."""
    path = tmp_path_factory.mktemp("directory") / "annuaire.csv"
    write_csv(path, [DirectoryListing.parse_obj({**listing, "source": None if name == "alpha" else name})
                     for name, listings in directory_listings.items() for listing in listings])
    return path


def alpha_source(url: str, token: str, **options) -> Source:
    return Source(name="alpha", label="Agenda Alpha", fhir_url=f"{url}/fhir", booking="api", token=token, **options)


def beta_source(url: str, token: str, **options) -> Source:
    return Source(name="beta", label="Agenda Bêta", fhir_url=f"{url}/fhir", booking="link", token=token, **options)


@pytest.fixture
def sources(agendas, proxies) -> list[Source]:
    return [alpha_source(proxies["alpha"].url, agendas["alpha"].token),
            beta_source(proxies["beta"].url, agendas["beta"].token, timeout_s=1.0)]


def federated(sources: list[Source], directory_file: Path) -> FederatedSearch:
    return FederatedSearch(sources, make_directory(sources, directory_file), TZ)


@pytest.fixture
def window() -> tuple[datetime, datetime]:
    """From the next whole minute: the agendas run on the real clock, their slots were seeded from it."""
    start = (datetime.now(timezone.utc) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    return start, start + timedelta(hours=48)
