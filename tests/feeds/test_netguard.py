"""The address guard for feeds added from Discord: what counts as public, every spelling of an IP
literal, and proof (against the installed aiohttp) that the address checked is the one connected to."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import AsyncIterator

import aiohttp
import pytest
from yarl import URL

from bot.feeds import netguard
from bot.feeds.fetch import FetchLimits, fetch_feed, make_session
from bot.feeds.netguard import (
    BlockedAddressError,
    PublicOnlyResolver,
    check_literal_host,
    is_public_address,
)
from tests.fakes.hostile_feed_server import FakeDNS, HostileFeedServer, pretend_loopback_is_public

UNTRUSTED = FetchLimits(connect_timeout=2, total_timeout=3, allow_private=False)
TRUSTED = FetchLimits(connect_timeout=2, total_timeout=3, allow_private=True)


@pytest.fixture
async def server() -> AsyncIterator[HostileFeedServer]:
    hostile = HostileFeedServer()
    await hostile.start()
    yield hostile
    await hostile.close()


NOT_PUBLIC = [
    "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "192.168.1.1", "0.0.0.0", "0.1.2.3",
    "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "239.255.255.250", "240.0.0.1",
    "255.255.255.255", "192.0.2.1", "198.18.0.1",
    "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%eth0", "fec0::1", "ff02::1", "2001:db8::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
    "64:ff9b::10.0.0.1", "64:ff9b::127.0.0.1", "2002:7f00:1::1", "2002:a00:1::1", "2001::1",
    "not an address", "",
]
PUBLIC = ["93.184.216.34", "1.1.1.1", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001::200e",
          "::ffff:93.184.216.34", "64:ff9b::93.184.216.34", "2002:5db8:d822::1"]


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize(("url", "message"), [
    ("http://10.0.0.1/feed", "10.0.0.1 is not a public address"),
    ("http://2130706433/", "2130706433 (127.0.0.1) is not a public address"),
    ("http://0x7f.1/", "0x7f.1 (127.0.0.1) is not a public address"),
    ("http://0x7f000001/", "0x7f000001 (127.0.0.1) is not a public address"),
    ("http://0177.0.0.1/", "0177.0.0.1 (127.0.0.1) is not a public address"),
    ("http://127.1/", "127.1 (127.0.0.1) is not a public address"),
    ("http://127.0.0.1./", "127.0.0.1. (127.0.0.1) is not a public address"),
    ("http://0/", "0 (0.0.0.0) is not a public address"),
    ("http://0.0.0.0/", "0.0.0.0 is not a public address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is not a public address"),
    ("http://100.64.0.1/", "100.64.0.1 is not a public address"),
    ("http://[::]/", ":: is not a public address"),
    ("http://[::1]:8080/", "::1 is not a public address"),
    ("http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is not a public address"),  # yarl compresses it
    ("http://[fc00::1]/", "fc00::1 is not a public address"),
    ("http://[fe80::1%25eth0]/", "is not a public address"),
    # yarl folds full-width digits to ASCII (urllib does not): the check sees what aiohttp connects to.
    ("http://１２７.０.０.１/", "127.0.0.1 is not a public address"),
    ("http://1.2.3.4.5/", "1.2.3.4.5 is not a valid address"),
    ("http://4294967296/", "4294967296 is not a valid address"),
])
def test_every_spelling_of_a_private_literal_is_refused(url: str, message: str) -> None:
    with pytest.raises(BlockedAddressError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_literal_host(URL(url).raw_host)


@pytest.mark.parametrize("url", ["http://93.184.216.34/", "http://[2606:4700::1111]/", "https://example.org/rss",
                                 "http://0x7f.example.org/", "http://1.2.3.example/"])
def test_public_literals_and_hostnames_pass_the_literal_check(url: str) -> None:
    check_literal_host(URL(url).raw_host)  # hostnames are the resolver's to check


async def test_resolver_refuses_a_name_with_any_private_address() -> None:
    dns = FakeDNS({"mixed.test": [["93.184.216.34", "10.0.0.1"]], "public.test": [["93.184.216.34"]]})
    guard = PublicOnlyResolver(dns)
    with pytest.raises(BlockedAddressError, match="mixed.test resolves to 10.0.0.1, which is not a public address"):
        await guard.resolve("mixed.test", 80, socket.AF_UNSPEC)
    assert [r["host"] for r in await guard.resolve("public.test", 80)] == ["93.184.216.34"]


async def test_aiohttp_resolves_names_through_the_connector_and_never_literals(server: HostileFeedServer) -> None:
    """The assumption the guard rests on, checked against the installed aiohttp (3.14.5)."""
    dns = FakeDNS({"feeds.test": [["127.0.0.1"]]})
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(resolver=dns)) as session:
        async with session.get(server.url("/feed.xml", host="feeds.test")) as response:
            assert response.status == 200
        assert dns.lookups == ["feeds.test"]
        async with session.get(server.url("/feed.xml")) as response:  # 127.0.0.1: no lookup
            assert response.status == 200
        assert dns.lookups == ["feeds.test"]
        # aiohttp refuses legacy numeric spellings itself rather than pass them to the OS...
        with pytest.raises(aiohttp.InvalidURL, match="not a canonical IPv4 address"):
            await session.get(f"http://2130706433:{server.port}/feed.xml")
        # ...but hex parts do not look numeric to it: they go to the resolver like a name.
        with pytest.raises(aiohttp.ClientConnectorError):
            await session.get(f"http://0x7f.1:{server.port}/feed.xml")
        assert dns.lookups[-1] == "0x7f.1"
    assert server.hits["/feed.xml"] == 2


@pytest.mark.parametrize(("host", "error"), [
    ("127.0.0.1", "blocked: 127.0.0.1 is not a public address"),
    ("2130706433", "blocked: 2130706433 (127.0.0.1) is not a public address"),
    ("0x7f.1", "blocked: 0x7f.1 (127.0.0.1) is not a public address"),
    ("0177.0.0.1", "blocked: 0177.0.0.1 (127.0.0.1) is not a public address"),
    ("１２７.０.０.１", "blocked: 127.0.0.1 is not a public address"),
    ("[::ffff:127.0.0.1]", "blocked: ::ffff:7f00:1 is not a public address"),
    ("localhost", "blocked: localhost resolves to"),
])
async def test_untrusted_fetch_never_reaches_a_private_server(server: HostileFeedServer, host: str, error: str) -> None:
    async with make_session(UNTRUSTED) as session:
        result = await fetch_feed(session, server.url("/feed.xml", host=host), limits=UNTRUSTED)
    assert result.error is not None and result.error.startswith(error)
    assert result.body is None and server.hits["/feed.xml"] == 0


async def test_trusted_fetch_may_use_a_private_address(server: HostileFeedServer) -> None:
    async with make_session(TRUSTED) as session:
        result = await fetch_feed(session, server.url("/feed.xml"), limits=TRUSTED)
    assert result.error is None and result.body and b"Liverpool beat Aston Villa" in result.body


async def test_dns_rebinding_gets_one_answer_and_it_is_the_one_checked(
    server: HostileFeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebinding DNS server answers "public" once, then 10.0.0.1. There is one lookup per
    connection, inside the connector, so the address checked is the address connected to;
    the next connection's lookup gets the private answer, and is refused."""
    dns = FakeDNS({"rebind.test": [["127.0.0.1"], ["10.0.0.1"]]})
    pretend_loopback_is_public(monkeypatch, dns)
    url = server.url("/feed.xml", host="rebind.test")
    async with make_session(UNTRUSTED) as session:
        first = await fetch_feed(session, url, limits=UNTRUSTED)
    assert first.error is None and dns.lookups == ["rebind.test"] and server.hits["/feed.xml"] == 1
    async with make_session(UNTRUSTED) as session:
        second = await fetch_feed(session, url, limits=UNTRUSTED)
    assert second.error == "blocked: rebind.test resolves to 10.0.0.1, which is not a public address"
    assert dns.lookups == ["rebind.test", "rebind.test"] and server.hits["/feed.xml"] == 1


