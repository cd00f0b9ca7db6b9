"""Session 50's probe of this session's parser changes (review59): texts next to the shapes they read.

qa50's fix (74e81aa8) kept an extension of "the others" from taking the named entities of the clause before as its
object only where the others were the object of 对 or followed 所列 directly. Next to it, the others as the clause's
subject ("…的相关措施，其余14家实体的相关措施继续暂停实施1年"), "所列的其余" and "剩下的" still gave the extension to the named
(restored and extended on one day) and the others' extension was missed, silently."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from tests.scraper.test_parse_qa50 import AB, FROM, N21, RELEASE, WHOLE_EXTENDED, A, B, _steps


@pytest.mark.parametrize("rest", [
    "其余14家实体的相关措施继续暂停实施1年。",
    "其他实体的相关措施继续暂停实施1年。",
    "对该公告所列的其余14家实体继续暂停实施相关措施1年。",
    "对剩下的14家实体继续暂停实施相关措施1年。",
    "剩下的14家实体的相关措施继续暂停实施1年。",
])
@pytest.mark.parametrize("verb,kind", [("恢复实施", "restore"), ("停止实施", "lift")])
def test_the_others_as_subject_or_written_another_way_are_extended(verb: str, kind: str, rest: str) -> None:
    answer = f"{FROM}{verb}{N21}中对{A}、{B}等2家实体的相关措施，{rest}"
    assert _steps(answer) == sorted([(kind, ["MOFCOM-2025-21"], "2026-11-11", None, AB), WHOLE_EXTENDED])


def test_the_others_after_a_lift_that_names_its_object_before_stay_out_of_it() -> None:
    """audit29's object clause before the verb, then "其余实体仍按原公告执行" after it: the lift stays on the one named (the
    others as the clause's first words are its subject only before the verb)."""
    answer = f"中方决定，对{N21}所列{A}采取的出口管制措施，自2026年11月11日起予以解除，其余实体仍按原公告执行。"
    assert _steps(answer) == [("lift", ["MOFCOM-2025-21"], "2026-11-11", None, AB[:1])]


def _held(answer: str) -> str:
    from storage.records import UnusablePage
    with pytest.raises(UnusablePage) as held:
        parse_document(RELEASE.format(a=answer).encode("utf-8"))
    return str(held.value)


@pytest.mark.parametrize("some", ["中对其他3个实体", "中对剩下3家实体", "所列部分实体", "中的部分企业"])
@pytest.mark.parametrize("verb", ["停止实施", "恢复实施"])
def test_a_step_on_some_of_a_notices_entities_counted_by_ge_or_uncounted_is_held(verb: str, some: str) -> None:
    """perf50 gated unread_counted_subset on 家 (f93e22fe, no behaviour change); next to it, the same step counted by 个, on
    "剩下3家" or on "部分实体" (some, no count) was a step on all of No. 21: with 停止, all 16 shown lifted (replayed),
    silently. Which entities is for a person."""
    assert "entities of the notice it does not name" in _held(f"{FROM}{verb}{N21}{some}的相关措施。")


def test_a_step_on_the_whole_notice_counting_its_entities_is_read() -> None:
    """"…第21号所列16家美国实体" may be the whole (as before)."""
    assert _steps(f"{FROM}停止实施{N21}所列16家美国实体的相关措施。") == [
        ("lift", ["MOFCOM-2025-21"], "2026-11-11", None, [])]


@pytest.mark.parametrize("d1,d2", [("2027年5月31日", "2027年11月30日"), ("二〇二七年五月三十一日", "二〇二七年十一月三十日")])
def test_two_suspensions_to_days_in_chinese_numerals_then_restored(d1: str, d2: str) -> None:
    """near50's '…A相关措施暂停至D1，B相关措施暂停至D2，期满后恢复实施' (879a8a2a) with the days in Chinese numerals: "暂停" before "至"
    and a day was a verb only with the year in digits, so the two suspensions were lost and one restore of both read from
    the later day (No. 21 restored six months late), silently."""
    answer = f"中方决定，{N21}相关措施暂停至{d1}，商务部公告2025年第22号相关措施暂停至{d2}，期满后恢复实施。"
    assert _steps(answer) == sorted([
        ("suspend", ["MOFCOM-2025-21"], "2026-11-10", "2027-05-31", []),
        ("suspend", ["MOFCOM-2025-22"], "2026-11-10", "2027-11-30", []),
        ("restore", ["MOFCOM-2025-21"], "2027-06-01", None, []),
        ("restore", ["MOFCOM-2025-22"], "2027-12-01", None, [])])
