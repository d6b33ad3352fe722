"""The JSON API the assistant's actions rely on, through HTTP (Starlette's TestClient)."""

import pytest

from tests.agenda.factories import ADULT_FIRST, FOLLOW_UP, GENERAL_PRACTICE, NOW, SNP, SNP_MOTIF
from tests.agenda.test_attachments import PDF

PATIENT = {"civilite": "Mme", "prenom": "Marie", "nom": "Durand", "nom_naissance": "Durand",
           "date_naissance": "1952-11-21", "telephone": "06 45 37 26 53", "email": "marie.durand@email.com"}


@pytest.fixture
def two_slots(make_practitioner, make_slot):
    sas = make_practitioner(nom="Bernard", sas=True, north_km=2, motifs=GENERAL_PRACTICE + (SNP_MOTIF,))
    other = make_practitioner(nom="Petit", north_km=1)
    return make_slot(sas, hours=5, motifs=[ADULT_FIRST, SNP]), make_slot(other, hours=1)


def book(client, slot_id, key="key-1", **extra):
    return client.post("/api/appointments", json={
        "slot_id": str(slot_id), "patient": PATIENT, "idempotency_key": key, **extra,
    })


def test_health(client):
    assert client.get("/health").json() == {"status": "ok"}


def test_search_shape_and_order(client, two_slots):
    sas_slot, other_slot = two_slots
    answer = client.get("/api/search", params={"location": "Lyon 3e", "from": "2026-03-16T09:00:00+01:00", "limit": 2})
    assert answer.status_code == 200
    body = answer.json()
    assert body["location"]["insee"] == "69383"
    assert (body["radius_km"], body["widened"], body["window_widened"], body["total"]) == (5, False, False, 2)
    assert body["window"] == {"from": "2026-03-16T09:00:00+01:00", "to": "2026-03-18T09:00:00+01:00"}
    assert [o["practitioner"]["nom"] for o in body["offers"]] == ["Bernard", "Petit"]
    assert [[s["id"] for s in o["slots"]] for o in body["offers"]] == [[str(sas_slot)], [str(other_slot)]]
    offer = body["offers"][0]
    assert (offer["distance_km"], offer["snp"], offer["medecin_traitant"]) == (2.0, True, False)
    assert offer["address"] == offer["slots"][0]["address"] and body["medecin_traitant"] is None
    first = offer["slots"][0]
    assert first["start"] == "2026-03-16T14:00:00+01:00" and first["end"] == "2026-03-16T14:20:00+01:00"
    assert (first["mode"], first["snp"], first["distance_km"]) == ("cabinet", True, 2.0)
    assert first["practitioner"] == {
        "rpps": first["practitioner"]["rpps"], "civilite": "Dr", "nom": "Bernard", "prenom": "Claire",
        "specialty": {"code": "SM54", "label": "Médecine générale"}, "sas_participant": True,
        "surnumeraire": False, "required_fields": [],
    }
    assert first["address"] == {"line": "12 rue de la République", "postal_code": "69003",
                                "commune": "Lyon 3e Arrondissement"}
    assert [(m["label"], m["snp"], m["follow_up"]) for m in first["motifs"]] == [(ADULT_FIRST, False, False),
                                                                                 (SNP, True, False)]
    assert all(isinstance(m["id"], str) for m in first["motifs"])


def test_search_with_an_unencoded_plus_in_the_offset(client, two_slots):
    answer = client.get("/api/search?location=69003&from=2026-03-16T09:00:00+01:00&limit=1&offset=1")
    assert answer.status_code == 200
    assert [o["slots"][0]["id"] for o in answer.json()["offers"]] == [str(two_slots[1])]


def test_search_by_specialty_label(client, make_practitioner, make_slot):
    slot = make_slot(make_practitioner(specialty="SM40"), hours=1)
    body = client.get("/api/search", params={"location": "Lyon 3e", "specialty": "pédiatre"}).json()
    assert [o["slots"][0]["id"] for o in body["offers"]] == [str(slot)]


def test_unknown_place_names_close_ones(client):
    answer = client.get("/api/search", params={"location": "Lyonz-sur-Mer"})
    assert answer.status_code == 422
    body = answer.json()
    assert body["suggestions"]
    assert body["errors"]["location"] == (
        f"Lieu inconnu : « Lyonz-sur-Mer ». Lieux proches : {', '.join(body['suggestions'])}."
    )


