"""Fixes found by writing messages as regulators type and operators dictate: each reading at its cause (what a word
attaches to, the tense of a verb, how an address or a number is said), on the plain functions."""
from datetime import datetime

import pytest

from bot.nlu.abroad import city_abroad, country_said_last
from bot.nlu.extraction import read_details
from bot.nlu.spoken_numbers import spoken_phones
from bot.nlu.text import fold, normalize_dictation, written_out
from bot.referral.extra_fields import birth_place

NOW = datetime.fromisoformat("2026-11-25T10:30:00+01:00")  # a Wednesday


def read(text: str) -> dict:
    return {e["entity"]: e["value"] for e in read_details(text, NOW)}


def window_read(text: str) -> tuple[str, str] | None:
    """The wanted time read, as (start, end), or None."""
    window = read(text).get("creneau")
    return window and (window["start"], window["end"])


@pytest.mark.parametrize("said, country", [
    ("Tunisie", ("", "Tunisie")), ("Oran (Algérie)", ("Oran (", "Algérie")), ("Dakar au Sénégal", ("Dakar au ", "Sénégal")),
    ("Vietnam", ("", "Viêt Nam")), ("etats-unis", ("", "États-Unis")),
    ("Brest", None), ("Martinique", None), ("Saint-Paul (La Réunion)", None), ("Europe", None),
])
def test_a_birth_place_abroad_ends_with_its_country(said, country):
    assert country_said_last(said) == country


@pytest.mark.parametrize("text, expected", [
    ("M. Ali Haddad né en Tunisie le 2/2/1980, vit à Lille", {"lieu_naissance": "Tunisie", "localisation": "Lille"}),
    ("née à Oran (Algérie) le 3 mai 1961", {"lieu_naissance": "Oran (Algérie)"}),
    ("il vit au François en Martinique", {"localisation": "Le François en Martinique"}),
    ("née à Saint-Pierre (La Réunion), habite Saint-Joseph", {"lieu_naissance": "Saint-Pierre (La Réunion)",
                                                             "localisation": "Saint-Joseph"}),
])
def test_a_place_keeps_where_it_lies(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("said, typed", [
    ("c'est claire point morin arobase yahoo point fr", "c'est claire.morin@yahoo.fr"),
    ("mail c l a i r e point m o r i n arobase yahoo point fr", "mail claire.morin@yahoo.fr"),
    ("mail m tiret morin quarante-quatre at free point fr", "mail m-morin44@free.fr"),
    ("mail c morin tiret neuf arobase neuf point fr", "mail cmorin-9@neuf.fr"),  # the domain keeps its word
    ("son email jean.martin at gmail.com", "son email jean.martin@gmail.com"),
    ("son mail c'est j point durand 2 arobase sfr point fr", "son mail c'est j.durand2@sfr.fr"),
])
def test_dictated_emails(said, typed):
    assert normalize_dictation(said) == typed


@pytest.mark.parametrize("said, digits", [
    ("zéro sept dix onze non pardon douze treize quatorze", "07 10 12 13 14"),
    ("zéro sept dix onze douze treize non quatorze", "07 10 11 12 14"),
    ("zéro sept dix onze douze treize non elle a un fixe", "07 10 11 12 13"),
])
def test_a_pair_taken_back_is_said_again(said, digits):
    assert [found[2] for found in spoken_phones(fold(said))] == [digits]


@pytest.mark.parametrize("text, creneau", [
    ("elle a chuté ce matin elle voudrait être vue vendredi", ("2026-11-27T08:00:00+01:00", "2026-11-27T20:00:00+01:00")),
    ("il s'est brûlé lundi, rdv jeudi", ("2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    ("elle est disponible cet après-midi", ("2026-11-25T14:00:00+01:00", "2026-11-25T18:00:00+01:00")),
    ("il a vomi cette nuit", None),
    ("plutôt demain en fin de matinée", ("2026-11-26T10:00:00+01:00", "2026-11-26T12:00:00+01:00")),
])
def test_a_time_after_a_verb_in_the_past_is_when_it_happened(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, symptomes", [
    ("madame leroy elle a mal au ventre depuis hier et elle vomit beaucoup", "mal au ventre depuis hier et elle vomit beaucoup"),
    ("il a de la fièvre et il voudrait voir un médecin demain", "fièvre"),
    ("plaie à la jambe qui guérit pas", "plaie à la jambe qui guérit pas"),
])
def test_a_complaint_goes_on_as_long_as_it_describes(text, symptomes):
    assert read(text).get("symptomes") == symptomes


@pytest.mark.parametrize("text, expected", [
    ("petite précision, le prénom c'est Inès", {"prenom": "Inès"}),
    ("homme 52 ans Olivier Marchal, Reims", {"prenom": "Olivier", "nom": "Marchal", "localisation": "Reims"}),
    ("Mme BEN SALAH Leïla", {"civilite": "Madame", "nom": "Ben Salah", "prenom": "Leïla"}),
    ("madame marie-claire jean-baptiste", {"civilite": "Madame", "prenom": "Marie-Claire", "nom": "Jean-Baptiste"}),
])
def test_names_as_they_are_said(text, expected):
    assert {k: v for k, v in read(text).items() if k in ("civilite", "prenom", "nom", "localisation")} == expected


@pytest.mark.parametrize("text, place", [
    ("Mme Nadia Roux 1975 Valence sciatique", "Valence"),
    ("angine Grenoble dispo demain", "Grenoble"),
    ("zona, Cayenne, nom de naissance Joseph", "Cayenne"),
])
def test_a_bare_commune_between_fields_is_where_the_patient_is(text, place):
    assert read(text).get("localisation") == place


@pytest.mark.parametrize("text, expected", [
    # a house number and a street type are an address wherever they start, with the commune « à » names after them
    ("mr Paul Vidal 8 avenue Foch Nancy, né le 2/3/1950 à Metz", {"localisation": "8 avenue Foch Nancy",
                                                                   "lieu_naissance": "Metz"}),
    ("elle est au 5 rue des Lilas à Bron", {"localisation": "5 rue des Lilas à Bron"}),
    ("domicile : 2 impasse Verte au Mans", {"localisation": "2 impasse Verte au Mans"}),
])
def test_a_street_address_keeps_its_commune(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # who calls is named first; the patient named after them is the one to book
    ("ici Mme Lopez, la voisine de M. Paul Girard, il a chuté", {"civilite": "Monsieur", "prenom": "Paul", "nom": "Girard"}),
    ("Appelant : M. Petit Marc pour sa femme Mme Petit Laure", {"civilite": "Madame", "prenom": "Laure", "nom": "Petit"}),
    ("Mme et M. Diaz appellent pour leur fille Inès Diaz", {"prenom": "Inès", "nom": "Diaz"}),
    # named alone, the caller is the patient
    ("Appel de Mme Renée Collet, 80 ans, vertiges", {"civilite": "Madame", "prenom": "Renée", "nom": "Collet"}),
])
def test_the_caller_is_the_patient_only_when_no_one_else_is_named(text, expected):
    assert {k: v for k, v in read(text).items() if k in ("civilite", "prenom", "nom")} == expected


@pytest.mark.parametrize("text, expected", [
    ("à revoir : MALLET Sophie 41 ans cystite", {"nom": "Mallet", "prenom": "Sophie"}),
    ("pour Hugo BERTIN, entorse", {"prenom": "Hugo", "nom": "Bertin"}),
    ("COLIN ép. MARCHAL Denise, Dijon", {"nom_naissance": "Colin", "nom": "Marchal", "prenom": "Denise"}),
    ("M. O'BRIEN Kevin", {"nom": "O'Brien", "prenom": "Kevin"}),
    ("le patient s'appelle Luc Vidal", {"prenom": "Luc", "nom": "Vidal"}),
])
def test_names_typed_in_notes(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("DURAND;Paul;M;01/02/1950", "Monsieur"),
    ("1 m 80, 75 kg", None),
])
def test_a_civility_column_of_an_export(text, expected):
    assert read(text).get("civilite") == expected


@pytest.mark.parametrize("said, typed", [
    ("son mail c'est paul henri tout attaché arobase free point fr", "son mail c'est paulhenri@free.fr"),
    ("son mail giovanni rossi quatre-vingt-dix tout attaché arobase yahoo point fr",
     "son mail giovannirossi90@yahoo.fr"),
    ("mail leroux collé arobase gmail point com", "mail leroux@gmail.com"),
])
def test_words_said_attached_in_an_email_are_one(said, typed):
    assert normalize_dictation(said) == typed


@pytest.mark.parametrize("text, expected", [
    ("née le quatre du dix soixante-dix", {"date_naissance": "1970-10-04"}),
    ("dispo lundi ap-midi", {"creneau": ("2026-11-30T14:00:00+01:00", "2026-11-30T18:00:00+01:00")}),
    ("hématome au bras, Nancy", {"symptomes": "hématome au bras"}),
])
def test_dates_periods_and_complaints_as_written(text, expected):
    got = read(text)
    if "creneau" in got:
        got["creneau"] = (got["creneau"]["start"], got["creneau"]["end"])
    assert {k: v for k, v in got.items() if k in expected} == expected


@pytest.mark.parametrize("text, creneau", [
    ("vendredi de préférence l'après-midi", ("2026-11-27T14:00:00+01:00", "2026-11-27T18:00:00+01:00")),
    ("jeudi, dispo vers 10h", ("2026-11-26T09:00:00+01:00", "2026-11-26T11:00:00+01:00")),
    # hours said after "depuis" are when it began, not the day's hours
    ("RDV jeudi, toux depuis le soir", ("2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    # two parts of one day: from the first to the end of the last; "pas avant 15h" is from 15h
    ("demain matin ou après-midi peu importe", ("2026-11-26T08:00:00+01:00", "2026-11-26T18:00:00+01:00")),
    ("pas avant 15h", ("2026-11-25T15:00:00+01:00", "2026-11-25T20:00:00+01:00")),
    ("demain matin de bonne heure", ("2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00")),
    ("demain vers dix heures et demie", ("2026-11-26T09:30:00+01:00", "2026-11-26T11:30:00+01:00")),
    ("vendredi entre dix heures et midi", ("2026-11-27T10:00:00+01:00", "2026-11-27T12:00:00+01:00")),
    ("dans la matinée de demain", ("2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00")),
    ("vendredi 27 novembre le matin", ("2026-11-27T08:00:00+01:00", "2026-11-27T12:00:00+01:00")),
    # as SMS write them
    ("RDV dem matin", ("2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00")),
    ("dispo auj apm", ("2026-11-25T14:00:00+01:00", "2026-11-25T18:00:00+01:00")),
    ("demain 14h-16h", ("2026-11-26T14:00:00+01:00", "2026-11-26T16:00:00+01:00")),
    ("entre 14 et 16h demain", ("2026-11-26T14:00:00+01:00", "2026-11-26T16:00:00+01:00")),
    ("le 27/11 à 10h", ("2026-11-27T10:00:00+01:00", "2026-11-27T11:00:00+01:00")),
    ("ven. 14h", ("2026-11-27T14:00:00+01:00", "2026-11-27T15:00:00+01:00")),
    ("dispo jeudi ap-m", ("2026-11-26T14:00:00+01:00", "2026-11-26T18:00:00+01:00")),
    # an hour said roughly, an hour either side, as "vers"
    ("vendredi autour de 11h", ("2026-11-27T10:00:00+01:00", "2026-11-27T12:00:00+01:00")),
    ("demain aux alentours de 16 heures", ("2026-11-26T15:00:00+01:00", "2026-11-26T17:00:00+01:00")),
    # the hours excepted are not the wanted ones
    ("demain sauf entre midi et quatorze heures", ("2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00")),
])
def test_the_hours_said_near_a_day_are_its_own(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, date", [
    ("il est né en soixante-dix le trois avril", "1970-04-03"),
    ("née le neuf du deux quatre-vingt-un", "1981-02-09"),
])
def test_birth_dates_said_in_another_order(text, date):
    assert read(text).get("date_naissance") == date


@pytest.mark.parametrize("text, expected", [
    ("c'est madame voyons Odile Marchand", {"prenom": "Odile", "nom": "Marchand"}),
    ("MOULINS;Claire;12/02/1960", {"nom": "Moulins", "prenom": "Claire"}),
    ("Mme PONS née VIDAL Agnès", {"nom": "Pons", "nom_naissance": "Vidal", "prenom": "Agnès"}),
    ("toux, Ste-Anne, 0690 11 22 33", {"localisation": "Ste-Anne"}),
])
def test_names_and_places_as_operators_note_them(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # the name spelled on the phone is the surname, whichever order the two are said in
    ("il s'appelle Martin Gérard G E R A R D", {"prenom": "Martin", "nom": "Gérard"}),
    # a name taken back is replaced by the one said after it
    ("monsieur Marcel non pardon Michel Roy", {"civilite": "Monsieur", "prenom": "Michel", "nom": "Roy"}),
    # who asks "pour leur fils", "pour sa mère" is not the patient, even with a civility
    ("Mme Faure pour sa mère Mme Odette Faure, Lyon", {"civilite": "Madame", "prenom": "Odette", "nom": "Faure"}),
])
def test_whose_names_they_are(text, expected):
    assert {k: v for k, v in read(text).items() if k in ("civilite", "prenom", "nom")} == expected


def test_columns_separated_by_bars_keep_their_offsets():
    entities = {e["entity"]: e for e in read_details("CARON|Lucie|Lens|fièvre", NOW)}
    assert (entities["nom"]["value"], entities["prenom"]["value"], entities["localisation"]["value"]) == \
        ("Caron", "Lucie", "Lens")
    assert "CARON|Lucie|Lens|fièvre"[entities["localisation"]["start"]:entities["localisation"]["end"]] == "Lens"


@pytest.mark.parametrize("text, expected", [
    ("Mme Morel, toux grasse", {"symptomes": "toux grasse"}),  # Grasse is a commune, not said as one here
    ("il a trébuché hier, il a mal à la cheville", {"symptomes": "mal à la cheville"}),
    ("c'est l'aide à domicile de M. Roy, fièvre", {"symptomes": "fièvre"}),  # a service, not the mode wanted
    ("visite à domicile souhaitée", {"type_consultation": "domicile"}),
])
def test_what_a_word_belongs_to(text, expected):
    assert {k: v for k, v in read(text).items() if k in ("symptomes", "type_consultation")} == expected


@pytest.mark.parametrize("text, expected", [
    ("fracture ouverte, Dijon", {"symptomes": "fracture ouverte", "localisation": "Dijon"}),
    ("elle a eu des vertiges hier", {"symptomes": "vertiges hier"}),  # "a eu": no commune Eu
    ("c'est pour Léo Marchand, 6 ans, fièvre", {"prenom": "Léo", "nom": "Marchand", "symptomes": "fièvre"}),
    ("madame euh comment elle s'appelle déjà Rose Carpentier", {"prenom": "Rose", "nom": "Carpentier"}),
])
def test_phrases_end_where_they_end(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("il est fatigué depuis lundi", {"symptomes": "fatigué depuis lundi"}),
    ("l'adresse mail c'est paul.roy@free.fr", {"email": "paul.roy@free.fr"}),  # no place called "mail"
    ("ROUX Léa 30 ans Vannes otite", {"nom": "Roux", "prenom": "Léa", "localisation": "Vannes", "symptomes": "otite"}),
])
def test_states_mail_addresses_and_places_after_an_age(text, expected):
    assert {k: v for k, v in read(text).items() if k not in ("telephone",)} == expected


@pytest.mark.parametrize("text, expected", [
    ("Nom/Prénom : BRUN Elsa ; Lens", {"nom": "Brun", "prenom": "Elsa", "localisation": "Lens"}),
    ("toux depuis hier papa joignable le soir", {"symptomes": "toux depuis hier"}),  # a relative ends the complaint
])
def test_headers_and_relatives_in_notes(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("said, typed", [
    ("le nom c'est M comme Marcel A R T Y", "le nom c'est MARTY"),
    ("il y a comme une gêne", "il y a comme une gêne"),  # "a comme une" spells no letter
])
def test_a_letter_spelled_with_a_word_is_the_letter(said, typed):
    assert normalize_dictation(said) == typed


@pytest.mark.parametrize("text, expected", [
    ("le nom s'écrit R O Y E R", {"nom": "Royer"}),
    ("à voir très vite", {"urgence": 4}),
    ("à voir assez vite", {"urgence": 8}),
    ("vendredi 14h", {"creneau": ("2026-11-27T14:00:00+01:00", "2026-11-27T15:00:00+01:00")}),
])
def test_spellings_urgencies_and_hours_as_said(text, expected):
    got = read(text)
    if "creneau" in got:
        got["creneau"] = (got["creneau"]["start"], got["creneau"]["end"])
    assert {k: v for k, v in got.items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("c'est pour une dame âgée madame Irène Gros, elle tousse", {"civilite": "Madame", "prenom": "Irène", "nom": "Gros",
                                                                 "symptomes": "tousse"}),
    ("c'est l'aide de M. Noël Berthier qui appelle, il chute souvent", {"civilite": "Monsieur", "prenom": "Noël",
                                                                        "nom": "Berthier"}),
    ("DDN 02/03/1940 dom. Auch AEG", {"date_naissance": "1940-03-02", "localisation": "Auch", "symptomes": "AEG"}),
])
def test_who_is_described_and_where_they_live(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a region, then the town in it: the town is the birth place, never where the patient is
    ("née en Normandie à Caen, vit à Lyon", {"lieu_naissance": "Caen", "localisation": "Lyon"}),
    ("né en Tunisie à Sfax, habite Nice", {"lieu_naissance": "Tunisie", "localisation": "Nice"}),
    ("née en Algérie à Oran", {"lieu_naissance": "Algérie"}),
])
def test_a_town_said_after_the_birth_region_is_no_location(text, expected):
    assert {k: v for k, v in read(text).items() if k in ("lieu_naissance", "localisation")} == expected


@pytest.mark.parametrize("text, expected", [
    ("madame Marie attendez Marie-Laure Faivre", {"prenom": "Marie-Laure", "nom": "Faivre"}),
    ("madame Marie attendez Faivre", {"prenom": "Marie", "nom": "Faivre"}),  # no name said again: nothing replaced
    ("il est désorienté depuis hier", {"symptomes": "désorienté depuis hier"}),
])
def test_names_said_again_whole_and_states(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # the birth date and the commas around it tie the place to "née" across the birth name
    ("Mme Simone Brun, née Lefebvre, le 6 novembre 1949, à Arras, elle réside à Lens",
     {"nom_naissance": "Lefebvre", "lieu_naissance": "Arras", "localisation": "Lens"}),
    # a place the tables do not know, then the commune it is in
    ("Mme Lucienne Barbier qui vit en EHPAD à Annecy, toux fébrile", {"localisation": "Annecy"}),
    ("il habite au foyer des Lilas à Vienne", {"localisation": "Vienne"}),
    # a street address ends with its postal code and commune
    ("domiciliée 8 avenue Jean Jaurès 38000 Grenoble chute sans gravité",
     {"localisation": "8 avenue Jean Jaurès 38000 Grenoble", "symptomes": "chute sans gravité"}),
    # a commune written as one closes the run of words before another field
    ("M. Yann Le Gall 0298765432 hernie douloureuse Quimper demain",
     {"symptomes": "hernie douloureuse", "localisation": "Quimper"}),
    ("Mme  ISABELLE  ROBIN  06 66 77 88 99  infection dentaire  Toulon  sous 24h",
     {"symptomes": "infection dentaire", "localisation": "Toulon"}),
    ("Mme Océane Vidal 0699887766 cystite Amiens rendez vous au cabinet",
     {"symptomes": "cystite", "localisation": "Amiens"}),
    ("M. Kevin Payet né 05/05/1995 Saint-Denis de la Réunion gastro depuis hier",
     {"localisation": "Saint-Denis de la Réunion", "symptomes": "gastro depuis hier"}),
    # the codes and arrondissements written beside a commune are part of it
    ("Mme Roux Anne 0611223344 angine, Paris XVe", {"localisation": "Paris XVe"}),
    ("M. Faure Luc, toux, Lyon 3ème arrondissement", {"localisation": "Lyon 3ème arrondissement"}),
    ("Mme Blanc, fièvre, 69003 Lyon", {"localisation": "69003 Lyon"}),
    ("Mme Blanc, fièvre, Lyon (69003)", {"localisation": "Lyon (69003)"}),
    ("Mme Petit, Marseille 13013, angine", {"localisation": "Marseille 13013", "symptomes": "angine"}),
    ("M. Diallo à Saint-Denis (93), fièvre", {"localisation": "Saint-Denis (93)"}),
    # near what, or in which part of it
    ("il est à côté de Grenoble", {"localisation": "Grenoble"}),
    ("il est sur la commune de Bron", {"localisation": "Bron"}),
    ("secteur nord de Lyon", {"localisation": "Lyon"}),
])
def test_a_place_attaches_to_what_governs_it(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("enfant de 4 ans Louise Petit fièvre 39 depuis hier soir", {"prenom": "Louise", "nom": "Petit"}),
    ("le patient s'appelle Julien Masson j'épelle M A S S O N il est né le 3 mars 1988",
     {"prenom": "Julien", "nom": "Masson"}),
    # first names borne in France that the list counts under other countries
    ("Patient Karim Benali 12/12/1985 otite", {"prenom": "Karim", "nom": "Benali"}),
    ("Mohamed Sadi 0611223344 toux", {"prenom": "Mohamed", "nom": "Sadi"}),
    # a child called by the first name, then named whole
    ("je vous appelle pour mon fils tom il a sept ans tom garnier il a de la fièvre",
     {"prenom": "Tom", "nom": "Garnier"}),
    ("la petite Léa 4 ans otite", {"prenom": "Léa", "nom": None}),
    ("elle s'appelle emma son nom c'est bertrand", {"prenom": "Emma", "nom": "Bertrand"}),
    # said aloud, two names that are both first names and surnames: the first name first
    ("monsieur david vincent il a de la fièvre", {"prenom": "David", "nom": "Vincent"}),
    # a request is no complaint
    ("c'est pour un rendez-vous pour Mme Martine Roche, elle a une conjonctivite",
     {"nom": "Roche", "symptomes": "conjonctivite"}),
])
def test_names_as_relatives_and_notes_give_them(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("avis pédiatrique", {"specialite": "pédiatrie"}),  # the specialty's adjective
    ("urgence dermatologique demain", {"specialite": "dermatologie"}),
])
def test_a_specialty_said_as_its_adjective_names_no_one(text, expected):
    found = read(text)
    assert {k: v for k, v in found.items() if k in ("specialite", "nom", "prenom")} == expected


@pytest.mark.parametrize("text, expected", [
    # a commune capitalized right after another field, in a note typed without punctuation
    ("DUPUIS Michel 14/07/1950 06 33 44 55 66 Nîmes HTA déséquilibrée",
     {"localisation": "Nîmes", "symptomes": "HTA déséquilibrée"}),
    # a relative's label is no place (Fillé is a commune)
    ("M. Raymond Leclerc, 03 20 11 22 33 (fixe) ou 06 10 20 30 40 (fille), Roubaix, chute",
     {"localisation": "Roubaix", "symptomes": "chute"}),
    # what the patient is beside the age names no one; the civility after it names her
    ("patiente 34 ans enceinte 5 mois Mme Julie Meyer 06 12 13 14 15 Colmar",
     {"prenom": "Julie", "nom": "Meyer", "localisation": "Colmar"}),
    # the names end where a commune that is no first name begins; the région written after it situates it
    ("Mme Claire Dupont Lyon fièvre", {"nom": "Dupont", "localisation": "Lyon", "symptomes": "fièvre"}),
    ("M. Ali Saïd, Mamoudzou Mayotte, fièvre", {"nom": "Saïd", "localisation": "Mamoudzou Mayotte"}),
    ("le papa de Chloé Renard appelle", {"nom": "Renard", "localisation": None}),  # Appelle is a commune
    # a couple named, then which of them: the names said again whole; someone else named later is not her
    ("pour M. et Mme Lopez : c'est la femme Mme Isabel Lopez 58 ans qui a une sciatique, Narbonne",
     {"prenom": "Isabel", "nom": "Lopez", "localisation": "Narbonne"}),
    ("Mme Durand 06 11 22 33 44 toux, sa voisine Mme Paule Roux est avec elle", {"prenom": None, "nom": "Durand"}),
    ("Mme Evelyne Caron 06 31 42 53 64 – cystite – Lens – dispo ce jour", {"urgence": 12}),
    # a number dialled wrong beside a valid one is no birth date
    ("sa fille répond au 07 12 34 56 78 sinon le fixe 02 41 11 22 33",
     {"telephone": "+33241112233", "date_naissance": None}),
])
def test_fields_of_a_note_typed_in_a_row(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("nom usage Durand nom naissance Martin prénom Claire",
     {"nom": "Durand", "nom_naissance": "Martin", "prenom": "Claire"}),
    ("Mme Claire Martin veuve Durand",
     {"civilite": "Madame", "nom": "Durand", "nom_naissance": "Martin", "prenom": "Claire"}),
    ("M.Paul Lefèvre", {"civilite": "Monsieur", "prenom": "Paul", "nom": "Lefèvre"}),  # the civility glued
    ("elle est veuve et vit seule à Lyon", {"localisation": "Lyon"}),
])
def test_names_of_usage_and_of_birth_as_notes_label_them(text, expected):
    found = read(text)
    assert {k: v for k, v in found.items() if k in ("civilite", "nom", "nom_naissance", "prenom", "localisation")} \
        == expected


@pytest.mark.parametrize("text, expected", [
    ("il est né en mars cinquante-deux le douze", {"lieu_naissance": None}),  # a month, not the commune Mars
    ("né à Mars, vit à Saint-Étienne", {"lieu_naissance": "Mars", "localisation": "Saint-Étienne"}),
    ("numéro zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit", {"telephone": "+33612345678"}),
])
def test_what_a_transcript_punctuates_or_names_alike(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative named as the contact is not the patient; the caller's own relative is
    ("Jade 6 ans fièvre, maman Mme Sarah Benoit 06 12 34 56 78, Lille",
     {"civilite": None, "prenom": "Jade", "nom": None, "telephone": "+33612345678"}),
    ("M. Paul Roy, toux, contact sa fille Mme Claire Roy 06 11 22 33 44", {"prenom": "Paul", "nom": "Roy"}),
    ("mon père monsieur andré lambert il a de la fièvre", {"prenom": "André", "nom": "Lambert"}),
    ("Appel du mari : Mme Pascale Joly, 62 ans", {"prenom": "Pascale", "nom": "Joly"}),
    ("Durand 45 ans fièvre", {"prenom": None}),  # an age after a surname names no child
    ("le matin uniquement", {"prenom": None, "nom": None}),
])
def test_whose_names_relatives_give(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # in a note "dem" asks (demande) unless it is a time: then the time said after it decides
    ("dem cs cabinet demain matin", {"creneau": ("2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00"),
                                     "type_consultation": "cabinet"}),
    ("DEM VAD : toux fébrile, dans la journée", {"creneau": None, "type_consultation": "domicile", "urgence": 12}),
    ("dem pédiatre cet apm", {"creneau": ("2026-11-25T14:00:00+01:00", "2026-11-25T18:00:00+01:00"),
                              "specialite": "pédiatrie"}),
    ("rdv dem", {"creneau": ("2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00")}),
    # "cab" is the practice; a doctor coming to the patient is a home visit
    ("rdv au cab jeudi", {"type_consultation": "cabinet"}),
    ("il faudrait que le médecin vienne à la maison", {"type_consultation": "domicile"}),
    ("l'infirmière voudrait qu'un médecin passe la voir sur place", {"type_consultation": "domicile"}),
])
def test_note_shorthand_and_modes(text, expected):
    found = read(text)
    if found.get("creneau"):
        found["creneau"] = (found["creneau"]["start"], found["creneau"]["end"])
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize("said, typed", [
    ("de la fontaine", "de la Fontaine"), ("le gall", "Le Gall"), ("d'almeida", "d'Almeida"), ("du", "Du"),
    # a Portuguese or Flemish particle opening the name is written with its capital in France; inside it, not
    ("DA SILVA", "Da Silva"), ("PEREIRA DOS SANTOS", "Pereira dos Santos"), ("van damme", "Van Damme"),
    ("VAN HOUTTE", "Van Houtte"),
])
def test_particles_are_lower_before_the_name(said, typed):
    from bot.nlu.names import normalize_name

    assert normalize_name(said) == typed


@pytest.mark.parametrize("text, expected", [
    # a value taken back: the one said after it replaces it, in the same role
    ("il habite à lille non pardon à tourcoing il s'est tordu la cheville", {"localisation": "tourcoing"}),
    ("née à Brest non pardon à Quimper, vit à Rennes", {"lieu_naissance": "Quimper", "localisation": "Rennes"}),
    ("monsieur françois bernard non pardon bertrand b e r t r a n d françois bertrand soixante-cinq ans à chartres",
     {"prenom": "François", "nom": "Bertrand", "localisation": "chartres"}),
    # the hour said after a part of the day narrows it
    ("une téléconsultation cet après-midi plutôt vers quinze heures",
     {"creneau": ("2026-11-25T14:00:00+01:00", "2026-11-25T16:00:00+01:00")}),
])
def test_what_is_said_again_or_narrowed(text, expected):
    found = read(text)
    if found.get("creneau"):
        found["creneau"] = (found["creneau"]["start"], found["creneau"]["end"])
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a note's labels: "Ville" is a commune of the Oise, but before a colon and a place it names the field
    ("Nom : FERREIRA ; Prénom : Joaquim ; Lieu naiss. : Porto ; Ville : Tours ; Délai : 48h",
     {"lieu_naissance": "Porto", "localisation": "Tours", "urgence": 48}),
    ("sous 24 à 48h", {"urgence": 24}),  # the stricter bound
    ("voir un generaliste aujourdhui stp", {"specialite": "médecine générale", "urgence": 12}),
    ("besoin OPH rapidement", {"specialite": "ophtalmologie"}),
    ("demande un derm, joignable", {"specialite": "dermatologie"}),
    ("souhaite voir un spécialiste des yeux", {"specialite": "ophtalmologie"}),
    # a town said by the first part of its name, after "à"
    ("elle est à brive elle a mal à la gorge", {"localisation": "brive"}),
    ("douleur joue droite, Tours", {"localisation": "Tours", "symptomes": "douleur joue droite"}),
])
def test_labels_abbreviations_and_short_town_names(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # the relative the call is for is the patient; the patient's relative alone is a contact
    ("mon mari Pierre Lacombe, 71 ans, a une toux grasse", {"prenom": "Pierre", "nom": "Lacombe"}),
    ("c'est pour mon père, Abdelkader Benyoucef, né le 2 février 1944", {"prenom": "Abdelkader", "nom": "Benyoucef"}),
    ("M. Paul Roy, toux, joindre sa fille Claire Roy 06 11 22 33 44", {"prenom": "Paul", "nom": "Roy"}),
    # a civility in brackets after the names; surnames typed together are one
    ("Garcia Lopez Manuel (M.) 58a Béziers", {"civilite": "Monsieur", "nom": "Garcia Lopez", "prenom": "Manuel"}),
    ("joao pereira dos santos 44a, habite a bordeaux", {"prenom": "Joao", "nom": "Pereira dos Santos"}),
    ("Pierre-Yves Le Floch 35 ans Morlaix", {"prenom": "Pierre-Yves", "nom": "Le Floch"}),
    ("c'est pour madame rose-marie d'almeida d apostrophe almeida elle a 79 ans", {"nom": "d'Almeida"}),
    # a first name alone before a child's age; an adult's age follows a surname
    ("Lucas 5 ans toux", {"prenom": "Lucas"}),
    ("Noah 18 mois fièvre", {"prenom": "Noah"}),
    ("Durand 45 ans fièvre", {"prenom": None}),
])
def test_who_is_named_and_how(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, prenom", [
    # two first names after "prénom" are one, spelt as civil status writes it
    ("monsieur payet p a y e t prénom jean marc il a quarante ans", "Jean-Marc"),
    ("monsieur sarr prénom mamadou lamine en deux mots il a quarante huit ans", "Mamadou Lamine"),
    # said to be two words: kept apart, though the list joins them
    ("monsieur belkacem prénom mohamed amine en deux mots il a trente ans", "Mohamed Amine"),
    ("prénom jean pierre nom martin", "Jean-Pierre"),
    ("Mme Jean Marc Dupont", "Jean Marc"),  # typed so: kept as typed
])
def test_compound_first_names(text, prenom):
    assert read(text)["prenom"] == prenom


@pytest.mark.parametrize("text, specialite", [
    ("avis opthalmo svp", "ophtalmologie"), ("dermatho rapidement", "dermatologie"),
    ("ophtamologue demain", "ophtalmologie"), ("voir un oto rhino", "oto-rhino-laryngologie"),
    ("radio du genou faite", None), ("dermatite depuis 3 jours", None),  # near in letters, not a specialty
])
def test_specialties_typed_fast(text, specialite):
    assert read(text).get("specialite") == specialite


@pytest.mark.parametrize("text, expected", [
    # typed names after the words that introduce the patient, or after a short header
    ("Pour info je vous adresse Arthur Lambert 7 ans, Laval, maman Mme Lambert au 06 59 60 71 82",
     {"prenom": "Arthur", "nom": "Lambert", "localisation": "Laval"}),
    ("chez Marius Santoni 9 ans à Bastia, otite", {"prenom": "Marius", "nom": "Santoni"}),
    ("SMS régul: Garcia Lopez Manuel (M.) 58a Béziers", {"nom": "Garcia Lopez", "prenom": "Manuel"}),
    ("toux, pour Saint Etienne", {"localisation": "Saint Etienne", "nom": None}),  # a town, not names
])
def test_names_introduced_in_a_typed_message(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, creneau", [
    # a value measured this morning is an observation; asked for this morning, a wanted time
    ("HTA déséquilibrée 19/10 ce matin, céphalées, à voir aujourd'hui", None),
    ("sous AVK, INR à 5 ce matin, saignement gencives", None),
    ("Mme Roy, 45 ans, Lyon, ce matin si possible", ("2026-11-25T10:30:00+01:00", "2026-11-25T12:00:00+01:00")),
])
def test_a_measure_this_morning_is_no_wanted_time(text, creneau):
    found = read(text).get("creneau")
    assert (found and (found["start"], found["end"])) == creneau


@pytest.mark.parametrize("text, expected", [
    ("monsieur kévin da silva d a s i l v a da silva en deux mots vingt-huit ans", {"nom": "Da Silva"}),
    ("la petite Inès Robert 3 ans tire sur son oreille, elles sont à Saint-Nazaire", {"localisation": "Saint-Nazaire"}),
    ("avis O.R.L. rapidement", {"specialite": "oto-rhino-laryngologie"}),
])
def test_a_name_said_again_a_possessive_and_dotted_letters(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, place", [
    ("Mme BRUNET Nadège, 88 ans, EHPAD de Cholet, altération de l'état général", "Cholet"),
    ("elle vit à l'EHPAD de Cholet", "Cholet"),  # not « l'EHPAD »
    # called by its name, the institution is kept with its town for the practitioner; the search goes to the town
    ("EHPAD Les Tilleuls à Dieppe, toux", "EHPAD Les Tilleuls à Dieppe"),
])
def test_the_town_of_an_institution_is_where_the_patient_is(text, place):
    assert read(text)["localisation"] == place


def _subset(found: dict, expected: dict) -> dict:
    return {k: found.get(k) for k in expected}


@pytest.mark.parametrize("text, specialite", [
    ("un spécialiste du cœur pour Mme Roux", "cardiologie"),  # the ligature, as typed
    ("pas de déficit neuro, céphalées", None), ("diabétologue pour équilibrer l'insuline", "endocrinologie"),
    ("diabète, céphalées, un généraliste", "médecine générale"),  # "diabète" is one letter from no specialty
    ("voir un spécialiste des oreilles", "oto-rhino-laryngologie"), ("RDV pédia pour bébé", "pédiatrie"),
    ("gyné au cabinet", "gynécologie"),
])
def test_specialties_by_short_names_and_organs(text, specialite):
    assert read(text).get("specialite") == specialite


@pytest.mark.parametrize("text, creneau", [
    ("chute il y a 2h, à revoir", None),  # "a 2h" after "il y": a time ago, not 2 o'clock
    ("plâtré aux urgences ce matin, douleur, revoir cet après-midi",
     {"start": "2026-11-25T14:00:00+01:00", "end": "2026-11-25T18:00:00+01:00"}),
    ("vu par SOS ce matin, fièvre", None),
    ("RDV souhaité cet après-midi", {"start": "2026-11-25T14:00:00+01:00", "end": "2026-11-25T18:00:00+01:00"}),
    ("insomnie, fin d'aprem svp", {"start": "2026-11-25T16:00:00+01:00", "end": "2026-11-25T18:00:00+01:00"}),
])
def test_what_was_done_this_morning_is_no_wanted_time(text, creneau):
    found = read(text).get("creneau")
    assert (found and {k: found[k] for k in ("start", "end")}) == creneau


@pytest.mark.parametrize("text, urgence", [
    ("gastro, dans les 3 semaines", 504), ("peut attendre 1 sem", 168),
    ("il respire vite depuis hier, pédiatre demain", None),  # how the complaint goes
    ("il faut la voir vite", 8), ("le + tôt possible", 4),
])
def test_delays_in_weeks_and_what_vite_attaches_to(text, urgence):
    assert read(text).get("urgence") == urgence


@pytest.mark.parametrize("text, expected", [
    ("VAD pr Mme Lucie BARRE, Nantes", {"prenom": "Lucie", "nom": "Barre", "localisation": "Nantes"}),
    ("revu par le Pr Morel, pr Jules FAURE 8 ans", {"prenom": "Jules", "nom": "Faure"}),
    ("M. Cheikh Tidiane NDOYE, 06 71 20 33 45", {"prenom": "Cheikh Tidiane", "nom": "Ndoye"}),
    ("madame nour el hachimi née le 3 mai 1990", {"prenom": "Nour", "nom": "El Hachimi"}),
    ("sondé par SOS hier, M. Paul Girard, Rouen", {"localisation": "Rouen"}),
    ("kiné à dom pour M. Paul Girard", {"type_consultation": "domicile"}),
])
def test_small_words_of_notes_and_names_in_capitals(text, expected):
    assert _subset(read(text), expected) == expected


def test_a_service_is_no_known_doctor():
    assert "medecin_traitant" not in read("vu par SOS Médecins hier, Mme Aline Roche, Caen")


@pytest.mark.parametrize("said, typed", [
    ("madame van der berg V A N espace D E R espace B E R G", "madame van der berg VANDERBERG"),
    ("monsieur n'goran N apostrophe G O R A N", "monsieur n'goran N'GORAN"),
    ("monsieur léger L E G E R accent grave sur le e il tousse", "monsieur léger LEGER il tousse"),
    ("Élodie E accent aigu L O D I E", "Élodie ELODIE"),  # said after the first letter, the spelling going on
    ("mail hélène sans accent point roy arobase free point fr", "mail helene.roy@free.fr"),
    ("mail paul tiret du bas roy arobase free point fr", "mail paul_roy@free.fr"),
])
def test_spelling_remarks_are_no_part_of_the_name_or_address(said, typed):
    assert normalize_dictation(said) == typed


