"""Which backend a database lives on: `open_database(path or postgresql:// URL)`.

Kept apart from storage/db.py (the interface both backends implement), so that neither backend
imports the module that imports it.
"""

from __future__ import annotations

from pathlib import Path

from storage.db import Database, is_postgres_url


async def open_database(target: str | Path, *, create: bool = False, must_exist: bool = False) -> Database:
    """Open, check, migrate. Anything wrong is one storage.checks.DatabaseProblem.

    A `postgresql://` URL opens the PostgreSQL backend; anything else is an SQLite file.
    `create`: start a new SQLite database even where one was created before and is now missing
    or empty. `must_exist`: never create one (`db check`).
    """
    if is_postgres_url(target):
        from storage.backend_postgres import PostgresDatabase  # asyncpg only for those who use it

        return await PostgresDatabase.connect(str(target))
    from storage.backend_sqlite import SqliteDatabase

    return await SqliteDatabase.connect(target, create=create, must_exist=must_exist)
