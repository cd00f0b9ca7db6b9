"""A step on a whole notice that excepts some of its entities ("自2027年1月1日起，停止实施…第21号相关措施，但该公告所列A（a）、
B（b）2家实体除外。") and the notice's step on those excepted ("对上述2家实体，继续暂停实施相关措施至2027年11月10日。"), on the
same line or the next (session 30, audit30/07; session 32): the others lifted from the lift's day, the excepted suspended to
the day given. The count "2家…除外" counts the excepted, not what the lift reaches: it held the lift as undercounted (14 left
suspended, a problem). It must be exactly the entities the notice's other steps name there, else the lift is held."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from scraper.parse import parse_text
from storage.lifecycle import derive
from tests.storage.test_lifecycle_corpus import parsed_texts, stored

DATA = Path(__file__).resolve().parents[1] / "data"
STORY = DATA / "stories27" / "same_day"
BASE = [(STORY / name).read_text(encoding="utf-8") for name in (
    "e1-mofcom-2025-21.txt", "e3-qa-2025-05-14-ecl.txt", "e5-qa-2025-08-12.txt", "e6-qa-2025-11-05.txt")]
EXTENDED = """商务部公告2026年第200号 关于继续暂停实施商务部公告2025年第21号相关措施的公告
【发布单位】安全与管制局
【发布文号】商务部公告2026年第200号
【发文日期】2026年11月05日

根据《中华人民共和国出口管制法》等法律法规有关规定，商务部决定，自2026年11月10日起，继续暂停实施商务部公告2025年第21号相关措施1年。
本公告自公布之日起正式实施。

商务部
2026年11月5日
"""
LIFT = (DATA / "corpus" / "audit30" / "07-ecl-lift-all-but-two-chuwai-others-suspended.txt").read_text(encoding="utf-8")
TWO = ["cubic", "sierranevada"]


def _states(text: str, day: date) -> tuple[dict[str, list[str]], list[str]]:
    d = derive(parsed_texts(*BASE, EXTENDED, text), day)
    states: dict[str, list[str]] = {}
    for r in d.states:
        if r.notice_key == "MOFCOM-2025-21":
            states.setdefault(f"{r.state.value} {r.until or ''}".strip(), []).extend(r.entity_keys)
    return {k: sorted(v) for k, v in states.items()}, [p for p in d.problems if p.startswith("MOFCOM-2026-206")]


@pytest.mark.parametrize("join", ["\n", "；", "。"])  # "\n": session 53's join made it one sentence, a problem (par54, session 54)
def test_the_others_lifted_and_the_excepted_continued(join: str) -> None:
    text = LIFT.replace("除外。\n对上述", f"除外{join}对上述")
    states, problems = _states(text, date(2027, 1, 5))
    assert problems == []
    assert states.pop("suspended 2027-11-10") == TWO
    assert list(states) == ["lifted"] and len(states["lifted"]) == 14
    states, _ = _states(text, date(2027, 11, 20))
    assert states.pop("lapsed") == TWO and list(states) == ["lifted"]


def test_an_exception_counted_otherwise_than_the_steps_name_is_held() -> None:
    """One of the 2 excepted named by the step on them: the other would be lifted with the 14; the lift is held, said."""
    states, problems = _states(LIFT.replace("对上述2家实体，", "对立方公司（Cubic Corporation），"), date(2027, 1, 5))
    assert list(states) == ["suspended 2027-11-10"] and len(states["suspended 2027-11-10"]) == 16
    assert len(problems) == 1 and "excepts 2 entities" in problems[0] and "name 1 of them" in problems[0], problems


ANSWER = ("商务部新闻发言人就有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-17 17:30\n\n"
          "问：请问是否属实？\n\n答：经研究决定，自2026年12月18日起，将{obj}等2家美国实体移出不可靠实体清单。\n")


@pytest.mark.parametrize("obj", ["蓝脊电子公司（Blue Ridge Electronics, Inc.）", "蓝脊电子公司",
                                 "不可靠实体清单工作机制公告〔2026〕3号所列蓝脊电子公司"])
def test_an_answer_removing_one_named_of_two_removes_it_and_says_the_other_is_unread(obj: str) -> None:
    """"将X等2家美国实体移出…" in an answer, one name, no annex (audit31): X removed (a named removal is never lost), by its
    Chinese name alone too; the other, not read, a problem (status exits 1). Before: X removed silently with its English,
    nothing removed by its Chinese name (with the notice named: held, the count above the names)."""
    from tests.storage.test_lifecycle_removals import UEL3

    known = []
    for page in (UEL3, ANSWER.format(obj=obj)):
        rec = parse_text(page)
        assert rec is not None
        known.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
    d = derive(known, date(2026, 12, 20))
    states = {k: r.state.value for r in d.states if r.notice_key == "UEL-2026-3" for k in r.entity_keys}
    assert states == {"blueridgeelectronics": "removed", "andurilindustries": "in_force",
                      "silverpinetechnologies": "in_force"}
    assert len(d.problems) == 1 and "names 1 of the 2 entities its text counts" in d.problems[0], d.problems
