"""Which entities or measures of a notice a step reaches: limited to an entity not read, some of them counted or named,
an object before or after the verb, some measures only, some entities or one of its notices excepted."""

from __future__ import annotations

from storage.records import ActionKind

from ... import actions as act
from ...actions.words import LIST_ALT
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ...textnorm import NUM, any_within, holds, holds_any, marked, to_int
from ..named import sentence_start
from ..record import limited_to
from .common import ITEM_KINDS, LEFT_OUT, clause_end

# "将甲公司（…）、乙公司（…）2家美国实体分别列入出口管制管控名单和关注名单": which entity goes on which list ("respectively").
RESPECTIVELY_RE = lazy_compile(rf"分别\s*(?:列入|纳入|移出|移除)\s*(?:{LIST_ALT}|管控名单)\s*(?:和|及|以及|、|与)\s*(?:{LIST_ALT}|管控名单)")
SEVERAL_RE = lazy_compile(r"、|等|[2-9两二三四五六七八九十]\s*[家名个]")  # an object naming more than one

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

COUNTED_SUBSET_MARKS = marked(COUNTED_SUBSET_WORDS)

# "暂停实施…〔2026〕4号所列处理措施中的第二项（禁止…新增投资）": a step on one measure of a listing, the others kept; the
# listing holds no state per measure, so it read as the whole notice suspended (session 25, parse25: a false "suspended"
# for entities still under the import and export ban). An item control's clause ("第46号第二款") is no such measure.
PART_MEASURE_RE = lazy_compile(r"措施\s*中\s*的\s*第\s*[一二三四五六七八九十\d]{1,3}\s*项|第\s*[一二三四五六七八九十\d]{1,3}\s*项\s*"
                                r"(?:处理|管控|出口管制)?\s*措施")
# "暂停实施商务部公告2026年第23号第一项中“禁止境外组织和个人将…转移或提供给上述实体”的规定": a provision inside one measure of
# a listing, its notice naming no list (session 37, audit37/26: read as a suspension of the whole listing, 10 entities falsely
# "suspended" while the export ban stayed).
PART_OF_ITEM_RE = lazy_compile(r"号\s*第\s*[一二三四五六七八九十\d]{1,3}\s*项\s*中")

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

# The steps an object "对X" before the verb limits ("对X恢复实施…第21号相关措施"), and the words that make X the whole notice,
# a pointer or a count (not a name): "对上述实体", "对相关实体", "对其", "对2025年4月4日被列入…的16家美国实体".
OBJECT_KINDS = (ActionKind.RESTORE, ActionKind.LIFT, ActionKind.SUSPEND, ActionKind.EXTEND)
AMONG = "其中"  # "对其中A（a）…": among the notice's entities; X is what follows it
WHOLE_OBJECT_WORDS = ("上述", "前述", "以上", "这些", "相关", "有关", "其余", "其他", "全部", "所有", "该", "其", "此",
                      "各", "公告", "号", "措施", "名单", "清单", "家", "名", "实体", "企业")
CLAUSE_MARKS = (",", "。", "\n", ";", "；")
AFTER_VERB_ENDS = ("实施", "执行", "的")  # what ends X in "停止对X实施《…》", "解除对X的…措施（…）"
AFTER_VERB_REACH = 6  # "停止对", "恢复实施对": the verb and blanks before the 对 of an object after it

# A bracket after a step's notice restating it, or the step, in English: "…第21号（MOFCOM Announcement No. 21 of 2025）相关措施"
# (qa41/06, qa43/04): no entity's name.
NOT_A_NAME_IN_BRACKET = ("Announcement", "MOFCOM", "Ministry", "No.", "Order", "decided", "measures")

# "继续对A（a）、B（b）等2家实体实施…第21号相关措施，停止对其余14家实体实施相关措施": "the others" of names its sentence tells
# before, read as the whole notice: A and B falsely lifted, silently (session 49, review55's probe). Which others is for a person.
OTHERS_WORDS = ("其余", "其他", "其它")
OTHERS_REACH = 16  # "停止对其余14家美国实体实施": the verb's 对 and the words after it

