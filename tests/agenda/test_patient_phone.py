"""The agenda takes the phones the assistant reads: the overseas mobiles the phone library does not list yet."""
from datetime import date

import pytest

from bot.agenda.validation import validate_patient

PATIENT = {"prenom": "Jean-Luc", "nom": "Grondin", "nom_naissance": "Grondin", "date_naissance": "1990-12-30"}


@pytest.mark.parametrize("phone, e164", [
    ("+262693182740", "+262693182740"), ("0694 53 17 00", "+594694531700"), ("06 45 37 26 53", "+33645372653"),
    ("+44 20 7946 0958", "+442079460958"),
])
def test_a_phone_the_assistant_reads_is_one_the_agenda_books(phone, e164):
    patient, errors = validate_patient({**PATIENT, "telephone": phone}, date(2026, 12, 3))
    assert errors == {} and patient.telephone == e164


def test_a_number_valid_nowhere_is_refused():
    _, errors = validate_patient({**PATIENT, "telephone": "06 45 37 26"}, date(2026, 12, 3))
    assert "telephone" in errors
