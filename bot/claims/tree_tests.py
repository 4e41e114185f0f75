"""A requirement tree (prefilter.py) as Python source: a test of the set of needs a text meets.

The keyword gate runs a pattern's test on every new set of needs met (answers.py keeps each
answer per set, but most of a live stream's summaries meet a set no text met before), and a
pattern made of long alternations has a tree of up to a few hundred needs, most of them single
keywords side by side in one "or". Written need by need ("3 in m or 5 in m or ..."), a test
that fails reads every one of them in Python; here the keywords that stand side by side in one
"or" or one "and" are one set, asked in one call ("not m.isdisjoint(_k0)", "_k1 <= m"). The
same answer for every set of needs (tests/claims/test_prefilter_trees.py compares the two).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Tree = tuple[Any, ...]  # ("kw", need), or ("and"/"or", children): prefilter's requirement tree
Need = tuple[str, int, int]


def _number(tree: Tree, ids: dict[Need, int]) -> None:
    """Number the tree's needs in `ids` in the order a walk of the tree meets them (the numbers
    the need-by-need source gave them: the gate's keyword automaton is built from `ids`)."""
    if tree[0] == "kw":
        ids.setdefault(tree[1], len(ids))
        return
    for child in tree[1]:
        _number(child, ids)


def _source(tree: Tree, ids: dict[Need, int], sets: list[frozenset[int]]) -> str:
    if tree[0] == "kw":
        return f"{ids[tree[1]]} in m"
    if not tree[1]:
        return "True"
    keywords = [ids[child[1]] for child in tree[1] if child[0] == "kw"]
    # The keywords' set first: one call in C, and most tests that fail fail there.
    parts = [_source(child, ids, sets) for child in tree[1] if child[0] != "kw"]
    if len(keywords) == 1:
        parts.insert(0, f"{keywords[0]} in m")
    elif keywords:
        name = f"_k{len(sets)}"
        sets.append(frozenset(keywords))
        parts.insert(0, f"{name} <= m" if tree[0] == "and" else f"not m.isdisjoint({name})")
    return "(" + (" and " if tree[0] == "and" else " or ").join(parts) + ")"


def source(tree: Tree, ids: dict[Need, int], sets: list[frozenset[int]]) -> str:
    """A Python expression over `m` (the numbers of the needs met) that holds when the tree does;
    each set of keywords it asks at once is appended to `sets` and named `_k` and its index there."""
    _number(tree, ids)
    return _source(tree, ids, sets)


def compiled(tests: list[str], sets: list[frozenset[int]], bound: Mapping[str, object]) -> Callable[[frozenset[int]], bool]:
    """`lambda m: <tests joined by and>`, reading the keyword sets and `bound` (named as the
    tests name them) from its closure."""
    names = {**bound, **{f"_k{n}": s for n, s in enumerate(sets)}}
    make = eval(f"lambda {', '.join(names)}: lambda m: " + " and ".join(tests), {})  # noqa: S307
    return make(*names.values())  # type: ignore[no-any-return]
