"""A spokesperson's answer and the numbered notice a day later saying otherwise of one change (story31 S4).

The answer of 2026-11-05 says the working mechanism "今天发布公告" extending 〔2025〕7号's suspension from 2026-11-10 by
one year; the notice, published 2026-11-06, says six months. Both steps were applied, the answer's after the notice's
(an answer's steps come after a notice's on one day): `status` on 11-06 said "announced: suspended until 2027-05-10",
and from 11-10 on "suspended until 2027-11-10", the answer's end; the feeds carried both ends as two items, and no
problem was said. The notice is followed and a problem names both, as for a reprint (``collect._ministrys_own``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import EventKind, EventRecord, StoredNotice
from storage.vocabulary import LAPSES_ON_KEY
from tests.storage.test_lifecycle_corpus import stored

STORIES22 = Path(__file__).resolve().parents[1] / "data" / "stories22" / "main"
EARLIER = ("w01-uel-2025-7-real.txt", "w01-qa-2025-05-14-uel-real.txt", "w01-qa-2025-08-12-uel-real.txt",
           "w01-qa-2025-11-05-uel-real.txt")  # 〔2025〕7号 suspended, extended to 2026-11-10
ANSWER = """来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-05 17:00

商务部新闻发言人就调整不可靠实体清单措施答记者问
问：不可靠实体清单工作机制对有关美国实体的暂停措施即将到期，请问有何安排？
答：不可靠实体清单工作机制今天发布公告，自2026年11月10日起继续暂停不可靠实体清单工作机制公告〔2025〕7号相关措施{period}。依照《不可靠实体清单规定》，国内企业可以申请与上述实体开展交易，工作机制依法审核，符合条件的予以批准。
"""
NOTICE = """不可靠实体清单工作机制公告〔2026〕6号 关于继续暂停对有关美国实体采取不可靠实体清单措施的公告
【发布单位】安全与管制局
【发布文号】不可靠实体清单工作机制公告〔2026〕6号
【发文日期】2026年11月6日

不 可 靠 实 体 清 单 工 作 机 制
公　　　　告
2026年 第6号

根据《不可靠实体清单规定》，不可靠实体清单工作机制决定，自2026年11月10日起，继续暂停实施不可靠实体清单工作机制公告〔2025〕7号相关措施{period}。
本公告自公布之日起实施。

