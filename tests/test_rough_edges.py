"""Rough edges a new user met by trying claimwatch (issue 11): each test asserts what they see."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.parametrize("hook", ["build_editable", "build_wheel"])
def test_building_claimwatch_prints_no_packaging_warnings(tmp_path: Path, hook: str) -> None:
    """`make run`'s first install (pip install -e, build_editable) and the image's (pip install .,
    build_wheel) go through these hooks; pip shows their warnings even with --quiet, and a
    deprecated pyproject.toml once made that about 60 lines before the first alert."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    for package in ("bot", "cogs", "storage"):
        (project / package).mkdir()
        (project / package / "__init__.py").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    built = subprocess.run(
        [sys.executable, "-W", "error", "-c",
         f"from setuptools import build_meta; print(build_meta.{hook}({str(out)!r}))"],
        cwd=project, capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    assert "Warning" not in built.stderr and "deprecated" not in built.stderr.lower(), built.stderr
    assert list(out.glob("claimwatch-0.1.0*.whl"))

