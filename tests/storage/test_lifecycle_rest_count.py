"""A step on "the others" of a notice ("其余4家企业") acts on its entities less those its notice's other steps name, and its
count must be exactly those (session 27, parse27): one below them was held already (``lifecycle.counted``), one above
them was applied silently; now held too, a problem with an unresolved-reference item (a name misread, or not found on
the listing). One notice's steps of one day part its entities: each gets the one step that applies to it. A step on "the
others" whose notice's step of that day names an entity not found on the listing is held too (probe p14 of session 26):
applied, it would reach the one named."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import ListingState
from tests.storage.test_lifecycle_corpus import stored

STORY = Path(__file__).resolve().parents[1] / "data" / "stories27" / "same_day"
BASE = [(STORY / name).read_text(encoding="utf-8") for name in ("h1-order-2025-6.txt", "h2-order-2025-7.txt")]
ORDER_2026_5 = (STORY / "h3-order-2026-5-restore-one-extend-others.txt").read_text(encoding="utf-8")
# probe p2 of session 26: the named one continued, "the others" restored
P2 = ORDER_2026_5.split("商务部决定，")[0] + (
    "商务部决定，对韩华航运有限责任公司（Hanwha Shipping LLC）继续暂停实施《关于对韩华海洋株式会社美国相关子公司采取反制措施的决定》"
    "（商务部令2025年第6号）规定的反制措施1年；其余4家企业的反制措施按期恢复实施。\n\n本决定自2026年11月10日起施行。\n\n商务部\n2026年11月9日\n")
# probe p14 of session 26: the named one without its English, "the others of that decision" continued
P14 = ORDER_2026_5.split("商务部决定，")[0] + (
    "商务部决定，自2026年11月10日起，对商务部令2025年第6号所列韩华费城造船厂恢复实施反制措施，对该决定所列其他企业继续暂停实施反制措施1年。"
    "\n\n本决定自2026年11月10日起施行。\n\n商务部\n2026年11月9日\n")
KEY = "MOFCOM-ORDER-2025-6"


def _derived(text: str) -> tuple[dict[str, str], Counter[str], tuple[str, ...]]:
    known = []
    for page in (*BASE, text):
        rec = parse_text(page)
        assert rec is not None
        known.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
    d = derive(known, date(2026, 11, 20))
    states = {k: f"{r.state.value} {r.until or ''}".strip() for r in d.states if r.notice_key == KEY for k in r.entity_keys}
    items = Counter(e.entity_key for e in d.events if e.notice_key == KEY and e.entity_key and e.effective == date(2026, 11, 10))
    return states, items, d.problems


def test_the_others_restored_and_the_named_one_extended() -> None:
    states, items, problems = _derived(P2)
    assert states.pop("hanwhashipping") == "suspended 2027-11-10"
    assert set(states.values()) == {ListingState.IN_FORCE.value} and len(states) == 4
    assert set(items.values()) == {1} and len(items) == 5 and problems == ()


def test_a_count_of_the_others_below_or_above_those_left_is_held() -> None:
    for text, said in ((P2.replace("其余4家", "其余3家"), "其余3家"), (ORDER_2026_5.replace("其余4家", "其余5家"), "其余5家")):
        states, _, problems = _derived(text)
        assert len(problems) == 1 and said in problems[0] and "4 are left" in problems[0], problems
        assert "lapsed" in states.values()  # the others' step not applied: their lapse presumed, as before any step


def test_the_named_one_by_its_chinese_name_and_the_others_of_that_decision() -> None:
    states, items, problems = _derived(P14)
    assert states.pop("hanwhaphillyshipyard") == ListingState.IN_FORCE.value
    assert set(states.values()) == {"suspended 2027-11-10"} and len(states) == 4
    assert set(items.values()) == {1} and len(items) == 5 and problems == ()
    # a name found on no entity of the order: neither step is applied (the others cannot be told), both said
    states, items, problems = _derived(P14.replace("所列韩华费城造船厂", "所列韩华匹兹堡造船厂"))
    assert set(states.values()) == {"lapsed"} and len(problems) == 2 and "the others cannot be told" in problems[1]
