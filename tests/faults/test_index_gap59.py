"""An index gap stays open, and what it could falsify held back, until the rows are read or a person accepts it.

cycles58's B4 (class A in effect): ``42fb3fec`` made an index of one page whose answer listed none of its last copy's
links an ``index-gap`` failure, but for one run only: the next run read the same page (no gap against the copy it now
held), the unusable-page problem closed on that good read, and the lapse the pushed-off answer could have put off was
published, exit 0, though that answer was never read. Now the problem is kept by every run (a failure of the run again,
its text the same) and the source held back (``storage.health.held_sources``) until an answer lists a row of the copy
before the gap again (every row between listed, so read) or a person accepts the gap
(``mofcom-watch accept URL SHA``). Real HTTP (``tests/site_server.py``), a real SQLite file, the cycle in-process as
``test_index_gap58``'s; ``accept`` and ``status`` as real processes."""

from __future__ import annotations

import json
import re
from datetime import date

from storage.vocabulary import HealthKind
from tests.faults.harness import cli
from tests.faults.test_index_gap58 import (
    AS_OF,
    BEFORE_LAPSE,
    DECIDED,
    LAPSE,
    QA_INDEX,
    QAS,
    WWW,
    _answer,
    _gap_page,
    _run,
    _site,
    _stored,
)
from tests.faults.test_site_changes import index_page

EXTENDED = "tag:mofcom-watch,2025:UEL-2025-7/suspension_extended/uel/2026-11-11"
EXTENSION = "xwfb/xwfyrth/art/2026/art_00000000000000000000000000000e11.html"
ACCEPT = re.compile(r"mofcom-watch accept (\S+) ([0-9a-f]{64})")


def _open_gap(db_url: str) -> str:
    issues = [i for i in _stored(db_url)[1] if i.url == f"https://{QA_INDEX}" and i.resolved_at is None]
    assert len(issues) == 1 and issues[0].kind == HealthKind.UNUSABLE_PAGE and "index-gap" in issues[0].detail
    return issues[0].detail


def test_a_gap_stays_held_run_after_run_until_a_person_accepts_it(tmp_path):
    with _site() as site:
        settings, first = _run(tmp_path / "d", site, BEFORE_LAPSE)
        assert first.ok
        _gap_page(site)
        _s, second = _run(tmp_path / "d", site, AS_OF)
        assert not second.ok and LAPSE in second.withheld
        for _ in range(3):  # the same page: no gap against the copy now held, still open; past FAILING_RUNS too
            _s, third = _run(tmp_path / "d", site, AS_OF)
            assert not third.ok and third.held_back == ("mofcom-qa",) and LAPSE in third.withheld
            assert any(f.reason == "index-gap" for s in third.sources for f in s.counts.failures)
            assert any("an index gap of mofcom-qa waits for a person (`mofcom-watch review`)" in p for p in third.problems)
        assert LAPSE not in _stored(settings.database_url)[0]
        detail = _open_gap(settings.database_url)
        assert "read the rows the column published between 2025-05-14 and 2026-11-23" in detail
        url, sha = ACCEPT.search(detail).groups()  # type: ignore[union-attr]
        assert url == f"https://{QA_INDEX}"
        status = cli(settings.database_url, "status", "--as-of", str(AS_OF))
        said = " ".join(status.out.split())
        assert status.code == 1 and f"mofcom-watch accept {url} {sha}" in said
        assert re.search(r"HELD BACK: \d+ item\(s\) derived but not published while mofcom-qa", said)  # B3
        held = json.loads(cli(settings.database_url, "status", "--as-of", str(AS_OF), "--json").out)["held_back"]
        assert held["sources"] == ["mofcom-qa"] and LAPSE in [i["id"] for i in held["items"]]
        assert {i["notice_key"] for i in held["items"]} == {"UEL-2025-7"}  # the lapse, its countdowns
        timeline = cli(settings.database_url, "timeline", "BRINC Drones", "--as-of", str(AS_OF))
        assert timeline.code == 0 and "held back, unconfirmed" in timeline.out  # (timeline: exit 0 by its contract)
        listings = json.loads(cli(settings.database_url, "timeline", "BRINC Drones", "--as-of", str(AS_OF),
                                  "--json").out)["listings"]
        assert [x["notice_key"] for x in listings if x.get("held_back")] == ["UEL-2025-7"]
        review = cli(settings.database_url, "review")
        assert review.code == 1 and f"mofcom-watch accept {url} {sha}" in review.out
        done = cli(settings.database_url, "accept", url, sha[:12], "--by", "officer@example", "--as-of", str(AS_OF))
        assert done.code == 0, done.err
        assert "officer@example" in done.out
        _s, fourth = _run(tmp_path / "d", site, AS_OF)
        assert fourth.ok and fourth.held_back == () and LAPSE not in fourth.withheld
        assert LAPSE in _stored(settings.database_url)[0]
        timeline = cli(settings.database_url, "timeline", "BRINC Drones", "--as-of", str(AS_OF))
        assert timeline.code == 0 and "held back" not in timeline.out and "lapsed" in timeline.out
        closed = [i for i in _stored(settings.database_url)[1] if i.url == f"https://{QA_INDEX}"]
        assert closed and all(i.resolved_at is not None for i in closed)
        assert "accepted by officer@example" in closed[0].detail and sha in closed[0].detail


