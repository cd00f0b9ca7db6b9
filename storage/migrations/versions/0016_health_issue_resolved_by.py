"""Health issue resolved by: the copy of a page that found a problem fixed (its URL and SHA-256; its fetch time is the
issue's ``resolved_at``), so the "Resolved" item cites it (reader34 B1: the item repeated the old detail with the
old copy's SHA-256, and an officer could not tell which copy now reads whole). Additive: two nullable columns; the
issues resolved before, and those resolved by no page (a source's run, a person's acceptance), keep them NULL.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 15:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: Union[str, Sequence[str], None] = '0015'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('health_issue') as batch:
        batch.add_column(sa.Column('resolved_url', sa.String(length=2048), nullable=True))
        batch.add_column(sa.Column('resolved_sha256', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('health_issue') as batch:
        batch.drop_column('resolved_sha256')
        batch.drop_column('resolved_url')
