"""Rasa's own logs keep no patient data: its structured log events carry the message text, the entities, the slots
("rest.message.received.failure text=…" at ERROR when a turn fails). Rasa masks those fields through an
anonymization pipeline that its open-source edition leaves empty; this plugin fills it with one that masks them all."""
from __future__ import annotations

from typing import Any

import pluggy

MASK = "[masqué]"
hookimpl = pluggy.HookimplMarker("rasa")


class MaskEverything:
    """Rasa's anonymization pipeline interface, as its log processor calls it."""

    def log_run(self, value: Any) -> str:
        return MASK


class _RedactingPlugin:
    @hookimpl
    def get_anonymization_pipeline(self) -> MaskEverything:
        return MaskEverything()


def install() -> None:
    from rasa.plugin import plugin_manager

    manager = plugin_manager()
    if not any(isinstance(plugin, _RedactingPlugin) for plugin in manager.get_plugins()):
        manager.register(_RedactingPlugin())
