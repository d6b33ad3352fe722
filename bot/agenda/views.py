"""The JSON shapes of the agenda API (see the OpenAPI description in bot.agenda.api)."""
from __future__ import annotations

from datetime import datetime, tzinfo

from bot.agenda.models import Appointment, Attachment, Motif, Slot


def iso(moment: datetime, tz: tzinfo) -> str:
    return moment.astimezone(tz).isoformat()


def motif_json(motif: Motif) -> dict:
    return {"id": str(motif.id), "label": motif.label, "snp": motif.snp}


def slot_json(slot: Slot, tz: tzinfo, distance_km: float | None = None, with_status: bool = False) -> dict:
    practitioner, place = slot.practitioner, slot.place
    shown = {
        "id": str(slot.id),
        "start": iso(slot.start, tz),
        "end": iso(slot.end, tz),
        "mode": slot.mode,
        "snp": slot.snp,
        "distance_km": None if distance_km is None else round(distance_km, 1),
        "practitioner": {
            "rpps": practitioner.rpps,
            "civilite": practitioner.civilite,
            "nom": practitioner.nom,
            "prenom": practitioner.prenom,
            "specialty": {"code": practitioner.specialty_code, "label": practitioner.specialty_label},
            "sas_participant": practitioner.sas_participant,
        },
        "address": {"line": place.address_line, "postal_code": place.postal_code, "commune": place.commune},
        # Motifs reserved to followed patients are never offered to a SAS patient, so never shown.
        "motifs": [motif_json(motif) for motif in slot.motifs if motif.new_patients or motif.snp],
    }
    if with_status:
        shown["status"] = slot.status
    return shown


def attachment_json(attachment: Attachment) -> dict:
    return {
        "id": attachment.id,
        "filename": attachment.filename,
        "content_type": attachment.content_type,
        "size": attachment.size,
    }


def appointment_json(appointment: Appointment, tz: tzinfo) -> dict:
    return {
        "id": str(appointment.id),
        "reference": appointment.reference,
        "status": appointment.status,
        "created_at": iso(appointment.created_at, tz),
        "updated_at": iso(appointment.updated_at, tz),
        "slot": slot_json(appointment.slot, tz, with_status=True),
        "motif": motif_json(appointment.motif),
        "patient": {
            "civilite": appointment.civilite,
            "prenom": appointment.prenom,
            "nom": appointment.nom,
            "nom_naissance": appointment.nom_naissance,
            "date_naissance": appointment.date_naissance.isoformat(),
            "lieu_naissance": appointment.lieu_naissance,
            "telephone": appointment.telephone,
            "email": appointment.email,
        },
        "message": appointment.message,
        "regulator": appointment.regulator,
        "attachments": [attachment_json(attachment) for attachment in appointment.attachments],
    }
