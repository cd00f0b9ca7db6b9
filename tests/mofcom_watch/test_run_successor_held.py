"""An item replaced while a source is broken: it stays until the item it continues as is published (order43).

Found upgrading a store built by ``run`` with ``fec8b693`` to main through ``run`` (lapse43 moved 229 of its lapses
and countdowns a day), the Q&A index down in the new version's first cycle: every moved item's successor was held
back (a broken source could falsify a lapse or a countdown), so it had none, and each was "Retracted: Suspension
lapsed: … presumed back in force from 2026-11-10 …: the suspension goes on (QA-2025-11-05-…)" (the measures were
presumed back from 11-11, a false "goes on" for as long as the source stayed down); the new items came a cycle later
as news of their own, linked to nothing. Here the same with the one page a day moves: the UEL Q&A of 2025-05-14
re-published with "91天", its two countdowns a day later, in a cycle with the announcements' index gone. Real
``run_cycle`` against a local copy of the sites (real HTTP), a real SQLite store.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, select

from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from scraper.fetch import FetchPolicy
from storage.models import Event
from storage.vocabulary import TAG_PREFIX as TAG
from tests.site_server import Fault, SiteServer, sources_of

AS_OF = date(2025, 8, 10)  # the UEL 7 suspension's countdowns are behind, its lapse not yet
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HOSTS = ["www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"]
WWW = "www.mofcom.gov.cn"
QA_0514_UEL = f"{WWW}/xwfb/xwfyrth/art/2025/art_53ec1f591dba49a39b65fd89b6d73e6f.html"
ANNOUNCEMENTS = [f"{WWW}/zcfb/blgg/gg/{year}/index.html" for year in (2024, 2025)]
POLICY = FetchPolicy(delay=0.0, attempts=1, backoff=0.01, max_wait=0.05, timeout=2.0, total=4)
COUNTDOWNS = {f"{TAG}UEL-2025-7/suspension_ends_soon/uel/{old}": f"{TAG}UEL-2025-7/suspension_ends_soon/uel/{new}"
              for old, new in (("2025-07-14", "2025-07-15"), ("2025-08-06", "2025-08-07"))}


def _run(tmp: Path, site: SiteServer):
    # the deployment's sources are those of the hosts mirrored (a source skipped for want of a base URL holds back)
    return run_cycle(Settings(data_dir=tmp / "run", public_base_url="https://feeds.example.org/",
                              sources=sources_of(HOSTS)), as_of=AS_OF,
                     base_urls=site.base_urls(HOSTS), policy=POLICY, out_dir=tmp / "run" / "feeds", progress=False)


def _items(tmp: Path) -> dict[str, tuple[str, bool]]:
    engine = create_engine(f"sqlite:///{tmp / 'run' / 'mofcom-watch.sqlite'}")
    with engine.connect() as conn:
        got = {i: (p.get("title", ""), r) for i, p, r in conn.execute(select(Event.id, Event.payload, Event.retracted))}
    engine.dispose()
    return got


def test_an_item_replaced_while_a_source_is_broken_stays_until_its_successor_is_published(tmp_path):
    with SiteServer(FIXTURES) as site:
        first = _run(tmp_path, site)
        assert first.ok, first.open_issues
        before = _items(tmp_path)
        assert all(old in before and not before[old][1] for old in COUNTDOWNS), sorted(
            i for i in before if "ends_soon/uel/" in i)
        page = site.read(QA_0514_UEL)
        assert page is not None and "相关措施90天".encode() in page
        site.set_page(QA_0514_UEL, page.replace("相关措施90天".encode(), "相关措施91天".encode()))
        for index in ANNOUNCEMENTS:
            site.faults[index] = Fault("404")
        broken = _run(tmp_path, site)
        assert not broken.ok and broken.held_back, (broken.ok, broken.held_back)
        during = _items(tmp_path)
        for old, new in COUNTDOWNS.items():
            assert not during[old][1], f"{old} retracted while {new} is held back"
            assert f"{old}/correction/1" not in during, during[f"{old}/correction/1"][0]
            assert new not in during
        site.faults.clear()
        healed = _run(tmp_path, site)
        assert not healed.held_back
        after = _items(tmp_path)
    for old, new in COUNTDOWNS.items():
        assert after[old][1] and new in after, (old, new)
        title = after[f"{old}/correction/1"][0]
        assert title.startswith("Replaced by a corrected item: Suspension ends in"), title
