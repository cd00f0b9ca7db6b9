"""Health issue reopened: how many times an issue opened again on the day it was last opened or resolved, so that
opening's items get ids of their own (health36 M13: a page broken, fixed, broken again the same day reused the first
opening's item id, only its time updated, and a feed reader's last new word was "Resolved" while the page stayed
broken, for days if it did). Additive: one nullable column; NULL (every issue before, and every opening on a day of its
own) keeps the ids as they were.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 18:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: Union[str, Sequence[str], None] = '0016'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('health_issue') as batch:
        batch.add_column(sa.Column('reopened', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('health_issue') as batch:
        batch.drop_column('reopened')
