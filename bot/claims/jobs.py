"""A manager's job in the forms the job family (families.py) and kinds.py do not read:

- a candidate named before his candidacy noun, with words between: "with X the early favourite
  to replace him", "X, the bookmakers' clear frontrunner to succeed Y";
- considered as a successor in the passive, with its agent: "X is being considered by the
  federation as a replacement for Y", "considered for an Italy return";
- an interim making his case: "X has made a strong case to be given the job permanently",
  "a gamble not to give X the job full time";
- pressure told as something added to or building: "a defeat added to the pressure on him",
  "despite the pressure building", "sack speculation", "a fresh sack verdict", "coming under
  increased scrutiny";
- a deadline to save the job: "the owners will give X until the end of the month to turn
  things around";
- an appointment with the club's possessive: "named X as their new head coach";
- a job offered in the passive by the club: "X has been offered a contract by Al-Ahli" (a bid).

Patterns read the same frames as kinds.PATTERNS (`@c` club, `@p` person, `@m` money) and are
(kind, regex source, direction) like them; letting_go.py carries them into kinds.py's table.
"""

from __future__ import annotations

# Words that may stand between a name and its candidacy noun: "X the early favourite",
# "X, the bookmakers' clear frontrunner", "X is now the red-hot favourite".
_BETWEEN = (r"(?:(?:,|is|was|are|remains|now|still|as|the|a|an|early|clear|firm|hot|red hot|overwhelming|strong|"
            r"leading|outright|current|new|big|odds on|bookmakers|bookies|'|'s|club 's|board 's|runaway|surprise|"
            r"main|obvious|natural|ideal|preferred|favoured|top|prime|first) ){1,5}")
_CANDIDATE = (r"(?:favourite|favorite|frontrunner|front runner|candidate|contender|choice|option|pick|"
              r"man|successor)s?")
# The words of succeeding to a job.
_SUCCEED = r"(?:replace|succeed|take over|take charge|step into|fill|become)"
# Nouns of a job (a subset of families.JOB_NOUNS that reads after "the").
_JOB = (r"(?:job|post|role|position|hot seat|hotseat|reins|head coach job|head coach position|head coach role|"
        r"manager 's job|manager 's role|manager job|managerial role|managerial job)")
# How a job is given for good: "permanently", "full time", "on a permanent basis".
_FOR_GOOD = r"(?:permanently|full time|on a permanent basis|on a full time basis|for good|long term)"
# Verbs that give or offer something.
_GIVE = r"(?:give|gives|given|giving|gave|hand|hands|handed|handing|offer|offers|offered|offering|award|awarded)"
# Adjectives of a pressure or scrutiny that grows.
_MORE = (r"(?:increased|increasing|growing|mounting|intense|intensifying|fresh|renewed|further|added|extra|serious|"
         r"heavy|huge|enormous|real)")
# The nouns of a manager's sack talked about.
_SACK_TALK = (r"(?:speculation|rumours|rumour|rumors|talk|claims|reports|verdict|calls|warning|question|questions|"
              r"fears|watch|decision|dilemma|pressure|threat|odds)")
# Times a board gives a manager: "until the end of the month", "two games", "until Christmas".
_DEADLINE = (r"(?:until|till|up to|by) (?:the end of |the )?(?:\S+ ){0,3}?(?:month|week|season|year|window|break|"
             r"christmas|new year|january|february|march|april|may|october|november|december)|"
             r"(?:one|two|three|four|five|\d+|a few|a couple of|the next) (?:more )?(?:games|matches|weeks|fixtures)")
_TURN = (r"(?:turn (?:things|it|results|the season|the team|their form|form) (?:a)?round|save (?:his|her) job|"
         r"keep (?:his|her) job|improve (?:results|things)|prove (?:himself|herself)|get results|rescue (?:the|their) season)")

