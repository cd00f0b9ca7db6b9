"""Session 53's blind round on spokesperson answers, statements and news retellings of 2027-2029 (blind55,
tests/data/corpus/blind55/). The faults it found, each reproduced with a whole text through the parser."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

STATEMENT = ("商务部新闻发言人就中美经贸磋商成果发表谈话\n来源：商务部新闻办公室 类型：原创 分类：新闻 2028-01-10 20:30\n\n"
             "1月8日至9日，中美双方经贸团队在日内瓦举行经贸磋商。商务部新闻发言人就此发表谈话如下：\n"
             "一、双方就落实两国元首通话重要共识进行了深入、坦诚、建设性的交流，达成一系列积极成果。\n"
             "{item}\n"
             "三、中方愿同美方一道，继续发挥中美经贸磋商机制作用，推动两国经贸关系健康、稳定、可持续发展。\n")
STEP = "自2028年1月15日起，继续暂停实施商务部公告2025年第21号相关措施1年。"


def _steps(text: str) -> list[tuple[str, list[str | None], str | None, str | None]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until.isoformat() if a.until else None)
            for a in notice.actions]


def _reason(text: str) -> str:
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode("utf-8"))
    assert caught.value.reason == "needs-review"
    return caught.value.detail


# --- blind55/14: a statement's numbered paragraph deciding ("二、为落实双方共识，中方决定，…") -------------------------------

@pytest.mark.parametrize("lead", [
    "二、为落实双方共识，中方决定，",  # held for a person: the item number read as words before the decider
    "二、中方决定，",
    "二、经研究，中方决定，",
])
def test_a_numbered_paragraph_deciding_is_read(lead: str) -> None:
    assert _steps(STATEMENT.format(item=lead + STEP)) == [("extend", ["MOFCOM-2025-21"], "2028-01-15", "2029-01-15")]


def test_a_paragraph_numbered_in_brackets_deciding_is_read() -> None:
    text = STATEMENT.replace("一、", "（一）").replace("三、", "（三）")
    assert _steps(text.format(item="（二）为落实双方共识，中方决定，" + STEP)) == [
        ("extend", ["MOFCOM-2025-21"], "2028-01-15", "2029-01-15")]


def test_a_paragraph_numbered_in_digits_deciding_is_read() -> None:
    # blind55/52, a probe after the fix: "2. 为落实…" was held as "二、" was
    text = STATEMENT.replace("一、", "1. ").replace("三、", "3. ")
    assert _steps(text.format(item="2. 为落实双方共识，中方决定，" + STEP)) == [
        ("extend", ["MOFCOM-2025-21"], "2028-01-15", "2029-01-15")]


@pytest.mark.parametrize("lead", [
    "二、据外媒报道，中方决定，",  # a report stays a report under a number
    "二、美方希望，中方决定，",
])
def test_a_numbered_paragraph_telling_others_words_stays_held(lead: str) -> None:
    assert "says more than who takes it" in _reason(STATEMENT.format(item=lead + STEP))


# --- blind55/28, /40: "暂停期" for "暂停期限" ("…相关措施的暂停期延至2028年6月30日") --------------------------------------------

QA = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2027-12-10 17:00\n\n"
      "问：商务部公告2025年第21号相关措施的暂停期限将于2028年1月15日届满，中方有何考虑？\n答：{answer}\n")
ON_21 = "商务部公告2025年第21号相关措施的暂停期"


@pytest.mark.parametrize(("term", "until", "by"), [
    ("延至2028年6月30日", "2028-06-30", None),  # held for a person: "暂停期" was no noun of the term, the answer read no step
    ("顺延至2028年6月30日", "2028-06-30", None),
    ("延长至2028年6月30日", "2028-06-30", None),
    ("延长1年", None, "P1Y"),
])
def test_a_suspension_term_written_zanting_qi_is_extended(term: str, until: str | None, by: str | None) -> None:
    notice = parse_document(QA.format(answer=f"为落实中美经贸磋商共识，中方决定，{ON_21}{term}。").encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until.isoformat() if a.until else None, a.extends_by)
            for a in notice.actions] == [("extend", ["MOFCOM-2025-21"], "2027-12-10", until, by)]


@pytest.mark.parametrize("answer", [
    f"中方决定，不再对{ON_21}予以延长，自2028年1月16日起恢复实施上述措施。",  # read as an extension and the restore once
    f"中方决定，{ON_21}不予延长，自2028年1月16日起恢复实施。",
    f"中方决定，{ON_21}届满后不再延长，自2028年1月16日起恢复实施。",
])
def test_a_suspension_term_zanting_qi_not_renewed_is_no_extension(answer: str) -> None:
    assert _steps(QA.format(answer=answer)) == [("restore", ["MOFCOM-2025-21"], "2028-01-16", None)]


# --- blind55/58: one term for two notices, "…相关措施的暂停期(限)均延至…" ------------------------------------------------------

BOTH = "商务部公告2025年第21号和不可靠实体清单工作机制公告〔2025〕7号相关措施的"
BOTH_KEYS = ["MOFCOM-2025-21", "UEL-2025-7"]


@pytest.mark.parametrize(("term", "until", "by"), [
    ("暂停期均延至2028年6月30日", "2028-06-30", None),  # held for a person: 均 between the term and its verb unread
    ("暂停期限均延至2028年6月30日", "2028-06-30", None),
    ("暂停期限均延长至2028年6月30日", "2028-06-30", None),
    ("暂停期限均延长1年", None, "P1Y"),
])
def test_one_term_renewed_for_both_notices_with_jun(term: str, until: str | None, by: str | None) -> None:
    notice = parse_document(QA.format(answer=f"为落实中美经贸磋商共识，中方决定，{BOTH}{term}。").encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.until.isoformat() if a.until else None, a.extends_by)
            for a in notice.actions] == [("extend", BOTH_KEYS, until, by)]


def test_one_term_not_renewed_for_both_notices_is_no_extension() -> None:
    answer = f"中方决定，不再对{BOTH}暂停期限均予以延长，自2028年1月16日起恢复实施上述措施。"
    notice = parse_document(QA.format(answer=answer).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in notice.actions] == [
        ("restore", BOTH_KEYS, "2028-01-16")]


# --- blind55/64-65: a decision told by its day, its start yearless, before the answer's own step ------------------------

TOLD = "答：{who}已于2027年1月12日决定，自1月15日起暂停实施商务部公告2025年第21号相关措施1年。"


@pytest.mark.parametrize("who", ["中方", "商务部"])
@pytest.mark.parametrize(("then", "kind"), [
    ("鉴于美方违背双方共识，中方决定，自2027年8月1日起，恢复实施上述措施。", "restore"),
    ("经评估，中方决定，自2027年8月1日起，停止实施上述措施。", "lift"),
])
def test_a_decision_told_by_its_day_is_recounted_from_that_year(who: str, then: str, kind: str) -> None:
    # the told suspension was read as a new one from 2028-01-15 (the 1月15日 nearest the answer's day), after the
    # answer's own restore: No. 21 shown suspended again to 2029-01-15, silently
    text = (QA.replace("2027-12-10", "2027-07-20").replace("答：{answer}", TOLD.format(who=who) + then))
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [(kind, "2027-08-01")]
    assert "MOFCOM-2025-21" in [t.key for t in notice.actions[0].targets]
    assert [(a.action.value, a.effective, a.until.isoformat() if a.until else None) for a in notice.recounted] == [
        ("suspend", "2027-01-15", "2028-01-15")]
