"""Closed word classes the extractor reasons with (folded keys): the one home of its word lists.

These are grammar, not facts about people: words that can never be part of a name, the
nouns that put a person in a role, name particles, and the words each stage reads (grouped
below by the module that reads them). No list of players lives here. Kind patterns, which
are phrases rather than word classes, live in kinds.py.
"""

from __future__ import annotations

from bot.claims.text import key


def _words(text: str) -> frozenset[str]:
    # Stored as matching keys: "i'm" -> "i m", "full-back" -> "full back".
    return frozenset(key(w) for w in text.split())


# Role nouns in "Liverpool defender Ibrahima Konaté", "Madrid boss Xabi Alonso".
PLAYER_ROLES = _words(
    """defender midfielder forward striker winger goalkeeper keeper full back fullback
    centre back center back centreback half left right wing attacker playmaker captain
    skipper star youngster teenager teen wonderkid talent ace prodigy player midfield
    loanee veteran international academy graduate schemer stopper number nine no
    goalscorer scorer sensation gem superstar starlet prospect phenomenon speedster flop outcast
    duo pair trio"""
)
MANAGER_ROLES = _words(
    """boss manager coach head interim caretaker gaffer tactician trainer coaching"""
)
# People who appear in transfer stories but are not what claims are about.
NON_SUBJECT_ROLES = _words(
    """chairman chairwoman president owner owners ceo chief executive director agent
    representative referee official minister commissioner secretary shareholder investor
    billionaire sponsor pundit journalist reporter broadcaster commentator presenter
    spokesman spokesperson lawyer adviser advisor scout analyst physio doctor ambassador
    mentor consultant"""
)
# Staff jobs taken "as" ("joins as assistant coach"): no subject, though "ex-Man Utd assistant
# Queiroz" may be appointed head coach.
STAFF_ROLES = frozenset({"assistant", "goalkeeping", "fitness"})

# Particles that stay lower-case inside names: van Dijk, de Jong, ter Stegen, dos Santos.
PARTICLES = _words("van von de der den da das dos do du di del della la le ter ten bin al el mac st")

