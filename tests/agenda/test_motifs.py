"""Motif choice: "Soins non programmés" when offered, otherwise the most relevant motif for the patient."""
from datetime import date

import pytest

from bot.agenda.models import Motif
from bot.agenda.motifs import NoSuitableMotif, Patient, choose_motif, refusal
from tests.agenda.factories import ADULT_FIRST, CHILD_FIRST, FOLLOW_UP, SNP, VIDEO

TODAY = date(2026, 3, 16)
WOMAN_74 = Patient(date(1952, 1, 21), "Mme")
CHILD_6 = Patient(date(2019, 9, 1))


def motif(id_, label, population="all", new_patients=True, cabinet=True, video=False, snp=False, follow_up=False):
    return Motif(id=id_, label=label, population=population, new_patients=new_patients,
                 cabinet=cabinet, video=video, domicile=False, snp=snp, follow_up=follow_up)


GP = [
    motif(1, FOLLOW_UP, new_patients=False, video=True, follow_up=True),
    motif(2, ADULT_FIRST, "adult"),
    motif(3, CHILD_FIRST, "child"),
    motif(4, VIDEO, cabinet=False, video=True),
]


def test_snp_is_chosen_whenever_the_slot_offers_it():
    choice = choose_motif(GP + [motif(9, SNP, snp=True)], WOMAN_74, "cabinet", "", TODAY)
    assert choice.motif.id == 9
    assert choice.reason == "Motif « Soins non programmés » : proposé sur ce créneau."


def test_adult_first_consultation_for_a_74_year_old_woman_at_the_practice():
    choice = choose_motif(GP, WOMAN_74, "cabinet", "", TODAY)
    assert choice.motif.label == ADULT_FIRST
    assert choice.reason == (
        "Pas de motif « Soins non programmés » sur ce créneau : « Adulte - Première consultation de "
        "médecine générale », le plus adapté à une patiente de 74 ans au cabinet."
    )


def test_child_motif_for_a_child():
    assert choose_motif(GP, CHILD_6, "cabinet", "", TODAY).motif.label == CHILD_FIRST


def test_video_mode_takes_the_teleconsultation_motif():
    choice = choose_motif(GP, WOMAN_74, "video", "", TODAY)
    assert choice.motif.label == VIDEO
    assert choice.reason.endswith("une patiente de 74 ans en vidéo.")


def test_never_a_motif_reserved_to_followed_patients():
    with pytest.raises(NoSuitableMotif, match="patients suivis"):
        choose_motif([GP[0], GP[1]], CHILD_6, "cabinet", "", TODAY)


def test_symptoms_pick_the_closest_motif():
    motifs = [
        motif(2, "Adulte - Renouvellement d'ordonnance", "adult"),
        motif(5, "Adulte - Fièvre ou infection", "adult"),
    ]
    assert choose_motif(motifs, WOMAN_74, "cabinet", "fièvre depuis hier soir", TODAY).motif.id == 5
    assert choose_motif(motifs, WOMAN_74, "cabinet", "", TODAY).motif.id == 2


def test_a_motif_for_the_patients_own_population_beats_a_motif_for_all():
    motifs = [motif(1, "Consultation", "all"), motif(2, ADULT_FIRST, "adult")]
    assert choose_motif(motifs, WOMAN_74, "cabinet", "", TODAY).motif.id == 2


def test_refusals_say_why():
    assert refusal(GP[0], WOMAN_74, "cabinet", TODAY) == (
        "Le motif « Consultation de suivi (patients du cabinet) » est réservé aux patients suivis par le praticien."
    )
    assert refusal(GP[2], WOMAN_74, "cabinet", TODAY) == (
        "Le motif « Enfant - Première consultation de médecine générale » est réservé aux enfants."
    )
    assert "réservé aux adultes" in refusal(GP[1], CHILD_6, "cabinet", TODAY)
    assert "n'est pas proposé en vidéo" in refusal(GP[1], WOMAN_74, "video", TODAY)
    assert refusal(GP[1], WOMAN_74, "cabinet", TODAY) is None


def test_a_patient_who_already_consulted_gets_the_follow_up_motif():
    known = Patient(WOMAN_74.birth_date, "Mme", known=True)
    choice = choose_motif(GP, known, "cabinet", "", TODAY)
    assert choice.motif.label == FOLLOW_UP
    assert choice.reason == (
        "Pas de motif « Soins non programmés » sur ce créneau : « Consultation de suivi (patients du cabinet) », "
        "motif de suivi pour une patiente de 74 ans au cabinet qui a déjà consulté ce praticien."
    )
    assert refusal(GP[0], known, "cabinet", TODAY) is None


def test_soins_non_programmes_stays_first_for_a_known_patient():
    known = Patient(WOMAN_74.birth_date, known=True)
    assert choose_motif(GP + [motif(9, SNP, snp=True)], known, "cabinet", "", TODAY).motif.label == SNP


def test_a_known_patient_without_follow_up_motif_on_the_slot_gets_the_usual_one():
    known = Patient(WOMAN_74.birth_date, known=True)
    assert choose_motif(GP[1:], known, "cabinet", "", TODAY).motif.label == ADULT_FIRST


@pytest.mark.parametrize(
    "birth, civilite, text",
    [
        (date(2025, 7, 20), None, "un patient de 7 mois"),
        (date(2025, 3, 16), "M.", "un patient de 1 an"),
        (date(1952, 3, 17), "Madame", "une patiente de 73 ans"),
        (date(1952, 3, 16), "Mme", "une patiente de 74 ans"),
    ],
)
def test_patient_description(birth, civilite, text):
    assert Patient(birth, civilite).describe(TODAY) == text
