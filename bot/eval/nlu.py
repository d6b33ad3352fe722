"""NLU report of `make eval`: the generated held-out set beside the hand-written realistic set (dev and scored).

For each set, typed and dictated apart: intent accuracy, share of messages whose whole record is right, per-field
F1 on normalized values, birth places read as the patient's location, parse latency; the same figures for simple
baselines; the targets on the realistic scored part and whether they are met.

    python -m bot.eval.nlu [--only generated|realistic] [--show-misses dev] [--detail] [--[no-]baselines]
                           [--model models/sas.tar.gz] [--baseline-model models/baseline-diet.tar.gz]

`--only` keeps one group of sets (and skips the baselines unless `--baselines`). `--show-misses dev` prints every
dev message read wrong; the scored part is never shown message by message (developers do not read it).
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bot.eval.nlu_scores import (
    FIELDS,
    PATIENT_FIELDS,
    STYLES,
    Parsed,
    Report,
    differences,
    record_of,
    score,
)
from bot.eval.nlu_sets import DEV, GENERATED, GROUPS, SCORED, EvalSet, load_sets
from bot.nlu.components import REFERENCE_TIME_KEY
from bot.settings import ROOT

MODEL = ROOT / "models" / "sas.tar.gz"
BASELINE_MODEL = ROOT / "models" / "baseline-diet.tar.gz"
BASELINE_CONFIG = ROOT / "bot" / "eval" / "baseline_config.yml"
GENERATED_TARGET_F1 = {"typed": 0.97, "dictated": 0.93}
REALISTIC_TARGET_F1 = {"typed": 0.97, "dictated": 0.95}
REALISTIC_TARGET_RECORD = 0.92

Parser = Callable[[str, datetime], Parsed]


class RasaParser:
    """A trained model loaded in-process; each message carries its set's clock in its metadata."""

    def __init__(self, model: Path) -> None:
        from rasa.core.agent import Agent

        self._loop = asyncio.new_event_loop()
        self._agent = Agent.load(str(model))

    def __call__(self, text: str, now: datetime) -> Parsed:
        from rasa.core.channels.channel import UserMessage

        message = UserMessage(text, metadata={REFERENCE_TIME_KEY: now.isoformat()})
        started = time.perf_counter()
        data = self._loop.run_until_complete(self._agent.processor.parse_message(message))
        elapsed = (time.perf_counter() - started) * 1000
        return Parsed((data.get("intent") or {}).get("name"), record_of(data.get("entities", [])), elapsed)


def spacy_names() -> Parser:
    """spaCy's PER entity alone: first word as first name, the rest as the name."""
    import spacy

    nlp = spacy.load("fr_core_news_md")

    def parse(text: str, now: datetime) -> Parsed:
        people = [e.text.split() for e in nlp(text).ents if e.label_ == "PER"]
        if not people:
            return Parsed(None, {})
        words = people[0]
        return Parsed(None, {"prenom": words[0], "nom": " ".join(words[1:])} if len(words) > 1 else {"nom": words[0]})
    return parse


def dateparser_dates() -> Parser:
    """`dateparser.search_dates` alone: the first date found is taken as the birth date."""
    from dateparser.search import search_dates

    def parse(text: str, now: datetime) -> Parsed:
        found = search_dates(text, languages=["fr"], settings={"RELATIVE_BASE": now.replace(tzinfo=None)})
        return Parsed(None, {"date_naissance": found[0][1].date().isoformat()} if found else {})
    return parse


def phonenumbers_phones() -> Parser:
    """The phonenumbers matcher alone, on the raw text."""
    import phonenumbers

    def parse(text: str, now: datetime) -> Parsed:
        for match in phonenumbers.PhoneNumberMatcher(text, "FR"):
            return Parsed(None, {"telephone": phonenumbers.format_number(match.number,
                                                                         phonenumbers.PhoneNumberFormat.E164)})
        return Parsed(None, {})
    return parse


def ensure_baseline_model(path: Path) -> None:
    """Train the plain DIET pipeline once, from the same data, when it is missing."""
    if path.exists():
        return
    print(f"Training the baseline DIET pipeline into {path} (once) ...", flush=True)
    subprocess.run([str(Path(sys.executable).parent / "rasa"), "train", "nlu", "--config", str(BASELINE_CONFIG),
                    "--nlu", str(ROOT / "data" / "nlu"), "--out", str(path.parent), "--fixed-model-name",
                    path.name.removesuffix(".tar.gz"), "--quiet"], check=True, cwd=ROOT)


