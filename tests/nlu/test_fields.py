"""The bare-answer parsers the form validators call (bot/nlu/fields.py)."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlu import fields
from bot.nlu.text import Normalized, one_letter_apart

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=ZoneInfo("Europe/Paris"))  # a Wednesday


@pytest.mark.parametrize("said, typed", [
    ("zéro six quarante-cinq trente-sept vingt-six cinquante-trois", "06 45 37 26 53"),
    ("soixante-dix ans", "70 ans"),
    ("quatre-vingt-dix", "90"),
    ("zero six", "06"),
    ("vingt et un novembre mille neuf cent cinquante-deux", "21 novembre 1952"),
    ("marie point durand arobase gmail point com", "marie.durand@gmail.com"),
    ("d u r a n d", "durand"),
    ("jean tiret pierre", "jean-pierre"),
    ("contact arobase neuf point fr", "contact@neuf.fr"),
    ("jean point dupont arobas orange point fr", "jean.dupont@orange.fr"),
    ("monsieur euh heu durand", "monsieur durand"), ("Europe", "Europe"),
    ("une petite fille de deux ans", "une petite fille de 2 ans"), ("un bébé de trois mois", "un bébé de 3 mois"),
])
def test_normalize_dictation(said, typed):
    assert fields.normalize_dictation(said) == typed


@pytest.mark.parametrize("text, e164", [
    ("06 45 37 26 53", "+33645372653"),
    ("0645372653", "+33645372653"),
    ("06.45.37.26.53", "+33645372653"),
    ("06-45-37-26-53", "+33645372653"),
    ("+33 6 45 37 26 53", "+33645372653"),
    ("0033 6 45 37 26 53", "+33645372653"),
    ("+33 (0)6 45 37 26 53", "+33645372653"),
    ("04 78 12 34 56", "+33478123456"),
    ("+32 470 12 34 56", "+32470123456"),
    ("non, le téléphone c'est le 06 45 37 26 53", "+33645372653"),
    ("zéro six quarante-cinq trente-sept vingt-six cinquante-trois", "+33645372653"),
    # without hyphens text2num alone would read 84 20 11: pairs are found under the ten-digit constraint
    ("zéro cinq quatre vingts quatre vingt onze quarante quatre cinquante huit", "+33580914458"),
    ("zéro quatre vingt et un cinquante-trois quatorze soixante-quatorze", "+33421531474"),
    ("06 40 80 75 69 69 ans", "+33640807569"),
    ("zéro six quarante quatre-vingts soixante-quinze soixante-neuf quatorze six ans", "+33640807569"),
    ("0612345678 12 rue de la Paix", "+33612345678"),  # a house number after the phone
    ("06 12 34 56 78 et 04 76 23 45 18", "+33612345678"),
    ("zéro sept trois deux huit quatre six zéro trois neuf", "+33732846039"),  # digit by digit
    # a pair said again to check it with the caller is said once
    ("zéro six quarante-sept vingt-trois quatre-vingt-un vous m'avez dit quatre-vingt-un oui cinquante-six",
     "+33647238156"),
    ("zéro six douze trente-quatre c'est bien trente-quatre cinquante-six soixante-dix-huit", "+33612345678"),
])
def test_parse_phone(text, e164):
    assert fields.parse_phone(text) == e164


@pytest.mark.parametrize("text", ["39,5", "72 ans", "il a 39 de fièvre", "Durand", "06 45", "06 12 34 56 78 9",
                                  # a pair too many: dialled too long, never shortened in silence
                                  "06 62 41 33 24 56", "son portable c'est le 06 62 41 33 24 56, fièvre",
                                  "zéro six soixante-deux quarante et un trente-trois vingt-quatre cinquante-cinq"])
def test_not_a_phone(text):
    assert fields.parse_phone(text) is None


@pytest.mark.parametrize("text, kept", [
    ("06 12 34 56 78 9", "06 12 34 56 78 9"),  # an eleventh digit, though "06 12 34" could start a date
    ("tél 01 23 45 67, fièvre", "01 23 45 67"),
    ("tel 01 23 45 fievre", "01 23 45"),  # short, but given as the phone
])
def test_a_number_dialled_wrong_is_kept_to_be_refused(text, kept):
    assert [found.value for found in fields.find_invalid_phones(text, TODAY)] == [kept]


@pytest.mark.parametrize("text", ["née le 12 03 1951", "DDN 12.03.1951", "fièvre 0 39", "douleur 05 06"])
def test_a_date_in_digits_is_no_wrong_number(text):
    assert fields.find_invalid_phones(text, TODAY) == []


@pytest.mark.parametrize("text, iso", [
    ("21/11/1952", "1952-11-21"),
    ("21/11/52", "1952-11-21"),
    ("21.11.52", "1952-11-21"),
    ("21 nov. 1952", "1952-11-21"),
    ("1952-11-21", "1952-11-21"),
    ("le 1er janvier 1960", "1960-01-01"),
    ("le 21 novembre 1952", "1952-11-21"),
    ("03/04/15", "2015-04-03"),
    ("vingt et un novembre mille neuf cent cinquante-deux", "1952-11-21"),
    ("le premier janvier soixante-dix", "1970-01-01"),
    ("elle est née le 12 mars", "--03-12"),
    ("le douze mars", "--03-12"),
])
def test_parse_birth_date(text, iso):
    assert fields.parse_birth_date(text, TODAY) == iso


@pytest.mark.parametrize("text", ["31/02/1990", "demain", "Durand", "12/12/2030"])
def test_not_a_birth_date(text):
    assert fields.parse_birth_date(text, TODAY) is None


@pytest.mark.parametrize("text, name", [
    ("DURAND", "Durand"),
    ("LE GALL", "Le Gall"),
    ("D U R A N D", "Durand"),
    ("de La Fontaine", "de La Fontaine"),
    ("MERCIER-BLANC", "Mercier-Blanc"),
    ("jean-pierre", "Jean-Pierre"),
    ("elle s'appelle Aïcha", "Aïcha"),
    ("c'est Durand", "Durand"),
    ("Nom : DURAND", "Durand"),
    ("durand d u r a n d", "Durand"),
    ("dos santos d o s s a n t o s", "Dos Santos"),  # the spelling runs the name's words together
    ("Le Bihan en deux mots L E et puis B I H A N", "Le Bihan"),  # two words spelled one after the other
    ("Anaïs avec un tréma sur le i", "Anaïs"),  # what is said of its letters is no part of it
    ("Noël avec le tréma", "Noël"),
    ("vandenbroucke c'est le même", "Vandenbroucke"),  # the name, the same as the other one
    ("martin aussi", "Martin"),
    ("el amrani el amrani", "El Amrani"),  # a name of two words said twice
])
def test_parse_person_name(text, name):
    assert fields.parse_person_name(text) == name


@pytest.mark.parametrize("text", ["oui", "06 45 37 26 53", "je ne sais pas", "", "demain matin",
                                  "les abymes", "au tampon"])  # a place with its article or preposition
def test_not_a_name(text):
    assert fields.parse_person_name(text) is None


@pytest.mark.parametrize("text, value", [
    ("Mme", "Madame"), ("Madame", "Madame"), ("Mlle", "Madame"), ("M. Dupont", "Monsieur"),
    ("Mr", "Monsieur"), ("monsieur", "Monsieur"), ("3 m. de haut", None),
])
def test_parse_civilite(text, value):
    assert fields.parse_civilite(text) == value


@pytest.mark.parametrize("text, value", [
    ("en vidéo", "video"), ("téléconsultation", "video"), ("au cabinet", "cabinet"), ("visite à domicile", "domicile"),
    ("on verra", None), ("pas en vidéo, plutôt au cabinet", "cabinet"), ("sans visio", None),
    ("vidéo impossible, il n'a pas internet, plutôt cabinet", "cabinet"), ("c'est le cabinet infirmier", None),
    ("c'est le cabinet médical, une visite à domicile", "domicile"), ("rdv cabinet demain", "cabinet"),
    ("résident du foyer, visite sur place par un MG", "domicile"),
])
def test_parse_mode(text, value):
    assert fields.parse_mode(text) == value


@pytest.mark.parametrize("text, hours", [
    ("dans l'heure", 4), ("dans les 4 heures", 4), ("dans les quatre heures", 4), ("c'est urgent", 8),
    ("aujourd'hui", 12), ("sous 48 h", 48), ("dans les 2 jours", 48), ("pas pressé", 72), ("pas urgent", 72),
    ("dans les 6 heures", 6), ("d'ici demain", 24), ("il est allé aux urgences", None), ("peut attendre 3 jours", 72),
    ("urgent, à voir dans les 2 heures", 2), ("pas pressé mais dans les 2 jours", 48), ("sous 48h, voire 24h", 48),
    ("dans les 48 h ou dans les 24 h", 24), ("sous 3h max", 3),
    # an urgency denied is a patient who can wait
    ("non urgent", 72), ("c'est pas si urgent", 72), ("peu urgent", 72), ("sans urgence", 72),
    ("au plus tard demain", 24),
])
def test_parse_urgency(text, hours):
    assert fields.parse_urgency(text) == hours


@pytest.mark.parametrize("text, start, end", [
    ("demain matin", "2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00"),
    ("jeudi", "2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00"),
    ("avant 18h", "2026-11-25T10:30:00+01:00", "2026-11-25T18:00:00+01:00"),
    ("mercredi", "2026-12-02T08:00:00+01:00", "2026-12-02T20:00:00+01:00"),
    ("demain entre 14h et 16h", "2026-11-26T14:00:00+01:00", "2026-11-26T16:00:00+01:00"),
    ("cet après-midi", "2026-11-25T14:00:00+01:00", "2026-11-25T18:00:00+01:00"),
    ("aujourd'hui ou demain", "2026-11-25T10:30:00+01:00", "2026-11-26T20:00:00+01:00"),
    ("dans la journée ou demain", "2026-11-25T10:30:00+01:00", "2026-11-26T20:00:00+01:00"),
    ("demain ou après-demain matin", "2026-11-26T08:00:00+01:00", "2026-11-27T12:00:00+01:00"),
    ("en fin de journée jeudi", "2026-11-26T17:00:00+01:00", "2026-11-26T20:00:00+01:00"),
    ("vers 16h aujourd'hui", "2026-11-25T15:00:00+01:00", "2026-11-25T17:00:00+01:00"),
    ("avant midi", "2026-11-25T10:30:00+01:00", "2026-11-25T12:00:00+01:00"),
    ("ce soir ou demain matin", "2026-11-25T18:00:00+01:00", "2026-11-26T12:00:00+01:00"),  # one runs into the other
])
def test_parse_time_window(text, start, end):
    window = fields.parse_time_window(text, NOW)
    assert (window["start"], window["end"], window["text"]) == (start, end, text)
    assert "heures" not in window


def test_the_same_part_of_the_day_on_either_day_says_its_hours():  # never the morning between
    window = fields.parse_time_window("cet après-midi ou demain après-midi", NOW)
    assert (window["start"], window["end"], window["heures"]) == (
        "2026-11-25T14:00:00+01:00", "2026-11-26T18:00:00+01:00", ["14:00", "18:00"])


@pytest.mark.parametrize("text, start", [
    ("visio ce matin", "2026-11-25T10:30:00+01:00"),  # no complaint before it: wanted
    ("fièvre depuis hier, rdv jeudi", "2026-11-26T08:00:00+01:00"),  # another clause
    ("toux depuis mardi il voudrait vendredi", "2026-11-27T08:00:00+01:00"),
    ("toux depuis 3 jours demain matin si possible", "2026-11-26T08:00:00+01:00"),  # nothing begins tomorrow
])
def test_a_time_after_an_onset_is_wanted_again(text, start):
    assert fields.parse_time_window(text, NOW)["start"] == start


@pytest.mark.parametrize("text, start", [
    ("le 3 décembre plutôt", "2026-12-03T08:00:00+01:00"), ("le premier décembre", "2026-12-01T08:00:00+01:00"),
    ("le 2 déc. au cabinet", "2026-12-02T08:00:00+01:00"),
])
def test_a_date_coming_soon_is_a_wanted_day(text, start):
    assert fields.parse_time_window(text, NOW)["start"] == start


def test_time_window_after_the_evening_is_tomorrow():
    late = NOW.replace(hour=21)
    assert fields.parse_time_window("le matin", late)["start"] == "2026-11-26T08:00:00+01:00"


@pytest.mark.parametrize("text", [
    "fièvre depuis ce matin", "depuis hier soir", "Durand",
    # when the complaint began: after "depuis" in the same clause, or a part of today begun right after a complaint
    "douleur au mollet depuis le vol de dimanche", "il a mal à la cheville depuis le sport ce matin",
    "malaise ce matin", "il a de la fièvre ce matin",
    "le 12 mars", "depuis le 20 novembre", "le 31 novembre",  # not soon (rather a birthday), past, no such day
    "il est rentré chez ses parents à Cholet ce week-end", "elle est tombée ce week-end",  # when it happened
])
def test_not_a_time_window(text):
    assert fields.parse_time_window(text, NOW) is None


@pytest.mark.parametrize("text, label", [
    ("plutôt un pédiatre", "pédiatrie"), ("un généraliste", "médecine générale"), ("dermato", "dermatologie"),
    ("ORL", "oto-rhino-laryngologie"), ("peu importe", None),
])
def test_parse_specialty(text, label):
    assert fields.parse_specialty(text) == label


@pytest.mark.parametrize("text, email", [
    ("Marie.Durand@Gmail.com", "marie.durand@gmail.com"),
    ("mail : m.durand@orange.fr.", "m.durand@orange.fr"),
    ("marie point durand arobase gmail point com", "marie.durand@gmail.com"),
    ("jp tiret bas martin arobase free point fr", "jp_martin@free.fr"),
])
def test_parse_email(text, email):
    assert fields.parse_email(text) == email


@pytest.mark.parametrize("word, other, apart", [("rousseau", "rosseau", True), ("lefebvre", "lefebre", True),
                                                ("durand", "durant", True), ("martin", "martin", False),
                                                ("roux", "rous", False), ("bernard", "bertrand", False)])
def test_one_letter_apart(word, other, apart):
    assert one_letter_apart(word, other) is apart


@pytest.mark.parametrize("text, phone", [
    ("06 51 22 48 non attendez 22 49 17", "+33651224917"),  # taken back before its end, said again from a pair
    ("zéro quatre soixante-dix-huit douze treize non pardon douze quatorze quinze", "+33478121415"),
    ("06 71 40 20 non pardon 21 32", "+33671402132"),  # the pair just said taken back
])
def test_a_number_taken_back_before_its_end_and_said_again_from_one_of_its_pairs(text, phone):
    assert [f.value for f in fields.find_phones(Normalized.of(text).text)] == [phone]
