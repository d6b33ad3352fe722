"""GET /api/directory: every practitioner at each of their places, for the assistant's federated search."""
from sqlalchemy import event

from bot.agenda.contract import Directory
from bot.agenda.models import Place
from tests.agenda.factories import LYON_3


def test_each_place_of_each_practitioner_is_listed_with_its_coordinates(client, make_practitioner, agenda_db):
    martin = make_practitioner(nom="Martin", sas=True, surnumeraire=True)
    durand = make_practitioner(nom="Durand", prenom="Paul", north_km=3, required_fields=("email",))
    with agenda_db.session_factory() as session:
        session.add(Place(practitioner_id=durand.practitioner_id, address_line="3 place Bellecour",
                          **{**LYON_3, "postal_code": "69002", "commune": "Lyon 2e Arrondissement", "insee": "69382"}))
        session.commit()

    answer = client.get("/api/directory")

    assert answer.status_code == 200
    listings = Directory.parse_obj(answer.json()).listings
    assert [(item.practitioner.rpps, item.address.commune) for item in listings] == [
        (martin.rpps, "Lyon 3e Arrondissement"), (durand.rpps, "Lyon 3e Arrondissement"),
        (durand.rpps, "Lyon 2e Arrondissement"),
    ]
    first, second = listings[0], listings[1]
    assert first.practitioner.sas_participant and first.practitioner.surnumeraire and first.source is None
    assert second.practitioner.required_fields == ["email"]
    assert round(second.lat - first.lat, 3) == round(3 / 111.2, 3) and first.lon == LYON_3["lon"]


def test_the_directory_is_read_in_one_query(client, make_practitioner, agenda_db):
    for number in range(5):
        make_practitioner(nom=f"Praticien{number}")
    statements = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(agenda_db.engine, "before_cursor_execute", listen)
    try:
        assert len(client.get("/api/directory").json()["listings"]) == 5
    finally:
        event.remove(agenda_db.engine, "before_cursor_execute", listen)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "places" in s]
    assert len(reads) == 1


def test_the_directory_needs_a_sign_in(client):
    assert client.get("/api/directory", headers={"Authorization": ""}).status_code == 401


def test_the_service_reads_the_directory(client, make_practitioner):
    make_practitioner()
    service = {"Authorization": f"Bearer {client.app.state.settings.service_token.get_secret_value()}"}
    assert len(client.get("/api/directory", headers=service).json()["listings"]) == 1
