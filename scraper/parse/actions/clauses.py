"""The clause walk: each sentence's acting verbs with their targets, dates and terms become drafts; an extra measure's
action."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from storage.records import ActionKind, ListKind, NoticeRef

from ..dates import (
    effective_in,
)
from ..lazyre import lazy_compile
from ..textnorm import NUM, any_within, holds_in
from .apart import AT_END_STEPS, TERMED, per_notice, region_end, restores_apart
from .periods import stale
from .targets import (
    ON_NOTICES,
    TOLD_STEP_BEFORE,
    decided_above,
    ended_by_lift,
    excepted_day,
    is_subject,
    on_targets,
    own_removal,
    plain_lines_decided,
    relative_object,
    repeats,
    step_reach,
    targets_of,
    told_state,
)
from .tense import acting_verbs, denied, held_off, is_decision, is_passive, plan_start, told_before
from .words import (
    ENDED,
    LIST_KIND,
    LIST_WORD_RE,
    MATCH_START,
    MOVED_TO,
    NOT_RENEWED,
    SENTENCE_RE,
    THE_OTHERS,
    VERB_KINDS,
    VERB_RE,
    ZHONGZHI_RE,
    ActionDraft,
    list_in,
    sentence_end,
    sentence_start,
    suspension_ended,
    title_step,
)

# An extra measure: "决定…采取…措施" or "禁止其" (the two alternatives of one search, found apart:
# each opens with its own literal, which a scan finds far faster than their two first characters).
MEASURE_DECIDED_RE = lazy_compile(r"决定[^。]{0,80}?(?:(?:采取|实施)[^。]{0,20}?措施|处以[^。]{0,12}?罚款)")  # "决定对甲处以罚款"
# What every MEASURE_DECIDED_RE match ends with: a text holding neither is not searched. After each 决定 the search tries
# up to 80 places for 采取/实施 and 20 more for 措施 (~30,000 instructions on a 240-character notice of goods controls,
# "决定对稀土相关技术实施出口管制", which holds no 措施); ``in`` over the text costs a few hundred.
MEASURE_ENDS = ("措施", "罚款")
MEASURE_BAN = "禁止其"
# "由关注名单" right before a 转入 ("从关注名单（中）", "从出口管制关注名单" before a 移至: items45): the list an entity moves from.
MOVED_FROM_RE = lazy_compile(r"[由从]\s*(?:出口管制(?=关注名单))?(?P<list>出口管制管控名单|管控名单|关注名单|不可靠实体清单)\s*中?\s*$")
MOVED_FROM_REACH = 12
# A list of exporters named right after a removal's or listing's verb, or in a removal's "从…中" before it ("移出白名单",
# "列入两用物项出口通用许可企业名单", "从白名单中移除"): none of ours (``_another_list``); a list word misspelt or cut
# ("移出注名单") is still ours. One match each, its words inside the pattern (no Python loop over them).
_OTHER_LIST = r"[^,，;；。:：\n单]{0,16}?(?:白|许可|合规|企业|经营者)[^,，;；。:：\n单]{0,16}?[名清]单"
OTHER_LIST_AFTER_RE = lazy_compile(rf"\s*{_OTHER_LIST}")
OTHER_LIST_BEFORE_RE = lazy_compile(rf"从\s*{_OTHER_LIST}\s*中?\s*$")
# A listing whose decision is to be published later, the list's name then "的决定另行公布" ("…，将B（b）列入出口管制关注名单的
# 决定另行公布": session 47, words47; B, or the notice's first names, put on the watch list, silently).
TO_COME_RE = lazy_compile(r"[^,;。\n]{0,16}?[名清]单\s*的\s*(?:决定|具体名单|名单)\s*(?:将|拟)?\s*另行(?:公布|发布|公告|作出|通知|宣布)")
TOLD_STEP_ENDS = "述该项一"  # their last characters: one look before the verb turns nearly every verb away


# A term told once after a sentence's last suspension (or extension) for all of its steps ("暂停实施A相关措施，暂停实施B相关
# 措施，暂停期限均至2027年10月31日"; "…，期限均为1年"): ``_shared_term``. 均 is in every match (its gate).
SHARED = "均"
SHARED_TERM_RE = lazy_compile(r"期限?\s*均\s*(?:为期|为|是|至|到|延长至|顺延至|延至)")
SHARED_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)


ENDED_RE = re.compile(ENDED)  # (``_suspensions_ended``)
# "…的暂停不再延续": the verbs that end a suspension named before them by not renewing it (``words.suspension_ended``)
SUSPENSION_NOT_RENEWED = frozenset((*NOT_RENEWED, "不再延续", "不再继续"))
UNDONE_BY = "不再对"  # "不再对X采取暂停措施", "不再对X实施暂停", "不再对X予以暂停" (words.VERB_RE)
# A clause mark outside a bracket ("不再对X公司（Skydio, Inc.）采取暂停措施" is one clause).
WORDS_CLAUSE_END_RE = lazy_compile(r"[,，;；。\n](?![^()]*\))")
# What joins a verb of its own to the clause of "不再对" ("不再对美国实体加征关税并暂停实施…第21号相关措施90天": a suspension
# of No. 21, read as its restore: session 41, review43): the 暂停 right after it is no object of 不再对.
JOINED_BEFORE = ("并", "且", "也", "还", "、", "同时", "以及", "另外")


def _span_verbs(folded: str, span_start: int, span_end: int) -> list[re.Match[str]]:
    """The verbs of a span, in one scan (no verb crosses a sentence end), with the rare words' own adjustments."""
    verbs = list(VERB_RE.finditer(folded, span_start, span_end))
    if holds_in(folded, "中止", span_start, span_end):  # (rare: ZHONGZHI_RE)
        verbs = sorted([*verbs, *ZHONGZHI_RE.finditer(folded, span_start, span_end)], key=MATCH_START)
    if holds_in(folded, "不再对", span_start, span_end):  # (rare)
        verbs = undone_kept_out(folded, verbs)
    if holds_in(folded, ENDED, span_start, span_end) and holds_in(folded, "暂停", span_start, span_end):  # (rare)
        verbs = sorted([*verbs, *_suspensions_ended(folded, span_start, span_end)], key=MATCH_START)
    if holds_in(folded, TERM_EXTENDED, span_start, span_end):  # (rare)
        verbs = [v for i, v in enumerate(verbs) if term_of_suspension(folded, v, verbs[i - 1] if i else None)]
    return verbs


# "…规定的暂停实施…第6号有关措施的期限延长1年": the bare 延长 after a term's noun (VERB_RE) is an extension of a suspension
# only where its clause names one as a noun ("的暂停"), with no verb before it: "…所列反制措施的期限延长3年" is a term of the
# measures, which no step reads; "对…第21号暂停实施相关措施的期限延长至…" is one verb, 暂停实施 with its end (qa42/03).
TERM_EXTENDED = "的期限延长"
TERM_CLAUSE_MARKS = ",;；。\n"
MFA_DECREE = "外交部令"  # (keyed as a MOFCOM order by the ministry's references: "令2042年第401号")


def term_of_suspension(folded: str, verb: re.Match[str], before: re.Match[str] | None) -> bool:
    """Whether ``verb`` is no bare "延长" after "的期限" (VERB_RE), or one whose clause holds "的暂停" before it, no verb
    (``before``: the verb before it) and no MFA decree."""
    at = verb.start()
    if verb[0] != "延长" or not folded.startswith(TERM_EXTENDED, at - 3):
        return True
    mark = max(folded.rfind(c, 0, at) for c in TERM_CLAUSE_MARKS)
    if folded.find(MFA_DECREE, mark + 1, at) >= 0:
        return False  # an MFA decree's suspension extended: the MFA reader's (``mfa.reading.extension_first``)
    return folded.find("的暂停", mark + 1, at) >= 0 and (before is None or before.start() <= mark) \
        and folded.endswith(SUSPENDED_OBJECT_ENDS, mark + 1, at - 3)


# What a suspended notice's term ends after ("…第6号有关措施的期限延长", "…第46号第二款的期限延长"), not a measure of the notice
# suspended in its own words ("商务部公告2025年第61号规定的暂停受理…出口许可申请的期限延长1年", "…规定的暂停实施出口许可豁免的期限延长
# 1年": read as an extension of No. 61's suspension, none running, silently; session 52, review62/o01, o03).
SUSPENDED_OBJECT_ENDS = ("措施", "款", "号", "条", "项")


