"""The FHIR API over real HTTP on loopback, against a migrated SQLite database.

Part 1: the SAS search parameters, eligibility and the Bundle's shape.
Part 2: our resources compared, path by path, with the ANS guide's examples (FHIR Shorthand files copied
under fixtures/ with their licence): every path an example sets must exist in our JSON, with the same
code system, and the same code wherever the code does not depend on the slot's own data.
"""
from __future__ import annotations

import re
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import uvicorn

from bot.agenda import fhir, geo
from bot.agenda.api import create_app
from bot.agenda.catalog import add_slot
from bot.agenda.db import make_engine, make_session_factory, migrate
from bot.agenda.fhir import RPPS_SYSTEM
from bot.agenda.models import Motif, Place, Practitioner
from bot.settings import get_settings

EXAMPLES = Path(__file__).parent / "fixtures" / "ans-sas-ig-examples"
NOW = datetime(2025, 3, 10, 8, 0, tzinfo=timezone.utc)  # a Monday, 9:00 in Paris
WINDOW = ("ge2025-03-10T00:00:00.000+01:00", "le2025-03-12T23:59:59.999+01:00")
FHIR_JSON = "application/fhir+json"


# --- a small agenda -------------------------------------------------------------------------------------


@dataclass
class Agenda:
    url: str
    slots: dict[str, int]  # name -> slot id
    rpps: dict[str, str]  # name -> RPPS
    service_token: str  # how a SAS platform calls it here: a service's credentials


def _place(practitioner: Practitioner, line: str, postal_code_and_city: str) -> Place:
    found = geo.geocode(f"{line} {postal_code_and_city}")
    return Place(
        practitioner=practitioner, address_line=line, postal_code=found.postal_code, commune=found.commune,
        insee=found.insee, departement=found.departement, lat=found.lat, lon=found.lon,
    )


def _seed(session) -> tuple[dict[str, int], dict[str, str]]:
    general = Practitioner(
        rpps="10000000001", civilite="Dr", nom="Martin", prenom="Claire", specialty_code="SM54",
        specialty_label="Médecine générale", accepts_new_patients=True, sas_participant=True,
    )
    paediatrician = Practitioner(
        rpps="10000000002", civilite="Dr", nom="Bernard", prenom="Louis", specialty_code="SM40",
        specialty_label="Pédiatrie", accepts_new_patients=True, sas_participant=False,
    )
    not_asked = Practitioner(
        rpps="10000000003", civilite="Dr", nom="Petit", prenom="Anne", specialty_code="SM54",
        specialty_label="Médecine générale",
    )
    lyon = _place(general, "12 rue Paul Bert", "69003 Lyon")
    marseille_home = _place(paediatrician, "3 avenue du Prado", "13008 Marseille")
    marseille_office = _place(paediatrician, "40 rue Paradis", "13001 Marseille")
    elsewhere = _place(not_asked, "1 place Bellecour", "69002 Lyon")
    first_visit = Motif(practitioner=general, label="Adulte - Première consultation de médecine générale",
                        population="adult", new_patients=True, cabinet=True, video=True)
    followed = Motif(practitioner=general, label="Consultation de suivi (patients du cabinet)",
                     new_patients=False, cabinet=True)
    snp = Motif(practitioner=general, label="Soins non programmés", snp=True, cabinet=True)
    child = Motif(practitioner=paediatrician, label="Enfant - Consultation", population="child",
                  new_patients=True, cabinet=True, domicile=True)
    other = Motif(practitioner=not_asked, label="Adulte - Consultation", new_patients=True)
    session.add_all([general, paediatrician, not_asked, lyon, marseille_home, marseille_office, elsewhere])

    def at(hours: float, minutes: int = 20):
        start = NOW + timedelta(hours=hours)
        return start, start + timedelta(minutes=minutes)

    slots = {
        "public": add_slot(session, general, lyon, *at(2), [first_visit, followed]),
        "snp": add_slot(session, general, lyon, *at(3), [snp], bookable_online=False, new_patients=False),
        "video": add_slot(session, general, lyon, *at(4), [first_visit], mode="video"),
        "home": add_slot(session, paediatrician, marseille_home, *at(26), [child], mode="domicile"),
        "office": add_slot(session, paediatrician, marseille_office, *at(27), [child]),
        # Never offered:
        "followed_only": add_slot(session, general, lyon, *at(5), [followed], new_patients=False),
        "not_online": add_slot(session, general, lyon, *at(6), [first_visit], bookable_online=False),
        "booked": add_slot(session, general, lyon, *at(7), [first_visit], status="booked"),
        "past": add_slot(session, general, lyon, *at(-1), [first_visit]),
        "after_window": add_slot(session, general, lyon, *at(24 * 4), [first_visit]),
        "not_asked": add_slot(session, not_asked, elsewhere, *at(2), [other]),
    }
    session.commit()
    return {name: slot.id for name, slot in slots.items()}, {
        "general": general.rpps, "paediatrician": paediatrician.rpps, "not_asked": not_asked.rpps,
    }


