"""Engine seen: each engine (the digest of ``storage``'s code) that derived the store, in the order it first did, so
an older release started on a store a newer one derived is refused (ops44: an image rolled back between two releases
of one schema revision derived again and published 229 corrections back, some saying again what the newer code had
fixed, with status clean). Additive: a new table, empty until the next derive. Its revision also makes every release
before it refuse the store (a newer schema), which covers the images that cannot know the table.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 17:30:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0018'
down_revision: Union[str, Sequence[str], None] = '0017'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'engine_seen',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.String(length=64), nullable=False),
        sa.Column('first_derived', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_engine_seen')),
        sa.UniqueConstraint('version', name=op.f('uq_engine_seen_version')),
    )


def downgrade() -> None:
    op.drop_table('engine_seen')