def undone_kept_out(folded: str, verbs: list[re.Match[str]]) -> list[re.Match[str]]:
    """The verbs without the 暂停 after "不再对" in its clause (the object of the restore "不再对X采取暂停措施", no
    suspension: session 40, audit40/32; whatever stands before it, "…采取任何暂停措施", "…予以暂停", "…暂停实施": session 41,
    review42, each read as a suspension)."""
    out: list[re.Match[str]] = []
    opened = -1  # where the last "不再对" starts, -1 after a clause end
    undone = -1  # its place in ``out`` while no 暂停 was taken as its object
    for v in verbs:
        at = v.start()
        if opened >= 0 and WORDS_CLAUSE_END_RE.search(folded, opened, at) is not None:
            opened = -1
        if v[0] == UNDONE_BY:
            opened, undone = at, len(out)
        elif opened >= 0 and v[0].startswith("暂停"):
            if not folded[opened:at].rstrip().endswith(JOINED_BEFORE):
                undone = -1
                continue
            if undone >= 0:  # its clause's only 暂停 is a verb of its own: "不再对" took none, no restore
                del out[undone]
            opened = undone = -1
        out.append(v)
    return out


def _suspensions_ended(folded: str, start: int, end: int) -> list[re.Match[str]]:
    """The 结束 of ``folded[start:end]`` whose subject is a suspension ("…的暂停安排自…起结束": ``suspension_ended``), as
    verbs (session 41: read as nothing, "no action found in the answer", silently)."""
    return [m for m in ENDED_RE.finditer(folded, start, end)
            if suspension_ended(folded, sentence_start(folded, m.start(), start), m.start()) is not None
            or _arrangement_after(folded, m.end(), end)]


def _arrangement_after(folded: str, v_end: int, end: int) -> bool:
    """Whether the suspension arrangement is the object of the 结束 ending at ``v_end``, in its clause ("结束…第21号相关措施
    暂停执行安排": review44, session 42, read as a suspension of No. 21, and with 暂停…安排 a noun as nothing, silently)."""
    mark = WORDS_CLAUSE_END_RE.search(folded, v_end, end)
    p = folded.find("暂停", v_end, end if mark is None else mark.start())
    return p >= 0 and ARRANGEMENT_OBJECT_RE.match(folded, p) is not None


def find_actions(folded: str, clean: str, *, spans: list[tuple[int, int]], refs: list[tuple[int, int, NoticeRef]],
                 published: date | None, default_effective: str | None, notice_list: ListKind | None,
                 allow_impose: bool) -> list[ActionDraft]:
    """Actions in the operative parts of the text (``spans``: the answer of a Q&A, the body
    of a notice), read clause by clause (SENTENCE_RE) in the sentences that hold verbs.

    A sentence ends at a line end or a "。"; "自…起" carries over the other stops (；！？) to the
    later clauses of its sentence, not past its end, so only the sentences holding a verb are
    read, and one without those stops is one clause (no clause walk). A sentence whose verbs
    can none of them act (``inert``) is not read at all."""
    drafts: list[ActionDraft] = []
    # A verb inside a ref by date ("…被列入…的16家美国实体") tells history: where those refs are.
    dated = [(s, e) for s, e, r in refs if r.key is None] if refs else []
    inert = INERT[bool(refs), allow_impose]  # verbs that cannot act here
    find, rfind = folded.find, folded.rfind
    for span_start, span_end in spans:
        verbs = _span_verbs(folded, span_start, span_end)
        count = len(verbs)
        vi = 0
        while vi < count:
            if verbs[vi][0] in inert:
                vi += 1
                continue
            at = verbs[vi].start()
            begin = max(rfind("\n", 0, at), rfind("。", 0, at)) + 1  # the sentence's start, maybe before the span
            seg = begin if begin > span_start else span_start
            stop = find("\n", at, span_end)
            end = span_end if stop < 0 else stop
            stop = find("。", at, end)
            end = end if stop < 0 else stop
            first = vi  # the inert verbs before it in its sentence still cut its clause
            while first and verbs[first - 1].start() >= seg:
                first -= 1
            vi += 1
            while vi < count and verbs[vi].start() < end:
                vi += 1
            # the sentence as the walk knows it, up to its true end when the span cuts it
            bounds = (begin, end if end < span_end or end == len(folded) else sentence_end(folded, end))
            sentence = folded[seg:end]
            if "；" in sentence or ";" in sentence or "！" in sentence or "？" in sentence or "!" in sentence \
                    or "?" in sentence:
                _clause_walk(drafts, folded, clean, seg, end, verbs[first:vi], refs, dated, published,
                             default_effective, notice_list, allow_impose, bounds)
                continue
            carried = effective_in(sentence, published) if "起" in sentence or "至" in sentence else None
            if carried is not None and sentence.count("起") == 1 and stale(carried, published) \
                    and (allow_impose or not is_decision(sentence)):
                # "自2025年11月10日起继续暂停…" in an answer of 2026 recounts it; an answer's sentence that says it
                # decides is judged verb by verb (``is_recounted``: a late decision still acts)
                continue
            _sentence_actions(drafts, folded, clean, seg, end, verbs[first:vi], refs, dated, published,
                              carried or default_effective, notice_list, allow_impose, sentence, bounds)
    if len(drafts) > 1 and any(x.on_entities is not None and x.action is ActionKind.RESTORE for x in drafts):
        _rest_first(folded, drafts)  # (a named restore is rare: no scan of the whole text for the words of the others)
    if len(drafts) > 2:
        _drop_said_apart(folded, drafts)
        _restores_after_split(folded, drafts)
    return drafts


def _restores_after_split(folded: str, drafts: list[ActionDraft]) -> None:
    """A restore at the end of steps split per notice that its sentence's walk did not see beside it: after a ";" or in
    the next sentence ("…暂停期限为6个月；其中第22号相关措施暂停期限为1年，期满后自动恢复实施", "…期限分别为6个月和1年；期满后自动
    恢复实施", "…。期满后自动恢复实施"): one restore of both at one end, No. 21 or No. 22 back six months early or late, silently
    (review50). Each back at its own step's end (``apart.restores_apart``), the steps before it in its paragraph."""
    for r in [x for x in drafts if x.action in AT_END_STEPS and x.after_end is not None and len(x.targets) > 1]:
        line = folded.rfind("\n", 0, r.start) + 1
        steps: dict[str, ActionDraft] = {}
        for x in drafts:
            if x.action in TERMED and line <= x.start < r.start and len(x.targets) == 1:
                steps[x.targets[0].key or ""] = x
        if (each := restores_apart(r, steps)) is not None:
            at = drafts.index(r)
            drafts[at : at + 1] = each


def _drop_said_apart(folded: str, drafts: list[ActionDraft]) -> None:
    """A step on several notices with no term or end, when its sentence goes on to give each of them a step of its own
    of the same kind and start, with an end: "暂停实施…第21号和第22号相关措施，其中第22号公告相关措施暂停1年，第21号公告相关措施
    暂停6个月" (session 44, probe44 #18: beside the right steps, a false "Suspended: … until further notice" item for
    both). The steps of their own say it whole; and whatever their starts when the step on several notices has none of
    its own before its verb ("中方决定，暂停实施…，其中第22号…自2026年12月15日起暂停1年，第21号…自2026年12月20日起暂停6个月":
    it took the first of them, No. 21 suspended from 12-15 with no end beside its own step from 12-20, silently;
    review50). A start of its own another step contradicts stays, for ``checks.unread_starts_apart`` to hold. Extensions of
    each say whole a suspension of them all ("暂停实施…第21号和第22号相关措施，暂停期限分别延长6个月和1年", with or without a
    start: session 45, probe44 #13, a suspension with no end beside them; "…暂停期限延长1年" is one step,
    ``rules.record._shortened``)."""
    for d in [x for x in drafts if x.action in TERMED and len(x.targets) > 1 and x.until is None
              and x.duration is None and x.extends_by is None and x.on_entities is None]:
        s1 = sentence_end(folded, d.start)  # (a notice's drafts know no sentence: d.sentence None)
        s0 = d.sentence[0] if d.sentence else max(folded.rfind("。", 0, d.start), folded.rfind("\n", 0, d.start)) + 1
        unstarted = folded.find("起", s0, d.start) < 0 and folded.find("日", s0, d.start) < 0  # (no "自…起", "于…日")
        own = [o for o in drafts if o is not d and o.sentence == d.sentence and sentence_end(folded, o.start) == s1
               and (o.action is d.action or d.action is ActionKind.SUSPEND and o.action is ActionKind.EXTEND)
               and (unstarted or o.effective == d.effective) and (o.until is not None or o.extends_by is not None)
               and len(o.targets) == 1]
        if all(any(o.targets[0].key == t.key for o in own) for t in d.targets if t.key is not None) \
                and all(t.key is not None for t in d.targets):
            drafts.remove(d)




