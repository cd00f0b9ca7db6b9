"""Terms and ends: a step's term or end said apart per notice or per entity, 分别, in another clause or sentence, in words
the dates cannot read, at odds with itself; a lift or restore at a suspension's end."""

from __future__ import annotations

from datetime import date

from storage.records import ActionKind

from ... import actions as act
from ...actions.apart import EACH, END_ALT, JOIN_ALT, LATER_END_ALT, TERM_ALT, TERM_ITEM_RE, ends_told
from ...actions.clauses import TWO_TERMS_RE
from ...actions.periods import END_DAY_RE, MONTH_END_RE
from ...actions.words import title_step
from ...dates import DURATION_RE, UNTIL_RE, iso_to_date, make_date, parse_cn_date, until_from
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ...textnorm import MD, NUM, YEAR, any_within, find_word, holds, holds_any, marked
from ..named import sentence_start
from . import common
from .common import DAY_JOINERS, ENDS_APART_STEPS, LEFT_OUT, clause_spans, terms_in

# Bound here, not imported by name: CPython 3.11 compiles a method call on an imported name as an attribute load
# (a bound method made at each call), on any other global as LOAD_METHOD (as checks.py, which defined them).
WHOLE_DAY_RE = common.WHOLE_DAY_RE

# "…第21号相关措施，对甲公司和乙公司的暂停期限分别为6个月和1年", "其中第22号公告所列两家实体的暂停期限分别为…": 分别 pairing
# entities (named after the notice, before 分别) with terms or ends (``unread_entities_apart``)
# (also a unit, an institution, a university or an institute, and names in Latin letters: "对Skydio和BRINC的…", "…所列两家单位
# 的…" read as a pairing of notices, silently; review50)
ENTITIES_BEFORE_EACH_RE = lazy_compile(r"公司|实体(?!清单)|企业(?!名单)|集团|单位|机构|大学|学院|研究[所院]|实验室|[A-Za-z]{2}")
EACH_TERMS_OR_ENDS_RE = lazy_compile(
    r"分别\s*(?:为期|为|是|延长)?\s*(?:至|到)?\s*(?:\d{1,4}|半|[一二三两六十])[^,;。\n]{0,20}?(?:和|、|及|与|以及)")

SHORT_NUMBER_RE = lazy_compile(r"第\s*(?P<n>\d{1,4})\s*号")  # "第22号相关措施": a notice by its number alone

# a term right after the verb, with no "期限" ("其中，第338号相关措施自2026年12月10日起暂停6个月", "…暂停1年"): session 46, probe46
VERB_TERM_RE = lazy_compile(rf"(?:暂停|延长)\s*(?:实施|执行)?\s*(?:\d{{1,4}}|{NUM})\s*(?:个\s*月|年|天|日|周)")
# the next sentence opening on the measures of the step before ("相关措施自…起暂停6个月", "上述措施暂停1年")
THOSE_MEASURES_RE = lazy_compile(r"\s*(?:其中\s*,?\s*)?(?:相关|上述|有关|前述|该)\s*(?:公告)?\s*(?:相关)?\s*(?:管控|处理)?\s*措施")

JOINED_RE = lazy_compile(r"\s*(?:和|、|及|与|以及)\s*")  # between two days joined
# "其中第22号…", "其中对…第22号…": 其中 naming a notice (``unread_ends_apart``)
AMONG_NOTICE_RE = lazy_compile(r"其中\s*(?:对\s*)?[^,;。\n]{0,30}?\d{1,4}\s*号")
AMONG_STEP_WORDS = ("停止", "终止", "取消", "解除", "恢复", "废止")  # a step of its own in a 其中 clause with no end

# a day after 分别 (``unread_ends_respectively``): its year may be left to the day before ("至2027年5月31日和11月30日"), its
# numbers Chinese ("至二〇二七年五月三十一日")
EACH_DAY_RE = lazy_compile(rf"(?P<to>[至到]\s*)?(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*[日号]")

# "…期满后停止实施", "…届满后，上述措施均终止执行": a lift at the end of a suspension (``unread_lift_at_expiry``)
# Also "期满之后停止实施", "期限届满以后停止实施" (session 51, review60: not looked for, the lifts missed, silently), and
# "期满后商务部公告2025年第21号相关措施停止实施" (a notice named before the verb: the lift read from the answer's own day, silently).
# "…暂停至D，届时停止实施", "期满时终止执行", "到期时不再实施", "期满后不再实施" (session 52, resp52, review60/14: the lift missed, or
# read from the sentence's day, silently; "…召开会议，届时停止实施…" read from the answer's day, the meeting's not told).
LIFT_AT_EXPIRY_RE = lazy_compile(r"(?:(?:届满|期满|到期)\s*(?:之日\s*)?(?:之|以)?\s*[后时]|届时)\s*,?\s*(?:[^,;；。\n]{0,40}?措施\s*)?"
                                 r"(?:将|即|均|分别)?\s*(?P<verb>停止|终止|不再)\s*(?:实施|执行)")

