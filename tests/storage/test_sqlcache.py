"""storage.sqlcache: the engines one process opens on equal databases share the SQL they compiled, and read their own
rows with it; dialects that differ in any setting, or in kind, never share."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from storage.db import make_engine, open_store, session_factory
from storage.models import Entity
from storage.sqlcache import SharedCompiledCache, settings


def _count_entities(engine) -> tuple[int, object]:
    """The store's entity count and whether SQLAlchemy found the statement compiled already."""
    with engine.connect() as conn:
        result = conn.execute(select(func.count()).select_from(Entity).where(Entity.key.like("x-%")))
        return result.scalar_one(), result.context.cache_hit


def test_a_second_engine_on_another_store_reads_its_own_rows_with_the_statement_the_first_compiled(
        db_url, other_db_url):
    first, second = open_store(db_url), open_store(other_db_url)
    try:
        with session_factory(second).begin() as session:
            session.add(Entity(key="x-only-in-the-second", en="Only In The Second"))
        count1, hit1 = _count_entities(first)
        count2, hit2 = _count_entities(second)
    finally:
        first.dispose()
        second.dispose()
    assert (count1, count2) == (0, 1)  # each engine read its own database
    assert hit2 == second.dialect.CACHE_HIT, hit2  # compiled once, by the first engine (per engine before: a miss)
    assert first.dialect is not second.dialect


def test_dialects_that_differ_in_a_setting_or_in_kind_never_share_a_statement():
    cache = SharedCompiledCache()
    a, b, c, pg = sqlite.dialect(), sqlite.dialect(), sqlite.dialect(), postgresql.dialect()
    for dialect in (a, b, c, pg):
        dialect.server_version_info = (3, 40, 1)
    c.server_version_info = (3, 31, 0)  # an older SQLite: another rendering of some statements
    assert settings(a) == settings(b) != settings(c) != settings(pg)
    cache[(a, "statement", (), False, False)] = "compiled by a"
    assert cache.get((b, "statement", (), False, False)) == "compiled by a"
    assert cache.get((c, "statement", (), False, False)) is None
    assert cache.get((pg, "statement", (), False, False)) is None
    assert cache.get((b, "another statement", (), False, False)) is None


def test_every_engine_the_program_makes_shares_the_process_cache(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite'}", read_only=False)
    read_only = make_engine(f"sqlite:///{tmp_path / 'store.sqlite'}", read_only=True)
    try:
        assert engine.get_execution_options()["compiled_cache"] is read_only.get_execution_options()["compiled_cache"]
        assert isinstance(engine.get_execution_options()["compiled_cache"], SharedCompiledCache)
    finally:
        engine.dispose()
        read_only.dispose()
