"""The compiled extractor (bot/compile_extractor.py, `make compiled`): the same claims as its Python, and
used only while it matches the sources it was built from."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bot.claims
from bot import compile_extractor

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

# Run in this process (compiled) and in a child with CLAIMWATCH_PURE_EXTRACTOR=1 (Python): one line of
# digests each, our own fixtures first, then the benchmark's synthetic stream.
_DIGESTS = """
import json, sys
from pathlib import Path
import bot.claims.extract as extract
from bench.bench_extract import synthetic
from tests.claims.shared_data import claim_digests, jsonl
rows = [row for path in sys.argv[1:] for row in jsonl(Path(path))]
rows += [{"title": t, "summary": s} for t, s in synthetic(1500)]
print(json.dumps({"module": extract.__file__, "digests": claim_digests(rows)}))
"""


def _digests(pure: bool) -> tuple[str, list[str]]:
    paths = [str(p) for p in sorted((DATA / "eval").glob("*.jsonl"))] + [str(DATA / "extract_dev.jsonl")]
    env = {**os.environ, "CLAIMWATCH_PURE_EXTRACTOR": "1" if pure else "0"}
    done = subprocess.run([sys.executable, "-c", _DIGESTS, *paths], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True)
    answer = json.loads(done.stdout)
    return answer["module"], answer["digests"]


@pytest.mark.slow
@pytest.mark.skipif(not bot.claims.COMPILED, reason="the compiled extractor is not built (`make compiled`)")
def test_the_compiled_extractor_finds_what_its_python_finds() -> None:
    (compiled_module, compiled), (pure_module, pure) = _digests(pure=False), _digests(pure=True)
    assert compiled_module.endswith(".so") and pure_module.endswith(".py")
    differ = sum(a != b for a, b in zip(compiled, pure, strict=True))
    assert differ == 0, f"{differ} of {len(pure)} items read differently compiled"
    empty = hashlib.sha256(b"[]").hexdigest()
    assert sum(d != empty for d in pure) > 500  # the comparison covers items with claims, not only empty ones


def _manifest(tmp_path: Path, sources: dict[str, str], python: str = sys.implementation.cache_tag) -> Path:
    (tmp_path / bot.claims.SOURCES).write_text(json.dumps({"python": python, "sources": sources}), encoding="utf-8")
    return tmp_path


def test_a_build_is_used_only_while_it_matches_the_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMWATCH_PURE_EXTRACTOR", raising=False)
    sources = bot.claims.source_digests()
    monkeypatch.setattr(bot.claims, "BUILT", _manifest(tmp_path, sources))
    assert bot.claims._use_build()

    edited = {**sources, "extract.py": hashlib.sha256(b"an edited module").hexdigest()}
    monkeypatch.setattr(bot.claims, "BUILT", _manifest(tmp_path, edited))
    assert not bot.claims._use_build()  # a stale build never shadows the module edited since

    monkeypatch.setattr(bot.claims, "BUILT", _manifest(tmp_path, sources, python="cpython-399"))
    assert not bot.claims._use_build()
    monkeypatch.setattr(bot.claims, "BUILT", tmp_path / "never built")
    assert not bot.claims._use_build()

    monkeypatch.setattr(bot.claims, "BUILT", _manifest(tmp_path, sources))
    monkeypatch.setenv("CLAIMWATCH_PURE_EXTRACTOR", "1")
    assert not bot.claims._use_build()


def test_without_a_c_compiler_nothing_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compile_extractor.shutil, "which", lambda name: None)
    assert (compile_extractor.build() or "").startswith("no C compiler")


def test_without_python_headers_nothing_is_built(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(compile_extractor.sysconfig, "get_paths", lambda: {"include": str(tmp_path)})
    assert (compile_extractor.build() or "").startswith("no Python headers")
