"""Dates, effective dates and computed end dates."""

import random
from datetime import date, datetime, timedelta, timezone

import pytest

from scraper.parse import PageHints, dates, parse_text
from scraper.parse.dates import Stamp, add_years, make_date, parse_cn_date, resolve_month_day, until_from

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

ECL = "决定将甲公司（Alpha Inc.）列入出口管制管控名单。\n"


@pytest.mark.parametrize(
    ("duration", "start", "end"),
    [
        ("90天", date(2025, 5, 14), date(2025, 8, 12)),
        ("90天", date(2025, 8, 12), date(2025, 11, 10)),
        ("1年", date(2025, 11, 10), date(2026, 11, 10)),
        ("一年", date(2025, 11, 10), date(2026, 11, 10)),
        ("6个月", date(2025, 8, 31), date(2026, 2, 28)),
        ("至2026年11月27日", date(2025, 11, 9), date(2026, 11, 27)),
    ],
)
def test_until_from_duration(duration, start, end):
    assert until_from(duration, start) == end


def test_add_years_on_29_february():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_chinese_numeral_dates():
    assert parse_cn_date("二〇二五年四月九日") == date(2025, 4, 9)
    assert parse_cn_date("2025年04月09日") == date(2025, 4, 9)


def test_month_day_takes_year_from_context_or_the_year_before():
    assert resolve_month_day(4, 4, None, date(2025, 5, 14)) == date(2025, 4, 4)
    assert resolve_month_day(12, 20, None, date(2025, 1, 10)) == date(2024, 12, 20)
    assert resolve_month_day(12, 20, 2025, date(2025, 1, 10)) == date(2025, 12, 20)


def test_published_from_filing_block():
    rec = parse_text("【发布文号】商务部公告2025年第13号\n【发文日期】2025年03月04日\n\n" + ECL + "本公告自公布之日起正式实施。")
    assert rec.published == date(2025, 3, 4)
    assert rec.effective == "2025-03-04"


def test_published_from_signature_with_spaced_issuer():
    rec = parse_text("商务部公告2025年第22号\n\n" + ECL + "本公告自公布之日起正式实施。\n\n商 务 部\n2025年4月9日")
    assert rec.published == date(2025, 4, 9)


def test_published_from_meta_pubdate_with_time():
    rec = parse_text("商务部公告2025年第22号\n\n" + ECL, PageHints(pub=Stamp(date(2025, 4, 9), 18, 40)))
    assert rec.published == date(2025, 4, 9)
    assert rec.published_at == datetime(2025, 4, 9, 18, 40, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize(
    ("phrase", "effective"),
    [
        ("本公告自公布之日起正式实施。", "2025-04-09"),
        ("本公告自公布之日起实施。", "2025-04-09"),
        ("本公告自2025年4月10日12时01分起正式实施。", "2025-04-10T12:01+08:00"),
        ("本公告自2025年4月10日12时01分起实施。", "2025-04-10T12:01+08:00"),
        ("本公告自2025年12月1日起施行。", "2025-12-01"),
    ],
)
def test_effective_phrases(phrase, effective):
    rec = parse_text(f"商务部公告2025年第22号\n\n{ECL}{phrase}\n\n商务部\n2025年4月9日")
    assert rec.effective == effective
    assert rec.actions[0].effective == effective


def test_no_date_is_a_warning_not_a_failure():
    rec = parse_text("商务部公告2025年第22号\n\n" + ECL)
    assert rec.published is None
    assert "no publication date found" in rec.warnings


def test_make_date_reads_every_part_as_to_int_does():
    """The parts as the date patterns capture them (ASCII or full-width digits, Chinese
    numerals, a missing group) or ints: the fast path gives what the plain reading
    (``_read_date``: ``to_int`` of each part) gives."""
    rnd = random.Random(11)
    cn_year = "〇○零一二三四五六七八九O"
    cn_md = "一二三四五六七八九十"

    def part(kind):
        roll = rnd.random()
        if roll < 0.05:
            return None
        if roll < 0.15:
            return rnd.randrange(-2, 40) if kind != "y" else rnd.choice((0, 1999, 2025, 2024))
        if roll < 0.3:
            return "".join(rnd.choice(cn_year if kind == "y" else cn_md) for _ in range(4 if kind == "y" else rnd.randint(1, 3)))
        digits = str(rnd.randrange(1900, 2100) if kind == "y" else rnd.randrange(0, 40))
        if kind != "y" and rnd.random() < 0.2:
            digits = digits.zfill(2)
        if rnd.random() < 0.1:
            digits = digits.translate(FULL_WIDTH)
        return digits

    days = 0
    for _ in range(20000):
        y, m, d = part("y"), part("m"), part("d")
        expected = dates._read_date(y, m, d)
        assert make_date(y, m, d) == expected, (y, m, d)
        days += expected is not None
    assert days > 2500  # the fast path was taken, not only the reading after it
