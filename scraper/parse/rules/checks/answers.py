"""Answers and notices telling steps: an answer's step decided with no notice, by a yearless number, after a term ended,
denied, told as taken before ("商务部已于…发布公告"), planned or held off, adjusted, undone, corrected by its speaker, under a
condition; a title's steps beside the body's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from storage.records import ActionKind

from ... import actions as act
from ...actions.tense import RECOUNT_RE, decided_in, denied
from ...actions.words import NOT_RENEWED_PAUSE, title_step
from ...corrections import CORRECTION_TITLE_RE
from ...dates import effective_in
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ...textnorm import any_within, find_word, holds_any, marked
from ..named import sentence_start
from . import common
from .common import (
    ITEM_KINDS,
    LEFT_OUT,
    NOTICE_UNDONE_WORDS,
    STEP_TERM,
    TERM_ENDED,
    TERM_ENDED_MARKS,
    a_noun,
    answer_said,
    measures_step_words,
    off_list,
    on_measures,
)

# Bound here, not imported by name: CPython 3.11 compiles a method call on an imported name as an attribute load
# (a bound method made at each call), on any other global as LOAD_METHOD (as checks.py, which defined them).
OFF_LIST_RE = common.OFF_LIST_RE

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

# "决定…对该公司暂不实施该公告所列措施", "暂不执行…相关措施": a step decided now (held off, no end told) in the words every doubt
# list takes for a step not decided (NOT_NOW_RE's 暂不), so no step is read: a listing notice's third item putting one of
# No. 23's entities off was missed, silently (session 44, audit44/04). "决定…X不再适用该公告所列措施" (the measures no longer
# apply to X: a lift of X, no verb read) likewise (an audit44 probe). For a person to read. Asked only where the text holds
# 暂不 or 不再适用 (str.find) and only of a sentence that decides (决定 before it) and holds no step read.
NOT_NOW_STEP_RE = lazy_compile(r"(?:暂不\s*(?:实施|执行|适用)|不再\s*适用)[^。;\n]{0,40}?措施")
NOT_NOW_STEP_WORDS = ("暂不", "不再适用")

# "商务部决定，对商务部公告2025年第21号相关措施作出调整。" (under "关于调整…暂停期限的公告"), "…予以调整", "…进行调整", "决定调整
# …相关措施": a step on a notice's measures decided in a word that says no step, read as nothing, silently (session 45,
# clauses45). For a person to read. Asked only where the text holds 调整 and only of a sentence that decides (决定 before
# it), names a notice and holds no step read; "作如下调整：" opens items, which are read (or held) on their own.
ADJUSTED_RE = lazy_compile(r"(?:作出|做出|予以|进行|加以)\s*(?:相应|适当|必要的?|部分|有关)?\s*调整|调整(?=[^,;。:\n]{0,40}?措施)")
ADJUSTED_WORD = "调整"

# "决定将X列入…，相关措施暂不实施，具体实施时间另行公告", "上述措施暂缓执行，…另行通知": the listing's own measures held off,
# read as a listing in force from its day, silently (session 44, an audit44 probe). Held for a person where no suspension
# is read in that sentence ("…第168号相关措施暂缓执行" read as one stands).
NOT_RENEWED_PAUSE_RE = lazy_compile(NOT_RENEWED_PAUSE)  # "中方不再延长暂停实施…第21号相关措施" (not_renewed_on_number)
HELD_OFF_RE = lazy_compile(r"措施\s*(?:暂不|暂缓)\s*(?:实施|执行|适用)")
HELD_OFF_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)
HELD_OFF_MARKS = marked(("暂不", "暂缓"))

# "继续暂停实施第61号公告" in an answer: a notice by its number without its year, no ref the parser can key (a year is
# never guessed): the step is left out and the answer refused for a person to read (session 32, audit32/23: read as
# no notice at all, an answer about something else, silently).
YEARLESS_NOTICE_RE = lazy_compile(r"\s*(?:商务部)?\s*(?:公告)?\s*第\s*\d{1,3}\s*号(?:\s*公告)?")

# "中方此前决定…", "已决定": a decision told, not taken in the answer.
TOLD_DECISION_BEFORE = ("此前", "已", "曾", "先后", "当时")

# how far before a notice's "第" its step's verb may end ("停止执行商务部公告第339号": 商务部公告 and blanks between)
YEARLESS_VERB_REACH = 12
# the number a YEARLESS_NOTICE_RE match holds, where its "第" stands: only there can one end past it (the "第" of a
# law's article, "第十八条", or of an item, "第一项", is passed over in C, not asked in Python)
NUMBERED_AT_RE = lazy_compile(r"第\s*\d{1,3}\s*号")

# "…第21号相关措施的暂停继续有效", "暂停措施仍然有效": an answer saying a named notice's suspension still holds, no step read.
SUSPENSION_HOLDS_RE = lazy_compile(r"暂停[^,;。\n]{0,12}?(?:继续|仍然|仍|依然)\s*(?:有效|适用)")

# "如美方于…前撤销…，则…继续暂停实施1年；否则，商务部将自…起恢复实施…": steps under a condition the text cannot know is met
# (session 34, audit34/11: read as both an extension and a restore from the same day). Not "例如", "如下", "如期", "如实".
CONDITION_RE = lazy_compile(r"(?<![例比诸假])如(?![下期实何今此是])[^。;\n]{1,80}?,\s*则")

IF = "如"  # "如X履行承诺，将其移出关注名单": a condition with no 则 (NOT_NOW_RE knows 如果, 若, 假如 and 如美方 only)
NOT_IF_BEFORE = "例比诸假譬"  # 例如, 比如, 诸如 (an example), 假如 (NOT_NOW_RE's)
NOT_IF_AFTER = "下期实何今此是果同约前上"  # 如下, 如期, 如实, 如何, 如今, 如此, 如是, 如果 (NOT_NOW_RE's), 如同, 如约, 如前/如上所述
IF_REACH = 80  # how far before the step's verb its condition may open

# What may follow a verb whose object is left out, to its clause's end: its term, nothing else (``_object_elided``).
ELIDED_OBJECT_TAIL_RE = lazy_compile(rf"{STEP_TERM}?")

# A spokesperson correcting what was said before in the same answer or transcript ("我纠正一下，刚才口误，…起始日期是2026年12月
# 15日，不是12月10日"): the step read may be the one withdrawn, its day or kind wrong (session 41, qa41/24: the suspension
# read from 12-10, the corrected 12-15 unread, silently). Not "相关实体已主动纠正有关行为" (a company's conduct).
# So an editor's note on the release ("（注：此前发布的版本中“12月10日”有误，应为“12月15日”。）", "此稿已更正": session 44, qa44's
# probe: the lift read from the day withdrawn, silently).
SELF_CORRECTION = ("口误", "纠正一下", "我纠正", "更正一下", "现更正为", "更正如下", "予以更正", "特此更正", "有误,应为", "有误,现",
                   "已更正", "已作更正")

# The verbs of a step on an earlier notice's measures, as a body's sentence may tell it (``unread_told_step``).
TOLD_STEP_WORDS = ("恢复", "暂停", "延长", "停止", "终止", "取消", "解除", "中止")
TITLED_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)

# A change a Q&A's title announces (``page.CHANGE_TITLE_RE``'s words, which the page's checks hold an answer by).
ANSWER_CHANGE_RE = lazy_compile(r"暂停(?!期限?(?:已经|已)?(?:届满|期满|到期))|调整|停止|恢复|延长|取消|解除")


def _decision_planned_or_told(before: str, after: str) -> bool:
    return after.startswith("决定是否") or "视情" in before or DECISION_TOLD_RE.match(before) is not None


def decided_on_number(text: str) -> str | None:
    """The first sentence of a MOFCOM answer (MOFCOM_ANSWER_HEAD in its head) saying 决定 with a step's word and a notice's
    number (DECIDED_NUMBER_RE) after it and no verb the rules read (``actions.VERB_RE``), else None."""
    at = find_word(text, "决定")
    if at < 0 or "号" not in text or not any(w in text[:3000] for w in MOFCOM_ANSWER_HEAD):  # (nearly every page)
        return None
    from ...textnorm import fold

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


def not_renewed_on_number(src: Source, d: Draft) -> bool:
    """Whether an answer says, with no doubt before it (NOT_NOW_RE), that the suspension of a notice named in its sentence
    is not renewed ("中方不再延长暂停实施商务部公告2025年第21号相关措施"): with no day told it reads no step, and
    ``page.unread_expiry`` holds it for a person; a press conference's under a title naming no list was dropped as about
    nothing (``rejects.off_topic_answer``; session 59, held59: no notice, silently)."""
    folded = src.folded
    if not d.refs or "不再" not in folded:
        return False
    for m in NOT_RENEWED_PAUSE_RE.finditer(folded):
        s0, s1 = sentence_start(folded, m.start()), act.sentence_end(folded, m.start())
        if any(s0 <= r[0] < s1 for r in d.refs) and act.NOT_NOW_RE.search(folded, s0, m.start()) is None:
            return True
    return False


def unread_decided_answer(src: Source, d: Draft) -> str | None:
    """An answer reading no step (nor one held apart) whose sentence decides on a notice it names (``decided_on_number``):
    left out, for a person."""
    if not d.qa or d.drafts:  # (nearly every answer reads its step)
        return None
    said = decided_on_number(src.text)
    return None if said is None else f"decides on a notice it names (\"{said}\") but reads no step{LEFT_OUT}"


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
                if decided >= 0 and not a_noun(folded, decided) and not off_list(folded, at) \
                        and not any(s0 <= x.start < s1 for x in d.drafts):
                    return f"a step decided as \"{src.text[at:m.end()]}\" is not read{LEFT_OUT}"
            at = folded.find(word, at + 2)
    if holds_any(folded, HELD_OFF_MARKS) and (m := HELD_OFF_RE.search(folded)) is not None:
        s0, s1 = sentence_start(folded, m.start()), act.sentence_end(folded, m.start())
        if not off_list(folded, m.start()) and not any(s0 <= x.start < s1 and x.action in HELD_OFF_STEPS for x in d.drafts):
            return f"measures held off (\"{src.text[m.start():m.end()]}\") are not read{LEFT_OUT}"
    return None


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
                and (decided := folded.rfind("决定", s0, at)) >= 0 and not a_noun(folded, decided) \
                and (named := {r[2].key or r[2].text for r in d.refs if s0 <= r[0] < s1}) \
                and not any(s0 <= x.start < s1 for x in d.drafts) \
                and not named <= {t.key or t.text for x in d.drafts for t in x.targets} \
                and not _step_in_next_sentence(folded, s1, d):
            # (a step on each notice it names read elsewhere: "中方决定调整…第21号相关措施。上述措施自…起暂停实施", qa44/31; or
            # the step told in the next sentence: "中方决定对4月4日公告相关措施作出调整。自…起，暂停实施…", qa39/28)
            return f"a step decided as \"{src.text[m.start():m.end()]}\" says no step the parser reads{LEFT_OUT}"
        at = folded.find(ADJUSTED_WORD, at + 2)
    return None


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
    restore, suspend, extend: ``on_measures``), names no notice, and holds no step read (its target said only as
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
            if not measures_step_words(folded, pos + 2, s1) and folded.find("号", pos + 2, s1) < 0 \
                    and not _step_verb_words(folded, pos + 2, s1):
                pos = folded.find("决定", s1, b)  # no step on measures nor on a number after it (most answers)
                continue
            s0 = sentence_start(folded, pos)
            if not (a_noun(folded, pos) or folded.endswith(TOLD_DECISION_BEFORE, s0, pos)) \
                    and not any(s0 <= r[0] < s1 for r in d.refs) and not any(s0 <= x < s1 for x in starts) \
                    and OFF_LIST_RE.search(folded, s0, s1) is None:
                for v in act.VERB_RE.finditer(folded, pos + 2, s1):
                    if act.VERB_KINDS.get(v[0]) not in ITEM_KINDS:
                        continue
                    yearless = YEARLESS_NOTICE_RE.match(folded, v.end(), s1)
                    if (yearless or on_measures(folded, v, s1) or _object_elided(folded, v, s1)) \
                            and _decided_now(folded, d, s0, v.start(), v.start()):
                        what = f"names {yearless[0].strip()} without its year, so" if yearless else "names"
                        return f"the answer decides \"{src.text[s0:s1].strip()[:40]}\" but {what} no notice its " \
                               f"{v[0]} could act on{LEFT_OUT}"
            pos = folded.find("决定", pos + 2, b)
    return _unread_start_step(src, d) if not d.drafts and d.refs and d.published is not None else None


def unread_step_before_others(src: Source, d: Draft) -> str | None:
    """A step on measures ending its clause with no object and reading none, the notices of its sentence all named after
    that clause as another step's subject ("中方决定，自2026年11月11日起，恢复实施，商务部公告2025年第22号相关措施继续暂停实施
    1年"; "…届时不再延长，相关措施自…起恢复实施，…第22号相关措施继续暂停…" with no suspension told before it), in an answer or
    a notice: the step reads no notice (``actions.clauses._targets_in_clause``; it read No. 22, a false 'Restored' of it,
    silently, before session 62: resp60's A). Left out for a person to read. Asked only of a notice opening the clause
    after a comma, of the clause before that comma."""
    if not d.refs or not d.drafts:
        return None
    folded, starts = src.folded, {x.start for x in d.drafts}
    spans = d.spans if d.qa else ((0, len(d.operative)),)
    for r0, _, _ in d.refs:
        comma = folded.rfind(",", 0, r0)
        if comma < 0 or not any(a <= comma < b for a, b in spans) or ";" in folded[comma:r0] or "。" in folded[comma:r0] \
                or act.VERB_RE.search(folded, comma + 1, r0) is not None:
            continue  # (the notice opens the clause after the comma: at most words before it, "商务部公告…", no verb)
        s0 = sentence_start(folded, comma)
        if any(s0 <= r[0] < comma for r in d.refs) or OFF_LIST_RE.search(folded, s0, r0) is not None:
            continue  # (a notice named before, in its sentence: the step's own, read or held by other rules)
        s1 = act.sentence_end(folded, comma)
        for v in act.VERB_RE.finditer(folded, max(s0, max(folded.rfind(c, s0, comma) for c in ",;:") + 1), comma):
            if act.VERB_KINDS.get(v[0]) in ITEM_KINDS and v.start() not in starts and v[0].endswith(("实施", "执行")) \
                    and _object_elided(folded, v, s1) and _decided_now(folded, d, s0, v.start(), v.start()):
                return f"it says \"{src.text[s0:s1].strip()[:40]}\" but names no notice its {v[0]} could act on: " \
                       f"the notices after it are another step's{LEFT_OUT}"
    return None


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
                        if act.VERB_KINDS.get(v[0]) in ITEM_KINDS \
                                and (on_measures(folded, v, s1) or _object_elided(folded, v, s1)) \
                                and _decided_now(folded, d, s0, v.start(), v.start()):
                            return f"the answer says \"{answer_said(src, s0, s1)[:40]}\" from {told[:10]}, a step " \
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
            if folded.find("号", pos + 2, s1) >= 0 and folded.find("第", pos + 2, s1) >= 0 and not a_noun(folded, pos):
                s0 = sentence_start(folded, pos)
                for v in act.VERB_RE.finditer(folded, pos + 2, s1):
                    if act.VERB_KINDS.get(v[0]) not in ITEM_KINDS:
                        continue
                    m = YEARLESS_NOTICE_RE.match(folded, v.end(), s1)
                    if m is not None and not any(v.end() <= r[0] < m.end() for r in d.refs) \
                            and _decided_now(folded, d, s0, v.start(), v.start()):
                        return f"the answer decides \"{src.text[v.start() : m.end()].strip()}\", which names " \
                               f"{m[0].strip()} without its year, so no notice its {v[0]} could act on{LEFT_OUT}"
            pos = folded.find("决定", s1, b)
    return None


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
                if act.VERB_KINDS.get(v[0]) not in ITEM_KINDS:
                    continue
                m = YEARLESS_NOTICE_RE.match(folded, v.end(), s1)
                if m is not None and m.end() > pos and not any(v.end() <= r[0] < m.end() for r in d.refs) \
                        and not off_list(folded, v.start()):
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
        if not any(s0 <= r[0] < s1 for r in d.refs) or a_noun(folded, pos) \
                or folded.endswith(TOLD_DECISION_BEFORE, s0, pos) or OFF_LIST_RE.search(folded, s0, s1) is not None:
            continue
        for v in act.VERB_RE.finditer(folded, pos + 2, s1):
            if act.VERB_KINDS.get(v[0]) in ITEM_KINDS and _decided_now(folded, d, s0, v.start(), v.start()) \
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
                if act.VERB_KINDS.get(v[0]) in ITEM_KINDS and act.NOT_NOW_RE.search(folded, s0, v.start()) is None \
                        and not off_list(folded, v.start()):
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


def _if_clause_before(folded: str, at: int) -> str | None:
    """The clause opening with a bare 如 that ends before the step's verb at ``at`` in its clause of the sentence (after a
    "；"): "商务部决定：一是…；二是如北方海岸电子公司（…）配合完成核查，将其移出关注名单" (session 52, review62/d05c, f03: the
    removal read as decided, from the text's day, silently; "商务部决定，如X履行承诺，将X移出关注名单" in an answer, e01)."""
    if folded.find(IF, max(0, at - IF_REACH), at) < 0:
        return None  # (nearly every step: no 如 within IF_REACH, none in its clause; perf54)
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


def unread_answer_undone(src: Source, d: Draft) -> str | None:
    """An answer reading no step whose sentence decides ("商务部决定，撤销商务部公告2026年第166号") that a notice it names is
    revoked, ceases, is held off or no longer applies (NOTICE_UNDONE_WORDS): "no action found in the answer" alone is no
    health issue (session 29, audit29). Doubts and plans (NOT_NOW_RE) and decisions told are no step."""
    if not d.qa or d.actions or d.drafts or not d.refs:
        return None
    folded = src.folded
    for pos, s0, s1 in _answer_sentences(folded, d, "决定"):
        word = next((w for w in NOTICE_UNDONE_WORDS if folded.find(w, pos + 2, s1) >= 0), None)
        if word is not None and not a_noun(folded, pos) and not folded.endswith(TOLD_DECISION_BEFORE, s0, pos) \
                and any(s0 <= r[0] < s1 for r in d.refs) and _decided_now(folded, d, s0, s1, pos):
            return f"the answer decides \"{word}\" of a notice it names but reads no step{LEFT_OUT}"
    return None


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
                and any_within(folded, TOLD_STEP_WORDS, s0, s1):
            return True
    return False
