"""7. The /timeline picture: drawing a person's 50 stories as a PNG, against encoding alone.

The stories come from tests/timeline_fixtures.many(50): every kind, every source tier, ladders of
one to five rungs over three years, the shape a busy person's timeline has. The figure is the whole
of bot.alerts.timeline_picture.render_png (rows, axis, markers, text, legend, PNG encoding), the
median of several rounds after one warm-up (which loads the fonts and draws the marker sprites,
both cached for the bot's life). The baseline, measured in the same run on the same machine, is
the floor under any such picture: encoding the finished image, of the same size and content, as
the bot does (a 256-colour PNG).
The goal (300 ms, a small part of Discord's three seconds to answer) is the second row.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bench._common import Context, Row, fmt_ms, fmt_ratio, goal_row, median
from bot.alerts.timeline_picture import encode_png, render, render_png
from tests.timeline_fixtures import many

NAME = "picture"
STORIES = 50
GOAL = 0.300


def _timed(fn: Callable[[], object], rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return median(samples)


async def run(ctx: Context) -> list[Row]:
    stories = many(STORIES)
    person = stories[0].person
    render_png(person, stories)  # warm-up: fonts and marker sprites, as after the bot's first picture
    image = render(person, stories)

    def encode() -> bytes:
        return encode_png(image)

    rounds = 5 if ctx.quick else 15
    drawn = _timed(lambda: render_png(person, stories), rounds)
    floor = _timed(encode, rounds)
    size = f"{image.width}×{image.height} px, {len(encode()) // 1024} KB"
    ctx.log(f"  picture: {fmt_ms(drawn)} to draw {STORIES} stories ({size}); encoding alone {fmt_ms(floor)}")
    ratio = drawn / floor
    return [
        Row(f"/timeline picture, {STORIES} stories: drawn vs PNG encoding alone", fmt_ms(drawn), fmt_ms(floor),
            ratio, fmt_ratio(ratio), "—", None, note=f"{size}; median of {rounds} rounds"),
        goal_row(f"/timeline picture, {STORIES} stories", drawn, GOAL, fmt_ms),
    ]
