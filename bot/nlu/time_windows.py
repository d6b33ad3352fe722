"""Wanted time ("demain matin", "jeudi", "avant 18h") resolved to a start and an end from `now`."""
from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from bot.nlu.grammar import past_participles, says_the_past
from bot.nlu.taken_back import TAKEN_BACK, corrects
from bot.nlu.text import fold
from bot.nlu.vocabulary import MONTH_OF, MONTH_PATTERN, SOMEONE_ELSE_COMING, URGENCY_TABLE, WEEKDAYS, Found

_DAY_START, _DAY_END = 8, 20  # the hours SAS slots are offered
_PERIODS = {"matin": (8, 12), "matinee": (8, 12), "midi": (12, 14), "apres-midi": (14, 18), "apres midi": (14, 18),
            "aprem": (14, 18), "ap-midi": (14, 18), "ap midi": (14, 18), "a-midi": (14, 18), "soir": (18, 20),
            "soiree": (18, 20), "fin de journee": (17, 20), "fin d'apres-midi": (16, 18), "fin de matinee": (10, 12),
            "debut de matinee": (8, 10), "debut d'apres-midi": (14, 16), "fin d'aprem": (16, 18), "debut d'aprem": (14, 16),
            "premiere heure": (8, 9), "1ere heure": (8, 9)}  # "demain 1ère heure": first thing
_PERIOD = "|".join(sorted((re.escape(p) for p in _PERIODS), key=len, reverse=True))
_DATE = re.compile(rf"(?P<n>\d{{1,2}}|1er)\s+(?P<month>{MONTH_PATTERN})\.?")
_DATE_SAID = rf"(?:(?:\d{{1,2}}|1er)\s+(?:{MONTH_PATTERN})\b\.?|\d{{1,2}}/\d{{1,2}}(?![/\d]))"  # "3 décembre", "3/12"
_NUMERIC_DATE = re.compile(r"(?P<n>\d{1,2})/(?P<month>\d{1,2})")
# "le 27", "jeudi 26": a day of the month said alone (not an hour, an age, a measure or a number going on)
_ALONE = rf"(?![\d/.:-]|,\d|\s*(?:h\b|heures?|ans?|mois|jours?|semaines?|min|kg|\d|(?:{MONTH_PATTERN})\b))"
_MONTH_DAY = rf"(?:\d{{1,2}}|1er){_ALONE}"
_DAY_NOT_RANK = rf"(?:1[1-9]|2\d|3[01]){_ALONE}"  # "le 2" after a list of slots is the second one, no day
# "sam matin", "ven. 14h", "dem matin": a day cut short is one only with the time it is said for ("Sam" is also a
# name)
_CUT_SHORT = {"dem": "demain", **{day[:n]: day for day in WEEKDAYS for n in range(3, len(day))}}  # "dem" alone is
# rather "demande"; "ven", "vend", "vendr" are Friday
_SHORT_WEEKDAY = rf"(?:{'|'.join(_CUT_SHORT)})\.?(?=\s+(?:{_PERIOD}|\d{{1,2}}\s*h))"
# "au matin", "au soir": the article of a part of the day said after its day ("le 9 au matin")
_PERIOD_ARTICLE = r"(?:dans l'|dans la |en |en fin d'|en debut d'|l'|le |la |au )"
# "le 9 au matin": a low day of the month is no rank when a part of the day is said for it
_DAY_WITH_PERIOD = rf"(?:[1-9]|10|1er)(?=\s+{_PERIOD_ARTICLE}?(?:{_PERIOD})(?![\w]))"
_DAY = rf"apres-demain|apres demain|demain|aujourd'hui|aujourd hui|ce jour" \
       rf"|(?:{'|'.join(WEEKDAYS)})(?: prochain)?(?:\s+(?:{_DATE_SAID}|{_MONTH_DAY}))?|{_SHORT_WEEKDAY}" \
       rf"|{_DATE_SAID}|le {_DAY_NOT_RANK}|le {_DAY_WITH_PERIOD}"
_SOON = timedelta(days=31)  # a date said without a year is a wanted day only within this: slots are soon
_HOUR = r"(?P<h{n}>[01]?\d|2[0-4])\s*(?:h|heures?)\s*(?P<m{n}>\d{{2}})?"  # "avant 48h" is a delay, no hour
_NO_UNIT = r"(?![\d,.:/]|\s*(?:h\b|heures?|ans?|mois|jours?|semaines?|min|kg|%))"
ROUGHLY = ("vers", "autour de", "aux alentours de")  # an hour either side
_CLOCK = (
    # "entre 14h et 16h", "entre 14 et 16h", "de 9h à 12h", "14h-16h": the first hour's unit may go unsaid
    rf"(?:(?:entre|de)\s+(?P<h1>\d{{1,2}})\s*(?:h|heures?)?\s*(?P<m1>\d{{2}})?\s+(?:et|a)\s+{_HOUR.format(n=2)}"
    rf"|(?P<h5>\d{{1,2}})\s*(?:h|heures?)?\s*(?P<m5>\d{{2}})?\s*-\s*{_HOUR.format(n=6)}"
    rf"|(?P<rel>avant|apres|{'|'.join(ROUGHLY)}|a partir de|des|a)\s+{_HOUR.format(n=3)}"
    rf"|{_HOUR.format(n=8)}\s+ou\s+(?:apres|plus tard)"  # "13h30 ou après": from 13h30
    # after a day, two numbers are hours with no unit said: "demain entre 8 et 10", "lundi de 14 à 16"
    rf"|(?(day)(?:entre|de)\s+(?P<h9>[01]?\d|2[0-3])(?P<m9>)\s+(?:et|a)\s+(?P<h10>[01]?\d|2[0-3])(?P<m10>){_NO_UNIT}"
    rf"|(?!))"
    # an hour right after a day or a part of it needs no "à": "demain 9h30", "ce soir 18h30"
    rf"|(?(day){_HOUR.format(n=4)}|(?(period){_HOUR.format(n=7)}|(?!))))"
)
# Words said between a day and its hours: "demain plutôt vers 15h", "lundi de préférence le matin"
_PREFERENCE = r"(?:(?:plutot|de preference|idealement|si possible|si possible,),?\s+)?"
_WINDOW = re.compile(
    rf"(?<![\w'])(?:(?P<day>{_DAY})|(?P<this>ce|cet|cette))?"
    rf"(?:(?(day)\s+{_PREFERENCE}|(?(this)\s+|)){_PERIOD_ARTICLE}?"
    rf"(?P<period>{_PERIOD}))?"
    rf"(?:(?(day)\s+{_PREFERENCE}|(?(period)\s+{_PREFERENCE}|))(?P<clock>{_CLOCK}))?(?![\w])"
)
_HOURS_AFTER_DAY = 40  # characters: "demain, RDV dans la matinée" — the hours said just after the day are its own
# "il y a 1h": a time ago ("a 1h" after it is no hour of the day)
# "pas le matin", "de préférence pas le lundi": a time refused
_NOT_WANTED = re.compile(r"(?:depuis|hier|des|d'ici|d ici|avant|jusqu'a|a partir d'|sauf|hors|excepte|eviter|evitez"
                         r"|\bdebut|\bdebute|commence|\by|\bnee?s?|\bddn"
                         r"|impossible|\bpas(?: dispo| disponible| libre| possible| la)?(?: le| la| l'| en)?)\s*$")
