"""MOFCOM orders under the Anti-Foreign Sanctions Law and the watch list, event by event.

商务部令2025年第6号 (countermeasures on Hanwha Ocean's five US subsidiaries, not named in our copy)
is suspended by 商务部令2025年第7号 for one year from 2025-11-10, so it lapses on 2026-11-10. The
watch list (关注名单, first used by 商务部公告2026年第12号) has its own exit, 移出关注名单: a removal
names the entities, not the notice that listed them.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from storage.lifecycle import derive
from storage.records import ActionKind, ActionRecord, EventKind, ListingState, ListKind, NoticeKind, NoticeRecord
from storage.vocabulary import TAG_PREFIX
from tests.storage.test_lifecycle_corpus import by_key, ent, impose, stored

CM, WATCH, ECL = ListKind.COUNTERMEASURE, ListKind.WATCH, ListKind.ECL
ORDER6 = replace(impose("MOFCOM-ORDER-2025-6", "商务部令2025年第6号", CM, date(2025, 10, 14), (),
                        kind=NoticeKind.ORDER, title="关于对韩华海洋株式会社美国相关子公司采取反制措施的决定"),
                 stated_count=5)
ORDER7 = NoticeRecord(
    key="MOFCOM-ORDER-2025-7", kind=NoticeKind.ORDER, number="商务部令2025年第7号", issuer="商务部",
    title="关于暂停实施商务部令2025年第6号的决定", published=date(2025, 11, 10), effective="2025-11-10", list=CM,
    actions=(ActionRecord(ActionKind.SUSPEND, CM, targets=(by_key("MOFCOM-ORDER-2025-6", "商务部令2025年第6号", CM),),
                          effective="2025-11-10", until=date(2026, 11, 10), duration="1年",
                          text="自2025年11月10日起，暂停实施…（商务部令2025年第6号）相关措施1年"),),
)
# Entity names here are test data, not real listings.
A, B, C = (ent(f"Example Watch Entity {x}", country="JP") for x in "ABC")
NO11 = impose("MOFCOM-2026-11", "商务部公告2026年第11号", ECL, date(2026, 2, 24), (A, B))
NO12 = impose("MOFCOM-2026-12", "商务部公告2026年第12号", WATCH, date(2026, 2, 24), (A, B, C))


def removal(key: str, day: date, *entities) -> NoticeRecord:
    return NoticeRecord(
        key=key, kind=NoticeKind.ANNOUNCEMENT, number=f"商务部公告2026年第{key.rsplit('-', 1)[1]}号", issuer="商务部",
        title="关于将相关实体移出关注名单的公告", published=day, effective=day.isoformat(), list=WATCH,
        entities=tuple(entities), stated_count=len(entities),
        actions=(ActionRecord(ActionKind.REMOVE, WATCH, effective=day.isoformat(), entities=tuple(e.key for e in entities),
                              text="决定将上述实体移出关注名单"),),
    )


def notice_ids(d, key: str) -> list[str]:
    return sorted(e.id.removeprefix(f"{TAG_PREFIX}{key}/") for e in d.events
                  if e.notice_key == key and e.scope == "notice" and e.kind is not EventKind.NOTICE)


def test_order7_suspends_order6_for_a_year_then_it_lapses():
    d = derive([stored(ORDER6), stored(ORDER7)], date(2026, 11, 30))
    assert d.problems == ()
    assert notice_ids(d, "MOFCOM-ORDER-2025-6") == [
        "imposed/countermeasure/2025-10-14", "suspended/countermeasure/2025-11-10",
        "suspension_ends_soon/countermeasure/2026-10-12", "suspension_ends_soon/countermeasure/2026-11-04",
        "suspension_lapsed/countermeasure/2026-11-11"]  # "一年" from 2025-11-10: through 2026-11-10 (lapse43)
    (row,) = [r for r in d.states if r.notice_key == "MOFCOM-ORDER-2025-6"]
    assert (row.list, row.state, row.since, row.presumed, row.by) == (
        CM, ListingState.LAPSED, date(2026, 11, 11), True, "MOFCOM-ORDER-2025-7")
    lapse = next(e for e in d.events if e.kind is EventKind.SUSPENSION_LAPSED)
    assert lapse.presumed and lapse.entities == () and lapse.entity_key is None
    # the order names its five targets only by count: the titles say so instead of "the entities"
    assert "5 entities not named in the stored text on the MOFCOM countermeasure list" in lapse.title


def test_order6_is_suspended_the_day_before_the_lapse_and_in_force_before_order7():
    before = derive([stored(ORDER6), stored(ORDER7)], date(2026, 11, 10))  # its last day (lapse43)
    (row,) = [r for r in before.states if r.notice_key == "MOFCOM-ORDER-2025-6"]
    assert (row.state, row.until, row.days_left) == (ListingState.SUSPENDED, date(2026, 11, 10), 1)
    first = derive([stored(ORDER6), stored(ORDER7)], date(2025, 11, 9))
    (row,) = [r for r in first.states if r.notice_key == "MOFCOM-ORDER-2025-6"]
    assert (row.state, row.since) == (ListingState.IN_FORCE, date(2025, 10, 14))
    assert not [e for e in first.events if e.notice_key == "MOFCOM-ORDER-2025-7"]


def test_removal_from_the_watch_list_finds_the_listing_by_entity():
    out = removal("MOFCOM-2026-40", date(2026, 10, 20), A)
    d = derive([stored(NO11), stored(NO12), stored(out)], date(2026, 11, 30))
    assert d.problems == ()
    assert notice_ids(d, "MOFCOM-2026-12") == ["imposed/watch/2026-02-24", "removed/watch/2026-10-20"]
    entity_ids = sorted(e.id for e in d.events if e.kind is EventKind.REMOVED and e.scope == "entity")
    assert entity_ids == [f"{TAG_PREFIX}MOFCOM-2026-12/removed/watch/2026-10-20/{A.key}"]
    watch = {r.state: (r.entity_keys, r.since, r.by) for r in d.states if r.notice_key == "MOFCOM-2026-12"}
    assert watch == {ListingState.REMOVED: ((A.key,), date(2026, 10, 20), "MOFCOM-2026-40"),
                     ListingState.IN_FORCE: ((B.key, C.key), date(2026, 2, 24), "MOFCOM-2026-12")}
    # leaving the watch list changes nothing on the export control list
    (ecl,) = [r for r in d.states if r.notice_key == "MOFCOM-2026-11"]
    assert (ecl.state, ecl.entity_count) == (ListingState.IN_FORCE, 2)


def test_removal_of_an_entity_on_no_watch_listing_is_unresolved_never_dropped():
    stranger = ent("Example Entity Not Listed", country="JP")
    out = removal("MOFCOM-2026-41", date(2026, 10, 20), B, stranger)
    d = derive([stored(NO12), stored(out)], date(2026, 11, 30))
    assert d.problems == (f"MOFCOM-2026-41: its remove action names {stranger.key}, on no stored listing of the "
                          "watch list",)
    (unresolved,) = [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert (unresolved.notice_key, unresolved.list) == ("MOFCOM-2026-41", WATCH)
    removed = [r for r in d.states if r.state is ListingState.REMOVED]
    assert [(r.notice_key, r.entity_keys) for r in removed] == [("MOFCOM-2026-12", (B.key,))]


def test_orders_and_watch_list_give_the_same_events_in_any_order():
    notices = [stored(n) for n in (ORDER6, ORDER7, NO11, NO12, removal("MOFCOM-2026-40", date(2026, 10, 20), A))]
    first = derive(notices, date(2026, 11, 30))
    for seed in range(5):
        shuffled = notices[:]
        random.Random(seed).shuffle(shuffled)
        again = derive(shuffled, date(2026, 11, 30))
        assert again.events == first.events and again.states == first.states


def test_a_countermeasure_item_says_whose_list_and_counts_people_apart():
    """Both ministries keep a countermeasure list: "on the countermeasure list (MFA-ORDER-2024-13)" said whose only
    through the key's prefix, and "13 US entities" counted the decision's 10 people as entities (wording29)."""
    person = replace(ent("Adam Bry", "亚当·布赖"), type="individual")
    mfa = replace(impose("MFA-ORDER-2024-13", "外交部令第13号", CM, date(2024, 10, 10),
                         (ent("Skydio Inc.", "斯凯迪奥公司"), person, replace(ent("Tom Moss", "汤姆·莫斯"), type="individual")),
                         kind=NoticeKind.MFA_ORDER), issuer="外交部")
    d = derive([stored(mfa), stored(ORDER6), stored(ORDER7)], date(2026, 11, 30))
    titles = {(e.notice_key, e.entity_key): e.title for e in d.events if e.kind is EventKind.IMPOSED}
    assert titles["MFA-ORDER-2024-13", None] == (  # named (session 35), the rest counted as people
        "Imposed: Skydio Inc., Adam Bry and 1 more US individual on the MFA countermeasure list (MFA-ORDER-2024-13) "
        "from 2024-10-10")
    summaries = {e.notice_key: e.summary for e in d.events if e.kind is EventKind.IMPOSED and e.entity_key is None}
    assert summaries["MFA-ORDER-2024-13"].startswith(
        "The measures of this listing apply for 1 US entity and 2 US individuals on the MFA countermeasure list")
    assert titles["MFA-ORDER-2024-13", person.key] == (
        "Imposed: Adam Bry (亚当·布赖) on the MFA countermeasure list (MFA-ORDER-2024-13) from 2024-10-10")
    assert "on the MOFCOM countermeasure list (MOFCOM-ORDER-2025-6)" in titles["MOFCOM-ORDER-2025-6", None]
    # the notices feed's items too (reader35: "Notice MFA-ORDER-2024-13 (外交部令第13号): lists … on the countermeasure list")
    said = {e.notice_key: e.title for e in d.events if e.kind is EventKind.NOTICE}
    assert said["MFA-ORDER-2024-13"].endswith("on the MFA countermeasure list"), said
    # ... naming the first two as the list feeds' titles do (reader35 B: "lists 1 US entity and 2 US individuals")
    assert said["MFA-ORDER-2024-13"] == ("Notice MFA-ORDER-2024-13 (外交部令第13号): lists Skydio Inc., Adam Bry and 1 more "
                                         "US individual on the MFA countermeasure list")
    notice = next(e for e in d.events if e.kind is EventKind.NOTICE and e.notice_key == "MFA-ORDER-2024-13")
    assert ": lists 1 US entity and 2 US individuals on the MFA countermeasure list" in notice.summary
    assert said["MOFCOM-ORDER-2025-6"].endswith("on the MOFCOM countermeasure list"), said
    # the other lists are MOFCOM's alone: no ministry in their titles
    d = derive([stored(NO11)], date(2026, 11, 30))
    assert {e.summary.split(" from ")[0] for e in d.events if e.kind is EventKind.IMPOSED and e.entity_key is None} == {
        "The measures of this listing apply for 2 Japanese entities on the export control list (MOFCOM-2026-11)"}


def test_an_entity_named_without_its_country_by_a_later_notice_keeps_the_country_its_listing_gave():
    """Story29 S3: "商务部公告2026年第30号所列贝塔微系统公司（…）…转入出口管制管控名单" does not repeat that Beta is American;
    its ECL item read "Imposed: 1 entity" while the watch-list items said "US entity". A key given two countries by the
    notices keeps none (nothing is guessed)."""
    beta, gamma = ent("Example Beta Corp."), ent("Example Gamma LLC")
    wl = impose("MOFCOM-2026-30", "商务部公告2026年第30号", WATCH, date(2026, 3, 5), (beta, gamma))
    moved = replace(impose("MOFCOM-2026-60", "商务部公告2026年第60号", ECL, date(2026, 7, 15), (replace(beta, country=None),)),
                    actions=(ActionRecord(ActionKind.REMOVE, WATCH, effective="2026-07-15", entities=(beta.key,)),
                             ActionRecord(ActionKind.IMPOSE, ECL, effective="2026-07-15")))
    d = derive([stored(wl), stored(moved)], date(2026, 12, 3))
    assert d.problems == ()
    said = {e.summary.split(". ")[0] for e in d.events if e.notice_key == "MOFCOM-2026-60" and e.scope == "notice"}
    assert "The measures of this listing apply for 1 US entity on the export control list (MOFCOM-2026-60) from 2026-07-15" in said
    elsewhere = impose("MOFCOM-2026-31", "商务部公告2026年第31号", WATCH, date(2026, 3, 6), (replace(beta, country="JP"),))
    d = derive([stored(wl), stored(elsewhere), stored(moved)], date(2026, 12, 3))
    said = {e.summary.split(". ")[0] for e in d.events if e.notice_key == "MOFCOM-2026-60" and e.scope == "notice"}
    assert "The measures of this listing apply for 1 entity on the export control list (MOFCOM-2026-60) from 2026-07-15" in said
