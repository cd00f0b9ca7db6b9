"""A publish with nothing new to say builds nothing, but only while the folder holds what it left.

The CLI in process on the replayed fixtures (a real SQLite file, real feed folders); a counting
wrapper around ``publish_store`` (the real one runs) says when the feeds were built. Whatever is
skipped, the command prints the same and the files are the same bytes as a full build makes.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text, update
from sqlalchemy.orm import sessionmaker

import mofcom_watch.publish
from mofcom_watch.publish import PublishTarget, publish_recorded, start_folder_scan
from mofcom_watch.publisher import publish_store
from storage.models import Publication
from tests.feeds.replayed import AS_OF, write_feeds_cli


@pytest.fixture
def builds(monkeypatch) -> list[Path]:
    """The folder of every publish that built the feeds."""
    calls: list[Path] = []

    def counting(session, **kw):  # noqa: ANN001, ANN003, ANN202
        calls.append(Path(kw["out_dir"]))
        return publish_store(session, **kw)

    monkeypatch.setattr(mofcom_watch.publish, "publish_store", counting)
    return calls


def snapshot(out: Path) -> dict[Path, tuple[bytes, int, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in out.rglob("*") if p.is_file()}


def feeds(db: str, out: Path, *extra: str, **kw: str) -> str:
    result = write_feeds_cli(db, out, *extra, **kw)
    assert result.exit_code in (0, 1), result.output  # 1: the fixtures' open source-health issues
    return result.output


def void_marks(db: str) -> None:
    engine = create_engine(db)
    with engine.begin() as conn:
        conn.execute(update(Publication).values(mark=None))
    engine.dispose()


def test_no_change_publish_is_skipped_and_prints_the_same(fixture_db, tmp_path, builds):
    out = tmp_path / "feeds"
    first = feeds(fixture_db, out)
    assert builds == [out] and "0 written" not in first
    files = snapshot(out)
    skipped = feeds(fixture_db, out)
    assert builds == [out]  # not built again
    assert snapshot(out) == files  # not a file touched
    void_marks(fixture_db)
    built = feeds(fixture_db, out)  # built and compared: the same files, none written
    assert builds == [out, out]
    assert skipped == built and " 0 written, " in built
    assert snapshot(out) == files


@pytest.mark.parametrize("tamper", ["delete", "edit", "add"])
def test_a_touched_folder_is_published_again(fixture_db, tmp_path, builds, tamper):
    out = tmp_path / "feeds"
    feeds(fixture_db, out)
    files = snapshot(out)
    target = out / "ecl.atom"
    if tamper == "delete":
        target.unlink()
    elif tamper == "edit":  # same size, other bytes
        data = target.read_bytes()
        target.write_bytes(data[:-2] + b"X\n")
    else:  # a feed file that no feed makes: reported as stale, like any build reports it
        (out / "old.atom").write_bytes(b"<feed/>")
    again = feeds(fixture_db, out)
    assert builds == [out, out]
    assert target.read_bytes() == files[target][0]
    if tamper == "add":
        assert "no longer produced (kept): old.atom" in again
        assert target.stat().st_mtime_ns == files[target][1]  # unchanged files stay untouched
        assert "no longer produced (kept): old.atom" in feeds(fixture_db, out)  # and skipped with the same note
        assert builds == [out, out]
    else:
        assert "wrote     ecl.atom" in again


@pytest.mark.parametrize("change", ["base-url", "as-of", "watchlist", "other-folder"])
def test_other_inputs_build_again(fixture_db, tmp_path, builds, change):
    out = tmp_path / "feeds"
    watchlist = tmp_path / "watch.csv"
    watchlist.write_text("name\nSkydio Inc\n", encoding="utf-8")
    feeds(fixture_db, out, "--watchlist", str(watchlist))
    assert len(builds) == 1
    if change == "base-url":
        feeds(fixture_db, out, "--watchlist", str(watchlist), base_url="https://feeds.example.org/")
    elif change == "as-of":
        from typer.testing import CliRunner

        from mofcom_watch.cli import app

        CliRunner().invoke(app, ["--db", fixture_db, "feeds", "--out", str(out), "--as-of", "2026-11-30",
                                 "--base-url", "http://127.0.0.1:8765/feeds/", "--watchlist", str(watchlist)])
    elif change == "watchlist":
        watchlist.write_text("name\nSkydio Inc\nInsitu Incorporated\n", encoding="utf-8")
        feeds(fixture_db, out, "--watchlist", str(watchlist))
    else:
        feeds(fixture_db, tmp_path / "elsewhere", "--watchlist", str(watchlist))
    assert len(builds) == 2


def test_full_builds_and_a_failed_feed_leaves_no_mark(fixture_db, tmp_path, builds, monkeypatch):
    out = tmp_path / "feeds"
    target = PublishTarget(out, "http://127.0.0.1:8765/feeds/")
    sessions = sessionmaker(create_engine(fixture_db), expire_on_commit=False)
    day = date.fromisoformat(AS_OF)
    first = publish_recorded(sessions, as_of=day, target=target)
    assert not first.skipped_feeds and first.mark is not None
    again = publish_recorded(sessions, as_of=day, target=target)
    assert again.skipped_feeds and (again.feeds, again.pictures, again.events) == (first.feeds, first.pictures,
                                                                                   first.events)
    full = publish_recorded(sessions, as_of=day, target=target, full=True)
    assert not full.skipped_feeds and len(full.written) == 0 and len(full.unchanged) == len(again.unchanged)
    assert len(builds) == 2

    import feeds.build

    real_get = feeds.build.FeedHeads.get

    def broken(self, spec, updated):  # noqa: ANN001, ANN202
        if spec.name == "uel":
            raise ValueError("broken on purpose")
        return real_get(self, spec, updated)

    monkeypatch.setattr(feeds.build.FeedHeads, "get", broken)
    os.utime(out / "uel.atom", ns=(1, 1))  # so the folder differs: the next publish builds
    failed = publish_recorded(sessions, as_of=day, target=target)
    assert failed.failed and failed.mark is None
    monkeypatch.setattr(feeds.build.FeedHeads, "get", real_get)
    healed = publish_recorded(sessions, as_of=day, target=target)  # built: the last attempt failed
    assert not healed.skipped_feeds and not healed.failed
    assert publish_recorded(sessions, as_of=day, target=target).skipped_feeds


def test_a_hand_edit_of_the_event_table_derives_and_builds_again(fixture_db, tmp_path, builds):
    """The store's events generation moves with any write to the table (a trigger), not only the sync's."""
    out = tmp_path / "feeds"
    feeds(fixture_db, out)
    files = snapshot(out)
    engine = create_engine(fixture_db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE event SET payload_sha256 = 'edited by hand' WHERE id = (SELECT min(id) FROM event)"))
    engine.dispose()
    feeds(fixture_db, out)
    assert builds == [out, out]
    assert snapshot(out) == files  # the sync put the row back as derived: the same bytes, nothing written
    feeds(fixture_db, out)
    assert builds == [out, out]


def test_a_folder_read_ahead_is_the_one_checked(fixture_db, tmp_path, builds):
    """``run`` reads the folder while it crawls (start_folder_scan): a file deleted before that read
    is noticed; a read of another folder is not used."""
    out = tmp_path / "feeds"
    target = PublishTarget(out, "http://127.0.0.1:8765/feeds/")
    sessions = sessionmaker(create_engine(fixture_db), expire_on_commit=False)
    day = date.fromisoformat(AS_OF)
    publish_recorded(sessions, as_of=day, target=target)
    assert publish_recorded(sessions, as_of=day, target=target, folder=start_folder_scan(target)).skipped_feeds
    (out / "all.rss").unlink()
    again = publish_recorded(sessions, as_of=day, target=target, folder=start_folder_scan(target))
    assert not again.skipped_feeds and out / "all.rss" in again.written
    (out / "all.rss").unlink()
    elsewhere = start_folder_scan(PublishTarget(tmp_path / "elsewhere", target.base_url))
    assert out / "all.rss" in publish_recorded(sessions, as_of=day, target=target, folder=elsewhere).written
    assert len(builds) == 3


def test_a_notice_giving_another_name_builds_the_linked_feeds_again(fixture_db, tmp_path, builds):
    """A notice read again with another name for one of its entities (a parser that now reads "曾用名…") moves no
    event, yet joins that entity to the one listed under the name (storage.aliaslinks): its feeds change, so the
    publish builds (the notices' generation is an input), and leaves what a build from scratch leaves."""
    out = tmp_path / "feeds"
    feeds(fixture_db, out)
    engine = create_engine(fixture_db)
    with engine.begin() as conn:
        text_ = conn.execute(text("SELECT record_json FROM notice WHERE key = 'UEL-2025-7'")).scalar_one()
        record = json.loads(text_)
        skydio = next(e for e in record["entities"] if e["key"] == "skydio")
        skydio["aliases"] = ["Shield AI,Inc."]  # listed by UEL-2025-8: another notice, the same list and country
        dumped = json.dumps(record, ensure_ascii=False, sort_keys=True)
        conn.execute(text("UPDATE notice SET record_json = :r, record_sha256 = :h WHERE key = 'UEL-2025-7'"),
                     {"r": dumped, "h": hashlib.sha256(dumped.encode()).hexdigest()})
    engine.dispose()
    before = snapshot(out)
    again = feeds(fixture_db, out)
    assert builds == [out, out]
    changed = {p.relative_to(out).as_posix() for p, (data, *_) in snapshot(out).items() if before.get(p, (None,))[0] != data}
    assert "entity/skydio.atom" in changed and "entity/shieldai.atom" in changed, again
    void_marks(fixture_db)
    assert " 0 written, " in feeds(fixture_db, out)  # a build from scratch: the same files


def test_a_publish_stopped_by_a_signal_is_logged_as_a_failed_publish(fixture_db, tmp_path, monkeypatch):
    """A ``feeds`` into the configured folder stopped by SIGTERM or Ctrl-C after it wrote files (its pictures, some
    feeds) left them part new, part the last publish's, and no record: ``status`` and ``/healthz`` judged the last
    publish, which had worked (cli34 B). Now a failed publish is logged, saying so, until the next publish."""
    from mofcom_watch.exits import Terminated

    out = tmp_path / "feeds"

    def stopped(session, **kw):  # noqa: ANN001, ANN003, ANN202 - every file written, then the signal
        publish_store(session, **kw)
        raise Terminated()

    monkeypatch.setattr(mofcom_watch.publish, "publish_store", stopped)
    engine = create_engine(fixture_db)
    try:
        with pytest.raises(Terminated):
            publish_recorded(sessionmaker(engine), as_of=date.fromisoformat(AS_OF),
                             target=PublishTarget(out, "http://127.0.0.1:8080/feeds/"))
        with sessionmaker(engine)() as session:
            rows = session.query(Publication.ok, Publication.error).filter(Publication.target == str(out)).all()
    finally:
        engine.dispose()
    assert len(rows) == 1 and rows[0][0] is False, rows
    assert rows[0][1].startswith(f"stopped by SIGTERM while it wrote the feeds: the files in {out} may be part new"), rows


def open_issue(db: str, key: str, kind: str = "unusable-page", url: str | None = None) -> None:
    from datetime import UTC, datetime

    from storage.ingest import record_issue
    from storage.vocabulary import HealthKind

    engine = create_engine(db)
    with sessionmaker(engine)() as session, session.begin():
        record_issue(session, key=key, source="mofcom-order", kind=HealthKind(kind), url=url,
                     detail="the page answered a bot check (HTTP 200, 2 KB of script)",
                     seen_at=datetime(2026, 11, 30, 3, 0, tzinfo=UTC))
    engine.dispose()


def resolve_issue(db: str, key: str) -> None:
    engine = create_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE health_issue SET resolved_at = '2026-11-30 04:00:00.000000' WHERE key = :k"),
                     {"k": key})
    engine.dispose()


