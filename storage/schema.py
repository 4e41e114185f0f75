"""The bundled migrations (storage/migrations/NNNN_name.sql), in order, as statements."""

from __future__ import annotations

import re
from importlib import resources

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every bundled migration, in order."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def split_sql(script: str) -> list[str]:
    """Statements of a migration file. Migrations hold no '--' or ';' inside literals or triggers."""
    body = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [statement.strip() for statement in body.split(";") if statement.strip()]
