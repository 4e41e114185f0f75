"""Refuse to connect to non-public addresses: the guard for feed URLs added from Discord.

Two doors, both checked. aiohttp hands hostnames to the connector's resolver, so the check runs
inside PublicOnlyResolver and the address checked is the address connected to: a name that
resolves to a public address for a check and a private one for the connection (DNS rebinding)
cannot slip through, because there is only one resolution. IP literals never reach a resolver,
so check_literal_host runs on every hop before connecting, on the host exactly as aiohttp will
see it (yarl's raw_host: yarl folds full-width digits, urllib does not), and reads every numeric
spelling the C library would accept (2130706433, 0x7f.1, 0177.0.0.1).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # the well-known prefix: an IPv4 address inside
_NUMERIC_PART = re.compile(r"0x[0-9a-f]*|[0-9]+", re.IGNORECASE)


class BlockedAddressError(OSError):
    """The feed's host is, or resolves to, an address the bot must not fetch from."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (::ffff:127.0.0.1 is loopback in disguise)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public_address(address: str) -> bool:
    """True only for a globally routable unicast address: no loopback, private, link-local,
    CGNAT (100.64/10), multicast, reserved or unspecified address, in any IPv6 disguise."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.is_site_local:  # fec0::/10: deprecated, yet is_global says True
            return False
        ip = _embedded_ipv4(ip) or ip
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def parse_ipv4_literal(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address inet_aton would read from host: 1 to 4 parts, each decimal, octal (0…)
    or hex (0x…), the last part filling the remaining bytes. None when host is not numeric
    (a hostname); ValueError when it is numeric but no address (1.2.3.4.5, 08, 4294967296)."""
    parts = host.removesuffix(".").split(".")
    if not all(_NUMERIC_PART.fullmatch(part) for part in parts):
        return None
    if len(parts) > 4:
        raise ValueError(host)
    values = [
        int(part[2:] or "0", 16) if part[:2].lower() == "0x"
        else int(part, 8) if len(part) > 1 and part.startswith("0")
        else int(part)
        for part in parts
    ]
    *leading, last = values
    if any(value > 255 for value in leading) or last >= 256 ** (4 - len(leading)):
        raise ValueError(host)
    number = last
    for index, value in enumerate(leading):
        number |= value << (8 * (3 - index))
    return ipaddress.IPv4Address(number)


def check_literal_host(host: str | None) -> None:
    """Raise BlockedAddressError when host is an IP literal (in any spelling) that is not public.

    A hostname passes: PublicOnlyResolver checks what it resolves to, at connect time.
    """
    if not host:
        raise BlockedAddressError("the URL has no host")
    bare = host.strip("[]")
    ip: IPAddress | None
    try:
        # aiohttp treats any host with a colon as an IPv6 literal, and never resolves it.
        ip = ipaddress.IPv6Address(bare.split("%", 1)[0]) if ":" in bare else parse_ipv4_literal(bare)
    except ValueError:
        raise BlockedAddressError(f"{host} is not a valid address") from None
    if ip is not None and not is_public_address(str(ip)):
        shown = host if bare == str(ip) else f"{host} ({ip})"
        raise BlockedAddressError(f"{shown} is not a public address")


class PublicOnlyResolver(AbstractResolver):
    """Resolves like the default resolver, and refuses a name with any non-public address."""

    def __init__(self, inner: AbstractResolver | None = None) -> None:
        self._inner = inner or ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        # Every address, not just the first: aiohttp tries them in turn (happy eyeballs).
        for result in results:
            if not is_public_address(result["host"]):
                raise BlockedAddressError(f"{host} resolves to {result['host']}, which is not a public address")
        return results

    async def close(self) -> None:
        await self._inner.close()


def resolver_for(allow_private: bool) -> Any:
    """None (aiohttp's default resolver) for the operator's own feeds, the guard for the rest."""
    return None if allow_private else PublicOnlyResolver()
