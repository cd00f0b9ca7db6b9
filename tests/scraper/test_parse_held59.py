"""held59 (session 59): the probes of session 59's brief, through the real parser and the engine.

- "恢复实施商务部公告2025年第21号暂停实施的相关措施" (and 重新实施, 恢复执行; in answers, press conferences and notices; with and
  without a day): the relative clause "X暂停实施的相关措施" naming the measures restored was read as a second step, a
  suspension of X with no end, beside the restore, on the same day (A: after the restore the notice showed "suspended" again,
  silently). "暂停实施的…措施" is no verb now (``actions.words.VERB_RE``). "恢复实施此前暂停实施的…第21号相关措施" was held
  for a person (the restore's object taken for the suspension's): read as the restore.
- "恢复实施商务部 海关总署公告2025年第70号暂停实施的相关措施": No. 70 only suspends others; the restore reached No. 70's own row
  (shown in force), Nos. 55-62 left suspended to the end No. 70 set (A: the restore missed). It reaches the notices No. 70
  suspends now, as an extension of its suspension does (``storage.lifecycle.targets.THROUGH``).
- "中方不再延长暂停实施商务部公告2025年第21号相关措施。" with no 决定 and no day: a Q&A release read no step ("no action found
  in the answer", quiet), a press conference under a title naming no list no notice at all (the page dropped as about
  nothing), silently. What the measures are when the suspension ends is told, its day not: held for a person, as the same
  sentence with 决定 is (``page.unread_expiry``, ``rules.checks.answers.not_renewed_on_number``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.lifecycle import derive
from storage.records import UnusablePage
from tests.scraper.test_parse_clauses44 import N21, RELEASE, U7, _steps
from tests.scraper.test_parse_held58 import PRESS, _press, _press_held
from tests.storage.test_lifecycle_corpus import stored
from tests.storage.test_lifecycle_order52 import ORDER
from tests.storage.test_lifecycle_orders_watch import ORDER6, ORDER7

N70 = "MOFCOM-2025-70"
HEAD = "商务部公告2026年第88号 关于恢复实施相关措施的公告\n【发布文号】商务部公告2026年第88号\n【发文日期】2026年12月03日\n\n"
TAIL = "\n\n商务部\n2026年12月3日\n"
# a release whose title announces no change (RELEASE's "调整" holds an answer reading none for its title alone)
PLAIN = RELEASE.replace("就调整出口管制管控名单措施", "就出口管制管控名单相关措施")


def _notice_steps(body: str) -> list[tuple[str, str, str | None]]:
    record = parse_document((HEAD + body + TAIL).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, t.key or "", a.effective) for a in record.actions for t in a.targets]


# --- "恢复实施X暂停实施的相关措施": one restore, no suspension ------------------------------------------------------------

@pytest.mark.parametrize("verb", ["恢复实施", "恢复执行", "重新实施"])
@pytest.mark.parametrize(("said", "start"), [
    ("中方决定，自2026年12月10日起，{v}商务部公告2025年第21号暂停实施的相关措施。", "2026-12-10"),
    ("中方决定，{v}商务部公告2025年第21号暂停实施的相关措施。", "2026-12-04"),
    ("中方决定，自2026年12月10日起，{v}4月4日公告（商务部公告2025年第21号）暂停实施的相关措施。", "2026-12-10"),
    ("中方决定，自2026年12月10日起，{v}商务部公告2025年第21号中暂停实施的有关措施。", "2026-12-10"),
    ("中方决定，自2026年12月10日起，{v}此前暂停实施的商务部公告2025年第21号相关措施。", "2026-12-10"),  # (held before)
])
def test_a_restore_of_measures_named_by_what_suspended_them_is_one_restore(verb: str, said: str, start: str) -> None:
    assert _steps(said.format(v=verb)) == [("restore", N21, start, None, None)]
    assert _press(said.format(v=verb).replace("2026-12-04", "2026-12-10")) == [
        ("restore", N21, start.replace("2026-12-04", "2026-12-10"), None, None)]


def test_two_notices_restored_by_a_relative_clause() -> None:
    record = parse_document(RELEASE.format(
        a="中方决定，恢复实施商务部公告2025年第21号和不可靠实体清单工作机制公告〔2025〕7号暂停实施的相关措施。").encode("utf-8")).notice
    assert record is not None
    assert [(a.action.value, [t.key for t in a.targets]) for a in record.actions] == [("restore", [N21, U7])]


@pytest.mark.parametrize(("body", "steps"), [
    ("自2027年1月1日起，恢复实施商务部公告2025年第21号暂停实施的相关措施。\n\n本公告自2027年1月1日起正式实施。",
     [("restore", N21, "2027-01-01")]),
    ("现决定，重新实施商务部公告2025年第21号暂停实施的相关措施。\n\n本公告自发布之日起正式实施。",
     [("restore", N21, "2026-12-03")]),
    ("自2027年1月1日起，恢复实施商务部 海关总署公告2025年第70号暂停实施的相关措施。", [("restore", N70, "2027-01-01")]),
])
def test_a_notice_restoring_measures_named_by_what_suspended_them(body: str, steps: list[tuple[str, str, str]]) -> None:
    assert _notice_steps(body) == steps


def test_a_relative_clause_naming_a_notice_after_it_stays_read() -> None:
    """recount17/09's wording: the paragraph No. 72 suspended is the object (relative_object), as before."""
    assert _notice_steps("自2026年11月28日起，恢复实施商务部公告2025年第72号暂停实施的商务部公告2024年第46号第二款。") == [
        ("restore", "MOFCOM-2024-46", "2026-11-28")]


