"""A suspending notice that says what its end brings (session 25, parse25): "自2026年8月5日起，暂停实施商务部公告2026年
第61号相关措施，暂停期限至2026年11月5日。暂停期限届满后，相关措施自动恢复实施。" read the suspension alone, so on 11-05 the
engine showed "lapsed: presumed back in force, needs review" where the notice itself said the measures are back. The
restore now takes the notice the paragraph suspended, from the day the suspension lapses: the day after an end written as
its last day ("至2026年11月5日", session 42), as for a period counted from a day ("3个月": its end is its last day too,
lapse43)."""

from __future__ import annotations

from scraper.parse import parse_document

HEAD = "商务部公告2026年第88号 关于暂停实施相关措施的公告\n【发布文号】商务部公告2026年第88号\n【发文日期】2026年08月03日\n\n"
TAIL = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年8月3日\n"
BODY = ("商务部决定，自2026年8月5日起，暂停实施商务部公告2026年第61号相关措施，暂停期限至2026年11月5日。暂停期限届满后，"
        "相关措施自动恢复实施。")


def _steps(body: str) -> list[tuple[str, list[str | None], str | None, str | None]]:
    doc = parse_document((HEAD + body + TAIL).encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in doc.notice.actions]


def test_the_restore_a_suspending_notice_announces_for_its_end() -> None:
    # back from 11-06, the day the suspension lapses: its end is written as its last day ("至2026年11月5日", included;
    # its item says "until 2026-11-05 inclusive"). Pinned to 11-05 until session 42, a day before that lapse (session 41's
    # open A; the lead's decision: a restore "届满后" is the lapse of the suspension the same text stores)
    assert _steps(BODY) == [("suspend", ["MOFCOM-2026-61"], "2026-08-05", "2026-11-05"),
                            ("restore", ["MOFCOM-2026-61"], "2026-11-06", None)]


def test_a_suspension_counted_from_a_day_is_back_the_day_after_its_last() -> None:
    # "3个月" from 08-05 runs through 11-05, its last day, and lapses on 11-06 as "至2026年11月5日" does: the restore too
    # (lapse43, the lead's decision: one convention; it was 11-05, the day a counted end lapsed before)
    assert _steps(BODY.replace("，暂停期限至2026年11月5日", "3个月")) == [
        ("suspend", ["MOFCOM-2026-61"], "2026-08-05", "2026-11-05"), ("restore", ["MOFCOM-2026-61"], "2026-11-06", None)]


def test_without_the_sentence_only_the_suspension() -> None:
    assert _steps(BODY.split("暂停期限届满后")[0]) == [("suspend", ["MOFCOM-2026-61"], "2026-08-05", "2026-11-05")]
