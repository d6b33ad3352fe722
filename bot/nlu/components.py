"""Rasa graph component: reads the patient details of a message (DIET only classifies the intent)."""
from __future__ import annotations

import logging
import re
import traceback
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from spacy.lang.fr.stop_words import STOP_WORDS

from bot.nlu import dates, lexicons
from bot.nlu.extraction import read_details
from bot.nlu.free_text import APPROVALS, IMPLIED_CIVILITY, IN_A_TOWN, PERSON_NOUNS, REFERRING, RELATIVES
from bot.nlu.names import SAME_AS, said_once
from bot.nlu.text import fold, written_out
from bot.nlu.time_windows import ROUGHLY
from bot.referral.choice import TIME, names_a_pick, names_a_practitioner
from bot.referral.fields import is_same_name_answer
from bot.vocabulary import NAME_FIELDS, SAS_TIMEZONE

log = logging.getLogger(__name__)

# Channels (and the evaluation) may pin the clock a message was written at; otherwise the wall clock is used.
REFERENCE_TIME_KEY = "reference_time"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class PatientDetailsExtractor(GraphComponent, EntityExtractorMixin):
    """Phones, emails, dates, wanted time, urgency, mode, specialty and civility from libraries; names, places
    and symptoms from the words around them; at most one entity per field."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"timezone": SAS_TIMEZONE}

    def __init__(self, config: dict[str, Any]) -> None:
        self._zone = ZoneInfo(config["timezone"])
        dates.warm()
        lexicons.warm()

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> PatientDetailsExtractor:
        return cls(config)

    def _now(self, message: Message) -> datetime:
        pinned = (message.get("metadata") or {}).get(REFERENCE_TIME_KEY)
        if pinned:
            return datetime.fromisoformat(pinned).astimezone(self._zone)
        return datetime.now(self._zone)

    @staticmethod
    def _details(text: str, now: datetime) -> list[dict]:
        """The details read, or none when the reading fails: the turn goes on (the question is asked again) rather
        than the regulator getting no answer. Logged with where it failed, never the message."""
        try:
            return read_details(text, now)
        except Exception as error:  # noqa: BLE001 - any failure of the rules, whatever it is
            where = traceback.extract_tb(error.__traceback__)[-1]
            log.error("details not read: %s at %s:%d", type(error).__name__, where.filename.rsplit("/", 1)[-1],
                      where.lineno)
            return []

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = self._details(text, self._now(message))
            if is_only_a_yes(text):  # "go", "ok go" at the summary: no name ("Go" is one somewhere)
                entities = [e for e in entities if e["entity"] not in NAME_FIELDS]
            message.set(ENTITIES, entities)
            intent = (message.get(INTENT) or {}).get("name")
            if intent == "nouveau_patient" and not _A_NEW_ONE.search(fold(text)):
                # "ok on garde celui-là", read like "on oublie celui-ci": what is given is forgotten only when the
                # message says another patient comes
                intent = "choisir_creneau" if names_a_pick(text) else _runner_up(message) or "nlu_fallback"
                _set_intent(message, intent)
            # An uncertain classifier (the fallback) leaves it to what the message carries.
            beyond_names = [e for e in entities if e["entity"] not in NAME_FIELDS]
            announced = announces_a_patient(text)
            # "j'ai un autre patient pour vous" stays a new patient: the one in progress is forgotten first
            if not entities and announces_the_next_patient(text) or (intent in _NOT_ABOUT_A_PATIENT or intent not in (
                    *_DETAILS, "nouveau_patient") and not entities) and announced:
                # "patiente a adresser svp", "ok maintenant le mari", "oui bonjour je vous appelle pour un patient"
                # (read as a yes): a referral opens, no question
                _set_intent(message, "adresser_patient")
            elif (intent in (*_DETAILS, "deny", "choisir_creneau") or intent in _NOT_ABOUT_A_PATIENT and (
                    "?" not in text or asks_to_cancel(text))) and says_to_cancel(text):
                # "on annule, le mollet est chaud …": the order, then its reason ("ah non attendez … finalement on
                # annule": after a no too); "son médecin peut la voir cet après-midi, vous pouvez annuler le RDV ?":
                # asked politely, an order all the same
                _set_intent(message, "annuler")
            elif intent not in _DETAILS and (is_bare_detail(text, entities) or is_same_name_answer(text)
                                             or intent == "nlu_fallback" and beyond_names
                                             # "alors il s'appelle Gaëtan", mistaken for a goodbye
                                             # or for a question ("il s'appelle mohamed amine avec un tiret …")
                                             or (intent in (*_COURTESIES, "nlu_fallback")
                                                 or intent in _NOT_ABOUT_A_PATIENT and "?" not in text)
                                             and names_someone(text, entities)
                                             # "non erreur sur la ddn c 08/12/1948": the no says what is wrong
                                             or intent == "deny" and (names_the_patient(entities)
                                                                      or gives_a_detail_it_names(text, entities))
                                             # "finalement à voir sous 3h svp, en visio c'est ok": a new delay
                                             # approved, no yes to the summary
                                             or intent == "affirm" and says_how_soon(text, entities)
                                             or intent in _NOT_ABOUT_A_PATIENT and (
                                                 names_the_patient(entities) or speaks_of_the_patient(text, entities)
                                                 or presents_someone(text, entities)
                                                 or describes_a_complaint(text, entities)
                                                 or opens_with_a_complaint(text, entities)
                                                 or says_how_soon(text, entities)
                                                 or gives_a_detail_it_names(text, entities)
                                                 or describes_after_asking(text, entities))):
                _set_intent(message, "inform")
            elif intent in _COURTESIES and (answer := leading_answer(text)):
                _set_intent(message, answer)
            elif intent in _NOT_ABOUT_A_PATIENT and not entities and "?" not in text \
                    and (leading_answer(text) == "affirm" and (len(text.split()) <= 5 or tells_to_go_ahead(text)
                                                               or not asks_or_objects(text))
                         or orders_to_go_ahead(text)):
                # "oui ça me va", "ça me va": a yes, no question about SAS; "oui c'est parfait vous pouvez valider";
                # "oui parfait, je préviens le voisin": what the regulator does next
                _set_intent(message, "affirm")
            elif intent in _DETAILS and not entities and not announced and (answer := leading_answer(text)):
                # "non, deux choses": a no, the corrections come after; "oui c'est ca": a yes, nothing to note
                _set_intent(message, answer)
            elif intent == "choisir_creneau" and (says_a_range(text, entities) or says_how_soon(text, entities)
                                                  and not names_a_pick(_outside(text, entities))) \
                    or intent in _SEARCH_AGAIN and any(e["entity"] in _ELSEWHERE_OR_OTHERWISE | _IDENTITY for e in entities):
                # "dispo seulement après 16h": when the patient can come, no slot picked; "VAD plutôt": another mode;
                # "attendez je regarde, le 3 mars 35": a birth date, never a new search
                _set_intent(message, "inform")
            elif intent in _DETAILS and (not entities or asks_about_the_mode(text, entities)) and (
                    _runner_up(message) == "faq" and (asks_something(text) or not entities and text.rstrip().endswith("?"))
                    or asks_on_behalf(text)):
                # "la patiente demande si elle aura un dépassement, c koi le tarif pr un rdv SAS ?": about SAS; "s'il a
                # un empêchement, il pourra annuler lui-même ?": a question that gives no detail
                _set_intent(message, "faq")
            elif intent == "choisir_creneau" and (names_the_patient(entities)
                                                  or gives_a_detail_it_names(written_out(text), entities)):
                _set_intent(message, "inform")  # "NDN LE GUEN" looks like "le 2": a detail named, no slot picked
            elif intent == "autres_creneaux" and other_of_a_detail(text):
                _set_intent(message, "inform")  # "Nguyen, pas d'autre nom": about the patient's name, not the slots
            elif intent == "autres_creneaux" and asks_on_behalf(text) and not _words(text) & _OTHERS:
                # "elle demande si le médecin verra son message tout de suite ?": asked about SAS, no other slots
                _set_intent(message, "faq")
            decided = (message.get(INTENT) or {}).get("name")
            if decided in _DETAILS and (kind := kind_of_details(entities)):
                _set_intent(message, kind)
            # a pick read only where nothing above decided: not "… il le prend à 17h. On peut laisser tomber, merci"
            elif decided == intent and not entities and not announced and names_a_pick(text) and (
                    intent == "nlu_fallback" or intent in _DETAILS and (
                    _runner_up(message) == "choisir_creneau" or TIME.search(fold(text)) or _BY_ITS_RANK.match(fold(text))
                    or names_a_practitioner(text))
                    or intent in _NOT_ABOUT_A_PATIENT and "?" not in text and (
                        TIME.search(fold(text)) and (len(text.split()) <= 5 or not _words(text) & _ASKING)
                        or _BY_ITS_RANK.match(fold(text)) and not _words(text) & (_ASKING | _ASKING_WHAT))):
                # "le Dr Chauvin" gives no detail to note, "8h45 c'est parfait" was uncertain, "le troisième plutôt,
                # après les cours", "le 2eme creneau" (no question) open with a rank: a pick; a time said
                # alone ("8h45 c bien"), or a doctor and a time approved with no word asking ("Dr Georges de 8h45
                # c'est bien, il le connaît"), is no question
                _set_intent(message, "choisir_creneau")
        return messages


def _words(text: str) -> set[str]:
    """The words of the text, folded (folding twice changes nothing: folded text may be given)."""
    return set(re.findall(r"[a-z'-]+", fold(text)))


# "le troisième plutôt", "euh la deuxième", "plutôt le deuxième, …": an offered slot pointed at by its rank, first
# "2eme creneau svp": without its article, the rank names what it points at
_RANK = r"(?:premier|premiere|deuxieme|second|seconde|troisieme|quatrieme|cinquieme|dernier|derniere|\d(?:er|ere|e|eme)?)"
_BY_ITS_RANK = re.compile(r"^\W*(?:(?:euh|alors|bon|ok|oui|non|plutot|finalement)\W+)*"
                          r"(?:(?:le|la|celui|celle)\s+(?:du\s+|de\s+la\s+)?" + _RANK + r"\b|"
                          + _RANK + r"\s+(?:creneau|choix|rdv|praticien|medecin|docteur|dr)\b)")


# The intents that carry details. A short answer is sometimes mistaken for another: "Le Gall" looks like "le 2",
# "Gomez" like a question, "Hamon" like a new search.
_DETAILS = {"inform", "adresser_patient"}
_OTHERS = {"autre", "autres", "suivant", "suivants", "suivante", "suivantes", "plus", "d'autres"}
_COURTESIES = {"thank", "greet", "goodbye"}
# Questions about SAS and small talk never carry the patient's birth date, phone or email: a message that does is
# about the patient ("attendez, il est né le 8 mai 1996", however the classifier reads the "attendez"). Names are
# no such proof: in a question written without capitals, words may read as names ("le praticien lit il …"). Nor
# does a typed message read as an upload (the side panel announces one with its payload, never with words).
_NOT_ABOUT_A_PATIENT = {"faq", "out_of_scope", "nlu_fallback", "joindre_piece", *_COURTESIES}
_IDENTITY = {"date_naissance", "telephone", "email"}
_YES = {"oui", "ok", "okay", "daccord", "ouais", "volontiers", "entendu", "exactement", "tout a fait", "tres bien",
        "valide", "validez", "confirme", "confirmez", "go"} | APPROVALS  # "validé, merci"
_AGREEING = {"ca me va", "ca ira", "ca marche", "ca me convient", "ca convient", "ca lui va", "ca lui convient",
             "c est parfait", "c est bon", "c est ok", "va pour", "c est tout bon", "tout est bon",
             "tout bon", "c est ca", "c est bien ca"}  # "ça me va" (not "ça me va pas")
_NO = {"non", "nan"}
_GREETINGS = {"bonjour", "bonsoir", "allo", "salut"}
# what opens an answer and says nothing yet: "voilà, là c'est bon", "bon ben c'est bon", "alors non"
_INTERJECTIONS = {"ah", "oh", "eh", "euh", "heu", "bah", "ben", "hum", "voila", "la", "bon", "alors", "maintenant"}
_FILLERS = re.compile(r"^(?:(?:euh|heu|ben|bah|hum|alors|bon)\b[\s,.]*)+", re.IGNORECASE)


def _set_intent(message: Message, name: str) -> None:
    chosen = {"name": name, "confidence": 1.0}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)


_A_NEW_ONE = re.compile(r"\b(?:nouve(?:au|lle|l)|autre|suivante?|prochaine?|change[rz]?|passe|passons|oublie[rz]?"
                        r"|recommence[rz]?|dossier)\b")


def _runner_up(message: Message) -> str | None:
    ranking = message.get(INTENT_RANKING_KEY) or []
    return ranking[1].get("name") if len(ranking) > 1 else None


def kind_of_details(entities: list[dict]) -> str | None:
    """A description of a patient gives several details at once; an answer or an addition, one or two. Both lead
    to the same form: the name says which the regulator meant. Three details may be either: the classifier says.
    A civility implied alone is none given ("je vous appelle pour ma mère": someone announced)."""
    if [e["entity"] for e in entities] == [IMPLIED_CIVILITY]:
        return None
    if len(entities) >= 4:
        return "adresser_patient"
    return "inform" if 0 < len(entities) <= 2 else None


def names_the_patient(entities: list[dict]) -> bool:
    return any(e["entity"] in _IDENTITY for e in entities)


def speaks_of_the_patient(text: str, entities: list[dict]) -> bool:
    """A statement about the patient, no question: said of him or her ("la patiente me dit qu'elle est chez sa sœur à
    Aix", "il préfère finalement une visite", "c'est plus pressé, il faudrait la voir dans les deux heures"), with
    where, how or how soon to see them."""
    words = re.findall(r"[a-z']+", fold(text))
    # "elle me dit qu'elle peut pas bouger du boulot, en visio plutôt c possible ?": her preference, asked for her
    preferred = set(words) & _PREFERRING and "?" in text and any(e["entity"] == "type_consultation" for e in entities)
    return any(e["entity"] in _WHERE_HOW_OR_HOW_SOON for e in entities) and not asks_about_the_mode(text, entities) \
        and (asks_to_search(text) or (_states(text, words) or preferred) and bool(set(words) & _OF_THE_PATIENT))


_PREFERRING = {"plutot", "prefere", "prefererait", "preferait", "finalement"}  # "elle préfère en vidéo finalement, t'as ça ?"


def asks_about_the_mode(text: str, entities: list[dict]) -> bool:
    """A question on the patient's behalf about the mode, which is its only detail ("il me demande si la
    téléconsultation est remboursée", "la voisine demande si la visite à domicile est prise en charge"): about SAS,
    no wish for it; "elle demande si c'est possible en visio" asks for it."""
    return asks_on_behalf(text) and not _words(fold(text)) & _WISHING \
        and all(e["entity"] == "type_consultation" for e in entities)


# asking for the mode: preferring it ("finalement" alone is no wish), or asking whether it can be
_WISHING = _PREFERRING - {"finalement"} | {"possible", "peut", "pourrait", "faisable", "envisageable"}


def presents_someone(text: str, entities: list[dict]) -> bool:
    """A statement naming someone with their civility ("allo oui c'est pour madame Payet P A Y E T"): the patient
    presented, no question about SAS."""
    read = {e["entity"] for e in entities}
    return "civilite" in read and bool(read & {"nom", "prenom"}) \
        and _states(text, re.findall(r"[a-z']+", fold(text)))


def describes_a_complaint(text: str, entities: list[dict]) -> bool:
    """A statement giving a complaint and where, how or how soon to see the one who has it ("infirmière libérale
    appelle pour Mme Vidal, vit seule à Figeac, fièvre 38.2 …, VAD svp"): a patient described, whatever words of the
    practitioners' questions it holds."""
    words = re.findall(r"[a-z']+", fold(text))
    return _states(text, words) and any(e["entity"] == "symptomes" for e in entities) \
        and any(e["entity"] in _WHERE_HOW_OR_HOW_SOON for e in entities)


def opens_with_a_complaint(text: str, entities: list[dict]) -> bool:
    """A statement that opens with the complaint ("lumbago depuis 2j, bloqué, doliprane sans effet", "entorse cheville g
    hier au foot, …, veut voir un med pr savoir si radio"): the patient described, however many words of the
    practitioners' questions follow it."""
    opening = _FILLERS.match(text)
    return _states(text, list(_words(text))) and not asks_something(text) and any(
        e["entity"] == "symptomes" and e.get("start") == (opening.end() if opening else 0) for e in entities)


def describes_after_asking(text: str, entities: list[dict]) -> bool:
    """A question, then the patient described ("teleconsult possible ? pat toux sèche depuis 10j, voir dans la journée
    si poss"): the question is about this patient's referral, which the description opens."""
    asked = text.rfind("?")
    after = [e for e in entities if e["start"] > asked]
    return asked >= 0 and "?" not in text[asked + 1:] and any(e["entity"] == "symptomes" for e in after) \
        and len([e for e in entities if e["entity"] not in NAME_FIELDS]) >= 2


def asks_to_search(text: str) -> bool:
    """The assistant asked to search or book ("il est à Tourcoing, vous pouvez chercher par là-bas ?"), or whether
    there are any ("il y aurait des visites à domicile ?"): a request for this patient, whatever its question mark,
    never a question about SAS."""
    return _TO_SEARCH.search(fold(text)) is not None or _ANY_THERE.search(fold(text)) is not None


_TO_SEARCH = re.compile(r"\b(?:vous pouvez|pouvez-vous|pouvez vous|vous pourriez|pourriez-vous|pourriez vous|tu peux|"
                        r"peux-tu|peux tu|tu pourrais|pourrais-tu|merci de)\s+(?:me |nous |lui |en |y |plutot )?"
                        r"(?:chercher|rechercher|trouver|regarder|relancer|refaire|reserver|prendre)\b")


_ANY_THERE = re.compile(r"\b(?:il y a|il y aurait|y a-t-il|y aurait-il|vous avez|vous auriez|avez-vous|auriez-vous|tu as"
                        r"|t'as|t'aurais|on a|on aurait)\s+(?:des|une|un|du|de la|quelque chose)\b")


def says_how_soon(text: str, entities: list[dict]) -> bool:
    """A short statement of how soon the patient is to be seen, no question ("finalement c urgent, d'ici 6h max",
    "il faudrait que ce soit fait dans les six heures maximum")."""
    words = re.findall(r"[a-z']+", fold(text))
    return _states(text, words) and len(words) <= 12 \
        and any(e["entity"] == "urgence" for e in entities)  # a time of day is also how practitioners speak of slots


def _states(text: str, words: list[str]) -> bool:
    """No question mark, no word that asks: a statement."""
    return "?" not in text and not set(words) & _ASKING


def names_someone(text: str, entities: list[dict]) -> bool:
    """A name read and a verb that names ("il s'appelle Gaëtan", "elle se nomme …"): who the patient is."""
    return any(e["entity"] in NAME_FIELDS for e in entities) and bool(_NAMING_VERB.search(fold(text)))


_NAMING_VERB = re.compile(r"\b(?:s'appelle|s appelle|se nomme|se prenomme|son prenom c'est|son nom c'est)\b")


def gives_a_detail_it_names(text: str, entities: list[dict]) -> bool:
    """A statement naming one of the patient's details and giving it ("il y a une erreur sur le prénom c'est Maëva
    pas Maëlle"): a correction, no question about SAS."""
    words = set(re.findall(r"[a-z']+", fold(text)))
    return "?" not in text and not words & _ASKING and any(
        words & _DETAIL_WORDS.get(e["entity"], set()) for e in entities)


_DETAIL_WORDS = {"prenom": {"prenom"}, "nom": {"nom"}, "nom_naissance": {"naissance", "fille"},
                 "date_naissance": {"naissance", "ddn", "date"}, "telephone": {"telephone", "tel", "numero", "portable"},
                 "email": {"mail", "email", "adresse"}, "localisation": {"adresse", "ville", "commune"}}


def announces_a_patient(text: str) -> bool:
    """Someone to refer, announced as such with no question ("patiente a adresser svp", "j'ai un monsieur à placer
    sur Reims", "MG pr pt diabétique"), however the classifier read it."""
    folded = fold(written_out(text))
    return "?" not in text and not _words(folded) & _ASKING and bool(_TO_REFER.search(folded))


def asks_something(text: str) -> bool:
    """A question with a word that asks ("c'est quoi le tarif ?", "combien …?"), not a request ("un rdv svp ?"); or,
    dictated without its question mark, asked with "est-ce que", "c'est quoi" ("c'est quoi déjà un créneau snp")."""
    folded = fold(written_out(text))
    return "?" in text and bool(_words(folded) & _ASKING_WHAT) \
        or re.search(r"\best[- ]ce qu|\bc'est quoi\b", folded) is not None


def asks_on_behalf(text: str) -> bool:
    """A question said on the patient's behalf, with no question mark when dictated ("il me demande s'il va recevoir
    un sms", "elle voudrait savoir combien ça coûte"): about SAS, no detail of the patient."""
    return bool(_ON_BEHALF.search(fold(written_out(text))))


_ON_BEHALF = re.compile(r"\b(?:me|nous|vous)?\s*(?:demande|demandent|demandait|voudrait savoir|veut savoir|aimerait savoir"
                        r"|se demande)\s+(?:si|s'il|s'ils|s'elle|comment|combien|pourquoi|quand|qui|quel|quelle|ce que)\b")


def announces_the_next_patient(text: str) -> bool:
    """"ok maintenant le mari", "ensuite sa fille": someone else announced next, whose details will follow."""
    said = _NEXT.match(fold(text).strip())
    return said is not None and (said["who"] in RELATIVES or (said["who"],) in PERSON_NOUNS)


_NEXT = re.compile(r"(?:(?:ok|bon|et|alors|bien|parfait|merci)[\s,]+)*(?:maintenant|ensuite|puis|au tour d[eu']?)\s*"
                   r"(?:l'|le |la |les |son |sa |leur |un |une |mon |ma )?(?P<who>[a-z'-]+)\s*[.!]*$")
_SOMEONE = "|".join(sorted({" ".join(noun) for noun in PERSON_NOUNS} | {"pte?", "monsieur", "madame", "mr", "mme",
                                                                         "personne", "bebe", "nourrisson",
                                                                         "quelqu'un"}))  # "j'ai qqn a vous adresser"
# "une patiente à adresser", "un petit garçon à faire voir par un pédiatre", "MG pr un pt diabétique", "besoin d'un
# créneau pr une pte sur Créteil": someone to refer, or a slot asked for someone
_TO_REFER = re.compile(rf"\b(?:{_SOMEONE})\s+(?:a|pour)\s+(?:vous\s+)?(?:{'|'.join(sorted(REFERRING))}|faire voir|voir)\b"
                       rf"|\b(?:{_SOMEONE})\s+(?:a vous passer|pour vous)\b"  # "j'ai un patient à vous passer, pour vous"
                       rf"|^(?:[\w']+\s+){{1,2}}pour\s+(?:un\s+|une\s+)?(?:patiente?|pte?)\b"
                       rf"|\bappelle\s+pour\s+(?:un|une)\s+(?:{_SOMEONE})\b"  # "je vous appelle pour un patient"
                       # "c'est le papa qui appelle pour sa fille"
                       rf"|\bappellen?t?\s+pour\s+(?:sa|son|ses|ma|mon|mes|leur|leurs|notre|nos)\s+"
                       rf"(?:{'|'.join(sorted(RELATIVES | {'fille', 'fils', 'enfant', 'enfants'}))})\b"
                       rf"|\b(?:besoin|il me faut|il me faudrait|je cherche|cherche)\s+(?:d')?(?:un|une)\s+"
                       rf"(?:creneau|rdv|rendez-vous|consultation|consult|place|visite|teleconsultation)\s+pour\s+"
                       rf"(?:un\s+|une\s+|mon\s+|ma\s+)?(?:{_SOMEONE})\b")
_WHERE_HOW_OR_HOW_SOON = {"localisation", "type_consultation", "urgence"}
_OF_THE_PATIENT = {"il", "elle", "patient", "patiente", "qu'il", "qu'elle", "pt", "pte", "pat"}  # "la pte est a …"
_ASKING_WHAT = {"quoi", "combien", "comment", "pourquoi", "quel", "quelle", "quels", "quelles"}  # not "pouvez-vous"
_ASKING = {"comment", "pourquoi", "quand", "quel", "quelle", "quels", "quelles", "combien", "est-ce", "qu'est-ce",
           "peut-on", "puis-je", "faut-il", "doit-on", "dois-je", "ou"}


def leading_answer(text: str) -> str | None:
    """"oui merci", "non merci, pas besoin": a yes or a no said first is the answer, the courtesy after it is not."""
    words = [_unstretched(w) for w in re.findall(r"[a-z]+", fold(written_out(text)).replace("d'accord", "daccord"))]
    while words[1:] and words[0] in _INTERJECTIONS:  # "ah non attendez, il y a une erreur sur le nom"
        words = words[1:]
    if not words or words[1:2] and words[1] in _GREETINGS:
        return None  # "oui bonjour, j'ai le papa en ligne": how a call is answered, no yes to anything
    first_two = " ".join(words[:2])
    agreed = next((n for n in (4, 3, 2) if " ".join(words[:n]) in _AGREEING_UNSTRETCHED), 0)
    if words[0] in _YES_UNSTRETCHED or first_two in _YES_UNSTRETCHED \
            or agreed and words[agreed:agreed + 1] not in (["pas"], ["plus"]):
        return "affirm"
    return "deny" if words[0] in _NO else None


def _unstretched(word: str) -> str:
    """A word without its letters doubled: typed fast or stretched, "ouii", "okkk", "nonnn" say "oui", "ok", "non"."""
    return re.sub(r"([a-z])\1+", r"\1", word)


_YES_UNSTRETCHED = {" ".join(map(_unstretched, said.split())) for said in _YES}
_AGREEING_UNSTRETCHED = {" ".join(map(_unstretched, said.split())) for said in _AGREEING}


def asks_or_objects(text: str) -> bool:
    """A word that asks ("comment", "est-ce", "reçoit-il") or objects ("mais", "si"): more than a yes."""
    folded = fold(text)
    return bool(_words(folded) & (_ASKING | {"mais", "si", "sauf"})
                or re.search(r"\w-(?:t-)?(?:il|elle|on|je|vous|ils|elles)\b", folded))


def tells_to_go_ahead(text: str) -> bool:
    """After the yes, every clause tells to book or says nothing more ("oui c'est parfait vous pouvez valider", "ok
    allez-y réservez", "oui c'est bon pour elle aussi")."""
    rest = _clauses(text)[1:]
    return any(rest) and all(_goes_ahead(r) or leading_answer(r) == "affirm" or set(r.split()) <= _NOTHING_MORE
                             for r in rest if r)


def orders_to_go_ahead(text: str) -> bool:
    """An order to book, with nothing else but a yes or words that add nothing ("voilà, maintenant c'est bon, vous
    pouvez valider"): a yes to the summary, though no yes opens it."""
    said = [r for r in _clauses(text) if r]
    return any(_goes_ahead(r) for r in said) and all(
        _goes_ahead(r) or leading_answer(r) == "affirm" or set(r.split()) <= _NOTHING_MORE for r in said)


def _clauses(text: str) -> list[str]:
    return [" ".join(_without_courtesy(re.findall(r"[a-z'-]+", c))) for c in _CLAUSE_BREAKS.split(fold(text))
            if c and c.strip()]


def _goes_ahead(clause: str) -> bool:
    return bool(_GO_AHEAD.fullmatch(_MODAL_BEFORE_GO.sub("", clause).strip()))


_NOTHING_MORE = {"bon", "pour", "elle", "lui", "eux", "elles", "aussi", "egalement", "tout", "ca", "marche", "parfait",
                 "voila", "maintenant"}
# The modal before an order, however polite: "vous pouvez valider", "on peut annuler", "il faudrait annuler"
_MODALS = (r"(?:il )?(?:faut|faudrait)|(?:je|on) (?:dois|doit|veux|voudrais|va|vais|peux|peut|pourrait|pourrais)"
           r"|vous (?:pouvez|pourriez)|tu (?:peux|pourrais)|pouvez-vous|pourriez-vous|peux-tu|merci de|merci d'"
           r"|je vous laisse")
_MODAL_BEFORE_GO = re.compile(rf"^(?:{_MODALS})\b")
_GO_AHEAD = re.compile(r"(?:valider|validez|confirmer|confirmez|reserver|reservez|allez-y|vas-y|y aller|go)"
                       r"(?: la reservation| le rdv| le rendez-vous)?")


def says_a_range(text: str, entities: list[dict]) -> bool:
    """A wanted time said as a bound ("après 16h", "pas avant 11h", "à partir de 14h") or roughly ("vers 11h", "autour
    de 15h": an hour either side), not the time of a slot, which a pick says exactly."""
    return any(e["entity"] == "creneau" and _BOUND.search(fold(text[e["start"]:e["end"]])) for e in entities
               if e.get("start") is not None)


_BOUND = re.compile(rf"\b(?:apres|avant|a partir d|jusqu|entre|{'|'.join(ROUGHLY)})")
_SEARCH_AGAIN = {"elargir_rayon", "elargir_delai", "rechercher"}
_ELSEWHERE_OR_OTHERWISE = {"type_consultation", "specialite", "localisation"}


def other_of_a_detail(text: str) -> bool:
    """The message's "autre" qualifies one of the patient's details ("pas d'autre nom", "un autre numéro"), not
    slots nor practitioners."""
    return any(noun in _DETAIL_NOUNS for noun in re.findall(r"\bautres? ([a-z]+)", fold(text)))


_DETAIL_NOUNS = {"nom", "noms", "prenom", "prenoms", "numero", "numeros", "telephone", "tel", "portable", "mail",
                 "email", "adresse", "date"}


def is_only_a_yes(text: str) -> bool:
    """A short yes in small letters ("go", "ok go", "parfait merci"): a name typed as an answer has its capital,
    unless no one bears it ("Validé", "Confirmé") or it approves ("Parfait.", "Super, merci")."""
    words = [lexicons.key(word) for word in re.findall(r"[^\W\d_]+", text)]
    return len(text.split()) <= 3 and leading_answer(text) == "affirm" and (
        text == text.lower() or all(word in APPROVALS | {"merci"} for word in words)
        or not any(word in lexicons.surname_scores() or word in lexicons.first_name_scores() for word in words))


def asks_to_cancel(text: str) -> bool:
    """"vous pouvez annuler le RDV ?", "pouvez-vous annuler ?", "on peut annuler le rdv svp ?": a request made as a
    question, not one about SAS."""
    return bool(_ASKED_TO_CANCEL.search(fold(text)))


# "on peut annuler le rdv svp ?": a modal, then the order; not "on peut annuler un rendez-vous SAS ?", asked in general
_ASKED_TO_CANCEL = re.compile(rf"\b(?:{_MODALS})\s+(?:me\s+|m')?(?:l'|le\s+)?annuler\b(?!\s+(?:un|une|des)\b)")


def says_to_cancel(text: str) -> bool:
    """The first or the last clause of the message, whole, orders to cancel: "on annule, il part aux urgences" (the
    order, then why), "il a rdv chez son médecin demain, vous pouvez annuler le rdv svp" (why, then the order). The
    other clauses describe no patient to refer."""
    clauses = [c for c in _CLAUSE_BREAKS.split(fold(text))
               if c and not _words(c) <= _BEFORE_AN_ORDER]  # "ah mince" opens no clause
    while clauses[1:] and _CALLED_BACK.fullmatch(" ".join(w for w in re.findall(r"[a-z'-]+", clauses[0])
                                                          if w not in _BEFORE_AN_ORDER)):
        clauses = clauses[1:]  # "elle vient de rappeler, elle annule le rdv, …": that she called says what comes next
    while clauses[1:] and (_CONFIRMING.fullmatch(_SPOKEN_JE.sub("je ", last := " ".join(re.findall(r"[a-z'-]+", clauses[-1]))))
                           or _words(clauses[-1]) <= _APOLOGIES or _CALLED_BACK.fullmatch(last)):
        # "… vous pouvez annuler svp, oui je confirme": the order said before is confirmed; "… on annule ce rdv svp,
        # désolé": excused; "… vous pouvez annuler le rdv svp ? il rappellera": what comes after
        clauses = clauses[:-1]
    return bool(clauses) and any(_orders_to_cancel(clause) for clause in {clauses[0], clauses[-1]})


# Who called, or will call, whom back: "elle vient de rappeler, …" before the order; "… vous pouvez annuler le rdv svp ?
# il rappellera", "… ? je le rappellerai plus tard" after it
_CALLED_BACK = re.compile(r"(?:(?:je|j'|il|elle|on|ils|elles|nous|la patiente|le patient|(?:sa|son|la|le) [a-z-]+) )?"
                          r"(?:vient de |viennent de )?(?:m'a |nous a |a |me |m'|nous |vous |le |la |les |l')?"
                          r"(?:r?appel|recontact)\w*(?: (?:plus tard|demain|ce soir|dans la journee|apres))?")


# Punctuation, or, dictated, the words that open a new clause ("… le prend ce soir du coup on annule c'est plus la
# peine", "… on va plutôt passer au quinze il faut annuler le rendez-vous", "… il vient de vomir on arrête …", "… il
# est hospitalisé ce soir annulez le rendez-vous")
_CLAUSE_BREAKS = re.compile(r"[,.;:!?\n]| - |\b(?:du coup|donc|c'est)\b"
                            r"|(?=\b(?:finalement|il faut|faut|vous pouvez|pouvez-vous|on doit|je dois|merci d'|on annule"
                            r"|on arrete|on laisse tomber|laissez tomber|annulez|arretez)\b)")


def _orders_to_cancel(clause: str) -> bool:
    words = re.findall(r"[a-z'-]+", clause)
    if words[:1] in (["stop"], ["non"]) and " ".join(_without_courtesy(words[1:])) in _NO_BOOKING:
        return True  # "stop pas de rdv, pt rappelle dlr thoracique -> smur engagé"
    while words[:-1] and words[0] in _BEFORE_AN_ORDER:  # "ah stop on annule", "bon finalement on annule"
        words = words[1:]
    # Dictated without punctuation, the order then why: "on arrête on l'envoie aux urgences", "on annule il a trouvé";
    # or why, then what the patient decided: "il vient de rappeler il annule il a eu son médecin"
    starts = [0, *(k for k in range(1, len(words)) if words[k] in _CLAUSE_SUBJECTS), len(words)]
    return any(_is_an_order(words[a:b]) for a, b in zip(starts, starts[1:], strict=False)) or _is_an_order(words)


def _without_courtesy(words: list[str]) -> list[str]:
    while words[1:] and words[-1] in _COURTESY:  # "annulez svp", "réservez s'il vous plaît"
        words = words[:-1]
    return words


def _is_an_order(words: list[str]) -> bool:
    words = _without_courtesy(words)
    order = _CANCELLED.sub("", " ".join(words))  # "annuler le rdv": what is cancelled, the order all the same
    order = _FOR_WHOM_OR_WHEN.sub("", order)  # "on annule pour lui", "on laisse tomber pour aujourd'hui"
    order = _SPOKEN_JE.sub("je ", order)  # "j'confirme l'annulation", as said
    order = order.removesuffix(" tout")  # "on arrête tout"
    return _MODAL.sub("", order) in _CANCEL_ORDERS  # "faut annuler", "vous pouvez annuler": the order all the same


_CLAUSE_SUBJECTS = {"on", "il", "elle", "ils", "elles", "je", "j'", "nous"}  # who a new clause is about
_NO_BOOKING = {"pas de rdv", "pas de rendez-vous", "pas de rendez vous", "plus de rdv", "on ne reserve pas"}
# "… annulez le rendez-vous svp, c'est sûr" (split at "c'est": "sur"): the order said before is confirmed
_CONFIRMING = re.compile(r"(?:oui |ok )?(?:je (?:vous )?(?:le )?confirme|c'est confirme|confirme|merci|(?:c'est )?sur"
                         r"|(?:c'est )?certain|definitivement)")
_SPOKEN_JE = re.compile(r"\bj'(?=[^aeiouyh\s])")
_CANCEL_ORDERS = {"on annule", "annule", "annulez", "annuler", "on arrete", "on arrete la", "arretez", "laisse tomber",
                  "laissez tomber", "on laisse tomber", "laisser tomber", "oubliez", "oublie", "oublier",
                  "plus la peine", "n'est plus la peine",
                  "plus besoin", "il annule", "elle annule", "ils annulent",  # the patient's decision, reported
                  "je confirme l'annulation", "confirme l'annulation",  # said before it is asked to be confirmed
                  "annulation confirmee"}
_BEFORE_AN_ORDER = {"ah", "oh", "bon", "non", "oui", "stop", "alors", "euh", "finalement", "pardon", "attendez", "ok", "bah",
                    "ben", "mince", "zut", "oups", "bref", "donc"}
# "s'il vous plaît", folded and split; "… faut annuler le rendez-vous désolé"
_COURTESY = {"svp", "stp", "merci", "plait", "s'il", "vous", "te", "il", "desole", "desolee", "dsl"}
_APOLOGIES = {"desole", "desolee", "desoles", "pardon", "excusez-moi", "excusez", "moi", "dsl", "vraiment", "merci",
              "encore", "pour", "le", "derangement", "svp", "et", "beaucoup"}  # "merci et désolée"
# "annuler le rendez-vous qu'on vient de prendre": what is cancelled, with what is said of it
# "annulez celui-ci", "annulez-le": the booking pointed at, the order all the same
_CANCELLED = re.compile(r"(?: (?:(?:le|la|ce|cette|son|sa|votre) |l')(?:rdv|rendez-vous|demande|reservation|creneau|adressage"
                        r"|orientation|reorientation|recherche|consultation|teleconsultation|teleconsult|visio|visite|tc)"
                        r"(?: (?:qu'on|que|qu'il|qu'elle|qui|pris|reserve|d'aujourd'hui|de demain)\b.*)?"
                        r"| (?:celui-ci|celui-la|celle-ci|celle-la)|-(?:le|la))$")
_MODAL = re.compile(rf"^(?:{_MODALS}) ?(?=annuler|arreter|laisser tomber|oublier)")
# For whom or for when the order holds, after it: no part of what is cancelled
_FOR_WHOM_OR_WHEN = re.compile(r" pour (?:lui|elle|eux|elles|(?:ce|le) patient|(?:cette|la) patiente|aujourd'hui|ce soir"
                               r"|ce matin|cet apres-midi|le moment|l'instant|maintenant|cette fois|ce coup-ci)$")


def is_bare_detail(text: str, entities: list[dict]) -> bool:
    """A message of a few words that is one or two details and the grammar words that introduce them ("Le Gall",
    "Les Abymes", "0690 12 34 56", "le 12/03/1950", "c'est Joaquim"): an answer, whatever the intent classifier
    says; but a message that may point at an offered slot ("le 3 à 14h30", "celui de 14h30") only when the details
    cover it."""
    # "euh dans les deux heures maximum": the hesitation says nothing; "Haddad, H A deux D A D": the name, once
    said = said_once(_FILLERS.sub("", text.strip(" .!,;"))).strip(" ,")
    if not entities or not 0 < len(said.split()) <= 5:
        return False
    if sum(e["end"] - e["start"] for e in entities) >= 0.8 * len(said):
        return True
    # "sous 5h max svp": the hour is the delay's, no pick; "Fournier-Petit, comme son papa": whose name it also is
    rest = SAME_AS.sub("", _outside(text, entities))
    if any(e["entity"] == "localisation" for e in entities):
        rest = _QUARTER_AT_THE_END.sub("", fold(rest))  # "Ajaccio, quartier des Salines": where in the town
    return not names_a_pick(rest) and all(word in _GRAMMAR for word in re.findall(r"[a-z]+", fold(rest)))


_QUARTER_AT_THE_END = re.compile(rf"[\s,(-]*\b(?:{'|'.join(sorted(IN_A_TOWN))})\b[^,.;]*$")


def _outside(text: str, entities: list[dict]) -> str:
    """The text with the details read blanked out."""
    rest = list(text)
    for entity in entities:
        rest[entity["start"]:entity["end"]] = " " * (entity["end"] - entity["start"])
    return "".join(rest)


# spaCy's French stop words, as folded words, and the hesitations
_GRAMMAR = {w for stop in STOP_WORDS for w in re.findall(r"[a-z]+", fold(stop))} | {"euh", "heu", "ben", "bah", "hum"} | {
    "svp", "stp", "merci", "max", "maxi", "maximum", "possible", "poss", "tard"}  # "au plus tard sous 5h svp"
