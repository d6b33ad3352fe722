"""Names, places and symptoms read from the words around them ("née X", "demeurant à X", "se plaint de X").

Works on the normalized text once the library-read fields are blanked out (they act as boundaries). Which
of two names is the first name is told by capitals ("DURAND Marie") and, when case says nothing (dictation),
by how common each is as a first name and as a surname in France ("Alfred Thierry", "Lesage Nath")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from spacy.lang.fr.stop_words import STOP_WORDS

from bot.nlu import vocabulary
from bot.nlu.abroad import city_abroad, countries
from bot.nlu.grammar import (
    adjectives,
    conjugated_verbs,
    is_common_word,
    opens_a_clause,
    opens_with_a_verb_on_someone,
    opens_with_noun,
    past_participles,
    proper_nouns,
)
from bot.nlu.lexicons import (
    NAME_PARTICLES,
    TOWN,
    accents_agree,
    city_names,
    commune_names,
    communes_after_contraction,
    departements_of,
    first_name_genders,
    first_name_scores,
    first_name_spellings,
    key,
    postal_codes,
    region_names,
    shared_commune_names,
    short_commune_names,
    surname_scores,
)
from bot.nlu.spoken_numbers import ORDINALS, is_said_number
from bot.nlu.taken_back import TAKEN_BACK
from bot.nlu.text import HYPHEN_REMARK, fold, one_letter_apart, shouted
from bot.nlu.vocabulary import MONTH_OF, WEEKDAYS
from bot.referral.fields import SAME_AS_THE_LAST
from bot.vocabulary import NAME_FIELDS

BOUNDARY = "|"  # what blanked-out fields are replaced with
BIRTH_DATE = "#"  # what the birth date is replaced with: a place may attach to "née" across it
# A line break is a token: a note pasted from regulation software has a field a line ("Motif : …\nLieu : …").
# a number glued to its unit ("10j") is a number, then the unit
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*['’]?|\d+(?:[,.]\d+)?(?i:er|e|eme|ème)?\b"
                    r"|\d+(?=[^\W\d_])|[^\w\s]|\n")

_GENDER_OF_CIVILITE = {word.rstrip("."): "f" if value == "Madame" else "m"
                       for value, words in vocabulary.CIVILITES.items() for word in words}
CIVILITES = set(_GENDER_OF_CIVILITE)
PARTICLES = NAME_PARTICLES | {"d"}  # "d'" elided before a name that is also a commune: "d'Estaing"
# One surname made of two ("il porte les deux noms : Riou Tanguy"), no first name among them
_TWO_NAMES = {("les", "deux", "noms"), ("double", "nom"), ("le", "nom", "des", "deux", "parents"),
              ("le", "nom", "de", "ses", "deux", "parents"), ("les", "noms", "des", "deux", "parents"),
              ("les", "deux", "noms", "des", "parents"), ("les", "deux", "noms", "de", "ses", "parents")}
# A child's: "il porte le nom du papa : Marie-Sainte", "elle porte le nom de sa maman, Lefèvre"
# "elle porte son nom à lui", "il porte le nom de son papa": the name of the parent who calls, said before
_BEARS_THE_CALLER_S_NAME = re.compile(r"\bporte (?:son nom(?: a (?:lui|elle))?|le (?:meme )?nom (?:du papa|du pere|de son pere"
                                      r"|de son papa|de la maman|de la mere|de sa mere|de sa maman))\b")
_PARENT_S_NAME = {("nom", *of.split(), parent) for of in ("du", "de son") for parent in ("pere", "papa")} \
    | {("nom", *of.split(), parent) for of in ("de la", "de sa") for parent in ("mere", "maman")}
CUES: dict[tuple[str, ...], str] = {
    **{tuple(c.split()): "nom_naissance" for c in [
        "nee", "nom de naissance", "nom naissance", "nom de naiss", "nom naiss", "nom de jeune fille",
        "de jeune fille",  # elided after the married name: "Darrigrand, c'est son nom d'épouse ; de jeune fille …"
        "de naissance c'est", "de naissance elle s'appelle",  # "Texier c'est son nom d'épouse, de naissance c'est …"
        "de son nom de naissance", "son nom de naissance c'est",
        "son nom de naissance est", "nom de naissance c'est"]},
    **{tuple(c.split()): "epouse" for c in ["ep", "epouse", "veuve", "vve"]},
    **{tuple(c.split()): "nom" for c in ["nom", "nom de famille", "son nom c'est", "le nom c'est", "son nom est",
                                          "nom d'usage", "le nom est", "nom usage", "nom marital", "nom d'epouse"]},
    **{words: "nom" for words in _PARENT_S_NAME | _TWO_NAMES},
    ("famille",): "nom",  # "Famille NGUYEN, …": the surname of the family's patients
    **{tuple(c.split()): "prenom" for c in ["prenom", "prenoms", "son prenom c'est", "le prenom est", "son prenom est",
                                             "le prenom c'est", "ses prenoms"]},
    **{tuple(c.split()): "lieu_naissance" for c in ["ne a", "nee a", "ne au", "nee au", "ne en", "nee en",
                                                     "ne aux", "nee aux", "originaire de", "originaire du",
                                                     "originaire d", "lieu de naissance", "lieu naiss",
                                                     "lieu de naiss"]},
    **{tuple(c.split()): "localisation" for c in [
        "sur", "a", "au", "aux", "dans", "c'est a", "elle est sur", "il est sur", "elle est a", "il est a", "elle est au",
        "il est au", "elle est aux", "il est aux", "se trouve a", "se trouve au", "se trouve aux", "se trouve sur",
        "adresse :", "son adresse", "l'adresse", "adresse postale", "vers",
        "ville :", "commune :", "lieu :",
        "lieu de residence", "ville de residence", "lieu de vie",  # labels said without their colon too
        # where the patient is staying now: "en vacances à Chamonix", "de passage à Biarritz"
        # (not "il rentre de vacances en Espagne")
        "en vacances a", "en vacances au", "de passage a", "sejourne a", "en sejour a",
        "patient de", "patiente de", "patient d", "patiente d",  # "une patiente de Lille", "d'Aurillac"
        # where the call comes from: "il m'appelle de Saumur", "je vous appelle depuis Agen"
        *(f"{call} {of}" for call in ("appelle", "m'appelle", "nous appelle", "appelait", "m'appelait")
          for of in ("de", "d", "depuis")),
        # "une dame de Mont-de-Marsan", "un monsieur de Dax" (not "Monsieur de Villepin": a civility and a particle)
        *(f"{who} {of}" for who in ("dame", "un monsieur", "un homme", "une femme", "un enfant", "une personne")
          for of in ("de", "d"))]},
    **{tuple(c.split()): "symptomes" for c in [
        "consulte pour", "se plaint de", "se plaint d'", "motif", "pour", "presente", "il a", "elle a",
        "motif d'appel", "motif de l'appel", "motif de consultation", "motif de recours",  # the labels of notes
        "pour une", "pour un", "pour des", "presente une", "presente un", "souffre de",
        "sympto", "symptos", "symptomes", "symptome"]},  # "pt Ait Benali Yasmine sympto cystite": the note's label
}
_LONGEST_CUE = max(len(c) for c in CUES)
_INSIDE_VALUES = {"a", "au", "sur", "de", "la", "le", "l'", "les", "et", "des", "du"}
_ONLINE = {"electronique", "mail", "e-mail", "email", "courriel", "internet", "messagerie"}
_STRONG_PLACE_CUES = {"sur", "adresse", "se", "son", "l'adresse", "en", "de", "sejourne", "lieu", "ville", "commune"}
# A place attaches to the word that governs it, whatever sits between them (the birth date, a comma): after one
# of these it is the birth place ("née le 17/01/1994 à Rennes"), after one of the next where the patient is.
BIRTH_WORDS = {"ne", "nee", "nes", "naissance", "naiss", "ddn", "dn", "originaire"}
_DATE_LABELS = {"ddn", "dn", "naissance", "naiss"}  # "DDN : …", "date de naissance : …"
# The verbs of living somewhere, whoever their subject and tense: "habite", "ils habitent Nice", "vivait à Metz"
_RESIDING = {stem + end for stem in ("habit", "resid", "demeur") for end in ("e", "ent", "ait", "aient")} | {
    "vit", "vivent", "vivait", "vivaient", "j'habite", "j'habitais"}  # the patient calling: "j'habite Lyon 3e"
RESIDENCE_WORDS = {"dom", "hab", "habitant", "habitante", "vivant", "residant", "residante", "demeurant", "demeurante",
                   "domicile", "domicilie", "domiciliee", "secteur", "localisation", "situe", "situee", "heberge",
                   "hebergee", "loge", "logee", "actuellement"} | _RESIDING  # "actuellement paris 18e"
PLACE_PREPOSITIONS = {"a", "au", "aux", "en", "sur", "dans", "vers", "pres", "de"}
_BEFORE_PLACE = PLACE_PREPOSITIONS | {"le", "la", "l'", "les", "secteur", "commune", "ville", "du"}
# What may sit between a birth word and its place: the birth date, a birth name, articles and punctuation.
_BETWEEN_BIRTH_AND_PLACE = {BIRTH_DATE, ":", "(", ")", ",", "e", "le", "la", "l'", "pardon"}  # "… 1959 pardon à Dakar"
_BIRTH_PREPOSITIONS = {"a", "au", "aux", "en"}
# Words that end a free-text value (the start of another cue or field).
STOPS = {w for cue in CUES for w in cue[:1]} | {
    "depuis", "portable", "numero", "tel", "tél", "telephone", "mail", "courriel", "email", "date", "ddn", "dn",
    "dispo", "si", "idealement", "besoin", "voir", "joignable", "rdv", "plutot", "preference", "ne", "nee",
    "naissance", "naiss", "et", "age", "agee", "ans", "demande", "merci", "creneau", "patient", "patiente",
    "le", "la", "les", "l'", "un", "une", "des", "c'est", "est", "qui", "son", "sa", "ses",
    "je", "j'ai", "j'habite"} | RESIDENCE_WORDS  # the caller speaking of himself opens another clause
OPENING = {
    "je", "j'ai", "jai", "slt", "salut", "bjr", "bsr", "hello", "vous", "adresse", "envoie", "souhaite", "orienter",
    "oui", "bonjour", "c'est", "pour", "une",
    "un", "demande", "prise", "en", "charge", "merci", "de", "trouver", "creneau", "patient", "patiente", "sas",
    "alors", "il", "me", "faut", "faudrait", "rdv", "rendez-vous", "nouvelle", "quelqu'un", "veux", "adresser",
    "orientation", "besoin", "d'un", "d'une", "a", "e", "voila", "voici", "donc", "euh", "bonsoir", "concernant",
    "au", "sujet", "du", "l'orientation", "voudrais", "prendre", "dame", "monsieur", "madame", "attendez", "regarde",
    "ecoutez", "bon", "ok", "allo"}
FUNCTION_WORDS = STOPS | OPENING | {fold(w) for w in STOP_WORDS} | {
    "ou", "avec", "sans", "par", "chez", "dans", "sous", "vers", "entre", "aux", "ce", "cet", "cette", "tres", "pas",
    "plus", "bien", "aussi", "mais", "pardon", "ah", "consultation", "visite", "joindre", "prefere", "preferons",
    "heure", "heures", "minute", "minutes", "jour", "jours", "semaine", "semaines", "svp", "stp", "am", "pm",
    "journee", "soiree", "matinee", "uniquement", "seulement", "exclusivement", "imperativement", "preference",
    # agenda software and where a booking is made: never a place nor a name ("c'est réservé sur Doctolib")
    "doctolib", "maiia", "keldoc", "clicrdv", "mondocteur", "agenda", "logiciel", "plateforme", "site",
    "faudrait", "plutot", "appelle", "rappeler", "numero", "merci", "ok", "d'accord", "non", "oui", "si",
    "finalement", "sinon", "egalement", "ensuite",
    # what the regulator tells the assistant to do: "mettre cabinet plutôt que VAD"
    "mettre", "mets", "mettez", "changer", "modifier", "corriger", "remplacer", "noter", "notez", "ajouter",
    "valider", "validez", "confirmer", "confirmez", "reserver", "reservez"} | {
    word for phrases in vocabulary.MODES.values() for phrase in phrases for word in phrase.split()}  # "cabinet", "visio"
PLACE_SUFFIXES = {"centre", "centre-ville", "nord", "sud", "est", "ouest", "cedex"}
_BANKS = {"gauche", "droite"}  # "Rouen rive gauche"
CITIES_WITH_ARRONDISSEMENTS = {"paris", "lyon", "marseille"}
_ROMAN_ORDINAL = re.compile(r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})(?:er|e|eme|ème)")  # "Paris XVe"
_ARRONDISSEMENT = {"arrondissement", "arr", "arrdt", "arrt"}
_ORDINAL_IN_FIGURES = re.compile(r"\d{1,2}(?:er|e|eme)")  # on folded text: "3e", "13ème", "1er"
_VICINITY = {"cote", "pres", "proche", "alentours", "environs", "autour", "commune", "ville", "region", "banlieue",
             "secteur", "quartier", "agglomeration", "agglo", "nord", "sud", "est", "ouest", "centre", "centre-ville"}
_VICINITY_LINKS = {"de", "d'", "du", "des", "la", "le", "les", "l'", "aux", "dans"}  # glue, saying no vicinity alone
# Labels of a phone line ("Tél. dom.", "port. fils"): never a place, though "Port" is a commune.
PHONE_LABELS = {"port", "fixe", "mobile", "dom", "domicile", "perso", "pro"}
# Nouns that introduce the patient the way a civility does ("Enfant Jade Vincent", "un petit garçon, Ethan
# Lopez"), with the gender they say; and the relatives who speak or answer for them ("tél maman"). Neither is a name.
PERSON_NOUNS: dict[tuple[str, ...], str | None] = {
    **{(w,): None for w in ["enfant", "enft", "bebe", "nourrisson", "nrs", "nouveau-ne", "ado", "adolescent", "adolescente",
                           "patient", "patiente", "jeune", "client", "cliente", "eleve"]},
    **{tuple(w.split()): "m" for w in ["garcon", "petit garcon", "fils", "jeune homme", "petit gars", "homme",
                                       "resident", "etudiant", "lyceen", "collegien", "pensionnaire",
                                       "touriste", "salarie", "detenu", "ecolier", "apprenti"]},
    **{tuple(w.split()): "f" for w in ["fille", "petite fille", "jeune fille", "fillette", "jeune femme", "femme",
                                       "dame", "residente", "etudiante", "lyceenne", "collegienne", "retraitee",
                                       "salariee", "detenue", "ecoliere", "apprentie"]},
}
_LITTLE = {"petit": "m", "petite": "f"}  # "la petite Léna Brun": a child, when two names follow
# Words that announce a name's spelling ("Masson j'épelle M A S S O N"): what follows them is the same name again.
_SPELLING = {"s'ecrit", "s'epelle", "ecrit", "epele", "epelle", "j'epelle", "j'epele", "j'ecris", "epeler", "l'epelle"}
_ANNOUNCING = {"attendez", "attends", "je", "vous", "le", "ca", "ce", "euh", "alors", "donc", ","}  # "je vous l'épelle"
# where a patient lives or spends the day, in a town; or is, when the pharmacist calls (where the patient lives, said
# too, wins: see `drop_places_taken_back`)
_COMPLAINT_LABELS = {"motif", "sympto", "symptos", "symptomes", "symptome"}
_INSTITUTIONS = {"ehpad", "l'ehpad", "foyer", "residence", "usld", "marpa", "lycee", "college", "l'ecole", "ecole",
                 "creche", "internat", "l'internat", "pharmacie", "officine"}
_INTRODUCING = {"pour", "chez", "adresse", "envoie", "oriente", "concernant"}  # before the patient's names
_NAMED_BY = {"s'appelle", "m'appelle", "nomme", "nommee", "prenomme", "prenommee"}  # verbs whose object is a name
_NAMING = {"c'est", "appelle", "pt", "pte", "pat", "identite", "concernant"} | _NAMED_BY | _SPELLING
# Who calls is named the way the patient is ("je suis Mme Roux, la fille de M. Castel", "Appel de M. Dupuy pour sa
# mère Mme Dupuy", "M. et Mme Olivier appellent pour leur fils"): their names are the patient's only when no one
# else is named after them.
_PATIENT_S_RELATIVE = (("du", "patient"), ("de", "la", "patiente"), ("de", "le", "patient"), ("d'une", "patiente"),
                       ("d'un", "patient"))  # said of a relative who calls: "la fille de la patiente"
_WHO_CALLS = "<appelant>"  # what a relative who speaks, named after ("la fille, Mme Roux"), stands for
_CALLER_BEFORE = {("je", "suis"), ("appel", "de"), ("part", "de"), ("appelant",), ("appelante",), ("ici",),
                  ("moi", "c'est"), (_WHO_CALLS,)}
_RESTARTS = {"attendez", "attends", "enfin", "pardon", "plutot"}  # said before a name said again
_HESITATIONS = _RESTARTS | {"alors", "euh", "donc", "bon", "voila", "je", "vous", "epelle", ","}
# Who looks after a patient and calls for them
_CARERS = {"infirmier", "infirmiere", "ide", "idel", "idec", "aide-soignant", "aide-soignante", "auxiliaire", "aidant",
           "aidante", "secretaire", "pharmacien", "pharmacienne", "kine", "cadre", "directeur", "directrice", "educateur",
           "educatrice", "assistante"}
_CALLING = {"appelle", "appellent", "rappelle", "telephone", "appelait"}
_TO_REACH = {"joindre", "appeler", "rappeler", "contacter", "appelez", "rappelez", "contactez", "joignez"}
_NUMBER_LABELS = {"son", "sa", "numero", "num", "no", "tel", "telephone", "portable", "mobile", ":"}  # ", son numéro 06 …"
_WHOSE_KIN = (("de", "la", "patiente"), ("du", "patient"), ("de", "la", "pte"), ("du", "pt"))  # "sœur de la patiente"
_CALLER_LABELS = {"appelant", "appelante", "demandeur", "demandeuse", "requerant", "requerante"}
_NOTE_FIELD_ENDS = {"|", "\n", ";"}
# Where in a town ("Grenoble, quartier Championnet", "Nice (qu. Libération)"): never a complaint
IN_A_TOWN = {"quartier", "qu", "qtier", "cite", "residence", "hameau", "lieu-dit", "lotissement", "centre-ville"}
_ONSET_WORDS = {"debut", "debute", "commence"}  # "fievre + douleur sein D, debut hier soir": when, not what
# Where in a building ("escalier B", "bât C", "code porte 1452"): part of the address, never a complaint
_IN_A_BUILDING = {"escalier", "esc", "batiment", "bat", "etage", "porte", "code", "digicode", "interphone", "appartement",
                  "appt", "apt", "app"}
_SEGMENT_OPENERS = {"-", "–", "—", ":", "?", "|", "/", ";", "\n", ",", "."}  # "SAS 974 // PAYET Jean-Claude //"
_PATIENT_LABELS = {"patient", "patiente", "pt", "pte", "pat"}
REFERRING = {"adresser", "orienter", "reorienter", "placer", "caser", "envoyer"}  # "un pt à adresser [sur] Bastia"
CALLER = "appelant"  # the span read for them, kept out of the patient's details when the patient is named too
RELATIVES = {"maman", "papa", "mere", "pere", "mari", "epoux", "conjoint", "conjointe", "compagnon", "compagne",
             "soeur", "frere", "grand-mere", "grand-pere", "mamie", "papi", "tante", "oncle", "voisin", "voisine",
             "cousin", "cousine", "copain", "copine", "coloc", "colocataire", "collegue", "fiance", "fiancee",
             "aidant", "aidante", "tuteur", "tutrice", "famille", "parents", "parent", "nounou",
             # carers who call or are called for the patient ("c'est l'infirmière", "tél infirmier")
             "infirmier", "infirmiere", "infirmiers", "ide", "idel", "l'infirmier", "l'infirmiere", "aide-soignant",
             "aide-soignante", "auxiliaire", "l'auxiliaire", "aide", "l'aide", "l'aidant", "l'aidante", "pharmacien",
             "pharmacienne"}
_CHILDREN = {"enfant", "enft", "bebe", "nourrisson", "nouveau-ne", "ado", "adolescent", "adolescente", "garcon", "fillette",
             "petit", "petite"}  # "le petit Ethan Moreau"
_KIN = RELATIVES | {"fille", "fils"}  # with "fille", "fils" where they say a daughter, a son (elsewhere a girl, a boy)
# Complaints typed without cue ("fièvre depuis 3 j", "brûlures urinaires"); their first words are never names.
SYMPTOMS = {tuple(fold(p).split()) for p in [
    "fièvre", "fièvres", "toux", "douleur", "douleurs", "vomissement", "vomissements", "vomit", "diarrhée",
    "diarrhées", "éruption", "éruptions", "éruption cutanée", "brûlure", "brûlures", "brûlures urinaires",
    "brûlures mictionnelles", "otite", "angine", "rhume", "rhinite", "nausée", "nausées", "vertige", "vertiges",
    "céphalée", "céphalées", "migraine", "fatigue", "asthénie", "frissons", "courbatures", "dyspnée",
    "essoufflement", "palpitations", "malaise", "plaie", "entorse", "cystite", "infection urinaire", "conjonctivite",
    "bronchite", "bronchiolite", "grippe", "syndrome grippal", "gastro", "gastro-entérite", "covid", "rougeur",
    "ballonnement", "écoulement", "goutte",
    "rougeurs", "boutons", "démangeaisons", "prurit", "eczéma", "lombalgie", "lumbago", "sciatique", "saignement",
    "saignements", "constipation", "sinusite", "laryngite", "pharyngite", "otalgie", "douleur thoracique",
    "douleurs thoraciques", "douleur abdominale", "douleurs abdominales", "gêne respiratoire", "chute", "blessure",
    "coupure", "aeg",  # altération de l'état général
    # the clinical words of regulation notes, and complaints said as a verb ("il tousse", "elle saigne du nez")
    "fébrile", "hyperthermie", "dysurie", "hématurie", "œdème", "oedème", "hématome", "abcès", "panaris", "zona",
    "varicelle", "érysipèle", "escarre", "escarres", "ulcère", "dorsalgie", "cervicalgie", "cervicalgies",
    "lombosciatique", "lombosciatalgie", "gonalgie", "odontalgie", "épistaxis", "dysphagie", "odynophagie",
    "urticaire", "allergie", "mycose", "impétigo", "luxation", "fracture", "contusion", "traumatisme", "piqûre",
    "morsure", "tuméfaction", "gonflement", "tachycardie", "hypotension", "hypertension", "déshydratation",
    "confusion", "agitation", "crise d'angoisse", "insomnie", "tousse", "toussote", "saigne", "crache", "vomi",
    "se tient", "se touche", "se gratte",  # "se tient l'oreille depuis ce matin", said of a child
    "crises d'angoisse", "crise de panique", "crises de panique", "angoisse", "anxiété", "idées noires",
    "tremblement", "tremblements", "paresthésies", "acouphènes", "bouffées de chaleur", "boule", "rage de dent",
    "rage de dents", "crise d'asthme", "rectorragie", "rectorragies", "hémorroïdes", "crise d'hémorroïdes", "kyste",
    "démangeaison", "crise de",  # "une crise de goutte"; plurals are read as their singular
    "grain de beauté", "corps étranger", "baisse de vision", "baisse brutale", "baisse d'audition",
    "baisse d'acuité", "baisse acuité", "baisse de l'acuité",
    "désaturation", "difficulté respiratoire", "difficulté à respirer", "difficulté à", "difficulté pour", "difficulté de",
    # what the patient comes for without a complaint: "renouvellement de pilule", "pansement à refaire"
    "renouvellement", "pansement", "certificat", "ablation des fils", "ablation fils",
    # or out of it: "elle n'a plus de traitement pour sa tension depuis 2 jours"
    "plus de traitement", "plus de médicaments", "plus de médicament", "plus d'insuline", "plus d'ordonnance",
    "toussé", "saigné", "craché",
    # states said with "il est", "elle est" ("elle est essoufflée depuis ce matin")
    "essoufflé", "essoufflée", "fatigué", "fatiguée", "nauséeux", "nauséeuse", "fiévreux", "fiévreuse", "enrhumé",
    "enrhumée", "grippé", "grippée", "constipé", "constipée", "déshydraté", "déshydratée", "somnolent", "somnolente",
    "confus", "confuse", "désorienté", "désorientée", "agité", "agitée", "anxieux", "anxieuse", "angoissé",
    "angoissée", "déprimé", "déprimée", "érythème", "encombré", "encombrée", "encombrement",
    "voit flou", "vision floue", "vue floue", "baisse de la vue", "trouble de la vue", "troubles de la vue",
    "baisse de vision", "mal partout", "douleurs partout",
    "pleurs", "acné", "plaque", "plaques", "pertes", "perte de sang", "perte de connaissance", "ongle incarné"]}
LONGEST_SYMPTOM = max(len(p) for p in SYMPTOMS)


def _one_letter_off(word: str) -> set[str]:
    """The word with each of its letters left out in turn, and itself: two words one letter apart (one left out,
    added or changed) share one of these."""
    return {word} | {word[:k] + word[k + 1:] for k in range(len(word))}


_LONG_SYMPTOM_WORDS = 8  # letters: long enough that one letter off is a typo, not another word
# "essouflement", "vomissments", "dyspnee": a long complaint word typed one letter off
_SYMPTOMS_ONE_LETTER_OFF = {near for p in SYMPTOMS if len(p) == 1 and len(p[0]) >= _LONG_SYMPTOM_WORDS
                            for near in _one_letter_off(p[0])}
# Endings of clinical words: pain (-algie), bleeding (-rragie), flow (-rrhée); breathing (-pnée), urine (-urie) and a
# chronic disease (-iasis) after three letters at least, which first names as « Laurie » have not
_CLINICAL_ENDING = re.compile(r"^[a-z]{2,}(?:algie|rragie|rrhee)s?$|^[a-z]{3,}(?:pnee|urie)s?$|^[a-z]{3,}iasis$"
                              r"|^[a-z]*(?:glyc|kali|natr|calc|septic|bacteri|an)emies?$")  # "hyperglycémie", "anémie"
# A part of the body and how it is ("œil rouge et douloureux", "genou droit gonflé", "pied qui enfle"): a complaint
_BODY_PARTS = {fold(w) for w in [
    "œil", "oeil", "yeux", "paupière", "oreille", "nez", "bouche", "lèvre", "langue", "gencive", "dent", "gorge",
    "cou", "nuque", "tête", "épaule", "bras", "coude", "poignet", "main", "doigt", "dos", "ventre", "sein", "hanche",
    "cuisse", "genou", "genoux", "joue",
    "jambe", "mollet", "cheville", "pied", "talon", "orteil", "testicule", "peau", "poitrine",
    "ongle", "visage", "front", "fesse", "thorax", "côtes",
    "tension"]}  # and what is measured of the body: "tension élevée"
_SIDES = {"droit", "droite", "gauche", "droits", "droites", "gauches", "gros"}
_BODY_STATES = {fold(w) for w in {
                "rouge", "rouges", "douloureux", "douloureuse", "douloureuses", "chaud", "chaude", "chauds", "chaudes",
                "qui", "enflammé", "enflammée", "gonflé", "gonflée", "gonflés", "gonflées", "enflé", "enflée", "bloqué",
                "bloquée", "tuméfié", "tuméfiée", "bleu", "bleue", "noir", "noire", "froid", "froide", "raide", "sec", "sèche",
                "élevée", "haute", "basse"}}
_ACHES = {"mal", "maux"}  # "mal de gorge", "maux de tête", "mal au ventre", "mal à la tête", "mal d'oreille"
_ACHE_LINKS = {"de", "du", "des", "au", "aux", "a", "la"}
_WHERE_IN_THE_BODY = {"dans", "sous", "derriere", "entre"}
_SIDES_OF_A_PART = {"bas", "haut", "creux", "fond", "milieu"}
# Titles of a practitioner ("le Dr Thomas", "docteur Martin"): the names after them are never the patient's.
PRACTITIONER_TITLES = {"dr", "docteur", "pr", "professeur", "doc"}
PRACTITIONER = "praticien"  # the span read for them, kept out of the patient's details
# The patient's civility implied by what is said of them ("née", "son fils", "une dame"), over their names; the
# civility said ("Mme") is read by fields.find_civilite
IMPLIED_CIVILITY = "genre"
SAME_BIRTH_NAME = "meme_nom"  # "même nom de naissance", "pas de nom d'usage": the birth name is the name
_SAME = {"identique", "idem", "pareil", "pareille", "inchange", "meme"}
STREET_TYPES = {"rue", "avenue", "av", "boulevard", "bd", "cours", "quai", "place", "impasse", "chemin", "allee",
                "route", "rte", "square", "passage", "residence", "lotissement", "lieu-dit", "montee", "voie"}
# Words that open a new clause or another field, so that a complaint said without punctuation ends there.
_CLAUSE_STARTS = RELATIVES | {
    "il", "elle", "ils", "elles", "on", "je", "j'ai", "nous", "vous", "ce", "c'est", "ca", "cela", "qui", "mais",
    "donc", "alors", "voila", "veut", "veulent", "voudrait", "voudraient", "souhaite", "souhaiterait", "prefere",
    "aimerait", "peut", "pourrait", "faudrait", "faut", "merci", "numero", "tel", "tél", "telephone", "portable",
    "joignable", "mail", "email", "courriel", "rdv", "dispo", "ne", "nee", "naissance", "ddn", "age", "agee", "est", "besoin",
    "souhait", "est-ce",  # a dictated label ("… depuis hier souhait un généraliste"), a question
    "selon", "d'apres",  # who says so: "confusion depuis 24h d'après sa fille"
    "s'il", "s'ils"}  # a hypothesis: "s'il a un empêchement, il pourra annuler ?"
_SUBJECTS = {"il", "elle"}
# What is asked for, never a complaint nor a name: "pour un rendez-vous", "avis pédiatrique", "urgence dermato"
# What the patient is, said beside the age: never a name ("patiente 34 ans enceinte de 5 mois")
_CONDITIONS = {"enceinte", "diabetique", "asthmatique", "cardiaque", "allergique", "hypertendu", "hypertendue",
               "grabataire", "dialyse", "dialysee", "immunodeprime", "immunodeprimee", "alite", "alitee", "handicape",
               "handicapee", "epileptique", "insuffisant", "insuffisante", "fumeur", "fumeuse"}
_REQUESTS = {"rendez-vous", "rdv", "consultation", "consult", "cs", "demande", "creneau", "visite", "teleconsultation",
             "orientation", "avis", "urgence", "urgences", "suivi", "controle", "renouvellement", "ordonnance",
             "certificat"}
_AUXILIARIES = {"a", "ai", "as", "avons", "avez", "ont", "est", "sont"}
# Wishing, whoever wishes: "voudrait", "je voudrais", "nous souhaitons", "ils veulent"
_WISHING = {"voudrait", "veut", "souhaite", "souhaiterait", "aimerait", "demande", "desire", "prefere", "prefererait",
            "voudrais", "veux", "souhaiterais", "aimerais", "preferes", "preferer", "voudrions", "voulons",
            "souhaitons", "voudraient", "veulent", "souhaitent", "souhaiteraient", "aimerions", "aimeraient"}
_SUBJECT_OF_HAS = {"il", "elle", "on", "qui", "ca", "y", "n'y", "l'", "en"}  # "il a", "qui a", "y a", "l'a", "en a"
_DEGREES = {"tres", "trop", "assez", "super", "vraiment", "tout", "toute"}
_AVAILABLE = {"disponible", "dispo", "libre", "joignable", "present", "presente", "d'accord", "ok", "chez", "seul", "seule"}
# Verbs of being and wanting after "et il": what follows is another field or a request ("et il serait dispo").
_STATES = {"serait", "sera", "etait", "voudrait", "souhaite", "souhaiterait", "peut", "pourrait", "prefere", "aimerait",
           "travaille", "part", "rentre", "doit", "devrait", "sort", "arrive", "parvient"} | _RESIDING  # "il arrive à
# marcher": what he still can do (not "il n'arrive pas à dormir")
_NEEDING = {"aurait", "aurais", "aurions", "auraient"}  # "et j'aurais besoin d'un rendez-vous": the wish
_FIELD_SEPARATORS = {",", ".", ";", "–", "—", "-", "/", "\n"}
_DEFINITE = {"le", "la", "les", "l'", "son", "sa", "ses", "leur", "leurs"}
_DETERMINERS = {"un", "une", "des", "de", "du", "la", "le", "l'", "d'", "les"}
_EXAMS = {"ecg", "bilan", "radio", "echo", "echographie", "scanner", "irm", "trod", "bu", "bandelette", "biologie",
          "hemoccult"}  # exams and their results ("ECG fait normal"); a glycaemia said is the complaint itself
_WORKPLACES = _INSTITUTIONS | {"centre", "cabinet", "service", "hopital", "clinique", "maison", "samu", "ssiad", "had",
                               "secteur", "reseau", "pole"}
_CONTACTS = _ONLINE | PHONE_LABELS | {"numero", "tel", "telephone", "portable", "adresse"}
_BEARING_ON = {"a", "au", "aux", "vers", "dans", "sous", "sur", "par", "avec", "jusqu'au", "jusqu'a"}
_ARRIVING_AT = {"a", "au", "aux", "chez", "dans"}  # "se présente à l'officine avec …"
_HEDGES = {"probablement", "peut-etre", "surement", "visiblement", "apparemment", "vraisemblablement", "certainement",
           "possiblement", "avec", "aussi", "egalement"}  # "elle a aussi un mail : …": no complaint
# Words after which a complaint goes on across a clause word: its duration ("depuis ce matin"), what it does
# ("plaie qui ne cicatrise pas") or when it comes ("vertiges quand elle se lève").
_COMPLAINT_LINKS = {"depuis", "qui", "quand", "lorsque", "lorsqu'il", "lorsqu'elle"}
_TIMES_OF_DAY = {"matin", "matinee", "midi", "apres-midi", "soir", "soiree", "nuit", "week-end"}
# Words a complaint cannot end with: grammar words and the first words of other fields ("... depuis hier son"),
# not the words that only open a request ("suite port de charge")
# spaCy's stop words hold adverbs, adjectives and nouns a complaint may end with ("migraine avec aura", "il délire un
# peu", "fracture ouverte", "ne tient plus debout")
_PHRASE_ENDS = {"aura", "peu", "tout", "debout", "dehors", "dessus", "dessous", "longtemps", "souvent", "toujours", "encore",
                "ouvert", "ouverte", "ouverts", "anterieur", "anterieure", "anterieures", "seul", "seule",
                "moins"}  # "il mange moins"
_LOOSE_ENDS = STOPS | {fold(w) for w in STOP_WORDS} - _PHRASE_ENDS | {"+", "bon", "alors", "donc", "voila", "attendez",
                                                                   "non", "oui"}  # "douleur thoracique non il a vu …": an answer
_DISCOURSE = {"bon", "alors", "donc", "voila", "enfin"}  # said between two sentences
_NEGATION_ENDS = {"pas", "plus", "jamais", "rien"}
# grammar words that are no verb (spaCy's stop words hold verbs, "passe", "fait"): "qui passe pas" closes a negation,
# "mais pas" does not
_NO_VERB = _DETERMINERS | {"mais", "et", "ou", "donc", "car", "ni", "a", "au", "aux", "en", "sur", "pour", "par", "avec",
                          "sans", "si", "que", "qui", "il", "elle", "on", "ca"}
_DENYING = {"pas", "sans", "ni", "aucun", "aucune", "absence"}  # opening what the patient has not
_GLUE = {"de", "du", "des", "la", "le", "les", "l'", "d'"}  # inside a name of a place: "quartier de la Gare"
_SCHOOL_YEAR = re.compile(r"^(?:\d+(?:e|eme|ieme)|[a-z]+ieme|cp|seconde|terminale|premiere|maternelle)$")
_UNITS = {"g", "mg", "µg", "mmol", "µmol", "l", "dl", "ml", "cl", "h", "min", "kg", "m2"}  # "3 g/l", "120 mg/dl"
_PER = {"j", "jour", "jr", "h", "heure", "nuit", "sem", "semaine"}  # "6/j", "3/nuit": how often
_GUESSED = re.compile(r"\b(?:pense|pensent|croit|croient|crois)\s+(?:avoir|qu'(?:il|elle) a|que j'ai|faire)\s+"
                     r"(?:une?|des|de la|du|d')?\s*$")
_SINCE = re.compile(r"\b(?:depuis|hier|avant-hier|ce matin|cette nuit|ce soir|il y a)\b")
_BEING_SOMEWHERE = {"trouve", "situe", "deplace", "deplacer", "rend", "rendre", "presente", "presenter"}  # after "se"
_REACHING = {"joindre", "contacter", "avoir", "trouver", "obtenir", "appeler"}  # someone: "n'arrive pas à joindre"
_SUBJECT_PRONOUNS = {"je", "tu", "nous", "vous"}  # a verb follows them, no name
_OBJECT_PRONOUNS = {"vous", "te", "lui", "leur", "le", "la", "l'", "les", "me", "m'", "nous", "en", "y"}
_PRONOUNS = {"ca", "cela", "ceci", "moi", "toi", "lui", "elle", "eux", "nous", "vous"}
_HAD = {"atcd", "atcds", "antecedent", "antecedents"}  # what the patient has had
_FOLLOWED = {"suivi", "suivie", "traite", "traitee", "connu", "connue", "soigne", "soignee"}  # "suivi pour une HTA"
# Where a condition the patient lives with is said of them ("diabétique, plaie au pied", "et il est diabétique"),
# not of a complaint ("réaction allergique")
_SAID_OF_THE_PATIENT = {"est", "etait", "et", "patient", "patiente", "ans", "aussi"}
HISTORY = "antecedents"  # what the patient has had or lives with: never the complaint, never a name
_HISTORY = _HAD | {"ttt", "traitement"}  # or takes
# Said inside a complaint, what takes it back for the next one ("une angine enfin mal à la gorge", "euh non pardon")
_TAKING_BACK_HERE = re.compile(r"(?:euh\s+)?(?:non\s+pardon|non\s+attendez|enfin\s+non|ah\s+non|enfin|pardon)\b")
_QUANTITIES = [("un", "peu", "de"), ("beaucoup", "de"), ("pas", "mal", "de"), ("plein", "de")]
# said before a state or a complaint: part of it ("très essoufflée", "une grosse douleur", "petites pertes de sang")
_INTENSITY = {"tres", "trop", "assez", "fortement", "tellement", "encore", "completement", "totalement", "vraiment",
              "gros", "grosse", "grosses", "forte", "fortes",
              "petite", "petites", "petit", "petits", "legere", "legeres", "leger", "legers", "vive", "violente",
              "violentes", "intense", "intenses"}
_THE_OR_MY = {"le", "la", "les", "son", "sa", "ses", "mon", "ma", "notre", "leur"}
_LITTLE_OR_BADLY = {"peu", "mal", "moins", "difficilement", "difficile"}  # "boit peu", "marche difficilement"
_WHO_ASKS = {"medecin", "docteur", "dr", "generaliste", "infirmier", "infirmiere", "pharmacien", "pharmacienne"}
# Those who care, named in a note ("…, dentiste indisponible"): never a complaint listed
_TRADES_OF_CARE = _WHO_ASKS | _CARERS | {"dentiste", "kine", "kinesitherapeute", "sage-femme", "mt", "specialiste",
                                        "orthophoniste", "podologue", "osteopathe"}
_SESSIONS = _TRADES_OF_CARE | {"seance", "seances", "cours", "travail", "ecole"}  # what one has at an hour, no complaint
# Verbs whose negation says no complaint: having, being, wanting, being able ("n'a pas de fièvre", "ne peut pas")
_GETTING_ABOUT = {"deplace", "deplacer", "marche", "marcher", "sort", "sortir", "bouge", "bouger", "conduit",
                  "conduire"}
_NOT_DOINGS = {"a", "ai", "est", "suis", "peut", "peux", "peuvent", "veut", "veulent", "souhaite", "sait", "connait",
               "doit", "faut", "repond", "decroche", "y"} | _RESIDING | _GETTING_ABOUT  # "…, ne se déplace plus": why at home
_HOW_ONE_GETS_ABOUT = {"ne", "n'", "se", "s'", "plus", "pas", "peut", "peux", "arrive", "n'arrive", "a", "presque",
                       "quasiment", "meme", "guere", "jamais"}
_BOUTS = {"crise", "crises", "poussee", "poussees", "attaque", "attaques", "acces", "episode", "episodes"}  # "… de X"
_WHERE_OR_WHEN_SEEN = {"en", "au", "a", "par", "demain", "aujourd'hui", "ce", "cette", "si", "rapidement", "dans", "sous",
                       "avant", "apres", "le", "des", "vite"}
_POSSESSIVES = {"son", "sa", "ses"}
_SIBLING_RANKS = {"premier", "premiere", "deuxieme", "second", "seconde", "troisieme", "dernier", "derniere", "cadet",
                  "cadette", "grand", "grande"}
_FAMILY = {**{w: "m" for w in ("pere", "papa", "mari", "epoux", "conjoint", "compagnon", "frere", "grand-pere", "papi",
                               "oncle", "fils", "neveu", "petit-fils", "beau-pere", "jumeau")},
           **{w: "f" for w in ("mere", "maman", "epouse", "femme", "conjointe", "compagne", "soeur", "grand-mere", "mamie",
                               "tante", "fille", "niece", "petite-fille", "belle-mere", "jumelle")},
           # close ones who are no family, said the same way ("c pr ma coloc Léa Fontaine", "mon copain Yanis …")
           **{w: "m" for w in ("cousin", "copain", "ami", "fiance", "beau-frere", "gendre", "beau-fils")},
           **{w: "f" for w in ("cousine", "copine", "amie", "fiancee", "belle-soeur", "belle-fille")},
           **{w: None for w in ("coloc", "colocataire", "collegue")}}
_THEIR = {"leur", "leurs", "mon", "ma", "mes", "notre", "nos"}
_OF = {"de", "d'", "du", "des"}
# what opens the next patient, after thanks for the last booking ("merci et sa petite sœur …")
_PRESENTING = {"et", "maintenant", "puis", "ensuite", "alors", "c'est", ",", "mtn", "merci", "ok", "bon", "parfait",
               "super", "d'accord"}
# Where one is while the operator speaks: on the phone
_ON_THE_PHONE = (("au", "telephone"), ("au", "tel"), ("en", "ligne"), ("a", "l'appareil"), ("sur", "la", "ligne"),
                 ("sur", "la", "meme", "ligne"), ("au", "bout", "du", "fil"))
_ON_THE_LINE = (*_ON_THE_PHONE, ("avec", "moi"), ("a", "cote", "de", "moi"), ("a", "cote"),
                # an aside on when, between a person and their names ("sa fille dans la foulée Jade Henry")
                ("dans", "la", "foulee"), ("en", "meme", "temps"), ("par", "la", "meme", "occasion"),
                *((word,) for word in vocabulary.AS_WELL), ("svp",), ("stp",), ("s'il", "vous", "plait"), ("maintenant",))
_BORN_TOGETHER = {"jumelle", "jumeau", "jumelles", "jumeaux"}
_AGE_OF_KIN = {*_LITTLE, "grand", "grande"}  # "sa grande sœur", "son petit frère"
_ATTACHING = PLACE_PREPOSITIONS | _COMPLAINT_LINKS | {"pour", "avec", "par", "sous", "chez", "apres", "avant", "de", "d'",
                                                      "malgre", "sans", "contre"}
_DEPARTEMENT_NUMBER = re.compile(r"0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2a|2b")
# A name spelled last is the surname unless the lists clearly say otherwise ("Pinto Joao J O A O"); the latter is
# about what the lists say of a first name against a surname
_SPELLED_LAST, _SPELLED_AS_SAID = 11, 5
_SPOKEN_ORDER = 2  # how much more a dictated "david vincent" is David first (in typed notes "DURAND Marie" is common)
# Right after a civility, first name first, in any case but where capitals tell the name: 40 times for 1 in the
# realistic dev set ("Mme Yilmaz Emre" the one), on the lists' own log2 scale: "M. Frantz Edouard", "Mr Anli Said",
# "M. Jordan Sainte-Rose", names of the Antilles and Mayotte the metropolitan lists know little of
_AFTER_A_CIVILITY = 7
_NEVER_A_FIRST_NAME = 3  # a word the lists know only as a surname, against a listed first name
_COMMON_SURNAME = 3  # log2 score: among the eighth most borne of the listed surnames
_GENDER_TRUSTED = 2  # a first name listed more rarely ("Kaci", also a common surname) has no gender to trust
_DECADES = {"vingtaine", "trentaine", "quarantaine", "cinquantaine", "soixantaine", "septantaine", "huitantaine",
            "octantaine", "nonantaine", "centaine"}  # of years: an age, never a name
_BEFORE_A_PARTICIPLE = {"toujours", "jamais", "deja", "bien", "souvent", "encore", "aussi", "beaucoup", "trop", "finalement",
                        "enfin", "probablement", "surement", "peut-etre", "meme"}  # "il a finalement eu son médecin"
_WELL_KNOWN_FIRST_NAME, _RARE_SURNAME = 8, 3  # lexicon scores (log2 of frequencies)
_LONGEST_COMPLAINT = 16  # words: a longer run is a description DIET reads, or several fields said in a row


_APOLOGIES = {"excusez-moi", "excuse-moi", "excusez", "desole", "desolee"}
# What approves the assistant's proposal ("Oui, parfait.", "ok, génial merci"): a reply, never a complaint; a yes
# even with a capital, though some are surnames too ("Parfait.")
APPROVALS = {"parfait", "parfaitement", "impeccable", "nickel", "super", "genial", "excellent", "top", "ideal", "bravo",
             "cool"}
_NAMES_AMONG_INTERJECTIONS = {"ha", "ho"}  # with their capital, accents or not ("Hô Chi Minh-Ville", "Thi Hà")
_NOT_NAMES = FUNCTION_WORDS | CIVILITES | {p[0] for p in SYMPTOMS} | _ACHES | PRACTITIONER_TITLES | RELATIVES \
    | {p[-1] for p in PERSON_NOUNS} | _NAMING | _CALLING | _REQUESTS | _CONDITIONS | _APOLOGIES \
    | {"appel", "ici"} | vocabulary.AS_WELL  # "appel du petit-fils pour …", "Ici Mathieu, SAS 25": who calls, no name
# "pt à orienter vers MG": the preposition, not the commune of Vers (Haute-Savoie)
# "la fille d'une dame de 80 ans appelle": the verb of the call, though a commune bears it (Appelle, Tarn)
_NOT_PLACES = PHONE_LABELS | RELATIVES | {w for noun in PERSON_NOUNS for w in noun} | {"vers"} | _CALLING


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    folded: str = dataclass_field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", fold(self.text).rstrip("'’"))

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()

    @property
    def is_boundary(self) -> bool:
        return not self.is_word and not self.is_number and self.text not in ":'’"


@dataclass(frozen=True)
class Span:
    field: str
    start: int
    end: int
    value: str = ""  # what the words imply rather than say (IMPLIED_CIVILITY)


PLACE_FIELDS = ("lieu_naissance", "localisation")
_CONTRACTIONS = {"au", "aux", "du", "des"}  # à le, à les, de le, de les: the article of "Le Tampon" is in them


_SAINTS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def _unabbreviated(place: str) -> str:
    """"st denis" -> "saint denis", "ste anne" -> "sainte anne": communes as notes abbreviate them."""
    return " ".join(_SAINTS.get(word, word) for word in place.split())


# "j'appelle", "c'était", "n'a": French elides these before a vowel or h only, so a verb follows; "N'Diaye",
# "M'Bow" go on with a consonant: names
_PLEASE = {"svp", "stp", "merci"}  # a courtesy closes what comes before it, as a comma
_ELIDED_PREPOSITIONS = {"d'à", "d’à", "d'ici", "d’ici", "d'en", "d’en"}  # "le monsieur d'à côté"
_ELIDED_PRONOUN = re.compile(r"(?:j|t|s|c|qu|m|n)['’](?=[aeiouyh])")
# A verb in the imperative with its pronoun ("mettez-la", "mets-la", "prends-le", "rappelez-moi"): no name ends so
_IMPERATIVE = re.compile(r"[a-z]{2,}-(?:le|la|les|lui|leur|moi|toi|nous|vous|y|en)$")


_KIN_ARTICLES = {"la", "le", "l'", "du", "sa", "son", "une", "un"}


def _without_apposed_kin(before: list[str]) -> list[str]:
    """The words before names set in apposition to a relative or a carer ("Appel de la fille (Mme Perrot Carine)",
    "je suis sa voisine, Mme Roux", "appel de l'IDEC Mme Pons"), without them: the names are theirs, as they would
    be right after."""
    words = before[:-1] if before[-1:] in (["("], [","]) else before
    # "j'ai la fille en ligne, Mme Roux": where she is while she speaks
    for line in _ON_THE_LINE:
        if len(words) > len(line) + 1 and tuple(words[-len(line):]) == line:
            words = words[:-len(line)]
            break
    # "appel de la fille de la patiente (Mme Reynaud)", "le fils du patient, M. Roux": a relative of the patient's
    for of_the_patient in _PATIENT_S_RELATIVE:
        if len(words) > len(of_the_patient) + 1 and tuple(words[-len(of_the_patient):]) == of_the_patient:
            words = words[:-len(of_the_patient)]
            break
    if len(words) >= 2 and words[-2] in _KIN_ARTICLES and (
            words[-1] in RELATIVES | _CARERS or (words[-1],) in PERSON_NOUNS):
        # "j'ai la fille d'une patiente au téléphone, Mme Moreau": the relative who speaks, named; "appel du mari,
        # Thierry Vasseur": "du" is "de le"
        if words[-3:-2] in (["par"], ["pour"]):
            return words  # "je vais commencer par la maman madame Yilmaz": whom the call is for, named
        if words[-2] == "du" and words[-1] in _KIN:
            return [*words[:-2], "de", _WHO_CALLS]
        return [*words[:-2], _WHO_CALLS] if words[-2] in ("la", "le", "l'") and words[-1] in _KIN else words[:-2]
    if words and words[-1].startswith("l'") and words[-1][2:] in _CARERS:
        return words[:-1]
    return before


def _tokens(text: str) -> list[Token]:
    """The words, numbers and signs of `text`; "de" elided before a commune is a token of its own ("une patiente
    d'Aurillac", "originaire d'Angers": its folded form is "d"), unless the word is also a complaint or a part of the
    body ("crise d'angoisse": Angoisse is a commune of the Dordogne)."""
    tokens = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(0), match.start()
        rest = word[2:]
        if re.match(r"[dD]['’]\w", word) and key(rest) in commune_names() \
                and (fold(rest),) not in SYMPTOMS and fold(rest) not in _BODY_PARTS:
            tokens += [Token(word[:2], start, start + 2), Token(rest, start + 2, match.end())]
        else:
            tokens.append(Token(word, start, match.end()))
    return tokens


def _is_an_ordinal(token: Token) -> bool:
    """An arrondissement's number as an ordinal, in figures or in words: "11e", "onzième"."""
    return bool(_ORDINAL_IN_FIGURES.fullmatch(token.folded)) or token.folded in ORDINALS


def _is_name_word(token: Token) -> bool:
    # "D'abord Léo VAN HOUTTE": an adverb, elided, opening the sentence; "jeune H 29a": a letter alone is the sex;
    # an interjection spaCy lists as a stop word is a given name with its capital ("NGUYEN Thi Thu Ha")
    if token.folded in _NAMES_AMONG_INTERJECTIONS and token.text[:1].isupper():
        return True
    return token.is_word and len(token.text) > 1 and token.folded not in _NOT_NAMES \
        and not _ELIDED_PRONOUN.match(token.folded) \
        and not (token.folded.startswith("d'") and token.folded[2:] in _NOT_NAMES) \
        and not _IMPERATIVE.match(token.folded) and token.text.lower() not in _ELIDED_PREPOSITIONS


class _Reader:
    def __init__(self, text: str, emails: tuple[str, ...] = ()) -> None:
        self.emails = emails  # masked out of the text, they still tell which name is the surname
        capitals = shouted(text)  # read as in small letters, and known to be typed
        self.text = text.lower() if capitals else text
        self.tokens = _tokens(self.text)
        self.folded = fold(self.text)  # same offsets as the text
        self.spans: list[Span] = []
        self.taken = [False] * len(self.tokens)
        self.field_of: list[str | None] = [None] * len(self.tokens)
        self.birth_place_said = any((self.cue_at(k) or ("",))[0] == "lieu_naissance" for k in range(len(self.tokens)))
        self.gender: str | None = None  # from the civility, to tell "Mme Georges Aimée" apart
        # dictation comes in lower case, but for the names spelled, which the normalization joined in capitals
        self.cased = any(t.text[:1].isupper() and not self.spells_a_neighbour(k) for k, t in enumerate(self.tokens))
        self.typed = capitals or self.cased
        self.punctuated = sum(t.text in _FIELD_SEPARATORS for t in self.tokens) >= 2
        self.capitalized_commune = self.writes_a_town_capitalized()  # before any field is read

    # --- helpers -----------------------------------------------------------------------------------------
    def spells_a_neighbour(self, k: int) -> bool:
        """Token k is in capitals and spells the word before or after it ("ducasse DUCASSE", "KONE koné")."""
        text = self.tokens[k].text
        return len(text) > 1 and text.isupper() and any(
            0 <= n < len(self.tokens) and self.tokens[n].text.islower() and key(self.tokens[n].text) == key(text)
            for n in (k - 1, k + 1))

    def cue_at(self, i: int) -> tuple[str, int] | None:
        if i > 0 and self.tokens[i - 1].is_number and self.tokens[i - 1].end == self.tokens[i].start:
            return None  # the unit of a number ("71A", "3j"), not a word of its own: "71A GLYCEMIES" is no place
        for size in range(min(_LONGEST_CUE, len(self.tokens) - i), 0, -1):
            field = CUES.get(tuple(t.folded for t in self.tokens[i:i + size]))
            if field == "symptomes" and size == 1 and self.tokens[i].folded in _COMPLAINT_LABELS and i > 0 \
                    and self.tokens[i - 1].folded in _POSSESSIVES | _DETERMINERS \
                    and not (i + 1 < len(self.tokens) and self.tokens[i + 1].text == ":"):
                return None  # "elle reconnaît les symptômes": the noun in a sentence, no label of the note
            if field == "epouse" and i > 0 and self.tokens[i - 1].folded in _POSSESSIVES | _DETERMINERS:
                return None  # "avec son épouse. Encombrement bronchique": his wife, no married name to come
            if field in ("prenom", "nom") and "comme" in (t.folded for t in self.tokens[max(0, i - 2):i]):
                return None  # "joseph comme le prénom J O S E P H": how the name is written, no label
            if field == "lieu_naissance" and i + size < len(self.tokens) and self.tokens[i + size].text == BIRTH_DATE:
                return None  # "né en 1938 à Braga": when he was born, the place comes after it
            if field in ("prenom", "nom") and size == 1 and self.compound_said_at(i + 1):
                return None  # "Marie-Claire prénom composé avec un tiret": what the name said is, no label
            if field:
                return field, size
        return None

    def compound_said_at(self, k: int) -> bool:
        """"composé" at k says the name is a compound, unless a value follows ("prénom composé : Marie-Claire")."""
        return k < len(self.tokens) and self.tokens[k].folded in ("compose", "composee") \
            and not (k + 1 < len(self.tokens) and (self.tokens[k + 1].text == ":" or self.tokens[k + 1].folded == "c'est"))

    def born_said_at(self, k: int) -> bool:
        """"né" at k, not the negation "ne" ("elle ne veut plus"): with its accent, or before what says when or where."""
        after = self.tokens[k + 1].folded if k + 1 < len(self.tokens) else ""
        return self.tokens[k].folded == "ne" and (self.tokens[k].text.lower() == "né" or after in _BIRTH_PREPOSITIONS
                                                  or after in ("le", BIRTH_DATE) or after[:1].isdigit())

    def his_birth_name_at(self, i: int) -> tuple[str, int] | None:
        """"M. Caron Bruno, né Caron le 02/02/1980": "né" (its accent: not the negation "ne") before a capitalized name
        that is no place says his birth name, as "née" says hers."""
        if self.tokens[i].text.lower() == "né" and i + 1 < len(self.tokens) and self.tokens[i + 1].is_word \
                and self.tokens[i + 1].text[:1].isupper() and self.place_at(i + 1) is None:
            return "nom_naissance", 1
        # "mme vuillemin odile/ne vuillemin/02-12-1971": a field of its own in a note, one name, no negation
        if self.tokens[i].folded == "ne" and 0 < i < len(self.tokens) - 2 and self.tokens[i - 1].text in _SEGMENT_OPENERS \
                and self.tokens[i + 1].is_word and not is_common_word(self.tokens[i + 1].text) \
                and self.tokens[i + 2].text in _SEGMENT_OPENERS | {BIRTH_DATE}:
            return "nom_naissance", 1
        # "m. barbier patrick ne barbier 14/05/1926": typed without its accent, a name then the birth date
        if self.tokens[i].folded == "ne" and i + 2 < len(self.tokens) and self.tokens[i + 1].is_word \
                and self.tokens[i + 2].text == BIRTH_DATE and (
                    not is_common_word(self.tokens[i + 1].text)
                    or any(s.field == "nom" and key(self.text_of(s)) == key(self.tokens[i + 1].text) for s in self.spans)):
            return "nom_naissance", 1
        return None

    def sibling_rank_size(self, i: int) -> int:
        """Tokens of a child pointed at by its rank among siblings at i ("le premier", "la deuxième", "l'aînée"), else 0."""
        words = [t.folded for t in self.tokens[i:i + 2]]
        if words[:1] and words[0] in ("l'aine", "l'ainee"):
            return 1
        return 2 if len(words) == 2 and words[0] in ("le", "la") and words[1] in _SIBLING_RANKS else 0

    def relative_of_the_described_at(self, i: int) -> bool:
        """ "monsieur 87 ans, chute dans la nuit, sa fille Nadia Ferhat est sur place": a relative at i, said with a
        possessive after the patient's complaint, is the patient's relative — a contact, not the patient."""
        return 0 < i < len(self.tokens) - 1 and self.tokens[i - 1].folded in _POSSESSIVES \
            and self.tokens[i].folded in _FAMILY and any(s.field == "symptomes" for s in self.spans)

    def person_placed_before(self, i: int) -> tuple[int, str | None] | None:
        """"une patiente à mamoudzou anrifa A N R I F A …": a person noun, where the person is, then their names at i:
        (0, the person noun's gender)."""
        k = i
        while k > 0 and self.field_of[k - 1] == "localisation":
            k -= 1
        if k == i or k < 2 or self.tokens[k - 1].folded not in ("a", "sur"):
            return None
        person = next((found for size in (2, 1) if k - 1 - size >= 0
                       and (found := self.person_noun_at(k - 1 - size)) and found[0] == size), None)
        if person is None and k >= 3 and self.tokens[k - 2].folded in CIVILITES \
                and self.tokens[k - 3].folded in ("un", "une", "le", "la", "ce", "cette"):
            person = (1, _GENDER_OF_CIVILITE[self.tokens[k - 2].folded])  # "un monsieur à saint-paul bernard …"
        return person and (0, person[1])

    def person_noun_at(self, i: int) -> tuple[int, str | None] | None:
        """(size, gender) of the person noun starting at i ("petit garçon": 2, "m")."""
        for size in (2, 1):
            words = tuple(t.folded for t in self.tokens[i:i + size])
            if len(words) < size:
                continue  # the text ends before ("… c'est pour")
            words = (words[0].removeprefix("l'"), *words[1:])  # "pour l'enfant Enzo DESIRE"
            if words in PERSON_NOUNS:
                return size, PERSON_NOUNS[words]
        return None

    def first_name_cue_said(self) -> bool:
        return any((self.cue_at(k) or ("",))[0] == "prenom" for k in range(len(self.tokens)))

    def header_end(self, i: int, cue: tuple[str, int]) -> int | None:
        """"Prénom NOM : Évelyne CARON", "Nom prénom : DURAND Marie": two name fields, then their values in that
        order ("Prénom/Nom :", "Nom et prénom :"). Returns the token after the values."""
        joined = i + cue[1] + (i + cue[1] < len(self.tokens) and self.tokens[i + cue[1]].folded in ("/", "et", "-"))
        second = self.cue_at(joined)
        names = ("nom", "prenom")
        if cue[0] not in names or not second or second[0] not in names or second[0] == cue[0]:
            return None
        j = joined + second[1]
        if j >= len(self.tokens) or self.tokens[j].text != ":":
            return None
        units = self.name_units(j + 1, 2)
        for role, unit in zip((cue[0], second[0]), units, strict=False):
            self.add(role, *unit)
        return (units[-1][1] if units else j) + 1

    def same_birth_name_end(self, i: int) -> int | None:
        """Last token of "même nom (de naissance)", "pas de nom d'usage", "nom de naissance : identique", "(c'est le)
        même de naissance" at i."""
        if [t.folded for t in self.tokens[i:i + 3]][1:] == ["de", "naissance"] and self.tokens[i].folded in _SAME:
            return i + 2
        if [t.folded for t in self.tokens[i:i + 2]] == ["de", "naissance"] and i + 2 < len(self.tokens) \
                and self.tokens[i + 2].folded in vocabulary.AS_WELL and i > 0 and self.field_of[i - 1 - (
                    self.tokens[i - 1].text in "(,")] == "nom":
            return i + 2  # "même nom Payet (de naissance aussi)": the surname just said
        if [t.folded for t in self.tokens[i:i + 4]] == ["y", "compris", "de", "naissance"] and i > 0 \
                and self.field_of[i - 1 - (self.tokens[i - 1].text == ",")] == "nom":
            return i + 3  # "même nom Benali y compris de naissance"
        if [t.folded for t in self.tokens[i + 1:i + 3]] in (["pour", "le"], ["pour", "son"]) \
                and self.tokens[i].folded in _SAME:
            cue = self.cue_at(i + 3)  # "pareil pour le nom": the one of a brother or sister named before
            if cue and cue[0] in ("nom", "nom_naissance"):
                return i + 2 + cue[1]
        words = [t.folded for t in self.tokens[i:i + 2]]
        lead = 1 if words[:1] and words[0] in _SAME else 2 if words == ["pas", "de"] else 0  # "idem nom naissance"
        cue = self.cue_at(i + lead)
        if not cue or cue[0] not in ("nom", "nom_naissance") or lead == 0 and cue[0] != "nom_naissance":
            return None
        end = i + lead + cue[1] - 1
        after = self.skip_colons(end + 1)
        if after < len(self.tokens) and self.tokens[after].folded in ("le", "la") \
                and after + 1 < len(self.tokens) and self.tokens[after + 1].folded == "meme":
            after += 1
        if after < len(self.tokens) and self.tokens[after].folded in _SAME | {"different", "differente"}:
            again = self.name_units(after + 1, 1)  # "Emre Yilmaz nom de naissance pareil Yilmaz": the surname said again
            said = {key(t.text) for t in self.tokens[:i]}
            return again[0][1] if again and key(self.text_of_unit(again[0])) in said else after
        if lead == 1 and cue[0] == "nom" and after < len(self.tokens) and self.name_units(after, 2):
            return None  # "même nom de famille Vandenbroucke" (as the father on the line): the surname, said
        return end if lead else None

    def introduced_names_at(self, i: int) -> tuple[int, str | None] | None:
        """(first name token, gender) when the patient's names follow the words at i that introduce a person:
        a person noun ("Enfant Jade Vincent", "un bébé de 8 mois, Rose Delmas"), a relative whose child it is ("la
        maman de Noah Girard") or a naming verb ("c'est Clémence Fabre", "il s'appelle Paul Roux")."""
        person = None if self.relative_of_the_described_at(i) else self.person_noun_at(i) or self.person_placed_before(i)
        token = self.tokens[i]
        if person:
            size, gender = person
        elif token.folded in RELATIVES and i + 2 < len(self.tokens) and self.tokens[i + 1].folded in ("de", "du") \
                and self.tokens[i + 2].folded not in _WORKPLACES:  # "l'infirmière du centre de santé": where she works
            size, gender = 2, None
        elif token.folded in _KIN and self.relative_calling_at(i):
            size, gender = 1, None  # "Appel du mari, Thierry Vasseur, pour son épouse …": who calls, named
        elif token.folded == "pour" and i + 1 < len(self.tokens) and self.tokens[i + 1].folded in ("moi", "moi-meme"):
            size, gender = 2, None  # "un rendez-vous pour moi, Kevin Morel": the caller is the patient
        elif self.family_of_the_caller_at(i) or self.family_of_who_calls_at(i):
            # "mon mari Pierre Lacombe", "c'est pour mon père, Abdel Benyoucef"; "soeur du patient au tel, son frère
            # Samir Ben Youssef"
            size = self.family_size(i)
            gender = _FAMILY[self.tokens[i + size - 1].folded]
        elif token.folded in _INTRODUCING and (self.typed and self.capitalized_names_at(i + 1)
                                               or self.born_after_names(i + 1)):
            # "Besoin d'un pédiatre à Toulon pour Adam Cherif, né le …", "je vous adresse …"; typed in small letters,
            # the birth date after them: "… pour ludovic mangal, né le 5 mars 1994"
            size, gender = 1, None
        elif token.folded == "par" and i > 0 and self.tokens[i - 1].folded in ("commence", "commencer", "commencons"):
            # "pour ses 2 enfants. On commence par Léa Garnier, née le …", "… par le grand : Moussa Ndiaye", "… par le
            # premier yanis haddad"
            size, gender = 1 + self.sibling_rank_size(i + 1), None
        elif (rank := self.sibling_rank_size(i)) and self.born_after_names(i + rank):
            # "pour ses deux enfants on va faire le premier théo fontaine né le …": which child, then their names
            size, gender = rank, None
        elif token.folded in _NAMING:  # "c'est Clémence Fabre", "c'est pour Jade Lefebvre"
            size, gender = 1 + (i + 1 < len(self.tokens) and self.tokens[i + 1].folded == "pour"), None
        elif self.after_little(i) > i:
            size, gender = self.after_little(i) - i, _LITTLE[self.tokens[self.after_little(i) - 1].folded]
        else:
            return None
        # "Identité - TRAN Minh Duc | DDN - …"; "un bébé de huit mois le petit nolan": the little one after the age too
        j = self.after_little(self.skip_age(self.after_little(self.skip_colons(self.past_what_they_have(i + size)))))
        while person and j < len(self.tokens) and self.tokens[j].text.islower() and is_common_word(self.tokens[j].text) \
                and key(self.tokens[j].text) not in first_name_scores() and self.adjective(j):
            j += 1  # "une dame ukrainienne oksana kovalenko": what she is, then her names
        if j < len(self.tokens) and self.tokens[j].folded in _INSTITUTIONS:
            return None  # "résidente EHPAD sur Ussel, Mme FAURE Germaine": where she lives, her names come after
        if person and j + 1 < len(self.tokens) and self.tokens[j].folded in ("de", "d") \
                and self.place_at(j + 1) is not None:
            return None  # "une patiente de Lille": where she is from, no name with its particle
        units = self.name_units(j, 4)
        if units and all(self.tokens[a].text.islower() and is_common_word(self.tokens[b].text) and max(
                _first_name_score(self.tokens[a:b + 1], gender), _surname_score(self.tokens[a:b + 1])) < _COMMON_SURNAME
                for a, b in units[:2]):
            return None  # "patient sorti hier du service de médecine": words in small letters no list has as names
        if units and self.tokens[units[0][0]].text == "des" and units[0][1] > units[0][0] \
                and is_common_word(self.tokens[units[0][1]].text):
            return None  # "c'est des médecins de garde ?": a plural article and its noun, in small letters
        lone = self.tokens[units[0][0]:units[0][1] + 1] if len(units) == 1 else []
        if lone and lone[-1].text.islower() and is_common_word(lone[-1].text) \
                and max(_first_name_score(lone, gender), _surname_score(lone)) < _COMMON_SURNAME:
            return None  # "patiente de 27 ans, suspicion de mycose": a word, in small letters, no list has as a name
        if lone and lone[-1].text.islower() and _first_name_score(lone, gender) <= 0 \
                and self.conjugated_verb(units[0][1]):
            # "La petite porte le nom des deux parents": the verb of the little one, no first name (not "c'est enzo
            # pareil da silva", a first name spaCy tags as a verb)
            return None
        # "la petite Léa", "elle s'appelle Emma", "la maman d'Inès", "son frère Tom": a lone first name is the patient's
        # "on commence par Hugo": the child
        # "sa sœur Lina": after one's kin, any first name listed, though a surname more often (as identity() reads it)
        kin = self.family_size(i) is not None
        lone_given = lone and (self.after_little(i) > i or token.folded in _NAMING | RELATIVES | {"par"} or kin) \
            and ((given := _first_name_score(lone, gender)) > _surname_score(lone) or kin and given > _GENDER_TRUSTED
                 # "son jumeau Szymon commence …": a capitalized name no list knows, after one's kin, is their first name
                 or kin and lone[0].text[:1].isupper() and _listed_nowhere(lone))
        # "c'est M A T H I E U mathieu": a name spelled and said is the surname, alone too
        spelled = len(units) == 1 and (units[0][1] > units[0][0] and len(
            {key(t.text) for t in self.tokens[units[0][0]:units[0][1] + 1] if t.is_word}) == 1
            or token.folded in _SPELLING and _is_capitals(self.tokens[units[0][0]:units[0][1] + 1]))  # "ça s'écrit H O A R A U"
        named = token.folded in _NAMED_BY  # "il s'appelle Noé": a name, though a commune bears it
        # "c'est lina aussi benali": a first name, then the surname the same as the patient's before
        named = named or len(units) == 1 and bool(self.same_surname_after(units[0][1] + 1))
        labelled = token.folded in _PATIENT_LABELS  # "Pte GAUTIER épouse LOPES …": labelled the patient, as "patiente" is
        if not units or (len(units) < 2 and (not (person or lone_given or spelled or named or labelled)
                                             or self.is_bare_place(j) and not spelled and not named)):
            return None  # "patiente de 45 ans, Oullins, fièvre": a lone commune is where she is; "un petit bouton"
        place = self.place_at(j)
        if place is not None and place > j and place >= units[-1][1] and self.is_bare_place(j):
            return None  # "pte saint etienne, cystite": one commune in several words, all the "names" said
        if token.folded in _NAMING and self.names_a_thing(j):
            return None  # "c'est la résidence autonomie de Cholet (qui appelle pour M. Giraud)"
        if token.folded in _NAMING and not self.typed and not spelled and not any(
                _first_name_score([t], None) > 0 or _surname_score([t]) > 0
                for a, b in units for t in self.tokens[a:b + 1] if t.folded not in PARTICLES):
            return None  # "c'est le secrétariat de l'ehpad": said aloud, words no list knows as names are none
        after = units[-1][1] + 1
        # "inès fontaine pareil F O N T A I N E née le …", "enzo pareil da silva": the surname the same as before
        as_before = after < len(self.tokens) and (len(units) > 1 and self.tokens[after].folded in vocabulary.AS_WELL
                                                  or bool(self.same_surname_after(after)))
        # "son jumeau Szymon commence à avoir …": the name, then what they do (not "… appelle": who calls)
        their_verb = self.verb_in_small_letters(after) and self.tokens[after].folded not in _CALLING
        if not self.ends_cleanly(units) and not (len(units) > 1 and self.tokens[after].folded in FUNCTION_WORDS) \
                and not as_before and not their_verb:
            return None  # "Noah Girard appelle": a verb may follow two names
        return j, gender

    def town_and_its_quarter_at(self, i: int) -> bool:
        """"Clermont-Ferrand quartier des Salins", "Lille (quartier Fives)": a commune, then where in it; no first name
        and name."""
        end = self.place_at(i)
        if end is not None and end + 1 < len(self.tokens) and self.tokens[end + 1].text == "(":
            end += 1
        return end is not None and end + 1 < len(self.tokens) and self.tokens[end + 1].folded in IN_A_TOWN

    def holds_a_given_name(self, units: list[tuple[int, int]]) -> bool:
        """Names said together hold a first name, which never opens with a particle: "le carnet de santé" after "je
        regarde" is a thing, where "le goff marie" holds Marie; a surname alone ("Le Gall") holds none."""
        return len(units) < 2 or any(self.tokens[first].folded not in PARTICLES for first, _last in units)

    def names_a_thing(self, j: int) -> bool:
        """An article then a common word no list knows as a name: a thing or a place ("la résidence", "le
        secrétariat"), where "Le Gall", "La Rocca" are names."""
        if j + 1 >= len(self.tokens) or self.tokens[j].folded not in ("le", "la", "l", "les"):
            return False
        if j + 3 < len(self.tokens) and self.tokens[j + 2].folded in ("de", "du", "d'") \
                and (self.place_at(j + 3) is not None or key(self.tokens[j + 3].text) in region_names()):
            return True  # "c'est le samu de guadeloupe", "la pharmacie de Brest": a body of a place
        whole = key(self.text_of_unit((j, j + 1)))  # "Le Goff" is listed whole, "Goff" alone is not
        return is_common_word(self.tokens[j + 1].text) and not _first_name_score([self.tokens[j + 1]], None) \
            and not _surname_score([self.tokens[j + 1]]) and whole not in surname_scores()

    def opens_a_segment_with_names(self, i: int) -> bool:
        """Capitalized names opening a segment of a typed note, after what it says first ("demain midi au cab si
        possible - Baptiste Rolland né …", "Martinique - Jean-Marc Ursulet", "Patient vu ce matin : Gérard Delorme"),
        or names in small letters followed by the birth date."""
        return i > 0 and self.tokens[i - 1].text in _SEGMENT_OPENERS \
            and not any(s.field in ("nom", "prenom") for s in self.spans) \
            and (self.typed and self.capitalized_names_at(i) or self.born_after_names(i))  # "…: jean paoli né le …"

    def after_a_header(self, i: int) -> bool:
        """Token i follows a short header opening the message ("SMS régul :", "Pour info :", "2e pt meme famille:")."""
        return 0 < i <= 6 and self.tokens[i - 1].text == ":" and not any(self.taken[:i])

    def capitalized_names_at(self, j: int) -> bool:
        """Two names or more at j, each capitalized, that end cleanly: typed as a person's names."""
        units = self.name_units(j, 4)
        place = self.place_at(j)  # "pour Saint Etienne" is a town
        return len(units) >= 2 and all(self.tokens[a].text[:1].isupper() for a, _ in units) \
            and self.ends_cleanly(units) and (place is None or place < units[1][0])

    def family_of_the_caller_at(self, i: int) -> bool:
        """A relative the call is for at i: the caller's ("mon mari", "notre fille") or one asked for ("pour sa
        mère"), or one named with a birth date ("sa grande sœur : Sofia Bensaïd 02/03/2016"); "sa fille" alone is
        the patient's relative, a contact."""
        size = self.family_size(i)
        if size is None:
            return False
        asked_for = i > 0 and self.tokens[i - 1].folded in ("pour", "concernant")
        owner = self.tokens[i].folded
        named = self.past_what_they_have(i + size)
        return owner in _THEIR or owner in _POSSESSIVES and (
            asked_for or self.described_after_names(named) or self.presented_at(i, size)
            or self.ill_after_names(i + size)) \
            or owner in ("le", "la", "l'") and self.born_after_names(i + size)  # "pour le grand frère X né le", "et
        # maintenant la petite sœur X née le", "faire voir aussi la petite sœur, X, née le": who is born is seen

    def past_what_they_have(self, k: int) -> int:
        """Past "qui …" up to its colon said at k ("sa petite sœur qui commence pareil depuis ce matin : Inès, née le
        …"): what the relative has, in no words of a complaint, then their names; k when no such clause is (a complaint
        in it is read as one: "sa petite sœur qui tousse : Inès Benali, née le …")."""
        if k >= len(self.tokens) or self.tokens[k].folded != "qui":
            return k
        for j in range(k + 1, min(k + _LONGEST_COMPLAINT, len(self.tokens))):
            if self.tokens[j].text == ":":
                return j + 1
            if self.tokens[j].is_boundary or self.symptom_end(j) is not None:
                break
        return k

    def ill_after_names(self, k: int) -> bool:
        """The names said from token k are followed by what the person has ("son frère Enzo a la même chose", "sa
        sœur Lina a de la fièvre"): someone to see, not a contact."""
        after = self.past_names(k)
        if after < len(self.tokens) and after > k and self.tokens[after - 1].text == "," \
                and self.symptom_end(after) is not None:
            return True  # "son frère Kévin Zébina, mal à la gorge": the complaint listed after the names
        if after >= len(self.tokens) - 1 or after == k or self.tokens[after].folded not in ("a", "fait", "presente",
                                                                                            "commence"):
            return False
        after += 1
        while after < len(self.tokens) - 1 and self.tokens[after].folded in ("aussi", "egalement", "a", "avoir"):
            after += 1  # "Szymon commence à avoir la même chose", "Lina a aussi de la fièvre"
        said = [t.folded for t in self.tokens[after:after + 3]]
        return said == ["la", "meme", "chose"] or said[:1] == ["pareil"] \
            or self.symptom_end(self.after_determiners(after)) is not None

    def family_of_who_calls_at(self, i: int) -> bool:
        """"sa mère", "son frère" at i, no patient named yet, after who calls: named ("Appel de Mme Reynaud : sa mère
        Jeanne Bouchard") or said to be the patient's kin ("soeur du patient au tel, son frère Samir …")."""
        if self.tokens[i].folded not in _POSSESSIVES or self.family_size(i) is None:
            return False
        before = [t.folded for t in self.tokens[:i]]
        kin_of_the_patient = any(tuple(before[k:k + len(of)]) == of for of in _PATIENT_S_RELATIVE for k in range(len(before)))
        return kin_of_the_patient or any(s.field in ("nom", "prenom") and s.end <= self.tokens[i].start
                                         for s in self.spans)

    def presented_at(self, i: int, size: int) -> bool:
        """"c'est son frère Hugo Perrin il a mal à la gorge", "et sa jumelle Lina, même nom": the next patient
        presented, not the one who calls ("c'est sa fille Julie qui appelle")."""
        k = 0  # "et maintenant", "puis", "Et la deuxième, …": which child, by its rank
        while k < i and (self.tokens[k].folded in _PRESENTING or self.sibling_rank_size(k)):
            k += self.sibling_rank_size(k) or 1
        opening = i > 0 and k == i
        if i == 0 or self.tokens[i - 1].folded != "c'est" and not opening:
            return False
        units = self.name_units(self.skip_colons(i + size), 3)  # "maintenant sa sœur jumelle : Chloé, même nom"
        after = units[-1][1] + 1 if units else len(self.tokens)
        return bool(units) and (after >= len(self.tokens) or self.tokens[after].folded != "qui")

    def family_size(self, i: int) -> int | None:
        """Tokens of a relative said at i with its possessive: "mon père" (2), "sa grande sœur" (3)."""
        words = [t.folded for t in self.tokens[i:i + 3]]
        if len(words) >= 2 and words[1] in _FAMILY:
            return 3 if words[2:] and words[2] in _BORN_TOGETHER else 2  # "sa sœur jumelle Lina"
        return 3 if len(words) == 3 and words[1] in _AGE_OF_KIN and words[2] in _FAMILY else None

    def past_names(self, k: int) -> int:
        """Past the names said from token k, what is said with them (spelled again, the birth name) and the label of a
        date."""
        units = self.name_units(self.skip_age(k), 3)
        after = units[-1][1] + 1 if units else len(self.tokens)
        # "rayan ouali pareil O U A L I né le …", "inès fontaine aussi née le …": the same surname as the patient
        # before (spelled again)
        after += after < len(self.tokens) and self.tokens[after].folded in vocabulary.AS_WELL
        whose = self.whose_name_end(after)
        after = after if whose is None else whose + 1  # "Anrif A N R I F Soilihi comme sa mère …": whose surname it is
        if after < len(self.tokens) and any(self.spelled_again(unit, self.tokens[after]) for unit in units):
            after += 1  # "léa meyer L E A née le …": the first name spelled after the names
        while after < len(self.tokens) and self.tokens[after].folded == ",":
            after += 1
        # "Hugo Roux même nom de naissance né le …", "Hugo Roux, nom de naissance Roux, né le …": his birth name between
        if after < len(self.tokens) and (same := self.same_birth_name_end(after)) is not None:
            after = same + 1
        else:
            after = self.past_own_birth_name(after)
        while after < len(self.tokens) and self.tokens[after].folded in (",", "ne", "nee", "le"):
            after += 1
            if self.tokens[after - 1].folded in ("ne", "nee") and after + 1 < len(self.tokens) \
                    and self.tokens[after].folded == "a" and (place := self.place_at(after + 1)) is not None:
                after = place + 1  # "né à Bastia le 30/12/1990": where, then when
        if after < len(self.tokens) and self.tokens[after].folded in _DATE_LABELS:
            after = self.skip_colons(after + 1)  # "sa soeur Chloe Vandenbroucke ddn 2/9/2015": its label first
        return after

    def born_after_names(self, k: int) -> bool:
        """The names said from token k are followed by the birth date ("Sofia Bensaïd 02/03/2016", "Hugo Lambert, né
        le 21/01/2013"): they are the patient's, not a contact's."""
        after = self.past_names(k)
        return after < len(self.tokens) and self.tokens[after].text == BIRTH_DATE

    def described_after_names(self, k: int) -> bool:
        """The names said from token k are followed by the birth date or the age ("sa mère Marie Bellance née
        Ramassamy, 65 ans, toux"): the person the call is about."""
        after = self.past_names(k)
        return after < len(self.tokens) and self.tokens[after].text == BIRTH_DATE or after + 1 < len(self.tokens) \
            and self.tokens[after].is_number and self.tokens[after + 1].folded in ("ans", "an", "mois")

    def after_little(self, i: int) -> int:
        """Past "la petite", "le petit" before a child's names ("la maman de la petite Léna Brun")."""
        words = [t.folded for t in self.tokens[i:i + 2]]
        if words[:1] and words[0] in _LITTLE:
            return i + 1
        return i + 2 if len(words) == 2 and words[0] in ("le", "la", "du") and words[1] in _LITTLE else i

    def past_the_line(self, i: int) -> int:
        """Past where the person is while the operator speaks, or an aside, before their names: "j'ai un jeune homme
        au téléphone Yanis Benali", "un monsieur en ligne, Paul Girard", "sa fille dans la foulée Jade Henry", "son
        fils aussi svp : Lucas Vasseur"."""
        size = self.phrase_at(i, _ON_THE_LINE)
        if not size and i < len(self.tokens) and self.tokens[i].folded == "est":  # "la maman est au tel"
            size = self.phrase_at(i + 1, _ON_THE_PHONE) and 1 + self.phrase_at(i + 1, _ON_THE_PHONE)
        if size:
            after = i + size + (i + size < len(self.tokens) and self.tokens[i + size].text == ",")
            return self.past_the_line(after)
        return i

    def phrase_at(self, i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """The number of tokens of the first of these phrases said at i, 0 when none is."""
        return next((len(words) for words in phrases if tuple(t.folded for t in self.tokens[i:i + len(words)]) == words),
                    0)

    def skip_age(self, i: int) -> int:
        """Past an age and punctuation after a person noun: ", de 8 mois,", "(3 ans)", "de neuf mois"; past where the
        person is on the line."""
        def a_number(k: int) -> bool:
            return self.tokens[k].is_number or is_said_number(self.tokens[k].folded)

        i = self.past_the_line(i)
        while i < len(self.tokens) and self.tokens[i].text in ",:()" or (
                i + 1 < len(self.tokens) and self.tokens[i].folded == "de" and a_number(i + 1)):
            i += 1
        if i + 1 < len(self.tokens) and a_number(i) and (self.tokens[i + 1].folded in (
                "ans", "mois", "an", "semaines", "semaine", "sem", "jours", "j")  # "nrs 3 sem Noah Payet"
                or self.tokens[i + 1].folded == "a" and self.tokens[i + 1].start == self.tokens[i].end):  # "pt 34a"
            return self.skip_age(i + 2)
        if i + 1 < len(self.tokens) and self.tokens[i].folded in ("la", "une") and self.tokens[i + 1].folded in _DECADES:
            return self.skip_age(i + 2)  # "un monsieur la soixantaine", "une dame, la quarantaine,"
        # the class after "de" ("une élève de cinquième Emma Klein", "un élève de CM2"), "de" passed above or not
        class_at = i + (i < len(self.tokens) and self.tokens[i].folded == "de")
        if 0 < class_at < len(self.tokens) and self.tokens[class_at - 1].folded == "de":
            if _SCHOOL_YEAR.match(self.tokens[class_at].folded):
                return self.skip_age(class_at + 1)
            if class_at + 1 < len(self.tokens) and self.tokens[class_at].folded in ("ce", "cm") \
                    and self.tokens[class_at + 1].folded in ("1", "2"):
                return self.skip_age(class_at + 2)
        return i

    def skip_colons(self, i: int) -> int:
        """Past what links a label to its value: "nom : X", "c'est X", "de jeune fille elle est X"."""
        while i < len(self.tokens) and self.tokens[i].text in ":-." or (
                i < len(self.tokens) and self.tokens[i].folded in ("c'est", "est", "s'ecrit", "s'epelle")) or (
                i + 1 < len(self.tokens) and self.tokens[i].folded in ("elle", "il") and self.tokens[i + 1].folded == "est"):
            i += 1
        return i

    def add(self, field: str, first: int, last: int) -> None:
        """Tokens first..last (inclusive) are the value of `field`; a place keeps what says where it lies."""
        if field in PLACE_FIELDS:
            last = self.where_it_lies(last, born=field == "lieu_naissance", first=first)
            first = self.arrondissement_before(first, last)
        if field == "localisation":
            last = self.district_after(self.commune_after_its_street(first, self.street_after(last)))
        if field == "symptomes" and first >= 2 and self.tokens[first - 1].folded == "de" \
                and self.tokens[first - 2].is_number and not self.taken[first - 2]:
            first -= 2  # "elle a 40 de fièvre": the measure, then what it measures
            first -= first > 0 and self.tokens[first - 1].is_number and not self.taken[first - 1]  # "39 2 de fièvre"
        start = self.tokens[first].start
        if field == "symptomes" and re.match(r"[ld]'\w", self.tokens[first].folded):
            start += 2  # "de l'acné": the complaint, like the others, without its article
        self.spans.append(Span(field, start, self.tokens[last].end))
        for k in range(first, last + 1):
            self.taken[k] = True
            self.field_of[k] = field

    def district_after(self, last: int) -> int:
        """Last token of the district named after the commune ending at `last` ("Nice quartier Cimiez", "Mamoudzou
        quartier Cavani"): a home visit needs it; `last` when none is."""
        k = last + 1
        if k + 1 >= len(self.tokens) or self.tokens[k].folded not in ("quartier", "qtier", "cite") or self.taken[k + 1]:
            return last
        end = last
        for j in range(k + 1, min(k + 5, len(self.tokens))):
            word = self.tokens[j]
            if word.folded in _GLUE and not self.taken[j]:
                continue
            if self.taken[j] or not _is_name_word(word) or word.folded in _CLAUSE_STARTS | _NOT_NAMES:
                break
            end = j
        return end

    def street_type_after_number(self, i: int) -> int | None:
        """The street type after the house number at i ("18 rue", "17 bis rue"); None when i is no house number
        ("3e", an arrondissement) or no street follows."""
        if not self.tokens[i].is_number or _is_an_ordinal(self.tokens[i]):
            return None
        street = i + 1 + (i + 1 < len(self.tokens) and self.tokens[i + 1].folded in ("bis", "ter"))
        return street if street < len(self.tokens) and self.tokens[street].folded in STREET_TYPES else None

    def commune_after_its_street(self, first: int, last: int) -> int:
        """Last token of the commune said after the street address first..last and a comma ("domiciliée 27 bd de la
        Liberté, Marseille 4e"), or `last`."""
        street = self.street_type_after_number(first)
        k = self.past_building_details(last)
        if street is None or street > last or k + 2 >= len(self.tokens) or self.tokens[k + 1].text != "," \
                or not self.is_bare_place(k + 2):
            return last
        return self.place_at(k + 2)

    def past_building_details(self, last: int) -> int:
        """Last token of the building details said after an address ("…, escalier B, 3e étage, Tourcoing"): where
        in the building, before the commune; `last` when none are."""
        k = last
        while k + 2 < len(self.tokens) and self.tokens[k + 1].text == "," and any(
                t.folded in _IN_A_BUILDING for t in self.tokens[k + 2:k + 4]):  # "bât C", "2e étage"
            end = next((m for m in range(k + 2, min(k + 6, len(self.tokens))) if self.tokens[m].text == ","), None)
            if end is None:
                return k
            k = end - 1
        return k

    def street_after(self, last: int) -> int:
        """Last token of the street said right after the commune ending at `last` ("Lyon 3e rue Paul Bert", "Brest,
        12 rue de Siam"), or `last`: the address is where the patient is, not the next field."""
        k = last + 1 + (last + 1 < len(self.tokens) and self.tokens[last + 1].text == ",")
        street = k + (k < len(self.tokens) and self.tokens[k].is_number and not _is_an_ordinal(self.tokens[k]))
        if street >= len(self.tokens) or self.tokens[street].folded not in STREET_TYPES or any(self.taken[k:street + 1]):
            return last
        end = self.value_until_stop(street, allow_numbers=True)
        return last if end is None or end == street else end

    def arrondissement_before(self, first: int, last: int) -> int:
        """First token of the place once its arrondissement said before the city is in it ("dans le onzième à
        Paris", "le 2e à Lyon")."""
        if self.tokens[last].folded not in CITIES_WITH_ARRONDISSEMENTS:
            return first
        k = last - (last > 0 and self.tokens[last - 1].folded in ("a", "sur"))
        ordinal = self.tokens[k - 1] if k >= 2 else None
        if ordinal is None or not _is_an_ordinal(ordinal) \
                or self.tokens[k - 2].folded != "le" or any(self.taken[k - 2:first]):
            return first
        return min(first, k - 2 - (k >= 3 and self.tokens[k - 3].folded == "dans"))

    def a_quarter_at(self, k: int) -> bool:
        """Token k names a part of the city before it: typed as the city is (capitalized, or both in small letters),
        alone before the segment's end, no commune nor a name the lists know well ("Toulouse Rangueil,", "bordeaux
        bastide" once the patient is named, not "Lyon Martin,")."""
        token = self.tokens[k]
        said = key(token.text)
        as_the_city = token.text[:1].isupper() or self.tokens[k - 1].text.islower() and token.text.islower()
        named = any(s.field == "nom" for s in self.spans)
        # in small letters throughout, the message's last word ("…, bordeaux bastide") or before a mark typed
        # ("strasbourg neudorf - tel …"): a boundary may be a number blanked out ("elle est à limoges téléphone 05 …")
        alone = k + 1 == len(self.tokens) or self.tokens[k + 1].is_boundary and (
            self.typed or self.tokens[k + 1].text in _FIELD_SEPARATORS)
        return token.is_word and as_the_city and not token.text.isupper() and alone and said not in commune_names() \
            and token.folded not in FUNCTION_WORDS \
            and first_name_scores().get(said, 0) <= 1 and (named or surname_scores().get(said, 0) < _COMMON_SURNAME)

    def saint_quarter_end(self, k: int) -> int | None:
        """Last token of a quarter named after a saint at k, right after its city and ending the segment ("brest st
        marc -", "Toulouse Saint-Cyprien,"): no commune of that name elsewhere (Saint-Cyprien, Pyrénées-Orientales)."""
        words = self.tokens[k].folded.split("-", 1)
        if words[0] not in ("st", "ste", "saint", "sainte"):
            return None
        end = k + (len(words) == 1)  # "st marc", or "st-marc" in one token
        if end >= len(self.tokens) or not _is_name_word(self.tokens[end]) or self.taken[end] or end == k and not words[1:]:
            return None
        return end if end + 1 == len(self.tokens) or self.tokens[end + 1].is_boundary else None

    def where_it_lies(self, last: int, born: bool = False, first: int | None = None) -> int:
        """Last token of the département, region or country that situates the place ending at `last` ("Lamentin en
        Martinique", "Casablanca (Maroc)", "Fès au Maroc", "Saint-Denis de la Réunion"), or `last` when none
        follows. `born`: after a birth place, a capitalized name after "au", "en" situates it even when no table
        knows it ("né à Pointe-Noire au Congo"): it is no second place."""
        k = last + 1
        if k >= len(self.tokens) or self.taken[k]:
            return last
        if not born and key(self.tokens[last].text) in city_names():
            if self.a_quarter_at(k):
                return k  # "Bordeaux Chartrons, …": the part of the city it is in
            if (quarter := self.saint_quarter_end(k)) is not None:
                return quarter  # "brest st marc - …", "Toulouse Saint-Cyprien": a quarter named after its saint
            if self.tokens[k].text == "(" and k + 2 < len(self.tokens) and self.tokens[k + 2].text == ")" \
                    and self.tokens[k + 1].text[:1].isupper() and self.region_at(k + 1) is None:
                return k + 2  # "Toulouse (Minimes)": its quarter in brackets
        if not born and self.tokens[k].folded in IN_A_TOWN and (units := self.name_units(k + 1, 2)):
            return units[-1][1]  # "Clermont-Ferrand quartier des Salins", "… quartier Port Marianne": where in the town
        bare = self.region_at(k)  # "Mamoudzou Mayotte"
        if bare is not None:
            return bare
        listed = self.region_at(k + 1) if self.tokens[k].text == "," and k + 1 < len(self.tokens) else None
        if listed is not None and (listed + 1 == len(self.tokens) or self.tokens[listed + 1].is_boundary):
            return listed  # "Saint-Affrique, Aveyron, 05 65 …": its département, as a column of its own
        # "né à Porto, au Portugal": a country after a comma still situates the town; "Saint-Denis, à la Réunion":
        # so does the region of a name several communes bear
        comma = self.tokens[k].text == "," and k + 1 < len(self.tokens) and not self.taken[k + 1] \
            and self.tokens[k + 1].folded in ("au", "en", "aux", "a")
        shared = comma and first is not None \
            and key(self.text[self.tokens[first].start:self.tokens[last].end]) in shared_commune_names()
        k += comma
        if self.tokens[k].folded == "dans":
            # "Saint-Just dans l'Ain", one of several Saint-Just: the département tells which; "Die dans la Drôme" is
            # the only Die, the commune says it all
            said = key(self.text[self.tokens[first].start:self.tokens[last].end]) if first is not None else None
            if said not in shared_commune_names():
                return last
            k += k + 1 < len(self.tokens) and self.tokens[k + 1].folded in ("le", "la", "les")
        elif not (self.tokens[k].text == "(" or self.tokens[k].folded in _BIRTH_PREPOSITIONS | {"de"}):
            return last  # "Saint-Denis de la Réunion" goes on
        found = None
        if k + 1 < len(self.tokens) and _DEPARTEMENT_NUMBER.fullmatch(self.tokens[k + 1].folded) \
                and self.tokens[k].folded in ("dans", "le", "(", "en") and not self.taken[k + 1]:
            found = k + 1  # "Saint-Denis dans le 93", "(93)": the département by its number
        for end in range(k + 1, min(k + 6, len(self.tokens))):
            if found is not None or not self.tokens[end].is_word or self.taken[end]:
                break
            said = re.sub(r"^(?:l|la|le|les) ", "", key(" ".join(t.text for t in self.tokens[k + 1:end + 1])))
            if said in countries() or said in region_names() and (not comma or shared):
                found = end
        if found is None and born and not comma and self.tokens[k].folded in ("au", "en", "aux") \
                and k + 1 < len(self.tokens) \
                and _is_name_word(self.tokens[k + 1]) and self.tokens[k + 1].text[:1].isupper() \
                and not self.taken[k + 1] and self.commune_at(k + 1) is None:
            found = k + 1
        if found is None:
            return last
        if self.tokens[k].text == "(":
            closing = found + 1 < len(self.tokens) and self.tokens[found + 1].text == ")"
            return found + 1 if closing else last
        return found

    def region_at(self, k: int) -> int | None:
        """Last token of a département, region or country named at k without a preposition, written as a name."""
        found = None
        for end in range(k, min(k + 4, len(self.tokens))):
            if not self.tokens[end].is_word or self.taken[end] or not self.tokens[k].text[:1].isupper():
                break
            said = key(" ".join(t.text for t in self.tokens[k:end + 1]))
            if said in region_names() or said in countries():
                found = end
        return found

    def opens_birth_place(self, i: int) -> bool:
        """The preposition at i opens the birth place: it attaches to a birth word on its left, across the birth
        date and the commas around it, or right after a birth name ("née le 17/01/1994, à Rennes", "née Lefebvre,
        le 6 novembre 1949, à Arras", "née Martin à Brest"); without the date a comma ends the attachment ("née
        Colin, à Oloron"). One is born "à", "au" or "en", never "sur"; a postal code is where one lives; and a
        patient has one birth place: once "né à X" is said, another place is where they are."""
        if self.tokens[i].folded not in _BIRTH_PREPOSITIONS or self.birth_place_said or (
                i + 1 < len(self.tokens) and re.fullmatch(r"\d{5}", self.tokens[i + 1].text)):
            return False
        if self.tokens[i].folded == "en" and not self.country_or_region_at(i + 1):
            return False  # "née le 22 janvier 1961, en rupture de son traitement": a state, no place
        k = i - 1
        while k >= 0 and (self.tokens[k].folded in _BETWEEN_BIRTH_AND_PLACE | _RESTARTS  # "née le attendez 1er mai … à"
                          or self.field_of[k] == "nom_naissance"
                          or self.tokens[k].folded == "en" and self.tokens[k + 1].text == BIRTH_DATE):  # "né en 1938 à"
            k -= 1
        crossed = {t.text for t in self.tokens[k + 1:i]}
        # "ddn 08/08/67, à Baie-Mahault": the label names the date alone; after its comma comes another field
        # Across that comma, "né le 1er janvier 1938, à Versailles" may as well say where he is: the birth place only
        # when where the patient is gets said otherwise ("née le 17/01/1994, à Rennes, vit à Brest")
        # (or is a place abroad, where no patient of a SAS is: "née Hamidi, le 08/02/1958 à Oran")
        elsewhere = self.located_otherwise(i) or i + 1 < len(self.tokens) and self.abroad_at(i + 1)
        after_a_date = BIRTH_DATE in crossed and self.tokens[k].folded not in _DATE_LABELS and elsewhere
        # "…, nom de naissance TRAN, le 17/06/1958 à Hanoï. vit à Ivry": right after the birth date, no birth word said,
        # where she was born when where she is gets said otherwise
        dated = i > 0 and self.tokens[i - 1].text == BIRTH_DATE and elsewhere
        return k >= 0 and self.tokens[k].folded in BIRTH_WORDS and ("," not in crossed or after_a_date) or dated

    def country_or_region_at(self, k: int) -> bool:
        """One is born "en" a country or a region: "en Algérie", "en Bretagne", "en Côte d'Ivoire"."""
        if k >= len(self.tokens):
            return False
        return self.country_at(k) is not None or any(
            key(" ".join(t.text for t in self.tokens[k:end + 1])) in region_names()
            for end in range(k, min(len(self.tokens), k + 4)))

    def abroad_at(self, k: int) -> bool:
        return city_abroad(self.tokens[k].text) is not None or self.country_at(k) is not None

    def located_otherwise(self, i: int) -> bool:
        """Where the patient is, said before token i or after it: with words of its own ("vit à", "se trouve à"), as
        another town ("…, à Brest, chez sa fille à Quimper") or as the last patient's ("même adresse")."""
        return "localisation" in self.field_of[:i] or self.resides_after(i) \
            or SAME_AS_THE_LAST["localisation"].search(self.text) is not None or any(
            (cue := self.cue_at(k)) is not None and cue[0] == "localisation" and (
                cue[1] > 1 or k + 1 < len(self.tokens) and self.place_at(k + 1) is not None)
            for k in range(i + 2, len(self.tokens)))

    def born_bare_at(self, i: int) -> bool:
        """A town at i, right after the birth date and its comma, with no preposition ("née le 15/06/1979, Bamako"),
        is the birth place when the residence is said with its own word further on ("…, demeurant 27 bd …"); alone,
        it may as well be where the patient is. So is a town glued to the birth date opening its segment ("…, Dakar
        14/08/1986, domiciliée à Évry")."""
        if self.birth_place_said or not _is_name_word(self.tokens[i]) or not self.tokens[i].text[:1].isupper():
            return False
        if self.tokens[i].text.isupper() and self.place_at(i) is None and city_abroad(self.tokens[i].text) is None \
                and key(self.tokens[i].text) not in countries():
            return False  # "né le 18 janv 1964, HTA, …": in capitals, an abbreviation unless a known place
        if i > 0 and self.tokens[i - 1].is_boundary:
            end = self.place_at(i) or i
            if end + 1 < len(self.tokens) and self.tokens[end + 1].text == BIRTH_DATE:
                return self.resides_after(i)
        if i < 3 or [t.text for t in self.tokens[i - 2:i]] != [BIRTH_DATE, ","]:
            return False
        k = i - 3
        while k >= 0 and self.tokens[k].folded in _BETWEEN_BIRTH_AND_PLACE:
            k -= 1
        return k >= 0 and self.tokens[k].folded in BIRTH_WORDS - _DATE_LABELS and self.resides_after(i)

    def resides_after(self, i: int) -> bool:
        """The residence is said with its own word after token i."""
        return any(t.folded in RESIDENCE_WORDS for t in self.tokens[i + 1:])

    def whose_name_at(self, j: int) -> int | None:
        """Past "de l'enfant :", "du patient :", "de la patiente :" said at j after a name's label: the token after
        the colon, where the name is; None when no such phrase is."""
        k = j + (j < len(self.tokens) and self.tokens[j].folded in ("de", "du"))
        k += k < len(self.tokens) and self.tokens[k].folded in ("la", "le")
        if k == j or k >= len(self.tokens) or self.person_noun_at(k) is None and self.tokens[k].folded not in _PATIENT_LABELS:
            return None
        after = k + (self.person_noun_at(k) or (1,))[0]
        return self.skip_colons(after) if after < len(self.tokens) and self.tokens[after].text == ":" else None

    def before_hyphen_remark(self, k: int) -> int:
        """The name word before "avec un tiret" ending at token k; k when no such remark ends there."""
        for j in range(max(0, k - 5), k):
            remark = HYPHEN_REMARK.match(self.text, self.tokens[j].end)
            if remark is not None and remark.end() == self.tokens[k].end:
                return j
        return k

    def named_by_its_remark(self, i: int) -> str | None:
        """"prenom" or "nom" when the name word at i is followed by what it is ("Marie-Claire prénom composé")."""
        remark = HYPHEN_REMARK.match(self.text, self.tokens[i].end) if _is_name_word(self.tokens[i]) else None
        said = re.match(r"[\s,]+(pr[ée]nom|nom) ", remark.group(0), re.IGNORECASE) if remark else None
        return None if said is None else "nom" if said.group(1).lower() == "nom" else "prenom"

    def past_hyphen_remark(self, i: int) -> int | None:
        """The token after "avec un tiret (entre les deux)" said at i, right after a name, when a name word follows."""
        remark = HYPHEN_REMARK.match(self.text, self.tokens[i - 1].end) if i > 0 else None
        if remark is None:
            return None
        after = next((k for k in range(i, len(self.tokens)) if self.tokens[k].start >= remark.end()), len(self.tokens))
        after += 3 * (self.phrase_at(after, (("entre", "les", "deux"),)) == 3)
        word = self.after_particles(after) if after < len(self.tokens) else after  # "… avec un tiret le goff"
        return after if word < len(self.tokens) and _is_name_word(self.tokens[word]) and not self.taken[after] \
            and not self.cue_at(after) else None

    def name_units(self, i: int, limit: int) -> list[tuple[int, int]]:
        """Runs of name words from i: each unit is one name (particles glued: "de La Fontaine", "da costa")."""
        units: list[tuple[int, int]] = []
        # a name may still be spelled after them: "olivier mercier m e r c i e r", "técher didier t e c h e r"
        while i < len(self.tokens) and (len(units) < limit or any(self.spelled_again(u, self.tokens[i]) for u in units)
                                        or self.joined_again_at(units, i) is not None):
            token = self.tokens[i]
            if re.sub(r"^[dl]'", "", token.folded) in _WORKPLACES:
                break  # "une résidente d'EHPAD": where she lives, "c'est le SAMU de …": who calls, no name
            if units and self.tokens[units[-1][0]].text[:1].isupper() and self.verb_in_small_letters(i) \
                    and (i + 1 == len(self.tokens) or self.tokens[i + 1].folded in FUNCTION_WORDS
                         or self.tokens[i + 1].text.islower() or self.tokens[i + 1].is_boundary):
                break  # "Szymon commence à avoir …", "Linh Nguyen commence pareil": a capitalized name, then its verb
            if (cue := self.cue_at(i)) and cue[1] >= 2:
                break  # "M. Le Gall de passage à Annecy": a phrase introducing another field, no particle
            if units and re.match(r"[lL]['’][a-zà-ÿ]", token.text) and opens_with_a_verb_on_someone(
                    self.text[token.start:]):
                break  # "M. Paulo Ferreira l'accompagnera": a pronoun and its verb, no name "L'accompagnera"
            particles_end = self.after_particles(i)
            if particles_end > i:
                if particles_end >= len(self.tokens) or not _is_name_word(self.tokens[particles_end]) \
                        or self.taken[particles_end] or self.body_part_as_it_is(i) \
                        or re.sub(r"^[dl]'", "", self.tokens[particles_end].folded) in _WORKPLACES:
                    break  # "dos Santos", not "dos bloqué"; "une résidente de l'EHPAD": where she lives
                units = self.without_said_again(units, (i, particles_end))  # "Le Floch Marguerite Le Floch"
                i = particles_end + 1
            elif (joined := self.joined_again_at(units, i)) is not None:
                del units[-joined[1]:]  # "Mohamed Amine euh Mohamed tiret Amine": the names again, one compound
                units.append((joined[0], joined[0]))
                i = joined[0] + 1
            elif units and token.folded in _RESTARTS and self.said_again_at(units[-1], i) is not None:
                i = self.said_again_at(units.pop(), i)  # "Jacques attendez Jacques-Henri": said again, whole
            elif units and token.text == "," and i + 1 < len(self.tokens) and _is_capitals(self.tokens[i + 1:i + 2]) \
                    and self.spelled_again(units[-1], self.tokens[i + 1]):
                units[-1] = (units[-1][0], i + 1)  # "Barret, B A deux R E T": the name, then its spelling
                i += 2
            elif units and (spelling := self.spelling_announced(i, units[-1])) is not None:
                i = spelling + 1  # "ben salah attendez je vous épelle B E N …"
            elif units and (remark := self.past_hyphen_remark(i)) is not None:
                i = remark  # "jeanne marie avec un tiret kerbrat K E R B R A T": how the name is written, then the next
            elif units and token.folded in ("attendez", "attends") and i + 1 < len(self.tokens) \
                    and _is_name_word(self.tokens[i + 1]) and not self.taken[i + 1] and not self.cue_at(i + 1):
                i += 1  # "Marie attendez Faivre": a hesitation between two names
            elif units and (token.folded in ("non", "pardon") and self.taken_back_at(i) is not None
                            or token.text in (",", "-", "–", "—", "(") and i + 1 < len(self.tokens)
                            and self.tokens[i + 1].folded in ("non", "pardon") and self.taken_back_at(i + 1) is not None
                            and (token.text == "(" or self.place_at(self.taken_back_at(i + 1)) is None)):
                # "Josiane euh non Josette": the name said again replaces the one taken back; "marie josé non
                # pardon marie thérèse": from the word said again on; "Benhamou, non pardon Benhaddou",
                # "Lefèvre – pardon Lefebvre", not "Roux, pardon, Clermont"; in brackets right after it, the name
                # again, though a commune bears it ("Perrin (pardon Perret)")
                i = self.taken_back_at(i + (not token.is_word))
                again = [n for n, (a, _) in enumerate(units) if key(self.tokens[a].text) == key(self.tokens[i].text)]
                del units[again[-1] if again else -1:]
            elif len(units) >= 2 and self.says_units_again(units, i):
                i += len(units)  # "françois bertrand b e r t r a n d françois bertrand": said whole again
                break
            elif len(units) >= 2 and self.names_a_commune_rather(i) \
                    and not any(self.spelled_again(unit, token) for unit in units):
                break  # "Mme Claire Dupont Lyon Rhône fièvre": the names end where the commune begins (not
                # "pascal rivière R I V I È R E": a name spelled again, though Rivière is a commune)
            elif _is_name_word(token) and not self.taken[i] and not self.cue_at(i) and (
                    not self.body_part_as_it_is(i) or units and self.spelled_again(units[-1], token)) \
                    and not (units and _CLINICAL_ENDING.search(token.folded)):  # "Kevin Lachaud sciatalgie G"
                # "gilles mollet m o deux l e t né le …": the name spelled, whatever a body part followed by a state
                if units and self.spelled_again(units[-1], token):
                    units[-1] = (units[-1][0], i)  # "durand d u r a n d", "dos santos d o s s a n t o s"
                elif any(self.spelled_again(unit, token) for unit in units[:-1]) or self.spells_all(units, token) \
                        or self.spells_the_last(units, token) is not None:
                    # "roux isabelle r o u x", "Da Silva Rui D A espace S I L V A R U I": a spelling of names said
                    # is no third name, and nothing else either (not a complaint)
                    self.taken[i] = True
                elif units and key(token.text) == key(self.text_of_unit(units[-1])):
                    units[-1] = (units[-1][0], i)  # "Jean-Baptiste Marie-Line Marie-Line": said twice in a row, once
                elif (again := self.spelled_after_said_again(units, i)) is not None:
                    # "gwenaël tanguy gwenaël G W E N A E L …": each name said again to be spelled, in its place
                    self.taken[i] = self.taken[i + 1] = True
                    i = again
                else:
                    units = self.without_said_again(units, (i, i))
                i += 1
                if fold(token.text).rsplit("-", 1)[-1] in PARTICLES and "-" in token.text \
                        and i < len(self.tokens) and _is_name_word(self.tokens[i]):  # "Dufour-Da Silva"
                    units[-1] = (units[-1][0], i)
                    i += 1
            else:
                break
        return units

    def spelling_announced(self, i: int, unit: tuple[int, int]) -> int | None:
        """The token spelling the name of `unit` after the words at i that announce it ("attendez je vous
        épelle", "ça s'écrit"), if one does."""
        k = i
        while k < len(self.tokens) and k - i < 5 and self.tokens[k].folded in _ANNOUNCING | _SPELLING:
            k += 1
        announced = any(t.folded in _SPELLING for t in self.tokens[i:k])
        return k if announced and k < len(self.tokens) and self.spelled_again(unit, self.tokens[k]) else None

    def names_a_commune_rather(self, i: int) -> bool:
        """Token i starts a commune written as one that is no first name ("Lyon", "Saint-Malo"), not "Nancy" or
        "Florence": after a first name and a name, a third name is rarer than the commune."""
        end = self.place_at(i)
        words = self.tokens[i:(end if end is not None else i) + 1]
        return end is not None and self.tokens[i].text[:1].isupper() and (
            end > i or _first_name_score(words, None) <= 1)

    def said_again_at(self, unit: tuple[int, int], i: int) -> int | None:
        """The name word after a hesitation at i ("attendez", "enfin") that says the name of `unit` again, whole."""
        k = i + 1
        while k < len(self.tokens) and (self.tokens[k].folded in _RESTARTS or self.tokens[k].text == ","):
            k += 1
        said = key(" ".join(t.text for t in self.tokens[unit[0]:unit[1] + 1]))
        if k < len(self.tokens) and _is_name_word(self.tokens[k]) and not self.taken[k] \
                and key(self.tokens[k].text).startswith(said + " "):
            return k
        return None

    def joined_again_at(self, units: list[tuple[int, int]], i: int) -> tuple[int, int] | None:
        """(k, n) when, past the hesitations from i, token k says the last n names of `units` again as one compound
        ("Mohamed Amine euh Mohamed-Amine": the hyphen told); None otherwise."""
        k = i
        while k < len(self.tokens) and self.tokens[k].folded in _HESITATIONS:
            k += 1
        if k >= len(self.tokens) or "-" not in self.tokens[k].text or self.taken[k] or not _is_name_word(self.tokens[k]):
            return None
        said = key(self.tokens[k].text)
        return next(((k, n) for n in range(2, len(units) + 1)
                     if key(self.text_of_unit((units[-n][0], units[-1][1]))) == said), None)

    def without_said_again(self, units: list[tuple[int, int]], unit: tuple[int, int]) -> list[tuple[int, int]]:
        """`units` then `unit`: a name said first, then again after the first name ("camara mamadou camara"), is
        said once, in its second place; said again after a surname, in its first."""
        said = key(self.text_of_unit(unit))
        again = [u for u in units[:-1] if key(self.text_of_unit(u)) == said]
        last = self.tokens[units[-1][0]:units[-1][1] + 1] if units else []
        if again and _surname_score(last) > _first_name_score(last, None):
            return units  # "Inès Da Silva Moreau Da Silva en deux mots": a surname's part said again to tell it
        return [u for u in units[:-1] if u not in again] + units[-1:] + [unit]

    def spelled_after_said_again(self, units: list[tuple[int, int]], i: int) -> int | None:
        """The token after the spelling when token i says an earlier name of `units` again and the next one spells
        it; None otherwise."""
        said = key(self.tokens[i].text)
        earlier = next((u for u in units[:-1] if key(self.text_of_unit(u)) == said), None)
        if earlier is None or i + 1 >= len(self.tokens) or not _is_capitals([self.tokens[i + 1]]) \
                or not self.spelled_again(earlier, self.tokens[i + 1]):
            return None
        return i + 1

    def one_said_again(self, units: list[tuple[int, int]], i: int) -> bool:
        """After the hesitations from i, one of these names is said again, to be told apart or spelled ("alors Marc
        tiret Antoine et Lefort")."""
        while i < len(self.tokens) and self.tokens[i].folded in _HESITATIONS:
            i += 1
        return i < len(self.tokens) and any(key(self.tokens[i].text) == key(self.text_of_unit(u)) for u in units)

    def says_units_again(self, units: list[tuple[int, int]], i: int) -> bool:
        """The tokens from i say these names again, a word each, in the same order (a name spelled is one word)."""
        said = [key(self.tokens[b].text) for _, b in units]
        return [key(t.text) for t in self.tokens[i:i + len(units)]] == said

    def taken_back_at(self, i: int) -> int | None:
        """The name word after "non", "non pardon", "non plutôt" at i, when a name is said again there."""
        k = i + 1  # "monsieur payet non pardon monsieur grondin", "… pardon madame …": the civility said again too
        while k < len(self.tokens) and (self.tokens[k].folded in ("pardon", "plutot", "c'est", ",")
                                        or self.tokens[k].folded in CIVILITES
                                        and (k > i + 1 or self.tokens[i].folded == "pardon")):
            k += 1
        return k if k < len(self.tokens) and _is_name_word(self.tokens[k]) and not self.taken[k] else None

    def spelled(self, unit: tuple[int, int]) -> bool:
        """The name of `unit` ends with its spelling ("mercier M E R C I E R", joined by the normalization)."""
        return unit[1] > unit[0] and self.spelled_again((unit[0], unit[1] - 1), self.tokens[unit[1]])

    def spelled_again(self, unit: tuple[int, int], token: Token) -> bool:
        """`token` is the name of `unit` said again, spelled: its last word or all its words run together, or the
        last part of a compound ("marie-sainte S A I N T E": the part that could be written otherwise)."""
        spelled = key(token.text).replace(" ", "")
        words = [key(t.text).replace(" ", "") for t in self.tokens[unit[0]:unit[1] + 1]]
        if _said_as_a_name(token.text) and token.text == self.tokens[unit[1]].text:
            return False  # "Marie-Line Marie-Line": said twice, not spelled
        parts = key(self.tokens[unit[1]].text).split()
        right_after = unit[1] + 1 < len(self.tokens) and self.tokens[unit[1] + 1] is token
        # or after the one name said next ("rousseau odette R O deux S E A U")
        near = right_after or unit[1] + 2 < len(self.tokens) and self.tokens[unit[1] + 2] is token \
            and _is_name_word(self.tokens[unit[1] + 1])
        slipped = near and _is_capitals([token]) and one_letter_apart(spelled, words[-1])
        return spelled in (words[-1], "".join(words)) or len(parts) > 1 and _is_capitals([token]) and spelled == parts[-1] \
            or slipped  # "rousseau R O deux S E A U": right after it, a letter slipped

    def spells_each_after(self, units: list[tuple[int, int]]) -> int | None:
        """The last token of the spellings when each name of `units` is spelled after them in turn, said again or
        not ("ferreira gomes F E deux R E I R A et gomes G O M E S"); None otherwise."""
        k = units[-1][1] + 1
        for unit in units:
            while k < len(self.tokens) and (self.tokens[k].folded in ("et", "puis", ",") or not _is_capitals(
                    [self.tokens[k]]) and key(self.tokens[k].text) == key(self.text_of_unit(unit))):
                k += 1  # "et gomes": the name said again before its spelling
            if k >= len(self.tokens) or not _is_capitals([self.tokens[k]]) or not self.spelled_again(unit, self.tokens[k]):
                return None
            k += 1
        return k - 1

    def spells_all(self, units: list[tuple[int, int]], token: Token) -> bool:
        """`token` spells every name of `units` in a row, as the names were said."""
        said = "".join(key(self.text_of_unit(unit)).replace(" ", "") for unit in units)
        return len(units) >= 2 and key(token.text).replace(" ", "") == said

    def spells_the_last(self, units: list[tuple[int, int]], token: Token) -> int | None:
        """k when `token` spells the names of `units` from the k-th on (two at least, one before them): "lucas
        ferreira da silva F E deux R E I R A espace D A …"."""
        return next((k for k in range(1, len(units) - 1) if self.spells_all(units[k:], token)), None)

    def value_until_stop(self, i: int, allow_numbers: bool) -> int | None:
        """Last token of a free-text value starting at i, or None if nothing is there."""
        last = None
        k = i
        while k < len(self.tokens) and not self.taken[k]:
            token = self.tokens[k]
            if token.text == "." and k > i and self.tokens[k - 1].folded in STREET_TYPES:
                k += 1  # "15 av. des Platanes": the street type cut short, not the end of the value
                continue
            if token.is_boundary or (k > i and token.folded in STOPS and token.folded not in _INSIDE_VALUES):
                break
            if token.is_number and not allow_numbers:
                break
            if k > i and token.folded in _DEFINITE and k + 1 < len(self.tokens) \
                    and (self.tokens[k + 1].folded in RELATIVES or self.tokens[k + 1].folded in _FAMILY):
                break  # "… douze rue des écoles le papa c'est …": someone else's sentence
            if token.is_number and k + 1 < len(self.tokens) and self.tokens[k + 1].folded == "ans":
                break
            if token.folded in ("a", "au", "sur") and self.place_at(k + 1) is not None and k > i:
                break
            last = k
            k += 1
        while last is not None and last >= i and self.tokens[last].folded in FUNCTION_WORDS - {"ans"}:
            last -= 1
        return last if last is not None and last >= i else None

    def place_at(self, i: int) -> int | None:
        """Last token of a commune ("Lyon 3e", "le mans", "Décines-Charpieu") or postal code starting at i, with
        the codes written beside it ("69003 Lyon", "Marseille 13013", "Villeurbanne (69)")."""
        end = self.commune_at(i)
        if end is None:
            return self.unlisted_with_its_departement(i)
        k = end + 1
        if self.tokens[i].is_number and k < len(self.tokens) and not self.tokens[k].is_number:
            return self.commune_at(k) or end  # "69003 Lyon"
        if k < len(self.tokens) and re.fullmatch(r"\d{5}", self.tokens[k].text) and not self.taken[k]:
            return k  # "Marseille 13013"
        if k + 2 < len(self.tokens) and self.tokens[k].text == "(" and self.tokens[k + 2].text == ")" \
                and re.fullmatch(r"\d{2,3}|\d{5}|2[ab]", self.tokens[k + 1].folded):
            return k + 2  # "Saint-Denis (93)": the département tells which
        if k < len(self.tokens) and _DEPARTEMENT_NUMBER.fullmatch(self.tokens[k].folded) and not self.taken[k] \
                and (k + 1 == len(self.tokens) or self.tokens[k + 1].is_boundary or self.tokens[k + 1].is_word
                     and self.tokens[k + 1].folded not in ("ans", "an", "a", "mois")) \
                and self.tokens[k].folded in departements_of(" ".join(t.text for t in self.tokens[i:end + 1])):
            return k  # "Saint-Denis 93, …", "bobigny 93 migraine": the commune's département, to tell which or confirm
        return end

    def unlisted_with_its_departement(self, i: int) -> int | None:
        """Last token of a place the table does not list, capitalized, with its département in brackets ("Carhaix
        (29)", "Saint-Jean-de-Luz (64)"): the bracket says a place as surely as the table would."""
        k = i
        while k < len(self.tokens) and k - i < 4 and _is_name_word(self.tokens[k]) and self.tokens[k].text[0].isupper():
            k += 1
        return k + 2 if i < k and k + 2 < len(self.tokens) and self.tokens[k].text == "(" \
            and self.tokens[k + 2].text == ")" and _DEPARTEMENT_NUMBER.fullmatch(self.tokens[k + 1].folded) else None

    def commune_at(self, i: int) -> int | None:
        """Last token of a commune or postal code starting at i."""
        if i >= len(self.tokens) or self.taken[i]:
            return None
        token = self.tokens[i]
        if token.is_number:
            return i if token.text in postal_codes() else None
        if token.folded in _POSSESSIVES | _THEIR | _DENYING:
            # "tire sur son oreille", "Son père vit seul": Son is a commune of the Ardennes, "son" a possessive; "aucun
            # symptôme": Aucun (Hautes-Pyrénées) was searched
            return None
        if i > 0 and self.tokens[i - 1].folded == "par":
            return None  # "sondé par SOS ce matin": who did it (Sos is a commune of the Lot-et-Garonne)
        # after "au", "aux" only a commune named with its article ("au Tampon"): "au talon" is no Talon (Nièvre)
        contracted = i > 0 and self.tokens[i - 1].folded in _CONTRACTIONS
        communes = communes_after_contraction() if contracted else commune_names()
        before = self.tokens[i - 1] if i > 0 else None
        opens = before is not None and before.is_boundary and before.text != "("
        # "à Brive", ", Tassin," (not the name "Sophie Tremblay"); in small letters, where case tells nothing, also
        # right after another field ("06 … thonon, épaule bloquée")
        if before is not None and (before.folded in {"a", "sur"} | RESIDENCE_WORDS or token.text[:1].isupper() and opens
                                   or not self.typed and (opens or self.taken[i - 1])):
            communes = communes | short_commune_names()
        found = None
        for size in range(1, 6):
            words = self.tokens[i:i + size]
            if len(words) < size or not all(w.is_word for w in words):
                break
            written = " ".join(w.text for w in words)
            if _unabbreviated(key(written)) in communes and accents_agree(written):
                found = i + size - 1
        if found is None:
            return None
        after = found + 1
        city = key(" ".join(t.text for t in self.tokens[i:after])) in CITIES_WITH_ARRONDISSEMENTS
        if after < len(self.tokens) and (_ORDINAL_IN_FIGURES.fullmatch(self.tokens[after].folded)
                                         or self.tokens[after].folded in PLACE_SUFFIXES
                                         or _ROMAN_ORDINAL.fullmatch(self.tokens[after].text)
                                         or city and self.tokens[after].folded in ORDINALS):
            # "Lyon 3e arrondissement", "Paris XVe", "Paris quinzième"
            return after + (after + 1 < len(self.tokens) and self.tokens[after + 1].folded in _ARRONDISSEMENT)
        if after + 1 < len(self.tokens) and self.tokens[after].folded == "rive" and self.tokens[after + 1].folded in _BANKS:
            return after + 1  # "Rouen rive gauche": the side of the river the patient is on
        if city and after + 2 < len(self.tokens) and [t.folded for t in self.tokens[after:after + 2]] == ["dans", "le"] \
                and _is_an_ordinal(self.tokens[after + 2]):
            return after + 2  # "marseille dans le 13ème": the arrondissement said after the city
        if after < len(self.tokens) and re.fullmatch(r"\d{1,2}", self.tokens[after].text) and city \
                and not (after + 1 < len(self.tokens) and self.tokens[after + 1].folded in ("ans", "mois")):
            return after  # "Paris 18", "Lyon 8": an arrondissement said without its ordinal
        return found

    def segment_end(self, i: int) -> int:
        """Last token of the comma-separated segment (or up to a read field) holding token i; the slash of a
        measure ("TA 17/9") separates nothing."""
        while i + 1 < len(self.tokens) and (not self.tokens[i + 1].is_boundary or self.in_a_measure(i + 1)) \
                and not self.taken[i + 1] \
                and self.tokens[i + 1].folded not in _PLEASE:
            i += 1
        return i

    def symptom_end(self, i: int) -> int | None:
        """Last token of the symptom starting at i, if one does."""
        if i >= len(self.tokens):
            return None
        if self.hurt_oneself_at(i) or self.body_part_as_it_is(i):
            return i
        if self.tokens[i].folded in _BODY_STATES - {"qui"} and i + 2 < len(self.tokens) \
                and self.tokens[i + 1].folded in ("du", "de", "des") \
                and re.sub(r"^[ld]'", "", self.tokens[i + 2 + (self.tokens[i + 2].folded == "la")].folded) in _BODY_PARTS:
            return i + 2 + (self.tokens[i + 2].folded == "la")  # "bloqué du dos": how, then which part
        for size in range(min(LONGEST_SYMPTOM, len(self.tokens) - i), 0, -1):
            said = tuple(t.folded for t in self.tokens[i:i + size])
            # "pour l'angine": the elided article stays on the word
            for words in {said, (said[0].removeprefix("l'"), *said[1:])}:
                if words in SYMPTOMS or tuple(w.removesuffix("s") for w in words) in SYMPTOMS:
                    return i + size - 1  # "migraines" as "migraine", "crises d'urticaire" as "crise d'urticaire"
        if _CLINICAL_ENDING.search(self.tokens[i].folded):
            return i  # "métrorragies", "arthralgies", "otorrhée": a clinical word, whichever
        if len(self.tokens[i].folded) >= _LONG_SYMPTOM_WORDS and not self.tokens[i].text.istitle() \
                and not _one_letter_off(self.tokens[i].folded).isdisjoint(_SYMPTOMS_ONE_LETTER_OFF):
            return i  # "essouflement depuis 2j": typed one letter off
        if self.tokens[i].folded == "ne" or self.tokens[i].folded.startswith("n'"):
            done = self.no_longer_done(i)
            if done is not None and done + 1 < len(self.tokens) and (
                    self.tokens[done + 1].folded == "depuis" or self.ago_at(done + 1)):
                return done  # "il ne dort plus depuis dix jours": what the patient no longer does since, a complaint
        if self.tokens[i].folded not in _ACHES | _BOUTS or i + 1 >= len(self.tokens):
            return None  # "mal de gorge", "maux de tête", "crise d'urticaire"
        if self.tokens[i + 1].folded.startswith("d'") or self.tokens[i + 1].folded == "partout":
            return i + 1
        if self.tokens[i + 1].folded in _WHERE_IN_THE_BODY:  # "mal dans le dos", "mal sous le pied"
            part = self.after_determiners(i + 2)
            if part + 1 < len(self.tokens) and self.tokens[part].folded in _SIDES_OF_A_PART:
                part = self.after_determiners(part + 1)  # "mal dans le bas du dos"
            if part < len(self.tokens) and re.sub(r"^[ld]'", "", self.tokens[part].folded) in _BODY_PARTS:
                return part
        if self.tokens[i].folded in _ACHES and self.tokens[i + 1].folded in _BODY_PARTS:
            return i + 1  # "mal gorge+fièvre", "mal ventre": texted without its article
        k = i + 1
        while k < len(self.tokens) and k - i <= 2 and self.tokens[k].folded in _ACHE_LINKS:
            k += 1
        return k if i + 1 < k < len(self.tokens) and self.tokens[k].is_word else None

    def denied_at(self, i: int) -> bool:
        """The complaint at i is said absent: "pas de perte de connaissance", "sans fièvre", "ni toux", "il est pas
        essoufflé" (not "pas mal de toux": a quantity)."""
        before = [t.folded for t in self.tokens[max(0, i - 2):i]]
        quantity = self.tokens[i].folded == "mal" and i + 1 < len(self.tokens) and self.tokens[i + 1].folded in ("de", "d'")
        return before[-1:] in (["sans"], ["ni"], ["aucun"], ["aucune"]) or before == ["pas", "de"] \
            or before[-1:] == ["pas"] and not quantity

    def body_part_as_it_is(self, i: int) -> bool:
        """A part of the body at i, then how it is, past its side: "œil rouge", "genou droit gonflé", "pied qui
        enfle" (the complaint runs on from there)."""
        if not self.body_part_at(i):
            return False
        k = i + 1 + (i + 1 < len(self.tokens) and self.tokens[i + 1].folded in _SIDES)
        if k + 1 < len(self.tokens) and self.tokens[k].folded == "et" and self.body_part_at(k + 1):
            k += 2 + (k + 2 < len(self.tokens) and self.tokens[k + 2].folded in _SIDES)  # "genoux et poignets gonflés"
        if k + 2 < len(self.tokens) and self.tokens[k + 1].folded == "et" and self.state_at(k + 2) \
                and self.tokens[k].is_word and self.tokens[k].folded not in FUNCTION_WORDS:
            return True  # "jambes lourdes et gonflées": a word of how it is, then one the reader knows
        return k < len(self.tokens) and (self.tokens[k].folded == "qui" or self.state_at(k) or self.past_participle(k))

    def owns_a_thing_at(self, cue: tuple[str, ...], j: int) -> bool:
        """ "elle a sa carte vitale", "il a son traitement": what the patient has with a possessive, no part of the body
        nor anything said painful ("il a son genou qui gonfle", "elle a ses règles douloureuses"), is no complaint."""
        return cue in (("il", "a"), ("elle", "a")) and j + 1 < len(self.tokens) and self.tokens[j].folded in _POSSESSIVES \
            and not self.body_part_at(j + 1) and self.symptom_end(j + 1) is None and not self.state_at(j + 2)

    def body_part_at(self, i: int) -> bool:
        part = re.sub(r"^[ld]'", "", self.tokens[i].folded)
        return part in _BODY_PARTS or part.removesuffix("s") in _BODY_PARTS  # "les jambes qui enflent"

    def part_before(self, k: int) -> int:
        """Where the part of the body would be, said before the state at k: past its side ("œil droit rouge")."""
        return k - 1 - (k >= 2 and self.tokens[k - 1].folded in _SIDES)

    def state_at(self, k: int) -> bool:
        """How a part of the body is, said at k past how much ("très rouge", "gonflé")."""
        while k < len(self.tokens) and self.tokens[k].folded in _DEGREES:
            k += 1
        # plurals as their singular: "pieds froids et bleus"
        return k < len(self.tokens) and not {self.tokens[k].folded, self.tokens[k].folded.removesuffix("s")}.isdisjoint(
            _BODY_STATES - {"qui"})

    def hurt_oneself_at(self, i: int) -> bool:
        """A reflexive verb in the past with its object at i: what the patient did to a part of the body ("il s'est
        tordu la cheville", "elle s'est coupé l'index"), whatever the verb."""
        if not (0 < i < len(self.tokens) - 1 and self.tokens[i - 1].folded in ("s'est", "s’est") and self.tokens[i].is_word):
            return False
        after = i + 1
        if self.tokens[i].folded == "fait":  # "il s'est fait mordre par un chien": what was done to the patient
            # by someone or something ("par une guêpe"), not what the patient had done ("fait opérer l'an dernier")
            return self.tokens[after].folded.endswith(("er", "re", "ir")) and after + 1 < len(self.tokens) \
                and self.tokens[after + 1].folded == "par"
        following = self.tokens[after].folded
        # the part hurt ("la cheville", "à la main", "au genou") or what hurt it ("avec un couteau", "par un chien")
        return following in ("la", "le", "les", "un", "une", "avec", "par") or following.startswith(("l'", "l’")) \
            or following in ("a", "au", "aux") and self.body_part_after(after + 1)

    def body_part_after(self, k: int) -> bool:
        """A part of the body at k, past its article ("la main", "l'oeil", "genou")."""
        k += k < len(self.tokens) and self.tokens[k].folded in ("la", "le", "les")
        return k < len(self.tokens) and self.body_part_at(k)

    def no_longer_done(self, i: int) -> int | None:
        """The negation closing "ne dort plus", "ne se lève plus", "n'urine pas" at i: what the patient no longer
        does, a complaint when listed in a note; not a wish, a state or a want ("ne peut pas attendre", "n'a pas de
        fièvre"). Said alone ("il faudrait qu'il se déplace, elle ne marche plus") it tells why, it is no complaint."""
        if i > 0 and self.tokens[i - 1].folded in ("je", "on", "nous", "vous"):
            return None  # "je ne sais pas trop": the one who speaks, not the patient
        first = i + (self.tokens[i].folded == "ne")
        for k in range(first + 1, min(first + 3, len(self.tokens))):
            if self.tokens[k].folded in _NEGATION_ENDS:
                verb = self.tokens[k - 1].folded.removeprefix("n'")
                # "elle n'arrive pas à joindre sa sage-femme": someone she cannot reach, not what she cannot do
                reaching = verb in ("arrive", "parvient") and k + 2 < len(self.tokens) \
                    and self.tokens[k + 1].folded == "a" and self.tokens[k + 2].folded in _REACHING
                return None if verb in _NOT_DOINGS or reaching else k
            if not self.tokens[k].is_word:
                return None
        return None

    def complaint_end(self, i: int) -> int | None:
        """Last token of the complaint starting at i ("douleur au genou droit", "éruption sur le ventre", "toux
        depuis une semaine"): it runs to the end of its segment, or to where another field or a new clause begins
        ("... la maman voudrait", "... il peut attendre", "..., à Lyon")."""
        last = None
        k = i
        linked = -99  # index of the last word that ties what follows to the complaint ("depuis", "qui", "quand")
        while k < len(self.tokens) and k - i < _LONGEST_COMPLAINT and not self.taken[k]:
            token = self.tokens[k]
            if k > i and (token.folded in _COMPLAINT_LINKS or self.onset_at(k) or self.ago_at(k)):
                linked = k
            if k > i and linked >= i and self.time_over(linked) == k - 1:
                linked = -99  # "depuis hier", "depuis ce matin" said whole: a clause word after them starts anew
                said = k
                while said + 1 < len(self.tokens) and self.tokens[said].folded in _DISCOURSE:
                    said += 1  # "… depuis hier soir bon la tension est correcte"
                if self.tokens[said].folded in _SUBJECTS and not self.says_more_of_it(said + 1):
                    break  # "… il dort plus depuis des semaines il s'enferme": the next sentence
                if self.tokens[said].folded in _DEFINITE and opens_a_clause(self.text[self.tokens[said].start:self.tokens[
                        min(said + 5, len(self.tokens) - 1)].end]):
                    break  # "... depuis un mois la kiné n'a rien donné": someone or something else's sentence
                if token.folded in _WHO_ASKS:
                    break  # "... depuis cette nuit médecin à domicile": the request, dictated without a verb
                if self.place_at(said) is not None and (not is_common_word(self.tokens[said].text)
                                                        or key(self.tokens[said].text) in city_names()):
                    break  # "… mal a la gorge depuis 2j bordeaux cauderan": where, after since when
            if token.folded == "mais" and k + 1 < len(self.tokens) and (self.tokens[k + 1].folded == "qui"
                                                                        or self.symptom_end(k + 1) is not None):
                # "coupure pas profonde mais qui saigne encore", "pas de fracture mais douleur hanche droite": the
                # complaint described on
                linked = k + 1
            elif token.is_boundary and token.text != "+" and not self.in_a_measure(k) \
                    or k > i and self.ends_complaint(k, k - linked <= 2):
                break
            if token.is_number and k + 1 < len(self.tokens) and self.tokens[k + 1].folded in ("ans", "an"):
                break
            if k > i and (token.folded in _PATIENT_LABELS or self.person_noun_at(k)) \
                    and self.starts_name(self.skip_age(k + 1)):
                break  # "varicelle probable pt Emma Lopez 6a", "fievre enft 6a Naia …": the label opens the names
            if k > i and token.text == ":" and self.starts_name(k + 1) and self.described_after_names(k + 1):
                break  # "sa petite sœur qui tousse : Inès Benali, née le …": who has it, named after the colon
            if k > i and token.folded == "chez" and self.starts_name(k + 1) and self.described_after_names(k + 1):
                break  # "otalgie droite chez Chloé Da Silva 4 ans": whom it affects, named, then aged
            if k > i and self.tokens[k - 1].is_word and _is_name_word(token) and _first_name_score([token], None) > 0 \
                    and self.symptom_end(k) is None and len(self.name_units(k, 3)) >= 2 and self.born_after_names(k):
                break  # "la même chose depuis hier soir théo morel né le …": someone named, then born
            if k > i and _is_name_word(token) and k + 1 < len(self.tokens) and _is_capitals([self.tokens[k + 1]]) \
                    and self.spelled_again((k, k), self.tokens[k + 1]):
                break  # "… de la fièvre depuis hier Anrif A N R I F Soilihi": a name, spelled
            last = k
            k += 1
        while last is not None and last > i and self.dangles(i, last):
            last -= 1
        if last is not None and all(t.folded in _INTENSITY for t in self.tokens[i:last + 1]):
            return None  # "pour un petit de 4 ans Noah …": a qualifier, nothing it qualifies (a child said so)
        if last is not None and self.listed_next(last + 1):
            return self.complaint_end(last + 2)  # "toux sèche, fièvre, courbatures": one complaint, listed
        return last

    def names_someone_at(self, k: int) -> bool:
        """A sentence naming someone starts at k: its subject ("il", "la petite", "sa grande sœur"), then a verb that
        names ("s'appelle", "se prénomme")."""
        verb = next((j for j in range(k + 1, min(k + 4, len(self.tokens)))
                     if self.tokens[j].folded in _NAMED_BY or self.tokens[j].folded == "se" and j + 1 < len(self.tokens)
                     and self.tokens[j + 1].folded in _NAMED_BY), None)
        if verb is None:
            return False
        return self.tokens[k].folded in _SUBJECTS and verb == k + 1 or self.tokens[k].folded in _THE_OR_MY \
            and all(t.is_word and not t.text[:1].isupper() for t in self.tokens[k + 1:verb])

    def time_over(self, link: int) -> int | None:
        """Last token of a time said whole after "depuis" at `link` ("hier soir", "ce matin", "3 jours", "lundi"), or of
        "ce matin" at `link`; None for other links ("qui", "quand" open a clause)."""
        k = link + (self.tokens[link].folded == "depuis") + 3 * self.ago_at(link)
        if k >= len(self.tokens):
            return None
        word = self.tokens[k].folded
        if self.onset_at(k):
            return k + 1
        if word in ("hier", "avant-hier") or word in WEEKDAYS:
            return k + (k + 1 < len(self.tokens) and self.tokens[k + 1].folded in _TIMES_OF_DAY)
        if self.tokens[k].is_number or word in ("un", "une", "deux", "quelques", "des", "plusieurs"):
            return k + (k + 1 < len(self.tokens) and self.tokens[k + 1].is_word)  # "3 jours", "des semaines"
        return None

    def ago_at(self, k: int) -> bool:
        """ "il y a 10 j", "il y a une heure" at k: how long ago the complaint began, as "depuis" says it."""
        words = [t.folded for t in self.tokens[k:k + 4]]
        return words[:3] == ["il", "y", "a"] and len(words) == 4 \
            and (words[3][:1].isdigit() or words[3] in ("un", "une", "deux", "quelques"))

    def onset_at(self, k: int) -> bool:
        """"ce matin", "cette nuit" at k: when the complaint began, left to it by the wanted times."""
        return self.tokens[k].folded in ("ce", "cet", "cette") and k + 1 < len(self.tokens) \
            and self.tokens[k + 1].folded in _TIMES_OF_DAY

    def in_a_measure(self, k: int) -> bool:
        """The slash of a measure between two numbers ("HTA 19/11", "TA 16/9") or the unit of a number ("sat à
        90%"), not a separator."""
        if self.tokens[k].text == "%":
            return k > 0 and self.tokens[k - 1].is_number
        if self.tokens[k].text != "/" or not 0 < k < len(self.tokens) - 1:
            return False
        if k > 1 and self.tokens[k - 2].is_number and self.tokens[k - 1].folded in _UNITS \
                and self.tokens[k + 1].folded in _UNITS:
            return True  # "glycémie à 3 g/l", "120 mg/dl"
        return self.tokens[k - 1].is_number and (self.tokens[k + 1].is_number or self.tokens[k + 1].folded in _PER)

    def dangles(self, first: int, last: int) -> bool:
        """The complaint first..last cannot end with token `last` ("... depuis ce matin son"), unless it closes
        a negation ("plaie qui ne cicatrise pas")."""
        token = self.tokens[last]
        words = self.tokens[first:last]
        # spoken French drops the "ne": "plaie qui cicatrise pas" closes a negation after a verb in a relative clause
        # as after a subject: "fièvre et il mange plus"
        negated = any(t.folded == "ne" or t.folded.startswith("n'") for t in words) or any(
            t.folded in _COMPLAINT_LINKS | _SUBJECTS for t in words) and self.tokens[last - 1].folded not in _NO_VERB
        if token.folded in _NEGATION_ENDS and negated:
            return False
        return token.folded in _LOOSE_ENDS

    def listed_next(self, comma: int) -> bool:
        """A comma at `comma` lists another complaint after the one before it ("fièvre 40, vomit")."""
        return comma + 1 < len(self.tokens) and self.tokens[comma].text == "," and not self.taken[comma + 1] \
            and (self.symptom_end(comma + 1) is not None or self.done_little_at(comma + 1)
                 or self.negative_finding_at(comma + 1)
                 # its subject left out, as the one before: "confusion depuis hier, a du mal à marcher"
                 or self.tokens[comma + 1].folded == "a" and self.says_more_of_it(comma + 1)
                 # "gros orteil rouge, chaud et douloureux": how the part is, said on
                 or self.tokens[comma + 1].folded in _BODY_STATES - {"qui"} and self.tokens[comma - 1].folded in _BODY_STATES)

    def done_little_at(self, k: int) -> bool:
        """"boit peu", "dort mal", "boit moins bien", "marche difficilement", said alone in a list of complaints:
        what the patient hardly does."""
        if not (k + 1 < len(self.tokens) and self.tokens[k].is_word and self.tokens[k].text.islower()
                and self.tokens[k].folded not in FUNCTION_WORDS and self.cue_at(k) is None
                and self.tokens[k + 1].folded in _LITTLE_OR_BADLY):
            return False
        end = k + 2 + (k + 2 < len(self.tokens) and self.tokens[k + 1].folded == "moins"
                       and self.tokens[k + 2].folded == "bien")
        return end == len(self.tokens) or self.tokens[end].is_boundary

    def negative_finding_at(self, k: int) -> bool:
        """"pas de déficit", "pas de fièvre", "pas d'idées suicidaires" at k, listed with the complaint: what the
        patient does not have, part of the clinical picture; not a carer or a request missing ("pas de dentiste de
        garde", "pas de rdv avant lundi")."""
        if self.tokens[k].folded != "pas" or k + 1 >= len(self.tokens):
            return False
        after = self.tokens[k + 1].folded
        at = k + 1 + (after in ("de", "d"))  # the thing missing, past "de"; elided, in the same token
        if not (after in ("de", "d") or after.startswith("d'")) or at >= len(self.tokens) or self.taken[at] \
                or not self.tokens[at].is_word:
            return False  # "pas de médecin traitant": read apart
        return self.tokens[at].folded.removeprefix("d'") not in _TRADES_OF_CARE | _REQUESTS

    def listed_start(self, i: int) -> int:
        """First token of a complaint list ending with the complaint at i: the segments just before it, up to the
        previous separator, that no other field explains and that could be a complaint ("chute, douleur de hanche"),
        and how strong it is said ("très essoufflée")."""
        while i >= 1 and self.tokens[i - 1].folded in _INTENSITY and not self.taken[i - 1]:
            i -= 1
        before = tuple(t.folded for t in self.tokens[max(0, i - 3):i])
        quantity = next((q for q in _QUANTITIES if before[-len(q):] == q), ())
        if quantity and not any(self.taken[i - len(quantity):i]):
            i -= len(quantity)  # "un peu de fièvre": how much, part of the complaint
        while i >= 2 and self.tokens[i - 1].text in (",", "+") and not self.taken[i - 2] \
                and not self.tokens[i - 2].is_boundary:  # "vomissmts + diarrhée": joined as notes join them
            first = i - 2
            while first > 0 and not self.tokens[first - 1].is_boundary and not self.taken[first - 1]:
                first -= 1
            if not self.could_be_complaint(first, i - 2):
                break
            i = first
        return i

    def ends_complaint(self, k: int, linked: bool) -> bool:
        """Token k starts another field or clause. Inside a complaint, "au bras", "à la tête" name a body part:
        only "à" or "sur" before a known place start the location. Right after a link ("depuis ce matin", "qui ne
        guérit pas", "quand il marche") a clause word opens no new clause."""
        token = self.tokens[k]
        if _TAKING_BACK_HERE.match(fold(self.text[token.start:token.start + 30])):
            return True  # "de la fièvre euh non pardon des brûlures urinaires": the next one is meant
        if token.folded in _SUBJECTS | {"qui", "je", "j'", "on", "nous"} and k + 1 < len(self.tokens) \
                and self.tokens[k + 1].folded in _WISHING | _NEEDING \
                or token.folded.startswith("j'") and token.folded[2:] in _WISHING | _NEEDING:
            # "tordu le genou hier et qui voudrait voir un médecin", "qui saigne je voudrais un dermatologue": the
            # wish, not the complaint
            return True
        if token.folded in _SUBJECTS | {"ca", "je", "j'"} and self.tokens[k - 1].folded == "et" \
                and self.says_more_of_it(k + 1):
            return False  # "fièvre depuis trois jours et il tousse beaucoup", "mal à l'oreille et ça coule"
        if token.folded in _SUBJECTS | {"ca"} and not linked and self.tokens[k - 1].is_word and self.says_more_of_it(k + 1):
            # dictated, one sentence running into the next: "il a fait un malaise il est pâle", "mal au dos depuis une
            # semaine ça descend dans la jambe"
            return False
        if self.tokens[k - 1].folded == "et" and (token.folded == "ne" or token.folded.startswith("n'")) \
                and self.no_longer_done(k) is not None:
            return False  # "très fatiguée et ne mange plus depuis 3 jours"
        if self.negated_participle_at(k):
            return False  # "migraine ne cédant pas au paracétamol": a participle describing the complaint
        if token.folded in ("est", "sont") and self.state_at(k + 1):
            return False  # "son ulcère de jambe est très rouge": how the thing complained of is
        if k >= 2 and self.tokens[k - 1].folded in _SUBJECTS | {"ca", "je", "j'"} and self.says_more_of_it(k):
            return False  # its verb, the subject kept: "forte fièvre et elle est confuse", "malaise il est pâle"
        if token.is_word and k + 1 < len(self.tokens) and self.tokens[k + 1].text == ":":
            return True  # "… BRULURES MICTIONNELLES  DEMANDE: VISITE …": the next label of the note
        if token.folded in _EXAMS:
            return True  # "douleur thoracique, ECG fait normal": what was found, not what is felt
        if token.folded in _CONDITIONS and not linked and not self.body_part_at(k - 1):
            # "TOUX PRODUCTIVE DEPUIS 10 JOURS FUMEUR PNEUMO": what the patient is, not what they feel; not "plaie du
            # pied diabétique", how the part is
            return True
        if token.folded == "pas" and not linked and k + 1 < len(self.tokens) and (
                self.tokens[k + 1].folded in ("de", "d'") or self.tokens[k + 1].folded.startswith("d'")):
            return True  # "DOULEUR DENTAIRE + JOUE GONFLEE PAS DE DENTISTE DE GARDE": what is missing, said apart
        if token.folded in _REQUESTS and (k + 1 == len(self.tokens) or self.taken[k + 1]
                                          or self.tokens[k + 1].text == BOUNDARY):
            return True  # "ŒDÈME DES DEUX JAMBES CONSULT CABINET": the request, its mode read apart
        if token.is_word and self.labelled_as_a_name(k):
            return True  # "… il se tire l'oreille Marie-Sainte c'est son nom de naissance": a name, its label after it
        if token.folded in ("vu", "vue", "vus", "vues") and self.tokens[k - 1].folded not in _DETERMINERS | _POSSESSIVES \
                and k + 1 < len(self.tokens) and (self.tokens[k + 1].folded in _WHERE_OR_WHEN_SEEN
                                                  or self.tokens[k + 1].text == BOUNDARY):  # a mode, a time read
            return True  # "otite depuis hier soir vue en cabinet si possible": the request; not "baisse de la vue"
        if self.sick_note_at(k):
            return True  # "rhinopharyngite, arrêt de travail souhaité": a paper asked for
        if token.folded == "du" and k + 1 < len(self.tokens) and self.tokens[k + 1].folded == "coup":
            return True  # "… crises d'angoisse au travail du coup je suis en arrêt"
        if not linked and (token.folded in _CLAUSE_STARTS or token.folded[2:] in _WISHING | _RESIDING | _CALLING
                           and token.folded.startswith("j'")) \
                or token.folded in CIVILITES | RELATIVES \
                or token.folded in PRACTITIONER_TITLES or token.folded in RESIDENCE_WORDS | _HAD:
            return True  # "agitation ++ atcd bipolaire": what the patient has had is no part of the complaint
        if self.names_someone_at(k):
            return True  # "… elle mange moins la petite s'appelle inès benali": who is named, a new sentence
        if token.folded in _THE_OR_MY and k + 1 < len(self.tokens) and self.tokens[k + 1].folded in _WHO_ASKS:
            return True  # "... depuis une semaine le médecin traitant veut un avis": someone else speaks now
        if not linked and self.city_typed_small_ending(k):
            return True  # "cystite depuis ce matin nantes": a city typed small ends the message or its segment
        if self.tokens[k - 1].folded not in _BEFORE_PLACE and self.names_a_place(k) and not linked \
                and not (token.folded in _BODY_STATES and self.body_part_as_it_is(self.part_before(k))) \
                and not self.body_part_as_it_is(k) \
                and not (token.text.islower() and is_common_word(token.text) and self.adjective(k)):
            # "angine Dijon": a commune said bare after the complaint is where the patient is; not "l'œil droit
            # rouge", how the part of the body is, nor "+ JOUE GONFLEE" (Joué is a commune too), nor "une toux
            # grasse", how the complaint is (Grasse is a commune)
            return True
        if token.folded in _POSSESSIVES and self.tokens[k - 1].folded not in _ATTACHING \
                and not (k >= 2 and self.tokens[k - 2].folded in _AUXILIARIES and self.past_participle(k - 1)):
            # "... quand il marche son fixe": a possessive after a noun or verb opens another phrase; not the object
            # of a verb in the past ("depuis qu'il a repeint son plafond")
            return True
        if token.folded in ("la", "le", "l'") and k + 1 < len(self.tokens) and self.tokens[k + 1].folded in _FAMILY \
                and self.tokens[k - 1].folded not in _ATTACHING:
            return True  # "… depuis une chute hier la fille est joignable": someone else's sentence
        cue = self.cue_at(k)
        if not cue or cue[0] == "symptomes":
            return False
        if cue[0] == "localisation" and cue[1] == 1:
            if token.text == "a" and self.tokens[k - 1].folded in _SUBJECTS | {"qui"}:
                return False  # "qui a changé d'aspect": the verb, not "à Changé"
            capital = k + 1 < len(self.tokens) and self.tokens[k + 1].text[:1].isupper()
            place = self.place_at(k + 1)
            if not capital and place == k + 2 and self.a_thing_at(place):
                return False  # "dyspnée à la marche": when the complaint comes, though a commune bears the name
            return (token.folded in ("a", "sur") or capital) and place is not None
        return True

    def behaving_at(self, k: int) -> bool:
        """ "résistantes au paracétamol", "irradiant vers le bras" at k: a word in -ant and what it bears on, how
        the complaint behaves."""
        return k + 1 < len(self.tokens) and re.search(r"ante?s?$", self.tokens[k].folded) is not None \
            and self.tokens[k + 1].folded in _BEARING_ON

    def negated_participle_at(self, k: int) -> bool:
        """ "ne cédant pas", "n'étant pas soulagée", "ne s'améliorant pas" at k: a present participle, negated."""
        word = self.tokens[k].folded
        if word == "ne" and k + 1 < len(self.tokens):
            word = self.tokens[k + 1].folded
        elif not word.startswith("n'"):
            return False
        return re.sub(r"^[ns]'", "", word).endswith("ant")

    def says_more_of_it(self, k: int) -> bool:
        """The clause after "et il", "et elle" at k goes on describing the complaint: a verb of its own ("tousse",
        "vomit", "respire mal") or "a" and a complaint ("a de la fièvre"), not a request, a residence or a field
        ("voudrait", "habite", "est à", "a 45 ans")."""
        if k >= len(self.tokens) or self.taken[k] or not self.tokens[k].is_word:
            return False
        said = (t.folded for t in self.tokens[k:k + 6])
        if next((w for w in said if w not in _HOW_ONE_GETS_ABOUT), None) in _GETTING_ABOUT:
            return False  # "… il ne se déplace plus", "il marche difficilement": why at home, not the complaint
        word = self.tokens[k].folded
        if word == "ne" or word.startswith("n'"):
            return self.no_longer_done(k) is not None  # "et il ne boit plus", not "et il n'a pas de fièvre"
        if word == "se":  # "et elle se plaint du ventre": the verb after its pronoun; not where one is or goes
            return k + 1 < len(self.tokens) and self.tokens[k + 1].folded not in _BEING_SOMEWHERE \
                and self.says_more_of_it(k + 1)
        if word.startswith("s'") and word not in _NAMING | _SPELLING:
            return True  # "et il s'est cogné", not "elle s'appelle"
        if word in ("a", "avait"):  # "a de la fièvre", "a refait de la fièvre"
            after = self.after_determiners(k + 1 + (k + 1 < len(self.tokens) and self.past_participle(k + 1)))
            return after < len(self.tokens) and not self.taken[after] and (
                self.symptom_end(after) is not None or self.tokens[after].folded in _ACHES)
        if word in ("est", "etait"):  # "et il est très fatigué", "un peu confus", not "et il est à Metz", "dispo"
            after = k + 1 + (k + 1 < len(self.tokens) and self.tokens[k + 1].folded in _DEGREES)
            after += 2 * ([t.folded for t in self.tokens[after:after + 2]] == ["un", "peu"])
            return after < len(self.tokens) and not self.taken[after] and self.tokens[after].is_word \
                and self.tokens[after].folded not in FUNCTION_WORDS | _AVAILABLE | _CONDITIONS \
                and self.cue_at(after) is None  # not "et il est fumeur": what he lives with
        return word not in FUNCTION_WORDS | _CLAUSE_STARTS | RESIDENCE_WORDS | _NAMING | _CALLING \
            and self.cue_at(k) is None and word not in _STATES and self.tokens[k].text.islower()

    def names_a_place(self, k: int) -> bool:
        """Token k starts a commune written as one (capitalized, or hyphenated, or ending the message when nothing
        is capitalized): "toux grasse", "douleur vers la hanche" name no place, "angine Dijon" does."""
        end = self.place_at(k)
        if end is None or self.tokens[k].is_number:
            return end is not None
        token = self.tokens[k]
        return token.text[:1].isupper() or "-" in token.text or end > k \
            or end + 1 == len(self.tokens) and (not self.cased or self.city_typed_small_ending(k))  # case tells nothing

    def city_typed_small_ending(self, k: int) -> bool:
        """"lombalgie metz", "vertiges depuis ce matin limoges", "vomissements pas de sang lille": a city typed small
        ends the message, whatever the words before it said."""
        end = self.place_at(k)
        # or its segment: "2 pts meme famille lyon 8e - 1er: …"
        return end is not None and (end == len(self.tokens) - 1 or self.tokens[end + 1].is_boundary) \
            and self.tokens[k - 1].folded not in _BEFORE_PLACE \
            and key(self.tokens[k].text) in city_names() - {"tours", "rennes"}  # "il fait des tours": words first

    def bare_address_end(self, i: int) -> int | None:
        """A segment that is a street address ("18 rue Chanzy 51100 Reims"), with the commune when it follows
        in the next segment ("12 bd Raspail, Paris 7e")."""
        # A house number and a street type make an address wherever it starts: a segment, right after another
        # field ("M. Bertrand Lefèvre 14 rue Garibaldi Lyon 7e"), after a word ("chez ses parents 14 rue …").
        # "ADRESSE 18 RUE MOYENNE …", "domicile 12 rue …": a label without its colon
        if self.street_type_after_number(i) is None and not self.unnumbered_street_at(i) \
                or i > 0 and self.tokens[i - 1].folded in ("depuis", "pendant", "dans", "sous", "de"):
            return None
        end = self.street_end(i)
        if end is not None and end + 2 < len(self.tokens) and self.tokens[end + 1].text == "," \
                and self.is_bare_place(end + 2):
            return self.segment_end(end + 2)
        return end

    def unnumbered_street_at(self, i: int) -> bool:
        """A segment opening with a street type and closed by a postal code and its commune, with no house number
        ("lieu-dit Les Granges 24250 Domme", "chemin des Vignes 84000 Avignon"): an address too."""
        if self.tokens[i].folded not in STREET_TYPES or i > 0 and not self.tokens[i - 1].is_boundary:
            return False
        for k in range(i + 2, min(i + 8, len(self.tokens) - 1)):
            if self.tokens[k].is_boundary or self.taken[k]:
                return False
            if re.fullmatch(r"\d{5}", self.tokens[k].text):
                return self.place_at(k + 1) is not None
        return False

    def street_end(self, i: int) -> int | None:
        """Last token of a street address starting at i, with its commune when « à » names it after the street
        ("au 14 rue Garibaldi à Lyon 7e"): that commune belongs to the street."""
        end = self.value_until_stop(i, allow_numbers=True)
        for k in range(i + 2, end + 1 if end is not None else i):
            commune = self.place_at(k + 1) if re.fullmatch(r"\d{5}", self.tokens[k].text) else None
            if commune is not None:
                return commune  # "8 avenue Jean Jaurès 38000 Grenoble chute …": the commune closes it
        if end is not None and end + 2 < len(self.tokens) and self.tokens[end + 1].folded in ("a", "au"):
            return self.place_at(end + 2) or end
        if end is not None and end + 3 < len(self.tokens) and self.tokens[end + 1].text == "," \
                and re.fullmatch(r"\d{5}", self.tokens[end + 2].text):
            return self.place_at(end + 3) or end + 2  # "42 boulevard Baille, 13005 Marseille": the commune after
        return end

    def labels_a_field(self, last: int) -> bool:
        """The words ending at `last` are a note's label ("Ville : Tours"), not its value: a colon and a place
        follow ("Lyon : fièvre" is the place)."""
        return last + 1 < len(self.tokens) and self.tokens[last + 1].text == ":" and self.place_at(last + 2) is not None

    def town_at(self, i: int) -> bool:
        """A commune at i, with its capital or a known town, no complaint: "patiente a Quimperle", "douleur genou a
        thionville" are "à" typed without its accent before the town, not the verb before a participle typed without
        its accent ("a tombe")."""
        token = self.tokens[i]
        return (token.text[:1].isupper() or key(token.text) in city_names(TOWN)) and self.place_at(i) is not None \
            and self.symptom_end(i) is None

    def is_bare_place(self, i: int) -> bool:
        """A segment that is only a commune ("Lyon 3e", "Villeurbanne") or a postal code, or a commune followed by
        the complaint; a first name that is also a commune ("Marie", "Nancy") only once the patient's first name
        is known or right after the complaint."""
        end = self.place_at(i)
        if end is None or self.tokens[i].folded in _NOT_PLACES or self.labels_a_field(end):
            return False
        if end == i and self.symptom_end(i) is not None:
            return False  # "regurgit + pleurs ++ depuis 2j": a complaint the reader knows (Pleurs, Marne, is a commune)
        if end + 2 < len(self.tokens) and self.tokens[end + 1].folded in _OF \
                and self.symptom_end(self.after_determiners(end + 2)) is not None:
            return False  # "Signes de cystite": the noun heading a complaint, no town (Signes, Var)
        if i > 0 and self.tokens[i - 1].text == "+" or end + 1 < len(self.tokens) and self.tokens[end + 1].text == "+":
            return False  # "apyrétique, BU + nitrites": findings added one to the other, not a town (Bû)
        if i > 0 and self.tokens[i].folded in MONTH_OF and (self.tokens[i - 1].is_number or _is_an_ordinal(self.tokens[i - 1])):
            return False  # "c'est plutôt le 4 mars": a day and its month, not the commune of Mars
        if end + 1 < len(self.tokens) and (self.cue_at(end + 1) or ("",))[0] == "epouse":
            return False  # "GUERIN ép. LEFEVRE Odile": a birth name (Guérin is a commune too)
        if self.typed and self.tokens[i].text.islower() and self.capitalized_commune:
            return False  # "otite, pleure, fièvre … Lieu : Lyon 8e": who capitalizes a town writes "pleure" as a verb
        end = self.street_after(self.where_it_lies(end))
        named = any(span.field == "prenom" for span in self.spans)
        # "son mail", "fille joignable": no communes; in a typed note, a commune capitalized right after another
        # field once the patient is named opens the rest ("DUPUIS Michel 06 … Nîmes HTA déséquilibrée")
        # a postal code, or any commune where nothing is capitalized, counts as a capitalized one
        capitalized = self.tokens[i].text[:1].isupper() or re.fullmatch(r"\d{5}", self.tokens[i].text) is not None \
            or not self.typed
        # "Mayotte, Mamoudzou: Mme …": a commune heading the note, its colon closing it
        headed = end + 1 < len(self.tokens) and self.tokens[end + 1].text == ":"
        also = end + 1
        while also < len(self.tokens) and self.tokens[also].folded in vocabulary.AS_WELL:
            also += 1  # "…, grenoble aussi, douleur genou": the same town as the last patient's
        ends_segment = headed or end == self.segment_end(end) or self.symptom_end(end + 1) is not None \
            or all(t.is_boundary or t.folded in vocabulary.AS_WELL for t in self.tokens[end + 1:]) \
            or also > end + 1 and (also == len(self.tokens) or self.tokens[also].is_boundary) \
            or self.place_said_instead(end) or (
            self.opens_field(end + 1) and capitalized) or (
            self.typed and capitalized and named and i > 0 and (self.tokens[i - 1].is_boundary or self.taken[i - 1]))
        # "sciatique gauche depuis 1 sem, Nancy, dans les 48h": after the complaint, no name yet, the town
        after_complaint = i > 1 and self.tokens[i - 1].text == "," and self.field_of[i - 2] == "symptomes"
        return ends_segment and (end > i or named or after_complaint
                                 or first_name_scores().get(key(self.tokens[i].text), 0) <= 1)

    def in_brackets_after_a_place(self, i: int) -> bool:
        """Token i opens what is in brackets right after the place read ("vit à lille maintenant (vauban)"): where in
        it, no other commune (Vauban, Saône-et-Loire)."""
        k = i - 1
        if k < 1 or self.tokens[k].text != "(":
            return False
        k -= 1
        while k > 0 and self.tokens[k].folded in ("maintenant", "actuellement", "desormais"):
            k -= 1
        return self.field_of[k] == "localisation"

    def said_instead(self, end: int) -> int | None:
        """The token after the value ending at `end` is taken back ("angers non pardon avrillé", "Da Costa non
        pardon Da Silva"): where the value meant starts."""
        back = TAKEN_BACK.match(self.folded, self.tokens[end].end)
        if not back or back.end() == self.tokens[end].end:
            return None
        return next((k for k in range(end + 1, len(self.tokens)) if self.tokens[k].start == back.end()), None)

    def place_said_instead(self, end: int) -> bool:
        """Another commune follows the one ending at `end`, said instead of it ("angers non pardon avrillé")."""
        after = self.said_instead(end)
        return after is not None and self.place_at(after) is not None

    def says_a_name_again(self, i: int, end: int) -> bool:
        """Tokens i..end are a name read before, said again ("Bouchet je crois B O U C H E T"): that name, no commune
        (Bouchet is one, in the Drôme)."""
        said = key(" ".join(t.text for t in self.tokens[i:end + 1])).replace(" ", "")
        return any(span.field in NAME_FIELDS and key(self.text[span.start:span.end]).replace(" ", "") == said
                   for span in self.spans)

    def writes_a_town_capitalized(self) -> bool:
        """The message writes a town with its capital (not a first name that is also one, "Marie", nor a surname
        after a civility or beside a first name, "Mme Hamel Marie")."""
        return any(t.is_word and t.text[:1].isupper() and not t.text.isupper()
                   and self.commune_at(k) is not None and first_name_scores().get(key(t.text), 0) <= 1
                   and not self.beside_a_civility_or_a_first_name(k)
                   for k, t in enumerate(self.tokens))

    def beside_a_civility_or_a_first_name(self, k: int) -> bool:
        before = self.tokens[k - 1] if k > 0 else None
        after = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        # "nee Marchal", "njf Mathieu": a birth name, though a commune bears it; "Van der Berg": a name's last word
        labels = CIVILITES | {"ne", "nee", "epouse", "ep", "njf", "nn"} | PARTICLES  # "Lucas Da Costa"
        # "nom de jeune fille Lacoste" (what "njf" is read as): a birth name after its label in words
        labelled = any((cue := self.cue_at(j)) and cue[0] == "nom_naissance" and j + cue[1] == k
                       for j in range(max(0, k - 4), k))
        # "Jeanne-Marie Combes": a compound first name, each of its parts well known
        return before is not None and before.folded.rstrip(".") in labels or labelled or any(
            t is not None and t.is_word and all(first_name_scores().get(key(part), 0) >= _WELL_KNOWN_FIRST_NAME
                                                for part in t.text.split("-"))
            for t in (before, after))

    def closes_a_run(self, i: int) -> bool:
        """A commune written as one (capitalized) after the complaint or a run of lowercase words, where another
        field or the end follows: "angine Dijon demain", "hernie douloureuse Quimper |"."""
        if i == 0 or not self.tokens[i].text[:1].isupper() or not self.names_a_place(i):
            return False
        if self.field_of[i - 1] == "symptomes":
            return True
        end = self.where_it_lies(self.place_at(i))
        before = self.tokens[i - 1]
        return before.is_word and before.text.islower() and not self.taken[i - 1] \
            and before.folded not in _BEFORE_PLACE | BIRTH_WORDS | {"pas"} and (
                end + 1 >= len(self.tokens) or self.tokens[end + 1].is_boundary or self.taken[end + 1]
                or self.another_denied_after(end))

    def another_denied_after(self, end: int) -> bool:
        """A place is denied right after the commune ending at `end` ("c'est Thionville pas Thonon", "Thionville,
        pas Thonon", a town however short): the first is meant."""
        k = end + 1 + (end + 1 < len(self.tokens) and self.tokens[end + 1].text in (",", "et"))
        return k + 1 < len(self.tokens) and self.tokens[k].folded == "pas" \
            and (self.place_at(k + 1) is not None or self.tokens[k + 1].text[:1].isupper())

    def opens_field(self, k: int) -> bool:
        """Token k starts another field: a cue ("nom de naissance", "tél") or a word that opens one ("dispo")."""
        if k >= len(self.tokens):
            return False
        cue = self.cue_at(k)
        return cue is not None and cue[0] not in ("localisation", "symptomes") or self.tokens[k].folded in STOPS \
            - _INSIDE_VALUES - PLACE_PREPOSITIONS

    def after_particles(self, i: int) -> int:
        """Index of the first token after the particles starting at i ("de La Fontaine": 2)."""
        end = i
        while end < len(self.tokens) and end - i < 2 and self.tokens[end].folded in PARTICLES:
            end += 1
        return end

    def in_the_caller_s_clause(self, k: int) -> bool:
        """Token k is the verb of what the caller says they do, or the « tout » it gives: « je note », « je vous
        donne tout », « je vous le passe » (« je », its object pronouns, the verb; « j'appelle » in one word) before the
        names."""
        if self.tokens[k].folded.startswith("j'"):
            return True
        j = k - 1 - (k > 1 and self.tokens[k].folded in ("tout", "ca"))
        while j > 0 and self.tokens[j].folded in _OBJECT_PRONOUNS:
            j -= 1
        return j >= 0 and j < k and self.tokens[j].folded == "je"

    def starts_name(self, i: int) -> bool:
        """A name word, or particles before one ("DE SOUSA", "le gall", "de La Fontaine")."""
        if i > 0 and self.tokens[i - 1].folded in _SUBJECT_PRONOUNS:
            return False  # "vous avez rien d'autre": after a subject comes its verb
        end = self.after_particles(i)
        return end < len(self.tokens) and _is_name_word(self.tokens[end])

    def names_stand_alone(self, i: int) -> bool:
        """Names without a civility nor a cue: a first name and a name, or a lone word that is the whole
        message ("Durand"); a lone word before the rest of a sentence is no name ("Finalement il est dispo")."""
        units = self.name_units(i, 4)
        if len(units) > 1:  # one of them at least is a known first name or a common surname: "trouble de
            # l'équilibre", "petite correction" are words that happen to be rare surnames; and none is a common word
            # in small letters that no list knows as a name ("parfait, réservez")
            lasts = [self.tokens[b:b + 1] for _, b in units]
            # nor a verb in small letters ("La petite porte le nom des deux parents")
            # or names the lists do not know, capitalized, then the birth date ("Zaïnaba Attoumani 12/06/1990")
            return (any(_first_name_score(w, None) > 0 or _surname_score(w) >= _COMMON_SURNAME for w in lasts)
                    or self.born_after_names(i) and all(self.tokens[a].text[:1].isupper() for a, _ in units)) \
                and not any(_plain_word(w) for w in lasts) \
                and not any(self.tokens[b].text.islower() and key(self.tokens[b].text) not in first_name_scores()
                            and self.conjugated_verb(b) and not self.first_name_after(b) for _, b in units)
        after = self.cue_at(units[0][1] + 1)
        if after and after[0] == "epouse":
            return True  # "DUMONT épouse LEGRAND Colette": the birth name, then the married name
        words = self.tokens[units[0][0]:units[0][1] + 1]
        # "finalement au cabinet" (the mode read apart): a common word alone in small letters is no name, unless
        # it is a common name ("martin"); a rare one is
        named = not words[-1].text.islower() or not is_common_word(words[-1].text) \
            or max(_first_name_score(words, None), _surname_score(words)) >= _COMMON_SURNAME
        rest = units[0][1] + 1
        while rest < len(self.tokens) and self.tokens[rest].is_boundary:
            rest += 1
        # "Dupont, même nom de naissance", "Dupont, née Martin": the name, then what its birth name is
        known = not is_common_word(words[-1].text) or max(_first_name_score(words, None), _surname_score(words)) \
            >= _COMMON_SURNAME  # not "Finalement, même nom de naissance"
        # (its comma may be missing before a possessive: "Ayse A Y S E son nom de naissance c'est Demir")
        birth_name = known and (rest > units[0][1] + 1 or rest < len(self.tokens) and self.tokens[rest].folded in (
            "son", "sa")) and (self.same_birth_name_end(rest) is not None
                                                           or (self.cue_at(rest) or ("",))[0] == "nom_naissance")
        # "Payet aussi": the whole message, with the word saying it is the same as someone else's
        # "Fournier-Petit, comme son papa", "Ahamada A H A M A D A comme la maman": whose name it also is
        whose = self.same_as_whose_at(units[0][1] + 1)
        rest = self.tokens[units[0][1] + 1:whose]
        alone = all(t.is_boundary or t.folded in vocabulary.AS_WELL for t in rest)
        return named and (birth_name or alone) and all(t.is_boundary for t in self.tokens[:i])

    def verb_in_small_letters(self, k: int) -> bool:
        """Token k is a conjugated verb in small letters no list knows as a name well ("commence", "tousse")."""
        word = self.tokens[k:k + 1]
        return bool(word) and word[0].text.islower() and _first_name_score(word, None) <= 0 \
            and _surname_score(word) < _RARE_SURNAME and self.conjugated_verb(k)

    def first_name_after(self, b: int) -> bool:
        """A first name the lists know follows token b ("payet jean-hugues ddn …": Payet, read as a verb, is a surname)."""
        units = self.name_units(b + 1, 1)
        return bool(units) and _first_name_score(self.tokens[units[0][0]:units[0][1] + 1], None) >= _GENDER_TRUSTED

    def same_as_whose_at(self, k: int) -> int | None:
        """Where « comme son papa », « comme la maman », « pareil que sa sœur » begins, from k past punctuation, when
        it ends the message: whose name the name said also is."""
        while k < len(self.tokens) and self.tokens[k].text in ",;":
            k += 1
        end = self.whose_name_end(k)
        return k if end is not None and all(t.is_boundary for t in self.tokens[end + 1:]) else None

    def whose_name_end(self, k: int) -> int | None:
        """Last token of « comme son papa », « pareil que sa sœur » said at k: whose name the name said also is."""
        words = [t.folded for t in self.tokens[k:k + 4]]
        if words[:2] in (["pareil", "que"], ["idem", "que"]):
            k, words = k + 1, words[1:]
        elif words[:1] != ["comme"]:
            return None
        whose = k + 1 + (words[1:2] != [] and words[1] in _POSSESSIVES | _DEFINITE | _THEIR)
        word = self.tokens[whose].folded if whose < len(self.tokens) else ""
        return whose if word in _KIN or word in _FAMILY or word in ("moi", "lui", "elle") else None

    def written_as_identity(self, i: int) -> bool:
        """A name in capitals beside a known first name ("voir GARNIER Louise 8 ans", "pour Louise GARNIER, otite"):
        typed that way, it is the patient's identity wherever it stands in the sentence."""
        units = self.name_units(i, 3)
        if len(units) != 2 or not self.ends_cleanly(units):
            return False
        words = [self.tokens[a:b + 1] for a, b in units]
        capitals = [_is_capitals(w) for w in words]
        given = words[capitals.index(False)] if capitals.count(True) == 1 else None
        return given is not None and all(t.text[:1].isupper() and t.text[1:].islower() for t in given) \
            and _first_name_score(given, None) > 0

    def ends_cleanly(self, units: list[tuple[int, int]]) -> bool:
        """A run of names stands alone: what follows is a boundary, a cue, a field, a complaint ("Louise Petit fièvre
        39"), the name spelled ("Julien Masson j'épelle …") or the end."""
        if not units:
            return False
        after = units[-1][1] + 1
        if after >= len(self.tokens):
            return True
        token = self.tokens[after]
        # "il s'appelle mathis il a douze ans": said aloud, a clause begins; "Marc Lefort alors Lefort L E F O R T":
        # one of the names said again, to be told apart or spelled
        return token.is_boundary or token.is_number or self.taken[after] or self.cue_at(after) is not None \
            or token.folded in STOPS | _SPELLING | vocabulary.AS_WELL or self.same_birth_name_end(after) is not None \
            or self.surname_labelled_at(after) is not None or self.symptom_end(after) is not None \
            or any(self.spelled_again(unit, token) for unit in units[:-1]) \
            or token.folded in _SUBJECTS or token.folded in _HESITATIONS and self.one_said_again(units, after) \
            or self.civility_closing(after) or self.whose_name_end(self.past_masked(after, ",;")) is not None \
            or HYPHEN_REMARK.match(self.text, self.tokens[after - 1].end) is not None  # "marie-thérèse avec un tiret"

    def civility_closing(self, k: int) -> bool:
        """"Dubreuil Yannick M. 22/10/1969", "yilmaz mehmet mr ddn …": the civility after the names, as some software
        lists them, before anything but a name."""
        if k >= len(self.tokens) or self.tokens[k].folded not in CIVILITES:
            return False
        k += 1 + (k + 1 < len(self.tokens) and self.tokens[k + 1].text == ".")
        return k >= len(self.tokens) or self.tokens[k].is_boundary or self.tokens[k].is_number \
            or self.cue_at(k) is not None or self.tokens[k].folded in _DATE_LABELS

    # --- fields ------------------------------------------------------------------------------------------
    def residence(self, i: int) -> int | None:
        """The place governed by a residence word at i: "habite Lyon", "vit à Bron", "demeurant au 3 rue des Lilas",
        "domicile : 12 rue ...", "secteur Lyon 8". Without a preposition, only a place the tables know or an
        address ("vit seule" is no place)."""
        j = self.skip_colons(i + 1)
        prepositions = 0
        while j < len(self.tokens) and prepositions < 3 and self.tokens[j].folded in _BEFORE_PLACE \
                and self.place_at(j) is None:  # "le" of "Le Mans" is the place
            j, prepositions = j + 1, prepositions + 1
        if j >= len(self.tokens):
            return None  # "… il est là actuellement": no place after the word
        j = self.past_vicinity(j)
        k = j + 1
        while not prepositions and k < len(self.tokens) and self.tokens[k].folded in _BEFORE_PLACE \
                and self.place_at(k) is None:
            k += 1
        if k > j + 1 and k < len(self.tokens) and self.tokens[j].text.islower() and self.place_at(j) is None \
                and self.place_at(k) is not None and not self.taken[j]:
            j, prepositions = k, k - j - 1  # "vit seul a vesoul", "habite toujours à Lyon": how, then where
        if j + 1 < len(self.tokens) and self.place_at(j) is None and not self.tokens[j].is_number \
                and self.tokens[j].folded not in CIVILITES | IN_A_TOWN | STOPS and self.place_at(j + 1) is not None:
            # "habite désormais Nice"; not "à dom de Mme ROCHE": her home, her name; not "l'aide à domicile qui
            # appelle": a clause begins (Appelle is a commune of the Tarn)
            j += 1
        if j >= len(self.tokens) or self.taken[j]:
            return None
        token = self.tokens[j]
        if not prepositions and not (token.is_number or token.folded in STREET_TYPES or token.text[0].isupper()
                                     or self.place_at(j) is not None):
            return None
        end = self.location(j, strong=True)
        end = self.to_the_commune_of_its_line(j, end)
        if end is not None:
            j, end = self.with_its_commune(j, end)
            self.add("localisation", j, end)
        return end

    def with_its_commune(self, j: int, end: int) -> tuple[int, int]:
        """The place j..end said where the patient lives, with the commune said after it when it names none."""
        if self.tokens[j].folded in IN_A_TOWN:  # "au lieu-dit les Pradeaux à Saint-Anthème": all of it
            return j, (self.commune_after(end) or (j, end))[1]
        named = self.institution_named_at(j) if re.sub(r"^[dl]'", "", self.tokens[j].folded) in _INSTITUTIONS else None
        if named is not None:
            return j, named  # "lieu de vie : EHPAD Les Tilleuls à Cholet", all of it kept for the practitioner
        if self.place_at(j) is None and not self.tokens[j].is_number and self.tokens[j].folded not in STREET_TYPES:
            return self.commune_after(end) or (j, end)  # "vit en EHPAD à Annecy": the commune says where
        return j, end

    def to_the_commune_of_its_line(self, j: int, end: int | None) -> int | None:
        """The place j..end read after a label on a line of its own runs to the commune ending that line
        ("Localisation : EHPAD Les Tilleuls 80100 Abbeville"), or its column ("| Adresse : EHPAD Les Glycines, 3 av.
        Foch 60200 Compiègne |", the bars read as semicolons)."""
        line_end = self.labelled_line_end(j)
        if line_end == j and j > 0 and self.tokens[j - 1].text == ":":
            line_end = self.run_to_line_end(j, (";", "\n"))
        if end is not None and any(self.place_at(k) == line_end for k in range(end + 1, line_end + 1)):
            return line_end
        return end

    def past_vicinity(self, j: int) -> int:
        """The commune after words that say near what or in which part of it the patient is ("à côté de Grenoble",
        "sur la commune de Bron", "secteur nord de Lyon"), or j when no known commune follows them."""
        if self.tokens[j].folded in ("le", "la", "les", "l'") and self.place_at(j) is not None:
            return j  # "réside : Le Lamentin": the article is the commune's
        k = j
        while k < len(self.tokens) and k - j < 5 and self.tokens[k].folded in _VICINITY | _VICINITY_LINKS \
                and not self.taken[k]:
            k += 1
        said = any(t.folded in _VICINITY for t in self.tokens[j:k])  # "sur le bras": an article says no vicinity
        return k if said and self.place_at(k) is not None else j

    def institution_place(self, i: int) -> tuple[int, int] | None:
        """The commune of an institution opening a segment at i, where the patient lives ("EHPAD de Cholet")."""
        k = i
        # "c'est la résidence de …", "résidente EHPAD de Dole"
        while k > 0 and self.tokens[k - 1].folded in OPENING | {"la", "le", "l", "ici", "resident", "residente"}:
            k -= 1
        # or said where one is: "au lycée Victor Hugo de Besançon", "à l'EHPAD les Tilleuls de Guéret"
        opens = k == 0 or self.tokens[k - 1].is_boundary or self.tokens[k - 1].text in ",;:-–" \
            or i > 0 and self.tokens[i - 1].folded in ("au", "a", "l'", "en", "dans") \
            or k == 1 and self.tokens[0].folded in _CARERS  # "IDE EHPAD Les Tilleuls Colmar : …", who writes
        if not opens or self.tokens[i].folded not in _INSTITUTIONS:
            return None
        # a home by its name ("EHPAD Les Tilleuls à Cholet"); a pharmacy's name is none of the patient's, its town is
        named = self.institution_named_at(i) if self.tokens[i].folded not in ("pharmacie", "officine") else None
        return (i, named) if named is not None else self.commune_after(i)

    def institution_named_at(self, i: int) -> int | None:
        """The institution at i called by its name, then where it is ("EHPAD Les Tilleuls à Cholet", "EHPAD Les
        Glycines, 5 rue Pasteur 21200 Beaune"): the last token of its place, all of it kept for the practitioner."""
        name = i
        while name + 1 < len(self.tokens) and name - i < 4 and self.tokens[name + 1].is_word \
                and self.tokens[name + 1].text[:1].isupper() and not self.taken[name + 1]:
            name += 1
        if name > i + 1 and (name + 1 == len(self.tokens) or self.tokens[name + 1].text in ",:;-–") \
                and any(self.place_at(j) == name for j in range(i + 2, name + 1)):
            return self.where_it_lies(name)  # "EHPAD Les Tilleuls Colmar : …", "… Vesoul, résidente …": its town last
        if name == i or name + 2 >= len(self.tokens) or self.tokens[name + 1].text != "," \
                and self.tokens[name + 1].folded not in ("a", "au"):
            return None
        place = name + 2
        end = self.bare_address_end(place) or (self.place_at(place) if not self.taken[place] else None)
        return self.where_it_lies(end) if end is not None else None

    def commune_after(self, last: int) -> tuple[int, int] | None:
        """(first, last) tokens of a known commune said with « à » or « de » a few words after token `last`, within
        its phrase ("en EHPAD à Annecy", "au foyer des Lilas à Vienne", "l'EHPAD de Cholet"); « à » first: "la
        pharmacie de l'hôtel de ville à Vesoul" (Ville is a commune of the Oise)."""
        for prepositions in (("a", "au", "aux"), ("de", "d'")):
            for k in range(last + 1, min(last + 7, len(self.tokens) - 1)):
                if self.tokens[k].text == "," and not self.taken[k + 1] and self.is_bare_place(k + 1):
                    return k + 1, self.place_at(k + 1)  # "résident EHPAD les Glycines, Saumur"
                if self.taken[k] or self.tokens[k].is_boundary or self.tokens[k].folded in _SUBJECTS | BIRTH_WORDS:
                    break  # "habite à Gand il est né à Lyon": another clause
                end = self.place_at(k + 1) if self.tokens[k].folded in prepositions else None
                if end is not None:
                    return k + 1, end
        return None

    def location(self, i: int, strong: bool) -> int | None:
        """Last token of the place starting at i. `strong`: said after a word that only ever governs a place
        ("demeurant au", "habite à"), so that an address or a commune the table does not know is taken too."""
        token = self.tokens[i] if i < len(self.tokens) else None
        if token is None or self.taken[i]:
            return None
        if token.is_number and not re.fullmatch(r"\d{5}", token.text):  # a street address
            street = i + 1 < len(self.tokens) and self.tokens[i + 1].folded in STREET_TYPES
            if not strong and not street:
                return None
            return self.street_end(i)
        if token.folded in STREET_TYPES and strong:  # "domicile : rue des Lilas, Bron"; "sur place" names no street
            if token.folded == "place" and i > 0 and self.tokens[i - 1].folded == "sur" \
                    and not (i + 1 < len(self.tokens) and self.tokens[i + 1].text[:1].isupper()):
                return None  # "sur place à Lodève": there, at Lodève; not "sur place Bellecour"
            end = self.street_end(i)
            return end if end is not None and end > i else None
        place = self.place_at(i)
        if place == i + 1 and not strong and self.a_thing_at(i + 1) and self.where_it_lies(place, first=i) == place:
            # "des cas de dengue dans le quartier": the noun, in small letters, no commune Le Quartier; but "on est à la
            # possession à la réunion": situated in its département, the commune
            return None
        # a place the commune table does not know (a hamlet, a district); not a thing with its article ("au fournil")
        if place is None and _is_name_word(token) and not self.a_code_at(i) and (
                token.text[0].isupper() or strong and not self.a_thing_at(i)):
            place = i
            while place + 1 < len(self.tokens) and self.tokens[place + 1].text[:1].isupper() \
                    and _is_name_word(self.tokens[place + 1]) and token.text[0].isupper():
                place += 1
        return place

    def a_thing_at(self, i: int) -> bool:
        """A common word in small letters after its article ("actuellement au fournil", "à la campagne"), no
        institution ("au foyer des Lilas à Vienne"): a room or a thing, no commune."""
        token = self.tokens[i]
        glued = re.fullmatch(r"l['’](\w.*)", token.text)  # "erreur sur l'année": the article glued to its noun
        word = glued[1] if glued else token.text
        return (glued is not None or i > 0 and self.tokens[i - 1].folded in ("au", "aux", "la", "le", "l'", "les")) \
            and word.islower() and is_common_word(word) and token.folded not in _INSTITUTIONS \
            and not self.tagged_as(i, proper_nouns)  # "il est à la rochelle": a town's name, in small letters

    def a_code_at(self, i: int) -> bool:
        """A letter or word glued to a number is a code, not a place: "ablation des fils à J10", "à T0+6"."""
        return len(self.tokens[i].text) == 1 or i + 1 < len(self.tokens) and self.tokens[i + 1].is_number \
            and self.tokens[i + 1].start == self.tokens[i].end

    def read(self) -> list[Span]:
        self.read_history()
        identity_done = False
        weak_identity = False  # one name read alone (after a person noun, a civility): a civility may say them all
        kin_named = False  # that name read after "la fille de", "le fils de"
        caller: tuple[int, int] | None = None  # first and last tokens of who calls, when named with a civility
        said_born = next((t.folded for k, t in enumerate(self.tokens) if t.folded == "nee" or self.born_said_at(k)), None)
        self.gender = {"ne": "m", "nee": "f"}.get(said_born)  # "née" says a woman, until a civility says more
        i = 0
        while i < len(self.tokens):
            if self.taken[i]:
                i += 1
                continue
            token = self.tokens[i]
            opening = i == 0 or self.tokens[i - 1].text in _SEGMENT_OPENERS  # "…. Maman : …", not "chez sa maman : …"
            # "la maman est au tel : …": the relative with their article, on the line
            kin_opening = opening or i == 1 and self.tokens[0].folded in ("la", "le", "sa", "son")
            labelled = self.past_the_line(i + 1) if token.folded in _CALLER_LABELS \
                or token.folded in RELATIVES and kin_opening else i
            whose = i + 1 + self.phrase_at(i + 1, _WHOSE_KIN)
            on_the_line = self.past_the_line(whose) if token.folded in _KIN and kin_opening else whose
            if whose <= on_the_line - 1 and on_the_line + 2 < len(self.tokens) and self.tokens[on_the_line].text == "(" \
                    and (close := self.closing_bracket(on_the_line)) is not None:
                # "sœur de la patiente au tél (Ana). Mme FERREIRA Maria …": who calls, named in brackets
                self.add(CALLER, i, close)
                i = close + 1
                continue
            if labelled < len(self.tokens) and labelled > i and self.tokens[labelled].text in ":-":
                # "Appelant : fils (Adama)", "Appelant - voisin, M. Petit | Pte …", "Maman en ligne : Aurélie Rolland,
                # 06 …": who calls, up to the next field of the note, is neither the patient nor a complaint
                end = labelled
                while end + 1 < len(self.tokens) and self.tokens[end + 1].text not in _NOTE_FIELD_ENDS \
                        and self.tokens[end + 1].folded not in _PATIENT_LABELS | {"pour"}:  # "… pour sa femme Mme X"
                    end += 1
                after = end + 1  # past the caller's phone, masked, and punctuation: "…, 06 …. Pour son fils"
                while after < len(self.tokens) and self.tokens[after].text in _NOTE_FIELD_ENDS | _SEGMENT_OPENERS:
                    after += 1
                if token.folded not in _CALLER_LABELS and not (
                        after < len(self.tokens) and (self.tokens[after].folded in _PATIENT_LABELS | {"pour"}
                                                      or self.person_noun_at(after) is not None)):  # "L'enfant s'appelle …"
                    i += 1  # "Pharmacienne au tél : Mme Nadia Cherki, 34 ans, …": no one else named, she speaks of the patient
                    continue
                self.add(CALLER, i, end)
                i = end + 1
                continue
            origin = self.from_a_place_at(i)
            if origin is not None:  # "une maman de Dembeni à Mayotte", "une dame de la Réunion": where they live
                first, last, commune = origin
                if commune:
                    self.add("localisation", first, last)
                i = last + 1  # a region alone says no commune; its words are no name either
                continue
            # "Jade 6 ans fièvre, maman Mme Sarah Benoit"; before the patient is named, a relative named is the patient
            # ("Appel du fils : sa mère Mme Schmitt Gertrude")
            if token.folded in CIVILITES and ((identity_done or self.patient_spoken_of_before(i)) and self.relative_named(i)
                                              or self.acts_on_someone(i) or self.to_be_reached(i)):
                units = self.name_units(self.after_civility(i), 4)
                last = units[-1][1] if units else i
                self.add(CALLER, self.caller_start(i), last)  # a relative's names, given as the contact
                i = last + 1
                continue
            if token.folded in CIVILITES and weak_identity and self.says_again(i):
                # "patiente 34 ans Xyz, Mme Julie Meyer", "M. et Mme Lopez : Mme Isabel Lopez": she is named now
                self.spans = [s for s in self.spans if s.field not in ("nom", "prenom")]
                identity_done = weak_identity = False
            if token.folded in CIVILITES and not identity_done:
                gender, said_gender, read_before = _GENDER_OF_CIVILITE[token.folded], self.gender, len(self.spans)
                after = i + 1 + (i + 1 < len(self.tokens) and self.tokens[i + 1].text == ".")
                after += after < len(self.tokens) and self.tokens[after].text == ";"  # "Mr | HAMIDI | Karim |"
                j = self.identity(self.skip_age(self.skip_colons(after)), gender)
                described = self.names_after_a_description(i, j) if len(self.spans) == read_before else None
                if described is not None:  # "pour le monsieur d'à côté, Marcel Vermenouze": said of him, then named
                    j = self.identity(described, gender)
                # "un monsieur âgé, monsieur Marcel Besson", "M. et Mme Olivier": the names come later
                identity_done = len(self.spans) > read_before
                if identity_done and self.calls(i, j):
                    caller, identity_done, self.gender = (self.caller_start(i), j - 1), False, said_gender
                # "pour M. et Mme Lopez : c'est Mme Isabel Lopez": a name alone may be said whole after
                weak_identity = identity_done and not any(s.field == "prenom" for s in self.spans[read_before:])
                # "la fille de madame Delattre": named through her kin, who may name her whole after
                kin_named = i > 1 and self.tokens[i - 1].folded == "de" and self.tokens[i - 2].folded in _FAMILY
                i = max(j, i + 1)
                continue
            introduced = self.introduced_names_at(i)
            if weak_identity and i > 0 and self.tokens[i - 1].text == ":" and self.says_again_whole(i) \
                    and self.described_after_names(i):
                # "Et pour Mme Perrin elle-même, elle a la même chose : Monique Perrin, née Lambert le …": the name alone,
                # said again whole after the colon, with what describes her
                self.spans = [s for s in self.spans if s.field not in ("nom", "prenom")]
                i = self.identity(i)
                weak_identity = False
                continue
            named_at = i + 2 + (i + 2 < len(self.tokens) and self.tokens[i + 2].text in (",", ":"))
            if kin_named and weak_identity and token.folded in ("sa", "son") and named_at < len(self.tokens) \
                    and self.tokens[i + 1].folded in _FAMILY and self.says_again_whole(named_at):
                # "la fille de madame Delattre en ligne, sa maman Monique Delattre": the kin's kin is the patient,
                # the name alone said again whole ("… pour son papa, Bernard Lachaud")
                self.spans = [s for s in self.spans if s.field not in ("nom", "prenom")]
                i = self.identity(named_at, _FAMILY[self.tokens[i + 1].folded])
                weak_identity = kin_named = False
                continue
            if introduced is not None and weak_identity and self.tokens[i].folded in _NAMING \
                    and self.says_again_whole(introduced[0]):
                # "le fils de madame Lacoste … elle s'appelle Odette Lacoste": the name alone, said again whole
                self.spans = [s for s in self.spans if s.field not in ("nom", "prenom")]
                identity_done = weak_identity = False
            if introduced is not None and self.relative_calling_at(i):
                # "Appel de sa fille Nadia pour son père M. Rachid Bensaïd": the daughter's name, given as the contact
                last = self.name_units(introduced[0], 2)[-1][1]
                self.add(CALLER, i, last + (last + 1 < len(self.tokens) and self.tokens[last + 1].text == ")"))
                i = last + 1
                continue
            if introduced is not None and not identity_done:
                start, gender = introduced
                read_before, born = len(self.spans), self.born_after_names(start)
                i = self.identity(start, gender, lone_is_given=True)
                identity_done = True
                # one name read alone: "son petit-fils Timéo … il s'appelle Da Silva … Timéo" may name them all after
                weak_identity = len(self.spans) == read_before + 1 and self.spans[-1].field in ("nom", "prenom")
                # "moi c'est Sandrine Keller …, j'appelle pour madame …"; not "le fils de Jean Payet qui appelle …",
                # nor "maintenant le fils Emre Yilmaz né le …" (who is born is seen)
                if i > start and not self.named_as_whose_kin(start) and not born and self.says_who_calls(start, i):
                    caller, identity_done, weak_identity = (start, i - 1), False, False
                continue
            if introduced is not None and self.first_name_alone_at(introduced[0], caller):
                # "ils ont les deux noms : AMRANI DUPUIS. On commence par Hugo, 7 ans": the surname said for both,
                # then each child's first name
                self.add("prenom", introduced[0], introduced[0])
                i = introduced[0] + 1
                continue
            surname = self.surname_after_given(i, caller)
            if surname is not None:  # "mon fils Tom, il a 7 ans, Tom Garnier": the first name again, then the name
                self.add("nom", i + 1, surname)
                i = surname + 1
                continue
            institution = self.institution_place(i)
            if institution is not None:  # "…, EHPAD de Cholet, fièvre"
                self.add("localisation", *institution)
                i = institution[1] + 1
                continue
            born = self.field_value("lieu_naissance", (), i) if self.born_bare_at(i) else None
            if born is not None:  # "née le 15/06/1979, Bamako, demeurant 27 bd …"
                i = born + 1
                continue
            address = self.bare_address_end(i)
            if address is not None:
                self.add("localisation", i, address)
                i = address + 1
                continue
            taken_back = self.place_taken_back_before(i)
            end = self.place_at(i) if taken_back else None
            if end is not None:  # "à Chamalières euh non pardon Clermont-Ferrand avenue de Royat"
                self.add(taken_back, i, end)
                i = end + 1
                continue
            # "Ville : Riom", "angine, Lyon", "angine Lyon 7 dispo …", "BOYER Alain 1948 Montauban"
            aged = i > 1 and self.tokens[i - 2].is_number and (self.tokens[i - 1].folded in ("ans", "an", "mois") or (
                self.tokens[i - 1].folded == "a" and self.tokens[i - 1].start == self.tokens[i - 2].end))  # "71a"
            postcode = re.fullmatch(r"\d{5}", self.tokens[i].text)
            if (self.closes_a_run(i) or (i == 0 or self.tokens[i - 1].is_boundary or self.tokens[i - 1].text == ":"
                    # "MG ce jour svp grenoble", "pt lyon,", "pt a adresser bastia,"
                    or self.tokens[i - 1].folded in _PLEASE | _PATIENT_LABELS | REFERRING
                    or self.tokens[i - 1].folded in ("pour", "pr") and i > 1  # "pt pour vannes", "rdv pour Lyon"
                    and self.tokens[i - 2].folded in _PATIENT_LABELS | _REQUESTS
                    or (self.tokens[i - 1].is_number or aged) and (self.tokens[i].text[:1].isupper() or postcode
                                                                    or not self.typed)
                    or self.field_of[i - 1] == "symptomes" or self.city_typed_small_ending(i)
                    or self.field_of[i - 1] in ("nom", "prenom") and (self.tokens[i].text[:1].isupper() or postcode))
                    and self.is_bare_place(i)
                    and (identity_done or not self.separated_names(i))) and not self.said_not_at(i) \
                    and not self.says_a_name_again(i, self.place_at(i) or i) \
                    and not self.labelled_as_a_name(self.place_at(i) or i) and not self.in_brackets_after_a_place(i):
                end = self.place_at(i)
                self.add("localisation", i, end)
                i = end + 1
                continue
            if token.folded in PRACTITIONER_TITLES:
                i = self.practitioner(i)
                continue
            if token.folded in RESIDENCE_WORDS:
                end = self.residence(i)
                i = i + 1 if end is None else end + 1
                continue
            complaint = self.complaint_end(i) if self.symptom_end(i) is not None and not self.denied_at(i) else None
            if complaint is not None:
                self.add("symptomes", self.listed_start(i), complaint)
                i = complaint + 1
                continue
            same = self.same_birth_name_end(i)
            if same is not None:
                self.add(SAME_BIRTH_NAME, i, same)
                i = same + 1
                continue
            cue = self.cue_at(i) or self.his_birth_name_at(i)
            if cue is None and self.opens_birth_place(i):
                cue = ("lieu_naissance", 1)  # "née le 3 mars 1951 en Algérie"
            if cue is None:
                # "attendez je note euh théo marchand": what the caller says of himself opens the message too
                # "teleconsult svp pour chloé nguyen-tran": a courtesy, as a comma
                opening = all(t.folded in OPENING | _PLEASE or t.is_boundary or t.text == ":" or self.in_the_caller_s_clause(k)
                              for k, t in enumerate(self.tokens[:i])) \
                    or self.after_a_header(i) or self.opens_a_segment_with_names(i) \
                    or i > 0 and (self.field_of[i - 1] == "symptomes" or self.tokens[i - 1].text in ".;:?!") \
                    and self.born_after_names(i)  # "… théo morel né le …", "… aucun symptôme. Joaquim CARVALHO né le …",
                # "… On commence par lui : Mehmet Yilmaz, né le …"
                separated = self.separated_names(i) if not identity_done and opening else None
                if separated:
                    i = self.assign_names(separated)
                    identity_done = True
                    continue
                if not identity_done and (self.starts_name(i) and opening and self.ends_cleanly(units := self.name_units(i, 4))
                                          and self.names_stand_alone(i) and not self.names_a_thing(i)
                                          and self.holds_a_given_name(units)
                                          and not self.town_and_its_quarter_at(i)
                                          or self.written_as_identity(i)):
                    j = self.identity(i)
                    identity_done = True
                    own = self.past_own_birth_name(j)  # "Hélène Kowalczyk née Vasseur, j'appelle pour mon mari …"
                    if self.says_who_calls(i, own):  # "je suis Sylvie Marchetti, … pour ma maman Giovanna …"
                        caller, identity_done, j = (i, own - 1), False, own
                    i = j
                    continue
                if not identity_done and opening and (named := self.named_by_its_remark(i)):
                    self.add(named, i, i)  # "Marie-Claire prénom composé avec un tiret": what the name is, said after it
                    identity_done = True
                elif not identity_done and (opening and self.child_named_by_age(i)  # "Jade 6 ans fièvre"
                                            or self.first_name_alone_born(i)):
                    self.add("prenom", i, i)
                    identity_done = True
                elif weak_identity and (self.tokens[i - 1].text == "," or self.spells_the_surname_read(i - 1)) \
                        and self.first_name_alone_at(i, caller):
                    # "Mme Schmitt née Benhaddou, Fatima-Zahra, 03/10/1983": set apart; "madame le goff alors L E en
                    # deux mots G O deux F marie-thérèse": after the surname's spelling
                    self.add("prenom", i, i)
                    weak_identity = False
                i += 1
                continue
            field, size = cue
            header = self.header_end(i, cue)
            if header is not None:
                i, identity_done = header, True
                continue
            words = tuple(t.folded for t in self.tokens[i:i + size])
            if words == ("famille",) and not (i + 1 < len(self.tokens) and self.tokens[i + 1].text[:1].isupper()
                                              and _is_name_word(self.tokens[i + 1])):
                i += 1  # "en famille d'accueil", "la famille est joignable": no surname said
                continue
            if field == "symptomes" and size > 1 and words[-1] == "a" and self.tokens[i + size - 1].text == "à":
                i += size - 1  # "la maman est avec elle à Roubaix": the preposition, not "elle a"
                continue
            if words == ("a",) and self.tokens[i].text == "a" and i > 0 and (
                    self.tokens[i - 1].folded in _SUBJECT_OF_HAS
                    or i + 1 < len(self.tokens) and self.past_participle(i + 1) and not self.town_at(i + 1)):
                i += 1  # "il a eu un malaise", "…, a eu du Doliprane": the verb, not the preposition of "à Eu"
                continue
            if field in PLACE_FIELDS and i > 0 and self.tokens[i - 1].folded in ("pas", "plus") \
                    and words[0] not in _SUBJECTS:  # not "ça saigne plus il est à Millau": a new sentence
                i += size  # "pas à Paris", "n'habite plus à Lyon", "pas née à Paris": where the patient is not
                continue
            # "née le 17/01/1994 à Rennes": the place attaches to "née"; not a town and its quarter ("né le 12 janv.
            # 1963, à Toulouse quartier Saint-Cyprien"): where one lives, no birth place, is said so closely
            if field == "localisation" and size == 1 and self.opens_birth_place(i) \
                    and not self.town_and_its_quarter_at(self.skip_colons(i + size)):
                field = "lieu_naissance"
            if field in PLACE_FIELDS:
                field = self.place_taken_back_before(i) or field  # "née à Brest non pardon à Quimper"
            if field == "symptomes" and words[0] in _COMPLAINT_LABELS and i > 0 \
                    and self.tokens[i - 1].folded in _DENYING | _SAME | {"memes"}:
                # "aucun symptôme. Joaquim CARVALHO né le …": no label of a complaint; "même symptômes depuis hier":
                # the last patient's, for which the actions keep it
                i += size
                continue
            j = self.skip_colons(i + size)
            if words in _PARENT_S_NAME | _TWO_NAMES and j < len(self.tokens) and self.tokens[j].text == ",":
                j += 1  # "elle porte le nom de sa maman, Lefèvre"
            if field in NAME_FIELDS and j + 1 < len(self.tokens) and self.tokens[j].folded in ("attendez", "attends"):
                j += 1  # "elle est née euh attendez joseph": the name after the pause
            if field in NAME_FIELDS and (whose := self.whose_name_at(j)) is not None:
                j = whose  # "Nom de l'enfant : MANSOURI GARCIA": whose name the label asks, then the name
            if field == "symptomes" and (not identity_done and words == ("pour",) or self.person_noun_at(j)
                                         or (self.cue_at(j) or ("",))[0] == "nom"  # "elle a les deux noms : …"
                                         or j < len(self.tokens) and self.tokens[j].folded in CIVILITES
                                         or self.a_patient_labelled(j) or words == ("pour",) and self.a_purpose_at(j)
                                         or self.owns_a_thing_at(words, j)
                                         or self.family_size(j + (j < len(self.tokens)
                                                                  and self.tokens[j].folded in ("aussi", "egalement")))):
                i += size  # "elle a aussi son fils noa N O A marchand né le …": a relative, no complaint
                continue
            labelled = field in ("nom", "prenom") and i > 1 and self.tokens[i - 2].folded == "c'est" \
                and self.tokens[i - 1].folded in ("le", "son", "sa", "mon")  # "dupont c'est son nom": said before it
            end = self.labelled_after(field, i) if labelled else None
            read_before = len(self.spans)
            if end is None:
                end = self.field_value(field, words, j)
            if end is None and field in ("nom", "prenom", "nom_naissance") and not labelled and words != ("nee",):
                # "Kerhervé, son nom de jeune fille"; not "Samira, née le 15 avril": "née" then says when
                end = self.labelled_after(field, i)
            if end is None:
                i += 1
                continue
            if field == "nom_naissance":
                end = self.given_after_an_aside(i, end)
            if field in ("nom", "prenom", "nom_naissance", "epouse") and len(self.spans) > read_before:
                identity_done = True  # not "Prénom Khadija non pardon ça c'est la belle-sœur": none said
            i = end + 1
        if not any(span.field == "symptomes" for span in self.spans):
            self.known_condition_as_complaint()
        if not any(span.field == "symptomes" for span in self.spans):
            self.unexplained_segment()
        self.complaints_listed_beside()
        self.prefer_known_complaints()
        if caller:
            self.set_caller_apart(*caller)
            self.surname_of_the_caller(*caller)
        self.drop_places_taken_back()
        self.imply_the_civility()
        return self.spans

    def imply_the_civility(self) -> None:
        """The gender the words said of the named patient agree with ("née", "pour son fils", "une dame"), as their
        civility over their names, unless their first name is a well-known one of the other gender."""
        named = [s for s in self.spans if s.field in ("prenom", "nom")]
        if not named and (described := self.described_unnamed()) is not None:
            first, last, gender = described
            self.spans.append(Span(IMPLIED_CIVILITY, self.tokens[first].start, self.tokens[last].end,
                                   "Madame" if gender == "f" else "Monsieur"))
            return
        if self.gender is None or not named:
            return
        given = next((s for s in named if s.field == "prenom"), None)
        if given is not None:
            words = key(self.text[given.start:given.end]).replace("-", " ").split()
            said = first_name_genders().get(words[0], "?") if words else "?"
            if said not in ("?", self.gender) and first_name_scores().get(words[0], 0) >= _GENDER_TRUSTED:
                return  # "je suis sa fille, pour Jacques Roux": the gender of whoever else was spoken of
        self.spans.append(Span(IMPLIED_CIVILITY, min(s.start for s in named), max(s.end for s in named),
                               "Madame" if self.gender == "f" else "Monsieur"))

    def described_unnamed(self) -> tuple[int, int, str] | None:
        """(first, last token, gender) of whom the request is for, described without their names: "pour un jeune
        homme à Cayenne", "pour une petite de quatre ans", "c'est pour sa mère", "j'ai une dame polonaise qui …"
        (named in the answers to come)."""
        for k, token in enumerate(self.tokens[:-1]):
            if token.folded != "pour" and not (token.folded == "j'ai" and self.tokens[k + 1].folded in ("un", "une")):
                continue  # "j'ai une dame polonaise qui …"; not "j'ai sa fille au téléphone" (who calls)
            article = self.tokens[k + 1].folded in _DETERMINERS | _POSSESSIVES | {"mon", "ma", "leur"}
            j = k + 1 + article
            person = self.person_noun_at(j) if j < len(self.tokens) else None
            if person and person[1]:
                return j, j + person[0] - 1, person[1]
            word = self.tokens[j].folded if j < len(self.tokens) else ""
            if article and word in CIVILITES:  # "j'ai un monsieur de 80 ans qui tousse"
                return j, j, _GENDER_OF_CIVILITE[word]
            little = word in _LITTLE and (self.skip_age(j + 1) > j + 1 or j + 1 == len(self.tokens)
                                          or self.tokens[j + 1].is_boundary)  # not "pour un petit bouton"
            # "pour sa mère"; not "c'est plus pratique pour la maman" (a relative spoken of, not whom it is for)
            if word in _FAMILY and self.tokens[j - 1].folded not in ("le", "la", "l'") or little:
                return j, j, _FAMILY.get(word) or _LITTLE[word]
        return None

    def surname_of_the_caller(self, first: int, last: int) -> None:
        """"Le papa, M. Kevin Hoarau, appelle pour sa fille Maëlys, … elle porte son nom à lui": the patient bears
        the surname of the parent who calls, said with their names."""
        if any(s.field == "nom" for s in self.spans) or not _BEARS_THE_CALLER_S_NAME.search(self.folded):
            return
        named = [k for k in range(first, last + 1) if _is_name_word(self.tokens[k]) and self.tokens[k].text[:1].isupper()]
        if named and any(s.field == CALLER for s in self.spans):
            self.add("nom", named[-1], named[-1])

    def prefer_known_complaints(self) -> None:
        """A complaint read from words the reader does not know ("il a des stents", "il a de la tension") gives way
        to one it knows said later ("… depuis dimanche il a des palpitations")."""
        complaints = [s for s in self.spans if s.field == "symptomes"]
        # "elle pense avoir une sinusite, elle a mal au visage": what the patient feels, not what they think it is
        guessed = [s for s in complaints[:-1] if _GUESSED.search(fold(self.text[max(0, s.start - 30):s.start]))]
        self.spans = [s for s in self.spans if s not in guessed]
        complaints = [s for s in complaints if s not in guessed]
        known = [s for s in complaints if any(self.symptom_end(k) is not None for k in [  # "petites pertes"
            k for k, t in enumerate(self.tokens) if s.start < t.end and t.start < s.end][:3])]
        if known and complaints[0] not in known:
            self.spans = [s for s in self.spans if s.field != "symptomes" or s.start >= known[0].start]

    def given_after_an_aside(self, cue: int, end: int) -> int:
        """Last token read once the birth name, set in brackets between the names, is read ("Mme Ferrand (née
        Aubert) Claire"): the first name that follows the bracket, when none was read yet."""
        after = end + 1
        if not (cue > 0 and self.tokens[cue - 1].text == "(" and after + 1 < len(self.tokens)
                and self.tokens[after].text == ")") or any(s.field == "prenom" for s in self.spans):
            return end
        units = self.name_units(after + 1, 1)
        if not units or not self.ends_cleanly(units):
            return end
        self.add("prenom", *units[0])
        return units[0][1]

    def a_purpose_at(self, j: int) -> bool:
        """"à Tours pour mes études", "pour son travail": what the patient is there for, no complaint."""
        return j + 1 < len(self.tokens) and self.tokens[j].folded in _POSSESSIVES | _THEIR \
            and not names_a_complaint(" ".join(t.folded for t in self.tokens[j + 1:j + 4]))

    def a_patient_labelled(self, j: int) -> bool:
        """"pt", "un pt" at j: the patient, as notes write it ("rdv mg pr un pt svp"), no complaint."""
        j += j < len(self.tokens) and self.tokens[j].folded in ("un", "une")
        return j < len(self.tokens) and self.tokens[j].folded in _PATIENT_LABELS

    def labelled_as_a_name(self, last: int) -> bool:
        """The words ending at `last` are a name its label follows ("Bonnet, c'est son nom de jeune fille"), though
        a commune has it."""
        k = last + 1
        k += k < len(self.tokens) and self.tokens[k].text == ","
        k += k < len(self.tokens) and self.tokens[k].folded == "c'est"
        cue = self.cue_at(k + 1) if k < len(self.tokens) and self.tokens[k].folded in ("son", "sa", "le") else None
        return cue is not None and cue[0] in ("nom", "prenom", "nom_naissance")

    def place_taken_back_before(self, i: int) -> str | None:
        """The field of a place said just before token i and taken back there ("à Lille non pardon")."""
        before = [s for s in self.spans if s.field in PLACE_FIELDS and s.end <= self.tokens[i].start]
        last = max(before, key=lambda s: s.end, default=None)
        return last.field if last and TAKEN_BACK.fullmatch(fold(self.text[last.end:self.tokens[i].start])) else None

    def drop_places_taken_back(self) -> None:
        """A place said, then taken back by the next one ("il habite à Lille non pardon à Tourcoing"); where the
        patient lives, then where they are now ("habite à Niort mais là il est chez sa fille à La Rochelle", "vit à
        Metz, elle est à Nancy en ce moment"): the search is for where they are."""
        places = sorted((s for s in self.spans if s.field in PLACE_FIELDS), key=lambda s: s.start)
        dropped = [a for a, b in zip(places, places[1:], strict=False)
                   if a.field == b.field and TAKEN_BACK.fullmatch(fold(self.text[a.end:b.start]))]
        # a birth place said between them changes nothing ("habite à Gand, né à Bruges, là il est à Font-Romeu")
        located = [p for p in places if p.field == "localisation"]
        for a, b in zip(located, located[1:], strict=False):
            between = self.text[a.end:b.start].lower()
            if _AWAY.search(fold(self.text[max(0, a.start - 30):a.start])) and _HOME_BEFORE.search(fold(between)):
                dropped.append(b)  # "en déplacement à Biarritz mais il habite à Lille": the stay first, then the home
            elif _NOW_BETWEEN.search(between) or _NOW_AFTER.match(fold(self.text[b.end:])):
                dropped.append(a)
        # Each in turn gives way to the other places said, when one is left, by what is said right before it:
        # - "il est à l'internat à Mende … sa mère appelle de Montpellier": where the call comes from, first;
        # - "habite normalement Parthenay": where the patient usually lives, not where they are said to be;
        # - "infirmière libérale à Mâcon, …", "va à l'école de Brioude, vit à Lempdes", "son MT (Dr Weber,
        #   Illkirch)", "son cardiologue il est à Brest": where the caller or a doctor works, where a pupil studies;
        # - "je suis à Nancy, c'est pour mon père … chez lui à Lunéville": where the one who calls for another is.
        said_before = {p: fold(self.text[max(0, p.start - 40):p.start]) for p in located}
        for gives_way in (lambda before: bool(_CALLED_FROM.search(before)), _usually_said_of,
                          lambda before: bool(_WORKS_AT.search(before)) or _of_a_practice(before),
                          lambda before: bool(_CALLER_IS_AT.search(before)) and self.calls_for_another()):
            here = [p for p in located if p not in dropped]
            theirs = [p for p in here if gives_way(said_before[p])]
            # all of them: the last said stays ("la pharmacie des Halles (Lannion)": its name, then its town)
            dropped += theirs if len(theirs) < len(here) else theirs[:-1]
        # "pour son papa à Mayotte : … Il habite Koungou": a département or an island alone gives way to a commune
        here = [p for p in located if p not in dropped]
        regions = [p for p in here if key(self.text_of(p)) in region_names() - commune_names()]
        dropped += regions if len(regions) < len(here) else []
        self.spans = [s for s in self.spans if s not in dropped]

    def calls_for_another(self) -> bool:
        """The call is for a relative of the caller's ("pour mon père", "au sujet de ma fille") or for someone they
        look after ("pour une résidente", "j'ai un élève"); "c'est ma femme qui l'a remarqué" is no such call."""
        return any(self.tokens[i].folded in ("pour", "concernant", "de") and self.family_of_the_caller_at(i + 1)
                   or self.tokens[i].folded in ("pour", "ai", "avons") and i + 2 < len(self.tokens)
                   and self.tokens[i + 1].folded in ("un", "une", "le", "la") and self.person_noun_at(i + 2) is not None
                   for i in range(len(self.tokens) - 1))

    def says_again_whole(self, first: int) -> bool:
        """The names from token `first` hold the lone name read before, with another one ("Odette Lacoste", "Da Silva
        Timéo")."""
        units = self.name_units(first, 4)
        # "germaine aubrun A U B R U N": a name and its spelling say it once
        said = {key(self.text_of_unit((a, b - 1) if self.spelled((a, b)) else (a, b))) for a, b in units}
        return len(units) >= 2 and any(key(self.text_of(s)) in said for s in self.spans if s.field in ("nom", "prenom"))

    def says_again(self, civility: int) -> bool:
        """The names after the civility at `civility` say the lone name read again with a first name ("M. et Mme
        Lopez : … Mme Isabel Lopez"), not someone else's ("Mme Durand …, sa voisine Mme Paule Roux")."""
        return self.says_again_whole(self.after_civility(civility))

    def after_civility(self, civility: int) -> int:
        """The token after the civility at `civility`, its dot and a colon ("M. : Roux")."""
        dot = civility + 1 < len(self.tokens) and self.tokens[civility + 1].text == "."
        return self.skip_colons(civility + 1 + dot)

    def calls(self, civility: int, after: int) -> bool:
        """The civility at `civility` and the names before token `after` are those of who calls ("je suis Mme
        Roux", "Appel de M. Dupuy", "Mme Roux appelle")."""
        before = _without_apposed_kin([t.folded for t in self.tokens[:self.caller_start(civility)] if t.text != ":"])
        # "Mme Roux appelle", "… qui appelle", "c'est madame Lebrun je vous appelle pour mon mari"
        said_after = [t.folded for t in self.tokens[after:after + 3]]
        if self.named_as_whose_kin(civility):
            return False  # "j'ai le fils de Mme Lacoste en ligne", "… qui appelle pour sa mère": the son calls
        # "j'ai M. Roux en ligne", "… au bout du fil pour sa femme"
        line = self.phrase_at(after, _ON_THE_PHONE)
        on_the_line = line > 0
        said_after = [t.folded for t in self.tokens[after + line:after + line + 3]] if on_the_line else said_after
        calling = on_the_line or bool(said_after) and (
            said_after[0] in _CALLING or said_after[0] in ("qui", "il", "elle") and said_after[1:2]
            and said_after[1].removeprefix("m'") in _CALLING  # "… madame Delmas qui m'appelle pour une résidente"
            or said_after[0] == "je" and any(w in _CALLING for w in said_after[1:3]))
        named_calling = self.named_after_the_call(self.caller_start(civility))
        # "(infirmière Mme Roux) : résident M. …": a carer named before the patient; "voisine au tel (Mme Josiane
        # Delpech, 06 …) pour M. …": named in brackets after what she is (not "pour sa fille (Mlle …)")
        carer = self.tokens[civility - 1].folded in _CARERS | {"l'infirmiere", "l'infirmier"} if civility else False
        carer |= before[-1:] == ["("] and bool(set(before[-5:-1]) & (_KIN | _CARERS)) \
            and not set(before[-6:-1]) & {"pour", "concernant", "mon", "ma", "mes", "notre", "nos"}
        # "Papa au bout du fil, M. Nguyen. Sa fille Linh …": the relative opening the note, on the line, then named
        line = self.phrase_at(1, _ON_THE_LINE) if self.tokens[0].folded in _KIN else 0
        opening_kin = line > 0 and all(t.text in ",:" for t in self.tokens[1 + line:civility])
        return calling or named_calling or carer or opening_kin or self.for_a_relative(after) \
            or self.apposed_kin_at(after) or any(
            tuple(before[-len(words):]) == words for words in _CALLER_BEFORE)

    def spells_the_surname_read(self, k: int) -> bool:
        """Token k spells the surname read before ("le goff … LEGOFF")."""
        return k >= 0 and _is_capitals([self.tokens[k]]) and any(
            key(self.text_of(s)).replace(" ", "") == key(self.tokens[k].text) for s in self.spans if s.field == "nom")

    def first_name_alone_at(self, k: int, caller: tuple[int, int] | None) -> bool:
        """A lone first name at k, a surname read and no first name yet (the caller's aside): the patient's first
        name."""
        units = self.name_units(k, 2)
        if not (len(units) == 1 and units[0][0] == units[0][1] == k and self.ends_cleanly(units)):
            return False
        outside = caller and (self.tokens[caller[0]].start, self.tokens[caller[1]].end)
        fields = {s.field for s in self.spans if not (outside and outside[0] <= s.start < outside[1])}
        return "nom" in fields and "prenom" not in fields \
            and _first_name_score(self.tokens[k:k + 1], None) > _surname_score(self.tokens[k:k + 1])

    def named_as_whose_kin(self, first: int) -> bool:
        """The names (or their civility) from `first` follow "le fils de", "la fille du": they are of the one whose
        relative calls, never the caller's."""
        k = first - (first > 0 and self.tokens[first - 1].folded in CIVILITES)
        return k >= 2 and self.tokens[k - 1].folded in ("de", "du") \
            and (self.tokens[k - 2].folded in RELATIVES or self.tokens[k - 2].folded in _FAMILY)

    def past_own_birth_name(self, k: int) -> int:
        """Past the birth name said right after the names ending before k ("Hélène Kowalczyk née Vasseur", "Hugo Roux, nom
        de naissance Roux"), else k."""
        unit = self.birth_name_said_at(k)
        return unit[1] + 1 if unit else k

    def birth_name_said_at(self, k: int) -> tuple[int, int] | None:
        """The name unit of the birth name labelled at k ("née Vasseur", "nom de naissance Roux", "NDN pareil Yilmaz")."""
        cue = self.cue_at(k) if k < len(self.tokens) else None
        if not cue or cue[0] != "nom_naissance":
            return None
        value = self.skip_colons(k + cue[1])
        value += value < len(self.tokens) and self.tokens[value].folded in vocabulary.AS_WELL  # "… pareil Yilmaz"
        units = self.name_units(value, 1)
        return units[0] if units else None

    def says_who_calls(self, first: int, after: int) -> bool:
        """The names from token `first` to before `after` are said by who calls of themselves ("je suis Sylvie
        Marchetti", "moi c'est Alain Tessier, le voisin", "Ici Mathieu, SAS 25"): the patient's if no one else is
        named after."""
        # last, "Hélène Caron au bout du fil, 06 …, c'est pour sa mère": on the line, for someone else
        return self.speaks_of_themselves(first) or first > 0 and self.tokens[first - 1].folded == "ici" \
            or self.kin_apposed_before(first) or self.named_after_the_call(first) or self.apposed_kin_at(after) \
            or self.for_a_relative(after) or self.past_the_line(after) > after and self.calls_for_another() \
            and self.tokens[after].folded not in vocabulary.AS_WELL  # "inès fontaine pareil …": the name as before

    def past_masked(self, k: int, marks: str) -> int:
        """Past these punctuation marks and the fields read before, blanked out (a phone said between)."""
        while k < len(self.tokens) and (self.tokens[k].text in marks or set(self.tokens[k].text) == {BOUNDARY}):
            k += 1
        return k

    def apposed_kin_at(self, k: int) -> bool:
        """"M. Tessier Alain, le voisin", "Sylvie Marchetti la fille de la patiente": the names said are those of a
        relative or a carer (with "le", "la": a "sa fille" after them would be the patient's, someone else)."""
        k = self.past_masked(k, ",")  # "M. Girard Thierry, 06 …, je suis …"
        k += k < len(self.tokens) and self.tokens[k].folded == "c'est"  # "Mme Roux Christine c'est la fille du patient"
        k += 2 * ([t.folded for t in self.tokens[k:k + 2]] == ["je", "suis"])  # "…, je suis le voisin de Mme Lambert"
        words = [t.folded for t in self.tokens[k:k + 2]]
        # "(Mme Colas, pharmacienne)": who calls, named in an aside; "Sandrine Roux, infirmière à l'EHPAD … c'est pour
        # un résident": her trade, the call for someone else (a patient may be a nurse herself)
        return len(words) == 2 and (words[0] in ("le", "la", "l'") and words[1] in _KIN
                                    or words[0] in _CARERS and (words[1] == ")" or self.calls_for_another()))

    def child_named_by_age(self, i: int) -> bool:
        """A first name alone, then an age, opening the message: how a child is named ("Jade 6 ans, fièvre"), not
        a surname ("Durand 45 ans")."""
        word = self.tokens[i:i + 1]
        return i + 2 < len(self.tokens) and _is_name_word(word[0]) and not self.taken[i] \
            and self.tokens[i + 1].is_number and self.tokens[i + 2].folded in ("ans", "an", "mois") \
            and _first_name_score(word, None) >= 2 and self.a_child_s_age(i + 1)  # "Durand 45 ans": an adult's name

    def first_name_alone_born(self, i: int) -> bool:
        """A first name alone opening a sentence or a segment, then when they were born ("… depuis hier. Ibrahima, né
        le 19/07/2024, même nom que le papa"): the next child of a family, the surname said to be the same; not a
        surname ("Durand, né le …")."""
        word = self.tokens[i:i + 1]
        return i > 0 and self.tokens[i - 1].text in ".,;:?!" and self.name_units(i, 2) == [(i, i)] \
            and _first_name_score(word, None) >= 2 and _first_name_score(word, None) > _surname_score(word) \
            and (self.born_after_names(i) or self.aged_then_born(i + 1))

    def aged_then_born(self, k: int) -> bool:
        """From token k, an age, then the birth date ("Inès, 9 ans, née le 27/01/2017")."""
        after = self.skip_age(k)
        aged = any(t.folded in ("ans", "an", "mois") for t in self.tokens[k:after])
        while after < len(self.tokens) and self.tokens[after].folded in (",", "ne", "nee", "le"):
            after += 1
        return aged and after < len(self.tokens) and self.tokens[after].text == BIRTH_DATE

    def a_child_s_age(self, k: int) -> bool:
        """Tokens k, k+1 say an age under 18 ("6 ans", "18 mois")."""
        number, unit = self.tokens[k].text, self.tokens[k + 1].folded
        return unit == "mois" or number.isdigit() and int(number) < 18

    def patient_spoken_of_before(self, i: int) -> bool:
        """ "fixe du patient 05 … (la voisine Mme Faure au 06 …)": the patient is spoken of as someone else before i,
        so a relative named there is not the patient."""
        return re.search(r"\b(?:du|de la|de l') ?patiente?\b", self.folded[:self.tokens[i].start]) is not None

    def relative_named(self, civility: int) -> bool:
        """A relative's word right before the civility at `civility` ("maman Mme Sarah Benoit", "sa fille Mme
        Roy"): the names are that relative's, given as the contact; not after "pour", "mon", "ma" or before "de"
        ("pour sa mère Mme Jeanne Martin", "mon père monsieur André Lambert", "la fille de Mme Renaud")."""
        k = civility - 1
        if k < 0 or self.tokens[k].folded not in _KIN:
            return False
        if any(self.family_of_who_calls_at(j) for j in range(max(0, k - 2), k)):
            return False  # "la fille de la patiente appelle : sa maman Mme Lucienne Hoarau": the caller's kin, the patient
        before = [t.folded for t in self.tokens[max(0, k - 3):k]]  # three: "pour sa grand mère Mme …"
        # "mon père monsieur André Lambert": the caller's relative is the patient; "une jeune fille mademoiselle
        # Clara Meunier": a girl, no one's daughter
        return not {"pour", "concernant", "mon", "ma", "mes", "notre", "nos", "un", "une", "jeune"} & set(before)

    def to_be_reached(self, civility: int) -> bool:
        """The civility at `civility` names whom to call ("joindre la fille Mme Gautier au 06 …", "appelez son fils
        M. Roux"): the object of a verb of calling is a contact, not the patient ("j'appelle pour Mme Roux" is)."""
        k = civility - 1
        if k > 0 and self.tokens[k].folded in _KIN:
            k -= 1 + (self.tokens[k - 1].folded in _POSSESSIVES | _DEFINITE)
        return k >= 0 and self.tokens[k].folded in _TO_REACH

    def acts_on_someone(self, civility: int) -> bool:
        """The names after the civility at `civility` are followed by a pronoun and its verb ("son fils M. Paulo
        Ferreira l'accompagnera", "Mme Roux la conduira"): one who acts on the patient, a contact, not the patient."""
        units = self.name_units(self.after_civility(civility), 4)
        after = units[-1][1] + 1 if units else len(self.tokens)
        return after < len(self.tokens) and opens_with_a_verb_on_someone(self.text[self.tokens[after].start:])

    def closing_bracket(self, k: int) -> int | None:
        """The ")" closing the bracket opened at k around a name or two ("(Ana)", "(Jean-Paul Roux)")."""
        return next((c for c in range(k + 2, min(k + 5, len(self.tokens))) if self.tokens[c].text == ")"), None)

    def relative_calling_at(self, i: int) -> bool:
        """The relative at i calls for the patient ("Appel de la fille (Nathalie)", "c'est son fils Karim qui
        appelle"): the names said right after are theirs."""
        if self.tokens[i].folded not in _KIN \
                or i + 1 < len(self.tokens) and self.tokens[i + 1].folded in (":", "de", "du", "d'", "d"):
            return False  # "Appel de la fille : BERTHIER Monique", "la maman de Noah Girard": the patient named
        before = [t.folded for t in self.tokens[max(0, i - 3):i] if t.folded not in _POSSESSIVES | _DEFINITE]
        if before[-2:] in (["appel", "de"], ["appel", "du"], ["part", "de"], ["part", "du"]):
            return True
        units = self.name_units(self.skip_colons(i + 1), 2)
        after = [t.folded for t in self.tokens[units[-1][1] + 1:units[-1][1] + 4]] if units else []
        return after[:1] in (["qui"], [")"]) and any(w in _CALLING for w in after[:3])

    def names_after_a_description(self, civility: int, k: int) -> int | None:
        """A civility word as a noun ("le monsieur", "une dame"), a few words said of the person, a comma, then
        capitalized names: the token where the names start."""
        if civility == 0 or self.tokens[civility - 1].folded not in ("le", "la", "un", "une", "ce", "cette"):
            return None
        comma = next((c for c in range(k, min(k + 4, len(self.tokens))) if self.tokens[c].text == ","), None)
        return comma + 1 if comma is not None and self.capitalized_names_at(comma + 1) else None

    def past_contact(self, k: int) -> int:
        """Past punctuation, the fields read before (blanked out) and the words labelling a number among them:
        ", 06 …,", "(06 …)", ", son numéro 06 …,"."""
        k = self.past_masked(k, ",)")
        label = k
        while label < len(self.tokens) and self.tokens[label].folded in _NUMBER_LABELS:
            label += 1
        masked = label > k and label < len(self.tokens) and set(self.tokens[label].text) == {BOUNDARY}
        return self.past_masked(label, ",)") if masked else k

    def for_a_relative(self, k: int) -> bool:
        """"pour leur fille", "pour sa mère" at k: the names before are those of who asks for them."""
        # "Mme Sandrine Girard, pour son fils", "(Mme Fontaine Aurélie 06 58 41 27 93) pour son fils": past her number;
        # "Sandrine Lemaire, 06 …, elle appelle pour sa mère": the subject of the call
        k = self.past_contact(k)
        k += k + 1 < len(self.tokens) and self.tokens[k].folded in ("il", "elle", "qui") \
            and self.tokens[k + 1].folded in _CALLING
        k += k < len(self.tokens) and self.tokens[k].folded in _CALLING | {"j'appelle", "c'est", "c"}  # "X, j'appelle
        # pour ma femme", "je suis le papa, Ibrahim Traoré, c pour ma fille Aïcha" (« c » as « c'est », texted)
        if [t.folded for t in self.tokens[k:k + 2]] in (["je", "vous"], ["je", "te"]) and k + 2 < len(self.tokens) \
                and self.tokens[k + 2].folded in _CALLING:
            k += 3  # "Thomas Mercier, je vous appelle pour mon père …"
        # "pour ses deux enfants": how many, before who
        noun = k + 2 + (k + 2 < len(self.tokens) and (self.tokens[k + 2].is_number
                                                      or is_said_number(self.tokens[k + 2].folded)))
        words = [t.folded for t in self.tokens[k:k + 2]]
        if words[:1] == ["pour"] and words[1:] in (["un"], ["une"]):  # "…, Mme Aurélie Masson, pour une résidente :"
            return self.person_noun_at(k + 2) is not None
        return noun < len(self.tokens) and words == ["pour", words[1]] and words[1] in _POSSESSIVES | _THEIR and (
            self.tokens[noun].folded.removesuffix("s") in RELATIVES | _KIN | _CHILDREN or self.person_noun_at(noun) is not None)

    def caller_start(self, civility: int) -> int:
        """First token of the caller's civilities: "M. et Mme Olivier" starts at "M."."""
        k = civility
        while k >= 2 and self.tokens[k - 1].folded == "et" and (
                self.tokens[k - 2].folded in CIVILITES or self.tokens[k - 2].text == "." and k >= 3
                and self.tokens[k - 3].folded in CIVILITES):
            k -= 2 if self.tokens[k - 2].folded in CIVILITES else 3
        return k

    def kin_apposed_before(self, first: int) -> bool:
        """The names from `first` follow a relative or a carer they are set beside ("on met celui de la voisine, Mme
        Lopes : 06 …"): theirs, never the patient's."""
        words = [t.folded for t in self.tokens[max(0, first - 3):first]]
        return _without_apposed_kin(words)[-1:] == [_WHO_CALLS] if words else False

    def named_after_the_call(self, first: int) -> bool:
        """The names from `first` follow the verb of the call ("c'est son mari qui appelle, Gérard Lemoine", "c'est la
        voisine qui appelle, Mme Rose Ferreira")."""
        words = [t.folded for t in self.tokens[max(0, first - 3):first] if t.text not in (",", "(", ":")]
        return len(words) >= 2 and words[-1] in _CALLING and words[-2] in ("qui", "il", "elle")

    def said_as_mine(self, span: Span) -> bool:
        """The name is said by who calls as theirs ("mon prénom c'est Wilfried"): the caller is the patient."""
        before = [t.folded for t in self.tokens if t.end <= span.start][-3:]
        return "mon" in before and any(w in ("nom", "prenom") for w in before)

    def set_caller_apart(self, first: int, last: int) -> None:
        """The caller's names are no patient's when someone else is named after them; names the caller said again
        ("je suis madame Nguyen Thi Lan euh Nguyen N G U Y E N et le prénom c'est Thi Lan") say the caller is the
        patient."""
        start, end = self.tokens[first].start, self.tokens[last].end
        mine = [s for s in self.spans if s.field in ("nom", "prenom") and start <= s.start < end]
        if not mine:
            return
        later = [s for s in self.spans if s.field in ("nom", "prenom") and s.start >= end]
        said = set(key(self.text[start:end]).split())
        theirs = [s for s in later if self.said_as_mine(s)]  # "mon prénom c'est Wilfried": the caller's own
        # no one named after: "moi c'est Mme Nguyen Thi Mai, j'appelle pour mon fils", the son is not named yet
        someone_else = not all(set(key(self.text_of(s)).split()) <= said for s in later if s not in theirs) if later \
            else self.calls_for_another() or self.kin_apposed_before(first)
        # "j'ai monsieur le gall au bout du fil … prénom erwan": a name the caller's lack, labelled, completes theirs
        # "j'ai monsieur Soilihi en ligne S O I L I H I Ibrahim": his surname said again, spelled, and his first name
        on_the_line = self.past_the_line(last + 1)
        again = on_the_line > last + 1 and on_the_line < len(self.tokens) and any(
            s.field == "nom" and key(self.text_of(s)) in said and s.start == self.tokens[on_the_line].start for s in later)
        completed = later and (again or all(s.field not in {m.field for m in mine} and self.labelled(s) for s in later)) \
            and not (self.calls_for_another() or self.kin_apposed_before(first))
        if someone_else and not completed:
            self.spans = [s for s in self.spans if s not in mine + theirs] + [Span(CALLER, start, end)]
        elif later:  # the same names said again: what the first reading gave stands
            given = {s.field for s in mine}
            self.spans = [s for s in self.spans if s not in later or s.field not in given]

    def labelled(self, span: Span) -> bool:
        """The span's value comes right after its field's label ("prénom Erwan", "son prénom c'est Erwan")."""
        k = self.tokens_of(span)[0]
        return any(self.cue_at(k - n) == (span.field, n) for n in range(1, min(k, _LONGEST_CUE) + 1))

    def field_value(self, field: str, cue: tuple[str, ...], j: int) -> int | None:
        if j >= len(self.tokens) or self.taken[j]:
            return None
        if field in ("nom", "prenom", "nom_naissance", "epouse"):
            units = self.name_units(j, 2)
            if not units:
                return None
            instead = self.said_instead(units[0][1])
            if instead is not None and self.name_units(instead, 1):
                return self.field_value(field, cue, instead)  # "nom de naissance Da Costa non pardon Da Silva"
            if instead is not None and "pardon" in self.folded[self.tokens[units[0][1]].end:self.tokens[instead].start]:
                return units[0][1]  # "Prénom Khadija non pardon ça c'est la belle-sœur …": taken back, none said
            named = not self.first_name_cue_said() and not any(s.field == "prenom" for s in self.spans)
            if cue in _TWO_NAMES and len(units) == 2:
                units, named = [(units[0][0], units[1][1])], False
            elif field in ("nom", "nom_naissance") and len(units) == 2 and self.ends_cleanly(units) \
                    and ((field == "nom" or not named and any(s.field == "prenom" for s in self.spans))
                         and all(_is_capitals(self.tokens[a:b + 1]) for a, b in units)
                         or not named and self.first_name_labelled_at(units[1][1] + 1)):
                # "Yanis, 13 ans. Nom : MANSOURI GARCIA": his first name known; "Nom : Garcia Martinez / Prénom : …";
                # "sa fille Nadjma, nom de famille SAID ALI": the surname label, both in capitals
                units = [(units[0][0], units[1][1])]
            if field == "nom" and len(units) == 2 and named and self.spelled(units[1]) and not self.spelled(units[0]):
                self.add("prenom", *units[0])  # "mon nom c'est olivier mercier m e r c i e r": the surname is spelled
                units = units[1:]
            elif field in ("nom", "epouse", "nom_naissance") and len(units) == 2 and self.ends_cleanly(units) and named:
                self.add("prenom", *units[1])  # "Nom : DURAND Marie", "ép. LEGRAND Colette", "née GOMEZ Carmen"
            elif field in ("nom", "epouse", "nom_naissance") and len(units) == 2 and named \
                    and len(three := self.name_units(j, 3)) == 3 and self.ends_cleanly(three) \
                    and _is_capitals(self.tokens[three[0][0]:three[0][1] + 1]) \
                    and not any(_is_capitals(self.tokens[a:b + 1]) for a, b in three[1:]):
                # "Mme ROCHE née NGUYEN Thi Lan": the surname in capitals, then her given names
                self.add("prenom", three[1][0], three[2][1])
                units = units[:1]
            if field == "prenom" and len(units) == 2 and (_compound_first_name(
                    self.tokens[units[0][0]:units[1][1] + 1], listed_only=not self.ends_cleanly(units))
                    or cue[-1:] == ("prenoms",) and self.ends_cleanly(units)):
                units = [(units[0][0], units[1][1])]  # "prénom jean marc", "prénom mamadou lamine", "Prénoms : Said Abdallah"
            spelling = units[-1][1] + 1
            if len(units) == 2 and spelling < len(self.tokens) and self.spells_all(units, self.tokens[spelling]):
                # "madi abdallah M A D I et A B D A deux L A H", "prénom thi lan T H I espace L A N": one name, spelled
                units = [(units[0][0], spelling)]
            spelled_last = self.spells_each_after(units) if field != "prenom" and len(units) == 2 else None
            if spelled_last is not None:  # "née ferreira gomes F E deux R E I R A et gomes G O M E S": both hers
                units = [(units[0][0], units[1][1])]
                self.taken[units[0][1] + 1:spelled_last + 1] = [True] * (spelled_last - units[0][1])
            given = {key(self.text_of(s)) for s in self.spans if s.field == "prenom"}
            if field != "prenom" and len(units) == 2 and key(self.text_of_unit(units[0])) in given:
                units = units[1:]  # "le nom de sa mère : Inès Moreau-Dias": the first name said again, then the name
            # "nom de jeune fille PEREIRA DA SILVA": a name whose next words open with a particle is one name
            particled = next((k for k in range(1, len(units)) if self.tokens[units[k][0]].folded not in PARTICLES
                              or units[k][0] != units[k - 1][1] + 1), len(units))
            units = [(units[0][0], units[particled - 1][1])] if field != "prenom" else units[:1]
            role = {"epouse": "nom"}.get(field, field)
            if field == "epouse":  # "Marie MARTIN ép. DURAND": MARTIN was the birth name
                self.spans = [Span("nom_naissance", s.start, s.end) if s.field == "nom" else s for s in self.spans]
            if cue in _PARENT_S_NAME | _TWO_NAMES and not any(s.field == "prenom" for s in self.spans):
                # "sa fille Lou, 6 ans, qui porte le nom de son père : MARCHETTI": the lone name read was her first name
                self.spans = [Span("prenom", s.start, s.end) if s.field == "nom" else s for s in self.spans]
            self.spans = [s for s in self.spans if s.field != role]
            self.add(role, *units[0])
            return units[0][1] if spelled_last is None else spelled_last
        if field == "lieu_naissance":
            if self.tokens[j].folded in MONTH_OF and self.tokens[j - 1].folded == "en":
                return None  # "né en mars 52": a month; "né à Mars" is the commune
            end = self.place_at(j)
            country = self.country_at(j)
            if country is not None and (end is None or country > end):
                end = country  # "née en Côte d'Ivoire", "né en cote d ivoire": the country's words, whatever their case
            if end is None and _is_name_word(self.tokens[j]):
                end = j  # a town the table does not know (abroad): its capitalized words ("Tizi Ouzou")
                while end + 1 < len(self.tokens) and self.tokens[j].text[:1].isupper() \
                        and self.tokens[end + 1].text[:1].isupper() and _is_name_word(self.tokens[end + 1]):
                    end += 1
                if not self.typed:  # said aloud, its words up to where the sentence goes on ("né à tizi ouzou")
                    last = end
                    while last + 1 < len(self.tokens) and last - j < 2 and _is_name_word(self.tokens[last + 1]) \
                            and self.tokens[last + 1].folded not in _CLAUSE_STARTS | FUNCTION_WORDS \
                            and not self.taken[last + 1]:
                        last += 1
                    if last + 1 == len(self.tokens) or self.tokens[last + 1].is_boundary \
                            or self.tokens[last + 1].folded in _CLAUSE_STARTS:
                        end = last
            if end is not None:
                end = self.town_in(j, end)
            return end
        if field == "localisation":
            if self.tokens[j].folded in _ONLINE:
                return None  # "son adresse électronique", "l'adresse mail"
            j = self.past_vicinity(j)
            strong = cue[0] in _STRONG_PLACE_CUES
            end = self.to_the_commune_of_its_line(j, self.location(j, strong=strong))
            if end is not None:
                j, end = self.with_its_commune(j, end) if strong else (j, end)
                self.add(field, j, end)
            return end
        if cue[-1] == "a" and self.symptom_end(j) is None and self.tokens[j].text[:1].isupper() \
                and self.names_a_place(j):
            end = self.location(j, strong=False)  # "il est chez elle a Niort": "à" typed without its accent
            if end is not None:
                self.add("localisation", j, end)
            return end
        if len(cue) == 2 and cue[1] == "a" and self.symptom_end(j) is None and (
                self.past_participle(j) or self.tokens[j].folded in _BEFORE_A_PARTICIPLE and j + 1 < len(self.tokens)
                and self.past_participle(j + 1)):
            # "elle a glissé ce matin", "elle a toujours eu ce nom": what happened; the complaint comes after ("elle a
            # mal au genou")
            return None
        if self.tokens[j].folded in _NEGATION_ENDS | _PRONOUNS:
            return None  # "elle a pas école", "il a plus de fièvre", "c'est pour ça": nothing the patient has
        # "pour l'hiver": the article elided stays on its word
        definite = self.tokens[j].folded in _DEFINITE or self.tokens[j].folded.startswith("l'")
        j = self.past_hedges(j)
        j = self.after_determiners(j + (self.tokens[j].folded in _POSSESSIVES))
        if cue == ("pour",) and definite and self.symptom_end(j) is None:
            return None  # "est sur Toulouse pour ses études", "pour le travail": a purpose, not a complaint
        end = self.complaint_end(j) if j < len(self.tokens) else None
        if end is None or self.tokens[j].is_number or self.tokens[j].folded in _REQUESTS | _CONTACTS | _SESSIONS:
            return None  # "elle a aussi un mail : …", "il a un portable", "il a un kiné l'après-midi": when he is busy
        end = max(end, self.labelled_line_end(j))
        self.add(field, j, end)
        return end

    def labelled_after(self, field: str, i: int) -> int | None:
        """"ben youssef c'est le nom et mohamed le prénom": the name said, then its label (the cue at i); the token
        after the label, or None when no name is said right before it."""
        k = i - 1
        # "dubois-lacroix aussi c'est son nom de naissance": the name said as the other one too
        while k >= 0 and (self.tokens[k].folded in ("c'est", "le", "la", "son", "sa", "mon", "ma", "est", ",")
                          or self.tokens[k].folded in vocabulary.AS_WELL and k < i - 1) and not self.taken[k]:
            k -= 1
        k = self.before_hyphen_remark(k)  # "et jean-baptiste avec un tiret c'est le nom de famille"
        pair = self.pair_said_before(k) if field in ("nom", "prenom") and 0 <= k < i - 1 else None
        if pair is not None:  # "Théophile Rodrigue euh Rodrigue c'est le nom": the label tells the two apart
            return self.name_roles_said(pair, k, field, i)
        said_again = self.name_said_again_at(k) if field in ("nom", "prenom") and 0 <= k < i - 1 else None
        if said_again is not None:  # "monsieur Alexandre euh Alexandre c'est mon nom de famille"
            self.spans = [Span(field, s.start, s.end) if s == said_again else s for s in self.spans]
            self.field_of = [field if f and self.tokens[n].start >= said_again.start
                             and self.tokens[n].end <= said_again.end else f for n, f in enumerate(self.field_of)]
            return i
        # one name, with its particles ("ben youssef"): "il se tire l'oreille Marie-Sainte c'est son nom de naissance"
        first = k if k >= 0 and not self.taken[k] and _is_name_word(self.tokens[k]) \
            and self.tokens[k].folded not in _CLAUSE_STARTS | {"et", "alors", "donc", "oui", "bon"} else k + 1
        while first > 0 and first > k - 3 and not self.taken[first - 1] and self.tokens[first - 1].folded in PARTICLES:
            first -= 1
        first = self.name_read_again_from(first, k)
        verb = k - 1 - (k > 0 and self.tokens[k - 1].folded in _NEGATION_ENDS)  # "elle est pas mariée"
        what_she_is = verb >= 0 and self.tokens[verb].folded in _AUXILIARIES and (self.past_participle(k) or self.adjective(k))
        if what_she_is and k < i - 1 and field == "nom_naissance" and any(s.field == "nom" for s in self.spans):
            self.add(SAME_BIRTH_NAME, k + 1, i - 1)  # "Lubin … elle est pas mariée c'est son nom de naissance": hers
            return i
        label_end = i + (self.cue_at(i) or (1, 1))[1]
        ends = label_end >= len(self.tokens) or self.tokens[label_end].is_boundary  # "hoarau nom de jeune fille"
        if k < 0 or first > k or k == i - 1 and not ends or self.tokens[first].folded in PARTICLES and first == k \
                or what_she_is \
                or k > 0 and (self.tokens[k - 1].is_number or self.tokens[k - 1].folded in _SUBJECT_PRONOUNS | _SUBJECTS):
            # "elle a gardé son nom": what was done with the name; "8 mois, née le …": an age; "je vous donne le
            # nom", "il porte le nom du papa": a verb; no name
            return None
        if first == k and k > 0 and _is_capitals([self.tokens[k]]) and not _is_capitals([self.tokens[k - 1]]):
            # "et zébina Z E B I N A c'est le nom": the name said, then spelled; the accents are said; "le goff en deux
            # mots L E G O F F": its words said
            first = next((j for j in range(max(0, k - 3), k) if not self.taken[j] and key(" ".join(
                t.text for t in self.tokens[j:k])).replace(" ", "") == key(self.tokens[k].text).replace(" ", "")), k)
        said = key(" ".join(t.text for t in self.tokens[first:k + 1]))
        if field == "nom" and any(s.field == "nom_naissance" and key(self.text_of(s)) == said for s in self.spans):
            return i  # "née Marie, oui Marie c'est son nom de famille": the birth name said to be a surname
        self.spans = [s for s in self.spans if s.field != field]
        self.add(field, first, k)
        return i

    def pair_said_before(self, k: int) -> tuple[int, int] | None:
        """(the name at k said first, the name said beside it), when the name at k says again one of two names said
        together just before ("Lucas Vincent alors Lucas c'est le prénom")."""
        said = key(self.tokens[k].text)
        if k > 0 and self.tokens[k - 1].folded in PARTICLES:
            return None  # a name of several words ("ben youssef") is read as its units are
        for q in range(k - 1, max(-1, k - 8), -1):
            if key(self.tokens[q].text) != said or not _is_name_word(self.tokens[q]):
                continue
            for other in (q + 1, q - 1):
                around = self.tokens[max(0, min(q, other) - 1):max(q, other) + 2]
                if 0 <= other < k and _is_name_word(self.tokens[other]) and key(self.tokens[other].text) != said \
                        and self.tokens[other].folded not in _NOT_NAMES and not any(t.folded in PARTICLES for t in around):
                    return q, other
            return None
        return None

    def name_read_again_from(self, first: int, k: int) -> int:
        """The first token of the words ending at k that say a name read before again, whole ("João Ferreira da Silva,
        Ferreira da Silva c'est le nom"); `first` when they do not."""
        read = {key(self.text[s.start:s.end]) for s in self.spans if s.field in ("nom", "prenom")}
        return next((j for j in range(max(0, k - 5), first) if not any(self.taken[j:k + 1])
                     and key(" ".join(t.text for t in self.tokens[j:k + 1])) in read), first)

    def name_said_again_at(self, k: int) -> Span | None:
        """The name read at k when it is that one word, or that word said twice in a row ("Alexandre Alexandre")."""
        said = key(self.tokens[k].text)
        return next((s for s in self.spans if s.field in ("nom", "prenom") and s.start <= self.tokens[k].start < s.end
                     and set(key(self.text[s.start:s.end]).split()) == {said}), None)

    def name_roles_said(self, pair: tuple[int, int], k: int, field: str, i: int) -> int:
        """The name at pair[0] (said again at k) is `field`, the one beside it the other of first name and surname."""
        first, last = min(*pair, k), max(*pair, k)
        self.spans = [s for s in self.spans if s.field not in ("nom", "prenom")
                      or s.end <= self.tokens[first].start or s.start >= self.tokens[last].end]
        self.add(field, pair[0], pair[0])
        self.add("prenom" if field == "nom" else "nom", pair[1], pair[1])
        self.taken[k] = True
        return i

    def run_to_line_end(self, j: int, ends: tuple[str, ...] = ("\n",)) -> int:
        """Last token from j before the end of its line (or column) or a field already read."""
        end = j
        while end + 1 < len(self.tokens) and self.tokens[end + 1].text not in ends and not self.taken[end + 1]:
            end += 1
        return end

    def labelled_line_end(self, j: int) -> int:
        """"Motif : angine, difficulté à avaler\n": a label's value in a note written a field a line (or a field a
        column, between bars read as semicolons: "| MOTIF: hyperglycémie, plus de traitement |") is its whole line
        (j itself when the value is not on a labelled line of its own)."""
        columns = sum(t.text == ";" for t in self.tokens) >= 2
        line = "\n" if any(t.text == "\n" for t in self.tokens) else ";" if columns else None
        if j == 0 or self.tokens[j - 1].text != ":" or line is None:
            return j
        end = self.run_to_line_end(j, (line,))
        if end + 1 < len(self.tokens) and self.tokens[end + 1].text != line:
            return j  # another field on the line: the complaint ends as it would
        # "…, pas d'idées suicidaires actuelles": what the patient has not; "…, souhaite dermato": the wish
        apart = next((k for k in range(j + 1, end) if self.tokens[k].text == ","
                      and self.tokens[k + 1].folded in _DENYING | _WISHING), None)
        end = end if apart is None else apart
        while end > j and self.tokens[end].is_boundary:
            end -= 1
        return end

    def country_at(self, i: int) -> int | None:
        """Last token of the longest country name said from i (CLDR's French names, "Burkina Faso", "cote d ivoire")."""
        for last in range(min(len(self.tokens), i + 6) - 1, i - 1, -1):
            if key(" ".join(t.text for t in self.tokens[i:last + 1])) in countries():
                return last
        return None

    def town_in(self, first: int, last: int) -> int:
        """A birth place said as a region or a country, then the town in it ("née en Bretagne à Quimper", "né en
        Algérie à Oran"): in France the town is the birth place, abroad the country is (as the funnel takes it);
        the town is never where the patient is. Returns the last token read."""
        said = key(" ".join(t.text for t in self.tokens[first:last + 1]))
        k = last + 1
        town = self.place_at(k + 1) if k + 1 < len(self.tokens) and self.tokens[k].folded in ("a", "au") else None
        if town is None and k + 1 < len(self.tokens) and self.tokens[k].folded == "a" \
                and self.tokens[k + 1].text[:1].isupper() and _is_name_word(self.tokens[k + 1]):
            town = k + 1  # a town abroad the table does not know
        abroad = said in countries()
        if town is None or not (abroad or said in region_names()):
            self.add("lieu_naissance", first, last)
            return last
        if abroad:
            self.add("lieu_naissance", first, last)
            for t in range(k, town + 1):
                self.taken[t] = True
        else:
            self.add("lieu_naissance", k + 1, town)
        return town

    def conjugated_verb(self, k: int) -> bool:
        return self.tagged_as(k, conjugated_verbs)

    def past_participle(self, k: int) -> bool:
        return self.tagged_as(k, past_participles)

    def adjective(self, k: int) -> bool:
        return self.tagged_as(k, adjectives)

    def tagged_as(self, k: int, spans_of) -> bool:
        """Token k is among the words `spans_of` finds (spaCy's morphology, on the words around it as written)."""
        first = max(0, k - 2)
        words = self.tokens[first:k + 3]
        at = sum(len(t.text) + 1 for t in words[:k - first])
        return (at, at + len(self.tokens[k].text)) in spans_of(" ".join(t.text for t in words))

    def unexplained_segment(self) -> None:
        """In a note typed field by field ("Mme X, 06 …, Lyon, zona, au cabinet"), the segment no other field
        explains is the complaint: the longest such run of words between punctuation, when it starts with no
        function, clause or phone word and holds no age. Typed without punctuation ("M. Le Gall 02 98 … hernie
        douloureuse Quimper demain"), the fields read around the run bound it as commas would. Beside a single field,
        no note: a run that is a sentence or a label ("Pardon, erreur sur la DDN : c'est le 12/03/1950", "Précision :
        elle est chez sa fille, 3 rue …") is a complaint only if it names one."""
        if not self.punctuated and not self.typed:
            return  # dictated text has no segments
        best: tuple[int, int] | None = None
        k = 0
        while k < len(self.tokens):
            if self.taken[k] or self.tokens[k].is_boundary:
                k += 1
                continue
            end = self.segment_end(k)
            while self.joined_at(end + 1):  # "oeil rouge douloureux + baisse d'acuité": one complaint
                end = self.segment_end(end + 2)
            if self.could_be_complaint(k, end) and (best is None or end - k > best[1] - best[0]):
                best = (k, end)
            k = end + 1
        if best is None:
            return
        run = self.tokens[best[0]:best[1] + 1]
        note = len({span.field for span in self.spans}) >= 2
        listed = not any(t.text == ":" or t.folded in _CLAUSE_STARTS or t.folded.startswith("j'") for t in run)
        if note or listed or names_a_complaint(fold(self.text[run[0].start:run[-1].end])):
            self.add("symptomes", *best)

    def tokens_of(self, span: Span) -> tuple[int, int]:
        """First and last tokens of a span read (a value without its article starts inside "l'hiver")."""
        inside = [k for k, t in enumerate(self.tokens) if span.start < t.end and t.start < span.end]
        return inside[0], inside[-1]

    def past_its_pluses(self, last: int) -> int:
        """Past the "++" that says how strong the complaint ending at `last` is ("mal de gorge ++, fièvre")."""
        while last + 2 < len(self.tokens) and self.tokens[last + 1].text == "+" and self.tokens[last + 2].text in "+,":
            last += 1
        return last

    def joined_at(self, k: int) -> bool:
        """A "+" at k joins two complaints of a typed note ("toux grasse + fièvre")."""
        return k + 1 < len(self.tokens) and self.tokens[k].text == "+" and not self.taken[k + 1] \
            and not self.tokens[k + 1].is_boundary

    def complaints_listed_beside(self) -> None:
        """In a typed note, the segments beside the complaint that no other field explains are listed with it:
        "douleurs pelviennes, retard de règles", "altération de l'état général, ne mange plus", "sécheresse oculaire
        + brûlures"; not a history ("…, ATCD insuffisance cardiaque"), nor a state ("grabataire, encombrement
        bronchique", "lombalgie, bloqué")."""
        if not self.punctuated:
            return
        complaints = sorted((s for s in self.spans if s.field == "symptomes"), key=lambda s: s.start)
        if not complaints:
            return
        span = complaints[0]
        first, last = self.tokens_of(span)
        while (k := self.past_its_pluses(last)) + 2 < len(self.tokens) and self.tokens[k + 1].text in (",", "+") \
                and not self.tokens[k + 2].is_boundary:
            later = next((s for s in complaints[1:] if s.start == self.tokens[k + 2].start), None)
            if later is not None:  # "palpitations, perte de poids, tremblements des mains": one list
                self.spans.remove(later)
                last = self.tokens_of(later)[1]
                continue
            if self.taken[k + 2]:
                break
            end = self.segment_end(k + 2)
            said = self.text[self.tokens[k + 2].start:self.tokens[end].end]
            # a thing the patient has ("retard de règles") or no longer does, or how the complaint behaves
            # ("résistantes au paracétamol"), not a state ("bloqué", "enceinte")
            if not self.could_be_complaint(k + 2, end) or self.tokens[k + 2].folded in _TRADES_OF_CARE \
                    or self.tokens[k + 1].text == "," and self.no_longer_done(k + 2) is None \
                    and not opens_with_noun(said) and not self.behaving_at(k + 2):
                break
            last = end
        start = first  # "oreille bouchée depuis 4 j après un rhume": what its segment says before the word known
        while start > 0 and not self.tokens[start - 1].is_boundary and not self.taken[start - 1]:
            start -= 1
        if start < first and self.could_be_complaint(start, last) \
                and opens_with_noun(self.text[self.tokens[start].start:self.tokens[first - 1].end]):
            first = start
        while first >= 2 and self.tokens[first - 1].text in (",", "+") and not self.taken[first - 2] \
                and not self.tokens[first - 2].is_boundary:
            start = first - 2
            while start > 0 and not self.tokens[start - 1].is_boundary and not self.taken[start - 1]:
                start -= 1
            said = self.text[self.tokens[start].start:self.tokens[first - 2].end]
            if not self.could_be_complaint(start, first - 2) or self.tokens[first - 1].text == "," \
                    and not opens_with_noun(said):
                break
            first = start
        at = self.spans.index(span)
        self.spans.remove(span)
        self.add("symptomes", first, last)
        self.spans.insert(at, self.spans.pop())  # where it was read: the first complaint read is the one kept

    def sick_note_at(self, k: int) -> bool:
        return self.tokens[k].folded == "arret" and [t.folded for t in self.tokens[k + 1:k + 3]] == ["de", "travail"]

    def could_be_complaint(self, first: int, last: int) -> bool:
        words = self.tokens[first:last + 1]
        if self.sick_note_at(first):
            return False
        # a typed message opens with who, not what; a "+" joins complaints
        joined = last + 1 < len(self.tokens) and self.tokens[last + 1].text == "+"  # "… 06… diarhée + vomissements"
        opens = self.bounds(first - 1) or self.tokens[first - 1].text == "+" or joined and self.tokens[first - 1].is_boundary \
            if first else self.punctuated
        bounded = opens and (last + 1 >= len(self.tokens) or self.bounds(last + 1) or joined)
        # an age, not a duration ("qui change de couleur depuis 2 mois")
        aged = any(w.is_number and (k + 1 < len(words) and words[k + 1].folded in ("ans", "an", "a", "mois"))
                   and not (k and words[k - 1].folded in ("depuis", "pendant", "dans", "sous", "de"))
                   or re.fullmatch(r"\d+\s*a(?:ns?)?", w.text) for k, w in enumerate(words))
        first_word = words[0].folded
        if first_word.startswith("jusqu"):
            return False  # "chez sa fille à Mamoudzou jusqu'à dimanche": how long, not what
        if first_word == "ne" or first_word.startswith("n'"):  # listed in a note: "tristesse, ne dort plus"
            return bounded and self.no_longer_done(first) is not None
        if len(words) == 1 and any(key(t.text) == key(words[0].text) for t in self.tokens[max(0, first - 3):first]):
            return False  # "Haddou, H A D D O U": the name said, then spelled
        who = any(w.folded in RELATIVES or w.folded in CIVILITES for w in words)  # "Appel de la fille pour son père M."
        if self.names_someone(first, last):
            return False
        return bounded and not aged and not who and len(words) <= _LONGEST_COMPLAINT and words[0].is_word \
            and first_word not in FUNCTION_WORDS | PHONE_LABELS | _CLAUSE_STARTS | RESIDENCE_WORDS | _NAMING | _HISTORY \
            | IN_A_TOWN | _IN_A_BUILDING | _ONSET_WORDS | _INSTITUTIONS | _REQUESTS | _EXAMS | _APOLOGIES | APPROVALS \
            | _SAME - {"meme"} \
            and any(w.is_word and len(w.text) > 2 and w.folded not in FUNCTION_WORDS for w in words)

    def names_someone(self, first: int, last: int) -> bool:
        """Words that name a person rather than a complaint: a name spelled ("Mercier M E R C I E R"), or one or two
        capitalized words known as a name and as no symptom ("pareil, Girard")."""
        words = self.tokens[first:last + 1]
        if sum(len(w.text) == 1 and w.text.isupper() for w in words) >= 3:
            return True
        return len(words) <= 2 and all(w.is_word and w.text[:1].isupper() for w in words) \
            and self.symptom_end(first) is None and _surname_score(words) > 0

    def bounds(self, k: int) -> bool:
        """Token k closes a segment: punctuation between fields, or in typed text without it a field read there."""
        if self.punctuated:  # an aside in brackets after the complaint is no field of its own: "(foot)"
            return self.tokens[k].text in _FIELD_SEPARATORS or self.tokens[k].text == "(" and k > 0
        return self.typed and (self.tokens[k].is_boundary or self.taken[k])

    def past_hedges(self, i: int) -> int:
        """Past how sure the caller is and what ties the complaint to its verb: "elle a probablement un zona", "se
        présente avec un œil rouge", and where one comes with it ("se présente à l'officine avec …"); the complaint
        is what comes after."""
        if self.tokens[i].folded in _ARRIVING_AT:
            with_it = next((k for k in range(i + 1, min(i + 5, len(self.tokens)))
                            if self.tokens[k].is_boundary or self.taken[k] or self.tokens[k].folded == "avec"), None)
            i = with_it if with_it is not None and self.tokens[with_it].folded == "avec" else i
        while i + 1 < len(self.tokens) and (self.tokens[i].folded in _HEDGES or self.tokens[i].folded == "sans"
                                            and self.tokens[i + 1].folded == "doute"):
            i += 1 + (self.tokens[i].folded == "sans")
        return i

    def after_determiners(self, i: int) -> int:
        """Past the articles before a complaint: "une toux", "de la fièvre", "des vomissements"."""
        while i + 1 < len(self.tokens) and self.tokens[i].folded in _DETERMINERS \
                and not (self.tokens[i].folded == "de" and self.tokens[i + 1].folded == "plus"):  # "de plus en plus"
            i += 1
        return i

    def read_history(self) -> None:
        """Marks what the patient has had or lives with ("ATCD de bronchite", "suivi pour de l'hypertension",
        "diabétique"), so that no complaint nor name is read in it."""
        k = 0
        while k < len(self.tokens):
            end = self.history_end(k)
            if end is not None:
                self.add(HISTORY, k, end)
            k = k + 1 if end is None else end + 1

    def history_end(self, k: int) -> int | None:
        """Last token of the history said from token k: a condition alone, or after "ATCD", "suivi pour" the words
        up to the end of the segment, a new clause or a complaint said after it ("atcd asthme toux depuis 3 j")."""
        word = self.tokens[k].folded
        former = word in ("ancien", "ancienne", "ex") and k + 1 < len(self.tokens) \
            and self.tokens[k + 1].folded in _CONDITIONS  # "72 ans, ancien fumeur, essoufflement"
        if (word in _CONDITIONS or former) and k > 0 and (self.tokens[k - 1].is_boundary
                                                          or self.tokens[k - 1].folded in _SAID_OF_THE_PATIENT):
            return k + former
        known = self.known_condition_end(k)
        if known is not None:
            return known
        opens = word in _HAD or word in _FOLLOWED and k + 1 < len(self.tokens) and self.tokens[k + 1].folded == "pour" \
            or word in ("porteur", "porteuse") and k + 1 < len(self.tokens) and self.tokens[k + 1].folded[:2] in ("de", "d'")
        if not opens:
            return None
        last, said = k, False
        listed = (":", ",") if k + 1 < len(self.tokens) and self.tokens[k + 1].text == ":" else (":",)  # "ATCD : ICC, FA"
        for j in range(k + 1, len(self.tokens)):
            token = self.tokens[j]
            if token.is_boundary and token.text not in listed or token.folded in _CLAUSE_STARTS \
                    or said and self.symptom_end(j) is not None and (len(listed) == 1 or self.since_in_segment(j)):
                break  # in a list after "ATCD :", a complaint known to the reader is history unless said since when
            last, said = j, said or token.is_word and token.folded not in FUNCTION_WORDS | {"pour", "de", "d'"}
        return last

    def known_condition_as_complaint(self) -> None:
        """"colique néphrétique connue", "hyperglycémie chez diabétique connue", the only complaint of the message:
        what the patient is known for is why they call now (beside another complaint, it is their history)."""
        known = [s for s in self.spans if s.field == HISTORY
                 and self.folded[s.start:s.end].split()[-1] in ("connu", "connue", "connus", "connues")]
        if len(known) == 1:
            self.spans = [Span("symptomes", s.start, s.end) if s is known[0] else s for s in self.spans]

    def since_in_segment(self, j: int) -> bool:
        """The segment from token j says since when ("toux depuis 3 j", "fièvre ce matin")."""
        end = self.segment_end(j)
        return bool(_SINCE.search(fold(self.text[self.tokens[j].start:self.tokens[end].end])))

    def known_condition_end(self, k: int) -> int | None:
        """ "HTA connue", "diabète connu": a segment opening at k that ends on "connu(e)(s)" says what the patient
        lives with; the last token of it."""
        if k and not self.tokens[k - 1].is_boundary or not self.tokens[k].is_word:
            return None
        for j in range(k + 1, min(k + 4, len(self.tokens))):
            if self.tokens[j].is_boundary:
                return None
            if self.tokens[j].folded in ("connu", "connue", "connus", "connues") \
                    and (j + 1 == len(self.tokens) or self.tokens[j + 1].is_boundary):
                return j
        return None

    def practitioner(self, i: int) -> int:
        """ "Dr Thomas", "docteur Jean Martin": read as the practitioner, so that no name of theirs is the patient's."""
        units = self.name_units(self.skip_colons(i + 1), 3)
        last = units[-1][1] if units else i
        closing = next((k for k in range(last + 2, min(last + 6, len(self.tokens))) if self.tokens[k].text == ")"), None)
        if last + 1 < len(self.tokens) and self.tokens[last + 1].text == "(" and closing:
            last = closing  # "Dr Martin (SOS)", "Dr Roux (remplaçant)": said of the practitioner, no place of the patient
        elif units and last + 2 < len(self.tokens) and self.tokens[last + 1].folded in ("a", "au", "sur") \
                and not self.taken[last + 2] and self.place_at(last + 2) is not None:
            last = self.place_at(last + 2)  # "la secrétaire du Dr Vasseur à Rouen": where the doctor practises
        self.add(PRACTITIONER, i, last)
        return last + 1

    def separated_names(self, i: int) -> list[tuple[int, int]] | None:
        """A name and a first name opening an export, each in its field ("DUVAL;Jacques;12/05/1948;..."): two
        one-name segments, one of them a known first name, neither a commune alone."""
        first = self.name_units(i, 2)
        j = first[-1][1] + 2 if len(first) == 1 else len(self.tokens)
        if j >= len(self.tokens) or self.tokens[j - 1].text not in _FIELD_SEPARATORS or self.is_bare_place(j):
            return None
        # "PERRET;Sandrine": a commune's name in capitals before a first name is the surname column
        surname_column = _is_capitals(self.tokens[first[0][0]:first[0][1] + 1]) and self.tokens[j].text.istitle()
        if self.is_bare_place(i) and not surname_column:
            return None
        second = self.name_units(j, 2)
        if len(second) != 1 or not self.ends_cleanly(second) or not self.ends_cleanly(first) or not any(
                key(self.tokens[a].text) in first_name_scores() for a, _ in first + second) \
                or any(_plain_word(self.tokens[a:b + 1]) for a, b in first + second):
            return None
        return first + second

    def identity(self, i: int, gender: str | None = None, lone_is_given: bool = False) -> int:
        """The names right after a civility or at the start: first name and name told apart. `lone_is_given`: after
        a person noun ("mon fils Tom"), a lone name that is rather a first name is the child's first name."""
        units = self.name_units(i, 4)
        if not units:
            return i
        self.gender = gender or self.gender
        given = self.given_name_after_comma(units[0][1] + 1) if len(units) == 1 and not lone_is_given else None
        if given is not None:  # "M. VANDAMME, Olivier, né le …", "madame Koenig, K O E N I G, Marianne"
            self.add("nom", *units[0])
            self.add("prenom", *given)
            return given[1] + 1
        after = units[0][1] + 1
        same = self.same_surname_after(after) if len(units) == 1 else []
        if same:  # "le deuxième c'est enzo pareil da silva": the surname, the same as before
            self.add("prenom", *units[0])
            self.add("nom", same[0][0], same[-1][1])
            return same[-1][1] + 1
        also = self.surname_also_after(after) if len(units) == 1 and lone_is_given else None
        if also is not None:  # "pour son fils Minh, NGUYEN aussi, né le …": his first name, then whose surname he bears
            self.add("prenom", *units[0])
            self.add("nom", *also)
            return also[1] + 1
        if len(units) == 1 and self.first_name_labelled_at(after):
            self.add("nom", *units[0])  # "elle s'appelle tran T R A N prénom minh anh": the surname, then the first name
            return after
        labelled = self.surname_labelled_at(after + (after < len(self.tokens) and self.tokens[after].folded == "et"))
        # "monsieur wesley W E S L E Y et le nom c'est pinas": another surname comes, labelled
        another = labelled is not None and key(self.tokens[labelled].text) != key(self.tokens[units[0][0]].text)
        if len(units) == 1 and another:
            self.add("prenom", *units[0])
            return after
        if len(units) == 1 and self.spelled(units[0]) and not lone_is_given:
            self.add("nom", *units[0])  # "monsieur Celestin C E L E S T I N": a name spelled is the surname
            return after
        if len(units) == 1:
            words = self.tokens[units[0][0]:units[0][1] + 1]
            first, surname = _first_name_score(words, self.gender), _surname_score(words)
            # after a person noun, a lone name rather a first name is one; after a relative ("sa fille Lina, née le
            # …"), any first name: one's child, mother, husband is named by it; after a civility, only one hardly
            # ever a surname: "Mme Bernadette" (but "Mme Martin", "M. Michel")
            before = i - 1 - (i > 1 and self.tokens[i - 1].text == ",")
            kin = lone_is_given and before >= 0 and self.tokens[before].folded in _FAMILY
            if (first > surname or kin and (first > _GENDER_TRUSTED or words[0].text[:1].isupper() and _listed_nowhere(words))) \
                    if lone_is_given \
                    else first >= _WELL_KNOWN_FIRST_NAME and surname < _RARE_SURNAME:
                self.add("prenom", *units[0])
                return units[0][1] + 1
        return self.assign_names(units)

    def same_surname_after(self, k: int) -> list[tuple[int, int]]:
        """The name units of a surname said at k after "pareil", "aussi" (the same as the patient's before), ending
        cleanly: "enzo pareil da silva"; else none."""
        if k + 1 >= len(self.tokens) or self.tokens[k].folded not in vocabulary.AS_WELL:
            return []
        units = self.name_units(k + 1, 3)
        return units if units and self.ends_cleanly(units) else []

    def surname_also_after(self, k: int) -> tuple[int, int] | None:
        """The tokens of a surname said after the comma at k, then said to be someone else's too ("Minh, NGUYEN aussi",
        "Inès, Benali comme son papa"); else None."""
        if k + 1 >= len(self.tokens) or self.tokens[k].text != ",":
            return None
        units = self.name_units(k + 1, 2)
        after = units[-1][1] + 1 if units else len(self.tokens)
        if after >= len(self.tokens) or not (self.tokens[after].folded in vocabulary.AS_WELL
                                             or self.whose_name_end(after) is not None):
            return None
        return units[0][0], units[-1][1]

    def given_name_after_comma(self, k: int) -> tuple[int, int] | None:
        """The tokens of a well-known first name said alone after the comma (or the column's bar) at k, the surname
        before it: one word, or two well-known ones ("Mme Fernandez, Ana Paula, …")."""
        if k + 1 >= len(self.tokens) or self.tokens[k].text not in (",", ";", "-", "/", "|"):  # "M. Carpentier - Julien -"
            return None
        k += 1
        for end in (k, k + 1):
            words = self.tokens[k:end + 1]
            if end >= len(self.tokens) or any(self.taken[j] or not _is_name_word(self.tokens[j]) or self.cue_at(j)
                                              for j in range(k, end + 1)):
                return None
            if end + 1 < len(self.tokens) and not self.tokens[end + 1].is_boundary:
                continue
            well_known = all(_first_name_score([w], self.gender) >= _WELL_KNOWN_FIRST_NAME
                             and _first_name_score([w], self.gender) > _surname_score([w]) for w in words)
            return (k, end) if well_known else None
        return None

    def surname_after_given(self, i: int, caller: tuple[int, int] | None) -> int | None:
        """Last token of the name said right after the first name read alone, said again at i (the names of who
        calls, read before, are not the patient's: "Olivier Lecoq, j'appelle pour ma femme Nathalie, Nathalie
        Lecoq")."""
        theirs = (self.tokens[caller[0]].start, self.tokens[caller[1]].end) if caller else (0, 0)
        spans = [s for s in self.spans if not theirs[0] <= s.start < theirs[1]]
        given = [s for s in spans if s.field == "prenom"]
        if len(given) != 1 or any(s.field == "nom" for s in spans) or self.taken[i] \
                or key(self.tokens[i].text) != key(self.text_of(given[0])):
            return None
        units = self.name_units(i + 1, 1)
        return units[0][1] if units and self.ends_cleanly(units) else None

    def first_name_labelled_at(self, k: int) -> bool:
        """A label of the first name at k, after a separator or "et" ("…, prénom Minh Anh", "/ PRENOM : …", "et son
        prénom c'est …")."""
        k += k < len(self.tokens) and (self.tokens[k].folded == "et" or self.tokens[k].text in _FIELD_SEPARATORS)
        return (self.cue_at(k) or ("",))[0] == "prenom"

    def surname_labelled_at(self, k: int) -> int | None:
        """The token said after a label of the surname at k ("le nom c'est", "son nom :", "nom de famille")."""
        words = [t.folded for t in self.tokens[k:k + 6]]
        if len(words) < 3 or words[0] not in ("le", "son", "meme") or words[1] != "nom":
            return None
        if words[0] == "meme" and words[2] in ("de", "d") and words[3:4] != ["famille"]:
            return None  # "même nom de naissance": the birth name, no surname said
        j = 2 + 2 * (words[2:4] == ["de", "famille"])
        j += j < len(words) and words[j] in ("c'est", ":", "est")
        return k + j if k + j < len(self.tokens) and self.tokens[k + j].is_word else None

    def text_of_unit(self, unit: tuple[int, int]) -> str:
        return " ".join(t.text for t in self.tokens[unit[0]:unit[1] + 1])

    def text_of(self, span: Span) -> str:
        return " ".join(t.text for t in self.tokens if span.start <= t.start < span.end)

    def spelling_after(self, units: list[tuple[int, int]]) -> int | None:
        """The token right after the names, or after a hesitation and one of them said again ("Okafor Chinedu alors
        Okafor O K A F O R"), that spells one of them."""
        k = units[-1][1] + 1
        while k < len(self.tokens) and self.tokens[k].folded in _HESITATIONS:
            k += 1
        if self.each_spelled_in_turn(units, k):
            return None  # "gwenaël tanguy gwenaël G W E N A E L … tanguy T A N G U Y": which is which, not told
        for at in (k, k + 1) if k > units[-1][1] + 1 else (k,):
            if at < len(self.tokens) and any(self.spelled_again(u, self.tokens[at]) for u in units) and (
                    at == k or any(key(self.text_of_unit(u)) == key(self.tokens[k].text) for u in units)):
                return None if self.next_one_said_after(units, at) else at
        return None

    def next_one_said_after(self, units: list[tuple[int, int]], at: int) -> bool:
        """Another of the names is said again right after the one spelled at `at` ("kessy pierre-louis K E deux S Y
        et pierre-louis avec un tiret", "zaïnaba ahamada A H A M A D A et zaïnaba Z A I N A B A"): each name told
        in turn, the spelling says none is the surname."""
        k = at + 1 + (at + 1 < len(self.tokens) and self.tokens[at + 1].folded in ("et", ","))
        return k < len(self.tokens) and any(key(self.tokens[k].text) == key(self.text_of_unit(u)) for u in units
                                            if not self.spelled_again(u, self.tokens[at]))

    def each_spelled_in_turn(self, units: list[tuple[int, int]], k: int) -> bool:
        """From k, every name of `units` is said again then spelled, in the order they were said."""
        for unit in units:
            at = next((j for j in range(k, min(k + 12, len(self.tokens) - 1))
                       if key(self.tokens[j].text) == key(self.text_of_unit(unit))
                       and _is_capitals([self.tokens[j + 1]]) and self.spelled_again(unit, self.tokens[j + 1])), None)
            if at is None:
                return False
            k = at + 2
        return len(units) > 1

    def surname_in_an_email(self, units: list[tuple[int, int]]) -> set[str]:
        """The surname of two names as an address made of one initial and one name tells it: the first name comes
        first there, whole or by its initial ("e.barthelemy@…" beside "M. Barthelemy Étienne", "nordine.z@…")."""
        if len(units) != 2:
            return set()
        names = [key(self.text_of_unit(u)).replace(" ", "") for u in units]
        for email in self.emails:
            parts = [p for p in re.split(r"[^a-z]+", fold(email.split("@")[0])) if p]
            if len(parts) != 2 or min(len(p) for p in parts) != 1 or not all(names):
                continue
            for given, family in ((0, 1), (1, 0)):
                if parts in ([names[given][0], names[family]], [names[given], names[family][0]]):
                    return {key(self.text_of_unit(units[family]))}
        return set()

    def from_a_place_at(self, i: int) -> tuple[int, int, bool] | None:
        """(first, last, a commune) of the place said after "un monsieur de", "une dame de", "une maman de" at i (the
        noun): someone said with an indefinite article is from a place ("la maman de Noah" names her child)."""
        if i == 0 or self.tokens[i - 1].folded not in ("un", "une"):
            return None
        person = self.person_noun_at(i)
        k = i + (person[0] if person else self.tokens[i].folded in CIVILITES | RELATIVES)
        if k == i or k + 1 >= len(self.tokens) or self.tokens[k].folded not in ("de", "du", "d'", "d") \
                or self.taken[k + 1]:
            return None
        end = self.place_at(k + 1)
        if end is not None:
            return k + 1, end, True
        region = next((k + n for n in (2, 1) if k + n < len(self.tokens)
                       and key(self.text[self.tokens[k + 1].start:self.tokens[k + n].end]) in region_names()), None)
        return (k + 1, region, False) if region is not None else None

    def said_not_at(self, i: int) -> bool:
        """"…, pas juste Marie", "pas Lyon": the word at i is said not to be (a value taken back, no place)."""
        before = [t.folded for t in self.tokens[max(0, i - 2):i]]
        return before[-1:] == ["pas"] or before[-2:] in (["pas", "juste"], ["pas", "seulement"], ["pas", "que"])

    def speaks_of_themselves(self, first: int) -> bool:
        """The names from `first` follow "je suis" or "moi c'est"."""
        return tuple(t.folded for t in self.tokens[max(0, first - 2):first]) in (("je", "suis"), ("moi", "c'est"))

    def named_by_a_verb_at(self, first: int) -> bool:
        """The names from `first` follow a verb that names ("elle s'appelle elia E L I A rakotomalala")."""
        return first > 0 and self.tokens[first - 1].folded in _NAMED_BY

    def introduced_at(self, first: int) -> bool:
        """Names starting at `first` said after a civility or what the person is to the caller ("sa fille Lina
        Jean-Baptiste", "papa de Maëlys Edouard", "le petit Ethan Moreau", "sa petite sœur, Lina Boukhelifa"): the
        first name comes first."""
        if self.speaks_of_themselves(first) or self.named_by_a_verb_at(first):
            return True  # "je suis Steeve Célestine", "elle s'appelle Elia Rakotomalala": names as one is called
        first -= first > 0 and self.tokens[first - 1].text in (",", ":")
        if first >= 3 and self.tokens[first - 2].is_number and self.tokens[first - 1].folded in ("a", "ans", "an", "mois"):
            first -= 2 + (self.tokens[first - 3].text == ",")  # "enft 6a Naia Jean-Baptiste": the age between
        before = [t.folded for t in self.tokens[max(0, first - 2):first]]
        return bool(before) and before[-1] in CIVILITES | _KIN | _FAMILY.keys() | _CHILDREN \
            or len(before) == 2 and before[1] in ("de", "du") and before[0] in _KIN | _CHILDREN

    def assign_names(self, units: list[tuple[int, int]]) -> int:
        """First name and name told apart among the name units; the token after them."""
        said = {key(self.text_of(s)) for s in self.spans if s.field in ("nom", "nom_naissance")}
        after = units[-1][1] + 1
        # "lucas ferreira da silva F E deux R E I R A espace D A …": the names after the first spelled in one run
        # are one surname
        spelled_whole = self.spells_the_last(units, self.tokens[after]) if after < len(self.tokens) else None
        if spelled_whole is None and after < len(self.tokens) and self.first_name_cue_said() \
                and self.spells_all(units, self.tokens[after]):
            spelled_whole = 0  # "madame garcia lopez G A R C I A et L O P E Z prénom carmen": the first name said apart
        if spelled_whole is not None:
            units = [*units[:spelled_whole], (units[spelled_whole][0], units[-1][1])]
            said.add(key(self.text_of_unit(units[-1])))
        spelling = self.spelling_after(units)
        if spelling is not None:  # "haddad ali H A D D A D": the name spelled is the surname
            # announced ("elia rakotomalala je vous épelle R A K O …"), the last name's spelling is no spelling as it
            # comes
            spelled = units if spelling > units[-1][1] + 1 else units[:-1]
            said |= {key(self.text_of_unit(u)) for u in spelled if self.spelled_again(u, self.tokens[spelling])}
        said |= self.surname_in_an_email(units)
        # "ahamada soilihi le nom c'est S O I L I H I", "oleksandr kovalenko je vous épelle O L E K S A N D R et le nom
        # K O V A L E N K O": the one spelled after the label of the surname, a few words on, is the surname
        for k in range(after, min(after + 8, len(self.tokens))):
            labelled = self.surname_labelled_at(k)
            if labelled is not None:
                said |= {key(self.text_of_unit(u)) for u in units if self.spelled_again(u, self.tokens[labelled])}
                break
        if self.whose_name_end(after) is not None:  # "Anrif A N R I F Soilihi comme sa mère": hers, the surname
            said.add(key(self.text_of_unit(units[-1])))
        # "mr nomertin jocelyn nn nomertin", "mr camara seydou 14/2/75 nn camara": the birth name said after them is
        # one of them, the surname
        birth = next((unit for k in range(after, len(self.tokens)) if (unit := self.birth_name_said_at(k))), None)
        if birth:  # "M. Soilihi Ahamada, né le … à Moroni, NDN Soilihi": the first said after them
            said |= {key(self.text_of_unit(u)) for u in units if key(self.text_of_unit(u)) == key(self.text_of_unit(birth))}
        first = units[0][0] - (units[0][0] > 0 and self.tokens[units[0][0] - 1].text == ".")
        # who speaks of themselves ("je suis Steeve Célestine, j'appelle pour ma mère … née …") has no gender of the
        # patient's
        gender = None if self.speaks_of_themselves(first) else self.gender
        roles = _roles(units, self.tokens, gender, said, spoken=not self.typed,
                       after_a_civility=self.introduced_at(first))
        given = [unit for unit, role in zip(units, roles, strict=True) if role == "prenom"]
        side_by_side = all(b[0] == a[1] + 1 for a, b in zip(given, given[1:], strict=False))  # "DIALLO Mamadou Saliou"
        if len(given) > 1 and (side_by_side or all(key(self.tokens[a].text) in first_name_scores() for a, _ in given)):
            given = [(given[0][0], given[-1][1])]  # first names said together: "marie claude", "thi lan"
        family = [unit for unit, role in zip(units, roles, strict=True) if role == "nom"]
        letters = ["".join(key(t.text) for t in self.tokens[a:b + 1]).replace(" ", "") for a, b in family]
        said_once = not any(i != j and x in y for i, x in enumerate(letters) for j, y in enumerate(letters))
        # "pereira dos santos", "da silva ferreira": a particle binds the words of one surname
        with_particle = all(self.tokens[a].folded in PARTICLES for a, _ in family[1:]) \
            or bool(family) and self.tokens[family[0][0]].folded in PARTICLES \
            and all(key(self.text_of_unit(u)) in surname_scores() for u in family[1:])  # not "de la roche voudrait"
        if len(family) > 1 and (self.typed or with_particle) and said_once \
                and units.index(family[-1]) - units.index(family[0]) == len(family) - 1:
            family = [(family[0][0], family[-1][1])]  # names typed together are one: "Garcia Lopez Manuel"
        for unit in family:
            self.add("nom", *unit)
        for unit in given:
            self.add("prenom", *unit)
        return units[-1][1] + 1


def _plain_word(tokens: list[Token]) -> bool:
    """A common word in small letters that no list knows as a name ("réservez", "mercredi"): no name."""
    return len(tokens) == 1 and tokens[0].text.islower() and is_common_word(tokens[0].text) \
        and _first_name_score(tokens, None) <= 0 and _surname_score(tokens) <= 0


def _lexicon_parts(tokens: list[Token], lexicon: dict) -> list[str]:
    """The name as the lexicon knows it: whole ("le gall", "jean pierre") if listed, else word by word."""
    whole = key(" ".join(t.text for t in tokens))
    joined = whole.replace(" ", "")  # "N'Diaye", "M'Bala": listed as written without their apostrophe ("ndiaye")
    if whole not in lexicon and joined in lexicon and any("'" in t.text or "’" in t.text for t in tokens):
        return [joined]
    return [whole] if whole in lexicon else whole.split()


def _first_name_score(tokens: list[Token], gender: str | None) -> float:
    """How much a name looks like a first name (compounds: the mean of their parts), agreeing with the civility."""
    scores, genders = first_name_scores(), first_name_genders()
    parts = _lexicon_parts(tokens, scores)
    words = key(" ".join(t.text for t in tokens)).split()
    score = sum(scores.get(p, 0) for p in parts) / len(parts)
    if len(words) > 1 and _compound_first_name(tokens):
        # "Émile-Eugène", "Rose-Marie": compounds of first names are first names ("Lopez Manuel" is not one)
        score = max(score, sum(scores.get(w, 0) for w in words) / len(words) + 4)
    said = genders.get(parts[0]) or genders.get(words[0], "?")  # a compound has its first part's ("Marie-Claude")
    if gender and said not in ("?", gender):
        score -= 5  # listed, however rarely, as the other sex's first name: hardly this person's ("Mme Ahamada …")
    elif gender and said == gender and score >= _GENDER_TRUSTED:
        score += 5
    return score


def _compound_first_name(tokens: list[Token], listed_only: bool = False) -> bool:
    """Words that are one first name: listed whole ("Jean-Marc", "Fatima Zahra") or, unless `listed_only`, each more
    a first name than a surname."""
    words = key(" ".join(t.text for t in tokens)).split()
    return " ".join(words) in first_name_spellings() or not listed_only and all(
        first_name_scores().get(w, 0) > surname_scores().get(w, 0) for w in words) \
        and not (any("-" in t.text for t in tokens) and _of_both_sexes(words))


def _of_both_sexes(words: list[str]) -> bool:
    """First names of both sexes joined by a hyphen ("Joseph-Angélique"): a surname of the Antilles, not one first
    name; "Marie" after the first part is borne by men ("Jean-Marie", "Louis-Marie"). Said apart, given names of either
    sex may follow one another ("Minh Duc")."""
    sexes = {first_name_genders().get(w, "?") for k, w in enumerate(words) if not (k and w == "marie")}
    return {"m", "f"} <= sexes


def _only_a_surname(tokens: list[Token]) -> bool:
    """Every word listed as a surname and none as a first name."""
    words = key(" ".join(t.text for t in tokens)).split()
    return all(w in surname_scores() and w not in first_name_scores() for w in words)


def _surname_score(tokens: list[Token]) -> float:
    """How common a name is as a surname in France (compounds: the mean of their parts)."""
    scores = surname_scores()
    parts = _lexicon_parts(tokens, scores)
    score = sum(scores.get(p, 0.0) for p in parts) / len(parts)
    words = key(" ".join(t.text for t in tokens)).split()
    if len(parts) == 1 and any(w in PARTICLES for w in words[1:-1]):
        # "Ferreira da Silva", listed whole yet rare: no less a surname than its parts ("Pereira dos Santos", unlisted)
        score = max(score, sum(scores.get(w, 0.0) for w in words) / len(words))
    return score


def _listed_nowhere(tokens: list[Token]) -> bool:
    """A name no list bears whole ("Louis-Joseph"): the lists cannot tell what it is, the order does."""
    whole = key(" ".join(t.text for t in tokens))
    return whole not in first_name_scores() and whole not in surname_scores()


def _sex_of(tokens: list[Token]) -> str:
    """"f" or "m" for a first name listed for one sex, "?" otherwise; a compound has its first part's
    ("Louis-Joseph")."""
    words = key(" ".join(t.text for t in tokens))
    return first_name_genders().get(words) or first_name_genders().get(words.split()[0], "?") if words else "?"


def _of_the_sex(tokens: list[Token], gender: str | None) -> bool:
    """The first name may be borne by a person of that sex (or either is unknown)."""
    return gender is None or _sex_of(tokens) in ("?", gender)


def _compound_of_first_names(tokens: list[Token]) -> bool:
    """A hyphenated name made of first names and not listed whole as a surname ("Pierre-Charles", "Jean-Pierre"):
    as likely one as the other."""
    parts = key(" ".join(t.text for t in tokens)).split()
    whole = " ".join(parts)
    return len(parts) > 1 and all(p in first_name_scores() for p in parts) and whole not in surname_scores()


def _spelled_after(tokens: list[Token]) -> bool:
    """The name is followed by its spelling ("Cherif C H E R I F"): on the phone, the surname is the one spelled."""
    return len(tokens) > 1 and not _said_as_a_name(tokens[-1].text) and key(tokens[-1].text).replace(" ", "") == key(
        " ".join(t.text for t in tokens[:-1])).replace(" ", "")


def _said_as_a_name(word: str) -> bool:
    """Written with its capital, as a name is ("Marie-Line"): a spelling joins its letters in one case."""
    return not word.isupper() and not word.islower()


def _is_capitals(tokens: list[Token]) -> bool:
    letters = "".join(t.text for t in tokens if t.folded not in PARTICLES)
    return len(letters) > 1 and letters.isupper()


def _roles(units: list[tuple[int, int]], tokens: list[Token], gender: str | None,
           surnames: set[str] = frozenset(), spoken: bool = False, after_a_civility: bool = False) -> list[str]:
    """prenom/nom for each unit: the first name is one end of the run, the name the other; a name already said as
    a surname in the message (the caller's, a parent's) is the surname again ("Mme Olivier … son fils Tom Olivier")."""
    if len(units) == 1:
        return ["nom"]
    # a name said twice in a row ("Marie-Line Marie-Line") is scored as said once
    words = [[t for k, t in enumerate(tokens[a:b + 1])
              if not k or t.text != tokens[a + k - 1].text or not _said_as_a_name(t.text)] for a, b in units]
    # a name is scored as said, without its spelling; spelled one by one as they come ("Nguyen N G U Y E N Linh L I
    # N H"), the spellings tell nothing
    spelled = [k for k, w in enumerate(words) if _spelled_after(w)]
    words = [w[:-1] if k in spelled else w for k, w in enumerate(words)]
    spelled = [] if len(spelled) == len(words) else spelled
    case_speaks = any(_is_capitals(w) for w in words) and not all(_is_capitals(w) for w in words)
    if not case_speaks and len(units) == 2 and _compound_of_first_names(words[0]) and _of_the_sex(words[0], gender) and (
            _compound_of_first_names(words[1]) or all(first_name_scores().get(part, 0) >= _GENDER_TRUSTED
                                                      for part in key(" ".join(t.text for t in words[0])).split())):
        # "jean-robert pierre-charles": the lists cannot tell, the order does; "Lucas-Emmanuel Jean-Baptiste": a
        # compound of well-known first names no list bears as a surname, said first, is the first name
        return ["prenom", "nom"]
    said_first = key(" ".join(t.text for t in words[0]))
    # "M. Jordan Pierre-Louis", "kenzo pierre-louis P I E R R E …" (the one spelled), "Gérard Jean-Baptiste" (the
    # first rather a first name): a surname made of first names, as the Antilles bear
    first_before = after_a_civility or spelled == [1] \
        or first_name_scores().get(said_first, 0) > surname_scores().get(said_first, 0)
    # a first word no list knows, said where a first name comes first ("elle s'appelle kessy pierre-louis"): as one
    # (not before a first name of the person's sex: "Mme Bélénus Marie-Line")
    unknown = after_a_civility and said_first not in first_name_scores() and said_first not in surname_scores() \
        and not (gender is not None and _sex_of(words[1]) == gender)
    # (not when the first is the one spelled: "madame othily O T H I L Y marie-josé", the surname spelled first)
    if not case_speaks and len(units) == 2 and first_before and spelled != [0] and "-" in words[1][0].text \
            and (_compound_first_name(words[1], listed_only=True)
                 # "Dylan Louis-Joseph" (the Antilles' surnames); after a civility the surname may come first
                 or _listed_nowhere(words[1]) and not after_a_civility
                 and first_name_scores().get(said_first, 0) > surname_scores().get(said_first, 0)) \
            and (first_name_scores().get(said_first, 0) >= (1 if spelled == [1] else _GENDER_TRUSTED) or unknown) \
            and (gender is None or first_name_genders().get(said_first, "?") in ("?", gender)):
        return ["prenom", "nom"]
    best, best_score = None, None
    for split in range(1, len(units)):
        for first_name_first in (True, False):
            firsts = range(split) if first_name_first else range(split, len(units))
            roles = ["prenom" if k in firsts else "nom" for k in range(len(units))]
            # three given names when the case tells the surname apart ("NGUYEN Thi Thu Ha")
            if first_name_first and roles.count("prenom") > 2 + case_speaks or not first_name_first and roles.count("nom") > 2:
                continue
            # the first names said together are one compound first name ("marie claude", "thi lan"), the rest
            # one name: each is scored whole
            given = [t for k in firsts for t in words[k]]
            family = [t for k in range(len(units)) if k not in firsts for t in words[k]]
            score = _first_name_score(given, gender) - _surname_score(given) \
                - (_first_name_score(family, gender) - _surname_score(family))
            if _only_a_surname(given) and (_first_name_score(family, None) >= _GENDER_TRUSTED
                                           or gender is not None and _sex_of(family) == gender):
                score -= _NEVER_A_FIRST_NAME  # "monsieur Ferrandi Lucas": no list knows Ferrandi as a first name
            if case_speaks:  # "Mamadou Lamine SY": the name in capitals, the words in small letters first names
                score += sum(20 * (1 if (roles[k] == "nom") == _is_capitals(w) else -1) for k, w in enumerate(words))
            score += sum(10 * (1 if roles[k] == "nom" else -1) for k, w in enumerate(words)
                         if key(" ".join(t.text for t in w)) in surnames)
            # spelled after the whole name, a word is the surname ("Martin Gérard G E R A R D"); spelled as it comes,
            # the first name is too ("inès I N E S brahimi"): there the lists speak louder
            score += sum((_SPELLED_LAST if k == len(words) - 1 else _SPELLED_AS_SAID) * (1 if roles[k] == "nom" else -1)
                         for k in spelled)
            if len(spelled) == 1 and roles[spelled[0]] == "nom":  # "minh khoa phan p h a n": one surname, spelled
                score -= _SPELLED_AS_SAID * (roles.count("nom") - 1)
            # a particle opens a surname, never a first name ("lina el khoury", "jean de la fontaine")
            score += sum(20 * (1 if roles[k] == "nom" else -1) for k, w in enumerate(words)
                         if len(w) > 1 and w[0].folded in PARTICLES)
            # "Marie Durand" when nothing else tells; said aloud, the first name comes first more often still
            order = _AFTER_A_CIVILITY if after_a_civility and not case_speaks else _SPOKEN_ORDER if spoken else 0.5
            score += order if first_name_first else 0
            score -= 0.1 * abs(split - 1)
            if best_score is None or score > best_score:
                best, best_score = roles, score
    return best


_NOW = r"actuellement|en ce moment|pour le moment|pour l'instant|maintenant"  # where the patient is now
# on the text in small letters, accents kept: "là" is no article; a stay away from home says where the patient is now
_NOW_BETWEEN = re.compile(rf"\b(?:mais|non|{_NOW}|actuellement|là|en (?:vacances|location|déplacement|deplacement|séjour"
                          r"|sejour|stage|visite)|de passage|pour (?:ses|les) (?:études|etudes|vacances))(?!\w)")


def _usually_said_of(before: str) -> bool:
    """"habite normalement", "normalement elle vit", "est d'habitude" just before a place: where the patient usually
    is; not the adverb of another verb ("il joue normalement, ils habitent à Toulon")."""
    usually = _USUALLY.search(before)
    if usually is None:
        return False
    previous = re.findall(r"[a-z']+", before[:usually.start()])[-1:]
    return not previous or previous[0] in RESIDENCE_WORDS | _SUBJECTS | {"est", "sont", "et", "mais", "qui"}


_USUALLY = re.compile(r"\b(?:normalement|habituellement|d'habitude|d habitude|en temps normal)\b[^,.;()]*$")
_NOW_AFTER = re.compile(rf"\s*,?\s*(?:{_NOW})\b")
_AWAY = re.compile(r"\b(?:en (?:vacances|location|deplacement|sejour|stage|visite)|de passage)\b[^,.;]*$")
_HOME_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_RESIDING | {'domicilie', 'domiciliee'}))})\s*(?:a|au|aux|en|sur)?\s*$")


