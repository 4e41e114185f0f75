"""Extraction pauses while this process's SQLite writer runs a transaction's body, and only then:
Database.make_way returns at once when nothing is being written and waits for a body that runs."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from storage.backends import open_database
from storage.db import Connection


async def test_make_way_waits_for_a_transaction_body_on_the_writer_thread(tmp_path: Path) -> None:
    db = await open_database(str(tmp_path / "claimwatch.db"))
    try:
        db.make_way()  # nothing written: returns at once
        inside, leave = threading.Event(), threading.Event()
        order: list[str] = []

        async def body(conn: Connection) -> int:
            await conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'names'")
            inside.set()
            assert leave.wait(30)  # the writer thread holds here, in the body
            order.append("body ended")
            return 1

        def extraction() -> None:
            assert inside.wait(30)
            leave_soon = threading.Timer(0.2, leave.set)
            leave_soon.start()
            db.make_way()
            order.append("extraction went on")

        worker = asyncio.get_running_loop().run_in_executor(None, extraction)
        assert await db.run(body) == 1
        await worker
        assert order == ["body ended", "extraction went on"]
        db.make_way()  # written and committed: returns at once again
    finally:
        await db.close()
