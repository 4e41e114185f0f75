"""Tests never touch the network: names resolve from a fixed table (tests/fake_dns.py), in the
test process and in the CLI subprocesses tests start, and a real lookup fails the test that made it."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot import addguard
from bot.inputs import UserError
from tests import fake_dns
from tests.helpers import bare_env


async def test_names_resolve_from_the_table_and_unknown_names_fail() -> None:
    found = await asyncio.get_running_loop().getaddrinfo("feeds.example.org", 443, type=socket.SOCK_STREAM)
    assert [address[0] for *_, address in found] == ["93.184.215.14"]
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("no-such-host.example.net", 80)
    assert socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)[0][4] == ("127.0.0.1", 80)


async def test_the_operators_feeds_add_judges_the_tables_addresses() -> None:
    await addguard.refuse_private("https://feeds.example.org/rss")  # public: accepted
    await addguard.refuse_private("https://no-such-host.example.net/rss")  # unresolvable: the fetch will say
    with pytest.raises(UserError, match="localhost resolves to 127.0.0.1"):
        await addguard.refuse_private("http://localhost:9000/feed")


def test_a_real_lookup_is_caught_and_named(request: pytest.FixtureRequest) -> None:
    before = len(fake_dns.resolved)
    sys.audit("socket.getaddrinfo", "leaked.example.net", 80, 0, 0, 0)  # what a real lookup reports
    sys.audit("socket.getaddrinfo", "127.0.0.1", 80, 0, 0, 0)  # a literal is parsed, not looked up
    assert fake_dns.resolved[before:] == [("leaked.example.net", request.node.nodeid)]
    del fake_dns.resolved[before:]  # or this test would fail for it, as any other test would


@pytest.mark.slow
def test_a_cli_subprocess_resolves_from_the_same_table(tmp_path: Path) -> None:
    code = ("import socket\n"
            "print(socket.getaddrinfo('newsfeed.kicker.de', 443)[0][4][0])\n"
            "try:\n    socket.getaddrinfo('no-such-host.example.net', 443)\n"
            "except socket.gaierror:\n    print('unknown')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=bare_env(tmp_path), timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "185.31.16.10\nunknown\n", "")
