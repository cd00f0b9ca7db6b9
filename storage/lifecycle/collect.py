"""From the known notices to listings and their steps: own actions make listings, the others are matched to the
listings they reach (``targets``); ministries' own steps win over reprints; extensions counted."""

from __future__ import annotations

import dataclasses
import functools
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from storage.periods import end_of_iso_period, lapse_day
from storage.records import (
    RESTATING_KINDS,
    ActionKind,
    ActionRecord,
    EventKind,
    ListingState,
    ListKind,
    NoticeKind,
    StoredNotice,
)
from storage.vocabulary import reprint_url
from storage.yearless import Numbered

from .builder import _Builder, _unresolved
from .corrections import _apply_corrections
from .counted import _candidate, _hold_undercounted, named_fewer
from .model import (
    MEASURE_ACTIONS,
    OTHERS_NAMED_RE,
    OWN_ACTIONS,
    TARGET_ACTIONS,
    THE_OTHERS,
    Listing,
    Step,
    _action_effective,
    _entity_pairs,
    known_countries,
    known_from,
    term_end,
    with_countries,
)
from .renames import _apply_renames
from .simulate import _end_unknown
from .targets import _by_chinese_name, _holding, _joint_count_problem, _numbered, _ref_slug, _targets


def _annex_list(action: ActionRecord, notices: dict[str, StoredNotice], seen: tuple[str, ...] = ()) -> ListKind | None:
    """The list of the stored notice a listing naming no list adds to ("决定在商务部公告2026年第23号附件中增列以下2家美国实体",
    its one target): the one list that notice's own listings are on; None (the problem "names no list") when it is not
    stored or lists on none or on two (session 43, audit42/26: the 2 were on no list). Where that notice is itself such
    an addition (No. 23 added to No. 22's annex), the list its own target's gives, down the chain (session 44, review47's
    B: "names no list")."""
    if action.action is not ActionKind.IMPOSE or len(action.targets) != 1 or (key := action.targets[0].key) is None \
            or (target := notices.get(key)) is None or key in seen:
        return None
    imposes = [a for a in target.record.actions if a.action is ActionKind.IMPOSE]
    lists = {a.list or target.record.list for a in imposes} - {None}
    if not lists and target.record.list is None:
        lists = {lst for a in imposes if (lst := _annex_list(a, notices, (*seen, key))) is not None}
    return lists.pop() if len(lists) == 1 else None


def _with_joined(listing: Listing, joined: dict[tuple[str, ListKind], list[Listing]]) -> list[Listing]:
    """``listing`` and the listings joined to it (``joined``), and those joined to them, down the chain: a step on No. 410
    reaches the entities No. 411 added to its annex and those No. 412 added to No. 411's (session 44, audit44/12)."""
    out, todo = [listing], [listing]
    while todo:
        for more in joined.get((todo.pop().key, listing.list), ()):
            if all(more is not x for x in out):
                out.append(more)
                todo.append(more)
    return out


