"""review58 (session 50): probes of store50's three fixes, kept as regression tests.

- ``scraper.discovery.Crawler._parts_again`` (d02a4738): a joined notice whose page changed behind 304s on its other
  pages asks those again whole. A 3-page notice (2027 No. 8 grown to three pages, crawl49) whose pages 2 and 3 are
  corrected in turn: each correction read from the pages as served, then 304s again. A whole re-request that fails
  (404, a bot check, a 200 bot-check page, a body cut short) is loud and the notice keeps its 6 entities; the next run
  reads the correction.
- ``pipeline._short_firsts`` (478ca58e): an annex page given alone to ``replay`` is joined to the stored first pages
  read short that link it. Two short first pages linking one annex page: each joined; an annex page titled as another
  notice's, or as one of another year, is no page of the first page: read alone, loud.
- ``pipeline._without_counters`` (e34c7d07): a change beside a clock or a count ("截至…共有N家实体", "自…起") is seen.

Real ``run``, ``replay`` and ``status`` processes against the local site, real SQLite files.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest

from tests.faults.harness import store_copy
from tests.faults.test_joined_grown49 import GROWN2, GROWN3, PAGE3, SIX
from tests.faults.test_joined_pages import ANNEX9, AS_OF, ENV, NOTICE9, PAGE1, PAGE2, PAGES, listing, run, sha, site
from tests.faults.test_joined_pages_review import N10, NOTICE10, SHARED
from tests.faults.test_joined_replay49 import replay
from tests.site_server import BOT_CHECK_BODY, Fault, SiteServer


def report_of(db: str, as_of: str, env: dict[str, str] | None = None) -> dict:
    """What ``status --json --as-of <as_of>`` prints of the store's own report (``report_json``: listings, health
    issues, warnings, problems of the notices; not the run activity, the feeds folder or the files beside the store,
    which the command adds), read in this process as the command reads it (``open_existing_store`` read-only,
    ``status_report``), ``env`` set meanwhile: for tests whose subject is what the runs stored, not the ``status``
    process, which cost ~0.6 s a call against 0.04 s (ci54b)."""
    from mofcom_watch.commands.status_cmd import report_json
    from storage.db import open_existing_store, session_factory
    from storage.status import status_report

    env = env or {}
    before = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    engine = open_existing_store(db, read_only=True)
    try:
        with session_factory(engine)() as session:
            return report_json(status_report(session, date.fromisoformat(as_of)))
    finally:
        engine.dispose()
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def status(db: str) -> dict:
    """``test_joined_pages.status`` (``status --json --as-of AS_OF`` with its day in the environment), of which the
    tests of joined pages read the listings and health issues: :func:`report_of`."""
    return report_of(db, AS_OF, ENV)


FIXED2 = GROWN2.replace("雪原通信公司".encode(), "雪原通讯公司".encode())
FIXED3 = GROWN3.replace("海隼战术系统公司".encode(), "海隼战术科技公司".encode())


class SecondAsk(SiteServer):
    """A fault served to the second request of a path only (the whole re-request after its 304), once."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.second: dict[str, Fault] = {}
        self.asked: dict[str, int] = {}
        self._count = threading.Lock()

    def _take_fault(self, path: str) -> Fault | None:
        with self._count:
            if path in self.second:
                self.asked[path] = self.asked.get(path, 0) + 1
                if self.asked[path] == 2:
                    return self.second.pop(path)
        return super()._take_fault(path)


@pytest.fixture(scope="module")
def grown_once(tmp_path_factory) -> Path:  # noqa: ANN001
    """2027 No. 8 run on two pages, then grown to three and run again: the store and feeds its tests start from, made
    once a module (per worker) and copied by :func:`grown`, not run again by each (two real runs a test; ci54b)."""
    work = tmp_path_factory.mktemp("grown")
    db, out = f"sqlite:///{work / 'store.sqlite'}", work / "feeds"
    with SiteServer(site(work / "site", PAGES)) as served:
        assert run(db, out, served)[0] == 0
        served.set_page(PAGE2, GROWN2)
        served.set_page(PAGE3, GROWN3)
        assert run(db, out, served)[0] == 0
    return work


