"""review50 (session 45): session 44's late parser code reviewed, the wordings next to the ones it fixed. Each was read
wrong silently on main 1199f11c; expected steps written before the fixes.

- ``checks.unread_entities_apart`` (63b27203) knew the entities of "对甲公司和乙公司的暂停期限分别为6个月和1年" by five words:
  "对美国国防大学和某研究所的…", "对上述两家单位的…", "对有关机构的…", "对Skydio和BRINC的…", "…分别定为/设定为…", "…分别截至D1和D2",
  "…分别暂停至D1和D2", or the two terms with no 分别, gave No. 21 the first term for all of its entities (the other's
  lapse presumed six months early); with two notices, "对Skydio和BRINC的…" and "其中第22号公告所列两家单位的…" were read
  as a pairing of the notices. A step on one notice given two terms or ends joined is held (``unread_ends_apart``), as
  is a term of some entities told in the next sentence ("。对甲公司和乙公司的暂停期限分别为…": suspended for good).
- ``checks.unread_notice_clause`` (94754edb, 51ccd8c4) asked for "相关措施" alone: "…第22号有关措施同" (one step on both
  with no end), "…第22号公告措施也一样", "…第22号公告同", "…对第22号公告有关措施亦作相同处理" (No. 22 missed), "…第22号有关
  措施不予暂停，暂停期限为1年" (No. 21 for good), "…第22号有关措施至2027年6月9日止" (both to 06-09) were read so.
- ``clauses._drop_said_apart`` (63b27203) asked the steps of their own for the step's start: "中方决定，暂停实施…，其中
  第22号…自2026年12月15日起暂停1年，第21号…自2026年12月20日起暂停6个月" kept a step on both from 12-15 with no end (No. 21
  suspended five days early, a false "until further notice" item each). With no start of its own the step on both is
  dropped; with one another step contradicts, it is held (``checks.unread_starts_apart``).
- A restore "期满后自动恢复实施" after a "；" (older code, ``targets._after_the_suspension``: "not across ;") took the sentence's
  start, the suspension's own first day: "自2026年12月10日起，暂停实施…，暂停期限为6个月；期满后自动恢复实施" restored No. 21 on
  12-10, the listing "in force" the day its suspension began (tests/mofcom_watch/test_story_restore_after_semicolon.py).
  And after steps split per notice, a restore the sentence's walk did not see beside them (after "；" or in the next
  sentence) was one restore of both at one end: No. 22 back six months early (``clauses._restores_after_split``).
"""

from __future__ import annotations

import pytest

from tests.scraper.test_parse_clauses44 import N21, N22, TWO, D, _held, _s, _steps

ONE = "暂停实施商务部公告2025年第21号相关措施"


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize("text", [
    f"{ONE}，对美国国防大学和某研究所的暂停期限分别为6个月和1年。",
    f"{ONE}，对上述两家单位的暂停期限分别为6个月和1年。",
    f"{ONE}，对有关机构的暂停期限分别为6个月和1年。",
    f"{ONE}，对Skydio和BRINC的暂停期限分别为6个月和1年。",
    f"{ONE}，对甲公司和乙公司的暂停期限分别定为6个月和1年。",
    f"{ONE}，对甲公司和乙公司的暂停期限分别设定为6个月和1年。",
    f"{ONE}，对甲公司和乙公司的暂停期限为6个月和1年。",
    f"{ONE}，暂停期限分别为6个月和1年。",
    f"{ONE}，对甲公司和乙公司的暂停期限分别截至2027年6月10日和2027年12月10日。",
    f"{ONE}，对甲公司和乙公司分别暂停至2027年6月10日和2027年12月10日。",
    f"{ONE}。对甲公司和乙公司的暂停期限分别为6个月和1年。",
    f"{ONE}；暂停期限为6个月。",  # (a term after a "；": suspended for good before)
    f"暂停实施{TWO}，对Skydio和BRINC的暂停期限分别为6个月和1年。",
    f"暂停实施{TWO}，其中第22号公告所列两家单位的暂停期限分别为6个月和1年。",
])
def test_terms_or_ends_of_entities_of_a_notice_are_held(notice, text):
    opening = "商务部决定，自2026年12月10日起，" if notice else D
    assert "needs-review" in _held(opening + text, notice)


@pytest.mark.parametrize("text", [
    f"{D}暂停实施商务部公告2025年第21号相关措施1年，商务部公告2025年第22号有关措施同。",
    f"{D}暂停实施商务部公告2025年第21号相关措施1年，第22号公告措施也一样。",
    f"{D}暂停实施商务部公告2025年第21号相关措施1年，第22号公告同。",
    f"{D}暂停实施商务部公告2025年第21号相关措施1年，对第22号公告有关措施亦作相同处理。",
    f"{D}暂停实施商务部公告2025年第21号相关措施，商务部公告2025年第22号有关措施不予暂停，暂停期限为1年。",
    f"{D}暂停实施商务部公告2025年第21号相关措施，第22号公告措施维持不变，暂停期限为1年。",
    f"{D}暂停实施商务部公告2025年第21号相关措施1年，商务部公告2025年第22号有关措施至2027年6月9日止。",
])
def test_another_notice_s_clause_however_its_measures_are_worded_is_held(text):
    assert "needs-review" in _held(text)


