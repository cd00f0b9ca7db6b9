"""Pages kept per store version (mofcom_watch/server/pagecache.py): never older than the store."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from mofcom_watch.server import create_app
from mofcom_watch.server.data import StoreData
from storage.db import open_store, session_factory
from storage.models import HealthIssue
from tests.conftest import copy_of
from tests.feeds.replayed import write_feeds_cli

BASE = "http://127.0.0.1:8765/feeds/"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, replayed: Path) -> tuple[str, Path]:
    root = tmp_path_factory.mktemp("pagecache")
    db_url = copy_of(replayed, root / "db.sqlite")
    result = write_feeds_cli(db_url, root / "feeds", base_url=BASE)
    assert result.exit_code in (0, 1), result.output
    return db_url, root / "feeds"


def test_front_page_changes_when_the_store_does(store: tuple[str, Path]) -> None:
    db_url, feeds = store
    engine, writer = open_store(db_url), open_store(db_url)  # the writer: a cycle, a replay, another process
    try:
        site = TestClient(create_app(feeds_dir=feeds, feeds_base_url=BASE, data=StoreData(engine),
                                     as_of=date(2026, 11, 29)))
        first = site.get("/")
        etag = first.headers["etag"]
        assert first.status_code == 200 and site.get("/").headers["etag"] == etag
        assert site.get("/", headers={"If-None-Match": etag}).status_code == 304
        assert site.get("/", headers={"If-Modified-Since": first.headers["last-modified"]}).status_code == 304
        assert "gzip" == site.get("/", headers={"Accept-Encoding": "gzip"}).headers["content-encoding"]

        now = datetime.now(UTC)
        with session_factory(writer)() as s, s.begin():
            s.add(HealthIssue(key="mofcom/failing/pagecache-test", source="mofcom", kind="failing",
                              detail="page cache test: the listing page failed 3 times", first_seen=now,
                              last_seen=now))
        after = site.get("/", headers={"If-None-Match": etag})
        assert after.status_code == 200 and after.headers["etag"] != etag
        assert "page cache test: the listing page failed 3 times" in after.text
        assert "page cache test" not in first.text
        # a client revalidating by date alone gets the new page too, even within the same second
        by_date = site.get("/", headers={"If-Modified-Since": first.headers["last-modified"]})
        assert by_date.status_code == 200 and "page cache test" in by_date.text
    finally:
        engine.dispose()
        writer.dispose()


def test_entity_page_as_of_variants_do_not_poison_the_default(store: tuple[str, Path]) -> None:
    db_url, feeds = store
    engine = open_store(db_url)
    try:
        site = TestClient(create_app(feeds_dir=feeds, feeds_base_url=BASE, data=StoreData(engine),
                                     as_of=date(2026, 11, 29)))
        default = site.get("/entity/skydio")
        past = site.get("/entity/skydio", params={"as_of": "2024-01-01"})
        assert default.status_code == past.status_code == 200
        assert past.headers["etag"] != default.headers["etag"] and past.text != default.text
        again = site.get("/entity/skydio")
        assert again.text == default.text and again.headers["etag"] == default.headers["etag"]
        assert site.get("/entity/skydio", headers={"If-None-Match": default.headers["etag"]}).status_code == 304
        assert site.get("/entity/nosuchcompany").status_code == 404
    finally:
        engine.dispose()
