"""One step on several notices, each notice its own start, term or end (clauses44, session 44): the forms session 43 held for
a person (review46, review47, qa43) read as a step per notice where the pairing is plain (``actions.apart``: 分别 with as
many starts, terms or ends as notices; 其中 naming notices of the step; a clause per notice with no verb), and held where it
is not (counts unequal, 其中 naming a notice the step does not take, a number whose notice is not plain). Expected steps
written before the split was built."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-04 18:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
HEAD = "商务部公告2026年第88号 关于暂停实施相关措施的公告\n【发布文号】商务部公告2026年第88号\n【发文日期】2026年12月03日\n\n"
TAIL = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月3日\n"
TWO = "商务部公告2025年第21号和第22号相关措施"
PAIR = "商务部公告2025年第21号、第22号相关措施"
D = "中方决定，自2026年12月10日起，"
N21, N22, N23, U7 = "MOFCOM-2025-21", "MOFCOM-2025-22", "MOFCOM-2025-23", "UEL-2025-7"
Step = tuple[str, str, str | None, str | None, str | None]  # action, notice, start, end, extended by


def _steps(text: str, notice: bool = False) -> list[Step]:
    page = HEAD + text + TAIL if notice else RELEASE.format(a=text)
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    out = []
    for a in record.actions:
        assert len(a.targets) == 1, a  # a step each
        out.append((a.action.value, a.targets[0].key or "", a.effective, a.until and a.until.isoformat(), a.extends_by))
    return out


def _held(text: str, notice: bool = False) -> str:
    page = HEAD + text + TAIL if notice else RELEASE.format(a=text)
    with pytest.raises(UnusablePage) as refused:
        parse_document(page.encode("utf-8"))
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


def _s(notice: str, end: str, start: str = "2026-12-10", kind: str = "suspend") -> Step:
    return (kind, notice, start, end, None)


# --- read: a step per notice, each with its own term, start or end -------------------------------------------------------

READ: list[tuple[str, bool, list[Step]]] = [
    # 分别 with as many terms as notices (review47's ea60bbc0: held)
    (f"{D}暂停实施{TWO}，期限分别为6个月和1年。", False, [_s(N21, "2027-06-10"), _s(N22, "2027-12-10")]),
    (f"{D}暂停实施{TWO}，为期分别为6个月和1年。", False, [_s(N21, "2027-06-10"), _s(N22, "2027-12-10")]),
    (f"商务部决定，自2026年12月10日起，暂停实施{TWO}，暂停期限分别为6个月、1年，期满后自动恢复实施。", True,
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-10"),
      ("restore", N21, "2027-06-11", None, None), ("restore", N22, "2027-12-11", None, None)]),
    # 分别 starts and 分别 terms
    (f"中方决定，分别自2026年12月10日和2027年1月1日起，暂停实施{TWO}，暂停期限分别为6个月和1年。", False,
     [_s(N21, "2027-06-10"), _s(N22, "2028-01-01", "2027-01-01")]),
    # 分别 with as many starts (review47's 0b7d406f: held): 即日 is the answer's own day
    ("中方决定，分别自即日和2027年1月1日起，停止实施" + TWO + "。", False,
     [("lift", N21, "2026-12-04", None, None), ("lift", N22, "2027-01-01", None, None)]),
    ("中方决定，分别于2026年12月10日和2027年1月1日停止实施" + TWO + "。", False,
     [("lift", N21, "2026-12-10", None, None), ("lift", N22, "2027-01-01", None, None)]),
    ("中方决定，于2026年12月10日、2027年1月1日分别停止实施" + TWO + "。", False,
     [("lift", N21, "2026-12-10", None, None), ("lift", N22, "2027-01-01", None, None)]),
    # 分别 with as many ends (review46's deb8d4bd: held)
    (f"商务部决定，自2026年12月10日起，暂停实施{PAIR}，分别至2027年6月30日和2027年12月31日。", True,
     [_s(N21, "2027-06-30"), _s(N22, "2027-12-31")]),
    (f"{D}对{PAIR}继续暂停实施，暂停期限分别延长至2027年6月30日、2027年12月31日。", False,
     [_s(N21, "2027-06-30", kind="extend"), _s(N22, "2027-12-31", kind="extend")]),
    # an extension with no start: each by its own term from its own suspension's end (qa43: held)
    (f"中方决定，延长{TWO}的暂停期限，分别延长6个月和1年。", False,
     [("extend", N21, "2026-12-04", None, "P6M"), ("extend", N22, "2026-12-04", None, "P1Y")]),
    # 其中 naming each notice with its own end (review46's deb8d4bd: held), and the restore after each
    (f"商务部决定，自2026年12月10日起，暂停实施{PAIR}，其中第21号公告相关措施暂停至2027年6月30日，"
     "第22号公告相关措施暂停至2027年12月31日，期满后自动恢复实施。", True,
     [_s(N21, "2027-06-30"), _s(N22, "2027-12-31"),
      ("restore", N21, "2027-07-01", None, None), ("restore", N22, "2028-01-01", None, None)]),
    # 其中 naming one notice, the step's own term for the other (review47's 1eb61c53: held)
    (f"{D}暂停实施{PAIR}，暂停期限为6个月；其中第22号相关措施暂停期限为1年。", False,
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-10")]),
    (f"{D}暂停实施{PAIR}，暂停期限为1年；其中第22号相关措施暂停期限同为1年。", False,
     [_s(N21, "2027-12-10"), _s(N22, "2027-12-10")]),
    # a clause per notice, no verb (review47's 5f0e11aa, 8696859a: held)
    (f"{D}暂停实施商务部公告2025年第21号相关措施6个月，第22号相关措施1年。", False,
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-10")]),
    (f"{D}暂停实施商务部公告2025年第21号相关措施6个月，商务部公告2025年第22号相关措施暂停期限为1年。", False,
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-10")]),
    (f"{D}暂停实施商务部公告2025年第21号相关措施6个月，第22号相关措施至2027年12月31日。", False,
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-31")]),
    (f"{D}暂停实施商务部公告2025年第21号相关措施1年，第22号相关措施亦同。", False,
     [_s(N21, "2027-12-10"), _s(N22, "2027-12-10")]),
    (f"{D}暂停实施商务部公告2025年第21号相关措施6个月，不可靠实体清单工作机制公告〔2025〕7号相关措施1年。", False,
     [_s(N21, "2027-06-10"), _s(U7, "2027-12-10")]),
    (f"{D}暂停实施{TWO}6个月，第23号相关措施1年。", False,
     [_s(N21, "2027-06-10"), _s(N22, "2027-06-10"), _s(N23, "2027-12-10")]),
]


@pytest.mark.parametrize(("text", "notice", "steps"), READ)
def test_each_notice_its_own_step(text: str, notice: bool, steps: list[Step]) -> None:
    assert _steps(text, notice) == steps


# --- held: which is whose is not plain --------------------------------------------------------------------------------------

HELD: list[tuple[str, bool, str]] = [
    # no 分别: the pairing not said
    (f"{D}继续暂停实施{TWO}，期限为1年和90天。", False, "two terms"),
    ("中方决定，自即日和2027年1月1日起，停止实施" + TWO + "。", False, "two days"),
    # counts unequal: a third notice
    (f"{D}暂停实施商务部公告2025年第21号、第22号和第23号相关措施，期限分别为6个月和1年。", False, "two terms"),
    ("中方决定，分别自即日和2027年1月1日起，停止实施商务部公告2025年第21号、第22号和第23号相关措施。", False, "two days"),
    (f"商务部决定，自2026年12月10日起，暂停实施{PAIR}，分别至2027年6月30日、2027年9月30日和2027年12月31日。", True,
     "different ends"),
    # 其中 a notice the step does not take; a bare number two notices of the step share
    (f"{D}暂停实施{PAIR}，暂停期限为6个月；其中第23号相关措施暂停期限为1年。", False, "two terms"),
    (f"{D}暂停实施商务部公告2025年第7号和不可靠实体清单工作机制公告〔2025〕7号相关措施，暂停期限为6个月；"
     "其中第7号相关措施暂停期限为1年。", False, "two terms"),
    # 其中 one notice's end, the other's not told (was: both to 12-31, No. 21's end invented, silently)
    (f"商务部决定，自2026年12月10日起，暂停实施{PAIR}，其中第22号公告相关措施暂停至2027年12月31日。", True, "apart"),
    # a term after the notice's own (was: both a year, No. 21's six months lost, silently)
    (f"{D}暂停实施{PAIR}，其中第22号相关措施1年，暂停期限为6个月。", False, "apart"),
    # a notice of the step named again; a bare number after notices of two years
    (f"{D}暂停实施{PAIR}6个月，第22号相关措施1年。", False, "no step"),
    (f"{D}暂停实施商务部公告2025年第21号、商务部公告2026年第3号相关措施6个月，第22号相关措施1年。", False, "no step"),
    # starts paired by 分别, terms or ends not (a term: held since review47; two ends: both to 06-30 on main, silently)
    (f"中方决定，分别自2026年12月10日和2027年1月1日起，暂停实施{TWO}，期限为1年和6个月。", False, "two terms"),
    (f"中方决定，分别自2026年12月10日和2027年1月1日起，暂停实施{TWO}，至2027年6月30日和2027年12月31日。", False,
     "different ends"),
    # two ends joined after one 至, no 分别 (was: both to 06-30, No. 22's end six months early, silently)
    (f"{D}对{PAIR}继续暂停实施，暂停期限至2027年6月30日、2027年12月31日。", False, "different ends"),
    # terms and ends both
    (f"{D}暂停实施{TWO}，期限分别为6个月和1年，分别至2027年6月30日和2027年12月31日。", False, "two terms"),
]


@pytest.mark.parametrize(("text", "notice", "why"), HELD)
def test_a_pairing_not_plain_is_held(text: str, notice: bool, why: str) -> None:
    assert why in _held(text, notice)


def test_one_term_for_both_stays_one_step() -> None:
    record = parse_document(RELEASE.format(a=f"{D}暂停实施{TWO}1年。").encode("utf-8")).notice
    assert record is not None
    assert [([t.key for t in a.targets], a.until and a.until.isoformat()) for a in record.actions] == \
        [([N21, N22], "2027-12-10")]


# --- the step's term in a clause of its own opening with "暂停期限延长" ------------------------------------------------------
# "对…第21号相关措施继续暂停实施，暂停期限延长至2027年6月30日" (the object before the verb) was an extension with no end, silently:
# "暂停期限延长" is a verb of its own (VERB_RE), which had no object and cut the step before it (``clauses._term_verbs_joined``).

A21 = "商务部公告2025年第21号相关措施"


@pytest.mark.parametrize(("text", "step"), [
    (f"{D}对{A21}继续暂停实施，暂停期限延长至2027年6月30日。", ("extend", N21, "2026-12-10", "2027-06-30", None)),
    (f"中方决定，{A21}继续暂停实施，暂停期限延长至2027年6月30日。", ("extend", N21, "2026-12-04", "2027-06-30", None)),
    (f"{D}对{A21}继续暂停实施，暂停期限延至2027年6月30日。", ("extend", N21, "2026-12-10", "2027-06-30", None)),
    (f"中方决定，对{A21}继续暂停实施，暂停期限延长1年。", ("extend", N21, "2026-12-04", None, "P1Y")),
    # (the object after the verb: read so before)
    (f"{D}继续暂停实施{A21}，暂停期限延长至2027年6月30日。", ("extend", N21, "2026-12-10", "2027-06-30", None)),
])
def test_a_term_in_its_own_clause_is_the_steps(text: str, step: Step) -> None:
    assert _steps(text) == [step]


def test_another_notice_with_a_verb_of_its_own_is_its_own_step() -> None:
    """Held as an elided step before (a false hold, loud): the clause holds its own verb, "暂停期限延长"."""
    text = f"{D}暂停实施{A21}1年，商务部公告2025年第22号相关措施的暂停期限延长至2027年6月30日。"
    assert _steps(text) == [_s(N21, "2027-12-10"), ("extend", N22, "2026-12-10", "2027-06-30", None)]


# --- probes after the split (each silent on main before this session) ------------------------------------------------------

@pytest.mark.parametrize(("text", "steps"), [
    # the same lift for another notice (was: No. 22's lift missed)
    (f"{D}停止实施{A21}，第22号相关措施亦同。",
     [("lift", N21, "2026-12-10", None, None), ("lift", N22, "2026-12-10", None, None)]),
    # a restore after a clause per notice: each at its own end (was: No. 21's alone, No. 22's lapse presumed)
    (f"{D}暂停实施{A21}6个月，第22号相关措施1年，期满后自动恢复实施。",
     [_s(N21, "2027-06-10"), _s(N22, "2027-12-10"),
      ("restore", N21, "2027-06-11", None, None), ("restore", N22, "2027-12-11", None, None)]),
    # three notices, three terms
    (f"{D}暂停实施商务部公告2025年第21号、第22号和第23号相关措施，期限分别为6个月、9个月和1年。", [
        _s(N21, "2027-06-10"), _s(N22, "2027-09-10"), _s(N23, "2027-12-10")]),
])
def test_probes_read(text: str, steps: list[Step]) -> None:
    assert _steps(text) == steps


@pytest.mark.parametrize(("text", "why"), [
    # 其中 one notice's term in a clause with a verb of its own, the other's not told (was: both 6 months)
    (f"{D}暂停实施{PAIR}，其中第21号相关措施暂停6个月。", "apart"),
    (f"{D}暂停实施{TWO}，其中第21号所列实体的相关措施暂停6个月。", "apart"),
    # 亦同 after another notice's own term: the same as the step, or as that notice?
    (f"{D}暂停实施{A21}6个月，第22号相关措施1年，第23号相关措施亦同。", "no step"),
    # a bare number before a verb (was: No. 21 restored on 12-10, a false 'Restored', No. 22's restore missed)
    (f"{D}暂停实施{A21}1年，第22号相关措施6个月后恢复实施。", "no reference reads"),
])
def test_probes_held(text: str, why: str) -> None:
    assert why in _held(text)