def test_bad_search_parameters_are_named(client):
    answer = client.get("/api/search", params={"location": "", "mode": "train", "specialty": "plombier",
                                               "from": "demain", "limit": 0})
    assert answer.status_code == 422
    assert set(answer.json()["errors"]) == {"location", "mode", "specialty", "from", "limit"}


def test_slot_and_its_motif(client, two_slots):
    sas_slot, other_slot = two_slots
    slot = client.get(f"/api/slots/{other_slot}").json()
    assert (slot["id"], slot["status"], slot["distance_km"]) == (str(other_slot), "free", None)
    motif = client.get(f"/api/slots/{other_slot}/motif", params={"birth_date": "1952-01-21", "civilite": "Mme"})
    assert motif.json() == {
        "motif": {"id": motif.json()["motif"]["id"], "label": ADULT_FIRST, "snp": False, "follow_up": False,
                  "required_fields": []},
        "required_fields": [],
        "reason": "Pas de motif « Soins non programmés » sur ce créneau : « Adulte - Première consultation de "
                  "médecine générale », le plus adapté à une patiente de 74 ans au cabinet.",
    }
    snp = client.get(f"/api/slots/{sas_slot}/motif", params={"birth_date": "1952-01-21"}).json()
    assert snp["reason"] == "Motif « Soins non programmés » : proposé sur ce créneau."
    assert client.get(f"/api/slots/{other_slot}/motif", params={"birth_date": "21/01/1952"}).status_code == 422
    assert client.get("/api/slots/9999").status_code == 404


def test_booking_replay_conflict_and_cancel(client, two_slots):
    _, slot = two_slots
    created = book(client, slot, message="Fièvre depuis deux jours")
    assert created.status_code == 201
    appointment = created.json()
    assert appointment["reference"].startswith("SAS-")
    assert (appointment["status"], appointment["motif"]["label"]) == ("booked", ADULT_FIRST)
    assert appointment["patient"]["telephone"] == "+33645372653"
    assert appointment["slot"]["status"] == "booked"
    assert appointment["created_at"] == "2026-03-16T09:00:00+01:00"

    replay = book(client, slot)
    assert (replay.status_code, replay.json()["id"]) == (200, appointment["id"])

    taken = book(client, slot, key="key-2")
    assert taken.status_code == 409
    assert taken.json() == {"error": "creneau_indisponible", "detail": "Ce créneau n'est plus disponible."}

    assert client.get(f"/api/appointments/{appointment['id']}").json()["reference"] == appointment["reference"]
    cancelled = client.post(f"/api/appointments/{appointment['id']}/cancel")
    assert (cancelled.status_code, cancelled.json()["status"]) == (200, "cancelled")
    assert client.get(f"/api/slots/{slot}").json()["status"] == "free"
    assert book(client, slot, key="key-3").status_code == 201


def test_appointments_newest_first(client, agenda_db, two_slots):
    first = book(client, two_slots[0], key="a").json()
    client.app.state.clock = lambda: NOW.replace(minute=5)
    second = book(client, two_slots[1], key="b").json()
    assert [a["id"] for a in client.get("/api/appointments").json()] == [second["id"], first["id"]]


def test_invalid_booking_names_each_field_in_french(client, two_slots):
    answer = client.post("/api/appointments", json={
        "slot_id": "abc", "patient": {"prenom": "Marie", "telephone": "0645", "date_naissance": "2030-01-01"},
    })
    assert answer.status_code == 422
    errors = answer.json()["errors"]
    assert set(errors) == {"slot_id", "nom", "nom_naissance", "telephone", "date_naissance", "idempotency_key"}
    assert errors["telephone"].startswith("Numéro de téléphone invalide")
    assert errors["nom"] == "Champ obligatoire : nom du patient."


def test_a_followed_patients_motif_is_refused(client, make_practitioner, make_slot):
    doc = make_practitioner()
    slot = make_slot(doc)
    follow_up = doc.motif_ids["Consultation de suivi (patients du cabinet)"]
    answer = book(client, slot, motif_id=str(follow_up))
    assert answer.status_code == 422
    assert "patients suivis" in answer.json()["errors"]["motif_id"]


