"""A suspension naming notices that are no longer in force (derived from story pages: parsed, then ``derive``; no
store, no process): a notice stopped before is left lifted and said in a note; a suspension reaching nothing at all
changes nothing and is a problem. Found by the blind lifecycle stories of sessions 21 and 22 (tests/data/stories21,
stories22; test_stories_early_ends.py V09, test_stories_lapses_and_corrections.py W10)."""

from __future__ import annotations

import dataclasses
from datetime import date

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import StoredNotice
from tests.mofcom_watch.stories import REPO
from tests.storage.test_lifecycle_corpus import parsed_pages

STORIES21 = REPO / "tests" / "data" / "stories21" / "main"


def stories21_pages(*names: str) -> list[StoredNotice]:
    return parsed_pages(STORIES21, *names)


def test_a_stopped_notice_named_in_a_suspension_is_a_note_not_a_problem() -> None:
    notices = stories21_pages("v09-mofcom-2026-171.txt", "v09-mofcom-2026-172.txt", "v09-mofcom-2026-173.txt",
                              "v09-qa-2026-10-12-ecl-stop.txt", "v09-qa-2027-01-11-ecl-suspend.txt")
    got = derive(notices, date(2027, 1, 11))
    assert got.problems == (), got.problems
    assert [n for n in got.notes if "MOFCOM-2026-172" in n and "not applied" in n], got.notes
    state = {r.notice_key: (r.state.value, r.since) for r in got.states}
    assert state == {"MOFCOM-2026-171": ("suspended", date(2027, 1, 11)),
                     "MOFCOM-2026-172": ("lifted", date(2026, 10, 12)),
                     "MOFCOM-2026-173": ("suspended", date(2027, 1, 11))}, state


STORIES22 = REPO / "tests" / "data" / "stories22" / "main"


def stories22_pages(*names: str) -> list[StoredNotice]:
    return parsed_pages(STORIES22, *names)


def test_a_suspension_reaching_nothing_is_a_problem_and_one_reaching_some_a_note() -> None:
    notices = stories22_pages("w10-mofcom-2027-42.txt", "w10-qa-2027-03-29-ecl-stop.txt", "w10-qa-2027-06-14-ecl-suspend-stopped.txt")
    got = derive(notices, date(2027, 12, 31))
    (said,) = got.problems
    assert said.startswith("QA-2027-06-14") and "MOFCOM-2027-42" in said and "changes nothing" in said, said
    assert got.notes == ()
    # the same answer naming No. 31 too (in force): it reaches No. 31, so No. 42 is a note, failing nothing
    both = notices[-1].record
    text = (STORIES22 / "w10-qa-2027-06-14-ecl-suspend-stopped.txt").read_text("utf-8").replace(
        "2月22日公告（商务部公告2027年第42号）", "1月11日公告和2月22日公告（商务部公告2027年第31号和第42号）")
    assert "第31号和第42号" in text
    wider = dataclasses.replace(notices[-1], record=parse_text(text))
    assert wider.record is not None and both is not None
    got = derive([*notices[:2], *stories22_pages("w02-mofcom-2027-31.txt"), wider], date(2027, 12, 31))
    assert got.problems == (), got.problems
    assert [n for n in got.notes if n.startswith("QA-2027-06-14") and "MOFCOM-2027-42" in n], got.notes

