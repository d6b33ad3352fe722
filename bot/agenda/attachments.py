"""Attachments sent to the practitioner: .pdf, .jpg, .jpeg, .png under 50 Mo, checked by their bytes.

The name's extension and the file's signature must agree: a renamed executable is refused.
"""
from __future__ import annotations

import hashlib
import os
import secrets
from datetime import datetime
from pathlib import Path, PurePath
from typing import BinaryIO

from sqlalchemy.orm import Session

from bot.agenda.models import Attachment

MAX_BYTES = 50 * 1024 * 1024
ACCEPTED = "formats acceptés : .pdf, .jpg, .jpeg, .png, moins de 50 Mo"
# content type -> (signature, extensions)
FORMATS = {
    "application/pdf": (b"%PDF", (".pdf",)),
    "image/jpeg": (b"\xff\xd8\xff", (".jpg", ".jpeg")),
    "image/png": (b"\x89PNG", (".png",)),
}
CHUNK = 1024 * 1024


class AttachmentRefused(ValueError):
    def __init__(self, reason: str):
        super().__init__(f"Format refusé : {reason} ({ACCEPTED})")


def store_attachment(session: Session, directory: Path, filename: str, stream: BinaryIO, now: datetime) -> Attachment:
    """Check and keep one uploaded file; the caller commits. Nothing stays on disk when it is refused."""
    name = PurePath(filename.replace("\\", "/")).name[:255] or "fichier"
    extension = os.path.splitext(name)[1].lower()
    head = stream.read(8)
    content_type = next((ctype for ctype, (magic, _) in FORMATS.items() if head.startswith(magic)), None)
    if content_type is None:
        raise AttachmentRefused(f"le contenu de « {name} » n'est ni un PDF, ni une image JPEG ou PNG")
    if extension not in FORMATS[content_type][1]:
        raise AttachmentRefused(f"« {name} » a l'extension « {extension or 'aucune'} » mais contient un {content_type}")
    directory.mkdir(parents=True, exist_ok=True)
    attachment_id = secrets.token_hex(16)
    path = directory / attachment_id
    digest, size = hashlib.sha256(head), len(head)
    try:
        with open(path, "wb") as out:
            out.write(head)
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size >= MAX_BYTES:
                    raise AttachmentRefused(f"« {name} » dépasse 50 Mo")
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    attachment = Attachment(
        id=attachment_id, filename=name, content_type=content_type, size=size, sha256=digest.hexdigest(),
        created_at=now,
    )
    session.add(attachment)
    return attachment