def _collect(known: Sequence[StoredNotice], b: _Builder) -> tuple[dict[tuple[str, ListKind], Listing],
                                                                    dict[tuple[str, ListKind], list[Step]], set[str],
                                                                    AsKnown]:
    """The listings (under the names corrections gave them), every step on each, and the keys of the name
    corrections applied (``_apply_corrections``)."""
    notices = {n.record.key: n for n in known}
    listings: dict[tuple[str, ListKind], Listing] = {}
    steps: dict[tuple[str, ListKind], list[Step]] = defaultdict(list)
    own: list[tuple[StoredNotice, int, ActionRecord, ListKind]] = []
    numbered: dict[tuple[str, int], list[Numbered]] | None = None  # made for the first yearless number
    countries = known_countries(known)  # an entity's country, where its own notice does not repeat it
    for n in known:
        for i, action in enumerate(n.record.actions):
            if action.action in OWN_ACTIONS:
                lst = action.list or n.record.list or _annex_list(action, notices)
                if lst is None:
                    b.problem(f"{n.record.key}: {action.action.value} action names no list")
                    continue
                # an impose naming its entities lists those alone (an MFA amendment's additions, not the lines it deletes)
                pairs = _entity_pairs(n.record.entities)
                pairs = tuple(p for p in pairs if p[0] in action.entities) if action.entities else pairs
                pairs = with_countries(pairs, countries)
                listings.setdefault((n.record.key, lst), Listing(n, lst, pairs))
                own.append((n, i, action, lst))
    # the names corrections gave the listings' entities, before any step names them: a Q&A naming an entity by the
    # corrected name ("对海吉亚航电公司采取的相关措施", after "“健神星航电公司”有误，现更正为“海吉亚航电公司”") finds it
    applied = _apply_corrections(b, known, listings)
    # the names listed entities changed ("已更名为"), the old ones kept as their other names; after the corrections, whose
    # names a rename may give as the old ones
    _apply_renames(b, known, listings)
    # an MFA amendment's additions (an impose whose targets name the decision amended): their own listing, which
    # joins that decision's; a decision it cannot be matched to is unresolved, loudly (scraper/parse/mfa/)
    joined: dict[tuple[str, ListKind], list[Listing]] = defaultdict(list)
    for n, i, action, lst in own:
        eff = _action_effective(n, action)
        kind, state = OWN_ACTIONS[action.action]
        assert eff is not None
        steps[(n.record.key, lst)].append(Step(n, action, kind, state, eff, known_from(n) or eff,
                                               (eff, n.record.key, i, 0), None))
        if action.action is ActionKind.IMPOSE and action.until is not None and action.until > eff:
            # a term ("期限为5年", "有效期至2027年12月31日"): the listing's measures end the day after its last day, as the
            # notice says (a lift of its own; ``model.term_end``)
            ended, end = dataclasses.replace(action, action=ActionKind.LIFT), term_end(action)
            assert end is not None
            steps[(n.record.key, lst)].append(Step(n, ended, EventKind.LIFTED, ListingState.LIFTED, end,
                                                   known_from(n) or eff, (end, n.record.key, i, 1), None))
        # an MFA amendment's additions; a MOFCOM listing into an earlier notice's annex ("在…第23号附件中增列", its one
        # target): the 2 added follow No. 23's later steps (session 43: a stop of No. 23 left them in force, silently)
        joins = n.record.kind is NoticeKind.MFA_ORDER or action.action is ActionKind.IMPOSE and bool(action.targets)
        for j, ref in enumerate(action.targets if joins else ()):
            numbered = _numbered(notices) if numbered is None and ref.number is not None else numbered
            found, why = _targets(ref, action, n, listings, notices, numbered)
            found = found if n.record.kind is NoticeKind.MFA_ORDER else [f for f in found if f.list is lst]
            if why:
                _unresolved(b, n, action, ref, why, eff, _ref_slug(ref, i, j))
            for listing in found:
                joined[(listing.key, listing.list)].append(listings[(n.record.key, lst)])
    numbered = None if joined else numbered  # made again with what the amendments added
    unfound: set[tuple[str, str, date]] = set()  # (notice, listing, day) of a step naming entities not all found on it
    for n in known:
        for i, action in enumerate(n.record.actions):
            if action.action not in TARGET_ACTIONS and action.action not in MEASURE_ACTIONS:
                continue
            eff = _action_effective(n, action)
            assert eff is not None
            # a measure lift changes no state: its steps carry the state only to fill the field (``_simulate``)
            kind, state = TARGET_ACTIONS.get(action.action) or (MEASURE_ACTIONS[action.action], ListingState.IN_FORCE)
            if action.entities and (said := named_fewer(action)) is not None:
                b.problem(f"{n.record.key}: its {action.action.value} action names {len(set(action.entities))} of the "
                          f"{said} entities its text counts ({', '.join(dict.fromkeys(action.entities))}): the others are "
                          "not read, and nothing is done to them")
            if not action.targets:
                held, why, unheld = _holding(action, n, listings, eff)
                if why:
                    _unresolved(b, n, action, None, why, eff, _ref_slug(None, i, 0), named=unheld)
                for j, (holder, keys) in enumerate(held):
                    steps[(holder.key, holder.list)].append(_measure_step(
                        Step(n, action, kind, state, eff, known_from(n) or eff, (eff, n.record.key, i, j), keys), holder))
                continue
            joint = _joint_count_problem(action, n, listings, notices)
            if joint:
                _unresolved(b, n, action, None, joint, eff, "joint-count")
                continue
            for j, ref in enumerate(action.targets):
                if ref.number is not None and numbered is None:
                    numbered = _numbered(notices, joined, listings)
                found, why = _targets(ref, action, n, listings, notices, numbered)
                why = why or _before_its_listing(found, steps, eff, known_from(n))
                if why:
                    _unresolved(b, n, action, ref, why, eff, _ref_slug(ref, i, j))
                    continue
                for found_listing in found:
                    found_listing = listings.setdefault((found_listing.key, found_listing.list), found_listing)
                    # the decision's list with what amendments added to it (``joined``)
                    together = _with_joined(found_listing, joined)
                    named: tuple[str, ...] = ()
                    if action.entities:
                        resolved, why = _by_chinese_name(action, together, known_from(n) or eff)
                        if resolved is None:
                            _unresolved(b, n, action, ref, why or "", eff, f"{_ref_slug(ref, i, j)}-names")
                            unfound.add((n.record.key, found_listing.key, eff))
                            continue
                        named = resolved
                        have = {k for listing in together for k in listing.entity_keys()}
                        missing = [k for k in named if k not in have]
                        if missing:
                            unfound.add((n.record.key, found_listing.key, eff))
                        if missing and len(found) == 1 and len(missing) == len(named):
                            # it acts on no one: an item, not a problem alone (story28/S3: only `status` said it)
                            _unresolved(b, n, action, ref, f"entities {', '.join(missing)} are not on {found_listing.key}",
                                        eff, f"{_ref_slug(ref, i, j)}-missing")
                        elif missing and len(found) == 1:
                            b.problem(f"{n.record.key}: entities {', '.join(missing)} are not on {found_listing.key}")
                    for listing in together:
                        subset = None
                        if action.entities:
                            subset = tuple(k for k in named if k in set(listing.entity_keys()))
                            if not subset:
                                continue
                        steps[(listing.key, listing.list)].append(_measure_step(
                            Step(n, action, kind, state, eff, known_from(n) or eff, (eff, n.record.key, i, j), subset),
                            listing))
    # notices read from reprints alone (a paper's page of a Q&A not merged with MOFCOM's, mofcom_watch/reprints.py)
    reprinted = {n.record.key for n in known if n.provenance.urls and all(map(reprint_url, n.provenance.urls))}
    for lk, v in steps.items():
        v.sort(key=_step_order)
        if any(s.action.extends_by and s.event_kind is EventKind.RESTORED for s in v):
            v[:] = _count_extensions(listings[lk], v, _Builder())  # (said when counted again: ``counted``)
    then = AsKnown(listings, {lk: list(v) for lk, v in steps.items()}, reprinted, unfound, b.until_known)
    for (key, _), v in steps.items():
        if reprinted and any(s.source.record.key in reprinted for s in v):
            v[:] = _ministrys_own(key, v, reprinted, b)
    for (key, _), v in steps.items():
        v[:] = _weighed(key, v, unfound, b)
    _hold_undercounted(listings, steps, b)  # (judged again as known on an earlier day: ``AsKnown.steps_on``)
    for v in steps.values():
        v[:] = _one_step_each(_one_change(v))
    return listings, steps, applied, then


