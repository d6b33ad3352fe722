"""Conversation scenarios of `make eval`: hand-written regulators (tests/scenarios/*.yml) played over Rasa's REST
channel against the real stack (fresh agenda with the demo data, action server, Rasa with models/sas.tar.gz),
then checked in the agenda. Prints one line per scenario and the share passed.

    python -m bot.eval.scenarios [--only NAME] [--verbose] [--dir DIR]

`--only` keeps the scenarios whose name contains NAME; `--verbose` prints each conversation (synthetic patients);
`--dir` plays the scenario files of another directory (a fresh set written by someone who never read the code)."""
from __future__ import annotations

import argparse
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.eval.agenda_checks import Agenda, booking_failures, conversation_failures
from bot.eval.regulator import Conversation, Regulator
from bot.eval.replies import Responses
from bot.eval.scenario_files import SCENARIO_DIR, Scenario, load_scenarios
from bot.settings import ROOT
from bot.stack import Stack, StackConfig

MODEL = ROOT / "models" / "sas.tar.gz"
TARGET = 0.95


@dataclass(frozen=True)
class Outcome:
    scenario: Scenario
    turns: int
    failures: tuple[str, ...]
    transcript: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.failures


def failures_of(conversation: Conversation, agenda: Agenda, regulator: str) -> list[str]:
    """Every failed check, the conversation's first (in the order they happened), then the agenda's."""
    failures = []
    for index, record in enumerate(conversation.records):
        prefix = f"patient {index + 1}: " if len(conversation.scenario.parts) > 1 else ""
        found = record.failures + conversation_failures(record) + booking_failures(record, agenda, regulator)
        failures += [prefix + failure for failure in found]
    return failures


def run_scenario(scenario: Scenario, stack: Stack, responses: Responses) -> Outcome:
    """Plays one scenario as a new regulator (an account of its own, signed in) and checks the agenda afterwards."""
    regulator = stack.add_regulator(f"scenario-{uuid.uuid4().hex[:10]}")
    conversation = Regulator(stack.config.rasa_url, stack.config.agenda_url, responses, "scenario",
                             regulator).play(scenario)
    agenda = Agenda(stack.config.agenda_url, regulator)
    try:
        failures = failures_of(conversation, agenda, regulator.login)
        booked = [booking_line(a) for a in agenda.appointments_of(regulator.login)]
    finally:
        agenda.close()
    return Outcome(scenario, conversation.turns, tuple(failures), tuple(conversation.transcript + booked))


def booking_line(appointment: dict) -> str:
    """What the agenda holds, for the verbose transcript (synthetic patients only)."""
    slot = appointment["slot"]
    patient = ", ".join(f"{k}={v}" for k, v in appointment["patient"].items() if v)
    return (f"= agenda {appointment['status']}: {patient} | {slot['mode']} {slot['start']} "
            f"{slot['address']['postal_code']} {slot['address']['commune']}")


def format_table(outcomes: list[Outcome]) -> str:
    width = max([len("scenario"), *(len(o.scenario.name) for o in outcomes)])
    lines = [f"{'scenario':<{width}}  result  turns  first failed check", "-" * (width + 50)]
    lines += [f"{o.scenario.name:<{width}}  {'pass' if o.passed else 'FAIL':<6}  {o.turns:>5}  "
              f"{o.failures[0] if o.failures else ''}" for o in outcomes]
    return "\n".join(lines)


def format_summary(outcomes: list[Outcome]) -> str:
    themes, passed = Counter(o.scenario.theme for o in outcomes), Counter(o.scenario.theme for o in outcomes if o.passed)
    by_theme = "  ".join(f"{theme} {passed[theme]}/{total}" for theme, total in sorted(themes.items()))
    share = sum(passed.values()) / len(outcomes) if outcomes else 0.0
    return (f"by theme: {by_theme}\n"
            f"scenarios passed {sum(passed.values())}/{len(outcomes)} ({share:.0%})  target ≥ {TARGET:.0%}")


def play_all(scenarios: list[Scenario], stack: Stack, verbose: bool = False) -> list[Outcome]:
    responses = Responses.of_project()
    outcomes = []
    for scenario in scenarios:
        outcome = run_scenario(scenario, stack, responses)
        if verbose:
            print(f"\n=== {scenario.name} ({scenario.source}): {'pass' if outcome.passed else 'FAIL'}")
            print(*outcome.transcript, *(f"  ✗ {f}" for f in outcome.failures), sep="\n")
        outcomes.append(outcome)
    return outcomes


def main(argv: list[str] | None = None) -> list[Outcome]:
    parser = argparse.ArgumentParser(prog="python -m bot.eval.scenarios", description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="play only the scenarios whose name contains this text")
    parser.add_argument("--verbose", action="store_true", help="print every conversation")
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--dir", type=Path, default=SCENARIO_DIR, help="where the scenario files are")
    args = parser.parse_args(argv)
    scenarios = [s for s in load_scenarios(args.dir) if not args.only or args.only in s.name]
    if not scenarios:
        parser.error(f"no scenario named like {args.only!r}")
    with tempfile.TemporaryDirectory(prefix="sas-scenarios-") as workdir:
        stack = Stack(StackConfig.on_free_ports(Path(workdir), model=args.model))
        stack.prepare_agenda()
        with stack:
            outcomes = play_all(scenarios, stack, args.verbose)
    print(f"\nConversation scenarios over the REST channel ({args.model.name}, {len(scenarios)} scenarios)")
    print(format_table(outcomes))
    print(format_summary(outcomes))
    return outcomes


if __name__ == "__main__":
    main()
