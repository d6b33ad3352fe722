"""Files for the practitioner, uploaded by the side panel before the booking that sends them."""
from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from bot.agenda.attachments import AttachmentRefused, store_attachment
from bot.agenda.contract import Attachment
from bot.agenda.deps import AttachmentsDirDep, NowDep, SessionDep
from bot.agenda.models import Attachment as StoredAttachment
from bot.agenda.routes.answers import INVALID, NOT_FOUND, invalid, not_found
from bot.agenda.views import attachment_view

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/attachments", tags=["pièces jointes"])


@router.post("", status_code=201, response_model=Attachment, responses=INVALID)
def upload_attachment(file: Annotated[UploadFile, File()], session: SessionDep, now: NowDep, folder: AttachmentsDirDep):
    """A .pdf, .jpg, .jpeg or .png under 50 Mo, checked by its bytes (multipart field `file`)."""
    try:
        attachment = store_attachment(session, folder, file.filename or "", file.file, now)
    except AttachmentRefused as refused:
        return invalid({"file": str(refused)})
    session.commit()
    log.info("attachment %s stored (%d bytes)", attachment.id, attachment.size)
    return attachment_view(attachment)


@router.get("/{attachment_id}", response_model=Attachment, responses=NOT_FOUND)
def get_attachment(attachment_id: str, session: SessionDep):
    attachment = session.get(StoredAttachment, attachment_id)
    return attachment_view(attachment) if attachment else not_found("Pièce jointe")
