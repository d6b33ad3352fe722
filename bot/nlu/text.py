"""Text helpers shared by the parsers: accent folding that keeps offsets, and dictation normalization."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from text_to_num import alpha2digit

from bot.nlu.spoken_numbers import TENS, UNITS, spoken_phones
from bot.nlu.vocabulary import WEEKDAYS


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character in, one character out, so offsets in the folded text match the input."""
    base = unicodedata.normalize("NFD", char)[0]
    return base.lower() if len(base.lower()) == 1 else char


def one_letter_apart(word: str, other: str) -> bool:
    """Two words of five letters or more that differ by one letter missed, added or changed ("rousseau", "rosseau"):
    a name spelled with a slip."""
    if min(len(word), len(other)) < 5 or abs(len(word) - len(other)) > 1 or word == other:
        return False
    if len(word) == len(other):
        return sum(a != b for a, b in zip(word, other, strict=True)) == 1
    short, long = sorted((word, other), key=len)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def fold(text: str) -> str:
    """Lower case without accents, same length as `text` (for matching vocabulary)."""
    return "".join(fold_char(c) for c in text)


_ACCENTLESS_NUMBERS = re.compile(r"\bzero\b", re.IGNORECASE)
_INTERNATIONAL_PLUS = re.compile(r"\bplus (?=\d{2,3} \d)", re.IGNORECASE)
# "à" is never a letter said in a spelling: "k e r b o r i o u à quimper" spells, then says where
# Letters apart, or with the commas a transcript puts between them ("V, U, I, L, L, E").
# (a letter before an apostrophe is an elided word: "F E R N A N D c'est le nom")
# A name of two words spelled in two runs: "L E et puis B I H A N", "D U puis P O N T", "B E N et S A L A H", "B E N et
# après S A L A H".
_SPELLED_RUN = re.compile(r"\b[^\W\d_](?:(?: |-|, | tiret | espace | apostrophe | (?:et )?(?:puis|apr[èe]s) | et )"
                          r"(?![àÀ])[^\W\d_]\b(?!['’])){2,}")
_RUNS_JOINED = re.compile(r" (?:et )?(?:puis|apr[èe]s) | et ")  # "L E et puis B I H A N": one name
# A letter said twice in a spelling: "D I A deux L O", "M A double L E T", "U, I, deux L, E"
# "H A deux D A D"; last in the run after two letters at least, a word after it: "S C H M I deux T né le …"
_DOUBLE_LETTER = re.compile(r"(?<=\b[^\W\d_])(,?) (?:deux|double) ([^\W\d_])\b(?=,? [^\W\d_]\b|$)"
                            r"|(?<=\b[^\W\d_] [^\W\d_])(,?) (?:deux|double) ([^\W\d_])\b(?=[\s,.]+[^\W\d_]{2,}|[,.]|$)",
                            re.IGNORECASE)
# What an operator adds to a spelling: "K O N E accent sur le e", "tréma sur le i", "avec une cédille"; after its
# first letter too, the spelling going on ("Élodie E accent aigu L O D I E")
_ON_A_LETTER = (r"(?:,? (?:avec )?(?:un |une |l')?(?:accent(?: aigu| grave| circonflexe)?|trema|tréma|cedille"
                r"|cédille)(?: sur (?:le |la |l')?(?:(?:dernier|premier|deuxieme|deuxième|second) )?[^\W\d_]\b)?)+")
_SPELLING_REMARK = re.compile(rf"(?<=\b[^\W\d_] [^\W\d_]){_ON_A_LETTER}|(?<=\b[^\W\d_]){_ON_A_LETTER}(?=,? [^\W\d_] [^\W\d_]\b)",
                              re.IGNORECASE)
# How a name is written, said after it: "dupond avec un d à la fin", "MEYER avec un Y grec", "du plessis en deux mots"
_LETTERS_REMARK = (
    r"(?:,? (?:(?:avec|sans) (?:un|une|deux|2) (?:seule? )?[^\W\d_](?: grec)?(?![\w'])"
    r"(?: et (?:avec )?(?:un|une|deux|2) [^\W\d_](?: grec)?(?![\w']))*"  # "kylian avec un K et un Y"
    r"(?: (?:à la fin|a la fin|au début|au debut|au milieu))?|sans [^\W\d_](?![\w'])|en (?:un|deux|trois) mots"
    r"|c'est (?:deux|trois|quatre|[234]) mots(?: sans tirets?)?"  # "da silva ferreira c'est trois mots sans tiret"
    r"|(?:avec|sans) (?:un |une |le |la |l')?(?:accent(?: aigu| grave| circonflexe)?|tr[ée]ma|c[ée]dille)"
    r"(?: sur (?:le |la |l')?(?:(?:dernier|premier|deuxieme|deuxième|second) )?[^\W\d_](?![\w'])"
    r"(?: de [^\W\d_][\w'’-]+)?)?))+(?![\w'])")  # "marie-josé avec un accent sur le e de josé"
