"""An ASCII text's searches by ASCII classes find what the Unicode ones find: the tokenizer's
_TOKEN_ASCII and ordinary.py's _ASCII_FORMS, on the bench stream's texts and on generated ASCII
text (every ASCII character, the marks and words the patterns turn on)."""

from __future__ import annotations

import random

from bench.bench_extract import synthetic
from bot.claims import ordinary
from bot.claims import text as text_module
from bot.claims.text import clean, sentences

_WORDS = ["Slot", "slot", "the", "Arsenal's", "Rangers'", "boss", "are", "remain", "agree", "in", "talks", "and",
          "as", "-", "'s", "x_y", "9", "2,000", ",", ".", ":", ";", "\n", "A", "McTominay", "van", "de", "Jr",
          "O'Neil", "co-op", "future", "agent", "$45m", "$4.5bn", "$3k", "ex-Spurs", "U-turn", "\x1c", "\t"]


def _ascii_texts() -> list[str]:
    rng = random.Random(12)
    texts = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 15))) for _ in range(4000)]
    texts += ["".join(chr(rng.randrange(128)) for _ in range(rng.randint(0, 25))) for _ in range(4000)]
    for title, summary in synthetic(300):
        texts += [title, summary, clean(summary), *sentences(clean(summary))]
    return [t for t in texts if t.isascii()]


def test_ascii_tokens_are_the_unicode_tokens() -> None:
    texts = _ascii_texts()
    assert [text_module._TOKEN_ASCII.findall(t) for t in texts] == [text_module._TOKEN.findall(t) for t in texts]


def test_ascii_evidence_searches_find_what_the_unicode_ones_find() -> None:
    texts = _ascii_texts()
    for ascii_form, form in zip(ordinary._ASCII_FORMS, ordinary._FORMS, strict=True):
        assert [ascii_form.findall(t) for t in texts] == [form.findall(t) for t in texts], form.pattern[:60]
