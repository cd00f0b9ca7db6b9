"""session 52, recap52: what an answer's recap (``NoticeRecord.recounted``, scraper/parse/rules/recaps.py) carries for the
engine's check beyond the corpus pins (tests/data/corpus/recap52): its term as written and the end it gives, and a notice
named by a day without its year read as the latest such day before the step recounted."""

from __future__ import annotations

from datetime import date

import pytest

from scraper.parse import parse_document

PAGE = ("商务部新闻发言人就出口管制有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-05 18:00\n\n"
        "问：请问商务部对有关美国实体的出口管制措施有何最新安排？\n答：{}\n")


def _recaps(answer: str) -> list[tuple[str, list[str | None], str | None, date | None, str | None, list[date | None]]]:
    rec = parse_document(PAGE.format(answer).encode()).notice
    assert rec is not None and not rec.actions
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until, a.duration, [t.date for t in a.targets])
            for a in rec.recounted]


@pytest.mark.parametrize(("answer", "until", "duration"), [
    ("商务部已于2026年12月1日发布公告，暂停实施商务部公告2026年第23号相关措施1年。", date(2027, 12, 1), "1年"),
    ("商务部已于2026年12月1日发布公告，自2026年12月3日起，暂停实施商务部公告2026年第23号相关措施90天。",
     date(2027, 3, 3), "90天"),
    ("商务部已于2026年12月1日发布公告，自2026年12月3日起，暂停实施商务部公告2026年第23号相关措施至2027年6月30日。",
     date(2027, 6, 30), "至2027年6月30日"),
    # no day told nor start: the term as written, no end counted (the engine compares nothing)
    ("商务部此前已发布公告，暂停实施商务部公告2026年第23号相关措施1年。", None, "1年"),
    # a lift tells no term ("2026年第23号" is no term of 2026 years)
    ("商务部已于2026年12月1日发布公告，停止实施商务部公告2026年第23号相关措施。", None, None),
], ids=["year-from-day-told", "days-from-start", "end-told", "no-day", "lift"])
def test_a_recap_carries_its_term(answer: str, until: date | None, duration: str | None) -> None:
    got = _recaps(answer)
    assert len(got) == 1 and got[0][1] == ["MOFCOM-2026-23"], got
    assert (got[0][3], got[0][4]) == (until, duration)


@pytest.mark.parametrize(("answer", "day"), [
    # decided in 2025, told in 2026: the April 4 before the day told
    ("商务部已于2025年11月5日发布公告，自2025年11月10日起，继续暂停实施4月4日公告相关措施1年。", date(2025, 4, 4)),
    ("商务部已于2025年11月5日决定，继续暂停实施4月4日公告相关措施1年。", date(2025, 4, 4)),
    # its year written: as written, whatever the day told
    ("商务部已于2025年11月5日发布公告，自2025年11月10日起，继续暂停实施2026年4月4日公告相关措施1年。", date(2026, 4, 4)),
    # no day told: the latest before the answer, as before
    ("商务部此前已发布公告，继续暂停实施4月4日公告相关措施1年。", date(2026, 4, 4)),
], ids=["told-2025", "decided-2025", "year-written", "no-day"])
def test_a_yearless_notice_day_is_the_latest_before_the_step(answer: str, day: date) -> None:
    got = _recaps(answer)
    assert len(got) == 1 and got[0][5] == [day], got
