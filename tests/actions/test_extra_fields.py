"""The fields a practitioner requires on top of the mandatory ones: asked one at a time, validated like the rest."""
import pytest

from actions.extra_fields import ActionAskLieuNaissance, ValidateExtraFieldsForm
from bot.referral.extra_fields import birth_place, birth_place_words, fields_to_ask, says_not_known
from bot.referral.summary import patient_line
from tests.actions.conftest import DOMAIN, NOW, PATIENT, make_tracker, responses, slot_events

FORM_DOMAIN = {**DOMAIN, "forms": {"extra_fields_form": {"required_slots": ["civilite", "email", "lieu_naissance"]}}}


def form():
    validator = ValidateExtraFieldsForm()
    validator.clock = lambda: NOW
    return validator


def asked(field: str, text: str, slots: dict | None = None, entities=()) -> object:
    return make_tracker({**PATIENT, "champs_requis": ["civilite", "email", "lieu_naissance"], "civilite": None,
                         "requested_slot": field, **(slots or {})}, text=text, entities=entities,
                        active_loop="extra_fields_form")


def test_only_the_required_fields_not_given_are_asked_in_the_funnels_order():
    assert fields_to_ask(["lieu_naissance", "email"], {"email": "a@b.fr"}) == ["lieu_naissance"]
    assert fields_to_ask(["email", "civilite"], {}) == ["civilite", "email"]
    assert fields_to_ask(None, {}) == []


@pytest.mark.parametrize("said, kept", [
    ("Rennes", "Rennes"), ("née à Rennes", "Rennes"), ("Le Havre", "Le Havre"), ("à La Rochelle", "La Rochelle"),
    ("au Maroc", "Étranger (Maroc)"), ("né en Algérie", "Étranger (Algérie)"), ("à l'étranger", "Étranger"),
    ("Étranger (Portugal)", "Étranger (Portugal)"), ("France", None), ("06 12 34", None), ("", None),
    ("porto au Portugal", "Porto (Portugal)"), ("née à Tunis en Tunisie", "Tunis (Tunisie)"), ("oran", "Oran"),
    ("Casablanca, Maroc", "Casablanca (Maroc)"), ("née en 1960 au Maroc", "Étranger (Maroc)"), ("né à", None),
])
def test_a_birth_place_is_as_said_the_country_after_a_town_abroad(said, kept):
    assert birth_place(said) == kept


def test_the_summary_says_which_birth_place():
    assert birth_place_words("Étranger (Maroc)") == "à l'étranger (Maroc)"
    assert birth_place_words("Étranger") == "à l'étranger"
    assert patient_line({**PATIENT, "lieu_naissance": "Rennes"}).startswith(
        "Madame Marie Durand (naissance : Martin), née le 21/11/1952, à Rennes,")
    assert patient_line({"lieu_naissance": "Étranger (Maroc)"}) == "né(e) à l'étranger (Maroc)"


async def test_the_form_asks_only_what_the_chosen_slot_requires_and_is_missing(dispatcher):
    tracker = make_tracker({**PATIENT, "champs_requis": ["email", "lieu_naissance"], "email": "m@d.fr"})
    assert await form().required_slots([], dispatcher, tracker, FORM_DOMAIN) == ["email", "lieu_naissance"]
    asked_next = await form().next_requested_slot(dispatcher, tracker, FORM_DOMAIN)
    assert asked_next["value"] == "lieu_naissance"  # the email was given: never asked
    after_another_pick = make_tracker({**PATIENT, "champs_requis": []})
    assert await form().required_slots([], dispatcher, after_another_pick, FORM_DOMAIN) == []


