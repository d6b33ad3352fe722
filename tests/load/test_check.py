"""The load test's database check, on a real migrated SQLite agenda: bookings made by bot.agenda.booking."""
from __future__ import annotations

from datetime import date

from bot.agenda.booking import BookingRequest, book, cancel
from bot.agenda.validation import PatientData
from bot.load.check import Check, check_database, report

PATIENT = {"civilite": "Madame", "prenom": "Hélène", "nom": "Le Gall", "nom_naissance": "Morvan",
           "date_naissance": "1952-11-21", "telephone": "+33645372653"}


def _book(agenda_db, slot_id: int, key: str, regulator: str = "charge-1", **changed):
    data = {**PATIENT, **changed}
    patient = PatientData(data["prenom"], data["nom"], data["nom_naissance"], date.fromisoformat(data["date_naissance"]),
                          data["telephone"])
    appointment, _ = book(agenda_db.session_factory, BookingRequest(slot_id, patient, key, regulator=regulator),
                          agenda_db.now)
    return appointment


def test_a_booking_held_with_the_data_given_is_neither_lost_nor_double(agenda_db, builder):
    doc = builder.practitioner()
    reference = _book(agenda_db, builder.slot(doc), "k1", nom="LE GALL").reference  # in other capitals
    found = check_database(agenda_db.session_factory, [{"reference": reference, "regulator": "charge-1",
                                                         "patient": PATIENT, "conversation": "c1"}], ["charge-1"])
    assert (found.double_bookings, found.lost, found.unread) == (0, {}, 0)


def test_missing_cancelled_or_different_bookings_are_lost(agenda_db, builder):
    doc = builder.practitioner()
    other_phone = _book(agenda_db, builder.slot(doc), "k1", telephone="+33611223344").reference
    booked = _book(agenda_db, builder.slot(doc, hours=3), "k2")
    cancel(agenda_db.session_factory, booked.id, agenda_db.now)
    cancelled = booked.reference
    read = [{"reference": ref, "regulator": "charge-1", "patient": PATIENT, "conversation": f"c{i}"}
            for i, ref in enumerate((other_phone, cancelled, "SAS-ZZZZZZ"))]
    found = check_database(agenda_db.session_factory, read, ["charge-1"])
    assert found.lost == {"c0": f"{other_phone} différent : telephone", "c1": f"{cancelled} statut cancelled",
                          "c2": "SAS-ZZZZZZ absente"}


def test_one_patient_booked_twice_by_the_run_is_a_double_booking(agenda_db, builder):
    doc = builder.practitioner()
    first = _book(agenda_db, builder.slot(doc), "k1").reference
    _book(agenda_db, builder.slot(doc, hours=3), "k2")  # a confirmation that booked a second time
    found = check_database(agenda_db.session_factory, [{"reference": first, "regulator": "charge-1",
                                                         "patient": PATIENT, "conversation": "c1"}], ["charge-1"])
    assert (found.double_bookings, found.unread) == (1, 1)


def test_the_report_ends_with_the_issue_s_line():
    results = {"turns_ms": [100.0, 200.0, 300.0, 1000.0], "errors": 1, "retries": 2, "bookings": [{}],
               "unfinished": [], "misread": [], "taken": 0, "agenda_down": 0}
    last = report(2, 10, results, Check(double_bookings=0, lost={"c": "SAS-X absente"})).splitlines()[-1]
    assert last == "users=2 turns_per_s=0.40 p50_ms=250 p95_ms=1000 errors=1 double_bookings=0 lost_bookings=1"
