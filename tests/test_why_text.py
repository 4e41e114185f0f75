"""/why's answer as Discord shows it (cogs/why.py): one embed description, its code block whole."""

from __future__ import annotations

import pytest

from bot import service
from bot.literal import clip
from cogs.why import DESCRIPTION_LIMIT, why_embed, why_text

READING = [f"token {n}: Liverpool defender Ibrahima Konaté, `club` Real Madrid" for n in range(30)]


@pytest.mark.parametrize("answer_chars", [*range(0, 4200, 97), *range(3960, 4110)])
def test_a_long_answer_keeps_its_code_block_whole_and_fits_the_embed(answer_chars: int) -> None:
    lines = [("x" * 79 + "\n") * (answer_chars // 80) + "y" * (answer_chars % 80)]
    text = why_embed(service.WhyAnswer(lines=lines, explain=READING)).description or ""
    assert len(text) <= DESCRIPTION_LIMIT
    assert text.count("```") % 2 == 0, text[-80:]
    if "```" in text:
        assert text.endswith("\n```")


def test_a_short_answer_shows_the_reading() -> None:
    text = why_text(service.WhyAnswer(lines=["Posted in #transfers."], explain=READING))
    assert text.startswith("Posted in #transfers.\nHow the extractor reads it now:\n```\ntoken 0:")
    assert "`club`" not in text and "'club'" in text  # feed text cannot close the block early
    assert text.count("```") == 2 and text.endswith("… 10 more lines (`python -m bot why URL` shows all)\n```")


def test_clip_with_no_room_or_room_for_the_ellipsis_only() -> None:
    assert clip("abc", 3) == "abc" and clip("abcd", 3) == "ab…"
    assert clip("abc", 1) == "…"
    assert clip("abc", 0) == "" and clip("abc", -5) == ""
    assert clip("", 0) == ""
