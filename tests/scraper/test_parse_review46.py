"""review46 (session 43): faults found reading session 42's late code line by line, each with the input that showed it."""

from __future__ import annotations

import pytest

from storage.records import UnusablePage
from tests.scraper.test_parse_outputs import ROOT
from tests.scraper.test_parse_qa42 import _release
from tests.scraper.test_parse_restore_after_last_day import ECL, _notice

# --- a restore at a suspension's end kept on the end by any 之日/当日 in its sentence (lapse43's f46ed6d5) ---------------
# rules.steps.restored_at_lapse dates "期满后自动恢复实施" on the suspension's lapse, the day after its last day, unless the
# restore names the end day itself ("自届满之日起", "自同日起"); it asked any "之日"/"当日" anywhere in the clause, so the
# suspension's own start ("自本公告发布之日起") or "（含当日）" kept the restore on the last day: "Restored" on 12-09 while the
# suspension's item says "until 2027-12-09 inclusive" (two items of one text a day apart: session 41's open A again)


@pytest.mark.parametrize("body", [
    f"商务部决定，自本公告发布之日起，暂停实施{ECL}相关措施至2027年12月9日，期满后自动恢复实施。",
    f"商务部决定，自公布之日起暂停实施{ECL}相关措施，暂停期限至2027年12月9日，期满后自动恢复实施。",
    f"商务部决定，自2026年12月10日起，暂停实施{ECL}相关措施至2027年12月9日（含当日），期满后自动恢复实施。",
])
def test_a_day_named_before_the_end_leaves_the_restore_on_the_lapse(body: str) -> None:
    steps = _notice(body)
    assert [s[:3] for s in steps][1:] == [("restore", "2027-12-10", None)], steps
    assert steps[0][0] == "suspend" and steps[0][2] == "2027-12-09", steps


def test_an_answer_s_start_from_its_own_day_leaves_the_restore_on_the_lapse() -> None:
    said = f"中方决定，自本答问发布之日起暂停实施{ECL}相关措施至2027年12月9日，期满后自动恢复实施。"
    assert _release(said, lst="出口管制管控名单") == [("suspend", "MOFCOM-2025-21", "2026-12-04", "2027-12-09"),
                                                 ("restore", "MOFCOM-2025-21", "2027-12-10", None)]


@pytest.mark.parametrize(("said", "day"), [
    # the restore's own words name the end day: kept (lapse43's decision)
    (f"{ECL}相关措施的暂停期限将于2027年12月9日届满，中方决定不再延长，届满之日起相关措施恢复实施。", "2027-12-09"),
    (f"中方决定，{ECL}相关措施的暂停期限于2026年12月30日届满后不再延长，相关措施自届满之日起恢复实施。", "2026-12-30"),
    (f"{ECL}相关措施的暂停期限将于2027年12月9日届满，中方决定不再延长，上述措施于届满当日恢复实施。", "2027-12-09"),
    # "届满当日24时后": after the last day
    (f"{ECL}相关措施的暂停期限将于2027年12月9日届满，中方决定不再延长，相关措施于届满当日24时后恢复实施。", "2027-12-10"),
])
def test_a_restore_naming_the_end_day_itself_keeps_it(said: str, day: str) -> None:
    assert _release(said, lst="出口管制管控名单") == [("restore", "MOFCOM-2025-21", day, None)]


# --- a restore at a suspension's end took the start of another notice's step after it in the sentence (older, on_targets)
# "…第21号…届满后相关措施恢复实施；同时，自2026年12月1日起，继续暂停实施…7号相关措施1年": No. 21 restored on 12-01, 7号's start,
# three weeks after its suspension lapsed on 11-11 (a false 'Restored' day); with 7号 from 11-10, steps._end_named_as_start
# (5afd2479) took that start as the answer naming the end day and kept No. 21's restore on 11-10, a day before its lapse

