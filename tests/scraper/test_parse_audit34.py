"""Session 34's blind round 20 (audit34, tests/data/corpus/audit34/): texts the parser read wrong, each as a short
text. Dates written with a weekday (07), relative to the text's month or year with an hour (08, 22), from "本次答问发布之日"
(24), as a range after "期限为" (05), from the end of a suspension told in another paragraph (04); a listing's own term
(21); a draft for comment (14); steps under a condition (11) or that "不适用于" some entities (15), refused; an English
name alone in the table row under its entity's (20)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

ANSWER = "商务部新闻发言人就出口管制管控名单有关问题答记者问\n\n来源：商务部新闻办公室　类型：原创　分类：新闻　{day} 20:00\n\n问：{q}\n\n答：{a}\n"
ECL_HEAD = "商务部公告2026年第{n}号\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第{n}号\n【发文日期】{day}\n\n商务部公告2026年第{n}号\n\n"
QUESTION = "商务部公告2025年第21号相关措施的暂停期限届满后，商务部有何决定？"


def _notice(text: str, url: str | None = None):  # type: ignore[no-untyped-def]
    return parse_document(text.encode("utf-8"), url=url).notice


def _steps(text: str, url: str | None = None) -> list[tuple[str, str | None, str | None]]:
    notice = _notice(text, url)
    assert notice is not None
    return [(a.action.value, a.effective, a.until.isoformat() if a.until else None) for a in notice.actions]


@pytest.mark.parametrize(("when", "day"), [
    ("自2026年12月21日（星期一）起", "2026-12-21"),  # 07: the answer's own day
    ("自本月15日起", "2026-12-15"),  # 22: the answer's own day
    ("自下月4日起", "2027-01-04"),
    ("自明年1月1日零时起", "2027-01-01T00:00+08:00"),  # 08: the answer's own day
])
def test_an_answers_restore_takes_the_day_it_writes(when: str, day: str) -> None:
    text = ANSWER.format(day="2026-12-10", q=QUESTION,
                         a=f"经评估，商务部决定，{when}，恢复实施商务部公告2025年第21号相关措施。")
    assert _steps(text) == [("restore", day, None)]


def test_a_step_from_some_days_after_the_answer_is_published() -> None:
    # 24: "自本次答问发布之日起30日后" took the day of the step before it
    text = ANSWER.format(day="2026-11-07", q=QUESTION, a="中方决定：\n\n一、继续暂停实施商务部公告2025年第21号相关措施，为期一年，"
                         "自2026年11月10日起计算。\n\n二、不可靠实体清单工作机制公告〔2025〕7号相关措施，自本次答问发布之日起30日后停止实施。")
    assert _steps(text) == [("extend", "2026-11-10", "2027-11-10"), ("lift", "2026-12-07", None)]


def test_a_period_written_as_a_range_after_qixian_wei_starts_on_its_first_day() -> None:
    # 05: the answer's own day was taken
    text = ANSWER.format(day="2026-11-09", q=QUESTION, a="商务部决定，继续暂停实施商务部公告2025年第21号相关措施，"
                         "暂停期限为２０２６年１１月１０日至２０２７年１１月９日。")
    assert _steps(text) == [("extend", "2026-11-10", "2027-11-09")]


def test_a_period_counted_from_the_end_told_in_the_paragraph_before() -> None:
    # 04: the notice's own day (a month after the lapse) was taken, an extension by a year from it
    text = (ECL_HEAD.format(n=190, day="2026年12月08日") + "2025年4月4日，商务部发布公告2025年第21号，将高点航空技术公司等16家美国实体"
            "列入出口管制管控名单。2025年5月14日起，上述措施暂停实施，暂停期限经两次延长，于2026年11月10日届满。\n\n商务部决定，继续暂停实施商务部公告"
            "2025年第21号相关措施，为期一年，自上述暂停期限届满之日起计算。\n\n本公告自公布之日起实施。\n\n商务部\n2026年12月8日\n")
    assert _steps(text) == [("extend", "2026-11-10", "2027-11-10")]


def test_a_suspension_told_as_ended_before_the_notice_is_no_step() -> None:
    # probe after 04 (its history without "2025年5月14日起"): read as an open suspension of No. 21 from the notice's day
    text = (ECL_HEAD.format(n=190, day="2026年12月08日") + "2025年4月4日，商务部发布公告2025年第21号，将高点航空技术公司等16家美国实体"
            "列入出口管制管控名单。上述措施暂停实施，暂停期限经两次延长，于2026年11月10日届满。\n\n商务部决定，自2026年12月10日起，"
            "恢复实施商务部公告2025年第21号相关措施。\n\n本公告自公布之日起实施。\n\n商务部\n2026年12月8日\n")
    assert _steps(text) == [("restore", "2026-12-10", None)]


def test_a_listing_with_a_term_ends_with_it() -> None:
    # 21: "有效期二年" was not read: in force for ever
    text = (ECL_HEAD.format(n=203, day="2026年12月24日") + "商务部决定将银河推进系统公司（Galactic Propulsion Systems, Inc.）"
            "1家美国实体列入出口管制管控名单，禁止出口经营者向上述1家实体出口两用物项。\n\n本公告自公布之日起实施，有效期二年。\n\n"
            "商务部\n2026年12月24日\n")
    assert _steps(text) == [("impose", "2026-12-24", "2028-12-24")]


def test_a_licences_term_is_no_listings_term() -> None:
    # probe after 21: "本公告发布前已颁发的…许可证，有效期为1年" was read as the listing's term (lifted after a year)
    text = (ECL_HEAD.format(n=203, day="2026年12月24日") + "商务部决定将银河推进系统公司（Galactic Propulsion Systems, Inc.）"
            "1家美国实体列入出口管制管控名单，禁止出口经营者向上述1家实体出口两用物项。\n\n本公告发布前已颁发的两用物项出口许可证，"
            "有效期为1年。\n\n本公告自公布之日起实施。\n\n商务部\n2026年12月24日\n")
    assert _steps(text) == [("impose", "2026-12-24", None)]


def test_a_draft_for_comment_decides_nothing() -> None:
    # 14: its draft notice read as a listing of 3 under a DOC key
    text = ("商务部公告2027年第  号（征求意见稿） 关于将1家美国实体列入出口管制管控名单的公告\n【发文日期】2026年12月24日\n\n"
            "现将《公告（征求意见稿）》全文公布，征求社会各界意见。\n\n商务部决定将北岸光电公司（North Shore Photonics Inc.）1家美国实体"
            "列入出口管制管控名单，禁止出口经营者向上述1家实体出口两用物项。\n\n本公告自  年  月  日起实施。\n\n商务部安全与管制局\n"
            "2026年12月24日\n")
    notice = _notice(text)
    assert notice is None or (not notice.actions and not notice.entities)


def test_a_notice_made_after_comments_is_no_draft() -> None:
    text = (ECL_HEAD.format(n=204, day="2026年12月24日") + "经公开征求意见，商务部决定将北岸光电公司（North Shore Photonics Inc.）1家美国"
            "实体列入出口管制管控名单，禁止出口经营者向上述1家实体出口两用物项。\n\n本公告自公布之日起实施。\n\n商务部\n2026年12月24日\n")
    assert _steps(text) == [("impose", "2026-12-24", None)]


@pytest.mark.parametrize("answer", [
    # 11: read as an extension and a restore of the same notice from the same day
    "如美方于2026年12月31日前撤销其有关措施，则商务部公告2025年第21号相关措施继续暂停实施1年；否则，商务部将自2027年1月1日起"
    "恢复实施商务部公告2025年第21号相关措施。",
    "商务部决定：如美方于2026年12月31日前撤销其有关措施，则自2027年1月1日起停止实施商务部公告2025年第21号相关措施。",
])
def test_a_step_under_a_condition_is_refused(answer: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        _notice(ANSWER.format(day="2026-12-10", q=QUESTION, a=answer))
    assert refused.value.reason == "needs-review"


def test_a_step_the_next_sentence_says_does_not_apply_to_some_is_refused() -> None:
    # 15: "前款规定不适用于" two named entities: all 16 suspended
    text = (ECL_HEAD.format(n=192, day="2026年12月11日") + "商务部决定，自2026年12月15日起，继续暂停实施商务部公告2025年第21号相关措施"
            "1年。\n\n前款规定不适用于商务部公告2025年第21号所列内华达山脉公司（Sierra Nevada Corporation）和立方公司（Cubic Corporation）。"
            "\n\n本公告自公布之日起实施。\n\n商务部\n2026年12月11日\n")
    with pytest.raises(UnusablePage) as refused:
        _notice(text)
    assert refused.value.reason == "needs-review"


def test_a_step_not_applying_to_contracts_is_read() -> None:
    # what does not apply names no entity: the restore stands
    text = (ECL_HEAD.format(n=193, day="2026年12月11日") + "商务部决定，自2026年12月15日起，恢复实施商务部公告2025年第21号相关措施。\n\n"
            "前款规定不适用于本公告发布前已获批准的两用物项出口许可。\n\n本公告自公布之日起实施。\n\n商务部\n2026年12月11日\n")
    assert _steps(text) == [("restore", "2026-12-15", None)]


def test_a_restated_list_with_no_listing_or_removal_reads_no_removal() -> None:
    # 01: "本公告不涉及新增列入或者移出实体" was read as a removal of nobody (refused for a person to read for that); the list
    # published again is refused for what it is (checks.republished_list)
    text = (ECL_HEAD.format(n=4, day="2027年01月08日").replace("2026", "2027") + "现将截至2026年12月31日的出口管制管控名单全文公布（见附件）。"
            "本公告不涉及新增列入或者移出实体，名单内容以各列入公告为准。\n\n商务部\n2027年1月8日\n\n附件\n\n出口管制管控名单\n\n"
            "1. 通用动力公司（General Dynamics Corporation），美国，商务部公告2025年第1号\n")
    with pytest.raises(UnusablePage) as refused:
        _notice(text)
    assert refused.value.reason == "needs-review" and "publishes a whole list again" in str(refused.value)


def test_an_english_name_alone_in_the_row_under_its_entity() -> None:
    # 20: the row's English cell empty, the name alone in the next (unnumbered) row: lost
    rows = ("<tr><td>序号</td><td>中文名称</td><td>英文名称</td><td>国家</td></tr>"
            "<tr><td>1</td><td>北极星动力系统公司</td><td>Polaris Power Systems, Inc.</td><td>美国</td></tr>"
            "<tr><td>2</td><td>猎鹰之眼情报分析公司</td><td></td><td>美国</td></tr>"
            "<tr><td></td><td></td><td>Falcon Eye Intelligence Analytics LLC</td><td></td></tr>")
    title = "不可靠实体清单工作机制公告〔2026〕24号 关于将2家美国实体列入不可靠实体清单的公告"
    body = ("<p>不可靠实体清单工作机制决定，将附件所列2家美国实体列入不可靠实体清单，禁止上述实体从事与中国有关的进出口活动。</p>"
            "<p>本公告自公布之日起实施。</p><p>附件：不可靠实体清单</p><p>不可靠实体清单工作机制</p><p>2026年12月30日</p>"
            f"<p>不可靠实体清单</p><table><tbody>{rows}</tbody></table>")
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"SiteName\" content=\"中华人民共和国商务部\">"
            f"<meta name=\"ArticleTitle\" content=\"{title}\"><meta name=\"PubDate\" content=\"2026-12-30 16:00\"></head><body>"
            f"<div class=\"art-title\"><h1>{title}</h1></div><div class=\"art-con art-con-bottonmLine\">{body}</div></body></html>")
    notice = _notice(page, "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_6d7e8f9a0b1c42d3e4f5a6b7c8d9e0f1.html")
    assert notice is not None
    assert [(e.zh, e.en) for e in notice.entities] == [("北极星动力系统公司", "Polaris Power Systems, Inc."),
                                                        ("猎鹰之眼情报分析公司", "Falcon Eye Intelligence Analytics LLC")]
