"""A restore "期满后" after a suspension the same text sets is back on the day that suspension lapses, as the engine counts
it (``storage.periods.lapse_day``; ``rules.steps.restored_at_lapse``): the day after its end, its last day, whether
written ("暂停…至2027年12月9日": its item says "until 2027-12-09 inclusive") or counted ("1年" from 2026-12-10 runs
through 2027-12-10: back from 12-11; lapse43, the lead's decision on one convention, session 42). Was: restored on the
end, a day early (session 41's open A, review42's open probe 2)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from scraper.parse import parse_document
from storage.periods import lapse_day
from storage.records import ActionKind, UnusablePage
from tests.scraper.test_parse_outputs import ROOT, fixture_inputs, reference_inputs
from tests.scraper.test_parse_qa40 import ECL21, RELEASE

HEAD = "商务部公告2026年第88号 关于暂停实施相关措施的公告\n【发布文号】商务部公告2026年第88号\n【发文日期】2026年12月03日\n\n"
TAIL = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月3日\n"
ECL = "商务部公告2025年第21号"


def _steps(answer: str) -> list[tuple[str, str, str | None]]:
    notice = parse_document(RELEASE.format(topic="出口管制管控名单", q="中方有何安排？", a=answer)).notice
    assert notice is not None
    return [(a.action.value, str(a.effective), a.until.isoformat() if a.until else None) for a in notice.actions]


def _notice(body: str) -> list[tuple[str, str, str | None, str | None]]:
    notice = parse_document((HEAD + body + TAIL).encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, str(a.effective), a.until.isoformat() if a.until else None, a.duration) for a in notice.actions]


@pytest.mark.parametrize(("answer", "steps"), [
    ("中方决定，自2026年12月10日起，暂停实施" + ECL21 + "相关措施至2027年12月9日，期满后自动恢复实施。",
     [("suspend", "2026-12-10", "2027-12-09"), ("restore", "2027-12-10", None)]),
    ("中方决定，自2026年12月10日起，暂停实施" + ECL21 + "相关措施至2027年12月9日，暂停期满后恢复实施。",
     [("suspend", "2026-12-10", "2027-12-09"), ("restore", "2027-12-10", None)]),
    # counted: its end its last day too, back the day after (lapse43; the end itself before)
    ("中方决定，自2026年12月10日起，暂停实施" + ECL21 + "相关措施1年，期满后自动恢复实施。",
     [("suspend", "2026-12-10", "2027-12-10"), ("restore", "2027-12-11", None)]),
])
def test_a_restore_after_an_end_written_as_its_last_day_is_from_the_day_after(answer, steps):
    assert _steps(answer) == steps


@pytest.mark.parametrize(("body", "steps"), [
    # both forms: stored with its "至…" (last day included), so back the day after it
    (f"商务部决定，自2026年12月10日起，暂停实施{ECL}相关措施1年，暂停期限至2027年12月10日。暂停期限届满后，相关措施自动恢复实施。",
     [("suspend", "2026-12-10", "2027-12-10", "至2027年12月10日"), ("restore", "2027-12-11", None, None)]),
    (f"商务部决定，自2026年12月10日起，暂停实施{ECL}相关措施，暂停期限至2027年12月9日，为期1年。期满后自动恢复实施。",
     [("suspend", "2026-12-10", "2027-12-09", "至2027年12月9日"), ("restore", "2027-12-10", None, None)]),
    # the end told again as "…届满"; an extension to a day
    (f"商务部决定，自2026年12月10日起，暂停实施{ECL}相关措施至2027年12月9日。暂停期限将于2027年12月9日届满，届满后自动恢复实施。",
     [("suspend", "2026-12-10", "2027-12-09", "至2027年12月9日"), ("restore", "2027-12-10", None, None)]),
    (f"商务部决定，自2026年12月10日起，延长{ECL}相关措施的暂停期限至2027年12月9日，期满后自动恢复实施。",
     [("extend", "2026-12-10", "2027-12-09", "至2027年12月9日"), ("restore", "2027-12-10", None, "至2027年12月9日")]),
    # the day the text gives is kept: "届满次日" (the day after either end)
    (f"商务部决定，自2026年12月10日起，暂停实施{ECL}相关措施至2027年12月9日，期满后不再延长，自届满次日起恢复实施。",
     [("suspend", "2026-12-10", "2027-12-09", "至2027年12月9日"), ("restore", "2027-12-10", None, "至2027年12月9日")]),
    (f"商务部决定，自2026年12月10日起，暂停实施{ECL}相关措施3个月，期满后自动恢复实施。",  # through 03-10 (lapse43)
     [("suspend", "2026-12-10", "2027-03-10", "3个月"), ("restore", "2027-03-11", None, None)]),
])
def test_a_notice_s_restore_is_back_on_its_suspension_s_lapse(body, steps):
    assert _notice(body) == steps


def test_a_suspension_told_not_stored_is_back_the_day_after_its_end() -> None:
    """No suspension in the same text (told as past, stored by an earlier one): since lapse43 every end is its last day,
    so the restore is the told end's lapse, the day after, whichever text stored the suspension (lapse42's open A)."""
    steps = _steps("2025年11月5日，中方决定继续暂停" + ECL21 + "相关措施1年，暂停期限至2026年11月10日。"
                   "中方决定，暂停期限届满后不再延长，上述措施自动恢复执行。")
    assert steps == [("restore", "2026-11-11", None)]  # the told end's lapse: one convention (lapse43)


def _real_pages() -> Iterator[tuple[str, bytes, str | None]]:
    """Every fixture page and reference text (as test_parse_outputs reads them), every page of the audit corpus and
    of the story folders."""
    yield from fixture_inputs()
    yield from reference_inputs()
    data = ROOT / "tests" / "data"
    for root in [data / "corpus", *sorted(data.glob("stories*"))]:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".txt", ".html", ".htm", ".shtml"):
                yield path.relative_to(ROOT).as_posix(), path.read_bytes(), None


def _restores_at_an_end(raw: bytes, url: str | None) -> Iterator[tuple[str, date, date]]:
    """(restore's day, its suspension's lapse, its suspension's end) of each restore dated by the end of a suspension
    the same parse stores (on a notice both name, the restore on that end or the day after, no "次日" in its sentence)."""
    try:
        notice = parse_document(raw, url).notice
    except UnusablePage:
        return
    if notice is None:
        return
    for r in notice.actions:
        if r.action is not ActionKind.RESTORE or not r.effective or "次日" in r.text:
            continue
        day = date.fromisoformat(r.effective[:10])
        for s in notice.actions:
            if s.action in (ActionKind.SUSPEND, ActionKind.EXTEND) and s.until is not None and s.extends_by is None \
                    and day in (s.until, s.until + timedelta(days=1)) \
                    and {t.key for t in r.targets} & {t.key for t in s.targets}:
                yield r.effective[:10], lapse_day(s.until), s.until


def test_every_real_restore_at_an_end_is_its_suspension_s_lapse() -> None:
    found = {name: list(_restores_at_an_end(raw, url)) for name, raw, url in _real_pages()}
    found = {name: pairs for name, pairs in found.items() if pairs}
    wrong = {name: pairs for name, pairs in found.items() if any(day != lapse.isoformat() for day, lapse, _ in pairs)}
    assert not wrong
    # the cases the corpus holds (a test that finds none cannot fail): an end written as its last day, lapsing after it
    assert {"tests/data/corpus/parse25/20-mofcom-suspend-to-date-auto-restore.txt",
            "tests/data/stories-lapse42/to_last_day/s1-qa-2026-12-03-ecl-suspend-to-1209.txt"} <= set(found)
    assert any(lapse > end for pairs in found.values() for _, lapse, end in pairs)