# A name with its English in the object: "停止对除A（a）、B（b）等2家实体外的其余实体实施…", "…A（a）、B（b）等3家实体…" (a count the
# names do not make): names no step read, whatever whole words stand beside them (session 49, review55's probe: the lift read
# for the whole notice, the two excepted falsely lifted, or the third named missed, silently).
NAMED_IN_OBJECT_RE = lazy_compile(r"\([^()]*[A-Za-z][^()]*\)")

# A notice a step took that its own bracket or clause excepts: "暂停实施…第21号相关措施（…第22号相关措施不在暂停之列）", "（不含…第22号
# 相关措施）", "…，暂停期限为1年，…第22号相关措施不在此列" (review50: No. 22 suspended, the last for good, silently)
NOTICE_EXCEPTED_WORDS = ("不在", "不含", "不包括", "除外", "不适用")
NOTICE_EXCEPTED_MARKS = marked(NOTICE_EXCEPTED_WORDS)
UNIT_MARKS = ("(", ")", ",", ";")

# The steps that take a whole notice's entities and may except some ("停止实施…相关措施，但该公告所列A、B 2家实体除外").
EXCEPTED_STEPS = (ActionKind.LIFT, ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.RESTORE, ActionKind.REMOVE)

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
# "对…第80号所列实体（第4项、第5项实体除外）暂停实施相关措施": an exception in a bracket before the verb (session 53, blind54/55: all 5
# suspended, the 2 excepted among them, silently); not "除外交部…"
EXCEPTED_BEFORE_RE = lazy_compile(r"除外(?![交国方资商事籍])\s*[)）]")

# The words of an exception in a step's sentence and what bounds the clause holding one (session 53, blind54's probes of
# /54-55: "暂停实施…第80号相关措施，…，该公告附件第4项、第5项所列实体除外", "除该公告附件第4项、第5项所列实体外，暂停实施…",
# "…所列除第4项、第5项以外的实体", "…所列实体（不含第4项、第5项）", "…，但该公告所列X（x）不在此列": the step read on the
# excepted alone, or on all, the excepted among them, silently).
EXCEPTION_WORDS = ("除外", "不含", "不包括", "不在此列")  # "除X以外/之外" are the 除 pass's; never "除此之外" (besides this)
# A text holding none of these has no clause _excepted_clauses keeps: each EXCEPTION_WORDS word holds one, the 除 pass needs 除.
EXCEPTION_GATE = ("除", *(w for w in EXCEPTION_WORDS if "除" not in w))
CLAUSE_BOUNDS = ",;()。\n但"
NOT_EXCEPTING_BEFORE = "解删免废排拆清剔扣消去根移撤开"  # "解除", "删除", …: 除 in a verb, no exception
# An exception clause naming no entity but a thing of trade ("…继续暂停…相关措施1年，但不包括此前已经签订的合同"): it excepts
# contracts or licences, not entities, and is read as before session 53 (blind54's check held it, qa37's pin). Only where
# it holds no word that may name an entity (a name's bracket, a company, an item "第N项", a count, a list's member, a
# person): a bare name with none of them is still an exception, held.
TRADE_OBJECTS = ("合同", "协议", "订单", "许可", "交易", "业务", "申请", "物项", "货物")
ENTITY_MARKS = ("(", "公司", "集团", "实体", "企业", "机构", "单位", "大学", "研究", "项", "家", "名", "所列", "人",
                "列入", "名单", "清单")


def unread_limit(src: Source, d: Draft) -> str | None:
    """An action on earlier notices limited to an entity ("对该实体采取的相关措施") that could not be
    read: it is left out rather than applied to the whole notice, and needs review."""
    for x in d.drafts:
        if x.on_entities is not None and limited_to(src, d, x.on_entities) is None:
            what = src.text[x.on_entities[0] : x.on_entities[1]].strip()
            return f"{x.action.value} limited to \"{what}\", an entity that could not be read{LEFT_OUT}"
    return None


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


