"""Whether an answer's step is decided: a transcript's step with no decision word, a formal release's whose clause says
more before the verb than who decides (its grounds, its speaker, a plain lead-in)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storage.records import ActionKind

from ... import actions as act
from ...actions.apart import EACH, EACH_TERMS_RE
from ...actions.periods import FORMAL_DIGITS, FORMAL_TO_PLAIN
from ...actions.targets import decided_above
from ...actions.tense import told_done
from ...actions.words import TERM_RENEWED
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ..named import sentence_start
from .common import LEFT_OUT, SPEAKER_REACH, STEP_TERM, after_cjk, answer_said, clause_end

# A press conference transcript (例行新闻发布会, 记者会: several questions, each answered in the room), not the formal
# 答记者问 release: its answers comment, plan, doubt and recount far more than they decide.
TRANSCRIPT_WORDS = ("新闻发布会", "记者会")
TRANSCRIPT_HEAD = 300  # the head holding the transcript's heading ("商务部例行新闻发布会（2026年11月12日）")
# The words a transcript's answer decides a step with, in the step's sentence: "中方决定，自…起…", "为落实中美经贸磋商
# 共识，自…起暂停…" (the real answers), "宣布", "现将", "同意".
ANSWER_DECISION_RE = lazy_compile(r"决定|宣布|现将|同意|落实[^。\n]{0,40}?(?:共识|安排)")

# In a formal release (答记者问, a statement), what may stand before a step's verb in its clause when its sentence holds no
# decision word: an item's number or a plain lead-in, who or what takes the step (the authority, the measures or a notice,
# "中方对…相关措施", "对上述2家实体"), when the suspension ends and from when ("自2025年8月12日起，继续暂停…", "上述措施自…起恢复实施",
# "…相关措施的暂停期限于…届满后不再延长", "一、停止…" under "中方决定："), nothing else: no doubt, wish or report. Session 50 (qa50/09,
# /34, held before): the end told with 已 ("…的暂停期限已于…届满，"), "…第70号规定的暂停期限届满后，", a subject of notices joined by 、
# and 和 ("商务部 海关总署公告2025年第55号、第56号…和商务部公告2025年第61号、第62号相关措施自…起恢复实施").
_RS_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年"
_RS_DATE = rf"(?:{_RS_YEAR})?\d{{1,2}}月\d{{1,2}}日"
_RS_NOTICE = (rf"(?:\d{{1,2}}月\d{{1,2}}日公告|《[^《》]{{1,80}}》)?\(?(?:商务部(?:海关总署)?公告{_RS_YEAR}第\d+号(?:[、和及]第\d+号)*|商务部令{_RS_YEAR}第\d+号|"
              rf"不可靠实体清单工作机制(?:公告)?〔\d{{4}}〕\d+(?:号)?"
              r"(?:[、和及]\d+号)*)\)?(?:第[一二三四五六七八九十]+款)?")
_RS_WHO = (rf"(?:中方|我方|中国政府|商务部|不可靠实体清单工作机制|工作机制|对?(?:[、和及与]?(?:{_RS_NOTICE}|上述|该|其余|有关|相关))+(?:公告)?"
           r"(?:相关|规定的)?(?:反制)?措施|"
           rf"{_RS_NOTICE}|对(?:上述|该公告所列|该|其余|其他|{_RS_NOTICE}所列的?)(?:其他|其余)?(?:\d+|[一二两三四五六七八九十]+)?家?(?:美国)?实体)")
_RS_ADV = r"(?:将|已|也|同时|还|亦|均|依法|正式|按期|自动)*"
_RS_END = rf"(?:(?:规定)?的?(?:上述|该)?(?:暂停)?(?:期限?)?(?:将|已)?(?:于{_RS_DATE})?(?:届满|期满)后?|(?:届满|期满)后?)"
_RS_FROM = rf"(?:自(?:{_RS_DATE}|即日|今日|同日|(?:本次答问|本公告|公告)?(?:发布|公布)之日)起(?:\d+日后)?(?:至{_RS_DATE})?)"
RELEASE_SUBJECT_RE = lazy_compile(rf"(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、])?(?:经研究|此外|另外|同时|届时)?"
                                  rf"{_RS_WHO}?{_RS_END}?{_RS_ADV}{_RS_FROM}?{_RS_ADV}(?:{_RS_WHO}{_RS_ADV}){{0,2}}")

# A clause's bounds within a sentence (the folded text writes "，；：" as ",;:").
ANSWER_CLAUSE_MARKS = ",;:"
CLAUSE_MARK_RE = re.compile(r"[,;:]")  # the first of ANSWER_CLAUSE_MARKS, one search

# Who decides, before the decision word in its clause (ANSWER_DECISION_RE): the authority, maybe on a ground of the same
# clause, already or now ("中方决定", "商务部已决定", "中方已经决定", "经研究决定", "我宣布", "中方作出如下决定", "中方经认真研究决定").
# (the joint issuers of item controls decide too, "商务部、海关总署决定，…": session 50, qa50/10 was held)
_DECIDER = r"(?:中方|我方|中国政府|商务部[、和与]?海关总署|商务部|不可靠实体清单工作机制|工作机制|我们|我|(?:商务部)?(?:新闻)?发言人)"
DECIDER_RE = lazy_compile(rf"(?:经研究|此外|另外|同时|对此|为此|因此)?(?:{_DECIDER}(?:[和、与]{_DECIDER})*)?"
                          r"(?:(?:根据|按照|依据|经|会同)[^,;:决宣同现]{1,30}?)?"
                          r"(?:已经|已|现|正式|依法|研究|认真研究|特此|也|还|并|同时|作出|做出|如下|以下|曾经?|此前|先后|于|\d{4}年|\d{1,2}月|\d{1,2}日"
                          # a day in words, "中方已于十二月一日决定" (session 41, qa41/29: held for a person)
                          r"|[〇零一二三四五六七八九]{4}年|[一二三四五六七八九十]{1,3}月|[一二三四五六七八九十]{1,3}日)*")
# ... or the ground "为落实…共识" said by the authority ("为落实", "中方为继续落实").
LUOSHI_LEAD_RE = lazy_compile(r"(?:中方|商务部|我们)?为了?(?:继续|进一步|切实|更好地?)?")
# A ground before a step's clause in a release, no decision word said: "为落实…共识", "经中美双方协商一致", "根据双方磋商结果", "鉴于…";
# or the authority's own account of what it did ("商务部已于5月14日发布相关措施", "工作机制今天发布公告"), or its spokesperson
# speaking ("商务部新闻发言人表示").
REASON_RE = lazy_compile(rf"为了?(?:继续|进一步|切实)?落实|经(?!研究)|根据|按照|依据|鉴于|基于"
                         # the authority telling what it did before or today ("商务部已于5月14日发布相关措施", "工作机制今天发布公告")
                         rf"|{_DECIDER}?(?:已于|已经|此前|曾|先后|(?:今天|今日)[^,;:]{{0,8}}?(?:发布|宣布|公布))"
                         rf"|{_DECIDER}(?:表示|指出|介绍|强调)$")

STEP_TAIL_RE = lazy_compile(rf"[\"”’」』]?(?:\([^()]*\))*(?:的暂停(?:实施|执行)?(?:安排)?)?(?:(?:的)?(?:暂停)?期限)?(?:为|延长|再延长)?"
                            rf"{STEP_TERM}?(?:\([^()]*\))*外?[\"”’」』]?")

# After the object of "不再对" (a restore): the suspension's term no longer extended, "不再对…相关措施的暂停期限予以延长" (session 42,
# actions42: held for a person since session 41; the restore is read from the day its sentence gives, else from the end of
# the suspension the answer told, ``targets.on_targets``; neither told: held, ``page.unread_expiry``).
TERM_NOT_EXTENDED_RE = lazy_compile(rf"(?:的)?{TERM_RENEWED}")  # (the clause asked holds no blank)

# A clause the authority opens ("中方高度重视…", "商务部注意到…"): its own words, before its decision.
AUTHORITY_LEAD_RE = lazy_compile(rf"(?:{_DECIDER}|中方)(?!称)")
# A ground the authority gives before its decision, however many clauses it takes ("鉴于美方…，严重违背双方共识，中方决定…",
# "考虑到…，…决定", "为防止可能出现的误解，中方决定…", "为此，中方决定…").
OWN_GROUND_RE = lazy_compile(r"为|鉴于|考虑到|基于|由于|随着|针对|据此|对此|因此|根据|按照|依据")
# A clause naming the topic before the decision ("关于…相关措施，中方决定…", "对于美方的要求，…", "作为回应，中方决定…"): the
# authority's own framing, that clause alone (session 40, qa40's probes: a press conference's suspension held for a person).
TOPIC_LEAD_RE = lazy_compile(r"关于|对于|至于|作为回应|作为反制")
# ... unless the topic is others' words ("关于外媒报道，中方决定…，我不掌握有关情况", "对于美方官员表示，…"): the decision after
# it may be theirs, repeated (session 41, review42: read as a suspension, a false item). Asked of that clause alone.
TOPIC_TALK_RE = lazy_compile(r"报道|消息|传言|传闻|说法|言论|猜测|表示|认为|指出|透露|据悉|(?<![名简])称")
# A report named in any clause before the step's: "根据外媒报道，中方决定…" / "针对有媒体报道，…" is no ground of the authority's
# (REASON_RE's 根据, OWN_GROUND_RE's 针对 took it as one: session 41, review42, read as a suspension, a false item).
REPORTED_RE = lazy_compile(r"报道|传言|传闻|网传|据悉|消息称|媒体称")
# A connective that is a whole clause ("因此，", "对此，"): it starts no ground of its own, so the clauses after it are judged
# ("对此，美方希望，中方决定…" was read as the step, OWN_GROUND_RE's "对此" taking the rest as the ground: review40).
CONNECTIVE_CLAUSES = frozenset({"为此", "对此", "因此", "据此"})
# A point's number opening an answer's paragraph ("第二，为落实双方共识，中方决定，…"): a plain clause (session 41, qa41/14:
# a press conference's suspension held for a person).
ORDINAL_CLAUSES = frozenset({"第一", "第二", "第三", "第四", "第五", "第六", "首先", "其次", "再次", "最后", "另外", "同时"})

# A doubt in the step's own clause after a decided step of its sentence ("中方决定，自…起停止实施{…第21号}相关措施，对于{…7号}相关
# 措施，中方会否自同日起恢复实施，将根据美方表现而定", "…，{…7号}相关措施要不要恢复实施…", "…，并视美方表现自同日起恢复实施…"):
# the sentence's decision word does not take it (session 42, actions42: each read as a restore, a false item, silently; a
# transcript's step so doubted is held apart, ``scraper.parse.held``).
DOUBT_IN_CLAUSE_RE = lazy_compile(r"会否|会不会|要不要|视(?=美方|对方|外方)")

ITEM_NUMERALS = tuple("一二三四五六七八九十(")  # a numbered item's first character (ITEM_LINE_RE's), the cheap test
# A paragraph numbered in Arabic digits ("2. 为落实双方共识，中方决定，…": ``_unnumbered``), not a year ("2027年，…").
ARABIC_ITEM_RE = lazy_compile(r"\d{1,2}[.、]")
ARABIC_DIGITS = tuple("0123456789")

# What ends a step's object: measures, a clause or a notice; a listing's or a removal's, the list ("…移出不可靠实体清单一事纯系谣言"
# was read as the removal: review40), not a list naming whose measures ("暂停对…被列入出口管制管控名单的16家美国实体…")
STEP_OBJECTS = ("措施", "款", "号")
LISTING_OBJECTS = (*STEP_OBJECTS, "清单", "名单")
LISTING_STEPS = (ActionKind.REMOVE, ActionKind.IMPOSE)

# After a notice's clause ("…第46号第二款"), its provisions named: the same object (``_told_as_noun``).
CLAUSE_PROVISIONS = ("相关规定", "有关规定", "的相关规定", "的有关规定", "的规定", "规定")


def _is_transcript(src: Source, d: Draft) -> bool:
    """A press conference's transcript (TRANSCRIPT_WORDS in the title or head), not the formal 答记者问 release."""
    if "答记者问" in d.folded_title:
        return False
    head = src.folded[:TRANSCRIPT_HEAD]
    return any(word in d.folded_title or word in head for word in TRANSCRIPT_WORDS)


