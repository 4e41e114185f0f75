"""Club gazetteer and source-tier table: the names the extractor recognises.

Both tables are TOML data shipped in ``bot.claims.data`` (``clubs.toml``, ``sources.toml``);
an operator may supply their own files through ``load_clubs`` / ``load_sources``, which parse
and validate exactly as the defaults are. Every lookup compares *folded* text (see ``fold``).

A club's ``name`` and ``aliases`` are *strong*: each names one club only. ``weak_aliases``
("United", "the Reds", "Real") are ambiguous or ordinary words, may be shared by several
clubs, and resolve only when unique and asked for.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from bot.claims.text import fold
from bot.models import TIERS

__all__ = [
    "KINDS",
    "NATIONAL",
    "TIERS",
    "Club",
    "GazetteerError",
    "Source",
    "club_named",
    "clubs",
    "fold",
    "load_clubs",
    "load_sources",
    "source_named",
    "sources",
    "tier_of",
]

KINDS: tuple[str, ...] = ("journalist", "outlet", "official", "aggregator")
NATIONAL = "national"  # the `league` of a national team

_DATA_PACKAGE = "bot.claims.data"
_SPACE = re.compile(r"\s+")
# Punctuation that headlines use inconsistently: "Al-Hilal"/"Al Hilal", "St. Pauli"/"St Pauli".
_INNER = re.compile(r"[-‐‑–'’.]+")

_CLUB_KEYS = {"name", "country", "league", "aliases", "weak_aliases"}
_SOURCE_KEYS = {"name", "kind", "tier", "aliases"}


class GazetteerError(ValueError):
    """A club or source file that cannot be read or holds a malformed entry."""


@dataclass(frozen=True, slots=True)
class Club:
    name: str  # common English name: the canonical form stored and shown
    country: str  # FIFA code
    league: str  # "national" for national teams
    national: bool
    aliases: tuple[str, ...]  # unambiguous alternative names
    weak_aliases: tuple[str, ...]  # ambiguous forms, used only with context


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str  # journalist | outlet | official | aggregator
    tier: str  # official | tier1 | tier2 | tier3 | tier4 | aggregator
    aliases: tuple[str, ...]


def _loose(text: str) -> str:
    """Folded text with inner hyphens, apostrophes and dots as spaces (a fallback key)."""
    return _SPACE.sub(" ", _INNER.sub(" ", fold(text))).strip()


# --- loading and validation ---------------------------------------------------------------

_T = TypeVar("_T")


def _parse_toml(data: bytes, label: str) -> dict[str, Any]:
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{label}: not UTF-8 text ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise GazetteerError(f"{label}: invalid TOML ({exc})") from exc


def _read(path: str | os.PathLike[str]) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise GazetteerError(f"{os.fspath(path)}: cannot read ({exc.strerror or exc})") from exc


def _entries(doc: dict[str, Any], table: str, label: str) -> list[dict[str, Any]]:
    entries = doc.get(table)
    if entries is None:
        raise GazetteerError(f"{label}: no [[{table}]] entries")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise GazetteerError(f"{label}: '{table}' must be an array of tables ([[{table}]])")
    extra = sorted(set(doc) - {table})
    if extra:
        raise GazetteerError(f"{label}: unknown top-level key(s) {', '.join(extra)}")
    return entries


class _Entry:
    """Field access for one raw entry, with errors naming the file and the entry."""

    def __init__(self, raw: dict[str, Any], label: str, table: str, index: int) -> None:
        self.raw = raw
        name = raw.get("name")
        self.name = name.strip() if isinstance(name, str) else ""
        self.ref = f"{table} #{index}" + (f" ({self.name!r})" if self.name else "")
        self.where = f"{label}: {self.ref}"

    def fail(self, message: str) -> GazetteerError:
        return GazetteerError(f"{self.where}: {message}")

    def check_keys(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.raw) - allowed)
        if unknown:
            raise self.fail(f"unknown key(s) {', '.join(unknown)}")

    def text(self, key: str) -> str:
        if key not in self.raw:
            raise self.fail(f"missing required key '{key}'")
        value = self.raw[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"'{key}' must be a non-empty string")
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"'{key}' must be a list of non-empty strings")
        return tuple(dict.fromkeys(v.strip() for v in value))


def _club(entry: _Entry) -> Club:
    entry.check_keys(_CLUB_KEYS)
    name = entry.text("name")
    country = entry.text("country")
    if not re.fullmatch(r"[A-Z]{3}", country):
        raise entry.fail(f"'country' must be a three-letter FIFA code, got {country!r}")
    league = entry.text("league")
    return Club(
        name=name,
        country=country,
        league=league,
        national=fold(league) == NATIONAL,
        aliases=entry.texts("aliases"),
        weak_aliases=entry.texts("weak_aliases"),
    )


def _source(entry: _Entry) -> Source:
    entry.check_keys(_SOURCE_KEYS)
    name = entry.text("name")
    kind = entry.text("kind")
    if kind not in KINDS:
        raise entry.fail(f"'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
    tier = entry.text("tier")
    if tier not in TIERS:
        raise entry.fail(f"'tier' must be one of {', '.join(TIERS)}, got {tier!r}")
    # An aggregator passes on others' reports; an official body speaks for itself.
    for special in ("aggregator", "official"):
        if (kind == special) != (tier == special):
            raise entry.fail(
                f"kind {kind!r} and tier {tier!r} disagree: '{special}' goes with both"
            )
    return Source(name=name, kind=kind, tier=tier, aliases=entry.texts("aliases"))


def _build(
    doc: dict[str, Any], table: str, label: str, make: Callable[[_Entry], _T]
) -> list[tuple[_Entry, _T]]:
    return [
        (entry, make(entry))
        for entry in (
            _Entry(raw, label, table, i) for i, raw in enumerate(_entries(doc, table, label), 1)
        )
    ]


def _claim_forms(owners: dict[str, _Entry], forms: Iterable[str], entry: _Entry, what: str) -> None:
    """Record each form's loose key for `entry`; a key another entry holds is an error."""
    for form in forms:
        k = _loose(form)
        if not k:
            raise entry.fail(f"{what} {form!r} folds to nothing")
        other = owners.setdefault(k, entry)
        if other is not entry:
            raise entry.fail(f"{what} {form!r} already names {other.ref}")


