"""Word families of the kinds: one frame each, read in all its forms.

The patterns of kinds.py grew phrase by phrase; unseen outlets say the same things with other
members of the same families ("ready to part with", "will listen to offers for", "demand £50m
for" are all a club selling). Each family here is the set of words that fill one slot of one
frame (the verbs of a contest, the nouns of a clickbait development, the nouns of a manager's
job, the verbs of rebuffing talk), written once with their inflections, and each pattern is a
frame over families, so that every member meets every shape the frame takes (active, passive,
nominal, headline style). kinds.py compiles them with its own patterns; the keyword gate
(prefilter.py) reads them as it reads those.

Patterns are `(kind, regex over a frame, direction)` as in kinds.py.

Written for the keyword gate: it keys each pattern on literal stretches every match holds, so a
family is written with a whole word every branch needs ("a play for", "to find a new club"), not
behind optional words that cut the stretch, and no alternation's members all share a short
prefix (Python's parser factors "try|tries" into "tr" + ..., and the gate then opens on any word
starting "tr"; tests/claims/test_families_gate.py).
"""

from __future__ import annotations


def alt(*words: str) -> str:
    """A non-capturing alternation of the words, longest first (a regex prefers the first)."""
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


_alt = alt  # the short name the families below are written with


def verb_forms(*stems: str) -> list[str]:
    """A verb family in its regular forms, the first word inflected: "fight" -> fight, fights,
    fighted (harmless), fighting; "battle" -> battles, battled, battling; "ship" -> shipped,
    shipping; "weigh up" -> weighs up, weighing up. Irregular forms are listed as words."""
    out: list[str] = []
    for stem in stems:
        s, _, rest = stem.partition(" ")
        tail = " " + rest if rest else ""
        if s.endswith("e") and not s.endswith("ee"):
            forms = [s, s + "s", s + "d", s[:-1] + "ing"]
        elif s.endswith(("ch", "sh", "ss", "x")):
            forms = [s, s + "es", s + "ed", s + "ing"]
        elif s.endswith("y") and s[-2:-1] not in "aeiou":
            forms = [s, s[:-1] + "ies", s[:-1] + "ied", s + "ing"]
        elif len(s) <= 5 and s[-1] not in "aeiouwxy" and s[-2] in "aeiou" and s[-3] not in "aeiou":
            forms = [s, s + "s", s + s[-1] + "ed", s + s[-1] + "ing"]  # ship, shipped, shipping
        else:
            forms = [s, s + "s", s + "ed", s + "ing"]
        out += [f + tail for f in forms]
    return out


def _verb(*stems: str) -> str:
    return _alt(*verb_forms(*stems))  # the forms as one alternation


# --- families -------------------------------------------------------------------------------

# Clubs contending for one player: the verbs and the nouns of a contest, each word written once.
# The frame below reads them as alternations; contest.py reads the same words in a frame's units
# to tell a rival from a party (a phrase there by its last word: "lock horns with Inter").
CONTEST_VERB_WORDS: tuple[str, ...] = (*verb_forms("battle", "compete", "jostle", "tussle", "scrap", "duel", "challenge",
    "vie", "contend", "race", "outbid", "outmuscle", "pip"), "fight", "fights", "fighting", "fought", "rival", "rivals",
    "rivalling", "rivaling", "rivalled", "vying", "duelling", "go head to head", "goes head to head",
    "going head to head", "lock horns", "locking horns", "locked horns", "go toe to toe")
CONTEST_NOUN_WORDS: tuple[str, ...] = ("race", "races", "chase", "battle", "battles", "fight", "fights", "scramble",
    "queue", "hunt", "contest", "competition", "rivalry", "sweepstakes", "bidding war", "tug of war", "tussle", "scrap",
    "pursuit", "running", "pole position", "driving seat", "box seat", "war", "upper hand", "frontrunners",
    "favourites", "front of the queue", "duel", "threat", "challenge", "rivals")
CONTEST_VERBS = _alt(*CONTEST_VERB_WORDS,
                     _verb("face") + " (?:\\S+ )?(?:competition|rivalry|opposition|a fight|a battle)")
CONTEST_NOUNS = _alt(*CONTEST_NOUN_WORDS)
# Other words a contest's noun phrase holds before "for": the rival clubs, how hard it is ("with"
# and "from" a rival, which parties.py reads as no party: contest.py).
_CONTEST_FILL = _alt("against", "with", "from", "off", "it out", "@c", "and", "&", ",", "the", "a", "an",
                     "several", "other", "rival", "rivals", "clubs", "sides", "giants", "stiff", "fierce",
                     "strong", "stern", "late", "huge", "major", "three way", "two way", "transfer")
# What a contest is for when it is no transfer: a title, a place, an award.
_NOT_A_SIGNING = (r"(?! ?(?:\S+ ){0,4}?(?:title|titles|place|places|spot|spots|shirt|starting|golden boot|boot|"
                  r"award|ballon|trophy|top four|top spot|promotion|survival|safety|relegation|europe|glory|points|"
                  r"goal|goals|point|captaincy|armband|league|bundesliga|liga|serie a|ligue 1|cup|double|treble|fitness|"
                  # a place in a table: "pip Spurs for third"
                  r"second|third|fourth|fifth|sixth|seventh)\b)")

# The nouns a clickbait headline puts after a name for a development in a club's pursuit.
NEWS_NOUNS = _alt("boost", "boosts", "update", "updates", "blow", "setback", "lift", "news", "twist",
                  "green light", "development", "latest", "hope", "hopes", "breakthrough")
