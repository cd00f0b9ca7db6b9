"""Derive mark and event content hashes: a sync with nothing changed costs a few narrow reads.

``event.content_sha256`` holds the hash of what an item says (its payload without ``updated`` and
``provenance``), filled here for the rows already stored, so a sync compares every stored item by
two hashes without reading its payload. ``derive_mark`` (one row) says for which day and from which
inputs the events were last derived, and what that derivation found.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 21:00:00

"""
import hashlib
import json
from typing import Any, Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# storage.events.content_hash as of this revision (a migration never imports the code it migrates for)
CONTENT_DROP = ("updated", "provenance")


def _content_hash(payload: dict[str, Any]) -> str:
    data = {k: v for k, v in payload.items() if k not in CONTENT_DROP}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table('event') as batch:
        batch.add_column(sa.Column('content_sha256', sa.String(length=64), nullable=True))
    event = sa.table('event', sa.column('id', sa.String()), sa.column('payload', sa.JSON()),
                     sa.column('content_sha256', sa.String()))
    conn = op.get_bind()
    rows = conn.execute(sa.select(event.c.id, event.c.payload)).all()
    updates = [{"row_id": r.id, "hash": _content_hash(r.payload)} for r in rows if isinstance(r.payload, dict)]
    if updates:
        conn.execute(event.update().where(event.c.id == sa.bindparam("row_id"))
                     .values(content_sha256=sa.bindparam("hash")), updates)
    op.create_table('derive_mark',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('inputs_sha256', sa.String(length=64), nullable=False),
    sa.Column('held', sa.Text(), nullable=False),
    sa.Column('events', sa.String(length=1100), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_derive_mark'))
    )


def downgrade() -> None:
    op.drop_table('derive_mark')
    with op.batch_alter_table('event') as batch:
        batch.drop_column('content_sha256')
