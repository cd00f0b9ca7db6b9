"""Which listings a step reaches: notices named by number, by date (and count), by title, by annex serial or by
an entity's Chinese name."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from storage.names import entity_key, latin_folded, name_key, zh_core
from storage.numerals import chinese_to_int
from storage.records import ActionKind, ActionRecord, ListKind, NoticeKind, NoticeRecord, NoticeRef, StoredNotice
from storage.vocabulary import list_name, number_columns
from storage.yearless import Numbered, index, pick

from .model import (
    CLAUSE_RE,
    LISTING_NOTICE_KINDS,
    MFA_LISTING_KINDS,
    NAMED_COUNT_RE,
    OWN_ACTIONS,
    Listing,
    _action_effective,
    day_of,
    known_from,
)

MOFCOM_ORDER_KINDS = frozenset((NoticeKind.ORDER,))  # the MOFCOM countermeasure orders a title names (_resolve_title_ref)
NOT_STORED = "which is not stored"  # the two reasons a reference names a notice the store lacks (builder's titles)
NO_STORED_NOTICE = "no stored notice on the"


def _ref_slug(ref: NoticeRef | None, i: int, j: int) -> str:
    if ref is None:
        return f"a{i}"
    if ref.key:
        return ref.key
    parts = [p for p in (ref.date.isoformat() if ref.date else None, ref.list.value if ref.list else None,
                         str(ref.count) if ref.count is not None else None,
                         f"{ref.series}-{ref.number}" if ref.number is not None else None) if p]
    return "-".join(parts) or f"a{i}t{j}"


LIST_ORDER = tuple(sorted(ListKind))  # the order of the lists in sorted listing keys (notice key, list)


def _of_list(listings: dict[tuple[str, ListKind], Listing], lst: ListKind) -> list[tuple[tuple[str, ListKind], Listing]]:
    """The listings on ``lst`` in key order (sorting only those: every listing of a 100x corpus sorted for
    each reference made the engine quadratic)."""
    return sorted(((key, listing) for key, listing in listings.items() if key[1] is lst), key=lambda item: item[0])


def _resolve_title_ref(ref: NoticeRef, lst: ListKind, source: StoredNotice,
                       listings: dict[tuple[str, ListKind], Listing],
                       kinds: frozenset[NoticeKind] | set[NoticeKind] = MFA_LISTING_KINDS) -> tuple[list[Listing], str | None]:
    """The listings of the one other stored MFA decision whose title is the one ``ref`` quotes alone, no number and no
    date ("暂停实施《关于对韩国、乌克兰、日本有关人员采取反制措施的决定》规定的反制措施": session 45, mfa45/05, 17: unresolved, or
    a step on a person named with the title reached every decree listing him); else unresolved, saying why. A MOFCOM
    text's (``kinds``: MOFCOM_ORDER_KINDS) names a MOFCOM order so ("恢复实施《关于对韩华海洋株式会社美国相关子公司采取反制措施的
    决定》相关措施": session 59, held59, order52/03: held)."""
    title = "".join((ref.title or "").split())
    cands = [cand for (key, _), cand in _of_list(listings, lst)
             if key != source.record.key and cand.notice.record.kind in kinds
             and "".join((cand.notice.record.title or "").split()) == title]
    keys = sorted({cand.key for cand in cands})
    if len(keys) == 1:
        return cands, None
    if keys:
        return [], f"\"{ref.text}\" may name any of the stored decisions of that title: {', '.join(keys)}"
    return [], (f"reference \"{ref.text}\" names a decision by its title alone, and no stored decision on the "
                f"{list_name(lst)} has that title")