PATTERNS: tuple[tuple[str, str, str], ...] = (
    # A candidate named before his candidacy noun: "with X the early favourite to replace him".
    # ("with" binds the name after it: a person after a preposition is no subject in clauses.py)
    ("interest", rf"(?<=@p ){_BETWEEN}{_CANDIDATE} (?:\S+ )?to {_SUCCEED}\b", "before"),
    # (the trigger takes in the name, so the candidacy words inside it bind to no one else: "has
    # dismissed X, with Y in line for the job" is no candidacy of X's)
    ("interest", rf"\bwith @p {_BETWEEN}{_CANDIDATE} (?:\S+ )?to {_SUCCEED}\b", "after"),
    ("interest", rf"\bwith @p (?:(?:is|as|now|also|heavily|strongly|widely) )?(?:tipped|in line|in the frame|in pole position|linked|"
                 rf"fancied|considered|lined up|earmarked|among the (?:favourites|frontrunners|candidates|contenders)) (?:\S+ )?"
                 rf"(?:to {_SUCCEED}|for the (?:vacant |vacancy|\S+ )?{_JOB})\b", "after"),
    # Contact in the passive about succeeding someone: "X has been sounded out about replacing Y"
    # is X's talks (the trigger takes in "about replacing", so Y is not the one sounded out).
    ("talks", r"(?<=@p )(?:(?:has|have|had|is|was|were|been|being|reportedly|now|also) )*(?:sounded out|approached|contacted|"
              r"interviewed|spoken to|consulted) (?:by (?:\S+ ){1,4}?)?(?:about|over|regarding|on) (?:replacing|succeeding|"
              r"taking over from|the possibility of replacing|the possibility of succeeding)\b", "before"),
    # Interim charge taken with no "of" or "at": "with X set to take interim charge".
    ("completed", r"\b(?:take|takes|taking|took|taken|placed in|put in|given) (?:interim|temporary|caretaker) (?:charge|control)\b"
                  r"(?! of (?:the )?(?:game|match|training|session|side for the|team for the)\b)", "before"),
    # A club turning to a candidate with an auxiliary between ("Leicester have turned to X";
    # families.py reads it with the club right before the verb).
    ("interest", r"(?<=@c )(?:(?:have|has|had|are|is|were|was|could|may|might|would|will|now|set to|expected to|poised to|ready to|"
                 r"likely to|set|expected|poised|ready|likely) )+(?:turn|turns|turned|turning) (?:their attention |attention )?to "
                 r"(?=@p)(?!@p (?:\S+ ){0,3}?for (?:inspiration|goals|help|answers|leadership|creativity)\b)", "after"),
    # Considered as a successor, the agent in between: "being considered by the federation as a
    # replacement for Y"; "considered for an Italy return" (a job spoken of by its club).
    ("interest", r"\b(?:considered|being considered|under consideration|eyed|sounded out|approached|identified) "
                 r"(?:by (?:\S+ ){1,4}?)?as (?:a |an |the |their |its )?(?:possible |potential |likely |leading |preferred |next |new )?"
                 r"(?:(?:replacement|successor) (?:for|to)|(?:permanent )?(?:manager|head coach|coach|boss))\b", "before"),
    ("interest", r"\b(?:considered|being considered|in the frame|in the running|eyed|touted) for (?:an? |the )?(?:shock |sensational |"
                 r"surprise |dramatic |romantic |second )?@c (?:return|comeback|job|post|role)\b", "before"),
    # An interim making his case, or the job given for good.
    ("interest", rf"\b(?:make|makes|made|making|press|presses|pressed|pressing|state|states|stated|stating|strengthen|strengthens|"
                 rf"strengthened|strengthening) (?:a |an |his |her )?(?:strong |compelling |convincing |persuasive |powerful |good |"
                 rf"real |serious )?(?:case|claim) (?:to be|for being) (?:{_GIVE} |appointed |named |made )(?:the )?(?:@c )?(?:'s )?(?:\S+ )?"
                 rf"{_JOB}\b", "before"),
    # (not giving it, called a gamble or a mistake, still weighs him up: the "not" is inside the trigger)
    ("interest", rf"\b(?:(?:gamble|mistake|risk|error|madness|folly|wrong|crazy|foolish|harsh) not to )?{_GIVE} (?=@p (?:the )?(?:@c )?(?:'s )?(?:\S+ )?{_JOB} (?:\S+ ){{0,2}}?{_FOR_GOOD}\b)", "after"),
    # Pressure added to or building, sack talk, scrutiny.
    ("departure", rf"\b(?:add|adds|added|adding|increase|increases|increased|increasing|ramp|ramps|ramped|ramping|heap|heaps|"
                  rf"heaped|heaping|pile|piles|piled|piling|crank|cranks|cranked) (?:up )?(?:to )?(?:the )?(?:{_MORE} )?pressure on "
                  rf"(?=him\b|her\b|@p)", "near_before"),
    ("departure", r"\b(?:pressure|heat) on (?=@p (?:'s )?(?:\S+ )?(?:is |has been |continues to |is only |will )?(?:mount|mounts|mounting|grow|"
                  r"grows|growing|build|builds|building|rise|rises|rising|intensify|intensifies|intensifying|increase|increases|"
                  r"increasing)\b)", "after"),
    ("departure", r"\b(?:despite|amid|with|as|after) (?:the )?(?:growing |mounting |increasing |intense )?pressure "
                  r"(?:building|mounting|growing|increasing|intensifying)\b", "near_before"),
    # (not "backed amid sack speculation": the talk is the setting of a show of support)
    ("departure", rf"(?<!amid )(?<!despite )(?<!amid the )(?<!despite the )\b(?:sack|sacking|axe) {_SACK_TALK}\b", "near"),
    # (the person coming under it: "his future is under growing scrutiny" is the clubs' talk of a sale)
    ("departure", rf"\b(?:come|comes|coming|came) under {_MORE} (?:\S+ )?scrutiny\b", "near_before"),
    # His position weighed in the passive: "X's position is being reviewed by the hierarchy".
    ("departure", r"(?<=@p 's )(?:@c )?(?:job|position|future|tenure|post) (?:is |are |will be |is being |has been |to be |set to be |"
                  r"currently being |now being )(?:\S+ )?(?:reviewed|assessed|discussed|examined|evaluated|debated|weighed up)\b", "before"),
    # A deadline to save the job: "give X until the end of the month to turn things around".
    ("departure", rf"\b{_GIVE} (?=@p (?:{_DEADLINE}) (?:\S+ ){{0,3}}?to {_TURN})", "after"),
    ("departure", rf"(?<=@p )(?:(?:has|have|had|is|was|been|being) )*(?:given|handed) (?:{_DEADLINE}) (?:\S+ ){{0,3}}?to {_TURN}\b",
     "near_before"),
    # A job in danger told in a relative clause on the name: "replacing X, whose position is under
    # review". The relative clause names nobody, so the trigger is the name it hangs on.
    ("departure", r"@p(?= , whose (?:job|position|future|tenure|reign|post) (?:\S+ ){0,2}?(?:is|remains|looks|appears|seems|was|has been) "
                  r"(?:now |increasingly |already |very much |firmly )?(?:under (?:\S+ )?(?:review|threat|scrutiny|pressure)|in doubt|on the line|"
                  r"in jeopardy|hanging by a thread|in danger|at risk|untenable|precarious|in the balance)\b)", "near"),
    # Fans turning on a manager: "supporters chanted against X", "fans called for the sacking of X".
    ("departure", r"\b(?:fans|supporters|crowd|faithful) (?:\S+ ){0,2}?(?:chant(?:s|ed|ing)? (?:against|for the (?:sacking|removal|"
                  r"dismissal|exit) of)|call(?:s|ed|ing)? for (?:the )?(?:sacking|removal|dismissal|exit|head) of)(?= @p)", "after"),
    # Candidates listed after the list is named: "a shortlist of replacements, with X and Y on it".
    ("interest", r"\bwith (?=@p (?:(?:,|and|&|or) @p )*on (?:it|the list|the shortlist|that list|that shortlist|their list|"
                 r"their shortlist)\b)", "after"),
    # An appointment with the club's possessive: "named X as their new head coach".
    ("completed", r"\b(?:name|names|named|naming|appoint|appoints|appointed|appointing|unveil|unveils|unveiled|unveiling|"
                  r"confirm|confirms|confirmed|confirming|install|installs|installed) (?=@p as (?:their|its|the club 's|"
                  r"@c 's) (?:new )?(?:permanent |interim |caretaker )?(?:manager|head coach|coach|boss)\b)", "after"),
    # A job offered by the club, told in the passive: a bid.
    ("bid", r"(?<=@p )(?:(?:has|have|had|is|was|were|been|being|reportedly|now|also) )*offered (?:an? |the )?"
            r"(?:(?!new |fresh |improved |extended |renewed )\S+ ){0,2}?(?:contract|deal|job|role|post|terms|position) "
            r"(?:\S+ ){0,3}?by (?=@c)", "near_before"),
)
