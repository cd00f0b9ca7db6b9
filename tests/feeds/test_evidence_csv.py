"""An evidence pack's ``timeline.csv`` opens safely in a spreadsheet, as ``screen --csv`` does (one helper,
``storage.csvcells``). Was: ``screen --csv`` quoted a cell starting with = + - @ (cb45653) but the pack's
timeline.csv wrote it as read, so a notice number or issuer text starting with "=" ran as a formula in the
auditor's sheet."""

from __future__ import annotations

import csv
import io

from feeds.evidence import TIMELINE_COLUMNS, Standing, _timeline_csv
from storage.csvcells import csv_text, spreadsheet_safe
from storage.records import ListKind


def test_timeline_csv_quotes_cells_a_spreadsheet_would_run():
    listing = Standing(notice_key="=HYPERLINK(\"http://x\",\"MOFCOM-2025-1\")", number="+1", list=ListKind.UEL,
                       issuer="@SUM(A1)", state=None, events=())
    rows = list(csv.reader(io.StringIO(_timeline_csv((listing,)).decode("utf-8"))))
    assert rows[0] == list(TIMELINE_COLUMNS)
    assert rows[1][:4] == ["'=HYPERLINK(\"http://x\",\"MOFCOM-2025-1\")", "'+1", ListKind.UEL.value, "'@SUM(A1)"]


def test_the_helper_quotes_only_formula_starts():
    assert [spreadsheet_safe(c) for c in ("=1+1", "-2", "\tx", "Skydio", "", "1-2", "美国")] == [
        "'=1+1", "'-2", "'\tx", "Skydio", "", "1-2", "美国"]
    assert csv_text(("a", "b"), [("=x", "y,z")]) == "a,b\n'=x,\"y,z\"\n"


def test_timeline_csv_says_a_lapse_in_status_words_in_its_last_column():
    """"lapsed" alone reads as "no longer applies" in a spreadsheet; the tool presumes the opposite (ux24, session 24)."""
    from datetime import date

    from storage.records import ListingState, StatusRow

    lapsed = StatusRow(notice_key="UEL-2025-7", number="不可靠实体清单工作机制公告〔2025〕7号", title=None, list=ListKind.UEL,
                       state=ListingState.LAPSED, since=date(2026, 11, 10), until=None, days_left=None,
                       entity_count=11, presumed=True)
    rows = list(csv.DictReader(io.StringIO(_timeline_csv((
        Standing(notice_key="UEL-2025-7", number=None, list=ListKind.UEL, issuer=None, state=lapsed, events=()),
        Standing(notice_key="MOFCOM-2027-1", number=None, list=ListKind.ECL, issuer=None, state=None, events=()),
    )).decode("utf-8"))))
    assert [(r["state_as_of"], r["state_meaning"]) for r in rows] == [
        ("lapsed", "lapsed: presumed back in force, needs review"), ("", "not yet in effect")]
