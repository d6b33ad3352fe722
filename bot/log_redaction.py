"""Rasa's own logs keep no patient data: its structured log events carry the message text, the entities, the slots
("rest.message.received.failure text=…" at ERROR when a turn fails). Rasa's log processor `_anonymizer` masks those
fields only through a pipeline its open-source edition leaves empty; it is replaced by one that masks them all
(Rasa's plugin hook would also run that pipeline on every saved event, at the cost of a tracker read per turn)."""
from __future__ import annotations

from typing import Any

MASK = "[masqué]"
# The event fields Rasa's own `_anonymizer` lists as possibly holding what the user said.
PATIENT_FIELDS = (
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities", "prediction_events",
    "tracker_latest_message", "prefilled_slots", "message", "response", "slot_candidates", "rasa_event", "rasa_events",
    "tracker_states", "current_states", "old_states", "successes", "current_entity", "next_entity", "states", "entity",
    "token_text", "user_message", "json_message",
)


def mask_patient_fields(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    for field in PATIENT_FIELDS:
        if field in event:
            event[field] = MASK
    return event


def install() -> None:
    """Before Rasa configures structlog (it reads the processor from its module when it does)."""
    from rasa.utils import log_utils

    log_utils._anonymizer = mask_patient_fields
