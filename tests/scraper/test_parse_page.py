"""Unusable pages raise UnusablePage with a reason; truncated notices only warn."""

import pytest

from scraper.parse import page, parse_document
from storage.records import UnusablePage


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary"),
        (b"\x00\x01\x02binary\x00junk" * 50, "binary"),
        (bytes(range(128, 256)) * 40, "binary"),
        ("<html><body><h1>404 Error</h1><p>返回首页</p></body></html>".encode(), "not-found"),
        ("<html><body><p>抱歉，您访问的页面不存在！</p></body></html>".encode(), "not-found"),
        (b"<html><body>[an error occurred while processing this directive]</body></html>", "error-page"),
        ("<html><body><p>本网站所刊登的信息仅供参考，转载请注明来源。版权所有：中国出口管制信息网。未经许可不得复制。</p></body></html>".encode(), "disclaimer"),
        (b"<html><head><script>var x=1;document.cookie='__jsl_clearance=1';location.reload();</script></head><body></body></html>", "bot-check"),
        ("<html><head><script src='/c.js'></script></head><body><p>安全验证</p><p>请开启JavaScript并刷新页面</p></body></html>".encode(), "bot-check"),
        (b"<html><head><script src='/app.js'></script></head><body><div id='app'></div></body></html>", "js-shell"),
    ],
)
def test_unusable(raw, reason):
    with pytest.raises(UnusablePage) as info:
        parse_document(raw)
    assert info.value.reason == reason


def test_truncated_annex_is_a_warning_not_an_error():
    text = ("商务部公告2025年第1号\n\n决定将甲公司等28家美国实体列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n商务部\n2025年1月2日\n"
            "附件\n1. 甲公司（Alpha Inc.）\n2. 乙公司（Beta LLC）\n3. 丙")
    doc = parse_document(text.encode())
    assert doc.kind == "notice"
    assert "parsed 3 entities, notice states 28" in doc.notice.warnings


def test_short_real_notice_is_not_mistaken_for_a_shell():
    text = "<html><body><div class='art-con'><p>商务部公告2025年第9号</p><p>决定将甲公司（Alpha Inc.）列入出口管制管控名单。</p><p>2025年2月1日</p></div></body></html>"
    assert parse_document(text.encode()).notice.key == "MOFCOM-2025-9"


def test_cut_anywhere_never_raises_anything_but_unusable_page():
    text = ("<html><head><meta name='ArticleTitle' content='商务部公告2025年第21号'></head><body><div class='art-con'>"
            "<p>商务部公告2025年第21号</p><p>决定将甲公司等2家美国实体列入出口管制管控名单（见附件）。</p><p>自2025年4月10日12时01分起实施。</p>"
            "<p>暂停4月4日公告（不可靠实体清单工作机制〔2025〕7号）相关措施90天</p><p>附件</p><p>1. 甲公司（Alpha Inc.）</p><p>2. 乙公司（Beta</p></div></body></html>").encode()
    for cut in range(0, len(text), 7):
        try:
            parse_document(text[:cut])
        except UnusablePage:
            pass


