"""Plain parsers for one field, called by the form validators on a bare answer and by the NLU components.

Pure functions: no Rasa import, no clock (`today`/`now` are passed in).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

import phonenumbers

from bot.nlu.dates import GLUED_BIRTH_DATES, find_dates, glued_birth_date
from bot.nlu.names import parse_person_name
from bot.nlu.taken_back import TAKEN_BACK, meant
from bot.nlu.text import Normalized, fold, normalize_dictation
from bot.nlu.time_windows import BY_A_CLOCK_HOUR, find_time_window
from bot.nlu.vocabulary import (
    CIVILITES,
    DEFAULT_SPECIALTY_NAME,
    MODES,
    SHORT_SPECIALTIES,
    SOMEONE_ELSE_COMING,
    SPECIALTIES,
    URGENCY_PHRASES,
    URGENCY_TABLE,
    WEEKDAYS,
    Found,
    PhraseTable,
)
from bot.phone_plans import french_number
from bot.vocabulary import UNABLE_TO_COME

__all__ = [
    "normalize_dictation", "parse_phone", "parse_birth_date", "parse_email", "parse_person_name",
    "parse_civilite", "parse_mode", "parse_urgency", "parse_time_window", "parse_specialty",
    "find_phones", "find_emails", "find_civilite", "find_modes", "find_urgencies", "find_specialties",
]

_CIVILITES = PhraseTable(CIVILITES)
_MODES = PhraseTable(MODES)
_SPECIALTIES = PhraseTable(SPECIALTIES)
_SPECIALTY_WORDS = {phrase: value for value, phrases in SPECIALTIES.items() for phrase in phrases
                    if " " not in phrase and "-" not in phrase and len(phrase) >= 6}
_SHORT_NAME = {short: name for name, shorts in SHORT_SPECIALTIES.items() for short in shorts}
# A short form is the specialty asked for ("un psy", "neuro urgent", "suivi psy souhaité"), unless it qualifies
# a finding or a history ("ATCD psy", "pas de signe neuro", "troubles psy").
_SHORT_QUALIFIED = re.compile(r"\b(?:atcd|antecedents?|signes?|troubles?|deficits?|examen|pathologies?|symptomes?|"
                              r"histoire|terrain|hospitalisations?|hospit|etat|bilan|une|suspicion de)\s+$")
_SHORT_SAID = re.compile(rf"(?<![\w'-])(?P<short>{'|'.join(_SHORT_NAME)})(?![\w-])")
_URGENCY_DELAY = re.compile(
    r"(?:dans|sous|ss|d'ici|d ici|en moins de|moins de|avant|max(?:imum)?|(?:peu[tv]e?n?t?|pourrai[et]n?t?) attendre"
    r"(?: jusqu'a)?|dans un delai de|sous un delai de|delai\s*:?(?:\s*<)?|<)\s*"  # "Délai : < 24h", "MG cabinet < 24h"
    r"(?:les\s+|la\s+|l')?(?P<n>\d+)\s*"
    r"(?:(?:a|-|ou)\s*\d+\s*)?"  # "sous 24 à 48h": the stricter bound
    r"(?P<unit>h\b|heures?|jours?|j\b|semaines?|sem\b)(?:\s+max(?:imum)?\b)?"
)
_HOURS_IN = {"h": 1, "j": 24, "s": 24 * 7}  # by the unit's first letter
_NOT_PRESSING = max(URGENCY_PHRASES)  # hours: "pas pressé"
# "il respire vite", "ça s'aggrave rapidement": how the complaint goes, not how soon the patient is to be seen
_SYMPTOM_PACE = re.compile(r"\b(?:respire|respirent|respirait|bat|battait|s'essouffle|essouffle|se fatigue|gonfle"
                           r"|s'aggrave|aggrave|evolue|progresse|grossit|monte|augmente|baisse)\s+(?:tres\s+|trop\s+)?$")
_NEGATION_BEFORE = re.compile(r"\b(?:non|pas|peu|sans|n'est pas|pas du tout|pas vraiment|pas si|pas tres|pas trop)"
                              r"(?: (?:si|tres|trop|vraiment|tellement|forcement|obligatoirement|necessairement))?\s+$")
# "06/50/33/71/92": five pairs, no date
_SLASHED_PHONE = re.compile(r"(?<![\d/])0\d(?:/\d{2}){4}(?![\d/])")
# not inside a number already begun: "30.08.1931 (95 ans)" is a date, "08.1931 (95" no phone
_DIGIT_RUN = re.compile(r"(?<!\d[./\-])(?:\+|\b00|\b0)\d[\d .\-()]*\d")
_PHONE_WORD_BEFORE = re.compile(
    r"\b(?:tel|telephone|portable|port|numero|fixe|mobile|joignable)\b\W*(?:au|le|sur le|c'est le)?\s*$")
# Numbers are dialled in pairs: one digit more after a whole number ("06 12 34 56 78 9") is an eleventh digit, a
# number mistyped, not a valid number followed by something else (unless it counts something: "… 14 6 ans").
_LONE_DIGIT_AFTER = re.compile(r"[ .\-]\d(?![\d.,/:h])(?!\s*(?:ans?|mois|semaines?|jours?|heures?|enfants?)\b)")
# A pair of digits more at the end of what was said ("06 62 41 33 24 56", "… 24 56, fièvre"): a number dialled too
# long, not a valid number and something else (an age, a house number, a date or an hour go on after the pair).
_PAIR_AFTER = re.compile(r"[ .\-]\d{2}(?=\s*(?:$|[,;!?)]|\.(?!\d)|\s+(?![\d(])(?!(?:ans?|mois|semaines?|jours?|"
                         r"heures?|h|enfants?|rue|avenue|av|bd|boulevard|chemin|all[ée]e|impasse|place|route|quai|bis|ter"
                         r")\b)))", re.IGNORECASE)  # normalized text keeps its accents and capitals: "12 Allée …"
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def find_phones(text: str) -> list[Found]:
    """Valid phone numbers in normalized text, E.164 (French by default, overseas numbers with their own country
    code, or with the code they were given).

    When digits run on after a number ("06 40 80 75 69 69 ans", "... 43 27.10.97"), the matcher sees one
    invalid number, and it skips numbers it takes for a date's neighbour ("8/1/1966 / 04 27 ..."): such a
    run is read again, shortened group by group from its end."""
    text = _SLASHED_PHONE.sub(lambda number: number.group(0).replace("/", " "), text)  # as long: the spans hold
    found = [Found(_e164(french_number(m.raw_string) or m.number), m.start, m.end)
             for m in phonenumbers.PhoneNumberMatcher(text, "FR", leniency=phonenumbers.Leniency.VALID)
             if not _LONE_DIGIT_AFTER.match(text, m.end) and not _PAIR_AFTER.match(text, m.end)]
    for run in _digit_runs(text):
        if any(f.start < run.end() and run.start() < f.end for f in found):
            continue
        groups = list(re.finditer(r"\S+", run.group(0)))
        if (again := _restart_in(run.group(0), groups)) is not None:
            found.append(Found(_e164(french_number(run.group(0)[again:])), run.start() + again, run.end()))
            continue
        for end in reversed([m.end() for m in groups]):
            number = french_number(run.group(0)[:end])
            if number and not _LONE_DIGIT_AFTER.match(text, run.start() + end) \
                    and not _PAIR_AFTER.match(text, run.start() + end):
                found.append(Found(_e164(number), run.start(), run.start() + end))
                break
        else:  # "15/01/05 0612784039": the end of a date before the number, read from where the number starts
            number, start = next(((french_number(run.group(0)[m.start():]), m.start()) for m in groups[1:]
                                  if m.group(0)[0] in "0+" and french_number(run.group(0)[m.start():])), (None, 0))
            if number:
                found.append(Found(_e164(number), run.start() + start, run.end()))
            elif restarted := _restarted_from_a_pair(text, run):
                found.append(restarted)
    return sorted((_end_said_again(text, f) for f in found), key=lambda f: f.start)


def _restart_in(digits: str, groups: list[re.Match]) -> int | None:
    """Where a number said again from its start begins, in a run too long for one ("06 93 euh 06 93 21 48 55",
    its hesitation dropped): its first groups said twice, a whole number from the second time; else None."""
    if french_number(digits) is not None:
        return None
    said = [g.group(0) for g in groups]
    return next((groups[k].start() for k in range(1, len(said) // 2 + 1)
                 if said[:k] == said[k:2 * k] and french_number(digits[groups[k].start():])), None)


def _restarted_from_a_pair(text: str, run: re.Match) -> Found | None:
    """"06 96 30 48 non attendez 30 49 22", "06 92 41 20 non pardon 21 32 15": a number taken back before its end and
    said again from one of its pairs, or from the one just said, is that number, its pairs from there replaced."""
    back = TAKEN_BACK.match(fold(text), run.end())
    again = back and _PAIRS_AGAIN.match(text, back.end())
    if not again:
        return None
    dialled, pairs = re.sub(r"\D", "", run.group(0)), re.sub(r"\D", "", again.group(0))
    # from the latest pair said again; else the pair right before the correction is the one taken back ("… 20 non
    # pardon 21 32 15")
    restarts = [at for at in range(len(dialled) - 2, -1, -2) if dialled[at:at + 2] == pairs[:2]] + [len(dialled) - 2]
    number = next((found for at in restarts if (found := french_number(dialled[:at] + pairs))), None)
    return Found(_e164(number), run.start(), again.end()) if number else None


_PAIRS_AGAIN = re.compile(r"\d{2}(?: \d{2}){1,4}(?!\s*\d)")


def without_misdialled(phones: list[Found], folded: str) -> list[Found]:
    """"07 63 41 18 82 ah non attendez il se corrige 83 à la fin 07 63 41 18 83": a number said again with a pair or
    two changed, after words that correct, corrects the one before (two lines of one place may differ so, unannounced)."""
    return [phone for k, phone in enumerate(phones)
            if not any(_pairs_apart(phone.value, later.value) in (1, 2)
                       and _CORRECTING_WORDS.search(folded, phone.start, later.start) for later in phones[k + 1:])]


def _pairs_apart(number: str, other: str) -> int:
    """How many pairs of digits two numbers of one length differ in, counted from the end as they are said."""
    def pairs(digits: str) -> list[str]:
        return [digits[max(0, k - 2):k] for k in range(len(digits), 0, -2)]
    if len(number) != len(other):
        return len(number)
    return sum(a != b for a, b in zip(pairs(number), pairs(other), strict=True))


# "… pas vingt donc zéro six dix vingt-cinq …": the number said again to conclude a correction is the one meant
_CORRECTING_WORDS = re.compile(r"\b(?:non|pardon|attendez|attends|corrige|erreur|trompee?|plutot|donc)\b")


def to_file_first(phones: list[Found], folded: str) -> list[Found]:
    """The number the message says to file, first: "elle a un fixe au 05 … mais mettez son portable à lui, 06 …",
    "… Pour le dossier mettre le fixe du patient : 05 …"; else they stay in the order said."""
    kind = _TO_FILE_THE_KIND.search(folded, phones[-1].end) if len(phones) > 1 else None
    if kind:  # "tel du fils 06 … / fixe de la mère 05 …, mettez le fixe de la mère": the one said to be of that kind
        labelled = [k for k, phone in enumerate(phones)
                    if kind.group(1) in folded[phones[k - 1].end if k else 0:phone.start][-30:]]
        if len(labelled) == 1:
            k = labelled[0]
            return [phones[k], *phones[:k], *phones[k + 1:]]
    for k, phone in enumerate(phones[1:], start=1):
        after = folded[phone.end:phones[k + 1].start if k + 1 < len(phones) else phone.end + 40][:40]
        before = folded[max(phones[k - 1].end, phone.start - 60):phone.start]
        said_before = folded[phones[k - 2].end if k > 1 else 0:phones[k - 1].start][-60:]
        if (_TO_FILE.search(before) or _CALL_THERE.search(before)) and not _AS_WELL.search(before) \
                or _TO_CALL.match(after) or _THE_CALLER_S.search(said_before) and _THE_PATIENT_S.search(before):
            return [phone, *phones[:k], *phones[k + 1:]]
    return phones


# "… mais il vaut mieux appeler son père directement au 0693 …", "elle préfère qu'on appelle sa mère : 06 …", "pour la
# visio il faut appeler sa femme : 07 …": the one to call is the one to file
_CALL_THERE = re.compile(r"\b(?:directement|plutot|mieux|prefere\w*|faut|veut|voudrait|souhaite)\b.*\b(?:appel\w*|joindre"
                         r"|contacter)\b|\b(?:appel\w*|joindre|contacter)\b.*\bdirectement\b"
                         # "… qui appelle (06 …) mais rappeler sur le fixe de Mme Faucher : 02 …": where to call back
                         r"|\brappel(?:er|ez|le|lera|lerez)\b"
                         # "Mme Roux (06 …) … Pour le joindre c'est son fixe à lui : 04 …": the way to reach the patient
                         r"|\bpour (?:le|la|les) joindre\b")
# "Mon numéro c'est le 07 …, le sien le 06 …": who calls gives theirs, then the patient's own, which is filed
_THE_CALLER_S = re.compile(r"\b(?:mon (?:numero|portable|tel|telephone|fixe|mobile)|le mien|moi c'est)\b")
_THE_PATIENT_S = re.compile(r"\b(?:le sien|la sienne|son (?:numero|portable|tel|telephone|fixe|mobile)|a (?:elle|lui)"
                            r"|(?:elle|lui),? c'est)\b")
# or where to call: "… préfère être appelée sur le portable"
_TO_FILE_THE_KIND = re.compile(r"\b(?:(?:mett(?:re|ez)|not(?:er|ez)|gard(?:er|ez)|prene?z)\s+(?:plutot\s+|bien\s+)?"
                               r"|(?:appelee?s?|appeler|appelez|joindre|joignable|contacter)\s+(?:plutot\s+)?(?:sur|au)\s+)"
                               r"(?:le|son)\s+(fixe|portable|mobile)\b")
# "notez aussi le mien, au cas où : 07 …": one more number, not the one to file
_AS_WELL = re.compile(r"\b(?:aussi|egalement|en plus|au cas ou|si besoin|en secours)\b")


_TO_FILE = re.compile(r"\b(?:mett(?:re|ez|ons|e)|not(?:er|ez)|a mettre|a noter|enregistr(?:er|ez)|indiqu(?:er|ez))\b")
# "…, le 04 71 64 29 85, appelez-le directement", "06 71 12 86 40, c'est elle qu'il faut appeler", "…, mettez plutôt
# celui-là"
_TO_CALL = re.compile(r"[\s,.;:)(-]*(?:appelez-l[ea]|c'est (?:elle|lui|celui-la|ce numero) qu'il faut (?:appeler|mettre|joindre)"
                      r"|c'est (?:elle|lui|celui-la) (?:a|qu'on doit) appeler"
                      r"|(?:mett|not|gard)ez (?:plutot |bien )?(?:celui-(?:la|ci)|ce numero(?:-la)?|le sien))")


def _digit_runs(text: str) -> Iterator[re.Match]:
    """The runs of digits a number may be read from, each past a date written whole at its start: in "ddn
    03.03.1971 - 06 91 27 45 83" the number starts at 06 (read from the date on, "03 03 19 71 06" is a number)."""
    for run in _DIGIT_RUN.finditer(text):
        date = _DATE_FIRST.match(run.group(0))
        rest = _DIGIT_RUN.search(text, run.start() + date.end(), run.end()) if date else run
        if rest:
            yield rest


