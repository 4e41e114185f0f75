"""Synthetic feeds, all deterministic: seeded random over our own templates, real club names from the
gazetteer and made-up people ("Lorenzo Vasquez"). Item dates are anchored to today's midnight (UTC)
so they stay inside the retention window; the rest of every byte depends on the seed alone."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cache
from xml.sax.saxutils import escape

from bench.constants import HOSTS, SEED

# --- synthetic names and items -------------------------------------------------------------------

FIRST_NAMES = (
    "Lorenzo", "Mateo", "Darius", "Tomas", "Emil", "Jonas", "Rafael", "Nikola", "Adrian", "Bruno",
    "Callum", "Dario", "Elias", "Fabian", "Gustavo", "Hugo", "Ivan", "Jasper", "Kai", "Leandro",
    "Marco", "Nils", "Oscar", "Pablo", "Quentin", "Rui", "Stefan", "Tiago", "Ugo", "Viktor",
    "Wesley", "Xavi", "Yannick", "Zoran", "Aleksander", "Benedikt", "Cristian", "Dominik", "Enzo",
    "Filip", "Gonzalo", "Henrik", "Ismael", "Joaquin", "Kasper", "Luka", "Milan", "Noah", "Olivier",
    "Pedro", "Ricardo", "Samuel", "Teo", "Valentin", "Wout", "Yusuf", "Amadou", "Bakary", "Cheikh",
    "Diego", "Ederson", "Florin", "Giorgi", "Hamza", "Igor", "Jules", "Kenji", "Lamine", "Moussa",
    "Nuno", "Orel", "Patrik", "Ruben", "Sandro", "Timo", "Umar", "Vitor", "Wilfried", "Yeray",
    "Anton", "Bastian", "Cesar", "Dejan", "Erling", "Fede", "Gabri", "Hakim", "Ilkay", "Jan",
)
_SURNAME_HEADS = (
    "Vas", "Kol", "Ostro", "Bel", "Mar", "Del", "Kar", "Sten", "Riv", "Lund", "Gal", "Fer", "Bran",
    "Mor", "Sal", "Vel", "Dra", "Hol", "Nov", "Pel", "Quin", "Ros", "Tor", "Var", "Zel", "Ald",
    "Bor", "Cas", "Dun", "Est", "Gor", "Ham", "Ivan", "Jov", "Kov", "Lem", "Mand", "Nor", "Orl",
    "Pad", "Ram", "Sav", "Tam", "Ul", "Ven", "Wal", "Yar", "Zor", "Ang", "Bert", "Carr", "Dom",
    "Ferr", "Gris", "Herr", "Lar", "Mont", "Pav", "Sor", "Tren",
)
_SURNAME_TAILS = (
    "quez", "arek", "win", "ani", "ello", "ov", "ic", "sson", "era", "ez", "ini", "ek", "ard",
    "holm", "ino", "ovic", "ski", "aro", "etti", "ens", "ado", "ier", "ley", "man", "uchi", "ota",
    "berg", "ane", "inho", "ac", "ito", "urt", "osa", "ell", "amo", "ik", "ues", "elli", "ant",
    "enko", "is", "oni", "ala", "ueta", "ach", "ero", "ul", "ona", "ing", "ath", "or", "ida",
    "uel", "ovsky", "anu", "eau", "ton", "ste", "undo", "ica",
)
ROLES = ("defender", "midfielder", "striker", "winger", "goalkeeper", "forward", "centre-back",
         "full-back")


def person_name(k: int) -> str:
    """The k-th made-up person; distinct for every k below len(FIRST_NAMES) * surnames."""
    surnames = len(_SURNAME_HEADS) * len(_SURNAME_TAILS)
    s = (k * 7919) % surnames  # spread neighbours over the surname space
    surname = _SURNAME_HEADS[s // len(_SURNAME_TAILS)] + _SURNAME_TAILS[s % len(_SURNAME_TAILS)]
    first = FIRST_NAMES[(k // surnames + k) % len(FIRST_NAMES)]
    return f"{first} {surname}"


@cache
def club_names() -> tuple[str, ...]:
    from bot.claims.gazetteer import clubs

    return tuple(c.name for c in clubs() if not c.national)


@cache
def source_names() -> tuple[str, ...]:
    from bot.claims.gazetteer import sources

    return tuple(s.name for s in sources())


@cache
def popularity(people: int) -> tuple[list[int], list[float]]:
    """People ranked by how often the news names them: weight ∝ (rank + 10) ** -0.8."""
    ranks = list(range(people))
    return ranks, list(itertools.accumulate((k + 10) ** -0.8 for k in ranks))


def popular_person(rng: random.Random, people: int) -> int:
    ranks, cumulative = popularity(people)
    return rng.choices(ranks, cum_weights=cumulative)[0]


_TRANSFER = (
    "{c1} in talks with {c2} over {name}",
    "{c1} open talks with {c2} {role} {name}",
    "{c1} make £{m}m bid for {c2} {role} {name}",
    "{name} agrees personal terms with {c1}",
    "{c2} reject {c1} offer for {name}",
    "{name} signs new {c2} contract until 2029",
    "{name} to have {c1} medical after fee agreed with {c2}",
    "{name} joins {c1} on loan from {c2}",
    "{c1} keen on {c2} {role} {name}",
    "{c1} eye {surname}",
    "{c1} monitoring {c2} {role} {surname}",
    "{c2} sack manager {name}",
)
_OTHER = (
    "{name} scores twice as {c1} beat {c2}",
    "{c1} 2-1 {c2}: player ratings and talking points",
    "{name} out for six weeks with a knee injury",
    "{c1} announce record revenue for the season",
    "Five things we learned from {c1} against {c2}",
    "{name} wins player of the month award",
    "{c1} v {c2}: team news, kick-off time and how to watch",
    "{c1} fans react to a tense draw with {c2}",
    "{name} reflects on a difficult season at {c1}",
    "{c1} confirm ticket prices for next season",
)
_SUMMARY = (
    "The {role} has been a regular for {c2} since arriving three seasons ago.",
    "According to {src}, the clubs spoke again on Monday.",
    "<p>{c1} have kept a close eye on the situation &amp; are weighing their options.</p>",
    "The match was played in front of a crowd of {m},000.",
    "<p>Negotiations are described as <b>advanced</b>.</p><p>More to follow.</p>",
    "{src} reports that a decision is expected before the end of the month.",
    "Supporters have been vocal about the club's plans for the summer window.",
)


# Feed modes the farm serves: e = ETag and 304; n = no validators (same bytes until it changes);
# a = alert feed (every item alerts, about one of ALERT_PEOPLE followed people).
ALERT_PEOPLE = 20


@dataclass(frozen=True, slots=True)
class ItemSpec:
    guid: str
    link: str
    title: str
    summary: str  # HTML, as a feed's description carries it
    published: datetime


@cache
def anchor() -> datetime:
    """Today's midnight, UTC: item dates are relative to it, so they never age out of retention."""
    now = datetime.now(UTC)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def _published(seq: int) -> datetime:
    return anchor() - timedelta(minutes=15 * (3000 - seq))


