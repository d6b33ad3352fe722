"""Files for the practitioner, uploaded by the side panel before the booking that sends them."""
from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from bot.agenda import audit
from bot.agenda.attachments import AttachmentRefused, store_attachment
from bot.agenda.contract import Attachment
from bot.agenda.deps import AttachmentsDirDep, NowDep, SessionDep
from bot.agenda.models import Attachment as StoredAttachment
from bot.agenda.principal import RegulatorDep
from bot.agenda.routes.answers import INVALID, NOT_FOUND, invalid, not_found
from bot.agenda.views import attachment_view

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/attachments", tags=["pièces jointes"])


@router.post("", status_code=201, response_model=Attachment, responses=INVALID)
def upload_attachment(file: Annotated[UploadFile, File()], session: SessionDep, now: NowDep, folder: AttachmentsDirDep,
                      who: RegulatorDep):
    """A .pdf, .jpg, .jpeg or .png under 50 Mo, checked by its bytes (multipart field `file`); only the regulator
    who sent it may see it and send it with a booking."""
    try:
        attachment = store_attachment(session, folder, file.filename or "", file.file, now)
    except AttachmentRefused as refused:
        return invalid({"file": str(refused)})
    attachment.uploaded_by = who.login
    audit.add(session, now, who.actor, "upload", conversation=who.conversation,
              detail=f"pièce jointe {attachment.id}, {attachment.size} octets, {who.via}")
    session.commit()
    log.info("attachment %s stored (%d bytes)", attachment.id, attachment.size)
    return attachment_view(attachment)


@router.get("/{attachment_id}", response_model=Attachment, responses=NOT_FOUND)
def get_attachment(attachment_id: str, session: SessionDep, who: RegulatorDep):
    attachment = session.get(StoredAttachment, attachment_id)
    return attachment_view(attachment) if attachment and who.may_see(attachment.uploaded_by) else not_found("Pièce jointe")
