"""A step on whole notices whose text states fewer entities than it would reach: held, not applied.

"决定将商务部公告2025年第21号所列高点航空技术公司等2家美国实体移出…" with its annex missing (a page cut short, the annex
given only as a file) reads as a removal naming No. 21 and no entity: applied as it reads, it removes all 16, 14 of
them falsely. The parser cannot tell it from "…等16家美国实体移出" (all of No. 21): only the engine knows how many
entities a notice listed, and how many a step on it still reaches after the steps before it (some removed, or
lifted for themselves alone, earlier). So a removal, lift, suspension, extension or restoration naming notices by
number and no entity, whose text states a count below the entities it would reach on them (summed over every notice
it names: "第21号和第22号公告…涉及28家"), changes nothing and is a problem with an unresolved-reference item, as a
reference the engine cannot match is: ``status`` exits 1. A count equal to or above them, or none, is applied as
before; so is a step naming its entities, or notices by date and count (``targets._resolve_date_ref`` checks those).
Entities the same notice's other steps name on that listing are counted off first ("除内华达山脉公司外，…对其他15家",
"对…所列其余10家实体": the others of a notice acting on some of them by name). A count of the others ("其余4家企业") must be
exactly the entities so left: one above them is held too (session 27: a name misread or not on the listing). A count of
the entities a step excepts ("…相关措施，但该公告所列A（a）、B（b）2家实体除外") is not what it reaches; it must be exactly the
entities the notice's other steps name on the listing ("对上述2家实体，继续暂停…"), else the step is held (session 32: the
lift of the 14 others was held as undercounted)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from storage.numerals import chinese_to_int
from storage.records import RESTATING_KINDS, ActionKind, ActionRecord, EventKind, ListingState, ListKind

from .builder import _Builder, _unresolved
from .model import NAMED_COUNT_RE, NO_ENTITY, OWN_KINDS, THE_OTHERS, Listing, Step
from .simulate import _simulate

# "等2家美国实体", "所列16家", "１６家", "十名": a count of entities or persons ("名单" is a list, not a count)
COUNT_RE = re.compile(r"([0-9０-９一二三四五六七八九十两百〇零]+)\s*(?:家|名(?!单))")
# "对…所列其余4家企业，继续暂停…", "其余4家企业的反制措施按期恢复实施": the count of the others, which must be exactly those it
# reaches (the notice's entities less those its other steps name): any other count means a name was misread
REST_COUNT_RE = re.compile(rf"(?:{'|'.join(THE_OTHERS)})\s*(?:的\s*)?([0-9０-９一二三四五六七八九十两百〇零]+)\s*(?:家|名(?!单))")
# ... followed in its clause by 列入: the count of a listing recounted ("将28家美国实体列入…名单"), not of this step
HISTORY_RE = re.compile(r"[^，,。；;]*?列入")
# ... followed by 除外 (or by 外 closing a "除…外"): the count of the entities the step excepts ("停止实施…第21号相关措施，但该
# 公告所列A（a）、B（b）2家实体除外"), which must be exactly those the notice's other steps name on the listing
EXCEPTED_RE = re.compile(r"\s*[\u4e00-\u9fff]{0,6}?(?:除外|外(?=\s*[，,；;。]))")
VERBS = {EventKind.REMOVED: "removes", EventKind.LIFTED: "lifts the measures on", EventKind.SUSPENDED: "suspends",
         EventKind.SUSPENSION_EXTENDED: "extends the suspension of", EventKind.RESTORED: "restores the measures on"}


def stated_count(action: ActionRecord) -> int | None:
    """The count the action's text states for what it acts on ("…第21号所列A等2家" -> 2; "将A等2家美国实体从…移出，商务部公告
    2025年第21号对上述实体…" -> 2), not one of a listing it recounts ("商务部于4月9日将12家美国实体列入…": a count its
    clause follows with 列入); several: the largest (a step is held only when every count it states is below what it
    reaches). None when it states none."""
    counts = []
    for m in COUNT_RE.finditer(action.text):
        if HISTORY_RE.match(action.text, m.end()) or _excepting(action.text, m):
            continue
        try:
            counts.append(chinese_to_int(m.group(1)))
        except ValueError:
            continue
    return max(counts) if counts else None


def notice_count(step: Step) -> int | None:
    """The count the step's notice states (``NoticeRecord.stated_count``) when the notice names no entity and every step
    of it is on the same whole notices by number, none an own listing: the count of the entities those steps act on,
    which the step's own text may not hold. A title and a body saying one step keep one text
    (``rules.record.dedupe_actions``: the title's, read first), and a count may stand in the title alone (session 50, count50: "关于将商务部公告2025年第21号
    所列实体移出…的公告" over "…所列2家美国实体移出…（见附件）", or "关于将2家日本实体移出…的公告" over "…第70号所列相关实体
    移出…（见附件）", the annex missing: each removed all of the notice, the only trace a parse warning). None else."""
    record = step.source.record
    if record.stated_count is None or record.entities or record.kind in RESTATING_KINDS:
        return None
    named = None
    for action in record.actions:
        if action.action is ActionKind.IMPOSE or action.entities or not action.targets:
            return None
        on = {ref.key or ref.text for ref in action.targets}
        if named is None:
            named = on
        elif on != named:
            return None  # steps on other notices: the count may be one step's ("关于停止实施对12家美国实体…的公告" over a lift
            # of No. 22 and an extension of No. 21's suspension: the extension was held, 12 of 16)
    return record.stated_count


def _excepting(text: str, m: re.Match[str]) -> bool:
    """Whether the count ``m`` counts the entities its step excepts (EXCEPTED_RE: "…2家实体除外", "除A等2家实体外，")."""
    found = EXCEPTED_RE.match(text, m.end())
    return found is not None and (found[0].endswith("除外") or text.rfind("除", 0, m.start()) >= 0)


def _excepted_count(action: ActionRecord) -> int | None:
    """The count of the entities the action's text excepts ("…但该公告所列A、B 2家实体除外" -> 2), else None."""
    if "外" not in action.text:  # in every EXCEPTED_RE match
        return None
    for m in COUNT_RE.finditer(action.text):
        if _excepting(action.text, m):
            try:
                return chinese_to_int(m.group(1))
            except ValueError:
                return None
    return None


def named_fewer(action: ActionRecord) -> int | None:
    """The count "等N家" the text of an action naming entities gives them when it is above the entities named
    ("将蓝脊电子公司（…）等2家美国实体移出…", one name, no annex): the step acts on those named (a named removal is
    never lost) and the others, not read, are a problem (session 32, audit31's answer: silent). None else."""
    if "等" not in action.text or not action.entities:  # in every NAMED_COUNT_RE match (model: "等2家")
        return None
    counts = []
    for m in NAMED_COUNT_RE.finditer(action.text):
        if HISTORY_RE.match(action.text, m.end()):
            continue  # "将甲等3家美国实体列入…": a listing's count
        if action.text.rfind("《", 0, m.start()) > action.text.rfind("》", 0, m.start()):
            continue  # inside a quoted title: "解除…《关于对…等2家企业及1名高级管理人员采取反制措施的决定》对X…" (mfa43 probe)
        try:
            counts.append(chinese_to_int(m.group(1)))
        except ValueError:
            continue
    said = max(counts, default=0)
    return said if said > len(set(action.entities)) else None


def _rest_count(action: ActionRecord) -> int | None:
    """The count of "the others" the action's text states ("其余4家企业" -> 4), else None."""
    if not any(w in action.text for w in THE_OTHERS):  # in every REST_COUNT_RE match
        return None
    m = REST_COUNT_RE.search(action.text)
    if m is None:
        return None
    try:
        return chinese_to_int(m.group(1))
    except ValueError:
        return None


def _candidate(step: Step, listing_key: str) -> bool:
    """A step on a whole notice, by an action naming notices by number alone and no entity."""
    action = step.action
    return (step.subset is None and step.event_kind in VERBS and step.event_kind not in OWN_KINDS
            and step.source.record.key != listing_key and not action.entities and bool(action.targets)
            and all(ref.key is not None or ref.number is not None for ref in action.targets)
            and all(ref.count is None for ref in action.targets))


def _reached(listing: Listing, steps: Sequence[Step], step: Step) -> tuple[int, int, int]:
    """(entities ``step`` would act on, entities the listing lists, entities of the listing set aside): after the steps
    before it in ``steps`` (in order; a step held before is gone from them), those the same notice names on the listing
    by other steps set aside."""
    states = _simulate(listing, steps[:steps.index(step)], date.max, None, None)
    ended = (ListingState.LIFTED, ListingState.REMOVED)
    reach = {k for k, st in states.items() if k != NO_ENTITY and not st.singled_out
             and not (step.state is ListingState.SUSPENDED and st.state in ended)}
    listed = {k for k in listing.entity_keys() if k != NO_ENTITY}
    apart: set[str] = set()
    for other in steps:
        if other.source.record.key == step.source.record.key and other.subset is not None:
            apart.update(other.subset)
    return len(reach - apart), len(listed), len(apart & listed)


def _hold_undercounted(listings: dict[tuple[str, ListKind], Listing], steps: dict[tuple[str, ListKind], list[Step]],
                       b: _Builder) -> None:
    """Drop from ``steps`` each step of an action whose stated count is below the entities it would reach (the
    module's docstring), in the order the actions take effect (one held changes what a later one reaches); say why."""
    actions: dict[tuple[str, int], list[tuple[tuple[str, ListKind], Step]]] = {}
    for lk, its in steps.items():
        for step in its:
            if _candidate(step, lk[0]):
                actions.setdefault((step.source.record.key, step.order[2]), []).append((lk, step))
    for action_id, reached in sorted(actions.items(), key=lambda item: min(s.order for _, s in item[1])):
        step = reached[0][1]
        rest, excepted = _rest_count(step.action), _excepted_count(step.action)
        count = stated_count(step.action) if rest is None else rest
        if rest is None and (told := notice_count(step)) is not None:
            count = told if count is None else min(count, told)
        if count is None and excepted is None:
            continue
        found = [(lk, *_reached(listings[lk], steps[lk], s)) for lk, s in reached]
        total = sum(n for _, n, _, _ in found)
        apart = sum(n for _, _, _, n in found)
        if excepted is not None and excepted != apart:
            for lk, s in reached:
                steps[lk].remove(s)
            _unresolved(b, step.source, step.action, None,
                        f"it acts on {', '.join(dict.fromkeys(lk[0] for lk, _ in reached))} but excepts {excepted} "
                        f"entities (除外), and its notice's other steps name {apart} of them there: the step on the "
                        "others cannot be told", step.effective, f"a{action_id[1]}-count")
            continue
        if count is None or count == total or count > total and rest is None:
            continue
        for lk, s in reached:
            steps[lk].remove(s)
        detail = "; ".join(f"{lk[0]}: {n}" + (f" of the {listed} it lists, the others removed or their measures "
                                              "lifted before, or named by its notice's other steps" if n < listed
                                              else "") for lk, n, listed, _ in found)
        why = (f"it names {', '.join(dict.fromkeys(lk[0] for lk, _ in reached))} but no entity, and its text states "
               f"{count} entities, fewer than the {total} it would reach ({detail}): the entities it names may be in an "
               "annex, or a part of the page, that was not read") if rest is None else (
               f"it acts on the others of {', '.join(dict.fromkeys(lk[0] for lk, _ in reached))} (\"其余{count}家\"), but "
               f"{total} are left once those its notice names otherwise are set apart ({detail}): a name may have been "
               "misread, or not found on the listing")
        _unresolved(b, step.source, step.action, None, why, step.effective, f"a{action_id[1]}-count", count)
