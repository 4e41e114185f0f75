"""Discord-style request validation and error responses for the fake Discord.

The limits and the error shapes mirror what Discord returns, because discord.py turns
them into HTTPException/Forbidden/NotFound with ``.code`` and a flattened ``.text``,
and bot code (and tests) branch on those.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from aiohttp import web

INVALID_FORM_BODY = 50035
CANNOT_SEND_EMPTY_MESSAGE = 50006
MISSING_PERMISSIONS = 50013
UNKNOWN_CHANNEL = 10003
UNKNOWN_GUILD = 10004
UNKNOWN_MESSAGE = 10008
UNKNOWN_WEBHOOK = 10015
UNKNOWN_APPLICATION_COMMAND = 10063
UNKNOWN_INTERACTION = 10062
INTERACTION_ALREADY_ACKNOWLEDGED = 40060

# Default bodies for statuses injected with fail_next().
DEFAULT_ERRORS: dict[int, tuple[int, str]] = {
    400: (INVALID_FORM_BODY, "Invalid Form Body"),
    401: (0, "401: Unauthorized"),
    403: (MISSING_PERMISSIONS, "Missing Permissions"),
    404: (UNKNOWN_CHANNEL, "Unknown Channel"),
    500: (0, "500: Internal Server Error"),
    502: (0, "502: Bad Gateway"),
    503: (0, "503: Service Unavailable"),
}

EMBED_LIMITS = {"title": 256, "description": 4096}
FIELD_LIMITS = {"name": 256, "value": 1024}
MAX_EMBEDS = 10
MAX_FIELDS = 25
MAX_EMBED_TOTAL = 6000
MAX_CONTENT = 2000
COMMAND_NAME_RE = re.compile(r"^[-_\w]{1,32}$")


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # web.json_response() sends "application/json; charset=utf-8"; discord.py compares the
    # header with == "application/json" and would hand the bot a str instead of a dict.
    all_headers = {"Content-Type": "application/json"}
    all_headers.update(headers or {})
    return web.Response(body=json.dumps(data).encode(), status=status, headers=all_headers)


def error_response(
    status: int,
    code: int | None = None,
    message: str | None = None,
    errors: dict[str, Any] | None = None,
) -> web.Response:
    default_code, default_message = DEFAULT_ERRORS.get(status, (0, f"{status}: Error"))
    body: dict[str, Any] = {
        "message": default_message if message is None else message,
        "code": default_code if code is None else code,
    }
    if errors:
        body["errors"] = errors
    return json_response(body, status=status)


def rate_limited_response(retry_after: float, *, is_global: bool = False) -> web.Response:
    body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global}
    headers = {
        "Retry-After": str(max(1, math.ceil(retry_after))),
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset-After": f"{retry_after:.3f}",
        "X-RateLimit-Bucket": "fake-bucket",
        "X-RateLimit-Scope": "shared" if not is_global else "global",
        # discord.py treats a 429 without Via as a Cloudflare ban and raises instead of retrying.
        "Via": "1.1 google",
    }
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    return json_response(body, status=429, headers=headers)


def form_error(errors: dict[str, Any]) -> web.Response:
    return error_response(400, INVALID_FORM_BODY, "Invalid Form Body", errors)


def _err(code: str, message: str) -> dict[str, Any]:
    return {"_errors": [{"code": code, "message": message}]}


def _too_long(limit: int) -> dict[str, Any]:
    return _err("BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def _set(tree: dict[str, Any], path: list[str], leaf: dict[str, Any]) -> None:
    node = tree
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = leaf


def _text_len(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def _validate_embed(embed: dict[str, Any], index: int, errors: dict[str, Any]) -> int:
    """Record per-embed errors; return the embed's character count for the 6000 rule."""
    base = ["embeds", str(index)]
    total = 0
    for key, limit in EMBED_LIMITS.items():
        total += _text_len(embed.get(key))
        if _text_len(embed.get(key)) > limit:
            _set(errors, [*base, key], _too_long(limit))
    fields = embed.get("fields") or []
    if len(fields) > MAX_FIELDS:
        _set(errors, [*base, "fields"], _too_long(MAX_FIELDS))
    for fi, field in enumerate(fields):
        for key, limit in FIELD_LIMITS.items():
            length = _text_len(field.get(key))
            total += length
            if length == 0:
                _set(errors, [*base, "fields", str(fi), key], _err("BASE_TYPE_REQUIRED", "This field is required"))
            elif length > limit:
                _set(errors, [*base, "fields", str(fi), key], _too_long(limit))
    for key, sub, limit in (("footer", "text", 2048), ("author", "name", 256)):
        length = _text_len((embed.get(key) or {}).get(sub))
        total += length
        if length > limit:
            _set(errors, [*base, key, sub], _too_long(limit))
    return total


