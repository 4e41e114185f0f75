"""A club's work on a deal, and a pursuit told by a headline's compound noun.

- Work on a deal: "continue to work on a deal for X", "working towards a move for X", "must
  work to secure a deal for X", "X deal nears", "proposed X deal stalls": the club is in
  contact over the player (claims.md: talks). A contract's new deal is not this ("working on
  a new deal for X" is his extension): those words stop the frame.
- A headline's "<player> transfer <turn>" compound beside a club: "Man United learn true X
  transfer value", "X transfer saga takes a twist", "boss gives fresh X transfer update": the
  clickbait form of a pursuit (labelling.md: implied interest counts). With no club in the
  item the interest has no counterpart, and merge drops it.

Patterns read the same frames as kinds.PATTERNS (`@c` club, `@p` person, `@m` money) and are
(kind, regex source, direction) like them; kinds.py compiles them into its table.
"""

from __future__ import annotations

# What a deal about a player is called; a contract's words are not among them.
_DEAL = r"(?:deal|move|transfer|agreement|swoop|switch|signing)"
_NOT_CONTRACT = r"(?!(?:new|fresh|improved|extended|long term|contract|extension|renewal) )"
_WORK = (r"(?:work(?:s|ed|ing)?|press(?:es|ed|ing)? on|push(?:es|ed|ing)? (?:on|ahead)|progress(?:es|ed|ing)?|"
         r"continu(?:e|es|ed|ing) to work|get(?:s|ting)? to work)")
_SECURE = r"(?:secure|complete|finalise|finalize|get|wrap up|tie up|push through|thrash out|strike|agree|seal)"
# Turns of a deal a headline tells with the deal's name: it is alive, so the clubs talk.
_DEAL_TURNS = (r"(?:nears|nearing|edges closer|edging closer|moves closer|moving closer|closer|close|progressing|progresses|"
               r"advancing|advances|stalls|stalling|stalled|hits (?:an? )?(?:snag|stumbling block|hurdle)|on hold|latest|update|"
               r"talks|talks continue|talks progress)")
# The turn a headline's "<player> transfer ..." compound names.
# (boosts and blows are the clickbait family's, families.NEWS_NOUNS, read with the club's verb)
_TURNS = (r"(?:stance|saga|value|valuation|decision|plan|plans|update|latest|twist|u turn|verdict|hint|admission|"
          r"state of play|green light|fee|price|demand|demands|swap)")

PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("talks", rf"\b{_WORK} (?:on|towards?) (?:an? |the )?{_NOT_CONTRACT}(?:\S+ )?{_DEAL} (?:for|to sign|to bring in) "
              r"(?=(?:\S+ ){0,4}@p)(?!(?:\S+ ){0,4}@p (?:'s )?(?:new |fresh |improved )?(?:contract|extension|renewal)\b)",
     "after"),
    ("talks", rf"\b(?:work(?:s|ed|ing)?|try(?:ing)?|tries|tried|push(?:es|ed|ing)?|battl(?:e|es|ed|ing)) (?:hard )?to {_SECURE} "
              rf"(?:an? |the )?{_NOT_CONTRACT}(?:\S+ )?{_DEAL} (?:for|with) (?=(?:\S+ ){{0,4}}@p)", "after"),
    ("talks", rf"(?<=@p )(?:'s )?(?:proposed |potential |possible |mooted |transfer |loan )?{_DEAL} {_DEAL_TURNS}\b", "near_before"),
    # A saga or a swap around the player: "the transfer saga of X to United", "in a deal for X".
    ("interest", r"\b(?:saga|tug of war|standoff|stand off) (?:of|over|involving|surrounding|around) (?=(?:\S+ ){0,3}@p)|"
                 r"\b(?:in|as part of) (?:an? |the |any )?(?:\S+ )?(?:deal|swap|exchange|package) (?:for|to sign|to land) (?=(?:\S+ ){0,4}@p)",
     "after"),
    # A club holding an option to buy a player it has on loan: "Barcelona have an option to buy
    # X", "Barcelona's option to sign him permanently" (the name may sit in another clause).
    ("interest", r"\b(?:option|obligation|clause) to (?:buy|sign|purchase|keep|make (?:the |his |her |that )?(?:move|deal|loan|switch) permanent)\b"
                 r"(?! (?:\S+ ){0,2}?(?:a |an )?(?:new|fresh|extended|improved) (?:contract|deal)\b)", "near"),
    # A player gone to a club: "X has left for Roma", "leaves for Benfica" (the club right after
    # "for": not "left for dead", "leaves for international duty").
    ("completed", r"\b(?:has left|have left|had left|left|leaves|departed|departs|quit|quits) for (?=(?:the )?@c(?! (?:'s )?(?:game|match|clash|tie|trip|friendly|fixture|camp|training|job|post|role|position|hot seat)\b))",
     "near_before"),
    # A club getting in touch about a player: "Chelsea contact Ajax about Kudus".
    ("talks", r"\b(?:contact|contacts|contacting|call|calls|calling|phone|phones|phoned|approach) (?=@c (?:about|over|regarding|for|to ask about) "
              r"(?:\S+ ){0,3}@p)", "after"),
    ("interest", rf"(?<=@p )(?:'s )?(?:transfer|move|deal) {_TURNS}\b(?! (?:\S+ ){{0,3}}?(?:injury|fitness|contract|"
                 r"extension|renewal|new deal)\b)", "near_before"),
)