N21 = "商务部公告2025年第21号相关措施的暂停期限将于2026年11月10日届满，中方决定不再延长，届满后相关措施恢复实施"
U7 = "不可靠实体清单工作机制公告〔2025〕7号相关措施"


@pytest.mark.parametrize("said", [
    f"{N21}；同时，自2026年12月1日起，继续暂停实施{U7}1年。",
    f"{N21}；同时，自2026年11月10日起，继续暂停实施{U7}1年。",
    f"{N21}。同时，中方决定自2026年12月1日起，暂停实施{U7}1年。",  # (its own sentence: read right before too)
])
def test_a_restore_at_the_end_does_not_take_the_next_step_s_start(said: str) -> None:
    steps = _release(said, lst="出口管制管控名单", day="2026-11-01")
    assert steps[0] == ("restore", "MOFCOM-2025-21", "2026-11-11", None), steps
    assert steps[1][1:3] == ("UEL-2025-7", "2026-12-01" if "12月1日" in said else "2026-11-10"), steps


def test_a_restore_at_an_untold_end_before_another_step_is_not_on_that_step_s_day() -> None:
    said = f"中方决定，商务部公告2025年第21号相关措施暂停期满后恢复实施，{U7}自2026年12月1日起继续暂停实施1年。"
    try:
        steps = _release(said, lst="出口管制管控名单", day="2026-11-01")
    except UnusablePage as held:  # no end told for No. 21: held for a person (cut short), loud
        assert held.reason in ("cut-short", "needs-review"), held
        return
    assert ("restore", "MOFCOM-2025-21", "2026-12-01", None) not in steps, steps


def test_the_answer_naming_the_end_day_as_the_measures_start_keeps_it() -> None:
    # engine24/04 (5afd2479): the start the answer names is the measures', not another step's
    said = ("商务部公告2025年第21号相关措施的暂停期限将于2026年11月10日届满，中方决定不再延长。"
            "自2026年11月10日起，出口经营者应当严格执行上述公告相关措施。")
    assert _release(said, lst="出口管制管控名单", day="2026-11-01") == [("restore", "MOFCOM-2025-21", "2026-11-10", None)]


# --- the page checks read the parse's own clean text (the end review's mend of d6b972b8's module memo) ------------------
# page.check_record is given ``src.lead + src.text`` (document.parse_document): the text read_source cleaned once, lead
# included; textnorm keeps no state. The checks must see what clean() of the page gives: a reprint in traditional script
# with CRLF (mfa42/10) is held as its simplified twin.

def test_the_source_s_lead_and_text_are_the_page_s_clean_text() -> None:
    from scraper.parse.draft import PageHints, read_source
    from scraper.parse.notice import parse_source, parse_text
    from scraper.parse.textnorm import clean

    # a Taiwanese paper's reprint in traditional script after a lead of its own (a reprint: read from the notice on)
    text = (ROOT / "tests" / "data" / "corpus" / "parse22" / "15-ettoday-traditional-wl-listing.txt").read_text(
        encoding="utf-8").replace("\n", "\r\n")
    src = read_source(text, PageHints())
    assert src.lead and src.lead + src.text == clean(text) and "\r" not in src.text and "\r" not in src.lead
    assert parse_source(read_source(text, PageHints())) == parse_text(text)


# --- "the term no longer extended" spelled once (words.TERM_RENEWED; the end review's mend): every form of the term named
# and renewed after "不再对…" reads the restore from the day the answer gives, and holds the answer for a person without one
# (page.EXPIRY_NO_EXTENSION_RE and rules.checks.TERM_NOT_EXTENDED_RE, which spelled it apart before)

TERM_FORMS = [f"暂停{tail}期限{how}{verb}" for tail in ("", "实施", "执行") for how in ("", "予以", "进行")
              for verb in ("延长", "延期", "续期", "展期", "顺延")]


