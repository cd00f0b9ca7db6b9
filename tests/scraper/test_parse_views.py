"""The text views and the rule runner give what the plain recipes give: ``read_source``'s
heading lines against cutting both texts into lines, and the runner compiled from the rule
tables against the loop over them, on random texts made of notice pieces."""

import random

import pytest

from scraper.parse import notice, rules
from scraper.parse.draft import BODY_LINE_MIN, HEAD_MAX, Draft, Identity, PageHints, read_source
from scraper.parse.number import find_own_number, number_in_heading
from scraper.parse.textnorm import clean_and_fold, close_inner_blanks, fold
from storage.records import NoticeKind

# Pieces of notices: numbers, titles, body sentences, blanks of every width, full-width and
# traditional characters, invisible ones, CRs, Q&A marks, annexes, lists and verbs.
PIECES = ["商务部公告2025年第21号", "商务部公告２０２５年第２１号", "不可靠实体清单工作机制公告〔2025〕2号", "\n", "\n",
          "\n\n", "\r\n", " ", "\u3000", "\xa0", "\u2002", "\u200b", "\ufeff", "关于将16家美国实体列入出口管制管控名单的公告",
          "根据《中华人民共和国出口管制法》等法律法规有关规定，为维护国家安全和利益，商务部决定将高点航空技术公司等16家美国实体"
          "列入出口管制管控名单，现将有关事项公告如下：", "一、禁止向上述16家美国实体出口两用物项。", "本公告自公布之日起正式实施。",
          "商务部", "2025年4月9日", "附件", "1. 高点航空技术公司（High Point Aerotechnologies）", "问：", "答：", "答记者问",
          "自2025年5月14日起，暂停实施不可靠实体清单工作机制公告〔2025〕2号的措施90天。", "實體清單", "（Ａ）", "，", "。",
          ",", "x" * 60, "甲" * 49, "【发布文号】商务部公告2025年第7号", "【发文日期】2025-01-02", "移出", "采取反制措施",
          "决定对因美纳公司采取以下处理措施：禁止其", "外交部令", "第", "号"]


def random_texts(seed, count, longest=40):
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def plain_head(text):
    """The heading lines as first written: both texts (blanks inside words closed, ``close_inner_blanks``, as
    ``read_source`` reads them) cut into lines, each stripped."""
    text, folded = close_inner_blanks(*clean_and_fold(text))
    head, folded_head = [], []
    for line, folded_line in zip(text.split("\n"), folded.split("\n"), strict=True):
        s = line.strip()
        if not s:
            continue
        if len(s) >= BODY_LINE_MIN and ("，" in s or "。" in s or "," in s):
            break
        head.append(s)
        folded_head.append(folded_line.strip())
        if len(head) >= HEAD_MAX:
            break
    return head, folded_head


@pytest.mark.parametrize("seed", range(4))
def test_head_lines_are_the_lines_cut_from_both_texts(seed):
    """``read_source`` takes a folded head line as a stretch of the folded text (where the line
    starts in the clean text), not from the folded text cut into lines."""
    for text in random_texts(seed, 1500):
        src = read_source(text, PageHints())
        assert (src.head, src.folded_head) == plain_head(text), text
        assert src.lines == src.text.split("\n")
        assert src.folded_lines == src.folded.split("\n")  # cut when asked for


@pytest.mark.parametrize("seed", range(3))
def test_the_number_from_the_filing_line_alone_is_the_number_from_every_view(seed):
    """``numbered`` asks the 【发布文号】 alone first and cuts the head lines only when it gives
    no number; ``own_number`` cuts them only when ``numbered`` found none: both give what the
    search over every view at once gives."""
    rng = random.Random(seed)
    pieces = [*PIECES, "【发布文号】无", "\n【发布文号】商务部令第号\n", "\n商务部令\n2025年第6号\n"]  # a filing line without a number
    kept = failed = 0
    for text in ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(1500)]:
        title = rng.choice([None, "商务部公告２０２５年第２１号", "关于执行商务部公告2025年第21号的说明", "答记者问"])
        src, plain = read_source(text, PageHints(title=title)), read_source(text, PageHints(title=title))
        want = find_own_number(plain.head, plain.folded_head, plain.text, plain.title_hint, plain.filing_no,
                               strict=True, folded_title=plain.folded_title_hint)
        got = rules.numbered(src, Draft())
        assert got == want, text
        if src.filing_no and find_own_number([], [], plain.text, filing_no=plain.filing_no):  # it alone gives one
            assert "headings" not in src.__dict__  # the head lines were never cut
            kept += 1
        elif src.filing_no and want:
            failed += 1  # a filing line that gives no number, a head line that does
        want_own = want or number_in_heading(plain.head, plain.folded_head, plain.text, plain.title_hint,
                                             plain.folded_title_hint)
        assert rules.own_number(src, Draft(numbered=got)) == want_own, text
    assert kept > 50 and failed > 50


