"""The keyword gate's short cuts say what the plain reading says: flat() by table is flat() by
pattern, any() is bool(which()), on the bench stream's texts and frames and on generated text."""

from __future__ import annotations

import random

from anyascii import anyascii

from bench.bench_extract import synthetic
from bot.claims import flatten, kinds
from bot.claims import sentence as sentence_module
from bot.claims.prefilter import YES, Gate, flat
from bot.claims.text import clean, strip_boilerplate


def _flat_by_pattern(text: str) -> str:
    if not text.isascii():
        text = anyascii(flatten._NOT_ASCII_WORD.sub(" ", text))
    return flatten._FLAT.sub(" ", text.casefold())


def test_the_flat_table_holds_every_character_the_pattern_matches() -> None:
    assert sorted(flatten._FLAT_TABLE) == [c for c in range(0x110000) if flatten._FLAT.fullmatch(chr(c))]


def test_flat_reads_as_the_pattern_does() -> None:
    rng = random.Random(4)
    marks = "aZé ß'’-‐‑._\t\n\u00a0\u2003İﬁ&ǅ..--"
    texts = ["".join(rng.choice(marks) for _ in range(rng.randint(0, 20))) for _ in range(5000)]
    texts += [clean(t) + " " + strip_boilerplate(clean(s)) for t, s in synthetic(500)]
    texts += ["Saint-Étienne’s  deal - done. ", " -- ", ""]
    assert [flat(t) for t in texts] == [_flat_by_pattern(t) for t in texts]


def test_flat_reads_every_ascii_character_as_the_pattern_does() -> None:
    texts = [f"Ab{chr(c)}cD" for c in range(128)] + [chr(c) * 3 + "x" for c in range(128)] + ["é" + chr(c) for c in range(128)]
    assert [flatten._flat(t) for t in texts] == [_flat_by_pattern(t) for t in texts]


def _texts() -> list[str]:
    """Flat titles and summaries, and frames with their slots, as the gates see them."""
    items = synthetic(800)
    out = [flat(clean(t)) for t, _ in items] + [flat(strip_boilerplate(clean(s))) for _, s in items]
    rng = random.Random(9)
    words = sorted({w for t in out for w in t.split()}) + ["@p", "@c", "@s", "@m", "'s", "?", ":", ","]
    return out + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(3000)]


def test_any_says_whether_which_lets_a_pattern_through() -> None:
    texts = _texts()
    for gate in (kinds._GATE, sentence_module._SOURCE_GATE):
        assert [gate.any(t) for t in texts] == [bool(gate.which(t)) for t in texts]
        pairs = list(zip(texts[::2], texts[1::2], strict=False))
        assert [gate.any(a, b) for a, b in pairs] == [bool(gate.which(a, b)) for a, b in pairs]


def _met_by_edges(gate: Gate, text: str) -> set[int]:
    """The needs a text meets, read the plain way: every occurrence of every keyword, its word
    edges looked at in the text itself (a word edge: the text's end, or a character that is no
    lower-case ASCII letter or digit)."""
    met: set[int] = set()
    for (word, before, after), n in gate.ids.items():
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            edge_before = start == 0 or not ("a" <= text[start - 1] <= "z" or text[start - 1].isdigit() and text[start - 1].isascii())
            edge_after = end == len(text) or not ("a" <= text[end] <= "z" or text[end].isdigit() and text[end].isascii())
            if (before != YES or edge_before) and (after != YES or edge_after):
                met.add(n)
                break
            start = text.find(word, start + 1)
    return met


def test_the_needs_met_are_the_keywords_found_with_their_edges() -> None:
    """Gate._met finds each keyword in the text with every mark spaced out (_spaced), a word edge
    being a space there: the same needs as looking at the edges of every occurrence. On titles,
    summaries and frames of the bench stream, generated texts of their words and marks, and texts
    with other characters (upper case, accents, symbols) as frames and money may hold."""
    texts = _texts()
    rng = random.Random(3)
    chars = "ab on to?:,.£€'’-@ÉéZ9\u00a0"
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 16))) for _ in range(3000)]
    for gate in (kinds._GATE, sentence_module._SOURCE_GATE, Gate([rx for _, rx, _ in kinds.PATTERNS], slots=True)):
        assert [gate._met(t) for t in texts] == [_met_by_edges(gate, t) for t in texts]