_LETTER_REMARK = re.compile(r"(?<=[^\W\d_])" + _LETTERS_REMARK, re.IGNORECASE)
# "ben chekroun en un seul mot": the two words said before are one
_IN_ONE_WORD = re.compile(r"\b(?!(?:mme|madame|mr?|monsieur|mlle|mademoiselle|nom|prenom|prénom|est|appelle)\b)"
                          r"([^\W\d_]{2,}) ([^\W\d_]{2,}),? en un (?:seul )?mot\b", re.IGNORECASE)
_REMARKED = re.compile(r"\b([^\W\d_][\w'’-]+)(?=" + _LETTERS_REMARK + ")", re.IGNORECASE)
# "jean-louis avec un tiret": how the name is written, said after it
HYPHEN_REMARK = re.compile(r"[\s,]+(?:(?:pr[ée]nom|nom) compos[ée]e?(?: (?:avec|sans) (?:un |le )?(?:tiret|trait d'union))?"
                           r"|(?:avec|sans) (?:un |le )?(?:tiret|trait d'union))\b", re.IGNORECASE)  # "prénom composé …"
# "jean tiret pierre"; not "marie-thérèse avec un tiret née …", which tells how the name is written
_HYPHEN_WORD = re.compile(r"(?<!\bun)(?<!\bsans)\s+tiret\s+(?!bas\b|du bas\b)", re.IGNORECASE)
_APOSTROPHE_WORD = re.compile(r"\b([dl]) apostrophe\s+(?=[^\W\d_])", re.IGNORECASE)  # "d apostrophe almeida"
_EMAIL_CONNECTORS = {"point": ".", "tiret": "-", "tiret bas": "_", "tiret du bas": "_", "underscore": "_"}
_CONNECTOR = "point|tiret du bas|tiret bas|tiret|underscore"
# How a piece of an address is written, said beside it: "chloé sans accent point martin" is chloe.martin
_EMAIL_REMARK = re.compile(r"\s+(?:sans accents?|sans l'accent|(?:tout )?en minuscules?|sans majuscules?|en chiffres?)"
                           rf"(?= (?:{_CONNECTOR}|a?rr?obase?)\b)", re.IGNORECASE)
# An address's name said piece by piece: an initial before a word ("j dupont"), numbers in words ("tiret douze",
# "leclerc trente-deux"), pieces joined by the connectors said.
_NUMBER_WORD = "|".join(sorted({*UNITS, *TENS.values(), "zéro", "vingts", "cent", "cents", "mille", "et"}, key=len,
                               reverse=True))
_SAID_NUMBER = rf"(?:{_NUMBER_WORD})(?:[ -](?:{_NUMBER_WORD}))*\b"
_SPOKEN_TIME = re.compile(rf"\b{_SAID_NUMBER}\s+heures?(?:\s+(?:et demie|et quart|{_SAID_NUMBER}))?", re.IGNORECASE)
_HALF_PAST = {"et demie": "30", "et quart": "15"}
# "né le douze douze mille neuf cent cinquante-huit": a day and a month said as numbers, then the year (no 12 958)
_YEAR_AFTER_A_NUMBER = re.compile(rf"\b((?:{_NUMBER_WORD})[\s,]+)(mille[\s-]+neuf[\s-]+cents?(?:[\s-]+(?:{_NUMBER_WORD})\b)*)",
                                  re.IGNORECASE)


def times_in_digits(text: str) -> str:
    """"à neuf heures trente" -> "à 9h30", "dix heures et demie" -> "10h30": a time said, as a slot shows it."""
    def digits(match: re.Match) -> str:
        said = match.group(0).lower()
        for words, minutes in _HALF_PAST.items():
            said = said.replace(words, minutes)
        read = re.fullmatch(r"(\d{1,2})\s+heures?(?:\s+(\d{1,2}))?", alpha2digit(said, "fr"))
        return f"{read[1]}h{read[2] or ''}" if read else match.group(0)
    return _SPOKEN_TIME.sub(digits, text)


# "zéro six, douze, trente-quatre, …": a transcript's commas between the pairs of a number said
_PAIRS_APART = re.compile(rf"\b({_NUMBER_WORD}),\s+(?=(?:{_NUMBER_WORD})\b)", re.IGNORECASE)
_PIECE = rf"(?:{_SAID_NUMBER}|[\w.\-]+)"
_DICTATED_EMAIL = re.compile(
    rf"\b((?:(?!à )[^\W\d_] ){{0,3}}{_PIECE}(?: (?:{_CONNECTOR}) {_PIECE})*(?: (?:{_SAID_NUMBER}|\d+))?) (?:a?rr?obase?|at) "
    r"([\w\-]+(?: (?:point|tiret) [\w\-]+)*(?: point (?:[^\W\d_] )+[^\W\d_]| point [\w\-]+)|[\w\-]+(?:\.[\w\-]+)+)\b",
    # "sfr point fr", "gmail.com", "etu point univ tiret poitiers point fr", "orange point f r" (the ending spelled)
    re.IGNORECASE,
)


