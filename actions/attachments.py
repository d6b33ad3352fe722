"""A file uploaded by the side panel to the agenda is joined to the booking to come; asked in words, how to join one."""
from __future__ import annotations

from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet

from actions.agenda_client import AgendaError, get_agenda_client


class ActionAttach(Action):
    agenda: Callable = staticmethod(get_agenda_client)

    def name(self) -> str:
        return "action_attach"

    async def run(self, dispatcher, tracker: Tracker, domain) -> list:
        attachment_id = tracker.get_slot("piece_jointe")
        if not attachment_id:  # written, not uploaded ("est-ce que je peux joindre le compte rendu ?"): how to
            dispatcher.utter_message(response="utter_faq/pieces_jointes")
            dispatcher.utter_message(response="utter_piece_jointe_comment")
            return []
        try:
            meta = await self.agenda().serving(tracker.sender_id).attachment(attachment_id)
        except AgendaError:
            dispatcher.utter_message(response="utter_piece_jointe_absente")
            return [SlotSet("piece_jointe", None)]
        attached = [a for a in tracker.get_slot("pieces_jointes") or [] if a["id"] != str(attachment_id)]
        attached.append({"id": str(attachment_id), "filename": meta.filename})
        dispatcher.utter_message(response="utter_piece_jointe_ajoutee", fichier=meta.filename)
        return [SlotSet("pieces_jointes", attached), SlotSet("piece_jointe", None)]
