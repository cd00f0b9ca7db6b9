"""Unusable pages raise UnusablePage with a reason; truncated notices only warn."""

import itertools
import re
from pathlib import Path

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
        # health44 H05-H09: the site's frame around other wordings was "empty" (no script) or "a JavaScript shell"
        ("<html><body><div class='header'>中华人民共和国商务部</div><h2>对不起，您访问的页面已经删除或不存在</h2>"
         "<p><a href='/'>返回首页</a></p></body></html>".encode(), "not-found"),
        ("<html><body><div class='header'>中华人民共和国商务部</div><h2>您所访问的信息已过期或已被删除</h2><p>系统将在3秒后返回首页</p>"
         "<script>setTimeout(function(){location.href='/'},3000)</script></body></html>".encode(), "not-found"),
        (b"<html><body>[an error occurred while processing this directive]</body></html>", "error-page"),
        ("<html><body><p>本网站所刊登的信息仅供参考，转载请注明来源。版权所有：中国出口管制信息网。未经许可不得复制。</p></body></html>".encode(), "disclaimer"),
        (b"<html><head><script>var x=1;document.cookie='__jsl_clearance=1';location.reload();</script></head><body></body></html>", "bot-check"),
        ("<html><head><script src='/c.js'></script></head><body><p>安全验证</p><p>请开启JavaScript并刷新页面</p></body></html>".encode(), "bot-check"),
        (b"<html><head><script src='/app.js'></script></head><body><div id='app'></div></body></html>", "js-shell"),
        # health36 M1: the site's layout around a maintenance notice was "a JavaScript shell" (which sends an operator
        # to the parser), and without scripts "empty"
        ("<html><head><script src='/s.js'></script></head><body><div class='header'>中华人民共和国商务部</div><h2>系统维护中</h2>"
         "<p>尊敬的用户：系统正在维护升级，请稍后访问。</p></body></html>".encode(), "maintenance"),
        ("<html><body><p>网站维护，暂停访问</p></body></html>".encode(), "maintenance"),
        # health41 N23, N24: a challenge in English, a form and no script, was "not as listed" or "zero links"
        (b'<html lang="en"><head><title>Security Verification</title></head><body><h2>Please verify you are human</h2>'
         b"<p>Our system has detected unusual traffic from your network. Please complete the verification below to "
         b'continue.</p><form method="post" action="/verify"><img src="/captcha.jpg" alt="captcha"><input name="code">'
         b'<button type="submit">Verify</button></form><p>Reference ID: 8f2a-41c7-b9de</p></body></html>', "bot-check"),
        (b"<html><head><script src='/cf.js'></script></head><body><h1>Are you a robot?</h1></body></html>", "bot-check"),
        (b"<html><body><form action='/c'><p>Type the CAPTCHA shown to continue</p></form></body></html>", "bot-check"),
    ],
)
def test_unusable(raw, reason):
    with pytest.raises(UnusablePage) as info:
        parse_document(raw)
    assert info.value.reason == reason


