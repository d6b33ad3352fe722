"""Conversation ids are owned by a regulator: "<login>/<conversation>". Rasa's channel builds them from the
signed-in regulator, so that choosing a `sender` can only name one of one's own conversations; the action server
hands them to the agenda (in HEADER), which reads who is booking from them."""
from __future__ import annotations

import re

SEPARATOR = "/"
HEADER = "X-SAS-Conversation"  # with the service token: the conversation the action server serves
LOGIN = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")  # no separator, so the owner is always the part before it
LOCAL_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
DEFAULT_LOCAL_ID = "default"


def conversation_id(login: str, local_id: str | None) -> str:
    """The conversation `local_id` of `login`; ValueError for an id a client should not send."""
    local_id = local_id or DEFAULT_LOCAL_ID
    if not LOGIN.fullmatch(login) or not LOCAL_ID.fullmatch(local_id):
        raise ValueError("invalid conversation id")
    return f"{login}{SEPARATOR}{local_id}"


def regulator_of(conversation: str | None) -> str | None:
    """The login owning a conversation id, None for an id not built by `conversation_id`."""
    login, separator, local_id = (conversation or "").partition(SEPARATOR)
    return login if separator and LOGIN.fullmatch(login) and LOCAL_ID.fullmatch(local_id) else None
