"""Rasa's structured log events lose the patient's words before any renderer sees them."""
from rasa.utils.log_utils import _anonymizer

from bot import log_redaction


def test_rasa_log_events_mask_the_message_entities_and_slots():
    log_redaction.install()
    log_redaction.install()  # installing twice registers once
    event = {"event": "rest.message.received.failure", "text": "Mme Durand 06 45 37 26 53",
             "parse_data_entities": [{"entity": "nom", "value": "Durand"}], "slot_values": {"nom": "Durand"}}
    masked = _anonymizer(None, "error", dict(event))
    assert masked["event"] == "rest.message.received.failure"
    assert masked["text"] == masked["parse_data_entities"] == masked["slot_values"] == log_redaction.MASK
