"""The plain-stop splitter (text.plain_spans) splits as syntok does wherever it has a say, and
hands every other text to syntok: sentences() gives the same sentences as syntok alone.

Checked on every text the extractor splits in the fixtures, the benchmark stream and (when
present) the shared labelled sets, and on generated text. A real item's text never appears in a
message: a failure names how many texts differ.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.bench_extract import synthetic
from bot.claims.text import (
    ABBREVIATIONS,
    SHORT_WORDS,
    _bounded,
    clean,
    paragraphs,
    plain_spans,
    sentences,
    strip_boilerplate,
    syntok_spans,
)
from tests.claims.shared_data import jsonl, shared_rows

DATA = Path(__file__).parent.parent / "data"


def _syntok(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in syntok_spans(text) if b > a]


def _differ(texts: Iterator[str]) -> tuple[int, int]:
    """(texts the splitter read itself, of those how many it split otherwise than syntok)."""
    plain = differ = 0
    for text in texts:
        spans = plain_spans(text)
        if spans is not None:
            plain += 1
            differ += spans != _syntok(text)
    return plain, differ


def _texts(rows: list[dict[str, Any]]) -> Iterator[str]:
    """Every text extract_claims splits: the title and the summary's (or article's) paragraphs."""
    for r in rows:
        yield clean(r.get("title") or "").strip()
        summary = strip_boilerplate(clean(r.get("summary") or ""))
        for p in paragraphs(summary, r.get("content") or ""):
            yield p.strip()


def test_a_summary_of_plain_sentences_splits_at_each_stop() -> None:
    text = "Arsenal are in talks with Porto. Negotiations are described as advanced . More to follow!"
    assert sentences(text) == ["Arsenal are in talks with Porto.", "Negotiations are described as advanced .",
                               "More to follow!"]
    assert plain_spans(text) is not None


def test_a_full_stop_inside_a_web_address_ends_nothing() -> None:
    text = "According to Goal.com, the clubs spoke again on Monday. A decision is expected."
    assert sentences(text) == ["According to Goal.com, the clubs spoke again on Monday.", "A decision is expected."]


@pytest.mark.parametrize("text", [
    "He joined St. Pauli. Then he left.",  # an abbreviation
    "Arsenal vs. Chelsea. Then it rained.",
    "He met Mr. X. Then he left.",  # an initial
    "The fee is £3.5m. Then it rose.",  # a decimal
    "He said \"I will stay.\" Then he left.",  # quotes
    "He left (again). Then he came back.",  # brackets
    "He left the club. then it rained.",  # a lower-case word after the stop
    "FC. 2019 was his year.",  # a digit after the stop
    "He waited... Then he signed.",
    "He saw de. Then he left.",  # a short word that may abbreviate something
    "Atletico extended his deal until 2027. Jan Oblak stays.",  # a date running into a month's abbreviation
    "The fee was agreed on March 5. Jan Bednarek then signed.",
    "He scored 20. Mar Cucurella replied.",
    "He wore the shirt of Henry VIII. Kane laughed.",  # a Roman numeral
    "The report came from Brig. Kane Smith.",  # an abbreviation of syntok's own, not in our list
])
def test_an_unclear_stop_is_left_to_syntok(text: str) -> None:
    assert plain_spans(text) is None
    assert sentences(text) == [s for a, b in _syntok(text) for s in _bounded(text[a:b])]


@pytest.mark.parametrize("word", sorted(SHORT_WORDS))
def test_syntok_ends_a_sentence_after_each_short_word_however_cased(word: str) -> None:
    for form in (word, word.capitalize(), word.upper()):
        text = f"He saw {form}. Then he left."
        assert plain_spans(text) == _syntok(text) == [(0, len(form) + 8), (len(form) + 9, len(text))]


def test_no_abbreviation_is_also_a_short_word() -> None:
    assert not ABBREVIATIONS & SHORT_WORDS


def test_own_fixtures_and_the_benchmark_stream_split_as_syntok_does() -> None:
    paths = sorted((DATA / "eval").glob("*.jsonl")) + [DATA / "extract_dev.jsonl"]
    rows = [row for p in paths for row in jsonl(p)]
    plain, differ = _differ(_texts(rows))
    assert differ == 0, f"{differ} of {plain} fixture texts split otherwise than syntok"
    stream = [{"title": t, "summary": s} for t, s in synthetic(1500)]
    plain, differ = _differ(_texts(stream))
    assert differ == 0, f"{differ} of {plain} bench texts split otherwise than syntok"
    assert plain > 1000  # most of the bench stream's summaries are plain


# Generated text: sentences that mostly open with a capital, of plain words (names, clubs, amounts,
# short words) and now and then an odd one (an abbreviation, an initial, a web address, a mark).
_PLAIN_WORDS = ("the club he signed left joined reports that deal talks agreed medical striker Arsenal Chelsea "
                "Madrid Porto Lorenzo Vasquez 2-1 3-0 2019 45,000 £45m €3m 5pm 10k it's players O'Neill "
                "Alexander-Arnold Ødegaard Álvaro Goal.com")
_PLAIN = _PLAIN_WORDS.split() + sorted(SHORT_WORDS)
_ODD_WORDS = ("Football.London D.C. St. Mr. e.g. a.m. 3.5 U.S. Sky.it players' x Q vs. Vs. etc. Co. Jr. no. "
              "Jan. de fr es incMr I A & - – / : ; , % ( ) \" ' “ ” ‘ ’ … ! ? . ...")
_ODD = _ODD_WORDS.split() + sorted(ABBREVIATIONS)
_CAPS = [w for w in _PLAIN if w[0].isupper()] + ["1", "10", "2019", "2-1", "£5m"]  # "1." may number a list
_ENDS = [".", "!", "?", "?!", "!!", " ."]
_ODD_ENDS = [" !", "...", "…", ".\"", ".)", ":", ";", ""]


def _generated(seed: int, n: int) -> Iterator[str]:
    rng = random.Random(seed)

    def word() -> str:
        return rng.choice(_ODD if rng.random() < 0.02 else _PLAIN)

    for _ in range(n):
        parts = [" ".join([rng.choice(_CAPS)] + [word() for _ in range(rng.randint(0, 6))])
                 + rng.choice(_ODD_ENDS if rng.random() < 0.05 else _ENDS) for _ in range(rng.randint(2, 4))]
        yield rng.choice([" ", " ", " ", ""]).join(parts).strip()


def test_generated_text_splits_as_syntok_does() -> None:
    plain, differ = _differ(_generated(12, 6000))
    assert plain > 1000
    assert differ == 0, f"{differ} of {plain} generated texts split otherwise than syntok"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["labelled/items_h", "labelled/items_f", "labelled/items_seeds", "headlines_2026"])
def test_real_items_split_as_syntok_does(name: str) -> None:
    plain, differ = _differ(_texts(shared_rows(name)))  # counts only in any message
    assert differ == 0, f"{differ} of {plain} texts split otherwise than syntok"
