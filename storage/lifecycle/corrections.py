"""Correction notices: corrected names applied to the listing they correct (keys kept), corrected effective days,
and corrections that could not be applied."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence
from datetime import date

from storage.names import clean_display, entity_key, name_key
from storage.periods import add_months, lapse_day, last_day_written, period_end
from storage.records import (
    ActionKind,
    ActionRecord,
    EntityRecord,
    EventKind,
    EventRecord,
    EventScope,
    ListKind,
    NoticeRecord,
    NoticeRef,
    StoredNotice,
)
from storage.vocabulary import TAG_PREFIX, list_name

from .builder import _Builder, _provenance, _unresolved_event
from .model import (
    CORRECTION_WORDS,
    OWN_ACTIONS,
    TARGET_ACTIONS,
    Listing,
    _action_effective,
    day_of,
    known_from,
    occurred_at,
)
from .text import _number, entity_label


def corrects_names(rec: NoticeRecord) -> bool:
    """A notice correcting another's text ("关于更正…附件有关内容的公告") and acting on no listing: the entities it names
    are the corrected names of another notice's entities (scraper/parse/corrections.py), not a listing of its own."""
    return not rec.actions and bool(rec.title) and any(word in (rec.title or "") for word in CORRECTION_WORDS)


def _corrects(n: StoredNotice) -> bool:
    return corrects_names(n.record)


def _apply_corrections(b: _Builder, known: Sequence[StoredNotice],
                       listings: dict[tuple[str, ListKind], Listing]) -> set[str]:
    """Apply each correction notice that renames entities of one other notice's listing (its entities: the new
    names, keyed as first written, numbered as the item; scraper/parse/corrections.py), and only when every one of
    them is on that listing (at that item) by one entity alone: the listing keeps its key, dates and states, and its
    items published from the correction's day on name the entity anew; one item says what changed. The keys of the
    notices applied; any other correction stays unapplied, loudly (``_unapplied_corrections``).

    Corrections are applied in the order they were published, each against the names the listing gives on its day:
    a second correction of the same entry quotes the name the first one gave ("更正后的名称“…”仍有误"), and a
    correction of a correction notice ("关于更正商务部公告2026年第33号的公告", No. 33 itself a correction applied)
    corrects the listing No. 33 corrected. A correction quoting one name alone (the Chinese or the English name: a
    record with that half only) renames that half of the one entity whose name in that language it quotes."""
    applied: set[str] = set()
    corrected: dict[str, str] = {}  # an applied correction's key -> the key of the notice whose listing it corrected
    for n in sorted(known, key=lambda n: (known_from(n) or date.min, n.record.key)):
        rec = n.record
        if not _corrects(n) or not rec.entities:
            continue
        refs = {corrected.get(r.key, r.key) for r in rec.references if r.key and r.key != rec.key} or {
            lk[0] for r in rec.references if r.key is None for lk in listings if _dated_title(listings[lk].notice, r)}
        if len(refs) != 1:
            continue
        (ref,) = refs
        targets = [lk for lk in sorted(listings) if lk[0] == ref]
        day = known_from(n)
        assert day is not None
        found = [_matched(listings[lk], rec.entities, day) for lk in targets]
        # each corrected entity on one entity of a listing at least (a notice listing on the ECL and the UEL may put
        # it on one of them only), and on no listing ambiguous
        if not targets or any(one is None for one in found) or not all(
                any(e.key in keys for keys in found if keys is not None) for e in rec.entities):
            continue
        for lk, matched in zip(targets, found):
            assert matched is not None
            records = tuple(dataclasses.replace(e, key=matched[e.key]) for e in rec.entities if e.key in matched)
            if not records:
                continue
            listing = listings[lk]
            renamed = dataclasses.replace(listing, renamed=(*listing.renamed, *((day, e.key, e) for e in records)))
            _name_events(b, renamed, n, records, day, dict(listing.named_on(day)))
            listings[lk] = renamed
        applied.add(rec.key)
        corrected[rec.key] = ref
    return applied


