"""`mofcom-watch replay DIR`: URLs from the tree, exit codes, and re-running adds nothing.

The real parser is swapped for the stand-in of test_replay_pipeline so these tests
exercise the command and the store, not the parser.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import typer
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

import mofcom_watch.pipeline as pipeline
from mofcom_watch.cli import app
from mofcom_watch.clock import parse_fetched_at
from storage.db import open_store
from storage.models import Base, Page, Snapshot
from storage.records import (
    ActionKind,
    ActionRecord,
    EntityRecord,
    ListKind,
    NoticeKind,
    NoticeRecord,
)
from tests.mofcom_watch.test_replay_pipeline import stand_in_parse

FETCHED = "2025-12-01T08:00:00+00:00"


@pytest.fixture(autouse=True)
def _stand_in_parser(monkeypatch):
    monkeypatch.setattr(pipeline, "load_parser", lambda: stand_in_parse)


def notice(key: str, n: int, stated: int | None, url_hint: str = "") -> bytes:
    rec = NoticeRecord(
        key=key, kind=NoticeKind.ANNOUNCEMENT, number=f"商务部公告2025年第{key.rsplit('-', 1)[1]}号",
        issuer="商务部", title=f"关于将{n}家美国实体列入出口管制管控名单的公告", published=datetime(2025, 4, 4).date(),
        effective="2025-04-04", list=ListKind.ECL,
        actions=(ActionRecord(ActionKind.IMPOSE, ListKind.ECL, effective="2025-04-04"),),
        entities=tuple(EntityRecord(zh=f"公司{i}", en=f"Firm {i} Inc.", country="US", key=f"firm{i}", n=i + 1)
                       for i in range(n)),
        stated_count=stated,
    )
    return json.dumps(rec.to_json(), ensure_ascii=False).encode()


def tree(root: Path, *, bad: bool = False, mismatch: bool = False) -> Path:
    files = {
        "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_13.html": notice("MOFCOM-2025-13", 3, 3),
        "aqygzj.mofcom.gov.cn/flzc/art/2025/art_13.html": notice("MOFCOM-2025-13", 3, 3),
        "www.mofcom.gov.cn/zwgk/zcfb/index.html": b"INDEX",
        "texts/mofcom-2025-21.txt": notice("MOFCOM-2025-21", 2, 3 if mismatch else 2),
        "README.md": b"# not a page",
        "README": b"not a page",
        "notes.md": b"not a page",
        ".cache/x.html": b"BOT",
        "www.mofcom.gov.cn/.hidden.html": b"BOT",
    }
    if bad:
        files["www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_bot.html"] = b"BOT check"
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def replay(db_url: str, directory: Path, *extra: str):
    return CliRunner().invoke(app, ["--db", db_url, "replay", str(directory), "--fetched-at", FETCHED, *extra])


def row_counts(db_url: str) -> dict[str, int]:
    engine = open_store(db_url)
    try:
        with Session(engine) as s:
            return {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def test_replay_maps_the_tree_to_urls_and_prints_notices(db_url, tmp_path):
    result = replay(db_url, tree(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    assert "MOFCOM-2025-13" in result.output and "MOFCOM-2025-21" in result.output
    assert "4 pages: 2 new, 0 changed, 0 unchanged, 0 unusable" in result.output
    engine = open_store(db_url)
    with Session(engine) as s:
        assert sorted(s.scalars(select(Page.url))) == [
            "file:texts/mofcom-2025-21.txt",
            "https://aqygzj.mofcom.gov.cn/flzc/art/2025/art_13.html",
            "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_13.html",
            "https://www.mofcom.gov.cn/zwgk/zcfb/index.html",
        ]
        assert {s_.fetched_at for s_ in s.scalars(select(Snapshot))} == {datetime(2025, 12, 1, 8, tzinfo=timezone.utc)}
    engine.dispose()


def test_rerunning_replay_adds_nothing(db_url, tmp_path):
    site = tree(tmp_path / "site")
    assert replay(db_url, site).exit_code == 0
    before = row_counts(db_url)
    again = CliRunner().invoke(app, ["--db", db_url, "replay", str(site)])  # fetched-at now: stored snapshots kept
    assert again.exit_code == 0, again.output
    assert "0 new, 0 changed, 4 unchanged" in again.output
    assert row_counts(db_url) == before


def test_unusable_page_exits_1_and_says_which(db_url, tmp_path):
    result = replay(db_url, tree(tmp_path / "site", bad=True))
    assert result.exit_code == 1
    assert "art_bot.html" in result.output and "bot-check" in result.output
    assert "1 unusable" in result.output


def test_count_mismatch_exits_1_and_says_which(db_url, tmp_path):
    result = replay(db_url, tree(tmp_path / "site", mismatch=True))
    assert result.exit_code == 1
    assert "count mismatch: MOFCOM-2025-21 parsed 2 entities, the notice states 3" in " ".join(result.output.split())


def test_missing_dir_and_bad_options_exit_2(db_url, tmp_path):
    missing = replay(db_url, tmp_path / "nope")
    assert missing.exit_code == 2 and "not a readable directory" in missing.output
    site = tree(tmp_path / "site")
    bad_time = CliRunner().invoke(app, ["--db", db_url, "replay", str(site), "--fetched-at", "yesterday"])
    assert bad_time.exit_code == 2 and "ISO 8601" in bad_time.output
    assert "Traceback" not in missing.output + bad_time.output
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.md").write_text("nothing")
    empty = replay(db_url, tmp_path / "empty")
    assert empty.exit_code == 2 and "no pages" in empty.output
    a_file = replay(db_url, site / "README.md")
    assert a_file.exit_code == 2 and "not a readable directory" in a_file.output


def test_a_fetch_time_to_come_is_refused_as_a_typo(db_url, tmp_path, monkeypatch):
    """cli30: ``--fetched-at 2099-01-01`` was stored as the fetch time of every page (its copies, the items'
    provenance, the evidence packs). More than a day after now is a typo, exit 2, nothing stored (the lead's decision,
    session 31); within the day is taken (a Beijing time written without its offset reads 8 hours ahead), and a
    simulation's MOFCOM_WATCH_TODAY moves now to the end of that day."""
    monkeypatch.delenv("MOFCOM_WATCH_TODAY", raising=False)
    site = tree(tmp_path / "site")
    later = (datetime.now(timezone.utc) + timedelta(days=1, minutes=5)).isoformat()
    for value in ("2099-01-01", "2062-11-29T08:00:00+08:00", later):
        typo = CliRunner().invoke(app, ["--db", db_url, "replay", str(site), "--fetched-at", value])
        assert typo.exit_code == 2, (value, typo.output)
        assert "is more than a day after now" in typo.output and "Traceback" not in typo.output
    engine = open_store(db_url)
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Snapshot)) == 0
    engine.dispose()
    soon = datetime.now(timezone.utc) + timedelta(hours=23)
    assert parse_fetched_at(soon.isoformat()) == soon
    assert parse_fetched_at(soon.replace(tzinfo=None).isoformat()) == soon  # naive: UTC
    monkeypatch.setenv("MOFCOM_WATCH_TODAY", "2034-11-30")  # a corpus copy set 8 years on
    assert parse_fetched_at("2034-11-30T02:00:00+00:00") == datetime(2034, 11, 30, 2, tzinfo=timezone.utc)
    with pytest.raises(typer.BadParameter, match="more than a day after now"):
        parse_fetched_at("2034-12-02T00:00:00+00:00")


def test_database_from_a_newer_version_exits_2(db_url, tmp_path):
    if not db_url.startswith("sqlite"):
        pytest.skip("edits the SQLite file")
    import sqlite3
    con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    con.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    con.commit()
    con.close()
    result = replay(db_url, tree(tmp_path / "site"))
    assert result.exit_code == 2 and "newer mofcom-watch" in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_replay_runs_the_lifecycle_engine_when_present(db_url, tmp_path):
    pytest.importorskip("storage.events")
    site = tree(tmp_path / "site")
    first = replay(db_url, site, "--as-of", "2026-11-29")
    assert first.exit_code == 0, first.output
    events = row_counts(db_url)["event"]
    assert events > 0
    assert replay(db_url, site, "--as-of", "2026-11-29").exit_code == 0
    assert row_counts(db_url)["event"] == events
