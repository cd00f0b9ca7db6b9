"""held58 (session 58): wordings the parser held for a person though a careful reader reads them without doubt (the corpus'
open B pins), now read where the wording is certain, and still held where it is not; and what the probes around them found.

- "重新实施…相关措施" (blind55/30, 41): held ("an answer … decides on a notice it names", "the title announces a change its
  answer does not read"); now a restore, read as "恢复实施" is, with every rule of that verb (doubts, plans, denials, a
  subject or an object, a start). "再次实施" stays held (the lead's decision of session 48, test_parse_qa48).
- "延续暂停实施…相关措施1年" (qa53/03): read as a new suspension ("Suspended" where the text says the suspension goes on);
  now "继续暂停"'s extension.
- Found by a probe (A, made loud or read): "不再延续暂停实施…相关措施", "不再延长暂停实施…", "不再延期暂停实施…" were read as a
  new suspension with no end (the 暂停 after "不再延续"/"不再延长" taken for the verb), silently. "不再延续暂停" is now "不再继续
  暂停"'s restore; "不再延长暂停…" (the term not renewed: the measures back when it ends, a day the sentence does not tell) is
  held. "X相关措施不再延长暂停实施" read a restore from the answer's own day before: now held likewise. A notice saying
  "不再继续暂停实施…" or "不再延续暂停实施…" was held for a person (its 暂停实施 taken for a suspension of no notice): read.
- "决定将赤杉动力公司等廿家美国实体列入…" (count50/04): no count read (廿 no numeral of NUM's), so no country and no count
  check, an annex short of a row silent. 廿 is 20 to cn2an (``textnorm.to_int``: "廿" 20, "廿一" 21; no 卅): counted as the
  numerals of amounts are, only right before its noun (``entities.names.RARE_NUMERALS``).
- "问：商务部公告2026年第23号将10家美国实体列入…？ 答：…中方决定，自2027年3月1日起，暂停实施相关措施6个月。" (blind55/03, 39):
  held ("names no notice its 暂停实施 could act on"); now the step on the one notice the question names, where the question
  names it alone (no second notice, none by its day, no other notice or list in words) and the answer names none and holds
  one verb, its object "相关措施" or none, nothing before it (``rules.steps.asked_notice_steps``). Held otherwise.
- A decision told, then a step on "上述措施" (blind55/35, 64, 65): "中方已于2027年1月12日决定，自1月15日起暂停实施…第21号…1年。
  …中方决定，自2027年8月1日起，停止实施上述措施。" read "2027年1月12日决定" as a notice of that day among the lift's targets (an
  unresolved reference, loud): the day of a decision on a numbered notice is none (``actions.refs._day_decided``).
  "2027年1月，中方已决定自1月15日起…" read its start as 2028-01-15, a new step (held): the month told anchors it
  (``actions.tense._told_anchor``), the recap told, the lift read on No. 21.
- "商务部公告2025年第70号决定，暂停实施…第55号相关措施至2026年11月10日。现决定，继续暂停实施上述措施至2027年11月10日。"
  (near50/06): the first sentence read as the answer's own step, held; in a notice, a suspension from the notice's day to
  2026-11-10 beside the extension, silently (A). "<number>号决定，…" tells what that notice decided
  (``actions.tense.told_as_past``; not after 根据/依据/按照): the extension of No. 55 alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.test_parse_clauses44 import HEAD, N21, N22, RELEASE, TAIL, D, Step, _held, _steps

PRESS = ("商务部召开例行新闻发布会（2026年12月10日）\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-10 16:30\n\n"
         "商务部新闻发言人何咏前：各位记者朋友，下午好！下面开始提问。\n彭博社记者：请问中方有何新的安排？\n何咏前：{a}\n"
         "本次发布会到此结束，谢谢大家！\n")
U7 = "UEL-2025-7"


def _press(answer: str) -> list[Step]:
    record = parse_document(PRESS.format(a=answer).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, a.targets[0].key or "", a.effective, a.until and a.until.isoformat(), a.extends_by)
            for a in record.actions]


def _press_held(answer: str) -> str:
    with pytest.raises(UnusablePage) as refused:
        parse_document(PRESS.format(a=answer).encode("utf-8"))
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


def _restore(notice: str, start: str = "2026-12-10") -> Step:
    return ("restore", notice, start, None, None)


# --- "重新实施": the measures back in force ------------------------------------------------------------------------------

@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize(("text", "steps"), [
    (f"{D}重新实施商务部公告2025年第21号相关措施。", [_restore(N21)]),
    (f"{D}重新执行商务部公告2025年第21号相关措施。", [_restore(N21)]),
    (f"{D}商务部公告2025年第21号相关措施重新实施。", [_restore(N21)]),
    (f"{D}对商务部公告2025年第21号相关措施重新实施。", [_restore(N21)]),
    (f"{D}重新实施商务部公告2025年第21号相关措施，继续暂停实施商务部公告2025年第22号相关措施1年。",
     [_restore(N21), ("extend", N22, "2026-12-10", "2027-12-10", None)]),
])
def test_again_in_force_is_a_restore(notice: bool, text: str, steps: list[Step]) -> None:
    assert _steps(text.replace("中方", "商务部") if notice else text, notice) == steps


def test_again_in_force_in_a_press_conference_and_on_the_uel() -> None:
    assert _press(f"{D}重新实施商务部公告2025年第21号相关措施。") == [_restore(N21)]
    assert _press(f"{D}重新实施不可靠实体清单工作机制公告〔2025〕7号相关措施。") == [_restore(U7)]


@pytest.mark.parametrize("answer", [
    "如美方违背共识，中方将重新实施商务部公告2025年第21号相关措施。",  # a condition
    "中方不排除重新实施商务部公告2025年第21号相关措施。",  # a possibility
    "中方决定，自2026年12月10日起，重新实施对内华达山脉公司的相关措施。",  # no notice named
    "中方决定，自2026年12月10日起重新审查商务部公告2025年第21号相关措施。",  # no step
])
def test_again_in_force_not_decided_or_on_no_notice_stays_held(answer: str) -> None:
    _held(answer)


def test_relisting_stays_a_listing() -> None:
    page = HEAD + "商务部决定，自2027年1月1日起，将甲公司（Alpha Inc.）重新列入出口管制管控名单。" + TAIL
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    assert [a.action.value for a in record.actions] == ["impose"]
    assert [(e.zh, e.en) for e in record.entities] == [("甲公司", "Alpha Inc.")]


# --- "延续暂停": an extension ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("notice", [False, True])
@pytest.mark.parametrize(("text", "steps"), [
    ("中方决定，自2027年1月1日起，延续暂停实施商务部公告2025年第21号相关措施1年。",
     [("extend", N21, "2027-01-01", "2028-01-01", None)]),
    ("中方决定，自2027年1月1日起，商务部公告2025年第21号相关措施延续暂停实施1年。",
     [("extend", N21, "2027-01-01", "2028-01-01", None)]),
    ("中方决定，自2027年1月1日起，延续暂停执行商务部公告2025年第21号相关措施至2027年12月31日。",
     [("extend", N21, "2027-01-01", "2027-12-31", None)]),
    ("中方决定，自2027年1月1日起，停止实施商务部公告2025年第22号相关措施，延续暂停实施商务部公告2025年第21号相关措施1年。",
     [("lift", N22, "2027-01-01", None, None), ("extend", N21, "2027-01-01", "2028-01-01", None)]),
])
def test_continued_suspension_is_an_extension(notice: bool, text: str, steps: list[Step]) -> None:
    assert _steps(text.replace("中方", "商务部") if notice else text, notice) == steps


def test_continued_suspension_with_no_start_runs_on_from_the_running_end() -> None:
    assert _steps("中方决定，延续暂停实施商务部公告2025年第21号相关措施1年。") == [("extend", N21, "2026-12-04", None, "P1Y")]


def test_continued_suspension_weighed_stays_held() -> None:
    _held("中方将视情决定是否延续暂停实施商务部公告2025年第21号相关措施。")


# --- A found by a probe: "不再延续暂停实施", "不再延长暂停实施" were a new suspension -------------------------------------

@pytest.mark.parametrize(("text", "steps"), [
    ("中方决定，不再延续暂停实施商务部公告2025年第21号相关措施。", [_restore(N21, "2026-12-04")]),
    ("中方决定，自2027年1月1日起，不再延续暂停实施商务部公告2025年第21号相关措施。", [_restore(N21, "2027-01-01")]),
    ("中方决定，自2027年1月1日起，停止实施商务部公告2025年第22号相关措施，不再延续暂停实施商务部公告2025年第21号相关措施。",
     [("lift", N22, "2027-01-01", None, None), _restore(N21, "2027-01-01")]),  # (main: No. 22 restored too, No. 21 suspended)
])
def test_a_suspension_not_continued_is_a_restore_as_not_continued_suspension_is(text: str, steps: list[Step]) -> None:
    assert _steps(text) == steps
    assert _steps(text.replace("延续", "继续")) == steps  # the same as "不再继续暂停实施"


@pytest.mark.parametrize("how", ["延长", "延期", "续期", "展期", "顺延"])
@pytest.mark.parametrize("form", [
    "中方决定，不再{how}暂停实施商务部公告2025年第21号相关措施。",
    "中方决定，自2027年1月1日起，不再{how}暂停实施商务部公告2025年第21号相关措施。",
    "中方决定，商务部公告2025年第21号相关措施不再{how}暂停实施。",  # (a restore from the answer's day before)
])
def test_a_suspension_not_renewed_with_no_day_its_measures_are_back_is_held(how: str, form: str) -> None:
    _held(form.format(how=how))
    # (held59: the page's check says it first, a suspension ending without extension and no day: test_parse_held59)
    assert "without extension" in _press_held(form.format(how=how))


@pytest.mark.parametrize("how", ["延续", "继续"])
def test_a_notice_not_continuing_a_suspension_restores(how: str) -> None:
    # (held before: ``checks.notices.suspension_without_target`` took its 暂停实施 for a suspension of no notice; "不再继续" too)
    assert _steps(f"商务部决定，自2027年1月1日起，不再{how}暂停实施商务部公告2025年第21号相关措施。", notice=True) == [
        _restore(N21, "2027-01-01")]


@pytest.mark.parametrize("how", ["延长", "延期"])
def test_a_notice_not_renewing_a_suspension_is_held(how: str) -> None:
    _held(f"商务部决定，自2027年1月1日起，不再{how}暂停实施商务部公告2025年第21号相关措施。", notice=True)


def test_the_pins_read() -> None:
    """blind55/30's and qa53/03's answers in this module's release (the pins hold the pages)."""
    text = RELEASE.format(a="鉴于美方未落实双方共识，中方决定，自2027年6月1日起，重新实施商务部公告2026年第23号相关措施。")
    record = parse_document(text.encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, a.targets[0].key, a.effective) for a in record.actions] == [
        ("restore", "MOFCOM-2026-23", "2027-06-01")]


