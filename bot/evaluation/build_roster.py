"""Build bot/claims/data/roster.json from openfootball's public-domain (CC0-1.0) squad lists.

    python -m bot.evaluation.build_roster [--source DIR] [--out FILE]        (make roster)

Reads, at pinned commits, the squads of three openfootball repositories: worldcup (more/2018,
2022 and 2026_squads.txt: players and the managers, "MG"), euro (2021 and 2024 squads) and
copa-america (2021 and 2024 squads). DIR holds them as git directories, either as `fetch` left
them (DIR/openfootball+worldcup/repo) or as clones (DIR/worldcup/.git). Without them, or
without the pinned commits, the run says so and leaves the shipped file as it is. The output
is the same bytes on every run: rows sorted, one per person, no dates of the run.

One person is one (folded name, year of birth); the same person spelt two ways in two lists
(the same team, year of birth and surname, one name's tokens within the other's) is kept once,
under the name of the latest list; other spellings ("Vinicius Jr", "Vinicius Junior") stay two
rows, which only makes a surname look a little commoner than it is. The surname is the part the World Cup lists write in
capitals ("Alexis MAC ALLISTER"); elsewhere every token after the first.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.claims import roster

# The commits read, so a newer snapshot gives the same file until these are moved on purpose.
REPOS = {
    "worldcup": "bd46a148289f9930da66c140d4d7d2325e95d387",  # 2026-07-21
    "euro": "88d150a6c8db43925ea327b87e990f653c999b11",  # 2026-06-26
    "copa-america": "902e4c51c282244ab924676b3bc471b4040de39a",  # 2026-05-29
}
WORLD_CUPS = ("2018", "2022", "2026")
SQUAD_DIRS = {"euro": ("2021--europe", "2024--germany"), "copa-america": ("2021--brazil", "2024--usa")}
DEFAULT_SOURCE = Path(__file__).resolve().parents[2].parent / ".mirror"
OUT = Path(roster.__file__).resolve().parent / "data" / roster.DATA_FILE

# "  10, Christian PULISIC,   FW,  b. 1998/09/18" and "   -, Mauricio POCHETTINO (ARG), MG, b. 1972/03/02"
_WC_ROW = re.compile(r"^\s*(?:\d+|-)\s*,\s*(?P<name>[^,]+?)\s*,\s*(?P<pos>GK|DF|MF|FW|MG)\s*,\s*b\.\s*(?P<born>\d{4})")
_WC_TEAM = re.compile(r"^==\s*(?P<team>[^#]+?)\s*(?:#|$)")
# " 10,  Jude Bellingham,   MF,  29/3 , b. 2003,  Real Madrid CF (ESP)"
_SQUAD_ROW = re.compile(r"^\s*\d+\s*,\s*(?P<name>[^,]+?)\s*,\s*(?P<pos>GK|DF|MF|FW)\s*,[^,]*,\s*b\.\s*(?P<born>\d{4})")
_SQUAD_TEAM = re.compile(r"^=\s+(?P<team>.+?)\s+-\s+(?:Euro|Copa)")
_NATIONALITY = re.compile(r"\s*\([A-Z]{2,3}\)\s*$")


@dataclass(slots=True)
class Person:
    name: tuple[str, ...]
    surname: tuple[str, ...]
    role: str
    born: int
    team: str
    last: int


def _git_dir(source: Path, repo: str) -> Path | None:
    for candidate in (source / f"openfootball+{repo}" / "repo", source / repo / ".git", source / repo):
        if candidate.is_dir() and _git(candidate, "cat-file", "-e", f"{REPOS[repo]}^{{commit}}", check=False) is not None:
            return candidate
    return None


def _git(git_dir: Path, *args: str, check: bool = True) -> str | None:
    run = subprocess.run(["git", f"--git-dir={git_dir}", *args], capture_output=True, text=True, encoding="utf-8")
    if run.returncode != 0:
        if check:
            raise RuntimeError(f"git {' '.join(args)} failed in {git_dir}: {run.stderr.strip()}")
        return None
    return run.stdout


def _show(git_dir: Path, repo: str, path: str) -> str:
    return _git(git_dir, "show", f"{REPOS[repo]}:{path}") or ""


def _is_capitals(word: str) -> bool:
    # "PULISIC", "McKENZIE", "ST.": the World Cup lists mark the surname so.
    letters = [c for c in word if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper >= len(letters) - 2


def person(name: str, role: str, born: int, team: str, year: int) -> Person | None:
    name = _NATIONALITY.sub("", name).strip()
    words = name.split()
    marked = [w for w in words if _is_capitals(w)]
    surname_words = marked if marked else (words[1:] if len(words) > 1 else words)
    full, sur = roster.name_key(name), roster.name_key(" ".join(surname_words))
    if not full or not sur:
        return None
    return Person(full, sur, role, born, team, year)


def world_cup(text: str, year: int) -> list[Person]:
    found, team = [], ""
    for line in text.splitlines():
        if m := _WC_TEAM.match(line):
            team = m["team"]
        elif (m := _WC_ROW.match(line)) and (p := person(m["name"], "manager" if m["pos"] == "MG" else "player",
                                                           int(m["born"]), team, year)):
            found.append(p)
    return found


def squad(text: str, year: int) -> list[Person]:
    found, team = [], ""
    for line in text.splitlines():
        if m := _SQUAD_TEAM.match(line):
            team = m["team"]
        elif (m := _SQUAD_ROW.match(line)) and (p := person(m["name"], "player", int(m["born"]), team, year)):
            found.append(p)
    return found


def gather(source: Path) -> list[Person] | str:
    """Every row of every list, or why they cannot be read."""
    dirs = {repo: _git_dir(source, repo) for repo in REPOS}
    missing = [f"openfootball/{r}@{REPOS[r][:12]}" for r, d in dirs.items() if d is None]
    if missing:
        return f"no {', '.join(missing)} under {source}"
    rows: list[Person] = []
    wc = dirs["worldcup"]
    assert wc is not None
    for year in WORLD_CUPS:
        rows += world_cup(_show(wc, "worldcup", f"more/{year}_squads.txt"), int(year))
    for repo, folders in SQUAD_DIRS.items():
        git_dir = dirs[repo]
        assert git_dir is not None
        for folder in folders:
            listing = _git(git_dir, "ls-tree", "--name-only", f"{REPOS[repo]}:{folder}/squads") or ""
            for file in sorted(listing.split()):
                if file.endswith(".txt"):
                    rows += squad(_show(git_dir, repo, f"{folder}/squads/{file}"), int(folder[:4]))
    return rows


def merge(rows: list[Person]) -> list[Person]:
    """One row per person, the latest list's name, role and team."""
    rows = sorted(rows, key=lambda p: (-p.last, p.role != "manager", p.name, p.born, p.team))
    kept: list[Person] = []
    seen: dict[tuple[str, int, str], list[Person]] = {}  # (team, born, last surname token) -> kept
    exact: dict[tuple[tuple[str, ...], int], Person] = {}
    for p in rows:
        same = exact.get((p.name, p.born)) or next(
            (k for k in seen.get((p.team, p.born, p.surname[-1]), [])
             if set(p.name) <= set(k.name) or set(k.name) <= set(p.name)), None)
        if same is None:
            kept.append(p)
            exact[(p.name, p.born)] = p
            seen.setdefault((p.team, p.born, p.surname[-1]), []).append(p)
    return sorted(kept, key=lambda p: (p.name, p.born, p.team))