def _effective_corrections(known: Sequence[StoredNotice], b: _Builder) -> tuple[list[StoredNotice], set[str]]:
    """``known`` with each effective date a correction notice corrects applied (``NoticeRecord.corrected_effective``,
    "…生效日期有误，现更正为2026年7月16日"): only when the correction names one stored notice that lists (its own
    actions all effective on one day): that notice's own actions then take effect on the corrected day; its items keep
    their ids (the day first written, ``_Builder.moved``) and say so. A later correction of the same date wins. The keys
    of the corrections applied; any other stays unapplied, loudly (``_unapplied_corrections``)."""
    by_key = {n.record.key: n for n in known}
    fixes: dict[str, StoredNotice] = {}
    steps: dict[str, StoredNotice] = {}  # a notice acting on earlier notices only: its corrected effective day
    applied: set[str] = set()
    for n in sorted(known, key=lambda n: (known_from(n) or date.min, n.record.key)):
        rec = n.record
        if not _corrects(n) or rec.entities or day_of(rec.corrected_effective) is None:
            continue
        target = _one_referenced(rec, by_key)
        own = [a for a in target.record.actions if a.action in OWN_ACTIONS] if target is not None else []
        if target is not None and not own and _steps_on_its_day(target):
            steps[target.record.key] = n  # its steps on earlier notices move with it (no id kept: see below)
            applied.add(rec.key)
            continue
        if target is None or not own or len({_action_effective(target, a) for a in own}) != 1:
            continue
        fixes[target.record.key] = n
        applied.add(rec.key)
    out: list[StoredNotice] = []
    for n in known:
        step_fix = steps.get(n.record.key)
        if step_fix is not None:
            # "第252号中“本公告自2026年11月25日起正式实施”有误，应为“…自2026年12月15日起…”" where No. 252 stops measures of No. 21:
            # its steps take effect on the corrected day. Their ids carry that day (they are ids of No. 21's listing, which
            # ``_Builder.moved`` does not keep): the item of the day first written is retracted, one of the corrected day
            # published (story40, session 39: "correction not applied", the 2 shown lifted from the day said to be wrong).
            value = step_fix.record.corrected_effective
            first, new_day = day_of(n.record.effective), day_of(value)
            actions = _restores_moved(n.record.actions, tuple(
                dataclasses.replace(a, effective=value, until=_moved_until(a, first, new_day))
                if a.action in TARGET_ACTIONS and _action_effective(n, a) == first else a for a in n.record.actions))
            out.append(dataclasses.replace(n, record=dataclasses.replace(n.record, effective=value, actions=actions)))
            continue
        fix = fixes.get(n.record.key)
        new = day_of(fix.record.corrected_effective) if fix is not None else None
        if fix is None or new is None:
            out.append(n)
            continue
        value = fix.record.corrected_effective
        first = next(_action_effective(n, a) for a in n.record.actions if a.action in OWN_ACTIONS)
        assert first is not None
        actions = tuple(dataclasses.replace(a, effective=value) if a.action in OWN_ACTIONS else a for a in n.record.actions)
        out.append(dataclasses.replace(n, record=dataclasses.replace(n.record, effective=value, actions=actions)))
        if new != first:
            b.moved[n.record.key] = (new, first, fix)
    return out, applied


def _moved_until(action: ActionRecord, first: date | None, new: date | None) -> date | None:
    """The end of ``action``'s term when its start moves from ``first`` to ``new``: a term counted from the start ("暂停期限为
    1年": 2026-11-25 to 2027-11-25) ends as far after the new start (2027-12-15 from 2026-12-15; it stayed 2027-11-25, a
    presumed lapse 20 days early: review40); an end the notice writes ("至2027年11月25日") stays."""
    until = action.until
    if until is None or first is None or new is None or last_day_written(action.duration) or not action.duration:
        return until
    months = (until.year - first.year) * 12 + until.month - first.month
    # (a term of days or weeks moves by days: "30天" from 11-25 ends on 12-25, a month to the day, and read as one month
    # it moved a day late from 12-15: review41)
    if not _in_days(action.duration) and add_months(first, months) == until:
        return add_months(new, months)  # months and years end on the same day of the month (storage.periods)
    return until + (new - first)


