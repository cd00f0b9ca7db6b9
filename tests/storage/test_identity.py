"""The store's own identity (storage.identity): made once, at the first publish, and kept."""

from __future__ import annotations

from sqlalchemy.orm import Session

from storage.identity import ensure_store_id, store_id


def test_a_store_makes_its_id_once_and_keeps_it(engine):
    with Session(engine) as session, session.begin():
        assert store_id(session) is None  # a store made (migrated) has none yet: its copies become stores of their own
        made = ensure_store_id(session)
        assert ensure_store_id(session) == made and len(made) == 32
    with Session(engine) as session:
        assert store_id(session) == made