# Words that open another clause or a request: after them a time is wanted again ("depuis hier, rdv demain").
_CLAUSE_WORDS = r"il|elle|ils|elles|on|je|nous|vous|rdv|dispo|disponible|voir|consultation|visite|vad|creneau|souhaite|" \
                r"souhaiterait|souhaiterais|voudrait|voudrais|aimerait|aimerais|demande|" \
                r"prefere|faudrait|si|mais|donc|plutot|c'est|serait|" \
                r"cabinet|cab|domicile|dom|video|visio|teleconsultation|teleconsult|tlc"  # the mode asked, as "visite"
# "depuis" earlier in the same clause: the time is when the complaint began ("depuis le vol de dimanche",
# "mal à la cheville depuis le sport ce matin").
_SINCE_IN_CLAUSE = re.compile(rf"\bdepuis\b(?:(?!\b(?:{_CLAUSE_WORDS})\b)[^,.;:!?|()\n])*$")
_SINCE_SAID = re.compile(rf"\bdepuis\s+(?:\d+\s*(?:j|jours?|h|heures?|sem|semaines?|mois|ans?|min|minutes?)\b"
                         rf"|hier(?: soir| matin| midi| apres-midi)?\b|avant-hier(?: soir| matin)?\b|ce matin\b"
                         rf"|cette nuit\b|ce week-end\b"
                         rf"|(?:{'|'.join(WEEKDAYS)})(?: soir| matin| dernier)?\b)")
# "cystite — ce matin si possible"; a pronoun after a preposition is no subject: "une chute chez elle ce matin" is
# one clause, the fall's
_CLAUSE_START = re.compile(rf"(?:[,.;:!?|()\n—–/]|\s-\s|\b(?!elles?\b|nous\b|vous\b)(?:{_CLAUSE_WORDS})\b"
                           r"|(?<!chez )(?<!avec )(?<!pour )(?<!sans )(?<!sur )\b(?:elles?|nous|vous)\b)")
_ASIDE = re.compile(r"\([^()]*\)")


def _clause_ending(before: str) -> str:
    """The clause that `before` ends with, of the same length as in `before`. An aside in brackets belongs to the
    clause it sits in ("corps étranger œil gauche (meulage) ce matin")."""
    return re.split(_CLAUSE_START, _ASIDE.sub(lambda m: " " * len(m.group(0)), before))[-1]


_TRAILING_DAY = re.compile(rf",?\s+(?:de\s+)?(?P<day>{_DAY})(?![\w])")  # "dans la matinée de demain"
# "avant midi" is before noon, "après midi" the afternoon, as "après-midi" (not "after 12:00 till evening")
_NOON = re.compile(r"\b((?:avant|vers|des|a partir de|jusqu'a|entre|et) )midi\b")
_LUNCH_BREAK = re.compile(r"\bentre midi et (?:deux|2)(?:h|\s*heures)?\b")  # the lunch break: from noon to two
# "après l'école", "après la crèche": from when children leave it, half past four
_SCHOOL_OUT = re.compile(r"\bapres\s+(?:l'ecole|la creche|la garderie)\b")
# "dix heures et demie", "9h et quart": the minutes in digits, in as many characters (spans stay right)
_HALF_QUARTER = re.compile(r"(?<=\d)(\s*(?:h|heures?)) et (demie?|quart)\b")
# "aujourd'hui ou demain", "dans la journée ou demain", "demain ou après-demain": any time from the first day to the
# end of the last.
# "aujourd'hui si possible sinon demain": the wish said for the first day does not part the two
_IF_POSSIBLE = r"(?:,?\s+si (?:possible|poss|possib)\b)?"
# the words of a second choice: "lundi matin ou à défaut mardi matin", "ce soir ou alors demain"
_OTHERWISE = r"(?:ou(?: bien| alors| sinon| a defaut| eventuellement)?|voire|sinon|a defaut)"
_OR_DAY = rf"{_IF_POSSIBLE},?\s+(?:{_OTHERWISE}|et)\s+"
_EITHER_DAY = re.compile(rf"(?<![\w'])(?:(?:dans l'|dans la |en |l'|le |la )?(?P<before>{_PERIOD}),?\s+)?"
                         rf"(?P<first>{_DAY}|dans la journee)(?:(?:{_OR_DAY}|\s*[/,-]\s*)(?P<last>{_DAY}))+"
                         rf"(?:\s+(?:dans l'|en |l')?(?P<period>{_PERIOD}))?(?![\w])")
# "demain matin ou après-midi", "ce matin ou cet après-midi": from the first part of the day to the end of the last.
_IN_PERIOD = r"(?:dans l'|dans la |en |l'|le |la |ce |cet |cette )?"
_EITHER_PERIOD = re.compile(rf"(?<![\w'])(?:(?P<day>{_DAY})\s+)?{_IN_PERIOD}(?P<first>{_PERIOD})"
                            rf"(?:,?\s+{_OTHERWISE}\s+{_IN_PERIOD}(?P<last>{_PERIOD}))+(?![\w])")
# "pas avant 15h", "pas dispo avant 15h": from 15h; "elle ne peut pas après 15h": before 15h
_NOT_UNTIL = r"\bpas(?: (?:dispo|disponible|libre|joignable|la|present|presente|venir|passer|se liberer))?"
_NOT_BEFORE = re.compile(_NOT_UNTIL + r" avant\b")
_NOT_AFTER = re.compile(_NOT_UNTIL + r" apres(?=\s+\d)")
# "d'ici 17h", "jusqu'à 18h": by an hour of the clock, as "avant"; "d'ici 4h", "d'ici 12h" (SAS steps) are delays
BY_A_CLOCK_HOUR = re.compile(r"\b(?:d'ici|d ici|jusqu'a|jusqu a) (?=(?:9|1[013-9]|2[0-3])\s*h|\d{1,2}\s*h\s*\d{2})")
# "d'ici jeudi", "d'ici le 18": any time from now to the end of that day ("absent jusqu'à jeudi" says the opposite);
# "avant vendredi": to the end of the day before
_BY_DAY = re.compile(rf"(?<![\w'])(?:d'ici|d ici|(?P<before>avant))\s+(?:ce\s+)?(?P<day>(?:{'|'.join(WEEKDAYS)})"
                     rf"(?:\s+{_MONTH_DAY})?|{_DATE_SAID}|le {_MONTH_DAY})(?![\w])")
