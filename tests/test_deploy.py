"""The Dockerfile and the systemd unit, validated as far as this machine can without a Docker daemon
or a systemd to run them: their structure, the promises they make (pinned base, non-root, the
database on a volume, no secret baked in, the install from pyproject.toml), the image's install
rebuilt from exactly the files its build context would hold, and `systemd-analyze verify` and
`security` on the unit when systemd-analyze is installed."""

from __future__ import annotations

import fnmatch
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath

import pytest

from bot.config import TOKEN_ENV, load_settings

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
UNIT = ROOT / "deploy" / "claimwatch.service"
SERVICE_CONFIG = ROOT / "deploy" / "claimwatch.toml"
ENV_EXAMPLE = ROOT / "deploy" / "claimwatch.env.example"
SECRET_WORDS = re.compile(r"token|secret|password|passwd|api_?key", re.IGNORECASE)


# --- Dockerfile --------------------------------------------------------------------------------

def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order: comments dropped, continuation lines joined."""
    found: list[tuple[str, str]] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        whole = (pending + line).strip()
        pending = ""
        keyword, _, rest = whole.partition(" ")
        found.append((keyword.upper(), rest.strip()))
    assert not pending, "a continuation line runs off the end of the Dockerfile"
    return found


@pytest.fixture(scope="module")
def steps() -> list[tuple[str, str]]:
    return instructions(DOCKERFILE.read_text(encoding="utf-8"))


def final_stage(steps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    last = max(index for index, (keyword, _) in enumerate(steps) if keyword == "FROM")
    return steps[last:]


def copies(steps: list[tuple[str, str]]) -> list[tuple[list[str], str]]:
    """(sources, destination) of every COPY from the build context (not --from another stage)."""
    found = []
    for keyword, rest in steps:
        if keyword != "COPY":
            continue
        words = shlex.split(rest)
        if any(word.startswith("--from") for word in words):
            continue
        words = [word for word in words if not word.startswith("--")]
        found.append((words[:-1], words[-1]))
    return found


def exec_form(rest: str) -> list[str]:
    import json

    value = json.loads(rest)
    assert isinstance(value, list), f"use the exec form (a JSON list), got {rest!r}"
    return value


def test_every_base_image_is_pinned_to_a_patch_release(steps: list[tuple[str, str]]) -> None:
    images = [rest.split()[0] for keyword, rest in steps if keyword == "FROM" and not rest.startswith("build")]
    assert images, "no FROM"
    for image in images:
        name, _, tag = image.partition(":")
        assert re.fullmatch(r"\d+\.\d+\.\d+(-[a-z0-9-]+)?(@sha256:[0-9a-f]{64})?", tag), \
            f"{image}: pin the base image to a version like 3.11.14-slim-bookworm, not {tag or 'latest'!r}"
        assert name.endswith("python") and tag.startswith("3.11."), "claimwatch is developed on Python 3.11"
    # The virtual environment is built in one stage and run in the other: the same Python in both.
    assert len(set(images)) == 1


def test_the_image_runs_as_a_user_that_is_not_root(steps: list[tuple[str, str]]) -> None:
    users = [rest for keyword, rest in final_stage(steps) if keyword == "USER"]
    assert users, "the final stage must switch to a user without privileges"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0"), f"USER {users[-1]}"
    # Numeric, so that an orchestrator can check runAsNonRoot without reading /etc/passwd.
    assert user.isdigit() and int(user) >= 1000


def test_the_database_lives_on_the_volume_the_image_declares(steps: list[tuple[str, str]]) -> None:
    volumes = [path for keyword, rest in final_stage(steps) if keyword == "VOLUME" for path in exec_form(rest)]
    [(sources, destination)] = [copy for copy in copies(steps) if copy[0] == ["deploy/claimwatch.toml"]]
    settings = load_settings(SERVICE_CONFIG, env={})
    database = PurePosixPath(settings.storage.path)
    assert database.is_absolute(), "a relative path would land beside the config, outside the volume"
    assert any(database.parent == PurePosixPath(volume) for volume in volumes), (database, volumes)
    # The entry point reads the config where the image puts it, and the data directory is the
    # non-root user's own (created and chowned before USER).
    entrypoint = [exec_form(rest) for keyword, rest in final_stage(steps) if keyword == "ENTRYPOINT"][-1]
    assert entrypoint[:3] == ["python", "-m", "bot"]
    assert entrypoint[entrypoint.index("--config") + 1] == destination
    setup = " ".join(rest for keyword, rest in final_stage(steps) if keyword == "RUN")
    assert re.search(rf"install -d -o claimwatch -g claimwatch [^&]*{re.escape(str(database.parent))}", setup)
    assert [exec_form(rest) for keyword, rest in final_stage(steps) if keyword == "CMD"][-1] == ["run"]


def test_no_secret_is_baked_into_the_image(steps: list[tuple[str, str]]) -> None:
    for keyword, rest in steps:
        if keyword in ("ENV", "ARG", "LABEL"):
            assert not SECRET_WORDS.search(rest), f"{keyword} {rest}: secrets come from the environment at run time"
        assert TOKEN_ENV not in rest, f"{keyword} {rest}"
    for sources, _ in copies(steps):
        for source in sources:
            assert source not in (".", "./", "config.toml", ".env", "data", "data/"), \
                f"COPY {source} could carry a token or a database into the image"
    # The config the image carries holds no token: the token comes from CLAIMWATCH_DISCORD_TOKEN.
    assert load_settings(SERVICE_CONFIG, env={}).discord.token == ""


def test_the_install_is_the_repositorys_own_package(steps: list[tuple[str, str]]) -> None:
    copied = {source for sources, _ in copies(steps) for source in sources}
    assert "pyproject.toml" in copied
    runs = [rest for keyword, rest in steps if keyword == "RUN"]
    installs = [run for run in runs if "pip install" in run]
    assert installs == ["/opt/claimwatch/bin/pip install ."], \
        "one install, of this directory, whose pyproject.toml pins the dependencies"
    assert not any("requirements" in run for run in runs)
    # pyproject.toml's readme must be in the context, or the build fails.
    readme = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["readme"]
    assert readme in copied


def dockerignore_patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def in_context(path: str, patterns: list[str]) -> bool:
    """Whether `path` (relative, POSIX) enters the build context: the last matching pattern wins,
    a pattern matches the path or any directory above it, `**` any number of directories."""
    included = True
    parts = path.split("/")
    for pattern in patterns:
        negate = pattern.startswith("!")
        body = pattern[1:] if negate else pattern
        body = body.rstrip("/")
        regex = fnmatch.translate(body).replace(".*.*/", "(.*/)?")  # **/ : zero or more directories
        if any(re.match(regex, "/".join(parts[:depth])) for depth in range(1, len(parts) + 1)):
            included = negate
    return included


def context_files() -> list[str]:
    """Every file of the working tree that `docker build .` would send."""
    patterns = dockerignore_patterns()
    found = []
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT).as_posix()
        if path.is_file() and not relative.startswith((".git/", ".venv/")) and in_context(relative, patterns):
            found.append(relative)
    return sorted(found)


def test_the_build_context_holds_what_the_build_copies_and_nothing_private(steps: list[tuple[str, str]]) -> None:
    patterns = dockerignore_patterns()
    assert patterns[0] == "*", "exclude everything, then name what the build needs"
    files = context_files()
    for sources, _ in copies(steps):
        for source in sources:
            assert any(name == source or name.startswith(source.rstrip("/") + "/") for name in files), \
                f"COPY {source}: not in the build context"
    for private in ("config.toml", ".env", "data/claimwatch.db", "data/claimwatch.db.created", ".venv/bin/python",
                    ".git/config", "tests/test_deploy.py", "bot/__pycache__/config.cpython-311.pyc"):
        assert not in_context(private, patterns), f"{private} would be sent to the Docker daemon"
    assert all(name.split("/")[0] in ("pyproject.toml", "README.md", "bot", "cogs", "storage", "deploy")
               for name in files)


def test_the_images_install_runs_the_bot_from_its_build_context(tmp_path: Path) -> None:
    """What `pip install .` in the image installs, rebuilt from exactly the build context's files:
    setuptools' build_py lays out the packages and data files as the wheel would hold them. Then
    the CLI runs from there, outside the repository, on the image's config (its database moved to
    a temporary directory): doctor passes, and console mode polls the bundled samples."""
    context = tmp_path / "context"
    for name in context_files():
        (context / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, context / name)
    site = tmp_path / "site"
    built = subprocess.run([sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py",
                            "--build-lib", str(site)], cwd=context, capture_output=True, text=True,
                           timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    for data in ("bot/samples/catalogue.toml", "bot/samples/transfer_wire.xml", "bot/claims/data/clubs.toml",
                 "storage/migrations/0001_init.sql"):
        assert (site / data).is_file(), f"{data} is missing from the installed package"

    volume = tmp_path / "var-lib-claimwatch"
    volume.mkdir()
    config = tmp_path / "etc" / "config.toml"
    config.parent.mkdir()
    text = SERVICE_CONFIG.read_text(encoding="utf-8")
    database = load_settings(SERVICE_CONFIG, env={}).storage.path
    config.write_text(text.replace(f'"{database}"', f'"{volume / PurePosixPath(database).name}"'), encoding="utf-8")
    away = tmp_path / "elsewhere"
    away.mkdir()
    env = {key: value for key, value in os.environ.items() if key != TOKEN_ENV}
    env["PYTHONPATH"] = str(site)  # the installed tree, not the repository (dependencies from this venv)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot", "--config", str(config), *args], cwd=away, env=env,
                              capture_output=True, text=True, timeout=300, check=False)

    doctor = cli("doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert doctor.stdout.splitlines()[-1] == "Ready to run."
    ran = cli("run")
    assert ran.returncode == 0, ran.stderr
    assert "🔔" in ran.stdout  # the demo's alerts
    assert str(site) in subprocess.run([sys.executable, "-c", "import bot; print(bot.__file__)"], cwd=away, env=env,
                                       capture_output=True, text=True, timeout=60, check=True).stdout
    assert (volume / PurePosixPath(database).name).is_file()


# --- systemd unit ------------------------------------------------------------------------------

def unit_sections(text: str) -> dict[str, dict[str, list[str]]]:
    """Section -> key -> every value given (systemd allows a key more than once)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"{line!r} before any section"
        key, sep, value = line.partition("=")
        assert sep, f"not a key=value line: {line!r}"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