def run(parser: Parser, eval_set: EvalSet) -> list[Parsed]:
    return [parser(m["text"], eval_set.now) for m in eval_set.messages]


def reports_of(parser: Parser, sets: list[EvalSet], fields: tuple[str, ...] = FIELDS) -> dict[str, Report]:
    return {s.name: score(s.messages, run(parser, s), fields) for s in sets}


def baseline_reports(model: Path, sets: list[EvalSet]) -> dict[str, tuple[dict[str, Report], tuple[str, ...]]]:
    """Each baseline's reports on every set, with the fields it reads."""
    ensure_baseline_model(model)
    baselines = {
        "plain DIET": (RasaParser(model), FIELDS),
        "spaCy NER": (spacy_names(), ("prenom", "nom")),
        "search_dates": (dateparser_dates(), ("date_naissance",)),
        "phonenumbers": (phonenumbers_phones(), ("telephone",)),
    }
    return {name: (reports_of(parser, sets, fields), fields) for name, (parser, fields) in baselines.items()}


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _pair(report: Report, name: str) -> str:
    return " / ".join(_fmt(report.counts[(s, name)].f1()).strip() for s in STYLES)


def _latency(report: Report) -> str:
    latencies = sorted(report.latencies[5:] or report.latencies)  # the first parses warm caches
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    return f"{statistics.median(latencies):.0f} / {p95:.0f}"


def print_table(title: str, columns: list[str], rows: list[tuple[str, list[str]]]) -> None:
    width = max(len(label) for label, _ in rows) + 2
    print(f"\n{title}")
    print(" " * width + "".join(f"{c:>20}" for c in columns))
    for label, cells in rows:
        print(f"{label:<{width}}" + "".join(f"{c:>20}" for c in cells))


def summary_rows(sets: list[EvalSet], reports: dict[str, Report]) -> list[tuple[str, list[str]]]:
    def row(label: str, cell: Callable[[Report], str]) -> tuple[str, list[str]]:
        return label, [cell(reports[s.name]) for s in sets]

    return [
        ("messages (dictated)", [f"{len(s.messages)} ({s.dictated})" for s in sets]),
        row("intent accuracy", lambda r: " / ".join(_share(r.intent_accuracy((st,))) for st in STYLES)),
        row("intent accuracy, all", lambda r: _share(r.intent_accuracy())),
        row("whole record", lambda r: " / ".join(_share(r.whole_record((st,))) for st in STYLES)),
        row("whole record, all", lambda r: _share(r.whole_record())),
        row("birth place as location", lambda r: str(r.birth_place_as_location)),
    ]


def print_overview(sets: list[EvalSet], reports: dict[str, Report]) -> None:
    rows = summary_rows(sets, reports)
    rows.append(("parse p50 / p95 ms (in-process)", [_latency(reports[s.name]) for s in sets]))
    rows += [(f"F1 {name}", [_pair(reports[s.name], name) for s in sets]) for name in FIELDS]
    print_table("Our pipeline (pairs: typed / dictated)", [s.name for s in sets], rows)


def print_baselines(sets: list[EvalSet], baselines: dict[str, tuple[dict[str, Report], tuple[str, ...]]]) -> None:
    diet = baselines["plain DIET"][0]
    rows = [(f"plain DIET: {label}", cells) for label, cells in summary_rows(sets, diet)[1:]]
    rows += [(f"{system}: {name}", [_pair(reports[s.name], name) for s in sets])
             for system, (reports, fields) in baselines.items() for name in fields]
    print_table("Baselines (pairs: typed / dictated; F1 unless named)", [s.name for s in sets], rows)


def print_fields(title: str, report: Report, fields: tuple[str, ...]) -> None:
    print(f"\n{title}")
    print(f"{'field':<18}" + "".join(f"{s + ' P':>11}{'R':>7}{'F1':>7}{'n':>5}" for s in STYLES))
    for name in fields:
        row = f"{name:<18}"
        for style in STYLES:
            counts = report.counts[(style, name)]
            row += f"{_fmt(counts.precision()):>11}{_fmt(counts.recall()):>7}{_fmt(counts.f1()):>7}" \
                   f"{counts.tp + counts.fn:>5}"
        print(row)


