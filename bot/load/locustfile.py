"""The simulated regulators of `make loadtest`, run by Locust in its own environment (.venv-load): they know
nothing of the project but the plan drawn by bot.load.plan (accounts, patients, what to type, the assistant's
questions) and write what happened to the results file that bot.load.check reads.

Each one signs in (POST /auth/token), then books patients one after the other over the REST channel: the
description, an answer to each question asked, sometimes a FAQ question or a corrected phone number, the pick of an
offered time (its button's payload), the confirmation; think time between turns. A turn that fails in flight (no
answer, 5xx, 503 of a store) is sent again, the same text: the assistant's idempotency key keeps a confirmation sent
twice from booking twice."""
from __future__ import annotations

import itertools
import json
import random
import re
import time
import uuid

import gevent
from locust import HttpUser, between, events, task
from locust.exception import StopUser

PICK = "/choisir_creneau"
REFERENCE = re.compile(r"Référence (\S+) :")
RETRIES = 6  # a turn is sent at most 7 times, ~1 min in all: long enough for an instance to be replaced
MAX_TURNS = 12  # a booking that needs more is stuck: counted as unfinished

_accounts = itertools.count()
# Synthetic patients only: the transcripts are kept to read what went wrong in a booking lost or unfinished.
results = {"turns_ms": [], "errors": 0, "retries": 0, "bookings": [], "unfinished": [], "agenda_down": 0,
           "taken": 0, "misread": [], "transcripts": {}, "conversations": []}


class TurnFailed(Exception):
    pass


class RecapMisread(Exception):
    """The recap shows another name or number than the regulator gave."""


@events.init_command_line_parser.add_listener
def _options(parser):
    parser.add_argument("--plan", required=True, help="plan JSON written by `python -m bot.load`")
    parser.add_argument("--results", required=True, help="where the results JSON is written at the end")
    parser.add_argument("--agenda-url", default="", help="sign-in address, if not the host (a stack without proxy)")
    parser.add_argument("--ca", default="", help="certificate authority to trust (Caddy's internal one)")
    parser.add_argument("--think-s", default="2,6", help="think time between turns, min,max seconds")


@events.init.add_listener
def _load_plan(environment, **_):
    with open(environment.parsed_options.plan, encoding="utf-8") as handle:
        environment.plan = json.load(handle)


@events.quitting.add_listener
def _write_results(environment, **_):
    with open(environment.parsed_options.results, "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False)


def _texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


def _picks(replies: list[dict]) -> list[str]:
    """The offered times' buttons (the recap's « déjà consulté » button picks the same time again: not one)."""
    return [b["payload"] for r in replies for b in r.get("buttons") or []
            if b.get("payload", "").startswith(PICK) and "deja_consulte" not in b["payload"]]


class Regulator(HttpUser):
    wait_time = between(1, 3)  # between two patients

    def on_start(self) -> None:
        options = self.environment.parsed_options
        index = next(_accounts)
        if index >= len(self.environment.plan["regulators"]):
            raise StopUser()
        self.account = self.environment.plan["regulators"][index]
        self.bookings = iter(self.account["bookings"])
        self.questions = self.environment.plan["questions"]
        self.agenda_down, self.recap = self.environment.plan["agenda_down"], self.environment.plan["recap"]
        self.sign_in_url = f"{(options.agenda_url or self.host).rstrip('/')}/auth/token"
        self.client.verify = options.ca or True
        low, high = (float(s) for s in options.think_s.split(","))
        self.think = lambda: gevent.sleep(random.uniform(low, high))
        self.sign_in()

    def sign_in(self) -> None:
        for _ in range(RETRIES + 1):
            with self.client.post(self.sign_in_url, json={"login": self.account["login"],
                                                          "password": self.account["password"]},
                                  name="connexion", catch_response=True, timeout=30) as answer:
                if answer.status_code == 200:
                    self.client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
                    return
                answer.failure(f"connexion : {answer.status_code}")
            gevent.sleep(2)
        raise StopUser()

    @task
    def book_a_patient(self) -> None:
        booking = next(self.bookings, None)
        if booking is None:
            raise StopUser()
        conversation = f"charge-{uuid.uuid4().hex[:12]}"
        results["conversations"].append(f"{self.account['login']}/{conversation}")  # its id in Rasa
        try:
            reference = self.converse(conversation, booking)
        except TurnFailed:
            return
        except RecapMisread:
            results["misread"].append(conversation)
            return
        if reference:
            results["bookings"].append({"reference": reference, "regulator": self.account["login"],
                                        "patient": booking["patient"], "conversation": conversation})
        else:
            results["unfinished"].append(conversation)

    def converse(self, conversation: str, booking: dict) -> str | None:
        """The booking's turns until the reference is read; None when it got stuck."""
        message = booking["description"]
        replies = self.say(conversation, message)
        aside, offered, picked = booking["aside"], [], False
        for _ in range(MAX_TURNS):
            text, picks = _texts(replies), _picks(replies)
            found = REFERENCE.search(text)
            if found:
                return found.group(1)
            if self.agenda_down in text:  # nothing typed is lost: the same message once the agenda is back
                results["agenda_down"] += 1
                self.think()
                replies = self.say(conversation, message)
                continue
            if self.recap in text and not all(shown.casefold() in text.casefold() for shown in booking["recap"]):
                raise RecapMisread()  # the regulator reads the recap and does not confirm it
            if picks:
                results["taken"] += picked  # offered again after a pick: another regulator took the time first
                offered, picked = picks, False
            asked = next((field for question, field in self.questions.items() if question in text), None)
            if asked:
                message = booking["answers"][asked]
            elif offered and aside:
                message, aside = aside, None  # the question or correction comes once the times are offered
            elif offered and not picked:
                message, picked = random.choice(offered[:3]), True
            elif picked:
                message = "oui"
            else:
                return None
            self.think()
            replies = self.say(conversation, message)
        return None

    def say(self, conversation: str, message: str) -> list[dict]:
        """One turn, sent again when it fails in flight; TurnFailed when it never got through."""
        for attempt in range(RETRIES + 1):
            started = time.perf_counter()
            with self.client.post("/webhooks/rest/webhook", json={"sender": conversation, "message": message},
                                  name="tour", catch_response=True, timeout=60) as answer:
                elapsed_ms = (time.perf_counter() - started) * 1000
                if answer.status_code == 401:
                    answer.success()  # the token expired: a new one, and the same turn again
                    self.sign_in()
                    continue
                replies = answer.json() if answer.status_code == 200 else None
                if replies:
                    answer.success()
                    results["turns_ms"].append(elapsed_ms)
                    results["transcripts"].setdefault(conversation, []).append([message, _texts(replies)])
                    return replies
                answer.failure(f"tour : {answer.status_code} {'sans réponse' if replies == [] else ''}")
            results["retries"] += 1
            gevent.sleep(min(2 ** attempt, 10))
        results["errors"] += 1
        raise TurnFailed()
