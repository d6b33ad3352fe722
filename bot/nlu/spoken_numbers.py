"""French numbers in words, and phone numbers said pair by pair ("zéro six quarante-cinq ...").

text2num reads numbers greedily, which splits spoken phones wrongly when the hyphens are lost
("quatre vingts quatre vingt onze" is 80 91, not 84 20 11). A French number is ten digits said as
"zéro" + a digit then four pairs, so the pairs are found by segmenting the words under that constraint.
"""
from __future__ import annotations

import re
from functools import lru_cache

UNITS = ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
         "treize", "quatorze", "quinze", "seize"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_PAIRS_IN_A_PHONE = 5


def in_words(n: int) -> str:
    """French words for 0..9999, unaccented ("soixante et onze", "quatre-vingt-dix", "mille neuf cent ...")."""
    if n < 17:
        return UNITS[n]
    if n < 20:
        return "dix-" + UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        return TENS[tens] + ("" if unit == 0 else " et un" if unit == 1 else "-" + UNITS[unit])
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + in_words(n - 60)
    if n < 100:
        return "quatre-vingts" if n == 80 else "quatre-vingt-" + in_words(n - 80)
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else UNITS[hundreds] + " cent"
        return head + ("" if rest == 0 else " " + in_words(rest))
    thousands, rest = divmod(n, 1000)
    head = "mille" if thousands == 1 else in_words(thousands) + " mille"
    return head + ("" if rest == 0 else " " + in_words(rest))


def ordinal_in_words(n: int) -> str:
    """French ordinal words for 1..99, unaccented: "premier", "cinquieme", "neuvieme", "vingt et unieme"."""
    if n == 1:
        return "premier"
    cardinal = in_words(n)
    stem = cardinal[:-1] if cardinal.endswith(("e", "vingts")) else cardinal  # "quatre", "quatre-vingts"
    stem = stem + "u" if stem.endswith("q") else stem[:-1] + "v" if stem.endswith("neuf") else stem
    return stem + "ieme"


ORDINALS = {ordinal_in_words(n): n for n in range(1, 21)}  # the arrondissements of Paris, Lyon and Marseille


@lru_cache(maxsize=1)
def _pair_words() -> dict[tuple[str, ...], int]:
    """Every way of saying one pair of digits, as word tuples: "zero six" (06), "dix" .. "quatre vingt dix neuf"."""
    said: dict[tuple[str, ...], int] = {("zero", unit): n for n, unit in enumerate(UNITS[:10])}
    for n in range(10, 100):
        words = tuple(re.split(r"[\s-]+", in_words(n)))
        said[words] = n
        said[tuple(w for w in words if w != "et")] = n  # "vingt un" for "vingt et un"
        if n == 80:
            said[("quatre", "vingt")] = n
    for tens, unit in ((t, u) for t in range(1, 10) for u in range(10)):  # digit by digit: "un deux" (12)
        said.setdefault((UNITS[tens], UNITS[unit]), 10 * tens + unit)
    return said


_NUMBER_WORDS = {w for words in _pair_words() for w in words}


def is_said_number(folded: str) -> bool:
    """A number said in words under a hundred, as one token ("neuf", "quatre-vingt-onze", "vingt-et-un")."""
    return all(word in _NUMBER_WORDS for word in folded.split("-")) and folded != "zero"
_WORD = re.compile(r"[^\W\d_]+")


def _segment(words: list[str], glued: list[bool]) -> list[tuple[int, int]] | None:
    """(pair, words used) making a phone from the start of `words`: using every word if possible,
    else the longest pairs first (what follows may be an age: "... quarante 96 ans"). A pair never
    ends inside a hyphenated word (`glued[k]`: word k is hyphenated to the one before)."""
    table = _pair_words()
    longest = max(len(k) for k in table)

    def solve(at: int, pairs: int, must_end: bool) -> list[tuple[int, int]] | None:
        if pairs == _PAIRS_IN_A_PHONE:
            return [] if at == len(words) or not must_end else None
        for size in range(min(longest, len(words) - at), 0, -1):
            piece = tuple(words[at:at + size])
            value = table.get(piece)
            if value is None or (pairs == 0 and not (piece[0] == "zero" and value >= 1)):
                continue
            if at + size < len(words) and glued[at + size]:
                continue
            rest = solve(at + size, pairs + 1, must_end)
            if rest is not None:
                return [(value, size), *rest]
        return None

    return solve(0, 0, True) or solve(0, 0, False)


