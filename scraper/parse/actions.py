"""What a notice does: actions with targets, effective dates and durations.

Clause by clause: a verb (继续暂停 extend, 暂停 suspend, 停止/取消/解除 lift, 移出 remove,
恢复 restore, 列入 impose, 启动调查 investigate) and the notices it names
(by number, by "M月D日公告", or by "2025年4月4日被列入出口管制管控名单的16家美国实体").
A status verb with no target is not an action ("正在开展的相关出口活动应当立即停止").
All patterns run on folded text; spans slice the clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from operator import itemgetter, methodcaller

from storage.frozen import quick_init
from storage.periods import iso_period
from storage.records import ActionKind, ListKind, NoticeRef

from .dates import (
    DATE_RE,
    DURATION_RE,
    HALF_YEAR_RE,
    MONTH_DAY_RE,
    UNTIL_RE,
    effective_in,
    iso_to_date,
    make_date,
    parse_cn_date,
    period_end,
    period_of,
    resolve_month_day,
    until_from,
)
from .entities import COUNTRIES, COUNTRY_ALT
from .number import find_references, ref_text
from .textnorm import MD, NUM, YEAR, to_int

SENTENCE_RE = re.compile(r"[^。！？!?\n;；]+")
# "停止暂停", "解除对…的暂停": the measures are back. "处于暂停状态" is a state, no verb. One alternative per verb: sre finds at once where
# alternatives that open with a literal can start, not where a group of them can (8 times slower).
UNDONE_SUSPENSION = "|".join(f"{verb}暂停(?:实施|执行)?|{verb}对(?=[^,;；。\n]{{0,80}}?的暂停(?![期实执]))"
                             for verb in ("停止", "解除", "取消", "结束", "终止"))
VERB_RE = re.compile(
    UNDONE_SUSPENSION
    + r"|继续暂停(?:实施|执行)?|暂停(?:实施|执行)?期限(?:延长|延期)|延长(?=[^,;；。\n]{0,80}?暂停期限)"
    # "暂停期限自2027年11月10日起再延长一年", "暂停期限再延长90天": the noun stands for the verb after it
    r"|暂停(?:实施|执行)?期限(?=\s*(?:自[^,;；。\n]{1,24}?起\s*(?:再|继续)?|再|继续)\s*(?:延长|延期))"
    # "…暂停实施期限于…届满后不再延长" (loud23/08): "暂停实施期限" is a noun, as "暂停期限" is
    r"|暂停(?<!的暂停)(?![期至到]|状态|(?:实施|执行)期)(?:实施|执行)?|不再(?:继续)?暂停(?:实施|执行)?"
    r"|不再(?:实施|执行|延长|延期)|终止(?:实施|执行)?|停止(?:实施|执行)?|取消|解除|废止|移[出除]|恢复(?:实施|执行)?|列入|纳入"
    # "在…第23号附件《出口管制管控名单》中增列以下2家美国实体": a listing into an earlier annex ("增列入" is 列入's)
    r"|增列(?!入)"
    r"|启动(?:反倾销|反补贴)?调查|进行调查|立案调查|采取(?:以下|相应|有关)?反制措施"
)
VERB_KIND = {
    "继续暂停": ActionKind.EXTEND, "暂停": ActionKind.SUSPEND, "停止": ActionKind.LIFT, "取消": ActionKind.LIFT,
    "解除": ActionKind.LIFT, "废止": ActionKind.LIFT, "移出": ActionKind.REMOVE, "移除": ActionKind.REMOVE, "恢复": ActionKind.RESTORE, "列入": ActionKind.IMPOSE,
    "纳入": ActionKind.IMPOSE, "增列": ActionKind.IMPOSE, "启动": ActionKind.INVESTIGATE, "进行": ActionKind.INVESTIGATE,
    "立案": ActionKind.INVESTIGATE, "采取": ActionKind.IMPOSE,
}
LIST_WORDS = (
    ("出口管制管控名单", ListKind.ECL), ("管控名单", ListKind.ECL), ("不可靠实体清单", ListKind.UEL),
    ("关注名单", ListKind.WATCH), ("反制清单", ListKind.COUNTERMEASURE), ("反制措施", ListKind.COUNTERMEASURE),
)
# One search finds the list named first: no two of the words can start at the same place.
LIST_WORD_RE = re.compile("|".join(word for word, _ in LIST_WORDS))
LIST_KIND = dict(LIST_WORDS)
LIST_ALT = "出口管制管控名单|不可靠实体清单|关注名单|反制清单"
LIST_OF = {"出口管制管控名单": ListKind.ECL, "不可靠实体清单": ListKind.UEL, "关注名单": ListKind.WATCH,
           "反制清单": ListKind.COUNTERMEASURE}
# sre tries a pattern with no literal first at every place of a piece: a lookahead on the
# characters a date can start with (a year's or a month's first) turns the other places away at once.
DATE_START = r"(?=[\d〇○零一二三四五六七八九十O])"
# "2025年4月4日被列入出口管制管控名单的16家美国实体", "4月4日和9日被列入…的28家美国实体".
DATE_LIST_RE = re.compile(
    rf"{DATE_START}(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
    rf"(?P<more>(?:\s*[和、及与]\s*(?:(?:{YEAR})\s*年\s*)?(?:{MD}\s*月\s*)?{MD}\s*日)*)"
    rf"\s*(?:分别)?\s*(?:被|已被)?\s*(?:分别)?\s*(?:列入|纳入)\s*(?P<list>{LIST_ALT})\s*的\s*(?:共\s*)?"
    rf"(?:(?P<n>{NUM})\s*家(?P<moren>(?:\s*[和、及与]\s*{NUM}\s*家)*))?\s*(?P<c>{COUNTRY_ALT})?"
)
# The active form: "停止执行2025年3月4日(公布的)将15家美国实体列入出口管制管控名单的相关措施", "3月4日将特科姆
# 公司等10家美国企业列入不可靠实体清单的相关措施": the same reference, the count before the list.
DATE_ACTIVE_LIST_RE = re.compile(
    rf"{DATE_START}(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
    rf"(?P<more>(?:\s*[和、及与]\s*(?:(?:{YEAR})\s*年\s*)?(?:{MD}\s*月\s*)?{MD}\s*日)*)"
    # "2025年4月9日发布的《公布将12家美国实体列入出口管制管控名单》": the notice named by its day and its title
    rf"\s*(?:(?:公布|发布)\s*)?(?:的\s*)?(?:《[^《》,;。\n]{{0,40}}?)?将\s*(?:[^,;。\n]{{0,40}}?等\s*)?(?P<n>{NUM})\s*家(?P<moren>)\s*(?P<c>{COUNTRY_ALT})?"
    rf"\s*(?:实体|企业|公司|机构)?\s*(?:列入|纳入)\s*(?P<list>{LIST_ALT})"
)
MORE_COUNT_RE = re.compile(rf"({NUM})\s*家")
MORE_DAY_RE = re.compile(rf"(?:(?P<y>{YEAR})\s*年\s*)?(?:(?P<m>{MD})\s*月\s*)?(?P<d>{MD})\s*日")
# "4月4日公告（…）", "2025年3月4日发布的公告".
DATE_NOTICE_RE = re.compile(
    rf"{DATE_START}(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
    rf"(?P<more>(?:\s*[和、及与]\s*(?:(?:{YEAR})\s*年\s*)?(?:{MD}\s*月\s*)?{MD}\s*日)*)\s*(?:发布\s*)?(?:的\s*)?(?:公告|决定)"
)
# What every DATE_LIST_RE / DATE_NOTICE_RE match holds: most texts have neither, and a scan for
# these (a literal first) is far cheaper than cutting the text into clauses.
DATE_LIST_GATE_RE = re.compile(rf"入\s*(?:{LIST_ALT})\s*[的》]")  # of 列入/纳入: one literal first scans fastest
DATE_NOTICE_GATE_RE = re.compile(r"日\s*(?:发布\s*)?(?:的\s*)?(?:公告|决定)")
# "4月4日公告涉及的16家美国实体" / "所列16家实体".
COUNT_AFTER_RE = re.compile(rf"[^,。;\n]{{0,8}}?(?:涉及|所列|列入|中)的?\s*(?P<n>{NUM})\s*家[^,。;\n]{{0,6}}?(?:实体|企业)")
PAST_RE = re.compile(
    r"此前|曾经|曾|已于|已经|于\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月[^,，]*?(?:发布|宣布|决定|将)|^\s*于"
)
PAST_WORDS = ("于", "曾", "此前", "已经")  # every PAST_RE match holds one
# After a past marker, these bring the sentence back to what is decided now.
PRESENT_RE = re.compile(r"决定|现将|现予|现决定|自\s*[^,，。]{0,16}?起")
DECISION_RE = re.compile(r"决定|现将|现予|特此|予以公布|公布将|公告如下")
# "可以向商务部申请移出关注名单", "可申请恢复": a verb after a modal is a possibility, not an action.
MODAL_RE = re.compile(r"(?:申请|可以|可|应当|不得|拟)\s*$")
# A verb inside a quoted title (《关于…采取反制措施的决定》) names another instrument.
QUOTED_TITLE_RE = re.compile(r"《[^《》]*》")
# An extra measure: "决定…采取…措施" or "禁止其" (the two alternatives of one search, found apart:
# each opens with its own literal, which a scan finds far faster than their two first characters).
MEASURE_DECIDED_RE = re.compile(r"决定[^。]{0,80}?(?:(?:采取|实施)[^。]{0,20}?措施|处以[^。]{0,12}?罚款)")  # "决定对甲处以罚款"
MEASURE_BAN = "禁止其"
BACKGROUND_RE = re.compile(rf"于\s*{YEAR}\s*年")  # "于2025年4月4日…": a date told as history
# A clause that opens with a day ("答：2025年5月14日，工作机制暂停…", "何咏前：…8月12日起，继续暂停…") tells what
# was done that day: history when the text is later (a speaker's label may stand first).
OPENING_DATE_RE = re.compile(
    rf"\s*(?:[\u4e00-\u9fff·]{{1,12}}\s*:\s*|)(?:于\s*|自\s*|从\s*|)(?:(?P<y>{YEAR})\s*年\s*|)(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
    r"\s*(?:(?P<since>起)\s*|),"
)
# "自5月14日起，暂停…" read a few days late (a reprint, a press conference the next day) still acts.
SINCE_GRACE = timedelta(days=7)
# Before an answer's verb: the step is asked about, held off, denied, supposed or claimed by others, not taken
# ("假如…，中方将恢复…", "除非美方…，中方将于…起恢复…", "中方不排除停止暂停…", "将视情继续暂停或恢复执行…",
# "中方拟于…", "待…磋商后，中方将…", "美方称中方将继续暂停…"; not "简称", "名称", "称为", nor the words 若 and 拟
# stand in: "若干共识", "模拟芯片", "虚拟货币", "比拟"). Each alternative opens with a
# literal, none a group ("(?:美方|…)称" made sre try the whole pattern at every place: 10 times slower, 40,000
# instructions more per Q&A page): sre scans for their first characters at once.
NOT_NOW_RE = re.compile(r"是否|暂不|不会|尚未|没有|如果|若(?!干)|一旦|假如|除非|不排除|视情|拟(?<!模拟)(?<!虚拟)(?<!比拟)|待[^,;。\n]{1,30}?后"
                        r"|美方称|外方称|报道称|消息称|媒体称|声称|宣称|据称|有人称|他们称|对方称|其称|称(?=中方|我方|商务部|将|,|:)")
# NOT_NOW_RE's words that hold only their own clause: a decision said in a later clause, before the verb, stands ("在拟于
# 11月10日召开的会议上，中方决定延长…", "关于是否调整的问题，中方决定…", "中方暂不恢复…，决定继续暂停…"). A condition
# ("如果…，中方决定…") or a claim ("美方称，中方决定…") holds the whole sentence; so does a plan with no decision after it
# ("中方拟对相关措施作出调整，自…起，继续暂停…").
CLAUSE_DOUBTS = frozenset(("是否", "暂不", "不会", "尚未", "没有", "不排除", "视情", "拟"))
# 决定 as the verb of a later clause, not the noun ("依法作出决定", "有关决定", "的决定").
LATER_DECISION_RE = re.compile(r",[^,]*?(?<![出的关])决定")
# Weighing words: doubt before the verb, unless a decision follows them ("正在研究继续暂停…", "正在评估恢复执行…的影响";
# not "经研究，…决定…", "综合考虑…，中方决定…", "考虑到…"): 经 or 综 before one is a decision's ground (``_weighing``).
WEIGHING_RE = re.compile(r"研究|考虑(?!到)|评估")
# After an answer's verb, in its sentence: the change is a report's or a claim's, denied or doubted ("中方自…起恢复执行…
# 的说法没有事实依据", "…，这一说法不实"), not a decision.
CLAIMED_AFTER_RE = re.compile(r"说法|的报道|的消息|传言|传闻|不实|不符合事实|没有事实依据|并不准确")
# Before an answer's decision (or its verb, with no decision word): it tells a step taken before ("已于11月6日决定",
# "此前", "去年11月，中方决定", "中方于2025年11月5日决定") when the step's start is already past.
RECOUNT_RE = re.compile(r"已于|已经|此前|曾|去年|上月|前期|当时|先后|(?<![关对由鉴基属至])于\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月")
# "2025年11月,中方决定…", "11月5日,…决定…": the day (or month) of a decision told, a comma after it.
TOLD_DAY_RE = re.compile(rf"(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?:(?P<d>{MD})\s*日\s*)?,")
# A suspension's term running out: "(暂停期限)届满后不再延长" speaks of it (a "暂停" before it, else "不再延长" is no
# status verb: "许可证有效期届满后不再延长"), and a restore "自暂停期限届满之日起" takes effect on the day it ends (``_suspension_end``).
EXPIRY_RE = re.compile(r"届满|期满|到期|暂停期")
# "暂停期限将于2026年11月10日届满": the day a suspension ends, told (as UNTIL_RE's "至…").
END_DAY_RE = re.compile(rf"(?P<date>{YEAR}\s*年\s*{MD}\s*月\s*{MD}\s*日)\s*(?:届满|到期|期满)")
# Trade remedies act on goods, never on a list: an action on a notice of theirs changes no listing.
TRADE_REMEDY_RE = re.compile(r"反倾销|反补贴|保障措施")
# A sentence whose only "自…起" lies this far before the text recounts a decision whatever its verbs say
# ("2025年11月，中方决定自2025年11月10日起继续暂停…" in an answer of 2026): no decision takes effect so long before.
HISTORY_GAP = timedelta(days=90)
# "商务部公告2025年第21号对该实体采取的相关措施…停止执行": the action is limited to some of the
# target's entities (the object of 对, one name or several: "对内华达山脉公司、立方公司等2家实体采取的"), not the whole notice.
ON_ENTITIES_RE = re.compile(r"对\s*(?P<obj>(?:[^,;；。对()]|\([^()]{0,80}\)){1,80}?)\s*(?:所\s*)?采取的")
# "恢复实施对商务部公告2025年第21号所列甲公司等3家实体（名单见附件）的相关措施": the same limit, the object what the notice
# lists ("所列…的相关措施"; session 24, parse24: the restore was read for the whole notice, 16 for 3).
# "对…〔2025〕16号所列A（a）、B（b）等2家实体恢复实施相关处理措施": the object right before the verb (engine24/05).
LISTED_OBJECT_RE = re.compile(r"所列\s*(?P<obj>(?:[^,;；。对()的]|\([^()]{0,80}\)){1,80}?)\s*"
                              r"(?:的\s*(?:相关|有关)\s*措施|(?=(?:恢复|继续|暂停|停止|解除|取消|终止)))")
MAX_DAYS, MAX_YEARS = 3650, 10
# "暂停实施上述公告", "暂停实施上述措施90天": the verb's object points back to the notices named before.
BACK_REFERENCE_RE = re.compile(r"\s*(?:对\s*|)(?:上述|前述|以上)[^,。;\n]{0,6}?(?:公告|措施|决定)")
# "…第21号相关措施暂停实施期限…届满后不再延长，自…起停止执行该公告相关措施" (loud23/08): "该公告" is the notice named
# before the verb in its sentence (else in the sentence before).
THAT_NOTICE_RE = re.compile(r"\s*(?:对\s*)?该(?:公告|决定)")
# "暂停期限届满后，上述措施自2026年11月11日起恢复实施": the verb's subject points back to the notices named before (what may
# stand between it and the verb: a start, 将/即, 自动).
BACK_SUBJECT_RE = re.compile(r"(?:上述|前述|以上)[^,。;\n]{0,6}?(?:公告|措施|决定)(?:的)?\s*(?:将|即|均)?\s*"
                             r"(?:自[^,;。\n]{1,24}?起\s*)?(?:将|即)?\s*(?:自动)?\s*")
# "恢复执行相关措施": the verb's object is the measures of notices named before (``_for_entities_of_step_before``).
MEASURES_AFTER = ("相关措施", "有关措施", "相关管控措施", "相关处理措施")
# "商务部公告2025年第72号(已)(自…起)暂停实施商务部公告2024年第46号…": a numbered notice right before the verb, another
# named after it in its clause, is the verb's subject: it recounts what that earlier notice did (the notice itself is never
# named so), however the sentence goes on ("…。现决定，…"). What may stand between the subject and the verb ("所" of
# "X所暂停实施的Y"):
SUBJECT_GAP_RE = re.compile(r"\s*(?:已经|已|曾经|曾|先后|分别)?\s*(?:决定|宣布|规定)?\s*(?:自[^,;。\n]{1,24}?起\s*)?(?:所\s*)?")
# "商务部公告2024年第46号第二款暂停实施至…", "…第21号相关措施暂停实施…": a part of the notice, or its measures, may stand
# between a notice that is the verb's subject and the verb (``_told_state``).
STATE_GAP_RE = re.compile(r"(?:\s*第[〇零一二三四五六七八九十\d]{1,3}\s*[款条项])*(?:\s*(?:的\s*)?(?:相关|有关|上述)?\s*(?:管控|处理)?"
                          r"\s*措施)?" + SUBJECT_GAP_RE.pattern)
# "根据商务部公告2025年第72号(规定)暂停实施…": a notice the step follows, not its subject (a few characters before
# it: the issuer's name may be cut by a blank, "根据商务　部公告…").
GROUND_BEFORE = ("根据", "依据", "依照", "按照")
# "上述暂停不适用于…", "该暂停": the suspension told of before, a noun, not a step.
TOLD_STEP_BEFORE = ("上述", "前述", "该", "此项", "这一")
SUBJECT_REACH = 8  # "）相关措施的" between a suspension's notice and its "暂停期限"
TOLD_STEP_ENDS = "述该项一"  # their last characters: one look before the verb turns nearly every verb away
_START = itemgetter(0)  # refs in text order
_MATCH_START = methodcaller("start")  # matches in text order


@quick_init
@dataclass(frozen=True)
class ActionDraft:
    """An action before entity keys are known (entities are filled by the caller)."""

    action: ActionKind
    list: ListKind | None
    targets: tuple[NoticeRef, ...]
    effective: str | None
    until: date | None
    duration: str | None
    text: str
    start: int  # offset of the verb in the text
    # (start, end) of the verb's sentence (a line cut at "。"), where the walk knows it: the acting
    # sentence ``rules.decision`` looks for
    sentence: tuple[int, int] | None = None
    # (start, end) of the object in "对该实体采取的相关措施" when the action on the targets is limited
    # to some of their entities: a pronoun ("该实体", "其", "上述实体") or a name
    on_entities: tuple[int, int] | None = None
    # an extension by a duration counted from the running suspension's end (ActionRecord.extends_by)
    extends_by: str | None = None


def list_in(text: str, start: int = 0, end: int | None = None) -> ListKind | None:
    """The list named first in ``text`` (in ``text[start:end]``)."""
    m = LIST_WORD_RE.search(text, start, len(text) if end is None else end)
    return LIST_KIND[m.group(0)] if m else None


def _date_refs(folded: str, clean: str, anchor: date | None) -> list[tuple[int, int, NoticeRef]]:
    """Refs by date, list and count: "2025年4月4日被列入出口管制管控名单的16家美国实体".
    Several dates ("4月4日和9日…的28家") give one ref per date, without a count."""
    out: list[tuple[int, int, NoticeRef]] = []
    gate = DATE_LIST_GATE_RE.search(folded)
    if gate is None:
        return out
    pieces = _gate_pieces(folded, DATE_LIST_GATE_RE, gate)
    found = [m for s, e in pieces for m in DATE_LIST_RE.finditer(folded, s, e)]
    if "将" in folded:  # in every DATE_ACTIVE_LIST_RE match
        active = [m for s, e in pieces for m in DATE_ACTIVE_LIST_RE.finditer(folded, s, e)]
        found = sorted(found + [a for a in active if not any(f.start() < a.end() and a.start() < f.end() for f in found)],
                       key=_MATCH_START) if active else found
    for m in found:
        year_s, month_s, day_s, more, lst, n, moren, country = m.group("y", "m", "d", "more", "list", "n", "moren", "c")
        days = _days(year_s, month_s, day_s, more)
        dates = [d for d in (resolve_month_day(mo, dy, y, anchor) for mo, dy, y in days) if d]
        counts = [to_int(n)] + [to_int(x) for x in MORE_COUNT_RE.findall(moren or "")] if n else []
        # "4月4日和4月9日分别被列入…的16家和12家": one count per date; one total for two dates checks nothing per date
        per_date = counts if len(counts) == len(dates) else [None] * len(dates)
        text = ref_text(folded, clean, m.start(), m.end())
        for d, count in zip(dates, per_date):
            out.append((m.start(), m.end(), NoticeRef(text=text, date=d, list=LIST_OF[lst], count=count,
                                                      country=COUNTRIES.get(country) if country else None)))
    return out


def attach_dates(refs: list[tuple[int, int, NoticeRef]], folded: str, clean: str, anchor: date | None,
                 context_list: ListKind | None) -> list[tuple[int, int, NoticeRef]]:
    """Give number refs the date written right before them ("4月4日公告（…7号）"); add refs
    for "M月D日公告" that name no number."""
    out = list(refs)
    gate = DATE_NOTICE_GATE_RE.search(folded)
    if gate is None:
        if len(out) > 1:
            out.sort(key=_START)
        return out
    for m in (m for s, e in _notice_windows(folded, gate) for m in DATE_NOTICE_RE.finditer(folded, s, e)):
        days = _days(*m.groups())  # y, m, d, more
        if not days:
            continue
        following = [(i, r) for i, r in enumerate(out) if r[2].key and 0 <= r[0] - m.end() <= 4]
        if following:
            # "4月4日公告（…7号）": one date for all; "4月4日和4月9日公告（…7号和8号）": in order
            paired = days if len(days) == len(following) else [days[0]] * len(following) if len(days) == 1 else [None] * len(following)
            for (i, (s, e, ref)), md in zip(following, paired):
                d = resolve_month_day(md[0], md[1], md[2] or _key_year(ref.key), anchor) if md else None
                out[i] = (min(s, m.start()), e, NoticeRef(text=ref_text(folded, clean, m.start(), e), key=ref.key,
                                                          date=d, list=ref.list, count=ref.count))
            continue
        if any(s <= m.start() < e for s, e, _ in out):
            continue
        c = COUNT_AFTER_RE.match(folded, m.end())
        end = c.end() if c else m.end()
        for month, day, y in days:
            d = resolve_month_day(month, day, y, anchor)
            if d:
                out.append((m.start(), end, NoticeRef(text=ref_text(folded, clean, m.start(), end), date=d, list=context_list,
                                                      count=to_int(c.group("n")) if c and len(days) == 1 else None)))
    out.sort(key=_START)
    return out


def _notice_windows(folded: str, first: re.Match[str]) -> list[tuple[int, int]]:
    """(start, end) of the stretch of ``folded`` that can hold a DATE_NOTICE_RE match ending at each
    DATE_NOTICE_GATE_RE match, in text order (``first`` is the first gate match): from the last
    stop ("\n", "。", ",") or gate end before it, up to its end.

    A match is a date ("4月4日", "和9日" …: digits, 年月日, blanks, 和、及与) with a gate match as
    its tail, which ends it. No part of a date is a stop, and a gate's tail (公告 / 决定) is no
    part of a date, so the match ending at a gate starts in its window, and no match ends
    elsewhere. A gate across a line end ("4日\n公告") gives none (the match would have to cross it
    too): the pieces ``_gate_pieces`` cuts give what these give, with fewer calls per gate."""
    rfind = folded.rfind
    windows = []
    lo = 0  # the end of the last gate: no window starts before it
    for gate in DATE_NOTICE_GATE_RE.finditer(folded, first.start()):
        pos, end = gate.span()
        if "\n" not in gate.group():
            windows.append((max(rfind("\n", lo, pos) + 1, rfind("。", lo, pos) + 1, rfind(",", lo, pos) + 1, lo), end))
        lo = end
    return windows


def _gate_pieces(folded: str, gate: re.Pattern[str], first: re.Match[str]) -> list[tuple[int, int]]:
    """(start, end) of each piece of ``folded`` (its lines, cut at "。" and ",") where a match
    of ``gate`` starts, in text order, ``first`` being its first match. DATE_LIST_RE and
    DATE_NOTICE_RE match across none of these stops, and each of their matches holds a match
    of its gate (which holds no other place it can start at, so the leftmost search finds it):
    scanning these pieces finds what scanning every piece finds."""
    find, rfind, size = folded.find, folded.rfind, len(folded)
    pieces = []
    lo = 0  # where the last piece ended: a stop or the text's end, so no piece starts before it
    found: re.Match[str] | None = first
    while found is not None:
        pos = found.start()
        start = max(rfind("\n", lo, pos), rfind("。", lo, pos), rfind(",", lo, pos)) + 1
        line_end = find("\n", pos)
        end = size if line_end < 0 else line_end
        stop = find("。", pos, end)
        end = stop if stop >= 0 else end
        stop = find(",", pos, end)
        end = stop if stop >= 0 else end
        if find("月", start, end) >= 0:  # in every match of both
            pieces.append((max(start, lo), end))
        lo = end
        found = gate.search(folded, end)
    return pieces


def _days(y: str | None, mo: str, d: str, more: str | None) -> list[tuple[int, int, int | None]]:
    """(month, day, year or None) for "2025年4月4日" (a match's groups y, m, d) and every
    "和9日" / "、4月9日" in its group ``more``."""
    year = to_int(y) if y else None
    month, day = to_int(mo), to_int(d)
    if not (month and day):
        return []
    days = [(month, day, year)]
    for extra in MORE_DAY_RE.finditer(more) if more else ():
        y2, m2, d2 = extra.groups()
        y2 = to_int(y2) if y2 else year
        m2 = to_int(m2) if m2 else month
        d2 = to_int(d2)
        if m2 and d2:
            days.append((m2, d2, y2))
    return days


def _key_year(key: str | None) -> int | None:
    if not key:
        return None
    for part in key.split("-"):
        if len(part) == 4 and part.isdigit():
            return int(part)
    return None


def collect_refs(folded: str, clean: str, anchor: date | None, context_list: ListKind | None,
                 own_key: str | None = None, own_shape: tuple[str, bool] | None = None) -> list[tuple[int, int, NoticeRef]]:
    """Refs by number and by date, in text order, the text's own number (``own_key``, its
    ``OwnNumber.shape`` ``own_shape``) left out."""
    # In a UEL notice a bare "公告2023年第1号" is the working mechanism's own series.
    bare = "UEL" if (own_key or "").startswith("UEL-") else "MOFCOM"
    refs = find_references(folded, clean, bare, skip=own_key, own=own_shape)
    refs = attach_dates(refs, folded, clean, anchor, context_list)
    date_refs = _date_refs(folded, clean, anchor)
    if date_refs and refs:
        # "2025年4月4日发布的《商务部公告2025年第21号 公布将16家…》": the number in the title names the notice
        date_refs = [d for d in date_refs if not ("《" in d[2].text and any(d[0] <= r[0] < d[1] for r in refs))]
    if date_refs:
        refs = [r for r in refs if not any(s <= r[0] < e for s, e, _ in date_refs)] + date_refs
        refs.sort(key=_START)
    return refs


# A duration as written ("90天", "1年", "至2026年11月27日"), with the match it was read from when
# the clean text says the same as the text matched there (else None: see ``_until``).
Period = tuple[str, re.Match[str] | None]


def _duration(folded: str, clean: str, start: int, end: int) -> Period | None:
    """"90天", "1年", "至2026年11月27日" written in folded[start:end] outside dates."""
    seg = folded[start:end]
    m = UNTIL_RE.search(seg)
    if m:
        return _until_period(clean, m, start)
    # Each regex only where its literals are (a date has 年 and 日, a month-day 月 and 日).
    masked = DATE_RE.sub(lambda x: " " * len(x.group(0)), seg) if "年" in seg and "日" in seg else seg
    if "月" in masked and "日" in masked:
        masked = MONTH_DAY_RE.sub(lambda x: " " * len(x.group(0)), masked)
    # one of the units is in every DURATION_RE match
    units = "天" in masked or "日" in masked or "月" in masked or "年" in masked or "周" in masked
    for m in DURATION_RE.finditer(masked) if units else ():
        if m.start() > 0 and masked[m.start() - 1].isdigit():
            continue
        period = period_of(m)
        if period is None:
            continue
        n, unit, more = period
        if (unit in ("天", "日") and n > MAX_DAYS) or (unit == "年" and n > MAX_YEARS) \
                or (unit == "个月" and n > 12 * MAX_YEARS) or more > MAX_DAYS:
            continue
        at = m.start("n")
        text = clean[start + at : start + m.end()].strip()
        return text, m if text == masked[at : m.end()] else None
    m = HALF_YEAR_RE.search(masked) if "半" in masked else None
    if m:
        at = m.start("n")
        text = clean[start + at : start + m.end()].strip()
        return text, m if text == masked[at : m.end()] else None
    return None


def _until_period(clean: str, m: re.Match[str], offset: int = 0) -> Period:
    """An UNTIL_RE match (found at ``offset`` of the folded text) as written in ``clean``."""
    text = clean[offset + m.start() : offset + m.end()].strip()
    return text, m if text == m[0] else None


def _until(period: Period, since: date | None) -> date | None:
    """``until_from(duration, since)``, read from the duration's match where the text matched is
    the duration itself (the duration read again gives the same groups), else read again."""
    duration, m = period
    if m is None:
        return until_from(duration, since)
    if m.re is UNTIL_RE:
        return parse_cn_date(m.group("date"))
    counted = period_of(m) if since is not None else None
    return None if counted is None or since is None else period_end(since, *counted)


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
        # Verbs first, in one scan of the span (no verb crosses a sentence end).
        verbs = list(VERB_RE.finditer(folded, span_start, span_end))
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
                    and (allow_impose or not _decides(sentence)):
                # "自2025年11月10日起继续暂停…" in an answer of 2026 recounts it; an answer's sentence that says it
                # decides is judged verb by verb (``_recounted``: a late decision still acts)
                continue
            _sentence_actions(drafts, folded, clean, seg, end, verbs[first:vi], refs, dated, published,
                              carried or default_effective, notice_list, allow_impose, sentence, bounds)
    return drafts


def stale(when: str, published: date | None) -> bool:
    """Whether a "自…起" date (ISO) lies more than HISTORY_GAP before the text's own day: a decision
    recounted, not one taken now."""
    return published is not None and when[:10] < (published - HISTORY_GAP).isoformat()


def sentence_end(folded: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends: its line's end or the "。" before that."""
    stop = folded.find("\n", pos)
    end = len(folded) if stop < 0 else stop
    stop = folded.find("。", pos, end)
    return end if stop < 0 else stop