不可靠实体清单工作机制
2026年11月6日
"""
EXTENDED = "tag:mofcom-watch,2025:UEL-2025-7/suspension_extended/uel/2026-11-10"


def _page(text: str) -> StoredNotice:
    rec = parse_text(text)
    assert rec is not None, text[:40]
    return stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc))


def _story(answer: str, notice: str | None) -> list[StoredNotice]:
    earlier = [_page((STORIES22 / name).read_text(encoding="utf-8")) for name in EARLIER]
    pages = [_page(ANSWER.format(period=answer))]
    return earlier + pages + ([_page(NOTICE.format(period=notice))] if notice else [])


def _seen(known: list[StoredNotice], day: date) -> tuple[tuple[object, ...], dict[str, object], list[str]]:
    d = derive(known, day)
    (row,) = [(r.state.value, r.until, r.next_until) for r in d.states if r.notice_key == "UEL-2025-7"]
    items = {e.id: e.until for e in d.events if e.kind is EventKind.SUSPENSION_EXTENDED and e.entity_key is None
             and e.effective == date(2026, 11, 10)}
    return row, items, [p for p in d.problems if "otherwise than" in p]


def test_the_notice_is_followed_over_the_answer_that_said_otherwise_and_a_problem_says_so() -> None:
    known = _story("1年", "6个月")
    row, items, problems = _seen(known, date(2026, 11, 6))
    assert row == ("suspended", date(2026, 11, 10), date(2027, 5, 10))
    assert items == {EXTENDED: date(2027, 5, 10)}  # one item, the notice's: no second one with the answer's end
    assert problems == ["QA-2026-11-05-3d525cbd: it says of UEL-2025-7 from 2026-11-10 until 2027-11-10, otherwise than "
                        "UEL-2026-6 (until 2027-05-10), the notice, which is followed: read both"]
    row, items, problems = _seen(known, date(2026, 11, 11))
    assert row == ("suspended", date(2027, 5, 10), None)  # was the answer's 2027-11-10 from the day it took effect
    assert items == {EXTENDED: date(2027, 5, 10)} and len(problems) == 1


def test_before_the_notice_the_answer_is_what_is_known_and_an_answer_agreeing_with_it_is_no_problem() -> None:
    row, items, problems = _seen(_story("1年", None), date(2026, 11, 5))
    assert (row, items, problems) == (("suspended", date(2026, 11, 10), date(2027, 11, 10)), {EXTENDED: date(2027, 11, 10)}, [])
    row, items, problems = _seen(_story("1年", "1年"), date(2026, 11, 11))
    assert (row, items, problems) == (("suspended", date(2027, 11, 10), None), {EXTENDED: date(2027, 11, 10)}, [])


def test_the_answers_item_is_corrected_naming_the_notice_it_rests_on_now() -> None:
    """The item the answer published first (until 2027-11-10) rests on the notice from 11-06 (until 2027-05-10): its
    correction says so, not "the text of a notice it rests on changed" (neither page changed)."""
    from storage.events import _cause, _restated_by

    def item(known: list[StoredNotice]) -> EventRecord:
        (one,) = [e for e in derive(known, date(2026, 11, 6)).events if e.id == EXTENDED]
        return one

    known = _story("1年", "6个月")
    first, then = item(known[:-1]), item(known)
    assert (first.source_key, first.until, then.source_key, then.until) == (
        "QA-2026-11-05-3d525cbd", date(2027, 11, 10), "UEL-2026-6", date(2027, 5, 10))
    assert not _restated_by(first, then, {n.record.key: n for n in known})  # another end: a correction, not a refresh
    at = datetime(2026, 11, 6, 1, tzinfo=timezone.utc)
    assert _cause(first, then, at) == ("it rests now on UEL-2026-6, read after it (fetched 2026-11-06T01:00:00+00:00), "
                                       "not on QA-2026-11-05-3d525cbd, which said otherwise")


def test_the_answers_item_resting_on_a_notice_of_a_later_day_saying_the_same_is_refreshed_not_corrected() -> None:
    """story34 S1b: the answer of 11-05 and the notice of 11-06 both "自2026年11月10日起继续暂停…1年". The item the answer
    published first rests on the notice once it is read, and says the same change: no news. Its correction said the
    answer "said otherwise", false (``_restated_by`` asked for a notice published the same day as the answer)."""
    from storage.events import _restated_by

    def item(known: list[StoredNotice]) -> EventRecord:
        (one,) = [e for e in derive(known, date(2026, 11, 6)).events if e.id == EXTENDED]
        return one

    known = _story("1年", "1年")
    first, then = item(known[:-1]), item(known)
    assert (first.source_key, then.source_key, first.until, then.until) == (
        "QA-2026-11-05-3d525cbd", "UEL-2026-6", date(2027, 11, 10), date(2027, 11, 10))
    assert _restated_by(first, then, {n.record.key: n for n in known})


def test_a_notice_extending_by_a_duration_from_its_own_day_is_followed_over_the_answer() -> None:
    """S4b: the notice says "将…暂停期限延长6个月" (in effect from its publication, 11-06; the six months counted from the
    running end, 2026-11-10), the answer "自2026年11月10日起继续暂停…1年": two days, which the same-day rule does not
    compare. The answer's end, applied last, was the state from 11-10 on, and nothing was said."""
    notice = NOTICE.replace("决定，自2026年11月10日起，继续暂停实施不可靠实体清单工作机制公告〔2025〕7号相关措施{period}",
                            "决定，将不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停期限延长{period}")
    known = [*_story("1年", None), _page(notice.format(period="6个月"))]
    d = derive(known, date(2026, 11, 11))
    (row,) = [(r.state.value, r.until) for r in d.states if r.notice_key == "UEL-2025-7"]
    assert row == ("suspended", date(2027, 5, 10))  # was 2027-11-10, the answer's
    assert [p for p in d.problems if "otherwise than" in p] == [
        "QA-2026-11-05-3d525cbd: it says of UEL-2025-7 from 2026-11-10 until 2027-11-10, otherwise than UEL-2026-6 (for "
        "P6M from then, until 2027-05-10), the notice, which is followed: read both"]
    assert not [e for e in d.events if e.kind is EventKind.SUSPENSION_EXTENDED and e.until == date(2027, 11, 10)]
    same = derive([*_story("1年", None), _page(notice.format(period="1年"))], date(2026, 11, 11))
    assert not [p for p in same.problems if "otherwise than" in p]


