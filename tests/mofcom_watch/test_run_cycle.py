"""`run` against the fixture tree served over real local HTTP: same result as `replay`, 304s on
the second run, and every fault leaves no false event, loses nothing, and is recorded."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import and_, func, select

from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from mofcom_watch.pipeline import (
    PageRouter,
    Pipeline,
    replay_content_type,
    replay_files,
    saved_page,
)
from mofcom_watch.publish import PublishTarget, publish
from scraper.fetch import FetchPolicy
from scraper.sources import load_sources
from storage.db import open_store, session_factory
from storage.events import load_events
from storage.health import open_health_issues
from storage.keptstore import close_kept_store
from storage.models import HealthIssue, SourceRun
from storage.notices import load_stored_notices
from tests.site_server import Fault, SiteServer, sources_of

AS_OF = date(2026, 11, 29)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HOSTS = ["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"]
WWW = "www.mofcom.gov.cn"
UEL7 = f"{WWW}/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"
UEL5 = f"{WWW}/zwgk/zcfb/art/2025/art_beb25dc3bf9447f9ba7a34b25cca8f64.html"
UEL6 = f"{WWW}/zwgk/zcfb/art/2025/art_205cf5fddd1645a7be68d132cdb38cc3.html"
UEL4 = f"{WWW}/zwgk/zcfb/art/2025/art_ab15d2258dda4e93b8ad1ec4776d37c3.html"
UEL8 = f"{WWW}/zwgk/zcfb/art/2025/art_c29bed8111a5406ea44f363694865ac2.html"
QA_UEL_0514 = f"{WWW}/xwfb/xwfyrth/art/2025/art_53ec1f591dba49a39b65fd89b6d73e6f.html"
QA_ECL_1105 = f"{WWW}/xwfb/xwfyrth/art/2025/art_7e09fc75390f4a078466b56ac9d6503a.html"
QA_INDEX = f"{WWW}/xwfb/xwfyrth/index.html"
ECL13 = f"{WWW}/zwgk/zcfb/art/2025/art_e1ea9512b1f84dc6b1a17f703fa4cf56.html"  # also under an alias URL
SOFT_404 = "<html><head><title>404 Error</title></head><body><h1>404 Error</h1><p>抱歉，您访问的页面不存在！</p></body></html>"
BASE = "https://feeds.example.org/"
POLICY = FetchPolicy(delay=0.0, attempts=2, backoff=0.01, max_wait=0.05, timeout=0.6, total=4)


def _notices(db_url: str) -> dict[str, dict]:
    engine = open_store(db_url)
    try:
        with session_factory(engine)() as session:
            return {n.record.key: {"record": n.record.to_json(), "urls": n.provenance.urls,
                                   "sha256": n.provenance.sha256} for n in load_stored_notices(session)}
    finally:
        engine.dispose()


def _substance(notice: dict) -> dict:
    """The parse without the URL it was read from (an alias page gives the same notice)."""
    return {k: v for k, v in notice["record"].items() if k != "url"}


def _events(db_url: str) -> dict[str, str]:
    engine = open_store(db_url)
    try:
        with session_factory(engine)() as session:
            return {e.id: e.kind.value for e in load_events(session, AS_OF)}
    finally:
        engine.dispose()


def _run(tmp: Path, site: SiteServer, name: str = "run", **kw):
    # the deployment's sources are those of the hosts mirrored (a source skipped for want of a base URL holds back)
    settings = Settings(data_dir=tmp / name, public_base_url=BASE, sources=sources_of(HOSTS))
    result = run_cycle(settings, as_of=AS_OF, base_urls=site.base_urls(HOSTS), policy=POLICY,
                       out_dir=tmp / name / "feeds", progress=False, **kw)
    return settings, result


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A clean run and a replay of the same host folders (the `file:` text is replay-only)."""
    tmp = tmp_path_factory.mktemp("clean")
    tree = tmp / "tree"
    for host in HOSTS:
        shutil.copytree(FIXTURES / host, tree / host)
    replay_db = f"sqlite:///{tmp / 'replay.sqlite'}"
    engine = open_store(replay_db)
    sf = session_factory(engine)
    ingest = Pipeline(sf, PageRouter(load_sources()))
    fetched_at = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
    for path, url in replay_files(tree):
        ingest(saved_page(url, path.read_bytes(), fetched_at, content_type=replay_content_type(path)))
    with sf() as session, session.begin():
        publish(session, as_of=AS_OF, target=PublishTarget(tmp / "replay-feeds", BASE))
    engine.dispose()
    with SiteServer(FIXTURES) as site:
        settings, first = _run(tmp, site, fetched_at=fetched_at)
        site.reset_hits()
        _settings, second = _run(tmp, site)
        hits = list(site.hits)
    return {"replay_db": replay_db, "run_db": settings.database_url, "first": first, "second": second,
            "second_hits": hits, "feeds": tmp / "run" / "feeds", "replay_feeds": tmp / "replay-feeds"}


def test_run_stores_what_replay_stores(clean):
    replayed, fetched = _notices(clean["replay_db"]), _notices(clean["run_db"])
    assert len(fetched) >= 15
    assert fetched.keys() == replayed.keys()
    for key in replayed:
        assert fetched[key] == replayed[key], key


def test_run_derives_the_same_events_and_ids_as_replay(clean):
    replayed, fetched = _events(clean["replay_db"]), _events(clean["run_db"])
    assert replayed and fetched == replayed
    assert clean["first"].new_events == len([e for e in fetched])  or clean["first"].new_events > 0