def _before_its_listing(found: Sequence[Listing], steps: dict[tuple[str, ListKind], list[Step]], eff: date,
                        told: date | None) -> str | None:
    """Why a step cannot be applied as read when its day lies before the day a listing it acts on took effect though it
    was told on or after that day ("自2019年8月15日起，停止执行对商务部公告2029年第12号所列…", an answer of 2029-08-10 on a
    listing in force since 2029-02-20: a year's typo), else None. Applied, it wiped the listing's past: the entity "lifted
    since 2019-08-15", its listing and suspensions gone from its timeline, the Imposed item retitled without it and a
    false "Withdrawn before it took effect" item, silently (blind57, session 57). A step told before the listing took
    effect (a lift published before a listing's later start) is a true withdrawal and is applied. The listing's start is
    its own notice's first step on that list (``_collect`` adds those first)."""
    if told is None or told <= eff:  # (nearly every step: told on or before its day)
        return None
    for listing in found:
        start = min((s.effective for s in steps.get((listing.key, listing.list), ()) if s.source.record.key == listing.key),
                    default=None)
        if start is not None and eff < start <= told:
            return (f"its day {eff.isoformat()} is before {listing.key} took effect ({start.isoformat()}), though it was "
                    f"told on {told.isoformat()}: a date that cannot be right (a typo?)")
    return None


def _action_of(step: Step) -> tuple[str, int]:
    return step.source.record.key, step.order[2]


def _weighed(key: str, steps: list[Step], unfound: set[tuple[str, str, date]], b: _Builder) -> list[Step]:
    """A listing's steps (in order, a reprint's weighed against the ministry's own: ``_ministrys_own``) with each notice's
    weighed against the others': an answer restating or contradicting a notice (``_restated``), a restore a later step
    made moot (``_moot_restores``), a step on the others of a notice whose named entities were not all found."""
    if len(steps) > 1:
        steps = _restated(key, steps, b)
        steps = _moot_restores(steps)
    if unfound:
        steps = _others_of_unfound(key, steps, unfound, b)
    return steps


@dataclasses.dataclass(frozen=True)
class AsKnown:
    """Each listing's steps before one notice's are weighed against another's (``_weighed``: a step dropped, or set apart
    from some entities, for a notice or an answer known later), to cut again with what was known on an earlier day.
    A countdown dated that day names the entities as they stood then (session 48, probe47's B1: No. 350's restore at its
    lapse, set apart from 银杉 for a lift No. 360 published nine days later, left a countdown dated before No. 360 naming
    银杉 alone, "presumed back in force" where the restore known that day brought both back)."""

    listings: dict[tuple[str, ListKind], Listing]
    uncut: dict[tuple[str, ListKind], list[Step]]  # in order, the steps held for their count too
    reprinted: set[str]
    unfound: set[tuple[str, str, date]]
    until_known: dict[str, date]  # ``_Builder.until_known``: an end a correction moved is known from its day

    def known_on(self, step: Step) -> date:
        return max(step.known, self.until_known.get(step.source.record.key, step.known))

    def steps_on(self, lk: tuple[str, ListKind], day: date) -> list[Step] | None:
        """The steps of listing ``lk`` as known on ``day``, weighed and counted with what was known then; None where every
        one of its steps was known by then (the steps now are those). What the weighing and counting would say is not
        said again: it is said as of the day the store is derived for."""
        uncut = self.uncut.get(lk, [])
        known = [s for s in uncut if self.known_on(s) <= day]
        if len(known) == len(uncut):
            return None
        b = _Builder()
        weighed = {lk: self._weighed(lk, known, b)}
        # a step held for its count is held, or taken, as its count stood against what was known that day (session 49:
        # a suspension of "所列1家实体" held beside the 2 listed, taken once a lift of the other, back-dated, was published
        # later, gave the countdown dated before that lift, naming both, "ends in 30 days" for one never suspended)
        actions = {_action_of(s) for s in weighed[lk] if _candidate(s, lk[0])}
        if actions:
            for other in self._sharing(lk, actions):
                its = self.uncut[other]
                weighed[other] = self._weighed(other, [s for s in its if self.known_on(s) <= day], b)
            _hold_undercounted(self.listings, weighed, b)
        return counted(self.listings[lk], _one_step_each(_one_change(weighed[lk])), b)

    @functools.cached_property
    def _holders(self) -> dict[tuple[str, int], list[int]]:
        """Each action, the places (in ``uncut``'s order) of the listings holding a step of it. Built once: asking every
        other listing's steps at each countdown grew with the square of the store (perf58, session 58: 2,638,000
        generator steps at 100x the fixtures against 26,200 at 10x)."""
        holders: dict[tuple[str, int], list[int]] = defaultdict(list)
        for place, its in enumerate(self.uncut.values()):
            for action in dict.fromkeys(map(_action_of, its)):
                holders[action].append(place)
        return holders

    @functools.cached_property
    def _keys(self) -> list[tuple[str, ListKind]]:
        return list(self.uncut)

    def _sharing(self, lk: tuple[str, ListKind], actions: set[tuple[str, int]]) -> list[tuple[str, ListKind]]:
        """The listings other than ``lk`` holding a step of one of ``actions``, in ``uncut``'s order."""
        places = {place for action in actions for place in self._holders.get(action, ())}
        return [other for other in map(self._keys.__getitem__, sorted(places)) if other != lk]

    def _weighed(self, lk: tuple[str, ListKind], known: list[Step], b: _Builder) -> list[Step]:
        if self.reprinted and any(s.source.record.key in self.reprinted for s in known):
            known = _ministrys_own(lk[0], known, self.reprinted, b)
        return _weighed(lk[0], known, self.unfound, b)


def counted(listing: Listing, steps: list[Step], b: _Builder) -> list[Step]:
    """``steps`` with each extension by a duration given its end (``_count_extensions``), less an answer's extending to
    another end from the day a notice's counts from (``_counted_otherwise``: the notice is followed)."""
    its = _count_extensions(listing, steps, b)
    otherwise = _counted_otherwise(listing, its, b)
    if otherwise:  # counted again without them: a later extension by a duration counts from the notice's end
        its = _count_extensions(listing, [s for s in steps if s.order not in otherwise], b)
    return its