# "benoit durand tout attaché arobase …": the words said before "attaché" are one piece of the address.
_GLUED_WORD = r"(?!(?:e-?mail|mail|adresse|courriel|son|sa|est|alors|donc|c|tout|tous|point|tiret)\b)[^\W\d_]+(?:-[^\W\d_]+)*"
_GLUED = re.compile(
    rf"(?<![\w'’])((?:{_GLUED_WORD} ){{0,3}}{_GLUED_WORD})"
    r" (?:tout |tous )?(?:attach[ée]e?s?|coll[ée]e?s?|sans espaces?|en un (?:seul )?mot)(?= (?:a?rr?obase?|at)\b)",
    re.IGNORECASE)
# "m point guerin g u e r i n soixante-neuf arobase …": a piece of the address said, then spelled, is one piece
_SPELLED_AGAIN = re.compile(r"\b([^\W\d_]{2,}) ((?:[^\W\d_] )+[^\W\d_])(?=(?: [\w-]+){0,4} (?:a?rr?obase?|at)\b)")


def _said_once(match: re.Match) -> str:
    return match.group(1) if fold(match.group(2).replace(" ", "")) == fold(match.group(1)) else match.group(0)


def _glue(match: re.Match) -> str:
    """"giovanni rossi quatre-vingt-dix tout attaché" -> "giovannirossi quatre-vingt-dix": the words run together, a
    number said last kept apart to be written in digits with the address."""
    return re.sub(rf" (?!(?:{_NUMBER_WORD})\b)", "", match.group(1), flags=re.IGNORECASE)


def _join_spelled(match: re.Match, space: str = "") -> str:
    # "V A N espace D E N …" is read as one word: the reader compares it to the name said, words run together
    return _RUNS_JOINED.sub("", re.sub(r" tiret ", "-", match.group(0)).replace(" apostrophe ", "'").replace(
        " espace ", space)).replace(",", "").replace(" ", "")


def spelled_with_spaces(text: str) -> str:
    """"L E espace F L O C apostrophe H" -> "LE FLOC'H": the letters joined, the spaces said kept, as the name is
    written."""
    return _SPELLED_RUN.sub(lambda match: _join_spelled(match, space="\0"), text).replace("\0", " ")


_NUMBER_AT_END = re.compile(rf"(?P<head>.*?) ?(?P<number>(?<![\w-]){_SAID_NUMBER})?$", re.IGNORECASE)


def _email_piece(piece: str) -> str:
    """"j dupont" -> "jdupont", "leclerc trente-deux" -> "leclerc32", "douze" -> "12"."""
    parts = _NUMBER_AT_END.match(piece)
    digits = re.sub(r"\D", "", alpha2digit(parts.group("number"), "fr")) if parts.group("number") else ""
    return parts.group("head").replace(" ", "") + (digits or (parts.group("number") or "").replace(" ", ""))


def _join_email(match: re.Match) -> str:
    def glue(part: str, said_numbers: bool) -> str:
        pieces = re.split(rf" ({_CONNECTOR}) ", part, flags=re.IGNORECASE)  # piece, connector, piece, ...
        return "".join(_EMAIL_CONNECTORS[p.lower()] if k % 2 else _email_piece(p) if said_numbers else p
                       for k, p in enumerate(pieces))

    # "neuf point fr" is a domain; a transcript writes "chloé" where the address has "chloe"
    domain = re.sub(r"(?<=\b[^\W\d_]) (?=[^\W\d_]\b)", "", match.group(2))  # "f r": one ending, spelled
    return fold(f"{glue(match.group(1), True)}@{glue(domain, False)}")


def _phones_in_digits(text: str) -> str:
    for start, end, digits in reversed(spoken_phones(fold(text))):
        text = text[:start] + digits + text[end:]
    return text


_SMALL = {"premier": "1er", "un": "1", "une": "1", "deux": "2", "trois": "3"}
# Small numbers stay words ("un créneau", "une toux") except before a month or a unit of time.
_SMALL_COUNT = re.compile(
    r"(?<!\bet )(?<!-)(?<!vingt )(?<!trente )(?<!quarante )(?<!cinquante )(?<!soixante )"
    r"\b(premier|un|une|deux|trois)\b(?=\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|"
    r"novembre|d[ée]cembre|heures?|h\b|jours?|semaines?|mois|ans?)\b"
    # a date said with the month's number: "le deux du onze", "le onze du deux quatre-vingt-dix"
    r"|\s+du\s+(?:\d|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze)\b"
    r"|(?<=du )(?=\s+(?:\d|mille|dix|vingt|trente|quarante|cinquante|soixante|quatre-vingt)))", re.IGNORECASE)


_SEPTEMBER = re.compile(r"(\d\s*)sept\b\.?", re.IGNORECASE)  # "7 sept. 1932" is not "7 7"


def _numbers_in_digits(text: str) -> str:
    """alpha2digit everywhere but inside email addresses ("neuf.fr" stays)."""
    text = _SEPTEMBER.sub(r"\1septembre", text)
    text = _SMALL_COUNT.sub(lambda m: _SMALL[m.group(1).lower()], text)
    parts = re.split(r"(\S+@\S+)", text)
    return "".join(part if "@" in part else alpha2digit(part, "fr") for part in parts)