def test_an_extension_by_a_duration_keeps_the_day_the_suspension_in_place_began() -> None:
    """story31 B2, story32 S3: "将…暂停期限延长6个月" takes effect on its own day (11-06) and moves the running end
    (2026-11-10) on by six months. No suspension began on 11-06: the row said "suspended since 2026-11-06"; it says the
    day the suspension in place began (2025-11-10, the extension "自2025年11月10日起，继续暂停…1年"), before and after."""
    notice = NOTICE.replace("决定，自2026年11月10日起，继续暂停实施不可靠实体清单工作机制公告〔2025〕7号相关措施{period}",
                            "决定，将不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停期限延长{period}")
    earlier = _story("1年", None)[:-1]  # no answer of 2026-11-05

    def row(known: list[StoredNotice], day: date) -> tuple[object, ...]:
        (one,) = [(r.state.value, r.since, r.until) for r in derive(known, day).states if r.notice_key == "UEL-2025-7"]
        return one

    assert row(earlier, date(2026, 11, 5)) == ("suspended", date(2025, 11, 10), date(2026, 11, 10))
    known = [*earlier, _page(notice.format(period="6个月"))]
    for day in (date(2026, 11, 6), date(2026, 11, 11)):
        assert row(known, day) == ("suspended", date(2025, 11, 10), date(2027, 5, 10)), day
    (item,) = [e for e in derive(known, date(2026, 11, 11)).events if e.kind is EventKind.SUSPENSION_EXTENDED
               and e.entity_key is None and e.source_key == "UEL-2026-6"]
    assert (item.effective, item.until) == (date(2026, 11, 6), date(2027, 5, 10))  # the item keeps its own day


def test_a_lapse_an_extension_published_later_undoes_is_retracted_naming_it() -> None:
    """story31 S6: the lapse of 2026-11-10 presumed (no extension known), then a notice published 11-12 "自2026年11月10日
    起，继续暂停…1年": the lapse item's retraction names that notice and its end (``events._lapse_undone_by``), where it
    said only "a notice it rests on changed, or a newer one changes it … disregard it"."""
    from storage.events import _lapse_undone_by

    late = NOTICE.replace("〔2026〕6号", "〔2026〕7号").replace("2026年 第6号", "2026年 第7号").replace(
        "2026年11月6日", "2026年11月12日").format(period="1年")
    before = [*_story("1年", None)[:-1]]  # no answer of 2026-11-05: the suspension lapses
    (lapse,) = [e for e in derive(before, date(2026, 11, 11)).events
                if e.kind is EventKind.SUSPENSION_LAPSED and e.entity_key is None and e.notice_key == "UEL-2025-7"]
    after = derive([*before, _page(late)], date(2026, 11, 12)).events
    assert not [e for e in after if e.id == lapse.id]
    (undone,) = _lapse_undone_by(lapse, after)
    assert (undone.source_key, undone.effective, undone.until) == (
        "UEL-2026-7", date(2026, 11, 10), date(2027, 11, 10))
    assert _lapse_undone_by(lapse, derive(before, date(2026, 11, 12)).events) == ()  # nothing undoes it
    # a countdown to that end, should it be withdrawn (an extension fetched late, published before the countdown's day),
    # names the same step (order30 B1b: "disregard it" named nothing)
    soon = [e for e in derive(before, date(2026, 11, 11)).events if e.kind is EventKind.SUSPENSION_ENDS_SOON
            and e.entity_key is None and e.notice_key == "UEL-2025-7" and e.until == lapse.until]
    assert len(soon) == 2 and all(_lapse_undone_by(e, after) == (undone,) for e in soon)
    # an extension lapsing on the lapse day itself (its last day the one before) does not undo it (lapse43: every end is
    # its last day, the lapse the day after it)
    short = [replace(e, until=lapse.until, extra=tuple((k, lapse.effective.isoformat() if k == LAPSES_ON_KEY else v)
                                                        for k, v in e.extra))
             if e.id == undone.id else e for e in after]
    assert _lapse_undone_by(lapse, short) == ()