def test_a_gap_closes_when_the_index_lists_the_rows_before_it_again_and_the_missed_answer_is_read(tmp_path):
    """(a): the column lists more rows again (the site's list grew back past the gap): a row of the copy before the
    gap is listed, so every row between is, the missed extension among them: read, published, and no lapse ever."""
    with _site() as site:
        settings, first = _run(tmp_path / "d", site, BEFORE_LAPSE)
        assert first.ok
        site.set_page(f"{WWW}/{EXTENSION}", _answer("中美经贸磋商", "2026-11-10", DECIDED))
        _gap_page(site)  # the extension, published in the outage, pushed off the one page unread
        _s, second = _run(tmp_path / "d", site, AS_OF)
        assert not second.ok and LAPSE in second.withheld
        _s, third = _run(tmp_path / "d", site, AS_OF)
        assert not third.ok and LAPSE in third.withheld
        rows = [(f"/xwfb/xwfyrth/art/2026/art_{i + 1:032x}.html", f"商务部新闻发言人就话题{i}有关问题答记者问",
                 f"2026-11-{28 - i:02d}") for i in range(6)]
        rows += [(f"/{EXTENSION}", "商务部新闻发言人就中美经贸磋商有关问题答记者问", "2026-11-10")]
        rows += [(f"/{path}", f"商务部新闻发言人答记者问{i}", "2025-05-14") for i, path in enumerate(reversed(QAS))]
        site.set_page(QA_INDEX, index_page("新闻发言人谈话", rows))
        _s, fourth = _run(tmp_path / "d", site, AS_OF)
        assert fourth.ok and fourth.held_back == ()
        assert any("the rows between are listed and read" in n for s in fourth.sources for n in s.notes)
    events = _stored(settings.database_url)[0]
    assert EXTENDED in events and LAPSE not in events
    assert not [i for i in _stored(settings.database_url)[1] if i.url == f"https://{QA_INDEX}" and i.resolved_at is None]


def test_a_new_gap_on_top_of_an_open_one_widens_it_and_the_old_accept_command_is_refused(tmp_path):
    with _site() as site:
        settings, first = _run(tmp_path / "d", site, BEFORE_LAPSE)
        assert first.ok
        _gap_page(site)
        _run(tmp_path / "d", site, AS_OF)
        old = ACCEPT.search(_open_gap(settings.database_url)).group(2)  # type: ignore[union-attr]
        rows = []
        for i in range(6):  # six more, every row of the gap's answer pushed off too
            path = f"xwfb/xwfyrth/art/2026/art_{i + 0xa1:032x}.html"
            site.set_page(f"{WWW}/{path}", _answer(f"话题{i}", f"2026-12-0{6 - i}"))
            rows.append((f"/{path}", f"商务部新闻发言人就话题{i}有关问题答记者问", f"2026-12-0{6 - i}"))
        site.set_page(QA_INDEX, index_page("新闻发言人谈话", rows))
        _s, third = _run(tmp_path / "d", site, date(2026, 12, 6))
        assert not third.ok and LAPSE in third.withheld
        detail = _open_gap(settings.database_url)
        assert "between 2025-05-14 and 2026-12-01" in detail  # still held to the copy before the first gap
        new = ACCEPT.search(detail).group(2)  # type: ignore[union-attr]
        assert new != old
        stale = cli(settings.database_url, "accept", f"https://{QA_INDEX}", old, "--as-of", "2026-12-06")
        assert stale.code == 2 and "widened" in stale.err