_DATE_FIRST = re.compile(r"\d{1,2}([./-])\d{1,2}\1\d{4}(?!\d)")


def _end_said_again(text: str, phone: Found) -> Found:
    """The number with its last pairs taken back and said again after it ("… 36 88 non pardon 89")."""
    folded = fold(text)
    back = TAKEN_BACK.match(folded, phone.end)
    relayed = back and _RELAYED.match(folded, back.end())  # "… 69 30 non attendez il me dit 3 1 à la fin"
    again = back and back.end() > phone.end and (_LAST_PAIRS.match(text, back.end()) or relayed and (
        _LAST_PAIRS.match(text, relayed.end()) or _LAST_DIGITS.match(text, relayed.end())))
    if not again:
        return phone
    dialled = re.sub(r"\D", "", text[phone.start:phone.end])
    pairs = re.sub(r"\D", "", again.group(0))
    number = french_number(dialled[:-len(pairs)] + pairs) if len(pairs) < len(dialled) else None
    return Found(_e164(number), phone.start, again.end()) if number else phone


_LAST_PAIRS = re.compile(r"\d{2}(?: \d{2}){0,2}(?!\s*\d|[/.,:h]\d|\s*(?:ans?|mois)\b)")  # not a number, an age
# the caller relaying the end of the number, digit by digit
# "… 87 euh attendez elle me corrige c'est 88 à la fin"
_RELAYED = re.compile(r"(?:(?:il|elle|on) (?:me |m'a |nous )?(?:dit|corrige)(?: que)? (?:c'est )?|c'est )")
_LAST_DIGITS = re.compile(r"\d(?: \d){1,3}(?!\s*\d|[/.,:h]\d|\s*(?:ans?|mois)\b)")


