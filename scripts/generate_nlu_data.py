"""Writes data/nlu/patient.yml: training examples of `adresser_patient` and `inform` (fixed seed).

    PYTHONPATH=. .venv/bin/python scripts/generate_nlu_data.py

Names come from Faker's fr_FR lists (training side of the split in nlu_datagen); the held-out set is written
by generate_heldout_patient.py with another seed, other templates and the other names.
"""
from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from nlu_datagen import Example, Writer, name_pools, strip_accents, write_training_yaml

SEED = 7
TODAY = date(2026, 11, 25)
OUT = Path(__file__).resolve().parent.parent / "data" / "nlu" / "patient.yml"
N_REFERRALS, N_INFORMS = 330, 300

CITIES = ["Lyon", "Villeurbanne", "Bron", "Vénissieux", "Saint-Priest", "Grenoble", "Échirolles", "Valence",
          "Annecy", "Chambéry", "Clermont-Ferrand", "Saint-Étienne", "Roanne", "Bourg-en-Bresse", "Vienne",
          "Marseille", "Aix-en-Provence", "Toulon", "Nice", "Montpellier", "Nîmes", "Toulouse", "Bordeaux",
          "Nantes", "Rennes", "Brest", "Quimper", "Lille", "Roubaix", "Amiens", "Rouen", "Caen", "Le Havre",
          "Paris", "Créteil", "Saint-Denis", "Argenteuil", "Versailles", "Strasbourg", "Mulhouse", "Metz",
          "Nancy", "Dijon", "Besançon", "Orléans", "Tours", "Limoges", "Poitiers", "La Rochelle", "Pau"]
DISTRICTS = ["Lyon 3e", "Lyon 8e", "Paris 15e", "Paris 20e", "Marseille 13e", "Lyon 7ème", "Paris 11ème"]
POSTCODES = ["69003", "69100", "38000", "13005", "75015", "31000", "44000", "59000", "67000", "06000", "34000"]
STREETS = ["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard des Belges",
           "place Bellecour", "rue du Général de Gaulle", "chemin des Vignes", "allée des Tilleuls"]
COUNTRIES = ["Maroc", "Algérie", "Portugal", "Tunisie", "Sénégal", "Italie", "Espagne", "Turquie"]
SYMPTOMS = ["fièvre à 39", "toux depuis 3 jours", "douleur abdominale", "mal de gorge", "otite",
            "douleurs lombaires", "brûlures urinaires", "éruption cutanée", "vomissements", "diarrhée",
            "entorse de la cheville", "plaie à suturer", "conjonctivite", "céphalées", "douleur dentaire",
            "crise d'angoisse", "rhinopharyngite", "fièvre et toux", "douleur thoracique atypique",
            "renouvellement d'ordonnance", "gastro", "sciatique", "cystite", "bronchite", "lombalgie aiguë",
            "eczéma surinfecté", "fièvre chez un nourrisson", "mal à l'oreille", "toux grasse", "angine"]
MODES = [("au cabinet", "cabinet"), ("en cabinet", "cabinet"), ("en vidéo", "video"), ("en visio", "video"),
         ("en téléconsultation", "video"), ("à domicile", "domicile"), ("visite à domicile", "domicile"),
         ("en présentiel", "cabinet")]
WINDOWS = ["demain matin", "demain", "jeudi", "avant 18h", "cet après-midi", "ce soir", "vendredi après-midi",
           "lundi prochain", "demain entre 14h et 16h", "après-demain", "samedi matin", "demain après 17h",
           "en fin de journée", "mardi vers 10h", "demain dans la matinée"]
URGENCIES = [("dans l'heure", 4), ("c'est urgent", 8), ("urgent", 8), ("à voir aujourd'hui", 12),
             ("dans les 4 heures", 4), ("sous 48 h", 48), ("pas pressé", 72), ("sous 24h", 24),
             ("dans les 48 heures", 48), ("très urgent", 4), ("pas urgent", 72), ("dans la journée", 12),
             ("le plus vite possible", 4), ("dès que possible", 4), ("d'ici ce soir", 12), ("pas très urgent", 72),
             ("dans les 3 jours", 72)]