def _parse_clubs(data: bytes, label: str) -> tuple[Club, ...]:
    built = _build(_parse_toml(data, label), "club", label, _club)
    strong: dict[str, _Entry] = {}
    for entry, club in built:
        _claim_forms(strong, (club.name, *club.aliases), entry, "name or alias")
    for entry, club in built:
        for form in club.weak_aliases:
            if _loose(form) in strong:
                raise entry.fail(
                    f"weak alias {form!r} is also a name or alias of {strong[_loose(form)].ref}"
                )
    return tuple(club for _, club in built)


def _parse_sources(data: bytes, label: str) -> tuple[Source, ...]:
    built = _build(_parse_toml(data, label), "source", label, _source)
    owners: dict[str, _Entry] = {}
    for entry, source in built:
        _claim_forms(owners, (source.name, *source.aliases), entry, "name or alias")
    return tuple(source for _, source in built)


def load_clubs(path: str | os.PathLike[str]) -> tuple[Club, ...]:
    """Clubs from an operator-supplied TOML file; GazetteerError on a malformed entry."""
    return _parse_clubs(_read(path), os.fspath(path))


def load_sources(path: str | os.PathLike[str]) -> tuple[Source, ...]:
    """Sources from an operator-supplied TOML file; GazetteerError on a malformed entry."""
    return _parse_sources(_read(path), os.fspath(path))


def _package_data(filename: str) -> bytes:
    return resources.files(_DATA_PACKAGE).joinpath(filename).read_bytes()


@cache
def clubs() -> tuple[Club, ...]:
    """The default gazetteer (package data), loaded once."""
    return _parse_clubs(_package_data("clubs.toml"), f"{_DATA_PACKAGE}/clubs.toml")


