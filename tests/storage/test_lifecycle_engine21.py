"""Faults found by session 21's blind lifecycle stories (engine21; tests/data/stories21, test_stories_early_ends.py), each
a derivation of a few story pages (parsed, then ``derive``: no store, no process).

- One notice removes a company from the ECL (移出, naming the company; No. 164's measures on it stopped) and another
  lists it again on the same day: the removal reached the new listing too ("removed" from the day it was listed,
  a false 'removed' item and no 'imposed' one).
- A listing announced to take effect on a later day (自2027年7月1日起正式实施) withdrawn (废止) before that day came
  into force on it all the same, and was shown "announced: in force from 07-01" after the withdrawal.
- A suspension naming, among others, a notice stopped before it: read right (not applied to it), but said as a
  problem that made ``feeds`` and ``replay`` exit 1 for as long as the Q&A stood; now a note, failing nothing."""

from __future__ import annotations

from datetime import date, datetime, timezone

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import EventKind, StoredNotice
from tests.mofcom_watch.stories import REPO
from tests.storage.test_lifecycle_corpus import parsed_pages, stored

PAGES = REPO / "tests" / "data" / "stories21" / "main"


def pages(*names: str) -> list[StoredNotice]:
    return parsed_pages(PAGES, *names)


def rows(notices: list[StoredNotice], day: date, key: str) -> dict[tuple[str, ...], tuple[object, ...]]:
    return {r.entity_keys: (r.state.value, r.since, r.next_state.value if r.next_state else None)
            for r in derive(notices, day).states if r.notice_key == key}


def test_a_removal_does_not_reach_a_listing_of_its_own_day() -> None:
    notices = pages("v02-mofcom-2026-164.txt", "v02-mofcom-2027-21-removal.txt", "v02-mofcom-2027-22.txt")
    day = date(2027, 3, 15)
    assert rows(notices, day, "MOFCOM-2027-22") == {("titanmaterials", "iapetuselectronics"): ("in_force", day, None)}
    assert rows(notices, day, "MOFCOM-2026-164") == {("titanmaterials",): ("removed", day, None),
                                                     ("enceladusoptics",): ("in_force", date(2026, 6, 8), None)}
    events = {e.id for e in derive(notices, day).events if "MOFCOM-2027-22/" in e.id}
    assert not [i for i in events if "/removed/" in i], events
    assert [i for i in events if i.endswith("MOFCOM-2027-22/imposed/ecl/2027-03-15/titanmaterials")], events


def test_a_listing_withdrawn_before_its_day_never_takes_effect() -> None:
    notices = pages("v05-mofcom-2027-24.txt", "v05-mofcom-2027-25-withdrawal.txt")
    eris, lifted = ("eristechnologies",), ("lifted", date(2027, 6, 21), None)
    assert rows(notices, date(2027, 6, 1), "MOFCOM-2027-24") == {eris: ("announced", date(2027, 6, 1), "in_force")}
    for day in (date(2027, 6, 21), date(2027, 7, 1), date(2027, 12, 31)):
        assert rows(notices, day, "MOFCOM-2027-24") == {eris: lifted}, day
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
    notices = [*pages("v05-mofcom-2027-24.txt"), stored(rec, fetched=datetime(2027, 6, 21, tzinfo=timezone.utc))]
    for day in (date(2027, 6, 21), date(2027, 7, 1)):
        got = derive(notices, day)
        assert rows(notices, day, "MOFCOM-2027-24") == {("eristechnologies",): ("removed", date(2027, 6, 21), None)}
        assert got.problems == () and not [e for e in got.events if e.kind is EventKind.UNRESOLVED_REFERENCE]


def test_a_stopped_notice_named_in_a_suspension_is_a_note_not_a_problem() -> None:
    notices = pages("v09-mofcom-2026-171.txt", "v09-mofcom-2026-172.txt", "v09-mofcom-2026-173.txt",
                    "v09-qa-2026-10-12-ecl-stop.txt", "v09-qa-2027-01-11-ecl-suspend.txt")
    got = derive(notices, date(2027, 1, 11))
    assert got.problems == (), got.problems
    assert [n for n in got.notes if "MOFCOM-2026-172" in n and "not applied" in n], got.notes
    state = {r.notice_key: (r.state.value, r.since) for r in got.states}
    assert state == {"MOFCOM-2026-171": ("suspended", date(2027, 1, 11)),
                     "MOFCOM-2026-172": ("lifted", date(2026, 10, 12)),
                     "MOFCOM-2026-173": ("suspended", date(2027, 1, 11))}, state
