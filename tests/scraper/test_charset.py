from scraper.charset import decode


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

    from scraper.charset import GB_LABELS, _canonical

    for label in [*GB_LABELS, "UTF-8", " utf8 ", "Latin-1", "big5", "shift_jis", "nonsense-x", "", None, "GBK"]:
        clean = label.strip().lower() if label else ""
        try:
            expected = "gb18030" if clean in GB_LABELS else codecs.lookup(clean).name if clean else None
        except LookupError:
            expected = None
        assert _canonical(label) == expected == _canonical(label), label
