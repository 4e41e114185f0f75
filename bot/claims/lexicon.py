"""Closed word classes the extractor reasons with (folded keys).

These are grammar, not facts about people: words that can never be part of a name, the
nouns that put a person in a role, and name particles. No list of players lives here.
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
    goalscorer scorer"""
)
MANAGER_ROLES = _words(
    """boss manager coach head interim caretaker gaffer tactician trainer coaching"""
)
# People who appear in transfer stories but are not what claims are about.
NON_SUBJECT_ROLES = _words(
    """chairman chairwoman president owner owners ceo chief executive director agent
    representative referee official minister commissioner secretary shareholder investor
    billionaire sponsor pundit journalist reporter broadcaster commentator presenter
    spokesman spokesperson lawyer adviser advisor scout analyst physio doctor"""
)
ROLE_WORDS = PLAYER_ROLES | MANAGER_ROLES | _words("new former ex 's assistant sporting director")

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
        recently"""
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
hoping dream dreams dreaming dreamt keen eager desire desires desperate ready prepared
preparing plan plans planning planned aim aims aiming look looking looks try tries trying
attempt attempts attempting bid bids chance chances option options opportunity race battle
fight fighting compete competing competition urge urges urged urging tipped backed consider
considers considering interested interest if whether possible potential mull mulls mulling
pursue pursuing push pushing determined intend intends intent bidding seeking seek seeks
eyeing eye eyes tempted tempt tempts lure lures luring convince persuade hopeful idea
proposal proposed scenario would've bound eyed touted linked fancied earmarked
mooted tell tells told telling ask asks asked asking recommend recommends recommended
advise advises advised plot plots plotted plotting working work works effort efforts raid""")
# Words that report a deal as about to happen (the claim model's `agreement`).
IMMINENT = _words("""set poised about due expected verge brink nearing edging closing close
will shall imminent imminently""")
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
    nicolas oliver pablo paul pedro rafael raheem ricardo robert roberto ruben sergio thomas
    tom xabi abbie alessia alice amanda amy anna beth bethany chloe daisy eleanor ella ellen
    ellie emily emma georgia grace hannah jess jessica jill katie keira kelly lauren leah lucy
    maria megan mia millie molly natalie olivia rachel rebecca sam sarah sophie steph zoe"""
)
