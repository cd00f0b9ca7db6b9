"""A notice correcting a name in another notice's annex (pure).

"关于更正商务部公告2024年第89号附件有关内容的公告": "…附件《出口管制管控名单》第2项“乌普西隆能源公司（Upsilon Energy
LLC）”有误，现更正为“乌普西隆动力公司（Upsilon Power LLC）”。" It lists nobody and acts on no listing; it renames one
of the corrected notice's entities. Each such sentence gives one entity record: the corrected name(s), keyed by the
name as first written (the key the corrected notice's parse gave it), numbered as the item ("第2项"). The engine
(storage/lifecycle.py) applies it only when that key is on the corrected listing (and at that item). A text whose
corrections are not all read this way gives none: the correction then stays a loud, unapplied problem.
"""

from __future__ import annotations

import re

from storage.records import EntityRecord

from .entities import cached_key, split_name
from .textnorm import fold

CORRECTION_TITLE_RE = re.compile(r"更正|勘误")
# one correction: [第N项][…]["原(为)"]“old”[有误][，][现]更正为“new”
PAIR_RE = re.compile(
    r"(?:第\s*(?P<n>\d{1,3})\s*项[^“”。；;]{0,24}?)?(?:原为|原)?“(?P<old>[^“”]{2,120})”\s*(?:有误)?\s*[，,]?\s*(?:现)?"
    r"\s*更正为\s*[:：]?\s*“(?P<new>[^“”]{2,120})”")
CORRECTED_RE = re.compile(r"更正为")
ITEM_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s*[.、．]\s*")  # "7. 三菱重工…" quoted with its annex number


def is_correction(title: str | None) -> bool:
    return bool(title and CORRECTION_TITLE_RE.search(title))


def corrected_entities(text: str) -> tuple[EntityRecord, ...]:
    """The renamed entities a correction text states, each keyed by its old name; () when any "更正为" is not one
    clear old-name/new-name pair (the caller then reports the correction as not applied)."""
    pairs = list(PAIR_RE.finditer(text))
    if not pairs or len(pairs) != len(CORRECTED_RE.findall(text)):
        return ()
    out: list[EntityRecord] = []
    for m in pairs:
        numbers = {int(x.group("n")) for x in map(ITEM_RE.match, (m.group("old"), m.group("new"))) if x}
        if m.group("n"):
            numbers.add(int(m.group("n")))
        if len(numbers) > 1:
            return ()
        old, new = ITEM_RE.sub("", m.group("old")), ITEM_RE.sub("", m.group("new"))
        old_zh, old_en = split_name(old, fold(old))
        new_zh, new_en = split_name(new, fold(new))
        old_key = cached_key(old_zh, old_en)
        # both names as the annex writes them on each side: a half ("中文名称更正为…") cannot be matched by key
        if not (old_zh and old_en and new_zh and new_en and old_key):
            return ()
        if (old_zh, old_en) == (new_zh, new_en):
            return ()
        out.append(EntityRecord(zh=new_zh, en=new_en, key=old_key, n=numbers.pop() if numbers else None))
    if len({e.key for e in out}) != len(out):
        return ()
    return tuple(out)
