"""Session 51's blind round of answers, transcripts and news for 2027 (qa51, tests/data/corpus/qa51/): the faults it found.

qa51/27: "根据2025年11月5日发布的答记者问，上述措施的暂停期限已于2026年11月10日届满。自2026年11月11日起，商务部公告2025年第21号相关
措施已恢复实施。" A restore told as done (``targets._restore_told_done``) with no day right after its 已 took the end told (11-10)
as its day: the start its sentence names was ignored, and with none named the end itself was taken, where every restore at
a suspension's end is back the day after (the end is the period's last day, ``rules.steps.restored_at_lapse``). Replayed
(tests/mofcom_watch/test_qa51_restore_told_done.py): No. 21 in force from 11-10, a day it was still suspended, silently."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = ("商务部新闻发言人就出口管制有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2027-01-08 17:00\n\n"
        "问：请问商务部公告2025年第21号相关措施目前状况如何？\n答：")
N21 = "商务部公告2025年第21号"
ENDED = f"{N21}相关措施的暂停期限已于2026年11月10日届满，"


def _steps(answer: str) -> list[tuple[str, list[str | None], str | None]]:
    doc = parse_document((HEAD + answer + "\n").encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective) for a in doc.notice.actions]


@pytest.mark.parametrize("answer", [
    # qa51/27: the start its sentence names
    f"根据2025年11月5日发布的答记者问，上述措施的暂停期限已于2026年11月10日届满。自2026年11月11日起，{N21}相关措施已恢复实施。",
    f"上述措施的暂停期限已于2026年11月10日届满。自2026年11月11日起，{N21}相关措施已经恢复实施。",
    # no day of its own: the day after the end told
    ENDED + "相关措施已恢复实施。",
    ENDED + f"{N21}相关措施已按期恢复实施。",
])
def test_a_restore_told_as_done_is_back_the_day_after_the_end(answer: str) -> None:
    assert _steps(answer) == [("restore", ["MOFCOM-2025-21"], "2026-11-11")]


def test_a_restore_told_as_done_on_a_day_it_names_keeps_that_day() -> None:
    assert _steps(ENDED + "相关措施已于2026年11月11日恢复实施。") == [("restore", ["MOFCOM-2025-21"], "2026-11-11")]
    # the day the authority names stays, whatever the end told (parse26/02's "…已于2026年11月10日按期恢复实施")
    assert _steps(ENDED + "相关措施已于2026年11月10日按期恢复实施。") == [("restore", ["MOFCOM-2025-21"], "2026-11-10")]


# --- qa51's probe: an answer deciding a step whose object is left out, the notice named only by the question ------------------
# "中方决定，自2027年3月1日起继续暂停实施1年。" (or "…停止实施。") after "请问中方对商务部公告2025年第21号所列美国实体有何安排？", under a
# neutral title or in a press conference: read as no notice at all ("no notice found in the text"), the step missed, silently
# (a lift of a notice in force shown "in force"). Held now (``checks.unread_answer_step``, ``_object_elided``).
PRESSER = ("商务部召开例行新闻发布会（2027年2月26日）\n来源：商务部新闻办公室 类型：原创 分类：新闻 2027-02-26 16:30\n\n"
           "2月26日，商务部召开例行新闻发布会，新闻发言人何咏前回答记者提问。\n"
           "路透社记者：请问中方对商务部公告2025年第21号所列美国实体有何安排？\n何咏前：")
RELEASE = ("商务部新闻发言人就出口管制有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2027-02-26 17:00\n\n"
           "问：请问中方对商务部公告2025年第21号所列美国实体有何安排？\n答：")


def _held(head: str, answer: str) -> str | None:
    try:
        parse_document((head + answer + "\n").encode("utf-8"))
    except UnusablePage as exc:
        return exc.reason
    return None


@pytest.mark.parametrize("head", [PRESSER, RELEASE], ids=["presser", "release"])
@pytest.mark.parametrize("answer", [
    "中方决定，自2027年3月1日起继续暂停实施1年。",
    "中方决定，自2027年3月1日起停止实施。",
    "中方决定，自2027年3月1日起，停止执行。",
    "经研究，中方决定，自2027年3月1日起，继续暂停实施至2028年2月29日。",
    "中方决定，自2027年3月1日起恢复实施。",
])
def test_a_decided_step_with_its_object_left_out_is_held(head: str, answer: str) -> None:
    assert _held(head, answer) == "needs-review"


@pytest.mark.parametrize("answer", [
    "中方决定是否继续暂停实施，将视情而定。",  # weighed
    "中方此前决定继续暂停实施1年。",  # told
    "2025年11月，中方决定继续暂停实施1年。",  # told by its day
    "关于是否继续暂停实施，中方将视情决定。",
    "这一决定自2027年3月1日起实施。",
])
def test_no_decided_step_is_no_notice(answer: str) -> None:
    doc = parse_document((PRESSER + answer + "\n").encode("utf-8"))
    assert doc.notice is None


def test_the_decided_step_naming_its_object_is_read() -> None:
    doc = parse_document((PRESSER + "中方决定，自2027年3月1日起继续暂停实施该公告相关措施1年。\n").encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in doc.notice.actions] == [("extend", ["MOFCOM-2025-21"], "2027-03-01", "2028-03-01")]


# --- qa51/22 (B, held before): "…第46号第二款相关规定至…": the clause's provisions are its object ---------------------------
ITEMS = ("商务部新闻发言人就对美两用物项出口管制有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-26 17:00\n\n"
         "问：商务部公告2024年第46号第二款暂停期限即将届满，中方有何安排？\n答：")


@pytest.mark.parametrize("answer,step", [
    ("为落实中美经贸磋商共识，商务部决定，自2026年11月28日起，继续暂停实施商务部公告2024年第46号第二款相关规定至2027年11月27日。",
     ("extend", ["MOFCOM-2024-46"], "2026-11-28")),
    ("商务部决定，自2026年11月28日起，继续暂停实施商务部公告2024年第46号第二款规定至2027年11月27日。",
     ("extend", ["MOFCOM-2024-46"], "2026-11-28")),
    ("商务部决定，自2026年11月28日起，恢复实施商务部公告2024年第46号第二款的相关规定。",
     ("restore", ["MOFCOM-2024-46"], "2026-11-28")),
])
def test_a_step_on_a_clauses_provisions_is_read(answer: str, step: tuple[str, list[str], str]) -> None:
    doc = parse_document((ITEMS + answer + "\n").encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in doc.notice.actions] == [step]


@pytest.mark.parametrize("answer", [
    "商务部决定，自2026年11月28日起，继续暂停实施商务部公告2024年第46号第二款相关规定的前提是美方取消关税。",
    "商务部决定，自2026年11月28日起，继续暂停实施商务部公告2024年第46号第二款相关规定等问题。",
])
def test_more_after_a_clauses_provisions_stays_held(answer: str) -> None:
    assert _held(ITEMS, answer) == "needs-review"


# --- qa51's probe: an answer with no 决定 saying a step from a day to come, the notice named only by the question ------------
# "经中美双方协商一致，自2027年3月1日起，停止实施相关措施。" after "请问中方对商务部公告2025年第21号所列美国实体有何安排？": read as no
# notice at all, the lift missed, silently. Held now (``checks._unread_start_step``); a recap of a start before the answer's
# day, a plan, a doubt, a tariff stay no notice.
@pytest.mark.parametrize("head", [PRESSER, RELEASE], ids=["presser", "release"])
@pytest.mark.parametrize("answer", [
    "自2027年3月1日起，停止实施相关措施。",
    "经中美双方协商一致，自2027年3月1日起，停止实施相关措施。",
    "自2027年3月1日起，对上述实体停止实施相关措施。",
    "自2027年3月1日起，继续暂停实施相关措施1年。",
    "自2027年2月26日起，恢复实施相关措施。",
])
def test_a_step_from_a_day_to_come_naming_no_notice_is_held(head: str, answer: str) -> None:
    assert _held(head, answer) == "needs-review"


@pytest.mark.parametrize("answer", [
    "自2025年11月10日起，上述措施继续暂停实施1年。",  # a recap of a start before the answer's day
    "是否自2027年3月1日起停止实施相关措施，中方将视情决定。",  # weighed
    "目前没有自2027年3月1日起停止实施相关措施的计划。",
    "自2027年3月1日起，对部分美国商品暂停实施加征关税措施。",  # tariffs
])
def test_no_step_from_a_day_naming_no_notice_stays_no_notice(answer: str) -> None:
    doc = parse_document((PRESSER + answer + "\n").encode("utf-8"))
    assert doc.notice is None