def _validate_components(components: list[dict[str, Any]], errors: dict[str, Any]) -> None:
    if len(components) > 5:
        _set(errors, ["components"], _too_long(5))
    seen: set[str] = set()
    for ri, row in enumerate(components):
        children = row.get("components") or []
        if row.get("type") == 1 and len(children) > 5:
            _set(errors, ["components", str(ri), "components"], _too_long(5))
        for ci, child in enumerate(children):
            path = ["components", str(ri), "components", str(ci)]
            custom_id = child.get("custom_id")
            if custom_id is not None:
                if len(custom_id) > 100:
                    _set(errors, [*path, "custom_id"], _too_long(100))
                elif custom_id in seen:
                    _set(errors, [*path, "custom_id"], _err("COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated"))
                seen.add(custom_id)
            if _text_len(child.get("label")) > 80:
                _set(errors, [*path, "label"], _too_long(80))


def validate_message(body: dict[str, Any], *, has_files: bool = False, partial: bool = False) -> web.Response | None:
    """Return an error response for an invalid message body, or None if Discord would accept it.

    ``partial`` is for edits, where omitted keys keep their old value so "empty" is not checked.
    """
    errors: dict[str, Any] = {}
    content = body.get("content")
    if content is not None and not isinstance(content, str):
        _set(errors, ["content"], _err("BASE_TYPE_BAD_STRING", "Must be a string."))
    elif _text_len(content) > MAX_CONTENT:
        _set(errors, ["content"], _too_long(MAX_CONTENT))
    embeds = body.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        _set(errors, ["embeds"], _too_long(MAX_EMBEDS))
    total = sum(_validate_embed(embed, i, errors) for i, embed in enumerate(embeds))
    if total > MAX_EMBED_TOTAL and "embeds" not in errors:
        _set(errors, ["embeds"], _err("MAX_EMBED_SIZE_EXCEEDED", f"Embed size exceeds maximum size of {MAX_EMBED_TOTAL}"))
    _validate_components(body.get("components") or [], errors)
    mentions = body.get("allowed_mentions")
    if isinstance(mentions, dict):
        parse = mentions.get("parse") or []
        if any(p not in ("users", "roles", "everyone") for p in parse):
            _set(errors, ["allowed_mentions", "parse"], _err("BASE_TYPE_CHOICES", "Value must be one of ('users', 'roles', 'everyone')."))
        for kind in ("users", "roles"):
            if kind in parse and mentions.get(kind):
                _set(errors, ["allowed_mentions", kind], _err("MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", f"parse:[\"{kind}\"] and {kind}: [ids] are mutually exclusive."))
    if errors:
        return form_error(errors)
    empty = not (content or embeds or body.get("components") or has_files or body.get("sticker_ids") or body.get("poll"))
    if empty and not partial:
        return error_response(400, CANNOT_SEND_EMPTY_MESSAGE, "Cannot send an empty message")
    return None


def _validate_options(options: list[dict[str, Any]], path: list[str], errors: dict[str, Any]) -> None:
    if len(options) > 25:
        _set(errors, [*path, "options"], _too_long(25))
    for i, option in enumerate(options):
        opath = [*path, "options", str(i)]
        if not COMMAND_NAME_RE.match(option.get("name", "")) or option.get("name", "").lower() != option.get("name"):
            _set(errors, [*opath, "name"], _err("APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"))
        if not 1 <= _text_len(option.get("description")) <= 100:
            _set(errors, [*opath, "description"], _err("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."))
        if len(option.get("choices") or []) > 25:
            _set(errors, [*opath, "choices"], _too_long(25))
        if option.get("autocomplete") and option.get("choices"):
            _set(errors, [*opath, "autocomplete"], _err("APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete cannot be set with choices"))
        _validate_options(option.get("options") or [], opath, errors)


def validate_commands(commands: list[dict[str, Any]]) -> web.Response | None:
    errors: dict[str, Any] = {}
    names: set[tuple[str, int]] = set()
    for i, command in enumerate(commands):
        path = [str(i)]
        name = command.get("name", "")
        kind = int(command.get("type", 1))
        if (name, kind) in names:
            _set(errors, [*path, "name"], _err("APPLICATION_COMMANDS_DUPLICATE_NAME", f"Application command names must be unique: {name}"))
        names.add((name, kind))
        if kind == 1:
            if not COMMAND_NAME_RE.match(name) or name.lower() != name:
                _set(errors, [*path, "name"], _err("APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"))
            if not 1 <= _text_len(command.get("description")) <= 100:
                _set(errors, [*path, "description"], _err("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."))
            _validate_options(command.get("options") or [], path, errors)
    if len([c for c in commands if int(c.get("type", 1)) == 1]) > 100:
        _set(errors, ["_root"], _too_long(100))
    return form_error(errors) if errors else None
