"""Listed entities renamed by their own choice ("所列德尔塔系统公司（Delta Systems, Inc.）已更名为欧米茄防务公司（Omega
Defense, Inc.）"): the new names given to the listed entity, which keeps its key, dates and state, the old names kept
as its other names; a rename that fits no listed entity, or several, is unresolved, loudly."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from storage.names import clean_display, entity_key, name_key
from storage.records import EntityRecord, EventKind, EventRecord, EventScope, ListKind, StoredNotice
from storage.vocabulary import TAG_PREFIX, list_name

from .builder import _Builder, _provenance, _unresolved_event
from .model import Listing, known_from, occurred_at
from .text import _number, entity_label


def _apply_renames(b: _Builder, known: Sequence[StoredNotice],
                   listings: dict[tuple[str, ListKind], Listing]) -> None:
    """Apply each notice's renames (``NoticeRecord.renamed``: the new names keyed by the old name's key, the old names
    as aliases; scraper/parse/renames.py), in the order published, to the listings the notice can mean: those of the
    notices it names, else those of its list, published by its day. A rename reaches the one entity whose key, or the
    key of the names the listing gives it that day, is the old name's key (or, for an old name of one half, whose name
    in that language is it), on each such listing: the listing keeps its key, dates and states; items from the
    rename's day on name the entity anew, the old names as its other names; one item says so on each listing. A rename
    fitting no entity, or two, is a problem and an unresolved-reference item (``status`` exits 1)."""
    for n in sorted(known, key=lambda n: (known_from(n) or date.min, n.record.key)):
        rec = n.record
        if not rec.renamed:
            continue
        day = known_from(n)
        assert day is not None
        refs = {r.key for r in rec.references if r.key and r.key != rec.key}
        lks = [lk for lk in sorted(listings) if (lk[0] in refs if refs else rec.list is None or lk[1] is rec.list)
               and (known_from(listings[lk].notice) or date.max) <= day and lk[0] != rec.key]
        for e in rec.renamed:
            reached = {lk: fit for lk in lks if (fit := _fits(listings[lk], e, day))}
            keys = {k for found in reached.values() for k in found}
            if len(keys) != 1:
                _unresolved(b, n, e, day, "fits two listed entities" if keys else "is on no stored listing")
                continue
            (key,) = keys
            # the same entity (its key) on the company's other listings, of other lists or notices, published by that
            # day: renamed too, each with its item (the lead's decision, session 37, on order36 C1 / rename36 C1: a UEL
            # rename left the ECL feed naming the old name while screening hit the ECL listing by the new one)
            elsewhere = [lk for lk in sorted(listings) if lk not in reached and lk[0] != rec.key
                         and (known_from(listings[lk].notice) or date.max) <= day
                         and key in dict(listings[lk].named_on(day))]
            for lk in [*reached, *elsewhere]:
                listing = listings[lk]
                before = dict(listing.named_on(day))[key]
                renamed = dataclasses.replace(listing, renamed=(*listing.renamed, (day, key, dataclasses.replace(
                    e, key=key, aliases=_names_before(before, e)))))
                listings[lk] = renamed
                _rename_events(b, renamed, n, key, before, day, elsewhere=lk in elsewhere)


def _fits(listing: Listing, e: EntityRecord, day: date) -> list[str]:
    """The keys of the listing's entities the rename ``e`` names by its old name (``e.key``, ``e.aliases``)."""
    halves = [name_key(a) for a in e.aliases]
    out = []
    for key, now in listing.named_on(day):
        if e.key in (key, entity_key(now.zh, now.en)) or len(halves) == 1 and halves[0] in (
                name_key(now.zh), name_key(now.en)):
            out.append(key)
    return out


def _names_before(before: EntityRecord, e: EntityRecord) -> tuple[str, ...]:
    """The entity's other names after the rename: those it had, the names it had before, the rename's old names (the new
    ones left out)."""
    new = {name_key(e.zh), name_key(e.en)} - {""}
    names = (*before.aliases, *(x for x in (clean_display(before.zh), clean_display(before.en)) if x), *e.aliases)
    return tuple(x for x in dict.fromkeys(names) if name_key(x) not in new)