def undecided_steps(src: Source, d: Draft) -> Iterator[tuple[act.ActionDraft, int, int]]:
    """The answer's steps no decision of the authority's takes (``_decided``), with their sentence (``s0:s1``), and
    those told as a noun, not said (``_told_as_noun``: "中方决定自…起停止…相关措施的前提是…", "…相关措施系误传"); a restore the
    authority tells as done on a day it names (``tense.told_done``: "…已于2026年11月10日按期恢复实施", parse26/02) left
    out: a fact the answer states, no decision to be said. The two gates below judge what else the sentence says."""
    folded = src.folded
    said: dict[tuple[int, int], bool] = {}  # (sentence, decision word): ``_decision_said``, once for a sentence's steps
    for x in d.drafts:
        s0, s1 = x.sentence or (sentence_start(folded, x.start), act.sentence_end(folded, x.start))
        s0 = max(s0, _answer_start(d.spans, x.start))
        if _decided(folded, s0, x.start, said) and not _told_as_noun(folded, x, s1) \
                and DOUBT_IN_CLAUSE_RE.search(folded, _clause_start(folded, s0, x.start), x.start) is None:
            continue
        if x.action is ActionKind.RESTORE and told_done(folded, s0, x.start, d.published)[0]:
            continue
        if folded.startswith(ITEM_NUMERALS, s0) and decided_above(folded, x.start):
            continue  # "中方决定：\n…二、自…起，对…所列的X（x）恢复实施…": the lead-in decides its items (session 39, audit39/26)
        if s0 > 0 and folded[s0 - 1] == "。" and _adjustment_decided_before(folded, s0, x, s1, d, said):
            continue  # "中方决定对…相关措施作出调整。自…起，暂停实施…" (qa39/28, B: held for a person)
        yield x, s0, s1