def _rest_first(folded: str, drafts: list[ActionDraft]) -> None:
    """"一、对甲公司（…）恢复实施…第6号规定的反制措施；二、对…第6号所列其余4家企业，继续暂停实施…1年" (both from one day): the step on
    "the others" (其余) is the whole notice's, then the named entity's step undoes it for that one, so it goes first: in the
    order written the engine restored the one and then extended all five (session 26, parse26). A lift needs no such order
    (the engine does not extend what is lifted: parse22/13)."""
    for i in range(1, len(drafts)):
        x, named = drafts[i], drafts[i - 1]
        rest = x.on_entities is None or folded.startswith(THE_OTHERS, x.on_entities[0], x.on_entities[1])  # "对其余15家实体"
        if rest and named.on_entities is not None and named.action is ActionKind.RESTORE \
                and x.action in (ActionKind.EXTEND, ActionKind.SUSPEND) and x.effective == named.effective \
                and (any(w in x.text for w in THE_OTHERS) or "除" in x.text and "外" in x.text) \
                and [t.key for t in x.targets] == [t.key for t in named.targets]:
            drafts[i - 1], drafts[i] = x, named


def _clause_spans(folded: str, seg: int, end: int) -> Iterator[tuple[int, int]]:
    """The clauses of ``folded[seg:end]`` (SENTENCE_RE's pieces), a "；" inside a bracket kept in its clause: "决定将…5家实体（美国
    实体3家，见附件1；中国台湾地区实体2家，见附件2）列入出口管制管控名单" is one clause (session 42, audit42/05: cut at that "；", the
    listing's verb had no object, read as a measure on the 5 beside the title's listing, a second item)."""
    start = -1
    for sm in SENTENCE_RE.finditer(folded, seg, end):
        if start < 0:
            start = sm.start()
        stop = sm.end()
        if stop < end and folded[stop] in ";；" and "(" in folded[start:stop] \
                and folded.count("(", start, stop) > folded.count(")", start, stop):
            continue  # a stop inside a bracket: the clause goes on
        yield start, stop
        start = -1
    if start >= 0:
        yield start, end


NOT_AGAIN = "不再将"
NOT_AGAIN_REACH = 400  # characters between "不再将" and its 列入: the names of its object


def _not_listed_again(folded: str, clause_from: int, at: int) -> bool:
    """Whether the 列入 at ``at`` is that of "不再将X（x）列入…" in its clause: a removal, not a listing (was read as a listing of
    nobody, its warning "no entities found", the removal lost)."""
    lo = max(clause_from, at - NOT_AGAIN_REACH)
    pos = folded.rfind(NOT_AGAIN, lo, at)
    return pos >= 0 and WORDS_CLAUSE_END_RE.search(folded, pos, at) is None


def _own_listing_object(folded: str, s_start: int, at: int) -> bool:
    """Whether the clause at ``s_start`` opens with the 将 of the listing verb at ``at``, its object alone between them (no
    other 将, no clause mark outside a bracket): "将A（a）列入…", not "将根据核查情况，将B（b）列入…" or "将依法将B（b）列入…" (a
    listing to come, no decision)."""
    j = s_start
    while j < at and folded[j] in " \t\u3000;；\n":
        j += 1
    return folded.startswith("将", j) and folded.find("将", j + 1, at) < 0 \
        and WORDS_CLAUSE_END_RE.search(folded, j + 1, at) is None


def _listing_clause_after(out: list[ActionDraft], folded: str, s_start: int, bounds: tuple[int, int]) -> bool:
    """Whether the clause at ``s_start`` opens "将" after a "；" right behind a listing the same sentence decided ("商务部决定，
    将A（a）、B（b）列入出口管制管控名单；将C（c）列入出口管制关注名单。": its listing decided too; session 47, words47: C's listing
    was not read, C lost, silently)."""
    if not out or out[-1].action is not ActionKind.IMPOSE or out[-1].sentence != bounds or out[-1].targets:
        return False
    at = s_start
    while at < bounds[1] and folded[at] in " \t\u3000;；":
        at += 1
    return folded.startswith("将", at) and folded.rfind(";", out[-1].start, at) >= 0


def _clause_walk(drafts: list[ActionDraft], folded: str, clean: str, seg: int, end: int, verbs: list[re.Match[str]],
                 refs: list[tuple[int, int, NoticeRef]], dated: list[tuple[int, int]], published: date | None,
                 default_effective: str | None, notice_list: ListKind | None, allow_impose: bool,
                 bounds: tuple[int, int]) -> None:
    """The actions of a sentence ``folded[seg:end]`` cut into clauses (SENTENCE_RE) by ；！？: a
    "自…起" date carries to the later clauses."""
    carried = None
    vi, count = 0, len(verbs)
    for start, stop in _clause_spans(folded, seg, end):
        clause = folded[start:stop]
        if "起" in clause or "至" in clause:
            carried = effective_in(clause, published) or carried
        first = vi
        while vi < count and verbs[vi].start() < stop:
            vi += 1
        if vi > first:
            _sentence_actions(drafts, folded, clean, start, stop, verbs[first:vi], refs, dated, published,
                              carried or default_effective, notice_list, allow_impose, clause, bounds)
            if vi == count:
                return


# "停止对X采取反制措施", "暂停对X采取的…": the measures of 采取 are the object of a verb that undoes them (session 37,
# audit37/22: a MOFCOM order's title "关于停止对韩华海洋株式会社部分美国子公司采取反制措施的决定" was read as a listing of nobody).
UNDONE_MEASURES_RE = lazy_compile(r"(?:停止|暂停|解除|恢复|取消|终止|撤销)(?:实施|执行)?\s*对[^,;；。\n]{0,60}$")


def _measures_undone(folded: str, s_start: int, at: int) -> bool:
    """Whether 采取 at ``at`` follows "停止对…" (or another undoing verb) in its clause."""
    dui = folded.rfind("对", s_start, at)
    return dui >= 0 and UNDONE_MEASURES_RE.search(folded, max(s_start, dui - 6), at) is not None


# A clause that keeps its object as it is ("对…7号所列实体则不作调整", "…7号相关措施维持不变"): its notice is no object of the verb
# before it, nor the subject of the verb after it (session 43, qa43/42: "对…第21号所列实体停止实施相关措施，对…7号所列实体则不作
# 调整" was read as a lift of 7号 alone, a false 'Lifted' item and No. 21's lift lost; "停止实施…第21号相关措施，对…7号相关措施不作
# 调整" lifted both). Looked for only where its first characters are (NO_CHANGE_GATE).
# "…予以解除，对其他实体的措施不变" (session 51, resp51, review59/10: held, the others taken as the lift's own object): the
# measures "不变" with no 保持/维持 before it
NO_CHANGE_RE = lazy_compile(r"(?:不作|不做|不予)\s*(?:任何)?\s*(?:调整|变动|变更|改变)|(?:维持|保持)\s*(?:不变|原状)"
                            r"|措施\s*(?:均|仍|依然|仍然)?\s*不变")
NO_CHANGE_GATE = ("不作", "不做", "不予", "不变", "原状")
# Every gate word holds 不 or is 原状: a sentence with neither (nearly every one but the UEL's 不可靠) skips the gate's
# five scans and its generator (perf43: ~7,000 instructions a page on every sentence with a verb).
NO_CHANGE_SEED = "不"
NO_CHANGE_OTHER = "原状"


# "对…第21号相关措施继续暂停实施，暂停期限延长至2027年6月30日": the term of the step before, its clause opening with the term
# (clauses44: a verb of its own with no object, the step before cut at it, an extension with no end, silently). Asked only
# where a sentence holds it.
TERM_VERB_SEED = "期限"
TERM_VERB_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)


def _term_verbs_joined(folded: str, verbs: list[re.Match[str]], refs: list[tuple[int, int, NoticeRef]]) -> list[re.Match[str]]:
    """``verbs`` less each "暂停期限延长" opening its clause right after a suspension's or extension's clause that names no
    notice between them: the term of that step, read with it."""
    out = [verbs[0]]
    for v in verbs[1:]:
        prev = out[-1]
        if v[0].startswith("暂停") and TERM_VERB_SEED in v[0] and VERB_KINDS[prev[0]] in TERM_VERB_STEPS \
                and folded[prev.end() : v.start()].rstrip().endswith(",") \
                and not any(prev.end() <= r[0] < v.start() for r in refs):
            continue
        out.append(v)
    return out


def _clause_start(folded: str, lo: int, at: int) -> int:
    """The start of the clause holding ``at``, after ``lo``: after its last "," or ";", else ``at`` itself."""
    comma = max(folded.rfind(",", lo, at), folded.rfind(";", lo, at))
    return comma + 1 if comma >= 0 else at


