"""A notice over several pages is read whole: the crawler follows its next pages and its linked annex page (crawl47).

Session 46 left it loud (blind46/03, 05, 37, 38; mfa46's split annex): page 1 of "1 2 下一页" or a notice whose annex is a
page of its own ("附件：<a href=…html>出口管制管控名单</a>") was read alone, refused as cut short or stored short of its count,
the names of page 2 / the annex page never read. Now ``run`` fetches them and reads the notice from its pages joined, in
page order (``scraper.joined``); each item names every page read with its own SHA-256. A page 2 that fails, is a bot
check or reads as another notice leaves page 1 read alone, as loud as before; once it answers, the notice is read
whole. ``replay`` joins the pages it is given the same way, in whatever order: the same items and ids as the run.

Real ``run`` processes against the local copy of the export control bureau's site (``tests/site_server.py``), real
SQLite files, real ``replay``s. The pages are blind46's 03/04 (2027 No. 8, 6 entities over two pages) and 05/06 (2027
No. 9, its 5 entities on a linked annex page), moved to that site's column.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
from pathlib import Path

from tests.faults.harness import FIXTURES, cli, cli_env, item_ids
from tests.site_server import BOT_CHECK_BODY, Fault, SiteServer

AS_OF = "2027-02-01"
ENV = {"MOFCOM_WATCH_TODAY": AS_OF}
CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "blind46"
HOST = "aqygzj.mofcom.gov.cn"
COLUMN = "flzc/gzjgfxwj/art/2027"
N8, N9, ANNEX = ("art_e45ee7ce7e88149af8dd32b27f9512ce", "art_751d31dd6b56b26b29dac2c0e1839e34",
                 "art_faeac4e1eef307c2ab7b0a3821e6c667")
PAGE1, PAGE2 = f"{HOST}/{COLUMN}/{N8}.html", f"{HOST}/{COLUMN}/{N8}_2.html"
NOTICE9, ANNEX9 = f"{HOST}/{COLUMN}/{N9}.html", f"{HOST}/{COLUMN}/{ANNEX}.html"
NAMES8 = ("银杉航天公司", "远鹰光电公司", "磐石推进技术公司", "雪原通信公司", "黑曜石网络安全公司", "海隼战术系统公司")
NAMES9 = ("峡谷材料科学公司", "晨星导航公司", "雷鸣测控公司", "琥珀激光公司", "松脊复合材料公司")


def page(n: str) -> bytes:
    """A blind46 page, its links moved to the site's column (the annex link is absolute: ``/zwgk/zcfb/art/2027/…``)."""
    raw = next(CORPUS.glob(f"{n}-*.html")).read_bytes()
    return raw.replace(b"/zwgk/zcfb/art/2027/", f"/{COLUMN}/".encode())


def site(root: Path, pages: dict[str, bytes], *, fixtures: bool = True) -> Path:
    if fixtures:
        shutil.copytree(FIXTURES / HOST, root / HOST)
    for path, raw in pages.items():
        dest = root / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(raw)
    return root


PAGES = {PAGE1: page("03"), PAGE2: page("04"), NOTICE9: page("05"), ANNEX9: page("06")}


def run(db: str, out: Path, served: SiteServer) -> tuple[int, dict]:
    done = cli(db, "run", "--out", str(out), "--no-progress", "--json", "--source", "aqygzj",
               "--base-url", f"{HOST}={served.base_url(HOST)}", env=cli_env(**ENV))
    assert "Traceback" not in done.err, done.err
    return done.code, json.loads(done.out)


def status(db: str) -> dict:
    done = cli(db, "status", "--json", "--as-of", AS_OF, env=cli_env(**ENV))
    return json.loads(done.out)


def listing(report: dict, key: str) -> dict:
    return next(r for r in report["listings"] if r["notice_key"] == key)


def sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def test_a_run_reads_a_notice_over_two_pages_and_one_with_an_annex_page_whole_citing_each_page(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        code, report = run(db, out, served)
        asked = [hit.path for hit in served.hits]
    state = status(db)
    assert code == 0 and not state["health_issues"], (report, state["health_issues"])  # was: exit 1, count mismatches
    assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6 and listing(state, "MOFCOM-2027-9")["entity_count"] == 5
    assert asked.count(PAGE2) == 1, asked  # page 2 fetched once, with page 1 (the annex page is listed too)
    items = (out / "all.atom").read_text(encoding="utf-8")
    for name in NAMES8 + NAMES9:
        assert name in items, name
    for path in (PAGE1, PAGE2, NOTICE9, ANNEX9):  # each page read, cited with its own SHA-256
        assert f"https://{path}" in items and sha(PAGES[path]) in items, path
    assert "the copy read: the pages above joined in page order" in items
    with SiteServer(site(tmp_path / "site2", PAGES)) as served:  # the next run: nothing new, nothing failed
        code, report = run(db, out, served)
    assert code == 0 and not [f for s in report["sources"] for f in s["failures"]], report
    assert not status(db)["health_issues"]


def test_an_annex_page_read_alone_again_by_another_parser_is_a_page_of_its_notice(tmp_path):
    """An index lists the annex page, or an upgrade reads it again: alone it is refused as cut short; its bytes stored
    as a page of No. 9 make it that page again, no unusable-page issue."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = cli(db, "replay", str(site(tmp_path / "a", PAGES, fixtures=False)), "--as-of", AS_OF,
               "--fetched-at", "2027-01-25T00:00:00+00:00", env=cli_env(**ENV))
    assert done.code == 0, done.err
    with sqlite3.connect(tmp_path / "store.sqlite") as con:
        con.execute("UPDATE snapshot SET parser_digest = 'an-older-parser' WHERE outcome = 'part'")
    alone = cli(db, "replay", str(site(tmp_path / "b", {ANNEX9: PAGES[ANNEX9]}, fixtures=False)), "--as-of", AS_OF,
                "--fetched-at", "2027-01-26T00:00:00+00:00", env=cli_env(**ENV))
    assert alone.code == 0 and "unusable" not in alone.err, (alone.out, alone.err)
    state = status(db)
    assert not state["health_issues"] and listing(state, "MOFCOM-2027-9")["entity_count"] == 5
    with sqlite3.connect(tmp_path / "store.sqlite") as con:
        rows = con.execute("SELECT s.outcome, s.notice_key FROM snapshot s JOIN page p ON p.id = s.page_id "
                           "WHERE p.url = ?", (f"https://{ANNEX9}",)).fetchall()
    assert rows == [("part", "MOFCOM-2027-9")], rows


def test_a_page_2_not_had_leaves_page_1_read_alone_and_loud_until_it_answers(tmp_path):
    other = page("05").replace(b"2027\xe5\xb9\xb4\xe7\xac\xac9\xe5\x8f\xb7", b"2027\xe5\xb9\xb4\xe7\xac\xac19\xe5\x8f\xb7")
    for fault in (Fault("500"), Fault("body", body=BOT_CHECK_BODY), Fault("body", body=other)):
        folder = tmp_path / fault.kind / str(len(fault.body or b""))
        db, out = f"sqlite:///{folder / 'store.sqlite'}", folder / "feeds"
        with SiteServer(site(folder / "site", PAGES)) as served:
            served.faults[PAGE2] = fault
            code, report = run(db, out, served)
            state = status(db)
            assert code == 1, (fault.kind, report)  # never "6 of 6" from page 1 alone: its count mismatch, as before
            assert listing(state, "MOFCOM-2027-8")["entity_count"] == 3, fault.kind
            assert any(i["kind"] == "count-mismatch" and i["notice_key"] == "MOFCOM-2027-8"
                       for i in state["health_issues"]), state["health_issues"]
            assert "MOFCOM-2027-19" not in json.dumps(state), fault.kind  # page 2 never read as a notice
            said = [n for s in report["sources"] for n in s["notes"] if PAGE2 in n or "no page of it" in n]
            assert said and "the notice is read from this page alone" in said[0], report["sources"]
            del served.faults[PAGE2]
            code, report = run(db, out, served)  # page 2 answers: the notice is read whole, the issue resolved
        state = status(db)
        assert code == 0 and listing(state, "MOFCOM-2027-8")["entity_count"] == 6, (fault.kind, report)
        assert not state["health_issues"], state["health_issues"]


def test_replay_joins_the_pages_it_is_given_in_any_order_with_the_runs_ids(tmp_path):
    ids: dict[str, object] = {}
    run_db, out = f"sqlite:///{tmp_path / 'run.sqlite'}", tmp_path / "run-feeds"
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        code, _report = run(run_db, out, served)
    assert code == 0
    ids["run"] = notice_items(out)
    # all at once; the later pages first, then the first pages; twice
    whole = site(tmp_path / "whole", PAGES, fixtures=False)
    later = site(tmp_path / "later", {PAGE2: PAGES[PAGE2], ANNEX9: PAGES[ANNEX9]}, fixtures=False)
    # the first pages again alone, one with other bytes: joined to their other pages as stored (as a run whose first
    # page is read again and its other pages not), never read alone, held as cut short
    first = site(tmp_path / "first", {PAGE1: PAGES[PAGE1].replace(b"</body>", b"<!-- again --></body>"),
                                      NOTICE9: PAGES[NOTICE9]}, fixtures=False)
    for name, folders in (("once", [whole]), ("later-first", [later, whole]), ("twice", [whole, whole]),
                          ("first-again", [whole, first])):
        db = f"sqlite:///{tmp_path / f'{name}.sqlite'}"
        for n, folder in enumerate(folders):
            done = cli(db, "replay", str(folder), "--as-of", AS_OF, "--fetched-at", f"2027-01-2{5 + n}T00:00:00+00:00",
                       env=cli_env(**ENV))
            assert "Traceback" not in done.err, done.err
        assert done.code == 0, (name, done.out, done.err)
        assert name == "first-again" or "and 2 read as a later or annex page of a notice, joined" in done.out, done.out
        feeds = tmp_path / f"{name}-feeds"
        cli(db, "feeds", "--out", str(feeds), "--as-of", AS_OF, env=cli_env(**ENV))
        ids[name] = notice_items(feeds)
        state = status(db)
        assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6 and not state["health_issues"], name
    assert ids["once"] == ids["later-first"] == ids["twice"] == ids["first-again"] == ids["run"], ids
    assert len(ids["run"]) >= 13  # (each notice's item, and one per entity)


def notice_items(folder: Path) -> list[str]:
    """The ids of every item of the notices' feeds (not source health)."""
    return sorted(k for k in item_ids(folder) if not k.startswith("source-health") and re.search(r"MOFCOM-2027-[89]", k))


def test_an_index_whose_list_moved_into_a_scripts_json_is_read(tmp_path):
    """blind46/12: the policy column's index with its rows in a script's JSON array ("var listData = [{…}]") and no
    link on the page was refused as a JS shell, its notices unread (loud). Now its rows' article links are followed:
    2027 No. 8 (two pages) and No. 9 (its annex page) are read whole from the index alone. Another source's row (the
    aqygzj one) is not followed by this source."""
    www = "www.mofcom.gov.cn"
    index = next(CORPUS.glob("12-*.html")).read_bytes()
    index = index.replace(b"art_e9a34dc534ac1ffc6d2367c17bc69d29", N8.encode()).replace(
        b"art_828152d112507f3ea5b7ddc171f2bb2e", N9.encode())
    pages = {f"{www}/zwgk/zcfb/index.html": index}
    for path, raw in PAGES.items():
        pages[path.replace(f"{HOST}/{COLUMN}", f"{www}/zwgk/zcfb/art/2027")] = raw.replace(
            f"/{COLUMN}/".encode(), b"/zwgk/zcfb/art/2027/")
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(site(tmp_path / "site", pages, fixtures=False)) as served:
        done = cli(db, "run", "--out", str(out), "--no-progress", "--json", "--source", "mofcom-policy",
                   "--base-url", f"{www}={served.base_url(www)}", env=cli_env(**ENV))
        asked = [hit.path for hit in served.hits]
    assert "Traceback" not in done.err, done.err
    report = json.loads(done.out)
    state = status(db)
    assert done.code == 0 and not state["health_issues"], (report["sources"], state["health_issues"])
    assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6 and listing(state, "MOFCOM-2027-9")["entity_count"] == 5
    assert not any("aqygzj" in path for path in asked), asked



def test_only_pages_the_notice_parser_reads_are_joined(tmp_path):
    """A news site's pages are read by the news parser, one page each (it does not read a joined copy): replay joins
    only the pages the router gives the notice parser, the crawler none of a news source's."""
    from mofcom_watch.pipeline import PageRole, PageRouter, ReplayReader, joined_pages, replay_paths
    from scraper.sources import load_sources

    folder = site(tmp_path / "a", PAGES, fixtures=False)
    files, read = replay_paths(folder, []), ReplayReader(folder, 10**7)
    router = PageRouter(load_sources())
    joined, parts = joined_pages(files, read, lambda url: router.role(url) is PageRole.NOTICE)
    assert sorted(joined) == sorted([f"https://{PAGE1}", f"https://{NOTICE9}"]) and parts == {f"https://{PAGE2}", f"https://{ANNEX9}"}
    assert joined_pages(files, read, lambda url: False) == ({}, set())  # as for a news source's pages
    assert router.role(f"https://english.mofcom.gov.cn/News/PressConference/art/2027/{N8}.html") is PageRole.NEWS
