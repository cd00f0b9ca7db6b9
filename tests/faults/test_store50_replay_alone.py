"""store50 (session 50): crawl49's open B, an annex page given alone to ``replay`` whose first page was read alone.

A notice whose 5 entities are on a linked annex page (2027 No. 9, blind46/05-06) is replayed without its annex page:
page 1 is read alone, loud (refused as cut short). The annex page, given alone in a later folder, was read alone too
(refused as cut short, exit 1) because no stored joined copy held it (crawl49 joined only a page stored as a part),
while a run reads the two joined. Now replay joins it to the stored first pages read short that link it as their
annex: exit 0, the notice read whole. A page no stored first page links, or one that is no page of the first page
linking it (its title names another notice), is still read alone, loud.

Real ``replay``, ``feeds`` and ``status`` processes, real SQLite files.
"""

from __future__ import annotations

from tests.faults.harness import cli, cli_env
from tests.faults.test_joined_pages import ANNEX9, AS_OF, ENV, NOTICE9, PAGES, listing, sha, site
from tests.faults.test_joined_pages_review import N10, NOTICE10, SHARED
from tests.faults.test_joined_replay49 import replay
from tests.faults.test_review58_probes import status


def test_an_annex_page_given_alone_is_joined_to_the_first_page_read_short_before_that_links_it(tmp_path):
    for name, first, annex, key in (("9", {NOTICE9: PAGES[NOTICE9]}, PAGES[ANNEX9], "MOFCOM-2027-9"),
                                    ("10", {NOTICE10: N10}, SHARED, "MOFCOM-2027-10")):
        db = f"sqlite:///{tmp_path / name / 'store.sqlite'}"
        code, said = replay(db, site(tmp_path / name / "a", first, fixtures=False), 5)  # its annex page not given
        assert code == 1, said
        assert status(db)["health_issues"], name  # loud: page 1 alone
        code, said = replay(db, site(tmp_path / name / "b", {ANNEX9: annex}, fixtures=False), 6)
        assert code == 0, (name, said)  # was: exit 1, the annex page refused alone as cut short
        state = status(db)
        assert not state["health_issues"], (name, state["health_issues"])
        assert listing(state, key)["entity_count"] == 5, name
        feeds = tmp_path / name / "feeds"
        cli(db, "feeds", "--out", str(feeds), "--as-of", AS_OF, env=cli_env(**ENV))
        text = (feeds / "all.atom").read_text(encoding="utf-8")
        assert "晨星导航公司" in text and sha(annex) in text, name  # the annex page's names, cited with its SHA-256
        code, said = replay(db, site(tmp_path / name / "c", {ANNEX9: annex}, fixtures=False), 7)  # again: no change
        assert code == 0, (name, said)


def test_an_annex_page_no_stored_first_page_can_join_is_still_read_alone(tmp_path):
    """No. 10 read alone before; the annex page given is titled as No. 9's: no page of No. 10, read alone (loud); and a
    store where no page links it: read alone (loud)."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    replay(db, site(tmp_path / "a", {NOTICE10: N10}, fixtures=False), 5)
    code, said = replay(db, site(tmp_path / "b", {ANNEX9: PAGES[ANNEX9]}, fixtures=False), 6)
    assert code == 1, said
    assert status(db)["health_issues"]
    empty = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    code, said = replay(empty, site(tmp_path / "c", {ANNEX9: PAGES[ANNEX9]}, fixtures=False), 6)
    assert code == 1, said