def _others_of_unfound(listing: str, steps: list[Step], unfound: set[tuple[str, str, date]], b: _Builder) -> list[Step]:
    """``steps`` without a step on "the others" of ``listing`` ("对该决定所列其他企业继续暂停…") whose notice's step of that
    day names an entity not found on it: applied, it would reach the entity named too (its "suspension extended" false
    where that one was restored); held as unresolved, as that name is (session 27, parse26's probe p14)."""
    out = []
    for s in steps:
        if s.subset is None and s.event_kind in PARTING and (s.source.record.key, listing, s.effective) in unfound \
                and any(w in s.action.text for w in THE_OTHERS):
            _unresolved(b, s.source, s.action, None, f"it acts on the others of {listing}, but its step of the same day on "
                        f"entities it names found not all of them there: the others cannot be told", s.effective,
                        f"a{s.order[2]}-others")
            continue
        out.append(s)
    return out


def _restated(listing: str, steps: list[Step], b: _Builder) -> list[Step]:
    """``steps`` without those of a spokesperson's answer (or a report) saying again, no earlier than it was published, the
    change a notice of another kind made that day: "不可靠实体清单工作机制公告〔2025〕7号规定的处理措施已于2026年11月10日按期恢复
    实施" after the working mechanism's notice restoring it from that day (session 27). The notice is the one the state
    ("by"), the history and the items follow; the answer adds nothing. One said first keeps its step (what was known
    from its day stays known). One saying otherwise than a notice's step of the same kind, day and entities (the answer's
    "继续暂停…1年", the notice of the next day "…6个月") is dropped once the notice is known, and a problem says so: the
    notice is the instrument (story31 S4: both applied, the answer's after the notice's, an end announced as the notice's
    turned into the answer's on the day, with two items and nothing said), as ``_ministrys_own`` does for a reprint."""
    own = [s for s in steps if s.source.record.kind not in RESTATING_KINDS]
    if len(own) == len(steps) or not own:
        return steps
    kept = []
    later = _superseded_by_later_answer(listing, own, steps, b)
    own = [o for o in own if not any(o is x for x in later)]
    for s in steps:
        if any(s is o for o in later):
            continue
        if s.source.record.kind not in RESTATING_KINDS:
            kept.append(s)
            continue
        if any(o.known <= s.known and _change(o) == _change(s) for o in own):
            continue
        against = [o for o in own if _says_otherwise(o, s, steps)] or [o for o in own if _on_another_day(o, s, steps)] \
            or [o for o in own if _restores_into_extension(o, s, steps)]
        if not against:
            parted = [o for o in own if _parts(o, s)] or [o for o in own if o.subset is not None and not _covers(o, s)
                                                          and _on_another_day(o, s, steps, partly=True)]
            if parted:
                s = _without(s, parted)
                b.problem(f"{s.source.record.key}: it says of {listing} from {s.effective.isoformat()} {_said(s, parted[0])} "
                          f"for all it names, otherwise than {', '.join(sorted({o.source.record.key for o in parted}))} "
                          f"({_said(parted[0], s)}) for {', '.join(sorted({k for o in parted for k in o.subset or ()}))}, "
                          "the notice, which is followed for them: read both")
            kept.append(s)
            continue
        b.problem(f"{s.source.record.key}: it says of {listing} from {s.effective.isoformat()} {_said(s, against[0])}, "
                  f"otherwise than {', '.join(sorted({o.source.record.key for o in against}))} "
                  f"({_said(against[0], s)}), the notice, which is followed: read both")
    return kept


def _superseded_by_later_answer(listing: str, own: list[Step], steps: list[Step], b: _Builder) -> list[Step]:
    """The restores of ``own`` (the notices') set for a suspension's lapse ("…暂停期限至2027年11月20日，期满后自动恢复实施",
    ``_scheduled``) that a spokesperson's answer published after their notice changes to another state on that day, on all
    their entities ("自2027年11月21日起，继续暂停实施…1年"). The later word is the one in effect; the notice's step would be a
    "restored" item of a day nothing was restored (review51). A note says so."""
    out = []
    for o in own:
        if o.event_kind is not EventKind.RESTORED or not _scheduled(o, steps):
            continue  # (only the restore a notice set for its suspension's lapse: another step of a notice against a later
            # answer's is a contradiction, both applied in order and said where they disagree, as before)
        later = [s for s in steps if s.source.record.kind in RESTATING_KINDS and s.known > o.known
                 and s.effective == o.effective and s.event_kind in PARTING and s.state is not o.state and _covers(s, o)]
        if later:
            out.append(o)
            b.note(f"{o.source.record.key}: its step on {listing} from {o.effective.isoformat()} ({_said(o, later[0])}) is "
                   f"superseded by {', '.join(sorted({s.source.record.key for s in later}))}, published later "
                   f"({_said(later[0], o)}), which is followed")
    return out


