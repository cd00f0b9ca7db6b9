"""Steps an answer recounts (``NoticeRecord.recounted``), checked against the stored notices (session 51, recount51).

An answer under a neutral title telling "商务部已于2026年11月20日发布公告，自2026年12月1日起，停止实施商务部公告2025年第21号
相关措施。" takes no step of its own (a recap, the lead's decision on near50's question): the notice it tells of is the one
read. When that notice is not stored (a crawl gap), the lift would be missed, silently. So each recounted step is looked
for among the stored notices' steps known by the day: one of the same kind (a suspension or an extension alike; a lift
or a removal alike), on a notice the recap names (by number, or by the day and list the notice was published on), from
the day the recap gives (its start, or the day the notice was published). None found: a problem ("an answer recounts the
lift of MOFCOM-2025-21 from 2026-12-01: no stored notice does this"; ``status`` exits 1). Found: nothing said. A recap is
never applied, and an answer read for recaps alone (no step, no entity, no list: it was read as no notice before) adds
no item of its own (``recap_only``): the feeds are what they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storage.records import ActionKind, ActionRecord, NoticeKind, NoticeRecord, StoredNotice

from .builder import _Builder
from .model import day_of, known_from

# Steps that tell the same change (an extension recounted as "继续暂停" may be the notice's "暂停…至…").
SAME_CHANGE = {ActionKind.SUSPEND: "suspend", ActionKind.EXTEND: "suspend", ActionKind.LIFT: "lift",
               ActionKind.REMOVE: "lift", ActionKind.RESTORE: "restore"}
RECAP_VERBS = {ActionKind.SUSPEND: "the suspension", ActionKind.EXTEND: "an extension of the suspension",
               ActionKind.LIFT: "the lift", ActionKind.REMOVE: "the removal", ActionKind.RESTORE: "the restore"}


def recap_only(rec: NoticeRecord) -> bool:
    """An answer read for the steps it recounts alone (no step, entity, list or held step of its own)."""
    return bool(rec.recounted) and rec.kind is NoticeKind.QA and not rec.actions and not rec.entities \
        and rec.list is None and not rec.held


def _names(a: ActionRecord, step: ActionRecord, by_key: dict[str, StoredNotice]) -> bool:
    """Whether ``step`` acts on a notice the recap ``a`` names: by its key, or by the day and list it was published."""
    keys = {t.key for t in a.targets if t.key}
    for t in step.targets:
        if t.key is not None:
            if t.key in keys:
                return True
            continue
        if t.date is None:
            continue
        for k in keys:
            target = by_key.get(k)
            if target is not None and known_from(target) == t.date and (t.list is None or target.record.list is t.list):
                return True
    return False


def _does(n: StoredNotice, step: ActionRecord, a: ActionRecord, day: date | None,
          by_key: dict[str, StoredNotice]) -> bool:
    """Whether stored notice ``n``'s ``step`` is the step the recap ``a`` tells."""
    if SAME_CHANGE.get(step.action) != SAME_CHANGE.get(a.action) or not _names(a, step, by_key):
        return False
    return day is None or day in (day_of(step.effective), day_of(n.record.effective), known_from(n))


def check_recaps(known: Sequence[StoredNotice], b: _Builder) -> None:
    """A problem for each recounted step no notice known by the day takes (see the module's words)."""
    recounting = [n for n in known if n.record.recounted]
    if not recounting:
        return
    by_key = {n.record.key: n for n in known}
    for n in recounting:
        for a in n.record.recounted:
            day = day_of(a.effective)
            if any(_does(m, step, a, day, by_key) for m in known for step in m.record.actions):
                continue
            named = ", ".join(dict.fromkeys(t.key for t in a.targets if t.key))
            since = f" from {day.isoformat()}" if day else ""
            b.problem(f"{n.record.key}: an answer recounts {RECAP_VERBS.get(a.action, a.action.value)} of {named}{since}: "
                      f"no stored notice does this (the notice that took it not fetched or not read?): "
                      f"\u201c{a.text}\u201d")
