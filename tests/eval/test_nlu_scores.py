"""Scoring of the NLU report: birth places read as locations, misses, targets; no model involved."""
from bot.eval.nlu import print_misses, realistic_targets
from bot.eval.nlu_scores import Parsed, birth_place_as_location, differences, score
from bot.eval.nlu_sets import DEV, EvalSet, load_set

BORN_ELSEWHERE = {"text": "Mme Léa Guillou née le 08/05/1990 à Quimper, elle vit à Caluire-et-Cuire",
                  "style": "typed", "intent": "adresser_patient",
                  "expected": {"civilite": "Madame", "prenom": "Léa", "nom": "Guillou", "date_naissance": "1990-05-08",
                               "lieu_naissance": "Quimper", "localisation": "Caluire-et-Cuire"}}
ONLY_BIRTH_PLACE = {"text": "ah et elle est née à Rennes", "style": "dictated", "intent": "inform",
                    "expected": {"lieu_naissance": "Rennes"}}


def read(message: dict, **changes) -> Parsed:
    record = {**message["expected"], **changes}
    return Parsed(message["intent"], {k: v for k, v in record.items() if v is not None})


def test_a_birth_place_read_as_the_location_is_counted_whatever_its_case():
    assert birth_place_as_location(BORN_ELSEWHERE, read(BORN_ELSEWHERE, localisation="QUIMPER"))
    assert birth_place_as_location(ONLY_BIRTH_PLACE, read(ONLY_BIRTH_PLACE, localisation="rennes"))
    assert not birth_place_as_location(BORN_ELSEWHERE, read(BORN_ELSEWHERE))
    assert not birth_place_as_location(ONLY_BIRTH_PLACE, read(ONLY_BIRTH_PLACE))


def test_the_birth_place_also_counts_when_read_for_both_fields():
    wrong = read(BORN_ELSEWHERE, lieu_naissance="Quimper Bretagne", localisation="quimper bretagne")
    assert birth_place_as_location(BORN_ELSEWHERE, wrong)


def test_differences_name_the_wrong_fields_and_intent_and_score_counts_them():
    wrong = Parsed("inform", {**BORN_ELSEWHERE["expected"], "localisation": "Quimper", "urgence": 8})
    assert differences(BORN_ELSEWHERE, wrong) == {"localisation": ("Caluire-et-Cuire", "Quimper"),
                                                  "urgence": (None, 8),
                                                  "intent": ("adresser_patient", "inform")}
    assert differences(BORN_ELSEWHERE, read(BORN_ELSEWHERE, localisation="caluire et cuire")) == {}
    report = score([BORN_ELSEWHERE, ONLY_BIRTH_PLACE], [wrong, read(ONLY_BIRTH_PLACE)])
    assert report.whole_record() == 0.5 and report.birth_place_as_location == 1
    assert report.counts[("typed", "localisation")].fp == 1


def test_targets_are_met_by_a_perfect_reading_only():
    dev = load_set(DEV)
    perfect = score(dev.messages, [read(m) for m in dev.messages])
    assert all(met for _, _, met in realistic_targets(perfect))
    blind = score(dev.messages, [Parsed(m["intent"], {}) for m in dev.messages])
    assert [met for _, _, met in realistic_targets(blind)] == [False, False, False, True]


def test_misses_show_the_expected_and_read_values(capsys):
    eval_set = EvalSet(DEV, load_set(DEV).now, [BORN_ELSEWHERE, ONLY_BIRTH_PLACE])
    print_misses(eval_set, [read(BORN_ELSEWHERE, localisation="Quimper"), read(ONLY_BIRTH_PLACE)])
    out = capsys.readouterr().out
    assert "1 of 2 messages read wrong" in out and "Caluire-et-Cuire" in out and "ah et elle" not in out
