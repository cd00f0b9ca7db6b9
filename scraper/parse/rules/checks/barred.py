"""A step on one measure of an earlier listing, named by what it bars, left out for a person (session 52, blind53).

"停止实施…〔2028〕2号中对X采取的禁止高级管理人员入境和不批准…居留资格的措施" and "暂停实施…〔2027〕6号中对X采取的禁止在
中国境内新增投资的处理措施，为期一年": the step's object is one or two of the listing's measures, not the listing. A listing
holds no state per measure, so each was read as the step on X's whole listing: X lifted (off the list) or all of X's
measures suspended while its import and export ban stayed in force, silently. ``steps.one_measure_lifted`` reads a lift
of one measure whose text keeps the listing as a ``lift_measure``; ``checks.targets.unread_part_of_measures`` holds the
forms that say the other measures are kept ("其他…措施继续"). What neither takes is left out here; so too measures said to
apply no longer to someone ("不再对…所列X适用相关措施"), which no step reads.
"""

from __future__ import annotations

from storage.records import ActionKind

from ... import actions as act
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ..named import countermeasure_order, sentence_start
from .common import LEFT_OUT

# The steps on a listing's state that a measure named by what it bars narrows (a lift_measure is read already).
STEP_KINDS = (ActionKind.LIFT, ActionKind.RESTORE, ActionKind.SUSPEND, ActionKind.EXTEND)
# The word every such object holds before the measure: looked for in the step's sentence before any regex.
OF = "的"
# "采取的禁止…措施", "采取的“不批准…”的处理措施", "采取的罚款措施", "…所列X的禁止新增投资措施", "…采取的处理措施中的禁止…措施":
# the measure named by what it does, not "相关措施", "全部反制措施", "出口管制措施" (the whole listing).
BARRED_MEASURE_RE = lazy_compile(
    r"的\s*[“\"]?\s*(?:禁止|不批准|不予|不准|不得|罚款|处以罚款)[^。;；\n]{0,80}?措施"
)
# "…所列X的高级管理人员，不再采取禁止入境和不批准并取消…居留资格的处理措施": the verb first, its object a measure named by what
# it bars (session 60, blind60/16: read as a lift of all of 〔2025〕1号, its 10 entities off the list, while the text says the
# company stays listed: a false "lifted", silently).
VERB_FIRST_BARRED_RE = lazy_compile(
    r"(?:不再|停止|解除|取消|暂停|恢复)\s*(?:采取|实施|执行|适用)?\s*(?:对[^。;；\n]{1,40}?)?[“\"]?\s*"
    r"(?:禁止|不批准|不予|不准|罚款|处以罚款)[^。;；\n]{0,80}?措施"
)

# "决定，自…起，不再对…〔2028〕2号所列X适用相关处理措施": a lift said as measures no longer applied to someone, the verb 适用 after
# its object, which no step reads (blind53/34, /39, /40: a numbered notice and answers read as changing nothing,
# silently; "…不再适用" written together is ``checks.corrections.unread_step_on_measures``'s). Left out for a person where
# its sentence names a notice and reads no step.
NO_LONGER = "不再"
NO_LONGER_APPLIED_RE = lazy_compile(r"不再\s*(?:对|向)[^。;；\n]{1,80}?适用[^。;；\n]{0,40}?措施")


def unread_barred_measure(src: Source, d: Draft) -> str | None:
    """A suspension, extension, lift or restore on an earlier notice whose object, in its sentence, is a measure named
    by what it bars ("…对X采取的禁止…的措施", "…所列X的禁止新增投资措施", the object first "…对X采取的禁止…措施，
    自…起暂停实施"): only some of the listing's measures change, which the listing's state cannot say; left out for a
    person to read."""
    if countermeasure_order(d):
        return None  # a MOFCOM order's lift of a measure by name is read as a lift_measure (mfa.status.measure_lift)
    folded = src.folded
    for x in d.drafts:  # (nearly every text: no step on another notice; no scan)
        if x.action not in STEP_KINDS or not x.targets:
            continue
        s0, s1 = sentence_start(folded, x.start), act.sentence_end(folded, x.start)
        at = folded.find(OF, s0, s1)
        while at >= 0:
            m = BARRED_MEASURE_RE.match(folded, at, s1)
            if m is not None:
                return (f"{x.action.value} of \"{src.text[m.start() + len(OF) : m.end()].strip()[:40]}\", a measure of a "
                        f"listing named by what it bars, not the listing{LEFT_OUT}")
            at = folded.find(OF, at + len(OF), s1)
        for m in VERB_FIRST_BARRED_RE.finditer(folded, s0, s1):
            if m.start() <= x.start < m.end():  # the step's verb is this one or inside the measure it names ("并取消")
                return (f"{x.action.value} of \"{src.text[m.start() : m.end()].strip()[:40]}\", a measure of a listing "
                        f"named by what it bars, not the listing{LEFT_OUT}")
    return None



def unread_no_longer_applied(src: Source, d: Draft) -> str | None:
    """A sentence naming a notice that says its measures no longer apply to someone ("不再对…所列X适用相关处理措施"), with no
    step read in it: left out for a person to read."""
    folded = src.folded
    if not d.refs or folded.find(NO_LONGER) < 0:  # (nearly every text: no 不再)
        return None
    for m in NO_LONGER_APPLIED_RE.finditer(folded):
        s0, s1 = sentence_start(folded, m.start()), act.sentence_end(folded, m.start())
        if any(s0 <= r[0] < s1 for r in d.refs) and not any(s0 <= x.start < s1 for x in d.drafts):
            return f"says \"{src.text[m.start() : m.end()].strip()[:40]}\" of a notice it names but reads no step{LEFT_OUT}"
    return None
