"""range49 (session 49): the parser's near-A and open B on MOFCOM steps (review54's, qa48's and words48's open sections).

- A range of notice numbers wider than ``number.RANGE_MAX`` or written backwards ("第5-58号", "第58号至第55号", "〔2025〕1-40号") was
  read as its two ends alone, silently (Nos. 5 and 58 extended): held now where a step acts on it (``checks.unread_range``);
  the narrow ranges stay read.
- A clause acting on "another" notice, "the other" or "the rest of the" measures, naming none ("…第21号相关措施1年，停止实施另一
  公告相关措施", "…暂停至…，其他相关措施停止实施"): a false lift of No. 21 or a lift dropped, silently: held now
  (``checks.unread_vague_clause``).
- "…暂停至2027年6月30日，期满后恢复实施" (no 自动) read as the suspension alone, and "…延长1年；期满后自动恢复实施" ("；" or "。"
  before the restore) held: the restore is read now (``targets._restored_by_expiry``, ``targets.step_reach``).
- "停止实施A相关措施，B相关措施暂停至…" and "A相关措施暂停至D1，B相关措施暂停至D2" held: read now (``tense._pause_of_its_own``).
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = ("商务部新闻发言人就有关出口管制措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-09 17:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
HEAD = "商务部公告2027年第205号 关于调整有关公告相关措施的公告\n【发布文号】商务部公告2027年第205号\n【发文日期】2027年12月16日\n\n"
TAIL = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2027年12月16日\n"
D = "中方决定，自2026年12月10日起，"
N21, N22 = "商务部公告2025年第21号", "商务部公告2025年第22号"

Step = tuple[str, list[str | None], str, str | None, str | None]


def _page(text: str, notice: bool) -> bytes:
    return (HEAD + text + TAIL if notice else RELEASE.format(a=text)).encode("utf-8")


def _steps(text: str, notice: bool = False) -> list[Step]:
    record = parse_document(_page(text, notice)).notice
    assert record is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat(), a.extends_by)
            for a in record.actions]


def _held(text: str, notice: bool = False) -> str:
    with pytest.raises(UnusablePage) as refused:
        parse_document(_page(text, notice))
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


def _keys(first: int, last: int, year: int = 2025) -> list[str | None]:
    return [f"MOFCOM-{year}-{n}" for n in range(first, last + 1)]


# --- ranges wider than RANGE_MAX or written backwards


@pytest.mark.parametrize(("text", "notice"), [
    (f"{D}继续暂停实施商务部 海关总署公告2025年第5-58号相关措施1年。", False),
    (f"{D}继续暂停实施商务部 海关总署公告2025年第58-55号相关措施1年。", False),
    (f"{D}停止实施商务部公告2025年第1号至第40号相关措施。", False),
    (f"{D}停止实施商务部 海关总署公告2025年第58号至第55号相关措施。", False),
    (f"{D}继续暂停实施2025年第5号至第58号公告相关措施，暂停期限至2027年11月10日。", False),
    (f"{D}不可靠实体清单工作机制停止实施不可靠实体清单工作机制公告〔2025〕1-40号相关措施。", False),
    (f"{D}不可靠实体清单工作机制停止实施不可靠实体清单工作机制公告〔2025〕8-5号相关措施。", False),
    ("商务部决定，自2028年1月1日起，停止实施商务部公告2027年第101号至第140号公告相关措施。", True),
    ("商务部决定，自2028年1月1日起，暂停实施商务部 海关总署公告2027年第118-115号相关措施，暂停期限为1年。", True),
    ("商务部决定，自2028年1月1日起，暂停实施商务部公告2027年第118号—第115号相关措施，暂停期限为1年。", True),
])
def test_a_range_wider_than_range_max_or_backwards_is_held(text: str, notice: bool) -> None:
    # read as its two ends alone before (Nos. 5 and 58 extended, the others missed or never meant), silently
    assert "a step on a range of notices" in _held(text, notice)


@pytest.mark.parametrize(("text", "notice", "keys"), [
    (f"{D}继续暂停实施商务部 海关总署公告2025年第55-58号相关措施1年。", False, _keys(55, 58)),
    (f"{D}停止实施商务部 海关总署公告2025年第55号至第58号相关措施。", False, _keys(55, 58)),
    (f"{D}停止实施商务部 海关总署公告2025年第55—58号和第61号相关措施。", False, [*_keys(55, 58), "MOFCOM-2025-61"]),
    ("商务部决定，自2028年1月1日起，暂停实施商务部公告2027年第115号至第118号公告相关措施，暂停期限至2028年12月31日。", True,
     _keys(115, 118, 2027)),
    # a wide range in a sentence no step acts on: the step read
    (f"2025年，商务部 海关总署先后发布2025年第1号至第80号等多份公告。{D}停止实施{N21}相关措施。", False, ["MOFCOM-2025-21"]),
])
def test_a_narrow_range_stays_read(text: str, notice: bool, keys: list[str | None]) -> None:
    steps = _steps(text, notice)
    assert len(steps) == 1 and steps[0][1] == keys, steps


# --- a clause acting on other notices or measures it does not name


@pytest.mark.parametrize(("text", "notice"), [
    # a false lift of No. 21 before
    (f"{D}继续暂停实施{N21}相关措施1年，停止实施另一公告相关措施。", False),
    (f"{D}继续暂停实施{N21}和第22号相关措施1年，停止实施其余公告相关措施。", False),
    (f"{D}继续暂停实施{N21}相关措施1年，停止实施另一份公告的相关措施。", False),
    # a false restore of No. 21 beside its extension before (a neighbour found after 9d0c2ae6 landed; held by it)
    (f"{D}继续暂停实施{N21}相关措施1年，其他相关措施不再暂停。", False),
    # the lift dropped before (the suspension alone read)
    (f"{D}{N21}相关措施暂停至2027年6月30日，其他相关措施停止实施。", False),
    (f"{D}{N21}相关措施暂停至2027年6月30日，上述公告其余措施停止实施。", False),
    ("商务部决定，自2028年1月1日起，继续暂停实施商务部公告2027年第101号相关措施，暂停期限为1年；停止实施有关公告相关措施。", True),
    ("商务部决定，自2028年1月1日起，停止实施商务部公告2027年第101号相关措施，其他公告相关措施恢复实施。", True),
])
def test_a_clause_on_other_notices_it_does_not_name_is_held(text: str, notice: bool) -> None:
    assert "notices or measures it does not name" in _held(text, notice)


@pytest.mark.parametrize(("text", "steps"), [
    # no verb of change in the vague clause: the notice kept as it is
    (f"{D}继续暂停实施{N21}相关措施1年，其他措施维持不变。", [("extend", ["MOFCOM-2025-21"], "2026-12-10", "2027-12-10", None)]),
    # "有关公告" pointing back with no notice named in its sentence: the notices named before
    (f"关于{N21}，{D}停止实施上述有关公告相关措施。", [("lift", ["MOFCOM-2025-21"], "2026-12-10", None, None)]),
])
def test_a_clause_naming_no_step_on_others_stays_read(text: str, steps: list[Step]) -> None:
    assert _steps(text) == steps


# --- a restore after the end, without 自动, or after "；" / "。"


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize("then", ["，期满后恢复实施。", "，期满后相关措施将恢复实施。", "。期满后，相关措施将恢复实施。"])
def test_a_restore_at_the_end_without_zidong_is_read(notice: bool, then: str) -> None:
    # the suspension alone before, its end then "lapsed, needs review"
    text = "商务部决定，自2028年1月1日起，商务部公告2027年第101号相关措施暂停至2028年6月30日" + then
    assert _steps(text, notice) == [("suspend", ["MOFCOM-2027-101"], "2028-01-01", "2028-06-30", None),
                                     ("restore", ["MOFCOM-2027-101"], "2028-07-01", None, None)]


@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize("text", [
    "商务部决定，将商务部公告2027年第101号相关措施的暂停期限延长1年，期满后恢复实施。",  # held in a notice; the extension alone in an answer
    "商务部决定，将商务部公告2027年第101号相关措施的暂停期限延长1年；期满后自动恢复实施。",  # held
    "商务部决定，将商务部公告2027年第101号相关措施的暂停期限延长1年。期满后自动恢复实施。",  # held
    "商务部决定，将商务部公告2027年第101号相关措施的暂停期限延长1年。暂停期限届满后，将按期恢复实施。",
    "商务部决定，将商务部公告2027年第101号相关措施的暂停期限延长1年。期满后，相关措施将恢复实施。",
])
def test_a_restore_after_an_undated_extension_in_its_own_clause_is_read(text: str, notice: bool) -> None:
    day = "2027-12-16" if notice else "2026-12-09"
    assert _steps(text, notice) == [("extend", ["MOFCOM-2027-101"], day, None, "P1Y"),
                                     ("restore", ["MOFCOM-2027-101"], day, None, "P1Y")]


def test_a_restore_of_another_notice_after_a_full_stop_is_not_the_extension_s() -> None:
    # the next sentence names its own notice: not the extended one's restore (held, as before: no day it is back)
    text = "商务部决定，将商务部公告2027年第101号相关措施的暂停期限延长1年。商务部公告2027年第102号相关措施期满后恢复实施。"
    assert "no day its measures are back" in _held(text, True)


# --- "…相关措施暂停至<day>" as a step of its own after a lift or another 暂停至


def test_a_lift_then_a_suspension_to_a_day_are_both_read() -> None:
    # held before ("its sentence names a notice's measures no step reads")
    assert _steps(f"{D}停止实施{N22}相关措施，{N21}相关措施暂停至2027年6月30日。") == [
        ("lift", ["MOFCOM-2025-22"], "2026-12-10", None, None),
        ("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-06-30", None)]


def test_two_suspensions_to_a_day_are_both_read() -> None:
    assert _steps(f"{D}{N21}相关措施暂停至2027年6月30日，{N22}相关措施暂停至2027年12月31日。") == [
        ("suspend", ["MOFCOM-2025-21"], "2026-12-10", "2027-06-30", None),
        ("suspend", ["MOFCOM-2025-22"], "2026-12-10", "2027-12-31", None)]


@pytest.mark.parametrize("text", [
    f"{D}停止实施{N21}相关措施，{N21}相关措施暂停至2027年6月30日。",
    f"{D}{N21}相关措施暂停至2027年6月30日，{N21}相关措施暂停至2027年12月31日。",
])
def test_a_suspension_to_a_day_of_a_notice_a_step_before_acts_on_is_held(text: str) -> None:
    # a text at odds with itself: read as a lift and a suspension of No. 21 by an earlier version of the change; held
    # (two ends of one notice: since session 50, near50, for its two ends)
    why = _held(text)
    assert "no step reads" in why or "gives it two ends" in why


@pytest.mark.parametrize(("text", "steps"), [
    # a clause of the step before, as before: 其中, or after a suspension with its term (actions.apart: one end each)
    (f"{D}继续暂停实施{N21}和第22号相关措施，其中{N21}相关措施暂停至2027年6月30日，{N22}相关措施暂停至2027年12月31日。",
     [("extend", ["MOFCOM-2025-21"], "2026-12-10", "2027-06-30", None),
      ("extend", ["MOFCOM-2025-22"], "2026-12-10", "2027-12-31", None)]),
    (f"{D}继续暂停实施{N21}相关措施1年，第22号相关措施暂停至2027年6月底。",
     [("extend", ["MOFCOM-2025-21"], "2026-12-10", "2027-12-10", None),
      ("extend", ["MOFCOM-2025-22"], "2026-12-10", "2027-06-30", None)]),
])
def test_a_suspension_to_a_day_after_a_suspension_stays_its_clause(text: str, steps: list[Step]) -> None:
    assert _steps(text) == steps


# --- items under "对…第103号相关措施作出以下调整：" / "作如下调整：" naming no notice of their own

ITEMS = ("商务部决定，对商务部公告2027年第103号相关措施作{lead}：\n一、自2028年1月1日起，停止对海燕光电公司（Petrel Optoelectronics "
         "Corporation）{how}相关措施。\n二、自2028年1月1日起，对北辰雷达公司（Beichen Radar Corporation）继续暂停实施相关措施，暂停期限为1年。")


def _limited(text: str) -> list[tuple[str, list[str | None], tuple[str, ...]]]:
    record = parse_document(_page(text, True)).notice
    assert record is not None
    return [(a.action.value, [t.key for t in a.targets], a.entities) for a in record.actions]


@pytest.mark.parametrize("lead", ["出以下调整", "如下调整"])
@pytest.mark.parametrize("how", ["实施", "执行", "采取的"])
def test_an_item_s_lift_of_one_named_is_that_entity_s_alone(lead: str, how: str) -> None:
    # "作如下调整：…停止对X（x）实施相关措施": read as a lift of all of No. 103 (its others falsely lifted, silently); "作出以下调整：" held
    # (words48's open B)
    assert _limited(ITEMS.format(lead=lead, how=how)) == [
        ("lift", ["MOFCOM-2027-103"], ("petreloptoelectronics",)), ("extend", ["MOFCOM-2027-103"], ("beichenradar",))]


def test_a_whole_answer_with_a_step_left_out_is_for_a_person_not_cut_short() -> None:
    # review54's t/q04: under a title naming the ECL, "…暂停至…，…7号相关措施照此办理" was refused as "cut short" (the title's
    # change not read), though nothing was cut: the step left out is why
    page = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-09 17:00\n\n"
            f"问：请问中方对有关措施有何新的安排？\n答：{D}{N21}相关措施暂停至2027年6月30日，不可靠实体清单工作机制公告〔2025〕7号相关措施"
            "照此办理。\n")
    with pytest.raises(UnusablePage) as refused:
        parse_document(page.encode("utf-8"))
    assert refused.value.reason == "needs-review" and "照此办理" in refused.value.detail, refused.value
    # cut mid-sentence: still cut short
    with pytest.raises(UnusablePage) as refused:
        parse_document(page.replace("照此办理。\n", "照此").encode("utf-8"))
    assert refused.value.reason == "cut-short", refused.value
