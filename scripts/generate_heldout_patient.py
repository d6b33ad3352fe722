"""Writes tests/heldout/patient.yml: the held-out messages `make eval` scores the NLU on.

    PYTHONPATH=. .venv/bin/python scripts/generate_heldout_patient.py

Another seed, other templates, cities and symptoms than generate_nlu_data.py, and the held-out side of the
name split. Each message carries its expected intent and normalized values; wanted times are resolved by hand
from REFERENCE_TIME (a Wednesday), which the evaluation passes to the parser as the message's clock.
Expected values follow the realistic set's conventions (bot/eval/nlu_sets.py): a number of hours is the delay,
the complaint is kept as written with its duration, "née le <date> à X" is the birth place.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from nlu_datagen import MONTHS, Example, Writer, in_words, name_pools, strip_accents

from tests.nlu.test_heldout_isolation import leaks, training_texts  # the isolation test's own definition

SEED = 20261125
REFERENCE_TIME = datetime(2026, 11, 25, 10, 30, tzinfo=ZoneInfo("Europe/Paris"))
TODAY = REFERENCE_TIME.date()
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "heldout" / "patient.yml"
N_MESSAGES = 360

CITIES = ["Décines-Charpieu", "Oullins", "Caluire-et-Cuire", "Meyzieu", "Rillieux-la-Pape", "Voiron", "Montélimar",
          "Aubenas", "Thonon-les-Bains", "Aix-les-Bains", "Vichy", "Montluçon", "Moulins", "Le Puy-en-Velay",
          "Avignon", "Arles", "Perpignan", "Béziers", "Bayonne", "Angers", "Le Mans", "Lorient", "Vannes",
          "Dunkerque", "Calais", "Beauvais", "Évreux", "Cherbourg", "Nanterre", "Montreuil", "Colmar", "Épinal",
          "Troyes", "Auxerre", "Chartres", "Blois", "Niort", "Angoulême", "Périgueux", "Tarbes"]
DISTRICTS = ["Lyon 5e", "Lyon 9e", "Paris 18e", "Marseille 4e", "Toulouse centre", "Lyon 2ème"]
POSTCODES = ["69005", "69200", "26000", "84000", "33000", "29200", "75018", "92000", "13004"]
STREETS = ["rue Paul Bert", "avenue de Saxe", "rue Garibaldi", "cours Lafayette", "rue des Lilas",
           "impasse du Moulin", "route de Genas", "quai Saint-Vincent"]
COUNTRIES = [("au Cameroun", "Cameroun"), ("en Pologne", "Pologne"), ("au Vietnam", "Vietnam"),
             ("en Roumanie", "Roumanie")]
SYMPTOMS = ["fièvre à 38,5", "mal au ventre", "douleur au genou", "toux sèche", "rougeur de l'œil",
            "maux de tête", "douleur à l'épaule", "brûlure superficielle", "fièvre et courbatures",
            "nausées", "douleur en urinant", "piqûre infectée", "éruption sur les bras", "saignement de nez",
            "lumbago", "torticolis", "oreillons", "varicelle", "crise d'asthme légère", "mal de dos"]
MODES = [("au cabinet", "cabinet"), ("en téléconsultation", "video"), ("visite à domicile", "domicile"),
         ("par vidéo", "video"), ("à domicile", "domicile"), ("consultation au cabinet", "cabinet"),
         ("en visio", "video")]
WINDOWS = {  # phrase -> (days after the reference day, start, end)
    "demain matin": (1, "08:00", "12:00"), "demain après-midi": (1, "14:00", "18:00"),
    "jeudi matin": (1, "08:00", "12:00"), "vendredi": (2, "08:00", "20:00"), "avant 17h": (0, "10:30", "17:00"),
    "ce soir": (0, "18:00", "20:00"), "cet après-midi": (0, "14:00", "18:00"), "lundi prochain": (5, "08:00", "20:00"),
    "demain entre 10h et 12h": (1, "10:00", "12:00"), "samedi vers 11h": (3, "10:00", "12:00"),
    "demain après 16h": (1, "16:00", "20:00"), "mardi après-midi": (6, "14:00", "18:00"),
}
WINDOWS_SAID = {"demain matin": "demain matin", "vendredi": "vendredi", "avant dix-sept heures": "avant 17h",
                "ce soir": "ce soir", "jeudi matin": "jeudi matin", "demain après seize heures": "demain après 16h"}
URGENCIES = [("dans l'heure", 4), ("urgent", 8), ("en urgence", 8), ("à voir aujourd'hui", 12),
             ("dans les 6 heures", 6), ("sous 72 h", 72), ("pas pressée", 72), ("d'ici demain", 24),
             ("dans les 2 jours", 48), ("au plus vite", 4), ("sous 12h", 12), ("rien d'urgent", 72)]
URGENCIES_SAID = [("dans l'heure", 4), ("c'est urgent", 8), ("dans les six heures", 6), ("pas pressé", 72),
                  ("dans les deux jours", 48), ("aujourd'hui", 12)]
SPECIALTIES = [("un pédiatre", "pédiatrie"), ("une dermato", "dermatologie"), ("un médecin généraliste",
               "médecine générale"), ("un ophtalmologue", "ophtalmologie"), ("un ORL", "oto-rhino-laryngologie"),
               ("un cardiologue", "cardiologie")]
DOMAINS = ["outlook.fr", "icloud.com", "bbox.fr", "neuf.fr", "gmail.com", "orange.fr"]


def born_on_just_before(ex: Example) -> bool:
    """The message so far ends with "né(e) le <date>", then a space or a comma, and names no birth place yet."""
    cue, date, sep = ex.segments[-3:] if len(ex.segments) >= 3 else ("", "", "")
    return isinstance(date, tuple) and date[1] == "date_naissance" and cue.startswith("né") and sep in (" ", ", ") \
        and "lieu_naissance" not in ex.expected


class HeldOut:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.w = Writer(self.rng)
        self.female, self.male, self.surnames = name_pools(held_out=True)

    def person(self) -> dict:
        female = self.rng.random() < 0.5
        first = self.rng.choice(self.female if female else self.male)
        if self.rng.random() < 0.1:
            first += "-" + self.rng.choice(self.female if female else self.male)
        last = self.rng.choice(self.surnames)
        if self.rng.random() < 0.08:
            last += "-" + self.rng.choice(self.surnames)
        birth_name = self.rng.choice(self.surnames) if female and self.rng.random() < 0.45 else None
        return {"female": female, "prenom": first, "nom": last, "naissance": birth_name,
                "civilite": "Madame" if female else "Monsieur"}

    # --- values ------------------------------------------------------------------------------------------
    def said_name(self, name: str) -> tuple[str, str]:
        value = name if self.rng.random() < 0.8 else strip_accents(name)
        if self.rng.random() < 0.12:
            return self.w.spelled(name), strip_accents(name)
        return value.lower(), value

    def window(self, said: bool) -> tuple[str, dict]:
        phrase = self.rng.choice(list(WINDOWS_SAID if said else WINDOWS))
        days, start, end = WINDOWS[WINDOWS_SAID[phrase] if said else phrase]
        day = REFERENCE_TIME + timedelta(days=days)

        def at(hhmm: str) -> str:
            hour, minute = map(int, hhmm.split(":"))
            return datetime(day.year, day.month, day.day, hour, minute, tzinfo=REFERENCE_TIME.tzinfo).isoformat()
        return phrase, {"start": at(start), "end": at(end)}

    def place(self, said: bool) -> str:
        kind = self.rng.random()
        if kind < 0.5 or said and kind < 0.8:
            place = self.rng.choice(CITIES)
        elif kind < 0.65:
            place = self.rng.choice(DISTRICTS)
        elif kind < 0.8:
            place = self.rng.choice(POSTCODES)
        else:
            place = f"{self.rng.randint(2, 90)} {self.rng.choice(STREETS)} {self.rng.choice(CITIES)}"
        return place.lower() if said else place

    # --- messages ----------------------------------------------------------------------------------------
    def referral(self, said: bool) -> Example:
        ex = Example("adresser_patient", "dictated" if said else "typed")
        p = self.person()
        ne = "née" if p["female"] else "né"
        if said:
            ex.add(self.rng.choice(["", "oui bonjour c'est pour ", "je vous adresse ", "une demande pour ",
                                    "je souhaite orienter "]))
            if self.rng.random() < 0.6:
                ex.add(("madame" if p["female"] else "monsieur", "civilite", p["civilite"]), " ")
            first, first_value = self.said_name(p["prenom"])
            last, last_value = self.said_name(p["nom"])
            if " " in first and " " in last:  # two names spelled in a row would be one run of letters
                last, last_value = p["nom"].lower(), p["nom"]
            if self.rng.random() < 0.5:
                ex.add((first, "prenom", first_value), " ", (last, "nom", last_value))
            else:
                ex.add((last, "nom", last_value), " ", (first, "prenom", first_value))
            if p["naissance"]:
                birth, birth_value = self.said_name(p["naissance"])
                ex.add(self.rng.choice([" née ", " de son nom de naissance "]), (birth, "nom_naissance", birth_value))
            sep = " "
        else:
            ex.add(self.rng.choice(["", "Je vous envoie ", "Prise en charge : ", "Demande SAS pour ", "Pour ",
                                    "Patient(e) : ", "merci de trouver un créneau pour "]))
            caps = self.rng.random() < 0.55
            last = p["nom"].upper() if caps else p["nom"]
            if self.rng.random() < 0.75:
                ex.add((self.rng.choice(["Mme", "Madame", "Mlle"] if p["female"] else ["M.", "Monsieur", "Mr"]),
                        "civilite", p["civilite"]), " ")
            if self.rng.random() < 0.55:
                ex.add((last, "nom", p["nom"]), " ", (p["prenom"], "prenom", p["prenom"]))
            else:
                ex.add((p["prenom"], "prenom", p["prenom"]), " ", (last, "nom", p["nom"]))
            if p["naissance"]:
                birth = p["naissance"].upper() if caps else p["naissance"]
                ex.add(self.rng.choice([" née ", " née ", " nom de naissance : "]), (birth, "nom_naissance", p["naissance"]))
            sep = self.rng.choice([", ", " ", " - ", ". ", " ; ", " / "])
        blocks = ["birth", "phone", "place", "symptom", "email", "birthplace", "age", "mode", "window", "urgency",
                  "specialty"]
        odds = {"birth": 0.8, "phone": 0.75, "place": 0.65, "symptom": 0.6, "email": 0.2, "birthplace": 0.15,
                "age": 0.2, "mode": 0.3, "window": 0.3, "urgency": 0.3, "specialty": 0.2}
        head, tail = blocks[:7], blocks[7:]
        self.rng.shuffle(head)
        for block in head + tail:
            if self.rng.random() < odds[block]:
                ex.add(sep)
                getattr(self, f"add_{block}")(ex, said, p, ne)
        return ex

    def add_birth(self, ex, said, p, ne):
        born = self.w.birth_date(TODAY)
        cue = self.rng.choice([f"{ne} le ", "date de naissance ", f"{ne} le "] if said else
                              [f"{ne} le ", "date naiss. ", "DDN ", "ddn: ", f"{ne} le ", "Date de naissance : ", ""])
        ex.add(cue, (self.w.date_dictated(born) if said else self.w.date_typed(born), "date_naissance", born.isoformat()))

    def add_phone(self, ex, said, p, ne):
        digits = self.w.phone_digits()
        cue = self.rng.choice(["numéro ", "le numéro c'est le ", "portable "] if said else
                              ["Tél. portable ", "numéro : ", "tél ", "", "joignable au ", "Téléphone "])
        ex.add(cue, (self.w.phone_dictated(digits) if said else self.w.phone_typed(digits), "telephone",
                     self.w.e164(digits)))

    def add_place(self, ex, said, p, ne):
        place = self.place(said)
        cue = "demeurant au " if place[0].isdigit() and len(place) > 5 else self.rng.choice(["à ", "sur ", "demeurant à "])
        # "née le 9 juillet 1998 à Vichy": right after the birth date, in the same sentence, "à <town>" is where the
        # patient was born.
        born_there = cue == "à " and not place[0].isdigit() and born_on_just_before(ex)
        ex.add(cue, (place, "lieu_naissance" if born_there else "localisation", place))

    def add_symptom(self, ex, said, p, ne):
        text = self.rng.choice(SYMPTOMS)
        if said:
            text = text.replace("38,5", "trente-huit cinq")
        cue = self.rng.choice(["consulte pour ", "motif ", "pour ", "se plaint de "])
        if self.rng.random() < 0.3:  # the complaint as written, with how long it has lasted
            text += self.rng.choice([" depuis le 21 novembre", " depuis hier", " depuis samedi", " depuis le 2 nov"])
        ex.add(cue, (text, "symptomes", text))

    def add_email(self, ex, said, p, ne):
        address = self.w.email_of(p["prenom"], p["nom"], self.rng.choice(DOMAINS), self.rng.randrange(4))
        ex.add(self.rng.choice(["courriel ", "mail "]),
               (self.w.email_dictated(address) if said else address, "email", address))

    def add_birthplace(self, ex, said, p, ne):
        if self.rng.random() < 0.6:
            place = self.rng.choice(CITIES)
            ex.add(f"{ne} à ", (place.lower() if said else place, "lieu_naissance", place.lower() if said else place))
        else:
            cue, country = self.rng.choice(COUNTRIES)
            ex.add(f"{ne} {cue.split()[0]} ", (country.lower() if said else country, "lieu_naissance",
                                                country.lower() if said else country))

    def add_age(self, ex, said, p, ne):
        age = self.rng.randint(1, 99)
        ex.add(f"{in_words(age) if said else age} ans")

    def add_mode(self, ex, said, p, ne):
        text, value = self.rng.choice(MODES)
        ex.add((text, "type_consultation", value))

    def add_window(self, ex, said, p, ne):
        phrase, value = self.window(said)
        ex.add(self.rng.choice(["", "dispo ", "si possible "]), (phrase, "creneau", value))

    def add_urgency(self, ex, said, p, ne):
        text, value = self.rng.choice(URGENCIES_SAID if said else URGENCIES)
        ex.add((text, "urgence", value))

    def add_specialty(self, ex, said, p, ne):
        text, value = self.rng.choice(SPECIALTIES)
        ex.add(self.rng.choice(["à voir par ", "besoin d'", "idéalement "]), (text, "specialite", value))

    def inform(self, said: bool) -> Example:
        ex = Example("inform", "dictated" if said else "typed")
        p = self.person()
        ne = "née" if p["female"] else "né"
        kind = self.rng.randrange(10)
        if kind == 0:
            digits = self.w.phone_digits()
            ex.add(self.rng.choice(["", "ah non pardon le numéro c'est ", "on peut la joindre au ", "c'est le "]),
                   (self.w.phone_dictated(digits) if said else self.w.phone_typed(digits), "telephone",
                    self.w.e164(digits)))
        elif kind == 1:
            last, value = self.said_name(p["nom"]) if said else (p["nom"].upper(), p["nom"])
            ex.add(self.rng.choice(["", "son nom c'est ", "nom de famille "]), (last, "nom", value))
        elif kind == 2:
            born = self.w.birth_date(TODAY)
            if self.rng.random() < 0.3:
                text = self.w.date_dictated(born, with_year=False) if said else f"{born.day} {MONTHS[born.month - 1]}"
                ex.add(f"{'elle' if p['female'] else 'il'} est {ne} le ",
                       (text, "date_naissance", f"--{born.month:02d}-{born.day:02d}"))
            else:
                ex.add(self.rng.choice(["", "le ", f"non {ne} le "]),
                       (self.w.date_dictated(born) if said else self.w.date_typed(born), "date_naissance",
                        born.isoformat()))
        elif kind == 3:
            place = self.place(said)
            ex.add(self.rng.choice(["à ", "elle est sur ", "c'est à "]), (place, "localisation", place))
        elif kind == 4:
            text, value = self.rng.choice(MODES)
            ex.add(self.rng.choice(["", "de préférence ", "plutôt "]), (text, "type_consultation", value))
        elif kind == 5:
            phrase, value = self.window(said)
            ex.add(self.rng.choice(["", "plutôt ", "si possible "]), (phrase, "creneau", value))
        elif kind == 6:
            text, value = self.rng.choice(URGENCIES_SAID if said else URGENCIES)
            ex.add(self.rng.choice(["", "c'est ", "il faut le voir "]) if "urgent" not in text else "", (text, "urgence", value))
        elif kind == 7:
            text, value = self.rng.choice(SPECIALTIES)
            ex.add(self.rng.choice(["plutôt ", "on préfère ", "il faudrait "]), (text, "specialite", value))
        elif kind == 8:
            address = self.w.email_of(p["prenom"], p["nom"], self.rng.choice(DOMAINS), self.rng.randrange(4))
            ex.add(self.rng.choice(["son mail ", "courriel ", ""]),
                   (self.w.email_dictated(address) if said else address, "email", address))
        else:
            birth, value = self.said_name(p["nom"]) if said else (p["nom"], p["nom"])
            ex.add(self.rng.choice(["née ", "son nom de naissance c'est "]), (birth, "nom_naissance", value))
        return ex


def main() -> None:
    gen = HeldOut()
    training = training_texts(ROOT / "data")
    messages = []
    i = 0
    while len(messages) < N_MESSAGES:
        n = len(messages)
        said = n % 3 == 0
        ex = gen.referral(said) if (n + i) % 5 < 3 else gen.inform(said)
        i += 1
        if leaks([ex.text.strip()], training):  # short answers like "c'est urgent" are in training already
            continue
        messages.append({"text": ex.text.strip(), "style": ex.style, "intent": ex.intent, "expected": ex.expected})
    document = {"reference_time": REFERENCE_TIME.isoformat(), "seed": SEED, "messages": messages}
    header = "# Held-out NLU set, generated by scripts/generate_heldout_patient.py: never used in training.\n"
    OUT.write_text(header + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    print(f"{len(messages)} messages -> {OUT}")


if __name__ == "__main__":
    main()
