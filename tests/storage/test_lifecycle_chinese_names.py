"""A Q&A that lifts the measures on entities it names by Chinese short name only.

"停止执行4月4日公告（商务部公告2025年第21号）对内华达山脉公司、立方公司等2家实体采取的相关措施" names No. 21's
entities as "内华达山脉" and "立方", while No. 21 keys them by their English names ("sierranevada"). Before, the
engine reported the names as not on No. 21 and skipped the lift: the two entities stayed "in force" (a missed
item, loud). Now each name is matched to the target notice's own Chinese names (generic suffixes ignored), only
on a unique exact match, and only when the count stated ("等2家") is no fewer than the names resolved; else nothing acts,
loudly (found in session 18 by parse18, case 08; session 19 story T09). A count above the names, every one found, acts
on those named and the others are a problem (session 32)."""

from __future__ import annotations

from datetime import date

import pytest

from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from tests.storage.test_lifecycle_removals import notices

LISTING = """商务部公告2025年第21号 公布将3家美国实体列入出口管制管控名单
【发布文号】商务部公告2025年第21号
【发文日期】2025年04月04日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将内华达山脉公司等3家美国实体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止向上述3家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。
本公告自公布之日起正式实施。

附件
出口管制管控名单
1. 内华达山脉公司（Sierra Nevada Corporation）
2. 立方公司（Cubic Corporation）
3. {third}（{third_en}）
"""
QA = """来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-27 18:00

商务部新闻发言人就调整出口管制管控名单措施答记者问
问：请问中方是否会调整相关措施？
答：中方决定，自2026年12月1日起，停止执行4月4日公告（商务部公告2025年第21号）对{names}采取的相关措施。
"""
DAY = date(2026, 12, 2)


def derived(names: str, third: str = "盾牌人工智能公司", third_en: str = "Shield AI Inc."):
    return derive(notices(LISTING.format(third=third, third_en=third_en), QA.format(names=names)), DAY)


def states(d):
    return {k: (r.state, r.since) for r in d.states if r.notice_key == "MOFCOM-2025-21" for k in r.entity_keys}


def test_names_by_chinese_short_name_are_lifted_and_the_third_entity_stays():
    d = derived("内华达山脉公司、立方公司等2家实体")
    assert states(d) == {"sierranevada": (ListingState.LIFTED, date(2026, 12, 1)),
                         "cubic": (ListingState.LIFTED, date(2026, 12, 1)),
                         "shieldai": (ListingState.IN_FORCE, date(2025, 4, 4))}
    assert not d.problems, d.problems
    ids = {e.id.split(",2025:")[1] for e in d.events if e.kind is EventKind.LIFTED}
    assert ids == {"MOFCOM-2025-21/lifted/ecl/2026-12-01", "MOFCOM-2025-21/lifted/ecl/2026-12-01/sierranevada",
                   "MOFCOM-2025-21/lifted/ecl/2026-12-01/cubic"}


def test_a_count_below_the_names_acts_on_none():
    d = derived("内华达山脉公司、立方公司等1家实体")
    assert {s for s, _ in states(d).values()} == {ListingState.IN_FORCE}
    assert [p for p in d.problems if "QA-2026-11-27" in p and "says 1 entities" in p], d.problems
    assert [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]


def test_a_count_above_the_names_acts_on_those_named_and_says_so():
    """Session 32 (decided by the lead: a step on named entities is never lost): the two named are lifted, the third,
    counted and not named, is a problem (was: none lifted, an unresolved reference)."""
    d = derived("内华达山脉公司、立方公司等3家实体")
    assert {k: s for k, (s, _) in states(d).items()} == {
        "sierranevada": ListingState.LIFTED, "cubic": ListingState.LIFTED, "shieldai": ListingState.IN_FORCE}
    assert [p for p in d.problems if "QA-2026-11-27" in p and "names 2 of the 3 entities" in p], d.problems


def test_a_name_matching_no_entity_leaves_the_others_too():
    d = derived("内华达山脉公司、立方防务公司等2家实体")
    assert {s for s, _ in states(d).values()} == {ListingState.IN_FORCE}
    assert [p for p in d.problems if "立方防务" in p], d.problems


def test_a_name_matching_two_entities_picks_none():
    # "立方集团" and "立方公司" are both "立方" once the generic suffix is off: no guess
    d = derived("内华达山脉公司、立方公司等2家实体", third="立方集团", third_en="Cubic Group Holdings")
    assert {s for s, _ in states(d).values()} == {ListingState.IN_FORCE}
    assert [p for p in d.problems if "matches 2 entities" in p], d.problems


def test_an_unreadable_count_acts_on_none_and_never_stops_the_engine():
    # "等十十家": a typo chinese_to_int refuses; before, the ValueError stopped derive (no feeds, no status)
    d = derived("内华达山脉公司、立方公司等十十家实体")
    assert {s for s, _ in states(d).values()} == {ListingState.IN_FORCE}
    assert [p for p in d.problems if "unreadable count" in p], d.problems


@pytest.mark.parametrize("names", ["内华达山脉公司、立方公司", "内华达山脉公司、立方公司等2家实体", "内华达山脉联盟、立方公司"])
def test_names_before_the_verb_limit_the_step_to_them(names: str) -> None:
    """Story28: "对内华达山脉公司、立方公司恢复实施4月4日公告（…第21号）相关措施" (short names before the verb, no English) was read as
    a step on the whole notice: the third entity falsely lifted here ("restored" in the story, all 16 of No. 21), no
    problem. With "等2家实体" the engine's count held it (loud). Now the step is limited to the names."""
    qa = QA.replace("停止执行4月4日公告（商务部公告2025年第21号）对{names}采取的相关措施",
                    "对{names}停止执行4月4日公告（商务部公告2025年第21号）相关措施")
    listing = LISTING.replace("内华达山脉公司（", "内华达山脉联盟（") if "联盟" in names else LISTING
    d = derive(notices(listing.format(third="盾牌人工智能公司", third_en="Shield AI Inc."), qa.format(names=names)), DAY)
    assert states(d) == {"sierranevada": (ListingState.LIFTED, date(2026, 12, 1)),
                         "cubic": (ListingState.LIFTED, date(2026, 12, 1)),
                         "shieldai": (ListingState.IN_FORCE, date(2025, 4, 4))}
    assert not d.problems, d.problems


@pytest.mark.parametrize("obj", ["上述公司", "相关公司", "其余2家公司"])
def test_a_pointer_before_the_verb_is_no_short_name(obj: str) -> None:
    from scraper.parse import parse_text

    rec = parse_text(QA.format(names="X").replace("停止执行4月4日公告（商务部公告2025年第21号）对X采取的相关措施",
                                                  f"对{obj}停止执行4月4日公告（商务部公告2025年第21号）相关措施"))
    assert rec is not None and [a.entities for a in rec.actions] == [()]