def _resolve_date_ref(ref: NoticeRef, lst: ListKind | None, source: StoredNotice,
                      listings: dict[tuple[str, ListKind], Listing]) -> tuple[list[Listing], str | None]:
    """Listings of ``lst`` whose notice was published (else took effect) on ``ref.date``; count checked."""
    lst = ref.list or lst or source.record.list
    mfa = source.record.kind is NoticeKind.MFA_ORDER
    # a MOFCOM text naming a countermeasure decision by its title (actions.refs.TITLE_REF_RE): a MOFCOM order's
    ordered = not mfa and bool(ref.title) and lst is ListKind.COUNTERMEASURE
    if ref.date is None and ref.title and (mfa or ordered) and lst is not None:
        return _resolve_title_ref(ref, lst, source, listings, MFA_LISTING_KINDS if mfa else MOFCOM_ORDER_KINDS)
    if ref.date is None or lst is None:
        return [], f"reference \"{ref.text}\" names neither a notice number nor a date and list"
    kinds = MFA_LISTING_KINDS if mfa else MOFCOM_ORDER_KINDS if ordered else LISTING_NOTICE_KINDS
    pool = [cand for (key, _), cand in _of_list(listings, lst)
            if key != source.record.key and cand.notice.record.kind in kinds]
    cands = [cand for cand in pool if known_from(cand.notice) == ref.date]
    if not cands:
        cands = [cand for cand in pool if day_of(cand.notice.record.effective) == ref.date]
    if not cands:
        return [], f"{NO_STORED_NOTICE} {list_name(lst)} dated {ref.date.isoformat()} (\"{ref.text}\")"
    if (mfa or ordered) and len({cand.key for cand in cands}) > 1:
        # two decisions of one day: the title quoted tells them apart, else none is picked (a wrong pick lifts the
        # measures on the wrong people, as for a number without its year: storage/yearless.py)
        titled = [cand for cand in cands if ref.title and cand.notice.record.title
                  and "".join(cand.notice.record.title.split()) == "".join(ref.title.split())]
        if len({cand.key for cand in titled}) != 1:
            found = ", ".join(sorted({cand.key for cand in cands}))
            return [], f"\"{ref.text}\" may name any of the stored decisions of {ref.date.isoformat()}: {found}"
        cands = titled
    if ref.country is not None and len(cands) > 1:
        # "…的3家美国实体" among the notices of that day: those listing entities of that country alone
        cands = [cand for cand in cands if {e.country for _, e in cand.entities} - {None} == {ref.country}] or cands
    if ref.count is None:
        return cands, None
    total = sum(len(cand.entities) for cand in cands)
    if total == ref.count:
        return cands, None
    exact = [cand for cand in cands if len(cand.entities) == ref.count]
    if len(exact) == 1:
        return exact, None
    found = ", ".join(f"{cand.key} ({len(cand.entities)})" for cand in cands)
    return [], (f"count mismatch: \"{ref.text}\" says {ref.count} entities but the stored notices of "
                f"{ref.date.isoformat()} on the {list_name(lst)} hold {found}")


def _joint_count_problem(action: ActionRecord, source: StoredNotice,
                         listings: dict[tuple[str, ListKind], Listing],
                         notices: dict[str, StoredNotice]) -> str | None:
    """"2025年4月4日和4月9日被列入…的28家": dates without counts of their own share the notice's count."""
    refs, stated = action.targets, source.record.stated_count
    if stated is None or len(refs) < 2 or any(r.key or r.date is None or r.count is not None for r in refs):
        return None
    total = 0
    for ref in refs:
        found, why = _targets(ref, action, source, listings, notices)
        if why:
            return None  # each unresolvable date is reported on its own
        total += sum(len(listing.entities) for listing in found)
    if total == stated:
        return None
    dates = ", ".join(r.date.isoformat() for r in refs if r.date)
    return (f"count mismatch: the notice says {stated} entities, but the stored notices of {dates} "
            f"on the {list_name(action.list or source.record.list)} hold {total}")


def _numbered(notices: dict[str, StoredNotice], joined: dict[tuple[str, ListKind], list[Listing]] | None = None,
              listings: dict[tuple[str, ListKind], Listing] | None = None) -> dict[tuple[str, int], list[Numbered]]:
    """The stored notices a number without its year may name, by (series, number) (``storage.yearless``), each with
    its entities, those amendments added to its list (``joined``) and the keys of the names renames gave them
    (``listings``: "停止实施…（外交部令第50号）中对北极星防务公司（…）采取的反制措施" after 外交部令第55号 renamed 星桥防务公司 so,
    story38: unresolved, "none of the stored MFA-ORDER No. 50 lists polarisstardefense")."""
    added: dict[str, set[str]] = defaultdict(set)
    for (key, _), joining in (joined or {}).items():
        added[key].update(k for listing in joining for k, _ in listing.entities)
    for listing in (listings or {}).values():
        added[listing.key].update(k for _, _, ent in listing.renamed if (k := entity_key(ent.zh, ent.en)))
    return index(Numbered(key, known_from(n), n.record.title, _keys_and_chinese(n) | added[key]) for key, n in notices.items())


