"""What must be true once a scenario's regulator is done: read back from the agenda over HTTP.

Windows are relative to when the patient's conversation started ("within 2 h", "tomorrow morning"), so a
scenario holds whatever the time of the run. When the agenda has nothing at all in the wanted window (at night,
on a Sunday) a slot after it is right, provided the assistant said it widened the search; likewise a video slot
beyond the commune's cap, when nothing nearer was free before it and the assistant said it searched the whole
country."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import httpx

from bot.agenda import geo
from bot.eval.regulator import TIMEZONE, PartRecord
from bot.eval.scenario_files import Expect

NOON = 12
WINDOW_WIDENED = {"utter_fenetre_elargie", "utter_memes_heures"}  # any day, or the same hours the next days
NATIONWIDE = "utter_rayon_national"


def window_bounds(window: dict[str, Any], now: datetime) -> tuple[datetime, datetime]:
    """The wanted window [start, end) of a scenario, from the moment its conversation started."""
    now = now.astimezone(TIMEZONE)
    midnight = datetime.combine(now.date(), time(0), TIMEZONE)
    start, end = now, now + timedelta(days=7)
    if "within_hours" in window:
        end = min(end, now + timedelta(hours=window["within_hours"]))
    if "by_end_of" in window:
        end = min(end, midnight + timedelta(days=1 + (window["by_end_of"] == "tomorrow")))
    if "day" in window:
        offset = window["day"] == "tomorrow"
        start = max(start, midnight + timedelta(days=offset))
        end = min(end, midnight + timedelta(days=offset + 1))
    return start, end


def in_period(moment: datetime, period: str | None) -> bool:
    if period is None:
        return True
    morning = moment.astimezone(TIMEZONE).hour < NOON
    return morning if period == "matin" else not morning


def in_window(moment: datetime, window: dict[str, Any], now: datetime) -> bool:
    start, end = window_bounds(window, now)
    return start <= moment < end and in_period(moment, window.get("period"))


def distance_between(commune: str, address: dict) -> float:
    booked = geo.geocode(f'{address["postal_code"]} {address["commune"]}')
    return min(geo.distance_km(wanted.lat, wanted.lon, booked.lat, booked.lon) for wanted in _towns_named(commune))


def near_enough_km(commune: str, within_km: float | None) -> float:
    """The scenario's own distance, or the farthest the SAS search goes from that commune."""
    return within_km if within_km is not None else max(
        geo.radius_rule(town.departement).cap_km for town in _towns_named(commune))


def _towns_named(commune: str) -> list[geo.Place]:
    """The commune a scenario expects; every one bearing the name when several do ("Saint-Denis": 974 or 93)."""
    try:
        return [geo.geocode(commune)]
    except geo.AmbiguousPlace as several:
        return [geo.geocode(town) for town in several.suggestions]


class Agenda:
    """The agenda's JSON API, read as the checks need it, signed in as the scenario's regulator."""

    def __init__(self, url: str, auth: httpx.Auth):
        self.http = httpx.Client(base_url=url, timeout=30, auth=auth)

    def close(self) -> None:
        self.http.close()

    def appointments_of(self, regulator: str) -> list[dict]:
        """Those `regulator` booked (the agenda shows a regulator their own only; the filter says it again)."""
        appointments = self.http.get("/api/appointments").raise_for_status().json()
        return [a for a in appointments if a.get("regulator") == regulator]

    def offers_in(self, commune: str, mode: str, specialty: str, window: dict[str, Any], now: datetime) -> bool:
        """Whether any slot of the specialty near `commune` still lies in the window (so the assistant could have
        offered one)."""
        start, end = window_bounds(window, now)
        found = self.http.get("/api/search", params={
            "location": commune, "from": start.isoformat(), "to": end.isoformat(), "mode": mode, "limit": 50,
            "per_practitioner": 10, "specialty": specialty,
        }).raise_for_status().json()
        if found.get("window_widened"):
            return False
        slots = [slot for offer in found["offers"] for slot in offer["slots"]]
        return any(in_window(datetime.fromisoformat(s["start"]), window, now) for s in slots)

    def searched_beyond_the_cap(self, commune: str, mode: str, specialty: str, start: datetime, end: datetime) -> bool:
        """Whether nothing near `commune` was free between `start` and `end`: the agenda's own search went beyond the
        commune's cap (in video, the whole country), or found nothing in that window at all (and widened it)."""
        found = self.http.get("/api/search", params={
            "location": commune, "from": start.isoformat(), "to": end.isoformat(), "mode": mode, "limit": 1,
            "specialty": specialty,
        }).raise_for_status().json()
        return found["window_widened"] or found["radius_km"] > near_enough_km(commune, None)


