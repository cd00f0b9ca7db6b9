"""Whether a verb acts now: a decision taken, or a step recounted, doubted, weighed, held off, claimed by others,
quoted in a title or told as past."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storage.records import NoticeRef

from ..dates import (
    DATE_RE,
    effective_in,
    make_date,
    resolve_month_day,
)
from ..lazyre import lazy_compile
from ..textnorm import MD, YEAR, any_within, to_int
from .periods import OPENING_DATE_RE
from .words import (
    DECISION_RE,
    IN_CLAUSE,
    MODAL_BEFORE,
    MODAL_RE,
    NOT_NOW_RE,
    NOT_RENEWED_STARTS,
    into_annex,
    sentence_end,
    suspension_ended,
)

PAST_RE = lazy_compile(
    r"此前|曾经|曾|已于|已经|于\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月[^,，]*?(?:发布|宣布|决定|将)|^\s*于"
)
# Between a past marker and its own 决定 ("已于2026年12月4日决定"): the day it was taken, nothing else (session 28, audit28/21:
# a new listing's preamble, "商务部已于2026年12月4日决定，自2026年11月10日起恢复实施…第21号对…2家实体采取的相关措施", read
# as a restore of the whole of No. 21 decided again).
PAST_DAY_RE = lazy_compile(r"\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?\s*")
# After a past marker, these bring the sentence back to what is decided now.
PRESENT_RE = lazy_compile(r"决定|现将|现予|现决定|自\s*[^,，。]{0,16}?起")
# A verb inside a quoted title (《关于…采取反制措施的决定》) names another instrument.
QUOTED_TITLE_RE = re.compile(r"《[^《》]*》")
BACKGROUND_RE = lazy_compile(rf"于\s*{YEAR}\s*年")  # "于2025年4月4日…": a date told as history
# "自5月14日起，暂停…" read a few days late (a reprint, a press conference the next day) still acts.
SINCE_GRACE = timedelta(days=7)
# NOT_NOW_RE's words that hold only their own clause: a decision said in a later clause, before the verb, stands ("在拟于
# 11月10日召开的会议上，中方决定延长…", "关于是否调整的问题，中方决定…", "中方暂不恢复…，决定继续暂停…"). A condition
# ("如果…，中方决定…") or a claim ("美方称，中方决定…") holds the whole sentence; so does a plan with no decision after it
# ("中方拟对相关措施作出调整，自…起，继续暂停…").
CLAUSE_DOUBTS = frozenset(("是否", "能否", "暂不", "不会", "不涉及", "尚未", "没有", "并未", "从未", "无意", "愿意", "不排除",
                           "不打算", "倾向于", "酝酿", "无计划", "无须", "何时", "不急于", "未曾", "不宜", "不能",
                           "目标是", "期望中方", "游说中方", "暂无", "不排斥", "有意", "打算", "计划", "准备", "可能", "或许",
                           "未必", "是不是", "权衡", "适当时候", "视情", "拟", "要求", "敦促中方", "希望中方", "希望", "建议中方", "建议我方", "呼吁中方", "呼吁我方"))
# 决定 as the verb of a later clause, not the noun ("依法作出决定", "有关决定", "的决定").
LATER_DECISION_RE = lazy_compile(r",[^,]*?(?<![出的关])决定")
# Weighing words: doubt before the verb, unless a decision follows them ("正在研究继续暂停…", "正在评估恢复执行…的影响";
# not "经研究，…决定…", "综合考虑…，中方决定…", "考虑到…"): 经 or 综 before one is a decision's ground (``_weighing``).
WEIGHING_RE = lazy_compile(r"研究|考虑(?!到)|评估|讨论")  # 讨论: "目前讨论中方自…起恢复…为时过早" (qa38)
# After an answer's verb, in its sentence: the change is a report's or a claim's, denied or doubted ("中方自…起恢复执行…
# 的说法没有事实依据", "…，这一说法不实"), not a decision; nor a right kept ("中方保留自…起恢复实施…相关措施的权利": session 37,
# qa37/30, read as a restore), nor an arrangement said to stand ("中方继续暂停上述措施的安排维持不变": session 38, qa38/16, read
# as an extension until further notice), nor the term of an arrangement told ("中方此前决定的继续暂停…1年的安排将于…到期": qa37/32, read as
# an extension beside the restore the answer decides), nor one said not yet decided, unlikely or too early ("关于自…起恢复实施…
# 的决定尚未作出", "…停止…的可能性不大", "现在谈…恢复实施…还为时尚早", "…，这是没有根据的": qa37/34-37, each read as the step; "…恢复实施…的条件尚不具备": qa37/47; a step asked back, "中方决定自…起恢复实施…？这是误读。": qa37/48; not "?" alone: a
# GB2312 page writes the name dot "·" as "?"); nor "…，这不是事实", "…，目前看还言之过早" (session 39, qa39's
# probe: "不是事实" after the verb in a later clause of the sentence was read as the step; the words after the verb stay a list:
# session 40 added the ways qa40 found spokespersons deny, "…，这是无稽之谈", "…，这没有依据", "…，这无从谈起", "…，并非如此").
CLAIMED_AFTER_RE = re.compile(r"说法|的报道|的消息|传言|传闻|不实|不符合事实|没有事实依据|并不准确|没有根据|毫无根据|尚未作出|尚未决定|可能性|为时尚早|尚不具备|误读|的权利|的安排[^,。;]{0,24}?(?:到期|届满)|的安排(?:维持|保持)?不变|的安排没有(?:变化|改变)|一说|纯属|不属实|不是事实|并非事实|言之过早|子虚乌有|无中生有|捕风捉影"
                             r"|不准确|与事实不符|并无其事|无稽之谈|臆测|捏造|没有依据|毫无依据|无从谈起|并非如此|站不住脚|毫无道理")
# A later clause (or the next sentence) whose subject is the step itself, told as talk: a demonstrative and a noun of talk
# ("…相关措施，这一消息不准确", "…相关措施，上述报道并无其事", "…相关措施。这一消息不准确。": session 40, qa40/18-19, each read
# as the step), whatever it says of it. Not "这体现了中方的诚意", "此举有利于…", "这说明…" after a true decision: no noun of talk.
TALK_SUBJECT_RE = lazy_compile(r"\s*(?:这|此|上述|该|以上|前述)(?:一|个|种|类|些|则|条|篇)?(?:消息|报道|说法|传言|传闻|言论|猜测|提法|谣言|论调|说辞)")
TALK_OPENERS = frozenset("这此上该以前")  # the first characters TALK_SUBJECT_RE can match after its spaces: a gate before it


# A decision said before the verb in its sentence ("中方决定，自…起，暂停…"): the step is no talk, whatever is said of it after
# ("…1年。这一消息已通报美方。": session 40, a press conference's suspension lost, no action, exit 0), but a denial word.
DECIDED_BEFORE = ("决定", "宣布")


def claimed_after(folded: str, s_start: int, at: int, v_end: int, end: int) -> bool:
    """Whether, after the verb (``at``, ``v_end``) in its sentence (from ``s_start`` up to ``end``), a denial or claim stands
    (CLAIMED_AFTER_RE), or, no decision said before the verb (DECIDED_BEFORE), a later clause's subject is the step as talk
    (TALK_SUBJECT_RE) or the next sentence opens so."""
    if CLAIMED_AFTER_RE.search(folded, v_end, end) is not None:
        return True
    if any_within(folded, DECIDED_BEFORE, s_start, at):
        return False
    comma = folded.find(",", v_end, end)
    while comma >= 0:  # (a fixed-place match per comma, only where a demonstrative or a space opens the clause: perf40)
        c = folded[comma + 1 : comma + 2]
        if c and (c in TALK_OPENERS or c.isspace()) and TALK_SUBJECT_RE.match(folded, comma + 1) is not None:
            return True
        comma = folded.find(",", comma + 1, end)
    return folded.startswith("。", end) and TALK_SUBJECT_RE.match(folded, end + 1) is not None


# Before an answer's decision (or its verb, with no decision word): it tells a step taken before ("已于11月6日决定",
# "此前", "去年11月，中方决定", "中方于2025年11月5日决定") when the step's start is already past.
RECOUNT_RE = lazy_compile(r"已于|已经|此前|曾|去年|上月|前期|当时|先后|(?<![关对由鉴基属至])于\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月")
# "2025年11月,中方决定…", "11月5日,…决定…": the day (or month) of a decision told, a comma after it.
TOLD_DAY_RE = lazy_compile(rf"(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?:(?P<d>{MD})\s*日\s*)?,")
# Before an answer's verb, with no 决定: a notice published the answer's own day tells the step, as a decision would
# ("不可靠实体清单工作机制今天发布公告，自2026年11月10日起继续暂停…1年" in an answer of 11-28: session 29; read as a recount,
# the continuation was lost and the listing showed a presumed lapse, no health issue).
TODAY_NOTICE_RE = lazy_compile(r"(?:今天|今日)[^,。;]{0,8}?(?:发布|宣布|公布)")
# A suspension's term running out: "(暂停期限)届满后不再延长" speaks of it (a "暂停" before it, else "不再延长" is no
# status verb: "许可证有效期届满后不再延长"), and a restore "自暂停期限届满之日起" takes effect on the day it ends (``suspension_end``).
# "暂停实施期限" as "暂停期限" (session 42, actions42: "不再对…的暂停实施期限进行延长" read a restore from the answer's day)
EXPIRY_RE = lazy_compile(r"届满|期满|到期|暂停期|暂停(?:实施|执行)期")
# Right before a restore's 恢复: the measures come back by the term's end itself ("期满自动恢复执行"), or on schedule
# ("暂停期限届满后，上述公告相关措施将按期恢复实施": session 26, parse26: the answer read no action, the end a presumed lapse).
BY_ITS_END = ("自动", "按期")
# Right before a restore's 恢复: the step told as done, "…第6号规定的反制措施已于2026年11月10日按期恢复实施", "已恢复实施",
# "已自…起恢复执行": the authority stating the step and its day (session 27: a recount, so no action; the lapse of the
# suspension was presumed, needs review). Its day is the one it names, else the end of the suspension told before it.
DONE_RE = lazy_compile(rf"已(?:经)?\s*(?:(?:于|自)\s*(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日\s*(?:起)?\s*)?"
                       r"(?:按期|如期|正式|全面)?\s*")
DONE_REACH = 24  # the longest DONE_RE match


# Right before a verb: the step denied, not taken ("不恢复实施", "不予恢复", "并不停止"; session 42, qa42/21: "对…所列实体
# 不恢复实施相关措施，自…起继续暂停实施至…" was read as a restore, a false 'Back in force' item). The verbs that open with 不
# ("不再暂停") are words of VERB_RE of their own, no verb after a 不.
# "暂缓恢复实施…相关措施" (session 44, qa44/29's probe: read as a restore, a false 'Back in force' item): the step held off.
# "上述暂停期限届满后，不再恢复实施…第55号", "商务部决定，不再恢复实施…" (session 49, review55's probe: read as a restore, a false
# 'Back in force' item): 不再 before a verb that is no word of its own with it.
NEGATIONS = ("暂缓", "不予", "不再", "不")  # the longer first: ``denied`` says where the denial starts
NEGATION_ENDS = "不予缓再"  # the last character of every NEGATIONS word: one look before the verb turns nearly every verb away
NOT_ON = "不对"  # "不对X采取暂停措施": the verbs of its clause denied
DENIED_OBJECT_REACH = 80  # the longest object between it and the verb


def denied(folded: str, s_start: int, at: int) -> int:
    """Where the 不 (不予) right before the verb at ``at`` starts (NEGATIONS), or the "不对" its clause opens with before it
    ("不对…7号采取暂停措施，自…起恢复实施…": read as a suspension of 7号, a false item; session 42's probe), else 0: the verb
    is denied."""
    if at > s_start and folded[at - 1] in NEGATION_ENDS:
        for word in NEGATIONS:
            if folded.endswith(word, s_start, at):
                return at - len(word)
    lo = max(s_start, at - DENIED_OBJECT_REACH)
    if (p := folded.find(NOT_ON, lo, at)) >= 0 and folded.find(",", p, at) < 0 and folded.find(";", p, at) < 0 \
            and not folded.startswith("不对称", p):
        return p
    return 0

# Before a verb in its clause: the day it was planned for, which the sentence moves ("将原定于2027年1月1日起停止实施的…7号相关措施，
# 提前至2026年12月10日起停止实施", "原定于…恢复实施的…，推迟至…起恢复实施": session 44, qa44/29: a lift read from the planned day,
# three weeks late; a restore moved later read from the planned day, weeks early, silently). The planned verb is no step; the
# moved one is (its object named before it). Looked for only where 原 stands before the verb in its clause.
PLANNED_WORDS = ("原定", "原计划", "原拟", "原本计划", "原先计划")
PLANNED_REACH = 30  # the longest day and adverbs between the word and the verb


def plan_start(folded: str, s_start: int, at: int) -> int:
    """Where the plan the verb at ``at`` is starts (a word of PLANNED_WORDS before it in its clause), else -1."""
    lo = max(s_start, at - PLANNED_REACH)
    p = folded.find("原", lo, at)
    while p >= 0:
        if folded.startswith(PLANNED_WORDS, p) and not any(folded.find(c, p, at) >= 0 for c in ",;:"):
            return p
        p = folded.find("原", p + 1, at)
    return -1


def planned(folded: str, s_start: int, at: int) -> bool:
    """Whether the verb at ``at`` is the plan its clause says (PLANNED_WORDS right before it, no clause mark between)."""
    return plan_start(folded, s_start, at) >= 0


# "不再延长…相关措施的暂停期限": the term not renewed named as the verb's object, in its clause (session 42, actions42: no
# action, a quiet warning; a restore missed silently)
TERM_AFTER_RE = lazy_compile(rf"{IN_CLAUSE}{{0,80}}?的\s*暂停")  # "…的暂停期限", "不再延长对…的暂停"
TERM_AFTER_REACH = 100  # the clause's characters TERM_AFTER_RE may look at, brackets counted


# "海岸线导弹公司（…）已停止参与对中国台湾地区军售并提出申请，将…〔2026〕9号所列海岸线导弹公司移出…": the entity's own conduct
# stopped, the ground of its removal (session 51, blind51/32: read as a lift of the whole of 〔2026〕9号, its other two entities
# falsely "lifted", silently). A bare lift verb right before what an entity does (参与, 从事, 军售, 违法…) ends that conduct, no
# measure; looked at only for a bare 停止/终止/取消/解除 (CONDUCT_VERBS), one anchored match.
CONDUCT_VERBS = frozenset(("停止", "终止", "取消", "解除"))
CONDUCT_AFTER_RE = lazy_compile(
    r"\s*(?:参与|从事|销售|出售|军售|违法|违规|侵权|(?:向|对|与)\s*(?:中国)?\s*台湾?(?:地区)?|对台|向台"
    r"|(?:其|上述|相关|有关|一切)\s*(?:违法|违规|不当|违约)?\s*(?:行为|活动|交易|业务|军售)"
    r"|(?:其|上述|相关|有关)\s*(?:违法|违规|不当)\s*(?:行为|活动)"
    # "已停止相活动" (a character lost: the parser guard's mutation in session 59, text59, read as a lift of all of No. 21)
    r"|[^,;。\n措施]{0,3}?(?:活动|行为))"
)


# "不再延续暂停实施…相关措施" is "不再继续暂停实施…" (the suspension named in the verb: a restore from the day told, else the
# text's); "不再延长暂停实施…" (the term not renewed: the measures back when it ends, a day the sentence does not tell) acts
# only where a suspension is named as below, else no verb: held (held58, session 58: read as a new suspension before)
NOT_CONTINUED = "不再延续暂停"

BARE_PAUSE = "暂停"  # VERB_RE's "…相关措施暂停至<day>" (session 48): a verb only as its sentence's first

# "北极星导航公司、极光数据系统公司向商务部提出移出申请。经核查，…商务部决定自2027年9月1日起将上述2家实体移出…": "移出申请"
# is the entity's application (a noun), no removal (session 53, blind54/10: read as a removal from the notice's day beside the
# decided one from a later day, the two entities off the list four days early, silently). One anchored match after a
# removal verb only. So is "提出移出出口管制管控名单的申请", the list named between (session 59, text59/37: read as a removal
# from the notice's day, the decided "自2027年5月10日起将该实体移出…" lost beside it, the entity off the list four days early,
# silently): a list's name, then 的, then the noun.
REMOVAL_VERBS = ("移出", "移除", "调出")
APPLICATION_AFTER_RE = lazy_compile(r"\s*(?:[^，,。；;：:\n]{0,24}?(?:名单|清单)》?\s*的\s*)?(?:申请|请求)")


def acting_verbs(folded: str, s_start: int, s_end: int, found: list[re.Match[str]], dated: list[tuple[int, int]],
                  titled: bool, refs: list[tuple[int, int, NoticeRef]]) -> list[re.Match[str]]:
    """The verbs of ``found`` that can act: not in a ref by date, a quoted title, after a modal, nor a "不再延长" that
    ends no suspension ("有效期不再延长"), nor a 增列 into anything but a numbered notice's annex."""
    verbs = []
    for v in found:
        at = v.start()
        if v[0] == "增列" and not into_annex(folded, [r for r in refs if s_start <= r[0] < at], at):
            continue  # "在“一、企业”中增列：" of an amendment (mfa/amend.py reads those)
        if dated and any(s <= at < e for s, e in dated) or titled and _in_quoted_title(folded, s_start, s_end, at):
            continue
        if refs and _in_ref_gloss(folded, s_start, at, refs):
            continue
        # MODAL_RE ends at the verb: only a modal's last character or a blank can stand right before it
        if at > s_start and folded[at - 1] in MODAL_BEFORE and MODAL_RE.search(folded, max(s_start, at - 4), at):
            continue
        if denied(folded, s_start, at):
            continue  # "对…所列实体不恢复实施相关措施，…继续暂停实施至…": the step denied (qa42/21: read as a restore)
        if v[0] == BARE_PAUSE and folded.startswith("至", v.end()) \
                and any(u.start() < at and folded.find("\n", u.start(), at) < 0 and folded.find("。", u.start(), at) < 0
                        for u in found) and not _pause_of_its_own(folded, s_start, at, found, refs):
            continue  # "暂停实施A相关措施1年，其中第22号相关措施暂停至…": a clause of the step before (actions.apart), no verb
        if planned(folded, s_start, at):
            continue  # "将原定于2027年1月1日起停止实施的…，提前至…起停止实施": the plan the step moves (qa44/29)
        if v[0] in REMOVAL_VERBS and APPLICATION_AFTER_RE.match(folded, v.end()) is not None:
            continue  # "提出移出申请": the entity's application, no removal (APPLICATION_AFTER_RE)
        if v[0] in CONDUCT_VERBS and CONDUCT_AFTER_RE.match(folded, v.end()) is not None:
            continue  # "X已停止参与对中国台湾地区军售": the entity's conduct stopped, no lift (CONDUCT_AFTER_RE)
        if (v[0].startswith(NOT_RENEWED_STARTS) and not v[0].startswith(NOT_CONTINUED) or v[0] == "不再继续") and not (
                folded.find("暂停", v.end(), v.end() + 8) >= 0 or EXPIRY_RE.search(
                folded, max(s_start, at - 12), at) and folded.rfind("暂停", max(s_start, at - 30), at) >= 0
                and folded.find("有效期", max(s_start, at - 12), at) < 0 or suspension_ended(folded, s_start, at)
                or folded.find("暂停", v.end(), v.end() + TERM_AFTER_REACH) >= 0 and TERM_AFTER_RE.match(folded, v.end())):
            continue  # (a suspension named right before it, "…的暂停不再延续", is the one not renewed: audit40/40)
        verbs.append(v)
    return verbs


# The verbs before a "…相关措施暂停至<day>" in its sentence that leave it a step of its own: a lift or a restore ("停止实施A相关
# 措施，B相关措施暂停至2027年6月30日"), or another "…暂停至<day>" ("A相关措施暂停至D1，B相关措施暂停至D2"): no term of theirs
# it could be a clause of (session 49, range49; qa48's and review54's open B: held as "a notice's measures no step reads").
ENDING_VERBS = ("停止", "终止", "取消", "解除", "废止", "恢复")


def _pause_of_its_own(folded: str, s_start: int, at: int, found: list[re.Match[str]],
                      refs: list[tuple[int, int, NoticeRef]]) -> bool:
    """Whether the "暂停至" at ``at`` is a step of its own though a verb stands before it in its sentence: its clause opens
    with a notice named (its subject; no 其中 in its sentence before it), and every verb before it in the sentence ends measures or
    is such a 暂停至, each with a notice named in its clause."""
    c0 = _clause_start(folded, s_start, at)
    if c0 <= s_start or folded.find("其中", s_start, at) >= 0:
        return False
    own = {r.key for r0, _, r in refs if c0 <= r0 < at}
    if not own or own & {r.key for r0, _, r in refs if s_start <= r0 < c0}:
        return False  # no notice of its own, or one a step before acts on ("停止实施A…，A相关措施暂停至…": for a person)
    return all((u[0].startswith(ENDING_VERBS) and "暂停" not in u[0] or u[0] == BARE_PAUSE and folded.startswith("至", u.end()))
               and any(_clause_start(folded, s_start, u.start()) <= r0 < c0 for r0, _, _ in refs)
               for u in found if s_start <= u.start() < at)  # (each with its notice: not a cut "…措施暂停至D1，B…暂停至D2")


def _clause_start(folded: str, s_start: int, at: int) -> int:
    return max(s_start, folded.rfind(",", s_start, at) + 1, folded.rfind(";", s_start, at) + 1)


def _in_ref_gloss(folded: str, s_start: int, at: int, refs: list[tuple[int, int, NoticeRef]]) -> bool:
    """Whether ``at`` lies in the bracket right after a numbered notice that glosses it with its title ("暂停实施…
    商务部公告2026年第23号（公布将艾维奥克斯公司等10家美国实体列入出口管制管控名单）相关措施，暂停期限为1年"): the 列入 there
    is that notice's, told; as a verb it cut the suspension's clause before its term, which was lost (session 27, audit27:
    an open-ended suspension where the text gave one year)."""
    opening = folded.rfind("(", s_start, at)
    if opening < 0 or folded.find(")", opening, at) >= 0 or folded.find(")", at, sentence_end(folded, at)) < 0:
        return False  # no bracket open at the verb, or one never closed (a mistyped text glosses nothing)
    # the bracket right after the number, or the number's own ("2025年9月25日公告（…〔2025〕9号，将3家美国实体列入…）")
    return any(r.key is not None and (e == opening or s < opening < e < at and folded.startswith(",", e))
               for s, e, r in refs)


# "列入关注名单的贝塔微系统公司（…）已履行核查义务，…决定将其移出关注名单", "决定将列入关注名单的X移出…": the verb with no object
# before it, its list and 的 after it, says which list the name is on (session 29, names29: read as a new listing, and the
# removal was lost); not "…列入…名单的公告" (a title's listing).
ATTRIBUTIVE_RE = lazy_compile(r"(?:列入|纳入)[^,。;的]{1,20}?(?:名单|清单)\s*的(?!\s*(?:公告|决定|通知))")
ATTRIBUTIVE_LEADS = ("", "对", "凡", "已")  # what the verb's clause may hold before it (or a 将 right before it)


def is_passive(folded: str, s_start: int, at: int) -> bool:
    """"被列入关注名单的东京计器株式会社", "已被纳入…": a passive verb describes an entity already
    listed (a state), not a listing decided now; "被移出关注名单后，…可以…" supposes a removal; so does a verb with no
    object before it that names the list of the name after it ("列入关注名单的X": ATTRIBUTIVE_RE)."""
    if folded[max(s_start, at - 4) : at].rstrip().endswith("被"):
        return True
    if not folded.startswith(("列入", "纳入"), at) or ATTRIBUTIVE_RE.match(folded, at) is None:
        return False
    lead = folded[max(s_start, folded.rfind(",", s_start, at) + 1) : at].strip()
    return lead in ATTRIBUTIVE_LEADS or lead.endswith("将")


def _in_quoted_title(folded: str, s_start: int, s_end: int, at: int) -> bool:
    """Whether ``at`` lies in a quoted title (QUOTED_TITLE_RE's matches in the sentence): such a
    match holds no 《 but its first, so only the one opening at the last 《 up to ``at`` can."""
    opening = folded.rfind("《", s_start, at + 1)
    if opening < 0:
        return False
    m = QUOTED_TITLE_RE.match(folded, opening, s_end)
    return m is not None and m.end() > at


def is_decision(sentence: str) -> bool:
    """``DECISION_RE.search(sentence)`` found something: one of its words is in the sentence."""
    return "决定" in sentence or "现将" in sentence or "现予" in sentence or "特此" in sentence \
        or "予以公布" in sentence or "公布将" in sentence or "公告如下" in sentence


def told_before(folded: str, s_start: int, at: int, sentence: str, published: date | None) -> bool:
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


def decided_in(folded: str, bounds: tuple[int, int], s_start: int, at: int, v_end: int, effective: str | None,
                published: date | None) -> bool:
    """Whether an answer's sentence (``folded[bounds]``) takes the step its verb at ``at`` names: it says it
    decides, why or from when ("决定", "为落实…共识", "自…起", "即日起"), no doubt, denial, supposition or claim
    stands before the verb in its clause (NOT_NOW_RE, WEIGHING_RE: "关于是否继续暂停…，我们将研究决定", "暂不恢复",
    "假如…，中方将恢复…") nor a denial after it (CLAIMED_AFTER_RE: "…的说法没有事实依据"), the other side does not open its
    clause (``_other_sides``: "…，美方也将取消对中国企业的限制") nor set it a condition (``_other_side_if``: "对方如…，
    中方将…"), and it does not recount a step taken before (``is_recounted``). A press conference answers questions about changes that are not made:
    "有关报道称中方将继续暂停…，这一说法不实", "如果…，中方将恢复…", "中方已于11月6日决定…"."""
    if _doubted(folded, s_start, at) or claimed_after(folded, s_start, at, v_end, bounds[1]) \
            or _other_sides(folded, s_start, at) or _other_side_if(folded, bounds[0], at):
        return False
    if _weighing(folded, s_start, at):
        return False
    if is_recounted(folded, bounds[0], at, effective, published):
        return False
    line = folded.rfind("\n", 0, bounds[0]) + 1  # its paragraph so far, else the lead-in its items follow ("…决定自…起：")
    said = folded[line : bounds[1]]
    if "起" in said or "为落实" in said or is_decision(said):  # "为落实…共识，自…起，暂停…"
        return True
    if AGREED in said and folded.find(AGREED, s_start, at) >= 0:
        # "中方同意暂停实施…", "双方同意暂停实施…" (session 41: read as no notice, silently): an agreement said before the verb,
        # which the answers' gates judge as they judge 决定 (rules.checks: the authority's is read, both sides' held)
        return True
    if folded.startswith(("不再延", "不再暂停", "不再继续暂停"), at):  # "…将于…届满，届满后不再延长": said, not weighed
        return True
    if folded.endswith(BY_ITS_END, 0, at) and folded.startswith("恢复", at) and EXPIRY_RE.search(folded, bounds[0], at):
        return True  # "…暂停期限将于…期满，期满自动恢复执行", "…届满后，…将按期恢复实施": what the end brings, said
    colon = max(folded.rfind(":", 0, line), folded.rfind("：", 0, line))
    lead = folded[max(folded.rfind("\n", 0, colon), folded.rfind("。", 0, colon)) + 1 : colon] if colon > 0 else ""
    return "起" in lead or is_decision(lead)


AGREED = "同意"  # (rules.checks.ANSWER_DECISION_RE's word; "中方不同意…" is held there, qa39/12)


# The other side, opening the clause of a verb as its subject ("…，美方也将取消对中国企业的限制", "…，前提是美方停止…"): its step,
# not one this side takes (review40: a lift of the notice the answer suspends was read from it, a false item).
# (美国 alone before a modal word only: "美国稀土公司自…起移出…" is this side's step on a company; review41: "…，美国也将取消…" was
# read as a lift)
OTHER_SIDE_RE = lazy_compile(r"(?:前提是|条件是|同时|而|但|并且?)?(?:美方|外方|对方|欧方|日方|美国政府|美国商务部|美国财政部|美国国务院"
                             r"|美国贸易代表办公室|欧盟|美国(?=也|将|则|应|亦|随后|同时|承诺))")
OTHER_SIDE_CHARS = "美外对欧日"  # one is in every OTHER_SIDE_RE match: the cheap test first
THIS_SIDE = ("中方", "我方", "中国政府", "商务部", "工作机制")


# The other side's condition, its subject first ("…；对方如违背共识，中方将恢复实施上述措施", "美方如取消…，中方将…"): NOT_NOW_RE
# holds "如美方…" only (review40: the restore under the condition was read as decided by the sentence's 决定, a false item).
OTHER_SIDE_IF_RE = lazy_compile(r"(?:美方|外方|对方|欧方|日方|美国)(?:今后|再次|继续|仍)?如(?![下期实何今此是])")


def _other_side_if(folded: str, s0: int, at: int) -> bool:
    """Whether the other side's condition (OTHER_SIDE_IF_RE) stands before the verb at ``at`` in its sentence (from
    ``s0``), after a decision of the sentence (whose 决定 took the verb); one before any decision is the gates' to hold
    ("美方如能…，中方将决定…": rules.checks, qa39/04)."""
    if folded.find("如", s0, at) < 0:
        return False
    m = OTHER_SIDE_IF_RE.search(folded, s0, at)
    return m is not None and folded.find("决定", s0, m.start()) >= 0


def _other_sides(folded: str, s_start: int, at: int) -> bool:
    """Whether the clause of the verb at ``at`` (from its sentence's ``s_start``) opens with the other side as its subject,
    this side not named after it ("美方取消限制后中方将停止…" is this side's; the 商务部 of "美国商务部也将取消…" is not this
    side: review41)."""
    c0 = max(s_start, *(folded.rfind(mark, s_start, at) + 1 for mark in ",;:"))
    lead = "".join(folded[c0:at].split())
    if not any(c in lead[:4] for c in OTHER_SIDE_CHARS):
        return False
    m = OTHER_SIDE_RE.match(lead)
    return m is not None and not any(word in lead[m.end() :] for word in THIS_SIDE)


# Both sides as the subject of a verb's clause ("…，双方也将取消对彼此企业的限制", "…，中美两国将…"), or a verb acting on both sides'
# firms ("…，并取消对彼此企业的限制", "…相互取消…"): a joint step, its object no notice of this side's (review41: the notice the
# answer suspends was read as lifted too, a false item).
BOTH_SIDES_RE = lazy_compile(r"(?:并且?|同时|而且?)?(?:中美|中欧|中日|中韩|中英)?(?:双方|两国|两国政府)")
MUTUAL_WORDS = ("彼此", "相互", "互相")
MUTUAL_OBJECT_RE = lazy_compile(r"\s*对\s*(?:彼此|对方|双方|相互)")


def both_sides(folded: str, s_start: int, at: int, v_end: int) -> bool:
    """Whether the clause of the verb at ``at`` (its sentence from ``s_start``) opens with both sides as its subject, this
    side not named after them ("双方同意，中方将…" is this side's), or says the step is mutual (MUTUAL_WORDS before the verb,
    or its object "对彼此…", "对对方…" right after it)."""
    c0 = max(s_start, *(folded.rfind(mark, s_start, at) + 1 for mark in ",;:"))
    lead = "".join(folded[c0:at].split())
    if any(word in lead for word in MUTUAL_WORDS):
        return True
    if ("双" in lead or "两" in lead) and (m := BOTH_SIDES_RE.match(lead)) is not None:
        return not any(word in lead[m.end() :] for word in THIS_SIDE)
    return folded.startswith("对", v_end) and MUTUAL_OBJECT_RE.match(folded, v_end) is not None


def told_done(folded: str, s_start: int, at: int, published: date | None) -> tuple[bool, date | None]:
    """Whether the restore at ``at`` is told as done (DONE_RE right before it, in its clause from ``s_start``), and the
    day it names (not after ``published``; None when it names none, or a later one)."""
    p = folded.rfind("已", max(s_start, at - DONE_REACH), at)
    m = DONE_RE.fullmatch(folded, p, at) if p >= 0 else None
    if m is None:
        return False, None
    y, mo, d = m.group("y", "m", "d")
    day = None
    if d is not None:
        month, dom = to_int(mo), to_int(d)
        day = make_date(y, mo, d) if y else resolve_month_day(month, dom, None, published) if month and dom else None
    if day is not None and published is not None and day > published:
        return False, None  # "已于12月1日…" in a text of 11-20: no step told as done
    return True, day


def held_off(folded: str, s_start: int, at: int, v_end: int) -> bool:
    """Whether a text that is no answer (a notice, a bare statement or news page of MOFCOM's) only doubts, plans, denies
    or supposes the step of the verb at ``at``, as an answer would (``_doubted``, CLAIMED_AFTER_RE): "…相关措施目前仍处于暂停
    状态，中方尚未作出恢复执行上述措施的决定" restores nothing, whatever page it stands on."""
    return _doubted(folded, s_start, at) or claimed_after(folded, s_start, at, v_end, sentence_end(folded, at))


def _doubted(folded: str, start: int, at: int) -> bool:
    """Whether a doubt, supposition, plan or claim (NOT_NOW_RE) in ``folded[start:at]`` holds the verb at ``at``: a word
    of CLAUSE_DOUBTS only when no later clause says 决定 before the verb (LATER_DECISION_RE) and it is not the first of
    the steps one 决定 right before it decides ("中方决定暂不恢复实施…，继续暂停…至…": session 37, qa37/38, the extension
    lost with the page, silently), any other always."""
    for m in NOT_NOW_RE.finditer(folded, start, at):
        if m.group(0) not in CLAUSE_DOUBTS:
            return True
        if LATER_DECISION_RE.search(folded, m.end(), at) is None and not _decided_then(folded, start, m.start(), m.end(), at):
            return True
    return False


def _decided_then(folded: str, start: int, doubt: int, doubt_end: int, at: int) -> bool:
    """Whether the doubt at ``folded[doubt:doubt_end]`` is 暂不, 决定 opens its clause (no comma between) and the verb at
    ``at`` stands in a later clause: "决定暂不A，B" decides B (not "决定是否…": weighed, whatever the clauses)."""
    if folded[doubt:doubt_end] != "暂不":
        return False
    d = folded.rfind("决定", start, doubt)
    return d >= 0 and folded.find(",", d, doubt) < 0 and folded.find(",", doubt_end, at) >= 0


# A weighing word inside a name the step names after "所列" or 对 ("…〔2025〕2号所列系统研究与模拟公司移出…"): the name's own characters up
# to its ending, no verb or punctuation between (session 31: the answer's removal was read as weighed, "no action found").
LISTED_NAME_TAIL_RE = lazy_compile(r"[^,，。;；、()（）\s暂恢停继移列取解延决对将是否]{0,20}?(?:公司|集团|研究所|研究院|中心|大学|实验室|协会|学会)")


def _in_listed_name(folded: str, start: int, pos: int, end: int) -> bool:
    """Whether the weighing word at ``folded[pos:end]`` is part of a name written after "所列" or 对 in its clause
    ("对兰德研究公司（RAND Research Corp.）恢复实施…")."""
    listed = folded.rfind("所列", start, pos)
    dui = folded.rfind("对", start, pos)
    lead = max(listed + 2 if listed >= 0 else -1, dui + 1 if dui >= 0 else -1)
    return lead >= 0 and folded.find(",", lead, pos) < 0 and LISTED_NAME_TAIL_RE.match(folded, end) is not None \
        and not any(w in folded[lead:pos] for w in ("暂停", "恢复", "停止", "继续", "决定", "正在", "将", "拟", "此"))


def _weighing(folded: str, start: int, at: int) -> bool:
    """Whether a weighing word (WEIGHING_RE, not after 经 or 综) stands in ``folded[start:at]`` with no decision after it."""
    for m in WEIGHING_RE.finditer(folded, start, at):
        if m.start() > 0 and folded[m.start() - 1] in "经综":
            continue
        if _in_listed_name(folded, start, m.start(), m.end()):
            continue
        if not is_decision(folded[m.end() : at]):
            return True
    return False


def is_recounted(folded: str, start: int, at: int, effective: str | None, published: date | None) -> bool:
    """Whether the step of the verb at ``at`` (its sentence starting at ``start``) is told, not decided now: it
    starts before the text's day (its own "自…起" before the verb, else ``effective``) and the words before its
    decision tell when it was taken (RECOUNT_RE, TOLD_DAY_RE: "已于11月6日决定", "2025年11月，中方决定"), or no
    decision is said at all and it started more than SINCE_GRACE before. A decision that says nothing of the
    kind is new however far back it starts ("经研究，工作机制决定，…自2025年11月10日起停止实施", published months
    later): it acts, and its record warns that its effective day is before its publication."""
    if published is None:
        return False
    own = None
    decided = folded.rfind("决定", start, at)
    before = folded[start : decided if decided >= 0 else at]
    anchor = _told_anchor(before, published)
    # with one "起", its "自…起" is ``effective`` already, unless a decision's told day anchors its yearless day
    if folded.count("起", start, at) > (0 if effective is None or anchor != published else 1):
        since = folded.rfind("自", start, at)
        own = effective_in(folded[since:at], anchor) if since >= 0 and folded.find("起", since, at) >= 0 else None
    when = own or effective
    if when is None or when[:10] >= published.isoformat():
        # no earlier start, but a decision told (its month, 去年, 已经 before it) with no start of its own in the sentence:
        # "答：2025年11月，…中方决定继续暂停上述措施1年。目前，上述暂停期限已经届满" in an answer of 2026-11-11 (session 38,
        # audit38/22: read as a new one-year extension of No. 21 and UEL 7号 from the answer's day, silently, after their lapse)
        return decided > start and folded.find("起", start, sentence_end(folded, at)) < 0 \
            and (PAST_TOLD_RE.search(before) is not None or "月" in before and _dated_earlier(before, published))
    if RECOUNT_RE.search(before) is not None and not _all_ends_told(folded, start, len(before), when, published) \
            or _told_day(before, published):
        return True
    if decided < 0 and "今" in before and TODAY_NOTICE_RE.search(before) is not None:
        return False
    return decided < 0 and when[:10] < (published - SINCE_GRACE).isoformat() and not item_of_decision(folded, start)


# "答：经研究，中方决定：\n一、自2026年12月10日起，恢复实施…\n二、对该公告所列其余13家美国实体，继续暂停实施相关措施，暂停期限自
# 2026年11月11日起至2027年11月10日止。": an item under a lead-in that decides is decided by it, however far back its own
# start (session 59, text59/09: item 二 read as a recount, with no 决定 in its own sentence, and dropped; the 13 left lapsed,
# "presumed back in force", silently). The lead-in ends with "决定：" (or "决定如下："), told by no past marker, and only items
# stand between it and the sentence.
ITEM_START_RE = lazy_compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\))")
DECIDING_LEAD_RE = lazy_compile(r"决定\s*(?:如下)?\s*:")
ITEM_LEAD_REACH = 1200  # the longest items between a lead-in and the item read