@pytest.mark.parametrize("term", TERM_FORMS)
def test_every_form_of_the_term_no_longer_extended_reads_alike(term: str) -> None:
    from scraper.parse import parse_document
    from tests.scraper.test_parse_term_not_extended import RELEASE, UEL7

    notice = parse_document(RELEASE.format(a=f"中方决定，自2026年12月30日起，不再对{UEL7}相关措施的{term}。")).notice
    assert notice is not None
    assert [(a.action.value, a.targets[0].key, a.effective) for a in notice.actions] == [
        ("restore", "UEL-2025-7", "2026-12-30")]
    with pytest.raises(UnusablePage, match="needs-review"):
        parse_document(RELEASE.format(a=f"中方决定，不再对{UEL7}相关措施的{term}。"))


# --- one step on two notices whose sentence gives them different ends (older code; the brief's "two ends in one text") --
# "…第21号、第22号相关措施，其中第21号公告相关措施暂停至2027年6月30日，第22号…至2027年12月31日" was one suspension of both to
# 12-31 (No. 21 shown suspended six months past its end), "…分别至2027年6月30日和2027年12月31日" one to 06-30 (a false lapse
# of No. 22), silently: held for a person (rules.checks.unread_ends_apart)

TWO = "商务部公告2025年第21号、第22号相关措施"


# Where 其中 names each notice, or 分别 gives as many ends, a step each since session 44 (clauses44:
# tests/scraper/test_parse_clauses44.py); 其中 naming one notice's end alone, or ends more than notices, still held.
@pytest.mark.parametrize("body", [
    f"商务部决定，自2026年12月10日起，暂停实施{TWO}，其中第21号公告相关措施暂停至2027年6月30日，期满后自动恢复实施。",
    f"商务部决定，自2026年12月10日起，暂停实施{TWO}，分别至2027年6月30日、2027年9月30日和2027年12月31日。",
])
def test_one_step_giving_two_notices_different_ends_is_held(body: str) -> None:
    with pytest.raises(UnusablePage, match="different ends|apart"):
        _notice(body)


def test_an_answer_extending_two_notices_to_different_ends_is_held() -> None:
    said = f"中方决定，自2026年12月10日起，对{TWO}继续暂停实施，暂停期限至2027年6月30日、2027年12月31日。"
    with pytest.raises(UnusablePage, match="different ends"):
        _release(said, lst="出口管制管控名单")


@pytest.mark.parametrize("body", [
    f"商务部决定，自2026年12月10日起，暂停实施{TWO}至2027年12月9日，期满后自动恢复实施。",
    f"商务部决定，暂停实施{TWO}，自2026年12月10日起至2027年12月9日。",
    # each notice its own step and end: read, each to its day
    "商务部决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施至2027年6月30日，"
    "暂停实施商务部公告2025年第22号相关措施至2027年12月31日。",
])
def test_one_end_or_one_step_each_still_reads(body: str) -> None:
    assert {s[0] for s in _notice(body)} == {"suspend"} | ({"restore"} if "恢复" in body else set())


# --- "同日"/"当日" of another step after a ";" (the restore's window ran to the sentence's end), and a step "自同日起" that
# took the answer's own day (older code: 7号 extended from 11-01 to 2027-11-01, nine days early, silently)

@pytest.mark.parametrize("rest", [
    "不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停期限同日届满，届满当日恢复实施。",
    "上述安排自同日起对外公布。",
])
def test_another_clause_s_same_day_leaves_the_restore_on_the_lapse(rest: str) -> None:
    steps = _release(f"{N21}；{rest}", lst="出口管制管控名单", day="2026-11-01")
    assert steps[0] == ("restore", "MOFCOM-2025-21", "2026-11-11", None), steps


def test_a_step_from_the_same_day_that_took_the_answer_s_day_is_held() -> None:
    with pytest.raises(UnusablePage, match="自同日起"):
        _release(f"{N21}；{U7}自同日起继续暂停实施1年。", lst="出口管制管控名单", day="2026-11-01")
