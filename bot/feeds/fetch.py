"""Fetch one feed: conditional GET, timeouts, size caps, checked redirects. Bytes in FetchResult out.

Every failure becomes FetchResult.error, worded for the admin who reads `/feeds list`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import re
import time
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import xxhash
from yarl import URL

from bot import __version__
from bot.feeds.netguard import BlockedAddressError, check_literal_host, resolver_for
from bot.feeds.read_timer import quiet_read_connector
from bot.models import FetchResult

log = logging.getLogger(__name__)
USER_AGENT = f"claimwatch/{__version__} (football news bot; +https://github.com/claimwatch/claimwatch)"
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
_HTTP = ("http://", "https://")
_REDIRECTS = {301, 302, 303, 307, 308}
_OK = {200, 203}
_RETRY_AFTER_STATUSES = {429, 503}
MAX_RETRY_AFTER = 24 * 3600.0  # a server may slow us down, not stop its feed for a year
_CHUNK = 65536
# Content a feed never is: refused from the headers, before a byte of the body is read.
_NEVER_FEEDS = ("image/", "audio/", "video/", "font/")
_UNPRINTABLE = re.compile(r"[\x00-\x20\x7f-\x9f]+")  # and runs of spaces: one line, one space
_STATUS_PREFIX = re.compile(r"^\d+, message:\s*")  # aiohttp's "400, message: Can not decode…"


@dataclass(frozen=True, slots=True)
class FetchLimits:
    connect_timeout: float = 10.0  # also the read timeout: the longest silence while reading
    total_timeout: float = 30.0  # the whole fetch, every redirect hop and the body included
    max_body_bytes: int = 5_000_000  # counted after decompression
    max_redirects: int = 5
    allow_private: bool = False


class BodyTooLarge(Exception):
    """The body passed max_body_bytes (as sent or once decompressed): reading stops there."""


def bundled_sample_path(url: str) -> Path | None:
    name = url.removeprefix("bundled:")
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    entry = resources.files("bot.samples").joinpath(name)
    return Path(str(entry)) if entry.is_file() else None


def body_hash(body: bytes) -> str:
    """The body's fingerprint: equal fingerprints mean a same-body re-poll, which is neither parsed nor
    extracted. Not a security hash: a feed's server chooses its bytes anyway, and a body that matched a
    different one by chance would wait for the feed's next change. XXH3-128 takes 0.3 us for an 8 KB
    body where SHA-256 took 5 us even with SHA instructions: 4 % of a same-body poll's whole CPU.
    Rows written with the SHA-256 of before differ once: that poll parses, and finds its items known."""
    return xxhash.xxh3_128_hexdigest(body)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds from now (delta-seconds or an HTTP date), within [0, a day]."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, OverflowError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


@functools.lru_cache(maxsize=16)  # a first hop's timeout is the same each time: not built per request
def _timeout(limits: FetchLimits, total: float | None = None) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(total=total, sock_connect=limits.connect_timeout,
                                 sock_read=limits.connect_timeout)


def make_session(limits: FetchLimits, per_host: int = 2, total: int = 100) -> aiohttp.ClientSession:
    connector = quiet_read_connector(
        limit=total, limit_per_host=per_host, resolver=resolver_for(limits.allow_private)
    )
    return aiohttp.ClientSession(
        connector=connector,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        timeout=_timeout(limits, limits.total_timeout),  # fetch_feed sets its own, per request
        # Feeds need no cookies, and one feed's cookies must not reach another's host.
        cookie_jar=aiohttp.DummyCookieJar(),
        # aiohttp 3.14 inflates at most ~64 KiB per step and pauses the socket while its buffer
        # is full (tests/feeds/test_hostile_feeds.py pins this with a gzip bomb), so the cap in _finish
        # bounds a bomb's memory as it bounds an endless body's.
        auto_decompress=True,
    )


async def fetch_feed(
    session: aiohttp.ClientSession | None,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits = FetchLimits(),
) -> FetchResult:
    """Never raises for a feed's own failure: the error is in the result, worded for an admin."""
    started = time.monotonic()
    # The common case first, without urlsplit: a re-poll is a few tens of microseconds in all.
    if not url.startswith(_HTTP) and (url.startswith("bundled:") or urlsplit(url).scheme in ("", "file")):
        result = await asyncio.to_thread(_read_local, url, limits.max_body_bytes)
    else:
        assert session is not None, "an http(s) feed needs a session"
        result = await _fetch_http(session, url, etag, last_modified, limits)
    result.elapsed = time.monotonic() - started
    return result