_WEEKEND = re.compile(r"(?<![\w'])(?:ce|le) (?:week-?end|we)\b")  # Saturday and Sunday ("ce WE" in notes)
# "la semaine prochaine": its Monday to Sunday; "en début de semaine (prochaine)": its Monday and Tuesday, this
# week's while they are to come
_NEXT_WEEK = re.compile(r"(?<![\w'])(?:(?:en |au )?(?P<start>debut) de (?:la )?semaine(?P<next> prochaine| pro)?\b"
                        r"|(?:la |dans la |courant de la |courant )?semaine (?:prochaine|pro)\b)")
# "pas le matin", "pas l'après-midi": the rest of the day it is said of (today when none is)
_NOT_PERIOD = re.compile(r"\bpas (?:le |l'|en |dans la |dans l')?(?P<period>matin|matinee|apres-midi|aprem|soir|soiree)\b")
_TODAY = re.compile(r"(?<![\w'])(?:aujourd'hui|aujourd hui|ce jour)(?![\w])")
_REST_OF_THE_DAY = {"matin": (12, _DAY_END), "matinee": (12, _DAY_END), "apres-midi": (_DAY_START, 14),
                    "aprem": (_DAY_START, 14), "soir": (_DAY_START, 18), "soiree": (_DAY_START, 18)}


def _minutes(match: re.Match) -> str:
    said = match.group(0)
    minutes = "30" if match.group(2).startswith("demi") else "15"
    return match.group(1) + minutes.rjust(len(said) - len(match.group(1)))


def _unwanted(folded: str, match: re.Match) -> bool:
    """Said right after "depuis", "hier", "sauf"…: not a time wanted for the patient. "depuis hier" said whole is
    over before it: "vomissements depuis hier avant 18h si possible" wants today before 18h."""
    start = max(0, match.start() - 24)
    said = folded[start:match.end()]
    if any(m.start() < match.start() - start < m.end() for m in _SINCE_SAID.finditer(said)):
        return True  # "depuis hier soir": the onset itself
    before = _SINCE_SAID.sub(lambda m: "," * len(m.group(0)), said[:match.start() - start])
    just_before = folded[max(0, match.start() - 30):match.start()]
    habit = match.group(0).startswith(("le ", "chaque ", "tous les "))
    clause = folded[max(0, match.start() - 60):match.start()]
    busy = _BUSY.search(just_before) or _DOSE.search(just_before) \
        or habit and _DOSE_HABIT.search(folded, max(0, match.start() - 45), match.start()) \
        or _SOMEONE_ELSE_COMES.search(clause) or _ON_THE_WAY.search(clause) or _TAKES_ITS.search(clause) \
        or _FETCHES.search(clause) or _PRESENT_ONLY.search(just_before)
    return bool(_NOT_WANTED.search(before[-24:])) or _EMERGENCY_NUMBER.search(said) is not None \
        or _RULED_OUT_AFTER.match(folded, match.end()) is not None or _STAY_FOR.search(clause) is not None \
        or _EMERGENCY_NUMBER_ACTING.match(folded, match.end()) is not None and _SAMU_NUMBER.fullmatch(said[-5:].strip()) \
        or _AGE_BEFORE.search(before) is not None or busy is not None


# "insuline le soir", "un comprimé le matin": when a treatment is taken, no time wanted
_DOSE = re.compile(r"\b(?:insuline|comprimes?|cachets?|gelules?|traitement|ttt|doses?|prises?|injections?|sachets?"
                   r"|piqures?)\s+(?:le|la|les|du|au|chaque|tous les|toutes les)?\s*$")
# "son traitement pour la thyroïde le matin": said of the treatment, a habit ("le matin") is when it is taken
_DOSE_HABIT = re.compile(r"\b(?:comprimes?|cachets?|gelules?|traitement|ttt|doses?|injections?|sachets?)(?:\s+[\w']+){1,4}\s*$")
# "je travaille jusqu'à 18h", "il est à l'école jusqu'à 16h30": when the patient cannot come, no time wanted
_BUSY = re.compile(r"\b(?:travaille|travaillent|bosse|bossent|au travail|au boulot|en cours|a l'ecole|au lycee"
                   r"|au college|(?:sort|sortira|finit|finira|termine|rentre)\s+(?:du|de son|le|son)\s+(?:boulot|travail|taf)"
                   r")(?:\s+avant)?\s*(?:a|vers)?\s*$")


# "chez ses parents à Noisy-le-Grand pr le we": how long the patient stays there, no time wanted
_STAY_FOR = re.compile(r"\b(?:chez\s+(?:ses|sa|son|leur|leurs|mes|ma|mon|nos|notre|nous|moi|lui|elle|eux|des amis)|en vacances"
                       r"|en sejour|de passage)\s+(?:[\w'-]+\s+){0,6}?(?:pour|pr)\s+$")
# "le soir c'est pas l'idéal", "mardi ça va pas", "demain il peut pas", "dem matin impossible": a time ruled out by
# what is said right after it (not "il peut pas se déplacer": how, not when)
_RULED_OUT_AFTER = re.compile(
    r"\s*,?\s*(?:(?:c'est|c est|ce n'est|ce serait|ca|ca ne|ca n')\s*(?:va|marche|convient|arrange)?\s*(?:pas|plus)"
    r"|(?:il|elle|ils|elles|on|je)\s+(?:ne |n')?(?:peut|peuvent|peux|pourra|pourront|est|sont|sera|seront)\s+pas"
    r"|(?:c'est |ce n'est |ca )?(?:impossible|pas possible))\b"
    r"(?!\s+(?:mal|grave|urgent|presse|pressant|trop tard|plus tard|plus mal|se deplacer|bouger|marcher|conduire"
    r"|se lever|sortir))")
