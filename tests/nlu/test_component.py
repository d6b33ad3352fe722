"""PatientDetailsExtractor: built directly and run on Rasa Messages, as the NLU graph runs it after DIET (which
classifies the intent only: entities already on a message are replaced by the reading)."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components import REFERENCE_TIME_KEY, PatientDetailsExtractor, says_to_cancel

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture(scope="module")
def extractor() -> PatientDetailsExtractor:
    return PatientDetailsExtractor({**PatientDetailsExtractor.get_default_config()})


def diet(text: str, entity: str, said: str, confidence: float = 0.9) -> dict:
    start = text.index(said)
    return {"entity": entity, "start": start, "end": start + len(said), "value": said,
            "extractor": "DIETClassifier", "confidence_entity": confidence}


def process(extractor, text: str, entities: list[dict]) -> dict:
    message = Message(data={TEXT: text, ENTITIES: entities, "metadata": {REFERENCE_TIME_KEY: NOW.isoformat()}})
    extractor.process([message])
    found = message.get(ENTITIES)
    assert len({e["entity"] for e in found}) == len(found), "one entity per field"
    return {e["entity"]: e["value"] for e in found}


def intent_after(extractor, text: str, classified: str, confidence: float) -> str:
    """The intent once the details were read, for a message DIET classified so."""
    message = Message(data={TEXT: text, ENTITIES: [], INTENT: {"name": classified, "confidence": confidence},
                            "metadata": {REFERENCE_TIME_KEY: NOW.isoformat()}})
    extractor.process([message])
    return message.get(INTENT)["name"]


def test_typed_shorthand(extractor):
    text = "Mme DURAND Marie née MARTIN ddn 21/11/52 tel 0645372653, fièvre 39,5 depuis le 20 novembre, demain matin"
    record = process(extractor, text, [diet(text, "nom", "DURAND"), diet(text, "prenom", "Marie"),
                                       diet(text, "nom_naissance", "MARTIN"),
                                       diet(text, "date_naissance", "20 novembre"),  # DIET's wrong guess
                                       diet(text, "telephone", "39,5")])
    assert record == {
        "civilite": "Madame", "nom": "Durand", "prenom": "Marie", "nom_naissance": "Martin",
        "date_naissance": "1952-11-21", "telephone": "+33645372653",
        "creneau": {"start": "2026-11-26T08:00:00+01:00", "end": "2026-11-26T12:00:00+01:00", "text": "demain matin"},
        "symptomes": "fièvre 39,5 depuis le 20 novembre",
    }


def test_dictated(extractor):
    text = ("madame durand d u r a n d marie née le vingt et un novembre mille neuf cent cinquante deux "
            "téléphone zéro six quarante cinq trente sept vingt six cinquante trois c'est urgent")
    record = process(extractor, text, [diet(text, "nom", "durand d u r a n d"), diet(text, "prenom", "marie")])
    assert record == {"civilite": "Madame", "nom": "Durand", "prenom": "Marie", "date_naissance": "1952-11-21",
                      "telephone": "+33645372653", "urgence": 8}


def test_entities_already_on_the_message_give_way_to_the_reading(extractor):
    text = "Marie Durand, 72 ans"
    record = process(extractor, text, [diet(text, "nom", "Marie", 0.95), diet(text, "telephone", "72")])
    assert record == {"prenom": "Marie", "nom": "Durand"}


@pytest.mark.parametrize("end, extra", [("", {}), (", aujourd'hui", {"urgence": 12})])
def test_headline_shorthand_is_read_completely(extractor, end, extra):
    text = "Mme Durand Marie née Martin 21/11/52, 06 45 37 26 53, fièvre depuis 3 j, Lyon 3e" + end
    assert process(extractor, text, []) == {
        "civilite": "Madame", "nom": "Durand", "prenom": "Marie", "nom_naissance": "Martin",
        "date_naissance": "1952-11-21", "telephone": "+33645372653", "symptomes": "fièvre depuis 3 j",
        "localisation": "Lyon 3e", **extra}


def test_a_practitioner_named_gives_no_patient_name(extractor):
    text = "le Dr Thomas"
    assert process(extractor, text, [diet(text, "nom", "le Dr"), diet(text, "prenom", "Thomas")]) == {}


@pytest.mark.parametrize("text, expected", [
    # a place attaches to the word governing it, whatever sits between them (the birth date, a comma)
    ("Mme Océane Caron née le 17/01/1994 à Rennes, 06 12 34 56 78, elle vit à Villeurbanne",
     {"lieu_naissance": "Rennes", "localisation": "Villeurbanne"}),
    ("née le dix-sept janvier mille neuf cent quatre-vingt-quatorze à rennes elle habite villeurbanne",
     {"lieu_naissance": "rennes", "localisation": "villeurbanne"}),
    ("Mme Durand Marie née Martin le 12.03.1951 à Brest", {"lieu_naissance": "Brest"}),
    # past the date's comma, a town alone is where the patient is, unless that is said otherwise
    ("Mme Durand Marie née Martin le 12.03.1951, à Brest", {"localisation": "Brest"}),
    ("M. Bertrand du Plessis, 88 ans, né le 1er janvier 1938, à Versailles. Il a une grosse bronchite",
     {"localisation": "Versailles"}),
    ("Mme Durand Marie née Martin le 12.03.1951, à Brest, elle se trouve chez sa fille à Quimper",
     {"lieu_naissance": "Brest", "localisation": "Quimper"}),
    ("M. Jean Petit né le 3/4/51 en Algérie", {"lieu_naissance": "Algérie"}),
    ("originaire de Brest, domiciliée au 3 rue des Lilas 35000 Rennes",
     {"lieu_naissance": "Brest", "localisation": "3 rue des Lilas 35000 Rennes"}),
    ("Elle habite Lyon", {"localisation": "Lyon"}),
    ("domicile 12 rue de la République 69002 Lyon", {"localisation": "12 rue de la République 69002 Lyon"}),
    ("née le 12/03/1951. Sur Bron", {"localisation": "Bron"}),  # a new sentence is a new attachment
    ("né le 12/03/1951 sur Bayonne", {"localisation": "Bayonne"}),  # one is born "à" or "en", never "sur"
    ("DDN 12/03/1951 à 64100", {"localisation": "64100"}),  # a postal code is where one lives
    ("DDN 12/03/1951 à Bayonne, né à Niort", {"lieu_naissance": "Niort", "localisation": "Bayonne"}),  # one birth place
    ("née Colin, à Oloron", {"localisation": "Oloron"}),  # a comma after the birth name ends the attachment
    ("Mme Marie Roy 06 45 37 26 53 née le 12/03/1951 06 12 34 56 78 à Dax", {"localisation": "Dax"}),
    ("entorse du genou au Tampon, même nom", {"localisation": "Le Tampon"}),  # "au" carries its article
    ("fièvre, elle habite aux Abymes", {"localisation": "Les Abymes"}),
    # one is « à François » in the Deux-Sèvres, « au François » in Martinique
    ("elle est pas à fort-de-france elle est chez elle au françois", {"localisation": "le françois"}),
    # a first name that is also a commune is the place once the patient's first name is known
    ("Mme Moulin Claire 06 40 71 25 36 Nancy conjonctivite", {"localisation": "Nancy"}),
])
def test_places_go_to_what_they_attach_to(extractor, text, expected):
    found = process(extractor, text, [])
    assert {k: found.get(k) for k in ("lieu_naissance", "localisation") if k in found} == expected


@pytest.mark.parametrize("text, expected", [
    # the year of birth said alone attaches to « l'année » or to « né en »; « sur l'année » is no place
    ("je me suis trompé sur l'année de naissance c'est mille neuf cent soixante-huit", {"date_naissance": "1968"}),
    ("pardon erreur sur l'année, 1968 pas 1986", {"date_naissance": "1968"}),
    ("il est né en 1968", {"date_naissance": "1968"}),
    ("il tousse depuis l'année 2020", {}),  # when it started
    ("erreur sur l'horaire", {}),
])
def test_a_year_of_birth_said_alone(extractor, text, expected):
    found = process(extractor, text, [])
    assert {k: found[k] for k in ("date_naissance", "localisation") if k in found} == expected


@pytest.mark.parametrize("text, prenom, nom", [
    # named through her kin, then whole by the kin's kin: the patient
    ("j'ai la fille de madame Delattre en ligne sa maman Monique Delattre née Caron le quatre avril mille neuf cent "
     "quarante-huit elle a une plaie", "Monique", "Delattre"),
    ("j'ai aussi sa fille dans la foulée Jade Henry née le 11/11/2015, angine", "Jade", "Henry"),  # an aside between
    ("Mme Lacoste, son fils Tom Lacoste est joignable au 06 12 34 56 78, fièvre", None, "Lacoste"),  # her son: a contact
    # a brother named with his birth date after a comma and « né le » is the next patient
    ("et dans la foulée son frère Hugo Lambert, né le 21/01/2013, angine avec fièvre", "Hugo", "Lambert"),
])
def test_the_patient_named_through_kin(extractor, text, prenom, nom):
    found = process(extractor, text, [])
    assert (found.get("prenom"), found.get("nom")) == (prenom, nom)


@pytest.mark.parametrize("text, expected", [
    # the mother on the phone, named, asks for her son: he is the patient
    ("Maman au tél (Mme Fontaine Aurélie 06 58 41 27 93) pour son fils Lucas Fontaine né le 14/09/2018, fièvre",
     ("Lucas", "Fontaine")),
    ("Mme Fontaine Aurélie au tél pour son fils Lucas Fontaine né le 14/09/2018, fièvre", ("Lucas", "Fontaine")),
    ("Mme Fontaine Aurélie 06 58 41 27 93 fièvre", ("Aurélie", "Fontaine")),  # no one else: she is
])
def test_who_calls_for_her_son_is_no_patient(extractor, text, expected):
    found = process(extractor, text, [])
    assert (found.get("prenom"), found.get("nom")) == expected


@pytest.mark.parametrize("text, expected", [
    ("Payet aussi", {"nom": "Payet"}),  # the same as another's: « aussi » is no part of it
    ("Caen également", {"localisation": "Caen"}),
])
def test_an_answer_said_to_be_the_same_as_another(extractor, text, expected):
    found = process(extractor, text, [])
    assert {k: v for k, v in found.items() if k in ("nom", "prenom", "localisation", "symptomes")} == expected
    assert intent_after(extractor, text, "faq", 0.74) == "inform"


@pytest.mark.parametrize("text", ["plutôt demain matin, il a un kiné l'après-midi",
                                  "demain matin, il a une séance de kiné l'après-midi"])
def test_what_keeps_the_patient_busy_is_no_complaint(extractor, text):  # it replaced the complaint said before
    assert "symptomes" not in process(extractor, text, [])


def test_the_same_name_as_a_brother_or_sister(extractor):
    found = process(extractor, "son frère Hugo Lambert, né le 21/01/2013, pareil pour le nom, angine", [])
    assert (found.get("nom_naissance"), found.get("symptomes")) == ("Lambert", "angine")


def test_only_a_birth_place_leaves_the_location_missing(extractor):
    text = "Mme Océane Caron née le 17/01/1994 à Rennes, 06 12 34 56 78"
    assert "localisation" not in process(extractor, text, [diet(text, "localisation", "Rennes")])


@pytest.mark.parametrize("text", [
    "Mme Dupuis Claire même nom de naissance", "Dupuis Claire, nom de naissance identique",
    "Claire DUPUIS pas de nom d'usage", "Mme Claire Dupuis, même nom", "Mme Claire Dupuis nom de jeune fille : idem",
])
def test_birth_name_said_inline_is_the_name(extractor, text):
    found = process(extractor, text, [])
    assert (found["nom"], found["nom_naissance"]) == ("Dupuis", "Dupuis")


@pytest.mark.parametrize("text, prenom, nom", [
    ("c'est pour un enfant, Lucas Moreau, tél maman 06 11 22 33 44", "Lucas", "Moreau"),
    ("Enfant Jade Vincent née le 03/04/2019, papa au 07 81 22 33 44", "Jade", "Vincent"),
    ("un petit garçon, Ethan Lopez, joindre sa mère au 0611223344", "Ethan", "Lopez"),
])
def test_children_are_named_and_the_relative_phone_kept(extractor, text, prenom, nom):
    found = process(extractor, text, [])
    assert (found.get("prenom"), found.get("nom")) == (prenom, nom)
    assert found.get("telephone", "")[:4] in ("+336", "+337")


@pytest.mark.parametrize("text, e164", [
    ("M Gabriel Renaud 0690 12 34 56", "+590690123456"), ("tél 0696 45 23 11", "+596696452311"),
    ("joignable au 06 92 12 34 56", "+262692123456"), ("0694 12 34 56", "+594694123456"),
    ("portable 0639 40 12 34", "+262639401234"), ("fixe 05 96 60 12 34", "+596596601234"),
    # blocks the phone library does not list yet, under the overseas mobile prefixes
    ("le numéro 0694 53 17 00", "+594694531700"), ("maman 0691 07 52 84", "+590691075284"),
    ("tél +594 694 53 17 00", "+594694531700"),
])
def test_overseas_numbers_keep_their_country_code(extractor, text, e164):
    assert process(extractor, text, [])["telephone"] == e164


def test_a_number_valid_nowhere_is_kept_as_said_to_be_refused(extractor):
    assert process(extractor, "Mme Lucie Bernard 06 45 37 26 née le 01 03 1951", [])["telephone"] == "06 45 37 26"
    # said digit by digit in a block no line bears: the ten digits as said, not a number abroad (+508 …)
    said = "téléphone zéro sept un deux huit quatre six zéro trois neuf il s'est tordu la cheville"
    assert process(extractor, said, [])["telephone"] == "07 12 84 60 39"


@pytest.mark.parametrize("text", ["M Gabriel Renaud", "Mr Gabriel Renaud", "MR GABRIEL RENAUD", "M. Gabriel Renaud"])
def test_loose_civilities(extractor, text):
    assert process(extractor, text, [])["civilite"] == "Monsieur"


def test_a_precise_delay_wins_over_a_vague_word(extractor):
    found = process(extractor, "c'est urgent, il faudrait le voir dans les 2 heures", [])
    assert found["urgence"] == 2 and "nom" not in found


def test_either_day_is_one_window(extractor):
    found = process(extractor, "à voir aujourd'hui ou demain", [])
    assert found["creneau"]["start"] == NOW.isoformat() and found["creneau"]["end"] == "2026-11-26T20:00:00+01:00"
    assert "urgence" not in found


@pytest.mark.parametrize("text, mistaken_for", [("Le Gall", "choisir_creneau"), ("Gomez", "faq"),
                                                 ("Les Abymes", "faq"), ("0690 12 34 56", "out_of_scope"),
                                                 ("Hamon", "rechercher"), ("Quimper", "annuler"),
                                                 ("euh dans les deux heures maximum", "faq"),
                                                 ("Haddad, H A deux D A D", "faq")])
def test_a_bare_detail_is_an_answer_whatever_the_classifier_says(extractor, text, mistaken_for):
    assert intent_after(extractor, text, mistaken_for, 0.6) == "inform"


@pytest.mark.parametrize("text, expected", [("le 2", "choisir_creneau"),  # a rank said alone: a pick
                                            ("c'est quoi le motif soins non programmés ?", "faq"),
                                            ("celui de 14h30", "choisir_creneau")])  # a time said alone: a pick
def test_a_pick_or_a_question_is_no_detail_given(extractor, text, expected):
    assert intent_after(extractor, text, "faq", 0.6) == expected


@pytest.mark.parametrize("text, intent, expected", [
    ("oui merci", "thank", "affirm"), ("Ok merci beaucoup", "thank", "affirm"), ("d'accord, merci", "greet", "affirm"),
    ("non merci", "thank", "deny"), ("merci", "thank", "thank"), ("merci, oui", "thank", "thank"),
    ("bonjour", "greet", "greet"), ("validé, merci", "thank", "affirm"),
    ("oui ça me va", "faq", "affirm"), ("ça me va", "faq", "affirm"), ("ça me va pas", "faq", "faq"),
    ("oui mais comment je crée un compte ?", "faq", "faq"),
    # a no said first with no detail after it: the corrections come next ("non, il est né le 8 mai" stays inform)
    ("non, deux choses", "inform", "deny"), ("non, il est né le 8 mai 1996", "inform", "inform"),
    # a yes typed without accents, nothing read after it: no detail to note again
    ("oui c'est ca", "inform", "affirm"), ("oui, elle habite à Caen", "inform", "inform"),
    ("c bon pour moi", "nlu_fallback", "affirm"), ("c le meme", "faq", "inform"),  # texted
    # the yes, then only an order to book: longer than a yes, no question either
    ("oui c'est parfait vous pouvez valider", "nlu_fallback", "affirm"),
    ("oui c'est parfait, vous pouvez réserver svp", "faq", "affirm"),
    ("oui c'est parfait, mais le patient reçoit-il un sms", "faq", "faq"),
    ("très bien, je valide", "inform", "affirm"),
    ("oui c'est bon pour elle aussi", "nlu_fallback", "affirm"), ("c'est tout bon merci", "nlu_fallback", "affirm"),
    # what opens the answer and says nothing yet: "là", "bon ben"
    ("voilà, là c'est bon", "nlu_fallback", "affirm"), ("bon ben c'est bon", "nlu_fallback", "affirm"),
    # that is right, then the order to book, said familiarly
    ("voilà c'est ça, tu peux valider", "faq", "affirm"), ("c'est bien ça, on peut réserver", "faq", "affirm"),
    ("voilà mais est-ce que le médecin lit le message ?", "faq", "faq"),
    # the yes, then what the regulator does next; not a question without its mark
    ("oui parfait, je préviens sa fille", "faq", "affirm"),
    ("oui d'accord le patient recevra-t-il un rappel", "faq", "faq"), ("oui sauf que je voudrais l'après-midi", "faq", "faq"),
    # typed fast, a letter doubled or stretched
    ("ouii", "out_of_scope", "affirm"), ("okkk merci", "thank", "affirm"), ("nonnn merci", "thank", "deny"),
    # how a call is answered, no yes to anything
    ("oui bonjour alors j'ai le papa en ligne pour son bébé", "adresser_patient", "adresser_patient"),
])
def test_a_yes_or_no_said_first_is_the_answer_not_the_courtesy(extractor, text, intent, expected):
    assert intent_after(extractor, text, intent, 0.8) == expected


@pytest.mark.parametrize("text, mistaken_for, expected", [
    ("attendez, erreur de ma part, il est né le 8 mai 1996", "faq", "inform"),
    ("Mme Gilbert Nadine née Gilbert 11/04/1969 06 57 82 31 46 sinusite, Nice", "out_of_scope", "adresser_patient"),
    ("euh attendez je regarde le huit juin trente-deux", "elargir_delai", "inform"),  # never a new search
    ("bougez pas, son portable c'est le 06 11 22 33 44", "rechercher", "inform"),
    # a name given with the verb that names, mistaken for a question
    ("il s'appelle mohamed amine avec un tiret ben amor en deux mots B E N espace A M O R", "faq", "inform"),
])
def test_who_the_patient_is_is_never_a_question_about_sas(extractor, text, mistaken_for, expected):
    assert intent_after(extractor, text, mistaken_for, 0.5) == expected


@pytest.mark.parametrize("text, expected", [
    # a question, then the patient it is about described: the referral opens
    ("teleconsult possible ? pat toux seche persistante depuis 10j sans fievre, voir dans la journee si poss", "inform"),
    # the patient described, then a question about SAS: the question
    ("la patiente a une cystite depuis hier, est-ce que le SAS prend en charge les cystites ?", "faq"),
    ("c'est quoi le tarif ? j'ai une patiente avec une angine", "faq"),  # one detail: no description
])
def test_a_question_then_the_patient_described(extractor, text, expected):
    assert intent_after(extractor, text, "faq", 0.8) == expected


@pytest.mark.parametrize("text", ["on peut faire une téléconsultation pour un patient du SAS à Lyon ?",
                                  "le motif soins non programmés c'est pour les urgences ?"])
def test_a_question_naming_a_mode_a_place_or_urgency_stays_a_question(extractor, text):
    assert intent_after(extractor, text, "faq", 0.5) == "faq"


def test_a_phone_said_last_after_its_kind(extractor):  # the message ends right after the number
    said = "alors c'est le fixe zéro quatre soixante-treize dix-neuf vingt-huit cinquante-cinq"
    assert process(extractor, said, [])["telephone"] == "+33473192855"


def test_a_failure_of_the_rules_loses_the_details_not_the_turn(extractor, monkeypatch, caplog):
    def failing(text, now):
        raise IndexError("list index out of range")

    monkeypatch.setattr("bot.nlu.components.read_details", failing)
    assert process(extractor, "Mme Durand Marie 06 45 37 26 53", []) == {}
    assert "details not read: IndexError at test_component.py" in caplog.text
    assert "Durand" not in caplog.text and "06 45" not in caplog.text


def test_a_number_dialled_wrong_is_no_birth_date(extractor):  # "06 12 34" would read as 6 December 1934
    assert process(extractor, "06 12 34 56 78 9", []) == {"telephone": "06 12 34 56 78 9"}


@pytest.mark.parametrize("text, expected", [
    ("Pat. : DUPONT Jean – DDN 12.03.51 – NJF : MARTIN – Tél. 06 45 37 26 53 – Lyon 3e – fièvre",
     {"nom": "Dupont", "prenom": "Jean", "nom_naissance": "Martin", "date_naissance": "1951-03-12"}),
    ("Pat: Leroy Anne, ndn idem, 0612345678, Caen, cystite",
     {"nom": "Leroy", "prenom": "Anne", "nom_naissance": "Leroy", "date_naissance": None}),
])
def test_the_shorthand_of_regulation_notes(extractor, text, expected):
    found = process(extractor, text, [])
    assert {field: found.get(field) for field in expected} == expected


def test_the_surname_spelled_after_the_first_name_is_no_third_name(extractor):
    found = process(extractor, "madame roux isabelle r o u x née garnier", [])
    assert (found["nom"], found["prenom"], found["nom_naissance"]) == ("Roux", "Isabelle", "Garnier")


@pytest.mark.parametrize("text, classified, expected", [
    ("Tom Bouvier 06 76 52 31 08 Vesoul otite", "inform", "adresser_patient"),
    ("finalement il est dispo demain vers 9h", "adresser_patient", "inform"),
    ("elle voudrait une vidéo avant midi si c'est possible", "adresser_patient", "inform"),
])
def test_a_description_gives_several_details_an_answer_one_or_two(extractor, text, classified, expected):
    assert intent_after(extractor, text, classified, 0.6) == expected


@pytest.mark.parametrize("text, expected", [
    ("j'ai un patient à adresser en vidéo pour une conjonctivite", "inform"),
    ("Mme Roy Pauline 04/04/1989 angine", "adresser_patient"),
    ("je ne sais pas trop", "nlu_fallback"),
])
def test_after_a_fallback_what_the_message_carries_decides(extractor, text, expected):
    assert intent_after(extractor, text, "nlu_fallback", 0.35) == expected


@pytest.mark.parametrize("text, classified", [
    ("le praticien lit il le message tout de suite ?", "faq"), ("aide doctolib pour les praticiens du sas", "faq"),
    ("aide doctolib pour les praticiens du sas", "nlu_fallback"),
])
def test_words_read_as_names_do_not_turn_a_question_into_an_answer(extractor, text, classified):
    assert intent_after(extractor, text, classified, 0.5) == classified


@pytest.mark.parametrize("text, top, runner_up, expected", [
    ("le Dr Chauvin", "inform", "choisir_creneau", "choisir_creneau"),  # no detail to note: the pick DIET doubted
    ("le Dr Chauvin", "inform", "faq", "inform"),  # only a pick is taken from the runner-up
    ("Moreau", "inform", "choisir_creneau", "inform"),  # a detail read: the answer stands
    ("8h45 c'est parfait", "nlu_fallback", "choisir_creneau", "choisir_creneau"),  # an uncertain pick
    ("9h15 c'est ok", "nlu_fallback", "affirm", "choisir_creneau"),  # whatever came next
    ("10h c'est bien", "inform", "reservation_faite", "choisir_creneau"),  # an hour said, nothing else to note
    ("le troisième plutôt, après les cours", "inform", "faq", "choisir_creneau"),  # its rank first
    # dictated without its question mark, asked with "c'est quoi": the question DIET ranked next
    ("attendez c'est quoi déjà la différence entre un créneau sas et un rendez-vous classique", "adresser_patient", "faq",
     "faq"),
    # a question that gives no detail, its condition no complaint: the question DIET ranked next
    ("merci. s'il a un empêchement, il pourra annuler lui-même ou il doit rappeler le 15 ?", "inform", "faq", "faq"),
    ("Moreau ?", "inform", "faq", "inform"),  # a detail read: the answer, checked
    ("avec Moreno stp", "inform", "out_of_scope", "choisir_creneau"),  # a practitioner named after « avec »
    ("plutôt le deuxième, qu'ils ne soient pas à la même heure", "inform", "faq", "choisir_creneau"),
])
def test_details_without_any_detail_read_are_the_pick_ranked_next(extractor, text, top, runner_up, expected):
    ranking = [{"name": top, "confidence": 0.74}, {"name": runner_up, "confidence": 0.2}]
    message = Message(data={TEXT: text, ENTITIES: [], INTENT: ranking[0], INTENT_RANKING_KEY: ranking,
                            "metadata": {REFERENCE_TIME_KEY: NOW.isoformat()}})
    extractor.process([message])
    assert message.get(INTENT)["name"] == expected


@pytest.mark.parametrize("text, mistaken_for, expected", [
    # an answer introduced by grammar words is an answer, whatever DIET says
    ("le 12/03/1950", "choisir_creneau", "inform"),
    ("c'est Joaquim", "reservation_faite", "inform"),
    # words that may point at an offered slot keep the pick
    ("le 3 à 14h30", "choisir_creneau", "choisir_creneau"),
    ("celui de 14h30", "choisir_creneau", "choisir_creneau"),
    # a time said roughly is when the patient can come: a pick says its slot's time exactly
    ("non finalement plutôt jeudi autour de 9h", "choisir_creneau", "inform"),
    ("il préfère vendredi vers 17h", "choisir_creneau", "inform"),
    # a new delay approved is no yes to the summary
    ("bon finalement sous 4h svp, au cabinet c'est bon", "affirm", "inform"),
])
def test_an_answer_with_the_words_that_introduce_it(extractor, text, mistaken_for, expected):
    assert intent_after(extractor, text, mistaken_for, 0.8) == expected


@pytest.mark.parametrize("text, classified, expected", [
    ("on annule, il a une douleur thoracique, je passe la main au 15", "inform", "annuler"),
    ("Laissez tomber. Elle a de la fièvre mais sa fille l'emmène aux urgences", "adresser_patient", "annuler"),
    # said as a need, or taken by the classifier for a question because of what the reason names
    ("ah mince faut annuler, il vient d'etre pris en charge par le SMUR", "inform", "annuler"),
    ("finalement on annule, il a trouvé son médecin traitant", "faq", "annuler"),
    ("comment annuler un rdv ?", "faq", "faq"),
    # asked as a question, the order all the same; a question about cancelling stays one
    ("la patiente a rappelé, son médecin la voit cet après-midi. Vous pouvez annuler le RDV ?", "faq", "annuler"),
    ("pouvez-vous annuler ? il va aux urgences", "faq", "annuler"),
    ("peut-on annuler un rendez-vous pris par le SAS ?", "faq", "faq"),
    ("son kiné peut finalement le voir demain, on peut annuler le rdv svp ?", "faq", "annuler"),
    ("est-ce qu'on peut annuler un rendez-vous SAS ?", "faq", "faq"),
    # a cancel inside a description is no order to cancel this one
    ("Mme Roy annule son rdv de demain, fièvre, Lyon", "adresser_patient", "adresser_patient"),
    # dictated, the reason then the order, what is cancelled said with what is said of it
    ("ah attendez sa fille me dit que le médecin traitant la prend finalement cet après-midi euh il faut annuler le "
     "rendez-vous qu'on vient de prendre", "faq", "annuler"),
])
def test_an_order_to_cancel_said_first_wins_over_its_reason(extractor, text, classified, expected):
    assert intent_after(extractor, text, classified, 0.9) == expected


@pytest.mark.parametrize("text, classified, expected", [
    # a bound on the time is when the patient can come, not the time of an offered slot
    ("dispo seulement apres 16h demain", "choisir_creneau", "inform"), ("le 2 à 14h30", "choisir_creneau", "choisir_creneau"),
    # another mode, specialty or place said while the offer is shown: a new criterion, not a wider search
    ("elle peut plus se deplacer finalement -> VAD plutot", "elargir_rayon", "inform"),
    ("élargissez à 30 km", "elargir_rayon", "elargir_rayon"),
])
def test_a_new_criterion_said_beside_the_offer_is_a_detail(extractor, text, classified, expected):
    assert intent_after(extractor, text, classified, 0.5) == expected


@pytest.mark.parametrize("text, classified, expected", [
    ("patiente a adresser svp", "faq", "adresser_patient"), ("une patiente à orienter", "nlu_fallback", "adresser_patient"),
    ("quelles infos pour adresser une patiente ?", "faq", "faq"),
    ("MG pr pt diabetique, hypergly moderee sans signe de gravite, mardi matin svp", "faq", "adresser_patient"),
    ("Bonjour j'ai un petit garcon a faire voir par un pediatre, gene respiratoire legere, dans les 48h", "faq",
     "adresser_patient"),
    ("quels papiers pour un patient en EHPAD", "faq", "faq"),
    # a yes said first, a "un" read as a rank: the call announces someone to refer all the same
    ("oui bonjour euh je vous appelle pour une patiente", "adresser_patient", "adresser_patient"),
    ("bonsoir je vous appelle pour une patiente", "nlu_fallback", "adresser_patient"),
    ("le un", "nlu_fallback", "choisir_creneau"),
    # for a relative of the caller's
    ("bonjour je vous appelle pour ma mère", "nlu_fallback", "adresser_patient"),
    ("je vous appelle pour ma mère, est-ce que le rdv sera remboursé ?", "faq", "faq"),
])
def test_a_patient_announced_opens_a_referral(extractor, text, classified, expected):
    assert intent_after(extractor, text, classified, 0.8) == expected


@pytest.mark.parametrize("text, classified, expected", [
    ("ok maintenant le mari", "affirm", "adresser_patient"), ("ensuite sa fille", "inform", "adresser_patient"),
    ("maintenant le 2", "choisir_creneau", "choisir_creneau"),  # no one announced
])
def test_someone_announced_next_opens_a_referral(extractor, text, classified, expected):
    assert intent_after(extractor, text, classified, 0.8) == expected


@pytest.mark.parametrize("text, classified, expected", [
    ("la patiente me dit qu'elle est chez sa sœur à Aix-en-Provence en ce moment", "faq", "inform"),
    ("il prefere finalement une visite a domicile, il peut pas conduire", "faq", "inform"),
    ("comment il fait pour avoir une visite à domicile", "faq", "faq"),  # a question
    ("trouve moi un hotel a lyon", "out_of_scope", "out_of_scope"),  # nothing said of a patient
])
def test_where_or_how_the_patient_is_to_be_seen_is_no_question_about_sas(extractor, text, classified, expected):
    assert intent_after(extractor, text, classified, 0.8) == expected


@pytest.mark.parametrize("text, expected", [("go", None), ("ok go", None), ("Go", "Go")])
def test_a_short_yes_in_small_letters_names_no_one(extractor, text, expected):
    assert process(extractor, text, []).get("nom") == expected


@pytest.mark.parametrize("text", ["Oui, parfait.", "Excellent, merci", "Super.", "Oui, génial",
                                  "oui, j'ai tout noté de mon côté, confirmez"])
def test_an_approval_at_the_summary_is_a_yes_with_no_name_nor_complaint(extractor, text):
    assert process(extractor, text, []) == {}
    assert intent_after(extractor, text, "inform", 0.6) == "affirm"


@pytest.mark.parametrize("text", ["ah stop on annule, il est parti aux urgences", "bon finalement on annule, merci",
                                  # dictated, no punctuation: the words opening a clause split it
                                  "il a eu une place chez son kiné ce matin du coup on annule",
                                  "sa fille l'emmène aux urgences donc annulez c'est plus la peine",
                                  "elle fait un malaise on la passe au samu il faut annuler le rdv"])
def test_an_order_to_cancel_after_an_interjection(text):
    assert says_to_cancel(text)


@pytest.mark.parametrize("text", ["12/03/90", "06 12 34 56 78", "ah", ""])
def test_an_answer_without_a_clause_orders_nothing(text):
    assert not says_to_cancel(text)


@pytest.mark.parametrize("text, expected", [
    # why first, then the order, with what is cancelled and a courtesy
    ("ah finalement il me dit qu'il a rdv chez son medecin traitant demain, vous pouvez annuler le rdv svp", True),
    ("attendez le pt me dit que ca serre plus fort, je le passe au 15, on annule", True),
    ("pouvez-vous annuler la demande s'il vous plaît", True),
    # dictated: the imperative opens its clause
    ("ah mince il me rappelle il est finalement hospitalisé ce soir annulez le rendez-vous s'il vous plaît", True),
    # the patient's decision, reported after why
    ("ah mince il vient de rappeler il annule il a finalement eu son médecin traitant", True),
    ("il annule son voyage, toux depuis hier", False),
    # that she called back opens the message: what she decided comes next, why after
    ("ah mince elle vient de rappeler, elle annule le rdv, son médecin traitant peut la prendre finalement", True),
    ("elle rappelle, elle a de la fièvre depuis hier, Lyon", False),
    # called back to me, why, the order as a question, then the cancellation confirmed before it is asked
    ("Ah, il vient de me rappeler, son médecin traitant peut finalement le voir. Vous pouvez annuler ce rendez-vous "
     "svp ? Oui, je confirme l'annulation.", True),
    # no order: a negation, a middle clause, a question
    ("il ne faut pas annuler, toux", False), ("on annule pas, toux", False),
    ("toux, on annule, fièvre", False), ("comment annuler un rdv", False),
    # dictated, why then the order with its modal
    ("ah attendez la patiente me dit qu'elle a eu son médecin traitant finalement euh on peut annuler le rendez-vous "
     "s'il vous plaît", True),
    ("il faudrait annuler le rdv, elle ira aux urgences", True), ("on pourrait annuler ?", True),
    # the booking pointed at: "celui-ci", "-le"
    ("zut, doublon : sa fille lui a déjà trouvé un créneau. Annulez celui-ci svp", True), ("annulez-le svp", True),
    # the order, then that it is sure
    ("Ah mince, il vient de rappeler, son médecin traitant peut le prendre finalement. Annulez le rendez-vous svp, "
     "c'est sûr.", True),
    ("il est sûr de lui, toux", False),
])
def test_an_order_to_cancel_after_its_reason(text, expected):
    assert says_to_cancel(text) == expected


@pytest.mark.parametrize("text, classified, expected", [
    # an interjection before the no: the answer all the same, the corrections come when asked
    ("ah non attendez il y a une erreur sur le nom", "inform", "deny"),
    ("oh oui c'est parfait", "inform", "affirm"),
    # a slot asked for someone: a referral opens, no question about SAS
    ("besoin d'un creneau pr une pte sur creteil", "faq", "inform"),
    ("comment avoir un créneau pour un patient ?", "faq", "faq"),
    ("infos obligatoires pour reserver un rdv pour un patient", "faq", "faq"),  # a question all the same
])
def test_interjections_and_slots_asked_for_someone(extractor, text, classified, expected):
    assert intent_after(extractor, text, classified, 0.8) == expected


@pytest.mark.parametrize("text, classified, expected", [
    # a correction naming the detail it gives: about the patient, whatever the classifier read
    ("non attendez il y a une erreur sur le prénom c'est Maëva pas Maëlle j'ai mal lu mes notes", "faq", "inform"),
])
def test_a_correction_naming_its_detail_is_no_question(extractor, text, classified, expected):
    assert intent_after(extractor, text, classified, 0.8) == expected


@pytest.mark.parametrize("text, expected", [("9h40 c bien", "choisir_creneau"), ("14h10 ok pour moi", "choisir_creneau"),
                                            ("les créneaux de 8h remontent sur la plateforme ?", "faq")])
def test_a_time_said_alone_is_a_pick_not_a_question(extractor, text, expected):
    assert intent_after(extractor, text, "faq", 0.8) == expected


def test_a_question_texted_about_the_fee_is_a_question_and_names_no_one(extractor):
    """"c koi le tarif" was read "c'est Koi Le Tarif", the patient renamed so, and the referral started over."""
    text = "au fait le patient demande si il aura un depassement, c koi le tarif pr un rdv SAS ?"
    message = Message(data={TEXT: text, ENTITIES: [], "metadata": {REFERENCE_TIME_KEY: NOW.isoformat()},
                            INTENT: {"name": "adresser_patient", "confidence": 0.9},
                            INTENT_RANKING_KEY: [{"name": "adresser_patient", "confidence": 0.9},
                                                   {"name": "faq", "confidence": 0.1}]})
    extractor.process([message])
    assert message.get(INTENT)["name"] == "faq"
    assert message.get(ENTITIES) == []


@pytest.mark.parametrize("text, mistaken_for, expected", [
    # a referral announced, however the classifier read it: the form then asks its first question
    ("oui bonjour euh j'ai un patient à vous passer", "affirm", "adresser_patient"),
    ("euh oui bonjour j'ai un patient pour vous", "affirm", "adresser_patient"),
    ("j'ai une dame à vous adresser", "greet", "adresser_patient"),
    # another patient: the one in progress is forgotten first
    ("j'ai un autre patient pour vous", "nouveau_patient", "nouveau_patient"),
    # a no that says what is wrong is a correction; a no, then an order to cancel, a cancel
    ("non erreur sur la ddn c 08/12/1948 pas 49", "deny", "inform"),
    ("ah non attendez elle me dit qu'elle vient de vomir et qu'elle préfère aller aux urgences finalement on annule",
     "deny", "annuler"),
    # a question said on the patient's behalf, dictated with no question mark
    ("attendez avant il me demande s'il va recevoir un sms de confirmation ou si c'est moi qui dois le rappeler",
     "inform", "faq"),
    ("la patiente demande si un médecin peut passer demain", "inform", "inform"),  # a wish, with a time
])
def test_what_a_dictated_or_texted_opening_or_answer_means(extractor, text, mistaken_for, expected):
    assert intent_after(extractor, text, mistaken_for, 0.6) == expected


@pytest.mark.parametrize("text, mistaken_for", [("alors il s'appelle Gaëtan", "goodbye"),
                                                 ("bonjour, il s'appelle Paul Durand", "nlu_fallback")])
def test_a_name_given_with_a_naming_verb_is_an_answer(extractor, text, mistaken_for):
    assert intent_after(extractor, text, mistaken_for, 0.5) == "inform"


@pytest.mark.parametrize("text, mistaken_for, expected", [
    ("j'ai qqn a vous adresser", "faq", "adresser_patient"),
    ("NDN LE GUEN", "choisir_creneau", "inform"),  # "le Guen" looks like "le 2"
    ("en fait la pte est a Nogent-le-Rotrou, pas a Dreux", "faq", "inform"),
])
def test_notes_shorthand_is_read_as_the_patient(extractor, text, mistaken_for, expected):
    assert intent_after(extractor, text, mistaken_for, 0.6) == expected


@pytest.mark.parametrize("text, expected", [
    ("Dr Georges de 8h45 c'est bien, il le connaît", "choisir_creneau"),  # a doctor and a time approved
    ("est-ce que le rdv de 14h est remboursé", "faq"),  # a word that asks: still a question
])
def test_a_pick_approved_at_length_is_no_question(extractor, text, expected):
    assert intent_after(extractor, text, "faq", 0.6) == expected


@pytest.mark.parametrize("text, expected", [
    ("la 3eme creneau merci", "choisir_creneau"), ("1er choix", "choisir_creneau"),  # a rank, no question
    ("le premier creneau c'est quoi comme motif", "faq"),  # a word that asks: still a question
])
def test_a_slot_pointed_at_by_its_rank_is_no_question(extractor, text, expected):
    assert intent_after(extractor, text, "faq", 0.6) == expected


@pytest.mark.parametrize("text", ["sous 5h max svp", "dans les 6h maximum merci"])
def test_a_delay_said_politely_is_an_answer_not_a_question(extractor, text):
    assert intent_after(extractor, text, "faq", 0.6) == "inform"


@pytest.mark.parametrize("text", ["finalement c'est urgent, d'ici 4h", "il faudrait que ce soit vu dans les trois heures"])
def test_how_soon_said_without_a_question_is_an_answer(extractor, text):
    assert intent_after(extractor, text, "faq", 0.6) == "inform"


def test_how_soon_asked_stays_a_question(extractor):
    assert intent_after(extractor, "comment avoir un rdv sous 48h ?", "faq", 0.8) == "faq"


def test_a_delay_is_no_pick_of_a_slot(extractor):
    assert intent_after(extractor, "au plus tard sous 3h svp", "choisir_creneau", 0.6) == "inform"


def test_how_soon_said_of_the_patient_at_length_is_an_answer(extractor):
    # a statement of how soon, said of him or her, however long: no question about SAS
    text = "bon finalement c'est plus urgent que prévu, il faudrait qu'elle soit vue dans les trois heures"
    assert intent_after(extractor, text, "faq", 0.6) == "inform"


@pytest.mark.parametrize("text, expected", [
    ("attendez il est rentré chez lui, il est à Roanne pas à Feurs, vous pouvez chercher par là-bas ?", "inform"),
    ("elle est à Nantes, pouvez-vous lui trouver une visite à domicile ?", "inform"),
    ("est-ce que vous pouvez chercher à Angers", "inform"),
    ("la patiente est à Lyon, est-ce que ses créneaux remontent sur la plateforme ?", "faq"),  # a question all the same
])
def test_a_request_to_search_for_the_patient_is_no_question_about_sas(extractor, text, expected):
    assert intent_after(extractor, text, "faq", 0.7) == expected


@pytest.mark.parametrize("text, cancels", [
    ("ah attendez il me dit que ça saigne encore et qu'il a de la fièvre on arrête on l'envoie aux urgences", True),
    ("stop on arrête tout, elle rappelle : son médecin la prend ce soir", True),
    ("on arrête le doliprane il a mal au ventre", False),
    ("elle a arrêté son traitement, elle a de la fièvre", False),
    # for whom or for when the order holds, said after it
    ("ah attendez il me dit que son médecin traitant vient de le rappeler et qu'il le prend cet après-midi donc on "
     "laisse tomber on annule pour lui", True),
    ("ah attendez, elle me dit que le médecin traitant vient de la rappeler, il le prend à 16h. On laisse tomber pour "
     "aujourd'hui, merci", True),
    ("on laisse tomber pour la visio, plutôt au cabinet", False),
    ("ah mince attendez il me dit qu'il peut pas y aller finalement il travaille euh faut annuler le rendez-vous désolé",
     True),  # excused at the end of the order
])
def test_an_order_to_stop_dictated_mid_sentence_or_with_everything(text, cancels):
    assert says_to_cancel(text) is cancels


def test_a_question_dictated_with_est_ce_que_and_no_question_mark_is_one(extractor):
    message = Message(data={TEXT: "attendez avant ça est-ce que le médecin est prévenu quand on lui pose un rendez-vous",
                            ENTITIES: [], INTENT: {"name": "adresser_patient", "confidence": 0.5},
                            INTENT_RANKING_KEY: [{"name": "adresser_patient", "confidence": 0.5},
                                                 {"name": "faq", "confidence": 0.4}],
                            "metadata": {REFERENCE_TIME_KEY: NOW.isoformat()}})
    extractor.process([message])
    assert message.get(INTENT)["name"] == "faq"


@pytest.mark.parametrize("text, mistaken_for, expected", [
    # a complaint and where or how to see the patient, stated: a referral, whatever trade the caller names
    ("aide-soignante du SSIAD pour Mme Rose Perrin 90a, vit seule a Millau, toux grasse depuis 4 j -> VAD svp", "faq",
     "adresser_patient"),
    ("je suis infirmière libérale à Millau, comment participer au SAS", "faq", "faq"),  # a question, no complaint
    # a yes no one bears as a name, typed with its capital
    ("Confirmé", "inform", "affirm"),
    # the order to cancel, then its confirmation said as it is spoken
    ("le fils rappelle, il l'a emmené aux urgences. vous pouvez annuler svp, oui j'confirme", "faq", "annuler"),
    ("elle a trouvé un médecin ce matin, merci d'annuler, annulation confirmée", "faq", "annuler"),
])
def test_what_a_statement_a_capital_yes_or_a_confirmed_order_means(extractor, text, mistaken_for, expected):
    assert intent_after(extractor, text, mistaken_for, 0.6) == expected


@pytest.mark.parametrize("text, mistaken_for, expected", [
    # an order to book with nothing else but words that add nothing: a yes to the summary, no question about SAS
    ("voilà, maintenant c'est bon, vous pouvez réserver", "faq", "affirm"),
    ("vous pouvez confirmer", "nlu_fallback", "affirm"),
    ("vous pouvez réserver mais pas avant 14h", "faq", "faq"),  # more than an order
])
def test_an_order_to_book_alone_is_a_yes(extractor, text, mistaken_for, expected):
    assert intent_after(extractor, text, mistaken_for, 0.6) == expected


def test_a_name_answered_then_whose_it_also_is_is_no_question(extractor):
    assert intent_after(extractor, "Garnier-Roux, comme son papa", "faq", 0.6) == "inform"


def test_stop_no_appointment_is_an_order_to_cancel():
    assert says_to_cancel("stop pas de rdv, pt rappelle dlr thoracique -> smur engage")
    assert not says_to_cancel("pas de rdv chez son MT, toux, Lyon")


@pytest.mark.parametrize("text, cancels", [
    ("il a pu voir son médecin finalement, on annule le rdv svp, désolée", True),  # the order, then an apology
    ("le voisin l'a emmené à la pharmacie, annulez, désolé pour le dérangement", True),
    ("désolé, on peut décaler le rdv ?", False),  # an apology before a question: no order to cancel
])
def test_an_order_to_cancel_then_an_apology(text, cancels):
    assert says_to_cancel(text) is cancels


@pytest.mark.parametrize("text", ["Son médecin la voit finalement ce midi. Annulez la téléconsultation svp.",
                                  "il est hospitalisé, annulez la visite svp"])
def test_an_order_to_cancel_the_consultation_by_its_kind(text):
    assert says_to_cancel(text)


@pytest.mark.parametrize("text, expected", [
    ("ok on garde celui-là", "choisir_creneau"),  # read like « on oublie celui-ci »: nothing says another patient
    ("on passe au patient suivant", "nouveau_patient"), ("j'ai une autre patiente", "nouveau_patient"),
])
def test_what_is_given_is_forgotten_only_when_another_patient_is_said(extractor, text, expected):
    assert intent_after(extractor, text, "nouveau_patient", 0.7) == expected


def test_a_town_and_its_quarter_answered_is_an_answer_not_a_question(extractor):
    text = "Bastia, quartier de Lupino"
    message = Message(data={TEXT: text, ENTITIES: [], INTENT: {"name": "faq", "confidence": 0.6},
                            "metadata": {REFERENCE_TIME_KEY: NOW.isoformat()}})
    extractor.process([message])
    assert message.get(INTENT)["name"] == "inform"


@pytest.mark.parametrize("text, civility", [
    # the words said of the patient imply the civility: "née", the relative they are, the person they are
    ("Dupont Marie née le 12/03/1950, fièvre", "Madame"),
    ("ETCHEVERRY Jean-Michel, né à Ajaccio le 30 octobre 1962, domicilié à Bayonne, goutte", "Monsieur"),
    ("j'ai le fils au tél pour sa mère : BENALI Fatima, 76 ans, lombalgie", "Madame"),
    ("j'ai en ligne Mme Sophie Muller pour son fils Noah Schneider, 7 ans, otalgie", "Monsieur"),  # hers is the caller's
    ("une dame de 80 ans, Jeanne Roux, chute hier", "Madame"),
    # the civility said wins; nothing implied without names, nor against a well-known first name
    ("M. Camille Roux né le 3 mars 1950, toux", None),
    ("une dame de 80 ans, chute hier, Nantes", None),
    ("Dupont Marie né le 12/03/1950, fièvre", None),
])
def test_the_civility_implied_fills_in_for_the_one_not_said(extractor, text, civility):
    assert process(extractor, text, []).get("genre") == civility


@pytest.mark.parametrize("text, classified, expected", [
    # the order in the middle, what the patient will do after it; the booking cancelled, elided
    ("ah mince il me dit qu'il travaille à cette heure-là et ne peut pas partir, vous pouvez annuler le rdv svp ? il "
     "rappellera", "faq", "annuler"),
    ("Attendez, la patiente vient de rappeler, son MT a finalement une place cet aprèm. On annule l'adressage, merci.",
     "inform", "annuler"),
    ("il rappellera demain, toux", "inform", "inform"),
    ("Mince, il me rappelle qu'il a un empêchement demain matin, vous pouvez annuler le rdv svp ? Je le recontacterai",
     "faq", "annuler"),
    # a mode preferred for the patient, asked as a question: a new criterion, not a question about SAS
    ("attendez elle me dit qu'elle peut pas bouger du boulot, en visio plutôt c possible ?", "faq", "inform"),
    ("est-ce que les patients peuvent consulter en visio plutôt qu'au cabinet ?", "faq", "faq"),
    # asked on the patient's behalf about SAS, no other slots asked for
    ("elle demande si le médecin verra son message tout de suite ?", "autres_creneaux", "faq"),
    ("elle demande s'il y a d'autres créneaux ?", "autres_creneaux", "autres_creneaux"),
    ("Ah zut, il vient de me dire qu'il a un entretien demain matin, il pourra pas y aller. Vous pouvez annuler le rdv "
     "svp ? Je le rappellerai plus tard.", "faq", "annuler"),
    # the patient presented with a civility, no question: whatever the classifier read
    ("allo oui c'est pour madame Payet P A Y E T", "faq", "inform"),
    ("madame Payet demande si c'est payant ?", "faq", "faq"),
    # a typed message read as an upload carries the patient's details
    ("ddn 7/9/79 tel 0745128963", "joindre_piece", "inform"),
    # the order between why and the thanks that close it
    ("ah attendez, elle me dit que son frère vient d'avoir le médecin traitant qui passe la voir ce soir, on laisse "
     "tomber, merci et désolée", "inform", "annuler"),
    ("attends stop, le neveu me dit que son médecin traitant vient de le rappeler, il le voit cet aprem. On annule "
     "l'orientation", "faq", "annuler"),
    # the order, however polite its modal, and whatever time of someone else's appointment read as a pick
    ("ah attendez, le papa me dit que le médecin traitant vient de le rappeler, il le prend à 17h. On peut laisser "
     "tomber, merci", "choisir_creneau", "annuler"),
    ("ah attendez, le papa me dit que le médecin traitant vient de le rappeler, il le prend à 17h. On peut laisser "
     "tomber, merci", "faq", "annuler"),
    ("vous pouvez oublier, sa fille l'emmène chez son médecin", "inform", "annuler"),
    # a question on the patient's behalf about the mode, its only detail: about SAS; asking for it is a wish
    ("il me demande si la téléconsultation est remboursée comme une consultation normale", "inform", "faq"),
    ("la voisine demande si la visite à domicile est bien prise en charge", "adresser_patient", "faq"),
    ("elle demande si c'est possible en visio plutôt", "inform", "inform"),
    # a statement opening with the complaint describes the patient, whatever words of the FAQ follow it
    ("lumbago depuis 2j, bloqué, doliprane sans effet", "faq", "inform"),
    ("entorse cheville g hier au foot en salle, appui difficile, oedeme, veut voir un med pr savoir si radio", "faq",
     "inform"),
    ("rhume, est-ce que le SAS prend ça", "faq", "faq"),
    # a mode preferred, asked for with a question mark
    ("ah elle me dit qu'elle prefere en video finalement, t'as ca ?", "faq", "inform"),
    # whether there are any in a mode: a search for them
    ("la fille me précise qu'elle ne peut pas se déplacer seule. Il y aurait des visites à domicile ?", "faq", "inform"),
    ("vous avez des visites à domicile ?", "faq", "inform"),
    ("la téléconsultation est-elle remboursée ?", "faq", "faq"),
])
def test_orders_and_patients_among_other_words(extractor, text, classified, expected):
    assert intent_after(extractor, text, classified, 0.9) == expected
