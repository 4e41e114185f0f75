"""Whether the learned second opinion (learned.py) reads items: switched on, or recording what
the extractor reads for `make model`. The keyword gate asks (nearby.wanted) without importing the
model, which reads sentences and people built after the gate."""

from __future__ import annotations

import os
from contextvars import ContextVar

# On by default since 2026-12-07: beside today's rules it added 2 right claims and no wrong one on
# the check part of the real labelled items (scored with and without it, as issue 9 asks of a
# learned component), changed nothing on the written set, and costs little now that the extractor
# is compiled and the gates keep it from items no rule reads (README, "A learned second opinion").
# CLAIMWATCH_LEARNED=off (or 0, false, no) switches it off.
DEFAULT = "on"
# Only a clear no turns it off; an empty value (a blank line in a .env file) keeps the default.
_NO = {"off", "0", "false", "no"}
ENABLED = os.environ.get("CLAIMWATCH_LEARNED", DEFAULT).strip().casefold() not in _NO

# Set while learned.recording() collects candidates for training (the gate then reads all).
RECORDING: ContextVar[bool] = ContextVar("learned_recording", default=False)


def is_recording() -> bool:
    """Whether `make model` is recording the items the extractor reads (the gate then reads all)."""
    return RECORDING.get()