def _in_days(duration: str) -> bool:
    """Whether a term as written counts days or weeks ("30天", "90日", "4周", "P30D"), not months or years."""
    return any(unit in duration for unit in ("天", "日", "周")) or duration.rstrip().endswith(("D", "W"))


def _step_name_corrections(known: Sequence[StoredNotice]) -> tuple[list[StoredNotice], set[str]]:
    """``known`` with each name a correction notice corrects in a notice that only acts on earlier notices applied to
    its steps ("第252号中“立方公司（Cubic Corporation）”有误，应为“赛博勒克斯公司（Cyberlux Corporation）”" where No. 252 stops the
    measures on named entities of No. 21): the steps reach the entity of the corrected name instead (story40, session 39:
    "correction not applied", Cubic shown lifted and Cyberlux not). Only when the correction names one stored notice
    acting on earlier notices only, and each corrected name (keyed as first written) is one its steps name, the new
    names another key; any other stays unapplied, loudly (``_unapplied_corrections``). The keys of those applied."""
    by_key = {n.record.key: n for n in known}
    swaps: dict[str, dict[str, str]] = {}
    applied: set[str] = set()
    for n in sorted(known, key=lambda n: (known_from(n) or date.min, n.record.key)):
        rec = n.record
        target = corrected_step_notice(n, by_key)
        if target is None:
            continue
        swap = dict(swaps.get(target.record.key) or {})
        named = {swap.get(k, k) for a in target.record.actions for k in a.entities}
        new = {e.key: entity_key(e.zh, e.en) for e in rec.entities}
        if not all(old in named and key and key != old and key not in named for old, key in new.items()):
            continue
        for first, now in list(swap.items()):  # a second correction of the same entry quotes the first one's name
            if now in new:
                swap[first] = new.pop(now)
        swap.update(new)
        swaps[target.record.key] = swap
        applied.add(rec.key)
    out: list[StoredNotice] = []
    for n in known:
        to = swaps.get(n.record.key)
        if to is None:
            out.append(n)
            continue
        actions = tuple(dataclasses.replace(a, entities=tuple(to.get(k, k) for k in a.entities))
                        for a in n.record.actions)
        out.append(dataclasses.replace(n, record=dataclasses.replace(n.record, actions=actions)))
    return out, applied


def _one_referenced(rec: NoticeRecord, by_key: dict[str, StoredNotice]) -> StoredNotice | None:
    """The one stored notice a correction refers to besides itself, or None (none, several, or not stored)."""
    refs = {r.key for r in rec.references if r.key and r.key != rec.key}
    return by_key.get(next(iter(refs))) if len(refs) == 1 else None


def corrected_step_notice(n: StoredNotice, by_key: dict[str, StoredNotice]) -> StoredNotice | None:
    """The notice whose names correction notice ``n`` corrects when that notice only acts on earlier notices (its
    entities are then other entities its steps reach, not new names of its own listing's); else None."""
    rec = n.record
    if not _corrects(n) or not rec.entities:
        return None
    target = _one_referenced(rec, by_key)
    if target is None or not target.record.actions or any(
            a.action not in TARGET_ACTIONS or not a.targets for a in target.record.actions):
        return None
    return target


def _steps_on_its_day(target: StoredNotice) -> bool:
    """Whether ``target`` acts on earlier notices only, every step of it taking effect on the notice's own effective day
    (the day "本公告自…起正式实施" gives, which a correction of that sentence moves)."""
    acts = target.record.actions
    day = day_of(target.record.effective)
    return bool(acts) and day is not None and all(
        a.action in TARGET_ACTIONS and a.targets and _action_effective(target, a) == day for a in acts)


# a suspension's end as a correction writes it (``NoticeRecord.corrected_until``)
UNTIL_WRITTEN_RE = re.compile(r"至(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
ENDED_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)