def _clause_walk(drafts: list[ActionDraft], folded: str, clean: str, seg: int, end: int, verbs: list[re.Match[str]],
                 refs: list[tuple[int, int, NoticeRef]], dated: list[tuple[int, int]], published: date | None,
                 default_effective: str | None, notice_list: ListKind | None, allow_impose: bool,
                 bounds: tuple[int, int]) -> None:
    """The actions of a sentence ``folded[seg:end]`` cut into clauses (SENTENCE_RE) by ；！？: a
    "自…起" date carries to the later clauses."""
    carried = None
    vi, count = 0, len(verbs)
    for sm in SENTENCE_RE.finditer(folded, seg, end):
        start, stop = sm.span()
        clause = sm.group(0)
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


def _verb_kind(word: str) -> ActionKind:
    if word.startswith("不再"):  # "不再(继续)暂停", "(暂停期限届满后)不再延长" end a suspension; "不再执行" ends the measures
        return ActionKind.RESTORE if "暂停" in word or word.endswith(("延长", "延期")) else ActionKind.LIFT
    if word.startswith("继续暂停") or word.endswith(("延长", "延期", "期限")):  # "暂停期限延长至…", "延长…暂停期限": extends it
        return ActionKind.EXTEND
    if "暂停" in word[2:4] or word.endswith("对"):  # "停止暂停", "解除对…的暂停": the measures are back
        return ActionKind.RESTORE
    if word.startswith("终止"):
        return ActionKind.LIFT
    return VERB_KIND[word[:2]] if word[:2] in VERB_KIND else VERB_KIND[word[:4]]


