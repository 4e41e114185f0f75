"""Builders for INTERACTION_CREATE payloads the fake sends on behalf of a test.

Options are typed from the command definition the bot registered (as Discord does), so a
test that passes ``{"who": 123}`` for a USER option gets a proper ``resolved`` block.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .fake_discord_model import FakeGuild

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER = 3, 4, 5, 6, 7, 8, 9, 10
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024


def _infer_type(value: Any) -> int:
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int):
        return INTEGER
    if isinstance(value, float):
        return NUMBER
    return STRING


def _find(options: list[dict[str, Any]], name: str, kind: int, where: str) -> dict[str, Any]:
    for option in options:
        if option.get("name") == name and int(option.get("type", 0)) == kind:
            return option
    raise LookupError(f"{where} has no {'group' if kind == SUB_COMMAND_GROUP else 'subcommand'} {name!r}")


def build_command_options(
    definition: dict[str, Any] | None,
    options: Mapping[str, Any],
    *,
    subcommand_group: str | None,
    subcommand: str | None,
    focused: str | None,
) -> list[dict[str, Any]]:
    """Return ``data.options`` for a slash/autocomplete interaction.

    With a definition, option names/types/required/choices are checked the way the Discord
    client enforces them; without one (``strict_commands=False``) types are guessed.
    """
    where = f"/{definition['name']}" if definition else "command"
    defs: list[dict[str, Any]] | None = None if definition is None else list(definition.get("options") or [])
    if subcommand_group is not None and subcommand is None:
        raise ValueError("subcommand_group needs a subcommand")
    if defs is not None and subcommand_group is not None:
        defs = list(_find(defs, subcommand_group, SUB_COMMAND_GROUP, where).get("options") or [])
    if defs is not None and subcommand is not None:
        defs = list(_find(defs, subcommand, SUB_COMMAND, where).get("options") or [])
    if defs is not None and any(int(d.get("type", 0)) in (SUB_COMMAND, SUB_COMMAND_GROUP) for d in defs):
        raise ValueError(f"{where} has subcommands; pass subcommand=")

    leaf: list[dict[str, Any]] = []
    by_name = {d["name"]: d for d in defs or []}
    for name, value in options.items():
        spec = by_name.get(name)
        if defs is not None and spec is None:
            raise LookupError(f"{where} has no option {name!r} (has {sorted(by_name)})")
        kind = int(spec["type"]) if spec else _infer_type(value)
        is_focused = name == focused
        if kind in (USER, CHANNEL, ROLE, MENTIONABLE) or (is_focused and kind != BOOLEAN):
            value = str(value)  # snowflakes and half-typed autocomplete input arrive as strings
        if spec and spec.get("choices") and not is_focused and value not in [c["value"] for c in spec["choices"]]:
            raise ValueError(f"{value!r} is not one of the choices of {name!r}")
        option: dict[str, Any] = {"name": name, "type": kind, "value": value}
        if is_focused:
            option["focused"] = True
        leaf.append(option)
    if focused is None:
        missing = [d["name"] for d in defs or [] if d.get("required") and d["name"] not in options]
        if missing:
            raise ValueError(f"{where} is missing required options {missing}")
    elif focused not in options:
        raise ValueError(f"focused option {focused!r} must be in options")

    if subcommand is None:
        return leaf
    nested: list[dict[str, Any]] = [{"name": subcommand, "type": SUB_COMMAND, "options": leaf}]
    if subcommand_group is None:
        return nested
    return [{"name": subcommand_group, "type": SUB_COMMAND_GROUP, "options": nested}]


def _leaf_options(options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for option in options:
        if option["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP):
            return _leaf_options(option.get("options", []))
    return options


def build_resolved(
    options: list[dict[str, Any]],
    guild: FakeGuild,
    users: dict[int, dict[str, Any]],
    member_fields: Any,
    channel_permissions: str,
) -> dict[str, Any]:
    """The ``resolved`` block for USER/CHANNEL/ROLE/MENTIONABLE options (discord.py needs it
    to hand the command a Member/Role/AppCommandChannel rather than a bare Object)."""
    resolved: dict[str, dict[str, Any]] = {}
    for option in _leaf_options(options):
        if option.get("focused") or option["type"] not in (USER, CHANNEL, ROLE, MENTIONABLE):
            continue  # Discord sends no resolved data for autocomplete
        snowflake = int(option["value"])
        if option["type"] in (USER, MENTIONABLE) and snowflake in users:
            resolved.setdefault("users", {})[str(snowflake)] = users[snowflake]
            if snowflake in guild.members:
                resolved.setdefault("members", {})[str(snowflake)] = member_fields(guild, snowflake)
        elif option["type"] in (ROLE, MENTIONABLE) and snowflake in guild.roles:
            resolved.setdefault("roles", {})[str(snowflake)] = guild.roles[snowflake]
        elif option["type"] == CHANNEL and snowflake in guild.channels:
            channel = dict(guild.channels[snowflake], permissions=channel_permissions)
            resolved.setdefault("channels", {})[str(snowflake)] = channel
        else:
            raise LookupError(f"option {option['name']!r}: {snowflake} does not exist in guild {guild.id}")
    return resolved


def find_component(components: list[dict[str, Any]], custom_id: str) -> dict[str, Any] | None:
    """Depth-first search, covering action rows and components-v2 containers/sections."""
    for component in components:
        if component.get("custom_id") == custom_id:
            return component
        for key in ("components", "accessory"):
            children = component.get(key)
            if isinstance(children, dict):
                children = [children]
            found = find_component(children or [], custom_id)
            if found is not None:
                return found
    return None


def interaction_payload(
    *,
    interaction_id: int,
    token: str,
    kind: int,
    application_id: int,
    guild: FakeGuild,
    channel_id: int,
    member: dict[str, Any],
    app_permissions: int,
    data: dict[str, Any],
    locale: str,
    message: dict[str, Any] | None = None,
    channel: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Every key discord.py's Interaction._from_data indexes directly is present. ``channel`` is
    the channel when it is not one of the guild's own (a thread, a forum post): channel_id is its id."""
    payload: dict[str, Any] = {
        "id": str(interaction_id),
        "application_id": str(application_id),
        "type": kind,
        "token": token,
        "version": 1,
        "data": data,
        "guild_id": str(guild.id),
        "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
        "channel_id": str(channel_id),
        "channel": dict(guild.channels[channel_id] if channel is None else channel, permissions=member["permissions"]),
        "member": member,
        "app_permissions": str(app_permissions),
        "locale": locale,
        "guild_locale": "en-US",
        "entitlements": [],
        "entitlement_sku_ids": [],
        "authorizing_integration_owners": {"0": str(guild.id)},
        "context": 0,  # GUILD
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    }
    if message is not None:
        payload["message"] = message
    return payload