def test_a_name_spelled_with_spaces_is_one_surname():
    assert _subset(read("c'est pour madame inès van der berg V A N espace D E R espace B E R G elle tousse"),
                   {"prenom": "", "nom": ""}) == {"prenom": "Inès", "nom": "Van der Berg"}


@pytest.mark.parametrize("text, expected", [
    ("c'est L E R O U X leroux et son prénom c'est anne-marie", {"nom": "Leroux", "prenom": "Anne-Marie"}),
    ("je vous épelle N O W A K nowak prénom adam", {"nom": "Nowak", "prenom": "Adam"}),
    ("elle est à levallois depuis hier", {"localisation": "levallois"}),
    ("plutôt entre midi et deux vendredi", {"creneau": {"start": "2026-11-27T12:00:00+01:00",
                                                        "end": "2026-11-27T14:00:00+01:00"}}),
])
def test_a_name_spelled_first_a_town_by_its_head_the_lunch_break(text, expected):
    found = read(text)
    if "creneau" in found:
        found["creneau"] = {k: found["creneau"][k] for k in ("start", "end")}
    assert _subset(found, expected) == expected


def test_a_note_written_a_field_a_line():
    found = read("Pat. : M. VIDAL Noé – DDN 04.04.88 – Tél. 06 12 98 76 54\nMotif : sinusite, douleur sous les yeux"
                 " depuis 4 j\nLieu : Bron\nQuand : ce soir ou demain matin")
    assert _subset(found, {"symptomes": "", "localisation": ""}) == {
        "symptomes": "sinusite, douleur sous les yeux depuis 4 j", "localisation": "Bron"}
    assert {k: found["creneau"][k] for k in ("start", "end")} == {"start": "2026-11-25T18:00:00+01:00",
                                                                  "end": "2026-11-26T12:00:00+01:00"}


def test_a_verb_in_small_letters_is_no_town_beside_a_capitalized_one():
    # Pleure is a commune of the Jura; "lyon" in a note all in small letters stays a town
    assert read("Motif : otite, pleure la nuit\nLieu : Vienne").get("localisation") == "Vienne"
    assert read("Mme Roux, fièvre, lyon").get("localisation") == "lyon"


@pytest.mark.parametrize("text, place", [
    ("il habite à Dole mais en ce moment il est chez son fils à Besançon, toux", "Besançon"),
    ("elle vit à Agen, elle est à Bordeaux actuellement", "Bordeaux"),
    ("pas à Nice, elle est à Antibes", "Antibes"),
    ("il habite à Laval, il a mal au dos", "Laval"),
])
def test_where_the_patient_is_now(text, place):
    assert read(text).get("localisation") == place


@pytest.mark.parametrize("text, expected", [
    ("c'est diop euh awa diop D I O P elle tousse", {"prenom": "Awa", "nom": "Diop"}),
    ("c'est morel paul M O R E L il a de la fièvre", {"prenom": "Paul", "nom": "Morel"}),
    ("bonjour je m'appelle julie perrot j'ai mal à la gorge", {"prenom": "Julie", "nom": "Perrot"}),
    ("c'est l'infirmière du foyer j'appelle pour madame rose blanc B L A N C", {"prenom": "Rose", "nom": "Blanc"}),
    ("madame euh sylvie ah non pardon sophie petit elle tousse", {"prenom": "Sophie", "nom": "Petit"}),
])
def test_names_as_operators_say_them(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("finalement en visio", {"nom": None}),  # a common word alone is no name
    ("kowalczyk", {"nom": "Kowalczyk"}),  # a rare one is
    ("MME ROY ANNIE 0611223344 OTITE DEPUIS 4J CABINET MARDI MATIN",
     {"creneau": {"start": "2026-12-01T08:00:00+01:00", "end": "2026-12-01T12:00:00+01:00"}}),
    ("m. hugo lefort 06 12 44 55 66 toux", {"civilite": "Monsieur", "prenom": "Hugo", "nom": "Lefort"}),
    ("c'est le papa d'élise morin elle a 4 ans", {"prenom": "Élise", "nom": "Morin"}),
    ("ici la maman d'ambre, elle a 2 ans", {"prenom": "Ambre"}),
    ("c'est madame euh non pardon monsieur dominique roy", {"civilite": "Monsieur"}),
    ("ça s'écrit P A Y E T", {"nom": "Payet"}),
    ("il est pas né à Lyon il est né à Oran", {"lieu_naissance": "Oran"}),
    ("réside : Le Gosier", {"localisation": "Le Gosier"}),
    ("éruption généralisée depuis hier, dermato", {"specialite": "dermatologie"}),
    ("Mme Lise Bon, 06 12 44 55 66, genou gonflé depuis hier (match de hand), Lyon", {"symptomes": "genou gonflé depuis hier"}),
])
def test_small_words_asides_and_corrections(text, expected):
    found = read(text)
    if "creneau" in found:
        found["creneau"] = {k: found["creneau"][k] for k in ("start", "end")}
    assert _subset(found, expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mme N'DOUR Fatou, 06 12 34 56 78, toux", {"prenom": "Fatou", "nom": "N'Dour"}),
    ("c'est la voisine j'appelle pour monsieur paul leroux il tousse", {"prenom": "Paul", "nom": "Leroux"}),
])
def test_an_elision_before_a_vowel_is_a_verb_before_a_consonant_a_name(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("alors ben salah c'est le nom et karim le prénom il tousse", {"nom": "Ben Salah", "prenom": "Karim"}),
    ("lefort c'est son nom julie son prénom", {"nom": "Lefort", "prenom": "Julie"}),
    ("il est né à bobo dioulasso", {"lieu_naissance": "bobo dioulasso"}),
    ("il est né à lomé il habite à lyon", {"lieu_naissance": "lomé", "localisation": "lyon"}),
])
def test_a_name_said_before_its_label_and_a_town_abroad_said_aloud(text, expected):
    assert _subset(read(text), expected) == expected


def test_a_rare_first_name_s_gender_does_not_outweigh_the_order():
    # "Kaci" is listed as a first name only rarely and is a common surname: the civility's gender tells nothing
    assert _subset(read("pour Mme Tassadit Kaci, 06 12 23 34 45, toux"), {"prenom": "", "nom": ""}) == {
        "prenom": "Tassadit", "nom": "Kaci"}


@pytest.mark.parametrize("text, symptomes", [
    ("il a mal au ventre depuis hier soir il voudrait voir un généraliste", "mal au ventre depuis hier soir"),
    ("elle a une otite depuis ce matin bon il faudrait quelqu'un", "otite depuis ce matin"),
    ("douleur au genou depuis ce matin quand elle marche", "douleur au genou depuis ce matin quand elle marche"),
])
def test_a_time_said_whole_after_depuis_closes_the_complaint(text, symptomes):
    assert read(text).get("symptomes") == symptomes


def test_a_part_of_today_already_over_is_tomorrow_s_and_said_so():
    evening = datetime.fromisoformat("2026-11-25T21:30:00+01:00")
    found = {e["entity"]: e["value"] for e in read_details("otite, cet après-midi si possible, Albi", evening)}
    assert found["creneau"] == {"text": "demain après-midi", "start": "2026-11-26T14:00:00+01:00",
                                "end": "2026-11-26T18:00:00+01:00"}


def test_a_compound_first_name_taken_back_whole():
    assert _subset(read("madame anne marie euh non pardon anne sophie girard elle tousse"),
                   {"prenom": "", "nom": ""}) == {"prenom": "Anne-Sophie", "nom": "Girard"}


@pytest.mark.parametrize("text, specialty", [
    ("besoin d'un médecin pour les yeux", "ophtalmologie"), ("elle voudrait un médecin pour la peau", "dermatologie"),
    ("on voudrait un médecin pour enfants", "pédiatrie"), ("un docteur des oreilles demain", "oto-rhino-laryngologie"),
    ("besoin avis psy, Bordeaux", "psychiatrie"), ("rdv neuro jeudi", "neurologie"), ("neuro de préférence", "neurologie"),
    ("med gé demain", "médecine générale"), ("pédopsychiatre", "psychiatrie"),
    ("idées noires, scarifications, psy urgent", "psychiatrie"), ("suivi psy souhaité", "psychiatrie"),
    ("un médecin pour son enfant", None), ("pas de signe neuro, ATCD psy", None), ("troubles neuro depuis hier", None),
])
def test_a_specialty_said_by_what_it_treats_or_in_short_where_one_is_asked(text, specialty):
    assert read(text).get("specialite") == specialty


@pytest.mark.parametrize("text, day", [
    ("le 27 plutôt", "2026-11-27"), ("ORL le 30", "2026-11-30"), ("rdv jeudi 26 matin", "2026-11-26"),
    ("c'est pas pressé lundi ça irait", "2026-11-30"),  # "pressé" says how soon, it is no past event
    ("on nous a conseillé un ORL, mercredi après-midi", "2026-12-02"),  # an advice given wants that time
    ("le 2", None),  # after a list of slots: the second one
    ("le 12 mars", None), ("né le 12, rdv demain", "2026-11-26"),
])
def test_a_day_of_the_month_and_what_a_past_participle_says(text, day):
    window = read(text).get("creneau")
    assert (window["start"][:10] if window else None) == day


def test_two_days_at_noon_are_one_window():
    window = read("un cardiologue euh jeudi midi ou vendredi midi le numéro")["creneau"]
    assert (window["start"], window["end"]) == ("2026-11-26T12:00:00+01:00", "2026-11-27T14:00:00+01:00")


@pytest.mark.parametrize("text, expected", [
    # an article says no vicinity: "Bras" is a commune, "sur le bras" where it itches
    ("M. Jean Blanc, plaque rouge qui démange sur le bras, Annecy", {"localisation": "Annecy"}),
    ("elle est à côté de Grenoble", {"localisation": "Grenoble"}),
    ("elle a de l'acné sur le visage", {"symptomes": "acné sur le visage"}),
    ("elle a pas école on habite à grenoble", {"localisation": "grenoble", "symptomes": None}),
    ("elle a une forte fièvre et elle est confuse sa fille demande une visite",
     {"symptomes": "forte fièvre et elle est confuse"}),
    ("il a de la fièvre et il mange plus on voudrait un pédiatre", {"symptomes": "fièvre et il mange plus"}),
    ("Mme Rose-Marie Célestin, Le Lamentin", {"prenom": "Rose-Marie", "nom": "Célestin"}),
])
def test_body_places_elided_articles_spoken_negations_and_compound_first_names(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, symptomes", [
    ("Mlle Manon Picard, Paris 15e, tristesse, pleurs, ne dort plus, voudrait un psy", "tristesse, pleurs, ne dort plus"),
    ("M. Roux, altération de l'état général, ne s'alimente plus, VAD", "altération de l'état général, ne s'alimente plus"),
    ("il faudrait que le médecin se déplace elle ne marche plus", None),  # said alone, it tells why
    ("il ne peut pas attendre", None), ("je ne sais pas trop", None),  # a want, the one who speaks
])
def test_what_the_patient_no_longer_does_listed_in_a_note_is_a_complaint(text, symptomes):
    assert read(text).get("symptomes") == symptomes


@pytest.mark.parametrize("text, symptomes", [
    ("Pat. : N'DIAYE Aminata – Aubervilliers – douleurs pelviennes, retard de règles – gynéco sous 24h",
     "douleurs pelviennes, retard de règles"),
    ("mme giraud isabelle, vit à Toulon, sécheresse oculaire + brûlures, ophtalmo pas pressé",
     "sécheresse oculaire + brûlures"),
    ("Mme ALVES Sandra, ophtalmo, oeil rouge douloureux + baisse d'acuité, au plus vite, Évry",
     "oeil rouge douloureux + baisse d'acuité"),
    ("Mme Roy, toux, 45 ans, Paris", "toux"), ("M. Paul Roux, toux, son fils, Lyon", "toux"),
    ("M. Roux, fièvre, Lyon, toux", "fièvre"),  # the first complaint read stays the one kept
    ("Mme Yvette Chevalier, 29000 Quimper, altération de l'état général, ne mange plus depuis 1 semaine, VAD",
     "altération de l'état général, ne mange plus depuis 1 semaine"),
    ("ROBERT Ginette 93 ans, grabataire, encombrement bronchique, Mâcon", "encombrement bronchique"),
    ("M. Nicolas Petit, Rouen, oreille bouchée depuis 4 j après un rhume, ORL", "oreille bouchée depuis 4 j après un rhume"),
    ("Motif: lésion pigmentée du dos qui a changé d'aspect / Dermato",  # "qui a": the verb, not "à Changé"
     "lésion pigmentée du dos qui a changé d'aspect"),
    ("M. Karim Benali lombalgie aigue depuis 2j, bloqué, cs MG demain", "lombalgie aigue depuis 2j"),  # a state
    ("M. Hugo Renaud 35a, palpitations, perte de poids, tremblements des mains, téléconsultation ok",
     "palpitations, perte de poids, tremblements des mains"),
])
def test_complaints_listed_in_a_note_are_one(text, symptomes):
    assert read(text)["symptomes"] == symptomes


@pytest.mark.parametrize("text, expected", [
    # a name spelled again is no commune, though Rivière is one
    ("monsieur pascal rivière R I V I È R E né à toulouse il habite à castres",
     {"nom": "Rivière", "localisation": "castres"}),
    ("bonjour alors j'ai une jeune fille mademoiselle clara meunier elle a des angoisses",
     {"prenom": "Clara", "nom": "Meunier"}),  # a girl, no one's daughter
    ("il faudrait un médecin à la maison dans l'heure", {"type_consultation": "domicile"}),
    ("elle est à la maison", {"type_consultation": None}),
])
def test_a_name_spelled_again_a_girl_and_a_doctor_at_home(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, start, end", [
    ("rdv sam matin", "2026-11-28T08:00", "2026-11-28T12:00"), ("cs ven. 14h", "2026-11-27T14:00", "2026-11-27T15:00"),
    ("dispo jeudi/vendredi", "2026-11-26T08:00", "2026-11-27T20:00"),
    ("cs jeudi-vendredi", "2026-11-26T08:00", "2026-11-27T20:00"),
])
def test_weekdays_cut_short_with_their_time_and_days_joined_by_a_stroke(text, start, end):
    window = read(text)["creneau"]
    assert (window["start"][:16], window["end"][:16]) == (start, end)


def test_a_weekday_cut_short_alone_is_no_day():
    assert "creneau" not in read("Sam est malade, toux")


@pytest.mark.parametrize("text, start, end", [
    ("cs demain apres midi", "2026-11-26T14:00", "2026-11-26T18:00"),  # "après midi" is the afternoon, not past 12:00
    ("dans l apres midi", "2026-11-25T14:00", "2026-11-25T18:00"), ("avant midi", "2026-11-25T10:30", "2026-11-25T12:00"),
    ("VAD ce soir 18h30", "2026-11-25T18:30", "2026-11-25T19:30"), ("dem matin", "2026-11-26T08:00", "2026-11-26T12:00"),
])
def test_the_afternoon_unhyphenated_an_hour_after_a_part_of_the_day_and_dem(text, start, end):
    window = read(text)["creneau"]
    assert (window["start"][:16], window["end"][:16]) == (start, end)


def test_dem_alone_is_a_request_not_tomorrow():
    assert "creneau" not in read("dem cs cabinet")


@pytest.mark.parametrize("text, start, end", [
    ("dispo ce week-end", "2026-11-28T08:00", "2026-11-29T20:00"),
    ("jeudi, vendredi ou samedi", "2026-11-26T08:00", "2026-11-28T20:00"),  # a list of days, from the first
])
def test_the_weekend_and_a_list_of_days(text, start, end):
    window = read(text)["creneau"]
    assert (window["start"][:16], window["end"][:16]) == (start, end)


def test_a_complaint_since_the_weekend_wants_no_weekend():
    assert "creneau" not in read("toux depuis ce week-end")


@pytest.mark.parametrize("text, expected", [
    ("c'est pour madame fatou diallo D I A deux L O elle habite à mamoudzou", {"nom": "Diallo"}),  # a letter twice
    ("monsieur andré vidal il habite à marseille dans le treizième il a une toux grasse",
     {"localisation": "marseille 13e"}),  # the arrondissement said after the city, in figures as typed
])
def test_a_letter_spelled_twice_and_an_arrondissement_said_after_the_city(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text", ["demain au plus tard", "au plus tard demain", "demain dernier délai"])
def test_a_deadline_is_a_delay_not_a_wanted_day(text):
    found = read(text)
    assert (found.get("urgence"), found.get("creneau")) == (24, None)


@pytest.mark.parametrize("text, expected", [
    ("Dupont, même nom de naissance", {"nom": "Dupont", "nom_naissance": "Dupont"}),
    ("Dupont, née Martin", {"nom": "Dupont", "nom_naissance": "Martin"}),
    ("Finalement, même nom de naissance", {"nom": None}),
])
def test_a_name_alone_then_what_its_birth_name_is(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, day", [
    ("vend. matin", "2026-11-27"), ("pas le matin", None), ("de préférence pas le lundi", None),  # a time refused
    ("pas urgent, jeudi matin", "2026-11-26"), ("au cabinet avant 18h", "2026-11-25"),
])
def test_a_weekday_cut_anywhere_and_a_time_refused(text, day):
    window = read(text).get("creneau")
    assert (window["start"][:10] if window else None) == day


@pytest.mark.parametrize("text, day", [
    ("opéré vendredi, pansement à refaire lundi", "2026-11-30"),  # the Friday gone by, the Monday wanted
    ("entorse cheville vue aux urgences samedi, contrôle MG", None), ("RDV souhaité samedi", "2026-11-28"),
])
def test_a_weekday_of_something_done_is_gone_by(text, day):
    window = read(text).get("creneau")
    assert (window["start"][:10] if window else None) == day


@pytest.mark.parametrize("text, expected", [
    ("monsieur paul roche né le six non pardon le sept août mille neuf cent soixante et onze à sète il est sur agde",
     {"date_naissance": "1971-08-07", "lieu_naissance": "sète", "localisation": "agde"}),
    ("née le 12/03 euh non le 13/03/1951 à Brest, habite Rennes",
     {"date_naissance": "1951-03-13", "lieu_naissance": "Brest", "localisation": "Rennes"}),
    ("c'est le onze pas le douze juin mille neuf cent quatre-vingt", {"date_naissance": "1980-06-11"}),
    ("né le 4 mai 1950 à Lyon", {"date_naissance": "1950-05-04", "lieu_naissance": "Lyon"}),
])
def test_a_birth_date_taken_back_leaves_the_place_to_the_birth(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, mode", [
    ("Mme Rose Payet, plaie talon, MG domicile cette semaine, Saint-Paul", "domicile"),
    ("généraliste dom dem matin, Lille", "domicile"),
    ("il faudrait quelqu'un à la maison d'ici demain il est à lens", "domicile"),
    ("MG, domicile 12 rue Nationale 59000 Lille", None),  # the address, not the mode
])
def test_home_said_after_the_doctor_is_the_mode(text, mode):
    assert read(text).get("type_consultation") == mode


@pytest.mark.parametrize("text, expected", [
    # the operator greeted, not the patient's civility; an apology is no name
    ("bonjour madame euh excusez-moi c'est pour mon fils lucas martin il a onze ans",
     {"prenom": "Lucas", "nom": "Martin"}),
    ("bonjour madame Durand Marie née le 3 mai 1950, toux", {"civilite": "Madame", "nom": "Durand", "prenom": "Marie"}),
    # a first name spelled as it comes: the lists decide; spelled after the whole name: the surname
    ("elle s'appelle inès I N E S brahimi elle a de la fièvre", {"prenom": "Inès", "nom": "Brahimi"}),
    ("il s'appelle Martin Gérard G E R A R D", {"prenom": "Martin", "nom": "Gérard"}),
    # "c'est la résidence …": a thing named, the patient comes after
    ("bonjour c'est la résidence autonomie de cholet je vous appelle pour monsieur andré giraud il tousse",
     {"civilite": "Monsieur", "prenom": "André", "nom": "Giraud"}),
    ("c'est le gall yannick né le 3 mars 1950", {"nom": "Le Gall", "prenom": "Yannick"}),
    # note shorthand: "pte", an age glued to its unit
    ("pte Marie-Josée Célestine ddn 30/04/64, malaise", {"prenom": "Marie-Josée", "nom": "Célestine"}),
    ("pt 34a Kevin Lemaire ddn 11/12/91 angine", {"prenom": "Kevin", "nom": "Lemaire"}),
])
def test_who_is_named_and_who_is_greeted(text, expected):
    assert {k: v for k, v in read(text).items() if k in ("civilite", "prenom", "nom")} == expected


@pytest.mark.parametrize("text, expected", [
    ("résidence autonomie de cholet, monsieur andré giraud, toux", {"localisation": "cholet"}),
    ("bonjour c'est la résidence autonomie de cholet pour monsieur andré giraud", {"localisation": "cholet"}),
    ("pt Kevin Lemaire angine, MG dem vers 15h, Reims",
     {"creneau": {"text": "demain vers 15h", "start": "2026-11-26T14:00:00+01:00", "end": "2026-11-26T16:00:00+01:00"},
      "localisation": "Reims"}),
    ("rdv derma pr Mme Hélène Roux, peut attendre qq jours, Bordeaux", {"specialite": "dermatologie", "urgence": 72}),
])
def test_shorthand_and_institutions(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("il a des palpitations le soir il voudrait voir un cardiologue lundi matin",
     {"start": "2026-11-30T08:00:00+01:00", "end": "2026-11-30T12:00:00+01:00"}),
    ("elle a l'œil qui coule et qui colle le matin elle voudrait un ophtalmo demain après seize heures",
     {"start": "2026-11-26T16:00:00+01:00", "end": "2026-11-26T20:00:00+01:00"}),
    ("toux, rdv le soir si possible", {"start": "2026-11-25T18:00:00+01:00", "end": "2026-11-25T20:00:00+01:00"}),
])
def test_a_part_of_the_day_said_of_a_complaint_is_when_it_happens(text, expected):
    creneau = read(text)["creneau"]
    assert {"start": creneau["start"], "end": creneau["end"]} == expected


@pytest.mark.parametrize("text, symptomes", [
    ("il est à annecy il s'est tordu la cheville au ski il a très mal", "tordu la cheville au ski"),
    ("elle s'est brûlée la main avec de l'huile, Lyon", "brûlée la main avec de l'huile"),
    ("il s'est rendu à la pharmacie, toux", "toux"),
])
def test_what_the_patient_did_to_himself_is_the_complaint(text, symptomes):
    assert read(text)["symptomes"] == symptomes


@pytest.mark.parametrize("said, typed", [
    ("c'est dupond avec un d à la fin D U P O N D", "c'est dupond DUPOND"),
    ("du plessis en deux mots D U P L E S S I S", "du plessis DUPLESSIS"),
    ("MARTINEZ avec un Z, prénom Luis", "MARTINEZ, prénom Luis"),
    ("elle vit avec un chat", "elle vit avec un chat"),
])
def test_how_a_name_is_written_said_after_it_is_no_word_of_it(said, typed):
    assert normalize_dictation(said) == typed


@pytest.mark.parametrize("text, specialty", [
    ("il voudrait voir un urologue dans les trois jours", "urologie"),  # not offered: the search will say so
    ("elle voudrait voir un rhumatologue vendredi", "rhumatologie"),
    ("un gériatre à domicile", "gériatrie"),  # with its accents, as French writes it
    ("il aimerait voir un gastro-entérologue lundi", "gastro-entérologie"),
    ("cardiologue demain", "cardiologie"),
    ("un néphrologue", "néphrologie"),  # a whole specialist's name, no misspelt "neurologue"
    ("douleurs articulaires des mains, rhumato pas pressé", "rhumatologie"),
    ("Spé : pneumo | Délai : 48h", "pneumologie"),
    ("elle voudrait un orl ou euh non plutôt un pédiatre demain", "pédiatrie"),  # the one meant
])
def test_a_specialist_is_read_as_said_even_when_not_offered(text, specialty):
    assert read(text)["specialite"] == specialty


@pytest.mark.parametrize("text, expected", [
    ("dem du Dr Martin (SOS) pr pt Rémi Carpentier, zona, Rouen", {"localisation": "Rouen", "nom": "Carpentier"}),
    ("il fait une crise de goutte au gros orteil il a très mal", {"symptomes": "crise de goutte au gros orteil"}),
])
def test_what_belongs_to_the_practitioner_and_a_crisis_named(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("PATIENT DUPUIS ROBERT DYSPNEE + OEDEME MI DEPUIS 3 JOURS ATCD INSUF CARDIAQUE. ADRESSE 18 RUE MOYENNE 18000 BOURGES",
     {"symptomes": "DYSPNEE + OEDEME MI DEPUIS 3 JOURS", "localisation": "18 RUE MOYENNE 18000 BOURGES"}),
    ("elle a des vertiges depuis une semaine le médecin traitant veut un avis neurologue",
     {"symptomes": "vertiges depuis une semaine", "specialite": "neurologie"}),
    ("manon lefèvre avec un accent sur le e elle a de l'acné", {"prenom": "Manon", "nom": "Lefèvre"}),
    ("il faudrait un médecin généraliste qui passe au domicile d'ici demain", {"type_consultation": "domicile"}),
    ("allergo pr Hugo PETIT, urticaire", {"specialite": "allergologie"}),
    ("Thomas GIRARD 27 ans, grain de beaute qui change de couleur depuis 2 mois, Bordeaux",
     {"symptomes": "grain de beaute qui change de couleur depuis 2 mois"}),
])
def test_where_a_complaint_ends_and_labels_without_colon(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, symptomes", [
    ("il a de la diarrhée depuis deux jours et il mange moins on est à poitiers",
     "diarrhée depuis deux jours et il mange moins"),
    ("Cephalees + HTA 19/11 depuis ce matin. MG cabinet", "Cephalees + HTA 19/11 depuis ce matin"),  # a measure
])
def test_a_complaint_keeps_its_measure_and_its_adverb(text, symptomes):
    assert read(text)["symptomes"] == symptomes


@pytest.mark.parametrize("text, expected", [
    ("URGENT - LAMBERT Chloé - cystite - chez ses parents 14 rue Nationale 59000 Lille - 07 66 55 44 33",
     {"localisation": "14 rue Nationale 59000 Lille"}),
    ("VAD 17 bis rue Pasteur 76600 Le Havre - 06 81 92 03 14", {"localisation": "17 bis rue Pasteur 76600 Le Havre"}),
    ("j'habite vingt rue oberkampf soixante-quinze zéro onze paris j'ai des migraines très fortes depuis deux semaines",
     {"localisation": "vingt rue oberkampf soixante-quinze zéro onze paris",
      "symptomes": "migraines très fortes depuis deux semaines"}),
    ("on voudrait voir un allergologue on n'est pas pressés", {"urgence": 72}),
])
def test_an_address_wherever_it_starts_and_the_caller_s_own_clauses(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("il est en vacances à chamonix il a une entorse de la cheville", {"localisation": "chamonix"}),
    ("il rentre de vacances en Espagne, fièvre, vit à Lyon", {"localisation": "Lyon"}),
    ("pour moi, Kevin Morel, né le 3 mai 1990", {"prenom": "Kevin", "nom": "Morel"}),
    ("une gynécologue plutôt en fin de matinée jeudi ou vendredi",
     {"creneau": {"text": "en fin de matinée jeudi ou vendredi", "start": "2026-11-26T10:00:00+01:00",
                  "end": "2026-11-27T12:00:00+01:00"}}),
])
def test_where_the_patient_stays_who_speaks_and_a_part_of_the_day_before_two_days(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, symptomes", [
    ("elle est très essoufflée depuis hier et elle tousse", "très essoufflée depuis hier et elle tousse"),
    ("elle est chez sa fille a Mamoudzou jusqu'a dimanche, tel fille 0639 21 43 65", None),
])
def test_how_strong_a_complaint_is_said_and_how_long_is_no_complaint(text, symptomes):
    assert read(text).get("symptomes") == symptomes


@pytest.mark.parametrize("text, symptomes", [
    ("BONNET Jules tel 0645987123 renouvellement ttt HTA + tension a 17 ce matin, cs cabinet MG, habite Angers",
     "renouvellement ttt HTA + tension a 17 ce matin"),
    ("elle voudrait voir une gynéco pour un renouvellement de pilule c'est pas pressé", "renouvellement de pilule"),
    ("j'ai un grain de beauté qui a changé depuis deux mois c'est pas pressé",
     "grain de beauté qui a changé depuis deux mois"),
])
def test_what_the_patient_comes_for_without_a_complaint(text, symptomes):
    assert read(text)["symptomes"] == symptomes


@pytest.mark.parametrize("text, expected", [
    ("diarrhees et vomissements depuis hier avant 18h si possible, Mamoudzou",  # a time of day, not an 18 h delay
     {"creneau": {"text": "avant 18h", "start": "2026-11-25T10:30:00+01:00", "end": "2026-11-25T18:00:00+01:00"}}),
    ("toux, rdv avant 48h", {"urgence": 48}),  # a delay, no time of day
    ("fièvre depuis hier soir, MG", {"symptomes": "fièvre depuis hier soir"}),
    ("vous pouvez m'écrire à claire point girard arobase yahoo point fr", {"email": "claire.girard@yahoo.fr"}),
    ("rdv pr Mr SCHMITT Pierre nom naiss idem ddn 08/02/55", {"nom_naissance": "Schmitt"}),
    ("Mme Lemoine Claire - naiss. idem - 12/03/1961 - otite", {"nom_naissance": "Lemoine", "date_naissance": "1961-03-12"}),
    ("père au tél > Lina Da Costa, DDN 06/01/2025, nom naiss. idem, rhume", {"prenom": "Lina", "nom": "Da Costa"}),
    ("La maman appelle pour ses 2 enfants. On commence par Léa Garnier, née le 03/05/2016, même nom, otite",
     {"prenom": "Léa", "nom": "Garnier"}),
    ("Mme de la Fontaine Bérénice, nom de naiss. LEROY, ddn 30/04/1975", {"nom_naissance": "Leroy"}),
    ("HOARAU Lucien baisse brutale vision OG depuis ce matin", {"symptomes": "baisse brutale vision OG depuis ce matin"}),
    ("elle fait des crises d'urticaire depuis deux semaines", {"symptomes": "crises d'urticaire depuis deux semaines"}),
    ("il n'a pas eu de selles visite à domicile en fin de journée",
     {"type_consultation": "domicile",
      "creneau": {"text": "en fin de journée", "start": "2026-11-25T17:00:00+01:00", "end": "2026-11-25T20:00:00+01:00"}}),
    ("il faudrait que quelqu'un passe chez lui rapidement", {"type_consultation": "domicile", "urgence": 8}),
])
def test_times_of_day_delays_and_words_of_notes(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


def test_oriented_towards_a_specialty_is_no_commune_of_vers():
    """Vers is a commune of the Haute-Savoie: the patient was searched there, and booked at Valleiry."""
    assert "localisation" not in read("pt à orienter vers MG, M. Payet Johnny 14/08/1987 même nom")


@pytest.mark.parametrize("text, expected", [
    # a value taken back gives way to the next one of its field, whatever the field
    ("il est à dijon enfin pas dijon même à chenôve il tousse", {"localisation": "chenôve"}),
    ("un cardiologue euh non plutôt un pneumologue pour sa toux", {"specialite": "pneumologie"}),
    ("elle voudrait jeudi non pardon vendredi après-midi",
     {"creneau": {"text": "vendredi après-midi", "start": "2026-11-27T14:00:00+01:00",
                  "end": "2026-11-27T18:00:00+01:00"}}),
    ("une otite non attendez c'est une douleur à la mâchoire depuis hier, Agen",
     {"symptomes": "douleur à la mâchoire depuis hier"}),
    ("monsieur non pardon madame Lucie Arnaud", {"civilite": "Madame", "prenom": "Lucie"}),
])
def test_a_value_taken_back_gives_way_to_the_next(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, symptomes", [
    # what the patient has had or lives with is no complaint, and no name
    ("M. Roger Vidal, ATCD d'infarctus, essoufflement depuis hier, Rodez", "essoufflement depuis hier"),
    ("Mme Colin connue pour un asthme, elle a de la fièvre depuis ce matin", "fièvre depuis ce matin"),
    ("Mme Colin traitée pour une hypertension, vertiges depuis lundi, Laval", "vertiges depuis lundi"),
    ("il a mal au ventre depuis deux jours et il est diabétique donc c'est urgent", "mal au ventre depuis deux jours"),
    ("M. Sow asthmatique, toux sèche la nuit, Évry", "toux sèche la nuit"),
    # a part of the body and how it is, without a cue word; "œ" read as "oe"
    ("Mme Faure cheville gauche enflée depuis sa chute, Tulle", "cheville gauche enflée depuis sa chute"),
    ("M. Blanc œil droit rouge depuis ce matin, Albi", "œil droit rouge depuis ce matin"),
    ("pte GIRAUD Anne dos bloqué depuis hier veut voir un MG", "dos bloqué depuis hier"),
])
def test_history_is_no_complaint_and_a_body_part_as_it_is_is_one(text, symptomes):
    assert read(text).get("symptomes") == symptomes


@pytest.mark.parametrize("text, expected", [
    ("M. Colin traité pour une hypertension, vertiges, Laval", {"nom": "Colin"}),  # "Traité" is no first name
    ("c'est pour une résidente, madame Paulette Girard, toux", {"prenom": "Paulette", "nom": "Girard"}),
    ("oui bonjour mon nom c'est karim haddad h a deux d a d je suis à lens", {"prenom": "Karim", "nom": "Haddad"}),
    ("fils appelle, son père est chez lui a Niort (habite normalement Bressuire), fièvre",
     {"localisation": "Niort"}),
    ("elle souhaite être vue sous 48h et si possible aujourd'hui", {"urgence": 12}),  # the stricter deadline
    ("elle est partie avec le 15 ce matin pour une douleur thoracique", {}),  # the SAMU, no day of the month
])
def test_who_where_and_when_as_said(text, expected):
    read_now = read(text)
    assert {k: v for k, v in read_now.items() if k in expected} == expected
    if not expected:
        assert "creneau" not in read_now


@pytest.mark.parametrize("text, expected", [
    ("M. Santos Rui né à Braga, au Portugal, il habite à Tours, toux",  # the country after a comma is the birth's
     {"lieu_naissance": "Braga, au Portugal", "localisation": "Tours"}),
    ("il est à Vannes, en Bretagne, fièvre", {"localisation": "Vannes"}),  # a French region after a comma is left
    # a country of several words is the birth place whole, however it is typed
    ("Mme Colin, née en Côte d'Ivoire, vit à Montreuil", {"lieu_naissance": "Côte d'Ivoire", "localisation": "Montreuil"}),
    ("mr bakayoko ne le 1/1/1990 en cote d ivoire vit a montreuil", {"lieu_naissance": "cote d ivoire",
                                                                     "localisation": "montreuil"}),
    ("né au Burkina Faso à Ouagadougou, habite Lyon", {"lieu_naissance": "Burkina Faso", "localisation": "Lyon"}),
    # the year of birth, or its month and year, between "né en" and the place: the place attaches to "né"
    ("M. Paul Durand, né en 1938 à Braga, vit à Créteil, toux",
     {"date_naissance": "1938", "lieu_naissance": "Braga", "localisation": "Créteil"}),
    ("c'est la voisine qui appelle pour M. João FERREIRA DA SILVA, né en 38 à Braga au Portugal, vit seul à Créteil",
     {"date_naissance": "1938", "lieu_naissance": "Braga au Portugal", "localisation": "Créteil"}),
    ("Mme Sara Durand, née en mars 52 à Lyon, vit à Créteil, toux",
     {"date_naissance": "1952", "lieu_naissance": "Lyon", "localisation": "Créteil"}),
    ("Mme Durand née en 75 toux à Lyon", {"date_naissance": "1975", "localisation": "Lyon"}),
    # who calls for himself and his wife, then names who comes first after a colon, then born
    ("M. Yilmaz appelle pour lui et pour sa femme, gastro tous les deux depuis hier. On commence par lui : Mehmet Yilmaz, "
     "né le 3 avril 1967, ils habitent à Mulhouse", {"prenom": "Mehmet", "nom": "Yilmaz", "localisation": "Mulhouse"}),
    # a complaint in a sentence of its own is added to the one read first; in the same sentence, the first stays
    ("M. Paul Durand, vit seul à Créteil, ne se déplace plus depuis sa chute du mois dernier. toux grasse sans fièvre "
     "depuis 5j.", {"symptomes": "chute du mois dernier, toux grasse sans fièvre depuis 5j"}),
    ("M. Roux, fièvre, Lyon, toux", {"symptomes": "fièvre"}),
    # out of treatment is what the patient comes for
    ("Mme Thi Lan Nguyen, Le Havre. Elle n'a plus de traitement pour sa tension depuis 2 jours",
     {"symptomes": "plus de traitement pour sa tension depuis 2 jours"}),
    # a name spelled has no accents; said too, as a name, it has them
    ("monsieur ferreira joão F E R R E I R A le prénom c'est J O A O avec un tilde sur le a il est né le trente janvier "
     "cinquante-sept", {"prenom": "João", "nom": "Ferreira"}),
    ("M. MARIE Paul, marié, toux", {"nom": "Marie"}),
    # the given names labelled in the plural are all of them
    ("Fils au tél (Anli) pour son père. Nom : MOHAMED. Prénoms : Said Abdallah. né le 1er janvier 1955",
     {"nom": "Mohamed", "prenom": "Said Abdallah"}),
    # a first name, then the surname said to be someone else's too
    ("le papa appelle, M. Nguyen Van Long, pour son fils Minh, NGUYEN aussi, né le 22/09/2018, ils habitent Blagnac",
     {"prenom": "Minh", "nom": "Nguyen", "localisation": "Blagnac"}),
    # a verb in small letters after the names is none of them; a child holding a part of the body says where it hurts
    ("et sa petite soeur Linh Nguyen commence pareil, se tient l'oreille depuis ce matin, pas de fièvre. née le "
     "14/02/2021", {"prenom": "Linh", "nom": "Nguyen", "symptomes": "se tient l'oreille depuis ce matin, pas de fièvre"}),
    # who calls, named in brackets after being on the line, is not the patient named next
    ("sœur de la patiente au tél (Ana). Mme FERREIRA Maria née DA SILVA le 19/03/1963 à Braga. toux",
     {"prenom": "Maria", "nom": "Ferreira", "nom_naissance": "Da Silva"}),
    ("sa fille (Inès) a de la fièvre, Lyon", {"prenom": "Inès"}),
    # a hesitation inside a place is no part of it; a word read after "elle a" in another sentence is no complaint
    ("elle habite à Perpignan euh avenue du maréchal Joffre", {"localisation": "Perpignan avenue du maréchal Joffre"}),
    # the next child named after a question, then born; presented after a colon; the birth name said the same after it
    ("on peut lui trouver un rdv aussi ? Inès, née le 21/01/2016, même nom que son frère", {"prenom": "Inès"}),
    ("Maintenant sa sœur jumelle : Chloé, même date de naissance, même nom", {"prenom": "Chloé"}),
    ("Et la grande maintenant : Maëlys, 18/09/2017, même nom Payet (de naissance aussi), même numéro",
     {"prenom": "Maëlys", "nom": "Payet", "nom_naissance": "Payet"}),
    # a number said again from its start after a hesitation is read from there
    ("zéro six neuf trois euh zéro six neuf trois vingt et un quarante-huit cinquante-cinq", {"telephone": "+262693214855"}),
    ("tel 06 06 12 34 56", {"telephone": "+33606123456"}),
    # the one on the line, named, then the surname spelled again and the first name: the same man
    ("bonjour j'ai monsieur Soilihi en ligne S O I L I H I Ibrahim",
     {"civilite": "Monsieur", "nom": "Soilihi", "prenom": "Ibrahim"}),
    ("Mme Ferreira Maria, Mérignac, plaques rouges du thorax depuis 2 j. vidéo ok elle a un smartphone.",
     {"symptomes": "plaques rouges du thorax depuis 2 j"}),
    ("madame sitti abdou a b d o u à mamoudzou elle tousse", {"nom": "Abdou", "localisation": "mamoudzou"}),
    ("pensionnaire EHPAD à Riom, Mme BRUN Odile, chute", {"nom": "Brun", "prenom": "Odile"}),
    ("Mme Petit 40 ans ménorragies depuis 2 semaines, Dax", {"symptomes": "ménorragies depuis 2 semaines"}),
    ("vomissements depuis hier et elle ne mange plus, Dax", {"symptomes": "vomissements depuis hier et elle ne mange plus"}),
    ("il faudrait un pédiatre à la maison ce soir", {"type_consultation": "domicile", "specialite": "pédiatrie"}),
])
def test_places_names_complaints_and_modes_said_another_way(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("answer, same", [
    ("c'est le même", True), ("oui le même", True), ("non c'est pareil", True), ("le même", True),
    ("c'est Lemaire", False), ("Lemaire", False),
    ("pas d'autre nom", True), ("elle n'a pas d'autre nom", True), ("c'est son seul nom", True),
])
def test_the_same_birth_name_said_as_an_answer(answer, same):
    from bot.referral.fields import is_same_name_answer
    assert is_same_name_answer(answer) is same


def test_a_name_then_its_spelling_after_a_comma_is_one_name():
    from bot.nlu.names import parse_person_name
    assert parse_person_name("Haddou, H A D D O U") == "Haddou"
    assert "symptomes" not in read("Mme Haddou, H A D D O U, Lyon")


@pytest.mark.parametrize("text, expected", [
    # a relative named with a birth date is the patient; named with a phone, a contact
    ("nouveau patient, son grand frère : Malik Diallo 14/07/2012, toux, Évry", {"prenom": "Malik", "nom": "Diallo"}),
    ("c'est pour sa petite sœur Lou Martin née le 2/2/2019", {"prenom": "Lou", "nom": "Martin"}),
    ("Mme Roux Anne, sa fille Julie 06 12 34 56 78, fièvre", {"prenom": "Anne", "nom": "Roux"}),
])
def test_a_relative_named_with_a_birth_date_is_the_patient(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, symptomes", [
    # after its duration, a complaint ends where another subject's sentence starts
    ("il a mal au genou depuis deux semaines le kiné ne trouve rien il voudrait un généraliste",
     "mal au genou depuis deux semaines"),
    ("fièvre depuis hier le doliprane ne fait plus effet, Lyon", "fièvre depuis hier"),
])
def test_a_complaint_ends_where_another_sentence_starts(text, symptomes):
    assert read(text).get("symptomes") == symptomes


