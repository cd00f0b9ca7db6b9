"""A notice correcting another's text is said to be unapplied, never dropped silently.

Found by session 18's lifecycle stories (engine18, S13): "关于更正商务部公告2024年第89号附件有关内容的公告" changes a
name in No. 89's annex; the parser reads no action from it (tests/data/corpus/audit16/39 pins the same), and the
engine then said nothing: the corrected name was on no list and the store looked clean (status exit 0)."""

from __future__ import annotations

from datetime import date

from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from tests.storage.test_lifecycle_removals import notices

LISTING = """商务部公告2024年第89号 关于将2家美国实体列入出口管制管控名单的公告
【发布文号】商务部公告2024年第89号
【发文日期】2024年09月09日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将陶光电公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止向上述2家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。
本公告自公布之日起正式实施。

附件
出口管制管控名单
1. 陶光电公司（Tau Photonics Inc.）
2. 乌普西隆能源公司（Upsilon Energy LLC）
"""
CORRECTION = """商务部公告2024年第93号 关于更正商务部公告2024年第89号附件有关内容的公告
【发布文号】商务部公告2024年第93号
【发文日期】2024年10月21日

经核实，商务部公告2024年第89号附件《出口管制管控名单》第2项“乌普西隆能源公司（Upsilon Energy LLC）”有误，现更正为“乌普西隆动力公司（Upsilon Power LLC）”。其他内容不变。

本公告自公布之日起正式实施。
"""


def test_a_correction_notice_is_reported_as_not_applied():
    d = derive(notices(LISTING, CORRECTION), date(2024, 11, 1))
    assert [p for p in d.problems if p.startswith("MOFCOM-2024-93: corrects MOFCOM-2024-89")], d.problems
    items = [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert [e.id.split(",2025:")[1] for e in items] == [
        "MOFCOM-2024-93/unresolved_reference/ecl/2024-10-21/correction-MOFCOM-2024-89"]
    # the listing itself is left as it was: in force since 2024-09-09
    assert {(r.notice_key, r.state, r.since) for r in d.states} == {
        ("MOFCOM-2024-89", ListingState.IN_FORCE, date(2024, 9, 9))}
    before = derive(notices(LISTING, CORRECTION), date(2024, 10, 20))  # not known yet: nothing to say
    assert not [e for e in before.events if e.kind is EventKind.UNRESOLVED_REFERENCE] and not before.problems
