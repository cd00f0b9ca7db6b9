"""Which sources the configuration fetches now, for what health says of the others.

A source dropped from ``[fetch] sources`` (or the sources file, or disabled there) kept its last run's "LAST RUN FAILED"
for ever: ``status`` exited 1 and ``/healthz`` said ``failed_last_run`` with nothing to clear it, as no run of it comes
again (ops39's B5). Such a source is said as no longer watched, failing nothing; one still configured fails as before.

Whether the configuration fetches a source is read by the process asking (``status`` in a shell, ``serve``), which may
not be configured as the runs are (a sources file named in cron's environment, not in the shell's). So a source the
store's newest run fetched counts as watched whatever this process's configuration says: only later runs without it
make a failure of it "no longer watched" (:func:`newest_run_sources`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import SourceRun

NO_LONGER_WATCHED = ("NO LONGER WATCHED: {source}: its last run{when} could not fetch {failed} page(s) ({reasons}); it is "
                     "not among the configured sources now, so no run fetches it: not a problem (configure it again to "
                     "watch it)")


def watched_sources(settings: Any) -> frozenset[str] | None:
    """The names of the sources a ``run`` with ``settings`` fetches (``[fetch] sources``, else every usable one of
    the defaults and the sources file); None when the sources cannot be read (then every source counts as watched:
    a typo in the configuration must not quiet a failing one)."""
    from scraper.sources.registry import SourceConfigError, load_sources

    try:
        return frozenset(s.name for s in load_sources(tuple(getattr(settings, "sources", ()) or ())))
    except (SourceConfigError, OSError, ValueError):
        return None


def newest_run_sources(session: Session) -> frozenset[str]:
    """The sources the store's newest run fetched: watched, whatever the asking process's configuration says."""
    newest = session.scalar(select(SourceRun.run_id).order_by(SourceRun.id.desc()).limit(1))
    if newest is None:
        return frozenset()
    return frozenset(session.scalars(select(SourceRun.source).where(SourceRun.run_id == newest)))