# What may stand between a verb and the time it is said with, other times of the same schedule included ("passe
# tous les jours de 9h a 11h et le soir a", "passe a 8h et"); a word of any other kind ends the clause.
_SCHEDULE = (r"(?:\s+(?:\d{1,2}\s*h(?:\s*\d{2})?|\d{1,2}|et|a|vers|de|du|le|la|les|l'|en|tous|toutes|chaque|jours?|matin"
             r"|soir|midi|ce|cet|apres-midi|aprem|heures?|semaine))*\s*$")
_SOMEONE_ELSE_COMES = re.compile(
    SOMEONE_ELSE_COMING + r"(?:re)?(?:passe|passent|passera|vient|viennent|viendra|arrive|arrivera|part|partira)"
    r"(?:\s+(?:le|la|les|l')?\s*(?:chercher|recuperer|prendre|voir))?" + _SCHEDULE)
# "moi je repars à 11h et je reviens à 17h", "elle finit à 17h en semaine", "je finis le travail à 18h": the
# comings and goings of whoever speaks or of the patient, no time wanted for a doctor
_ON_THE_WAY = re.compile(r"\b(?:je|j'|on|il|elle|ils|elles)\s+(?:re)?(?:pars|part|partira|rentre|rentrera|finis|finit"
                         r"|finira|termine|terminera|sors|sort|sortira|quitte|reviens|revient|reviendra)"
                         r"(?:\s+(?:du|de son|le|son|de l'|l')\s*(?:boulot|travail|taf|cours|ecole))?" + _SCHEDULE)
# "le médecin co n'est là que jeudi", "son MT est absent jusqu'à lundi": when someone else is there, no time wanted
_PRESENT_ONLY = re.compile(r"\b(?:n'est la que|ne sera la que|n'est pas la avant|n'est pas la|(?:est |sera )?absente?"
                           r"(?: jusqu'a)?|en conges?(?: jusqu'a)?|de retour)\s*(?:le|la|l'|a|au)?\s*$")
# "elle récupère l'enfant à 11h45", "va chercher le petit à 16h30": someone fetched, then brought to the doctor later
_FETCHES = re.compile(r"\b(?:recupere|recuperera|va chercher|vient chercher|passe chercher|depose)"
                      r"\s+(?:l'|le |la |les |son |sa |ses )?[\w'-]+" + _SCHEDULE)
# "prend son Seresta a 20h", "il prend son Lasilix le matin à huit heures", "elle prend son biberon vers 19h": when
# the patient takes what is theirs, a habit
# ("un traitement pour la tension qu'elle prend à huit heures le matin": what she takes, said before)
_TAKES_ITS = re.compile(r"\b(?:prend|prends|prennent|a pris|prenait|boit|mange)(?:\s+(?:son|sa|ses)\s+[\w'-]+"
                        r"(?:\s+[\w'-]+)?)?" + _SCHEDULE)
_AGE_BEFORE = re.compile(r"\b(?:a|aura|fete|fetera)\s+\d+\s*ans\s*$")  # "elle a 76 ans demain": her birthday
# "le 15 l'a vu", "le 15 a dit", "le quinze pense que c'est pariétal": the SAMU acting, no day of the month
_EMERGENCY_NUMBER_ACTING = re.compile(r"\s+(?:l'a|l'|les|lui a|nous a|m'a|a (?:dit|vu|conseille|oriente|regule|pense|estime)"
                                      r"|pense|estime|conseille|dit|oriente|a regule|est (?:d'accord|ok|au courant))\b")
_SAMU_NUMBER = re.compile(r"(?:le\s+)?1(?:5|12)")  # the end of the time read: "le 15"
# "elle part avec le 15", "il a appelé le 15", "le 15 est prévenu": the SAMU's number, no day of the month
_EMERGENCY_NUMBER = re.compile(r"(?:\b(?:avec|appele?r?|appel|fait|faire|contacte?r?|prevenu|prevenir|joindre|rappeler|"
                               r"passe par|par|via|au|du)\s+)le\s+1(?:5|12)$")


def _choice_window(match: re.Match, start: datetime, end: datetime, now: datetime) -> Found | None:
    """From `start` (not before now) to `end`, for a choice said as `match`; None when it has already passed."""
    start = max(start, now.replace(second=0, microsecond=0))
    if end <= start:
        return None
    return Found({"start": start.isoformat(), "end": end.isoformat()}, match.start(), match.end())


def _either_period(folded: str, now: datetime) -> Found | None:
    match = _EITHER_PERIOD.search(folded)
    if match is None or _unwanted(folded, match):
        return None
    day = _day_of(match.group("day") or "", now)
    if day is None:
        return None
    return _choice_window(match, _at(day, (_PERIODS[match.group("first")][0], 0)),
                          _at(day, (_PERIODS[match.group("last")][1], 0)), now)


def _either_day(folded: str, now: datetime) -> Found | None:
    match = _EITHER_DAY.search(folded)
    if match is None or _unwanted(folded, match):
        return None
    first, last = _day_of(match.group("first"), now), _day_of(match.group("last"), now)
    if first is None or last is None:
        return None
    if last.date() < first.date():  # "lundi ou mardi" said on a Monday: the Tuesday after that Monday
        weekdays = [_CUT_SHORT.get(w, w) in WEEKDAYS for w in (match.group("first"), match.group("last"))]
        first, last = (first, first + timedelta(days=(last.weekday() - first.weekday()) % 7)) if all(weekdays) \
            else (last, first)
    period = match.group("period") or match.group("before")  # "jeudi ou vendredi matin", "en fin de matinée jeudi …"
    low, high = _PERIODS[period] if period else (_DAY_START, _DAY_END)
    return _choice_window(match, _at(first, (low, 0)), _at(last, (high, 0)), now)


# "le 2 ou le 3 décembre", "le deux décembre ou le trois": two days of one month, the month said once
_TWO_DATES = re.compile(rf"(?<![\w'/])(?:le )?(?P<d1>\d{{1,2}}|1er)(?:\s+(?P<m1>{MONTH_PATTERN}))?{_OR_DAY}"
                        rf"(?:le )?(?P<d2>\d{{1,2}})(?:\s+(?P<m2>{MONTH_PATTERN}))?(?![\w/])")


def _two_dates(folded: str, now: datetime) -> Found | None:
    match = next((m for m in _TWO_DATES.finditer(folded) if m.group("m1") or m.group("m2")), None)
    if match is None or _unwanted(folded, match):
        return None
    month = match.group("m1") or match.group("m2")
    first = _day_of(f"{match.group('d1')} {match.group('m1') or month}", now)
    last = _day_of(f"{match.group('d2')} {match.group('m2') or month}", now)
    if first is None or last is None or last.date() < first.date():
        return None
    return _choice_window(match, _at(first, (_DAY_START, 0)), _at(last, (_DAY_END, 0)), now)