def find_invalid_phones(text: str, today: date) -> list[Found]:
    """Runs of 8 to 13 digits dialled like a phone ("06 45 37 26", "+33 6 45"), or of 4 or more given as the phone
    ("tél 01 23 45"), that no numbering plan accepts
    and that are no date: kept as said, so that the assistant says the number is wrong instead of dropping it in
    silence. Call it on text where the valid phones are blanked out."""
    dates = {m.start(1) for glued in GLUED_BIRTH_DATES for m in glued.finditer(text)}  # "ddn 08011966"
    runs = (run for run in _DIGIT_RUN.finditer(text) if run.start() not in dates
            and not _DAY_BEFORE.search(text, 0, run.start())  # "ddn 21 01 1946 80a": a date's month, no phone
            and (8 <= (digits := sum(c.isdigit() for c in run.group(0))) <= 13
                 or 4 <= digits < 8 and _PHONE_WORD_BEFORE.search(text, 0, run.start())))
    # "tel 06 12 34" is a phone cut short, though it reads as 6 December 1934: its label says what it is
    return [Found(run.group(0).strip(), run.start(), run.end()) for run in runs
            if not french_number(run.group(0)) and (_PHONE_WORD_BEFORE.search(text, 0, run.start())
                                                    or not _is_a_date(run.group(0).strip(), today))]


