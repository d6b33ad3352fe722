"""After a load test: its figures, and the agenda database checked against what the simulated regulators were told.

A double booking is a slot held by two active appointments, or one patient of the run holding two (a confirmation
that booked twice). A lost booking is a reference a regulator read that the agenda does not hold, not active, or
with other patient data than the regulator gave. The report names references and fields, never patient data."""
from __future__ import annotations

import statistics
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from bot.agenda.models import HOLDING_STATUSES, Appointment
from bot.bench.turn_timings import InServer

COMPARED = ("prenom", "nom", "nom_naissance", "date_naissance", "telephone")


@dataclass
class Check:
    double_bookings: int = 0
    lost: dict[str, str] = field(default_factory=dict)  # conversation -> reference and why
    unread: int = 0  # held by the run's regulators, no reference read (a run stopped mid-confirmation)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def _folded(value) -> str:
    """Names compared as the agenda may write them back: case and accents aside ("LE GALL" ~ "Le Gall")."""
    text = value.isoformat() if isinstance(value, date) else str(value or "")
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _differs(appointment: Appointment, patient: dict) -> list[str]:
    return [name for name in COMPARED if _folded(getattr(appointment, name)) != _folded(patient[name])]


def _why_lost(appointment: Appointment | None, booking: dict) -> str | None:
    if appointment is None:
        return "absente"
    if appointment.status not in HOLDING_STATUSES:
        return f"statut {appointment.status}"
    if appointment.regulator != booking["regulator"]:
        return "autre régulateur"
    differs = _differs(appointment, booking["patient"])
    return "différent : " + ", ".join(differs) if differs else None


def check_database(factory: sessionmaker, bookings: list[dict], regulators: list[str]) -> Check:
    found = Check()
    holding = Appointment.status.in_(HOLDING_STATUSES)
    with factory() as session:
        slots_twice = select(func.count() - 1).where(holding).group_by(Appointment.slot_id).having(func.count() > 1)
        patients_twice = (select(func.count() - 1).where(holding, Appointment.regulator.in_(regulators))
                          .group_by(Appointment.regulator, Appointment.nom, Appointment.prenom,
                                    Appointment.date_naissance, Appointment.telephone).having(func.count() > 1))
        found.double_bookings = sum(session.scalars(slots_twice)) + sum(session.scalars(patients_twice))
        read = {b["reference"] for b in bookings}
        held = session.scalars(select(Appointment).where(holding, Appointment.regulator.in_(regulators))).all()
        found.unread = sum(a.reference not in read for a in held)
        by_reference = {a.reference: a for a in session.scalars(
            select(Appointment).where(Appointment.reference.in_(read)))}
        for booking in bookings:
            why = _why_lost(by_reference.get(booking["reference"]), booking)
            if why:
                found.lost[booking["conversation"]] = f"{booking['reference']} {why}"
    return found


def where_the_time_goes(turns_ms: list[float], in_server: list[InServer]) -> str:
    """Means, so that the parts add up: what Rasa stamped in its tracker store, the rest measured by the client."""
    prediction, actions = (statistics.fmean(t.prediction_ms for t in in_server),
                           statistics.fmean(t.actions_ms for t in in_server))
    rest = statistics.fmean(turns_ms) - prediction - actions
    return (f"Temps moyen d'un tour : {statistics.fmean(turns_ms):.0f} ms = analyse NLU, verrou, magasin de "
            f"conversations, file d'attente et proxy {rest:.0f} ms + validation des champs et prédiction "
            f"{prediction:.0f} ms + actions "
            f"(serveur d'actions, agenda) {actions:.0f} ms (horodatage des événements de Rasa, {len(in_server)} tours)")


def report(users: int, duration_s: float, results: dict, check: Check, in_server: list[InServer] = ()) -> str:
    turns = results["turns_ms"]
    rate = len(turns) / duration_s if duration_s else 0.0
    p50, p95 = statistics.median(turns) if turns else 0.0, percentile(turns, 0.95)
    lines = [
        "| régulateurs | tours | tours/s | p50 (ms) | p95 (ms) | erreurs | renvois | réservations | inachevées "
        "| récapitulatif faux | créneau repris | agenda indisponible |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        f"| {users} | {len(turns)} | {rate:.2f} | {p50:.0f} | {p95:.0f} | {results['errors']} | {results['retries']} "
        f"| {len(results['bookings'])} | {len(results['unfinished'])} | {len(results['misread'])} | {results['taken']} "
        f"| {results['agenda_down']} |",
        *([where_the_time_goes(turns, in_server)] if in_server and turns else []),
        "",
        f"Base de l'agenda : {check.double_bookings} double(s) réservation(s), {len(check.lost)} réservation(s) "
        f"perdue(s) sur {len(results['bookings'])} confirmée(s), {check.unread} tenue(s) sans référence lue.",
        *(f"  perdue : {why} (conversation {conversation})" for conversation, why in sorted(check.lost.items())),
        f"users={users} turns_per_s={rate:.2f} p50_ms={p50:.0f} p95_ms={p95:.0f} errors={results['errors']} "
        f"double_bookings={check.double_bookings} lost_bookings={len(check.lost)}",
    ]
    return "\n".join(lines)
