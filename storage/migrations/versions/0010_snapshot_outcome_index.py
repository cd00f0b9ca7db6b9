"""An index on snapshot.outcome: a run's retry list reads the few unusable snapshots through it.

``storage.pages.unusable_pages`` asked for every page of a source and its latest snapshot (a scan of
the page table per source and run); with the index it reads only the snapshots that were unusable.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 23:50:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index(op.f('ix_snapshot_outcome'), 'snapshot', ['outcome'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_snapshot_outcome'), table_name='snapshot')
