"""The actions over the real federated search: two agenda services on loopback with disjoint practitioners in the
same communes, `alpha` booked through its API by the assistant, `beta` on its own booking pages by the regulator."""
from __future__ import annotations

import secrets
from collections import Counter
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import httpx
import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.agenda_client import AgendaClient
from actions.booking import ActionBook
from actions.external_booking import ActionRecordExternalBooking
from actions.search import ActionSearchSlots
from actions.select_slot import ActionSelectSlot
from bot.agenda.accounts import create_account
from bot.agenda.db import make_engine, make_session_factory
from bot.sources.config import Source
from bot.sources.directory import PractitionerDirectory, from_agendas
from bot.sources.federated import FederatedSearch
from bot.sources.loopback import AgendaProcess
from bot.stack import free_port
from bot.vocabulary import SAS_TIMEZONE
from tests.actions.conftest import DOMAIN, PATIENT, make_tracker, responses, slot_events

PRACTITIONERS = 200


REGULATOR = "regulatrice"
CONVERSATION = f"{REGULATOR}/panneau-1"  # the agenda books for the regulator whose conversation it is


@pytest.fixture(scope="module")
def agendas(tmp_path_factory):
    alpha = AgendaProcess(tmp_path_factory.mktemp("alpha"), PRACTITIONERS)
    beta = AgendaProcess(tmp_path_factory.mktemp("beta"), PRACTITIONERS, rpps_offset=100_000)
    engine = make_engine(alpha.env["DATABASE_URL"])
    create_account(make_session_factory(engine), REGULATOR, datetime.now(timezone.utc),
                   password=secrets.token_urlsafe(16))
    engine.dispose()
    with alpha, beta:
        yield alpha, beta


def source(name: str, agenda: AgendaProcess, booking: str, url: str | None = None) -> Source:
    return Source(name=name, label=f"Agenda {name.capitalize()}", fhir_url=f"{url or agenda.url}/fhir",
                  booking=booking, token=agenda.token, timeout_s=2.0)


def federated(agendas, beta_url: str | None = None) -> tuple[FederatedSearch, dict[str, Source]]:
    """Both sources, beta's FHIR at `beta_url` when given; the directory is both agendas' own listings."""
    alpha, beta = agendas
    sources = {"alpha": source("alpha", alpha, "api"), "beta": source("beta", beta, "link", beta_url)}
    listed = [sources["alpha"], source("beta", beta, "api")]  # beta's /api/directory, read as the CSV would list it
    search = FederatedSearch(list(sources.values()), PractitionerDirectory(lambda: from_agendas(listed)),
                             ZoneInfo(SAS_TIMEZONE))
    return search, sources


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture(scope="module")
def shared_commune(agendas) -> str:
    """Where both agendas list the most general practitioners."""
    counts = []
    for agenda in agendas:
        listings = httpx.get(f"{agenda.url}/api/directory", headers={"Authorization": f"Bearer {agenda.token}"}).json()
        counts.append(Counter((item["address"]["postal_code"], item["address"]["commune"])
                              for item in listings["listings"] if item["practitioner"]["specialty"]["code"] == "SM54"))
    _, (postal_code, commune) = max((min(counts[0][key], counts[1][key]), key) for key in counts[0] if key in counts[1])
    return f"{postal_code} {commune}"


def tracker(slots: dict, **message):
    made = make_tracker(slots, **message)
    made.sender_id = CONVERSATION
    return made


def acting(action, search: FederatedSearch, sources: dict[str, Source], home: AgendaProcess):
    action.clock = lambda: datetime.now(timezone.utc)  # the agendas were seeded from the real clock
    action.search = lambda: search
    action.agenda = lambda: AgendaClient(home.url, 5.0, service_token=home.token)
    action.sources = lambda name: AgendaClient.of_source(sources[name])
    return action


async def search_in(agendas, place: str, dispatcher, beta_url: str | None = None) -> tuple[list[dict], dict]:
    """The search action run over both sources -> (the cards offered, the sources)."""
    search, sources = federated(agendas, beta_url)
    asked = tracker({**PATIENT, "symptomes": "fièvre depuis 3 jours", "localisation": place}, intent="rechercher")
    try:
        events = await acting(ActionSearchSlots(), search, sources, agendas[0]).run(dispatcher, asked, DOMAIN)
    finally:
        await search.aclose()
    return slot_events(events).get("creneaux_proposes") or [], sources


