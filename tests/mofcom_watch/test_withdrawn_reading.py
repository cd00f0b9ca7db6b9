"""A reading an earlier parser made of a page, refused by this version for the same bytes, is withdrawn with a
retraction in every feed its items were in (order38's open A, session 39). Was: the page's issue opened, but the
stored notice kept the earlier reading and its 17 false "Restored" items stayed in the feeds, with no correction; a
fresh store had none of them.

The case is order38's (``/work/s38/order38-cases/stale-reading``): MOFCOM 2025 No. 21 and its answers
(stories39/lapse) and qa38/18, "中方无意自2026年12月1日起恢复实施…第21号相关措施", which session 37's parser read as a
restore of all 16 from 12-01 and this one refuses (cut short). The earlier version is the real parser reading the page
with 决定 for 无意 (its misreading, stored against the real bytes, under another parser version); everything after is
real processes on a real SQLite file: ``replay``, ``feeds --out``, ``status --json``."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from storage.db import open_store, session_factory
from storage.records import ParsedDocument
from tests.faults.harness import cli, cli_env

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
AS_OF = "2026-12-10"
ENV = cli_env(MOFCOM_WATCH_TODAY=AS_OF)
KEY = "QA-2026-11-22-68a81f8d"  # the answer read as a restore by the earlier version
PAGE = "18-qa-ecl-wuyi-huifu.txt"
RESTORED = "tag:mofcom-watch,2025:MOFCOM-2025-21/restored/ecl/2026-12-01"
T0, T1, T2 = "2026-11-29T00:00:00+00:00", "2026-11-29T02:00:00+00:00", "2026-11-29T04:00:00+00:00"
WHY = "the page no longer reads as this step (held for a person)"


def _earlier(raw: bytes, **kwargs: Any) -> ParsedDocument:
    """The earlier version's misreading: the doubt read as a decision (what qa38 fixed)."""
    from scraper.parse import parse_document

    return parse_document(raw.replace("中方无意自".encode(), "中方决定自".encode()), **kwargs)


EARLIER = PageParser(_earlier, "0.37", "d-earlier")


def _tree(folder: Path, *, page: bool = True) -> Path:
    folder.mkdir(parents=True)
    for path in sorted((DATA / "stories39" / "lapse").glob("b-*.txt")):
        shutil.copyfile(path, folder / path.name)
    if page:
        shutil.copyfile(DATA / "corpus" / "qa38" / PAGE, folder / PAGE)
    return folder


def _run(db: str, *args: str) -> tuple[int, str]:
    done = cli(db, *args, env=ENV)
    assert done.code in (0, 1), done.err
    return done.code, done.out


def _replay(db: str, tree: Path, at: str) -> None:
    _run(db, "replay", str(tree), "--fetched-at", at, "--as-of", AS_OF)


def _earlier_store(tmp_path: Path, pages: dict[str, bytes], *, base: bool = True) -> str:
    """A store as the earlier version left it: the base pages (``base``), then ``pages`` (URL -> bytes) read by it."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    if base:
        _replay(db, _tree(tmp_path / "base", page=False), T0)
    engine = open_store(db)
    try:
        for n, (url, raw) in enumerate(pages.items()):  # a minute apart, in this order
            at = datetime.fromisoformat(T0).replace(minute=n + 1)
            ingest_page(session_factory(engine), saved_page(url, raw, at), EARLIER)
    finally:
        engine.dispose()
    return db


def _feeds(db: str, out: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """Each JSON feed's items by id, by the feed's path."""
    _run(db, "feeds", "--out", str(out), "--as-of", AS_OF)
    return {path.relative_to(out).as_posix(): {item["id"]: item for item in json.loads(path.read_text())["items"]}
            for path in sorted(out.rglob("*.json")) if not path.name.startswith(".")}


def _status(db: str) -> tuple[int, dict[str, Any]]:
    code, out = _run(db, "status", "--json", "--as-of", AS_OF)
    return code, json.loads(out)


def _read_from(db: str) -> str:
    """The URL of the copy KEY's stored reading was read from."""
    from sqlalchemy import select

    from storage.models import Notice, Page, Snapshot

    engine = open_store(db)
    try:
        with engine.connect() as conn:
            return str(conn.scalar(select(Page.url).join(Snapshot, Snapshot.page_id == Page.id)
                                   .join(Notice, Notice.snapshot_id == Snapshot.id).where(Notice.key == KEY)))
    finally:
        engine.dispose()


