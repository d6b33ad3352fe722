"""Slot cards: what the regulator sees of an agenda slot, in the chat and in the side panel."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

MODE_LABELS = {"cabinet": "au cabinet", "video": "en vidéo", "domicile": "à domicile"}


def practitioner_name(practitioner: dict) -> str:
    return " ".join(p for p in ("Dr", practitioner.get("prenom", ""), practitioner.get("nom", "")) if p)


def local_time(iso: str, timezone: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone(ZoneInfo(timezone))


def day_and_time(iso: str, timezone: str) -> str:
    """"jeu. 26 nov. à 14:30" in the regulator's time zone."""
    return format_datetime(local_time(iso, timezone), "EEE d MMM 'à' HH:mm", locale="fr_FR")


def slot_card(slot: dict, timezone: str) -> dict:
    """The compact card kept in the tracker and sent to the side panel."""
    practitioner = slot["practitioner"]
    address = slot["address"]
    return {
        "id": str(slot["id"]),
        "payload": f'/choisir_creneau{{"creneau_id":"{slot["id"]}"}}',
        "praticien": practitioner_name(practitioner),
        "nom": practitioner.get("nom", ""),
        "specialite": practitioner.get("specialty", {}).get("label", ""),
        "adresse": f'{address.get("line", "")}, {address.get("postal_code", "")} {address.get("commune", "")}'.strip(", "),
        "distance_km": round(float(slot.get("distance_km") or 0), 1),
        "debut": slot["start"],
        "fin": slot["end"],
        "quand": day_and_time(slot["start"], timezone),
        "heure": local_time(slot["start"], timezone).strftime("%H:%M"),
        "mode": slot.get("mode", "cabinet"),
        "snp": bool(slot.get("snp")),
    }


def card_title(rank: int, card: dict) -> str:
    """One line per slot for the chat buttons."""
    snp = " · Soins non programmés" if card["snp"] else ""
    distance = f'{card["distance_km"]:.1f}'.replace(".", ",")
    return (f'{rank}. {card["praticien"]} — {card["quand"]} — {MODE_LABELS.get(card["mode"], card["mode"])} — '
            f'{card["adresse"]} ({distance} km){snp}')
