"""One feed that cannot be built never stops the others (issue 9 item 1).

Ingest and rendering now clean every string, so no stored record is known to break a feed;
this stands in for one no defence foresaw by making the head of one feed raise, and checks
what the run does about it: every other feed written, a source-health item, exit code 1,
and the next clean run resolves the item.
"""

from __future__ import annotations

import feedparser

import feeds.build
from tests.feeds.replayed import write_feeds_cli

BROKEN = "ecl"


def test_a_feed_that_cannot_be_built_is_reported_and_the_others_are_written(fixture_db, tmp_path, monkeypatch):
    out = tmp_path / "feeds"
    clean = write_feeds_cli(fixture_db, out)
    assert clean.exit_code in (0, 1), clean.output
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (out / "all.atom").unlink()  # so the broken run has something to write

    real_get = feeds.build.FeedHeads.get

    def get(self, spec, updated):
        if spec.name == BROKEN:
            raise ValueError("All strings must be XML compatible")
        return real_get(self, spec, updated)

    monkeypatch.setattr(feeds.build.FeedHeads, "get", get)
    broken = write_feeds_cli(fixture_db, out)
    assert broken.exit_code == 1
    assert f"problem: feed {BROKEN} could not be built (ValueError: All strings must be XML compatible)" in broken.output
    assert (out / "all.atom").read_bytes() == before[out / "all.atom"]
    assert (out / f"{BROKEN}.atom").read_bytes() == before[out / f"{BROKEN}.atom"]  # the last good copy stays
    health = feedparser.parse((out / "source-health.atom").read_bytes())
    titles = [e.title for e in health.entries]
    assert "Source health: feeds: feed-failed" in titles, titles
    assert any(BROKEN in e.summary for e in health.entries if e.title.endswith("feed-failed"))

    monkeypatch.setattr(feeds.build.FeedHeads, "get", real_get)
    again = write_feeds_cli(fixture_db, out)
    assert again.exit_code == clean.exit_code, again.output
    assert "could not be built" not in again.output
    health = feedparser.parse((out / "source-health.atom").read_bytes())
    assert "Resolved: Source health: feeds: feed-failed" in [e.title for e in health.entries]
