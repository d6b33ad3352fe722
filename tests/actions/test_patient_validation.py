import pytest

from actions.patient_validation import ValidatePatientSlots, ValidateReferralForm
from tests.actions.conftest import DOMAIN, NOW, make_tracker, responses, slot_events


def form():
    validator = ValidateReferralForm()
    validator.clock = lambda: NOW
    return validator


def user_turn(slot: str, value, before) -> list:
    """Events where `slot` was `before`, then a user message set it to `value`."""
    return [{"event": "slot", "name": slot, "value": before}, {"event": "user", "text": "..."},
            {"event": "slot", "name": slot, "value": value}]


def test_phone_is_kept_as_e164(dispatcher):
    assert form().validate_telephone("06 45 37 26 53", dispatcher, make_tracker(), DOMAIN) == {"telephone": "+33645372653"}
    assert form().validate_telephone("+44 20 7946 0958", dispatcher, make_tracker(), DOMAIN) == {
        "telephone": "+442079460958"}


def test_invalid_phone_is_refused_in_french_and_counted(dispatcher):
    result = form().validate_telephone("06 45 37", dispatcher, make_tracker(), DOMAIN)
    assert result == {"telephone": None, "refus": {"telephone": 1}}
    assert responses(dispatcher) == ["utter_invalid_telephone"]


@pytest.mark.parametrize("said", ["07 28 41 63 15", "zéro sept vingt-huit quarante et un soixante-trois quinze"])
def test_ten_digits_no_line_bears_are_said_back_with_why(dispatcher, said):
    tracker = make_tracker({"requested_slot": "telephone"}, text=said)
    assert form()._extract_requested("telephone", dispatcher, tracker)["telephone"] is None
    assert responses(dispatcher) == ["utter_invalid_telephone_non_attribue"]
    assert dispatcher.messages[0]["numero"] == "07 28 41 63 15"


