"""`python -m bot …`: the CLI twins of every slash command, console mode, and Discord mode."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot import service
from bot.config import ConfigError, Settings, load_settings, with_shard_flags
from storage.checks import DatabaseProblem

DEFAULT_CONFIG = "config.toml"


def _parser() -> argparse.ArgumentParser:
    # --config and -v work before or after the command ("python -m bot run --config F"); SUPPRESS keeps
    # a subcommand's absent option from overwriting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", default=argparse.SUPPRESS,
                        help="config file (default: config.toml, else config.example.toml)")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log what each poll does")
    common.add_argument("--create-db", action="store_true", default=argparse.SUPPRESS,
                        help="start a new, empty database even where one was created before and is now missing or empty")
    parser = argparse.ArgumentParser(prog="python -m bot", parents=[common],
                                     description="claimwatch: football transfer claims, followed.")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(group: Any, name: str, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = group.add_parser(name, help=text, parents=[common])
        return parser

    run = command(commands, "run", "poll the feeds: Discord mode with a token, console mode without")
    mode = run.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="console mode: poll once and exit (the default)")
    mode.add_argument("--watch", action="store_true", help="console mode: keep polling on the schedule")
    run.add_argument("--console", action="store_true", help="console mode even when a token is configured")
    run.add_argument("--shards", default=None, metavar="IDS",
                     help="Discord mode: run only these gateway shards, like 0-3 or 0,2,5 (needs a shard count); "
                          "the processes of a deployment together run every shard (default: every shard)")
    run.add_argument("--shard-count", type=int, default=None, metavar="N",
                     help="Discord mode: the number of shards across every process (default: Discord's recommendation)")

    extract = command(commands, "extract", "print the claims in a feed file or URL (no database)")
    extract.add_argument("source", help="a feed file path or an http(s) URL")
    extract.add_argument("--json", action="store_true", help="one JSON object per claim per line")
    extract.add_argument("--explain", action="store_true",
                         help="per item: people found, candidate claims, and why each dropped one was dropped")

    timeline = command(commands, "timeline", "a person's stories, oldest first")
    timeline.add_argument("name")
    timeline.add_argument("--kind", default=None, help="only stories with a report of this kind; those reports always show")
    timeline.add_argument("--all", action="store_true", dest="every_report",
                          help="every report of each story, not the first five")
    timeline.add_argument("--since", default=None, help="YYYY-MM-DD")
    timeline.add_argument("--png", default=None, metavar="FILE", help="also write the timeline as a picture (PNG)")

    for name, text in (("follow", "alert a channel about a person"), ("unfollow", "stop alerting a channel")):
        sub = command(commands, name, text)
        sub.add_argument("name")
        sub.add_argument("--channel", required=True, help="Discord channel id (0 for the console)")
        sub.add_argument("--guild", default="0", help="Discord guild id (0 for the console)")

    following = command(commands, "following", "who a channel (or the whole guild) follows")
    following.add_argument("--channel", default=None)
    following.add_argument("--guild", default="0")

    why = command(commands, "why", "why an item was posted in a guild's channels, or why not")
    why.add_argument("url", help="the item's link, as the alert or the feed shows it")
    why.add_argument("--guild", default="0", help="Discord guild id (0 for the console)")

    latest = command(commands, "latest", "the newest developments about people a guild follows")
    latest.add_argument("--guild", default="0")

    alerts = command(commands, "alerts", "a guild's alert settings")
    alert_commands = alerts.add_subparsers(dest="alerts_command", required=True)
    channel = command(alert_commands, "channel", "where server notices go")
    channel.add_argument("--guild", default="0")
    channel.add_argument("--channel", required=True)
    settings = command(alert_commands, "settings", "show or change minimum tier, kinds, digest, story threads")
    settings.add_argument("--guild", default="0")
    settings.add_argument("--min-tier", default=None, help="any, official, tier1 … tier4")
    settings.add_argument("--kinds", default=None, help="comma-separated kinds, or all")
    digest = settings.add_mutually_exclusive_group()
    digest.add_argument("--digest", action="store_true", default=None, help="one daily digest")
    digest.add_argument("--instant", dest="digest", action="store_false", help="instant alerts")
    threads = settings.add_mutually_exclusive_group()
    threads.add_argument("--threads", action="store_true", default=None,
                         help="each story's alerts in one thread, started from its first alert")
    threads.add_argument("--no-threads", dest="threads", action="store_false", help="every alert in the channel")

    database = command(commands, "db", "the database, for operators")
    db_commands = database.add_subparsers(dest="db_command", required=True)
    command(db_commands, "check", "check every page, index and foreign key, and the schema")
    backup = command(db_commands, "backup", "copy the database with SQLite's online backup (safe while the bot runs)")
    backup.add_argument("path", help="a new file for the copy")
    upgrade = command(db_commands, "upgrade", "apply the migrations the database lacks, or print their SQL")
    upgrade.add_argument("--sql", action="store_true",
                         help="print the pending migrations' SQL for this database's backend; apply nothing")
    copy = command(db_commands, "copy", "copy an SQLite database into a new, empty PostgreSQL database")
    copy.add_argument("--from", dest="source", required=True, metavar="sqlite:PATH", help="the SQLite file")
    copy.add_argument("--to", dest="target", required=True, metavar="postgresql://…",
                      help="an empty PostgreSQL database (its tables are created)")

    command(commands, "doctor", "check the config, the database and the token's shape, and list what would be "
            "polled, offline; exit status 1 when something is wrong")

    feeds = command(commands, "feeds", "manage feeds")
    feed_commands = feeds.add_subparsers(dest="feeds_command", required=True)
    # Without --guild these act as the operator, on every feed; with it, as that server's /feeds.
    as_guild = "act as this Discord server: its own feeds only, as its /feeds command would"
    listing = command(feed_commands, "list", "feeds and their health")
    listing.add_argument("--guild", default=None, help=as_guild)
    add = command(feed_commands, "add", "add an http(s) feed on a public address, or a catalogue feed by its key")
    add.description = (
        "Add a feed as the operator: it is read for every server. Public addresses only: a URL whose host is, "
        "or resolves to, a private, loopback, link-local or other special address is refused now, as at every "
        "fetch. A feed on your own network goes in config.toml as a [[feeds]] entry, with [polling] "
        "allow_private_addresses = true.")
    add.add_argument("url", help="the feed's URL, or a key from `feeds catalogue` (like bbc-football)")
    add.add_argument("--name", default=None)
    add.add_argument("--guild", default=None, help=as_guild)
    catalogue = command(feed_commands, "catalogue", "the real football feeds that ship with claimwatch")
    catalogue.add_argument("search", nargs="?", default=None,
                           help="outlet, club, country, language or kind (like liverpool, german, transfers)")
    for verb in ("remove", "resume"):
        sub = command(feed_commands, verb, f"{verb} a feed by id or URL")
        sub.add_argument("feed", help="feed id or URL")
        sub.add_argument("--guild", default=None, help=as_guild)
    return parser


def _config_path(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    return Path(DEFAULT_CONFIG) if Path(DEFAULT_CONFIG).exists() else Path("config.example.toml")


async def _with_db(settings: Settings, action: Callable[[Any], Awaitable[int]]) -> int:
    from storage.backends import open_database

    db = await open_database(settings.database, create=settings.storage.create)
    try:
        return await action(db)
    finally:
        await db.close()


async def _db(settings: Settings, args: argparse.Namespace) -> int:
    from storage import checks, upgrade
    from storage.backends import open_database
    from storage.db import is_postgres_url

    if args.db_command == "copy":
        return await _db_copy(args.source, args.target)
    if args.db_command == "upgrade":
        if args.sql:
            print(await upgrade.pending_sql(settings.database))
            return 0
        done = await upgrade.apply(settings.database, create=settings.storage.create)
        version = upgrade.newest(settings.database)
        if done:
            names = ", ".join(f"{number:04d}_{name}" for number, name in done)
            print(f"Applied {names} to {upgrade.where(settings.database)}; schema version {version}.")
        else:
            print(f"{upgrade.where(settings.database)} is up to date (schema version {version}).")
        return 0
    if is_postgres_url(settings.database):
        if args.db_command == "backup":
            raise DatabaseProblem(f"{upgrade.where(settings.database)} is PostgreSQL: back it up with pg_dump "
                                  "(pg_dump --format=custom --file=PATH URL); db backup copies SQLite files")
        if todo := await upgrade.pending(settings.database):  # check creates nothing: open would migrate
            raise DatabaseProblem(f"{upgrade.where(settings.database)} lacks {len(todo)} of this claimwatch's "
                                  "migrations: `python -m bot db upgrade` applies them (--sql prints them)")
    if args.db_command == "backup":
        print(await asyncio.to_thread(checks.backup, settings.database_path, Path(args.path)))
        return 0
    db = await open_database(settings.database, must_exist=True)
    try:
        print("\n".join(await checks.full_report(db)))
    finally:
        await db.close()
    return 0


async def _db_copy(source: str, target: str) -> int:
    from storage.copy import copy
    from storage.upgrade import where

    counts = await copy(source, target)
    width = max(len(table) for table, _ in counts)
    print(f"Copied {source.removeprefix('sqlite:')} to {where(target)} in one transaction; every table's rows "
          "match the source:")
    for table, rows in counts:
        print(f"  {table:<{width}}  {rows:>9,}")
    print("Point the bot at it with [storage] url (or CLAIMWATCH_DATABASE_URL) and start it; keep the SQLite "
          "file as a backup.")
    return 0


async def _extract(source: str, as_json: bool, explain: bool) -> int:
    from bot.cli_extract import extract_source

    return await extract_source(source, as_json, sys.stdout, explain=explain)


async def _feeds(settings: Settings, args: argparse.Namespace) -> int:
    if args.feeds_command == "catalogue":  # shipped data: no database
        print("\n".join(service.catalogue_listing(args.search)))
        print("Add one with `feeds add KEY` (or its URL); the README says which to start with.")
        return 0

    async def act(db: Any) -> int:
        if args.feeds_command == "list":
            lines = await service.feed_list(db, args.guild)
            print("\n".join(lines) if lines else "No feeds yet. Add one with `feeds add URL`.")
        elif args.feeds_command == "add" and args.guild is not None:
            print((await service.add_server_feed(db, args.url, args.name, guild_id=args.guild, by="cli",
                                                     check_address=True)).message)
        elif args.feeds_command == "add":
            feed_id, new = await service.add_feed(db, args.url, args.name, origin="cli")
            print(f"{'Added' if new else 'Already have'} feed {await service.feed_label(db, feed_id)}")
        elif args.feeds_command == "remove":
            print(await service.remove_feed(db, args.feed, guild_id=args.guild))
        else:
            print(await service.resume_feed(db, args.feed, guild_id=args.guild))
        return 0

    return await _with_db(settings, act)


async def _console_reasons(db: Any, since: str) -> int:
    """`run -v` in console mode: why each item this run read was posted, or not, as `why URL` says."""
    from bot.console import CONSOLE_GUILD

    answers = await service.why_read_since(db, since, CONSOLE_GUILD)
    if answers:
        print(f"Why each of the {len(answers)} items read this run was posted or not "
              "(`python -m bot why URL` says the same for one, with the extractor's reading):\n")
        print("\n\n".join("\n".join(answer.lines) for answer in answers))
    return 0


async def _dispatch(settings: Settings, args: argparse.Namespace) -> int:
    if args.command == "run":
        if settings.discord.token and not args.console and not args.once and not args.watch:
            from bot.discord_client import run_discord

            return await run_discord(settings)
        from bot.console import run_console
        from storage.db import utcnow

        started = utcnow()
        code = await run_console(settings, watch=args.watch, out=sys.stdout)
        if args.verbose and not args.watch:
            await _with_db(settings, lambda db: _console_reasons(db, started))
        return code
    if args.command == "extract":
        return await _extract(args.source, args.json, args.explain)
    if args.command == "feeds":
        return await _feeds(settings, args)
    if args.command == "db":
        return await _db(settings, args)

    async def act(db: Any) -> int:
        if args.command == "timeline":
            from bot.alerts.render import timeline_text

            result = await service.timeline(db, args.name, kind=args.kind, since=args.since)
            print(timeline_text(result.person.name, result.stories, every_report=args.every_report, kind=args.kind))
            if args.png:
                from bot.alerts.timeline_picture import filter_note, write_png

                print(write_png(args.png, result.person.name, result.stories, note=filter_note(args.kind, args.since)))
        elif args.command == "why":
            answer = await service.why(db, args.url, args.guild)
            print("\n".join(answer.lines))
            if answer.explain:
                print("How the extractor reads it now:")
                print("\n".join("  " + line for line in answer.explain))
        elif args.command == "follow":
            print((await service.follow(db, args.guild, args.channel, args.name, by="cli")).message)
        elif args.command == "unfollow":
            print(await service.unfollow(db, args.guild, args.channel, args.name))
        elif args.command == "latest":
            from bot.alerts.render import alert_text

            views = await service.latest(db, args.guild)
            print("\n\n".join(alert_text(view) for view in views) if views
                  else "No developments yet about anyone this guild follows.")
        elif args.command == "alerts" and args.alerts_command == "channel":
            print(await service.set_alert_channel(db, args.guild, args.channel))
        elif args.command == "alerts":
            if args.min_tier is None and args.kinds is None and args.digest is None and args.threads is None:
                print(await service.alert_settings(db, args.guild))
            else:
                print(await service.update_alert_settings(db, args.guild, min_tier=args.min_tier,
                                                          kinds=args.kinds, digest=args.digest,
                                                          threads=args.threads))
        elif args.command == "following":
            lines = await service.following(db, args.guild, args.channel)
            print("\n".join(lines) if lines else "Nobody is followed here yet. Try `follow NAME --channel ID`.")
        return 0

    return await _with_db(settings, act)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.config = getattr(args, "config", None)  # SUPPRESS: absent when given nowhere
    args.verbose = getattr(args, "verbose", False)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        if args.command == "doctor":  # loads the config itself: a mistake is one check among the others
            from bot.doctor import doctor

            return doctor(_config_path(args.config))
        # extract reads no config and touches no database.
        settings = Settings() if args.command == "extract" else load_settings(_config_path(args.config))
        if args.command == "run":
            settings = with_shard_flags(settings, args.shards, args.shard_count)
        if getattr(args, "create_db", False):
            settings = replace(settings, storage=replace(settings.storage, create=True))
        with service.answers_for_cli():  # channels and commands as a terminal shows them
            return asyncio.run(_dispatch(settings, args))
    except ConfigError as error:
        print(f"config error: {error}", file=sys.stderr)
        return 2
    except DatabaseProblem as error:
        print(f"database error: {error}", file=sys.stderr)
        return 3
    except service.UserError as error:
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