def _resting_on_key(feeds: dict[str, dict[str, dict[str, Any]]]) -> dict[str, set[str]]:
    """The items the earlier reading made (the restore of No. 21 and the answer's own item), by the feeds holding them."""
    found: dict[str, set[str]] = {}
    for name, items in feeds.items():
        for item_id in items:
            if "/correction/" not in item_id and (item_id.startswith(RESTORED) or f":{KEY}/" in item_id):
                found.setdefault(item_id, set()).add(name)
    return found


def test_a_reading_this_version_refuses_is_withdrawn_with_a_retraction_in_each_of_its_feeds(tmp_path: Path) -> None:
    raw = (DATA / "corpus" / "qa38" / PAGE).read_bytes()
    db = _earlier_store(tmp_path, {f"file:{PAGE}": raw})
    before = _resting_on_key(_feeds(db, tmp_path / "out"))
    assert len(before) == 18, sorted(before)  # 1 + 16 entity items of the restore, and the answer's item
    assert "all.json" in before[RESTORED]

    _replay(db, _tree(tmp_path / "tree"), T1)  # this version reads the same bytes
    after = _feeds(db, tmp_path / "out")

    for item_id, feeds in before.items():
        for name in feeds:
            assert item_id not in after[name], (item_id, name)
            fix = after[name].get(f"{item_id}/correction/1")
            assert fix is not None, (item_id, name)
            assert fix["title"].startswith("Retracted: ") and fix["title"].endswith(WHY), fix["title"]
            body = fix["content_html"]
            assert f"{KEY} was read by an earlier version of this program from file:{PAGE}" in body
            assert "SHA-256 dc51bffa0c42f3a9cb2ca04cbd524345f2ccac34340f85dcac2c840ee0b128c2" in body
            assert "source-health issue stays open" in body
    ids = [i for items in after.values() for i in items]
    assert all(len(set(items)) == len(items) for items in after.values())  # no duplicates in a feed
    assert len(ids) > len(before)

    code, status = _status(db)
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    _replay(fresh, _tree(tmp_path / "fresh-tree"), T1)
    fresh_code, fresh_status = _status(fresh)
    assert status["listings"] == fresh_status["listings"]  # No. 21 as this version reads the pages
    assert status["notices"] == fresh_status["notices"] == 8
    assert code == fresh_code == 1  # the refused page is an open problem, as in a fresh store
    issue = next(i for i in status["health_issues"] if i["url"] == f"file:{PAGE}")
    assert f"read these same bytes as {KEY}: that reading is withdrawn from the feeds" in issue["detail"]
    fresh_ids = {i for items in _feeds(fresh, tmp_path / "fresh-out").values() for i in items}
    assert fresh_ids - {i for items in after.values() for i in items} == set()  # every id a fresh store has

    _replay(db, _tree(tmp_path / "again"), T2)  # nothing more to say: no second retraction
    again = _feeds(db, tmp_path / "out")
    assert {n: set(i) for n, i in again.items()} == {n: set(i) for n, i in after.items()}


def test_the_reading_comes_back_under_the_same_ids_when_the_page_reads_so_again(tmp_path: Path) -> None:
    raw = (DATA / "corpus" / "qa38" / PAGE).read_bytes()
    db = _earlier_store(tmp_path, {f"file:{PAGE}": raw})
    before = _resting_on_key(_feeds(db, tmp_path / "out"))
    _replay(db, _tree(tmp_path / "tree"), T1)
    _feeds(db, tmp_path / "out")
    changed = _tree(tmp_path / "changed")  # the ministry's page now says what the earlier version read
    (changed / PAGE).write_bytes(raw.replace("中方无意自".encode(), "中方决定自".encode()))
    _replay(db, changed, T2)
    after = _feeds(db, tmp_path / "out")
    for item_id, feeds in before.items():
        for name in feeds:
            assert item_id in after[name], (item_id, name)
            assert after[name][f"{item_id}/correction/2"]["title"].startswith("Reinstated: ")


