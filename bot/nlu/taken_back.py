"""What a regulator or a caller takes back as they speak: "à Lille non pardon à Tourcoing", "un généraliste euh non
plutôt un dermatologue", "lundi non pardon mardi matin". A value said, then taken back, gives way to the next value
of its field; these words are the same whatever the field."""
from __future__ import annotations

import re

from bot.nlu.vocabulary import Found

TAKING_BACK = r"(?:non|pardon|enfin|plutot|attendez|attends|je veux dire|ah non)"
# "non pardon c'est bien …", "non pardon je reprends …"
FILLER = r"(?:euh|non|pardon|enfin|plutot|attendez|attends|c'est|bien|ah|oh|bon|je reprends|je recommence)"
# "... enfin pas Bordeaux même à Mérignac": the value taken back, said again before the one meant
_NOT_THAT_ONE = r"(?:pas\s+[\w'-]+(?:\s+[\w'-]+)?\s+meme[\s,]+)?"
# a word of its own, not the first letters of the value meant ("non pardon après 17h")
_ARTICLE = r"(?:(?:(?:a|au|aux|sur|en|un|une|le|la|les|des|du|de la)(?![a-z])|de l'|l'|d')\s*)"
TAKEN_BACK = re.compile(rf"[\s,.(—–-]*(?:ou[\s,.]+)?(?:euh[\s,.]+)?(?:en fait[\s,.]+)?{TAKING_BACK}(?:[\s,.]+{FILLER})*[\s,.]*"
                        rf"{_NOT_THAT_ONE}{_ARTICLE}*")


# What says a value is added, not corrected ("pardon, et aussi de la fièvre")
_ADDED = r"\b(?:et|aussi|egalement|encore|puis)\b"
# "…, urgent — pardon, né le 21/07/1990": the next value announced as a correction, however far from the first
_CORRECTING = re.compile(r"\b(?:pardon|erreur|je corrige|correction|rectification|rectif|je me suis trompee?)\b"
                         rf"(?![^.;\n]*{_ADDED})[^\d.;\n]{{0,40}}$")


# "VAD ou cabinet ? plutôt cabinet": a choice made a few words after the values it chooses among; not "une visite
# plutôt qu'un rendez-vous au cabinet" (the first wins), nor "DDN 30/01/1984, …, plutôt le 17 décembre" (far apart)
_PREFERRED = re.compile(r"\bplutot(?! qu)\b[^\d.;\n]{0,15}$")
_PREFERRED_WITHIN = 30  # characters between the value chosen against and the one chosen


def takes_back(folded: str, end: int, start: int) -> bool:
    """The folded text between a value ending at `end` and the next one starting at `start` takes the first back
    there, as a slip of the tongue."""
    return end <= start and TAKEN_BACK.fullmatch(folded, end, start) is not None


def corrects(folded: str, end: int, start: int, next_one: bool = True) -> bool:
    """The value starting at `start` corrects the one ending at `end`: said right after it as a slip (when it is the
    next one said), or announced as a correction, however far."""
    return end <= start and (next_one and TAKEN_BACK.fullmatch(folded, end, start) is not None
                             or next_one and _taken_back_then_said(folded, end, start)
                             or _CORRECTING.search(folded, end, start) is not None
                             or start - end <= _PREFERRED_WITHIN and _PREFERRED.search(folded, end, start) is not None)


# "Fixe 02 98 … non attendez elle me donne son portable à lui plutôt, 06 …": taken back right after it, the value meant
# said later in the same sentence, as no addition ("… non pardon, et aussi son fixe …")
_SAME_SENTENCE = re.compile(r"[^.;\n]*")
_ADDING = re.compile(_ADDED)


def _taken_back_then_said(folded: str, end: int, start: int) -> bool:
    return TAKEN_BACK.match(folded, end, start) is not None and _SAME_SENTENCE.fullmatch(folded, end, start) is not None \
        and _ADDING.search(folded, end, start) is None


def meant(found: list[Found], folded: str) -> list[Found]:
    """The values found for one field (anything with a start and an end: a Found, a Span), without those a later
    one corrects ("VAD ou cabinet ? plutôt cabinet"); in text order."""
    return [f for k, f in enumerate(found)
            if not any(corrects(folded, f.end, later.start, next_one=j == k + 1)
                       for j, later in enumerate(found[k + 1:], k + 1))]