@pytest.fixture(scope="module")
def agenda(tmp_path_factory) -> Agenda:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('fhir') / 'agenda.db'}")
    migrate(engine)
    session_factory = make_session_factory(engine)
    with session_factory() as session:
        slots, rpps = _seed(session)
    settings = get_settings().copy(update={"secrets_dir": tmp_path_factory.mktemp("secrets")})
    app = create_app(session_factory, settings=settings, clock=lambda: NOW, attachments_dir=tmp_path_factory.mktemp("files"))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    # ws="none": Rasa pins an old websockets that uvicorn's auto-detection cannot import.
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the agenda did not start on loopback"
    service_token = app.state.settings.service_token.get_secret_value()
    yield Agenda(f"http://127.0.0.1:{sock.getsockname()[1]}", slots, rpps, service_token)
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


def slot_query(*rpps: str, window=WINDOW, status="free", includes=True) -> str:
    params = []
    if includes:
        params += ["_include=Slot:schedule", "_include:iterate=Schedule:actor"]
    if status is not None:
        params.append(f"status={status}")
    params += [f"start={quote(bound)}" for bound in window]
    if rpps:
        identifiers = ",".join(f"{RPPS_SYSTEM}|8{number}" for number in rpps)
        params.append(f"schedule.actor:Practitioner.identifier={quote(identifiers, safe=',')}")
    return "/fhir/Slot?" + "&".join(params)


def get(agenda: Agenda, path: str) -> httpx.Response:
    return httpx.get(agenda.url + path, headers={"Accept": FHIR_JSON, "Authorization": f"Bearer {agenda.service_token}"},
                     timeout=10)


def bundle_for(agenda: Agenda, *names: str, **options) -> dict:
    response = get(agenda, slot_query(*(agenda.rpps[name] for name in names), **options))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(FHIR_JSON)
    return response.json()


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


# --- part 1: the search ---------------------------------------------------------------------------------


def test_search_returns_only_eligible_free_future_slots_of_the_practitioners_asked(agenda):
    bundle = bundle_for(agenda, "general", "paediatrician")
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "searchset")
    expected = {agenda.slots[name] for name in ("public", "snp", "video", "home", "office")}
    assert {int(slot["id"]) for slot in resources(bundle, "Slot")} == expected
    assert bundle["total"] == len(expected)


def test_each_slot_is_followed_by_what_it_includes_once(agenda):
    bundle = bundle_for(agenda, "general", "paediatrician")
    modes = {e["resource"]["resourceType"]: set() for e in bundle["entry"]}
    for entry in bundle["entry"]:
        modes[entry["resource"]["resourceType"]].add(entry["search"]["mode"])
        resource = entry["resource"]
        assert entry["fullUrl"] == f"{agenda.url}/fhir/{resource['resourceType']}/{resource['id']}"
    assert modes == {
        "Slot": {"match"}, "Schedule": {"include"}, "Practitioner": {"include"}, "PractitionerRole": {"include"},
    }
    keys = [e["fullUrl"] for e in bundle["entry"]]
    assert len(keys) == len(set(keys))
    assert len(resources(bundle, "Practitioner")) == 2
    assert len(resources(bundle, "Schedule")) == len(resources(bundle, "PractitionerRole")) == 3  # 3 places
    first_slot = bundle["entry"][0]["resource"]
    assert bundle["entry"][1]["resource"]["resourceType"] == "Schedule"
    assert first_slot["schedule"]["reference"] == f"Schedule/{bundle['entry'][1]['resource']['id']}"