# Every word VERB_RE matches, with its kind (one lookup per verb).
VERB_KINDS = {word: _verb_kind(word) for word in (
    *(f"{verb}{tail}" for verb in ("继续暂停", "暂停", "停止", "恢复", "不再暂停", "不再继续暂停", "终止")
      for tail in ("", "实施", "执行")),
    *(f"暂停{tail}期限{verb}" for tail in ("", "实施", "执行") for verb in ("延长", "延期", "")), "不再实施", "不再执行", "不再延长", "不再延期", "延长",
    *(f"{verb}{what}" for verb in ("停止", "解除", "取消", "结束", "终止")
      for what in ("对", "暂停", "暂停实施", "暂停执行")),
    "取消", "解除", "废止", "移出", "移除", "列入", "纳入", "增列", "进行调查", "立案调查",
    *(f"启动{what}调查" for what in ("", "反倾销", "反补贴")),
    *(f"采取{what}反制措施" for what in ("", "以下", "相应", "有关")),
)}
MODAL_ENDS = "请以可当得拟"  # the last character of every MODAL_RE word
# What can stand right before a verb that follows a modal: a modal's last character or a blank
# (every character ``str.isspace`` holds; a test checks the list).
MODAL_BEFORE = MODAL_ENDS + "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006" \
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
# Verbs that cannot act in a text: without refs, those acting only on named notices (a removal
# may remove the notice's own entities); in a Q&A (no listing of its own), listings and investigations.
_ON_NOTICES = frozenset(w for w, k in VERB_KINDS.items() if k in (ActionKind.SUSPEND, ActionKind.EXTEND,
                                                                   ActionKind.LIFT, ActionKind.RESTORE))