# --- 廿: the count in a rare numeral -------------------------------------------------------------------------------------

LISTING = ("商务部公告2026年第304号 关于将{n}家美国实体列入出口管制管控名单的公告\n【发布单位】安全与管制局\n"
           "【发布文号】商务部公告2026年第304号\n【发文日期】2026年12月02日\n\n"
           "根据《中华人民共和国出口管制法》等法律法规有关规定，商务部决定将{first}等{n}家美国实体列入出口管制管控名单"
           "（见附件），并采取以下措施：\n一、禁止出口经营者向上述{n}家实体出口两用物项。\n本公告自公布之日起正式实施。\n\n"
           "附件：出口管制管控名单\n\n商务部\n2026年12月2日\n\n附件\n出口管制管控名单\n\n{lines}\n")


def _listing(n: str, names: list[str]) -> tuple[int | None, set[str | None], tuple[str, ...]]:
    lines = "\n".join(f"{i}. {zh}（{zh[:2]} Power Corporation {i}）" for i, zh in enumerate(names, 1))
    record = parse_document(LISTING.format(n=n, first=names[0], lines=lines).encode("utf-8")).notice
    assert record is not None
    return record.stated_count, {e.country for e in record.entities}, record.warnings


NAMES = [f"{a}{b}动力公司" for a in "赤银北蓝鹰" for b in "杉河岬脊峰"][:21]