def item_of_decision(folded: str, start: int) -> bool:
    """Whether the sentence at ``start`` is a numbered item under a lead-in that decides (see DECIDING_LEAD_RE)."""
    if ITEM_START_RE.match(folded, start) is None:
        return False
    lo = max(0, start - ITEM_LEAD_REACH)
    d = folded.rfind("决定", lo, start)
    lead = DECIDING_LEAD_RE.match(folded, d) if d >= 0 else None
    if lead is None:
        return False
    lead_from = max(folded.rfind("\n", 0, d), folded.rfind("。", 0, d)) + 1
    if PAST_TOLD_RE.search(folded, lead_from, d) is not None:
        return False  # "中方此前决定：…" tells an earlier decision
    between = re.split(r"[\n。]", folded[lead.end() : start])
    return all(ITEM_START_RE.match(p) is not None for p in between if p.strip())


def _told_anchor(before: str, published: date) -> date:
    """The day a yearless start ("自1月15日起") after the words ``before`` a decision counts from: the day a past marker
    tells the decision was taken ("中方已于2027年1月12日决定，自1月15日起暂停…1年" or "2027年1月，中方已决定自1月15日起…" in an
    answer of 2027-07-20: 2027-01-15,
    not the 2028-01-15 nearest the answer's day; session 53, blind55/64-65: read as a new suspension from 2028-01-15, after
    the answer's own lift or restore, silently), else the text's own day."""
    if not ("已于" in before or "已经" in before or "曾" in before or before.endswith("已")) or "年" not in before:
        return published  # (nearly every step: no past marker with a year before its decision)
    told = None
    for m in DATE_RE.finditer(before):
        day = make_date(*m.groups())  # y, m, d
        if day is not None and day < published:
            told = day
    if told is None and (month := TOLD_DAY_RE.search(before)) is not None and month["y"] is not None:
        # "2027年1月，中方已决定自1月15日起暂停实施…1年" (session 53, blind55/35: the start read as 2028-01-15, a new step,
        # held; session 58, held58): the month told, from its first day
        day = make_date(month["y"], month["m"], month["d"] or "1")
        told = day if day is not None and day < published else None
    return told or published


