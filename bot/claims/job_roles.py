"""A manager told by the words of his job where no role noun sits by his name.

extract.py reads a role from a noun by the name ("Wales boss X") and from a clause about a job
that names one person only. Managers are still carried as players when the item says what they
do in other words:

- what a manager does to a club: "led the club back to the Premier League", "after guiding them
  into the Champions League", "steering the side to a cup" (not "led the line": a club or the
  side it stands for is the object);
- a job's words in the clause of his own development when another person is named there too:
  "X is on the club's list of candidates to replace Y", "Y's successor X has signed as head
  coach". A job noun written against another name ("Chelsea boss Maresca wants X") is that
  man's, not the developing person's.

Only ever a player (or no role yet) becomes a manager here; "other" (directors, staff) stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.claims.text import fold

if TYPE_CHECKING:
    from bot.claims.sentence import Sentence

# A manager's work on a club: the verb, then the club or the side it stands for, then where to.
_LED = re.compile(r"\b(?:led|leads|leading|lead|guided|guides|guiding|guide|steered|steers|steering|steer|took|takes|taking|"
                  r"take) (?:the club|the side|the team|them|his side|his team|her side|@c) (?:back )?(?:to|into|up to|out of)\b")
# Words of a manager's job (the clause's own, not a role noun by another name).
JOB_WORDS = frozenset({"manager", "coach", "head coach", "boss", "job", "hot seat", "hotseat", "dugout", "managerial",
                       "candidates", "vacancy", "interim", "caretaker", "reins", "sack", "sacked", "sacking"})
# How near a job noun must sit to another name to be that name's role ("boss X", "X, the boss").
_BY_NAME = 2


def job_roles(sents: list[Sentence], full: dict[str, str], role: dict[str, str]) -> None:
    """Mark, in place, people the item shows doing a manager's work or developing in a job."""
    for s in sents:
        fr = s.frame
        named = {full.get(fold(p.name), p.name) for p in s.persons if p.role != "other"}
        if len(named) == 1 and _LED.search(fr.text):
            _manager(role, named.pop())
        for clause, _, u in s.bound:
            others = [v for v in clause if v in s.unit_person and v != u]
            if not others:
                continue  # one person: extract.py's role_words reads the clause already
            if any(fr.units[w][2] in JOB_WORDS and all(abs(w - v) > _BY_NAME for v in others) for w in clause):
                _manager(role, full.get(fold(s.unit_person[u].name), s.unit_person[u].name))


def _manager(role: dict[str, str], name: str) -> None:
    if role.get(name) in (None, "player"):
        role[name] = "manager"