def _keys_and_chinese(notice: StoredNotice) -> frozenset[str]:
    """The keys of a notice's entities and of their Chinese names alone: a step naming a listed person by the Chinese
    name only ("停止外交部令第80号中对迈克尔·T·布伦南采取的反制措施", keyed 迈克尔t布伦南, of one listed as michaeltbrennan) names
    that order (session 38, mfa38: unresolved, "none of the stored MFA-ORDER No. 80 lists 迈克尔t布伦南", the lift not applied)."""
    return frozenset(e.key for e in notice.record.entities) | frozenset(
        k for e in notice.record.entities if e.zh and (k := name_key(e.zh)))


def _targets(ref: NoticeRef, action: ActionRecord, source: StoredNotice,
             listings: dict[tuple[str, ListKind], Listing],
             notices: dict[str, StoredNotice],
             numbered: dict[tuple[str, int], list[Numbered]] | None = None) -> tuple[list[Listing], str | None]:
    if ref.key is None and ref.series is not None and ref.number is not None:
        # "外交部令第12号": the one stored order that number can name, else unresolved (storage/yearless.py)
        key, why = pick(ref, _numbered(notices) if numbered is None else numbered, source.record.key,
                        known_from(source), action.entities)
        if key is None:
            return [], why
        ref = dataclasses.replace(ref, key=key)
    if ref.key:
        if ref.key not in notices:
            return [], f"reference to {ref.key} (\"{ref.text}\"), {NOT_STORED}{number_columns(ref.key)}"
        if action.action in THROUGH and (suspended := suspended_by(notices[ref.key].record, notices)):
            return _through(suspended, action, notices[ref.key], listings, notices, numbered)
        lst = action.list or ref.list
        found = [listings[(ref.key, kind)] for kind in LIST_ORDER
                 if (lst is None or kind is lst) and (ref.key, kind) in listings]  # key order, looked up
        target = notices[ref.key].record
        if not found and lst is None and target.list is None and not target.entities:
            # an item-control notice (商务部 海关总署公告…): its items get a state, no entity's moves
            return [Listing(notices[ref.key], ListKind.ITEMS, ())], None
        if not found:
            where = f" on the {list_name(lst)}" if lst else ""
            return [], f"{ref.key} lists no entities{where} (\"{ref.text}\")"
        if ref.count is not None and (total := sum(len(listing.entities) for listing in found)) != ref.count:
            # "停止执行外交部令2040年第318号…对A等十二家企业采取的反制措施", read as all of No. 318 (session 60, mfa49/33):
            # only where No. 318 lists that many; else which of them it means is for a person
            return [], (f"count mismatch: \"{ref.text}\" is acted on for {ref.count} entities, but the stored {ref.key} "
                        f"lists {total}")
        return found, None
    return _resolve_date_ref(ref, action.list, source, listings)


SUSPENDING = (ActionKind.SUSPEND, ActionKind.EXTEND)  # the steps of a notice that only sets suspensions of others
# The steps on such a notice that reach the notices it suspends: an extension of its suspension, and a restore of what it
# suspended ("恢复实施商务部 海关总署公告2025年第70号暂停实施的相关措施": session 59, held59: No. 70's own row shown in force,
# Nos. 55-62 left suspended, or lapsed, whatever the restore's day)
THROUGH = (ActionKind.EXTEND, ActionKind.RESTORE)


