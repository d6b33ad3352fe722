"""Attachments: .pdf, .jpg, .jpeg, .png under 50 Mo, checked by content, refused with the reason."""
import io

import pytest
from PIL import Image

from bot.agenda.attachments import MAX_BYTES, AttachmentRefused, store_attachment
from bot.agenda.models import Attachment
from tests.agenda.factories import NOW

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def image(format_: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, format=format_)
    return out.getvalue()


class Zeros:
    """A PDF header followed by `size` zero bytes, produced lazily (no 50 Mo in memory)."""

    def __init__(self, size):
        self.left, self.head = size, b"%PDF-1.4\n"

    def read(self, n):
        if self.head:
            chunk, self.head = self.head[:n], self.head[n:]
            return chunk
        chunk = b"\0" * min(n, self.left)
        self.left -= len(chunk)
        return chunk


@pytest.mark.parametrize("name, content, content_type", [
    ("compte-rendu.pdf", PDF, "application/pdf"),
    ("photo.JPG", image("JPEG"), "image/jpeg"),
    ("photo.jpeg", image("JPEG"), "image/jpeg"),
    ("ordonnance.png", image("PNG"), "image/png"),
])
def test_accepted_files_are_kept_on_disk_and_in_the_database(agenda_db, tmp_path, name, content, content_type):
    with agenda_db.session_factory() as session:
        stored = store_attachment(session, tmp_path / "files", name, io.BytesIO(content), NOW)
        session.commit()
        kept = session.get(Attachment, stored.id)
    assert (kept.filename, kept.content_type, kept.size) == (name, content_type, len(content))
    assert (tmp_path / "files" / stored.id).read_bytes() == content


@pytest.mark.parametrize("name, content, reason", [
    ("virus.exe", b"MZ\x90\x00" + b"\0" * 60, "n'est ni un PDF, ni une image JPEG ou PNG"),
    ("faux.pdf", b"MZ\x90\x00" + b"\0" * 60, "n'est ni un PDF"),
    ("image.pdf", image("PNG"), "a l'extension « .pdf » mais contient un image/png"),
    ("notes.txt", PDF, "a l'extension « .txt »"),
    ("vide.pdf", b"", "n'est ni un PDF"),
])
def test_refused_files_say_why_and_leave_nothing(agenda_db, tmp_path, name, content, reason):
    with agenda_db.session_factory() as session, pytest.raises(AttachmentRefused) as refused:
        store_attachment(session, tmp_path / "files", name, io.BytesIO(content), NOW)
    assert reason in str(refused.value)
    assert str(refused.value).startswith("Format refusé : ")
    assert str(refused.value).endswith("(formats acceptés : .pdf, .jpg, .jpeg, .png, moins de 50 Mo)")
    assert list((tmp_path / "files").glob("*")) == []


def test_fifty_megabytes_is_too_much(agenda_db, tmp_path):
    files = tmp_path / "files"
    with agenda_db.session_factory() as session:
        with pytest.raises(AttachmentRefused, match="dépasse 50 Mo"):
            store_attachment(session, files, "gros.pdf", Zeros(MAX_BYTES), NOW)
        assert list(files.iterdir()) == []
        just_under = store_attachment(session, files, "ok.pdf", Zeros(MAX_BYTES - 100), NOW)
    assert just_under.size == MAX_BYTES - 100 + len(b"%PDF-1.4\n")
