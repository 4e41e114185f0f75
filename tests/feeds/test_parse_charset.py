"""A feed is decoded as it declares; bad bytes become U+FFFD one by one instead of the whole
document being read in another encoding."""

from __future__ import annotations

import pytest

from bot.feeds.charset import to_utf8
from bot.feeds.parse import parse_feed

KONATE = "Real Madrid open talks with Liverpool defender Ibrahima Konaté"


def feed(encoding: str, title: str, summary: str = "Madrid have made first contact.") -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>Desk</title>'
            f"<item><guid>c-1</guid><title>{title}</title><description>{summary}</description></item>"
            "</channel></rss>")


def test_one_stray_byte_in_a_utf8_feed_is_replaced_and_the_rest_stays_utf8() -> None:
    body = feed("UTF-8", KONATE, "First contact was made on Monday.").encode().replace(b"Monday", b"Mon\x81day")
    parsed = parse_feed(body, "x", content_type="application/rss+xml; charset=utf-8")
    [item] = parsed.items
    assert item.title == KONATE  # not "KonatĂŠ": the document was not re-read as ISO-8859-2
    assert item.summary == "First contact was made on Mon\ufffdday."
    assert parsed.problem == "document declared as utf-8, 1 invalid byte replaced"


def test_several_bad_bytes_are_each_replaced_and_counted() -> None:
    body = feed("utf-8", KONATE, "Ødegaard \xff and \xfe").encode().replace(b"\xc3\xbf", b"\xff").replace(b"\xc3\xbe", b"\xfe")
    parsed = parse_feed(body, "x")
    assert parsed.items[0].title == KONATE and parsed.items[0].summary == "Ødegaard \ufffd and \ufffd"
    assert parsed.problem == "document declared as utf-8, 2 invalid bytes replaced"


def test_a_feed_with_no_valid_utf8_at_all_is_latin1_mislabelled_as_before() -> None:
    body = feed("utf-8", "Arsenal bid for Martín Zubimendi").encode("latin-1")
    parsed = parse_feed(body, "x", content_type="application/rss+xml; charset=utf-8")
    assert parsed.items[0].title == "Arsenal bid for Martín Zubimendi"
    assert parsed.problem == "document declared as utf-8, but parsed as windows-1252"


def test_an_ascii_feed_with_one_windows_1252_quote_reads_it_as_one() -> None:
    parsed = parse_feed(feed("utf-8", "Klopp\u2019s last stand").encode("windows-1252"), "x")
    assert parsed.items[0].title == "Klopp\u2019s last stand"


def test_another_declared_encoding_keeps_its_characters_around_a_bad_byte() -> None:
    body = feed("shift_jis", "移籍の噂", "契約は来週").encode("shift_jis").replace("来週".encode("shift_jis"), b"\x81\xff")
    parsed = parse_feed(body, "x")
    # Before, the whole document became windows-1252 mojibake.
    assert parsed.items[0].title == "移籍の噂" and parsed.items[0].summary.startswith("契約は")
    assert parsed.problem is not None and parsed.problem.startswith("document declared as shift_jis, ")


def test_a_utf16_feed_is_scanned_after_decoding() -> None:
    # The DTD check reads what feedparser will read: UTF-16 cannot hide a DOCTYPE from it.
    value = "x" * 10_000
    prolog = f'<?xml version="1.0" encoding="utf-16"?>\n<!DOCTYPE rss [\n<!ENTITY wire "{value}">\n]>\n'
    body = (prolog + feed("utf-16", "Arsenal & Chelsea", "&wire;" * 500).split("?>", 1)[1]).encode("utf-16")
    parsed = parse_feed(body, "x")
    assert parsed.problem is not None and parsed.problem.startswith("DOCTYPE declarations ignored")
    assert all(value not in item.summary for item in parsed.items)


@pytest.mark.parametrize(("body", "content_type", "encoding", "problem"), [
    # Valid documents are read as feedparser always read them.
    (feed("utf-8", KONATE).encode(), "application/rss+xml", "utf-8", None),
    (feed("windows-1252", "Café").encode("windows-1252"), None, "windows-1252", None),
    (feed("utf-8", KONATE).encode(), "text/xml", "utf-8", "document declared as us-ascii, but parsed as utf-8"),
    (feed("utf-8", "plain").encode(), "text/xml", "us-ascii", None),
    (b"\xef\xbb\xbf" + feed("utf-8", KONATE).encode(), None, "utf-8", None),
    (feed("utf-16", KONATE).encode("utf-16"), None, "utf-16le", None),
    # A charset in the header wins over the document's own declaration (RFC 3023).
    (feed("utf-8", "Café").encode("iso-8859-1"), "application/rss+xml; charset=ISO-8859-1", "iso-8859-1", None),
])
def test_valid_documents_decode_as_before(body: bytes, content_type: str | None, encoding: str,
                                          problem: str | None) -> None:
    decoded = to_utf8(body, content_type)
    assert (decoded.encoding, decoded.problem) == (encoding, problem)
    assert decoded.body.decode("utf-8").count("<?xml") == 1 and not decoded.body.startswith(b"\xef\xbb\xbf")
    assert decoded.content_type == (None if content_type is None else content_type.split(";")[0] + "; charset=utf-8")