def _no_change_spans(folded: str, s_start: int, s_end: int) -> list[tuple[int, int]]:
    """Each clause of ``folded[s_start:s_end]`` that keeps its object as it is (NO_CHANGE_RE): from its start to the words' end."""
    spans = []
    for m in NO_CHANGE_RE.finditer(folded, s_start, s_end):
        c0 = max(s_start, folded.rfind(",", s_start, m.start()) + 1, folded.rfind(";", s_start, m.start()) + 1)
        spans.append((c0, m.end()))
    return spans


# Two terms joined anywhere after the measures ("…相关措施，期限为1年和6个月"), not a day's digits ("12月10日和2027年1月1日"):
# which is whose is not read where no 分别 pairs them (session 43, review47: one term for both notices, No. 22's lapse six
# months early, silently; ``rules.checks.unread_ends_apart`` holds it; ``apart.per_notice`` reads "期限分别为…").
# (The first term's look behind after its first character, each kind of numeral going on as NUM does: the pattern keeps a
# first-character set, so sre scans for a numeral instead of trying it at every character; the same matches: perf44.)
_TERM = rf"{NUM}\s*(?:个月|周年|年|天|日)"
_CN_DIGITS = "零一二三四五六七八九十百两"  # NUM's second alternative
TWO_TERMS_RE = lazy_compile(rf"(?P<a>[\d{_CN_DIGITS}](?<![\d月年].)(?:(?<=\d)\d{{0,3}}|(?<=[{_CN_DIGITS}])[{_CN_DIGITS}]{{0,5}})"
                            rf"\s*(?:个月|周年|年|天|日))\s*(?:和|、|及|与)\s*(?P<b>{_TERM})(?!\s*[\d月])")


_OWN = frozenset(w for w, k in VERB_KINDS.items() if k in (ActionKind.IMPOSE, ActionKind.INVESTIGATE))
INERT = {(True, True): frozenset(), (True, False): _OWN, (False, True): ON_NOTICES, (False, False): ON_NOTICES | _OWN}


def _start_of_next_verb(folded: str, s_start: int, at: int, next_start: int) -> bool:
    """Whether the sentence from ``s_start`` writes no start before the suspending verb at ``at``, its end ("至…") after it,
    then a start right before the next verb (at ``next_start``): "继续暂停实施…至2027年2月28日，自2027年3月1日起恢复实施" (that
    start is the restore's), not "…，自…起为期一年，期满后恢复实施" (the term's, this verb's)."""
    if folded.find("起", s_start, at) >= 0:
        return False
    k = folded.rfind("起", at, next_start)
    since = folded.rfind("自", at, k) if k >= 0 else -1
    return since >= 0 and folded.find("至", at, since) >= 0 and not folded[k + 1 : next_start].strip(" ,，")


