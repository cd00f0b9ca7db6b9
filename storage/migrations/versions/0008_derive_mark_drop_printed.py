"""Replay's notices table is no longer kept in the store: the columns 0006 added go.

Output is not stored data: the table into a pipe is now drawn directly (mofcom_watch/tables.py),
faster than reading it back was worth. Downgrading adds the columns back empty (nothing printed yet).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 23:45:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('derive_mark') as batch:  # one row, nothing points at it: a copy is cheap
        batch.drop_column('printed')
        batch.drop_column('printed_key')


def downgrade() -> None:
    with op.batch_alter_table('derive_mark') as batch:
        batch.add_column(sa.Column('printed_key', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('printed', sa.LargeBinary(), nullable=True))
