"""Name resolution in tests: a fixed table, never the network.

`install()` replaces socket.getaddrinfo, which everything in the bot resolves through (the event
loop's getaddrinfo, so bot/addguard.py and aiohttp's threaded resolver behind netguard). A name in
HOSTS answers its addresses; any other name fails as an unknown host does; an IP literal goes to
the real getaddrinfo, which parses it without a lookup.

A CLI subprocess (tests.helpers.run_bot) gets the same table: it runs with tests/fake_dns_site on
PYTHONPATH and FAKE_DNS_ENV set, and that directory's sitecustomize calls install() at start-up.

`watch()` adds an audit hook that records every real lookup of a name ('socket.getaddrinfo' for a
host that is not an IP literal); tests/conftest.py fails the test that made one.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Callable
from typing import Any

FAKE_DNS_ENV = "CLAIMWATCH_TEST_FAKE_DNS"

# Names the tests use, and the addresses each test needs: public ones for feeds that may be added,
# loopback for the private address the operator's `feeds add` must refuse.
HOSTS: dict[str, tuple[str, ...]] = {
    "feeds.example.org": ("93.184.215.14",),
    "newsfeed.kicker.de": ("185.31.16.10",),
    "localhost": ("127.0.0.1", "::1"),
}

_real_getaddrinfo = socket.getaddrinfo
resolved: list[tuple[str, str]] = []  # (name, what was running) for every real lookup of a name
current = ["(no test)"]  # what was running: conftest sets the test's id


def is_literal(host: Any) -> bool:
    if host is None:
        return True
    text = host.decode("ascii", "replace") if isinstance(host, bytes) else str(host)
    try:
        ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    return True


def fake_getaddrinfo(host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0,  # noqa: A002 - socket's own names
                     flags: int = 0) -> list[tuple[Any, ...]]:
    if is_literal(host):
        return _real_getaddrinfo(host, port, family, type, proto, flags | socket.AI_NUMERICHOST)
    name = (host.decode("ascii", "replace") if isinstance(host, bytes) else str(host)).lower().rstrip(".")
    addresses = HOSTS.get(name)
    if addresses is None:
        raise socket.gaierror(socket.EAI_NONAME, f"Name or service not known (tests.fake_dns has no {name!r})")
    answers: list[tuple[Any, ...]] = []
    for address in addresses:
        answers.extend(_real_getaddrinfo(address, port, family, type, proto, flags | socket.AI_NUMERICHOST)
                       if _fits(address, family) else [])
    if not answers:
        raise socket.gaierror(socket.EAI_ADDRFAMILY, f"{name} has no address of family {family}")
    return answers


def _fits(address: str, family: int) -> bool:
    version = ipaddress.ip_address(address).version
    return family in (0, socket.AF_UNSPEC) or family == (socket.AF_INET if version == 4 else socket.AF_INET6)


def install(setattr_: Callable[[Any, str, Any], None] = setattr) -> None:
    setattr_(socket, "getaddrinfo", fake_getaddrinfo)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.getaddrinfo" and args and not is_literal(args[0]):
        resolved.append((str(args[0]), current[0]))


_watching = False


def watch() -> None:
    """Record real lookups of names from now on (an audit hook cannot be removed: once a process)."""
    global _watching
    if not _watching:
        sys.addaudithook(_audit)
        _watching = True