def unread_part_of_measures(src: Source, d: Draft) -> str | None:
    """A suspension, extension, lift or restore of some of a listing's measures only (PART_MEASURE_RE, or the others
    said kept as they are, OTHER_MEASURES_KEPT_RE): left out for a person to read, as the state of the whole listing
    would change."""
    folded = src.folded
    others = None
    for x in d.drafts:  # (most texts: no step on a listing's notice; no scan at all)
        if x.action not in ITEM_KINDS or not x.targets:
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


def unread_subset(src: Source, d: Draft) -> str | None:
    """A step on earlier notices whose object counts some of their entities ("…中的3家") but names other than that many."""
    folded = src.folded
    for x in d.drafts:
        if x.action not in ITEM_KINDS or not x.targets:
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
        end = clause_end(folded, x.start, stop if stop >= 0 else line)
        for m in NAMED_IN_OBJECT_RE.finditer(folded, x.start, end) if folded.find("(", x.start, end) >= 0 else ():
            if _a_name(m[0]):
                return f"{x.action.value} of a whole notice whose clause names \"{src.text[x.start : m.end()].strip()[:60]}\", " \
                       f"not read as its limit{LEFT_OUT}"
    return None


def _a_name(bracket: str) -> bool:
    """Whether a bracket with a letter (NAMED_IN_OBJECT_RE) holds no word of NOT_A_NAME_IN_BRACKET. (A loop, not ``any`` of a
    generator: a generator in ``unread_named_after_verb`` made its match a cell, made at every call of it.)"""
    for w in NOT_A_NAME_IN_BRACKET:
        if w in bracket:
            return False
    return True


def _the_others_of_named(src: Source, folded: str, at: int) -> str | None:
    """For a step at ``at`` read on the whole notice: its object right after the verb is "the others" (OTHERS_WORDS) and its
    sentence names entities with their English before it: why it is left out, else None."""
    dui = folded.find("对", at + 1, at + AFTER_VERB_REACH)
    if dui < 0 or not (folded.startswith(OTHERS_WORDS, dui + 1) or any_within(folded, OTHERS_WORDS, dui, dui + OTHERS_REACH)):
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
    if not kept and not holds_any(folded, EXCEPTED_MARKS) and "不含" not in folded and "外," not in folded:
        return None  # (nearly every text; "除X外，…" and "（不含X）" are _reaches_excepted's)
    for x in steps:
        end = act.sentence_end(folded, x.start)
        but = ("以外" in folded or "之外" in folded) and \
            EXCEPT_BUT_RE.search(folded, sentence_start(folded, x.start), end) is not None  # (the names after 除: a limit)
        if x.on_entities is not None and not but:
            if _limit_excepted(folded, x.start, x.on_entities, end):
                return f"reads as a step's limit the entities its clause excepts (除外){LEFT_OUT}"
            continue
        if folded.find("除外", x.start, end) < 0 and not _not_applying_to_names(folded, x.start, end) and not but \
                and not (kept and _kept_on_names(folded, x.start, end)) and not _excepted_before(folded, x.start):
            continue
        keys = {t.key for t in x.targets}
        if not any(a.entities and {t.key for t in a.targets} & keys and not (a.action is x.action and _all_excepted(folded, x.start, end, a.entities))
                   for a in d.actions):
            return f"excepts entities (除外, 除…以外, 不适用于) from a step on a whole notice but reads no step on them{LEFT_OUT}"
    if any(_reaches_excepted(folded, d, x, act.sentence_end(folded, x.start)) for x in steps):
        return f"a step reaches the entities its sentence excepts (除外, 除…外, 不含){LEFT_OUT}"
    return None


