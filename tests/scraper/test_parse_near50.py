"""near50 (session 50): session 49's near-A and open B on MOFCOM steps, through the real parser.

- "商务部公告2025年第70号规定，暂停实施…第55号…至2026年11月10日。现决定，继续暂停实施上述公告相关措施至2027年11月10日。" (review55's
  near-A): "上述公告" took No. 70 too, the rule the suspension followed, so No. 70 was extended (its row "suspended", with a
  problem). The notice told as the rule or decision a step came from, or the ground it followed, is no notice "上述公告"
  names (``targets._rule_teller``).
- "…第21号相关措施暂停至2027年6月30日，上述措施暂停至2027年12月31日" (range49's near-A, a text at odds with itself): the first
  end read, the second dropped with no word. Held (``checks._another_end``).
- "商务部已于2026年11月20日发布公告，自2026年12月1日起，停止实施…" in an answer under a title announcing a change, told after its
  start (fix57's near-A): read as no notice, silently, so a lift whose notice the store lacks was missed. Held, as the same
  answer with "决定" already was (``checks.told_answer_step``).
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

QA = ("商务部新闻发言人就{topic}答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 17:00\n\n"
      "问：请问中方对有关出口管制措施有何新的安排？\n答：{a}\n")
N55 = "商务部 海关总署公告2025年第55号"
N21, N22 = "商务部公告2025年第21号", "商务部公告2025年第22号"
K21, K22, K55, K70 = "MOFCOM-2025-21", "MOFCOM-2025-22", "MOFCOM-2025-55", "MOFCOM-2025-70"

Step = tuple[str, list[str | None], str | None, str | None]


def _raw(a: str, day: str = "2026-12-09", topic: str = "出口管制措施") -> bytes:
    return QA.format(topic=topic, day=day, a=a).encode("utf-8")


def _steps(a: str, day: str = "2026-12-09", topic: str = "出口管制措施") -> list[Step]:
    record = parse_document(_raw(a, day, topic)).notice
    assert record is not None
    return [(x.action.value, [t.key for t in x.targets], x.effective, x.until and x.until.isoformat())
            for x in record.actions]


def _held(a: str, day: str = "2026-12-09", topic: str = "出口管制措施") -> str:
    with pytest.raises(UnusablePage) as refused:
        parse_document(_raw(a, day, topic))
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


# --- "…第70号规定，暂停…。现决定，继续暂停实施上述公告…": No. 55, never No. 70 as well

RULE70 = f"商务部公告2025年第70号规定，暂停实施{N55}相关措施至2026年11月10日"


@pytest.mark.parametrize("text", [
    f"{RULE70}。现决定，继续暂停实施上述公告相关措施至2027年11月10日。",
    f"{RULE70}；现决定，继续暂停实施上述公告相关措施至2027年11月10日。",
    f"{RULE70}。现决定，将上述公告相关措施的暂停期限延长至2027年11月10日。",
    f"商务部公告2025年第70号公告的规定，暂停实施{N55}相关措施至2026年11月10日。现决定，继续暂停实施上述公告相关措施至2027年11月10日。",
    f"商务部公告2025年第70号规定，{N55}相关措施暂停实施至2026年11月10日。现决定，继续暂停实施上述公告相关措施至2027年11月10日。",
    f"按照商务部公告2025年第70号规定，{N55}相关措施暂停实施至2026年11月10日。现决定，继续暂停实施上述公告相关措施至2027年11月10日。",
    f"根据商务部公告2025年第70号，{N55}相关措施暂停实施至2026年11月10日。现决定，继续暂停实施上述公告相关措施至2027年11月10日。",
])
def test_the_rule_a_suspension_followed_is_not_among_the_notices_above(text: str) -> None:
    steps = _steps(text, day="2026-11-05")
    assert [(a, t, u) for a, t, _, u in steps] == [("extend", [K55], "2027-11-10")]


def test_a_range_under_the_rule_is_continued_without_the_rule() -> None:
    text = (f"商务部公告2025年第70号规定，暂停实施{N55}至第58号相关措施至2026年11月10日。"
            "现决定，继续暂停实施上述公告相关措施至2027年11月10日。")
    assert [t for _, t, _, _ in _steps(text, day="2026-11-05")] == [[f"MOFCOM-2025-{n}" for n in range(55, 59)]]


@pytest.mark.parametrize(("text", "keys"), [
    # no rule told: both notices named before are "上述公告" (as before)
    (f"{N21}相关措施暂停至2026年11月10日，{N22}相关措施暂停至2026年11月10日。现决定，继续暂停实施上述公告相关措施至2027年11月10日。",
     [K21, K22]),
    # a listing told by "规定，将…列入" (no step between it and the next notice): both stay
    (f"{N21}规定，将16家美国实体列入出口管制管控名单，{N22}规定，将12家美国实体列入出口管制管控名单。"
     "现决定，暂停实施上述公告相关措施至2027年11月10日。", [K21, K22]),
    # "A、B规定" (no comma between): both stay
    (f"{N21}、第22号规定的措施已暂停实施。现决定，继续暂停实施上述公告相关措施至2027年11月10日。", [K21, K22]),
])
def test_notices_above_that_are_no_rule_stay(text: str, keys: list[str]) -> None:
    steps = _steps(text, day="2026-11-05")
    assert sorted({k for _, t, _, _ in steps for k in t if k}) == keys, steps


# --- two ends for one notice's measures in one sentence: held


@pytest.mark.parametrize("text", [
    f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，上述措施暂停至2027年12月31日。",
    f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，相关措施暂停至2027年12月31日。",
    f"中方决定，自2026年12月10日起，继续暂停实施{N21}相关措施至2027年6月30日，上述措施暂停期限至2027年12月31日。",
    f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，上述措施暂停期限延长至2027年12月31日。",
    f"中方决定，{N21}相关措施暂停至2027年6月30日，上述措施暂停至2027年12月31日，期满后自动恢复实施。",
])
def test_one_notice_given_two_ends_is_held(text: str) -> None:
    assert "two ends" in _held(text)


@pytest.mark.parametrize(("text", "steps"), [
    (f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，上述措施期满后自动恢复实施。",
     [("suspend", [K21], "2026-12-10", "2027-06-30"), ("restore", [K21], "2027-07-01", None)]),
    (f"中方决定，自2026年12月10日起，{N21}相关措施暂停至2027年6月30日，即暂停期限至2027年6月30日。",
     [("suspend", [K21], "2026-12-10", "2027-06-30")]),
    (f"中方决定，将{N21}相关措施的暂停期限由2026年11月10日延长至2027年11月10日。",
     [("extend", [K21], "2026-12-09", "2027-11-10")]),
    (f"中方决定，继续暂停实施{N21}相关措施，暂停期限自2026年11月11日至2027年11月10日。",
     [("extend", [K21], "2026-11-11", "2027-11-10")]),
])
def test_one_end_said_twice_or_a_start_and_an_end_stay_read(text: str, steps: list[Step]) -> None:
    assert _steps(text) == steps


# --- an answer telling a notice published before, the step's start before the answer's day


@pytest.mark.parametrize("told", [
    f"商务部已于2026年11月20日发布公告，自2026年12月1日起，停止实施{N21}相关措施。",
    "商务部已于2026年11月20日发布公告，自2026年11月28日起，恢复实施商务部公告2024年第46号第二款。",
    f"商务部已于2026年11月20日发布商务部公告2026年第85号，自2026年12月1日起，停止实施{N21}相关措施。",
])
def test_an_answer_telling_a_published_notices_step_under_a_change_title_is_held(told: str) -> None:
    assert "title announces a change" in _held(told, topic="停止实施相关措施")


def test_the_same_told_before_its_start_is_read_as_the_step() -> None:
    told = f"商务部已于2026年11月20日发布公告，自2026年12月1日起，停止实施{N21}相关措施。"
    assert _steps(told, day="2026-11-21", topic="停止实施相关措施") == [("lift", [K21], "2026-12-01", None)]
