"""The extractor: text in, claims out (bot/claims/extract.py is the entry point).

Its modules run compiled when `make compiled` (bot/compile_extractor.py) has built them into
_compiled/ and that build matches these sources: the compiled directory then comes first on this
package's path. A build made from other sources (an edited module, a checkout of another commit) or for
another Python is passed over, and the modules run as the Python they are. CLAIMWATCH_PURE_EXTRACTOR=1
passes it over too (the tests that swap the extractor's parts run so).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent  # its data/ too: a compiled module's __file__ is in BUILT
BUILT = PACKAGE_DIR / "_compiled"
SOURCES = "SOURCES.json"  # in BUILT: the Python and the digest of each source the build was made from


def compiled_sources() -> list[Path]:
    """The modules a build compiles: every one but this, which decides whether the build is used."""
    return sorted(path for path in PACKAGE_DIR.glob("*.py") if path.name != "__init__.py")


def source_digests() -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in compiled_sources()}


def manifest() -> dict[str, object]:
    """What a build records of its making, and what a build in use must match: this Python, these sources."""
    return {"python": sys.implementation.cache_tag, "sources": source_digests()}


def build_is_current(built: Path) -> bool:
    try:
        recorded = json.loads((built / SOURCES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(recorded == manifest())


def _use_build() -> bool:
    return os.environ.get("CLAIMWATCH_PURE_EXTRACTOR") != "1" and build_is_current(BUILT)


COMPILED = _use_build()
if COMPILED:
    __path__.insert(0, str(BUILT))  # the compiled modules are found before their sources
    # (the modules load one shared library of their own by its top-level name)
    sys.path.append(str(BUILT))