@cache
def sources() -> tuple[Source, ...]:
    """The default source-tier table (package data), loaded once."""
    return _parse_sources(_package_data("sources.toml"), f"{_DATA_PACKAGE}/sources.toml")


# --- lookup ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ClubIndex:
    strong: dict[str, Club]  # folded name/alias -> club
    strong_loose: dict[str, Club]
    weak: dict[str, tuple[Club, ...]]  # folded weak alias -> every club using it
    weak_loose: dict[str, tuple[Club, ...]]


def _club_index(table: tuple[Club, ...] | None) -> _ClubIndex:
    # The default table's index is cached without hashing the whole table on every call.
    return _default_club_index() if table is None else _build_club_index(table)


@cache
def _default_club_index() -> _ClubIndex:
    return _build_club_index(clubs())


@lru_cache(maxsize=8)
def _build_club_index(table: tuple[Club, ...]) -> _ClubIndex:
    index = _ClubIndex({}, {}, {}, {})
    for club in table:
        for form in (club.name, *club.aliases):
            index.strong.setdefault(fold(form), club)
            index.strong_loose.setdefault(_loose(form), club)
        for form in club.weak_aliases:
            for mapping, k in ((index.weak, fold(form)), (index.weak_loose, _loose(form))):
                if club not in mapping.get(k, ()):
                    mapping[k] = (*mapping.get(k, ()), club)
    return index


_SourceIndex = tuple[dict[str, Source], dict[str, Source]]  # folded / loose form -> source


def _source_index(table: tuple[Source, ...] | None) -> _SourceIndex:
    return _default_source_index() if table is None else _build_source_index(table)


@cache
def _default_source_index() -> _SourceIndex:
    return _build_source_index(sources())


@lru_cache(maxsize=8)
def _build_source_index(table: tuple[Source, ...]) -> _SourceIndex:
    exact: dict[str, Source] = {}
    loose: dict[str, Source] = {}
    for source in table:
        for form in (source.name, *source.aliases):
            exact.setdefault(fold(form), source)
            loose.setdefault(_loose(form), source)
    return exact, loose


def _keys(text: str) -> list[str]:
    """Lookup keys, most exact first: folded, then without a leading "the"."""
    k = fold(text)
    keys = [k]
    if k.startswith("the "):
        keys.append(k[4:])
    return keys


def club_named(
    text: str, *, weak: bool = True, table: tuple[Club, ...] | None = None
) -> Club | None:
    """The club `text` names exactly (folded), or None.

    Names and aliases match first; then, if `weak`, a weak alias used by exactly one club.
    A leading "the" is optional ("the Gunners"), and hyphens, apostrophes and dots are
    forgiven when nothing matches as written ("Al Hilal", "St Pauli"). `table` defaults to
    the package gazetteer.
    """
    if not text or not text.strip():
        return None
    index = _club_index(table)
    keys = _keys(text)
    for k in keys:
        found = index.strong.get(k) or index.strong_loose.get(_loose(k))
        if found:
            return found
    if weak:
        for k in keys:
            candidates = index.weak.get(k) or index.weak_loose.get(_loose(k), ())
            if len(candidates) == 1:
                return candidates[0]
            if candidates:  # shared by several clubs: ambiguous without context
                return None
    return None


def source_named(text: str, *, table: tuple[Source, ...] | None = None) -> Source | None:
    """The source whose name or alias `text` is (folded; a leading "the" optional), or None."""
    if not text or not text.strip():
        return None
    exact, loose = _source_index(table)
    for k in _keys(text):
        found = exact.get(k) or loose.get(_loose(k))
        if found:
            return found
    return None


def tier_of(
    name: str | None,
    *,
    table: tuple[Source, ...] | None = None,
    club_table: tuple[Club, ...] | None = None,
) -> str | None:
    """The tier of a source or outlet name; None if unknown.

    A club or national team speaking for itself ("the club announced" -> "Arsenal") is
    ``official``; only strong names count, so "United" stays unknown.
    """
    if not name:
        return None
    source = source_named(name, table=table)
    if source is not None:
        return source.tier
    if club_named(name, weak=False, table=club_table) is not None:
        return "official"
    return None
