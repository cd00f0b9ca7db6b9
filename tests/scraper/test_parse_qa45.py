"""Session 45's blind round on Q&As and press conferences (qa45, tests/data/corpus/qa45/).

Found blind (A, each silent before):
- "对2025年4月4日被列入不可靠实体清单的11家美国实体中的A（a）、B（b）停止实施相关措施" (qa45/26): the notice named by its day, list
  and count, the names after "…实体中的" not read: a lift of all 11, its 9 others falsely lifted. Probes: the names right after
  "…清单的", Chinese names alone, "和" between them; "…名单的A（a）等16家美国实体" stays the whole day's listing; "…名单的
  立方公司、特科姆公司两家企业" (a count with no 等) read as all 16 of that day, silently (by the number: held by the engine).
- "中方决定，自原暂停期限届满之日起，继续暂停…7号相关措施1年" (qa45/02), no end day told: read from the answer's own day (12-02 to
  2027-12-02, not from the lapse to 2027-11-10). Probe: the same words in a clause after another's "自2026年12月20日起" took
  that day. Both now held for a person."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.lifecycle import derive
from storage.records import ListingState, NoticeRecord, UnusablePage
from tests.storage.test_lifecycle_corpus import stored
from tests.storage.test_lifecycle_removals import notices

UEL7 = "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）"
ECL21 = "4月4日公告（商务部公告2025年第21号）"
RELEASE = ("商务部新闻发言人就调整{lst}措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 18:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "qa45"
UEL7_TEXT = Path(__file__).parents[1] / "data" / "stories45" / "extended_twice_disagree" / "b-uel-2025-7-real.txt"
Step = tuple[str, str | None, str | None, str | None, tuple[str, ...]]


def _steps(text: str) -> list[Step]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, a.targets[0].key or (a.targets[0].date and a.targets[0].date.isoformat()), a.effective,
             a.until and a.until.isoformat(), a.entities) for a in notice.actions]


def _release(answer: str, lst: str = "不可靠实体清单", day: str = "2026-12-18") -> str:
    return RELEASE.format(lst=lst, day=day, a=answer.format(ecl=ECL21, uel=UEL7))


# --- some entities of a notice named by its day, list and count (qa45/26) ---------------------------------------------------

NEROS, RAPID = "尼罗斯科技公司（Neros Technologies）", "急速飞行公司（Rapid Flight LLC）"


@pytest.mark.parametrize(("obj", "keys"), [
    (f"2025年4月4日被列入不可靠实体清单的11家美国实体中的{NEROS}、{RAPID}", ("nerostechnologies", "rapidflight")),
    (f"2025年4月4日被列入不可靠实体清单的{NEROS}、{RAPID}", ("nerostechnologies", "rapidflight")),
    (f"2025年4月4日被列入不可靠实体清单的11家美国实体中的{NEROS}", ("nerostechnologies",)),
    ("2025年4月4日被列入不可靠实体清单的11家美国实体中的尼罗斯科技公司、急速飞行公司", ("尼罗斯科技", "急速飞行")),
    (f"2025年4月4日列入不可靠实体清单的美国实体中的{NEROS}和{RAPID}", ("nerostechnologies", "rapidflight")),
    (f"不可靠实体清单工作机制于2025年4月4日列入不可靠实体清单的11家实体中的{NEROS}", ("nerostechnologies",)),
])
def test_a_lift_of_named_entities_of_a_notice_named_by_its_day_is_theirs_alone(obj: str, keys: tuple[str, ...]) -> None:
    steps = _steps(_release(f"经核查，中方决定，自2026年12月20日起，对{obj}停止实施相关措施。"))
    assert [(s[0], s[1], s[2], s[4]) for s in steps] == [("lift", "2025-04-04", "2026-12-20", keys)]


def test_chinese_names_of_an_ecl_listing_named_by_its_day() -> None:
    steps = _steps(_release("中方决定，自2026年12月20日起，对2025年4月4日被列入出口管制管控名单的16家美国实体中的立方公司、"
                            "特科姆公司停止实施相关措施。", lst="出口管制管控名单"))
    assert [(s[0], s[1], s[4]) for s in steps] == [("lift", "2025-04-04", ("立方", "特科姆"))]


@pytest.mark.parametrize(("obj", "keys"), [
    # a count with no 等 after Chinese names: those names (by its day: all 16 lifted, silently; by its number: held)
    ("2025年4月4日被列入出口管制管控名单的立方公司、特科姆公司两家企业", ("立方", "特科姆")),
    ("商务部公告2025年第21号所列立方公司、特科姆公司两家企业", ("立方", "特科姆")),
    ("2025年4月4日被列入出口管制管控名单的高点航空技术公司（High Point Aerotechnologies）、立方公司（Cubic Corporation）2家实体",
     ("highpointaerotechnologies", "cubic")),
    # a first name or two and the whole count: that day's listing (probes of the fix; A's alone would leave 15 out)
    ("2025年4月4日被列入出口管制管控名单的高点航空技术公司（High Point Aerotechnologies）等16家美国实体", ()),
    ("2025年4月4日被列入出口管制管控名单的立方公司、特科姆公司等16家美国实体", ()),
    ("2025年4月4日被列入出口管制管控名单的高点航空技术公司（High Point Aerotechnologies）16家美国实体", ()),
])
def test_names_and_a_count_after_the_list(obj: str, keys: tuple[str, ...]) -> None:
    steps = _steps(_release(f"中方决定，自2026年12月20日起，对{obj}停止实施相关措施。", lst="出口管制管控名单"))
    assert [(s[0], s[2], s[4]) for s in steps] == [("lift", "2026-12-20", keys)]


def test_the_engine_lifts_the_two_named_and_leaves_the_nine_others() -> None:
    page = (CORPUS / "26-html-old-site-uel-lift-two-of-date-count.html").read_bytes()
    lift = parse_document(page, url="http://www.mofcom.gov.cn/article/ae/ag/202612/20261218180000.shtml").notice
    assert lift is not None
    known = [*notices(UEL7_TEXT.read_text(encoding="utf-8")), _stored(lift)]
    d = derive(known, date(2026, 12, 25))
    by_state = {(r.state, r.entity_count) for r in d.states if r.notice_key == "UEL-2025-7"}
    assert by_state == {(ListingState.IN_FORCE, 9), (ListingState.LIFTED, 2)}, by_state
    lifted = next(r for r in d.states if r.notice_key == "UEL-2025-7" and r.state is ListingState.LIFTED)
    assert set(lifted.entity_keys) == {"nerostechnologies", "rapidflight"}


def _stored(record: NoticeRecord):  # type: ignore[no-untyped-def]
    return stored(record, fetched=datetime.combine(record.published or date.min, datetime.min.time(), timezone.utc))


# --- a start counted from an earlier end, no day told (qa45/02) -------------------------------------------------------------

@pytest.mark.parametrize("answer", [
    "为落实中美经贸磋商共识，中方决定，自原暂停期限届满之日起，继续暂停{uel}相关措施1年。",
    "中方决定，自原暂停期限届满次日起，继续暂停{uel}相关措施1年。",
    "中方决定，自原暂停期限到期之日起，继续暂停{uel}相关措施6个月。",
    # another clause's day is not this one's start
    "中方决定：对{ecl}相关措施，自2026年12月20日起继续暂停1年；对{uel}相关措施，自原暂停期限届满之日起继续暂停1年。",
    # the end told in the sentence before: held too (B: it could be read)
    "{uel}相关措施的暂停期限已于2026年11月10日届满。中方决定，自原暂停期限届满之日起，继续暂停上述措施1年。",
])
def test_a_start_from_an_earlier_end_with_no_day_is_held(answer: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        _steps(_release(answer, lst="出口管制管控名单和不可靠实体清单" if "{ecl}" in answer else "不可靠实体清单"))
    assert refused.value.reason == "needs-review"
    assert "is the end of an earlier period, no day told" in str(refused.value)


@pytest.mark.parametrize(("answer", "step"), [
    # a term added to the running end (``extends_by``, no until): the engine counts it from there
    ("中方决定，{uel}相关措施的暂停期限自原暂停期限届满之日起延长1年。", ("extend", "UEL-2025-7", "2026-12-18", None, ())),
    ("中方决定，继续暂停{uel}相关措施1年，自原暂停期限届满之次日起计算。", ("extend", "UEL-2025-7", "2026-12-18", None, ())),
    # the day written with the end it is
    ("中方决定，自2026年11月10日原暂停期限届满之日起，继续暂停{uel}相关措施1年。",
     ("extend", "UEL-2025-7", "2026-11-10", "2027-11-10", ())),
    # the end told, the start the answer's own
    ("暂停期限届满后，中方决定，自即日起继续暂停{uel}相关措施1年。", ("extend", "UEL-2025-7", "2026-12-18", "2027-12-18", ())),
])
def test_a_start_told_otherwise_is_read(answer: str, step: Step) -> None:
    assert _steps(_release(answer)) == [step]


# --- "上述两份公告" (qa45/08, 09, 28 read; a probe) -----------------------------------------------------------------------------

RECOUNT = "商务部于{days}分别发布公告（{numbers}），将有关美国实体列入出口管制管控名单。中方决定，自2026年12月15日起，暂停实施上述两份公告相关措施1年。"


def test_two_notices_counted_are_the_two_named() -> None:
    answer = RECOUNT.format(days="2025年4月4日和2026年6月22日", numbers="商务部公告2025年第21号、2026年第23号")
    notice = parse_document(_release(answer, lst="出口管制管控名单").encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.until and a.until.isoformat()) for a in notice.actions] == [
        ("suspend", ["MOFCOM-2025-21", "MOFCOM-2026-23"], "2027-12-15")]


def test_two_notices_counted_after_three_named_is_held() -> None:
    """A probe: three notices named before, "上述两份公告": all three suspended, No. 1 falsely, silently. Which two is for a
    person."""
    answer = RECOUNT.format(days="2025年1月2日、4月4日和2026年6月22日", numbers="商务部公告2025年第1号、第21号和2026年第23号")
    with pytest.raises(UnusablePage) as refused:
        _steps(_release(answer, lst="出口管制管控名单"))
    assert refused.value.reason == "needs-review"
    assert "\"上述两份公告\" on 3 notices, not as many" in str(refused.value)


@pytest.mark.parametrize(("start", "day", "until"), [
    ("自原暂停期限届满次日（2026年11月11日）起", "2026-11-11", "2027-11-11"),
    ("自原暂停期限期满之日（2026年11月10日）起", "2026-11-10", "2027-11-10"),
    ("自2026年11月11日原暂停期限届满次日起", "2026-11-11", "2027-11-11"),
])
def test_the_day_written_with_the_ends_next_day_is_the_start(start: str, day: str, until: str) -> None:
    """A probe: "自原暂停期限届满次日（2026年11月11日）起，继续暂停…1年" took the answer's own day (12-02 to 2027-12-02), silently."""
    answer = f"中方决定，{start}，继续暂停{{uel}}相关措施1年。"
    assert _steps(_release(answer, day="2026-12-02")) == [("extend", "UEL-2025-7", day, until, ())]


