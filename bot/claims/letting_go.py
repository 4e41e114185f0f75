"""Exit forms the sell and job-end families (families.py) do not read, each a shape of its own:

- a club offering its player around: "Juventus offer X to Premier League clubs", "X offered to
  Arsenal" (claims.md: a club offering a player to suitors is a departure, no destination; a
  named club he is offered to is weighing him up, an interest);
- a player outside his manager's plans: "X not part of Frank's plans", "no place in his plans";
- a sale told in the passive or with a discount: "X expected to be moved on", "prepared to
  accept a lower fee for X", "open to offers" with no "for" (the person is the clause's);
- a club releasing a player named by his position: "Everton release goalkeeper X";
- a manager the favourite for the sack: "favourite for the sack", "favourites to be the next
  to lose his job" (a candidacy word whose job is the exit, not a post).

Patterns read the same frames as kinds.PATTERNS (`@c` club, `@p` person, `@m` money) and are
(kind, regex source, direction) like them; kinds.py compiles them into its table.
"""

from __future__ import annotations

from bot.claims import jobs

# Who a club offers a player to: a club, or clubs told as a group ("several English sides").
_SUITORS = (r"(?:(?:several|various|some|many|a|few|number|host|of|other|rival|interested|potential|foreign|english|"
            r"italian|spanish|german|french|saudi|turkish|mls|top|premier|league|serie|la|liga|bundesliga|ligue|pro) ){0,4}"
            r"(?:@c|clubs|sides|teams|suitors|buyers)\b")
# Positions a squad list names a player by.
_POSITION = (r"(?:goalkeeper|keeper|defender|centre back|center back|full back|right back|left back|wing back|midfielder|"
             r"winger|forward|striker|playmaker|captain|academy graduate|youngster)")
# Plans for a game, not for the squad: "not in Arteta's plans for Sunday's game".
_NOT_A_GAME = (r"(?! (?:for|against|in) (?:\S+ ){0,3}?(?:game|match|clash|tie|fixture|final|derby|trip|visit|weekend|"
               r"opener|friendly|semi final|quarter final)\b)(?! against @c)")
_SOLD = r"(?:moved on|sold(?! out\b)|offloaded|shipped out|let go|cashed in on|transfer listed|put up for sale|sacrificed)"

