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
