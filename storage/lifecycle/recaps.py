"""Steps an answer recounts (``NoticeRecord.recounted``), checked against the stored notices (session 51, recount51).

An answer under a neutral title telling "商务部已于2026年11月20日发布公告，自2026年12月1日起，停止实施商务部公告2025年第21号
相关措施。" takes no step of its own (a recap, the lead's decision on near50's question): the notice it tells of is the one
read. When that notice is not stored (a crawl gap), the lift would be missed, silently. So each recounted step is looked
for among the stored notices' steps known by the day: one of the same kind (a suspension or an extension alike; a lift
or a removal alike), on each notice the recap names (by number, or by the day and list the notice was published on), from
the day the recap gives (its start, or the day the notice was published). None found: a problem ("an answer recounts the
lift of MOFCOM-2025-21 from 2026-12-01: no stored notice does this"; ``status`` exits 1). Found: nothing said. A recap is
never applied, and an answer read for recaps alone (no step, no entity, no list: it was read as no notice before) adds
no item of its own (``recap_only``): the feeds are what they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storage.records import ActionKind, ActionRecord, NoticeKind, NoticeRecord, NoticeRef, StoredNotice

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


def _published(key: str | None, by_key: dict[str, StoredNotice]) -> tuple[date | None, object]:
    """The day and list of the stored notice ``key``."""
    n = by_key.get(key) if key else None
    return (known_from(n), n.record.list) if n is not None else (None, None)


def _same_notice(t: NoticeRef, s: NoticeRef, by_key: dict[str, StoredNotice]) -> bool:
    """Whether two references name one notice: by key, or one's key is the notice published on the other's day and list."""
    if t.key and s.key:
        return t.key == s.key
    if t.key or s.key:
        keyed, dated = (t, s) if t.key else (s, t)
        day, lst = _published(keyed.key, by_key)
        return day is not None and day == dated.date and (dated.list is None or lst is dated.list)
    return t.date is not None and t.date == s.date and (t.list is None or s.list is None or t.list is s.list)


def _does(n: StoredNotice, step: ActionRecord, a: ActionRecord, t: NoticeRef, day: date | None,
          by_key: dict[str, StoredNotice]) -> bool:
    """Whether stored notice ``n``'s ``step`` is the step the recap ``a`` tells of the notice ``t`` it names (by key, or by
    the day and list it was published)."""
    if SAME_CHANGE.get(step.action) != SAME_CHANGE.get(a.action) or not any(_same_notice(t, s, by_key)
                                                                            for s in step.targets):
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
            # each notice it names (review61: "停止实施…第13号和第51号相关措施" with No. 13's lift stored and No. 51's not
            # was quiet, No. 51 "in force": the step on No. 51 missed, silently)
            missing = [t for t in a.targets
                       if not any(_does(m, step, a, t, day, by_key) for m in known for step in m.record.actions)]
            if a.targets and not missing:
                continue
            named = ", ".join(dict.fromkeys(t.key or t.text for t in missing or a.targets))
            since = f" from {day.isoformat()}" if day else ""
            b.problem(f"{n.record.key}: an answer recounts {RECAP_VERBS.get(a.action, a.action.value)} of {named}{since}: "
                      f"no stored notice does this (the notice that took it not fetched or not read?): "
                      f"\u201c{a.text}\u201d")
