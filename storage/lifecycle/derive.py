"""``derive``: stored notices + a day -> a ``Derivation``, the steps above in order."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from datetime import date

from storage.names import entity_key
from storage.records import EntityRecord, EventKind, EventScope, StatusRow, StoredNotice
from storage.vocabulary import BEIJING

from .builder import _Builder
from .collect import _collect, counted
from .corrections import (
    _effective_corrections,
    _step_name_corrections,
    _unapplied_corrections,
    _until_corrections,
    corrected_step_notice,
    corrects_names,
)
from .model import NON_ACTING_KINDS, Derivation, known_from
from .notices import _notice_event, event_sort_key
from .recaps import check_recaps, period_step, recap_only
from .revoked import _revocations
from .simulate import _countdowns, _ended_named, _rows, _simulate, _term_countdowns


def corrected_keys(notices: Sequence[StoredNotice], derivation: Derivation) -> list[StoredNotice]:
    """``notices`` with each applied correction's entities as the engine matched them: the corrected listing's entity
    key and the names it has now (its ``name_corrected`` items'), not the key the parser could only guess for a
    correction quoting one name (the Chinese name's key, where the listing keys the entity by its English name); and
    each applied rename's entity (its ``renamed`` items': new names, the old ones as aliases) among its notice's.
    Screening and timelines read names from these, so the corrected or the new name finds the listed entity."""
    fixed: dict[str, list[EntityRecord]] = {}
    renamed: dict[str, list[EntityRecord]] = {}
    for e in derivation.events:
        if e.kind is EventKind.NAME_CORRECTED and e.scope == EventScope.ENTITY and e.source_key and e.entities:
            fixed.setdefault(e.source_key, []).extend(e.entities)
        elif e.kind is EventKind.RENAMED and e.scope == EventScope.ENTITY and e.source_key and e.entities:
            renamed.setdefault(e.source_key, []).extend(e.entities)
    out = []
    by_key = {n.record.key: n for n in notices}
    for n in notices:
        rec = n.record
        if rec.key in fixed and corrects_names(rec):
            n = dataclasses.replace(n, record=dataclasses.replace(rec, entities=tuple(fixed[rec.key])))
        elif corrected_step_notice(n, by_key) is not None:
            # a name corrected in a notice that only acts on earlier notices: another entity its steps reach, keyed by
            # its own names (as parsed, the key of the name first written: Cyberlux found Cubic's listing, story40)
            n = dataclasses.replace(n, record=dataclasses.replace(rec, entities=tuple(
                dataclasses.replace(e, key=entity_key(e.zh, e.en) or e.key) for e in rec.entities)))
        elif rec.key in renamed:
            # a rename applied: the entity under its listing's key, its new names and its old ones (as other names), beside
            # the notice's own entities, so screening and timelines find it by either
            n = dataclasses.replace(n, record=dataclasses.replace(rec, entities=(*rec.entities, *renamed[rec.key])))
        out.append(n)
    return out


def derive(notices: Sequence[StoredNotice], as_of: date) -> Derivation:
    """Events, listing states and problems as of ``as_of``, from the stored notices alone."""
    b = _Builder()
    by_key: dict[str, StoredNotice] = {}
    for n in sorted(notices, key=lambda n: (n.record.key, n.record.dumps())):
        if n.record.key in by_key:
            b.problem(f"{n.record.key}: stored twice; using one of them")
            continue
        if n.record.kind in NON_ACTING_KINDS:
            continue
        if known_from(n) is None:
            b.problem(f"{n.record.key}: no publication or effective date; ignored")
            continue
        by_key[n.record.key] = n
    known = [n for n in by_key.values() if known_from(n) <= as_of]  # type: ignore[operator]
    for n in known:
        if not recap_only(n.record):  # an answer read for its recaps alone adds no item (recaps.py)
            b.add(_notice_event(n))
    recounting = known  # the recaps are checked once the extensions by a period are counted (their ends: recaps.py)
    known, dated = _effective_corrections(known, b)
    known, ended = _until_corrections(known, b)
    known, renamed = _step_name_corrections(known)
    known = _revocations(known, b)
    listings, steps, applied, then = _collect(known, b)
    _unapplied_corrections(b, known, applied | dated | ended | renamed)
    states: list[StatusRow] = []
    ends: dict[tuple[str, tuple[str | None, str | None, str], str], set[date]] = {}
    for lk in sorted(listings):
        listing = listings[lk]
        its = counted(listing, steps.get(lk, []), b)
        for s in its:
            if s.action.extends_by and s.counted_until is not None:
                ends.setdefault((s.source.record.key, period_step(s.action), listing.key), set()).add(s.counted_until)
        final = _simulate(listing, its, as_of, as_of, b)
        on = functools.partial(then.steps_on, lk)  # its steps as known on a countdown's day
        _countdowns(b, listing, its, as_of, on)
        _term_countdowns(b, listing, its, as_of, on)
        states.extend(_rows(listing, final, as_of, by_key))
    check_recaps(recounting, b, {k: frozenset(v) for k, v in ends.items()})
    _ended_named(b)
    events = tuple(sorted((e for e in b.events.values() if e.occurred.astimezone(BEIJING).date() <= as_of),
                          key=event_sort_key))
    return Derivation(events=events, states=tuple(states), problems=tuple(b.problems), notes=tuple(b.notes))