def grown(tmp_path, served, once: Path) -> tuple[str, Path]:
    """A copy of ``once``'s store and feeds (:func:`grown_once`), and ``served`` serving the site as those runs left
    it (pages 2 and 3 grown; a page's ETag is its bytes' hash, so the stored validators hold on this server too)."""
    db = store_copy(once / "store.sqlite", tmp_path / "store.sqlite")
    shutil.copytree(once / "feeds", tmp_path / "feeds")
    served.set_page(PAGE2, GROWN2)
    served.set_page(PAGE3, GROWN3)
    return db, tmp_path / "feeds"


def n8_hits(served) -> list[tuple[str, int]]:
    return sorted((h.path, h.status) for h in served.hits if "art_e45ee7ce" in h.path)


def n8_items(out) -> list[str]:
    return [e for e in re.findall(r"<entry>.*?</entry>", (out / "all.atom").read_text(encoding="utf-8"), re.S)
            if "MOFCOM-2027-8" in e]


def test_a_three_page_notice_whose_pages_2_and_3_change_in_turn_reads_each_from_the_pages_as_served(tmp_path, grown_once):
    assert FIXED2 != GROWN2 and FIXED3 != GROWN3 and SIX in GROWN3
    with SiteServer(site(tmp_path / "site", PAGES)) as served:
        db, out = grown(tmp_path, served, grown_once)
        served.reset_hits()
        assert run(db, out, served)[0] == 0
        assert n8_hits(served) == sorted([(PAGE1, 304), (PAGE2, 304), (PAGE3, 304)])  # no change: three requests
        served.set_page(PAGE2, FIXED2)
        served.reset_hits()
        code, report = run(db, out, served)
        assert code == 0 and not status(db)["health_issues"], report["sources"]
        # page 2 changed: pages 1 and 3 that answered 304 asked again whole
        assert n8_hits(served) == sorted([(PAGE1, 304), (PAGE1, 200), (PAGE2, 200), (PAGE3, 304), (PAGE3, 200)])
        served.set_page(PAGE3, FIXED3)
        code, report = run(db, out, served)
        assert code == 0 and not status(db)["health_issues"], report["sources"]
        served.reset_hits()
        assert run(db, out, served)[0] == 0
        assert n8_hits(served) == sorted([(PAGE1, 304), (PAGE2, 304), (PAGE3, 304)])  # settled
    state = status(db)
    assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6
    current = [e for e in n8_items(out) if "<title>Imposed:" in e]
    assert current and all("雪原通讯公司" in e or "海隼战术科技公司" in e for e in current)
    fixed = [e for e in current if "海隼战术科技公司" in e]
    assert fixed and all(sha(FIXED2) in e and sha(FIXED3) in e for e in fixed), fixed


FAILS = {"404": Fault("404"), "412 bot check": Fault("412"), "200 bot check": Fault("body", body=BOT_CHECK_BODY),
         "cut short": Fault("short-length"), "reset": Fault("reset")}


# (probed with every kind on both pages, all passing; the ones kept here cost a CI minute or two)
@pytest.mark.parametrize("fail, which", [("404", "page 2"), ("200 bot check", "page 2"), ("cut short", "page 2"),
                                         ("404", "page 1"), ("200 bot check", "page 1")])
def test_a_whole_re_request_that_fails_is_loud_never_a_shrunk_notice(tmp_path, grown_once, fail, which):
    asked = PAGE1 if which == "page 1" else PAGE2
    with SecondAsk(site(tmp_path / "site", PAGES)) as served:
        db, out = grown(tmp_path, served, grown_once)
        served.set_page(PAGE3, FIXED3)  # page 3 corrected; pages 1 and 2 answer 304, then fail when asked whole
        served.second[asked] = FAILS[fail]
        served.reset_hits()
        code, report = run(db, out, served)
        assert (asked, 304) in n8_hits(served), n8_hits(served)
        state = status(db)
        assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6, fail
        items = n8_items(out)
        assert not any("<title>Removed" in e or "<title>Lifted" in e or "Withdrawn" in e for e in items), items
        # a page not had as served: page 1 read alone, loud (page 1's whole request failing: was its stored bytes
        # joined with the others' new ones, silently, a copy never served where page 1 had changed behind its 304)
        assert code == 1 and state["health_issues"], (report["sources"], state["health_issues"])
        code, report = run(db, out, served)  # the fault gone: the correction read, quiet
        state = status(db)
        assert code == 0 and not state["health_issues"], (report["sources"], state["health_issues"])
        assert listing(state, "MOFCOM-2027-8")["entity_count"] == 6
        assert "海隼战术科技公司" in (out / "all.atom").read_text(encoding="utf-8")