def _rename_events(b: _Builder, listing: Listing, by: StoredNotice, key: str, before: EntityRecord,
                   day: date, *, elsewhere: bool = False) -> None:
    """One notice-scope item (the list's feeds) and one on the entity's feed: "Renamed: X is now Y" (X: the name the
    listing gave before the rename). Never a correction (MOFCOM wrote no name wrong), never a removal and a listing.
    ``elsewhere``: a listing the notice does not speak of, of the same entity: the items say which list's notice did."""
    after = dict(listing.named_on(day))[key]
    change = f"{entity_label(before)} is now {entity_label(after)}"
    where = f"on the {list_name(listing.list)} ({listing.key})"
    told = (f", on the {list_name(by.record.list)}" if elsewhere and by.record.list is not None
            and by.record.list is not listing.list else "")
    also = (f" It renames the entity on {_number(by)}'s own list; the same entity (key {key}) is on this listing too, and "
            "takes its new name here as well." if elsewhere else "")
    occurred = occurred_at(by)
    base = f"{TAG_PREFIX}{listing.key}/{EventKind.RENAMED.value}/{listing.list.value}/{day.isoformat()}"
    was = "|".join(x for x in (clean_display(before.zh), clean_display(before.en)) if x)
    summary = (f"{_number(by)} says the entity {_number(listing.notice)} listed has changed its name: {change}.{also} "
               "A rename, not a correction: both names are the entity's, and screening matches either. The "
               f"listing keeps its notice, dates and state; items from {day.isoformat()} on give the new name.")
    for id_, scope, ent_key in ((f"{base}/{key}", EventScope.ENTITY, key), (base, EventScope.NOTICE, None)):
        first = b.events.get(id_)
        if first is not None and scope == EventScope.NOTICE and first.source_key != by.record.key:
            # another notice renaming an entity of this listing the same day: an item of its own, as two notices
            # changing one listing the same way on one day are (builder._own_id); the first keeps its id
            id_ = f"{id_}/by/{by.record.key}"
            first = b.events.get(id_)
        if first is not None and scope == EventScope.NOTICE and key not in {e.key for e in first.entities}:
            # another entity of the listing renamed by the same notice: the list's one item names every rename
            # (order37: it named the first only, the list's feeds never told the second)
            b.events[id_] = dataclasses.replace(
                first, title=f"{first.title.split(' on the ', 1)[0]}; {change} {where} (notice {by.record.key}{told})",
                summary=f"{first.summary} {summary}", entities=(*first.entities, after),
                provenance=tuple(dict.fromkeys((*first.provenance, *_provenance(by, listing.notice)))),
                facts=(*first.facts, ("was", was)))
            continue
        if first is not None:  # a second rename of the same entity on one day: the first one's item stands
            continue
        b.add(EventRecord(
            id=id_, kind=EventKind.RENAMED, scope=scope, list=listing.list, notice_key=listing.key,
            source_key=by.record.key, entity_key=ent_key, effective=day, until=None, occurred=occurred,
            updated=occurred, title=f"Renamed: {change} {where} (notice {by.record.key}{told})", title_zh=by.record.title,
            summary=summary, entities=(after,), provenance=_provenance(by, listing.notice),
            facts=(("was", was),)))


def _unresolved(b: _Builder, n: StoredNotice, e: EntityRecord, day: date, why: str) -> None:
    """A rename the engine cannot apply: said as a problem and an item, never dropped (the new name would be
    unscreenable)."""
    rec = n.record
    old = " / ".join(e.aliases) or e.key
    b.problem(f"{rec.key}: renames {old} ({e.key}) to {entity_label(e)}, which {why}: the rename is not applied; read "
              "the notice and review")
    b.add(_unresolved_event(
        n, lst=rec.list, effective=day, suffix=f"rename-{e.key}",
        title=f"Rename not applied: {rec.key} renames {old} to {entity_label(e)}", facts=(("reference", e.key),),
        summary=f"{_number(n)} says {old} is now named {entity_label(e)}; the old name {why}, so the rename is not "
                "applied: screening by the new name finds no listing. No state was changed; this needs review.",
        provenance=_provenance(n)))