def _read_local(url: str, cap: int) -> FetchResult:
    path = bundled_sample_path(url) if url.startswith("bundled:") else Path(urlsplit(url).path if url.startswith("file:") else url)
    if path is None or not path.is_file():
        return FetchResult(url=url, status=None, error="feed file not found")
    if path.stat().st_size > cap:
        return FetchResult(url=url, status=None, error=f"feed file is larger than {cap} bytes")
    return FetchResult(url=url, status=200, body=path.read_bytes(), final_url=url)


def _printable(text: object, limit: int = 300) -> str:
    """Library error text can carry server-sent bytes: one clean line for the feed list."""
    return _UNPRINTABLE.sub(" ", str(text)).strip()[:limit]


async def _fetch_http(
    session: aiohttp.ClientSession,
    url: str,
    etag: str | None,
    last_modified: str | None,
    limits: FetchLimits,
) -> FetchResult:
    """GET with redirects followed by hand, so every hop passes the address check again.

    One coroutine from the request to the body: each level of await is paid again at every wake-up.
    """
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        current = URL(url)
    except ValueError:
        return FetchResult(url=url, status=None, error="invalid URL")

    def failed(error: str) -> FetchResult:
        return FetchResult(url=url, status=None, error=error)

    try:
        # One deadline for everything: a slow drip (bytes trickling, never silent long enough
        # for the read timeout) and a chain of slow redirects both end at it. Each hop is given
        # what is left of it as aiohttp's own total, which also covers reading the body.
        clock = asyncio.get_running_loop().time
        deadline = clock() + limits.total_timeout
        for hop in range(limits.max_redirects + 1):
            if current.scheme not in ("http", "https"):
                where = "redirected to" if hop else "the feed is"
                return failed(f"{where} a non-http URL ({current.scheme}:)")
            if not limits.allow_private:
                # The host exactly as aiohttp will connect to it; names are checked by the resolver.
                check_literal_host(current.raw_host)
            # The first hop has the whole deadline (the same timeout object each time); a redirect's
            # hop has what is left of it.
            if hop == 0:
                timeout = _timeout(limits, limits.total_timeout)
            else:
                left = deadline - clock()
                if left <= 0:
                    raise TimeoutError
                timeout = _timeout.__wrapped__(limits, left)
            async with session.get(current, headers=headers, allow_redirects=False, timeout=timeout) as response:
                status = response.status
                if status in _REDIRECTS and (location := response.headers.get("Location")):
                    try:
                        current = current.join(URL(location)).with_fragment(None)
                    except ValueError:
                        return failed("redirected to an invalid URL")
                    continue
                # The URL as asked for when there was no redirect: formatting a URL costs a re-poll 5 %.
                final_url = url if hop == 0 else str(current)
                answer = _answer(url, final_url, response, limits)
                if answer is not None:
                    return answer
                encoding = response.headers.get("Content-Encoding")
                if response.content_length is not None and not encoding and "Transfer-Encoding" not in response.headers:
                    # Exactly the announced length, already checked against the cap, as sent: read in one go.
                    body = await response.read()
                else:
                    body = await _read_capped(response, limits.max_body_bytes, encoding)
                headers_in = response.headers
                return FetchResult(url=url, status=status, final_url=final_url,
                                   content_type=headers_in.get("Content-Type"), body=body,
                                   etag=headers_in.get("ETag"), last_modified=headers_in.get("Last-Modified"))
        return failed(f"more than {limits.max_redirects} redirects")
    except BlockedAddressError as error:
        return failed(f"blocked: {error}")
    except aiohttp.ConnectionTimeoutError:
        return failed(f"timed out connecting (no connection within {limits.connect_timeout:g}s)")
    except aiohttp.SocketTimeoutError:
        return failed(f"timed out: the server sent nothing for {limits.connect_timeout:g}s")
    except TimeoutError:
        return failed(f"timed out: the fetch took longer than {limits.total_timeout:g}s")
    except BodyTooLarge as error:
        return failed(str(error))
    except aiohttp.ClientConnectorDNSError as error:
        if isinstance(error.os_error, BlockedAddressError):
            return failed(f"blocked: {error.os_error}")
        return failed(f"cannot resolve {error.host}: {_printable(error.os_error.strerror or error.os_error)}")
    except aiohttp.ClientConnectorCertificateError as error:
        return failed(f"TLS certificate problem with {error.host}: {_printable(error.certificate_error)}")
    except aiohttp.ClientConnectorError as error:
        return failed(f"cannot connect to {error.host}:{error.port}: {_printable(error.os_error.strerror or error.os_error)}")
    except aiohttp.InvalidURL as error:
        return failed(f"invalid URL: {_printable(error)}")
    except aiohttp.ClientPayloadError as error:
        return failed(f"could not read the body: {_STATUS_PREFIX.sub('', _printable(error))}")
    except aiohttp.ServerDisconnectedError:
        return failed("the server closed the connection without answering")
    except aiohttp.ClientResponseError as error:  # raised by the parser: the status is not the server's
        return failed(f"not a valid HTTP response: {_printable(error.message, 200)}")
    except (aiohttp.ClientError, OSError, ValueError) as error:
        return failed(_printable(f"{type(error).__name__}: {error}"))
    except Exception as error:  # a surprise stays this feed's failure, not the poll cycle's
        log.exception("fetching %s failed unexpectedly", url)
        return failed(f"unexpected error ({type(error).__name__}); see the bot's log")


