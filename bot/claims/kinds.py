"""Which development a clause asserts: verb and noun patterns over a slotted frame.

A sentence becomes a *frame*: its token keys with entities replaced by slots (`@c` club,
`@p` person, `@s` source, `@m` money, `@y` year). Patterns read the frame, so "Real Madrid
table £60m bid for Liverpool's Konaté" is `@c table @m bid for @c 's @p`. Each pattern
names a kind and where its person stands: `after` the trigger (the club acts on the person),
`before` it (the person acts), or `near` (either side, after first).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from bot.claims import deal_talk, families, forms, getting, letting_go
from bot.claims.family_senses import other_sense, shares_senses
from bot.claims.frame import Frame, Trigger
from bot.claims.prefilter import Gate, flat
from bot.claims.segments import may_hold

_NEG = re.compile(r"\b(?:not|no|nobody|no one|never|without|nor|against|fail(?:s|ed|ing)? to|unable to|cannot|\w*n t|(?:ca|could|did|do|does|wo|would|is|are|was|were|has|have|had|should)nt|pull(?:s|ed|ing)? out of|end(?:s|ed|ing)? speculation (?:about|over|of)|given up on|give up on|gave up on|rather than|instead of|refus(?:e|es|ed|ing)(?: to)?|fail|failed|fails|deny|denies|denied|ruled out|rule out|rules out)\s(?:\S+\s){0,3}$")
# A verb that ends or clears up what follows it, with the trigger in its object (no "by",
# "with", "after" between: "ended speculation by signing" tells the signing).
_ENDED = re.compile(r"\b(?:end(?:s|ed|ing)?(?! of)|put(?:s|ting)? an end to|clear(?:s|ed|ing)? up)\s"
                    r"(?:(?!(?:by|with|after|and|to|as|but|@p|@c)\s)\S+\s){0,3}$")
_NOT_DEAL = r"(?<!sponsorship )(?<!kit )(?<!tv )(?<!broadcast )(?<!broadcasting )(?<!commercial )(?<!shirt )(?<!partnership )(?<!naming )(?<!trade )(?<!stadium )(?<!peace )(?<!media )(?<!boot )(?<!supply )(?<!rights )"

_W = r"(?:\S+ )"  # any one unit and its space


def _p(rx: str) -> re.Pattern[str]:
    """Compile a pattern behind a lookahead on the characters it can start with: Python's
    engine tries every alternative at every position, the lookahead turns most away."""
    try:
        firsts, nullable = _scan(_parser.parse(rx))
    except (TypeError, ValueError, AttributeError):  # an unfamiliar parse: no gate
        firsts, nullable = None, True
    if firsts is None or nullable or not firsts:
        return re.compile(rx)
    return re.compile("(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])(?:" + rx + ")")


def _scan(seq: Iterable[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(characters a parsed sequence can start with, or None for any; whether it can be empty)."""
    out: set[str] = set()
    for op, av in seq:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the next element starts at the same place
        if op is _c.LITERAL:
            return out | {chr(av)}, False
        if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
            return out | {chr(v) for _, v in av}, False
        if op is _c.SUBPATTERN:
            first, nullable = _scan(av[-1])
        elif op is _c.BRANCH:
            scans = [_scan(branch) for branch in av[1]]
            if any(f is None for f, _ in scans):
                return None, False
            first, nullable = set().union(*(f for f, _ in scans if f)), any(n for _, n in scans)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            first, nullable = _scan(av[2])
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


# A contract running down: news in a headline, often background in a summary (see extract).
_EXPIRY = _p(r"\b(?:(?:contract|(?=deal )" + _NOT_DEAL + r"deal) (?:expires|expiring|runs out|running out|ends|ending|is up)|out of contract|final (?:year|months?|season) of (?:his |her |a )?(?:@c )?(?:contract|deal)|(?:run|runs|running) down (?:his|her) (?:@c )?(?:deal|contract)|(?:become|becomes|becoming|will be|set to be|to be) a free agent)\b")


def expiry(fr: Frame, t: Trigger) -> bool:
    """Whether a departure trigger only says that a contract is running down."""
    a, b = fr.offsets[t.start], fr.offsets[t.end - 1] + len(fr.units[t.end - 1][2])
    return _EXPIRY.fullmatch(fr.text, a, b) is not None