# Shorthand of regulation software notes ("Pat. : DUPONT Jean – DDN 12.03.51 – NJF : MARTIN"), written out so that
# the reader sees the words it knows ("DDN" it reads as is).
_DAY_OF = {day[:3]: day for day in WEEKDAYS}  # "lun" -> "lundi", "ven" -> "vendredi"
_SHORT_DAYS = "|".join(_DAY_OF)
_SHORTHAND = [
    (re.compile(r"\bpat(?:\.|(?=\s*:))", re.IGNORECASE), "Patient"),
    (re.compile(r"\bnjf\b", re.IGNORECASE), "nom de jeune fille"),
    # "(JF Benali)", "nom de JF : Benali": before a name; "JF 25 ans" is a young woman
    (re.compile(r"\b(?:[nN]om de )?(?:JF|jf)\b\.?(?=\s*:?\s*[A-ZÀ-Ý])"), "nom de jeune fille"),
    (re.compile(r"\b(pr|pour) nn\b", re.IGNORECASE), r"\1 nouveau-né"),  # "pr nn GUILLOU Lina (3 sem)"
    # "NN : idem", "nn Favre": the birth name's label of forms, before a name or a word saying it is the same
    (re.compile(r"\bnn\b\.?(?=\s*:?\s*(?:[A-ZÀ-Ý]|(?:idem|pareil|identique|m[êe]me)\b))", re.IGNORECASE),
     "nom de naissance"),
    # "naiss. idem": the birth name the same; "naiss. 12/03/61", "naiss. Lyon" say when or where
    (re.compile(r"(?<!nom )(?<!nom de )\bnaiss\b\.?(?=\s*:?\s*(?:idem|pareil|identique|m[êe]me)\b)", re.IGNORECASE),
     "nom de naissance"),
    (re.compile(r"\bndn\b", re.IGNORECASE), "nom de naissance"),
    (re.compile(r"\bdlrs?\b\.?", re.IGNORECASE), "douleur"),  # "dlr hanche g", the complaint as notes write it
    # "dl epaule dte"; not a unit ("Hb 9 g/dl", "2 dl")
    (re.compile(r"(?<![\d/])(?<!\d )\bdl\b\.?(?=\s+[^\W\d])", re.IGNORECASE), "douleur"),
    (re.compile(r"\bc[ée]ph\b\.?", re.IGNORECASE), "céphalées"),
    (re.compile(r"\bO\.\s?R\.\s?L\b\.?", re.IGNORECASE), "ORL"),  # "O.R.L."
    (re.compile(r"(?<=[^\W\d]) ?> (?=[^\W\d])"), " : "),  # "père au tél > Lina Da Costa": a label; not "fièvre > 39"
    (re.compile(r"\|"), ";"),  # a column of an export ("BARRE|Nicole|…"); the reader blanks out fields with "|"
    # times as SMS write them: "dem matin", "auj apm", "ds la journée", "jeu 3/12", "mer. 14h"
    # "dem" is "demain" as a time ("dem matin", "rdv dem", "d'ici dem") and "demande" in a note ("DEM VAD", "dem ORL")
    (re.compile(r"(\b(?:pour|ici|rdv|dispo|voir|vue?|passer|avant)\s+)?\bdem\b\.?"
                r"((?=\s*(?:matin|mat\b|midi|soir|apm|ap-m|apr|fin d|en fin|vers|avant|a partir|à partir|entre|"
                r"\d{1,2}\s*h|de pr[ée]f|si poss|sinon|svp|[,;.]|$)))?", re.IGNORECASE),
     lambda m: (m.group(1) or "") + ("demain" if m.group(1) or m.group(2) is not None else "demande")),
    (re.compile(r"\b(?:auj|aujd|ajd|ajdh|aujourdhui)\b\.?", re.IGNORECASE), "aujourd'hui"),
    (re.compile(r"\b(?:dem1|dmain|dmn)\b", re.IGNORECASE), "demain"),  # "vad dem1 matin"
    (re.compile(r"(?<=\w-)ss(?=-\w)", re.IGNORECASE), "sous"),  # "Aulnay-ss-Bois"
    (re.compile(r"\bvomiss?(?:mts?|ts?|emts?)\b", re.IGNORECASE), "vomissements"),  # "vomissmts depuis ce matin"
    (re.compile(r"\b(cette|la|ds la|dans la) sem\b\.?", re.IGNORECASE), r"\1 semaine"),  # "gastro cette sem"
    (re.compile(r"\benft?\b\.?(?=\s)", re.IGNORECASE), "enfant"),  # "pr enft Lina Moreau 7 ans"
    (re.compile(r"(?<![\w/.,])(\d{1,3})a\b(?!['’])"), r"\1 ans"),  # an age glued to its unit: "pt 34a", "58a"
    (re.compile(r"\bqq\b", re.IGNORECASE), "quelques"),
    # "mm tel", "mm adresse": the same as the last patient's; not a size ("5 mm")
    (re.compile(r"(?<!\d )\bmm\b(?=\s+(?:t[ée]l|t[ée]l[ée]phone|num|num[ée]ro|portable|adresse|nom|ddn|date|endroit|domicile"
                r"|ville|commune|lieu|chose|sympt[ôo]mes?|motif)\b)", re.IGNORECASE), "même"),
    (re.compile(r"\b(t[ée]l|port|mob|fixe|num)(?=(?:\+|0)\d)", re.IGNORECASE), r"\1 "),  # "tel0766231487", typed fast
    (re.compile(r"\bsect\b\.?(?=\s+\w)", re.IGNORECASE), "secteur"),  # "sect douai", "sect. Nord-Isère"
    (re.compile(r"\bap\.?(?=\s*\d{1,2}\s*h)", re.IGNORECASE), "après"),  # "dispo ap 17h"
    (re.compile(r"(?<=\w) s/(?=[a-z])", re.IGNORECASE), "-sur-"),  # "chalon s/saone": Chalon-sur-Saône
    (re.compile(r"\b(si|que|qd|quand) poss\b\.?", re.IGNORECASE), r"\1 possible"),  # "dès que poss", "si poss"
    (re.compile(r"\bpa(?= press|\s+urgent)"), "pas"),  # "pa pressé": "pas" as texted fast ("PA" is a blood pressure)
    # typed fast: "pas presée", "dpuis mercredi" (an onset, no day wanted)
    (re.compile(r"\b(pas )pres(?=[ée]e?s?\b)", re.IGNORECASE), r"\1press"),
    (re.compile(r"\b(?:dpuis|depui|depuit|dpui)\b", re.IGNORECASE), "depuis"),
    # words of a question as texted: "c koi le tarif", "pk", "qd"
    (re.compile(r"\bkoi\b", re.IGNORECASE), "quoi"),
    (re.compile(r"\b(?:pk|pq)\b(?!\s*\d)", re.IGNORECASE), "pourquoi"),
    (re.compile(r"\bqd\b", re.IGNORECASE), "quand"),
    (re.compile(r"\bbcp\b", re.IGNORECASE), "beaucoup"),
    (re.compile(r"\bmtn\b", re.IGNORECASE), "maintenant"),  # "et son fils mtn : …"
    (re.compile(r"\b(?:qqn|qqun|qlqn)\b", re.IGNORECASE), "quelqu'un"),  # "qqn pourrait passer ds les 3h ?"
    (re.compile(r"\btt de suite\b", re.IGNORECASE), "tout de suite"),  # "tt" alone may be a treatment ("tt en cours")
    (re.compile(r"\b(?:apm|ap\.m\.?|ap-m|aprèm)(?!\w)", re.IGNORECASE), "après-midi"),
    (re.compile(r"\bds\b", re.IGNORECASE), "dans"),
    # "pr Mme X", "pr Emma ROUX": "pour" in small letters before the patient ("Pr Martin", "le pr" are professors)
    (re.compile(r"(?<!\ble )(?<!\bdu )(?<!\bau )(?<!\bpar )\bpr\b\.?(?=\s+(?:[A-ZÀ-Ý]|(?:mme|mr|mlle|m\.|monsieur|madame"
                r"|bb|un|une|sa|son|le|la|l'|les|patient|patiente|pte?|pat|enfant|ado)\b))"), "pour"),
    (re.compile(r"\bbb\b", re.IGNORECASE), "bébé"),
    # "TC ok", "TC samedi matin", "tc pr Mme X", "demande tc", "une tc", "en tc": a teleconsultation, where "TC sans
    # PC", "un TC" are a head injury
    (re.compile(r"\b(demande|souhaite|voudrait|veut|une|en|par|via) tc\b", re.IGNORECASE), r"\1 téléconsultation"),
    (re.compile(r"\btc\b(?=\s+(?:ok|possible|poss|svp|stp|si|dans|demain|aujourd|ce|cet|cette|pr|pour|d'ici|de pr[ée]f"
                rf"|(?:{_SHORT_DAYS})\w*|accept[ée]e?)\b)", re.IGNORECASE), "téléconsultation"),
    (re.compile(r"\bmm\b\.?(?=\s+nom\b)", re.IGNORECASE), "même"),  # "mm nom de naiss."
    # "c bon", "c le meme", "c Matthieu": "c'est" as texted, where a spelled "c" is beside other letters or opens
    # an email said ("c morin tiret neuf arobase …")
    (re.compile(r"(?<![\w'’])(?<!\b\w )c(?=\s+(?:[^\W\d_]{2,}|[ld]['’]))(?!\s+(?:comme|point|tiret)\b)"
                r"(?!(?:\s+[\w-]+){1,4}\s+arobase\b)"), "c'est"),
    # "la maman d'Inès", "le papa d'Hugo Garcia": the child named after the parent, "de" as for "la maman de Noah"
    (re.compile(r"\b(maman|papa|m[èe]re|p[èe]re|parents?|grand-m[èe]re|grand-p[èe]re|mamie|papi|tante|oncle|nounou)"
                r" d['’](?=[^\W\d_])", re.IGNORECASE), r"\1 de "),
    (re.compile(r"\b(le|au) \+\s*(?=(?:t[oô]t|vite)\b)", re.IGNORECASE), r"\1 plus "),  # "le + tôt possible"
    (re.compile(r"\b[aà] dom\b\.?", re.IGNORECASE), "à domicile"),  # "SF à dom svp"
    # "ven ou sam", "jeu. et ven.": two days cut short joined are days, whatever follows
    (re.compile(rf"\b({_SHORT_DAYS})\b\.?(\s+(?:ou|et)\s+)({_SHORT_DAYS})\b\.?", re.IGNORECASE),
     lambda m: f"{_DAY_OF[m[1].lower()]}{m[2]}{_DAY_OF[m[3].lower()]}"),
    *[(re.compile(rf"\b{short}\b\.?(?=\s+(?:\d|matin|mat\b|midi|soir|apr))", re.IGNORECASE), day)
      for short, day in _DAY_OF.items()],
    # "demain mat", "sam mat", "ce mat": the morning, after a day only ("mat" alone is no time)
    (re.compile(r"\b(demain|aujourd'hui|ce|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+mat\b\.?",
                re.IGNORECASE), r"\1 matin"),
]