def _says_otherwise(notice_step: Step, restating: Step, steps: list[Step]) -> bool:
    """Whether a restating step makes the change ``notice_step`` makes (same day, kind and some entity) with another end:
    another date, another duration, or an end against none. An end as a date against one as a duration is not told here
    (counted later, ``_count_extensions``)."""
    o, s = notice_step, restating
    if o.effective != s.effective:
        return False
    if o.subset is not None and s.subset is not None and not set(o.subset) & set(s.subset):
        return False
    if o.event_kind is not s.event_kind:
        # another change to another state on that day: the answer's "自12月10日起，停止实施…第337号相关措施" (lifted), the
        # notice's "自2026年12月10日起，暂停执行…第337号相关措施，暂停期限为1年" (session 45, story46: the answer's lift applied
        # after the notice's suspension, lifted for good, the year and the measures' return after it lost, nothing said)
        # only where the notice's step reaches every entity the answer's does: a notice removing and lifting one entity
        # beside an answer suspending the whole notice that day (stories20 u06) says nothing against it for the others
        if not (o.event_kind in PARTING and s.event_kind in PARTING and _covers(o, s)):
            return False
        if o.state is not s.state:
            # a notice's restore set for its suspension's end ("…至2027年11月20日，期满后自动恢复实施") and an answer published
            # after it continuing the suspension from that day ("自2027年11月21日起，继续暂停实施…1年") is the later word, not one
            # the notice contradicts (review51: the answer dropped, the entities shown back in force and a "restored" item,
            # the problem calling the notice the one followed). Only that restore: a notice's own suspension, lift or
            # restore of that day against an answer published after it is the notice's, the answer said (session 47,
            # probe47: No. 366's "自2026年12月10日起，暂停执行…，暂停期限为1年" and a later answer's "自2026年12月10日起，停止实施…"
            # left No. 337 lifted by the answer, the notice's year gone, nothing said; a notice's lift and a later answer's
            # restore left it in force, nothing said)
            return s.known <= o.known or not (o.event_kind is EventKind.RESTORED and _scheduled(o, steps))
        if o.state is not ListingState.SUSPENDED:
            return False
        # a suspension and an extension of that day, both suspending, with other ends: the answer's "自12月10日起，继续暂停
        # 实施…第337号相关措施1年", the notice's "自2026年12月10日起，暂停执行…第337号相关措施，暂停期限为6个月" (session 46, probe46:
        # the answer's year, applied after the notice's six months, was the state, nothing said)
    elif not _covers(o, s):
        return False  # the notice's step on some of them: the answer's is parted (``_parts``), not dropped
    if (o.action.extends_by is None) != (s.action.extends_by is None):
        return False
    return (_end(o), o.action.extends_by) != (_end(s), s.action.extends_by)


def _parts(notice_step: Step, restating: Step) -> bool:
    """Whether a notice's step of the restating step's day names some, not all, of the entities the restating step reaches
    and changes them otherwise: another state ("恢复实施…第337号相关措施，但对赤岩动力公司继续暂停实施相关措施6个月" beside an
    answer restoring all of No. 337 that day), or the same with another end (an answer's "继续暂停…1年" of all, the notice's
    "对…赤岩动力公司继续暂停实施相关措施6个月"). The answer's step, applied after the notice's, took them too: 赤岩 in force, against
    the notice, silently (session 46, probe46; b8e09a91 dropped the whole answer, 20496723 kept it whole). A lift or a removal
    beside a suspension is not parted: a suspension does not reach what was lifted (``_simulate``)."""
    o, s = notice_step, restating
    if o.effective != s.effective or o.subset is None or o.event_kind not in PARTING or s.event_kind not in PARTING \
            or _covers(o, s) or (s.subset is not None and not set(o.subset) & set(s.subset)):
        return False
    if o.state is ListingState.LIFTED and s.state is ListingState.SUSPENDED:
        return False
    if o.state is not s.state:
        return True
    return o.state is ListingState.SUSPENDED and (o.action.extends_by is None) == (s.action.extends_by is None) \
        and (_end(o), o.action.extends_by) != (_end(s), s.action.extends_by)


def _without(restating: Step, notice_steps: list[Step]) -> Step:
    """``restating`` set apart from the entities ``notice_steps`` name (``_parts``)."""
    return _set_apart(restating, {k for o in notice_steps for k in o.subset or ()})


def _set_apart(step: Step, keys: set[str]) -> Step:
    """``step`` set apart from the entities ``keys``: a step on the whole listing excludes them (beside those it excluded
    already), a step on named entities names the others alone (perhaps none: the caller decides what a step on no one
    is). ``_without``, ``_moot_restores`` and ``_one_step_each`` each set a step apart so."""
    if step.subset is None:
        return dataclasses.replace(step, excluded=tuple(sorted(keys | set(step.excluded))))
    return dataclasses.replace(step, subset=tuple(k for k in step.subset if k not in keys))


def _covers(notice_step: Step, restating: Step) -> bool:
    """Whether ``notice_step`` reaches every entity ``restating`` reaches (the whole listing, or a superset of its names)."""
    return notice_step.subset is None or (restating.subset is not None
                                          and set(restating.subset) <= set(notice_step.subset))


ONCE_KINDS = frozenset((EventKind.LIFTED, EventKind.RESTORED))  # a change made once, on one day


def _on_another_day(notice_step: Step, restating: Step, steps: list[Step], partly: bool = False) -> bool:
    """Whether a restating step makes the one-day change (a lift, a restore) ``notice_step`` makes on another day, nothing
    else changing the same entities between the two days: the answer's "自2026年12月10日起，停止实施…第337号相关措施", the
    notice's "自2026年12月15日起，停止执行…" (session 45, story46: lifted since 12-10 by the answer, five days early, nothing
    said; the notice's lift of what was lifted changed nothing)."""
    o, s = notice_step, restating
    if o.effective == s.effective or o.event_kind is not s.event_kind or o.event_kind not in ONCE_KINDS:
        return False
    if not (_covers(o, s) or partly and (s.subset is None or set(o.subset or ()) & set(s.subset))) \
            or s.effective < o.effective and _scheduled(o, steps):
        # partly: a notice's lift of some of them on another day ("自2026年12月15日起，停止对…所列银杉电子公司实施相关措施"
        # beside an answer lifting all of No. 337 from 12-10): those follow the notice, the others the answer (``_parts``;
        # session 46, probe46: all lifted from 12-10 by the answer, a note alone)
        return False
    first, last = sorted((o.effective, s.effective))
    return not any(x is not o and x is not s and first <= x.effective <= last and x.event_kind in PARTING
                   and (x.subset is None or o.subset is None or set(x.subset) & set(o.subset))
                   and not _same_change_again(x, o, s) for x in steps)


