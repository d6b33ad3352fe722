"""Slots of `link` sources: the regulator books them on the agenda's own page. What the assistant hands over for
that: the page (only a web address), the patient block to copy in the funnel's order, and the motif to pick."""
from __future__ import annotations

from urllib.parse import urlsplit

from bot.agenda.contract import Motif
from bot.referral.summary import display_phone
from bot.vocabulary import PATIENT_FIELDS

SNP_LABEL = "Soins non programmés"
MESSAGE_LABEL = "Message"


def web_page(address: str | None) -> str | None:
    """The booking page when it is an http(s) address: what a source writes is opened by the regulator's browser,
    so anything else (javascript:, data:, a relative path) is no page."""
    parts = urlsplit(address or "")
    return address if parts.scheme in ("http", "https") and parts.netloc else None


def suggested_motif(motifs: list[Motif]) -> str | None:
    """The guide's rule: « Soins non programmés » when the slot has it, else the most relevant; without the
    patient's motif rules of that agenda, its first label."""
    snp = next((m.label for m in motifs if m.snp or m.label.casefold() == SNP_LABEL.casefold()), None)
    return snp or next((m.label for m in motifs), None)


def patient_block(slots: dict, message: str | None) -> str:
    """"Civilité : Madame" … "Message : …", one line a known field, in the booking funnel's order, the values
    written as the summary writes them (« 21/11/1952 », « 06 45 37 26 53 »)."""
    lines = []
    for field, label in PATIENT_FIELDS.items():
        value = slots.get(field)
        if not value:
            continue
        if field == "date_naissance":
            year, month, day = value.split("-")
            value = f"{day}/{month}/{year}"
        elif field == "telephone":
            value = display_phone(value)
        lines.append(f"{label} : {value}")
    if message:
        lines.append(f"{MESSAGE_LABEL} : {message}")
    return "\n".join(lines)