STORIES21 = Path(__file__).resolve().parents[1] / "data" / "stories21" / "main"


def test_a_lapse_a_restore_before_it_undoes_names_the_restore() -> None:
    """stories21 V01 replayed in a shuffled order: No. 161's suspension extended to 2027-08-09 lapses on that day while
    the answer restoring it from 2027-02-08 is not yet read; once it is, the lapse and its countdowns are retracted
    naming the restore (session 30: "…: restored earlier (KEY)"), not only "disregard it"."""
    from storage.events import _lapse_undone_by

    names = ("v01-mofcom-2026-161.txt", "v01-qa-2026-05-06-ecl-suspend.txt", "v01-qa-2026-08-05-ecl-extend.txt")
    before = [_page((STORIES21 / name).read_text(encoding="utf-8")) for name in names]
    day = date(2027, 8, 10)
    old = [e for e in derive(before, day).events if e.notice_key == "MOFCOM-2026-161" and e.entity_key is None
           and e.kind in (EventKind.SUSPENSION_LAPSED, EventKind.SUSPENSION_ENDS_SOON) and e.effective is not None
           and e.effective >= date(2027, 7, 1)]
    assert {e.kind for e in old} == {EventKind.SUSPENSION_LAPSED, EventKind.SUSPENSION_ENDS_SOON}, old
    restore = _page((STORIES21 / "v01-qa-2027-02-01-ecl-restore-stop.txt").read_text(encoding="utf-8"))
    after = derive([*before, restore], day).events
    assert not {e.id for e in old} & {e.id for e in after}
    for e in old:
        (undone,) = _lapse_undone_by(e, after)
        assert (undone.kind, undone.effective) == (EventKind.RESTORED, date(2027, 2, 8)), e.id


LATE_ANSWER = ANSWER.replace("2026-11-05 17:00", "2026-11-20 17:00").replace(
    "不可靠实体清单工作机制今天发布公告，自2026年11月10日起继续暂停", "中方决定，继续暂停").replace("{period}", "至2027年11月10日")
LATE_NOTICE = NOTICE.replace("〔2026〕6号", "〔2026〕12号").replace("2026年 第6号", "2026年 第12号").replace(
    "2026年11月6日", "2026年11月21日").replace("自2026年11月10日起，继续暂停", "继续暂停").replace("{period}", "至2027年11月10日")