def test_run_writes_the_same_feed_bytes_as_replay(clean):
    run_feeds, replay_feeds = clean["feeds"], clean["replay_feeds"]
    names = sorted(p.relative_to(replay_feeds).as_posix() for p in replay_feeds.rglob("*.atom"))
    assert len(names) > 10
    assert sorted(p.relative_to(run_feeds).as_posix() for p in run_feeds.rglob("*.atom")) == names
    for name in names:
        for suffix in (".atom", ".rss"):
            file = name.removesuffix(".atom") + suffix
            assert (run_feeds / file).read_bytes() == (replay_feeds / file).read_bytes(), file


def test_first_run_backfills_every_source_without_failures(clean):
    first = clean["first"]
    by_name = {s.name: s for s in first.sources}
    assert by_name["english-news"].mode == "skipped"  # no --base-url for it: never the real site
    for name in ("mofcom-announcements", "mofcom-policy", "mofcom-qa", "mofcom-policy-list", "aqygzj"):
        assert by_name[name].mode == "backfill" and by_name[name].counts.links > 0, name
    assert by_name["mofcom-policy-list"].counts.links >= 8  # the jpaas JSON list endpoint, emulated
    assert any("2026/index.html: not published" in n for n in by_name["mofcom-announcements"].notes)
    assert first.bodies > 20 and first.parsed > 20


def test_second_run_downloads_no_bodies_and_publishes_nothing(clean):
    second = clean["second"]
    assert {s.mode for s in second.sources} == {"update", "skipped"}
    assert second.bodies == 0 and second.body_bytes == 0 and second.parsed == 0
    assert second.not_modified > 10 and second.new_events == 0 and second.corrected_events == 0
    assert second.published == ()
    assert all(h.body_bytes == 0 or h.status == 404 for h in clean["second_hits"])
    assert all(s.counts.new == 0 and s.counts.changed == 0 for s in second.sources)


def test_faults_leave_no_false_event_lose_nothing_and_are_recorded(clean, tmp_path):
    clean_notices, clean_events = _notices(clean["run_db"]), _events(clean["run_db"])
    with SiteServer(FIXTURES) as site:
        site.faults.update({
            UEL7: Fault("timeout", delay=1.5),
            UEL5: Fault("500"),
            UEL6: Fault("429", times=1, retry_after="0"),  # heals within the run
            UEL4: Fault("truncate"),
            QA_UEL_0514: Fault("412"),
            QA_ECL_1105: Fault("redirect"),
            UEL8: Fault("gbk"),  # not a failure: decoded and parsed like the UTF-8 page
            ECL13: Fault("body", body=SOFT_404.encode()),  # "404 Error" served with HTTP 200
        })
        settings, faulty = _run(tmp_path, site)
        db = settings.database_url
        assert not faulty.ok
        reasons = {f.url: f.reason for s in faulty.sources for f in s.failures}
        assert reasons == {
            f"https://{UEL7}": "timeout",
            f"https://{UEL5}": "http-500",
            f"https://{UEL4}": "truncated",
            f"https://{QA_UEL_0514}": "bot-check",
            f"https://{QA_ECL_1105}": "redirect-off-site",
            f"https://{ECL13}": "unusable-content",
        }
        stored = _notices(db)
        assert "UEL-2025-7" not in stored and "UEL-2025-5" not in stored and "UEL-2025-4" not in stored
        for key, value in stored.items():  # nothing half-stored: every notice is exactly the clean one
            assert _substance(value) == _substance(clean_notices[key]), key
        assert stored["UEL-2025-6"] == clean_notices["UEL-2025-6"]
        assert stored["UEL-2025-8"]["record"] == clean_notices["UEL-2025-8"]["record"]
        # a missing Q&A would turn an extension into a false lapse: lapses, countdowns and unresolved
        # references wait for the missing pages; facts read whole from fetched notices are published
        faulty_events = _events(db)
        assert faulty.held_back and faulty.withheld and faulty_events
        assert faulty_events.items() <= clean_events.items()  # no false item: each one a clean run also makes
        assert not {"suspension_lapsed", "suspension_ends_soon", "unresolved_reference"} & set(faulty_events.values())
        assert not set(faulty.withheld) & set(faulty_events)
        health_feed = tmp_path / "run" / "feeds" / "source-health.atom"
        assert str(health_feed) in faulty.published  # the health items are published meanwhile
        assert "bot" in health_feed.read_text(encoding="utf-8")
        engine = open_store(db)
        with session_factory(engine)() as session:
            issues = {(i.kind, i.url) for i in open_health_issues(session)}
            runs = session.scalars(select(SourceRun)).all()
        engine.dispose()
        assert ("unusable-page", f"https://{QA_UEL_0514}") in issues
        assert ("unusable-page", f"https://{QA_ECL_1105}") in issues
        assert ("unusable-page", f"https://{ECL13}") in issues
        assert ("held-back", None) in issues
        assert "held back" in health_feed.read_text(encoding="utf-8")
        assert _substance(stored["MOFCOM-2025-13"]) == _substance(clean_notices["MOFCOM-2025-13"])  # via its alias
        assert any(r.failures and r.failures[0]["reason"] for r in runs if not r.ok)

        site.faults.clear()
        _settings, healed = _run(tmp_path, site)
        assert [f for s in healed.sources for f in s.failures] == [] and healed.held_back == ()
        assert _notices(db).keys() == clean_notices.keys()
        for key, value in _notices(db).items():
            assert value["record"] == clean_notices[key]["record"], key
        assert _events(db) == clean_events
        engine = open_store(db)
        with session_factory(engine)() as session:
            still = {(i.kind, i.url) for i in open_health_issues(session)}
        engine.dispose()
        assert ("unusable-page", f"https://{QA_UEL_0514}") not in still
        assert ("unusable-page", f"https://{QA_ECL_1105}") not in still
        assert ("unusable-page", f"https://{ECL13}") not in still
        assert ("held-back", None) not in still


