"""A scenario's regulator talking to the assistant over Rasa's REST channel, as a person at the panel would:
the opening messages, an answer only to what is asked, the steps slipped in where they belong, a pick among
the offered slots, a confirmation. What happened is recorded for the agenda checks."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import phonenumbers

from bot.eval.replies import OfferedSlot, Replies, Responses
from bot.eval.scenario_files import Part, Pick, Scenario
from bot.vocabulary import EXTRA_PATIENT_FIELDS

MAX_TURNS = 30
MAX_SAME_QUESTION = 3  # the form's own limit of refusals: a fourth question means it is stuck
TIMEZONE = ZoneInfo("Europe/Paris")
ENDINGS = ("utter_adressage_annule", "utter_rdv_annule", "utter_nouveau_patient")
CORRECTION = "utter_demander_correction"
NOT_KNOWN = "je ne sais pas"  # a field the scenario's regulator does not know


@dataclass
class PartRecord:
    """What one patient's conversation did: when it started, what was asked, offered, chosen and booked."""

    part: Part
    started: datetime
    ended: datetime | None = None  # a next patient's booking is not this one's
    questions: list[tuple[str, bool]] = field(default_factory=list)  # (field, asked after the opening)
    said: set[str] = field(default_factory=set)  # every response name the assistant used
    offered_before_asking: set[str] = field(default_factory=set)
    chosen_id: str | None = None
    reference: str | None = None
    failures: list[str] = field(default_factory=list)
    stuck: bool = False

    def fail(self, problem: str) -> None:
        self.failures.append(problem)

    def stop(self, problem: str) -> None:
        """The conversation cannot go on: the regulator would give up here."""
        self.fail(f"stuck: {problem}")
        self.stuck = True


@dataclass
class Conversation:
    scenario: Scenario
    turns: int = 0
    transcript: list[str] = field(default_factory=list)
    records: list[PartRecord] = field(default_factory=list)


class Regulator:
    """Plays one scenario, signed in as its own regulator, against a running stack."""

    def __init__(self, rasa_url: str, agenda_url: str, responses: Responses, sender: str, auth: httpx.Auth,
                 clock: Callable[[], datetime] = lambda: datetime.now(TIMEZONE)):
        self.rasa_url, self.agenda_url = rasa_url, agenda_url
        self.responses, self.sender, self.clock = responses, sender, clock
        self.http = httpx.Client(timeout=60, auth=auth)  # signed in, as at the panel

    def play(self, scenario: Scenario) -> Conversation:
        conversation = Conversation(scenario)
        try:
            for part in scenario.parts:
                record = PartRecord(part, self.clock())
                conversation.records.append(record)
                self._play_part(conversation, record)
                record.ended = self.clock()
                if record.stuck:
                    break
        finally:
            self.http.close()
        return conversation

    def _say(self, conversation: Conversation, text: str) -> Replies:
        conversation.turns += 1
        response = self.http.post(f"{self.rasa_url}/webhooks/rest/webhook",
                                  json={"sender": self.sender, "message": text})
        response.raise_for_status()
        replies = Replies(response.json(), self.responses)
        conversation.transcript += [f"> {text}", *(f"< {line}" for line in replies.transcript())]
        return replies

    def _play_part(self, conversation: Conversation, record: PartRecord) -> None:
        part = record.part
        for text in part.opening[:-1]:
            self._note(record, self._say(conversation, text), after_opening=False)
        replies = self._say(conversation, part.opening[-1])
        pending = list(part.steps)
        before_step = None  # what was on screen when a step was slipped in
        while True:
            self._note(record, replies, after_opening=True)
            if before_step and self._phase(replies) is None:
                replies = before_step  # an answer to a question aside: the slots (summary...) are still there
            step = pending.pop(0) if pending and pending[0].at == self._phase(replies) else None
            message = step.say if step else self._next_message(record, replies)
            if message is None:
                break
            if conversation.turns >= MAX_TURNS:
                record.stop(f"more than {MAX_TURNS} turns")
                break
            before_step = replies if step else None
            replies = self._say(conversation, message)
            if step and step.reply and not any(replies.has(r) for r in step.reply):
                record.fail(f"no {' or '.join(step.reply)} after «{step.say[:30]}»")
        if pending and not record.stuck:
            record.fail(f"never reached step at {pending[0].at}")

    def _note(self, record: PartRecord, replies: Replies, after_opening: bool) -> None:
        record.said |= replies.names
        for asked in replies.asked:
            record.questions.append((asked, after_opening))
            problem = f"asked {asked} again (given)"
            if after_opening and asked in record.part.expect.never_asked and problem not in record.failures:
                record.fail(problem)
        if replies.offered:
            asked = {f for f, _ in record.questions}
            record.offered_before_asking |= set(record.part.expect.must_ask) - asked
        if replies.has("utter_confirmation"):
            record.reference = (replies.value("utter_confirmation", "reference") or "").strip() or None

    def _phase(self, replies: Replies) -> str | None:
        if replies.has("utter_confirmation"):
            return "booked"
        if any(replies.has(name) for name in ENDINGS):
            return "ended"
        if replies.has("utter_resume"):
            return "summary"
        if replies.offered:
            return "offered"
        if replies.asked:
            return f"asked:{replies.asked[-1]}"
        if replies.has(CORRECTION):
            return "correction"
        return None

    def _next_message(self, record: PartRecord, replies: Replies) -> str | None:
        """What the regulator writes next, steps aside; None when this patient's conversation is over."""
        phase = self._phase(replies)
        if phase in ("booked", "ended"):
            return None
        if phase == "summary":
            return record.part.confirm
        if phase == "offered":
            return self._pick(record, replies.offered)
        if phase and phase.startswith("asked:"):
            return self._answer(record, phase.split(":", 1)[1])
        last = (replies.texts() or ["(nothing)"])[-1]
        record.stop(f"after «{last[:40]}»")
        return None

    def _answer(self, record: PartRecord, asked: str) -> str | None:
        times = sum(f == asked for f, _ in record.questions)
        if times > MAX_SAME_QUESTION:
            record.stop(f"asked {asked} {times} times")
            return None
        scripted = record.part.answers.get(asked)
        answer = scripted[min(times, len(scripted)) - 1] if scripted else default_answer(asked, record.part)
        if answer is None and asked in EXTRA_PATIENT_FIELDS:
            return NOT_KNOWN  # what only some practitioners require: another one is needed
        if answer is None:
            record.stop(f"asked {asked}, which the regulator cannot tell")
        return answer

    def _pick(self, record: PartRecord, offered: list[OfferedSlot]) -> str:
        pick = record.part.pick
        slots = [self._slot(o.id) for o in offered]
        rank, text = pick_message(pick, offered, slots)
        record.chosen_id = offered[rank - 1].id
        return text

    def _slot(self, slot_id: str) -> dict:
        response = self.http.get(f"{self.agenda_url}/api/slots/{slot_id}")
        response.raise_for_status()
        return response.json()