def written_out(text: str) -> str:
    """The shorthand of notes and texts written out ("ds", "dem", "c bon")."""
    for pattern, words in _SHORTHAND:
        text = pattern.sub(words, text)
    return text


# Hesitations, and what an operator says while searching a name ("comment déjà", "ah oui", "voyons").
_FILLERS = re.compile(
    r"(?<![\w'])(?:eu+h+|heu+|hu+m+|hm+|hein|comment d[ée]j[àa]|comment (?:il|elle) s'appelle(?: d[ée]j[àa])?|ah oui|ah(?= non\b)"
    r"|voyons voir|voyons)(?![\w']|\.\w)[,.?]*\s*", re.IGNORECASE)  # not "HM.SaintClair@…": part of an address


# "août soixante-deux euh mille neuf cent soixante-deux": a year said again whole after a hesitation ends the number
# said before it (no 62 962)
_RESTARTED_YEAR = re.compile(rf"\b({'|'.join([*UNITS[1:], *TENS.values(), 'cent'])})\s+(?:eu+h+|heu+)[,.]?\s+"
                             r"(?=(?:deux\s+)?mille\b)", re.IGNORECASE)
# "mille neuf cent quarante euh quarante et un": the year's end said again after a hesitation replaces the one said
_RESTARTED_YEAR_END = re.compile(
    rf"\b(mille[\s-]+neuf[\s-]+cents?)(?:[\s-]+(?:{'|'.join([*UNITS[1:], *TENS.values(), 'quatre', 'et'])})\b)+\s+"
    rf"(?:eu+h+|heu+)[,.]?\s+(?=(?:{'|'.join([*TENS.values(), 'quatre-vingt', 'quatre vingt'])})\b)", re.IGNORECASE)


