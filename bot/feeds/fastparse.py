"""A fast reading of the plainest RSS 2.0 feeds, giving exactly what feedparser gives, or nothing.

feedparser spends about 270 µs of Python per item on the SAX events of a feed; lxml builds the
same tree in C in a few. This module reads a feed with lxml only when the feed is in the one
dialect it knows to the letter (RSS 0.91/0.92/2.0: a <channel> of <item>s whose fields are plain
text, the usual optional elements beside them; Atom 1.0 entries whose text constructs are text or
html) and returns, per entry, the very strings feedparser
would have put in `entry.title`, `summary`, `content[0].value`, `id`, `link` and the parsed date,
after the same steps feedparser's strict parser applies (strip, the mis-decoded UTF-8 repair, the
windows-1252 mapping, the guid standing in for a missing link, its link and URI fix-ups; dates go
through feedparser's own date parser, when the entry is built). Anything else returns None and parse.py asks feedparser:
broken XML, RDF, Atom xhtml, an element or attribute not on the lists below, markup inside a field,
a field given twice, an xml:base, a media type feedparser would flag. Being wrong costs a slow
parse, never a different item; tests/feeds/test_parse_fast.py compares both readings field by field on
every feed the tests know.

It runs after charset.py and prescan.py: the body is UTF-8, has no DOCTYPE and is within the
markup budget. lxml is told not to load DTDs, resolve entities or touch the network.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import threading
import time
from dataclasses import dataclass
from typing import Any

from feedparser.datetimes import _parse_date
from feedparser.html import _cp1252
from lxml import etree

# Media types feedparser reads without a NonXMLContentType complaint (feedparser/encodings.py).
_XML_TYPES = ("application/xml", "application/xml-dtd", "application/xml-external-parsed-entity",
              "text/xml", "text/xml-external-parsed-entity")
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"
_ATOM_LINK = "{http://www.w3.org/2005/Atom}link"
_MEDIA = "{http://search.yahoo.com/mrss/}"
# Item children feedparser turns into our fields, each allowed once and with no attributes
# (an attribute such as type="..." or mode="base64" changes how feedparser decodes the text).
_FIELDS = {"title", "link", "description", "guid", "pubDate", _CONTENT, _DC + "date"}
# Item children that feedparser keeps elsewhere (authors, tags, enclosures, comments): they never
# reach our fields, whatever they hold, as long as they are leaves.
_HARMLESS_ITEM = {"category", "author", "comments", "enclosure", _DC + "creator",
                  _MEDIA + "thumbnail", _MEDIA + "content"}
# Channel children that only set feed-level fields other than the title.
_HARMLESS_CHANNEL = {"link", "description", "language", "copyright", "managingEditor", "webMaster",
                     "pubDate", "lastBuildDate", "category", "generator", "docs", "ttl", _ATOM_LINK,
                     _DC + "language", _DC + "creator", _DC + "rights"}
_IMAGE_CHILDREN = {"title", "url", "link", "width", "height", "description"}
_RSS_VERSIONS = {"2.0", "0.91", "0.92"}
# XML 1.1 is read differently by expat and libxml2: feedparser's alone.
_XML_1_1 = re.compile(rb"<\?xml[^>]*version\s*=\s*[\"']1\.1")
_URIFIXER = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")  # feedparser.urls._urifixer
_LINK_REF = re.compile(r"&([A-Za-z0-9_]+);")

_local = threading.local()


@dataclass(frozen=True, slots=True)
class RawEntry:
    """An entry's fields as feedparser's entry would hold them ("" where it holds nothing)."""

    title: str
    summary: str
    content: str  # the first content element's value
    guid: str
    link: str
    date: Any  # the first of published_parsed, updated_parsed that is set: a 9-tuple, or None
    # Read fast: the texts of pubDate and dc:date, parsed only when the entry is built (parsed_date).
    date_texts: tuple[str, ...] = ()

    def parsed_date(self) -> Any:
        if self.date is not None or not self.date_texts:
            return self.date
        for text in self.date_texts:
            date = rfc822_date(text) or _parse_date(text)
            if date:
                return date
        return None


# The one date form most RSS feeds write ("Thu, 05 Nov 2026 06:15:00 +0000"), read as feedparser's
# RFC 822 handler reads it; its W3DTF handler, tried first, reads no such string. Anything else,
# or a field out of range, goes to feedparser's parser.
_RFC822 = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                     r" (\d{4}) (\d\d):(\d\d):(\d\d) (?:GMT|([+-])(\d\d)(\d\d))")
_MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}


def rfc822_date(text: str) -> time.struct_time | None:
    """feedparser's 9-tuple in UTC for a date in the common RFC 822 form; None for any other text."""
    match = _RFC822.fullmatch(text)
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
    try:
        stamp = datetime.datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second))
        if sign is not None:
            offset = datetime.timedelta(hours=int(zone_hours), minutes=int(zone_minutes))
            stamp = stamp - offset if sign == "+" else stamp + offset
        return stamp.utctimetuple()
    except (ValueError, OverflowError):
        return None