def names_a_complaint(folded: str) -> bool:
    """Folded text holds a complaint the reader knows ("il a un malaise", "mal au ventre")."""
    reader = _Reader(folded)
    return any(reader.symptom_end(k) is not None for k in range(len(reader.tokens)))


# A caregiver or a practice right before a place: where the one who calls works, not where the patient is; a school:
# where a pupil spends the day, not where they live
_WORKS_AT = re.compile(r"\b(?:infirmier|infirmiere|ide|idel|pharmacie|pharmacien|pharmacienne|kine|kinesitherapeute"
                       r"|ecole|lycee|college|creche|internat"
                       r"|sage-femme|cabinet|medecin|docteur|dr|auxiliaire de vie|aide-soignante?|aide a domicile)"
                       r"\b(?:\s+(?:liberale?|du centre|de garde|de la gare|[a-z]+)){0,2}(?:\s+(?:a|au|aux|de|sur)\s+|\s*\(\s*)$"
                       r"|\bpharmacie(?:\s+[a-z-]+)?\s+$")  # "Pharmacie centrale Aurillac, je vous adresse …"


# Said by the one who calls of themself, right before a place ("moi j'habite à Montpellier", "je vous appelle de
# Pointe-à-Pitre")
# "sa mère appelle de Montpellier", "il m'appelle de Saumur": where the call comes from, the patient's place only when
# no other is said
_CALLED_FROM = re.compile(r"\bappel(?:le|lent|ait) (?:de|d'|depuis)\s*$")
_CALLER_IS_AT = re.compile(r"\b(?:je suis|j'habite|je vis|j'appelle|je vous appelle|je t'appelle|on m'appelle)"
                           r"(?: actuellement| en ce moment)?\s+(?:a|au|aux|de|d'|du|des|sur|dans le|dans la)?\s*$")


