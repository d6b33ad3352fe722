"""What the regulator is told when the agenda cannot answer: plainly, with a retry, nothing lost."""
from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher


def tell_agenda_unavailable(dispatcher: CollectingDispatcher, retry_payload: str) -> None:
    dispatcher.utter_message(
        response="utter_agenda_indisponible",
        buttons=[{"title": "Réessayer", "payload": retry_payload}],
        json_message={"kind": "erreur", "code": "agenda_indisponible", "reessayer": retry_payload},
    )
