"""No dead end: SAS participants accepting patients en surnuméraire near the patient, and orienting a patient to one
(no slot reserved, to be confirmed by the practitioner; idempotent; in the audit trail without patient data)."""
import pytest

from bot.agenda import audit
from tests.agenda.conftest import bearer
from tests.agenda.factories import LYON_3
from tests.agenda.test_api import PATIENT

FAR_AWAY = {**LYON_3, "lat": LYON_3["lat"] + 2}  # 220 km north: beyond any cap


@pytest.fixture
def accepting(make_practitioner):
    """SAS participants accepting extra patients at 3 and 1 km, and practitioners who may not be offered."""
    make_practitioner(nom="Horscap", sas=True, surnumeraire=True, place=FAR_AWAY)
    make_practitioner(nom="Nonsas", surnumeraire=True, north_km=0.5)
    make_practitioner(nom="Refuse", sas=True, north_km=0.5)
    make_practitioner(nom="Pediatre", sas=True, surnumeraire=True, specialty="SM40", north_km=0.5)
    return {"far": make_practitioner(nom="Loin", sas=True, surnumeraire=True, north_km=3),
            "near": make_practitioner(nom="Pres", sas=True, surnumeraire=True, north_km=1)}


def orient(client, rpps, key="o-1", **extra):
    return client.post("/api/orientations", json={"rpps": rpps, "patient": PATIENT, "idempotency_key": key,
                                                  "message": "Fièvre depuis trois jours", **extra})


def test_the_nearest_sas_participants_accepting_extra_patients(client, accepting):
    answer = client.get("/api/surnumeraires", params={"location": "Lyon 3e"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["radius_km"] > 0
    assert [(p["practitioner"]["nom"], p["distance_km"]) for p in body["practitioners"]] == [("Pres", 1.0), ("Loin", 3.0)]
    assert all(p["practitioner"]["surnumeraire"] for p in body["practitioners"])
    paediatrics = client.get("/api/surnumeraires", params={"location": "Lyon 3e", "specialty": "pédiatrie"}).json()
    assert [p["practitioner"]["nom"] for p in paediatrics["practitioners"]] == ["Pediatre"]
    refused = client.get("/api/surnumeraires", params={"location": "", "specialty": "plombier"})
    assert refused.status_code == 422 and set(refused.json()["errors"]) == {"location", "specialty"}


def test_an_orientation_reserves_nothing_and_is_to_be_confirmed(client, accepting, agenda_db):
    answer = orient(client, accepting["near"].rpps)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["status"], body["reserved_slot"], body["regulator"]) == ("a_confirmer", False, "regul")
    assert body["practitioner"]["nom"] == "Pres" and body["address"]["commune"] == "Lyon 3e Arrondissement"
    assert (body["patient"]["telephone"], body["message"]) == ("+33645372653", "Fièvre depuis trois jours")
    assert body["reference"].startswith("SAS-")
    assert client.get(f"/api/orientations/{body['id']}").json() == body
    (event,) = [e for e in audit.events(agenda_db.session_factory) if e.action == "orient"]
    assert event.actor == "regul" and f"orientation {body['id']}" in event.detail
    for secret in ("Durand", "Marie", "1952", "645372653", "Fièvre"):
        assert secret not in event.detail


def test_the_same_key_orients_once(client, accepting):
    first = orient(client, accepting["near"].rpps)
    again = orient(client, accepting["near"].rpps)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]


@pytest.mark.parametrize(("practitioner", "refusal"), [
    (None, "Praticien inconnu : « 99999999999 »."),
    ("refuse", "Ce praticien n'accepte pas de patients en surnuméraire."),
])
def test_only_practitioners_accepting_extra_patients(client, accepting, make_practitioner, practitioner, refusal):
    rpps = make_practitioner(nom="Refuse", sas=True).rpps if practitioner else "99999999999"
    answer = orient(client, rpps)
    assert answer.status_code == 422
    assert answer.json()["errors"] == {"rpps": refusal}


def test_the_patient_is_checked_as_for_a_booking(client, accepting):
    patient = {k: v for k, v in PATIENT.items() if k != "nom_naissance"} | {"telephone": "12", "lieu_naissance": "Lione"}
    answer = client.post("/api/orientations", json={"rpps": accepting["near"].rpps, "patient": patient})
    assert answer.status_code == 422
    assert set(answer.json()["errors"]) == {"nom_naissance", "telephone", "lieu_naissance", "idempotency_key"}
    assert answer.json()["suggestions"]


def test_another_regulators_orientation_is_not_found(client, accepting, add_account):
    created = orient(client, accepting["near"].rpps).json()
    client.headers.update(bearer(client, add_account("autre")))
    assert client.get(f"/api/orientations/{created['id']}").status_code == 404
    assert client.get("/api/orientations/abc").status_code == 404