# Of them, those that name a turn in a pursuit on their own ("Isak boost for Liverpool"; not "team news").
_PURSUIT_NEWS = _alt("boost", "update", "blow", "setback", "lift", "twist", "green light", "breakthrough")
# Adjectives and nouns a clickbait development takes before its name ("huge", "transfer").
_NEWS_ADJ = _alt("an", "a", "the", "huge", "major", "big", "fresh", "new", "massive", "positive", "encouraging",
                 "promising", "exciting", "key", "important", "significant", "double", "latest", "crucial",
                 "worrying", "concerning", "late", "early", "surprise", "shock", "timely", "welcome", "triple",
                 "seismic", "stunning", "brilliant", "great", "good", "bad", "major", "massive", "fantastic")
_NEWS_OF = _alt("transfer", "move", "exit", "deal", "race", "chase", "pursuit", "swoop", "bid")
# Verbs a club takes a development with ("Liverpool receive Guéhi boost").
NEWS_VERBS = _alt(_verb("receive", "suffer", "deliver"), "get", "gets", "got", "getting", "handed", "given",
                  "dealt", "hit by", "hit with", "boosted by", "rocked by", "stunned by", "told of", "offered")
# A development that is about fitness or a game, not a pursuit.
_NOT_PURSUIT = (r"(?!(?: \S+){0,5} (?:injury|injured|fitness|fit|return to training|back in training|"
                r"ahead of|before|derby|clash|game|match|fixture|final|fans)\b)")

# A club selling its own player: verbs of letting go, and what a club asks for him.
SELL_VERBS = _alt(_verb("offload", "sell", "part with", "get rid of", "ship out", "let go of", "release", "freeze out",
                        "name a price for", "name their price for"), "sold", "want rid of", "wants rid of", "froze out",
                  "cash in on", "cashes in on", "cashed in on", "cashing in on", "got rid of",
                  _verb("sanction") + " (?:the |a |an )?(?:sale|exit|departure) of")
# The verbs that take the player between their words: "let X go", "move X on", "ship X out".
SELL_AROUND = _alt(_verb("let", "move", "ship", "push", "ease"))
ASKING = _alt(_verb("demand", "value", "quote", "want", "ask", "slap", "set", "insist on", "hold out for"),
              "held out for")
# What may follow "let X go", "move X on": the clause's end or a transfer's complement, not a
# direction, a place or a time ("pushes X out wide", "moves X on to the right", "lets X go on holiday").
_AFTER_LETTING_GO = (r"(?=$|[,.;:?!]|(?:to @c|on loan|on a free|for free|for @m|for a fee|in (?:january|the summer|the winter)|(?:this|next) "
                     r"(?:summer|winter|window|january|month|season|year)|at the end|before|after the season|as|amid|if|with|despite|and|but|or|now|permanently|"
                     r"cheaply|elsewhere|abroad)\b)")
# Market movements of a value with no club setting it ("X's valuation soars").
_MARKET_MOVES = _alt("soars", "soar", "rises", "rise", "rockets", "jumps", "climbs", "drops", "falls", "plummets",
                     "increases", "doubles", "skyrockets", "hits", "tops", "surges")
# Goods that carry a player's name ("the sale of X shirts").
_GOODS = _alt("shirt", "shirts", "jersey", "jerseys", "kit", "kits", "boots", "merchandise", "tickets", "cards", "stickers",
              "memorabilia", "book", "books", "album")
_OFFERS = _alt("offers", "bids", "approaches", "proposals", "enquiries", "suitors")
_HEARING = _alt(_verb("listen", "accept", "consider", "entertain", "field", "welcome", "invite"), "open to")

# A future in question: nouns of doubt, and bodies deciding on it.
DOUBT_NOUNS = _alt("doubt", "doubts", "question", "questions", "question mark", "question marks", "uncertainty",
                   "concern", "concerns", "fears")
DECIDING = _alt(_verb("discuss", "decide", "review", "assess", "consider", "debate", "weigh up"),
                "weighs up", "weighing up", "meet to discuss", "meeting to discuss", "meet over", "meeting over",
                "meets over", "talks over", "summit over", "crisis talks over", "decision on", "verdict on",
                "to decide on", "to meet over")

# Nouns of a manager's job ("the Spurs hot seat", "the Celtic dugout").
JOB_NOUNS = _alt("job", "post", "vacancy", "hot seat", "hotseat", "dugout", "reins", "helm", "top job",
                 "managerial role", "managerial post", "managerial vacancy", "managerial job", "managerial position",
                 "head coach role", "head coach job", "manager 's job", "coaching job", "manager 's role")
# Words that make a person a candidate for a job or a player a club's target.
CANDIDACY = _alt("in line", "earmarked", "lined up", "tipped", "backed", "fancied", "odds on", "favourite",
                 "favorite", "frontrunner", "front runner", "leading candidate", "top candidate", "candidate",
                 "contender", "shortlisted", "considered", "being considered", "under consideration", "approached",
                 "linked", "in the frame", "in the running", "in contention", "in pole position", "on the shortlist",
                 "top of the list", "the leading name", "wanted", "a target", "the target", "the top target",
                 "first choice", "the first choice", "the preferred choice", "preferred candidate")

# Verbs of rebuffing talk, and the nouns of the talk rebuffed.
REBUFF = _alt(_verb("deny", "dismiss", "downplay", "quash", "rebuff", "rubbish", "refute", "scotch", "reject"),
              "play down", "plays down", "played down", "playing down", "shut down", "shuts down",
              "shutting down", "laugh off", "laughs off", "laughed off", "laughing off", "brush off", "brushes off",
              "brushed off", "brushing off", "brush aside", "brushes aside", "brushed aside", "brushing aside",
              "pour cold water on", "pours cold water on", "poured cold water on", "pouring cold water on",
              "hit back at", "hits back at", "put to bed", "puts to bed", "shoot down", "shoots down", "shot down",
              "distances himself from", "distanced himself from", "distance himself from",
              "distances herself from", "distances themselves from", "distance themselves from")
TALK_NOUNS = _alt("talk", "rumour", "rumours", "rumor", "rumors", "speculation", "report", "reports", "claim",
                  "claims", "link", "links", "suggestion", "suggestions", "stories", "story", "gossip")