def _until_corrections(known: Sequence[StoredNotice], b: _Builder) -> tuple[list[StoredNotice], set[str]]:
    """``known`` with each suspension end a correction notice corrects applied ("“暂停期限至2027年11月20日”有误，现更正为
    “暂停期限至2027年5月20日”", ``NoticeRecord.corrected_until``): only when the correction names one stored notice holding
    one suspension or extension with an end written as a day; that step then ends on the corrected day (its items keep
    their ids: they are dated by its start). A later correction of the same notice wins. The keys of the corrections
    applied; any other stays unapplied, loudly (``_unapplied_corrections``; session 38, story39 S6: the listing was shown
    suspended to the day the ministry said was wrong, a problem beside it). The corrected end is known from the
    correction's day (``b.until_known``): a countdown to it is not dated before (story44: "至2027年6月30日" corrected to 5月31日
    on 2027-05-20 gave "Suspension ends in 30 days … until 2027-05-31" dated 05-02, published on 05-20 with 12 days left)."""
    by_key = {n.record.key: n for n in known}
    fixes: dict[str, tuple[StoredNotice, date]] = {}
    applied: set[str] = set()
    terms: dict[str, tuple[StoredNotice, dict[int, tuple[date, str]]]] = {}  # corrected notice -> (fix, step -> end, term)
    for n in sorted(known, key=lambda n: (known_from(n) or date.min, n.record.key)):
        rec = n.record
        m = UNTIL_WRITTEN_RE.fullmatch(rec.corrected_until or "")
        if m is None and _corrects(n) and not rec.entities \
                and (t := TERMS_WRITTEN_RE.fullmatch(rec.corrected_until or "")) is not None:
            target = _one_referenced(rec, by_key)
            ends = _terms_apart(target, t) if target is not None else None
            if target is not None and ends is not None:
                terms[target.record.key] = (n, ends)
                fixes.pop(target.record.key, None)
                applied.add(rec.key)
            continue
        if m is None or not _corrects(n) or rec.entities:
            continue
        try:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        target = _one_referenced(rec, by_key)
        ended = [a for a in target.record.actions if a.action in ENDED_STEPS and a.until is not None
                 and a.extends_by is None and UNTIL_WRITTEN_RE.search(a.duration or "")] if target is not None else []
        if target is None or len(ended) != 1:
            continue
        fixes[target.record.key] = (n, day)
        terms.pop(target.record.key, None)
        applied.add(rec.key)
    out: list[StoredNotice] = []
    for n in known:
        if n.record.key in terms:
            fix, ends = terms[n.record.key]
            b.until_known[n.record.key] = known_from(fix) or min(e for e, _ in ends.values())
            moved = tuple(e for i, (e, _) in ends.items() if n.record.actions[i].until != e)
            b.until_fixed[n.record.key] = (moved, fix)
            actions = _restores_moved(n.record.actions, tuple(
                dataclasses.replace(a, until=ends[i][0], duration=ends[i][1]) if i in ends else a
                for i, a in enumerate(n.record.actions)))
            out.append(dataclasses.replace(n, record=dataclasses.replace(n.record, actions=actions)))
            continue
        if n.record.key not in fixes:
            out.append(n)
            continue
        fix, day = fixes[n.record.key]
        b.until_known[n.record.key] = known_from(fix) or day
        b.until_fixed[n.record.key] = ((day,), fix)
        actions = _restores_moved(n.record.actions, tuple(
            dataclasses.replace(a, until=day, duration=fix.record.corrected_until)
            if a.action in ENDED_STEPS and a.until is not None and a.extends_by is None
            and UNTIL_WRITTEN_RE.search(a.duration or "") else a for a in n.record.actions))
        out.append(dataclasses.replace(n, record=dataclasses.replace(n.record, actions=actions)))
    return out, applied


# the terms of steps told apart as a correction writes them ("分别为3个月和1年", ``NoticeRecord.corrected_until``)
TERMS_WRITTEN_RE = re.compile(r"分别(?:为期|为|是|延长为?)?(?P<list>\d{1,4}(?:个月|年|天|日|周)(?:(?:和|、|及|与|以及)\d{1,4}(?:个月|年|天|日|周))+)")
TERM_WRITTEN_RE = re.compile(r"(?P<n>\d{1,4})(?P<unit>个月|年|天|日|周)")