def _restores_into_extension(notice_step: Step, restating: Step, steps: list[Step]) -> bool:
    """Whether a restating step restores, on the day a suspension lapses, what a notice's extension by a period decided
    before that day carries on ("…相关措施的暂停期限延长1年": no day of its own on the listing, ``extends_by``): the answer's
    "…相关措施已于2027年3月1日起恢复实施" against No. 9's extension of No. 70's suspension to 2027-02-28 (review63: the answer's
    restore applied, in force from 03-01, nothing said; with the extension written "自2027年3月1日起至…", the same day, it was
    said and the notice followed, ``_says_otherwise``)."""
    o, s = notice_step, restating
    if s.event_kind is not EventKind.RESTORED or not o.action.extends_by or o.state is not ListingState.SUSPENDED \
            or o.effective > s.effective or not _covers(o, s):
        return False
    return any(x is not o and x.state is ListingState.SUSPENDED and x.lapses_on == s.effective and x.effective <= o.effective
               for x in steps)


def _same_change_again(step: Step, notice_step: Step, restating: Step) -> bool:
    """Whether ``step`` makes again the change ``notice_step`` or ``restating`` makes (its kind, on its day): another answer
    repeating the answer's lift ("自2026年12月10日起，停止实施…第337号相关措施" said again at a press conference), a repetition
    of the notice's. It changes nothing between the two days (review51: the second answer counted as a step between them
    and the answer's lift stood, five days early, nothing said)."""
    return step.event_kind is notice_step.event_kind and (
        (step.effective == restating.effective and step.source.record.kind in RESTATING_KINDS)
        or (step.effective == notice_step.effective and step.source is notice_step.source))


def _scheduled(notice_step: Step, steps: list[Step]) -> bool:
    """Whether a notice's lift or restore is the end a step of the same notice set long before, not a change decided for
    that day: the lift at the end of a listing's term ("本公告自公布之日起正式实施，有效期二年"), the restore at the lapse of its
    suspension ("暂停期限为1年，期满后自动恢复实施"). An answer's lift or restore before it ends the measures or the suspension
    early (session 46, probe46: cc259ecd took "商务部决定自2026年12月10日起，停止实施…第337号相关措施" for that term's end told on
    another day and dropped it, in force for two more years)."""
    o = notice_step
    if o.event_kind is EventKind.LIFTED:
        return any(x.source is o.source and x.event_kind is EventKind.IMPOSED and x.order[2] == o.order[2] for x in steps)
    return any(x.source is o.source and x.state is ListingState.SUSPENDED and x.lapses_on == o.effective for x in steps)


def _moot_restores(steps: list[Step]) -> list[Step]:
    """``steps`` without the restore a notice set at its suspension's lapse ("暂停期限为1年，期满后自动恢复实施") where another
    notice's (or an answer's) step changed those entities after that suspension began and by that day: a lift ("自2027年10月10日
    起，停止执行…"), an extension, an earlier restore. The measures were lifted, or suspended on, or back already: the restore
    of that day is none (session 46, probe46: No. 337 lifted on 10-10, then 'Restored' and in force from 10-21 for good, a
    false item, silently; beside an extension from 10-21, a false 'Restored' item and 'extends a suspension that is not in
    place'). A step on some of them sets those apart; the others are restored."""
    out = []
    for o in steps:
        if o.event_kind is not EventKind.RESTORED or not _scheduled(o, steps):
            out.append(o)
            continue
        began = min((x.effective for x in steps if x.source is o.source and x.state is ListingState.SUSPENDED
                     and x.lapses_on == o.effective), default=o.effective)
        later = [x for x in steps if x.source is not o.source and began < x.effective <= o.effective
                 and (x.event_kind in PARTING or x.event_kind is EventKind.REMOVED)
                 and not (x.state is ListingState.SUSPENDED and x.lapses_on == o.effective)  # the same end, told again
                 and (x.subset is None or o.subset is None or set(x.subset) & set(o.subset))]
        later += _ended_before(o, began, steps)
        if any(x.subset is None for x in later):
            continue
        named = {k for x in later for k in x.subset or ()}
        if not named:
            out.append(o)
        elif (rest := _set_apart(o, named)).subset is None or rest.subset:  # (a restore of no one left: none)
            out.append(rest)
    return out


def _ended_before(restore: Step, began: date, steps: list[Step]) -> list[Step]:
    """The lifts and removals, by other notices, of entities ``restore`` reaches, effective by the day the suspension it
    ends began, with no restore of them by another notice between: that suspension found them lifted and changed nothing
    for them (``_simulate``), so its restore at the lapse brings nothing back (session 47, probe47: No. 350 of 10-20
    "自2026年11月1日起，暂停执行…，暂停期限为1年，期满后自动恢复实施", No. 352 of 10-22 "自2026年10月25日起，停止执行…": lifted on
    10-25, then "Restored" and in force from 2027-11-02 for good, beside the problem that the suspension changes
    nothing)."""
    def meets(x: Step) -> bool:
        return x.subset is None or restore.subset is None or bool(set(x.subset) & set(restore.subset))
    return [x for x in steps if x.source is not restore.source and x.effective <= began and meets(x)
            and x.state in (ListingState.LIFTED, ListingState.REMOVED)
            and not any(y.source is not restore.source and y.event_kind is EventKind.RESTORED
                        and x.effective < y.effective <= began and meets(y) for y in steps)]


def _said(step: Step, other: Step) -> str:
    """What ``step`` says, as ``_restated``'s problem tells it beside ``other``'s: its end, and its state too where the two
    differ in kind ("lifted" against "suspended, until 2027-12-10")."""
    if step.event_kind is other.event_kind and step.effective != other.effective:
        said = step.state.value if step.event_kind in ONCE_KINDS else _end_said(step)
        return said if step.source.record.kind in RESTATING_KINDS else f"{said} from {step.effective.isoformat()}"
    if step.event_kind is other.event_kind:
        return _end_said(step)
    return f"{step.state.value}, {_end_said(step)}" if step.state is ListingState.SUSPENDED else step.state.value


def _end_said(step: Step) -> str:
    if step.action.until is not None:
        return f"until {step.action.until.isoformat()}"
    return f"for {step.action.extends_by}" if step.action.extends_by else "with no end"