# The day of a plan a step moves ("原定于2027年1月1日起停止实施的…"): ``_sentence_actions``
PLAN_DAY_RE = lazy_compile(r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日")


class _Clause(NamedTuple):
    """One clause the walk reads (``folded[start:end]``, its words ``words``, in the sentence ``bounds``) with what every
    verb of it reads and no verb changes: the text's two views, the notices named, the day published, the notice's own
    list, and whether a listing may be decided here (not in an answer). The steps of ``_sentence_actions`` take it whole.
    (A tuple: made once a clause with verbs, cheaper to make than a dataclass.)"""

    folded: str
    clean: str
    start: int
    end: int
    words: str
    bounds: tuple[int, int]
    refs: list[tuple[int, int, NoticeRef]]
    published: date | None
    notice_list: ListKind | None
    allow_impose: bool


def _sentence_actions(out: list[ActionDraft], folded: str, clean: str, s_start: int, s_end: int,
                      found: list[re.Match[str]], refs: list[tuple[int, int, NoticeRef]], dated: list[tuple[int, int]],
                      published: date | None, effective: str | None, notice_list: ListKind | None,
                      allow_impose: bool, sentence: str, bounds: tuple[int, int]) -> None:
    """The actions of clause ``sentence`` (``folded[s_start:s_end]``) from its verbs ``found``, added to ``out``: each
    verb's stretch and kind, then a listing (``_listing``) or a step on what it names (``_objects_after``, ``_place``)."""
    clause = _Clause(folded, clean, s_start, s_end, sentence, bounds, refs, published, notice_list, allow_impose)
    verbs = acting_verbs(folded, s_start, s_end, found, dated, "《" in sentence, refs)
    # a denied verb takes no step, but its clause is no object of the verb before it ("暂停实施…第21号相关措施1年，不停止实施…7号
    # 相关措施": 7号 was suspended too, the term lost; session 42's probe)
    cuts = [d for v in found if (d := denied(folded, s_start, v.start()))] if len(verbs) < len(found) else []
    if len(verbs) < len(found):
        effective = _moved_plan_day(folded, s_start, s_end, found, published, effective)
    if len(verbs) > 1 and TERM_VERB_SEED in sentence:
        verbs = _term_verbs_joined(folded, verbs, refs)
    kept = (_no_change_spans(folded, s_start, s_end)
            if (NO_CHANGE_SEED in sentence or NO_CHANGE_OTHER in sentence) and any(w in sentence for w in NO_CHANGE_GATE)
            else [])
    text = None
    decided: bool | None = None  # whether the sentence says it decides (DECISION_RE), looked at once when needed
    starts = sentence.count("起") if len(verbs) > 1 else 0  # (a second start may be a later verb's own)
    prev_end, last, first_step, arranged = s_start, len(verbs) - 1, len(out), -1  # (arranged: _arrangement_undone's 暂停)
    apart: dict[str, ActionDraft] = {}  # the steps split per notice (``apart.per_notice``), by notice
    for i, v in enumerate(verbs):
        at, v_end = v.span()
        next_start = verbs[i + 1].start() if i < last else s_end
        if cuts or kept:
            prev_end, next_start = _verb_stretch(folded, cuts, kept, prev_end, at, v_end, next_start)
        before = [r for r in refs if prev_end <= r[0] < at] if refs else refs
        if len(before) > 1:
            before = _topic_before(folded, before, prev_end, at)
        clause_from, prev_end = prev_end, v_end
        kind, ended, undoes = _step_kind(clause, v[0], clause_from, at, v_end, next_start)
        if undoes:
            arranged = next_start
        elif ended is None and at == arranged:
            continue  # that arrangement's 暂停: a noun, no suspension
        if kind is ActionKind.IMPOSE or kind is ActionKind.INVESTIGATE:
            decided = _listing(out, clause, v, kind, before, clause_from, next_start, effective, decided)
            continue
        after, next_start = _objects_after(clause, verbs, i, before, at, v_end, next_start)
        targets, limit, cut = _targets_in_clause(clause, out, before, after, v, kind, clause_from, next_start, i < last)
        if cut is not None:  # the verb ended its clause, its notices found elsewhere
            after, next_start = [], cut
        text = clean[s_start:s_end].strip() if text is None else text
        if not targets and kind is ActionKind.REMOVE:
            _removal_on_no_notice(out, clause, at, v_end, clause_from, next_start, effective, text)
        if not targets or _told_step(clause, before, after, at, v_end):
            continue
        own = _own_start(clause, kind, clause_from, at, next_start, effective, starts > 1, i < last) \
            if starts > 1 or i < last else effective
        by, each_by = _restore_extended(out, folded, s_start, at) if kind is ActionKind.RESTORE and out else (None, None)
        action = on_targets(folded, clean, s_start, v, kind, next_start, clause_from, after, targets, published,
                             own, notice_list, text, None if allow_impose else bounds, ended,
                             by or (each_by[0].extends_by if each_by else None),
                             allow_impose and bool(out) and _told_own(folded, out, kind, targets, s_start, at, refs))
        if action is not None:
            _place(out, clause, action, limit, each_by, apart, at, v_end, next_start)
    if SHARED in sentence and len(out) - first_step > 1:
        _shared_term(out, first_step, folded, s_end)


def _moved_plan_day(folded: str, s_start: int, s_end: int, found: list[re.Match[str]], published: date | None,
                    effective: str | None) -> str | None:
    """The start of a clause some of whose verbs are a plan's ("将原定于2027年1月1日起停止实施的…，提前至2026年12月10日起停止
    实施"): the steps take the day the sentence moves the plan to, not the plan's (qa44/29: a lift three weeks late); none
    written after it, the sentence's day unless it is the plan's ("自…起，将原定于…恢复实施的…提前恢复实施"); else none
    (checks.unread_start holds the page). ``effective`` where no verb is a plan's."""
    plans = [(p, v.start(), v.end()) for v in found if (p := plan_start(folded, s_start, v.start())) >= 0]
    if not plans:
        return effective
    p, at, plan_end = plans[-1]
    moved_to = folded[plan_end:s_end]
    plan_day = PLAN_DAY_RE.search(folded, p, at)
    return (effective_in(moved_to, published) if "起" in moved_to else None) or (
        None if plan_day is not None and effective is not None
        and effective_in(f"自{plan_day[0]}起", published) == effective[:10] else effective)


def _verb_stretch(folded: str, cuts: list[int], kept: list[tuple[int, int]], prev_end: int, at: int, v_end: int,
                  next_start: int) -> tuple[int, int]:
    """Where the objects of the verb at ``at`` may stand, (from, to), narrowed by a denied verb's clause and a clause
    keeping measures as they are: neither is the object of a verb around it."""
    if cuts:
        # to the start of the denied verb's clause: its subject is no object of this verb ("暂停实施…第21号相关措施1年，…第22号
        # 相关措施不予暂停": both suspended, the term lost; review47)
        next_start = min([_clause_start(folded, v_end, c) for c in cuts if v_end <= c < next_start], default=next_start)
        if (c := min([c for c in cuts if prev_end <= c < at], default=-1)) >= 0:
            # "停止实施…7号相关措施，…第21号相关措施不停止实施，继续暂停至…": the subject of the denied verb's clause is this verb's
            prev_end = max(prev_end, folded.rfind(",", prev_end, c) + 1, folded.rfind(";", prev_end, c) + 1)
    if kept:
        next_start = min([c0 for c0, _ in kept if v_end <= c0 < next_start], default=next_start)
        prev_end = max([prev_end, *(c1 for c0, c1 in kept if prev_end <= c0 < at)])
    return prev_end, next_start


def _step_kind(clause: _Clause, word: str, clause_from: int, at: int, v_end: int,
               next_start: int) -> tuple[ActionKind, re.Match[str] | None, bool]:
    """The kind of step the verb ``word`` takes, as its words around it turn VERB_KINDS's: a lift of a suspension, of its
    arrangement, or a suspension ended is a restore, "不再将…列入" a removal; with the suspension's end read, and whether
    the verb undoes an arrangement (its 暂停, the next verb, is then a noun)."""
    folded = clause.folded
    kind = VERB_KINDS[word]
    if kind is ActionKind.LIFT and _suspension_undone(folded, v_end, next_start):
        kind = ActionKind.RESTORE  # "解除…相关措施的暂停": the measures are back
    ended = suspension_ended(folded, clause.start, at) if kind is ActionKind.LIFT or word in SUSPENSION_NOT_RENEWED \
        or word == ENDED else None
    undoes = False
    if ended is not None:  # "…的暂停安排自…起终止": the suspension ends, the measures are back (audit40/39)
        kind = ActionKind.RESTORE
    elif kind is ActionKind.LIFT and _arrangement_undone(folded, v_end, next_start, clause.end):
        kind = ActionKind.RESTORE  # "关于终止…第21号相关措施暂停安排的公告"
        undoes = True
    if word == "列入" and NOT_AGAIN in clause.words and _not_listed_again(folded, clause_from, at):
        kind = ActionKind.REMOVE  # "不再将X（x）列入出口管制关注名单": a removal (session 47, words47, probe46's B7)
    return kind, ended, undoes


def _listing(out: list[ActionDraft], clause: _Clause, v: re.Match[str], kind: ActionKind,
             before: list[tuple[int, int, NoticeRef]], clause_from: int, next_start: int, effective: str | None,
             decided: bool | None) -> bool | None:
    """A listing (列入, 采取反制措施) or an investigation decided now, not told as history, added to ``out``; returns
    ``decided``, whether the sentence decides (looked at once, for the first listing that asks)."""
    folded, s_start, sentence, published = clause.folded, clause.start, clause.words, clause.published
    at, v_end = v.span()
    word = v[0]
    annex_of: tuple[NoticeRef, ...] = ()
    if word == "增列":  # "在…第23号附件《…》中增列" (``acting_verbs``): the ref says where, and the annex's list
        annex_of, before = (before[-1][2],) if before else (), []
    if before and word in MOVED_TO and all(folded.startswith("所列", r[1]) for r in before) \
            and MOVED_FROM_RE.search(folded, max(s_start, at - MOVED_FROM_REACH), at):
        # "将…第101号所列X由出口管制管控名单调至出口管制关注名单": the notice names where X was listed, no listing weighed
        # (session 46, probe46's A10: read as nothing, the move lost, silently)
        before = []
    if not clause.allow_impose or before or is_passive(folded, s_start, at) or held_off(folded, s_start, at, v_end):
        return decided  # "…将依法决定是否将上述企业列入不可靠实体清单": a listing weighed, not decided
    if word[0] == "采" and _measures_undone(folded, s_start, at):
        return decided  # "关于停止对…子公司采取反制措施的决定": the measures are the object of the lift, none taken
    lst: ListKind | None
    if word[0] == "采":  # 采取…反制措施
        lst = ListKind.COUNTERMEASURE
    elif kind is ActionKind.INVESTIGATE:
        lst = clause.notice_list  # None: a text on no list investigates goods or measures (反倾销, 反歧视)
    else:
        if decided is None:
            decided = is_decision(sentence) or decided_above(folded, s_start) or (
                _listing_clause_after(out, folded, s_start, clause.bounds) or plain_lines_decided(folded, s_start)) \
                and _own_listing_object(folded, s_start, at)
        lst = list_in(folded, clause_from if word == "增列" else at, next_start) if decided else None
    if lst is None and annex_of and decided and clause.notice_list is None:
        # "决定在商务部公告2026年第23号附件中增列以下2家美国实体": a listing on the list of the notice whose annex it
        # adds to, which the text does not name: that notice is the target, the engine takes its list (session 43,
        # audit42/26: read as a measure naming no list, the 2 not listed; lifecycle.collect)
        if not told_before(folded, s_start, at, sentence, published):
            out.append(ActionDraft(kind, None, (), effective, None, None, clause.clean[s_start:clause.end].strip(), at,
                                   clause.bounds, annex_of=annex_of[0]))
        return decided
    if lst is None or word[0] in "列纳" and _other_list_after(folded, v_end, next_start):
        return decided  # "列入两用物项出口通用许可企业名单，…不得向出口管制管控名单所列实体出口": exporters on a list of theirs
    if "另行" in sentence and TO_COME_RE.match(folded, v_end, next_start) is not None:
        return decided  # "将B（b）列入出口管制关注名单的决定另行公布": a listing to come, none now (words47's open A)
    if told_before(folded, s_start, at, sentence, published):
        return decided
    text, bounds = clause.clean[s_start:clause.end].strip(), clause.bounds
    if word in MOVED_TO and (moved := MOVED_FROM_RE.search(folded, max(s_start, at - MOVED_FROM_REACH), at)):
        # "由关注名单转入出口管制管控名单": off the first list, as "移出关注名单，列入…" (session 28, audit28/13: read
        # as a measure on no one). (Not a verb of VERB_RE: 由 is common, 转入 rare.)
        out.append(ActionDraft(ActionKind.REMOVE, LIST_KIND[moved["list"]], (), effective, None, None, text,
                               moved.start(), bounds))
    out.append(ActionDraft(kind, lst or clause.notice_list, (), effective, None, None, text, at, bounds,
                           annex_of=annex_of[0] if annex_of else None))
    if word[0] in "列纳" and (second := _second_list(folded, at, next_start)) is not None and second is not lst:
        out.append(ActionDraft(kind, second, (), effective, None, None, text, at, bounds))
    return decided


def _objects_after(clause: _Clause, verbs: list[re.Match[str]], i: int, before: list[tuple[int, int, NoticeRef]],
                   at: int, v_end: int, next_start: int) -> tuple[list[tuple[int, int, NoticeRef]], int]:
    """The notices named after verb ``i`` that are its objects, and where its stretch ends: not a procedure's ("按照…"),
    not a topic's, not a relative clause's subject nor the next verb's."""
    folded, refs = clause.folded, clause.refs
    after = [r for r in refs if v_end <= r[0] < next_start] if refs else refs
    if after and folded.find("照", v_end, next_start) >= 0:
        after = [r for r in after if not _procedure_of(folded, r)]
    if len(after) > 1:
        after, next_start = _topic_out(folded, after, v_end, next_start)
    if after and i < len(verbs) - 1:  # "恢复实施X暂停实施的Y": Y (what X suspended) is the object, not X
        after, next_start = relative_object(folded, refs, after, verbs, i, clause.end) or (after, next_start)
        if len(after) > 1:
            after, next_start = _next_subject_out(folded, after, v_end, next_start)
        elif before and (cut := _subject_first(folded, before, after, at, v_end, next_start)) is not None:
            after, next_start = [], cut
    return after, next_start


MEASURE_STEPS = frozenset((ActionKind.LIFT, ActionKind.RESTORE, ActionKind.SUSPEND, ActionKind.EXTEND))


def _targets_in_clause(clause: _Clause, out: list[ActionDraft], before: list[tuple[int, int, NoticeRef]],
                       after: list[tuple[int, int, NoticeRef]], v: re.Match[str], kind: ActionKind, clause_from: int,
                       next_start: int, more: bool) -> tuple[list[tuple[int, int, NoticeRef]], tuple[int, int] | None,
                                                             int | None]:
    """``targets_of`` the verb ``v`` and where its clause ends when it ends before ``next_start``: where the verb ends its
    clause ("…相关措施自…起恢复实施，商务部公告2025年第22号相关措施继续暂停1年") and a verb follows (``more``), the notices after the
    comma open the next verb's clause: its own are found without them if they can be (its clause then ends at the comma),
    else they stay (session 60, resp60: No. 22 read as the restore's object, a false 'Restored', silently, where the
    restore's were the notice told before). Where a step on measures (``MEASURE_STEPS``: not a removal, whose notices
    are the listing its entities leave) finds none without them and they are the next verb's subject (no comma between
    them and it: "中方决定，自…起，恢复实施，商务部公告2025年第22号相关措施继续暂停实施1年"), it has none: it names no
    notice (held by ``rules.checks.answers``; was a false 'Restored' of No. 22, silently: resp60's A)."""
    folded = clause.folded
    if more and after and folded[v.end() : after[0][0]].lstrip().startswith(","):
        comma = folded.index(",", v.end())
        targets, limit = targets_of(folded, clause.refs, out, before, [], v, kind, clause.start, clause_from, comma)
        if targets and limit is None:
            return targets, None, comma
        if not targets and kind in MEASURE_STEPS and not any(c in folded[after[-1][1] : next_start] for c in ",;"):
            return [], None, comma
    return (*targets_of(folded, clause.refs, out, before, after, v, kind, clause.start, clause_from, next_start), None)


def _removal_on_no_notice(out: list[ActionDraft], clause: _Clause, at: int, v_end: int, clause_from: int,
                          next_start: int, effective: str | None, text: str) -> None:
    """A removal naming no notice, decided here (``own_removal``), added to ``out`` from the list it names: "将X（x）从出口
    管制关注名单中移出"; none where it names a list of exporters ("移出白名单")."""
    folded, s_start, bounds = clause.folded, clause.start, clause.bounds
    if not own_removal(folded, s_start, at, v_end, clause.allow_impose, clause.words):
        return
    lst = list_in(folded, v_end, next_start)
    if lst is None and (moved_from := MOVED_FROM_RE.search(folded, max(clause_from, at - MOVED_FROM_REACH), at)):
        # "将X（x）从出口管制关注名单中移出" under a title naming the ECL first: the list it names (session 47,
        # words47, probe46's B5: read on the ECL)
        lst = LIST_KIND[moved_from["list"]]
    if lst is None and _another_list(folded, s_start, at, v_end, next_start):
        return  # "…将其移出白名单", "移出通用许可企业名单": a list of exporters, none of ours
    out.append(ActionDraft(ActionKind.REMOVE, lst or clause.notice_list, (), effective, None, None, text, at, bounds))
    if lst is not None and (second := _second_list(folded, v_end, next_start)) is not None and second is not lst:
        out.append(ActionDraft(ActionKind.REMOVE, second, (), effective, None, None, text, at, bounds))


def _told_step(clause: _Clause, before: list[tuple[int, int, NoticeRef]], after: list[tuple[int, int, NoticeRef]],
               at: int, v_end: int) -> bool:
    """A step an earlier notice took, told ("…第72号暂停实施…", "上述暂停不适用于…", "Y暂停实施至…"): none read."""
    folded = clause.folded
    return bool(after and before and is_subject(folded, before[-1], at, v_end, after[0][0])
                or folded[at - 1] in TOLD_STEP_ENDS and folded.endswith(TOLD_STEP_BEFORE, clause.start, at)
                and not told_term_extended(folded, clause.start, at, v_end)
                or not after and told_state(folded, before, at, clause.bounds, clause.published))


# "…第7号决定暂停实施商务部令2025年第6号有关措施1年。…商务部决定，将上述暂停期限延长至2027年11月10日" (order52/06, session 60:
# held, "上述" taken for a told step as in "上述暂停不适用于…"): 将 then the told suspension's term as the object of the verb
# that lengthens it, an extension of that suspension (``targets._suspended_before``: its notices).
TERM_EXTENDED_VERBS = ("暂停期限延长", "暂停期限予以延长", "暂停实施期限延长", "暂停执行期限延长")


def told_term_extended(folded: str, s_start: int, at: int, v_end: int) -> bool:
    """Whether the verb at ``at`` lengthens the term of the suspension told before, as its object: "将上述暂停期限延长至…"."""
    return folded.startswith(TERM_EXTENDED_VERBS, at, v_end) and TOLD_TERM_OBJECT_RE.search(folded, s_start, at) is not None


TOLD_TERM_OBJECT_RE = lazy_compile(r"将\s*(?:上述|前述)\s*$")


def _restore_extended(out: list[ActionDraft], folded: str, s_start: int,
                      at: int) -> tuple[str | None, list[ActionDraft] | None]:
    """For a restore after steps read (``out``), the term of the extension before it it is back at the lapse of
    ("延长1年，期满后自动恢复实施"), or the extensions said apart, one each (None, None: none such)."""
    reach = step_reach(folded, out, s_start, at)
    by = _extended_by(out, reach)
    return by, (_extensions_apart(out, reach) if by is None else None)


def _own_start(clause: _Clause, kind: ActionKind, clause_from: int, at: int, next_start: int, effective: str | None,
               starts_apart: bool, not_last: bool) -> str | None:
    """The start of the verb at ``at``: the clause's, unless the sentence gives each verb its own (``starts_apart``: two
    起 or more) or its one start is the next verb's."""
    folded, published = clause.folded, clause.published
    own = effective
    if starts_apart and (told := folded[clause_from:at]).find("起") >= 0:
        # "自2026年12月10日起停止实施A，自2027年1月1日起停止实施B" (session 44, qa44's probe: B lifted from the first day,
        # three weeks early, silently): a start of the verb's own clause is the verb's
        own = effective_in(told, published) or effective
    if not_last and published is not None and (kind is ActionKind.EXTEND or kind is ActionKind.SUSPEND) \
            and _start_of_next_verb(folded, clause.start, at, next_start):
        # "继续暂停实施…相关措施至2027年2月28日，自2027年3月1日起恢复实施" (session 52, qa53/27: the extension read from the
        # restore's day, after its own end, silently): the sentence's one start is the next verb's; this one's is the day said
        own = published.isoformat()
    return own


def _place(out: list[ActionDraft], clause: _Clause, action: ActionDraft, limit: tuple[int, int] | None,
           each_by: list[ActionDraft] | None, apart: dict[str, ActionDraft], at: int, v_end: int, next_start: int) -> None:
    """The step read, added to ``out`` whole or as the steps it stands for: a restore per extension said apart, a step
    per notice (noted in ``apart``), a restore per step split before, a step on some entities from its own day."""
    folded, allow_impose = clause.folded, clause.allow_impose
    if each_by and action.extends_by is not None and action.on_entities is None \
            and {t.key for t in action.targets} == {x.targets[0].key for x in each_by}:
        for x in each_by:  # "…分别延长6个月和1年，期满后自动恢复实施": each back at the lapse of its own extension
            _add(out, replace(action, targets=x.targets, list=x.list or action.list, extends_by=x.extends_by),
                 folded, allow_impose)
        return
    if action.targets and limit is None \
            and (each := per_notice(folded, action, clause.start, at, v_end, region_end(folded, next_start, clause.end),
                                    clause.published, clause.refs)) is not None:
        # one step on several notices, each its own start, term or end (分别, 其中, a clause per notice): a step each
        for step in each:
            apart[step.targets[0].key or ""] = step
            _add(out, step, folded, allow_impose)
        return
    if apart and (restores := restores_apart(action, apart)) is not None:
        for step in restores:  # "…期限分别为6个月、1年，期满后自动恢复实施": each back at its own step's end
            _add(out, step, folded, allow_impose)
        return
    if limit is not None:
        sentence = clause.words
        action = replace(action, on_entities=limit, effective=excepted_day(
            folded, out, action, "起" in sentence and effective_in(sentence, clause.published) is not None))
    _add(out, action, folded, allow_impose)


def _shared_term(out: list[ActionDraft], first: int, folded: str, s_end: int) -> None:
    """The term the last suspension (or extension) of a sentence reads from a clause saying 均 after it (SHARED_TERM_RE)
    given to the steps of its kind before it in that sentence (``out[first:]``) that read none of their own, from the
    same start: "自2027年2月1日起，暂停实施…第21号相关措施，暂停实施…〔2025〕7号相关措施，暂停期限均至2027年10月31日" (blind52:
    No. 21 read suspended for good, silently, 7号 to 10-31)."""
    steps = [i for i in range(first, len(out)) if out[i].action in SHARED_STEPS]
    if len(steps) < 2:
        return
    last = out[steps[-1]]
    if last.until is None and last.extends_by is None or SHARED_TERM_RE.search(folded, last.start, s_end) is None:
        return
    for i in steps[:-1]:
        x = out[i]
        if x.action is last.action and x.until is None and x.extends_by is None and x.on_entities is None \
                and (x.effective == last.effective or _end_of_any_start(x, last)):
            out[i] = replace(x, until=last.until, duration=last.duration, extends_by=last.extends_by)


def _end_of_any_start(x: ActionDraft, last: ActionDraft) -> bool:
    """Whether the term ``last`` reads is a day ("均至2027年10月31日", not a period counted from its own start) on or after
    ``x``'s start: the end of a step with a start of its own too ("自2026年12月1日起暂停实施A…，自2027年1月1日起暂停实施B…，暂停
    期限均至2027年10月31日": session 52, review62/c01: A read suspended for good, silently)."""
    return last.extends_by is None and last.until is not None and (last.duration or "").lstrip().startswith(UNTIL_DAY) \
        and x.effective is not None and x.effective <= last.until.isoformat()


UNTIL_DAY = "至"  # a term told as its last day ("至2027年10月31日"), not a period ("1年")


# The steps a notice's title names that its body may tell as decided by its day ("关于恢复实施…第46号第二款的公告" over
# "商务部已于2026年11月20日决定，自2026年11月28日起，恢复实施…第46号第二款": ``_told_own``).
TOLD_OWN_KINDS = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)