def test_a_notice_another_copy_still_reads_stays_from_that_copy(tmp_path: Path) -> None:
    raw = (DATA / "corpus" / "qa38" / PAGE).read_bytes()
    plain = raw.replace("中方无意自".encode(), "中方决定自".encode())  # the same answer elsewhere, as decided
    db = _earlier_store(tmp_path, {f"file:{PAGE}": raw, "file:0-copy/18.txt": plain})
    assert _read_from(db) == f"file:{PAGE}"  # the earlier reading rests on the copy refused now (the smaller SHA-256)
    before = _resting_on_key(_feeds(db, tmp_path / "out"))
    tree = _tree(tmp_path / "tree")  # the other copy is read first (0-copy/ sorts first), still as KEY's copy
    (tree / "0-copy").mkdir()
    (tree / "0-copy" / "18.txt").write_bytes(plain)
    _replay(db, tree, T1)
    after = _feeds(db, tmp_path / "out")
    for item_id, feeds in before.items():
        for name in feeds:
            assert item_id in after[name], (item_id, name)
            assert not any(i.startswith(f"{item_id}/correction/") and after[name][i]["title"].startswith("Retracted")
                           for i in after[name]), (item_id, name)
    item = after["all.json"][RESTORED]
    assert "file:0-copy/18.txt" in item["content_html"]
    assert _read_from(db) == "file:0-copy/18.txt"
    code, status = _status(db)
    issue = next(i for i in status["health_issues"] if i["url"] == f"file:{PAGE}")
    assert f"read these same bytes as {KEY}, which is read from its copy at file:0-copy/18.txt now" in issue["detail"]
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    fresh_tree = _tree(tmp_path / "fresh-tree")
    shutil.copytree(tree / "0-copy", fresh_tree / "0-copy")
    _replay(fresh, fresh_tree, T1)
    assert _status(fresh)[1]["listings"] == status["listings"]
    fresh_items = _feeds(fresh, tmp_path / "fresh-out")
    assert fresh_items["all.json"][RESTORED]["content_html"].count("file:") == item["content_html"].count("file:")


def test_an_unresolved_reference_of_a_withdrawn_reading_is_retracted_not_resolved(tmp_path: Path) -> None:
    """Without No. 21 stored, the earlier reading's restore was an unresolved reference. Its item goes because the
    reading is withdrawn, not because the reference now resolves: "Resolved: … can be applied as read now" was false."""
    raw = (DATA / "corpus" / "qa38" / PAGE).read_bytes()
    db = _earlier_store(tmp_path, {f"file:{PAGE}": raw}, base=False)
    before = _feeds(db, tmp_path / "out")
    unresolved = [i for i in before["all.json"] if f":{KEY}/unresolved_reference/" in i]
    assert len(unresolved) == 1, sorted(before["all.json"])
    tree = tmp_path / "tree"
    tree.mkdir()
    shutil.copyfile(DATA / "corpus" / "qa38" / PAGE, tree / PAGE)
    _replay(db, tree, T1)
    after = _feeds(db, tmp_path / "out")
    assert unresolved[0] not in after["all.json"]
    fix = after["all.json"][f"{unresolved[0]}/correction/1"]
    assert fix["title"].startswith("Retracted: Unresolved reference: ") and fix["title"].endswith(WHY), fix["title"]
    assert "no longer fails" not in fix["content_html"]


def test_the_alias_conflict_of_a_copy_read_otherwise_now_is_resolved(tmp_path: Path) -> None:
    """The earlier version kept the copy this one refuses over another page that read otherwise (an alias conflict,
    audit38/29's forwarding page over the ministry's): the notice is that page's reading now, and the conflict is
    over, as in a fresh store, which never had it. Was: the issue stayed open (status exit 1)."""
    raw = (DATA / "corpus" / "qa38" / PAGE).read_bytes()
    other = raw.replace("中方无意自2026年12月1日".encode(), "中方决定自2026年12月2日".encode())
    db = _earlier_store(tmp_path, {f"file:{PAGE}": raw, "file:0-copy/18.txt": other})  # the first fetched is kept
    assert _read_from(db) == f"file:{PAGE}"
    conflicts = [i for i in _status(db)[1]["health_issues"] if i["kind"] == "alias-conflict"]
    assert [i["notice_key"] for i in conflicts] == [KEY]
    tree = _tree(tmp_path / "tree")
    (tree / "0-copy").mkdir()
    (tree / "0-copy" / "18.txt").write_bytes(other)
    _replay(db, tree, T1)
    assert _read_from(db) == "file:0-copy/18.txt"
    _, status = _status(db)
    assert not [i for i in status["health_issues"] if i["kind"] == "alias-conflict"], status["health_issues"]
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    fresh_tree = _tree(tmp_path / "fresh-tree")
    shutil.copytree(tree / "0-copy", fresh_tree / "0-copy")
    _replay(fresh, fresh_tree, T1)
    assert _status(fresh)[1]["listings"] == status["listings"]