_DAY_BEFORE = re.compile(r"(?<![\d./\-])\d{1,2} $")


def _is_a_date(digits: str, today: date) -> bool:
    """"12 03 1951" is a date; "06 12 34 56 78 9" only starts like one."""
    return any(found.start == 0 and found.end >= len(digits) for found, _ in find_dates(digits, today))


def find_emails(text: str) -> list[Found]:
    return [Found(m.group(0).lower().rstrip("."), m.start(), m.end()) for m in _EMAIL.finditer(text)]


_COLUMNS = {";", "|"}
_CIVILITY_OF = {word.rstrip("."): value for value, words in CIVILITES.items() for word in words}
_GLUED_CIVILITY = re.compile(r"(?<![\w'])(mme|mlle|melle|mr|m)\.(?=[^\W\d_])")


def find_civilite(original: str, folded: str) -> list[Found]:
    """"M." and "M" are Monsieur only before a capitalized word (not "m." in "3 m.", not "m" in "1 m 80") or as a
    column of its own in an export ("GUILLOT;Marcel;M;14/04/1939")."""
    found = []
    for hit in _CIVILITES.finditer(folded):
        before, after = original[:hit.start].rstrip()[-1:], original[hit.end:].lstrip()[:1]
        # "GUILLOT;Marcel;M;…", "Kowalski Tomasz (M)", "KOWALSKI Henryk, M., né le …": a field of its own
        column = before in _COLUMNS and after in _COLUMNS or (before, after) in (("(", ")"), (",", ",")) \
            or bool(_CIVILITY_LABEL.search(folded, 0, hit.start)) \
            or folded[hit.start:hit.end] == "m." and after.isdigit() and bool(_TWO_NAMES_BEFORE.search(original[:hit.start]))
        if folded[hit.start:hit.end] in ("m.", "m") and not (
                (_CAPITALIZED_NAME.match(original, hit.end) or column) and original[hit.start] == "M") \
                and not _small_letters_civility(original, hit):
            continue
        if _GREETED.search(folded, 0, hit.start) and _TO_THE_LISTENER.match(folded, hit.end):
            continue  # "bonjour madame, je vous appelle pour mon fils": the one who answers, not the patient
        if _OWNER_BEFORE.search(folded, 0, hit.start) and not _A_NAME_AFTER.match(original, hit.end):
            continue  # "c'est le portable de madame, lui n'en a pas": whose it is, no name: someone spoken of
        if _ON_THE_LINE.match(folded, hit.end):
            continue  # "Mme au tel pour son mari, YILMAZ Mehmet …": who calls or speaks, no name: not the patient's
        found.append(hit)
    for glued in _GLUED_CIVILITY.finditer(folded):  # "M.Paul Lefèvre", "Mme.Claire Martin"
        if original[glued.end()].isupper() and not any(f.start == glued.start() for f in found):
            found.append(Found(_CIVILITY_OF[glued.group(1)], glued.start(), glued.end()))
    found.sort(key=lambda f: f.start)
    # "monsieur euh pardon madame Claude Perrin": a civility taken back gives way to the one said next
    return meant(found, folded)


