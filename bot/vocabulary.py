"""The words the NLU, the actions, the agenda and the side panel share, defined once.

Consultation modes, specialties (TRE_R38 codes, the agenda's labels and the ways regulators say them), the
patient and need fields with their French labels, and the SAS time zone. The NLU reads the phrases (written
folded: lower case, no accents, as `bot.nlu.text.fold` leaves a text), the agenda accepts them, the panel
gets the labels from the agenda's `/config.json`. Plain data: no import beyond the standard library.
"""
from __future__ import annotations

from dataclasses import dataclass

SAS_TIMEZONE = "Europe/Paris"  # the default of the SAS_TIMEZONE setting


@dataclass(frozen=True)
class Mode:
    code: str  # what the agenda stores and answers
    label: str  # "au cabinet": after a noun ("une patiente de 74 ans au cabinet"); the panel capitalizes it
    said: tuple[str, ...]  # folded phrases the NLU reads in a message


# The patient cannot come to the practice: a home visit, unless a mode is asked for ("…, une téléconsultation lui irait")
# (said with or without its "ne": "il peut pas se déplacer", "elle ne peut pas aller au cabinet")
UNABLE_TO_COME = ("ne se deplace pas", "ne se deplace plus", "se deplace pas", "se deplace plus",
                  *(f"{cannot} {come}" for cannot in ("ne peut pas", "ne peut plus", "peut pas", "peut plus",
                                                      "n'arrive pas a", "n'arrive plus a", "arrive pas a", "arrive plus a")
                    for come in ("se deplacer", "aller au cabinet", "venir au cabinet", "se rendre au cabinet")))
MODES = {mode.code: mode for mode in (
    Mode("cabinet", "au cabinet", ("au cabinet", "en cabinet", "cabinet", "au cab", "cab", "en presentiel",
                                    "presentiel")),
    Mode("video", "en vidéo", ("en video", "video", "en visio", "visio", "visioconference", "teleconsultation",
                               "teleconsult", "tlc")),  # "TLC svp" in notes
    # a doctor coming to the patient: "qu'un médecin passe la voir", "que le médecin vienne à la maison"
    Mode("domicile", "à domicile", ("a domicile", "visite a domicile", "visite domicile", "visite a dom", "visite dom",
                                    "a dom",
                                    "en visite", "vad", "se deplacer chez",
                                    # "il faudrait une visite": the doctor goes; "consultation" is at the practice
                                    "une visite", "visite d'un medecin", "visite du medecin",
                                    # "demande le passage d'un médecin", "demande passage medecin a l'EHPAD" (a note)
                                    "passage d'un medecin", "passage du medecin", "passage medecin",
                                    *UNABLE_TO_COME,
                                    *(f"{who} a la maison" for who in ("medecin", "visite", "consultation",
                                                                       "quelqu'un")),
                                    # "un médecin qui passe demain", "quelqu'un qui se déplace"
                                    *(f"{who} qui {come}" for who in ("medecin", "docteur", "generaliste", "quelqu'un")
                                      for come in ("passe", "vienne", "se deplace")),
                                    # "est-ce que quelqu'un peut passer ce soir", "qqn pourrait passer ds les 3h"
                                    *(f"{who} {can} {come}" for who in ("quelqu'un", "un medecin", "le medecin")
                                      for can in ("peut", "pourrait", "puisse", "pourra")
                                      for come in ("passer", "se deplacer")),
                                    # "que quelqu'un aille la voir chez elle", "que le médecin passe sur place"
                                    *(f"{come} {where}" for come in ("passe", "passer", "vienne", "venir", "aille")
                                      for where in ("a la maison", "au domicile", "la voir", "le voir", "les voir",
                                                    "chez lui", "chez elle", "chez eux", "sur place",
                                                    # a care home: "qu'un MG passe dans l'établissement"
                                                    "dans l'etablissement", "a l'etablissement", "a l'ehpad",
                                                    # "que le médecin passe voir le résident sur place"
                                                    *(f"voir {one}" for one in ("le patient", "la patiente",
                                                                                "le resident", "la residente")))))),
)}
DEFAULT_MODE = "cabinet"


@dataclass(frozen=True)
class Specialty:
    code: str  # TRE_R38 (SpecialiteOrdinale), as in the FHIR answers
    label: str  # the agenda's label
    name: str  # the value the NLU gives the `specialite` slot
    said: tuple[str, ...]  # folded phrases the NLU reads in a message
    alone: tuple[str, ...] = ()  # also accepted by the agenda as a whole query, too vague inside a sentence
    treats: tuple[str, ...] = ()  # what it cares for, with its article: "un médecin pour les yeux"
    short: tuple[str, ...] = ()  # also a qualifier ("ATCD psy", "signe neuro"): a specialty only where one is asked

    @property
    def said_by_what_it_treats(self) -> tuple[str, ...]:
        """"medecin pour les yeux", "specialiste de la peau", "docteur des enfants"."""
        return tuple(f"{doctor} {link}" for doctor in ("medecin", "specialiste", "docteur")
                     for treated in self.treats for link in (f"pour {treated}", _of(treated)) if link)