_OWN = frozenset(w for w, k in VERB_KINDS.items() if k in (ActionKind.IMPOSE, ActionKind.INVESTIGATE))
INERT = {(True, True): frozenset(), (True, False): _OWN, (False, True): _ON_NOTICES, (False, False): _ON_NOTICES | _OWN}


def _sentence_actions(out: list[ActionDraft], folded: str, clean: str, s_start: int, s_end: int,
                      found: list[re.Match[str]], refs: list[tuple[int, int, NoticeRef]], dated: list[tuple[int, int]],
                      published: date | None, effective: str | None, notice_list: ListKind | None,
                      allow_impose: bool, sentence: str, bounds: tuple[int, int]) -> None:
    """The actions of clause ``sentence`` (``folded[s_start:s_end]``) from its verbs ``found``, added to ``out``."""
    verbs = _acting_verbs(folded, s_start, s_end, found, dated, "《" in sentence, refs)
    text = None
    decided = None  # whether the sentence says it decides (DECISION_RE), looked at once when needed
    prev_end = s_start
    last = len(verbs) - 1
    for i, v in enumerate(verbs):
        at, v_end = v.span()
        next_start = verbs[i + 1].start() if i < last else s_end
        before = [r for r in refs if prev_end <= r[0] < at] if refs else refs
        clause_from, prev_end = prev_end, v_end
        word = v[0]
        kind = VERB_KINDS[word]
        if kind is ActionKind.IMPOSE or kind is ActionKind.INVESTIGATE:
            # a listing (列入, 采取反制措施) or an investigation decided now, not told as history
            if word == "增列":  # "在…第23号附件《…》中增列" (``_acting_verbs``): the ref says where, and the annex's list
                before = []
            if not allow_impose or before or _passive(folded, s_start, at) or _held(folded, s_start, at, v_end):
                continue  # "…将依法决定是否将上述企业列入不可靠实体清单": a listing weighed, not decided
            lst: ListKind | None
            if word[0] == "采":  # 采取…反制措施
                lst = ListKind.COUNTERMEASURE
            elif kind is ActionKind.INVESTIGATE:
                lst = notice_list  # None: a text on no list investigates goods or measures (反倾销, 反歧视)
            else:
                if decided is None:
                    decided = _decides(sentence)
                lst = list_in(folded, clause_from if word == "增列" else at, next_start) if decided else None
            if lst is None:
                continue
            if _told_before(folded, s_start, at, sentence, published):
                continue
            text = clean[s_start:s_end].strip() if text is None else text
            out.append(ActionDraft(kind, lst or notice_list, (), effective, None, None, text, at, bounds))
            continue
        after = [r for r in refs if v_end <= r[0] < next_start] if refs else refs
        if after and i < last:  # "恢复实施X暂停实施的Y": Y (what X suspended) is the object, not X
            after, next_start = _relative_object(folded, refs, after, verbs, i, s_end) or (after, next_start)
        targets, limit = _targets(folded, refs, out, before, after, v, kind, s_start, clause_from, next_start)
        text = clean[s_start:s_end].strip() if text is None else text
        if not targets:
            if kind is ActionKind.REMOVE and _own_removal(folded, s_start, at, v_end, allow_impose, sentence):
                out.append(ActionDraft(kind, list_in(folded, v_end, next_start) or notice_list, (), effective,
                                       None, None, text, at, bounds))
            continue
        if after and before and _subject(folded, before[-1], at, v_end, after[0][0]) \
                or folded[at - 1] in TOLD_STEP_ENDS and folded.endswith(TOLD_STEP_BEFORE, s_start, at) \
                or not after and _told_state(folded, before, at, bounds, published):
            continue  # a step an earlier notice took, told ("…第72号暂停实施…", "上述暂停不适用于…", "Y暂停实施至…")
        action = _on_targets(folded, clean, s_start, v, kind, next_start, clause_from, after, targets, published,
                             effective, notice_list, text, None if allow_impose else bounds)
        if action is not None:
            _add(out, action if limit is None else replace(action, on_entities=limit), folded, allow_impose)


