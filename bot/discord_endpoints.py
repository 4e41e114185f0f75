"""Point discord.py at a Discord-compatible endpoint other than discord.com.

Used by the test suite (and usable from configuration) to run the real, unpatched
discord.py client against a loopback fake. Only class-level configuration points that
discord.py 2.7.1 itself reads are touched; nothing is monkeypatched per call.

What discord.py 2.7.1 actually reads:

* ``discord.http.Route.BASE`` -- every REST URL is ``Route.BASE + path``, built when the
  ``Route`` is created. That covers the bot's own ``HTTPClient`` *and* the webhook adapter
  (``discord.webhook.async_`` imports the very same ``Route`` class), so interaction
  callbacks (``/interactions/{id}/{token}/callback``), follow-ups (``/webhooks/{app}/{token}``)
  and ``@original`` edits follow it too.
* ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`` -- the URL of the first connection
  (``Client`` never asks ``/gateway/bot``; only ``AutoShardedClient`` does, and that uses the
  REST base above) and the URL it falls back to after an INVALID_SESSION. Resumes go to the
  ``resume_gateway_url`` the server sent in READY, so a fake must send its own URL there.

Not redirected (no request is made to them in normal bot operation): ``Asset.BASE`` (CDN),
``Invite.BASE`` and the ``jump_url``/``Webhook.url`` strings, which are display-only.
"""

from __future__ import annotations

from typing import Final

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

# Captured at import so None/"" can restore discord.py's own defaults (e.g. after a test).
_DEFAULT_API_BASE: Final[str] = Route.BASE
_DEFAULT_GATEWAY: Final[yarl.URL] = DiscordWebSocket.DEFAULT_GATEWAY


def point_discord_at(api_base_url: str | None, gateway_url: str | None) -> None:
    """Make discord.py use ``api_base_url`` for REST and ``gateway_url`` for the gateway.

    ``api_base_url`` must include the API version path, e.g. ``http://127.0.0.1:8080/api/v10``.
    ``gateway_url`` is a ``ws://`` or ``wss://`` URL. ``None`` or an empty string means
    "Discord's default", so the normal configuration (both unset) changes nothing and
    ``point_discord_at(None, None)`` undoes an earlier redirection.

    This is process-wide: it affects every discord.py client in the interpreter.
    """
    if api_base_url:
        api = yarl.URL(api_base_url)
        if api.scheme not in ("http", "https") or not api.host:
            raise ValueError(f"api_base_url must be an http(s) URL, got {api_base_url!r}")
        # Route concatenates BASE + "/path", so a trailing slash would double up.
        Route.BASE = api_base_url.rstrip("/")
    else:
        Route.BASE = _DEFAULT_API_BASE

    if gateway_url:
        gateway = yarl.URL(gateway_url)
        if gateway.scheme not in ("ws", "wss") or not gateway.host:
            raise ValueError(f"gateway_url must be a ws(s) URL, got {gateway_url!r}")
        # from_client() calls .with_query() on it, so it has to be a yarl.URL, not a str.
        DiscordWebSocket.DEFAULT_GATEWAY = gateway
    else:
        DiscordWebSocket.DEFAULT_GATEWAY = _DEFAULT_GATEWAY
