"""Refuse to connect to non-public addresses: the guard for feed URLs added from Discord.

The check runs inside aiohttp's resolver, so the address checked is the address connected to:
a hostname that resolves to a public address for the check and a private one for the connection
(DNS rebinding) cannot slip through, because there is only one resolution.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver


class BlockedAddressError(OSError):
    """The feed's host is, or resolves to, an address the bot must not fetch from."""


def is_public_address(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback in disguise
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def check_literal_host(host: str | None) -> None:
    """aiohttp skips the resolver for IP literals, so those are checked before connecting."""
    if not host:
        raise BlockedAddressError("the URL has no host")
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return  # a hostname: the resolver checks what it resolves to
    if not is_public_address(host.strip("[]")):
        raise BlockedAddressError(f"{host} is not a public address")


class PublicOnlyResolver(AbstractResolver):
    """Resolves like the default resolver, then drops every non-public address."""

    def __init__(self) -> None:
        self._inner = ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        public = [result for result in results if is_public_address(result["host"])]
        if not public:
            raise BlockedAddressError(f"{host} resolves only to non-public addresses")
        return public

    async def close(self) -> None:
        await self._inner.close()


def resolver_for(allow_private: bool) -> Any:
    return None if allow_private else PublicOnlyResolver()