async def test_a_bare_answer_is_read_as_the_field_asked(dispatcher):
    assert await form().extract_civilite(dispatcher, asked("civilite", "madame"), FORM_DOMAIN) == {"civilite": "Madame"}
    assert await form().extract_email(dispatcher, asked("email", "marie.durand@exemple.fr"), FORM_DOMAIN) == {
        "email": "marie.durand@exemple.fr"}
    assert await form().extract_lieu_naissance(dispatcher, asked("lieu_naissance", "au Maroc"), FORM_DOMAIN) == {
        "lieu_naissance": "Étranger (Maroc)"}


async def test_a_birth_commune_read_as_where_the_patient_is_gives_the_place_back(dispatcher):
    """"Rennes" to the birth place question is read by the NLU as the patient's place: it is the birth place."""
    events = [{"event": "slot", "name": "localisation", "value": "Lyon 3e"}, {"event": "user", "text": "Rennes"},
              {"event": "slot", "name": "localisation", "value": "Rennes"}]
    tracker = make_tracker({**PATIENT, "localisation": "Rennes", "champs_requis": ["lieu_naissance"],
                            "requested_slot": "lieu_naissance"}, text="Rennes",
                           entities=[{"entity": "localisation", "value": "Rennes", "start": 0, "end": 6}],
                           events=events, active_loop="extra_fields_form")
    assert await form().extract_lieu_naissance(dispatcher, tracker, FORM_DOMAIN) == {
        "lieu_naissance": "Rennes", "localisation": "Lyon 3e"}


@pytest.mark.parametrize("lives_in, born_in", [("Lyon", "Lyon"), ("Lyon 3e", "Rennes")])
async def test_the_whole_form_run_keeps_the_birth_commune_and_where_the_patient_is(dispatcher, lives_in, born_in):
    """Extraction, then validation (rasa_sdk validates only the form's fields): the answer read by the NLU as
    where the patient is becomes the birth place, and the place where the patient is stays as it was."""
    events = [{"event": "slot", "name": "localisation", "value": lives_in}, {"event": "user", "text": born_in},
              {"event": "slot", "name": "localisation", "value": born_in}]
    tracker = make_tracker({**PATIENT, "localisation": born_in, "champs_requis": ["lieu_naissance"],
                            "requested_slot": "lieu_naissance"}, text=born_in,
                           entities=[{"entity": "localisation", "value": born_in, "start": 0, "end": len(born_in)}],
                           events=events, active_loop="extra_fields_form")
    set_by_form = {e["name"]: e["value"] for e in await form().run(dispatcher, tracker, FORM_DOMAIN)}
    assert set_by_form == {"lieu_naissance": born_in, "localisation": lives_in, "communes_proposees": None,
                           "requested_slot": None}


async def test_a_yes_to_the_birth_place_question_is_no_commune(dispatcher):
    tracker = make_tracker({**PATIENT, "champs_requis": ["lieu_naissance"], "requested_slot": "lieu_naissance"},
                           text="oui", intent="affirm", active_loop="extra_fields_form")
    assert (await form().extract_lieu_naissance(dispatcher, tracker, FORM_DOMAIN))["lieu_naissance"] is None
    assert responses(dispatcher) == ["utter_invalid_lieu_naissance"]


async def test_a_wrong_answer_is_refused_in_french_and_asked_again(dispatcher):
    assert (await form().extract_email(dispatcher, asked("email", "marie arobase"), FORM_DOMAIN))["email"] is None
    assert (await form().extract_civilite(dispatcher, asked("civilite", "je ne sais pas"), FORM_DOMAIN))["civilite"] is None
    assert responses(dispatcher) == ["utter_invalid_email", "utter_invalid_civilite"]


def test_a_required_field_refused_three_times_is_not_offered_to_skip(dispatcher):
    tracker = make_tracker({"refus": {"email": 2}, "champs_requis": ["email"]})
    form().validate_email("marie@@", dispatcher, tracker, FORM_DOMAIN)
    assert responses(dispatcher) == ["utter_invalid_email", "utter_trop_de_refus"]


