"""Which notices a step acts on: a notice named in a clause, a range, a bare number, by its day, counted ("上述两份公告"), or
a step elided after its sentence's verb; a suspension whose notices were not found."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storage.records import ActionKind

from ... import actions as act
from ...actions.apart import CLAUSE_MARK_RE as MARK_OUTSIDE_BRACKET_RE
from ...actions.apart import LIKEWISE
from ...actions.periods import MONTH_END_RE
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ...number import RANGE_DASHES, RANGE_MAX
from ...textnorm import NUM, any_within, holds, holds_any, marked, to_int
from ..named import sentence_start
from . import common
from .common import ENDS_APART_STEPS, LEFT_OUT, clause_spans, deciding_at, off_list, terms_in

# Bound here, not imported by name: CPython 3.11 compiles a method call on an imported name as an attribute load
# (a bound method made at each call), on any other global as LOAD_METHOD (as checks.py, which defined them).
WHOLE_DAY_RE = common.WHOLE_DAY_RE

# "对上述2家实体暂停适用关注名单相关管理措施" (session 27, audit27: a watch-list suspension of two entities read as nothing)
SUSPEND_WORDS = ("暂停实施", "暂停适用")
SUSPEND_MARKS = marked(SUSPEND_WORDS)
# after a suspension word, a noun, not a step: "暂停实施期" (its period), "暂停实施状态不变" (a renamed entity's measures "及其暂停实施
# 状态不变": its state as it was; audit31/18, a rename read since session 36)
NOT_A_STEP = ("期", "状态")
LIST_MEASURES_NEAR = 16  # "暂停适用关注名单相关管理措施": the list's name this near after 暂停适用
# "不再暂停实施…", "停止暂停实施…": the suspension ends; no notice suspended is to be looked for. So "不再继续暂停实施…",
# "不再延续暂停实施…" (one verb each, a restore: session 58, held58; a notice so worded was held for a person); not "不再延长
# 暂停实施…" (no verb: the day its measures are back is not told, the notice held)
UNSUSPENDING = ("不再", "停止", "解除", "取消", "结束", "终止", "不再继续", "不再延续", "不再予以")

# "暂停实施上述两份公告相关措施": the notices a step counts
COUNTED_NOTICES_RE = lazy_compile(rf"(?:上述|前述|以上)\s*(?P<n>{NUM})\s*(?:份|个|项)\s*公告")
COUNTED_NOTICES_MARKS = marked(("份公告", "个公告", "项公告"))

# A clause after a step's naming another notice's measures and a term (or 亦同), no verb ("…第21号相关措施6个月，第22号相关措施1年"):
# a step elided, read as none (No. 22's suspension missed, silently; review47)
ELIDED_STEP_RE = lazy_compile(
    r"[,;]\s*(?:对\s*)?(?:(?!暂停|停止|恢复|继续|延长|解除|取消|终止|实施|执行)[^,;。\n]){0,30}?\d{1,4}\s*号[^,;。\n]{0,12}?"
    rf"相关措施\s*(?:的\s*)?(?:暂停期限|期限)?\s*(?:为期|为|延长至|至)?\s*(?:{NUM}\s*(?:个月|周年|年|天|日)|\d{{4}}\s*年\s*\d{{1,2}}\s*月"
    r"\s*(?:\d{1,2}\s*日|[底末])|亦同|亦然|同样如此|也是如此)\s*(?=[。;\n]|$)")  # ("…，第22号相关措施亦同": the step before, elided)

ELIDED_NUMBER_RE = lazy_compile(r"(\d{1,4})\s*号")
# "停止实施…第21号相关措施，第22号相关措施亦同": the same lift elided (No. 22's missed, silently; clauses44)
SAME_STEP_KINDS = (ActionKind.LIFT, ActionKind.RESTORE)
SAME_STEP_WORDS = ("亦同", "亦然", "同样如此", "也是如此")

# "…第21号相关措施1年，第22号相关措施6个月后恢复实施": a notice by its bare number before a step's verb in its clause, which no
# reference reads (no issuer, no year): the step took a notice of another clause (No. 21 restored on 12-10, a false
# 'Restored', and No. 22's restore missed, silently; clauses44).
BARE_NUMBER_RE = lazy_compile(r"(?<![年告令)\]\d\s])第\s*\d{1,4}\s*号")  # (not "公告2026年第60号": a number written whole)
BARE_NUMBER_KINDS = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)

# "…第21号相关措施暂停至2027年6月30日，第22号相关措施停止实施" / "继续暂停实施…第21号相关措施1年，停止实施22号公告相关措施": a
# clause after a step naming a notice by a bare number no reference reads (no issuer, no year), with a verb of its own:
# the step was dropped (No. 22's lift missed, silently) or took the notice of the clause before (a false lift of No. 21)
# (session 48, review54). Which notice it acts on is not read: left out, for a person.
NUMBERED_BARE_RE = lazy_compile(r"(?<![年告令)\]\d\s第〕】…])(?:第\s*)?\d{1,4}\s*号")
# a verb of change ("…第22号相关措施继续实施": the notice kept as it is, no step)
NUMBERED_CHANGE_RE = lazy_compile(r"停止|终止|取消|解除|恢复|暂停|延长|废止|不再")
SENTENCE_AFTER_REACH = 40  # a bare number this near after a step's sentence is asked about ("第21号相关措施" opens it)

# "继续暂停实施商务部 海关总署公告2025年第5-58号相关措施1年", "第58号至第55号", "〔2025〕1-40号": a range of notice numbers wider than
# ``number.RANGE_MAX`` or written backwards, which ``number.more_numbers`` reads as its two ends alone (Nos. 5 and 58 extended, the
# notices between missed or never meant, silently; session 49, range49, review54's open question). Which notices it names is for
# a person, where a step acts on them; "第55-58号", "第55号至第58号" stay read. Asked only of a reference's span that gave
# several notices and holds a range's joiner (few spans).
ODD_RANGE_RE = lazy_compile(rf"(?<!\d)(?P<a>{NUM})\s*(?:号\s*(?:公告\s*|))?(?:至|[{RANGE_DASHES}]{{1,2}})\s*(?:公告\s*|)(?:第\s*|)"
                            rf"(?P<b>{NUM})\s*号")

# "…公告2025年第55号到第58号", "第55号到58号", "第55号直至第58号", "第55号至2026年第3号": a second number right after a reference,
# joined by a range's word no reference reads so: the step read on the first alone, the notices after it missed, silently
# (session 49, review55's probe of range49's ranges). Which notices it names is for a person. Asked only where 到 or 至
# stands right after a reference.
RANGE_AFTER_REF_RE = lazy_compile(rf"\s*(?:直至|直到|到|至)\s*(?:\d{{4}}\s*年\s*)?(?:第\s*)?{NUM}\s*号")

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

# Both MOFCOM and the working mechanism before a notice named by its day alone ("继续暂停实施商务部和不可靠实体清单工作机制2025年4月4日
# 发布的公告相关措施1年"): the day names a notice of each (and MOFCOM's of that day may be an item control's), one list read
# (qa47: the UEL's alone, No. 21 missed, silently). Which notices is for a person.
BOTH_ISSUERS_RE = lazy_compile(r"商务部\s*(?:和|及|与|、|以及)\s*不可靠实体清单工作机制|不可靠实体清单工作机制\s*(?:和|及|与|、|以及)\s*商务部")
BOTH_ISSUERS_REACH = 16  # "…工作机制于2025年4月4日发布的公告": the issuers this far before the day

# A dated step whose object is the subject of the step before it, elided: "…7号相关措施自2026年12月10日起暂停实施，自2027年6月10日
# 起恢复实施" (session 44, qa44's probe: the suspension read with no end, the restore lost, silently). The verb ends its clause.
ELIDED_OBJECT_RE = lazy_compile(r"起\s*,?\s*(?:恢复|停止|暂停|终止|解除|取消)(?:实施|执行)?\s*(?=[。;,\n]|$)")

ELIDED_KINDS = {"恢复": (ActionKind.RESTORE,), "暂停": (ActionKind.SUSPEND, ActionKind.EXTEND),
                **dict.fromkeys(("停止", "终止", "解除", "取消"), (ActionKind.LIFT, ActionKind.RESTORE))}


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
                or same_only and not any_within(folded, SAME_STEP_WORDS, x.start, s1):
            continue
        for m in ELIDED_STEP_RE.finditer(folded, x.start, s1):
            if same_only and not m[0].rstrip().endswith(SAME_STEP_WORDS):
                continue  # (a lift's or restore's: only the same step told, "…，第22号相关措施亦同")
            if not _read_apart(m[0], x, d.drafts) and not any(m.start() <= y.start < m.end() for y in d.drafts):
                # (a step read in the clause itself, "…第22号相关措施的暂停期限延长至…": no step elided)
                return f"its sentence names another notice's measures with a term and no step (\"{m[0][1:].strip()}\"){LEFT_OUT}"
    return None


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


def unread_numbered_clause(src: Source, d: Draft) -> str | None:
    """A clause of a step's sentence, or the sentence right after it, naming a notice by a bare number outside every
    reference, with a verb that either read no step or read one on the notices of another clause: left out, for a person.
    ("…停止实施商务部公告2025年第22号相关措施。第21号相关措施暂停至2027年6月30日。": the suspension missed, silently, session 57,
    held57's probe; in one sentence the number takes the issuer and year named before it, ``number.CLAUSE_NUMBER_RE``.)"""
    folded = src.folded
    for s0, s1 in _step_sentences(folded, d):
        if folded.find("号", s0, s1) < 0 and folded.find("号", s1, s1 + SENTENCE_AFTER_REACH) < 0:
            continue  # (nearly every step)
        for c0, c1 in clause_spans(folded, s0, s1):
            m = _numbered_unread(folded, d, c0, c1)
            if m is not None:
                return (f"its clause names \"{src.text[m.start() : m.end()]}\", a notice no reference reads, beside "
                        f"a step of its own{LEFT_OUT}")
        if folded.startswith("。", s1) and (m := _numbered_unread(folded, d, s1 + 1, act.sentence_end(folded, s1 + 1))):
            return (f"the sentence after its step names \"{src.text[m.start() : m.end()]}\", a notice no reference reads, with "
                    f"a verb of its own{LEFT_OUT}")
    return None


def _numbered_unread(folded: str, d: Draft, c0: int, c1: int) -> re.Match[str] | None:
    """The bare number (NUMBERED_BARE_RE) of ``folded[c0:c1]``, outside every reference and no step's notice, where the
    span reads a step on notices (of another clause) or none beside a verb of change; else None."""
    if folded.find("号", c0, c1) < 0 or any(c0 <= r0 < c1 or r0 < c0 < r1 for r0, r1, _ in d.refs):
        return None
    m = NUMBERED_BARE_RE.search(folded, c0, c1)
    tail = f"-{int(re.sub(r'[^0-9]', '', m[0]))}" if m is not None else ""
    if m is None or any((t.key or "").endswith(tail) for y in d.drafts for t in y.targets):
        return None  # (a step read on that number, "…1年，第22号相关措施暂停至2027年6月底": actions.apart's, read)
    own = [y for y in d.drafts if c0 <= y.start < c1]
    if any(y.targets for y in own) or not own and act.VERB_RE.search(folded, c0, c1) is not None \
            and NUMBERED_CHANGE_RE.search(folded, c0, c1) is not None:
        return m
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


def unread_vague_clause(src: Source, d: Draft) -> str | None:
    """A clause of a step's sentence, outside every reference, with a verb of change on other notices or measures it does
    not name (VAGUE_OBJECT_RE), beside a clause of the sentence naming a notice: left out, for a person."""
    folded = src.folded
    if not d.refs or not holds_any(folded, VAGUE_MARKED):
        return None  # (nearly every text: no clause names a notice, or no sentence holds a word of VAGUE_WORDS)
    for s0, s1 in _step_sentences(folded, d):
        if not any_within(folded, VAGUE_WORDS, s0, s1):
            continue  # (nearly every step)
        named = [(r0, r1) for r0, r1, _ in d.refs if s0 <= r0 < s1]
        for c0, c1 in clause_spans(folded, s0, s1) if named else ():
            m = VAGUE_OBJECT_RE.search(folded, c0, c1)
            if m is not None and not any(c0 <= r0 < c1 or r0 < c0 < r1 for r0, r1 in named) \
                    and NUMBERED_CHANGE_RE.search(folded, c0, c1) is not None and act.VERB_RE.search(folded, c0, c1) is not None:
                return f"its clause acts on \"{src.text[m.start() : m.end()]}\", notices or measures it does not name{LEFT_OUT}"
    return None


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
    return bool(terms_in(folded, c0, c1)) or "半年" in clause or WHOLE_DAY_RE.search(folded, c0, c1) is not None \
        or ("底" in clause or "末" in clause) and MONTH_END_RE.search(folded, c0, c1) is not None


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
                    and not act.told_suspension(folded, d.refs, pos) and not off_list(folded, pos) \
                    and not act.told_as_past(folded, sentence_start(folded, pos), pos, d.published) \
                    and not act.dated_before(folded, sentence_start(folded, pos), d.published, True):
                # "2025年11月5日，工作机制决定，自…起，继续暂停实施《…》（…〔2025〕7号）相关措施1年。" opening a restore of 2026
                # tells the suspension it ends (session 28, audit28/02: the restore refused for review)
                return f"says {word} but names no notice it suspends that could be read{LEFT_OUT}"
            pos = folded.find(word, pos + 1, end)
    return None


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