@pytest.mark.parametrize(("raw", "named"), [
    (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" + b"x" * 4000 + b"\n%%EOF\n", "a PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"[Content_Types].xml" + b"\x00" * 200, "a ZIP archive or an Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "an old Office document (.doc, .xls)"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
])
def test_a_document_or_image_is_named_for_what_it_is(raw, named):
    """health37's H13 (user38): a notice's URL answering a PDF (an annex, a scanned notice) was refused as "the body is
    a binary file, not a page", which reads as a broken server; the refusal names the file's kind and what to do."""
    with pytest.raises(UnusablePage) as info:
        parse_document(raw, url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_1.html")
    assert info.value.reason == "binary"
    assert info.value.detail.startswith(f"the body is {named}"), info.value.detail
    assert "open the URL and read it" in info.value.detail


def test_a_short_notice_that_upholds_something_is_no_maintenance_page():
    """维护 is also "uphold" (维护国家安全, 维护中国企业合法权益): only a page saying the site is down is refused so."""
    text = ("<html><body><div class='art-con'><p>商务部公告2025年第9号</p><p>为维护国家安全和利益，维护中国企业合法权益，"
            "决定将甲公司（Alpha Inc.）列入出口管制管控名单。</p><p>2025年2月1日</p></div></body></html>")
    assert parse_document(text.encode()).notice.key == "MOFCOM-2025-9"
    assert page.MAINTENANCE_RE.search("维护中国企业合法权益") is None


def test_maintenance_windows_find_what_the_whole_text_search_finds():
    """page.maintenance_said searches MAINTENANCE_RE only around each 维护 (issue 11: the whole-text scan cost ~70,000
    instructions on a short notice holding 为维护国家安全); it must give the same match as the whole-text search on any
    text: every text of up to 5 pieces below (the pattern's words, its look-ahead's characters, 维护 again) in any order,
    and a few with filler between. It fails when the pattern is widened beyond MAINTENANCE_BEFORE/AFTER."""
    pieces = ("维护", "系统", "正在", "停机", "进行", "升级", "中", "国", "网站", "，", "为", "甲公司")
    texts = ["".join(t) for n in range(1, 6) for t in itertools.product(pieces, repeat=n) if "维护" in t]
    texts += ["为维护国家安全和利益，" * 3 + "系统正在升级维护，请稍后", "维护中国企业合法权益" + "，" * 20 + "系统维护中"]
    for text in texts:
        whole, windowed = page.MAINTENANCE_RE.search(text), page.maintenance_said(text)
        assert (whole and (whole.span(), whole[0])) == (windowed and (windowed.span(), windowed[0])), text


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


_BYTE_OF_BYTE = bytes(b" a<\n\xe4"[i % 5] for i in range(256))  # byte 255: " " 1/256 likelier than the others


def test_check_raw_looks_at_the_head_in_place_as_the_copied_head_says():
    """NUL bytes just inside and just outside the first 4096, BOMs and magic numbers: the same answer."""
    import random

    from scraper.parse import page

    rng = random.Random(11)
    starts = [b"", b"\xff\xfe", b"\xfe\xff", b"%PDF", b"PK\x03\x04", b"\xef\xbb\xbf", b"<html>", b" "]
    for _ in range(3000):
        size = rng.choice([0, 1, 5, 100, 4090, 4095, 4096, 4097, 4200, 9000])
        data = bytearray(rng.randbytes(size).translate(_BYTE_OF_BYTE))  # each of b" a<\n\xe4", at C speed
        for _ in range(rng.randrange(3)):
            if data:
                data[rng.choice([rng.randrange(len(data)), min(len(data) - 1, rng.randrange(4090, 4100))])] = 0
        raw = rng.choice(starts) + bytes(data)
        assert _reason(page.check_raw, raw) == _reason(_check_raw_plain, raw), raw[:8]


# each byte to one of "ab中 \n" (c stands for 中): random text made at C speed, where a rng.choice per character
# cost this test 10+ s of CPU (byte 255 makes "a" 1/256 likelier than the others)
_ALPHABET_OF_BYTE = bytes(b"abc \n"[i % 5] for i in range(256))


def test_check_decoded_told_about_replacements_answers_as_when_it_looks():
    """check_decoded given whether the text holds U+FFFD (asked once by parse_document) says what it says asking."""
    import random

    from scraper.parse import page

    rng = random.Random(12)
    for _ in range(3000):
        size = rng.choice([1, 20, 200, page.SAMPLE - 3, page.SAMPLE + 50])
        chars = list(rng.randbytes(size).translate(_ALPHABET_OF_BYTE).decode("ascii").replace("c", "中"))
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
    """document.decode_page's flag is ``"\ufffd" in text``, for the header's decoding and the page's own."""
    from scraper.parse.document import decode_page

    gbk = ("商务部公告" * 20).encode("gbk")
    cases = [(b"<p>plain</p>", None), (gbk, None), (gbk, "text/html; charset=utf-8"),
             ('<meta charset="gbk">'.encode() + gbk, "text/html; charset=utf-8"),
             (b"<p>\xff\xfe bad \x80</p>", None), (b"<p>\x80 once</p>", "text/html; charset=utf-8")]
    for raw, content_type in cases:
        text, _, replaced = decode_page(raw, content_type)
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


# --- a page cut after a whole sentence, before its closing (the cut sweep of session 15) ------------------------

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
# Notices that act on other notices: no count to check, so a cut showed only in what they read. Cut before "本公告自
# 2025年11月10日起正式实施", 2025 No. 70 read its title's suspension of No. 55 beside the body's, dated the day of
# publication; cut after its preamble, the title's alone; 2025 No. 72 cut so lost its suspension's end date.
ACTING_NOTICES = [ROOT / "fixtures" / "texts" / "mofcom-2025-70.txt", CORPUS / "susp" / "15-uel-wm-2026-1-extend.txt",
                  CORPUS / "mfa" / "30-mofcom-order-2026-extend-suspension.txt",
                  CORPUS / "mfa" / "31-mofcom-order-2026-stop-order6.txt", CORPUS / "susp" / "04-mofcom-2025-72.txt",
                  CORPUS / "real2" / "07-uel-2025-8-6-us-1201.txt", CORPUS / "susp" / "22-mofcom-2026-cancel.txt"]
NO_72 = ROOT / "fixtures" / "www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html"


def _reading(record):
    """What a notice does: its actions with their dates, its entities, its own effective date."""
    return ([(a.action, a.list, tuple(t.key for t in a.targets), a.effective, a.until, a.entities) for a in record.actions],
            [e.key for e in record.entities], record.effective)


def _cuts(text: str, ends: str):
    for m in re.finditer(ends, text):
        if text[m.end():].strip() and re.sub(r"<[^>]+>", "", text[m.end():]).strip():
            yield text[: m.end()]


@pytest.mark.parametrize("path", ACTING_NOTICES, ids=lambda p: p.stem)
def test_a_notice_cut_after_any_line_or_sentence_is_refused_or_reads_whole(path):
    text = path.read_text(encoding="utf-8")
    whole = _reading(parse_document(text.encode()).notice)
    refused = 0
    for cut in _cuts(text, r"[。；：]|\n"):
        try:
            doc = parse_document(cut.encode())
        except UnusablePage as exc:
            refused += exc.reason == "cut-short"
            continue
        assert doc.notice is None or _reading(doc.notice) == whole, cut[-30:]
    assert refused


def test_a_page_cut_at_any_paragraph_that_loses_a_suspensions_end_date_is_refused():
    """2025 No. 72 ("自即日起至2026年11月27日，暂停实施…第二款") cut after its preamble read the title's suspension, with
    no end date: an open-ended suspension on a first fetch (a browser's save closes every tag)."""
    page_text = NO_72.read_text(encoding="utf-8")
    url = "https://" + str(NO_72.relative_to(ROOT / "fixtures"))
    whole = _reading(parse_document(page_text.encode(), url=url).notice)
    assert whole[0][0][4] is not None  # the whole page's suspension has its end date
    for cut in _cuts(page_text, r"</p>"):
        try:
            doc = parse_document((cut + "</div></div></body></html>").encode(), url=url)
        except UnusablePage:
            continue  # refused (cut short, or so little left that it is a shell): a source-health problem
        assert doc.notice is None or _reading(doc.notice) == whole, cut[-60:]


@pytest.mark.parametrize("closing", [
    "\n本公告自2025年11月10日起正式实施。", "\n本决定自2026年11月10日起施行。", "\n现予公布，自公布之日起施行。",
    "\n商务部\n2025年11月7日", "\n\n商务部 海关总署\n２０２５年１１月７日\n", "\n商务部\n二〇二五年十一月七日",
    "不可靠实体清单工作机制（商务部代章）2024年9月24日",  # paragraphs run together: the signature after the sentence
])
def test_a_notice_with_its_closing_is_whole(closing):
    head = "商务部公告2025年第70号\n【发文日期】2025年11月07日\n\n自2025年11月10日起，暂停实施商务部公告2025年第61号。"
    assert not page.unclosed(head + closing)


@pytest.mark.parametrize("text", [
    "商务部公告2025年第70号 关于暂停实施商务部公告2025年第55号等公告的公告\n【发文日期】2025年11月07日\n",  # a label's date
    "商务部公告2025年第70号\n2025年11月07日\n\n根据有关规定，现将有关事项公告如下：",  # a date line before the body
    "商务部公告2025年第70号\n\n自2025年11月10日起，暂停实施商务部公告2025年第61号。\n\n自2025年11月10日",  # a sentence cut
])
def test_a_notice_without_its_closing_is_unclosed(text):
    assert page.unclosed(text)


QA_HEAD = "来源：商务部新闻办公室 类型：原创 分类：新闻 2025-11-05 17:00\n\n商务部新闻发言人就调整{}措施答记者问\n问：请问有何调整？\n"


@pytest.mark.parametrize(("title", "answer", "why"), [
    # cut after the answer's first sentence (its history): nothing read, the title announces a change
    ("不可靠实体清单", "答：不可靠实体清单工作机制于2025年3月4日和4月4日发布公告，将一批美国实体列入不可靠实体清单。", "(调整)"),
    # cut right after the answer's mark, or after a clause that announces the decision
    ("不可靠实体清单", "答：", "colon"), ("不可靠实体清单", "答：中方决定自2025年11月10日起：", "colon"),
    # cut after the first of its clauses
    ("出口管制管控名单", "答：自2025年11月10日起，停止执行商务部公告2025年第13号相关措施；", "semicolon"),
    # cut after the part on the first of the two lists its title names
    ("对美出口管制管控名单和不可靠实体清单", "答：中方决定自2025年11月10日起，继续暂停商务部公告2025年第21号相关措施1年。",
     "不可靠实体清单"),
])
def test_a_qa_cut_before_the_change_its_title_announces_is_refused(title, answer, why):
    with pytest.raises(UnusablePage) as caught:
        parse_document((QA_HEAD.format(title) + answer).encode())
    assert caught.value.reason == "cut-short" and why in str(caught.value), str(caught.value)


def test_a_qa_that_reads_the_change_on_every_list_its_title_names_is_whole():
    answer = ("答：中方决定自2025年11月10日起，继续暂停商务部公告2025年第21号相关措施1年，继续暂停不可靠实体清单工作机制公告"
              "〔2025〕7号相关措施1年。")
    doc = parse_document((QA_HEAD.format("对美出口管制管控名单和不可靠实体清单") + answer).encode())
    assert {a.list.value for a in doc.notice.actions} == {"ecl", "uel"}


@pytest.mark.parametrize(("url", "line"), [
    ("https://www.mofcom.gov.cn/xwfb/xwfyrth/index.html", "商务部新闻发言人就调整{}措施答记者问[2025-11-05]"),
    ("https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/index.html", "商务部公告2025年第72号 关于暂停实施{}措施的公告[2025-11-09]"),
])
def test_an_index_whose_links_are_gone_is_no_notice_cut_short(url, line):
    """An index served without its link markup (a layout change) lists titles that announce changes, with no
    answer and no closing: the crawler reports an index with no links (zero-links); it is no notice or Q&A cut
    short. The same titles in an article's body are."""
    items = "".join(f"<li>{line.format(x)}</li>" for x in ("出口管制管控名单", "不可靠实体清单"))
    index = f"<html><head><title>新闻发言人谈话</title></head><body><ul>{items}</ul></body></html>"
    assert parse_document(index.encode(), url=url).kind.value in ("notice", "other")
    article = f'<html><head><title>x</title></head><body><div class="art-con"><ul>{items}</ul></div></body></html>'
    with pytest.raises(UnusablePage):
        parse_document(article.encode(), url=url.replace("index.html", "art/2025/art_1.html"))


@pytest.mark.parametrize("head", [
    '<meta http-equiv="refresh" content="0;url=/zwgk/zcfb/art/2025/art_0000aaaa0000aaaa0000aaaa0000aaaa.html">',
    "<META HTTP-EQUIV='Refresh' CONTENT='3; URL=/zwgk/zcfb/art/2025/art_0000aaaa0000aaaa0000aaaa0000aaaa.html'>",
])
def test_a_page_that_only_refreshes_to_another_is_named_so_not_empty(head):
    """health36's carried B (health37 H26): a stored notice's URL answering a meta-refresh page was 'empty: only 0
    visible characters', which sends an operator to the page's text; it is a page sending the browser on."""
    raw = f"<html><head>{head}</head><body></body></html>".encode()
    with pytest.raises(UnusablePage) as refused:
        parse_document(raw, url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html")
    assert refused.value.reason == "redirect-page", refused.value
    assert "/zwgk/zcfb/art/2025/art_0000aaaa0000aaaa0000aaaa0000aaaa.html" in refused.value.detail


@pytest.mark.parametrize("head", ["<meta http-equiv='refresh' content='5'>", '<META HTTP-EQUIV="Refresh" CONTENT="3;">'])
def test_a_page_that_only_reloads_itself_is_a_waiting_or_bot_page_not_a_move_to_a_number(head):
    """health46: a challenge in words no check knows ("正在进行安全检测，请稍候……", "系统将在5秒后自动跳转"), reloading
    itself by a meta refresh with no address, was "a page that only sends the browser on to 5 (a meta refresh): not
    followed; the notice may have moved" for a stored notice's URL: loud, but sending an operator to look for a moved
    page named "5"."""
    raw = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>安全检测中</title>{head}</head><body><div><p>"
           "正在进行安全检测，请稍候……</p><p>系统将在5秒后自动跳转</p></div></body></html>").encode()
    with pytest.raises(UnusablePage) as refused:
        parse_document(raw, url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html")
    assert refused.value.reason == "bot-check", refused.value
    assert "reloads itself" in refused.value.detail and "sends the browser on" not in refused.value.detail
