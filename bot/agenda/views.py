"""The agenda's records as the contract shows them (bot.agenda.contract), instants in the SAS time zone."""
from __future__ import annotations

from datetime import tzinfo

from bot.agenda import contract
from bot.agenda.models import Appointment, Attachment, Motif, Slot
from bot.vocabulary import PATIENT_FIELDS


def motif_view(motif: Motif) -> contract.Motif:
    return contract.Motif(id=str(motif.id), label=motif.label, snp=motif.snp)


def _slot_fields(slot: Slot, tz: tzinfo) -> dict:
    practitioner, place = slot.practitioner, slot.place
    return {
        "id": str(slot.id),
        "start": slot.start.astimezone(tz),
        "end": slot.end.astimezone(tz),
        "mode": slot.mode,
        "snp": slot.snp,
        "practitioner": contract.Practitioner(
            rpps=practitioner.rpps, civilite=practitioner.civilite, nom=practitioner.nom, prenom=practitioner.prenom,
            specialty=contract.Specialty(code=practitioner.specialty_code, label=practitioner.specialty_label),
            sas_participant=practitioner.sas_participant,
        ),
        "address": contract.Address(line=place.address_line, postal_code=place.postal_code, commune=place.commune),
        # Motifs reserved to followed patients are never offered to a SAS patient, so never shown.
        "motifs": [motif_view(motif) for motif in slot.motifs if motif.new_patients or motif.snp],
    }


def slot_view(slot: Slot, tz: tzinfo, distance_km: float) -> contract.Slot:
    """A slot found by a search, at its distance from the searched place."""
    return contract.Slot(**_slot_fields(slot, tz), distance_km=round(distance_km, 1))


def slot_with_status(slot: Slot, tz: tzinfo) -> contract.SlotWithStatus:
    return contract.SlotWithStatus(**_slot_fields(slot, tz), distance_km=None, status=slot.status)


def attachment_view(attachment: Attachment) -> contract.Attachment:
    return contract.Attachment(id=attachment.id, filename=attachment.filename, content_type=attachment.content_type,
                               size=attachment.size)


def appointment_view(appointment: Appointment, tz: tzinfo) -> contract.Appointment:
    patient = {field: getattr(appointment, field) for field in PATIENT_FIELDS}
    patient["date_naissance"] = appointment.date_naissance.isoformat()
    return contract.Appointment(
        id=str(appointment.id),
        reference=appointment.reference,
        status=appointment.status,
        created_at=appointment.created_at.astimezone(tz),
        updated_at=appointment.updated_at.astimezone(tz),
        slot=slot_with_status(appointment.slot, tz),
        motif=motif_view(appointment.motif),
        patient=contract.Patient(**patient),
        message=appointment.message,
        regulator=appointment.regulator,
        attachments=[attachment_view(attachment) for attachment in appointment.attachments],
    )
