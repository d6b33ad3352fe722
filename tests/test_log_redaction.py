"""Rasa's structured log events lose the patient's words before any renderer sees them."""
import logging

import structlog
from rasa.utils import log_utils

from bot import log_redaction


def test_rasa_log_events_mask_the_message_entities_and_slots(caplog):
    log_redaction.install()
    log_utils.configure_structlog(logging.INFO)
    try:
        structlog.get_logger().error("rest.message.received.failure", text="Mme Durand 06 45 37 26 53",
                                     parse_data_entities=[{"entity": "nom", "value": "Durand"}])
        logged = caplog.text
        assert "rest.message.received.failure" in logged and "[masqu" in logged
        assert "Durand" not in logged and "06 45" not in logged
    finally:
        structlog.reset_defaults()