async def test_one_offer_mixes_both_agendas_each_card_saying_how_it_is_booked(agendas, shared_commune, dispatcher):
    cards, _sources = await search_in(agendas, shared_commune, dispatcher)
    said = responses(dispatcher)
    assert said[-1] == "utter_creneaux" and "utter_agenda_sans_reponse" not in said  # every agenda answered
    assert {card["source"] for card in cards} == {"alpha", "beta"}
    for card in cards:
        assert card["id"] == f'{card["source"]}:{card["source_slot_id"]}'
        assert card["payload"] == f'/choisir_creneau{{"creneau_id":"{card["id"]}"}}'
    beta = [card for card in cards if card["source"] == "beta"]
    assert all(c["booking"] == "link" and c["page"].startswith(agendas[1].url) for c in beta)
    assert all(c["booking"] == "api" for c in cards if c["source"] == "alpha")


async def test_an_api_slot_is_booked_at_its_agenda_with_its_id_there(agendas, shared_commune, dispatcher):
    cards, sources = await search_in(agendas, shared_commune, dispatcher)
    card = next(card for card in cards if card["source"] == "alpha")
    slots = {**PATIENT, "symptomes": "fièvre depuis 3 jours", "creneaux_proposes": cards, "creneau_id": card["id"]}
    picked = slot_events(await acting(ActionSelectSlot(), None, sources, agendas[0]).run(
        dispatcher, tracker(slots, text=card["payload"], intent="choisir_creneau"), DOMAIN))
    assert picked["creneau_choisi"]["id"] == card["id"] and picked["motif"]["label"]
    if picked["champs_a_demander"]:  # this practitioner requires more: given, as the form would
        slots.update({"civilite": "Madame", "email": "marie.durand@exemple.fr", "lieu_naissance": "Rennes"})
    booked = await acting(ActionBook(), None, sources, agendas[0]).run(
        dispatcher, tracker({**slots, **picked, "creneau_id": None}, text="oui", intent="affirm"), DOMAIN)
    assert responses(dispatcher)[-1] == "utter_confirmation", dispatcher.messages[-1]
    appointment = slot_events(booked)["rendez_vous"]
    at_alpha = httpx.get(f"{agendas[0].url}/api/appointments/{appointment['id']}",
                         headers={"Authorization": f"Bearer {agendas[0].token}", "X-SAS-Conversation": CONVERSATION})
    assert at_alpha.json()["slot"]["id"] == card["source_slot_id"] and at_alpha.json()["status"] == "booked"


async def test_a_link_slot_gives_its_page_and_booked_there_is_recorded_by_the_home_agenda(agendas, shared_commune,
                                                                                           dispatcher):
    cards, sources = await search_in(agendas, shared_commune, dispatcher)
    card = next(card for card in cards if card["source"] == "beta")
    slots = {**PATIENT, "creneaux_proposes": cards, "creneau_id": card["id"]}
    picked = slot_events(await acting(ActionSelectSlot(), None, sources, agendas[0]).run(
        dispatcher, tracker(slots, text=card["payload"], intent="choisir_creneau"), DOMAIN))
    link = dispatcher.messages[-1]
    assert link["response"] == "utter_reserver_sur_page" and link["page"] == card["page"]
    assert httpx.get(card["page"]).status_code == 200  # the page opens: beta's panel on that slot
    assert picked["etape"] == "lien"
    action = acting(ActionRecordExternalBooking(), None, sources, agendas[0])
    action.label = lambda name: sources[name].label
    recorded = await action.run(dispatcher, tracker({**slots, **picked}, intent="reservation_faite"), DOMAIN)
    assert responses(dispatcher)[-1] == "utter_reservation_externe_enregistree", dispatcher.messages[-1]
    assert dispatcher.messages[-1]["agenda"] == "Agenda Beta" and slot_events(recorded)["etape"] == "reserve"


async def test_an_agenda_that_does_not_answer_is_said_and_the_other_s_slots_are_offered(agendas, shared_commune,
                                                                                         dispatcher):
    nobody = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    cards, _sources = await search_in(agendas, shared_commune, dispatcher, beta_url=nobody)
    said = responses(dispatcher)
    assert said.index("utter_agenda_sans_reponse") < said.index("utter_creneaux") == len(said) - 1  # before the offer
    assert dispatcher.messages[said.index("utter_agenda_sans_reponse")]["agendas"] == "« Agenda Beta »"
    assert cards and {card["source"] for card in cards} == {"alpha"}


async def test_an_unknown_place_offers_the_close_ones(agendas, dispatcher):
    cards, _sources = await search_in(agendas, "Lyonn", dispatcher)
    assert responses(dispatcher) == ["utter_lieu_inconnu"] and cards == []
    assert "Lyon" in [button["title"] for button in dispatcher.messages[0]["buttons"]]