def _answer_start(spans: list[tuple[int, int]], at: int) -> int:
    """The start of the answer holding ``at``: a news item's lead before the spokesperson's words ("记者5月20日从商务部获悉，
    商务部新闻发言人表示，", ``qa._reported_start``) is none of his sentence (blind55/17, open53)."""
    return next((a for a, b in spans if a <= at < b), 0)


def _adjustment_decided_before(folded: str, s0: int, x: act.ActionDraft, s1: int, d: Draft,
                               said: dict[tuple[int, int], bool]) -> bool:
    """Whether the sentence before the step's (in its paragraph) is the authority's decision to adjust, naming no step of its
    own ("经研究，中方决定对4月4日公告相关措施作出调整。"), and the step's sentence says only when and what ("自…起，暂停实施…"):
    the decision word stood in the sentence before (session 39, qa39/28: a press conference's suspension held for a person)."""
    p0 = sentence_start(folded, s0 - 1)
    word = folded.find("决定", p0, s0)
    if word < 0 or folded.find("调整", word, s0) < 0 or act.VERB_RE.search(folded, word, s0) is not None:
        return False  # (nearly every step: no 决定 in the sentence before)
    if not _decided(folded, p0, s0 - 1, said):
        return False
    c0 = _clause_start(folded, s0, x.start)
    lead = "".join(folded[c0 : x.start].split())
    return (not lead or RELEASE_SUBJECT_RE.fullmatch(lead) is not None) \
        and _plain_before(folded, s0, c0, [y.start for y in d.drafts]) and not _told_as_noun(folded, x, s1)


