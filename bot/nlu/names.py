"""Person names: spelled letters joined, capitals normalized ("LE GALL" -> "Le Gall"), particles kept."""
from __future__ import annotations

import re

from bot.nlu.lexicons import key, surname_scores
from bot.nlu.spoken_numbers import is_said_number
from bot.nlu.text import HYPHEN_REMARK, fold, one_letter_apart, spelling_read

# lower case before the name they introduce, as typed in a booking form: "de la Fontaine", "da Silva", "van Damme";
# "Le Gall", "La Fontaine" keep their capital
_LOWER_PARTICLES = {"de", "du", "des", "d'", "da", "dos", "das", "van", "von"}
_OPENING_CAPITALIZED = {"da", "dos", "das", "van"}
_SECOND_PARTICLES = {("de", "la"), ("van", "den"), ("van", "der"), ("von", "der")}  # "de la Fontaine", "van der Berg"
_TAKEN_BACK_BEFORE = re.compile(r"^.*?\S.*\b(?:non|pardon|plutot|plutôt|je veux dire)(?![\w'])[\s,]*", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^(?:(?:c'est|c est|alors|euh|donc|oui|non|pardon|plutot|plutôt|il s'appelle|elle s'appelle|"
    r"attendez|attends|bah|voilà|voila|"  # pauses before the name: "euh attendez c'est Chassaing"
    r"(?:il|elle|on) (?:me |m'a |nous |a )?dit(?: que)?|"  # the caller relaying: "il me dit Kervella"
    r"(?:le |son |sa |mon |ma )?(?:nom|prénom|prenom)(?: de famille| d'usage| de naissance| de jeune fille)?"
    r"(?: est| c'est)?|née|nee|épouse|epouse|ép\.|madame|monsieur|mme|mlle|mr|m\.)(?![\w'])\s*|[:,]\s*)+",
    re.IGNORECASE,
)
# "Bouzid comme sa sœur", "Martin pareil que le papa", "nguyen comme moi": the name, then whose it also is
SAME_AS = re.compile(r"[\s,]+(?:comme|pareil que|idem que|tout comme)\s+(?:(?:son|sa|ses|le|la|les|l'|mon|ma|leur)(?![\w'])"
                      r"|(?:moi|lui|elle|nous|eux)\b).*$"
                      # "vandenbroucke c'est le même", "martin aussi": the name said, the same as the other
                      r"|[\s,]+(?:c'est |c est )?(?:le m[êe]me|la m[êe]me|pareil|idem|aussi|[ée]galement)(?: nom)?\W*$",
                      re.IGNORECASE)
_NEVER_OPENS_A_NAME = {"les", "au", "aux", "a", "en", "dans", "sur", "chez"}
_NAME = re.compile(r"^[^\W\d_]+(?:['’\- ]+[^\W\d_]+)*$")
_NOT_NAMES = {
    "oui", "non", "merci", "bonjour", "bonsoir", "daccord", "d'accord", "ok", "okay", "rien", "aucun", "aucune",
    "inconnu", "inconnue", "pas", "je", "ne", "sais", "patient", "patiente", "annuler", "stop", "aide", "urgent",
    "demain", "aujourd'hui", "matin", "soir", "cabinet", "video", "domicile", "telephone", "mail", "email",
    "il", "elle", "ils", "elles", "est", "sont", "habite", "vit",  # "il est a chenove": a sentence, no name
}


def said_once(text: str) -> str:
    """The words said, a name spelled after itself said once: "durand d u r a n d" -> "durand", "Guérin, G U E R I N,
    avec un accent aigu sur le E" -> "Guérin,"; "D U R A N D" -> "DURAND"."""
    kept: list[str] = []
    for word in spelling_read(text).split():
        bare = _letters(word)
        # "marie-sainte SAINTE": the last part of a compound spelled is no other word
        last_part = _letters(kept[-1].rsplit("-", 1)[-1]) if kept and "-" in kept[-1] and word.isupper() else None
        if kept and word.isupper() and one_letter_apart(bare, _letters(kept[-1])):
            # "rousseau R O deux S E A U": a letter slipped in the spelling of a name; the one people bear is kept
            kept[-1] = max(kept[-1], word, key=lambda w: surname_scores().get(key(w), 0.0))
        elif not kept or bare not in (_letters(kept[-1]), "".join(_letters(w) for w in kept), last_part):
            kept.append(word)  # "dos santos dossantos": the spelling repeats the name
            half = len(kept) // 2
            if half > 1 and [_letters(w) for w in kept[:half]] == [_letters(w) for w in kept[half:]]:
                kept = kept[:half]  # "el amrani el amrani": a name of several words said twice, once
        elif len(kept) == 1 and word.lower() != fold(word) and kept[0].lower() == fold(kept[0]):
            kept = [word]  # "G U E R I N Guérin": the word said after its letters carries the accents
    return " ".join(kept)


def _letters(word: str) -> str:
    return re.sub(r"[^\w]", "", fold(word))


def _case_word(word: str, particle: bool) -> str:
    if particle:
        return word.lower()
    if word.lower().startswith(("d'", "d’")) and len(word) > 2:
        return "d'" + _case_word(word[2:], False)
    if len(word) > 2 and word[1] in "'’" and word[0].lower() in "nom":  # "N'DIAYE", "O'NEILL", "M'BALA"
        return word[0].upper() + "'" + _case_word(word[2:], False)
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def normalize_name(text: str) -> str:
    """A name as written, with capitals normalized when it was all upper or all lower case."""
    text = re.sub(r"\s+tiret\s+", "-", text.strip(" \t,;:.()"), flags=re.IGNORECASE)
    text = re.sub(r"\s*-\s*", "-", said_once(text)).strip(" ,;:")  # "Haddou, H A D D O U": the comma goes too
    words = text.split()
    # the name's own words decide, its particles aside: "de LA ROCHEFOUCAULD" was typed in capitals
    core = " ".join(w for i, w in enumerate(words) if not _is_particle(words, i))
    if not text or (core != core.upper() and core != core.lower()):
        return text
    # a Portuguese or Flemish particle opening the name is part of it, as France writes them: "Da Silva", "Van Houtte",
    # "Pereira dos Santos"
    return " ".join(_case_word(w, _is_particle(words, i) and not (i == 0 and fold(w) in _OPENING_CAPITALIZED))
                    for i, w in enumerate(words))


def _is_particle(words: list[str], i: int) -> bool:
    """A particle before the rest of the name ("de" in "de Villiers", "la" in "de la Fontaine"), not a name's end."""
    if i == len(words) - 1:
        return False
    return fold(words[i]) in _LOWER_PARTICLES or i > 0 and (fold(words[i - 1]), fold(words[i])) in _SECOND_PARTICLES


def _borne_by_someone_known(text: str) -> str:
    """"Rousseau comme Jean-Jacques Rousseau": the name, then someone who bears it, to say how it is written."""
    name, like, bearer = text.partition(" comme ")
    said = fold(name).split()
    # "jean-louis comme le prénom jean-louis": the whole word borne, hyphen and all
    return name if like and said and said[-1] in re.split(r"[\s-]+", fold(bearer)) + fold(bearer).split() else text


def parse_person_name(text: str) -> str | None:
    """One name from a bare answer ("c'est Durand", "D U R A N D"), or None if it does not look like a name."""
    text = _TAKEN_BACK_BEFORE.sub("", text)  # "Bernard euh non Bertrand": the name meant comes last
    candidate = _LEAD_IN.sub("", SAME_AS.sub("", text.strip().strip(".!?"))).strip(" ,;:")
    candidate = normalize_name(HYPHEN_REMARK.sub("", _borne_by_someone_known(candidate)))
    if not candidate or not _NAME.match(candidate) or len(candidate.split()) > 4:
        return None
    if fold(candidate) in _NOT_NAMES or any(fold(w) in _NOT_NAMES or is_said_number(fold(w)) for w in candidate.split()):
        return None  # "trente-trois quarante-quatre": what is left of a number said in words, no name
    if fold(candidate.split()[0]) in _NEVER_OPENS_A_NAME and len(candidate.split()) > 1:
        return None  # "les abymes", "au tampon": a place with its article or preposition, no name opens so
    return candidate
