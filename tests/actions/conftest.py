"""Trackers built from events, a CollectingDispatcher, and the agenda client over an httpx.MockTransport."""
from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.agenda_client import AgendaClient
from bot.agenda.contract import SearchResult, Slot
from bot.referral.cards import slot_card
from bot.vocabulary import PATIENT_FIELDS

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
DOMAIN = {"responses": {"utter_avertissement_message": [{"text": "⚠ Attention : message non lu en temps réel."}]}}

PATIENT = {
    "civilite": "Madame", "prenom": "Marie", "nom": "Durand", "nom_naissance": "Martin",
    "date_naissance": "1952-11-21", "telephone": "+33645372653",
}


def agenda_slot(slot_id: str, hour: int, nom: str = "Thomas", snp: bool = True, day: int = 25) -> dict:
    return {
        "id": slot_id, "start": f"2026-11-{day}T{hour:02d}:30:00+01:00", "end": f"2026-11-{day}T{hour:02d}:50:00+01:00",
        "mode": "cabinet", "snp": snp, "distance_km": 1.234,
        "practitioner": {"rpps": "10001234567", "civilite": "Madame", "nom": nom, "prenom": "Claire",
                         "specialty": {"code": "SM54", "label": "Médecine générale"}, "sas_participant": True},
        "address": {"line": "3 rue Paul Bert", "postal_code": "69003", "commune": "Lyon"},
        "motifs": [{"id": "m1", "label": "Soins non programmés", "snp": True}],
    }


def agenda_offer(nom: str, *hours: int, medecin_traitant: bool = False, sas: bool = True) -> dict:
    """One practitioner of a search answer with their slots at these hours (ids: first letter and hour, "t9")."""
    slots = [agenda_slot(f"{nom[0].lower()}{hour}", hour, nom) for hour in hours]
    practitioner = {**slots[0]["practitioner"], "sas_participant": sas}
    return {"practitioner": practitioner, "address": slots[0]["address"], "distance_km": 1.234, "snp": True,
            "medecin_traitant": medecin_traitant, "slots": [{**slot, "practitioner": practitioner} for slot in slots]}


def search_answer(offers: list[dict], radius_km: float = 5, total: int | None = None, widened: bool = False,
                  window_widened: bool = False, medecin_traitant: dict | None = None) -> dict:
    return {
        "location": {"label": "Lyon 3e Arrondissement (69003)", "commune": "Lyon 3e Arrondissement",
                     "postal_code": "69003", "insee": "69383", "lat": 45.76, "lon": 4.85},
        "radius_km": radius_km, "widened": widened,
        "window": {"from": "2026-11-25T10:00:00+01:00", "to": "2026-11-27T10:00:00+01:00"},
        "window_widened": window_widened, "total": len(offers) if total is None else total, "offers": offers,
        "medecin_traitant": medecin_traitant,
    }


def appointment_answer(appointment_id: str = "42", reference: str = "SAS-7K2M9Q", status: str = "booked") -> dict:
    return {
        "id": appointment_id, "reference": reference, "status": status,
        "created_at": "2026-11-25T10:00:00+01:00", "updated_at": "2026-11-25T10:00:00+01:00",
        "slot": {**agenda_slot("s1", 9), "distance_km": None, "status": "booked"},
        "motif": {"id": "m1", "label": "Soins non programmés", "snp": True},
        "patient": {**dict.fromkeys(PATIENT_FIELDS), **PATIENT}, "message": None, "regulator": "regulateur-1",
        "attachments": [],
    }


def agenda_card(slot_id: str, hour: int, nom: str = "Thomas") -> dict:
    """The card an offered slot becomes, as the search keeps it in the tracker."""
    return slot_card(Slot.parse_obj(agenda_slot(slot_id, hour, nom)), "Europe/Paris")


def make_tracker(slots: dict | None = None, text: str = "", intent: str = "inform", entities=(), events=None,
                 active_loop: str | None = None) -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": list(entities)}
    loop = {"name": active_loop} if active_loop else {}
    return Tracker("regulateur-1", dict(slots or {}), message, list(events or []), False, None, loop, "action_listen")


class FakeAgenda:
    """A scripted agenda behind a real httpx client: routes map "METHOD /path" to (status, body)."""

    def __init__(self):
        self.routes: dict[str, tuple[int, dict] | Exception] = {}
        self.requests: list[httpx.Request] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.routes.get(f"{request.method} {request.url.path}")
        if isinstance(answer, Exception):
            raise answer
        if answer is None:
            return httpx.Response(404, json={"detail": "not found"})
        status, body = answer
        return httpx.Response(status, json=body)

    def client(self) -> AgendaClient:
        return AgendaClient("http://agenda.test", 1.0, transport=httpx.MockTransport(self.handler))

    def sent_json(self, index: int = -1) -> dict:
        return json.loads(self.requests[index].content)


class CannedSearch:
    """The federated search (bot.sources.federated) answering `answer` (a `search_answer` or an exception) and
    keeping what it was asked: for what the actions make of an offer of a given shape. The search itself runs
    against agendas on loopback in test_federated_search.py."""

    def __init__(self):
        self.answer: dict | Exception | list = search_answer([])  # a list: one answer a search, the last repeated
        self.calls: list[dict] = []

    async def search(self, **asked) -> SearchResult:
        self.calls.append(asked)
        answer = self.answer[min(len(self.calls), len(self.answer)) - 1] if isinstance(self.answer, list) else self.answer
        if isinstance(answer, Exception):
            raise answer
        return SearchResult.parse_obj(answer)


@pytest.fixture
def agenda() -> FakeAgenda:
    return FakeAgenda()


@pytest.fixture
def searched() -> CannedSearch:
    return CannedSearch()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") for m in dispatcher.messages]


def slot_events(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
