"""blind57 (session 57): a suspension's end written with no year ("暂停期限至3月31日"), what the corpus pin
(tests/data/corpus/blind57/y2-…) cannot say: the end before the verb, a start in the same year, a later sentence's
"截至…" that is no end, and an end with its year (as before)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_text

ANSWER = (Path(__file__).resolve().parents[1] / "data" / "corpus" / "blind57"
          / "y2-qa-2029-12-28-suspend-from-jan-1-no-year.txt").read_text(encoding="utf-8")
STEP = "，暂停执行11月20日公告（商务部公告2029年第95号）相关措施，暂停期限至3月31日"


def _steps(text: str) -> list[tuple[str, str | None, str | None]]:
    rec = parse_text(text)
    assert rec is not None
    return [(a.action.value, a.effective, a.until.isoformat() if a.until else None) for a in rec.actions]


@pytest.mark.parametrize(("old", "new", "want"), [
    # told in December, from 1月1日: the next year's 3-31 (no end read before: suspended "until further notice")
    ("", "", ("suspend", "2030-01-01", "2030-03-31")),
    # the end before the verb
    (STEP, "至3月31日，暂停执行11月20日公告（商务部公告2029年第95号）相关措施", ("suspend", "2030-01-01", "2030-03-31")),
    # a start in the answer's own year, an end in the next: the end never before the start
    ("自1月1日起", "自11月1日起", ("suspend", "2029-11-01", "2030-03-31")),
    # the year written: as before
    ("暂停期限至3月31日", "暂停期限至2030年3月31日", ("suspend", "2030-01-01", "2030-03-31")),
    # no end in the step's sentence: a later sentence's "截至4月30日" is no end
    ("，暂停期限至3月31日。", "。截至4月30日，已有企业提出申请。", ("suspend", "2030-01-01", None)),
])
def test_an_end_with_no_year_is_read_in_the_start_s_year_or_the_next(old: str, new: str,
                                                                      want: tuple[str, str, str | None]) -> None:
    text = ANSWER.replace(old, new) if old else ANSWER
    assert text != ANSWER or not old
    assert _steps(text) == [want]


BACK = (Path(__file__).resolve().parents[1] / "data" / "corpus" / "blind57"
        / "u2-qa-2030-01-03-from-dec-31-backdated-to-mar-31.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "want"), [
    # told on 2030-01-03, "自12月31日起": three days back, not a year ahead (was 2030-12-31, the end 2031-03-31, silently)
    ("", "", ("suspend", "2029-12-31", "2030-03-31")),
    # mid-year: the text's own year, as before
    ("2030-01-03", "2030-06-03", ("suspend", "2030-12-31", "2031-03-31")),
    ("自12月31日起", "自7月1日起", ("suspend", "2030-07-01", "2031-03-31")),
    # a day in brackets after a relative word, "自即日（12月31日）起", read by the same rule
    ("自12月31日起", "自即日（12月31日）起", ("suspend", "2029-12-31", "2030-03-31")),
])
def test_a_start_with_no_year_is_the_month_day_nearest_the_text_s_day(old: str, new: str,
                                                                       want: tuple[str, str, str | None]) -> None:
    text = BACK.replace(old, new) if old else BACK
    assert text != BACK or not old
    assert _steps(text) == [want]