# Words that take back the pair just said ("... vingt-quatre non pardon vingt-cinq ...").
_CORRECTIONS = [("non", "pardon"), ("pardon",), ("non",), ("enfin",), ("je", "veux", "dire"), ("plutot",)]
_AROUND_A_CORRECTION = {"attendez", "attends", "euh", "ah", "oh", "oups"}  # said with it, not taking back alone


def _run_end(tokens: list[tuple[int, int, str]], folded: str, i: int) -> int:
    """End (exclusive) of the run of number words starting at token i, hyphens and spaces between them."""
    j = i
    while j < len(tokens) and tokens[j][2] in _NUMBER_WORDS and (
            j == i or re.fullmatch(r"[\s-]*", folded[tokens[j - 1][1]:tokens[j][0]])):
        j += 1
    return j


def _phone_in(tokens: list[tuple[int, int, str]], folded: str, i: int, j: int):
    """(pairs, words used) of a phone said in tokens i..j, or None."""
    glued = [k > i and folded[tokens[k - 1][1]:tokens[k][0]] == "-" for k in range(i, j)]
    return _segment([t[2] for t in tokens[i:j]], glued) if tokens[i][2] == "zero" else None


def _corrected(tokens: list[tuple[int, int, str]], folded: str, i: int, j: int) -> tuple[str, int] | None:
    """(digits, end token) of a phone whose pair said last before j is taken back and said again after a correction
    word: the pair dropped is the one that lets the rest make a phone."""
    words = [t[2] for t in tokens]
    lead = j
    while lead < len(words) and words[lead] in _AROUND_A_CORRECTION:  # "… soixante et onze attendez non …"
        lead += 1
    for marker in _CORRECTIONS:
        if tuple(words[lead:lead + len(marker)]) != marker:
            continue
        after = lead + len(marker)
        while after < len(words) and words[after] in _AROUND_A_CORRECTION:  # "… trente-quatre euh non attendez …"
            after += 1
        end = _run_end(tokens, folded, after)
        for size in (1, 2, 3, 4):
            if end == after or j - size <= i or tuple(words[j - size:j]) not in _pair_words():
                continue
            digits = _phone_of([t[2] for t in tokens[i:j - size] + tokens[after:end]])
            if digits:
                return digits, end
    return None


_INSTEAD_OF = [("pas",), ("et", "pas"), ("au", "lieu", "de"), ("au", "lieu", "du")]


def _pair_named_again(tokens: list[tuple[int, int, str]], folded: str, i: int, j: int) -> tuple[str, int] | None:
    """(digits, end token) of a phone said whole in i..j, then one of its pairs corrected by name ("… quatre-vingt-dix-
    neuf non attendez c'est quatre-vingt-sept pas soixante-dix-sept"): the pair named last gives way to the one before."""
    pairs = _phone_in(tokens, folded, i, j)
    if pairs is None or sum(n for _, n in pairs) != j - i:
        return None
    words = [t[2] for t in tokens]
    said = j
    while said < len(words) and (words[said] in _AROUND_A_CORRECTION or words[said] in ("non", "pardon", "c", "est")):
        said += 1
    if said == j or "non" not in words[j:said] and "pardon" not in words[j:said]:
        return None
    meant_end = _run_end(tokens, folded, said)
    meant_end -= meant_end > said and words[meant_end - 1] == "et"  # "… quatorze et pas douze"
    meant = tuple(words[said:meant_end])
    instead = next((len(marker) for marker in _INSTEAD_OF if tuple(words[meant_end:meant_end + len(marker)]) == marker), 0)
    wrong_end = _run_end(tokens, folded, meant_end + instead)
    wrong = tuple(words[meant_end + instead:wrong_end])
    if not instead or meant not in _pair_words() or wrong not in _pair_words():
        return None
    at, named = i, []
    for value, size in pairs:
        if value == _pair_words()[wrong]:
            named.append((at, at + size))
        at += size
    if len(named) != 1:
        return None
    a, b = named[0]
    digits = _phone_of([*words[i:a], *meant, *words[b:j]])
    return (digits, wrong_end) if digits else None


def _phone_of(words: list[str]) -> str | None:
    """"06 12 34 56 78" when the words, all of them, say one phone (glue by hyphens lost: any word may end a pair)."""
    pairs = _phone_in([(0, 0, w) for w in words], " " * len(words), 0, len(words)) if words else None
    return " ".join(f"{value:02d}" for value, _ in pairs) if pairs and sum(n for _, n in pairs) == len(words) else None