def files_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


HEALTH_FILES = {"source-health.atom", "source-health.rss", "source-health.json"}


def test_a_health_issue_writes_the_source_health_feed_alone_with_a_whole_builds_bytes(fixture_db, tmp_path, builds):
    """A source failing, then recovering, moves the health items only: the source-health feed is written, every other
    file left untouched (mtime, inode), and the folder holds what a whole build of the store writes; each change is
    published (was: every feed and picture built again under the write lock, ops37)."""
    out = tmp_path / "feeds"
    feeds(fixture_db, out)
    before = snapshot(out)
    key = "unusable-page/mofcom-order/https://www.mofcom.gov.cn/zwgk/bnjg/art/2026/art_bot.html"
    for step, change in enumerate((open_issue, resolve_issue), start=1):
        change(fixture_db, key) if change is resolve_issue else change(fixture_db, key, url=key.split("/", 2)[2])
        said = feeds(fixture_db, out)
        assert builds.count(out) == 1  # no whole build
        now = snapshot(out)
        touched = {p.relative_to(out).as_posix() for p in now if now[p] != before[p]}
        assert touched == HEALTH_FILES, touched
        assert b"bot check" in (out / "source-health.atom").read_bytes()
        whole = tmp_path / f"whole{step}"
        built = feeds(fixture_db, whole)
        assert files_of(out) == files_of(whole)  # the bytes of a whole build
        assert said.splitlines()[-1].split(": ")[1] == built.splitlines()[-1].split(": ")[1].replace(
            "0 unchanged", f"{len(before) - 4} unchanged")  # the same figures (.mofcom-watch-store: not a feed file)
        before = now
        assert feeds(fixture_db, out).count("wrote") == 0  # and then skipped: nothing new
    assert builds == [out, tmp_path / "whole1", tmp_path / "whole2"]