@pytest.mark.parametrize("notice", [False, True])
def test_a_step_on_both_with_no_start_of_its_own_is_the_steps_of_their_own(notice):
    opening = "商务部决定，" if notice else "中方决定，"
    text = (f"{opening}暂停实施{TWO}，其中第22号公告相关措施自2026年12月15日起暂停1年，第21号公告相关措施自2026年12月20日起"
            "暂停6个月。")
    assert _steps(text, notice) == [_s(N22, "2027-12-15", "2026-12-15"), _s(N21, "2027-06-20", "2026-12-20")]


@pytest.mark.parametrize("notice", [False, True])
def test_a_step_on_both_whose_start_another_step_contradicts_is_held(notice):
    opening = "商务部决定，自2026年12月10日起，" if notice else D
    text = f"{opening}暂停实施{TWO}，其中第22号公告相关措施暂停1年，第21号公告相关措施自2027年1月1日起暂停6个月。"
    assert "given for MOFCOM-2025-21 again from 2027-01-01" in _held(text, notice)


@pytest.mark.parametrize("text, expected", [
    # one term, the history beside it (no list of terms, or the same term twice)
    (f"{D}继续暂停实施商务部公告2025年第21号相关措施1年（此前已暂停两次，每次90天）。",
     [_s(N21, "2027-12-10", kind="extend")]),
    (f"{D}{ONE}1年，即至2027年12月10日。", [_s(N21, "2027-12-10")]),
    (f"{D}{ONE}，暂停期限为1年，期满后视情延长6个月。", [_s(N21, "2027-12-10")]),
    # each notice its own term, read per notice (actions.apart), and the steps of their own at the step's start
    (f"{D}暂停实施{TWO}，期限分别为6个月和1年。", [_s(N21, "2027-06-10"), _s(N22, "2027-12-10")]),
    (f"{D}暂停实施{TWO}，其中第22号公告相关措施暂停1年，第21号公告相关措施暂停6个月。",
     [_s(N22, "2027-12-10"), _s(N21, "2027-06-10")]),
    # an item control's clause restored is no notice's clause told nothing (parse26/11)
    ("经研究，上述暂停期满后不再延长，商务部公告2024年第46号第二款自2026年12月10日起恢复实施。",
     [("restore", "MOFCOM-2024-46", "2026-12-10", None, None)]),
])
def test_still_read(text, expected):
    assert _steps(text) == expected


@pytest.mark.parametrize("text, expected", [
    (f"{D}{ONE}，暂停期限为6个月；期满后自动恢复实施。", [_s(N21, "2027-06-10"), ("restore", N21, "2027-06-11", None, None)]),
    (f"{D}暂停实施{TWO}，暂停期限为6个月；其中第22号相关措施暂停期限为1年，期满后自动恢复实施。",
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-10"),
      ("restore", N21, "2027-06-11", None, None), ("restore", N22, "2027-12-11", None, None)]),
    (f"{D}暂停实施{TWO}，期限分别为6个月和1年；期满后自动恢复实施。",
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-10"),
      ("restore", N21, "2027-06-11", None, None), ("restore", N22, "2027-12-11", None, None)]),
    (f"{D}暂停实施{TWO}，期限分别为6个月和1年。期满后自动恢复实施。",
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-10"),
      ("restore", N21, "2027-06-11", None, None), ("restore", N22, "2027-12-11", None, None)]),
])
def test_a_restore_at_the_end_after_a_semicolon_or_a_full_stop(text, expected):
    assert _steps(text) == expected


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize("text", [
    f"{ONE}（商务部公告2025年第22号相关措施不在暂停之列），暂停期限为1年。",
    f"{ONE}（不含商务部公告2025年第22号相关措施），暂停期限为1年。",
    f"{ONE}，暂停期限为1年，商务部公告2025年第22号相关措施不在此列。",
])
def test_a_notice_the_step_took_that_its_bracket_or_clause_excepts_is_held(notice, text):
    """review50: in a notice No. 22 was suspended with No. 21 (the last for good), against the text (an answer held the
    first for its clause saying more); "…（…第22号相关措施除外）" was held by unread_exception's entity words alone."""
    opening = "商务部决定，自2026年12月10日起，" if notice else D
    assert "names one of them excepted" in _held(opening + text, notice)
