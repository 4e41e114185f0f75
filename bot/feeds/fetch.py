"""Fetch one feed: conditional GET, timeouts, size caps, checked redirects. Bytes in FetchResult out."""

from __future__ import annotations

import asyncio
import hashlib
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import aiohttp

from bot import __version__
from bot.feeds.netguard import BlockedAddressError, check_literal_host, resolver_for
from bot.models import FetchResult

USER_AGENT = f"claimwatch/{__version__} (football news bot; +https://github.com/claimwatch/claimwatch)"
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True, slots=True)
class FetchLimits:
    connect_timeout: float = 10.0
    total_timeout: float = 30.0
    max_body_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = False


class BodyTooLarge(Exception):
    pass


def bundled_sample_path(url: str) -> Path | None:
    name = url.removeprefix("bundled:")
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    entry = resources.files("bot.samples").joinpath(name)
    return Path(str(entry)) if entry.is_file() else None


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def make_session(limits: FetchLimits, per_host: int = 2, total: int = 100) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(
        limit=total, limit_per_host=per_host, resolver=resolver_for(limits.allow_private)
    )
    return aiohttp.ClientSession(
        connector=connector,
        headers={"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"},
        timeout=aiohttp.ClientTimeout(
            total=limits.total_timeout, sock_connect=limits.connect_timeout, sock_read=limits.connect_timeout
        ),
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
    if url.startswith("bundled:") or urlsplit(url).scheme in ("", "file"):
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


async def _fetch_http(
    session: aiohttp.ClientSession,
    url: str,
    etag: str | None,
    last_modified: str | None,
    limits: FetchLimits,
) -> FetchResult:
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    try:
        for _hop in range(limits.max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https"):
                return FetchResult(url=url, status=None, error=f"redirected to a non-http URL ({parts.scheme}:)")
            if not limits.allow_private:
                check_literal_host(parts.hostname)
            async with session.get(current, headers=headers, allow_redirects=False) as response:
                if response.status in _REDIRECTS and "Location" in response.headers:
                    current = urljoin(current, response.headers["Location"])
                    continue
                return await _finish(url, current, response, limits)
        return FetchResult(url=url, status=None, error=f"more than {limits.max_redirects} redirects")
    except BlockedAddressError as error:
        return FetchResult(url=url, status=None, error=f"blocked: {error}")
    except TimeoutError:
        return FetchResult(url=url, status=None, error="timed out")
    except BodyTooLarge:
        return FetchResult(url=url, status=None, error=f"body larger than {limits.max_body_bytes} bytes")
    except aiohttp.ClientConnectorError as error:
        if isinstance(error.os_error, BlockedAddressError):
            return FetchResult(url=url, status=None, error=f"blocked: {error.os_error}")
        return FetchResult(url=url, status=None, error=f"cannot connect: {error.os_error or error}")
    except (aiohttp.ClientError, OSError, ValueError) as error:
        return FetchResult(url=url, status=None, error=f"{type(error).__name__}: {error}"[:300])


async def _finish(
    url: str, final_url: str, response: aiohttp.ClientResponse, limits: FetchLimits
) -> FetchResult:
    common = {
        "url": url,
        "status": response.status,
        "final_url": final_url,
        "content_type": response.headers.get("Content-Type"),
        "headers": {key: value for key, value in response.headers.items() if key.lower() in ("content-type", "etag", "last-modified", "retry-after")},
    }
    if response.status == 304:
        return FetchResult(**common, not_modified=True)
    if response.status != 200:
        return FetchResult(
            **common,
            error=f"HTTP {response.status}",
            retry_after=_retry_after(response.headers.get("Retry-After")),
        )
    declared = response.content_length
    if declared is not None and declared > limits.max_body_bytes:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    # Counted after decompression, so a gzip bomb stops at the cap like an endless body does.
    async for chunk in response.content.iter_chunked(65536):
        size += len(chunk)
        if size > limits.max_body_bytes:
            raise BodyTooLarge
        chunks.append(chunk)
    return FetchResult(
        **common,
        body=b"".join(chunks),
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
    )