def _answer(url: str, final_url: str, response: aiohttp.ClientResponse, limits: FetchLimits) -> FetchResult | None:
    """The result when the headers alone decide it (not modified, an error status, not a feed); None when
    the body is to be read. Raises BodyTooLarge when the announced length is over the cap."""
    status = response.status
    if status == 304:  # the commonest answer of all: built directly, no copy
        return FetchResult(url=url, status=304, final_url=final_url, content_type=response.headers.get("Content-Type"),
                           not_modified=True)
    content_type = response.headers.get("Content-Type")
    if status not in _OK:
        retry_after = None
        error = f"HTTP {status}"
        if status in _RETRY_AFTER_STATUSES:
            retry_after = retry_after_seconds(response.headers.get("Retry-After"))
            if retry_after is not None:
                error += f" (the server asks to wait {retry_after:.0f}s)"
        return FetchResult(url=url, status=status, final_url=final_url, content_type=content_type, error=error,
                           retry_after=retry_after)
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime.startswith(_NEVER_FEEDS):
        return FetchResult(url=url, status=status, final_url=final_url, content_type=content_type,
                           error=f"not a feed: the server sent {_printable(mime, 80)}")
    cap = limits.max_body_bytes
    declared = response.content_length
    if declared is not None and declared > cap:
        raise BodyTooLarge(f"body larger than {cap} bytes (the server announced {declared})")
    return None


async def _read_capped(response: aiohttp.ClientResponse, cap: int, encoding: str | None) -> bytes:
    """The body chunk by chunk, counted after decompression, so a gzip bomb stops at the cap like an
    endless body does."""
    body = bytearray()
    async for chunk in response.content.iter_chunked(_CHUNK):
        if len(body) + len(chunk) > cap:
            unpacked = f" once decompressed ({_printable(encoding, 20)})" if encoding else ""
            raise BodyTooLarge(f"body larger than {cap} bytes{unpacked}")
        body += chunk
    return bytes(body)
