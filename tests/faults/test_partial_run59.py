"""``run --source X`` holds back what the sources it leaves out could falsify, and says so in a note.

cycles58's B1: on a lapse day, ``mofcom-watch run --source mofcom-policy`` published "Suspension lapsed: presumed back
in force" though mofcom-qa, not run, held the answer extending the suspension; the next full run retracted it (loud,
but a false item was published). Now the configured sources a run leaves out hold back a new lapse, countdown or
unresolved reference as a broken source's would (``run_cycle(not_run=…)``, ``publish(partial=…)``); nothing is wrong, so
no problem is opened and the run exits 0, a note naming the sources not run; the next run of every source publishes
what it reads. A source skipped for want of a base URL (a mirror of some hosts only) is left out the same way. (Since
split60 a left-out source's clean run of the day covers it, and an item held for more than a day is a problem:
tests/faults/test_split_runs60.py.)
Real ``run`` processes against real HTTP (``tests/site_server.py``) and a real SQLite file."""

from __future__ import annotations

import json

from tests.faults.harness import cli, cli_env
from tests.faults.test_index_gap58 import DECIDED, LAPSE, QA_INDEX, QAS, WWW, _answer, _site, _stored
from tests.faults.test_index_gap59 import EXTENDED, EXTENSION
from tests.faults.test_site_changes import index_page

ENV = cli_env(MOFCOM_WATCH_SOURCES="mofcom-policy,mofcom-qa")  # the deployment's sources: these two


def _run(db: str, site, out, day: str, *only: str):
    args = ["run", "--as-of", day, "--out", str(out), "--no-progress", "--base-url", f"{WWW}={site.url}/{WWW}"]
    for name in only:
        args += ["--source", name]
    return cli(db, *args, env=ENV)


def test_a_run_of_one_source_holds_back_the_lapse_the_sources_left_out_could_falsify(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with _site() as site:
        first = _run(db, site, tmp_path / "feeds", "2026-11-01")
        assert first.code == 0, first.out + first.err
        site.set_page(f"{WWW}/{EXTENSION}", _answer("中美经贸磋商", "2026-11-10", DECIDED))  # in mofcom-qa only
        rows = [(f"/{EXTENSION}", "商务部新闻发言人就中美经贸磋商有关问题答记者问", "2026-11-10")]
        rows += [(f"/{path}", f"商务部新闻发言人答记者问{i}", "2025-05-14") for i, path in enumerate(reversed(QAS))]
        site.set_page(QA_INDEX, index_page("新闻发言人谈话", rows))
        partial = _run(db, site, tmp_path / "feeds", "2026-11-29", "mofcom-policy")
        assert partial.code == 0, partial.out + partial.err
        said = " ".join(partial.out.split())
        assert "held back" in said and "the sources not run (mofcom-qa)" in said
        assert LAPSE not in _stored(db)[0]  # never published, so never retracted
        assert LAPSE not in (tmp_path / "feeds" / "all.atom").read_text(encoding="utf-8")
        for day in ("2026-11-29", "2026-11-30"):  # B3: status marks the lapse held (the last sync's, or derived anew)
            status = cli(db, "status", "--as-of", day, "--json", env=ENV)
            held = json.loads(status.out)["held_back"]
            assert status.code == 0 and held["sources"] == ["mofcom-qa"], status.err  # (nothing wrong: no problem)
            assert LAPSE in [i["id"] for i in held["items"]]
        full = _run(db, site, tmp_path / "feeds", "2026-11-29")
        assert full.code == 0, full.out + full.err
    events = _stored(db)[0]
    assert EXTENDED in events and LAPSE not in events
    assert "Retracted" not in (tmp_path / "feeds" / "all.atom").read_text(encoding="utf-8")


def test_a_source_skipped_for_want_of_a_base_url_holds_back_the_lapse_too(tmp_path):
    """``base_urls`` for www only (a mirror): aqygzj is skipped, not fetched, and may hold the notice extending the
    suspension; the lapse is held as for a source not run (was: published on its day, exit 0; hold59's pin, skip59).
    Never run, it holds items for good: on the store's first day a note (ok), after that day a problem whose words
    tell the operator to configure only the sources mirrored (was: a note, ok, for good: silent; split60)."""
    from mofcom_watch.config import Settings
    from mofcom_watch.cycle import run_cycle
    from scraper.sources.registry import load_sources
    from tests.faults.test_index_gap58 import AS_OF, BEFORE_LAPSE, POLICY

    with _site() as site:
        settings = Settings(data_dir=tmp_path / "d", public_base_url="https://feeds.example.org/")
        sources = [s for s in load_sources() if s.name in ("mofcom-policy", "mofcom-qa", "aqygzj")]
        first, result = (run_cycle(settings, as_of=day, base_urls=site.base_urls([WWW]), policy=POLICY,
                                   progress=False, sources=sources, out_dir=tmp_path / "d" / "feeds")
                         for day in (BEFORE_LAPSE, AS_OF))
    assert first.ok and first.withheld  # the store's first day: a note (the day is not over)
    said = " ".join(" ".join(first.notes).split())
    assert "held back" in said and "the sources skipped for want of a base URL (aqygzj)" in said
    assert [s.name for s in result.sources if str(s.mode) == "skipped"] == ["aqygzj"]
    assert LAPSE not in _stored(settings.database_url)[0]  # held: aqygzj, not fetched, may hold the extension
    assert not result.ok  # held since the first day, for a source never run: a problem
    said = " ".join(" ".join((*result.problems, *result.open_issue_details)).split())
    assert "aqygzj is skipped for want of a base URL" in said, said
    assert "configures only the sources it mirrors ([fetch] sources, MOFCOM_WATCH_SOURCES)" in said, said