def suspended_by(record: NoticeRecord, notices: dict[str, StoredNotice]) -> tuple[NoticeRef, ...]:
    """The notices a notice suspends, where that is all it does (no entity of its own, every step a suspension or an
    extension naming stored notices that are no such notice themselves): "商务部 海关总署公告2025年第70号规定的暂停期限延长一年",
    "将商务部令2025年第7号规定的暂停期限延长1年" extend the suspension it set, of those notices (session 52, order52: the
    extension reached the suspending notice itself, its row shown suspended, the notices it suspended lapsed, with a
    problem). () for any other notice."""
    if record.entities or not record.actions or any(a.action not in SUSPENDING or not a.targets for a in record.actions):
        return ()
    refs = tuple(dict.fromkeys(t for a in record.actions for t in a.targets))
    if any(t.key is None or t.key == record.key or t.key not in notices for t in refs):
        return ()
    if any(CLAUSE_RE.search(a.text or "") is not None for a in record.actions):
        return ()  # some clauses only (No. 72 of No. 46's clause 2): the row would not say which; a problem, as before
    if any(_suspends_only(notices[t.key].record) for t in refs if t.key is not None):
        return ()  # (one step through, never a chain)
    return refs


def _suspends_only(record: NoticeRecord) -> bool:
    """Whether a notice only suspends or extends (no entity of its own): another setter, never followed on."""
    return not record.entities and bool(record.actions) and all(a.action in SUSPENDING for a in record.actions)


def _through(suspended: tuple[NoticeRef, ...], action: ActionRecord, setter: StoredNotice,
             listings: dict[tuple[str, ListKind], Listing], notices: dict[str, StoredNotice],
             numbered: dict[tuple[str, int], list[Numbered]] | None) -> tuple[list[Listing], str | None]:
    """The listings of the notices ``setter`` suspends (``suspended_by``), as ``action`` reaches each."""
    out: list[Listing] = []
    for ref in suspended:
        found, why = _targets(ref, action, setter, listings, notices, numbered)
        if why:
            return [], why
        out.extend(f for f in found if f not in out)
    return out, None


def _holding(action: ActionRecord, source: StoredNotice, listings: dict[tuple[str, ListKind], Listing],
             effective: date) -> tuple[list[tuple[Listing, tuple[str, ...]]], str | None, tuple[str, ...]]:
    """The listings an action naming entities but no notice acts on: every other listing on its
    list that holds them and was in force (or published) before the action's day ("决定将…移出关注名单" names the entities,
    not the notice that listed them; a later notice listing the entity again starts a listing the removal
    never touched, and so does one of the removal's own day: "移出" by one notice and "列入" again by another on
    one day leaves the entity on the list under the new one). An entity on no such stored listing is unresolved:
    it is never dropped silently. Third: the keys of those on none (an unresolved item's title names them alone)."""
    lst = action.list or source.record.list
    verb = action.action.value
    if not action.entities or lst is None:
        return [], f"its {verb} action names no earlier notice", ()
    before = [listing for (key, _), listing in _of_list(listings, lst)
              if key != source.record.key and _reached_by_day(listing) < effective]
    names = _chinese_names_held(action.entities, before, known_from(source) or effective, _spelled(source))
    held = [(listing, tuple(names.get(k, k) for k in action.entities if names.get(k, k) in dict(listing.entities)))
            for listing in before]
    held = [(listing, subset) for listing, subset in held if subset]
    found = {k for _, subset in held for k in subset}
    missing = [k for k in action.entities if names.get(k, k) not in found]
    if missing:
        return held, (f"its {verb} action names {', '.join(missing)}, on no stored listing of the "
                      f"{list_name(lst)}"), tuple(missing)
    return held, None, ()


def _spelled(source: StoredNotice) -> dict[str, str]:
    """The Chinese name the notice gives each entity it names, by that entity's key (built from the English name where
    it gives one: "约翰·史密斯（John Smith）" is ``johnsmith``)."""
    return {ent.key or entity_key(ent.zh, ent.en): ent.zh for ent in source.record.entities if ent.zh}