def _all_ends_told(folded: str, start: int, size: int, when: str, published: date) -> bool:
    """Whether every past marker (RECOUNT_RE) in ``folded[start : start + size]`` tells the end of a suspension on or before
    ``when``, the step's start: "…第72号规定的暂停期限已于2026年11月27日届满，中方决定自2026年11月28日起，恢复实施…" in an answer of
    12-01 decides the restore from 11-28 (session 49: held as told, "the title announces a change its answer does not
    read"), as a notice's does (``_start_after_expiry``)."""
    stop = start + size
    return all(m[0] == "已于" and _start_after_expiry(folded, m.end(), stop, when, published)
               for m in RECOUNT_RE.finditer(folded, start, stop))


# RECOUNT_RE's words that are past whatever day follows them (not "于…月", which "将于2026年11月10日届满" holds too).
PAST_TOLD_RE = lazy_compile(r"已于|已经|此前|曾|去年|上月|前期|当时|先后")


def _dated_earlier(before: str, published: date) -> bool:
    """A day or month before a decision earlier than the text's: "2025年11月，" (``_told_day``), "于2025年11月5日"."""
    if _told_day(before, published):
        return True
    for m in DATE_RE.finditer(before):
        day = make_date(*m.groups())  # y, m, d
        if day is not None and day < published:
            return True
    return False


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


