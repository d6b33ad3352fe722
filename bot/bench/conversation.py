"""Per-turn latency of the REST channel over scripted bookings, with the actions and the agenda running, beside the
bare NLU parse (Rasa's /model/parse) of the same messages, measured in the same run right after each turn: the
issue's target is a turn costing at most twice its parse.

Each conversation is the 3-turn booking of a regulator: a complete description, a pick, a confirmation."""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import httpx

from bot.auth.conversations import conversation_id
from bot.bench.turn_timings import InServer, turns_in_server
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


def _timed_ms(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def run_conversation(client: httpx.Client, stack: Stack, sender: str, description: str) -> tuple[list[float], list[float]]:
    """-> (turn timings, parse timings of the same messages)."""
    turns, parses = [], []
    webhook, parse = f"{stack.config.rasa_url}/webhooks/rest/webhook", f"{stack.config.rasa_url}/model/parse"
    token = {"token": stack.config.settings.rasa_token.get_secret_value()}

    def turn(message: str) -> list[dict]:
        replies: list[dict] = []
        turns.append(_timed_ms(lambda: replies.extend(client.post(webhook, json={"sender": sender,
                                                                                 "message": message}).json())))
        parses.append(_timed_ms(lambda: client.post(parse, params=token, json={"text": message}).raise_for_status()))
        return replies

    offered = turn(description)
    picks = [b["payload"] for r in offered for b in r.get("buttons", []) if b["payload"].startswith("/choisir_creneau")]
    if picks:
        turn(picks[0])
        turn("oui")
    return turns, parses


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        stack = Stack(StackConfig.on_free_ports(Path(workdir), model=ROOT / "models" / "sas.tar.gz"))
        stack.prepare_agenda()
        regulator = stack.add_regulator("bench")
        with stack, httpx.Client(timeout=30, auth=regulator) as client:  # signs in at the warm-up's first turn
            run_conversation(client, stack, "warm-up", DESCRIPTIONS[0])
            turns: list[float] = []
            parses: list[float] = []
            for i in range(CONVERSATIONS):
                conversation_turns, conversation_parses = run_conversation(client, stack, f"bench-{i}",
                                                                           DESCRIPTIONS[i % len(DESCRIPTIONS)])
                turns += conversation_turns
                parses += conversation_parses
        in_server = turns_in_server(stack.config.settings.tracker_store_url.get_secret_value(),
                                    [conversation_id("bench", f"bench-{i}") for i in range(CONVERSATIONS)])
    turn_p95, parse_p95 = percentile(turns, 0.95), percentile(parses, 0.95)
    print("\nConversation (canal REST, agenda + actions + Rasa sur la boucle locale) et analyse NLU seule des mêmes "
          "messages (/model/parse), dans la même exécution")
    print("| tours | p50 tour (ms) | p95 tour (ms) | max tour (ms) | p50 analyse (ms) | p95 analyse (ms) "
          "| p95 tour / p95 analyse | cible |\n|---|---|---|---|---|---|---|---|")
    print(f"| {len(turns)} | {statistics.median(turns):.0f} | {turn_p95:.0f} | {max(turns):.0f} "
          f"| {statistics.median(parses):.0f} | {parse_p95:.0f} | {turn_p95 / parse_p95:.2f} | ≤ 2 |")
    print_where_the_time_goes(turns, parses, in_server)


def print_where_the_time_goes(turns: list[float], parses: list[float], in_server: list[InServer]) -> None:
    """Means, so that the parts add up to the turn: what Rasa stamped inside, the rest measured by the client."""
    mean = statistics.fmean
    prediction, actions = mean(t.prediction_ms for t in in_server), mean(t.actions_ms for t in in_server)
    rest = mean(turns) - mean(parses) - prediction - actions
    print("\nOù va le temps d'un tour (moyennes en ms ; horodatage des événements de Rasa dans son magasin de "
          "conversations)")
    print("| tour | analyse NLU | validation des champs (serveur d'actions) et prédiction "
          "| actions (serveur d'actions, agenda) "
          "| reste : magasin, verrou, HTTP |\n|---|---|---|---|---|")
    print(f"| {mean(turns):.0f} | {mean(parses):.0f} | {prediction:.0f} | {actions:.0f} | {rest:.0f} |")


if __name__ == "__main__":
    main()