def test_a_head_line_at_the_text_end_and_after_blank_lines():
    src = read_source("\n\u3000\n  商务部公告（２０２５）\u3000\n\n末行", PageHints())
    assert src.head == ["商务部公告（２０２５）", "末行"] and src.folded_head == ["商务部公告(2025)", "末行"]
    assert read_source("", PageHints()).head == []
    many = "\n".join(f"第{i}行（Ａ）" for i in range(HEAD_MAX + 5))
    assert read_source(many, PageHints()).head == plain_head(many)[0] and len(plain_head(many)[0]) == HEAD_MAX


def outcome(src, run):
    """The runner's answer, and the Draft fields it filled (none when it rejects the text: the
    rows after the rejection are skipped, so what they would fill is not compared)."""
    d = Draft()
    warnings = run(src, d)
    return warnings, {name: getattr(d, name) for name in Draft.__slots__} if warnings is not None else None


@pytest.mark.parametrize("seed", range(3))
def test_compiled_runner_is_the_loop_over_the_tables(seed):
    """``RUN_TABLES`` (written out from the tables, each rejection asked as soon as its field is
    filled) fills every Draft field, rejects and warns as the loop over ``RULES``, then
    ``REJECTS`` and ``CHECKS`` does."""
    rng = random.Random(seed)
    seen = set()
    for text in random_texts(seed, 400, longest=60):
        title = rng.choice([None, "商务部新闻发言人答记者问_中华人民共和国商务部", "关于对美国实体的公告"])
        src = read_source(text, PageHints(title=title))
        got, want = outcome(src, notice.RUN_TABLES), outcome(src, notice.run_tables)
        assert got == want, text
        seen.add(want[0] is None)
    assert seen == {True, False}  # some rejected, some kept


def test_a_rejected_text_skips_the_rows_after_the_rejection():
    """An unnumbered text without body text is rejected once its number is looked for, before
    its identity is made; an answer that neither acts nor names a list once its actions are read,
    before its entities are counted."""
    d = Draft()
    assert notice.RUN_TABLES(read_source("甲乙\n丙", PageHints()), d) is None
    assert d.identity == Draft().identity and d.published is None  # not filled
    d = Draft()
    answer = read_source("问：今年的贸易数据如何？\n答：今年1至5月，货物贸易进出口总值增长2.5%，共有16家美国企业参展。", PageHints())
    assert notice.RUN_TABLES(answer, d) is None and d.qa and d.count == (None, None, None)  # not counted
    d = Draft()
    assert notice.run_tables(answer, d) is None and d.count == (16, "US", (16, 0))  # the loop runs every row


def test_compiled_runner_follows_the_tables_given(monkeypatch):
    """The written-out runner calls the rows it was built from, in their order, each rejection
    right after the last row filling its field."""
    calls = []

    def rule(field):
        def fill(src, d):
            calls.append(field)
            return getattr(d, field)
        return fill

    run = notice.compile_tables([("qa", rule("qa")), ("own", rule("own")), ("qa", rule("qa"))],
                                [("qa", lambda s, d: calls.append("r")), ("own", lambda s, d: calls.append("o"))],
                                [lambda s, d: "w1", lambda s, d: None, lambda s, d: "w3"])
    assert run(read_source("x", PageHints()), Draft()) == ("w1", "w3") and calls == ["qa", "own", "o", "qa", "r"]
    calls.clear()
    reject = notice.compile_tables([("qa", rule("qa")), ("own", rule("own"))],
                                   [("qa", lambda s, d: False), ("qa", lambda s, d: True)], [lambda s, d: "w"])
    assert reject(read_source("x", PageHints()), Draft()) is None and calls == ["qa"]
    with pytest.raises(ValueError, match="no Draft field"):
        notice.compile_tables([("nosuch", rule("nosuch"))], [], [])
    with pytest.raises(ValueError, match="no rule fills"):
        notice.compile_tables([("qa", rule("qa"))], [("own", lambda s, d: True)], [])
    assert len(rules.RULES) > 20


@pytest.mark.parametrize("seed", range(2))
def test_folded_title_is_the_title_folded(seed):
    """A title found in the text is folded as a stretch of the folded text, another one afresh:
    either way it is ``fold(title)``."""
    rng = random.Random(seed)
    for text in random_texts(seed, 800):
        src = read_source(text, PageHints(title=rng.choice([None, "（Ａ）公告", text[:9]])))
        lines = [s for s in (line.strip() for line in src.lines) if s] or [""]
        for title in (rng.choice(lines), src.title_hint, f"{lines[0]} {lines[-1]}", "商务部公告（２０２５）", None):
            d = Draft(identity=Identity("k", NoticeKind.OTHER, None, None, title))
            assert rules.folded_title(src, d) == fold(title or ""), title