def test_a_notice_repeating_the_suspension_an_answer_of_an_earlier_day_set_changes_nothing() -> None:
    """story34 S1a: the suspension lapses on 2026-11-10; the answer of 11-20 "继续暂停…至2027年11月10日" (from its own day),
    the notice of 11-21 the same. The notice sets the end the suspension in place already has: no change. The row said
    "suspended since 2026-11-21, by UEL-2026-12" (the suspension runs since 11-20) and a second "Suspension extended …
    until 2027-11-10" item, dated 11-21, told a change that day that did not happen."""
    earlier = _story("1年", None)[:-1]  # 〔2025〕7号 suspended to 2026-11-10, no answer of 2026-11-05
    known = [*earlier, _page(LATE_ANSWER), _page(LATE_NOTICE)]
    assert known[-2].record.key.startswith("QA-2026-11-20-") and known[-1].record.key == "UEL-2026-12"
    d = derive(known, date(2026, 11, 22))
    (row,) = [(r.state.value, r.since, r.until, r.by) for r in d.states if r.notice_key == "UEL-2025-7"]
    assert row[:3] == ("suspended", date(2026, 11, 20), date(2027, 11, 10))
    assert row[3] == known[-2].record.key  # the answer set it; the notice repeats it
    extended = [(e.effective, e.source_key) for e in d.events if e.notice_key == "UEL-2025-7" and e.entity_key is None
                and e.kind is EventKind.SUSPENSION_EXTENDED and e.effective and e.effective > date(2026, 11, 10)]
    assert extended == [(date(2026, 11, 20), known[-2].record.key)]
    (history,) = [r.history for r in d.states if r.notice_key == "UEL-2025-7"]
    assert any("2026-11-21" in line and "UEL-2026-12" in line for line in history), history
    # the same notice with another end is a change (an extension), as before; it moves the end of the suspension in
    # place from its own day, and the row keeps the day that suspension began (story38: it said since 2026-11-21)
    longer = _page(LATE_NOTICE.replace("至2027年11月10日", "至2028年11月10日"))
    d = derive([*earlier, _page(LATE_ANSWER), longer], date(2026, 11, 22))
    (row,) = [(r.state.value, r.since, r.until, r.by) for r in d.states if r.notice_key == "UEL-2025-7"]
    assert row == ("suspended", date(2026, 11, 20), date(2028, 11, 10), "UEL-2026-12")


STORIES20 = Path(__file__).resolve().parents[1] / "data" / "stories20" / "main"


def test_a_notices_countdown_is_undone_by_the_steps_reaching_its_entities_not_by_another_entitys_removal() -> None:
    """order33 (stories20 in a shuffled order, A): No. 155 lists Apus and Grus; No. 156 removes Grus on 04-06; the answer
    of 05-25 extends the suspension by 90 days, counted from its own day (to 08-23) while the suspension of 03-02 is not
    read. Once it is, the end is 08-29 and the notice's countdown to 08-23, of Apus alone, was retracted as "removed
    (MOFCOM-2026-156)", citing No. 156's page: the removal of Grus, the first step by id. A notice's item is undone by the
    steps that reach every entity it names (``events._lapse_undone_by``), here the extension."""
    from storage.events import _lapse_undone_by, _undone_correction

    names = ("u12-mofcom-2026-155.txt", "u12-mofcom-2026-156-removal.txt", "u12-qa-2026-05-25-ecl-extend-by.txt")
    before = [_page((STORIES20 / name).read_text(encoding="utf-8")) for name in names]
    day = date(2026, 11, 30)
    old = [e for e in derive(before, day).events if e.notice_key == "MOFCOM-2026-155" and e.entity_key is None
           and e.kind in (EventKind.SUSPENSION_LAPSED, EventKind.SUSPENSION_ENDS_SOON)]
    assert len(old) == 3 and all(e.until == date(2026, 8, 23) and [x.key for x in e.entities] == ["apusoptronics"]
                                 for e in old), old
    suspend = _page((STORIES20 / "u12-qa-2026-03-02-ecl-suspend.txt").read_text(encoding="utf-8"))
    after = derive([*before, suspend], day).events
    assert not {e.id for e in old} & {e.id for e in after}
    at = datetime(2026, 11, 29, tzinfo=timezone.utc)
    for e in old:
        (undone,) = _lapse_undone_by(e, after)
        assert (undone.kind, undone.source_key, undone.until) == (
            EventKind.SUSPENSION_EXTENDED, "QA-2026-05-25-68a81f8d", date(2026, 8, 29)), e.id
        correction = _undone_correction(e, (undone,), 1, at)
        assert correction.title.endswith(": the suspension goes on (QA-2026-05-25-68a81f8d)"), correction.title
        assert {p.notice_key for p in correction.provenance} == {"QA-2026-05-25-68a81f8d", "MOFCOM-2026-155"}
    lapse = next(e for e in old if e.kind is EventKind.SUSPENSION_LAPSED)
    # no step reaching Apus: no step named (a plain retraction), never the removal of Grus
    assert _lapse_undone_by(lapse, [e for e in after if e.kind is not EventKind.SUSPENSION_EXTENDED]) == ()
    # an item of both entities: the two steps that together reach them, each named, both pages cited
    (grus,) = [x for e in after if e.kind is EventKind.IMPOSED and e.entity_key is None for x in e.entities
               if x.key == "grusprecision"]
    both = replace(lapse, entities=(*lapse.entities, grus))
    steps = _lapse_undone_by(both, after)
    assert [(s.kind, s.source_key) for s in steps] == [(EventKind.REMOVED, "MOFCOM-2026-156"),
                                                       (EventKind.SUSPENSION_EXTENDED, "QA-2026-05-25-68a81f8d")]
    correction = _undone_correction(both, steps, 1, at)
    assert correction.title.endswith(": removed (MOFCOM-2026-156); the suspension goes on (QA-2026-05-25-68a81f8d)")
    assert {p.notice_key for p in correction.provenance} == {"MOFCOM-2026-156", "QA-2026-05-25-68a81f8d", "MOFCOM-2026-155"}
    assert correction.summary.count("published 2026-") == 2 and "read those." in correction.summary