@dataclass(frozen=True, slots=True)
class RawFeed:
    title: str
    entries: list[RawEntry]


def _parser() -> etree.XMLParser:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
            remove_comments=False, remove_pis=False, collect_ids=False)
    return parser


def _text(element: Any) -> str:
    """The element's text as feedparser's pop() leaves it; raises _Unusual for markup inside."""
    if len(element):  # a child element, comment or processing instruction: not plain text
        raise _Unusual
    output = (element.text or "").strip()
    if not output.isascii():
        # feedparser's repair of UTF-8 that was decoded as latin-1 (mixin.pop).
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            output = output.encode("iso-8859-1").decode("utf-8")
        output = output.translate(_cp1252)
    return output


def _uri(text: str) -> str:
    """feedparser's resolve_uri with no base: only the scheme's extra slashes go."""
    # As _URIFIXER.sub(r"\1\3", text) without expanding a template each time: the pattern is
    # anchored and its third group always empty, so the sub drops the second group's slashes.
    fixed = _URIFIXER.match(text) if text else None
    return text if fixed is None or not fixed.group(2) else text[: fixed.end(1)] + text[fixed.end(2) :]


class _Unusual(Exception):
    """The feed leaves the dialect this module reads exactly."""


def read(body: bytes, content_type: str | None) -> RawFeed | None:
    """The feed's title and entries as feedparser would give them, or None to ask feedparser."""
    if content_type is not None:
        mime = content_type.split(";", 1)[0].strip()  # as feedparser reads it: case kept
        if not (mime in _XML_TYPES or ((mime.startswith("application/") or mime.startswith("text/"))
                                       and mime.endswith("+xml"))):
            return None
    if b"xml:base" in body or _XML_1_1.match(body):
        return None
    try:
        root = etree.fromstring(body, _parser())
        return _atom(root) if root.tag == _A + "feed" else _rss(root)
    except Exception:  # not well-formed, _Unusual, or anything else unforeseen: feedparser decides
        return None


def _only(element: Any, allowed: frozenset[str] | set[str] = frozenset()) -> None:
    if element.attrib and not set(element.attrib) <= allowed:
        raise _Unusual


def _rss(root: Any) -> RawFeed:
    if root.tag != "rss" or set(root.attrib) - {"version"} or root.get("version") not in _RSS_VERSIONS:
        raise _Unusual
    channels = [child for child in root if isinstance(child.tag, str)]
    if len(channels) != 1 or channels[0].tag != "channel" or channels[0].attrib:
        raise _Unusual
    title: str | None = None
    entries: list[RawEntry] = []
    for child in channels[0]:
        tag = child.tag
        if not isinstance(tag, str):
            continue  # a comment or processing instruction between elements: feedparser skips it
        if tag == "item":
            entries.append(_item(child))
        elif tag == "title":
            if title is not None:
                raise _Unusual
            _only(child)
            title = _text(child)
        elif tag == "image":
            _only(child)
            for part in child:
                if isinstance(part.tag, str):
                    if part.tag not in _IMAGE_CHILDREN or part.attrib:
                        raise _Unusual
                    _text(part)
        elif tag in _HARMLESS_CHANNEL:
            if len(child):
                raise _Unusual
        else:
            raise _Unusual
    return RawFeed(title or "", entries)


