"""Entity aliases: the other names a notice gives an entity, kept as spellings screening matches.

Since session 18 the parser moves "，又称X", "（…, also known as X）", "，曾用名：X", "（别名：X）" out of an entity's
name into its ``note``; since this revision it also keeps X in the entity's ``aliases`` (``EntityRecord.aliases``,
``storage.names.other_names``), and `screen`, ``POST /api/screen`` and the watchlist feed match it as the entity's
own spelling. A store's notices are parsed again only when their pages are fetched or replayed again, which an
old notice's page seldom is: this revision fills ``aliases`` in every stored notice record from the note the
parser wrote there (and the two names of an English name holding "d/b/a"), as the parser of this revision would.
The schema does not change; a notice's record and its hash do (the notices' generation moves with them, so the
next publish derives its items again).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 16:30:00

"""
import hashlib
import json
import re
import unicodedata
from typing import Any, Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# storage.names.other_names as of this revision (a migration never imports the code it migrates for)
ALIAS_WORDS_ZH = ("又称", "亦称", "也称", "别名", "曾用名", "原名")
ALIAS_WORDS_EN = ("also known as", "formerly known as", "a.k.a.", "a.k.a", "f/k/a", "formerly", "d/b/a")
ALIAS_PHRASE_RE = re.compile(
    r"(?:^|(?<=[，,;；（(]))\s*(?:" + "|".join(map(re.escape, ALIAS_WORDS_ZH)) + "|(?<![A-Za-z])(?:"
    + "|".join(map(re.escape, ALIAS_WORDS_EN)) + r")(?![A-Za-z]))\s*[:：]?\s*", re.IGNORECASE)
ALIAS_END_RE = re.compile(r"[，；;。、（）()]|\s+or\s+|\s*/\s*(?![kK]/)")
DBA_RE = re.compile(r"\s+d/b/a\s+", re.IGNORECASE)
ALIAS_QUOTES = "\"'“”‘’「」《》 ,，:："
INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
SPACES_RE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def _clean(name: str) -> str | None:
    return SPACES_RE.sub(" ", INVISIBLE_RE.sub("", name)).strip() or None


def _has_word(name: str) -> bool:
    return bool(re.sub(r"[^\w]+|_", "", unicodedata.normalize("NFKC", name)))


def other_names(en: str | None, note: str | None) -> tuple[str, ...]:
    out: list[str] = []
    if en and DBA_RE.search(en):
        out += DBA_RE.split(en, maxsplit=1)
    text = note or ""
    phrases = list(ALIAS_PHRASE_RE.finditer(text))
    for i, m in enumerate(phrases):
        if m.group(0).strip().casefold().startswith("d/b/a"):
            continue
        end = phrases[i + 1].start() if i + 1 < len(phrases) else len(text)
        for part in ALIAS_END_RE.split(text[m.end() : end]):
            name = _clean(part.strip(ALIAS_QUOTES))
            if name and _has_word(name):
                out.append(name)
    return tuple(dict.fromkeys(n for n in (_clean(x.strip(ALIAS_QUOTES)) for x in out) if n))


def _with_aliases(data: dict[str, Any]) -> bool:
    """Give each entity of a notice record the aliases its note gives; whether any was given."""
    changed = False
    for entity in data.get("entities") or ():
        if isinstance(entity, dict) and "aliases" not in entity:
            aliases = other_names(entity.get("en"), entity.get("note"))
            if aliases:
                entity["aliases"] = list(aliases)
                changed = True
    return changed


def upgrade() -> None:
    notice = sa.table('notice', sa.column('id', sa.Integer()), sa.column('record_json', sa.Text()),
                      sa.column('record_sha256', sa.String()))
    conn = op.get_bind()
    updates = []
    # only a record with a note or "d/b/a" can change; the rest are not decoded
    rows = conn.execute(sa.select(notice.c.id, notice.c.record_json).where(
        sa.or_(notice.c.record_json.like('%"note"%'), notice.c.record_json.like('%d/b/a%'),
               notice.c.record_json.like('%D/B/A%'))))
    for row_id, record_json in rows:
        try:
            data = json.loads(record_json)
        except ValueError:
            continue  # not ours to mend here: the notice reads as it did
        if isinstance(data, dict) and _with_aliases(data):
            text = json.dumps(data, ensure_ascii=False, sort_keys=True)  # as NoticeRecord.dumps writes it
            updates.append({"row_id": row_id, "record": text, "sha": hashlib.sha256(text.encode()).hexdigest()})
    if updates:
        conn.execute(notice.update().where(notice.c.id == sa.bindparam("row_id"))
                     .values(record_json=sa.bindparam("record"), record_sha256=sa.bindparam("sha")), updates)


def downgrade() -> None:
    pass  # an older program reads a record with "aliases" as before: it ignores the key