@pytest.mark.parametrize(("n", "count"), [("廿", 20), ("廿一", 21), ("二十", 20)])
def test_twenty_written_nian_counts(n: str, count: int) -> None:
    assert _listing(n, NAMES[:count]) == (count, {"US"}, ())


def test_an_annex_short_of_nian_warns() -> None:
    # (silently short before: no count read, so no check)
    assert _listing("廿", NAMES[:19]) == (20, {"US"}, ("parsed 19 entities, notice states 20",))


def test_nian_in_a_name_counts_nothing() -> None:
    # 廿 (as a numeral of amounts) with words between it and the noun is a name's ("廿家村科技公司"), no count
    assert _listing("3", ["廿家村科技公司", "赤杉动力公司", "银河动力公司"]) == (3, {"US"}, ())
    assert _listing("3", ["廿一世纪科技公司", "赤杉动力公司", "银河动力公司"]) == (3, {"US"}, ())


def test_thirty_written_sa_is_no_count() -> None:
    # cn2an reads no 卅: no count, as before (no country from the count either)
    assert _listing("卅", NAMES[:3])[0] is None


# --- a step on "相关措施" whose notice only the question names ----------------------------------------------------------

ASKED = "商务部公告2026年第23号将10家美国实体列入出口管制管控名单。请问中方是否会对上述实体的措施作出调整？"
N23 = "MOFCOM-2026-23"


