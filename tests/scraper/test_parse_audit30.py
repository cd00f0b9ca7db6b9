"""Session 30's blind round 16 (audit30, tests/data/corpus/audit30/): texts the parser read wrong, each as a short
text. A month-day after 去年/今年 has that year (13: a lift aimed at 2026-04-04 for 2025-04-04; 21: "自今年1月10日起" read
as the answer's day); a review's table rows are history (16: three steps of 2025 read again as 2026's); "附件N所列" points
a step to its annex (23: the 2 removed from the watch list put on the ECL); a removal read from the title is no second
removal beside the body's of another day (24: removed a day early); an annex table with no serial column is read by
its header (03: 5 names lost); a country closing the English bracket is the country (19)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = "{title}\n【发布单位】安全与管制局\n【发布文号】{num}\n【发文日期】2026年12月30日\n\n"
ECL = "商务部公告2026年第209号"
SIGN = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月30日\n"
QA = "商务部新闻发言人就出口管制管控名单相关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 19:30\n\n有记者问：请问商务部有何考虑？\n\n答："
PRE = "根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，"


def _notice(body: str, title: str = ECL) -> tuple[list[tuple[str, str | None, list[str | None], str | None, str | None,
                                                             tuple[str, ...]]], list[tuple[str | None, str | None, str | None]],
                                                  int | None, tuple[str, ...]]:
    doc = parse_document((HEAD.format(title=title, num=ECL) + body + SIGN).encode("utf-8"))
    assert doc.notice is not None
    n = doc.notice
    steps = [(a.action.value, a.list.value if a.list else None, [t.key for t in a.targets], a.effective,
              a.until.isoformat() if a.until else None, a.entities) for a in n.actions]
    return steps, [(e.zh, e.en, e.country) for e in n.entities], n.stated_count, n.warnings


def _answer(day: str, answer: str) -> list[tuple[str, list[str | None], str | None, str | None, str | None]]:
    doc = parse_document((QA.format(day=day) + answer + "\n").encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key or (t.date.isoformat() if t.date else None) for t in a.targets], a.effective,
             a.until.isoformat() if a.until else None, a.list.value if a.list else None) for a in doc.notice.actions]


@pytest.mark.parametrize(("word", "year"), [("去年", "2025"), ("今年", "2026")])
def test_a_listing_day_after_qunian_has_that_year(word: str, year: str) -> None:
    answer = f"商务部决定，自2026年12月20日起，停止实施对{word}4月4日被列入出口管制管控名单的16家美国实体的相关措施。"
    assert _answer("2026-12-18", answer) == [("lift", [f"{year}-04-04"], "2026-12-20", None, "ecl")]


def test_a_notice_day_after_qunian_has_that_year() -> None:
    answer = "商务部决定，自2026年12月20日起，停止实施去年4月4日公告相关措施。"
    assert _answer("2026-12-18", answer) == [("lift", ["2025-04-04"], "2026-12-20", None, "ecl")]


@pytest.mark.parametrize(("word", "start", "end"), [("今年", "2027-01-10", "2028-01-10"), ("明年", "2028-01-10", "2029-01-10")])
def test_a_start_after_jinnian_has_that_year(word: str, start: str, end: str) -> None:
    answer = f"商务部决定，自{word}1月10日起，再次暂停实施商务部公告2025年第21号相关措施，暂停期限为1年。"
    assert _answer("2027-01-08", answer) == [("suspend", ["MOFCOM-2025-21"], start, end, "ecl")]


REVIEW = """2025年商务部出口管制工作综述
来源：商务部新闻办公室 类型：原创 分类：新闻 2026-01-20 10:00

2025年，商务部依法依规开展出口管制工作。现将全年情况综述如下。

日期　文件　主要内容
4月4日　商务部公告2025年第21号　将16家美国实体列入出口管制管控名单
5月14日　新闻发言人答记者问　自5月14日起暂停实施第21号、第22号公告相关措施90天
11月5日　新闻发言人答记者问　自11月10日起停止实施第13号公告相关措施，继续暂停实施第21号公告相关措施1年

