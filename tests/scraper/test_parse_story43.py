"""Steps of December 2026, round 4 (session 42, story43's stories; the stories are tests/mofcom_watch/test_stories_december43.py):
an answer telling that No. 72's term ended and going on with a step after it, with no decision word ("…已于11月27日届满，继续暂停
实施…第二款，暂停期限为1年") or with no object ("…中方决定继续暂停一年"), read no step; its title names no list, so the page was
dropped as an answer about something else (``rules.rejects.off_topic_answer``): stored as no notice, No. 46 clause 2 shown lapsed,
"presumed back in force", exit 0. Now held for a person (``rules.checks.unread_step_after_end``)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-03 17:30\n\n商务部新闻发言人就两用物项对美出口管制有关问题答记者问\n"
        "问：商务部公告2025年第72号规定的暂停期限已经届满，请问中方有何安排？\n答：{}\n")


@pytest.mark.parametrize("answer", [
    "商务部公告2025年第72号已于11月27日届满，继续暂停实施商务部公告2024年第46号第二款，暂停期限为1年。",
    "商务部公告2024年第46号第二款的暂停期限已于11月27日届满，中方决定继续暂停一年。",
    "商务部公告2024年第46号第二款的暂停期限已于11月27日届满，继续暂停一年。",
    "商务部公告2025年第72号规定的暂停期限已于11月27日届满。中方决定，继续暂停一年。",
    "商务部公告2025年第72号已于11月27日到期，恢复实施商务部公告2024年第46号第二款。",
])
def test_a_step_after_a_term_end_read_on_no_notice_is_held_for_a_person(answer: str) -> None:
    # "…届满。中方决定，继续暂停一年。" is held by unread_answer_step first since session 51 (a decided step whose object is
    # left out, qa51's probe): held all the same, the reason naming the step
    with pytest.raises(UnusablePage, match="needs-review.*(a step after a term's end|names no notice its 继续暂停 could act on)"):
        parse_document(HEAD.format(answer).encode("utf-8"))


@pytest.mark.parametrize("answer", [
    "中方决定，继续暂停实施商务部公告2024年第46号第二款一年。",
    "商务部公告2025年第72号已于11月27日届满。中方决定，继续暂停实施商务部公告2024年第46号第二款，暂停期限为1年。",
])
def test_a_decided_step_after_the_end_is_read(answer: str) -> None:
    notice = parse_document(HEAD.format(answer).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, tuple(t.key for t in a.targets)) for a in notice.actions] == [("extend", ("MOFCOM-2024-46",))]


@pytest.mark.parametrize("answer", [
    "商务部公告2025年第72号的暂停期限已于11月27日届满，是否继续暂停，我们将研究决定。",
    "商务部公告2025年第72号的暂停期限已于11月27日届满。中方愿同美方继续加强沟通。",
])
def test_a_term_end_told_with_no_step_is_no_step(answer: str) -> None:
    assert parse_document(HEAD.format(answer).encode("utf-8")).notice is None



def test_a_decision_on_a_named_notice_read_as_no_step_is_held_for_a_person() -> None:
    """"中方决定，…第72号规定的暂停措施继续实施1年，即自…起至…": 决定, the notice named, a verb no rule reads as a step on it (the
    suspension "continued in force"): held, not dropped as an answer about nothing. A denial or doubt beside it is no step
    (tests/scraper/test_parse_qa37.py, test_parse_qa39.py)."""
    answer = "中方决定，商务部公告2025年第72号规定的暂停措施继续实施1年，即自2026年11月28日起至2027年11月27日。"
    with pytest.raises(UnusablePage, match="needs-review.*on a notice it names, read as no step"):
        parse_document(HEAD.format(answer).encode("utf-8"))