def test_index_whose_layout_changed_is_a_health_issue_until_fixed(tmp_path):
    sources = [s for s in load_sources() if s.name == "mofcom-qa"]
    with SiteServer(FIXTURES) as site:
        site.faults[QA_INDEX] = Fault("zero-links")
        settings, broken = _run(tmp_path, site, sources=sources)
        assert not broken.ok
        assert [(f.reason, f.url) for f in broken.sources[0].failures] == [("zero-links", f"https://{QA_INDEX}")]
        assert broken.sources[0].opened == (f"mofcom-qa/zero-links/https://{QA_INDEX}",)
        assert _notices(settings.database_url) == {} and _events(settings.database_url) == {}
        site.faults.clear()
        _settings, fixed = _run(tmp_path, site, sources=sources)
        assert fixed.sources[0].counts.failed == 0 and fixed.sources[0].counts.new >= 6
        assert fixed.sources[0].resolved == (f"mofcom-qa/zero-links/https://{QA_INDEX}",)
    engine = open_store(settings.database_url)
    with session_factory(engine)() as session:
        issue = session.scalars(select(HealthIssue).where(HealthIssue.kind == "zero-links")).one()
    engine.dispose()
    assert issue.resolved_at is not None


def test_a_page_added_between_runs_is_picked_up(tmp_path):
    sources = [s for s in load_sources() if s.name in ("mofcom-qa",)]
    with SiteServer(FIXTURES) as site:
        _run(tmp_path, site, sources=sources)
        page = (FIXTURES / QA_UEL_0514).read_bytes()
        new_path = f"{WWW}/xwfb/xwfyrth/art/2026/art_00000000000000000000000000000001.html"
        site.set_page(new_path, page.replace(b"2025-05-14", b"2026-05-14"))
        index = (FIXTURES / QA_INDEX).read_text(encoding="utf-8")
        site.set_page(QA_INDEX, index.replace("<li>", f'<li><a href="/{new_path.split("/", 1)[1]}" title="x">x</a></li><li>', 1).encode())
        site.reset_hits()
        _settings, second = _run(tmp_path, site, sources=sources)
        fetched_200 = [h.path for h in site.hits if h.status == 200]
    assert sorted(fetched_200) == sorted([QA_INDEX, new_path])
    assert second.sources[0].mode == "update" and second.sources[0].counts.fetched >= 2


def test_a_run_whose_engine_reports_a_problem_is_not_ok(tmp_path):
    """The Q&As fetched before the notices they name (story30 S4): every reference unresolved, every source clean,
    no health issue. `status` exits 1 on those problems; the run said "clean", ``ok`` true, exit 0 (cron saw nothing)."""
    sources = [s for s in load_sources() if s.name == "mofcom-qa"]
    with SiteServer(FIXTURES) as site:
        _settings, result = _run(tmp_path, site, sources=sources)
    assert all(s.ok for s in result.sources) and not result.open_issues, (result.sources, result.open_issues)
    assert any("which is not stored" in p for p in result.problems), result.problems
    assert result.ok is False


def test_unchanged_bytes_are_not_parsed_even_without_validators(tmp_path):
    sources = [s for s in load_sources() if s.name in ("mofcom-qa", "mofcom-policy")]
    with SiteServer(FIXTURES, validators=False) as site:
        _run(tmp_path, site, sources=sources)
        _settings, second = _run(tmp_path, site, sources=sources)
    assert second.not_modified == 0 and second.bodies > 0  # the server cannot say 304
    assert second.parsed == 0 and second.new_events == 0 and second.published == ()


def test_a_source_failing_three_runs_is_reported_and_stops_holding_events_back(tmp_path):
    sources = [s for s in load_sources() if s.name == "mofcom-qa"]
    with SiteServer(FIXTURES) as site:
        site.faults[QA_ECL_1105] = Fault("500")
        results = [_run(tmp_path, site, sources=sources)[1] for _ in range(3)]
    assert [bool(r.held_back) for r in results] == [True, True, False]
    assert results[1].sources[0].opened == () and results[2].sources[0].opened == ("mofcom-qa/failing",)
    assert results[2].new_events > 0  # derived from what is stored, with the source reported failing
    assert "mofcom-qa/failing" in results[2].open_issues


def test_since_forces_a_backfill_walk(tmp_path):
    sources = [s for s in load_sources() if s.name == "mofcom-announcements"]
    with SiteServer(FIXTURES) as site:
        _run(tmp_path, site, sources=sources)
        _s, update = _run(tmp_path, site, sources=sources)
        _s, walk = _run(tmp_path, site, sources=sources, since=2024, backfill=True)
    assert update.sources[0].mode == "update" and walk.sources[0].mode == "backfill"
    assert walk.sources[0].counts.links > 0 and walk.parsed == 0  # index pages 304: links from the stored copy


def test_a_source_whose_every_index_is_gone_is_a_health_issue(tmp_path):
    sources = [s for s in load_sources() if s.name == "mofcom-announcements"]
    with SiteServer(FIXTURES) as site:
        for year in (2024, 2025):
            site.faults[f"{WWW}/zcfb/blgg/gg/{year}/index.html"] = Fault("404")
        _settings, result = _run(tmp_path, site, sources=sources)
    assert [f.reason for f in result.sources[0].failures] == ["zero-links"]


