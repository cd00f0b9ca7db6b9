"""Snapshots record which parser code read them (a digest of its sources), beside the parser version.

Bytes already stored are parsed again only when that code changed, so a no-change replay or run
parses nothing. Nullable: snapshots stored before this revision have no digest and are parsed
again once, by the code that then records its own.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 21:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('snapshot') as batch:
        batch.add_column(sa.Column('parser_digest', sa.String(length=64), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # not batch mode: it would copy the table and drop it, and other tables' rows point at snapshots
        op.execute("ALTER TABLE snapshot DROP COLUMN parser_digest")  # SQLite 3.35 and later
    else:
        op.drop_column('snapshot', 'parser_digest')
