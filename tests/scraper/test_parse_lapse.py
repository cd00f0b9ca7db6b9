"""The end of a suspension's term (session 24, parse24): "暂停实施期限" is a noun, as "暂停期限" is, and a stop that follows
"…届满后不再延长" in its sentence is the step (a lift), not a restore. Before, "…第21号相关措施暂停实施期限于2026年11月10日
届满后不再延长，自2026年11月11日起停止执行该公告相关措施" (loud23/08) was read as an open-ended suspension of No. 21 from
2026-11-11: the entities showed suspended, not stopped."""

from __future__ import annotations

from scraper.parse import parse_document

HEAD = "商务部公告2026年第89号 关于停止执行相关措施的公告\n【发布文号】商务部公告2026年第89号\n【发文日期】2026年11月09日\n\n"
TAIL = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年11月9日\n"
STOP = ("根据《中华人民共和国出口管制法》等法律法规有关规定，商务部决定，商务部公告2025年第21号相关措施暂停实施期限于2026年11月10日"
        "届满后不再延长，自2026年11月11日起停止执行该公告相关措施。")


def _steps(body: str, head: str = HEAD) -> list[tuple[str, list[str | None], str | None, str | None]]:
    doc = parse_document((head + body + TAIL).encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in doc.notice.actions]


def test_a_stop_after_the_term_not_renewed_is_a_lift() -> None:
    assert _steps(STOP) == [("lift", ["MOFCOM-2025-21"], "2026-11-11", None)]
    # the same with the clauses cut by "；"
    assert _steps(STOP.replace("不再延长，", "不再延长；")) == [("lift", ["MOFCOM-2025-21"], "2026-11-11", None)]


def test_a_uel_stop_after_the_term_not_renewed_is_a_lift() -> None:
    """The UEL form was refused for review ("says 暂停实施 but names no notice it suspends")."""
    head = "不可靠实体清单工作机制关于停止实施相关措施的公告\n【发布文号】不可靠实体清单工作机制公告〔2026〕15号\n【发文日期】2026年11月09日\n\n"
    body = ("不可靠实体清单工作机制决定，不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停实施期限于2026年11月10日届满后不再延长，"
            "自2026年11月11日起停止实施该公告相关措施。")
    assert _steps(body, head) == [("lift", ["UEL-2025-7"], "2026-11-11", None)]


def test_the_term_not_renewed_and_measures_restored_stays_one_restore() -> None:
    body = STOP.replace("停止执行该公告相关措施", "恢复实施该公告相关措施")
    assert _steps(body) == [("restore", ["MOFCOM-2025-21"], "2026-11-11", None)]


def test_a_suspensions_term_named_before_an_extension_is_no_suspension() -> None:
    """"第72号所定暂停实施期限…届满后，继续暂停实施…第46号第二款至…": No. 72 was read as suspended (open-ended) besides
    the extension of No. 46."""
    body = ("商务部决定，商务部公告2025年第72号所定暂停实施期限于2026年11月27日届满后，继续暂停实施商务部公告2024年第46号第二款"
            "至2027年11月27日。")
    assert _steps(body) == [("extend", ["MOFCOM-2024-46"], "2026-11-09", "2027-11-27")]


def test_a_stop_of_two_notices_named_before_it_in_its_sentence() -> None:
    """"…第21号和…第22号相关措施暂停实施期限届满后不再延长，自…起停止执行上述公告相关措施": "上述公告" names no notice of a sentence
    before, so the lift had no target and the "不再延长" was stored as a restore of both (a probe after the blind round)."""
    body = ("商务部决定，商务部公告2025年第21号和商务部公告2025年第22号相关措施暂停实施期限届满后不再延长，自2026年11月11日起停止执行"
            "上述公告相关措施。")
    assert _steps(body) == [("lift", ["MOFCOM-2025-21", "MOFCOM-2025-22"], "2026-11-11", None)]


def test_an_answer_stopping_the_measures_after_the_term_is_read() -> None:
    """The same in a Q&A was refused for review ("says a suspension ends without extension … but no day its measures are
    back"): the lift is that day."""
    text = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-09 18:30\n\n商务部新闻发言人就出口管制管控名单有关措施答记者问\n"
            "问：请问中方如何考虑？\n答：商务部公告2025年第21号相关措施暂停期限于2026年11月10日届满后不再延长，自2026年11月11日起停止执行"
            "该公告相关措施。\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in doc.notice.actions] == [
        ("lift", ["MOFCOM-2025-21"], "2026-11-11")]


def test_the_term_not_renewed_of_a_notice_named_by_date_and_number() -> None:
    """engine24/04: "商务部于2025年11月7日决定暂停执行商务部公告2025年第89号…。该暂停期限将于2026年11月10日届满，中方决定不再延长。" read
    no step (the ref by date and number starts before its 暂停) and was refused as cut-short."""
    text = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-06 17:30\n\n商务部新闻发言人就调整出口管制管控名单措施答记者问\n"
            "问：请问中方是否会继续暂停？\n答：商务部于2025年11月7日决定暂停执行商务部公告2025年第89号相关措施，暂停期限为1年。"
            "该暂停期限将于2026年11月10日届满，中方决定不再延长。\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in doc.notice.actions] == [
        ("restore", ["MOFCOM-2025-89"], "2026-11-11")]  # the day after its last day, the lapse (lapse43)