def fields_under(report: Report, targets: dict[str, float], fields: tuple[str, ...] = FIELDS) -> list[str]:
    """`style/field F1` for every field whose F1 is under the target of its style (fields never seen are skipped)."""
    return [f"{style}/{name} {f1:.3f}" for style, target in targets.items() for name in fields
            if (f1 := report.counts[(style, name)].f1()) is not None and f1 < target]


def realistic_targets(report: Report) -> list[tuple[str, str, bool]]:
    """(target, measured, met) on the realistic scored part."""
    whole = report.whole_record() or 0.0
    under = {style: fields_under(report, {style: target}) for style, target in REALISTIC_TARGET_F1.items()}
    return [
        (f"whole record right >= {REALISTIC_TARGET_RECORD:.0%}", f"{whole:.1%}", whole >= REALISTIC_TARGET_RECORD),
        *((f"F1 {style} >= {target} on every field", ", ".join(under[style]) or "all fields", not under[style])
          for style, target in REALISTIC_TARGET_F1.items()),
        ("birth place as location = 0", str(report.birth_place_as_location), report.birth_place_as_location == 0),
    ]


def print_targets(reports: dict[str, Report]) -> None:
    if SCORED in reports:
        print(f"\nTargets on the {SCORED} part")
        for target, measured, met in realistic_targets(reports[SCORED]):
            print(f"  {'met    ' if met else 'NOT MET'}  {target:<40} {measured}")
    if GENERATED in reports:
        misses = fields_under(reports[GENERATED], GENERATED_TARGET_F1, PATIENT_FIELDS)
        print("\ngenerated: patient fields under target F1 (0.97 typed, 0.93 dictated):", ", ".join(misses) or "none")


def print_misses(eval_set: EvalSet, parsed: list[Parsed]) -> None:
    """Each message of the set read wrong, with what was expected and what was read (dev only)."""
    wrong = [(m, d) for m, p in zip(eval_set.messages, parsed, strict=True) if (d := differences(m, p))]
    print(f"\n{eval_set.name}: {len(wrong)} of {len(eval_set.messages)} messages read wrong")
    for message, diff in wrong:
        print(f"\n[{message['style']}] {message['text']}")
        for name, (want, got) in diff.items():
            print(f"  {name:<18} expected {want!r:<40} read {got!r}")


def _quiet_rasa() -> None:
    """Rasa logs every parse (with the patient's text) at debug level: keep the report readable and clean."""
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    logging.getLogger().setLevel(logging.WARNING)
    logging.getLogger("rasa").setLevel(logging.ERROR)


def parse_options(argv: list[str]) -> argparse.Namespace:
    args = argparse.ArgumentParser(prog="python -m bot.eval.nlu", description=__doc__.splitlines()[0])
    args.add_argument("--only", choices=sorted(GROUPS), help="evaluate one group of sets")
    args.add_argument("--show-misses", choices=["dev"], help="print each dev message read wrong")
    args.add_argument("--detail", action="store_true", help="precision and recall per field and set")
    args.add_argument("--baselines", action=argparse.BooleanOptionalAction, default=None,
                      help="score the baselines too (default: only on the full report)")
    args.add_argument("--model", type=Path, default=MODEL)
    args.add_argument("--baseline-model", type=Path, default=BASELINE_MODEL)
    options = args.parse_args(argv)
    if options.show_misses and options.only == "generated":
        args.error("--show-misses dev needs the realistic sets")
    return options


def main(argv: list[str] | None = None) -> dict[str, Report]:
    options = parse_options(argv if argv is not None else [])
    _quiet_rasa()
    sets = load_sets(options.only)
    print(f"NLU of {options.model.name} on " + ", ".join(f"{s.name} ({len(s.messages)})" for s in sets))
    ours = RasaParser(options.model)
    parsed = {s.name: run(ours, s) for s in sets}
    reports = {s.name: score(s.messages, parsed[s.name]) for s in sets}
    print_overview(sets, reports)
    if options.detail:
        for s in sets:
            print_fields(f"{s.name}: precision, recall, F1", reports[s.name], FIELDS)
    if options.baselines if options.baselines is not None else options.only is None:
        print_baselines(sets, baseline_reports(options.baseline_model, sets))
    print_targets(reports)
    if options.show_misses:
        print_misses(next(s for s in sets if s.name == DEV), parsed[DEV])
    return reports


if __name__ == "__main__":
    main(sys.argv[1:])
