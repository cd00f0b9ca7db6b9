"""One publish path: `run` and `replay` run the lifecycle engine once each (it was twice per cycle),
also when a broken source holds items back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mofcom_watch.publish
import storage.events
import storage.lifecycle
import storage.status
from mofcom_watch.cli import app
from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from scraper.fetch import FetchPolicy
from scraper.sources import load_sources
from tests.site_server import Fault, SiteServer

AS_OF = date(2026, 11, 29)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
WWW = "www.mofcom.gov.cn"
QA_ECL_1105 = f"{WWW}/xwfb/xwfyrth/art/2025/art_7e09fc75390f4a078466b56ac9d6503a.html"
# no fault here stalls: a roomy timeout, so a loaded machine (CI at load 16, session 30) fails no fetch the test did not
# break (mofcom-announcements timed out at 2 s and was held back too)
POLICY = FetchPolicy(delay=0.0, attempts=1, timeout=30.0, total=4)


@pytest.fixture
def derivations(monkeypatch) -> list[date]:
    """Counts every run of the real engine, wherever it is called from."""
    calls: list[date] = []
    real = storage.lifecycle.derive

    def counting(notices, as_of):
        calls.append(as_of)
        return real(notices, as_of)

    for module in (mofcom_watch.publish, storage.events, storage.status):
        monkeypatch.setattr(module, "derive", counting)
    return calls


def _run(tmp_path: Path, site: SiteServer):
    settings = Settings(data_dir=tmp_path / "d", public_base_url="https://feeds.example.org/")
    return run_cycle(settings, as_of=AS_OF, base_urls={WWW: site.base_url(WWW)}, policy=POLICY, progress=False,
                     sources=[s for s in load_sources() if s.name == "mofcom-qa"], out_dir=tmp_path / "feeds")


def test_a_cycle_derives_once(tmp_path, derivations):
    with SiteServer(FIXTURES) as site:
        result = _run(tmp_path, site)
    # the source clean (not ``ok``: the Q&As alone leave their references unresolved, which a run reports)
    assert all(s.ok for s in result.sources) and result.new_events > 0 and result.published
    assert derivations == [AS_OF]


def test_a_cycle_with_a_broken_source_derives_once_too(tmp_path, derivations):
    with SiteServer(FIXTURES) as site:
        site.faults[QA_ECL_1105] = Fault("500")
        result = _run(tmp_path, site)
    assert result.held_back == ("mofcom-qa",) and derivations == [AS_OF]
    assert str(tmp_path / "feeds" / "source-health.atom") in result.published


def test_replay_derives_once(tmp_path, derivations):
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    result = CliRunner().invoke(app, ["--db", db, "replay", str(FIXTURES / WWW / "xwfb"), "--as-of", "2026-11-29",
                                      "--fetched-at", "2026-11-29T06:00:00+00:00"])
    assert "Stored notices" in result.output
    assert derivations == [AS_OF]


def test_other_base_url_reads_self_links_with_and_without_their_type(tmp_path) -> None:
    """reader37: the self link got its media type; a folder written before (no type) and one written now both tell
    the base URL they link to (serve publishes its own again when another writer's links name another port)."""
    from mofcom_watch.publish import PublishTarget, other_base_url

    target = PublishTarget(out_dir=tmp_path, base_url="http://127.0.0.1:9000/feeds/")
    for link in (b'<link href="http://127.0.0.1:8080/feeds/all.atom" rel="self"/>',
                 b'<link href="http://127.0.0.1:8080/feeds/all.atom" rel="self" type="application/atom+xml"/>'):
        (tmp_path / "all.atom").write_bytes(b"<?xml version='1.0' encoding='UTF-8'?>\n<feed><id>x</id>" + link + b"</feed>")
        assert other_base_url(target) == "http://127.0.0.1:8080/feeds/", link
    (tmp_path / "all.atom").write_bytes(b'<feed><link href="http://127.0.0.1:9000/feeds/all.atom" rel="self" '
                                        b'type="application/atom+xml"/></feed>')
    assert other_base_url(target) is None