def _weekend(folded: str, unfolded: str, now: datetime) -> Found | None:
    match = _WEEKEND.search(folded)
    if match is None or _unwanted(folded, match):
        return None  # "depuis ce week-end": when it began
    from bot.nlu.free_text import names_a_complaint  # the reader's table of complaints

    before = folded[max(0, match.start() - 60):match.start()]
    if names_a_complaint(_clause_ending(before)) or _past_in_clause(unfolded, before, match.start()):
        # "entorse poignet au hand ce we", "il est rentré chez ses parents ce week-end": when it happened, not when
        # to be seen
        return None
    saturday = _day_of("samedi", now) if now.weekday() < 5 else now
    sunday = saturday + timedelta(days=6 - saturday.weekday())
    return _choice_window(match, _at(saturday, (_DAY_START, 0)), _at(sunday, (_DAY_END, 0)), now)


def _next_week(folded: str, now: datetime) -> Found | None:
    match = _NEXT_WEEK.search(folded)
    if match is None or _unwanted(folded, match):
        return None
    monday = (now + timedelta(days=7 - now.weekday())).replace(hour=_DAY_START, minute=0, second=0, microsecond=0)
    if not match["start"]:
        return _choice_window(match, monday, _at(monday + timedelta(days=6), (_DAY_END, 0)), now)
    if not match["next"] and now.weekday() <= 1:
        monday -= timedelta(days=7)
    return _choice_window(match, monday, _at(monday + timedelta(days=1), (_DAY_END, 0)), now)


def _but_not_in(found: Found | None, folded: str, now: datetime) -> Found | None:
    """The day's window without the part said not to suit ("demain mais pas le matin"); "pas le matin" alone refuses
    a time of every day and wants none."""
    match = _NOT_PERIOD.search(folded)
    if match is None:
        return found
    today = _TODAY.search(folded) if found is None else None
    if today:  # "aujourd'hui mais pas le matin": today alone says an urgency, and now a window too
        found = _choice_window(today, _at(now, (_DAY_START, 0)), _at(now, (_DAY_END, 0)), now)
    if found is None:
        return found
    low, high = _REST_OF_THE_DAY[match.group("period")]
    start, end = datetime.fromisoformat(found.value["start"]), datetime.fromisoformat(found.value["end"])
    text = {k: v for k, v in found.value.items() if k == "text"}
    span = (min(found.start, match.start()), max(found.end, match.end()))  # "demain mais pas le matin"
    if end.date() != start.date():
        return found  # several days: the part of which one is not said
    narrowed = _choice_window(match, max(start, _at(start, (low, 0))), min(end, _at(start, (high, 0))), now)
    if narrowed is None:
        return found
    return Found({**text, **narrowed.value}, *span)


def _by_day(folded: str, unfolded: str, now: datetime) -> Found | None:
    match = _BY_DAY.search(folded)
    wanted = match and not _unwanted(folded, match) \
        and not _past_in_clause(unfolded, folded[max(0, match.start() - 60):match.start()], match.start())
    day = _day_of(match.group("day"), now) if wanted else None
    if day and match["before"]:
        day -= timedelta(days=1)
    return _choice_window(match, now, _at(day, (_DAY_END, 0)), now) if day else None


def _day(match: re.Match, now: datetime) -> datetime | None:
    return _day_of(match.group("day") or "", now)


def _day_of(said: str, now: datetime) -> datetime | None:
    word = said.replace(" prochain", "")
    word = _CUT_SHORT.get(word.rstrip("."), word)
    if (word.split(" ", 1)[0] in WEEKDAYS or word.startswith("le ")) and " " in word:
        word = word.split(" ", 1)[1]  # "jeudi 4 décembre": the date says which Thursday
    if re.fullmatch(r"\d{1,2}|1er", word):  # "le 27": that day this month, or next month once past
        return _next_of_month(int(word.replace("er", "")), now)
    date = _DATE.fullmatch(word) or _NUMERIC_DATE.fullmatch(word)
    if date:  # "3 décembre": the next such day, if it comes soon ("le 12 mars" is rather a birthday)
        month = date.group("month")
        try:
            day = now.replace(month=int(month) if month.isdigit() else MONTH_OF[month],
                              day=int(date.group("n").replace("er", "")))
        except ValueError:
            return None
        if day.date() < now.date():
            day = day.replace(year=now.year + 1)
        return day if day - now <= _SOON else None
    if word in ("demain",):
        return now + timedelta(days=1)
    if word in ("apres-demain", "apres demain"):
        return now + timedelta(days=2)
    if word in WEEKDAYS:
        ahead = (WEEKDAYS.index(word) - now.weekday()) % 7 or 7
        return now + timedelta(days=ahead)
    return now


def _next_of_month(number: int, now: datetime) -> datetime | None:
    month = now
    for _ in range(2):
        try:
            day = month.replace(day=number)
        except ValueError:
            day = None
        if day is not None and day.date() >= now.date():
            return day if day - now <= _SOON else None
        month = (month.replace(day=1) + timedelta(days=32)).replace(day=1)
    return None


def _hours(match: re.Match) -> tuple[tuple[int, int], tuple[int, int]]:
    start, end = (_DAY_START, 0), (_DAY_END, 0)
    if match.group("period"):
        low, high = _PERIODS[match.group("period")]
        start, end = (low, 0), (high, 0)
    for first, last in (("1", "2"), ("5", "6"), ("9", "10")):
        if match.group(f"h{first}"):
            return (int(match.group(f"h{first}")), int(match.group(f"m{first}") or 0)), \
                (int(match.group(f"h{last}")), int(match.group(f"m{last}") or 0))
    if match.group("rel"):
        hour = (int(match.group("h3")), int(match.group("m3") or 0))
        rel = match.group("rel")
        if rel == "avant":
            return start, hour
        if rel in ROUGHLY:
            return (hour[0] - 1, hour[1]), (hour[0] + 1, hour[1])
        if rel == "a":
            return hour, (hour[0] + 1, hour[1])
        return hour, end
    if match.group("h8"):
        return (int(match.group("h8")), int(match.group("m8") or 0)), end
    for n in ("4", "7"):
        if match.group(f"h{n}"):
            hour, minute = int(match.group(f"h{n}")), int(match.group(f"m{n}") or 0)
            return (hour, minute), (hour + 1, minute)
    return start, end


def _at(day: datetime, hour_minute: tuple[int, int]) -> datetime:
    hour, minute = hour_minute
    return datetime.combine(day.date(), time(min(hour, 23), minute), tzinfo=day.tzinfo)