# an extension by a duration counted, in its own words, from the end of the suspension in place ("…暂停期限自原暂停期限届满
# 之日起延长6个月"): published after that end, it takes effect on it (``_count_extensions``); one that does not say so
# ("暂停期限延长1年" published after the lapse) takes effect on its own day, the gap lapsed (stories24 P7)
FROM_THE_END = ("届满之日起", "期满之日起", "到期之日起")
# the steps that change a state and can part a notice's entities (a removal keeps its own rule, ``_one_change``)
PARTING = frozenset((EventKind.SUSPENDED, EventKind.SUSPENSION_EXTENDED, EventKind.RESTORED, EventKind.LIFTED))


def _one_step_each(steps: list[Step]) -> list[Step]:
    """``steps`` with each step on the whole listing set apart from the entities that another step of the same notice, on
    the same day, names: "恢复实施…第21号相关措施，但对A（a）、B（b）继续暂停实施相关措施1年" restores the 14 others and extends A and B,
    "一、对甲公司恢复实施…；二、对…所列其余4家企业，继续暂停…" restores 甲 and extends the 4 (session 27: A and B got a
    "restored" and a "suspension extended" item on the same day, the first not true of them; the states were right, by the
    order the steps were applied in). Each entity gets the one step that applies to it, whatever order the notice wrote
    them in. The parting is the notice's own (its actions, its day): replaying its pages twice or in another order parts
    them the same way, and ids stay as they were (the whole step's items keep theirs, less those entities')."""
    named: dict[tuple[str, date], set[str]] = {}
    # A step on "the others" ("二、对该公告所列其余9家实体，继续暂停…自2026年11月11日起") is set apart, whatever its day, from
    # the entities the notice's other steps name, removals too ("一、将该公告所列A（a）、B（b）移出…", from the notice's own
    # day): session 60, text59/41 (A and B got a "suspension extended" item back-dated to 11-11 the notice never said).
    others: dict[str, set[str]] = {}
    for s in steps:
        if s.subset is not None and (s.event_kind in PARTING or s.event_kind is EventKind.REMOVED):
            if s.event_kind in PARTING:
                named.setdefault((s.source.record.key, s.effective), set()).update(s.subset)
            others.setdefault(s.source.record.key, set()).update(s.subset)
    if not named and not others:
        return steps
    out = []
    for s in steps:
        apart = named.get((s.source.record.key, s.effective)) if s.subset is None and s.event_kind in PARTING else None
        if s.subset is None and s.event_kind in PARTING and s.source.record.key in others \
                and OTHERS_NAMED_RE.search(s.action.text) is not None:
            apart = (apart or set()) | others[s.source.record.key]
        out.append(_set_apart(s, apart) if apart else s)
    return out


def _one_change(steps: list[Step]) -> list[Step]:
    """``steps`` with each lift that a removal by the same notice on the same day covers (its entities all removed:
    "将X…移出。…对该实体采取的相关措施…停止执行") folded into that removal: one change, one item ("Removed: …", saying
    the measures stop too), not a "Lifted" and a "Removed" item for the same entity on the same day. A lift reaching
    entities the removal does not keeps its item."""
    removals = [s for s in steps if s.event_kind is EventKind.REMOVED]
    if not removals:
        return steps
    out: list[Step] = []
    folded: set[int] = set()
    for step in steps:
        cover = next((r for r in removals if step.event_kind is EventKind.LIFTED
                      and r.source.record.key == step.source.record.key and r.effective == step.effective
                      and (r.subset is None or (step.subset is not None and set(step.subset) <= set(r.subset)))),
                     None)
        if cover is not None:
            folded.add(id(cover))
            continue
        out.append(step)
    return [dataclasses.replace(s, stops_measures=True) if id(s) in folded else s for s in out]


def _measure_step(step: Step, listing: Listing) -> Step:
    """A measure lift that names every measure the listing's decision spelled out (its impose's ``measures``) as a
    lift of the listing; any other step as it is."""
    if step.event_kind is not EventKind.MEASURE_LIFTED:
        return step
    spelled = {m for a in listing.notice.record.actions if a.action is ActionKind.IMPOSE for m in a.measures}
    if not spelled or not spelled <= set(step.action.measures):
        return step
    return dataclasses.replace(step, action=dataclasses.replace(step.action, action=ActionKind.LIFT),
                               event_kind=EventKind.LIFTED, state=ListingState.LIFTED)


def _change(step: Step) -> tuple[object, ...]:
    """What a step changes, whoever says it: its day, kind, state, end (the day it lapses, the day after its last day
    whether written or counted: ``Step.lapses_on``) or duration, entities."""
    return step.effective, step.event_kind, step.state, _end(step), step.action.extends_by, step.subset


def _end(step: Step) -> date | None:
    """The day a step's own end lapses (the day after its last day), else, for an extension by a duration, its end as read."""
    return step.action.until if step.action.extends_by else step.lapses_on


def _ministrys_own(listing: str, steps: list[Step], reprinted: set[str], b: _Builder) -> list[Step]:
    """``steps`` without those of a reprinted notice on a day a notice on the ministry's own site acts on the same
    entities: the ministry's notice is the one the state ("by"), the history and the items follow and name, not
    whichever of the two keys' hashes sorts last (the state) or first (the items). A reprint saying otherwise than the
    ministry (a paper's six months for MOFCOM's year) is a problem, not the state."""
    own = [s for s in steps if s.source.record.key not in reprinted]
    kept = []
    for step in steps:
        same_day = [s for s in own if s.effective == step.effective and (
            s.subset is None or step.subset is None or set(s.subset) & set(step.subset))]
        if step.source.record.key not in reprinted or not same_day:
            kept.append(step)
        elif _change(step) not in {_change(s) for s in same_day}:
            b.problem(f"{step.source.record.key}: read from a reprint alone, it says of {listing} on "
                      f"{step.effective.isoformat()} otherwise than {', '.join(sorted({s.source.record.key for s in same_day}))}"
                      ", the ministry's own notice, which is followed")
    return kept


