"""Source run deep: whether a run read each index of its source deep (a backfill, or the daily deeper walk).

An update stops at the page whose last row is stored, so a notice published with an older date than rows already
stored, listed below them past that page, was never read by an update (pages29's story st1b); only a backfill found
it. The first cycle of each UTC day now reads on to ``scraper.discovery.DEEP_WALK_PAGES`` pages, and the store says
when a source last did: the start of its last run with ``deep`` set. Rows of earlier runs stay NULL (not known to be
deep): the first cycle after the upgrade walks deep.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 01:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: Union[str, Sequence[str], None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('source_run') as batch:
        batch.add_column(sa.Column('deep', sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('source_run') as batch:
        batch.drop_column('deep')