def _terms_apart(target: StoredNotice, written: re.Match[str]) -> dict[int, tuple[date, str]] | None:
    """The corrected end and term of each of ``target``'s steps told apart, by the step's place in its actions: as many
    suspensions or extensions with a term (not a day written) as terms written, each on one notice, all different, each
    its end the term counted from its start (the step as the term first written made it), taken in the text's order;
    else None (the correction stays unapplied, loudly)."""
    new = [(int(t["n"]), t["unit"]) for t in TERM_WRITTEN_RE.finditer(written["list"])]
    steps = [(i, a) for i, a in enumerate(target.record.actions) if a.action in ENDED_STEPS and a.until is not None]
    if len(steps) != len(new) or len({a.targets[0].key for _, a in steps if len(a.targets) == 1}) != len(steps):
        return None
    out: dict[int, tuple[date, str]] = {}
    for (i, a), (n, unit) in zip(steps, new, strict=True):
        old = TERM_WRITTEN_RE.fullmatch(a.duration or "")
        start = day_of(a.effective)
        if a.extends_by is not None or old is None or start is None or a.until is None \
                or period_end(start, int(old["n"]), old["unit"]) != a.until:
            return None
        out[i] = (period_end(start, n, unit), f"{n}{unit}")
    return out


def _restores_moved(before: tuple[ActionRecord, ...], after: tuple[ActionRecord, ...]) -> tuple[ActionRecord, ...]:
    """``after`` (a notice's actions with a suspension's end corrected or moved with its start) with the notice's own
    restore at that end moved with it: "暂停期限至2027年11月20日，期满后自动恢复实施" is back on the end's lapse, 11-21 (the
    parser's ``rules.steps.restored_at_lapse``), or on the end itself ("自届满之日起"). Corrected to "至2028年5月20日", the
    restore stayed on 2027-11-21: a false "Restored" item in the corrected suspension, the listing in force from then while
    its own items said "until 2028-05-20 inclusive" (review46, session 43); a start corrected moved a counted end alike."""
    ends = [(b.until, a.until, {t.key for t in b.targets if t.key}) for b, a in zip(before, after, strict=True)
            if b.action in ENDED_STEPS and b.until is not None and a.until is not None and a.until != b.until]
    return tuple(_restore_moved(a, ends) for a in after) if ends else after


def _restore_moved(action: ActionRecord, ends: list[tuple[date, date, set[str]]]) -> ActionRecord:
    """``action`` on the day after (or of) an end that moved, as a restore at that end, moved as far; else itself."""
    day = day_of(action.effective) if action.action is ActionKind.RESTORE and len(action.effective or "") == 10 else None
    for old, new, keys in ends if day is not None else ():
        if day in (old, lapse_day(old)) and keys & {t.key for t in action.targets}:
            return dataclasses.replace(action, effective=(day + (new - old)).isoformat())
    return action


def _dated_title(notice: StoredNotice, ref: NoticeRef) -> bool:
    """Whether ``notice`` is the one a correction names by day and title ("2026年7月15日发布的《关于将…的公告》"):
    published that day, its title holding the quoted title (spaces aside)."""
    title = re.sub(r"\s+", "", notice.record.title or "")
    quoted = re.sub(r"\s+", "", ref.title or "")
    return bool(ref.date and quoted and known_from(notice) == ref.date and quoted in title)


def _matched(listing: Listing, corrected: Sequence[EntityRecord], day: date) -> dict[str, str] | None:
    """Each corrected record's key -> the key of the listing's entity it corrects (the records on none of them left
    out), or None when a record fits several or two records one entity. An entity fits a record when the record's
    key is the entity's key (the name as first written), or the key of the names the listing gives it on ``day``
    (a name corrected before), or, for a record with one name alone, the key of that name of the entity; and when
    the record's item number, if any, is the entity's."""
    now = dict(listing.named_on(day))
    out: dict[str, str] = {}
    for e in corrected:
        def fits(key: str, ent: EntityRecord, first: EntityRecord) -> bool:
            if e.n is not None and first.n is not None and first.n != e.n:
                return False
            if e.zh and e.en:
                return e.key in (key, entity_key(ent.zh, ent.en))
            return e.key in ((name_key(ent.zh), name_key(first.zh)) if e.zh else (name_key(ent.en), name_key(first.en)))

        keys = [key for key, first in listing.entities if fits(key, now[key], first)]
        if len(keys) > 1:
            return None
        if keys:
            out[e.key] = keys[0]
    if len(set(out.values())) != len(out):
        return None
    return out