def render(people: list[Person]) -> str:
    latest = max(p.last for p in people)
    head = {"format": 1, "licence": "CC0-1.0", "notice": "roster.NOTICE", "latest": latest,
            "sources": {f"openfootball/{r}": c for r, c in REPOS.items()},
            "columns": ["name", "surname", "role", "born", "team", "last_listed"]}
    lines = [json.dumps([" ".join(p.name), " ".join(p.surname), p.role, p.born, p.team, p.last], ensure_ascii=False)
             for p in people]
    body = json.dumps(head, ensure_ascii=False)[:-1]
    return body + ', "people": [\n' + ",\n".join(lines) + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.build_roster", description=__doc__.split("\n")[0])
    parser.add_argument("--source", default=os.environ.get("CLAIMWATCH_OPENFOOTBALL", str(DEFAULT_SOURCE)))
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    rows = gather(Path(args.source))
    if isinstance(rows, str):
        print(f"roster not rebuilt: {rows}; the shipped {Path(args.out).name} is left as it is")
        return 0
    people = merge(rows)
    text = render(people)
    Path(args.out).write_text(text, encoding="utf-8")
    managers = sum(p.role == "manager" for p in people)
    print(f"{args.out}: {len(people)} people ({len(people) - managers} players, {managers} managers) "
          f"from {len(rows)} squad rows; {len(text.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