_OWNER_BEFORE = re.compile(r"\b(?:de|du|a)\s*$")
# who is on the line, or speaks for the patient: "Mme au tel pour son mari", "madame dit que s'il peut être vu en vidéo"
_ON_THE_LINE = re.compile(r"\.?\s*(?:est\s+)?(?:au (?:tel|telephone|bout du fil)|en ligne|(?:qui )?(?:nous |m'|me )?appelle"
                          r"|(?:me |nous |vous )?(?:dit|demande|precise|explique|signale|rappelle)\b)\b")
_A_NAME_AFTER = re.compile(r"\.?\s*[^\W\d_]{2,}")  # "la fille de madame Delattre": named, the patient it may be
# "M. Dupont", "M. du Plessis": a capitalized name, or a particle before one
_CAPITALIZED_NAME = re.compile(r"\s*(?:(?:du|de|des|de la|d'|d’|le|la|van|von|di|da|del)\s*)?[A-ZÀ-Ý]")
_CIVILITY_LABEL = re.compile(r"\b(?:civ|civilite|titre)\.?\s*:\s*$")  # "Civ : M. | Nom : …": the field's label
# "Dubreuil Yannick M. 22/10/1969": the civility after the names, as some software lists them
_TWO_NAMES_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]+\s+[A-ZÀ-Ý][\w'’-]+\s*$")
_GREETED = re.compile(r"\b(?:bonjour|bonsoir|merci|allo|pardon|excusez-moi|attendez|dites)[\s,]*$")  # "attendez madame je …"
_TO_THE_LISTENER = re.compile(r"[\s,.]*(?:euh\b[\s,]*)?(?:$|excus|je\b|j'|c'est\b|voila\b|alors\b|donc\b|oui\b|s'il\b|"
                              r"pardon\b|desole|ici\b|on\b|il\b|elle\b|ma\b|mon\b)")


def _small_letters_civility(original: str, hit: Found) -> bool:
    """"m. kevin lopez", "M. marcel dubois-lacroix", the names typed in small letters: "m." before a name whose first
    or second word is a first name (not "3 m. de haut")."""
    from bot.nlu.lexicons import first_name_scores

    following = re.match(r"\s*([^\W\d_]+)(?:[\s,]+([^\W\d_]+))?", original[hit.end:])
    return original[hit.start:hit.end] in ("m.", "M.") and following is not None \
        and following.group(0) == following.group(0).lower() and not original[:hit.start].rstrip()[-1:].isdigit() \
        and any(first_name_scores().get(fold(word or ""), 0) >= 3 for word in following.groups())


_NEGATED = re.compile(r"(?:\bpas|\bplutot que|\bsans|\bni)\s+(?:en\s+|de\s+|d')?$")


_REFUSED = re.compile(r",?\s*(?:impossible|pas possible|exclue?|non)\b")
# "le cabinet infirmier", "cabinet médical": a practice (often the caller), not where the patient is to be seen
_PRACTICE = re.compile(r"\s+(?:infirmiers?|infirmieres?|medical|dentaire|paramedical|de kine\w*|de radiologie)\b")


# "une visite de contrôle", "de suivi": what for, not where ("une visite d'ici demain" is when)
_VISIT_OF = re.compile(r"\s+(?:de\s+|d')(?!urgence|ici\b)")
# "en visite chez sa sœur à Dijon": where the patient stays, not a doctor's visit ("en visite chez elle" is one)
_STAYING_WITH = re.compile(r"\s+chez\s+(?:sa|son|ses|leur|leurs|des|un|une|mon|ma|mes)\b")
# "l'infirmière du cabinet", "la secrétaire de son cabinet": whose practice, not where the patient is to be seen
_OF_A_PRACTICE = re.compile(r"\b(?:du|de son|de notre|de mon|de leur)\s+$")
# "aide à domicile", "soins à domicile", "sous O2 à dom": a service (often the caller), not where the patient is to be seen
# ("un patient qu'elle suit à domicile": the care given there, no visit asked)
_SERVICE = re.compile(r"\b(?:aides?|soins|services?|maintien|hospitalisation|portage de repas|o2|oxygene|oxygenotherapie"
                      r"|suit|suivie?s?|soigne)"
                      r"(?: infirmiers?)?\s+(?:a\s+)?$")


# "ne peut pas se déplacer au cabinet": the practice is where the patient cannot go, not the mode wanted
_WHERE_UNABLE_TO_GO = re.compile(rf"(?:{'|'.join(map(re.escape, UNABLE_TO_COME))})\s+(?:jusqu['\s]\s*(?:au\s+)?)?$")


def find_modes(folded: str) -> list[Found]:
    """Modes wanted, not those refused ("pas en vidéo, plutôt au cabinet", "visio impossible") nor a practice
    named ("c'est le cabinet infirmier")."""
    found = [f for f in _MODES.finditer(folded) if not _NEGATED.search(folded[max(0, f.start - 16):f.start])
             and not _REFUSED.match(folded, f.end)
             and not (folded[f.start:f.end] == "cabinet" and (_PRACTICE.match(folded, f.end)
                                                               or _OF_A_PRACTICE.search(folded, 0, f.start)))
             and not _SERVICE.search(folded[max(0, f.start - 24):f.start])
             and not (f.value == "cabinet" and _WHERE_UNABLE_TO_GO.search(folded, 0, f.start))
             and not (folded[f.start:f.end] == "une visite" and _VISIT_OF.match(folded, f.end))
             and not (folded[f.start:f.end] == "en visite" and _STAYING_WITH.match(folded, f.end))
             and not (_COMING.match(folded, f.start) and _SOMEONE_ELSE_BEFORE.search(folded, max(0, f.start - 40), f.start))]
    asked = [Found("domicile", m.start(), m.end(m.lastindex)) for m in _VISIT_ASKED.finditer(folded)
             if not any(f.start <= m.start() < f.end for f in found)]  # "…, visite svp"
    modes = sorted(found + asked + _home_beside_doctor(folded, found), key=lambda f: f.start)
    modes = [f for f in modes if not (_EITHER_WILL_DO.search(clause := _clause_of(folded, f))
                                      and len(_MODE_WORDS.findall(clause)) > 1 and " ou " in clause)]
    named = [f for f in modes if folded[f.start:f.end] not in UNABLE_TO_COME]
    return named or modes  # a mode asked for says more than the patient unable to come


# "domicile ou cabinet peu importe", "vidéo ou cabinet, indifférent": no mode wanted
_EITHER_WILL_DO = re.compile(r"\b(?:peu importe|indifferent|indifferemment|n'importe|egal)\b")
_MODE_WORDS = re.compile(r"\b(?:domicile|dom|maison|cabinet|cab|video|visio|teleconsult\w*|vad)\b")


def _clause_of(folded: str, found: Found) -> str:
    starts = [m.end() for m in re.finditer(r"[,.;:!?\n]", folded[:found.start])]
    end = re.search(r"[,.;:!?\n]", folded[found.end:])
    return folded[starts[-1] if starts else 0:found.end + (end.start() if end else len(folded))]


def _home_beside_doctor(folded: str, modes: list[Found]) -> list[Found]:
    """"MG domicile", "généraliste dom", "un généraliste à la maison": "domicile" right after the doctor asked for
    says how he sees the patient, as "visite" right before him does ("visite MG demain", "Visite médecin");
    elsewhere ("domicile : 12 rue ...", "visite de contrôle") they say something else."""
    bare = [(word, after) for pattern, after in ((_BARE_HOME, True), (_BARE_VISIT, False))
            for word in pattern.finditer(folded) if not any(m.start <= word.start() < m.end for m in modes)]
    # read again only when a bare word is there; "un médecin chez elle": a doctor of any kind
    doctors = find_specialties(folded) + [Found(None, m.start(), m.end()) for m in _ANY_DOCTOR.finditer(folded)] \
        if bare else []
    # "MG domicile" (the word after the doctor), "visite MG" or "MG visite" (beside him)
    return [Found("domicile", word.start(), word.end()) for word, after in bare
            if any(f.end == word.start() - 1 or not after and f.start == word.end() + 1 for f in doctors)]


_BARE_HOME = re.compile(r"\b(?:a la maison|au domicile|domicile|dom|chez (?:elle|lui|eux))\b(?!\s*[:\d])")  # "un MG chez elle"
_BARE_VISIT = re.compile(r"\bvisite\b")
_ANY_DOCTOR = re.compile(r"\b(?:medecin|docteur)\b")
# "visite svp", "visite sur place" (where the patient is: the EHPAD, the home)
_SOMEONE_ELSE_BEFORE = re.compile(SOMEONE_ELSE_COMING + r"$")  # "sa fille passe la voir": no doctor's visit
_COMING = re.compile(r"(?:passe|passer|vienne|venir|aille)\b")
_WHEN_ASKED = (r"(?:aujourd'hui|demain|apres-demain|ce soir|ce matin|cet apres-midi|dans la journee|svp|stp|si possible"
               rf"|des que|urgent|rapidement|sous|avant|apres|{'|'.join(WEEKDAYS)})\b")
# "…, visite aussi svp", "visite aussi, Besançon": as for the patient before
_VISIT_ASKED = re.compile(r"\b(visite)\s+(?:(?:aussi|egalement)\b\s*(?=[,.;]|$)|(?:(?:aussi|egalement)\s+)?"
                          r"(?:(?:s'il vous plait|si poss|demandee|souhaitee|sur place)\b"
                          rf"|(?={_WHEN_ASKED})))"  # "visite demain autour de 10h"
                          # "…, domicile aujourd'hui": the home said with when, not with a place nor a phone line
                          rf"|(?<!tel )(?<!fixe )(?<!numero )(?<!au )(?<!du )\b(domicile|dom)\s+(?={_WHEN_ASKED})")


def fallback_specialty(found: list[Found], folded: str) -> list[Found]:
    """The specialty said after the one wanted, to search when that one has no slot ("un psychiatre ou à défaut un
    MG", "ophtalmo ou MG dans la semaine")."""
    said = [second for first, second in zip(found, found[1:], strict=False)
            if second.value != first.value and _OTHERWISE.fullmatch(folded[first.end:second.start])][:1]
    # "dermato si dispo", "un pédiatre de préférence": wished for, a general practitioner will do otherwise
    wished = [Found(DEFAULT_SPECIALTY_NAME, m.start(), m.end()) for f in found[:1] if f.value != DEFAULT_SPECIALTY_NAME
              and (m := _IF_THERE_IS_ONE.match(folded, f.end))]
    return said or wished


_IF_THERE_IS_ONE = re.compile(r"[\s,]*(?:si (?:dispo|disponible|possible|poss|vous avez|y en a|il y en a)|de preference"
                              r"|idealement|au mieux)\b")


_OTHERWISE = re.compile(r"[\s,]*(?:ou|sinon|voire|a defaut)(?:\s+(?:a defaut|sinon|bien|alors))?[\s,]*"
                        r"(?:(?:d'|par |chez |voir )?(?:un|une|le|la|l')\s*)?")


def find_specialties(folded: str, written: str | None = None) -> list[Found]:
    """The specialties named in folded text; `written`, the same text with its accents (same length), gives a
    specialist the agenda does not list as French writes it ("gastro-entérologie")."""
    written = folded if written is None or len(written) != len(folded) else written.lower()
    found = list(_SPECIALTIES.finditer(folded))
    found += [Found(_SHORT_NAME[m.group("short")], m.start("short"), m.end("short"))
              for m in _SHORT_SAID.finditer(folded) if not _SHORT_QUALIFIED.search(folded[:m.start()])]
    found += [Found("gastro-entérologie", m.start(1), m.end(1)) for m in _GASTRO_ASKED.finditer(folded)]
    for word in re.finditer(r"[a-z]{6,}", folded):  # typed fast: "opthalmo", "dermatho", "cardiologe"
        if not any(f.start <= word.start() < f.end for f in found):
            near = _misspelt_specialty(word.group(0))
            if near:
                found.append(Found(near, word.start(), word.end()))
    # a specialist the agenda does not list ("un urologue", "rhumatologue"): read as said, so that the search
    # says it is not offered rather than look for a general practitioner in silence
    found += [Found(written[m.start(1):m.end(1)] + ("logie" if m.group(2).startswith("log") else "iatrie"), m.start(),
                    m.end())
              for m in _SPECIALIST.finditer(folded) if not any(f.start <= m.start() < f.end for f in found)
              and written[m.start(2):m.end(2)] == m.group(2)]  # "opiniâtre" is no specialist: its accent says so
    # "Spécialité : rhumatologie": the discipline named after its label
    found += [Found(written[m.start(1):m.end(1)], m.start(1), m.end(1)) for m in _DISCIPLINE_LABELLED.finditer(folded)
              if not any(f.start <= m.start(1) < f.end for f in found)]
    # "pas d'ophtalmo joignable, à voir par un généraliste": a specialist not to be had is not the one asked for
    return sorted((f for f in found if not _NONE_OF.search(folded, 0, f.start)), key=lambda f: f.start)


_NONE_OF = re.compile(r"\b(?:pas d[e']|pas de l'|aucun|aucune|sans)\s*$")


# "avis gastro", "un gastro", "RDV gastro": the specialist asked for; "une gastro", "gastro depuis hier" are a
# gastro-enteritis
_GASTRO_ASKED = re.compile(r"\b(?:avis|un|rdv|voir|consult|consultation|spe|specialiste)\s+(gastro)(?![\w-])")
_SPECIALIST = re.compile(r"\b([a-z][a-z-]{2,}?)(logues?|logistes?|iatres?)\b")
_DISCIPLINE_ENDING = r"(?:logie|iatrie)"
_DISCIPLINE = re.compile(rf"{_DISCIPLINE_ENDING}$")
_DISCIPLINE_LABELLED = re.compile(rf"\bspecialite\s*:?\s*([a-z][a-z-]{{2,}}{_DISCIPLINE_ENDING})\b")


def _misspelt_specialty(word: str) -> str | None:
    """The specialty a word names with one letter wrong, missing, added or swapped (two for long words); its first
    two letters right ("radiologie" is no "cardiologie")."""
    # a whole specialist's or discipline's name is one letter off at most: "néphrologue" is no misspelt "neurologue",
    # "néphrologie" no "neurologie"
    allowed = 1 if len(word) < 11 or _SPECIALIST.fullmatch(word) or _DISCIPLINE.search(word) else 2
    if _PARTICIPLE.search(word):
        return None  # "prurit généralisé": an adjective one letter from "généraliste"
    for phrase, value in _SPECIALTY_WORDS.items():
        if word[:2] == phrase[:2] and abs(len(phrase) - len(word)) <= allowed \
                and _edits(word, phrase, allowed) <= allowed:
            return value
    return None


_PARTICIPLE = re.compile(r"(?:ise|isee|ises|isees)$")


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with transpositions, stopping past `limit`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y))
            if previous2 is not None and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]


