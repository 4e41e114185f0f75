"""Kind patterns for forms the core table (kinds.py) did not read, each a grammatical shape
rather than a phrase:

- a rumour told in an add-on clause whose subject is the clubs ("X could leave as Everton and
  Fulham are showing interest", "with Lille among the clubs making contact"): the clause names
  nobody, so it goes on about the person of the clause before (clauses.bind borrows him);
- a person named as a candidate, option or target in apposition ("with X as strong candidate to
  replace Y", "X is one of the main targets");
- headline shorthand: a club seeking a move the name modifies ("Real seek McTominay move"), a
  name's "reunion", a club "after" a player at the end of a headline's clause, a permanent deal
  sought for a loanee;
- a deal told as a noun between its parties: an agreement reached "with Napoli for X" (the
  person comes after the seller), a bid submitted or sent "to sign X" or "to the club";
- a club wanting a former player back, or asking another club about a player;

Patterns read the same frames as kinds.PATTERNS (`@c` club, `@p` person, `@m` money) and are
(kind, regex source, direction) like them; kinds.py compiles them into its table.
"""

from __future__ import annotations

# A clause's own end in a frame: a mark, or the end of the text.
_END = r"(?:[;,.?!|] |$)"  # not ":" nor a dash: "Liverpool after Salah: life without him" is a label
_SUITOR_ADJ = r"(?:an? |the |their |its |strong |concrete |serious |keen |firm |genuine |real |formal |fresh |renewed |early )*"
# Not a candidate for an honour or a role in the side: "as strong candidate for captain", "as
# their main option on the left".
_NO_AWARD = r"(?! (?:on the (?:left|right)|in (?:midfield|defence|defense|attack|goal)|up front|at (?:left|right|centre|center)|out wide)\b)(?! (?:for|to be|to take) (?:the )?(?:captain|captaincy|armband|penalt|player of|manager of|coach of|of the month|of the season|award|ballon|golden|young player|goal of|starting|first team|number one|spot kicks?)\w*)"
_CANDIDATE = r"(?:candidate|frontrunner|front runner|favourite|favorite|option|target|contender|choice)"