@pytest.mark.parametrize("text, expected", [
    ("Pte LEBON Marie, ddn 08/08/67, à Sainte-Rose, plaie du pied",  # after the date label's comma: where she is
     {"localisation": "Sainte-Rose"}),
    ("Mme Caron née le 17/01/1994, à Rennes, vit à Brest", {"lieu_naissance": "Rennes", "localisation": "Brest"}),
    ("IDE de l'ehpad à Albi pour un résident, M. Paul ROCHE, toux", {"prenom": "Paul", "nom": "Roche"}),
    ("c'est pour monsieur marc euh pardon marcel p i n o t pinot il est à sète", {"prenom": "Marcel", "nom": "Pinot"}),
    ("appel du petit fils pour sa grand mere Mme Josette LEGRAND, chute", {"prenom": "Josette", "nom": "Legrand"}),
])
def test_who_is_named_and_where_after_a_label_a_carer_or_a_slip(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, creneau", [
    # a low day of the month is one when a part of the day is said for it ("le 2" alone may be a rank)
    ("gynéco au cabinet le 3 au matin, Grenoble", ("2026-12-03T08:00:00+01:00", "2026-12-03T12:00:00+01:00")),
    # "X ou Y": Y is the first such day from X on (said on a Wednesday, the Thursday after next Tuesday)
    ("MG mardi ou jeudi, Nancy", ("2026-12-01T08:00:00+01:00", "2026-12-03T20:00:00+01:00")),
    # a passive with its agent says a thing done that day
    ("vue par SOS medecins lundi pour un lumbago, lombalgie persistante", None),
])
def test_days_of_the_month_either_days_and_passives(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, symptomes", [
    # how long ago it began is part of it, as "depuis"
    ("Mme Petit, saignements après pose de stérilet il y a 10j, gynéco en visio, Albi",
     "saignements après pose de stérilet il y a 10j"),
    ("malaise il y a une heure avec confusion persistante il habite à amiens",
     "malaise il y a une heure avec confusion persistante"),
    # a measure's unit does not end it; clinical endings (-pnée, -urie, -iasis) and a measure of the body and how
    # it is name a complaint without a cue
    ("M. Roche, désaturation à 88% et tachypnée depuis ce matin, VAD", "désaturation à 88% et tachypnée depuis ce matin"),
    ("il habite nice psoriasis qui s'étend sur les coudes il voudrait un dermatologue",
     "psoriasis qui s'étend sur les coudes"),
    ("née le 3 mai 1949 tension élevée depuis un mois elle voudrait un cardiologue", "tension élevée depuis un mois"),
    # after a time said whole, the practitioner asked for ends it; a condition "connue" is history
    ("douleur dorsale depuis sa chute cette nuit médecin à domicile dès que possible",
     "douleur dorsale depuis sa chute cette nuit"),
    ("Mme Roy ddn 3/4/66, diabète connu, céphalées depuis 2 sem, Nancy", "céphalées depuis 2 sem"),
])
def test_what_a_complaint_holds_and_where_it_ends(text, symptomes):
    assert read(text).get("symptomes") == symptomes


@pytest.mark.parametrize("text, expected", [
    # a body of a place calls ("le samu de", "la pharmacie de"): no one's names
    ("c'est le samu de martinique pour une visite madame le goff anne", {"prenom": "Anne", "nom": "Le Goff"}),
    # a spelling announced after the name is the same name: the first name comes after it
    ("monsieur durand attendez je vous l'épelle D U R A N D hichem né le 12/12/85",
     {"prenom": "Hichem", "nom": "Durand"}),
    # a number of five digits no commune uses is no postal code
    ("Dossier n°2026-48812, KEITA Moussa, toux, commune : Aubervilliers", {"localisation": "Aubervilliers"}),
])
def test_callers_spellings_and_case_numbers(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, creneau", [
    # an hour of the clock after "d'ici", "jusqu'à" is a deadline today; SAS steps ("d'ici 4h", "d'ici 12h") are delays
    ("MG d'ici 17h svp", ("2026-11-25T10:30:00+01:00", "2026-11-25T17:00:00+01:00")),
    ("dispo jusqu'à 18h30", ("2026-11-25T10:30:00+01:00", "2026-11-25T18:30:00+01:00")),
    ("MG d'ici 4h", None),
    # not available before an hour is from that hour; an hour "ou après" too
    ("elle n'est pas dispo avant 16h", ("2026-11-25T16:00:00+01:00", "2026-11-25T20:00:00+01:00")),
    ("demain 13h30 ou après", ("2026-11-26T13:30:00+01:00", "2026-11-26T20:00:00+01:00")),
    ("VAD dem mat", ("2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00")),
])
def test_deadlines_by_the_clock_and_hours_from(text, creneau):
    assert window_read(text) == creneau


def test_a_deadline_by_the_clock_is_no_delay_in_hours():
    assert "urgence" not in read("MG d'ici 17h svp") and read("MG d'ici 4h")["urgence"] == 4


@pytest.mark.parametrize("text, expected", [
    # a year taken back gives way to the one said after it; a date taken back, to the next date
    ("né le quatre avril trente et un non pardon trente-deux il tousse", {"date_naissance": "1932-04-04"}),
    ("née le 3 mai non le 4 mai 1950, Lyon", {"date_naissance": "1950-05-04"}),
    # a verb in the imperative with its pronoun is no name
    ("mettez-la à 15h", {"nom": None, "prenom": None}),
    ("mets-la à 15h", {"nom": None, "prenom": None}),  # the verb said to one person
    ("prends-le à 9h30", {"nom": None, "prenom": None}),
    # "pr" before "pte" is "pour": no professor, the commune before it is where the patient is
    ("VAD MG Chalon-sur-Saone pr pte 89a chute ce matin", {"localisation": "Chalon-sur-Saone"}),
    # a courtesy closes what comes before it: the commune after it stands alone
    ("Mme Roy Awa, angine, MG ce jour svp grenoble", {"localisation": "grenoble"}),
    # after a label on a line of its own, a place runs to the commune ending the line
    ("Patiente : Mme ROY Odile\nLocalisation : EHPAD Les Tilleuls 80100 Abbeville\nMotif : escarre",
     {"localisation": "EHPAD Les Tilleuls 80100 Abbeville"}),
])
def test_years_taken_back_imperatives_courtesies_and_labelled_lines(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, symptomes", [
    # what the patient no longer does since a time is a complaint, said alone too
    ("pour mon père il a quatre-vingts ans il ne mange plus depuis trois jours et il est très fatigué on est à niort",
     "ne mange plus depuis trois jours et il est très fatigué"),
    # how the thing complained of is, after "est"; how, then which part of the body
    ("sa plaie au pied est très rouge et chaude depuis hier, VAD à Lyon", "plaie au pied est très rouge et chaude depuis hier"),
    ("il est bloqué du dos depuis hier il est à Brest", "bloqué du dos depuis hier"),
])
def test_no_longer_done_since_and_states_said_after(text, symptomes):
    assert read(text).get("symptomes") == symptomes


def test_the_name_labelled_after_the_names_is_the_surname():
    got = read("c'est pour mon mari monsieur ahamada soilihi le nom c'est S O I L I H I il a de la fièvre")
    assert (got.get("prenom"), got.get("nom")) == ("Ahamada", "Soilihi")


@pytest.mark.parametrize("text, creneau", [
    # after a day, two numbers are hours even without their unit
    ("dispo demain entre 8 et 10", ("2026-11-26T08:00:00+01:00", "2026-11-26T10:00:00+01:00")),
    ("vendredi de 14 à 16 svp", ("2026-11-27T14:00:00+01:00", "2026-11-27T16:00:00+01:00")),
    # one hour or another: from the first to the end of the last
    ("demain 9h ou 10h30", ("2026-11-26T09:00:00+01:00", "2026-11-26T11:30:00+01:00")),
    ("VAD possible ce WE", ("2026-11-28T08:00:00+01:00", "2026-11-29T20:00:00+01:00")),
])
def test_hours_without_unit_after_a_day_one_hour_or_another_and_weekends(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, expected", [
    ("Elle est très fatiguée et ne mange plus depuis 3 jours, son fils habite loin",
     {"symptomes": "très fatiguée et ne mange plus depuis 3 jours"}),
    ("motif douleurs abdominales depuis hier souhait un généraliste", {"symptomes": "douleurs abdominales depuis hier"}),
    ("elle est confuse depuis ce matin est-ce qu'un médecin peut passer", {"symptomes": "confuse depuis ce matin"}),
    ("j'ai des plaques qui grattent sur les bras depuis un mois",
     {"symptomes": "plaques qui grattent sur les bras depuis un mois"}),
    ("il s'est fait une entorse de la cheville au foot", {"symptomes": "entorse de la cheville au foot"}),
    ("j'ai les jambes qui enflent depuis une semaine", {"symptomes": "jambes qui enflent depuis une semaine"}),
    # whose practice it is, not where to be seen; a birthday, not a wanted day
    ("c'est l'infirmière du cabinet, il faudrait une visite à domicile", {"type_consultation": "domicile"}),
    ("Mme Colin ddn 12/12/50 (elle a 76 ans demain), diarrhées", {"creneau": None}),
])
def test_what_goes_on_a_complaint_a_practice_and_a_birthday(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # after a subject pronoun comes its verb, no name
    ("vous avez rien d'autre euh en fin de journée", {"prenom": None, "nom": None}),
    # a later day said with "plutôt" is the one wanted
    ("elle bosse tout l'aprèm en fait, plutôt demain matin",
     {"creneau": ("2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00")}),
    # "pas en 77": the year refused is no birth year
    ("elle est née en 87 pas en 77 le 17 octobre 1987", {"date_naissance": "1987-10-17"}),
])
def test_subjects_and_their_verbs_rather_later_and_years_refused(text, expected):
    got = read(text)
    if "creneau" in got:
        got["creneau"] = (got["creneau"]["start"], got["creneau"]["end"])
    assert {k: got.get(k) for k in expected} == expected


def test_tlc_in_a_note_is_a_teleconsultation():
    assert read("TLC svp : Mme Le Goff Morgane 11/01/2000, Nantes")["type_consultation"] == "video"


@pytest.mark.parametrize("text, mode", [
    ("il faudrait une visite demain matin, elle est au Tampon", "domicile"),  # the doctor goes
    ("c'est pour une visite de contrôle au cabinet", "cabinet"),  # what for, not where
    ("il est à Pessac une visite d'ici demain ce serait bien", "domicile"),  # when, not what for
    ("visite MG demain vers 15h pour Mr Paul Ferrand, Annecy", "domicile"),  # "visite" before the doctor asked for
    ("Visite généraliste sous 6h si possible", "domicile"),
    ("visite médicale du travail la semaine dernière, MG au cabinet", "cabinet"),
])
def test_a_visit_is_at_home_unless_it_says_what_for(text, mode):
    assert read(text)["type_consultation"] == mode


def test_a_part_of_today_already_over_gives_way_to_a_time_said_later():
    """At 16:40, "gonflé ce matin" is no wish for tomorrow morning when "pas avant 14h demain" follows."""
    afternoon = datetime.fromisoformat("2026-11-25T16:40:00+01:00")
    found = {e["entity"]: e["value"] for e in read_details(
        "c'est rouge et gonflé ce matin il travaille donc pas avant quatorze heures demain il est à Orléans", afternoon)}
    assert (found["creneau"]["start"], found["creneau"]["end"]) == ("2026-11-26T14:00:00+01:00",
                                                                    "2026-11-26T20:00:00+01:00")


@pytest.mark.parametrize("text", ["MG ajd si possible sinon dem mat, Chalon", "aujourd'hui sinon demain matin"])
def test_today_if_possible_otherwise_tomorrow_is_one_window_from_now(text):
    assert window_read(text) == ("2026-11-25T10:30:00+01:00", "2026-11-26T12:00:00+01:00")
    assert "urgence" not in read(text)


@pytest.mark.parametrize("text, expected", [
    # a name then its spelling after a comma is a name, though a commune bears it
    ("c'est Barret, B A deux R E T, avec un t à la fin", {"nom": "Barret", "localisation": None}),
    # what was going on this morning, in the imperfect, is no wanted time
    ("il meulait sans lunettes ce matin et il a un truc dans l'œil", {"creneau": None}),
    ("Demande : visite d'un médecin sur place, ne se déplace pas", {"type_consultation": "domicile"}),
])
def test_spelled_after_a_comma_the_imperfect_and_visits(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, creneau", [
    ("VAD MG sam mat pr Mme ANDRE Lucienne, ulcère, Carcassonne", ("2026-11-28T08:00:00+01:00", "2026-11-28T12:00:00+01:00")),
    ("toux depuis 5j\nVu lundi par SOS, pas d'amélioration\nDemande : MG", None),  # a day the patient was seen
    # the weekend of the sprain, then the time wanted
    ("entorse poignet au hand ce we. Annecy. creneau fin d'aprem svp", ("2026-11-25T16:00:00+01:00",
                                                                         "2026-11-25T18:00:00+01:00")),
    ("angine, MG ce WE", ("2026-11-28T08:00:00+01:00", "2026-11-29T20:00:00+01:00")),
])
def test_short_days_with_mat_and_a_day_seen(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, place", [
    # "gêne" is no Gené (Maine-et-Loire): an accent may be left out of a commune's name, not put where it has none
    ("pt DUBOIS Camille, corps étranger oeil D, larmoie, gêne ++, acuité ok, lille, 07 81 23 46 90", "lille"),
    ("toux, Besancon", "Besancon"), ("douleur genou, St Etienne", "St Etienne"), ("fièvre, Gené", "Gené"),
])
def test_a_commune_is_read_with_its_accents_or_without_never_with_others(text, place):
    assert read(text).get("localisation") == place


def test_a_name_said_again_spelled_is_that_name_not_the_commune_bearing_it():
    """Bouchet is a commune of the Drôme: spelled after « je crois », it is the birth name said again."""
    assert _subset(read("son nom de jeune fille c'est Bouchet je crois B O U C H E T"),
                   {"nom_naissance": "", "localisation": ""}) == {"nom_naissance": "Bouchet", "localisation": None}


@pytest.mark.parametrize("text,place", [
    ("elle habite à Chamalières euh non pardon Clermont-Ferrand elle peut pas sortir", "Clermont-Ferrand"),
    # the street said after the commune is its address (Royat, a commune too, is the street's name)
    ("elle habite à Chamalières euh non pardon c'est bien Clermont-Ferrand avenue de Royat elle peut pas sortir",
     "Clermont-Ferrand avenue de Royat"),
])
def test_a_commune_said_right_after_a_place_taken_back_is_that_place_whatever_follows(text, place):
    assert read(text)["localisation"] == place


def test_a_spelling_of_both_names_said_is_no_third_name():
    found = read("pour un jeune monsieur Da Silva Rui D A espace S I L V A R U I il a des plaques qui grattent")
    assert _subset(found, {"prenom": "", "nom": ""}) == {"prenom": "Rui", "nom": "Da Silva"}


@pytest.mark.parametrize("text, detail", [
    ("Nguyen, pas d'autre nom", True), ("il a un autre numéro", True), ("vous n'avez pas d'autres créneaux ?", False),
    ("d'autres médecins ?", False), ("autre chose", False),
])
def test_what_autre_qualifies_says_whether_other_slots_are_asked(text, detail):
    from bot.nlu.components import other_of_a_detail
    assert other_of_a_detail(text) is detail


@pytest.mark.parametrize("text, expected", [
    # a spelling tells which word is the surname, however the names are said around it
    ("c'est pour un monsieur Okafor Chinedu alors Okafor O K A F O R il tousse", {"nom": "Okafor", "prenom": "Chinedu"}),
    ("monsieur minh khoa phan p h a n il habite à rouen", {"nom": "Phan", "prenom": "Minh Khoa"}),
    # "mollet" spelled before « né » is the name, not a calf in some state
    ("c'est pour monsieur gilles mollet m o deux l e t né le trente et un octobre soixante-dix-neuf il a une entorse"
     " de la cheville depuis hier", {"nom": "Mollet", "symptomes": "entorse de la cheville depuis hier"}),
    # who the patient is, said by a noun, then the names
    ("je vous appelle pour un étudiant euh quentin lefebvre l e f e b v r e vingt ans il tousse",
     {"nom": "Lefebvre", "prenom": "Quentin"}),
])
def test_spellings_and_person_nouns_around_the_names(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # the verb of living, whatever its person: « Habitent » opening a sentence is no first name
    ("enfant FERREIRA Lucas, fièvre. Habitent Nice (qu. Saint-Roch). Pédiatre",
     {"localisation": "Nice", "prenom": "Lucas"}),
    ("ils vivent à Metz depuis peu", {"localisation": "Metz"}),
    # what was done with the name is no name
    ("elle a gardé son nom", {"nom": None}),
    ("ben youssef c'est le nom et mohamed le prénom", {"nom": "Ben Youssef"}),
])
def test_verbs_are_read_as_verbs_not_names(text, expected):
    assert _subset(read(text), expected) == expected


def test_a_civility_written_as_a_field_of_its_own_after_the_names():
    assert _subset(read("Patient : KOWALSKI Henryk, M., né le 12/10/1938"), {"civilite": "", "nom": ""}) == {
        "civilite": "Monsieur", "nom": "Kowalski"}


def test_what_the_patient_wishes_ends_the_complaint():
    assert read("j'ai quelqu'un qui s'est tordu le genou au foot hier et qui voudrait voir un médecin demain matin")[
        "symptomes"] == "tordu le genou au foot hier"


@pytest.mark.parametrize("text, expected", [
    # a note whose labels are followed by a dash
    ("Identité - TRAN Minh Duc | DDN - 30/01/1991 | Lieu - Montreuil | Motif - mal de gorge",
     {"nom": "Tran", "prenom": "Minh Duc"}),
    # what the caller says of himself before the names
    ("bonjour alors attendez je note euh théo marchand m a r c h a n d il a treize ans il a la cheville gonflée",
     {"nom": "Marchand", "prenom": "Théo"}),
])
def test_names_after_a_dashed_label_or_what_the_caller_says_of_himself(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # the birth name said, then its label
    ("Kerhervé, son nom de jeune fille", {"nom_naissance": "Kerhervé"}),
    ("Ilunga, c'est son nom de jeune fille", {"nom_naissance": "Ilunga"}),
    # the caller's line of a note is neither the patient nor the complaint
    ("Appelant : fils (Adama)\nPatient : OUEDRAOGO Issouf, M., né le 05/03/1958\nMotif : toux",
     {"prenom": "Issouf", "nom": "Ouedraogo", "symptomes": "toux"}),
    ("Appelant - voisin, M. Petit | Pte Mme Lebrun Anne, chute", {"nom": "Lebrun", "civilite": "Madame"}),
    # a phone begun again after a hesitation
    ("son numéro c'est le zéro six euh zéro six cinquante-trois dix-sept quatre-vingt-deux quarante-six",
     {"telephone": "+33653178246"}),
])
def test_labels_said_after_callers_lines_and_numbers_begun_again(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text", ["parfait, réservez", "parfait réservez"])
def test_words_of_the_conversation_are_no_names(text):
    assert _subset(read(text), {"prenom": "", "nom": ""}) == {"prenom": None, "nom": None}


@pytest.mark.parametrize("text, creneau", [
    # by a day: from now to the end of that day (now: Wednesday 25 November 2026, 10:30)
    ("poignet gonflé depuis hier | d'ici vendredi", ("2026-11-25T10:30:00+01:00", "2026-11-27T20:00:00+01:00")),
    ("dermato, le 27 ou le 28, 06 40 18 92 75", ("2026-11-27T08:00:00+01:00", "2026-11-28T20:00:00+01:00")),
])
def test_a_day_to_be_seen_by_and_two_days_of_the_month(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, expected", [
    # what the note says first (a time, a region, a remark), then the names opening their segment
    ("demain midi au cab si possible - Baptiste Rolland né 3/4/1999 - Chambéry", {"prenom": "Baptiste", "nom": "Rolland"}),
    ("Martinique - Jean-Marc Ursulet ne 11/10/1954, habite Le Robert", {"prenom": "Jean-Marc", "nom": "Ursulet"}),
    ("Patient vu en régul ce matin : Gérard Delorme, 70a, Montluçon", {"prenom": "Gérard", "nom": "Delorme"}),
    ("slt, jai une patiente Odile Kerbrat née Le Goff, 81a, à Quimperlé", {"prenom": "Odile", "nom": "Kerbrat"}),
])
def test_names_opening_a_later_segment_of_a_note(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mayotte, Mamoudzou: Mme Zaharia Abdallah 34a, douleurs abdo", {"localisation": "Mamoudzou", "nom": "Abdallah"}),
    ("pr Mr Gaston Lemaire 88a domicilié Cholet, encombrement bronchique, visite svp", {"type_consultation": "domicile"}),
    ("il joue normalement ils habitent à Toulon au Mourillon", {"localisation": "Toulon"}),
])
def test_a_commune_heading_a_note_a_visit_asked_and_where_they_live(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("Spé : MG\nDélai : < 24h", {"urgence": 24}), ("RDV en moins de 48h", {"urgence": 48}),
    ("ORIENTATION: MG VISITE DEMAIN APRES-MIDI", {"type_consultation": "domicile"}),
])
def test_a_delay_written_with_its_sign_and_a_visit_said_after_the_doctor(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text", ["à Grenoble, quartier Championnet", "Habitent Nice (quartier Saint-Roch). Pédiatre"])
def test_where_in_a_town_is_no_complaint(text):
    assert _subset(read(text), {"symptomes": ""}) == {"symptomes": None}


@pytest.mark.parametrize("text, expected", [
    ("alors monsieur payet non pardon monsieur grondin g r o n d i n prénom jean-claude il a mal au dos",
     {"nom": "Grondin", "prenom": "Jean-Claude", "civilite": "Monsieur"}),
    ("madame durand non pardon madame dupont anne, toux", {"nom": "Dupont", "prenom": "Anne"}),
])
def test_a_name_taken_back_with_its_civility_said_again(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text", ["pareil, Moreau", "idem, Lefranc", "oui c'est le même Perrin P E R R I N"])
def test_a_name_answered_is_no_complaint(text):
    assert "symptomes" not in read(text)


@pytest.mark.parametrize("text, expected", [
    ("de jeune fille elle est Lacroix", {"nom_naissance": "Lacroix"}),
    ("Bertin, c'est son nom d'épouse, de jeune fille c'est Lacroix", {"nom": "Bertin", "nom_naissance": "Lacroix"}),
])
def test_a_birth_name_labelled_elliptically(text, expected):
    assert read(text) == expected


def test_a_letter_glued_to_a_number_is_a_code_not_a_place():
    read_back = read("Mme Roche Aline, retrait d'agrafes à J8 d'une plaie du genou, elle est à Laval")
    assert read_back["localisation"] == "Laval"


@pytest.mark.parametrize("text, expected", [
    ("J'ai le papa au téléphone, M. Olivier Brun, pour sa fille de 6 ans qui tousse. La petite s'appelle Emma Brun, "
     "Laval", {"prenom": "Emma", "nom": "Brun"}),
    ("Appel de la fille : son père M. Delmas Roger 84 ans, chute sans PC, Albi", {"prenom": "Roger", "nom": "Delmas"}),
])
def test_the_relative_named_for_is_the_patient(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, creneau", [
    ("cs ven ou sam svp", ("2026-11-27T08:00:00+01:00", "2026-11-28T20:00:00+01:00")),
    ("dispo lun et mar matin", ("2026-11-30T08:00:00+01:00", "2026-12-01T12:00:00+01:00")),
    ("possible jeudi et vendredi", ("2026-11-26T08:00:00+01:00", "2026-11-27T20:00:00+01:00")),
])
def test_two_days_joined_even_cut_short(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, symptomes", [
    ("il a une plaie au doigt qui suinte je voudrais un généraliste demain", "plaie au doigt qui suinte"),
    ("elle a de plus en plus de mal à marcher", "de plus en plus de mal à marcher"),
])
def test_the_complaint_stops_at_a_wish_and_keeps_its_words(text, symptomes):
    assert read(text)["symptomes"] == symptomes


def test_same_birth_name_in_sms_shorthand():
    assert read("Mr Faure Alain, mm nom de naiss., 06 12 34 56 78")["nom_naissance"] == "Faure"


@pytest.mark.parametrize("text, expected", [
    ("elle est née à Kandy au Sri Lanka", {"lieu_naissance": "Kandy au Sri Lanka"}),
    ("il est né à Ziguinchor au Sénégal", {"lieu_naissance": "Ziguinchor au Sénégal"}),
    ("né à Bukavu en RDC, vit à Évry", {"lieu_naissance": "Bukavu en RDC", "localisation": "Évry"}),
])
def test_what_situates_a_birth_place_is_no_second_place(text, expected):
    assert {k: v for k, v in read(text).items() if k in ("lieu_naissance", "localisation")} == expected


@pytest.mark.parametrize("said, country", [("Pointe-Noire au Congo", "Congo-Brazzaville"),
                                           ("Bukavu en RDC", "Congo-Kinshasa"), ("Leeds en Angleterre", "Royaume-Uni")])
def test_countries_as_people_name_them(said, country):
    assert country_said_last(said)[1] == country


@pytest.mark.parametrize("text", ["il lui faudrait un généraliste qui passe ce soir", "quelqu'un qui se déplace svp"])
def test_a_doctor_who_comes_is_a_home_visit(text):
    assert read(text)["type_consultation"] == "domicile"


@pytest.mark.parametrize("text, creneau", [
    ("cab la semaine prochaine", ("2026-11-30T08:00:00+01:00", "2026-12-06T20:00:00+01:00")),
    ("demain mais pas l'aprem", ("2026-11-26T08:00:00+01:00", "2026-11-26T14:00:00+01:00")),
    ("visite aujourd'hui mais pas le matin", ("2026-11-25T12:00:00+01:00", "2026-11-25T20:00:00+01:00")),
    ("vendredi 1ère heure", ("2026-11-27T08:00:00+01:00", "2026-11-27T09:00:00+01:00")),
    ("cet après-midi, idéalement en fin d'aprem", ("2026-11-25T16:00:00+01:00", "2026-11-25T18:00:00+01:00")),
    ("demain matin si possible sinon demain midi", ("2026-11-26T08:00:00+01:00", "2026-11-26T14:00:00+01:00")),
])
def test_windows_narrowed_widened_or_a_week_ahead(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, hours", [("semi-urgent", 24), ("Délai : pas d'urgence", 72), ("non urgent", 72)])
def test_urgency_said_the_way_notes_say_it(text, hours):
    assert read(text) == {"urgence": hours}


@pytest.mark.parametrize("text, mode", [("TC ok pour elle", "video"), ("TC jeudi aprem", "video"),
                                        ("chute avec TC sans PC", None)])
def test_tc_is_a_teleconsultation_only_where_a_mode_is_said(text, mode):
    assert read(text).get("type_consultation") == mode


def test_who_says_so_ends_the_complaint():
    assert read("vertiges depuis ce matin selon son mari, Lyon")["symptomes"] == "vertiges depuis ce matin"


@pytest.mark.parametrize("said, joined", [("Brunel, B, R, U, N, E, L", "Brunel, BRUNEL"),
                                          ("Mallet, M, A, deux L, E, T", "Mallet, MALLET")])
def test_letters_spelled_with_commas_between_them(said, joined):
    assert normalize_dictation(said) == joined


def test_a_name_spelled_with_commas_is_the_name():
    assert read("Chabrol, C comme Charles, H, A, B, R, O, L") == {"nom": "Chabrol"}


def test_an_institution_is_no_name():
    read_back = read("j'ai un résident d'EHPAD à Cholet, M. Morin Lucien, fièvre")
    assert (read_back["nom"], read_back["prenom"]) == ("Morin", "Lucien")


@pytest.mark.parametrize("text, field", [("une dame, Mme Huguette, chute", "prenom"), ("Mme Lefebvre, chute", "nom"),
                                         ("M. Bernard, chute", "nom")])
def test_a_lone_name_after_a_civility_is_a_first_name_only_when_hardly_a_surname(text, field):
    assert {"prenom", "nom"} & set(read(text)) == {field}


def test_the_patient_calling_says_where_they_live():
    assert read("oui alors j'habite Paris dix-huitième j'ai mal au dos")["localisation"] == "Paris 18e"


def test_a_caller_saying_her_names_again_is_the_patient():
    read_back = read("oui je suis madame Tran Mai euh Tran T R A N et le prénom c'est Mai j'ai une angine")
    assert (read_back.get("nom"), read_back.get("prenom")) == ("Tran", "Mai")


@pytest.mark.parametrize("text, mode", [
    ("il ne peut pas se déplacer, une visio ce serait parfait", "video"),
    ("il ne peut pas se déplacer, Angers", "domicile"),
])
def test_a_mode_asked_for_says_more_than_the_patient_unable_to_come(text, mode):
    assert read(text)["type_consultation"] == mode


def test_a_compound_past_with_an_adverb_is_no_complaint():
    assert "symptomes" not in read("il a toujours eu ce nom")


@pytest.mark.parametrize("text, place", [
    ("elle habite Paris quinzième elle a de la fièvre", "Paris 15e"),
    ("on est à Lyon premier arrondissement il tousse", "Lyon 1er arrondissement"),
    ("MME DA SILVA ANA HABITE PARIS 18E. CYSTITE", "PARIS 18E"),  # the ordinal typed in capitals
    ("il habite Lyon dix-septième", "Lyon 17e"),
])
def test_an_arrondissement_said_in_words_is_written_in_figures(text, place):
    assert read(text)["localisation"] == place


def test_an_aside_in_brackets_belongs_to_its_clause():
    # "ce matin" says when the eye was hurt, "(meulage)" between them: the wanted time is the afternoon
    assert window_read("M. Giordano Marco, vit à Nice. Corps étranger oeil gauche (meulage) ce matin, gêne +++. "
                       "RDV ophtalmo cet aprem entre 14h et 16h si possible") == ("2026-11-25T14:00:00+01:00",
                                                                                  "2026-11-25T16:00:00+01:00")


@pytest.mark.parametrize("text, place", [("MG aux Abymes (Guadeloupe) ds la semaine", "Les Abymes (Guadeloupe)"),
                                         ("il est aux Abymes", "Les Abymes"), ("il est au Lamentin", "Le Lamentin")])
def test_a_place_after_a_contracted_article(text, place):
    assert read(text)["localisation"] == place


def test_a_place_after_au_or_aux_needs_a_commune():
    assert "localisation" not in read("il est aux urgences depuis ce matin")


@pytest.mark.parametrize("text", [
    "Appel de la fille (Mme PERROT Carine) pour son pere M. LAMBERT Denis ne le 26/07/1936, fievre",
    "je suis sa voisine, Mme Perrot Carine, pour M. Lambert Denis, fièvre",
])
def test_the_names_set_beside_the_relative_who_calls_are_the_caller_s(text):
    read_back = read(text)
    assert (read_back["nom"], read_back["prenom"]) == ("Lambert", "Denis")


def test_the_unit_glued_to_a_number_is_no_preposition():
    # "71A": 71 ans; its "A" is no « à » before a place
    read_back = read("URGENT PT DIABETIQUE INSULINO 71A GLYCEMIES >3G DS LA NUIT, POLYURIE. M BRUNO LECLERC, "
                     "DDN 30/06/55, MAUBEUGE. VAD")
    assert read_back["localisation"] == "MAUBEUGE"


def test_a_civility_in_its_labelled_field():
    assert read("Civ : M. | Nom : NGUYEN | Prénom : Thanh | DDN : 17/11/1969")["civilite"] == "Monsieur"


def test_a_birth_place_after_a_birth_date_taken_back_is_still_the_birth_place():
    read_back = read("Mme LEROY Martine née le 12/03/1951 non pardon 21/03/1951 à Angers, hébergée chez son fils à "
                     "Cholet")
    assert (read_back["date_naissance"], read_back["lieu_naissance"], read_back["localisation"]) == (
        "1951-03-21", "Angers", "Cholet")


def test_a_phone_taken_back_gives_way_to_the_next():
    assert read("tél 06 12 34 56 89 non pardon 06 12 34 56 88, angine")["telephone"] == "+33612345688"


def test_a_phrase_introducing_a_place_is_no_particle_of_a_name():
    read_back = read("Patient de passage à Annecy, M. Tanguy Le Gall, originaire de Quimper, entorse")
    assert (read_back["nom"], read_back["prenom"], read_back["localisation"]) == ("Le Gall", "Tanguy", "Annecy")


@pytest.mark.parametrize("text, names", [
    ("bonjour je suis Sylvie Marchetti la fille de la patiente mon numéro c'est le zéro six soixante-dix vingt-deux "
     "trente-trois quarante-quatre alors c'est pour ma maman Giovanna Marchetti elle vit à Ajaccio",
     ("Marchetti", "Giovanna")),
    ("oui bonjour moi c'est monsieur Tessier Alain le voisin je vous appelle pour madame Rivière Lucienne elle vit "
     "seule à Saumur", ("Rivière", "Lucienne")),
    ("bonjour je suis Lucie Martin j'ai mal à la gorge depuis hier j'habite à Lyon", ("Martin", "Lucie")),  # herself
])
def test_who_calls_names_themselves_first_then_the_patient(text, names):
    read_back = read(text)
    assert (read_back["nom"], read_back["prenom"]) == names


def test_a_lone_name_spelled_after_a_civility_is_the_surname():
    read_back = read("j'ai un monsieur Celestin C E L E S T I N prenom Rodrigue il est né le douze mars 1978")
    assert (read_back["nom"], read_back["prenom"]) == ("Celestin", "Rodrigue")


@pytest.mark.parametrize("text, field", [("Bonnet, c'est son nom de jeune fille", "nom_naissance"),
                                         ("Bonnet, c'est son nom", "nom")])
def test_a_name_its_label_follows_is_that_name_though_a_commune_has_it(text, field):
    assert read(text) == {field: "Bonnet"}


@pytest.mark.parametrize("text, written", [
    ("c bon pour moi", "c'est bon pour moi"), ("attendez le prenom c Matthieu", "attendez le prenom c'est Matthieu"),
    ("l u c a s", "l u c a s"), ("c comme Camille", "c comme Camille"),  # spelled letters
    ("mail c morin tiret neuf arobase neuf point fr", "mail c morin tiret neuf arobase neuf point fr"),
])
def test_c_as_texted_is_c_est(text, written):
    assert written_out(text) == written


@pytest.mark.parametrize("text, complaint", [
    ("M. Roux, Lyon, courbatures, un peu de fièvre", "courbatures, un peu de fièvre"),  # how much is part of it
    ("M. Roux, Lyon, mal partout, un peu de fièvre", "mal partout, un peu de fièvre"),
    ("M. Roux, Lyon, il est très anxieux depuis une semaine", "très anxieux depuis une semaine"),
])
def test_complaints_said_with_their_degree(text, complaint):
    assert read(text)["symptomes"] == complaint


def test_the_first_name_after_a_birth_name_in_brackets():
    read_back = read("Mme Ferrand (nee Aubert) Claire ddn 11/07/1983 tel 06 25 93 47 18, marseille 13e")
    assert (read_back["nom"], read_back["nom_naissance"], read_back["prenom"]) == ("Ferrand", "Aubert", "Claire")


@pytest.mark.parametrize("text, place", [
    ("il est dans le deuxième à Lyon il a une conjonctivite", "Lyon 2e"),
    ("il vit dans le dix-huitième à Paris il a les jambes qui gonflent", "Paris 18e"),
    ("il est dans le 11e à Paris", "Paris 11e"),
    ("Adresse : 42 boulevard Baille, 13005 Marseille ; Motif : migraine", "42 boulevard Baille, 13005 Marseille"),
])
def test_an_arrondissement_said_before_its_city_and_a_commune_after_its_street(text, place):
    assert read(text)["localisation"] == place


def test_a_letter_before_an_apostrophe_is_no_spelled_letter():
    read_back = read("monsieur Baptiste Fernand F E R N A N D c'est le nom de famille né le trente et un décembre "
                     "mille neuf cent trente")
    assert (read_back["nom"], read_back["prenom"]) == ("Fernand", "Baptiste")


def test_a_client_is_who_the_pharmacy_calls_for():
    read_back = read("Pharmacie, appel pour une cliente : Mme PAYET Josette, habite à Saint-Pierre, plaie du pied")
    assert (read_back["nom"], read_back["symptomes"]) == ("Payet", "plaie du pied")


@pytest.mark.parametrize("text, absent", [("rdv mg pr un pt svp, pas urgent, lundi ca ira", "symptomes"),
                                          ("pte actuellement à Fort-de-France chez sa fille, à voir demain", "nom")])
def test_the_patient_s_label_is_neither_a_complaint_nor_a_name(text, absent):
    assert absent not in read(text)


def test_a_capital_of_fewer_than_50_000_people_is_in_its_own_country():
    assert city_abroad("Moroni") == "Comores"  # was read as an Argentine town's other name


@pytest.mark.parametrize("said, funnel", [("Oran", "Oran"), ("PORTO", "Porto"), ("lisbonne", "Lisbonne"), ("Fès", "Fès"),
                                          ("Valence", "Valence"),  # a French commune first
                                          ("Orsan", "Orsan"),
                                          ("Saint-Pierre (La Réunion)", "Saint-Pierre (La Réunion)"),  # the agenda finds it
                                          ("Paris 12e", "Paris 12e")])
def test_a_large_city_abroad_is_kept_as_said_a_french_commune_first(said, funnel):
    assert birth_place(said) == funnel


@pytest.mark.parametrize("text, complaint", [
    ("monsieur Delattre Gérard il a de la fièvre euh non pardon des brûlures urinaires et du sang dans les urines "
     "depuis hier soir il faudrait une visite", "brûlures urinaires et du sang dans les urines depuis hier soir"),
    ("elle a une otite enfin une douleur à l'oreille depuis trois jours elle voudrait un ORL",
     "douleur à l'oreille depuis trois jours"),
])
def test_a_complaint_taken_back_gives_way_to_the_next(text, complaint):
    assert read(text)["symptomes"] == complaint


def test_the_regulator_introducing_themself_is_no_patient():
    read_back = read("Ici Mathieu, SAS 25. Mme Chantal Grosjean, nom de jeune fille Vuillemin, nee le 30/11/1949 a "
                     "Pontarlier, habite Besancon")
    assert (read_back["nom"], read_back["prenom"], read_back["localisation"]) == ("Grosjean", "Chantal", "Besancon")


@pytest.mark.parametrize("text, place", [
    ("Bjr, je dois adresser une patiente de Lille pr une consult MG mardi matin, angine", "Lille"),
    ("elle est a la Reunion, entorse de cheville", None),  # the island: which commune is asked
])
def test_where_a_patient_is_from_and_a_departement_said_alone(text, place):
    read_back = read(text)
    assert read_back.get("localisation") == place and "nom" not in read_back


@pytest.mark.parametrize("text, expected", [
    # "de" elided before a commune is the preposition, not a name's particle
    ("je voudrais une téléconsultation pour une patiente d'Aurillac", {"localisation": "Aurillac", "nom": None}),
    ("originaire d'Angers, vit à Lyon", {"lieu_naissance": "Angers", "localisation": "Lyon"}),
    ("pour un patient d'Ajaccio, M. Paoli Jean", {"localisation": "Ajaccio", "nom": "Paoli"}),
    # … unless it is a name's ("Estaing" is a commune too) or a complaint's (Angoisse, a commune of the Dordogne)
    ("M. Pierre d'Estaing, toux, Rodez", {"nom": "d'Estaing", "localisation": "Rodez"}),
    ("Mme Anne d'Ornano, crise d'angoisse, vit à Bastia", {"symptomes": "crise d'angoisse", "localisation": "Bastia"}),
])
def test_de_elided_before_a_commune(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("SAS 974 // PAYET Jean-Claude // ddn 22/11/1958 // ne a Saint-Denis // loc: Saint-Pierre",
     {"nom": "Payet", "prenom": "Jean-Claude", "lieu_naissance": "Saint-Denis", "localisation": "Saint-Pierre"}),
    # after a comma, « en EHPAD » says where she lives now, nothing of where she was born
    ("Mme FOURNIER nee ROUX le 12/12/1932 a Aurillac, en EHPAD a Saint-Flour, confusion",
     {"lieu_naissance": "Aurillac", "localisation": "Saint-Flour"}),
    ("né à Pointe-Noire, au Congo, vit à Lyon", {"lieu_naissance": "Pointe-Noire, au Congo", "localisation": "Lyon"}),
    # a street after the commune is its address; « 3e » is an arrondissement, no house number
    ("Lyon troisième rue Paul Bert", {"localisation": "Lyon troisième rue Paul Bert"}),
    ("elle habite Lyon 3e rue Paul Bert, toux", {"localisation": "Lyon 3e rue Paul Bert", "symptomes": "toux"}),
    ("Mme Le Gall Anne, Brest, 12 rue de Siam, fièvre", {"localisation": "Brest, 12 rue de Siam"}),
    # « pour » a commune after the patient or the request; a courtesy closes the segment
    ("pt pour vannes svp, douleur thoracique", {"localisation": "vannes", "symptomes": "douleur thoracique"}),
    ("rdv pour Nancy Martin, toux", {"prenom": "Nancy", "nom": "Martin", "localisation": None}),
    ("Mr DIALLO Ibrahima ne le 30/12/1990 a Dakar, actuellement paris 18e, plaie main",
     {"lieu_naissance": "Dakar", "localisation": "paris 18e"}),
])
def test_what_a_place_attaches_to_in_notes(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # a day denied is no deadline: the one said after it is
    ("un médecin qui vienne à la maison pas forcément aujourd'hui mais d'ici demain", {"urgence": 24}),
    # a surname with its particle said again after the first name is said once
    ("madame Le Floch Marguerite Le Floch en deux mots, toux", {"nom": "Le Floch", "prenom": "Marguerite"}),
    # « tc » after a request or a feminine article is a teleconsultation; « un TC » a head injury
    ("Mlle Nadia BENSAID, crises d'angoisse, demande tc avec psychiatre", {"type_consultation": "video"}),
    ("chute avec un TC sans PC", {"type_consultation": None}),
])
def test_denied_days_names_said_again_and_teleconsultations(text, expected):
    assert _subset(read(text), expected) == expected


