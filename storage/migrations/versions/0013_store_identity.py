"""Store identity: a random id of the store's own, written in the feeds folders it publishes into.

``run``, ``schedule``, ``serve`` and ``feeds`` refuse a folder another store publishes into (``--take-over`` to
replace it); the check compared the notice keys of the folder's items with the store's, so two stores fed the same
pages (a second deployment, a test store replaying the same fixtures) looked like one and took turns rewriting the
folder unnoticed. The table holds one row, made by the store's first publish after this revision
(``storage.identity.ensure_store_id``): a store being created or migrated gets none here, so that copies of one
empty store (a template) become stores of their own when they first publish.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 20:30:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'store_identity',
        sa.Column('name', sa.String(length=16), nullable=False),
        sa.Column('value', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('name'),
    )


def downgrade() -> None:
    op.drop_table('store_identity')