def find_urgencies(folded: str) -> list[Found]:
    """Delays, the one that decides first: a delay said in numbers ("dans les 2 heures", "peut attendre 3 jours")
    or as a day's end ("aujourd'hui", "d'ici demain") is more precise than words ("urgent", "pas pressé") and wins
    over them; of two delays of one kind, the stricter wins ("d'ici 48h et idéalement aujourd'hui": today), unless
    the first is taken back ("dans les 2 heures non pardon 3"). Numbers are kept as said (in hours), words take their
    step."""
    said = []
    for match in _URGENCY_DELAY.finditer(folded):
        hours = int(match.group("n")) * _HOURS_IN[match.group("unit")[0]]
        if match.group(0).startswith("avant") and match.group("unit")[0] == "h" and hours < 24 \
                or BY_A_CLOCK_HOUR.match(folded, match.start()):
            continue  # "avant 18h", "d'ici 17h" are times of day; "avant 48h", "d'ici 4h" delays
        if match.group(0).startswith("avant") and _NOTHING_FREE.search(folded, 0, match.start()):
            continue  # "pas de RDV chez son MT avant 3 semaines": why the SAS is called, not how soon
        if hours:
            said.append(Found(hours, match.start(), match.end()))
    taken = [(f.start, f.end) for f in said]
    words = [_negated(f, folded) for f in URGENCY_TABLE.finditer(folded)
             if not any(s < f.end and f.start < e for s, e in taken) and not _SYMPTOM_PACE.search(folded, 0, f.start)
             and not _OF_ANOTHER_DAY.match(folded, f.end)
             and not (f.value in _DAY_ENDS and _ANOTHER_DAY_BEFORE.search(folded, 0, f.start))
             and not (f.value in _DAY_ENDS and _DONE_THAT_DAY.search(folded, 0, f.start))]
    words += _misspelt_urgencies(folded, [(f.start, f.end) for f in said + words])
    precise = sorted(said + [w for w in words if w.value in _DAY_ENDS], key=lambda f: f.start)
    vague = [w for w in words if w not in precise]
    # each kind taken back in the order said; words do not take a number back: "dans les 3 heures enfin c'est
    # urgent quoi" sums the delay up
    return sorted(meant(precise, folded), key=lambda f: f.value) + sorted(meant(vague, folded), key=lambda f: f.value)


