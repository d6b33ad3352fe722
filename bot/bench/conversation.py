"""Per-turn latency of the REST channel over scripted bookings, with the actions and the agenda running.

Each conversation is the 3-turn booking of a regulator: a complete description, a pick, a confirmation."""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import httpx

from bot.settings import ROOT
from bot.stack import Stack, StackConfig

CONVERSATIONS = 30
DESCRIPTIONS = [
    "Mme Durand Marie née Martin 21/11/52, 06 45 37 26 53, fièvre depuis 3 j, Lyon 3e",
    "M. Lefèvre Paul, nom de naissance Lefèvre, né le 3 mars 1987, tel 0612345678, toux depuis hier, Villeurbanne, demain matin",
    "patiente Nguyen Anh, nom de naissance Tran, 14/02/1990, 07 81 22 33 44, angine, Paris 15e",
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_conversation(client: httpx.Client, url: str, sender: str, description: str) -> list[float]:
    timings = []

    def turn(message: str) -> list[dict]:
        started = time.perf_counter()
        replies = client.post(url, json={"sender": sender, "message": message}).json()
        timings.append((time.perf_counter() - started) * 1000)
        return replies

    offered = turn(description)
    picks = [b["payload"] for r in offered for b in r.get("buttons", []) if b["payload"].startswith("/choisir_creneau")]
    if picks:
        turn(picks[0])
        turn("oui")
    return timings


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        stack = Stack(StackConfig.on_free_ports(Path(workdir), model=ROOT / "models" / "sas.tar.gz"))
        stack.prepare_agenda()
        regulator = stack.add_regulator("bench")
        with stack, httpx.Client(timeout=30, auth=regulator) as client:  # signs in at the warm-up's first turn
            url = f"{stack.config.rasa_url}/webhooks/rest/webhook"
            run_conversation(client, url, "warm-up", DESCRIPTIONS[0])
            timings: list[float] = []
            for i in range(CONVERSATIONS):
                timings += run_conversation(client, url, f"bench-{i}", DESCRIPTIONS[i % len(DESCRIPTIONS)])
    print("\nConversation (canal REST, agenda + actions + Rasa sur la boucle locale)")
    print("| tours | p50 (ms) | p95 (ms) | max (ms) | cible p95 |\n|---|---|---|---|---|")
    print(f"| {len(timings)} | {statistics.median(timings):.0f} | {percentile(timings, 0.95):.0f} | "
          f"{max(timings):.0f} | ≤ 150 ms |")


if __name__ == "__main__":
    main()