def test_words_written_out_side_by_side_keep_their_own_offsets():
    """« ceph, tc » is written out as two words: the mode is « tc », the complaint « ceph », not both each."""
    entities = {e["entity"]: (e["start"], e["end"]) for e in read_details("pt 61a, TA 18/10 + ceph, tc ok", NOW)}
    text = "pt 61a, TA 18/10 + ceph, tc ok"
    assert text[slice(*entities["type_consultation"])] == "tc"
    assert text[slice(*entities["symptomes"])].startswith("ceph")


@pytest.mark.parametrize("text, expected", [
    ("pte LE GOFF, dlr hanche g apres chute sans PC hier soir", {"symptomes": "dlr hanche g apres chute sans PC hier soir"}),
    ("SAS 974 | PAYET Jean-Claude | ddn 22/11/1958", {"nom": "Payet", "prenom": "Jean-Claude"}),
])
def test_note_shorthand_and_columns(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # an age said in words is an age, no name: "de Neuf Mois" was the surname
    ("alors j'ai la maman d'un bébé de neuf mois Jade Petit P E T I T elle a la diarrhée",
     {"prenom": "Jade", "nom": "Petit"}),
    # a pair of the phone taken back after a hesitation
    ("mon numéro c'est le zéro six quatre-vingt-dix trente-deux quatorze soixante et onze attendez non soixante-douze",
     {"telephone": "+590690321472"}),
    # a pair of the whole number corrected by name: the one named last gives way to the one said before it
    ("portable zéro six quarante-deux dix-huit soixante-trois cinquante non pardon c'est dix-neuf pas dix-huit",
     {"telephone": "+33642196350"}),
    ("zéro six douze trente-quatre cinquante-six soixante-dix-huit non c'est quatorze et pas douze",
     {"telephone": "+33614345678"}),
    # and with the hesitation after the "non": the pair taken back mid-number, the rest said after
    ("le fixe zéro quatre soixante-dix-huit douze non attendez treize quarante-quatre cinquante",
     {"telephone": "+33478134450"}),
    # a street type cut short keeps its address whole
    ("domicile 15 av. des Platanes 13100 Aix-en-Provence / plaie",
     {"localisation": "15 av. des Platanes 13100 Aix-en-Provence"}),
    # a part of today begun, then a complaint: when it began, not when to be seen
    ("atcd HTA, ce matin cephalees et TA a 18/10. teleconsult dans l'heure possible ?", {"creneau": None}),
    ("rdv ce matin si possible, toux", {"creneau": {"text": "ce matin", "start": "2026-11-25T10:30:00+01:00",
                                                   "end": "2026-11-25T12:00:00+01:00"}}),
    ("crise d'angoisse, souhaite tc avec psychiatre", {"type_consultation": "video"}),
])
def test_ages_in_words_phones_taken_back_streets_cut_short_and_onsets(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # after a patient's label, a commune spanning the words said is where she is, not her names
    ("pte aix en provence, cystite, demain stp", {"localisation": "aix en provence", "nom": None}),
    ("pte saint etienne, cystite", {"localisation": "saint etienne", "nom": None}),
    ("pt lyon, toux", {"localisation": "lyon"}),
    ("pt a adresser bastia, crise hemorroidaire, lundi si possible", {"localisation": "bastia"}),
    ("pte Marie Laval, toux", {"prenom": "Marie", "nom": "Laval", "localisation": None}),
    # "le même de naissance": the birth name is the name; "hein" is said, no complaint
    ("c'est Lefebvre avec un B L E F E B V R E et c'est le même de naissance hein",
     {"nom": "Lefebvre", "nom_naissance": "Lefebvre", "symptomes": None}),
])
def test_a_commune_after_the_patient_label_and_the_same_birth_name(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # a wish opens the clause of the time wanted, after the complaint's onset
    ("elle a la diarrhée depuis hier et elle boit moins bien ils sont à Olivet la maman souhaiterait un pédiatre en "
     "téléconsultation ce matin si possible",
     {"creneau": {"text": "ce matin", "start": "2026-11-25T10:30:00+01:00", "end": "2026-11-25T12:00:00+01:00"}}),
    # either mode will do: none is wanted
    ("voir un medecin d'ici demain, domicile ou cabinet peu importe", {"type_consultation": None}),
    ("au cabinet peu importe l'heure", {"type_consultation": "cabinet"}),
    ("il peut venir au cabinet aujourd'hui ou demain peu importe", {"type_consultation": "cabinet"}),  # either day
])
def test_wishes_open_a_clause_and_either_mode_will_do(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, window", [
    ("Créneau souhaité : ce jour avant 18h", ("2026-11-25T10:30:00+01:00", "2026-11-25T18:00:00+01:00")),
    # two days of one month, the month said once
    ("il voudrait voir un cardiologue le deux décembre ou le trois il est à Poitiers",
     ("2026-12-02T08:00:00+01:00", "2026-12-03T20:00:00+01:00")),
    ("le 2 ou le 3 décembre", ("2026-12-02T08:00:00+01:00", "2026-12-03T20:00:00+01:00")),
    ("le 3 ou le 4", None),  # no month: ranks of the slots offered, maybe
])
def test_today_as_notes_say_it_and_two_dates_of_a_month(text, window):
    assert window_read(text) == window


@pytest.mark.parametrize("text, expected", [
    # a name said before its label is one name: not "tire l'oreille Marie-Sainte"
    ("il a trente-neuf de fièvre depuis cette nuit et il se tire l'oreille Marie-Sainte c'est son nom de naissance "
     "aussi hein", {"nom_naissance": "Marie-Sainte"}),
    # "de l'EHPAD" is where she lives, no particle of a name
    ("c'est pour une résidente de l'EHPAD les Tilleuls à Auxerre madame Perrin Germaine née Mougeot elle tousse",
     {"nom": "Perrin", "prenom": "Germaine", "nom_naissance": "Mougeot"}),
    # the spelling's remark, whichever letter it is about
    ("Kerhervé K E R H E R V E avec un accent aigu sur le dernier E", {"nom": "Kerhervé"}),
    # a birth date taken back, "pardon" after it: the place still attaches to "née"
    ("ma mère madame Diallo Aminata née Camara le vingt-deux mai mille neuf cent cinquante-huit non cinquante-neuf "
     "pardon à Dakar elle vit chez nous à Aubervilliers", {"lieu_naissance": "Dakar", "localisation": "Aubervilliers"}),
])
def test_names_before_labels_institutions_remarks_and_slips(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("téléconsultation avec un psychiatre ou à défaut un MG, d'ici 48h",
     {"specialite": "psychiatrie", "specialite_sinon": "médecine générale"}),
    ("tel 06 94 27 15 83. ophtalmo ou MG dans la semaine",
     {"specialite": "ophtalmologie", "specialite_sinon": "médecine générale"}),
    ("pédiatre et ORL", {"specialite": "pédiatrie", "specialite_sinon": None}),  # both, no fallback
])
def test_a_specialty_given_as_a_fallback(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # a hesitation inside the birth date: the place still attaches to "née", never the search place
    ("elle est née le euh attendez premier mai mille neuf cent quarante-quatre à Tunis elle habite dans le "
     "dix-huitième à Paris au quarante-deux rue Ordener", {"lieu_naissance": "Tunis", "localisation": "Paris 18e"}),
    # the commune after the institution's name, after the street, across a comma
    ("M. Henri de LA ROCHEFOUCAULD 91 ans, né le 02/04/35 à Angers, résident EHPAD les Glycines, Saumur. Chute",
     {"localisation": "Saumur", "nom": "de la Rochefoucauld"}),
    ("Mme FONTAINE épouse MARCHAND, domiciliée 27 bd de la Liberté, Marseille 4e. Lombosciatique",
     {"localisation": "27 bd de la Liberté, Marseille 4e"}),
])
def test_hesitations_in_a_birth_date_and_communes_after_a_comma(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, place", [
    # where the caller works gives way to where the patient is
    ("oui bonjour je suis infirmière libérale à Mâcon je suis chez une patiente madame Bonnet Germaine elle habite au "
     "5 impasse des Mûriers à Charnay-lès-Mâcon elle a une douleur au mollet", "5 impasse des Mûriers à Charnay-lès-Mâcon"),
    ("appel pharmacie du Centre a Quimperle pour pte Mme LE BIHAN Maryvonne 89a domiciliee a Clohars-Carnoet",
     "Clohars-Carnoet"),
    ("infirmière à Lyon, pour M. Roux, toux", "Lyon"),  # the only place said
])
def test_where_the_caller_works_is_not_where_the_patient_is(text, place):
    assert read(text)["localisation"] == place


def test_an_impossible_birth_date_and_a_phone_cut_short_are_kept_to_be_refused():
    """"ddn 31/02/1980, tel 06 12 34": no day of the calendar, and a phone cut short that reads as 6 December 1934;
    both kept as written, so that the assistant says each is wrong instead of booking a birth date never said."""
    read_back = read("pte pour vannes, Mme Le Bris Katell, ddn 31/02/1980, tel 06 12 34, angine")
    assert (read_back["date_naissance"], read_back["telephone"]) == ("31/02/1980", "06 12 34")


@pytest.mark.parametrize("text, expected", [
    # typed all in capitals, a capital tells nothing: a body part that is also a commune is no place
    ("PTE MME GIRARD LUCIE 12/09/77 DOULEUR CHEVILLE DROITE DEPUIS HIER, A VOIR AU CABINET, AMIENS",
     {"nom": "Girard", "prenom": "Lucie", "localisation": "AMIENS", "symptomes": "DOULEUR CHEVILLE DROITE DEPUIS HIER"}),
    ("DUPONT", {}),  # a short answer in capitals stays a name as written
])
def test_a_message_typed_in_capitals_is_read_as_in_small_letters(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # the label said after one of the two names tells them apart, whatever the lists would say
    ("alors c'est Gabriel Thomas euh Thomas c'est le nom de famille", {"prenom": "Gabriel", "nom": "Thomas"}),
    ("c'est Thomas Gabriel alors Thomas c'est le prénom", {"prenom": "Thomas", "nom": "Gabriel"}),
    # a patient calling for himself: "mon nom", "mon prénom" are the patient's
    ("bonjour je suis monsieur Bernard euh Bernard c'est mon nom de famille mon prénom c'est Kevin j'ai mal au dos",
     {"nom": "Bernard", "prenom": "Kevin"}),
    # names said, then one of them said again to be spelled or told apart
    ("oui bonjour Jean-Luc Perrot alors Jean tiret Luc et Perrot P E R R O T je suis né à Dole",
     {"prenom": "Jean-Luc", "nom": "Perrot", "lieu_naissance": "Dole"}),
    ("pour sa fille Chloé Reyes R E Y E S avec un Y grec elle tousse", {"prenom": "Chloé", "nom": "Reyes"}),
    ("pour l'enfant Hugo MARCHAL né à Metz, otite", {"prenom": "Hugo", "nom": "Marchal"}),
    # a first name said twice in a row is said once, neither spelled nor a surname
    ("c'est pour madame Jean-Pierre Marie-Claire Marie-Claire elle a de la fièvre",
     {"nom": "Jean-Pierre", "prenom": "Marie-Claire"}),
    ("monsieur Moreau Paul-Henri Paul-Henri il tousse", {"nom": "Moreau", "prenom": "Paul-Henri"}),
])
def test_names_told_apart_by_what_is_said_of_them(text, expected):
    assert _subset(read(text), expected) == expected


def test_a_complaint_ends_before_the_next_sentence_after_a_filler():
    assert read("elle a des vertiges depuis lundi bon la glycémie est normale")["symptomes"] == "vertiges depuis lundi"


def test_a_house_number_said_in_words_is_kept_as_said():
    assert read("il habite au quarante et un rue de la Gare à Morlaix")["localisation"] == \
        "quarante et un rue de la Gare à Morlaix"


def test_at_night_this_morning_after_a_complaint_is_when_it_began():
    """At 1 h, "entorse ce matin" is said of the morning gone by; "à voir ce matin" still asks for the coming one."""
    night = datetime.fromisoformat("2026-11-26T01:10:00+01:00")
    read_at_night = {e["entity"]: e["value"] for e in read_details("entorse du genou ce matin, à voir dans les 6h", night)}
    assert (read_at_night["symptomes"], "creneau" in read_at_night) == ("entorse du genou ce matin", False)
    wished = {e["entity"]: e["value"] for e in read_details("à voir ce matin pour une otite", night)}
    assert wished["creneau"]["start"] == "2026-11-26T08:00:00+01:00"


@pytest.mark.parametrize("text, expected", [
    # where the patient lives, a birth place, then where the patient stays now: the search is for the last
    ("elle habite à Namur elle est née à Liège là elle est en vacances à Gérardmer elle a une angine",
     {"localisation": "Gérardmer", "lieu_naissance": "Liège"}),
    ("M. Morel vit à Nantes, en déplacement à Rouen cette semaine, lombalgie", {"localisation": "Rouen"}),
    # a place no table knows, then another clause: its commune is not looked for in the birth place
    ("il habite à Anvers il est né à Lille il tousse", {"localisation": "Anvers", "lieu_naissance": "Lille"}),
])
def test_a_stay_away_from_home_is_where_the_patient_is(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    ("M. Blanc, insuffisant respiratoire sous O2 à dom, fièvre, en téléconsultation svp", {"type_consultation": "video"}),
    ("je m'appelle Louis Caron je suis à Rennes pour mes études j'ai une cystite", {"symptomes": "cystite"}),
    ("Pt : Le Bihan Maël, 12/02/1990, otite", {"nom": "Le Bihan", "prenom": "Maël"}),
    ("c'est la pharmacie des Halles à Blois j'ai un monsieur monsieur Tran Minh qui tousse", {"nom": "Tran", "prenom": "Minh"}),
])
def test_what_a_word_attaches_to_in_a_note(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # who calls, named first, then says "je vous appelle pour" someone: the patient is the one named after
    ("oui c'est madame Girard je vous appelle pour mon mari Girard Henri il a de la fièvre",
     {"nom": "Girard", "prenom": "Henri", "civilite": None}),
    # a room of the workplace is no commune: the commune said with the job stays the place
    ("Mme PERRIN Lise, cuisinière à Montluçon, actuellement au restaurant, brûlure de la main", {"localisation": "Montluçon"}),
])
def test_who_calls_and_where_the_patient_works(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # where the one who calls for someone else is, and where a pharmacy or an institution is, against the patient's
    ("je suis à Reims c'est pour ma mère madame Colin Odette qui est chez elle à Épernay elle tousse",
     {"localisation": "Épernay", "nom": "Colin"}),
    ("moi j'habite à Tours c'est pour mon père il vit à Amboise il a de la fièvre", {"localisation": "Amboise"}),
    ("c'est pour moi, je suis à Laval, angine", {"localisation": "Laval"}),
    ("Pharmacie du Marché Vierzon, je vous envoie Mme Roux Léa, cystite, elle habite à Mehun-sur-Yèvre",
     {"localisation": "Mehun-sur-Yèvre"}),
    ("M. Petit Yves, 88 ans, résident EHPAD de Figeac, toux grasse", {"localisation": "Figeac", "symptomes": "toux grasse"}),
    ("Élève BERNARD Lucas 03/04/2012, douleur au poignet", {"nom": "Bernard", "prenom": "Lucas"}),
    # a pupil is at school when its nurse calls; where they live wins when it is said too
    ("infirmière scolaire au collège Jules Ferry de Langres, j'ai une élève Zoé Marchal qui a vomi",
     {"localisation": "Langres"}),
    ("elle va au lycée de Saint-Flour, elle habite à Murat, angine", {"localisation": "Murat"}),
    # where a practitioner practises, against where the patient lives
    ("Cabinet du Dr Roche (cab. Vichy) : Mme Morel Ana, angine. Elle habite Cusset", {"localisation": "Cusset"}),
    ("envoyé par son MT (Dr Klein, Schiltigheim), vit à Bischheim, sciatique", {"localisation": "Bischheim"}),
    ("son dermatologue il est à Vannes mais il peut pas la voir, elle habite à Auray", {"localisation": "Auray"}),
    ("besoin d'un médecin à Pau", {"localisation": "Pau"}),
    # "ma femme" said in passing: the caller speaks of himself, where he lives stays
    ("je m'appelle Marc Roy c'est ma femme qui a insisté j'habite à Riom près de Clermont", {"localisation": "Riom"}),
    # a commune several communes are named after, kept with its département so that the search finds the right one;
    # the only Riom needs none
    ("il habite à Beaumont dans le Puy-de-Dôme", {"localisation": "Beaumont dans le Puy-de-Dôme"}),
    ("elle est à Riom dans le Puy-de-Dôme", {"localisation": "Riom"}),
    # a town that is also a first name, in its own segment right after the complaint
    ("F 70a chute, douleur poignet, Nancy, aujourd'hui", {"localisation": "Nancy"}),
])
def test_the_place_of_who_calls_is_not_the_patient_s(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # dictated, one sentence running into the next: each one describing the complaint belongs to it
    ("il a fait un malaise il est tout blanc et il a mal à la tête sa mère arrive",
     {"symptomes": "malaise il est tout blanc et il a mal à la tête"}),
    ("elle est essoufflée et elle a repris de la fièvre cette nuit il faudrait une visite",
     {"symptomes": "essoufflée et elle a repris de la fièvre cette nuit"}),
    ("j'ai une forte douleur au genou et ça gonfle depuis hier",
     {"symptomes": "forte douleur au genou et ça gonfle depuis hier"}),
    ("j'ai l'oreille droite toute rouge et je vois trouble depuis ce matin j'aimerais voir quelqu'un",
     {"symptomes": "oreille droite toute rouge et je vois trouble depuis ce matin"}),  # without its article
    ("il est très anxieux il mange plus depuis des jours il reste au lit",
     {"symptomes": "très anxieux il mange plus depuis des jours"}),
    ("elle a des petites pertes de sang depuis hier", {"symptomes": "petites pertes de sang depuis hier"}),
    # what the patient has had or takes, read first, gives way to a complaint the reader knows
    ("il a des stents il prend son traitement et depuis lundi il a des vertiges", {"symptomes": "vertiges"}),
    ("c'est pour ça que j'appelle elle a une otite", {"symptomes": "otite"}),
    # what the patient thinks it is gives way to what they feel, said after
    ("il pense avoir une grippe, il a des courbatures depuis hier", {"symptomes": "courbatures depuis hier"}),
    ("elle pense avoir une cystite", {"symptomes": "cystite"}),
    ("je vous appelle pour moi-même Louis Garnier j'ai une angine", {"prenom": "Louis", "nom": "Garnier"}),
])
def test_a_complaint_said_in_several_sentences(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, window", [
    # the hours the patient works are when they cannot come; what they say after is the time wanted
    ("elle travaille jusqu'à dix-sept heures donc après dix-sept heures ça irait",
     ("2026-11-25T17:00:00+01:00", "2026-11-25T20:00:00+01:00")),
    ("il est au lycée jusqu'à 16h, demain après 16h", ("2026-11-26T16:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    ("rdv jusqu'à 18h svp", ("2026-11-25T10:30:00+01:00", "2026-11-25T18:00:00+01:00")),
])
def test_when_the_patient_is_busy_is_no_time_wanted(text, window):
    assert window_read(text) == window


@pytest.mark.parametrize("text, expected", [
    ("VAD svp, visite dom dans la journée", {"type_consultation": "domicile"}),
    ("il faudrait que quelqu'un aille la voir chez elle demain", {"type_consultation": "domicile"}),
    # visiting a relative is where the patient stays, not a doctor's visit
    ("Mme Blanc, en visite chez son fils à Agen, otite, d'ici 48h", {"type_consultation": None, "localisation": "Agen"}),
    ("un médecin en visite chez elle si possible", {"type_consultation": "domicile"}),
    # a history listed after its label runs over its commas: no commune read in it ("FA" is Fa, in the Aude)
    ("ATCD : ICC, FA sous AOD. Vit à Ajaccio. Dyspnée", {"localisation": "Ajaccio", "symptomes": "Dyspnée"}),
    ("ATCD : diabète, allergie au latex. Angine depuis hier", {"symptomes": "Angine depuis hier"}),
    ("ATCD : asthme, toux depuis 3 j, Lyon", {"symptomes": "toux depuis 3 j"}),  # said since when: the complaint
    # how often, a measure; a discourse word ends the complaint
    ("Motif: vomissements x5/j depuis hier | Lieu: Brest", {"symptomes": "vomissements x5/j depuis hier"}),
    ("il a des crises d'angoisse le soir du coup il dort mal", {"symptomes": "crises d'angoisse le soir"}),
    # the district of a town, for a home visit
    ("il est à Toulon quartier du Mourillon il faudrait une visite", {"localisation": "Toulon quartier du Mourillon"}),
])
def test_modes_histories_and_districts_as_notes_say_them(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # the doctor's town, said with the doctor, is no place of the patient: it is asked
    ("je suis la secrétaire du Dr Morin à Angers, un de ses patients a une otite", {"localisation": None}),
    # words in small letters after "patient" in a typed note are no names
    ("Patient sorti ce matin du service de chirurgie, M. Bodin Paul, 12/03/1950, pansement", {"nom": "Bodin", "prenom": "Paul"}),
    # when a treatment is taken is no time wanted
    ("diabétique sous insuline le soir, plaie du pied, d'ici 48h", {"creneau": None, "urgence": 48}),
    # the caller on the line, then the patient named
    ("j'ai madame Petit en ligne elle appelle pour son mari c'est monsieur Petit Alain il a de la fièvre",
     {"civilite": "Monsieur", "nom": "Petit", "prenom": "Alain"}),
    # the son of Mme X on the line: she is the patient, named whole after
    ("j'ai le fils de madame Garcia en ligne il appelle pour sa mère elle s'appelle Lucienne Garcia elle tousse",
     {"civilite": "Madame", "nom": "Garcia", "prenom": "Lucienne"}),
    # a complaint said absent is none
    ("elle est tombée, pas de perte de connaissance, mais elle a mal au genou", {"symptomes": "mal au genou"}),
])
def test_who_is_the_patient_in_a_note_from_a_practice_or_a_ward(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # a surname, a comma, then a first name alone: both, whatever sits between (its spelling, a correction)
    ("monsieur Girardot, Mathieu, né le 4 juin 1969, il est à Dole", {"nom": "Girardot", "prenom": "Mathieu"}),
    ("madame Weiss, W E I S S, Hélène, elle tousse", {"nom": "Weiss", "prenom": "Hélène"}),
    ("madame Bensaïd, non pardon Bensalem, Leïla, à Nîmes", {"nom": "Bensalem", "prenom": "Leïla"}),
    ("Mme Fabre, Toulouse, angine", {"nom": "Fabre", "prenom": None, "localisation": "Toulouse"}),
    # "née le …" after a first name says when, it labels no birth name
    ("madame Perrin, Odile, née le 3 mai 1948, à Vichy", {"prenom": "Odile", "nom_naissance": None}),
    # an age before "née le": no name
    ("Lou FAVIER 10 mois, née le 12/01/26, Albi, fièvre", {"nom": "Favier", "nom_naissance": None}),
    # a name spelled after the first name is the surname's spelling, nothing else (no complaint)
    ("c'est Mme Ribeiro Ana R I B E I R O elle habite à Tours", {"nom": "Ribeiro", "prenom": "Ana",
                                                                "symptomes": None, "localisation": "Tours"}),
    # the class of a pupil sits between the person noun and the names
    ("une élève de quatrième Chloé Marchal qui a de la fièvre", {"prenom": "Chloé", "nom": "Marchal"}),
    ("un élève de CE2 Noé Lambert a mal au ventre", {"prenom": "Noé", "nom": "Lambert"}),
])
def test_names_across_commas_spellings_and_a_class(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # a delay in words sums up one in numbers, it does not take it back
    ("il faudrait la voir dans les 4 heures enfin c'est urgent quoi", {"urgence": 4}),
    ("dans les 6 heures non pardon dans les 3 heures", {"urgence": 3}),
    # a wish opens no part of the complaint, even after its duration
    ("j'ai une sinusite depuis cinq jours et j'aurais besoin d'un rendez-vous", {"symptomes": "sinusite depuis cinq jours"}),
    # where it hurts, said with "dans", "sous"; how a part of the body is, though a commune has that name
    ("il a mal dans le bas du dos depuis hier", {"symptomes": "mal dans le bas du dos depuis hier"}),
    ("elle a l'oeil gauche rouge", {"symptomes": "oeil gauche rouge", "localisation": None}),
    ("il a l'œil droit qui pleure depuis hier", {"symptomes": "œil droit qui pleure depuis hier"}),
    # on a labelled line, what the patient does not have is part of the clinical picture, as those who write the
    # notes by hand count it; no carer missing
    ("Pat. M. Roy Luc\nMotif : douleur lombaire depuis 3 j, pas de fièvre\nTél. 06 12 34 56 78",
     {"symptomes": "douleur lombaire depuis 3 j, pas de fièvre"}),
    ("Pat. M. Roy Luc\nMotif : douleur lombaire depuis 3 j, pas de médecin traitant\nTél. 06 12 34 56 78",
     {"symptomes": "douleur lombaire depuis 3 j"}),
    ("il est complètement désorienté depuis ce matin", {"symptomes": "complètement désorienté depuis ce matin"}),
    # said without its "ne", the negation closes the complaint all the same: not "une angine qui passe"
    ("elle a une angine qui passe pas je voudrais un rdv", {"symptomes": "angine qui passe pas"}),
])
def test_delays_summed_up_and_complaints_where_they_end(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, expected", [
    # when a carer or a relative comes is no time wanted, their visit no doctor's home visit
    ("plaie du talon, l'infirmière passe le soir, un généraliste au cabinet jeudi", {"creneau": (
        "2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00"), "type_consultation": "cabinet"}),
    ("son papa vient le chercher à 17h, un médecin pourrait le voir en fin de journée ?", {"creneau": (
        "2026-11-25T17:00:00+01:00", "2026-11-25T20:00:00+01:00")}),
    ("son fils passe la voir ce soir, elle tousse", {"type_consultation": None}),
    # a doctor's visit asked for still is one
    ("il faudrait qu'un médecin passe la voir ce soir", {"type_consultation": "domicile", "creneau": (
        "2026-11-25T18:00:00+01:00", "2026-11-25T20:00:00+01:00")}),
])
def test_when_someone_else_comes_is_no_time_wanted_nor_a_home_visit(text, expected):
    said = read(text)
    said["creneau"] = said.get("creneau") and (said["creneau"]["start"], said["creneau"]["end"])
    assert _subset(said, expected) == expected


@pytest.mark.parametrize("text, expected", [
    # a specialist wished for "si dispo": a general practitioner will do when none has a slot
    ("eczéma surinfecté, dermato si dispo, demain", {"specialite": "dermatologie", "specialite_sinon": "médecine générale"}),
    ("un pédiatre de préférence", {"specialite": "pédiatrie", "specialite_sinon": "médecine générale"}),
    ("un ophtalmo demain", {"specialite": "ophtalmologie", "specialite_sinon": None}),
])
def test_a_specialist_wished_for_falls_back_on_a_general_practitioner(text, expected):
    assert _subset(read(text), expected) == expected


@pytest.mark.parametrize("text, window", [
    # an hour inside the window, said just after it, is where it starts
    ("RDV dem apm, pas avant 16h svp", ("2026-11-26T16:00:00+01:00", "2026-11-26T18:00:00+01:00")),
    ("il faudrait la voir ce soir mais pas avant dix-neuf heures", ("2026-11-25T19:00:00+01:00", "2026-11-25T20:00:00+01:00")),
    ("jeudi matin à partir de 10h30", ("2026-11-26T10:30:00+01:00", "2026-11-26T12:00:00+01:00")),
    # an hour outside it changes nothing
    ("demain matin, pas avant 15h", ("2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00")),
])
def test_an_hour_said_after_a_window_is_where_it_starts(text, window):
    assert window_read(text) == window


