"""Long messages are parsed beside Rasa's event loop (bot.parse_lane): the loop goes on while one is read, and
the message reads the same as on the loop. With the trained model, in this process."""
from __future__ import annotations

import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor

from bot import parse_lane
from bot.bench.long_messages import pasted_record
from bot.message_limit import MAX_MESSAGE_CHARS


@pytest.fixture(scope="module")
def agent(trained_model) -> Agent:
    return Agent.load(str(trained_model))


@pytest.fixture
def with_lane():
    on_loop = MessageProcessor.parse_message
    parse_lane.install()
    yield
    MessageProcessor.parse_message = on_loop


async def ticks_during(parse) -> tuple[dict, int]:
    """The parse's result, and how many times the event loop ran something else meanwhile."""
    ticks, done = 0, asyncio.Event()

    async def other_conversation():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            await asyncio.sleep(0)

    other = asyncio.create_task(other_conversation())
    await asyncio.sleep(0)
    ticks = 0
    try:
        return await parse, ticks
    finally:
        done.set()
        await other


async def test_a_long_message_leaves_the_event_loop_free_and_reads_the_same(agent, with_lane):
    message = UserMessage(pasted_record(MAX_MESSAGE_CHARS), sender_id="long")
    beside, ticks = await ticks_during(agent.processor.parse_message(message))
    assert ticks > 0
    MessageProcessor.parse_message = parse_lane._parse_on_loop
    on_loop, blocked_ticks = await ticks_during(agent.processor.parse_message(message))
    assert blocked_ticks == 0  # what the lane is for: on the loop, nothing else runs while it reads
    assert (beside["intent"], beside["entities"]) == (on_loop["intent"], on_loop["entities"])


async def test_an_everyday_message_is_parsed_on_the_loop(agent, with_lane):
    message = UserMessage(pasted_record(parse_lane.LONG_MESSAGE_CHARS), sender_id="short")
    _, ticks = await ticks_during(agent.processor.parse_message(message))
    assert ticks == 0