# --- the engine: the restore through the notice that only suspends ----------------------------------------------------

RESTORE_ORDER = ORDER.replace("2026年11月07日", "2026年05月20日").replace("2026年11月7日", "2026年5月20日") \
    .replace("关于延长有关暂停期限的决定", "关于恢复实施有关措施的决定")


@pytest.mark.parametrize("named", ["商务部令2025年第7号", "商务部令2025年第6号"])
def test_a_restore_before_the_end_puts_the_suspended_order_back_in_force(named: str) -> None:
    """Order No. 7 suspended Order No. 6 to 2026-11-10; an order of 2026-05-20 restores "…第N号暂停实施的相关措施" from 06-01.
    Before: No. 6 named, a suspension of No. 6 from 06-01 with no end beside the restore (No. 6 shown suspended); No. 7 named,
    No. 7's own row in force, No. 6 suspended to 11-10."""
    said = f"商务部决定，自2026年6月1日起，恢复实施{named}暂停实施的相关措施。"
    restore = parse_document(RESTORE_ORDER.format(a=said).encode("utf-8")).notice
    assert restore is not None
    d = derive([stored(ORDER6), stored(ORDER7), stored(restore)], date(2026, 7, 1))
    assert d.problems == ()
    assert [(r.notice_key, r.state.value, r.since) for r in d.states] == [
        ("MOFCOM-ORDER-2025-6", "in_force", date(2026, 6, 1))]


# --- "不再延长暂停实施…" with no day: held, not dropped ------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "中方不再延长暂停实施商务部公告2025年第21号相关措施。",
    "中方不再延长暂停实施商务部公告2025年第21号相关措施。暂停期限届满后，相关措施将恢复实施。",
    "经研究，中方不再延期暂停实施商务部公告2025年第21号相关措施。",
])
def test_a_suspension_not_renewed_told_with_no_decision_word_is_held(said: str) -> None:
    with pytest.raises(UnusablePage, match="without extension"):
        parse_document(PLAIN.format(a=said).encode("utf-8"))
    assert "without extension" in _press_held(said)


def test_a_press_conference_under_a_title_naming_no_list_is_held_not_dropped() -> None:
    page = PRESS.replace("请问中方有何新的安排？", "暂停实施的出口管制管控名单相关措施即将到期，中方是否会继续暂停？").format(
        a="中方不再延长暂停实施商务部公告2025年第21号相关措施。")
    with pytest.raises(UnusablePage, match="without extension"):
        parse_document(page.encode("utf-8"))


def test_a_suspension_not_renewed_only_weighed_is_no_step_and_not_held() -> None:
    record = parse_document(PLAIN.format(
        a="中方正在研究是否不再延长暂停实施商务部公告2025年第21号相关措施。").encode("utf-8")).notice
    assert record is not None and record.actions == ()


# --- a MOFCOM order named by its title, or by its day and title (order52/03, 04) ------------------------------------------

TITLE6 = "《关于对韩华海洋株式会社美国相关子公司采取反制措施的决定》"
ORDER_2027 = ("商务部令2027年第1号 关于恢复实施有关反制措施的决定\n【发布单位】安全与管制局\n【发布文号】商务部令2027年第1号\n"
              "【发文日期】2026年12月28日\n\n商务部令\n2027年第1号\n\n{a}\n\n本决定自2027年1月1日起施行。\n\n部长 王文涛\n2026年12月28日\n")


def _order_2027(said: str):
    record = parse_document(ORDER_2027.format(a=said).encode("utf-8")).notice
    assert record is not None
    return record


