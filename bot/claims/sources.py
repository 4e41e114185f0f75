"""Who an item says reported a development ("according to Marca", "Romano reports", "— Sky").

Read from the sentence frame (see kinds.py): `@s` is a known outlet or journalist, `@p` a
person name, `@c` a club. Reporting verbs make an unknown name a source only when a
journalist's word stands by it ("journalist X", "X reports"); "X says" alone is a speaker,
not a reporter. A club announcing something is the club itself ("official").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from bot.claims.frame import Frame
from bot.claims.lexicon import NATIONALITIES

_REPORT_VERBS = (
    r"(?:reports?|reported|reporting|understands?|understood|reveals?|revealed|has learned|have "
    r"learned|has learnt|can reveal|writes|wrote|states|claims?|claimed|says|said|adds|added|"
    r"indicates|suggests|notes|confirms|confirmed|exclusive|tweeted|posted)"
)
_PERSON_VERBS = r"(?:reports?|reported|understands|understood|has learned|has learnt|can reveal|writes|wrote)"
_SPEAKER_VERBS = r"(?:says|said|insists|insisted|told|tells|admits|admitted|confirms|confirmed|reveals|revealed|explains|explained|announced|announces|has announced)"
_JOURNALIST = r"(?:journalist|reporter|correspondent|insider|expert|editor|pundit|columnist|writer)"

# (pattern, group holding the slot). Earlier patterns win.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\baccording to (?:the )?(?:\S+ )?(?P<s>@s|@p|@c)\b"),
    re.compile(r"\b(?:per|via|reports? (?:in|from|by)|report by|writing (?:in|for)) (?:the )?(?P<s>@s)\b"),
    # "told Norwegian broadcaster NRK", "speaking to the Spanish outlet AS"
    re.compile(r"\b(?:told|tells|telling|speaking to|in an interview with) (?:the )?(?:(?!@)\S+ ){0,2}?(?P<s>@s)\b"),
    re.compile(r"\b(?:per|via) (?P<s>@p)\b"),
    re.compile(r"(?P<s>@s) (?:\S+ )?" + _REPORT_VERBS + r"\b"),
    re.compile(r", (?:reports?|reported|says|said|claims?|writes|wrote|adds|understands|according to) (?:the )?(?P<s>@s)\b"),
    re.compile(r", (?:reports?|reported|writes|wrote) (?P<s>@p)\b"),
    re.compile(r"(?P<s>@s) sources\b|\bsources (?:at|from|in) (?P<t>@s)\b"),
    re.compile(_JOURNALIST + r" (?P<s>@p)\b"),
    re.compile(r"(?P<s>@p) " + _PERSON_VERBS + r"\b"),
    re.compile(r"(?:^| )[-—–] (?P<s>@s) (?:[.!]? )?$|\( (?P<t>@s) \) (?:[.!]? )?$"),
    re.compile(r"(?P<s>@c) (?:have |has )?(?:announced|announce|announces|confirm|confirms|confirmed|statement|said in a statement|said|says|say)\b|\bthe (?:\S+ ){0,2}?(?:club|champions|side|giants|hierarchy|board|outfit) (?:have |has )?(?P<c>announced|confirmed|said in a statement|said|say)"),
)
# A person speaking for themselves or their club ("Arteta insists ...") is the source, when
# nobody reports it.
# "Gattuso confirmed as Italy coach" is passive: nobody speaks.
_SPEAKER = re.compile(r"(?P<q>@p) (?:, (?:\S+ ){1,6}?, )?" + _SPEAKER_VERBS + r"\b(?! as\b)|, " + _SPEAKER_VERBS + r" (?P<r>@p) (?:[.!]? )?$")
_SAYS = r"(?:reports?|reported|say|says|said|claim|claims|claimed|suggest|suggests|expect|expects|understand|understands|believe|believes|insist|insists|announced|announces|confirmed|confirms|named|names|appointed|has |have |in a statement)"
# Sources that are no name in the tables: a governing body ("the Italian Football
# Federation"), a country's press ("according to Spanish media", "French media report").
_BODY = r"(?:\S+ ){1,2}?football (?:association|federation|confederation|union)"
_PRESS = r"(?:" + "|".join(sorted(NATIONALITIES)) + r") (?:media|press|newspapers|outlets|reports|television|tv|radio)"
_LITERALS = (
    re.compile(r"\baccording to (?:the )?(?P<l>" + _BODY + "|" + _PRESS + r")\b"),
    re.compile(r"(?:^|, |the )(?P<l>" + _BODY + "|" + _PRESS + r") " + _SAYS),
)
_CLOSE = re.compile(r"\bsources? close to (?:the )?(?:\S+ ){0,3}?(?=(?:say|says|said|claim|suggest|indicate|insist|are|is|have|believe|report|\.|,|;|$))")


def find(fr: Frame, words: Callable[[], list[str]]) -> tuple[int | None, str | None, bool]:
    """(unit index of the source slot, literal source text, whether that slot is a speaker).

    Returns the unit index of a slot (resolve it with the frame), or a literal phrase such
    as "sources close to the player"; "@club" in the literal means "the club" announcing.
    A speaker stays a possible subject ("Szoboszlai says he is happy"); a reporter does not.
    `words` gives the units as written, built only when a literal phrase is returned.
    """
    for rx in _PATTERNS:
        m = rx.search(fr.text)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("c"):
            return None, "@club", False
        slot = next((g for g in ("s", "t") if groups.get(g)), None)
        if slot is None:
            continue
        return bisect_right(fr.offsets, m.start(slot)) - 1, None, False
    for rx in _LITERALS:
        m = rx.search(fr.text)
        if m:
            return None, _phrase(fr, words(), m.start("l"), m.end("l"), article=True), False
    m = _CLOSE.search(fr.text)
    if m:
        phrase = _phrase(fr, words(), m.start(), m.end(), article=False)
        return None, phrase[:1].lower() + phrase[1:], False  # "Sources close to ..." heads a headline
    m = _SPEAKER.search(fr.text)
    if m:
        slot = "q" if m.group("q") else "r"
        return bisect_right(fr.offsets, m.start(slot)) - 1, None, True
    return None, None, False


def _phrase(fr: Frame, words: list[str], start_char: int, end_char: int, article: bool) -> str:
    start = bisect_right(fr.offsets, start_char) - 1
    end = bisect_right(fr.offsets, max(end_char - 1, start_char))
    if article and words[start].casefold() == "the":
        start += 1
    return " ".join(words[k] for k in range(start, end)).strip()