@pytest.mark.parametrize("text, window", [
    # hours taken back, the day kept; a value taken back "en fait"
    ("demain vers 9h non pardon plutôt après 16h", ("2026-11-26T16:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    ("RDV jeudi 10h-11h, en fait non 15h-16h", ("2026-11-26T15:00:00+01:00", "2026-11-26T16:00:00+01:00")),
    # when the symptoms began, when work ends, when a treatment is taken, when the home help comes: no time wanted
    ("fièvre depuis hier midi, à voir aujourd'hui", None),
    ("il sort du travail à 18h15, ce soir si possible", ("2026-11-25T18:00:00+01:00", "2026-11-25T20:00:00+01:00")),
    ("elle prend son traitement pour la tension le soir", None),
    ("selon l'aide ménagère (qui passe de 8h à 10h), visite en fin de journée",
     ("2026-11-25T17:00:00+01:00", "2026-11-25T20:00:00+01:00")),
    # "dem" before "de préférence" is tomorrow, not "demande"
    ("au cabinet dem de préférence", ("2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00")),
])
def test_the_time_wanted_among_times_said_of_other_things(text, window):
    assert window_read(text) == window


@pytest.mark.parametrize("text, expected", [
    # the birth name said after the married one, its label cut short
    ("Texier c'est son nom d'épouse de naissance c'est Brunet", {"nom": "Texier", "nom_naissance": "Brunet",
                                                                 "localisation": None}),
    ("de naissance c'est Etcheverry", {"nom_naissance": "Etcheverry"}),
])
def test_a_birth_name_said_after_the_married_one(text, expected):
    assert _subset(read(text), expected) == expected


def test_not_able_to_come_before_an_hour_is_from_that_hour():
    assert window_read("elle peut pas venir avant 11h demain") == ("2026-11-26T11:00:00+01:00", "2026-11-26T20:00:00+01:00")


@pytest.mark.parametrize("said, name", [("Bernard euh non Bertrand", "Bertrand"), ("non pardon c'est Lefort", "Lefort"),
                                        ("il est a chenove", None), ("non", None)])
def test_a_bare_name_answer_taken_back_or_a_sentence(said, name):
    from bot.nlu.fields import parse_person_name
    assert parse_person_name(said) == name


def test_a_surname_that_is_a_commune_does_not_make_the_note_one_of_capitalized_towns():
    """"Hamel" is a commune of the Nord: read as a town written with its capital, the lowercase town typed at the end
    was refused and asked again."""
    assert read("Mme Hamel Sophie angine, demain aprem, montigny les metz")["localisation"] == "montigny les metz"


@pytest.mark.parametrize("text, complaint", [
    # the complaint listed after a stay "pour l'hiver" made the reading fail (a value starting inside a word)
    ("Mme Chassang Odette, chez sa fille a Murat pour l'hiver. chute sans PC, douleur hanche G, marche difficile.",
     "chute sans PC, douleur hanche G, marche difficile"),
    ("M. Roux Paul, à Murat pour l'été, toux", "toux"),
    ("M. Roux Paul pour l'angine", "angine"),
    ("vient pour l'éruption sur les bras", "éruption sur les bras"),
])
def test_an_elided_article_is_no_part_of_what_follows_pour(text, complaint):
    assert read(text).get("symptomes") == complaint


@pytest.mark.parametrize("text, names", [
    ("slt, c pr ma coloc Léa Fontaine, elle a mal au bide", {"prenom": "Léa", "nom": "Fontaine"}),
    ("pr mon copain Yanis Belkacem 24 ans, il a trop mal à l'oreille", {"prenom": "Yanis", "nom": "Belkacem"}),
    ("c pour ma cousine Léa Fontaine, toux", {"prenom": "Léa", "nom": "Fontaine"}),
    ("pour mon collègue Yanis Belkacem, toux", {"prenom": "Yanis", "nom": "Belkacem"}),
    # each name spelled as it comes: the spellings do not say which is the surname, the lists do
    ("madame Nguyen N G U Y E N Linh L I N H née le 20/04/95", {"prenom": "Linh", "nom": "Nguyen"}),
    ("madame Dupont D U P O N T Marie M A R I E née le 20/04/95", {"prenom": "Marie", "nom": "Dupont"}),
])
def test_close_ones_who_are_no_family_and_names_spelled_one_by_one(text, names):
    got = read(text)
    assert {f: got.get(f) for f in names} == names


@pytest.mark.parametrize("text, complaint", [
    ("ma coloc Manon Giraud a 40 de fièvre depuis 2 jours", "40 de fièvre depuis 2 jours"),
    ("il a trente-neuf de fièvre et des courbatures", "trente-neuf de fièvre et des courbatures"),
])
def test_a_fever_keeps_its_measure(text, complaint):
    assert read(text).get("symptomes") == complaint


@pytest.mark.parametrize("text, window", [
    # the comings and goings of carers, of whoever speaks, and the patient's own habits are no time wanted
    ("l'aide repasse a 17h pour le repas du soir. MT en conges, a voir rapidement", None),
    ("Prend son Seresta a 20h, IDE passe a 8h et 19h. A voir d'ici demain", None),
    ("il prend son Lasilix le matin à huit heures mais il faudrait une visite à domicile aujourd'hui", None),
    ("moi je repars à onze heures et je reviens à dix-sept heures il faudrait que le docteur passe d'ici demain", None),
    ("l'infirmière passe à dix-huit heures ce soir mais un médecin à la maison dans la journée", None),
    ("Aide passe tous les jours de 9h a 11h et le soir a 18h30. Dem VAD apres 16h idealement",
     ("2026-11-25T16:00:00+01:00", "2026-11-25T20:00:00+01:00")),
    ("je finis le travail à dix-huit heures mais en fait je préférerais samedi dans la matinée",
     ("2026-11-28T08:00:00+01:00", "2026-11-28T12:00:00+01:00")),
    ("Elle finit à 17h en semaine mais préfère samedi midi si dispo",
     ("2026-11-28T12:00:00+01:00", "2026-11-28T14:00:00+01:00")),
    # a time ruled out right after it is said
    ("elle prend son biberon vers dix-neuf heures donc le soir c'est pas l'idéal si on pouvait demain matin",
     ("2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00")),
    # the SAMU acting is no day of the month
    ("douleur thoracique mais le quinze l'a vu c'est pariétal à voir demain dans la journée",
     ("2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    ("rdv le 15 l'après-midi", ("2026-12-15T14:00:00+01:00", "2026-12-15T18:00:00+01:00")),
    # how long the patient stays somewhere
    ("Mlle Sarah Cohen, chez ses parents à Noisy-le-Grand pr le we. Crises d'angoisse.", None),
    ("consultation chez un généraliste pour demain matin", ("2026-11-26T08:00:00+01:00", "2026-11-26T12:00:00+01:00")),
    # the more precise of two times said one after the other
    ("dispo demain aprem après les cours, vers 15h ce serait top",
     ("2026-11-26T14:00:00+01:00", "2026-11-26T16:00:00+01:00")),
    ("je suis disponible que le week-end donc samedi après-midi ce serait bien",
     ("2026-11-28T14:00:00+01:00", "2026-11-28T18:00:00+01:00")),
    # a time opening a clause in the past says when it happened
    ("ce matin elle est tombée dans l'escalier, à voir demain",
     ("2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    ("ce soir elle est dispo", ("2026-11-25T18:00:00+01:00", "2026-11-25T20:00:00+01:00")),
])
def test_whose_time_an_hour_is(text, window):
    assert window_read(text) == window


@pytest.mark.parametrize("text, place", [
    # the département said by its number stays with the commune: "Saint-Denis" alone is the one of La Réunion
    ("il habite à Saint-Denis dans le quatre-vingt-treize il a le gros orteil gonflé", "Saint-Denis dans le 93"),
    ("il est à Saint-Denis (93), toux", "Saint-Denis (93)"),
    # a lieu-dit is inside the commune said after it
    ("elle habite au lieu-dit les Pradeaux à Saint-Anthème elle a fait une chute",
     "lieu-dit les Pradeaux à Saint-Anthème"),
    ("il habite lieu-dit la Combe, Lamastre", "lieu-dit la Combe, Lamastre"),
    # "à dom de Mme ROCHE": her home, her name; the place is the one labelled
    ("appel de l'aide a dom de Mme ROCHE (87 ans), domicile : Le Chambon-sur-Lignon. confusion",
     "Le Chambon-sur-Lignon"),
])
def test_what_situates_a_place_stays_with_it(text, place):
    assert read(text).get("localisation") == place


@pytest.mark.parametrize("text, window", [
    # being born is nothing that began then: the wish said after it stands
    ("je suis née le quatorze juin quatre-vingt-quinze à Chambéry j'habite à Aillon-le-Jeune vendredi matin ça "
     "m'arrangerait", ("2026-11-27T08:00:00+01:00", "2026-11-27T12:00:00+01:00")),
    # "je me suis trompé" is over with "c'est": the day said after it is wanted
    ("non pardon je me suis trompé c'est pas jeudi c'est vendredi matin qu'il est disponible",
     ("2026-11-27T08:00:00+01:00", "2026-11-27T12:00:00+01:00")),
    ("elle est tombée ce matin", None),
])
def test_a_past_verb_dates_only_its_own_clause(text, window):
    assert window_read(text) == window


@pytest.mark.parametrize("text, expected", [
    # someone able to come is a doctor's visit; "venir au cabinet" is not one
    ("c urgent, qqn pourrait passer ds les 3h ? Tel 06 71 84 05 29", {"type_consultation": "domicile", "urgence": 3}),
    ("est-ce que quelqu'un peut passer ce soir", {"type_consultation": "domicile"}),
    ("le médecin peut venir au cabinet demain ?", {"type_consultation": "cabinet"}),
    ("mon petit a de la fièvre, on est sur Balma. qqn tt de suite si possible stp", {"urgence": 4}),
    # where in the building sits between the street and the commune, and is no complaint
    ("Adresse : 3 résidence Les Peupliers, escalier B, 59200 Tourcoing",
     {"localisation": "3 résidence Les Peupliers, escalier B, 59200 Tourcoing", "symptomes": None}),
    ("Adresse : 3 rue des Lilas, bât C, 2e étage, Tourcoing, toux",
     {"localisation": "3 rue des Lilas, bât C, 2e étage, Tourcoing", "symptomes": "toux"}),
    ("adresse exacte : 7 impasse des Gentianes, Les Contamines-Montjoie, code porte 1452", {"symptomes": None}),
])
def test_texted_visits_and_building_details(text, expected):
    got = read(text)
    assert {f: got.get(f) for f in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # where the person said is from, after a person noun, is where the patient is
    ("c'est pour une dame de Mont-de-Marsan madame Dupouy qui tousse",
     {"localisation": "Mont-de-Marsan", "nom": "Dupouy"}),
    ("un monsieur de Dax, M. Roux, toux", {"localisation": "Dax", "nom": "Roux"}),
    ("Monsieur de Villepin Paul, toux", {"localisation": None, "nom": "de Villepin"}),
    # "nn" after "pour" is a newborn; before a name elsewhere, the birth name's label
    ("Mère au tel pr nn GUILLOU Lina née le 02/11/26 (3 sem). pas de fievre.",
     {"nom": "Guillou", "prenom": "Lina", "nom_naissance": None}),
    ("Mme Roux Anne, nn : Martin", {"nom_naissance": "Martin"}),
    # after a spelling whole, "deux T" counts a letter again
    ("monsieur Vialatte Henri V I A L A T T E deux T il est né le 3 juillet 1958", {"nom": "Vialatte"}),
    ("elle a trente-neuf deux de fièvre et des frissons", {"symptomes": "trente-neuf deux de fièvre et des frissons"}),
])
def test_origins_newborns_and_letters_counted(text, expected):
    got = read(text)
    assert {f: got.get(f) for f in expected} == expected


@pytest.mark.parametrize("text, window", [
    ("pleurs ++ et refuse les biberons, debut ce matin. Voir pediatre ajd. Lorient.", None),
    ("VAD dans la journée, eviter 14h-15h (tour des ttt).", None),
    ("debut ce matin. Mere jointe, elle recupere l'enfant a 11h45 et peut l'emmener au cab vers 14h",
     ("2026-11-25T13:00:00+01:00", "2026-11-25T15:00:00+01:00")),
    ("rdv en début d'après-midi", ("2026-11-25T14:00:00+01:00", "2026-11-25T16:00:00+01:00")),
])
def test_an_onset_a_time_to_avoid_and_a_child_fetched(text, window):
    assert window_read(text) == window


@pytest.mark.parametrize("text, complaint", [
    ("SF liberale : Mme Morvan Elodie. fievre 38,9 + douleur sein D, debut hier soir. Habite a Lannion.",
     "fievre 38,9 + douleur sein D"),
    ("pas de fievre. pleurs ++ et refuse les biberons, debut ce matin. Voir pediatre ajd. Lorient.",
     "pleurs ++ et refuse les biberons"),
])
def test_when_it_began_is_no_complaint_listed(text, complaint):
    assert read(text).get("symptomes") == complaint


def test_the_next_patient_presented_as_a_relative_is_named():
    found = read("et j'en ai un deuxième dans la foulée c'est son frère Hugo Perrin il a mal à la gorge depuis hier")
    assert (found.get("prenom"), found.get("nom")) == ("Hugo", "Perrin")


@pytest.mark.parametrize("text", ["il faut mettre quel motif", "c'est pour", "elle a", "motif"])
def test_a_message_ending_on_the_word_that_opens_a_complaint_is_read(text):
    # "il faut mettre quel motif" made the reader look for a person past the last word
    assert read(text).get("symptomes") is None


@pytest.mark.parametrize("text, creneau", [
    # a second choice said with "à défaut", "ou alors": from the first to the end of the last
    ("jeudi après-midi ou à défaut vendredi après-midi", ("2026-11-26T14:00:00+01:00", "2026-11-27T18:00:00+01:00")),
    ("ce soir ou alors demain", ("2026-11-25T18:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    # children are free once out of school, half past four
    ("le petit peut venir vendredi après l'école", ("2026-11-27T16:30:00+01:00", "2026-11-27T20:00:00+01:00")),
    ("dispo seulement après la crèche", ("2026-11-25T16:30:00+01:00", "2026-11-25T20:00:00+01:00")),
])
def test_second_choices_and_the_end_of_school(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, place", [
    # in small letters, where case tells nothing, a town said by the first part of its name right after a field
    ("m roger petitjean 04 50 11 22 33 thonon, lombalgie", "thonon"),
    ("elle habite charleville toux grasse", "charleville"),
])
def test_a_town_said_short_in_small_letters(text, place):
    assert read(text).get("localisation") == place


@pytest.mark.parametrize("text, creneau", [
    # a time said unavailable, before or after it, leaves the one that suits
    ("pas disponible vendredi matin, vendredi 15h c'est bon", ("2026-11-27T15:00:00+01:00", "2026-11-27T16:00:00+01:00")),
    ("jeudi elle peut pas elle garde ses petits-enfants, vendredi oui", ("2026-11-27T08:00:00+01:00",
                                                                         "2026-11-27T20:00:00+01:00")),
    ("demain matin impossible, demain soir ok", ("2026-11-26T18:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    # how the patient gets about is no time refused
    ("jeudi il peut pas se déplacer, passage à domicile", ("2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    # "pas après 16h" is until 16h
    ("vendredi, il est pas dispo après 16h", ("2026-11-27T08:00:00+01:00", "2026-11-27T16:00:00+01:00")),
    # "avant vendredi" ends the day before; "en début de semaine prochaine" is its Monday and Tuesday
    ("à caser avant vendredi", ("2026-11-25T10:30:00+01:00", "2026-11-26T20:00:00+01:00")),
    ("en début de semaine prochaine", ("2026-11-30T08:00:00+01:00", "2026-12-01T20:00:00+01:00")),
    # a part of the day said after several days is that part of each
    ("jeudi ou vendredi, seulement l'après-midi", ("2026-11-26T14:00:00+01:00", "2026-11-27T18:00:00+01:00")),
    ("lundi ou mardi (pas avant 11h)", ("2026-11-30T11:00:00+01:00", "2026-12-01T20:00:00+01:00")),
    # the more precise time a few words further on
    ("samedi ce serait le mieux, de préférence en fin de matinée", ("2026-11-28T10:00:00+01:00",
                                                                     "2026-11-28T12:00:00+01:00")),
])
def test_times_refused_limited_and_narrowed(text, creneau):
    assert window_read(text) == creneau


@pytest.mark.parametrize("text, place", [
    # a town several bear keeps the number of its département written after it: alone, it would be another one
    ("Mme Lucie Bastien, dom. Saint-Denis 93, 07 81 22 40 19, otalgie", "Saint-Denis 93"),
    ("vit à Saint-Pierre 974, céphalées", "Saint-Pierre 974"),
    ("vit à Saint-Denis 93 ans", "Saint-Denis"),  # an age, no département
])
def test_a_homonym_keeps_the_number_of_its_departement(text, place):
    assert read(text).get("localisation") == place


@pytest.mark.parametrize("text, place", [
    # answering which of two towns: the département alone is where the patient is (the actions join the town)
    ("dans le 93", "dans le 93"), ("celle de la Réunion", "celle de la Réunion"), ("974", "974"),
])
def test_a_departement_said_alone_is_the_place(text, place):
    assert read(text) == {"localisation": place}


@pytest.mark.parametrize("text, expected", [
    # where the person is while the operator speaks stands between the noun and the names
    ("alors j'ai une jeune fille au téléphone inès moreau dix-sept ans", {"prenom": "Inès", "nom": "Moreau"}),
    ("j'ai un monsieur en ligne, Marc Delorme, qui a mal au dos", {"prenom": "Marc", "nom": "Delorme"}),
])
def test_names_after_where_the_person_is_on_the_line(text, expected):
    found = read(text)
    assert {k: found.get(k) for k in expected} == expected


def test_an_address_column_of_a_note_runs_to_its_commune():
    text = "VAD | Pat. : M. ROUSSEL Gaston | Adresse : EHPAD Les Acacias, 14 rue Pasteur 21000 Dijon | Tél : 03 80 41 22 19"
    assert read(text)["localisation"] == "EHPAD Les Acacias, 14 rue Pasteur 21000 Dijon"


@pytest.mark.parametrize("text, creneau", [
    # a passive wanted in the subjunctive is no thing done
    ("la maman voudrait qu'il soit vu cet après-midi", ("2026-11-25T14:00:00+01:00", "2026-11-25T18:00:00+01:00")),
    # "pas urgent" says the delay, not a time refused
    ("jeudi ce n'est pas urgent", ("2026-11-26T08:00:00+01:00", "2026-11-26T20:00:00+01:00")),
    # an hour said after a window, across its edge and narrower, is the time meant
    ("vendredi après la crèche, vers 16h", ("2026-11-27T15:00:00+01:00", "2026-11-27T17:00:00+01:00")),
])
def test_wishes_delays_and_hours_said_after(text, creneau):
    assert window_read(text) == creneau


def test_the_day_of_another_day_is_no_delay_of_today():
    found = read("éruption qui démange, dans la journée de vendredi")
    assert "urgence" not in found and found["creneau"]["start"] == "2026-11-27T08:00:00+01:00"


@pytest.mark.parametrize("text, expected", [
    # a correction or a precision is no note: its sentence is no complaint
    ("Désolé, erreur sur le tél : c'est le 06 41 27 93 58", {"telephone": "+33641279358"}),
    ("Précision : il est chez son fils, 8 rue Voltaire 37000 Tours", {"localisation": "8 rue Voltaire 37000 Tours"}),
    # a complaint listed beside one field still is one
    ("Nantes, sinusite", {"localisation": "Nantes", "symptomes": "sinusite"}),
])
def test_a_correction_is_no_note(text, expected):
    assert read(text) == expected


def test_a_carer_who_calls_is_not_the_patient():
    found = read("Appel de l'IDE Mme Lacroix pour M. Henri VIDAL, né le 14/02/1940. Foyer Les Tilleuls. Plaie au talon")
    assert (found.get("prenom"), found.get("nom"), found.get("symptomes")) == ("Henri", "Vidal", "Plaie au talon")


@pytest.mark.parametrize("text, place", [
    # a part of a city typed after it stays with it (the agenda searches the city)
    ("M. Hugo Lemaire, Lille Wazemmes, 06 18 42 77 30, entorse", "Lille Wazemmes"),
    ("Mme Roux, Marseille Endoume, 06 18 42 77 30, cystite", "Marseille Endoume"),
])
def test_a_part_of_a_city_stays_with_it(text, place):
    assert read(text)["localisation"] == place


def test_a_complaint_goes_on_after_but_which():
    found = read("elle a une brûlure à la main pas très étendue mais qui suinte depuis ce matin, au cabinet")
    assert found["symptomes"] == "brûlure à la main pas très étendue mais qui suinte depuis ce matin"


@pytest.mark.parametrize("text", ["le 10", "le 7", "12"])
def test_a_small_number_alone_is_a_rank_not_a_departement(text):
    # after "autres créneaux" the list goes on: "le 10" picks, it never moves the search to the Aube
    assert "localisation" not in read(text)


def test_a_pneumonia_is_no_pneumologist():
    assert "specialite" not in read("suspicion de pneumo, toux fébrile")


@pytest.mark.parametrize("text, expected", [
    # a value announced as a correction, however far from the first
    ("Mr Ousmane Diallo, né le 21/01/1990, 07 69 14 82 05, Évry-Courcouronnes, douleur testiculaire depuis ce matin, "
     "urgent — pardon, né le 21/07/1990", {"date_naissance": "1990-07-21", "telephone": "+33769148205",
                                           "localisation": "Évry-Courcouronnes"}),
    ("Mme Anne Roy, 06 11 22 33 44, toux, Lyon. Erreur sur le tel, c'est le 06 11 22 33 45",
     {"telephone": "+33611223345", "symptomes": "toux"}),
    # something added is no correction
    ("Mme Anne Roy, toux, pardon, et aussi de la fièvre, Lyon", {"symptomes": "toux", "localisation": "Lyon"}),
])
def test_a_value_announced_as_a_correction_wins(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("Appel de la pharmacie du Centre à Carpentras : client sur place, M. Rémi Aubanel, 58 ans, plaques rouges",
     {"localisation": "Carpentras", "nom": "Aubanel"}),  # "sur place" names no street
    ("pr mr kevin batiste 06 72 19 40 83 sur douai 59, otalgie gche depuis 2j", {"localisation": "douai 59"}),
    ("GUERIN ép. LEFEVRE Odile | 12/08/1939 | 9 rue des Capucins 76000 Rouen | dyspnée d'effort",
     {"nom_naissance": "Guerin", "nom": "Lefevre", "localisation": "9 rue des Capucins 76000 Rouen"}),
])
def test_what_a_place_word_attaches_to(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("alors je vous donne euh le nom c'est monsieur quentin vandamme v a n d a m m e", {"nom": "Vandamme",
                                                                                         "prenom": "Quentin"}),
    ("pr mr Kevin Lemaire 29a, dlr gorge + fievre depuis 2j, tel 0678451209", {"symptomes": "dlr gorge + fievre depuis 2j"}),
    ("elle a de la fièvre depuis hier soir et elle se plaint du ventre ils sont à vierzon",
     {"symptomes": "fièvre depuis hier soir et elle se plaint du ventre", "localisation": "vierzon"}),
    ("toux depuis hier et il se trouve à Lyon", {"symptomes": "toux depuis hier", "localisation": "Lyon"}),
    ("il a des brûlures d'estomac depuis un mois malgré son traitement il aimerait voir un médecin",
     {"symptomes": "brûlures d'estomac depuis un mois malgré son traitement"}),
    ("Motif d'appel : lombosciatique droite\nOrientation : MG cabinet < 24h",
     {"symptomes": "lombosciatique droite", "urgence": 24}),
])
def test_a_name_a_complaint_and_a_delay_read_where_they_attach(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("said, email", [
    ("alors son adresse mail c'est m point guerin g u e r i n soixante-neuf arobase free point fr", "m.guerin69@free.fr"),
    ("son mail laetitia bonnefoy en un mot arobase gmail point com", "laetitiabonnefoy@gmail.com"),
    ("son mail c'est jean jean arobase free point fr", "jean jean@free.fr"),  # said twice, not spelled: kept as said
])
def test_an_email_piece_said_then_spelled_or_said_in_one_word(said, email):
    assert email in normalize_dictation(said)


@pytest.mark.parametrize("text, hours", [
    ("VAD svp dès que poss", 4),
    ("voir un orl rapidemnt merci", 8),  # a letter missing
    ("vomissements, pa pressé mais bon", 72),
])
def test_an_urgency_texted_fast(text, hours):
    assert read(text)["urgence"] == hours


def test_a_blood_pressure_is_no_negation():
    assert "urgence" not in read("PA 14/8, fièvre")


@pytest.mark.parametrize("text, expected", [
    ("Mme Fatoumata Keïta, née le 15/06/1979, Bamako, demeurant 27 bd de la Liberté 13001 Marseille, douleurs",
     {"lieu_naissance": "Bamako", "localisation": "27 bd de la Liberté 13001 Marseille"}),
    # without a residence said with its own word, the town after the date may be where she is
    ("Mme Fatoumata Keïta, née le 15/06/1979, Lyon, toux", {"localisation": "Lyon"}),
])
def test_a_town_bare_after_the_birth_date(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, place", [
    ("bonjour c'est la pharmacie de saint-gaudens j'ai une dame devant moi madame josiane ribes elle a un zona",
     "saint-gaudens"),  # the patient is at the pharmacy
    ("c'est la pharmacie de Muret, j'ai Mme Ribes, elle habite à Toulouse, zona", "Toulouse"),  # where she lives wins
])
def test_the_pharmacy_calling_is_where_the_patient_is_unless_told(text, place):
    assert read(text)["localisation"] == place


@pytest.mark.parametrize("text, complaint", [
    ("Timéo Lambertin, 2 ans, vomissements et diarrhée depuis ce midi, boit peu, ils sont à Montluçon",
     "vomissements et diarrhée depuis ce midi, boit peu"),
    ("toux, fièvre, dort mal", "toux, fièvre, dort mal"),
])
def test_what_the_patient_hardly_does_is_listed_with_the_complaint(text, complaint):
    assert read(text)["symptomes"] == complaint


@pytest.mark.parametrize("text, expected", [
    ("M. Baptiste Ollivier, né le 17/04/1994, vit à Vannes", {"prenom": "Baptiste", "nom": "Ollivier"}),
    ("M. Frantz Edouard, toux", {"prenom": "Frantz", "nom": "Edouard"}),
    # a surname made of first names, as the Antilles bear
    ("M. Jordan Pierre-Louis né le 09/09/1992 à Fort-de-France", {"prenom": "Jordan", "nom": "Pierre-Louis"}),
    ("monsieur rodolphe jean-baptiste né à sainte-marie", {"prenom": "Rodolphe", "nom": "Jean-Baptiste"}),
    # what the lists say clearly still wins, as do capitals and the civility's gender
    ("Mme Yilmaz Emre", {"nom": "Yilmaz", "prenom": "Emre"}),
    ("Mme Durand Marie née Martin 21/11/52", {"nom": "Durand", "prenom": "Marie"}),
    ("Mme Rose-Aimée JEAN-LOUIS, Le Lamentin", {"prenom": "Rose-Aimée", "nom": "Jean-Louis"}),
    # a word the lists know only as a surname, before a listed first name
    ("monsieur Ferrandi Lucas né le premier décembre 1997", {"nom": "Ferrandi", "prenom": "Lucas"}),
])
def test_right_after_a_civility_the_first_name_comes_first(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("M. Samuel Achour, né le 05/11/1990 (non c'est le 15/11/1990), Décines-Charpieu",
     {"date_naissance": "1990-11-15", "localisation": "Décines-Charpieu"}),
    ("vomissements depuis hier soir, ne garde rien, VAD ou cabinet ? plutôt cabinet, vers 10h",
     {"type_consultation": "cabinet"}),
    ("c'est pour madame lucie garnier pardon madame lucie garnaud g a r n a u d trente-trois ans",
     {"nom": "Garnaud", "prenom": "Lucie"}),
    ("Baptiste ROY 15/01/05 0612784039 Niort fievre", {"date_naissance": "2005-01-15", "telephone": "+33612784039"}),
    # the civility after the names, as some software lists them
    ("Dubreuil Yannick M. 22/10/1969 NN Dubreuil - otalgie droite", {"nom": "Dubreuil", "prenom": "Yannick",
                                                                     "civilite": "Monsieur"}),
    # dictated: a pair said again to check it, the last digits taken back as the caller relays them
    ("son numéro c'est le zéro six quarante-deux dix-huit oui dix-huit soixante-treize cinquante-cinq son mail",
     {"telephone": "+33642187355"}),
    ("téléphone zéro sept six quatre huit deux six neuf trois zéro non attendez il me dit trois un à la fin donc neuf "
     "trois un il s'est tordu la cheville", {"telephone": "+33764826931"}),
    ("son numéro zéro six douze trente-quatre, voilà, cinquante-six soixante-dix-huit il tousse",  # the listener's ack
     {"telephone": "+33612345678"}),
    # a date whole then a dash, then a number of Guadeloupe: the number starts at 06, the date is the birth date
    ("mme bonnet - sylvie - ddn 03.03.1971 - 06 91 27 45 83 - avignon",
     {"date_naissance": "1971-03-03", "telephone": "+590691274583"}),
    ("M. N'Diaye Moussa 02/12/1983 idem nom naissance 06 29 74 51 86 lombalgie", {"nom_naissance": "N'Diaye"}),
    # "né" typed without its accent, before a name and the birth date: his birth name ("colin" is a fish too)
    ("m. barbier patrick ne barbier 14/05/1926 tel 07 62 18 49 35 vertiges", {"nom_naissance": "Barbier"}),
    ("mr colin xavier ne colin 30/11/1984 - lombalgie aigue - amiens", {"nom_naissance": "Colin"}),
    ("FERRAND Chantal, 03/11/1950, Saint-Affrique, Aveyron, 05 65 49 20 87, douleurs épaule",
     {"localisation": "Saint-Affrique, Aveyron"}),
])
def test_what_is_said_again_or_beside(text, expected):
    assert expected.items() <= read(text).items()


def test_a_phone_dialled_too_long_is_no_valid_number():
    assert read("tel 06 12 34 56 78 9")["telephone"] == "06 12 34 56 78 9"


def test_a_phone_dialled_too_short_is_no_overseas_number():
    """Seven digits with a leading 0 were read as a Saint-Pierre-et-Miquelon line (+508), and booked."""
    assert not read("Mme Vandamme Aurelie 05/05/1995 tel 06 45 12 8 eruption cutanee, Lille")["telephone"].startswith("+")


@pytest.mark.parametrize("text, complaint", [
    ("DUPRÉ MONIQUE NÉE LAFFONT 12/06/1949 MÉRIGNAC ŒDÈME DES DEUX JAMBES CONSULT CABINET SOUS 48H",
     "ŒDÈME DES DEUX JAMBES"),
    ("M. Armand Nkoulou, 47 ans, Évry, 06 81 42 90 27, colique néphrétique connue, peut venir avant 14h",
     "colique néphrétique connue"),  # what the patient is known for, the only complaint said
    ("M. Roy, HTA connue, toux depuis 3j", "toux depuis 3j"),  # beside another complaint: the history
])
def test_the_complaint_ends_at_the_request_and_a_known_condition_alone_is_it(text, complaint):
    assert read(text)["symptomes"] == complaint


@pytest.mark.parametrize("text, start, end", [
    ("elle ne peut se déplacer que le matin donc euh lundi matin de préférence", "2026-11-30T08:00", "2026-11-30T12:00"),
    ("seulement l'après-midi, mardi si possible", "2026-12-01T14:00", "2026-12-01T18:00"),
])
def test_a_day_said_after_the_hours_of_any_day(text, start, end):
    window = read(text)["creneau"]
    assert (window["start"][:16], window["end"][:16]) == (start, end)


@pytest.mark.parametrize("text, complaint", [
    ("elle a des brûlures en urinant elle n'arrive pas à joindre sa sage-femme il faudrait la voir ce soir",
     "brûlures en urinant"),  # someone she cannot reach
    ("il a de la fièvre et il n'arrive pas à dormir", "fièvre et il n'arrive pas à dormir"),  # what he cannot do
])
def test_what_the_patient_cannot_do_and_whom_they_cannot_reach(text, complaint):
    assert read(text)["symptomes"] == complaint


@pytest.mark.parametrize("text, expected", [
    ("oui bonjour c'est la pharmacie de l'hôtel de ville à vesoul j'ai au comptoir monsieur jérôme petitjean",
     {"localisation": "vesoul"}),  # « à » says the town; "de ville" is no commune of the Oise
    ("Finalement la famille préfère une visite à domicile plutôt qu'un rendez-vous au cabinet",
     {"type_consultation": "domicile"}),  # "plutôt que": the first is preferred
    ("Mme Line CLAIRVILLE 97232 Le Lamentin, port. 0696 31 85 47, lombalgie", {"localisation": "97232 Le Lamentin"}),
    ("Mme Laëtitia Lefèvre – pardon Lefebvre avec un b – 06 20 48 73 96, Clermont-Ferrand",
     {"nom": "Lefebvre", "localisation": "Clermont-Ferrand"}),
    ("Mme Laëtitia Lefèvre – pardon, Clermont", {"nom": "Lefèvre", "localisation": "Clermont"}),
    ("mr jordan lebreton 0778124590 mal gorge+fievre 39 depuis 2j habite st brieuc",
     {"symptomes": "mal gorge+fievre 39 depuis 2j"}),
    ("elle a mal au poignet droit depuis une chute hier la fille est joignable au 06 28 55 39 14",
     {"symptomes": "mal au poignet droit depuis une chute hier"}),
    ("hyperglycémies à 3 g/l depuis 2 jours, diabétique sous insuline", {"symptomes": "hyperglycémies à 3 g/l depuis 2 jours"}),
    ("Rdv uro pour M. Albert Fontanel, difficultés à uriner", {"specialite": "urologie"}),
    ("mme sandrine picard, conjonctivite des 2 yeux dpuis mercredi, habite mulhouse 68, pas presée",
     {"symptomes": "conjonctivite des 2 yeux dpuis mercredi", "urgence": 72}),
])
def test_read_where_each_word_attaches_as_typed_fast(text, expected):
    found = read(text)
    assert expected.items() <= found.items()
    assert "creneau" not in found or "mercredi" not in text  # an onset typed fast is no wanted day


def test_a_time_said_again_as_a_correction():
    assert window_read("M. Yannick Le Bihan, Brest, entorse poignet, cabinet vendredi – pardon, samedi matin") == (
        "2026-11-28T08:00:00+01:00", "2026-11-28T12:00:00+01:00")


def test_an_email_domain_with_a_hyphen_said():
    assert "mathis.bouvier@etu.univ-poitiers.fr" in normalize_dictation(
        "son adresse mail c'est mathis point bouvier arobase etu point univ tiret poitiers point fr et son numéro")


@pytest.mark.parametrize("text, expected", [
    ("avis gastro pour Mme Sandrine Caillaud, DDN 30/01/1984, 06 59 21 84 37, reflux persistant, pas pressé, "
     "plutôt le 17 décembre", {"specialite": "gastro-entérologie", "date_naissance": "1984-01-30",
                               "symptomes": "reflux persistant"}),  # a date far on chooses nothing
    ("il a une gastro depuis hier, vomit", {"symptomes": "gastro depuis hier, vomit"}),  # the illness
    ("Mme Henriette BOUVIER (née LACOMBE) 88 ans 05 55 34 71 26 12 allée des Tilleuls 87000 Limoges",
     {"telephone": "+33555347126", "localisation": "12 allée des Tilleuls 87000 Limoges"}),
    ("M. Gérard Lemaire 72 ans Montluçon (03) difficultés pour uriner depuis 15 jours, urologue",
     {"symptomes": "difficultés pour uriner depuis 15 jours"}),
    ("il a une diarrhée depuis trois jours et il est un peu confus vous pouvez me joindre",
     {"symptomes": "diarrhée depuis trois jours et il est un peu confus"}),
    ("M. Bernard Lemaire, 70 ans, porteur de lentilles, œil rouge et douloureux, Chartres",
     {"symptomes": "œil rouge et douloureux"}),
    ("URGENT MR PEREIRA JOAO AUBERVILLIERS DOULEUR DENTAIRE + JOUE GONFLEE PAS DE DENTISTE DE GARDE GENERALISTE",
     {"symptomes": "DOULEUR DENTAIRE + JOUE GONFLEE"}),
])
def test_what_each_word_belongs_to_in_a_busy_note(text, expected):
    assert expected.items() <= read(text).items()


def test_this_morning_texted_short():
    assert window_read("angine, dispo ce mat si poss") == ("2026-11-25T10:30:00+01:00", "2026-11-25T12:00:00+01:00")


@pytest.mark.parametrize("text, place, commune", [
    ("VAD demandée | Mme Odette Fleury 94a | EHPAD Les Tilleuls, Cosne-Cours-sur-Loire | toux sèche depuis lundi",
     "EHPAD Les Tilleuls, Cosne-Cours-sur-Loire", "Cosne-Cours-sur-Loire"),
    ("M. Raymond Petitjean, 91 ans, EHPAD Les Glycines, 5 rue Pasteur 21200 Beaune, escarre sacrée",
     "EHPAD Les Glycines, 5 rue Pasteur 21200 Beaune", "Beaune"),
    ("Mme Lucette Barbier, 90 ans, EHPAD Les Tilleuls à Cholet, toux", "EHPAD Les Tilleuls à Cholet", "Cholet"),
    ("résidente EHPAD de Dole, toux", "Dole", "Dole"),
])
def test_an_institution_called_by_its_name_is_kept_with_its_town(text, place, commune):
    from bot.agenda.geo import geocode

    read_place = read(text)["localisation"]
    assert (read_place, geocode(read_place).commune) == (place, commune)


@pytest.mark.parametrize("text, expected", [
    ("mme bouchard josiane 78a chez sa fille a st-brieuc tel fille 0675418230 diarhée + vomissements depuis hier",
     {"symptomes": "diarhée + vomissements depuis hier"}),  # a word unknown joined by "+" to a complaint
    ("mme pauline ngo ddn 12/08/89 tel 0612873045 hab paris 13e brulure au bras", {"localisation": "paris 13e"}),
    ("il a une toux qui traîne depuis un mois avec des crachats il est fumeur il aimerait voir un pneumologue",
     {"symptomes": "toux qui traîne depuis un mois avec des crachats"}),
    ("il a une douleur à la hanche après une chute il arrive à marcher mais il faudrait une visite",
     {"symptomes": "douleur à la hanche après une chute"}),  # what he still can do
])
def test_a_complaint_joined_a_residence_cut_short_and_what_goes_beside(text, expected):
    assert expected.items() <= read(text).items()


def test_an_email_with_two_initials_said():
    assert "mcthomas@orange.fr" in normalize_dictation("son adresse mail c'est m c thomas arobase orange point fr et")


@pytest.mark.parametrize("text, expected", [
    ("mme sandrine obrien 0678451290 angers non pardon avrillé, mal de gorge", {"localisation": "avrillé"}),
    ("pt 52a M. Kevin Lachaud sciatalgie G +++ depuis 5j, MG rapidement, tel 0623917408 Limoges",
     {"nom": "Lachaud", "symptomes": "sciatalgie G +++ depuis 5j"}),  # a clinical word is no third name
    ("Mme Josiane Peyrard, 68 ans, gros orteil rouge, chaud et douloureux depuis hier. Elle souhaiterait voir",
     {"symptomes": "gros orteil rouge, chaud et douloureux depuis hier"}),
])
def test_a_town_taken_back_a_clinical_word_after_names_and_states_listed(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, hours", [
    ("palpitations intermittentes depuis dimanche, ECG normal ce jour, avis cardio à programmer dans la semaine", 72),
    ("vu aujourd'hui par SOS, à revoir d'ici demain", 24),  # what was done today is no deadline
    ("il faudrait le voir aujourd'hui", 12),
    # a wish in the passive is a deadline still
    ("il faudrait qu'elle soit vue d'ici demain", 24),
    ("il faudrait que ce soit fait d'ici demain au plus tard", 24),
    ("souhaite être vu aujourd'hui au cabinet", 12),
])
def test_what_was_done_today_is_no_deadline(text, hours):
    assert read(text)["urgence"] == hours


@pytest.mark.parametrize("text, expected", [
    ("monsieur olivier brunet né le quatorze avril soixante-dix euh non pardon le quinze avril il habite à saint-nazaire",
     {"date_naissance": "1970-04-15"}),  # the year said with the date taken back
    ("M. Yannick Le Bihan, œil rouge et douloureux, pas d'ophtalmo joignable, à voir par un généraliste aujourd'hui",
     {"specialite": "médecine générale"}),  # a specialist not to be had is not the one asked for
    ("pr Mme Julie Barre 06 41 07 58 33, cystite recidivante avec brulures, habite st etienne 42100, rdv rapide svp",
     {"urgence": 8}),
])
def test_a_year_kept_through_a_slip_a_specialist_missing_and_a_quick_appointment(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    # two first names after a civility: the address made of an initial and a name tells which is the surname
    ("Pour M. Martin Hugo, h.martin@laposte.net, 06 12 48 33 20", {"prenom": "Hugo", "nom": "Martin"}),
    ("Pour M. Martin Hugo, martin.h@laposte.net", {"prenom": "Martin", "nom": "Hugo"}),
    ("monsieur rémi gilles mail g point remi arobase orange point fr", {"prenom": "Gilles", "nom": "Rémi"}),
    # the address of somebody else, or both names whole: it tells nothing
    ("M. Gérard Lemaire, adresse de sa fille a.dupuis@free.fr", {"prenom": "Gérard", "nom": "Lemaire"}),
])
def test_an_email_made_of_an_initial_and_a_name_tells_the_surname(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    # "à la marche" says when the complaint comes, though a commune bears the name; the home said after is the place
    ("il a une dyspnée à la marche depuis deux jours il habite à Nevers",
     {"symptomes": "dyspnée à la marche depuis deux jours", "localisation": "Nevers"}),
    ("douleur au mollet à la marche, habite Nevers", {"symptomes": "douleur au mollet à la marche"}),
    # a commune written with its capital, or said where the patient is, stays the place
    ("angine à La Flèche", {"localisation": "La Flèche"}),
    ("elle a une toux sèche, elle est à la Possession", {"localisation": "la Possession"}),
])
def test_a_circumstance_of_the_complaint_is_no_place(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("nom martel prénom inès lieu de résidence saint-étienne motif eczéma", {"localisation": "saint-étienne"}),
    ("Lieu de vie : foyer Clair Logis à Annecy, toux", {"localisation": "foyer Clair Logis à Annecy"}),
])
def test_the_label_of_the_residence_said_without_its_colon(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    # a day said again after the taking back, with its article: the day changes, month and year stay
    ("elle est née le six mai soixante-deux non pardon le sept", {"date_naissance": "1962-05-07"}),
    ("né le 30/09/1948 euh non le premier", {"date_naissance": "1948-09-01"}),
    ("né le 30/09/1948 non pardon 1949", {"date_naissance": "1949-09-30"}),
])
def test_a_birth_day_said_again(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, hours", [("toux fébrile, à voir ss 48h", 48), ("otalgie, voir rapidt svp", 8),
                                         ("rdv immédiat svp", 4), ("test rapide positif", None)])
def test_delays_texted_short(text, hours):
    assert read(text).get("urgence") == hours


@pytest.mark.parametrize("text, expected", [
    ("Mme Rolande Petit 84 ans 21000, chute hier", {"localisation": "21000"}),
    ("pr M. Yves Caron 67a 59800 tel 03 20 11 45 67 lombalgie", {"localisation": "59800"}),
])
def test_a_postal_code_after_the_age(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("elle a sûrement une sinusite depuis lundi", {"symptomes": "sinusite depuis lundi"}),
    ("se présente avec une entorse de cheville", {"symptomes": "entorse de cheville"}),
    ("il a une bronchite il ne peut plus se déplacer il faudrait une visite", {"symptomes": "bronchite"}),
    ("elle tousse depuis trois jours elle marche difficilement", {"symptomes": "tousse depuis trois jours"}),
    ("poussée d'eczéma, coudes et mains rouges", {"symptomes": "poussée d'eczéma, coudes et mains rouges"}),
    ("elle fait des attaques de panique la nuit", {"symptomes": "attaques de panique la nuit"}),
])
def test_where_a_complaint_starts_and_ends(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("Appel du fils (Mehdi) pour sa mère Mme Fatima Ziani, 79 ans, Roubaix",
     {"prenom": "Fatima", "nom": "Ziani", "localisation": "Roubaix"}),
    ("c'est sa fille Sandrine qui appelle pour M. Lucien Roche, fièvre", {"prenom": "Lucien", "nom": "Roche"}),
    ("pour son fils Hugo Marchal, 7 ans, otite", {"prenom": "Hugo", "nom": "Marchal"}),
])
def test_the_name_of_a_relative_who_calls_is_not_the_patient_s(text, expected):
    assert expected.items() <= read(text).items()


