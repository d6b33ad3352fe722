"""The conversation scenarios of tests/scenarios/*.yml, read and checked before anything is played.

A scenario is a regulator: what they write first (`opening`), what they answer when asked (`answers`), what
they slip in on the way (`steps`), which offered slot they take (`pick`), how they confirm (`confirm`), and
what must then be in the agenda (`expect`). `then` plays a next patient in the same conversation.
Every scenario is written by hand; nothing here generates one."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.referral.fields import PATIENT_FIELDS, REQUIRED_FIELDS
from bot.settings import ROOT
from bot.vocabulary import EXTRA_PATIENT_FIELDS

SCENARIO_DIR = ROOT / "tests" / "scenarios"
# The fields the referral form asks for, one question each, and those some practitioners also require (asked after
# the pick of one of their slots).
ASKED_FIELDS = (*REQUIRED_FIELDS, *EXTRA_PATIENT_FIELDS)
PHASES = ("offered", "summary", "correction", "booked")  # where a step can be slipped in, besides "asked:<field>"
PICKS = ("button", "rank", "time", "doctor")
PICK_PLACEHOLDER = {"time": "{heure}", "doctor": "{nom}"}
MODES = ("cabinet", "video", "domicile")
STATUSES = ("booked", "cancelled")
WINDOW_KEYS = ("within_hours", "day", "by_end_of", "period")
DAYS = ("today", "tomorrow")
PERIODS = ("matin", "apres-midi")
PART_KEYS = {"opening", "answers", "steps", "pick", "confirm", "expect", "then"}
EXPECT_KEYS = {"booked", "status", "patient", "mode", "place", "window", "never_asked", "must_ask", "refused"}
E164 = re.compile(r"^\+[1-9]\d{7,14}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ScenarioError(ValueError):
    """A scenario file that cannot be played as written."""


@dataclass(frozen=True)
class Step:
    at: str  # "offered", "summary", "booked" or "asked:<field>"
    say: str
    # Responses of which the assistant must answer with one, e.g. ("utter_faq",) or ("utter_adressage_annule",).
    reply: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pick:
    by: str  # "button" (click), "rank" ("le 2"), "time" ("celui de {heure}"), "doctor" ("celui du Dr {nom}")
    rank: int = 1
    say: str = ""


@dataclass(frozen=True)
class Place:
    commune: str
    within_km: float | None = None  # None: the SAS search cap of the commune's département


@dataclass(frozen=True)
class Expect:
    booked: bool = True
    status: str = "booked"
    patient: dict[str, Any] = field(default_factory=dict)
    mode: str | None = None
    place: Place | None = None
    window: dict[str, Any] = field(default_factory=dict)
    never_asked: tuple[str, ...] = ()
    must_ask: tuple[str, ...] = ()  # asked before any slot is offered
    refused: tuple[str, ...] = ()  # the field's "invalid" message was shown


@dataclass(frozen=True)
class Part:
    opening: tuple[str, ...]
    answers: dict[str, tuple[str, ...]]  # successive answers to the same question; the last one is repeated
    steps: tuple[Step, ...]
    pick: Pick
    confirm: str
    expect: Expect


@dataclass(frozen=True)
class Scenario:
    name: str
    theme: str
    parts: tuple[Part, ...]
    source: str = ""


def _require(condition: bool, where: str, problem: str) -> None:
    if not condition:
        raise ScenarioError(f"{where}: {problem}")


def _texts(value: Any, where: str, what: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    _require(isinstance(items, list) and items and all(isinstance(t, str) and t.strip() for t in items),
             where, f"{what} must be a text or a list of texts")
    return tuple(items)


def _fields(value: Any, allowed: tuple[str, ...], where: str, what: str) -> tuple[str, ...]:
    items = value or []
    _require(isinstance(items, list), where, f"{what} must be a list")
    unknown = [f for f in items if f not in allowed]
    _require(not unknown, where, f"{what}: unknown fields {unknown}")
    return tuple(items)


def _step(raw: Any, where: str) -> Step:
    _require(isinstance(raw, dict) and set(raw) <= {"at", "say", "reply"}, where, f"a step has at, say, reply: {raw}")
    at = raw.get("at", "")
    asked = at.startswith("asked:") and at.split(":", 1)[1] in ASKED_FIELDS
    _require(at in PHASES or asked, where, f"step at {at!r}: one of {PHASES} or asked:<field>")
    _texts(raw.get("say"), where, "a step's say")
    reply = _texts(raw["reply"], where, "a step's reply") if "reply" in raw else ()
    _require(all(r.startswith("utter_") for r in reply), where, f"a step's reply names responses (utter_...): {reply}")
    return Step(at, raw["say"], reply)


def _pick(raw: Any, where: str) -> Pick:
    if raw == "first" or raw is None:
        return Pick("button")
    _require(isinstance(raw, dict), where, f"pick: 'first' or a mapping, not {raw!r}")
    by = [key for key in PICKS if key in raw]
    _require(len(by) == 1 and set(raw) <= {*PICKS, "say"}, where, f"pick names one of {PICKS}: {raw}")
    rank = raw[by[0]]
    _require(isinstance(rank, int) and 1 <= rank <= 5, where, "a pick's rank is 1 to 5")
    say = raw.get("say", "")
    _require(by[0] == "button" or (isinstance(say, str) and say.strip()), where, "a spoken pick needs its say")
    placeholder = PICK_PLACEHOLDER.get(by[0])
    _require(placeholder is None or placeholder in say, where, f"a {by[0]} pick says {placeholder}")
    return Pick(by[0], rank, say)


def _patient(raw: Any, where: str) -> dict[str, Any]:
    patient = raw or {}
    _require(isinstance(patient, dict), where, "expect.patient must be a mapping")
    unknown = set(patient) - set(PATIENT_FIELDS)
    _require(not unknown, where, f"expect.patient: unknown fields {sorted(unknown)}")
    phone, born = patient.get("telephone"), patient.get("date_naissance")
    _require(phone is None or E164.match(str(phone)), where, f"expect.patient.telephone is E.164: {phone!r}")
    _require(born is None or ISO_DATE.match(str(born)), where, f"expect.patient.date_naissance is ISO: {born!r}")
    return dict(patient)


def _place(raw: Any, where: str) -> Place | None:
    if raw is None or isinstance(raw, str):
        return Place(raw) if raw else None
    _require(isinstance(raw, dict) and set(raw) <= {"commune", "within_km"} and raw.get("commune"), where,
             f"expect.place: a commune, or commune and within_km: {raw}")
    return Place(raw["commune"], raw.get("within_km"))


def _window(raw: Any, where: str) -> dict[str, Any]:
    window = raw or {}
    _require(isinstance(window, dict) and set(window) <= set(WINDOW_KEYS), where, f"expect.window keys: {WINDOW_KEYS}")
    _require(window.get("day", "today") in DAYS and window.get("by_end_of", "today") in DAYS, where,
             f"expect.window days: {DAYS}")
    _require(window.get("period", "matin") in PERIODS, where, f"expect.window.period: {PERIODS}")
    hours = window.get("within_hours", 1)
    _require(isinstance(hours, (int, float)) and hours > 0, where, "expect.window.within_hours is positive")
    return dict(window)


def _expect(raw: Any, where: str) -> Expect:
    raw = raw or {}
    _require(isinstance(raw, dict) and set(raw) <= EXPECT_KEYS, where, f"expect keys: {sorted(EXPECT_KEYS)}")
    booked = raw.get("booked", True)
    status = raw.get("status", "booked")
    _require(isinstance(booked, bool) and status in STATUSES, where, f"expect.booked is true/false, status in {STATUSES}")
    _require(raw.get("mode") in (None, *MODES), where, f"expect.mode in {MODES}")
    return Expect(
        booked=booked, status=status, patient=_patient(raw.get("patient"), where), mode=raw.get("mode"),
        place=_place(raw.get("place"), where), window=_window(raw.get("window"), where),
        never_asked=_fields(raw.get("never_asked"), ASKED_FIELDS, where, "expect.never_asked"),
        must_ask=_fields(raw.get("must_ask"), ASKED_FIELDS, where, "expect.must_ask"),
        refused=_fields(raw.get("refused"), tuple(PATIENT_FIELDS) + ("localisation",), where, "expect.refused"),
    )


def _part(raw: dict, where: str) -> Part:
    unknown = set(raw) - PART_KEYS
    _require(not unknown, where, f"unknown keys {sorted(unknown)}")
    answers = raw.get("answers") or {}
    _require(isinstance(answers, dict) and set(answers) <= set(ASKED_FIELDS), where, f"answers keys: {ASKED_FIELDS}")
    steps = raw.get("steps") or []
    _require(isinstance(steps, list), where, "steps must be a list")
    expect = _expect(raw.get("expect"), where)
    confirm = raw.get("confirm", "oui")
    _require(isinstance(confirm, str) and confirm.strip(), where, "confirm is a text")
    _require(expect.booked or not expect.patient, where, "a scenario that must not book expects no patient")
    return Part(
        opening=_texts(raw.get("opening"), where, "opening"),
        answers={name: _texts(value, where, f"answers.{name}") for name, value in answers.items()},
        steps=tuple(_step(s, where) for s in steps), pick=_pick(raw.get("pick"), where),
        confirm=confirm, expect=expect,
    )


def parse_scenario(raw: Any, source: str = "") -> Scenario:
    _require(isinstance(raw, dict) and isinstance(raw.get("name"), str), source, f"a scenario needs a name: {raw}")
    where = f"{source}: {raw['name']}"
    _require(isinstance(raw.get("theme"), str), where, "a scenario needs a theme")
    body = {k: v for k, v in raw.items() if k not in ("name", "theme")}
    parts = []
    while body is not None:
        _require(isinstance(body, dict), where, "then: must be a mapping")
        parts.append(_part(body, where))
        body = body.get("then")
    return Scenario(raw["name"], raw["theme"], tuple(parts), source)


def load_scenarios(directory: Path = SCENARIO_DIR) -> list[Scenario]:
    """Every scenario of every file, in file then written order; names are unique across files."""
    scenarios: list[Scenario] = []
    for path in sorted(directory.glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        _require(isinstance(document.get("scenarios"), list), path.name, "a file holds a list under 'scenarios'")
        scenarios += [parse_scenario(raw, path.name) for raw in document["scenarios"]]
    names = [s.name for s in scenarios]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    _require(not duplicates, str(directory), f"duplicate scenario names {duplicates}")
    return scenarios
