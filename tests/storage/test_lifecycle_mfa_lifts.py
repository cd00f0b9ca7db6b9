"""A lift naming some of an order's targets after a long dated title, derived (session 17 audit, mfa17).

Before: "停止实施2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）中对斯凯迪奥公司（Skydio
Inc.）、边缘自治运营公司（Edge Autonomy Operations LLC）等2家企业采取的反制措施" read no name (the quoted title put the 对
beyond the decision's reach), so the action lifted Order No. 13 for all its 13 targets: 11 false items. Order No. 13 is the
official page in fixtures/; the lift is written for this test in the MFA's wording (illustrative: no MFA decision found in
public sources lifts an earlier one)."""

from __future__ import annotations

from datetime import date

from scraper.parse import parse_text
from storage.records import EventKind, ListingState, NoticeRecord
from tests.storage.test_lifecycle_yearless_orders import IN_FORCE_13, derived, lift

LIFT = """关于停止实施部分反制措施的决定
2026-01-09 15:00

（2026年1月9日中华人民共和国外交部令第20号公布，自2026年1月9日起施行）

依据《中华人民共和国反外国制裁法》第十五条规定，中方决定自2026年1月9日起，停止实施2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）中对斯凯迪奥公司（Skydio Inc.）、边缘自治运营公司（Edge Autonomy Operations LLC）等2家企业采取的反制措施。

本决定自2026年1月9日起施行。

外交部
2026年1月9日
"""


def test_the_lift_covers_the_companies_it_names_alone() -> None:
    rec = parse_text(LIFT)
    assert rec is not None and rec.warnings == ()
    d = derived(rec)
    assert d.problems == ()
    lifted = ("skydio", "edgeautonomyoperations")
    assert sorted((r.state, r.by, r.entity_keys) for r in d.states if r.notice_key == "MFA-ORDER-2024-13") == [
        (ListingState.IN_FORCE, "MFA-ORDER-2024-13", tuple(k for k in IN_FORCE_13[4] if k not in lifted)),
        (ListingState.LIFTED, "MFA-ORDER-2026-20", ("edgeautonomyoperations", "skydio"))]


ONE = "中方决定自{cn}起，停止实施外交部令第13号对汤姆·莫斯（Tom Moss）采取的反制措施。"
BOTH = "中方决定自{cn}起，停止实施外交部令第13号对亚当·布赖（Adam Bry）、汤姆·莫斯（Tom Moss）等2名高级管理人员采取的反制措施。"


def _announced(decision: str, day: date, n: int, effective: date) -> NoticeRecord:
    """A lift published on ``day`` taking effect on ``effective`` (as :func:`lift`, its 施行 day later than its own)."""
    cn, eff = (f"{d.year}年{d.month}月{d.day}日" for d in (day, effective))
    rec = parse_text(f"关于停止实施部分反制措施的决定\n{day:%Y-%m-%d} 10:00\n\n（{cn}中华人民共和国外交部令第{n}号公布，自{eff}起施行）\n\n"
                     f"{decision.format(cn=eff)}\n\n本决定自{eff}起施行。\n\n外交部\n{cn}\n")
    assert rec is not None and rec.warnings == () and rec.actions[0].effective == effective.isoformat(), rec
    return rec


def test_a_person_lifted_twice_stays_lifted_since_the_first_lift() -> None:
    """mfa44's B (session 45): a decree lifting Tom Moss, then one lifting him and Adam Bry by name. One "Lifted" item
    for him, citing both decrees; his row "lifted since" the first; a note. Adam Bry lifted by the second."""
    d = derived(lift(ONE, date(2026, 3, 2), 21), lift(BOTH, date(2026, 6, 15), 22))
    assert d.problems == ()
    rows = {(r.state, r.since, r.by): r for r in d.states if r.notice_key == "MFA-ORDER-2024-13"}
    assert rows[(ListingState.LIFTED, date(2026, 3, 2), "MFA-ORDER-2026-21")].entity_keys == ("tommoss",)
    assert rows[(ListingState.LIFTED, date(2026, 6, 15), "MFA-ORDER-2026-22")].entity_keys == ("adambry",)
    lifted = [e for e in d.events if e.kind is EventKind.LIFTED and e.entity_key == "tommoss"]
    assert [(e.effective, e.source_key, [p.notice_key for p in e.provenance]) for e in lifted] == [
        (date(2026, 3, 2), "MFA-ORDER-2026-21", ["MFA-ORDER-2026-21", "MFA-ORDER-2024-13", "MFA-ORDER-2026-22"])]
    assert d.notes == ("MFA-ORDER-2026-22: lifts tommoss on MFA-ORDER-2024-13 from 2026-06-15, lifted since 2026-03-02 "
                       "by MFA-ORDER-2026-21: it stays so since then (no second item; that item cites "
                       "MFA-ORDER-2026-22 too)",)


def test_two_lifts_told_before_their_days_say_the_same_on_every_day() -> None:
    """Both lifts published before they take effect: the second gives Tom Moss no item on any day, before or after
    either takes effect (an item of the days before, gone once the first applied, would be retracted)."""
    first = _announced(ONE, date(2026, 2, 20), 21, date(2026, 3, 2))
    second = _announced(BOTH, date(2026, 2, 25), 22, date(2026, 3, 10))
    days = [date(2026, 2, 26), date(2026, 3, 5), date(2026, 3, 12)]
    seen = [{e.id for e in derived(first, second, as_of=day).events} for day in days]
    assert seen[0] <= seen[1] <= seen[2]
    moss = sorted(i for i in seen[2] if "/lifted/" in i and i.endswith("/tommoss"))
    assert moss == ["tag:mofcom-watch,2025:MFA-ORDER-2024-13/lifted/countermeasure/2026-03-02/tommoss"], moss


def test_a_person_restored_between_two_lifts_is_lifted_again() -> None:
    """The first lift stands only while nothing brings the person back: lifted (No. 21), restored by name (No. 22),
    lifted again (No. 23) is three steps, three items, the row lifted since the last; no note."""
    restore = "中方决定自{cn}起，恢复实施外交部令第13号对汤姆·莫斯（Tom Moss）采取的反制措施。"
    d = derived(lift(ONE, date(2026, 3, 2), 21), lift(restore, date(2026, 4, 2), 22), lift(ONE, date(2026, 5, 2), 23))
    assert d.problems == () and d.notes == ()
    moss = sorted((e.effective, e.kind, e.source_key) for e in d.events if e.entity_key == "tommoss")
    assert moss[1:] == [(date(2026, 3, 2), EventKind.LIFTED, "MFA-ORDER-2026-21"),
                        (date(2026, 4, 2), EventKind.RESTORED, "MFA-ORDER-2026-22"),
                        (date(2026, 5, 2), EventKind.LIFTED, "MFA-ORDER-2026-23")], moss
    assert [(r.state, r.since, r.by) for r in d.states if "tommoss" in r.entity_keys] == [
        (ListingState.LIFTED, date(2026, 5, 2), "MFA-ORDER-2026-23")]
