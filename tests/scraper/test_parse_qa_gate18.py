"""The Q&A gate's doubt words hold their clause, not the whole sentence before the verb (parse18): "在拟于11月10日召开的
会议上，中方决定延长…" decides (it was refused as a page cut short: a missed extension); a condition, a claim, or a plan
with no decision after it still holds the verb."""

import pytest

from scraper.parse import parse_text

TARGET = "4月4日公告（商务部公告2025年第21号）相关措施"


def _acts(answer: str) -> list[tuple]:
    rec = parse_text("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-06 16:00\n\n商务部新闻发言人就出口管制管控名单有关措施"
                     f"答记者问\n问：请问中方有何安排？\n答：{answer}")
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in rec.actions] if rec else []


@pytest.mark.parametrize("answer", [
    f"在拟于11月10日召开的中美经贸磋商会议上，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"根据双方拟定的安排，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"双方拟于近期再次磋商，同时，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"关于是否调整其他措施的问题，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方暂不恢复执行相关措施，决定自2026年11月10日起，继续暂停{TARGET}1年。",
])
def test_a_doubt_word_in_an_earlier_clause_then_a_decision_acts(answer: str) -> None:
    assert _acts(answer) == [("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10")]


@pytest.mark.parametrize("answer", [
    f"中方拟自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方拟对相关措施作出调整，自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方拟决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方拟于近期作出决定，自2026年11月10日起，继续暂停{TARGET}1年。",
    f"如果美方落实共识，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"美方称，中方决定自2026年11月10日起，继续暂停{TARGET}1年。",
    f"中方暂不恢复执行{TARGET}，决定继续观察。",
])
def test_a_plan_a_condition_or_a_claim_still_holds_the_verb(answer: str) -> None:
    assert _acts(answer) == []


@pytest.mark.parametrize("answer", [
    "根据商务部公告2026年第70号，商务部公告2025年第21号相关措施自2026年11月10日起继续暂停1年。",
    "依据商务部公告2026年第70号，4月4日公告（商务部公告2025年第21号）相关措施自2026年11月10日起继续暂停1年。",
])
def test_the_notice_a_step_follows_is_no_target_of_it(answer: str) -> None:
    """"根据X，Y…继续暂停": X is the ground (a restatement's source), not a notice extended (an unresolved reference)."""
    assert _acts(answer) == [("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10")]