_TALK_FILL = _alt("the", "all", "any", "recent", "fresh", "reported", "persistent", "growing", "latest", "those",
                  "these", "such", "his", "her", "their", "@p 's", "summer", "january", "fresh", "recent")
# Nouns that make talk transfer talk: "exit rumours", "talk of a Liverpool exit", "Man Utd talk".
_MOVES = _alt("exit", "transfer", "move", "switch", "departure", "interest", "return")
_MOVER = _alt(_MOVES, "@c", "@c " + _MOVES, "@p " + _MOVES)

# Contact made: being in touch, reaching out, sitting down with a player's people.
CONTACT = _alt("in touch with", "in contact with", "in dialogue with", "in discussion with", "in discussions with",
               "reach out to", "reaches out to", "reached out to", "reaching out to", "got in touch with",
               "get in touch with", "gets in touch with", "sit down with", "sits down with", "sat down with",
               "sitting down with", "opened dialogue with", "open dialogue with", "opened a dialogue with",
               "opened a line of communication with", "open a line of communication with",
               "opened lines of communication with", "line of communication with")
PEOPLE_OF = _alt("agent", "agents", "representatives", "representative", "reps", "entourage", "camp", "advisers",
                 "advisors", "intermediaries", "father", "lawyers", "agency")
HAGGLE = _alt(_verb("discuss", "negotiate", "haggle over", "thrash out"), "thrashing out")

# A temporary move: the verbs that take a player somewhere, and the nouns of a loan.
LOAN_VERBS = _alt(_verb("send", "farm", "ship", "let", "allow", "take", "bring", "get", "want", "land", "sign",
                        "secure", "move", "head", "borrow", "request", "seek", "push"),
                  "sent", "taken", "took", "brought", "got", "go", "goes", "going", "sought")
LOAN_NOUNS = _alt("loan", "temporary basis", "temporary deal", "season long loan",
                  "six month loan", "initial loan", "loan basis", "temporary move", "temporary switch")

# --- patterns over the families --------------------------------------------------------------

