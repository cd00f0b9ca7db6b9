"""The store's own identity: a random id, made at the store's first publish and kept in it (``store_identity``).

Every feeds folder a store publishes into carries it (``mofcom_watch.publish.STORE_MARK``); a publish compares it
before writing, so a second store cannot publish into the folder unnoticed, even one holding the same notices (fed
the same pages), which the folder's items alone cannot tell apart. A copy of a store (a backup restored elsewhere)
keeps the id: it is the same store, as far as this check can tell."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import StoreIdentity

ROW = "store"  # the one row's name


def store_id(session: Session) -> str | None:
    """The store's id; None while it has never published (or was last written by a version before 0013)."""
    return session.scalar(select(StoreIdentity.value).where(StoreIdentity.name == ROW))


def ensure_store_id(session: Session) -> str:
    """The store's id, made now when it has none (the caller commits). Two first publishes at once (a ``run`` and a
    ``serve`` on a database server) make one: the second insert fails on the key and reads the first's."""
    found = store_id(session)
    if found is not None:
        return found
    made = uuid.uuid4().hex
    try:
        with session.begin_nested():
            session.add(StoreIdentity(name=ROW, value=made, created_at=datetime.now(UTC)))
    except IntegrityError:
        found = store_id(session)
        if found is None:
            raise
        return found
    return made
