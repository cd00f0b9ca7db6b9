"""The front page over a real store: the replayed fixtures, their states, events and feeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote

from starlette.testclient import TestClient

from mofcom_watch.publish import PARTS_FILE, STORE_MARK
from mofcom_watch.server import create_app
from mofcom_watch.server.data import StoreData
from storage.db import open_store
from tests.conftest import copy_of
from tests.feeds.replayed import write_feeds_cli

BASE = "http://127.0.0.1:8765/feeds/"


def test_front_page_from_replayed_fixtures(tmp_path: Path, replayed: Path) -> None:
    db_url = copy_of(replayed, tmp_path / "db.sqlite")
    out = tmp_path / "feeds"
    result = write_feeds_cli(db_url, out, base_url=BASE)
    assert result.exit_code in (0, 1), result.output
    engine = open_store(db_url)
    try:
        app = create_app(feeds_dir=out, feeds_base_url=BASE, data=StoreData(engine), as_of=date(2026, 6, 1))
        page = TestClient(app).get("/").text
    finally:
        engine.dispose()
    # UEL-2025-7 was suspended until 2026-11-10 (extended on 2025-11-10): a countdown as of 2026-06-01
    row = page[page.index("<code>UEL-2025-7</code>"):]
    row = row[: row.index("</tr>")]
    assert "suspended" in row and "163 days left" in row and 'datetime="2026-11-10"' in row  # to 11-11 (lapse43)
    # latest events: notice-level lines only (the per-entity items live in the entity feeds)
    events = page[page.index('id="events"'):page.index('id="health"')]
    assert "Suspension extended" in events and "Fixture Placeholder" not in events
    files = sorted(p.relative_to(out).with_suffix("").as_posix() + p.suffix for p in out.rglob("*")
                   if p.is_file() and p.name not in (STORE_MARK, PARTS_FILE))  # (the store's id, inputs: no feed)
    later = {"notice/MOFCOM-2026-23.svg", "notice/MOFCOM-ORDER-2026-2.svg"}  # published after 2026-06-01
    # (a feed named in Chinese, entity/石平.atom, percent-encoded as its own self link: reader36)
    assert files and all(f'href="{BASE}{quote(f)}"' in page for f in files if f not in later)
    assert not [f for f in later if f'href="{BASE}{f}"' in page]