def _of(treated: str) -> str:
    """ "de" before what a doctor treats, as French contracts it ("" for a plural said with no article)."""
    for article, contracted in (("les ", "des "), ("le ", "du "), ("la ", "de la "), ("l'", "de l'")):
        if treated.startswith(article):
            return contracted + treated.removeprefix(article)
    return ""


# The specialties of the agenda's reference list. Midwives, dentists and physiotherapists are professions,
# not TRE_R38 specialties: they are not offered, so neither read nor searched.
SPECIALTIES = (
    Specialty("SM54", "Médecine générale", "médecine générale",
              ("medecin generaliste", "generaliste", "medecine generale", "mg", "medecin ge", "med ge", "medecin gen",
               "med gen", "omnipraticien"), ("medecin", "medecin traitant")),
    Specialty("SM40", "Pédiatrie", "pédiatrie", ("pediatre", "pediatrie", "pedia"),
              treats=("les enfants", "enfants", "les bebes", "bebes")),
    Specialty("SM15", "Dermatologie et vénéréologie", "dermatologie",
              ("dermatologue", "dermato", "dermatologie", "derma", "derm"), treats=("la peau",)),
    Specialty("SM04", "Cardiologie et maladies vasculaires", "cardiologie", ("cardiologue", "cardio", "cardiologie"),
              treats=("le coeur",)),
    Specialty("SM19", "Gynécologie médicale", "gynécologie", ("gynecologue", "gyneco", "gynecologie", "gyne")),
    Specialty("SM20", "Gynécologie-obstétrique", "gynécologie-obstétrique",
              ("gynecologue-obstetricien", "gynecologue obstetricien", "gynecologie-obstetrique", "obstetricien",
               "obstetricienne", "obstetrique")),
    Specialty("SM38", "Ophtalmologie", "ophtalmologie",
              ("ophtalmologue", "ophtalmologiste", "ophtalmo", "ophtalmologie", "oculiste", "oph"),
              treats=("les yeux", "l'oeil", "la vue")),
    Specialty("SM39", "Oto-rhino-laryngologie", "oto-rhino-laryngologie",
              ("orl", "oto-rhino", "oto rhino", "otorhino", "oto-rhino-laryngologiste", "oto-rhino-laryngologue",
               "oto-rhino-laryngologie"),
              treats=("les oreilles", "l'oreille", "le nez", "la gorge")),
    Specialty("SM42", "Psychiatrie", "psychiatrie", ("psychiatre", "psychiatrie", "pedopsychiatre", "pedopsy"),
              short=("psy",)),
    Specialty("SM32", "Neurologie", "neurologie", ("neurologue", "neurologie"), short=("neuro",)),
    Specialty("SM16", "Endocrinologie et métabolisme", "endocrinologie",
              ("endocrinologue", "endocrino", "endocrinologie", "endoc", "diabetologue")),
    Specialty("SM57", "Allergologie", "allergologie", ("allergologue", "allergologie", "allergo")),
)
DEFAULT_SPECIALTY = "SM54"
# "Élargir le rayon" past the département's cap (the widest, Creuse, is 133 km): still within a drive.
MAX_SEARCH_RADIUS_KM = 200

# The patient fields of the booking funnel (the agenda's booking request, the dialogue's slots), in the
# order they are shown, with their labels.
PATIENT_FIELDS = {
    "civilite": "Civilité",
    "prenom": "Prénom",
    "nom": "Nom",
    "nom_naissance": "Nom de naissance",
    "date_naissance": "Date de naissance",
    "lieu_naissance": "Lieu de naissance",
    "telephone": "Téléphone",
    "email": "Email",
}
MANDATORY_PATIENT_FIELDS = ("prenom", "nom", "nom_naissance", "date_naissance", "telephone")
NAME_FIELDS = ("prenom", "nom", "nom_naissance")  # the person names, written as the booking form takes them
# What some practitioners (or one of their motifs) require on top of the mandatory fields (the guide: "certains
# praticiens demandent plus d'informations").
EXTRA_PATIENT_FIELDS = ("civilite", "email", "lieu_naissance")
# A birth place is a French commune, or abroad: "Étranger", or "Étranger (Maroc)" with the country.
BORN_ABROAD = "Étranger"
# What the regulator says of the need: the dialogue's slots, turned into a search by the actions.
NEED_FIELDS = {
    "localisation": "Lieu",
    "type_consultation": "Mode",
    "creneau": "Quand",
    "urgence": "Délai",
    "specialite": "Spécialité",
    "specialite_sinon": "Spécialité à défaut",  # "un psychiatre ou à défaut un MG": searched when the first has none
    "symptomes": "Symptômes",
}
