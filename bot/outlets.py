"""Who published a feed's items: an identity the feed cannot change, and a server cannot choose.

A feed's title, and the name a server typed when it added the feed, are text someone other than
the operator controls: a feed titled "BBC Sport" must not earn BBC Sport's tier, and a feed that
renames itself every poll must not count as six outlets. So an outlet is the name the operator
gave the feed (config or CLI); a feed added from Discord is credited to the site it is served
from, unless its URL is in the catalogue the project ships (bot/samples/catalogue.toml): the
project's own facts, so such a feed is credited to the catalogue's outlet, at its tier. An operator's feed listed without a name is named once, by its title at its first fetch,
and keeps that name (`feeds list` shows it; a `name` in the config replaces it).
"""

from __future__ import annotations

import contextlib
import ipaddress
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from bot import catalogue

# Second-level labels under which a country's sites register ("bbc.co.uk", "abc.net.au").
MAX_NAME = 100
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "ltd", "net", "or", "org", "plc", "sch"})


def outlet_of(url: str, stored_name: str | None, origin: str) -> str | None:
    """The outlet a feed's items are credited to; None for an operator's feed not named yet
    (its first fetch names it: see first_name).

    `origin`: "config" and "cli" feeds are the operator's, whose name for them stands; a feed
    added from Discord ("discord") is credited to its site, whatever name the server gave it.
    """
    if origin == "discord":
        known = catalogue.by_url(url)
        return known.outlet if known else site_or_file(url)
    return (stored_name or "").strip() or None


def tier_of_feed(url: str, origin: str) -> str | None:
    """The tier the catalogue gives a feed added from Discord whose URL it lists, else None (the
    tier then comes from the source table, by the claim's source or the outlet's name)."""
    known = catalogue.by_url(url) if origin == "discord" else None
    return known.tier if known else None


def first_name(url: str, feed_title: str | None) -> str:
    """The name an operator's unnamed feed takes at its first fetch, and keeps."""
    title = " ".join((feed_title or "").split())[:MAX_NAME]
    return title or site_or_file(url)


def site_or_file(url: str) -> str:
    host = urlsplit(url).hostname
    if host:
        return site_of(host)
    # A local file or a bundled sample: only the operator can configure one.
    return PurePosixPath(url.removeprefix("bundled:")).name or url


def site_of(host: str) -> str:
    """The registrable part of a host: feeds.bbci.co.uk and www.bbci.co.uk are one site."""
    host = host.lower().rstrip(".")
    with contextlib.suppress(ValueError):  # an address is its own site
        ipaddress.ip_address(host)
        return host
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])
