"""A notice published before it takes effect: the status rows say what is announced (pure); one withdrawn, or its
entity removed, before its day never takes effect and is said withdrawn (stories21 V05, stories22 W09).

商务部公告2025年第22号 was published on 2025-04-09 and is in force from 2025-04-10 12:01. The rows as of
2025-04-09 left its 12 entities out: a compliance officer checking one of them that day was told nothing,
although the listing was public. The 2025-11-05 Q&As lift No. 13 and extend No. 21's suspension from
2025-11-10: the rows of 11-05 to 11-09 showed the state then in effect and nothing of the change to come.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from scraper.parse import parse_text
from scraper.parse.document import parse_document
from storage.lifecycle import derive
from storage.records import ActionKind, EventKind, ListingState, StatusRow, StoredNotice
from storage.vocabulary import row_label
from tests.mofcom_watch.stories import REPO
from tests.storage.test_lifecycle_corpus import (
    CST,
    NO21,
    NO22,
    UEL,
    UEL7,
    act,
    by_key,
    corpus,
    parsed_pages,
    qa,
    rows_with_next,
    stored,
    stories21_pages,
)

NEXT_KEYS = {"next_state", "next_from", "next_until", "next_by"}
NO22_PAGE = (Path(__file__).resolve().parents[2]
             / "fixtures/www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html")


def row(derivation, key: str) -> StatusRow:
    (found,) = [r for r in derivation.states if r.notice_key == key]
    return found


def test_a_listing_published_the_day_before_it_takes_effect_is_announced() -> None:
    notices = [stored(NO21), stored(NO22)]
    assert [r.notice_key for r in derive(notices, date(2025, 4, 8)).states] == ["MOFCOM-2025-21"]  # not yet public

    announced = row(derive(notices, date(2025, 4, 9)), "MOFCOM-2025-22")
    assert (announced.state, announced.since, announced.by, announced.entity_count) == (
        ListingState.ANNOUNCED, date(2025, 4, 9), "MOFCOM-2025-22", 12)
    assert (announced.next_state, announced.next_from, announced.next_until, announced.next_by) == (
        ListingState.IN_FORCE, date(2025, 4, 10), None, "MOFCOM-2025-22")
    assert (announced.until, announced.days_left) == (None, None)
    assert "insitu" in announced.entity_keys
    assert row_label(announced) == "announced: in force from 2025-04-10"
    data = announced.to_json()
    assert (data["state"], data["next_state"], data["next_from"], data["next_by"]) == (
        "announced", "in_force", "2025-04-10", "MOFCOM-2025-22")
    assert "next_until" not in data  # None: omitted
    assert StatusRow.from_json(data) == announced

    in_force = row(derive(notices, date(2025, 4, 10)), "MOFCOM-2025-22")
    assert (in_force.state, in_force.since, in_force.next_state) == (ListingState.IN_FORCE, date(2025, 4, 10), None)
    assert row_label(in_force) == "in force"
    assert not NEXT_KEYS & set(in_force.to_json())


def test_the_real_page_of_no22_read_the_day_it_was_published() -> None:
    """The saved page (bytes in), parsed, then derived as of its publication day."""
    record = parse_document(NO22_PAGE.read_bytes(), url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/"
                            "art_c6b190344a154e6f831e0fdfc190e41e.html").notice
    assert record is not None and record.published == date(2025, 4, 9)
    announced = row(derive([stored(record)], date(2025, 4, 9)), "MOFCOM-2025-22")
    assert (announced.state, announced.next_state, announced.next_from, announced.entity_count) == (
        ListingState.ANNOUNCED, ListingState.IN_FORCE, date(2025, 4, 10), 12)


def test_a_lift_and_an_extension_announced_show_beside_the_state_in_effect() -> None:
    mid = derive(corpus(), date(2025, 11, 7))
    no13 = row(mid, "MOFCOM-2025-13")
    assert (no13.state, no13.since, no13.by) == (ListingState.IN_FORCE, date(2025, 3, 4), "MOFCOM-2025-13")
    assert (no13.next_state, no13.next_from, no13.next_until, no13.next_by) == (
        ListingState.LIFTED, date(2025, 11, 10), None, "QA-2025-11-05-ecl00001")
    assert row_label(no13) == "in force; announced: lifted from 2025-11-10"

    no21 = row(mid, "MOFCOM-2025-21")
    assert (no21.state, no21.until, no21.days_left) == (ListingState.SUSPENDED, date(2025, 11, 10), 4)  # to the lapse, 11-11
    assert (no21.next_state, no21.next_from, no21.next_until) == (
        ListingState.SUSPENDED, date(2025, 11, 10), date(2026, 11, 10))
    assert row_label(no21) == "suspended; announced: suspended from 2025-11-10 until 2026-11-10 inclusive"

    for key in ("UEL-2025-5", "UEL-2025-6"):
        assert row(mid, key).next_state is ListingState.LIFTED
    assert row(mid, "UEL-2025-7").next_until == date(2026, 11, 10)

    done = derive(corpus(), date(2025, 11, 10))  # in effect: nothing announced is left
    assert row(done, "MOFCOM-2025-13").state is ListingState.LIFTED
    assert all(r.next_state is None and not NEXT_KEYS & set(r.to_json()) for r in done.states)


def test_a_change_announced_for_some_entities_splits_the_row() -> None:
    skydio_only = qa("QA-2025-06-01-part0001", datetime(2025, 6, 1, 10, 0, tzinfo=CST), "答记者问", (
        act(ActionKind.LIFT, UEL, by_key("UEL-2025-7"), effective="2025-06-05", entities=("skydio",)),), UEL)
    d = derive([stored(UEL7), stored(skydio_only)], date(2025, 6, 2))
    rows = sorted(((r.state, r.entity_count, r.next_state) for r in d.states), key=lambda x: x[1])
    assert rows == [(ListingState.IN_FORCE, 1, ListingState.LIFTED), (ListingState.IN_FORCE, 10, None)]
    (coming,) = [r for r in d.states if r.next_state]
    assert coming.entity_keys == ("skydio",) and coming.next_from == date(2025, 6, 5)


def test_only_the_next_change_is_the_rows_and_every_one_is_in_the_history() -> None:
    """A suspension from 06-05 and a lift from 06-20, both published 06-01: the row names the first."""
    both = qa("QA-2025-06-01-both0001", datetime(2025, 6, 1, 10, 0, tzinfo=CST), "答记者问", (
        act(ActionKind.SUSPEND, UEL, by_key("UEL-2025-7"), effective="2025-06-05", until=date(2025, 9, 3)),
        act(ActionKind.LIFT, UEL, by_key("UEL-2025-7"), effective="2025-06-20"),), UEL)
    r = row(derive([stored(UEL7), stored(both)], date(2025, 6, 2)), "UEL-2025-7")
    assert (r.state, r.next_state, r.next_from, r.next_until) == (
        ListingState.IN_FORCE, ListingState.SUSPENDED, date(2025, 6, 5), date(2025, 9, 3))
    assert r.history[-2:] == ("2025-06-05 suspended until 2025-09-03 inclusive (QA-2025-06-01-both0001, announced 2025-06-01)",
                              "2025-06-20 lifted (QA-2025-06-01-both0001, announced 2025-06-01)")


def test_rows_with_nothing_announced_serialise_as_before() -> None:
    """The golden day: every change is in effect, so no row has a next_* key (JSON consumers see what they saw)."""
    for r in derive(corpus(), date(2026, 11, 29)).states:
        assert r.state is not ListingState.ANNOUNCED and not NEXT_KEYS & set(r.to_json())


def test_a_listing_withdrawn_before_its_day_never_takes_effect() -> None:
    notices = stories21_pages("v05-mofcom-2027-24.txt", "v05-mofcom-2027-25-withdrawal.txt")
    eris, lifted = ("eristechnologies",), ("lifted", date(2027, 6, 21), None)
    assert rows_with_next(notices, date(2027, 6, 1), "MOFCOM-2027-24") == {eris: ("announced", date(2027, 6, 1), "in_force")}
    for day in (date(2027, 6, 21), date(2027, 7, 1), date(2027, 12, 31)):
        assert rows_with_next(notices, day, "MOFCOM-2027-24") == {eris: lifted}, day
    kinds = {e.kind for e in derive(notices, date(2027, 12, 31)).events if e.notice_key == "MOFCOM-2027-24"}
    assert EventKind.IMPOSED not in kinds and EventKind.LIFTED in kinds, kinds


REMOVAL_BY_NAME = """商务部公告2027年第27号 关于将1家美国实体移出出口管制管控名单的公告
【发布单位】安全与管制局
【发布文号】商务部公告2027年第27号
【发文日期】2027年6月21日