def test_an_index_redirected_out_of_its_column_is_said(tmp_path):
    """An annual index answering with a redirect to another column's page (a redesign, or the site sending a missing
    year elsewhere) was read as that index, silently: its links all known, the crawl stopped there, and the notices
    of the real column could go unread without a word. The run now says where the index went (a warning: a permanent
    301 of a moved column is routine, so no issue that fails health; tests/faults/test_source_warnings.py shows it
    in status and /healthz). The page it went to is named for 2024 (its ``ColumnName`` and title "2024年公告"): not the
    2025 index, whatever the history (a store's first run has none to hold it to), so it is also a ``wrong-page``
    failure (fetch21: was read as the 2025 index, its notices unread, before)."""
    sources = [s for s in load_sources() if s.name == "mofcom-announcements"]
    with SiteServer(FIXTURES) as site:
        site.faults[f"{WWW}/zcfb/blgg/gg/2025/index.html"] = Fault(
            "redirect", location=f"{site.base_url(WWW)}/zcfb/blgg/gg/2024/index.html")
        _settings, result = _run(tmp_path, site, sources=sources)
    notes = [w.detail for w in result.sources[0].warnings if "outside its column" in w.detail]
    assert notes and "/zcfb/blgg/gg/2025/index.html" in notes[0] and "/zcfb/blgg/gg/2024/index.html" in notes[0], notes
    assert [f.reason for f in result.sources[0].failures if "gg/2025/index" in f.url] == ["wrong-page"]
    assert [w.reason for w in result.sources[0].warnings] == ["out-of-column"]
    assert not [key for key in result.open_issues if "warning" in key]  # shown apart, failing nothing
    from scraper.discovery import leaves_column

    assert leaves_column("https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/index.html",
                         "https://www.mofcom.gov.cn/zcfb/blgg/gg/2024/index.html")
    assert leaves_column("https://www.mofcom.gov.cn/zwgk/zcfb/index.html", "https://www.mofcom.gov.cn/")
    assert not leaves_column("https://www.mofcom.gov.cn/zwgk/zcfb/", "https://www.mofcom.gov.cn/zwgk/zcfb/index.html")
    assert not leaves_column("https://www.mfa.gov.cn/web/a/fzcqdcs/", "https://www.mfa.gov.cn/web/a/fzcqdcs/index_1.shtml")
    assert not leaves_column("https://mofcom.gov.cn/zwgk/zcfb/index.html", "https://www.mofcom.gov.cn/zwgk/zcfb/index.html")


def test_two_runs_on_one_database_never_interleave(tmp_path):
    import threading
    import time

    from storage.runlock import RunLockHeld

    sources = [s for s in load_sources() if s.name == "mofcom-qa"]
    with SiteServer(FIXTURES, latency=0.3) as site:
        first: list = []
        thread = threading.Thread(target=lambda: first.append(_run(tmp_path, site, sources=sources)[1]))
        thread.start()
        deadline = time.monotonic() + 10
        while not site.hits and time.monotonic() < deadline:  # the first run holds the lock and is fetching
            time.sleep(0.02)
        with pytest.raises(RunLockHeld):
            _run(tmp_path, site, sources=sources)
        thread.join()
    assert first and first[0].sources[0].counts.new >= 6


class _PinnedColumn(SiteServer):
    """A jpaas column whose page 1 opens with a pinned (置顶) old row, as list pages pin a notice on top."""

    pinned = ""

    def jpaas(self, host: str, query: dict[str, list[str]]) -> bytes | None:
        body = super().jpaas(host, query)
        if body is None or not self.pinned or query.get("pageNo", ["1"])[0] != "1":
            return body
        data = json.loads(body)
        data["data"]["html"] = data["data"]["html"].replace("<ul>", f'<ul><li><a href="/{self.pinned}" title="[置顶]">'
                                                             "[置顶]</a><span>[2025-04-09]</span></li>", 1)
        return json.dumps(data, ensure_ascii=False).encode()


def _press_conference(n: int) -> bytes:
    day = f"2026-{7 + n // 20:02d}-{1 + n % 20:02d}"
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="SiteName" content="中华人民共和国商务部">'
            f'<meta name="ArticleTitle" content="商务部例行新闻发布会（{day}）"><meta name="PubDate" content="{day} 15:00">'
            f'<title>例行新闻发布会</title></head><body><div class="art-con art-con-bottonmLine"><p>商务部新闻发言人出席发布会，'
            f"介绍近期商务工作有关情况，并回答记者提问。</p><p>发布会实录将另行刊发。</p></div></body></html>").encode()


def test_an_update_reads_on_past_a_pinned_known_row_and_a_burst_of_new_rows(tmp_path, monkeypatch):
    """pages29 (st4, st5): between two runs more new rows came on the jpaas column than an update reads (3 pages; 1
    here, to keep the test small) above a new notice, and page 1 opens with a pinned row of a stored notice. The
    update stopped at the pinned row (a known link on page 1), and read at most its usual pages: the notice was never
    read, and nothing said so. Now it reads on until a page's last row is one it had, and says it read more pages."""
    import mofcom_watch.cycle as cycle
    from scraper.discovery import CrawlSettings

    monkeypatch.setattr(cycle, "CrawlSettings", partial(CrawlSettings, update_pages=1))
    n22 = "zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
    n23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
    sources = [s for s in load_sources() if s.name == "mofcom-policy-list"]
    pages = {f"{WWW}/{p}": (FIXTURES / WWW / p).read_bytes() for p in (n22, UEL8.split("/", 1)[1])}
    with _PinnedColumn(None, pages=pages, columns={WWW: "zwgk/zcfb/"}) as site:
        settings, first = _run(tmp_path, site, sources=sources)
        for n in range(20):  # the new notice is row 22 (the pinned row and 20 on page 1): page 2
            site.set_page(f"{WWW}/zwgk/zcfb/art/2026/art_{n + 1:032x}.html", _press_conference(n))
        site.set_page(f"{WWW}/{n23}", (FIXTURES / WWW / n23).read_bytes())
        site.pinned = n22
        site.reset_hits()
        _settings, second = _run(tmp_path, site, sources=sources)
        asked = [h.path for h in site.hits]
    assert first.sources[0].mode == "backfill" and second.sources[0].mode == "update"
    assert f"{WWW}/{n23}" in asked, sorted(asked)
    assert "MOFCOM-2026-23" in _notices(settings.database_url)
    assert second.sources[0].failures == () and any("2 pages read to reach links already stored" in n for n in second.sources[0].notes), \
        (second.sources[0].failures, second.sources[0].notes)


