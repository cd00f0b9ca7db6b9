"""A source checked and unchanged (every index answered 304) is told apart from one not checked since.

Two real cycles over real HTTP against the local fixture site, fetch times pinned: the second gets 304s
for the indexes it reads, except the Q&A index, which answers 500. ``status`` (table and ``--json``) shows
each source's last check: the second cycle's time where a 304 (or 200) came back, the first's for the Q&A.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from mofcom_watch.cli import app
from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from storage.vocabulary import as_utc
from tests.conftest import copy_of
from tests.mofcom_watch.test_run_cycle import AS_OF, FIXTURES, HOSTS, POLICY, QA_INDEX
from tests.site_server import Fault, SiteServer

FIRST = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
SECOND = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[str, dict, str]:
    """(database URL, ``status --json``, ``status`` into a pipe) after the two cycles."""
    tmp = tmp_path_factory.mktemp("checked")
    settings = Settings(data_dir=tmp / "run", public_base_url="https://feeds.example.org/")
    with SiteServer(FIXTURES) as site:
        for moment in (FIRST, SECOND):
            result = run_cycle(settings, as_of=AS_OF, base_urls=site.base_urls(HOSTS), policy=POLICY,
                               out_dir=tmp / "feeds", progress=False, fetched_at=moment)
            site.faults[QA_INDEX] = Fault("500")  # from the second cycle on
        assert result.not_modified > 10
        assert any(h.path == QA_INDEX and h.status == 500 for h in site.hits)
    db = settings.database_url
    as_json = CliRunner().invoke(app, ["--db", db, "status", "--json", "--as-of", AS_OF.isoformat()])
    table = CliRunner().invoke(app, ["--db", db, "status", "--as-of", AS_OF.isoformat()])
    assert as_json.exit_code in (0, 1) and table.exit_code in (0, 1), as_json.output + table.output
    return db, json.loads(as_json.stdout), table.stdout


def test_a_304_is_a_check_the_index_and_its_source_record(checked) -> None:
    _db, status, _table = checked
    sources = {s["source"]: s for s in status["sources"]}
    assert {"mofcom-policy", "mofcom-qa", "aqygzj"} <= sources.keys()
    for name, source in sources.items():
        if name == "mofcom-qa":
            continue
        assert source["last_checked"] == SECOND.isoformat(), source
        assert any(i["last_checked"] == SECOND.isoformat() for i in source["indexes"]), source
    policy = {i["url"]: i for i in sources["mofcom-policy"]["indexes"]}
    assert policy["https://www.mofcom.gov.cn/zwgk/zcfb/index.html"] == {  # answered 304: unchanged since stored
        "url": "https://www.mofcom.gov.cn/zwgk/zcfb/index.html", "last_checked": SECOND.isoformat(),
        "stored_at": FIRST.isoformat()}


def test_a_source_whose_index_did_not_answer_keeps_its_last_check(checked) -> None:
    _db, status, _table = checked
    qa = next(s for s in status["sources"] if s["source"] == "mofcom-qa")
    assert qa["last_checked"] == FIRST.isoformat()
    assert qa["indexes"] == [{"url": f"https://{QA_INDEX}", "last_checked": FIRST.isoformat(),
                              "stored_at": FIRST.isoformat()}]


def test_status_shows_each_source_last_check_in_its_table(checked) -> None:
    _db, _status, table = checked
    lines = table.splitlines()
    assert "Sources, last checked (an index answered 200 or 304) and when an index last changed" in lines
    rows = {cells[0]: cells[1] for cells in (
        [c.strip() for c in line.strip("│").split("│")] for line in lines if line.startswith("│ "))
        if len(cells) == 3}
    assert rows["mofcom-qa"] == "2026-11-29 06:00 UTC" and rows["mofcom-policy"] == "2026-11-30 06:00 UTC"


def test_status_says_when_each_source_index_last_changed_apart_from_its_last_check(checked) -> None:
    """The second cycle's 304s: checked on 11-30, unchanged since 11-29. An index answering every run but changing no
    more (a column that stopped, a copy frozen in a cache) was told only by ``--json``'s per-index ``stored_at``
    (health46: "is staleness said?"); ``status`` now gives it per source, table and ``--json`` (``last_changed``)."""
    _db, status, table = checked
    sources = {s["source"]: s for s in status["sources"]}
    assert sources["mofcom-policy"]["last_checked"] == SECOND.isoformat()
    assert sources["mofcom-policy"]["last_changed"] == FIRST.isoformat()
    for source in sources.values():  # the newest copy of any of its indexes
        assert source["last_changed"] == max(i["stored_at"] for i in source["indexes"] if i["stored_at"]), source
    rows = {cells[0]: cells[1:] for cells in (
        [c.strip() for c in line.strip("│").split("│")] for line in table.splitlines() if line.startswith("│ "))
        if len(cells) == 3}
    assert rows["mofcom-policy"] == ["2026-11-30 06:00 UTC", "2026-11-29 06:00 UTC"], rows


def test_a_store_without_fetched_sources_shows_no_sources(tmp_path: Path, replayed: Path) -> None:
    db = copy_of(replayed, tmp_path / "replayed.sqlite")  # the fixtures replayed: no source was fetched
    status = CliRunner().invoke(app, ["--db", db, "status", "--json", "--as-of", AS_OF.isoformat()])
    assert json.loads(status.stdout)["sources"] == []
    assert "last checked" not in CliRunner().invoke(app, ["--db", db, "status", "--as-of", AS_OF.isoformat()]).stdout


def test_a_run_whose_answers_are_all_304_records_its_checks_but_derives_and_builds_nothing(tmp_path: Path,
                                                                                           monkeypatch) -> None:
    """Recording a 304 writes ``page.last_fetched_at``; no store generation watches the page table, so the
    second cycle of an unchanged site still skips the derive and the feed build (real HTTP, a real store)."""
    import mofcom_watch.publish
    from mofcom_watch.publisher import publish_store
    from storage.generations import generations
    from storage.lifecycle import derive
    from storage.models import Page

    calls: list[str] = []

    def derived(notices, as_of):  # noqa: ANN001, ANN202
        calls.append("derive")
        return derive(notices, as_of)

    def built(session, **kw):  # noqa: ANN001, ANN003, ANN202
        calls.append("build")
        return publish_store(session, **kw)

    monkeypatch.setattr(mofcom_watch.publish, "derive", derived)
    monkeypatch.setattr(mofcom_watch.publish, "publish_store", built)
    settings = Settings(data_dir=tmp_path / "run", public_base_url="https://feeds.example.org/")

    def read() -> tuple[dict[str, int], dict[str, datetime | None]]:
        engine = create_engine(settings.database_url)
        with Session(engine) as session:
            found = generations(session), {url: as_utc(at) if at else None for url, at in
                                           session.execute(select(Page.url, Page.last_fetched_at))}
        engine.dispose()
        return found

    with SiteServer(FIXTURES) as site:
        for moment in (FIRST, SECOND):
            if moment == SECOND:
                assert calls == ["derive", "build"], calls  # the first cycle derives and builds
                before, _ = read()
            result = run_cycle(settings, as_of=AS_OF, base_urls=site.base_urls(HOSTS), policy=POLICY,
                               out_dir=tmp_path / "feeds", progress=False, fetched_at=moment)
    after, checked = read()
    assert result.not_modified > 10 and not result.published
    assert sum(1 for at in checked.values() if at == SECOND) >= result.not_modified  # every 304 recorded
    assert after == before  # no counter moved: nothing for derive or publish to see
    assert calls == ["derive", "build"], calls  # the second cycle did neither
