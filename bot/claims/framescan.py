"""One keyword search of a frame's text for both gates that read frames.

Each analysed sentence's frame is searched by the source patterns' gate (sentence._source_of)
and then by the kind patterns' gate (kinds.triggers, Gate.which): two Aho-Corasick passes over
the same text. One automaton holding both gates' keywords (the same spaced keys, prefilter.py),
each with the needs it meets for either gate, gives both sets in one pass: a gate's needs are met
by the same keyword occurrences either way, and a keyword only the other gate has adds none of
its needs. Both sets are kept for the item (text.item_memo), so the second gate's search is a
look-up. The kind gate's searches of titles and summaries (flat texts, no frame) stay its own.
Off with text.REUSE (the with/without comparisons): each gate then searches alone.
"""

from __future__ import annotations

import ahocorasick

from bot.claims import text as text_module
from bot.claims.prefilter import Gate, _spaced
from bot.claims.text import item_memo, remember


class FrameScan:
    """The needs a frame's text meets for `kinds` (asked with frame=True) and for `sources`
    (which reads frames only), found in one search an item."""

    def __init__(self, kinds: Gate, sources: Gate) -> None:
        self.kinds, self.sources = kinds, sources
        both: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
        for key, needs in kinds.keys.items():
            both[key] = (needs, frozenset())
        for key, needs in sources.keys.items():
            both[key] = (both.get(key, (frozenset(), frozenset()))[0], needs)
        self._auto = ahocorasick.Automaton()
        for key, pair in both.items():
            self._auto.add_word(key, pair)
        if both:
            self._auto.make_automaton()
        self._memo = item_memo()  # a frame's text -> (kinds' needs met, sources' needs met)
        kinds.frames = sources.frames = self

    def met(self, gate: Gate, text: str, frame: bool) -> set[int]:
        """gate.scan(text), for a frame's text from the shared search."""
        if not text_module.REUSE or gate is self.kinds and not frame or gate is not self.kinds and gate is not self.sources:
            return gate.scan(text)
        got = self._memo.get(text)
        if got is None:
            kinds_met: set[int] = set()
            sources_met: set[int] = set()
            if text:
                for _, (k, s) in self._auto.iter(_spaced(text)):
                    kinds_met |= k
                    sources_met |= s
            got = remember(self._memo, text, (kinds_met, sources_met))
        return set(got[0] if gate is self.kinds else got[1])