@pytest.fixture(scope="module")
def unit() -> dict[str, dict[str, list[str]]]:
    return unit_sections(UNIT.read_text(encoding="utf-8"))


def test_the_unit_runs_the_bot_as_its_own_user_with_the_service_config(unit: dict[str, dict[str, list[str]]]) -> None:
    service = unit["Service"]
    [exec_start] = service["ExecStart"]
    command = shlex.split(exec_start)
    assert command[0].startswith("/") and command[1:3] == ["-m", "bot"]
    assert command[-1] == "run"
    config = command[command.index("--config") + 1]
    assert config == "/etc/claimwatch/config.toml"
    [user] = service["User"]
    assert user not in ("root", "0")
    [state] = service["StateDirectory"]
    [workdir] = service["WorkingDirectory"]
    assert workdir == f"/var/lib/{state}"
    # The config the unit is meant to read (deploy/claimwatch.toml) keeps the database there.
    database = PurePosixPath(load_settings(SERVICE_CONFIG, env={}).storage.path)
    assert database.parent == PurePosixPath(workdir)
    assert unit["Install"]["WantedBy"] == ["multi-user.target"]
    assert "network-online.target" in unit["Unit"]["After"][0]


def test_the_unit_restarts_on_failure_but_not_on_a_mistake_a_restart_cannot_fix(
        unit: dict[str, dict[str, list[str]]], tmp_path: Path) -> None:
    service = unit["Service"]
    assert service["Restart"] == ["on-failure"]
    prevented = {int(code) for value in service["RestartPreventExitStatus"] for code in value.split()}
    # The exit statuses the CLI gives for a config error and a database error, asked of the CLI itself.
    bad_config = tmp_path / "config.toml"
    bad_config.write_text("[polling]\nconcurrency = 0\n", encoding="utf-8")
    config_error = subprocess.run([sys.executable, "-m", "bot", "--config", str(bad_config), "run"], cwd=tmp_path,
                                  capture_output=True, text=True, timeout=300, check=False)
    assert config_error.stderr.startswith("config error: ")
    good_config = tmp_path / "good.toml"
    good_config.write_text(f'[storage]\npath = "{tmp_path / "db"}"\n', encoding="utf-8")
    (tmp_path / "db").write_bytes(b"not a database at all" * 50)
    database_error = subprocess.run([sys.executable, "-m", "bot", "--config", str(good_config), "run"],
                                    cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert database_error.stderr.startswith("database error: ")
    assert prevented == {config_error.returncode, database_error.returncode}


def test_the_token_comes_from_a_root_only_environment_file(unit: dict[str, dict[str, list[str]]]) -> None:
    service = unit["Service"]
    [env_file] = service["EnvironmentFile"]
    assert env_file == "/etc/claimwatch/claimwatch.env"  # required: a missing token file stops the start
    assert not any(TOKEN_ENV in value for value in service.get("Environment", []))
    example = [line for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    assert example == [f"{TOKEN_ENV}="], "the example holds the variable's name and no value"
    assert "install -m 600" in ENV_EXAMPLE.read_text(encoding="utf-8")


def test_the_unit_is_hardened(unit: dict[str, dict[str, list[str]]]) -> None:
    service = {key: values[-1] for key, values in unit["Service"].items()}
    expected = {"NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
                "PrivateDevices": "yes", "ProtectKernelTunables": "yes", "ProtectKernelModules": "yes",
                "ProtectControlGroups": "yes", "RestrictSUIDSGID": "yes", "LockPersonality": "yes",
                "CapabilityBoundingSet": "", "UMask": "0077"}
    assert {key: service.get(key) for key in expected} == expected
    assert set(service["RestrictAddressFamilies"].split()) == {"AF_INET", "AF_INET6", "AF_UNIX"}
    assert "@system-service" in unit["Service"]["SystemCallFilter"]
    # With ProtectSystem=strict the state directory is the only place claimwatch may write.
    assert "ReadWritePaths" not in service and service["StateDirectory"] == "claimwatch"


def _verifiable_copy(tmp_path: Path) -> Path:
    """The unit with ExecStart's program replaced by this Python: verify checks that it exists."""
    text = UNIT.read_text(encoding="utf-8")
    program = shlex.split(unit_sections(text)["Service"]["ExecStart"][0])[0]
    copy = tmp_path / "claimwatch.service"
    copy.write_text(text.replace(f"ExecStart={program} ", f"ExecStart={sys.executable} "), encoding="utf-8")
    return copy


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verify_finds_nothing_to_say(tmp_path: Path) -> None:
    copy = _verifiable_copy(tmp_path)
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", str(copy)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, check=False)
    # verify exits 0 even for an unknown key or a bad value; it says so on stderr.
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_security_rates_the_unit_ok(tmp_path: Path) -> None:
    copy = _verifiable_copy(tmp_path)
    result = subprocess.run(["systemd-analyze", "security", "--offline=yes", "--no-pager", str(copy)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, check=False)
    match = re.search(r"Overall exposure level for claimwatch\.service: (\d+\.\d+) (\w+)", result.stdout)
    assert match, result.stdout[-500:] + result.stderr
    assert float(match.group(1)) <= 2.0 and match.group(2) == "OK", match.group(0)
