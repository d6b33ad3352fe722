"""POST and conditional PUT /fhir/Appointment: the agenda receives FrAppointmentSAS notices as SAS does."""
import copy
import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.agenda.models import ReceivedNotice
from bot.agenda.notices.resource import build
from tests.agenda.factories import NOW

FHIR = "application/fhir+json"
IDENTIFIER = "urn:sas-assistant:agenda:rendez-vous|SAS-7K2Q9A"


@pytest.fixture
def sas(client):
    """The agenda as SAS: called with a service's token, no regulator."""
    client.headers["Authorization"] = f"Bearer {client.app.state.settings.service_token.get_secret_value()}"
    client.headers["Content-Type"] = FHIR
    return client


def notice(status: str = "booked") -> dict:
    return build("SAS-7K2Q9A", status, NOW + timedelta(hours=2), NOW + timedelta(hours=2, minutes=20), NOW,
                 "10000000001", "alice")


def send(client, method: str, body, identifier: str | None = IDENTIFIER):
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    params = {"identifier": identifier} if method == "PUT" and identifier is not None else None
    return client.request(method, "/fhir/Appointment", content=content, params=params)


def diagnostics(answer) -> str:
    outcome = answer.json()
    assert outcome["resourceType"] == "OperationOutcome"
    return " ".join(issue["diagnostics"] for issue in outcome["issue"])


def test_a_notice_is_created_then_updated_on_its_identifier(sas, agenda_db):
    created = send(sas, "POST", notice())
    assert created.status_code == 201, created.text
    location = created.headers["Location"]
    assert location == f"http://testserver/fhir/Appointment/{created.json()['id']}"
    assert created.json()["meta"]["versionId"] == "1"

    updated = send(sas, "PUT", notice("cancelled"))
    assert updated.status_code == 200, updated.text
    assert (updated.json()["id"], updated.json()["status"]) == (created.json()["id"], "cancelled")
    read = sas.get(location.removeprefix("http://testserver"))
    assert (read.json()["status"], read.json()["meta"]["versionId"]) == ("cancelled", "2")
    with agenda_db.session_factory() as session:
        stored = session.execute(select(ReceivedNotice)).scalar_one()
    assert (stored.status, stored.rpps, stored.operator_type, stored.operator, stored.version) == (
        "cancelled", "10000000001", "INTRN", "alice", 2)


def test_a_conditional_put_without_a_notice_creates_it(sas, agenda_db):
    answer = send(sas, "PUT", notice())
    assert answer.status_code == 201 and answer.headers["Location"].endswith(f"/fhir/Appointment/{answer.json()['id']}")
    assert send(sas, "PUT", notice("fulfilled")).status_code == 200
    with agenda_db.session_factory() as session:
        assert session.execute(select(func.count()).select_from(ReceivedNotice)).scalar() == 1


def test_a_second_post_of_one_identifier_creates_nothing(sas, agenda_db):
    assert send(sas, "POST", notice()).status_code == 201
    again = send(sas, "POST", notice())
    assert again.status_code == 422 and "PUT conditionnel" in diagnostics(again)
    with agenda_db.session_factory() as session:
        assert session.execute(select(func.count()).select_from(ReceivedNotice)).scalar() == 1


@pytest.mark.parametrize("body, expected", [
    (b"pas du JSON", "Corps illisible"),
    ({"resourceType": "Patient"}, "Appointment est attendue"),
    ({**notice(), "start": "demain"}, "Élément invalide : start"),
    ({**notice(), "inconnu": 1}, "Élément invalide"),
])
def test_a_malformed_notice_gets_400_in_french(sas, body, expected):
    answer = send(sas, "POST", body)
    assert answer.status_code == 400 and answer.headers["content-type"].startswith(FHIR)
    assert expected in diagnostics(answer)


def _without_rpps(body):
    body["participant"][0]["actor"]["identifier"]["system"] = "urn:autre"


def _with_patient(body):
    body["participant"].append({"actor": {"reference": "Patient/12", "display": "Maëlys Quennehen"},
                                "status": "accepted"})


def _containing_patient(body):
    body["contained"] = [{"resourceType": "Patient", "id": "p", "name": [{"family": "Quennehen"}]}]


@pytest.mark.parametrize("change, expected", [
    (lambda body: body.update(status="proposed"), "Statut refusé"),
    (lambda body: body.update(end=body["start"]), "La fin du rendez-vous"),
    (lambda body: body.pop("end"), "fin (end) du rendez-vous obligatoires"),
    (_without_rpps, "participant praticien est obligatoire"),
    (lambda body: body.pop("extension"), "appointmentOperator"),
    (lambda body: body.pop("identifier"), "identifiant (identifier)"),
    (_with_patient, "participant patient est refusé"),
    (_containing_patient, "Aucune ressource contenue"),
    (lambda body: body.update(comment="Mme Quennehen, 06 12 34 56 78"), "Texte libre refusé"),
])
def test_a_notice_refused_by_a_rule_gets_422_in_french_and_nothing_is_stored(sas, agenda_db, change, expected):
    body = copy.deepcopy(notice())
    change(body)
    answer = send(sas, "POST", body)
    assert answer.status_code == 422, answer.text
    assert expected in diagnostics(answer)
    with agenda_db.session_factory() as session:
        assert session.execute(select(func.count()).select_from(ReceivedNotice)).scalar() == 0


def test_a_put_names_the_notice_it_changes(sas):
    assert send(sas, "PUT", notice(), identifier=None).status_code == 400
    other = send(sas, "PUT", notice(), identifier="urn:sas-assistant:agenda:rendez-vous|SAS-AUTRE1")
    assert other.status_code == 422 and "diffère" in diagnostics(other)


def test_receiving_needs_a_sign_in_but_no_regulator(sas, client):
    assert send(sas, "POST", notice()).status_code == 201
    unsigned = client.post("/fhir/Appointment", content=json.dumps(notice()), headers={"Authorization": ""})
    assert unsigned.status_code == 401


def test_an_unknown_notice_is_not_found(sas):
    assert sas.get("/fhir/Appointment/999").status_code == 404
    assert sas.get("/fhir/Appointment/abc").status_code == 404