def test_references_resolve_inside_the_bundle(agenda):
    bundle = bundle_for(agenda, "general", "paediatrician")
    present = {f"{e['resource']['resourceType']}/{e['resource']['id']}" for e in bundle["entry"]}
    for slot in resources(bundle, "Slot"):
        assert slot["schedule"]["reference"] in present
    for schedule in resources(bundle, "Schedule"):
        assert {actor["reference"].split("/")[0] for actor in schedule["actor"]} == {"Practitioner", "PractitionerRole"}
        assert all(actor["reference"] in present for actor in schedule["actor"])
    for role in resources(bundle, "PractitionerRole"):
        assert role["practitioner"]["reference"] in present
        contained = {f"#{r['id']}" for r in role["contained"]}
        assert [loc["reference"] for loc in role["location"]] == sorted(contained)


def test_the_motifs_read_a_few_slots_at_a_time_give_the_same_bundle(agenda, monkeypatch):
    whole = bundle_for(agenda, "general", "paediatrician")
    monkeypatch.setattr(fhir, "MOTIFS_READ", 2)  # 5 slots: their motifs in three statements
    assert bundle_for(agenda, "general", "paediatrician") == whole


def test_without_include_only_slots_come_back(agenda):
    bundle = bundle_for(agenda, "general", includes=False)
    assert {e["resource"]["resourceType"] for e in bundle["entry"]} == {"Slot"}
    assert bundle["total"] == 3


def test_slot_fields(agenda):
    bundle = bundle_for(agenda, "general", "paediatrician")
    by_id = {int(s["id"]): s for s in resources(bundle, "Slot")}
    public, snp = by_id[agenda.slots["public"]], by_id[agenda.slots["snp"]]
    assert [c["code"] for c in public["meta"]["security"]] == ["PUBLIC"]
    assert [c["code"] for c in snp["meta"]["security"]] == ["SNP"]
    # The motif reserved to followed patients is not offered through SAS.
    assert [s["text"] for s in public["serviceType"]] == ["Adulte - Première consultation de médecine générale"]
    assert [s["text"] for s in snp["serviceType"]] == ["Soins non programmés"]
    modes = {name: by_id[agenda.slots[name]]["serviceType"][0]["coding"][0]["code"]
             for name in ("public", "video", "home")}
    assert modes == {"public": "AMB", "video": "VR", "home": "HH"}
    assert public["specialty"][0]["coding"][0]["code"] == "SM54"
    assert by_id[agenda.slots["home"]]["specialty"][0]["coding"][0]["code"] == "SM40"
    assert public["appointmentType"]["coding"][0]["code"] == "ROUTINE"
    assert public["status"] == "free"
    start = datetime.fromisoformat(public["start"])
    assert start == NOW + timedelta(hours=2)
    assert datetime.fromisoformat(public["end"]) - start == timedelta(minutes=20)
    assert public["comment"].startswith(agenda.url) and str(agenda.slots["public"]) in public["comment"]


def test_practitioner_and_role_fields(agenda):
    bundle = bundle_for(agenda, "paediatrician")
    (practitioner,) = resources(bundle, "Practitioner")
    assert practitioner["identifier"] == [{
        "type": {"coding": [{"system": "http://interopsante.org/fhir/CodeSystem/fr-v2-0203", "code": "IDNPS"}]},
        "system": RPPS_SYSTEM,
        "value": "810000000002",
    }]
    assert practitioner["name"][0]["family"] == "Bernard" and practitioner["name"][0]["given"] == ["Louis"]
    roles = sorted(resources(bundle, "PractitionerRole"), key=lambda r: int(r["id"]))
    assert [r["organization"]["identifier"]["value"] for r in roles] == ["410000000002001", "410000000002002"]
    addresses = [r["contained"][0]["address"] for r in roles]
    assert {a["postalCode"] for a in addresses} == {"13008", "13001"}
    assert {a["city"] for a in addresses} == {"Marseille 8e Arrondissement", "Marseille 1er Arrondissement"}
    assert all(len(a["line"]) == 1 and a["line"][0] for a in addresses)


def test_window_is_applied_with_bare_dates_and_unescaped_offsets(agenda):
    # Day 1 only, as bare dates: the paediatrician's slots (day 2) stay out.
    bundle = bundle_for(agenda, "general", "paediatrician", window=("ge2025-03-10", "le2025-03-10"))
    assert bundle["total"] == 3
    # An unescaped "+" arrives as a space; the offset must still be read.
    raw = slot_query(agenda.rpps["general"]).replace("%2B", "+")
    assert get(agenda, raw).json()["total"] == 3