@pytest.mark.parametrize(("target", "error"), [
    ("http://10.0.0.1/feed.xml", "blocked: 10.0.0.1 is not a public address"),
    ("http://169.254.169.254/latest/meta-data/", "blocked: 169.254.169.254 is not a public address"),
    ("http://[::ffff:10.0.0.1]/", "blocked: ::ffff:a00:1 is not a public address"),
    ("http://0x0a.1/", "blocked: 0x0a.1 (10.0.0.1) is not a public address"),
    ("http://private.test/feed.xml", "blocked: private.test resolves to 10.0.0.1, which is not a public address"),
    ("file:///etc/passwd", "redirected to a non-http URL (file:)"),
])
async def test_every_redirect_hop_is_checked_again(
    server: HostileFeedServer, monkeypatch: pytest.MonkeyPatch, target: str, error: str
) -> None:
    dns = FakeDNS({"feeds.test": [["127.0.0.1"]], "private.test": [["10.0.0.1"]]})
    pretend_loopback_is_public(monkeypatch, dns)
    url = str(URL(server.url("/redirect", host="feeds.test")).with_query(to=target))
    async with make_session(UNTRUSTED) as session:
        result = await fetch_feed(session, url, limits=UNTRUSTED)
    assert result.error == error
    assert server.hits["/redirect"] == 1