MONTHS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday"""
)

NATIONALITIES = _words(
    """english scottish welsh irish british spanish french german italian portuguese dutch
    belgian brazilian argentine argentinian uruguayan colombian mexican american canadian
    japanese korean chinese australian moroccan egyptian senegalese nigerian ghanaian
    ivorian cameroonian algerian tunisian croatian serbian polish czech swiss austrian
    danish swedish norwegian finnish turkish greek russian ukrainian saudi qatari iranian
    chilean peruvian ecuadorian paraguayan venezuelan jamaican european african asian
    south north latin premier championship league"""
)

NATIONALITY_NOUNS = _words(
    """dane swede norwegian dutchman frenchman spaniard englishman scot scotsman welshman
    irishman croat serb pole turk argentine brazilian portuguese italian german belgian
    uruguayan colombian senegalese nigerian ghanaian moroccan egyptian japanese korean
    american canadian mexican austrian swiss slovenian slovakian hungarian czech ukrainian
    georgian cameroonian ivorian algerian tunisian ecuadorian chilean peruvian venezuelan
    paraguayan australian icelander finn greek albanian bosnian kosovan montenegrin"""
)

# Football places that headlines capitalise like names; a hint list, not a gazetteer.
PLACES = _words(
    """london manchester liverpool madrid barcelona paris munich milan turin rome naples
    lisbon porto seville valencia berlin dortmund amsterdam glasgow edinburgh cardiff
    belfast dublin riyadh jeddah doha dubai istanbul athens miami seoul tokyo beijing
    anfield trafford wembley bernabeu bernabéu nou etihad emirates goodison hampden ibrox
    parkhead valdebebas cobham carrington kirkby brighton england europe asia africa
    america spain italy france germany portugal saudi arabia qatar"""
)

# Words of a club's ground in the gazetteer's aliases ("Anfield", "Villa Park", "Camp Nou").
VENUE_WORDS = _words(
    """stadium arena park ground road bridge cottage moor stadion stadio estadio parc
    anfield trafford bernabeu nou etihad goodison ibrox parkhead molineux mestalla siro
    meazza mames metropolitano westfalenstadion bayarena kuip velodrome luz dragao alvalade"""
)
# After these a ground is the place a game or an event happens, not the club ("at" stays
# the club: "his contract at Anfield", "succeed Slot at Anfield").
LOCATIVES = _words("to in into on inside outside around near towards toward across")

# Sponsors and kit makers appear in deal headlines that are no claim.
BRANDS = _words("nike adidas puma umbro hummel kappa macron joma castore emirates etihad spotify")

COMPETITIONS = _words(
    """cup league liga ligue serie bundesliga eredivisie mls uefa fifa fa efl wsl nwsl
    champions europa conference premier championship olympics euro euros world nations
    copa libertadores concacaf afcon caf var pokal dfb coppa supercopa supercup shield
    trophy carabao premiership"""
)

# Capitalised words that head headlines or sit in title-case ones; never a name token.
NOT_NAMES = (
    _words(
        """a an the and or but if of in on at to for from by with without as is are was were
        be been being it its it's this that these those he she they his her their them him
        we our you your i i'm me my who whom whose which what when where why how not no yes
        all any some every each both either neither more most less very so too also only
        just still even ever never again now then there here after before over under into
        onto out off up down about against amid between during until since while than via
        per according report reports reported claim claims says say said told tells insists
        confirms confirm confirmed announce announces announced reveals revealed exclusive
        breaking live latest update updates gossip rumour rumours transfer transfers news
        window deadline day done deal deals talks bid bids offer offers fee move moves
        target targets want wants eye eyes set could would should will may might can must
        sign signs signed signing joins join joined complete completes completed medical
        agree agrees agreed agreement sack sacked sacks fire fired leave leaves leaving exit
        new old why how analysis opinion watch listen video podcast interview quiz verdict
        preview review ratings player players coach manager boss football soccer club clubs
        team teams fans sources source mr mrs ms sir dr jr sr
        here we go official confirmed loan loans loaned extension contract renew renews
        extends extend exclusive premier championship round england's tuesday's monday's
        wednesday's thursday's friday's saturday's sunday's today's gossip's i've i'd i'll
        we've we're they've they're he's she's you've one two three four five six seven eight
        nine ten eleven twelve twenty thirty dozens dozen several both many few first second
        third last next every our their opinion comment column explainer pictures photos
        association federation confederation council committee board government ministry
        authority union commission tribunal court police stadium arena park ground former
        ex veteran experienced outgoing incoming interim caretaker permanent kit shirt
        sponsor sponsorship partnership nearly almost finally reportedly officially already
        perhaps maybe suddenly soon meanwhile however elsewhere instead indeed nevertheless
        additionally furthermore moreover interestingly ultimately currently previously
        recently major big huge massive fresh seismic stunning surprise shock double bargain"""
    )
    | NATIONALITY_NOUNS
    | PLACES
    | BRANDS
    | MONTHS
    | NATIONALITIES
    | COMPETITIONS
    | MANAGER_ROLES
    | PLAYER_ROLES
)

# Verbs that make the person before them a speaker ("Arteta insists ...").
SPEECH_VERBS = _words("""says said insists insisted claims claimed admits admitted believes
reveals revealed confirms thinks feels""")

# Modality (claims/modality.py). Words that make what follows a wish, a plan, a chance or a scenario.
WISH = _words("""could might may would should want wants wanted wanting hope hopes hoped
hoping dream dreams dreaming dreamt dreamed keen eager willing light favourite favorite must need needs
frontrunner frontrunners favourites favorites candidate candidates contender contenders desire desires desperate ready prepared
preparing plan plans planning planned aim aims aiming look looking looks try tries trying
attempt attempts attempting bid bids chance chances option options opportunity race battle
fight fighting compete competing competition urge urges urged urging tipped backed consider
considers considering interested interest if whether possible potential mull mulls mulling
pursue pursuing push pushing determined intend intends intent bidding seeking seek seeks
eyeing eye eyes tempted tempt tempts lure lures luring convince persuade hopeful idea path route
proposal proposed scenario would've bound eyed touted linked fancied earmarked
mooted tell tells told telling ask asks asked asking recommend recommends recommended
advise advises advised plot plots plotted plotting working work works effort efforts raid
rival rivals rivalling rivaling rivalled vie vies vying jostle jostles jostling battling battles battled
imperative vital essential crucial necessary""")
# Words that report a deal as about to happen (the claim model's `agreement`).
IMMINENT = _words("""set poised about due expected verge brink nearing edging closing close
will shall imminent imminently edge edges closer nearer""")
# How headlines mean a weak alias that several clubs share, when nothing else says.
# (Usage, not identity: an item that names Atlético strongly still wins.)
WEAK_DEFAULTS: dict[str, str] = {
    "madrid": "Real Madrid",
    "real": "Real Madrid",
    "united": "Manchester United",
    "city": "Manchester City",
    "milan": "AC Milan",
    "paris": "Paris Saint-Germain",
    "sporting": "Sporting CP",
    "borussia": "Borussia Dortmund",
    "the reds": "Liverpool",
    "reds": "Liverpool",
    "blues": "Chelsea",
}

# A few very common given names: a hint that a capitalised pair is a person, never the test.
FIRST_NAMES = _words(
    """alex alexander andre andrea andreas antonio ben bruno carlos christian cristiano daniel
    david diego eden erling federico florian francisco gabriel harry jack james jamie jan
    joao jordan jorge jose joshua juan julian kai kevin kylian leroy lionel luis luka luke
    marc marco marcus mario martin mason mateo matt matteo matthew michael mohamed nathan
    nicolas oliver pablo paul pep pedro rafael raheem ricardo robert roberto ruben sergio thomas
    tom xabi abbie alessia alice amanda amy anna beth bethany chloe daisy eleanor ella ellen
    ellie emily emma georgia grace hannah jess jessica jill katie keira kelly lauren leah lucy
    maria megan mia millie molly natalie olivia rachel rebecca sam sarah sophie steph zoe"""
)


# --- word classes each stage reads (moved here so every word list has one home) ---

# clauses.py
SOFT = frozenset({"but", "while", "whereas", "although", "though", "amid", "despite", "after",
                   "before", "who", "which", "whom", "whose", "having", "since", "when", "where",
                   "as", "and", "because", "so", "until", "following"})
ROLE_AFTER_AS = frozenset({"a", "an", "the", "new", "interim", "caretaker", "permanent", "head",
                            "manager", "coach", "boss", "his", "her", "their", "part", "replacement",
                            "next", "its", "full", "long", "technical",
                            "@c", "first", "assistant", "player", "captain", "director", "sporting",
                            "frontrunner", "front runner", "favourite", "candidate", "contender",
                            "option", "target", "leading", "top", "main", "possible", "potential", "shock", "surprise", "serious", "strong", "outside", "genuine", "credible", "realistic", "viable", "prime", "dark"})
NOT_GERUND = frozenset({"according", "including", "bring", "thing", "something", "nothing",
                         "everything", "anything", "morning", "evening", "spring", "king"})
WITH_ABSOLUTE = frozenset({"set", "poised", "expected", "due", "lined", "primed", "now", "to"})
AUXILIARIES = frozenset({"is", "was", "are", "were", "be", "been", "s", "will", "to", "not"})
BACKGROUND_OPEN = frozenset({"who", "which", "whom", "whose", "having", "since"})
PAST_MOVES = frozenset({"joined", "signed", "moved", "arrived", "left", "rejoined", "spent",
                         "expired", "sacked", "dismissed", "fired", "resigned", "departed", "quit"})
# Irregular simple past forms of the verbs kind patterns use.
PAST_FORMS = frozenset({"left", "made", "held", "took", "met", "sent", "spent", "chose", "rejoined",
                        "quit", "won", "sold", "bought", "put", "gave", "paid", "struck", "sought"})
PAST_NOUNS = frozenset({"exit", "departure", "sacking", "dismissal", "resignation", "move", "leaving"})
AFTER_OPEN = frozenset({"after", "following", "since"})
# A sentence opening with a time adjunct ("Since joining Porto, ...", "After leaving Lyon, ...",
# "Signed from Chelsea for £50m, ...") presupposes its development; the main clause is the news.
TEMPORAL_OPEN = frozenset({"after", "following", "since", "having", "when", "once"})
# Move verbs as gerunds: the form a time adjunct takes ("since joining", "after being sacked").
MOVE_GERUNDS = frozenset({"joining", "signing", "arriving", "moving", "leaving", "completing", "departing",
                          "switching", "rejoining", "returning", "being", "swapping", "quitting"})
# Past participles that open an apposition carrying an old move: "X, signed from Lyon in 2023, ...".
MOVE_PARTICIPLES = frozenset({"signed", "bought", "acquired", "recruited", "sacked", "dismissed", "fired",
                              "appointed", "sold", "loaned", "released", "snapped", "brought", "poached"})
RELATIVES = frozenset({"who", "which", "whom", "whose", "having"})
TIME_PAST = frozenset({"ago", "previously", "formerly", "once", "former", "last"})
# Spans that date a development to an earlier window: "last summer", "two years ago" (not "last
# night", "days ago": the news of the week).
HISTORY_SPANS = frozenset({"summer", "season", "year", "campaign", "january", "winter", "window", "term",
                           "spring", "autumn", "years", "seasons", "months"})
RECENT_SPANS = frozenset({"night", "week", "weekend", "day", "days", "weeks", "evening", "morning", "hours",
                          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# Nouns of a move or an exit that, dated to an earlier window, tell history ("his switch to
# Porto last summer").
DONE_NOUNS = PAST_NOUNS | frozenset({"switch", "transfer", "arrival", "signing"})
MANAGER_WORDS = frozenset({"manager", "coach", "head coach", "boss", "job", "hot seat", "charge",
                            "candidate", "candidates", "frontrunner", "front runner", "post",
                            "appoint", "appoints",
                            "appointed", "appointment", "interim", "caretaker", "managerial",
                            "coaching", "bench", "sacked", "sack", "sacks", "dugout", "tenure",
                            "reign", "successor", "replace", "succeed", "vacancy", "managerless"})
ROLE_SKIP = frozenset({"defender", "midfielder", "forward", "striker", "winger", "goalkeeper",
                        "keeper", "full back", "centre back", "center back", "playmaker", "captain",
                        "left back", "right back", "attacker", "youngster", "coach", "boss",
                        "manager", "teenager", "star", "goalscorer", "scorer", "superstar",
                        "sensation", "gem", "talent", "prospect", "wonderkid", "ace", "starlet",
                        "phenomenon", "speedster", "flyer", "maestro", "marksman", "duo", "pair", "prodigy", "outcast", "flop", "loanee", "veteran", "man"})
# Nouns and adjectives that qualify a role noun in a description ("Man United midfield
# target", "Arsenal transfer target", "top summer target").
ROLE_MODIFIERS = frozenset({"transfer", "summer", "january", "winter", "midfield", "defensive", "attacking",
                            "striker", "defender", "goalkeeper", "top", "main", "key", "priority", "prime",
                            "long", "term", "long-term", "dream", "first", "choice", "number", "no", "one",
                            "former", "shock", "surprise", "reported", "rumoured", "free", "agent"})
SPOKESMEN = frozenset({"agent", "representative", "representatives", "camp", "entourage",
                        "father", "adviser", "advisor", "lawyer", "agency"})
PREPOSITIONS = frozenset({"to", "in", "at", "into", "from", "of", "with", "by"})
# Subjects other than the person, and objects between the person and the verb ("X has been
# calling him to leave": he who leaves is not X).
SUBJECT_BLOCKERS = frozenset({"we", "they", "it", "you", "i ve", "we ve", "they ve", "we re", "they re",
                       "him", "them"})
# Bodies a director or an official leaves: "resign from the Italian FA".
BODIES_LEFT = frozenset({"fa", "federation", "association", "board", "committee", "council",
                          "government", "ministry", "commission"})

# parties.py
APPOINTING = frozenset({"appoint", "appoints", "appointed", "appointing", "appointment", "name",
                         "names", "named", "naming", "confirm", "confirms", "confirmed", "unveil",
                         "unveils", "unveiled", "hire", "hires", "hired", "hiring"})
# After a club, the nouns of a move or job elsewhere: "not related to the Man Utd job".
ELSEWHERE = frozenset({"job", "post", "move", "switch", "interest", "approach", "offer",
                        "offers", "bid", "bids", "links", "link", "swoop", "target", "talk", "talks"})
SENDING = frozenset({"send", "sends", "sent", "sending", "loan", "loans", "loaned", "loaning",
                      "sell", "sells", "sold", "selling", "let", "lets", "release", "releases"})
# What follows the club slot tells its part: "a Real Madrid move" names the destination.
DEST_NOUNS = frozenset({"move", "switch", "transfer", "return", "swoop", "bid", "offer", "approach",
                         "interest", "job", "post", "role", "links", "link", "talk", "talks",
                         "move?", "offers", "bids", "contact", "target", "hot", "manager", "coach"})
LEGEND_NOUNS = frozenset({"legend", "legends", "great", "greats", "icon", "hero", "stalwart"})
FROM_AFTER = frozenset({"exit", "departure", "contract", "career", "stay", "spell", "future",
                         "deal?", "exit?"})
FROM_BEFORE = frozenset({"from", "leave", "leaves", "leaving", "quit", "quits", "quitting",
                          "exit", "exits", "depart", "departs", "left", "ex", "former", "trade", "trades", "trading", "traded"})
AFTER_POSSESSIVE = frozenset({"@p", "@c", "@m", "opening", "first", "second", "new", "improved",
                               "latest", "fresh", "record", "formal", "final", "initial"})
BID_NOUNS = frozenset({"bid", "bids", "offer", "offers", "approach", "interest", "enquiry",
                        "proposal", "approaches", "enquiries"})
RIVAL_BEFORE = frozenset({"beat", "beats", "beating", "hijack", "hijacks", "ahead", "than", "fend", "see", "sees", "off",
                           "against", "battle", "battles", "battling", "rival", "rivals", "rivalling", "rivaling", "fighting"})
STAYING = frozenset({"stay", "stays", "staying", "remain", "remains", "remaining"})
TO_BEFORE = frozenset({"to", "join", "joins", "joined", "joining", "rejoin", "rejoins", "with",
                        "for", "appoint", "appoints", "into"})

# people.py
NAME_SUFFIXES = frozenset({"jr", "junior", "sr", "ii", "iii"})
FORMER_WORDS = frozenset({"ex", "former", "old", "boyhood"})
INCOMING = frozenset({"incoming", "future", "next", "prospective"})
# After these words a lone capitalised word is a place or a club: "leaves Ayr", "joins Woking".
CLUB_SLOT = frozenset({"leave", "leaves", "leaving", "join", "joins", "joined", "joining",
                        "rejoin", "rejoins", "from", "quit", "quits"})
TO_SLOT = frozenset({"move", "moves", "switch", "transfer", "loan", "return", "returns", "heads",
                      "head", "go", "goes", "join", "joins", "leave", "leaves", "sold"})
# Nouns after "<given name> <country>" that make the country a team: "Kane England recall".
NATIONAL_NOUNS = frozenset({"squad", "recall", "call", "return", "debut", "career", "duty", "camp",
                             "cap", "caps", "team", "captaincy", "future", "switch", "place", "spot"})
# "Chelsea name Rosenior head coach": after a naming verb the run before a role noun is the
# person named, not a club ("Castilla coach Arbeloa").
NAMING = frozenset({"name", "names", "named", "appoint", "appoints", "appointed", "make", "makes",
                     "made", "unveil", "unveils", "unveiled", "confirm", "confirms", "confirmed"})
MOVE_WORDS = frozenset({"move", "deal", "switch", "exit", "transfer", "contract", "medical",
                         "bid", "offer", "talks", "interest", "return", "loan", "job"})
DETERMINERS = frozenset({"the", "their", "his", "her"})
AGE_OR_ADJ = frozenset({"veteran", "experienced", "young", "teenage", "former", "new", "star",
                         "prolific", "talented", "versatile", "long serving", "outgoing"})
STAND_IN_PRONOUNS = frozenset({"he", "she", "him"})
# Words after which "the X coach" says what the subject is or becomes.
PREDICATING = frozenset({"as", "become", "becomes", "became", "becoming", "is", "was", "be", "been",
                          "remains", "remain", "named", "appointed", "installed"})
# Nouns a description only modifies: "his international teammate", "the coaching staff".
RELATIONS = frozenset({"teammate", "team mate", "teammates", "compatriot", "countryman", "colleague",
                        "partner", "replacement", "successor", "predecessor", "agent", "father",
                        "brother", "son", "representative", "representatives", "adviser", "advisor",
                        "staff", "team", "department", "setup", "job", "role", "post", "position",
                        "vacancy"})
COLLECTIVE_NOUNS = frozenset({"champions", "club", "clubs", "side", "giants", "outfit", "team", "federation",
                     "association", "media", "press", "outlet", "newspaper", "paper", "broadcaster",
                     "government", "league", "board", "hierarchy", "holders", "champion",
                     "brand", "company", "firm", "sponsor", "manufacturer", "giant"})
# Nouns headlines use for a player they do not name ("move for €100m-rated speedster").
HEADLINE_NOUNS = frozenset({"sensation", "gem", "speedster", "phenomenon", "target", "flop",
                             "misfit", "maestro", "marksman", "hitman", "starlet", "sharpshooter",
                             "superstar", "stalwart", "powerhouse", "enforcer", "dynamo", "jewel"}) | NATIONALITY_NOUNS - {"pole"}
NOT_DESCRIBING = frozenset({"international", "no", "number", "head", "back", "left", "right", "half",
                             "wing", "midfield", "academy", "player"})

# roles.py
# Verbs inside the trigger that only a job takes: "Forest sack Nuno", "Koeman resigns".
JOB_VERBS = frozenset({"appoint", "appoints", "appointed", "appointing", "hire", "hires", "hired",
                        "sack", "sacks", "sacked", "fire", "fires", "fired", "named", "names",
                        "name", "naming", "dismiss", "dismissed", "dismisses", "resign", "resigns",
                        "resigned", "resigning", "resignation", "charge", "hotseat", "dugout",
                        "replace", "succeed"})
STEP_VERBS = frozenset({"step", "steps", "stepped", "stepping"})
# Nouns of the job inside the trigger: "returns as Italy head coach", "eyes Scotland job".
JOB_NOUNS = frozenset({"manager", "coach", "head coach", "boss", "job", "post"})
# Anywhere in a sentence naming one person: "leaves Woking after his first managerial role".
MANAGING = frozenset({"steered", "steers", "guided", "guides", "managed", "manages", "coached",
                      "tactician", "touchline", "dugout", "managerial", "hotseat", "hot seat"})
TALK_WORDS = frozenset({"talks", "negotiations", "discussions", "job", "post", "role"})
# A player's words: "released", "on loan", "transfer", "signs for".
PLAYER_WORDS = frozenset({"released", "loan", "loaned", "transfer"})

# sentence.py
# "Casemiro's replacement", "a Marc Guehi replacement", "Arne Slot's Liverpool": a name that
# only qualifies another noun or a club is not who the sentence is about.
QUALIFIED_NOUNS = frozenset({"replacement", "replacements", "successor", "heir", "understudy",
                        "alternative", "alternatives", "deputy", "back up", "backup", "stand in",
                        "shirt", "side", "team", "men", "squad",
                        # "Ramsey's teammate", "his brother": another person
                        "teammate", "teammates", "compatriot", "countryman", "colleague", "brother",
                        "father", "partner"})
# After "Bielsa's Uruguay", nouns of the person's own time there: he is still the subject.
TENURE_NOUNS = frozenset({"reign", "tenure", "era", "stint", "spell", "job", "future", "exit", "departure",
                     "contract", "deal", "career", "days", "time", "return", "move", "switch", "debut",
                     "record", "future ?", "exit ?", "return ?", "move ?"})

# extract.py
FEATURE_OPENERS = frozenset({"why", "how", "what", "where", "when", "inside", "analysis",
                              "explained", "watch", "listen", "relive", "quiz", "opinion"})
# "Man United on alert as Jarrod Bowen's future is open": the clause that names nobody is
# about the one person the clause it introduces names.
INTRODUCING = frozenset({"as", "amid", "with", "while"})

# modality.py
CONTESTS = frozenset({"race", "battle", "fight", "chase", "competition"})
WON = frozenset({"win", "wins", "won", "winning"})
# Words that make an exit talk rather than news: "linked with a summer exit", "open to leaving",
# "exit talk", "could leave". Beside a named destination, such an exit is that move's
# background ("wants to leave", "will leave", "sacked" stay departures of their own).
SPECULATIVE = frozenset({"linked", "link", "links", "talk", "open", "could", "might", "may", "would",
                          "rumours", "rumour", "speculation", "convince", "considering", "consider",
                          "possible", "potential", "surprise"})

# mentions.py
JOB_AT_GROUND = frozenset({"hotseat", "hot", "dugout", "job", "post", "role", "bench"})

# modality.py: what may follow the club a move verb takes as its object ("joins Celtic on loan").
AFTER_OBJECT = frozenset({"on", "from", "in", "for", "at", "until", "till", "through", "as", "after",
                           "before", "and", "with", "ahead", "this", "next", "last", "today", "tonight",
                           "permanently", "outright", "officially", "now", "again", "back", "instead",
                           "over", "despite", "amid", "but", "while", "to", "his", "her", "the", "a",
                           "deal", "move", "switch", "transfer", "loan", "contract", "ranks", "squad",
                           "academy", "books", "first", "senior", "under", "b", "women", "youth", "'s",
                           "@y", "@m", "@s", "@p", "@c", "?", "!", ".", ",", ":", ";", "|", "-", "–", "—",
                           "(", ")", "'", "‘", "’", "\"", "“", "”", "who", "which", "where", "if", "or",
                           "by", "during", "following", "so", "when", "because", "coach",
                           "manager", "boss", "head coach", "job", "post", "role", "hot seat", "hotseat",
                           "side", "team", "club", "career", "reign",
                           # a verb: the club ended its noun phrase ("his return to Celtic is close")
                           "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
                           "can", "may", "might", "should", "must", "looks", "seems", "set", "expected"})
# The head words a description ends in, right before the person it describes (a role, a
# nationality: "the Portuguese winger X"); phrases.reduced and the gate's reach test read them.
HEADS = PLAYER_ROLES | MANAGER_ROLES | ROLE_SKIP | HEADLINE_NOUNS | NATIONALITIES
