"""`mofcom-watch feeds` on the replayed fixtures: real store, real files, stable bytes."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app
from tests.feeds.replayed import write_feeds_cli


def feeds(db: str, out: Path, *extra: str):
    return write_feeds_cli(db, out, *extra)


def test_feeds_from_the_fixtures_parse_and_rerun_writes_nothing(fixture_db, tmp_path):
    out = tmp_path / "feeds"
    first = feeds(fixture_db, out)
    assert first.exit_code in (0, 1), first.output
    assert "written, 0 unchanged" in first.output
    files = sorted(out.rglob("*.atom")) + sorted(out.rglob("*.rss"))
    assert {"all.atom", "all.rss", "uel.atom", "ecl.rss", "notices.atom", "source-health.rss"} <= {
        str(p.relative_to(out)) for p in files}
    assert (out / "entity" / "skydio.atom").exists()
    snapshot = {p: p.read_bytes() for p in files}
    # each of these files parses (feedparser, no bozo) with no id twice: tests/feeds/test_json_feed.py
    # ::test_atom_and_rss_are_well_formed checks the same bytes (the same replayed store, day and base URL)
    second = feeds(fixture_db, out)
    assert " 0 written" in second.output and second.exit_code == first.exit_code
    assert {p: p.read_bytes() for p in files} == snapshot


def test_fixture_feeds_carry_the_uel_2025_7_lapse_with_provenance(fixture_db, tmp_path):
    out = tmp_path / "feeds"
    feeds(fixture_db, out)
    uel = feedparser.parse((out / "uel.atom").read_bytes())
    lapse = next(e for e in uel.entries if "UEL-2025-7/suspension_lapsed" in e.id)
    body = lapse.content[0].value
    assert "presumed" in lapse.title.lower() and "Presumed - needs review" in body
    assert "2026-11-10" in body and "https://www.mofcom.gov.cn/" in body and "SHA-256" in body
    assert "斯凯迪奥" in body  # Chinese entity names intact
    assert uel.entries == sorted(uel.entries, key=lambda e: e.published_parsed, reverse=True)


def test_watchlist_option_adds_the_watchlist_feed(fixture_db, tmp_path):
    wl = tmp_path / "wl.toml"
    wl.write_text('[[counterparty]]\nname = "SKYDIO"\n[[counterparty]]\nname = "斯凯迪奥"\n', encoding="utf-8")
    out = tmp_path / "feeds"
    result = feeds(fixture_db, out, "--watchlist", str(wl))
    assert "watchlist feed:" in result.output
    parsed = feedparser.parse((out / "watchlist.rss").read_bytes())
    assert parsed.bozo == 0 and parsed.entries
    assert all(e.id.endswith("/skydio") or "Watchlist match" in e.description for e in parsed.entries)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "tomorrow"), "expected a date like 2026-11-29"),
        (("--watchlist", "/nonexistent/wl.csv"), "cannot read watchlist"),
        (("--base-url", "feeds.example.org"), "it does not start with http:// or https://"),
    ],
)
def test_bad_input_exits_2_with_a_message(fixture_db, tmp_path, args, message):
    result = CliRunner().invoke(app, ["--db", fixture_db, "feeds", "--out", str(tmp_path / "f"), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "f").exists()  # nothing written on bad input


def test_a_count_mismatch_item_names_the_copy_read_short_by_its_sha256(fixture_db):
    """Rule 3 for source-health items (order30): the item of a notice read short of its stated count names the page's
    URL and the SHA-256 of the copy read short (was the URL alone: once the page changed, which copy was short could
    not be told), the snapshot stored for that URL, the fixture file's own bytes."""
    import hashlib

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from storage.db import open_store
    from storage.health import health_events
    from storage.models import Page, Snapshot

    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    engine = open_store(fixture_db)
    with Session(engine) as session:
        items = [e for e in health_events(session) if "/count-mismatch/" in e.id]
        stored = {url: sha for url, sha in session.execute(
            select(Page.url, Snapshot.sha256).join(Snapshot, Snapshot.page_id == Page.id))}
    engine.dispose()
    assert len(items) == 3, [e.id for e in items]  # MOFCOM-2026-11, -12, MOFCOM-ORDER-2025-6
    for item in items:
        url = "file:" + item.summary.split("(file:", 1)[1].split(";", 1)[0]
        sha = hashlib.sha256((fixtures / url.removeprefix("file:")).read_bytes()).hexdigest()
        assert stored[url] == sha
        assert f"({url}; page SHA-256 {sha})." in item.summary, item.summary
