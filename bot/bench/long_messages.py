"""What a long message costs, and what it costs the others: parse times for 500, 2,000 and 4,000 characters of
regulators' text (the rules alone in this process, then the whole NLU of the trained model through Rasa), and the
delay a maximal message in one conversation adds to another conversation's "bonjour" over the REST channel.

The text is the realistic dev set's messages end to end, as a regulator pasting a record would send them."""
from __future__ import annotations

import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

from bot.eval.nlu_sets import DEV, load_set
from bot.message_limit import MAX_MESSAGE_CHARS
from bot.nlu import dates, lexicons
from bot.nlu.extraction import extract_details
from bot.settings import ROOT
from bot.stack import Stack, StackConfig

LENGTHS = (500, 2000, MAX_MESSAGE_CHARS)
RUNS = 5
INTERFERENCE_RUNS = 8
TARGET_DELAY_MS = 200
IN_FLIGHT_S = 0.05  # the maximal message is on its way when the other conversation speaks


def pasted_record(length: int) -> str:
    """`length` characters of regulators' messages end to end."""
    text = " ".join(m["text"] for m in load_set(DEV).messages)
    return (text * (length // len(text) + 1))[:length]


def _median_ms(call, runs: int = RUNS) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def rules_parse_ms() -> dict[int, float]:
    """bot.nlu.extraction alone (no model), in this process."""
    dates.warm()
    lexicons.warm()
    now = load_set(DEV).now
    extract_details("bonjour", now)
    texts = {n: pasted_record(n) for n in LENGTHS}
    return {n: _median_ms(lambda n=n: extract_details(texts[n], now)) for n in LENGTHS}


def model_parse_ms(client: httpx.Client, stack: Stack) -> dict[int, float]:
    """The whole NLU pipeline of the trained model (spaCy, DIET, our components), through Rasa's /model/parse."""
    url = f"{stack.config.rasa_url}/model/parse"
    token = {"token": stack.config.settings.rasa_token.get_secret_value()}

    def parse(text: str) -> None:
        client.post(url, params=token, json={"text": text}).raise_for_status()

    texts = {n: pasted_record(n) for n in LENGTHS}
    return {n: _median_ms(lambda n=n: parse(texts[n]), 3) for n in LENGTHS}


def turn_ms(client: httpx.Client, url: str, message: str) -> float:
    started = time.perf_counter()
    client.post(url, json={"sender": f"bench-{uuid.uuid4().hex[:8]}", "message": message}).raise_for_status()
    return (time.perf_counter() - started) * 1000


def delay_added_ms(client: httpx.Client, stack: Stack) -> tuple[float, list[float]]:
    """A "bonjour" alone (median), and the same while another conversation's maximal message is read."""
    url = f"{stack.config.rasa_url}/webhooks/rest/webhook"
    alone = statistics.median(turn_ms(client, url, "bonjour") for _ in range(10))
    beside, record = [], pasted_record(MAX_MESSAGE_CHARS)
    for _ in range(INTERFERENCE_RUNS):
        maximal = threading.Thread(target=turn_ms, args=(client, url, record))
        maximal.start()
        time.sleep(IN_FLIGHT_S)
        beside.append(turn_ms(client, url, "bonjour"))
        maximal.join()
    return alone, beside


def main() -> None:
    rules = rules_parse_ms()
    with tempfile.TemporaryDirectory() as workdir:
        stack = Stack(StackConfig.on_free_ports(Path(workdir), model=ROOT / "models" / "sas.tar.gz"))
        stack.prepare_agenda()
        regulator = stack.add_regulator("bench-long")
        with stack, httpx.Client(timeout=120, auth=regulator) as client:
            model = model_parse_ms(client, stack)
            alone, beside = delay_added_ms(client, stack)
    print("\nMessages longs (texte de régulateurs bout à bout ; médianes)")
    print("| caractères | règles seules (ms) | NLU complet du modèle (ms) |\n|---|---|---|")
    for n in LENGTHS:
        print(f"| {n} | {rules[n]:.0f} | {model[n]:.0f} |")
    added = [b - alone for b in beside]
    print(f"\nUn « bonjour » seul : {alone:.0f} ms ; pendant qu'une autre conversation envoie {MAX_MESSAGE_CHARS} "
          f"caractères ({INTERFERENCE_RUNS} fois) :")
    print("| délai ajouté médian (ms) | délai ajouté max (ms) | cible |\n|---|---|---|")
    print(f"| {statistics.median(added):.0f} | {max(added):.0f} | < {TARGET_DELAY_MS} ms |")


if __name__ == "__main__":
    main()
