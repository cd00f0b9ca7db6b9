"""PostgreSQL and SQLite give the same feeds, byte for byte: item ids, titles, dates, provenance (URLs, SHA-256).

Stories of session 18 (tests/data/stories18) go into a PostgreSQL database of its own and into a SQLite file
the same way, with the CLI: the Q&As first (unresolved references), then the notices they name (the references
resolve, items are retracted and corrected: rows updated, which PostgreSQL keeps in another physical order), then
a page republished with a corrected name. ``feeds --out`` of both, for one ``--as-of``, must be the same files.
Runs when ``MOFCOM_WATCH_TEST_PG`` names a server (``.ci/run`` starts one).

The PostgreSQL store then answers the publish's own reads that no other postgres-marked test reached (ops27 ran
them by hand, in a real ``run`` against the fixture site): the other-store check (``publish.foreign_feeds``: its
``Event.id IN`` and ``Notice.key IN``; the mark of the last publish, which spares a no-change run that check) and
its failed publish logged for ``status``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mofcom_watch.cli import app
from tests.conftest import PG_ENV, _pg_database

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories18"
TOLD = ("s03-", "s07-", "s10-", "s13-", "s16-")  # suspensions, lapses, a re-key, a stop, a name correction
AS_OF = "2026-11-30"


def cli(db: str, *args: str) -> None:
    result = CliRunner().invoke(app, ["--db", db, *args])
    assert result.exit_code in (0, 1), result.output  # 1: unresolved references while the Q&As are alone


def replay_and_publish(db: str, work: Path) -> Path:
    main = sorted(p for p in (STORIES / "main").glob("*.txt") if p.name.startswith(TOLD))
    steps = {"qas": [p for p in main if "-qa-" in p.name], "rest": [p for p in main if "-qa-" not in p.name]}
    for n, (name, pages) in enumerate(steps.items()):
        folder = work / name
        folder.mkdir(parents=True)
        for page in pages:
            shutil.copyfile(page, folder / page.name)
        if name == "rest":
            shutil.copytree(STORIES / "main" / "www.mofcom.gov.cn", folder / "www.mofcom.gov.cn")
        cli(db, "replay", str(folder), "--fetched-at", f"2026-11-29T0{n}:00:00+00:00", "--as-of", "2026-11-29")
    cli(db, "replay", str(STORIES / "corrected"), "--fetched-at", "2026-11-30T00:00:00+08:00", "--as-of", AS_OF)
    cli(db, "feeds", "--out", str(work / "feeds"), "--as-of", AS_OF)
    return work / "feeds"


def files(folder: Path) -> dict[str, bytes]:
    """Every file the feeds wrote, but the store's mark (each store's own random id: publish.STORE_MARK)."""
    from mofcom_watch.publish import STORE_MARK

    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != STORE_MARK}


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} names no PostgreSQL server")
def test_postgresql_and_sqlite_publish_the_same_feeds(tmp_path: Path) -> None:
    lite = files(replay_and_publish(f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "sqlite"))
    for url in _pg_database(os.environ[PG_ENV]):
        pg = files(replay_and_publish(url, tmp_path / "postgresql"))
        other_store_check(url, tmp_path / "postgresql" / "feeds")
    assert sorted(pg) == sorted(lite)
    assert [name for name in lite if pg[name] != lite[name]] == []
    assert b"/correction/" in lite["all.json"] and b"page SHA-256: " in lite["all.json"]  # the story has both


def other_store_check(url: str, folder: Path) -> None:
    """The publish's other-store check on the store at ``url``, whose ``feeds`` just wrote ``folder``."""
    from feeds.folder import FolderScan
    from mofcom_watch.publish import FEED_SUFFIXES, PublishTarget, foreign_feeds
    from storage.db import open_store, session_factory
    from storage.publications import last_mark, last_publication

    engine = open_store(url)
    try:
        sf, target = session_factory(engine), PublishTarget(folder, "http://127.0.0.1:8080/feeds/")
        with sf() as session:  # the mark feeds left, read back: a no-change run compares it and reads no all.atom
            mark = last_mark(session, str(folder))
        assert mark is not None and mark.files == FolderScan.of(folder, FEED_SUFFIXES).digest
        assert foreign_feeds(sf, target, url, "r", folder=FolderScan.start(folder, FEED_SUFFIXES)) is None
        assert foreign_feeds(sf, target, url, "r") is None  # all.atom read: every item of a notice it holds
        from mofcom_watch.publish import folder_store
        from storage.identity import store_id

        with sf() as session:  # the folder's mark names this store, made and read back on PostgreSQL
            assert folder_store(folder) == store_id(session) is not None
        own = (folder / "all.atom").read_bytes()
        (folder / "all.atom").write_bytes(own.replace(b"</feed>", b"<entry><id>tag:mofcom-watch,2025:MOFCOM-2031-99/"
                                                                  b"imposed/items/2031-01-02</id></entry></feed>"))
        why = foreign_feeds(sf, target, url, "r", folder=FolderScan.start(folder, FEED_SUFFIXES)) or ""
        assert "carry 1 item(s) of notices the store" in why and "MOFCOM-2031-99" in why, why
        with sf() as session:
            failed = last_publication(session, folder=folder)
        assert failed is not None and not failed.ok and failed.error == why
    finally:
        engine.dispose()
