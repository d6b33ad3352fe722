"""Where a turn's time goes, from Rasa's own event timestamps in its tracker store (the SQL one: an event is stamped
when it is made): from the user's message (stamped once parsed) to the first prediction (the slots extracted and
validated first), then the actions (custom ones call the action server and the agenda), to the action_listen that
ends the turn. What the client measured beyond that is the parse, reading and saving the tracker, the lock, HTTP."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import column, create_engine, select, table

EVENTS = table("events", column("sender_id"), column("type_name"), column("action_name"), column("timestamp"),
               column("id"))
LISTEN = "action_listen"


@dataclass(frozen=True)
class InServer:
    # The message stamped -> the first prediction made: action_extract_slots, whose custom slot mappings call the
    # action server (action_validate_slot_mappings) at every turn, then the policies.
    prediction_ms: float
    actions_ms: float  # the first prediction -> the action_listen ending the turn: the actions run


def turns_in_server(tracker_store_url: str, conversations: list[str]) -> list[InServer]:
    """Each user turn of these conversations, in order."""
    engine = create_engine(tracker_store_url, future=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(EVENTS.c.sender_id, EVENTS.c.type_name, EVENTS.c.action_name,
                                             EVENTS.c.timestamp).where(EVENTS.c.sender_id.in_(conversations))
                                      .order_by(EVENTS.c.sender_id, EVENTS.c.id)).all()
    finally:
        engine.dispose()
    turns, user_at, predicted_at = [], None, None
    for _, kind, action, stamp in rows:
        if kind == "user":
            user_at, predicted_at = stamp, None
        elif user_at is not None and predicted_at is None and kind in ("user_featurization", "action"):
            predicted_at = stamp
        if user_at is not None and kind == "action" and action == LISTEN:
            turns.append(InServer((predicted_at - user_at) * 1000, (stamp - predicted_at) * 1000))
            user_at = None
    return turns