2026年，商务部将继续完善出口管制体系。
"""


def test_a_reviews_dated_table_rows_are_no_steps() -> None:
    """Refused for a person to read (the rows' terms run past the page's day), never read as steps of 2026."""
    with pytest.raises(UnusablePage) as refused:
        parse_document(REVIEW.encode("utf-8"))
    assert refused.value.reason == "needs-review"


def test_a_listing_and_a_removal_each_take_the_annex_they_name() -> None:
    body = (PRE + "商务部决定：\n"
            "一、将附件1所列2家日本实体列入出口管制管控名单，禁止出口经营者向上述实体出口两用物项。\n"
            "二、经核查，附件2所列1家日本实体已履行核查义务，决定将其移出关注名单。"
            "\n\n附件：1. 出口管制管控名单\n2. 移出关注名单的实体名单\n\n商务部\n2026年12月30日\n\n"
            "附件1\n出口管制管控名单\n1. 樱井电子工业株式会社（Sakurai Electronic Industries, Ltd.）\n"
            "2. 青叶航空宇宙株式会社（Aoba Aerospace Co., Ltd.）\n\n"
            "附件2\n移出关注名单的实体名单\n1. 三日月化学株式会社（Mikazuki Chemical Co., Ltd.）")
    steps, _, count, warnings = _notice(body, title=ECL + " 关于调整出口管制管控名单和关注名单的公告")
    assert steps == [("impose", "ecl", [], "2026-12-30", None, ("sakuraielectronicindustries", "aobaaerospace")),
                     ("remove", "watch", [], "2026-12-30", None, ("mikazukichemical",))]
    assert (count, warnings) == (2, ())  # the listing's count, not the removal's


def test_a_removal_in_the_title_is_no_second_removal_before_the_bodys_day() -> None:
    body = (PRE + "经审查，商务部决定自2027年1月1日起将摇杆舵公司（Stick Rudder Enterprises LLC）移出出口管制管控名单。")
    steps, _, _, _ = _notice(body, title=ECL + " 关于将1家实体移出出口管制管控名单的公告")
    assert steps == [("remove", "ecl", [], "2027-01-01", None, ("stickrudderenterprises",))]


TABLE = """<html><head><meta charset="utf-8"><title>不可靠实体清单工作机制公告〔2026〕19号</title></head><body>
<div class="art-con art-con-bottonmLine">
<p>不可靠实体清单工作机制公告〔2026〕19号</p>
<p>根据《不可靠实体清单规定》有关规定，不可靠实体清单工作机制决定将海峡哨兵防务公司等2家外国实体列入不可靠实体清单（名单见附件）。</p>
<p>本公告自公布之日起实施。</p>
<p>不可靠实体清单工作机制</p><p>2026年12月22日</p>
<p>附件</p><p>不可靠实体清单</p>
<table><tr><th>英文名称</th><th>国家/地区</th><th>中文名称</th></tr>
<tr><td>Strait Sentinel Defense, Inc.</td><td>美国</td><td>海峡哨兵防务公司</td></tr>
<tr><td>Harbourline Marine Technologies Ltd.</td><td>加拿大</td><td>港线海洋技术公司</td></tr></table>
</div></body></html>"""


def test_an_annex_table_without_a_serial_column_is_read_by_its_header() -> None:
    doc = parse_document(TABLE.encode("utf-8"))
    assert doc.notice is not None
    assert [(e.zh, e.en, e.country) for e in doc.notice.entities] == [
        ("海峡哨兵防务公司", "Strait Sentinel Defense, Inc.", "US"), ("港线海洋技术公司", "Harbourline Marine Technologies Ltd.", "CA")]
    assert doc.notice.warnings == ()


def test_a_country_closing_the_english_bracket_is_the_entitys_country() -> None:
    body = (PRE + "商务部决定将北岭雷达公司等2家外国实体列入出口管制管控名单（见附件）。\n\n附件\n出口管制管控名单\n"
            "1. 北岭雷达公司（Northridge Radar, Inc.，美国）\n2. 白崖电子公司（White Cliffs Electronics Ltd，英国）")
    _, names, _, _ = _notice(body)
    assert names == [("北岭雷达公司", "Northridge Radar, Inc.", "US"), ("白崖电子公司", "White Cliffs Electronics Ltd", "GB")]


ITEMS = ("不可靠实体清单工作机制公告〔2026〕21号\n\n根据《不可靠实体清单规定》有关规定，不可靠实体清单工作机制决定：\n"
         "一、自2026年12月21日起，对不可靠实体清单工作机制公告〔2025〕7号所列11家实体中的3家实体，即该公告附件第2项、第5项、第9项所列实体，"
         "恢复实施相关措施。\n{gap}二、自2026年12月21日起，对该公告所列其余8家实体，继续暂停实施相关措施1年。\n本公告自公布之日起实施。\n\n"
         "不可靠实体清单工作机制\n（商务部代章）\n2026年12月18日\n")


@pytest.mark.parametrize("gap", ["", "\n"])
def test_the_others_in_the_next_item_are_those_the_item_before_leaves(gap: str) -> None:
    """Item 二 on a line of its own continues "the others" of item 一's notice (audit30/08: refused for review)."""
    doc = parse_document(ITEMS.format(gap=gap).encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until.isoformat() if a.until else None, a.entities)
            for a in doc.notice.actions] == [
        ("restore", ["UEL-2025-7"], "2026-12-21", None, ("第2项", "第5项", "第9项")),
        ("extend", ["UEL-2025-7"], "2026-12-21", "2027-12-21", ())]


def test_the_others_after_a_paragraph_that_is_no_item_stay_unread() -> None:
    """Not items of one decision: the second paragraph's "其余" names nothing read (refused for review, as before)."""
    text = ITEMS.format(gap="").replace("\n二、", "\n另外，")
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review"


EXCEPT = (PRE + "商务部决定，自2027年1月1日起，停止实施商务部公告2025年第21号相关措施，但该公告所列立方公司（Cubic Corporation）、"
          "内华达山脉公司（Sierra Nevada Corporation）2家实体除外。")


def test_a_step_on_a_whole_notice_excepting_some_with_no_step_on_them_is_refused() -> None:
    """Read alone, the lift reached the 2 excepted too (audit30/25: silent)."""
    with pytest.raises(UnusablePage) as refused:
        parse_document((HEAD.format(title=ECL, num=ECL) + EXCEPT + SIGN).encode("utf-8"))
    assert refused.value.reason == "needs-review" and "除外" in refused.value.detail


def test_an_exception_with_its_own_step_is_read() -> None:
    """"…除外；对上述2家实体，继续暂停…": each part has its step (the engine parts one notice's steps of a day)."""
    steps, names, _, _ = _notice(EXCEPT.replace("除外。", "除外；对上述2家实体，继续暂停实施相关措施至2027年11月10日。"))
    assert [zh for zh, _, _ in names] == ["立方公司", "内华达山脉公司"]  # not "但该公告所列立方公司"
    assert [(s[0], s[2], s[3], s[4], s[5]) for s in steps] == [
        ("lift", ["MOFCOM-2025-21"], "2027-01-01", None, ()),
        ("extend", ["MOFCOM-2025-21"], "2027-01-01", "2027-11-10", ("cubic", "sierranevada"))]
