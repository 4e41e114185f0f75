"""Feed bytes -> UTF-8 bytes, decoded as the feed declares, before feedparser sees them.

feedparser tries the declared encoding strictly and, when one byte is wrong, falls back to
windows-1252 and then ISO-8859-2 for the whole document: one stray byte in a UTF-8 feed turned
"Konaté" into "KonatĂŠ". Here the choice follows feedparser's order (RFC 3023: the HTTP charset,
then the XML declaration, then the byte-order mark), except that a document that is UTF-8 with a
few bad bytes stays UTF-8 and only those bytes become U+FFFD. A document with no valid UTF-8
sequence at all but declared UTF-8 is latin-1 mislabelled, and still reads as windows-1252.

The result is always UTF-8 with a matching XML declaration, so the checks on markup and feedparser
both read an ASCII-compatible encoding, whatever the feed was sent in.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Byte-order marks and the "<?" of an XML declaration in encodings that are not ASCII-compatible
# (XML 1.0, appendix F), as feedparser sniffs them. The marks are dropped; the markers are text.
_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_BE, "utf-32be"), (codecs.BOM_UTF32_LE, "utf-32le"),
    (codecs.BOM_UTF16_BE, "utf-16be"), (codecs.BOM_UTF16_LE, "utf-16le"), (codecs.BOM_UTF8, "utf-8"),
)
_MARKERS: tuple[tuple[bytes, str], ...] = (
    (b"\x4c\x6f\xa7\x94", "cp037"), (b"\x00\x3c\x00\x3f", "utf-16be"), (b"\x3c\x00\x3f\x00", "utf-16le"),
    (b"\x00\x00\x00\x3c", "utf-32be"), (b"\x3c\x00\x00\x00", "utf-32le"),
)
_UTF16_NAMES = {"u16", "utf-16", "utf16", "utf_16", "u32", "utf-32", "utf32", "utf_32",
                "iso-10646-ucs-2", "iso-10646-ucs-4", "csucs4", "csunicode", "ucs-2", "ucs-4"}
_DECLARED = re.compile(r"""^<\?xml[^\n>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_DECLARATION = re.compile(r"^<\?xml[^>]*?>")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes surrogateescape could not decode
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")  # characters from valid multi-byte sequences
# What feedparser falls back to when no declared encoding reads the document.
_FALLBACKS = ("utf-8", "windows-1252", "iso-8859-2")
UTF8_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"


@dataclass(frozen=True, slots=True)
class Decoded:
    body: bytes  # UTF-8, no byte-order mark, its XML declaration saying utf-8
    content_type: str | None  # the media type with charset=utf-8, for feedparser
    encoding: str  # what the document was read as
    problem: str | None = None  # for the feed's health, worded like feedparser's own


def _codec(name: str) -> str | None:
    """Python's name for an encoding, or None when Python does not know it."""
    name = "gb18030" if name.lower() == "gb2312" else name  # a superset, as feedparser does
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _sniff(body: bytes) -> tuple[str, bytes]:
    for mark, name in _MARKS:
        # A UTF-16 mark followed by two zero bytes is the UTF-32 one, checked first.
        if body.startswith(mark):
            return name, body[len(mark):]
    for marker, name in _MARKERS:
        if body.startswith(marker):
            return name, body
    return "", body


def _declared_in_xml(body: bytes, bom: str) -> str:
    try:
        head = body[:1024].decode(bom or "ascii", "ignore")
    except LookupError:
        return ""
    found = _DECLARED.match(head)
    name = found[1].lower() if found else ""
    return bom if bom and name in _UTF16_NAMES else name


def _media_type(content_type: str | None) -> tuple[str, str]:
    if not content_type:
        return "", ""
    mime = content_type.split(";", 1)[0].strip().lower()
    charset = _CHARSET.search(content_type.partition(";")[2])
    return mime, (charset[1].lower() if charset else "")


def _rfc3023(mime: str, http: str, xml: str) -> str:
    """The encoding the protocol says the document is in (feedparser's reading of RFC 3023)."""
    if mime in ("application/xml", "application/xml-dtd", "application/xml-external-parsed-entity") or \
            (mime.startswith("application/") and mime.endswith("+xml")):
        return http or xml or "utf-8"
    if mime.startswith("text/"):
        return http or "us-ascii"
    return xml or "utf-8"


def _looks_like_utf8(escaped: str) -> bool:
    """Decoded with surrogateescape: some valid multi-byte sequences, and no more bad bytes."""
    good = len(_NON_ASCII.findall(escaped))
    return good > 0 and good >= len(_ESCAPED.findall(escaped))


def _replacing(data: bytes, codec: str) -> tuple[str, int]:
    """The text with each byte the codec cannot read as U+FFFD, and how many there were."""
    try:
        escaped = data.decode(codec, "surrogateescape")
    except UnicodeDecodeError:  # a bad sequence holding an ASCII byte (UTF-16, Shift JIS…)
        text = data.decode(codec, "replace")
        return text, max(text.count("\ufffd"), 1)
    return _ESCAPED.subn("\ufffd", escaped)


def _choose(data: bytes, tried: list[str], primary: str) -> tuple[str, str, int]:
    """(encoding, text, bytes replaced). The first of `tried` (then UTF-8) that reads the whole
    document, as feedparser does; failing that, the primary declared encoding with only the bad
    bytes replaced; but a document declared UTF-8 without one valid UTF-8 sequence is latin-1
    mislabelled, and reads as feedparser's fallbacks would read it."""
    for name in dict.fromkeys([*tried, "utf-8"]):
        codec = _codec(name)
        if codec is None:
            continue
        try:
            return name, data.decode(codec), 0
        except UnicodeDecodeError:
            continue
    codec = _codec(primary) or "utf-8"
    if codec == "utf-8" and not _looks_like_utf8(data.decode("utf-8", "surrogateescape")):
        for name in _FALLBACKS[1:]:
            try:
                return name, data.decode(name), 0
            except UnicodeDecodeError:
                continue
    text, bad = _replacing(data, codec)
    return (primary if _codec(primary) else "utf-8"), text, bad


def to_utf8(body: bytes, content_type: str | None) -> Decoded:
    """The document as UTF-8, read as it declares; never raises."""
    bom, data = _sniff(body)
    xml = _declared_in_xml(data, bom)
    mime, http = _media_type(content_type)
    protocol = _rfc3023(mime, http, xml)
    tried = [name for name in (protocol, xml, bom) if name]
    # For replacing bad bytes, the most specific declaration wins; a text/* type's us-ascii is
    # only a default, and XML's own default is UTF-8.
    encoding, text, bad = _choose(data, tried, http or bom or xml or "utf-8")
    problem = None
    if _codec(encoding) != _codec(protocol):
        problem = f"document declared as {protocol}, but parsed as {encoding}"
    if bad:
        replaced = f"{bad} invalid byte{'s' if bad > 1 else ''} replaced"
        problem = f"{problem}, {replaced}" if problem else f"document declared as {protocol}, {replaced}"
    kept = f"{mime}; charset=utf-8" if mime else None
    if data is body and not problem and _codec(encoding) == "utf-8" and _codec(xml or "utf-8") == "utf-8":
        return Decoded(body, kept, encoding)  # already what feedparser will be given: no copy
    if _DECLARATION.match(text):
        text = _DECLARATION.sub(UTF8_DECLARATION, text, count=1)
    else:
        text = UTF8_DECLARATION + "\n" + text
    return Decoded(text.encode("utf-8", "replace"), kept, encoding, problem)