def test_a_document_cut_before_its_end_is_unusable_and_the_whole_one_parses():
    from pathlib import Path

    from scraper.parse import parse_document

    whole = (Path(__file__).resolve().parents[2] / "fixtures" / "www.mofcom.gov.cn" / "zwgk" / "zcfb" / "art"
             / "2025" / "art_205cf5fddd1645a7be68d132cdb38cc3.html").read_bytes()
    assert parse_document(whole, url="https://www.mofcom.gov.cn/a.html").notice.entities
    with pytest.raises(UnusablePage) as cut:  # read as a notice, it lost its one entity and its action
        parse_document(whole[: len(whole) * 7 // 10], url="https://www.mofcom.gov.cn/a.html")
    assert cut.value.reason == "cut-short"


def test_whole_document_end_found_as_the_regex_finds_it():
    """check_whole's literal '</html>' in the last 1,024 characters, then the regex: the same pages pass."""
    import pytest

    from scraper.parse import page
    from storage.records import UnusablePage

    body = "<!DOCTYPE html><html><body><p>x</p></body>"
    for tail in ("</html>", "</HTML>", "</html >", "</html>\n", "</html>" + "x" * 2000, "</ html>", "", "</htm>", "</html"):
        text = body + tail
        expected = page.DOCUMENT_END_RE.search(text) is None
        if expected:
            with pytest.raises(UnusablePage, match="cut short"):
                page.check_whole(text)
        else:
            page.check_whole(text)


def _reason(check, *args):
    try:
        check(*args)
    except UnusablePage as exc:
        return exc.reason
    return None


def _check_raw_plain(raw):
    """check_raw as it read with a copy of the page's head."""
    from scraper.parse.page import BINARY_MAGIC

    if not raw.strip():
        raise UnusablePage("empty", "")
    head = raw[:4096]
    if head.startswith(BINARY_MAGIC):
        raise UnusablePage("binary", "")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnusablePage("binary", "")


def test_check_raw_looks_at_the_head_in_place_as_the_copied_head_says():
    """NUL bytes just inside and just outside the first 4096, BOMs and magic numbers: the same answer."""
    import random

    from scraper.parse import page

    rng = random.Random(11)
    starts = [b"", b"\xff\xfe", b"\xfe\xff", b"%PDF", b"PK\x03\x04", b"\xef\xbb\xbf", b"<html>", b" "]
    for _ in range(3000):
        size = rng.choice([0, 1, 5, 100, 4090, 4095, 4096, 4097, 4200, 9000])
        data = bytearray(rng.choice(b" a<\n\xe4") for _ in range(size))
        for _ in range(rng.randrange(3)):
            if data:
                data[rng.choice([rng.randrange(len(data)), min(len(data) - 1, rng.randrange(4090, 4100))])] = 0
        raw = rng.choice(starts) + bytes(data)
        assert _reason(page.check_raw, raw) == _reason(_check_raw_plain, raw), raw[:8]


def test_check_decoded_told_about_replacements_answers_as_when_it_looks():
    """check_decoded given whether the text holds U+FFFD (asked once by parse_document) says what it says asking."""
    import random

    from scraper.parse import page

    rng = random.Random(12)
    for _ in range(3000):
        size = rng.choice([1, 20, 200, page.SAMPLE - 3, page.SAMPLE + 50])
        chars = [rng.choice("ab中 \n") for _ in range(size)]
        bad = rng.choice(["\ufffd", "\x01", "\ufffd\x01"])
        for _ in range(rng.choice([0, 1, 10, 30, size // 10])):
            chars[rng.randrange(size)] = rng.choice(bad)
        text = "".join(chars)
        utf8 = text.encode() if rng.random() < 0.5 else None
        sample = text[: page.SAMPLE]
        plain = ("empty" if text.isspace() else "binary"
                 if sample.count("\ufffd") + page.control_count(sample) > max(8, len(sample) // 20) else None)
        for replaced in ("\ufffd" in text, None):
            assert _reason(page.check_decoded, text, utf8, replaced) == plain, (replaced, text.count("\ufffd"))


def test_decode_says_whether_its_text_holds_a_replacement():
    """document._decode's flag is ``"\ufffd" in text``, for the header's decoding and the page's own."""
    from scraper.parse.document import _decode

    gbk = ("商务部公告" * 20).encode("gbk")
    cases = [(b"<p>plain</p>", None), (gbk, None), (gbk, "text/html; charset=utf-8"),
             ('<meta charset="gbk">'.encode() + gbk, "text/html; charset=utf-8"),
             (b"<p>\xff\xfe bad \x80</p>", None), (b"<p>\x80 once</p>", "text/html; charset=utf-8")]
    for raw, content_type in cases:
        text, _, replaced = _decode(raw, content_type)
        assert replaced == ("\ufffd" in text), (raw[:20], content_type)


# --- a notice that stops inside a bracket (the blind page audit of session 12) -----------------------------

@pytest.mark.parametrize("tail", ["停止3月4日公告（商务", "1. 甲公司（Alpha", "见《关于", "〔2025"])
def test_a_notice_that_stops_inside_a_bracket_was_cut_short(tail):
    text = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2025-11-05 17:00\n\n商务部新闻发言人就调整出口管制管控名单措施答记者问\n"
            "答：中方决定自2025年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年，") + tail
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    assert caught.value.reason == "cut-short"


@pytest.mark.parametrize("last", ["2025年11月5日", "（商务部代章）", "附件：出口管制管控名单（2025年4月4日）", "甲公司（Alpha）乙"])
def test_a_last_line_whose_brackets_close_is_no_cut(last):
    page.check_ending(f"商务部公告\n{last}\n\n")


def test_a_decision_cut_after_a_comma_before_its_decision_is_cut_short():
    """Cut in its reasons, an MFA decision was no decision the rules read: kind 'other', stored as a page,
    no warning (page audit A3). Its title names a decision, so a comma at its end says it was cut."""
    text = ("关于对美国军工企业及高级管理人员采取反制措施的决定\n（2024年10月10日中华人民共和国外交部令第13号公布，自2024年10月10日"
            "起施行）\n\n美国近日宣布向中国台湾地区提供大额武器援助，严重违反一个中国原则和中美三个联合公报，")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    assert caught.value.reason == "cut-short"


def test_a_page_that_is_no_notice_may_end_as_it_likes():
    doc = parse_document(("商务部网站今日更新。" + "今天天气很好，我们去公园散步，" * 10).encode())
    assert doc.kind.value == "other"
