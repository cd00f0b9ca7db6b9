"""Which sources the configuration fetches now, for what health says of the others.

A source dropped from ``[fetch] sources`` (or the sources file, or disabled there) kept its last run's "LAST RUN FAILED"
for ever: ``status`` exited 1 and ``/healthz`` said ``failed_last_run`` with nothing to clear it, as no run of it comes
again (ops39's B5). Such a source is said as no longer watched, failing nothing; one still configured fails as before.
"""

from __future__ import annotations

from typing import Any

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
