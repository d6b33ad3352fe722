"""What the simulated regulators will type: drawn from the project's data, varied, with numbers that exist."""
from __future__ import annotations

import random
from datetime import date

import phonenumbers

from bot.load import plan

PLACES = [("Paris 15e Arrondissement", "75015"), ("Villeurbanne", "69100"), ("Toulouse", "31400")]
TODAY = date(2026, 12, 2)


def test_a_seed_draws_the_same_bookings_and_another_seed_others():
    assert plan.draw_bookings(5, PLACES, TODAY, "a") == plan.draw_bookings(5, PLACES, TODAY, "a")
    assert plan.draw_bookings(5, PLACES, TODAY, "a") != plan.draw_bookings(5, PLACES, TODAY, "b")


def test_descriptions_carry_the_patient_in_several_shapes():
    bookings = plan.draw_bookings(60, PLACES, TODAY, 1)
    for booking in bookings:
        patient = booking["patient"]
        assert patient["nom"] in booking["description"] and patient["prenom"] in booking["description"]
        assert phonenumbers.is_valid_number(phonenumbers.parse(patient["telephone"]))
        assert date.fromisoformat(patient["date_naissance"]) < TODAY
    assert len({b["description"].split(" ")[0] for b in bookings}) > 5  # not one template
    assert any(b["aside"] for b in bookings)


def test_a_corrected_phone_is_the_one_the_agenda_must_hold():
    rng = random.Random(0)
    corrected = [b for b in (plan.draw_booking(rng, PLACES, TODAY) for _ in range(200))
                 if b.aside and b.aside not in plan.faq_questions()]
    assert corrected
    for booking in corrected:
        national = "0" + booking.patient.telephone.removeprefix("+33")
        digits = "".join(c for c in booking.aside if c.isdigit())
        assert digits.endswith(national[1:])
        assert digits[-9:] not in "".join(c for c in booking.description if c.isdigit())


def test_the_assistant_s_questions_are_read_from_the_domain():
    read = plan.replies_to_read()
    assert read["questions"]["Quel est son numéro de téléphone ?"] == "telephone"
    assert read["agenda_down"].startswith("L'agenda ne répond pas")