def test_the_home_said_with_when_is_the_mode():
    assert read("lombalgie aiguë, domicile demain matin")["type_consultation"] == "domicile"


def test_a_day_the_caller_reports_is_wanted_not_past():
    assert read("il a dit que ce serait mieux jeudi vers 15h")["creneau"]["text"] == "jeudi vers 15h"


def test_a_phone_after_the_hour_is_no_part_of_the_window():
    assert read("dispo jeudi après 17h 06 21 43 65 87")["creneau"]["text"] == "jeudi après 17h"


@pytest.mark.parametrize("text, expected", [
    ("sinusite depuis lundi vue au cabinet demain si possible", {"symptomes": "sinusite depuis lundi"}),
    ("baisse de la vue depuis une semaine", {"symptomes": "baisse de la vue depuis une semaine"}),
])
def test_seen_at_the_practice_is_the_request_not_the_complaint(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("elle est de passage à Annecy mais elle habite à Grenoble, angine", {"localisation": "Annecy"}),
    ("il est en vacances à Royan, il habite à Poitiers", {"localisation": "Royan"}),
    ("il habite à Poitiers mais là il est en vacances à Royan", {"localisation": "Royan"}),
])
def test_a_stay_said_before_the_home_is_where_the_patient_is(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("Mme Léa Roux, 41 ans, ancienne fumeuse, toux grasse depuis 3 semaines", {"symptomes": "toux grasse depuis 3 semaines"}),
    ("M. Yves Roux, lombalgie, arrêt de travail souhaité, visio ce soir", {"symptomes": "lombalgie"}),
    ("douleurs abdominales, ballonnements, nausées", {"symptomes": "douleurs abdominales, ballonnements, nausées"}),
    ("elle a une sciatique elle ne conduit plus il faudrait une visite", {"symptomes": "sciatique"}),
])
def test_what_the_complaint_lists_and_what_it_does_not(text, expected):
    assert expected.items() <= read(text).items()


def test_a_word_ending_like_a_specialist_with_its_accent_is_none():
    assert "specialite" not in read("toux opiniâtre depuis un mois")


@pytest.mark.parametrize("text, day", [("Vichy — cystite — cet après-midi si possible", "T14:00"),
                                       ("visio vendredi — non c'est samedi qu'il est dispo", "-05T08:00")])
def test_a_window_set_apart_by_a_dash(text, day):
    now = datetime.fromisoformat("2026-12-01T09:10:00+01:00")  # a Tuesday
    window = {e["entity"]: e["value"] for e in read_details(text, now)}["creneau"]
    assert day in window["start"]


@pytest.mark.parametrize("text, phone", [
    ("fixe 04 78 22 61 35 non pardon 36 et portable 06 62 19 41 03", "+33478226136"),
    ("son numéro zéro six douze trente-quatre cinquante-six soixante-dix-huit euh non soixante-dix-neuf", "+33612345679"),
    ("06 45 37 26 53 non pardon 07 81 22 33 44", "+33781223344"),  # a whole number said again: that one
    ("06 45 37 26 53, pardon 45 ans", "+33645372653"),  # an age after it changes nothing
])
def test_the_last_pairs_of_a_phone_said_again(text, phone):
    assert read(text)["telephone"] == phone


@pytest.mark.parametrize("text, expected", [
    ("Appel de la pharmacie du Port (Concarneau) pour Mme Anne Riou, domiciliée à Trégunc, conjonctivite",
     {"localisation": "Trégunc"}),
    ("Appel de la pharmacie du Marché (Concarneau) pour Mme Anne Riou, conjonctivite", {"localisation": "Concarneau"}),
    ("Mme Anne Riou, Plouézoc'h (29), conjonctivite", {"localisation": "Plouézoc'h (29)"}),
    ("M. Paul Riou (29 ans), conjonctivite", {"nom": "Riou"}),
])
def test_a_town_in_brackets(text, expected):
    assert expected.items() <= read(text).items()
    assert "localisation" in expected or "localisation" not in read(text)


@pytest.mark.parametrize("text, expected", [
    ("il faudrait un médecin chez lui ce soir", {"type_consultation": "domicile"}),
    ("il a aussi un portable : 06 12 33 44 55", {"telephone": "+33612334455"}),
    ("céphalées pas d'hyperthermie TA ok", {"symptomes": "céphalées"}),
    ("dyspnée d'effort, ECG fait ce matin normal, cardio sous 48h", {"symptomes": "dyspnée d'effort"}),
])
def test_what_is_not_the_complaint_said_beside_it(text, expected):
    got = read(text)
    assert expected.items() <= got.items() and ("symptomes" in expected or "symptomes" not in got)


@pytest.mark.parametrize("text, expected", [
    ("non pas Dupont, Dupond avec un d à la fin", {"nom": "Dupond"}),
    ("pardon c'est Lefèbvre sans accent", {"nom": "Lefèbvre"}),
])
def test_a_name_corrected_with_a_remark_on_its_letters(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("Appel de la pharmacie du Lac (Mme Perrin, pharmacienne) pour M. Louis Gros, 80 ans, zona",
     {"prenom": "Louis", "nom": "Gros"}),
    ("Foyer Les Cèdres (éducatrice Mme Blanc) : résidente Mme Inès Roche, otite", {"prenom": "Inès", "nom": "Roche"}),
    ("Pharmacie Garnier à Dole pour sa cliente Mme Lucie Roy, cystite", {"localisation": "Dole"}),
])
def test_who_calls_named_in_an_aside(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("vad dem1 aprem stp", {"type_consultation": "domicile"}),
    ("pneumo cette sem si poss", {"urgence": 72}),
    ("pr enft Tom Garcia 6 ans, otite", {"prenom": "Tom", "nom": "Garcia"}),
    ("voudrait un gastro-entéro", {"specialite": "gastro-entérologie"}),
    ("sur montreuil 93 toux depuis hier", {"localisation": "montreuil 93"}),
    ("NOM: ROUX  PRENOM: ANNE  LIEU: SAINT-LO  MOTIF: TOUX FEBRILE  DEMANDE: VISITE", {"symptomes": "TOUX FEBRILE"}),
    ("Pour Mme Lise Roy : Tours. Angine depuis hier, ne sort plus. Cabinet demain.", {"symptomes": "Angine depuis hier"}),
    ("GOUTTE GROS ORTEIL DROIT A VOIR AUJOURD HUI", {"symptomes": "GOUTTE GROS ORTEIL DROIT"}),
])
def test_notes_written_short(text, expected):
    assert expected.items() <= read(text).items()


@pytest.mark.parametrize("text, expected", [
    ("mme awa kone 52a bobigny vomissmts depuis hier, cab demain", {"localisation": "bobigny",
                                                                   "symptomes": "vomissmts depuis hier"}),
    ("mr paul roux 0623457819 st etienne rdv cab demain", {"localisation": "st etienne"}),
    ("Mme Lina Roux, Fontenay-ss-Bois, otalgie", {"localisation": "Fontenay-ss-Bois", "symptomes": "otalgie"}),
    ("Il préfère le cabinet finalement, jeudi matin", {}),
    ("M. Luc Roux, 80 ans, porteur d'une prothèse de hanche, fièvre", {"symptomes": "fièvre"}),
    ("enceinte de 3 mois, petites douleurs pelviennes", {"symptomes": "petites douleurs pelviennes"}),
    ("c'est Meunier sans i, pas Meunier", {"nom": "Meunier"}),
])
def test_texted_in_small_letters_and_short(text, expected):
    got = read(text)
    assert expected.items() <= got.items() and ("symptomes" in expected or "symptomes" not in got)


@pytest.mark.parametrize("text, expected", [
    ("c'est l'infirmière du centre de santé de mana j'ai une patiente madame lucie payet", {"prenom": "Lucie",
                                                                                            "nom": "Payet"}),
    ("finalement la patiente peut venir, noter cabinet au lieu de visite", {"type_consultation": "cabinet"}),
])
def test_where_the_caller_works_and_what_the_regulator_asks_are_no_details(text, expected):
    got = read(text)
    assert expected.items() <= got.items() and "symptomes" not in got


@pytest.mark.parametrize("text, expected", [
    # "au" is "à le": only a commune named with its article follows it ("au Tampon"); Talon (Nièvre) is not "au talon"
    ("M. Hugo Brun, Dijon, cloque infectée au talon depuis jeudi", {"localisation": "Dijon",
                                                                     "symptomes": "cloque infectée au talon depuis jeudi"}),
    ("elle vit au Havre, toux", {"localisation": "Le Havre", "symptomes": "toux"}),
    # a street named without a house number, closed by its postal code and commune
    ("Mme Léa Noël, route de Saint-Cyr 37540 Saint-Cyr-sur-Loire, otite",
     {"localisation": "route de Saint-Cyr 37540 Saint-Cyr-sur-Loire"}),
    ("M. Yves Rey, lieu-dit La Borie 46100 Figeac, angine", {"localisation": "lieu-dit La Borie 46100 Figeac",
                                                             "symptomes": "angine"}),
])
def test_au_takes_a_commune_named_with_its_article_and_a_street_may_go_unnumbered(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, symptomes", [
    ("céphalées ne passant pas sous ibuprofène, cabinet demain", "céphalées ne passant pas sous ibuprofène"),
    ("lombalgie n'étant pas calmée par le repos, à Metz", "lombalgie n'étant pas calmée par le repos"),
    ("diarrhée depuis lundi, boit peu, mange rien, garde tout", None),
    ("PAT: ROUX | VILLE: Agen | MOTIF: toux grasse, plus de ventoline | MODE: cabinet", "toux grasse, plus de ventoline"),
])
def test_a_complaint_keeps_what_describes_it(text, symptomes):
    got = read(text).get("symptomes")
    assert got == symptomes if symptomes else got.endswith("garde tout")


@pytest.mark.parametrize("text, expected", [
    # no appointment to be had elsewhere before a delay is why the SAS is called, not how soon the patient is seen
    ("sciatique, pas de rendez-vous avec son médecin avant 15 jours, cabinet mardi", None),
    ("son médecin n'a rien avant 3 semaines, à voir sous 48h", 48),
    ("pas de fièvre, à voir avant 72h", 72),
])
def test_no_appointment_before_a_delay_is_no_urgency(text, expected):
    assert read(text).get("urgence") == expected


@pytest.mark.parametrize("text, mode", [
    ("l'aide-soignante voudrait qu'on organise une visite demain", "domicile"),
    ("il aurait besoin d'une visite cet après-midi", "domicile"),
    ("pour l'angine, jusqu'au cabinet c'est possible", "cabinet"),
])
def test_a_mode_said_after_an_elided_word(text, mode):
    assert read(text).get("type_consultation") == mode


@pytest.mark.parametrize("text, expected", [
    # the town meant, then the one denied
    ("ah non c'est Vienne pas Vénissieux", {"localisation": "Vienne"}),
    ("Mme Lou Roy, Brest, pas Belfort, toux", {"localisation": "Brest", "symptomes": "toux"}),
    # a quarter in brackets, a bank of the river, the town centre
    ("M. Paul Roy, Lyon (Croix-Rousse), angine", {"localisation": "Lyon (Croix-Rousse)"}),
    ("M. Paul Roy, Bordeaux rive droite, angine", {"localisation": "Bordeaux rive droite"}),
    ("M. Paul Roy, Angers centre-ville, angine", {"localisation": "Angers centre-ville"}),
    # on site, at a town
    ("appel de l'infirmière, la patiente est sur place à Millau, Mme Lise Roy, otite", {"localisation": "Millau"}),
    ("mme lise roy 06 11 22 33 44 otite sect valence", {"localisation": "valence"}),
])
def test_places_said_around_the_town(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, symptomes", [
    ("lombalgie depuis qu'il a déménagé son frigo, Metz", "lombalgie depuis qu'il a déménagé son frigo"),
    ("vertiges depuis lundi, a du mal à tenir debout, Caen", "vertiges depuis lundi, a du mal à tenir debout"),
    ("M. Roy se présente au cabinet infirmier avec une plaie du mollet, Metz", "plaie du mollet"),
    ("pieds froids et bleus la nuit elle voudrait un rendez-vous jeudi", "pieds froids et bleus la nuit"),
    ("Mme Roy, Caen, désolée du retard, angine", "angine"),
])
def test_what_describes_a_complaint_and_what_does_not(text, symptomes):
    assert read(text).get("symptomes") == symptomes


def test_a_civility_alone_in_its_column():
    got = read("Mme | LEGROS | Annie | 03/03/1950 | Lille | toux")
    assert (got.get("civilite"), got.get("nom"), got.get("prenom")) == ("Madame", "Legros", "Annie")


def test_a_habit_of_the_complaint_is_no_wanted_time():
    # "le soir" of the swollen legs; the wanted time is said after
    assert window_read("elle a les chevilles enflées et douloureuses le soir, elle voudrait un médecin vendredi matin") \
        == ("2026-11-27T08:00:00+01:00", "2026-11-27T12:00:00+01:00")


@pytest.mark.parametrize("text, expected", [
    ("M. Karim Haddad, Tunis 03/05/1970, demeurant à Nice, toux", {"lieu_naissance": "Tunis", "localisation": "Nice"}),
    ("Appel du voisin. Son voisin vit seul au 5 rte de Paris, 45000 Orléans. Chute hier.",
     {"localisation": "5 rte de Paris, 45000 Orléans"}),
    ("Mme Lucie Perrin (pardon Perret), Lyon, angine", {"nom": "Perret", "localisation": "Lyon"}),
])
def test_notes_written_in_a_hurry(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


@pytest.mark.parametrize("text, symptomes", [
    ("pic tensionnel à 18/10 ; Metz ; cabinet", "pic tensionnel à 18/10"),
    ("Mme Roy, Metz, abcès dentaire, dentiste en congés, cabinet", "abcès dentaire"),
    ("M. ROY PAUL 06 11 22 33 44 METZ TOUX SECHE DEPUIS 3 SEMAINES ASTHMATIQUE PNEUMO", "TOUX SECHE DEPUIS 3 SEMAINES"),
    ("Mme Roy, Metz, ulcère du pied diabétique", "ulcère du pied diabétique"),
])
def test_where_a_complaint_stops_in_a_note(text, symptomes):
    assert read(text).get("symptomes") == symptomes


def test_a_mode_asked_opens_the_request_after_an_onset():
    assert window_read("DOULEUR GENOU DEPUIS CHUTE DIMANCHE CABINET MARDI MATIN") \
        == ("2026-12-01T08:00:00+01:00", "2026-12-01T12:00:00+01:00")


@pytest.mark.parametrize("text, expected", [
    # a child named after who they are to the caller: first name first, as after a civility
    ("pour sa fille Lou Raymond, 6 ans, fièvre", {"prenom": "Lou", "nom": "Raymond"}),
    ("le papa de Léna Gérard, 2 ans, otite", {"prenom": "Léna", "nom": "Gérard"}),
    # who calls from a service is no name
    ("bonjour c'est le samu de la guadeloupe pour madame rose alexis", {"prenom": "Rose", "nom": "Alexis"}),
])
def test_names_after_who_they_are(text, expected):
    assert {k: v for k, v in read(text).items() if k in ("prenom", "nom")} == expected


@pytest.mark.parametrize("text, symptomes", [
    ("migraine depuis 2 jours, résistante au doliprane, Lyon", "migraine depuis 2 jours, résistante au doliprane"),
    ("Motif : otite, souhaite pédiatre\nVille : Lyon", "otite"),
    ("mme rose petit 70 ans essouflement depuis hier, cabinet", "essouflement depuis hier"),
])
def test_a_complaint_as_notes_list_it(text, symptomes):
    assert read(text).get("symptomes") == symptomes


def test_a_filler_inside_an_address_is_part_of_it():
    assert read("mail HM.Roux@free.fr, Lyon").get("email") == "hm.roux@free.fr"


@pytest.mark.parametrize("text, expected", [
    # "plus" ends the sentence before it: the place after "il est à" is where the patient is
    ("il a mal au genou ça gonfle plus il est à villeneuve-sur-lot il voudrait un médecin",
     {"localisation": "villeneuve-sur-lot"}),
    ("M. Noé Roy, Lyon 3e, PIQURE INSECTE + BRAS GONFLE, CABINET", {"localisation": "Lyon 3e",
                                                                  "symptomes": "PIQURE INSECTE + BRAS GONFLE"}),
    ("mr paul roy 06 11 22 33 44 sur bourg s/mer, otite", {"localisation": "bourg s/mer"}),
])
def test_what_notes_and_dictation_attach(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


def test_after_an_hour_in_shorthand():
    assert window_read("otite, dispo ap 18h demain") == ("2026-11-26T18:00:00+01:00", "2026-11-26T20:00:00+01:00")


def test_this_evening_begun_is_wanted_once_donc_opens_the_request():
    # at 18:10 "ce soir" has begun: said in the complaint's clause it would be when the complaint began
    evening = datetime.fromisoformat("2026-11-25T18:10:00+01:00")
    said = "elle tousse elle n'a pas trouvé de pédiatre donc un généraliste ce serait bien ce soir"
    window = {e["entity"]: e["value"] for e in read_details(said, evening)}.get("creneau")
    assert (window["start"], window["end"]) == ("2026-11-25T18:10:00+01:00", "2026-11-25T20:00:00+01:00")


@pytest.mark.parametrize("text, expected", [
    ("Mme Roy, Lyon, toux ++, fièvre depuis hier, cabinet", {"symptomes": "toux ++, fièvre depuis hier"}),
    ("Spécialité : néphrologie\nVille : Lyon", {"specialite": "néphrologie"}),
])
def test_what_a_note_marks_and_labels(text, expected):
    assert {k: v for k, v in read(text).items() if k in expected} == expected


def test_a_visit_asked_with_when():
    assert read("Mme Lise Roy, Vienne, toux, visite demain autour de 10h").get("type_consultation") == "domicile"


@pytest.mark.parametrize("text, name", [
    ("il s'appelle Noé", "Noé"),  # Noé is a commune of the Haute-Garonne
    ("son fils s'appelle Noé, fièvre depuis hier", "Noé"),
])
def test_a_verb_that_names_says_a_name_though_a_commune_bears_it(text, name):
    said = read(text)
    assert "localisation" not in said and name in (said.get("prenom"), said.get("nom"))


@pytest.mark.parametrize("said, name", [("Bouzid comme sa sœur", "Bouzid"), ("Ferrand, pareil que le papa", "Ferrand"),
                                        ("nguyen comme moi", "Nguyen"), ("Lacomme", "Lacomme"),
                                        ("Rousseau comme Jean-Jacques Rousseau", "Rousseau")])
def test_a_name_answered_with_whose_it_also_is(said, name):
    from bot.nlu.names import parse_person_name
    assert parse_person_name(said) == name


def test_his_birth_name_after_an_accented_ne():
    said = read("et maintenant son mari, M. Roux Denis, né Roux le 04/05/1979, même numéro 06 19 57 32 84")
    assert (said.get("nom"), said.get("nom_naissance")) == ("Roux", "Roux")
    assert "nom_naissance" not in read("il ne Peut pas venir, M. Roux Denis")


@pytest.mark.parametrize("text, patient", [
    ("alors j'ai au téléphone madame Girard Sylvie c'est la fille du patient elle appelle pour son papa monsieur "
     "Girard Roland né le trois mars mille neuf cent quarante", ("Roland", "Girard")),
    ("bonjour j'ai une infirmière de l'EHPAD Les Lilas madame Perrin qui m'appelle pour une résidente madame Vidal "
     "Odette qui a une plaie au talon", ("Odette", "Vidal")),
    ("j'ai au téléphone Mme Roux Odile née le 3/4/1950, fièvre", ("Odile", "Roux")),  # no one else: the patient
])
def test_who_calls_named_first_is_not_the_patient(text, patient):
    said = read(text)
    assert (said.get("prenom"), said.get("nom")) == patient


@pytest.mark.parametrize("text, names", [("M. N'Diaye Moussa, né le 25/12/1984", ("Moussa", "N'Diaye")),
                                         ("Mme Aya N'Guessan 03/04/1980", ("Aya", "N'Guessan"))])
def test_a_surname_with_its_elided_n_is_known_as_the_lists_write_it(text, names):
    said = read(text)
    assert (said.get("prenom"), said.get("nom")) == names


def test_a_street_said_aloud_keeps_its_words_and_gets_its_postal_code_in_figures():
    place = read("elle habite au quinze rue de la Paix à Caen quatorze mille elle a une cystite")["localisation"]
    assert place == "quinze rue de la Paix à Caen 14000"


@pytest.mark.parametrize("said, name", [("il me dit Kervella K E R V E L L A", "Kervella"), ("elle dit que c'est Morvan",
                                                                                              "Morvan")])
def test_a_name_relayed_by_the_caller(said, name):
    from bot.nlu.names import parse_person_name
    assert parse_person_name(said) == name


def test_small_letters_m_before_a_surname_then_the_first_name():
    assert read("m. rousseau patrick ne le 14/07/1926 meme nom tel 06 84 15 27 93")["civilite"] == "Monsieur"
    assert "civilite" not in read("une plaie de 3 m. de long au mollet")


@pytest.mark.parametrize("text", ["pardon 1962 pas 1926", "non pas 1926 mais 1962", "ah non 1962 et non 1926"])
def test_one_year_of_birth_said_for_another(text):
    assert read(text) == {"date_naissance": "1962"}


@pytest.mark.parametrize("text", [
    "et maintenant j'ai son frère sur la même ligne Hugo Roux même nom de naissance né le trois octobre deux mille quatre",
    "son frère Hugo Roux, nom de naissance Roux, né le 3 octobre 2004",
])
def test_the_next_patient_named_through_his_kin_with_his_birth_name_before_his_birth_date(text):
    record = read(text)
    assert (record["prenom"], record["nom"], record["nom_naissance"]) == ("Hugo", "Roux", "Roux")
    assert record["date_naissance"] == "2004-10-03"


@pytest.mark.parametrize("text", ["pt 67a chute hier, douleur poignet g, ds Caen", "fièvre, il est dans Caen"])
def test_dans_before_a_commune_says_where(text):
    assert read(text)["localisation"] == "Caen"
    assert "localisation" not in read("douleur dans le dos depuis hier")


def test_jf_before_a_name_is_the_maiden_name_and_a_young_woman_before_an_age():
    assert read("Mme Lefort Samira (JF Benali), née le 08/07/1979 à Oran")["nom_naissance"] == "Benali"
    assert "nom_naissance" not in read("JF 25 ans douleur abdo à Lille")


def test_a_visit_asked_as_for_the_patient_before():
    assert read("escarre du talon qui s'aggrave, visite aussi svp, Besançon")["type_consultation"] == "domicile"


def test_a_day_and_month_said_for_the_day_of_the_birth_date():
    assert read("attendez je me suis trompée c'est le quatorze mars pas le quatre") == {"date_naissance": "--03-14"}
    assert "date_naissance" not in read("opérée le 3 novembre, fièvre")


@pytest.mark.parametrize("text", [
    "Maman en ligne : Aurélie Rolland, 06 40 72 18 95. Pour son fils Timéo Rolland, né le 25/12/2020, otite",
    "Maman : Aurélie Rolland, 06 40 72 18 95. Pour son fils Timéo Rolland, né le 25/12/2020, otite",
])
def test_a_relative_as_the_label_of_a_note_is_who_calls(text):
    record = read(text)
    assert (record["prenom"], record["nom"], record["date_naissance"]) == ("Timéo", "Rolland", "2020-12-25")
    # a role as the label, no one else introduced after: who follows is the patient
    assert read("Pharmacienne au tél : Mme Nadia Cherki, 34 ans, conjonctivite, habite Vaulx-en-Velin, 07 58 26 91 30")[
        "prenom"] == "Nadia"


def test_a_year_said_again_whole_after_a_hesitation():
    assert read("né le vingt trois août soixante deux euh mille neuf cent soixante deux")["date_naissance"] == "1962-08-23"


def test_have_then_an_adverb_then_a_participle_is_what_happened():
    assert read("il a finalement eu son médecin traitant") == {}  # no complaint « finalement », no commune Eu


def test_the_start_of_a_number_taken_back_is_no_birth_date():
    said = "zéro six douze trente-quatre non pardon je reprends zéro six douze trente-cinq cinquante-six soixante-dix-huit"
    assert read(said) == {"telephone": "+33612355678"}  # « 06 12 34 » read as 6 December 1934 replaced the birth date


def test_who_calls_named_first_then_whose_neighbour_they_are():
    record = read("Bonjour, c'est M. Girard Thierry, 06 11 52 87 43, je suis le voisin de Mme Lambert Odette, née Morel "
                  "le 09/01/1937. Elle a glissé hier, douleur au poignet gauche")
    assert (record["civilite"], record["prenom"], record["nom"], record["nom_naissance"]) == \
        ("Madame", "Odette", "Lambert", "Morel")


def test_an_age_in_decades_after_a_civility_is_no_name():
    assert read("c'est pour un monsieur la soixantaine qui fait une crise de goutte")["civilite"] == "Monsieur"
    assert "nom" not in read("c'est pour un monsieur la soixantaine qui fait une crise de goutte")


def test_the_next_patient_after_as_well_and_a_courtesy():
    record = read("et son fils aussi svp: lucas vasseur ne le 04/06/2015 meme nom, tel 06 78 45 12 36, otite, lille aussi")
    assert (record["prenom"], record["nom"], record["date_naissance"]) == ("Lucas", "Vasseur", "2015-06-04")


def test_a_first_name_alone_between_dashes_after_the_surname():
    record = read("M. Carpentier - Julien - 22/08/1990 - 06.58.31.47.20 - entorse cheville G en jouant au foot - Amiens")
    assert (record["nom"], record["prenom"], record["localisation"]) == ("Carpentier", "Julien", "Amiens")


def test_a_name_said_with_its_accents_after_its_letters():
    assert read("G U E R I N Guérin avec un accent aigu sur le e")["nom"] == "Guérin"


def test_the_next_patient_asked_for_with_an_article_and_his_birth_date():
    record = read("nouveau patient : toujours la même maman, cette fois pour le grand frère Rayan Haddad né le 02/05/2014")
    assert (record["prenom"], record["nom"]) == ("Rayan", "Haddad")


def test_a_birth_name_a_commune_bears_does_not_make_the_town_written_small_a_word():
    assert read("Mme Marchal Laura nee Marchal 11/06/1999 07 66 84 21 39 gastro depuis hier, reims")["localisation"] == "reims"


@pytest.mark.parametrize("text, place, complaint", [
    ("M. Schmitt Thierry meme nom ddn 08/07/1926 tel 06 51 37 92 48 lombalgie metz", "metz", "lombalgie"),
    ("M. Ferreira Joao ne au portugal ddn 30/01/1968 vertiges depuis ce matin limoges", "limoges",
     "vertiges depuis ce matin"),
])
def test_a_city_typed_small_ending_the_message_is_where(text, place, complaint):
    record = read(text)
    assert (record["localisation"], record["symptomes"]) == (place, complaint)


@pytest.mark.parametrize("text, place", [
    ("mme fontaine aurélie 14/09/78 gastro depuis cette nuit vomissements++ pas de sang lille", "lille"),
    ("il est né à Angers euh il m'appelle de Saumur il a mal au genou droit", "Saumur"),  # where the call comes from
    ("je vous appelle de Lyon c'est pour mon père il habite Villeurbanne, toux", "Villeurbanne"),
    ("il est à l'internat à mende il a le genou gonflé sa mère appelle de montpellier", "mende"),
])
def test_where_the_patient_is_after_what_is_denied_or_where_the_call_comes_from(text, place):
    assert read(text)["localisation"] == place
    assert "localisation" not in read("il m'appelle de son portable il a mal au genou")


def test_a_birth_name_field_of_its_own_in_a_note_typed_small():
    record = read("mme vuillemin odile/ne vuillemin/02-12-1971/06 88 23 41 57/eruption cutanee qui gratte/besancon")
    assert (record["nom_naissance"], record["localisation"]) == ("Vuillemin", "besancon")


def test_small_letters_m_in_a_message_with_capitals_elsewhere():
    assert read("dem rdv pr m. texier julien, ATCD asthme, crise legere ce soir, sur angers")["civilite"] == "Monsieur"


def test_who_calls_says_who_they_are_then_for_whom():
    record = read("oui bonjour alors moi c'est Sandrine Keller je suis son aide à domicile mon numéro c'est le 06 35 47 81 26 "
                  "j'appelle pour madame Marguerite Weber née Ehrhardt le 11/11/1931 elle a une toux grasse")
    assert (record["prenom"], record["nom"], record["nom_naissance"]) == ("Marguerite", "Weber", "Ehrhardt")
    assert read("moi c'est Alain Tessier, toux depuis hier, Lyon")["nom"] == "Tessier"  # no one else: he is the patient


@pytest.mark.parametrize("text", [
    "bonjour alors moi c'est madame nguyen thi mai mon numéro c'est le 07 71 24 39 85 j'appelle pour mon fils il a une "
    "gastro depuis hier soir",
    "Bonjour, je suis M. Petit Alain, j'appelle pour ma femme, elle a de la fièvre",
    "c'est madame Lebrun je vous appelle pour mon mari il tousse",
    "Hélène Caron au bout du fil, 06 19 73 40 58, c'est pour sa mère de 91 ans qui a une plaie au mollet",
])
def test_who_calls_for_a_relative_not_named_yet_is_not_the_patient(text):
    record = read(text)
    assert not {"nom", "prenom", "civilite"} & set(record), record


def test_a_doctor_coming_on_site_is_a_home_visit():
    assert read("Plaie du talon qui s'infecte. Besoin que le médecin passe sur place (visite).")["type_consultation"] \
        == "domicile"
    assert read("Brûlures mictionnelles depuis 48h. On souhaite que le médecin passe voir le résident sur place.")[
        "type_consultation"] == "domicile"
    assert "type_consultation" not in read("sa fille passe sur place ce soir, toux")


def test_the_next_patient_after_now_typed_short():
    record = read("et son fils mtn : muller lucas, meme nom, ddn 11/04/2012, tel de la maman 06 73 18 42 95, angine")
    assert (record["prenom"], record["nom"], record["date_naissance"]) == ("Lucas", "Muller", "2012-04-11")


def test_the_listener_addressed_is_no_civility_of_the_patient():
    assert "civilite" not in read("attendez madame je demande un truc est-ce que le patient reçoit un sms de confirmation")


@pytest.mark.parametrize("text, expected", [
    # the subject of the call, named with her number, then the one she calls for
    ("J'ai la fille en ligne, Sandrine Lemaire, 06.58.14.22.07, elle appelle pour sa mère Mme Odette LEMAIRE, nom de "
     "jeune fille QUESNEL, 89 ans, née le 2 août 1937. Alitée, fièvre", ("Odette", "Lemaire", "Quesnel")),
    # named right after "qui appelle", her number labelled, then "pour" the patient
    ("C'est la voisine qui appelle, Mme Rose Ferreira, son numéro 06 84 31 57 02, pour M. Lucien MARCHAND, 95 ans, "
     "né le 17-01-1931, il vit seul à Limoges.", ("Lucien", "Marchand", None)),
    # the child's surname is the father's, said with a verb before it; "né" of the child
    ("La maman, Cynthia Horth, appelle pour son bébé Enzo, 8 mois, né le 02/04/2026. Attention il porte le nom du "
     "papa : MARIE-SAINTE. Fièvre et diarrhée depuis 2 jours", ("Enzo", "Marie-Sainte", None)),
    # the first name said again before the surname given
    ("Bonjour, pour ma fille Inès, 3 mois, elle porte le nom de sa mère : Inès Moreau-Dias. Née le 02/08/2026.",
     ("Inès", "Moreau-Dias", None)),
])
def test_who_calls_named_before_the_one_they_call_for(text, expected):
    record = read(text)
    assert (record.get("prenom"), record.get("nom"), record.get("nom_naissance")) == expected, record


def test_the_negation_ne_says_no_birth_nor_gender():
    # "elle ne veut plus": no "né", which would have said a boy and turned Yasmine into the surname
    record = read("bonjour je vous appelle pour ma fille qui s'appelle yasmine belkacem elle a quatorze ans elle fait "
                  "des crises d'angoisse elle ne veut plus aller au collège on est à mulhouse")
    assert (record["prenom"], record["nom"]) == ("Yasmine", "Belkacem")


@pytest.mark.parametrize("text, field, expected", [
    # a town with its quarter is where one lives, even after a birth date: no birth place, no commune Saint-Cyprien
    ("THOMAS Bernard, né le 12 janv. 1963, à Toulouse quartier Saint-Cyprien, entorse de cheville hier au foot",
     "localisation", "Toulouse quartier Saint-Cyprien"),
    ("Mme Fatima BENALI, elle vit à Montpellier quartier Port Marianne. Douleurs abdominales", "localisation",
     "Montpellier quartier Port Marianne"),
    # in small letters throughout, the quarter last; the patient named, a surname of the lists all the same
    ("bb 4 mois lina haddad, papa au tel 06 98 12 33 41, bordeaux bastide", "localisation", "bordeaux bastide"),
    # « à », the preposition, after « elle »: no « elle a » opening a complaint
    ("inès benali née le 14/08/2026 elle a de la fièvre la maman est avec elle à roubaix", "localisation", "roubaix"),
    # the civility with its capital and dot before names in small letters
    ("pt 95a M. marcel dubois-lacroix ne le 11/11/31 - chute ce matin", "civilite", "Monsieur"),
    # "Clermont-Fd", as regulators shorten it
    ("M. Roux 45a toux clermont fd 06 12 34 56 78", "localisation", "clermont fd"),
])
def test_places_with_their_quarter_and_words_that_attach_to_them(text, field, expected):
    assert read(text).get(field) == expected


def test_the_same_name_answered_is_no_complaint():
    assert "symptomes" not in read("Thomas, pareil")
    assert "symptomes" not in read("Dupont, idem")


@pytest.mark.parametrize("text, expected", [
    # who calls, named as the patient's kin, then "sa mère" named: the patient
    ("appel de la fille de la patiente (Mme Sophie Reynaud) : sa mère Jeanne Bouchard née Lemaire, brûlures en "
     "urinant, vit seule à Limoges", ("Jeanne", "Bouchard")),
    ("soeur du patient au tel, son frere Samir Ben Youssef 38 ans, otite, habite Reims", ("Samir", "Ben Youssef")),
    # the patient named first, "sa fille" after: a contact, no patient
    ("Mme Durand 80 ans, toux, sa fille Nathalie Roux au 06 12 34 56 78", (None, "Durand")),
])
def test_the_kin_of_who_calls_named_first_is_the_patient(text, expected):
    record = read(text)
    assert (record.get("prenom"), record.get("nom")) == expected, record


@pytest.mark.parametrize("text, field, expected", [
    ("pt jean-hugues payet ddn 08011966 tel 0692 45 87 12 - lombosciatique D", "date_naissance", "1966-01-08"),
    ("2e pt meme famille: sarah cherif ddn 14/12/19 meme sympto, meme tel 07 66 54 32 10, lyon 8 aussi", "prenom",
     "Sarah"),
    ("On commence par le grand : Lucas Dubois, né le 09/09/2020, à Lille (quartier Fives). Tel de la maman 06 33 58 02 "
     "71", "localisation", "Lille"),
])
def test_a_birth_date_glued_a_longer_header_a_quarter_in_brackets(text, field, expected):
    assert read(text).get(field) == expected


@pytest.mark.parametrize("text", ["et son frère Tom, même nom", "et son jumeau Tom, même nom"])
def test_the_next_patient_presented_by_kin_with_a_first_name_alone(text):
    assert read(text).get("prenom") == "Tom"


@pytest.mark.parametrize("text, field, expected", [
    # a history in capitals after the birth date is no birth place (the agenda then asked for one forever)
    ("Gwenaël Le Bihan 61 ans né le 18 janv 1964, HTA, MT parti à la retraite. Habite Brest. +33 6 09 87 14 52",
     "lieu_naissance", None),
    ("née le 15/06/1979, BAMAKO, demeurant à Evry", "lieu_naissance", "BAMAKO"),
    # an island alone gives way to the commune said with "habite"
    ("Fils qui appelle de Marseille pour son papa à Mayotte : M. Abdou Soilihi, 67 ans, genou droit gonflé. Il habite "
     "Koungou.", "localisation", "Koungou"),
    # "M." before a particle
    ("M. du Plessis Louis-Marie, ddn 08/03/55, palpitations", "civilite", "Monsieur"),
    # "le monsieur d'à côté": a noun and where he lives, then his names
    ("C'est le voisin qui appelle (M. Lacombe) pour le monsieur d'à côté, Marcel Vermenouze, 93 ans, seul chez lui à "
     "Aurillac.", "nom", "Vermenouze"),
])
def test_what_capitals_particles_and_descriptions_attach_to(text, field, expected):
    assert read(text).get(field) == expected


@pytest.mark.parametrize("text, field, expected", [
    # a name of two words spelled in two runs joined by "et"
    ("oui alors un jeune homme aurélien ben salah en deux mots B E N et S A L A H même nom de naissance", "nom",
     "Ben Salah"),
    ("euh inès I N E accent grave S el amrani en deux mots E L et A M R A N I elle est née le deux septembre deux mille "
     "vingt-six", "nom", "El Amrani"),
    ("pour son petit yanis ben amor euh B E N et après A M O R en deux mots il est né le quatre mai deux mille vingt",
     "nom", "Ben Amor"),
    # "a eu": the verb, the commune of Eu is no place here
    ("Gabriel Morin, 20 mois : fièvre à 39,5 depuis ce midi, a eu du Doliprane il y a une heure. Elle est à "
     "Clermont-Ferrand", "localisation", "Clermont-Ferrand"),
])
def test_spellings_in_two_runs_and_the_verb_a(text, field, expected):
    assert read(text).get(field) == expected


def test_who_calls_for_her_two_children_then_the_elder_named():
    record = read("Maman au tel, Mme Aïssatou Diop, pour ses deux enfants qui ont les yeux rouges et collés depuis hier "
                  "matin, pas de fièvre. On commence par le grand : Moussa Ndiaye (nom du papa), 7 ans, né le 21/03/2019.")
    assert (record.get("prenom"), record.get("nom"), record.get("civilite")) == ("Moussa", "Ndiaye", None)


def test_a_surname_of_two_words_labelled_then_spelled_whole():
    record = read("le nom c'est madi abdallah en deux mots M A D I et A B D A deux L A H il est né en deux mille cinq "
                  "le huit juillet")
    assert record["nom"] == "Madi Abdallah"


@pytest.mark.parametrize("text, expected", [
    # the relative who speaks, on the line, then named: the caller; her mother named next is the patient
    ("Bonjour, j'ai la fille d'une patiente au téléphone, Mme Sandrine Moreau. Sa mère Jeannine Moreau, née Lacroix, "
     "86 ans, née le 3 mars 1940, a de la fièvre.", ("Jeannine", "Moreau")),
    ("Bonjour, Stéphane Lacombe à l'appareil, j'appelle pour mon père Raymond Lacombe, né le 17 février 1935 à Tulle, "
     "il habite seul à Panazol.", ("Raymond", "Lacombe")),
])
def test_who_speaks_on_the_line_named_then_the_patient(text, expected):
    record = read(text)
    assert (record.get("prenom"), record.get("nom")) == expected, record


def test_a_birth_date_written_year_first_with_slashes_keeps_the_birth_place_apart():
    record = read("né le 2003/04/16 à Wenzhou (Chine), logé en résidence universitaire à Paris 13e. Entorse")
    assert (record.get("date_naissance"), record.get("lieu_naissance")) == ("2003-04-16", "Wenzhou (Chine)")
    assert "Wenzhou" not in record.get("localisation", "")


@pytest.mark.parametrize("text, field, expected", [
    # a commune of several words with an accent its listing lacks
    ("ils sont à rémire-montjoly", "localisation", "rémire-montjoly"),
    # a birth date glued year first after its label
    ("mme Anne-Sophie Van der Berg njf Mathieu ddn 19880127 sinusite", "date_naissance", "1988-01-27"),
    # a town in small letters, when the only capitalized communes are a name's last word or a birth name
    ("mme Anne-Sophie Van der Berg njf Mathieu ddn 19880127 sinusite, cs d'ici demain - annecy - tel 0033 6 72 48 15 93",
     "localisation", "annecy"),
])
def test_communes_accented_dates_glued_year_first_towns_in_small_letters(text, field, expected):
    assert read(text).get(field) == expected


@pytest.mark.parametrize("text, expected", [
    # a full date already gone, its year said, is no time wished: a baby's birth date this year
    ("bébé Lou, fièvre, 14 février 2026", {"date_naissance": "2026-02-14"}),
    # the birth year said after a day and a month said as numbers: no 12 958
    ("né le onze onze mille neuf cent soixante-trois il tousse", {"date_naissance": "1963-11-11"}),
    # two surnames announced as one: no first name among them
    ("son fils Tom, 6 ans, il porte les deux noms : Morel Kerjean, otite", {"prenom": "Tom", "nom": "Morel Kerjean"}),
    # names after the kin word and a comma: first name first, a word no list knows the surname
    ("et il y a aussi sa grande sœur, Lou Ouahrani, 9 ans, née le 02/04/2017", {"prenom": "Lou", "nom": "Ouahrani"}),
    # a first name of two words, both spelled in one run
    ("c'est pour madame tran prénom minh anh M I N H espace A N H elle a mal au dos", {"prenom": "Minh Anh"}),
    # the surname after the first name, spelled whole with its spaces
    ("son fils noé pereira da costa P E R E I R A espace D A espace C O S T A né le 2 mai 2019",
     {"prenom": "Noé", "nom": "Pereira da Costa"}),
    ("le nom c'est L E espace G O F F", {"nom": "Le Goff"}),
    # said as one word
    ("elle est née ait ouali en un seul mot A I T O U A L I", {"nom_naissance": "Aitouali"}),
    # the child's names in small letters with a particle, after who calls: his first name and his name
    ("j'ai la maman en ligne madame anne le flock qui appelle pour son bébé gabin le flock il a 9 mois",
     {"prenom": "Gabin", "nom": "Le Flock"}),
])
def test_dates_and_names_as_said(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # a carer says her trade after her name, then the call is for a resident
    ("Bonjour, Claire Morin, aide-soignante au foyer Les Glycines à Dole, c'est pour une résidente, Mme Paulette "
     "GIRARD, née le 4 mars 1936, toux grasse", ("Paulette", "Girard")),
    # a relative named in brackets after what she is, then the patient
    ("fils au tel (M. Paul Besson, 06 11 22 33 44) pour Mme Jeanne BESSON, 88 ans, chute", ("Jeanne", "Besson")),
    # the next patient of a family presented with the definite article, her first name spelled
    ("et maintenant la grande sœur chloé roux C H L O E née le trois mai deux mille quinze", ("Chloé", "Roux")),
    # a sentence naming the child after the complaint ends the complaint
    ("il a de la fièvre il tousse et il mange moins le petit s'appelle hugo perrin né le 3 juin 2025", ("Hugo", "Perrin")),
])
def test_the_patient_named_after_who_calls_or_what_is_said(text, expected):
    record = read(text)
    assert (record.get("prenom"), record.get("nom")) == expected, record


@pytest.mark.parametrize("text, phone", [
    # the number the message says to file
    ("Mme Roy, fixe 03 81 22 33 44 mais notez plutôt le portable de sa fille, 06 71 82 93 04", "+33671829304"),
    # the same number said again with another last pair corrects it
    ("zéro six douze trente-quatre cinquante-six soixante-dix-huit attendez elle corrige soixante-dix-neuf à la fin "
     "zéro six douze trente-quatre cinquante-six soixante-dix-neuf", "+33612345679"),
])
def test_the_phone_to_file(text, phone):
    assert read(text).get("telephone") == phone


@pytest.mark.parametrize("text, field", [
    ("sa fille l'emmène en voiture", "nom"),  # a verb with its pronoun, in small letters: no name
    ("c'est des médecins de garde ou des généralistes ceux-là", "prenom"),  # common nouns with their article
    ("toux depuis hier, boit bien, beaucoup de cas dans le quartier", "localisation"),  # no commune Le Quartier
    ("pour un patient qu'elle suit à domicile, il peut venir en taxi", "type_consultation"),  # care given there
])
def test_no_field_from_common_words(text, field):
    assert read(text).get(field) is None


@pytest.mark.parametrize("text, expected", [
    # the lone name after the kin word was her first name: the surname comes labelled as the father's, after a comma
    ("Mme Roy, la maman, au tel pour sa fille Lou, 5 ans, qui porte le nom de son papa, GIRAUD. Otite",
     {"prenom": "Lou", "nom": "Giraud"}),
    # after any family word, the first name first (names of the Antilles)
    ("pour son neveu Kenzo Jean-Louis, 7 ans, né le 02/04/2019, fièvre", {"prenom": "Kenzo", "nom": "Jean-Louis"}),
    # who speaks says their own names first name first; the patient shares the surname
    ("bonjour je suis Rudy Clémence, j'appelle pour ma mère, Mme Line Clémence, elle a 70 ans",
     {"prenom": "Line", "nom": "Clémence"}),
    # his names read without the patient's gender (« née »)
    ("Bonjour, je suis Rudy Clémence, j'appelle pour ma mère, Mme Ketty Clémence, elle a 71 ans, elle est née à Nantes",
     {"prenom": "Ketty", "nom": "Clémence"}),
    # named, then "j'appelle pour ma femme": who calls; her first name alone, then said again whole
    ("Bonjour, Paul Lecoq, j'appelle pour ma femme Julie, Julie Lecoq, née Pierre, oui Pierre c'est son nom de famille.",
     {"prenom": "Julie", "nom": "Lecoq", "nom_naissance": "Pierre"}),
    # a remark on a letter between the first name and the surname
    ("madame ana avec un seul N da costa en deux mots D A et C O S T A", {"prenom": "Ana", "nom": "Da Costa"}),
])
def test_names_around_remarks_and_callers(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, phone", [
    ("tel mere 06/50/33/71/92 - nancy", "+33650337192"),  # five pairs and slashes: no date
    # the number said again with two pairs changed, after the words that correct
    ("zéro six dix vingt trente quarante non attendez pardon c'est vingt-cinq pas vingt donc zéro six dix vingt-cinq "
     "trente quarante-cinq", "+33610253045"),
    # the number the message says to call, said after it
    ("moi je suis au 06 07 84 52 31 mais lui il a son fixe, le 04 71 64 29 85, appelez-le directement", "+33471642985"),
    ("le fils, 06 11 22 33 44, pour son père, le fixe du papa c'est le 03 80 12 34 56, notez plutôt celui-là",
     "+33380123456"),
    ("son portable 06 11 22 33 44, notez aussi le mien au cas où, 07 81 22 33 44", "+33611223344"),  # one more
])
def test_more_phones_to_file(text, phone):
    assert read(text).get("telephone") == phone