def _asked(answer: str, question: str = ASKED) -> str:
    return RELEASE.replace("请问中方对有关措施有何新的安排？", question).format(a=answer)


def _asked_steps(answer: str, question: str = ASKED) -> list[Step]:
    record = parse_document(_asked(answer, question).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, a.targets[0].key or "", a.effective, a.until and a.until.isoformat(), a.extends_by)
            for a in record.actions]


@pytest.mark.parametrize(("answer", "steps"), [
    ("为落实中美经贸磋商共识，中方决定，自2027年3月1日起，暂停实施相关措施6个月。",
     [("suspend", N23, "2027-03-01", "2027-09-01", None)]),
    ("中方决定，自2027年3月1日起，停止实施相关措施。", [("lift", N23, "2027-03-01", None, None)]),
    ("中方决定，自2027年3月1日起，暂停实施上述措施，为期6个月。", [("suspend", N23, "2027-03-01", "2027-09-01", None)]),
    ("中方决定，自2027年3月1日起，恢复实施有关措施。", [_restore(N23, "2027-03-01")]),
    ("中方决定，自2027年3月1日起，暂停实施相关措施6个月。其他事项另行公布。",
     [("suspend", N23, "2027-03-01", "2027-09-01", None)]),
])
def test_a_step_on_the_measures_the_question_names_alone(answer: str, steps: list[Step]) -> None:
    assert _asked_steps(answer) == steps


def test_a_step_left_with_no_object_takes_the_question_s_notice_where_its_term_follows() -> None:
    assert _asked_steps("中方决定，自2027年3月1日起，继续暂停实施1年。", "商务部公告2025年第21号相关措施的暂停期限已届满，请问中方有何安排？") \
        == [("extend", N21, "2027-03-01", "2028-03-01", None)]


def test_a_step_on_the_measures_the_reporter_names_in_a_press_conference() -> None:
    page = PRESS.replace("请问中方有何新的安排？", ASKED).format(a="中方决定，自2027年3月1日起，暂停实施相关措施6个月。")
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, [t.key for t in a.targets], a.until and a.until.isoformat()) for a in record.actions] == [
        ("suspend", [N23], "2027-09-01")]


