"""Storing derived events so ids, dates and feed bytes stay stable; corrections, never silent rewrites.

``sync_events`` re-derives every event from the stored notices and compares with
the ``Event`` table:

- a new id is inserted;
- an unchanged payload is left alone (same input, no change: idempotent);
- a payload whose *content* changed (a notice's text changed: a new revision) is
  replaced, its ``updated`` set to the revision's fetch time, and a correction item
  ``<id>/correction/<n>`` pointing to it is added;
- a payload whose only change is provenance (another official URL of the same
  notice, or a re-fetch of the same text) is refreshed in place, ``updated`` kept:
  what the item says did not change; so is an item a spokesperson's answer published
  before the numbered notice it restates (of that day or a later one), which now rests on that notice
  and says the same change (``_restated_by``): the same items whichever came first; and so is an item
  whose pages are the same (each notice's SHA-256) and whose facts are the same (``FACT_FIELDS``), in other
  words only (a release rewording its items: ``words_only``), never a "Correction";
- an event dated on or before ``as_of`` that no longer follows from the notices is
  marked retracted, with a correction item saying so; when one new item of the same notice, kind, list and scope
  says what it said (of an entity: the same key, or the same Chinese name, an English name corrected on the page),
  the item is "Replaced by a corrected item" (while that one is held back, a source broken, it stays until that one is
  published: order43), which names that item, what changed and both pages' SHA-256s, in the
  feeds of the item replaced (its entity's too), never "disregard it" for a listing that holds; an announced impose
  that a later notice lifted or removed before its day is "Withdrawn before it took effect", naming the item that says
  so (``_withdrawn_by``: it was true as published); a presumed lapse, or a countdown to a suspension's end, that a step
  read later (an extension, a new suspension, a lift or removal on or before that day) made moot is "Retracted: …: the
  suspension goes on (KEY)" (or "lifted", "removed", "restored earlier"; a lapse a restore from that very day undid is
  "Confirmed: …: restored from that day (KEY)": in force that day, as presumed), naming that step's item (``_lapse_undone_by``;
  of a notice's item, the steps that reach every entity it names, else a plain retraction). A presumed lapse that stands
  while an extension told later carries the suspension on from a later day (no earlier start named: the days between stay
  lapsed) keeps its item and gets a "Clarified: …: the suspension carried on by KEY from DAY" correction naming that
  step's item (``_carried_on``: the lead's decision, session 43), once, when the later of the two is first stored (a store
  made from the same pages at once says it too: session 44; a step told on or before the lapse day, none). An unresolved-reference item
  that disappears because the reference now resolves (a Q&A stored before the notice
  it suspends) is withdrawn with a "Resolved: …" correction item in its feeds: a reader who saw
  "cannot be matched" learns that it now is, and which items say it now (the state items it was waiting for,
  new items of their own, named by title and id: ``_resolved_into``); the other items come out as if the notices had arrived in the other order. An item whose notice is
  now stored under another key (a paper's reprint of a Q&A, renamed to MOFCOM's key when MOFCOM's copy came:
  ``mofcom_watch.reprints``) and which continues there under the new key's id is not retracted either: its
  correction item says it continues, under which key and id, and that nothing was withdrawn; the other items
  resting on that notice, which differ only in naming it (its key and title now, the hour it gives its day), are
  refreshed in place, not announced again: that one item says so. Events dated after
  ``as_of`` are left alone (a sync with an earlier clock does not retract the future).

``announce=False`` (a view of a past day, ``feeds --as-of`` a day gone, rolled back afterwards): the rows follow the
derivation, but no correction item is made. Each would be news of this sync against a table kept as of a later day
(an item that held that day "Reinstated", then "Retracted" again by the next live run), not of the day shown.

``payload_sha256`` hashes the payload without ``updated`` (the one field a
correction moves), so a corrected event still compares equal to its derivation.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from storage.engines import record_engine
from storage.models import Event
from storage.notices import Withdrawn, held_words, load_stored_notices, withdrawn_notices
from storage.outcomes import PageOutcome
from storage.records import (
    RESTATING_KINDS,
    EventKind,
    EventRecord,
    EventScope,
    Provenance,
    StoredNotice,
    held_step_id,
    step_fact,
)
from storage.vocabulary import BEIJING, UNMATCHED_CAUSE, event_lapses_on, in_beijing, until_words

if TYPE_CHECKING:  # the engine is imported where it runs: a cycle that skips the derive never loads it
    from storage.lifecycle import Derivation

# Event kinds this module owns in the Event table (health and news items belong to others).
DERIVED_KINDS = frozenset(k.value for k in EventKind if k not in (EventKind.SOURCE_HEALTH, EventKind.NEWS))
DERIVED_SCOPES = ("notice", "entity")
VOLATILE_FIELDS = ("updated",)  # moved by corrections, not part of the comparison
WHERE_FIELDS = ("provenance",)  # where an item's facts come from, not what it says
FACT_FIELDS = ("kind", "scope", "list", "notice_key", "source_key", "entity_key", "effective", "until", "occurred",
               "presumed", "days_left", "corrects", "entities", "facts")
"""The payload members that are an item's facts: what happened (kind, the step's state: ``presumed``), to whom
(``entities``: names, country, annex line, type, role; not their ``aliases``, spellings of the same one), on which
list, by which notices, on which days, and what only its words say (``facts``: the measures, the clause, a count, a
withdrawal; ``EventRecord.facts``), with the ministry issuing each notice it rests on (``FACT_PROVENANCE``). The other
members are its words (``title``, ``title_zh``, ``summary``, ``extra``: the event's name in a table) or where it was
read (``WHERE_FIELDS``). Why: an item whose pages are unchanged and whose facts are equal says the same as before in
other words (a release rewording its items): it is refreshed in place, never a "Correction" item, which to a reader
means a fact changed (the lead's decision, session 31). A new parser or engine reading another fact from the same
pages still makes one."""
GIVEN_LATER = "country"
"""An entity's member whose first value, where the item had none, is no changed fact: a country another notice gives its
key (``lifecycle.model.known_countries``: UEL〔2026〕21号 names a company with no country, ECL No. 150 lists it as American a
week later). The UEL items say "1 US entity" then; nothing the UEL notice said changed, so they are refreshed in place,
not "Correction: … a new version of the parser or of the lifecycle engine" (story33 S3: false, and on every item of the
listing). A country that changes from one to another still is a correction."""
FACT_PROVENANCE = ("notice_key", "issuer")  # of each notice an item rests on: which notice, and whose
FACT_ENTITY_SPELLINGS = ("aliases",)  # an entity's other spellings: the same entity (``_aliases_only``)
# Items that rest on the absence of a later notice: a page a broken source failed to give could contradict them.
ABSENCE_KINDS = frozenset({EventKind.SUSPENSION_LAPSED, EventKind.SUSPENSION_ENDS_SOON, EventKind.TERM_ENDS_SOON,
                           EventKind.UNRESOLVED_REFERENCE})


@dataclass(frozen=True)
class SyncResult:
    new: int = 0
    corrected: int = 0
    retracted: int = 0
    refreshed: int = 0  # provenance-only updates
    unchanged: int = 0
    resolved: int = 0  # unresolved-reference items withdrawn because the reference now resolves
    problems: tuple[str, ...] = ()
    withheld: tuple[EventRecord, ...] = ()  # new items not stored: a broken source could falsify them

    @property
    def changed(self) -> bool:
        return bool(self.new or self.corrected or self.retracted or self.refreshed or self.resolved)


_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # json.dumps(..., ensure_ascii=False, sort_keys=True)


def payload_hash(payload: dict[str, Any]) -> str:
    """``Event.payload_sha256``: all an item holds but ``updated`` (the one field a correction moves)."""
    return _sha256(_joined(_members(payload, where=True)))


def content_hash(payload: dict[str, Any]) -> str:
    """What an item says, without when it was corrected or where it was read (``Event.content_sha256``)."""
    return _sha256(_joined(_members(payload, where=False)))


def payload_hashes(payload: dict[str, Any], written: dict[int, tuple[Any, str]] | None = None) -> tuple[str, str]:
    """``(payload_hash(payload), content_hash(payload))``, each member written once (a first sync hashes
    both for every item: the two texts differ only by the ``WHERE_FIELDS`` members); ``written``: see
    :func:`_members`."""
    runs = _members(payload, written, where=True, apart=True)
    return _sha256(_joined(runs)), _sha256(_joined([run for run in runs if not run[0]]))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _joined(runs: list[tuple[bool, str]]) -> str:
    return "{" + ", ".join(text for _, text in runs) + "}"


def _members(payload: dict[str, Any], written: dict[int, tuple[Any, str]] | None = None, *, where: bool,
             apart: bool = False) -> list[tuple[bool, str]]:
    """The one writer of the canonical JSON the hashes are taken of: ``payload``'s members but
    ``VOLATILE_FIELDS`` (and ``WHERE_FIELDS`` unless ``where``) as ``(is WHERE_FIELDS, text)`` runs; joined
    by ", " between braces, their texts are ``json.dumps(members, ensure_ascii=False, sort_keys=True)``.

    One run, the encoder's own, unless ``apart``: canonical JSON of a dict is its members in key order
    between braces, so the members are then written in runs of consecutive keys (sorted), a run of
    ``WHERE_FIELDS`` apart (what :func:`payload_hashes` leaves out of the content text). ``written``:
    canonical texts of ``WHERE_FIELDS`` lists by object, kept with the object: a list met again (the
    provenance an entity's items share with their notice's item) is not written again.
    """
    if not apart:  # one encode of the members kept: runs made a derive comparing a 10x store 15% slower
        kept = {k: v for k, v in payload.items() if k not in VOLATILE_FIELDS and (where or k not in WHERE_FIELDS)}
        return [(False, _CANONICAL.encode(kept)[1:-1])]
    runs: list[tuple[bool, dict[str, Any]]] = []
    for key in sorted(k for k in payload if k not in VOLATILE_FIELDS):
        is_where = key in WHERE_FIELDS
        if not runs or runs[-1][0] != is_where:
            runs.append((is_where, {}))
        runs[-1][1][key] = payload[key]
    return [(is_where, _where_text(members, written) if is_where else _CANONICAL.encode(members)[1:-1])
            for is_where, members in runs]


def _where_text(members: dict[str, Any], written: dict[int, tuple[Any, str]] | None) -> str:
    """``members`` as canonical JSON writes them, without the braces; a list's text taken from ``written``."""
    texts = []
    for key, value in members.items():
        if written is None or not isinstance(value, list):
            texts.append(_CANONICAL.encode({key: value})[1:-1])
            continue
        hit = written.get(id(value))
        if hit is None:
            hit = written[id(value)] = (value, _CANONICAL.encode(value))
        texts.append(f"{_CANONICAL.encode(key)}: {hit[1]}")
    return ", ".join(texts)


def _revision_time(event: EventRecord) -> datetime:
    """When the notice text behind an event changed: the newest fetch among its provenance."""
    times = [p.fetched_at for p in event.provenance if p.fetched_at is not None]
    return in_beijing(max(times)) if times else event.occurred


def _columns(event: EventRecord, *, revision: int, retracted: bool = False,
             payload: dict[str, Any] | None = None, written: dict[int, tuple[Any, str]] | None = None
             ) -> dict[str, Any]:
    """The Event row of ``event``, column by column (one dict: an ORM row or a bulk insert); ``written``:
    see :func:`payload_hashes`."""
    payload = payload if payload is not None else event.to_json()
    payload_sha256, content_sha256 = payload_hashes(payload, written)
    return dict(
        id=event.id, kind=event.kind.value, scope=event.scope, list=event.list.value if event.list else None,
        notice_key=event.notice_key, source_key=event.source_key, entity_key=event.entity_key,
        effective=event.effective, until=event.until, occurred=event.occurred, updated=event.updated,
        payload=payload, payload_sha256=payload_sha256, content_sha256=content_sha256,
        corrects=event.corrects, revision=revision, retracted=retracted,
    )


def _write(row: Event, event: EventRecord, *, revision: int, retracted: bool = False) -> None:
    for name, value in _columns(event, revision=revision, retracted=retracted).items():
        setattr(row, name, value)


CHANGES_LISTED = 5  # changed entities a correction names; the rest are counted
RESOLVED_LISTED = 3  # items a "Resolved" correction names as the change its reference was waiting for


def what_changed(old: EventRecord, new: EventRecord) -> str:
    """The differences a reader of a correction wants first, as one clause (empty: none of these): entities
    added, gone or renamed (matched by key, or by the one Chinese name of a key that changed), the effective or end
    day, the day and hour the notice was published (re-dated in place). Pure."""

    def name(e: Any) -> str:
        return " / ".join(n for n in (e.zh, e.en) if n) or e.key

    before = {e.key: e for e in old.entities}
    after = {e.key: e for e in new.entities}
    parts = [f"{name(before[k])} -> {name(after[k])}" for k in after
             if k in before and (before[k].zh, before[k].en) != (after[k].zh, after[k].en)]
    # an entity gone and one added under the same Chinese name, each the only one of it: its English name corrected
    # on the page gave it another key (story30 S2), one entity renamed, not one removed and another listed
    gone = {e.zh: e for k, e in before.items() if k not in after and e.zh}
    came = {e.zh: e for k, e in after.items() if k not in before and e.zh}
    twins = {zh for zh in gone.keys() & came.keys()
             if sum(e.zh == zh for e in old.entities) == sum(e.zh == zh for e in new.entities) == 1}
    parts += [f"{name(gone[zh])} -> {name(came[zh])} (entity {gone[zh].key} -> {came[zh].key})"
              for zh in sorted(twins)]
    parts += [f"added {name(after[k])}" for k in after if k not in before and after[k].zh not in twins]
    parts += [f"no longer {name(before[k])}" for k in before if k not in after and before[k].zh not in twins]
    listed = "; ".join(parts[:CHANGES_LISTED]) + (f"; and {len(parts) - CHANGES_LISTED} more"
                                                   if len(parts) > CHANGES_LISTED else "")
    for label, was, now in (("effective", old.effective, new.effective), ("until", old.until, new.until)):
        if was != now:
            listed += ("; " if listed else "") + f"{label} {was or 'none'} -> {now or 'none'}"
    if old.occurred != new.occurred:  # a notice re-dated in place (its page's date changed, nothing else: cycles58's
        # B2, a "Correction:" that said no change at all, its reader left to compare the two items)
        listed += ("; " if listed else "") + (f"published {in_beijing(old.occurred):%Y-%m-%d %H:%M} -> "
                                              f"{in_beijing(new.occurred):%Y-%m-%d %H:%M} (Beijing time)")
    return listed


def _cause(old: EventRecord, new: EventRecord, at: datetime, since: Sequence[Provenance] = (), person: str = "") -> str:
    """Why an item changed, as its correction says it: the pages it rests on changed (a notice's new revision), or, when
    every notice it rests on is still the same page (the same SHA-256 for each notice key), the notices on its listing
    stored after those pages (``since``: ``_stored_since``), read with them now, named, or a new version (order33:
    stories20 in a shuffled order, an extension by 90 days counted from its own day until the suspension it extends was
    read, then from that one's end, said "a new version of the parser"; which of those notices bore on it, or whether
    the engine changed too, the store does not record), else only their reading did (a new parser reads another fact from the stored page, or a new engine derives
    another from the same notices: engine22's "Withdrawn before it took effect", session 24's removal saying the
    measures stop too; other words alone make no correction: ``words_only``): never "the text changed" for a page that
    did not, nor "a new version of the parser" for a notice read later. ``person``: a held step a person published that
    the item says now and did not say (``_published_by_person``), which is then the cause, its pages unchanged (held42's
    B4: the correction named a new parser)."""
    if person and _pages_kept(old, new):
        now = {(p.notice_key, p.sha256) for p in new.provenance}
        pages = ", ".join(f"{key} SHA-256 {sha[:12]}…" for key, sha in sorted(now) if sha)
        return (f"a person published {person}, a step its page read but held for review (mofcom-watch accept), the pages "
                f"unchanged ({pages})")
    if _decided_by_another(old, new):
        # another notice decides it now: a numbered notice read after the answer that published the item first and that
        # says otherwise (story31 S4: "the text of a notice it rests on changed" of pages that had not)
        return (f"it rests now on {new.source_key}, read after it (fetched {at.isoformat()}), not on {old.source_key}, "
                "which said otherwise")
    if _pages_kept(old, new):
        now = {(p.notice_key, p.sha256) for p in new.provenance}
        pages = ", ".join(f"{key} SHA-256 {sha[:12]}…" for key, sha in sorted(now) if sha)
        if since:
            later = ", ".join(f"{p.notice_key} (fetched {in_beijing(p.fetched_at).isoformat()})" for p in since
                              if p.fetched_at is not None)
            return (f"the pages it rests on did not change ({pages}): the notices read with them did (on its listing, "
                    f"stored after them: {later}) or, if none of those bears on it, the version of the parser or of the "
                    "lifecycle engine reading them")
        return (f"the reading of the pages it rests on changed, not the pages ({pages}, unchanged): a new version of "
                "the parser or of the lifecycle engine read the stored pages again")
    added = _added_notices(old, new)
    if added:
        return (f"{', '.join(added)}, read after it (fetched {at.isoformat()}), bears on it now; the pages it rested on "
                "did not change")
    return f"the text of a notice it rests on changed (revision fetched {at.isoformat()})"


def _added_notices(old: EventRecord, new: EventRecord) -> list[str]:
    """The notices ``new`` rests on and ``old`` did not, where every page ``old`` rested on is still the same (the same
    SHA-256 for each notice key): a notice read later that corrects a step's end (story44: No. 40 "…“暂停期限至2027年6月30日”
    有误，应为…5月31日", the item said "a new version of the parser or of the lifecycle engine"). Empty otherwise. Pure."""
    before = {(p.notice_key, p.sha256) for p in old.provenance}
    now = {(p.notice_key, p.sha256) for p in new.provenance}
    if not before or not all(sha for _, sha in before | now) or not before <= now:
        return []
    own = {key for key, _ in before}
    return sorted({key for key, _ in now - before if key not in own and key is not None})


def _published_by_person(old: EventRecord, new: EventRecord, notices: dict[str, StoredNotice]) -> str:
    """The held step a person published (``heldsteps.with_published``: a stored notice's held step read among its actions)
    of a notice ``new`` rests on, which ``new`` states as a step and ``old`` did not (``EventRecord.facts``: a notice item's
    steps), as "KEY's held step ID"; "" where none. Pure."""
    if not notices:
        return ""
    before, now = set(old.facts), set(new.facts)
    for p in new.provenance:
        n = notices.get(p.notice_key)
        if n is None or not n.record.held:
            continue  # (nearly every notice: nothing held)
        for a in n.record.held:
            fact = step_fact(a)
            if a in n.record.actions and fact in now and fact not in before:
                return f"{n.record.key}'s held step {held_step_id(a)}"
    return ""


def _decided_by_another(old: EventRecord, new: EventRecord) -> bool:
    """Whether ``new`` rests on a notice deciding it that ``old`` did not rest on (``_cause``). Pure."""
    return bool(old.source_key and new.source_key and new.source_key != old.source_key
                and new.source_key not in {p.notice_key for p in old.provenance})


def _pages_kept(old: EventRecord, new: EventRecord) -> bool:
    """Whether every notice ``new`` rests on is one ``old`` rested on, by a page of the same SHA-256 (``_cause``). Pure."""
    before = {(p.notice_key, p.sha256) for p in old.provenance}
    now = {(p.notice_key, p.sha256) for p in new.provenance}
    return bool(now) and all(sha for _, sha in now) and now <= before and not _decided_by_another(old, new)


def _steps_by_listing(derived: Sequence[EventRecord]) -> dict[tuple[str | None, str | None], set[str]]:
    """The notices making a step on each listing (notice key, list): the source keys of its items. Pure."""
    out: dict[tuple[str | None, str | None], set[str]] = {}
    for e in derived:
        if e.source_key is not None:
            out.setdefault((e.notice_key, e.list), set()).add(e.source_key)
    return out


def _stored_since(old: EventRecord, new: EventRecord, notices: dict[str, StoredNotice],
                  steps: Callable[[], dict[tuple[str | None, str | None], set[str]]]) -> tuple[Provenance, ...]:
    """Of an item ``new`` corrects whose pages did not change (``_pages_kept``), the stored notices making a step on its
    listing (``steps``: ``_steps_by_listing``, made when first needed) that it does not rest on, their copy fetched after
    every page it rests on, oldest first: what changed it, the notices known having changed (``_cause``). Empty
    otherwise, and for an item citing no fetch time. Pure."""
    if not _pages_kept(old, new):
        return ()
    own = {p.notice_key for p in old.provenance}
    times = [t for p in old.provenance for t in (p.fetched_at, *(c.fetched_at for c in p.copies)) if t is not None]
    if not times:
        return ()
    newest = max(times)
    keys = steps().get((old.notice_key, old.list), set()) - own
    found = [notices[k].provenance for k in keys if k in notices]
    return tuple(sorted((p for p in found if p.fetched_at is not None and p.fetched_at > newest),
                        key=lambda p: (p.fetched_at or newest, p.notice_key)))


def pages_changed(old: EventRecord, new: EventRecord) -> str:
    """Each notice both items rest on whose page changed, with both SHA-256s (the copy read before, the one read now),
    as one clause (empty: none): a reader checks the two copies, not only the one the item cites now. Pure."""
    before = {p.notice_key: p.sha256 for p in old.provenance if p.sha256}
    return "; ".join(f"{p.notice_key}'s page SHA-256 was {before[p.notice_key]}, now {p.sha256}"
                     for p in new.provenance if p.sha256 and before.get(p.notice_key) not in (None, p.sha256))


def _resolving(old: EventRecord, derived: Sequence[EventRecord]) -> list[EventRecord]:
    """The items that say now what an unresolved reference was waiting for, by id (none found: empty): the
    notice-scope items of the same referring notice and day, of the notice the reference named (its id's last part)
    when that is one of theirs, else of its list. Pure."""
    if old.source_key is None:
        return []
    found = [e for e in derived if e.scope is EventScope.NOTICE and e.source_key == old.source_key
             and e.effective == old.effective and e.notice_key != old.source_key
             and e.kind is not EventKind.UNRESOLVED_REFERENCE]
    named = old.id.rsplit("/", 1)[-1]
    found = ([e for e in found if e.notice_key == named]
             or [e for e in found if old.list is None or e.list == old.list])
    return sorted(found, key=lambda e: e.id)


def _resolved_into(found: Sequence[EventRecord]) -> str:
    """The items of :func:`_resolving` as a clause naming them (empty: none), so the reader of "Resolved" is sent to
    the change, not left to look for it (order30: it said only "items of their own"). Pure."""
    if not found:
        return ""
    listed = "; ".join(f"\"{e.title}\" ({e.id})" for e in found[:RESOLVED_LISTED])
    more = f"; and {len(found) - RESOLVED_LISTED} more" if len(found) > RESOLVED_LISTED else ""
    return f"; its items of that day: {listed}{more}"


def _of_listing(old: EventRecord, derived: Sequence[EventRecord], kinds: tuple[EventKind, ...]) -> list[EventRecord]:
    """The items of ``kinds`` on the listing ``old`` is about: the same notice, list, scope and entity."""
    return [e for e in derived if e.kind in kinds and e.scope is old.scope and e.notice_key == old.notice_key
            and e.list == old.list and e.entity_key == old.entity_key]


def _listing_of(e: EventRecord) -> tuple[object, ...]:
    return (e.scope, e.notice_key, e.list, e.entity_key)


def _steps_by_entity(derived: Sequence[EventRecord]) -> dict[tuple[object, ...], list[EventRecord]]:
    """The suspensions and extensions of each listing (:func:`_of_listing`'s own terms), grouped once for many lapses."""
    out: dict[tuple[object, ...], list[EventRecord]] = {}
    for e in derived:
        if e.kind in (EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED):
            out.setdefault(_listing_of(e), []).append(e)
    return out


def _withdrawn_by(old: EventRecord, derived: Sequence[EventRecord]) -> EventRecord | None:
    """The item saying that the listing ``old`` imposed was withdrawn before its day: of the same notice, list, scope
    and entity, a lift or removal dated before the day ``old`` was to apply from (``storage.lifecycle``: "Withdrawn
    before it took effect"). None when ``old`` is no impose or there is none. Pure."""
    if old.kind is not EventKind.IMPOSED or old.effective is None:
        return None
    found = [e for e in _of_listing(old, derived, (EventKind.LIFTED, EventKind.REMOVED)) if e.effective is not None and e.effective < old.effective]
    return min(found, key=lambda e: e.id) if found else None


# the steps on a listing that make a presumed lapse of its suspension, or a countdown to the suspension's end, moot
_UNDOING = (EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED, EventKind.LIFTED, EventKind.REMOVED, EventKind.RESTORED)
_UNDONE_SAYS = {EventKind.SUSPENDED: "the suspension goes on", EventKind.SUSPENSION_EXTENDED: "the suspension goes on",
                EventKind.LIFTED: "lifted", EventKind.REMOVED: "removed", EventKind.RESTORED: "restored earlier"}
_ENDING = (EventKind.LIFTED, EventKind.REMOVED, EventKind.RESTORED)  # a step that ends the suspension: no end to run past


def _lapse_undone_by(old: EventRecord, derived: Sequence[EventRecord]) -> tuple[EventRecord, ...]:
    """The items of the steps read after the presumed lapse ``old`` (or the countdown to a suspension's end) that make
    it moot: of the same notice, list, scope and entity, in effect on or before that day, a suspension or extension
    running past it, or a lift, removal or restore (story31 S6: "自2026年11月10日起，继续暂停…1年" published 11-12, after the
    11-10 lapse was presumed; order30 B1b: an extension published before the lapse day and fetched after it; a countdown
    whose end an extension moved; stories21 V01 in a shuffled order: an extension's lapse that a restore before its end
    undid). It was the presumption the notices known then gave, not a misreading: its readers are sent to the step, not
    told only "disregard it". A notice's item is undone only by steps that together reach every entity it names (order33:
    stories20 in a shuffled order, the countdown of No. 155's one entity left, Apus, was "removed (MOFCOM-2026-156)",
    the removal of the other one, Grus, which its extension undid; a restore of 14 of 16 entities named for all 16):
    the one step reaching them all, else the fewest that do, else none (a plain retraction). Empty when ``old`` is
    neither or nothing undoes it. Pure."""
    if old.kind is EventKind.SUSPENSION_LAPSED:
        day = old.effective
    elif old.kind is EventKind.SUSPENSION_ENDS_SOON:
        day = _counted_to(old)
    else:
        return ()
    if day is None:
        return ()
    found = sorted((e for e in _of_listing(old, derived, _UNDOING) if e.effective is not None and e.effective <= day
                    and (e.kind in _ENDING or e.until is None or (_counted_to(e) or e.until) > day)), key=lambda e: e.id)
    left = {e.key for e in old.entities} if old.entity_key is None else set()
    steps: list[EventRecord] = []
    while found and (left or not steps):
        # the step reaching most of the entities not yet accounted for (all of them, if one does), the first by id
        best = max(found, key=lambda e: len(left & {x.key for x in e.entities}))
        if steps and not left & {x.key for x in best.entities}:
            break
        steps.append(best)
        found.remove(best)
        left -= {x.key for x in best.entities}
    return tuple(sorted(steps, key=lambda e: e.id)) if steps and not left else ()


_ENDS_WORD = {EventKind.LIFTED: "lifts", EventKind.REMOVED: "removes", EventKind.RESTORED: "restores"}


def _counted_to(old: EventRecord) -> date | None:
    """The day a countdown counts to: the lapse day, the day after its end, the last day ("until 2027-12-31
    inclusive": 2028-01-01, ``LAPSES_ON_KEY``), else its ``until`` (story38: a retraction said 12-31 and missed a
    continuation from 01-01)."""
    return event_lapses_on(old.extra) or old.until


def _undone_correction(old: EventRecord, undone: Sequence[EventRecord], n: int, at: datetime) -> EventRecord:
    day = old.effective if old.kind is EventKind.SUSPENSION_LAPSED else _counted_to(old)
    said = (f"presumed the measures back in force from {day}" if old.kind is EventKind.SUSPENSION_LAPSED
            else f"counted down to the end of the suspension on {day}")
    causes = list(dict.fromkeys(f"{_UNDONE_SAYS[step.kind]} ({step.source_key})" for step in undone))
    steps = []
    for step in undone:
        published = step.occurred.astimezone(BEIJING).date().isoformat()
        now = (f"suspends {'them' if len(undone) == 1 else 'those'} from {step.effective}"
               + (f" until {until_words(step.until, event_lapses_on(step.extra))}" if step.until else "")
               if step.kind in (EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED)
               else f"{_ENDS_WORD[step.kind]} {'them' if len(undone) == 1 else 'those'} from {step.effective}")
        steps.append(f"{step.source_key}, published {published} and read after it (notices fetched up to "
                     f"{at.isoformat()}), {now}: \"{step.title}\" ({step.id}).")
    if old.kind is EventKind.SUSPENSION_LAPSED and all(step.kind is EventKind.RESTORED for step in undone):
        # a restore read after the presumed lapse, from that day or before it (story41's B, session 41): the measures were
        # in force on that day, as presumed, now by a notice; "Retracted … did not come back in force" said otherwise
        first = min(step.effective for step in undone if step.effective is not None)
        keys = ", ".join(dict.fromkeys(step.source_key or "" for step in undone))
        those = "that one" if len(undone) == 1 else "those"
        if first == day:
            return _correction(old, n, at, title=f"Confirmed: {old.title}: restored from that day ({keys})",
                               made_by=_sources_of(undone), summary=(
                                   f"The item \"{old.title}\" {said}, as no notice continuing the suspension was known "
                                   f"then. {' '.join(steps)} The measures were back in force from {day}, as presumed: no "
                                   f"longer a presumption to review but a notice's step; read {those}."))
        return _correction(old, n, at, title=f"Retracted: {old.title}: restored earlier ({keys})",
                           made_by=_sources_of(undone), summary=(
                               f"The item \"{old.title}\" {said}, as no notice continuing the suspension was known then. "
                               f"{' '.join(steps)} The measures were back in force from {first}, before {day}, by a "
                               f"notice's step, not by a lapse; read {those}."))
    return _correction(old, n, at, title=f"Retracted: {old.title}: {'; '.join(causes)}",
                       made_by=_sources_of(undone), summary=(
                           f"The item \"{old.title}\" {said}, as no notice continuing the suspension was known then. "
                           f"{' '.join(steps)} The measures did not come back in force on {day}; disregard this item "
                           f"and read {'that one' if len(undone) == 1 else 'those'}."))


def _carried_on(lapse: EventRecord, derived: Sequence[EventRecord], fresh: Collection[str]) -> EventRecord | None:
    """The extension new this sync (its id in ``fresh``) that carries on, from a later day, the suspension whose presumed
    lapse ``lapse`` a reader already has and which still stands (story43's lapse72_late: No. 72 lapsed 11-28; an answer
    of 12-03 "…已于11月27日届满…继续暂停…暂停期限为1年" with no start day suspends from 12-03, the days between lapsed). The
    lead's decision (session 43): the gap stays a fact, and the lapse item's readers are told what came after it, not
    left with "needs review" alone. Of the same notice, list, scope and entity, the first suspension step of ``derived``
    after the lapse: a later extension carries on that one, not the suspension that lapsed (review47: the answer of a year
    later gave a second "Clarified" saying 2026-11-28 to 2027-11-27 stayed lapsed, the measures in force, while the
    first answer had them suspended from 12-03). The first by id; None when there is none. Pure."""
    if lapse.effective is None:
        return None
    after = [e for e in _of_listing(lapse, derived, (EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED))
             if e.effective is not None and e.effective > lapse.effective]
    first = min((e.effective for e in after if e.effective is not None), default=None)
    # told after the lapse day: the lapse item went out before it (one told on or before that day, "自12月3日起继续暂停"
    # answered 11-25, leaves a gap its readers were told of with the lapse; nothing to clarify, in any order of syncs)
    found = [e for e in after if e.effective == first and e.kind is EventKind.SUSPENSION_EXTENDED and e.id in fresh
             and e.occurred.astimezone(BEIJING).date() > lapse.effective]
    return min(found, key=lambda e: e.id) if found else None


def _carried_on_correction(lapse: EventRecord, step: EventRecord, n: int, at: datetime) -> EventRecord:
    """The note on a presumed lapse that stands, naming the extension told after it (:func:`_carried_on`)."""
    published = step.occurred.astimezone(BEIJING).date()
    assert lapse.effective is not None and step.effective is not None
    last_gap = step.effective - timedelta(days=1)
    until = f" until {until_words(step.until, event_lapses_on(step.extra))}" if step.until else ""
    gap = (f"{lapse.effective}" if last_gap == lapse.effective else f"{lapse.effective} to {last_gap}")
    return _correction(lapse, n, at, title=f"Clarified: {lapse.title}: the suspension carried on by {step.source_key} "
                                           f"from {step.effective}", made_by=_sources_of([step]), summary=(
        f"The item \"{lapse.title}\" presumed the measures back in force from {lapse.effective}, as no notice continuing "
        f"the suspension was known then. {step.source_key}, published {published} and read after it (notices fetched "
        f"up to {at.isoformat()}), carries the suspension on from {step.effective}{until}: \"{step.title}\" "
        f"({step.id}). It names no earlier start, so {gap} stay as this item said (lapsed, the measures presumed back "
        "in force): this item is not withdrawn; read it with that one."))


def _held_words(gone: Sequence[Withdrawn]) -> str:
    """The title's reason (:func:`storage.notices.held_words`): held for a person only where every page is refused."""
    return held_words(all(w.refused for w in gone))


def _withdrawn_summary(old: EventRecord, gone: Sequence[Withdrawn], at: datetime) -> str:
    """Why an item resting on withdrawn notices goes: which page and copy each was read from, what this version makes
    of those bytes, and that the reading is kept for a person (``mofcom-watch review``)."""
    said = " ".join(
        f"{w.key} was read from {w.url}, whose copy of SHA-256 {w.sha256} reads as no notice; {w.accepted} accepted "
        f"that copy on review: the notice was taken off its page, and no other stored copy of {w.key} reads as it."
        if w.accepted else
        f"{w.key} was read by an earlier version of this program from {w.url} (SHA-256 {w.sha256}); this version "
        f"does not read those same bytes as {w.key}: {w.why}, and no other stored copy of {w.key} reads as it."
        for w in gone)
    held = any(w.outcome == PageOutcome.UNUSABLE.value for w in gone)
    return (f"The item \"{old.title}\" no longer follows from the notices as this version reads them (notices "
            f"fetched up to {at.isoformat()}). {said} What it said is withdrawn: disregard it. The earlier reading is "
            "kept in the store" + (", and the page's source-health issue stays open for a person to check it against "
                                   "the page (`mofcom-watch status`)" if held else "")
            + "; a copy read as the notice again brings its items back under the same ids.")


def _one_zh(event: EventRecord) -> str | None:
    return event.entities[0].zh if len(event.entities) == 1 and event.entities[0].zh else None


def _successor(old: EventRecord, fresh: dict[tuple[Any, ...], list[EventRecord]]) -> EventRecord | None:
    """The one item new this sync that says what ``old`` said after a page it rests on changed under it (story30 S2):
    the same notice, source, kind, list and scope; of an entity item, the entity of the same key or the same Chinese
    name (an English name corrected on the page gives it another key); of a countdown, the one counting as many days
    (a step's two countdowns, 30 and 7 days, move together when its end moves: lapse43, the lapse day of a counted end one
    later; each was "Retracted: … the suspension goes on", a cause untrue). ``fresh``: new items by :func:`_said_key`.
    None when there is none or more than one: the item is retracted as before."""
    if old.source_key is None or old.scope not in (EventScope.NOTICE, EventScope.ENTITY):
        return None
    found = [e for e in fresh.get(_said_key(old), ())
             if old.scope is EventScope.NOTICE or e.entity_key == old.entity_key
             or (_one_zh(old) is not None and _one_zh(e) == _one_zh(old))]
    if len(found) > 1 and old.days_left is not None:
        found = [e for e in found if e.days_left == old.days_left]
    return found[0] if len(found) == 1 else None


def _said_key(event: EventRecord) -> tuple[Any, ...]:
    return (event.kind, event.scope, event.list, event.notice_key, event.source_key)


def _replaced_summary(old: EventRecord, new: EventRecord, at: datetime, since: Sequence[Provenance] = ()) -> str:
    """What a reader of ``old`` is told when ``new`` replaces it: why (``since``: ``_cause``), what changed (an entity's
    names, with both keys; the days), both pages' SHA-256s, and the item it continues as."""
    changed = what_changed(old, new)
    pages = pages_changed(old, new)
    return (f"The item \"{old.title}\" is replaced, not withdrawn: {_cause(old, new, at, since)}"
            f"{f': {changed}' if changed else ''}{f'; {pages}' if pages else ''}. It continues as {new.id} "
            f"(\"{new.title}\"). Now: {new.summary}")


def _correction(orig: EventRecord, n: int, at: datetime, *, title: str, summary: str,
                made_by: Sequence[Provenance], was: EventRecord | None = None) -> EventRecord:
    """The correction item ``<orig.id>/correction/<n>``. Its sources are ``made_by``, the pages that made it (the item
    it points to now, the step that withdrew or undid ``orig``, or ``orig``'s notices as stored now), and it keeps
    the sources of the item corrected, as that item cited them (``was``, default ``orig``), apart: an auditor checks
    both the page that made the correction and the ones the corrected item rested on (order30 B3: a correction
    cited only the old item's pages, one URL of a notice stored under two by then, a key re-keyed since)."""
    return replace(orig, id=f"{orig.id}/correction/{n}", kind=EventKind.CORRECTION, occurred=at, updated=at,
                   title=title, summary=summary, corrects=orig.id, presumed=False, days_left=None,
                   provenance=tuple(made_by), corrected=(was or orig).provenance)


def _as_stored(old: EventRecord, notices: dict[str, StoredNotice], pages: dict[str, set[str]]) -> tuple[Provenance, ...]:
    """The notices ``old`` rests on as the store holds them now (their URLs, fetch times and SHA-256s now), each by
    its key now where it moved (its pages now one other notice's: ``_renames``); one no longer stored and not moved is
    cited as ``old`` cited it. Pure."""
    out: dict[str, Provenance] = {}
    for p in old.provenance:
        keys = {p.notice_key} if p.notice_key in notices else {k for url in p.urls for k in pages.get(url, ())}
        now = notices[keys.pop()].provenance if len(keys) == 1 else p
        out.setdefault(now.notice_key, now)
    return tuple(out.values())


def _sources_of(items: Sequence[EventRecord]) -> tuple[Provenance, ...]:
    """The sources of ``items``, each notice once, in their order."""
    out: dict[str, Provenance] = {}
    for item in items:
        for p in item.provenance:
            out.setdefault(p.notice_key, p)
    return tuple(out.values())


@dataclass(frozen=True)
class _Stored:
    """What a sync needs to know of a stored item, read from narrow columns (never the payload)."""

    id: str
    kind: str
    payload_sha256: str
    content_sha256: str | None
    revision: int
    retracted: bool
    occurred: datetime


class _Table:
    """The Event table as one sync sees it: narrow rows for all, an ORM row only for those it changes,
    new rows inserted in one executemany at the end."""

    def __init__(self, session: Session) -> None:
        self.session = session
        cols = (Event.id, Event.kind, Event.payload_sha256, Event.content_sha256, Event.revision, Event.retracted,
                Event.occurred)
        rows = session.execute(select(*cols).where(Event.scope.in_(DERIVED_SCOPES))).all()
        self.stored = {r.id: _Stored(*r) for r in rows if r.kind in DERIVED_KINDS}
        self.new: dict[str, dict[str, Any]] = {}  # id -> columns, inserted by flush()
        # what this sync already serialised, by object (EventRecord.to_json, payload_hashes): an entity's
        # items share their notice item's provenance and entities, written once
        self.shared: dict[int, tuple[Any, Any]] = {}
        self.written: dict[int, tuple[Any, str]] = {}

    def row(self, event_id: str) -> Event:
        """The ORM row of a stored item about to change (its payload read now, for this item only)."""
        row = self.session.get(Event, event_id)
        assert row is not None
        return row

    def insert(self, event: EventRecord, payload: dict[str, Any] | None = None, revision: int = 1) -> None:
        self.new[event.id] = _columns(event, revision=revision, payload=payload, written=self.written)

    def upsert_correction(self, item: EventRecord) -> None:
        payload = item.to_json()
        stored = self.stored.get(item.id)
        pending = self.new.get(item.id)
        if pending is not None:
            if pending["payload_sha256"] != payload_hash(payload):
                self.new[item.id] = _columns(item, revision=pending["revision"] + 1, payload=payload)
        elif stored is None:
            self.insert(item, payload)
        elif stored.payload_sha256 != payload_hash(payload):
            _write(self.row(item.id), item, revision=stored.revision + 1)

    def flush(self) -> None:
        self.session.flush()
        if self.new:
            # a Core INSERT of the table (executemany): the rows are plain columns, no ORM bookkeeping
            self.session.execute(insert(cast(Table, Event.__table__)), list(self.new.values()))
            self.new = {}


def falsifiable(event: EventRecord, incomplete: frozenset[str] = frozenset()) -> bool:
    """Could a page we failed to read prove this item false? A lapse or any "presumed" state (a
    missing Q&A may extend or lift the suspension), a countdown (it may move the end date), an
    unresolved reference (the missing notice may resolve it), or anything resting on a notice
    read short of its stated count. Everything else is a fact read whole from a fetched notice."""
    return (event.presumed or event.kind in ABSENCE_KINDS
            or any(p.notice_key in incomplete for p in event.provenance))


def apply_derivation(session: Session, derivation: Derivation, as_of: date,
                     notices: dict[str, StoredNotice] | None = None,
                     withhold: Callable[[EventRecord], bool] | None = None, *, announce: bool = True) -> SyncResult:
    """Bring the Event table in line with ``derivation`` (see the module doc). A new item for which
    ``withhold`` says yes is not stored (not published) this time; items already stored are kept.
    ``announce=False``: no correction items, and a changed item keeps its derived dates (see the module doc).
    Stored items are compared by their hashes; only those that change are read whole. An engine older than one
    that already derived the store is refused first (:mod:`storage.engines`)."""
    record_engine(session)
    table = _Table(session)
    existing = table.stored
    derived = {e.id: e for e in derivation.events}
    counts = dict(new=0, corrected=0, retracted=0, refreshed=0, unchanged=0, resolved=0)
    withheld: list[EventRecord] = []
    found: list[dict[str, set[str]]] = []
    renamed: dict[str, int] = {}  # moved notice's new key -> items refreshed only because they name it now

    def pages() -> dict[str, set[str]]:
        """Which stored notice(s) each page belongs to: made once, when an item changes or goes."""
        if not found:
            found.append({})
            for stored_notice in (notices or {}).values():
                for url in stored_notice.provenance.urls:
                    found[0].setdefault(url, set()).add(stored_notice.record.key)
        return found[0]

    by_listing: list[dict[tuple[str | None, str | None], set[str]]] = []

    def listing_steps() -> dict[tuple[str | None, str | None], set[str]]:
        """The notices making a step on each listing: made once, when an item whose pages did not change changes."""
        if not by_listing:
            by_listing.append(_steps_by_listing(derivation.events))
        return by_listing[0]

    gone_notices: list[dict[str, Withdrawn]] = []

    def withdrawals() -> dict[str, Withdrawn]:
        """The withdrawn notices (``storage.notices.withdrawn``): read once, when an item goes."""
        if not gone_notices:
            gone_notices.append(withdrawn_notices(session))
        return gone_notices[0]

    fresh: list[dict[tuple[Any, ...], list[EventRecord]]] = []

    def fresh_items() -> dict[tuple[Any, ...], list[EventRecord]]:
        """The items new this sync (stored now, not held back), by what they say of whom: made once, when an item goes."""
        if not fresh:
            fresh.append({})
            for item in derivation.events:
                if item.id not in existing and item.id not in held:
                    fresh[0].setdefault(_said_key(item), []).append(item)
        return fresh[0]

    held_back: list[dict[tuple[Any, ...], list[EventRecord]]] = []

    def held_items() -> dict[tuple[Any, ...], list[EventRecord]]:
        """The items new this sync held back (``withhold``), by what they say of whom, as :func:`fresh_items`: made
        once, after the derived items are through."""
        if not held_back:
            held_back.append({})
            for item in withheld:
                held_back[0].setdefault(_said_key(item), []).append(item)
        return held_back[0]

    standing: list[EventRecord] = []  # presumed lapses published before and still true: see _carried_on
    new_lapses: list[EventRecord] = []  # presumed lapses stored now: see _carried_on
    for event in sorted(derivation.events, key=lambda e: e.id):
        stored = existing.get(event.id)
        if stored is None and withhold is not None and withhold(event):
            withheld.append(event)
            continue
        payload = event.to_json(table.shared)
        if stored is None:
            table.insert(event, payload)
            counts["new"] += 1
            if event.kind is EventKind.SUSPENSION_LAPSED:
                new_lapses.append(event)
            continue
        if stored.payload_sha256 == payload_hash(payload) and not stored.retracted:
            counts["unchanged"] += 1
            if event.kind is EventKind.SUSPENSION_LAPSED:
                standing.append(event)
            continue
        row = table.row(event.id)
        old = EventRecord.from_json(row.payload)
        same = (stored.content_sha256 if stored.content_sha256 is not None
                else content_hash(row.payload)) == content_hash(payload)
        names = None if same or row.retracted else _renames(old, notices or {}, pages())
        if names and _renamed_only(row.payload, payload, names):
            # it differs only in naming a notice now stored under another key (a reprint's Q&A, MOFCOM's copy
            # come): not news; the moved notice's own item says so once (below), this one is not announced again
            for key in {p.notice_key for p in event.provenance} & {new for _, new in names}:
                renamed[key] = renamed.get(key, 0) + 1
            # ``updated`` kept, unless the moved notice now gives its day a later time than the item was dated by
            _write(row, replace(event, updated=max(old.updated, event.updated)), revision=row.revision)
            counts["refreshed"] += 1
            continue
        if not row.retracted and not same and _restated_by(old, event, notices or {}):
            # it differs only in resting now on the numbered notice whose change of that day a spokesperson's answer
            # restated, the answer stored first (lifecycle._own_id: the restating answer adds no item of its own): the
            # same change, said first by the answer; refreshed, not announced again, as if the notice had come first
            _write(row, replace(event, updated=max(old.updated, event.updated)), revision=row.revision)
            counts["refreshed"] += 1
            continue
        if not row.retracted and not same and _same_pages(old, event) and words_only(row.payload, payload):
            # the same pages, the same facts, other words (a release rewording its items, wording30's 190 corrections
            # on the demo store): what the item says did not change, so it is refreshed, ``updated`` kept
            _write(row, replace(event, updated=old.updated), revision=row.revision)
            counts["refreshed"] += 1
            continue
        if not row.retracted and (same or _aliases_only(row.payload, payload)):
            # the same, or it differs only in the other names a notice gives an entity, which the parser keeps as
            # aliases since session 19 (migration 0011 fills them in a store): the notice did not change, what the
            # item says neither; refreshed, never a "Correction: the text of a notice it rests on changed"
            _write(row, replace(event, updated=old.updated), revision=row.revision)
            counts["refreshed"] += 1
            continue
        at = _revision_time(event)
        since = () if row.retracted else _stored_since(old, event, notices or {}, listing_steps)
        if since and since[-1].fetched_at is not None:
            at = max(at, in_beijing(since[-1].fetched_at))  # the correction is made when that notice came
        new = replace(event, updated=at) if announce else event
        n = row.revision
        if row.retracted:
            summary = (f"This item was retracted and follows again from the stored notices as of {at.isoformat()}. "
                       f"{event.summary}")
            title = f"Reinstated: {event.title}"
        else:
            changed = "; ".join(part for part in (what_changed(old, event), pages_changed(old, event)) if part)
            person = _published_by_person(old, event, notices or {})
            summary = (f"Corrects the item \"{old.title}\": {_cause(old, event, at, since, person)}"
                       f"{f': {changed}' if changed else ''}. Now: {event.summary}")
            title = f"Correction: {event.title}"
        _write(row, new, revision=row.revision + 1)
        if announce:
            table.upsert_correction(_correction(new, n, at, title=title, summary=summary,
                                                made_by=_sources_of([new, replace(new, provenance=since)]), was=old))
        counts["corrected"] += 1
    held = {e.id for e in withheld}
    for stored in sorted(existing.values(), key=lambda r: r.id):
        if stored.id in derived or stored.retracted or stored.kind == EventKind.CORRECTION.value:
            continue
        if stored.occurred.astimezone(BEIJING).date() > as_of:
            continue  # a later clock made it; an earlier clock does not retract it
        row = table.row(stored.id)
        old = EventRecord.from_json(row.payload)
        moved = (_moved(old, derived, notices or {}, pages())
                 if row.kind != EventKind.UNRESOLVED_REFERENCE.value else None)
        if moved is not None and moved[0].id in held:
            continue  # it continues under an item not published yet: it stays until that one is
        if (moved is None and held and row.kind != EventKind.UNRESOLVED_REFERENCE.value
                and _successor(old, fresh_items()) is None and _successor(old, held_items()) is not None):
            # so does an item whose successor is held back this sync (a source broken: a lapse or countdown a day
            # later, after an upgrade that moved its end; order43): retracted now, it was "the suspension goes on"
            # while the successor waited, then that one came as news of its own; replaced once that one is published
            continue
        n = row.revision
        row.retracted = True
        row.revision = row.revision + 1
        at = _retraction_time(old, notices or {})
        gone = [] if moved is not None else [
            withdrawals()[k] for k in dict.fromkeys([old.source_key, *(p.notice_key for p in old.provenance)])
            if k is not None and k in withdrawals()]
        if gone:
            # it rests on a notice whose reading is withdrawn (a reading an earlier parser made of bytes this one
            # refuses or reads otherwise: storage.notices.withdrawn; order38's open A): readers learn why, and that
            # a person holds it, not "a notice changed", nor an unresolved reference "resolved"
            counts["retracted"] += 1
            if announce:
                table.upsert_correction(_correction(
                    old, n, at, title=f"Retracted: {old.title}: the page no longer reads as this step ({_held_words(gone)})",
                    made_by=_as_stored(old, notices or {}, pages()), summary=_withdrawn_summary(old, gone, at)))
            continue
        if row.kind == EventKind.UNRESOLVED_REFERENCE.value:
            counts["resolved"] += 1  # the reference now resolves: its state events say what it does
            if announce:
                resolving = _resolving(old, derivation.events)
                table.upsert_correction(_correction(old, n, at, title=f"Resolved: {old.title}", made_by=(
                    _sources_of(resolving) or _as_stored(old, notices or {}, pages())), summary=(
                    f"The reference in \"{old.title}\" no longer fails, as of the notices fetched up to "
                    f"{at.isoformat()}: {_now_found(old)}, and what {old.source_key or 'the notice'} "
                    "does follows and is in the feeds as items of their own (or the notice making the "
                    f"reference changed){_resolved_into(resolving)}. This item is withdrawn; nothing "
                    "here needs review any more.")))
            continue
        folded = _folded_into(old, derived)
        if folded is not None:
            # a lift whose notice removes the same entities that day: one change, said by the removal's item now
            # (storage/lifecycle/collect._one_change, session 24); the lift was true, so not "Retracted: disregard it"
            counts["corrected"] += 1
            if announce:
                table.upsert_correction(_correction(old, n, at, title=f"Said by its removal item now: {old.title}", summary=(
                    f"The item \"{old.title}\" is not withdrawn: {old.source_key} removes the same entities that day and "
                    f"stops their measures, one change, which the item \"{folded.title}\" ({folded.id}) says in full "
                    "now. The measures are stopped as this item said; no second item says it any more."),
                    made_by=folded.provenance))
            continue
        if not announce:
            counts["retracted" if moved is None else "corrected"] += 1
            continue
        if moved is not None:
            new, keys = moved
            named = sum(renamed.get(key, 0) for key in keys.split(", "))
            was_keys = _renumbered(old, keys, notices or {})
            table.upsert_correction(replace(_correction(
                new, n, at, made_by=new.provenance, was=old,
                title=(f"Number corrected, now {keys}: {old.title}" if was_keys else
                       f"Same notice, now under {keys}: {old.title}"),
                summary=(f"The item \"{old.title}\" is not withdrawn: "
                         + (f"its notice's number was corrected in place, {was_keys} -> {keys} (the same notice, at "
                            "the same page)" if was_keys else
                            f"its notice is stored under {keys} now (the same notice: its page is one of that notice's "
                            "pages)")
                         + f", and the item continues as {new.id}. "
                         + (f"The {named} other item(s) resting on it now name {keys}; nothing else in them changed, "
                            "so they are not announced again. " if named else "")
                         + f"Now: {new.summary}")), id=f"{old.id}/correction/{n}", corrects=old.id))
            counts["corrected"] += 1
            continue
        successor = _successor(old, fresh_items())
        if successor is not None:
            # a page it rests on changed under it and a new item says what it said (an English name corrected: another
            # entity key; an effective day corrected: another id): its readers learn where it went, not "disregard it";
            # or its pages did not, and a notice of its listing stored after them moved its day (order33: a lapse)
            since = _stored_since(old, successor, notices or {}, listing_steps)
            table.upsert_correction(_correction(old, n, at, title=f"Replaced by a corrected item: {old.title}",
                                                summary=_replaced_summary(old, successor, at, since),
                                                made_by=_sources_of([successor, replace(successor, provenance=since)])))
            counts["corrected"] += 1
            continue
        withdrawal = _withdrawn_by(old, derivation.events)
        if withdrawal is not None:
            # an announced listing a later notice lifted or removed before its day (stories21 V05): the item was true
            # as published and never took effect; its readers learn that and where it is said, not "disregard it"
            table.upsert_correction(_correction(old, n, at, title=f"Withdrawn before it took effect: {old.title}", summary=(
                f"The item \"{old.title}\" announced a change from {old.effective}; {withdrawal.source_key} withdrew it "
                f"before that day (notices fetched up to {at.isoformat()}): \"{withdrawal.title}\" ({withdrawal.id}). "
                "It never took effect; it was not a misreading."), made_by=withdrawal.provenance))
            counts["corrected"] += 1
            continue
        undone = _lapse_undone_by(old, derivation.events)
        if undone:
            # a presumed lapse (or a countdown) that a step read later made moot: its readers learn which notice and what
            # it does now, not only "disregard it"
            table.upsert_correction(_undone_correction(old, undone, n, at))
            counts["retracted"] += 1
            continue
        table.upsert_correction(_correction(
            old, n, at, title=f"Retracted: {old.title}", made_by=_as_stored(old, notices or {}, pages()),
            summary=(f"The item \"{old.title}\" no longer follows from the stored notices (a notice it rests on "
                     f"changed, or a newer one changes it; notices fetched up to {at.isoformat()}); disregard it."),
        ))
        counts["retracted"] += 1
    new_ids = {e.id for e in derivation.events if e.id not in existing and e.id not in held} if standing else set()
    for lapse in standing if announce else ():
        step = _carried_on(lapse, derivation.events, new_ids)
        if step is not None and lapse.effective is not None and lapse.effective <= as_of:
            row = table.row(lapse.id)
            n, row.revision = row.revision, row.revision + 1  # the lapse stands: its next correction counts on
            table.upsert_correction(_carried_on_correction(lapse, step, n, _revision_time(step)))
            counts["corrected"] += 1
    # a lapse stored now with the extension told after its day (a store made from the pages at once, or one that did not
    # sync between the lapse day and the step): clarified as a store that published the lapse first is (review47's B,
    # session 44: the same pages gave a "Clarified" item only to a store that had synced in between)
    published = {e.id for e in derivation.events if e.id not in held} if new_lapses else set()
    steps = _steps_by_entity(derivation.events) if new_lapses and announce else {}
    for lapse in new_lapses if announce else ():  # (each against its listing's steps: all events, per lapse, was
        step = _carried_on(lapse, steps.get(_listing_of(lapse), ()), published)  # quadratic: +1.8 s at 100x)
        if step is not None and lapse.effective is not None and lapse.effective <= as_of:
            n = table.new[lapse.id]["revision"]
            table.new[lapse.id]["revision"] = n + 1
            table.upsert_correction(_carried_on_correction(lapse, step, n, _revision_time(step)))
            counts["corrected"] += 1
    table.flush()
    return SyncResult(problems=derivation.problems, withheld=tuple(withheld), **counts)


# what an item says about its listing: an item whose source changed and none of these did says the same change
_SAID = ("kind", "scope", "list", "notice_key", "entity_key", "effective", "until", "presumed", "days_left")


def _restated_by(old: EventRecord, new: EventRecord, notices: dict[str, StoredNotice]) -> bool:
    """Whether ``new`` is ``old`` resting on another notice and saying the same of its listing: ``old``'s source a
    spokesperson's answer (or a report) still stored, ``new``'s a notice of another kind (the numbered notice the
    answer restates or announces, published that day or any other: story34 S1b, the answer of 11-20 and the notice of
    11-21 both "自2026年11月10日起继续暂停…至2027年11月10日", whose correction said the answer "said otherwise"), the kind,
    list, days, end and entities (keys and names) unchanged."""
    if old.source_key is None or new.source_key is None or old.source_key == new.source_key:
        return False
    was, now = notices.get(old.source_key), notices.get(new.source_key)
    if was is None or now is None or was.record.kind not in RESTATING_KINDS or now.record.kind in RESTATING_KINDS:
        return False
    if any(getattr(old, name) != getattr(new, name) for name in _SAID):
        return False
    return [(e.key, e.zh, e.en) for e in old.entities] == [(e.key, e.zh, e.en) for e in new.entities]


def _renames(old: EventRecord, notices: dict[str, StoredNotice], pages: dict[str, set[str]]
             ) -> tuple[tuple[str, str], ...] | None:
    """How ``old`` would name the notices it rests on that are stored under another key now: (old, new) pairs of
    their keys, and of their titles where the title moved too (a reprint's headline, MOFCOM's title now). A notice
    moved when its key is gone from the store and its pages are now pages of one other stored notice (``pages``:
    page -> keys). None when a notice it rests on is gone and did not move, or none moved."""
    names: list[tuple[str, str]] = []
    for p in old.provenance:
        if p.notice_key in notices:
            continue
        keys = {key for url in p.urls for key in pages.get(url, ())}
        if len(keys) != 1:
            return None
        key = keys.pop()
        names.append((p.notice_key, key))
        title = notices[key].record.title if key in notices else None
        if p.title and title and p.title != title:
            names.append((p.title, title))
    return tuple(names) or None


def _named(value: Any, names: tuple[tuple[str, str], ...]) -> Any:
    """``value`` (a payload, or part of one) with each text naming a moved notice (``_renames``) naming it as now."""
    if isinstance(value, str):
        for before, after in names:
            value = value.replace(before, after)
        return value
    if isinstance(value, dict):
        return {k: _named(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_named(v, names) for v in value]
    return value


def _renamed_only(before: dict[str, Any], now: dict[str, Any], names: tuple[tuple[str, str], ...]) -> bool:
    """Whether the stored payload ``before`` says what ``now`` says once it names the moved notices as now
    (``_renames``): their keys and titles, and the time of the day they give (a reprint dated the day alone,
    MOFCOM's copy the hour: the same day, so not news)."""
    named = _named(before, names)
    when, then = named.get("occurred"), now.get("occurred")
    if isinstance(when, str) and isinstance(then, str) and when != then and _day(when) == _day(then):
        named["occurred"] = then
    return content_hash(named) == content_hash(now)


def _now_found(old: EventRecord) -> str:
    """Why an unresolved item resolves, as its title said why it could not: "the notice it names is stored now" only
    where a notice it names was not stored (order35 B1: said of a name or a count that fits now, it named no notice)."""
    return "the notice it names is stored now" if UNMATCHED_CAUSE in old.title else "it can be applied as read now"


def _same_pages(old: EventRecord, new: EventRecord) -> bool:
    """Whether both items rest on the same notices, each by a page of the same SHA-256."""
    before = {(p.notice_key, p.sha256) for p in old.provenance}
    return bool(before) and all(sha for _, sha in before) and before == {(p.notice_key, p.sha256) for p in new.provenance}


def facts_of(payload: dict[str, Any]) -> dict[str, Any]:
    """The :data:`FACT_FIELDS` of a stored or derived payload (``facts`` aside: see :func:`words_only`)."""
    out = {k: payload.get(k) for k in FACT_FIELDS if k != "facts"}
    out["entities"] = [{k: v for k, v in e.items() if k not in FACT_ENTITY_SPELLINGS} if isinstance(e, dict) else e
                       for e in payload.get("entities") or ()]
    out["provenance"] = [[p.get(k) for k in FACT_PROVENANCE] if isinstance(p, dict) else p
                         for p in payload.get("provenance") or ()]
    return out


def words_only(before: dict[str, Any], now: dict[str, Any]) -> bool:
    """Whether the stored payload ``before`` and ``now`` differ in their words only (:data:`FACT_FIELDS`). A payload
    stored before items carried ``facts`` (a tree before session 31) says them in its words: each of ``now``'s must
    show there (``_SHOWN``), or it counts as changed. A country ``now`` gives an entity ``before`` gave none is no
    changed fact (``GIVEN_LATER``)."""
    blank = {GIVEN_LATER: _unset(before, GIVEN_LATER)}
    if facts_of(_without_fields(before, blank)) != facts_of(_without_fields(now, blank)):
        return False
    was, said = before.get("facts"), now.get("facts") or []
    if was is not None or not said:
        return [list(f) for f in was or []] == [list(f) for f in said]
    text = f"{before.get('title') or ''} {before.get('summary') or ''}"
    return all(part in text for key, value in said for part in _shown(key, value))


def _shown(key: str, value: str) -> list[str]:
    """What the words of an item stored before ``facts`` existed show of one of its facts (:func:`words_only`)."""
    from storage.lifecycle.model import MEASURE_NAMES  # the engine has run: this compares what it derived

    if key == "clauses":
        return ["(clause"] + [f" {n}" for n in value.split(",")]
    if key == "stated":
        return [f"{value} entit"]
    if key == "measures":
        return [MEASURE_NAMES.get(m, m) for m in value.split(",")]
    if key == "stops_measures":
        return [value, "stop"]
    if key == "was":
        return value.split("|")
    if key == "step":  # "action|targets|measures": the targets the title names, the measures a measure lift stops
        action, targets, measures = (value.split("|") + ["", ""])[:3]
        stops = [MEASURE_NAMES.get(m, m) for m in measures.split(",") if m] if action == "lift_measure" else []
        return [t for t in targets.split(",") if t] + stops
    return [value]


def _aliases_only(before: dict[str, Any], now: dict[str, Any]) -> bool:
    """Whether the stored payload ``before`` says what ``now`` says but for its entities' ``aliases``, and for the ``type``
    of an entity ``before`` gave none (session 31, names31: an organization or a person by what the text counts it with,
    "16家" or "2名", where the parser gave no type; no item text shows it: 512 "Correction: …" items on a fixture store
    re-read, had it been news)."""
    untyped = _untyped(before)
    return content_hash(_without_aliases(before, untyped)) == content_hash(_without_aliases(now, untyped))


def _untyped(payload: dict[str, Any]) -> frozenset[str]:
    """The keys of ``payload``'s entities with no ``type``."""
    return _unset(payload, "type")


def _unset(payload: dict[str, Any], field: str) -> frozenset[str]:
    """The keys of ``payload``'s entities with no ``field``."""
    entities = payload.get("entities")
    if not isinstance(entities, list):
        return frozenset()
    return frozenset(e["key"] for e in entities if isinstance(e, dict) and not e.get(field) and isinstance(e.get("key"), str))


def _without_fields(payload: dict[str, Any], fields: dict[str, frozenset[str]]) -> dict[str, Any]:
    """``payload`` with each ``fields`` member left out of the entities keyed in its set (a copy where one is left out)."""
    entities = payload.get("entities")
    if not isinstance(entities, list) or not any(isinstance(e, dict) and any(f in e and e.get("key") in keys
                                                                              for f, keys in fields.items())
                                                 for e in entities):
        return payload
    return {**payload, "entities": [
        {k: v for k, v in e.items() if not (k in fields and e.get("key") in fields[k])} if isinstance(e, dict) else e
        for e in entities]}


def _without_aliases(payload: dict[str, Any], untyped: frozenset[str] = frozenset()) -> dict[str, Any]:
    """``payload`` with no entity's ``aliases``, nor the ``type`` of the entities keyed in ``untyped`` (a copy: payloads
    share their members, see ``_jsonable``)."""
    entities = payload.get("entities")
    if not isinstance(entities, list) or not any(isinstance(e, dict) and ("aliases" in e or e.get("key") in untyped)
                                                 for e in entities):
        return payload
    return {**payload, "entities": [
        {k: v for k, v in e.items() if k != "aliases" and (k != "type" or e.get("key") not in untyped)}
        if isinstance(e, dict) else e for e in entities]}


def _day(moment: str) -> date | None:
    """The Beijing day of a stored ISO instant (None: not one)."""
    try:
        return datetime.fromisoformat(moment).astimezone(BEIJING).date()
    except ValueError:
        return None


def _folded_into(old: EventRecord, derived: dict[str, EventRecord]) -> EventRecord | None:
    """The removal item a gone "lifted" item is said by now: the item of the same listing, day and entity, by the same
    notice, with "removed" for "lifted" in its id (a removal that stops the measures too: one item since session 24)."""
    if old.kind is not EventKind.LIFTED:
        return None
    twin = derived.get(old.id.replace(f"/{EventKind.LIFTED.value}/", f"/{EventKind.REMOVED.value}/", 1))
    return twin if twin is not None and twin.source_key == old.source_key else None


NUMBERED_KEY_RE = re.compile(r"(?!QA-)([A-Z][A-Z-]*)-(\d{4})-(\d+)")  # MOFCOM-2026-23, UEL-2025-7, MFA-ORDER-2024-13


def _renumbered(old: EventRecord, keys: str, notices: dict[str, StoredNotice]) -> str | None:
    """The key(s) ``old`` named, where its notice moved from them to ``keys`` as a number corrected in place (each a
    numbered notice's key, of the same issuer and kind: ``mofcom_watch.review.accept_renumbered``, cycles59 S18), not
    as a reprint renamed to another copy's key (a Q&A's): None otherwise."""
    before = [p.notice_key for p in old.provenance if p.notice_key and p.notice_key not in notices]
    after = keys.split(", ")
    kinds = {m.group(1) if (m := NUMBERED_KEY_RE.fullmatch(k)) else None for k in before + after}
    return ", ".join(dict.fromkeys(before)) if before and len(kinds) == 1 and None not in kinds else None


def _moved(old: EventRecord, derived: dict[str, EventRecord], notices: dict[str, StoredNotice],
           pages: dict[str, set[str]]) -> tuple[EventRecord, str] | None:
    """The derived item ``old`` continues as, and the key(s) it moved to, when a notice it rests on is stored under
    another key now (``_renames``) and an item is derived under the id ``old``'s becomes with the key replaced. None
    otherwise (retracted)."""
    renamed = {before: after for before, after in _renames(old, notices, pages) or ()
               if before in {p.notice_key for p in old.provenance}}
    new_id = old.id
    for key, new_key in renamed.items():
        new_id = new_id.replace(key, new_key)
    new = derived.get(new_id) if renamed else None
    return (new, ", ".join(sorted(set(renamed.values())))) if new is not None else None


def _retraction_time(old: EventRecord, notices: dict[str, StoredNotice]) -> datetime:
    """When the store learnt what retracts ``old``: the newest fetch of any stored notice. What retracts an
    item is a notice it rests on changing, or a newer notice (the evening Q&A extending a suspension whose
    lapse went out that morning), which is none of the notices the item rests on: dated by those, the
    retraction went out with the fetch time of the May Q&A, three months down a reader's list."""
    times = [n.provenance.fetched_at for n in notices.values() if n.provenance.fetched_at is not None]
    return max(in_beijing(max(times)), old.updated) if times else old.updated


def sync_events(session: Session, as_of: date) -> SyncResult:
    """Derive events from every stored notice as of ``as_of`` and store them (idempotent)."""
    notices = load_stored_notices(session)
    return apply_derivation(session, derive(notices, as_of), as_of, {n.record.key: n for n in notices})


def derive(notices: list[StoredNotice], as_of: date) -> Derivation:
    """:func:`storage.lifecycle.derive`, the engine imported on first use: a cycle that skips the
    derive (:mod:`storage.derived`) never loads it."""
    from storage.lifecycle import derive as run

    return run(notices, as_of)


def load_events(session: Session, as_of: date | None = None) -> list[EventRecord]:
    """Stored lifecycle events and corrections, newest first (occurred desc, then id); retracted ones left out."""
    from storage.lifecycle import event_sort_key

    rows = session.execute(select(Event.kind, Event.payload)
                           .where(Event.scope.in_(DERIVED_SCOPES), Event.retracted.is_(False))).all()
    events = [EventRecord.from_json(payload) for kind, payload in rows if kind in DERIVED_KINDS]
    if as_of is not None:
        events = [e for e in events if e.occurred.astimezone(BEIJING).date() <= as_of]
    return sorted(events, key=event_sort_key)