def told_as_past(folded: str, s_start: int, v_start: int, published: date | None = None, own: bool = False) -> bool:
    """"商务部曾于5月14日宣布，暂停…" is history: a past marker earlier in the sentence, with
    no 决定 / 现 / 自…起 between it and the verb. ``own``: a decision told by its day ("商务部已于2026年11月20日决定，…")
    is the text's own (a notice whose title names the same step on the same notices: ``clauses._told_own``)."""
    before = folded[s_start:v_start]
    if "先后" in before and (told := SUCCESSIVELY_RE.search(before)) is not None \
            and PRESENT_RE.search(folded, s_start + told.end(), v_start) is None:
        # "2025年5月14日、8月12日和11月5日，商务部先后决定暂停、继续暂停实施…第21号相关措施，暂停期限至2026年11月10日" in a notice
        # of 2026-11-20: decisions told one after another (session 60, blind60/31: read as an extension from the notice's day
        # to 11-10, before it began, beside the notice's own extension; No. 21 shown lapsed, silently)
        return True
    if (told_by := before.find(TOLD_BY_NOTICE)) >= 0 and PRESENT_RE.search(folded, s_start + told_by + 3, v_start) is None \
            and not any(w in before[:told_by] for w in GROUNDS):
        # "商务部公告2025年第70号决定，暂停实施…第55号相关措施至…" (session 50, near50/06: read as a step of the answer, held;
        # in a notice, a suspension from its own day to that end beside its extension, silently; session 58, held58): what
        # that notice decided, told. Not "根据…第70号决定，暂停实施…" (a ground: as before)
        return True
    if not ("于" in before or "曾" in before or "此前" in before or "已经" in before):
        return False  # one of PAST_WORDS is in every PAST_RE match
    last = None
    for last in PAST_RE.finditer(folded, s_start, v_start):
        pass
    if last is None:
        return False
    if own and last[0].endswith("决定") and PAST_DAY_RE.fullmatch(folded, folded.find("于", last.start()) + 1, last.end() - 2):
        return False  # "商务部于2026年11月20日决定，…": the marker's match holds the decision, the text's own (``own``)
    for m in PRESENT_RE.finditer(folded, last.end(), v_start):
        if m.group(0) == "决定" and not own and PAST_DAY_RE.fullmatch(folded, last.end(), m.start()):
            continue  # "商务部已于2026年12月4日决定，自…起恢复实施…": the 决定 of the past marker, told
        if not m.group(0).startswith("自"):
            return False
        when = effective_in(m.group(0), published)  # "自5月14日起" in a later answer is still history
        if when is None or published is None or when[:10] >= published.isoformat():
            return False
        if _start_after_expiry(folded, last.end(), m.start(), when, published):
            return False
    return True


