"""Corrections and items: a numbered item whose step was not read, a new name no rename covers, an annex's entry
amended, a list corrected, a step on measures or a term changed beside the steps read."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ... import actions as act
from ...actions.words import LIST_ALT
from ...corrections import AMENDED_ANNEX_TITLE_RE, CORRECTION_TITLE_RE, renames_only
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ...renames import UNMARKED, covered
from ...textnorm import any_within, find_word, holds_any, marked
from ..named import sentence_start
from .common import (
    ITEM_KINDS,
    LEFT_OUT,
    NOTICE_UNDONE_WORDS,
    deciding_at,
    imposes,
    measures_step_words,
    off_list,
    on_measures,
)

# "该公告正文及附件标题中的“出口管制管控名单”有误，应为“出口管制关注名单”；该公告所列3家实体应列入出口管制关注名单": a correction
# moving a notice's entities to another list; "…第33号附件…遗漏1家日本实体，现予补列：5. X（x）": an entity added to an earlier
# annex. Neither is read (no rename, no step): the earlier listing stood as stored, the list wrong or the entity missing,
# silently (session 45, audit45/30, 10). For a person to read.
CORRECTED_LIST_RE = lazy_compile(rf"“(?:出口管制)?(?:{LIST_ALT}|管控名单)”[^“”。;\n]{{0,10}}?(?:应为|更正为|修改为)\s*"
                                 rf"“(?:出口管制)?(?:{LIST_ALT}|管控名单)”")
CORRECTED_WORDS = ("应为", "更正为", "修改为")
ADDED_TO_ANNEX = ("补列", "补充列入")
CORRECTED_MARKS = marked(CORRECTED_WORDS)

# The verbs ``on_measures`` takes (a suspension, or a stop or restore of 实施/执行): looked for in the decision before any
# paragraph of it is looked at line by line. One search of their plain alternation (sre skips to the words' first
# characters) costs less than nine finds over a listing's long decision (perf50: -4,700 instructions a page); the words
# must stay plain literals in one flat alternation for that skip (a factored pattern costs twice the finds).
STATUS_VERB_WORDS = ("暂停", "停止实施", "停止执行", "恢复实施", "恢复执行", "终止实施", "终止执行", "不再实施", "不再执行")
STATUS_VERB_RE = re.compile("|".join(STATUS_VERB_WORDS))

# "现将出口管制管控名单中该实体的名称变更为“…”": a listed entity renamed. Refused for a person to read from session 22 (the
# new name would be no name of the listed entity: screening by it would miss); read since session 36 where
# scraper/parse/renames.py reads it whole (``d.renames``). An English name alone "由“…”更新为“…”" and two entities merged
# into one entry ("条目合并调整为…", "合并后的存续企业为…") are such changes too, still refused (session 31, audit31/21, /22:
# read as nothing, silently).
NAME_CHANGE_RE = lazy_compile(r"名称\s*(?:由[^。]{0,120}?)?(?:变更|更改|改|更新)\s*为|更名\s*为|合并(?:调整)?\s*为|存续企业\s*为")
MERGED_MARKS = marked(("合并", "存续"))
NAME_CHANGE_MARKS = marked(("名称", "更名", "合并", "存续"))

# "第5项“杰亚机器人公司（…）”修改为“": an annex entry renamed (``unread_annex_amendment``); so too "…修改为：“", "第5项所列实体的
# 名称修改为“", "第5项的英文名称“…”修改为“", "变更为/更改为/更正为“" (probe45: each slipped past beside a removal, the entry kept
# its old name, silently)
AMENDED_ENTRY_RE = lazy_compile(r"第\s*\d{1,3}\s*项[^。；;\n“”]{0,20}(?:“[^“”\n]{1,200}”)?\s*(?:修改|变更|更改|更正)为\s*:?\s*“")
AMENDED_WORDS = ("修改为", "变更为", "更改为", "更正为")
AMENDED_MARKS = marked(AMENDED_WORDS)

# "商务部决定，对X采取的出口管制措施，自…起予以解除": the measures named before the verb that ends them (or restores or
# suspends them), the notice naming none in the sentence (session 29, audit29/24: read as a new measure on X, the lift lost).
OBJECT_FIRST_STEP_RE = lazy_compile(r"对[^。\n]{1,80}?措施[^。\n]{0,40}?(?P<verb>解除|停止|恢复|暂停|中止|终止|取消)")

# "…工作机制决定，自2027年1月20日起，解除禁止该企业在中国境内新增投资的处理措施。对该企业采取的其他处理措施继续有效。": a
# measure of an entity ended, the verb first, no notice named in its sentence (session 59, text59/22: no step, no warning, the
# fine-paid entity's lift lost, silently). Asked, as the object-first form, only where nothing at all is read.
VERB_FIRST_MEASURE_RE = lazy_compile(r"(?P<verb>解除|停止|恢复|暂停|中止|终止|取消)(?:实施|执行)?[^。\n]{0,60}?措施")
# "…工作机制决定，上述公告所列11家美国实体相关处理措施自2026年11月11日起恢复实施。": the measures as the verb's subject, a
# notice pointed to by 上述 with a count between (session 59, text59/44's form without its "不再延长": no step, no warning,
# the restore lost, silently).
SUBJECT_FIRST_MEASURE_RE = lazy_compile(r"措施\s*(?:自[^。\n]{1,24}?起\s*)?(?:将|即)?\s*(?:予以)?\s*(?P<verb>解除|停止|恢复|暂停|中止|终止|取消)")
# "…对…所列X（x）的高级管理人员不再禁止入境。该企业仍在不可靠实体清单内。": a measure of a listed entity ended with no 措施
# written, "不再" before what it bars (session 60, blind60's probe on /16: no step, no warning, silently). Asked, as the forms
# above, only where nothing at all is read, and only of a sentence naming a listed one.
NO_LONGER_BARRED_RE = lazy_compile(r"不再\s*(?:禁止|限制|不予|不准)")
LISTED_ONE_WORDS = ("所列", "高级管理人员", "实体", "企业")

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

# The words of NOTICE_UNDONE_WORDS that end a notice named beside a notice's own steps ("…本公告自公布之日起正式实施，原商务部公告
# 2027年第40号同时撤销"): no step reads them (废止 and 停止执行 are read as lifts).
ENDED_BESIDE_WORDS = ("撤销", "撤回", "作废", "失效")


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
        if at >= 0 and not imposes(d.drafts) and folded.find("附件", 0, at) >= 0:
            return f"an entity added to an earlier notice's annex (\"{word}\") is not read{LEFT_OUT}"
    return None


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


def _status_verb_in(folded: str, start: int, end: int) -> bool:
    """Whether a word of STATUS_VERB_WORDS stands in ``folded[start:end]``."""
    return STATUS_VERB_RE.search(folded, start, end) is not None


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
        if measures_step_words(folded, line, stop) and not folded.startswith("附", line) \
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
        if act.VERB_KINDS.get(v[0]) in ITEM_KINDS and on_measures(folded, v, stop) \
                and not any(line <= x.start < stop for x in d.drafts) and not off_list(folded, v.start()):
            return v[0]
    return None


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
    for barred in NO_LONGER_BARRED_RE.finditer(folded, max(decided, 0), end) if decided >= 0 else ():
        first, last = sentence_start(folded, barred.start()), act.sentence_end(folded, barred.start())
        if any(folded.find(w, first, last) >= 0 for w in LISTED_ONE_WORDS) and not off_list(folded, barred.start()):
            return f"says \"{src.text[first:last].strip()[:60]}\" but reads no step{LEFT_OUT}"
    if decided < 0 or folded.find("措施", decided, end) < 0:
        return None
    m = OBJECT_FIRST_STEP_RE.search(folded, decided, end) or VERB_FIRST_MEASURE_RE.search(folded, decided, end) \
        or SUBJECT_FIRST_MEASURE_RE.search(folded, decided, end)
    if m is None or off_list(folded, m.start()):
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
        and not any_within(folded, AFFILIATE_WORDS, pos, act.sentence_end(folded, pos))


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
