"""near50 (session 50): session 49's open B on MOFCOM steps and an MFA person's nationality, through the real parser.

- "A暂停至D1，B暂停至D2，期满后恢复实施" (review55/11) restored B alone, A's end a lapse "needs review"; "期满后分别恢复实施" restored
  neither: each is back after its own end now (``targets._extended_before``, ``targets.AT_EXPIRY_RE``).
- "…第21号、第22号相关措施1年，其中第22号公告其他措施停止实施" (range49) was held saying "which end is whose is not read": the
  reason now names the step of its own (``checks.unread_ends_apart``).
- "原美国国籍，现加拿大国籍" (review55) gave no country of the note's, so the title's (US): the one now, CA
  (``mfa.reading._own_country``).
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from tests.scraper.test_parse_near50 import K21, K22, N21, N22, Step, _held, _steps

# --- one restore after two suspensions to their own ends: each back after its own end


@pytest.mark.parametrize("restore", ["期满后恢复实施", "期满后均恢复实施", "期满后分别恢复实施", "上述措施期满后自动恢复实施",
                                     "期满后自动恢复实施"])
def test_a_restore_after_two_suspensions_restores_each_at_its_end(restore: str) -> None:
    text = f"中方决定，{N21}相关措施暂停至2027年6月30日，{N22}相关措施暂停至2027年12月31日，{restore}。"
    assert _steps(text) == [("suspend", [K21], "2026-12-09", "2027-06-30"), ("suspend", [K22], "2026-12-09", "2027-12-31"),
                            ("restore", [K21], "2027-07-01", None), ("restore", [K22], "2028-01-01", None)]


@pytest.mark.parametrize(("text", "steps"), [
    # the restore told for the first only, before the "；"
    (f"中方决定，{N21}相关措施暂停至2027年6月30日，期满后恢复实施；{N22}相关措施暂停至2027年12月31日。",
     [("suspend", [K21], "2026-12-09", "2027-06-30"), ("restore", [K21], "2027-07-01", None),
      ("suspend", [K22], "2026-12-09", "2027-12-31")]),
    # a lift before the suspension: the restore is the suspended notice's alone
    (f"中方决定，自2026年12月10日起，停止实施{N22}相关措施，{N21}相关措施暂停至2027年6月30日，期满后恢复实施。",
     [("lift", [K22], "2026-12-10", None), ("suspend", [K21], "2026-12-10", "2027-06-30"),
      ("restore", [K21], "2027-07-01", None)]),
])
def test_a_restore_takes_back_only_the_suspensions_right_before_it(text: str, steps: list[Step]) -> None:
    assert _steps(text) == steps


# --- "其中第22号公告其他措施停止实施" (range49's open B): held, the reason naming the step, not ends


def test_a_step_of_its_own_on_one_notice_apart_is_held_for_its_measures() -> None:
    text = f"中方决定，自2026年12月10日起，继续暂停实施{N21}、第22号相关措施1年，其中第22号公告其他措施停止实施。"
    why = _held(text)
    assert "with a step of its own (\"其中第22号公告其他措施停止实施\")" in why and "end" not in why


def test_one_notice_apart_with_an_end_keeps_its_reason() -> None:
    text = f"中方决定，自2026年12月10日起，继续暂停实施{N21}、第22号相关措施1年，其中第22号公告相关措施暂停6个月。"
    assert "which end is whose" in _held(text)


# --- an MFA person's nationality: the one now, not the one once held (review55's open B)

MFA = ("关于对美国军工企业高级管理人员采取反制措施的决定\n2026-12-08 16:30\n\n（2026年12月8日中华人民共和国外交部令第41号公布，"
       "自2026年12月8日起施行）\n\n依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定"
       "对约翰·史密斯等2人采取以下反制措施：\n\n一、冻结其在我国境内的动产、不动产和其他各类财产；\n二、对其本人不予签发签证、"
       "不准入境（包括香港、澳门）。\n\n本决定自2026年12月8日起施行。\n\n附件：反制清单\n\n外交部\n2026年12月8日\n\n附件\n\n"
       "反制清单\n\n（一）{p1}\n（二）丽莎·温斯顿（Lisa Winston），女，美国籍，通用动力公司执行副总裁\n")


@pytest.mark.parametrize(("p1", "country"), [
    ("约翰·史密斯（John Smith），男，原美国国籍，现加拿大国籍，雷神公司首席运营官", "CA"),
    ("约翰·史密斯（John Smith），男，原加拿大国籍，现美国国籍，洛克希德·马丁公司副总裁", "US"),
    ("约翰·史密斯，男，原加拿大国籍，现美国国籍", "US"),
    ("约翰·史密斯（John Smith），男，加拿大国籍，洛克希德·马丁公司副总裁", "CA"),
    ("约翰·史密斯（John Smith），男，加拿大籍，洛克希德·马丁公司副总裁", "CA"),
])
def test_a_persons_nationality_is_the_one_now(p1: str, country: str) -> None:
    record = parse_document(MFA.replace("{p1}", p1).encode("utf-8")).notice
    assert record is not None
    assert [(e.zh, e.country) for e in record.entities][0] == ("约翰·史密斯", country)
