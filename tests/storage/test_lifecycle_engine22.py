"""Faults and decisions of session 22's blind lifecycle stories (engine22; tests/data/stories22, test_stories_lapses_and_corrections.py),
each a derivation of a few story pages (parsed, then ``derive``: no store, no process), and the sync rule for an item
a spokesperson's answer published before the notice it restates (``storage.events._restated_by``).

- A Q&A stopping the measures on an entity by the Chinese name a correction gave it ("对海吉亚航电公司采取的相关措施",
  after "“健神星航电公司”有误，现更正为“海吉亚航电公司”"): "not on MOFCOM-2027-32", a problem, the company left in force.
- A listing withdrawn before the day it was to take effect: its item said "Lifted: …"; it says what happened.
- A suspension naming only notices whose measures were stopped before: it changes nothing; a problem (a note where
  it reaches other entities too, as engine21 decided for a range spanning a stopped notice)."""

from __future__ import annotations

import dataclasses
from datetime import date

from scraper.parse import parse_text
from storage.events import _restated_by
from storage.lifecycle import derive
from storage.records import EventKind, StoredNotice
from tests.mofcom_watch.stories import REPO
from tests.storage.test_lifecycle_corpus import parsed_pages

PAGES = REPO / "tests" / "data" / "stories22" / "main"


def pages(*names: str) -> list[StoredNotice]:
    return parsed_pages(PAGES, *names)


def rows(notices: list[StoredNotice], day: date, key: str) -> dict[tuple[str, ...], tuple[object, ...]]:
    return {r.entity_keys: (r.state.value, r.since) for r in derive(notices, day).states if r.notice_key == key}


def test_a_stop_finds_an_entity_by_the_name_a_correction_gave_it() -> None:
    notices = pages("w03-mofcom-2027-32.txt", "w03-mofcom-2027-33-correction.txt",
                    "w03-qa-2027-04-05-ecl-stop-by-new-name.txt")
    day = date(2027, 4, 6)
    assert rows(notices, day, "MOFCOM-2027-32") == {("hygieaavionics",): ("lifted", day),
                                                    ("eunomiamaterials",): ("in_force", date(2027, 2, 15))}
    assert derive(notices, day).problems == ()


def test_the_old_name_still_finds_it_and_a_name_no_correction_gave_does_not() -> None:
    listing, correction, answer = pages("w03-mofcom-2027-32.txt", "w03-mofcom-2027-33-correction.txt",
                                        "w03-qa-2027-04-05-ecl-stop-by-new-name.txt")
    day = date(2027, 4, 6)
    old_name = dataclasses.replace(answer, record=parse_text(
        (PAGES / "w03-qa-2027-04-05-ecl-stop-by-new-name.txt").read_text("utf-8").replace("海吉亚航电公司", "健神星航电公司")))
    assert rows([listing, correction, old_name], day, "MOFCOM-2027-32")[("hygieaavionics",)] == ("lifted", day)
    # without the correction the new name is no name of the listing: loud, nothing lifted
    got = derive([listing, answer], day)
    assert [p for p in got.problems if "海吉亚航电" in p], got.problems
    assert rows([listing, answer], day, "MOFCOM-2027-32") == {
        ("hygieaavionics", "eunomiamaterials"): ("in_force", date(2027, 2, 15))}


def test_a_listing_withdrawn_before_its_day_is_said_withdrawn() -> None:
    notices = pages("w09-mofcom-2027-40.txt", "w09-mofcom-2027-41-withdrawal.txt")
    events = [e for e in derive(notices, date(2027, 12, 31)).events if e.notice_key == "MOFCOM-2027-40"]
    lifted = [e for e in events if e.kind is EventKind.LIFTED]
    assert sorted(e.id.split(",2025:")[1] for e in lifted) == [  # the notice's item and the entity's, ids as before
        "MOFCOM-2027-40/lifted/ecl/2027-09-20", "MOFCOM-2027-40/lifted/ecl/2027-09-20/phobosphotonics"]
    for e in lifted:
        assert e.title.startswith("Withdrawn before it took effect: ") and "2027-10-01" in e.title, e.title
        assert "never took effect" in e.summary, e.summary


def test_a_lift_after_the_listing_took_effect_is_a_lift() -> None:
    notices = pages("w10-mofcom-2027-42.txt", "w10-qa-2027-03-29-ecl-stop.txt")
    (lifted,) = [e for e in derive(notices, date(2027, 12, 31)).events
                 if e.kind is EventKind.LIFTED and e.entity_key is None]
    assert lifted.title.startswith("Lifted: "), lifted.title


def test_a_suspension_reaching_nothing_is_a_problem_and_one_reaching_some_a_note() -> None:
    notices = pages("w10-mofcom-2027-42.txt", "w10-qa-2027-03-29-ecl-stop.txt", "w10-qa-2027-06-14-ecl-suspend-stopped.txt")
    got = derive(notices, date(2027, 12, 31))
    (said,) = got.problems
    assert said.startswith("QA-2027-06-14") and "MOFCOM-2027-42" in said and "changes nothing" in said, said
    assert got.notes == ()
    # the same answer naming No. 31 too (in force): it reaches No. 31, so No. 42 is a note, failing nothing
    both = notices[-1].record
    text = (PAGES / "w10-qa-2027-06-14-ecl-suspend-stopped.txt").read_text("utf-8").replace(
        "2月22日公告（商务部公告2027年第42号）", "1月11日公告和2月22日公告（商务部公告2027年第31号和第42号）")
    assert "第31号和第42号" in text
    wider = dataclasses.replace(notices[-1], record=parse_text(text))
    assert wider.record is not None and both is not None
    got = derive([*notices[:2], *pages("w02-mofcom-2027-31.txt"), wider], date(2027, 12, 31))
    assert got.problems == (), got.problems
    assert [n for n in got.notes if n.startswith("QA-2027-06-14") and "MOFCOM-2027-42" in n], got.notes


def test_an_item_the_answer_published_first_rests_on_the_notice_it_restates() -> None:
    """``_restated_by``: the suspension item derived with the Q&A alone and with No. 36 too say the same change; it
    rests on No. 36 now, which is no news (no correction item); another difference (the end) is."""
    listing, notice, answer = pages("w05-mofcom-2027-35.txt", "w05-mofcom-2027-36-suspend.txt",
                                    "w05-qa-2027-06-07-ecl-restates.txt")
    day = date(2027, 6, 7)

    def item(notices: list[StoredNotice]) -> object:
        (one,) = [e for e in derive(notices, day).events if e.kind is EventKind.SUSPENDED and e.entity_key is None]
        return one

    first, then = item([listing, answer]), item([listing, answer, notice])
    assert (first.source_key, then.source_key) == (answer.record.key, "MOFCOM-2027-36")  # type: ignore[attr-defined]
    everyone = {n.record.key: n for n in (listing, notice, answer)}
    assert _restated_by(first, then, everyone)  # type: ignore[arg-type]
    assert not _restated_by(then, first, everyone)  # type: ignore[arg-type]  # a notice is never a restatement
    longer = dataclasses.replace(then, until=date(2027, 12, 4))  # type: ignore[type-var]
    assert not _restated_by(first, longer, everyone)  # type: ignore[arg-type]
    gone = {k: v for k, v in everyone.items() if k != answer.record.key}
    assert not _restated_by(first, then, gone)  # type: ignore[arg-type]
