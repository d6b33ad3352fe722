"""Reading one source's searchset: a real answer of our agenda, then copies of it changed one way at a time."""
from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone

import httpx
import pytest
from pydantic import ValidationError

from bot.agenda.fhir import FHIR_JSON, SLOT_TYPE_SYSTEM
from bot.sources.fhir_slots import MalformedAnswer, read_searchset, search_params


@pytest.fixture(scope="module")
def answer(agendas, directory_listings) -> tuple[dict, set[str]]:
    """Our agenda's searchset for 25 of its general practitioners over 48 hours."""
    agenda = agendas["alpha"]
    rpps = sorted({item["practitioner"]["rpps"] for item in directory_listings["alpha"]
                   if item["practitioner"]["specialty"]["code"] == "SM54"})[:25]
    start = datetime.now(timezone.utc).replace(microsecond=0)
    response = httpx.get(f"{agenda.url}/fhir/Slot", params=search_params(rpps, start, start + timedelta(hours=48)),
                         headers={"Authorization": f"Bearer {agenda.token}", "Accept": FHIR_JSON})
    body = response.raise_for_status().json()
    assert body["total"] > 10
    return body, set(rpps)


def slots_of(body: dict) -> list[dict]:
    return [e["resource"] for e in body["entry"] if e["resource"]["resourceType"] == "Slot"]


def test_a_real_searchset_is_read_whole(answer):
    body, asked = answer
    read = read_searchset(body, asked)
    assert [s.id for s in read] == [s["id"] for s in slots_of(body)]
    for slot in read:
        assert slot.rpps in asked and slot.start < slot.end and slot.start.tzinfo is not None
        assert slot.modes <= {"cabinet", "video", "domicile"} and slot.modes
        assert slot.address.line and slot.address.postal_code and slot.address.commune
        assert slot.booking_page.startswith("http://127.0.0.1:") and slot.booking_page.endswith(f"creneau={slot.id}")
        assert slot.motifs and slot.snp == ("Soins non programmés" in slot.motifs)


def changed(body: dict, change) -> dict:
    """A copy of the answer with its first Slot changed."""
    body = copy.deepcopy(body)
    change(slots_of(body)[0])
    return body


def typed(*codes: str):
    def change(slot: dict) -> None:
        slot["meta"]["security"] = [{"system": SLOT_TYPE_SYSTEM, "code": code} for code in codes]
        slot["serviceType"] = [kind for kind in slot["serviceType"] if kind.get("text") != "Soins non programmés"]
    return change


@pytest.mark.parametrize("codes, kept", [(("PRO",), False), (("PRO", "SNP"), True), (("PUBLIC",), True), ((), False)])
def test_only_public_or_snp_slots_are_kept(answer, codes, kept):
    body, asked = answer
    first = slots_of(body)[0]["id"]
    assert any(s.id == first for s in read_searchset(changed(body, typed(*codes)), asked)) == kept


def test_a_walk_in_slot_is_not_offered(answer):
    body, asked = answer
    walk_in = changed(body, lambda slot: slot["appointmentType"]["coding"][0].update(code="WALKIN"))
    assert slots_of(body)[0]["id"] not in {s.id for s in read_searchset(walk_in, asked)}


def test_a_booking_page_that_is_not_a_web_address_is_never_offered(answer):
    body, asked = answer
    read = read_searchset(changed(body, lambda slot: slot.update(comment="javascript:alert(1)")), asked)
    assert read[0].booking_page is None


MALFORMED = {
    "no Location": (lambda body: [e["resource"].pop("contained") for e in body["entry"]
                                  if e["resource"]["resourceType"] == "PractitionerRole"], MalformedAnswer),
    "Schedule not included": (lambda body: body.update(entry=[e for e in body["entry"]
                                                             if e["resource"]["resourceType"] != "Schedule"]),
                              MalformedAnswer),
    "no mode": (lambda body: [s.update(serviceType=[{"text": "Consultation"}]) for s in slots_of(body)],
                MalformedAnswer),
    "start not an instant": (lambda body: slots_of(body)[-1].update(start="demain matin"), ValidationError),
    "a coding not a list": (lambda body: slots_of(body)[-1]["serviceType"][0].update(coding={"code": "AMB"}),
                            ValidationError),
    "not a searchset": (lambda body: body.update(type="collection"), MalformedAnswer),
    "unknown resource": (lambda body: body["entry"].append({"resource": {"resourceType": "Creneau"}}), MalformedAnswer),
    # entries are validated by shape: each one's own full URL and search mode are still checked
    "a full URL not a string": (lambda body: body["entry"][-1].update(fullUrl=42), MalformedAnswer),
    "a search mode not a code": (lambda body: body["entry"][-1].update(search={"mode": ["match"]}), ValidationError),
}


@pytest.mark.parametrize("change, error", MALFORMED.values(), ids=MALFORMED.keys())
def test_an_answer_outside_the_contract_is_refused_whole(answer, change, error):
    body, asked = answer
    read_searchset(body, asked)  # its resources, valid, are remembered: a change must still be seen
    broken = copy.deepcopy(body)
    change(broken)
    with pytest.raises(error):
        read_searchset(broken, asked)


def test_a_slot_of_a_practitioner_not_asked_for_is_refused(answer):
    body, asked = answer
    with pytest.raises(MalformedAnswer, match="not asked"):
        read_searchset(body, set(sorted(asked)[:1]) | {"00000000000"})


def test_at_most_25_practitioners_a_request():
    now = datetime(2026, 3, 16, 8, tzinfo=timezone.utc)
    with pytest.raises(ValueError):
        search_params([f"{10000000000 + i}" for i in range(26)], now, now)
    with pytest.raises(ValueError):
        search_params([], now, now)
