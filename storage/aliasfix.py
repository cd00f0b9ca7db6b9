"""Two copies of one notice that disagree only as an official correction notice says (pure).

A ministry may correct a name at one of a notice's URLs only, while another URL keeps the first text. Ingest keeps
the copy first fetched and opens an ``alias-conflict`` issue (:mod:`storage.ingest`). When the kept copy is the
text as first published and a stored correction notice naming that notice ("关于更正商务部公告2026年第31号…") renames
exactly the entities in which the other copy differs, into the names that copy gives, the pages disagree because the
ministry corrected one of them: the kept copy stays the notice (its entities' keys, so every id, as first written),
the engine applies the correction to it with one ``name_corrected`` item (:mod:`storage.lifecycle`), and the issue is
settled by that correction notice (:func:`settled_by`). Anything else (another difference, a correction of other
names, the kept copy being the corrected one) leaves the issue open for a person.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from storage.names import name_key
from storage.records import EntityRecord, NoticeRecord

SPACE_RE = re.compile(r"\s+")
NAME_FIELDS = ("zh", "en", "key")  # what a rename changes in an entity (its key follows its names)


def _same(a: str | None, b: str | None) -> bool:
    return SPACE_RE.sub("", a or "") == SPACE_RE.sub("", b or "")


def _rest(ent: EntityRecord) -> dict[str, Any]:
    data = _entity_json(ent)
    for name in NAME_FIELDS:
        data.pop(name, None)
    return data


def _entity_json(ent: EntityRecord) -> dict[str, Any]:
    return {"zh": ent.zh, "en": ent.en, "key": ent.key, "country": ent.country, "n": ent.n,
            "branches": list(ent.branches), "type": ent.type, "note": ent.note, "aliases": list(ent.aliases)}


def _without_entities(rec: NoticeRecord) -> str:
    """The record's substance but for its entities and the entity keys its actions name (a rename moves those)."""
    data = rec.to_json()
    actions = [{k: v for k, v in a.items() if k != "entities"} | {"count": len(a.get("entities") or ())}
               for a in data.get("actions") or ()]
    kept = {k: data.get(k) for k in ("number", "kind", "list", "effective", "stated_count", "references")}
    return SPACE_RE.sub("", json.dumps(kept | {"actions": actions}, ensure_ascii=False, sort_keys=True))


def _renames(old: EntityRecord, new: EntityRecord, fix: EntityRecord) -> bool:
    """``fix`` (a correction's entity: the new names, keyed as the old name was; one half alone where only that
    name is corrected) names ``old`` and makes it ``new``."""
    if fix.key not in {k for k in (old.key, name_key(old.zh), name_key(old.en)) if k}:
        return False
    if fix.n is not None and old.n is not None and fix.n != old.n:
        return False
    want_zh = fix.zh if fix.zh else old.zh
    want_en = fix.en if fix.en else old.en
    return _same(new.zh, want_zh) and _same(new.en, want_en) and not (_same(old.zh, new.zh) and _same(old.en, new.en))


def settled_by(kept: NoticeRecord, other: NoticeRecord, corrections: Sequence[NoticeRecord]) -> NoticeRecord | None:
    """The correction notice that explains why ``other`` (another URL's copy of ``kept``'s notice) differs from the
    kept copy: it names ``kept``'s notice, and ``other`` is ``kept`` with exactly that notice's renames made (every
    entity it renames differs, and nothing else does). None: no stored correction explains it."""
    if other.key != kept.key or len(other.entities) != len(kept.entities):
        return None
    if _without_entities(kept) != _without_entities(other):
        return None
    changed = [(a, b) for a, b in zip(kept.entities, other.entities)
               if not (_same(a.zh, b.zh) and _same(a.en, b.en))]
    if not changed or any(_rest(a) != _rest(b) for a, b in zip(kept.entities, other.entities)):
        return None
    for fix in corrections:
        if kept.key not in {r.key for r in fix.references if r.key} or not fix.entities:
            continue
        used = set()
        for old, new in changed:
            hit = [i for i, e in enumerate(fix.entities) if _renames(old, new, e)]
            if len(hit) != 1:
                break
            used.add(hit[0])
        else:
            if len(used) == len(fix.entities):  # every rename it makes shows, and only those
                return fix
    return None
