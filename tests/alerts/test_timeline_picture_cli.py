"""`python -m bot timeline NAME --png FILE`, the CLI twin of /timeline's picture, as a user runs it."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(cwd)}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def test_cli_timeline_png_writes_a_valid_picture(tmp_path: Path) -> None:
    shutil.copy(ROOT / "config.example.toml", tmp_path / "config.toml")
    assert _run(["run", "--once"], tmp_path).returncode == 0  # the bundled samples, as `make run` reads them
    done = _run(["timeline", "konate", "--png", "konate.png"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Timeline: Ibrahima Konaté")  # the text still prints
    assert "Wrote the timeline picture to konate.png (800×" in done.stdout
    png = (tmp_path / "konate.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    image.verify()  # a whole, valid PNG, not only its header
    assert image.format == "PNG" and image.size[0] == 800 and image.size[1] > 200
    refused = _run(["timeline", "konate", "--png", "no/such/folder/k.png"], tmp_path)
    assert refused.returncode == 1 and refused.stderr.strip().startswith("No picture written: cannot write")
    assert "Traceback" not in refused.stderr
