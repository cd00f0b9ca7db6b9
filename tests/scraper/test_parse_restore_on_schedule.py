"""A restore said as what a suspension's end brings, "按期恢复实施" (on schedule), and "届时" (at that end) (session 26,
parse26, blind round 10). "暂停期限届满后，上述公告相关措施将按期恢复实施" was no action (the end read as a presumed lapse,
needs review); "…将于2026年11月10日届满。届时，…将按期恢复实施" restored on the answer's own day, two days early (a false
"in force" on 11-08 and 11-09); "…继续暂停…第21号…1年；…〔2025〕7号相关措施暂停期满后不再延长，自…起按期恢复实施" also
restored No. 21, the notice the same answer continues."""

from __future__ import annotations

from scraper.parse import parse_document

HEAD = "商务部新闻发言人就有关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 {day} 20:30\n\n问：相关措施的暂停期限即将届满，请问中方有何考虑？\n答："


def _steps(answer: str, day: str = "2026-11-09") -> list[tuple[str, list[str | None], str | None, str | None]]:
    doc = parse_document((HEAD.format(day=day) + answer + "\n").encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in doc.notice.actions]


TOLD = "2025年11月5日，中方宣布自2025年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。该暂停期限将于2026年11月10日届满。"


def test_on_schedule_after_the_term_is_a_restore_on_its_last_day() -> None:
    assert _steps(TOLD + "经研究，暂停期限届满后，上述公告相关措施将按期恢复实施。") == [
        ("restore", ["MOFCOM-2025-21"], "2026-11-11", None)]  # the day after its last day, the lapse (lapse43)


def test_at_that_time_is_the_end_the_sentence_before_told() -> None:
    answer = ("商务部令2025年第7号规定的暂停期限将于2026年11月10日届满。届时，《关于对韩华海洋株式会社美国相关子公司采取反制措施的"
              "决定》（商务部令2025年第6号）规定的反制措施将按期恢复实施。")
    assert _steps(answer, "2026-11-08") == [("restore", ["MOFCOM-ORDER-2025-6"], "2026-11-11", None)]  # the day after its last day, the lapse (lapse43)


def test_the_restore_after_not_renewed_is_of_the_notice_not_renewed() -> None:
    answer = ("中方决定，自2026年11月10日起，对4月4日公告（商务部公告2025年第21号）相关措施继续暂停实施1年；4月4日公告（不可靠实体清单"
              "工作机制公告〔2025〕7号）相关措施暂停期满后不再延长，自2026年11月10日起按期恢复实施。")
    assert _steps(answer) == [("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10"),
                              ("restore", ["UEL-2025-7"], "2026-11-10", None)]


def test_a_report_of_a_restore_on_schedule_denied_restores_nothing() -> None:
    answer = ("有外媒报道称，相关措施将在暂停期满后按期恢复实施，有关报道不实。中方决定，自2026年11月10日起，继续暂停实施4月4日公告"
              "（商务部公告2025年第21号）相关措施1年。")
    assert _steps(answer) == [("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10")]