def _add(out: list[ActionDraft], action: ActionDraft, folded: str, allow_impose: bool) -> None:
    """``action`` added to ``out``: not a restore an answer says twice (``_repeats``); a lift replacing the "不再延长" of
    its sentence ("…届满后不再延长，自…起停止执行该公告相关措施": the measures stop, they are not back)."""
    if action.action is ActionKind.RESTORE and not allow_impose and _repeats(out, action):
        return
    if action.action is ActionKind.LIFT and _ended_by_lift(folded, out, action):
        out[-1] = action
    else:
        out.append(action)


# "在商务部公告2026年第23号附件《出口管制管控名单》中增列…": the annex a listing adds to, named right before the verb.
INTO_ANNEX_RE = re.compile(r"\s*(?:的\s*)?附件\s*(?:《[^《》\n]{1,20}》)?\s*中\s*$")


def _into_annex(folded: str, before: list[tuple[int, int, NoticeRef]], at: int) -> bool:
    """Whether the refs ``before`` the verb 增列 at ``at`` only say whose annex it adds to ("在…第23号附件《…》中增列")."""
    return bool(before) and before[-1][2].key is not None and INTO_ANNEX_RE.match(folded[before[-1][1] : at]) is not None


def _targets(folded: str, refs: list[tuple[int, int, NoticeRef]], out: list[ActionDraft],
             before: list[tuple[int, int, NoticeRef]], after: list[tuple[int, int, NoticeRef]], v: re.Match[str],
             kind: ActionKind, s_start: int, clause_from: int,
             next_start: int) -> tuple[list[tuple[int, int, NoticeRef]], tuple[int, int] | None]:
    """The notices the verb ``v`` acts on (its object after it, its subject before it, or those a pointer or the
    step before names) and, where only the step before names them, the span of the entity it is limited to."""
    at, v_end = v.span()
    targets = after or _not_grounds(folded, before, at) or _named_before(folded, refs, s_start, v_end, next_start) \
        or _subject_named_before(folded, refs, clause_from, s_start, at) \
        or (_suspended_before(folded, refs, s_start) if v[0].startswith("不再") and kind is ActionKind.RESTORE else []) \
        or (_lead_in_refs(folded, refs, at) if v[0] in _ON_NOTICES and refs else [])
    if targets or not (kind is ActionKind.RESTORE or kind is ActionKind.LIFT or kind is ActionKind.EXTEND):
        return targets, None
    # "…继续暂停…第21号…相关措施1年；对内华达山脉公司，自…起恢复执行相关措施": the step before's notices, for one entity
    return _for_entities_of_step_before(folded, out, clause_from, at, v_end, next_start)


# "商务部决定对商务部公告2025年第21号所列16家美国实体的相关措施作如下调整：\n一、自…起，停止执行对甲公司等6家实体（见附件）
# 采取的相关措施。": an item's step that names no notice acts on those its lead-in names (session 22, parse22: the lift was
# lost, and the extension of item 二 read for all 16). The lead-in: the last line before the items, ending "如下…：".
ITEM_LINE_RE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\))")
LEAD_IN_RE = re.compile(r"如下[\u4e00-\u9fff]{0,4}\s*:\s*$")  # "作如下调整：", "调整如下："


def _own_removal(folded: str, s_start: int, at: int, v_end: int, allow_impose: bool, sentence: str) -> bool:
    """Whether the removal at ``at`` naming no notice removes the notice's own entities: decided, not told in the
    passive, not weighed ("依法作出是否将有关实体移出关注名单的决定": session 22, parse22, a false removal)."""
    return (allow_impose or _decides(sentence)) and not _passive(folded, s_start, at) and not _held(folded, s_start, at, v_end)


def _lead_in_refs(folded: str, refs: list[tuple[int, int, NoticeRef]], at: int) -> list[tuple[int, int, NoticeRef]]:
    """The notices the lead-in of the numbered item holding ``at`` names (ITEM_LINE_RE, LEAD_IN_RE), else []."""
    line = folded.rfind("\n", 0, at) + 1
    if not ITEM_LINE_RE.match(folded, line):
        return []
    end = line
    while end > 0:
        start = folded.rfind("\n", 0, end - 1) + 1
        text = folded[start : end - 1]
        if text.strip() and not ITEM_LINE_RE.match(text):
            if LEAD_IN_RE.search(text) is None:
                return []
            return [r for r in refs if start <= r[0] < end - 1]
        end = start
    return []


def _for_entities_of_step_before(folded: str, out: list[ActionDraft], clause_from: int, at: int, v_end: int,
                                 next_start: int) -> tuple[list[tuple[int, int, NoticeRef]], tuple[int, int] | None]:
    """A restore, lift or extension naming no notice but an entity, "对X，自…起恢复执行相关措施" / "自…起，对上述2家实体恢复实施相关
    措施" / "对C公司，继续暂停相关措施1年" (the object of 对 in the verb's clause from ``clause_from``, "相关措施" after it), in the paragraph of a step on
    notices taken just before: that step's notices (as refs), and the span of the entity object; ([], None) else."""
    if not out or not out[-1].targets or not folded.startswith(MEASURES_AFTER, v_end):
        return [], None
    dui = folded.rfind("对", clause_from, at)
    line = folded.rfind("\n", 0, at) + 1
    if dui < 0 or out[-1].start < line:
        return [], None
    comma = folded.find(",", dui, at)
    start, end = dui + 1, comma if comma >= 0 else at
    while end > start and folded[end - 1].isspace():
        end -= 1
    if end - start < 2 or "自" in folded[start:end]:
        return [], None
    return [(dui, dui, r) for r in out[-1].targets], (start, end)


def _repeats(out: list[ActionDraft], action: ActionDraft) -> bool:
    """Whether ``action`` says again, in the same sentence, the step ``out`` ends with ("…届满后不再延长，商务部令…第6号
    规定的措施自…起恢复实施": one restore, not two)."""
    if not out:
        return False
    last = out[-1]
    return last.text == action.text and last.action is action.action and last.targets == action.targets \
        and last.effective == action.effective


def _ended_by_lift(folded: str, out: list[ActionDraft], action: ActionDraft) -> bool:
    """Whether the step ``out`` ends with is the "不再延长" (a restore: the suspension is not renewed) of the sentence of
    the lift ``action`` on the same notices: "…暂停实施期限于…届满后不再延长，自…起停止执行该公告相关措施" stops the
    measures when the suspension ends, one lift (session 24: it read a restore, or with "暂停实施" an open suspension)."""
    if not out:
        return False
    last = out[-1]
    return last.action is ActionKind.RESTORE and last.sentence == action.sentence and last.targets == action.targets \
        and folded.startswith("不再延", last.start)


