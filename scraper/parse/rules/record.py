"""The record's actions and references built from the drafts: each step's entities, limits to an annex's lines,
duplicates merged, the notices it names."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any, Protocol, TypeVar

from storage.names import entity_key
from storage.records import ActionKind, ActionRecord, EntityRecord, ListKind, NoticeRef

from ..actions import sentence_end
from ..actions.apart import CLAUSE_MARK_RE
from ..actions.targets import NOT_A_SHORT_NAME
from ..actions.words import ActionDraft, title_step
from ..dates import (
    until_from,
)
from ..draft import Draft, Source
from ..entities import earlier_named, is_pronoun
from ..lazyre import lazy_compile
from ..renames import NONE as NO_RENAMES
from ..renames import Renames, read_renames
from ..textnorm import NUM, holds, to_int
from ..textnorm import fold as fold_text
from .named import (
    ANAPHOR,
    ANNEX,
    LEAD_MAX,
    NAME,
    PRONOUN,
    UNREAD_NAME,
    countermeasure_order,
    item_listings,
    item_own_names,
    last_run,
    listing_term,
    measure_object,
    measures_named,
    names_given,
    order_term,
    removal_named,
    removals_beside_listing,
    sentence_start,
)


def action_records(src: Source, d: Draft) -> list[ActionRecord]:
    """Drafts with entity keys filled in (removals, and investigations or measures
    without targets, name the notice's entities), one per action: the drafts are deduped
    first, so no record is built for a draft that goes."""
    drafts = dedupe_actions(d.drafts) if len(d.drafts) > 1 else d.drafts  # one has nothing to be merged with
    if len(drafts) > 1 and len(drafts) < len(d.drafts):
        drafts = _body_removals(drafts, d.drafts)
    beside = removals_beside_listing(drafts)
    parts = annex_parts(src, d, drafts) if len(drafts) > 1 else None
    lists = item_lists(src, d) if parts is None and len(drafts) > 1 else None
    out = []
    for x in drafts:
        action = x.action
        names = _names_of(src, d, x, drafts, beside, parts, lists)
        if names is None:
            continue
        if not names:
            x, names = _serials_named(src, d, x, names)
        if action is ActionKind.IMPOSE and x.until is None and not x.targets:
            x = _with_term(src, d, x)
        if x.annex_of is not None:  # "在…第23号附件中增列…": joins that notice's listing, on its list (lifecycle.collect)
            x = dataclasses.replace(x, targets=(x.annex_of,))
        out.append(measures_named(ActionRecord(action, x.list, x.targets, x.effective, x.until, x.duration, names,
                                             x.text))
                   if x.extends_by is None else
                   ActionRecord(action, x.list, x.targets, x.effective, x.until, x.duration, names, x.text,
                                extends_by=x.extends_by))
    return out


def _names_of(src: Source, d: Draft, x: ActionDraft, drafts: list[ActionDraft], beside: list[ActionDraft],
              parts: dict[Any, tuple[str, ...]] | None,
              lists: dict[ListKind | None, tuple[str, ...]] | None) -> tuple[str, ...] | None:
    """The entities step ``x`` names (their keys): an annex's part, its items' own names, an answer's own words, a
    removal's own clause, the notice's entities (a removal, an investigation or a measure naming no notice), the listed
    and not the removed, the entities it is limited to; None: names that could not be read, no record."""
    action = x.action
    if parts is not None and x in parts:
        return parts[x]
    if lists is not None and action is ActionKind.IMPOSE and not x.targets and x.list in lists:
        return lists[x.list]  # its items' own names ("一、将A（a）列入…管控名单…二、将B（b）列入…关注名单…")
    if action is ActionKind.REMOVE and d.qa:
        # an answer lists none of its own: what it removes is what its own words name (session 31, audit31/01: "将…〔2025〕
        # 2号所列海岸间电子公司移出…" removed all 7 of that notice; /02: "将上述2家日本实体移出关注名单" removed no one)
        return answer_removed(src, x)
    if (action is ActionKind.REMOVE or action is ActionKind.IMPOSE) and not x.targets and len(d.entities) > 1 \
            and (own := _item_own(src, d, x)) is not None:
        return own  # "一、X（x）…，决定将该实体调出…关注名单，列入…管控名单…二、Y（y）…，决定将其列入…": its item's own names
    if action is ActionKind.REMOVE and not x.targets and x in beside:
        named = removal_named(src, x)  # its own clause's names: never the annex the listing reads
        if not named:
            return None  # names that could not be read: the notice's count warns, nothing is removed
        return tuple([e.key for e in named])
    if action is ActionKind.REMOVE or (not x.targets and (action is ActionKind.INVESTIGATE
                                                         or action is ActionKind.MEASURE)):
        names = tuple([e.key for e in d.entities])
        if action is ActionKind.REMOVE and x.targets and beside_listing(drafts):
            # its own paragraph's names when it names none the listing lists ("二、…〔2025〕2号所列丙公司（…）已…，决定将其
            # 移出…": session 38, audit38/07, the 2 listed by item 一 were removed from 2号 instead)
            names = _named_in(d, x.text) or tuple(dict.fromkeys([e.key for e in removal_named(src, x)])) or names
        return names
    if action is ActionKind.IMPOSE and not x.targets and len(d.entities) > 1 \
            and (moved := _moved_names(src, d, x)) is not None:
        return moved
    if action is ActionKind.IMPOSE and not x.targets and beside:
        removed = {e.key for r in beside for e in removal_named(src, r)}
        return tuple([e.key for e in d.entities if e.key not in removed])  # the listed, not the removed
    if x.on_entities is not None:
        return limited_to(src, d, x.on_entities)  # None: limited to entities that could not be read (a warning)
    return ()


def _item_own(src: Source, d: Draft, x: ActionDraft) -> tuple[str, ...] | None:
    """The keys of the names the numbered items of step ``x`` give it (``named.item_own_names``: "二、Y（y）…，商务部决定将其
    列入…"): its own and those of the steps merged into it (``dedupe_actions``: the same verb, list and day, "一、…决定将该实体
    调出关注名单…二、…决定将其移出关注名单" is one removal of both), each in such an item; when they are some of the notice's
    entities (every one: a listing's () as ever). None else (the step reads as before)."""
    keys: dict[str, None] = {}
    for y in d.drafts:
        if y.action is x.action and y.list == x.list and not y.targets and y.effective == x.effective:
            named = item_own_names(src, d, y)
            if not named:
                return None
            keys.update(dict.fromkeys(e.key for e in named))
    every = {e.key for e in d.entities}
    if not keys or not set(keys) <= every:
        return None
    return () if set(keys) == every and x.action is ActionKind.IMPOSE else tuple(keys)  # (all of them: the whole listing)


def _moved_names(src: Source, d: Draft, x: ActionDraft) -> tuple[str, ...] | None:
    """The entities a listing moves from another list in its own sentence ("一、X（x）在规定期限内未配合…。商务部决定将该实体
    调出出口管制关注名单，列入两用物项出口管制管控名单…二、Y（y）已配合…，决定将其移出出口管制关注名单"): the names before the
    removal verb in its paragraph, when they are some of the notice's only (session 59, text59/16: the listing read on the whole
    notice, Y put on the ECL, a false item, silently). None: no such move, or no name read for it."""
    if x.sentence is None:
        return None
    moves = [r for r in d.drafts if r.action is ActionKind.REMOVE and not r.targets and r.list != x.list
             and r.sentence == x.sentence and r.start < x.start]
    if not moves:
        return None
    move = moves[-1]
    jiang = src.folded.rfind("将", max(x.sentence[0], move.start - 12), move.start)
    if jiang < 0 or not is_pronoun(src.folded[jiang + 1 : move.start]):
        return None  # its object names its entities itself ("将甲（a）、乙（b）调出…，列入…"): the listing is the notice's
    keys = tuple(dict.fromkeys(e.key for e in removal_named(src, move)))
    every = {e.key for e in d.entities}
    return keys if keys and set(keys) < every else None


def _serials_named(src: Source, d: Draft, x: ActionDraft,
                   names: tuple[str, ...]) -> tuple[ActionDraft, tuple[str, ...]]:
    """A step on an annex's lines naming no entity (``names`` empty): the lines told before ("…第23号附件第3项至第5项所列实体已…。…将上述3家
    实体移出…"), the lines of its own clause, else of its sentence, never the whole notice."""
    if x.action is ActionKind.REMOVE and not x.targets and not names and not d.entities and not d.qa:
        told = _serials_told_before(src, d)
        if told is not None:  # "…第23号附件第3项至第5项所列实体已…。商务部决定…将上述3家实体移出…": those lines
            x, names = dataclasses.replace(x, targets=(told[0],)), told[1]
    if x.targets and not names and x.action is not ActionKind.IMPOSE:
        # the lines of the step's own clause ("…第5项“A”修改为“B”，并将第7项“C”移出该附件"), else of its sentence
        own = _own_serials(src.folded, x) if "项" in x.text else ()
        serials = None if own else ANNEX_SERIALS_RE.search(x.text)
        if own:
            names = own
        elif serials:  # "…第12号附件所列第3、5、8项实体": those lines only, never the whole notice
            names = tuple([f"第{n}项" for n in annex_serials(serials["ns"])])
    return x, names


def _with_term(src: Source, d: Draft, x: ActionDraft) -> ActionDraft:
    """A listing naming no notice, with no end of its own, given the term its text states: a MOFCOM order's
    ("自本决定施行之日起2年内", "期限为5年": the order's countermeasures end with it, as an MFA decision's), a numbered notice's
    "有效期"."""
    if countermeasure_order(d):
        term = order_term(src)
    elif holds(src.folded, "有效期") and not d.qa and d.own is not None:
        term = listing_term(src)  # "本公告自公布之日起实施，有效期二年"
    else:
        return x
    until = until_from(term, date.fromisoformat(x.effective[:10]) if x.effective else d.published) if term else None
    return dataclasses.replace(x, until=until, duration=term) if until is not None else x


def _body_removals(drafts: list[ActionDraft], every: list[ActionDraft]) -> list[ActionDraft]:
    """``drafts`` with a removal read from the title ("关于将有关实体列入…管控名单及移出关注名单的公告", a listing word in it)
    replaced by the body's removal from the same list that names its own ("二、…决定将乙公司（…）移出出口管制关注名单"), when
    the notice lists too: the title's took every entity of the notice, the one listed by item 一 too (items45: a false
    "Removed" beside its listing)."""
    body = [x for x in removals_beside_listing(every) if not title_step(x.text)]
    if not body:
        return drafts  # (nearly every notice)
    out = []
    for x in drafts:
        if x.action is ActionKind.REMOVE and not x.targets and title_step(x.text) and x not in body:
            x = next((y for y in body if y.list == x.list and y.effective == x.effective), x)
        out.append(x)
    return out


def item_lists(src: Source, d: Draft) -> dict[ListKind | None, tuple[str, ...]] | None:
    """The entity keys each list's listing items name (``named.item_listings``), when items list on two lists or more and
    not every list the same entities ("一、将A（a）列入出口管制管控名单…二、将B（b）列入出口管制关注名单…": A on the ECL only,
    B on the watch list only; session 45, audit45/34: A on both, B on none, silently). None else."""
    items = item_listings(src, d)
    if not items:
        return None
    by: dict[ListKind | None, dict[str, None]] = {}
    for kind, names in items:
        by.setdefault(kind, {}).update(dict.fromkeys([e.key for e in names]))
    if len(by) < 2 or len({frozenset(keys) for keys in by.values()}) < 2:
        return None  # one list, or the same entities on each: every listing takes the notice's entities, as before
    return {kind: tuple(keys) for kind, keys in by.items()}


# The object of an answer's removal, "将…第2号所列海岸间电子公司移出…": the words after the last 将 (and after 所列) up to the verb.
# ("将斯凯迪奥公司分别移出…清单和…名单": 分别 is no part of the object; session 33, audit33/20)
REMOVAL_OBJECT_RE = lazy_compile(r"将(?:[^,;；。将]*?所列)?\s*(?P<obj>[^;；。将]{2,400}?)\s*(?:分别)?\s*$")
# An object pointing back ("上述2家日本实体", "其", "该公司"): the names written before it.
POINTER_WORDS = ("上述", "前述", "以上", "该", "其")
ONE_POINTER = ("该公司", "该企业", "该实体", "其")  # one entity pointed to
SHORT_NAME_ENDS = ("公司", "集团", "株式会社", "联盟", "协会", "基金会", "论坛", "研究所", "研究院", "实验室", "大学")


def answer_removed(src: Source, x: Any) -> tuple[str, ...]:
    """The keys of what an answer's removal removes: a name written as its object ("…所列海岸间电子公司移出": the one
    named so with its English in the paragraph, else that Chinese name, which the engine finds on the target), or the
    names a pointer object points to ("将上述2家日本实体移出": the run of "名称（English）" before it). () when neither
    is read (the step then reaches what its targets say)."""
    folded = src.folded
    line = folded.rfind("\n", 0, x.start) + 1
    named = removal_named(src, x)
    m = REMOVAL_OBJECT_RE.search(folded, line, x.start)
    obj = m["obj"] if m else ""
    if obj and not obj.startswith(POINTER_WORDS) and "(" not in obj and obj.endswith(SHORT_NAME_ENDS):
        same = tuple([e.key for e in named if e.zh == obj])
        if not same:  # named with its English in an earlier paragraph of the answer ("斯凯迪奥公司（Skydio, Inc.）于…被列入…")
            same = tuple(dict.fromkeys([e.key for e in earlier_named(folded, src.text, x.start) if e.zh == obj]))
        return same or (entity_key(obj, None),)
    if "等" in obj and "(" not in obj and not obj.startswith(POINTER_WORDS):
        counted = COUNTED_SHORT_RE.fullmatch(obj)
        if counted is not None:
            # "将蓝脊电子公司等2家美国实体移出…": the one named is removed (a named removal is never lost); the others
            # are not read, and the engine says so (lifecycle.counted: the count above the names)
            shorts = [n.strip() for n in counted["names"].split("、")]
            if all(len(n) > 2 and n.endswith(SHORT_NAME_ENDS) and not any(w in n for w in NOT_A_SHORT_NAME)
                   for n in shorts):  # "将有关公司等2家…": no name
                return tuple([next((e.key for e in named if e.zh == n), entity_key(n, None)) for n in shorts])
    if obj.startswith(POINTER_WORDS) or "(" in obj:
        if not named and not x.targets and obj.startswith(ONE_POINTER):
            # "将该公司移出…" with the company named in the question ("X（Alpha Inc.）近日表示…，请问…？"): that one, when the
            # text before names one (a removal of no one, the engine's unresolved reference, before)
            before = earlier_named(folded, src.text, x.start)
            named = before if len(before) == 1 else []
        return tuple([e.key for e in named])
    return ()  # "将…第13号所列15家美国实体移出": the notice's, not a company the answer named before


# "蓝脊电子公司等2家美国实体", "甲公司、乙公司等3家实体": short names (SHORT_NAME_ENDS) before their count.
COUNTED_SHORT_RE = lazy_compile(rf"(?P<names>[^等,()]{{3,80}}?)\s*等\s*{NUM}\s*[家名][\u4e00-\u9fff]{{0,8}}")


def beside_listing(drafts: list[Any]) -> bool:
    """Whether the notice lists entities of its own (a listing on no earlier notice)."""
    return any(x.action is ActionKind.IMPOSE and not x.targets for x in drafts)


def _named_in(d: Draft, text: str) -> tuple[str, ...] | None:
    """The keys of the notice's entities ``text`` names (Chinese or English), when it names some but not all: "…决定将
    甲、乙、丙等3家日本实体列入出口管制管控名单…三、甲、乙已于…被列入关注名单（…第131号），…将其移出关注名单" removes 甲 and 乙
    from No. 131, not 丙 (session 27, audit27: the three were removed, the third from a list it was never on)."""
    named = tuple([e.key for e in d.entities if (e.zh and e.zh in text) or (e.en and e.en in text)])
    if not named or len(named) >= len(d.entities):
        return None
    counted = NAMED_COUNT_RE.search(fold_text(text)) if "家" in text or "名" in text else None
    # "艾维奥克斯公司等2家美国实体…移出": one of two named, the count says more: not the names alone
    return None if counted is not None and to_int(counted["n"]) != len(named) else named


# "甲公司等2家", "上述2家": the count a removal gives its names.
NAMED_COUNT_RE = lazy_compile(rf"(?:等|上述|前述|以上)\s*(?P<n>{NUM})\s*[家名]")


# "（见附件1）", "（名单见附件二）", "将附件1所列4家实体列入…": which of a notice's numbered annexes a step's entities are in
# (not "…第21号附件1所列", an earlier notice's). The second form: session 30, audit30/23 (the removal took both annexes'
# entities and the listing all 6, the 2 removed from the watch list among them).
# "…第12号所列附件2中的2家日本实体": the third form (session 38, audit38/08: the removal took both annexes' 5 and the listing
# the 2 removed).
# "…第1号所列附件2实体已采取整改措施，决定将其移出…": the fourth (session 43, audit43/26: the removal pointed nowhere, the
# listing took annex 2's entity too, a false 'Imposed' item).
ANNEX_NUMBER_RE = lazy_compile(r"见附件\s*([1-9一二三四五六七八九])\s*\)|(?<![号\d])附件\s*([1-9一二三四五六七八九])\s*"
                               r"(?:所列|中所列|列明|中的|(?=(?:\d{1,3}\s*家)?\s*(?:实体|企业|单位|机构)))")
CN_ORDINALS = "一二三四五六七八九"


def _points_to_annex(text: str) -> bool:
    """Whether ``text`` points to one of the notice's numbered annexes (ANNEX_NUMBER_RE): "将附件2所列实体移出…" (session 38,
    audit38/40: the title's removal of the same list was kept in its place, so no annex said whom: the removal dropped and
    annex 2's entity listed)."""
    return "附件" in text and ANNEX_NUMBER_RE.search(fold_text(text)) is not None


def annex_parts(src: Source, d: Draft, drafts: list[Any]) -> dict[Any, tuple[str, ...]] | None:
    """The entity keys of each step that points to one of the notice's numbered annexes, when a listing (no targets) and a
    removal each point to their own ("一、将甲公司等3家美国实体列入…（见附件1）…二、…将上述2家美国实体移出…（见附件2）"):
    annex N is the N-th run of annex lines numbered from 1. Else None (session 25, parse25: the 3 listed were read as
    removed with the 2, and the listing as listing the 2 removed)."""
    found = annex_runs(src, d, drafts)
    if found is None:
        return None
    pointed, runs = found
    if any(n > len(runs) for n in pointed.values()) or len(runs) != len(pointed):
        return None
    return {x: tuple(runs[n - 1]) for x, n in pointed.items()}


def annex_steps_possible(drafts: list[Any]) -> bool:
    """Whether ``drafts`` hold a removal, or listings on two lists: steps ``annex_parts`` may find each on an annex of its
    own (a listing on two lists, each from its annex, "一、将甲等2家日本实体列入出口管制管控名单（见附件1）…二、…将上述2家实体
    列入关注名单（见附件2）": session 27, audit27: all 4 on both lists)."""
    return any(x.action is ActionKind.REMOVE for x in drafts) or len(
        {x.list for x in drafts if x.action is ActionKind.IMPOSE and not x.targets}) > 1


def annex_runs(src: Source, d: Draft, drafts: list[Any]) -> tuple[dict[Any, int], list[list[str]]] | None:
    """The annex number each step of ``annex_parts`` points to, and the runs of annex lines numbered from 1 (the keys of
    each run's entities); None when fewer than two steps of different kinds point to different annexes."""
    if not annex_steps_possible(drafts):
        return None  # (nearly every text: no scan at all)
    pointed = {}
    for x in drafts:
        if (x.action is ActionKind.IMPOSE and not x.targets) or x.action is ActionKind.REMOVE:
            m = ANNEX_NUMBER_RE.search(fold_text(x.text)) if "附件" in x.text else None
            if m is None:
                return None
            n = m.group(1) or m.group(2)
            pointed[x] = int(n) if n.isdigit() else CN_ORDINALS.index(n) + 1
    kinds = {(x.action, x.list) for x in pointed}
    if len(kinds) < 2:
        return None
    if len(set(pointed.values())) != len(pointed):
        after = _pointed_after_verbs(src.folded, list(pointed))
        if after is None:
            return None
        pointed = after
    runs: list[list[str]] = []
    for e in d.entities:
        if e.n == 1 or not runs:
            runs.append([])
        runs[-1].append(e.key)
    return pointed, runs


CLAUSE_ENDS = (",", ";", "。", "\n")


def _pointed_after_verbs(folded: str, steps: list[Any]) -> dict[Any, int] | None:
    """The annex each step points to in its own clause after its verb, when the steps' texts point first to one annex
    alike: "商务部决定对8家美国实体采取出口管制措施，其中5家列入出口管制管控名单（见附件1），3家列入出口管制关注名单（见附件2）"
    is both listings' text, whose first pointer is annex 1 (session 50, count50/08: no annex told apart, all 8 listed on
    both lists, 3 falsely on the ECL and 5 on the watch list, silently). None unless each step's clause points to an
    annex of its own."""
    out: dict[Any, int] = {}
    for x in steps:
        end = len(folded)
        for ch in CLAUSE_ENDS:
            k = folded.find(ch, x.start, end)
            if k >= 0:
                end = k
        m = ANNEX_NUMBER_RE.search(folded, x.start, end)
        if m is None:
            return None
        n = m.group(1) or m.group(2)
        out[x] = int(n) if n.isdigit() else CN_ORDINALS.index(n) + 1
    return out if len(set(out.values())) == len(out) else None


# "公告2026年第12号附件所列第3、5、8、11、17项实体", "附件中第7项": a step on some lines of an earlier notice's annex, named by
# their numbers. The names are "第3项"…, which the engine matches to the annex numbers of the target's entities, else
# reports unresolved (session 20: the whole of No. 12 was removed).
ANNEX_SERIALS_RE = re.compile(r"附件[^，,。；;\n]{0,24}?第\s*(?P<ns>\d{1,3}(?:\s*项?\s*[、,，和及至-]\s*第?\s*\d{1,3})*)\s*项")
SERIAL_RANGE_RE = lazy_compile(r"(\d{1,3})\s*项?\s*[至-]\s*第?\s*(\d{1,3})|(\d{1,3})")
SERIAL_RANGE_MAX = 200  # lines one range may name; a longer one is no annex range (then only its ends, as written)


def _serials_told_before(src: Source, d: Draft) -> tuple[NoticeRef, tuple[str, ...]] | None:
    """A removal of "上述N家实体" naming no notice, in the sentence after one naming an earlier notice's annex lines
    ("商务部公告2026年第23号附件第3项至第5项所列实体已按要求…。商务部决定，…将上述3家实体移出…"): that notice and those lines
    (session 28, audit28/07: the removal reached no one, a count warning alone told of it). None else."""
    folded = src.folded
    end = d.spans[0][1] if d.spans else len(folded)
    for m in ANNEX_SERIALS_RE.finditer(folded, 0, end) if "附件" in folded else ():
        stop = folded.find("。", m.end(), end)
        if stop < 0:
            return None
        after = sentence_end(folded, stop + 1)
        said = folded[stop + 1 : after]
        if "上述" not in said or ("移出" not in said and "移除" not in said):
            continue
        refs = [r for s, e, r in d.refs if s < m.start() and r.key is not None and folded[e : m.start()].strip() in ("", "的")]
        if refs:
            return refs[-1], tuple([f"第{n}项" for n in annex_serials(m["ns"])])
    return None


# "第7项", "第3、5项" in the step's own clause, before its verb ("…第5项“A”修改为“B”，并将第7项“C”移出该附件": session 45,
# review48's form: the sentence's first "附件第5项", the renamed entry, was removed instead of item 7, silently).
SERIAL_LAST_RE = lazy_compile(r"第\s*\d{1,3}\s*项\s*(?:“[^“”]*”\s*)?$")  # a clause ending with a line (and its name)
OWN_SERIALS_RE = lazy_compile(r"第\s*(?P<ns>\d{1,3}(?:\s*项?\s*[、和及至-]\s*第?\s*\d{1,3})*)\s*项")


def _own_serials(folded: str, x: ActionDraft) -> tuple[str, ...]:
    """The annex lines ("第7项") a step names in its own clause before its verb, else after it in its clause, in a sentence
    naming an annex; () else."""
    s0, s1 = x.sentence or (sentence_start(folded, x.start), sentence_end(folded, x.start))
    if folded.find("附件", s0, s1) < 0:
        return ()
    marks = [s0, *(m.end() for m in CLAUSE_MARK_RE.finditer(folded, s0, x.start))]
    i = len(marks) - 1
    while i and folded[marks[i] : x.start].lstrip().startswith("第") \
            and SERIAL_LAST_RE.search(folded, marks[i - 1], marks[i] - 1) is not None:
        i -= 1  # "…附件第5项，第7项所列实体移出…": a list of lines over a mark (not "…第5项，将第7项…移出")
    c0 = marks[i]
    own = tuple([f"第{n}项" for m in OWN_SERIALS_RE.finditer(folded, c0, x.start) for n in annex_serials(m["ns"])])
    if own:
        return own
    # none before the verb: its object after it, to the clause's end ("…鉴于…附件第5项所列实体的整改尚未完成，商务部决定，从
    # 出口管制管控名单中移除该附件第7项所列实体": line 5, the sentence's first, was removed and line 7 kept; probe45)
    nxt = CLAUSE_MARK_RE.search(folded, x.start, s1)
    return tuple([f"第{n}项" for m in OWN_SERIALS_RE.finditer(folded, x.start, nxt.start() if nxt else s1)
                  for n in annex_serials(m["ns"])])


def annex_serials(ns: str) -> list[int]:
    """The line numbers of "3、5、8", "3至第6", "3-6、第9" or "3项和第5": a range names every line in it (its ends alone named
    lines 4 and 5 of "第3至第6项" never: they stayed listed, silently, where no count was stated)."""
    out: list[int] = []
    for m in SERIAL_RANGE_RE.finditer(ns):
        if m.group(3):
            out.append(int(m.group(3)))
            continue
        first, last = int(m.group(1)), int(m.group(2))
        out.extend(range(first, last + 1) if 0 < last - first <= SERIAL_RANGE_MAX else (first, last))
    return out


def limited_to(src: Source, d: Draft, span: tuple[int, int]) -> tuple[str, ...] | None:
    """The entity keys an action on earlier notices is limited to, its object at ``span`` ("商务部公告2025年
    第21号对该实体采取的相关措施"): the notice's entities for a pronoun or "上述实体", the named one's for
    a name; () for the whole notice (any other object, or "上述实体" naming nothing that could be read);
    None when a pronoun or a name points to no entity that could be read. A Q&A lists no entities: the names it
    gives are the keys ("停止执行…对美国繁荣联盟（Coalition For A Prosperous America）采取的相关措施"; the engine finds
    them on the target's listing, else says so), a pronoun points to none."""
    what, named = measure_object(src, span)
    if what is None:
        return ()
    if what == UNREAD_NAME:
        return None  # one entity named with words no name reader takes: never the whole notice
    if d.qa:
        return _answer_limit(src, span, what, named) if what != ANNEX else None
    if what == ANNEX:  # the annex's entities; none read: left out with a warning, never the whole notice
        # not those another step names ("停止对…所列银杉（…）实施相关措施；暂停对…所列2家实体中的1家实体实施…": 银杉 was suspended,
        # the count warning alone saying so; session 48)
        elsewhere = {e.key for x in d.drafts if x.on_entities is not None and x.on_entities != span
                     for e in measure_object(src, x.on_entities)[1]}
        return tuple([e.key for e in d.entities if e.key not in elsewhere]) or None
    if what == NAME:
        each = [[e.key for e in d.entities if e.key == n.key or (n.zh and e.zh == n.zh) or (n.en and e.en == n.en)]
                for n in named]
        if not any(each) and named and beside_listing(d.drafts):
            # "一、停止执行…第21号所列甲公司（a）的相关措施。二、将乙（b）、丙（c）列入…": the notice's entities are its listing's;
            # the step's names are its own, found on its target by the engine (session 38, audit38/44: held for a person)
            return tuple([n.key for n in named])
        return tuple([k for ks in each for k in ks]) if all(each) else None
    keys = tuple([e.key for e in d.entities])
    return keys or (() if what == ANAPHOR else None)


# "上述2家实体": the count a pointer gives.
POINTER_COUNT_RE = lazy_compile(rf"(?:上述|前述|以上)\s*(?P<n>{NUM})\s*[家名]")


def _answer_limit(src: Source, span: tuple[int, int], what: str,
                  named: tuple[EntityRecord, ...]) -> tuple[str, ...] | None:
    """A Q&A's limit (it lists no entities): the names it gives are the keys, each the key of the same name given
    with its English earlier in the answer ("除内华达山脉公司（Sierra Nevada Corporation）外，…；对内华达山脉公司，…恢复
    执行…"); a pointer ("该实体", "上述2家实体") is the names given last before it in its paragraph (None when they are
    not as many as it counts: left out with a warning); with none given, "上述…实体" is the whole notice, "该实体" none."""
    folded = src.folded
    line = folded.rfind("\n", 0, span[0]) + 1
    earlier = names_given(src, line, span[0])
    if what == NAME:
        return tuple([next((e.key for e in earlier if _same_zh(e.zh, n.zh)), n.key) if n.zh else n.key for n in named])
    run = earlier[-1:] if what == PRONOUN else last_run(src, line, span[0])
    if not run:  # "对上述16家美国实体" after "2025年4月4日被列入…的16家美国实体": the whole notice; "该实体" of no name: none
        return () if what == ANAPHOR else None
    counted = POINTER_COUNT_RE.match(folded, span[0], span[1])
    if counted is not None and len(run) != (to_int(counted.group("n")) or 0):
        return None
    return tuple([e.key for e in run])


def _same_zh(given: str | None, name: str) -> bool:
    """Whether a name given earlier ("关于内华达山脉公司": a run of name characters takes the words before it) is ``name``."""
    return given is not None and given.endswith(name) and len(given) - len(name) <= LEAD_MAX


class Action(Protocol):
    """What deduping reads of an action: a draft's or a record's fields."""

    @property
    def action(self) -> ActionKind: ...
    @property
    def list(self) -> ListKind | None: ...
    @property
    def targets(self) -> tuple[NoticeRef, ...]: ...
    @property
    def effective(self) -> str | None: ...
    @property
    def until(self) -> date | None: ...
    @property
    def duration(self) -> str | None: ...
    @property
    def text(self) -> str: ...


A = TypeVar("A", bound=Action)


# the steps on a notice's measures (a removal or a listing is a step on its entities, which the title's step may come with)
MEASURE_STEPS = frozenset((ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE))


# The steps that run for a term, and a title naming a notice's own suspension period ("…第130号（公告）（的）暂停期限"): the notice
# that set it, not the one whose measures it holds.
TERM_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)
SUSPENDING_NOTICE_RE = lazy_compile(r"号\s*(?:公告)?\s*(?:的)?\s*暂停期限")


def _shortened(r: Action, records: list[A]) -> bool:
    """A period-less action whose numbered targets a fuller action of the same verb, list and
    date covers: the title's "关于暂停实施…第55号等公告" beside the body's six notices and end date (or the
    body's "继续暂停实施…至2027年11月27日": a suspension continued is no new open-ended one); or whose title names
    the first of them and "等" (the body's restore of all six may start before the notice's day)."""
    if r.until is not None or r.duration is not None or not r.targets:
        return False
    keys = {t.key for t in r.targets}
    if None in keys:
        return _dated_in_title(r, records)
    if title_step(r.text) and keys <= {t.key for o in records if o is not r and (
            o.action is r.action or r.action is ActionKind.SUSPEND and o.action is ActionKind.EXTEND)
            and o.list is r.list and not title_step(o.text) for t in o.targets}:
        # "关于停止执行商务部公告2026年第23号相关措施的公告" over "自2027年7月1日起，停止执行…第23号相关措施": the title has
        # the notice's day, the body the step's own (session 21, parse21: both were kept, a false lift eleven days early);
        # so for "关于暂停实施…第23号相关措施的公告" over "自2026年12月25日起，暂停实施…第23号相关措施，暂停期限为1年" (session 27,
        # audit27: an open-ended suspension from the notice's day beside the body's year from the next day); so too over the
        # body's steps on each of them ("关于暂停执行…第338号和第339号相关措施的公告" over "…暂停执行…第338号和第339号相关措施，
        # 暂停期限分别为6个月和1年", read per notice: session 45, story46, both suspended with no end from the notice's day to
        # the body's start, silently)
        return True
    if r.action in MEASURE_STEPS and title_step(r.text) and keys <= {
            t.key for o in records if o is not r and o.action in MEASURE_STEPS and o.list is r.list
            and not title_step(o.text) for t in o.targets}:
        # the body's steps of another verb on some of them: "…暂停执行…第338号相关措施，暂停期限为6个月；停止执行…第339号相关措施"
        # under "关于暂停执行…第338号和第339号相关措施的公告" (session 46, probe46's A11: the title's open suspension of both kept
        # from the notice's day, a false "suspended" on 339, which the body lifts): the body says what is done to each
        return True
    if r.action in TERM_STEPS and title_step(r.text) and "暂停期限" in r.text and SUSPENDING_NOTICE_RE.search(r.text) \
            and any(o.action in TERM_STEPS and o.targets and not title_step(o.text) and not keys & {t.key for t in o.targets}
                    for o in records):
        # "关于延长商务部公告2027年第130号暂停期限的公告" over "将商务部公告2027年第101号相关措施的暂停期限延长1年": No. 130 is the
        # notice that set the suspension, the body says whose measures it holds (session 48, words48: an extension of No. 130
        # itself, a status row of no entity and an item "Suspension extended: item controls of …第130号", beside a problem)
        return True
    # "关于恢复实施…第55号等公告的公告": the title names the first of the body's notices and says there are more (等)
    more = any(f"{t.text}等" in r.text for t in r.targets)
    for o in records:
        if o is not r and (o.action is r.action or r.action is ActionKind.SUSPEND and o.action is ActionKind.EXTEND) \
                and o.list is r.list and (o.effective == r.effective and (o.until is not None or o.duration is not None)
                                          and keys <= {t.key for t in o.targets}
                                          or more and keys < {t.key for t in o.targets}):
            # a restore or lift has no period; the body's may start before the notice's day ("自…起", published late)
            return True
    return False


def _dated_in_title(r: Action, records: list[A]) -> bool:
    """A title's step on notices named by their day alone ("关于暂停实施2027年4月12日公告相关措施的公告") whose days a body's step
    of the same verb and list names too, with their numbers or not ("自2028年2月15日起，暂停实施2027年4月12日公告（商务部公告2027年第52号）
    相关措施，为期1年"): the body's is the step (session 53, blind54/20: the title's was kept beside it, from the notice's
    day with no end, an unresolved reference the engine reported on every run)."""
    if not title_step(r.text) or any(t.key is not None or t.date is None for t in r.targets):
        return False
    days = {t.date for t in r.targets}
    return any(o is not r and (o.action is r.action or r.action is ActionKind.SUSPEND and o.action is ActionKind.EXTEND)
               and o.list is r.list and not title_step(o.text) and days <= {t.date for t in o.targets}
               for o in records)


# "部分实体", "部分美国实体", "部分企业和个人": some of a notice's entities, named by the body only.
SOME_UNNAMED_RE = lazy_compile(r"部分[\u4e00-\u9fff]{0,6}?(?:实体|企业|单位|机构|公司)")


def _some_unnamed(text: str) -> bool:
    """Whether a title's step is on some of a notice's entities (SOME_UNNAMED_RE), named by the body only ("…所列部分美国实体
    恢复实施…": review44, session 42, the title's restore of all 16 kept over the body's 3, as story42's "部分实体" was)."""
    return "部分" in text and SOME_UNNAMED_RE.search(text) is not None


def _headed(text: str) -> bool:
    """Whether an action was read from a heading, not a sentence: the title line (``title_step``) or an annex's title
    ("附件：移出出口管制管控名单的实体（…）")."""
    return title_step(text) or text.lstrip().startswith("附件")


def _without_headed_removals(records: list[A]) -> list[A]:
    """The removals of the notice's own entities read from its title or an annex's title dropped where a sentence of the body
    removes from the same list from another day: the heading has the notice's day, the body the step's own ("…决定自2027年1月1日起将附件所列3家
    实体移出…" under "关于将3家实体移出…的公告": session 30, audit30/24, a removal a day early beside the right one)."""
    said: dict[ListKind | None, set[str | None]] = {}
    for r in records:
        if r.action is ActionKind.REMOVE and not r.targets and not _headed(r.text):
            said.setdefault(r.list, set()).add(r.effective)
    return [r for r in records if not (r.action is ActionKind.REMOVE and not r.targets and r.list in said
                                       and r.effective not in said[r.list] and _headed(r.text))]


def dedupe_actions(records: list[A]) -> list[A]:
    """One action per (verb, list, target notices, effective): the title ("关于暂停实施…的公告") and
    the body say the same thing, the body with the duration, so the fuller one wins; a title
    naming only the first of the body's targets goes too. A removal without targets is dropped
    when the same list has one with targets."""
    out: list[A] = []
    kept: dict[tuple[object, ...], int] = {}  # (verb, list, target notices, effective): its place in ``out``
    targeted = untargeted_removal = False
    if sum(1 for r in records if r.action is ActionKind.REMOVE and not r.targets) > 1:
        records = _without_headed_removals(records)
    for r in records:
        ident = (r.action, r.list, tuple([t.key or t.text for t in r.targets]) if r.targets else (), r.effective)
        at = kept.get(ident)
        if at is None:
            kept[ident] = len(out)
            out.append(r)
            if r.targets:
                targeted = True
            elif r.action is ActionKind.REMOVE:
                untargeted_removal = True
        elif (r.until is not None or r.duration is not None) and out[at].until is None and out[at].duration is None:
            out[at] = r
        elif r.action is ActionKind.REMOVE and not r.targets and _points_to_annex(r.text) and not _points_to_annex(out[at].text):
            out[at] = r  # the body's "二、…将附件2所列实体移出…", not the title's removal: its annex says whom (annex_parts)
        elif getattr(r, "on_entities", None) is not None and title_step(out[at].text) and not title_step(r.text) \
                and (getattr(out[at], "on_entities", None) is None or _some_unnamed(out[at].text)):
            # the body's step limited to the entities it names ("自…起，停止执行…第21号中对立方公司（…）、…的相关措施"), not the
            # title's "关于停止执行…第21号中对2家美国实体相关措施的公告", which names none: read first, it lifted no one (story40,
            # session 39: the lift was not applied, "names MOFCOM-2025-21 but no entity", the 2 left lapsed)
            # likewise over a title's "关于对…第21号所列部分实体恢复实施…的公告" (some, named by the body): kept, it restored all 16
            # (story42, session 41: the title dated by "本公告自2026年12月1日起正式实施", the body's day, took the body's place)
            out[at] = r
    if not targeted or len(out) == 1:
        return out  # nothing shortened (only targets are, by another action), no removal beside a targeted one
    out = [r for r in out if not _shortened(r, out)]
    if not untargeted_removal:
        return out
    lists = {(r.action, r.list) for r in out if r.targets}
    return [r for r in out if r.targets or r.action is not ActionKind.REMOVE or (r.action, r.list) not in lists]


def named_references(src: Source, d: Draft) -> tuple[NoticeRef, ...]:
    """The refs, each notice once (a dated one wins); a date-only ref is dropped when a
    numbered one names the same date and list."""
    if not d.refs:
        return ()
    out: dict[tuple[Any, ...], NoticeRef] = {}
    for _, _, r in d.refs:
        ident: tuple[Any, ...] = (r.key, r.date, r.list, r.count) if r.key is None else (r.key,)
        if ident in out:
            if out[ident].date is None and r.date is not None:
                out[ident] = r
            continue
        out[ident] = r
    keyed = {(r.date, r.list) for r in out.values() if r.key and r.date}
    if not keyed:
        return tuple(out.values())  # no date-only ref can name what a numbered one names
    return tuple([r for r in out.values() if r.key or r.count or (r.date, r.list) not in keyed])


def renames_read(src: Source, d: Draft) -> Renames:
    """The listed entities the notice says were renamed ("所列A（a）已更名为B（b）": scraper/parse/renames.py); none in
    a Q&A, whose question tells what was reported, not what the ministry states."""
    if d.qa:
        return NO_RENAMES
    return read_renames(d.operative, bool(d.actions))
