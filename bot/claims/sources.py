"""Who an item says reported a development ("according to Marca", "Romano reports", "— Sky").

Read from the sentence frame (see kinds.py): `@s` is a known outlet or journalist, `@p` a
person name, `@c` a club. Reporting verbs make an unknown name a source only when a
journalist's word stands by it ("journalist X", "X reports"); "X says" alone is a speaker,
not a reporter. A club announcing something is the club itself ("official").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.claims.kinds import Frame

_REPORT_VERBS = (
    r"(?:reports?|reported|reporting|understands?|understood|reveals?|revealed|has learned|have "
    r"learned|has learnt|can reveal|writes|wrote|states|claims?|claimed|says|said|adds|added|"
    r"indicates|suggests|notes|confirms|confirmed|exclusive|tweeted|posted)"
)
_PERSON_VERBS = r"(?:reports?|reported|understands|understood|has learned|has learnt|can reveal|writes|wrote)"
_SPEAKER_VERBS = r"(?:says|said|insists|insisted|told|tells|admits|admitted|confirms|confirmed|reveals|revealed|explains|explained)"
_JOURNALIST = r"(?:journalist|reporter|correspondent|insider|expert|editor|pundit|columnist|writer)"

# (pattern, group holding the slot). Earlier patterns win.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\baccording to (?:the )?(?:\S+ )?(?P<s>@s|@p|@c)\b"),
    re.compile(r"\b(?:per|via|told|tells|telling|speaking to|in an interview with|reports? (?:in|from|by)|report by|writing (?:in|for)) (?:the )?(?P<s>@s)\b"),
    re.compile(r"\b(?:per|via) (?P<s>@p)\b"),
    re.compile(r"(?P<s>@s) (?:\S+ )?" + _REPORT_VERBS + r"\b"),
    re.compile(r", (?:reports?|reported|says|said|claims?|writes|wrote|adds|understands|according to) (?:the )?(?P<s>@s)\b"),
    re.compile(r", (?:reports?|reported|writes|wrote) (?P<s>@p)\b"),
    re.compile(r"(?P<s>@s) sources\b|\bsources (?:at|from|in) (?P<t>@s)\b"),
    re.compile(_JOURNALIST + r" (?P<s>@p)\b"),
    re.compile(r"(?P<s>@p) " + _PERSON_VERBS + r"\b"),
    re.compile(r"(?:^| )[-—–] (?P<s>@s) (?:[.!]? )?$|\( (?P<t>@s) \) (?:[.!]? )?$"),
    re.compile(r"(?P<s>@c) (?:have |has )?(?:announced|announce|announces|confirm|confirms|confirmed|statement|said in a statement|said|says|say)\b|\bthe (?:\S+ ){0,2}?(?:club|champions|side|giants|hierarchy|board|outfit) (?:have |has )?(?P<c>announced|confirmed|said in a statement|said|say)"),
    # A person speaking for themselves or their club ("Arteta insists ...") is the source.
    re.compile(r"(?P<q>@p) (?:, (?:\S+ ){1,6}?, )?" + _SPEAKER_VERBS + r"\b|, " + _SPEAKER_VERBS + r" (?P<r>@p) (?:[.!]? )?$"),
)
_CLOSE = re.compile(r"\bsources? close to (?:the )?(?:\S+ ){0,3}?(?=(?:say|says|said|claim|suggest|indicate|insist|are|is|have|believe|report|\.|,|;|$))")


def find(fr: Frame, words: list[str]) -> tuple[int | None, str | None, bool]:
    """(unit index of the source slot, literal source text, whether that slot is a speaker).

    Returns the unit index of a slot (resolve it with the frame), or a literal phrase such
    as "sources close to the player"; "@club" in the literal means "the club" announcing.
    A speaker stays a possible subject ("Szoboszlai says he is happy"); a reporter does not.
    """
    for rx in _PATTERNS:
        m = rx.search(fr.text)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("c"):
            return None, "@club", False
        slot = next((g for g in ("s", "t", "q", "r") if groups.get(g)), None)
        if slot is None:
            continue
        return bisect_right(fr.offsets, m.start(slot)) - 1, None, slot in {"q", "r"}
    m = _CLOSE.search(fr.text)
    if m:
        start = bisect_right(fr.offsets, m.start()) - 1
        end = bisect_right(fr.offsets, max(m.end() - 1, m.start()))
        phrase = " ".join(words[k] for k in range(start, end)).strip()
        phrase = phrase[:1].lower() + phrase[1:]  # "Sources close to ..." heads a headline
        return None, phrase, False
    return None, None, False