def _chinese_names_held(names: tuple[str, ...], before: Sequence[Listing], day: date,
                        spelled: dict[str, str] | None = None) -> dict[str, str]:
    """The key of the one entity of the listings ``before`` whose Chinese name each of ``names`` that is no key of
    theirs is, generic suffixes ignored (``_by_chinese_name``'s match: "将蓝脊电子公司等2家美国实体移出…" in an answer,
    which names no notice, session 32), or whose names a correction published by ``day`` made it (the key of the
    corrected pair, "乌普西隆动力公司（Upsilon Power LLC）", as ``_by_chinese_name`` finds it for a step naming the notice:
    story35 S2, a removal by the corrected name left the entity in force as unresolved), or, for a name given with
    another English one (``spelled``: the step's own Chinese name of each key), whose Chinese name is that one character
    for character ("停止对约翰·史密斯（John Smith）…" of a person listed as "约翰·史密斯（John Andrew Smith）": story36 S4b):
    a unique match only; a name matching none or several is left out (unresolved)."""
    have = {k for listing in before for k in listing.entity_keys()}
    if all(k in have for k in names):
        return {}
    cores: dict[str, set[str]] = defaultdict(set)
    whole: dict[str, set[str]] = defaultdict(set)  # each listed entity's Chinese name as written, to its keys
    corrected: dict[str, set[str]] = defaultdict(set)
    for listing in before:
        for key, ent in (*listing.entities, *listing.named_on(day)):
            zh = name_key(ent.zh)
            core = zh_core(zh)
            if core:
                cores[core].add(key)
            if zh:
                whole[zh].add(key)
        for key, ent in listing.named_on(day) if listing.renamed else ():
            if (now := entity_key(ent.zh, ent.en)) != key:
                corrected[now].add(key)
    out = {}
    for name in names:
        found = (corrected.get(name) or cores.get(zh_core(name), set())) if name not in have else set()
        if not found and name not in have and (zh := name_key((spelled or {}).get(name))):
            found = whole.get(zh, set())  # the listed Chinese name, character for character
        if len(found) == 1:
            out[name] = next(iter(found))
    return out


def _reached_by_day(listing: Listing) -> date:
    """The first day a removal or lift by name may reach ``listing``: the day it took effect or, if earlier, the
    day it was published (a listing announced for a later day, "自2027年7月1日起正式实施", and a removal of its
    company by name before then: the listing is withdrawn for it, not the removal unresolved)."""
    return min(_listed_from(listing), known_from(listing.notice) or date.max)


def _named_count(text: str) -> int | None:
    """The count an action's text states beside the entities it names ("…等2家实体" -> 2); None when it states none;
    -1 when it states one that cannot be read or several that differ ("等十十家"): then no count can agree."""
    counts: set[int] = set()
    for m in NAMED_COUNT_RE.finditer(text):
        try:
            counts.add(int(m.group(1)) if m.group(1).isdigit() else chinese_to_int(m.group(1)))
        except ValueError:
            return -1
    if not counts:
        return None
    return counts.pop() if len(counts) == 1 else -1


# "第3项": an annex line of the target named by its number ("…第12号附件所列第3、5、8项实体", scraper/parse/rules/record.py).
ANNEX_SERIAL_RE = re.compile(r"第(\d{1,3})项")


def _by_annex_serial(action: ActionRecord, together: Sequence[Listing]) -> tuple[tuple[str, ...] | None, str | None]:
    """The keys of the target's entities whose annex numbers the action names ("第3项"), each found exactly once on
    the target itself (not what amendments added), and as many as the text states ("上述5家"); else none is picked."""
    numbered: dict[int, set[str]] = defaultdict(set)
    for key, ent in together[0].entities:
        if ent.n is not None:
            numbered[ent.n].add(key)
    out: list[str] = []
    for name in action.entities:
        m = ANNEX_SERIAL_RE.fullmatch(name)
        found = numbered.get(int(m.group(1)), set()) if m else set()
        if len(found) != 1:
            return None, (f"\"{name}\" names no single annex line of {together[0].key}: none of "
                          f"{', '.join(action.entities)} is acted on")
        out.append(next(iter(found)))
    stated = _named_count(action.text)
    if len(set(out)) != len(out) or (stated is not None and stated != len(out)):
        said = "an unreadable count of" if stated == -1 else stated
        return None, (f"the text says {said} entities but its annex lines name {len(set(out))} of "
                      f"{together[0].key} ({', '.join(action.entities)})")
    return tuple(out), None


