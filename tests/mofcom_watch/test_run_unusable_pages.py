"""A page found unusable is parsed once a cycle, not once for each source that links it.

``run`` fetches an unusable page in full every cycle (its validators forgotten) until it is usable, once for each
source that links it: the policy column and the policy list both link every policy notice, so a bot-check page
there was parsed twice in every cycle ("parsed 2" for one page). The second source now finds it read in the same
cycle (the same bytes and content type): the same issue, the same exit code, the same store rows as a parse.

Real processes against a real HTTP server (the fixture site, one notice answered by a bot-check page), real
SQLite files: one store cycled again as it is, a copy whose snapshot of that page says another parser code read
it (as the store, it is parsed again by its first source).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from tests.faults import harness as h
from tests.mofcom_watch.test_run_short_pages import FIRST, SECOND, _parsed_apart, _run, _shown, _stored
from tests.site_server import BOT_CHECK_BODY, Fault, SiteServer

PATH = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_beb25dc3bf9447f9ba7a34b25cca8f64.html"  # in the column and the list
URL = f"https://{PATH}"
UNUSABLE = f"unusable-page/{URL}"  # its open issue


def _issue(db: Path) -> tuple[object, ...]:
    with closing(sqlite3.connect(db)) as con:
        return con.execute("SELECT detail, last_seen, resolved_at FROM health_issue WHERE key = ?",
                           (UNUSABLE,)).fetchone()


def test_an_unusable_page_is_parsed_once_then_reported_again_from_the_store(tmp_path: Path) -> None:
    store, parsed = tmp_path / "store.sqlite", tmp_path / "parsed.sqlite"
    with SiteServer(h.FIXTURES) as site:
        site.faults[PATH] = Fault("body", body=BOT_CHECK_BODY)
        first, _ = _run(site, store, tmp_path / "feeds", FIRST)
        assert first.code == 1 and UNUSABLE in first.out, first.out + first.err
        shutil.copy(store, parsed)
        shutil.copytree(tmp_path / "feeds", tmp_path / "parsed-feeds", copy_function=shutil.copy2)
        with closing(sqlite3.connect(parsed)) as con, con:
            changed = con.execute("UPDATE snapshot SET parser_digest = 'other parser code' WHERE page_id = "
                                  "(SELECT id FROM page WHERE url = ?)", (URL,)).rowcount
        assert changed == 1

        before = len(site.hits)
        again, _ = _run(site, store, tmp_path / "feeds", SECOND)
        full, _ = _run(site, parsed, tmp_path / "parsed-feeds", SECOND)
        fetched = [hit.status for hit in site.hits[before:] if hit.path == PATH]
    assert fetched == [200] * 4  # both sources, both stores: no validators for an unusable page
    # Parsed once a cycle, by its first source; its second source found it read (before: (2, 0) each)
    assert _parsed_apart(full) == _parsed_apart(again) == (1, 0)
    assert _shown(again) == _shown(full) and again.code == first.code == 1
    assert UNUSABLE in again.out
    assert _stored(store) == _stored(parsed)
    detail, last_seen, resolved = _issue(store)
    assert str(last_seen).startswith("2026-11-30 06:00") and resolved is None  # refreshed, still open
    assert detail.startswith(f"{URL} is not a usable page (")
    # the copy refused, by its SHA-256, as every item names its page's (order30: was the URL alone)
    assert detail.endswith(f"; page SHA-256 {hashlib.sha256(BOT_CHECK_BODY).hexdigest()})"), detail
