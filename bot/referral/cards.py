"""Slot cards: what the regulator sees of an agenda slot, in the chat and in the side panel."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from bot.agenda.contract import Practitioner, Slot
from bot.vocabulary import MODES


def practitioner_name(practitioner: Practitioner) -> str:
    return " ".join(p for p in ("Dr", practitioner.prenom, practitioner.nom) if p)


def day_and_time(moment: datetime, timezone: str) -> str:
    """"jeu. 26 nov. à 14:30" in the regulator's time zone."""
    return format_datetime(moment.astimezone(ZoneInfo(timezone)), "EEE d MMM 'à' HH:mm", locale="fr_FR")


def slot_card(slot: Slot, timezone: str) -> dict:
    """The compact card kept in the tracker and sent to the side panel."""
    practitioner, address = slot.practitioner, slot.address
    return {
        "id": slot.id,
        "payload": f'/choisir_creneau{{"creneau_id":"{slot.id}"}}',
        "praticien": practitioner_name(practitioner),
        "nom": practitioner.nom,
        "specialite": practitioner.specialty.label,
        "adresse": f"{address.line}, {address.postal_code} {address.commune}".strip(", "),
        "distance_km": round(slot.distance_km or 0, 1),
        "debut": slot.start.isoformat(),
        "fin": slot.end.isoformat(),
        "quand": day_and_time(slot.start, timezone),
        "heure": slot.start.astimezone(ZoneInfo(timezone)).strftime("%H:%M"),
        "mode": slot.mode,
        "snp": slot.snp,
    }


def card_title(rank: int, card: dict) -> str:
    """One line per slot for the chat buttons."""
    snp = " · Soins non programmés" if card["snp"] else ""
    distance = f'{card["distance_km"]:.1f}'.replace(".", ",")
    mode = MODES[card["mode"]].label if card["mode"] in MODES else card["mode"]
    return f'{rank}. {card["praticien"]} — {card["quand"]} — {mode} — {card["adresse"]} ({distance} km){snp}'