def test_no_slot_is_an_empty_searchset_not_an_error(agenda):
    bundle = bundle_for(agenda, "general", window=("ge2025-04-01T00:00:00Z", "le2025-04-02T00:00:00Z"))
    assert (bundle["total"], bundle.get("entry")) == (0, [])
    unknown = get(agenda, slot_query("99999999999"))
    assert unknown.status_code == 200 and unknown.json()["total"] == 0


def test_identifiers_may_be_repeated_or_comma_separated(agenda):
    one_param = bundle_for(agenda, "general", "paediatrician")
    repeated = slot_query(agenda.rpps["general"]) + "&schedule.actor:Practitioner.identifier=" + quote(
        f"{RPPS_SYSTEM}|8{agenda.rpps['paediatrician']}"
    )
    assert get(agenda, repeated).json()["total"] == one_param["total"] == 5


def _outcome(agenda: Agenda, path: str) -> list[dict]:
    response = get(agenda, path)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith(FHIR_JSON)
    outcome = response.json()
    assert outcome["resourceType"] == "OperationOutcome"
    assert all(issue["severity"] == "error" for issue in outcome["issue"])
    return outcome["issue"]


@pytest.mark.parametrize(
    "window, words",
    [
        ((WINDOW[0],), "start=le"),
        ((WINDOW[1],), "start=ge"),
        ((), "start=ge"),
        (("2025-03-10", WINDOW[1]), "start invalide"),
        (("ge2025-13-10", WINDOW[1]), "Date invalide"),
        (("ge2025-03-12", "le2025-03-10"), "fenêtre est vide"),
    ],
)
def test_window_errors(agenda, window, words):
    issues = _outcome(agenda, slot_query(agenda.rpps["general"], window=window))
    assert any(words in issue["diagnostics"] for issue in issues), issues


@pytest.mark.parametrize("status, words", [(None, "status=free"), ("busy", "créneaux libres")])
def test_status_must_be_free(agenda, status, words):
    issues = _outcome(agenda, slot_query(agenda.rpps["general"], status=status))
    assert any(words in issue["diagnostics"] for issue in issues)


def test_identifiers_are_mandatory_and_checked(agenda):
    assert "obligatoire" in _outcome(agenda, slot_query())[0]["diagnostics"]
    too_many = [f"{n:011d}" for n in range(1, 27)]
    assert "25 au plus" in _outcome(agenda, slot_query(*too_many))[0]["diagnostics"]
    assert get(agenda, slot_query(*too_many[:25])).status_code == 200
    wrong_system = slot_query(agenda.rpps["general"]).replace(quote(RPPS_SYSTEM, safe=""), "urn:oid:1.2.3")
    assert "invalide" in _outcome(agenda, wrong_system)[0]["diagnostics"]
    without_prefix = slot_query(agenda.rpps["general"]).replace("%7C8", "%7C")
    assert "invalide" in _outcome(agenda, without_prefix)[0]["diagnostics"]


def test_every_problem_is_reported_at_once(agenda):
    issues = _outcome(agenda, slot_query(window=(), status=None))
    assert {issue["code"] for issue in issues} == {"required"}
    assert len(issues) == 4  # ge, le, status, identifiers


def test_metadata_is_a_capability_statement(agenda):
    response = get(agenda, "/fhir/metadata")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(FHIR_JSON)
    statement = response.json()
    assert (statement["resourceType"], statement["fhirVersion"], statement["kind"]) == (
        "CapabilityStatement", "4.0.1", "instance",
    )
    (rest,) = statement["rest"]
    slot = next(r for r in rest["resource"] if r["type"] == "Slot")
    assert slot["interaction"] == [{"code": "search-type"}]
    assert set(slot["searchInclude"]) == {"Slot:schedule", "Schedule:actor"}
    assert {p["name"] for p in slot["searchParam"]} == {
        "start", "status", "schedule.actor:Practitioner.identifier",
    }
    appointment = next(r for r in rest["resource"] if r["type"] == "Appointment")
    assert appointment["profile"].endswith("/FrAppointmentSAS") and appointment["conditionalUpdate"] is True