# What an operator says to check a pair with the caller ("… quatre-vingt-un vous m'avez dit quatre-vingt-un oui
# cinquante-six", "… dix-huit oui dix-huit soixante-treize"): the pair said again is the same pair, once.
_CHECKING = [("vous", "m", "avez", "dit"), ("vous", "avez", "dit"), ("c", "est", "bien"), ("j", "ai", "bien"),
             ("je", "repete"), ("oui",), ("voila",), ()]
_CHECKED = [("oui",), ("c", "est", "ca"), ("voila",), ("d", "accord"), ("exactement",), ("c", "est", "bien", "ca"), ()]


def _checked_again(tokens: list[tuple[int, int, str]], folded: str, i: int, j: int) -> tuple[str, int] | None:
    """(digits, end token) of a phone whose pair said last before j is said again to check it, then the rest."""
    words = [t[2] for t in tokens]
    for checking in _CHECKING:
        again = j + len(checking)
        if tuple(words[j:again]) != checking:
            continue
        size = next((size for size in (4, 3, 2, 1) if j - size > i and words[again:again + size] == words[j - size:j]
                     and tuple(words[j - size:j]) in _pair_words()), 0)
        repeated = again + size
        for yes in _CHECKED if size else ():
            if (checking or yes) and tuple(words[repeated:repeated + len(yes)]) == yes:
                joined = _joined_to_the_run_at(tokens, folded, i, j, repeated + len(yes))
                if joined:
                    return joined
    return None


def _joined_to_the_run_at(tokens: list[tuple[int, int, str]], folded: str, i: int, j: int,
                          rest: int) -> tuple[str, int] | None:
    """(digits, end token) of the phone made of the words i..j and the run of number words starting at `rest`."""
    end = _run_end(tokens, folded, rest)
    digits = end > rest and _phone_of([t[2] for t in tokens[i:j] + tokens[rest:end]])
    return (digits, end) if digits else None


# What the listener says while the number is given ("… trente-quatre, oui, cinquante-six …")
_ACKNOWLEDGED = [("oui",), ("voila",), ("ok",), ("d", "accord"), ("hm",), ("oui", "oui")]


def _acknowledged(tokens: list[tuple[int, int, str]], folded: str, i: int, j: int) -> tuple[str, int] | None:
    """(digits, end token) of a phone said in two runs, the listener's "oui" between them."""
    words = [t[2] for t in tokens]
    return next((joined for yes in _ACKNOWLEDGED if tuple(words[j:j + len(yes)]) == yes
                 and (joined := _joined_to_the_run_at(tokens, folded, i, j, j + len(yes)))), None)


def _pair_said_twice(tokens: list[tuple[int, int, str]], i: int, j: int) -> tuple[str, int] | None:
    """(digits, end token) of a phone said in i..j with a pair said twice in a row, as a speaker repeats it
    ("… quatre-vingt-un vingt-cinq vingt-cinq pas vingt-trois"), when the run is too long for a phone otherwise."""
    words = [t[2] for t in tokens[i:j]]
    if _phone_of(words):
        return None
    for size in (1, 2, 3, 4):
        for at in range(len(words) - 2 * size + 1):
            if words[at:at + size] == words[at + size:at + 2 * size] and tuple(words[at:at + size]) in _pair_words() \
                    and (digits := _phone_of(words[:at + size] + words[at + 2 * size:])):
                return digits, j
    return None


def spoken_phones(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, "06 45 37 26 53") for each phone said in words in folded text, a pair taken back and said again
    ("vingt-quatre non pardon vingt-cinq") read as corrected."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(folded)]
    found = []
    i = 0
    while i < len(tokens):
        j = _run_end(tokens, folded, i)
        pairs = _phone_in(tokens, folded, i, j)
        corrected = (_pair_named_again(tokens, folded, i, j) or _corrected(tokens, folded, i, j)
                     or _checked_again(tokens, folded, i, j)
                     or _acknowledged(tokens, folded, i, j) or _pair_said_twice(tokens, i, j)) if tokens[i][2] == "zero" else None
        if corrected:  # "... soixante-dix-huit non quatre-vingt-dix-huit": the last pair said again
            digits, end = corrected
            found.append((tokens[i][0], tokens[end - 1][1], digits))
            i = end
            continue
        if pairs is None:
            i += 1
            continue
        start = tokens[i][0]
        if len(pairs) > 1 and pairs[0][0] == pairs[1][0] < 10:  # "zéro six euh zéro six cinquante-trois …": begun again
            again = _phone_in(tokens, folded, i + pairs[0][1], j)
            if again is not None:
                i, pairs = i + pairs[0][1], again
        used = sum(size for _, size in pairs)
        found.append((start, tokens[i + used - 1][1], " ".join(f"{value:02d}" for value, _ in pairs)))
        i += used
    return found
