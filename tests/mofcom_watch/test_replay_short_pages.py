"""A no-change replay parses nothing, the fixtures' three count-mismatch pages included, and still reports
them (issue 9): same output, same exit code, same store rows as parsing every page again.

Real processes on the fixtures: one store replayed again as it is (pages read as before are answered from
the store, :mod:`storage.readagain`), a copy of it whose snapshots say another parser code read them
(so every page is parsed again, the full path). Later and earlier fetch times, both.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.faults import harness as h
from tests.test_incremental_equivalence import _rows

LATER, EARLIER = "2026-11-30T06:00:00+00:00", "2026-11-20T06:00:00+00:00"
PARSERS = ("scraper.parse", "scraper.links", "scraper.news")


def _replay(db: Path, fetched_at: str) -> tuple[h.Done, set[str]]:
    """The replay's output (import-time lines left out) and the modules it imported."""
    done = h.finish(h.spawn(f"sqlite:///{db}", "replay", str(h.FIXTURES), "--fetched-at", fetched_at,
                            "--as-of", h.AS_OF, env=h.cli_env(PYTHONPROFILEIMPORTTIME="1")), 300)
    lines = done.err.splitlines()
    modules = {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:") and "|" in line}
    err = "\n".join(line for line in lines if not line.startswith("import time:"))
    return h.Done(done.code, done.out, err), modules


def _mismatches(done: h.Done) -> list[str]:
    return [line for line in done.err.splitlines() if line.startswith("count mismatch:")]


def _stored(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row but the write counters: parsing again writes rows over with the same values, which
    moves them (storage.generations), and the derive mark's two digests hold them."""
    rows = _rows(db)
    del rows["store_generation"]
    rows["derive_mark"] = [(r[0], r[1], r[3], r[5]) for r in rows["derive_mark"]]  # no inputs, events
    return rows


@pytest.mark.parametrize("fetched_at", [LATER, EARLIER])
def test_a_no_change_replay_reports_short_pages_again_as_parsing_them_would(tmp_path: Path, fetched_at: str) -> None:
    store, parsed = tmp_path / "store.sqlite", tmp_path / "parsed.sqlite"
    first, _ = _replay(store, h.FETCHED)
    assert first.code == 1 and len(_mismatches(first)) == 3, first.err
    shutil.copy(store, parsed)  # the process closed the store: no WAL left beside it
    con = sqlite3.connect(parsed)
    with con:
        con.execute("UPDATE snapshot SET parser_digest = 'other parser code'")
    con.close()

    again, modules = _replay(store, fetched_at)
    full, full_modules = _replay(parsed, fetched_at)

    assert set(PARSERS) & full_modules  # the copy was parsed again
    assert not set(PARSERS) & modules, sorted(set(PARSERS) & modules)  # nothing was
    assert not {"httpx", "tenacity", "scraper.fetch"} & modules  # nor is the HTTP client loaded
    assert (again.code, again.out, again.err) == (full.code, full.out, full.err)
    assert again.code == 1 and _mismatches(again) == _mismatches(first)
    assert _stored(store) == _stored(parsed)
    con = sqlite3.connect(store)
    issues = con.execute("SELECT first_seen, last_seen FROM health_issue WHERE kind = 'count-mismatch' "
                         "AND resolved_at IS NULL").fetchall()
    con.close()
    assert len(issues) == 3  # still open, and refreshed
    assert all(fetched_at[:10] in (seen if fetched_at == EARLIER else last) for seen, last in issues), issues