def test_the_birth_place_validator_keeps_the_funnels_form(dispatcher):
    tracker = make_tracker({"communes_proposees": ["Rennes"]})
    assert form().validate_lieu_naissance("Étranger (Maroc)", dispatcher, tracker, FORM_DOMAIN) == {
        "lieu_naissance": "Étranger (Maroc)", "communes_proposees": None}
    # "Né(e) en France": nothing refused, the commune is asked next
    assert form().validate_lieu_naissance("France", dispatcher, tracker, FORM_DOMAIN) == {"lieu_naissance": None}
    assert responses(dispatcher) == []


async def test_the_birth_place_question_offers_france_or_abroad_then_the_commune(dispatcher):
    ask = ActionAskLieuNaissance()
    await ask.run(dispatcher, make_tracker(), DOMAIN)
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["Né(e) en France : indiquez la ville",
                                                                         "Né(e) à l'étranger"]
    france = make_tracker(entities=[{"entity": "lieu_naissance", "value": "France"}])
    await ask.run(dispatcher, france, DOMAIN)
    proposed = make_tracker({"communes_proposees": ["Rennes", "Reims"]})
    await ask.run(dispatcher, proposed, DOMAIN)
    assert responses(dispatcher) == ["utter_ask_lieu_naissance", "utter_ask_commune_naissance",
                                     "utter_ask_lieu_naissance_proches"]
    assert [b["payload"] for b in dispatcher.messages[2]["buttons"]][:2] == [
        '/inform{"lieu_naissance": "Rennes"}', '/inform{"lieu_naissance": "Reims"}']


@pytest.mark.parametrize("said", [
    "je ne sais pas", "il ne sait pas où il est né", "Inconnu", "aucune idée", "elle n’a pas de mail",
    "pas d'adresse email", "on n'a pas l'info", "non renseigné", "la famille ne connaît pas sa commune de naissance",
    "sans email", "elle sait pas",
    # a bare no to the question: none to give
    "non", "Non.", "non merci", "non elle n'en a pas",
])
def test_an_answer_saying_the_value_is_not_known(said):
    assert says_not_known(said)


@pytest.mark.parametrize("said", [
    "Rennes", "Pas-de-Calais", "née à Sainte-Foy-lès-Lyon", "je sais", "il est né à Brest je crois", "Madame",
    "marie.durand@exemple.fr", "au Maroc", "non pardon c'est marie.durand@exemple.fr", "Nantes non Nancy",
])
def test_an_answer_giving_the_value_says_nothing_unknown(said):
    assert not says_not_known(said)


@pytest.mark.parametrize("field, said", [("lieu_naissance", "il ne sait pas où il est né"),
                                         ("email", "elle n'a pas d'adresse mail"), ("civilite", "je ne sais pas")])
async def test_a_required_field_the_regulator_cannot_give_drops_the_slot_for_a_new_offer(dispatcher, field, said):
    """Nothing is kept as the field ("à il ne sait pas où il est né" was the birth place); the form ends and the
    practitioners who require that field are left out of the next offer (actions/search.py)."""
    chosen = {"id": "t9", "praticien": "Dr Claire Thomas", "rpps": "10001234567"}
    tracker = asked(field, said, {"creneau_choisi": chosen, "motif": {"label": "Soins non programmés"},
                                  "champs_inconnus": ["email"] if field != "email" else None,
                                  "praticiens_ecartes": ["10009999999"]})
    events = slot_events(await form().run(dispatcher, tracker, FORM_DOMAIN))
    assert events[field] is None and events["requested_slot"] is None
    assert events["praticiens_ecartes"] == ["10009999999", "10001234567"]
    assert events["creneau_choisi"] is None and events["motif"] is None and events["champs_requis"] == []
    assert events["champs_inconnus"] == sorted({"email", field}, key=["civilite", "email", "lieu_naissance"].index)
    assert responses(dispatcher) == ["utter_champ_inconnu"]
    assert dispatcher.messages[0]["praticien"] == "Dr Claire Thomas"
