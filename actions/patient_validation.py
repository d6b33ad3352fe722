"""Validation of the patient's details, wherever they are given: in the referral form or at any other turn.

Each validator returns {slot: value} or {slot: None} with a French response saying why. After three refusals
of one field the assistant offers a way out (skip an optional field, or cancel the referral)."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rasa_sdk import FormValidationAction, Tracker, ValidationAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import clock
from actions.tracker_history import (
    civility_said_before,
    emptied_this_turn,
    last_patient_value,
    latest_entities,
    latest_intent,
    value_before_last_user_turn,
)
from bot.agenda import geo
from bot.nlu import fields as parse
from bot.nlu.lexicons import key, surname_scores
from bot.nlu.names import said_once
from bot.nlu.text import fold, normalize_dictation
from bot.phone_plans import french_number
from bot.referral.extra_fields import birth_place
from bot.referral.fields import (
    MANDATORY_PATIENT_FIELDS,
    NEED_FIELDS,
    PATIENT_FIELDS,
    SAME_AS_THE_LAST,
    birth_date_problem,
    is_same_name_answer,
    is_valid_name,
    merge_month_day,
    merge_year,
    says_the_name_again,
    without_too,
)
from bot.referral.summary import need_line, patient_line
from bot.vocabulary import NAME_FIELDS

MAX_REFUSALS = 3
# Messages handled by a rule of their own: never read them as the answer to the pending question.
NOT_ANSWERS = {"faq", "annuler", "nouveau_patient", "joindre_piece", "modifier_message", "choisir_creneau",
               "autres_creneaux", "rechercher", "elargir_delai", "elargir_rayon", "orienter_surnumeraire",
               "choisir_surnumeraire", "reservation_faite"}
# Fields read from free words: the only ones a bare answer can be misread as.
_FREE_WORDS = {*NAME_FIELDS, "lieu_naissance", "localisation", "symptomes"}


def refuse(dispatcher: CollectingDispatcher, tracker: Tracker, field: str, response: str) -> dict[str, Any]:
    """Say why `field` is refused, count it, and offer a way out after the third refusal."""
    unassigned = unassigned_number(tracker.latest_message.get("text") or "") if field == "telephone" else None
    if unassigned:  # ten digits, as asked: say which, and why no line bears them
        dispatcher.utter_message(response="utter_invalid_telephone_non_attribue", numero=unassigned)
    else:
        dispatcher.utter_message(response=response)
    counts = dict(tracker.get_slot("refus") or {})
    counts[field] = counts.get(field, 0) + 1
    if counts[field] >= MAX_REFUSALS:
        required = (*MANDATORY_PATIENT_FIELDS, "localisation", *(tracker.get_slot("champs_requis") or []))
        optional = field not in required
        dispatcher.utter_message(response="utter_trop_de_refus_facultatif" if optional else "utter_trop_de_refus")
        counts[field] = 0
    return {field: None, "refus": counts}


def unassigned_number(said: str) -> str | None:
    """A French number of ten digits that no plan assigns ("07 28 41 63 15": mobiles start 06 or 073 to 079), as
    said back to the regulator; None for anything else."""
    found = re.search(r"(?<!\d)0[1-9](?:[ .-]?\d\d){4}(?!\d)", normalize_dictation(said))
    digits = re.sub(r"\D", "", found.group()) if found else ""
    if not digits or french_number(digits) is not None:
        return None
    return " ".join(digits[i:i + 2] for i in range(0, 10, 2))


def covers_message(entity: dict, text: str) -> bool:
    """True when the entity spans most of the message: the whole answer was read as that field (a name spelled after
    itself is said once: "Guérin, G U E R I N, avec un accent aigu sur le E")."""
    span = len(str(entity.get("value") if entity.get("start") is None else text[entity["start"]:entity["end"]]))
    return span >= 0.6 * len(said_once(text).strip(" ,"))


def meant_by_its_cue(entity: dict, text: str) -> bool:
    """A place read after the words that put the patient there ("elle est a Mauriac", "il habite Lens", "née à
    Brest"), a name after its label ("prénom Agnieszka"): meant as that field, whatever question it answers."""
    if entity.get("start") is None:
        return False
    before = fold(text[:entity["start"]])
    if entity["entity"] in _NAME_LABEL:
        return _NAME_LABEL[entity["entity"]].search(before) is not None
    # a number after its label ("attendez le tel c'est 06 …" to the place question): meant as the phone
    # or said again after the place it takes back ("elle est à Villeurbanne euh non non Lyon septième pardon Lyon")
    return entity["entity"] in ("localisation", "lieu_naissance") and (
        _PLACE_CUE.search(before) is not None or _PLACE_TAKEN_BACK.search(before) is not None) \
        or entity["entity"] == "telephone" and _PHONE_CUE.search(before) is not None


_PLACE_CUE = re.compile(r"\b(?:est|sont|habite|vit|reside|demeure|trouve|domicilie|domiciliee|ne|nee|a|au|aux|sur|"
                        r"chez|dans)\s*$")
_NAME_LABEL = {"prenom": re.compile(r"\bprenoms?\s*(?::\s*|c'est\s+)?$"),
               "nom": re.compile(r"\bnom(?: de famille| d'usage)?\s*(?::\s*|c'est\s+)?$")}
_PLACE_TAKEN_BACK = re.compile(r"\b(?:est|sont|habite|vit|reside|demeure|trouve)\s+(?:a|au|aux|sur|chez|dans)\s+\S.*"
                               r"\b(?:non|pardon|plutot|enfin)\b")
_PHONE_CUE = re.compile(r"\b(?:tel|telephone|portable|numero|num|fixe|mobile)\b\s*(?:c'est\s*|:\s*)?(?:le\s+)?$")
# "Keller, et c'est aussi son nom de naissance": the name said, then that it is the birth name too
_NAME_LABELLED = re.compile(r"\b(?:nom|prenom|naissance|nee?|epouse|ep)\b")  # "son nom c'est …": that field meant
_ALSO_BIRTH_NAME = re.compile(r"\b(?:aussi|egalement|meme|pareil|idem)\b.*\bnom de (?:naissance|jeune fille)\b")
_FIRST_CLAUSE = re.compile(r"^(.*?)(?:[,;]| et | puis )")
_USUAL_SURNAME = 6  # lexicon score: a name said in small letters before the rest ("rousseau, et elle est née …")


def answer_said_first(text: str, others: list[dict]) -> str | None:
    """The words before the first comma (or "et"), when none of the other details read lies in them and they are
    written as a name, or said as a usual surname ("bon, …" or "attendez, …" are no answer)."""
    first = _FIRST_CLAUSE.match(text)
    said = first.group(1).strip() if first else ""
    if not said or any(e.get("start") is not None and e["start"] < first.end(1) for e in others):
        return None
    return said if said[0].isupper() or surname_scores().get(key(said), 0) >= _USUAL_SURNAME else None


class PatientFieldValidators:
    """validate_<field> methods shared by the form validator and the global slot validator."""

    clock: Callable = staticmethod(clock.now)

    def _names(self, field: str, value: Any, dispatcher, tracker) -> dict[str, Any]:
        if value is None:
            return {field: None}
        if is_valid_name(str(value)):
            return {field: str(value).strip()}
        return refuse(dispatcher, tracker, field, "utter_invalid_nom_caracteres")

    def validate_civilite(self, value, dispatcher, tracker, domain):
        # a new patient (action_recap emptied the slot): the civility known was the last one's
        earlier = None if emptied_this_turn(tracker, "civilite") else value_before_last_user_turn(tracker, "civilite")
        latest = latest_entities(tracker)
        # only implied ("il est né le …"): never over the civility said before; implied of no one named ("c'est pour
        # sa mère"), never over one known
        if earlier and "civilite" not in latest and (civility_said_before(tracker) or not latest & {"prenom", "nom"}):
            return {"civilite": earlier}
        return {"civilite": parse.parse_civilite(str(value)) if value else None}

    def validate_prenom(self, value, dispatcher, tracker, domain):
        return self._names("prenom", value, dispatcher, tracker)

    def validate_nom(self, value, dispatcher, tracker, domain):
        checked = self._names("nom", value, dispatcher, tracker)
        before = value_before_last_user_turn(tracker, "nom")
        if checked.get("nom") and before and checked["nom"] != before and tracker.get_slot("nom_naissance") == before:
            checked["nom_naissance"] = checked["nom"]  # "idem" said for a name now corrected: the same name, corrected
        return checked

    def validate_nom_naissance(self, value, dispatcher, tracker, domain):
        if value is not None and (is_same_name_answer(str(value)) or says_the_name_again(str(value), tracker.get_slot("nom"))):
            # "identique", "même nom", "Dubois aussi": never a name of its own
            return {"nom_naissance": tracker.get_slot("nom")}
        return self._names("nom_naissance", value, dispatcher, tracker)

    def validate_lieu_naissance(self, value, dispatcher, tracker, domain):
        if value is None or str(value).strip().lower() == "france":
            return {"lieu_naissance": None}  # the funnel's "Né(e) en France": the commune is asked next
        place = birth_place(str(value))
        if place:
            return {"lieu_naissance": place, "communes_proposees": None}
        return refuse(dispatcher, tracker, "lieu_naissance", "utter_invalid_lieu_naissance")

    def _normalized(self, field: str, value: Any, parser: Callable, dispatcher, tracker) -> dict[str, Any]:
        """The value as `parser` normalizes it, or a refusal when it cannot."""
        if value is None:
            return {field: None}
        normalized = parser(str(value))
        return {field: normalized} if normalized else refuse(dispatcher, tracker, field, f"utter_invalid_{field}")

    def validate_telephone(self, value, dispatcher, tracker, domain):
        if value is not None and tracker.get_slot("requested_slot") == "date_naissance" \
                and not parse.parse_phone(str(value)) \
                and parse.parse_birth_date(tracker.latest_message.get("text") or "", self.clock().date()):
            # "zéro trois zéro quatre un neuf six six" to the birth-date question: the date, no phone to refuse
            return {"telephone": value_before_last_user_turn(tracker, "telephone")}
        return self._normalized("telephone", value, parse.parse_phone, dispatcher, tracker)

    def validate_email(self, value, dispatcher, tracker, domain):
        return self._normalized("email", value, parse.parse_email, dispatcher, tracker)

    def validate_date_naissance(self, value, dispatcher, tracker, domain):
        if value is None:
            return {"date_naissance": None}
        value = str(value)
        if value.startswith("--") or value.isdigit():  # a part of the date: the rest is the one known
            known = value_before_last_user_turn(tracker, "date_naissance")
            merged = merge_month_day(value, known) if value.startswith("--") else merge_year(value, known)
            if not merged:
                missing = "annee" if value.startswith("--") else "jour"
                return refuse(dispatcher, tracker, "date_naissance", f"utter_invalid_date_naissance_{missing}")
            value = merged
        problem = birth_date_problem(value, self.clock().date())
        if problem:
            return refuse(dispatcher, tracker, "date_naissance", problem)
        return {"date_naissance": value}

    def validate_localisation(self, value, dispatcher, tracker, domain):
        if value is None:
            return {"localisation": None}
        place = str(value).strip(" ,.")
        departement = geo.departement_said(place)
        town = value_before_last_user_turn(tracker, "localisation", emptied_too=False) if departement else None
        if town and not geo.departement_said(str(town)):
            # "le 93" after "Saint-Denis", which two towns far apart bear: that one
            return {"localisation": f"{town} ({departement})"}
        if len(place) >= 2:
            return {"localisation": place}
        return refuse(dispatcher, tracker, "localisation", "utter_invalid_localisation")


class ValidatePatientSlots(PatientFieldValidators, ValidationAction):
    """Validates details given outside the form (a correction, an email given at any time)."""

    async def required_slots(self, domain_slots, dispatcher, tracker, domain):
        return [slot for slot in domain_slots if slot in PATIENT_FIELDS or slot == "localisation"]


class ValidateReferralForm(PatientFieldValidators, FormValidationAction):
    """The referral form: the field the assistant asked for decides how a bare answer is read."""

    def name(self) -> str:
        return "validate_referral_form"

    async def run(self, dispatcher, tracker: Tracker, domain: DomainDict) -> list:
        asked = tracker.get_slot("requested_slot")
        events = await super().run(dispatcher, tracker, domain)
        kept = {e["name"]: e["value"] for e in events if e.get("event") == "slot" and e.get("value") is not None
                and e["name"] in {*PATIENT_FIELDS, *NEED_FIELDS}}
        if asked and kept and asked not in kept:
            # Another detail than the one asked: say it is kept before the question comes again.
            said = ", ".join(line for line in (patient_line(kept, tracker.get_slot("civilite")), need_line(kept)) if line)
            dispatcher.utter_message(response="utter_note", details=said)
        return events

    @staticmethod
    def _names_said_again(tracker: Tracker, nom: str | None) -> bool:
        """The message reads as the patient's name and first name both, as they were known before it."""
        read = {e["entity"]: str(e["value"]) for e in tracker.latest_message.get("entities", [])
                if e["entity"] in ("nom", "prenom")}
        prenom = value_before_last_user_turn(tracker, "prenom")
        return len(read) == 2 and bool(nom and prenom) and key(read["nom"]) == key(nom) \
            and key(read["prenom"]) == key(prenom)

    def _bare_answer(self, field: str, text: str, tracker: Tracker) -> Any:
        text = without_too(text)
        if field in NAME_FIELDS:
            if is_same_name_answer(text):  # "même nom": the birth name is the name; to another question, no name
                return tracker.get_slot("nom") if field == "nom_naissance" else None
            return parse.parse_person_name(text)
        if field == "telephone":
            return parse.parse_phone(text)
        if field == "date_naissance":
            return parse.parse_birth_date(text, self.clock().date())
        return text.strip(" ,.") or None  # localisation: checked by the agenda's geocoding

    def _extract_requested(self, field: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != field or latest_intent(tracker) in NOT_ANSWERS:
            return {}
        return {**self._complaint_kept(tracker), **self._answer_to(field, dispatcher, tracker)}

    @staticmethod
    def _complaint_kept(tracker: Tracker) -> dict[str, Any]:
        """An answer to a question about the patient ("elle a toujours eu ce nom") never replaces the complaint
        described before: the message to the practitioner is made of it."""
        earlier = value_before_last_user_turn(tracker, "symptomes")
        if earlier and "symptomes" in latest_entities(tracker) and latest_intent(tracker) != "adresser_patient":
            return {"symptomes": earlier}
        return {}

    def _answer_to(self, field: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        given = latest_entities(tracker) & {*PATIENT_FIELDS, *NEED_FIELDS}
        text = tracker.latest_message.get("text") or ""
        nom = value_before_last_user_turn(tracker, "nom") if "nom" in given else tracker.get_slot("nom")
        read = next((e["value"] for e in tracker.latest_message.get("entities", []) if e["entity"] == field), None)
        named_apart = read is not None and not is_same_name_answer(str(read)) and key(str(read)) != key(nom or "")
        if field == "nom_naissance" and self._names_said_again(tracker, nom):
            # "euh Diallo D I A deux L O Aminata A M I N A T A": the names given, spelled again, no birth name: asked again
            return {}
        if field == "nom_naissance" and not named_apart and (says_the_name_again(text, nom) or is_same_name_answer(text)):
            # "Céleste pareil" read by the NLU as a first name and a name, "Baron" as a commune (of the Gironde), "elle
            # a gardé son nom, Zébina" with Zébina as a complaint: the usage name said again, and whatever the NLU
            # read in its words gets its earlier value back
            return {field: nom, **{other: value_before_last_user_turn(tracker, other)
                                   for other in given & _FREE_WORDS - {field}}}
        other = {"nom": "prenom", "prenom": "nom"}.get(field)
        known = value_before_last_user_turn(tracker, other) if other else None
        if known and given == {"nom", "prenom"} and key(known) not in key(text).split():
            # "Riou Tanguy" to the name question, the first name Maël known: two names for this field, not a first
            # name and a name replacing the one known
            value = self._bare_answer(field, text, tracker)
            if value is not None:
                return {field: value, other: known}
        if field in given:
            return {}
        others = [e for e in tracker.latest_message.get("entities", []) if e["entity"] in given]
        placed = [e for e in others if meant_by_its_cue(e, text)]
        misread = {e["entity"] for e in others if e["entity"] in _FREE_WORDS and covers_message(e, text) and e not in placed}
        # "zéro trois zéro quatre un neuf six six" to the birth-date question: eight digits, a date, no phone
        misread |= {e["entity"] for e in others if e["entity"] == "telephone" and field == "date_naissance"
                    and covers_message(e, text) and self._bare_answer(field, text, tracker) is not None}
        said = sum(e["end"] - e["start"] for e in others if e.get("start") is not None)
        # "Rousseau, et elle est née le 17 août 1951": the answer, then another detail; "Keller, et c'est aussi son nom
        # de naissance": a name, then a remark on it
        remark = not others and field in NAME_FIELDS and self._bare_answer(field, text, tracker) is None
        first = answer_said_first(text, others) if (others or remark) and not misread else None
        value = self._bare_answer(field, first, tracker) if first else None
        if value is not None:
            also = field == "nom" and remark and _ALSO_BIRTH_NAME.search(fold(text[len(first):]))
            return {field: value, **({"nom_naissance": value} if also else {})}
        named = [e for e in others if e["entity"] in NAME_FIELDS]
        if field in NAME_FIELDS and not misread and others == named and len(named) == 1 \
                and not _NAME_LABELLED.search(fold(text[:named[0].get("start") or 0])):
            # "le petit s'appelle Noé N O E" to the first-name question, Noé read as a surname: the name said is the
            # answer, no word labelling it as another field
            value = self._bare_answer(field, str(named[0]["value"]), tracker)
            if value is not None:
                return {field: value, named[0]["entity"]: value_before_last_user_turn(tracker, named[0]["entity"])}
        if others and not misread and (said >= 0.5 * len(text.strip()) or placed):
            return {}  # "elle est née le 2 mars 44" to the birth-name question: another detail, kept, not this one
        value = self._bare_answer(field, text, tracker)
        if value is not None and field in NAME_FIELDS:  # "Bernard euh non Bertrand" read as a surname: the first name
            misread |= {e["entity"] for e in others if e["entity"] in NAME_FIELDS and key(str(e["value"])) == key(value)}
        elif value is not None:  # "toulouse du côté de saint-cyprien" to the place question: no first name in it
            misread |= {e["entity"] for e in others if e["entity"] in _FREE_WORDS}
        if value is None and field in NAME_FIELDS and len(misread) == 1:
            # what was misread must read as a name: a complaint answered to the birth-name question stays a complaint
            value = self._bare_answer(field, str(tracker.get_slot(next(iter(misread))) or ""), tracker)
        if value is None:
            if given:
                return {}  # they gave other details; the form asks again
            return refuse(dispatcher, tracker, field, f"utter_invalid_{field}")
        # The NLU may have read the bare answer as another field: give that field its earlier value back, and the birth
        # name said the same as that name its own (validate_nom followed the misread name: « Murat » to the birth place)
        if "nom" in misread and field != "nom_naissance" and "nom_naissance" not in given \
                and tracker.get_slot("nom_naissance") != value_before_last_user_turn(tracker, "nom_naissance"):
            misread.add("nom_naissance")
        return {field: value, **{other: value_before_last_user_turn(tracker, other) for other in misread}}

    async def extract_prenom(self, dispatcher, tracker, domain: DomainDict):
        return self._extract_requested("prenom", dispatcher, tracker)

    async def extract_nom(self, dispatcher, tracker, domain: DomainDict):
        return self._same_as_the_last("nom", tracker) or self._extract_requested("nom", dispatcher, tracker)

    async def extract_nom_naissance(self, dispatcher, tracker, domain: DomainDict):
        return self._extract_requested("nom_naissance", dispatcher, tracker)

    async def extract_date_naissance(self, dispatcher, tracker, domain: DomainDict):
        return self._same_as_the_last("date_naissance", tracker) \
            or self._extract_requested("date_naissance", dispatcher, tracker)

    def _same_as_the_last(self, field: str, tracker: Tracker) -> dict[str, Any]:
        """"même téléphone", "même adresse", "même nom" said for a new patient: the last patient's value, when this one
        has none."""
        text = tracker.latest_message.get("text") or ""
        if not SAME_AS_THE_LAST[field].search(text) or field in latest_entities(tracker):
            return {}  # "mr schmitt olivier 15/8/71 meme nom": his own name given, the same as his birth name
        earlier = last_patient_value(tracker, field)
        # the slot mappings ran first and may have set it already this turn: the same value, kept
        return {field: earlier} if earlier is not None and tracker.get_slot(field) in (None, earlier) else {}

    async def extract_telephone(self, dispatcher, tracker, domain: DomainDict):
        return self._same_as_the_last("telephone", tracker) or self._extract_requested("telephone", dispatcher, tracker)

    async def extract_localisation(self, dispatcher, tracker, domain: DomainDict):
        return self._same_as_the_last("localisation", tracker) \
            or self._extract_requested("localisation", dispatcher, tracker)
