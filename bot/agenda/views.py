"""The agenda's records as the contract shows them (bot.agenda.contract), instants in the SAS time zone."""
from __future__ import annotations

from datetime import tzinfo

from sqlalchemy.engine import Row

from bot.agenda import contract
from bot.agenda.models import Appointment, Attachment, Motif, Orientation, Place, Practitioner, Slot, stored_fields
from bot.vocabulary import PATIENT_FIELDS


def motif_view(motif: Motif) -> contract.Motif:
    return contract.Motif(id=str(motif.id), label=motif.label, snp=motif.snp, follow_up=motif.follow_up,
                          required_fields=motif.required_fields)


def practitioner_fields(practitioner: Practitioner | Row) -> dict:
    """contract.Practitioner as plain data, from the record or a row of its columns (the directory's thousands)."""
    return {
        "rpps": practitioner.rpps, "civilite": practitioner.civilite, "nom": practitioner.nom,
        "prenom": practitioner.prenom,
        "specialty": {"code": practitioner.specialty_code, "label": practitioner.specialty_label},
        "sas_participant": practitioner.sas_participant, "surnumeraire": practitioner.surnumeraire,
        "required_fields": stored_fields(practitioner.required),
    }


def practitioner_view(practitioner: Practitioner) -> contract.Practitioner:
    return contract.Practitioner(**practitioner_fields(practitioner))


def address_fields(place: Place | Row) -> dict:
    """contract.Address as plain data, from the record or a row of its columns."""
    return {"line": place.address_line, "postal_code": place.postal_code, "commune": place.commune}


def address_view(place: Place) -> contract.Address:
    return contract.Address(**address_fields(place))


def offered_motifs(slot: Slot) -> list[Motif]:
    """Those a SAS patient may be booked for: open to new patients, « Soins non programmés », or a follow-up for a
    patient the practitioner already knows; other motifs reserved to followed patients are never shown."""
    return [motif for motif in slot.motifs if motif.new_patients or motif.snp or motif.follow_up]


def _slot_fields(slot: Slot, tz: tzinfo) -> dict:
    return {
        "id": str(slot.id),
        "start": slot.start.astimezone(tz),
        "end": slot.end.astimezone(tz),
        "mode": slot.mode,
        "snp": slot.snp,
        "practitioner": practitioner_view(slot.practitioner),
        "address": address_view(slot.place),
        "motifs": [motif_view(motif) for motif in offered_motifs(slot)],
    }


def slot_view(slot: Slot, tz: tzinfo, distance_km: float) -> contract.Slot:
    """A slot found by a search, at its distance from the searched place."""
    return contract.Slot(**_slot_fields(slot, tz), distance_km=round(distance_km, 1))


def slot_with_status(slot: Slot, tz: tzinfo) -> contract.SlotWithStatus:
    return contract.SlotWithStatus(**_slot_fields(slot, tz), distance_km=None, status=slot.status)


def _patient_view(record: Appointment | Orientation) -> contract.Patient:
    patient = {field: getattr(record, field) for field in PATIENT_FIELDS}
    patient["date_naissance"] = record.date_naissance.isoformat()
    return contract.Patient(**patient)


def attachment_view(attachment: Attachment) -> contract.Attachment:
    return contract.Attachment(id=attachment.id, filename=attachment.filename, content_type=attachment.content_type,
                               size=attachment.size)


def appointment_view(appointment: Appointment, tz: tzinfo) -> contract.Appointment:
    return contract.Appointment(
        id=str(appointment.id),
        reference=appointment.reference,
        status=appointment.status,
        created_at=appointment.created_at.astimezone(tz),
        updated_at=appointment.updated_at.astimezone(tz),
        slot=slot_with_status(appointment.slot, tz),
        motif=motif_view(appointment.motif),
        patient=_patient_view(appointment),
        message=appointment.message,
        regulator=appointment.regulator,
        attachments=[attachment_view(attachment) for attachment in appointment.attachments],
        deja_consulte=appointment.deja_consulte,
    )


def orientation_view(orientation: Orientation, tz: tzinfo) -> contract.Orientation:
    return contract.Orientation(
        id=str(orientation.id),
        reference=orientation.reference,
        status=orientation.status,
        created_at=orientation.created_at.astimezone(tz),
        practitioner=practitioner_view(orientation.practitioner),
        address=address_view(orientation.place),
        patient=_patient_view(orientation),
        message=orientation.message,
        regulator=orientation.regulator,
    )