# A practitioner, then a few words that say nothing of the patient, right before a place: where the doctor practises
_PRACTICE = re.compile(r"(?:\b(?:dr|docteur|medecin|mt|generaliste|specialiste|cardiologue|dermatologue|pediatre"
                       r"|gynecologue|ophtalmologue|psychiatre|secretariat|cabinet)\b|\bcab\."
                       r"|\b(?:son|sa|le|du) \|{3,})(?P<rest>[^;!?\n]{0,30})$")  # "son cardiologue", masked as read
_OF_THE_PATIENT = re.compile(r"\.\s+\w|\b(?:habite|vit|domicilie|domiciliee|demeurant|patient|patiente|pt|pte|chez)\b")


def _of_a_practice(before: str) -> bool:
    """Folded text `before` a place ends with a practitioner and words of theirs ("secrétariat Dr Fabre (cab. ",
    "médecin de garde secteur ", "son cardiologue il est à ")."""
    practice = _PRACTICE.search(before)
    return practice is not None and not _OF_THE_PATIENT.search(practice["rest"])


def opens_with_a_complaint(folded: str) -> bool:
    """Folded text begins with a complaint the reader knows ("céphalées et TA à 18/10", "douleur thoracique")."""
    reader = _Reader(folded)
    return bool(reader.tokens) and reader.symptom_end(0) is not None


def read_free_text(text: str, emails: tuple[str, ...] = ()) -> list[Span]:
    """Spans of prenom, nom, nom_naissance, lieu_naissance, localisation and symptomes in `text`, and of the
    practitioners named (PRACTITIONER), which are no patient detail; `emails` are the addresses read from it."""
    return _Reader(text, emails).read()
