"""Dates, effective dates and computed end dates."""

import random
from datetime import date, datetime, timedelta, timezone

import pytest

from scraper.parse import PageHints, dates, parse_document, parse_text
from scraper.parse.dates import Stamp, add_years, filing_date, make_date, parse_cn_date, resolve_month_day, until_from
from scraper.parse.textnorm import DECIMALS, fold, to_int
from storage.periods import end_of_iso_period, period_end
from storage.records import ActionKind, ActionRecord

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


def test_the_decimals_table_reads_each_number_as_int_does():
    """``textnorm.DECIMALS`` (``make_date``, ``to_int`` and the annex serials read digits from it, not by ``int()``): every
    entry is what ``int()`` reads of its key, and the dates, days and serials a notice writes are in it."""
    assert all(int(text) == value for text, value in DECIMALS.items())
    assert {"1", "01", "09", "10", "31", "999", "1999", "2025", "2099"} <= DECIMALS.keys()
    assert [to_int(text) for text in ("04", "2025", "317", "２０２５", "二〇二五")] == [4, 2025, 317, 2025, 2025]
    assert make_date("2025", "04", "09") == date(2025, 4, 9) and make_date("2025", "02", "30") is None


QA = """来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-09 18:00

商务部新闻发言人就出口管制管控名单有关问题答记者问
问：请问中方有何安排？
答：{answer}
"""


def only_action(answer: str) -> ActionRecord:
    rec = parse_document(QA.format(answer=answer).encode()).notice
    (action,) = rec.actions
    assert action.action is ActionKind.EXTEND and [t.key for t in action.targets] == ["MOFCOM-2025-21"]
    return action


@pytest.mark.parametrize(("answer", "period", "written"), [
    ("中方决定，延长4月4日公告（商务部公告2025年第21号）相关措施的暂停期限1年。", "P1Y", "1年"),
    ("中方决定，4月4日公告（商务部公告2025年第21号）相关措施暂停期限延期一年。", "P1Y", "一年"),
    ("中方决定，将4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长九十天。", "P90D", "九十天"),
    ("中方决定，继续暂停4月4日公告（商务部公告2025年第21号）相关措施３个月。", "P3M", "３个月"),
    ("中方决定，将4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长半年。", "P6M", "半年"),
])
def test_an_extension_by_a_duration_without_a_start_runs_from_the_running_end(answer: str, period: str,
                                                                               written: str) -> None:
    action = only_action(answer)
    assert (action.until, action.extends_by, action.duration, action.effective) == (None, period, written, "2026-11-09")


@pytest.mark.parametrize(("answer", "until"), [
    ("中方决定自2026年11月10日起，将4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长1年。", date(2027, 11, 10)),
    ("中方决定自即日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施90天。", date(2027, 2, 7)),
    ("中方决定，4月4日公告（商务部公告2025年第21号）相关措施的暂停期限延长至2027年11月10日。", date(2027, 11, 10)),
    ("中方决定自2028年2月29日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。", date(2029, 2, 28)),
    ("中方决定自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施半年。", date(2027, 5, 10)),
    ("中方决定自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施一年半。", date(2028, 5, 10)),
    ("中方决定自2026年11月10日零时起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。", date(2027, 11, 10)),
])
def test_an_extension_with_a_start_or_an_end_written_keeps_its_end(answer: str, until: date) -> None:
    action = only_action(answer)
    assert (action.until, action.extends_by) == (until, None)


def test_a_start_at_an_hour_in_chinese_numerals_is_read() -> None:
    action = only_action("中方决定自2026年11月10日零时起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。")
    assert action.effective == "2026-11-10T00:00+08:00"


def test_periods_end_as_the_notices_count_them() -> None:
    assert end_of_iso_period(date(2026, 11, 10), "P1Y") == date(2027, 11, 10)
    assert end_of_iso_period(date(2026, 11, 10), "P90D") == date(2027, 2, 8)
    assert end_of_iso_period(date(2026, 11, 30), "P3M") == date(2027, 2, 28)
    assert end_of_iso_period(date(2028, 2, 29), "P1Y") == date(2029, 2, 28)
    assert end_of_iso_period(date(2026, 11, 10), "1年") is None
    assert period_end(date(2026, 11, 10), 2, "W") == period_end(date(2026, 11, 10), 2, "周") == date(2026, 11, 24)


NOTICE = """商务部公告2026年第44号 公布将1家美国实体列入出口管制管控名单
【发布单位】安全与管制局
【发布文号】商务部公告2026年第44号
【发文日期】2026年10月09日

根据《中华人民共和国出口管制法》等法律法规有关规定，决定将戊己科技公司（美国）列入出口管制管控名单，禁止向其出口两用物项。
{closing}

附件：出口管制管控名单
1. 戊己科技公司（Wuji Technologies, Inc.）

商务部
2026年10月9日
"""


@pytest.mark.parametrize(("closing", "effective"), [
    ("本公告自发布之日起30日后施行。", "2026-11-08"),
    ("本公告自公布之日起三个月后正式实施。", "2027-01-09"),
    ("本公告自公布之日起正式实施。", "2026-10-09"),
])
def test_a_delay_after_publication_moves_the_effective_date(closing: str, effective: str) -> None:
    rec = parse_document(NOTICE.format(closing=closing).encode()).notice
    assert (rec.published, rec.effective, [a.effective for a in rec.actions]) == (date(2026, 10, 9), effective, [effective])


def test_an_iso_filing_date_run_into_the_body_is_the_filing_date() -> None:
    assert filing_date(fold("【发文日期】2025-11-05　根据2025年4月4日公告（商务部公告2025年第21号）")) == date(2025, 11, 5)
    assert filing_date(fold("【发文日期】2025年11月05日 更新于2025-11-06")) == date(2025, 11, 5)
    assert filing_date(fold("【发文日期】2025-11-05")) == date(2025, 11, 5)


def test_a_title_suspension_beside_the_body_continuing_it_is_one_extension() -> None:
    text = """商务部公告2026年第60号 关于暂停实施商务部公告2024年第46号第二款的公告
【发布文号】商务部公告2026年第60号
【发文日期】2026年11月26日

根据有关规定，现将有关事项公告如下：
自即日起至2027年11月27日，继续暂停实施商务部公告2024年第46号第二款。
本公告自公布之日起正式实施。

商务部
2026年11月26日
"""
    rec = parse_document(text.encode()).notice
    assert [(a.action, [t.key for t in a.targets], a.effective, a.until) for a in rec.actions] == [
        (ActionKind.EXTEND, ["MOFCOM-2024-46"], "2026-11-26", date(2027, 11, 27))]



@pytest.mark.parametrize("start", ["自2027年3月1日原暂停期限届满之日起", "自2027年3月1日（原暂停期限届满之日）起",
                                   "自原暂停期限届满之日（2027年3月1日）起", "从2027年3月1日现行暂停期限届满之日起"])
def test_a_day_written_beside_the_end_it_is_is_the_effective_day(start: str) -> None:
    """story36 S2b: a late notice's "自2027年3月1日原暂停期限届满之日起，继续暂停…" took the notice's own day, 03-04."""
    sentence = f"商务部决定，{start}，继续暂停实施商务部公告2026年第42号相关措施，暂停期限至2027年9月1日"
    assert dates.effective_in(fold(sentence), date(2027, 3, 4)) == "2027-03-01"
    # the end told before, no day beside it, is no day here (targets reads it from the text told before)
    assert dates.effective_in(fold("继续暂停相关措施，为期一年，自上述暂停期限届满之日起计算"), date(2027, 3, 4)) is None
