"""reprint58 (session 58): a People's Daily reprint of a spokesperson's Q&A dated by the paper's trailer
("《 人民日报 》（ 2028年04月29日 03 版）", or "( … 版)": blind57's B1; it was keyed QA-undated-…, and two reprints of one
title shared that key). What the pins in tests/data/corpus/reprint58/ and blind57/k2r cannot say."""

from __future__ import annotations

from datetime import date

import pytest

from scraper.parse import parse_text
from scraper.parse.rules.identify import paper_trailer_day
from scraper.parse.textnorm import fold

TITLE = "商务部新闻发言人就调整出口管制管控名单措施答记者问"
ANSWER = "　　答：中方决定自2030年1月5日起，暂停执行商务部公告2029年第120号相关措施90天。"


@pytest.mark.parametrize(("trailer", "day"), [
    ("《 人民日报 》（ 2028年04月29日 03 版）", date(2028, 4, 29)),
    ("《 人民日报 》( 2025年08月13日 15 版)", date(2025, 8, 13)),
    ("《人民日报》（2029年1月2日第3版）", date(2029, 1, 2)),
    ("《 人民日报海外版 》（ 2029年01月02日 03 版）", date(2029, 1, 2)),
    ("据《 人民日报 》报道", None),
])
def test_the_trailer_day(trailer: str, day: date | None) -> None:
    assert paper_trailer_day(fold(f"正文。\n{trailer}\n")) == day


def test_a_dateline_of_the_last_day_of_the_year_read_against_a_trailer_of_the_next() -> None:
    text = f"{TITLE}\n\n　　本报北京12月31日电　{TITLE}。\n\n　　问：请问有何安排？\n\n{ANSWER}\n\n《 人民日报 》（ 2030年01月01日 03 版）\n"
    rec = parse_text(text)
    assert rec is not None and rec.published == date(2029, 12, 31) and rec.key.startswith("QA-2029-12-31-")


def test_a_paper_retelling_with_a_trailer_is_no_dated_notice() -> None:
    """Not a Q&A (blind52/35's form): the trailer is read for a reprinted Q&A alone, so a retelling taking steps stays
    undated, its steps never applied (a dated unnumbered notice's items would be published)."""
    text = ("不可靠实体清单工作机制发布公告 停止实施2025年第7号公告相关措施\n本报北京10月30日电（记者 罗珊珊）不可靠实体清单工作机制30日"
            "发布公告，决定自2027年11月1日起，停止实施不可靠实体清单工作机制公告〔2025〕7号相关措施。\n"
            "《 人民日报 》（ 2027年10月31日 03 版）\n")
    rec = parse_text(text)
    assert rec is None or rec.published is None
