from pathlib import Path

import pytest

from scraper.charset import decode
from scraper.parse import parse_document
from storage.records import DocumentKind


def test_gb2312_label_with_gb18030_character_decodes():
    page = '<html><head><meta charset="gb2312"><title>朱镕基</title></head><body>朱镕基</body></html>'
    raw = page.encode("gb18030")
    text, encoding = decode(raw)
    assert encoding == "gb18030"
    assert "朱镕基" in text


def test_header_charset_wins_over_meta():
    raw = '<meta charset="utf-8">商务部公告'.encode("gbk")
    text, encoding = decode(raw, "text/html; charset=GBK")
    assert encoding == "gb18030" and "商务部公告" in text


def test_unlabelled_utf8():
    text, encoding = decode("商务部公告2025年第21号".encode())
    assert encoding == "utf-8" and text == "商务部公告2025年第21号"


def test_unlabelled_gbk_is_guessed():
    raw = ("商务部公告2025年第21号，决定将高点航空技术公司等16家美国实体列入出口管制管控名单。" * 3).encode("gbk")
    text, _ = decode(raw)
    assert "出口管制管控名单" in text


@pytest.mark.parametrize("text", ["3月4日和4月9日发布的公告", "斯凯迪奥公司联合创始人、首席执行官",
                                  "no longer read: 雷神导弹与防务公司", "UEL 2023年第1号 names its two companies"])
def test_an_unlabelled_short_gb_text_reads_as_gb(text):
    """A short GB text with no label (a saved title, a line of a notice) is read in GB18030: before, the
    library's unconstrained guess (UTF-16-BE, cp932, cp1257, ISO-8859-16) was taken, as mojibake."""
    for codec in ("gb2312", "gbk", "gb18030"):
        assert decode(text.encode(codec)) == (text, "gb18030")


def test_a_gb_text_with_a_messy_opening_reads_as_gb():
    """A traditional byline saved in GB2312, its characters GB2312 lacks written '?': the opening is messy,
    the text as a whole is not. Its whole reading is judged, not its first characters (the library's early stop)."""
    text = "（記者 李啓峯 報道）據內地消息綫指，商務部昨晚發布2025年第22號公告，宣布將美國光子公司等12家美國實體列入出口管制管控名單。"
    raw = text.encode("gb2312", "replace")
    assert decode(raw) == (raw.decode("gb18030"), "gb18030")


def test_bom_asked_once_names_each_codec():
    """_labelled asks for any BOM in one startswith, then which: each BOM gives its codec."""
    import codecs

    from scraper.charset import _labelled

    assert _labelled(codecs.BOM_UTF8 + b"<p>x</p>", None) == "utf-8"
    assert _labelled(codecs.BOM_UTF16_LE + "<p>".encode("utf-16-le"), None) == "utf-16-le"
    assert _labelled(codecs.BOM_UTF16_BE + "<p>".encode("utf-16-be"), None) == "utf-16-be"
    assert _labelled(b"\xef\xbb<p>", None) is None


def test_canonical_label_cached_is_the_lookup():
    """_canonical is cached: asked twice, in any case and spacing, it names what the lookup names."""
    import codecs

    from scraper.charset import BIG5_LABELS, GB_LABELS, _canonical

    for label in [*GB_LABELS, *BIG5_LABELS, "UTF-8", " utf8 ", "Latin-1", "Big5", "shift_jis", "nonsense-x", "", None, "GBK"]:
        clean = label.strip().lower() if label else ""
        try:
            expected = "gb18030" if clean in GB_LABELS else "big5hkscs" if clean in BIG5_LABELS \
                else codecs.lookup(clean).name if clean else None
        except LookupError:
            expected = None
        assert _canonical(label) == expected == _canonical(label), label


# --- a UTF-8 body under another label (the blind page audit of session 12) ----------------------------------

NO22 = "fixtures/www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_a3535a90814b4d33bf9dc2878c65c9e0.html"


@pytest.mark.parametrize(("meta", "content_type"), [
    ('<meta charset="gbk">', None),  # a leftover template label
    ('<meta charset="utf-8">', "text/html;charset=ISO-8859-1"),  # a servlet container's default header
    ('<meta charset="gb2312">', "text/html; charset=GBK"),
])
def test_a_utf8_page_under_another_label_is_read_as_utf8(meta, content_type):
    """Decoded under the label it was mojibake with no U+FFFD: the page read as 'other', no warning, and
    the notice (MOFCOM-2025-22, 12 entities) was missed silently."""
    raw = Path(__file__).resolve().parents[2].joinpath(NO22).read_bytes().replace(b'<meta charset="utf-8">',
                                                                                  meta.encode(), 1)
    assert meta.encode() in raw
    text, encoding = decode(raw, content_type)
    assert encoding == "utf-8" and "出口管制管控名单" in text
    doc = parse_document(raw, url="https://www.mofcom.gov.cn/" + NO22.split("/", 2)[2], content_type=content_type)
    assert doc.kind is DocumentKind.NOTICE
    assert doc.notice.key == "MOFCOM-2025-22" and len(doc.notice.entities) == 12


@pytest.mark.parametrize(("raw", "label", "codec"), [
    ("商务部公告，朱镕基".encode("gb18030"), "gbk", "gb18030"),  # GB bytes are no valid UTF-8: the label stands
    ("Café Zürich".encode("latin-1"), "iso-8859-1", "iso8859-1"),
    (b"plain ASCII", "gbk", "gb18030"),  # nothing to tell: the label stands
])
def test_a_label_stands_where_the_bytes_are_no_utf8(raw, label, codec):
    text, encoding = decode(raw, f"text/html; charset={label}")
    assert encoding == codec and text == raw.decode(codec)


def test_a_utf8_bom_before_gb_bytes_reads_the_gb_text():
    """health41 N40: a UTF-8 BOM (a template saved with one) before a GB18030 page: read under the BOM alone the page
    was U+FFFD throughout, refused as binary every run. The BOM is no label when the bytes after it are no UTF-8."""
    page = '<html><head><meta charset="gb2312"><title>关于对美国军工企业采取反制措施的决定</title></head><body>朱镕基</body></html>'
    raw = b"\xef\xbb\xbf" + page.encode("gb18030")
    assert decode(raw) == (page, "gb18030") and decode(raw, "text/html") == (page, "gb18030")
    assert decode(b"\xef\xbb\xbf" + page.encode()) == (page, "utf-8")  # a UTF-8 page with its BOM: as before
