"""The notice-scope event of every stored notice (the notices feed) and the order events are published in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storage.records import (
    ActionKind,
    EntityRecord,
    EventKind,
    EventRecord,
    EventScope,
    NoticeRecord,
    NoticeRef,
    StoredNotice,
    step_fact,
)
from storage.vocabulary import SHARED_LISTS, TAG_PREFIX, list_name, ministry_of

from .builder import _provenance
from .corrections import corrects_names
from .model import COUNTRY_ADJECTIVES, day_of, known_from, occurred_at
from .text import _measures_text, _number, entity_label, group_label, named_group, old_label

NOTICE_VERBS = {
    ActionKind.IMPOSE: "lists", ActionKind.MEASURE: "adds a measure on", ActionKind.INVESTIGATE:
    "opens an investigation into", ActionKind.SUSPEND: "suspends the measures of", ActionKind.EXTEND:
    "extends the suspension of", ActionKind.LIFT: "stops the measures of", ActionKind.REMOVE: "removes",
    ActionKind.LIFT_MEASURE: "stops some measures of",
    ActionKind.RESTORE: "restores the measures of",
}


def _target(ref: NoticeRef) -> str:
    """A target as a notice's item names it: its notice key; a reference by day and list alone
    ("2025年4月4日被列入出口管制管控名单的16家美国实体") in English, "the 16 US entities listed on 2025-04-04", as the
    engine reads it (``targets._resolve_date_ref``). Its phrase as parsed stops before the noun ("…的16家美国") and
    is one phrase for two days ("2025年4月4日和4月9日…的28家美国": the notices feed said it twice, reader34)."""
    if ref.key or ref.date is None or ref.list is None:
        return ref.key or ref.text
    country = f"{COUNTRY_ADJECTIVES.get(ref.country, ref.country)} " if ref.country else ""
    count = f"{ref.count} " if ref.count is not None else ""
    return f"the {count}{country}entities listed on {ref.date.isoformat()}"


def _what(rec: NoticeRecord, label: Callable[[Sequence[EntityRecord]], str]) -> str:
    """What a notice does, its entities said by ``label``: named in the title (:func:`named_group`, "lists High Point
    Aerotechnologies, Universal Logistics Holdings, Inc. and 14 more US entities", as the list feeds' titles since
    session 35; reader35 B: "lists 16 US entities" named no one), counted in the summary beside the entity table."""
    parts = []
    for a in rec.actions:
        targets = ", ".join(dict.fromkeys(_target(t) for t in a.targets))
        verb = (f"stops the {_measures_text(a.measures)} of" if a.action is ActionKind.LIFT_MEASURE
                else NOTICE_VERBS.get(a.action, a.action.value))
        if targets:
            parts.append(f"{verb} {targets}")
        else:
            parts.append(f"{verb} {label(rec.entities) if rec.entities else 'its entities'}")
    for e in rec.renamed:  # a listed entity renamed: what the notice says, applied or not (storage/lifecycle/renames.py)
        parts.append(f"renames {old_label(e)} to {entity_label(e)}")
    if not parts and corrects_names(rec):  # "changes no list" read as nothing to do for a listed entity (reader34)
        named = ", ".join(dict.fromkeys(_target(r) for r in rec.references))
        parts.append(f"corrects the names of {label(rec.entities)}" + (f" listed by {named}" if named else ""))
    return "; ".join(parts) or "changes no list"


def _notice_event(n: StoredNotice) -> EventRecord:
    rec = n.record
    occurred = occurred_at(n)
    what = _what(rec, group_label)
    ents = ""
    # whose, on a list both ministries keep (as the list feeds' items say: "on the MFA countermeasure list"; reader35)
    ministry = ministry_of(rec.issuer) if rec.list in SHARED_LISTS else None
    whose = f"{ministry} " if ministry else ""
    on = f" on the {whose}{list_name(rec.list)}" if rec.list else ""
    return EventRecord(
        id=f"{TAG_PREFIX}{rec.key}/notice", kind=EventKind.NOTICE, scope=EventScope.NOTICE, list=rec.list,
        notice_key=rec.key, source_key=rec.key, entity_key=None,
        effective=day_of(rec.effective) or known_from(n), until=None, occurred=occurred, updated=occurred,
        title=f"Notice {_number(n)}: {_what(rec, named_group)}{on}{ents}", title_zh=rec.title,
        summary=f"{_number(n)} published {known_from(n).isoformat()}" +  # type: ignore[union-attr]
                (f", effective {rec.effective}" if rec.effective else "") + f": {what}{on}{ents}.",
        entities=rec.entities, provenance=_provenance(n), facts=_steps(n),
    )


def _steps(n: StoredNotice) -> tuple[tuple[str, str], ...]:
    """A notice item's facts its words alone say (``EventRecord.facts``): each step, its targets and measures."""
    return tuple([step_fact(a) for a in n.record.actions])


def event_sort_key(event: EventRecord) -> tuple[float, str]:
    """Newest first, then by id: the order feeds and ``load_events`` use."""
    return (-event.occurred.timestamp(), event.id)