# A value measured in the clause ("HTA 19/10 ce matin", "INR à 5 ce matin", "38,5 ce matin"): an observation
_MEASURE = re.compile(r"\d(?![\d\s]*(?:h\b|heures?))")


_NIGHT_ENDS = 5  # before it, "ce matin", "ce soir" are still said of the day gone by ("entorse ce soir" at 1 h)


def _hour_of_the_day_said(now: datetime) -> int:
    return now.hour + 24 if now.hour < _NIGHT_ENDS else now.hour


def _is_onset(folded: str, said: str, match: re.Match, now: datetime) -> bool:
    """The time says when the complaint began, not when the patient is to be seen: after "depuis" or a verb in the
    past in the same clause ("il est tombé ce matin", "a chuté dimanche"), or a part of today already begun right
    after a complaint ("malaise ce matin")."""
    # "depuis 10j cabinet lundi": "depuis" with its whole object said is over before the day
    before = _SINCE_SAID.sub(lambda m: " " * len(m.group(0)), folded[max(0, match.start() - 60):match.start()])
    ahead = (match.group("day") or "").endswith("demain") or match.group("rel") in ("avant", "apres", "a partir de")
    if _SINCE_IN_CLAUSE.search(before) or _past_in_clause(said, before, match.start()) \
            or _past_right_after(said, folded, match.end()):
        return not ahead  # "fièvre depuis 2 jours demain matin si possible": nothing begins tomorrow
    if _WISH_AFTER.match(folded, match.end()):
        return False  # "cystite ce matin si possible": asked for, whatever comes before
    weekday = (match.group("day") or "").split(" ")[0].rstrip(".")
    if _CUT_SHORT.get(weekday, weekday) in WEEKDAYS and _done_in_clause(said, before, match.start()):
        return True  # "opéré vendredi, pansement à refaire lundi": the Friday gone by
    from bot.nlu.free_text import names_a_complaint, opens_with_a_complaint  # the reader's table of complaints

    clause = _clause_ending(before)
    if _HABIT.match(match.group(0)) and (names_a_complaint(clause) or _DESCRIBED.search(clause)):
        return True  # "des palpitations le soir", "l'œil qui colle le matin": when it happens, not when to be seen
    period = match.group("period")
    if not match.group("this") or _PERIODS[period][0] > _hour_of_the_day_said(now):
        return False
    # "il meulait sans lunettes ce matin": what was going on this morning; "ce matin céphalées": what began then
    return names_a_complaint(clause) or bool(_MEASURE.search(clause)) or _done_in_clause(said, before, match.start()) \
        or says_the_past(said[match.start() - len(clause):match.start()]) \
        or opens_with_a_complaint(re.split(r"[,.;:!?\n]", folded[match.end():], maxsplit=1)[0].strip())


_WISH_AFTER = re.compile(r"\s*,?\s*(?:si possible|si poss|svp|stp|s'il vous plait|de preference|idealement)\b")
_HABIT = re.compile(r"(?:le|la|l')\s*[a-z]")  # a part of the day with its article alone: "le soir", "la matinée"
# a relative clause describing the complaint ("l'œil qui coule et qui colle"), not one asking for someone ("quelqu'un
# qui passe", "qui puisse venir")
_DESCRIBED = re.compile(r"\bqui\s+(?!passe|vienne|puisse|pourrait|peut)[a-z]+(?:\s+et\s+qui\s+[a-z]+)*\s*$")
# Auxiliaries of the French past (passé composé, plus-que-parfait): only a clause holding one is parsed.
_AUXILIARY = re.compile(r"\b(?:a|ai|as|avons|avez|ont|est|es|suis|sommes|etes|sont|avait|avaient|etait|etaient)\b")


def _past_in_clause(said: str, before: str, at: int) -> bool:
    """A verb in the past in the clause just before `at` ("il est tombé ce matin"), told by spaCy's morphology on
    the text as said (accents tell "tombé" from "tombe")."""
    clause = _clause_ending(before)
    start = at - len(clause)
    if not _AUXILIARY.search(clause):
        return False
    head = max(0, start - 20)  # the subject before the clause helps the tagger ("il est tombé")
    return _done(said, clause, start, [(head + s, head + e) for s, e in past_participles(said[head:at])])


def _past_right_after(said: str, folded: str, at: int) -> bool:
    """The time opens a clause whose verb is in the past ("ce matin elle est tombée", "ce matin il a pris son
    biberon"): when it happened."""
    clause = _SUBJECT_AND_AUXILIARY.match(folded, at)
    if clause is None:
        return False
    verb = _NEXT_WORD.match(folded, clause.end())  # the participle right after its auxiliary ("est tombée")
    if verb is None or verb.group(1) in _AVAILABLE:
        return False
    return any(at + s == verb.start(1) for s, _ in past_participles(said[at:verb.end()]))


_NEXT_WORD = re.compile(r"\s+(?:(?:deja|bien|encore|pas|tout|toujours)\s+)?([\w'-]+)")
_AVAILABLE = {"dispo", "disponible", "libre", "present", "presente", "joignable", "la"}  # "ce soir elle est dispo"
_SUBJECT_AND_AUXILIARY = re.compile(r"\s*,?\s*(?:il|elle|on|je|j'|nous|ils|elles|le patient|la patiente)\s*(?:n'|ne\s+)?"
                                    r"(?:a|ai|as|avons|ont|est|suis|sommes|sont|avait|etait)\b")


# Participles of a wish: "RDV souhaité cet après-midi" wants that time; so does what was said of it ("il a dit que
# ce serait mieux samedi", "elle a précisé lundi")
_WISHED = re.compile(r"(?:souhait|demand|voulu|desir|prevu|propos|conseill|prefer|precis|indiqu|expliqu|sugger|recommand)"
                     r"\w*$|^dite?s?$")


def _done_in_clause(said: str, before: str, at: int) -> bool:
    """A past participle alone in the clause before a part of today already begun or a weekday: what was done then
    ("sondé par SOS ce matin", "opéré vendredi"), not a wish."""
    clause = _clause_ending(before)
    start = at - len(clause)
    # A clause opening on a word in -é(e)(s) or on "vu(e)" is one the tagger may take for a noun ("sondé", "plâtrée",
    # "Vu lundi par SOS").
    # A word followed by its agent is a participle of the passive ("vue par SOS Médecins samedi").
    opening = re.match(r"\s*([^\W\d_]+(?:é|ée|és|ées)|[Vv]ue?s?)\b", said[start:at]) \
        or re.match(r"\s*([^\W\d_]+)(?=\s+par\b)", said[start:at])
    done = [(start + opening.start(1), start + opening.end(1))] if opening else []
    return _done(said, clause, start, done + [(start + s, start + e) for s, e in past_participles(said[start:at])])