PATTERNS: tuple[tuple[str, str, str], ...] = (
    # A club offering its player around, active and passive.
    ("departure", r"\boffer(?:s|ed|ing)? (?=@p to " + _SUITORS + ")", "after"),
    ("departure", r"(?<=@p )(?:has |have |had |is |was |were |being |been )*offered(?= to " + _SUITORS + ")", "near_before"),
    # Offered to a named club: that club is weighing him up (the offer is the pitch, not a bid).
    # (the trigger is "to", beside the departure's "offered": both are kept)
    ("interest", r"(?:(?<=@p offered )|(?<=been offered )|(?<=@p was offered )|(?<=@p were offered )|(?<=@p being offered ))"
                 r"to (?=@c(?! 's))", "near_before"),
    # Outside the manager's plans: the person before, the manager inside the trigger.
    ("departure", r"(?<=@p )(?:is |was |are |remains |still |does |do |did )?(?:not|no longer|(?:doesn|don|didn|isn|aren|wasn) t) (?:\S+ )?(?:part of|in|"
                  r"feature in|features in|figure in|figures in)(?=(?: the)? (?:@p 's|@c 's|his manager 's|the manager 's|the club 's|the coach 's) "
                  r"(?:\S+ )?plans\b" + _NOT_A_GAME + ")", "near_before"),
    ("departure", r"(?<=@p )(?:has |have |with )?(?:no|without a) (?:place|role|future) in(?= (?:@p 's|his manager 's|the manager 's|the coach 's) (?:\S+ )?plans\b" + _NOT_A_GAME + ")",
     "near_before"),
    # A sale in the passive: "X expected to be moved on", "could be sold this summer".
    ("departure", r"\b(?:(?:set|expected|poised|likely|due|going|about|ready|tipped) to |(?:could|will|may|might|would|should|must|can) "
                  r"(?:now |still )?)be " + _SOLD, "near_before"),
    # A discount accepted, offers heard with no "for" (the person is the clause's).
    ("departure", r"\b(?:accept|accepts|accepting|take|takes|taking) (?:an? |the )?(?:lower|reduced|cut price|smaller|cheaper|"
                  r"knockdown|bargain|cut|discounted) (?:fee|price|sum|offer|bid|amount)s? (?:for|to sell) (?=(?:\S+ ){0,4}@p)", "after"),
    ("departure", r"\b(?:open to|(?:listen|listens|listening) to|consider|considers|considering|entertain|entertains|entertaining|"
                  r"invite|invites|inviting) (?:\S+ )?offers\b(?! (?:for|on|from)\b)", "near_before"),
    # A club selling a player named with his fee or position first: "keen to offload £54m midfielder X",
    # "ready to sell unwanted striker X" (families.py's sell verbs take the name right after them).
    ("departure", r"\b(?:sell|sells|selling|offload|offloads|offloading|ship out|cash in on|part with|loan out|loans out|loaning out) "
                  r"(?:(?:the|their|its|@m|@c|'s|unwanted|flop|record|club record|out of favour|highly rated|rated|-|want away|"
                  r"veteran|young|experienced|star|talented) )*" + _POSITION + r" (?=@p)", "after"),
    # A club releasing a player named by his position.
    ("departure", r"\b(?:release[sd]?|releasing) (?:(?:the|their|its|veteran|young|experienced|former|reserve|backup|back up|"
                  r"third choice|second choice|out of contract) )*" + _POSITION + r" (?=@p)", "after"),
    # A manager the favourite for the sack, or to be the next to lose his job.
    ("departure", r"\b(?:favourite|favorite|odds on|tipped|frontrunner|front runner|clear favourite)s? (?:\S+ ){0,2}?for the "
                  r"(?:sack|axe|chop|exit door)\b|\b(?:favourite|favorite|odds on|tipped|frontrunner|front runner)s? "
                  r"(?:\S+ ){0,2}?to be (?:the )?(?:next|first) (?:\S+ ){0,3}?(?:to (?:be )?(?:sacked|axed|fired|lose|leave|quit|depart|"
                  r"go)|sacked|axed|fired|out)\b", "near_before"),
    # A club letting a list of players go: "prepared to let X, Y and Z go" (one name is families.py's).
    ("departure", r"\b(?:let|lets|letting|allow|allows|allowed|allowing) (?=@p (?:(?:,|and|or|&) (?:\S+ )?@p ){1,6}"
                  r"(?:go|leave|depart|move on)\b)", "after"),
    # An asking price told as a refusal: "will not leave for less than £100m", "won't sell X for
    # under €80m" is a price, so a sale (a departure), not a denial. The "not" is inside the
    # trigger, so it negates nothing; the longer match hides the denial's "will not leave".
    ("departure", r"(?<=@p )(?:(?:will|would|shall|is|are|does|do|can|could) )?(?:not|never|n t) (?:be )?(?:leave|leaving|go|going|"
                  r"sold|allowed to (?:leave|go)|let go|moving|move) (?:\S+ ){0,3}?for (?:anything |any fee |a penny |a fee |a cent )?"
                  r"(?:less than|under|below|short of|lower than) (?:\S+ ){0,2}?@m", "near_before"),
    ("departure", r"\b(?:will not|would not|won t|wouldn t|not|never|refuse to|refuses to|refusing to) (?:sell|let|part with|"
                  r"release|sanction the sale of|accept)(?= (?:@p|him|her) (?:go |leave |depart )?(?:\S+ ){0,3}?for (?:anything |any fee |"
                  r"a penny |a fee )?(?:less than|under|below|short of|lower than) )", "after"),
    # A sale with its buyer: "have agreed to sell X to PSG" is that club's agreement, "Arsenal
    # sell X to Porto" the move done (parties.py reads the selling club as the one he leaves).
    ("agreement", r"\b(?:agree|agrees|agreed|agreeing) (?:a deal |terms )?to (?:sell|transfer|let)(?= @p (?:go )?(?:\S+ ){0,2}?to @c)",
     "after"),
    ("completed", r"(?<=@c )(?:have |has )?(?:sell|sells|sold) @p(?= (?:\S+ ){0,2}?to @c)", "after"),
    ("completed", r"(?<=@p )(?:(?:has|have|had|is|was|been|being) )*sold(?= to @c)", "near_before"),
    ("agreement", r"\b(?:agree|agrees|agreed|agreeing|sanction|sanctions|sanctioned|approve|approves|approved) (?:the |a )?(?:\S+ )?sale of "
                  r"(?=@p (?:\S+ ){0,2}?to @c)", "after"),
    ("completed", r"\b(?:complete|completes|completed|completing|finalise|finalises|finalised|finalize|finalizes|finalized|"
                  r"seal|seals|sealed|confirm|confirms|confirmed) (?:the |a )?(?:\S+ )?sale of (?=@p (?:\S+ ){0,2}?to @c)", "after"),
    # A sale blocked or vetoed: the club keeps him.
    ("denial", r"\b(?:block|blocks|blocked|blocking|veto|vetoes|vetoed|vetoing|rule out|rules out|ruled out|ruling out) (?:the |any |a )?"
               r"(?:proposed |potential |mooted |possible )?(?:sale|exit|departure) of (?=@p)", "after"),
    # Not standing in his way: a club letting him go (the "not" is inside the trigger).
    ("departure", r"\b(?:not|n t|never) stand in (?:@p 's|his|her|the player 's) way\b|\b(?:not|n t|never) stand in the way of "
                  r"(?:an? |any )?(?=@p)", "near"),
) + jobs.PATTERNS  # a manager's job in forms of its own (jobs.py), carried into kinds.py's table with these
