"""A notice whose number is not read is loud (keyless46, session 46: the lead's decision on blind46's finding).

A page read as a notice with no number of its own (keyed ``DOC-<day>-<digest>``) that lists entities or takes steps is a
numbered notice whose number was not read (every listing and step is numbered, but for a spokesperson's words): a later
notice naming "不可靠实体清单工作机制公告〔2025〕10号" does not find it (a missed item), and a copy read with its number is
stored a second time. Was: "no notice number found", a warning only; ``replay``, ``run`` and ``status`` exit 0, health
green. Now its items are published and it is a ``no-number`` health issue (``storage.unkeyed``), in words a person can
act on, until the notice no longer stands. A spokesperson's statement taking a step (no number to read) stays quiet.

Real processes on real SQLite files: ``replay``, ``status --json``, ``feeds``, ``serve``'s ``/healthz``, and ``run``
against the local copy of the site (``tests/site_server.py``). The page is tests/data/corpus/ecl/27 (a UEL listing of
14 entities, 2025-10-09, whose page carries no number anywhere).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zlib
from pathlib import Path

from tests.faults.harness import FIXTURES, cli, cli_env
from tests.faults.serving import serving
from tests.site_server import SiteServer

AS_OF = "2025-12-01"
ENV = {"MOFCOM_WATCH_TODAY": AS_OF}
PAGE = Path(__file__).parents[1] / "data" / "corpus" / "ecl" / "27-html-uel-2025-10.html"
HOST = "aqygzj.mofcom.gov.cn"
PATH = "flzc/gzjgfxwj/art/2025/art_9b662990fa4a4d26ba3984ab5d826960.html"
URL = f"https://{HOST}/{PATH}"
KEY = "DOC-2025-10-09-333a1804"
SAID = f"{URL}: no notice number read on a page that lists 14 entities (stored as {KEY} “"
NUMBERED = PAGE.read_text(encoding="utf-8").replace(
    '<div class="art-con art-con-bottonmLine">', '<div class="art-con art-con-bottonmLine">\n<p>不可靠实体清单工作机制公告〔2025〕10号</p>')
# MOFCOM's spokesperson's statement, a step on No. 21 (tests/scraper/test_parse_reprints.py MOFCOM_STATEMENT, under its
# publisher line): keyed DOC-…, its words have no number to read
STATEMENT = ("商务部新闻发言人就调整对美出口管制措施发表谈话\n【发布单位】商务部\n【发文日期】2025年11月5日\n"
             "商务部新闻发言人表示，为落实中美经贸磋商共识，商务部决定自2025年11月10日起，继续暂停实施商务部公告2025年第21号相关措施，"
             "暂停期为一年。\n")


def site(root: Path, text: str, path: str = f"{HOST}/{PATH}") -> Path:
    dest = root / path
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    return root


def status(db: str) -> tuple[int, list[dict[str, str]]]:
    done = cli(db, "status", "--json", "--as-of", AS_OF, env=cli_env(**ENV))
    return done.code, [i for i in json.loads(done.out)["health_issues"] if i["kind"] == "no-number"]


def test_a_listing_read_with_no_number_is_published_and_said_by_replay_status_feeds_and_healthz(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    first = cli(db, "replay", str(site(tmp_path / "a", PAGE.read_text(encoding="utf-8"))), "--as-of", AS_OF,
                "--fetched-at", "2025-11-29T10:00:00+00:00", env=cli_env(**ENV))
    assert first.code == 1 and f"no notice number: {SAID}" in first.err, first.err  # was: exit 0, nothing said
    assert "a later notice naming its number will not find it" in first.err
    code, issues = status(db)
    assert code == 1 and [(i["notice_key"], i["url"]) for i in issues] == [(KEY, URL)]
    assert issues[0]["detail"].startswith(SAID) and "page SHA-256 " in issues[0]["detail"]
    out = tmp_path / "feeds"
    cli(db, "feeds", "--out", str(out), "--as-of", AS_OF, env=cli_env(**ENV))
    health = (out / "source-health.atom").read_text(encoding="utf-8")
    assert f"no notice number read on a page with items ({URL})" in health
    assert "step naming its number reaches none of them until the page is read with its number" in health
    items = (out / "all.atom").read_text(encoding="utf-8")
    assert "Dedrone by Axon" in items and "TechInsights Inc." in items  # its items are published all the same
    with serving(db, tmp_path, env={"MOFCOM_WATCH_FEEDS_DIR": str(out), **ENV}) as served:
        code, _headers, body = served.get("/healthz")
    report = json.loads(body)  # a source's problem, said in the body; the service is up (docs/deploy.md)
    assert (code, report["source_health"], report["open_issue_list"]) == (
        200, "problems", [{"source": "replay", "kind": "no-number", "url": URL}]), report
    again = cli(db, "replay", str(tmp_path / "a"), "--as-of", AS_OF, "--fetched-at", "2025-11-29T12:00:00+00:00",
                env=cli_env(**ENV))  # the same page again: said
    assert again.code == 1 and f"no notice number: {SAID}" in again.err and "1 unchanged" in again.out

    # the ministry numbers the page: stored as UEL-2025-10, and the unnumbered reading stands beside it (two keys for
    # one listing): still a problem, not resolved by the page reading otherwise
    later = cli(db, "replay", str(site(tmp_path / "b", NUMBERED)), "--as-of", AS_OF,
                "--fetched-at", "2025-11-30T10:00:00+00:00", env=cli_env(**ENV))
    assert later.code == 1 and f"no notice number: {SAID}" in later.err, later.err
    assert "the page's latest copy reads as UEL-2025-10, stored beside it: two keys for one notice" in later.err
    code, issues = status(db)
    assert code == 1 and [i["notice_key"] for i in issues] == [KEY]


def test_the_issue_is_resolved_once_a_newer_parser_reads_the_same_bytes_with_their_number(tmp_path):
    """An older parser read the page's bytes with no number (stored so: the snapshot's parser digest another's); this
    one reads them as UEL-2025-10: the unnumbered reading is withdrawn (its items retracted), the issue resolved, citing
    the copy."""
    db, file = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "store.sqlite"
    first = cli(db, "replay", str(site(tmp_path / "a", PAGE.read_text(encoding="utf-8"))), "--as-of", AS_OF,
                "--fetched-at", "2025-11-29T10:00:00+00:00", env=cli_env(**ENV))
    assert first.code == 1 and "no notice number: " in first.err
    raw = NUMBERED.encode("utf-8")
    sha = hashlib.sha256(raw).hexdigest()
    with sqlite3.connect(file) as con:  # the same bytes, as an older parser read them
        con.execute("UPDATE snapshot SET body = ?, sha256 = ?, size = ?, parser_digest = 'an-older-parser' "
                    "WHERE notice_key = ?", (zlib.compress(raw), sha, len(raw), KEY))
        con.execute("UPDATE page SET last_sha256 = ?", (sha,))
    upgraded = cli(db, "replay", str(site(tmp_path / "b", NUMBERED)), "--as-of", AS_OF,
                   "--fetched-at", "2025-11-30T10:00:00+00:00", env=cli_env(**ENV))
    assert "no notice number" not in upgraded.err, upgraded.err
    code, issues = status(db)
    assert issues == []
    with sqlite3.connect(file) as con:
        resolved = con.execute("SELECT resolved_at, resolved_url, resolved_sha256 FROM health_issue WHERE kind = ?",
                               ("no-number",)).fetchall()
    assert [(r[1], r[2]) for r in resolved] == [(URL, sha)] and resolved[0][0].startswith("2025-11-30 10:00")


def test_a_spokespersons_statement_taking_a_step_stays_quiet(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = cli(db, "replay", str(site(tmp_path / "a", STATEMENT, "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/x.txt")),
               "--as-of", AS_OF, "--json", env=cli_env(**ENV))
    keys = [n["key"] for n in json.loads(done.out)["notices"]]
    assert [k[:4] for k in keys] == ["DOC-"] and "no notice number" not in done.err, done.err
    assert status(db)[1] == []


def test_a_run_of_the_site_with_such_a_page_exits_1(tmp_path):
    """``run`` against the local copy of the site, the page added to the export control bureau's column."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / HOST, root / HOST)
    site(root, PAGE.read_text(encoding="utf-8"))
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(root) as served:
        done = cli(db, "run", "--out", str(out), "--no-progress", "--json", "--source", "aqygzj",
                   "--base-url", f"{HOST}={served.base_url(HOST)}", env=cli_env(**ENV))
    assert "Traceback" not in done.err, done.err
    report = json.loads(done.out)
    assert done.code == 1 and report["open_issues"] == [f"no-number/{KEY}"], done.out[-3000:]
    assert [i["notice_key"] for i in status(db)[1]] == [KEY]
