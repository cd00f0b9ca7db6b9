"""reader37 A: an article's page whose body container the parser does not know (a redesign, a plainer layout), at an
article's own URL in a column whose path reads as an index's (``/zwgk/zcfb/``, ``/xwfb/xwfyrth/``: where MOFCOM's
notices and answers are), was checked as "an index whose links are gone": none of the checks for a cut page or for a
person's reading ran, so a truncated notice or a consolidated list whose new names go unread was stored silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app
from scraper.parse.document import parse_document
from storage.records import UnusablePage
from tests.scraper.test_parse_left_out import CONSOLIDATED, GATHERED

REPO = Path(__file__).resolve().parents[2]
ART = "https://www.mofcom.gov.cn/{column}/art/2027/art_0000000000000000000000000000070a.html"
COLUMNS = ["zwgk/zcfb", "zcfb/blgg/gg/2027", "article/b"]  # the last reads as no index's: refused before too


def _plain_page(lines: list[str]) -> bytes:
    """An article's page with no body container the parser knows: paragraphs straight in <body>."""
    return ("<html><body>" + "".join(f"<p>{line}</p>" for line in lines if line.strip()) + "</body></html>").encode()


@pytest.mark.parametrize("column", COLUMNS)
def test_a_notice_cut_before_its_closing_is_refused_at_any_article_url(column: str) -> None:
    text = (REPO / "fixtures" / "texts" / "mofcom-2025-51.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()][:4]  # the title, the decision, the measures
    with pytest.raises(UnusablePage) as got:
        parse_document(_plain_page(lines), url=ART.format(column=column))
    assert got.value.reason == "cut-short" and "stops before its closing" in got.value.detail


@pytest.mark.parametrize("column", COLUMNS)
def test_a_consolidated_list_is_refused_for_a_person_at_any_article_url(column: str) -> None:
    text = CONSOLIDATED.format(title="关于公布出口管制管控名单（截至2027年6月30日）的公告", lead=GATHERED)
    with pytest.raises(UnusablePage) as got:
        parse_document(_plain_page(text.splitlines()), url=ART.format(column=column))
    assert got.value.reason == "needs-review" and "publishes a whole list again" in got.value.detail


def test_replayed_it_is_a_health_problem_not_a_notice_changing_nothing(tmp_path: Path) -> None:
    """Before: exit 0, "No open health issues", the notice stored with 0 entities (the list's third company, listed by
    a notice the store never read, in no screening)."""
    page = tmp_path / "pages" / ART.format(column="zwgk/zcfb").removeprefix("https://")
    page.parent.mkdir(parents=True)
    text = CONSOLIDATED.format(title="关于公布出口管制管控名单（截至2027年6月30日）的公告", lead=GATHERED)
    page.write_bytes(_plain_page(text.splitlines()))
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    env = {"MOFCOM_WATCH_TODAY": "2027-07-02"}
    replayed = CliRunner().invoke(app, ["--db", db, "replay", str(tmp_path / "pages"), "--as-of", "2027-07-02"], env=env)
    assert replayed.exit_code == 1, replayed.output
    status = CliRunner().invoke(app, ["--db", db, "status", "--as-of", "2027-07-02"], env=env)
    assert status.exit_code == 1 and "unusable-page" in status.output, status.output
