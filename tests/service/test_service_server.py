"""The HTTP server: validators and 304s, gzip, HEAD, read-only, /healthz, front page, OPML."""

from __future__ import annotations

import gzip
import os
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from feeds.identity import feed_url
from mofcom_watch.server import create_app
from mofcom_watch.server.app import DATABASE_REFUSED
from mofcom_watch.server.data import OpenIssue, Part, SourceHealth, StoreData
from storage.records import EventKind, EventRecord, ListingState, ListKind, StatusRow

BASE = "http://feeds.test/feeds/"
AS_OF = date(2026, 11, 29)


def atom(title: str, items: int = 1) -> str:
    entries = "".join(
        f"<entry><id>tag:x,2025:{i}</id><title>Item {i} 斯凯迪奥</title><updated>2025-05-14T00:00:00Z</updated></entry>"
        for i in range(items)
    )
    return (f"<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            f"<id>urn:x</id><title>{title}</title><updated>2025-05-14T00:00:00Z</updated>{entries}</feed>\n")


def rss(title: str) -> str:
    return f"<?xml version='1.0' encoding='UTF-8'?>\n<rss version=\"2.0\"><channel><title>{title}</title></channel></rss>\n"


@pytest.fixture
def feeds_dir(tmp_path: Path) -> Path:
    d = tmp_path / "feeds"
    (d / "entity").mkdir(parents=True)
    for name, title in [("all", "All listing events"), ("ecl", "Export control list"), ("uel", "Unreliable entity list"),
                        ("entity/skydio", "Skydio")]:
        (d / f"{name}.atom").write_text(atom(title, items=20), encoding="utf-8")
        (d / f"{name}.rss").write_text(rss(title), encoding="utf-8")
    (d / "notes.txt").write_text("not a feed")
    (tmp_path / "secret.atom").write_text("outside the feeds folder")
    return d


@dataclass
class StandIn:
    """A SiteData stand-in with fixed rows."""

    last: datetime | None = None
    db_error: str | None = None
    states_rows: tuple = ()
    event_rows: tuple = ()
    source_rows: tuple = ()
    issue_rows: tuple = ()
    calls: list[str] = field(default_factory=list)

    def ping(self) -> str | None:
        return self.db_error

    def last_cycle(self) -> datetime | None:
        return self.last

    def states(self, as_of: date) -> Part:
        self.calls.append(f"states {as_of}")
        return Part(self.states_rows)

    def events(self, as_of: date, limit: int) -> Part:
        return Part(self.event_rows[:limit])

    def sources(self) -> Part:
        return Part(self.source_rows)

    def issues(self) -> Part:
        return Part(self.issue_rows)

    def bands(self, as_of: date) -> Part:
        return Part(())

    def entity(self, key: str, as_of: date) -> Part:
        return Part(())

    def search(self, query: str) -> Part:
        return Part(())

    def snapshot(self, sha256: str) -> None:
        return None


def client(feeds_dir: Path, data: StandIn, **kw) -> TestClient:
    app = create_app(feeds_dir=feeds_dir, feeds_base_url=BASE, data=data, as_of=kw.pop("as_of", AS_OF), **kw)
    return TestClient(app)


def test_feed_200_with_validators_then_304(feeds_dir: Path) -> None:
    c = client(feeds_dir, StandIn())
    r = c.get("/feeds/all.atom")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/atom+xml")
    assert r.content == (feeds_dir / "all.atom").read_bytes()
    etag, last_modified = r.headers["etag"], r.headers["last-modified"]
    assert etag and last_modified and "max-age" in r.headers["cache-control"]
    again = c.get("/feeds/all.atom", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert c.get("/feeds/all.atom", headers={"If-None-Match": '"other", ' + etag}).status_code == 304
    assert c.get("/feeds/all.atom", headers={"If-Modified-Since": last_modified}).status_code == 304
    assert c.get("/feeds/all.atom", headers={"If-None-Match": '"stale"'}).status_code == 200
    older = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert c.get("/feeds/all.atom", headers={"If-Modified-Since": older}).status_code == 200
    # If-None-Match wins over If-Modified-Since
    assert c.get("/feeds/all.atom", headers={"If-None-Match": '"stale"', "If-Modified-Since": last_modified}
                 ).status_code == 200
    rss_r = c.get("/feeds/entity/skydio.rss")
    assert rss_r.status_code == 200 and rss_r.headers["content-type"].startswith("application/rss+xml")


def test_changed_feed_gets_new_etag(feeds_dir: Path) -> None:
    c = client(feeds_dir, StandIn())
    first = c.get("/feeds/ecl.atom").headers["etag"]
    path = feeds_dir / "ecl.atom"
    path.write_text(atom("Export control list", items=21), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    r = c.get("/feeds/ecl.atom", headers={"If-None-Match": first})
    assert r.status_code == 200 and r.headers["etag"] != first and b"Item 20" in r.content


class _PublishAfterRead:
    """A feed file opened for reading that, once read, has a publish rename a new file over its path."""

    def __init__(self, fh: Any, publish: Callable[[], None]) -> None:
        self._fh, self._publish = fh, publish

    def __enter__(self) -> _PublishAfterRead:
        return self

    def __exit__(self, *_: object) -> None:
        self._fh.close()

    def fileno(self) -> int:
        return int(self._fh.fileno())

    def read(self, *args: Any) -> bytes:
        data = bytes(self._fh.read(*args))
        self._publish()
        return data


def test_a_publish_during_a_read_never_gives_the_new_file_the_old_etag(feeds_dir: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """reader34: the bytes were read, then the path stat()ed: a publish between the two cached the old bytes' ETag
    under the new file's mtime and size, and a reader polling with that ETag got 304 for the new file."""
    c = client(feeds_dir, StandIn())
    path = feeds_dir / "ecl.atom"
    old_etag = c.get("/feeds/ecl.atom").headers["etag"]  # a reader's poll before the publish

    def publish() -> None:
        tmp = path.with_name("ecl.atom.tmp")
        tmp.write_text(atom("Export control list", items=21), encoding="utf-8")
        later = time.time() + 5
        os.utime(tmp, (later, later))
        os.replace(tmp, path)

    real_open, pending = Path.open, [publish]

    def opening(self: Path, *args: Any, **kwargs: Any) -> Any:
        fh = real_open(self, *args, **kwargs)
        return _PublishAfterRead(fh, pending.pop()) if self.name == path.name and pending else fh

    monkeypatch.setattr(Path, "open", opening)
    straddling = c.get("/feeds/ecl.atom")  # another request, reading the old file as the new one lands
    monkeypatch.undo()
    assert not pending, "the publish did not happen during the read"
    assert b"Item 20" not in straddling.content and straddling.headers["etag"] == old_etag
    r = c.get("/feeds/ecl.atom", headers={"If-None-Match": old_etag})
    assert r.status_code == 200 and b"Item 20" in r.content and r.headers["etag"] != old_etag


def test_gzip_and_head(feeds_dir: Path) -> None:
    c = client(feeds_dir, StandIn())
    r = c.get("/feeds/all.atom", headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"
    assert r.content == (feeds_dir / "all.atom").read_bytes()  # httpx decodes it
    raw = c.get("/feeds/all.atom", headers={"Accept-Encoding": "gzip"}, extensions={})
    assert "accept-encoding" in raw.headers.get("vary", "").lower()
    with c.stream("GET", "/feeds/all.atom", headers={"Accept-Encoding": "gzip"}) as streamed:
        body = b"".join(streamed.iter_raw())
    assert gzip.decompress(body) == (feeds_dir / "all.atom").read_bytes()
    h = c.head("/feeds/all.atom")
    assert h.status_code == 200 and h.content == b"" and h.headers["etag"]
    assert c.head("/").status_code == 200


def test_healthz_says_open_source_health_issues_apart_from_liveness(feeds_dir: Path) -> None:
    """"status": "ok" with 3 open issues read as all clear (wording29): the body says them in a field to alert on;
    the service stays alive for the container's health check (HTTP 200, "status": "ok")."""
    issue = OpenIssue("replay", "count-mismatch", "MOFCOM-2026-11: parsed 0 entities, the notice states 20", None,
                      None, None)
    now = datetime.now(UTC)
    said = client(feeds_dir, StandIn(last=now, issue_rows=(issue, issue, issue))).get("/healthz")
    body = said.json()
    assert said.status_code == 200 and body["status"] == "ok" and body["open_issues"] == 3
    assert body["source_health"] == "problems" and body["source_health_note"].startswith("3 open source-health issues:")
    clean = client(feeds_dir, StandIn(last=now)).get("/healthz").json()
    assert clean["source_health"] == "ok" and "source_health_note" not in clean

    class Unread(StandIn):
        def issues(self) -> Part:
            return Part((), "issues unavailable: OperationalError")

    unread = client(feeds_dir, Unread(last=now)).get("/healthz").json()  # never "ok" for issues not read
    assert unread["source_health"] == "unknown" and "OperationalError" in unread["source_health_note"]


def test_healthz_says_a_source_whose_last_run_failed_before_its_issue_opens(feeds_dir: Path) -> None:
    """ops31, story32 S4: every fetch of a source failing, its first two runs left `source_health` "ok" (an issue opens
    after 3 in a row) while `status` said "LAST RUN FAILED" and exited 1: the field to alert on said all clear."""
    from mofcom_watch.server.data import SourceHealth

    now = datetime.now(UTC)
    down = SourceHealth("mfa-countermeasures", now, False, 3, 0, 1, "r1")
    up = SourceHealth("mofcom-announcements", now, True, 8, 0, 0, "r1")
    body = client(feeds_dir, StandIn(last=now, source_rows=(up, down))).get("/healthz").json()
    assert body["source_health"] == "problems" and body["failed_last_run"] == ["mfa-countermeasures"], body
    assert body["source_health_note"].startswith("1 source whose last run could not fetch every page "
                                                 "(mfa-countermeasures)"), body
    # once its issue is open, the issue says it; clean runs say "ok"
    issue = OpenIssue("mfa-countermeasures", "failing", "failed 3 runs in a row", None, None, None)
    opened = client(feeds_dir, StandIn(last=now, source_rows=(up, down), issue_rows=(issue,))).get("/healthz").json()
    assert "failed_last_run" not in opened and opened["source_health_note"].startswith("1 open source-health issue:")
    clean = client(feeds_dir, StandIn(last=now, source_rows=(up,))).get("/healthz").json()
    assert clean["source_health"] == "ok" and "failed_last_run" not in clean


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/", "/feeds/all.atom", "/feeds.opml", "/healthz"])
def test_no_write_methods(feeds_dir: Path, method: str, path: str) -> None:
    data = StandIn(last=datetime.now(UTC))
    r = client(feeds_dir, data).request(method, path, content=b"x")
    assert r.status_code == 405
    assert (feeds_dir / "all.atom").read_bytes() == atom("All listing events", items=20).encode()


@pytest.mark.parametrize("path", ["/feeds/notes.txt", "/feeds/../secret.atom", "/feeds/%2e%2e/secret.atom",
                                  "/feeds/missing.atom", "/nothing"])
def test_only_feed_files_are_served(feeds_dir: Path, path: str) -> None:
    r = client(feeds_dir, StandIn()).get(path)
    assert r.status_code == 404
    assert b"outside the feeds folder" not in r.content


@pytest.mark.parametrize("path", ["/feeds/", "/feeds"])
def test_the_feeds_folder_every_feed_names_as_its_home_leads_to_the_front_page(feeds_dir: Path, path: str) -> None:
    """The folder's URL is each feed's home link (Atom alternate, RSS <link>, JSON home_page_url): it answered 404
    (ops31, in the container: a reader's "visit website" was dead); the front page lists the feeds."""
    c = client(feeds_dir, StandIn(last=datetime.now(UTC)))
    r = c.get(path)
    assert r.status_code == 200 and r.url.path == "/"
    assert f'href="{BASE}all.atom"' in r.text
    assert [h.status_code for h in r.history][-1] == 303


def test_healthz(feeds_dir: Path) -> None:
    now = datetime.now(UTC)
    ok = client(feeds_dir, StandIn(last=now - timedelta(minutes=10)), stale_after=timedelta(hours=1)).get("/healthz")
    assert ok.status_code == 200 and ok.json()["status"] == "ok" and ok.json()["database"] == "ok"
    assert ok.headers["cache-control"] == "no-store"
    old = client(feeds_dir, StandIn(last=now - timedelta(hours=2)), stale_after=timedelta(hours=1)).get("/healthz")
    assert old.status_code == 503 and "last cycle finished 2 hours ago" in old.json()["problems"]
    down = client(feeds_dir, StandIn(last=now, db_error="OperationalError: connection refused")).get("/healthz")
    assert down.status_code == 503 and down.json()["problems"] == ["database unreachable"]
    refused = client(feeds_dir, StandIn(last=now, db_error='OperationalError: connection failed: connection to server at '
                                        '"127.0.0.1", port 5432 failed: FATAL:  password authentication failed for user '
                                        '"mofcom"')).get("/healthz")  # answered: no outage (ops35)
    assert refused.status_code == 503 and refused.json()["problems"] == [DATABASE_REFUSED], refused.json()
    # no cycle yet: healthy while starting, failing once the grace period is over
    fresh = client(feeds_dir, StandIn(), stale_after=timedelta(hours=1)).get("/healthz")
    assert fresh.status_code == 200 and fresh.json()["last_cycle"] is None
    never = client(feeds_dir, StandIn(), stale_after=timedelta(seconds=0)).get("/healthz")
    assert never.status_code == 503 and never.json()["problems"] == ["no cycle has finished"]
    # the in-process scheduler's last success counts too
    hinted = client(feeds_dir, StandIn(last=now - timedelta(days=1)), stale_after=timedelta(hours=1),
                    last_cycle_hint=lambda: now).get("/healthz")
    assert hinted.status_code == 200


@dataclass
class AgedStandIn(StandIn):
    """A store whose last cycle, last source answer and last good publish are all ``age`` old."""

    age: timedelta = timedelta(minutes=1, seconds=5)

    def last_answer(self) -> datetime | None:
        return datetime.now(UTC) - self.age

    def publications(self, folder: Path | None = None) -> tuple[object, object]:
        from storage.publications import PublishRecord

        good = PublishRecord(str(folder), datetime.now(UTC) - self.age, True, None, 3, 0)
        return good, good


@pytest.mark.parametrize(("age", "said"), [(timedelta(minutes=1, seconds=5), "1 minute"),
                                           (timedelta(hours=5, minutes=1), "5 hours"),
                                           (timedelta(days=3, hours=1), "3 days")])
def test_healthz_ages_said_as_status_says_them(feeds_dir: Path, age: timedelta, said: str) -> None:
    """Every age /healthz tells is clock.ago's ("1 minute", not "1 minutes"; "5 hours", not "301 minutes")."""
    data = AgedStandIn(last=datetime.now(UTC) - age, age=age)
    problems = client(feeds_dir, data, stale_after=timedelta(seconds=30)).get("/healthz").json()["problems"]
    assert f"last cycle finished {said} ago" in problems, problems
    assert f"last successful publish was {said} ago" in problems, problems
    assert any(p.startswith(f"no source answered for {said} (last at ") for p in problems), problems


def _row(**kw) -> StatusRow:
    base = dict(notice_key="UEL-2025-7", number="不可靠实体清单工作机制公告〔2025〕7号", title="关于将11家美国实体列入不可靠实体清单的公告",
                list=ListKind.UEL, state=ListingState.SUSPENDED, since=date(2025, 11, 10), until=date(2026, 12, 11),
                days_left=12, entity_count=11, by="QA-2025-11-05-aaaa")
    base.update(kw)
    return StatusRow(**base)


def test_front_page(feeds_dir: Path) -> None:
    occurred = datetime(2025, 11, 10, tzinfo=UTC)
    event = EventRecord(id="tag:mofcom-watch,2025:UEL-2025-7/suspension_extended/uel/2025-11-10",
                        kind=EventKind.SUSPENSION_EXTENDED, scope="notice", list=ListKind.UEL, notice_key="UEL-2025-7",
                        source_key="QA-1", entity_key=None, effective=date(2025, 11, 10), until=date(2026, 11, 10),
                        occurred=occurred, updated=occurred, title="Suspension of 11 US entities extended to 2026-11-10",
                        title_zh="继续暂停")
    data = StandIn(
        last=datetime.now(UTC),
        states_rows=(_row(), _row(notice_key="MOFCOM-2025-21", list=ListKind.ECL, state=ListingState.LAPSED,
                                  until=date(2026, 11, 10), days_left=-19, presumed=True)),
        event_rows=(event,),
        source_rows=(SourceHealth("mofcom-annual", datetime.now(UTC), False, 12, 1, 2, "r1"),),
        issue_rows=(OpenIssue("aqygzj", "zero-links", "the index yielded no links", "http://aqygzj.example/x", None, None),),
    )
    r = client(feeds_dir, data).get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert data.calls == ["states 2026-11-29"]
    for name in ("all", "ecl", "uel", "entity/skydio"):
        for fmt in ("atom", "rss"):
            assert f'href="{BASE}{name}.{fmt}"' in page
    assert f'<link rel="alternate" type="application/atom+xml" title="All listing events (atom)" href="{BASE}all.atom">' in page
    assert 'href="./feeds.opml"' in page
    assert "12 days left" in page and 'datetime="2026-12-11"' in page
    assert "lapsed: presumed back in force, needs review" in page
    # the lapsed row names the notice that set the suspension, not as if it made it lapse (user40)
    assert '<span class="muted">suspension set by QA-2025-11-05-aaaa</span>' in page
    assert '<span class="muted">by QA-2025-11-05-aaaa</span>' in page  # the suspended row: its deciding notice
    assert "Suspension of 11 US entities extended to 2026-11-10" in page and "继续暂停" in page
    assert "mofcom-annual" in page and "zero-links" in page and "1 open problem" in page
    assert "关于将11家美国实体列入不可靠实体清单的公告" in page


def test_front_page_marks_a_lapse_whose_title_says_needs_review_once(feeds_dir: Path) -> None:
    """A lapse's title says "needs review" (wording30): the page marks it, and does not add "presumed - needs review"."""
    occurred = datetime(2026, 11, 10, tzinfo=UTC)
    title = "Suspension lapsed: 11 US entities on the unreliable entity list (UEL-2025-7) presumed back in force, needs review"
    lapse = EventRecord(id="tag:mofcom-watch,2025:UEL-2025-7/suspension_lapsed/uel/2026-11-10",
                        kind=EventKind.SUSPENSION_LAPSED, scope="notice", list=ListKind.UEL, notice_key="UEL-2025-7",
                        source_key="QA-1", entity_key=None, effective=occurred.date(), until=occurred.date(),
                        occurred=occurred, updated=occurred, title=title, presumed=True)
    page = client(feeds_dir, StandIn(last=datetime.now(UTC), event_rows=(lapse,))).get("/").text
    assert f'<span class="bad">{title}</span>' in page and "presumed - needs review" not in page


def test_front_page_renders_when_empty(tmp_path: Path) -> None:
    r = client(tmp_path / "none", StandIn()).get("/")
    assert r.status_code == 200
    assert "No feeds written yet" in r.text and "No listings known yet" in r.text


def test_opml_lists_every_feed_once_in_each_format(feeds_dir: Path) -> None:
    """/feeds.opml lists each feed once, in Atom (wording29: every feed in every format, 330 outlines, gave a reader
    importing it each item three times); RSS and JSON Feed have OPML files of their own; a company's outline links
    to its page, not to "/"."""
    c = client(feeds_dir, StandIn())
    r = c.get("/feeds.opml")
    assert r.status_code == 200 and "opml" in r.headers["content-type"]
    root = ET.fromstring(r.content)
    outlines = [o for o in root.iter("outline") if o.get("xmlUrl")]
    urls = [o.get("xmlUrl") for o in outlines]
    expected = {f"{BASE}{p.relative_to(feeds_dir).as_posix()}" for p in feeds_dir.rglob("*.atom")}
    assert sorted(urls) == sorted(expected) and len(urls) == 4
    pages = {o.get("title"): o.get("htmlUrl") for o in outlines}
    # public_base_url names serve's feeds folder: its parent is the site (behind a proxy's prefix too)
    assert pages["Skydio"] == "http://feeds.test/entity/skydio" and pages["All listing events"] == "http://feeds.test/"
    groups = [o.get("text") for o in root.find("body")]  # type: ignore[union-attr]
    assert groups == ["mofcom-watch (Atom)", "mofcom-watch: one feed per company or person (Atom)"]
    assert c.get("/feeds.opml", headers={"If-None-Match": r.headers["etag"]}).status_code == 304
    rss = ET.fromstring(c.get("/feeds-rss.opml").content)
    assert sorted(o.get("xmlUrl") for o in rss.iter("outline") if o.get("xmlUrl")) == sorted(
        u.removesuffix(".atom") + ".rss" for u in expected)
    assert c.get("/feeds-json.opml").status_code == 200  # (no JSON file here: an OPML listing none)
    page = c.get("/").text
    assert 'href="./feeds.opml"' in page and 'href="./feeds-rss.opml"' in page and 'href="./feeds-json.opml"' in page


def test_a_feed_named_in_chinese_is_linked_by_the_url_its_own_self_link_gives(feeds_dir: Path) -> None:
    """reader36: /feeds.opml and the front page linked "…/entity/石平.atom", a raw IRI (not a URI a strict reader or
    OPML importer takes), where the feed's own self link is percent-encoded (``feeds.identity.feed_url``)."""
    (feeds_dir / "entity" / "石平.atom").write_text(atom("石平"), encoding="utf-8")
    c = client(feeds_dir, StandIn())
    want = feed_url(BASE, "entity/石平", "atom")
    assert want == f"{BASE}entity/%E7%9F%B3%E5%B9%B3.atom"
    urls = {o.get("xmlUrl") for o in ET.fromstring(c.get("/feeds.opml").content).iter("outline")}
    assert want in urls and not [u for u in urls if u and not u.isascii()]
    assert f'href="{want}"' in c.get("/").text
    assert c.get(want.removeprefix("http://feeds.test")).status_code == 200


def test_the_opml_page_links_keep_a_proxy_path_prefix() -> None:
    """The OPML's page links followed the request's Host: behind a proxy serving the site under /mofcom/ (public_base_url
    https://watch.example.org/mofcom/feeds/) they named https://watch.example.org/entity/<key>, out of the site (web32).
    With public_base_url naming serve's feeds folder, its parent is the site; without one, or naming a folder served
    elsewhere, the request's address, as before."""
    from mofcom_watch.server.pages import site_home

    asked = "https://watch.example.org/"
    assert site_home("https://watch.example.org/mofcom/feeds/", True, asked) == "https://watch.example.org/mofcom/"
    assert site_home("https://feeds.example.org/feeds/", True, asked) == "https://feeds.example.org/"
    assert site_home("http://127.0.0.1:8080/feeds/", False, asked) == asked  # not configured: serve's own address
    assert site_home("https://cdn.example.org/mofcom/", True, asked) == asked  # a folder served by something else


def test_an_entity_feed_named_by_a_hash_links_no_page() -> None:
    from mofcom_watch.server.feedfiles import FeedFile
    from mofcom_watch.server.pages import entity_page_url

    home = "http://x.test/"
    assert entity_page_url(FeedFile("entity/skydio", "Skydio", ("atom",), 0.0), home) == "http://x.test/entity/skydio"
    assert entity_page_url(FeedFile("entity/a-0123456789ab", "A", ("atom",), 0.0), home) is None  # a hashed key
    assert entity_page_url(FeedFile("all", "All", ("atom",), 0.0), home) is None


def test_store_backed_health(engine) -> None:  # noqa: ANN001 - conftest fixture; SQLite and PostgreSQL
    from storage.db import session_factory
    from storage.models import SourceRun
    from storage.publications import record_publication

    data = StoreData(engine)
    assert data.ping() is None
    assert data.last_cycle() is None
    assert data.sources().rows == () and data.issues().rows == ()
    finished = datetime.now(UTC) - timedelta(minutes=5)
    with session_factory(engine)() as session, session.begin():
        session.add(SourceRun(run_id="r1", source="mofcom-annual", started_at=finished - timedelta(minutes=1),
                              finished_at=finished, fetched=3, new=1, ok=True, failures=[]))
        # the cycle logs its publish too: a run that logged none is a problem (storage.publications.unpublished_run)
        record_publication(session, target="/nonexistent", started_at=finished, finished_at=finished, ok=True,
                           error=None, run_id="r1")
    last = data.last_cycle()
    assert last is not None and abs((last - finished).total_seconds()) < 1
    assert [s.source for s in data.sources().rows] == ["mofcom-annual"]
    app = create_app(feeds_dir=Path("/nonexistent"), feeds_base_url=BASE, data=data, stale_after=timedelta(hours=1))
    with TestClient(app) as c:
        # a fresh cycle, its publish logged, but no index page of any source ever answered (none is stored): a
        # store whose cycles never reached a site is no healthy one, however young the server (the answered case:
        # tests/faults/test_unattended_ops.py, healed to 200)
        r = c.get("/healthz")
        assert r.status_code == 503 and r.json()["problems"] == [
            "no source has answered yet (no index page answered 200 or 304): see `status`"], r.json()
        assert c.get("/").status_code == 200
    stale = create_app(feeds_dir=Path("/nonexistent"), feeds_base_url=BASE, data=data, stale_after=timedelta(minutes=1))
    assert TestClient(stale).get("/healthz").status_code == 503


def test_unreachable_database_is_503(tmp_path: Path) -> None:
    from storage.db import make_engine

    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    data = StoreData(engine)
    r = TestClient(create_app(feeds_dir=tmp_path, feeds_base_url=BASE, data=data)).get("/healthz")
    assert r.status_code == 503 and r.json()["database"].startswith("error: ")
    assert TestClient(create_app(feeds_dir=tmp_path, feeds_base_url=BASE, data=data)).get("/").status_code == 200


def test_healthz_says_when_this_process_s_last_cycle_failed_or_a_disk_is_nearly_full(feeds_dir: Path, monkeypatch) -> None:
    """A cycle that filled the disk may not have been able to record its failure in the store: /healthz hears it
    from the in-process scheduler, and looks at the disk under the feeds folder itself."""
    import mofcom_watch.diskspace as diskspace

    now = datetime.now(UTC)
    failed = client(feeds_dir, StandIn(last=now), stale_after=timedelta(hours=1),
                    last_failure=lambda: "the last cycle failed at 2026-12-02 03:00 UTC: StoreUnavailable: disk full")
    answer = failed.get("/healthz")
    assert answer.status_code == 503 and answer.json()["problems"] == [
        "the last cycle failed at 2026-12-02 03:00 UTC: StoreUnavailable: disk full"]
    monkeypatch.setattr(diskspace, "LOW_SPACE_BYTES", 1 << 62)  # every disk is "nearly full" below this
    monkeypatch.setattr(diskspace, "LOW_SPACE_SHARE", 2.0)
    low = client(feeds_dir, StandIn(last=now), stale_after=timedelta(hours=1)).get("/healthz")
    assert low.status_code == 503 and low.json()["problems"][0].startswith(f"the disk holding {feeds_dir} is nearly "
                                                                          "full (")
    assert low.json()["low_space"] == low.json()["problems"]


@pytest.mark.parametrize(("days", "said"), [(12, "12 days left"), (1, "1 day left"), (0, "ends today"),
                                            (-1, "ended 1 day ago"), (-3, "ended 3 days ago")])
def test_a_countdown_says_its_days_in_words(days: int, said: str) -> None:
    """Never "1 days left" / "ended 1 days ago" (the entity pages; `timeline` says it with the same words)."""
    from mofcom_watch.server.pages import countdown

    assert f">{said}</span>" in countdown(_row(days_left=days), date(2026, 11, 29))


def test_a_reader_by_another_address_than_the_links_name_is_said_once(feeds_dir: Path, caplog) -> None:
    """cli30: with no public_base_url the links name serve's own address; an OPML fetched through a proxy or by the
    machine's name listed feeds no reader there could follow, and nothing said so. A warning per host, once; none
    for the address the links name, this machine's loopback by another name, or a configured public URL."""
    import logging

    local = "http://localhost:8080/feeds/"
    c = TestClient(create_app(feeds_dir=feeds_dir, feeds_base_url=local, data=StandIn(), as_of=AS_OF,
                              links_configured=False))
    with caplog.at_level(logging.WARNING, logger="mofcom_watch.server"):
        for host in ("localhost:8080", "127.0.0.1:8080", "feeds.example.org", "feeds.example.org", "10.1.2.3:8080"):
            assert c.get("/feeds.opml", headers={"Host": host}).status_code == 200
        assert c.get("/", headers={"Host": "localhost:8080", "X-Forwarded-Host": "proxy.example.org"}).status_code == 200
    said = [r.fields["host"] for r in caplog.records if "another address" in r.getMessage()]  # type: ignore[attr-defined]
    assert said == ["feeds.example.org", "10.1.2.3:8080", "proxy.example.org"]
    caplog.clear()
    configured = TestClient(create_app(feeds_dir=feeds_dir, feeds_base_url=BASE, data=StandIn(), as_of=AS_OF))
    assert configured.get("/feeds.opml", headers={"Host": "elsewhere.example.org"}).status_code == 200
    assert not [r for r in caplog.records if "another address" in r.getMessage()]


def test_a_store_that_cannot_be_read_gets_no_answer_not_a_false_none(feeds_dir: Path) -> None:
    """ops32: ``serve`` while its PostgreSQL restarted answered ``/search?q=skydio`` 200 "search unavailable" and "No
    listed company matches skydio" (Skydio is listed), the front page "No listings known yet", "No events yet", "Last
    cycle finished: never" beside its notes, and ``POST /api/screen`` a bare 500. Now: no answer is given as "none"."""
    from mofcom_watch.server.entity_pages import NO_ANSWER
    from storage.faults import StoreUnavailable

    class Down(StandIn):
        def _down(self, what: str) -> Part:
            return Part((), f"{what} unavailable: OperationalError")

        def states(self, as_of: date) -> Part:
            return self._down("current state")

        def events(self, as_of: date, limit: int) -> Part:
            return self._down("latest events")

        def sources(self) -> Part:
            return self._down("source health")

        def bands(self, as_of: date) -> Part:
            return self._down("state pictures")

        def search(self, query: str) -> Part:
            return self._down("search")

        def screen(self, queries, as_of):  # noqa: ANN001, ANN201
            raise StoreUnavailable("the database x is unreachable or went away")

    c = client(feeds_dir, Down())
    found = c.get("/search", params={"q": "skydio"}, follow_redirects=False)
    assert found.status_code == 503 and NO_ANSWER.format(query="skydio") in found.text
    assert "No listed company or person matches" not in found.text
    front = c.get("/").text
    assert "current state unavailable" in front and "unknown (the store could not be read)" in front
    for false_none in ("No listings known yet", "No events yet", "No listing known yet", "<strong>never</strong>"):
        assert false_none not in front, false_none
    screened = c.post("/api/screen", json={"counterparties": [{"name": "Skydio"}]})
    assert screened.status_code == 503 and "no answer" in screened.json()["error"]
    # read, and none: said as before
    assert "No listed company or person matches" in client(feeds_dir, StandIn()).get("/search", params={"q": "nosuch"}).text
    assert "No listings known yet" in client(feeds_dir, StandIn()).get("/").text


def test_screening_a_store_refused_at_start_names_the_refusal_not_an_outage(feeds_dir: Path) -> None:
    """docs34: ``POST /api/screen`` on a store ``serve`` refused at start (an empty file) answered 503 "its database is
    unreachable ... try again", and ``/search`` "try again in a minute": no retry helps, while /healthz and the pages
    said the refusal and to restart serve."""
    from mofcom_watch.server.data import RefusedStore

    screened = client(feeds_dir, RefusedStore("the SQLite file s.sqlite holds no mofcom-watch store")).post(
        "/api/screen", json={"counterparties": [{"name": "Skydio"}]})
    said = screened.json()["error"]
    assert screened.status_code == 503 and said.startswith("no answer: the store was refused at start: the SQLite"), said
    assert "then restart serve" in said and "unreachable" not in said, said
    found = client(feeds_dir, RefusedStore("WHY")).get("/search", params={"q": "skydio"})
    assert found.status_code == 503 and "until it is mended and serve restarted" in found.text, found.text
    assert "try again in a minute" not in found.text