def _acting_verbs(folded: str, s_start: int, s_end: int, found: list[re.Match[str]], dated: list[tuple[int, int]],
                  titled: bool, refs: list[tuple[int, int, NoticeRef]]) -> list[re.Match[str]]:
    """The verbs of ``found`` that can act: not in a ref by date, a quoted title, after a modal, nor a "不再延长" that
    ends no suspension ("有效期不再延长"), nor a 增列 into anything but a numbered notice's annex."""
    verbs = []
    for v in found:
        at = v.start()
        if v[0] == "增列" and not _into_annex(folded, [r for r in refs if s_start <= r[0] < at], at):
            continue  # "在“一、企业”中增列：" of an amendment (mfa/amend.py reads those)
        if dated and any(s <= at < e for s, e in dated) or titled and _in_quoted_title(folded, s_start, s_end, at):
            continue
        # MODAL_RE ends at the verb: only a modal's last character or a blank can stand right before it
        if at > s_start and folded[at - 1] in MODAL_BEFORE and MODAL_RE.search(folded, max(s_start, at - 4), at):
            continue
        if v[0].startswith("不再延") and not (folded.find("暂停", v.end(), v.end() + 8) >= 0 or EXPIRY_RE.search(
                folded, max(s_start, at - 12), at) and folded.rfind("暂停", max(s_start, at - 30), at) >= 0
                and folded.find("有效期", max(s_start, at - 12), at) < 0):
            continue
        verbs.append(v)
    return verbs


def _subject(folded: str, ref: tuple[int, int, NoticeRef], at: int, v_end: int, obj: int) -> bool:
    """Whether the numbered notice ``ref`` is the subject of the verb at ``at`` (SUBJECT_GAP_RE between them) whose
    object, the notice named at ``obj``, follows in its clause (no comma between), not the ground it is taken on (根据…)."""
    return ref[2].key is not None and SUBJECT_GAP_RE.fullmatch(folded, ref[1], at) is not None \
        and folded.find(",", v_end, obj) < 0 \
        and not any(word in folded[max(0, ref[0] - 6) : ref[0]] for word in GROUND_BEFORE)


def _not_grounds(folded: str, before: list[tuple[int, int, NoticeRef]], at: int) -> list[tuple[int, int, NoticeRef]]:
    """The refs before the verb at ``at`` that are its subject: those of its own clause when it names any ("自…起，商务部公告
    2025年第72号不再适用，商务部公告2024年第46号第二款恢复实施": No. 46 only), and no ground of the step ("根据商务部公告2026年
    第70号，商务部公告2025年第21号相关措施自…起继续暂停1年": No. 70 is what the step follows, not a notice it extends)."""
    if len(before) < 2:
        return before
    comma = folded.rfind(",", before[0][1], at)
    own = [r for r in before if r[0] > comma] if comma >= 0 else before
    return [r for r in own or before if not any(word in folded[max(0, r[0] - 6) : r[0]] for word in GROUND_BEFORE)] \
        or own or before


def told_suspension(folded: str, refs: list[tuple[int, int, NoticeRef]], at: int) -> bool:
    """Whether the 暂停 at ``at`` tells an earlier notice's suspension: that notice named right before it, not as a ground
    ("商务部公告2025年第72号暂停实施…", "…第46号第二款暂停实施至…"), or "上述暂停…" (a noun). A notice whose only 暂停实施 are
    these suspends nothing, and says nothing it could not read (``rules.suspension_without_target``)."""
    if folded.endswith(TOLD_STEP_BEFORE, 0, at):
        return True
    return any(r.key is not None and e <= at and STATE_GAP_RE.fullmatch(folded, e, at) is not None
               and not any(word in folded[max(0, s - 6) : s] for word in GROUND_BEFORE) for s, e, r in refs)


def _relative_object(folded: str, refs: list[tuple[int, int, NoticeRef]], after: list[tuple[int, int, NoticeRef]],
                     verbs: list[re.Match[str]], i: int, s_end: int) -> tuple[list[tuple[int, int, NoticeRef]], int] | None:
    """"恢复实施商务部公告2025年第72号暂停实施的商务部公告2024年第46号第二款": the verb after ``verbs[i]``, its
    subject the last notice named after ``verbs[i]`` and a 的 right after it, opens a relative clause ("the paragraph
    that No. 72 suspended"): ``verbs[i]``'s object is the notice named after that 的, not the subject. (The object's
    refs, where it ends) or None for any other verb."""
    w = verbs[i + 1]
    subject = after[-1]
    if not folded.startswith("的", w.end()) or subject[2].key is None \
            or SUBJECT_GAP_RE.fullmatch(folded, subject[1], w.start()) is None:
        return None
    end = verbs[i + 2].start() if i + 2 < len(verbs) else s_end
    obj = [r for r in refs if w.end() <= r[0] < end]
    return (after[:-1] + obj, end) if obj else None


def _told_state(folded: str, before: list[tuple[int, int, NoticeRef]], at: int, bounds: tuple[int, int],
                published: date | None) -> bool:
    """"根据商务部公告2025年第72号，商务部公告2024年第46号第二款暂停实施至2026年11月27日。现决定，…恢复实施…": a numbered
    notice right before the verb (SUBJECT_GAP_RE), none after it, is its subject; in a sentence (``bounds``) that
    decides nothing and gives no start of its own (none, or one before the text's day), with a decision after it, the
    verb tells the state an earlier notice made. "现决定，商务部公告…暂停实施至…", "自…起，商务部公告…继续暂停实施…"
    still act."""
    if not before or before[-1][2].key is None or STATE_GAP_RE.fullmatch(folded, before[-1][1], at) is None:
        return False
    sentence = folded[bounds[0] : bounds[1]]
    if _decides(sentence) or DECISION_RE.search(folded, bounds[1]) is None:
        return False
    own = effective_in(folded[bounds[0] : at], published) if "起" in folded[bounds[0] : at] else None
    return own is None or published is not None and own[:10] < published.isoformat()


def _last_sentence_refs(folded: str, refs: list[tuple[int, int, NoticeRef]], s_start: int
                        ) -> list[tuple[int, int, NoticeRef]]:
    """The refs of the last sentence before ``s_start`` that names any ([] when none does)."""
    earlier = [r for r in refs if r[1] <= s_start]
    if not earlier:
        return []
    last = earlier[-1][0]
    begin = max(folded.rfind("\n", 0, last), folded.rfind("。", 0, last)) + 1
    return [r for r in earlier if r[0] >= begin]


def _named_before(folded: str, refs: list[tuple[int, int, NoticeRef]], s_start: int, v_end: int,
                  next_start: int) -> list[tuple[int, int, NoticeRef]]:
    """What "暂停实施上述公告" (BACK_REFERENCE_RE after the verb ending at ``v_end``) points back to: the
    refs of the last sentence before ``s_start`` that names any, else the numbered notices named before the verb in its
    clause; what "停止执行该公告" (THAT_NOTICE_RE) points back to:
    the last numbered notice named before the verb in its clause, else the same as "上述公告"; [] when the verb is
    followed by neither."""
    if not refs:
        return []
    if BACK_REFERENCE_RE.match(folded, v_end, next_start):
        # "…第21号和…第22号相关措施…届满后不再延长，自…起停止执行上述公告相关措施": the notices named before it in its clause
        return _last_sentence_refs(folded, refs, s_start) or [r for r in refs if s_start <= r[0] and r[1] <= v_end
                                                               and r[2].key is not None]
    if not THAT_NOTICE_RE.match(folded, v_end, next_start):
        return []
    own = [r for r in refs if s_start <= r[0] and r[1] <= v_end and r[2].key is not None]
    return own[-1:] or _last_sentence_refs(folded, refs, s_start)


def _subject_named_before(folded: str, refs: list[tuple[int, int, NoticeRef]], clause_from: int, s_start: int,
                          at: int) -> list[tuple[int, int, NoticeRef]]:
    """What "上述措施自…起恢复实施" (BACK_SUBJECT_RE, the verb at ``at``'s subject in its clause from ``clause_from``) points
    back to: the refs of the last sentence before ``s_start`` that names any; [] when the verb has no such subject."""
    if not refs:
        return []
    p = max(folded.rfind("上述", clause_from, at), folded.rfind("前述", clause_from, at), folded.rfind("以上", clause_from, at))
    if p < 0 or BACK_SUBJECT_RE.fullmatch(folded, p, at) is None:
        return []
    return _last_sentence_refs(folded, refs, s_start)


def _passive(folded: str, s_start: int, at: int) -> bool:
    """"被列入关注名单的东京计器株式会社", "已被纳入…": a passive verb describes an entity already
    listed (a state), not a listing decided now; "被移出关注名单后，…可以…" supposes a removal."""
    return folded[max(s_start, at - 4) : at].rstrip().endswith("被")


def _in_quoted_title(folded: str, s_start: int, s_end: int, at: int) -> bool:
    """Whether ``at`` lies in a quoted title (QUOTED_TITLE_RE's matches in the sentence): such a
    match holds no 《 but its first, so only the one opening at the last 《 up to ``at`` can."""
    opening = folded.rfind("《", s_start, at + 1)
    if opening < 0:
        return False
    m = QUOTED_TITLE_RE.match(folded, opening, s_end)
    return m is not None and m.end() > at


def _decides(sentence: str) -> bool:
    """``DECISION_RE.search(sentence)`` found something: one of its words is in the sentence."""
    return "决定" in sentence or "现将" in sentence or "现予" in sentence or "特此" in sentence \
        or "予以公布" in sentence or "公布将" in sentence or "公告如下" in sentence


