"""Publication preview: a publish of a day's view into a folder of its own is no live publication.

``serve --as-of <a past day>`` publishes that day's feeds into a temporary folder of its own
(``mofcom-watch-feeds-<day>-…``) and logs the publish; ``run --as-of … --out DIR`` logs its preview too. A store
that never published into the configured feeds folder (a replayed store, feeds written elsewhere) then read the
preview as its last successful publish (``status``: "last successful publish: … to /tmp/mofcom-watch-feeds-…"),
and its age as the live feeds' age. The rows get a ``preview`` flag; those of ``serve``'s own folders, told by
their name, are marked here (a run's preview into a folder of the user's cannot be told apart: it stays unmarked).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 20:10:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# serve's own folder for a past day (mofcom_watch/commands/serve_cmd.own_folder: tempfile's prefix) as of this revision
SERVE_PREVIEW_TARGET = '%mofcom-watch-feeds-____-__-__-%'


def upgrade() -> None:
    with op.batch_alter_table('publication') as batch:
        batch.add_column(sa.Column('preview', sa.Boolean(), nullable=True))
    publication = sa.table('publication', sa.column('target', sa.String()), sa.column('preview', sa.Boolean()))
    op.get_bind().execute(publication.update().where(publication.c.target.like(SERVE_PREVIEW_TARGET))
                          .values(preview=True))


def downgrade() -> None:
    with op.batch_alter_table('publication') as batch:
        batch.drop_column('preview')