async def test_guard_is_only_for_untrusted_sessions() -> None:
    assert netguard.resolver_for(True) is None
    assert isinstance(netguard.resolver_for(False), PublicOnlyResolver)


# The IANA IPv4 and IPv6 Special-Purpose Address Registries (as of 2025), with multicast and the
# reserved ranges, written out here independently of the guard's own table.
REGISTRY_V4 = ["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
               "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32",
               "192.0.0.170/32", "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24",
               "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24",
               "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32"]
REGISTRY_V6 = ["::1/128", "::/128", "64:ff9b:1::/48", "100::/64", "100:0:0:1::/64", "2001::/23", "2001::/32",
               "2001:1::1/128", "2001:1::2/128", "2001:1::3/128", "2001:2::/48", "2001:3::/32", "2001:4:112::/48",
               "2001:10::/28", "2001:20::/28", "2001:30::/28", "2001:db8::/32", "2620:4f:8000::/48", "3fff::/20",
               "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"]


def _ends(block: str) -> list[str]:
    network = ipaddress.ip_network(block)
    return [str(network[0]), str(network[-1]), str(network[network.num_addresses // 2])]


@pytest.mark.parametrize("block", REGISTRY_V4 + REGISTRY_V6)
def test_every_special_purpose_block_is_refused(block: str) -> None:
    for address in _ends(block):
        assert not is_public_address(address), address
        if ":" not in address:  # and in each IPv6 disguise of it
            for disguise in (f"::ffff:{address}", f"64:ff9b::{address}",
                             f"2002:{int(ipaddress.IPv4Address(address)) >> 16:x}:{int(ipaddress.IPv4Address(address)) & 0xFFFF:x}::1"):
                assert not is_public_address(disguise), disguise


@pytest.mark.parametrize("address", ["192.0.0.9", "192.0.0.10", "192.0.0.170", "192.31.196.1", "192.175.48.1",
                                     "3fff::1", "3fff:fff:ffff::1", "5f00::1", "2001:4:112::1", "2620:4f:8000::1"])
def test_blocks_python_3_11_calls_public_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["192.0.1.1", "192.0.3.1", "198.20.0.1", "203.0.114.1", "223.255.255.254",
                                     "3fff:1000::1", "2001:200::1", "2620:4f:8001::1", "2c0f:f248::1"])
def test_neighbours_of_special_blocks_stay_public(address: str) -> None:
    assert is_public_address(address)


def test_the_verdict_ignores_pythons_own_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a Python release's ipaddress calls global or private, the guard's answer is the same."""
    for cls in (ipaddress.IPv4Address, ipaddress.IPv6Address):
        for prop in ("is_global", "is_private", "is_reserved", "is_link_local", "is_loopback"):
            monkeypatch.setattr(cls, prop, property(lambda self: pytest.fail("consulted ipaddress's tables")))
    assert not is_public_address("192.0.0.10") and not is_public_address("3fff::1")
    assert is_public_address("93.184.216.34") and is_public_address("2606:4700:4700::1111")
