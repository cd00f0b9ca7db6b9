"""Source run marks: the newest snapshot and publication ids when a source's run row was written.

Run, fetch and publish times are stored to the whole second, so a cycle started in the second the previous run
finished read as that run's: its index stored then was not "after the last run" (``storage.health.crawl_cut_short``:
an update, not the deep walk that reads what a killed crawl left), and the previous run's publish counted as one
logged after its start (``storage.publications.unpublished_run``: a stopped run said as published). Which run a
page or a publish came after is now read from these ids, the order the rows were written in, never from times.
Rows of earlier runs stay NULL: for them the times are read as before.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 15:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: Union[str, Sequence[str], None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('source_run') as batch:
        batch.add_column(sa.Column('snapshot_mark', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('publication_mark', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('source_run') as batch:
        batch.drop_column('publication_mark')
        batch.drop_column('snapshot_mark')
