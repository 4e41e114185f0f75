"""Build the compiled extractor: bot/claims compiled to C by mypyc, into bot/claims/_compiled/.

`make compiled` runs this (and `make run`, `make test` and `make bench` run that first). The extractor
is pure, strictly typed Python and a poll's largest cost: compiled, it gives the same claims (a test
compares both on every fixture and the benchmark stream) in about two thirds of the time. mypyc comes
with mypy, pinned in pyproject.toml's dev dependencies; it needs a C compiler.

Nothing here is required: without a compiler, or if the build fails, the message says so and the
extractor runs as Python. bot/claims/__init__.py uses the build only while it matches the sources it
was made from (SOURCES), so an edited module is never shadowed by a stale build.

    python -m bot.compile_extractor            # build, unless the build in place is current
    python -m bot.compile_extractor --force    # build anyway
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from bot.claims import BUILT, PACKAGE_DIR, SOURCES, build_is_current, compiled_sources, manifest

ROOT = PACKAGE_DIR.parent.parent


def build() -> str | None:
    """Build into a fresh directory and move it into place; an error message, or None when built."""
    compiler = sysconfig.get_config_var("CC") or "cc"
    if shutil.which(str(compiler).split()[0]) is None:
        return f"no C compiler ({compiler})"
    # Checked here, not minutes into mypyc's work: a Python without its headers (Debian's python3
    # without python3-dev) would fail that late on every `make run`.
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not headers.is_file():
        return f"no Python headers ({headers}; on Debian: apt-get install python3-dev)"
    with tempfile.TemporaryDirectory(prefix="claimwatch-mypyc-") as work:
        script = Path(work) / "setup.py"
        names = [str(path.relative_to(ROOT)) for path in compiled_sources()]
        script.write_text(
            "from setuptools import setup\n"
            "from mypyc.build import mypycify\n"
            f"setup(name='claimwatch-extractor', ext_modules=mypycify({names!r}, opt_level='3', "
            f"target_dir={str(Path(work) / 'c')!r}, group_name='claimwatch_extractor'))\n",
            encoding="utf-8")
        out = Path(work) / "lib"
        command = [sys.executable, str(script), "build_ext", "--build-lib", str(out),
                   "--build-temp", str(Path(work) / "tmp")]
        # mypyc type-checks what it compiles with the project's own mypy settings (pyproject.toml).
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            return f"mypyc failed:\n{tail}"
        staged = Path(work) / "staged"
        staged.mkdir()
        for built in out.rglob("*.so"):  # the package's modules and the one shared library they load
            shutil.copy2(built, staged / built.name)
        if BUILT.exists():
            shutil.rmtree(BUILT)
        shutil.copytree(staged, BUILT)
    # Last: a build is used only once its manifest is there, so a copy cut short (a full disk) is not.
    (BUILT / SOURCES).write_text(json.dumps(manifest(), indent=1) + "\n", encoding="utf-8")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--force", action="store_true", help="build even if the build in place is current")
    args = parser.parse_args(argv)
    if not args.force and build_is_current(BUILT):
        # Newer than every source again: make compares times, and a checkout touches unchanged files.
        os.utime(BUILT / SOURCES)
        print("compiled extractor: current")
        return 0
    print(f"compiled extractor: compiling {len(compiled_sources())} modules of bot/claims with mypyc (a few minutes)…",
          flush=True)
    problem = build()
    if problem:
        if BUILT.exists():
            shutil.rmtree(BUILT)
        print(f"compiled extractor: not built, the extractor runs as Python ({problem})")
        return 0
    print(f"compiled extractor: built in {BUILT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
