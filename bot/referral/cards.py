"""Slot cards: what the regulator sees of an agenda slot, in the chat and in the side panel."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from bot.agenda.contract import Offer, Practitioner, Slot
from bot.referral.external import suggested_motif, web_page
from bot.vocabulary import DEFAULT_MODE, MODES


def practitioner_name(practitioner: Practitioner) -> str:
    return " ".join(p for p in ("Dr", practitioner.prenom, practitioner.nom) if p)


def day_and_time(moment: datetime, timezone: str) -> str:
    """"jeu. 26 nov. à 14:30" in the regulator's time zone."""
    return format_datetime(moment.astimezone(ZoneInfo(timezone)), "EEE d MMM 'à' HH:mm", locale="fr_FR")


def day_words(moment: datetime) -> str:
    """"lundi 7 décembre", the moment given in the regulator's time zone."""
    return format_datetime(moment, "EEEE d MMMM", locale="fr_FR")


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
        "rpps": practitioner.rpps,
        # Where it is booked: the source's JSON API ("api"), or its booking page by the regulator ("link").
        "source": slot.source,
        "source_slot_id": slot.source_slot_id,
        "booking": slot.booking,
        "page": web_page(slot.booking_page),
        "motif_suggere": suggested_motif(slot.motifs) if slot.booking == "link" else None,
    }


def id_at_source(card: dict) -> str:
    """The slot's id at the agenda holding it (a card of the home agenda's own search has only `id`)."""
    return card.get("source_slot_id") or card["id"]


def offer_entry(offer: Offer, rank: int, timezone: str) -> dict:
    """One practitioner of a search page as the side panel shows it, with their slot cards. Each card carries
    the practitioner's rank, so that "le 2" is read as the second practitioner's first time."""
    address = offer.address
    return {
        "rang": rank,
        "praticien": practitioner_name(offer.practitioner),
        "nom": offer.practitioner.nom,
        "specialite": offer.practitioner.specialty.label,
        "adresse": f"{address.line}, {address.postal_code} {address.commune}".strip(", "),
        "distance_km": round(offer.distance_km, 1),
        "sas": offer.practitioner.sas_participant,
        "snp": offer.snp,
        "medecin_traitant": offer.medecin_traitant,
        "creneaux": [{**slot_card(slot, timezone), "rang": rank, "medecin_traitant": offer.medecin_traitant}
                     for slot in offer.slots],
    }


def offer_line(entry: dict) -> str:
    """"2. Dr Claire Thomas — Médecine générale — 3 rue Paul Bert, 69003 Lyon (1,2 km) · SAS · Soins non
    programmés — mer. 25 nov. : 09:30 · 10:30": one line per practitioner in the chat, times grouped by day."""
    marks = [mark for mark, shown in (("Médecin traitant", entry["medecin_traitant"]), ("SAS", entry["sas"]),
                                      ("Soins non programmés", entry["snp"])) if shown]
    distance = f'{entry["distance_km"]:.1f}'.replace(".", ",")
    days: dict[str, list[str]] = {}
    for card in entry["creneaux"]:
        days.setdefault(card["quand"].rsplit(" à ", 1)[0], []).append(card["heure"])
    times = " ; ".join(f"{day} : {' · '.join(hours)}" for day, hours in days.items())
    modes = {card["mode"] for card in entry["creneaux"]}
    said = modes.pop() if len(modes) == 1 else DEFAULT_MODE  # "en vidéo" is said; the cabinet goes without saying
    mode = f" — {MODES[said].label}" if said != DEFAULT_MODE else ""
    return (f'{entry["rang"]}. {entry["praticien"]} — {entry["specialite"]} — {entry["adresse"]} ({distance} km)'
            + "".join(f" · {mark}" for mark in marks) + f"{mode} — {times}")


def time_button_title(card: dict) -> str:
    """A chat button per offered time, with the practitioner's rank: "2. Dr Claire Thomas — mer. 25 nov. à 09:30"."""
    return f'{card["rang"]}. {card["praticien"]} — {card["quand"]}'