def _told_own(folded: str, out: list[ActionDraft], kind: ActionKind, targets: list[tuple[int, int, NoticeRef]],
              s_start: int, at: int, refs: list[tuple[int, int, NoticeRef]]) -> bool:
    """Whether a notice's step of ``kind`` on ``targets`` (its verb at ``at``) is one its title names on the same notices
    (a draft read from the title line before it: ``words.title_step``; a title's 暂停 for the body's 继续暂停), and its
    sentence cites no other notice before the verb (the one that decided it, recounted): then a decision the sentence tells
    by its day, "商务部已于2026年11月20日决定，自2026年11月28日起，恢复实施…第46号第二款" under "关于恢复实施…第46号第二款
    的公告" of 12-01, is the notice's own, told in the past (session 49, fix57: taken as history, the title's restore
    was kept from the notice's own day, three days late, silently)."""
    if kind not in TOLD_OWN_KINDS or not targets or folded.find("决定", s_start, at) < 0:
        return False
    keys = {r[2].key for r in targets}
    if None in keys or any(r[2].key not in keys and not (r[2].key is None and r[2].text.endswith("决定"))
                           for r in refs if s_start <= r[0] < at):
        return False  # (the decision's own day, "2026年11月20日决定", is read as a ref by date: no other notice)
    for x in out:
        if (x.action is kind or kind is ActionKind.EXTEND and x.action is ActionKind.SUSPEND) and x.targets \
                and title_step(x.text):
            titled = {t.key for t in x.targets}
            if titled == keys or titled < keys and any(f"{t.text}等" in x.text for t in x.targets):
                return True
    return False