# After a suspension or extension read, an end's word then a verb that stops the measures, in wordings no lift reads
# ("期满即停止实施", "到期后即行停止实施", "此后不再实施", "之后停止实施", "期满后该公告废止", "期满后予以取消", "到期自动终止",
# "期满后自动失效"): the suspension alone was read, the notice presumed back in force at its end, silently (session 52,
# resp52's probes). Not "停止暂停", "取消对…的暂停" (restores). (``unread_loose_lift_at_end``)
LOOSE_LIFT_AT_END_RE = lazy_compile(r"(?:期满|届满|到期|届时|此后|之后|以后)[^;；。\n]{0,40}?"
                                    r"(?P<verb>停止|终止|不再实施|不再执行|废止|取消|失效)(?!\s*(?:暂停|对))")
UNDECIDED = "是否"  # "届时视情决定是否停止实施", "届时是否停止实施另行公告": no lift decided, the suspension alone
LOOSE_END_MARKS = marked(("满", "到期", "届时", "此后", "之后", "以后"))
LOOSE_STOP_MARKS = marked(("停止", "终止", "不再", "废止", "取消", "失效"))

# "…暂停至2027年5月31日，到期后不再恢复实施", "暂停期满后，上述措施不再恢复实施" (``unread_no_restore``)
NO_RESTORE = "不再恢复"

EXPIRY_MARKS = marked(("满", "到期", "届时"))  # (满: "期满后", "期满之后", "届满以后"; one mark asked, as before: review60)
STOP_MARKS = marked(("停止", "终止", "不再"))

# "…上述措施暂停至2027年12月31日", "…暂停期限至…", "…延长至…": an end a clause after a step's gives (``_another_end``)
ANOTHER_END_RE = lazy_compile(r"(?:暂停|延长|期限)\s*(?:实施|执行)?\s*(?:期限)?\s*(?:为|延长)?\s*至\s*"
                              r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")

# a sentence telling the term of the step before it ("暂停期限为1年", "期限分别为6个月和1年", "上述措施暂停期限为…")
# (or of some of its entities: "。对甲公司和乙公司的暂停期限分别为6个月和1年。", suspended for good before, silently; review50)
NEXT_TERM_RE = lazy_compile(rf"\s*(?:其中\s*)?(?:对[^,;。\n]{{1,40}}?的\s*)?(?:上述\s*(?:相关\s*)?措施\s*(?:的\s*)?)?(?:暂停\s*)?期限\s*(?:分别|均|各)?\s*(?:为期|为|是|至)\s*"
                            rf"(?:{DURATION_RE.pattern}|半年|\d{{4}}\s*年)")

# A lift with an end: "自2026年12月10日起至2027年6月30日止，停止实施…", "停止实施…相关措施，为期一年", "…6个月" (session 44, qa44's
# probes: each read as a lift for good, the measures shown lifted past the end the text gives, silently; qa43/59 had pinned the
# lift). Stopped for a term is a suspension in all but the word: which one, and what comes at its end, is a person's to read.
# Not a term of the lift: one given to contracts ("给予3个月过渡期"), written right after it.
GRACE_AFTER = ("过渡期", "宽限期", "的过渡期", "的宽限期")

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

# "商务部令2025年第7号有效期延长1年" under the title "关于延长暂停实施商务部令2025年第6号有关措施
# 期限的决定" (session 52, order52's probes): the body read as nothing, the title's extension of No. 6 from the order's own day with
# no end, silently (suspended for good). A period after 延长 that no step read, beside a step with no end: left out.
EXTENDED = "延长"  # in every EXTENDED_BY_RE match
EXTENDED_BY_RE = lazy_compile(r"延长\s*(?:[\d一二两三四五六七八九十]{1,3}\s*(?:年|个月|天|日|周)|半年)")

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

ENDS_AFTER_RE = lazy_compile(r"\s*(?:分别\s*)?[至到]")  # (what follows a 即 in TERMS_THEN_ENDS_RE)

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

# A suspension told to run with another's term ("…第21号相关措施，期限为1年；…7号相关措施同步暂停", "一并暂停"): read with no end
# of its own, it stayed suspended past the other's end (session 43, qa43/56: 7号 open-ended beside No. 21's year, silently).
SHARED_TERM_WORDS = ("同步", "一并", "同期")

# A term told in a clause of its own after a step's object, no 均 ("…，暂停实施…第23号相关措施，暂停期限至2027年10月31日"): read
# as the last step's (``unread_shared_term``). (With 均 it is every step's: ``actions.clauses._shared_term``.)
TERM_CLAUSE_RE = lazy_compile(r"[,;]\s*(?:暂停|延长)?\s*期限?\s*均?\s*(?:为期|为|是|至|到|延长至|顺延至|延至)")
TERM_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)
SHARED = "均"
RESTORE_OBJECTS = ("实施", "执行")  # "不再恢复实施": the measures' verb
MEASURES_NAMED = ("措施", "号", "〕")  # the measures or a notice in the sentence of "不再恢复"


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
        warning = _one_notice_two_ends(src, d, x, stop) if notices < 2 else _ends_of_several(src, x, stop)
        if warning is not None:
            return warning
    return None