SPECIALTIES = [("un généraliste", "médecine générale"), ("un pédiatre", "pédiatrie"),
               ("un dermatologue", "dermatologie"), ("un gynéco", "gynécologie"), ("un ophtalmo", "ophtalmologie"),
               ("un médecin généraliste", "médecine générale"), ("un cardiologue", "cardiologie"),
               ("un dermato", "dermatologie"), ("une pédiatre", "pédiatrie"), ("un psychiatre", "psychiatrie"),
               ("un ORL", "oto-rhino-laryngologie"), ("un ophtalmologiste", "ophtalmologie")]
DOMAINS = ["gmail.com", "orange.fr", "free.fr", "wanadoo.fr", "hotmail.fr", "laposte.net", "sfr.fr", "yahoo.fr"]
OPENINGS = ["", "", "je veux adresser un patient : ", "j'ai une patiente à orienter, ", "nouvelle demande : ",
            "patient à adresser - ", "bonjour, je vous adresse ", "demande de rdv pour ", "orientation SAS : ",
            "il me faut un rdv pour ", "patiente : ", "besoin d'un créneau pour "]
OPENINGS_SAID = ["", "je veux adresser un patient ", "alors c'est pour ", "bonjour je vous appelle pour ",
                 "il me faudrait un rendez-vous pour ", "c'est pour ", "j'ai quelqu'un à orienter "]
BARE_REFERRALS = ["je veux adresser un patient", "j'ai un patient à adresser", "nouvelle orientation",
                  "je voudrais prendre un rdv pour un patient", "adresser une patiente", "on a un patient à caser",
                  "je dois trouver un médecin pour une patiente", "prise de rendez-vous SAS",
                  "il faut orienter un patient vers un médecin", "j'aurais besoin d'un créneau pour une dame",
                  "patient à orienter", "demande de soins non programmés"]


