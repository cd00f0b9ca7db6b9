"""A "Resolved" source-health item names the copy that found the problem fixed (reader34 B1): it said "A later run
found this fixed:" and repeated the old detail with the short copy's SHA-256, so an officer could not tell which copy
reads whole now. Real processes (``replay``), the items read from the store as the publish reads them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from storage.health import health_events
from tests.faults.test_mfa_counts import DECISION, KEY, SHORT
from tests.faults.test_review_accept import replay, sha


def test_a_resolved_count_mismatch_cites_the_copy_read_whole(tmp_path: Path) -> None:
    """The MFA decision's annex one company short (a count mismatch on its first sighting), then whole: the resolution
    cites the whole copy's URL, fetch time and SHA-256, and then what the problem was (the short copy's)."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert replay(db, tmp_path, "short", "mfa-2024-15.txt", SHORT, "2026-11-29").code == 1
    assert replay(db, tmp_path, "whole", "mfa-2024-15.txt", DECISION, "2026-11-30").code == 0
    engine = create_engine(db)
    try:
        with Session(engine) as session:
            (resolved,) = [e for e in health_events(session) if e.title.startswith("Resolved:") and e.notice_key == KEY]
    finally:
        engine.dispose()
    assert resolved.summary.startswith(
        f"A later run found this fixed: file:texts/mfa-2024-15.txt fetched 2026-11-30 00:00 UTC, SHA-256 "
        f"{sha(DECISION)}. The problem was: {KEY}: parsed 5 entities, the notice states 6 ("), resolved.summary
    assert resolved.summary.endswith(f"page SHA-256 {sha(SHORT)})"), resolved.summary
