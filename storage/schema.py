"""The bundled migrations, one numbered series per backend, in order, as statements.

storage/migrations/NNNN_name.sql are SQLite's; storage/migrations/postgresql/NNNN_name.sql say the
same for PostgreSQL, number for number and name for name (tests/storage check that they pair up).
"""

from __future__ import annotations

import re
from importlib import resources
from importlib.resources.abc import Traversable

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
DIALECTS = ("sqlite", "postgresql")


def _folder(dialect: str) -> Traversable:
    root = resources.files("storage.migrations")
    if dialect == "sqlite":
        return root
    if dialect == "postgresql":
        return root / "postgresql"
    raise ValueError(f"no migrations for {dialect!r}")


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """(version, name, sql) for every bundled migration of the backend, in order."""
    found = []
    for entry in _folder(dialect).iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def split_sql(script: str) -> list[str]:
    """Statements of a migration file. Migrations hold no '--' or ';' inside literals or triggers."""
    body = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [statement.strip() for statement in body.split(";") if statement.strip()]
