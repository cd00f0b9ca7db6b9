"""Hostile text in a page never stops a feed or reaches a terminal (issue 9 items 1 and 6).

One ESC in one entity name used to stop every feed (``All strings must be XML compatible``)
on every run until someone edited the database, and ``ESC ] 0 ; … BEL`` in a name retitled the
terminal that printed it. Real processes on a real SQLite file, feeds checked by feedparser
and by ``xmllint`` when installed.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import feedparser
import pytest

from tests.conftest import REPO_ROOT, copy_of
from tests.faults.test_pipe_output import cli

AS_OF = "2026-11-29"
PAGE = Path("www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_e1ea9512b1f84dc6b1a17f703fa4cf56.html")
NAME = "Skydio, Inc."
C0 = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")
C1 = "".join(chr(c) for c in range(0x7F, 0xA0))
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
TITLE_ESCAPE = "\x1b]0;PWNED\x07"
HOSTILE = "Sky" + TITLE_ESCAPE + "dio\x1b[31m" + C0 + C1 + BIDI + ", Inc.\x1b[0m"
FORBIDDEN = set(C0) | set(C1) | set(BIDI)


def hostile_site(root: Path) -> Path:
    site = root / "site"
    shutil.copytree(REPO_ROOT / "fixtures", site)
    page = site / PAGE
    html = page.read_text("utf-8")
    assert NAME in html
    html = html.replace(NAME, HOSTILE).replace("<title>商务部公告", "<title>商务部公告" + TITLE_ESCAPE + "\x0b\u202e")
    page.write_text(html, "utf-8")
    return site


def check_feeds(out: Path) -> int:
    files = sorted(p for p in out.rglob("*") if p.suffix in (".atom", ".rss"))
    assert files
    xmllint = shutil.which("xmllint")
    for path in files:
        data = path.read_bytes()
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        text = data.decode("utf-8")
        assert not FORBIDDEN & set(text.replace("\n", "")), path
    for start in range(0, len(files) if xmllint else 0, 200):  # one xmllint for 200 files: it names the bad one
        run = subprocess.run([xmllint, "--noout", *map(str, files[start:start + 200])], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    return len(files)


def test_a_page_with_every_control_character_publishes_every_feed(tmp_path):
    site = hostile_site(tmp_path)
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    replayed = cli("--db", db, "replay", str(site), "--as-of", AS_OF, "--fetched-at", "2026-11-29T00:00:00Z")
    assert replayed.returncode in (0, 1), replayed.stderr
    assert "Traceback" not in replayed.stderr
    published = cli("--db", db, "feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF)
    assert published.returncode in (0, 1) and "Traceback" not in published.stderr, published.stderr
    check_feeds(tmp_path / "feeds")
    # the name is stored clean, under the same entity as the clean spelling in other notices
    con = sqlite3.connect(tmp_path / "db.sqlite")
    names = [row[0] for row in con.execute("SELECT name FROM entity_name")]
    titles = [row[0] for row in con.execute("SELECT title FROM notice")]
    con.close()
    assert not any(FORBIDDEN & set(text) for text in names + titles)
    assert "Skydio, Inc." in names and "Sky]0;PWNEDdio" not in " ".join(names)
    skydio = (tmp_path / "feeds" / "entity" / "skydio.atom").read_text("utf-8")
    assert "MOFCOM-2025-13" in skydio
    # ... while the snapshot keeps the bytes as fetched
    con = sqlite3.connect(tmp_path / "db.sqlite")
    import zlib
    bodies = [zlib.decompress(row[0]) for row in con.execute("SELECT body FROM snapshot")]
    con.close()
    assert any(HOSTILE.encode("utf-8") in body for body in bodies)


def test_names_stored_before_the_fix_still_publish_every_feed(replayed, tmp_path):
    """A store written by an older version holds the raw name: rendering defends itself. (The store: a copy of the
    fixtures replayed once per worker, ``replayed``, where each test replayed them again: the replay is no subject here.)"""
    db_path = tmp_path / "db.sqlite"
    db = copy_of(replayed, db_path)
    con = sqlite3.connect(db_path)
    con.execute("UPDATE entity SET en = ? WHERE en = ?", (HOSTILE, NAME))
    con.execute("UPDATE listing SET en = ? WHERE en = ?", (HOSTILE, NAME))
    rows = con.execute("SELECT id, record_json FROM notice").fetchall()
    for row_id, record_json in rows:
        con.execute("UPDATE notice SET record_json = ? WHERE id = ?",
                    (record_json.replace('"Skydio, Inc."', '"' + HOSTILE.encode("unicode_escape").decode().replace("\\x", "\\u00") + '"'), row_id))
    con.execute("DELETE FROM event")
    con.commit()
    con.close()
    published = cli("--db", db, "feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF)
    assert published.returncode in (0, 1) and "Traceback" not in published.stderr, published.stderr
    assert check_feeds(tmp_path / "feeds") > 100


@pytest.mark.parametrize("command", [("status",), ("timeline", "skydio"), ("timeline", "Sky dio Ink")])
def test_page_text_never_reaches_the_terminal_raw(replayed, tmp_path, command):
    db_path = tmp_path / "db.sqlite"
    db = copy_of(replayed, db_path)  # the fixtures replayed (once per worker: the replay is no subject here)
    con = sqlite3.connect(db_path)  # as an older version stored them
    con.execute("UPDATE entity SET en = ? WHERE en = ?", (HOSTILE, NAME))
    con.execute("UPDATE entity_name SET name = ? WHERE name = ?", (HOSTILE, NAME))
    con.execute("UPDATE notice SET number = number || ? ", (TITLE_ESCAPE,))
    con.commit()
    con.close()
    result = cli("--db", db, *command, "--as-of", AS_OF)
    assert "Traceback" not in result.stderr
    shown = result.stdout + result.stderr
    assert shown.strip()
    assert not (set(C0) | set(C1) | set(BIDI)) & set(shown.replace("\n", "")), repr(shown)
