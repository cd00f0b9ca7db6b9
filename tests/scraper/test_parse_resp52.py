"""resp52 (session 52): the open answer forms on suspensions, lifts and restores (review60/14-16), through the real parser.

- "…第21号相关措施暂停至2027年5月31日，届时停止实施" (review60/14), "期满时终止实施", "到期时不再实施", "届满时停止实施",
  "届时终止执行": the lift at the suspension's end was missed, No. 21 presumed back in force at D's end (silently); "自…起，暂停
  实施…至D，期满时停止实施" and "自…起，…暂停实施1年，届时停止实施" read the lift from the start, months early (silently). Now
  each is the lift from the day after the end, as "期满后停止实施" is since resp51 (``targets.at_end_time``); "继续暂停实施…1年，
  届时停止实施" (no end a day) and "…召开会议，届时停止实施…" (届时 no suspension's end) are held
  (``checks.unread_lift_at_expiry``).
- "…暂停至D，到期后不再恢复实施" (review60/15): the suspension alone, silently. Held (``checks.unread_no_restore``): a lift or a
  suspension with no end is a person's call (the owner's question).
- "商务部公告〔2025〕21号和〔2025〕22号" (review60/16): the second keyed UEL-2025-22. Now MOFCOM-2025-22 (``number._bracket_scheme``).
"""

from __future__ import annotations

import pytest

from scraper.parse.number import find_references
from scraper.parse.textnorm import fold
from tests.scraper.test_parse_fix60 import K21, K22, QA, D, N, Step, _held, _steps

P21 = "商务部公告2025年第21号相关措施"
SUSPEND_21 = ("suspend", [K21], "2026-11-10", "2027-05-31")
LIFT_21 = ("lift", [K21], "2027-06-01", None)

LIFTS_AT_THE_END = [
    f"中方决定，{P21}暂停至2027年5月31日，届时停止实施。",
    f"中方决定，{P21}暂停至2027年5月31日，届满时停止实施。",
    f"中方决定，{P21}暂停至2027年5月31日，期满时终止实施。",
    f"中方决定，{P21}暂停至2027年5月31日，到期时不再实施。",
    f"中方决定，{P21}暂停至2027年5月31日，届时终止执行。",
    f"中方决定，{P21}暂停至2027年5月31日，期满之时停止实施。",
]


@pytest.mark.parametrize("a", LIFTS_AT_THE_END)
def test_a_lift_at_the_end_told_by_its_time_is_read_from_the_day_after(a: str) -> None:
    assert _steps(QA.format(a=a)) == [SUSPEND_21, LIFT_21]


def test_a_lift_at_the_end_of_a_suspension_from_a_start_is_not_read_from_the_start() -> None:
    a = f"中方决定，自2026年11月11日起，暂停实施{P21}至2027年5月31日，期满时停止实施。"
    assert _steps(QA.format(a=a)) == [("suspend", [K21], "2026-11-11", "2027-05-31"), LIFT_21]


def test_a_lift_at_the_end_of_a_term_from_a_start_is_read_at_its_lapse() -> None:
    a = f"中方决定，自2026年11月11日起，{P21}暂停实施1年，届时停止实施。"
    assert _steps(QA.format(a=a)) == [("suspend", [K21], "2026-11-11", "2027-11-11"),
                                      ("lift", [K21], "2027-11-12", None)]


@pytest.mark.parametrize("when", ["届时", "届满时"])
def test_lifts_at_each_end_are_split_per_notice(when: str) -> None:
    a = f"中方决定，{N}分别暂停至{D}，{when}停止实施。"
    assert _steps(QA.format(a=a)) == [("suspend", [K21], "2026-11-10", "2027-05-31"),
                                      ("suspend", [K22], "2026-11-10", "2027-11-30"),
                                      ("lift", [K21], "2027-06-01", None), ("lift", [K22], "2027-12-01", None)]


def test_a_lift_and_a_restore_each_at_its_own_end() -> None:
    a = (f"中方决定，{P21}暂停至2027年5月31日，届时停止实施；商务部公告2025年第22号相关措施暂停至2027年11月30日，"
         "届时恢复实施。")
    assert _steps(QA.format(a=a)) == [SUSPEND_21, LIFT_21, ("suspend", [K22], "2026-11-10", "2027-11-30"),
                                      ("restore", [K22], "2027-12-01", None)]


@pytest.mark.parametrize("when", ["届时自动", "到期时按期", "期满时"])
def test_a_restore_at_the_end_told_by_its_time_is_read(when: str) -> None:
    a = f"中方决定，{P21}暂停至2027年5月31日，{when}恢复实施。"
    assert _steps(QA.format(a=a)) == [SUSPEND_21, ("restore", [K21], "2027-06-01", None)]


HELD_LIFTS = [
    f"中方决定，继续暂停实施{P21}1年，届时停止实施。",  # the end counted from the running one: no day to read
    f"中方决定，继续暂停实施{P21}1年，期满时不再执行。",
    f"中方决定于2026年12月10日召开会议，届时停止实施{P21}。",  # 届时: the meeting's day, read as the answer's
]


@pytest.mark.parametrize("a", HELD_LIFTS)
def test_a_lift_at_an_end_it_cannot_date_is_held(a: str) -> None:
    assert "a lift at the end of a suspension" in _held(QA.format(a=a))


def test_a_lift_left_to_later_is_no_lift() -> None:
    for a in (f"中方决定，{P21}暂停至2027年5月31日，届时视情决定是否停止实施。",
              f"中方决定，{P21}暂停至2027年5月31日，届时是否停止实施另行公告。"):
        assert _steps(QA.format(a=a)) == [SUSPEND_21]


