"""Split runs (a cron of one ``run --source`` per entry): the last of a day's runs publishes the lapse, and a lapse held
past its day for a source no run covers is a problem.

Session 59 made a run of some sources hold back what the sources it left out could falsify (cycles58's B1), said in a
note, exit 0. A cron of one source per entry never has a run of every source, so a true lapse was never published,
with a note, exit 0 and health green (class A in effect: silent). Now a left-out source whose clean run covers the
as-of day (read as of that day: ``SourceRun.as_of``, migration 0019) holds nothing back, and an item held for a source
no run covered for more than a day is a problem: the run not ok, ``status`` exit 1 with the line, ``/healthz``'s
source health "problems", an item in the source-health feed. Real HTTP (``tests/site_server.py``), a real SQLite
file; the cycles run in-process as ``run --source`` calls them (``run_cycle(not_run=…)``), as
``tests/faults/test_index_gap58.py``'s; ``status`` is a real process."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from scraper.sources.registry import load_sources
from tests.faults.harness import cli, cli_env
from tests.faults.test_cut_short_crawl import _healthz
from tests.faults.test_index_gap58 import BEFORE_LAPSE, LAPSE, POLICY, WWW, _site, _stored

LAPSE_DAY = date(2026, 11, 11)  # UEL No. 7's suspension, extended to 2026-11-10 (fixtures/README.md), lapses then
BOTH = ("mofcom-policy", "mofcom-qa")  # the deployment's sources


def _cycle(data: Path, site, day: date, *only: str):
    """A cycle as ``run --source NAME`` makes it: the deployment's other sources passed as not run."""
    settings = Settings(data_dir=data, public_base_url="https://feeds.example.org/")
    names = only or BOTH
    return settings, run_cycle(settings, as_of=day, base_urls=site.base_urls([WWW]), policy=POLICY, progress=False,
                               sources=[s for s in load_sources() if s.name in names], out_dir=data / "feeds",
                               not_run=tuple(n for n in BOTH if n not in names))


def test_a_source_left_out_for_two_days_is_a_problem_on_the_second(tmp_path):
    """Only policy runs (qa's cron entry broken): the lapse held on its day (qa's last clean run is of an earlier day:
    it may hold the extension; a note, ok), and on the next Beijing day a problem naming mofcom-qa and the lapse: the
    run not ok, ``status`` exit 1, ``/healthz`` source health "problems", a source-health item. qa's run that day,
    after policy's clean run of the day (the split cron's last entry), publishes the lapse, never retracted, and
    resolves the problem (one scenario: a split cron's day is its two last cycles)."""
    data = tmp_path / "d"
    with _site() as site:
        settings, full = _cycle(data, site, BEFORE_LAPSE)
        _s, day1 = _cycle(data, site, LAPSE_DAY, "mofcom-policy")
        assert full.ok and day1.ok and LAPSE in day1.withheld, day1.problems  # the day is not over: a note
        assert any("the sources not run (mofcom-qa)" in n for n in day1.notes), day1.notes
        _s, day2 = _cycle(data, site, date(2026, 11, 12), "mofcom-policy")
        assert not day2.ok and LAPSE in day2.withheld
        said = " ".join(day2.problems)
        assert "held back for more than a day (since 2026-11-11 or before) for mofcom-qa" in said, said
        assert "run it at least once a day (`mofcom-watch run --source mofcom-qa`)" in said, said
        detail = " ".join(day2.open_issue_details)
        assert "Suspension lapsed" in detail and "UEL" in detail, detail  # what waits: the lapse of which notice
        db = settings.database_url
        status = cli(db, "status", "--as-of", "2026-11-12", "--json", env=cli_env())
        assert status.code == 1, status.err
        assert "mofcom-qa" in json.dumps(json.loads(status.out)["problems"] or json.loads(status.out)), status.out
        code, health = _healthz(db, data / "feeds")
        assert code == 200 and health["source_health"] == "problems", health
        assert {"source": "publish", "kind": "held-back", "url": None} in health["open_issue_list"], health
        items = (data / "feeds" / "source-health.atom").read_text(encoding="utf-8")
        assert "held back for more than a day while a configured source is not run" in items
        _s, qa = _cycle(data, site, date(2026, 11, 12), "mofcom-qa")
    assert qa.ok and not qa.open_issues and not qa.withheld, (qa.problems, qa.open_issue_details)
    assert not any("held back" in n for n in qa.notes), qa.notes  # policy's clean run of the day covers it
    assert LAPSE in _stored(db, date(2026, 11, 12))[0]
    feed = (data / "feeds" / "all.atom").read_text(encoding="utf-8")
    assert LAPSE in feed and "Retracted" not in feed
