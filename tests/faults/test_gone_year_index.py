"""A year's announcement index read once, then gone (health38 K73: a source broken while health stayed green).

The 部令公告 source reads the current and the previous year's index (``/zcfb/blgg/gg/{year}/index.html``); a year whose
index answers 404 is "not published yet" (the new year's index may be missing for a while). The 2026 index answered and
was read (it listed 2026 No. 23 at its alias URL), then answered 404: the column had moved (as 2025's did, to
"2025nswbgg"). Every later run exited 0, `status` said nothing, no health item: a notice listed only where the column
went would go unread. An index whose copy is stored is now gone when it answers 404: the source's failure, its issue
and health item, until it answers again or a person checks it gone (``accept URL gone``). Real ``run`` processes on a real SQLite file against the local site.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.faketime import FAKETIME_LIB, NO_FAKETIME, faked
from tests.faults.harness import FIXTURES, cli, cli_env
from tests.site_server import SiteServer

W = "www.mofcom.gov.cn"
TODAY = "2026-12-04"  # (fixed: the source reads the index of this year and the one before)
INDEX_2025 = f"{W}/zcfb/blgg/gg/2025/index.html"
INDEX_2026 = f"{W}/zcfb/blgg/gg/2026/index.html"
N23 = f"{W}/zwgk/zcfb/art/2026/art_dfa9cc5c1e004d7fbb86f83d249e7986.html"
N23_ALIAS = f"{W}/zcfb/blgg/gg/2026/art/2026/art_aab677e956c943808cebf8c06a28ff0e.html"  # (domain.md: its alias)
N23_TITLE = "商务部公告2026年第23号 公布将10家美国实体列入出口管制管控名单"


def index_2026() -> bytes:
    """The 2025 index's page as 2026's, listing 2026 No. 23 at its alias URL."""
    page = (FIXTURES / INDEX_2025).read_text(encoding="utf-8").replace("2025年公告", "2026年公告")
    head, rest = page.split('<ul class="txtList_01 policy-list f-mt20">', 1)
    row = (f'      <li><a href="/{N23_ALIAS.split("/", 1)[1]}" title="{N23_TITLE}" target="_blank">{N23_TITLE}</a>'
           "<span>[2026-06-22]</span></li>\n")
    return (head + '<ul class="txtList_01 policy-list f-mt20">\n' + row + "    </ul>" + rest.split("</ul>", 1)[1]).encode()


def run(db: str, out: Path, site: SiteServer, *, status: bool = True, **clock: str) -> tuple[int, dict, dict]:
    """One ``run`` of the announcements source, then ``status --json``: exit code, run report, status (``clock``:
    libfaketime's variables, :func:`faked`). ``status=False`` where the test does not look at it: no status process
    (an empty dict; session 54: seven status processes nobody read, three of them the real program under faketime)."""
    env = cli_env(MOFCOM_WATCH_TODAY=TODAY, **clock)
    done = cli(db, "run", "--out", str(out), "--no-progress", "--json", "--base-url", f"{W}={site.base_url(W)}",
               "--source", "mofcom-announcements", env=env)
    assert "Traceback" not in done.err, done.err
    state = json.loads(cli(db, "status", "--json", env=env).out) if status else {}
    return done.code, json.loads(done.out), state


def failures(report: dict) -> dict[str, str]:
    return {f["url"]: f"{f['reason']}: {f['detail']}" for s in report["sources"] for f in s["failures"]}


def test_a_year_index_read_before_then_404_is_the_sources_failure(tmp_path):
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    gone_url = "https://" + INDEX_2026
    with SiteServer(FIXTURES) as site:
        site.set_page(INDEX_2026, index_2026())
        site.set_page(N23_ALIAS, (FIXTURES / N23).read_bytes())
        code, report, _ = run(db, out, site, status=False)
        assert code == 0 and not failures(report), failures(report)  # read: 2026 No. 23 through its alias

        site.removed.add(INDEX_2026)  # the column moved: its old index answers 404, the articles still answer
        for _ in range(2):  # and stays so: every run says it (not once, then "not published yet")
            code, report, state = run(db, out, site)
            told = failures(report)
            assert code == 1 and gone_url in told, told
            assert told[gone_url].startswith("not-found: HTTP 404: this index was read before"), told
            assert any(i["url"] == gone_url for i in state["health_issues"]), state["health_issues"]
            assert "/zcfb/blgg/gg/2026/index.html" in (out / "source-health.atom").read_text(encoding="utf-8")

        site.set_page(INDEX_2026, index_2026())  # back: clean again
        code, report, state = run(db, out, site)
        assert code == 0 and not failures(report) and not state["health_issues"], (failures(report), state["health_issues"])


def test_a_year_index_a_person_checked_gone_is_a_note_until_it_answers(tmp_path):
    """The column withdrawn for good: a person's ``accept URL gone`` ends the failure (the source still asks for the
    year's index: a 404 then is a note); once it answers again, a later 404 is a failure again."""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    gone_url = "https://" + INDEX_2026
    env = cli_env(MOFCOM_WATCH_TODAY=TODAY)
    with SiteServer(FIXTURES) as site:
        site.set_page(INDEX_2026, index_2026())
        site.set_page(N23_ALIAS, (FIXTURES / N23).read_bytes())
        assert run(db, out, site, status=False)[0] == 0
        site.removed.add(INDEX_2026)
        code, report, _ = run(db, out, site, status=False)
        assert code == 1 and gone_url in failures(report), failures(report)
        accepted = cli(db, "accept", gone_url, "gone", "--by", "tester", env=env)
        assert accepted.code == 0, accepted.out + accepted.err
        for _ in range(2):
            code, report, state = run(db, out, site)
            assert code == 0 and not failures(report) and not state["health_issues"], failures(report)
        site.set_page(INDEX_2026, index_2026())  # it answers again, then is gone again: a failure again
        assert run(db, out, site, status=False)[0] == 0
        site.removed.add(INDEX_2026)
        code, report, _ = run(db, out, site, status=False)
        assert code == 1 and gone_url in failures(report), failures(report)


def test_a_year_index_never_read_is_not_published_yet(tmp_path):
    """The 2026 index never answered (the year's column not made yet): a note, exit 0, as before."""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    with SiteServer(FIXTURES) as site:
        for _ in range(2):
            code, report, state = run(db, out, site)
            assert code == 0 and not failures(report) and not state["health_issues"], failures(report)
            notes = [n for s in report["sources"] for n in s.get("notes", [])]
            assert any("2026/index.html: not published (404)" in n for n in notes), notes


@pytest.mark.skipif(FAKETIME_LIB is None, reason=NO_FAKETIME)
def test_an_answer_in_the_second_of_the_check_is_an_answer_since(tmp_path):
    """flaky40 (the test above failed once in session 39's start CI): fetch times and the check's time are whole
    seconds, and an answer in the check's own second was read as before it. The index answered again right after the
    person's check, in that second; its next 404 was then a note, exit 0, health green. Here every process's clock is
    libfaketime's: an hour before the check, then the check's second (at a hundredth of the pace, so that each
    process stays in it)."""
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    gone_url = "https://" + INDEX_2026
    before, then = faked("2026-12-05 04:00:00"), faked("2026-12-05 05:00:00")
    with SiteServer(FIXTURES) as site:
        site.set_page(INDEX_2026, index_2026())
        site.set_page(N23_ALIAS, (FIXTURES / N23).read_bytes())
        assert run(db, out, site, status=False, **before)[0] == 0
        site.removed.add(INDEX_2026)
        assert gone_url in failures(run(db, out, site, status=False, **before)[1])
        accepted = cli(db, "accept", gone_url, "gone", "--by", "tester", env=cli_env(MOFCOM_WATCH_TODAY=TODAY, **then))
        assert accepted.code == 0 and "at 2026-12-05 05:00" in accepted.out, accepted.out + accepted.err
        site.set_page(INDEX_2026, index_2026())  # it answers again in the check's second
        assert run(db, out, site, status=False, **then)[0] == 0
        site.removed.add(INDEX_2026)
        code, report, state = run(db, out, site, **then)
        assert code == 1 and gone_url in failures(report), failures(report)
        assert any(i["url"] == gone_url for i in state["health_issues"]), state["health_issues"]
