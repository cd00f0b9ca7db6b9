"""Session 52's blind round on MOFCOM texts of 2027 (blind52, tests/data/corpus/blind52/): listings and their mirror,
mobile and English copies, removals after verification, suspensions again, extensions with and without an end, lifts,
restores, item controls, answers that only talk, news retelling a notice, corrections. The faults it found, each
reproduced with a whole answer through the parser."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

QA = ("商务部新闻发言人就调整相关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2027-01-28 21:00\n\n"
      "有记者问：请问商务部对此前采取的相关措施是否有调整？\n\n答：{answer}\n")
ON_21 = "暂停实施商务部公告2025年第21号相关措施"
ON_UEL7 = "暂停实施不可靠实体清单工作机制公告〔2025〕7号相关措施"
ON_23 = "暂停实施商务部公告2026年第23号相关措施"


def _steps(text: str) -> list[tuple[str, list[str | None], str | None, str | None, list[str]]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until.isoformat() if a.until else None,
             list(a.entities)) for a in notice.actions]


def _reason(text: str) -> str:
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode("utf-8"))
    assert caught.value.reason == "needs-review"
    return caught.value.detail


# --- blind52/11: one term told once for two suspensions, "暂停期限均至…" -----------------------------------------------------

@pytest.mark.parametrize(("second", "term", "until"), [
    (ON_UEL7, "暂停期限均至2027年10月31日", "2027-10-31"),  # No. 21 was read suspended for good, silently; 7号 to 10-31
    (ON_23, "暂停期限均至2027年10月31日", "2027-10-31"),
    (ON_23, "期限均为1年", "2028-02-01"),
    (ON_23, "暂停期均为6个月", "2027-08-01"),
])
def test_a_term_said_for_both_steps_ends_both(second: str, term: str, until: str) -> None:
    steps = _steps(QA.format(answer=f"中方决定，自2027年2月1日起，{ON_21}，{second}，{term}。"))
    assert [(s[0], s[2], s[3]) for s in steps] == [("suspend", "2027-02-01", until)] * 2
    assert [s[1] for s in steps] == [["MOFCOM-2025-21"], [steps[1][1][0]]] and steps[1][1][0] != "MOFCOM-2025-21"


def test_extensions_share_a_term_said_for_both() -> None:
    answer = ("中方决定，自2027年2月1日起，继续暂停实施商务部公告2025年第21号相关措施，继续暂停实施商务部公告2026年第23号相关措施，"
              "期限均延长至2028年1月31日。")
    assert [(s[0], s[3]) for s in _steps(QA.format(answer=answer))] == [("extend", "2028-01-31")] * 2


def test_a_term_told_after_two_steps_without_jun_is_held() -> None:
    # whose term "暂停期限至…" is (the last step's, or both) is not read: held, never No. 21 suspended for good
    assert "a term told after two steps" in _reason(QA.format(answer=f"中方决定，自2027年2月1日起，{ON_21}，{ON_23}，暂停期限至2027年10月31日。"))


def test_a_term_of_one_step_only_stays_its_own() -> None:
    # the real 2025-05-14 form: one step with a term, the other with none (no shared term, nothing held)
    steps = _steps(QA.format(answer=f"中方决定，自2027年2月1日起，{ON_21}90天，{ON_23}。"))
    assert [(s[1], s[3]) for s in steps] == [(["MOFCOM-2025-21"], "2027-05-02"), (["MOFCOM-2026-23"], None)]


# --- blind52/36: an answer deciding inline items, "商务部决定：一是…；二是…移出关注名单" --------------------------------------------

NORTH = "北方海岸电子公司（North Shore Electronics Ltd.）"


@pytest.mark.parametrize("first", [
    "一是自2027年11月15日起，停止实施商务部公告2025年第21号中对哈德森技术公司（Hudson Technologies Co.）采取的相关措施",
    "一是自2027年11月15日起，停止实施商务部公告2025年第21号相关措施",
    "其一，自2027年11月15日起，停止实施商务部公告2025年第21号相关措施",
])
def test_the_second_inline_item_removal_is_read(first: str) -> None:
    second = "二是" if first.startswith("一是") else "其二，"
    answer = f"经审查，商务部决定：{first}；{second}自2027年11月15日起将{NORTH}移出关注名单。"
    steps = _steps(QA.format(answer=answer))
    # the removal was dropped, silently: North Shore stayed on the watch list
    assert ("remove", [], "2027-11-15", None, ["northshoreelectronics"]) in steps
    assert steps[0][:2] == ("lift", ["MOFCOM-2025-21"])


def test_an_inline_item_not_decided_removes_no_one() -> None:
    # the items of a plan, not a decision: no removal read (held for a person, or read as no removal)
    answer = f"商务部正在研究：一是停止实施商务部公告2025年第21号相关措施的可行性；二是将{NORTH}移出关注名单的条件。"
    try:
        steps = _steps(QA.format(answer=answer))
    except UnusablePage:
        return
    assert all(s[0] != "remove" for s in steps)


# --- blind52/16: a mobile page's info line with the stamp before the source ------------------------------------------------

MOBILE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>商务部新闻发言人就恢复实施出口管制管控名单相关措施答记者问"
          "_商务部移动门户</title></head><body><section class=\"m-article\"><h1 class=\"m-title\">"
          "商务部新闻发言人就恢复实施出口管制管控名单相关措施答记者问</h1><div class=\"m-meta\">{info}</div>"
          "<div class=\"m-content\"><p>有记者问：请问中方对此前暂停实施的相关措施有何考虑？</p><p>答：中方决定，提前结束对商务部公告"
          "2026年第23号相关措施的暂停，自2027年6月15日起恢复实施。</p></div></section></body></html>")


@pytest.mark.parametrize("info", [
    "2027-06-10 21:15 &nbsp; 来源：商务部新闻办公室",  # was keyed QA-undated-…, no publication day (a warning alone)
    "2027-06-10&nbsp;来源：商务部新闻办公室",
    "来源：商务部新闻办公室 2027-06-10 21:15",  # (read before)
])
def test_a_mobile_answer_takes_the_day_of_its_info_line(info: str) -> None:
    notice = parse_document(MOBILE.format(info=info).encode("utf-8")).notice
    assert notice is not None and notice.published is not None
    assert notice.published.isoformat() == "2027-06-10" and notice.key.startswith("QA-2027-06-10-")


# --- blind52's probes of the shared term (37, 39, 40): a 均 term the steps cannot all take is held --------------------------

@pytest.mark.parametrize("answer", [
    # two starts: the term is each one's from its own start; No. 21 was read suspended for good, silently
    "中方决定，自2027年2月1日起暂停实施商务部公告2025年第21号相关措施，自2027年3月1日起暂停实施商务部公告2026年第23号相关措施，"
    "暂停期限均为6个月。",
    # inline items, the term in the second item's sentence
    "中方决定：一是自2027年2月1日起暂停实施商务部公告2025年第21号相关措施；二是自2027年2月1日起暂停实施商务部公告2026年第23号"
    "相关措施，期限均为1年。",
    # an extension and a suspension sharing one term
    "中方决定，自2027年2月1日起，继续暂停实施商务部公告2025年第21号相关措施，暂停实施商务部公告2026年第23号相关措施，期限均为1年。",
])
def test_a_shared_term_not_given_to_a_step_is_held(answer: str) -> None:
    assert "a term told after two steps" in _reason(QA.format(answer=answer))


def test_three_steps_share_a_term() -> None:
    answer = ("中方决定，自2027年2月1日起，暂停实施商务部公告2025年第21号相关措施，暂停实施商务部公告2026年第23号相关措施，"
              "暂停实施不可靠实体清单工作机制公告〔2025〕7号相关措施，暂停期限均至2027年10月31日。")
    assert [s[3] for s in _steps(QA.format(answer=answer))] == ["2027-10-31"] * 3