# --- part 2: the guide's examples, path by path ----------------------------------------------------------

ALIASES = {
    "$v3-ActCode": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
    "$v2-0276": "http://terminology.hl7.org/CodeSystem/v2-0276",
}
PROFILE_TYPES = {
    "FrSlotAgregateur": "Slot",
    "FrScheduleAgregateur": "Schedule",
    "FrPractitionerAgregateur": "Practitioner",
    "FrPractitionerRoleExerciceAgregateur": "PractitionerRole",
    "FrLocationAgregateur": "Location",
    "BundleAgregateur": "Bundle",
}
# Codes that depend on the slot or practitioner at hand: the system must match, the code must be one we serve.
DATA_CODES = {
    "meta.security": {"PUBLIC", "SNP"},
    "serviceType.coding": {"AMB", "VR", "HH"},
    "specialty.coding": {"SM54", "SM40"},
}
# Paths of an example for which we hold no data: the practice's phone number.
NOT_HELD = {"telecom.system", "telecom.value"}
INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}")


@dataclass(frozen=True)
class Value:
    kind: str  # "string" | "code" | "reference" | "instance" | "number"
    text: str
    system: str | None = None


@dataclass(frozen=True)
class Example:
    name: str
    resource_type: str
    rules: tuple[tuple[str, str, Value], ...]  # (path without indices, raw path, value)


def parse_value(raw: str) -> Value:
    raw = raw.strip()
    if raw.startswith('"'):
        return Value("string", raw.strip('"'))
    if raw.startswith("Reference("):
        return Value("reference", raw[len("Reference("):-1])
    if "#" in raw:
        system, code = raw.split("#", 1)
        return Value("code", code, ALIASES.get(system, system) or None)
    if raw.isdigit():
        return Value("number", raw)
    return Value("instance", raw)


def parse_fsh(path: Path) -> Example:
    text = path.read_text(encoding="utf-8")
    name = re.search(r"^Instance:\s*(\S+)", text, re.M).group(1)
    profile = re.search(r"^InstanceOf:\s*(\S+)", text, re.M).group(1)
    rules = []
    for line in text.splitlines():
        match = re.match(r"^\*\s+(\S+)\s*=\s*(.+)$", line.strip())
        if match:
            raw_path = match.group(1)
            rules.append((re.sub(r"\[[^\]]*\]", "", raw_path), raw_path, parse_value(match.group(2))))
    return Example(name, PROFILE_TYPES[profile], tuple(rules))


@pytest.fixture(scope="module")
def examples() -> dict[str, Example]:
    parsed = [parse_fsh(path) for path in sorted(EXAMPLES.glob("*.fsh"))]
    return {example.name: example for example in parsed}


def values_at(node, path: str) -> list:
    found = [node]
    for key in path.split("."):
        step = []
        for item in found:
            for element in item if isinstance(item, list) else [item]:
                if isinstance(element, dict) and key in element:
                    value = element[key]
                    step.extend(value if isinstance(value, list) else [value])
        found = step
    return found


def codings(found: list) -> list[tuple[str | None, str]]:
    result = []
    for item in found:
        if isinstance(item, str):
            result.append((None, item))  # a primitive code
        elif "coding" in item:
            result.extend((c.get("system"), c["code"]) for c in item["coding"])
        else:
            result.append((item.get("system"), item["code"]))
    return result


def same_shape(expected: str, ours: str) -> bool:
    if INSTANT.fullmatch(expected):
        return bool(INSTANT.fullmatch(ours))
    if expected.startswith(("http://", "https://")) and not expected.startswith("https://editeur"):
        return ours.startswith(("http://", "https://"))
    if expected.isdigit():
        return ours.isdigit()
    return bool(ours)


