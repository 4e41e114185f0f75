"""Whether the learned second opinion (learned.py) reads items: switched on, or recording what
the extractor reads for `make model`. The keyword gate asks (nearby.wanted) without importing the
model, which reads sentences and people built after the gate."""

from __future__ import annotations

import os
from contextvars import ContextVar

# Off by default: on cross-validation within the tune part it raised F1 from 0.910 to 0.912 (about
# one claim in 300) for 12-22 us more per item (README, "A learned second opinion"); worth it only
# once more labelled data teaches it more. CLAIMWATCH_LEARNED=on or =off overrides the default.
DEFAULT = "off"
# Only a clear yes turns it on: "false", "0", "OFF" or an empty value in a .env file keep it off.
ENABLED = os.environ.get("CLAIMWATCH_LEARNED", DEFAULT).strip().casefold() in {"on", "1", "true", "yes"}

# Set while learned.recording() collects candidates for training (the gate then reads all).
RECORDING: ContextVar[bool] = ContextVar("learned_recording", default=False)


def is_recording() -> bool:
    """Whether `make model` is recording the items the extractor reads (the gate then reads all)."""
    return RECORDING.get()
