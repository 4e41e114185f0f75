"""How selective a keyword gate's need, or a set of them, is (prefilter.py): which clause of a
pattern is its most selective, and which one opens it. Speed only: the gate's answers never depend
on the choice (a pattern's check asks every clause, whichever opened it)."""

from __future__ import annotations

# A need: (keyword, edge before, edge after); an edge is YES (a word edge is certain),
# NO (unknown) or OPEN (the keyword starts/ends its part of the pattern: ask the context).
YES, NO, OPEN = 1, 0, 2
Need = tuple[str, int, int]
Clause = frozenset[Need]  # one of its needs is met by every match


# Words too common to pick when a pattern offers a rarer one (speed only, never results): articles,
# pronouns, "and", "or" and "to be". Not "not", "no", modals or prepositions: a pattern needing "not
# ... plans" let through wherever "plans" stood sent many summaries on to the binding gate (callgrind,
# 2,000 items: 6.2 % fewer instructions synthetic, 5.4 % headlines; an empty list or only articles do worse).
COMMON = frozenset({"a", "an", "the", "his", "her", "their", "its", "and", "or", "is", "are", "was", "be"})


def score(needs: frozenset[Need]) -> tuple[int, int]:
    """How selective a set is, by its weakest keyword: its length (a mark counts four, "?"
    is rare in headlines), one more per certain word edge, a common word nothing, nor a word of two
    letters with an edge unsure ("on" may end "season": tests/claims/test_families_gate.py)."""
    return min(0 if w in COMMON or len(w) == 2 and not a == b == YES else (4 if len(w) == 1 else len(w))
               + (a == YES) + (b == YES) for w, a, b in needs), -len(needs)


# Prepositions stand in most titles and summaries: a clause with one opened its pattern on nearly every
# text, to fail its check there (speed only: a check asks every clause, whichever opens it). Preferring
# another clause: 11.2 -> 7.6 patterns opened in vain a synthetic text, 7.1 -> 5.2 a real headline.
FREQUENT = COMMON | frozenset({"for", "for the", "to", "with", "on", "on the", "out", "over", "about", "in",
                              "of", "at", "from", "by", "as", "into", "up", "off"})


def opening(clauses: list[Clause]) -> int | None:
    """The clause whose needs open its pattern (Gate._opens): the most selective with no frequent word."""
    return max(range(len(clauses)), default=None,
               key=lambda k: (not any(w in FREQUENT for w, _, _ in clauses[k]), score(clauses[k])))
