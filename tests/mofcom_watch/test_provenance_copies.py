"""Provenance of a notice published at several URLs: each URL with its own copy (fetch time and SHA-256).

MOFCOM-2025-1 lives at two URLs in fixtures/ (an alias copy). Its items said "Fetched: …; page SHA-256: …" once,
without saying which page that hash was of: an officer could not check the other page's copy. Now each URL is listed
with the copy the item cites for it (``Provenance.copies``), and the line of the copy read says which page it is.
Real CLI runs into real SQLite files; the pages are the fixture files, one later served with other bytes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from mofcom_watch.cli import app
from mofcom_watch.evidence import read_zip
from storage.events import payload_hash

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGES = ("www.mofcom.gov.cn/zcfb/blgg/gg/2025nswbgg/art/2025/art_9b966e20a6934cc6b4fa2cf777626854.html",
         "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1ee79b1b7f21444ebf4797c0ff8500fd.html")
AS_OF = "2026-11-30"
ITEM = "tag:mofcom-watch,2025:MOFCOM-2025-1/notice"


def cli(db: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def tree(folder: Path, pages: dict[str, bytes]) -> Path:
    for rel, data in pages.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


def item(out: Path) -> dict[str, Any]:
    found = [i for i in json.loads((out / "notices.json").read_text(encoding="utf-8"))["items"] if i["id"] == ITEM]
    assert len(found) == 1
    return found[0]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_each_url_of_a_notice_with_its_own_copy_and_a_new_copy_of_one_is_cited_without_a_correction(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    pages = {rel: (FIXTURES / rel).read_bytes() for rel in PAGES}
    said = cli(db, "replay", str(tree(tmp_path / "one", pages)), "--fetched-at", "2026-11-30T00:00:00+00:00",
               "--as-of", AS_OF)
    # order30 B4: the second page of the notice was counted nowhere ("1 pages: 0 new, 0 changed, 0 unchanged, ...")
    assert "2 pages: 1 new, 0 changed, 0 unchanged, 0 unusable, 1 added a URL to a stored notice (MOFCOM-2025-1)\n" \
        in said, said
    cli(db, "feeds", "--out", str(tmp_path / "feeds-1"), "--as-of", AS_OF)
    first = item(tmp_path / "feeds-1")
    body = first["content_html"]
    urls = {rel: "https://" + rel for rel in PAGES}
    for rel in PAGES:
        assert (f'{urls[rel]}</a> (fetched 2026-11-30T00:00:00+00:00; SHA-256 <code>{sha(pages[rel])}</code>)'
                in body), body
    read = min(PAGES, key=lambda rel: sha(pages[rel]))  # equal parses: the smaller SHA-256 is the copy read
    assert f"page SHA-256: <code>{sha(pages[read])}</code> (the copy read: that of {urls[read]})" in body, body

    # The other page is served again with other bytes reading the very same (a comment added): no copy kept, its
    # fetch a check, the item as it was, citing the copy first read (session 47, churn47: the lead's decision).
    other = next(rel for rel in PAGES if rel != read)
    said = cli(db, "replay", str(tree(tmp_path / "same", {other: pages[other] + b"<!-- 1 -->\n"})), "--fetched-at",
               "2026-12-01T00:00:00+00:00", "--as-of", AS_OF)
    assert "1 pages: 0 new, 0 changed, 1 unchanged, 0 unusable\n" in said, said
    cli(db, "feeds", "--out", str(tmp_path / "feeds-same"), "--as-of", AS_OF)
    assert item(tmp_path / "feeds-same") == first
    # Then with its title re-spaced (the same notice in other wording), its copy not the one read (its SHA-256 is the
    # larger): no notice row changes, yet the item must cite that page's new copy.
    respaced = pages[other].replace("公布将28家美国实体".encode(), "公布将28家 美国实体".encode(), 1)
    assert respaced != pages[other]
    n = 0
    while sha(changed := respaced + f"<!-- {n} -->\n".encode()) < sha(pages[read]):
        n += 1
    said = cli(db, "replay", str(tree(tmp_path / "two", {other: changed})), "--fetched-at", "2026-12-02T00:00:00+00:00",
               "--as-of", AS_OF)
    assert "1 pages: 0 new, 0 changed, 0 unchanged, 0 unusable, 1 copy of a stored notice read anew, the same\n" in said
    cli(db, "feeds", "--out", str(tmp_path / "feeds-2"), "--as-of", AS_OF)
    second = item(tmp_path / "feeds-2")
    body = second["content_html"]
    assert f'{urls[other]}</a> (fetched 2026-12-02T00:00:00+00:00; SHA-256 <code>{sha(changed)}</code>)' in body, body
    assert f"page SHA-256: <code>{sha(pages[read])}</code> (the copy read: that of {urls[read]})" in body, body
    assert second["date_modified"] == first["date_modified"]  # what the item says did not change: not news
    ids = [i["id"] for i in json.loads((tmp_path / "feeds-2" / "notices.json").read_text(encoding="utf-8"))["items"]]
    assert not [i for i in ids if "/correction/" in i], ids
    # the evidence pack's list of stored copies says which ones the items cite: the old copy of the other page
    # is stored still, but no item cites it now
    cli(db, "evidence", "generaldynamics", "--out", str(tmp_path / "pack.zip"), "--as-of", AS_OF)
    summary = read_zip((tmp_path / "pack.zip").read_bytes())["summary.html"].decode("utf-8")
    for url, copy, cited in ((urls[read], pages[read], "read from"), (urls[other], changed, "this URL's copy"),
                             (urls[other], pages[other], "")):
        assert f"<td>{url}</td><td><code>{sha(copy)}</code></td><td>notice</td><td>{cited}</td>" in summary, summary


def test_a_store_written_before_copies_upgrades_without_a_correction_or_a_moved_id(tmp_path):
    """A store whose items were written before ``Provenance.copies`` (dc0d180: the payloads without it, as this
    test makes them from a fresh store's) is synced by the next publish: the items of a notice of several URLs
    gain their copies in place, with their ids, dates and revisions; nothing is corrected, retracted or new."""
    path = tmp_path / "store.sqlite"
    db = f"sqlite:///{path}"
    cli(db, "replay", str(tree(tmp_path / "site", {rel: (FIXTURES / rel).read_bytes() for rel in PAGES})),
        "--fetched-at", "2026-11-30T00:00:00+00:00", "--as-of", AS_OF)
    with sqlite3.connect(path) as con:
        stored = {i: json.loads(p) for i, p in con.execute("SELECT id, payload FROM event")}
        several = {i for i, p in stored.items() if any("copies" in q for q in p.get("provenance", ()))}
        assert ITEM in several
        for event_id in several:  # as dc0d180 wrote them
            old = dict(stored[event_id], provenance=[{k: v for k, v in q.items() if k != "copies"}
                                                     for q in stored[event_id]["provenance"]])
            con.execute("UPDATE event SET payload = ?, payload_sha256 = ? WHERE id = ?",
                        (json.dumps(old, ensure_ascii=False), payload_hash(old), event_id))
        con.execute("DELETE FROM derive_mark")  # a new release derives again (its engine version moved)
        before = con.execute("SELECT id, updated, revision, retracted, content_sha256 FROM event ORDER BY id").fetchall()
    cli(db, "feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF)
    with sqlite3.connect(path) as con:
        after = con.execute("SELECT id, updated, revision, retracted, content_sha256 FROM event ORDER BY id").fetchall()
        now = {i: json.loads(p) for i, p in con.execute("SELECT id, payload FROM event")}
    assert after == before
    assert {i for i, p in now.items() if any("copies" in q for q in p.get("provenance", ()))} == several
    assert "SHA-256 <code>" in item(tmp_path / "feeds")["content_html"]
