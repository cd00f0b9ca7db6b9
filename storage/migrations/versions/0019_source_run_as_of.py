"""Source run as-of day: the day a source's run read as of (``run --as-of``, else today in Beijing).

A run of some sources (``run --source``, or a source skipped for want of a base URL) holds back what the sources it
left out could falsify (a lapse, a countdown) unless each of them had a clean run that covers the day derived: a run
read as of that day or a later one (``storage.health.covered_sources``). The run's own times are the wall clock's, so
they cannot tell it for a run of a past day (``--as-of``) or a store whose "today" is pinned (``MOFCOM_WATCH_TODAY``);
a run of yesterday's as-of is no proof for today. Rows of earlier runs stay NULL: they cover no day.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 18:40:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: Union[str, Sequence[str], None] = '0018'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('source_run') as batch:
        batch.add_column(sa.Column('as_of', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('source_run') as batch:
        batch.drop_column('as_of')
