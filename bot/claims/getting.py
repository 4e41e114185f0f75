"""Getting a person: the verbs every frame of a club's wish takes, as one family.

"hope to land X", "dream of landing X", "keen on snapping up X", "eye luring X back": the wish
patterns of kinds.py each had a short list of their own, so a wish met only some of the verbs.
Written once here, in the infinitive and the gerund, each wish meets each verb. Not "secure",
whose object is as often a future or a win ("keen to secure his future").
"""

from __future__ import annotations

from bot.claims.families import alt, verb_forms

STEMS: tuple[str, ...] = ("sign", "land", "bring in", "recruit", "lure", "snap up", "poach", "re sign",
                          "bring back", "appoint", "hire", "capture", "acquire", "buy", "prise", "tempt",
                          "reunite with")


def gerund(stem: str) -> str:
    """sign -> signing, snap up -> snapping up, lure -> luring, re sign -> re signing."""
    if stem.startswith("re "):
        return "re " + gerund(stem[3:])
    return verb_forms(stem)[3]


# Each verb's first word, for readers that walk words rather than match patterns ("want to bring
# in", "keen to snap up": the word after "to").
FIRST_WORDS = frozenset(stem.split()[0] for stem in STEMS)
# The bare infinitive without "sign", which the pattern writes itself: "eager to sign for Porto" is
# the player's own wish, not a club's.
BASE = alt(*(stem for stem in STEMS if stem != "sign"))
ING = alt(*(gerund(stem) for stem in STEMS))
# A wish told with a gerund after it: "considering", "keen on", "dream of", "eyeing" + signing X.
WISH_BEFORE_ING = alt("considering", "consider", "considers", "interested in", "keen on", "eyeing", "eye", "eyes",
                       "plotting", "mulling", "dream of", "dreams of", "dreaming of", "hope of", "hopes of",
                       "hoping of", "set on", "intent on", "think about", "thinks about", "thinking about",
                       "think of", "thinks of", "thinking of", "weighing up", "weigh up", "weighs up",
                       "exploring", "explore", "explores", "open to")
