"""Two different notices changing one listing the same way on the same day are two items (mfa21, session 21).

Before the fix every state item's id was ``<listing key>/<event kind>/<list>/<day>`` whoever decided it, and the
engine kept the first item of an id: a second decision of that day (a lift of another measure of the same decree,
a lift of another person of it, a suspension by a second notice) published nothing. The first notice in the
engine's order keeps the id it has always had; the other's items whose id is taken get ``/by/<its key>``.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import EventKind
from storage.vocabulary import TAG_PREFIX
from tests.storage.test_lifecycle_corpus import stored

STORY = Path(__file__).resolve().parents[1] / "data" / "stories-mfa20" / "main"
ORDER13 = (STORY / "s01-mfa-order-2024-13.txt").read_text(encoding="utf-8")  # 2 companies, Adam Bry, Tom Moss
FREEZE = (STORY / "s04-mfa-order-2026-39-lift-freeze-one-person.txt").read_text(encoding="utf-8")  # Bry's freeze
BAN = FREEZE.replace("第39号", "第40号").replace("冻结财产措施。对其不予签发签证、不准入境等措施继续实施",
                                               "禁止交易、合作措施。对其不予签发签证、不准入境等措施继续实施")
MOSS = FREEZE.replace("第39号", "第40号").replace("亚当·布赖（Adam Bry）", "汤姆·莫斯（Tom Moss）")
SUSPEND = """关于暂停实施有关反制措施的决定
2026-11-25 09:00

（2026年11月25日中华人民共和国外交部令第{n}号公布，自2026年11月25日起施行）

依据《中华人民共和国反外国制裁法》第十五条规定，中方决定暂停实施2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）所列反制措施{term}。

本决定自2026年11月25日起施行。

外交部
2026年11月25日
"""
DAY = date(2026, 11, 29)
BASE = f"{TAG_PREFIX}MFA-ORDER-2024-13"


def _items(*texts: str) -> dict[str, tuple[EventKind, str, str | None]]:
    known = []
    for text in texts:
        rec = parse_text(text)
        assert rec is not None, text[:40]
        known.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
    d = derive(known, DAY)
    return {e.id: (e.kind, e.source_key, e.entity_key) for e in d.events
            if e.notice_key == "MFA-ORDER-2024-13" and e.kind is not EventKind.NOTICE}


def test_two_measure_lifts_of_one_decree_on_one_day_are_two_items() -> None:
    """Both decisions lift a measure of Adam Bry's listing on 2026-11-25: before the fix No. 40's items were lost."""
    got = _items(ORDER13, FREEZE, BAN)
    day = f"{BASE}/measure_lifted/countermeasure/2026-11-25"
    assert got[day] == (EventKind.MEASURE_LIFTED, "MFA-ORDER-2026-39", None)  # the id it always had
    assert got[f"{day}/adambry"] == (EventKind.MEASURE_LIFTED, "MFA-ORDER-2026-39", "adambry")
    assert got[f"{day}/by/MFA-ORDER-2026-40"] == (EventKind.MEASURE_LIFTED, "MFA-ORDER-2026-40", None)
    assert got[f"{day}/adambry/by/MFA-ORDER-2026-40"] == (EventKind.MEASURE_LIFTED, "MFA-ORDER-2026-40", "adambry")
    assert sum(1 for v in got.values() if v[0] is EventKind.MEASURE_LIFTED) == 4


def test_one_notice_alone_keeps_its_ids_and_order_of_reading_does_not_matter() -> None:
    alone = _items(ORDER13, FREEZE)
    assert {k for k, v in alone.items() if v[0] is EventKind.MEASURE_LIFTED} == {f"{BASE}/measure_lifted/countermeasure/2026-11-25",
                          f"{BASE}/measure_lifted/countermeasure/2026-11-25/adambry"}
    assert _items(BAN, ORDER13, FREEZE) == _items(ORDER13, FREEZE, BAN)


def test_two_people_lifted_by_two_notices_keep_their_entity_ids() -> None:
    """Bry by No. 39, Moss by No. 40: only the notice-scope id collided; each entity item keeps its plain id."""
    got = _items(ORDER13, FREEZE, MOSS)
    day = f"{BASE}/measure_lifted/countermeasure/2026-11-25"
    assert got[f"{day}/adambry"][1] == "MFA-ORDER-2026-39"
    assert got[f"{day}/tommoss"][1] == "MFA-ORDER-2026-40"
    assert got[f"{day}/by/MFA-ORDER-2026-40"][1:] == ("MFA-ORDER-2026-40", None)


def test_a_suspension_by_two_notices_on_one_day_is_two_items() -> None:
    got = _items(ORDER13, SUSPEND.format(n=38, term="1年"), SUSPEND.format(n=37, term="1年"))
    day = f"{BASE}/suspended/countermeasure/2026-11-25"
    scopes = {(v[1], k.startswith(f"{day}/by/")) for k, v in got.items() if v[0] is EventKind.SUSPENDED and v[2] is None}
    assert scopes == {("MFA-ORDER-2026-37", False), ("MFA-ORDER-2026-38", True)}
    # the notice item and the 4 entities' items, for each of the two notices
    assert sum(1 for v in got.values() if v[0] is EventKind.SUSPENDED and v[1] == "MFA-ORDER-2026-38") == 5
    assert sum(1 for v in got.values() if v[0] is EventKind.SUSPENDED and v[1] == "MFA-ORDER-2026-37") == 5


STORY27 = Path(__file__).resolve().parents[1] / "data" / "stories27" / "same_day"


def test_one_notices_steps_of_one_day_part_its_entities_in_any_order() -> None:
    """Order 2026 No. 5 restores one subsidiary of Order 2025 No. 6 and continues the suspension of the other 4 (parse26/05,
    session 27): each gets one item of 2026-11-10, the one that applies to it (before: the one restored got a "suspension
    extended" item too), and the notices given in any order give the same items and states."""
    pages = [(STORY27 / name).read_text(encoding="utf-8") for name in (
        "h1-order-2025-6.txt", "h2-order-2025-7.txt", "h3-order-2026-5-restore-one-extend-others.txt")]

    def derived(texts: list[str]) -> tuple[dict[str, tuple[EventKind, str | None]], tuple[tuple[str, ...], ...]]:
        known = []
        for text in texts:
            rec = parse_text(text)
            assert rec is not None
            known.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
        d = derive(known, DAY)
        return ({e.id: (e.kind, e.entity_key) for e in d.events},
                tuple(sorted((r.state.value, *r.entity_keys) for r in d.states)))

    items, states = derived(pages)
    assert derived(pages[::-1]) == (items, states)
    on_the_day = [v for k, v in items.items() if "/2026-11-10/" in k]
    assert sorted(v for v in on_the_day if v[1] == "hanwhaphillyshipyard") == [(EventKind.RESTORED, "hanwhaphillyshipyard")]
    assert sorted(ent for kind, ent in on_the_day if kind is EventKind.SUSPENSION_EXTENDED) == [
        "hanwhaoceanusainternational", "hanwhashipping", "hanwhashippingholdings", "hsusaholdings"]
