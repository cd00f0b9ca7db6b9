"""Counts: the entities read against the counts the text states (the notice's, a list's, an annex's total line, per
country, after the names of a step) and a count with nothing read. A listing's counts in the places a count stands
(title, 【标题】, decision, measures, annex headings) are ``tallies``'s."""

from __future__ import annotations

from collections import Counter

from storage.records import ActionKind, ActionRecord, ListKind
from storage.vocabulary import list_name

from ... import actions as act
from ...actions.words import LIST_ALT, REMOVED_WORDS
from ...corrections import CORRECTION_TITLE_RE
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ...textnorm import NUM, fold, to_int
from ..named import ENTITY_ACTIONS, TOTAL_LINE_RE, country_counts, one_move, removals_beside_listing, total_line_opens
from ..record import annex_runs, annex_steps_possible, dedupe_actions
from .common import LEFT_OUT, LISTING_WORDS, imposes

# "其中5家列入出口管制管控名单（见附件1），3家列入出口管制关注名单（见附件2）": the count a notice listing on two lists states
# for one of them
LIST_COUNT_RE = lazy_compile(rf"(?P<n>{NUM})\s*家[^,;。\n]{{0,12}}?列入\s*(?:出口管制)?\s*(?P<list>{LIST_ALT})")

# "停止实施…第21号涉及的16家美国实体中的A（a）、B（b）3家实体的相关措施": a step limited to the entities it names, closed by a
# count (no 等) above the names read: the step reached the two, the third was lost, silently (session 51, review60: a probe of
# e9524bc9; the engine's named_fewer asks "等N家" only). Asked only of a step limited to entities, with 家 in its text.
NAMED_THEN_COUNT_RE = lazy_compile(rf"\)\s*(?P<n>{NUM})\s*[家个名]")

# The steps whose count the engine checks against the entities they reach (``storage.lifecycle.counted``)
ENGINE_COUNTED_STEPS = frozenset({ActionKind.REMOVE, ActionKind.LIFT, ActionKind.SUSPEND, ActionKind.EXTEND,
                                  ActionKind.RESTORE})

# "将红杉防务系统公司（…）、灰隼<br>航空公司（…）等2家美国企业列入不可靠实体清单": the listing's (or removal's) verb and the list
# it names, in a notice that read neither (``counted_nothing_read``).
LISTING_ON_LIST_RE = lazy_compile(rf"(?:{'|'.join(LISTING_WORDS)})\s*(?:{LIST_ALT})")


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
    if d.count[0] is None and imposes(d.drafts):
        return "no entities found for a listing"
    for x in d.drafts:
        if x.action is ActionKind.REMOVE and not x.targets \
                and (d.count[0] is None or src.folded.startswith(REMOVED_WORDS[0], x.start)):
            return f"no entities found for a removal{LEFT_OUT}"
    return None


def counted_nothing_read(src: Source, d: Draft) -> str | None:
    """A numbered notice stating how many entities it lists or removes ("等2家美国企业列入不可靠实体清单") that reads no step
    and no entity: its acting sentence was not read (pages28: the sentence cut in two by a ``<br>`` of the page's
    markup), and it was stored as a notice changing nothing, without a word. Left out for a person to read. Not a
    correction ("关于更正…的公告": ``corrections.CORRECTION_TITLE_RE``), whose text recounts the listing it corrects."""
    if d.qa or d.own is None or d.entities or d.actions or d.drafts or d.count[0] is None \
            or CORRECTION_TITLE_RE.search(d.folded_title) or LISTING_ON_LIST_RE.search(d.operative) is None:
        return None
    return f"states {d.count[0]} entities but reads no step and no entity{LEFT_OUT}"
