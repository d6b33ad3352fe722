"""Federated search benchmark: two agendas on loopback with disjoint practitioners in the same communes; the search
p50 / p95 with one source (our agenda, the default configuration) and with two (the second behind a proxy adding
300 ms to each request), for the same places, beside a reference measured in the same run: the agenda's own
`/api/search` over HTTP."""
from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from bot.bench.agenda import locations, percentile
from bot.sources.config import Source
from bot.sources.directory import PractitionerDirectory, from_agendas, make_directory, write_csv
from bot.sources.federated import FederatedSearch
from bot.sources.loopback import AgendaProcess, DelayProxy
from bot.vocabulary import SAS_TIMEZONE

PRACTITIONERS = 2000  # each agenda: the demo's size
SEARCHES = 100
DELAY_S = 0.3
WINDOW = timedelta(hours=48)
TZ = ZoneInfo(SAS_TIMEZONE)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sources-bench-") as workdir:
        alpha = AgendaProcess(Path(workdir) / "alpha", PRACTITIONERS)
        beta = AgendaProcess(Path(workdir) / "beta", PRACTITIONERS, rpps_offset=100_000)
        try:
            alpha.spawn()
            beta.spawn()
            alpha.wait()
            beta.wait()
            with DelayProxy(beta.url, DELAY_S) as slow:
                rows = measure(alpha, beta, slow, Path(workdir), locations(SEARCHES))
        finally:
            alpha.stop()
            beta.stop()
    width = max(len(label) for label, _ in rows)
    print(f"\nFederated search benchmark ({SEARCHES} places, {PRACTITIONERS:,} practitioners an agenda, loopback)")
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 40}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def measure(alpha: AgendaProcess, beta: AgendaProcess, slow: DelayProxy, workdir: Path,
            places: list[str]) -> list[tuple[str, str]]:
    start = (datetime.now(timezone.utc) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    one = Source(name="agenda", fhir_url=f"{alpha.url}/fhir", token=alpha.token)
    two = [one, Source(name="beta", label="Agenda Bêta", fhir_url=f"{slow.url}/fhir", booking="link", token=beta.token)]
    # The directory: both agendas' listings, beta's read from it directly (not through the delay).
    directory = workdir / "annuaire.csv"
    beta_direct = Source(name="beta", fhir_url=f"{beta.url}/fhir", token=beta.token)
    write_csv(directory, asyncio.run(from_agendas([one, beta_direct])))
    times = {
        "reference": reference_times(alpha, places, start),
        "one": asyncio.run(federated_times(
            FederatedSearch([one], PractitionerDirectory(lambda: from_agendas([one])), TZ), places, start)),
        "two": asyncio.run(federated_times(FederatedSearch(two, make_directory(two, directory), TZ), places, start)),
    }

    def figures(key: str) -> str:
        return f"{percentile(times[key], .5):.0f} ms / {percentile(times[key], .95):.0f} ms"

    reference = max(percentile(times["reference"], .95), 1e-6)
    return [
        ("reference: the agenda's /api/search over HTTP p50 / p95", f"{figures('reference')} (same run, same places)"),
        ("federated, one source (the default) p50 / p95",
         f"{figures('one')}  x{percentile(times['one'], .95) / reference:.1f} the reference at p95"),
        (f"federated, two sources, the second +{DELAY_S * 1000:.0f} ms p50 / p95",
         f"{figures('two')}  x{percentile(times['two'], .95) / reference:.1f} the reference at p95"),
    ]


def reference_times(agenda: AgendaProcess, places: list[str], start: datetime) -> list[float]:
    params = {"from": start.isoformat(), "to": (start + WINDOW).isoformat()}
    with httpx.Client(base_url=agenda.url, timeout=30, headers={"Authorization": f"Bearer {agenda.token}"}) as client:
        for place in places[:10]:  # warm
            client.get("/api/search", params={**params, "location": place})
        times = []
        for place in places:
            began = time.perf_counter()
            client.get("/api/search", params={**params, "location": place}).raise_for_status()
            times.append((time.perf_counter() - began) * 1000)
    return times


async def federated_times(search: FederatedSearch, places: list[str], start: datetime) -> list[float]:
    for place in places[:10]:  # warm: directory loaded, connections open
        await search.search(location=place, start=start, end=start + WINDOW)
    times = []
    for place in places:
        began = time.perf_counter()
        await search.search(location=place, start=start, end=start + WINDOW)
        times.append((time.perf_counter() - began) * 1000)
    await search.aclose()
    return times


if __name__ == "__main__":
    main()