def _clause_start(folded: str, s0: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last ",", ";" or ":" before it in its sentence (from ``s0``), or a
    full stop written "." (``_last_dot``)."""
    start = max(s0, folded.rfind(",", s0, pos) + 1, folded.rfind(";", s0, pos) + 1, folded.rfind(":", s0, pos) + 1)
    return _last_dot(folded, start, pos) + 1 or start


def _decided(folded: str, s0: int, at: int, said: dict[tuple[int, int], bool]) -> bool:
    """Whether a decision word before the verb at ``at`` in its sentence (ANSWER_DECISION_RE) is the authority's, said now
    (``_decision_said``; ``said`` keeps its answers for the sentence's other steps)."""
    for m in ANSWER_DECISION_RE.finditer(folded, s0, at):  # (every match holds a mark: no gate of finds needed)
        key = (s0, m.start())
        verdict = said.get(key)
        if verdict is None:
            verdict = said[key] = _decision_said(folded, s0, m.start())
        if verdict:
            return True
    return False


def _decision_said(folded: str, s0: int, w: int) -> bool:
    """Whether the decision word at ``w`` (ANSWER_DECISION_RE's match) is the authority's, said now: only who decides
    stands before it in its clause (DECIDER_RE: "中方决定", "商务部已决定", "经研究决定", "我宣布", "为落实…共识"). Not
    "关于中方决定…一事", "中方不同意…", "中方从没决定过…", "中方将决定…", "中方什么时候决定…", "中方将在适当时机宣布…",
    "美国贸易代表办公室宣布，中方将…", "中美双方同意就…" (session 39, qa39: each read as the step, the word anywhere in the
    sentence deciding it); and the clauses before its own say nothing but grounds, the authority's words or other steps
    (``_plain_before``): not "据美国媒体报道，中方决定…", "美方希望，中方决定…", "有美国智库建议，中方决定…" (qa39's second probe)."""
    c0 = _clause_start(folded, s0, w)
    lead = _unnumbered("".join(folded[c0:w].split()), c0 == s0)
    return (LUOSHI_LEAD_RE if folded.startswith("落实", w) else DECIDER_RE).fullmatch(lead) is not None \
        and _plain_before(folded, s0, c0, (), own=True)


def _unnumbered(clause: str, first: bool) -> str:
    """``clause`` without the item number opening its sentence's first clause (``first``): a statement's or an answer's
    numbered paragraph ("二、为落实双方共识，中方决定，自…起，继续暂停…", "（二）中方决定，…") is the authority's words as the
    paragraph without it (session 53, blind55/14: a 发表谈话 statement's extension held for a person). ITEM_LINE_RE's
    numbers and "2." (ARABIC_ITEM_RE, blind55/52): "第二，" is a clause of its own (ORDINAL_CLAUSES)."""
    if not first:
        return clause
    if clause.startswith(ITEM_NUMERALS):
        m = act.ITEM_LINE_RE.match(clause)
    elif clause.startswith(ARABIC_DIGITS):
        m = ARABIC_ITEM_RE.match(clause)
    else:
        return clause  # (nearly every clause: no numeral first)
    return clause if m is None else clause[m.end():]


def _told_as_noun(folded: str, x: act.ActionDraft, s1: int) -> bool:
    """Whether step ``x`` is told as a noun or asked, not said: its clause goes on after its object (the last 措施, 款 or
    notice; a listing's or removal's list) with more than its term ("…相关措施的前提是，…", "…相关措施系误传", "…相关措施一事
    纯系谣言", "…相关措施等问题", "…相关措施的具体安排"), or asks it ("…相关措施？没有这回事。"; session 39, qa39: each read as the step)."""
    end = clause_end(folded, x.start, s1)
    clause = "".join(folded[x.start : end].split())  # "相关措\t施": a stray blank is no word
    # (each object word asked by name, not by a generator over STEP_OBJECTS / LISTING_OBJECTS: ~1,500 instructions a step)
    listing = x.action in LISTING_STEPS
    if "措施" not in clause and "款" not in clause and "号" not in clause \
            and not (listing and ("清单" in clause or "名单" in clause)):
        return False  # no object told as these are: nothing to judge
    tail_at = max(clause.rfind("措施") + 2, clause.rfind("款") + 1, clause.rfind("号") + 1, clause.rfind("号)") + 2,
                  clause.rfind("清单") + 2 if listing else 0, clause.rfind("名单") + 2 if listing else 0)
    # nothing after the object: STEP_TAIL_RE matches the empty tail (tests/scraper/test_parse_gates.py), not asked
    tail = clause[tail_at:]
    if tail and tail.startswith(CLAUSE_PROVISIONS) and tail_at == clause.rfind("款") + 1:
        # "继续暂停实施商务部公告2024年第46号第二款相关规定至2027年11月27日": the clause's provisions are its object still
        # (session 51, qa51/22: held for a person)
        tail = tail[tail.find("规定") + 2 :]
    if tail and any(ch in tail for ch in FORMAL_DIGITS):
        tail = tail.translate(FORMAL_TO_PLAIN)  # "…相关措施壹年": the term as the dates read it (``periods.duration_in``)
    if tail and folded.endswith(EACH, max(0, x.start - 2), x.start) and len(x.targets) == 1 \
            and EACH_TERMS_RE.fullmatch(tail) is not None:
        tail = ""  # "分别暂停实施…相关措施6个月和1年": a step for each notice, its own term (``actions.apart.per_notice``)
    return folded.startswith("?", end) or tail_at < len(clause) and STEP_TAIL_RE.fullmatch(tail) is None \
        and not (x.action is ActionKind.RESTORE and folded.startswith("不再对", x.start)
                 and TERM_NOT_EXTENDED_RE.fullmatch(clause[tail_at:]) is not None)


def undecided_release_step(src: Source, d: Draft) -> str | None:
    """A step read in a formal release's answer (答记者问, a spokesperson's statement; not a transcript, which
    ``undecided_transcript_step`` holds) that no decision of the authority's takes, and whose clause says more before the
    verb than who takes it and from when (RELEASE_SUBJECT_RE): "中方无意自…起恢复实施…", "中方倾向于自…起继续暂停…",
    "中方不打算…", "美方期望中方…" (session 38, qa38: 19 of 25 such wordings were each read as the step; NOT_NOW_RE can never
    list them all); or whose sentence says something else before its clause (``_plain_before``: "美方官员表示，中方将自…起
    停止…", session 39); or told as a noun (``_told_as_noun``). Left out, for a person to read. The bare decision stays
    read: "自…起，停止…", "对其余14家实体，继续暂停…", "一、自…起…" under "中方决定：", "经中美双方协商一致，自…起，暂停…"."""
    if not d.qa or not d.drafts or _is_transcript(src, d):
        return None
    folded = src.folded
    verbs = [x.start for x in d.drafts]
    for x, s0, s1 in undecided_steps(src, d):
        c0 = _clause_start(folded, s0, x.start)
        lead = "".join(folded[c0 : x.start].split())  # "自2026 年11月11日起": a stray space is no word
        if (lead and RELEASE_SUBJECT_RE.fullmatch(lead) is None) or not _plain_before(folded, s0, c0, verbs) \
                or _told_as_noun(folded, x, s1):
            return f"a spokesperson's answer reads a step whose clause says more than who takes it and when " \
                   f"(\"{answer_said(src, s0, s1)}\"){LEFT_OUT}"
    return None


def _last_dot(folded: str, start: int, end: int) -> int:
    """The last full stop written "." in ``folded[start:end]`` (``after_cjk``), or -1."""
    i = folded.rfind(".", start, end)
    while i >= 0 and not after_cjk(folded, i):
        i = folded.rfind(".", start, i)
    return i


def _plain_before(folded: str, s0: int, c0: int, verbs: list[int] | tuple[()], own: bool = False) -> bool:
    """Whether each clause of the sentence before the step's (``s0:c0``) is a speaker's label ("答："), plain
    (RELEASE_SUBJECT_RE: "自…起", "此外"), a ground (REASON_RE: "为落实…共识", "经中美双方协商一致", "鉴于…") or another step's
    (a verb of ``verbs`` or VERB_RE's: "自…起，继续暂停…90天，停止…", "…届满后不再延长，自…起恢复实施…"): not "美方官员表示",
    "有外媒报道" (session 39, qa39: read as the step). Before a decision (``own``), a clause the authority opens says its own
    mind too ("中方高度重视美方关切，决定…", "中方本着…的原则，决定…")."""
    start = _last_dot(folded, s0, c0) + 1 or s0  # "…列入不可靠实体清单.为落实…": a full stop written "."
    while start < c0:
        mark = CLAUSE_MARK_RE.search(folded, start, c0)
        end = c0 if mark is None else mark.start()
        clause = _unnumbered("".join(folded[start:end].split()), start == s0)
        label = start == s0 and folded.startswith(":", end) and end - start <= SPEAKER_REACH
        if not label and REPORTED_RE.search(clause) is not None:
            return False
        if own and clause in CONNECTIVE_CLAUSES or clause in ORDINAL_CLAUSES:
            start = end + 1
            continue
        if own and OWN_GROUND_RE.match(clause) is not None:
            return True  # the rest of the ground, up to the decision
        if not (label or RELEASE_SUBJECT_RE.fullmatch(clause) or REASON_RE.match(clause)
                or any(start <= v < end for v in verbs) or act.VERB_RE.search(clause) is not None
                or own and (AUTHORITY_LEAD_RE.match(clause) is not None
                            or TOPIC_LEAD_RE.match(clause) is not None and TOPIC_TALK_RE.search(clause) is None)):
            return False
        start = end + 1
    return True


def undecided_transcript_step(src: Source, d: Draft) -> str | None:
    """A step read in a press conference's answer whose sentence holds no decision word (ANSWER_DECISION_RE): the
    doubt words before a verb (NOT_NOW_RE) can never list every way an answer doubts, supposes or reports a step
    ("中方正在研究是否…", "有分析认为…"), and each one missing was a false step (session 37, qa37: 23 cases). Left out,
    for a person to read."""
    if not d.qa or not d.drafts or not _is_transcript(src, d):
        return None
    for _, s0, s1 in undecided_steps(src, d):
        return f"a press conference's answer reads a step with no decision word in its sentence " \
               f"(\"{answer_said(src, s0, s1)}\"){LEFT_OUT}"
    return None