def _told_before(folded: str, s_start: int, at: int, sentence: str, published: date | None) -> bool:
    """A listing told as history: a past marker before the verb; "…于2025年4月4日和9日，将17家
    美国实体列入…" (BACKGROUND_RE) in a sentence without 决定; or a full date earlier than the
    notice before the verb ("2023年2月16日，工作机制决定将…列入…" in a 2024 notice), not "…日起"."""
    before = folded[s_start:at]
    if ("于" in before or "曾" in before or "此前" in before or "已经" in before) and PAST_RE.search(before):
        return True  # one of PAST_WORDS is in every PAST_RE match
    if "于" in sentence and "决定" not in sentence and BACKGROUND_RE.search(sentence) is not None:
        return True
    if published is None or "年" not in before or "月" not in before or "日" not in before:  # in every date
        return False
    for m in DATE_RE.finditer(folded, s_start, at):
        day = make_date(*m.groups())  # y, m, d
        if day and day < published and not folded[m.end() : m.end() + 2].startswith("起"):
            return True
    return False


def _on_targets(folded: str, clean: str, s_start: int, v: re.Match[str], kind: ActionKind, next_start: int,
                clause_from: int, after: list[tuple[int, int, NoticeRef]], targets: list[tuple[int, int, NoticeRef]],
                published: date | None, effective: str | None, notice_list: ListKind | None,
                text: str, answer: tuple[int, int] | None = None) -> ActionDraft | None:
    """An action on earlier notices (suspend, extend, lift, restore, remove); none on a trade remedy
    ("终止…所涉反倾销调查", "停止执行…公告规定的反倾销税"): goods, on no list. In an answer (``answer``: its
    sentence's bounds), only one the sentence decides or dates (``_decided_in``)."""
    at, v_end = v.span()
    if folded.find("了", v_end, min(v_end + 40, next_start)) >= 0 or _told_as_past(folded, s_start, at, published) \
            or _dated_before(folded, s_start, published, answer is None) or TRADE_REMEDY_RE.search(folded, s_start, next_start) \
            or answer is not None and not _decided_in(folded, answer, s_start, at, v_end, effective, published) \
            or answer is None and _held(folded, s_start, at, v_end):
        return None
    if kind is ActionKind.RESTORE and EXPIRY_RE.search(folded, s_start, next_start):
        # back in force when the suspension ends: on the day the sentence gives, else on the suspension's last day
        # as the text told it before; none read, an answer's is no action (its page is refused for review:
        # page.unread_expiry), a notice's takes the notice's day
        bounds = answer or (s_start, sentence_end(folded, at))
        own = effective_in(folded[bounds[0] : bounds[1]], published)
        end = _suspension_end(folded, clean, at, published) if own is None else None
        if own is None and end is None and answer is not None:
            return None
        effective = own or (end.isoformat() if end else effective)
    last_target_end = max([r[1] for r in targets]) if len(targets) > 1 else targets[0][1]
    dur_start = max(last_target_end, v_end) if after else v_end
    period = _duration(folded, clean, dur_start, next_start)
    if period is None:
        until_m = UNTIL_RE.search(folded, s_start, at)
        if until_m:
            period = _until_period(clean, until_m)
    clause_start = max(folded.rfind(",", s_start, at) + 1, clause_from)
    lst = _target_list(targets, folded, clause_start, next_start, notice_list)
    # a ref that names its list, or any when no list is known, is kept as it is
    target_refs = tuple([r for _, _, r in targets] if lst is None else
                        [r if r.list is not None else NoticeRef(text=r.text, key=r.key, date=r.date, list=lst,
                                                                count=r.count, country=r.country, series=r.series,
                                                                number=r.number, title=r.title)
                         for _, _, r in targets])
    limited = _on_entities(folded, clause_start, next_start)
    if period is None:
        return ActionDraft(kind, lst, target_refs, effective, None, None, text, at, None, limited)
    until = None
    # an extension with no start for the text but its publication day (else it has a start: no call)
    if kind is ActionKind.EXTEND and (effective is None or published is not None and effective[:10] == published.isoformat()):
        by = _extends_by(folded, period, s_start, at)
        if by is not None:  # "暂停期限延长1年": from the running end, which only the engine knows
            return ActionDraft(kind, lst, target_refs, effective, None, period[0], text, at, None, limited, by)
    if kind is ActionKind.SUSPEND or kind is ActionKind.EXTEND:
        until = _until(period, iso_to_date(effective) or published)
    return ActionDraft(kind, lst, target_refs, effective, until, period[0], text, at, None, limited)


def _extends_by(folded: str, period: Period, s_start: int, at: int) -> str | None:
    """The ISO period ("P1Y") of an extension by a duration whose start the text does not give (the caller
    checks that no start is stated for the text but its publication day): no "自…起" before the verb in its
    sentence ("延长…相关措施的暂停期限1年", "继续暂停…90天"). Such a period runs on from the running suspension's
    end (2026-11-10 + 1年 = 2027-11-10 for a Q&A of 2026-11-09), not from the publication day. None for an end
    date ("至…") or a stated start."""
    duration, m = period
    if m is not None and m.re is UNTIL_RE or "至" in duration or "到" in duration:
        return None
    if folded.find("起", max(folded.rfind("\n", 0, at), folded.rfind("。", 0, at), s_start), at) >= 0:
        return None  # "自即日起", "自公布之日起" (the publication day, stated)
    d = m if m is not None else DURATION_RE.search(duration) or HALF_YEAR_RE.search(duration)
    if d is None or d.re is not DURATION_RE and d.re is not HALF_YEAR_RE:
        return None
    counted = period_of(d)
    return None if counted is None else iso_period(*counted)


def _decided_in(folded: str, bounds: tuple[int, int], s_start: int, at: int, v_end: int, effective: str | None,
                published: date | None) -> bool:
    """Whether an answer's sentence (``folded[bounds]``) takes the step its verb at ``at`` names: it says it
    decides, why or from when ("决定", "为落实…共识", "自…起", "即日起"), no doubt, denial, supposition or claim
    stands before the verb in its clause (NOT_NOW_RE, WEIGHING_RE: "关于是否继续暂停…，我们将研究决定", "暂不恢复",
    "假如…，中方将恢复…") nor a denial after it (CLAIMED_AFTER_RE: "…的说法没有事实依据"), and it does not recount a
    step taken before (``_recounted``). A press conference answers questions about changes that are not made:
    "有关报道称中方将继续暂停…，这一说法不实", "如果…，中方将恢复…", "中方已于11月6日决定…"."""
    if _doubted(folded, s_start, at) or CLAIMED_AFTER_RE.search(folded, v_end, bounds[1]):
        return False
    if _weighing(folded, s_start, at):
        return False
    if _recounted(folded, bounds[0], at, effective, published):
        return False
    line = folded.rfind("\n", 0, bounds[0]) + 1  # its paragraph so far, else the lead-in its items follow ("…决定自…起：")
    said = folded[line : bounds[1]]
    if "起" in said or "为落实" in said or _decides(said):  # "为落实…共识，自…起，暂停…"
        return True
    if folded.startswith(("不再延", "不再暂停", "不再继续暂停"), at):  # "…将于…届满，届满后不再延长": said, not weighed
        return True
    if folded.endswith("自动", 0, at) and folded.startswith("恢复", at) and EXPIRY_RE.search(folded, bounds[0], at):
        return True  # "…暂停期限将于…期满，期满自动恢复执行": what the end brings, said
    colon = max(folded.rfind(":", 0, line), folded.rfind("：", 0, line))
    lead = folded[max(folded.rfind("\n", 0, colon), folded.rfind("。", 0, colon)) + 1 : colon] if colon > 0 else ""
    return "起" in lead or _decides(lead)


def _held(folded: str, s_start: int, at: int, v_end: int) -> bool:
    """Whether a text that is no answer (a notice, a bare statement or news page of MOFCOM's) only doubts, plans, denies
    or supposes the step of the verb at ``at``, as an answer would (``_doubted``, CLAIMED_AFTER_RE): "…相关措施目前仍处于暂停
    状态，中方尚未作出恢复执行上述措施的决定" restores nothing, whatever page it stands on."""
    return _doubted(folded, s_start, at) or CLAIMED_AFTER_RE.search(folded, v_end, sentence_end(folded, at)) is not None


def _doubted(folded: str, start: int, at: int) -> bool:
    """Whether a doubt, supposition, plan or claim (NOT_NOW_RE) in ``folded[start:at]`` holds the verb at ``at``: a word
    of CLAUSE_DOUBTS only when no later clause says 决定 before the verb (LATER_DECISION_RE), any other always."""
    for m in NOT_NOW_RE.finditer(folded, start, at):
        if m.group(0) not in CLAUSE_DOUBTS or LATER_DECISION_RE.search(folded, m.end(), at) is None:
            return True
    return False


def _weighing(folded: str, start: int, at: int) -> bool:
    """Whether a weighing word (WEIGHING_RE, not after 经 or 综) stands in ``folded[start:at]`` with no decision after it."""
    for m in WEIGHING_RE.finditer(folded, start, at):
        if m.start() > 0 and folded[m.start() - 1] in "经综":
            continue
        if not _decides(folded[m.end() : at]):
            return True
    return False