TOLD_BY_NOTICE = "号决定"  # "…第70号决定，…": a numbered notice's decision, told (``told_as_past``)
SUCCESSIVELY_RE = lazy_compile(r"先后\s*(?:决定|宣布|作出)")  # "商务部先后决定暂停、继续暂停…": steps told (``told_as_past``)
GROUNDS = ("据", "照", "依")  # "根据/依据/按照…第70号决定，…": the notice a step rests on


# the end of a suspension, told between a past marker and a start ("…暂停期限已于2026年11月27日届满，自2026年11月28日起，…")
EXPIRED_DAY_RE = lazy_compile(rf"\s*(?:{YEAR}\s*年\s*)?{MD}\s*月\s*{MD}\s*日\s*(?:届满|期满|到期)")


def _start_after_expiry(folded: str, told: int, since: int, when: str, published: date) -> bool:
    """Whether the past marker ending at ``told`` tells the day a suspension ended and the start at ``since`` (``when``)
    is that day or later: "商务部公告2025年第72号规定的暂停期限已于2026年11月27日届满，自2026年11月28日起，恢复实施…第二款"
    in a notice of 12-01 restores from 11-28, the day after the end it tells (session 49: taken as history, the restore
    was the title's, from the notice's own day, 12-01, three days late, silently)."""
    if not any(w in folded[told:since] for w in ("届满", "期满", "到期")):  # (nearly every sentence: none)
        return False
    m = EXPIRED_DAY_RE.match(folded, told)
    if m is None:
        return False
    ended = effective_in(f"自{m[0].strip()[:-2]}起", published)
    if ended is None:
        return False
    gap = (date.fromisoformat(when[:10]) - date.fromisoformat(ended[:10])).days
    return gap >= 0