class Person:
    def __init__(self, rng: random.Random, pools) -> None:
        female_names, male_names, surnames = pools
        self.female = rng.random() < 0.55
        firsts = female_names if self.female else male_names
        self.prenom = rng.choice(firsts)
        if rng.random() < 0.1:
            self.prenom += "-" + rng.choice(firsts)
        self.nom = rng.choice(surnames)
        if rng.random() < 0.08:
            self.nom += "-" + rng.choice(surnames)
        elif rng.random() < 0.05:
            self.nom = "de " + self.nom
        self.naissance = rng.choice(surnames) if self.female and rng.random() < 0.5 else None
        self.civilite = "Madame" if self.female else "Monsieur"


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.w = Writer(self.rng)
        self.pools = name_pools(held_out=False)

    # --- names -------------------------------------------------------------------------------------------
    def name_typed(self, name: str, caps: bool) -> str:
        return name.upper() if caps and not name.startswith("de ") else name

    def name_said(self, name: str) -> tuple[str, str]:
        """(what the transcript shows, the expected value)."""
        if name.startswith("de "):  # lower case would lose the capital after the particle
            return name.lower(), "De " + name[3:]
        expected = name if self.rng.random() < 0.75 else strip_accents(name)
        said = expected.lower()
        if self.rng.random() < 0.15:
            said = f"{said} {self.w.spelled(name)}" if self.rng.random() < 0.5 else self.w.spelled(name)
            expected = strip_accents(name)
        return said, expected

    def civ_typed(self, p: Person) -> str:
        return self.rng.choice(["Mme", "Madame", "Mme", "Mlle"] if p.female else ["M.", "Mr", "Monsieur", "M."])

    def identity_typed(self, ex: Example, p: Person) -> None:
        caps = self.rng.random() < 0.6
        nom = (self.name_typed(p.nom, caps), "nom", p.nom)
        prenom = (p.prenom.upper() if caps and self.rng.random() < 0.15 else p.prenom, "prenom", p.prenom)
        if self.rng.random() < 0.7:
            ex.add((self.civ_typed(p), "civilite", p.civilite), " ")
        married = p.naissance and self.rng.random() < 0.25
        if married:  # "Marie MARTIN ép. DURAND": the usage name comes after "épouse"
            born = (self.name_typed(p.naissance, caps), "nom_naissance", p.naissance)
            ex.add(prenom, " ", born, self.rng.choice([" ép. ", " épouse "]), nom)
            return
        ex.add(*((nom, " ", prenom) if self.rng.random() < 0.5 else (prenom, " ", nom)))
        if p.naissance:
            cue = self.rng.choice([" née ", " née ", ", nom de naissance ", " (née ", " nom de jeune fille "])
            ex.add(cue, (self.name_typed(p.naissance, caps), "nom_naissance", p.naissance), ")" if "(" in cue else "")

    def identity_said(self, ex: Example, p: Person) -> None:
        if self.rng.random() < 0.7:
            ex.add(("madame" if p.female else "monsieur", "civilite", p.civilite), " ")
        nom_said, nom_value = self.name_said(p.nom)
        prenom_said, prenom_value = self.name_said(p.prenom)
        order = self.rng.random()
        if order < 0.4:
            ex.add((prenom_said, "prenom", prenom_value), " ", (nom_said, "nom", nom_value))
        elif order < 0.7:
            ex.add((nom_said, "nom", nom_value), " ", (prenom_said, "prenom", prenom_value))
        else:
            ex.add("nom ", (nom_said, "nom", nom_value), " prénom ", (prenom_said, "prenom", prenom_value))
        if p.naissance:
            said, value = self.name_said(p.naissance)
            ex.add(self.rng.choice([" née ", " nom de jeune fille ", " nom de naissance "]),
                   (said, "nom_naissance", value))

    # --- other fields ------------------------------------------------------------------------------------
    def birth(self, ex: Example, said: bool, p: Person) -> None:
        born = self.w.birth_date(TODAY)
        text = self.w.date_dictated(born) if said else self.w.date_typed(born)
        ne = "née" if p.female else "né"
        cue = self.rng.choice([f"{ne} le ", "ddn ", "date de naissance ", f"{ne} le "] if said else
                              [f"{ne} le ", "ddn ", "DDN : ", f"{ne} le ", "DN ", "date de naissance : ", "né(e) le ", ""])
        ex.add(cue, (text, "date_naissance", born.isoformat()))

    def birthplace(self, ex: Example, said: bool, p: Person) -> None:
        ne = "née" if p.female else "né"
        if self.rng.random() < 0.7:
            place = self.rng.choice(CITIES)
            cue = f"{ne} à "
        else:
            place = self.rng.choice(COUNTRIES)
            cue = f"{ne} au " if place in ("Maroc", "Portugal", "Sénégal") else f"{ne} en "
        ex.add(cue, (place.lower() if said else place, "lieu_naissance", place.lower() if said else place))

    def phone(self, ex: Example, said: bool) -> None:
        digits = self.w.phone_digits()
        text = self.w.phone_dictated(digits) if said else self.w.phone_typed(digits)
        cue = self.rng.choice(["téléphone ", "tel ", "son numéro ", "joignable au ", "portable "] if said else
                              ["tel ", "tél : ", "tél. ", "joignable au ", "", "portable ", "Tel: ", "n° "])
        ex.add(cue, (text, "telephone", self.w.e164(digits)))

    def email(self, ex: Example, p: Person, said: bool) -> None:
        address = self.w.email_of(p.prenom, p.nom, self.rng.choice(DOMAINS), self.rng.randrange(4))
        text = self.w.email_dictated(address) if said else address if self.rng.random() < 0.8 else address.title()
        ex.add(self.rng.choice(["mail ", "email ", "adresse mail ", "mail : ", ""]), (text, "email", address))

    def location(self, ex: Example, said: bool, after_birth: bool = False) -> None:
        kind = self.rng.random()
        if kind < 0.5:
            place = self.rng.choice(CITIES)
        elif kind < 0.65 and not said:
            place = self.rng.choice(DISTRICTS)
        elif kind < 0.8 and not said:
            place = self.rng.choice(POSTCODES)
        else:
            place = f"{self.rng.randint(1, 120)} {self.rng.choice(STREETS)} {self.rng.choice(CITIES)}"
        if said:
            place = place.lower()
        # Right after the birth date, "à X" is the birth place ("née le 3/4/51 à Rennes"): the location needs a cue
        # of its own there.
        cue = self.rng.choice(["sur ", "habite à ", "secteur ", "vit à ", "adresse "] if after_birth else
                              ["à ", "sur ", "habite à ", "secteur ", "vit à ", "adresse "])
        if cue in ("à ", "habite à ", "vit à ") and place[0].isdigit() and len(place) > 5:
            cue = self.rng.choice(["habite au ", "au ", "adresse "])
        ex.add(cue, (place, "localisation", place))

    def symptom(self, ex: Example, said: bool) -> None:
        text = self.rng.choice(SYMPTOMS)
        if said:
            text = text.replace("39", "trente-neuf").replace("3 jours", "trois jours")
        ex.add(self.rng.choice(["pour ", "motif : ", "", "pour une ", "présente une ", "pour des "])
               if not said else self.rng.choice(["pour ", "elle a ", "il a ", "pour une ", ""]),
               (text, "symptomes", text))
        if self.rng.random() < 0.2:
            ex.add(self.rng.choice([" depuis le 20 novembre", " depuis hier soir", " depuis ce matin",
                                    " depuis deux jours"]))

    def request(self, ex: Example, said: bool, sep: str) -> None:
        """Some of the need: mode, wanted time, urgency, specialty (each maybe)."""
        pick = self.rng.random
        parts = []
        if pick() < 0.35:
            text, value = self.rng.choice(MODES)
            parts.append([(text, "type_consultation", value)])
        if pick() < 0.35:
            text = self.rng.choice(WINDOWS)
            parts.append([self.rng.choice(["", "rdv ", "dispo ", "de préférence "]), (text, "creneau", text)])
        if pick() < 0.35:
            text, value = self.rng.choice(URGENCIES)
            parts.append([(text, "urgence", value)])
        if pick() < 0.25:
            text, value = self.rng.choice(SPECIALTIES)
            parts.append([self.rng.choice(["voir ", "plutôt ", "cherche "]), (text, "specialite", value)])
        for part in parts:
            ex.add(sep, *part)

    # --- whole messages ----------------------------------------------------------------------------------
    def referral(self, said: bool) -> Example:
        ex = Example("adresser_patient", "dictated" if said else "typed")
        p = Person(self.rng, self.pools)
        if said:
            ex.add(self.rng.choice(OPENINGS_SAID))
        elif self.rng.random() < 0.15:
            return self.pasted_form(ex, p)
        else:
            ex.add(self.rng.choice(OPENINGS))
        (self.identity_said if said else self.identity_typed)(ex, p)
        sep = " " if said else self.rng.choice([", ", " ", " - ", ". ", " / ", " ; "])
        def birth(e, s):
            self.birth(e, s, p)
        blocks = [birth, self.phone, self.location, self.symptom]
        if self.rng.random() < 0.3:
            blocks.append(lambda e, s: self.email(e, p, s))
        if self.rng.random() < 0.2:
            blocks.append(lambda e, s: self.birthplace(e, s, p))
        self.rng.shuffle(blocks)
        previous = None
        for block in blocks:
            if self.rng.random() < 0.75:
                ex.add(sep)
                if block == self.location:
                    self.location(ex, said, after_birth=previous is birth)
                else:
                    block(ex, said)
                previous = block
        if self.rng.random() < 0.2:
            ex.add(sep, f"{self.rng.randint(2, 95)} ans")
        self.request(ex, said, sep)
        return ex

    def pasted_form(self, ex: Example, p: Person) -> Example:
        born = self.w.birth_date(TODAY)
        digits = self.w.phone_digits()
        sep = self.rng.choice([" / ", " - ", " | ", " ; "])
        caps = self.rng.random() < 0.5
        ex.add("Nom : ", (self.name_typed(p.nom, caps), "nom", p.nom), sep, "Prénom : ", (p.prenom, "prenom", p.prenom))
        if p.naissance:
            ex.add(sep, "Nom de naissance : ", (self.name_typed(p.naissance, caps), "nom_naissance", p.naissance))
        ex.add(sep, "Date de naissance : ", (self.w.date_typed(born), "date_naissance", born.isoformat()))
        ex.add(sep, "Téléphone : ", (self.w.phone_typed(digits), "telephone", self.w.e164(digits)))
        if self.rng.random() < 0.5:
            ex.add(sep, "Adresse : ")
            self.location_value(ex)
        if self.rng.random() < 0.5:
            text = self.rng.choice(SYMPTOMS)
            ex.add(sep, "Motif : ", (text, "symptomes", text))
        return ex

    def location_value(self, ex: Example) -> None:
        place = f"{self.rng.randint(1, 120)} {self.rng.choice(STREETS)} {self.rng.choice(CITIES)}"
        ex.add((place, "localisation", place))

    def inform(self, said: bool) -> Example:
        ex = Example("inform", "dictated" if said else "typed")
        p = Person(self.rng, self.pools)
        kind = self.rng.randrange(12)
        if kind == 0:
            digits = self.w.phone_digits()
            text = self.w.phone_dictated(digits) if said else self.w.phone_typed(digits)
            ex.add(self.rng.choice(["", "", "non le téléphone c'est le ", "son numéro c'est ", "c'est le ",
                                    "le portable : ", "plutôt le ", "pardon je me suis trompé c'est le ",
                                    "ah non c'est ", "vous pouvez la rappeler au ", "il est joignable sur le ",
                                    "on peut le joindre sur le ", "son fils est joignable au ", "rappeler au ",
                                    "elle répond au ", "le bon numéro est le "]),
                   (text, "telephone", self.w.e164(digits)))
        elif kind == 1:
            said_name, value = self.name_said(p.nom) if said else (self.name_typed(p.nom, self.rng.random() < 0.5), p.nom)
            ex.add(self.rng.choice(["", "", "c'est ", "le nom c'est ", "nom : ", "son nom est "]),
                   (said_name, "nom", value))
        elif kind == 2:
            said_name, value = self.name_said(p.prenom) if said else (p.prenom, p.prenom)
            ex.add(self.rng.choice(["prénom ", "son prénom c'est ", "prénom : ", "le prénom est "]),
                   (said_name, "prenom", value))
        elif kind == 3:
            born = self.w.birth_date(TODAY)
            if self.rng.random() < 0.3:
                text = self.w.date_dictated(born, with_year=False) if said else f"{born.day} {MONTHS_FR[born.month - 1]}"
                ex.add(self.rng.choice(["elle est née le ", "il est né le ", "né le ", "non né le "]),
                       (text, "date_naissance", f"--{born.month:02d}-{born.day:02d}"))
            else:
                text = self.w.date_dictated(born) if said else self.w.date_typed(born)
                ex.add(self.rng.choice(["le ", "", "né le ", "elle est née le ", "sa date de naissance c'est le ",
                                        "non la date de naissance c'est le "]), (text, "date_naissance", born.isoformat()))
        elif kind == 4:
            ex.add(self.rng.choice(["", "", "elle habite ", "il vit ", "il est ", "elle se trouve ", "le patient est "]))
            self.location(ex, said)
        elif kind == 5:
            text, value = self.rng.choice(MODES)
            ex.add(self.rng.choice(["", "plutôt ", "ce serait ", "il préfère "]), (text, "type_consultation", value))
        elif kind == 6:
            text = self.rng.choice(WINDOWS)
            ex.add(self.rng.choice(["", "plutôt ", "si possible ", "idéalement ", "elle est dispo ", "disponible "]),
                   (text, "creneau", text))
        elif kind == 7:
            text, value = self.rng.choice(URGENCIES)
            ex.add(self.rng.choice(["", "", "c'est ", "il faudrait le voir ", "à voir ", "elle doit être vue ",
                                    "il doit consulter ", "ce serait "]), (text, "urgence", value))
        elif kind == 8:
            text, value = self.rng.choice(SPECIALTIES)
            ex.add(self.rng.choice(["plutôt ", "il faudrait ", "on cherche ", "il lui faut ", "voir ", "", "avec ",
                                    "on voudrait ", "de préférence ", "ce serait mieux avec "]),
                   (text, "specialite", value))
        elif kind == 9:
            said_name, value = self.name_said(p.nom) if said else (self.name_typed(p.nom, True), p.nom)
            ex.add(self.rng.choice(["née ", "nom de naissance ", "nom de jeune fille "]),
                   (said_name, "nom_naissance", value))
        elif kind == 10:
            self.email(ex, p, said)
        else:
            (self.identity_said if said else self.identity_typed)(ex, p)
        return ex


MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]


def main() -> None:
    gen = Generator(SEED)
    examples = [Example("adresser_patient", "typed", [text]) for text in BARE_REFERRALS]
    examples += [gen.referral(said=i % 5 < 2) for i in range(N_REFERRALS)]
    examples += [gen.inform(said=i % 5 < 2) for i in range(N_INFORMS)]
    write_training_yaml(OUT, examples, f"Generated by scripts/generate_nlu_data.py (seed {SEED}): do not edit by hand.")
    print(f"{len(examples)} examples -> {OUT}")


if __name__ == "__main__":
    main()