def _extended_by(out: list[ActionDraft], s_start: int) -> str | None:
    """The period of the extension by a duration its sentence (from ``s_start``) read last, no start or end written
    ("将…第21号相关措施的暂停期限延长1年，期满后自动恢复实施"), one period for every notice it extends: a restore after it is at the
    lapse of that extension, which only the engine counts (``ActionRecord.extends_by``; session 48, words47's open B: held
    as "no day its measures are back", read only with a start written)."""
    last = out[-1]
    if last.action is not ActionKind.EXTEND or last.extends_by is None or last.until is not None or last.start < s_start:
        return None
    same = {x.extends_by for x in out if x.start == last.start and x.action is ActionKind.EXTEND}
    return last.extends_by if len(same) == 1 else None


def _extensions_apart(out: list[ActionDraft], s_start: int) -> list[ActionDraft] | None:
    """The extensions by a duration its sentence (from ``s_start``) read last when split per notice, each by its own
    period, no start or end written ("将…第21号和第22号相关措施的暂停期限分别延长6个月和1年，期满后自动恢复实施"): a restore after
    them is at the lapse of each notice's own extension (session 48, fix54, step48's open B: in an answer the restore was
    dropped with no word, each end then a lapse needing review; in a notice held). None unless each
    is one notice's, the notices all apart, each with its period."""
    last = out[-1]
    if last.action is not ActionKind.EXTEND or last.extends_by is None or last.until is not None or last.start < s_start:
        return None
    steps = [x for x in out if x.start == last.start and x.action is ActionKind.EXTEND]
    keys = [x.targets[0].key for x in steps if len(x.targets) == 1]
    if len(steps) < 2 or len(keys) != len(steps) or None in keys or len(set(keys)) != len(keys) \
            or any(x.extends_by is None or x.until is not None or x.on_entities is not None for x in steps):
        return None
    return steps


# The suspension arrangement as a lift's object, at its clause's end ("关于终止…第21号相关措施暂停安排的公告": session 41, a
# title read as a lift of No. 21 from the notice's day beside its body's restore, a false 'Lifted' item).
ARRANGEMENT_OBJECT_RE = lazy_compile(r"暂停(?:实施|执行)?\s*的?\s*安排\s*(?:的\s*(?:公告|决定|通知)|[,，;；:。\n]|$)")


def _arrangement_undone(folded: str, v_end: int, next_start: int, s_end: int) -> bool:
    """Whether the lift verb ending at ``v_end`` has the suspension arrangement as its object (ARRANGEMENT_OBJECT_RE), no
    other verb before it but its own 暂停 (``next_start``) in its clause."""
    p = folded.find("暂停", v_end, min(next_start + 2, s_end))
    if p < 0 or p > next_start:
        return False  # (nearly every lift)
    return ARRANGEMENT_OBJECT_RE.match(folded, p) is not None and WORDS_CLAUSE_END_RE.search(folded, v_end, p) is None


# The object of a lift that is a listing's suspension, at its clause's end ("解除…第7号相关措施的暂停(实施)。").
SUSPENSION_OBJECT_RE = lazy_compile(r"的暂停(?:实施|执行)?\s*(?:[,，;；:。\n]|$)")


def _suspension_undone(folded: str, v_end: int, next_start: int) -> bool:
    """Whether the lift verb ending at ``v_end`` ends a suspension: its object, in its clause, is "…的暂停" ("解除{…7号}
    相关措施的暂停", "不再执行…的暂停": session 41, review42, each read as a lift of 7号, a false 'Lifted' item on measures
    that are back; words.UNDONE_SUSPENSION reads only "解除对…的暂停"). Not a measure named for a suspension ("停止实施…的暂停
    进口措施"), nor its term ("…的暂停期限")."""
    at = folded.find("的暂停", v_end, next_start)
    if at < 0:
        return False  # (nearly every lift)
    # (a comma inside a bracket ends no clause: "…斯凯迪奥公司（Skydio, Inc.）相关措施的暂停")
    return SUSPENSION_OBJECT_RE.match(folded, at) is not None and WORDS_CLAUSE_END_RE.search(folded, v_end, at) is None


def _next_subject_out(folded: str, after: list[tuple[int, int, NoticeRef]], v_end: int,
                      next_start: int) -> tuple[list[tuple[int, int, NoticeRef]], int]:
    """The refs after the verb ending at ``v_end``, and where its clause ends, less the refs of the clause that opens the
    next verb's ("停止实施{…7号}相关措施，{…第21号}相关措施继续暂停实施1年": No. 21 is 继续暂停's subject; it was lifted too, a
    false 'Lifted' item, session 41, review42). Unchanged where the refs all stand in one clause."""
    marks = list(WORDS_CLAUSE_END_RE.finditer(folded, v_end, next_start))
    if not marks:
        return after, next_start  # (nearly every verb: one clause)
    comma = marks[-1].start()
    kept = [r for r in after if r[0] < comma]
    return (after, next_start) if not kept or len(kept) == len(after) else (kept, comma)


# A clause naming another topic after a step's object ("…停止实施{…第21号}相关措施，对于{…7号}相关措施，中方会否…恢复实施，
# 将根据…而定"): its notices are not the step's (session 42, actions42: UEL 7号 lifted with No. 21, a false item, silently).
TOPIC_OPENERS = ("对于", "关于", "至于")