_BORN = {"ne", "nee", "nes", "nees"}  # "je suis née le … à Chambéry": a birth, nothing that began then


def _done(said: str, clause: str, start: int, participles: list[tuple[int, int]]) -> bool:
    """One of the participles found in the clause starting at `start` says a thing done. Not a participle saying how
    soon ("c'est pas pressé lundi"), a wish or an advice given in the past ("on nous a conseillé un ORL mercredi"),
    a passive wanted ("elle voudrait être vue vendredi", "qu'il soit vu ce soir"), nor "midi", which the tagger
    takes for one."""
    soon = [(start + f.start, start + f.end) for f in URGENCY_TABLE.finditer(fold(clause))]
    return any(s >= start and not any(a <= s < b for a, b in soon) and not _WISHED.search(fold(said[s:e]))
               and fold(said[s:e]) not in _PERIODS and fold(said[s:e]) not in _BORN
               and not re.search(r"\b(?:[eê]tre|soit|soient|sera|seront|serait|seraient)\s+$", said[start:s])
               for s, e in participles)


def _hours_said_after(folded: str, at: int) -> re.Match | None:
    """A part of the day or an hour said with no day of its own just after a day ("demain, RDV dans la matinée")."""
    for match in _WINDOW.finditer(folded, at, at + _HOURS_AFTER_DAY):
        between = folded[at:match.start()]
        if not match.group("day") and not match.group("this") and (match.group("period") or match.group("clock")) \
                and not _NOT_WANTED.search(between) and not _SINCE_IN_CLAUSE.search(between) and "." not in between:
            return match
    return None


def find_time_window(folded: str, now: datetime, unfolded: str | None = None) -> Found | None:
    """The first wanted time in folded normalized text; value {"start", "end"} in ISO (text added by callers).
    `unfolded`: the same text with its accents (same offsets), which tell the tenses of verbs."""
    unfolded = folded if unfolded is None else unfolded
    folded = _LUNCH_BREAK.sub(lambda m: "entre 12 et 14h".ljust(len(m.group(0))), folded)  # same length
    folded = _NOON.sub(lambda m: m.group(1) + "12h ", folded)  # same length: spans stay right
    folded = _NOT_BEFORE.sub(lambda m: "apres".ljust(len(m.group(0))), folded)
    folded = _NOT_AFTER.sub(lambda m: "avant".ljust(len(m.group(0))), folded)
    folded = BY_A_CLOCK_HOUR.sub(lambda m: "avant ".ljust(len(m.group(0))), folded)
    folded = _HALF_QUARTER.sub(_minutes, folded)
    folded = _SCHOOL_OUT.sub(lambda m: "apres" + "16h30".rjust(len(m.group(0)) - 5), folded)  # same length
    found = _corrected(_first_window(folded, unfolded, now), folded, unfolded, now)
    return _but_not_in(_narrowed(found, folded, unfolded, now), folded, now)


def _corrected(found: Found | None, folded: str, unfolded: str, now: datetime) -> Found | None:
    """The time said later as a correction of the first ("cabinet vendredi – pardon, samedi matin"), or the first."""
    if found is None:
        return None
    for match in _WINDOW.finditer(folded, found.end):
        if match.start() > found.end + 60:
            break
        later = _window_of(match, folded, unfolded, now) if corrects(folded, found.end, match.start()) else None
        if later is not None and "text" not in later.value:
            return later
    return found


_DAY_SAID_IN = re.compile(rf"(?<![\w'])(?:{_DAY})(?![\w])")


def _narrowed(found: Found | None, folded: str, unfolded: str, now: datetime) -> Found | None:
    """The most precise of two times said one after the other, the second narrower and meeting the first ("demain
    aprem après les cours, vers 15h", "dispo que le week-end donc samedi après-midi"): the second."""
    if found is None or "text" in found.value:
        return found
    first, last = datetime.fromisoformat(found.value["start"]), datetime.fromisoformat(found.value["end"])
    first_day = max(now, first.replace(hour=0, minute=0, second=0, microsecond=0))
    for match in _WINDOW.finditer(folded, found.end):
        if match.start() > found.end + 40 or re.search(r"[.;\n]", folded[found.end:match.start()]):
            break  # within a few words of the first, and the same sentence
        # hours said alone ("vers 15h" after "demain aprem") are those of the day said first, read on that day
        inner = _window_of(match, folded, unfolded, now if match.group("day") else first_day)
        if inner is None or "text" in inner.value:
            continue
        start, end = datetime.fromisoformat(inner.value["start"]), datetime.fromisoformat(inner.value["end"])
        if match.group("day") and not _DAY_SAID_IN.search(folded, found.start, found.end) and start.date() > last.date():
            # "elle ne peut se déplacer que le matin donc lundi (matin)": the day said after the hours of any day,
            # those hours whole (today's may have begun)
            said = _WINDOW.match(folded, found.start)
            hours = _PERIODS.get(said["period"]) if said and said["period"] and not said["clock"] else None
            (h1, m1), (h2, m2) = ((hours[0], 0), (hours[1], 0)) if hours else ((first.hour, first.minute),
                                                                               (last.hour, last.minute))
            start, end = max(start, _at(start, (h1, m1))), min(end, _at(start, (h2, m2)))
            if start < end:
                return Found({"start": start.isoformat(), "end": end.isoformat()}, found.start, inner.end)
            break
        if not match.group("day"):  # of each day of several: "lundi ou mardi, uniquement le matin"
            end += timedelta(days=(last.date() - end.date()).days)
        # inside the first, or across its edge and narrower ("demain après l'école vers 17h": about 17h)
        if (first, last) != (start, end) and start < last and first < end and end - start < last - first:
            return Found({"start": start.isoformat(), "end": end.isoformat()}, found.start, inner.end)
        break
    return found