NOT_RESTORED = [
    f"中方决定，{P21}暂停至2027年5月31日，到期后不再恢复实施。",
    f"中方决定，{P21}暂停至2027年5月31日，期满后不再恢复实施。",
    f"中方决定，{P21}暂停至2027年5月31日。暂停期满后，上述措施不再恢复实施。",
    f"中方决定，{N}分别暂停至{D}，到期后均不再恢复实施。",
]


@pytest.mark.parametrize("a", NOT_RESTORED)
def test_measures_no_longer_restored_are_held(a: str) -> None:
    assert "measures no longer restored" in _held(QA.format(a=a))


def _keys(text: str) -> list[str | None]:
    folded = fold(text)
    return [r.key for _, _, r in find_references(folded, folded)]


@pytest.mark.parametrize(("text", "keys"), [
    ("商务部公告〔2025〕21号和〔2025〕22号相关措施", [K21, K22]),
    ("商务部公告〔2025〕21号、〔2025〕22号相关措施", [K21, K22]),
    ("商务部令〔2025〕1号和〔2025〕2号", ["MOFCOM-ORDER-2025-1", "MOFCOM-ORDER-2025-2"]),
    ("商务部公告〔2025〕21号和不可靠实体清单工作机制公告〔2025〕7号", [K21, "UEL-2025-7"]),
    ("不可靠实体清单工作机制公告〔2025〕7号和〔2025〕8号", ["UEL-2025-7", "UEL-2025-8"]),
    ("〔2025〕7号", ["UEL-2025-7"]),
])
def test_a_bare_bracket_number_joined_to_a_ministry_s_is_the_ministry_s(text: str, keys: list[str]) -> None:
    assert _keys(text) == keys


def test_review60_16_reads_both_ministry_notices() -> None:
    a = "中方决定，商务部公告〔2025〕21号和〔2025〕22号相关措施分别暂停至2027年5月31日和2027年11月30日，期满后停止实施。"
    steps: list[Step] = _steps(QA.format(a=a))
    assert [s[1] for s in steps] == [[K21], [K22], [K21], [K22]]


# "对A和B相关措施分别继续暂停实施1年和6个月" (qa51/33, over two lists' notices): held ("one step on 2 notices gives them two
# terms"), where "分别继续暂停实施A和B相关措施1年和6个月" was read. Now each its term (``apart._told_lists``).
def test_terms_right_after_the_verb_go_to_the_notices_before_it_each() -> None:
    a = f"中方决定，自2027年3月1日起，对{N}分别继续暂停实施1年和6个月。"
    assert _steps(QA.format(a=a)) == [("extend", [K21], "2027-03-01", "2028-03-01"),
                                      ("extend", [K22], "2027-03-01", "2027-09-01")]


def test_terms_right_after_the_verb_over_two_lists() -> None:
    a = ("中方决定，自2027年3月1日起，对商务部公告2025年第21号和不可靠实体清单工作机制公告〔2025〕7号相关措施分别继续暂停实施"
         "1年和6个月。")
    assert _steps(QA.format(a=a)) == [("extend", [K21], "2027-03-01", "2028-03-01"),
                                      ("extend", ["UEL-2025-7"], "2027-03-01", "2027-09-01")]


def test_fewer_terms_than_notices_right_after_the_verb_stay_held() -> None:
    a = "中方决定，自2027年3月1日起，对商务部公告2025年第21号、第22号和第23号相关措施分别继续暂停实施1年和6个月。"
    assert "two terms" in _held(QA.format(a=a))


@pytest.mark.parametrize("tail", ["，即分别至2027年5月10和11月10日。", "，即"])
def test_terms_right_after_the_verb_with_an_end_it_cannot_read_stay_held(tail: str) -> None:
    a = f"中方决定，自2026年11月11日起，{N}分别暂停实施6个月和1年{tail}"
    _held(QA.format(a=a))


# After a suspension read, an end's word then a verb stopping the measures in wordings no lift reads ("期满即停止实施",
# "到期后即行停止实施", "此后不再实施", "之后停止实施", "期满后该公告废止", "期满后予以取消", "到期自动终止", "期满后自动失效"):
# the suspension alone, No. 21 presumed back in force at its end, silently. Held (``checks.unread_loose_lift_at_end``).
LOOSE_LIFTS = ["期满即停止实施", "到期后即行停止实施", "此后不再实施", "之后停止实施", "期满后该公告废止", "期满后予以取消",
               "到期自动终止", "期满后自动失效"]


@pytest.mark.parametrize("then", LOOSE_LIFTS)
def test_measures_stopping_at_the_end_in_words_no_lift_reads_are_held(then: str) -> None:
    assert "the measures stop at the end of a suspension" in _held(QA.format(a=f"中方决定，{P21}暂停至2027年5月31日，{then}。"))


@pytest.mark.parametrize(("then", "step"), [("期满后停止暂停", "restore"), ("期满后恢复实施", "restore"), ("届时停止实施", "lift")])
def test_a_step_read_at_the_end_is_not_held(then: str, step: str) -> None:
    assert _steps(QA.format(a=f"中方决定，{P21}暂停至2027年5月31日，{then}。")) == [SUSPEND_21, (step, [K21], "2027-06-01", None)]



def test_a_lift_at_the_end_read_from_the_start_before_it_is_held() -> None:
    # "自…起，暂停实施…至D，期满停止实施" (no 后 or 时): the lift was read from 2026-12-01, the suspension's own start, silently
    a = f"中方决定，自2026年12月1日起，暂停实施{P21}至2027年5月31日，期满停止实施。"
    assert "the measures stop at the end of a suspension" in _held(QA.format(a=a))