def test_malformed_json_is_a_422(client):
    answer = client.post("/api/appointments", content=b"{not json", headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert "errors" in answer.json()


def test_attachment_upload_and_link(client, two_slots, tmp_path):
    uploaded = client.post("/api/attachments", files={"file": ("bilan.pdf", PDF, "application/pdf")})
    assert uploaded.status_code == 201
    attachment = uploaded.json()
    assert (attachment["filename"], attachment["content_type"], attachment["size"]) == (
        "bilan.pdf", "application/pdf", len(PDF))
    assert (tmp_path / "attachments" / attachment["id"]).read_bytes() == PDF
    assert client.get(f"/api/attachments/{attachment['id']}").json() == attachment
    assert client.get("/api/attachments/nope").status_code == 404
    booked = book(client, two_slots[1], attachment_ids=[attachment["id"]]).json()
    assert booked["attachments"] == [attachment]
    reused = book(client, two_slots[0], key="other", attachment_ids=[attachment["id"]])
    assert reused.status_code == 422 and "attachment_ids" in reused.json()["errors"]
    assert client.get(f"/api/slots/{two_slots[0]}").json()["status"] == "free"


def test_refused_attachment(client):
    answer = client.post("/api/attachments", files={"file": ("script.pdf", b"#!/bin/sh\nrm -rf /", "application/pdf")})
    assert answer.status_code == 422
    assert answer.json()["errors"]["file"].startswith("Format refusé : ")


def test_the_openapi_document_is_the_contract(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/appointments", "/api/attachments", "/health"} <= set(spec["paths"])
    assert "Soins non programmés" in spec["paths"]["/api/search"]["get"]["description"]
    assert {"SearchResult", "Slot", "MotifChoice", "Appointment", "AppointmentRequest", "Attachment", "Invalid",
            "Problem"} <= set(spec["components"]["schemas"])
    assert spec["components"]["schemas"]["Slot"]["properties"]["mode"]["enum"] == ["cabinet", "video", "domicile"]


def test_the_panel_config_gives_rasa_the_time_zone_and_the_labels(client):
    config = client.get("/config.json").json()
    assert (config["rasa_url"], config["timezone"]) == ("http://rasa.test:5005", "Europe/Paris")
    assert config["field_labels"]["nom_naissance"] == "Nom de naissance"
    assert list(config["field_labels"])[:2] == ["civilite", "prenom"] and "symptomes" in config["field_labels"]
    assert config["mode_labels"] == {"cabinet": "au cabinet", "video": "en vidéo", "domicile": "à domicile"}


def test_the_side_panel_is_served(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


def test_no_patient_data_in_logs_at_info(client, two_slots, caplog):
    with caplog.at_level("INFO"):
        booked = book(client, two_slots[1], message="Douleur thoracique").json()
        client.get(f"/api/slots/{two_slots[1]}/motif", params={"birth_date": "1952-11-21", "symptoms": "toux"})
        client.post(f"/api/appointments/{booked['id']}/cancel")
    # The test client's own "httpx" logger is left out: it is the caller's, not the agenda's.
    logged = " ".join(r.getMessage() for r in caplog.records if r.levelno >= 20 and r.name != "httpx")
    assert booked["id"] in logged  # ids are logged...
    for secret in ("Marie", "Durand", "1952", "+3364", "0645", "Douleur", "toux", "email"):
        assert secret not in logged  # ...never who the patient is


def test_a_known_patient_gets_the_follow_up_motif_and_the_booking_says_so(client, make_practitioner, make_slot):
    slot = make_slot(make_practitioner(), hours=1)  # the adult, child and follow-up motifs
    params = {"birth_date": "1952-11-21"}
    assert client.get(f"/api/slots/{slot}/motif", params=params).json()["motif"]["label"] == ADULT_FIRST
    known = client.get(f"/api/slots/{slot}/motif", params={**params, "deja_consulte": "true"}).json()["motif"]
    assert (known["label"], known["follow_up"]) == (FOLLOW_UP, True)
    unknown = book(client, slot, key="new", motif_id=known["id"])
    assert unknown.status_code == 422 and "patients suivis" in unknown.json()["errors"]["motif_id"]
    booked = book(client, slot, key="known", motif_id=known["id"], deja_consulte=True)
    assert booked.status_code == 201, booked.text
    assert (booked.json()["deja_consulte"], booked.json()["motif"]["label"]) == (True, FOLLOW_UP)
    assert client.get(f"/api/appointments/{booked.json()['id']}").json()["deja_consulte"] is True


def test_a_wider_radius_is_searched_only_within_reason(client):
    answer = client.get("/api/search", params={"location": "Lyon 3e", "radius_km": 500})
    assert answer.status_code == 422 and "rayon" in answer.json()["errors"]["radius_km"]
    answer = client.get("/api/search", params={"location": "Paris 11e", "radius_km": 30})  # Paris' cap: 14 km
    assert answer.status_code == 200 and answer.json()["radius_km"] == 30  # nothing in the demo-less database