# A letter spelled with a word for it ("B comme Bernard"): the letter.
_LETTER_AS = re.compile(r"\b([^\W\d_]) comme ([^\W\d_])[\w'’-]*", re.IGNORECASE)


def _letter_as(match: re.Match) -> str:
    return match.group(1) if fold(match.group(1)) == fold(match.group(2)) else match.group(0)


def _doubled(match: re.Match) -> str:
    if match.group(2):
        return f"{match.group(1)} {match.group(2)}{match.group(1)} {match.group(2)}"
    comma, letter = match.group(3), match.group(4)
    run = re.search(r"(?:\b[^\W\d_],? )*\b[^\W\d_]$", match.string[:match.start()])
    if run and (letter * 2).lower() in re.sub(r"[\s,]", "", run.group(0)).lower():
        return match.group(0)  # "V I A L A T T E deux T": the letters were all said, « deux T » tells how
    return f"{comma} {letter}{comma} {letter}"


def spelling_read(text: str) -> str:
    """Spelled letters joined ("G U E R I N" -> "GUERIN", "H A deux D A D" -> "HADDAD"), what is said about the
    letters dropped ("avec un accent aigu sur le E", "avec deux L")."""
    text = _LETTERS_HYPHENATED.sub(lambda run: run.group(0).replace("-", " "), text)  # "K-O-W-A-L": each letter said
    return _SPELLED_RUN.sub(_join_spelled, _DOUBLE_LETTER.sub(_doubled, _SPELLING_REMARK.sub(
        "", _LETTER_REMARK.sub("", _IN_ONE_WORD.sub(r"\1\2", text)))))


_LETTERS_HYPHENATED = re.compile(r"(?<![\w-])(?:[^\W\d_]-){2,}[^\W\d_](?![\w-])")