# No appointment to be had elsewhere, in the clause before "avant": "pas de RDV chez son MT", "son médecin n'a rien"
_NOTHING_FREE = re.compile(r"(?:\b(?:pas|plus) d[e']\s*|\baucune?\s+)(?:rdv|rendez-vous|place|creneau|dispo\w*|consult\w*)"
                           r"\b[^,.;:!?\n]{0,40}$|\bn'a rien\b[^,.;:!?\n]{0,30}$")
# "dans la journée de demain": the day said is another, no delay of today
# "ECG normal ce jour", "vu aujourd'hui par SOS": what was done today, no deadline; not a wish ("souhaite être vu
# aujourd'hui", "qu'elle soit vue d'ici demain")
_DONE_THAT_DAY = re.compile(r"(?<!etre )(?<!soit )(?<!sera )\b(?:vue?s?|consultee?s?|examinee?s?|faite?s?|realisee?s?"
                            r"|normale?s?|ecg|bilan|radio)\s+(?:[a-z]+\s+)?$")
_OF_ANOTHER_DAY = re.compile(rf"\s+(?:de|du)\s+(?:demain|apres-demain|{'|'.join(WEEKDAYS)})\b")
# "pour demain dans la journée", "lundi dans la journée": during that day, no delay of today
_ANOTHER_DAY_BEFORE = re.compile(rf"\b(?:demain|apres-demain|{'|'.join(WEEKDAYS)})\s+$")
_DAY_ENDS = {12, 24}  # the steps of "aujourd'hui", "dans la journée", "d'ici demain": a deadline, not a manner