def test_an_item_a_notice_read_later_changes_says_that_notice_not_a_new_parser() -> None:
    """order33 (stories20 in a shuffled order, A): the extension of 05-25 "延长90天" is counted from its own day (to 08-23)
    while the suspension of 03-02 is not read, then from that one's end (08-29). Its item and its entity's were
    "Correction: …: the reading of the pages it rests on changed, not the pages (…): a new version of the parser or of
    the lifecycle engine read the stored pages again": false, neither changed; the answer of 03-02, a step on its listing
    stored after its pages, did. ``events._stored_since`` finds it, ``_cause`` names it."""
    from storage.events import _cause, _steps_by_listing, _stored_since

    def page(name: str, minute: int) -> StoredNotice:
        rec = parse_text((STORIES20 / name).read_text(encoding="utf-8"))
        assert rec is not None
        return stored(rec, fetched=datetime(2026, 11, 29, 0, minute, tzinfo=timezone.utc))

    before = [page("u12-mofcom-2026-155.txt", 1), page("u12-qa-2026-05-25-ecl-extend-by.txt", 2),
              page("u12-mofcom-2026-156-removal.txt", 3)]
    known = [*before, page("u12-qa-2026-03-02-ecl-suspend.txt", 4)]
    notices = {n.record.key: n for n in known}
    day = date(2026, 11, 30)
    for entity in (None, "apusoptronics"):
        (old,) = [e for e in derive(before, day).events if e.kind is EventKind.SUSPENSION_EXTENDED
                  and e.notice_key == "MOFCOM-2026-155" and e.entity_key == entity]
        after = derive(known, day).events
        (new,) = [e for e in after if e.id == old.id]
        assert (old.until, new.until) == (date(2026, 8, 23), date(2026, 8, 29))
        since = _stored_since(old, new, notices, lambda: _steps_by_listing(after))
        # the steps of its listing stored after its pages, oldest first (No. 156, a removal of the other entity, too)
        assert [p.notice_key for p in since] == ["MOFCOM-2026-156", "QA-2026-03-02-68a81f8d"]
        cause = _cause(old, new, datetime(2026, 11, 29, 0, 4, tzinfo=timezone.utc), since)
        assert "a new version of the parser" not in cause and "QA-2026-03-02-68a81f8d (fetched 2026-11-29T08:04:00+08:00)" \
            in cause and cause.startswith("the pages it rests on did not change (MOFCOM-2026-155 SHA-256 "), cause
        # with nothing stored since on its listing, the reading changed: as before
        assert "a new version of the parser" in _cause(old, new, datetime(2026, 11, 29, tzinfo=timezone.utc))
        own = {p.notice_key for p in old.provenance}
        assert _stored_since(old, new, {k: v for k, v in notices.items() if k in own}, lambda: _steps_by_listing(after)) == ()