def remarked_word(text: str) -> tuple[int, int] | None:
    """The span of the word a remark on its letters follows ("c'est Lefebvre avec un B", "Lefèvre avec un accent"):
    a name, as written."""
    found = _REMARKED.search(text)
    return found.span(1) if found else None


_WORD_OF_LETTERS = re.compile(r"[^\W\d_]{2,}")


def shouted(text: str) -> bool:
    """Typed all in capitals: there a capital tells no name or commune from a word ("ENTORSE CHEVILLE G" is no
    commune Chevillé). A short answer in capitals ("DUPONT") is not: it is a name as written."""
    words = _WORD_OF_LETTERS.findall(text)  # one word in small letters ("DUPONT Jean …") and the case speaks
    return len(words) >= 3 and all(word.isupper() for word in words) and len(text.lower()) == len(text)


# Words said twice in a row, once numbers are in figures ("mathis da silva ferreira euh da silva ferreira"): said once
_SAID_AGAIN = re.compile(r"\b([^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){1,3}) \1\b", re.IGNORECASE)


# "luca pellegrino L U C A": the first name spelled after the surname said; the spelling tells nothing more
_SPELLED_AFTER_THE_NEXT = re.compile(r"\b([^\W\d_][\w'’-]+) ([^\W\d_][\w'’-]+) ([^\W\d_a-zà-ÿ]{2,})\b")


def _said_before(match: re.Match) -> str:
    from bot.nlu.lexicons import first_name_scores, key, surname_scores  # lexicons read this module's fold

    first, spelled = match.group(1), match.group(3)
    # a first name ("luca"), not the first part of a surname spelled part by part ("santos pereira S A N T O S et …")
    given = first_name_scores().get(key(first), 0) > surname_scores().get(key(first), 0)
    same = given and not first.isupper() and fold(spelled) == fold(first).replace("-", "").replace("'", "")
    return f"{first} {match.group(2)}" if same else match.group(0)


# "… arobase gmail point com cherif sans accent dans le mail": how a word of the address is written, said after it
# (the remark itself may be gone already: "cherif dans le mail")
_IN_THE_ADDRESS = r" (?:dans|pour) (?:le |l'|son )(?:e-?mail|mail|adresse|courriel)"
_REMARK_AFTER_EMAIL = re.compile(r"([\w.+\-]+)(@[\w\-]+(?:\.[\w\-]+)+)(,? ([^\W\d_]+)(?: (?:sans accents?|sans l'accent"
                                 rf"|(?:tout )?en minuscules?|sans majuscules?)(?:{_IN_THE_ADDRESS})?|{_IN_THE_ADDRESS}))\b",
                                 re.IGNORECASE)


def _without_remark(match: re.Match) -> str:
    return match.group(1) + match.group(2) if fold(match.group(4)) in fold(match.group(1)) else match.group(0)


def normalize_dictation(text: str) -> str:
    """Speech transcript -> typed-like text: hesitations dropped, numbers in digits, spelled names joined, emails
    and hyphens; note shorthand written out."""
    text = _RESTARTED_YEAR_END.sub(r"\1 ", _RESTARTED_YEAR.sub(r"\1. ", written_out(text)))
    text = _phones_in_digits(_PAIRS_APART.sub(r"\1 ", _LETTER_AS.sub(_letter_as, _FILLERS.sub("", text))))
    # before the email: "m a r c point d u b o i s arobase ...", "benoit durand tout attaché arobase ..."
    text = _GLUED.sub(_glue, _SPELLED_AFTER_THE_NEXT.sub(_said_before, spelling_read(_SPELLED_AGAIN.sub(_said_once, text))))
    text = _REMARK_AFTER_EMAIL.sub(_without_remark, _DICTATED_EMAIL.sub(_join_email, _EMAIL_REMARK.sub("", text)))
    text = _YEAR_AFTER_A_NUMBER.sub(lambda m: m.group(1) + alpha2digit(m.group(2), "fr"), text)
    text = _SAID_AGAIN.sub(r"\1", _numbers_in_digits(_ACCENTLESS_NUMBERS.sub("zéro", text)))
    text = _INTERNATIONAL_PLUS.sub("+", text)
    text = text.translate(_LIGATURES)  # "sœur", "œil" read as the vocabulary writes them ("soeur", "oeil")
    return _parts_joined(_APOSTROPHE_WORD.sub(r"\1'", _hyphen_said_after(_HYPHEN_WORD.sub("-", text))))


# two words, then "avec un tiret (entre les deux)": they are one name ("jeanne marie avec un tiret kerbrat")
_TWO_WORDS_HYPHENATED = re.compile(r"\b([^\W\d_]{2,}) ([^\W\d_]{2,})(?=[\s,]+avec (?:un |le )?(?:tiret|trait d'union)\b)",
                                   re.IGNORECASE)