# (kind, pattern, direction). Order matters only for overlapping matches of equal length.
PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # --- denial -------------------------------------------------------------------------
    ("denial", _p(r"\bnot for sale\b|\bnot (?:be )?(?:sold|leaving|available)\b"), "near_before"),
    ("denial", _p(r"\brul(?:e|es|ed|ing) out (?:an? |any )?(?:@c )?(?:move|exit|return|switch|transfer|sale|departure|leaving|joining|deal|summer move|january move|interest|job|role|approach|links?)\b"), "near"),
    ("denial", _p(r"\brul(?:e|es|ed|ing) (?:@p )?out (?:of )?(?:an? |any )?(?:@c )?(?:move|exit|return|switch|transfer|sale|departure|leaving|joining|deal)\b"), "near"),
    ("denial", _p(r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|play(?:s|ed|ing)? down|shut(?:s)? down|quash(?:es|ed)?|laugh(?:s|ed)? off|brush(?:es|ed)? off|pour(?:s|ed)? cold water on|debunk(?:s|ed|ing)?|refut(?:e|es|ed|ing)) (?:the )?(?:@p (?:to|and) @c |@c (?:to|and) @p |@c |@p |@p 's |his |her |reported |recent |any )?(?:interest|links?|reports?|rumou?rs?|speculation|claims?|talk of (?:an? )?(?:move|exit|switch)|exit talk|transfer talk|talk(?! of)|approach|contact)\b"), "near"),
    ("denial", _p(r"\bhappy (?:where i am|at @c|here|to stay)\b|\bi (?:m|am) (?:fine|happy|staying|not leaving|going nowhere) (?:at @c|here)?|\b(?:is|am|are|he s) (?:staying|not leaving|going nowhere)\b|\b(?:staying put|stay put|going nowhere|no intention of leaving|will not leave|won t leave|not going anywhere|committed to @c|decision to stay|refus(?:es|ed|ing) to leave|will stay at @c)\b|\b(?:set|expected|poised|likely|tipped|determined|ready|plans?|wants?|decided) to stay\b(?= ?$| [,.;:]| (?:despite|amid|beyond|for another|put)\b)"), "near_before"),
    ("denial", _p(r"\bno (?:pre )?(?:agreement|deal) (?:\S+ ){0,2}?(?:with|agreed|struck|done|in place)\b|\bnot an option\b|\bnothing to do with me\b|\bfully committed\b|\bsee out (?:his|her|my|the) contract\b|\b(?:future|heart) (?:is|lies) (?:at|with) (?=@c)|\bis my home\b|\bno interest in leaving\b|\bwon t let (?:him|her) go\b|\bsnub(?:s|bed)? (?=@c)(?!@c (?:'s )?(?:request|requests|demand|demands|plea|call|invitation)\b)|\bturn(?:s|ed|ing)? down (?:an? )?(?:move|switch) to\b|\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?) (?:\S+ ){0,2}?(?:pre agreement|agreement|deal)\b"), "near_before"),
    ("denial", _p(r"(?<!deal to )(?<!contract to )(?<!terms to )(?<!extension to )\b(?:(?:(?<=to )|(?<=will )|(?<=would )|(?<=could )|(?<=can )|(?<=must ))stay|stays|staying) (?:on )?(?:in charge (?:of|at) |at |with )(?=@c)(?!@c (?:\S+ ){0,3}?(?:until|till|through)\b)"), "near_before"),
    ("denial", _p(r"\b(?:expect(?:s|ed)?|want(?:s|ed)?|tell(?:s)?|told|insist(?:s|ed)?) (?=@p to stay\b)"), "after"),
    ("denial", _p(r"\bsays? no to\b|\bturn(?:s|ed)? down (?:@c |the )?(?:job|role|approach(?! (?:for|over) )|move|chance)\b|\bnot interested in (?:an? )?(?:move|switch|joining|rumou?rs|@c)\b"), "before"),
    # Rebuffing speculation: "labelled claims as nonsense", "shoot down the link as fake news".
    ("denial", _p(r"\b(?:nonsense|rubbish|fake news|untrue|not true|wide of the mark|far from the truth|no truth|pure speculation|fabricat\w*|rubbish(?:es|ed)?|shoot(?:s)? down|shot down|slap(?:s|ped)? down|no intention of (?:selling|leaving|letting)|not (?:looking|planning|wanting) to (?:sell|leave|let)|no plans to (?:sell|leave|let))\b"), "near"),
    # --- departure ----------------------------------------------------------------------
    ("departure", _p(r"\b(?:sack|sacks|fire|fires|dismiss|dismisses|axe|axes|oust|ousts) (?:(?:[a-z][a-z-]* )?(?:manager|coach|head coach|boss|interim|caretaker) )*(?=@p)(?!@p (?:\S+ )?(?:to|into) (?:\S+ ){0,3}?(?:win|wins|victory|title|glory|triumph|lead|final|semi|draw|promotion|top|safety)\b)"), "after"),
    ("departure", _p(r"\b(?:sacked|fired|dismissed(?! (?:as|by)\b)|axed|ousted|relieved of (?:his |her )?duties)\b|(?:(?<=@p )(?<!about @p )(?<!over @p )(?<!of @p )(?<!on @p )(?<!for @p )(?<!to @p )(?<!with @p )(?<!linking @p )|(?<=@p was )|(?<=@p has been ))dismissed by (?=@c)"), "near_before"),
    # A perfect exit is news, the past tense often background: "has left the club".
    ("departure", _p(r"\b(?:has|have) (?:now |officially )?left (?:the club|@c)\b(?! (?:fans|supporters|players|squad|team|stunned|reeling|needing|with|in)\b)|\blos(?:e|es|ing) (?:his|her) job\b|\bcrisis (?:talks|meeting|meetings) (?:over|about|on) (?=@p|(?:his|her) future)"), "near_before"),
    ("departure", _p(r"\bmov(?:e|es|ed|ing) on from (?=@p)"), "after"),
    ("departure", _p(r"(?<!after the )(?<!since the )(?<!following the )\bend of (?:\S+ ){0,3}?(?:@p 's |his |her )(?:@c |\S+ )?(?:reign|tenure|era|stint|spell in charge)\b"), "near"),
    ("departure", _p(r"\b(?:time|spell|tenure|reign|stint|era) (?:in charge )?(?:at|with) (?:the )?@c (?:is|was) (?:over|up)\b|(?<!\S)@p out (?:at|as) (?=@c)"), "near_before"),
    ("departure", _p(r"\b(?:resign(?:s|ed|ing|ation)?|(?:step|stand)(?:s|ped|ping|ing)? down|stood down|quit(?:s|ting)?|walk(?:s|ed)? away|depart(?:s|ed|ure|ing)?|(?<!cup )(?<!tournament )(?<!round )(?<!competition )(?<!euro )(?<!euros )(?<!league )(?<!final )(?<!stage )(?<!play off )exit(?:s|ed|ing)?(?! (?:\S+ ){0,2}?(?:game|match|tournament|competition|cup|interview|poll|room|pitch|field|stage|tunnel|league|trophy|europa|champions|conference|playoffs?|play offs?)\b)|part(?:s|ed|ing)? (?:ways|company)|mutual consent|released(?! (?:\S+ ){0,2}@p)(?! from (?:the |his |her |their )?(?:@c |\S+ ){0,2}?(?:camp|squad|duty|hospital|training|base|hotel)\b)(?! (?:a|an|the|his|her|their|its|this|these)\b)|let go|walk(?:s|ing)? away|(?:heads?|heading) for (?:the )?(?:@c )?exit)\b"), "near_before"),
    ("departure", _p(r"(?<!injury )(?<!injuries )(?<!absence )(?<!absences )(?<!suspension )(?<!suspensions )\b(?:leave|leaves|leaving)\b(?! (?:\S+ ){0,2}?(?<!@c with )@p)(?! (?:\S+ ){0,2}?(?:out|early|pitch|field|fans|him|them|it|us|questions|camp|squad|press|news|training|hospital|game|match|bench|tunnel|letter|party|message|speech|video|do|ceremony|conference)\b)(?! (?:\S+ ){0,2}?(?:taste|mark|impression|scars?|question marks?|void|legacy|memories)\b)(?!(?: \S+){1,3} (?:with an?|in tears|exposed|reeling|stunned|sweating|short|shorthanded|depleted|weakened|needing|without)\b)"), "before"),
    ("departure", _p(r"\b(?:reject(?:s|ed|ing)?|turn(?:s|ed|ing)? down|snub(?:s|bed)?|refus(?:e|es|ed|ing) to sign) (?:an? |the |his |her )?(?:\S+ )?(?:new|fresh|improved|extended) (?:\S+ ){0,2}?(?:contract|deal|terms)\b"), "near_before"),
    ("departure", _p(r"\b(?:transfer request|wants? (?:to leave|out(?! of (?!@c))|a move away|away)|(?:ask|asks|asked) to leave|push(?:es|ing)? for (?:an? )?(?:exit|move away)|decision to leave(?! out)|(?:says?|said|bids?|bade) (?:his |her |their |an emotional |a fond )?(?:goodbyes?|farewells?)|bids? (?:\S+ ){0,3}?farewell)\b"), "near_before"),
    ("departure", _EXPIRY, "near_before"),
    # The end of a career in other words: "his last season as a footballer", "the final year of his career".
    ("departure", _p(r"\b(?:his|her|my) (?:last|final) (?:season |year |campaign )?as a (?:professional |pro )?footballer\b|\b(?:last|final) (?:season|year|campaign|game|match) (?:of|in) (?:his|her|my) (?:playing )?career\b|\b(?:call(?:s|ed|ing)? time on|end(?:s|ed|ing)?) (?:his|her) (?:playing )?career\b"), "near_before"),
    # A manager's job in danger: sacking weighed, the job on the line, patience running out.
    ("departure", _p(r"\b(?:consider(?:s|ing)?|mull(?:s|ing)?|weigh(?:s|ing)? up|plan(?:s|ning)?) (?:\S+ )?(?:sacking|dismissing|replacing)\b|\b(?:job|position|future|fate|tenure) (?:\S+ ){0,4}?(?:on the line|untenable|under review|hanging by a thread|hangs by a thread|in the balance|(?:could|will|set to|is to|to) be (?:settled|decided|sealed))\b|\bfighting for (?:his|her) (?:job|future)\b|\bsave (?:his|her) (?:@c )?(?:job|position|tenure)\b|\bultimatum\b|\blos(?:e|es|ing|t) (?:patience with|faith in|confidence in)\b|\breview(?:s|ing)? (?:@p 's |his |her )position\b"), "near"),
    ("departure", _p(r"\bopen to offers (?:for|on)\b|\b(?:job|position|post|future) (?:\S+ ){0,2}?under (?:serious )?threat\b"), "near"),
    # A player ending a career, and a club letting its own player go: both are departures.
    ("departure", _p(r"\b(?:retire[sd]?|retiring|(?<!before )(?<!reverses )(?<!reversed )(?<!reverse )(?<!out of )(?<!after )retirement(?! u turn| (?:plans|fund|home|age)\b)|hang(?:s|ing)? up (?:his|her|their) boots|hung up (?:his|her) boots)\b"), "near_before"),
    ("departure", _p(r"\b(?:sell|sells|selling|sold off|cash(?:es|ing)? in on|offload(?:s|ed|ing)?|(?:open|prepared|willing|ready|happy|resigned) to (?:letting|let|sell|selling|sanction|offload|part with|lose|losing) (?:\S+ ){0,2}?(?:go|him|her)?|sanction(?:s|ed|ing)? (?:\S+ ){0,2}?(?:departure|exit|sale)|put (?:\S+ ){0,2}?up for sale|(?:asking|price) (?:price|tag)|set(?:s|ting)? (?:an? |the |his |her )?(?:\S+ )?(?:price|valuation|fee) (?:for|on)|transfer list(?:ed)?|up for sale|available for transfer)\b(?! (?:\S+ ){0,2}?(?:shirts|tickets|out)\b)(?! (?:players|stars|assets|themselves|itself|short|before|tickets|shirts|the club|the dream|the idea|the project)\b)"), "near"),
    ("departure", _p(r"\b(?:future (?:\S+ ){0,3}?(?:in doubt|uncertain|up in the air|unclear|in question|very open|open)|(?:uncertain|doubts? over|questions? over|uncertainty (?:over|surrounding)) (?:@p 's |his |her )?(?:@c )?future|on the way out|(?:shown|show) the door|(?:his|her) time (?:\S+ ){0,2}?is up|under (?:\S+ )?pressure(?! to (?!(?:keep|save) (?:his|her) job))|pressure (?:\S+ )?(?:mounts|mounting|grows|growing|builds|building|increases|piles|intensifies) on|(?:fac(?:e|es|ing)|fear(?:s|ed|ing)?) the (?:sack|axe|chop)|on borrowed time|(?:reign|tenure|era|stint) (?:\S+ ){0,2}?(?:ends|ended|is over|comes to an end|came to an end)|in the firing line|(?:sack|axe) (?:looms|looming|hovering|hangs)|(?:job|position|future) (?:\S+ ){0,2}?(?:hangs? in the balance|hanging in the balance|in jeopardy|in danger|at risk)|sack (?:talks|race|threat|fears?)|(?:on|under) thin ice|set to leave|expected to leave|edg(?:e|es|ing) (?:closer )?(?:towards? )?(?:the )?(?:@c )?exit)\b"), "near_before"),
    # --- contract extension -------------------------------------------------------------
    ("contract_extension", _p(r"\b(?:(?:sign|signs|signed|signing|agree|agrees|agreed|agreeing|pen|pens|penned|set for|close to agreeing) (?:an? )?)?(?:new|fresh|improved|bumper|lucrative|updated|extended) (?:(?:@c|@p|@y|\S+) ){0,3}?" + _NOT_DEAL + r"(?:contracts?|deals?|terms)\b(?! to join)"), "near_before"),
    ("contract_extension", _p(r"\b(?:extend(?:s|ed|ing)?|renew(?:s|ed|ing)?) (?:(?:his|her|@c|@c 's) )?(?:\S+ ){0,2}?(?:contract|deal|stay|terms|spell|agreement)\b|\bcontract (?:extension|renewal)\b|\b(?:(?:sign|signs|signed|agree|agrees|agreed|pen|pens) (?:an? |his |her )?(?:\S+ ){0,2}?)?extension\b|\bcommit(?:s|ted)? (?:his |her )?(?:long term )?future\b|(?<!ticket )(?<!tickets )(?<!membership )(?<!subscription )(?<!licence )(?<!license )\brenewal\b(?! (?:timetable|window|date|dates|deadline|period|price|prices|form|forms|process|notice|campaign|scheme|letters?)\b)"), "near_before"),
    ("contract_extension", _p(r"\b(?:agree(?:s|d)?|sign(?:s|ed)?|pen(?:s|ned)?) (?:an? )?(?:\S+ )?(?:deal|contract|terms) to stay\b|(?<!\S)@p (?:sign(?:s|ed)?|pen(?:s|ned)?|commit(?:s|ted)?)(?: on)? (?:until|till|through) (?:the )?(?:end of )?(?:@y|summer @y)"), "near_before"),
    # A club securing or tying down its own player's future: the contract family.
    ("contract_extension", _p(r"\b(?:secur(?:e|es|ed|ing)|tie(?:s|d)? down|tying down|lock(?:s|ed|ing)? down) (?:@p 's |his |her )?(?:long term )?(?:future|services)\b|\b(?:tie(?:s|d)?|tying|lock(?:s|ed|ing)?) down (?=@p)|\b(?:tie(?:s|d)?|tying) (?=@p down\b)"), "near"),
    # Talks about a new contract are the extension's early rung (labelling: hedged is fine).
    ("contract_extension", _p(r"\b(?:talks|discussions|negotiations|offer(?:s|ed)?|hold talks) (?:\S+ ){0,4}?(?:over|about|on|for) (?:an? |his |her )?(?:new|fresh|improved|extended|long term) (?:\S+ )?(?:contract|deal|terms)\b|\b(?:talks|discussions|negotiations|hold talks) (?:\S+ ){0,4}?(?:over|about|on|regarding) (?:an? |his |her |the )?(?:contract |new )?(?:extension|renewal|extending)\b|\bcontract talks\b|\bagreeing (?:on )?(?:an? )?new contract\b"), "near_before"),
    # --- loan ---------------------------------------------------------------------------
    ("loan", _p(r"\b(?:loan|loans|loaned|loaning)(?: out)? (?=@p)|\bloan (?:move|deal|switch|bid|offer|offers|approach|exit|spell|return|agreement)\b(?! permanent\b)|\b(?:season long|six month|short term|temporary) loan\b|\btemporary (?:move|switch|deal)\b|\bloaning out\b|\b(?:leave|leaves|join|joins|joined|move|moves|go|goes|head|heads|sent|send|sends|return|returns|rejoin|rejoins) (?:\S+ ){0,3}?on (?:a )?loan\b(?! from)|(?<!\S)@p (?:has been |have been |was |is |will be |to be )?loaned\b"), "near_before"),
    # --- medical ------------------------------------------------------------------------
    ("medical", _p(r"\bmedical\b(?! (?:staff|team|emergency|condition|department|treatment|attention|reasons|care|centre|center|records|issue|issues|problem|problems|grounds|advice|experts?|officials?|personnel|room|bulletin|update)\b)"), "near_before"),
    # --- completed ----------------------------------------------------------------------
    ("completed", _p(r"\b(?:complete[sd]?|completing|seal(?:s|ed|ing)?|finali[sz](?:e[sd]?|ing)|wrap(?:s|ped|ping)? up) (?:an? |the |his |her )?(?:@m |@c |\S+ ){0,2}?(?:move|switch|transfer|deal|signing|return)\b"), "near_before"),
    ("completed", _p(r"\b(?:sign|signs|signed|re sign|re signs)\b(?! (?:of|off|up|anyone|anybody|someone|somebody|players|reinforcements|autographs?)\b)(?! (?:an? |the |his |her |their |some |(?:\S+ )?)(?:shirts?|jerseys?|autographs?|balls?|books?|photos?|pictures?|programmes?|memorabilia|petitions?|letters?|cards?|posters?|boots)\b)|\b(?:land|lands|landed|secure|secures|secured|capture|captures|captured|snap up|snaps up|snapped up|bring in|brings in|brought in)\b(?= (?:@c 's |\S+ ){0,2}@p)"), "near"),
    ("completed", _p(r"\b(?:confirm(?:s|ed)?|announce[sd]?|complete[sd]?|completing|seal(?:s|ed|ing)?|wrap(?:s|ped|ping)? up|finali[sz](?:e[sd]?|ing)) (?:the |a |an |his |her )?(?:@m |@p |@p 's |@c |\S+ ){0,3}?(?:signings?|deals? for|moves? for|swoops? for|transfers? of|capture)\b|\bannounce[sd]? (?:the )?arrival of\b|\b(?:confirm(?:s|ed)?|announce[sd]?|complete[sd]?|finali[sz]e[sd]?) (?:the )?(?=@p (?:'s )?appointment\b)|(?<=@p )(?:'s )?appointment (?:is |has been |was )?(?:confirmed|announced|made official)\b|\bnam(?:e|es|ed|ing) (?:\S+ ){0,3}?@p (?:\S+ ){0,2}?as (?:his |her |their |its |the )?(?:new )?(?:replacement|successor)\b|(?<=@p )named as (?:\S+ ){0,2}?(?:replacement|successor)\b|\bnam(?:e|es|ed|ing) (?:@c )?(?:\S+ )?(?:@p )?(?:as )?(?:the )?(?:new |interim |permanent )?(?:@c )?(?:manager|coach|head coach|boss)\b(?! of the (?:month|season|year|week)\b)"), "near"),
    ("completed", _p(r"\b(?:join|joins|joined|joining|rejoin|rejoins|rejoined|rejoining)\b(?! up (?:with|again)\b)|\b(?:leave|leaves|leaving|left|quit|quits|swap|swaps|swapped|ditch|ditches|ditched) @c for @c"), "near_before"),
    ("completed", _p(r"\b(?:with|completes?|completed|confirms?|confirmed|announces?|announced|seals?|sealed) (?:the )?signings? of (?=(?:\S+ ){0,3}@p)|\b(?:mak(?:e|es|ing)|made) (?:his |her |a |an |the )?(?:@m |\S+ ){0,2}?@c (?:move|switch|transfer)\b(?! (?:decision|u turn|plea|admission|claim|stance|request|demand|update|verdict|call|choice|promise|vow|pledge|approach|offer|bid|enquiry|inquiry|contact|statement|message|wish|dream|hint|plan|plans|talks)\b)"), "near"),
    ("completed", _p(r"\bmak(?:e|es|ing) (?=@p)(?:@p )(?:their |his |a |the )?(?:\S+ ){0,2}?signing\b|\bas (?:the )?new (?:permanent )?(?:@c (?:'s )?)(?:manager|coach|head coach|boss)\b"), "near"),
    ("completed", _p(r"\b(?:is|are|becomes?|became|will be) (?:the )?(?:@c 's |@c )?new (?:permanent )?(?:manager|coach|head coach|boss)\b"), "near_before"),
    # "becomes the first foreign Netherlands coach": not "becomes first Spain coach to win two
    # titles", nor "the longest-serving Celtic boss" (a record, not a job).
    ("completed", _p(r"(?<!want to )(?<!wants to )\b(?:become|becomes|became|becoming) (?:(?!(?:former|ex|assistant|youth|academy|most|\S+est) )\S+ ){0,3}?(?:@c 's |@c )(?:new |permanent |interim |caretaker )?(?:manager|coach|head coach|boss)\b(?! (?:to|in|with|at|of|for|by)\b)"), "before"),
    # "X set to replace him", "Y poised to succeed Z": a successor named. Not a squad place.
    ("completed", _p(r"\b(?:set|poised|due|expected|lined up|primed|about) to (?:replace|succeed) (?:@p|him|her)(?! (?:\S+ ){0,2}?(?:squad|team|side|xi|line up|lineup|starting|role|position)\b)"), "before"),
    # "X heads for Newcastle": the person travels to a club, not to a squad or a camp.
    ("completed", _p(r"(?:(?<=@p )|(?<=@p is )|(?<=@p to )|(?<=@p set to ))\b(?:heads|heading|head) (?:for|to) @c(?! (?:squad|camp|duty|training|base|hotel|game|match|clash|tie)\b)(?! (?:\S+ ){0,5}?(?:clash|game|match|tie|fixture|final|derby|showdown|visit|friendly)\b)(?! 's)"), "near_before"),
    ("completed", _p(r"\b(?:land(?:s|ed|ing)?|handed|given|secure[sd]?|take[sn]?|took) (?:the )?@c (?:'s )?(?:job|hotseat|hot seat|post|reins)\b"), "before"),
    # "returns as Italy head coach", "installed as", "succeeds Bielsa as Uruguay manager": the
    # person before takes the job.
    ("completed", _p(r"\b(?:(?:return|returns|returning|installed|reinstated) as|(?:succeed|succeeds|succeeded|replace|replaces|replaced) @p as) (?:the )?(?:new |interim |permanent )?(?:@c (?:'s )?)?(?:\S+ )?(?:manager|coach|head coach|boss)\b"), "before"),
    ("completed", _p(r"\b(?:(?:re ?)?appoint(?:s|ed|ing)?|appointment of|hire[sd]?|hiring|unveil(?:s|ed)?|confirm(?:s|ed)? (?:@p )?as (?:the |their |its |his |her |@c 's |@c )?(?:(?:new|interim|permanent|caretaker|temporary|first team) ){0,2}(?:@c (?:'s )?)?(?:manager|coach|head coach|boss|signing)|take[sn]? (?:interim |temporary |caretaker )?(?:over|charge) (?:at|of)|took (?:interim |temporary |caretaker )?(?:over|charge) (?:at|of)|(?:take[sn]?|took|taking) the reins (?:at|of)|in (?:interim|temporary|caretaker) charge (?:at|of)|step(?:s|ped)? in as (?:@c (?:'s )?)?(?:interim|caretaker|temporary)|land(?:s|ed)? (?:\S+ ){0,3}(?:job|role|post) as|(?<!a )(?<!the )(?<!his )(?<!her )(?<!on )(?<!emotional )(?<!first )(?<!triumphant )(?<!winning )(?<!scoring )(?<!bittersweet )(?<!painful )(?<!unhappy )(?<!for @p )(?<!for @p 's )(?:move|moves|switch|switches|return|returns) to @c(?! (?:\S+ ){0,2}?with @c)(?! (?:\S+ ){0,4}?for (?:the )?first time)(?! (?:training|action|fitness|squad|team|side|starting|line up|lineup|xi|bench|first team|matchday)\b)(?! (?:\S+ ){0,5}?(?:clash|game|match|tie|fixture|final|derby|showdown|visit|reunion|friendly|semi final|quarter final)\b)|mak(?:e|es|ing) (?:an? |the )?(?:\S+ )?(?:move|switch) to @c)\b"), "near"),
    # --- agreement ----------------------------------------------------------------------
    ("agreement", _p(r"\b(?:verbal(?:ly)? )?agree(?:s|d|ing)? (?:an? |the )?(?:@m |\S+ ){0,2}?(?:fee|fees|package|terms|personal terms|(?=deal)" + _NOT_DEAL + r"deal|agreement|transfer|move|switch|to join|to sign|to take|to become|to move|to manage)\b"), "near"),
    ("agreement", _p(r"\bagree(?:s|d|ing)? to (?:replace|succeed)\b"), "before"),
    ("agreement", _p(r"\b(?:say(?:s|ing)?|said) yes to (?:an? |the )?(?:@c |\S+ ){0,2}?(?:move|transfer|switch|offer|proposal|@c)\b|\bgive(?:s|n)? (?:the )?green light to (?:an? |the )?(?:@c |\S+ ){0,2}?(?:move|transfer|switch)\b"), "before"),
    ("agreement", _p(r"\baccept(?:s|ed|ing)? (?:\S+ ){0,4}?(?:bid|offer|proposal)s?\b"), "near"),
    ("agreement", _p(r"\b(?:reach(?:es|ed)?|strike[s]?|struck|finali[sz]e[sd]?) (?:an? |the )?(?:\S+ ){0,2}?(?:agreement|deal)\b|\b(?:fee|terms|(?=deal )" + _NOT_DEAL + r"deal|agreement) (?:\S+ ){0,2}?(?:agreed|reached|struck|in place|done)\b|\bhere we go\b|\b(?:shak(?:e|es|en|ing)|shook) hands on(?: (?:an? |the )?(?:\S+ ){0,5}?(?:for|over))?\b|\bagreement in principle\b|\bdeal done\b|\bsubject to (?:an? )?medical\b|\bverbal agreement\b"), "near"),
    # An imminent deal named by its destination: "Bamba set for Newcastle", "poised for a West Ham transfer".
    ("agreement", _p(r"\b(?:set|poised|primed|bound|on course|headed|destined) for (?:an? )?(?:shock |dream |surprise )?(?:@m )?(?:@c (?:'s )?)(?!(?:clash|game|match|tie|final|derby|showdown|test|debut|trip|visit|talks|meeting|meetings|summit|return (?:to action|against|at|in|for (?:the|their)|after|from))\b)(?:move|transfer|switch|return|deal|loan)?|\b(?:swap|exchange|transfer|fee|deal|terms|move) (?:\S+ ){0,1}agreed\b"), "near_before"),
    # On the verge or brink of a deal: imminent, the claim model's agreement.
    ("agreement", _p(r"\bon the (?:verge|brink|cusp) of (?!(?:being |the )?(?:sack|sacked|axed|fired|dismissed|chop|axe|relegation|elimination|defeat|exit|leaving|quitting|resigning)\b)(?:(?:signing|joining|completing|sealing|agreeing|securing|landing) )?(?:an? |the )?(?:@c )?(?:(?:\S+ )?(?:move|switch|deal|transfer|return|exit)\b)?"), "near"),
    # --- bid ----------------------------------------------------------------------------
    ("bid_rejected", _p(r"\b(?:reject(?:s|ed|ing)?|turn(?:s|ed)? down|rebuff(?:s|ed)?|knock(?:s|ed)? back|snub(?:s|bed)?|decline[sd]?|refuse[sd]?) (?:(?:\S+ ){0,4}?)(?<!contract )(?<!extension )(?<!renewal )(?:bid|offer|approach(?:es)?|proposal)s?\b|\b(?:bid|offer|approach)s? (?:\S+ ){0,4}?(?:rejected|turned down|rebuffed|knocked back|snubbed|declined)\b"), "near"),
    ("bid", _p(r"\b(?:table[sd]?|tabling|submit(?:s|ted)?|lodge[sd]?|launch(?:es|ed)?|make[s]?|made|prepar(?:e|es|ed|ing)|mull(?:s|ing)?|readying|ready|send[s]?|sent|plan(?:s|ning)?|improve[sd]?) (?:(?:an?|the|their|fresh|new|formal|opening|improved|first|second|third|official|club record|record|bumper|@m|@c|\S+) ){0,4}?(?<!listen to )(?<!listens to )(?<!listening to )(?<!accept )(?<!consider )(?<!entertain )(?<!welcome )(?<!open to )(?:bid|offer|package|proposal)s?\b(?! (?:to(?! @c| sign| buy| land| bring| secure| snap)|farewell)\b)"), "near"),
    ("bid", _p(r"(?<!contract )(?:@m |(?:opening|improved|fresh|formal|first|second|third|official|club record|record|bumper|verbal|written) )(?:\S+ )?(?:bid|offer)s?\b(?! (?:to|farewell)\b)|\bbids? (?:of @m |worth @m )?for (?=(?:@c 's |\S+ ){0,2}@p)|\boffer(?:s|ed)? @m\b|\b(?:trigger|activate|meet|pay)(?:s|ed|ing)? (?:\S+ ){0,3}?release clause\b"), "near"),
    # A club's offer named as a thing: "Porto offer on the table", "X receives Porto bid", "Porto's
    # proposal for X revealed". (Not the verb with its object: "Porto offer X a deal", "offer him".)
    ("bid", _p(r"(?<=@c )(?:'s )?(?:bid|offer|proposal)s?\b(?! (?:@p|@m|@c|him|her|them|a|an|the|his|her|their|to|farewell|new|fresh|improved|contract|contracts|deal|terms)\b)"), "near"),
    # --- talks --------------------------------------------------------------------------
    ("talks", _p(r"(?<!contract )(?<!extension )(?<!renewal )(?<!internal )\b(?:talks(?! (?:about|up|through|tactics|of)\b)|negotiations?|negotiating|negotiate[sd]?|discussions|in contact|make contact|made contact|makes contact|contact with|(?:has|have|had|been) contacted|contacted(?= @p| @c)|approach(?:es|ed)?(?= (?:@c|@p|for|over|to (?:@c|@p|sign|buy|land|bring|recruit|lure|discuss|open|appoint|hire|speak|talk)))|(?:an?|first|formal|fresh|shock|opening|initial) approach|enquir(?:y|ies|ed|e|es)|inquir(?:y|ies|ed|e|es)|clos(?:e|es|ing) in on(?! (?:\S+ ){0,3}?(?:record|milestone|century|hat trick|title|league title|points|top four|top spot|promotion|safety|win|victory|goal|goals|debut|return|century)\b)|clos(?:e|es|ing) on (?:an? |the )?(?:deals?|move|moves|agreement|swoop|signing)s?\b|nears (?:an? )?(?:@c )?(?:move|switch|deal|agreement|exit)|close to (?:signing|a deal|deal|completing|joining|a move|an agreement)|permission to speak|in discussions|sound(?:s|ed|ing)? out|open(?:s|ed)? (?:a )?dialogue|edg(?:e|es|ing) (?:closer )?towards|close to (?:an? )?(?:@c )?(?:move|switch|return|exit|agreement)|nearing (?:an? )?(?:@c )?(?:move|switch|deal|agreement))\b(?! (?:\S+ ){0,5}?(?:over|about|on|regarding) (?:an? |his |her |the )?(?:new |fresh |improved |long term )?(?:contract|extension|renewal|extending)\b)"), "near"),
    # Interviewing a candidate for a job is contact: "interviewed for the Ajax job", "to interview X".
    ("talks", _p(r"\binterviewed for (?:the )?(?:@c (?:'s )?)?(?:job|role|post|position|vacancy)\b|\b(?:to|will|set to|plan to) interview (?=@p)|\binterview(?:ed|ing) (?=@p)"), "near"),
    # A club speaking to a player is contact; a teammate speaking to him is not.
    ("talks", _p(r"(?<!\S)@c (?:\S+ ){0,3}?(?:have |has )?(?:spoken|speak|speaks|speaking) (?:to|with)\b"), "after"),
    # --- interest -----------------------------------------------------------------------
    ("interest", _p(r"\b(?:ask(?:s|ed|ing)? for|want|wants|wanted|covet|covets|admire|admires|eye|eyes|eyeing|eyed|monitor|monitors|monitoring|monitored|track|tracks|tracking|tracked|scout|scouts|scouting|scouted|chase|chases|chasing|pursue|pursues|pursuing|target|targets|targeting|targeting|plot|plots|plotting|consider|considers|considering|identify|identifies|identified|shortlist|shortlists|shortlisted|keen on|interested in|interest in|move for|swoop for|(?:race|battle|fight|scrap|tussle|tug of war|war) (?:for|over)|pursuit of|push for|bid to sign|prepared to pay|ready to pay|ready to move for|hope to sign|hoping to sign|want to sign|plan to sign|planning to sign|keep tabs on|zero(?:es|s|ed|ing)? in on|monitoring the situation of|would like to bring|admirers? of|fans? of) (?=(?:\S+ ){0,4}@p)(?!(?:\S+ ){0,4}to (?:stay|be)\b)(?!@p (?:out|gone|sacked|axed)\b)(?!@p back (?:in|to|on|fit|from|for|playing|fighting|training)\b)"), "after"),
    # The player's own wish for a move to a club: "keen on a move to Liverpool", "dreams of a switch to
    # Real Madrid", "wants a return to Ajax" (a wish is interest, claims.md).
    ("interest", _p(r"\b(?:keen on|eager for|desperate for|push(?:es|ing)? for|wants?|wanting|seek(?:s|ing)?|hop(?:es|ing) for|dreams? of|dreaming of|would welcome|would relish|favou?rs?|prefers?|angling for|set on) (?:an? |the )?(?:\S+ ){0,2}?(?:move|switch|transfer|return) to (?=@c)"), "before"),
    # A reduced relative on a noun for him: "X is a player Liverpool have long admired", "X is someone
    # Arsenal like", "a name Chelsea have tracked for months".
    ("interest", _p(r"(?<=@p )(?:is|remains|has been|was) (?:(?:an? |the |one )(?:\S+ ){0,2}?)?(?:player|name|someone|target|defender|midfielder|forward|striker|winger|goalkeeper|keeper|talent|youngster|option|man|coach|manager) (?:that |whom |who )?@c (?:have |has |had )?(?:also |long |been |really |greatly |always )*(?:like|likes|liked|admire|admires|admired|rate|rates|rated|want|wants|wanted|tracked|tracking|monitored|monitoring|watched|watching|scouted|targeted|coveted|considered|considering|followed|following)\b(?! to )"), "before"),
    # A move named by its player: "Man City make late Olise move", "plot shock X swoop" (the bid or offer
    # nouns are bids: "Chelsea make Isak offer").
    ("interest", _p(r"\b(?:make|makes|made|making|plot|plots|plotting|launch|launches|launched|mull|mulls|mulling|consider|considers|considering|eye|eyes|weigh|weighs) (?:an? |the )?(?:late |shock |surprise |fresh |new |audacious |ambitious |dream |last-ditch |opening )?(?=@p (?:move|swoop|raid|switch|transfer)\b)"), "after"),
    ("bid", _p(r"\b(?:make|makes|made|making|launch|launches|launched|submit|submits|submitted|table|tables|tabled) (?:an? |the )?(?:late |shock |surprise |fresh |new |improved |opening |@m )?(?=@p (?:bid|offer)\b)"), "after"),
    # A move told as expected or under way: "before expected PSG move", "prepares for a move to PSG".
    ("agreement", _p(r"\b(?:expected|imminent|impending|agreed|pending) (?:@c )?(?:move|switch|transfer)\b|\b(?:prepar(?:es|ing|ed) for|finalis(?:es|ing)|finaliz(?:es|ing)) (?:an? |the |his |her )?(?:\S+ )?(?:move|switch|transfer) to (?=@c)"), "near"),
    # A move made to a club: "makes £22m transfer to Everton" (a move done; "set to make" is imminent).
    ("completed", _p(r"\b(?:make|makes|made|making|complete|completes|completed|seal|seals|sealed) (?:an? |the |his |her )?(?:@m |\S+ ){0,2}?(?:move|switch|transfer) to (?=@c)"), "before"),
    # A loan agreed for a player: "Tottenham agree loan for Man City's Marmoush".
    ("loan", _p(r"\b(?:agree|agrees|agreed|agreeing|complete|completes|completed|seal|seals|sealed|finalise|finalises|finalised|finalize|finalizes|finalized) (?:an? |the )?(?:season long |short term |\S+ )?loan (?:deal |move |switch )?(?:for|with) (?=(?:@c 's |\S+ ){0,2}@p)"), "after"),
    # "X to Y" told as the subject of a news noun: "Romano gives huge Balde to Man Utd update".
    ("interest", _p(r"(?<=@p )to (?=@c (?:transfer |move |deal )?(?:update|updates|latest|news|boost|blow|twist|claim|verdict|hint|stance)\b)"), "before"),
    # Nearer a deal for a player, or sealing one: "edging closer to £20m deal for X" (talks), "at an
    # advanced stage in sealing a £10m deal for X and Y" (a deal agreed: claims.md's agreement).
    ("talks", _p(r"\b(?:edg(?:e|es|ing)|inch(?:es|ing)?|draw(?:s|ing)?) closer to (?:an? |the )?(?:@m |\S+ ){0,2}?(?:deal|move|agreement|signing|transfer|switch) (?:for|with) (?=(?:@c 's |@c |\S+ ){0,3}@p)"), "after"),
    ("agreement", _p(r"\b(?:seal|seals|sealing|finalis(?:e|es|ing)|finaliz(?:e|es|ing)|tie up|ties up|tying up) (?:an? |the )?(?:@m |\S+ ){0,2}?(?:deal|move|agreement|transfer) (?:for|with) (?=(?:@c 's |@c |\S+ ){0,3}@p)"), "after"),
    # A bid put on the table: "set to put final bid on the table for X".
    ("bid", _p(r"\b(?:put|puts|putting|place|places|placing|lay|lays|laying) (?:an? |the |their |a final |a fresh |final |fresh |@m )*(?:bid|offer)s? (?:on the table )?for (?=(?:@c 's |@c |\S+ ){0,3}@p)"), "after"),
    # A pursuit named by its contest or effort: "in the race to sign X", "battle to land X", "enter the
    # scramble to sign X" (the signing it aims at is no rung: claims.md, "in the race for" is interest).
    ("interest", _p(r"\b(?:race|battle|fight|scramble|chase|tussle|scrap|hunt|queue|competition|war|effort|efforts|push|drive|attempt|attempts|bid) to (?:sign|land|bring in|buy|secure|recruit|snap up|lure|capture|get|poach) (?=(?:@c 's |@c |\S+ ){0,3}@p)"), "after"),
    # A player asking to go: "wants move away from Bayern", "pushing for an exit from Chelsea".
    ("departure", _p(r"\b(?:want|wants|wanted|wanting|seek|seeks|seeking|push(?:es|ing)? for|angling for|ask(?:s|ed|ing)? for|request(?:s|ed|ing)?) (?:an? |the )?(?:\S+ )?(?:move|exit|transfer|departure) (?:away )?(?:from|out of) (?=@c)"), "near_before"),
    # A fee agreed told by its figure: "Liverpool agree £25m with Bayern for Thiago".
    ("agreement", _p(r"\bagree(?:s|d|ing)? (?:an? |the )?@m (?:fee |deal )?(?:with @c )?for (?=(?:@c 's |@c |\S+ ){0,3}@p)"), "after"),
    # A contract ended early: "X terminates his contract at Barcelona".
    ("departure", _p(r"\bterminat(?:e|es|ed|ing) (?:his |her |their |the |a )?(?:\S+ )?contract\b|\bcontract (?:\S+ ){0,2}?(?:terminated|cancelled|ripped up)\b"), "near_before"),
    # An offer accepted, told from the bidder's side: "Marseille have had a bid accepted for X".
    ("agreement", _p(r"(?<=@c )(?:have |has |had )?(?:had )?(?:an? |their |its )?(?:@m |\S+ ){0,2}?(?:bid|offer|proposal) (?:of @m )?accepted\b"), "near"),
    # A signing named as a noun and told as near: "close to £35m signing of X".
    ("agreement", _p(r"\b(?:close to|closing in on|nearing|edging closer to|closer to) (?:an? |the )?(?:@m |\S+ )?(?:signing|capture|purchase|acquisition) of (?=(?:\S+ ){0,3}@p)"), "after"),
    # A club's target named in apposition after the name ("X, a long-time Liverpool target, ..."), and
    # a club's name fused to "bound" before it ("Chelsea-bound X": on his way there, an imminent deal).
    ("interest", _p(r"(?<=@p , )(?:an? |the )?(?:\S+ ){0,2}?@c (?:'s )?(?:\S+ )?(?:target|priority)\b"), "before"),
    ("agreement", _p(r"(?<=@c )bound (?=@p)"), "after"),
    # The same wish with a pronoun for its object ("keen to sign him", "monitoring his situation"):
    # clauses.bind gives it the person named before when a club is its own subject.
    ("interest", _p(r"\b(?:want|wants|wanted|consider|considers|considering|eye|eyes|eyeing|monitor|monitors|monitoring|track|tracks|tracking|scout|scouts|scouting|chase|chases|chasing|pursue|pursues|pursuing|target|targets|targeting|keen on|interested in|keep tabs on|move for|swoop for|admirers? of|(?:bid|hope|hoping|plan|planning|want|wants|keen|ready|prepared|looking) to sign) (?:him|his (?:situation|future|progress|development|signature|services))\b"), "after"),
    # "Fans want Girard out": the person's exit is wanted, not the person.
    ("departure", _p(r"\b(?:want|wants|wanted|wanting) (?=@p (?:out|gone|sacked|axed)\b)"), "after"),
    ("interest", _p(r"\b(?:targeted by|wanted by|linked with|linked to|links? (?:with|to)|on (?:the |their |a |@c 's |@c )?(?:radar|shortlist|wishlist|list)|step(?:s|ped|ping)? up (?:their |its |the )?(?:@p (?:'s )?)?(?:interest|pursuit|chase)|interest from|attracting interest|attracts interest|admirers|suitors|(?<!on the )(?<!on )target for|(?:candidate|candidates|frontrunner|front runner|contender|contenders)(?! (?:for|of) (?:the )?(?:\S+ ){0,3}?(?:award|goal|miss|save|puskas|ballon|boot|glove|title|trophy|crown|of the (?:season|month|year|tournament|match))\b)|favourite to (?:replace|succeed|take over|become|land|get)|favourite for (?:the )?(?:@c (?:'s )?)?(?:job|role|post|vacancy|hot seat|position)|in the running|in contention|shortlisted|open to (?:an? )?(?:move|switch|joining)|open to (?:the )?(?:@c )?(?:job|role|post)|emerges? as (?:an? )?(?:\S+ )?(?:option|target|candidate|contender)|keep(?:s|ing)? tabs on|set (?:their|his|its) sights on|in (?:the )?frame|lead(?:s|ing)? (?:the )?race|regist(?:er|ers|ered) (?:an )?interest|tops?(?: of)?(?= (?:his|their|its|the|@c 's|@c|@p 's) (?:\S+ ){0,2}?(?:list|wishlist|shortlist)\b(?! of (?:the )?(?:most|best|top|highest|fastest)\b))|under consideration|(?:@c )?shortlist|add(?:s|ed)? (?:\S+ ){0,4}?to (?:their|his|its|the) (?:\S+ )?(?:list|shortlist|wishlist))\b|(?<!\S)@p to @c \?"), "near_before"),
    ("interest", _p(r"\b(?:want|wants|wanted|ask|asks|asked|urge|urges|urged|urging|lobby|lobbies|lobbied|lobbying|tell|tells|told|push|pushes|pushed|beg|begs|begged|persuade|persuades|convince|convinces|implore|implores|hope|hopes|hoping|keen|eager|looking|look|plan|plans|planning|try|tries|trying|bid|attempt|attempts|push|pushing|desire|aim|aims|aiming|intend|intends|like|determined|prepared|ready|considering|consider|interested in|keen on|move|moves) (?:\S+ ){0,3}?to (?:sign(?! for\b)|signing|name|" + getting.BASE + r")\b|\b" + getting.WISH_BEFORE_ING + r" (?:a move for|a swoop for|a bid for|an offer for|bringing|" + getting.ING + r")\b"), "after"),
    # A person's own wish for a club or a job: "would love to play for Roma", "keen to manage Ajax".
    ("interest", _p(r"\b(?:love|like|want|wants|keen|eager|dream|dreams|open|desperate) to (?:play for|manage|coach|take charge (?:of|at)|take over at) (?=(?:the )?@c)"), "before"),
    ("interest", _p(r"(?<!\S)@c (?:also |still |too |both |all )?(?:interest|are keen|is keen|remain keen|remains keen|are interested|is interested|remain interested|remains interested|interested|are admirers|are monitoring|are tracking|keen|(?:are |is |also )?(?:heavily |strongly )?linked(?! (?:up|together)\b)|(?:'s )?(?:transfer |summer |january |late |reported )?(?:pursuit|chase))\b(?! to (?!(?:sign|land|bring|buy|add|snap|secure|recruit|get|lure|complete|seal|tie up|take|make|do|trigger|activate|exercise)\b))|\b(?:make|made|makes|consider|considers|see|sees|regard|regards|view|views) @p (?:as )?(?:their|his|a|the) (?:\S+ ){0,2}?(?:target|priority|option|choice|signing)\b|(?=@c )(?:(?<=player )|(?<=defender )|(?<=midfielder )|(?<=forward )|(?<=striker )|(?<=winger )|(?<=goalkeeper )|(?<=back )|(?<=man )|(?<=one )|(?<=target ))@c (?:most )?(?:want|wants|covet|covets|are chasing|are targeting|would like)\b(?! to (?!(?:sign|buy|bring|land|recruit|add|snap|secure|get|make|move|beat|reunite|pair)\b))|\b(?:top|main|primary|summer|january|number one|no 1|dream|priority|key|prime) (?:\S+ )?target\b"), "near_before"),
    # Race and competition idioms, clubs on alert or circling: a wish for the player.
    ("interest", _p(r"\b(?:join(?:s|ed|ing)? (?:\S+ ){0,3}?(?:race|pursuit|chase|battle|queue|hunt|scramble|fight|tussle|bidding war)|(?:battle|fight|compete|tussle|tug of war|scrap|war) (?:it out )?(?:for|over) (?:the )?(?:signature|services)|on (?:red )?alert|circl(?:e|es|ing)|(?<=@c )(?:loom|looms|looming|lurk|lurks|lurking|hover|hovers|hovering)|waiting in the wings|(?:keen|interested|eager) admirers?|long admired|admir(?:e|es|ed|ing)|(?:plotting|plot|plots|eye|eyes|eyeing|consider(?:s|ing)?|mull(?:s|ing)?) (?:an? )?(?:\S+ ){0,2}?(?:swoop|raid|move|approach|bid)|(?:shock|surprise|dream) (?:move|swoop|raid|switch|transfer) for|in (?:pole )?position (?:to|for)|(?:handed (?:an? )?(?:\S+ )?boost|(?:get|gets|receive|receives|given) (?:an? )?(?:\S+ )?(?:boost|update|blow))(?! (?:\S+ ){0,5}?(?:return(?:s|ing)? to (?:training|fitness|action|full fitness)|back in training|back from injury|injury|fitness)\b)|stunned by (?:\S+ ){0,3}?update|sent (?:an? )?(?:\S+ )?(?:message|warning)|(?:warned|told) (?:\S+ ){0,3}?(?:over|about) (?:\S+ ){0,3}?(?:transfer|move|pursuit|chase|swoop))\b"), "near"),
    ("interest", _p(r"(?<!\S)@c (?:move|return|switch|transfer|job) (?:links?|talk|rumou?rs?|speculation)\b|(?<=@c )links\b"), "near"),
    # Families of interest idioms: scouting, catching the eye, linking, rivalry, a club's blow
    # or boost in a pursuit, a player's preference for a club.
    ("interest", _p(r"\b(?:linking (?:\S+ ){0,3}?(?:with|to)|send(?:s|ing)? (?:\S+ )?scouts|sent (?:\S+ )?scouts|scouts (?:\S+ )?(?:watched|watch|watching|were at|in attendance)|set(?:s|ting)? (?:their |his |its )?sights on|(?:caught|catch(?:es|ing)?) the eye of|(?:transfer|move|swoop|signing) blow|blow in (?:\S+ ){0,3}?(?:pursuit|chase|race|hunt|bid|swoop|move for))\b|(?<=handed )@p (?:'s )?(?!fitness |injury |selection )(?:\S+ )?boost\b"), "near"),
    ("interest", _p(r"\b(?:prefer(?:s|red)?|welcome[sd]?|favour(?:s|ed)?|favor(?:s|ed)?) (?:an? |the )?@c (?:move|switch|transfer|return)\b|\blink(?:s|ing)? up (?:again )?with (?:\S+ ){0,3}?at (?=@c)"), "before"),
    ("interest", _p(r"\b(?:watched|scouted|monitored|tracked|targeted|eyed|admired|coveted|chased|sought|courted|pursued|wanted|linked|approached) (?:\S+ ){0,2}?by (?=@c)"), "before"),
    ("interest", _p(r"\b(?:next|future|potential|possible|replacement|successor) (?:@c )?(?:manager|coach|head coach|boss)\b|\b(?:in line|earmarked|lined up|tipped|backed|fancied|odds on|favourite|favorite|frontrunner|front runner|leading candidate|top candidate|shortlisted|considered|approached) (?:\S+ ){0,2}?(?:for|to (?:replace|succeed|take over|take charge|become|land)) (?:the )?(?:@c )?(?:@p|job|role|post|vacancy|hot seat|position|manager|coach|him|her|\S+ (?:job|role|vacancy|post))"), "before"),
    ("interest", _p(r"\b(?:expect|expects|expected|tip|tips|tipped|back|backs|backed)(?= @p to (?:succeed|replace|take over|take charge|become|join)\b)"), "after"),
    # "eyed as Besiktas boss", "considered as the next Ajax coach": the job pursued.
    ("interest", _p(r"\b(?:eyed|considered|lined up|touted|identified|targeted|wanted|sounded out|earmarked|mooted) as (?:the |a )?(?:new |next |potential |possible |permanent )?(?:@c (?:'s )?)?(?:manager|coach|head coach|boss|successor|replacement)\b"), "before"),
    ("interest", _p(r"\b(?:wants?|eyes?|eyeing|consider(?:s|ing)?|mull(?:s|ing)?|weigh(?:s|ing)? up) (?:an? |the )?(?:@c )(?:move|switch|transfer|return|job|post)\b|\b(?:dream|keen|eager|open) (?:on |to (?:make |secure )?)?(?:an? )?@c (?:move|switch|transfer|return)\b"), "before"),
) + tuple((kind, _p(rx), direction) for kind, rx, direction in forms.PATTERNS) \
  + tuple((kind, _p(rx), direction) for kind, rx, direction in letting_go.PATTERNS) \
  + tuple((kind, _p(rx), direction) for kind, rx, direction in deal_talk.PATTERNS) \
  + tuple((kind, _p(rx), direction) for kind, rx, direction in families.PATTERNS)  # shapes (forms.py, letting_go.py), word families (families.py)
_FIRST_FAMILY = len(PATTERNS) - len(families.PATTERNS)  # family patterns are read in their other senses too

# The words the patterns are made of ("pressure", "target", "boost"): a headline that opens
# with one alone ("Pressure mounts on ...") opens with grammar, not with a surname.
PATTERN_WORDS = frozenset(w for _, rx, _ in PATTERNS for w in re.findall(r"(?<![a-z\\])[a-z]{4,}(?![a-z])", rx.pattern))

# Each pattern runs only on frames holding one of its keywords (prefilter.py): most
# sentences hold none, and 38 scans of every sentence were the extractor's largest cost.
_GATE = Gate([rx for _, rx, _ in PATTERNS])


def may_trigger(*texts: str) -> bool:
    """False when no frame built from these texts (title, summary, content) can match any pattern,
    nor hold a form segments.py reads beside them ("Isak to Liverpool", "in the Baleba pursuit")."""
    return _GATE.any(*map(flat, texts), written=texts) or may_hold(*texts)


_NEGATED = {"interest": "denial", "departure": "denial", "agreement": "denial", "talks": "denial", "bid": "denial",
            "completed": "denial", "contract_extension": "departure"}
# Words in front that stop a pattern asserting anything: "offered a new contract".
_UNASSERTED = {
    "completed": re.compile(r"\b(?:fail(?:s|ed)?|attempt(?:s|ed)?|trying|tries|try|bid|bids|talks|negotiations|approach|battle|fight|push|move|effort|plans?|hopes?|offer|deal|fee|terms|agreement|agree|agrees|agreed|race) (?:'s |' |’ )?(?:(?:for|from) (?:[^\s,.;:]+ ){1,8}?)?to (?:\w+ly )?$"
                            # "urged the people who run Madrid to bring in X": a wish, not a deal
                            r"|\b(?:urg|lobb|tell|told|ask|push|beg|persuad|convinc|implor)\w* (?:\S+ ){1,8}?to $"),
    # "Juventus have different targets": someone else is wanted
    "interest": re.compile(r"\b(?:different|other|alternative) $"),
    # "X discovers £85m price tag": a price learned, not a sale
    "departure": re.compile(r"\bthreat(?:en|ens|ened|ening) to $|(?<!\S)@p (?:discover|learn|find|hear)\w* (?:out )?(?:an? |the |@m |[£€$] |\S*\d\S* )*$"),
    "contract_extension": re.compile(r"\b(?:deserv(?:e|es|ed|ing)|earn(?:s|ed|ing)?|merit(?:s|ed)?) (?:an? |the )?$"),
    # "wants to convince Spence to stay at Spurs": someone else's wish, not the player's word
    "denial": re.compile(r"\b(?:wants?|wanted|convinc\w*|persuad\w*|urg\w*|hop\w*|ask\w*|tell\w*|told|beg\w*) (?:\S+ ){1,6}?to $"),
}
# "refuses to rule out", "would not rule out": a denial taken back keeps the link open.
_NOT_RULING = r"\b(?:not|never|(?:won|wouldn|can|couldn|don|doesn|didn) t|refus(?:e|es|ed|ing) to|declin(?:e|es|ed|ing) to) (?:\S+ )?"
_RULE_OUT_OPEN = re.compile(_NOT_RULING + r"$")
_RULED_IN = re.compile(_NOT_RULING + r"rul(?:e|es|ed|ing) out (?:\S+ ){0,3}$")
_LEAVING = re.compile(r"\b(?:exit|sale|departure|leaving)$")
_IF = re.compile(r"\b(?:should|if|unless|in case|provided|providing|as long as) (?:\S+ ){0,5}$")
# Words after that take the development back: "as renewal stalls", "the deal fell through".
_UNDOABLE = frozenset({"contract_extension", "talks", "agreement", "completed", "medical", "loan", "bid"})
# "Madrid's talks with the City star stall": a party or two may stand between.
_UNDONE_LATER = re.compile(r" (?:with|over|for) (?:\S+ ){1,3}?(?:stall|stalls|stalled|collapse|collapses|collapsed|falter|falters|faltered|break down|breaks down|broke down)\b")
_UNDONE = re.compile(r" ?(?:(?:has|have|had|having|is|are|was|were) )?(?:been |now )?(?:stall|stalls|stalled|stalling|"
                     r"collapse|collapses|collapsed|collapsing|broke down|broken down|break down|breaks down|"
                     r"falter|falters|faltered|fell through|falls through|fallen through|hit a snag|hits a snag|"
                     r"off|called off|scrapped|on hold)\b")
# A club giving up a pursuit: no rung is asserted, nor is it the person's denial.
_WITHDRAWABLE = frozenset({"interest", "talks", "bid", "loan", "agreement", "completed"})
_WITHDRAWN = re.compile(r"\b(?:cool(?:s|ed|ing)?|end(?:s|ed|ing)?|drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?)"
                        r" (?:(?:their|its|his|her) (?:\S+ )?(?:$|interest|pursuit)|$)"
                        r"|\b(?:turn(?:s|ed|ing)? down|pass(?:es|ed|ing)? on|miss(?:es|ed|ing)? out on|pass(?:es|ed|ing)? up)"
                        r" (?:the |a )?(?:chance|opportunity) (?:\S+ ){0,9}$"
                        r"|\b(?:step(?:s|ped|ping)? back|walk(?:s|ed|ing)? away) (?:from|in) (?:\S+ ){0,3}$")
_LOAN = re.compile(r"\bloan(?:s|ed|ing)?\b")
_LOAN_STATE = re.compile(r"\bon loan (?:from|at|with)\b|\b(?:his|her|a) loan (?:spell )?(?:at|with)\b"
                         r"|(?:\b(?:his|her|the|a)|'s) loan (?:\S+ )?(?:permanent|into a permanent)\b")


def loan_mood(fr: Frame) -> str:
    """'move' when the sentence tells of a loan deal, 'state' for "on loan from X", else ''."""
    if "loan" not in fr.text or not _LOAN.search(fr.text):  # (every match holds "loan")
        return ""
    stripped = _LOAN_STATE.sub(" ", fr.text)
    return "move" if _LOAN.search(stripped) else "state"


def loan_in(fr: Frame, clause: range, mood: str) -> str:
    """The sentence's loan mood as one clause reads it: a clause naming its own club and person
    and no loan is another rumour of a round-up ("Villa close in on X loan, West Ham push for
    Y"), not part of the loan."""
    if mood != "move":
        return mood
    words = [fr.units[u][2] for u in clause]
    if "@c" in words and "@p" in words and not any(_LOAN.search(w) for w in words):
        return ""
    return mood


_DESCRIBING_EXIT = re.compile(r"\b(?:the|a|an|his|her|their|its|@c 's|@c) $")


# When two kinds' patterns overlap with equal length, the more specific one (earlier) wins.
_ORDER = ("denial", "bid_rejected", "loan", "contract_extension", "medical", "agreement",
          "departure", "completed", "bid", "talks", "interest")


def triggers(fr: Frame) -> list[Trigger]:
    """Every kind pattern found in the frame; a longer match hides shorter ones inside it."""
    found: list[Trigger] = []
    for i in _GATE.which(fr.text):  # in PATTERNS order: ties below keep the first found
        kind, rx, direction = PATTERNS[i]
        for m in rx.finditer(fr.text):
            if m.end() <= m.start():
                continue
            if (i >= _FIRST_FAMILY or shares_senses(m.group())) and other_sense(fr.text, m.start(), m.end()):
                continue  # "could lose Saka to a hamstring injury": a family word in a game's or a body's sense
            start = bisect_right(fr.offsets, m.start()) - 1
            end = bisect_right(fr.offsets, max(m.end() - 1, m.start()))
            head = fr.text[: fr.offsets[start]]
            if kind in _UNASSERTED and _UNASSERTED[kind].search(head) or kind in _UNDOABLE and _UNDONE.match(fr.text, m.end()):
                continue
            if kind == "departure" and _ENDED.search(head):
                continue  # "a deal that would end the uncertainty over his future": no exit told
            if kind in _WITHDRAWABLE and _WITHDRAWN.search(head):
                continue  # "Chelsea have cooled their interest in X": a pursuit given up, no claim
            if kind == "talks" and _UNDONE_LATER.match(fr.text, m.end()) or kind != "denial" and _IF.search(head):
                continue  # talks that stall; "should Rashford leave": a condition asserts nothing
            if kind == "denial" and fr.text.startswith("rul", m.start()) and _RULE_OUT_OPEN.search(head):
                # "refuses to rule out a Chelsea move" keeps the link; "won't rule out an exit", a departure
                kind, neg = "departure" if _LEAVING.search(m.group()) else "interest", False
            else:
                neg = kind != "denial" and bool(_NEG.search(head)) and not _RULED_IN.search(head)
            base = ""
            if neg and kind in _NEGATED:  # "will not leave" denies; "will not renew" departs
                base, kind, neg = kind, _NEGATED[kind], False
            if kind == "departure" and _DESCRIBING_EXIT.search(head) and m.group().endswith("ing") \
                    and fr.text.startswith("@p ", m.end() + 1):
                direction = "after"  # "a replacement for the departing X": the exit is X's
            found.append(Trigger(kind, start, end, direction, neg, base))
    found.sort(key=lambda t: (t.start - t.end, _ORDER.index(t.kind), t.start))
    kept: list[Trigger] = []
    for t in found:
        if any(k.start < t.end and t.start < k.end for k in kept):
            continue
        kept.append(t)
    return sorted(kept, key=lambda t: t.start)