def _excepted_clauses(folded: str, s0: int, end: int) -> list[str]:
    """The clauses of ``folded[s0:end]`` that except entities: around an EXCEPTION_WORDS word, or from a 除 to a 外 in it."""
    out: list[str] = []
    for w in EXCEPTION_WORDS:
        p = folded.find(w, s0, end)
        while p >= 0:
            if w != "除外" or folded[p + 2 : p + 3] not in "交国方资商事籍" or p + 2 >= end:
                a = max(folded.rfind(c, s0, p) for c in CLAUSE_BOUNDS) + 1
                z = min([i for i in (folded.find(c, p + len(w), end) for c in CLAUSE_BOUNDS) if i >= 0], default=end)
                _keep_excepting(out, folded[max(a, s0) : z])
            p = folded.find(w, p + len(w), end)
    p = folded.find("除", s0, end)
    while p >= 0:
        z = min([i for i in (folded.find(c, p, end) for c in CLAUSE_BOUNDS) if i >= 0], default=end)
        if (p == s0 or folded[p - 1] not in NOT_EXCEPTING_BEFORE) and folded[p + 1 : p + 2] != "此" \
                and folded.find("外", p + 2, z) >= 0:
            _keep_excepting(out, folded[p:z])
        p = folded.find("除", p + 1, end)
    return out


def _keep_excepting(out: list[str], clause: str) -> None:
    """Add ``clause`` to ``out`` unless it excepts a thing of trade and names no entity (TRADE_OBJECTS, ENTITY_MARKS)."""
    if not any(w in clause for w in TRADE_OBJECTS) or any(w in clause for w in ENTITY_MARKS):
        out.append(clause)


def _reaches_excepted(folded: str, d: Draft, x: act.ActionDraft, end: int) -> bool:
    """Whether the step ``x`` on a notice, in a sentence excepting entities, is read on none of them (the whole notice, the
    excepted among them) or on the excepted alone, while no step of another verb names that notice's entities."""
    s0 = sentence_start(folded, x.start)
    if not any(w in folded[s0:end] for w in EXCEPTION_GATE):
        return False
    clauses = _excepted_clauses(folded, s0, end)
    if not clauses:
        return False
    keys = {t.key for t in x.targets}
    on = [a for a in d.actions if {t.key for t in a.targets} & keys]
    if any(a.entities and a.action is not x.action for a in on):
        return False  # the excepted named by a step of their own (audit30/07, parse19/11, parse22/14)
    squashed = ["".join(ch for ch in c.lower() if ch.isalnum()) for c in clauses]
    return any(a.action is x.action and (not a.entities or all(
        any(e in c or e in q for c, q in zip(clauses, squashed)) for e in a.entities)) for a in on)


def _limit_excepted(folded: str, at: int, limit: tuple[int, int], end: int) -> bool:
    """Whether the entities a step at ``at`` is limited to are the ones its clause excepts: "…所列实体（第4项、第5项实体除外）暂停
    实施…" (session 53, blind54/55: all 5 suspended, the 2 excepted among them, silently), or in its "但…除外" clause."""
    return folded.find("除外", limit[0], min(end, limit[1] + 6)) >= 0 \
        or folded.find("除外", limit[1], end) >= 0 and folded.rfind("但", at, limit[0]) >= 0


def _all_excepted(folded: str, at: int, end: int, entities: tuple[str, ...]) -> bool:
    """Whether every entity a step of the verb at ``at`` names stands in the "但…除外" clause after that verb ("停止实施…第62号相关
    措施，但该公告附件第5项所列X（x）除外，对其继续实施相关措施": the one excepted read as the lift's only entity, session 53,
    blind54/54: X lifted, the six others left in force, silently). A step of another verb on them (audit30/07's "对上述2家实体，
    继续暂停…") is theirs."""
    but, stop = folded.find("但", at, end), folded.find("除外", at, end)
    if but < 0 or stop < but:
        return False
    clause = folded[but:stop]
    squashed = "".join(ch for ch in clause.lower() if ch.isalnum())
    return all(e in clause or e in squashed for e in entities)


def _excepted_before(folded: str, at: int) -> bool:
    """Whether the clause of the verb at ``at`` excepts entities in a bracket before it."""
    s0 = max(sentence_start(folded, at), folded.rfind(",", 0, at) + 1, folded.rfind(";", 0, at) + 1)
    return folded.find("除外", s0, at) >= 0 and EXCEPTED_BEFORE_RE.search(folded, s0, at) is not None


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
        if at >= 0 and any_within(folded, NAMED_AFTER, at, act.sentence_end(folded, at)):
            return True
    return False