def test_a_visit_to_a_care_home_and_a_day_someone_else_is_there():
    record = read("Résidente de l'EHPAD à Rodez, toux. Le médecin coordinateur n'est là que vendredi, il faudrait qu'un "
                  "généraliste passe dans l'établissement d'ici demain.")
    assert (record.get("type_consultation"), record.get("creneau"), record.get("urgence")) == ("domicile", None, 24)


@pytest.mark.parametrize("text, expected", [
    # a first name corrected, the one taken back after « pas juste » is no commune (Marie, 06)
    ("non pardon le prénom c'est Anne-Marie, pas juste Marie", {"prenom": "Anne-Marie", "localisation": None}),
    # after a verb that names, first name first; the last name spelled once announced is the surname
    ("le petit s'appelle yanis Y A N I S andriamanana je vous épelle A N D R I A M A N A N A il tousse",
     {"prenom": "Yanis", "nom": "Andriamanana"}),
    # the passage of a doctor asked for: a visit
    ("résidente de l'EHPAD à Colmar, demande le passage d'un médecin, toux", {"type_consultation": "domicile"}),
])
def test_a_name_taken_back_named_by_a_verb_or_a_visit_asked(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # someone said with an indefinite article is from a place: no surname « de Basse-Terre »
    ("j'appelle pour un monsieur de pointe-noire en guadeloupe il s'appelle hervé lubin il a mal au dos",
     {"prenom": "Hervé", "nom": "Lubin", "localisation": "pointe-noire en guadeloupe"}),
    ("une dame de la réunion elle habite à saint-leu madame payet le prénom c'est josette",
     {"prenom": "Josette", "nom": "Payet", "localisation": "saint-leu"}),
    ("la maman de Noah Girard appelle, otite", {"prenom": "Noah", "nom": "Girard"}),  # her child named
])
def test_someone_from_a_place_is_no_name(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # « domicile » in « l'aide à domicile qui appelle » introduces no place: no commune Appelle (Tarn)
    ("c'est l'auxiliaire, l'aide à domicile qui appelle pour madame odette brun elle vit à limoges",
     {"localisation": "limoges", "nom": "Brun"}),
    # what the patient cannot do is no mode asked; the visit asked after it is
    ("Mme Lise Morin, ne peut pas aller au cabinet, chute ce matin. Elle vit à Lannion. Il faudrait une visite.",
     {"type_consultation": "domicile"}),
    ("il peut pas venir au cabinet, toux depuis hier, Arras", {"type_consultation": "domicile"}),
    ("elle ne peut pas se rendre au cabinet mais une visio c'est possible, Arras", {"type_consultation": "video"}),
    # given names after a surname in capitals, side by side, are one first name
    ("FALL Ousmane Saliou, 12/04/1988, fièvre, Rouen", {"nom": "Fall", "prenom": "Ousmane Saliou"}),
    # the little one after the age: no first name « Le Petit »
    ("c'est pour une fillette de trois ans la petite anaïs roussel elle vomit depuis ce matin",
     {"prenom": "Anaïs", "nom": "Roussel"}),
    # the next child, the same surname said again with « pareil » and spelled, then the birth date
    ("et ensuite la grande sœur chloé garnier pareil G A R N I E R née le quatre mai deux mille quinze",
     {"prenom": "Chloé", "nom": "Garnier", "date_naissance": "2015-05-04"}),
    # « avec un tiret » tells how the first name is written: the birth name after it is read
    ("madame hoareau anne-sophie avec un tiret née grondin elle a mal au ventre",
     {"prenom": "Anne-Sophie", "nom": "Hoareau", "nom_naissance": "Grondin"}),
    # each part of a compound surname said, then spelled, with « tiret » between
    ("monsieur paul durand-favre durand D U R A N D tiret favre F A V R E il tousse",
     {"prenom": "Paul", "nom": "Durand-Favre"}),
    # a surname made of first names: spelled, or after a name rather a first name
    ("j'ai un jeune homme timéo jean-louis J E A N tiret L O U I S il s'est coupé", {"prenom": "Timéo",
                                                                                   "nom": "Jean-Louis"}),
    ("Gilles Jean-Baptiste, 70 ans, plaie au mollet, Le Gosier", {"prenom": "Gilles", "nom": "Jean-Baptiste"}),
    ("Bernard Jean-Pierre, 70 ans, plaie au mollet, Le Gosier", {"prenom": "Jean-Pierre", "nom": "Bernard"}),
])
def test_what_a_word_attaches_to_in_dictated_and_typed_calls(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, symptomes", [
    # dictated: after « depuis … », a sentence that goes on describing the patient is the complaint still
    ("c'est pour mon fils il a mal au ventre depuis ce matin il est tout pâle et il vomit on est à Laval",
     "mal au ventre depuis ce matin il est tout pâle et il vomit"),
    # listed in a note: what the patient does not have, what they hardly do
    ("Mme Anne Petit, céphalées depuis 2 j, pas de fièvre, Laval", "céphalées depuis 2 j, pas de fièvre"),
    ("M. Jean Roux, gastro depuis hier, mange moins bien, Laval", "gastro depuis hier, mange moins bien"),
    # a carer or a request missing is no finding
    ("M. Jean Roux, rage de dents, pas de dentiste de garde, Laval", "rage de dents"),
])
def test_the_complaint_runs_through_what_describes_the_patient(text, symptomes):
    assert read(text).get("symptomes") == symptomes


def test_a_doctor_label_ends_with_its_line():
    record = read("Pat. Mme Roy Anne\nMotif : otalgie depuis 2 j, pas de médecin traitant\nTél. 06 12 34 56 78")
    assert (record.get("medecin_traitant"), record.get("telephone")) == (None, "+33612345678")


@pytest.mark.parametrize("text, expected", [
    # a date with dots, its age in brackets after it: no phone misdialled from « 08.1931 (95 »
    ("Mme Roy Paule, DDN 14.03.1930 (96 ans), toux", {"date_naissance": "1930-03-14", "telephone": None}),
    # a home named, then its town, heading the note after who writes it
    ("IDE EHPAD Les Mimosas Dole : résident M. Paul Roy, toux", {"localisation": "EHPAD Les Mimosas Dole"}),
    # who is named after « le fils de » is the one whose son calls: the patient
    ("alors j'ai le fils de madame Odile Vasseur qui appelle pour sa maman, elle a de la fièvre",
     {"prenom": "Odile", "nom": "Vasseur"}),
    # on the line, the husband calls for his wife, named after him
    ("J'ai M. Paul Gimenez au bout du fil pour sa femme, Rosa Gimenez, 02/02/1960, toux", {"prenom": "Rosa"}),
    # a quarter named after its saint, after a town in small letters, in a note of dashes
    ("toux fébrile - Mme ROY Anne - nantes st felix - MG", {"localisation": "nantes st felix"}),
    # a birth date of six digits after its label
    ("Mme ROY Anne ddn 110482 - toux - Nantes", {"date_naissance": "1982-04-11"}),
])
def test_notes_of_dashes_dots_and_who_calls_for_whom(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # the double letter last in the spelling, a word after it
    ("il s'appelle paul moratt M O R A deux T né le deux mars quatre-vingt", {"prenom": "Paul", "nom": "Moratt"}),
    # each word of a surname said, then spelled, joined by « et »
    ("une patiente ana souza ribeiro alors souza S O U Z A et ribeiro R I B E I R O elle tousse",
     {"prenom": "Ana", "nom": "Souza Ribeiro"}),
])
def test_spellings_of_a_double_letter_last_and_of_each_word(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # a lone name spelled after the civility, then another labelled as the surname: the first name
    ("alors monsieur kylian euh K Y L I A N kylian et le nom c'est tiburce T I B U R C E il tousse",
     {"prenom": "Kylian", "nom": "Tiburce"}),
    ("madame Roux le nom c'est Roux, toux", {"nom": "Roux", "prenom": None}),  # the same said again
])
def test_a_name_spelled_then_the_surname_labelled(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, symptomes", [
    # « mais » then a complaint goes on describing it
    ("Chute ce matin, pas de perte de connaissance mais douleur au poignet, Laval",
     "Chute ce matin, pas de perte de connaissance mais douleur au poignet"),
    # « ça » opening the next sentence, said of the complaint
    ("elle a mal à la nuque depuis hier ça tire jusque dans l'épaule on est à Laval",
     "mal à la nuque depuis hier ça tire jusque dans l'épaule"),
])
def test_the_complaint_goes_on_after_mais_or_ca(text, symptomes):
    assert read(text).get("symptomes") == symptomes


@pytest.mark.parametrize("text, expected", [
    # an adverb elided at the sentence's start is no first name
    ("Une maman pour ses enfants. D'abord Inès COLLET, 4 ans, otite, Lille", {"prenom": "Inès", "nom": "Collet"}),
    # « son épouse » is his wife, no married name: the capitalized word of the next sentence is no surname
    ("Paul Renard, 80 ans, vit à Dole avec son épouse. Encombrement bronchique", {"prenom": "Paul", "nom": "Renard",
                                                                                   "nom_naissance": None}),
    # an Italian particle: one surname
    ("Lo Russo, même nom", {"nom": "Lo Russo", "prenom": None}),
])
def test_words_at_a_sentence_start_and_particles(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, phone", [
    # the number of the one to call, said after who calls gave theirs
    ("la fille c'est le 06 11 22 33 44 mais il vaut mieux appeler sa mère directement au 05 55 44 33 22", "+33555443322"),
    ("il donne le sien 06 11 22 33 44 mais pour la visio il faut appeler sa femme : 07 52 00 11 22", "+33752001122"),
    ("sa fille 06 11 22 33 44 appelle pour sa mère, toux, Lyon", "+33611223344"),
])
def test_the_number_of_the_one_to_call(text, phone):
    assert read(text).get("telephone") == phone


@pytest.mark.parametrize("text, expected", [
    # « comme le prénom » tells how the name is written; « attendez » pauses before the name
    ("non elle est née euh attendez martin comme le prénom M A R T I N", {"nom_naissance": "Martin", "prenom": None}),
])
def test_a_birth_name_after_a_pause_written_like_a_first_name(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_the_surname_said_for_both_children_then_the_first_one_s_first_name():
    record = read("Bonjour, la maman Mme Inès Morel appelle pour ses deux filles, elles ont les deux noms : MOREL "
                  "FAURE. On commence par Jade, 5 ans, née le 02/03/2021, otite, Lyon")
    assert (record.get("prenom"), record.get("nom")) == ("Jade", "Morel Faure"), record


def test_the_child_bears_the_surname_of_the_parent_who_calls():
    record = read("La maman, Mme Sonia Técher, appelle pour son fils Noah, 4 ans, il porte son nom à elle. Otite, "
                  "Saint-Leu")
    assert (record.get("prenom"), record.get("nom")) == ("Noah", "Técher"), record


@pytest.mark.parametrize("text, expected", [
    # what the caller says they do, before the names: « je », its object pronouns, the verb (« j'appelle » in one word)
    ("je vous donne tout Léa Barbier née le 3 mai 1990, fièvre, Rennes", {"prenom": "Léa", "nom": "Barbier"}),
    ("j'appelle pour yanis moreau né le deux mai deux mille fièvre", {"prenom": "Yanis", "nom": "Moreau"}),
    ("voici Paul Girard né le 01/02/1960, toux", {"prenom": "Paul", "nom": "Girard"}),
])
def test_names_after_what_the_caller_says_they_do(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text", [
    "elle ne peut pas se déplacer au cabinet, une visite à domicile serait bien",
    "il peut pas se deplacer jusqu'au cabinet",
])
def test_the_practice_the_patient_cannot_go_to_is_no_mode_wanted(text):
    assert read(text).get("type_consultation") == "domicile"


@pytest.mark.parametrize("text, place", [
    # a commune named like a thing, in small letters: situated in its département, the commune
    ("fièvre, on est à la montagne en loire-atlantique", "la montagne en loire-atlantique"),
    ("fièvre on est à la trinité en martinique", "la trinité en martinique"),
])
def test_a_commune_named_like_a_thing_situated_in_its_departement(text, place):
    assert read(text).get("localisation") == place


def test_a_commune_named_like_a_thing_alone_is_no_place():
    assert read("fièvre, on est à la montagne").get("localisation") is None


