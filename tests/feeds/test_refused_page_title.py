"""A page refused for a person to read: its source-health item's title names the notice the page holds."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mofcom_watch.cli import app
from tests.scraper.test_parse_left_out import CONSOLIDATED, GATHERED

PAGE = "www.mofcom.gov.cn/zwgk/zcfb/art/2027/art_0000000000000000000000000000070a.html"


def test_a_refused_page_s_title_names_the_notice_it_holds(tmp_path: Path) -> None:
    """reader37 (carried B of reader36): the item's body said "The page holds 商务部公告2027年第70号 … (MOFCOM-2027-70)",
    its title "Source health: …: unusable page https://…" named the URL alone, all a reader's list of titles shows."""
    pages = tmp_path / "pages"
    (pages / PAGE).parent.mkdir(parents=True)
    text = CONSOLIDATED.format(title="关于公布出口管制管控名单（截至2027年6月30日）的公告", lead=GATHERED)
    (pages / PAGE).write_text(f"<html><body><pre>{text}</pre></body></html>", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    replayed = CliRunner().invoke(app, ["--db", db, "replay", str(pages), "--fetched-at", "2027-07-02T02:00:00+00:00",
                                        "--as-of", "2027-07-02"], env={"MOFCOM_WATCH_TODAY": "2027-07-02"})
    assert replayed.exit_code == 1, replayed.output
    out = tmp_path / "feeds"
    written = CliRunner().invoke(app, ["--db", db, "feeds", "--out", str(out), "--as-of", "2027-07-02",
                                       "--base-url", "http://127.0.0.1:8765/feeds/"],
                                 env={"MOFCOM_WATCH_TODAY": "2027-07-02"})
    assert written.exit_code == 1, written.output
    (item,) = json.loads((out / "source-health.json").read_text(encoding="utf-8"))["items"]
    assert item["title"] == ("Source health: saved pages read by replay (replay): unusable page holding "
                             f"商务部公告2027年第70号 (MOFCOM-2027-70): https://{PAGE}"), item["title"]
    assert "The page holds 商务部公告2027年第70号" in item["content_html"]
