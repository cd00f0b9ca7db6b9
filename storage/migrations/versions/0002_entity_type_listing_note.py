"""Entities get a type (organization / individual) and listings a note (a person's role as written).

MFA countermeasure decisions name people as well as companies; the role ("斯凯迪奥公司联合创始人、
首席执行官") belongs to the listing in one notice, not to the name. Both columns are nullable:
rows stored before this revision keep None ("not stated"), as MOFCOM annexes never say.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 18:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('entity') as batch:
        batch.add_column(sa.Column('type', sa.String(length=16), nullable=True))
    with op.batch_alter_table('listing') as batch:
        batch.add_column(sa.Column('note', sa.String(length=512), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('listing') as batch:
        batch.drop_column('note')
    with op.batch_alter_table('entity') as batch:
        batch.drop_column('type')
