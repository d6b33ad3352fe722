"""Extra patient fields some practitioners (or one of their motifs) require: shown by search and the slot views,
answered with the motif, refused with a French message per field when missing from a booking."""
import pytest

from tests.agenda.factories import ADULT_FIRST, GENERAL_PRACTICE, SNP, SNP_MOTIF, MotifSpec
from tests.agenda.test_api import PATIENT, book

MANDATORY_ONLY = {k: v for k, v in PATIENT.items() if k not in ("civilite", "email", "lieu_naissance")}
DERMATO_FIRST = "Première consultation de dermatologie"


@pytest.fixture
def demanding(make_practitioner, make_slot):
    """A practitioner requiring the email, one of whose motifs requires the birth place too."""
    doc = make_practitioner(nom="Exigeant", required_fields=("email",), motifs=GENERAL_PRACTICE + (
        MotifSpec(DERMATO_FIRST, required_fields=("lieu_naissance",)), SNP_MOTIF))
    return make_slot(doc, hours=1, motifs=[ADULT_FIRST, DERMATO_FIRST]), make_slot(doc, hours=2, motifs=[SNP])


def test_search_and_slot_views_show_the_required_fields(client, demanding, make_practitioner, make_slot):
    make_slot(make_practitioner(nom="Simple", north_km=1), hours=3)
    offers = client.get("/api/search", params={"location": "Lyon 3e"}).json()["offers"]
    required = {o["practitioner"]["nom"]: o["practitioner"]["required_fields"] for o in offers}
    assert required == {"Exigeant": ["email"], "Simple": []}
    slot = client.get(f"/api/slots/{demanding[0]}").json()
    assert slot["practitioner"]["required_fields"] == ["email"]
    assert {m["label"]: m["required_fields"] for m in slot["motifs"]} == {ADULT_FIRST: [], DERMATO_FIRST: ["lieu_naissance"]}


def test_the_motif_choice_answers_the_practitioners_and_the_motifs_fields(client, demanding):
    by_motif, snp = demanding
    dermato = client.get(f"/api/slots/{by_motif}/motif", params={"birth_date": "1980-02-02", "symptoms": "dermatologie"})
    assert dermato.json()["motif"]["label"] == DERMATO_FIRST
    assert dermato.json()["required_fields"] == ["email", "lieu_naissance"]
    assert client.get(f"/api/slots/{snp}/motif", params={"birth_date": "1980-02-02"}).json()["required_fields"] == ["email"]


def test_a_booking_missing_required_fields_is_refused_field_by_field(client, demanding):
    by_motif, _ = demanding
    dermato = client.get(f"/api/slots/{by_motif}/motif", params={"birth_date": "1980-02-02", "symptoms": "dermatologie"})
    answer = client.post("/api/appointments", json={"slot_id": str(by_motif), "patient": MANDATORY_ONLY,
                                                    "motif_id": dermato.json()["motif"]["id"], "idempotency_key": "k1"})
    assert answer.status_code == 422
    assert answer.json()["errors"] == {
        "email": "Champ demandé par ce praticien : email du patient.",
        "lieu_naissance": "Champ demandé par ce praticien : lieu de naissance du patient.",
    }
    assert client.get(f"/api/slots/{by_motif}").json()["status"] == "free"
    booked = book(client, by_motif, key="k2", motif_id=dermato.json()["motif"]["id"],
                  patient={**MANDATORY_ONLY, "email": "a@b.fr", "lieu_naissance": "Lyon"})
    assert booked.status_code == 201, booked.text
    assert (booked.json()["patient"]["email"], booked.json()["patient"]["lieu_naissance"]) == ("a@b.fr", "Lyon")


def test_a_practitioner_without_extra_fields_books_with_the_mandatory_ones(client, make_practitioner, make_slot):
    slot = make_slot(make_practitioner(), hours=1)
    answer = client.post("/api/appointments", json={"slot_id": str(slot), "patient": MANDATORY_ONLY, "idempotency_key": "k"})
    assert answer.status_code == 201, answer.text