def test_a_feed_said_to_fail_is_built_whole(fixture_db, tmp_path, builds):
    """An open feed-failed issue (a publish into another folder could not build one) is judged by a whole build: the
    health items alone moved, yet only building that feed says whether it still fails."""
    out = tmp_path / "feeds"
    feeds(fixture_db, out)
    open_issue(fixture_db, "feed-failed/entity/skydio", kind="feed-failed")
    feeds(fixture_db, out)
    assert builds == [out, out]
    engine = create_engine(fixture_db)
    with engine.begin() as conn:  # built, so no longer said to fail
        resolved = conn.execute(text("SELECT resolved_at FROM health_issue WHERE key = 'feed-failed/entity/skydio'"))
        assert resolved.scalar_one() is not None
    engine.dispose()


def test_a_file_edited_after_the_folder_was_read_is_rebuilt_when_health_alone_moved(fixture_db, tmp_path, builds):
    """``run`` reads the folder before its crawl; a feed file edited during the crawl, in a cycle whose only news is a
    health issue, is written again whole, not left edited and taken into the mark as this store's."""
    out = tmp_path / "feeds"
    target = PublishTarget(out, "http://127.0.0.1:8765/feeds/")
    sessions = sessionmaker(create_engine(fixture_db), expire_on_commit=False)
    day = date.fromisoformat(AS_OF)
    publish_recorded(sessions, as_of=day, target=target)
    good = (out / "ecl.atom").read_bytes()
    read_ahead = start_folder_scan(target)
    read_ahead.result()
    (out / "ecl.atom").write_bytes(good[:-2] + b"X\n")  # edited during the crawl
    open_issue(fixture_db, "unusable-page/mofcom-order/https://www.mofcom.gov.cn/art_bot.html",
               url="https://www.mofcom.gov.cn/art_bot.html")
    again = publish_recorded(sessions, as_of=day, target=target, folder=read_ahead)
    assert (out / "ecl.atom").read_bytes() == good and out / "ecl.atom" in again.written
    assert len(builds) == 2
