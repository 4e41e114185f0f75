"""What the last parse of each feed saw, so the next poll of a changed feed skips what it already knows.

For each entry of a feed's last parse: a digest of its item key -> the fingerprint of the entry as the
feed wrote it (bot.feeds.parse) and the content hash it gave. parse_feed_delta leaves out an entry
whose fingerprint is the same; the pipeline then asks the database about every key the parse saw, in
the one query it makes anyway, and an entry left out whose key the database does not hold with that
hash (a store that failed, an item pruned) is parsed after all. So the memo never decides what is
stored: it only saves re-reading what the database confirms. A restart starts it empty.

Kept small: a key is remembered by an 8-byte digest, not its text (a feed's keys are the URLs of its
items), about 150 bytes an entry.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet

from bot.feeds.parse import FeedDelta

_FINGERPRINT = 12  # bytes: bot.feeds.parse._fingerprint is a 12-byte blake2b, given as hex
# A feed this process has not parsed for this long (removed, paused, or polled by another process
# now) is forgotten: its memo would only hold memory.
STALE_SECONDS = 6 * 3600


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()


class _Fingerprints(Mapping[str, str]):
    """A feed's memo as parse_feed_delta's `known`: item key -> the entry's fingerprint (hex)."""

    def __init__(self, entries: dict[bytes, bytes]) -> None:
        self._entries = entries

    def __getitem__(self, key: str) -> str:
        value = self._entries.get(_digest(key))
        if value is None:
            raise KeyError(key)
        return value[:_FINGERPRINT].hex()

    def __iter__(self) -> Iterator[str]:  # the keys themselves are not kept
        raise TypeError("a parse memo is looked up by key, not listed")

    def __len__(self) -> int:
        return len(self._entries)


class ParseMemo:
    def __init__(self) -> None:
        self._feeds: dict[int, dict[bytes, bytes]] = {}
        self._parsed_at: dict[int, float] = {}  # feed -> when this process last remembered it
        self._swept_at = time.monotonic()

    def known(self, feed_id: int, confirmed: set[str] | None = None) -> Mapping[str, str] | None:
        """For parse_feed_delta: what the feed's last parse saw (only the `confirmed` keys, if given)."""
        entries = self._feeds.get(feed_id)
        if not entries:
            return None
        if confirmed is not None:
            wanted = {_digest(key) for key in confirmed}
            entries = {digest: value for digest, value in entries.items() if digest in wanted}
        return _Fingerprints(entries)

    def unconfirmed(self, feed_id: int, delta: FeedDelta, stored: Mapping[str, str]) -> set[str]:
        """Keys the parse left out that the database (`stored`: key -> content hash) does not hold
        with the hash their entry gave: those must be parsed after all."""
        entries = self._feeds.get(feed_id, {})
        built = {item.key for item in delta.parsed.items}
        doubtful = set()
        for key in delta.seen:
            if key in built:
                continue
            value = entries.get(_digest(key))
            if value is None or stored.get(key) != value[_FINGERPRINT:].hex():
                doubtful.add(key)
        return doubtful

    def remember(self, feed_id: int, delta: FeedDelta, *, unstored: AbstractSet[str] = frozenset()) -> None:
        """Replace the feed's memo with what this parse saw: each entry's fingerprint and content hash.
        `unstored`: keys never stored (older than the retention): built again each poll (one item),
        rather than found missing from the database and the whole body parsed twice."""
        previous = self._feeds.get(feed_id, {})
        hashes = {item.key: item.content_hash for item in delta.parsed.items}
        entries: dict[bytes, bytes] = {}
        for key, fingerprint in delta.seen.items():
            if key in unstored:
                continue
            digest = _digest(key)
            if key in hashes:
                entries[digest] = bytes.fromhex(fingerprint) + bytes.fromhex(hashes[key])
            elif digest in previous:  # left out unparsed: the same entry as last time
                entries[digest] = previous[digest]
        self._feeds[feed_id] = entries
        now = time.monotonic()
        self._parsed_at[feed_id] = now
        if now - self._swept_at > 60:
            self._swept_at = now
            for stale in [feed for feed, when in self._parsed_at.items() if now - when > STALE_SECONDS]:
                self.forget(stale)

    def forget(self, feed_id: int) -> None:
        self._feeds.pop(feed_id, None)
        self._parsed_at.pop(feed_id, None)