def _first_window(folded: str, unfolded: str, now: datetime) -> Found | None:
    either = _either_day(folded, now) or _two_dates(folded, now) or _either_period(folded, now) \
        or _weekend(folded, unfolded, now) or _next_week(folded, now) or _by_day(folded, unfolded, now)
    if either:
        return either
    over = None  # a part of today already over ("gonflé ce matin" at 16:40): tomorrow's only if nothing else is said
    for match in _WINDOW.finditer(folded):
        found = _window_of(match, folded, unfolded, now)
        if found is None:
            continue
        if "text" in found.value:  # set only when moved to tomorrow
            over = over or found
            continue
        instead = _said_instead(found, folded, unfolded, now) or _rather_later(found, folded, unfolded, now)
        if instead is not None:
            return instead
        found = _from_an_hour_said_after(found, folded)
        other = _OR.match(folded, found.end)
        hour = other and _BARE_HOUR.match(folded, other.end())
        start = datetime.fromisoformat(found.value["start"])
        if hour and start < _at(start, (int(hour["h"]), 0)):
            # "demain 9h ou 10h": from the first hour to the end of the last
            end = _at(start, (int(hour["h"]) + 1, int(hour["m"] or 0)))
            return Found({"start": found.value["start"], "end": end.isoformat()}, found.start, hour.end())
        later = next(_WINDOW.finditer(folded, other.end()), None) if other else None
        if later is not None and later.start() == other.end():
            either = _window_of(later, folded, unfolded, now)  # "ce soir ou demain matin": from one to the other
            if either is not None and either.value["end"] > found.value["end"]:
                span = {"start": found.value["start"], "end": either.value["end"]}
                if match.group("period") and match.group("period") == later.group("period") \
                        and not match.group("clock") and not later.group("clock"):
                    # "cet après-midi ou demain après-midi": those hours each day, never the morning between
                    span["heures"] = [either.value["start"][11:16], either.value["end"][11:16]]
                return Found(span, found.start, either.end)
        return found
    return over


def _from_an_hour_said_after(found: Found, folded: str) -> Found:
    """The window starts or ends at an hour inside it said just after ("demain apm, pas avant 15h", "cet après-midi
    mais pas avant quinze heures", "demain, elle ne peut pas après 15h"): from that hour or until it."""
    after = _LIMIT_HOUR.search(folded, found.end, found.end + 30)
    if after is None or re.search(r"[.;\n]", folded[found.end:after.start()]):
        return found
    start, end = datetime.fromisoformat(found.value["start"]), datetime.fromisoformat(found.value["end"])
    hour = _at(start, (int(after["h"]), int(after["m"] or 0)))
    if not start < hour < end:
        return found
    return Found({**found.value, "start" if after["since"] else "end": hour.isoformat()}, found.start, after.end())


_LIMIT_HOUR = re.compile(r"\b(?:(?P<since>apres|a partir de|des)|avant)"
                         r"\s+(?P<h>[01]?\d|2[0-3])\s*h(?:eures?)?(?:\s*(?P<m>\d{2}))?(?!\w)")
_OR = re.compile(rf"{_IF_POSSIBLE},?\s+{_OTHERWISE}\s+")  # "dans la matinée si poss sinon début d'aprem"
_BARE_HOUR = re.compile(r"(?:a\s+)?(?P<h>[01]?\d|2[0-3])\s*h\s*(?P<m>\d{2})?(?![\w])")


def _said_instead(found: Found, folded: str, unfolded: str, now: datetime) -> Found | None:
    """The window said right after `found` is taken back ("lundi non pardon mardi matin"), if one is: its span
    covers the slip, so that nothing of it is read as another field, its text is the one meant."""
    back = TAKEN_BACK.match(folded, found.end)
    later = back and _WINDOW.match(folded, back.end())
    meant = _window_of(later, folded, unfolded, now) if later and later.group(0).strip() else None
    if meant is None:
        return None
    value = {"text": unfolded[meant.start:meant.end], **meant.value}
    first = _WINDOW.match(folded, found.start)
    if first and first.group("day") and not later.group("day") and not later.group("this"):
        # "demain vers 10h non pardon après 17h": the hours taken back, the day kept
        shift = datetime.fromisoformat(found.value["start"]).date() - datetime.fromisoformat(meant.value["start"]).date()
        start = max(datetime.fromisoformat(meant.value["start"]) + shift, now.replace(second=0, microsecond=0))
        value |= {"text": f"{unfolded[first.start('day'):first.end('day')]} {value['text']}",
                  "start": start.isoformat(), "end": (datetime.fromisoformat(meant.value["end"]) + shift).isoformat()}
    return Found(value, found.start, meant.end)


_RATHER = re.compile(r"\b(?:plutot|de preference|idealement)\s*,?\s*$")


def _rather_later(found: Found, folded: str, unfolded: str, now: datetime) -> Found | None:
    """A day said later with "plutôt", or a part of the window said so, is the one wanted ("elle bosse tout l'aprèm,
    plutôt demain matin", "cet aprem de préférence début d'aprem")."""
    for later in _WINDOW.finditer(folded, found.end):
        if _RATHER.search(folded, max(0, later.start() - 14), later.start()):
            meant = _window_of(later, folded, unfolded, now)
            # a day said later, or a part of the window said ("cet aprem, de préférence début d'aprem")
            if meant is not None and (later.group("day") or later.group("this") or found.value["start"]
                                      <= meant.value["start"] < meant.value["end"] <= found.value["end"]):
                return Found({"text": unfolded[meant.start:meant.end], **meant.value}, meant.start, meant.end)
    return None


def _window_of(match: re.Match, folded: str, unfolded: str, now: datetime) -> Found | None:
    """The window a match of _WINDOW says, None when it is no wanted time (an onset, today alone, passed)."""
    said = match.group(0)
    bare_today = match.group("day") in ("aujourd'hui", "aujourd hui", "ce jour") and not match.group("period") \
        and not match.group("clock")
    if not said.strip() or bare_today or (match.group("this") and not match.group("period")):
        return None
    if _unwanted(folded, match) or _is_onset(folded, unfolded, match, now):
        return None
    # the day may come last: "en fin d'après-midi vendredi", "vers 15h aujourd'hui"
    trailing = None if match.group("day") else _TRAILING_DAY.match(folded, match.end())
    day = _day_of(trailing.group("day"), now) if trailing else _day(match, now)
    if day is None:
        return None
    hours = match if match.group("period") or match.group("clock") or trailing else \
        _hours_said_after(folded, match.end()) or match
    low, high = _hours(hours)
    start, end = _at(day, low), _at(day, high)
    value = {}
    if not match.group("day") and not trailing and end <= now:
        start, end = start + timedelta(days=1), end + timedelta(days=1)
        # "cet après-midi" said at 21:30 is tomorrow's: the recap says so rather than repeat words now untrue
        said_from = match.start("period") if match.group("period") else match.start("clock")
        value["text"] = "demain " + unfolded[said_from:match.end()].strip()
    start = max(start, now.replace(second=0, microsecond=0))
    if end <= start:
        return None
    return Found({"start": start.isoformat(), "end": end.isoformat(), **value}, match.start(),
                 trailing.end() if trailing else max(match.end(), hours.end()))