# --- a term told by reference to an earlier step (qa45's probe s5, the lead) ------------------------------------------------

@pytest.mark.parametrize("answer", [
    "中方决定，自2027年5月20日起，继续暂停{uel}相关措施，暂停期限与去年11月的安排相同。",
    "中方决定，自2027年5月20日起，继续暂停{uel}相关措施，期限同上一次暂停。",
    "中方决定，自2027年5月20日起，继续暂停{uel}相关措施，暂停期限参照2025年11月5日的安排执行。",
    "中方决定，自2027年5月20日起，继续暂停{uel}相关措施，暂停期限和此前一致。",
])
def test_a_term_told_by_reference_is_held(answer: str) -> None:
    # read as an extension with no end: suspended for good, past the term the answer means, silently
    with pytest.raises(UnusablePage) as refused:
        _steps(_release(answer, day="2027-05-20"))
    assert refused.value.reason == "needs-review"
    assert "its term is told by reference" in str(refused.value)


@pytest.mark.parametrize(("answer", "until"), [
    ("中方决定，自2027年5月20日起，继续暂停{uel}相关措施，暂停期限同为1年。", "2028-05-20"),
    ("中方决定，自2027年5月20日起，继续暂停{uel}相关措施1年，暂停期限与去年11月的安排相同。", "2028-05-20"),
])
def test_a_term_told_beside_a_read_one_is_read(answer: str, until: str) -> None:
    assert [s[3] for s in _steps(_release(answer, day="2027-05-20"))] == [until]