def _hyphen_said_after(text: str) -> str:
    from bot.nlu.lexicons import first_name_scores, key, surname_scores  # lexicons read this module's fold

    def listed(word: str) -> bool:
        return key(word) in first_name_scores() or key(word) in surname_scores()

    def joined(match: re.Match) -> str:
        return f"{match[1]}-{match[2]}" if listed(match[1]) and listed(match[2]) else match[0]
    return _TWO_WORDS_HYPHENATED.sub(joined, text)


# "muller M U deux L E R tiret kessler K E deux S L E R", "lopes L O P E S et ferreira F E …", once the letters are
# joined: each part of a compound name said, then spelled, written as the whole name said then spelled (a lookahead:
# the words before may overlap a run that is not one, "paul durand-favre durand")
_PARTS_SPELLED = re.compile(r"(?=\b([^\W\d_]{2,}) ([^\W\d_]{2,})(-| et )([^\W\d_]{2,}) ([^\W\d_]{2,})\b)")


def _parts_joined(text: str) -> str:
    for match in _PARTS_SPELLED.finditer(text):
        first, first_spelled, joint, second, second_spelled = match.groups()
        if fold(first) == fold(first_spelled) and fold(second) == fold(second_spelled):
            end = match.start() + len(f"{first} {first_spelled}{joint}{second} {second_spelled}")
            whole = f"{first}-{second} {first_spelled}-{second_spelled}" if joint == "-" \
                else f"{first} {second} {first_spelled}{second_spelled}"
            return f"{text[:match.start()]}{whole}{_parts_joined(text[end:])}"
    return text


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


@dataclass(frozen=True)
class Normalized:
    """A normalized text and the way back to the offsets of the text it came from."""

    original: str
    text: str
    _starts: tuple[int, ...]  # start offset of each normalized token
    _spans: tuple[tuple[int, int], ...]  # original span of each normalized token
    _same: tuple[bool, ...]  # token left unchanged, so offsets inside it carry over

    @classmethod
    def of(cls, original: str) -> Normalized:
        text = normalize_dictation(original)
        orig_tokens = [m.span() for m in re.finditer(r"\S+", original)]
        norm_tokens = [m.span() for m in re.finditer(r"\S+", text)]
        orig_words = [original[s:e] for s, e in orig_tokens]
        norm_words = [text[s:e] for s, e in norm_tokens]
        spans: list[tuple[int, int]] = [(0, 0)] * len(norm_tokens)
        same = [False] * len(norm_tokens)
        matcher = SequenceMatcher(None, orig_words, norm_words, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            # a word changed letter for letter ("BARRE|Nicole" -> "BARRE;Nicole") keeps its offsets too
            if tag == "equal" or tag == "replace" and i2 - i1 == j2 - j1 and all(
                    len(orig_words[i1 + k]) == len(norm_words[j1 + k]) for k in range(j2 - j1)):
                for k in range(j2 - j1):
                    spans[j1 + k] = orig_tokens[i1 + k]
                    same[j1 + k] = True
            elif j2 > j1 and i2 - i1 == j2 - j1:  # "ceph, tc" -> "céphalées, téléconsultation": word for word
                for k in range(j2 - j1):
                    spans[j1 + k] = orig_tokens[i1 + k]
            elif j2 > j1:
                block = (orig_tokens[i1][0], orig_tokens[i2 - 1][1]) if i2 > i1 else _gap(orig_tokens, i1)
                each = _word_by_word(orig_words[i1:i2], norm_words[j1:j2])
                for k in range(j1, j2):
                    spans[k] = orig_tokens[i1 + each[k - j1]] if each else block
        return cls(original, text, tuple(s for s, _ in norm_tokens), tuple(spans), tuple(same))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering the normalized span [start, end)."""
        if not self._starts:
            return start, end
        first = max(bisect_right(self._starts, start) - 1, 0)
        last = max(bisect_right(self._starts, max(end - 1, start)) - 1, 0)
        begin = self._spans[first][0] + (start - self._starts[first] if self._same[first] else 0)
        finish = self._spans[last][0] + (end - self._starts[last]) if self._same[last] else self._spans[last][1]
        return begin, finish


def _word_by_word(originals: list[str], normalized: list[str]) -> list[int] | None:
    """For each normalized word, the original word it comes from, when each original word normalized alone gives
    the same words ("29a, dlr" -> "29 ans, douleur": "douleur" comes from "dlr" alone); None when a change spans
    several words ("vingt et un")."""
    if not 2 <= len(originals) <= _WORD_BY_WORD_AT_MOST:
        return None
    alone = [_normalized_alone(word) for word in originals]
    each = [k for k, words in enumerate(alone) for _ in words]
    return each if [w for words in alone for w in words] == normalized else None


_WORD_BY_WORD_AT_MOST = 3  # a longer change is a number or a name said in several words: they change together


@lru_cache(maxsize=4096)
def _normalized_alone(word: str) -> tuple[str, ...]:
    return tuple(normalize_dictation(word).split())


def _gap(tokens: list[tuple[int, int]], index: int) -> tuple[int, int]:
    if index < len(tokens):
        return tokens[index][0], tokens[index][0]
    return (tokens[-1][1], tokens[-1][1]) if tokens else (0, 0)
