"""Rough edges a new user met by trying claimwatch (issue 11): each test asserts what they see."""

from __future__ import annotations

import os
import shutil
import socket
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


def closed_port() -> int:
    """A local port nothing listens on: connecting to it is refused at once, no network needed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_discord_unreachable_at_start_up_is_one_line_without_voice_warnings(tmp_path: Path) -> None:
    port = closed_port()
    config = tmp_path / "config.toml"
    config.write_text(
        '[discord]\ntoken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbcde.abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"\n'
        f'api_base_url = "http://127.0.0.1:{port}/api/v10"\ngateway_url = "ws://127.0.0.1:{port}/"\n'
        f'[storage]\npath = "{tmp_path / "claimwatch.db"}"\n', encoding="utf-8")
    ran = subprocess.run([sys.executable, "-m", "bot", "run", "--config", str(config)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=False)
    assert ran.returncode == 1
    assert ran.stderr.splitlines() == [
        f"Discord is unreachable (cannot connect to 127.0.0.1:{port}: connection refused): claimwatch did not "
        "start. Check the network, or [discord] api_base_url if it is set, and start it again."]
    assert "voice" not in ran.stderr


def run_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args, "--config", str(config)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_a_storage_path_under_a_file_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the data directory should be", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{tmp_path / "data" / "claimwatch.db"}"\n', encoding="utf-8")
    ran = run_cli(config, "run")
    assert ran.returncode == 3
    assert ran.stderr.splitlines() == [
        f"database error: {tmp_path / 'data' / 'claimwatch.db'} cannot be opened: part of its directory path is "
        "a file, not a directory; set [storage] path to a file in a directory claimwatch may write"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_a_storage_path_in_a_read_only_directory_is_one_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{locked / "claimwatch.db"}"\n', encoding="utf-8")
    try:
        ran = run_cli(config, "run")
    finally:
        locked.chmod(0o755)
    assert ran.returncode == 3
    [line] = ran.stderr.splitlines()
    assert line.startswith(f"database error: {locked / 'claimwatch.db'} cannot be")
