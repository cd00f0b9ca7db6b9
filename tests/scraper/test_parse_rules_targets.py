"""Which notices a step acts on (scraper/parse/rules/ targets): refs of another clause, the notice a step follows
or ceases, pointers back to a notice named before, a notice named by its day and title. Each a string in, actions out."""

from __future__ import annotations

from functools import partial

from scraper.parse import parse_text
from storage.records import NoticeRecord
from tests.scraper.corpus_cases import CORPUS, parse_case

NOTICE_79 = ("【发布文号】商务部公告2026年第79号\n【发文日期】2026年11月20日\n\n商务部公告2026年第79号\n\n现将有关事项公告如下：\n\n{}\n\n"
             "商务部\n2026年11月20日\n")


def _steps(text: str) -> list[tuple]:
    rec = parse_text(text)
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat(), list(a.entities))
            for a in rec.actions] if rec else []


def test_the_refs_of_another_clause_are_no_targets() -> None:
    assert _steps(NOTICE_79.format("自2026年11月28日起，商务部公告2025年第72号不再适用，商务部公告2024年第46号第二款恢复实施。")) == [
        ("restore", ["MOFCOM-2024-46"], "2026-11-28", None, [])]


ENDS = "商务部公告2025年第72号规定的暂停期限将于2026年11月27日届满，届满后不再延长。"


def test_the_notice_that_suspended_is_no_restore_beside_the_ones_restored() -> None:
    """"…第72号规定的暂停期限…届满后不再延长。自…起，…第46号第二款恢复实施" also restored No. 72 itself (which lists no
    one; as "…第70号规定的暂停期限…" beside Nos. 55-62, corpus parse18/11)."""
    assert _steps(NOTICE_79.format(ENDS + "自2026年11月28日起，商务部公告2024年第46号第二款恢复实施。")) == [
        ("restore", ["MOFCOM-2024-46"], "2026-11-28", None, [])]
    # alone, it is still read (a step, not lost)
    assert _steps(NOTICE_79.format(ENDS)) == [("restore", ["MOFCOM-2025-72"], "2026-11-28", None, [])]  # the day after its last day, the lapse (lapse43)


QA = "来源：商务部新闻办公室 类型：原创 分类：新闻 {} 17:00\n\n商务部新闻发言人就调整{}措施答记者问\n问：请问中方有何安排？\n答：{}\n"
NOTICE_84 = ("【发布文号】商务部公告2026年第84号\n【发文日期】{}\n\n商务部公告2026年第84号\n\n现将有关事项公告如下：\n\n{}\n\n"
             "商务部\n{}\n")


def test_the_suspending_notice_ceasing_to_apply_is_no_lift() -> None:
    """"一、自…起，不再暂停实施…第46号第二款。二、…第72号自…起停止适用。" also lifted No. 72 (which lists no one), and
    warned "says 暂停实施 but names no notice it suspends"."""
    rec = parse_text(NOTICE_84.format("2026年11月26日", "一、自2026年11月28日起，不再暂停实施商务部公告2024年第46号第二款。\n"
                                      "二、商务部公告2025年第72号自2026年11月28日起停止适用。\n本公告自2026年11月28日起正式实施。",
                                      "2026年11月26日"))
    assert rec is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in rec.actions] == [
        ("restore", ["MOFCOM-2024-46"], "2026-11-28")]
    assert rec.warnings == ()


def test_a_listing_notice_ceasing_to_apply_is_still_a_lift() -> None:
    assert _steps(NOTICE_84.format("2026年11月26日", "商务部公告2025年第21号自2026年11月28日起停止适用。", "2026年11月26日")) == [
        ("lift", ["MOFCOM-2025-21"], "2026-11-28", None, [])]


def test_a_restore_whose_subject_points_back_to_the_notice_named_before() -> None:
    """"…7号）相关措施的暂停期限于…届满。暂停期限届满后，上述措施自2026年11月11日起恢复实施。" read no action (the answer
    stored with a warning only: a missed "back in force" item)."""
    assert _steps(QA.format("2026-11-10", "不可靠实体清单", "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施的暂停期限于"
                            "2026年11月10日届满。暂停期限届满后，上述措施自2026年11月11日起恢复实施。")) == [
        ("restore", ["UEL-2025-7"], "2026-11-11", None, [])]


_parse_pin = partial(parse_case, "")


def _steps_of(rec: NoticeRecord) -> list[tuple[str, list[object], str | None]]:
    return [(a.action.value, [t.key or (t.date.isoformat() if t.date else None, t.count, t.country) for t in a.targets],
             a.effective) for a in rec.actions]


def test_a_notice_named_by_its_day_and_title_is_a_target() -> None:
    """"停止执行2025年4月9日发布的《公布将12家美国实体列入出口管制管控名单》相关措施" gave no target: the lift was lost
    without a word; a title holding the number still names the notice by it."""
    rec = _parse_pin("parse21/08-qa-by-date-and-title.txt")
    assert _steps_of(rec) == [("extend", ["MOFCOM-2025-21"], "2026-11-10"),
                              ("lift", [("2025-04-09", 12, "US")], "2026-11-10")]


PARSE22 = CORPUS / "parse22"
_parse22 = partial(parse_case, "parse22")


def test_an_items_step_on_the_annexs_entities_acts_on_the_notice_its_lead_in_names() -> None:
    """"…对商务部公告2025年第21号所列16家美国实体的相关措施作如下调整：\\n一、…停止执行对高点航空技术公司等6家实体（见附件）采取的
    相关措施。\\n二、对…第21号所列其余10家实体，…继续暂停…1年。": the lift named no notice and was lost; item 二 then extended
    all 16. Now the lift is on No. 21 for the annex's 6 (the engine then extends only the 10 still suspended), and the
    notice states the annex's 6, not No. 21's 16."""
    rec = _parse22("13-ecl-lift-some-extend-others-annex.txt")
    assert [(a.action.value, [t.key for t in a.targets], a.effective, len(a.entities)) for a in rec.actions] == [
        ("lift", ["MOFCOM-2025-21"], "2026-11-10", 6), ("extend", ["MOFCOM-2025-21"], "2026-11-10", 0)]
    assert rec.stated_count == 6 and len(rec.entities) == 6
    # without the annex the lift is left out with a warning, never read for the whole notice
    text = (PARSE22 / "13-ecl-lift-some-extend-others-annex.txt").read_text(encoding="utf-8")
    cut = parse_text(text[: text.rindex("附件\n")])
    assert cut is not None and [a.action.value for a in cut.actions] == ["extend"]
    assert any("left out" in w for w in cut.warnings)



def test_the_exception_gate_passes_every_text_holding_an_excepting_clause() -> None:
    """EXCEPTION_GATE lets _reaches_excepted skip texts; it must pass every text _excepted_clauses finds a clause in
    (random texts of the clauses' own characters, and the corpus), and it names no "以外"/"之外" without 除."""
    import random

    from scraper.parse.rules.checks.targets import EXCEPTION_GATE, _excepted_clauses

    rng = random.Random(57)
    alphabet = "除外以之不含包括在此列解，。()但公司第4项实体交"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(2, 30))) for _ in range(8000)]
    texts += [p.read_bytes().decode("utf-8", "replace") for p in sorted(CORPUS.glob("*/*.txt"))]
    found = [t for t in texts if _excepted_clauses(t, 0, len(t))]
    assert len(found) > 500  # the random texts reach the clauses
    assert all(any(w in t for w in EXCEPTION_GATE) for t in found)
    assert not any(_excepted_clauses(t, 0, len(t)) for t in ("第4项以外的实体", "第4项之外的实体"))