TITLED9 = SHARED.replace("附件：出口管制管控名单".encode(), "附件：出口管制管控名单（商务部公告2027年第9号）".encode())
YEAR26 = PAGES[ANNEX9].replace("（商务部公告2027年第9号）".encode(), "（商务部公告2026年第9号）".encode())


def test_replay_two_short_first_pages_linking_one_annex_page_each_join_it_or_stay_loud(tmp_path):
    assert TITLED9 != SHARED and YEAR26 != PAGES[ANNEX9]
    for name, annex, whole in (("shared", SHARED, {"MOFCOM-2027-9", "MOFCOM-2027-10"}),
                               ("titled 9", TITLED9, {"MOFCOM-2027-9"})):
        db = f"sqlite:///{tmp_path / name / 'store.sqlite'}"
        code, said = replay(db, site(tmp_path / name / "a", {NOTICE9: PAGES[NOTICE9], NOTICE10: N10}, fixtures=False), 5)
        assert code == 1, said
        code, said = replay(db, site(tmp_path / name / "b", {ANNEX9: annex}, fixtures=False), 6)
        state = status(db)
        for key, url in (("MOFCOM-2027-9", NOTICE9), ("MOFCOM-2027-10", NOTICE10)):
            loud = any(url in (issue.get("url") or "") for issue in state["health_issues"])
            if key in whole:
                assert listing(state, key)["entity_count"] == 5 and not loud, (name, key, state["health_issues"])
            else:
                assert loud, (name, key, state["health_issues"])  # no page of it: still short, loud
        assert code == 0, (name, said)  # (No. 10's issue from the first replay stays open: its page 1 read short)


def test_replay_an_annex_page_of_another_year_is_not_joined_to_the_short_first_page(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert replay(db, site(tmp_path / "a", {NOTICE9: PAGES[NOTICE9]}, fixtures=False), 5)[0] == 1
    code, said = replay(db, site(tmp_path / "b", {ANNEX9: YEAR26}, fixtures=False), 6)
    state = status(db)
    assert code == 1 and any(NOTICE9 in (i.get("url") or "") or ANNEX9 in (i.get("url") or "")
                             for i in state["health_issues"]), (said, state["health_issues"])
    assert not [r for r in state["listings"] if r["notice_key"] == "MOFCOM-2027-9" and r["entity_count"] == 5], said


@pytest.mark.parametrize("before, after", [
    ("当前时间：2026-12-06 08:00:01 本公告自发布之日起施行", "当前时间：2026-12-06 08:00:02 本公告自2027年1月1日起施行"),
    ("截至2026年12月6日，共有5家实体", "截至2026年12月6日，共有6家实体"),
    ("本公告自2026年12月6日起施行", "本公告自2026年12月7日起施行"),
    ("今天是2026年12月6日，商务部决定将下列实体列入", "今天是2026年12月7日，商务部决定将下列实体移出"),
    ("本文已被浏览1001次\n共3家实体", "本文已被浏览1002次\n共4家实体"),
    ("当前时间：2026-12-06\n1. 银杉航天公司", "当前时间：2026-12-07\n1. 银杉航天集团公司"),
    ("5人浏览 商务部公告2026年第5号", "6人浏览 商务部公告2026年第6号"),
])
def test_a_change_beside_a_clock_or_a_count_is_still_a_change(before, after):
    from mofcom_watch.pipeline import _without_counters

    assert _without_counters(before) != _without_counters(after)