def _step_order(step: Step) -> tuple[date, bool, str, bool, int, int]:
    """Steps by day, then notice, then the notice's own order, but a removal after the notice's other
    actions of that day: "移出…名单。…相关措施…停止执行" leaves the entity removed, not lifted. On one day a spokesperson's
    answer's (or a report's) steps come after the other notices': it restates what a notice of that day did, whose item
    it is (``builder._own_id``), whatever the keys' order ("QA-2026-11-12-…" before "UEL-2026-9": the answer telling the
    restore as done took the id, and the notice's own items were a second set under ``/by/UEL-2026-9``: session 27)."""
    eff, key, i, j = step.order
    return eff, step.source.record.kind in RESTATING_KINDS, key, step.event_kind is EventKind.REMOVED, i, j


def _counted_otherwise(listing: Listing, steps: list[Step], b: _Builder) -> set[tuple[date, str, int, int]]:
    """The orders of the steps (counted, ``_count_extensions``) of a spokesperson's answer (or a report) extending from
    the day a notice's extension by a duration counts from, to another end: the answer's "自2026年11月10日起继续暂停…1年",
    the notice's "将…暂停期限延长6个月" in effect from its own day (story31 S4b: the two steps fall on different days, which
    ``_restated`` does not compare, and the answer's end, applied last, was the state from 11-10 on, nothing said). The
    notice is followed, and a problem names both, as ``_restated`` does for one of the same day."""
    own = [o for o in steps if o.source.record.kind not in RESTATING_KINDS and o.action.extends_by and o.counted_until]
    out: set[tuple[date, str, int, int]] = set()
    for s in steps:
        if s.source.record.kind not in RESTATING_KINDS or s.action.extends_by or s.action.until is None:
            continue
        for o in own:
            if o.event_kind is not s.event_kind or (o.subset is not None and s.subset is not None
                                                    and not set(o.subset) & set(s.subset)):
                continue
            if end_of_iso_period(s.effective, o.action.extends_by or "") != o.counted_until or s.until == o.until:
                continue  # not from the day the notice's duration counts from, or the same end
            b.problem(f"{s.source.record.key}: it says of {listing.key} from {s.effective.isoformat()} {_end_said(s)}, "
                      f"otherwise than {o.source.record.key} (for {o.action.extends_by} from then, until "
                      f"{o.counted_until.isoformat() if o.counted_until else '?'}), the notice, which is followed: read both")
            out.add(s.order)
    return out


def _count_extensions(listing: Listing, steps: list[Step], b: _Builder) -> list[Step]:
    """The steps with each extension by a duration (``extends_by``: "暂停期限延长1年", no start or end written)
    given its end: the end of the suspension in place before it (ended or not: a lapsed one is extended from its
    end; when the step says it counts from that end, ``FROM_THE_END``, it takes effect on that end, no lapse between)
    moved on by the duration. With no such end (nothing suspended, an open-ended suspension, entities with
    different ends) the end is counted from the step's own effective date, and a problem says so: never a
    silent guess."""
    if not any(s.action.extends_by for s in steps):
        return steps
    keys = listing.entity_keys()
    moved = False  # an extension published after the end it counts from, moved back to that end
    ends: dict[str, date | None] = {}  # entity key: the end of the last suspension set on it, None after another step
    off: set[str] = set()  # lifted or removed: a suspension does not reach them (_simulate), nor its end count
    out = []
    for step in steps:
        if step.event_kind is EventKind.MEASURE_LIFTED:  # no state change: the running end stays
            out.append(step)
            continue
        affected = (tuple(k for k in keys if k not in step.excluded) if step.excluded else keys) if step.subset is None \
            else tuple(k for k in keys if k in step.subset)
        if step.state is ListingState.SUSPENDED:
            affected = tuple(k for k in affected if k not in off)
        period = step.action.extends_by
        if period and step.event_kind is EventKind.RESTORED:
            # "将…的暂停期限延长1年，期满后自动恢复实施": back at the lapse of its notice's extension, as counted
            ext = next((x for x in reversed(out) if x.source is step.source and x.action.extends_by == period
                        and x.event_kind is EventKind.SUSPENSION_EXTENDED and x.counted_until is not None
                        and (x.subset is None or step.subset is None or set(x.subset) & set(step.subset))), None)
            if ext is None or ext.counted_until is None:
                continue  # the extension reached none of them (lifted before: said of it): nothing is back
            day = lapse_day(ext.counted_until)
            if day != step.effective:
                # its place is that day: what it does to the running ends is counted there (the steps are sorted again)
                out.append(dataclasses.replace(step, effective=day))
                moved = True
                continue
        if period and step.state is ListingState.SUSPENDED and affected:
            running = {ends.get(k) for k in affected}
            start = running.pop() if len(running) == 1 else None
            until = end_of_iso_period(start or step.effective, period)
            if start is None or until is None:
                _end_unknown(b, step, listing, until)
            step = dataclasses.replace(step, counted_until=until)
            if start is not None and until is not None and start < step.effective and any(
                    w in step.action.text for w in FROM_THE_END):
                # published after the running suspension ended, from that end in its words ("…暂停期限自原暂停期限届满之日
                # 起延长6个月" three days after it): it takes effect on that end, the suspension runs on with no gap
                # (story36 S2: a "presumed back in force" lapse stood beside it, the row "suspended since" its own day)
                step = dataclasses.replace(step, effective=start)
                moved = True
        for k in affected:
            ends[k] = step.until if step.state is ListingState.SUSPENDED and step.until else None
            if step.state in (ListingState.LIFTED, ListingState.REMOVED):
                off.add(k)
            elif step.state is not ListingState.SUSPENDED:
                off.discard(k)
        out.append(step)
    if moved:  # in the order of the days they take effect, as the steps were
        out.sort(key=lambda s: (s.effective, *_step_order(s)[1:]))
    return out
