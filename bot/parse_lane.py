"""Long messages are parsed beside Rasa's event loop, not on it.

Rasa 3.6 runs its NLU graph on the event loop that serves every conversation: while it reads one long message
(a pasted record: DIET's attention grows with the square of the message's length), every other regulator's
turn waits. Here a message over LONG_MESSAGE_CHARS is parsed in a thread of its own, one such message at a
time, and the loop goes on serving the others meanwhile; everyday messages are parsed on the loop as before.
Messages over bot.message_limit.MAX_MESSAGE_CHARS never get here: the REST channel refuses them.

Installed by bot.rasa_cli. Two parses may then run at once, one long and one short, on the same components:
spaCy, TensorFlow and scikit-learn predict from several threads, and ours keep no state between messages.
"""
from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker

LONG_MESSAGE_CHARS = 500  # a regulator's usual message is under 300 characters

_parse_on_loop = MessageProcessor.parse_message


@lru_cache(maxsize=1)
def _long_lane() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="long-message")


async def parse_message(self: MessageProcessor, message: UserMessage, tracker: DialogueStateTracker | None = None,
                        only_output_properties: bool = True) -> dict[str, Any]:
    """MessageProcessor.parse_message, with a long message's graph run in the long-message thread."""
    if self.http_interpreter or len(message.text or "") <= LONG_MESSAGE_CHARS:
        return await _parse_on_loop(self, message, tracker, only_output_properties)
    tracker = tracker or DialogueStateTracker.from_events(message.sender_id, [])
    parse_data = await asyncio.get_running_loop().run_in_executor(
        _long_lane(), self._parse_message_with_graph, message, tracker, only_output_properties)
    # What Rasa's parse_message does after the graph (its debug log, which holds the text, left out).
    self._update_full_retrieval_intent(parse_data)
    self._check_for_unseen_features(parse_data)
    return parse_data


def install() -> None:
    MessageProcessor.parse_message = parse_message
    # While a long message is read, the loop takes the GIL back every millisecond instead of every five: a short
    # turn's many small steps each wait less (on this machine, under load, a median delay of 57 ms instead of 190).
    sys.setswitchinterval(0.001)