根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，经审查，商务部决定将阋神星科技公司（Eris Technologies Inc.）从出口管制管控名单中移出。

本公告自公布之日起正式实施。

商务部
2027年6月21日
"""


def test_a_removal_by_name_before_an_announced_listing_takes_effect_withdraws_it() -> None:
    """The same listing removed by name (no notice named) before its day: it reached no listing "in force by its
    day", so it was an unresolved reference and the listing came into force on 07-01 all the same (loud, but
    wrong); it is the announced listing it removes."""
    rec = parse_text(REMOVAL_BY_NAME)
    assert rec is not None
    notices = [*stories21_pages("v05-mofcom-2027-24.txt"), stored(rec, fetched=datetime(2027, 6, 21, tzinfo=timezone.utc))]
    for day in (date(2027, 6, 21), date(2027, 7, 1)):
        got = derive(notices, day)
        assert rows_with_next(notices, day, "MOFCOM-2027-24") == {("eristechnologies",): ("removed", date(2027, 6, 21), None)}
        assert got.problems == () and not [e for e in got.events if e.kind is EventKind.UNRESOLVED_REFERENCE]


STORIES22 = REPO / "tests" / "data" / "stories22" / "main"


def stories22_pages(*names: str) -> list[StoredNotice]:
    return parsed_pages(STORIES22, *names)


def test_a_listing_withdrawn_before_its_day_is_said_withdrawn() -> None:
    notices = stories22_pages("w09-mofcom-2027-40.txt", "w09-mofcom-2027-41-withdrawal.txt")
    events = [e for e in derive(notices, date(2027, 12, 31)).events if e.notice_key == "MOFCOM-2027-40"]
    lifted = [e for e in events if e.kind is EventKind.LIFTED]
    assert sorted(e.id.split(",2025:")[1] for e in lifted) == [  # the notice's item and the entity's, ids as before
        "MOFCOM-2027-40/lifted/ecl/2027-09-20", "MOFCOM-2027-40/lifted/ecl/2027-09-20/phobosphotonics"]
    for e in lifted:
        assert e.title.startswith("Withdrawn before it took effect: ") and "2027-10-01" in e.title, e.title
        assert "never took effect" in e.summary, e.summary


def test_a_lift_after_the_listing_took_effect_is_a_lift() -> None:
    notices = stories22_pages("w10-mofcom-2027-42.txt", "w10-qa-2027-03-29-ecl-stop.txt")
    (lifted,) = [e for e in derive(notices, date(2027, 12, 31)).events
                 if e.kind is EventKind.LIFTED and e.entity_key is None]
    assert lifted.title.startswith("Lifted: "), lifted.title

