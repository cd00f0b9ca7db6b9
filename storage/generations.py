"""Store generations: counters that database triggers move on every write to a group of tables.

Migration 0009 keeps one row per group in ``store_generation`` and a trigger on every watched table
that adds one to its group's row on each INSERT, UPDATE or DELETE, whatever writes it (this program,
SQL from a shell, a restored dump). Two equal readings mean no row of the group was written in
between, so the derive and publish marks compare two integers instead of hashing every row.
Within a transaction a reading sees the transaction's own writes. The ``page`` table is watched by
none: a 304 or the same bytes again move only its ``last_*`` fields, which neither derive nor publish reads.
"""

from __future__ import annotations

from sqlalchemy import ScalarSelect, Select, select
from sqlalchemy.orm import Session

from storage.models import StoreGeneration

NOTICES = "notices"  # notice, notice_url, snapshot (updates and deletes): what derive reads
EVENTS = "events"  # the event table: what the sync writes and the feeds are made of


def generations(session: Session) -> dict[str, int]:
    """Every counter by name, in one query."""
    return {name: int(value) for name, value in session.execute(select(StoreGeneration.name, StoreGeneration.value))}


def generation(session: Session, name: str) -> int:
    """One counter (a store without the row reads -1: never equal to a value kept in a mark)."""
    return reading(session.scalar(_counter(name)))


def generation_of(name: str) -> ScalarSelect[int]:
    """One counter as a value a query can select beside its own columns (one statement instead of two); read it
    with :func:`reading`."""
    return _counter(name).scalar_subquery()


def _counter(name: str) -> Select[int]:
    return select(StoreGeneration.value).where(StoreGeneration.name == name)


def reading(value: int | None) -> int:
    """A counter as read (None: a store without the row, which reads -1)."""
    return -1 if value is None else int(value)