def test_third_refusal_of_a_mandatory_field_offers_to_cancel(dispatcher):
    tracker = make_tracker({"refus": {"telephone": 2}})
    result = form().validate_telephone("12", dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_invalid_telephone", "utter_trop_de_refus"]
    assert result["refus"] == {"telephone": 0}


def test_third_refusal_of_an_optional_field_offers_to_skip_it(dispatcher):
    tracker = make_tracker({"refus": {"email": 2}})
    ValidatePatientSlots().validate_email("marie@@", dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_invalid_email", "utter_trop_de_refus_facultatif"]


def test_birth_date_in_the_future_or_too_old_is_refused(dispatcher):
    assert form().validate_date_naissance("2030-01-01", dispatcher, make_tracker(), DOMAIN)["date_naissance"] is None
    assert form().validate_date_naissance("1890-01-01", dispatcher, make_tracker(), DOMAIN)["date_naissance"] is None
    assert responses(dispatcher) == ["utter_invalid_date_naissance_futur", "utter_invalid_date_naissance_age"]
    assert form().validate_date_naissance("1952-11-21", dispatcher, make_tracker(), DOMAIN) == {
        "date_naissance": "1952-11-21"}


@pytest.mark.parametrize("part, known, merged, missing", [
    ("--03-12", "1952-11-21", "1952-03-12", "utter_invalid_date_naissance_annee"),  # the day and month said again
    ("1968", "1986-03-12", "1968-03-12", "utter_invalid_date_naissance_jour"),  # the year said alone
])
def test_a_part_of_the_date_takes_the_rest_from_the_known_one(dispatcher, part, known, merged, missing):
    tracker = make_tracker({"date_naissance": part}, events=user_turn("date_naissance", part, known))
    assert form().validate_date_naissance(part, dispatcher, tracker, DOMAIN) == {"date_naissance": merged}
    alone = make_tracker({"date_naissance": part})
    assert form().validate_date_naissance(part, dispatcher, alone, DOMAIN)["date_naissance"] is None
    assert responses(dispatcher) == [missing]


def test_names_accept_accents_hyphens_apostrophes_and_refuse_digits(dispatcher):
    assert form().validate_nom("Le Gall-D'Arc", dispatcher, make_tracker(), DOMAIN) == {"nom": "Le Gall-D'Arc"}
    assert form().validate_prenom("Aïcha", dispatcher, make_tracker(), DOMAIN) == {"prenom": "Aïcha"}
    assert form().validate_prenom("M4rie", dispatcher, make_tracker(), DOMAIN)["prenom"] is None


def test_bare_answer_to_the_phone_question(dispatcher):
    tracker = make_tracker({"requested_slot": "telephone"}, text="zéro six quarante-cinq trente-sept vingt-six cinquante-trois")
    assert form()._extract_requested("telephone", dispatcher, tracker) == {"telephone": "+33645372653"}


def test_bare_answer_is_read_only_for_the_requested_field(dispatcher):
    tracker = make_tracker({"requested_slot": "nom"}, text="06 45 37 26 53")
    assert form()._extract_requested("telephone", dispatcher, tracker) == {}


def test_identique_copies_the_usage_name(dispatcher):
    tracker = make_tracker({"requested_slot": "nom_naissance", "nom": "Durand"}, text="identique", intent="affirm")
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {"nom_naissance": "Durand"}


@pytest.mark.parametrize("said, nom, kept", [
    ("Garcia c'est son seul nom", "Garcia", "Garcia"), ("Dubois aussi", "Dubois", "Dubois"),
    ("Rousseau comme la maman", "Rousseau", "Rousseau"), ("dubois, le même", "Dubois", "Dubois"),
    ("c'est Diallo aussi elle est pas mariée", "Diallo", "Diallo"), ("euh Moreau aussi elle est pas mariée", "Moreau", "Moreau"),
    ("Nguyen, pas d'autre nom", "Nguyen", "Nguyen"), ("elle n'a pas d'autre nom", "Nguyen", "Nguyen"),
    ("Dubois Martin", "Dubois", "Dubois Martin"), ("Martin", "Dubois", "Martin"),  # a double name, another name
])
def test_the_usage_name_said_again_with_a_word_on_it_is_the_birth_name(dispatcher, said, nom, kept):
    tracker = make_tracker({"requested_slot": "nom_naissance", "nom": nom}, text=said)
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {"nom_naissance": kept}
    assert form().validate_nom_naissance(said, dispatcher, tracker, DOMAIN) == {"nom_naissance": kept}


def test_the_usage_name_said_again_read_as_names_by_the_nlu_gives_them_back(dispatcher):
    events = [{"event": "slot", "name": "prenom", "value": "Jean-Marc"}, {"event": "slot", "name": "nom", "value": "Céleste"},
              {"event": "user", "text": "Céleste pareil"}, {"event": "slot", "name": "prenom", "value": "Céleste"},
              {"event": "slot", "name": "nom", "value": "Pareil"}]
    entities = [{"entity": "prenom", "value": "Céleste", "start": 0, "end": 7},
                {"entity": "nom", "value": "Pareil", "start": 8, "end": 14}]
    tracker = make_tracker({"requested_slot": "nom_naissance", "prenom": "Céleste", "nom": "Pareil"},
                           text="Céleste pareil", entities=entities, events=events)
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {
        "nom_naissance": "Céleste", "prenom": "Jean-Marc", "nom": "Céleste"}


def test_the_usage_name_said_again_read_as_a_commune_leaves_the_place_as_it_was(dispatcher):
    """"Baron" is a commune of the Gironde: the search went there for a patient in Cergy, never asked."""
    events = user_turn("localisation", "Baron", None)
    entities = [{"entity": "localisation", "value": "Baron", "start": 0, "end": 5}]
    tracker = make_tracker({"requested_slot": "nom_naissance", "nom": "Baron", "localisation": "Baron"},
                           text="Baron", entities=entities, events=events)
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {
        "nom_naissance": "Baron", "localisation": None}


def test_a_place_said_with_its_cue_to_the_first_name_question_is_the_place_not_the_name(dispatcher):
    """"elle est a Mauriac dans le cantal" answered to "Quel est le prénom ?": the place is kept, the first name is
    asked again (it was booked as the first name "Mauriac dans le cantal")."""
    text = "elle est a Mauriac dans le cantal"
    entities = [{"entity": "localisation", "value": "Mauriac dans le cantal", "start": 11, "end": 33}]
    tracker = make_tracker({"requested_slot": "prenom", "localisation": "Mauriac dans le cantal"}, text=text,
                           entities=entities, events=user_turn("localisation", "Mauriac dans le cantal", None))
    assert form()._extract_requested("prenom", dispatcher, tracker) == {}


@pytest.mark.parametrize("text, field, value, start", [
    ("elle est à Villeurbanne euh non non Lyon septième pardon Lyon", "localisation", "Lyon", 57),  # taken back, said again
    ("prénom Agnieszka A G N I E S Z K A", "prenom", "Agnieszka", 7),  # after its label
])
def test_a_detail_meant_as_its_field_to_the_birth_name_question_is_no_birth_name(dispatcher, text, field, value, start):
    entities = [{"entity": field, "value": value, "start": start, "end": len(text)}]
    tracker = make_tracker({"requested_slot": "nom_naissance", "nom": "Kowalczyk", field: value}, text=text,
                           entities=entities, events=user_turn(field, value, None))
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {}


def test_a_phone_said_with_its_label_to_the_place_question_is_the_phone_not_a_place(dispatcher):
    """"attendez le tel c'est 06 12 40 87 34" answered to "Où se trouve le patient ?": the phone is corrected, the
    place asked again (it answered « Lieu inconnu : « attendez le tel c'est … » »)."""
    text = "attendez le tel c'est 06 12 40 87 34"
    entities = [{"entity": "telephone", "value": "+33612408734", "start": 22, "end": 36}]
    tracker = make_tracker({"requested_slot": "localisation", "telephone": "+33612408734"}, text=text,
                           entities=entities, events=user_turn("telephone", "+33612408734", "+33612408733"))
    assert form()._extract_requested("localisation", dispatcher, tracker) == {}


def test_a_short_sentence_placing_the_patient_is_no_first_name(dispatcher):
    text = "il est a vesoul"  # the place read is less than half the message
    entities = [{"entity": "localisation", "value": "vesoul", "start": 9, "end": 15}]
    tracker = make_tracker({"requested_slot": "prenom", "localisation": "vesoul"}, text=text, entities=entities,
                           events=user_turn("localisation", "vesoul", None))
    assert form()._extract_requested("prenom", dispatcher, tracker) == {}


def test_a_first_name_taken_back_and_read_as_a_surname_is_the_first_name(dispatcher):
    """"Bernard euh non Bertrand" to the first-name question: Bertrand, asked again forever before."""
    text = "Bernard euh non Bertrand"
    entities = [{"entity": "nom", "value": "Bertrand", "start": 16, "end": 24}]
    tracker = make_tracker({"requested_slot": "prenom", "nom": "Bertrand"}, text=text, entities=entities,
                           events=user_turn("nom", "Bertrand", None))
    assert form()._extract_requested("prenom", dispatcher, tracker) == {"prenom": "Bertrand", "nom": None}


def test_the_one_name_said_in_a_sentence_answers_the_name_asked(dispatcher):
    """"le petit s'appelle Noé N O E" to the first-name question, Noé read as a surname: the first name was the whole
    sentence, and the surname Noé was never asked."""
    text = "le petit s'appelle Noé N O E"
    entities = [{"entity": "nom", "value": "Noé NOE", "start": 19, "end": 28}]
    tracker = make_tracker({"requested_slot": "prenom", "nom": "Noé NOE"}, text=text, entities=entities,
                           events=user_turn("nom", "Noé NOE", None))
    assert form()._extract_requested("prenom", dispatcher, tracker) == {"prenom": "Noé", "nom": None}


def test_a_name_misread_as_another_field_goes_to_the_requested_one(dispatcher):
    events = user_turn("prenom", "Durand", "Marie")
    entities = [{"entity": "prenom", "value": "Durand", "start": 0, "end": 6}]
    tracker = make_tracker({"requested_slot": "nom", "prenom": "Durand"}, text="Durand", entities=entities, events=events)
    assert form()._extract_requested("nom", dispatcher, tracker) == {"nom": "Durand", "prenom": "Marie"}


def test_the_name_said_kept_is_the_birth_name_and_its_words_are_no_complaint(dispatcher):
    text = "elle a gardé son nom, Zébina"
    events = user_turn("symptomes", "Zébina", "nez bouché")
    entities = [{"entity": "symptomes", "value": "Zébina", "start": 22, "end": 28}]
    tracker = make_tracker({"requested_slot": "nom_naissance", "nom": "Zébina", "symptomes": "Zébina"}, text=text,
                           entities=entities, events=events)
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {
        "nom_naissance": "Zébina", "symptomes": "nez bouché"}


def test_a_complaint_answered_to_the_birth_name_question_is_no_name(dispatcher):
    """The whole complaint became the birth name, booked so."""
    text = "euh elle tousse depuis une semaine avec de la fièvre et là elle est un peu essoufflée"
    complaint = "tousse depuis une semaine avec de la fièvre et là elle est un peu essoufflée"
    events = user_turn("symptomes", complaint, None)
    entities = [{"entity": "symptomes", "value": complaint, "start": 9, "end": 85}]
    tracker = make_tracker({"requested_slot": "nom_naissance", "nom": "Schmitt", "symptomes": complaint}, text=text,
                           entities=entities, events=events)
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {}  # the complaint kept, asked again


def test_a_name_spelled_with_a_remark_on_its_accent_misread_as_a_commune_is_the_name(dispatcher):
    """Guérin is a commune of the Lot-et-Garonne: read as where the patient is, the name was asked four times."""
    text = "Guérin, G U E R I N, avec un accent aigu sur le E"
    events = user_turn("localisation", "Guérin", None)
    entities = [{"entity": "localisation", "value": "Guérin", "start": 0, "end": 6}]
    tracker = make_tracker({"requested_slot": "nom", "localisation": "Guérin"}, text=text, entities=entities,
                           events=events)
    assert form()._extract_requested("nom", dispatcher, tracker) == {"nom": "Guérin", "localisation": None}


def test_an_unreadable_bare_answer_is_refused(dispatcher):
    tracker = make_tracker({"requested_slot": "date_naissance"}, text="je sais pas trop")
    assert form()._extract_requested("date_naissance", dispatcher, tracker)["date_naissance"] is None
    assert responses(dispatcher) == ["utter_invalid_date_naissance"]


@pytest.mark.parametrize("asked, said", [("prenom", "même nom"), ("nom", "pareil"),
                                          ("nom", "trente-trois quarante-quatre cinquante-cinq")])
def test_a_same_name_answer_or_a_number_in_words_is_no_first_name_nor_name(dispatcher, asked, said):
    tracker = make_tracker({"requested_slot": asked}, text=said)
    assert form()._extract_requested(asked, dispatcher, tracker)[asked] is None


def test_a_question_in_the_middle_of_the_form_is_not_an_answer(dispatcher):
    tracker = make_tracker({"requested_slot": "telephone"}, text="comment je crée mon compte ?", intent="faq")
    assert form()._extract_requested("telephone", dispatcher, tracker) == {}
    assert dispatcher.messages == []


def test_other_details_given_instead_are_not_refused(dispatcher):
    entities = [{"entity": "email", "value": "marie@free.fr", "start": 0, "end": 13}]
    tracker = make_tracker({"requested_slot": "telephone"}, text="marie@free.fr", entities=entities)
    assert form()._extract_requested("telephone", dispatcher, tracker) == {}
    assert dispatcher.messages == []


async def test_global_validation_covers_patient_fields_only(dispatcher):
    validator = ValidatePatientSlots()
    slots = await validator.required_slots(["prenom", "creneau", "email", "etape", "localisation"], dispatcher,
                                           make_tracker(), DOMAIN)
    assert slots == ["prenom", "email", "localisation"]
    assert slot_events([]) == {}


def test_a_same_name_answer_is_the_name_never_the_word(dispatcher):
    tracker = make_tracker({"nom": "Durand"})
    for said in ("identique", "Identique", "même nom", "pareil", "meme", "Même."):
        assert form().validate_nom_naissance(said, dispatcher, tracker, DOMAIN) == {"nom_naissance": "Durand"}
    assert form().validate_nom_naissance("Martin", dispatcher, tracker, DOMAIN) == {"nom_naissance": "Martin"}


def test_another_detail_said_instead_is_not_read_as_the_answer(dispatcher):
    text = "elle est née le deux mars quarante-quatre"  # the date covers most of the message: no misread name
    entities = [{"entity": "date_naissance", "value": "1944-03-02", "start": 13, "end": len(text)}]
    tracker = make_tracker({"requested_slot": "nom_naissance"}, text=text, entities=entities)
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {}
    assert dispatcher.messages == []


FORM_FIELDS = ["prenom", "nom", "nom_naissance", "date_naissance", "telephone", "localisation"]
FORM_DOMAIN = {**DOMAIN, "forms": {"referral_form": {"required_slots": FORM_FIELDS}},
               "slots": {f: {"type": "any", "mappings": [{"type": "custom"}]} for f in FORM_FIELDS}}


async def test_another_detail_said_instead_is_noted_before_the_question_comes_again(dispatcher):
    text = "né le vingt-deux octobre quarante-cinq"
    entities = [{"entity": "date_naissance", "value": "1945-10-22", "start": 3, "end": len(text)}]
    events = [{"event": "user", "text": text}, {"event": "slot", "name": "date_naissance", "value": "1945-10-22"}]
    tracker = make_tracker({"requested_slot": "nom_naissance", "civilite": "Monsieur", "nom": "Ferrand",
                            "date_naissance": "1945-10-22"}, text=text, entities=entities, events=events,
                           active_loop="referral_form")
    result = await form().run(dispatcher, tracker, FORM_DOMAIN)
    assert slot_events(result)["date_naissance"] == "1945-10-22"
    [note] = [m for m in dispatcher.messages if m.get("response") == "utter_note"]
    assert note["details"] == "né le 22/10/1945"


async def test_the_answer_asked_for_needs_no_note(dispatcher):
    text = "Martin"
    events = [{"event": "user", "text": text}, {"event": "slot", "name": "nom_naissance", "value": "Martin"}]
    tracker = make_tracker({"requested_slot": "nom_naissance", "nom": "Ferrand", "nom_naissance": "Martin"},
                           text=text, events=events, active_loop="referral_form")
    result = await form().run(dispatcher, tracker, FORM_DOMAIN)
    assert slot_events(result)["nom_naissance"] == "Martin"
    assert not [m for m in dispatcher.messages if m.get("response") == "utter_note"]


@pytest.mark.parametrize("text", ["sa sœur Léa Roux, née le 02/03/2019, même téléphone, même adresse",
                                  "le frère, Tom Roux, même numéro et au même endroit",
                                  "autre pte sa femme mme roux lea ddn 19/4/52 mm tel mm adresse, douleur genou"])
async def test_the_next_patient_of_a_family_takes_the_last_phone_and_place(dispatcher, text):
    events = [{"event": "slot", "name": "telephone", "value": "+33325714692"},
              {"event": "slot", "name": "localisation", "value": "Troyes"},
              {"event": "reset_slots"}, {"event": "user", "text": text}]
    tracker = make_tracker({"requested_slot": "nom_naissance"}, text=text, events=events)
    assert await form().extract_telephone(dispatcher, tracker, DOMAIN) == {"telephone": "+33325714692"}
    assert await form().extract_localisation(dispatcher, tracker, DOMAIN) == {"localisation": "Troyes"}


async def test_a_twin_takes_the_last_birth_date(dispatcher):
    text = "son jumeau Szymon commence à avoir la même chose. Même date de naissance, même adresse et même tél"
    events = [{"event": "slot", "name": "date_naissance", "value": "2017-05-17"}, {"event": "reset_slots"},
              {"event": "user", "text": text}]
    tracker = make_tracker({"requested_slot": "prenom"}, text=text, events=events)
    assert await form().extract_date_naissance(dispatcher, tracker, DOMAIN) == {"date_naissance": "2017-05-17"}


async def test_the_next_child_said_to_bear_the_same_name_takes_the_last_surname(dispatcher):
    text = "Et maintenant son petit frère Hugo, même nom, né le 9 janvier 2022"
    events = [{"event": "slot", "name": "nom", "value": "Moreau-Dubois"}, {"event": "reset_slots"},
              {"event": "user", "text": text}]
    tracker = make_tracker({"requested_slot": "nom", "prenom": "Hugo"}, text=text, events=events)
    assert await form().extract_nom(dispatcher, tracker, DOMAIN) == {"nom": "Moreau-Dubois"}
    first = make_tracker({"requested_slot": "nom_naissance", "nom": "Roux"}, text="même nom",
                         events=[{"event": "user", "text": "même nom"}])
    assert await form().extract_nom(dispatcher, first, DOMAIN) == {}  # the first patient: his birth name, no other


async def test_a_new_patient_s_own_name_said_the_same_as_his_birth_name_is_not_the_last_patient_s(dispatcher):
    text = "merci. autre pt: mr schmitt olivier 15/8/71 meme nom 0645127809 entorse cheville"
    events = [{"event": "slot", "name": "nom", "value": "Kowalska"}, {"event": "reset_slots"},
              {"event": "user", "text": text}]
    tracker = make_tracker({"requested_slot": None}, text=text, intent="adresser_patient", events=events,
                           entities=[{"entity": "nom", "value": "Schmitt"}, {"entity": "prenom", "value": "Olivier"}])
    assert await form().extract_nom(dispatcher, tracker, DOMAIN) == {}


async def test_the_last_phone_said_again_as_an_answer_is_kept_on_the_form_s_second_pass(dispatcher):
    # the slot mappings set it at this turn first; the form extracts again and must not refuse "même tel"
    events = [{"event": "slot", "name": "telephone", "value": "+33618273645"}, {"event": "reset_slots"},
              {"event": "user", "text": "même tel"}, {"event": "slot", "name": "telephone", "value": "+33618273645"}]
    tracker = make_tracker({"requested_slot": "telephone", "telephone": "+33618273645"}, text="même tel",
                           events=events)
    assert await form().extract_telephone(dispatcher, tracker, DOMAIN) == {"telephone": "+33618273645"}
    assert dispatcher.messages == []


async def test_a_phone_already_given_is_not_replaced_by_the_last_patient_s(dispatcher):
    events = [{"event": "slot", "name": "telephone", "value": "+33325714692"}, {"event": "reset_slots"}]
    tracker = make_tracker({"telephone": "+33612345678"}, text="même adresse, même numéro", events=events)
    assert await form().extract_telephone(dispatcher, tracker, DOMAIN) == {}


@pytest.mark.parametrize("text, nom", [("Rousseau, et elle est née le 17 août 1951", "Rousseau"),
                                       ("rousseau et elle est née le 17 août 1951", "Rousseau"),
                                       ("attendez, elle est née le 17 août 1951", None)])
def test_the_answer_said_before_another_detail_is_taken(dispatcher, text, nom):
    start = text.index("17")
    entities = [{"entity": "date_naissance", "value": "1951-08-17", "start": start, "end": len(text)}]
    tracker = make_tracker({"requested_slot": "nom", "date_naissance": "1951-08-17"}, text=text, entities=entities)
    assert form()._extract_requested("nom", dispatcher, tracker) == ({"nom": nom} if nom else {})


def test_the_usage_name_said_again_then_the_birth_name_takes_the_birth_name(dispatcher):
    text = "Rousseau c'est son nom marié, elle est née Bonnet"
    entities = [{"entity": "nom_naissance", "value": "Bonnet", "start": 44, "end": 50}]
    tracker = make_tracker({"requested_slot": "nom_naissance", "nom": "Rousseau", "nom_naissance": "Bonnet"}, text=text,
                           entities=entities)
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {}


def test_an_answer_read_as_a_complaint_keeps_the_complaint_described(dispatcher):
    text = "zéro quatre soixante-quatorze, elle a encore la tête qui tourne"
    events = user_turn("symptomes", "la tête qui tourne", "vertiges depuis ce matin")
    tracker = make_tracker({"requested_slot": "telephone", "symptomes": "la tête qui tourne"}, text=text,
                           entities=[{"entity": "symptomes", "value": "la tête qui tourne", "start": 42, "end": 60}],
                           events=events)
    assert form()._extract_requested("telephone", dispatcher, tracker)["symptomes"] == "vertiges depuis ce matin"


def test_a_name_never_changed_is_the_same_birth_name(dispatcher):
    tracker = make_tracker({"requested_slot": "nom_naissance", "nom": "Chauvin"}, text="elle a toujours eu ce nom")
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {"nom_naissance": "Chauvin"}


@pytest.mark.parametrize("field, said, value", [("nom", "Hamel aussi", "Hamel"), ("localisation", "Caen aussi", "Caen"),
                                                ("localisation", "Caen, également.", "Caen")])
def test_an_answer_said_to_be_the_same_as_for_the_last_patient_is_the_answer(dispatcher, field, said, value):
    tracker = make_tracker({"requested_slot": field}, text=said, entities=[])
    assert form()._extract_requested(field, dispatcher, tracker) == {field: value}


@pytest.mark.parametrize("birth_name, expected", [("Franceshi", "Franceschi"), ("Orsoni", None)])
def test_a_surname_corrected_carries_the_birth_name_said_the_same(dispatcher, birth_name, expected):
    """"idem" for Franceshi, then "c FRANCESCHI avec un c avant le h": the birth name was the same name, corrected too;
    a birth name of its own stays."""
    history = [{"event": "slot", "name": "nom", "value": "Franceshi"}, {"event": "user", "text": "c FRANCESCHI"}]
    tracker = make_tracker({"nom": "Franceschi", "nom_naissance": birth_name}, events=history)
    validated = form().validate_nom("Franceschi", dispatcher, tracker, DOMAIN)
    assert validated.get("nom_naissance") == expected and validated["nom"] == "Franceschi"


def test_a_birth_date_no_calendar_has_is_refused_in_french(dispatcher):
    assert form().validate_date_naissance("31/02/1980", dispatcher, make_tracker(), DOMAIN)["date_naissance"] is None
    assert responses(dispatcher) == ["utter_invalid_date_naissance"]


@pytest.mark.parametrize("answer", ["93", "le 93", "en Seine-Saint-Denis"])
def test_a_departement_answered_after_a_town_two_bear_says_which(dispatcher, answer):
    # the search asked "Saint-Denis (974) ou Saint-Denis (93)" and emptied the place; the answer names the département
    events = [{"event": "slot", "name": "localisation", "value": "Saint-Denis"},
              {"event": "slot", "name": "localisation", "value": None}, {"event": "user", "text": answer},
              {"event": "slot", "name": "localisation", "value": answer}]
    tracker = make_tracker(events=events)
    assert form().validate_localisation(answer, dispatcher, tracker, DOMAIN) == {"localisation": "Saint-Denis (93)"}
    # with no town said before, the département alone is kept as said (the search asks for a commune)
    assert form().validate_localisation(answer, dispatcher, make_tracker(), DOMAIN) == {"localisation": answer}


@pytest.mark.parametrize("text, nom", [("Keller, et c'est aussi son nom de naissance", "Keller"),
                                       ("Vasseur, je vous l'épelle si vous voulez", "Vasseur")])
def test_a_name_then_a_remark_on_it_is_the_answer(dispatcher, text, nom):
    tracker = make_tracker({"requested_slot": "nom"}, text=text)
    assert form()._extract_requested("nom", dispatcher, tracker)["nom"] == nom
    assert dispatcher.messages == []


def test_a_name_said_to_be_the_birth_name_too_answers_both(dispatcher):
    tracker = make_tracker({"requested_slot": "nom"}, text="Keller, et c'est aussi son nom de naissance")
    assert form()._extract_requested("nom", dispatcher, tracker) == {"nom": "Keller", "nom_naissance": "Keller"}


def test_two_names_to_the_name_question_are_the_surname_when_the_first_name_is_known(dispatcher):
    """"Morel Kerjean" to the name question, the first name Tom known: read by the NLU as a name and a first name,
    both are the surname and Tom stays."""
    entities = [{"entity": "nom", "value": "Morel", "start": 0, "end": 5},
                {"entity": "prenom", "value": "Kerjean", "start": 6, "end": 13}]
    events = user_turn("prenom", "Kerjean", "Tom") + [{"event": "slot", "name": "nom", "value": "Morel"}]
    tracker = make_tracker({"requested_slot": "nom", "prenom": "Kerjean", "nom": "Morel"}, text="Morel Kerjean",
                           entities=entities, events=events)
    assert form()._extract_requested("nom", dispatcher, tracker) == {"nom": "Morel Kerjean", "prenom": "Tom"}


@pytest.mark.parametrize("said", ["zéro trois zéro quatre un neuf six six", "03041966"])
def test_eight_digits_to_the_birth_date_question_are_the_date_not_a_phone(dispatcher, said):
    entities = [{"entity": "telephone", "value": "03041966", "start": 0, "end": len(said)}]
    tracker = make_tracker({"requested_slot": "date_naissance", "telephone": "03041966"}, text=said, entities=entities,
                           events=user_turn("telephone", "03041966", None))
    assert form()._extract_requested("date_naissance", dispatcher, tracker) == {"date_naissance": "1966-04-03",
                                                                                "telephone": None}


def test_eight_digits_read_as_a_phone_while_the_birth_date_is_asked_are_not_refused(dispatcher):
    tracker = make_tracker({"requested_slot": "date_naissance", "telephone": "03 04 1 9 6 6"},
                           text="zéro trois zéro quatre un neuf six six",
                           events=user_turn("telephone", "03 04 1 9 6 6", None))
    assert form().validate_telephone("03 04 1 9 6 6", dispatcher, tracker, DOMAIN) == {"telephone": None}
    assert not dispatcher.messages


def test_a_civility_implied_never_replaces_the_one_said_before(dispatcher):
    implied = [{"entity": "genre", "value": "Monsieur"}]
    tracker = make_tracker({"civilite": "Monsieur"}, events=user_turn("civilite", "Monsieur", "Madame"), entities=implied)
    assert form().validate_civilite("Monsieur", dispatcher, tracker, DOMAIN) == {"civilite": "Madame"}
    said = make_tracker({"civilite": "Monsieur"}, events=user_turn("civilite", "Monsieur", "Madame"),
                        entities=[{"entity": "civilite", "value": "Monsieur"}])
    assert form().validate_civilite("Monsieur", dispatcher, said, DOMAIN) == {"civilite": "Monsieur"}
    first = make_tracker({"civilite": "Madame"}, events=user_turn("civilite", "Madame", None), entities=implied)
    assert form().validate_civilite("Madame", dispatcher, first, DOMAIN) == {"civilite": "Madame"}


def test_a_place_answered_in_words_that_read_as_names_leaves_the_names_as_they_were(dispatcher):
    """"toulouse du côté de saint-cyprien" answered to "Où se trouve le patient ?", read by the NLU as a first name and a
    name: the place is the answer, the first name Clémence given before stays (it was booked as "Toulouse")."""
    text = "toulouse du côté de saint-cyprien"
    entities = [{"entity": "prenom", "value": "Toulouse", "start": 0, "end": 8},
                {"entity": "nom", "value": "du Côté de Saint-Cyprien", "start": 9, "end": 33}]
    events = [{"event": "slot", "name": "prenom", "value": "Clémence"}, {"event": "slot", "name": "nom", "value": "Rouzaud"},
              {"event": "user", "text": text}, {"event": "slot", "name": "prenom", "value": "Toulouse"},
              {"event": "slot", "name": "nom", "value": "du Côté de Saint-Cyprien"}]
    tracker = make_tracker({"requested_slot": "localisation", "prenom": "Toulouse", "nom": "du Côté de Saint-Cyprien"},
                           text=text, entities=entities, events=events)
    assert form()._extract_requested("localisation", dispatcher, tracker) == {
        "localisation": text, "prenom": "Clémence", "nom": "Rouzaud"}


def test_the_civility_of_the_last_patient_gives_way_to_the_one_implied_for_the_next(dispatcher):
    """"et son grand frère Noé, né le 2/9/2016" after his sister's booking: the new patient is Monsieur, not Madame."""
    events = [*user_turn("civilite", "Monsieur", "Madame"), {"event": "slot", "name": "civilite", "value": None}]
    tracker = make_tracker({"civilite": "Monsieur"}, events=events, entities=[{"entity": "genre", "value": "Monsieur"}])
    assert form().validate_civilite("Monsieur", dispatcher, tracker, DOMAIN) == {"civilite": "Monsieur"}
    # the mother said "Mme", booked; then "leur fils Ibrahim …": before the recap (etape reserve) and in the form after
    # it (etape collecte), Monsieur
    mother = {"event": "user", "text": "Mme Nassimati Soilihi", "parse_data": {"entities": [{"entity": "civilite",
                                                                                            "value": "Madame"}]}}
    son = [mother, {"event": "slot", "name": "civilite", "value": "Madame"},
           {"event": "slot", "name": "etape", "value": "reserve"}, {"event": "user", "text": "leur fils Ibrahim"},
           {"event": "slot", "name": "civilite", "value": "Monsieur"}]
    for etape, after in (("reserve", []), ("collecte", [{"event": "slot", "name": "etape", "value": "collecte"}])):
        booked = make_tracker({"civilite": "Monsieur", "etape": etape}, events=son + after,
                              entities=[{"entity": "genre", "value": "Monsieur"}, {"entity": "prenom", "value": "Ibrahim"}])
        assert form().validate_civilite("Monsieur", dispatcher, booked, DOMAIN) == {"civilite": "Monsieur"}, etape


def test_a_civility_implied_gives_way_to_the_one_implied_next(dispatcher):
    """"pour son papa, Marcel …" then, slots offered, "et sa femme Jeanne …, née Morel": Madame, not Monsieur kept."""
    papa = {"event": "user", "text": "pour son papa, Marcel", "parse_data": {"entities": [{"entity": "genre",
                                                                                            "value": "Monsieur"}]}}
    events = [papa, {"event": "slot", "name": "civilite", "value": "Monsieur"}, {"event": "user", "text": "..."},
              {"event": "slot", "name": "civilite", "value": "Madame"}]
    tracker = make_tracker({"civilite": "Madame"}, events=events, entities=[{"entity": "genre", "value": "Madame"},
                                                                            {"entity": "prenom", "value": "Jeanne"}])
    assert form().validate_civilite("Madame", dispatcher, tracker, DOMAIN) == {"civilite": "Madame"}


def test_a_civility_implied_of_no_one_named_keeps_the_one_known(dispatcher):
    """"pour son fils Enzo Le Gall" (Monsieur, implied), then, slots offered, "le 2ème plutôt, c'est plus pratique pour
    sa maman": no one named, Enzo stays Monsieur (he was booked « Madame Enzo Le Gall »)."""
    enzo = {"event": "user", "text": "pour son fils Enzo Le Gall", "parse_data": {"entities": [
        {"entity": "genre", "value": "Monsieur"}, {"entity": "prenom", "value": "Enzo"}]}}
    events = [enzo, {"event": "slot", "name": "civilite", "value": "Monsieur"}, {"event": "user", "text": "..."},
              {"event": "slot", "name": "civilite", "value": "Madame"}]
    tracker = make_tracker({"civilite": "Madame"}, events=events, entities=[{"entity": "genre", "value": "Madame"}])
    assert form().validate_civilite("Madame", dispatcher, tracker, DOMAIN) == {"civilite": "Monsieur"}


def test_a_birth_place_read_as_a_name_leaves_the_birth_name_as_it_was(dispatcher):
    """"Murat" answered to the birth place, read as the name: the global validator made the birth name follow the name
    (said the same), so both get their earlier value back (Raymond Vidal was booked « naissance : Murat »)."""
    entities = [{"entity": "nom", "value": "Murat", "start": 0, "end": 5}]
    events = [{"event": "slot", "name": "nom", "value": "Vidal"}, {"event": "slot", "name": "nom_naissance", "value": "Vidal"},
              {"event": "user", "text": "Murat"}, {"event": "slot", "name": "nom", "value": "Murat"},
              {"event": "slot", "name": "nom_naissance", "value": "Murat"}]
    tracker = make_tracker({"requested_slot": "localisation", "nom": "Murat", "nom_naissance": "Murat"}, text="Murat",
                           entities=entities, events=events)
    assert form()._extract_requested("localisation", dispatcher, tracker) == {
        "localisation": "Murat", "nom": "Vidal", "nom_naissance": "Vidal"}


def test_the_patient_s_names_spelled_again_to_the_birth_name_question_are_no_birth_name(dispatcher):
    text = "euh Diallo D I A deux L O Aminata A M I N A T A"
    entities = [{"entity": "nom", "value": "Diallo", "start": 4, "end": 21},
                {"entity": "prenom", "value": "Aminata", "start": 22, "end": 45}]
    events = [{"event": "slot", "name": "prenom", "value": "Aminata"}, {"event": "slot", "name": "nom", "value": "Diallo"},
              {"event": "user", "text": text}, {"event": "slot", "name": "prenom", "value": "Aminata"},
              {"event": "slot", "name": "nom", "value": "Diallo"}]
    tracker = make_tracker({"requested_slot": "nom_naissance", "prenom": "Aminata", "nom": "Diallo"}, text=text,
                           entities=entities, events=events)
    assert form()._extract_requested("nom_naissance", dispatcher, tracker) == {}
