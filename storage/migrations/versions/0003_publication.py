"""Publication: every attempt to publish the feeds, so health tells a failed publish from a fetch.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 19:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('publication',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.String(length=64), nullable=True),
    sa.Column('target', sa.String(length=1024), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ok', sa.Boolean(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('feeds', sa.Integer(), nullable=False),
    sa.Column('written', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_publication_finished_at'), 'publication', ['finished_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_publication_finished_at'), table_name='publication')
    op.drop_table('publication')
