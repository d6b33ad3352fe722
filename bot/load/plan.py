"""What the simulated regulators of the load test will type, drawn before the run (in the assistant's environment,
where the project's data is): patients from the name lists the NLU reads (bot.nlu.lexicons), places where the agenda
has practitioners, descriptions in the shapes of bot/load/phrasings.yml, FAQ questions from data/nlu/faq.yml.
Locust only replays the plan, so that it needs nothing of the project."""
from __future__ import annotations

import gzip
import itertools
import random
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import phonenumbers
import yaml
from spacy.lang.fr.stop_words import STOP_WORDS
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from bot.agenda.models import Place
from bot.nlu import lexicons
from bot.nlu.names import _NOT_NAMES as NOT_NAMES
from bot.settings import ROOT

PHRASINGS = Path(__file__).with_name("phrasings.yml")
FAQ = ROOT / "data" / "nlu" / "faq.yml"
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
ASIDE_SHARE = 0.25  # of bookings with a FAQ question or a correction before the pick
COMMON_FIRST_NAMES, COMMON_SURNAMES = 3, 3000  # names a regulator meets every day, not the rare ones
MIN_PLACES = 3  # a commune where several practitioners work: the search finds slots near it


@dataclass(frozen=True)
class Patient:
    civilite: str  # "Madame" or "Monsieur"
    prenom: str
    nom: str
    nom_naissance: str
    date_naissance: str  # ISO
    telephone: str  # E.164


@dataclass(frozen=True)
class Booking:
    description: str
    patient: Patient  # as the agenda must hold it once booked (after the correction, if any)
    answers: dict[str, str]  # what to answer when the assistant asks one field
    recap: tuple[str, ...] = ()  # what the recap before the confirmation must show: else the regulator stops
    aside: str | None = None  # a FAQ question or a correction, typed between the offer and the pick


@lru_cache(maxsize=1)
def phrasings() -> dict:
    return yaml.safe_load(PHRASINGS.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def faq_questions() -> list[str]:
    intents = yaml.safe_load(FAQ.read_text(encoding="utf-8"))["nlu"]
    return [intent["metadata"]["titre"] for intent in intents if (intent.get("metadata") or {}).get("titre")]


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, list[str]], list[str]]:
    """(first names by gender, surnames) common in France: first names of a frequency class of at least
    COMMON_FIRST_NAMES (gender-guesser's, accents folded as often typed), the COMMON_SURNAMES most borne surnames."""
    scores, genders = lexicons.first_name_scores(), lexicons.first_name_genders()
    common = [n for n in scores if scores[n] >= COMMON_FIRST_NAMES and n.isalpha()]
    firsts = {g: sorted(n.capitalize() for n in common if genders[n] == g) for g in "fm"}
    with gzip.open(lexicons.SURNAMES_PATH, "rt", encoding="utf-8") as lines:  # most borne first
        surnames = [line.strip() for line in itertools.islice(lines, COMMON_SURNAMES)]
    # Not "La", "Ma Vie", "Bonjour" or "Jacques": a surname that is also a word or a first name is ambiguous even to a
    # person (the names list has a few such entries).
    return firsts, [n for n in surnames if len(n) > 2 and lexicons.key(n) not in common
                    and not {*lexicons.key(n).split(), lexicons.key(n)} & (STOP_WORDS | NOT_NAMES)]


def communes(factory: sessionmaker) -> list[tuple[str, str]]:
    """(commune, postal code) where the agenda has several places of practice."""
    with factory() as session:
        rows = session.execute(select(Place.commune, func.min(Place.postal_code)).group_by(Place.commune)
                               .having(func.count() >= MIN_PLACES)).all()
    return sorted((commune, postal) for commune, postal in rows)


def spoken_place(commune: str, postal_code: str, rng: random.Random) -> str:
    short = commune.replace(" Arrondissement", "")  # "Paris 15e", as written
    return rng.choice((short, short, f"{postal_code} {short}"))


def written_date(born: date, rng: random.Random) -> str:
    return rng.choice((f"{born:%d/%m/%Y}", f"{born:%d/%m/%y}", f"{born.day} {MONTHS[born.month - 1]} {born.year}",
                       f"{born:%d.%m.%Y}"))


def written_phone(national: str, rng: random.Random) -> str:
    pairs = [national[i:i + 2] for i in range(0, 10, 2)]
    return rng.choice((" ".join(pairs), national, ".".join(pairs), "+33 " + national[1] + " " + " ".join(pairs[1:])))


def draw_phone(rng: random.Random) -> str:
    """A mobile number the numbering plan allows (phonenumbers), without its leading 0."""
    while True:
        number = rng.choice("67") + "".join(rng.choice("0123456789") for _ in range(8))
        if phonenumbers.is_valid_number(phonenumbers.parse("0" + number, "FR")):
            return number


def draw_booking(rng: random.Random, places: list[tuple[str, str]], today: date) -> Booking:
    firsts, surnames = _names()
    woman = rng.random() < 0.5
    prenom, nom = rng.choice(firsts["f" if woman else "m"]), rng.choice(surnames)
    naissance = rng.choice(surnames) if woman and rng.random() < 0.5 else nom
    born = today - timedelta(days=rng.randint(2 * 365, 95 * 365))
    phone = draw_phone(rng)
    words = {
        "civ": "Mme" if woman else "M.", "civilite": "Madame" if woman else "Monsieur",
        "qui": "patiente" if woman else "patient", "ne": "née" if woman else "né", "prenom": prenom, "nom": nom,
        "naissance": naissance, "date": written_date(born, rng), "tel": written_phone("0" + phone, rng),
        "plainte": rng.choice(phrasings()["complaints"]), "lieu": spoken_place(*rng.choice(places), rng),
        "email": f"{prenom}.{nom}@exemple.fr".lower(), "lieu_naissance": rng.choice(places)[0].split(" ")[0],
    }
    description = rng.choice(phrasings()["descriptions"]).format(**words)
    aside = None
    if rng.random() < ASIDE_SHARE:
        if rng.random() < 0.5:
            aside = rng.choice(faq_questions())
        else:  # the phone number corrected: the agenda must hold the new one
            phone = draw_phone(rng)
            words["tel"] = written_phone("0" + phone, rng)
            aside = rng.choice(phrasings()["corrections"]).format(**words)
    answers = {field: rng.choice(texts).format(**words) for field, texts in phrasings()["answers"].items()}
    patient = Patient(words["civilite"], prenom, nom, naissance, born.isoformat(), f"+33{phone}")
    in_pairs = " ".join(("0" + phone)[i:i + 2] for i in range(0, 10, 2))
    return Booking(description, patient, answers, (f"{prenom} {nom}", in_pairs), aside)


def draw_bookings(count: int, places: list[tuple[str, str]], today: date, seed: int | str) -> list[dict]:
    rng = random.Random(seed)
    return [asdict(draw_booking(rng, places, today)) for _ in range(count)]


def replies_to_read() -> dict:
    """What a simulated regulator reads in the assistant's replies, by the literal text of domain.yml's responses
    before any placeholder: the question for each field (utter_ask_<field>), the agenda not answering, the recap."""
    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]

    def literal(name: str) -> str:
        return responses[name][0]["text"].split("{")[0].strip()

    fields = [name.removeprefix("utter_ask_") for name in responses if name.startswith("utter_ask_")]
    return {"questions": {literal(f"utter_ask_{field}"): field for field in fields if field in phrasings()["answers"]},
            "agenda_down": literal("utter_agenda_indisponible"), "recap": literal("utter_resume")}
