"""Build bot/claims/data/common_words.txt, the ordinary English words the name finder weighs
(`make common-words`; the file is shipped, nothing is read from outside at run time).

Source: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson), as Debian's `scowl` package
2020.12.07-2 lays it out in /usr/share/dict/scowl (`apt-get install scowl=2020.12.07-2`). Its
licence lets the lists and their output be copied, changed and sold, provided the copyright
notice is kept: the built file carries it in its header. Each input is checked against its
SHA-256, so a rebuild gives the same bytes or stops.

Kept: the lower-case words of SCOWL's four commonest sizes (10 to 40: about the words a small
dictionary holds; 50 adds surnames such as "shearer" and took real names on the tune items),
letters only. Marked with a trailing "*": those SCOWL also lists capitalised
up to size 50 (its proper names and upper-case words: "Rice", "Walker", "King", "Rose"), so
the finder knows a word is also a name and never drops it for being ordinary alone.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

SCOWL = Path("/usr/share/dict/scowl")
PACKAGE = "scowl 2020.12.07-2 (Debian)"
OUT = Path(__file__).resolve().parents[1] / "claims" / "data" / "common_words.txt"

WORDS = {
    "english-words.10": "108251985a4ae80bd64861b5ffa8e96cbbf4c1b19a1c216f58ae923284c1c776",
    "english-words.20": "81e3554e71857b22ede83d0bb6378657f8419b57e5ceeb53c43c0818d36db465",
    "english-words.35": "2a7cb13fb22495dfec81e4a67efb13cdb5e2f6f052e8788efe506cc98eb652d0",
    "english-words.40": "6d6f347d5cad7f2884d1e295033e16f6333abf19d8d8ee9b291c56ac8bc10f4c",
}
NAMES = {
    "english-upper.10": "fc43953092fb131ca5da2b6dacdc5e6e56de42a7dec2d753f8b2c5f720534abb",
    "english-upper.35": "b3f1c4e46e901063b9a4ed5f25927fadbccbebbdd88e4d62c636071a23b1d627",
    "english-upper.40": "90ea0df3b135015d4ef73f530288ecd15d69fd595a32d4977bdbba12f7d3b539",
    "english-upper.50": "351572adc79555884ef50520308518d9e62e6b568059b147e36ad760832bc2d4",
    "english-proper-names.35": "97b114c3ba12b477cb892b86ad194a76013a18900f45db755f52d9b68c29a5b5",
    "english-proper-names.40": "7922cff2b2a13ff1df7eba4af46889292c04ffd183401dc02cbcf68827ae50de",
    "english-proper-names.50": "4be69b62d0b8f5f5072401180057e5fe96f6e9cf57e09662d9d2a168d88ad8fc",
}

NOTICE = """\
# Ordinary English words for bot/claims/ordinary.py, built by `make common-words` from
# SCOWL, {package}: the lower-case words of sizes 10 to 40, letters
# only; "*" marks a word SCOWL also lists capitalised up to size 50 (also a name).
#
# SCOWL copyright notice (kept as its licence asks):
# Copyright 2000-2011 by Kevin Atkinson
# Permission to use, copy, modify, distribute and sell these word lists, the associated
# scripts, the output created from the scripts, and its documentation for any purpose is
# hereby granted without fee, provided that the above copyright notice appears in all copies
# and that both that copyright notice and this permission notice appear in supporting
# documentation. Kevin Atkinson makes no representations about the suitability of this array
# for any purpose. It is provided "as is" without express or implied warranty.
"""


def _read(name: str, digest: str) -> list[str]:
    path = SCOWL / name
    if not path.exists():
        sys.exit(f"{path} is missing: apt-get install scowl=2020.12.07-2")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != digest:
        sys.exit(f"{path} is not the pinned {PACKAGE} file (SHA-256 differs)")
    return data.decode("utf-8").split()


def build() -> str:
    common = {w for name, digest in WORDS.items() for w in _read(name, digest)
              if w.isalpha() and w.isascii() and w.islower() and len(w) >= 3}
    named = {w.lower() for name, digest in NAMES.items() for w in _read(name, digest)
             if w.isalpha() and w[:1].isupper()}
    lines = [w + ("*" if w in named else "") for w in sorted(common)]
    return NOTICE.format(package=PACKAGE) + "\n".join(lines) + "\n"


def main() -> None:
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUT} from {PACKAGE}")


if __name__ == "__main__":
    main()