def spoken_time(iso: str) -> str:
    """"14h40", or "14h" on the hour: how a regulator names an offered time."""
    local = datetime.fromisoformat(iso).astimezone(TIMEZONE)
    return f"{local.hour}h{local.minute:02d}" if local.minute else f"{local.hour}h"


def pick_message(pick: Pick, offered: list[OfferedSlot], slots: list[dict]) -> tuple[int, str]:
    """(rank taken, what is written). A time or a doctor must designate one offered slot, as it would for a
    person: the first slot from the wanted rank whose time (doctor) is unique is taken; when there is none (five
    slots at 8:30), the regulator names both the time and the doctor of the wanted rank."""
    wanted = min(pick.rank, len(offered))
    if pick.by == "button":
        return wanted, offered[wanted - 1].payload
    if pick.by == "rank":  # "le 2" names the second practitioner: their first time, whose title starts "2. "
        wanted = next((o.rank for o in offered if o.title.startswith(f"{pick.rank}. ")), wanted)
        return wanted, pick.say
    times = [spoken_time(s["start"]) for s in slots]
    doctors = [s["practitioner"]["nom"] for s in slots]
    keys, placeholder = (times, "{heure}") if pick.by == "time" else (doctors, "{nom}")
    order = list(range(wanted - 1, len(slots))) + list(range(0, wanted - 1))
    unique = next((i for i in order if _names_one(keys, i, by_substring=pick.by == "doctor")), None)
    if unique is not None:
        return unique + 1, pick.say.replace(placeholder, keys[unique])
    i = wanted - 1
    both = f"{times[i]} avec le Dr {doctors[i]}" if pick.by == "time" else f"{doctors[i]} de {times[i]}"
    return wanted, pick.say.replace(placeholder, both)


def _names_one(keys: list[str], index: int, by_substring: bool) -> bool:
    """True when keys[index] designates only its own slot (a surname inside another one does not)."""
    mine = keys[index].lower()
    return all(
        other.lower() != mine and not (by_substring and mine in other.lower())
        for i, other in enumerate(keys) if i != index
    )


def default_answer(asked: str, part: Part) -> str | None:
    """What a regulator who knows the patient says when asked a field the scenario did not script."""
    patient = part.expect.patient
    if asked == "localisation":
        return part.expect.place.commune if part.expect.place else None
    value = patient.get(asked)
    if not value:
        return None
    if asked == "date_naissance":
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"
    if asked == "telephone":
        return phonenumbers.format_number(phonenumbers.parse(value), phonenumbers.PhoneNumberFormat.NATIONAL)
    return value
