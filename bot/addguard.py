"""A feed URL's host, judged when the operator adds it from the CLI, not only at every fetch.

`python -m bot feeds add` is the operator's own action, but the feed it adds is fetched like a
feed added from Discord: public addresses only (bot/feeds/netguard.py decides, on the very address
connected to, at every fetch). So a URL that is refused at fetch time is refused here at once, with
the reason and the way to read a feed on a private network: list it in config.toml, the only
place `[polling] allow_private_addresses` applies.

A host that does not resolve now is accepted: the fetch says why it fails, in `feeds list`. The URL
has passed bot.inputs.feed_url (printable, no spaces), and only the CLI calls this, so the host is
echoed as typed.
"""

from __future__ import annotations

import asyncio
import socket

from yarl import URL

from bot.feeds import netguard
from bot.inputs import UserError

RESOLVE_TIMEOUT_SECONDS = 5.0
PRIVATE_FEEDS_HINT = ("Feeds added with `feeds add` (and from Discord) are fetched from public addresses only. "
                      "A feed on your own network goes in config.toml as a [[feeds]] entry, with "
                      "[polling] allow_private_addresses = true.")


async def refuse_private(url: str) -> None:
    """Raise UserError when the URL's host is, or resolves only or partly to, a non-public address."""
    try:
        host = URL(url).raw_host
    except ValueError:
        raise UserError("That is not a valid URL.") from None
    try:
        netguard.check_literal_host(host)
    except netguard.BlockedAddressError as error:
        raise UserError(f"Refused: {error}. {PRIVATE_FEEDS_HINT}") from None
    assert host is not None  # check_literal_host refuses a URL without one
    if ":" in host or netguard.parse_ipv4_literal(host) is not None:
        return  # an IP literal, judged above
    try:
        found = await asyncio.wait_for(
            asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM), RESOLVE_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, UnicodeError):
        return  # not resolvable now: the fetch will tell
    for *_, address in found:
        if not netguard.is_public_address(str(address[0])):
            raise UserError(f"Refused: {host} resolves to {address[0]}, which is not a public address. "
                            f"{PRIVATE_FEEDS_HINT}")
