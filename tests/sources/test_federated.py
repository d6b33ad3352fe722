"""The federated search over two real agendas on loopback: one offer mixing both in the SAS order, the agenda
search's semantics, and the sources that fail left out with a line naming them."""
from __future__ import annotations

import re
from collections import Counter

import httpx
import pytest

from bot.agenda.fhir import FHIR_JSON, IDENTIFIER_PARAM, RPPS_SYSTEM
from bot.sources.directory import make_directory
from bot.sources.federated import FederatedSearch, SourcesUnavailable, UnknownLocation
from bot.sources.loopback import LoopbackServer
from tests.sources.conftest import TZ, alpha_source, beta_source, federated

GP = "SM54"


@pytest.fixture(scope="module")
def shared_commune(directory_listings) -> str:
    """The commune where both agendas list the most general practitioners."""
    counts = {name: Counter((item["address"]["postal_code"], item["address"]["commune"]) for item in listings
                            if item["practitioner"]["specialty"]["code"] == GP)
              for name, listings in directory_listings.items()}
    both = [(min(counts["alpha"][key], counts["beta"][key]), key) for key in counts["alpha"] if key in counts["beta"]]
    _count, (postal_code, commune) = max(both)
    return f"{postal_code} {commune}"


def offer_sources(result) -> set[str]:
    return {slot.source for offer in result.offers for slot in offer.slots}


def sas_order_key(offer) -> tuple:
    return (0 if offer.medecin_traitant else 1 if offer.practitioner.sas_participant else 2,
            offer.slots[0].start, offer.distance_km)


async def test_a_commune_served_by_both_yields_one_offer_mixing_them_in_sas_order(sources, directory_file,
                                                                                  directory_listings, shared_commune,
                                                                                  window):
    holds = {name: {item["practitioner"]["rpps"] for item in listings} for name, listings in directory_listings.items()}
    search = federated(sources, directory_file)
    result = await search.search(location=shared_commune, start=window[0], end=window[1], limit=50)
    await search.aclose()

    assert offer_sources(result) == {"alpha", "beta"} and result.unanswered == []
    keys = [sas_order_key(offer) for offer in result.offers]
    assert keys == sorted(keys) and result.total >= len(result.offers) > 2
    for offer in result.offers:
        assert [s.start for s in offer.slots] == sorted(s.start for s in offer.slots)
        assert len({s.source for s in offer.slots}) == 1 and len(offer.slots) <= 4
        for slot in offer.slots:
            assert window[0] <= slot.start < window[1] and slot.mode == "cabinet"
            assert slot.id == f"{slot.source}:{slot.source_slot_id}" and slot.practitioner.specialty.code == GP
            assert slot.practitioner.rpps in holds[slot.source]
    link = [s for o in result.offers for s in o.slots if s.source == "beta"]
    api = [s for o in result.offers for s in o.slots if s.source == "alpha"]
    assert all(s.booking == "link" and s.booking_page.startswith("http://127.0.0.1:") for s in link)
    assert all(s.booking == "api" for s in api)
    assert all(m.label for s in link + api for m in s.motifs)


async def test_one_source_ranks_as_the_agenda_own_search(agendas, proxies, directory_file, window):
    """Through FHIR and the directory, the offer the agenda's /api/search gives for the same place and window."""
    alpha = agendas["alpha"]
    search = federated([alpha_source(proxies["alpha"].url, alpha.token)], directory_file)
    for place in ("Lyon", "Toulouse", "Rennes"):
        result = await search.search(location=place, start=window[0], end=window[1], limit=8, per_practitioner=3)
        own = httpx.get(f"{alpha.url}/api/search", headers={"Authorization": f"Bearer {alpha.token}"}, params={
            "location": place, "from": window[0].isoformat(), "to": window[1].isoformat(), "limit": 8,
            "per_practitioner": 3}).json()
        assert (result.total, result.radius_km, result.widened) == (own["total"], own["radius_km"], own["widened"])
        assert [(o.practitioner.rpps, o.distance_km, [s.start.isoformat() for s in o.slots],
                 [s.source_slot_id for s in o.slots]) for o in result.offers] == [
            (o["practitioner"]["rpps"], o["distance_km"], [s["start"] for s in o["slots"]], [s["id"] for s in o["slots"]])
            for o in own["offers"]]
    await search.aclose()


async def test_the_medecin_traitant_comes_first(sources, directory_file, directory_listings, shared_commune, window):
    search = federated(sources, directory_file)
    first = await search.search(location=shared_commune, start=window[0], end=window[1], limit=50)
    last = first.offers[-1].practitioner  # the last of the offer, named as the patient's médecin traitant
    result = await search.search(location=shared_commune, start=window[0], end=window[1],
                                 medecin_traitant=f"Dr {last.prenom} {last.nom}")
    await search.aclose()
    assert result.medecin_traitant.found and result.medecin_traitant.has_slots
    assert result.offers[0].practitioner.rpps == last.rpps and result.offers[0].medecin_traitant
    assert result.medecin_traitant.name == f"{last.civilite} {last.prenom} {last.nom}"


