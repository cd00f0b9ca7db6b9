"""Publish mark: what a successful publish read and left in its folder, so the next one with the
same inputs and untouched files can skip building the feeds.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 21:45:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('publication') as batch:
        batch.add_column(sa.Column('mark', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('publication') as batch:
        batch.drop_column('mark')