# "2027年12月，商务部决定暂停实施上述公告相关措施6个月" in a notice of 2028-06: a clause opening with a year and a month only,
# before the text's month, recounts a decision (session 36, audit36/21: read as a suspension from the notice's own day,
# 6 months, beside the restore it decides). A year is needed: "12月，" alone could be either year's.
OPENING_MONTH_RE = lazy_compile(rf"\s*(?:于\s*)?(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*,")


def dated_before(folded: str, s_start: int, published: date | None, notice: bool = False) -> bool:
    """"2025年5月14日，工作机制暂停…" in an answer of 2026: the clause opens with a day before the
    text's own (OPENING_DATE_RE; "…日起," more than SINCE_GRACE before), so it recounts a decision. In a notice
    (``notice``) "自…起," opens a recounted step only when the notice decides something after it ("自2025年11月10日起，
    暂停实施…。现决定，…"): one published late ("自2026年11月11日起，恢复实施…" of 11-20, its last sentence) decides it."""
    if published is None:
        return False
    m = OPENING_DATE_RE.match(folded, s_start)
    if m is None:
        told = OPENING_MONTH_RE.match(folded, s_start) if "月" in folded[s_start : s_start + 12] else None
        if told is None:
            return False
        year, month = to_int(told.group("y")), to_int(told.group("m"))
        return year is not None and month is not None and (year, month) < (published.year, published.month)
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