async def test_the_request_on_the_wire_is_the_contract(sources, proxies, directory_file, shared_commune, window):
    proxies["alpha"].requests.clear()
    search = federated(sources, directory_file)
    await search.search(location=shared_commune, start=window[0], end=window[1], limit=50)
    await search.aclose()
    assert proxies["alpha"].requests
    for path, params, headers in proxies["alpha"].requests:
        assert path == "/fhir/Slot"
        assert [name for name, _ in params] == [
            "_include", "_include:iterate", "status", "start", "start", IDENTIFIER_PARAM]
        values = dict(params[:3])
        assert values == {"_include": "Slot:schedule", "_include:iterate": "Schedule:actor", "status": "free"}
        assert params[3][1] == "ge" + window[0].isoformat() and params[4][1] == "le" + window[1].isoformat()
        identifiers = params[5][1].split(",")
        assert 1 <= len(identifiers) <= 25
        assert all(i.startswith(f"{RPPS_SYSTEM}|8") and len(i.split("|")[1]) == 12 for i in identifiers)
        assert headers["Accept"] == FHIR_JSON and headers["Authorization"].startswith("Bearer ")


async def test_a_source_slower_than_its_timeout_is_named_and_the_other_answers(sources, proxies, directory_file,
                                                                             shared_commune, window):
    proxies["beta"].delay_s = 2.0  # beta's timeout is 1 s
    search = federated(sources, directory_file)
    result = await search.search(location=shared_commune, start=window[0], end=window[1], limit=50)
    await search.aclose()
    assert offer_sources(result) == {"alpha"} and result.offers
    assert result.unanswered == ["Agenda Bêta"]


async def test_a_stopped_source_is_named_and_every_source_down_is_an_outage(agendas, proxies, directory_file,
                                                                          shared_commune, window):
    with LoopbackServer(lambda *_: (200, {}, b"")) as gone:
        stopped = gone.url  # nothing listens there any more once closed
    down = beta_source(stopped, agendas["beta"].token)
    search = federated([alpha_source(proxies["alpha"].url, agendas["alpha"].token), down], directory_file)
    result = await search.search(location=shared_commune, start=window[0], end=window[1], limit=50)
    assert offer_sources(result) == {"alpha"} and result.unanswered == ["Agenda Bêta"]
    await search.aclose()

    search = federated([alpha_source(stopped, agendas["alpha"].token), down], directory_file)
    with pytest.raises(SourcesUnavailable) as outage:
        await search.search(location=shared_commune, start=window[0], end=window[1])
    await search.aclose()
    assert sorted(outage.value.labels) == ["Agenda Alpha", "Agenda Bêta"]


MALFORMED = {
    "not JSON": (200, b"<html>Service indisponible</html>"),
    "not a Bundle": (200, b'{"resourceType": "Patient", "id": "1"}'),
    "invalid FHIR": (200, b'{"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": '
                          b'{"resourceType": "Slot", "id": "1", "status": "free", "start": "hier"}}]}'),
    "OperationOutcome": (400, b'{"resourceType": "OperationOutcome", "issue": [{"severity": "error", '
                              b'"code": "too-costly", "diagnostics": "Trop de praticiens"}]}'),
    "server error": (503, b""),
}


@pytest.mark.parametrize("answer", MALFORMED.values(), ids=MALFORMED.keys())
async def test_a_source_answering_outside_the_contract_is_skipped(agendas, proxies, directory_file, shared_commune,
                                                                 window, answer, caplog):
    status, body = answer
    with LoopbackServer(lambda *_: (status, {"Content-Type": FHIR_JSON}, body)) as broken:
        search = federated([alpha_source(proxies["alpha"].url, agendas["alpha"].token),
                            beta_source(broken.url, agendas["beta"].token)], directory_file)
        result = await search.search(location=shared_commune, start=window[0], end=window[1], limit=50)
        await search.aclose()
    assert offer_sources(result) == {"alpha"} and result.unanswered == ["Agenda Bêta"]
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("bot.sources")]
    # The source is named; neither a practitioner's RPPS nor what the answer says (it may quote the request).
    assert warnings and all("beta" in w and "Trop" not in w and not re.search(r"\d{11}", w) for w in warnings)


async def test_an_unknown_place_gives_close_ones(sources, directory_file, window):
    search = federated(sources, directory_file)
    with pytest.raises(UnknownLocation) as unknown:
        await search.search(location="Toulouze", start=window[0], end=window[1])
    assert "Toulouse" in unknown.value.suggestions and "Lieu inconnu" in unknown.value.message


async def test_without_a_directory_file_the_directory_is_the_agendas_and_their_outage_is_said(agendas, window):
    alpha = agendas["alpha"]
    source = alpha_source(alpha.url, alpha.token)
    search = FederatedSearch([source], make_directory([source], None), TZ)
    result = await search.search(location="Lyon", start=window[0], end=window[1])
    await search.aclose()
    assert result.offers and {s.source for o in result.offers for s in o.slots} == {"alpha"}

    with LoopbackServer(lambda *_: (200, {}, b"")) as gone:
        stopped = alpha_source(gone.url, alpha.token)
    search = FederatedSearch([stopped], make_directory([stopped], None), TZ)
    with pytest.raises(SourcesUnavailable) as outage:
        await search.search(location="Lyon", start=window[0], end=window[1])
    assert outage.value.labels == ["Agenda Alpha"]
