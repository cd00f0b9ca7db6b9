"""A notice at three URLs whose pages disagree: the alias-conflict issue names one page; the others must not be
forgotten when that one agrees again (probe49).

Real ``mofcom-watch replay`` processes into one real SQLite file, a folder a day, each holding the notice's three
pages as a crawl fetches them (2025 No. 22's official text at its two URLs and a third, as 2025 No. 1 has; each page
its own bytes). The alias-conflict issue of a notice is one row naming one page. Was: the page it named read as the
notice again, and the issue closed, while another page still read otherwise: exit 0, nothing said, that page's copy
never read again (the same bytes, a 304) and its old copy cited by every item as that page's copy of the notice.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.faults.harness import Done, cli
from tests.faults.test_corrected_both_urls import NEW_NAME, OLD_NAME
from tests.faults.test_site_changes import N22, N22_ALIAS, W, fx

N22_THIRD = "zcfb/blgg/art/2025/art_7e1f0c2d3b4a45968778695a4b3c2d1e.html"  # (made up: the third URL's layout)
PATHS = (N22, N22_ALIAS, N22_THIRD)
KEY = "MOFCOM-2025-22"


def page(path: str, corrected: bool, visit: int = 0) -> bytes:
    raw = fx(W, N22)
    if corrected:
        raw = raw.replace(OLD_NAME.encode(), NEW_NAME.encode())
    return raw.replace(b"</body>", f"<!-- {path} {visit} --></body>".encode())


def replay(tmp: Path, db: str, day: int, pages: dict[str, bytes]) -> Done:
    folder = tmp / f"f{day}"
    for path, raw in pages.items():
        (folder / W / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / W / path).write_bytes(raw)
    done = cli(db, "replay", str(folder), "--fetched-at", f"2026-11-{day:02d}T00:00:00+00:00", "--as-of", "2026-11-30")
    assert "Traceback" not in done.err, done.err
    return done


def state(db_path: Path) -> tuple[str, str, list[tuple[str, str]]]:
    """Which text the notice reads (old, new), the page it is read from, and the open issues (kind, page)."""
    with sqlite3.connect(db_path) as con:
        record, url = con.execute("SELECT n.record_json, p.url FROM notice n JOIN snapshot s ON s.id = n.snapshot_id "
                                  "JOIN page p ON p.id = s.page_id WHERE n.key = ?", (KEY,)).fetchone()
        issues = con.execute("SELECT kind, url FROM health_issue WHERE resolved_at IS NULL").fetchall()
    names = [e.get("zh") for e in json.loads(record)["entities"]]
    return ("new" if "诺沃特科技公司" in names else "old"), path_of(url), [(k, path_of(u)) for k, u in issues]


def path_of(url: str) -> str:
    return url.split("://", 1)[1].split("/", 1)[1]


def test_corrected_where_read_from_then_at_one_other_page_the_third_still_old_is_loud(tmp_path: Path) -> None:
    """Corrected at the page the notice is read from (the issue names one other page, still the text before), then at
    that page too: the third page still the text before keeps the issue open, naming it, until it is corrected too."""
    db_path = tmp_path / "store.sqlite"
    db = f"sqlite:///{db_path}"
    pages = {p: page(p, False) for p in PATHS}
    assert replay(tmp_path, db, 1, pages).code == 0
    _, read, _ = state(db_path)
    pages[read] = page(read, True)
    done = replay(tmp_path, db, 2, pages)
    text, _, issues = state(db_path)
    assert done.code == 1 and text == "new" and len(issues) == 1 and issues[0][0] == "alias-conflict", issues
    named = issues[0][1]
    third = next(p for p in PATHS if p not in (read, named))
    pages[named] = page(named, True)
    for day in (3, 4):  # the day it agrees, and the next crawl (the same bytes everywhere)
        done = replay(tmp_path, db, day, pages)
        # was: exit 0, no issue, the third page's old copy never read again
        assert done.code == 1 and state(db_path) == ("new", read, [("alias-conflict", third)]), (day, state(db_path))
        assert f"not https://{W}/{third}" in done.err, done.err
    pages[third] = page(third, True)
    done = replay(tmp_path, db, 5, pages)
    assert done.code == 0 and state(db_path)[::2] == ("new", []), state(db_path)


def test_two_other_pages_disagree_and_the_one_named_agrees_again_is_loud(tmp_path: Path) -> None:
    """Two pages the notice is not read from corrected one after the other (the issue named the later), then that one
    serving the text before again: the first still reads otherwise, and the issue stays open naming it."""
    db_path = tmp_path / "store.sqlite"
    db = f"sqlite:///{db_path}"
    pages = {p: page(p, False) for p in PATHS}
    assert replay(tmp_path, db, 1, pages).code == 0
    _, read, _ = state(db_path)
    y, z = (p for p in PATHS if p != read)
    pages[y] = page(y, True)
    assert replay(tmp_path, db, 2, pages).code == 1 and state(db_path) == ("old", read, [("alias-conflict", y)])
    pages[z] = page(z, True)
    assert replay(tmp_path, db, 3, pages).code == 1 and state(db_path)[::2] == ("old", [("alias-conflict", z)])
    pages[z] = page(z, False, 4)  # the text before again, other bytes
    done = replay(tmp_path, db, 4, pages)
    # was: exit 0, no issue, while y's newest copy names 诺沃特科技公司
    assert done.code == 1 and state(db_path)[::2] == ("old", [("alias-conflict", y)]), state(db_path)
    pages[y] = page(y, False, 5)
    done = replay(tmp_path, db, 5, pages)
    assert done.code == 0 and state(db_path)[::2] == ("old", []), state(db_path)
