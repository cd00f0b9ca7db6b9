"""Checks: the warnings a record carries (no date, a defaulted effective day, a count mismatch, a step seen and left
out, …), in the order the record lists them (``CHECKS``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

from storage.records import ActionKind, ActionRecord, ListKind
from storage.vocabulary import list_name

from .. import actions as act
from ..actions.apart import CLAUSE_MARK_RE as MARK_OUTSIDE_BRACKET_RE
from ..actions.apart import (
    EACH,
    EACH_TERMS_RE,
    END_ALT,
    JOIN_ALT,
    LATER_END_ALT,
    LIKEWISE,
    TERM_ALT,
    TERM_ITEM_RE,
    ends_told,
)
from ..actions.clauses import TWO_TERMS_RE
from ..actions.periods import END_DAY_RE, FORMAL_DIGITS, FORMAL_TO_PLAIN, MONTH_END_RE
from ..actions.targets import decided_above
from ..actions.tense import RECOUNT_RE, decided_in, denied, planned, told_done
from ..actions.words import LIST_ALT, LIST_KIND, MOVED_TO, REMOVED_WORDS, TERM_RENEWED, title_step
from ..corrections import AMENDED_ANNEX_TITLE_RE, CORRECTION_TITLE_RE, renames_only
from ..dates import (
    DURATION_RE,
    UNTIL_RE,
    effective_in,
    filing_date,
    iso_to_date,
    make_date,
    own_effective_matches,
    parse_cn_date,
    signature_date,
    until_from,
)
from ..draft import Draft, Source
from ..lazyre import lazy_compile
from ..number import RANGE_DASHES, RANGE_MAX
from ..renames import UNMARKED, covered
from ..textnorm import MD, NUM, YEAR, find_word, fold, holds, holds_any, marked, to_int
from .identify import number_year
from .named import (
    ENTITY_ACTIONS,
    ITEM_NUMBER_RE,
    LISTING_ITEM_RE,
    MID_LINE_ITEM_RE,
    TOTAL_LINE_RE,
    UNREAD_ITEMS,
    clause_listings,
    country_counts,
    item_listings,
    one_move,
    removals_beside_listing,
    sentence_start,
    total_line_opens,
)
from .operative import spoken_day
from .record import annex_runs, annex_steps_possible, dedupe_actions, limited_to
from .steps import MEASURES_LATER_RE

LISTING_WORDS = ("列入", "移出", "移除", "调出")
# "对上述2家实体暂停适用关注名单相关管理措施" (session 27, audit27: a watch-list suspension of two entities read as nothing)
SUSPEND_WORDS = ("暂停实施", "暂停适用")
SUSPEND_MARKS = marked(SUSPEND_WORDS)
# after a suspension word, a noun, not a step: "暂停实施期" (its period), "暂停实施状态不变" (a renamed entity's measures "及其暂停实施
# 状态不变": its state as it was; audit31/18, a rename read since session 36)
NOT_A_STEP = ("期", "状态")
LIST_MEASURES_NEAR = 16  # "暂停适用关注名单相关管理措施": the list's name this near after 暂停适用
# "不再暂停实施…", "停止暂停实施…": the suspension ends; no notice suspended is to be looked for.
UNSUSPENDING = ("不再", "停止", "解除", "取消", "结束", "终止")


def no_publication_date(src: Source, d: Draft) -> str | None:
    return "no publication date found" if d.published is None else None


# "商务部决定，自公布之日起，将甲公司（…）移出关注名单": the day stated in the decision itself, not in a closing "本公告自…起实施"
# (session 36, audit36/24: "no effective date stated", a needless health issue).
# "自本公告公布之日起，将…" too (session 37, audit37/08).
DECIDED_FROM_PUBLICATION_RE = lazy_compile(r"决定\s*,?\s*自\s*(?:本公告\s*)?(?:公布|发布)\s*之日起\s*,?\s*将")


def effective_defaulted(src: Source, d: Draft) -> str | None:
    """A numbered listing or removal that states no effective date (a rule's articles list no one)."""
    if d.qa or d.own is None or d.stated_effective or d.published is None:
        return None
    body = src.folded if d.articles is None else src.folded[: d.articles]
    for word in LISTING_WORDS:
        if word in body:
            if "之日起" in body and DECIDED_FROM_PUBLICATION_RE.search(body) is not None:
                return None
            return "no effective date stated; using the publication date"
    return None


def count_mismatch(src: Source, d: Draft) -> str | None:
    """The entities parsed differ from the count the notice states."""
    stated = d.count[0]
    if d.qa or stated is None or len(d.entities) == stated or not (d.entities or _lists(d.drafts) or _own(d.drafts)):
        return None
    if not d.entities and _engine_counted(d.actions):
        return None  # the engine checks the count against the notices the steps act on (``storage.lifecycle.counted``)
    removed = {k for r in d.actions if r.action is ActionKind.REMOVE and not r.targets for k in r.entities} \
        if removals_beside_listing(d.drafts) else set()
    if not removed and len(d.actions) > 1 and any(a.action is ActionKind.IMPOSE and not a.targets and a.entities
                                                  for a in d.actions):
        # a listing and a removal of an earlier notice's entities, each from an annex of its own (``annex_parts``)
        removed = {k for r in d.actions if r.action is ActionKind.REMOVE for k in r.entities}
    if removed and sum(e.key not in removed for e in d.entities) == stated:
        return None  # the listing's count; the removal beside it names its own
    parts = [a.entities for a in d.actions if a.action is ActionKind.IMPOSE and not a.targets and a.entities]
    if len(parts) > 1 and stated == len(parts[0]) and sum(map(len, parts)) == sum(e.key not in removed for e in d.entities):
        # listings on two lists, each from its annex (``annex_parts``) or item: the count stated first is the first's; a
        # removal beside them names its own ("三、将索恩航空公司（…）从出口管制关注名单中移出": session 47, words47, probe46's B5)
        return None
    return f"parsed {len(d.entities)} entities, notice states {stated}"


# "其中5家列入出口管制管控名单（见附件1），3家列入出口管制关注名单（见附件2）": the count a notice listing on two lists states
# for one of them
LIST_COUNT_RE = lazy_compile(rf"(?P<n>{NUM})\s*家[^,;。\n]{{0,12}}?列入\s*(?:出口管制)?\s*(?P<list>{LIST_ALT})")


def unread_list_counts(src: Source, d: Draft) -> str | None:
    """A notice listing on two lists, each from its own annex (``record.annex_parts``), whose entities agree with its
    stated count as the store checks it (``storage.notices.listed_counts``: all it names, or the first listing's) but not,
    for one list, with the count its acting sentence states for that list ("…其中5家列入出口管制管控名单（见附件1），3家列入
    出口管制关注名单（见附件2）" over annexes of 4 and 4: one entity was shown on the watch list that the text puts on the ECL,
    silently: session 50, count50/34; "将甲等5家…列入出口管制管控名单（见附件1），将乙等3家…列入出口管制关注名单（见附件2）" over
    annexes of 5 and 2: the notice's count is the first listing's, the watch list's missing row told by nothing: count50/48).
    Which list each is on, or what is missing, cannot be told: left out for a person to read. A stated count the store
    finds wrong is the count mismatch's (loud). None else (nearly every text: one listing, no scan)."""
    stated = d.count[0]
    if d.qa or len(d.actions) < 2 or stated is None:
        return None
    parts = [a for a in d.actions if a.action is ActionKind.IMPOSE and not a.targets and a.entities]
    if len(parts) < 2 or stated not in (len(d.entities), len(parts[0].entities)):
        return None
    folded, said = src.folded, dict[ListKind, int]()
    for span in dict.fromkeys(x.sentence for x in d.drafts if x.action is ActionKind.IMPOSE and x.sentence):
        for m in LIST_COUNT_RE.finditer(folded, *span) if "家" in folded[span[0] : span[1]] else ():
            lst, n = act.LIST_KIND.get(m["list"]), to_int(m["n"])
            if lst is not None and n is not None:
                said.setdefault(lst, n)
    for a in parts:
        n = said.get(a.list) if a.list is not None else None
        if n is not None and n != len(a.entities):
            return (f"{len(a.entities)} entities read for the {list_name(a.list)} from its annex, where the notice states {n}: "
                    f"which list each is on, or which is missing, cannot be told{LEFT_OUT}")
    return None


# "停止实施…第21号涉及的16家美国实体中的A（a）、B（b）3家实体的相关措施": a step limited to the entities it names, closed by a
# count (no 等) above the names read: the step reached the two, the third was lost, silently (session 51, review60: a probe of
# e9524bc9; the engine's named_fewer asks "等N家" only). Asked only of a step limited to entities, with 家 in its text.
NAMED_THEN_COUNT_RE = lazy_compile(rf"\)\s*(?P<n>{NUM})\s*[家个名]")


def named_count_above(src: Source, d: Draft) -> str | None:
    """A step limited to named entities whose names close with a count (no 等, NAMED_THEN_COUNT_RE) above the entities it
    reaches: left out, for a person."""
    for a in d.actions:
        if not a.entities or not a.targets or a.action is ActionKind.IMPOSE or "家" not in a.text and "名" not in a.text:
            continue  # (nearly every step)
        text = fold(a.text)
        after = [text.find(fold(t.text)) + len(t.text) for t in a.targets if t.text and fold(t.text) in text]
        if not after:
            continue
        start = max(after)
        ends = [i for i in (text.find(c, start) for c in "。;；") if i >= 0]
        for m in NAMED_THEN_COUNT_RE.finditer(text, start, min(ends) if ends else len(text)):  # (its clause after the notice)
            n = to_int(m.group("n"))
            if n is not None and n > len(a.entities):
                return (f"a step names {len(a.entities)} entities and counts them {n} (\"{a.text[max(0, m.start() - 30) : m.end()]}\"):"
                        f" which is missing cannot be told{LEFT_OUT}")
    return None


def counts_at_odds(src: Source, d: Draft) -> str | None:
    """A listing whose entities agree with the count it states, where the text states another count of them as well: an
    annex's closing line ("（以上共计9家实体）" under the 10 lines a decision of "10家" lists: session 50, count50/38; a
    table's "合计 9家" row), or counts per country ("其中美国实体12家、加拿大实体2家") that sum to another total or that the
    countries read disagree with (11 US and 3 CA read: session 51, count51/02 and /05). The text is at odds with itself:
    a row may be missing and another read twice, or an entity shown under the wrong country, and which cannot be told,
    silently before (the count check passed). Left out for a person to read. A count the entities disagree with is the
    count mismatch's (loud). None else: nearly every text states one count, found by a few finds, no pattern asked."""
    stated = d.count[0]
    if d.qa or stated is None or len(d.entities) != stated or not _lists(d.drafts):
        return None
    folded, span = src.folded, d.decision.span
    sentence = folded[span[0] : span[1]] if span is not None else ""
    if span is not None and ("家、" in sentence or "家," in sentence):  # (two counts per country joined; nearly no text)
        per = country_counts(folded, span)
        if per:
            said = sum(n for _, n in per)
            if said != stated:
                return (f"the notice states {stated} entities and, per country, {said}: which is right cannot be told"
                        f"{LEFT_OUT}")
            read = Counter(e.country for e in d.entities)
            told = Counter[str | None]()
            for code, n in per:
                told[code] += n
            if len(per) > 1 and None not in read and read != told:
                shown = "、".join(f"{n} {c or 'unknown'}" for c, n in sorted(read.items(), key=lambda x: str(x[0])))
                return (f"the notice states per country {'、'.join(f'{n} {c}' for c, n in per)}, and the entities read are "
                        f"{shown}: which country each is of, or which is missing, cannot be told{LEFT_OUT}")
    if total_line_opens(folded):  # (words anywhere before: some lines missed, every 以上 searched; review60, perf52)
        allowed = {stated, *(len(a.entities) for a in d.actions if a.entities)}
        allowed.update(Counter(e.country for e in d.entities).values())
        for m in TOTAL_LINE_RE.finditer(folded):
            total = to_int(m.group("n"))
            if total and total not in allowed:
                return (f"the notice states {stated} entities and {stated} are read, where a total line says {total}"
                        f" (\"{' '.join(src.text[m.start() : m.end()].split())}\"): which is right cannot be told{LEFT_OUT}")
    return None


# The steps whose count the engine checks against the entities they reach (``storage.lifecycle.counted``)
ENGINE_COUNTED_STEPS = frozenset({ActionKind.REMOVE, ActionKind.LIFT, ActionKind.SUSPEND, ActionKind.EXTEND,
                                  ActionKind.RESTORE})


def _engine_counted(actions: list[ActionRecord]) -> bool:
    """Whether every step of a notice naming no entity acts on the same whole notices named by number (no count of
    their own in the reference), so that the engine holds any the stated count falls short of (``storage.lifecycle.counted.
    notice_count``): "停止实施商务部公告2026年第12号相关措施，将该公告所列20家日本实体移出出口管制关注名单" read right, the
    count was a false warning "parsed 0 entities, notice states 20" (session 49, blind49/39: a count-mismatch health
    issue); a count below the notice's entities (its annex not read) is held there, loud, and none is removed."""
    if not actions:
        return False
    named = None
    for a in actions:
        if a.action not in ENGINE_COUNTED_STEPS or a.entities or not a.targets:
            return False
        for t in a.targets:
            if t.count is not None or (t.key is None and t.number is None):
                return False
        on = {t.key or t.text for t in a.targets}
        if named is None:
            named = on
        elif on != named:
            return False  # steps on other notices: the engine checks the notice's count only for steps on the same ones
    return True


def _own(drafts: list[act.ActionDraft]) -> bool:
    """Whether a step acts on entities this notice names itself (a measure or an investigation on no earlier
    notice): with a stated count and none read, a loss as a listing's is (session 18)."""
    return any(x.action in ENTITY_ACTIONS and not x.targets for x in drafts)


# The end of every warning on a step the parse saw and could not read (``unread_limit``, ``unread_item``,
# ``unread_name_change``; session 23: ``suspension_without_target``, ``no_entities`` for a removal,
# ``unread_answer_step``): ``page.check_record`` refuses such a page for a person to read ("needs-review", an
# unusable-page health issue), as a warning alone is no health issue (session 22, loud22).
LEFT_OUT = ": left out"
# A notice's day that cannot be right and no page's date replaces (``dated_before_number``): refused for a person to read
# (``page.unsure_date``), as a listing read in force a year early would be a false item.
UNSURE_DATE = ": its date cannot be right"


def unread_limit(src: Source, d: Draft) -> str | None:
    """An action on earlier notices limited to an entity ("对该实体采取的相关措施") that could not be
    read: it is left out rather than applied to the whole notice, and needs review."""
    for x in d.drafts:
        if x.on_entities is not None and limited_to(src, d, x.on_entities) is None:
            what = src.text[x.on_entities[0] : x.on_entities[1]].strip()
            return f"{x.action.value} limited to \"{what}\", an entity that could not be read{LEFT_OUT}"
    return None


# What says a removal of an earlier notice's entities takes the ones an annex names ("（见附件）"), or only some ("部分").
# ("甲公司等2家美国实体" alone does not say it: "高点航空技术公司等16家美国实体" is the whole of No. 21, and only the engine
# knows how many a notice listed.)
SOME_NAMED_RE = lazy_compile(r"附件|部分")


def unread_annex(src: Source, d: Draft) -> str | None:
    """Steps of different kinds each on a numbered annex of the notice ("一、将附件1所列3家实体列入出口管制管控名单…二、将
    附件2所列2家实体列入不可靠实体清单"), with fewer runs of annex lines read than annexes pointed to (one given only as a
    PDF, or numbered on from the one before): each step then took every entity read, the ECL's 3 put on the UEL too,
    and the UEL's 2 missed, with no warning (session 33, audit33/19). Left out, for review."""
    if len(d.drafts) < 2 or not annex_steps_possible(d.drafts):
        return None  # (nearly every text: dedupe_actions drops steps, never adds one)
    drafts = dedupe_actions(d.drafts)
    found = annex_runs(src, d, drafts) if len(drafts) > 1 else None
    if found is None:
        return None
    pointed, runs = found
    if len(runs) >= len(pointed) and all(n <= len(runs) for n in pointed.values()):
        return None
    annexes = "、".join(f"附件{n}" for n in sorted(set(pointed.values())))
    return f"steps on {annexes}, the entity lines of {len(runs)} annex(es) read{LEFT_OUT}"


# A listing item's verb after its object's end ("一、将…", "(一)将…"): the words asked of the whole text, each by its mark
# (``textnorm.holds_any``: a character the text lacks is one memchr, a word of two a scan of every character).
LISTING_ITEM_MARKS = marked(("、将", ")将", ") 将", "、 将"))


def _listings_apart(d: Draft) -> bool:
    """Whether the notice lists on two lists or more by verbs of their own (``named.clause_listings``: "将A（a）列入出口管制管控
    名单；将C（c）列入出口管制关注名单", with no item number, or items opening with their day, "一、自…起，将…")."""
    lists, starts = set(), set()
    for x in d.drafts:
        if x.action is ActionKind.IMPOSE and not x.targets:
            lists.add(x.list)
            starts.add(x.start)
    return len(lists) > 1 and len(starts) > 1


def unread_listing_item(src: Source, d: Draft) -> str | None:
    """Numbered items listing on two lists or more ("一、将…列入出口管制管控名单…" / "二、将…列入出口管制关注名单…") whose names
    could not be read item by item (``named.item_listings``), or an item's list with no listing read ("一、将以下2家实体列入
    出口管制管控名单：" and its name lines, then "二、将以下1家实体列入出口管制关注名单：": the second item's listing was not read,
    its name put on the first's list; items45). Each listing would take the others' names: left out, for review."""
    if d.qa or not any(x.action is ActionKind.IMPOSE and not x.targets for x in d.drafts):
        return None
    folded = src.folded
    for x in d.drafts:
        if x.action is ActionKind.REMOVE and not x.targets and folded.startswith("列入", x.start):
            # "将A（a）列入出口管制管控名单；不再将B（b）列入出口管制关注名单": the removal took the listing's names (A off the
            # watch list, B's removal lost, silently: session 47, words47); each clause's names are not read apart
            return f"a removal written \"不再将…列入…\" beside a listing, whose names are not read apart{LEFT_OUT}"
    if not holds_any(folded, LISTING_ITEM_MARKS) and not _listings_apart(d):
        return None  # (nearly every text: no listing item, no listings on two lists)
    if item_listings(src, d) is UNREAD_ITEMS:
        return f"listing items on several lists whose names could not be read item by item{LEFT_OUT}"
    named: dict[ListKind, str] = {}
    for s0, s1 in d.spans:
        pos = folded.find("将", s0, s1)
        while pos >= 0:
            line = folded.rfind("\n", 0, pos) + 1
            m = LISTING_ITEM_RE.match(folded, line)
            if m is not None and m.end() == pos + 1:
                end = act.sentence_end(folded, pos)
                verb = folded.find("列入", pos, end)
                kind = act.list_in(folded, verb, end) if verb >= 0 else None
                if kind is not None:
                    named.setdefault(kind, src.text[line:end].strip())
            pos = folded.find("将", pos + 1, s1)
    if len(named) < 2:
        return None
    read = {x.list for x in d.drafts if x.action is ActionKind.IMPOSE and not x.targets}
    missed = [text for kind, text in named.items() if kind not in read]
    return f"a listing item not read (\"{missed[0]}\"){LEFT_OUT}" if missed else None


def unread_item_day(src: Source, d: Draft) -> str | None:
    """Listing items on two lists or more whose later day is told in one item ("一、将A（a）列入出口管制管控名单，自2027年6月1日
    起实施相关措施。二、将C（c）列入出口管制关注名单。", "…。相关措施自2027年6月1日起实施。" on item 一's line, "三、上述第一项措施自…起
    实施"): that day was taken as the notice's and every listing's, the watch list's a month late, silently (session 46,
    probe46). Which listings it reaches is not read: left out, for a person."""
    if d.qa or d.published is None:
        return None
    published = d.published.isoformat()
    listings = [x for x in d.drafts if x.action is ActionKind.IMPOSE and not x.targets]
    later = {x.effective[:10] for x in listings if x.effective and x.effective[:10] > published}
    if not later or len({x.list for x in listings}) < 2:
        return None  # (nearly every text: no later day, or one list)
    folded = src.folded
    numbered = holds_any(folded, LISTING_ITEM_MARKS)
    clauses = not numbered and _listings_apart(d) and bool(clause_listings(src, d))
    if not numbered and not clauses:
        return None
    # listings in the clauses of one sentence ("将A（a）列入出口管制管控名单，自2027年6月1日起实施相关措施；将C（c）列入出口管制关注
    # 名单。"): a day told after the first listing's verb, in the sentence of the last (session 47, words47: carried to C's
    # listing too); a day leading the sentence ("自2027年6月1日起，将A…；将C…") is every listing's
    starts = [x.start for x in listings]
    first, last_end = min(starts), act.sentence_end(folded, max(starts))
    for m in [*own_effective_matches(folded), *MEASURES_LATER_RE.finditer(folded)]:
        if folded.startswith("本", m.start()) or (effective_in(m.group(0), d.published) or "")[:10] not in later:
            continue
        line = folded.rfind("\n", 0, m.start()) + 1
        in_clause = clauses and first < m.start() < last_end
        if in_clause or numbered and (
                ITEM_NUMBER_RE.match(folded, line) is not None or MID_LINE_ITEM_RE.search(folded, line, m.start()) is not None):
            said = src.text[m.start() if in_clause else line : act.sentence_end(folded, m.start())].strip()
            return f"a later day told in one item (\"{said[:80]}\") was read for every list's listing{LEFT_OUT}"
    return None


# "将甲公司（…）、乙公司（…）2家美国实体分别列入出口管制管控名单和关注名单": which entity goes on which list ("respectively").
RESPECTIVELY_RE = lazy_compile(rf"分别\s*(?:列入|纳入|移出|移除)\s*(?:{LIST_ALT}|管控名单)\s*(?:和|及|以及|、|与)\s*(?:{LIST_ALT}|管控名单)")
SEVERAL_RE = lazy_compile(r"、|等|[2-9两二三四五六七八九十]\s*[家名个]")  # an object naming more than one


def unread_respectively(src: Source, d: Draft) -> str | None:
    """Several entities put on (or taken off) two lists "分别", respectively: each list's entities are not read, and each
    step would reach them all (session 33, probe after audit33/20: 2 false items). One entity "分别移出" two lists is off
    both (audit33/20). Left out, for review."""
    folded = src.folded
    if not holds(folded, "分别"):
        return None
    for m in RESPECTIVELY_RE.finditer(folded):
        start = sentence_start(folded, m.start())
        obj = folded.rfind("将", start, m.start())
        if obj >= 0 and SEVERAL_RE.search(folded, obj, m.start()) is not None:
            return f"entities put on or off two lists respectively (\"{src.text[m.start() : m.end()]}\"){LEFT_OUT}"
    return None


# "…第21号相关措施，对甲公司和乙公司的暂停期限分别为6个月和1年", "其中第22号公告所列两家实体的暂停期限分别为…": 分别 pairing
# entities (named after the notice, before 分别) with terms or ends (``unread_entities_apart``)
# (also a unit, an institution, a university or an institute, and names in Latin letters: "对Skydio和BRINC的…", "…所列两家单位
# 的…" read as a pairing of notices, silently; review50)
ENTITIES_BEFORE_EACH_RE = lazy_compile(r"公司|实体(?!清单)|企业(?!名单)|集团|单位|机构|大学|学院|研究[所院]|实验室|[A-Za-z]{2}")
EACH_TERMS_OR_ENDS_RE = lazy_compile(
    r"分别\s*(?:为期|为|是|延长)?\s*(?:至|到)?\s*(?:\d{1,4}|半|[一二三两六十])[^,;。\n]{0,20}?(?:和|、|及|与|以及)")


def unread_entities_apart(src: Source, d: Draft) -> str | None:
    """A step whose sentence gives, 分别, terms or ends to entities it names after its notice ("暂停实施…第21号相关措施，对甲公司
    和乙公司的暂停期限分别为6个月和1年"): read as the notice's term (the first) for all of its entities, or as a pairing of notices
    (session 44, probe44 #19/#31: No. 21 six months, silently). Which entity gets which is not read: left out, for a
    person."""
    folded = src.folded
    if not holds(folded, "分别"):
        return None
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or x.until is None and x.extends_by is None and x.duration is None:
            continue
        stop = x.sentence[1] if x.sentence else act.sentence_end(folded, x.start)
        each = folded.find("分别", x.start, stop)
        if each < 0 or EACH_TERMS_OR_ENDS_RE.match(folded, each) is None:
            continue
        last_ref = max((e for s0, e, _ in d.refs if x.start <= s0 < each), default=x.start)
        if ENTITIES_BEFORE_EACH_RE.search(folded, last_ref, each) is not None:
            return f"terms or ends given to entities respectively (\"{src.text[each : min(stop, each + 20)].strip()}\"){LEFT_OUT}"
    return None


SHORT_NUMBER_RE = lazy_compile(r"第\s*(?P<n>\d{1,4})\s*号")  # "第22号相关措施": a notice by its number alone


# a term right after the verb, with no "期限" ("其中，第338号相关措施自2026年12月10日起暂停6个月", "…暂停1年"): session 46, probe46
VERB_TERM_RE = lazy_compile(rf"(?:暂停|延长)\s*(?:实施|执行)?\s*(?:\d{{1,4}}|{NUM})\s*(?:个\s*月|年|天|日|周)")
# the next sentence opening on the measures of the step before ("相关措施自…起暂停6个月", "上述措施暂停1年")
THOSE_MEASURES_RE = lazy_compile(r"\s*(?:其中\s*,?\s*)?(?:相关|上述|有关|前述|该)\s*(?:公告)?\s*(?:相关)?\s*(?:管控|处理)?\s*措施")


def unread_term_in_next_sentence(src: Source, d: Draft) -> str | None:
    """A suspension or extension whose next sentence names one of its sentence's notices again with a term and reads no
    step ("暂停实施…第21号和第22号相关措施1年。其中，第22号相关措施的暂停期限为6个月。", "…第22号相关措施亦同。但第22号相关措施的
    暂停期限为6个月。", an answer's "…7号和…第21号相关措施，暂停期限为1年。其中，…第21号相关措施的暂停期限为6个月。": No. 22 (No. 21)
    given the step's year, six months late, silently; probe45). Whose term is which is left to a person. Asked only where
    the next sentence of the same paragraph holds "期限" and no step."""
    folded = src.folded
    seen: set[int] = set()
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or not x.targets:
            continue  # (nearly every text: no suspension or extension)
        s1 = act.sentence_end(folded, x.start)
        if s1 in seen or s1 + 1 >= len(folded) or folded[s1] != "。":
            continue
        seen.add(s1)
        n0, n1 = s1 + 1, act.sentence_end(folded, s1 + 1)
        if folded.find("期限", n0, n1) < 0 and (folded.find("暂停", n0, n1) < 0 and folded.find("延长", n0, n1) < 0
                                             or VERB_TERM_RE.search(folded, n0, n1) is None) \
                or any(n0 <= y.start < n1 for y in d.drafts):
            continue
        # (in the text's order: a set named "MOFCOM-2025-7" or "UEL-2025-7" for a bare "第7号" by the hash seed, the held
        # page's words changing run to run; items45 saw it in the parser guard)
        keys = dict.fromkeys(t.key for y in d.drafts if y.action in ENDS_APART_STEPS and act.sentence_end(folded, y.start) == s1
                             for t in y.targets if t.key is not None)
        named = next((r[2].key for r in d.refs if n0 <= r[0] < n1 and r[2].key in keys), None) or " or ".join(
            dict.fromkeys(k for m in SHORT_NUMBER_RE.finditer(folded, n0, n1) for k in keys if k.endswith(f"-{int(m['n'])}"))
        ) or None
        if named is None and THOSE_MEASURES_RE.match(folded, n0) is not None:
            # "暂停执行…第338号相关措施。相关措施自2026年12月10日起暂停6个月。": the measures of its step, named by their words
            named = " and ".join(k for k in keys if k is not None) or None
        if named is not None:
            return (f"the sentence after its step names {named} again with a term (\"{folded[n0:n1].strip()[:60]}\") "
                    f"no step reads{LEFT_OUT}")
    return None


def unread_starts_apart(src: Source, d: Draft) -> str | None:
    """A step on several notices with no term or end, said again in its sentence for one of them from another start
    ("自2026年12月10日起，暂停实施…第21号和第22号相关措施，其中第22号公告相关措施暂停1年，第21号公告相关措施自2027年1月1日起暂停
    6个月": No. 21 read suspended from 12-10 with no end beside its own step from 2027-01-01, silently; review50). Which
    start is No. 21's is not read: left out, for a person. No text is scanned (``clauses._drop_said_apart`` dropped the
    steps said whole)."""
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or len(x.targets) < 2 or x.until is not None or x.duration is not None \
                or x.extends_by is not None or x.on_entities is not None:
            continue  # (nearly every step)
        keys = {t.key for t in x.targets if t.key is not None}
        s1 = act.sentence_end(src.folded, x.start)
        for o in d.drafts:
            if o is not x and o.action is x.action and o.until is not None and len(o.targets) == 1 \
                    and o.targets[0].key in keys and o.effective != x.effective and o.sentence == x.sentence \
                    and act.sentence_end(src.folded, o.start) == s1:
                return (f"a step on {len(x.targets)} notices from {x.effective} is given for {o.targets[0].key} again "
                        f"from {o.effective}{LEFT_OUT}")
    return None


# A day written whole ("2027年6月30日"), after 至/到 or any in a sentence saying 分别 (``unread_ends_apart``)
WHOLE_DAY_RE = lazy_compile(r"(?P<to>[至到]\s*)?(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
ENDS_APART_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)
JOINED_RE = lazy_compile(r"\s*(?:和|、|及|与|以及)\s*")  # between two days joined
# "其中第22号…", "其中对…第22号…": 其中 naming a notice (``unread_ends_apart``)
AMONG_NOTICE_RE = lazy_compile(r"其中\s*(?:对\s*)?[^,;。\n]{0,30}?\d{1,4}\s*号")
AMONG_STEP_WORDS = ("停止", "终止", "取消", "解除", "恢复", "废止")  # a step of its own in a 其中 clause with no end


def unread_ends_apart(src: Source, d: Draft) -> str | None:
    """One suspension (or extension) on two notices or more whose sentence gives them different ends: "暂停实施…第21号、
    第22号相关措施，其中第21号公告相关措施暂停至2027年6月30日，第22号公告相关措施暂停至2027年12月31日" read as one step to
    2027-12-31 on both (No. 21 shown suspended six months past its end), "…相关措施，分别至2027年6月30日和2027年12月31日" one
    to 06-30 on both (a false lapse of No. 22), silently (review46: the brief's "two ends in one text"); "…相关措施，期限分别
    为6个月和1年" (two terms, TWO_TERMS_RE) one of 6 months on both (review47). Which notice ends when is not read: left
    out, for a person. Since session 44 the plain pairings are a step per notice (``actions.apart``), so what reaches here is
    what that split did not read: no 分别, counts unequal, 其中 naming one notice's end alone (AMONG_NOTICE_RE), two ends joined
    after one 至 (JOINED_RE)."""
    folded = src.folded
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or x.until is None and x.extends_by is None:
            continue  # (a step with no end)
        notices = len({t.key or t.text for t in x.targets})
        # to the sentence's end, a ";" or the next step with an end of its own ("…第55号至第58号…继续暂停实施至2027年11月10日；
        # …第46号第二款继续暂停实施至2027年11月27日": two steps, parse19/08)
        stop = min([i for i in (folded.find("。", x.start), folded.find("\n", x.start), folded.find(";", x.start))
                    if i >= 0] + [y.start for y in d.drafts if y.start > x.start and y.action in ENDS_APART_STEPS]
                   + [len(folded)])
        if notices < 2:
            if sum(1 for y in d.drafts if y.start == x.start) > 1:
                continue  # one verb's step per notice (``actions.apart``): the terms or ends each notice's own
            # one notice given two terms or ends ("…第21号相关措施，对Skydio和BRINC的暂停期限分别为6个月和1年", "…两家单位的
            # 暂停期限为6个月和1年", "…分别截至2027年6月10日和2027年12月10日"): its first read for all of its entities, silently
            # (review50: the entities' words unread_entities_apart knows missed them)
            if (said := _two_ends_or_terms(folded, x, stop)) is not None:
                return f"one step on one notice gives two terms or ends (\"{said}\"): whose is which is not read{LEFT_OUT}"
            if _another_end(folded, x, stop):
                return (f"one step on one notice gives it two ends (\"{src.text[x.start : stop].strip()[:60]}\"): which is "
                        f"meant is not read{LEFT_OUT}")
            continue
        if folded.startswith(";其中", stop):  # "…相关措施，暂停期限为6个月；其中第22号相关措施暂停期限为1年": one text (review47)
            stop = min([i for i in (folded.find("。", stop + 1), folded.find("\n", stop + 1), folded.find(";", stop + 1))
                        if i >= 0] + [len(folded)])
            if len(_terms_in(folded, x.start, stop)) > 1:
                return (f"one step on {len({t.key or t.text for t in x.targets})} notices gives them two terms "
                        f"(\"{src.text[x.start : stop].strip()[:60]}\"){LEFT_OUT}")
        # (from the step's clause: "…相关措施，其中第21号相关措施暂停6个月" is a step of its own on both, 6 months for No. 22 too)
        c0 = max(folded.rfind(",", sentence_start(folded, x.start), x.start), folded.rfind(";", sentence_start(folded, x.start),
                                                                                            x.start)) + 1 or x.start
        if folded.find("其中", c0, stop) >= 0 and (among := AMONG_NOTICE_RE.search(folded, c0, stop)) is not None:
            # "…第21号、第22号相关措施，其中第22号公告相关措施暂停至2027年12月31日": one notice's end, the other's not told (both
            # read to 12-31), or a term after it ("…其中第22号相关措施1年，暂停期限为6个月": both a year), silently (clauses44;
            # ``actions.apart`` reads the plain 其中 forms, a step each)
            clause = folded[among.start() : _clause_stop(folded, among.end(), stop)]
            if "至" not in clause and not _terms_in(folded, among.start(), among.start() + len(clause)) \
                    and any(w in clause for w in AMONG_STEP_WORDS):
                # "…第21号、第22号相关措施1年，其中第22号公告其他措施停止实施": a step of its own on one notice's other
                # measures, no end (session 50, range49's open B: the reason spoke of ends)
                return (f"one step on {len({t.key or t.text for t in x.targets})} notices names one of them apart with a "
                        f"step of its own (\"{src.text[among.start() : among.start() + len(clause)].strip()[:40]}\"): which "
                        f"measures it takes is not read{LEFT_OUT}")
            return (f"one step on {len({t.key or t.text for t in x.targets})} notices names one of them apart "
                    f"(\"{among[0]}\"): which end is whose is not read{LEFT_OUT}")
        if (folded.find("和", x.start, stop) >= 0 or folded.find("、", x.start, stop) >= 0) \
                and (two := TWO_TERMS_RE.search(folded, x.start, stop)) is not None:
            return (f"one step on {len({t.key or t.text for t in x.targets})} notices gives them two terms "
                    f"(\"{two[0]}\"){LEFT_OUT}")
        # (分别 before the verb too: "分别自D1和D2起，暂停实施…，至D3和D4" took D3 for both, silently; clauses44)
        both = folded.find("分别", sentence_start(folded, x.start), stop) >= 0
        if not both and folded.find("至", x.start, stop) < 0 and folded.find("到", x.start, stop) < 0:
            continue
        days = list(WHOLE_DAY_RE.finditer(folded, x.start, stop))
        # a day joined to an end ("延长至2027年6月30日、2027年12月31日": both to 06-30 before, silently; clauses44) is an end
        ends = {parse_cn_date(m.group("date")) for i, m in enumerate(days)
                if both or m.group("to") or i and JOINED_RE.fullmatch(folded, days[i - 1].end(), m.start()) is not None}
        if len(ends - {None}) > 1:
            return (f"one step on {len({t.key or t.text for t in x.targets})} notices gives them different ends "
                    f"(\"{src.text[x.start : stop].strip()[:60]}\"){LEFT_OUT}")
    return None


# a day after 分别 (``unread_ends_respectively``): its year may be left to the day before ("至2027年5月31日和11月30日"), its
# numbers Chinese ("至二〇二七年五月三十一日")
EACH_DAY_RE = lazy_compile(rf"(?P<to>[至到]\s*)?(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*[日号]")


def unread_ends_respectively(src: Source, d: Draft) -> str | None:
    """A sentence pairing, 分别, two notices or more with two ends or more, some end no suspension or extension of the
    sentence reads: "中方决定，商务部公告2025年第21号和第22号相关措施分别暂停至2027年5月31日和2027年11月30日，期满后恢复实施" was
    read as one restore of both from 2027-06-01, the suspensions not read (session 50, review59/23: No. 22 shown in force
    from 2027-06-01, falsely, silently). The pairings read per notice (``actions.apart``: "…的暂停期限分别延长至D1和D2",
    "暂停实施…，分别至D1和D2") give each end a step and pass. Gated by "分别" in the text; no text without it is scanned.
    Asked after the checks naming the forms they know (``unread_each_one_end``: "…分别至2027年6月30日和12月31日")."""
    if len(d.refs) < 2 or not holds(src.folded, "分别"):
        return None  # (nearly every text)
    return _ends_respectively(src, d)


def _ends_respectively(src: Source, d: Draft) -> str | None:
    """``unread_ends_respectively`` of a text naming two notices or more and holding 分别. (A function of its own: its
    comprehensions make cells of its names, made at every call; perf51.)"""
    folded = src.folded
    at = folded.find("分别")
    while at >= 0:
        s0, s1 = sentence_start(folded, at), act.sentence_end(folded, at)
        keys = {ref.key or folded[r0:r1] for r0, r1, ref in d.refs if s0 <= r0 < s1}
        if len(keys) > 1 and (folded.find("至", at, s1) >= 0 or folded.find("到", at, s1) >= 0):
            ends: list[date | None] = []
            year: str | None = None
            prev = -1  # where the last end stopped: a day joined to an end is one ("至D1和D2"), to a start not ("分别自D1和D2起")
            for m in EACH_DAY_RE.finditer(folded, at, s1):
                year = m.group("y") or year
                if m.group("to") or prev >= 0 and JOINED_RE.fullmatch(folded, prev, m.start()) is not None:
                    ends.append(make_date(year, m.group("m"), m.group("d")))
                    prev = m.end()
                else:
                    prev = -1
            if len(set(ends)) > 1 or None in ends and len(ends) > 1:
                read = {x.until for x in d.drafts if x.action in ENDS_APART_STEPS and x.until is not None
                        and s0 <= x.start < s1}
                if None in ends or not set(ends) <= read:
                    return (f"{len(keys)} notices given {len(ends)} ends respectively "
                            f"(\"{src.text[max(s0, at - 30) : min(s1, at + 40)].strip()}\"): which notice ends when, "
                            f"and what follows, is not read{LEFT_OUT}")
        at = folded.find("分别", s1)
    return None


# "…期满后停止实施", "…届满后，上述措施均终止执行": a lift at the end of a suspension (``unread_lift_at_expiry``)
# Also "期满之后停止实施", "期限届满以后停止实施" (session 51, review60: not looked for, the lifts missed, silently), and
# "期满后商务部公告2025年第21号相关措施停止实施" (a notice named before the verb: the lift read from the answer's own day, silently).
# "…暂停至D，届时停止实施", "期满时终止执行", "到期时不再实施", "期满后不再实施" (session 52, resp52, review60/14: the lift missed, or
# read from the sentence's day, silently; "…召开会议，届时停止实施…" read from the answer's day, the meeting's not told).
LIFT_AT_EXPIRY_RE = lazy_compile(r"(?:(?:届满|期满|到期)\s*(?:之日\s*)?(?:之|以)?\s*[后时]|届时)\s*,?\s*(?:[^,;；。\n]{0,40}?措施\s*)?"
                                 r"(?:将|即|均|分别)?\s*(?P<verb>停止|终止|不再)\s*(?:实施|执行)")


def unread_lift_at_expiry(src: Source, d: Draft) -> str | None:
    """A lift right after the end of a suspension ("…暂停至2027年5月31日，期满后停止实施") that no lift dated by that end reads: the
    end is not a day ("继续暂停实施…1年，期满后停止实施": the lift dropped, the notice left to lapse, silently; before session 51 it
    was read from the sentence's day, months early), or the step is not read at all (session 51, resp51, review59/25).
    Gated by an end's word and 停止/终止 in the text (the end's first: the rarer; perf51)."""
    folded = src.folded
    if not holds_any(folded, EXPIRY_MARKS) or not holds_any(folded, STOP_MARKS):
        return None  # (nearly every text)
    for m in LIFT_AT_EXPIRY_RE.finditer(folded):
        at = m.start("verb")
        if not _lift_after_end_at(d, at):
            s0 = sentence_start(folded, at)
            return (f"a lift at the end of a suspension (\"{src.text[max(s0, at - 40) : m.end()].strip()}\"): "
                    f"which notice's measures stop, and on which day, is not read{LEFT_OUT}")
    return None


# After a suspension or extension read, an end's word then a verb that stops the measures, in wordings no lift reads
# ("期满即停止实施", "到期后即行停止实施", "此后不再实施", "之后停止实施", "期满后该公告废止", "期满后予以取消", "到期自动终止",
# "期满后自动失效"): the suspension alone was read, the notice presumed back in force at its end, silently (session 52,
# resp52's probes). Not "停止暂停", "取消对…的暂停" (restores). (``unread_loose_lift_at_end``)
LOOSE_LIFT_AT_END_RE = lazy_compile(r"(?:期满|届满|到期|届时|此后|之后|以后)[^;；。\n]{0,40}?"
                                    r"(?P<verb>停止|终止|不再实施|不再执行|废止|取消|失效)(?!\s*(?:暂停|对))")
UNDECIDED = "是否"  # "届时视情决定是否停止实施", "届时是否停止实施另行公告": no lift decided, the suspension alone
LOOSE_END_MARKS = marked(("满", "到期", "届时", "此后", "之后", "以后"))
LOOSE_STOP_MARKS = marked(("停止", "终止", "不再", "废止", "取消", "失效"))


def unread_loose_lift_at_end(src: Source, d: Draft) -> str | None:
    """A verb stopping the measures after the end of a suspension or extension read before it in its paragraph
    (LOOSE_LIFT_AT_END_RE) that no lift dated by that end reads: left out, for a person. Asked only of a text reading a
    suspension or an extension, then gated by the words."""
    folded = src.folded
    steps = [x.start for x in d.drafts if x.action is ActionKind.SUSPEND or x.action is ActionKind.EXTEND]
    if not steps or not holds_any(folded, LOOSE_END_MARKS) or not holds_any(folded, LOOSE_STOP_MARKS):
        return None  # (nearly every text)
    for m in LOOSE_LIFT_AT_END_RE.finditer(folded, min(steps)):
        at = m.start("verb")
        line = folded.rfind("\n", 0, at)
        if any(line < x < at for x in steps) and not _lift_after_end_at(d, at) and folded.find(UNDECIDED, m.start(), at) < 0 \
                and not (folded.find("起", m.start(), at) >= 0 and _lift_at(d, at)):  # "…届满后不再延长，自D起停止实施": its own day
            s0 = sentence_start(folded, at)
            return (f"the measures stop at the end of a suspension (\"{src.text[max(s0, at - 40) : m.end()].strip()}\"): "
                    f"which notice's measures stop, and on which day, is not read{LEFT_OUT}")
    return None


# "…暂停至2027年5月31日，到期后不再恢复实施", "暂停期满后，上述措施不再恢复实施" (``unread_no_restore``)
NO_RESTORE = "不再恢复"


def unread_no_restore(src: Source, d: Draft) -> str | None:
    """Measures "no longer restored" ("…第21号相关措施暂停至2027年5月31日，到期后不再恢复实施"): 不再 denies the restore
    (``tense.denied``), so the suspension alone was read, the notice presumed back in force at its end, silently (session 52,
    resp52, review60/15). Whether that is a lift from the day after the end, or a suspension with no end, is a person's to
    say (review55/03 held the notice so, an answer was not). Gated by the words."""
    folded = src.folded
    at = find_word(folded, NO_RESTORE)
    if at < 0:
        return None  # (nearly every text)
    s0 = sentence_start(folded, at)
    return (f"measures no longer restored (\"{src.text[max(s0, at - 40) : at + 8].strip()}\"): whether they are lifted, "
            f"and from which day, is not read{LEFT_OUT}")


EXPIRY_MARKS = marked(("满", "到期", "届时"))  # (满: "期满后", "期满之后", "届满以后"; one mark asked, as before: review60)
STOP_MARKS = marked(("停止", "终止", "不再"))


def _lift_at(d: Draft, at: int) -> bool:
    """Whether ``d`` reads a lift at the verb at ``at``."""
    for x in d.drafts:
        if x.action is ActionKind.LIFT and x.start == at:
            return True
    return False


def _lift_after_end_at(d: Draft, at: int) -> bool:
    """Whether ``d`` reads a lift dated by an end told before (``after_end``) at the verb at ``at``. (A loop, not ``any`` of
    a generator: that made ``at`` a cell of ``unread_lift_at_expiry``, made at every call of it.)"""
    for x in d.drafts:
        if x.action is ActionKind.LIFT and x.start == at and x.after_end is not None:
            return True
    return False


# "…上述措施暂停至2027年12月31日", "…暂停期限至…", "…延长至…": an end a clause after a step's gives (``_another_end``)
ANOTHER_END_RE = lazy_compile(r"(?:暂停|延长|期限)\s*(?:实施|执行)?\s*(?:期限)?\s*(?:为|延长)?\s*至\s*"
                              r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")


def _another_end(folded: str, x: act.ActionDraft, stop: int) -> bool:
    """Whether its sentence gives an end other than the step's own after it, up to ``stop`` (the sentence's end, a ";" or the
    next step with an end): "…第21号相关措施暂停至2027年6月30日，上述措施暂停至2027年12月31日" (a text at odds with itself) read
    the first end, the second clause (no notice of its own, no step) dropped with no word (session 50, range49's near-A).
    Asked of a step on one notice with an end, behind a find of a second 至 after its verb; an end in a clause naming a
    notice of its own is that notice's."""
    if x.until is None or (first := folded.find("至", x.start, stop)) < 0 or folded.find("至", first + 1, stop) < 0:
        return False
    for m in ANOTHER_END_RE.finditer(folded, x.start, stop):
        c0 = max(folded.rfind(",", x.start, m.start()), folded.rfind(";", x.start, m.start()))
        if c0 >= 0 and folded.find("号", c0, m.start()) >= 0:
            continue  # a clause naming a notice of its own ("…，B相关措施暂停至D2"): a step of its own, or held as unread
        if parse_cn_date(m.group("date")) not in (None, x.until):
            return True
    return False


def _two_ends_or_terms(folded: str, x: act.ActionDraft, stop: int) -> str | None:
    """Two terms joined ("6个月和1年") or two ends joined or said 分别 ("分别截至2027年6月10日和2027年12月10日") in a step's
    sentence from its verb to ``stop``: what they are, else None. Asked of a step on one notice with an end, behind finds
    of the words that join them."""
    if (folded.find("和", x.start, stop) >= 0 or folded.find("、", x.start, stop) >= 0 or folded.find("及", x.start, stop) >= 0
            or folded.find("与", x.start, stop) >= 0):
        if (two := TWO_TERMS_RE.search(folded, x.start, stop)) is not None:
            return two[0]
        both = folded.find("分别", x.start, stop) >= 0
        days = list(WHOLE_DAY_RE.finditer(folded, x.start, stop)) if folded.find("日", x.start, stop) >= 0 else []
        ends = {parse_cn_date(m.group("date")) for i, m in enumerate(days)
                if i and (both or JOINED_RE.fullmatch(folded, days[i - 1].end(), m.start()) is not None)}
        if ends and len(ends | {parse_cn_date(days[0].group("date"))}) > 1:
            return folded[days[0].start() : days[-1].end()]
    return None


# "自同日起" of a step (an extension or a suspension), the day written last before it
SAME_DAY_START_RE = lazy_compile(r"自\s*(?:同日|当日)\s*起")


SAME_DAY_MARKS = marked(("同日", "当日"))


def unread_same_day(src: Source, d: Draft) -> str | None:
    """A suspension or extension "自同日起" whose step took another day than the one written last before it in its
    paragraph: "…第21号相关措施的暂停期限将于2026年11月10日届满，中方决定不再延长，届满后相关措施恢复实施；…7号相关措施自同日起
    继续暂停实施1年" extended 7号 from the answer's own day, 11-01, to 2027-11-01 (nine days early, silently; review46). Left
    out, for a person."""
    folded = src.folded
    if not holds_any(folded, SAME_DAY_MARKS):
        return None  # (nearly every text)
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or not x.effective:
            continue
        s0 = max(folded.rfind("\n", 0, x.start), 0)
        clause = max(folded.rfind(";", s0, x.start), folded.rfind("。", s0, x.start), folded.rfind(",", s0, x.start), s0)
        m = SAME_DAY_START_RE.search(folded, clause, min(x.start + 40, len(folded)))
        if m is None:
            continue
        days = [parse_cn_date(w.group("date")) for w in WHOLE_DAY_RE.finditer(folded, s0, m.start())]
        if days and days[-1] is not None and days[-1].isoformat() != x.effective[:10]:
            return f"its start \"{m[0]}\" names {days[-1].isoformat()}, not the day the step took ({x.effective[:10]}){LEFT_OUT}"
    return None


# A suspension or extension "自原暂停期限届满之日起", "自期满次日起", "…，自上述期限届满之日起计算": from an end the text may not tell
FROM_END_START_RE = lazy_compile(r"(?:届满|期满|到期)\s*(?:之\s*)?(?:次\s*)?日\s*起")


def unread_from_end(src: Source, d: Draft) -> str | None:
    """A suspension or extension counted from the end of the one before, no day written in those words ("中方决定，自原暂停期限
    届满之日起，继续暂停…7号相关措施1年"), whose start is the page's own day or another clause's (session 45, qa45/02: from 12-02 to
    2027-12-02, not from the lapse to 2027-11-10; "对…第21号…，自2026年12月20日起继续暂停1年；对…7号…，自原暂停期限届满之日起继续
    暂停1年": 7号 from 12-20 too; the state and the countdown weeks off, silently). Left out, for a person; not a day written in
    them ("自2027年3月1日原暂停期限届满之日起": ``dates.FROM_END_DATE_RE`` reads it), nor a term added to the running end ("延长6个月",
    ``extends_by``: the engine counts it from that end, story36 S2), nor "…，自上述暂停期限届满之日起计算" after the verb where the
    step took the end the text told (audit34/04)."""
    folded = src.folded
    if "日起" not in folded or d.published is None or not holds_any(folded, TERM_ENDED_MARKS):
        return None  # (nearly every text)
    own_day = d.published.isoformat()
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or x.extends_by:
            continue
        s0, s1 = x.sentence if x.sentence else (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        clause = max(s0, folded.rfind(";", s0, x.start) + 1, folded.rfind("；", s0, x.start) + 1)
        stop = min([s1, *(y.start for y in d.drafts if x.start < y.start < s1)])
        m = FROM_END_START_RE.search(folded, clause, stop)
        if m is None:
            continue
        if m.start() < x.start:  # "自原暂停期限届满之日起，继续暂停…": the step's own start, unless a day is written in it
            since = max(folded.rfind("自", clause, m.start()), folded.rfind("从", clause, m.start()), clause)
            if WHOLE_DAY_RE.search(folded, since, m.end()) is not None:
                continue
        elif (x.effective or own_day)[:10] != own_day:  # (no day of its own: the page's)
            continue  # "…，为期一年，自上述暂停期限届满之日起计算": the end the text told, taken
        return f"its start \"{src.text[m.start():m.end()]}\" is the end of an earlier period, no day told{LEFT_OUT}"
    return None


# "暂停实施上述两份公告相关措施": the notices a step counts
COUNTED_NOTICES_RE = lazy_compile(rf"(?:上述|前述|以上)\s*(?P<n>{NUM})\s*(?:份|个|项)\s*公告")
COUNTED_NOTICES_MARKS = marked(("份公告", "个公告", "项公告"))


def unread_counted_notices(src: Source, d: Draft) -> str | None:
    """A step on "上述两份公告" whose targets are not as many (session 45, a qa45 probe: three notices named before, "暂停实施上述
    两份公告相关措施1年" suspended all three, No. 1 falsely, silently): which two is for a person to read."""
    folded = src.folded
    if "公告" not in folded or not holds_any(folded, COUNTED_NOTICES_MARKS):
        return None  # (nearly every text)
    for x in d.drafts:
        if not x.targets:
            continue
        s0, s1 = x.sentence if x.sentence else (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        m = COUNTED_NOTICES_RE.search(folded, s0, s1)
        if m is not None and to_int(m.group("n")) != len({t.key or t.text for t in x.targets}):
            return (f"{x.action.value} of \"{src.text[m.start():m.end()]}\" on {len(x.targets)} notices, not as many"
                    f"{LEFT_OUT}")
    return None


# A clause after a step's naming another notice's measures and a term (or 亦同), no verb ("…第21号相关措施6个月，第22号相关措施1年"):
# a step elided, read as none (No. 22's suspension missed, silently; review47)
ELIDED_STEP_RE = lazy_compile(
    r"[,;]\s*(?:对\s*)?(?:(?!暂停|停止|恢复|继续|延长|解除|取消|终止|实施|执行)[^,;。\n]){0,30}?\d{1,4}\s*号[^,;。\n]{0,12}?"
    rf"相关措施\s*(?:的\s*)?(?:暂停期限|期限)?\s*(?:为期|为|延长至|至)?\s*(?:{NUM}\s*(?:个月|周年|年|天|日)|\d{{4}}\s*年\s*\d{{1,2}}\s*月"
    r"\s*(?:\d{1,2}\s*日|[底末])|亦同|亦然|同样如此|也是如此)\s*(?=[。;\n]|$)")  # ("…，第22号相关措施亦同": the step before, elided)


def unread_elided_step(src: Source, d: Draft) -> str | None:
    """A suspension or extension whose sentence goes on to name another notice's measures with a term of their own and no
    verb (ELIDED_STEP_RE): that notice's step is not read; left out, for a person."""
    folded = src.folded
    for x in d.drafts:
        same_only = x.action in SAME_STEP_KINDS
        if not same_only and (x.action not in ENDS_APART_STEPS or x.until is None):
            continue  # (nearly every step)
        s1 = x.sentence[1] if x.sentence else act.sentence_end(folded, x.start)
        if folded.find("号", x.start, s1) < 0 or folded.find("相关措施", x.start, s1) < 0 \
                or same_only and not any(folded.find(w, x.start, s1) >= 0 for w in SAME_STEP_WORDS):
            continue
        for m in ELIDED_STEP_RE.finditer(folded, x.start, s1):
            if same_only and not m[0].rstrip().endswith(SAME_STEP_WORDS):
                continue  # (a lift's or restore's: only the same step told, "…，第22号相关措施亦同")
            if not _read_apart(m[0], x, d.drafts) and not any(m.start() <= y.start < m.end() for y in d.drafts):
                # (a step read in the clause itself, "…第22号相关措施的暂停期限延长至…": no step elided)
                return f"its sentence names another notice's measures with a term and no step (\"{m[0][1:].strip()}\"){LEFT_OUT}"
    return None


ELIDED_NUMBER_RE = lazy_compile(r"(\d{1,4})\s*号")
# "停止实施…第21号相关措施，第22号相关措施亦同": the same lift elided (No. 22's missed, silently; clauses44)
SAME_STEP_KINDS = (ActionKind.LIFT, ActionKind.RESTORE)
SAME_STEP_WORDS = ("亦同", "亦然", "同样如此", "也是如此")


def _read_apart(clause: str, x: act.ActionDraft, drafts: list[act.ActionDraft]) -> bool:
    """Whether the notice ``clause`` names (ELIDED_STEP_RE's match) has a step of its own from the verb of ``x``
    (``actions.apart.per_notice``: the clause read as that notice's term, end or same step)."""
    numbers = ELIDED_NUMBER_RE.findall(clause)
    if not numbers:
        return False
    tail = f"-{int(numbers[-1])}"
    split = [y for y in drafts if y.start == x.start and y.action is x.action]  # the verb's steps: one per notice if split
    return len(split) > 1 and all(len(y.targets) == 1 for y in split) \
        and any((y.targets[0].key or "").endswith(tail) for y in split)


# "…第21号相关措施1年，第22号相关措施6个月后恢复实施": a notice by its bare number before a step's verb in its clause, which no
# reference reads (no issuer, no year): the step took a notice of another clause (No. 21 restored on 12-10, a false
# 'Restored', and No. 22's restore missed, silently; clauses44).
BARE_NUMBER_RE = lazy_compile(r"(?<![年告令)\]\d\s])第\s*\d{1,4}\s*号")  # (not "公告2026年第60号": a number written whole)
BARE_NUMBER_KINDS = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)


def unread_bare_notice(src: Source, d: Draft) -> str | None:
    """A step whose clause names a notice by a bare number before its verb that no reference read, the step's notices
    all named outside that clause: which notice the step is on is not read; left out, for a person."""
    folded = src.folded
    for x in d.drafts:
        if x.action not in BARE_NUMBER_KINDS or not x.targets:
            continue
        c0 = max(folded.rfind(",", 0, x.start), folded.rfind(";", 0, x.start), folded.rfind("。", 0, x.start),
                 folded.rfind("\n", 0, x.start)) + 1
        if folded.find("号", c0, x.start) < 0:
            continue  # (nearly every step)
        if any(c0 <= s < x.start for s, _, _ in d.refs):
            continue  # a notice read in the clause: the step's
        m = BARE_NUMBER_RE.search(folded, c0, x.start)
        if m is not None:
            return f"its clause names \"{src.text[m.start() : m.end()]}\", a notice no reference reads{LEFT_OUT}"
    return None



# "…第21号相关措施暂停至2027年6月30日，第22号相关措施停止实施" / "继续暂停实施…第21号相关措施1年，停止实施22号公告相关措施": a
# clause after a step naming a notice by a bare number no reference reads (no issuer, no year), with a verb of its own:
# the step was dropped (No. 22's lift missed, silently) or took the notice of the clause before (a false lift of No. 21)
# (session 48, review54). Which notice it acts on is not read: left out, for a person.
NUMBERED_BARE_RE = lazy_compile(r"(?<![年告令)\]\d\s第〕】…])(?:第\s*)?\d{1,4}\s*号")
# a verb of change ("…第22号相关措施继续实施": the notice kept as it is, no step)
NUMBERED_CHANGE_RE = lazy_compile(r"停止|终止|取消|解除|恢复|暂停|延长|废止|不再")


def unread_numbered_clause(src: Source, d: Draft) -> str | None:
    """A clause of a step's sentence naming a notice by a bare number outside every reference, with a verb that either
    read no step or read one on the notices of another clause: left out, for a person."""
    folded = src.folded
    for s0, s1 in _step_sentences(folded, d):
        if folded.find("号", s0, s1) < 0:
            continue  # (nearly every step)
        for c0, c1 in _clauses(folded, s0, s1):
            if folded.find("号", c0, c1) >= 0 and not any(c0 <= r0 < c1 or r0 < c0 < r1 for r0, r1, _ in d.refs):
                m = NUMBERED_BARE_RE.search(folded, c0, c1)
                tail = f"-{int(re.sub(r'[^0-9]', '', m[0]))}" if m is not None else ""
                if m is not None and not any((t.key or "").endswith(tail) for y in d.drafts for t in y.targets):
                    # (a step read on that number, "…1年，第22号相关措施暂停至2027年6月底": actions.apart's, read)
                    own = [y for y in d.drafts if c0 <= y.start < c1]
                    if any(y.targets for y in own) or not own and act.VERB_RE.search(folded, c0, c1) is not None \
                            and NUMBERED_CHANGE_RE.search(folded, c0, c1) is not None:
                        return (f"its clause names \"{src.text[m.start() : m.end()]}\", a notice no reference reads, beside "
                                f"a step of its own{LEFT_OUT}")
    return None


def _step_sentences(folded: str, d: Draft) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence holding a step on notices a reference names (BARE_NUMBER_KINDS), once."""
    seen: set[int] = set()
    for x in d.drafts:
        if x.action not in BARE_NUMBER_KINDS or not x.targets:
            continue
        s0 = sentence_start(folded, x.start)
        if s0 not in seen:
            seen.add(s0)
            yield s0, act.sentence_end(folded, x.start)


def _clauses(folded: str, s0: int, s1: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of ``folded[s0:s1]``, parted by "," and ";" (folded)."""
    c0 = s0
    while c0 < s1:
        c1 = min([p for p in (folded.find(",", c0, s1), folded.find(";", c0, s1)) if p >= 0] or [s1])
        yield c0, c1
        c0 = c1 + 1


def _clause_stop(folded: str, c0: int, s1: int) -> int:
    """Where the clause from ``c0`` ends: the first "," or ";" (folded) of ``folded[c0:s1]``, else ``s1`` (the end of
    the first of ``_clauses``; asked by checks reaching a clause seldom)."""
    return next(_clauses(folded, c0, s1), (c0, s1))[1]


# "继续暂停实施商务部 海关总署公告2025年第5-58号相关措施1年", "第58号至第55号", "〔2025〕1-40号": a range of notice numbers wider than
# ``number.RANGE_MAX`` or written backwards, which ``number.more_numbers`` reads as its two ends alone (Nos. 5 and 58 extended, the
# notices between missed or never meant, silently; session 49, range49, review54's open question). Which notices it names is for
# a person, where a step acts on them; "第55-58号", "第55号至第58号" stay read. Asked only of a reference's span that gave
# several notices and holds a range's joiner (few spans).
ODD_RANGE_RE = lazy_compile(rf"(?<!\d)(?P<a>{NUM})\s*(?:号\s*(?:公告\s*|))?(?:至|[{RANGE_DASHES}]{{1,2}})\s*(?:公告\s*|)(?:第\s*|)"
                            rf"(?P<b>{NUM})\s*号")


def odd_ranges(folded: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The ranges in ``folded[start:end]`` (a reference's span) whose end is not after their start or more than RANGE_MAX
    after it."""
    for m in ODD_RANGE_RE.finditer(folded, start, end):
        a, b = to_int(m.group("a")), to_int(m.group("b"))
        if a is not None and b is not None and not 0 < b - a <= RANGE_MAX:
            yield m


def unread_range(src: Source, d: Draft) -> str | None:
    """A step on a notice a reference read from a range of numbers wider than RANGE_MAX or written backwards: which notices
    it acts on is not read; left out, for a person."""
    if len(d.refs) < 2:
        return None  # (nearly every text: a span that gave several notices is two references or more)
    folded = src.folded
    spans: dict[tuple[int, int], set[str]] = {}
    for r0, r1, ref in d.refs:
        spans.setdefault((r0, r1), set()).add(ref.key or "")
    targets = {t.key for x in d.drafts for t in x.targets if t.key}
    for (r0, r1), keys in spans.items():
        if len(keys) < 2 or not keys & targets or folded.find("至", r0, r1) < 0 and not any(c in folded[r0:r1] for c in RANGE_DASHES):
            continue  # (nearly every span)
        for m in odd_ranges(folded, r0, r1):
            at = m.start() - 1 if folded[m.start() - 1 : m.start()] == "第" else m.start()
            return f"a step on a range of notices \"{src.text[at : m.end()]}\" wider than {RANGE_MAX} or written backwards{LEFT_OUT}"
    return None


# "停止实施商务部公告2025年第21号中对其他3家实体的相关措施", "…第21号中对3家实体的…", "…第21号对其余13家实体的…": a step on some of
# a notice's entities, counted and not named, right after the notice: read as a step on all of No. 21, the others falsely
# lifted, silently (session 49, review55's probe; "…对其中3家实体的…" was held already). Which entities is for a person.
# ("…第21号所列16家美国实体", "…第21号对16家美国实体的…" may be the whole: no 中 and no word of the others, read as before)
# Also "…第21号中对其他3个实体的…", "…第21号中对剩下3家…" and "…第21号所列部分实体的…" (session 50, review59: each a lift of all 16,
# silently: 个 and 剩下 were no words of it, and "部分" (some) has no count).
# Also "…第21号有关3家实体的…", "…第21号涉及的5家实体的…" (session 51, resp51, review59/14: a lift of all 16; "暂停实施…第21号有关2个
# 实体的相关措施1年" suspended all 16 for a year, a 'Suspended' item and no problem, silently); "有关16家" may be the whole: held
# too, a person tells (the parser knows no other notice's count).
# Also "…第21号所涉两家美国实体的…", "…第21号所涉及的2家实体…" (session 51, review60: a lift of all 16, silently: 所涉 no word of it).
COUNTED_SUBSET_RE = lazy_compile(rf"\s*(?:中\s*(?:对|所列)?\s*(?:其他|其余|其它|剩余|余下|剩下)?|(?:对|所列)?\s*(?:其他|其余|其它|剩余|余下|剩下)"
                                 rf"|(?:有关|所涉及|所涉|涉及)\s*(?:的\s*)?(?:其他|其余|其它|剩余|余下|剩下)?)"
                                 rf"\s*(?:的\s*)?(?P<n>{NUM})\s*[家个]"
                                 r"|\s*(?:中\s*)?(?:对|所列|涉及)?\s*(?:的\s*)?部分\s*(?:实体|企业|机构)")
# the words every COUNTED_SUBSET_RE match ends with (the check asks only a text holding one of them near a reference)
COUNTED_SUBSET_WORDS = ("家", "个", "部分")
SUBSET_STEPS = (ActionKind.LIFT, ActionKind.RESTORE, ActionKind.SUSPEND, ActionKind.EXTEND)


def unread_counted_subset(src: Source, d: Draft) -> str | None:
    """A step on a whole notice whose reference is followed by "(中)对(其他)N家…": left out, for a person. (No generator
    over the text's words: a generator made the text and the reference's end cells, made at every call; perf51.)"""
    if not d.refs:
        return None  # (most texts)
    folded = src.folded
    if not holds_any(folded, COUNTED_SUBSET_MARKS):
        return None
    keys = {t.key for x in d.drafts if x.action in SUBSET_STEPS for t in x.targets if t.key}
    if not keys:
        return None
    for r0, r1, ref in d.refs:
        if ref.key not in keys or not _subset_word_in(folded[r1 : r1 + 12]):
            continue  # (nearly every reference)
        m = COUNTED_SUBSET_RE.match(folded, r1)
        if m is not None and (_limited_uncounted(folded, d) or NAMED_IN_OBJECT_RE.search(folded) is not None):
            # "一、对A（a）恢复实施…；二、对…第21号所列其余14家实体，继续暂停…": the others of those the text names (parse26);
            # "关于停止执行…第21号中对2家美国实体相关措施的公告" over a body naming the two (story40)
            continue
        if m is not None:
            return f"a step on \"{src.text[r0 : m.end()].strip()}\" entities of the notice it does not name{LEFT_OUT}"
    return None


COUNTED_SUBSET_MARKS = marked(COUNTED_SUBSET_WORDS)


def _subset_word_in(text: str) -> bool:
    """Whether ``text`` holds a word of COUNTED_SUBSET_WORDS."""
    for w in COUNTED_SUBSET_WORDS:
        if w in text:
            return True
    return False


def _limited_uncounted(folded: str, d: Draft) -> bool:
    """Whether a step of ``d`` is limited to entities (``on_entities``) whose words hold no word of COUNTED_SUBSET_WORDS."""
    for x in d.drafts:
        if x.on_entities is not None and not _subset_word_in(folded[x.on_entities[0] : x.on_entities[1]]):
            return True
    return False


# "…公告2025年第55号到第58号", "第55号到58号", "第55号直至第58号", "第55号至2026年第3号": a second number right after a reference,
# joined by a range's word no reference reads so: the step read on the first alone, the notices after it missed, silently
# (session 49, review55's probe of range49's ranges). Which notices it names is for a person. Asked only where 到 or 至
# stands right after a reference.
RANGE_AFTER_REF_RE = lazy_compile(rf"\s*(?:直至|直到|到|至)\s*(?:\d{{4}}\s*年\s*)?(?:第\s*)?{NUM}\s*号")


def unread_range_end(src: Source, d: Draft) -> str | None:
    """A step's notice followed by "到/至 <number>号" that no reference reads: left out, for a person."""
    if not d.refs:
        return None  # (most texts)
    folded = src.folded
    targets: set[str] | None = None  # (built for the first reference a range's word follows: few texts)
    for r0, r1, ref in d.refs:
        after = folded[r1 : r1 + 4]
        if "到" not in after and "至" not in after:
            continue  # (nearly every reference)
        if targets is None:
            targets = {t.key for x in d.drafts for t in x.targets if t.key}
        if ref.key not in targets:
            continue
        m = RANGE_AFTER_REF_RE.match(folded, r1)
        if m is not None and not any(r1 <= s < m.end() for s, _, _ in d.refs):
            return f"a step on notices \"{src.text[r0 : m.end()].strip()}\", a range no reference reads{LEFT_OUT}"
    return None


# "继续暂停实施…第21号相关措施1年，停止实施另一公告相关措施", "…第21号相关措施暂停至2027年6月30日，其他相关措施停止实施", "…，上述公告
# 其余措施停止实施", "…；停止实施有关公告相关措施": a clause of a numbered step's sentence with a verb of change on "another", "the
# other" or "the rest of the" notices or measures, naming no notice: its step took the notice of the clause before (a false
# lift of No. 21) or was dropped (a lift missed, silently) (session 49, range49; review54's t/u03-u05). Which notice or
# which measures is not read: left out, for a person. Asked only of a sentence holding one of VAGUE_WORDS.
# "剩余措施", "余下措施", "其他所有措施", "其余各项措施", "其他全部公告…", "另外两份公告的…", "其他出口管制措施" (session 49, review55's
# probe: each read as a lift of No. 21 beside its extension, silently): the words a count, a whole or the measures' kind may
# put between.
VAGUE_WORDS = ("另一", "另外", "其他", "其它", "其余", "剩余", "余下", "剩下", "有关公告")
VAGUE_OBJECT_RE = lazy_compile(r"(?:另一|另外|其他|其它|其余|剩余|余下|剩下)\s*(?:的\s*|)"
                               r"(?:(?:所有|全部|一切|各|[一二两三四五六七八九十几多\d]{1,2})\s*)?(?:(?:份|项|些|个)\s*)?"
                               r"(?:的\s*|)(?:出口管制\s*|管控\s*|反制\s*|有关\s*|相关\s*|)(?:公告|措施)"
                               r"|(?<![上前述该])有关公告")
VAGUE_MARKED = marked(VAGUE_WORDS)  # (a text holding none of them, nearly every text, is not walked)


def unread_vague_clause(src: Source, d: Draft) -> str | None:
    """A clause of a step's sentence, outside every reference, with a verb of change on other notices or measures it does
    not name (VAGUE_OBJECT_RE), beside a clause of the sentence naming a notice: left out, for a person."""
    folded = src.folded
    if not d.refs or not holds_any(folded, VAGUE_MARKED):
        return None  # (nearly every text: no clause names a notice, or no sentence holds a word of VAGUE_WORDS)
    for s0, s1 in _step_sentences(folded, d):
        if not any(folded.find(w, s0, s1) >= 0 for w in VAGUE_WORDS):
            continue  # (nearly every step)
        named = [(r0, r1) for r0, r1, _ in d.refs if s0 <= r0 < s1]
        for c0, c1 in _clauses(folded, s0, s1) if named else ():
            m = VAGUE_OBJECT_RE.search(folded, c0, c1)
            if m is not None and not any(c0 <= r0 < c1 or r0 < c0 < r1 for r0, r1 in named) \
                    and NUMBERED_CHANGE_RE.search(folded, c0, c1) is not None and act.VERB_RE.search(folded, c0, c1) is not None:
                return f"its clause acts on \"{src.text[m.start() : m.end()]}\", notices or measures it does not name{LEFT_OUT}"
    return None


# "商务部公告2025年第70号规定，暂停实施…第55号相关措施至2026年11月10日；商务部公告2025年第72号规定，暂停实施…第46号第二款至
# 2026年11月27日。上述暂停期限届满后，…第55号按期恢复实施": a restore at the end of a suspension told before, dated by the last
# end told (No. 46's, 11-27), where the clause telling its own notice's suspension gives another (11-10): No. 55 back 17 days
# late, silently (session 49, review55's probe of blind49/12). Which end is its own is for a person where the end read is
# told of other notices only. Asked only of a restore dated by an end told before (``ActionDraft.after_end``).
def unread_end_of_other(src: Source, d: Draft) -> str | None:
    """A restore dated by the end of a suspension told before (``after_end``), told in a clause naming only other notices,
    where a clause before it naming the restore's own notice tells another end: left out, for a person."""
    if not d.refs:
        return None  # (most texts: no end told of a notice named)
    folded = src.folded
    for x in d.drafts:
        if x.action is not ActionKind.RESTORE or x.after_end is None or not x.targets:
            continue  # (nearly every step)
        keys = {t.key for t in x.targets if t.key}
        s0 = sentence_start(folded, x.start)
        own_ends: set[date] = set()
        chosen: tuple[int, int] | None = None
        for r0, r1, ref in d.refs:
            if r1 > s0 or ref.key not in keys:
                continue
            c1 = min(_clause_stop(folded, r1, s0), act.sentence_end(folded, r1))
            day = UNTIL_RE.search(folded, r1, c1) or END_DAY_RE.search(folded, r1, c1)
            if day is not None and (told := parse_cn_date(day.group("date"))) is not None:
                own_ends.add(told)
        if not own_ends or x.after_end in own_ends:
            continue
        for m in UNTIL_RE.finditer(folded, 0, s0):
            if parse_cn_date(m.group("date")) == x.after_end:
                chosen = (max(sentence_start(folded, m.start()), folded.rfind(";", 0, m.start()) + 1,
                              folded.rfind(",", 0, m.start()) + 1), m.start())
        if chosen is not None and not any(chosen[0] <= r0 < chosen[1] and ref.key in keys for r0, _, ref in d.refs) \
                and any(chosen[0] <= r0 < chosen[1] and ref.key for r0, _, ref in d.refs):
            return (f"a restore at the end of a suspension told before reads the end {x.after_end.isoformat()} of other "
                    f"notices, where its own notice's is told as {min(own_ends).isoformat()}{LEFT_OUT}")
    return None


# After a step's object, a clause naming a notice's measures that no step of its own reads, or that says its step is the
# same as the one before (review49, review48's cases for clauses44): "…第21号相关措施1年，商务部公告2025年第22号相关措施同" /
# "…为期半年" read as one step on both (No. 21's year lost or No. 21 lapsing six months early), "…，第22号相关措施同样暂停"
# No. 22 suspended with no end, "…，第22号相关措施至2027年6月9日止" / "…也一样" / "；第22号相关措施暂停半年" / "…，对第22号相关
# 措施亦作相同处理" No. 22 missed, silently. ``actions.apart`` reads the plain forms as a step per notice (``_read_apart``).
NOTICE_CLAUSE_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)
# (or "…7号相关措施照此办理": qa47, both read with no end, suspended for good, silently; not "参照…执行", a procedure followed)
SAME_AS_BEFORE = ("同样", "相同", "一样", "同为", "照此", "同理")
# a notice's clause names its measures however it words them, or the notice alone told the same: "…第22号有关措施同",
# "…第22号公告措施也一样", "…第22号公告同", "…第22号有关措施不予暂停，暂停期限为1年" were read wrong or missed No. 22,
# silently (review50); "…，商务部公告2024年第46号第二款自…起恢复实施" (a clause of an item control) is no such clause
MEASURES = "措施"


def unread_notice_clause(src: Source, d: Draft) -> str | None:
    """A step's sentence going on, after the step's object, to a clause naming a notice's measures with a term or an end
    and no step read in it, or told "the same" as the step before: whose term or end that notice has is not read; left
    out, for a person."""
    folded = src.folded
    for x in d.drafts:
        if x.action not in NOTICE_CLAUSE_STEPS or not x.targets:
            continue
        s1 = x.sentence[1] if x.sentence else act.sentence_end(folded, x.start)
        if folded.find("号", x.start, s1) < 0 or folded.find(MEASURES, x.start, s1) < 0 and folded.find("公告", x.start, s1) < 0:
            continue  # (nearly every step)
        mark = MARK_OUTSIDE_BRACKET_RE.search(folded, x.start, s1)
        # "暂停实施A相关措施，B相关措施维持不变（不予暂停），暂停期限为1年": A read with no end (suspended for good), silently
        endless = x.action in ENDS_APART_STEPS and x.until is None and x.extends_by is None
        kept_before = False  # a notice clause with no step passed
        while mark is not None:
            nxt = MARK_OUTSIDE_BRACKET_RE.search(folded, mark.end(), s1)
            c0, c1 = mark.end(), nxt.start() if nxt is not None else s1
            clause = folded[c0:c1]
            same = "号" in clause and (clause.rstrip().endswith("同") or any(w in clause for w in SAME_AS_BEFORE))
            if same and LIKEWISE in clause and _read_apart(clause, x, d.drafts) \
                    and act.VERB_RE.search(folded, sentence_start(folded, x.start), x.start) is not None:
                # "停止实施A相关措施，继续暂停实施B相关措施1年，C相关措施照此办理": read only after one step (the lead's decision,
                # session 48); after two, which is not read (a step whose notice no ref read counts too)
                return f"its sentence names a notice's measures told likewise after two steps (\"{src.text[c0:c1].strip()[:60]}\"){LEFT_OUT}"
            if "号" in clause and (MEASURES in clause or same and "公告" in clause) and not _read_apart(clause, x, d.drafts):
                own = any(c0 <= y.start < c1 for y in d.drafts)
                # (no step and nothing of one told, "…7号相关措施维持不变", "…不予暂停", "…继续实施": the notice kept as it is)
                if same or not own and _told(folded, c0, c1):
                    return f"its sentence names a notice's measures no step reads (\"{src.text[c0:c1].strip()[:60]}\"){LEFT_OUT}"
                kept_before = kept_before or not own
            elif endless and kept_before and not any(c0 <= y.start < c1 for y in d.drafts) and _told(folded, c0, c1):
                return f"its sentence gives a term (\"{src.text[c0:c1].strip()[:60]}\") after another notice's clause{LEFT_OUT}"
            mark = nxt
        if folded.startswith("。", s1):
            # the next sentence naming a notice told "the same", no step of its own: "…第21号相关措施1年。不可靠实体清单工作机制
            # 公告〔2025〕7号相关措施亦同。" (qa47: 7号 missed, silently)
            n1 = act.sentence_end(folded, s1 + 1)
            after = folded[s1 + 1 : n1]
            if "号" in after and (after.rstrip().endswith("同") or any(w in after for w in SAME_AS_BEFORE)) \
                    and not any(s1 < y.start < n1 for y in d.drafts):
                return f"the sentence after its step names a notice told the same (\"{src.text[s1 + 1 : n1].strip()[:60]}\"){LEFT_OUT}"
    return None


def _told(folded: str, c0: int, c1: int) -> bool:
    """Whether the clause ``folded[c0:c1]`` tells a term or an end (a duration, "半年", a whole day, a month's end): asked
    of a clause ``unread_notice_clause`` would hold only when that is all it lacks (perf48: asked of every clause of
    every step's sentence, it cost ~3,700 instructions a page of bench/parse.py, where nearly no clause is such)."""
    clause = folded[c0:c1]
    return bool(_terms_in(folded, c0, c1)) or "半年" in clause or WHOLE_DAY_RE.search(folded, c0, c1) is not None \
        or ("底" in clause or "末" in clause) and MONTH_END_RE.search(folded, c0, c1) is not None


# Both MOFCOM and the working mechanism before a notice named by its day alone ("继续暂停实施商务部和不可靠实体清单工作机制2025年4月4日
# 发布的公告相关措施1年"): the day names a notice of each (and MOFCOM's of that day may be an item control's), one list read
# (qa47: the UEL's alone, No. 21 missed, silently). Which notices is for a person.
BOTH_ISSUERS_RE = lazy_compile(r"商务部\s*(?:和|及|与|、|以及)\s*不可靠实体清单工作机制|不可靠实体清单工作机制\s*(?:和|及|与|、|以及)\s*商务部")
BOTH_ISSUERS_REACH = 16  # "…工作机制于2025年4月4日发布的公告": the issuers this far before the day


def unread_issuers_of_dated_notice(src: Source, d: Draft) -> str | None:
    """A step's notice named by its day after both issuers (BOTH_ISSUERS_RE): left out, for a person."""
    if not d.drafts or not d.refs or not holds(src.folded, "工作机制"):  # (nearly every text)
        return None
    folded = src.folded
    acted = {(t.date, t.text) for x in d.drafts for t in x.targets if t.key is None}
    for start, _, ref in d.refs:
        if ref.key is None and ref.date is not None and ref.count is None and (ref.date, ref.text) in acted:
            m = BOTH_ISSUERS_RE.search(folded, max(0, start - BOTH_ISSUERS_REACH - 20), start)
            if m is not None and start - m.end() <= BOTH_ISSUERS_REACH:
                return f"names a notice by its day after both issuers (\"{src.text[m.start() : start + 12].strip()}\"): which notices is not read{LEFT_OUT}"
    return None


# A MOFCOM answer or press conference (its head names the spokesperson, the press conference or the press office) whose
# sentence says 决定 and names a notice by number with a step's word after the 决定, read as no step: "中方决定，商务部公告2025年
# 第21号相关措施暂停至2027年11月10日", "…的暂停期限由1年延长至2年", "…相关措施予以撤销", "…再次实施…" in a press conference (a
# neutral title: no title's change to hold it) were no notice, or an answer with no action (a quiet warning), the step lost
# silently (qa47). Refused for a person (``page.check_unread_mofcom_decision``, ``unread_decided_answer``).
MOFCOM_ANSWER_HEAD = ("商务部新闻发言人", "商务部召开", "商务部新闻办公室")
DECIDED_NUMBER_RE = lazy_compile(r"(?:公告|令)\s*(?:\d{4}\s*年\s*第\s*\d{1,4}\s*号|[〔\[(]\s*\d{4}\s*[〕\])]\s*第?\s*\d{1,4}\s*号)"
                                 r"|\d{4}\s*年\s*第\s*\d{1,4}\s*号\s*公告")
DECIDED_STEP_WORDS = ("暂停", "延长", "延期", "推迟", "暂缓", "撤销", "撤回", "恢复", "实施", "执行", "取消", "停止", "生效", "解除",
                      "移出", "废止", "终止")


# "商务部将视情决定是否撤销…" (a plan) and "2025年11月5日，商务部决定撤销…" (a decision told, its own notice says it) decide
# nothing now: they read as no step, as audit29 pinned, not held.
DECISION_TOLD_RE = lazy_compile(r"\s*(?:答\s*[：:])?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]")


def _decision_planned_or_told(before: str, after: str) -> bool:
    return after.startswith("决定是否") or "视情" in before or DECISION_TOLD_RE.match(before) is not None


def decided_on_number(text: str) -> str | None:
    """The first sentence of a MOFCOM answer (MOFCOM_ANSWER_HEAD in its head) saying 决定 with a step's word and a notice's
    number (DECIDED_NUMBER_RE) after it and no verb the rules read (``actions.VERB_RE``), else None."""
    at = find_word(text, "决定")
    if at < 0 or "号" not in text or not any(w in text[:3000] for w in MOFCOM_ANSWER_HEAD):  # (nearly every page)
        return None
    from ..textnorm import fold

    while at >= 0:
        s0 = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
        s1 = min([i for i in (text.find("。", at), text.find("\n", at), text.find("？", at)) if i >= 0] + [len(text)])
        after = text[at:s1]
        # (a verb the rules know is theirs to weigh: "中方从未决定…恢复实施…", "中方决定…恢复实施…？这是误读" are no step)
        if "号" in after and any(w in after for w in DECIDED_STEP_WORDS) \
                and DECIDED_NUMBER_RE.search(folded := fold(after)) is not None and act.VERB_RE.search(folded) is None \
                and not _decision_planned_or_told(text[s0:at], after):
            return text[s0:s1].strip()[:60]
        at = text.find("决定", s1)
    return None


# "商务部决定，不再恢复实施…第55号相关措施。", "…不恢复实施…", "…暂缓恢复实施…": a notice whose only verb on a notice it names is
# denied reads no step, and said nothing (session 49, review55's probe: what the measures are now is for a person; an answer
# so is held by ``unread_decided_answer``'s kin). Asked only of a notice that read no step and holds a denial's last character.
def unread_denied_step(src: Source, d: Draft) -> str | None:
    """A notice reading no step whose sentence naming a notice denies a verb of change (``tense.denied``): left out."""
    folded = src.folded
    if d.qa or d.drafts or not d.refs or not any(c in folded for c in "不缓"):
        return None  # (nearly every notice reads its step)
    for v in act.VERB_RE.finditer(folded):
        s0 = sentence_start(folded, v.start())
        if denied(folded, s0, v.start()) and any(s0 <= r0 < act.sentence_end(folded, v.start()) for r0, _, _ in d.refs):
            return f"its step on a notice it names is denied (\"{src.text[s0 : v.end()].strip()[:60]}\") and reads nothing{LEFT_OUT}"
    return None


def unread_decided_answer(src: Source, d: Draft) -> str | None:
    """An answer reading no step (nor one held apart) whose sentence decides on a notice it names (``decided_on_number``):
    left out, for a person."""
    if not d.qa or d.drafts:  # (nearly every answer reads its step)
        return None
    said = decided_on_number(src.text)
    return None if said is None else f"decides on a notice it names (\"{said}\") but reads no step{LEFT_OUT}"


# what follows a year, not a term: a notice's number, a month ("2025年第21号", "2025年4月4日")
YEAR_AFTER_RE = lazy_compile(r"\s*(?:第|[〔(]|\d|[一二三四五六七八九十]{1,2}\s*月)")


# a sentence telling the term of the step before it ("暂停期限为1年", "期限分别为6个月和1年", "上述措施暂停期限为…")
# (or of some of its entities: "。对甲公司和乙公司的暂停期限分别为6个月和1年。", suspended for good before, silently; review50)
NEXT_TERM_RE = lazy_compile(rf"\s*(?:其中\s*)?(?:对[^,;。\n]{{1,40}}?的\s*)?(?:上述\s*(?:相关\s*)?措施\s*(?:的\s*)?)?(?:暂停\s*)?期限\s*(?:分别|均|各)?\s*(?:为期|为|是|至)\s*"
                            rf"(?:{DURATION_RE.pattern}|半年|\d{{4}}\s*年)")


def unread_each_one_end(src: Source, d: Draft) -> str | None:
    """A suspension or extension on two notices or more read with one end, its sentence saying 分别 after the verb: "…第101号和
    第102号相关措施，暂停期限分别至2028年6月30日和12月31日" (the second day's year not written) was not read apart, both read to
    06-30, No. 102's half year lost, silently (session 48; "分别至2028年6月底和12月底" too, held before for naming two notices).
    Left out, for a person. Read with one term (``extends_by``), it is left out where a word joining two items follows the
    分别 in its clause: "…第21号和第22号相关措施的暂停期限分别延长6个月和年" (the second term's number missing) read 6 months for
    both, silently (session 49, the parser guard's mutation step48 noted); "分别延长1年" (each a year) is read. Asked after the
    checks naming the forms they know (a term in English words: ``unread_latin_term``)."""
    folded = src.folded
    if EACH not in folded:  # (nearly every text)
        return None
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS or x.until is None and x.extends_by is None \
                or len({t.key or t.text for t in x.targets}) < 2:
            continue
        s1 = x.sentence[1] if x.sentence else act.sentence_end(folded, x.start)
        at = folded.find(EACH, x.start, s1)
        if at < 0 and x.until is not None and folded.endswith(EACH, max(0, x.start - len(EACH)), x.start) \
                and UNTIL_RE.search(folded, x.start, s1) is not None:  # (an end told as a day: "分别暂停1年" is each a year)
            # "…第21号、第22号和第23号相关措施分别暂停至2027年5月31日和2027年11月30，…" (the second day cut): 分别 right before
            # the verb, one end read for all three, silently (session 50, fix60: the parser guard's mutation of its own test)
            return f"one step on {len(x.targets)} notices says {EACH} but reads one end for them{LEFT_OUT}"
        if at < 0:
            continue
        if x.until is not None:
            return f"one step on {len(x.targets)} notices says {EACH} but reads one end for them{LEFT_OUT}"
        clause = _clause_stop(folded, at, s1)
        if any(folded.find(w, at, clause) >= 0 for w in DAY_JOINERS):
            return f"one step on {len(x.targets)} notices says {EACH} but reads one term for them{LEFT_OUT}"
    return None


def unread_terms_apart(src: Source, d: Draft) -> str | None:
    """A suspension (or extension) on two notices or more, not split per notice (``actions.apart``), with two terms in its
    sentence, or a term after 其中 naming no notice: "…第21号和第22号相关措施，前者期限为6个月，后者期限为1年" (both read 6
    months: No. 22 lapsed six months early), "…相关措施，其中对美国某公司的相关措施暂停6个月" (the part's term read as both
    notices'; on one notice too), or a suspension read with no end whose term the next sentence tells ("…相关措施。暂停期限
    为1年。": suspended for good), silently (probe44). Whose term is which is not read: left out, for a person. Asked after the checks naming
    the forms they know (``unread_ends_apart``, ``unread_elided_step``, ``unread_bare_notice``)."""
    folded = src.folded
    for x in d.drafts:
        if x.action not in ENDS_APART_STEPS:
            continue
        stop = min([i for i in (folded.find("。", x.start), folded.find("\n", x.start), folded.find(";", x.start))
                    if i >= 0] + [y.start for y in d.drafts if y.start > x.start and y.action in ENDS_APART_STEPS]
                   + [len(folded)])
        if x.until is None and x.extends_by is None:
            # "暂停实施…相关措施。暂停期限（分别）为6个月和1年。": the term in the next sentence, the step read with no end (for
            # good: no lapse presumed), silently (probe44)
            # (or after a "；": "…相关措施；暂停期限为6个月。", review50)
            if x.action is ActionKind.SUSPEND and folded[stop : stop + 1] in ("。", ";") \
                    and (m := NEXT_TERM_RE.match(folded, stop + 1)) is not None:
                return f"a suspension's term is told in the sentence after it (\"{m[0]}\"){LEFT_OUT}"
            continue
        notices = len({t.key or t.text for t in x.targets})
        c0 = max(folded.rfind(",", sentence_start(folded, x.start), x.start), folded.rfind(";", sentence_start(folded, x.start),
                                                                                            x.start)) + 1 or x.start
        if notices > 1 and len(terms := _terms_in(folded, x.start, stop, years_out=True)) > 1:
            return f"one step on {notices} notices gives them two terms (\"{'、'.join(sorted(terms))}\"){LEFT_OUT}"
        if notices > 1 and terms and folded.find(EACH, x.start, stop) >= 0 \
                and (WHOLE_DAY_RE.search(folded, x.start, stop) or MONTH_END_RE.search(folded, x.start, stop)):
            # "…第102号和第103号相关措施，暂停期限分别为1年和至2028年6月30日": both read to the day, No. 102's year lost (session 48)
            return f"one step on {notices} notices gives them a term and an end (\"{'、'.join(sorted(terms))}\"){LEFT_OUT}"
        among_at = folded.find("其中", c0, stop)
        if among_at >= 0 and AMONG_NOTICE_RE.match(folded, among_at) is None and _terms_in(folded, among_at, stop, years_out=True):
            # "…相关措施，其中对甲公司的暂停期限为6个月": the part's term read as the whole notice's (probe44)
            return f"a step gives a part of its measures (其中) a term of its own: whose is not read{LEFT_OUT}"
    return None


DAY_JOINERS = ("和", "、", "及", "与")
DAY_BEFORE_JOINER_RE = lazy_compile(r"月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*[和、及与]$")


def _terms_in(folded: str, start: int, stop: int, years_out: bool = False) -> set[str]:
    """The terms (DURATION_RE) written in ``folded[start:stop]``, not a date's parts ("2027年", "1月1日", "公告2025年第21号");
    with ``years_out`` not a year written otherwise either ("二〇二五年", "2025 年4月4日": a term before 第, a month or 〇)."""
    return {"".join(m[0].split()) for m in DURATION_RE.finditer(folded, start, stop)
            if not (len(m["n"]) == 4 and m["n"].isdigit()) and not folded[m.start() - 1 : m.start()].isdigit()
            and folded[m.start() - 1 : m.start()] != "月"  # ("1月1日": no term)
            # ("4月4日和9日公告": the second day of a date, no term: session 48, qa47's open B, held as "two terms (1年、9日)")
            and not (m["unit"] == "日" and folded[m.start() - 1 : m.start()] in DAY_JOINERS
                     and DAY_BEFORE_JOINER_RE.search(folded, max(0, m.start() - 8), m.start()) is not None)
            and not (years_out and (folded[m.start() - 1 : m.start()] in ("〇", "零", "○")
                                    or YEAR_AFTER_RE.match(folded, m.end()) is not None))}


def unread_removal(src: Source, d: Draft) -> str | None:
    """A numbered notice removing entities of an earlier notice that it names in an annex ("…第21号所列2家美国实体（见附件）
    移出…", the annex cut off or given only as a file), none of them read: a removal with no entities is the whole
    notice's, so it would take all of that notice's entities off the list (session 23, parse23). Left out, for review."""
    if d.qa or d.entities or not any(a.action is ActionKind.REMOVE and a.targets and not a.entities for a in d.actions):
        return None  # (a removal of annex lines by number names them: "第3项")
    for x in d.drafts:
        if x.action is ActionKind.REMOVE and x.targets:
            m = SOME_NAMED_RE.search(src.folded, sentence_start(src.folded, x.start), x.start)
            if m is not None:
                return f"removal of entities of {x.targets[0].key or x.targets[0].text} named by \"{m.group(0)}\", none read{LEFT_OUT}"
    return None



# "将…第101号所列北风推进公司（…）由出口管制管控名单调至关注名单，将南岭光学公司（…）移出出口管制管控名单" (or "；将该公告所列…"): a
# move beside another step on the lists, none of them on names of its own: one removal of the names read and the move's
# listing on the notice's entities (南岭光学 put on the watch list, falsely; with "，" its removal missed, silently; review54).
# Which names each step takes is not read: left out, for a person.
MOVE_KINDS = (ActionKind.REMOVE, ActionKind.IMPOSE)


def unread_move_beside_step(src: Source, d: Draft) -> str | None:
    """A notice moving entities between lists (调至, 调入, 转入, 移至) beside another step on a list, no step naming its own
    entities: which entities each step takes is not read; left out, for a person."""
    if d.qa or len(d.drafts) < 3:
        return None
    folded = src.folded
    listed = [x for x in d.drafts if x.action in MOVE_KINDS]
    moves = [x for x in listed if x.action is ActionKind.IMPOSE and folded.startswith(MOVED_TO, x.start)]
    if not moves or len(listed) < 3 or any(getattr(x, "on_entities", None) is not None for x in listed):
        return None
    move = moves[0]
    # (after the move, on its line: numbered items "一、将A列入…\n二、将B从…移至…" are read item by item)
    other = next((x for x in listed if x.start > move.start and folded.find("\n", move.start, x.start) < 0), None)
    if other is None:
        return None
    return (f"a move to another list beside another step on the lists (\"{src.text[other.start : other.start + 12].splitlines()[0]}…\"): "
            f"which entities each takes is not read{LEFT_OUT}")


_ITEM_KINDS = (ActionKind.LIFT, ActionKind.RESTORE, ActionKind.SUSPEND, ActionKind.EXTEND)
# "暂停实施…〔2026〕4号所列处理措施中的第二项（禁止…新增投资）": a step on one measure of a listing, the others kept; the
# listing holds no state per measure, so it read as the whole notice suspended (session 25, parse25: a false "suspended"
# for entities still under the import and export ban). An item control's clause ("第46号第二款") is no such measure.
PART_MEASURE_RE = lazy_compile(r"措施\s*中\s*的\s*第\s*[一二三四五六七八九十\d]{1,3}\s*项|第\s*[一二三四五六七八九十\d]{1,3}\s*项\s*"
                                r"(?:处理|管控|出口管制)?\s*措施")
# "暂停实施商务部公告2026年第23号第一项中“禁止境外组织和个人将…转移或提供给上述实体”的规定": a provision inside one measure of
# a listing, its notice naming no list (session 37, audit37/26: read as a suspension of the whole listing, 10 entities falsely
# "suspended" while the export ban stayed).
PART_OF_ITEM_RE = lazy_compile(r"号\s*第\s*[一二三四五六七八九十\d]{1,3}\s*项\s*中")


def unread_part_of_measures(src: Source, d: Draft) -> str | None:
    """A suspension, extension, lift or restore of some of a listing's measures only (PART_MEASURE_RE, or the others
    said kept as they are, OTHER_MEASURES_KEPT_RE): left out for a person to read, as the state of the whole listing
    would change."""
    folded = src.folded
    others = None
    for x in d.drafts:  # (most texts: no step on a listing's notice; no scan at all)
        if x.action not in _ITEM_KINDS or not x.targets:
            continue
        s0, s1 = sentence_start(folded, x.start), act.sentence_end(folded, x.start)
        if "项" in x.text:
            m = (PART_MEASURE_RE if x.list is not None else PART_OF_ITEM_RE).search(folded, s0, s1)
            if m is not None:
                return f"{x.action.value} of \"{src.text[m.start():m.end()]}\" of a listing's measures only{LEFT_OUT}"
        if others is None:  # (once a text: most texts hold none of the words)
            others = holds_any(folded, OTHER_MEASURES_MARKS)
        if others:
            m = OTHER_MEASURES_KEPT_RE.search(folded, s0, _next_sentence_end(folded, s1))
            if m is not None:
                return f"{x.action.value} of some of a listing's measures, \"{src.text[m.start():m.end()]}\"{LEFT_OUT}"
    return None


# "暂停实施…〔2025〕9号对所列3家实体采取的“禁止从事与中国有关的进出口活动”处理措施，…。该公告采取的禁止…新增投资…等其他处理
# 措施继续实施", "恢复实施…7号中禁止…进出口活动的处理措施；该公告采取的其他处理措施继续暂停实施", "…暂停实施“…不得申请通用许可”
# 的管理措施…。…第12号规定的其他管理措施继续适用": a step on one of a listing's measures named by what it bars, the others kept
# as they are, in its sentence or the next (session 45, audit45/16, 17, 27: each read as the whole listing suspended or
# restored, a false state for the measures kept). Not "其他公告…措施", "其他实体的措施" (another notice, other entities).
OTHER_MEASURES = ("其他", "其它", "其余")
OTHER_MEASURES_MARKS = marked(OTHER_MEASURES)
# ("…其他各项处理措施不受影响": a few words between, none naming other notices, entities, persons, counts or lists; audit45's probe 1)
OTHER_MEASURES_KEPT_RE = lazy_compile(r"(?:其他|其它|其余)(?:(?!公告|号|实体|企业|公司|集团|机构|单位|人|家|名单|清单)[^。;,\n]){0,8}?措施\s*(?:均|仍|仍然|依然)?\s*"
                                      r"(?:继续|照常|不变|保持不变|不受影响)")


# "对…所列16家美国实体中的3家停止实施相关措施，名单见附件", "…中的其中2家，即甲公司、乙公司，恢复…": a step on some of a notice's
# entities, counted (session 37, audit37's probes: read for the whole notice, its others falsely lifted or restored, silently,
# where the names were not written or not read). Left out for a person unless the step is limited to as many names as the
# count, or a target counts as many ("对2025年4月4日被列入…的28家美国实体中的16家": the 16 listed that day).
SUBSET_COUNT_RE = lazy_compile(rf"(?:中的|其中)\s*(?:的\s*)?(?P<n>{NUM})\s*[家名个]")


def unread_subset(src: Source, d: Draft) -> str | None:
    """A step on earlier notices whose object counts some of their entities ("…中的3家") but names other than that many."""
    folded = src.folded
    for x in d.drafts:
        if x.action not in _ITEM_KINDS or not x.targets:
            continue
        s0 = max(sentence_start(folded, x.start), folded.rfind(";", 0, x.start) + 1, folded.rfind("；", 0, x.start) + 1)
        if folded.find("中", s0, x.start) < 0:  # (most steps: no search; a clause after "；" is its own)
            continue
        m = SUBSET_COUNT_RE.search(folded, s0, x.start)
        n = to_int(m.group("n")) if m is not None else None
        if m is None or not n or any(t.count == n for t in x.targets) or folded.find("项", m.end(), x.start) >= 0:
            continue  # (annex items by number, "即该公告附件第2项、第5项…所列实体": read and checked as items)
        limited = limited_to(src, d, x.on_entities) if x.on_entities is not None else None
        if limited is None or len(limited) != n:
            return f"{x.action.value} of \"{src.text[m.start():m.end()]}\" of an earlier notice's entities, not named as counted{LEFT_OUT}"
    return None


# "该公告正文及附件标题中的“出口管制管控名单”有误，应为“出口管制关注名单”；该公告所列3家实体应列入出口管制关注名单": a correction
# moving a notice's entities to another list; "…第33号附件…遗漏1家日本实体，现予补列：5. X（x）": an entity added to an earlier
# annex. Neither is read (no rename, no step): the earlier listing stood as stored, the list wrong or the entity missing,
# silently (session 45, audit45/30, 10). For a person to read.
CORRECTED_LIST_RE = lazy_compile(rf"“(?:出口管制)?(?:{LIST_ALT}|管控名单)”[^“”。;\n]{{0,10}}?(?:应为|更正为|修改为)\s*"
                                 rf"“(?:出口管制)?(?:{LIST_ALT}|管控名单)”")
CORRECTED_WORDS = ("应为", "更正为", "修改为")
ADDED_TO_ANNEX = ("补列", "补充列入")
CORRECTED_MARKS = marked(CORRECTED_WORDS)


def unread_list_correction(src: Source, d: Draft) -> str | None:
    """A correction of the list a notice names (CORRECTED_LIST_RE), or an entity added to an earlier annex (ADDED_TO_ANNEX)
    with no listing read: left out for review."""
    folded = src.folded
    if "“" in folded and holds_any(folded, CORRECTED_MARKS):
        m = CORRECTED_LIST_RE.search(folded)
        if m is not None:
            return f"a correction of the list a notice names (\"{src.text[m.start():m.end()]}\") is not read{LEFT_OUT}"
    for word in ADDED_TO_ANNEX:
        at = find_word(folded, word)
        if at >= 0 and not _imposes(d.drafts) and folded.find("附件", 0, at) >= 0:
            return f"an entity added to an earlier notice's annex (\"{word}\") is not read{LEFT_OUT}"
    return None


# "工作机制决定终止调查，不将该企业列入不可靠实体清单": an investigation ended with no listing. No step reads it (the engine
# holds no end of an investigation), so the entity would show under investigation for good: for a person to read
# (session 25, parse25: before, the negated 列入 read as a listing of nobody).
INVESTIGATION_ENDED_RE = lazy_compile(r"(?:终止|结束)[^。；;\n]{0,16}?调查")


def unread_investigation_end(src: Source, d: Draft) -> str | None:
    """A UEL notice that ends an investigation (INVESTIGATION_ENDED_RE) and reads no step: left out for review."""
    if d.drafts or d.qa or d.context_list is not ListKind.UEL or "调查" not in d.operative:
        return None
    m = INVESTIGATION_ENDED_RE.search(d.operative)
    return None if m is None else f"an investigation ended (\"{m.group(0)}\") is not read{LEFT_OUT}"


# "决定…对该公司暂不实施该公告所列措施", "暂不执行…相关措施": a step decided now (held off, no end told) in the words every doubt
# list takes for a step not decided (NOT_NOW_RE's 暂不), so no step is read: a listing notice's third item putting one of
# No. 23's entities off was missed, silently (session 44, audit44/04). "决定…X不再适用该公告所列措施" (the measures no longer
# apply to X: a lift of X, no verb read) likewise (an audit44 probe). For a person to read. Asked only where the text holds
# 暂不 or 不再适用 (str.find) and only of a sentence that decides (决定 before it) and holds no step read.
NOT_NOW_STEP_RE = lazy_compile(r"(?:暂不\s*(?:实施|执行|适用)|不再\s*适用)[^。;\n]{0,40}?措施")
NOT_NOW_STEP_WORDS = ("暂不", "不再适用")


def unread_not_now_step(src: Source, d: Draft) -> str | None:
    """A decided "暂不实施/执行/适用…措施" or "不再适用…措施" in a sentence holding no step read (NOT_NOW_STEP_RE): left out
    for review."""
    folded = src.folded
    for word in NOT_NOW_STEP_WORDS:
        at = find_word(folded, word)
        while at >= 0:
            m = NOT_NOW_STEP_RE.match(folded, at)
            if m is not None:
                s0, s1 = sentence_start(folded, at), act.sentence_end(folded, at)
                decided = folded.rfind("决定", s0, at)
                if decided >= 0 and not _a_noun(folded, decided) and not _off_list(folded, at) \
                        and not any(s0 <= x.start < s1 for x in d.drafts):
                    return f"a step decided as \"{src.text[at:m.end()]}\" is not read{LEFT_OUT}"
            at = folded.find(word, at + 2)
    if holds_any(folded, HELD_OFF_MARKS) and (m := HELD_OFF_RE.search(folded)) is not None:
        s0, s1 = sentence_start(folded, m.start()), act.sentence_end(folded, m.start())
        if not _off_list(folded, m.start()) and not any(s0 <= x.start < s1 and x.action in HELD_OFF_STEPS for x in d.drafts):
            return f"measures held off (\"{src.text[m.start():m.end()]}\") are not read{LEFT_OUT}"
    return None


# "商务部决定，对商务部公告2025年第21号相关措施作出调整。" (under "关于调整…暂停期限的公告"), "…予以调整", "…进行调整", "决定调整
# …相关措施": a step on a notice's measures decided in a word that says no step, read as nothing, silently (session 45,
# clauses45). For a person to read. Asked only where the text holds 调整 and only of a sentence that decides (决定 before
# it), names a notice and holds no step read; "作如下调整：" opens items, which are read (or held) on their own.
ADJUSTED_RE = lazy_compile(r"(?:作出|做出|予以|进行|加以)\s*(?:相应|适当|必要的?|部分|有关)?\s*调整|调整(?=[^,;。:\n]{0,40}?措施)")
ADJUSTED_WORD = "调整"


def _step_in_next_sentence(folded: str, s1: int, d: Draft) -> bool:
    """Whether a step is read in the sentence after the one ending at ``s1``, in its paragraph."""
    if s1 + 1 >= len(folded) or folded[s1] != "。":
        return False
    n1 = act.sentence_end(folded, s1 + 1)
    return any(s1 < x.start < n1 for x in d.drafts)


def unread_adjustment(src: Source, d: Draft) -> str | None:
    """A decided "对…相关措施作出调整" or "调整…相关措施" (ADJUSTED_RE) in a sentence naming a notice and holding no step read:
    left out for review."""
    folded = src.folded
    at = folded.find(ADJUSTED_WORD)
    while at >= 0:
        s0, s1 = sentence_start(folded, at), act.sentence_end(folded, at)
        m = ADJUSTED_RE.search(folded, max(s0, at - 4), min(s1, at + 44))
        if m is not None and m.start() <= at < m.end() and not folded.startswith("如下", at - 2) \
                and (decided := folded.rfind("决定", s0, at)) >= 0 and not _a_noun(folded, decided) \
                and (named := {r[2].key or r[2].text for r in d.refs if s0 <= r[0] < s1}) \
                and not any(s0 <= x.start < s1 for x in d.drafts) \
                and not named <= {t.key or t.text for x in d.drafts for t in x.targets} \
                and not _step_in_next_sentence(folded, s1, d):
            # (a step on each notice it names read elsewhere: "中方决定调整…第21号相关措施。上述措施自…起暂停实施", qa44/31; or
            # the step told in the next sentence: "中方决定对4月4日公告相关措施作出调整。自…起，暂停实施…", qa39/28)
            return f"a step decided as \"{src.text[m.start():m.end()]}\" says no step the parser reads{LEFT_OUT}"
        at = folded.find(ADJUSTED_WORD, at + 2)
    return None


# "决定将X列入…，相关措施暂不实施，具体实施时间另行公告", "上述措施暂缓执行，…另行通知": the listing's own measures held off,
# read as a listing in force from its day, silently (session 44, an audit44 probe). Held for a person where no suspension
# is read in that sentence ("…第168号相关措施暂缓执行" read as one stands).
HELD_OFF_RE = lazy_compile(r"措施\s*(?:暂不|暂缓)\s*(?:实施|执行|适用)")
HELD_OFF_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)
HELD_OFF_MARKS = marked(("暂不", "暂缓"))


# "现重新发布出口管制管控名单（见附件）": a whole list published again, its entities listed under their own notices, the measures
# as those notices left them ("仍按照原公告执行"). No step, yet an annex of names: a list differing from the stored ones
# would hide a listing or a removal. For a person to read, said as what it is (session 27, audit27/15: refused for
# "暂停实施" in "处于暂停实施状态" naming no notice).
REPUBLISHED = ("重新发布", "重新公布", "汇总公布", "汇总发布", "全文公布", "全文发布")
REPUBLISHED_LIST_NEAR = 12  # "重新发布出口管制管控名单", "重新公布《不可靠实体清单》": the list's name this near after it
# "…仍在出口管制管控名单内的实体汇总公布": the list's name this near before it (its end; its start within twice this; story35 S5)
REPUBLISHED_LIST_BEFORE = 12
# A title publishing a list itself, "关于公布出口管制管控名单（截至…）的公告", "关于公布《不可靠实体清单》的公告": the list's
# name right after 公布 (a listing's title puts 将…列入 between them).
PUBLISHED_LIST_TITLE = "公布"


def republished_list(src: Source, d: Draft) -> str | None:
    """A notice reading no step that publishes a whole list again (``REPUBLISHED``; a title publishing the list itself,
    ``PUBLISHED_LIST_TITLE``): left out for review. A consolidated list naming each entity's listing notice may name
    one the store never read: stored as changing nothing, it was a missed company without a word (story35 S5)."""
    if d.qa or d.actions:
        return None
    # a correction publishing its corrected annex again ("现将更正后的出口管制管控名单重新公布", corr21/13) stays a correction
    corrects = CORRECTION_TITLE_RE.search(d.folded_title) is not None
    for text in (d.folded_title, d.operative):
        for word in REPUBLISHED:
            pos = find_word(text, word)
            if pos < 0:
                continue
            if m := act.LIST_WORD_RE.search(text, pos, pos + len(word) + REPUBLISHED_LIST_NEAR):
                return f"publishes a whole list again (\"{text[pos:m.end()]}\"), its entities under their own notices{LEFT_OUT}"
            before = [] if corrects else [
                m for m in act.LIST_WORD_RE.finditer(text, max(0, pos - 2 * REPUBLISHED_LIST_BEFORE), pos)
                if pos - m.end() <= REPUBLISHED_LIST_BEFORE]
            if before:
                return (f"publishes a whole list again (\"{text[before[-1].start():pos + len(word)]}\"), its entities "
                        f"under their own notices{LEFT_OUT}")
    title = d.folded_title
    pos = -1 if corrects else title.find(PUBLISHED_LIST_TITLE)
    while pos >= 0:
        start = pos + len(PUBLISHED_LIST_TITLE)
        if (m := act.LIST_WORD_RE.match(title, start + (title[start:start + 1] == "《"))) is not None:
            return f"publishes a whole list again (\"{title[pos:m.end()]}\"), its entities under their own notices{LEFT_OUT}"
        pos = title.find(PUBLISHED_LIST_TITLE, start)
    return None


def second_notice(src: Source, d: Draft) -> str | None:
    """A page holding a second numbered notice after this one ("商务部公告2026年第135号…\n商务部公告2026年第136号\n…"
    as one page of the day's two notices): its steps and entities were read as this one's (session 27, audit27: the watch
    list's two put on the ECL under No. 135 and the ECL's two on the watch list), so the page is left out for a person to
    read. The second notice is its number alone on a line below the first's number and decision, with a decision below it."""
    own = d.own
    if own is None or d.qa or not d.refs:
        return None
    folded = src.folded
    size, first = len(folded), None
    for start, end, r in d.refs:
        if start and not folded[start - 1].isspace() or end < size and not folded[end].isspace():
            continue  # (nearly every ref: one in a sentence, told by the characters beside it; blanks are looked at
            # below: an indented number line, "　　商务部公告…", is one alone on its line)
        if r.key is None or r.key == own.key:
            continue
        if first is None:  # below the first notice's number and its decision (a number line above the body is its heading)
            first = max(folded.find(own.number) if own.number else -1, folded.find("决定"))
        if start <= first:
            continue
        line = folded.rfind("\n", 0, start) + 1
        stop = folded.find("\n", end)
        if not folded[line:start].strip() and not folded[end : size if stop < 0 else stop].strip() \
                and folded.find("决定", end) >= 0:  # a body below it decides ("相关链接：\n商务部公告2026年第23号" is a link)
            return f"holds a second notice, {r.text}, whose steps were read as this one's{LEFT_OUT}"
    return None


ITEM_MEASURES_RE = lazy_compile(r"[^。;；]{0,60}?措施")


def _on_measures(folded: str, v: re.Match[str], stop: int) -> bool:
    """Whether the verb ``v`` is a step on measures ("停止执行…采取的相关措施", "继续暂停实施相关措施", "停止对A、B采取的出口
    管制措施": story37 T3c, an answer naming its entities by Chinese name only, read as no step, exit 0), not a duty
    ("正在开展的相关活动应当立即停止")."""
    return (v[0].endswith(("实施", "执行")) or "暂停" in v[0] or folded.startswith("对", v.end())) \
        and ITEM_MEASURES_RE.match(folded, v.end(), stop) is not None


# "决定" that decides ("商务部决定：", "现决定，", "工作机制决定"), not a title's or a clause's noun ("关于…的决定",
# "本决定自…施行", "《…决定》", "上述决定"): what follows it is the decision.
NOT_DECIDING_BEFORE = "本的该述此《"
# A step on a trade remedy or on tariffs (duties on goods: "暂停实施…反倾销措施1年", "暂停实施加征关税") acts on no list:
# no listing step is left out where its sentence names one ("非关税反制措施" are countermeasures, not tariffs).
OFF_LIST_RE = lazy_compile(r"反倾销|反补贴|保障措施|(?<!非)关税")
# "继续暂停实施第61号公告" in an answer: a notice by its number without its year, no ref the parser can key (a year is
# never guessed): the step is left out and the answer refused for a person to read (session 32, audit32/23: read as
# no notice at all, an answer about something else, silently).
YEARLESS_NOTICE_RE = lazy_compile(r"\s*(?:商务部)?\s*(?:公告)?\s*第\s*\d{1,3}\s*号(?:\s*公告)?")


def _off_list(folded: str, at: int) -> bool:
    """Whether the sentence holding ``at`` is about a trade remedy or tariffs (``OFF_LIST_RE``)."""
    return OFF_LIST_RE.search(folded, sentence_start(folded, at), act.sentence_end(folded, at)) is not None


def _a_noun(folded: str, pos: int) -> bool:
    """Whether the 决定 at ``pos`` is a noun ("本决定", "上述决定", "《…决定》"), not a decision taken there."""
    return (pos > 0 and folded[pos - 1] in NOT_DECIDING_BEFORE) or folded.startswith("》", pos + 2)


def deciding_at(folded: str, end: int) -> int:
    """Where the first 决定 that decides stands in ``folded[:end]``, or -1."""
    pos = folded.find("决定", 0, end)
    while pos >= 0 and (_a_noun(folded, pos) or folded.startswith("号", pos - 1)):
        # "商务部公告2026年第95号决定，自…至…暂停实施…": what an earlier notice decided, told (session 32, audit32/16:
        # the early end of that suspension refused for review)
        pos = folded.find("决定", pos + 2, end)
    return pos


def _measure_lines(folded: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``folded[:end]`` holding "措施" at or after ``start``, in order: only such a line can
    hold a step on measures (ITEM_MEASURES_RE ends with it)."""
    pos = folded.find("措施", start, end)
    while pos >= 0:
        line = folded.rfind("\n", 0, pos) + 1
        stop = folded.find("\n", pos, end)
        stop = end if stop < 0 else stop
        yield line, stop
        pos = folded.find("措施", stop, end)


# The verbs ``_on_measures`` takes (a suspension, or a stop or restore of 实施/执行): looked for in the decision before any
# paragraph of it is looked at line by line. One search of their plain alternation (sre skips to the words' first
# characters) costs less than nine finds over a listing's long decision (perf50: -4,700 instructions a page); the words
# must stay plain literals in one flat alternation for that skip (a factored pattern costs twice the finds).
STATUS_VERB_WORDS = ("暂停", "停止实施", "停止执行", "恢复实施", "恢复执行", "终止实施", "终止执行", "不再实施", "不再执行")
STATUS_VERB_RE = re.compile("|".join(STATUS_VERB_WORDS))


def _status_verb_in(folded: str, start: int, end: int) -> bool:
    """Whether a word of STATUS_VERB_WORDS stands in ``folded[start:end]``."""
    return STATUS_VERB_RE.search(folded, start, end) is not None


def _measures_step_words(folded: str, line: int, stop: int) -> bool:
    """Whether ``folded[line:stop]`` has the words every step on measures has (``_on_measures``: 措施, and 实施, 执行 or
    暂停 in its verb, or 对 after it): a line without them ("并采取以下措施：", "本公告自公布之日起正式实施") is passed over
    before any regex."""
    find = folded.find
    return find("措施", line, stop) >= 0 and (find("实施", line, stop) >= 0 or find("执行", line, stop) >= 0
                                             or find("暂停", line, stop) >= 0 or find("对", line, stop) >= 0)


def unread_item(src: Source, d: Draft) -> str | None:
    """A numbered item of the decision ("一、…停止执行对X等6家实体（见附件）采取的相关措施") whose verb stops, restores,
    suspends or extends measures, and names no notice (an item naming one and holding no step tells an earlier step),
    but that holds no step: no lead-in "…如下…：" named one
    ("商务部决定：", session 22: the lift was dropped without a word, and the next item's extension read for all).
    A paragraph with no item number counts as well where the verb comes after the decision's 决定 (``deciding_at``:
    "商务部决定：" then the paragraphs, session 23): a title ("关于暂停实施…的公告") or an annex line ("附件：停止执行…
    名单") before or outside the decision holds a verb but is no step."""
    if d.qa:
        return None
    # Only a line holding "措施" can hold a step on measures (ITEM_MEASURES_RE ends with it, before the line's end):
    # those lines alone are read, in order (a test compares this with reading every line, ``item_left_out``).
    folded, end = src.folded, len(d.operative)
    for line, stop in _measure_lines(folded, 0, end):
        found = item_left_out(src, d, line, stop)
        if found is not None:
            return found
    # the paragraphs after the decision's 决定, once one of them may hold a step on measures (not a listing's "应当立即停止")
    decided = deciding_at(folded, end)
    if decided < 0 or not _status_verb_in(folded, decided, end):
        return None
    for line, stop in _measure_lines(folded, decided, end):
        if _measures_step_words(folded, line, stop) and not folded.startswith("附", line) \
                and not act.ITEM_LINE_RE.match(folded, line, stop) and not any(line <= r[0] < stop for r in d.refs):
            v = _unread_step(folded, line, max(line, decided + 2), stop, d)
            if v is not None:
                return f"paragraph \"{src.text[line:stop].strip()[:40]}\" names no notice its {v} could act on{LEFT_OUT}"
    return None


def item_left_out(src: Source, d: Draft, line: int, stop: int) -> str | None:
    """``unread_item``'s warning for the numbered item at the line ``src.folded[line:stop]``, else None."""
    folded = src.folded
    if act.ITEM_LINE_RE.match(folded, line, stop) and not any(line <= r[0] < stop for r in d.refs):
        v = _unread_step(folded, line, line, stop, d)
        if v is not None:
            return f"item \"{src.text[line:stop].strip()[:40]}\" names no notice its {v} could act on{LEFT_OUT}"
    return None


def _unread_step(folded: str, line: int, start: int, stop: int, d: Draft) -> str | None:
    """The verb in ``folded[start:stop]`` (of the line from ``line``) that stops, restores, suspends or extends measures, in
    a line holding no step read (``d.drafts``) and not on a trade remedy, or None."""
    for v in act.VERB_RE.finditer(folded, start, stop):
        if act.VERB_KINDS.get(v[0]) in _ITEM_KINDS and _on_measures(folded, v, stop) \
                and not any(line <= x.start < stop for x in d.drafts) and not _off_list(folded, v.start()):
            return v[0]
    return None


# "中方此前决定…", "已决定": a decision told, not taken in the answer.
TOLD_DECISION_BEFORE = ("此前", "已", "曾", "先后", "当时")


def _answer_sentences(folded: str, d: Draft, word: str, next_sentence: bool = False) -> Iterator[tuple[int, int, int]]:
    """Each ``word`` in the answer's spans, with its sentence's bounds (the end cut at the span's): (at, start, end);
    ``next_sentence``: one per sentence (the first ``word`` of each)."""
    for a, b in d.spans:
        pos = folded.find(word, a, b)
        while pos >= 0:
            s1 = min(act.sentence_end(folded, pos), b)
            yield pos, sentence_start(folded, pos), s1
            pos = folded.find(word, s1 if next_sentence else pos + len(word), b)


def _decided_now(folded: str, d: Draft, s0: int, doubt_end: int, at: int) -> bool:
    """Whether the answer's sentence opening at ``s0`` decides its step at ``at`` now: no doubt or plan before
    ``doubt_end`` (NOT_NOW_RE), not dated before the text (``actions.dated_before``), not told as past
    (``actions.told_as_past``, ``actions.is_recounted``: "答：2025年11月，…中方决定继续暂停上述措施1年")."""
    return act.NOT_NOW_RE.search(folded, s0, doubt_end) is None and not act.dated_before(folded, s0, d.published) \
        and not act.told_as_past(folded, s0, at, d.published) and not act.is_recounted(folded, s0, at, None, d.published)


def _step_verb_words(folded: str, line: int, stop: int) -> bool:
    """Whether ``folded[line:stop]`` has a word of a step on measures whose object may be left out (实施, 执行, 暂停)."""
    find = folded.find
    return find("实施", line, stop) >= 0 or find("执行", line, stop) >= 0 or find("暂停", line, stop) >= 0


def _object_elided(folded: str, v: re.Match[str], stop: int) -> bool:
    """Whether the verb ``v`` (its measures' verb: …实施, …执行, …暂停…) ends its clause with its object left out, at most
    its term after it: "中方决定，自2027年3月1日起继续暂停实施1年。", "中方决定，自2027年3月1日起停止实施。" (the notice named only
    by the question; session 51, qa51's probe: read as no notice at all, the step missed, silently)."""
    if not (v[0].endswith(("实施", "执行")) or "暂停" in v[0]):
        return False
    end = min((i for i in (folded.find(c, v.end(), stop) for c in ",;:?") if i >= 0), default=stop)
    return ELIDED_OBJECT_TAIL_RE.fullmatch("".join(folded[v.end() : end].split()).rstrip("。.")) is not None


def unread_answer_step(src: Source, d: Draft) -> str | None:
    """An answer's sentence that decides ("中方决定，自…起，恢复执行对上述实体采取的相关措施") a step on measures (stop,
    restore, suspend, extend: ``_on_measures``), names no notice, and holds no step read (its target said only as
    "上述实体" of the question, or by a title): the answer would read as changing nothing, "no action found in the
    answer" a warning only (session 23). Doubts and plans (NOT_NOW_RE: "将视情决定是否…"), a decision told
    ("此前决定", "2025年11月10日，商务部决定…" in an answer of 2026: ``actions.dated_before``, ``actions.told_as_past``), trade remedies
    and tariffs are no step."""
    if not d.qa:
        return None
    folded, starts = src.folded, [x.start for x in d.drafts]
    for a, b in d.spans:
        pos = folded.find("决定", a, b)
        while pos >= 0:
            s1 = min(act.sentence_end(folded, pos), b)
            if not _measures_step_words(folded, pos + 2, s1) and folded.find("号", pos + 2, s1) < 0 \
                    and not _step_verb_words(folded, pos + 2, s1):
                pos = folded.find("决定", s1, b)  # no step on measures nor on a number after it (most answers)
                continue
            s0 = sentence_start(folded, pos)
            if not (_a_noun(folded, pos) or folded.endswith(TOLD_DECISION_BEFORE, s0, pos)) \
                    and not any(s0 <= r[0] < s1 for r in d.refs) and not any(s0 <= x < s1 for x in starts) \
                    and OFF_LIST_RE.search(folded, s0, s1) is None:
                for v in act.VERB_RE.finditer(folded, pos + 2, s1):
                    if act.VERB_KINDS.get(v[0]) not in _ITEM_KINDS:
                        continue
                    yearless = YEARLESS_NOTICE_RE.match(folded, v.end(), s1)
                    if (yearless or _on_measures(folded, v, s1) or _object_elided(folded, v, s1)) \
                            and _decided_now(folded, d, s0, v.start(), v.start()):
                        what = f"names {yearless[0].strip()} without its year, so" if yearless else "names"
                        return f"the answer decides \"{src.text[s0:s1].strip()[:40]}\" but {what} no notice its " \
                               f"{v[0]} could act on{LEFT_OUT}"
            pos = folded.find("决定", pos + 2, b)
    return _unread_start_step(src, d) if not d.drafts and d.refs and d.published is not None else None


def _unread_start_step(src: Source, d: Draft) -> str | None:
    """An answer that reads no step and, with no 决定, says a step on measures from a day not before it (自…起), naming no
    notice in its sentence (the question names it): "路透社记者：请问中方对商务部公告2025年第21号所列美国实体有何安排？ / 何咏前：
    经中美双方协商一致，自2027年3月1日起，停止实施相关措施。", "自2027年3月1日起，对上述实体停止实施相关措施。" (session 51, qa51's
    probe: read as no notice at all, the lift missed, silently). Doubts, plans and steps told as past are no step
    (``_decided_now``), nor a start before the answer's day (a recap), nor a trade remedy or tariffs."""
    folded = src.folded
    for a, b in d.spans:
        pos = folded.find("起", a, b)
        while pos >= 0:
            s0, s1 = sentence_start(folded, pos), min(act.sentence_end(folded, pos), b)
            from_at = folded.rfind("自", s0, pos)
            if from_at >= 0 and _step_verb_words(folded, pos, s1) and folded.find("决定", s0, s1) < 0 \
                    and not any(s0 <= r[0] < s1 for r in d.refs) and OFF_LIST_RE.search(folded, s0, s1) is None:
                told = effective_in(folded[from_at : pos + 1], d.published)
                if told is not None and d.published is not None and told[:10] >= d.published.isoformat():
                    for v in act.VERB_RE.finditer(folded, pos + 1, s1):
                        if act.VERB_KINDS.get(v[0]) in _ITEM_KINDS \
                                and (_on_measures(folded, v, s1) or _object_elided(folded, v, s1)) \
                                and _decided_now(folded, d, s0, v.start(), v.start()):
                            return f"the answer says \"{_answer_said(src, s0, s1)[:40]}\" from {told[:10]}, a step " \
                                   f"on measures of no notice its sentence names{LEFT_OUT}"
            pos = folded.find("起", max(s1, pos + 1), b)
    return None


def unread_yearless_beside(src: Source, d: Draft) -> str | None:
    """An answer's deciding sentence whose step verb (stop, restore, suspend, extend) names its notice by number without the
    year, keyed nowhere (a year is never guessed: ``number._yearless_notices``), beside another step: "…暂停实施商务部公告2025年
    第21号相关措施1年；同时，停止实施第23号公告相关措施" read No. 21's suspension alone, No. 23's lift dropped without a word
    (review48), as ``unread_answer_step`` holds such a number only in a sentence where nothing is read. Left out, for a
    person."""
    if not d.qa:
        return None
    folded = src.folded
    for a, b in d.spans:
        pos = folded.find("决定", a, b)
        while pos >= 0:
            s1 = min(act.sentence_end(folded, pos), b)
            if folded.find("号", pos + 2, s1) >= 0 and folded.find("第", pos + 2, s1) >= 0 and not _a_noun(folded, pos):
                s0 = sentence_start(folded, pos)
                for v in act.VERB_RE.finditer(folded, pos + 2, s1):
                    if act.VERB_KINDS.get(v[0]) not in _ITEM_KINDS:
                        continue
                    m = YEARLESS_NOTICE_RE.match(folded, v.end(), s1)
                    if m is not None and not any(v.end() <= r[0] < m.end() for r in d.refs) \
                            and _decided_now(folded, d, s0, v.start(), v.start()):
                        return f"the answer decides \"{src.text[v.start() : m.end()].strip()}\", which names " \
                               f"{m[0].strip()} without its year, so no notice its {v[0]} could act on{LEFT_OUT}"
            pos = folded.find("决定", s1, b)
    return None


# how far before a notice's "第" its step's verb may end ("停止执行商务部公告第339号": 商务部公告 and blanks between)
YEARLESS_VERB_REACH = 12
# the number a YEARLESS_NOTICE_RE match holds, where its "第" stands: only there can one end past it (the "第" of a
# law's article, "第十八条", or of an item, "第一项", is passed over in C, not asked in Python)
NUMBERED_AT_RE = lazy_compile(r"第\s*\d{1,3}\s*号")


def unread_yearless_step(src: Source, d: Draft) -> str | None:
    """A notice's step verb (stop, restore, suspend, extend) naming its notice by number without the year, keyed nowhere (a
    year is never guessed: ``number._yearless_notices``), in or after the sentence of a step read: "…暂停执行商务部公告2026年
    第338号相关措施，暂停期限为1年；停止执行第339号公告相关措施" read No. 338's suspension alone, No. 339's lift dropped without
    a word (probe47's v02; ``unread_yearless_beside`` is an answer's, ``suspension_without_target`` fires only where no
    step is read). Left out, for a person."""
    if d.qa or not d.drafts:
        return None
    folded, end = src.folded, len(d.operative)
    start = min(sentence_start(folded, x.start) for x in d.drafts)
    for numbered in NUMBERED_AT_RE.finditer(folded, start, end):  # a "第N号" outside every ref read: rare
        pos = numbered.start()
        if not any(s <= pos < e for s, e, _ in d.refs):
            s1 = min(act.sentence_end(folded, pos), end)
            for v in act.VERB_RE.finditer(folded, max(start, pos - YEARLESS_VERB_REACH - 8), pos):
                if act.VERB_KINDS.get(v[0]) not in _ITEM_KINDS:
                    continue
                m = YEARLESS_NOTICE_RE.match(folded, v.end(), s1)
                if m is not None and m.end() > pos and not any(v.end() <= r[0] < m.end() for r in d.refs) \
                        and not _off_list(folded, v.start()):
                    return f"its step \"{src.text[v.start() : m.end()].strip()}\" names {m[0].strip()} without its " \
                           f"year, so no notice its {v[0]} could act on{LEFT_OUT}"
    return None


def unread_late_suspension(src: Source, d: Draft) -> str | None:
    """An answer that reads no action, one of whose sentences opens "自…起，" more than a week before the text
    (``actions.dated_before``) but not months (``actions.stale``: history), with no 决定 and no word of a step told
    (RECOUNT_RE), and suspends or continues a named notice's measures for a term that ends after the text's day:
    "自2026年11月10日起，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。" in an answer of 2026-11-28. Read as a
    recount (``actions.is_recounted``: a late date alone) it acted on nothing, "no action found in the answer" a warning
    only, and the listing showed a presumed lapse, status exit 0 (story28, S1): the suspension it says still runs, so a
    person must read it."""
    if not d.qa or d.actions or d.published is None:
        return None
    # a step it recounts as a notice's is read (rules/recaps.py) and checked by the engine (recap52: "11月6日，中方宣布自…起
    # 继续暂停实施…1年" blind49/25, held here once read as a recap)
    told = [(p, p + len(a.text)) for a in d.recaps if (p := src.text.find(a.text)) >= 0]
    for pos, s0, s1 in _answer_sentences(src.folded, d, "暂停", next_sentence=True):
        if any(a <= pos < b for a, b in told):
            continue
        end = _late_term_end(src, d, s0, pos, s1)
        if end is not None and end > d.published:
            return f"the answer says \"{src.text[s0:s1].strip()[:40]}\", dated weeks before it and not " \
                   f"decided, whose suspension runs to {end.isoformat()}{LEFT_OUT}"
    return None


# "…第21号相关措施的暂停继续有效", "暂停措施仍然有效": an answer saying a named notice's suspension still holds, no step read.
SUSPENSION_HOLDS_RE = lazy_compile(r"暂停[^,;。\n]{0,12}?(?:继续|仍然|仍|依然)\s*(?:有效|适用)")


# "…的期限已于11月27日届满", "暂停期限已经到期": a term's end told in an answer.
TERM_ENDED = ("届满", "到期", "期满")
TERM_ENDED_MARKS = marked(TERM_ENDED)


def unread_step_after_end(src: Source, d: Draft) -> str | None:
    """An answer that reads no step, one of whose sentences names a notice, tells a term ended and goes on with a step on
    measures after it, or in the sentence after it (继续暂停, 恢复, 停止, 延长): "商务部公告2025年第72号已于11月27日届满，继续暂停实施…第二款，暂停期限为1年" (no
    决定: ``actions.decided_in`` reads none), "…第二款的暂停期限已于11月27日届满，中方决定继续暂停一年" (no object: no target; so "…届满。中方决定，继续暂停一年。").
    Rejected as about nothing (``rejects.off_topic_answer``: its title names no list), the page was stored as no notice, the
    lapse shown "presumed back in force", exit 0 (session 42, story43): a person must read it. Doubts and plans before the
    verb (NOT_NOW_RE: "…届满后是否继续暂停，将研究决定") are no step. So is a sentence deciding now (``actions.decided_in``: no
    denial nor doubt beside it) a step on a notice it names that no rule reads ("中方决定，商务部公告2025年第72号规定的暂停措施继续
    实施1年，即自…起至…")."""
    if not d.qa or d.drafts or not d.refs:
        return None
    folded = src.folded
    for pos, s0, s1 in _answer_sentences(folded, d, "决定", next_sentence=True):
        # "中方决定，商务部公告2025年第72号规定的暂停措施继续实施1年": deciding now on a notice it names, its verb read as no step
        if not any(s0 <= r[0] < s1 for r in d.refs) or _a_noun(folded, pos) \
                or folded.endswith(TOLD_DECISION_BEFORE, s0, pos) or OFF_LIST_RE.search(folded, s0, s1) is not None:
            continue
        for v in act.VERB_RE.finditer(folded, pos + 2, s1):
            if act.VERB_KINDS.get(v[0]) in _ITEM_KINDS and _decided_now(folded, d, s0, v.start(), v.start()) \
                    and decided_in(folded, (s0, s1), s0, v.start(), v.end(), None, d.published):
                return f"the answer decides \"{src.text[s0:s1].strip()[:50]}\" on a notice it names, read as no " \
                       f"step{LEFT_OUT}"
    if not holds_any(folded, TERM_ENDED_MARKS):
        return None
    for word in TERM_ENDED:
        for pos, s0, s1 in _answer_sentences(folded, d, word):
            if not any(s0 <= r[0] < s1 for r in d.refs):
                continue
            span_end = next((b for a, b in d.spans if a <= pos < b), s1)
            s2 = min(act.sentence_end(folded, s1 + 1), span_end) if s1 < span_end else s1  # and the sentence after it
            for v in act.VERB_RE.finditer(folded, pos + len(word), s2):
                if act.VERB_KINDS.get(v[0]) in _ITEM_KINDS and act.NOT_NOW_RE.search(folded, s0, v.start()) is None \
                        and not _off_list(folded, v.start()):
                    return f"the answer says \"{src.text[s0:s2].strip()[:50]}\": a step after a term's end, read on " \
                           f"no notice{LEFT_OUT}"
    return None


def unread_suspension_holds(src: Source, d: Draft) -> str | None:
    """An answer that reads no step and says, in a sentence naming a notice, that its suspension still holds (SUSPENSION_HOLDS_RE):
    "商务部公告2025年第21号相关措施的暂停继续有效" in an answer of 2026-11-12, after the suspension's written end. Stored as
    nothing ("no action found in the answer", a warning only), the listing showed a presumed lapse, "back in force", while the
    ministry said the suspension held, status exit 0 (session 38, story39 S5): a person must read it. A restatement of an
    extension already stored is held too: loud, never a false state."""
    if not d.qa or d.actions or d.drafts or not d.refs or "有效" not in src.folded and "适用" not in src.folded:
        return None
    folded = src.folded
    for pos, s0, s1 in _answer_sentences(folded, d, "暂停", next_sentence=True):
        m = SUSPENSION_HOLDS_RE.search(folded, s0, s1)
        if m is not None and any(s0 <= r[0] < s1 for r in d.refs):
            return f"the answer says \"{src.text[s0:s1].strip()[:50]}\" of a notice it names but reads no step{LEFT_OUT}"
    return None


def _late_term_end(src: Source, d: Draft, s0: int, at: int, s1: int) -> date | None:
    """The end of the term of the 暂停 at ``at`` in the sentence ``s0:s1`` when that sentence opens with a "自…起" weeks
    (not months) before the text, names a notice, and neither decides nor tells a step; else None."""
    folded = src.folded
    if "决定" in folded[s0:s1] or not any(s0 <= r[0] < s1 for r in d.refs) \
            or not act.dated_before(folded, s0, d.published) or RECOUNT_RE.search(folded, s0, at) is not None:
        return None
    when = effective_in(folded[s0:at], d.published)
    if when is None or act.stale(when, d.published):
        return None  # months back (HISTORY_GAP): history, as an answer recounting last year's steps tells it
    period = act.duration_in(folded, src.text, at, s1)
    return act.until_day(period, date.fromisoformat(when[:10]), d.published) if period else None


# The steps an object "对X" before the verb limits ("对X恢复实施…第21号相关措施"), and the words that make X the whole notice,
# a pointer or a count (not a name): "对上述实体", "对相关实体", "对其", "对2025年4月4日被列入…的16家美国实体".
OBJECT_KINDS = (ActionKind.RESTORE, ActionKind.LIFT, ActionKind.SUSPEND, ActionKind.EXTEND)
AMONG = "其中"  # "对其中A（a）…": among the notice's entities; X is what follows it
WHOLE_OBJECT_WORDS = ("上述", "前述", "以上", "这些", "相关", "有关", "其余", "其他", "全部", "所有", "该", "其", "此",
                      "各", "公告", "号", "措施", "名单", "清单", "家", "名", "实体", "企业")
CLAUSE_MARKS = (",", "。", "\n", ";", "；")
AFTER_VERB_ENDS = ("实施", "执行", "的")  # what ends X in "停止对X实施《…》", "解除对X的…措施（…）"
AFTER_VERB_REACH = 6  # "停止对", "恢复实施对": the verb and blanks before the 对 of an object after it


def unread_object(src: Source, d: Draft) -> str | None:
    """A step on earlier notices whose clause puts an object "对X" right before its verb, X no name read (the step is not
    limited: ``on_entities`` None) and no pointer or whole (WHOLE_OBJECT_WORDS): "对Skydio Inc.恢复实施…7号相关措施",
    "对斯凯迪奥恢复实施…": it acts on the whole notice, those not named falsely (story28; names ending in 公司, 联盟, …
    are read: ``actions.targets.SHORT_OBJECT_RE``). Left out for a person to read."""
    folded = src.folded
    for x in d.drafts:
        if not x.targets or x.on_entities is not None or x.action not in OBJECT_KINDS:
            continue
        at = x.start
        clause = max(folded.rfind(mark, 0, at) for mark in CLAUSE_MARKS) + 1
        dui = folded.rfind("对", clause, at)
        obj = folded[dui + 1 : at].strip() if dui >= 0 else ""
        if obj.startswith(AMONG):  # "对其中A（a）和B（b）恢复实施…": names among the notice's, not the pointer 其 (story34 S1e)
            obj = obj[len(AMONG):].removeprefix("的").strip()
        if not obj or any(w in obj for w in WHOLE_OBJECT_WORDS) or any(dui < r[0] < at for r in d.refs):
            found = _unread_after_verb(folded, at, d)
            if found is None:
                if (rest := _the_others_of_named(src, folded, at)) is not None:
                    return rest
                continue
            dui, at = found
        return f"{x.action.value} limited to \"{src.text[dui + 1 : at].strip()[:40]}\", which was not read as a name{LEFT_OUT}"
    return None


# "恢复实施…第21号中A（a）、B（b）相关措施" (no 的), "…第21号关于A（a）的相关措施", "…第21号针对A（a）的相关措施", "恢复A（a）的…第21号
# 相关措施": a step read on the whole notice whose own clause, after its verb, names entities with their English, no limit read:
# all 16 restored, the 14 not named falsely, silently (session 50, qa50's probe of its fix to qa50/27). Which entities is for a
# person. Asked only where a bracket stands in the step's clause.
def unread_named_after_verb(src: Source, d: Draft) -> str | None:
    """A step on a whole notice (``on_entities`` None) whose clause from its verb names an entity with its English
    (NAMED_IN_OBJECT_RE): left out, for a person. Asked only of a text holding such a bracket at all (one search, the
    first time a step is such a step: the bracket of nearly every such step restates its notice, "4月4日公告（…〔2025〕7号）",
    with no letter; perf51: ~8,400 a page before)."""
    folded = src.folded
    named: bool | None = None
    for x in d.drafts:
        if not x.targets or x.on_entities is not None or x.action not in OBJECT_KINDS:
            continue
        if named is None:
            named = "(" in folded and NAMED_IN_OBJECT_RE.search(folded) is not None
        if not named:
            return None  # (nearly every text)
        line = folded.find("\n", x.start)
        line = line if line >= 0 else len(folded)
        if folded.find("(", x.start, line) < 0:
            continue  # (nearly every step: no bracket in the rest of its line)
        stop = folded.find("。", x.start, line)
        end = _clause_end(folded, x.start, stop if stop >= 0 else line)
        for m in NAMED_IN_OBJECT_RE.finditer(folded, x.start, end) if folded.find("(", x.start, end) >= 0 else ():
            if _a_name(m[0]):
                return f"{x.action.value} of a whole notice whose clause names \"{src.text[x.start : m.end()].strip()[:60]}\", " \
                       f"not read as its limit{LEFT_OUT}"
    return None


# A bracket after a step's notice restating it, or the step, in English: "…第21号（MOFCOM Announcement No. 21 of 2025）相关措施"
# (qa41/06, qa43/04): no entity's name.
NOT_A_NAME_IN_BRACKET = ("Announcement", "MOFCOM", "Ministry", "No.", "Order", "decided", "measures")


def _a_name(bracket: str) -> bool:
    """Whether a bracket with a letter (NAMED_IN_OBJECT_RE) holds no word of NOT_A_NAME_IN_BRACKET. (A loop, not ``any`` of a
    generator: a generator in ``unread_named_after_verb`` made its match a cell, made at every call of it.)"""
    for w in NOT_A_NAME_IN_BRACKET:
        if w in bracket:
            return False
    return True


# "继续对A（a）、B（b）等2家实体实施…第21号相关措施，停止对其余14家实体实施相关措施": "the others" of names its sentence tells
# before, read as the whole notice: A and B falsely lifted, silently (session 49, review55's probe). Which others is for a person.
OTHERS_WORDS = ("其余", "其他", "其它")
OTHERS_REACH = 16  # "停止对其余14家美国实体实施": the verb's 对 and the words after it


def _the_others_of_named(src: Source, folded: str, at: int) -> str | None:
    """For a step at ``at`` read on the whole notice: its object right after the verb is "the others" (OTHERS_WORDS) and its
    sentence names entities with their English before it: why it is left out, else None."""
    dui = folded.find("对", at + 1, at + AFTER_VERB_REACH)
    if dui < 0 or not any(folded.startswith(w, dui + 1) or folded.find(w, dui, dui + OTHERS_REACH) >= 0 for w in OTHERS_WORDS):
        return None  # (nearly every step)
    s0 = sentence_start(folded, at)
    if NAMED_IN_OBJECT_RE.search(folded, s0, at) is None:
        return None
    return f"its object \"{src.text[dui + 1 : dui + OTHERS_REACH].strip()}\" is the others of names its sentence tells{LEFT_OUT}"


def _unread_after_verb(folded: str, at: int, d: Draft) -> tuple[int, int] | None:
    """The object "对X" right after the verb at ``at``, before the 实施/执行 of the notice named after it: "停止对Hanwha
    Shipping实施《…》（商务部令2025年第6号）规定的反制措施", "解除对Skydio的…措施（…）" (story29/S1; a name with its English is read,
    ``actions.targets.AFTER_VERB_OBJECT_RE``): the span of X's 对 and its end, when X is no pointer or whole."""
    dui = folded.find("对", at + 1, at + AFTER_VERB_REACH)
    if dui < 0:
        return None
    ref = min((r[0] for r in d.refs if r[0] > dui), default=-1)
    ends = [i for i in (folded.find(w, dui, ref) for w in AFTER_VERB_ENDS) if i > 0] if ref > 0 else []
    end = min(ends, default=-1)
    obj = folded[dui + 1 : end].strip() if end > dui else ""
    if not obj or any(c in obj for c in CLAUSE_MARKS) or "《" in obj:
        return None
    if any(w in obj for w in WHOLE_OBJECT_WORDS) and NAMED_IN_OBJECT_RE.search(obj) is None:
        return None
    return dui, end


# A name with its English in the object: "停止对除A（a）、B（b）等2家实体外的其余实体实施…", "…A（a）、B（b）等3家实体…" (a count the
# names do not make): names no step read, whatever whole words stand beside them (session 49, review55's probe: the lift read
# for the whole notice, the two excepted falsely lifted, or the third named missed, silently).
NAMED_IN_OBJECT_RE = lazy_compile(r"\([^()]*[A-Za-z][^()]*\)")


# "现将出口管制管控名单中该实体的名称变更为“…”": a listed entity renamed. Refused for a person to read from session 22 (the
# new name would be no name of the listed entity: screening by it would miss); read since session 36 where
# scraper/parse/renames.py reads it whole (``d.renames``). An English name alone "由“…”更新为“…”" and two entities merged
# into one entry ("条目合并调整为…", "合并后的存续企业为…") are such changes too, still refused (session 31, audit31/21, /22:
# read as nothing, silently).
NAME_CHANGE_RE = lazy_compile(r"名称\s*(?:由[^。]{0,120}?)?(?:变更|更改|改|更新)\s*为|更名\s*为|合并(?:调整)?\s*为|存续企业\s*为")
MERGED_MARKS = marked(("合并", "存续"))
NAME_CHANGE_MARKS = marked(("名称", "更名", "合并", "存续"))


def unread_name_change(src: Source, d: Draft) -> str | None:
    """A listed entity's new name (名称变更为, 更名为) in the operative text that no rename read covers (``d.renames``,
    scraper/parse/renames.py: a merger, a plan, one half renamed, two new names for one entity): a person must read it."""
    op = d.operative
    if d.renames is UNMARKED:  # read_renames found none of RENAME_MARKS (名称, 更名 among them) in this same text
        if not holds_any(op, MERGED_MARKS):
            return None
    elif not holds_any(op, NAME_CHANGE_MARKS):  # each reading holds one
        return None
    for found in NAME_CHANGE_RE.finditer(op):
        if not (d.renames.whole and covered(d.renames, found.start(), found.end())):
            return f"a name change (\"{found[0]}\") of a listed entity is not read{LEFT_OUT}"
    return None


# "第5项“杰亚机器人公司（…）”修改为“": an annex entry renamed (``unread_annex_amendment``); so too "…修改为：“", "第5项所列实体的
# 名称修改为“", "第5项的英文名称“…”修改为“", "变更为/更改为/更正为“" (probe45: each slipped past beside a removal, the entry kept
# its old name, silently)
AMENDED_ENTRY_RE = lazy_compile(r"第\s*\d{1,3}\s*项[^。；;\n“”]{0,20}(?:“[^“”\n]{1,200}”)?\s*(?:修改|变更|更改|更正)为\s*:?\s*“")
AMENDED_WORDS = ("修改为", "变更为", "更改为", "更正为")
AMENDED_MARKS = marked(AMENDED_WORDS)


def unread_annex_amendment(src: Source, d: Draft) -> str | None:
    """A numbered notice whose title amends another notice's annex ("关于修改…附件有关内容的公告") and which takes no step:
    "现将…第156号附件…第3项修改为：3. 甲（a）" renames an entry no reader reads, so the notice would read as changing nothing,
    silently (session 38, audit38/32): a person must read it. So must a numbered notice with steps that renames an annex
    entry beside them (AMENDED_ENTRY_RE; session 45)."""
    if d.qa or d.own is None:
        return None
    if d.drafts:
        # "…附件第5项“A”修改为“B”，并将第7项“C”移出该附件": the step read, the rename beside it not (a correction is read only
        # alone, ``corrections.amends_names``): the entry kept its old name, silently (session 45, review48's form)
        if holds_any(src.folded, AMENDED_MARKS) and (m := AMENDED_ENTRY_RE.search(src.folded)) is not None:
            return f"an annex entry renamed beside the notice's steps (\"{m[0]}…\") is not read{LEFT_OUT}"
        return None
    title = d.folded_title
    if not title or "附件" not in title or "修" not in title:
        return None
    if CORRECTION_TITLE_RE.search(title) is not None or (m := AMENDED_ANNEX_TITLE_RE.search(title)) is None:
        return None
    if renames_only(src.text):
        return None  # quoted pairs of names alone: a correction (notice.py, corrections.amends_names)
    return f"the title amends an annex (\"{m[0]}\"), which is not read{LEFT_OUT}"


def _imposes(drafts: list[act.ActionDraft]) -> bool:
    for x in drafts:
        if x.action is ActionKind.IMPOSE:
            return True
    return False


def _lists(drafts: list[act.ActionDraft]) -> bool:
    """Whether the notice lists or removes entities (each names them)."""
    for x in drafts:
        if x.action is ActionKind.IMPOSE or x.action is ActionKind.REMOVE:
            return True
    return False


def no_entities(src: Source, d: Draft) -> str | None:
    """A listing or a removal with no entities and no stated count ("决定将其移出…" with no name
    before it: no entity is made up, the removal needs review). A removal names whom it removes or the notice whose
    entities it removes ("将商务部公告2025年第22号所列实体移出…", expanded from that notice's list): one naming neither
    removes no one, a step left out (``LEFT_OUT``: refused for review, session 23); one worded "不再列入…名单" so whether
    or not the notice counts them ("…，上述2家实体不再列入出口管制关注名单" with the names in a sentence no decision reads: a
    removal of no one beside a count warning; session 45, audit45/06)."""
    if d.qa or d.entities:
        return None
    if one_move(d.drafts, annexed=True):
        # "将商务部公告2027年第101号所列2家实体（所列全部实体）由出口管制管控名单调至出口管制关注名单": whom it moves is that notice's, which
        # only the engine knows; read, a listing of nobody and a removal of nobody beside a warning (session 48, probe47's B5)
        return f"a move to another list names none of the entities it moves{LEFT_OUT}"
    if d.count[0] is None and _imposes(d.drafts):
        return "no entities found for a listing"
    for x in d.drafts:
        if x.action is ActionKind.REMOVE and not x.targets \
                and (d.count[0] is None or src.folded.startswith(REMOVED_WORDS[0], x.start)):
            return f"no entities found for a removal{LEFT_OUT}"
    return None


# "将红杉防务系统公司（…）、灰隼<br>航空公司（…）等2家美国企业列入不可靠实体清单": the listing's (or removal's) verb and the list
# it names, in a notice that read neither (``counted_nothing_read``).
LISTING_ON_LIST_RE = lazy_compile(rf"(?:{'|'.join(LISTING_WORDS)})\s*(?:{LIST_ALT})")


def counted_nothing_read(src: Source, d: Draft) -> str | None:
    """A numbered notice stating how many entities it lists or removes ("等2家美国企业列入不可靠实体清单") that reads no step
    and no entity: its acting sentence was not read (pages28: the sentence cut in two by a ``<br>`` of the page's
    markup), and it was stored as a notice changing nothing, without a word. Left out for a person to read. Not a
    correction ("关于更正…的公告": ``corrections.CORRECTION_TITLE_RE``), whose text recounts the listing it corrects."""
    if d.qa or d.own is None or d.entities or d.actions or d.drafts or d.count[0] is None \
            or CORRECTION_TITLE_RE.search(d.folded_title) or LISTING_ON_LIST_RE.search(d.operative) is None:
        return None
    return f"states {d.count[0]} entities but reads no step and no entity{LEFT_OUT}"


# "一、自公布之日起，禁止向美国雷神防务航电公司（…）、铁砧导弹公司（…）出口两用物项。", "禁止向附件所列3家美国实体出口两用物项": a ban on
# dual-use exports to entities it names, with no list word (no 列入…名单): no step reads it, so the notice was stored as one
# changing nothing, the ban on those entities missed without a word (session 51, blind51/07, /22). Whether it is a listing on
# the export control list is not read: left out, for a person. Only where no step and no entity is read; the words after
# 向 must name an entity (a bracket opening with a Latin letter, 公司, 实体, 企业, 集团, 机构 or the annex), not users
# ("禁止两用物项对美国军事用户出口", "禁止向美国军事用户出口…": 2024 No. 46).
EXPORT_BAN_RE = lazy_compile(r"禁止\s*(?:出口经营者\s*)?向(?P<to>[^。;\n]{2,400}?)出口\s*(?:相关\s*)?两用物项")
BANNED_NAMED_RE = lazy_compile(r"\(\s*[A-Za-z]|公司|实体|企业|集团|机构|附件")


def unread_export_ban(src: Source, d: Draft) -> str | None:
    """A numbered notice banning dual-use exports to entities it names (EXPORT_BAN_RE) that reads no step and no entity:
    left out for a person to read, never stored as a notice changing nothing."""
    if d.qa or d.own is None or d.entities or d.actions or d.drafts:
        return None
    op = d.operative
    if "两用物项" not in op or "禁止" not in op or CORRECTION_TITLE_RE.search(d.folded_title) is not None:
        return None  # (a correction quotes the sentences it corrects: audit45/11)
    for m in EXPORT_BAN_RE.finditer(op):
        if op.rfind("“", 0, m.start()) > op.rfind("”", 0, m.start()):
            continue  # quoted
        if BANNED_NAMED_RE.search(m.group("to")) is not None:
            return f"bans dual-use exports to entities it names (\"{m.group(0)[:40]}…\") with no listing read{LEFT_OUT}"
    return None


# "商务部决定自2027年6月6日起，将该实体移出关注名单，列入出口管制管控名单": an answer moving an entity from one list to another. An
# answer lists no one (a listing is a notice's: ``clauses`` reads no 列入 in an answer), so the removal was read and the
# listing dropped, silently: the entity shown off the watch list and on no other list (session 51, blind51/36). Left out,
# for a person. Looked for only around an answer's removal, in its sentence.
ANSWER_LISTED_RE = lazy_compile(rf"(?:列入|纳入|转入|移至|调至|调入)\s*(?:{LIST_ALT}|出口管制关注名单|管控名单)")


# "商务部决定自2027年6月6日起，将该实体由关注名单转入出口管制管控名单": the same move in one verb, read as no step at all (a quiet
# "no action found in the answer": the entity left on the watch list, silently; session 51).
ANSWER_MOVE_RE = lazy_compile(r"[由从]\s*(?:出口管制)?(?:管控名单|关注名单|不可靠实体清单)\s*中?\s*(?:转入|移至|调至|调入|调整至)\s*"
                              r"(?:出口管制)?(?:管控名单|关注名单|不可靠实体清单)")
LIST_MOVE_WORDS = ("转入", "移至", "调至", "调入", "调整至")
LIST_MOVE_MARKS = marked(LIST_MOVE_WORDS)


def unread_answer_listing(src: Source, d: Draft) -> str | None:
    """An answer whose removal's sentence also puts entities on a list (ANSWER_LISTED_RE), or one deciding a move from a
    list to another that no step reads (ANSWER_MOVE_RE): left out for a person to read."""
    if not d.qa:
        return None
    folded, op = src.folded, d.operative
    if not d.drafts and "决定" in op and holds_any(op, LIST_MOVE_MARKS) and (m := ANSWER_MOVE_RE.search(op)) is not None:
        return f"an answer moves entities to another list (\"{m.group(0)}\"): no step read{LEFT_OUT}"
    for x in d.drafts:
        if x.action is ActionKind.REMOVE and x.sentence is not None:
            s0, s1 = x.sentence
            if folded.find("入", s0, s1) < 0 and folded.find("至", s0, s1) < 0:
                continue
            m = ANSWER_LISTED_RE.search(folded, s0, s1)
            if m is not None:
                return f"an answer moves entities to another list (\"{src.text[m.start() : m.end()]}\"): no listing is read from an answer{LEFT_OUT}"
    return None


# "不可靠实体清单工作机制决定将…列入不可靠实体清单…。商务部同时依据《中华人民共和国出口管制法》将上述2家实体列入出口管制管控名单，
# 禁止向其出口两用物项。": the notice's entities put on a second list in a sentence no decision word opens, so no step read it:
# the ECL listing dropped, silently (session 51, blind51/38). Where the notice lists on one list and such a sentence ("将上述…
# 列入" another list, not quoted) reads no listing there: left out, for a person.
OTHER_LISTING_RE = lazy_compile(rf"将\s*上述[^。;\n]{{0,30}}?(?:列入|纳入)\s*(?P<l>出口管制关注名单|{LIST_ALT}|管控名单)")


def _then_above(op: str) -> bool:
    """Whether a 上述 of ``op`` follows a 将 (blanks between: OTHER_LISTING_RE's "将\\s*上述"), its mark asked first (perf52:
    nearly every listing says 上述 and 列入 twice, and was asked the pattern)."""
    p = op.find("将")
    while p >= 0:
        if ABOVE_AFTER_RE.match(op, p + 1) is not None:
            return True
        p = op.find("将", p + 1)
    return False


ABOVE_AFTER_RE = lazy_compile(r"\s*上述")  # (what follows a 将 in OTHER_LISTING_RE's start)


def unread_other_listing(src: Source, d: Draft) -> str | None:
    """A notice listing its entities on one list whose "将上述…列入<another list>" (OTHER_LISTING_RE) no step reads: left out
    for a person to read."""
    if d.qa or not d.drafts:
        return None
    op = d.operative
    if not _then_above(op) or op.count("列入") + op.count("纳入") < 2:
        return None
    listed = {x.list for x in d.drafts if x.action is ActionKind.IMPOSE}
    if not listed:
        return None
    for m in OTHER_LISTING_RE.finditer(op):
        lst = ListKind.WATCH if m.group("l") == "出口管制关注名单" else LIST_KIND[m.group("l")]
        if lst in listed or op.rfind("“", 0, m.start()) > op.rfind("”", 0, m.start()):
            continue
        return f"puts the entities on a second list (\"{m.group(0)}\") that no step reads{LEFT_OUT}"
    return None


def suspension_without_target(src: Source, d: Draft) -> str | None:
    """A notice that says 暂停实施 but whose suspended notices were not found ("第55号、56号…公告"
    with no year, "暂停实施《…的决定》" with no number): a suspension must never parse as a notice that changes nothing,
    so it is left out for a person to read (``LEFT_OUT``, session 23). A 暂停实施 before the decision's 决定
    (``deciding_at``: "商务部于…发布公告（…第72号），暂停实施…。现决定，…不再延长", a title "关于暂停实施…的决定") tells
    the history the decision follows, as does one told as past after it (``actions.told_as_past``: "…于…发布公告…，暂停实施"): no
    step of this notice (session 23: it warned on No. 40, read right)."""
    if d.qa:
        return None
    op = d.operative
    if not holds_any(op, SUSPEND_MARKS):
        return None
    for a in d.actions:
        if a.action is ActionKind.SUSPEND or a.action is ActionKind.EXTEND:
            return None
    end = len(d.operative)  # a notice's operative text is the folded text's start
    folded = src.folded
    decided = deciding_at(folded, end)
    for word in SUSPEND_WORDS:
        pos = folded.find(word, 0, end)
        while pos >= 0:
            if word == SUSPEND_WORDS[1] and folded.find("名单", pos, pos + LIST_MEASURES_NEAR) < 0:
                pos = folded.find(word, pos + 1, end)  # "暂停适用两用物项出口通用许可": a listing's measure
                continue
            if pos > decided and not folded.endswith(UNSUSPENDING, 0, pos) and not folded.startswith(NOT_A_STEP, pos + 4) \
                    and not act.told_suspension(folded, d.refs, pos) and not _off_list(folded, pos) \
                    and not act.told_as_past(folded, sentence_start(folded, pos), pos, d.published) \
                    and not act.dated_before(folded, sentence_start(folded, pos), d.published, True):
                # "2025年11月5日，工作机制决定，自…起，继续暂停实施《…》（…〔2025〕7号）相关措施1年。" opening a restore of 2026
                # tells the suspension it ends (session 28, audit28/02: the restore refused for review)
                return f"says {word} but names no notice it suspends that could be read{LEFT_OUT}"
            pos = folded.find(word, pos + 1, end)
    return None


# "商务部决定，对X采取的出口管制措施，自…起予以解除": the measures named before the verb that ends them (or restores or
# suspends them), the notice naming none in the sentence (session 29, audit29/24: read as a new measure on X, the lift lost).
OBJECT_FIRST_STEP_RE = lazy_compile(r"对[^。\n]{1,80}?措施[^。\n]{0,40}?(?P<verb>解除|停止|恢复|暂停|中止|终止|取消)")


# "撤销商务部公告2026年第166号", "…第51号…的决定，自…起失效", "延缓实施…第168号", "推迟实施…", "…自…起不再适用": an earlier
# notice undone, held off or ended in words the steps do not read (session 29, audit29/01, 04, 05, 22: loud only where the
# text happened to recount a count, ``counted_nothing_read``; silent without one); "撤回", "作废" (story35).
NOTICE_UNDONE_WORDS = ("撤销", "撤回", "作废", "失效", "延缓", "推迟", "不再适用")
# "…第21号所列X已被Y吸收合并。…对X采取的相关措施适用于Y": a listed company merged into another, its measures carried over to a
# name no step reads (story41 merged: stored as nothing, "0/1", Y's watchers told nothing, silent).
# So too "…已被Y收购。…相关措施，对Y继续适用", "…由Y承继" (session 41, review42: still stored as nothing).
# And a notice's measures put on another with no merger word: "对Y（y）实施商务部公告2025年第21号规定的相关措施" (review42).
# "将…第21号相关措施的暂停期限调整为180日", "…的暂停期限缩短至2026年12月31日", "…暂停期限提前至…届满": a notice's suspension
# changed in words no step reads (a suspension's term set again from its start, or cut short): read as no step, silently
# (session 45, clauses45's probe of probe44 #13; an answer so worded is held by its title, ``page.unread_change``).
# (probe45: "…的暂停期限自2026年12月10日起调整为180日", "…暂停期限的截止日期由2026年11月10日改为2026年12月31日": more than 12
# characters before the verb, stored as changing nothing, silently.)
TERM_CHANGED_RE = lazy_compile(r"暂停(?:实施|执行)?期限?[^。；;\n]{0,30}?(?:调整|缩短|改为|变更|更改|修改|提前|压缩|减为|减少)")
NOTICE_CARRIED_WORDS = ("合并", "并入", "适用于", "收购", "承继", "继受", "继续适用", "同样适用", "规定的相关措施", "规定的反制措施")
# "本公告适用于向…第21号所列实体以外的最终用户出口…": the notice's own scope, no measures carried (session 41, review41's B:
# held for a person with no step to read). The clause's subject is this text itself; not where its sentence names the listed
# entities' affiliates ("本规定适用于…所列实体的境外关联企业": a rule reaching past the list, a person's to read).
OWN_SCOPE = ("本公告", "本决定", "本通知", "本规定", "本办法")
AFFILIATE_WORDS = ("关联", "子公司", "分支机构", "控股", "附属")


def unread_step_on_measures(src: Source, d: Draft) -> str | None:
    """A numbered notice reading no step and no measure whose decision says measures on someone end, come back or are
    suspended, the verb after its object ("对X采取的…措施，自…起予以解除"), or says a notice it names is revoked, ceases,
    is held off or no longer applies (NOTICE_UNDONE_WORDS), or carries its measures to a company another merged into
    (NOTICE_CARRIED_WORDS), or changes its suspension's term (TERM_CHANGED_RE): stored as changing nothing, it would be a
    silent loss. Left out for a person to read."""
    if d.qa or d.own is None or d.actions or d.drafts:
        return None
    folded = src.folded
    end = len(d.operative)
    decided = deciding_at(folded, end)
    # a numbered notice is itself the decision: "商务部公告2027年第30号自本公告发布之日起失效" says no 决定 (story35)
    # a rename read carries the measures to the new name itself: "…名称变更为Y。该实体继续适用…第70号所列措施" (stories28 c3,
    # held for a person by review42's 继续适用 until the lead's fix, session 41)
    carried = () if d.renames.whole and d.renames.records else NOTICE_CARRIED_WORDS
    for word in NOTICE_UNDONE_WORDS + carried if d.refs else ():
        pos = folded.find(word, max(decided, 0), end)
        while pos >= 0:
            first, last = sentence_start(folded, pos), act.sentence_end(folded, pos)
            if any(first <= r[0] < last for r in d.refs) and not ("适用" in word and _own_scope(folded, first, pos)):
                return f"says \"{word}\" of a notice it names but reads no step{LEFT_OUT}"
            pos = folded.find(word, pos + 1, end)
    if d.refs and folded.find("暂停", 0, end) >= 0:
        for changed in TERM_CHANGED_RE.finditer(folded, 0, end):
            first, last = sentence_start(folded, changed.start()), act.sentence_end(folded, changed.start())
            if any(first <= r[0] < last for r in d.refs):
                return f"says \"{src.text[changed.start() : changed.end()].strip()}\" of a notice it names but reads no step{LEFT_OUT}"
    if decided < 0 or folded.find("措施", decided, end) < 0:
        return None
    m = OBJECT_FIRST_STEP_RE.search(folded, decided, end)
    if m is None or _off_list(folded, m.start()):
        return None
    return f"says \"{src.text[m.start() : m.end()].strip()[:60]}\" but reads no step{LEFT_OUT}"


def unread_term_change_beside_steps(src: Source, d: Draft) -> str | None:
    """A numbered notice reading steps whose other sentence changes a named notice's suspension term in words no step
    reads (TERM_CHANGED_RE: "…停止实施…第22号相关措施。…第21号相关措施的暂停期限调整为180日。"): the steps stored, No. 21's
    new term lost, silently (probe45; ``unread_step_on_measures`` asks only a notice reading no step). Left out for a
    person. Asked only where a sentence holding "暂停" and a change word names a notice and holds no step."""
    if d.qa or d.own is None or not d.drafts or not d.refs:
        return None
    folded = src.folded
    end = len(d.operative)
    pos = folded.find("暂停", 0, end)
    if pos < 0:
        return None
    for changed in TERM_CHANGED_RE.finditer(folded, pos, end):
        first, last = sentence_start(folded, changed.start()), act.sentence_end(folded, changed.start())
        if any(first <= r[0] < last for r in d.refs) and not any(first <= x.start < last for x in d.drafts):
            return (f"says \"{src.text[changed.start() : changed.end()].strip()}\" of a notice it names, a sentence no step "
                    f"reads{LEFT_OUT}")
    return None


def _own_scope(folded: str, first: int, pos: int) -> bool:
    """Whether the clause of the 适用于 at ``pos`` (its sentence from ``first``) opens with this text as its subject
    (OWN_SCOPE, after an item's number: "二、本公告适用于…")."""
    c0 = max(first, folded.rfind(",", first, pos) + 1, folded.rfind(";", first, pos) + 1)
    item = act.ITEM_LINE_RE.match(folded, c0, pos)
    return folded[item.end() if item else c0 : pos].lstrip().startswith(OWN_SCOPE) \
        and not any(folded.find(word, pos, act.sentence_end(folded, pos)) >= 0 for word in AFFILIATE_WORDS)


# The words of NOTICE_UNDONE_WORDS that end a notice named beside a notice's own steps ("…本公告自公布之日起正式实施，原商务部公告
# 2027年第40号同时撤销"): no step reads them (废止 and 停止执行 are read as lifts).
ENDED_BESIDE_WORDS = ("撤销", "撤回", "作废", "失效")


def unread_undone_beside_steps(src: Source, d: Draft) -> str | None:
    """A numbered notice reading steps whose sentence says a notice it names, which no step acts on, is revoked, withdrawn,
    voided or ceases (ENDED_BESIDE_WORDS): a notice re-issued "…原商务部公告2027年第40号同时撤销" was read as its new listing
    alone, No. 40's left in force, an entity the re-issue left out still listed, silent (story35 S3 probe;
    ``unread_step_on_measures`` looks only at notices reading no step). Left out for a person to read."""
    if d.qa or d.own is None or not d.actions or not d.refs:  # (nearly every listing names no other notice)
        return None
    folded = src.folded
    end = len(d.operative)
    acted = {t.key for a in d.actions for t in a.targets if t.key}
    for word in ENDED_BESIDE_WORDS:
        pos = folded.find(word, 0, end)
        while pos >= 0:
            first, last = sentence_start(folded, pos), act.sentence_end(folded, pos)
            if any(first <= r[0] < last and r[2].key and r[2].key not in acted for r in d.refs):
                return f"says \"{word}\" of a notice it names beside its steps, and no step acts on that notice{LEFT_OUT}"
            pos = folded.find(word, pos + 1, end)
    return None


# A notice a step took that its own bracket or clause excepts: "暂停实施…第21号相关措施（…第22号相关措施不在暂停之列）", "（不含…第22号
# 相关措施）", "…，暂停期限为1年，…第22号相关措施不在此列" (review50: No. 22 suspended, the last for good, silently)
NOTICE_EXCEPTED_WORDS = ("不在", "不含", "不包括", "除外", "不适用")
NOTICE_EXCEPTED_MARKS = marked(NOTICE_EXCEPTED_WORDS)
UNIT_MARKS = ("(", ")", ",", ";")


def unread_notice_excepted(src: Source, d: Draft) -> str | None:
    """A step on several notices, one of which its sentence names in a bracket or a clause that excepts it (it was read
    as the step's, suspended or lifted against the text): left out, for a person."""
    folded = src.folded
    if not holds_any(folded, NOTICE_EXCEPTED_MARKS):
        return None  # (nearly every text)
    for x in d.drafts:
        if x.action not in EXCEPTED_STEPS or len(x.targets) < 2:
            continue
        keys = {t.key for t in x.targets if t.key}
        end = act.sentence_end(folded, x.start)
        for r0, r1, ref in d.refs:
            if not x.start <= r0 < end or ref.key not in keys:
                continue
            u0 = max(folded.rfind(m, x.start, r0) for m in UNIT_MARKS) + 1  # (its bracket or its clause)
            stops = [i for i in (folded.find(m, r1, end) for m in UNIT_MARKS) if i >= 0]
            unit = folded[max(u0, x.start) : min(stops, default=end)]
            if any(w in unit for w in NOTICE_EXCEPTED_WORDS):
                return f"a step on {len(keys)} notices names one of them excepted (\"{unit.strip()[:40]}\"){LEFT_OUT}"
    return None


# The steps that take a whole notice's entities and may except some ("停止实施…相关措施，但该公告所列A、B 2家实体除外").
EXCEPTED_STEPS = (ActionKind.LIFT, ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.RESTORE, ActionKind.REMOVE)


def unread_exception(src: Source, d: Draft) -> str | None:
    """A step on a whole notice whose sentence excepts some of its entities after the verb ("…停止实施商务部公告2025年第21号
    相关措施，但该公告所列立方公司（…）、内华达山脉公司（…）2家实体除外。"), or whose next sentence says it does not apply to
    some ("…继续暂停实施…第21号相关措施1年。前款规定不适用于…内华达山脉公司（…）和立方公司（…）。"), while no step of the text
    names entities of that notice: read alone, it reaches the excepted too (session 30, audit30/07: a lift of all 16, the 2
    excepted among them, silent; session 34, audit34/15: all 16 suspended), or "除X以外" in its sentence (story39). Left out
    for a person to read. So a clause keeping named entities as they are ("…，立方公司不在此列", KEPT_ON_NAMES)."""
    steps = [x for x in d.drafts if x.action in EXCEPTED_STEPS and x.targets]
    if not steps:  # (most texts; before the whole-text scans below, ~21,800 instructions a page: perf44)
        return None
    folded = src.folded
    kept = holds_any(folded, KEPT_ON_NAMES_MARKS)
    if not kept and not holds_any(folded, EXCEPTED_MARKS):  # (nearly every text)
        return None
    for x in steps:
        end = act.sentence_end(folded, x.start)
        but = ("以外" in folded or "之外" in folded) and \
            EXCEPT_BUT_RE.search(folded, sentence_start(folded, x.start), end) is not None  # (the names after 除: a limit)
        if x.on_entities is not None and not but:
            continue
        if folded.find("除外", x.start, end) < 0 and not _not_applying_to_names(folded, x.start, end) and not but \
                and not (kept and _kept_on_names(folded, x.start, end)):
            continue
        keys = {t.key for t in x.targets}
        if not any(a.entities and {t.key for t in a.targets} & keys for a in d.actions):
            return f"excepts entities (除外, 除…以外, 不适用于) from a step on a whole notice but reads no step on them{LEFT_OUT}"
    return None


# "恢复实施…第21号中除A（a）、B（b）以外其他实体的相关措施" (session 38, story39: all 16 restored, the 2 excepted among them,
# silent): an exception of names in the step's sentence (a name's bracket or 公司 inside; never "除此之外")
EXCEPT_BUT_RE = lazy_compile(r"除(?!此)[^。；;\n]{0,160}?(?:\(|公司)[^。；;\n]{0,160}?(?:以外|之外)")
# "前款规定不适用于X和Y", "…继续暂停…相关措施1年，但不包括该公告所列的X（…）" (session 37, qa37/31: all 16 extended, the one
# excepted among them, silent): the step before excepts X and Y
NOT_APPLYING = ("不适用于", "不包括")


NAMED_AFTER = ("(", "公司", "实体", "企业", "集团")  # what names an entity after "不适用于" (not "…已签订的合同")
# "停止实施…第21号相关措施，立方公司不在此列", "…，但对立方公司（Cubic Corporation）的措施继续有效" (session 44, qa44's probes:
# all 16 lifted, the one kept among them, silently): a clause after the step keeping entities it names as they are
# "…第21号相关措施自…起恢复实施，但对其中X（x）暂不恢复实施", "…，其中X（x）的相关措施暂不恢复", "…，但X（x）暂不适用本决定"
# (session 44, audit44's probes: all 16 restored or lifted, the one kept among them, silently): 暂不 after a name alike.
KEPT_ON_NAMES = ("不在此列", "继续有效", "仍然有效", "依然有效", "仍有效", "不受影响", "继续适用", "暂不")
KEPT_ON_NAMES_MARKS = marked(KEPT_ON_NAMES)
# the words of an exception (除外, 不适用于, 不包括, 除…以外/之外): a text holding none (nearly every text) excepts nothing
EXCEPTED_MARKS = marked(("除外", *NOT_APPLYING, "以外", "之外"))
# A name in that clause: a company's or its English bracket; not "上述11家美国实体继续适用该公告规定的处理措施" (all of them, audit16/18)
# nor "…公告〔2025〕4号继续有效" (a notice kept, audit39/25)
KEPT_NAME_RE = lazy_compile(r"公司|集团|\(\s*[A-Za-z]")


def _next_sentence_end(folded: str, end: int) -> int:
    """The end of the sentence after the one ending at ``end`` (the text's end if none): a clause keeping names may
    follow the step's sentence."""
    nxt = end + 1
    while nxt < len(folded) and folded[nxt].isspace():
        nxt += 1
    return act.sentence_end(folded, nxt) if nxt < len(folded) else len(folded)


def _kept_on_names(folded: str, start: int, end: int) -> bool:
    """Whether a clause after the step at ``start`` (in its sentence, ending at ``end``, or the next one) keeps entities it
    names as they are (KEPT_ON_NAMES after a name, KEPT_NAME_RE, in that clause), not licences, contracts or notices."""
    stop = _next_sentence_end(folded, end)
    for word in KEPT_ON_NAMES:
        at = folded.find(word, start, stop)
        while at >= 0:
            clause = max(start, *(folded.rfind(c, start, at) + 1 for c in ",;。"))
            if KEPT_NAME_RE.search(folded, clause, at) is not None:
                return True
            at = folded.find(word, at + 1, stop)
    return False


def _not_applying_to_names(folded: str, start: int, end: int) -> bool:
    """Whether the sentence from ``start`` (ending at ``end``) or the next one says "不适用于" or "不包括" entities it names
    ("前款规定不适用于内华达山脉公司（…）"), not to contracts or licences ("…不适用于本公告发布前已获批准的许可")."""
    stop = _next_sentence_end(folded, end)
    for word in NOT_APPLYING:
        at = folded.find(word, start, stop)
        if at >= 0 and any(folded.find(name, at, act.sentence_end(folded, at)) >= 0 for name in NAMED_AFTER):
            return True
    return False


# "如美方于…前撤销…，则…继续暂停实施1年；否则，商务部将自…起恢复实施…": steps under a condition the text cannot know is met
# (session 34, audit34/11: read as both an extension and a restore from the same day). Not "例如", "如下", "如期", "如实".
CONDITION_RE = lazy_compile(r"(?<![例比诸假])如(?![下期实何今此是])[^。;\n]{1,80}?,\s*则")


def conditional_step(src: Source, d: Draft) -> str | None:
    """A step whose sentence puts it under a condition before its verb ("如…，则…", "…；否则，…"): whether it is taken is
    unknown, and reading it as taken (or dropping it) is a guess. Left out for a person to read."""
    folded = src.folded
    for x in d.drafts if "则" in folded else ():  # in both (nearly every text stops here)
        s0 = sentence_start(folded, x.start)
        if folded.find("则", s0, x.start) < 0:  # in both ("否则", "如…，则"): nearly every step stops here
            continue
        if folded.find("否则", s0, x.start) >= 0 or CONDITION_RE.search(folded, s0, x.start) is not None:
            return f"takes a step under a condition (如…则 / 否则){LEFT_OUT}"
    for x in d.drafts if IF in folded else ():  # (rare)
        if (said := _if_clause_before(folded, x.start)) is not None:
            return f"takes a step under a condition (\"{said}\"){LEFT_OUT}"
    return None


IF = "如"  # "如X履行承诺，将其移出关注名单": a condition with no 则 (NOT_NOW_RE knows 如果, 若, 假如 and 如美方 only)
NOT_IF_BEFORE = "例比诸假譬"  # 例如, 比如, 诸如 (an example), 假如 (NOT_NOW_RE's)
NOT_IF_AFTER = "下期实何今此是果同约前上"  # 如下, 如期, 如实, 如何, 如今, 如此, 如是, 如果 (NOT_NOW_RE's), 如同, 如约, 如前/如上所述
IF_REACH = 80  # how far before the step's verb its condition may open


def _if_clause_before(folded: str, at: int) -> str | None:
    """The clause opening with a bare 如 that ends before the step's verb at ``at`` in its clause of the sentence (after a
    "；"): "商务部决定：一是…；二是如北方海岸电子公司（…）配合完成核查，将其移出关注名单" (session 52, review62/d05c, f03: the
    removal read as decided, from the text's day, silently; "商务部决定，如X履行承诺，将X移出关注名单" in an answer, e01)."""
    c0 = max(sentence_start(folded, at), folded.rfind(";", 0, at) + 1, at - IF_REACH)
    i = folded.find(IF, c0, at)
    while i >= 0:
        comma = folded.find(",", i, at)
        if comma < 0:
            return None
        if (i == 0 or folded[i - 1] not in NOT_IF_BEFORE) and folded[i + 1] not in NOT_IF_AFTER:
            return folded[i:comma + 1]
        i = folded.find(IF, i + 1, at)
    return None


# A press conference transcript (例行新闻发布会, 记者会: several questions, each answered in the room), not the formal
# 答记者问 release: its answers comment, plan, doubt and recount far more than they decide.
TRANSCRIPT_WORDS = ("新闻发布会", "记者会")
TRANSCRIPT_HEAD = 300  # the head holding the transcript's heading ("商务部例行新闻发布会（2026年11月12日）")
# The words a transcript's answer decides a step with, in the step's sentence: "中方决定，自…起…", "为落实中美经贸磋商
# 共识，自…起暂停…" (the real answers), "宣布", "现将", "同意".
ANSWER_DECISION_RE = lazy_compile(r"决定|宣布|现将|同意|落实[^。\n]{0,40}?(?:共识|安排)")
SPEAKER_REACH = 16  # a speaker's label opening the sentence ("何亚东：", "商务部新闻发言人何亚东："), left out of the warning


# In a formal release (答记者问, a statement), what may stand before a step's verb in its clause when its sentence holds no
# decision word: an item's number or a plain lead-in, who or what takes the step (the authority, the measures or a notice,
# "中方对…相关措施", "对上述2家实体"), when the suspension ends and from when ("自2025年8月12日起，继续暂停…", "上述措施自…起恢复实施",
# "…相关措施的暂停期限于…届满后不再延长", "一、停止…" under "中方决定："), nothing else: no doubt, wish or report. Session 50 (qa50/09,
# /34, held before): the end told with 已 ("…的暂停期限已于…届满，"), "…第70号规定的暂停期限届满后，", a subject of notices joined by 、
# and 和 ("商务部 海关总署公告2025年第55号、第56号…和商务部公告2025年第61号、第62号相关措施自…起恢复实施").
_RS_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年"
_RS_DATE = rf"(?:{_RS_YEAR})?\d{{1,2}}月\d{{1,2}}日"
_RS_NOTICE = (rf"(?:\d{{1,2}}月\d{{1,2}}日公告|《[^《》]{{1,80}}》)?\(?(?:商务部(?:海关总署)?公告{_RS_YEAR}第\d+号(?:[、和及]第\d+号)*|商务部令{_RS_YEAR}第\d+号|"
              rf"不可靠实体清单工作机制(?:公告)?〔\d{{4}}〕\d+(?:号)?"
              r"(?:[、和及]\d+号)*)\)?(?:第[一二三四五六七八九十]+款)?")
_RS_WHO = (rf"(?:中方|我方|中国政府|商务部|不可靠实体清单工作机制|工作机制|对?(?:[、和及与]?(?:{_RS_NOTICE}|上述|该|其余|有关|相关))+(?:公告)?"
           r"(?:相关|规定的)?(?:反制)?措施|"
           rf"{_RS_NOTICE}|对(?:上述|该公告所列|该|其余|其他|{_RS_NOTICE}所列的?)(?:其他|其余)?(?:\d+|[一二两三四五六七八九十]+)?家?(?:美国)?实体)")
_RS_ADV = r"(?:将|已|也|同时|还|亦|均|依法|正式|按期|自动)*"
_RS_END = rf"(?:(?:规定)?的?(?:上述|该)?(?:暂停)?(?:期限?)?(?:将|已)?(?:于{_RS_DATE})?(?:届满|期满)后?|(?:届满|期满)后?)"
_RS_FROM = rf"(?:自(?:{_RS_DATE}|即日|今日|同日|(?:本次答问|本公告|公告)?(?:发布|公布)之日)起(?:\d+日后)?(?:至{_RS_DATE})?)"
RELEASE_SUBJECT_RE = lazy_compile(rf"(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、])?(?:经研究|此外|另外|同时|届时)?"
                                  rf"{_RS_WHO}?{_RS_END}?{_RS_ADV}{_RS_FROM}?{_RS_ADV}(?:{_RS_WHO}{_RS_ADV}){{0,2}}")


# A clause's bounds within a sentence (the folded text writes "，；：" as ",;:").
ANSWER_CLAUSE_MARKS = ",;:"
CLAUSE_MARK_RE = re.compile(r"[,;:]")  # the first of ANSWER_CLAUSE_MARKS, one search
# What ``_clause_end`` stops at: a bracket, a clause mark, "?" or "." (the characters it judges, found by sre's scan).
CLAUSE_END_STOPS_RE = re.compile(r"[(),;:?.]")
# Who decides, before the decision word in its clause (ANSWER_DECISION_RE): the authority, maybe on a ground of the same
# clause, already or now ("中方决定", "商务部已决定", "中方已经决定", "经研究决定", "我宣布", "中方作出如下决定", "中方经认真研究决定").
# (the joint issuers of item controls decide too, "商务部、海关总署决定，…": session 50, qa50/10 was held)
_DECIDER = r"(?:中方|我方|中国政府|商务部[、和与]?海关总署|商务部|不可靠实体清单工作机制|工作机制|我们|我|(?:商务部)?(?:新闻)?发言人)"
DECIDER_RE = lazy_compile(rf"(?:经研究|此外|另外|同时|对此|为此|因此)?(?:{_DECIDER}(?:[和、与]{_DECIDER})*)?"
                          r"(?:(?:根据|按照|依据|经|会同)[^,;:决宣同现]{1,30}?)?"
                          r"(?:已经|已|现|正式|依法|研究|认真研究|特此|也|还|并|同时|作出|做出|如下|以下|曾经?|此前|先后|于|\d{4}年|\d{1,2}月|\d{1,2}日"
                          # a day in words, "中方已于十二月一日决定" (session 41, qa41/29: held for a person)
                          r"|[〇零一二三四五六七八九]{4}年|[一二三四五六七八九十]{1,3}月|[一二三四五六七八九十]{1,3}日)*")
# ... or the ground "为落实…共识" said by the authority ("为落实", "中方为继续落实").
LUOSHI_LEAD_RE = lazy_compile(r"(?:中方|商务部|我们)?为了?(?:继续|进一步|切实|更好地?)?")
# A ground before a step's clause in a release, no decision word said: "为落实…共识", "经中美双方协商一致", "根据双方磋商结果", "鉴于…";
# or the authority's own account of what it did ("商务部已于5月14日发布相关措施", "工作机制今天发布公告"), or its spokesperson
# speaking ("商务部新闻发言人表示").
REASON_RE = lazy_compile(rf"为了?(?:继续|进一步|切实)?落实|经(?!研究)|根据|按照|依据|鉴于|基于"
                         # the authority telling what it did before or today ("商务部已于5月14日发布相关措施", "工作机制今天发布公告")
                         rf"|{_DECIDER}?(?:已于|已经|此前|曾|先后|(?:今天|今日)[^,;:]{{0,8}}?(?:发布|宣布|公布))"
                         rf"|{_DECIDER}(?:表示|指出|介绍|强调)$")
# What a step's clause may hold after its object (the last 措施, 款 or notice): its term as the dates read it (DURATION_RE:
# "1年", "90天", "1年零3个月", "一周年"; UNTIL_RE: "至2027年12月10日", "到…"; "半年"), a bracket, a quote's end, "的暂停" ("解除对…相关措施
# 的暂停", "终止对…相关措施的暂停安排": session 41, held), the end of "除…外", nothing else: not "…的前提是", "…系误传", "…一事", "…等问题", "…的具体安排" (``_told_as_noun``).
# "至明年11月10日" (RELATIVE_UNTIL_RE's end, read by ``periods.until_day``; session 43, qa43/29: held for a person).
# "至2027年6月底" (MONTH_END_RE's, read by ``periods.until_day`` as the month's last day; session 47).
_STEP_TERM = (rf"(?:{DURATION_RE.pattern}|半年|(?:截止|截)?(?:{UNTIL_RE.pattern}|(?:至|到)(?:今年|本年|明年)\d{{1,2}}月\d{{1,2}}日"
              r"|(?:至|到)\d{4}年\d{1,2}月[底末])"
              r"(?:\d{1,2}时(?:\d{1,2}分)?)?(?:止|\(含\))?)")
# What may follow a verb whose object is left out, to its clause's end: its term, nothing else (``_object_elided``).
ELIDED_OBJECT_TAIL_RE = lazy_compile(rf"{_STEP_TERM}?")
STEP_TAIL_RE = lazy_compile(rf"[\"”’」』]?(?:\([^()]*\))*(?:的暂停(?:实施|执行)?(?:安排)?)?(?:(?:的)?(?:暂停)?期限)?(?:为|延长|再延长)?"
                            rf"{_STEP_TERM}?(?:\([^()]*\))*外?[\"”’」』]?")

# After the object of "不再对" (a restore): the suspension's term no longer extended, "不再对…相关措施的暂停期限予以延长" (session 42,
# actions42: held for a person since session 41; the restore is read from the day its sentence gives, else from the end of
# the suspension the answer told, ``targets.on_targets``; neither told: held, ``page.unread_expiry``).
TERM_NOT_EXTENDED_RE = lazy_compile(rf"(?:的)?{TERM_RENEWED}")  # (the clause asked holds no blank)

# A clause the authority opens ("中方高度重视…", "商务部注意到…"): its own words, before its decision.
AUTHORITY_LEAD_RE = lazy_compile(rf"(?:{_DECIDER}|中方)(?!称)")
# A ground the authority gives before its decision, however many clauses it takes ("鉴于美方…，严重违背双方共识，中方决定…",
# "考虑到…，…决定", "为防止可能出现的误解，中方决定…", "为此，中方决定…").
OWN_GROUND_RE = lazy_compile(r"为|鉴于|考虑到|基于|由于|随着|针对|据此|对此|因此|根据|按照|依据")
# A clause naming the topic before the decision ("关于…相关措施，中方决定…", "对于美方的要求，…", "作为回应，中方决定…"): the
# authority's own framing, that clause alone (session 40, qa40's probes: a press conference's suspension held for a person).
TOPIC_LEAD_RE = lazy_compile(r"关于|对于|至于|作为回应|作为反制")
# ... unless the topic is others' words ("关于外媒报道，中方决定…，我不掌握有关情况", "对于美方官员表示，…"): the decision after
# it may be theirs, repeated (session 41, review42: read as a suspension, a false item). Asked of that clause alone.
TOPIC_TALK_RE = lazy_compile(r"报道|消息|传言|传闻|说法|言论|猜测|表示|认为|指出|透露|据悉|(?<![名简])称")
# A report named in any clause before the step's: "根据外媒报道，中方决定…" / "针对有媒体报道，…" is no ground of the authority's
# (REASON_RE's 根据, OWN_GROUND_RE's 针对 took it as one: session 41, review42, read as a suspension, a false item).
REPORTED_RE = lazy_compile(r"报道|传言|传闻|网传|据悉|消息称|媒体称")
# A connective that is a whole clause ("因此，", "对此，"): it starts no ground of its own, so the clauses after it are judged
# ("对此，美方希望，中方决定…" was read as the step, OWN_GROUND_RE's "对此" taking the rest as the ground: review40).
CONNECTIVE_CLAUSES = frozenset({"为此", "对此", "因此", "据此"})
# A point's number opening an answer's paragraph ("第二，为落实双方共识，中方决定，…"): a plain clause (session 41, qa41/14:
# a press conference's suspension held for a person).
ORDINAL_CLAUSES = frozenset({"第一", "第二", "第三", "第四", "第五", "第六", "首先", "其次", "再次", "最后", "另外", "同时"})


def _is_transcript(src: Source, d: Draft) -> bool:
    """A press conference's transcript (TRANSCRIPT_WORDS in the title or head), not the formal 答记者问 release."""
    if "答记者问" in d.folded_title:
        return False
    head = src.folded[:TRANSCRIPT_HEAD]
    return any(word in d.folded_title or word in head for word in TRANSCRIPT_WORDS)


# A doubt in the step's own clause after a decided step of its sentence ("中方决定，自…起停止实施{…第21号}相关措施，对于{…7号}相关
# 措施，中方会否自同日起恢复实施，将根据美方表现而定", "…，{…7号}相关措施要不要恢复实施…", "…，并视美方表现自同日起恢复实施…"):
# the sentence's decision word does not take it (session 42, actions42: each read as a restore, a false item, silently; a
# transcript's step so doubted is held apart, ``scraper.parse.held``).
DOUBT_IN_CLAUSE_RE = lazy_compile(r"会否|会不会|要不要|视(?=美方|对方|外方)")


def _undecided_steps(src: Source, d: Draft) -> Iterator[tuple[act.ActionDraft, int, int]]:
    """The answer's steps no decision of the authority's takes (``_decided``), with their sentence (``s0:s1``), and
    those told as a noun, not said (``_told_as_noun``: "中方决定自…起停止…相关措施的前提是…", "…相关措施系误传"); a restore the
    authority tells as done on a day it names (``tense.told_done``: "…已于2026年11月10日按期恢复实施", parse26/02) left
    out: a fact the answer states, no decision to be said. The two gates below judge what else the sentence says."""
    folded = src.folded
    said: dict[tuple[int, int], bool] = {}  # (sentence, decision word): ``_decision_said``, once for a sentence's steps
    for x in d.drafts:
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        if _decided(folded, s0, x.start, said) and not _told_as_noun(folded, x, s1) \
                and DOUBT_IN_CLAUSE_RE.search(folded, _clause_start(folded, s0, x.start), x.start) is None:
            continue
        if x.action is ActionKind.RESTORE and told_done(folded, s0, x.start, d.published)[0]:
            continue
        if folded.startswith(ITEM_NUMERALS, s0) and decided_above(folded, x.start):
            continue  # "中方决定：\n…二、自…起，对…所列的X（x）恢复实施…": the lead-in decides its items (session 39, audit39/26)
        if s0 > 0 and folded[s0 - 1] == "。" and _adjustment_decided_before(folded, s0, x, s1, d, said):
            continue  # "中方决定对…相关措施作出调整。自…起，暂停实施…" (qa39/28, B: held for a person)
        yield x, s0, s1


def _adjustment_decided_before(folded: str, s0: int, x: act.ActionDraft, s1: int, d: Draft,
                               said: dict[tuple[int, int], bool]) -> bool:
    """Whether the sentence before the step's (in its paragraph) is the authority's decision to adjust, naming no step of its
    own ("经研究，中方决定对4月4日公告相关措施作出调整。"), and the step's sentence says only when and what ("自…起，暂停实施…"):
    the decision word stood in the sentence before (session 39, qa39/28: a press conference's suspension held for a person)."""
    p0 = sentence_start(folded, s0 - 1)
    word = folded.find("决定", p0, s0)
    if word < 0 or folded.find("调整", word, s0) < 0 or act.VERB_RE.search(folded, word, s0) is not None:
        return False  # (nearly every step: no 决定 in the sentence before)
    if not _decided(folded, p0, s0 - 1, said):
        return False
    c0 = _clause_start(folded, s0, x.start)
    lead = "".join(folded[c0 : x.start].split())
    return (not lead or RELEASE_SUBJECT_RE.fullmatch(lead) is not None) \
        and _plain_before(folded, s0, c0, [y.start for y in d.drafts]) and not _told_as_noun(folded, x, s1)


ITEM_NUMERALS = tuple("一二三四五六七八九十(")  # a numbered item's first character (ITEM_LINE_RE's), the cheap test


def _clause_start(folded: str, s0: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last ",", ";" or ":" before it in its sentence (from ``s0``), or a
    full stop written "." (``_last_dot``)."""
    start = max(s0, folded.rfind(",", s0, pos) + 1, folded.rfind(";", s0, pos) + 1, folded.rfind(":", s0, pos) + 1)
    return _last_dot(folded, start, pos) + 1 or start


def _decided(folded: str, s0: int, at: int, said: dict[tuple[int, int], bool]) -> bool:
    """Whether a decision word before the verb at ``at`` in its sentence (ANSWER_DECISION_RE) is the authority's, said now
    (``_decision_said``; ``said`` keeps its answers for the sentence's other steps)."""
    for m in ANSWER_DECISION_RE.finditer(folded, s0, at):  # (every match holds a mark: no gate of finds needed)
        key = (s0, m.start())
        verdict = said.get(key)
        if verdict is None:
            verdict = said[key] = _decision_said(folded, s0, m.start())
        if verdict:
            return True
    return False


def _decision_said(folded: str, s0: int, w: int) -> bool:
    """Whether the decision word at ``w`` (ANSWER_DECISION_RE's match) is the authority's, said now: only who decides
    stands before it in its clause (DECIDER_RE: "中方决定", "商务部已决定", "经研究决定", "我宣布", "为落实…共识"). Not
    "关于中方决定…一事", "中方不同意…", "中方从没决定过…", "中方将决定…", "中方什么时候决定…", "中方将在适当时机宣布…",
    "美国贸易代表办公室宣布，中方将…", "中美双方同意就…" (session 39, qa39: each read as the step, the word anywhere in the
    sentence deciding it); and the clauses before its own say nothing but grounds, the authority's words or other steps
    (``_plain_before``): not "据美国媒体报道，中方决定…", "美方希望，中方决定…", "有美国智库建议，中方决定…" (qa39's second probe)."""
    c0 = _clause_start(folded, s0, w)
    lead = "".join(folded[c0:w].split())
    return (LUOSHI_LEAD_RE if folded.startswith("落实", w) else DECIDER_RE).fullmatch(lead) is not None \
        and _plain_before(folded, s0, c0, (), own=True)


# What ends a step's object: measures, a clause or a notice; a listing's or a removal's, the list ("…移出不可靠实体清单一事纯系谣言"
# was read as the removal: review40), not a list naming whose measures ("暂停对…被列入出口管制管控名单的16家美国实体…")
STEP_OBJECTS = ("措施", "款", "号")
LISTING_OBJECTS = (*STEP_OBJECTS, "清单", "名单")
LISTING_STEPS = (ActionKind.REMOVE, ActionKind.IMPOSE)


# After a notice's clause ("…第46号第二款"), its provisions named: the same object (``_told_as_noun``).
CLAUSE_PROVISIONS = ("相关规定", "有关规定", "的相关规定", "的有关规定", "的规定", "规定")


def _told_as_noun(folded: str, x: act.ActionDraft, s1: int) -> bool:
    """Whether step ``x`` is told as a noun or asked, not said: its clause goes on after its object (the last 措施, 款 or
    notice; a listing's or removal's list) with more than its term ("…相关措施的前提是，…", "…相关措施系误传", "…相关措施一事
    纯系谣言", "…相关措施等问题", "…相关措施的具体安排"), or asks it ("…相关措施？没有这回事。"; session 39, qa39: each read as the step)."""
    end = _clause_end(folded, x.start, s1)
    clause = "".join(folded[x.start : end].split())  # "相关措\t施": a stray blank is no word
    # (each object word asked by name, not by a generator over STEP_OBJECTS / LISTING_OBJECTS: ~1,500 instructions a step)
    listing = x.action in LISTING_STEPS
    if "措施" not in clause and "款" not in clause and "号" not in clause \
            and not (listing and ("清单" in clause or "名单" in clause)):
        return False  # no object told as these are: nothing to judge
    tail_at = max(clause.rfind("措施") + 2, clause.rfind("款") + 1, clause.rfind("号") + 1, clause.rfind("号)") + 2,
                  clause.rfind("清单") + 2 if listing else 0, clause.rfind("名单") + 2 if listing else 0)
    # nothing after the object: STEP_TAIL_RE matches the empty tail (tests/scraper/test_parse_gates.py), not asked
    tail = clause[tail_at:]
    if tail and tail.startswith(CLAUSE_PROVISIONS) and tail_at == clause.rfind("款") + 1:
        # "继续暂停实施商务部公告2024年第46号第二款相关规定至2027年11月27日": the clause's provisions are its object still
        # (session 51, qa51/22: held for a person)
        tail = tail[tail.find("规定") + 2 :]
    if tail and any(ch in tail for ch in FORMAL_DIGITS):
        tail = tail.translate(FORMAL_TO_PLAIN)  # "…相关措施壹年": the term as the dates read it (``periods.duration_in``)
    if tail and folded.endswith(EACH, max(0, x.start - 2), x.start) and len(x.targets) == 1 \
            and EACH_TERMS_RE.fullmatch(tail) is not None:
        tail = ""  # "分别暂停实施…相关措施6个月和1年": a step for each notice, its own term (``actions.apart.per_notice``)
    return folded.startswith("?", end) or tail_at < len(clause) and STEP_TAIL_RE.fullmatch(tail) is None \
        and not (x.action is ActionKind.RESTORE and folded.startswith("不再对", x.start)
                 and TERM_NOT_EXTENDED_RE.fullmatch(clause[tail_at:]) is not None)


def _answer_said(src: Source, s0: int, s1: int) -> str:
    """The sentence ``s0:s1`` as the warning quotes it: its speaker's label ("何亚东：") left out, 60 characters."""
    shown = src.text[s0:s1].strip()
    return shown[max(shown.find("：", 0, SPEAKER_REACH), shown.find(":", 0, SPEAKER_REACH)) + 1 :].strip()[:60]


def undecided_release_step(src: Source, d: Draft) -> str | None:
    """A step read in a formal release's answer (答记者问, a spokesperson's statement; not a transcript, which
    ``undecided_transcript_step`` holds) that no decision of the authority's takes, and whose clause says more before the
    verb than who takes it and from when (RELEASE_SUBJECT_RE): "中方无意自…起恢复实施…", "中方倾向于自…起继续暂停…",
    "中方不打算…", "美方期望中方…" (session 38, qa38: 19 of 25 such wordings were each read as the step; NOT_NOW_RE can never
    list them all); or whose sentence says something else before its clause (``_plain_before``: "美方官员表示，中方将自…起
    停止…", session 39); or told as a noun (``_told_as_noun``). Left out, for a person to read. The bare decision stays
    read: "自…起，停止…", "对其余14家实体，继续暂停…", "一、自…起…" under "中方决定：", "经中美双方协商一致，自…起，暂停…"."""
    if not d.qa or not d.drafts or _is_transcript(src, d):
        return None
    folded = src.folded
    verbs = [x.start for x in d.drafts]
    for x, s0, s1 in _undecided_steps(src, d):
        c0 = _clause_start(folded, s0, x.start)
        lead = "".join(folded[c0 : x.start].split())  # "自2026 年11月11日起": a stray space is no word
        if (lead and RELEASE_SUBJECT_RE.fullmatch(lead) is None) or not _plain_before(folded, s0, c0, verbs) \
                or _told_as_noun(folded, x, s1):
            return f"a spokesperson's answer reads a step whose clause says more than who takes it and when " \
                   f"(\"{_answer_said(src, s0, s1)}\"){LEFT_OUT}"
    return None


def _clause_end(folded: str, at: int, s1: int) -> int:
    """Where the clause holding ``at`` ends (its ",", ";", ":" or "?", else ``s1``), a comma inside a bracket no end
    ("…对美国稀土公司（USA Rare Earth, Inc.）采取的相关措施")."""
    depth = 0
    for m in CLAUSE_END_STOPS_RE.finditer(folded, at, s1):  # (a loop over every character cost ~40,000 a step: perf39)
        c, i = m.group(), m.start()
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (c != "." or _after_cjk(folded, i)):
            return i
    return s1


def _after_cjk(folded: str, i: int) -> bool:
    """Whether the "." at ``i`` follows a Chinese character: a full stop, not "Inc." nor "1."."""
    return i > 0 and "\u4e00" <= folded[i - 1] <= "\u9fff"


def _last_dot(folded: str, start: int, end: int) -> int:
    """The last full stop written "." in ``folded[start:end]`` (``_after_cjk``), or -1."""
    i = folded.rfind(".", start, end)
    while i >= 0 and not _after_cjk(folded, i):
        i = folded.rfind(".", start, i)
    return i


def _plain_before(folded: str, s0: int, c0: int, verbs: list[int] | tuple[()], own: bool = False) -> bool:
    """Whether each clause of the sentence before the step's (``s0:c0``) is a speaker's label ("答："), plain
    (RELEASE_SUBJECT_RE: "自…起", "此外"), a ground (REASON_RE: "为落实…共识", "经中美双方协商一致", "鉴于…") or another step's
    (a verb of ``verbs`` or VERB_RE's: "自…起，继续暂停…90天，停止…", "…届满后不再延长，自…起恢复实施…"): not "美方官员表示",
    "有外媒报道" (session 39, qa39: read as the step). Before a decision (``own``), a clause the authority opens says its own
    mind too ("中方高度重视美方关切，决定…", "中方本着…的原则，决定…")."""
    start = _last_dot(folded, s0, c0) + 1 or s0  # "…列入不可靠实体清单.为落实…": a full stop written "."
    while start < c0:
        mark = CLAUSE_MARK_RE.search(folded, start, c0)
        end = c0 if mark is None else mark.start()
        clause = "".join(folded[start:end].split())
        label = start == s0 and folded.startswith(":", end) and end - start <= SPEAKER_REACH
        if not label and REPORTED_RE.search(clause) is not None:
            return False
        if own and clause in CONNECTIVE_CLAUSES or clause in ORDINAL_CLAUSES:
            start = end + 1
            continue
        if own and OWN_GROUND_RE.match(clause) is not None:
            return True  # the rest of the ground, up to the decision
        if not (label or RELEASE_SUBJECT_RE.fullmatch(clause) or REASON_RE.match(clause)
                or any(start <= v < end for v in verbs) or act.VERB_RE.search(clause) is not None
                or own and (AUTHORITY_LEAD_RE.match(clause) is not None
                            or TOPIC_LEAD_RE.match(clause) is not None and TOPIC_TALK_RE.search(clause) is None)):
            return False
        start = end + 1
    return True


def undecided_transcript_step(src: Source, d: Draft) -> str | None:
    """A step read in a press conference's answer whose sentence holds no decision word (ANSWER_DECISION_RE): the
    doubt words before a verb (NOT_NOW_RE) can never list every way an answer doubts, supposes or reports a step
    ("中方正在研究是否…", "有分析认为…"), and each one missing was a false step (session 37, qa37: 23 cases). Left out,
    for a person to read."""
    if not d.qa or not d.drafts or not _is_transcript(src, d):
        return None
    for _, s0, s1 in _undecided_steps(src, d):
        return f"a press conference's answer reads a step with no decision word in its sentence " \
               f"(\"{_answer_said(src, s0, s1)}\"){LEFT_OUT}"
    return None


def unread_answer_undone(src: Source, d: Draft) -> str | None:
    """An answer reading no step whose sentence decides ("商务部决定，撤销商务部公告2026年第166号") that a notice it names is
    revoked, ceases, is held off or no longer applies (NOTICE_UNDONE_WORDS): "no action found in the answer" alone is no
    health issue (session 29, audit29). Doubts and plans (NOT_NOW_RE) and decisions told are no step."""
    if not d.qa or d.actions or d.drafts or not d.refs:
        return None
    folded = src.folded
    for pos, s0, s1 in _answer_sentences(folded, d, "决定"):
        word = next((w for w in NOTICE_UNDONE_WORDS if folded.find(w, pos + 2, s1) >= 0), None)
        if word is not None and not _a_noun(folded, pos) and not folded.endswith(TOLD_DECISION_BEFORE, s0, pos) \
                and any(s0 <= r[0] < s1 for r in d.refs) and _decided_now(folded, d, s0, s1, pos):
            return f"the answer decides \"{word}\" of a notice it names but reads no step{LEFT_OUT}"
    return None


# A spokesperson correcting what was said before in the same answer or transcript ("我纠正一下，刚才口误，…起始日期是2026年12月
# 15日，不是12月10日"): the step read may be the one withdrawn, its day or kind wrong (session 41, qa41/24: the suspension
# read from 12-10, the corrected 12-15 unread, silently). Not "相关实体已主动纠正有关行为" (a company's conduct).
# So an editor's note on the release ("（注：此前发布的版本中“12月10日”有误，应为“12月15日”。）", "此稿已更正": session 44, qa44's
# probe: the lift read from the day withdrawn, silently).
SELF_CORRECTION = ("口误", "纠正一下", "我纠正", "更正一下", "现更正为", "更正如下", "予以更正", "特此更正", "有误,应为", "有误,现",
                   "已更正", "已作更正")


def corrected_answer(src: Source, d: Draft) -> str | None:
    """An answer reading a step after which the speaker corrects what was said (SELF_CORRECTION): left out, for a person."""
    if not d.qa or not d.drafts:
        return None
    folded = src.folded
    if folded.find("误") < 0 and folded.find("正") < 0:  # in every word: most texts need no look
        return None
    first = min(x.start for x in d.drafts)
    for word in SELF_CORRECTION:
        at = folded.find(word, first)
        if at >= 0:
            return f"the answer corrects what was said before (\"{word}\"): the step read may be the one withdrawn{LEFT_OUT}"
    return None


# A start the dates cannot read: "自下周一起", "自后天起", "自元旦起", "自2027年初起", "自本月中旬起", "自本月底起", "自10日起", "自12月10号起"
# (session 42, qa42/28-29 and probes: each step read from the text's own day, days or weeks early, silently). What lies
# between 自 (从) and 起 is read as a start alone (``dates.effective_in``); a suspension's end ("自届满之日起", "自暂停期满之日起")
# is the steps' to read from the end told. Looked for only in a step's sentence holding 起 or 开始.
# The look behind stands after the 自 or 从 it asks about (the same matches): a pattern opening with one is tried at every
# character, one opening with 自|从 only where sre's scan for those two finds one (perf42: -3,200 instructions a page).
START_TAIL = r"(?<![来各独亲擅出源].)[^,;。:\n自从起]{1,16}?(?:起|开始)"
START_RE = lazy_compile(r"(?:自|从(?![事而严重头]))" + START_TAIL)
# START_RE in a sentence without 从: a single first character, which sre scans for several times faster than for one of
# two (perf43: its set of two cost ~45 instructions a character of every step's sentence); the same matches there.
START_ZI_RE = lazy_compile("自" + START_TAIL)
# ... nor a day the text names otherwise, its own or one it told ("自本公告实施之日起", "自本决定施行之日起", "自同日起"): read by the
# notice's own effective day and the steps' walk.
START_FROM_END = ("届满", "期满", "到期", "结束", "终止", "之日", "同日", "当日", "该日", "此日", "本公告", "本决定", "本令", "本通知")
# A day the dates read only with 自 before it and 起 after it, written otherwise: "从12月10日开始", "12月10日起停止…" (no 自, no
# year), "决定，于12月10日停止实施…" (probes: each read from the text's own day, silently): a step of the sentence must take it.
# (Each look behind after its literal, as START_RE's: -8,500 instructions a page. The third alternative opens with a digit,
# which no branch of literals can: the pattern takes its first character from the class [从于\d] and the branch is told by
# a look behind at it, so sre scans for those characters instead of trying the pattern at each (perf43); the same matches.)
TOLD_DAY_RE = lazy_compile(r"[从于\d](?:(?<=从)(?<![来各独亲擅出源].)(?![事而严重头])\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*开始"
                           r"|(?<=于)(?<![已曾经自从年\d].)\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
                           r"|(?<=\d)(?<![年\d自从于至到止].)\d?\s*月\s*\d{1,2}\s*日\s*起)"
                           r"(?=\s*,?\s*(?:停止|暂停|恢复|继续|解除|取消|终止|不再))")


# "自公告之日起", "自该公告发布之日起" in an answer: the day of a notice, not of the answer (session 43, qa43/03: a press
# conference named the notice's day, 12月3日, only in another answer; the restore took the transcript's day, 12-04, silently).
# The answer's own day only where its paragraph says the notice came out today ("今天发布公告，决定自公告发布之日起…").
QA_NOTICE_DAY_RE = lazy_compile(r"自\s*(?:该|上述|相关|有关|此|这一|前述)?\s*公告\s*(?:发布|公布|印发)?\s*之\s*日\s*起")
TODAY_WORDS = ("今天", "今日")


def _notice_day_in_answer(folded: str, told: str, s0: int, s1: int) -> bool:
    """``told`` ("自…起" of a step in an answer) is a notice's day and the step's paragraph does not say it is today's."""
    if "公告" not in told or QA_NOTICE_DAY_RE.fullmatch(told) is None:
        return False
    p0, p1 = folded.rfind("\n", 0, s0) + 1, folded.find("\n", s1)
    paragraph = folded[p0:p1 if p1 >= 0 else len(folded)]
    return not any(w in paragraph for w in TODAY_WORDS)


# "自2026年12月10日和2027年1月1日起": a start for each of two notices (``actions.apart.per_notice`` splits the step after "分别");
# a sentence whose steps did not take both days took the second for all (session 43, qa43/48: No. 21's lift three weeks late).
# So "自即日和2027年1月1日起" (both from 01-01) and "于2026年12月10日和2027年1月1日停止实施…" (no 起: both from the answer's own
# day, silently; review47): a day of two characters, and 于 with the step's verb (or 分别) right after the second day.
TWO_DAYS_RE = lazy_compile(r"[自于]\s*(?P<a>[^和、,;。]{1,16}?日)\s*[和、]\s*(?P<b>[^和、,;。]{1,16}?日)"
                           r"(?:\s*起|(?=\s*,?\s*(?:分别)?\s*(?:停止|暂停|恢复|继续|解除|取消|终止|不再)))")

# TWO_DAYS_RE's gate, "日和" or "日、" in the step's sentence: one scan for 日 instead of two finds (perf44: -2,000 a page).
DAY_THEN_AND_RE = re.compile("日[和、]")


def _each_day_taken(two: re.Match[str], drafts: list[act.ActionDraft], sentence: tuple[int, int] | None,
                    published: date | None) -> bool:
    """Whether the steps of ``sentence`` took both days of ``two`` (TWO_DAYS_RE), each read by the dates (a day the text
    tells from its own, "即日", from the day it was said: ``actions.apart`` splits "分别自即日和2027年1月1日起")."""
    days = {effective_in(f"自{two[g]}起", published) for g in ("a", "b")}
    taken = {y.effective[:10] for y in drafts if y.sentence == sentence and y.effective is not None}
    return None not in days and all(day is not None and day[:10] in taken for day in days)


def unread_start(src: Source, d: Draft) -> str | None:
    """A step whose sentence tells a start the dates cannot read (START_RE, ``effective_in`` finds no day in it), or a day
    right before a verb that no step of the sentence took (TOLD_DAY_RE): the step took another day; left out, for a person.
    A text with no day of its own reads no day told from it ("自即日起"): ``no_publication_date`` says so."""
    if not d.drafts or d.published is None:
        return None
    folded = src.folded
    seen: set[tuple[int, int]] = set()
    for x in d.drafts:
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        if (s0, s1) in seen:
            continue
        seen.add((s0, s1))
        if DAY_THEN_AND_RE.search(folded, s0, s1) is not None \
                and (two := TWO_DAYS_RE.search(folded, s0, s1)) is not None and not _each_day_taken(two, d.drafts, x.sentence, spoken_day(d)):
            return f"its start \"{two[0]}\" tells two days: the step would take one of them for every notice{LEFT_OUT}"
        if folded.find("起", s0, s1) >= 0 or folded.find("开始", s0, s1) >= 0:  # (a sentence with a start)
            for m in (START_RE if folded.find("从", s0, s1) >= 0 else START_ZI_RE).finditer(folded, s0, s1):
                told = f"自{m[0][1:-2] if m[0].endswith('开始') else m[0][1:-1]}起"
                if d.qa and _notice_day_in_answer(folded, told, s0, s1):
                    return f"its start \"{m[0]}\" is a notice's day the answer does not tell: the step would take its own day{LEFT_OUT}"
                if any(w in told for w in START_FROM_END) or effective_in(told, d.published) is not None:
                    continue
                return f"its start \"{m[0]}\" is no day the dates read: the step would take another day{LEFT_OUT}"
        if folded.find("月", s0, s1) < 0:  # (in every TOLD_DAY_RE match)
            continue
        for m in TOLD_DAY_RE.finditer(folded, s0, s1):
            day = effective_in(f"自{m[0].lstrip('自从于').removesuffix('开始').removesuffix('起').strip()}起", d.published)
            if day is None or folded.find("原", max(s0, m.start() - 8), m.start()) >= 0 and planned(folded, s0, m.end()) or any(y.effective is not None and y.effective[:10] == day[:10] for y in d.drafts
                                  if y.sentence == x.sentence):
                continue
            return f"the day \"{m[0].strip()}\" before its verb is not the day the step took{LEFT_OUT}"
    return None


# A step's day moved in its sentence: "…相关措施的停止实施时间由2027年1月1日提前至2026年12月10日", "…原定于12月10日恢复实施，
# 现推迟至2027年1月1日恢复实施" (session 44, qa44/29's probes: each read from the answer's own day, weeks early, silently).
# The day it is moved to must be a step's start (or end) in the sentence. Looked for only where a word of moving is.
MOVE_WORDS = ("提前", "推迟", "延后", "推后", "改为", "改至", "改到")
# Their first characters, one find each before the seven words' finds: nearly every text lacks all four, nearly every sentence
# with a step too (perf44: the seven finds of every step's sentence cost ~22,000 instructions a page, now ~6,700).
MOVE_FIRSTS = "提推延改"  # (each asked by a find of its own in ``unread_moved_day``: a generator costs more than the finds)
MOVED_DAY_RE = lazy_compile(r"(?:提前|推迟|延后|推后|改)\s*(?:至|到|为)\s*(?:自|从|于)?\s*"
                            r"(?P<day>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)")


def unread_moved_day(src: Source, d: Draft) -> str | None:
    """A step whose sentence moves a day to another (MOVED_DAY_RE) that no step of the sentence starts or ends on (or starts
    the day after: "…延长至2027年11月10日，恢复实施时间相应推迟至2027年11月11日"): the step took another day; left out."""
    if not d.drafts or d.published is None:
        return None
    folded = src.folded
    if "提" not in folded and "推" not in folded and "延" not in folded and "改" not in folded:  # MOVE_FIRSTS (nearly every text)
        return None
    seen: set[tuple[int, int]] = set()
    for x in d.drafts:
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        if (s0, s1) in seen:
            continue
        seen.add((s0, s1))
        if (folded.find("提", s0, s1) < 0 and folded.find("推", s0, s1) < 0 and folded.find("延", s0, s1) < 0
                and folded.find("改", s0, s1) < 0) or not any(folded.find(w, s0, s1) >= 0 for w in MOVE_WORDS):
            continue  # (nearly every sentence: MOVE_FIRSTS first)
        for m in MOVED_DAY_RE.finditer(folded, s0, s1):
            day = effective_in(f"自{m['day']}起", d.published)
            if day is None or any(y.sentence == x.sentence and day[:10] in (
                    (y.effective or "")[:10], str(y.until), str(y.until and y.until + timedelta(days=1))) for y in d.drafts):
                continue
            return f"its day is moved (\"{m[0].strip()}\") to one no step of the sentence took{LEFT_OUT}"
    return None


# A lift with an end: "自2026年12月10日起至2027年6月30日止，停止实施…", "停止实施…相关措施，为期一年", "…6个月" (session 44, qa44's
# probes: each read as a lift for good, the measures shown lifted past the end the text gives, silently; qa43/59 had pinned the
# lift). Stopped for a term is a suspension in all but the word: which one, and what comes at its end, is a person's to read.
# Not a term of the lift: one given to contracts ("给予3个月过渡期"), written right after it.
GRACE_AFTER = ("过渡期", "宽限期", "的过渡期", "的宽限期")


def unread_lift_term(src: Source, d: Draft) -> str | None:
    """A lift with a term or an end after its start (its draft's ``duration``, written in the lift's part of its sentence: from
    its start, or the clause of the step before it, to the step after it; not a grace period, GRACE_AFTER): left out."""
    folded = src.folded
    for x in d.drafts:
        if x.action is not ActionKind.LIFT or x.duration is None:
            continue  # (nearly every step)
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        before = max([y.start for y in d.drafts if y.sentence == x.sentence and y.start < x.start], default=-1)
        lo = s0 if before < 0 else max(folded.rfind(c, before, x.start) for c in ",;") + 1  # the lift's own clause
        hi = min([y.start for y in d.drafts if y.sentence == x.sentence and y.start > x.start], default=s1)
        at = folded.find(x.duration, lo, hi)
        if at < 0 or folded.startswith(GRACE_AFTER, at + len(x.duration)):
            continue  # "暂停实施…7号相关措施至2027年6月30日，停止实施…第21号…": the suspension's end, not the lift's
        since = iso_to_date(x.effective) or d.published
        end = parse_cn_date(x.duration) if x.duration.startswith("至") else until_from(x.duration, since)
        if end is None or since is None or end > since:
            return f"a lift is given a term (\"{x.duration}\"): the measures may come back at its end{LEFT_OUT}"
    return None


# A dated step whose object is the subject of the step before it, elided: "…7号相关措施自2026年12月10日起暂停实施，自2027年6月10日
# 起恢复实施" (session 44, qa44's probe: the suspension read with no end, the restore lost, silently). The verb ends its clause.
ELIDED_OBJECT_RE = lazy_compile(r"起\s*,?\s*(?:恢复|停止|暂停|终止|解除|取消)(?:实施|执行)?\s*(?=[。;,\n]|$)")


ELIDED_KINDS = {"恢复": (ActionKind.RESTORE,), "暂停": (ActionKind.SUSPEND, ActionKind.EXTEND),
                **dict.fromkeys(("停止", "终止", "解除", "取消"), (ActionKind.LIFT, ActionKind.RESTORE))}


def unread_shared_subject(src: Source, d: Draft) -> str | None:
    """A step's sentence going on to a dated verb with no object of its own (ELIDED_OBJECT_RE) that no step took, nor one of
    its kind in the sentence: left out, for a person."""
    folded = src.folded
    for x in d.drafts:
        s1 = x.sentence[1] if x.sentence else act.sentence_end(folded, x.start)
        if folded.find("起", x.start, s1) < 0:
            continue  # (nearly every step)
        for m in ELIDED_OBJECT_RE.finditer(folded, x.start, s1):
            kinds = ELIDED_KINDS[m[0].lstrip("起, \t")[:2]]
            # (a step of that kind read in the sentence took it: "不再对…的暂停期限予以延长，上述措施自同日起恢复实施")
            if not any(m.start() <= y.start < m.end() or y.action in kinds and y.sentence == x.sentence for y in d.drafts):
                return f"its sentence goes on to a step with no object of its own (\"{m[0].strip()}\"){LEFT_OUT}"
    return None


# A term in the numerals of accounts ("为期壹年", "延长陆个月"): no duration the dates read, so the step was read with no end, the
# lapse at its end never told (session 42's probe: a suspension and an extension, silently). Looked for only where one is.
FORMAL_NUMERALS = "壹贰叁肆伍陆柒捌玖拾"
UNENDED_KINDS = (ActionKind.SUSPEND, ActionKind.EXTEND)  # the steps that run to an end unread_term asks for
FORMAL_TERM_RE = lazy_compile(r"[壹贰叁肆伍陆柒捌玖拾佰零两一二三四五六七八九十]*[壹贰叁肆伍陆柒捌玖拾][壹贰叁肆伍陆柒捌玖拾佰零两一二三四五六七八九十]*"
                              r"\s*(?:周年|年|个月|天|日|周)")


# A term given by reference to another step ("暂停期限与去年11月的安排相同", "期限同上次", "期限参照…执行"): no duration the
# dates read, so the step ran with no end, suspended for good, silently (session 45, qa45's probe s5).
TERM_BY_REFERENCE_RE = lazy_compile(r"期限\s*(?:(?:与|和|跟)[^。；;\n]{1,30}?(?:相同|一致|同)|同(?![为是]?\s*[\d一二两三四五六七八九十半])"
                                    r"|参照|比照|按照|依照|沿用)")


# "…第72号规定的暂停实施…第46号第二款的期限延长至2027年11月27日" under the title "关于延长暂停实施…第二款期限的公告" (session 49,
# blind49/17 without its comma): the body read as nothing, the title's extension with no end, silently (suspended for good).
EXTENDED_TO = "延长至"
EXTENDED_TO_RE = lazy_compile(r"延长至\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


def unread_extended_end(src: Source, d: Draft) -> str | None:
    """An extension or suspension with no end read beside "延长至<day>" in the text that no step read as its end: left out,
    for a person."""
    if not d.drafts:
        return None  # (many texts)
    unended = [x for x in d.drafts if x.action in UNENDED_KINDS and x.until is None and x.extends_by is None]
    if not unended or EXTENDED_TO not in src.folded:  # (nearly every text)
        return None
    ends = {str(x.until)[:10] for x in d.drafts if x.until is not None}
    for m in EXTENDED_TO_RE.finditer(src.folded):
        day = f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
        if day not in ends:
            return f"it says \"{m[0]}\", an end no step read, beside a step with no end{LEFT_OUT}"
    return None


# "商务部令2025年第7号有效期延长1年" under the title "关于延长暂停实施商务部令2025年第6号有关措施
# 期限的决定" (session 52, order52's probes): the body read as nothing, the title's extension of No. 6 from the order's own day with
# no end, silently (suspended for good). A period after 延长 that no step read, beside a step with no end: left out.
EXTENDED_BY_RE = lazy_compile(r"延长\s*(?:[\d一二两三四五六七八九十]{1,3}\s*(?:年|个月|天|日|周)|半年)")


def unread_extended_period(src: Source, d: Draft) -> str | None:
    """An extension or suspension with no end read, no step of the text reading an end or a period, beside "延长1年" (a
    period): left out, for a person."""
    if not d.drafts or "延长" not in src.folded:  # (nearly every text)
        return None
    if any(x.until is not None or x.extends_by is not None for x in d.drafts):
        return None
    if not any(x.action in UNENDED_KINDS for x in d.drafts):
        return None
    m = EXTENDED_BY_RE.search(src.folded)
    return None if m is None else f"it says \"{m[0]}\", a period no step read, beside a step with no end{LEFT_OUT}"


# An end written as a day that is none ("自2027年2月11日起至2028年2月30日", "…暂停期限至2028年13月3日"): the dates read no day, so
# the step ran with no end, suspended for good with no countdown or lapse, silently (session 50, blind50/30). A start that is
# no day is ``unread_start``'s.
END_DAY_TOLD_RE = lazy_compile(r"[至到]\s*(?P<day>[\d〇○零一二三四五六七八九十]{4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                               r"\s*[\d一二三四五六七八九十]{1,3}\s*日)")


# "…分别暂停实施6个月和1年，即分别至2027年5月10日和8月10日", "…暂停实施1年，即至2027年8月10日": a term and the end told for it
# ("即") at odds. The end was taken, the term dropped, silently (session 51, review60: the yearless form, held before
# 3027942a, read since; the others read so before): which is right cannot be told. Asked only of a text holding 即至/即分别至
# (blanks between: ``_then_ends``).
TERMS_THEN_ENDS_RE = lazy_compile(rf"(?P<terms>{TERM_ALT}(?:{JOIN_ALT}{TERM_ALT})*)\s*[,，]?\s*即\s*(?:分别\s*)?(?:至|到)\s*"
                                  rf"(?P<ends>{END_ALT}(?:{JOIN_ALT}(?:至\s*)?{LATER_END_ALT})*)")


def _then_ends(folded: str) -> bool:
    """Whether TERMS_THEN_ENDS_RE's "即\\s*(?:分别\\s*)?(?:至|到)" stands in ``folded``: each 即 asked what follows it (perf52:
    the four words' scans of every text saying 即, "自即日起", and the generator's cell at every call, ~6,300 instructions a
    page; the words, with no blank, let "1年，即 至2027年8月10日" be read with its term dropped, silently)."""
    p = folded.find("即")
    while p >= 0:
        if ENDS_AFTER_RE.match(folded, p + 1) is not None:
            return True
        p = folded.find("即", p + 1)
    return False


ENDS_AFTER_RE = lazy_compile(r"\s*(?:分别\s*)?[至到]")  # (what follows a 即 in TERMS_THEN_ENDS_RE)


def unread_term_at_odds(src: Source, d: Draft) -> str | None:
    """A suspension's term and the end its text tells for it ("1年，即至…") more than a day apart (TERMS_THEN_ENDS_RE; a day:
    "自2025年11月10日起…1年，即至2026年11月10日" is the authority's count): left out, for a person."""
    folded = src.folded
    if not _then_ends(folded):
        return None  # (nearly every text)
    for m in TERMS_THEN_ENDS_RE.finditer(folded):
        terms, ends = [" ".join(t.split()) for t in TERM_ITEM_RE.findall(m["terms"])], ends_told(m["ends"])
        if len(terms) != len(ends):
            return (f"{len(terms)} terms told with {len(ends)} ends (\"{src.text[m.start() : m.end()].strip()}\"): which "
                    f"ends when is not read{LEFT_OUT}")
        for term, end in zip(terms, ends, strict=True):
            told = parse_cn_date(end)
            for x in d.drafts:
                start = iso_to_date(x.effective) if x.effective else None
                if x.until != told or start is None or x.action is not ActionKind.SUSPEND:
                    continue  # (an extension's term runs from the running end, not from its start)
                counted = until_from(term, start)
                if counted is not None and told is not None and abs((counted - told).days) > 1:
                    return (f"a term of {term} from {start.isoformat()} ends {counted.isoformat()}, and the text tells "
                            f"{told.isoformat()} (\"{src.text[m.start() : m.end()].strip()}\"): which is right cannot be "
                            f"told{LEFT_OUT}")
    return None


def unread_term(src: Source, d: Draft) -> str | None:
    """A suspension or extension with no end read whose sentence tells its term in the numerals of accounts (FORMAL_TERM_RE)
    or by reference to another step (TERM_BY_REFERENCE_RE), or its end as a day that is none (END_DAY_TOLD_RE): left out,
    for a person."""
    # the steps with no end first: ten scans of the whole text for the numerals cost ~10,000 instructions a page, and
    # nearly every suspension has its end read (perf42: -6,000 a page)
    unended = [x for x in d.drafts if x.action in UNENDED_KINDS and x.until is None and x.extends_by is None]
    if not unended:
        return None
    folded = src.folded
    for x in unended:
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        for told in END_DAY_TOLD_RE.finditer(folded, s0, s1):
            if parse_cn_date(told["day"]) is None:  # (digits or Chinese numerals: "至二〇二七年二月三十日")
                return f"its end \"{told[0]}\" is no day the dates read: the step has no end{LEFT_OUT}"
    if "期限" in folded:
        for x in unended:
            s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
            if (m := TERM_BY_REFERENCE_RE.search(folded, s0, s1)) is not None:
                return f"its term is told by reference (\"{m[0]}\"), no duration the dates read: the step has no end{LEFT_OUT}"
    if not any(ch in folded for ch in FORMAL_NUMERALS):  # (nearly every text)
        return None
    for x in unended:
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        m = FORMAL_TERM_RE.search(folded, s0, s1)
        if m is not None:
            return f"its term \"{m[0]}\" is no duration the dates read: the step has no end{LEFT_OUT}"
    return None


# An end told relative to a day or by a part of a month or year ("至明年6月底", "至今年年底", "暂停期限截至明年年末", "至次年3月31日",
# "至2027年上半年结束", "至下月底"): no day the dates read, so the step ran with no end (suspended for good), or "31日" was
# read as 31 days, "上半年" as half a year from the start, or a clause "…第21号相关措施1年，第22号相关措施暂停至明年6月底" was
# passed over (No. 22 missed), silently (session 45, review50's open A). A person reads the day. Asked only of a suspension's
# or extension's sentence holding one of VAGUE_END_WORDS.
VAGUE_END_WORDS = ("底", "末", "初", "旬", "半年", "年中", "次年", "翌年", "来年", "当年", "下一年", "第二年")
_REL_YEAR = r"(?:\d{4}|今|本|明|次|翌|来|当|下一|第二)\s*年"
VAGUE_END_RE = lazy_compile(
    rf"(?:至|(?<![收达得])到)\s*(?P<end>(?:{_REL_YEAR}\s*)?(?:(?:\d{{1,2}}|本|下|次|当|下个)\s*月\s*)?"
    r"(?:年底|年末|年初|年中|上半年|下半年|底|末|初|上旬|中旬|下旬)"
    r"|(?:次|翌|来|当|下一|第二)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
# "至明年6月30日" (RELATIVE_UNTIL_RE, read for a step on one notice) in a sentence naming two notices or more: the clauses
# per notice read only days written whole (``actions.apart``), so "…第21号相关措施1年，第22号相关措施至明年6月30日" gave No. 21
# the day and missed No. 22, silently (session 46).
RELATIVE_DAY_RE = lazy_compile(r"(?:至|(?<![收达得])到)\s*(?:今年|本年|明年)\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _several_notices(folded: str, d: Draft, s0: int, s1: int) -> bool:
    """Whether ``folded[s0:s1]`` names two notices or more (keyed refs, or numbers written short)."""
    return len({r[2].key for r in d.refs if s0 <= r[0] < s1 and r[2].key}) > 1 \
        or len({m["n"] for m in SHORT_NUMBER_RE.finditer(folded, s0, s1)}) > 1


def unread_vague_end(src: Source, d: Draft) -> str | None:
    """A suspension or extension whose sentence tells its end relative to a day or as a part of a month or year
    (VAGUE_END_RE), or a relative day in a sentence naming several notices (RELATIVE_DAY_RE): the dates read no day (or
    another), so the step took another end or none; left out, for a person."""
    folded = src.folded
    seen: set[tuple[int, int]] = set()
    for x in d.drafts:
        if x.action not in UNENDED_KINDS:
            continue
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        if (s0, s1) in seen:
            continue
        seen.add((s0, s1))
        sentence = folded[s0:s1]
        if any(w in sentence for w in VAGUE_END_WORDS):  # (nearly every step: none)
            for m in VAGUE_END_RE.finditer(folded, s0, s1):
                if "年" in m["end"] or "月" in m["end"]:  # (not "到底")
                    # "至2027年6月底" is the month's last day (``periods.MONTH_END_RE``), read for one notice; not "…6月底前",
                    # nor beside another notice (the clauses per notice read days written whole: No. 21 took No. 22's end)
                    whole = MONTH_END_RE.match(folded, m.start(), s1)
                    if whole is None or whole.end() != m.end():
                        return f"its end \"{m[0]}\" is no day the dates read{LEFT_OUT}"
        if not ("今年" in sentence or "本年" in sentence or "明年" in sentence):
            continue
        rel = RELATIVE_DAY_RE.search(folded, s0, s1)
        if rel is not None and _several_notices(folded, d, s0, s1):
            return (f"its end \"{rel[0]}\" is told relative to the text's year in a sentence naming several notices: which "
                    f"notice it ends is not read{LEFT_OUT}")
    return None


# A term written in English words or with an English unit ("six months", "6 months", "1 year", "90 days"), which no Chinese
# reading takes: "…暂停期限分别延长six months和1年" gave both notices the year, "…暂停期限为6 months" a suspension with no end
# (session 45, probe44 #13, silently): written where a Chinese term stands, right after a Chinese word ("延长", "为", "和"),
# not in English prose beside the Chinese ("…for 90 days starting from May 25, 2027（原文：…）"). Looked for only in the
# sentence of a suspension or extension holding such a unit word.
LATIN_UNITS = ("month", "Month", "MONTH", "year", "Year", "YEAR", "day", "Day", "DAY", "week", "Week", "WEEK")
LATIN_TERM_RE = lazy_compile(
    r"(?i)[\u4e00-\u9fff]\s*[(\"“‘']?\s*(?P<term>(?:\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|"
    r"thirty|sixty|ninety|hundred|half\s+a|one\s+and\s+a\s+half)[\s-]*(?:calendar\s+)?(?:months?|years?|days?|weeks?)(?![a-z]))")


NEXT_TERM_OPENINGS = ("暂停期限", "期限", "上述措施", "上述相关措施")


def unread_latin_term(src: Source, d: Draft) -> str | None:
    """A suspension or extension whose sentence tells a term in English (LATIN_TERM_RE): the dates read none, so the step
    took another term of its sentence, or none (no end); left out, for a person."""
    folded = src.folded
    for x in d.drafts:
        if x.action not in UNENDED_KINDS:
            continue
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        if folded.startswith(NEXT_TERM_OPENINGS, s1 + 1):
            # the term told in the next sentence ("…相关措施。暂停期限为6 months。", read by NEXT_TERM_RE in Chinese; probe45:
            # no end, silently), as its bracket or quote ("暂停期限为（6 months）", "为“six months”")
            s1 = act.sentence_end(folded, s1 + 1)
        sentence = folded[s0:s1]
        if not any(w in sentence for w in LATIN_UNITS):  # (nearly every step)
            continue
        m = LATIN_TERM_RE.search(folded, s0, s1)
        if m is not None:
            return f"its term \"{m['term']}\" is written in words the dates do not read{LEFT_OUT}"
    return None


# A suspension told to run with another's term ("…第21号相关措施，期限为1年；…7号相关措施同步暂停", "一并暂停"): read with no end
# of its own, it stayed suspended past the other's end (session 43, qa43/56: 7号 open-ended beside No. 21's year, silently).
SHARED_TERM_WORDS = ("同步", "一并", "同期")


# A term told in a clause of its own after a step's object, no 均 ("…，暂停实施…第23号相关措施，暂停期限至2027年10月31日"): read
# as the last step's (``unread_shared_term``). (With 均 it is every step's: ``actions.clauses._shared_term``.)
TERM_CLAUSE_RE = lazy_compile(r"[,;]\s*(?:暂停|延长)?\s*期限?\s*均?\s*(?:为期|为|是|至|到|延长至|顺延至|延至)")
TERM_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)
SHARED = "均"


def unread_shared_term(src: Source, d: Draft) -> str | None:
    """A suspension or extension with no end whose clause says it runs with another step (SHARED_TERM_WORDS) of its sentence
    that has one, or followed in its sentence by a step of its kind whose end is told in a clause of its own
    (TERM_CLAUSE_RE: "暂停实施A相关措施，暂停实施B相关措施，暂停期限至D", blind52: A read suspended for good, silently): which
    end it takes is not read; left out, for a person."""
    folded = src.folded
    for x in d.drafts:
        if x.action not in UNENDED_KINDS or x.until is not None or x.extends_by is not None:
            continue  # (nearly every step)
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        keys = {t.key for t in x.targets}
        line_end = folded.find("\n", x.start) % (len(folded) + 1)  # (the text's end where no line break follows)
        later = [y for y in d.drafts if x.start < y.start < line_end and y.action in TERM_STEPS and y.until is not None
                 and keys.isdisjoint(t.key for t in y.targets)] if keys and None not in keys and not title_step(x.text) else []
        if later and (m := TERM_CLAUSE_RE.search(folded, later[-1].start, act.sentence_end(folded, later[-1].start))) \
                and (later[-1].sentence == x.sentence or SHARED in m[0]):
            # (in its sentence, the steps from two starts; on its line with 均: "一是…第21号相关措施；二是…第23号相关措施，期限均为1年";
            # blind52's probes)
            return f"a term told after two steps (\"{m[0][1:].strip()}\"): whose is not read{LEFT_OUT}"
        c0 = max(s0, folded.rfind(",", s0, x.start) + 1, folded.rfind(";", s0, x.start) + 1)
        if not any(folded.find(w, c0, x.start + 4) >= 0 for w in SHARED_TERM_WORDS):
            continue
        if any(y is not x and (y.until is not None or y.extends_by is not None) and y.sentence == x.sentence
               for y in d.drafts):
            return f"a step told to run with another's term (\"{folded[c0 : x.start + 4]}\") has no end of its own{LEFT_OUT}"
    return None


def no_action_in_answer(src: Source, d: Draft) -> str | None:
    return "no action found in the answer" if d.qa and not d.actions else None


def no_notice_number(src: Source, d: Draft) -> str | None:
    return "no notice number found" if not d.qa and d.own is None else None


def dated_before_number(src: Source, d: Draft) -> str | None:
    """A notice dated before the year its number states: a signature's year typo the page's date put right
    (``identify.publication_day``: said), or a day before the December before that year, which cannot be right (refused
    for a person to read, ``UNSURE_DATE``: every day it gives would be a year off). A notice of the new year signed in
    the old one's December is no word (audit30/11: 〔2027〕1号 signed 2026-12-31)."""
    year = number_year(d)
    if year is None or d.published is None:
        return None
    number = d.own.number if d.own else ""
    if d.published < date(year - 1, 12, 1):
        return f"dated {d.published.isoformat()}, before the year of its number {number}{UNSURE_DATE}"
    pub = src.hints.pub
    if pub is None or d.published != pub.day or d.published.year != year:  # (``publication_day`` took no page date)
        return None
    folded = src.folded  # the year before's same month written: a look before reading the dates again
    if f"{year - 1}年{d.published.month}月" not in folded and f"{year - 1}年{d.published.month:02d}月" not in folded:
        return None
    signed = filing_date(src.folded) or signature_date(src.lines)
    if signed is not None and signed.year < year:
        return (f"signed {signed.isoformat()}, before the year of its number {number}; "
                f"read as the page's date {d.published.isoformat()}")
    return None


def effective_before_publication(src: Source, d: Draft) -> str | None:
    """A Q&A announcing something in force before it was published (itself, or one of its actions: a decision
    published late, ``actions.is_recounted``): check the dates."""
    if not d.qa or not d.published:
        return None
    first = min([x.effective for x in d.drafts if x.effective] + ([d.effective] if d.effective else []), default=None)
    if first and first < d.published.isoformat():
        return f"effective {first} is before publication {d.published.isoformat()}"
    return None


def unread_title_rest(src: Source, d: Draft) -> str | None:
    """A title's step on several notices (no term of its own) kept beside the body's steps on some of them only, where the
    body names the rest with no step read: what it does to them is not read ("关于暂停执行…第338号和第339号相关措施的公告" over
    "…暂停执行…第338号相关措施，暂停期限为6个月；…第339号相关措施继续有效": session 46, probe46's A11, 339 suspended with no end
    against the body's words): left out. (A rest the body does not name is the title's to say, story46.)"""
    for r in d.actions:
        if r.until is not None or r.duration is not None or len(r.targets) < 2 or not title_step(r.text):
            continue
        keys = {t.key for t in r.targets}
        said = {t.key for o in d.actions if o is not r and o.list is r.list and not title_step(o.text) for t in o.targets}
        body = src.folded.find("\n")
        named = {ref[2].key for ref in d.refs if ref[0] > body} if body >= 0 else set()
        if None not in keys and keys & said and (rest := (keys - said) & named):
            return (f"the title's step on several notices is told by the body for some only, not for "
                    f"{'、'.join(sorted(k for k in rest if k))}, which it names{LEFT_OUT}")
    return None


# The verbs of a step on an earlier notice's measures, as a body's sentence may tell it (``unread_told_step``).
TOLD_STEP_WORDS = ("恢复", "暂停", "延长", "停止", "终止", "取消", "解除", "中止")
TITLED_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)


def unread_told_step(src: Source, d: Draft) -> str | None:
    """A notice's body telling a step on a notice its title's step names, from a day before the one the title's step is
    read from, with no step read from that sentence: "商务部已于2026年11月20日发布公告，自2026年11月28日起，恢复实施…第46号
    第二款" (or "商务部已于2026年11月20日决定，…" under a title naming another step) under "关于恢复实施…第46号第二款的公告" of
    12-01. The title's step stood from the notice's own day, three days late, silently (session 49, fix57): the body may tell
    this notice's own step or recount another's; a person must read it. So too a numbered notice reading no step at all whose
    body so tells one ("商务部已于2026年11月20日决定，自2026年11月28日起，恢复实施…" under a bare number: stored as changing
    nothing, silently). A body whose decision the title names on the same notices reads it (``clauses._told_own``)."""
    if d.qa or d.published is None or not d.refs:
        return None
    said = {t.key for x in d.drafts if not title_step(x.text) for t in x.targets}  # the notices the body reads a step on
    titled = [a for a in d.actions if a.action in TITLED_STEPS and a.targets and title_step(a.text)
              and not any(t.key in said for t in a.targets)]
    if titled:
        # the notices the title names; any notice, where the body reads no step of its own (a title on another notice)
        keys = {t.key for a in titled for t in a.targets} if said else None
        cutoff = min(a.effective or d.published.isoformat() for a in titled)
    elif d.actions or d.entities or d.drafts or d.own is None or CORRECTION_TITLE_RE.search(d.folded_title):
        return None
    else:
        keys, cutoff = None, d.published.isoformat()
    folded = src.folded
    body = folded.find("\n")
    if body < 0:
        return None
    seen = -1
    for r0, _, ref in d.refs:
        if r0 < max(body, seen) or ref.key is None or keys is not None and ref.key not in keys:
            continue
        s0, s1 = sentence_start(folded, r0), act.sentence_end(folded, r0)
        seen = s1
        sentence = folded[s0:s1]
        if title_step(sentence) or "起" not in sentence or not any(w in sentence for w in TOLD_STEP_WORDS) \
                or any(s0 <= x.start < s1 for x in d.drafts):
            continue
        start = effective_in(sentence, d.published)
        if start is not None and start[:10] < cutoff[:10]:
            what = "its title's step is read from " + cutoff[:10] if titled else "it reads no step"
            return (f"tells a step on {ref.text} from {start[:10]} in a sentence no rule reads as this notice's, while "
                    f"{what}{LEFT_OUT}")
    return None


# A change a Q&A's title announces (``page.CHANGE_TITLE_RE``'s words, which the page's checks hold an answer by).
ANSWER_CHANGE_RE = lazy_compile(r"暂停(?!期限?(?:已经|已)?(?:届满|期满|到期))|调整|停止|恢复|延长|取消|解除")


def told_answer_step(src: Source, d: Draft) -> bool:
    """Whether an answer under a title announcing a change tells, in a sentence naming a notice by number, a decision on
    its measures taken before ("商务部已于2026年11月20日决定，自2026年11月28日起，恢复实施商务部公告2024年第46号第二款" under
    "商务部新闻发言人就恢复实施相关措施答记者问"): it reads no step (told: ``tense.told_as_past``) and names no list, so it was
    rejected as off topic, the page read as no notice, silently (session 49, fix57). Kept, the page's check holds it for a
    person (``page.unread_change``: the title's change unread, a notice named)."""
    if not d.qa or not d.refs or ANSWER_CHANGE_RE.search(d.folded_title) is None:
        return False
    folded = src.folded
    for r0, _, ref in d.refs:
        if ref.key is None or not any(a <= r0 < b for a, b in d.spans):
            continue
        s0, s1 = sentence_start(folded, r0), act.sentence_end(folded, r0)
        decided = folded.find("决定", s0, s1)
        if decided < 0:
            # "商务部已于2026年11月20日发布公告，自2026年12月1日起，停止实施…第21号相关措施" told after its start: read as no notice,
            # silently, so a lift whose notice the store lacks was missed (session 50, fix57's near-A)
            decided = folded.find("发布", s0, s1)
        if decided >= 0 and RECOUNT_RE.search(folded, s0, decided) is not None \
                and any(folded.find(w, s0, s1) >= 0 for w in TOLD_STEP_WORDS):
            return True
    return False
