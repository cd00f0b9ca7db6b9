"""Store generations: counters that database triggers move on every write to what derive and publish read.

``store_generation`` holds one row per group of tables; a trigger adds one to the group's row on
every INSERT, UPDATE and DELETE of its tables (and TRUNCATE on PostgreSQL), whoever writes: the
program, a restored backup loaded through SQL, a hand edit. The derive and publish marks keep the
counters they were made at, so telling "nothing changed" costs one read of two rows instead of
hashing every notice and aggregating every event.

- ``notices``: ``notice``, ``notice_url`` (every write), ``snapshot`` (UPDATE and DELETE only: a new
  snapshot is read by no derive until a notice points at it, which is an UPDATE of ``notice``).
- ``events``: ``event`` (every write).

SQLite has row triggers only; PostgreSQL gets statement triggers (one bump per statement, not per
row: a bulk insert of thousands of events locks and rewrites the counter row once) that look at the
statement's transition table, so a statement that touched no row moves nothing, as on SQLite.

A later migration that rebuilds one of these tables on SQLite (``batch_alter_table`` with a
recreate) drops its triggers: create them again there. tests/storage/test_store_generation.py
checks at head that every write to every watched table moves its counter.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 23:40:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# (table, counter, the writes that move it): as of this revision (a migration never imports the code it migrates for)
WATCHED = (
    ("notice", "notices", ("INSERT", "UPDATE", "DELETE")),
    ("notice_url", "notices", ("INSERT", "UPDATE", "DELETE")),
    ("snapshot", "notices", ("UPDATE", "DELETE")),
    ("event", "events", ("INSERT", "UPDATE", "DELETE")),
)
COUNTERS = ("notices", "events")
PG_FUNCTION = "store_generation_bump"  # TRUNCATE
PG_ROWS_FUNCTION = "store_generation_bump_rows"  # INSERT, UPDATE, DELETE: only when a row was touched
TRANSITION = {"INSERT": "NEW", "UPDATE": "NEW", "DELETE": "OLD"}


def upgrade() -> None:
    table = op.create_table('store_generation',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_store_generation'))
    )
    op.bulk_insert(table, [{"name": name, "value": 0} for name in COUNTERS])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "UPDATE store_generation SET value = value + 1 WHERE name = TG_ARGV[0]; RETURN NULL; END $$")
        op.execute(f"CREATE FUNCTION {PG_ROWS_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "IF EXISTS (SELECT 1 FROM touched) THEN "
                   "UPDATE store_generation SET value = value + 1 WHERE name = TG_ARGV[0]; END IF; "
                   "RETURN NULL; END $$")
        for tbl, counter, writes in WATCHED:
            for write in writes:  # a trigger with a transition table names one event
                op.execute(f"CREATE TRIGGER store_generation_{tbl}_{write.lower()} AFTER {write} ON {tbl} "
                           f"REFERENCING {TRANSITION[write]} TABLE AS touched "
                           f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_ROWS_FUNCTION}('{counter}')")
            op.execute(f"CREATE TRIGGER store_generation_{tbl}_truncate AFTER TRUNCATE ON {tbl} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}('{counter}')")
        return
    for tbl, counter, writes in WATCHED:
        for write in writes:
            op.execute(f"CREATE TRIGGER store_generation_{tbl}_{write.lower()} AFTER {write} ON {tbl} "
                       f"BEGIN UPDATE store_generation SET value = value + 1 WHERE name = '{counter}'; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for tbl, _counter, writes in WATCHED:
            for write in (*writes, "TRUNCATE"):
                op.execute(f"DROP TRIGGER IF EXISTS store_generation_{tbl}_{write.lower()} ON {tbl}")
        op.execute(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()")
        op.execute(f"DROP FUNCTION IF EXISTS {PG_ROWS_FUNCTION}()")
    else:
        for tbl, _counter, writes in WATCHED:
            for write in writes:
                op.execute(f"DROP TRIGGER IF EXISTS store_generation_{tbl}_{write.lower()}")
    op.drop_table('store_generation')
