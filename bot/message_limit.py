"""The longest message the assistant reads, and what the regulator is told past it.

The REST channel calls `refusal` on the message before anything parses it (NLU, dialogue): a pasted file or a
whole record would otherwise hold Rasa for seconds, and every other regulator's turn with it. The panel refuses
the same length before sending (it reads the limit from /config.json) and keeps the text in its input.

The refusal is written here, not in domain.yml: the channel answers it without running the dialogue, and a
response no story uses fails `rasa data validate`.
"""
from __future__ import annotations

MAX_MESSAGE_CHARS = 4000
# A JSON body carrying a message at the limit: 4 bytes per character of UTF-8 at most (6 for a character the
# client escaped as \\uXXXX), plus the sender and metadata. Past this the channel need not even decode it.
MAX_BODY_BYTES = 6 * MAX_MESSAGE_CHARS + 4096
STATUS = 413  # Content Too Large


def _french(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")  # 4 000, with a narrow no-break space


def refusal_text(length: int | None = None) -> str:
    said = f" ({_french(length)} caractères)" if length else ""
    return (f"Message trop long{said} : l'assistant lit au plus {_french(MAX_MESSAGE_CHARS)} caractères par message. "
            "Il n'a pas été lu et rien n'est perdu : le texte est toujours là. "
            "Envoyez l'essentiel (identité, téléphone, besoin, lieu, délai) ou coupez-le en plusieurs messages.")


def refusal(message: str | None) -> dict | None:
    """None when `message` may be read; otherwise the channel's JSON answer (with status STATUS)."""
    if message is None or len(message) <= MAX_MESSAGE_CHARS:
        return None
    return {"error": "message_trop_long", "detail": refusal_text(len(message)), "max_chars": MAX_MESSAGE_CHARS}
