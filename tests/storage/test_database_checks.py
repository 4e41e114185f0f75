"""A damaged database: start-up says what is wrong in one line and exits, instead of starting a
fresh database (losing every follow), running on damaged pages, or a traceback and a hang.
`db check` and `db backup` for operators."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storage.schema import migrations

ROOT = Path(__file__).resolve().parents[2]
BACKUP_HINT = "restore it from a backup (`python -m bot db backup PATH` makes one)"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[storage]\npath = "{tmp_path / "data" / "claimwatch.db"}"\n', encoding="utf-8")
    return path


def _db(config: Path) -> Path:
    return config.parent / "data" / "claimwatch.db"


def _cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The timeout only stops a hung process from stalling the suite; no test measures time.
    return subprocess.run([sys.executable, "-m", "bot", "--config", str(config), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)


def _refused(result: subprocess.CompletedProcess[str]) -> str:
    """The one line an operator sees, after checking that it is the only thing and the exit status."""
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("database error: ")
    return line


def _with_a_follow(config: Path) -> None:
    made = _cli(config, "follow", "Ibrahima Konaté", "--guild", "1", "--channel", "10")
    assert made.returncode == 0, made.stderr


def test_an_emptied_database_is_refused_not_replaced_by_a_fresh_one(config: Path) -> None:
    _with_a_follow(config)
    _db(config).write_bytes(b"")  # truncated to 0 bytes

    line = _refused(_cli(config, "following", "--guild", "1"))
    assert line == (f"database error: {_db(config)} is empty (0 bytes), but claimwatch created a database there "
                    f"before; {BACKUP_HINT}, or start afresh with --create-db")
    assert _db(config).stat().st_size == 0  # nothing was created over it
    _refused(_cli(config, "run", "--console"))

    fresh = _cli(config, "following", "--guild", "1", "--create-db")
    assert fresh.returncode == 0 and fresh.stdout.startswith("Nobody is followed here yet"), fresh.stderr


def test_a_deleted_database_is_refused(config: Path) -> None:
    _with_a_follow(config)
    _db(config).unlink()
    line = _refused(_cli(config, "following", "--guild", "1"))
    assert "claimwatch.db does not exist, but claimwatch created a database there before" in line
    assert not _db(config).exists()


def test_a_first_start_still_creates_the_database(config: Path) -> None:
    first = _cli(config, "following", "--guild", "1")
    assert first.returncode == 0 and first.stdout.startswith("Nobody is followed here yet"), first.stderr


def test_a_file_that_is_not_a_database_is_refused(config: Path) -> None:
    _with_a_follow(config)
    with _db(config).open("r+b") as file:
        file.write(b"this is not SQLite at all")
    line = _refused(_cli(config, "run", "--console"))
    assert line == (f"database error: {_db(config)} is not a SQLite database (damaged, or another kind of file); "
                    f"{BACKUP_HINT}, or move it aside and start afresh with --create-db")


def test_a_damaged_page_is_refused(config: Path) -> None:
    _with_a_follow(config)
    size = _db(config).stat().st_size
    with _db(config).open("r+b") as file:  # everything after the first page, overwritten
        file.seek(4096)
        file.write(b"\xff" * (size - 4096))
    line = _refused(_cli(config, "following", "--guild", "1"))
    assert line.startswith(f"database error: {_db(config)} is damaged (")
    assert _refused(_cli(config, "db", "check")).startswith(f"database error: {_db(config)} is damaged (")


def test_a_missing_table_is_refused(config: Path) -> None:
    _with_a_follow(config)
    with sqlite3.connect(_db(config)) as conn:
        conn.execute("DROP TABLE feed_subscriptions")
    line = _refused(_cli(config, "following", "--guild", "1"))
    assert "does not have the expected schema: table feed_subscriptions is missing" in line


def test_a_database_from_a_newer_claimwatch_is_refused(config: Path) -> None:
    _with_a_follow(config)
    with sqlite3.connect(_db(config)) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (9999, 'future', '2030-01-01')")
    assert "was written by a newer claimwatch (schema 9999" in _refused(_cli(config, "following", "--guild", "1"))


def test_a_database_locked_by_another_process_is_refused(config: Path) -> None:
    _with_a_follow(config)
    holder = sqlite3.connect(_db(config), isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        line = _refused(_cli(config, "follow", "Xabi Alonso", "--guild", "1", "--channel", "10"))
    finally:
        holder.close()
    assert line == f"database error: {_db(config)} is locked by another process (is another claimwatch running on it?)"


def test_db_check_and_backup(config: Path, tmp_path: Path) -> None:
    _with_a_follow(config)
    check = _cli(config, "db", "check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.splitlines() == [
        f"{_db(config)}: ok (integrity_check ok, foreign keys ok, schema version {max(migrations())[0]})",
        "0 feeds, 0 items, 0 claims, 1 follows, 0 alerts waiting",
    ]

    copy = tmp_path / "backup.db"
    backup = _cli(config, "db", "backup", str(copy))
    assert backup.returncode == 0 and backup.stdout.startswith(f"Backed up {_db(config)} to {copy} ("), backup.stderr
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM follows").fetchone()[0] == 1
    again = _refused(_cli(config, "db", "backup", str(copy)))
    assert again == f"database error: {copy} already exists: name a new file for the backup"

    # The copy restores: put in place of an emptied database, the follow is back.
    _db(config).write_bytes(copy.read_bytes())
    following = _cli(config, "following", "--guild", "1")
    assert following.returncode == 0 and "Ibrahima Konaté" in following.stdout, following.stderr


def test_db_check_never_creates_a_database(config: Path) -> None:
    assert _refused(_cli(config, "db", "check")) == f"database error: {_db(config)} does not exist"
    assert not _db(config).exists()
