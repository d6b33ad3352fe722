"""Motif choice for a slot and a patient (mode d'emploi: "Si le motif « Soins non programmés » est
disponible, merci de le sélectionner. S'il n'est pas disponible, sélectionnez le motif le plus pertinent").

A patient the practitioner already knows (the funnel's « Avez-vous déjà consulté ce praticien ? ») may be booked
for the motifs reserved to followed patients, and gets a follow-up motif when the slot has one; « Soins non
programmés » still comes first."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.agenda.models import Motif, Practitioner
from bot.agenda.specialties import normalize
from bot.vocabulary import EXTRA_PATIENT_FIELDS, MODES

ADULT_AGE = 18  # "Enfant - ..." motifs are for minors


@dataclass(frozen=True)
class Patient:
    birth_date: date
    civilite: str | None = None
    known: bool = False  # has already consulted this practitioner

    def age(self, today: date) -> int:
        before_birthday = (today.month, today.day) < (self.birth_date.month, self.birth_date.day)
        return today.year - self.birth_date.year - before_birthday

    def describe(self, today: date) -> str:
        """"une patiente de 74 ans", "un patient de 8 mois"."""
        who = "une patiente" if (self.civilite or "").lower() in ("mme", "madame") else "un patient"
        years = self.age(today)
        if years >= 1:
            return f"{who} de {years} an{'s' if years > 1 else ''}"
        months = (today.year - self.birth_date.year) * 12 + today.month - self.birth_date.month
        months -= today.day < self.birth_date.day
        return f"{who} de {max(months, 0)} mois"


@dataclass(frozen=True)
class MotifChoice:
    motif: Motif
    reason: str


class NoSuitableMotif(ValueError):
    """No motif of the slot may be booked for this patient; the message says why, in French."""


def refusal(motif: Motif, patient: Patient, mode: str, today: date) -> str | None:
    """Why this motif cannot be booked for this patient in this mode, or None when it can."""
    if motif.snp:
        return None
    if not motif.new_patients and not patient.known:
        return f"Le motif « {motif.label} » est réservé aux patients suivis par le praticien."
    adult = patient.age(today) >= ADULT_AGE
    if motif.population == "child" and adult:
        return f"Le motif « {motif.label} » est réservé aux enfants."
    if motif.population == "adult" and not adult:
        return f"Le motif « {motif.label} » est réservé aux adultes."
    if not motif.allows_mode(mode):
        return f"Le motif « {motif.label} » n'est pas proposé {MODES[mode].label}."
    return None


def choose_motif(motifs: list[Motif], patient: Patient, mode: str, symptoms: str, today: date) -> MotifChoice:
    snp = next((motif for motif in motifs if motif.snp), None)
    if snp is not None:
        return MotifChoice(snp, f"Motif « {snp.label} » : proposé sur ce créneau.")
    allowed = [motif for motif in motifs if refusal(motif, patient, mode, today) is None]
    who = f"{patient.describe(today)} {MODES[mode].label}"
    if not allowed:
        excluded = "" if patient.known else " (les motifs réservés aux patients suivis sont exclus)"
        raise NoSuitableMotif(f"Aucun motif de ce créneau ne convient à {who}{excluded}.")
    words = _stems(symptoms)
    follow_ups = [motif for motif in allowed if motif.follow_up] if patient.known else []
    best = max(follow_ups or allowed,
               key=lambda motif: (len(words & _stems(motif.label)), motif.population != "all", -motif.id))
    if follow_ups:
        return MotifChoice(best, f"Pas de motif « Soins non programmés » sur ce créneau : « {best.label} », "
                                 f"motif de suivi pour {who} qui a déjà consulté ce praticien.")
    return MotifChoice(
        best,
        f"Pas de motif « Soins non programmés » sur ce créneau : « {best.label} », le plus adapté à {who}.",
    )


def required_fields(practitioner: Practitioner, motif: Motif) -> list[str]:
    """The extra patient fields to book this motif with this practitioner: theirs and the motif's."""
    wanted = set(practitioner.required_fields) | set(motif.required_fields)
    return [field for field in EXTRA_PATIENT_FIELDS if field in wanted]


def _stems(text: str) -> set[str]:
    # Five-letter prefixes match "fièvre"/"fiévreux", "enfant"/"enfants" without a stemmer.
    return {word[:5] for word in normalize(text or "").split() if len(word) >= 4}
