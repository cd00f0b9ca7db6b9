"""What a command printed from the last derivation, kept with its mark (replay's notices table).

Rendering the table of every stored notice costs seconds at a few thousand notices, more than the
rest of a replay with nothing new; the text is a function of the derivation's inputs and the code
that renders it, so it is kept (zlib) under a key naming both. Both columns are nullable: nothing
printed yet.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 22:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('derive_mark') as batch:
        batch.add_column(sa.Column('printed_key', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('printed', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('derive_mark') as batch:
        batch.drop_column('printed')
        batch.drop_column('printed_key')
