"""A notice over several pages (crawl47), the fetcher's open B of session 47 (crawl48, session 48).

- A numbered pager with no 下一页 ("1 2", its "2" linking the article's ``_2.html``) was not followed, and page 1 of a
  listing stating no count was read as the whole listing of its names, silently. It is followed now, and page 1 alone
  is refused as cut short (loud).
- A first page read joined that answers unchanged (304, or the same bytes from a server sending no validators) has its
  other pages asked again with it, conditionally: a page 2 changing behind page 1's 304 is read, one failing is loud,
  and none is parsed while all are as stored.
- An annex page two notices link is stored as a page of the same one of them whichever came first.
- An index whose rows are a plain JSON string a script parses ("JSON.parse('[{…}]')") is read as an array is.
- A notice's pages replayed from two folders, either page first, are read whole by the second replay.

Real ``run`` and ``replay`` processes against the local site (``tests/site_server.py``), real SQLite files.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from tests.faults.harness import finish, spawn
from tests.faults.test_joined_pages import (
    ANNEX9,
    AS_OF,
    COLUMN,
    ENV,
    HOST,
    N8,
    N9,
    NAMES8,
    NOTICE9,
    PAGE1,
    PAGE2,
    PAGES,
    cli,
    cli_env,
    listing,
    run,
    sha,
    site,
    status,
)
from tests.faults.test_joined_pages import notice_items as items_of
from tests.faults.test_joined_pages_review import N10, NOTICE10, SHARED
from tests.site_server import BOT_CHECK_BODY, Fault, SiteServer

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "crawl48"
COLUMN_LINKS = (b"/zwgk/zcfb/art/2027/", b"/flzc/gzjgfxwj/art/2027/")


def case(n: str) -> bytes:
    raw = next(CORPUS.glob(f"{n}-*.html")).read_bytes()
    return raw.replace(*COLUMN_LINKS)


NUMBERED = {PAGE1: case("01"), PAGE2: case("02")}  # 2027 No. 8 stating no count, its pager "1 2" with no 下一页


def test_a_numbered_pager_without_a_next_page_link_is_followed(tmp_path):
    """Was: page 1's 3 names read as the whole listing (no count stated), exit 0, page 2 never asked: 3 entities
    missed, silently. Now page 2 is fetched and the notice read from both pages: 6 entities, each page cited."""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", NUMBERED)) as served:
        code, report = run(db, out, served)
        asked = [hit.path for hit in served.hits]
    state = status(db)
    assert code == 0 and not state["health_issues"], (report["sources"], state["health_issues"])
    assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6, listing(state, "MOFCOM-2027-8")
    assert asked.count(PAGE2) == 1, asked
    items = (out / "all.atom").read_text(encoding="utf-8")
    for name in NAMES8:
        assert name in items, name
    for path in (PAGE1, PAGE2):
        assert f"https://{path}" in items and sha(NUMBERED[path]) in items, path


def test_a_numbered_pager_s_page_2_not_had_leaves_page_1_loud(tmp_path):
    """Page 2 answering 404: page 1 alone is refused as cut short (no count stated), exit 1, never 3 of 3."""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", {PAGE1: NUMBERED[PAGE1]})) as served:
        code, report = run(db, out, served)
    state = status(db)
    assert code == 1, report["sources"]
    assert not any(r["notice_key"] == "MOFCOM-2027-8" for r in state["listings"]), state["listings"]
    assert any(i["kind"] == "unusable-page" and PAGE1 in (i.get("url") or "") for i in state["health_issues"]), state


def test_replay_joins_a_numbered_pager_s_pages(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = cli(db, "replay", str(site(tmp_path / "a", NUMBERED, fixtures=False)), "--as-of", AS_OF,
               "--fetched-at", "2027-01-25T00:00:00+00:00", env=cli_env(**ENV))
    assert done.code == 0, (done.out, done.err)
    assert listing(status(db), "MOFCOM-2027-8")["entity_count"] == 6


def hits(served: SiteServer, path: str) -> list[tuple[int, bool]]:
    """(status, conditional) of each request for ``path``."""
    return [(hit.status, hit.conditional) for hit in served.hits if hit.path == path]


def snapshots(db_path: Path, path: str) -> list[tuple[str, str | None]]:
    with sqlite3.connect(db_path) as con:
        return con.execute("SELECT s.sha256, s.outcome FROM snapshot s JOIN page p ON p.id = s.page_id WHERE p.url = ? "
                           "ORDER BY s.id", (f"https://{path}",)).fetchall()


CHANGED2 = PAGES[PAGE2].replace("雪原通信公司（Snowfield Communications Corp.）".encode(),
                                "雪原通信公司（Snowfield Communications Corporation）".encode())


def test_a_page_2_changing_behind_a_304_on_page_1_is_read_in_the_next_run(tmp_path):
    """Page 1 answers 304 every update: its page 2 went unasked until page 1 was asked whole (the daily deep walk; never
    for notices past the newest 20), a correction on it unread, run after run exit 0. Now page 2 is asked with page 1,
    conditionally on its own validators: unchanged, a 304 and nothing read; changed, the notice read again from its
    pages (page 1 asked again whole, store50), and the new page 2 cited with its own SHA-256."""
    db_path = tmp_path / "store.sqlite"
    db, out = f"sqlite:///{db_path}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        code, _report = run(db, out, served)
        assert code == 0
        served.reset_hits()
        code, report = run(db, out, served)  # nothing changed: page 1 and page 2 each a conditional 304
        assert code == 0, report["sources"]
        assert hits(served, PAGE1) == [(304, True)] and hits(served, PAGE2) == [(304, True)], served.hits
        assert len(snapshots(db_path, PAGE2)) == 1
        served.set_page(PAGE2, CHANGED2)
        served.reset_hits()
        code, report = run(db, out, served)
        # page 1 asked again whole once page 2 changed (store50: its 304 may stand for other bytes than it serves)
        assert hits(served, PAGE1) == [(304, True), (200, False)] and hits(served, PAGE2) == [(200, True)], served.hits
    assert [sha for sha, _outcome in snapshots(db_path, PAGE2)] == [sha(PAGES[PAGE2]), sha(CHANGED2)]
    state = status(db)
    assert code == 0 and not state["health_issues"], (report["sources"], state["health_issues"])
    assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6
    items = (out / "all.atom").read_text(encoding="utf-8")
    assert "Snowfield Communications Corporation" in items and sha(CHANGED2) in items  # read, and cited


def test_a_page_2_failing_behind_a_304_on_page_1_is_loud_and_the_notice_stays_whole(tmp_path):
    """Page 2 answering 500 (then a bot check) while page 1 answers 304: was unseen (exit 0). Now loud: page 1 read
    alone is held (the notice keeps its 6 entities, no item changes), exit 1; once page 2 answers, exit 0 again."""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        assert run(db, out, served)[0] == 0
        before = (out / "all.atom").read_text(encoding="utf-8")
        for fault in (Fault("500"), Fault("body", body=BOT_CHECK_BODY)):
            served.faults[PAGE2] = fault
            code, report = run(db, out, served)
            state = status(db)
            assert code == 1, (fault.kind, report["sources"])
            assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6, fault.kind
            assert state["health_issues"], fault.kind
            said = [n for s in report["sources"] for n in s["notes"] if PAGE2 in n]
            assert said and "the notice is read from this page alone" in said[0], report["sources"]
        del served.faults[PAGE2]
        code, report = run(db, out, served)
    state = status(db)
    assert code == 0 and not state["health_issues"], (report["sources"], state["health_issues"])
    assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6
    assert re.findall(r"<id>([^<]*MOFCOM-2027-8[^<]*)</id>", before) == re.findall(
        r"<id>([^<]*MOFCOM-2027-8[^<]*)</id>", (out / "all.atom").read_text(encoding="utf-8"))


def test_a_first_page_sent_without_validators_and_unchanged_has_its_pages_asked_conditionally(tmp_path):
    """Page 1 served with no ETag/Last-Modified answers 200 with the same bytes every run: its page 2 was fetched
    whole and every page parsed again each run. Now page 2 is asked conditionally on the validators it answered
    (a 304), the joined copy is the one stored (no parse: the parser is never imported by the run), exit 0."""
    db_path = tmp_path / "store.sqlite"
    db, out = f"sqlite:///{db_path}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        served.bare.add(PAGE1)
        assert run(db, out, served)[0] == 0
        served.reset_hits()
        # the real program's start (not the test zygote, which has the parser imported): what it imports is said
        done = finish(spawn(db, "run", "--out", str(out), "--no-progress", "--json", "--source", "aqygzj", "--base-url",
                            f"{HOST}={served.base_url(HOST)}", env=cli_env(**ENV, PYTHONPROFILEIMPORTTIME="1")))
        assert hits(served, PAGE1) == [(200, False)] and hits(served, PAGE2) == [(304, True)], served.hits
    assert done.code == 0, done.err[-2000:]
    assert len(snapshots(db_path, PAGE1)) == 1 and len(snapshots(db_path, PAGE2)) == 1
    assert json.loads(done.out)["parsed"]["articles"] == 0
    assert not re.search(r"\|\s+scraper\.parse$", done.err, re.M), "a page was parsed"


def test_an_annex_page_two_notices_link_is_stored_as_a_page_of_the_same_notice_in_either_order(tmp_path):
    """review52's shared annex (No. 9 and No. 10 link one page): its stored copy's notice was the one that joined it
    last, flipping with the order the pages came in. It is the same notice now, whichever came first; both notices
    cite it with its SHA-256 (review52's A1) and keep their 5 entities."""
    owners = {}
    for order in ("9-first", "10-first"):
        first, second = ({NOTICE9: PAGES[NOTICE9], ANNEX9: SHARED}, {NOTICE10: N10, ANNEX9: SHARED})
        if order == "10-first":
            first, second = second, first
        db_path = tmp_path / order / "store.sqlite"
        db = f"sqlite:///{db_path}"
        for n, pages in enumerate((first, second)):
            done = cli(db, "replay", str(site(tmp_path / order / str(n), pages, fixtures=False)), "--as-of", AS_OF,
                       "--fetched-at", f"2027-01-2{5 + n}T00:00:00+00:00", env=cli_env(**ENV))
            assert done.code == 0, (order, done.out, done.err)
        with sqlite3.connect(db_path) as con:
            owners[order] = con.execute("SELECT s.outcome, s.notice_key FROM snapshot s JOIN page p ON p.id = s.page_id "
                                        "WHERE p.url = ?", (f"https://{ANNEX9}",)).fetchall()
        state = status(db)
        assert listing(state, "MOFCOM-2027-9")["entity_count"] == listing(state, "MOFCOM-2027-10")["entity_count"] == 5
    assert owners["9-first"] == owners["10-first"] == [("part", "MOFCOM-2027-10")], owners


def test_an_index_whose_list_is_a_json_string_a_script_parses_is_read(tmp_path):
    """crawl48/03 (blind46/12's rows as "var listData = JSON.parse('[{…}]');"): was refused as a JS shell, the
    column's notices unread (loud). Now its rows' article links are followed, as blind46/12's array: 2027 No. 8 and
    No. 9 read whole, exit 0. crawl49: a string with JavaScript's escapes in it ("\\/zwgk") and the rows wrapped in an
    object ({"data": {"list": [...]}}) are read too (were a JS shell, loud); an escape not undone for sure ("\\u{…}")
    leaves the page a JS shell (loud: exit 1)."""
    www = "www.mofcom.gov.cn"
    index = next(CORPUS.glob("03-*.html")).read_bytes()
    index = index.replace(b"art_e9a34dc534ac1ffc6d2367c17bc69d29", N8.encode()).replace(
        b"art_828152d112507f3ea5b7ddc171f2bb2e", N9.encode())
    escaped = index.replace(b'","url":"/zwgk', b'","url":"\\/zwgk')
    wrapped = re.sub(rb"JSON\.parse\('(\[.*?\])'\)", rb'{"data": {"total": 3, "list": \1}}', index)
    odd = escaped.replace("美国".encode(), b"\\u{7f8e}\\u{56fd}")
    assert wrapped != index and odd != escaped != index
    for name, page in (("plain", index), ("escaped", escaped), ("wrapped", wrapped), ("odd", odd)):
        pages = {f"{www}/zwgk/zcfb/index.html": page}
        for path, raw in PAGES.items():
            pages[path.replace(f"{HOST}/{COLUMN}", f"{www}/zwgk/zcfb/art/2027")] = raw.replace(
                f"/{COLUMN}/".encode(), b"/zwgk/zcfb/art/2027/")
        db = f"sqlite:///{tmp_path / name / 'store.sqlite'}"
        with SiteServer(site(tmp_path / name / "site", pages, fixtures=False)) as served:
            done = cli(db, "run", "--out", str(tmp_path / name / "feeds"), "--no-progress", "--json", "--source",
                       "mofcom-policy", "--base-url", f"{www}={served.base_url(www)}", env=cli_env(**ENV))
        assert "Traceback" not in done.err, done.err
        state = status(db)
        if name != "odd":
            assert done.code == 0 and not state["health_issues"], (done.out, state["health_issues"])
            assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6
            assert listing(state, "MOFCOM-2027-9")["entity_count"] == 5
        else:
            assert done.code == 1 and not state["listings"], done.out
            assert any("js-shell" in (i.get("detail") or "") for i in state["health_issues"]), state["health_issues"]


def test_a_notice_s_pages_replayed_from_two_folders_the_later_page_first_or_last_are_read_whole(tmp_path):
    """review52's open B: folder A holding page 2 (or page 1), folder B the other page. Was: page 1 read alone (3 of
    6, a count mismatch) and page 2 unusable (cut short), exit 1 after both, though a run reads the notice whole. Now
    the second replay joins the page it is given to the other as stored: 6 entities, exit 0, no issue, the run's ids."""
    def notice_items(folder: Path) -> list[str]:
        return [i for i in items_of(folder) if "MOFCOM-2027-8/" in i]

    run_db, run_out = f"sqlite:///{tmp_path / 'run.sqlite'}", tmp_path / "run-feeds"
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        assert run(run_db, run_out, served)[0] == 0
    ids = {"run": notice_items(run_out)}
    for pages, name in (((PAGES, NUMBERED), "counted"), ((PAGES, NUMBERED), "uncounted")):
        given = pages[0] if name == "counted" else pages[1]
        for order in ("page-2-first", "page-1-first"):
            one, two = {PAGE2: given[PAGE2]}, {PAGE1: given[PAGE1]}
            if order == "page-1-first":
                one, two = two, one
            db = f"sqlite:///{tmp_path / name / order / 'store.sqlite'}"
            for n, folder in enumerate((one, two)):
                done = cli(db, "replay", str(site(tmp_path / name / order / str(n), folder, fixtures=False)),
                           "--as-of", AS_OF, "--fetched-at", f"2027-01-2{5 + n}T00:00:00+00:00", env=cli_env(**ENV))
                assert "Traceback" not in done.err, done.err
                assert n == 0 or done.code == 0, (name, order, done.out, done.err)
            state = status(db)
            assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6 and not state["health_issues"], (
                name, order, state["health_issues"])
            if name == "counted":
                feeds = tmp_path / name / order / "feeds"
                cli(db, "feeds", "--out", str(feeds), "--as-of", AS_OF, env=cli_env(**ENV))
                ids[order] = notice_items(feeds)
    assert ids["page-2-first"] == ids["run"], ids
    # page 1 replayed first was read alone (3 of its 6: a count mismatch) and published so: its items corrected now
    extra = set(ids["page-1-first"]) - set(ids["run"])
    assert set(ids["run"]) <= set(ids["page-1-first"]) and extra and all("/correction/" in i for i in extra), extra