PATTERNS: tuple[tuple[str, str, str], ...] = (
    # Clubs contending for a player: "battling Newcastle for X", "face competition from PSG for X",
    # "ahead of Chelsea in the queue for X", "in the hunt for X".
    ("interest", rf"\b{CONTEST_VERBS} (?:{_CONTEST_FILL} ){{0,6}}?(?:for|over) (?:the )?(?:signature of |services of )?"
                 rf"{_NOT_A_SIGNING}(?=(?:\S+ ){{0,4}}@p)", "after"),
    ("interest", rf"(?<!win )(?<!wins )(?<!won )(?<!winning )(?<!win the )(?<!wins the )(?<!won the )\b{CONTEST_NOUNS} (?:for|over) (?:the )?(?:signature of |services of )?{_NOT_A_SIGNING}(?=(?:\S+ ){{0,4}}@p)", "after"),
    # Clickbait: "Liverpool receive huge Guéhi update", "Big Isak boost for Liverpool", "Gyökeres
    # update hands Arsenal hope": a development in the club's pursuit, the name inside it.
    ("interest", rf"(?<=@c ){NEWS_VERBS} (?:{_NEWS_ADJ} ){{0,3}}@p (?:'s )?(?:{_NEWS_OF} )?{NEWS_NOUNS}\b{_NOT_PURSUIT}", "near"),
    ("interest", rf"(?<!\S)(?:{_NEWS_ADJ} ){{0,3}}@p (?:{_NEWS_OF} )?{_PURSUIT_NEWS} (?:for|to|hands|gives|boosts|offers)"
                 rf" (?:\S+ ){{0,2}}?@c\b{_NOT_PURSUIT}", "near"),
    # A club's name fused to a participle of wanting: "Liverpool-linked X", "Man Utd-wanted X".
    ("interest", r"(?<=@c )(?:linked|wanted|chasing|tracked|eyed|monitored|courted|coveted|targeted) (?=@p)(?!@p (?:\S+ ){0,3}?to (?:stay|be|"
                 r"remain)\b)", "after"),
    # Pouncing, luring, lining him up: "ready to pounce for X", "make a play for X", "line up X".
    ("interest", r"\bpounce (?:for|on) (?=(?:\S+ ){0,3}@p)|\b(?:muscle|muscles|muscling) in on (?=(?:\S+ ){0,3}@p)|\bhat into (?:the )?ring "
                 r"for (?=(?:\S+ ){0,3}@p)|\ba play for (?=(?:\S+ ){0,3}@p)|\b(?:go|goes|going|went) back in for "
                 r"(?=(?:\S+ ){0,3}@p)|\brun(?:s|ning)? the rule over (?=(?:\S+ ){0,3}@p)|\b(?:line|lines|lining|lined) up (?=@p)(?!@p (?:\S+ ){0,2}?(?:in (?:attack|midfield|defence|goal)|at (?:right|left|centre)|"
                 r"alongside|against|up front|on the (?:left|right|bench))\b)|"
                 r"\b(?:pinpoint(?:s|ed)?|single(?:s|d)? out|earmark(?:s|ed)?|lure(?:s|d)?|luring|prise(?:s|d)? away|prize(?:s|d)? away|"
                 r"tempt(?:s|ed)?) (?=@p)(?!@p (?:\S+ )?(?:as (?:captain|skipper)|to stay)\b)", "after"),
    # A club turning to a person, exploring a move for him.
    ("interest", r"(?<=@c )(?:turn|switch|shift)(?:s|ed|ing)? (?:their |its )?(?:(?:attention|attentions|focus|sights) )?to (?=@p)(?!@p (?:\S+ ){0,3}?for (?:inspiration|goals|help|answers)\b)", "after"),
    ("interest", rf"\b{_verb('explore', 'assess', 'investigate', 'examine')} (?:an? |the )?(?:\S+ )?(?:deal|move|swoop|bid|approach|"
                 r"transfer|option|possibility|signing) (?:for|to sign|of signing) (?=(?:\S+ ){0,3}@p)", "after"),
    # A move spoken of as possible: "the potential transfer of X", "a proposed switch for X".
    ("interest", r"\b(?:potential|possible|proposed|mooted|prospective|rumoured|touted|speculative|ambitious|audacious) "
                 r"(?:(?!positional |tactical |role )(?:@m |\S+ )){0,2}?(?:transfer|move|deal|signing|swoop|switch|approach|raid) (?:of|for) "
                 r"(?=(?:\S+ ){0,4}@p)", "after"),
    # A club coming to the rescue or players teaming up at a club: "saved by Brentford", "team up at Benfica".
    ("interest", r"\b(?:rescued|saved|thrown a lifeline|offered a lifeline|handed a lifeline) by (?=@c)|\b(?:link|links|linking|team|"
                 r"teams|teaming|join forces|joins forces) up (?:again )?at (?=@c)|\breunit(?:e|es|ed|ing) (?:\S+ ){0,3}?at (?=@c)", "before"),
    # Clubs keen, whatever adverb stands between: "Tottenham and United are both keen", "remain very interested".
    ("interest", r"(?<=@c )(?:are|is|remain|remains|were|was) (?:both |all |also |still |now |very |particularly |extremely |genuinely |"
                 r"seriously |strongly |long |keen )+(?:keen|interested|admirers|monitoring|tracking)\b", "near"),
    # Trying again, a fresh attempt: "Barcelona to try again for X", "a renewed push for X".
    ("interest", r"\b(?:try|tries|tried|trying|attempting) (?:again |once more )?for (?=(?:\S+ ){0,3}@p)(?!(?:\S+ ){0,3}@p 's)|\b(?:go|goes|going|come|"
                 r"comes|coming|return|returns|returning) (?:back )?(?:again|once more) for (?=(?:\S+ ){0,3}@p)(?!(?:\S+ ){0,3}@p 's)|\b(?:fresh|renewed|new|another|second|third|late|final|last ditch) "
                 r"(?:attempt|push|effort|approach|move|swoop|raid|bid) (?:for|to sign|to land) (?=(?:\S+ ){0,4}@p)", "after"),
    # Weighing the idea of getting him: "exploring the possibility of bringing in X".
    ("interest", r"\b(?:possibility|option|idea|prospect|feasibility) of (?:signing|bringing in|bringing back|landing|recruiting|luring|"
                 r"securing|snapping up|re signing|a move for|a deal for|a bid for) (?=(?:\S+ ){0,3}@p)", "after"),
    # A player's own preference for a club: "prefers Man Utd", "has his heart set on Arsenal".
    ("interest", r"\b(?:prefer(?:s|red)?|(?:has|have|had) (?:his|her|their) heart set on|heart (?:is )?set on|(?:has|have) eyes only for|"
                 r"set on joining|keen on joining) (?=@c)(?!@c (?:to|over @c to) (?!@c|join|sign|move)\S+)", "before"),
    # Passive with its agent: "identified as a target by Arteta", "earmarked by Chelsea".
    ("interest", r"\b(?:identified|earmarked|singled out|chosen|picked out|flagged|recommended|tracked|monitored|"
                 r"targeted|wanted|admired|coveted|rated highly|courted|sought|highlighted) (?:as (?:an? |the )?(?:\S+ ){0,2}?"
                 r"(?:target|option|priority|choice|replacement|successor|alternative) )?by (?=(?:@c |@c 's )?(?:\S+ )?@p|@c)"
                 r"(?!@c (?:'s )?(?:coaches|coaching staff|staff|fans|supporters|physios|analysts|medical|players|teammates|pundits)\b)", "before"),
    # A person heading a list of candidates or targets: "X leads the list", "tops the shortlist".
    ("interest", r"\b(?:lead(?:s|ing)?|head(?:s|ing)?|top(?:s|ping)?) (?:the |their |a )?(?:@c 's )?(?:\S+ )?(?:list|shortlist|"
                 r"wishlist|contenders|candidates|queue)\b(?! (?:\S+ ){0,3}?(?:award|player of|scorers|scoring|goals|assists|ratings|most|best|top)\b)|\bamong (?:the )?(?:names|candidates|contenders|"
                 r"options|targets|frontrunners|favourites) (?:for|to|on|at|being)\b" + _NOT_A_SIGNING, "near_before"),
    # The one to take a job: "Is X the man to replace Y?", "the ideal candidate to succeed Y".
    ("interest", r"(?<=@p )(?:is |was |as |be )?(?:the )?(?:right |ideal |perfect |natural |obvious |best |leading |top )?(?:man|candidate|choice|fit|appointment|"
                 r"successor|option) to (?:replace|succeed|take over (?:at|from)|take charge (?:at|of)|lead) (?=@p|@c|the )", "before"),
    # A list of candidates or targets naming them: "a shortlist including X, Y and Z".
    ("interest", r"\b(?:shortlist|list|candidates|contenders|targets|names|frontrunners) (?:\S+ ){0,2}?(?:including|"
                 r"featuring|comprising|that includes|which includes|headed by|led by) (?=@p)", "after"),
    # A manager's job in all its nouns: "considered for the Man Utd dugout", "in line for the hot seat".
    ("interest", rf"\b(?:emerg(?:e|es|ed|ing) as (?:an? |the )?(?:\S+ )?)?{CANDIDACY} (?:\S+ ){{0,2}}?(?:for|about|over|to take|to land|to fill) (?:the )?(?:vacant |next |new )?"
                 rf"(?:@c (?:'s )?)?(?:\S+ )?{JOB_NOUNS}\b", "before"),
    # --- a manager's job: taken, to be taken, talked over -----------------------------------------
    ("agreement", rf"\baccept(?:s|ed|ing)? (?:the |an? )?(?:@c (?:'s )?)?(?:\S+ )?{JOB_NOUNS}\b|\b(?:to be|will be|set to be|"
                  r"poised to be|expected to be|about to be|due to be) (?:named|appointed|unveiled|confirmed|installed) (?:as )?(?:the )?"
                  r"(?:new )?(?:@c (?:'s )?)?(?:new |permanent |interim )?(?:manager|coach|head coach|boss)\b(?! of the (?:month|season|year|week)\b)", "before"),
    ("completed", r"\b(?:is|are|becomes|became|named|appointed|confirmed|unveiled) (?:as )?the new (?:permanent |interim )?(?:@c (?:'s )?)"
                  r"(?:manager|coach|head coach|boss)\b", "before"),
    ("talks", r"\b(?:undergo(?:es|ne|ing)?|underwent|attend(?:s|ed|ing)?|has|had|hold(?:s|ing)?|held|conduct(?:s|ed|ing)?) "
              r"(?:an? |his |her |the )?(?:first |second |third |final |formal |further |another |successful )?interviews? "
              r"(?:with|for|at)\b(?! (?:the )?(?:@c |@p )?(?:'s )?(?:\S+ )?(?:tv|radio|media|podcast|channel|website|magazine|newspaper|"
              r"programme|show|documentary|youtube|journalists?|reporters?)\b)", "near_before"),
    ("talks", rf"\b(?:(?:set to be |to be |been |has been |is |was )?offered|edg(?:e|es|ing) closer to|nears|nearing) (?:the )?"
              rf"(?:@c (?:'s )?)?(?:\S+ )?{JOB_NOUNS}\b|\binterviewed by (?=@c)", "before"),
    ("interest", rf"\b(?:keen on|open to (?:taking|accepting)|wants?|interested in|eyeing|eyes|in the mix for) (?:the )?(?:@c (?:'s )?)?"
                 rf"(?:\S+ )?{JOB_NOUNS}\b|(?<=@p )(?:is )?(?:the )?(?:right |ideal |perfect )?(?:man|candidate|choice) for (?:the )?"
                 rf"(?:@c (?:'s )?)?(?:\S+ )?{JOB_NOUNS}\b|\b(?:favourite|favorite|frontrunner|candidate|contender|tipped|backed) "
                 r"to (?:manage|coach|lead) (?=@c)|\b(?:choice|option|candidate) (?:of|for) (?=@c)(?!@c (?:\S+ )?(?:fans|supporters)\b)|"
                 r"\b(?:considered|in the mix) (?:by|at) (?=@c)", "before"),
    ("denial", rf"\b(?:turn(?:s|ed|ing)? down|reject(?:s|ed|ing)?|snub(?:s|bed)?|rebuff(?:s|ed)?|rule(?:s|d)? (?:himself|herself) out of"
               rf"(?: the running for)?|(?:withdraws?|withdrew|withdrawn|steps? aside) from (?:the )?(?:running|contest|race) for|pull(?:s|ed)? out of (?:the )?"
               rf"(?:running|contest|race) for) (?:the )?(?:@c (?:'s )?)?(?:\S+ )?{JOB_NOUNS}\b", "before"),
    # --- agreement, bid -------------------------------------------------------------------------
    # On his way to a club, edging closer to a move there.
    ("agreement", r"\bon (?:his|her|their) way to (?=@c)(?!@c (?:'s )?(?:training|ground|stadium|academy|camp)\b)"
                  r"(?!@c (?:for|to) (?!(?:an? |the )?(?:medical|move|transfer|deal|talks|signing|loan)\b))", "near_before"),
    ("talks", r"\bedg(?:e|es|ed|ing) closer to (?:an? |the )?(?:@c )?(?:deal|move|agreement|switch|return)\b(?! (?:from|after) )", "near_before"),
    # A contest won: "Arsenal win the race for X", "win the race to sign X". The deal is near, not done
    # (claims.md: completed needs the move official), so it is an agreement.
    ("agreement", rf"\b(?:win|wins|won|winning) (?:the )?(?:\S+ )?(?:race|battle|chase|fight|scramble|tussle|tug of war|"
                  rf"sweepstakes) (?:for|over|to (?:sign|land|secure|snap up|bring in)) (?:the )?(?:signature of )?{_NOT_A_SIGNING}"
                  r"(?=(?:\S+ ){0,3}@p)", "after"),
    # A bid told with its worth before its player: "submitted an offer worth €60m for X".
    ("bid", r"\b(?:(?:made|make|makes|making|submit(?:s|ted|ting)?|table[sd]?|tabling|lodge[sd]?|lodging|launch(?:es|ed|ing)?|sen[dt]|"
            r"sends|present(?:s|ed)?) (?:an? |the |their |a fresh |an improved |a new |an opening |a formal |a second )?)?(?:bid|offer|"
            r"proposal|package)s? (?:worth|of|in the region of|totalling|totaling|valued at) (?:around |about |up to |over )?@m "
            r"(?:\S+ )?(?:for|to sign) (?=(?:\S+ ){0,3}@p)", "after"),
    # An offer made to the person himself, a coach's contract or a player's terms: "made a formal
    # offer to X", "tabled a two-year offer worth €25m a season to X".
    ("bid", r"\b(?:made|make|makes|making|submit(?:s|ted|ting)?|table[sd]?|tabling|sen[dt]|sends|present(?:s|ed)?|put(?:s|ting)?)"
            r" (?:an? |the |their |its )?(?:\S+ ){0,3}?(?:offer|proposal)s? (?:\S+ ){0,6}?to (?=@p)", "after"),
    # Offering a fee: "offering €40m", "have offered £30m plus add-ons".
    ("bid", r"\boffer(?:s|ed|ing)? (?:around |about |up to |in excess of |more than )?@m\b(?! (?:\S+ ){0,2}?(?:week|weekly|wages?|salary|"
            r"year|yearly|season|annually)\b)", "near"),
    # --- departure ----------------------------------------------------------------------------
    # A club letting its own player go: "ready to part with X", "to move X on".
    ("departure", rf"\b{SELL_VERBS} (?=@p)(?!@p (?:'s )?(?:statement|video|footage|interview|message|photos?|pictures?|images?|"
                  rf"kit|shirt|song|documentary|tribute)\b)(?!@p (?:\S+ )?(?:from|off|on to|onto) the (?:bench|pitch|field)\b)|\b{SELL_AROUND} (?=@p (?:go|leave|depart|on|out) {_AFTER_LETTING_GO})", "after"),
    ("departure", rf"\b{_HEARING} (?:to )?(?:any |all |serious |big |good )?{_OFFERS} (?:(?:of|worth|in the region of) (?:around |about |"
                  rf"over |in excess of |upwards of )?@m )?(?:for|on) (?=(?:\S+ ){{0,4}}@p)", "after"),
    # What a club asks for him: "demand €50m for X", "slap a price tag on X" (a passive names the buyer).
    ("departure", rf"\b(?<!been )(?<!being )(?<!was )(?<!were ){ASKING} (?:at least |around |about |in excess of |upwards of |more than |an? |the )?@m (?:\S+ )?"
                  r"(?:asking price |price tag |valuation |fee )?(?:for|on) (?=@p)", "after"),
    ("departure", rf"(?:(?<=@c )|(?<=they ))\b{_verb('value')} (?=@p at @m)", "after"),  # his club, not a data site
    # The sale as a noun: "X sale", "the sale of X".
    ("departure", r"\b(?:plan(?:s|ning)?|sanction(?:s|ed|ing)?|approve[sd]?|approving|consider(?:s|ing)?|weigh(?:s|ing)? up|open to|"
                  r"push(?:es|ing)? for|ready for|prepared for) (?:an? |the )?@p (?:sale|exit)\b(?! (?:to|fee)\b)|"
                  rf"(?<=@p )(?:'s )?(?:asking price|price tag|valuation)\b(?! (?:\S+ )?{_MARKET_MOVES}\b)|\bsale of (?=@p)(?!@p (?:'s )?{_GOODS}\b)", "near"),
    # Free to go, told to find a club, no future, frozen out, on the market.
    ("departure", r"\b(?:free|allowed|permitted|cleared) to (?:leave|depart|go|find a new club|move on)\b|\btold (?:he |she )?"
                  r"(?:can|could|is free to|may) (?:leave|go(?! home| on holiday| off| back to (?:training|the hotel))|find|move on)\b|"
                  r"\bno (?:long term )?future (?:at|with|under)\b|\bfuture (?:lies |is )?away from (?=@c)|\bsurplus to requirements\b|"
                  r"\bfrozen out\b|"
                  r"\b(?:put|puts|placed|placing|added) (?:\S+ ){0,2}?on the (?:transfer )?market\b|(?<!not )(?<!never )\b(?:is|are|been|be) "
                  r"on the (?:transfer )?market\b|"
                  r"\bavailable (?:for|at) (?:the )?right (?:price|fee)\b", "near_before"),
    # A club losing its player, or ending his contract: "set to lose X", "braced for life without X".
    ("departure", r"\b(?:(?:set|poised|likely|expected|braced|resigned|about|going) to|facing|at risk of|in danger of|fear(?:s|ed|ing)?|"
                  r"could|may|might|will|would) (?:lose|losing) (?=@p)(?!@p (?:\S+ ){0,2}?(?:to (?:injury|suspension|a ban)|for (?:\S+ )?"
                  r"(?:weeks|months|game|games|match|season|rest)))|\b(?:prepar(?:e|es|ing)|plan(?:s|ning)?|braced) for (?:life|a future|"
                  r"the future) without (?=@p)|\bterminat(?:e|es|ed|ing) (?:the )?(?:contract of (?=@p)|(?=@p 's contract))|"
                  r"\bopen(?:s|ed)? the exit door (?:for|to) (?=@p)", "after"),
    # On the way out: "on his way out of Chelsea", "heading out of Old Trafford".
    ("departure", r"\bon (?:his|her|their|the) way out\b(?! of (?:the )?(?:stadium|ground|pitch|field|tunnel|hospital|training|game|match|team|side|"
                  r"starting|line up|xi)\b)|\b(?:heading|heads|headed|head|edging|pushed|shown|ushered|eased|"
                  r"shipped) out (?:of (?=@c)|of the (?:club|door)|the door|at (?=@c))", "near_before"),
    # A future in doubt: "doubts grow over X's future", "speculation about the future of X".
    ("departure", rf"\b{DOUBT_NOUNS} (?:\S+ ){{0,2}}?(?:over|about|around|surrounding|on) (?:the )?(?:future of (?=@p)|"
                  r"@p 's (?:@c )?(?:long term )?future)", "near"),
    # Bodies deciding a manager's fate: "board to meet over X's future", "discuss the future of X".
    ("departure", rf"\b{DECIDING} (?:the )?(?:future of (?=@p)|@p 's (?:@c )?(?:future|position)\b)", "near"),
    # The person himself meeting over his future: "X will meet the board to discuss his future".
    ("departure", r"(?<!\S)@p (?:(?:will|to|is|are|set|due|has|have|been|expected|now) )*(?:meet|meets|meeting|hold|holds|holding|"
                  r"in|for|summoned to|called to) (?:\S+ ){0,4}?(?:to discuss|over|about|on) (?:his|her|their) (?:long term )?future\b", "near_before"),
    # For sale; told to find a club.
    ("departure", r"(?<=@p )(?:is |now |also |available )?(?:up )?for sale\b|\btell(?:s|ing)? (?=@p (?:he |she )?(?:can|could|is free to) (?:leave|go(?! home| on holiday| off)|find))|\btell(?:s|ing)? (?=@p to find a new club\b)|"
                  r"\btold to find a new club\b", "near_before"),
    # A job near its end: "days are numbered", "one game from the sack", "position under scrutiny",
    # "time up for", "fighting to keep his job", "set to be replaced".
    ("departure", r"\bdays (?:are |look |seem )?numbered\b|\b(?:one|two) (?:game|games|match|matches|defeat|defeats|"
                  r"result|results) (?:away )?from (?:the )?(?:sack|axe|exit|chop)\b|\b(?:position|job|tenure|reign) "
                  r"(?:\S+ ){0,2}?under (?:\S+ )?(?:scrutiny|review)\b|\btime (?:is |could be |may be |now )?up for (?=@p)|"
                  r"\bfight(?:s|ing)? to (?:keep|save) (?:his|her|their) job\b|\bcling(?:s|ing)? (?:on )?to (?:his|her|their) job\b|"
                  r"\b(?:set|poised|expected|due|likely|about|going) to be (?:replaced|relieved of (?:his|her|their) duties|shown the door)\b", "near_before"),
    # A manager fearing for his job, out of one, relieved of it; a club wanting him replaced.
    ("departure", r"\bfear(?:s|ed|ing)? for (?:his|her|their) (?:job|future|position)\b(?! in the (?:team|side|starting|first team|xi|line up)\b)|\bout of (?:a |his |her )?job\b|"
                  r"\breliev(?:e|es|ed|ing) (?=@p of (?:his|her|their) (?:duties|role|position|post)\b)|"
                  r"\bwant(?:s|ed)? (?=@p (?:replaced|removed|dismissed)\b)", "near_before"),
    # A player pushing to go: "agitating for a move", "plotting a Chelsea escape", "requests a transfer",
    # "downs tools" (running out his contract, "will become a free agent", is kinds._EXPIRY's).
    ("departure", r"\b(?:agitat(?:e|es|ed|ing)|angl(?:e|es|ed|ing)|plot(?:s|ted|ting)?|seek(?:s|ing)?|sought) (?:for )?(?:an? |his |her )?"
                  r"(?:@c )?(?:move away|escape|exit|way out|departure|transfer away)\b|\bagitat(?:e|es|ed|ing) for (?:an? )?(?:move|transfer)\b|"
                  r"\brequest(?:s|ed|ing)? (?:an? )?transfer\b|\bdown(?:s|ed|ing)? tools\b|\brefus(?:e|es|ed|ing) to (?:train|travel)\b|"
                  r"\b(?:career|future|time) (?:\S+ ){0,2}?(?:hangs?|"
                  r"hanging) (?:by a thread|in the balance)\b", "near_before"),
    # A successor sought for someone: he is on his way out.
    ("departure", r"\b(?:line|lines|lined|lining|identify|identifies|identified|shortlist|shortlists|shortlisted|sound|sounds|"
                  r"sounded|eye|eyes|eyeing|plan|plans|planning|search|searching|hunt|hunting) (?:up |out |for )?(?:an? |his |her )?"
                  r"(?:potential |possible )?(?:replacement|successor) (?:for|to) (?=@p)", "after"),
    # A contract offer refused: "turned down Liverpool's latest contract offer".
    ("departure", r"\b(?:reject(?:s|ed|ing)?|turn(?:s|ed|ing)? down|snub(?:s|bed)?|rebuff(?:s|ed)?|knock(?:s|ed)? back|refuse[sd]?|"
                  r"decline[sd]?) (?:(?:an?|the|his|her|their|@c 's|@c|latest|new|fresh|improved|final|renewed|bumper|lucrative) ){0,4}"
                  r"(?:(?:contract|extension|renewal) (?:offer|proposal|terms)s?|(?:offer|proposal)s? of (?:an? |the )?(?:(?:new|fresh|"
                  r"improved|extended|longer|bumper|lucrative|better) )+(?:contract|deal|terms)|(?:offer|proposal)s? of (?:an? |the )?"
                  r"(?:contract )?(?:extension|renewal))\b", "near_before"),
    # The end, a farewell: "the end for X at Y", "X farewell confirmed".
    ("departure", r"\bthe end for (?=@p)|\bthe end of the road for (?=@p)|(?<=@p )(?:'s )?(?:farewell|goodbye) (?:is |has been |was )?(?:confirmed|announced|"
                  r"made official)\b", "near"),
    # Ending a career in other words.
    ("departure", r"\bcall(?:s|ed|ing)? it a day\b|\bbow(?:s|ed|ing)? out (?:of|from) (?:the )?(?:game|football|professional football)\b", "near_before"),
    # --- denial -------------------------------------------------------------------------------
    # Rebuffing talk in all its forms: "plays down talk of a Liverpool exit", "brushes aside exit
    # rumours", "slam reports linking them with X".
    ("denial", rf"\b{REBUFF} (?:{_TALK_FILL} ){{0,2}}(?:{_MOVER} )(?:{TALK_NOUNS})\b|\b{REBUFF} (?:{_TALK_FILL} ){{0,2}}"
               rf"(?:links?|(?:{TALK_NOUNS}) (?:linking|that link|connecting|of (?:interest|a move|an exit) from)\b|(?:{TALK_NOUNS}) "
               rf"(?:of|about|over|on|regarding|suggesting) (?:\S+ ){{0,3}}?{_MOVES}\b|(?:{TALK_NOUNS}) (?:that )?@p "
               rf"(?:\S+ ){{0,3}}?(?:leave|leaves|leaving|exit|depart|join|joining|move))|\bnot (?:on the (?:transfer )?market|up for sale)\b", "near"),
    # Doors shut on a move, a move blocked, a player untouchable, staying on.
    ("denial", r"\b(?:slam(?:s|med|ming)?|clos(?:e|es|ed|ing)|shut(?:s|ting)?) (?:the )?door on (?:an? |any )?(?:@c |@p 's |@p )?(?:\S+ )?"
               r"(?:move|exit|sale|switch|departure|transfer|return|@c)\b|\bblock(?:s|ed|ing)? (?:an? |any )?(?:@p 's |@p )?(?:@c )?"
               r"(?:move|exit|sale|switch|departure|transfer)\b|\brul(?:e|es|ed|ing) out (?:an? |any )?(?:@p 's |@p )(?:sale|exit|"
               r"departure|move|transfer)\b|(?<!not )(?<!longer )(?<!not seen as )(?<!longer seen as )(?<!not regarded as )"
               r"(?<!longer regarded as )(?<!not considered )(?<!longer considered )\buntouchable\b|\bput(?:s|ting)? (?:the |all )?(?:\S+ )?(?:talk|rumou?rs?|speculation|"
               r"links?) (?:of (?:\S+ ){1,3})?to bed\b|\bdistanc(?:e|es|ed|ing) (?:himself|herself|themselves|itself) from (?=@p|@c)", "near"),
    ("denial", r"\b(?:will|to|would|shall) remain (?:at|with) (?=@c)(?!@c (?:\S+ ){0,3}?(?:until|till|through|on loan)\b)(?!@c 's )"
               r"(?!@c (?:training|medical|academy|physios?|staff|ground|stadium|camp|base)\b)|"
               r"\breject(?:s|ed)? (?=@c)(?!@c (?:\S+ )?(?:bid|bids|offer|offers|approach|approaches|proposal|@c)\b)", "before"),
    # --- talks --------------------------------------------------------------------------------
    ("talks", rf"\b{CONTACT}\b", "near"),
    # Asking about him, meeting his club over him, talks under way, a deal edged closer to.
    ("talks", r"\bask(?:s|ed|ing)? about (?=@p)|\brequest(?:s|ed|ing)? (?:information|details) (?:on|about) (?=@p)|\b(?:meet|meets|met|meeting) "
              r"(?:with )?@c (?:officials |chiefs |representatives )?(?:over|about|to discuss) (?=(?:\S+ ){0,3}@p)|\b(?:talks|negotiations|"
              r"discussions) (?:are |remain )?(?:ongoing|continuing|progressing|advancing|underway|under way|taking place|held) (?:between "
              r"@c (?:and|&) @c )?(?:over|about|for|regarding) (?=(?:\S+ ){0,3}@p)|\bsen(?:d|ds|t|ding) (?:a )?delegation\b|"
              r"\bedg(?:e|es|ed|ing) closer to (?:an? |the )?(?:@p (?:'s )?|@c )?(?:deal|move|agreement|signing|switch)\b", "after"),
    ("talks", rf"\b(?:{_verb('meet', 'contact', 'call', 'phone')}|met|{CONTACT}) (?=(?:@c 's |@p 's |\S+ 's )?(?:\S+ )?{PEOPLE_OF}\b)", "after"),
    ("talks", rf"\b{HAGGLE} (?:an? |the )?(?!(?:new|fresh|improved|contract|extension|his|her) )(?:\S+ )?(?:@p )?"
              r"(?:fee|deal|terms|transfer|move|price|package)\b", "near"),
    # --- loan ---------------------------------------------------------------------------------
    ("loan", rf"(?<!about )\b{LOAN_VERBS} (?:\S+ ){{0,4}}?(?:on|out on) (?:an? |a season long |an initial )?{LOAN_NOUNS}\b(?! (?:from|at|with)\b)", "near"),
    ("loan", r"(?<!about a )(?<!about the )\b(?:loan|temporary (?:deal|move|switch|transfer)|loan to buy (?:deal|move|agreement)|loan with (?:an )?"
             r"(?:option|obligation) to buy)(?: (?:move|deal|switch|bid|offer|approach|agreement))? (?:for|of) (?=@p)|"
             r"\bloan to buy\b|\bloan with (?:an |the )?(?:option|obligation)\b", "near"),
    ("loan", r"(?<!\S)@p (?:\S+ ){0,3}?(?:loaned|farmed|shipped) out\b|\bborrow(?:s|ed|ing)? (?=@p)|(?<=@p )borrowed by (?=@c)|"
             r"\b(?:leave|leaves|leaving|depart|join|joins|move|moves|go|goes|head|heads) (?:\S+ ){0,2}?(?:temporarily|on a "
             r"temporary basis|on a short term basis)\b", "near_before"),
    # --- contract extension -------------------------------------------------------------------
    ("contract_extension", r"\b(?:agree(?:s|d)?|sign(?:s|ed)?|pen(?:s|ned)?) (?:an? )?(?:\S+ ){0,3}?(?:deal|contract|terms) "
                           r"to (?:stay|remain)\b|\b(?:agree(?:s|d|ing)?|sign(?:s|ed)?|commit(?:s|ted)?|set|poised) to "
                           r"(?:stay|remain) (?:at @c |with @c |on )?(?:(?:until|till|through) (?:\S+ )?(?:20\d\d|@y|@n|the end of|end of|next (?:season|summer|year)|"
                           r"at least|summer|june|the summer)|for (?:another|a further))\b", "near_before"),
    ("contract_extension", r"\b(?:tie(?:s|d)?|tying|lock(?:s|ed|ing)?) (?=@p (?:down )?(?:to|into) (?:an? |his |her )?(?:new |long term |fresh |"
                           r"bumper |lucrative )?(?:\S+ )?(?:contract|deal)\b)|\b(?:trigger(?:s|ed)?|activat(?:e|es|ed)|exercis(?:e|es|ed)) "
                           r"(?:an? |the )?(?:\S+ ){0,2}?(?:option|extension clause) (?:in|on) (?=@p 's (?:contract|deal))", "near"),
)