@pytest.mark.parametrize(("said", "state", "day"), [
    (f"商务部决定，自2027年1月1日起，恢复实施{TITLE6}相关措施。", "in_force", date(2027, 1, 1)),
    (f"商务部决定，自2027年1月1日起，恢复实施商务部2025年10月14日公布的{TITLE6}相关措施。", "in_force", date(2027, 1, 1)),
    (f"商务部决定，自2027年1月1日起，暂停实施商务部2025年10月14日公布的{TITLE6}相关措施6个月。", "suspended",
     date(2027, 1, 1)),
])
def test_an_order_named_by_its_title_is_resolved_to_the_stored_order(said: str, state: str, day: date) -> None:
    step = _order_2027(said)
    (target,) = step.actions[0].targets
    assert (target.key, target.title, target.list and target.list.value) == (None, TITLE6[1:-1], "countermeasure")
    d = derive([stored(ORDER6), stored(ORDER7), stored(step)], date(2027, 1, 5))
    assert d.problems == ()
    assert [(r.notice_key, r.state.value, r.since) for r in d.states] == [("MOFCOM-ORDER-2025-6", state, day)]


def test_a_title_no_stored_order_has_is_unresolved_not_dropped() -> None:
    step = _order_2027("商务部决定，自2027年1月1日起，恢复实施《关于对某某公司采取反制措施的决定》相关措施。")
    d = derive([stored(ORDER6), stored(ORDER7), stored(step)], date(2027, 1, 5))
    assert any("by its title alone" in p for p in d.problems), d.problems


def test_a_title_with_its_number_is_named_by_the_number() -> None:
    step = _order_2027(f"商务部决定，自2027年1月1日起，恢复实施{TITLE6}（商务部令2025年第6号）相关措施。")
    assert [(t.key, t.title) for t in step.actions[0].targets] == [("MOFCOM-ORDER-2025-6", None)]


def test_a_title_beside_a_number_cut_short_is_held_not_a_second_step() -> None:
    """Order No. 7 as the fixture writes it, its number beside the title cut ("（商务部令2025年第6）"): held as before; read by
    the title, beside the step its own title names on No. 6 (no end), it was two suspensions of No. 6 (the parser guard)."""
    text = (Path(__file__).parents[2] / "fixtures" / "texts" / "mofcom-order-2025-7.txt").read_text(encoding="utf-8")
    assert [a.targets[0].key for a in _order_text(text).actions] == ["MOFCOM-ORDER-2025-6"]
    with pytest.raises(UnusablePage):
        parse_document(text.replace("（商务部令2025年第6号）", "（商务部令2025年第6）").encode("utf-8"))


def test_a_title_quoted_in_the_heading_line_names_no_step_of_its_own() -> None:
    """The heading quoting the title otherwise than the body (the guard's cut of a character in one of them): no second
    step on the heading's title, with no end."""
    other = TITLE6.replace("美国相关子公司", "5家美国子公司")
    heading = f"商务部令2025年第7号 关于暂停实施商务部令2025年第6号的决定\n\n商务部令\n2025年第7号\n\n关于暂停实施{other}的决定\n\n"
    body = f"商务部决定，自2025年11月10日起，暂停实施{TITLE6}（商务部令2025年第6号）相关措施1年。\n\n部长 王文涛\n2025年11月10日\n"
    record = _order_text(heading + body)
    assert [(a.action.value, [t.key for t in a.targets], a.until) for a in record.actions] == [
        ("suspend", ["MOFCOM-ORDER-2025-6"], date(2026, 11, 10))]


def _order_text(text: str):
    record = parse_document(text.encode("utf-8")).notice
    assert record is not None
    return record


@pytest.mark.parametrize(("said", "step"), [
    # each read before with a second step, a suspension with no end, beside it (the extension's end lost in the third)
    ("中方决定，自2026年12月10日起，继续暂停实施商务部公告2025年第21号暂停实施的相关措施1年。",
     ("extend", N21, "2026-12-10", "2027-12-10", None)),
    ("中方决定，自2026年12月10日起，停止实施商务部公告2025年第21号暂停实施的相关措施。", ("lift", N21, "2026-12-10", None, None)),
    ("中方决定，对商务部公告2025年第21号暂停实施的相关措施，继续暂停至2027年11月10日。",
     ("extend", N21, "2026-12-04", "2027-11-10", None)),
])
def test_other_steps_on_measures_named_by_what_suspended_them_are_one_step(said: str, step: tuple[str, ...]) -> None:
    assert _steps(said) == [step]
