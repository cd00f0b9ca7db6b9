"""probe44's open A's after clauses44's split (session 44, the lead's end): each was silent at the session's start.

- #18: "…第21号和第22号相关措施，其中第22号公告相关措施暂停1年，第21号公告相关措施暂停6个月" gave, beside the right step per
  notice, a step on both with no end: a false "Suspended: … until further notice" item for each (the states were right,
  the later steps' ends won). The step said whole by the steps of its own is dropped (``clauses._drop_said_apart``).
- #19/#31: 分别 pairing entities, not notices ("…第21号相关措施，对甲公司和乙公司的暂停期限分别为6个月和1年"): No. 21 six
  months for all of its entities, silently. Held for a person (``checks.unread_entities_apart``).
Expected steps written from probe44's report before the fixes."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from tests.scraper.test_parse_clauses44 import RELEASE, TWO, D, _held, _s, _steps

N21, N22 = "MOFCOM-2025-21", "MOFCOM-2025-22"
COMPANIES = "，对甲公司和乙公司的暂停期限分别为6个月和1年。"


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize("among, expected", [
    ("其中第22号公告相关措施暂停1年，第21号公告相关措施暂停6个月。", [_s(N22, "2027-12-10"), _s(N21, "2027-06-10")]),
    ("其中第21号公告相关措施暂停6个月，第22号公告相关措施暂停1年。", [_s(N21, "2027-06-10"), _s(N22, "2027-12-10")]),
])
def test_a_step_on_both_said_again_per_notice_with_ends_is_the_steps_of_their_own(notice, among, expected):
    opening = "商务部决定，自2026年12月10日起，" if notice else D
    assert _steps(f"{opening}暂停实施{TWO}，{among}", notice) == expected


def test_a_step_on_both_with_one_notice_s_own_end_only_stays():
    """Only No. 22 given a step of its own: the step on both is not said whole by the others, so it stays (No. 21
    suspended with no term told, as the text says; probe44's B), beside No. 22's year."""
    page = RELEASE.format(a=f"{D}暂停实施{TWO}，其中第22号公告相关措施暂停1年。")
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    got = [([t.key for t in a.targets], a.until and a.until.isoformat()) for a in record.actions]
    assert got == [([N21, N22], None), ([N22], "2027-12-10")], got


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize("text", [
    f"暂停实施商务部公告2025年第21号相关措施{COMPANIES}",
    f"暂停实施{TWO}，其中第22号公告所列两家实体的暂停期限分别为6个月和1年。",
    "暂停实施商务部公告2025年第21号相关措施，对峡谷动力公司（Canyon Dynamics Inc.）和苍鹭光学公司（Heron Optics LLC）的暂停期限"
    "分别至2027年6月10日和2027年12月10日。",
])
def test_terms_given_to_entities_respectively_are_held(notice, text):
    opening = "商务部决定，自2026年12月10日起，" if notice else D
    assert "entities respectively" in _held(opening + text, notice)


@pytest.mark.parametrize("text, expected", [
    (f"{D}暂停实施{TWO}，期限分别为6个月和1年。", [_s(N21, "2027-06-10"), _s(N22, "2027-12-10")]),
    (f"{D}暂停实施{TWO}，暂停期限分别为6个月和1年，期满后相关实体的措施自动恢复实施。",
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-10"),
      ("restore", N21, "2027-06-11", None, None), ("restore", N22, "2027-12-11", None, None)]),
])
def test_notices_paired_respectively_are_still_read(text, expected):
    assert _steps(text) == expected