@pytest.mark.parametrize("text, expected", [
    # the last part of a compound spelled, or each name said again then spelled in turn: which is which unchanged
    ("pour sa fille emma saint-cyr C Y R elle a quatre ans", {"prenom": "Emma", "nom": "Saint-Cyr"}),
    ("j'appelle pour maëlle riou maëlle M A E L L E riou R I O U née le deux mars quatre-vingt-dix",
     {"prenom": "Maëlle", "nom": "Riou"}),
    # a sibling's names, then the birth date after its label
    ("son frère Hugo Lemaire ddn 03/04/2012", {"prenom": "Hugo", "nom": "Lemaire"}),
])
def test_names_spelled_in_part_or_in_turn_and_a_sibling_with_a_labelled_date(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_a_birth_name_after_njf_that_a_commune_bears_does_not_make_towns_capitalized():
    record = read("Mme Odette Martin njf Fontaine ddn 12/02/40 - toux - tulle - tel 06 12 34 56 78")
    assert (record.get("nom_naissance"), record.get("localisation")) == ("Fontaine", "tulle"), record


def test_a_congested_baby_is_a_complaint():
    assert "encombré" in (read("bébé très encombré depuis hier").get("symptomes") or "")


def test_a_pause_before_a_name_given_as_an_answer():
    from bot.nlu.names import parse_person_name
    assert parse_person_name("euh attendez c'est ferrand F E deux R A N D") == "Ferrand"


def test_a_quarter_in_brackets_after_where_the_patient_lives_now_is_no_other_commune():
    record = read("paul martin né le 12/01/80 à quimper, vit à lille maintenant (vauban). entorse")
    assert (record.get("lieu_naissance"), record.get("localisation")) == ("quimper", "lille"), record


@pytest.mark.parametrize("text, phone", [
    # who calls gives their number, then where to call back
    ("son voisin qui appelle (06 11 22 33 44) mais rappeler sur le fixe de M. Roux : 04 71 22 33 44", "+33471223344"),
    ("Lui c'est le 06 11 22 33 44, mais on rappelle Mme sur son portable 07 55 66 77 88.", "+33755667788"),
])
def test_the_number_to_call_back_after_the_caller_s(text, phone):
    assert read(text).get("telephone") == phone


def test_a_relative_who_acts_on_the_patient_is_not_the_patient():
    record = read("toux grasse depuis 5 j. Sa fille Mme Julie Caron l'emmènera, elle ne peut que le matin.")
    assert record.get("nom") is None and record.get("prenom") is None, record


@pytest.mark.parametrize("text", [
    "La petite porte le nom des deux parents : Rossi-Benoit. Fièvre depuis hier",
    "elle a les deux noms : Rossi-Benoit",
])
def test_a_child_bearing_both_parents_names(text):
    record = read(text)
    assert (record.get("nom"), record.get("prenom")) == ("Rossi-Benoit", None), record


def test_a_complaint_the_reader_knows_is_no_commune_said_bare():
    # Pleurs is a commune of the Marne: the slots were searched there
    record = read("nrs 2 sem Lina Hoarau - reflux + pleurs ++ depuis hier - st louis 974 - 0692 11 22 33")
    assert record.get("localisation") == "st louis 974", record
    assert "pleurs" in record.get("symptomes", ""), record
    assert (record.get("prenom"), record.get("nom")) == ("Lina", "Hoarau"), record


@pytest.mark.parametrize("text", [
    # whom to call is a contact, not the patient
    "joindre la fille Mme Perrot au 06 63 21 47 08, la patiente entend mal",
    "appelez son fils M. Paul Roux au 06 11 22 33 44",
])
def test_the_one_to_call_named_with_a_civility_is_no_patient(text):
    record = read(text)
    assert record.get("nom") is None and record.get("prenom") is None, record


def test_a_home_named_then_its_town_before_a_comma_and_a_doctor_s_visit_asked_in_a_note():
    record = read("IDE EHPAD Les Lilas Lure, residente Mme PETIT Odette, toux. Demande passage medecin a l'EHPAD.")
    assert record.get("localisation") == "EHPAD Les Lilas Lure", record
    assert record.get("type_consultation") == "domicile", record


@pytest.mark.parametrize("text, expected", [
    # the name said with its accents, then spelled without them, then labelled
    ("monsieur léonce gérard alors gérard c'est le prénom et léonce L E O N C E c'est le nom",
     {"prenom": "Gérard", "nom": "Léonce"}),
    # each name told in turn after the whole name: the spelling of one says nothing of which is the surname
    ("elle s'appelle djessy jean-louis D J E deux S Y et jean-louis avec un tiret elle a cinq ans",
     {"prenom": "Djessy", "nom": "Jean-Louis"}),
])
def test_names_spelled_and_told_in_turn(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_a_day_then_dans_la_journee_is_that_day_not_a_delay_of_today():
    record = read("zona, il est à Figeac, ce serait pour demain dans la journée")
    assert record.get("urgence") is None and record.get("creneau", {}).get("text") == "demain", record


def test_what_the_person_is_between_the_noun_and_the_names():
    record = read("j'appelle pour une dame polonaise agnieszka nowak elle a une sinusite")
    assert (record.get("prenom"), record.get("nom")) == ("Agnieszka", "Nowak"), record


@pytest.mark.parametrize("text, place", [
    # a town's name in small letters after its article, no thing: « à la campagne » stays none
    ("gastro il est à la ciotat", "la ciotat"), ("elle vomit elle est à la rochelle", "la rochelle"),
])
def test_a_town_named_with_its_article_in_small_letters(text, place):
    assert read(text).get("localisation") == place


def test_a_patient_label_ends_the_complaint_before_the_names():
    record = read("angine probable pt Chloé Garnier 9a ddn 02/03/17 - tel pere 06 11 22 33 44 - albi")
    assert (record.get("symptomes"), record.get("prenom"), record.get("nom")) == ("angine probable", "Chloé", "Garnier")


@pytest.mark.parametrize("text, nom", [
    # the name answered, then whose name it also is
    ("Garnier-Roux, comme son papa", "Garnier-Roux"), ("Said S A I D comme la maman", "Said"),
])
def test_a_name_then_whose_name_it_also_is(text, nom):
    assert read(text).get("nom") == nom


def test_names_in_small_letters_after_pour_then_the_birth_date():
    record = read("rdv demain si possible pour jordan ravel, né le 5 mars 1994 à nantes, habite à rezé. plaie")
    assert (record.get("prenom"), record.get("nom")) == ("Jordan", "Ravel"), record


def test_a_carer_named_then_pour_une_residente_is_who_calls():
    record = read("Infirmière de l'EHPAD Les Lilas à Tulle au téléphone, Mme Claire Roche, pour une résidente : "
                  "MARTIN Odette née FAURE, 02.01.1931. Toux")
    assert (record.get("nom"), record.get("prenom"), record.get("nom_naissance")) == ("Martin", "Odette", "Faure")


def test_the_number_she_asks_to_be_put_is_the_one_filed():
    record = read("Il n'a qu'un fixe, 04 91 66 23 17, mais elle demande qu'on mette son portable à elle, 06 52 18 74 39.")
    assert record.get("telephone") == "+33652187439"


def test_who_calls_named_then_je_vous_appelle_pour_mon_pere():
    record = read("Bonjour, Julien Petit, je vous appelle pour mon père André Petit né le 02/01/1940, toux, Moulins")
    assert (record.get("prenom"), record.get("nom")) == ("André", "Petit"), record


def test_a_patient_label_then_an_age_glued_then_the_names():
    record = read("cs otite pt 34a Marie-Line Hoarau ddn 05/11/92 tel 0692 41 37 80 - saint-paul 974")
    assert (record.get("symptomes"), record.get("prenom"), record.get("nom")) == ("otite", "Marie-Line", "Hoarau")


def test_who_calls_named_then_c_pour_ma_fille_texted():
    record = read("bonjour je suis la maman, Awa Diallo, c pour ma fille Fanta elle a 8 mois, fièvre")
    assert (record.get("prenom"), record.get("nom")) == ("Fanta", None), record


def test_a_town_dictated_last_after_names_spelled_in_capitals():
    # the letters of the names are joined in capitals: the rest of the dictation still tells nothing by its case
    record = read("c'est pour ibrahim soilihi S O I L I H I il a 6 ans vomissements dzaoudzi")
    assert (record.get("symptomes"), record.get("localisation")) == ("vomissements", "dzaoudzi"), record


def test_a_relative_named_with_a_possessive_then_her_age_is_the_patient():
    record = read("sa mere Marie-Josée Bellance nee Ramassamy, 65 ans, toux + fievre depuis 4 jours")
    assert (record.get("prenom"), record.get("nom"), record.get("nom_naissance")) == (
        "Marie-Josée", "Bellance", "Ramassamy"), record


def test_the_patient_s_daughter_named_after_her_is_no_patient():
    # the patient is described but not named: the daughter's names must not be booked in her place
    record = read("monsieur 87 ans, chute dans la nuit, sa fille Nadia Ferhat est sur place")
    assert (record.get("prenom"), record.get("nom")) == (None, None), record


@pytest.mark.parametrize("text, names", [
    ("c'est un papa pour ses deux filles on commence avec la première léna morel née le 4 juin 2017 otite",
     ("Léna", "Morel")),
    ("deux enfants à voir, l'aînée Maëlle Costa née le 02/02/2015, angine", ("Maëlle", "Costa")),
])
def test_a_child_pointed_at_by_its_rank_then_named_and_born(text, names):
    record = read(text)
    assert (record.get("prenom"), record.get("nom")) == names, record


def test_two_surnames_spelled_in_one_run_the_first_name_labelled_after():
    record = read("alors monsieur pérez martin en deux mots P E R E Z et M A R T I N prénom julio né le 3 mai 1977")
    assert (record.get("prenom"), record.get("nom")) == ("Julio", "Pérez Martin"), record


@pytest.mark.parametrize("text", [
    "c'est son mari qui appelle, mon portable c'est le 07 64 18 22 90 et le sien c'est le 06 33 51 47 12",
    "Mon numéro : 07 64 18 22 90 ; elle, c'est le 06 33 51 47 12. Fièvre",
])
def test_who_calls_gives_theirs_then_the_patient_s_own_which_is_filed(text):
    assert read(text).get("telephone") == "+33633514712"


@pytest.mark.parametrize("text", [
    "à voir ce soir si possible : louis-marie santini né à Ajaccio le 04/05/1988, otite, vit à Calvi",
    "rdv demain matin svp - louis-marie santini né le 04/05/1988 otite Calvi",
])
def test_names_in_small_letters_opening_a_segment_then_the_birth(text):
    record = read(text)
    assert (record.get("prenom"), record.get("nom"), record.get("date_naissance")) == (
        "Louis-Marie", "Santini", "1988-05-04"), record


def test_the_next_child_named_with_the_same_surname_as_well_then_born():
    record = read("et maintenant le petit frère nathan garnier aussi né le 12 avril 2020 il tousse")
    assert (record.get("prenom"), record.get("nom"), record.get("date_naissance")) == (
        "Nathan", "Garnier", "2020-04-12"), record


def test_a_city_and_its_quarter_in_small_letters_before_a_dash():
    record = read("toulouse rangueil - tel 05 61 22 33 44")
    assert (record.get("localisation"), record.get("nom")) == ("toulouse rangueil", None), record


def test_on_commence_par_a_rank_among_siblings_then_the_names():
    record = read("une maman pour ses deux garçons on commence par le premier adam benali il a neuf ans il tousse")
    assert (record.get("prenom"), record.get("nom")) == ("Adam", "Benali"), record


def test_a_neighbour_named_with_a_civility_after_the_patient_spoken_of_is_no_patient():
    record = read("fixe du patient 05 53 12 14 27 (la voisine Mme Lacoste au 06 87 02 33 61 si pas de réponse)")
    assert (record.get("telephone"), record.get("nom"), record.get("civilite")) == ("+33553121427", None, None), record


@pytest.mark.parametrize("text, complaint", [("elle a sa carte vitale, née le 02/03/1935", None),
                                             ("il a son traitement habituel, angine", "angine")])
def test_what_the_patient_has_with_a_possessive_is_no_complaint(text, complaint):
    assert read(text).get("symptomes") == complaint


@pytest.mark.parametrize("text, phone", [
    ("portable de la fille 06 21 43 65 87 / fixe du patient 04 77 12 34 56, mettez le fixe", "+33477123456"),
    ("fixe 04 77 12 34 56, portable 06 21 43 65 87 - notez plutôt le portable svp", "+33621436587"),
])
def test_the_kind_of_number_said_to_be_filed_after_both(text, phone):
    assert read(text).get("telephone") == phone


@pytest.mark.parametrize("text, names", [
    ("et le deuxième c'est enzo pareil da silva", ("Enzo", "Da Silva")),
    ("la petite sœur c'est lina aussi benali, née le 03/03/2020", ("Lina", "Benali")),
])
def test_the_next_child_s_first_name_then_the_same_surname_said_as_such(text, names):
    record = read(text)
    assert (record.get("prenom"), record.get("nom")) == names, record


def test_who_calls_named_with_her_birth_name_then_j_appelle_pour_mon_mari():
    record = read("Bonjour, Sylvie Nowak née Lemaire, j'appelle pour mon mari Piotr Nowak, né le 02/05/1961. Lumbago")
    assert (record.get("prenom"), record.get("nom"), record.get("nom_naissance")) == ("Piotr", "Nowak", None), record


def test_a_letter_alone_for_the_sex_is_no_name():
    record = read("jeune F 24a, cystite depuis hier. Clara MEUNIER ddn 03/02/2002, tel 06 12 44 55 66")
    assert (record.get("prenom"), record.get("nom")) == ("Clara", "Meunier"), record


def test_the_next_child_named_the_same_as_before_spelled_again_is_no_caller():
    record = read("et maintenant pour son petit frère noah girard pareil G I R A R D né le 3 juin 2021 il tousse")
    assert (record.get("prenom"), record.get("nom")) == ("Noah", "Girard"), record


def test_a_first_name_spelled_announced_then_the_surname_labelled_and_spelled():
    record = read("c'est pour monsieur bohdan melnyk je vous épelle B O H D A N et le nom M E L N Y K il a 40 ans")
    assert (record.get("prenom"), record.get("nom")) == ("Bohdan", "Melnyk"), record


def test_a_birth_name_with_its_particle_in_capitals():
    record = read("DURAND Léa, nom de jeune fille DOS SANTOS, née le 02-03-1980, toux")
    assert (record.get("nom"), record.get("nom_naissance")) == ("Durand", "Dos Santos"), record


def test_the_patient_label_abbreviated_then_the_birth_name_and_the_married_one():
    record = read("Pte MOREL épouse BLANC Josette, ddn 04.05.1947, toux, Albi")
    assert (record.get("nom_naissance"), record.get("nom"), record.get("prenom")) == ("Morel", "Blanc", "Josette"), record


def test_the_patient_s_own_number_said_after_the_neighbour_s():
    record = read("Appel de la voisine Mme Roux (06 11 22 33 44) pour M. Paul Brun, 90 ans, chute. Pour le joindre c'est son "
                  "fixe à lui : 04 90 11 22 33.")
    assert record.get("telephone") == "+33490112233"


def test_a_child_noun_abbreviated_then_the_age_then_the_names_after_the_complaint():
    record = read("otite + fievre enft 5a Maelys Jean-Louis ddn 02 03 2021")
    assert (record.get("symptomes"), record.get("prenom"), record.get("nom")) == ("otite + fievre", "Maelys",
                                                                                 "Jean-Louis"), record


def test_a_town_in_small_letters_between_dashes_after_a_compound_first_name_and_its_surname_a_commune():
    record = read("pr Mme Anne-Marie Combes 80a - chute hier - rodez - MG absent")
    assert record.get("localisation") == "rodez", record


@pytest.mark.parametrize("text, patient", [
    ("Appel du mari, Thierry Vasseur (06 11 92 37 46), pour son épouse Sandrine Vasseur née Lopez le 12-06-1975, "
     "colique néphrétique. Joignable sur son portable à elle : 07 68 29 54 10.", ("Sandrine", "Vasseur", "+33768295410")),
    ("appel du fils Karim Haddad, tel 06 11 92 37 46, pour sa mère Fatima Haddad, fixe 04 78 12 34 56, toux",
     ("Fatima", "Haddad", "+33478123456")),
    ("appel du voisin Marc Dubois pour Mme Jeanne Roux 80 ans, chute, 06 11 92 37 46", ("Jeanne", "Roux", "+33611923746")),
])
def test_a_relative_calling_named_after_du_and_their_number_said_right_after_them(text, patient):
    record = read(text)
    assert (record.get("prenom"), record.get("nom"), record.get("telephone")) == patient, record


@pytest.mark.parametrize("text, names", [
    # whom the complaint affects, named then aged: the complaint ends before "chez"
    ("douleur abdominale chez Hugo Perrin 9 ans depuis ce matin", ("Hugo", "Perrin")),
    # a person noun, where the person is, then the names (spelled on the phone)
    ("c'est pour un patient à valence kevin P E R R O T perrot il a de la fièvre", ("Kevin", "Perrot")),
    ("j'ai un monsieur à saint-pierre jean-luc P A Y E T payet il tousse", ("Jean-Luc", "Payet")),
    # the one whose relative calls named by a lone surname, then named whole with its spelling
    ("j'ai le fils de monsieur Lagarde en ligne pour son père roger lagarde L A G A R D E il tousse", ("Roger", "Lagarde")),
    # the next child said by what she is, set apart by commas, then her birth date
    ("Il voudrait aussi faire examiner la grande sœur, Zaïnaba Mdahoma, née le 03/02/2012, même numéro",
     ("Zaïnaba", "Mdahoma")),
    # "elle a aussi son fils …": a relative, no complaint
    ("elle a aussi sa fille lou B E R T bert née le deux mai deux mille vingt elle vomit", ("Lou", "Bert")),
    # a civility and a surname, the birth name, then the first name set apart
    ("M. Garnier né Lefort, Jean-Baptiste, 12/03/1960, lombalgie", ("Jean-Baptiste", "Garnier")),
])
def test_the_patient_s_names_after_what_introduces_them(text, names):
    record = read(text)
    assert (record.get("prenom"), record.get("nom")) == names, record


@pytest.mark.parametrize("text, expected", [
    # a Portuguese surname listed whole though rare is no less a surname than its parts
    ("Mme Graça Ferreira da Silva, 81 ans, vertiges", {"prenom": "Graça", "nom": "Ferreira da Silva"}),
    # the day before the month: a date written with spaces, no phone dialled wrong
    ("pte Odile Marchal ddn 14 07 1939 86a - dyspnée", {"date_naissance": "1939-07-14", "telephone": None}),
    # how the patient lives, then where
    ("toux grasse - elle vit seule a brest", {"localisation": "brest"}),
    # the first name after the surname's spelling, with how it is written
    ("c'est pour monsieur le bihan alors L E puis B I H A N jean-yves avec un tiret il tousse",
     {"nom": "Le Bihan", "prenom": "Jean-Yves"}),
])
def test_what_follows_a_name_its_spelling_or_how_the_patient_lives(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_a_first_name_read_alone_then_the_names_said_whole_after_a_naming_verb():
    record = read("c'est pour sa petite-fille Maëlys cinq ans elle tousse beaucoup elle s'appelle Le Roux Maëlys née le "
                  "deux avril deux mille vingt et un")
    assert (record.get("prenom"), record.get("nom")) == ("Maëlys", "Le Roux"), record


@pytest.mark.parametrize("text, expected", [
    # a birth name of two words, each spelled in turn after them (the second said again first)
    ("madame lopes maria née santos pereira S A N T O S et pereira P E R E I R A elle tousse",
     {"nom_naissance": "Santos Pereira", "symptomes": "tousse"}),
    # a surname's part said again after the surname to tell how it is written: the order said first stays
    ("c'est pour son fils Hugo Da Costa Lemaire Da Costa en deux mots il a de la fièvre", {"nom": "Da Costa Lemaire"}),
])
def test_the_parts_of_a_surname_said_again_keep_their_order(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_a_name_spelled_with_one_letter_slipped_is_the_name_said():
    record = read("c'est pour monsieur gérard lefebvre L E F E B R E né le deux mai mille neuf cent quarante il tousse")
    assert (record.get("prenom"), record.get("nom")) == ("Gérard", "Lefebvre"), record


@pytest.mark.parametrize("text", [
    # answered to the phone question: whose number it is, named beside what she is
    "il n'a pas de téléphone, mettez celui de la voisine, Mme Garnier : 06 33 80 12 47",
    # "madame" spoken of as the owner of the phone, no name after: no civility of the patient
    "07 61 22 48 90, c'est le portable de madame, lui n'en a pas",
])
def test_whose_number_it_is_names_no_patient(text):
    record = read(text)
    assert not {"nom", "prenom", "civilite"} & set(record) and record.get("telephone"), record


@pytest.mark.parametrize("text, names", [
    # who calls named after what they are, then the patient named: the patient is booked, never the caller
    ("Bonsoir, je suis la voisine, Karima Benali. C'est pour Mme Yvonne Perrin, 88 ans, chute", ("Yvonne", "Perrin")),
    ("C'est son fils qui appelle, Olivier Garnier. Son père René Garnier, né le 2 mai 1940, tousse", ("René", "Garnier")),
    # a relative's first name alone, whatever its rank as a surname; the surname said after as the parents' two names
    ("La maman, Sonia Petit, appelle pour sa fille Lina, née le 3 mars 2025. Elle porte les deux noms des parents : "
     "Petit-Marchand. Fièvre", ("Lina", "Petit-Marchand")),
])
def test_who_calls_named_after_what_they_are_and_the_patient_named_after(text, names):
    record = read(text)
    assert (record.get("prenom"), record.get("nom")) == names, record


@pytest.mark.parametrize("text, expected", [
    # the year said first, then the day and the month
    ("mille neuf cent quatre-vingt-dix le douze juin", {"date_naissance": "1990-06-12"}),
    # the region of a name several communes bear, after a comma
    ("Elle habite Saint-Pierre, à la Martinique, quartier Fond Coré.", {"localisation": "Saint-Pierre, à la Martinique"}),
    # the note's label for the complaint ends the names before it
    ("pr pt Morel Lucie sympto toux grasse", {"prenom": "Lucie", "nom": "Morel", "symptomes": "toux grasse"}),
])
def test_a_year_said_first_a_region_after_a_comma_and_the_complaint_s_label(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # findings added one to the other, not a town (Bû): the care home where the resident lives stays the place
    ("IDE de l'EHPAD Ty Glaz a Quimperle appelle pour une residente : Mme LE GALL Yvonne nee KERBRAT, DDN 22/09/1931. "
     "Brulures mictionnelles + urines troubles depuis hier, apyretique, BU + nitrites.",
     {"localisation": "l'EHPAD Ty Glaz a Quimperle", "nom": "Le Gall"}),
    # "à" typed without its accent before a capitalized town, not the verb before a participle
    ("patiente a Quimperle, angine", {"localisation": "Quimperle", "symptomes": "angine"}),
    ("la patiente a tombe hier", {"localisation": None}),
    # how the complaint is, though a commune bears the word (Grasse); a town no dictionary knows still ends it
    ("il a une toux grasse", {"symptomes": "toux grasse", "localisation": None}),
    ("motif toux grasse", {"symptomes": "toux grasse", "localisation": None}),
    # the noun in a sentence, no label of the note: the place after it is the place
    ("elle a une cystite elle reconnaît les symptômes elle est à bordeaux", {"localisation": "bordeaux"}),
])
def test_what_a_word_beside_a_complaint_or_a_place_attaches_to(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # the object of a verb, article and all, is no first name and name
    ("attendez je regarde le carnet de santé euh le douze avril deux mille vingt-six",
     {"prenom": None, "nom": None, "date_naissance": "2026-04-12"}),
    # names no list knows, capitalized, then the birth date
    ("Zaïnaba Attoumani 12/06/1990, fievre + courbatures + cephalees depuis 2j, tel 0639 69 12 45, Mamoudzou",
     {"prenom": "Zaïnaba", "nom": "Attoumani"}),
    # a compound of first names no list bears as a surname, said first: the first name
    ("le papa appelle pour Lucas-Emmanuel Jean-Baptiste 7 ans, fievre 39 depuis 2 jours",
     {"prenom": "Lucas-Emmanuel", "nom": "Jean-Baptiste"}),
    # the mother on the line, named; the child named after her
    ("la maman est au tel : Mme JACQUES Murielle, 0690 31 72 54. L'enfant s'appelle Kylian BELLANCE (nom du papa), né "
     "le 17 janvier 2020", {"prenom": "Kylian", "nom": "Bellance", "telephone": "+590690317254"}),
    # a name of two words said twice, then spelled: once
    ("c'est pour madame fatima-zahra martin née el amrani el amrani en deux mots E L A M R A N I elle fait une crise "
     "d'asthme", {"nom": "Martin", "nom_naissance": "El Amrani"}),
    # the name said as the other one too, then its label
    ("euh dubois-lacroix aussi c'est son nom de naissance", {"nom_naissance": "Dubois-Lacroix"}),
])
def test_names_beside_a_thing_a_relative_or_said_twice(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # what the patient did to themself: the part hurt, or what hurt it
    ("il s'est coupé à la main hier avec un couteau", "coupé à la main hier avec un couteau"),
    ("elle s'est brûlée avec de l'eau bouillante", "brûlée avec de l'eau bouillante"),
    ("il s'est fait mordre par un chien", "fait mordre par un chien"),
    # what the patient had done is no injury: the complaint is what follows
    ("elle s'est fait opérer l'an dernier, toux", "toux"),
])
def test_an_injury_told_with_a_reflexive_verb_is_the_complaint(text, expected):
    assert read(text).get("symptomes") == expected


@pytest.mark.parametrize("text, expected", [
    # "avec un tiret" after two names joins them, and the names go on after it
    ("c'est sa petite-fille qui appelle alors madame jeanne marie avec un tiret kerbrat K E R B R A T née le trois juin "
     "mille neuf cent trente-quatre", {"prenom": "Jeanne-Marie", "nom": "Kerbrat"}),
    ("bonjour euh alors monsieur pierre yves avec un trait d'union vandenbroucke je vous épelle V A N D E N B R O U C K "
     "E tout attaché il a cinquante-sept ans", {"prenom": "Pierre-Yves", "nom": "Vandenbroucke"}),
    ("madame claire dufour lambert avec un tiret entre les deux née le 3 mai 1950", {"nom": "Dufour-Lambert"}),
    # three given names, the surname in capitals
    ("pte NGUYEN Thi Thu Ha ddn 1991-05-23 nn TRAN - cystite", {"nom": "Nguyen", "prenom": "Thi Thu Ha"}),
    ("Mme ROCHE née NGUYEN Thi Lan, 68 a, ddn 11/11/1958", {"nom_naissance": "Nguyen", "prenom": "Thi Lan"}),
    # whose name the label asks, then the two parents' names, the first name known
    ("Pere au tel (M. Rachid Mansouri, 06.52.18.33.07) pour son fils Yanis, 13 ans, entorse. Nom de l'enfant : MANSOURI "
     "GARCIA (nom des 2 parents). DDN 08/04/2013.", {"prenom": "Yanis", "nom": "Mansouri Garcia"}),
    # a courtesy before the names, as a comma
    ("teleconsult svp pour chloé nguyen-tran 28 ans ddn 03/11/98, signes de cystite",
     {"prenom": "Chloé", "nom": "Nguyen-Tran"}),
    # someone named, then born, right after the complaint
    ("son fils il a la même chose depuis hier soir théo morel né le dix-neuf septembre deux mille dix-sept",
     {"prenom": "Théo", "nom": "Morel", "symptomes": None}),  # the complaint of the one before (action_recap)
    # where to call says which number to file
    ("Tel fixe 0262 27 45 18 / portable 0692 45 67 12, préfère être appelée sur le portable",
     {"telephone": "+262692456712"}),
    # a remark inside an email said, and its initial
    ("son mail c'est c point fontaine soixante-neuf en chiffres arobase orange point fr",
     {"email": "c.fontaine69@orange.fr"}),
    # the verb of the call, though a commune bears it
    ("la fille d'une dame de 80 ans appelle", {"localisation": None}),
])
def test_names_numbers_and_addresses_as_dictated_or_noted(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_a_fall_at_home_this_morning_is_when_it_happened_not_a_wish():
    # "chez elle": a pronoun after a preposition opens no clause; the fall is in the past
    record = read("une dame qui a fait une chute chez elle ce matin pas de perte de connaissance")
    assert "creneau" not in record, record


@pytest.mark.parametrize("text, expected", [
    # the hyphen remark between the name and its label: the name is the label's
    ("c'est la grand-mère qui appelle pour sa petite-fille maëlys jean-baptiste M A E L Y S avec un tréma sur le E et "
     "jean-baptiste avec un tiret c'est le nom de famille elle a quatre ans", {"prenom": "Maëlys", "nom": "Jean-Baptiste"}),
    # a first name, then a compound no list bears (a surname of the Antilles): the order tells
    ("Dylan Louis-Joseph 24a asthmatique connu, plus de ventoline depuis 2j", {"prenom": "Dylan", "nom": "Louis-Joseph"}),
    # a compound said first is a first name only made of well-known ones
    ("madame gros-martin lucie, toux", {"prenom": "Lucie", "nom": "Gros-Martin"}),
    # the name said in its words, then spelled run together, then its label
    ("le goff en deux mots L E G O F F avec deux F c'est son nom d'épouse elle est née morvan M O R V A N",
     {"nom": "Le Goff", "nom_naissance": "Morvan"}),
    # a day and its month, said to correct a date: no commune (Mars)
    ("non attendez c'est plutôt le quatre mars", {"localisation": None}),
    ("c'est plutôt le 4 mars", {"localisation": None}),
    # a city typed small after the time the complaint began
    ("pt Maëva Lebon 34a ddn 12/05/1992 nn idem tel 06 12 40 87 33 cystite depuis ce matin nantes",
     {"symptomes": "cystite depuis ce matin", "localisation": "nantes"}),
    # a city typed small ends its segment of the note
    ("2 pts meme famille lyon 8e - 1er: PETROSSIAN Anahit ddn 17/09/1979 njf idem - angine", {"localisation": "lyon 8e"}),
])
def test_names_and_places_where_a_remark_or_a_segment_ends_them(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # a lone name said (and spelled) before the first name's label is the surname
    ("la patiente s'appelle tran T R A N prénom minh anh en deux mots M I N H et A N H elle a une conjonctivite",
     {"nom": "Tran", "prenom": "Minh Anh"}),
    # the one on the line, named with a civility, then the first name labelled: the same person, completed
    ("j'ai monsieur le gall au bout du fil euh le gall en deux mots L E et G A deux L prénom erwan E R W A N il s'est "
     "bloqué le dos", {"civilite": "Monsieur", "nom": "Le Gall", "prenom": "Erwan"}),
    # …but not when the call is for a relative
    ("je suis Mme Roux, j'appelle pour ma fille, prénom Léa, 5 ans, otite", {"nom": None, "prenom": "Léa"}),
    # two letters remarked in a row, then the surname said and spelled
    ("le petit s'appelle kylian avec un K et un Y soupramanien alors soupramanien je vous épelle S O U P R A M A N I "
     "E N", {"prenom": "Kylian", "nom": "Soupramanien"}),
    # the year said first, taken back for the next, then the day
    ("il est né en quarante-six non pardon quarante-sept le vingt-trois mars", {"date_naissance": "1947-03-23"}),
])
def test_dictated_names_and_dates_taken_in_the_order_said(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_the_next_patient_presented_after_thanks_for_the_last_booking():
    record = read("merci et sa petite sœur zeynep z e y n e p yilmaz elle a la même chose elle est née le vingt-cinq "
                  "avril deux mille vingt-deux")
    assert (record.get("prenom"), record.get("nom")) == ("Zeynep", "Yilmaz"), record


@pytest.mark.parametrize("text, expected", [
    # after one's kin, a first name listed is the first name, though borne as a surname more often
    ("et sa soeur Lina, même nom", {"prenom": "Lina"}),
    ("Et sa soeur jumelle Lina, même date de naissance évidemment, même nom, même numéro", {"prenom": "Lina"}),
])
def test_the_next_patient_named_by_their_kin(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # the surname said again and spelled, with its remark: said once
    ("bonjour alors c'est pour un ado mathis da silva ferreira euh da silva ferreira c'est trois mots sans tiret D A S I "
     "L V A F E R R E I R A il a quinze ans il s'est tordu la cheville", {"prenom": "Mathis", "nom": "Da Silva Ferreira"}),
    ("c'est pour un ado mathis da silva ferreira il a quinze ans", {"prenom": "Mathis", "nom": "Da Silva Ferreira"}),
    # the surname spelled first, then a compound first name with its accent remarked
    ("la patiente c'est madame othily O T H I L Y marie-josé avec un accent sur le e de josé elle est née le dix-sept "
     "avril cinquante-cinq", {"nom": "Othily", "prenom": "Marie-José"}),
])
def test_dictated_surnames_said_again_spelled_or_remarked(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_a_surname_after_its_particle_is_no_town_written_with_its_capital():
    """"Costa" (a commune) after "Da" is a name's last word: the town typed small in its own segment is read."""
    record = read("pt Lucas Da Costa ddn 050594 odyno + fievre 38.5 depuis 2j angine ? teleconsult ok pr lui - bordeaux - "
                  "0611223344")
    assert (record.get("nom"), record.get("localisation")) == ("Da Costa", "bordeaux"), record


@pytest.mark.parametrize("text, expected", [
    # "même nom de famille X": the surname said, the same as the father's on the line; the lone name before it given
    ("oui bonjour alors j'ai le papa en ligne monsieur Kevin Vandenbroucke pour son bébé de huit mois Nolan même nom de "
     "famille Vandenbroucke V A N D E N B R O U C K E il a de la fièvre depuis deux jours",
     {"prenom": "Nolan", "nom": "Vandenbroucke", "nom_naissance": None}),
    ("Léa Martin, même nom, fièvre", {"prenom": "Léa", "nom": "Martin", "nom_naissance": "Martin"}),
    # the first name spelled after the surname
    ("et j'ai aussi son mari monsieur luca pellegrino L U C A né le onze février soixante-seize il tousse",
     {"prenom": "Luca", "nom": "Pellegrino"}),
    # the year taken back, told by whoever is with the caller, before a full stop
    ("M. Bernard de Montfort, mollet droit gonflé. ddn 30/06/1943... ah non pardon elle me dit 1944. Il est chez eux à "
     "Châteauroux", {"date_naissance": "1944-06-30"}),
])
def test_surnames_said_the_same_spelled_late_and_years_told_again(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_both_words_after_the_surname_label_are_the_surname_when_the_first_name_is_labelled_next():
    record = read("Nom : Garcia Martinez / Prénom : Juan Carlos / DDN : 11/12/1970")
    assert (record.get("nom"), record.get("prenom")) == ("Garcia Martinez", "Juan Carlos"), record


@pytest.mark.parametrize("text, expected", [
    # a first name listed, even rarely, for the other sex is not hers: the surname came first
    ("son fils appelle : Mme Ahamada Zaïnaba, nom de jeune fille Soilihi, née le 08/12/1962",
     {"prenom": "Zaïnaba", "nom": "Ahamada"}),
    # a name known only as a surname before a first name of her sex
    ("voisine au tel pour Mme Kowalczyk Irena, née Nowak, 87 ans", {"prenom": "Irena", "nom": "Kowalczyk"}),
    # an unlisted surname before a compound first name of her sex
    ("le mari appelle pour sa femme Mme Bélénus Marie-Line, née Jalton le 26/08/1966 au Moule",
     {"prenom": "Marie-Line", "nom": "Bélénus"}),
    # and as before: the first name first after a civility when nothing tells otherwise
    ("M. Frantz Edouard, toux", {"prenom": "Frantz", "nom": "Edouard"}),
    ("elle s'appelle kessy pierre-louis", {"prenom": "Kessy", "nom": "Pierre-Louis"}),
])
def test_the_sex_a_civility_says_tells_which_name_is_the_first_name(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # two well-known first names after the surname's comma: one first name
    ("sa femme, Mme Fernandes non pardon Fernandez avec un z, Ana Paula, nom de jeune fille Pereira, née à Porto le "
     "09/01/1977", {"nom": "Fernandez", "prenom": "Ana Paula", "nom_naissance": "Pereira"}),
    ("M. Martin, Jean Dupont est son voisin", {"nom": "Martin", "prenom": None}),
    # "prénom composé" says what the name said is, no label of a value to come
    ("Marie-Claire prénom composé avec un tiret elle a l'œil tout rouge", {"prenom": "Marie-Claire", "nom": None}),
    ("Martin-Durand nom composé, né le 03/03/1950", {"prenom": None, "nom": "Martin-Durand"}),
])
def test_first_names_after_the_surname_and_remarks_on_them(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    ("il est pas essoufflé", None), ("il n'est pas essoufflé", None),
    ("il n'a pas mal au ventre mais il tousse", "tousse"), ("il est essoufflé", "essoufflé"),
])
def test_a_complaint_said_absent_without_its_ne_is_none(text, expected):
    assert read(text).get("symptomes") == expected


@pytest.mark.parametrize("said, typed", [
    ("elle a un mail aussi nadia point boukhalfa arobase orange point f r", "elle a un mail aussi nadia.boukhalfa@orange.fr"),
    ("mail jd arobase free point f r et elle est à Rouen", "mail jd@free.fr et elle est à Rouen"),
    # the end of a year said again after a hesitation; not a phone after it
    ("le dix-sept janvier mille neuf cent quarante euh quarante et un", "le 17 janvier 1941"),
    ("né en mille neuf cent soixante-dix-huit euh zéro six douze", "né en 1978 06 12"),
])
def test_an_email_ending_spelled_and_a_year_ending_said_again(said, typed):
    assert normalize_dictation(said) == typed


@pytest.mark.parametrize("text, expected", [
    # a relative named, then what they have: the next one to see, not a contact
    ("son frère Enzo a la même chose depuis ce matin, né le 22/08/2012, même nom", {"prenom": "Enzo"}),
    ("son frère Enzo a de la fièvre", {"prenom": "Enzo", "symptomes": "fièvre"}),
    ("son frère Enzo a appelé pour sa mère", {"prenom": None}),
    # a name no list knows after one's kin, then what they begin to have; not the verb as a surname
    ("son jumeau Szymon commence à avoir la même chose, il faudrait le voir aussi", {"prenom": "Szymon", "nom": None}),
    # what the relative has, then a colon and their name with their birth
    ("elle a aussi sa petite sœur qui commence pareil depuis ce matin : Inès, née le 11/01/2021, même nom de famille",
     {"prenom": "Inès", "date_naissance": "2021-01-11"}),
    # the complaint stops at the colon that names who has it
    ("elle a aussi sa petite sœur qui tousse : Inès Benali, née le 11/01/2021",
     {"symptomes": "tousse", "prenom": "Inès", "nom": "Benali"}),
])
def test_relatives_named_with_what_they_have(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_a_commune_heading_a_complaint_is_its_noun_not_the_place():
    """Signes is a commune of the Var: « Signes de cystite » sent the search there, the patient being in Montpellier."""
    record = read("Bonjour, je vous adresse Mme BENALI Nadia, née le 12/04/1987, nom de naissance idem. Signes de cystite "
                  "depuis hier soir, brûlures mictionnelles, pas de fièvre. Elle est à Montpellier quartier Antigone, tél "
                  "06 71 28 43 95.")
    assert record.get("localisation") == "Montpellier quartier Antigone", record
    assert record.get("symptomes", "").startswith("Signes de cystite"), record


@pytest.mark.parametrize("text, expected", [
    # the one named through their kin, named whole after the kin asked for
    ("Bonjour, j'ai la fille de M. Lachaud au tél qui appelle pour son papa, Bernard Lachaud, né le 14/03/1938. Il a une "
     "toux grasse", {"prenom": "Bernard", "nom": "Lachaud", "symptomes": "toux grasse"}),
    # the name alone, said whole after a colon with her birth; "la même chose" is no complaint of its own words
    ("Et pour Mme Perrin elle-même, elle a la même chose : Monique Perrin, née Lambert le 19/02/1944, même adresse",
     {"prenom": "Monique", "nom": "Perrin", "nom_naissance": "Lambert", "symptomes": None}),
    ("il a la même chose depuis ce matin", {"symptomes": None}),
])
def test_a_name_said_alone_then_whole_and_the_same_complaint(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # typed fast in small letters: a surname spaCy reads as a verb, before a first name; the civility after the names
    ("payet jean-hugues ddn 8/11/79 entorse cheville g hier au foot, le tampon, 0692337104 nn payet",
     {"nom": "Payet", "prenom": "Jean-Hugues", "nom_naissance": "Payet"}),
    ("yilmaz mehmet mr ddn 02/01/1987 mal de gorge fievre 39 depuis 2j, mulhouse 0767123498",
     {"nom": "Yilmaz", "prenom": "Mehmet", "civilite": "Monsieur"}),
    # a compound first name of the other sex than the civility's: the surname, first
    ("pte mme louis-joseph marie-claude nee dorival le 22/7/49, plus de ttt pour sa tension depuis 2j",
     {"nom": "Louis-Joseph", "prenom": "Marie-Claude"}),
    # the civility of who is on the line is not the patient's
    ("Mme au tel pour son mari, YILMAZ Mehmet né le 03.11.57 à Kayseri (Turquie)",
     {"civilite": None, "genre": "Monsieur", "nom": "Yilmaz", "prenom": "Mehmet"}),
    ("Mme Durand au tel, toux", {"civilite": "Madame", "nom": "Durand"}),
])
def test_names_typed_fast_and_whose_civility(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # first names of both sexes joined are a surname of the Antilles; "Marie" after a man's first name is his
    ("pour son petit-fils Kylian Joseph-Angélique, né le 30/04/2017", {"prenom": "Kylian", "nom": "Joseph-Angélique"}),
    ("M. Jean-Marie Durand", {"prenom": "Jean-Marie", "nom": "Durand"}),
    ("patient M. NGUYEN Minh Duc (prénom Minh Duc), lombalgie aiguë depuis 2 jours", {"prenom": "Minh Duc", "nom": "Nguyen"}),
    # the surname labelled, both words in capitals: one surname
    ("Le papa appelle pour sa fille Nadjma, nom de famille SAID ALI, 15 ans, née le 08/10/2011",
     {"nom": "Said Ali", "prenom": "Nadjma"}),
    ("pour sa fille Dupont, née le 08/10/2011", {"nom": "Dupont", "prenom": None}),
    ("Nom : DURAND Marie, née le 03/03/1950", {"nom": "Durand", "prenom": "Marie"}),
    # who speaks is not the patient: no civility of theirs
    ("finalement madame dit que s'il peut être vu en vidéo ça les arrange", {"civilite": None}),
    ("madame Dupont dit qu'elle a mal", {"civilite": "Madame", "nom": "Dupont"}),
    # how the name is written, said between the name and its spelling
    ("madame Jean-Baptiste Nadège Jean-Baptiste avec un tiret J E A N tiret B A P T I S T E même nom de naissance",
     {"nom": "Jean-Baptiste", "prenom": "Nadège", "nom_naissance": "Jean-Baptiste"}),
])
def test_compounds_capitals_speakers_and_remarks(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


def test_a_big_town_typed_small_after_since_when_ends_the_complaint():
    record = read("mr lebrun thomas 8/8/2001 angine fievre 39 mal a la gorge dpuis 2j bordeaux cauderan tel 0634128790")
    assert record.get("symptomes") == "angine fievre 39 mal a la gorge dpuis 2j", record


@pytest.mark.parametrize("text, expected", [
    # a qualifier alone qualifies nothing: « un petit de 4 ans » is a child, then named
    ("pour un petit de 4 ans Noah Lefèvre né le 3 mai 2022 otite probable",
     {"prenom": "Noah", "nom": "Lefèvre", "symptomes": "otite probable"}),
    ("pour une petite de 6 ans, Jade Morel, fièvre", {"prenom": "Jade", "nom": "Morel", "symptomes": "fièvre"}),
    ("elle a une petite fievre depuis hier", {"symptomes": "petite fievre depuis hier"}),
    # an answer said after the complaint is none of it
    ("monsieur martin paul douleur thoracique non il a vu sos medecin ce matin, a Grenoble",
     {"symptomes": "douleur thoracique", "localisation": "Grenoble"}),
    ("toux non productive depuis 3 jours", {"symptomes": "toux non productive depuis 3 jours"}),
    # whom the request is for, described before being named: their civility
    ("bonjour je vous appelle pour un jeune homme à Cayenne il a de la fièvre depuis deux jours",
     {"genre": "Monsieur", "localisation": "Cayenne"}),
    ("c'est pour une petite de quatre ans elle a mal à l'oreille depuis hier soir", {"genre": "Madame"}),
    ("je suis Mme Durand, c'est pour mon fils, il tousse", {"genre": "Monsieur", "civilite": None}),
    ("pour un petit bouton sur le bras", {"genre": None, "symptomes": "petit bouton sur le bras"}),
    # a name taken back after its label: the one said instead
    ("son nom de naissance euh Da Costa non pardon Da Silva D A et S I L V A en deux mots",
     {"nom_naissance": "Da Silva"}),
    ("nom Martin non pardon Martini, prénom Paul", {"nom": "Martini", "prenom": "Paul"}),
    # the relative one starts with, named, is the patient; who is born is seen
    ("allô bonjour euh j'ai une maman avec son fils je vais commencer par la maman madame Yilmaz Y I L M A Z Ayse A Y S E",
     {"nom": "Yilmaz", "prenom": "Ayse", "civilite": "Madame"}),
    ("et euh maintenant le fils Emre E M R E Yilmaz nom de naissance pareil Yilmaz né le trois mars deux mille quinze "
     "il tousse beaucoup", {"prenom": "Emre", "nom": "Yilmaz", "nom_naissance": "Yilmaz", "symptomes": "tousse beaucoup"}),
    ("Appel de la fille, Sandrine Roux, pour sa mère née le 3/3/1940", {"nom": None, "prenom": None}),
])
def test_what_a_word_qualifies_or_answers(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record


@pytest.mark.parametrize("text, expected", [
    # the birth name said just after the names is one of them: the surname
    ("mr camara seydou 14/2/75 nn camara 0605478213 brulure", {"nom": "Camara", "prenom": "Seydou"}),
    ("mr nomertin jocelyn nn nomertin diabetique, plaie pied g", {"nom": "Nomertin", "prenom": "Jocelyn"}),
    ("Mme Durand Marie, 12/03/1950, née Martin", {"nom": "Durand", "prenom": "Marie", "nom_naissance": "Martin"}),
    # a label glued to the number, typed fast
    ("mr yilmaz mehmet 5/7/90 tel0766231487 entorse cheville g hier au foot, mulhouse",
     {"telephone": "+33766231487", "localisation": "mulhouse"}),
    # the patient presented as « une dame », named in the answers; not the relative on the line
    ("oui alors euh j'ai une dame polonaise qui parle pas très bien français elle vomit depuis ce matin",
     {"genre": "Madame"}),
    ("j'ai sa fille au téléphone, elle dit que sa mère tousse", {"genre": None}),
    # a town abroad whose first word is also an interjection
    ("née le 08/11/1983 non pardon 08/11/1985 à Hô Chi Minh-Ville, domicile Villeurbanne",
     {"date_naissance": "1985-11-08", "lieu_naissance": "Hô Chi Minh-Ville", "localisation": "Villeurbanne"}),
    # a name spelled after a complaint is no part of it; « comme sa mère »: whose surname it is
    ("et euh elle a son fils aussi qui a de la fièvre depuis hier Anrif A N R I F Soilihi comme sa mère même nom de "
     "naissance né le quatorze octobre deux mille douze", {"symptomes": "fièvre depuis hier", "prenom": "Anrif",
                                                           "nom": "Soilihi", "date_naissance": "2012-10-14"}),
    # a birth date corrected further on: the place said after the first still attaches to « née »
    ("Mme SAÏD ALI Zaïnaba, née 03/05/1979 à Moroni - pardon 05/03/1979. Ils habitent Marseille 13e (Malpassé).",
     {"date_naissance": "1979-03-05", "lieu_naissance": "Moroni", "localisation": "Marseille 13e"}),
    # a first name taken back with why, then the patient named whole
    ("appel du gendre pour sa belle-mère. Prénom Khadija non pardon ça c'est la belle-sœur qui est avec elle, la "
     "patiente c'est Fatima-Zahra. Mme EL IDRISSI Fatima-Zahra née BENNANI le 9 janvier 1957 à Fès.",
     {"prenom": "Fatima-Zahra", "nom": "El Idrissi", "nom_naissance": "Bennani"}),
    # a number taken back right after it, the one meant said further in the same sentence; not one added
    ("Fixe 02 98 44 61 27 non attendez elle me donne son portable à lui plutôt, 06 70 28 95 13",
     {"telephone": "+33670289513"}),
    ("tel 01 48 81 27 60 non pardon ça c le fixe, son portable c'est le 06 12 34 56 78", {"telephone": "+33612345678"}),
    ("tel 06 12 34 56 78 non pardon, et aussi son fixe 02 98 44 61 27", {"telephone": "+33612345678"}),
    # the relative opening the note on the line is who calls; the child named after is the patient
    ("Papa au bout du fil, M. Nguyen. Sa fille Linh NGUYEN, née le 05/11/2018, a des boutons partout",
     {"prenom": "Linh", "nom": "Nguyen", "genre": "Madame", "civilite": None}),
    # a relative named, then their complaint after a comma: the patient
    ("son frère Kévin Zébina, mal à la gorge", {"prenom": "Kévin", "nom": "Zébina", "symptomes": "mal à la gorge"}),
    # a relative spoken of in a pick, not whom the request is for
    ("le 2ème plutôt, c'est plus pratique pour la maman", {"genre": None}),
    # the next child named by the first name alone, then born (the surname said to be the same); not a surname
    ("Et le bébé aussi, il a l'œil droit qui coule depuis hier. Ibrahima, né le 19/07/2024, même nom que le papa",
     {"prenom": "Ibrahima", "date_naissance": "2024-07-19"}),
    ("le petit frère commence aussi, Bao, né le 30/04/2021, même nom, même adresse", {"prenom": "Bao"}),
    ("fièvre, Durand, né le 3/3/1950", {"prenom": None}),
    # the birth name said further on is one of the names: the surname
    ("M. Soilihi Ahamada, né le 27/08/1995 à Moroni, NDN Soilihi, tel 07 51 83 26 09", {"nom": "Soilihi",
                                                                                       "prenom": "Ahamada"}),
    # right after the birth date, no birth word said: where she was born, when where she is gets said otherwise
    ("Mme NGUYEN Thi Lan, nom de naissance TRAN, le 17/06/1958 à Hanoï. vit à Ivry-sur-Seine chez le fils.",
     {"lieu_naissance": "Hanoï", "localisation": "Ivry-sur-Seine"}),
    ("Mme Durand Marie 12/03/1950 à Lyon, toux", {"localisation": "Lyon", "lieu_naissance": None}),
    # « aucun symptôme » labels no complaint: the names of the sentence after it are
    ("le mari lui-même n'a plus son traitement pour la tension depuis avant-hier, aucun symptôme. Joaquim CARVALHO né "
     "le 05/10/1968 à Porto", {"prenom": "Joaquim", "nom": "Carvalho", "lieu_naissance": "Porto"}),
    # a word denying is no commune (Aucun, Hautes-Pyrénées, was searched 657 km from Argenteuil)
    ("n'a plus son traitement pour la tension depuis 3j, aucun symptôme, a besoin d'un renouvellement",
     {"localisation": None}),
    # the first names said again as one compound, the hyphen told
    ("monsieur Chérif C H E accent aigu R I F prénom Mohamed Amine euh Mohamed tiret Amine",
     {"nom": "Chérif", "prenom": "Mohamed-Amine"}),
    # the surname spelled after the first name, a letter slipped: its spelling, no part of the first name
    ("c'est une dame âgée madame Rousseau Odette R O deux S E A U", {"nom": "Rousseau", "prenom": "Odette"}),
    # how a word of the email address is written, said after it: no name
    ("et son mail c'est mohamed point cherif arobase gmail point com cherif sans accent dans le mail",
     {"email": "mohamed.cherif@gmail.com", "nom": None}),
    # a pair said twice in a row by the speaker, in a number too long otherwise; a number of ten digits stays
    ("c'est zéro six quatorze soixante-dix quatre-vingt-un vingt-cinq vingt-cinq pas vingt-trois",
     {"telephone": "+33614708125"}),
    ("zéro six douze douze trente-quatre cinquante-six", {"telephone": "+33612123456"}),
    ("tel 06 12 12 34 56 78", {"telephone": "06 12 12 34 56 78"}),  # typed: a typo, said back as it is
    # a town abroad right after the birth date is where she was born (no patient of a SAS is abroad); so is a town
    # there when where she is was said as the last patient's
    ("ok et maintenant la mère svp : Fatiha Benali, née Hamidi, le 08/02/1958 à Oran, même adresse même tel",
     {"lieu_naissance": "Oran", "localisation": None}),
    ("Fatiha Benali, le 08/02/1958 à Oran", {"lieu_naissance": "Oran", "localisation": None}),
    ("Paul Martin, le 08/02/1958 à Lyon, même adresse", {"lieu_naissance": "Lyon", "localisation": None}),
    ("Paul Martin, le 08/02/1958 à Lyon", {"lieu_naissance": None, "localisation": "Lyon"}),
    # what she is, before the label of her birth name, is no name: the name said is her birth name
    ("madame Lubin L U B I N Christelle elle est pas mariée c'est son nom de naissance elle a le nez bouché",
     {"nom": "Lubin", "prenom": "Christelle", "nom_naissance": "Lubin"}),
    ("Mme Durand, elle est divorcée, Martin c'est son nom de naissance", {"nom_naissance": "Martin"}),
    # the next child named by the first name alone, her age, then born
    ("la maman demande si on peut aussi faire voir la grande sœur, Inès, 9 ans, née le 27/01/2017, mal de gorge",
     {"prenom": "Inès", "date_naissance": "2017-01-27"}),
    ("fièvre, Durand, 60 ans, né le 3/3/1950", {"prenom": None}),
    # "à" typed without its accent before a town in small letters, not the verb before a participle
    ("mr roux paul 3/3/1950 douleur genou a thionville", {"localisation": "thionville", "symptomes": "douleur genou"}),
    ("elle a vomi ce matin a thionville", {"localisation": "thionville", "symptomes": "vomi ce matin"}),
    ("il a tombe hier", {"localisation": None}),
    # the year taken back after the birth place; the surname said again whole before its label
    ("Mme Dupont-Mercier Jacqueline née Rousseau le 02/10/1933 à Limoges non 1934 pardon. visite",
     {"date_naissance": "1934-10-02", "lieu_naissance": "Limoges"}),
    ("née le 02/10/1933 à Limoges non 06 12 34 56 78", {"date_naissance": "1933-10-02", "telephone": "+33612345678"}),
    ("Il s'appelle João Ferreira da Silva, Ferreira da Silva c'est le nom.", {"prenom": "João", "nom": "Ferreira da Silva"}),
    # a name then its label, nothing after it; "mm", the same typed fast; a town then "aussi", the last patient's too
    ("hoarau nom de jeune fille", {"nom_naissance": "Hoarau"}),
    ("Mme Payet Marie nom de naissance Hoarau", {"nom": "Payet", "prenom": "Marie", "nom_naissance": "Hoarau"}),
    ("autre pte stp sa femme mme fontaine monique nee garnier ddn 19/4/52 mm tel, grenoble aussi, douleur genou droit",
     {"localisation": "grenoble", "symptomes": "douleur genou droit"}),
    ("plaie 5 mm tel 0612345678", {"telephone": "+33612345678", "symptomes": "plaie 5 mm"}),
    # the same complaint as the last patient's: no label of a complaint for the words after it
    ("maintenant sa femme svp : Mme LE GOFF Annick née RIOU le 05/06/1960 à Brest, même symptômes depuis hier, aussi à Rezé",
     {"symptomes": None, "localisation": "Rezé", "lieu_naissance": "Brest"}),
    # the caller's kin is the patient, though the patient was spoken of before (« la fille de la patiente appelle »)
    ("Bonjour, la fille de la patiente appelle : sa maman Mme Lucienne Hoarau, 78 ans, a une plaie au mollet",
     {"prenom": "Lucienne", "nom": "Hoarau"}),
    ("Mme Durand 80 ans fièvre, sa fille Mme Martin au 06 12 34 56 78", {"nom": "Durand"}),
    # a name spelled, then the label of the birth name with its possessive, no comma between
    ("Ayse A Y S E son nom de naissance c'est Demir D E M I R", {"prenom": "Ayse", "nom_naissance": "Demir"}),
    # a twin pointed at by her rank, then presented; the family's surname said with its label
    ("Et la deuxième, sa sœur jumelle Lan, même date de naissance évidemment, même nom Nguyen de naissance aussi",
     {"prenom": "Lan", "genre": "Madame"}),
    ("Famille NGUYEN, ils sont sur Lyon 8e. On commence par le premier : Minh, né le 19/05/2021",
     {"nom": "Nguyen", "prenom": "Minh", "localisation": "Lyon 8e"}),
    ("enfant en famille d'accueil, Lucas Petit 6 ans, fièvre", {"prenom": "Lucas", "nom": "Petit"}),
    ("Yanis, né le 30/04/2021, même nom Benali y compris de naissance, même tel",
     {"nom": "Benali", "nom_naissance": "Benali"}),
    # one is born "en" a country or a region, never in a state; a correction relayed by whoever calls
    ("Mme DA SILVA Ana, née le 22 janvier 1961, en rupture de son traitement depuis 2 jours. habite Bordeaux",
     {"lieu_naissance": None, "localisation": "Bordeaux"}),
    ("née le 3 mars 1951 en Algérie, vit à Lyon", {"lieu_naissance": "Algérie", "localisation": "Lyon"}),
    ("le numéro zéro six quatre-vingt-quatorze vingt-deux zéro trois quatre-vingt-sept euh attendez elle me corrige "
     "c'est quatre-vingt-huit à la fin quatre-vingt-huit", {"telephone": "+594694220388"}),
    # letters spelled with hyphens between them
    ("appel du mari pour son épouse Mme KOWALCZYK Agnieszka, je vous épelle le nom : K-O-W-A-L-C-Z-Y-K, prénom "
     "A-G-N-I-E-S-Z-K-A. Née Nowak.", {"nom": "Kowalczyk", "prenom": "Agnieszka", "nom_naissance": "Nowak"}),
    # "dl", the pain as notes write it: no names
    ("bjr besoin d un rdv aujourd hui pour une dame, dl epaule dte depuis chute hier, mobilise un peu",
     {"nom": None, "prenom": None, "symptomes": "dl epaule dte depuis chute hier"}),
])
def test_names_places_and_numbers_typed_fast_or_dictated(text, expected):
    record = read(text)
    assert {field: record.get(field) for field in expected} == expected, record
