"""A long-lived server's heap, frozen once it is loaded.

Python's full garbage collection walks every object alive: in Rasa's process (TensorFlow, spaCy, the model) and in
the action server and the agenda (the FHIR and pydantic models, the lexicons) one took 100 to 500 ms here, during a
regulator's turn. What is loaded at start lives as long as the process: frozen, the collector no longer walks it, and
a full collection only reads what the turns made since."""
from __future__ import annotations

import gc


def freeze_loaded() -> None:
    gc.collect()  # what start-up left unreachable goes first: it would never be freed once frozen
    gc.freeze()
