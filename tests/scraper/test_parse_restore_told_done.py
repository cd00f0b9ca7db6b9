"""A restore told as done, "…第6号规定的反制措施已于2026年11月10日按期恢复实施" (session 27, parse27; parse26/02): the
authority stating the step and its day, read as the restore of the notice it names from the day it names (it was no action,
a recount: the engine showed the suspension's lapse presumed, needs review). Never the answer's own day; a recount naming no
notice of its own, or no day and no end of a suspension told, stays no action (a warning)."""

from __future__ import annotations

from scraper.parse import parse_document

HEAD = "商务部召开例行新闻发布会（{day}）\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 16:30\n\n问：韩华海洋美国相关子公司的反制措施此前暂停实施1年，目前该期限已经届满。请问商务部如何处理？\n答："
ORDER6 = "《关于对韩华海洋株式会社美国相关子公司采取反制措施的决定》（商务部令2025年第6号）"
TOLD = f"根据商务部令2025年第7号，商务部自2025年11月10日起暂停实施{ORDER6}规定的反制措施，为期1年。"


def _read(answer: str, day: str = "2026-11-12") -> tuple[list[tuple[str, list[str | None], str | None]], list[str]]:
    doc = parse_document((HEAD.format(day=day) + answer + "\n").encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective) for a in doc.notice.actions], list(doc.notice.warnings)


def test_a_restore_told_as_done_on_a_day_is_the_restore_from_that_day() -> None:
    answer = TOLD + "目前暂停期限已经届满，商务部令2025年第6号规定的反制措施已于2026年11月10日按期恢复实施。"
    assert _read(answer)[0] == [("restore", ["MOFCOM-ORDER-2025-6"], "2026-11-10")]
    # the day without its year, "已自…起恢复执行"
    assert _read(TOLD + "商务部令2025年第6号规定的反制措施已自11月10日起恢复执行。")[0] == [
        ("restore", ["MOFCOM-ORDER-2025-6"], "2026-11-10")]


def test_a_restore_told_as_done_without_a_day_is_from_the_day_after_the_end_the_answer_told() -> None:
    # 1 year from 2025-11-10 runs through 2026-11-10 (its last day, included): back from 11-11, as every restore at a
    # suspension's end is dated (rules.steps.restored_at_lapse; session 51, qa51/27: it was the end itself, 11-10)
    assert _read(TOLD + "目前，商务部令2025年第6号规定的反制措施已按期恢复实施。")[0] == [
        ("restore", ["MOFCOM-ORDER-2025-6"], "2026-11-11")]


def test_a_restore_told_as_done_with_no_day_and_no_end_told_stays_no_action() -> None:
    actions, warnings = _read("目前，商务部令2025年第6号规定的反制措施已恢复实施。")
    assert actions == [] and "no action found in the answer" in warnings


def test_a_restore_told_as_done_naming_no_notice_of_its_own_stays_no_action() -> None:
    actions, warnings = _read(TOLD + "目前暂停期限已经届满，上述反制措施已于2026年11月10日恢复实施。")
    assert actions == [] and "no action found in the answer" in warnings


def test_a_report_of_a_restore_told_as_done_denied_or_doubted_is_no_action() -> None:
    assert _read(TOLD + "有外媒报道称，商务部令2025年第6号规定的反制措施已于2026年11月10日恢复实施，这一说法不实。")[0] == []
    assert _read(TOLD + "商务部令2025年第6号规定的反制措施是否已于2026年11月10日恢复实施，我们将适时发布信息。")[0] == []