@pytest.mark.parametrize(("answer", "question"), [
    # the question names two notices, one by its day, another list, another notice in words, or the list the title does not
    ("中方决定，自2027年3月1日起，暂停实施相关措施6个月。", "商务部公告2026年第23号和第24号将20家美国实体列入出口管制管控名单。请问中方是否会调整？"),
    ("中方决定，自2027年3月1日起，暂停实施相关措施6个月。", "商务部公告2026年第23号和不可靠实体清单工作机制公告〔2026〕3号相关措施是否会调整？"),
    ("中方决定，自2027年3月1日起，暂停实施相关措施6个月。", "商务部公告2026年第23号和不可靠实体清单的相关措施是否会调整？"),
    ("中方决定，自2027年3月1日起，暂停实施相关措施6个月。", "商务部公告2026年第23号及此前相关公告所列实体的措施是否会调整？"),
    ("中方决定，自2027年3月1日起，暂停实施相关措施6个月。", "2026年6月22日商务部将10家美国实体列入出口管制管控名单，请问是否会调整？"),
    ("中方决定，自2027年3月1日起，暂停实施相关措施6个月。", "商务部公告2026年第23号将10家美国实体列入关注名单。请问中方是否会调整？"),
    ("中方决定，自2027年3月1日起，暂停实施相关措施6个月。", "请问中方对美方的关税措施有何回应？"),
    # the answer: doubted, two steps, tariffs, another object, the measures of a countermeasure order
    ("中方将视情决定是否暂停实施相关措施。", ASKED),
    ("中方决定，自2027年3月1日起，暂停实施相关措施6个月，并停止实施相关措施。", ASKED),
    ("中方决定，自2027年3月1日起，对美加征关税暂停实施6个月。", ASKED),
    ("中方决定，自2027年3月1日起，暂停实施美方相关措施6个月。", ASKED),
    ("中方决定，暂停实施相关反制措施6个月。", "商务部令2025年第6号对韩华海洋5家美国子公司采取反制措施，请问是否会调整？"),
])
def test_a_step_whose_notice_the_question_does_not_name_alone_stays_held(answer: str, question: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(_asked(answer, question).encode("utf-8"))
    assert refused.value.reason == "needs-review"


# --- a decision told, then a new step on "上述措施" ------------------------------------------------------------------------

TOLD_THEN = "经评估，中方决定，自2026年12月10日起，{verb}上述措施。"


@pytest.mark.parametrize("told", [
    "中方已于2026年11月1日决定，自11月10日起继续暂停实施商务部公告2025年第21号相关措施1年。",  # (a ref of 2026-11-01 among the targets)
    "中方于2026年11月1日决定，自11月10日起继续暂停实施商务部公告2025年第21号相关措施1年。",
    "2026年11月，中方已决定自11月10日起继续暂停实施商务部公告2025年第21号相关措施1年。",
])
@pytest.mark.parametrize(("verb", "kind"), [("停止实施", "lift"), ("恢复实施", "restore")])
def test_a_decision_told_then_a_step_on_the_measures_above(told: str, verb: str, kind: str) -> None:
    assert _steps(told + TOLD_THEN.format(verb=verb)) == [(kind, N21, "2026-12-10", None, None)]


def test_a_decision_told_by_its_month_anchors_its_yearless_start() -> None:
    # blind55/35: "2027年1月，中方已决定自1月15日起…" in an answer of 2027-07-20 is the January decision, told (no new step)
    text = ("2027年1月，中方已决定自1月15日起暂停实施商务部公告2025年第21号相关措施1年。经评估，中方决定，自2027年8月1日起，"
            "停止实施上述措施。")
    page = RELEASE.replace("2026-12-04", "2027-07-20").format(a=text)
    record = parse_document(page.encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in record.actions] == [
        ("lift", [N21], "2027-08-01")]


def _dated_refs(text: str) -> list[str]:
    from scraper.parse.actions import collect_refs
    from scraper.parse.textnorm import fold
    return [r.date.isoformat() for _, _, r in collect_refs(fold(text), text, date(2027, 7, 20), None, None, None)
            if r.key is None and r.date is not None]


def test_the_day_of_a_decision_on_a_numbered_notice_is_no_notice_of_that_day() -> None:
    assert _dated_refs("中方已于2027年1月12日决定，自1月15日起暂停实施商务部公告2025年第21号相关措施1年。") == []
    # a decision named by its day, with no number after it, stays a notice named by its day
    assert _dated_refs("外交部已于2024年12月27日决定，对甲公司采取反制措施。") == ["2024-12-27"]
    assert _dated_refs("根据2024年12月27日决定，对甲公司采取反制措施。") == ["2024-12-27"]
    assert _dated_refs("停止实施2024年12月27日决定对甲公司采取的反制措施。") == ["2024-12-27"]


# --- a notice's decision told ("…第70号决定，暂停实施…"), then a step on "上述措施" --------------------------------------------

TOLD_70 = "商务部公告2025年第70号决定，暂停实施商务部 海关总署公告2025年第55号{more}相关措施至2026年11月10日。"
N55, N56 = "MOFCOM-2025-55", "MOFCOM-2025-56"


@pytest.mark.parametrize(("more", "then", "steps"), [
    ("", "现决定，继续暂停实施上述措施至2027年11月10日。", [("extend", [N55], "2026-12-04", "2027-11-10")]),
    ("、第56号", "现决定，继续暂停实施上述措施至2027年11月10日。", [("extend", [N55, N56], "2026-12-04", "2027-11-10")]),
    ("", "现决定，停止实施上述措施。", [("lift", [N55], "2026-12-04", None)]),
])
def test_a_notice_s_decision_told_then_a_step_on_the_measures_above(more: str, then: str, steps: list[object]) -> None:
    record = parse_document(RELEASE.format(a=TOLD_70.format(more=more) + then).encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in record.actions] == steps


def test_a_notice_s_decision_told_in_a_notice_is_no_suspension_of_its_own() -> None:
    # main: a suspension of No. 55 from the notice's own day to 2026-11-10 beside the extension, silently
    text = TOLD_70.format(more="") + "现决定，自2026年11月10日起，继续暂停实施上述措施1年。"
    assert _steps(text, notice=True) == [("extend", N55, "2026-11-10", "2027-11-10", None)]


def test_a_step_resting_on_a_notice_s_decision_is_read_as_before() -> None:
    # "根据…第70号决定，暂停实施…1年" (a ground, not a decision told): the step read, as on main
    assert _steps("根据商务部公告2025年第70号决定，暂停实施商务部 海关总署公告2025年第55号相关措施1年。") == [
        ("suspend", N55, "2026-12-04", "2027-12-04", None)]


def test_a_notice_s_decision_told_alone_decides_nothing() -> None:
    with pytest.raises(UnusablePage):  # (the title announces a change its answer does not read: held)
        parse_document(RELEASE.format(a=TOLD_70.format(more="")).encode("utf-8"))