def assert_like(example: Example, ours: dict, examples: dict[str, Example]) -> None:
    """Every path the example sets is in `ours`, with the example's system, code and shape of value."""
    assert ours["resourceType"] == example.resource_type
    for path, raw_path, value in example.rules:
        if path in NOT_HELD:
            continue
        found = values_at(ours, path)
        where = f"{example.name}: {raw_path} = {value.text}"
        assert found, f"{where} is missing from ours"
        if value.kind == "string":
            assert any(isinstance(v, str) and same_shape(value.text, v) for v in found), (where, found)
        elif value.kind == "number":
            assert all(isinstance(v, int) for v in found), (where, found)
        elif value.kind == "code":
            ours_codes = codings(found)
            assert value.system in {system for system, _ in ours_codes}, (where, ours_codes)
            codes = {code for system, code in ours_codes if system == value.system}
            if path in DATA_CODES:
                assert codes <= DATA_CODES[path], (where, codes)
            else:
                assert value.text in codes, (where, codes)
        elif value.kind == "reference":
            target = examples[value.text].resource_type
            prefix = "#" if target == "Location" else f"{target}/"
            assert any(v["reference"].startswith(prefix) for v in found), (where, found)
        else:  # an inline instance: compare it in turn
            inline = examples[value.text]
            matching = [v for v in found if v.get("resourceType") == inline.resource_type]
            assert matching, (where, found)
            assert_like(inline, matching[0], examples)


@pytest.mark.parametrize(
    "example_name, slot_name",
    [("ExampleSlotPSIndiv1", "public"), ("ExampleSlotPSIndiv3", "video"), ("ExampleSlotPSIndiv4", "home")],
)
def test_slots_match_the_guide_examples(agenda, examples, example_name, slot_name):
    bundle = bundle_for(agenda, "general", "paediatrician")
    (ours,) = [s for s in resources(bundle, "Slot") if int(s["id"]) == agenda.slots[slot_name]]
    assert_like(examples[example_name], ours, examples)


@pytest.mark.parametrize(
    "example_names, kind",
    [
        (["ExampleSchedule", "ExampleSchedule1"], "Schedule"),
        (["ExamplePractitioner", "ExamplePractitioner2"], "Practitioner"),
        (["ExamplePractitionerRoleAgregateur", "ExamplePractitionerRoleAgregateur2"], "PractitionerRole"),
    ],
)
def test_included_resources_match_the_guide_examples(agenda, examples, example_names, kind):
    bundle = bundle_for(agenda, "general", "paediatrician")
    ours = resources(bundle, kind)
    assert ours
    for resource in ours:
        for name in example_names:
            assert_like(examples[name], resource, examples)


def test_contained_locations_match_the_guide_examples(agenda, examples):
    bundle = bundle_for(agenda, "general", "paediatrician")
    for role in resources(bundle, "PractitionerRole"):
        for name in ("ExampleLocation", "ExampleLocation2", "ExampleLocation3"):
            assert_like(examples[name], role["contained"][0], examples)


def test_bundle_matches_the_guide_example(agenda, examples):
    example = examples["ExampleBundlePSIndiv"]
    ours = bundle_for(agenda, "general", "paediatrician")
    top = Example(example.name, "Bundle", tuple(r for r in example.rules if not r[0].startswith("entry")))
    assert_like(top, ours, examples)
    # Entries: each slice of the example (by profile) has entries of that type in ours, with its search mode.
    expected: dict[str, set[str]] = {}
    for _, raw_path, value in example.rules:
        match = re.match(r"entry\[(\w+)\]\[[+=]\]\.(.+)", raw_path)
        if not match:
            continue
        kind, field = PROFILE_TYPES[match.group(1)], match.group(2)
        modes = expected.setdefault(kind, set())
        if field == "resource":
            assert examples[value.text].resource_type == kind
        elif field == "search.mode":
            modes.add(value.text)
    assert set(expected) == {"Slot", "Schedule", "Practitioner", "PractitionerRole"}
    for kind, modes in expected.items():
        entries = [e for e in ours["entry"] if e["resource"]["resourceType"] == kind]
        assert entries, kind
        assert {e["search"]["mode"] for e in entries} == modes, (kind, modes)
        assert all(e["fullUrl"].startswith("http") for e in entries)


def test_fixture_parser_reads_the_examples(examples):
    slot = examples["ExampleSlotPSIndiv1"]
    assert slot.resource_type == "Slot"
    assert ("serviceType.coding", "serviceType[+].coding", Value(
        "code", "AMB", "http://terminology.hl7.org/CodeSystem/v3-ActCode")) in slot.rules
    assert examples["ExampleLocation"].resource_type == "Location"
    values = {raw_path: value for _, raw_path, value in slot.rules}
    assert values["start"] == Value("string", "2021-11-05T09:00:00.000+00:00")
    assert values["schedule"] == Value("reference", "ExampleSchedule1")