def _one_notice_two_ends(src: Source, d: Draft, x: act.ActionDraft, stop: int) -> str | None:
    """``unread_ends_apart`` of a step on one notice: one given two terms or ends ("…第21号相关措施，对Skydio和BRINC的暂停期限
    分别为6个月和1年", "…两家单位的暂停期限为6个月和1年", "…分别截至2027年6月10日和2027年12月10日"): its first read for all of
    its entities, silently (review50: the entities' words unread_entities_apart knows missed them)."""
    folded = src.folded
    if sum(1 for y in d.drafts if y.start == x.start) > 1:
        return None  # one verb's step per notice (``actions.apart``): the terms or ends each notice's own
    if (said := _two_ends_or_terms(folded, x, stop)) is not None:
        return f"one step on one notice gives two terms or ends (\"{said}\"): whose is which is not read{LEFT_OUT}"
    if _another_end(folded, x, stop):
        return (f"one step on one notice gives it two ends (\"{src.text[x.start : stop].strip()[:60]}\"): which is "
                f"meant is not read{LEFT_OUT}")
    return None


def _ends_of_several(src: Source, x: act.ActionDraft, stop: int) -> str | None:
    """``unread_ends_apart`` of a step on several notices: two terms after "；其中", a notice named apart by 其中, two terms,
    or different ends (分别, or days joined to an end)."""
    folded = src.folded
    if folded.startswith(";其中", stop):  # "…相关措施，暂停期限为6个月；其中第22号相关措施暂停期限为1年": one text (review47)
        stop = min([i for i in (folded.find("。", stop + 1), folded.find("\n", stop + 1), folded.find(";", stop + 1))
                    if i >= 0] + [len(folded)])
        if len(terms_in(folded, x.start, stop)) > 1:
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
        if "至" not in clause and not terms_in(folded, among.start(), among.start() + len(clause)) \
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
        return None
    days = list(WHOLE_DAY_RE.finditer(folded, x.start, stop))
    # a day joined to an end ("延长至2027年6月30日、2027年12月31日": both to 06-30 before, silently; clauses44) is an end
    ends = {parse_cn_date(m.group("date")) for i, m in enumerate(days)
            if both or m.group("to") or i and JOINED_RE.fullmatch(folded, days[i - 1].end(), m.start()) is not None}
    if len(ends - {None}) > 1:
        return (f"one step on {len({t.key or t.text for t in x.targets})} notices gives them different ends "
                f"(\"{src.text[x.start : stop].strip()[:60]}\"){LEFT_OUT}")
    return None


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


def unread_loose_lift_at_end(src: Source, d: Draft) -> str | None:
    """A verb stopping the measures after the end of a suspension or extension read before it in its paragraph
    (LOOSE_LIFT_AT_END_RE) that no lift dated by that end reads: left out, for a person. Asked only of a text reading a
    suspension or an extension, then gated by the words."""
    folded = src.folded
    steps = [x.start for x in d.drafts if x.action in TERM_STEPS]  # (no enum member looked up per draft: perf54)
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
    if not folded.startswith(RESTORE_OBJECTS, at + len(NO_RESTORE)) \
            and not any_within(folded, MEASURES_NAMED, s0, act.sentence_end(folded, at)):
        return None  # "部分航线运力短期内不再恢复": not the measures (session 52, review62/17: held, noise)
    return (f"measures no longer restored (\"{src.text[max(s0, at - 40) : at + 8].strip()}\"): whether they are lifted, "
            f"and from which day, is not read{LEFT_OUT}")


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


