"""What the assistant said, named by the domain response it came from.

A reply is matched against the texts of the responses in domain.yml and data/responses/, read at run time, so
that a question is recognised as the referral form's question for its field whatever the wording becomes."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from bot.settings import ROOT

RESPONSE_FILES = (ROOT / "domain.yml", *sorted((ROOT / "data" / "responses").glob("*.yml")))
PLACEHOLDER = re.compile(r"\{(\w+)\}")
ASK_PREFIX = "utter_ask_"
SLOT_PAYLOAD = "/choisir_creneau"
# "<detail> Où se trouve le patient ?": the agenda did not know the place, so the assistant asks it again.
ASKS_AGAIN = {"utter_lieu_inconnu": "localisation"}


def _pattern(template: str) -> re.Pattern:
    """A response text as a regex: each {placeholder} matches any text, the first one of a name is captured."""
    parts, seen, last = [], set(), 0
    for match in PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last:match.start()]))
        name = match.group(1)
        parts.append("(.*?)" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL)


class Responses:
    """The assistant's responses by name, each with the patterns of its text variations."""

    def __init__(self, texts: dict[str, list[str]]):
        # Most literal text first, so that a specific response wins over a looser one; a text made only of
        # placeholders ("{raison}") would match anything and is not recognised.
        literal = {(name, t.strip()): len(PLACEHOLDER.sub("", t).strip()) for name, ts in texts.items() for t in ts}
        self.patterns = [(name, _pattern(text)) for (name, text), size in
                         sorted(literal.items(), key=lambda item: -item[1]) if size]

    @classmethod
    def of_project(cls, files: tuple[Path, ...] = RESPONSE_FILES) -> Responses:
        texts: dict[str, list[str]] = {}
        for path in files:
            responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
            for name, variations in responses.items():
                texts.setdefault(name, []).extend(v["text"] for v in variations if v.get("text"))
        return cls(texts)

    def match(self, text: str) -> tuple[str, dict[str, str]] | None:
        """(response name, placeholder values) of the response this text was written from, if any."""
        text = text.strip()
        for name, pattern in self.patterns:
            found = pattern.fullmatch(text)
            if found:
                return name, found.groupdict()
        return None


@dataclass(frozen=True)
class OfferedSlot:
    rank: int
    id: str
    payload: str
    title: str


@dataclass
class Replies:
    """The assistant's messages after one regulator message, with their responses named."""

    messages: list[dict]
    responses: Responses

    @cached_property
    def named(self) -> list[tuple[str, dict[str, str]]]:
        found = (self.responses.match(m["text"]) for m in self.messages if m.get("text"))
        return [f for f in found if f]

    @property
    def names(self) -> set[str]:
        return {name for name, _ in self.named}

    def has(self, name: str) -> bool:
        """`name` or, for a retrieval response such as "utter_faq", any of its sub-responses."""
        return any(n == name or n.startswith(f"{name}/") for n in self.names)

    def value(self, name: str, placeholder: str) -> str | None:
        return next((values.get(placeholder) for n, values in self.named if n == name), None)

    @property
    def asked(self) -> list[str]:
        """Fields asked for, in order: the form's utter_ask_<field>, or an unknown place asked again."""
        return [name[len(ASK_PREFIX):] if name.startswith(ASK_PREFIX) else ASKS_AGAIN[name]
                for name, _ in self.named if name.startswith(ASK_PREFIX) or name in ASKS_AGAIN]

    @property
    def offered(self) -> list[OfferedSlot]:
        buttons = [b for m in self.messages for b in m.get("buttons") or [] if b["payload"].startswith(SLOT_PAYLOAD)]
        # The offer comes through the federated search: "<source>:<id there>"; the checks read the agenda's id.
        return [OfferedSlot(rank, str(json.loads(b["payload"][len(SLOT_PAYLOAD):])["creneau_id"]).rpartition(":")[2],
                            b["payload"], b["title"]) for rank, b in enumerate(buttons, 1)]

    def texts(self) -> list[str]:
        return [m["text"] for m in self.messages if m.get("text")]

    def transcript(self) -> list[str]:
        lines = []
        for message in self.messages:
            if message.get("text"):
                lines.append(message["text"])
            lines += [f"  [{b['title']}]" for b in message.get("buttons") or []]
        return lines
