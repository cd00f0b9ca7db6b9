"""A backdated notice listed below rows already stored, read by the daily deeper walk (pages29's story st1b).

Real ``mofcom-watch run`` processes against a local jpaas column (``tests/site_server.py``), one SQLite store; the
column pages by 2 rows (a sources file), so page 3 is five rows down. A notice published with an older date than the
rows stored (UEL 2025 No. 5, dated 2025-03-04) comes on the column below them, on page 3, with one new row on top.
An update stops at page 1 (its last row is stored): before session 30 no later update read it, exit 0, nothing
said; only ``run --since`` found it. Now the first cycle of a UTC day (or one a day or more after the store's last
deep walk) reads on to ``DEEP_WALK_PAGES`` pages whatever it reaches, so it is read within a day.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from tests.faults.test_site_changes import N22, UEL5, UEL8, W, brief, fx, run, states, status
from tests.site_server import JPAAS_PATH, SiteServer

SOURCE = "mofcom-policy-list"
# the default mofcom-policy-list, paging by 2 rows: a few pages of a few notices
SOURCES_FILE = f'[[source]]\nname = "{SOURCE}"\npage_size = 2\n'


def _filler(n: int) -> bytes:
    """A press-conference page of 2026 (newer than every notice here), no notice."""
    day = f"2026-07-{n + 1:02d}"
    title = f"商务部召开例行新闻发布会（{day}）"
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="SiteName" content="中华人民共和国商务部">'
            f'<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{day} 15:00"><title>{title}</title>'
            f'</head><body><div class="art-con art-con-bottonmLine"><p>商务部新闻发言人出席发布会，介绍近期商务工作有关情况，'
            f"并回答记者提问。</p><p>发布会实录将另行刊发。</p></div></body></html>").encode()


def _age_runs(db: str, hours: int) -> None:
    """Move the store's runs ``hours`` back: the cycles before were on an earlier day."""
    from storage.db import make_engine
    from storage.models import SourceRun

    engine = make_engine(db)
    try:
        with engine.begin() as con:
            for run_id, started in con.execute(select(SourceRun.id, SourceRun.started_at)).all():
                con.execute(update(SourceRun).where(SourceRun.id == run_id)
                            .values(started_at=started - timedelta(hours=hours)))
    finally:
        engine.dispose()


def column_store(tmp_path: Path) -> tuple[str, Path, dict[str, str], dict[str, bytes]]:
    """A store, a feeds folder, the environment naming the sources file (the column paging by 2) and the column's
    first two notices (MOFCOM 2025 No. 22, UEL 2025 No. 8)."""
    sources_file = tmp_path / "sources.toml"
    sources_file.write_text(SOURCES_FILE, encoding="utf-8")
    return (f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds", {"MOFCOM_WATCH_SOURCES_FILE": str(sources_file)},
            {f"{W}/{p}": fx(W, p) for p in (N22, UEL8)})


def test_a_backdated_notice_below_stored_rows_is_read_by_the_next_days_first_cycle(tmp_path: Path):
    db, out, extra, pages = column_store(tmp_path)
    pages.update({f"{W}/zwgk/zcfb/art/2026/art_{n + 1:032x}.html": _filler(n) for n in range(2)})
    with SiteServer(None, pages=pages, columns={W: "zwgk/zcfb/"}) as site:
        bases = {W: site.base_url(W)}
        first, report = run(db, out, bases, sources=(SOURCE,), **extra)
        assert first.code == 0 and report["sources"][0]["mode"] == "backfill", (first.err, brief(report))
        # a new row on top, and UEL 2025 No. 5 (dated 2025-03-04) below the stored rows: row 6 of 6, page 3
        site.set_page(f"{W}/zwgk/zcfb/art/2026/art_{3:032x}.html", _filler(2))
        site.set_page(f"{W}/{UEL5}", fx(W, UEL5))
        site.reset_hits()
        same_day, report = run(db, out, bases, sources=(SOURCE,), **extra)
        # the same day: an update, which stops at page 1 (its last row is stored); the next day's first cycle reads it
        assert same_day.code == 0 and report["sources"][0]["mode"] == "update", (same_day.err, brief(report))
        assert sum(JPAAS_PATH in h.path for h in site.hits) == 1
        _age_runs(db, 25)
        site.reset_hits()
        next_day, report = run(db, out, bases, sources=(SOURCE,), **extra)
        # (a page answering 304 is asked again without validators in a deep walk, scraper.discovery.FALSE_304: not counted)
        asked = [h.path for h in site.hits if JPAAS_PATH in h.path and h.status != 304]
    assert next_day.code == 0, (next_day.err, brief(report))
    assert report["sources"][0]["mode"] == "deep", brief(report)
    assert any(UEL5 in h.path for h in site.hits), sorted(h.path for h in site.hits)
    assert states(status(db))[("UEL-2025-5", "uel")][3] == 10
    assert len(asked) == 4, asked  # pages 1-3 and the empty page 4: the list's end, short of the deep walk's bound
    assert _last_run_deep(db)  # stored: the day's later cycles are updates again


def _last_run_deep(db: str) -> bool | None:
    from storage.db import make_engine
    from storage.models import SourceRun

    engine = make_engine(db)
    try:
        with engine.connect() as con:
            return con.execute(select(SourceRun.deep).order_by(SourceRun.id.desc()).limit(1)).scalar_one()
    finally:
        engine.dispose()