def _clause_stop(folded: str, c0: int, s1: int) -> int:
    """Where the clause from ``c0`` ends: the first "," or ";" (folded) of ``folded[c0:s1]``, else ``s1`` (the end of
    the first of ``clause_spans``; asked by checks reaching a clause seldom)."""
    return next(clause_spans(folded, c0, s1), (c0, s1))[1]


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


def unread_each_one_end(src: Source, d: Draft) -> str | None:
    """A suspension or extension on two notices or more read with one end, its sentence saying 分别 after the verb: "…第101号和
    第102号相关措施，暂停期限分别至2028年6月30日和12月31日" (the second day's year not written) was not read apart, both read to
    06-30, No. 102's half year lost, silently (session 48; "分别至2028年6月底和12月底" too, held before for naming two notices).
    Left out, for a person. Read with one term (``extends_by``), it is left out where a word joining two items follows the
    分别 in its clause: "…第21号和第22号相关措施的暂停期限分别延长6个月和年" (the second term's number missing) read 6 months for
    both, silently (session 49, the parser guard's mutation step48 noted); "分别延长1年" (each a year) is read. Asked after the
    checks naming the forms they know (a term in English words: ``unread_latin_term``)."""
    folded = src.folded
    if not holds(folded, EACH):  # (nearly every text: its rarer 别 asked first, a quarter of the scan; perf54)
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
        if any_within(folded, DAY_JOINERS, at, clause):
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
        if notices > 1 and len(terms := terms_in(folded, x.start, stop, years_out=True)) > 1:
            return f"one step on {notices} notices gives them two terms (\"{'、'.join(sorted(terms))}\"){LEFT_OUT}"
        if notices > 1 and terms and folded.find(EACH, x.start, stop) >= 0 \
                and (WHOLE_DAY_RE.search(folded, x.start, stop) or MONTH_END_RE.search(folded, x.start, stop)):
            # "…第102号和第103号相关措施，暂停期限分别为1年和至2028年6月30日": both read to the day, No. 102's year lost (session 48)
            return f"one step on {notices} notices gives them a term and an end (\"{'、'.join(sorted(terms))}\"){LEFT_OUT}"
        among_at = folded.find("其中", c0, stop)
        if among_at >= 0 and AMONG_NOTICE_RE.match(folded, among_at) is None and terms_in(folded, among_at, stop, years_out=True):
            # "…相关措施，其中对甲公司的暂停期限为6个月": the part's term read as the whole notice's (probe44)
            return f"a step gives a part of its measures (其中) a term of its own: whose is not read{LEFT_OUT}"
    return None


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


def unread_extended_period(src: Source, d: Draft) -> str | None:
    """An extension or suspension with no end read, no step of the text reading an end or a period, beside "延长1年" (a
    period): left out, for a person."""
    if not d.drafts or not holds(src.folded, EXTENDED):  # (nearly every text: its rare 延 asked first; perf54)
        return None
    if any(x.until is not None or x.extends_by is not None for x in d.drafts):
        return None
    if not any(x.action in UNENDED_KINDS for x in d.drafts):
        return None
    m = EXTENDED_BY_RE.search(src.folded)
    return None if m is None else f"it says \"{m[0]}\", a period no step read, beside a step with no end{LEFT_OUT}"


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
                    # nor beside another notice (the clauses per notice read days written whole: No. 21 took No. 22's end).
                    # "至2027年年底", "至明年上半年末", "至明年6月底" (session 57) the same, but not beside another notice: the
                    # clauses per notice read a month's end only with its year and month written (``apart.END_ALT``)
                    whole = MONTH_END_RE.match(folded, m.start(), s1)
                    if whole is None or whole.end() < m.end() \
                            or (whole["yrel"] or not whole["me"]) and _several_notices(folded, d, s0, s1):
                        return f"its end \"{m[0]}\" is no day the dates read{LEFT_OUT}"
        if not ("今年" in sentence or "本年" in sentence or "明年" in sentence):
            continue
        rel = RELATIVE_DAY_RE.search(folded, s0, s1)
        if rel is not None and _several_notices(folded, d, s0, s1):
            return (f"its end \"{rel[0]}\" is told relative to the text's year in a sentence naming several notices: which "
                    f"notice it ends is not read{LEFT_OUT}")
    return None


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
        if not any_within(folded, SHARED_TERM_WORDS, c0, x.start + 4):
            continue
        if any(y is not x and (y.until is not None or y.extends_by is not None) and y.sentence == x.sentence
               for y in d.drafts):
            return f"a step told to run with another's term (\"{folded[c0 : x.start + 4]}\") has no end of its own{LEFT_OUT}"
    return None