def _topic_out(folded: str, after: list[tuple[int, int, NoticeRef]], v_end: int,
               next_start: int) -> tuple[list[tuple[int, int, NoticeRef]], int]:
    """The refs after the verb ending at ``v_end`` before the first clause that opens with a topic (TOPIC_OPENERS), and
    where that clause starts; unchanged where none does or every ref stands in it."""
    if not any_within(folded, TOPIC_OPENERS, v_end, next_start):
        return after, next_start  # (nearly every verb)
    for m in WORDS_CLAUSE_END_RE.finditer(folded, v_end, next_start):
        if folded.startswith(TOPIC_OPENERS, m.end()):
            kept = [r for r in after if r[0] < m.start()]
            return (kept, m.start()) if kept else (after, next_start)
    return after, next_start


def _topic_before(folded: str, before: list[tuple[int, int, NoticeRef]], prev_end: int,
                  at: int) -> list[tuple[int, int, NoticeRef]]:
    """The refs before the verb at ``at`` from the last clause opening with a topic (TOPIC_OPENERS) on: "…停止实施{…第21号}
    相关措施，关于{…7号}相关措施，中方决定自同日起恢复实施" restores 7号 alone (No. 21 was restored too, a false item)."""
    if not any_within(folded, TOPIC_OPENERS, prev_end, at):
        return before  # (nearly every verb)
    cut = -1
    for m in WORDS_CLAUSE_END_RE.finditer(folded, prev_end, at):
        if folded.startswith(TOPIC_OPENERS, m.end()):
            cut = m.start()
    kept = [r for r in before if r[0] > cut] if cut >= 0 else before
    return kept or before


def _subject_first(folded: str, before: list[tuple[int, int, NoticeRef]], after: list[tuple[int, int, NoticeRef]], at: int,
                   v_end: int, next_start: int) -> int | None:
    """Where the clause of the verb at ``at`` ends when its subject stands before it in that clause and the refs after it
    all open the next verb's clause ("{…第290号}自本公告公布之日起废止，{…第21号}相关措施继续暂停执行至…": No. 21 is 继续暂停's
    subject; it was lifted, a false 'Lifted' item, and No. 290 read as nothing revoked, story42, session 41); None else."""
    marks = list(WORDS_CLAUSE_END_RE.finditer(folded, v_end, next_start))
    if not marks or any(r[0] < marks[-1].start() for r in after):
        return None  # (nearly every verb: its object after it, in its clause)
    if WORDS_CLAUSE_END_RE.search(folded, before[-1][1], at) is not None:
        return None  # the ref before stands in a clause of its own
    return marks[-1].start()


# "分别移出不可靠实体清单和出口管制管控名单", "列入出口管制管控名单及不可靠实体清单": a second list right after the first, joined to it.
SECOND_LIST_RE = lazy_compile(r"\s*(?:和|及|以及|、|与)\s*(?P<list>出口管制管控名单|管控名单|不可靠实体清单|关注名单)(?!\s*(?:以外|之外))")


def _second_list(folded: str, start: int, end: int) -> ListKind | None:
    """The list named right after the first list named in ``folded[start:end]`` (SECOND_LIST_RE), else None: a step on
    both (session 33, audit33/20: Skydio "分别移出不可靠实体清单和出口管制管控名单" was taken off the UEL only, and the answer
    refused, its title naming the ECL)."""
    first = LIST_WORD_RE.search(folded, start, end)
    m = SECOND_LIST_RE.match(folded, first.end(), end) if first is not None else None
    return LIST_KIND[m["list"]] if m is not None else None


def _another_list(folded: str, s_start: int, at: int, v_end: int, next_start: int) -> bool:
    """Whether the removal at ``at`` that names none of our lists names another one ("违反规定的，商务部将其移出白名单",
    "将其移出通用许可企业名单", "从白名单中移除": lists of Chinese exporters a notice of ours sets up, session 32,
    audit32/17-18: read as a removal of those exporters from the ECL, the notice's list)."""
    return _other_list_after(folded, v_end, next_start) \
        or OTHER_LIST_BEFORE_RE.search(folded, max(s_start, at - 40), at) is not None


def _other_list_after(folded: str, v_end: int, next_start: int) -> bool:
    """Whether a list of exporters follows the verb ending at ``v_end`` ("列入两用物项出口通用许可企业名单", "纳入稀土出口白名单
    管理", "移出白名单"): none of ours, whatever list the sentence names later (session 32, probes after audit32/17-18: the
    exporters read as listed on the ECL their rule names)."""
    return OTHER_LIST_AFTER_RE.match(folded, v_end, next_start) is not None


def _add(out: list[ActionDraft], action: ActionDraft, folded: str, allow_impose: bool) -> None:
    """``action`` added to ``out``: not a restore an answer says twice (``repeats``); a lift replacing the "不再延长" of
    its sentence ("…届满后不再延长，自…起停止执行该公告相关措施": the measures stop, they are not back)."""
    if action.action is ActionKind.RESTORE and not allow_impose and repeats(out, action):
        return
    if action.action is ActionKind.LIFT and ended_by_lift(folded, out, action):
        out[-1] = action
    else:
        out.append(action)


# Who takes the measures of "X对…采取的…措施" when X is not this side (a blocking order's "美国对…采取的相关限制措施").
FOREIGN_SUBJECTS = ("美国", "美方", "美国政府", "外国", "外方", "外国政府", "欧盟", "有关国家", "该国")


def _taken_by_another(found: str) -> bool:
    """Whether MEASURE_DECIDED_RE's match names measures another took ("…美国对上述企业采取的相关限制措施", "…采取的相关制裁
    措施": a noun, the object of a blocking order's 不得遵守), not measures decided ("采取以下措施"; "调整对…所列实体采取的处理
    措施" adjusts this side's own)."""
    at = [p for p in (found.find("采取"), found.find("实施")) if p >= 0]
    if not at or not found.startswith("的", min(at) + 2):
        return False
    dui = found.rfind("对", 0, min(at))
    return "制裁" in found[min(at) :] or dui > 0 and found[:dui].rstrip().endswith(FOREIGN_SUBJECTS)


def measure_action(folded: str, clean: str, body: tuple[int, int], eff: str | None,
                   lst: ListKind | None) -> ActionDraft | None:
    """An extra measure on an entity already listed ("决定对因美纳公司采取以下处理措施：禁止其
    向中国出口基因测序仪。"); the text runs to the end of the measure, past a colon."""
    lo, hi = body
    m = MEASURE_DECIDED_RE.search(folded, lo, hi) if MEASURE_ENDS[0] in folded or MEASURE_ENDS[1] in folded else None
    # The two can start at no common place (决, 禁): the one found first is the search's match.
    while m is not None and _taken_by_another(m[0]):
        # "…不得遵守美国对上述5家中国企业采取的相关制裁措施": sanctions another took, the object of this notice's own
        # verb (a blocking order, 2026 No. 21: read as a measure on "上述企业", session 27, audit27), not one decided
        m = MEASURE_DECIDED_RE.search(folded, m.end(), hi)
    ban = folded.find(MEASURE_BAN, lo, m.start() + len(MEASURE_BAN) - 1 if m else hi)
    if ban >= 0:
        at, after = ban, ban + len(MEASURE_BAN)
    elif m:
        at, after = m.span()
    else:
        return None
    start = max(folded.rfind("。", lo, at), folded.rfind("\n", lo, at)) + 1
    stop = folded.find("。", after, hi)
    end = stop + 1 if stop >= 0 else hi
    return ActionDraft(ActionKind.MEASURE, lst, (), eff, None, None, clean[start:end].strip(), at)


# A notice named as the procedure a measure follows ("四、不批准并取消上述企业高级管理人员…居留资格，参照不可靠实体清单工作机制公告〔2025〕
# 7号执行。"): no object of the verb before it (qa47, through the parser guard: read as a lift of 7号, a false item, silently).
PROCEDURE_BEFORE = ("参照", "比照", "依照", "按照")
PROCEDURE_AFTER_RE = lazy_compile(r"\s*(?:的\s*)?(?:有关\s*|相关\s*)?(?:规定\s*)?(?:执行|办理)\s*(?:[。,;\n]|$)")


def _procedure_of(folded: str, ref: tuple[int, int, NoticeRef]) -> bool:
    """Whether the notice ``ref`` is named as the procedure a measure follows ("参照…7号执行"), not as the verb's object."""
    return folded.endswith(PROCEDURE_BEFORE, 0, ref[0]) and PROCEDURE_AFTER_RE.match(folded, ref[1]) is not None