def conversation_failures(record: PartRecord) -> list[str]:
    """Checks on what the assistant said: questions it had to ask first, refusals it had to make."""
    expect = record.part.expect
    asked = {f for f, _ in record.questions}
    failures = []
    for wanted in expect.must_ask:
        if wanted in record.offered_before_asking:
            failures.append(f"offered slots before asking {wanted}")
        elif wanted not in asked:
            failures.append(f"never asked {wanted}")
    failures += [f"{refused} not refused" for refused in expect.refused  # "utter_invalid_telephone_non_attribue" too
                 if not any(said.startswith(f"utter_invalid_{refused}") for said in record.said)]
    return failures


def booking_failures(record: PartRecord, agenda: Agenda, regulator: str) -> list[str]:
    """Checks on what landed in the agenda for this patient, in the order a regulator would care."""
    expect = record.part.expect
    mine = agenda.appointments_of(regulator)
    if not expect.booked:
        made = [a for a in mine if record.started <= datetime.fromisoformat(a["created_at"]) <= record.ended]
        return ["booked although it must not"] if record.reference or made else []
    if not record.reference:
        return ["not booked"]
    appointment = next((a for a in mine if a["reference"] == record.reference), None)
    if appointment is None:
        return ["confirmed reference not in the agenda"]
    return appointment_failures(appointment, record, expect, agenda)


def beyond_the_cap_said(record: PartRecord, slot: dict, commune: str, agenda: Agenda) -> bool:
    """A video slot farther than the commune's cap is right when nothing nearer was free before it, and the
    assistant said it searched the whole country."""
    return slot["mode"] == "video" and NATIONWIDE in record.said and agenda.searched_beyond_the_cap(
        commune, "video", slot["practitioner"]["specialty"]["code"], record.started, datetime.fromisoformat(slot["start"]))


def appointment_failures(appointment: dict, record: PartRecord, expect: Expect, agenda: Agenda) -> list[str]:
    failures = []
    slot = appointment["slot"]
    if appointment["status"] != expect.status:
        failures.append(f"status {appointment['status']}, not {expect.status}")
    if record.chosen_id and slot["id"] != record.chosen_id:
        failures.append("booked another slot than the one picked")
    patient = appointment["patient"]
    failures += [f"patient {name} wrong" for name, value in expect.patient.items() if patient.get(name) != value]
    if expect.mode and slot["mode"] != expect.mode:
        failures.append(f"mode {slot['mode']}, not {expect.mode}")
    if expect.place:
        distance = distance_between(expect.place.commune, slot["address"])
        if distance > near_enough_km(expect.place.commune, expect.place.within_km) \
                and not beyond_the_cap_said(record, slot, expect.place.commune, agenda):
            failures.append(f"slot {distance:.0f} km from {expect.place.commune}")
    if expect.window and not in_window(datetime.fromisoformat(slot["start"]), expect.window, record.started):
        commune = expect.place.commune if expect.place else slot["address"]["commune"]
        specialty = slot["practitioner"]["specialty"]["code"]
        if agenda.offers_in(commune, expect.mode or slot["mode"], specialty, expect.window, record.started):
            failures.append("slot outside the wanted window")
        elif not WINDOW_WIDENED & record.said:
            failures.append("window widened without saying so")
    return failures