PATTERNS: tuple[tuple[str, str, str], ...] = (
    # Clubs showing or registering interest, the person being the clause's subject or the one
    # before it: "as A, B and C are all showing interest". "showing interest in X" is left to
    # the core table's "interest in".
    ("interest", r"\b(?:show(?:s|ing|n|ed)?|express(?:es|ed|ing)?|register(?:s|ed|ing)?|declar(?:e|es|ed|ing)) " + _SUITOR_ADJ + r"interest\b(?! in\b)", "near_before"),
    # Clubs making contact, told as who is among them: "with Lille among the clubs making contact".
    # The trigger takes in "with Lille among" so the person is looked for from there back.
    ("talks", r"\b(?:with (?:@c (?:, |and |& )?)+among (?:the )?(?:\S+ )?)?(?:clubs?|sides?|teams?|suitors?) (?:\S+ ){0,2}?(?:making|made|make|makes|in|have made|has made) contacts?\b", "near_before"),
    # A suitor emerging for a player: "a main suitor has emerged for X" (suitors.py keeps it
    # without a club).
    ("interest", r"\bsuitors? (?:\S+ ){0,2}?(?:emerge[sd]?|emerging|surface[sd]?|appear(?:s|ed)?) (?:for|in the race for) (?=(?:\S+ ){0,3}@p)", "after"),
    # A club's interest on a condition the person meets: "Chelsea remain interested if X is open
    # to leaving" (a scenario is interest; what the condition says is no claim, see kinds._IF).
    ("interest", r"(?:(?<!\S)@c (?:still |also )?)?\b(?:remain(?:s)?|are|is|would be|will be) (?:still |also )?(?:interested|keen) (?:if|should|in case|provided) (?=@p (?:\S+ ){0,5}?(?:leave|leaving|available|availability|sale|sold|open|exit|move|depart|departure|go|quit)\b)", "after"),
    # A name in apposition as a candidate or target: "with X as strong candidate to replace Y"
    # (the name is inside the trigger: "as" opens a clause of its own).
    ("interest", r"(?<!\S)@p as (?:an? |the |their |@c 's )?(?:strong |leading |top |main |serious |possible |potential |prime |surprise |shock |early |first |preferred |ideal )?" + _CANDIDATE + r"\b" + _NO_AWARD, "before"),
    ("interest", r"(?<=@p )(?:is|are|remains?|was) (?:also )?(?:one of |among )(?:the |their |@c 's )?(?:\S+ )?(?:targets|options|candidates|contenders)\b", "before"),
    # Headline shorthand: a club seeking a move the name modifies.
    ("interest", r"(?<!\S)@c (?:seek|seeks|seeking|want|wants|eye|eyes|eyeing|consider|considers|plot|plots|plotting|mull|mulls|explore|explores|exploring|weigh up|weighs up|ponder|ponders) (?:an? |the )?(?:shock |surprise |dream |permanent |summer |january |possible |potential )?@p (?:move|transfer|switch|deal|return|reunion|swoop)\b(?! to (?:the )?(?:right|left|centre|center|central|wing|midfield|defence|attack|bench|position|role|number)\b)", "near"),
    # "X reunion update": a club's talk of bringing back someone it knows.
    ("interest", r"(?<=@p )reunion\b(?! (?:with|at|in|of)\b)", "near_before"),
    # A club "after" a player, the name closing the headline's clause: "Milan after Gimenez;".
    ("interest", r"(?:(?<=^@c )|(?<=: @c ))after (?:\S+ ){0,3}?(?=@p " + _END + ")", "after"),
    # An agreement reached with the selling club "for X": the person after the seller.
    ("agreement", r"\b(?:reach(?:es|ed)?|strike[s]?|struck|agree(?:s|d)?) (?:an? |the )?(?:\S+ ){0,2}?(?:agreement|deal)(?: in principle)?(?: with (?:@c|the club|the player))? (?:for|over) (?=(?:\S+ ){0,3}@p)", "near"),
    # A new contract offered, told as a noun: "X contract offer made", "X new deal offer".
    ("contract_extension", r"(?<=@p )(?:new |fresh |improved )?(?:contract|deal) offer\b(?! (?:from|by) @c)(?! (?:\S+ ){0,2}?\?)", "near_before"),
    # Contact between the two clubs over a player: "contacts between Juventus and Chelsea for
    # X" (with "no active" before it, a denial).
    ("talks", r"\bcontacts? (?:\S+ )?between @c and @c (?:for|over|about) (?=(?:\S+ ){0,3}@p)", "after"),
    # A loan extended or kept: "extend the loan", "loan extension".
    ("loan", r"\b(?:extend(?:s|ed|ing)?|renew(?:s|ed|ing)?) (?:the |his |her |@p 's )?loan\b|\bloan extension\b", "near_before"),
    # A club and a player as one story: "More on Como and Azon exclusive story", "an update on
    # the Arsenal and Zubimendi saga": a pursuit under way.
    ("talks", r"(?:(?<=on )|(?<=on the ))(?:@c and @p|@p and @c) (?:exclusive |transfer |deal )?(?:story|saga)\b(?! :)", "near"),
    # The last details of a deal settled between clubs: "resolving the last details of X deal".
    ("talks", r"\b(?:resolv|settl|finali[sz]|sort|iron|thrash|work)\w* (?:out )?(?:the )?(?:last |final |remaining |few |small )*(?:details|points|issues|documents|paperwork) (?:of|on|over|for|in) (?:the )?(?=(?:\S+ ){0,2}?@p)(?!(?:\S+ ){0,4}?(?:new |fresh |improved )?(?:contract|extension|renewal)\b)", "after"),
    # The managers a sack race names after "as": "sack race odds as X and Y meet" ("as" opens
    # their clause, so the trigger starts there and reads the names after it).
    ("departure", r"(?:(?<=sack race )|(?<=sack race odds )|(?<=sack odds )|(?<=sack race latest ))(?:as|with) (?=@p)", "after"),
    # A bid submitted or sent "to sign X" (not a bare "bid to sign", an attempt), or passively.
    ("bid", r"\b(?:submit(?:s|ted|ting)?|table[sd]?|tabling|lodge[sd]?|lodging|send(?:s|ing)?|sent) (?:an? |the |their |its )?(?:\S+ ){0,2}?(?:bid|offer|proposal)s? (?:to @c )?to (?:sign|buy|land|sign|secure|bring in)\b", "near"),
    # A club on the receiving end of a bid or an approach: "Brentford receive an offer from
    # Spurs for X" (the bidder is the club after "from", club_part's "a bid from Arsenal").
    ("bid", r"\breceiv(?:e|es|ed|ing) (?:an? |the |their |its )?(?:\S+ ){0,2}?(?<!contract )(?<!extension )(?<!renewal )(?:bid|offer|proposal)s? (?:from|for)\b", "near"),
    ("talks", r"\breceiv(?:e|es|ed|ing) (?:an? |the |their |its )?(?:\S+ ){0,2}?(?:approach|approaches|enquiry|enquiries|inquiry|inquiries) from\b", "near"),
    # A bid named by its bidder and its aim: "a new offer from Roma to sign X", "bids from
    # Spurs for X" (whoever waits for it or hears of it).
    ("bid", r"(?<!contract )(?<!extension )(?<!renewal )\b(?:bid|offer|proposal)s? from (?=@c (?:to (?:sign|buy|land|secure|bring)|for (?:\S+ ){0,3}?@p))", "near"),
    # A club wanting a former player back: "Chelsea want X back", "would love X to return".
    ("interest", r"\b(?:want|wants|wanted|wanting|would like|would love|keen to have|eager to have|hoping to have|hope to have|"
                 r"plot(?:s|ting)? to bring|plan(?:s|ning)? to bring) (?=@p (?:back|to return|to come back|home)\b)(?!@p back (?:in|to|on|fit|from)\b)",
     "after"),
    # A club talking a player round: "trying to persuade X to join", "hope to tempt X to return".
    ("interest", r"\b(?:persuad|convinc|tempt|lur|coax|entic|sweet[- ]?talk)\w* (?=@p (?:to (?:join|sign|move|come|return|swap|switch|make the move)\b))", "after"),
    # A club asking another about a player: "Arsenal ask Sporting about a loan for X".
    ("talks", r"\bask(?:s|ed|ing)? (?=@c (?:about|over|regarding|for) (?:\S+ ){0,4}@p)", "after"),
    ("bid", r"\b(?:bid|offer|proposal)s? (?:has |have |had )?(?:already |now |officially |formally )?(?:been )?(?:sent|submitted|tabled|lodged) (?:to|for)\b", "near"),
)