# Urgency words long enough to be recognized with a letter wrong ("rapidemnt", "immédiatment") or shortened the
# way texts shorten them, their first letters and their last ("rapidt", "immédiatmt")
_LONG_URGENCY_WORDS = {phrase: hours for hours, phrases in URGENCY_PHRASES.items() for phrase in phrases
                       if " " not in phrase and len(phrase) >= 8}


def _shortened(word: str, phrase: str) -> bool:
    letters = iter(phrase[5:-1])
    return len(word) < len(phrase) and word[:5] == phrase[:5] and word[-1] == phrase[-1] \
        and all(letter in letters for letter in word[5:-1])


def _misspelt_urgencies(folded: str, taken: list[tuple[int, int]]) -> list[Found]:
    found = []
    for word in re.finditer(r"[a-z]{6,}", folded):
        if any(s < word.end() and word.start() < e for s, e in taken):
            continue
        said = word.group(0)
        hours = next((h for phrase, h in _LONG_URGENCY_WORDS.items() if _shortened(said, phrase) or len(said) >= 8
                      and said[:2] == phrase[:2] and abs(len(phrase) - len(said)) <= 1 and _edits(said, phrase, 1) <= 1),
                     None)
        if hours is not None:
            found.append(_negated(Found(hours, word.start(), word.end()), folded))
    return found


def _negated(found: Found, folded: str) -> Found:
    """"non urgent", "pas vraiment urgent", "peu urgent": an urgency denied is a patient who can wait."""
    if found.value <= _NOT_PRESSING and _NEGATION_BEFORE.search(folded, 0, found.start):
        return Found(_NOT_PRESSING, found.start, found.end)
    return found


def _first(found: list[Found]):
    return found[0].value if found else None


def parse_phone(text: str) -> str | None:
    return _first(find_phones(normalize_dictation(text)))


def parse_birth_date(text: str, today: date) -> str | None:
    """A bare answer is the birth date whatever cue it carries; "--MM-DD" when the year is not said."""
    folded = fold(normalize_dictation(text))
    dates = find_dates(folded, today)
    if dates:
        return dates[0][0].value
    return glued_birth_date(re.sub(r"\D", "", folded), today) if re.fullmatch(r"[\d\s./-]+", folded.strip()) else None


def parse_email(text: str) -> str | None:
    return _first(find_emails(normalize_dictation(text)))


def parse_civilite(text: str) -> str | None:
    return _first(find_civilite(text, fold(text)))


def parse_mode(text: str) -> str | None:
    return _first(find_modes(fold(text)))


def parse_urgency(text: str) -> int | None:
    return _first(find_urgencies(fold(normalize_dictation(text))))


def parse_time_window(text: str, now: datetime) -> dict | None:
    normalized = Normalized.of(text)
    found = find_time_window(fold(normalized.text), now, normalized.text)
    if found is None:
        return None
    start, end = normalized.to_original(found.start, found.end)
    return {"text": text[start:end], **found.value}


def parse_specialty(text: str) -> str | None:
    return _first(find_specialties(fold(text)))
