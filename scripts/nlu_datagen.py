"""Shared pieces of the NLU data generators: name pools, French number words, ways to write a phone or a
date (typed or dictated), and an example made of plain and annotated segments.

Used by generate_nlu_data.py (training) and generate_heldout_patient.py (held-out), which each keep their own
templates and seeds. Names are split between the two by a stable hash, so no held-out name is trained on.
"""
from __future__ import annotations

import random
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta

import faker.providers.person.fr_FR as person

from bot.nlu.spoken_numbers import in_words as spoken_number

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
MONTHS_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


def in_words(n: int) -> str:
    """French words, with the accent the parser's own table leaves out."""
    return re.sub(r"\bzero\b", "zéro", spoken_number(n))


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _held_out(name: str) -> bool:
    return zlib.crc32(name.encode()) % 3 == 0


def name_pools(held_out: bool) -> tuple[list[str], list[str], list[str]]:
    """(female first names, male first names, surnames) of one side of the split."""
    def side(names) -> list[str]:
        return sorted({n for n in names if _held_out(n) == held_out})
    return side(person.Provider.first_names_female), side(person.Provider.first_names_male), \
        side(person.Provider.last_names)


@dataclass
class Example:
    """Segments are plain strings or (text, entity, expected value)."""

    intent: str
    style: str  # typed | dictated
    segments: list = field(default_factory=list)

    def add(self, *parts) -> Example:
        self.segments.extend(parts)
        return self

    @property
    def text(self) -> str:
        return "".join(s if isinstance(s, str) else s[0] for s in self.segments)

    @property
    def annotated(self) -> str:
        return "".join(s if isinstance(s, str) else f"[{s[0]}]({s[1]})" for s in self.segments)

    @property
    def expected(self) -> dict:
        return {s[1]: s[2] for s in self.segments if not isinstance(s, str)}


class Writer:
    """Random ways of writing values, typed or dictated."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def phone_digits(self) -> str:
        import phonenumbers
        while True:
            prefix = self.rng.choice(["06", "06", "07", "01", "02", "03", "04", "05", "09"])
            digits = prefix + "".join(str(self.rng.randint(0, 9)) for _ in range(8))
            if phonenumbers.is_valid_number(phonenumbers.parse(digits, "FR")):
                return digits

    @staticmethod
    def e164(digits: str) -> str:
        return "+33" + digits[1:]

    def phone_typed(self, digits: str) -> str:
        pairs = [digits[i:i + 2] for i in range(0, 10, 2)]
        rest = digits[1:]
        return self.rng.choice([
            " ".join(pairs), digits, ".".join(pairs), "-".join(pairs), " ".join(pairs),
            "+33 " + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2)),
            "+33" + rest, "0033 " + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2)),
            "+33 (0)" + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2)),
        ])

    def phone_dictated(self, digits: str) -> str:
        pairs = [digits[i:i + 2] for i in range(0, 10, 2)]
        words = []
        for pair in pairs:
            if pair[0] == "0":
                words.append("zéro " + in_words(int(pair[1])))
            else:
                words.append(in_words(int(pair)))
        return self.dictate(" ".join(words))

    def birth_date(self, today: date) -> date:
        return today - timedelta(days=self.rng.randint(365, 365 * 98))

    def date_typed(self, born: date) -> str:
        day = "1er" if born.day == 1 and self.rng.random() < 0.5 else str(born.day)
        return self.rng.choice([
            f"{born.day:02d}/{born.month:02d}/{born.year}", f"{born.day:02d}/{born.month:02d}/{born.year % 100:02d}",
            f"{born.day:02d}.{born.month:02d}.{born.year % 100:02d}", f"{born.day}/{born.month}/{born.year}",
            f"{day} {MONTHS_SHORT[born.month - 1]} {born.year}", born.isoformat(),
            f"{day} {MONTHS[born.month - 1]} {born.year}", f"{born.day:02d}-{born.month:02d}-{born.year}",
        ])

    def date_dictated(self, born: date, with_year: bool = True) -> str:
        day = "premier" if born.day == 1 else in_words(born.day)
        year = born.year
        if year < 2000 and self.rng.random() < 0.3:
            year_words = "dix-neuf cent " + in_words(year - 1900) if year != 1900 else "dix-neuf cent"
        else:
            year_words = in_words(year)
        said = f"{day} {MONTHS[born.month - 1]}" + (f" {year_words}" if with_year else "")
        return self.dictate(said)

    def dictate(self, words: str) -> str:
        """Speech recognizers write hyphens or not, and sometimes lose accents."""
        if self.rng.random() < 0.4:
            words = words.replace("-", " ")
        if self.rng.random() < 0.25:
            words = strip_accents(words)
        return words

    @staticmethod
    def email_of(first: str, last: str, domain: str, pattern: int) -> str:
        first_part = strip_accents(first).lower().replace(" ", "")
        last_part = strip_accents(last).lower().replace(" ", "").replace("'", "")
        return [f"{first_part}.{last_part}", f"{first_part[0]}.{last_part}", f"{first_part}{last_part}",
                f"{last_part}.{first_part}"][pattern] + "@" + domain

    @staticmethod
    def email_dictated(address: str) -> str:
        local, domain = address.split("@")
        spoken = lambda part: part.replace(".", " point ").replace("-", " tiret ").replace("_", " tiret bas ")  # noqa: E731
        return f"{spoken(local)} arobase {spoken(domain)}"

    @staticmethod
    def spelled(name: str) -> str:
        """"d u r a n d"; a hyphen is said "tiret"; spelled letters carry no accents."""
        return " tiret ".join(" ".join(c for c in strip_accents(part).lower() if c.isalpha())
                              for part in name.split("-"))


def write_training_yaml(path, examples: list[Example], header: str) -> None:
    by_intent: dict[str, list[str]] = {}
    for example in examples:
        by_intent.setdefault(example.intent, []).append(example.annotated)
    lines = [f"# {header}", 'version: "3.1"', "", "nlu:"]
    for intent, texts in by_intent.items():
        lines += [f"  - intent: {intent}", "    examples: |"]
        lines += [f"      - {t}" for t in dict.fromkeys(texts)]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
