"""crawl49 (session 49): an index whose last answer was a bot check keeps its "last changed" in ``status`` (probe48's B4).

``status``'s per-source "index last changed" (health46's staleness signal) is the newest copy of any of the source's
indexes. An index whose latest answer was a bot-check page (stored as an unusable copy) dropped out of the source's
indexes, so a source of one index showed no "last changed" at all while the bot check lasted (``null``). It is loud
anyway (an unusable-page issue); now the index is still listed, as of its newest copy read as an index.

Real ``run`` and ``status --json`` processes over real HTTP against the local fixture site, one real SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from tests.faults.harness import next_second
from tests.faults.test_churning_index import sources
from tests.faults.test_churning_page import ChurningSite
from tests.faults.test_site_changes import POLICY_INDEX, WAF_PAGE, M, W, run
from tests.site_server import Fault


def test_an_index_answering_a_bot_check_keeps_its_last_change_and_is_still_listed(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with ChurningSite(churning=()) as site:
        bases = {W: site.base_url(W), M: site.base_url(M)}
        done, _ = run(db, tmp_path / "feeds", bases)
        assert done.code == 0, done.out[-2000:]
        before = sources(db)["mofcom-policy"]
        index = next(i for i in before["indexes"] if i["url"] == f"https://{W}/{POLICY_INDEX}")
        assert before["last_changed"] is not None and index["stored_at"] is not None
        site.faults[f"{W}/{POLICY_INDEX}"] = Fault("body", body=WAF_PAGE)
        next_second()
        done, _ = run(db, tmp_path / "feeds", bases)
        assert done.code == 1, done.out[-2000:]  # loud: the bot check is an unusable page
        during = sources(db)["mofcom-policy"]
        assert during["last_changed"] == before["last_changed"], during  # was: None (the index dropped out)
        assert {"url": index["url"], "last_checked": index["stored_at"], "stored_at": index["stored_at"]} in (
            during["indexes"]), during["indexes"]  # listed, as of its last copy read as an index
