"""``run`` fetches a page stored short of its stated count in full every cycle (its validators forgotten, as
issue 9 wants until it parses whole); the same bytes for the same parser code are reported again from the
stored parse, not parsed again: same output, same exit code, same store rows as the parse.

Real processes against a real HTTP server (the fixture site, one notice served with a count it does not
list), real SQLite files: one store cycled again as it is, a copy whose snapshot of that page says another
parser code read it (so it is parsed again, the full path). New bytes are parsed again.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

from tests.faults import harness as h
from tests.site_server import SiteServer
from tests.test_incremental_equivalence import _rows

PATH = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_beb25dc3bf9447f9ba7a34b25cca8f64.html"  # UEL-2025-5: 10 entities
URL = f"https://{PATH}"
SHORT = (h.FIXTURES / PATH).read_bytes().replace("10家".encode(), "11家".encode())  # states 11, lists 10
FIRST, SECOND, THIRD = "2026-11-29T00:00:00+00:00", "2026-11-30T06:00:00+00:00", "2026-12-01T06:00:00+00:00"
# the run's problem (the URL fetched, the local site's, then the official one: ops48) and its open issue
MISMATCH = ("problem: mofcom-policy: incomplete http://", f"/{PATH} (for {URL})", "count-mismatch/UEL-2025-5")


def _run(site: SiteServer, db: Path, feeds: Path, fetched_at: str) -> tuple[h.Done, set[str]]:
    """The run's output (import-time lines left out) and the modules it imported."""
    args = list(h.run_args(site.url, feeds))
    args[args.index("--fetched-at") + 1] = fetched_at
    done = h.finish(h.spawn(f"sqlite:///{db}", *args, env=h.cli_env(PYTHONPROFILEIMPORTTIME="1")), 300)
    lines = done.err.splitlines()
    modules = {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:") and "|" in line}
    err = "\n".join(line for line in lines if not line.startswith("import time:"))
    return h.Done(done.code, done.out, err), modules


def _shown(done: h.Done) -> tuple[int, str, str]:
    out = re.sub(r"run [0-9a-f-]{8,} \(", "run RUN (", done.out)
    return done.code, re.sub(r"parsed \d+( \([^)]*\))?;", "parsed N;", out), done.err


def _parsed(done: h.Done) -> int:
    return sum(_parsed_apart(done))


def _parsed_apart(done: h.Done) -> tuple[int, int]:
    """The pages parsed: (articles, index pages)."""
    found = re.search(r"parsed (\d+)(?: \((\d+) articles?, (\d+) index pages?\))?;", done.out)
    assert found, done.out
    total, articles, indexes = (int(g or 0) for g in found.groups())
    assert articles + indexes == total, done.out
    return articles, indexes


def _stored(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row but the run history and the write counters: parsing again writes rows over with the same
    values, which moves them (storage.generations), and the derive mark's two digests hold them; the issues'
    run ids and the held-back issue's wall-clock time (``last_seen``) left out."""
    rows = _rows(db)
    del rows["store_generation"]
    rows["derive_mark"] = [(r[0], r[1], r[3], r[5]) for r in rows["derive_mark"]]  # no inputs, events
    # the held-back issue is the publish step's: its run and wall-clock time (id, key, ..., run_id, first, last)
    rows["health_issue"] = [(*r[:7], None, r[8], None if r[1] == "held-back" else r[9], r[10])
                            for r in rows["health_issue"]]
    return rows


def _issue(db: Path) -> tuple[object, ...]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT detail, url, first_seen, last_seen, resolved_at FROM health_issue "
                           "WHERE kind = 'count-mismatch'").fetchone()
    finally:
        con.close()


def test_a_run_reports_a_short_page_again_as_parsing_it_would_and_parses_new_bytes(tmp_path: Path) -> None:
    store, parsed = tmp_path / "store.sqlite", tmp_path / "parsed.sqlite"
    with SiteServer(h.FIXTURES) as site:
        site.set_page(PATH, SHORT)
        first, _ = _run(site, store, tmp_path / "feeds", FIRST)
        assert all(text in first.out for text in MISMATCH) and _parsed(first) > 30, first.out + first.err
        shutil.copy(store, parsed)  # the process closed the store: no WAL left beside it
        shutil.copytree(tmp_path / "feeds", tmp_path / "parsed-feeds", copy_function=shutil.copy2)
        con = sqlite3.connect(parsed)
        with con:
            changed = con.execute("UPDATE snapshot SET parser_digest = 'other parser code' WHERE page_id = "
                                  "(SELECT id FROM page WHERE url = ?)", (URL,)).rowcount
        con.close()
        assert changed == 1

        again, _ = _run(site, store, tmp_path / "feeds", SECOND)
        full, _ = _run(site, parsed, tmp_path / "parsed-feeds", SECOND)
        fetched = [hit.status for hit in site.hits if hit.path == PATH]
        assert len(fetched) >= 3 and set(fetched) == {200}  # fetched in full every time: its validators forgotten

        # parsed: pages handed to a parser. The copy parsed the page again (its second source then found it read
        # by this parser); the store did not. (Both load the parsers: a source with a page not read whole is
        # walked again from its stored indexes, whose links are read.)
        assert _parsed(full) == 1 and _parsed(again) == 0
        assert _shown(again) == _shown(full) and again.code == first.code
        assert all(text in again.out for text in MISMATCH)
        assert _stored(store) == _stored(parsed)
        assert _issue(store)[3].startswith("2026-11-30 06:00") and _issue(store)[4] is None  # refreshed, still open

        site.set_page(PATH, (h.FIXTURES / PATH).read_bytes())  # the page whole again: new bytes
        before = len(site.hits)
        fixed, fixed_modules = _run(site, store, tmp_path / "feeds", THIRD)
        fetched = [hit.status for hit in site.hits[before:] if hit.path == PATH]
    # Parsed once: by its first source; its second source asks with the validators just stored (304). The
    # other parse is an index: the policy list shows each page's title, which changed with the page (10家).
    assert fetched == [200, 304] and _parsed_apart(fixed) == (1, 1) and "scraper.parse" in fixed_modules
    assert not any(text in fixed.out for text in MISMATCH) and _issue(store)[4] is not None  # parsed whole: resolved
