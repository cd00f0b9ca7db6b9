"""A publish into a folder as the last publish left it builds an entity feed again only when what it is made from moved
(session 55: ``Published.parts``, the folder's ``.mofcom-watch-parts``); the bytes are always a whole build's.

The CLI in process on the replayed fixtures (a real SQLite file, real feed folders); a wrapper around the real
``publish_store`` keeps what each publish reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import mofcom_watch.publish
from mofcom_watch.cli import app
from mofcom_watch.publish import PARTS_FILE
from mofcom_watch.publisher import Published, publish_store
from tests.feeds.replayed import AS_OF, REPO, write_feeds_cli


@pytest.fixture
def published(monkeypatch) -> list[Published]:
    done: list[Published] = []

    def keeping(session, **kw):  # noqa: ANN001, ANN003, ANN202
        done.append(publish_store(session, **kw))
        return done[-1]

    monkeypatch.setattr(mofcom_watch.publish, "publish_store", keeping)
    return done


def feeds(db: str, out: Path, *extra: str, **kw: str) -> None:
    result = write_feeds_cli(db, out, *extra, **kw)
    assert result.exit_code in (0, 1), result.output  # 1: the fixtures' open source-health issues


def files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def test_entity_feeds_whose_inputs_did_not_move_are_kept_and_the_bytes_are_a_whole_builds(fixture_db, tmp_path,
                                                                                          published):
    out, watchlist = tmp_path / "feeds", tmp_path / "watch.csv"
    watchlist.write_text("name\nSkydio Inc\n", encoding="utf-8")
    feeds(fixture_db, out, "--watchlist", str(watchlist))
    first = published[-1]
    assert first.skipped == 0 and len(first.parts) > 50  # a new folder: every entity feed built
    # the watchlist moved (every feed's inputs are read again): no entity feed's own inputs did
    watchlist.write_text("name\nSkydio Inc\nInsitu Incorporated\n", encoding="utf-8")
    feeds(fixture_db, out, "--watchlist", str(watchlist))
    second = published[-1]
    assert second.parts == first.parts and second.skipped == len(first.parts)
    whole = tmp_path / "whole"
    feeds(fixture_db, whole, "--watchlist", str(watchlist))
    assert published[-1].skipped == 0 and files(out) == files(whole)

    # a file of the folder changed by another hand: the folder is not as the last publish left it, every feed is built
    entity = sorted((out / "entity").glob("*.atom"))[0]
    entity.write_bytes(entity.read_bytes().replace(b"</feed>", b"<!-- edited --></feed>"))
    feeds(fixture_db, out, "--watchlist", str(watchlist))
    assert published[-1].skipped == 0 and files(out) == files(whole)

    # the digests' file edited: not what the last publish wrote, every feed is built
    text = (out / PARTS_FILE).read_bytes()
    assert b'"parts"' in text
    (out / PARTS_FILE).write_bytes(text.replace(b'"parts"', b'"parts" '))
    watchlist.write_text("name\nSkydio Inc\n", encoding="utf-8")
    feeds(fixture_db, out, "--watchlist", str(watchlist))
    assert published[-1].skipped == 0

    # another base URL: every entity feed's inputs moved, each built again
    feeds(fixture_db, out, "--watchlist", str(watchlist), base_url="https://feeds.example.org/")
    assert published[-1].skipped == 0 and set(published[-1].parts) == set(first.parts)
    assert not set(published[-1].parts.values()) & set(first.parts.values())


UEL_7 = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"  # lists Skydio, among others
ANOTHER_URL = "www.mofcom.gov.cn/xwfb/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"


def test_a_notice_read_at_another_url_builds_its_entities_feeds_again(fixture_db, tmp_path, published):
    """The same notice found under a second URL: its items name both URLs (provenance), their dates do not move; only
    the payload's SHA-256 tells the digest, and the feeds of the notice's entities are built again, the rest kept."""
    out = tmp_path / "feeds"
    feeds(fixture_db, out)
    extra = tmp_path / "extra"
    (extra / ANOTHER_URL).parent.mkdir(parents=True)
    (extra / ANOTHER_URL).write_bytes((REPO / "fixtures" / UEL_7).read_bytes())
    done = CliRunner().invoke(app, ["--db", fixture_db, "replay", str(extra), "--fetched-at",
                                    "2026-11-29T06:00:00+00:00", "--as-of", AS_OF])
    assert done.exit_code in (0, 1) and "added a URL to a stored notice" in done.output, done.output
    feeds(fixture_db, out)
    again = published[-1]
    assert 0 < again.skipped < len(again.parts) - 5  # the other entities' feeds kept, UEL 〔2025〕7号's built
    assert f"https://{ANOTHER_URL}".encode() in (out / "entity" / "skydio.atom").read_bytes()
    whole = tmp_path / "whole"
    feeds(fixture_db, whole)
    assert files(out) == files(whole)