def _name_events(b: _Builder, listing: Listing, by: StoredNotice, corrected: Sequence[EntityRecord],
                 day: date, before: dict[str, EntityRecord]) -> None:
    """One notice-scope item and one item per renamed entity: "Corrected: X is now Y" (X: the name the listing gave
    before this correction); never a removal and a listing."""
    after = dict(listing.named_on(day))
    keys = [e.key for e in corrected]
    changes = [f"{entity_label(before[k])} is now {entity_label(after[k])}" for k in keys]
    where = f"on the {list_name(listing.list)} ({listing.key})"
    occurred = occurred_at(by)
    base = f"{TAG_PREFIX}{listing.key}/{EventKind.NAME_CORRECTED.value}/{listing.list.value}/{day.isoformat()}"
    # the names before the correction, which only the words say (``EventRecord.facts``)
    was = {k: "|".join(n for n in (clean_display(before[k].zh), clean_display(before[k].en)) if n) for k in keys}

    def item(id_: str, what: list[str], ents: tuple[EntityRecord, ...], scope: EventScope, key: str | None) -> None:
        b.add(EventRecord(
            id=id_, kind=EventKind.NAME_CORRECTED, scope=scope, list=listing.list, notice_key=listing.key,
            source_key=by.record.key, entity_key=key, effective=day, until=None, occurred=occurred, updated=occurred,
            title=f"Corrected: {'; '.join(what)} {where} (notice {by.record.key})", title_zh=by.record.title,
            # the listing notice named once, as the one corrected (wording30: "Listed by" it again after)
            summary=(f"{_number(by)} corrects {_number(listing.notice)}, which listed it: {'; '.join(what)}. The "
                     f"listing keeps its notice, dates and state; items from {day.isoformat()} on give the corrected "
                     "name."),
            entities=ents, provenance=_provenance(by, listing.notice),
            facts=tuple(("was", was[k]) for k in (keys if key is None else [key]))))

    item(base, changes, tuple(after[k] for k in keys), EventScope.NOTICE, None)
    for key, change in zip(keys, changes):
        item(f"{base}/{key}", [change], (after[key],), EventScope.ENTITY, key)


def _slug(ref: str) -> str:
    """A referred notice in an item id: its key, or "the notice of <day> 《title》" as "the-notice-of-<day>" (a title
    in an id would make it long)."""
    return ref.split(" 《")[0].replace(" ", "-")


def _unapplied_corrections(b: _Builder, known: Sequence[StoredNotice], applied: Collection[str] = ()) -> None:
    """A notice whose title says it corrects another's text ("关于更正…的公告") and that does nothing the engine reads:
    the corrected name or date is not applied to the listing it corrects, so a problem and an unresolved-reference
    item say so (``status`` exits 1): a name screening would miss is never dropped silently."""
    for n in known:
        rec = n.record
        if not _corrects(n) or rec.key in applied:
            continue
        eff = known_from(n)
        assert eff is not None
        refs = [r.key for r in rec.references if r.key and r.key != rec.key] or [
            f"the notice of {r.date.isoformat()} 《{r.title}》" for r in rec.references if r.date and r.title][:1] or [
            "an earlier notice"]
        for ref in dict.fromkeys(refs):
            b.problem(f"{rec.key}: corrects {ref}; the correction is not applied to the stored listing: read both "
                      "notices and review")
            b.add(_unresolved_event(
                n, lst=rec.list, effective=eff, suffix=f"correction-{_slug(ref)}",
                title=f"Correction not applied: {rec.key} corrects {ref}", facts=(("reference", ref),),
                summary=f"{_number(n)} corrects the text of {ref} (a name or a date in it); the correction is not "
                        f"applied to what is stored for {ref}. No state was changed; this needs review.",
                provenance=_provenance(n)))
