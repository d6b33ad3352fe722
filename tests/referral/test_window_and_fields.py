from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.referral.fields import (
    birth_date_problem,
    is_same_name_answer,
    is_valid_name,
    merge_month_day,
    merge_year,
    without_too,
)
from bot.referral.summary import draft_message, missing_fields, need_line, patient_line
from bot.referral.window import search_window

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))


def test_default_window_is_48_hours():
    assert search_window(NOW, None, None) == (NOW, datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Europe/Paris")))


def test_a_wanted_time_wins_and_never_starts_in_the_past():
    creneau = {"start": "2026-11-25T08:00:00+01:00", "end": "2026-11-25T12:00:00+01:00", "text": "ce matin"}
    start, end = search_window(NOW, creneau, 4)
    assert start == NOW and end.hour == 12


def test_urgency_caps_the_end():
    assert search_window(NOW, None, 4)[1].hour == 14


def test_birth_date_rules():
    today = date(2026, 11, 25)
    assert birth_date_problem("1952-11-21", today) is None
    assert birth_date_problem("1952-02-30", today) == "utter_invalid_date_naissance"
    assert birth_date_problem("2026-11-26", today) == "utter_invalid_date_naissance_futur"
    assert birth_date_problem("1906-11-24", today) == "utter_invalid_date_naissance_age"
    assert birth_date_problem("1906-11-25", today) is None


def test_month_day_merge():
    assert merge_month_day("--03-12", "1952-11-21") == "1952-03-12"
    assert merge_month_day("--02-29", "1953-01-01") is None
    assert merge_month_day("--03-12", None) is None


def test_year_merge():
    assert merge_year("1968", "1986-03-12") == "1968-03-12"
    assert merge_year("1953", "1952-02-29") is None  # no 29 February that year
    assert merge_year("1968", None) is None


def test_same_name_answers_and_names():
    assert all(map(is_same_name_answer, ["identique", "Pareil", "même nom", "le même", "même chose"]))
    assert not is_same_name_answer("Martin")
    # the name given is the birth name too, said of it or of her
    assert all(map(is_same_name_answer, ["c'est son nom de naissance, elle n'est pas mariée", "elle n'est pas mariée",
                                         "c'est aussi son nom de naissance", "célibataire"]))
    assert not is_same_name_answer("son nom de naissance c'est Dupont") and not is_same_name_answer("il est marié")
    assert is_valid_name("de La Fontaine") and is_valid_name("N'Diaye") and not is_valid_name("Durand2")


def test_recap_lines_and_missing_fields():
    slots = {"civilite": "Madame", "prenom": "Marie", "nom": "Durand", "nom_naissance": "Martin",
             "date_naissance": "1952-11-21", "telephone": "+33645372653"}
    assert patient_line(slots) == "Madame Marie Durand (naissance : Martin), née le 21/11/1952, 06 45 37 26 53"
    assert patient_line({**slots, "civilite": "Monsieur"}).endswith("né le 21/11/1952, 06 45 37 26 53")
    assert patient_line({"date_naissance": "1952-11-21", "telephone": "+590690123456"}) == \
        "né(e) le 21/11/1952, 0690 12 34 56"
    assert patient_line({"telephone": "+4915112345678"}) == "+49 1511 2345678"
    assert missing_fields(slots) == ["localisation"]
    assert draft_message("toux") == "Le patient présente les symptômes suivants : toux" and draft_message(None) == ""


def test_the_draft_message_agrees_with_the_patient():
    assert draft_message("angine", "Madame") == "La patiente présente les symptômes suivants : angine"
    assert draft_message("angine", "Monsieur") == "Le patient présente les symptômes suivants : angine"


def test_delays_read_at_a_glance():
    assert need_line({"localisation": "Lyon 3e", "urgence": 2}) == "Lyon 3e, d'ici 2 h"
    assert need_line({"urgence": 72}) == "d'ici 3 jours" and need_line({"urgence": 36}) == "d'ici 36 h"
    window = {"start": "2026-11-25T10:30:00+01:00", "end": "2026-11-26T20:00:00+01:00", "text": "aujourd'hui ou demain"}
    assert need_line({"creneau": window}) == "aujourd'hui ou demain"
    assert need_line({"localisation": "Tours", "type_consultation": "video"}) == "Tours, en vidéo"  # the label, not the code


@pytest.mark.parametrize("answer, meant", [
    ("Hamel aussi", "Hamel"), ("idem, Caen", "Caen"), ("pareil strasbourg la meinau", "strasbourg la meinau"),
    ("pareil que sa soeur", "pareil que sa soeur"),  # compared to someone: no answer to cut
])
def test_the_word_saying_same_as_before_is_no_part_of_the_answer(answer, meant):
    assert without_too(answer) == meant