class _CutPage(SiteServer):
    """A jpaas column whose page ``cut`` answers its list body cut in half (200): a failure of that page."""

    cut: int | None = None

    def jpaas(self, host: str, query: dict[str, list[str]]) -> bytes | None:
        body = super().jpaas(host, query)
        if body is not None and self.cut is not None and query.get("pageNo", ["1"])[0] == str(self.cut):
            return body[: len(body) // 2]
        return body


def test_an_update_past_its_reach_warns_and_the_next_reads_on_from_its_last_row(tmp_path, monkeypatch):
    """pages29's 25-page bound (lead, session 30): an update that read as many pages as it may (update_reach; 1 here,
    on a column of 5 rows a page) without reaching a stored link said so in a note only, and the next update stopped
    at page 1 (its rows now stored): the rows past it, here 2026 No. 23, were never read. Now it is a source-health
    warning, "discovery may be incomplete", naming the column and the last row read; a walk that fails before it has
    read on past that row keeps it open (page 1 answered: a warning closes where its URL answered), and the next
    walk reads on past that row to links stored before it, reads No. 23, and the warning closes."""
    import dataclasses

    import mofcom_watch.cycle as cycle
    from scraper.discovery import CrawlSettings
    from storage.health import open_warnings

    def warnings_open() -> list[tuple[str, str]]:
        engine = open_store(settings.database_url)
        try:
            with session_factory(engine)() as session:
                return [(w.kind, w.detail) for w in open_warnings(session)]
        finally:
            engine.dispose()

    monkeypatch.setattr(cycle, "CrawlSettings", partial(CrawlSettings, update_pages=1, update_reach=1))
    n22 = "zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
    n23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
    sources = [dataclasses.replace(s, page_size=5) for s in load_sources() if s.name == "mofcom-policy-list"]
    pages = {f"{WWW}/{p}": (FIXTURES / WWW / p).read_bytes() for p in (n22, UEL8.split("/", 1)[1])}
    with _CutPage(None, pages=pages, columns={WWW: "zwgk/zcfb/"}) as site:
        settings, _first = _run(tmp_path, site, sources=sources)
        for n in range(6):  # 6 new rows above No. 23: page 1 all new, No. 23 on page 2
            site.set_page(f"{WWW}/zwgk/zcfb/art/2026/art_{n + 1:032x}.html", _press_conference(n))
        site.set_page(f"{WWW}/{n23}", (FIXTURES / WWW / n23).read_bytes())
        _settings, second = _run(tmp_path, site, sources=sources)
        warned = warnings_open()
        site.cut = 2
        _settings, failed = _run(tmp_path, site, sources=sources)
        assert not failed.ok and warnings_open() == warned, (failed.sources[0].failures, warnings_open())
        site.cut = None
        site.reset_hits()
        _settings, third = _run(tmp_path, site, sources=sources)
        asked = [h.path for h in site.hits]
    [(kind, detail)] = warned
    assert kind == "warning" and detail.startswith("discovery may be incomplete: column /zwgk/zcfb/: 1 pages of "), detail
    assert f"(the last row read: https://{WWW}/zwgk/zcfb/art/2026/art_{2:032x}.html)" in detail, detail
    assert second.ok and [w.reason for w in second.sources[0].warnings] == ["discovery-incomplete"]
    assert f"{WWW}/{n23}" in asked and "MOFCOM-2026-23" in _notices(settings.database_url), sorted(asked)
    assert third.ok and third.sources[0].warnings == () and any(
        "discovery is complete again" in n for n in third.sources[0].notes), third.sources[0].notes
    assert [k for k in third.sources[0].resolved if "discovery-incomplete" in k], third.sources[0].resolved


class _RowsWithoutUrl(SiteServer):
    """A list endpoint answering exportcontrol's getColumnList rows, one of them with ``"url": null``."""

    def jpaas(self, host: str, query: dict[str, list[str]]) -> bytes | None:
        if query.get("pageNo", ["1"])[0] != "1":
            return json.dumps({"pageInfo": {"total": 2, "rows": []}}).encode()
        rows = [{"id": 2, "title": "商务部新闻发言人就出口管制管控名单答记者问", "url": None},
                {"id": 1, "title": "商务部公告2025年第22号", "url": "/zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"}]
        return json.dumps({"pageInfo": {"total": 2, "rows": rows}}, ensure_ascii=False).encode()


def test_a_listed_row_without_a_url_is_said_in_the_runs_notes(tmp_path):
    """pages29/10: a getColumnList row with ``"url": null`` was left out with no word; a row the site lists that cannot
    be followed is a notice possibly missed: the run's notes name it (the row beside it is read)."""
    n22 = "zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
    sources = [s for s in load_sources() if s.name == "mofcom-policy-list"]
    with _RowsWithoutUrl(None, pages={f"{WWW}/{n22}": (FIXTURES / WWW / n22).read_bytes()},
                         columns={WWW: "zwgk/zcfb/"}) as site:
        settings, result = _run(tmp_path, site, sources=sources)
    assert "MOFCOM-2025-22" in _notices(settings.database_url)
    assert any("1 row(s) listed with no URL, not followed (a notice may be missed): 商务部新闻发言人就出口管制管控名单答记者问" in n
               for n in result.sources[0].notes), result.sources[0].notes


class _CappedPages(SiteServer):
    """A jpaas endpoint answering at most 3 rows a page, whatever pageSize asks."""

    def jpaas(self, host: str, query: dict[str, list[str]]) -> bytes | None:
        return super().jpaas(host, {**query, "pageSize": [str(min(3, int(query.get("pageSize", ["20"])[0])))]})


def test_a_list_answering_fewer_rows_a_page_than_asked_is_read_past_its_page_one(tmp_path):
    """pages30 S1: the list endpoint answers fewer rows a page than the source asks (20): page 1, short, was read as the
    list's last; a backfill read 1 page, 2026 No. 23 on page 3 was never read, exit 0, nothing said. Now the first
    short page of a walk is followed by one more request: rows past it mean the list pages short, and it is read on,
    said in a note; the list's real last page (short again) ends the walk."""
    n23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
    sources = [s for s in load_sources() if s.name == "mofcom-policy-list"]
    pages = {f"{WWW}/zwgk/zcfb/art/2026/art_{n + 1:032x}.html": _press_conference(n) for n in range(6)}
    pages[f"{WWW}/{n23}"] = (FIXTURES / WWW / n23).read_bytes()
    with _CappedPages(None, pages=pages, columns={WWW: "zwgk/zcfb/"}) as site:
        settings, result = _run(tmp_path, site, sources=sources)
        asked = [h.path for h in site.hits if "jpaas" in h.path]
    assert "MOFCOM-2026-23" in _notices(settings.database_url), result.sources[0].notes
    assert result.ok and len(asked) == 3, asked  # 3 + 3 + 1 rows: page 3 is short again, the end
    assert any("the list answers 3 rows a page, not the 20 asked" in n for n in result.sources[0].notes), \
        result.sources[0].notes


def test_with_overrides_no_other_host_is_ever_fetched(tmp_path):
    sources = [s for s in load_sources() if s.name == "mofcom-announcements"]  # its 2024 index links aqygzj
    with SiteServer(FIXTURES) as site:
        result = run_cycle(Settings(data_dir=tmp_path), as_of=AS_OF, base_urls={WWW: site.base_url(WWW)},
                           policy=POLICY, sources=sources, progress=False, out_dir=tmp_path / "feeds")
    notes = result.sources[0].notes
    assert any("hosts without a --base-url not followed" in n for n in notes)
    assert not [f for f in result.sources[0].failures if "aqygzj" in f.url]
    # the 2024 index links only the aqygzj page: out of reach, not an index with zero links
    assert result.sources[0].failures == () and result.ok and not result.held_back
    assert result.new_events > 0


def test_an_update_follows_a_bounded_number_of_new_links_and_leaves_the_rest_for_the_next_runs(tmp_path, monkeypatch):
    """health40 M45 (health41): an index flooded with 2,000 new rows had every one fetched in one run (40 minutes at a
    1 s delay, the run lock held). An update now follows at most ``new_pages`` new links of a source (2 here), and says
    the rest are left in a discovery-incomplete warning naming the last row left; the next updates read the index on
    to that row (its page unchanged: from its stored copy) and follow the links still unstored, 2 a run, until none is
    left and the warning closes. No link is lost: 2026 No. 23, the last row of 7 new ones, is read by the fourth."""
    import mofcom_watch.cycle as cycle
    from scraper.discovery import CrawlSettings
    from storage.health import open_warnings

    def warnings_open() -> list[str]:
        engine = open_store(settings.database_url)
        try:
            with session_factory(engine)() as session:
                return [w.detail for w in open_warnings(session)]
        finally:
            engine.dispose()

    monkeypatch.setattr(cycle, "CrawlSettings", partial(CrawlSettings, new_pages=2))
    n22 = "zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
    n23 = "zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
    sources = [s for s in load_sources() if s.name == "mofcom-policy-list"]
    pages = {f"{WWW}/{p}": (FIXTURES / WWW / p).read_bytes() for p in (n22, UEL8.split("/", 1)[1])}
    new = [f"{WWW}/zwgk/zcfb/art/2026/art_{n + 1:032x}.html" for n in range(6)] + [f"{WWW}/{n23}"]
    with SiteServer(None, pages=pages, columns={WWW: "zwgk/zcfb/"}) as site:
        settings, _first = _run(tmp_path, site, sources=sources)  # a backfill: no bound
        for n, url in enumerate(new[:6]):  # 6 new rows above No. 23 (dated after it)
            site.set_page(url, _press_conference(n))
        site.set_page(new[6], (FIXTURES / WWW / n23).read_bytes())
        followed, told = [], []
        for _ in range(4):
            site.reset_hits()
            _settings, result = _run(tmp_path, site, sources=sources)
            # (a page already read and asked again conditionally is no link followed: the pages read as no notice are,
            # for two days, cycles58 M9)
            followed.append(sorted(h.path for h in site.hits if h.path in new and not h.conditional))
            told.append((result.ok, [w.detail for w in result.sources[0].warnings], warnings_open()))
    assert [len(f) for f in followed] == [2, 2, 2, 1], followed
    assert sorted(sum(followed, [])) == sorted(new), "every new link followed once"
    for ok, warned, still in told[:3]:
        [detail] = warned
        assert ok and "new links listed that this run did not follow (a run follows at most 2 new links" in detail, warned
        assert f"(the last row left: https://{new[6]})" in detail, detail
        assert still == warned
    assert told[0][1][0].startswith(f"https://{WWW}/") and ": 5 new links listed" in told[0][1][0], told[0]
    assert told[3] == (True, [], []), told[3]
    assert "MOFCOM-2026-23" in _notices(settings.database_url)


UPGRADED = ("mofcom-qa", "mofcom-policy")  # the sources of the four upgrade tests below


@pytest.fixture(scope="module")
def upgrade_first(tmp_path_factory):
    """The first cycle the four upgrade tests below each ran alike (mofcom-qa and mofcom-policy, a fresh store): run
    once, its store closed (``storage.keptstore``: no write-ahead log left open), its data folder and result; each
    test goes on from a copy (:func:`_after_first`). The site's validators are its bodies' hashes and a fixed
    date, so a new site server answers the copy's conditional requests as the first one would have."""
    tmp = tmp_path_factory.mktemp("upgrade-first")
    with SiteServer(FIXTURES) as site:
        _settings, first = _run(tmp, site, sources=[s for s in load_sources() if s.name in UPGRADED])
    close_kept_store()
    return tmp / "run", first


def _after_first(upgrade_first, tmp: Path):
    """A copy of the first cycle's data folder at ``tmp/run`` (the feed files with their times: the folder's mark
    is their names, sizes and times), its publish log naming the copy's feeds folder as a first cycle there would
    have: the settings and the first cycle's result."""
    import sqlite3

    folder, first = upgrade_first
    shutil.copytree(folder, tmp / "run")
    with sqlite3.connect(tmp / "run" / "mofcom-watch.sqlite") as db:
        moved = db.execute("UPDATE publication SET target = ? WHERE target = ?",
                           (str(tmp / "run" / "feeds"), str(folder / "feeds"))).rowcount
    db.close()
    assert moved == 1, "the first cycle's publish names its feeds folder"
    return Settings(data_dir=tmp / "run", public_base_url=BASE), first


def test_pages_an_earlier_parser_read_are_fetched_whole_and_read_again(tmp_path, upgrade_first):
    """ops42: after an upgrade, every page the old version had read answered 304 to the new one's conditional
    request and was never read by the new parser (the container: fec8b693's store, main's image: parsed=0,
    not_modified=36); a parser fix never reached a notice already stored, its false items kept for good. A page
    another parser read gets no validators: fetched whole, read again (same reading here: nothing published), then
    asked conditionally again."""
    from sqlalchemy import create_engine, update

    from scraper.parser_identity import parser_digest
    from storage.models import Snapshot

    sources = [s for s in load_sources() if s.name in UPGRADED]
    settings, first = _after_first(upgrade_first, tmp_path)
    with SiteServer(FIXTURES) as site:
        assert first.parsed > 5
        engine = create_engine(settings.database_url)
        with engine.begin() as conn:  # the store as an earlier version left it
            conn.execute(update(Snapshot).values(parser_digest="0" * 64))
        _settings, upgraded = _run(tmp_path, site, sources=sources)
        _settings, next_one = _run(tmp_path, site, sources=sources)
    assert upgraded.not_modified == 0 and upgraded.parsed >= first.parsed, (upgraded.parsed, upgraded.not_modified)
    assert upgraded.new_events == 0 and upgraded.corrected_events == 0
    with engine.connect() as conn:
        assert set(conn.scalars(select(Snapshot.parser_digest).distinct())) == {parser_digest()}
    engine.dispose()
    assert next_one.not_modified > 5 and next_one.parsed == 0 and next_one.bodies == 0


def test_stored_notices_no_page_asks_again_are_read_by_the_new_parser(tmp_path, upgrade_first):
    """order44: after an upgrade only the pages a cycle asks again were read by the new parser (above); a notice older
    than its source's recent pages re-checked (``revalidate``: 20), bytes unchanged, kept the earlier parser's reading
    for good, so the upgraded store said what a fresh store does not (b58a4b48 -> main on mfa44's pages served as a
    site: 5 of 51 MFA notices kept session 43's reading; two lifts stayed unresolved references). Here the pages no
    cycle asks are those of a source this cycle does not crawl (the same path: the crawl never hands them over):
    each is read again from its stored bytes, once."""
    from sqlalchemy import create_engine, update

    from scraper.parser_identity import parser_digest
    from storage.models import Page, Snapshot

    both = [s for s in load_sources() if s.name in UPGRADED]
    settings, first = _after_first(upgrade_first, tmp_path)
    with SiteServer(FIXTURES) as site:
        engine = create_engine(settings.database_url)
        with engine.begin() as conn:  # the store as an earlier version left it
            conn.execute(update(Snapshot).values(parser_digest="0" * 64))
        _settings, upgraded = _run(tmp_path, site, sources=both[:1])  # (the other source's pages are not asked)
        _settings, next_one = _run(tmp_path, site, sources=both[:1])
    with engine.connect() as conn:
        stale = conn.execute(select(Page.url, Page.source).join(Snapshot, and_(Snapshot.page_id == Page.id,
                                                                               Snapshot.sha256 == Page.last_sha256))
                             .where(Snapshot.outcome == "notice", Snapshot.parser_digest != parser_digest())).all()
        notices = conn.scalar(select(func.count()).select_from(Snapshot).where(Snapshot.outcome == "notice"))
    engine.dispose()
    assert notices > 5 and not stale, stale  # was: every mofcom-policy notice kept the earlier digest (and reading)
    assert upgraded.new_events == 0 and upgraded.corrected_events == 0  # the same reading here: nothing published
    assert next_one.new_events == 0 and next_one.bodies == 0


def test_a_stored_notice_read_again_that_cannot_be_stored_is_said_each_cycle(tmp_path, upgrade_first):
    """order44's B (session 45, quiet45): ``read_stale`` passed over a page read again that could not be stored (its
    transaction rolled back, the copy keeping the earlier parser's mark): retried every cycle, said nowhere, the cycle
    green. Now an unusable-page issue names the page, the copy and why (``status`` and the cycle's ``open_issues``),
    the other pages are read all the same and the feeds published; the next cycle tries again (the issue refreshed,
    not opened again); once it is stored, the issue is resolved. The refusal is a real SQLite trigger on the one
    snapshot row (a bad record), the store otherwise whole."""
    from sqlalchemy import create_engine, text, update

    from scraper.parser_identity import parser_digest
    from storage.models import Page, Snapshot

    both = [s for s in load_sources() if s.name in UPGRADED]
    url = f"https://{QA_UEL_0514}"  # (a mofcom-qa page: the cycles below crawl mofcom-policy alone)
    settings, _first = _after_first(upgrade_first, tmp_path)
    with SiteServer(FIXTURES) as site:
        engine = create_engine(settings.database_url)
        with engine.begin() as conn:  # the store as an earlier version left it, one row refusing any update
            conn.execute(update(Snapshot).values(parser_digest="0" * 64))
            snap = conn.scalar(select(Snapshot.id).join(Page, Page.id == Snapshot.page_id).where(Page.url == url))
            conn.execute(text(f"CREATE TRIGGER refuse_one BEFORE UPDATE ON {Snapshot.__tablename__} "
                              f"WHEN OLD.id = {snap} BEGIN SELECT RAISE(ABORT, 'a bad record'); END"))
        _settings, upgraded = _run(tmp_path, site, sources=both[:1])  # (mofcom-qa's pages are not asked)
        _settings, again = _run(tmp_path, site, sources=both[:1])
        with engine.connect() as conn:
            issue = conn.execute(select(HealthIssue.key, HealthIssue.kind, HealthIssue.detail, HealthIssue.resolved_at,
                                        HealthIssue.first_seen, HealthIssue.last_seen)
                                 .where(HealthIssue.url == url)).one()
            stale = conn.scalars(select(Page.url).join(Snapshot, and_(Snapshot.page_id == Page.id,
                                                                      Snapshot.sha256 == Page.last_sha256))
                                 .where(Snapshot.outcome == "notice", Snapshot.parser_digest != parser_digest())).all()
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER refuse_one"))
        _settings, fixed = _run(tmp_path, site, sources=both[:1])
    with engine.connect() as conn:
        resolved = conn.scalar(select(HealthIssue.resolved_at).where(HealthIssue.key == issue.key))
    engine.dispose()
    assert stale == [url], stale  # the other notices were read again all the same
    assert issue.kind == "unusable-page" and issue.resolved_at is None, issue
    assert issue.detail.startswith(f"{url}: a stored copy of QA-2025-05-14-cf01eaa4 (fetched "), issue.detail
    assert ("read again by this version's parser after an upgrade, could not be stored (not stored: IntegrityError: "
            in issue.detail and "a bad record" in issue.detail and issue.detail.endswith(
                "the reading of an earlier version stands in the feeds; it is read again each cycle")), issue.detail
    for cycle in (upgraded, again):  # said, and the cycle went on: published, its open issues naming it
        assert not cycle.ok and issue.key in cycle.open_issues, cycle
        assert cycle.open_issue_details[cycle.open_issues.index(issue.key)] == issue.detail
        assert cycle.published or cycle is again
    assert resolved is not None and fixed.ok and issue.key not in fixed.open_issues, fixed


def test_a_copy_an_earlier_parser_failed_on_is_read_by_the_new_one(tmp_path, upgrade_first):
    """A stored copy an earlier version's parser failed on (outcome ``error``: no reading, the notice read before
    stands) is read again by the next parser as a notice's copy is (quiet45): ``read_stale`` asked only copies read
    as notices, so a parser fixed for that page never reached it unless the crawl asked it again (and an issue
    ``read_stale`` opened for it could never be resolved)."""
    from sqlalchemy import create_engine, update

    from scraper.parser_identity import parser_digest
    from storage.models import Page, Snapshot

    both = [s for s in load_sources() if s.name in UPGRADED]
    url = f"https://{QA_UEL_0514}"  # (a mofcom-qa page: the cycle below crawls mofcom-policy alone)
    settings, _first = _after_first(upgrade_first, tmp_path)
    with SiteServer(FIXTURES) as site:
        engine = create_engine(settings.database_url)
        with engine.begin() as conn:  # the store as an earlier version left it: its parser failed on this copy
            conn.execute(update(Snapshot).values(parser_digest="0" * 64))
            snap = conn.scalar(select(Snapshot.id).join(Page, Page.id == Snapshot.page_id).where(Page.url == url))
            conn.execute(update(Snapshot).where(Snapshot.id == snap).values(
                outcome="error", notice_key=None, detail="parser error: IndexError: list index out of range"))
        _settings, upgraded = _run(tmp_path, site, sources=both[:1])  # (mofcom-qa's pages are not asked)
    with engine.connect() as conn:
        got = conn.execute(select(Snapshot.outcome, Snapshot.notice_key, Snapshot.parser_digest)
                           .where(Snapshot.id == snap)).one()
    engine.dispose()
    assert tuple(got) == ("notice", "QA-2025-05-14-cf01eaa4", parser_digest()), got
    assert upgraded.new_events == 0 and upgraded.corrected_events == 0


def test_the_runs_summary_says_what_each_open_issue_is(tmp_path):
    """user42's B: `run`'s summary listed its open issues as bare keys ("mofcom-qa/zero-links/https://…") under
    "(mofcom-watch status)"; an operator reading cron's mail learnt which, not what. Each key now carries its detail,
    the words `status` and the source-health feed give it."""
    from rich.console import Console

    from mofcom_watch.commands.run_cmd import print_summary

    sources = [s for s in load_sources() if s.name == "mofcom-qa"]
    with SiteServer(FIXTURES) as site:
        site.faults[QA_INDEX] = Fault("zero-links")
        settings, broken = _run(tmp_path, site, sources=sources)
    engine = open_store(settings.database_url)
    with session_factory(engine)() as session:
        (issue,) = open_health_issues(session)
        key, detail = issue.key, issue.detail
    engine.dispose()
    assert detail and broken.open_issues == (key,)
    console = Console(record=True, width=400, color_system=None)
    print_summary(broken, console)
    lines = console.export_text().splitlines()
    assert f"  {key}: {detail}" in lines, lines