def _recounted(folded: str, start: int, at: int, effective: str | None, published: date | None) -> bool:
    """Whether the step of the verb at ``at`` (its sentence starting at ``start``) is told, not decided now: it
    starts before the text's day (its own "自…起" before the verb, else ``effective``) and the words before its
    decision tell when it was taken (RECOUNT_RE, TOLD_DAY_RE: "已于11月6日决定", "2025年11月，中方决定"), or no
    decision is said at all and it started more than SINCE_GRACE before. A decision that says nothing of the
    kind is new however far back it starts ("经研究，工作机制决定，…自2025年11月10日起停止实施", published months
    later): it acts, and its record warns that its effective day is before its publication."""
    if published is None:
        return False
    own = None
    if folded.count("起", start, at) > 1:  # with one, the sentence's own "自…起" is ``effective`` already
        since = folded.rfind("自", start, at)
        own = effective_in(folded[since:at], published) if since >= 0 and folded.find("起", since, at) >= 0 else None
    when = own or effective
    if when is None or when[:10] >= published.isoformat():
        return False
    decided = folded.rfind("决定", start, at)
    before = folded[start : decided if decided >= 0 else at]
    if RECOUNT_RE.search(before) is not None or _told_day(before, published):
        return True
    return decided < 0 and when[:10] < (published - SINCE_GRACE).isoformat()


def _told_day(before: str, published: date) -> bool:
    """A day or month written before a decision, a comma after it ("2025年11月，", "11月5日，"), earlier than the text's."""
    for m in TOLD_DAY_RE.finditer(before):
        y, mo, d = to_int(m.group("y")) if m.group("y") else None, to_int(m.group("m")), m.group("d")
        if not mo or mo > 12:
            continue
        year = y or (published.year if mo <= published.month else published.year - 1)
        if (year, mo) < (published.year, published.month):
            return True
        day = to_int(d) if d else None
        if (year, mo) == (published.year, published.month) and day is not None and day < published.day:
            return True
    return False


def _suspended_before(folded: str, refs: list[tuple[int, int, NoticeRef]], s_start: int) -> list[tuple[int, int, NoticeRef]]:
    """What "上述暂停期限届满后不再延长" ends: the notices named after the last "暂停" of the paragraph before
    ``s_start`` (in its clause), e.g. "…继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。", else named before it in
    its sentence ("4月4日公告（…7号）相关措施的暂停期限于今日届满。…决定，不再延长上述暂停期限")."""
    line = folded.rfind("\n", 0, s_start) + 1
    p = folded.rfind("暂停", line, s_start)
    while p >= 0:
        stop = min(sentence_end(folded, p), s_start)
        for word in ("停止", "恢复", "取消", "解除", "终止"):  # another step's notices are not the suspended ones
            cut = folded.find(word, p + 2, stop)
            stop = cut if cut >= 0 else stop
        # (a ref by date and number spans the verb: "于2025年11月7日决定暂停执行商务部公告…第89号", engine24/04)
        found = [r for r in refs if p < r[1] and r[0] < stop]
        if found:
            return found
        p = folded.rfind("暂停", line, p)
    # none after any: the subject of the last, named right before it ("4月4日公告（…）相关措施的暂停期限于今日届满")
    p = folded.rfind("暂停", line, s_start)
    return [r for r in refs if sentence_start(folded, p, line) <= r[0] and r[1] <= p and p - r[1] <= SUBJECT_REACH
            and folded.find(",", r[1], p) < 0] if p >= 0 else []


def sentence_start(folded: str, pos: int, lo: int = 0) -> int:
    """Where the sentence holding ``pos`` starts (after a line end or a "。"), not before ``lo``."""
    return max(folded.rfind("\n", lo, pos), folded.rfind("。", lo, pos), lo - 1) + 1


def _suspension_end(folded: str, clean: str, at: int, published: date | None) -> date | None:
    """The day the suspension an answer told of before ``at`` (in its paragraph) ends: the last "至…" or "…届满" after
    a "暂停" ("暂停期限至2026年11月10日", "暂停期限将于2026年11月10日届满"), else its duration from its "自…起" or opening day ("2025年11月10日，商务部…
    决定暂停实施…1年"). None when the paragraph says neither."""
    line = folded.rfind("\n", 0, at) + 1
    p = folded.rfind("暂停", line, at)
    while p >= 0:
        stop = min(sentence_end(folded, p), at)
        untils = list(UNTIL_RE.finditer(folded, p, stop)) + list(END_DAY_RE.finditer(folded, p, stop))
        if untils:
            return parse_cn_date(max(untils, key=_MATCH_START).group("date"))
        period = _duration(folded, clean, p, stop)
        if period is not None:
            begin = max(folded.rfind("\n", 0, p), folded.rfind("。", 0, p)) + 1
            since = effective_in(folded[begin:stop], published)
            opening = OPENING_DATE_RE.match(folded, begin) if since is None else None
            start = iso_to_date(since) if since else make_date(*opening.group("y", "m", "d")) \
                if opening and opening.group("y") else None
            return _until(period, start) if start else None
        p = folded.rfind("暂停", line, p)
    return None


def _on_entities(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the object of "对该实体采取的相关措施" (or "…所列甲公司等3家实体（见附件）的相关措施") in the clause
    ``folded[start:end]``, if any."""
    if folded.find("采取的", start, end) < 0:  # in every ON_ENTITIES_RE match
        if folded.find("所列", start, end) < 0:  # in every LISTED_OBJECT_RE match
            return None
        m = LISTED_OBJECT_RE.search(folded, start, end)
        return m.span("obj") if m else None
    m = ON_ENTITIES_RE.search(folded, start, end)
    return m.span("obj") if m else None


def _told_as_past(folded: str, s_start: int, v_start: int, published: date | None = None) -> bool:
    """"商务部曾于5月14日宣布，暂停…" is history: a past marker earlier in the sentence, with
    no 决定 / 现 / 自…起 between it and the verb."""
    before = folded[s_start:v_start]
    if not ("于" in before or "曾" in before or "此前" in before or "已经" in before):
        return False  # one of PAST_WORDS is in every PAST_RE match
    last = None
    for last in PAST_RE.finditer(folded, s_start, v_start):
        pass
    if last is None:
        return False
    for m in PRESENT_RE.finditer(folded, last.end(), v_start):
        if not m.group(0).startswith("自"):
            return False
        when = effective_in(m.group(0), published)  # "自5月14日起" in a later answer is still history
        if when is None or published is None or when[:10] >= published.isoformat():
            return False
    return True


def _dated_before(folded: str, s_start: int, published: date | None, notice: bool = False) -> bool:
    """"2025年5月14日，工作机制暂停…" in an answer of 2026: the clause opens with a day before the
    text's own (OPENING_DATE_RE; "…日起," more than SINCE_GRACE before), so it recounts a decision. In a notice
    (``notice``) "自…起," opens a recounted step only when the notice decides something after it ("自2025年11月10日起，
    暂停实施…。现决定，…"): one published late ("自2026年11月11日起，恢复实施…" of 11-20, its last sentence) decides it."""
    if published is None:
        return False
    m = OPENING_DATE_RE.match(folded, s_start)
    if m is None:
        return False
    if notice and m.group("since") and DECISION_RE.search(folded, sentence_end(folded, m.end())) is None:
        return False
    y, mo, d, since = m.groups()
    if y:
        day = make_date(y, mo, d)
    else:
        month, dom = to_int(mo), to_int(d)
        day = resolve_month_day(month, dom, None, published) if month and dom else None
    if day is None:
        return False
    return day < published - SINCE_GRACE if since else day < published


def _target_list(targets: list[tuple[int, int, NoticeRef]], folded: str, start: int, end: int,
                 notice_list: ListKind | None) -> ListKind | None:
    """The list the targets name, else the one their clause (``folded[start:end]``) names."""
    named: ListKind | None = None
    for _, _, r in targets:
        if r.list is not None and r.list is not named:
            if named is not None:
                break  # two lists
            named = r.list
    else:
        # "（商务部公告2025年第21号、不可靠实体清单工作机制公告〔2025〕7号）": a 商务部公告 is never on the
        # working mechanism's list, so the targets name two lists: each keeps its own
        if named is ListKind.UEL and any((r.key or "").startswith("MOFCOM-") for _, _, r in targets):
            return None
        if named is not None:
            return named
    found = list_in(folded, start, end)
    if found and found is not ListKind.COUNTERMEASURE:
        return found
    keys = [r.key or "" for _, _, r in targets]
    if keys and all(k.startswith("MOFCOM-ORDER-") for k in keys):  # orders (商务部令) are countermeasures
        return ListKind.COUNTERMEASURE
    if notice_list is ListKind.UEL and keys and all(k.startswith("MOFCOM-") for k in keys):
        return None  # a 商务部公告 is never on the working mechanism's list: the engine reads the targets' own
    return notice_list


def measure_action(folded: str, clean: str, body: tuple[int, int], eff: str | None,
                   lst: ListKind | None) -> ActionDraft | None:
    """An extra measure on an entity already listed ("决定对因美纳公司采取以下处理措施：禁止其
    向中国出口基因测序仪。"); the text runs to the end of the measure, past a colon."""
    lo, hi = body
    m = MEASURE_DECIDED_RE.search(folded, lo, hi)
    # The two can start at no common place (决, 禁): the one found first is the search's match.
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
