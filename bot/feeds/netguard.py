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

# Not fetched from, whatever the Python version: ipaddress's own tables change between releases
# (3.11 calls 192.0.0.0/24 and 3fff::/20 public). Every block of the IANA IPv4 and IPv6
# Special-Purpose Address Registries (as of 2025), including the few it marks globally reachable
# (anycast relays and AS112 DNS sinks serve no feeds), plus multicast and the reserved ranges.
SPECIAL_IPV4 = tuple(ipaddress.IPv4Network(block) for block in (
    "0.0.0.0/8",        # "this network" (RFC 791)
    "10.0.0.0/8",       # private (RFC 1918)
    "100.64.0.0/10",    # shared address space, carrier-grade NAT (RFC 6598)
    "127.0.0.0/8",      # loopback (RFC 1122)
    "169.254.0.0/16",   # link local, cloud metadata (RFC 3927)
    "172.16.0.0/12",    # private (RFC 1918)
    "192.0.0.0/24",     # IETF protocol assignments: DS-Lite, PCP and TURN anycast, NAT64 discovery (RFC 6890)
    "192.0.2.0/24",     # documentation, TEST-NET-1 (RFC 5737)
    "192.31.196.0/24",  # AS112-v4 (RFC 7535)
    "192.52.193.0/24",  # AMT (RFC 7450)
    "192.88.99.0/24",   # deprecated 6to4 relay anycast (RFC 7526)
    "192.168.0.0/16",   # private (RFC 1918)
    "192.175.48.0/24",  # direct delegation AS112 service (RFC 7534)
    "198.18.0.0/15",    # benchmarking (RFC 2544)
    "198.51.100.0/24",  # documentation, TEST-NET-2 (RFC 5737)
    "203.0.113.0/24",   # documentation, TEST-NET-3 (RFC 5737)
    "224.0.0.0/4",      # multicast (RFC 5771)
    "240.0.0.0/4",      # reserved (RFC 1112), with the limited broadcast 255.255.255.255/32 (RFC 919)
))
# Globally routable IPv6 unicast lives in 2000::/3; the blocks below are special inside it, or
# named outside it for the record. IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) and 6to4
# (2002::/16) addresses stand for an IPv4 address and are judged as that address.
GLOBAL_UNICAST_IPV6 = ipaddress.IPv6Network("2000::/3")
SPECIAL_IPV6 = tuple(ipaddress.IPv6Network(block) for block in (
    "::/128",                # unspecified (RFC 4291)
    "::1/128",               # loopback (RFC 4291)
    "::/96",                 # deprecated IPv4-compatible addresses (RFC 4291)
    "64:ff9b:1::/48",        # local-use IPv4/IPv6 translation (RFC 8215)
    "100::/64",              # discard-only (RFC 6666)
    "100:0:0:1::/64",        # dummy IPv6 prefix (RFC 9780)
    "2001::/23",             # IETF protocol assignments: Teredo, benchmarking, AMT, AS112, ORCHID, DETs (RFC 2928)
    "2001:db8::/32",         # documentation (RFC 3849)
    "2620:4f:8000::/48",     # direct delegation AS112 service (RFC 7534)
    "3fff::/20",             # documentation (RFC 9637)
    "5f00::/16",             # segment routing SIDs (RFC 9602)
    "fc00::/7",              # unique local (RFC 4193)
    "fe80::/10",             # link local (RFC 4291)
    "fec0::/10",             # deprecated site local (RFC 3879)
    "ff00::/8",              # multicast (RFC 4291)
))
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
    """True only for a globally routable unicast address: nothing in the special-purpose tables
    above (loopback, private, link-local, CGNAT, documentation, multicast, reserved, unspecified…),
    in any IPv6 disguise. Decided by those tables alone, never by ipaddress's is_global/is_private."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            ip = embedded
        else:
            return ip in GLOBAL_UNICAST_IPV6 and not any(ip in block for block in SPECIAL_IPV6)
    return not any(ip in block for block in SPECIAL_IPV4)


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
