"""Birth dates: candidates found in normalized text, read by dateparser, told apart from other dates."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from dateparser.date import DateDataParser

from bot.nlu.taken_back import FILLER, TAKEN_BACK, TAKING_BACK, corrects, meant, takes_back
from bot.nlu.vocabulary import MONTH_OF, MONTH_PATTERN, Found

_YEAR = r"(?P<year>\d{4}|\d{2})"
_DATE = re.compile(
    r"(?<![\d+])(?:"
    rf"(?P<iso>(?P<iy>\d{{4}})(?P<isep>[-/.])(?P<im>\d{{2}})(?P=isep)(?P<id>\d{{2}}))"  # "2003/04/16" too
    rf"|(?P<day>\d{{1,2}})(?:er)?(?P<sep>[/.\- ])(?P<month>\d{{1,2}})(?P=sep){_YEAR}"
    # said "le 17 du 3 85": the month by its number after "du"
    r"|(?P<dday>\d{1,2})(?:er)?\s+du\s+(?P<dmonth>\d{1,2})\s+(?P<dyear>\d{4}|\d{2})"
    # the year said first: "née en 88 le 12 mai", "deux mille vingt le vingt-trois octobre"; "en 46 non pardon 47
    # le 23 mars": the year taken back for the next
    rf"|(?:(?<!pas )en\s+(?:(?:\d{{4}}|\d{{2}})\s+(?:euh\s+)?(?:non\s+pardon|non|pardon)\s+)?(?P<eyear>\d{{4}}|\d{{2}})"
    rf"|(?<![\d/.\-] )(?P<fyear>(?:19|20)\d{{2}})),?\s+le\s+"
    rf"(?P<eday>\d{{1,2}}|1er)\s*(?P<emonth>{MONTH_PATTERN})\b"
    rf"|(?P<tday>\d{{1,2}}|1er)\s*(?P<tmonth>{MONTH_PATTERN})\.?(?:\s+(?P<tyear>\d{{4}}|\d{{2}}))?"
    r")(?![\d:])"
)
# "ddn 08011966", "ddn 19880127": a birth date typed with no separator, day or year first, read after its label only
# (alone, it may be part of a number)
_GLUED_CUE = r"\b(?:ddn|dn|nee?\s+le|naissance)\s*:?\s*"
_DAY, _MONTH, _YEAR_OF_BIRTH = r"(?P<day>\d{2})", r"(?P<month>\d{2})", r"(?P<year>(?:19|20)\d{2})"
# "ddn 220891" in a note: the year by its last two digits
_GLUED_ORDERS = (_DAY + _MONTH + _YEAR_OF_BIRTH, _YEAR_OF_BIRTH + _MONTH + _DAY, _DAY + _MONTH + r"(?P<year>\d{2})")
GLUED_BIRTH_DATES = tuple(re.compile(rf"{_GLUED_CUE}{order}\b") for order in _GLUED_ORDERS)
_BIRTH_CUE = re.compile(r"\b(?:nee?s?|ne\(e\)|ddn|dn|d\.n\.|naissance|naiss|anniversaire)\b")
_OTHER_CUE = re.compile(r"\b(?:depuis|des|a partir d[eu]?|debut|jusqu'?au|rdv|rendez-vous)\s*(?:le|la|du|l')?\s*$")
# A day or date said, then taken back for the one meant ("née le 6 non pardon le 7 août 1971", "le 12/03 euh non le
# 13/03/1951"): the date meant covers the slip, so that nothing of it stays between "née" and the place said after.
_SLIP = re.compile(rf"(?:\ble\s+)?\d{{1,2}}(?:er)?(?:[/.]\d{{1,2}})?(?:\s+{MONTH_PATTERN})?[\s,]+"
                   rf"{TAKING_BACK}(?:[\s,]+{FILLER})*[\s,]*(?:le\s+)?$")
# "le 21 pas le 22 juin 1980": the day said first is meant, the one after "pas" taken back.
_NOT_THAT_DAY = re.compile(r"\b(?:le\s+)?(?P<day>\d{1,2})(?:er)?\s+(?:et\s+)?pas\s+(?:le\s+)?$")
_LEADING_DAY = re.compile(r"\d{1,2}(?:er)?")
# "c'est le 14 mars pas le 4": a day and month said for the day of a date given before, the birth date (a time wished is
# said as a day, "jeudi", "demain"); "opérée le 3 novembre" alone corrects nothing
_DAY_TAKEN_BACK = re.compile(r"[\s,]+(?:et\s+)?pas\s+(?:le\s+)?\d{1,2}(?:er)?\b")
# "le 4 avril 31 non pardon 32": the year taken back for the one said after it, alone
_YEAR_ALONE = re.compile(rf"(?P<year>\d{{4}}|\d{{2}})(?![\d/]|\.\d|\s*(?:{MONTH_PATTERN})\b)")  # "… 1944. Il est …"
_SAID_YEAR = re.compile(r"\d{2}(?:\d{2})?$")
_BIRTH_PLACE_BETWEEN = re.compile(rf"\s+(?:a|au|en)\s+[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){{0,2}}?[\s,]+{TAKING_BACK}"
                                  rf"(?:[\s,]+{FILLER})*[\s,]*(?=\d)")
_DAY_ALONE = re.compile(rf"(?P<day>\d{{1,2}}|premier)(?:er)?(?![\d/.]|\s*(?:{MONTH_PATTERN})\b)")
_LEAP_YEAR = 2000  # lets "29 février" through when the year is not said
# The year of birth said alone ("je me suis trompé sur l'année de naissance, c'est 1968", "né en 1968"): it attaches to
# "année" or to "né en", never to a year after "pas" ("1968 pas 1986").
# Right after "né en", two digits are a year too, and the month said before it belongs to it: "né en 38 à Braga",
# "née en mars 52 à Lyon" (the whole of it masked, so that the place after it attaches to "né").
_BIRTH_YEAR = re.compile(rf"\bnee?s?\s+en\s+(?P<when>(?:(?:{MONTH_PATTERN})\s+)?(?P<short>(?:19|20)?\d{{2}}))"
                         r"(?![\d/.:h]|\s*(?:ans?|mois|semaines?)\b)"
                         r"|\b(?:nee?s?\s+en|(?:l')?annee(?:\s+de\s+naissance)?)\b[^\d]{0,25}?(?<!pas )"
                         r"(?P<year>(?:19|20)\d{2})(?![\d/.:h])")
# One year said for another ("1962 pas 1926", "pas 1926 mais 1962"): only a year of birth is corrected that way.
_YEAR_FOR_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})[\s,]+(?:et\s+)?(?:pas|non)\s+(?:en\s+)?(?:19|20)\d{2}\b"
                            r"|\b(?:pas|non)\s+(?:en\s+)?(?:19|20)\d{2}[\s,]+mais\s+(?:en\s+)?(?P<meant>(?:19|20)\d{2})\b")


@lru_cache(maxsize=1)
def date_parser() -> DateDataParser:
    """One French parser for the process (building it costs ~0.2 s)."""
    return DateDataParser(languages=["fr"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})


def warm() -> None:
    date_parser().get_date_data("21 novembre 1952")


def _full_year(year: str, today: date) -> int:
    if len(year) == 4:
        return int(year)
    recent = 2000 + int(year)
    return recent if recent <= today.year else 1900 + int(year)  # a birth date is in the past


def _read(match: re.Match, today: date) -> tuple[str, bool] | None:
    """(ISO value, year said) of a date candidate, or None when it is not a real date."""
    groups = match.groupdict()
    if groups["iso"]:
        text, formats, has_year = f"{groups['iy']}-{groups['im']}-{groups['id']}", ["%Y-%m-%d"], True
    elif groups["day"] or groups["dday"]:
        day, month = groups["day"] or groups["dday"], groups["month"] or groups["dmonth"]
        year = _full_year(groups["year"] or groups["dyear"], today)
        text, formats, has_year = f"{day}/{month}/{year}", ["%d/%m/%Y"], True
    else:
        month = MONTH_OF[groups["tmonth"] or groups["emonth"]]
        day = (groups["tday"] or groups["eday"]).replace("er", "")
        said_year = groups["tyear"] or groups["eyear"] or groups["fyear"]
        has_year = said_year is not None
        year = _full_year(said_year, today) if has_year else _LEAP_YEAR
        text, formats = f"{day}/{month}/{year}", ["%d/%m/%Y"]
    parsed = date_parser().get_date_data(text, date_formats=formats).date_obj
    if parsed is None:
        return None
    if not has_year:
        return f"--{parsed.month:02d}-{parsed.day:02d}", False
    if parsed.date() > today:
        return None
    return parsed.date().isoformat(), True


def find_dates(folded: str, today: date) -> list[tuple[Found, bool]]:
    """Every real date in folded normalized text: (found ISO value with span, year said)."""
    found = []
    for match in _DATE.finditer(folded):
        read = _read(match, today)
        if read:
            found.append((Found(read[0], match.start(), match.end()), read[1]))
    return found


def _read_glued(glued: re.Match, today: date) -> tuple[str, bool] | None:
    """A date matched with no separator (day, month and year groups), read as the same date with slashes."""
    return _read(_DATE.fullmatch("/".join(glued.group("day", "month", "year"))), today)


def glued_birth_date(digits: str, today: date) -> str | None:
    """"03041966", "19660403": the eight digits of a birth date given with no separator, as the answer to its
    question (said digit by digit too: "zéro trois zéro quatre un neuf six six")."""
    for order in _GLUED_ORDERS:
        glued = re.fullmatch(order, digits)
        read = glued and _read_glued(glued, today)
        if read:
            return read[0]
    return None


def find_birth_date(folded: str, today: date) -> Found | None:
    """The birth date of a whole message: after a birth cue, or a full past date that nothing else explains."""
    fallback = None
    dates = find_dates(folded, today)
    glued = next((m for glued in GLUED_BIRTH_DATES if (m := glued.search(folded))), None)
    if not dates and glued:
        read = _read_glued(glued, today)
        return Found(read[0], glued.start(1), glued.end(3)) if read else None
    kept = meant([candidate for candidate, _ in dates], folded)  # "le 4 avril non le 5 avril 1932": the 5th
    for candidate, has_year in (d for d in dates if d[0] in kept):
        slip = _slip_before(dates, candidate, folded)
        if slip and slip[1] and not has_year:  # "le 14 avril 70 euh non pardon le 15 avril": the year said first
            candidate, has_year = Found(slip[0].value[:4] + candidate.value[1:], candidate.start, candidate.end), True
        before = folded[max(0, (slip[0] if slip else candidate).start - 30):candidate.start]
        if _OTHER_CUE.search(before):
            continue
        if _BIRTH_CUE.search(before):
            return _with_the_slip(dates, candidate, _as_corrected(folded, candidate, today), folded)
        # a day already gone, its year said, is no time wished: "3 janvier 2026" for a baby in December 2026
        if has_year and fallback is None and date.fromisoformat(candidate.value) < today:
            fallback = candidate
    if fallback:
        return _with_the_slip(dates, fallback, _as_corrected(folded, fallback, today), folded)
    corrected = next((d for d, has_year in dates if not has_year and _DAY_TAKEN_BACK.match(folded, d.end)), None)
    return corrected or (None if dates else find_birth_year(folded, today))


def find_birth_year(folded: str, today: date) -> Found | None:
    """A year of birth said without its day ("1968"), when no date is: the validator takes the day and month of the
    birth date already known, or asks for them."""
    if said := _YEAR_FOR_YEAR.search(folded):
        group = span = "year" if said["year"] else "meant"
    elif said := _BIRTH_YEAR.search(folded):
        group, span = ("short", "when") if said["short"] else ("year", "year")
    if said is None or int(said[group]) > today.year or _OTHER_CUE.search(folded, 0, said.start()):
        return None  # "depuis l'année 2020": when it started
    return Found(str(_full_year(said[group], today)), said.start(span), said.end(span))


_DATE_SHAPED = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b")


def find_impossible_birth_date(folded: str, today: date) -> Found | None:
    """A birth date written as one that is no day of the calendar ("ddn 31/02/1980"): kept as written, so that the
    assistant says it is wrong instead of dropping it in silence."""
    read = [found for found, _ in find_dates(folded, today)]
    return next((Found(m.group(0), m.start(), m.end()) for m in _DATE_SHAPED.finditer(folded)
                 if _BIRTH_CUE.search(folded[max(0, m.start() - 30):m.start()])
                 and not any(f.start <= m.start() < f.end for f in read)), None)


def dates_corrected_by(folded: str, birth: Found, today: date) -> list[Found]:
    """The dates said before the birth date and corrected by it ("née 03/05/1979 à Moroni - pardon 05/03/1979"): blanked
    out as it is, so that what is said after them attaches to the birth word."""
    return [d for d, _ in find_dates(folded, today) if d.end <= birth.start and corrects(folded, d.end, birth.start)]


def _slip_before(dates: list[tuple[Found, bool]], candidate: Found, folded: str) -> tuple[Found, bool] | None:
    """The date (and whether its year was said) taken back just before the candidate ("le 12/03/1951 non pardon …")."""
    return next(((d, year) for d, year in dates if d.end <= candidate.start and takes_back(folded, d.end, candidate.start)),
                None)


def _with_the_slip(dates: list[tuple[Found, bool]], candidate: Found, corrected: Found, folded: str) -> Found:
    """The date as corrected, its span covering a whole date taken back just before it ("née le 12/03/1951 non
    pardon 21/03/1951 à Angers"), so that what follows attaches across both to the birth word."""
    slip = _slip_before(dates, candidate, folded)
    return Found(corrected.value, min(slip[0].start, corrected.start), corrected.end) if slip else corrected


def _as_corrected(folded: str, candidate: Found, today: date) -> Found:
    """The date with what the speaker took back around it: its span covers the slip, its day is the one meant."""
    before = folded[max(0, candidate.start - 40):candidate.start]
    day = _LEADING_DAY.match(folded, candidate.start)
    if (meant := _NOT_THAT_DAY.search(before)) and day:
        match = _DATE.fullmatch(meant["day"] + folded[day.end():candidate.end])
        read = match and _read(match, today)
        if read:
            return Found(read[0], candidate.start - len(meant.group(0)), candidate.end)
    if slip := _SLIP.search(before):
        candidate = Found(candidate.value, candidate.start - len(slip.group(0)), candidate.end)
    return _day_or_year_said_again(folded, candidate, today)


_TOLD = re.compile(r"(?:il|elle|on)\s+(?:me\s+)?dit\s+(?:que\s+)?(?:c'est\s+)?")


def _day_or_year_said_again(folded: str, candidate: Found, today: date) -> Found:
    """The date with its year or its day taken back and said again after it, if it is ("4 avril 31 non pardon 32",
    "le 12/03/1981 non pardon le 13": with its article, a day)."""
    place = _BIRTH_PLACE_BETWEEN.match(folded, candidate.end)
    back = TAKEN_BACK.match(folded, candidate.end)
    if (not back or back.end() == candidate.end) and place:
        # "le 02/10/1933 à Limoges non 1934 pardon": the year taken back after the birth place, which stays unmasked
        year = _YEAR_ALONE.match(folded, place.end())
        year = year if year and not re.match(r"\s*\d", folded[year.end():]) else None  # not a phone's first pair
        said = folded[candidate.start:candidate.end]
        value = year and _SAID_YEAR.search(said) and _read_whole(_SAID_YEAR.sub(year["year"], said), today)
        return Found(value, candidate.start, candidate.end) if value else candidate
    if not back or back.end() == candidate.end:
        return candidate
    said = folded[candidate.start:candidate.end]
    with_article = re.search(r"\ble\s*$", folded[candidate.end:back.end()])
    day, leading = with_article and _DAY_ALONE.match(folded, back.end()), _LEADING_DAY.match(said)
    told = _TOLD.match(folded, back.end())  # "… ah non pardon elle me dit 1944"
    year = not day and _YEAR_ALONE.match(folded, told.end() if told else back.end())
    if day and leading:
        said, again = day["day"].replace("premier", "1") + said[leading.end():], day
    elif year and _SAID_YEAR.search(said):
        said, again = _SAID_YEAR.sub(year["year"], said), year
    else:
        return candidate
    value = _read_whole(said, today)
    return Found(value, candidate.start, again.end()) if value else candidate


def _read_whole(said: str, today: date) -> str | None:
    """The date said, when it reads as one with its year."""
    match = _DATE.search(said)
    read = match and _read(match, today)
    return read[0] if read and read[1] else None
