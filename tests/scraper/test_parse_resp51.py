"""resp51 (session 51): fix60's open forms and review59's open B, through the real parser.

- "…第21号有关3家实体的相关措施", "…涉及的5家实体…", "…有关2个实体…" (review59/14): a step on some of a notice's entities,
  counted and not named, was read as a step on the whole notice ("暂停实施…有关2个实体的相关措施1年": all 16 suspended for a
  year, silently). Held now (``checks.unread_counted_subset``).
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from tests.scraper.test_parse_fix60 import K21, K22, QA, N, Step, _held, _steps

NOTICE = ("商务部公告2026年第91号 关于调整有关公告相关措施的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第91号\n"
          "【发文日期】2026年11月10日\n\n商务部公告2026年第91号\n\n{a}\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年11月10日\n")

SUBSETS = [
    "中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号有关3家实体的相关措施。",
    "中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号涉及的5家实体的相关措施。",
    "中方决定，自2026年11月11日起，暂停实施商务部公告2025年第21号有关2个实体的相关措施1年。",
    "中方决定，自2026年11月11日起，恢复实施商务部公告2025年第21号涉及其余3家实体的相关措施。",
]


@pytest.mark.parametrize("a", SUBSETS)
def test_a_step_on_counted_unnamed_entities_of_a_notice_is_held(a: str) -> None:
    assert "entities of the notice it does not name" in _held(QA.format(a=a))


def test_a_step_on_counted_unnamed_entities_is_held_in_a_notice() -> None:
    a = "商务部决定，自2026年11月11日起，暂停实施商务部公告2025年第21号有关2家实体的相关措施1年。"
    assert "entities of the notice it does not name" in _held(NOTICE.format(a=a))


def test_a_step_on_a_notice_s_related_measures_stays_read() -> None:
    a = "中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号有关措施。"
    assert _steps(QA.format(a=a)) == [("lift", [K21], "2026-11-11", None)]


# "期满后停止实施" after suspensions with their ends (review59/25, fix60's open B): the lifts were not read (each notice left
# to lapse at its end, "presumed back in force, needs review"), or read from the sentence's day ("暂停实施…至D，期满后停止
# 实施": No. 21 lifted from the answer's day, while it is suspended to D). Now each lifted the day after its own end.
def _each_to_own_end_then(then: str, first: str = "suspend", start: str = "2026-11-10") -> list[Step]:
    return [(first, [K21], start, "2027-05-31"), (first, [K22], start, "2027-11-30"),
            (then, [K21], "2027-06-01", None), (then, [K22], "2027-12-01", None)]


D = "2027年5月31日和2027年11月30日"
LIFTS_AFTER_EACH_END = [
    f"中方决定，{N}分别暂停至{D}，期满后停止实施。",
    f"中方决定，{N}分别暂停实施至{D}，期满后分别停止实施。",
    f"中方决定，{N}分别暂停至{D}，期满后终止实施。",
    f"中方决定，{N}分别暂停至{D}，期满后，上述措施停止执行。",
    "中方决定，商务部公告2025年第21号相关措施暂停至2027年5月31日，商务部公告2025年第22号相关措施暂停至2027年11月30日，期满后停止实施。",
    "中方决定，商务部公告2025年第21号相关措施暂停至2027年5月31日，商务部公告2025年第22号相关措施暂停至2027年11月30日，期满后均停止实施。",
]


@pytest.mark.parametrize("a", LIFTS_AFTER_EACH_END)
def test_each_notice_is_lifted_the_day_after_its_own_end(a: str) -> None:
    assert _steps(QA.format(a=a)) == _each_to_own_end_then("lift")


def test_each_notice_is_lifted_the_day_after_its_own_end_in_a_notice() -> None:
    a = f"商务部决定，{N}分别暂停至{D}，期满后停止执行。"
    assert _steps(NOTICE.format(a=a)) == _each_to_own_end_then("lift")


@pytest.mark.parametrize(("a", "steps"), [
    ("中方决定，商务部公告2025年第21号相关措施暂停至2027年5月31日，期满后停止实施。",
     [("suspend", [K21], "2026-11-10", "2027-05-31"), ("lift", [K21], "2027-06-01", None)]),
    # (was: the lift from the answer's day 2026-11-10)
    ("中方决定，暂停实施商务部公告2025年第21号相关措施至2027年5月31日，期满后停止实施。",
     [("suspend", [K21], "2026-11-10", "2027-05-31"), ("lift", [K21], "2027-06-01", None)]),
    ("中方决定，自2026年12月1日起，暂停实施商务部公告2025年第21号相关措施至2027年5月31日，期满后停止执行。",
     [("suspend", [K21], "2026-12-01", "2027-05-31"), ("lift", [K21], "2027-06-01", None)]),
    ("中方决定，自2026年11月11日起，继续暂停实施商务部公告2025年第21号相关措施1年，期满后停止实施。",
     [("extend", [K21], "2026-11-11", "2027-11-11"), ("lift", [K21], "2027-11-12", None)]),
    ("中方决定，商务部公告2025年第21号相关措施的暂停期限延长至2027年5月31日，期满后终止执行。",
     [("extend", [K21], "2026-11-10", "2027-05-31"), ("lift", [K21], "2027-06-01", None)]),
])
def test_one_notice_is_lifted_the_day_after_its_end(a: str, steps: list[Step]) -> None:
    assert _steps(QA.format(a=a)) == steps


@pytest.mark.parametrize("a", [
    # the end counted from the running one (only the engine knows it): was a lift from the answer's day, a year early
    "中方决定，继续暂停实施商务部公告2025年第21号相关措施1年，期满后停止实施。",
    "中方决定，商务部公告2025年第21号相关措施的暂停期限延长1年，期满后停止实施。",
])
def test_a_lift_after_an_end_not_told_as_a_day_is_held(a: str) -> None:
    assert "a lift at the end of a suspension" in _held(QA.format(a=a))


def test_a_lift_with_its_own_day_after_the_end_stays_read() -> None:
    a = "中方决定，商务部公告2025年第21号相关措施暂停期限届满后不再延长，自2026年11月11日起停止实施该公告相关措施。"
    assert _steps(QA.format(a=a)) == [("lift", [K21], "2026-11-11", None)]


# "暂缓(实施)" and "中止(实施/执行)" for 暂停 (fix60's open "分别暂缓/中止实施至…"): the suspensions were read, the restores after
# them not (``periods.suspension_end`` looked for 暂停 only: each notice left to lapse at its end, "presumed back in force,
# needs review"); "…相关措施分别暂缓至D1和D2" / "…中止至…" (no 实施) were held. Now read as "暂停(实施)至".
ZANHUAN_ZHONGZHI = [
    f"中方决定，{N}分别暂缓实施至{D}，期满后恢复实施。",
    f"中方决定，{N}分别中止实施至{D}，期满后恢复实施。",
    f"中方决定，{N}分别中止执行至{D}，期满后恢复执行。",
    f"中方决定，{N}分别暂缓至{D}，期满后恢复实施。",
    f"中方决定，{N}分别中止至{D}，期满后恢复实施。",
]


@pytest.mark.parametrize("a", ZANHUAN_ZHONGZHI)
def test_each_notice_held_off_to_its_own_end_is_restored_the_day_after(a: str) -> None:
    assert _steps(QA.format(a=a)) == _each_to_own_end_then("restore")


def test_each_notice_held_off_is_lifted_the_day_after_its_own_end() -> None:
    assert _steps(QA.format(a=f"中方决定，{N}分别中止至{D}，期满后停止实施。")) == _each_to_own_end_then("lift")


@pytest.mark.parametrize("a", [
    "中方决定，商务部公告2025年第21号相关措施暂缓实施至2027年5月31日，期满后恢复实施。",
    "中方决定，商务部公告2025年第21号相关措施中止实施至2027年5月31日，期满后恢复实施。",
    "中方决定，商务部公告2025年第21号相关措施暂缓至2027年5月31日，期满后恢复实施。",
    "中方决定，中止实施商务部公告2025年第21号相关措施至2027年5月31日，期满后自动恢复实施。",
])
def test_one_notice_held_off_to_its_end_is_restored_the_day_after(a: str) -> None:
    assert _steps(QA.format(a=a)) == [("suspend", [K21], "2026-11-10", "2027-05-31"), ("restore", [K21], "2027-06-01", None)]


@pytest.mark.parametrize("a", ["中方决定，商务部公告2025年第21号相关措施的中止至今未变。", "中方决定，商务部公告2025年第21号相关措施暂缓至今。"])
def test_held_off_with_no_day_after_it_is_no_step(a: str) -> None:
    assert "announces a change" in _held(QA.format(a=a))


# A later end leaving its year to the one before ("分别暂停至2027年5月31日和11月30日", fix60's open B: held): read as that year's
# where it is later than the day before; an earlier one (2027 or 2028?) stays held.
@pytest.mark.parametrize(("a", "steps"), [
    (f"中方决定，{N}分别暂停至2027年5月31日和11月30日，期满后恢复实施。", _each_to_own_end_then("restore")),
    (f"中方决定，{N}分别暂停至2027年5月31日和11月30日，期满后停止实施。", _each_to_own_end_then("lift")),
    (f"中方决定，{N}分别暂停至二〇二七年五月三十一日和十一月三十日，期满后恢复实施。", _each_to_own_end_then("restore")),
    (f"中方决定，{N}的暂停期限分别延长至2027年5月31日和11月30日，期满后恢复实施。", _each_to_own_end_then("restore", "extend")),
    (f"中方决定，暂停实施{N}，分别至2027年5月31日和11月30日，期满后恢复实施。", _each_to_own_end_then("restore")),
    ("中方决定，商务部公告2025年第21号、第22号和第23号相关措施分别暂停至2027年5月31日、8月31日和11月30日。",
     [("suspend", [K21], "2026-11-10", "2027-05-31"), ("suspend", [K22], "2026-11-10", "2027-08-31"),
      ("suspend", ["MOFCOM-2025-23"], "2026-11-10", "2027-11-30")]),
])
def test_a_later_end_without_its_year_takes_the_year_before(a: str, steps: list[Step]) -> None:
    assert _steps(QA.format(a=a)) == steps


def test_a_later_end_without_its_year_in_a_notice() -> None:
    a = f"商务部决定，{N}分别暂停至2027年5月31日和11月30日，期满后停止实施。"
    assert _steps(NOTICE.format(a=a)) == _each_to_own_end_then("lift")


@pytest.mark.parametrize("a", [
    f"中方决定，{N}分别暂停至2027年11月30日和5月31日，期满后恢复实施。",
    f"中方决定，暂停实施{N}，分别至2027年11月30日和5月31日，期满后恢复实施。",
    f"中方决定，{N}的暂停期限分别延长至2027年11月30日和5月31日。",
    "中方决定，商务部公告2025年第21号、第22号和第23号相关措施分别暂停至2027年5月31日、11月30日和8月31日。",
    f"中方决定，{N}分别暂停至2027年5月31日和5月31日。",
])
def test_an_end_without_its_year_not_later_than_the_one_before_is_held(a: str) -> None:
    assert "says 分别 but reads one end" in _held(QA.format(a=a))


# "…相关措施的暂停(分别)延长至<day>" (resp51/08): one notice read the restore after it alone (the extension dropped: the notice
# lapsed at the old end, "presumed back in force, needs review", until the restore); 分别 was held. Now an extension.
@pytest.mark.parametrize(("a", "steps"), [
    ("中方决定，商务部公告2025年第21号相关措施的暂停延长至2027年5月31日，期满后恢复实施。",
     [("extend", [K21], "2026-11-10", "2027-05-31"), ("restore", [K21], "2027-06-01", None)]),
    ("中方决定，将商务部公告2025年第21号相关措施的暂停延长至2027年5月31日。", [("extend", [K21], "2026-11-10", "2027-05-31")]),
    (f"中方决定，{N}的暂停分别延长至{D}，期满后恢复实施。", _each_to_own_end_then("restore", "extend")),
    (f"中方决定，{N}的暂停分别延长至2027年5月31日和11月30日，期满后停止实施。", _each_to_own_end_then("lift", "extend")),
])
def test_the_suspension_of_the_measures_extended_to_a_day_is_an_extension(a: str, steps: list[Step]) -> None:
    assert _steps(QA.format(a=a)) == steps


@pytest.mark.parametrize(("a", "why"), [
    (f"中方决定，{N}的暂停延长至{D}。", "different ends"),
    ("中方决定，商务部公告2025年第21号相关措施的暂停延长1年。", "announces a change"),  # (a term: not this form)
])
def test_the_suspension_extended_stays_held_where_not_read(a: str, why: str) -> None:
    assert why in _held(QA.format(a=a))


# review59/10: "…所列A（a）采取的出口管制措施，自…起予以解除，对其他实体的措施不变" was held (the others taken as the lift's own
# object, qa50's OWN_OTHERS_RE); "对…其他实体的相关措施保持不变" was read. "措施(仍)不变" now keeps its clause as it is too.
NAMED = "对商务部公告2025年第21号所列高点航空技术公司（High Point Aerotechnologies）采取的出口管制措施，自2026年11月11日起予以解除，"


@pytest.mark.parametrize("rest", ["对其他实体的措施不变。", "对其余实体的相关措施仍不变。", "其他实体的相关措施不变。",
                                  "对该公告所列其他实体的相关措施保持不变。"])
def test_a_lift_of_one_named_with_the_others_unchanged(rest: str) -> None:
    record = parse_document(QA.format(a=f"中方决定，{NAMED}{rest}").encode("utf-8")).notice
    assert record is not None
    assert [(x.action.value, [t.key for t in x.targets], x.effective, list(x.entities)) for x in record.actions] == [
        ("lift", [K21], "2026-11-11", ["highpointaerotechnologies"])]


def test_a_step_on_the_others_after_a_lift_of_one_named_stays_held() -> None:
    assert "is the others of names its sentence tells" in _held(QA.format(a=f"中方决定，{NAMED}对其他实体继续暂停实施相关措施。"))
