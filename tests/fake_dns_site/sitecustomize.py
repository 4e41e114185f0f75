"""Loaded at start-up by a CLI subprocess a test runs (tests.helpers.run_bot puts this directory on
PYTHONPATH): the process resolves names from tests.fake_dns's table, like the test process."""

from __future__ import annotations

import os
import sys

if os.environ.get("CLAIMWATCH_TEST_FAKE_DNS") == "1":
    from tests import fake_dns

    fake_dns.install()

    def _refuse(event: str, args: tuple[object, ...]) -> None:
        if event == "socket.getaddrinfo" and args and not fake_dns.is_literal(args[0]):
            raise RuntimeError(f"tests.fake_dns: a real lookup of {args[0]!r} in a test's subprocess")

    sys.addaudithook(_refuse)
