"""Bounded checks on a feed's bytes before feedparser reads them: what the parser will be asked to
do is decided here, in one linear pass, so no feed can make a parse take minutes or gigabytes.

- A DTD is never read. Its internal subset can declare an entity and use it a hundred thousand
  times (expat expands it, and feedparser's fallback parser expands "safe" entities again, so a
  190 KB body asked for 3 GB), or give an attribute a default that every element then carries.
  The DOCTYPE goes before parsing; references to what it declared stay as literal text.
- Markup is budgeted: feedparser keeps a frame per open element and spends microseconds per tag
  and per attribute, so a 5 MB body of "<a/>" cost 11 s and 200 MB, of "<br>" 17 s and 400 MB,
  and one tag with 800,000 attributes 700 MB. Every element counts, void HTML tags included:
  the parser nests them like any other (800,000 nested "<link>" cost 40 s and 800 MB).

Input is UTF-8 (see charset.py), so byte patterns see every "<" the parser will see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Real feeds nest about ten elements deep.
MAX_DEPTH = 512
# Tags (opening, closing, self-closing, void, declarations), stray "<" and attributes, outside
# CDATA and comments. 10,000 ordinary items take about 130,000; the worst body within this budget
# costs feedparser about 3 s of CPU and 100 MB (measured on shapes in tests/feeds/test_parse_budget.py).
MAX_MARKUP = 200_000
# Real elements carry a handful of attributes.
MAX_ATTRIBUTES = 1000

_XML_DECLARATION = re.compile(rb"<\?xml[^<>]*\?>")
_SPACE = re.compile(rb"[ \t\r\n]*+")
_NOT_NEWLINE = re.compile(rb"[^\n]")
# A DOCTYPE, its external id (quoted literals) and internal subset, whose literals, comments and
# processing instructions may hold "]" and ">". Possessive: one way to match, linear time; an
# unterminated comment or PI ends the match there instead of being retried at every "<!--".
_DOCTYPE = re.compile(
    rb"""<!DOCTYPE[ \t\r\n]++[^ \t\r\n\[>]++"""
    rb"""(?:[ \t\r\n]++(?:"[^"]*+"|'[^']*+'|[^ \t\r\n"'\[>]++))*+[ \t\r\n]*+"""
    rb"""(\[(?:"[^"]*+"|'[^']*+'|<!--.*?-->|<\?.*?\?>|[^"'\]<]++|<(?!!--|\?))*+\])?[ \t\r\n]*+>""",
    re.DOTALL,
)
# What feedparser's fallback parser reads as the document's head (up to the first "<" and a
# word character), where it looks for entity declarations to expand, anywhere in that text.
_FEEDPARSER_HEAD_END = re.compile(rb"<\w")
_HEAD_DECLARATION = re.compile(rb"<!(?:ENTITY|DOCTYPE)[^>]*+>?")
# Markup as the parser sees it: (CDATA or comment) | (one left unterminated) | declaration or PI |
# (closing name) | (opening name)(the rest of the tag). Every alternative starts with "<", which
# the engine then searches for directly; a tag cannot contain "<", so each attempt stops at the
# next one: linear overall. An unterminated CDATA section or comment makes the rest text.
_TOKEN = re.compile(
    rb"<(?:(!\[CDATA\[.*?\]\]>|!--.*?-->)|(!\[CDATA\[|!--)|[!?][^<>]*+>|/([^\s<>]*+)[^<>]*+>"
    rb"|([^\s/<>]++)([^<>]*+)>)",
    re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Prescan:
    body: bytes  # the body to parse: no DOCTYPE, no entity declarations
    refused: str | None = None  # why the body is not parsed at all, worded for an admin
    problem: str | None = None  # what was removed, for the feed's health


def _drop_doctype(body: bytes) -> tuple[bytes, bool] | None:
    """The body without its prolog's DOCTYPE (and prolog comments and PIs: only the XML
    declaration is kept), and whether declarations went with it; None when a DOCTYPE is there
    but cannot be read, so where it ends is unknown."""
    declaration = _XML_DECLARATION.match(body)
    kept = declaration[0] if declaration else b""
    pos, declared = len(kept), False
    while True:
        pos = _SPACE.match(body, pos).end()  # type: ignore[union-attr]  # matches the empty string
        if body.startswith(b"<!--", pos):
            end = body.find(b"-->", pos + 4)
            if end < 0:
                break  # an unterminated comment: the parser stops here too
            pos = end + 3
        elif body.startswith(b"<?", pos):
            end = body.find(b"?>", pos + 2)
            if end < 0:
                break
            pos = end + 2
        elif body.startswith(b"<!DOCTYPE", pos):
            doctype = _DOCTYPE.match(body, pos)
            if doctype is None:
                return None
            declared = declared or bool(doctype[1] and doctype[1].strip(b"[] \t\r\n"))
            pos = doctype.end()
        else:
            break
    prolog = body[len(kept):pos]
    # Declarations in a prolog comment count too: feedparser's fallback parser would read them.
    declared = declared or b"<!ENTITY" in prolog or b"<!ATTLIST" in prolog
    if declared or b"<!" in prolog:
        # Blanked rather than cut, so the parser's line and column numbers still point at the feed.
        body = kept + _blank(prolog) + body[pos:]
    # The fallback parser finds "<!ENTITY" in its own idea of the head, which a broken prolog
    # can stretch: nothing there may look like a declaration either.
    head_end = _FEEDPARSER_HEAD_END.search(body)
    head = body[: head_end.start()] if head_end else body
    swept, count = _HEAD_DECLARATION.subn(lambda found: _blank(found[0]), head)
    return (swept + body[len(head):] if count else body), declared or count > 0


def _blank(markup: bytes) -> bytes:
    """Spaces for everything but line breaks."""
    return _NOT_NEWLINE.sub(b" ", markup)


def _over_budget(body: bytes) -> str | None:
    """Why the markup is too much for the parser, or None. Stops at the first limit passed."""
    stack: list[bytes] = []  # open elements, innermost last
    open_names: dict[bytes, int] = {}  # how many of each are on the stack
    quoted = attributes = tags = 0  # quoted: "<" inside CDATA and comments, which are text
    for token in _TOKEN.finditer(body):
        section, unterminated, closing, opening, rest = token.groups()
        if section is not None:
            quoted += section.count(b"<") + 1
            continue
        if unterminated is not None:
            quoted += body.count(b"<", token.start())
            break
        tags += 1
        if opening is not None:
            count = rest.count(b"=")
            if count > MAX_ATTRIBUTES:
                return f"an element with more than {MAX_ATTRIBUTES} attributes"
            attributes += count
            if not rest.endswith(b"/"):
                name = opening.lower()
                stack.append(name)
                open_names[name] = open_names.get(name, 0) + 1
                if len(stack) > MAX_DEPTH:
                    return f"XML nested more than {MAX_DEPTH} elements deep"
        elif closing is not None:
            # A closing tag closes its element and any left open inside it (a void <br>, say);
            # one that closes nothing open is ignored.
            name = closing.lower()
            if open_names.get(name):
                while (inner := stack.pop()) != name:
                    open_names[inner] -= 1
                open_names[name] -= 1
        if tags + attributes > MAX_MARKUP:
            return f"more than {MAX_MARKUP} tags and attributes"
    # Every "<" outside CDATA and comments: the tags, and stray ones that cost the parser a step each.
    if body.count(b"<") - quoted + attributes > MAX_MARKUP:
        return f"more than {MAX_MARKUP} tags and attributes"
    return None


def prescan(body: bytes) -> Prescan:
    """The body feedparser may read, or why it may not. Linear in the body's length."""
    dropped = _drop_doctype(body)
    if dropped is None:
        return Prescan(body, refused="a DOCTYPE that cannot be read")
    body, declared = dropped
    problem = "DOCTYPE declarations ignored: entities are not expanded" if declared else None
    if (refused := _over_budget(body)) is not None:
        return Prescan(body, refused=refused, problem=problem)
    return Prescan(body, problem=problem)