def _item(item: Any) -> RawEntry:
    if item.attrib:
        raise _Unusual
    fields: dict[str, str] = {}
    permalink = True
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag in _FIELDS:
            if tag in fields:
                raise _Unusual
            if tag == "guid":
                _only(child, {"isPermaLink"})
                permalink = child.get("isPermaLink", "true") == "true"
            else:
                _only(child)
            fields[tag] = _text(child)
        elif tag in _HARMLESS_ITEM:
            if len(child):
                raise _Unusual
        else:
            raise _Unusual
    guid = fields.get("guid", "")
    if permalink:
        guid = _uri(guid)
    if "link" in fields:
        link = _uri(fields["link"]).replace("&amp;", "&")
        if "&" in link:
            link = _LINK_REF.sub(r"&\g<1>", link)
    elif "guid" in fields and permalink:
        link = guid
    else:
        link = ""
    dates = tuple(fields[tag] for tag in ("pubDate", _DC + "date") if tag in fields)
    content = fields.get(_CONTENT, "")
    summary = fields.get("description", content)
    return RawEntry(fields.get("title", ""), summary, content, guid, link, None, dates)


# --- Atom 1.0 -----------------------------------------------------------------------------------

_A = "{http://www.w3.org/2005/Atom}"
# Text constructs feedparser reads as plain text or HTML; xhtml (markup to serialise) is not read here.
_TEXT_TYPES = {None, "text", "html"}
_ATOM_FIELDS = {_A + "title", _A + "id", _A + "published", _A + "updated", _A + "summary", _A + "content"}
_ATOM_LINK_ATTRS = {"rel", "type", "href", "hreflang", "title", "length"}
_ATOM_PERSON = {_A + "name", _A + "email", _A + "uri"}
_ATOM_HARMLESS_FEED = {_A + "subtitle", _A + "id", _A + "updated", _A + "generator", _A + "icon", _A + "logo",
                       _A + "rights"}
_HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}


def _atom_text(element: Any) -> str:
    if set(element.attrib) - {"type"} or element.get("type") not in _TEXT_TYPES:
        raise _Unusual
    return _text(element)


def _harmless_atom(element: Any) -> bool:
    """A person (author) of leaf parts, a category or link with attributes only: kept elsewhere."""
    tag = element.tag
    if tag == _A + "author":
        if element.attrib:
            raise _Unusual
        for part in element:
            if isinstance(part.tag, str) and (part.tag not in _ATOM_PERSON or part.attrib or len(part)):
                raise _Unusual
        return True
    if tag == _A + "category":
        if len(element):
            raise _Unusual
        return True
    return False


def _alternate(link: Any) -> str | None:
    """The href feedparser makes an entry's link: an alternate link to an HTML page."""
    if set(link.attrib) - _ATOM_LINK_ATTRS or len(link) or "href" not in link.attrib:
        raise _Unusual
    rel = link.get("rel", "alternate").lower()
    kind = link.get("type", "application/atom+xml" if rel == "self" else "text/html").lower()
    return _uri(link.get("href")) if rel == "alternate" and kind in _HTML_TYPES else None


def _atom(root: Any) -> RawFeed:
    if set(root.attrib) - {"{http://www.w3.org/XML/1998/namespace}lang"}:
        raise _Unusual
    title: str | None = None
    entries: list[RawEntry] = []
    for child in root:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == _A + "entry":
            entries.append(_entry(child))
        elif tag == _A + "title":
            if title is not None:
                raise _Unusual
            title = _atom_text(child)
        elif tag == _A + "link":
            _alternate(child)
        elif tag in _ATOM_HARMLESS_FEED:
            if len(child):
                raise _Unusual
        elif not _harmless_atom(child):
            raise _Unusual
    return RawFeed(title or "", entries)


def _entry(entry: Any) -> RawEntry:
    if entry.attrib:
        raise _Unusual
    fields: dict[str, str] = {}
    link: str | None = None
    for child in entry:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag in _ATOM_FIELDS:
            if tag in fields:
                raise _Unusual
            if tag in (_A + "title", _A + "summary", _A + "content"):
                fields[tag] = _atom_text(child)
            else:
                if child.attrib:
                    raise _Unusual
                fields[tag] = _text(child)
        elif tag == _A + "link":
            href = _alternate(child)
            if href is not None:  # the last alternate link wins, as in feedparser, even an empty one
                link = href
        elif not _harmless_atom(child):
            raise _Unusual
    guid = _uri(fields.get(_A + "id", ""))  # an Atom id is read like a permalink guid
    if link is None:
        link = guid if _A + "id" in fields else ""
    dates = tuple(fields[tag] for tag in (_A + "published", _A + "updated") if tag in fields)
    content = fields.get(_A + "content", "")
    summary = fields.get(_A + "summary", content)
    return RawEntry(fields.get(_A + "title", ""), summary, content, guid, link, None, dates)