def _fields(rng: random.Random, person: int) -> dict[str, object]:
    c1, c2 = rng.sample(club_names(), 2)
    name = person_name(person)
    return {"c1": c1, "c2": c2, "name": name, "surname": name.split(" ", 1)[1],
            "role": rng.choice(ROLES), "m": rng.randint(10, 90), "src": rng.choice(source_names())}


def item_spec(feed: int, seq: int, people: int, claim_share: float = 0.2) -> ItemSpec:
    """Item `seq` of feed `feed`: about one in five a transfer or managerial claim."""
    rng = random.Random(f"{SEED}:{feed}:{seq}")
    fields = _fields(rng, popular_person(rng, people))
    template = rng.choice(_TRANSFER if rng.random() < claim_share else _OTHER)
    summary = " ".join(rng.choice(_SUMMARY) for _ in range(rng.randint(1, 3)))
    return ItemSpec(f"cw-{feed}-{seq}", f"https://news.example/{feed}/{seq}", template.format(**fields),
                    summary.format(**fields), _published(seq))


def alert_person(p: int, people: int) -> int:
    """Who the alert feed writes about: half the most talked-about people, half the long tail."""
    half = ALERT_PEOPLE // 2
    return p if p < half else people - 1 - (p - half) * 37


def alert_item_spec(feed: int, seq: int, people: int) -> ItemSpec:
    """An item that always alerts: a completed move, a new story or the top of an open one."""
    rng = random.Random(f"{SEED}:alert:{feed}:{seq}")
    clubs = club_names()
    c1 = clubs[seq % len(clubs)]
    c2 = clubs[(seq + len(clubs) // 2) % len(clubs)]
    name = person_name(alert_person(seq % ALERT_PEOPLE, people))
    return ItemSpec(f"cw-a{feed}-{seq}", f"https://news.example/a{feed}/{seq}",
                    f"{c1} complete signing of {name} from {c2}",
                    f"According to {rng.choice(source_names())}, the fee could rise to £{rng.randint(10, 90)}m.",
                    _published(seq))


def rss(title: str, items: Iterable[ItemSpec]) -> bytes:
    entries = [
        f"<item><title>{escape(it.title)}</title><link>{escape(it.link)}</link>"
        f'<guid isPermaLink="false">{escape(it.guid)}</guid>'
        f"<pubDate>{format_datetime(it.published)}</pubDate>"
        f"<description>{escape(it.summary)}</description></item>"
        for it in items
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example/</link>"
        "<description>Synthetic football news for claimwatch benchmarks</description>"
        + "".join(entries) + "</channel></rss>"
    ).encode()


def window(feed: int, gen: int, n: int) -> range:
    """The item sequence numbers a feed shows at generation `gen`, newest first."""
    return range(gen + n - 1, gen - 1, -1)


def feed_body(mode: str, n: int, feed: int, gen: int, people: int) -> bytes:
    if mode == "a":
        items = [alert_item_spec(feed, s, people) for s in window(feed, gen, n)]
    else:
        items = [item_spec(feed, s, people) for s in window(feed, gen, n)]
    return rss(f"Wire {feed}", items)


def etag(feed: int, gen: int) -> str:
    return f'"{feed}-{gen}"'


def feed_path(mode: str, n: int, feed: int) -> str:
    return f"/{mode}/{n}/{feed}.xml"


def feed_url(port: int | str, mode: str, n: int, feed: int) -> str:
    return f"http://127.0.0.{1 + feed % HOSTS}:{port}{feed_path(mode, n, feed)}"