def _by_chinese_name(action: ActionRecord, together: Sequence[Listing],
                     day: date = date.max) -> tuple[tuple[str, ...] | None, str | None]:
    """The entity keys an action naming entities acts on, in ``together`` (a target listing and what joined it).

    A Q&A names the entities of a notice by Chinese short name only ("停止执行…对内华达山脉公司、立方公司等2家实体采取的
    相关措施"), so its keys ("内华达山脉") are not the listing's (English: "sierranevada"). Such a name is matched to the
    target's own Chinese names, generic suffixes (公司, 有限公司, 集团) ignored: a unique exact match only. When any name
    needed this, every name must resolve and the count stated ("等2家") must be no fewer than them, else nothing acts (the
    reason is returned); a count above them acts on those named, the others unread a problem (session 32: a named
    removal is never lost; ``counted.named_fewer``). Names that are keys of the listing, or match nothing at all, are returned as they are (the caller
    reports those missing, as before). A name a correction published by ``day`` gave an entity is its name too, in
    Chinese and by the key its corrected pair of names makes (a step naming "北极星光电公司（Polaris Optical LLC）" after a
    correction of "…（Polaris Optics LLC）": story28/S3, before reported as not on the listing)."""
    have = {k for listing in together for k in listing.entity_keys()}
    if all(k in have for k in action.entities):
        return action.entities, None
    if any(map(ANNEX_SERIAL_RE.fullmatch, action.entities)):
        return _by_annex_serial(action, together)
    cores: dict[str, set[str]] = defaultdict(set)
    corrected: dict[str, set[str]] = defaultdict(set)  # the key a corrected name pair gives: "北极星光电公司（Polaris Optical LLC）"
    for listing in together:
        for key, ent in (*listing.entities, *listing.named_on(day)):
            core = zh_core(name_key(ent.zh))
            if core:
                cores[core].add(key)
            for alias in ent.aliases:  # "马克·韦瑟斯（又译马克·维泽斯，Mark Wethers）" lifted as 马克·维泽斯 (mfa41/04: unresolved)
                if not alias.isascii() and (core := zh_core(name_key(alias))):
                    cores[core].add(key)
        for key, ent in listing.named_on(day) if listing.renamed else ():
            if (now := entity_key(ent.zh, ent.en)) != key:
                corrected[now].add(key)
    out: list[str] = []
    used = False
    unaccented: dict[str, set[str]] | None = None
    for name in action.entities:
        found = {name} if name in have else corrected.get(name) or cores.get(zh_core(name), set())
        how = "by Chinese name"
        if not found and name.isascii():
            # "停止…第143号中对阿格涅·维苏凯蒂（Agne Visuckaite）采取的反制措施" of the listed Agnė Visuckaitė: another transliteration and
            # the English without its diacritics (session 40, mfa40/09: unresolved, loud): her key with its accents dropped
            if unaccented is None:
                unaccented = defaultdict(set)
                for key in have:
                    unaccented[latin_folded(key)].add(key)
            found, how = unaccented.get(name, set()), "by its name without diacritics"
        if len(found) > 1:
            return None, (f"\"{name}\" matches {len(found)} entities of {together[0].key} {how} "
                          f"({', '.join(sorted(found))}): none is picked")
        if name not in have and found:
            used = True
        out.append(next(iter(found)) if found else name)
    if not used:
        return action.entities, None
    missing = [name for name in out if name not in have]
    if missing:
        return None, (f"{', '.join(missing)} named by Chinese name match no entity of {together[0].key}; "
                      "the other names are not acted on either")
    stated = _named_count(action.text)
    # a count above the names, every name found: those named are acted on, the others a problem (counted.named_fewer)
    if len(set(out)) != len(out) or (stated is not None and (stated < len(set(out)) or stated == -1)):
        said = "an unreadable count of" if stated == -1 else stated
        return None, (f"the text says {said} entities but its names resolve to {len(set(out))} of "
                      f"{together[0].key} ({', '.join(dict.fromkeys(out))})")
    return tuple(dict.fromkeys(out)), None


def _listed_from(listing: Listing) -> date:
    """The day a listing took effect: its notice's first own action (impose, measure, investigation) on its list."""
    days = [_action_effective(listing.notice, a) for a in listing.notice.record.actions
            if a.action in OWN_ACTIONS and (a.list or listing.notice.record.list) is listing.list]
    return min((d for d in days if d is not None), default=None) or known_from(listing.notice) or date.min
