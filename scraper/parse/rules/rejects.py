"""Rejections: texts that are no notice (an off-topic answer, an unnumbered text with no body or no action, a reprint,
a paper's report of a change). Each is asked as soon as the fields it reads are filled (``REJECTS``)."""

from __future__ import annotations

import re

from storage.records import ActionKind

from ..draft import BODY_LINE_MIN, Draft, Source, first_line
from ..lazyre import lazy_compile
from ..number import find_own_number
from ..qa import (
    ANSWER_MARK_RE,
    QUESTION_BREAK_RE,
)
from ..textnorm import fold
from .checks.answers import (
    not_renewed_on_number,
    told_answer_step,
    unread_answer_step,
    unread_step_after_end,
    unread_suspension_holds,
)
from .identify import own_source
from .named import sentence_start

# A paper's words for what MOFCOM said or did ("商务部12日晚间宣布，…继续暂停…", "据商务部网站消息，商务部新闻
# 发言人表示，…", "记者从商务部获悉，…"): before a status change in its sentence, they tell the change.
REPORTED_RE = lazy_compile(r"宣布|表示|获悉|消息|报道|据悉|透露|指出|回应")
# A news agency's dateline opening the text ("新华社北京3月6日电（记者王涛）", "中新网3月6日电", "（中央社台北6日电）"): a press
# report, whatever listing or change it tells (session 37, audit37/13 and its probe: "商务部昨天发布公告，决定将…等4家美国实体列入
# 出口管制管控名单" read as a listing of nobody under a DOC key). A report quoting a whole notice holds that notice's own number.
WIRE_DATELINE_RE = lazy_compile(r"(?:新华社|中新社|中新网|人民网|央视网|中央社|国际在线|环球网)[^\n。]{0,12}?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*电")
WIRE_HEAD = 120  # characters of a text's head its dateline is looked for in
# MOFCOM publishing a text itself: its 【发布单位】 line names it, or the page is in its spokesperson's section
# (``/xwfb/xwfyrth/``, shared/domain.md b.1; its news sections also repost papers' reports). Its spokesperson's
# statement ("商务部新闻发言人表示，…商务部决定…继续暂停…") says 表示 as a paper does.
OWN_PUBLISHER_RE = lazy_compile(r"【\s*发布单位\s*】[^\n]*(?:商务部|工作机制)")
SPOKESPERSON_URL_RE = lazy_compile(r"^https?://(?:[\w-]+\.)*mofcom\.gov\.cn/xwfb/xwfyrth/", re.IGNORECASE)
STATE_CHANGES = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)
# Other authorities that decide lists and measures of their own (the Taiwan Affairs Office's "台独"顽固分子清单 and
# 惩戒, customs, market regulation, the Hong Kong government): none of ours, whatever list or law they name.
_OTHER_AUTHORITIES = (r"(?:国务院台湾事务办公室|台湾事务办公室|国台办|海关总署|国家市场监督管理总局|市场监督管理总局|市场监管总局|公安部"
                      r"|国家安全部|财政部|国家发展和改革委员会|国家发展改革委|香港特区政府|香港特别行政区政府|特区政府|特别行政区政府)")
# ... as the text's publisher: a title line opening with one ("国务院台湾事务办公室关于…", "海关总署公告2026年第190号", "国台办：…")
# or its source line ("来源：国务院台湾事务办公室").
OTHER_PUBLISHER_RE = lazy_compile(rf"(?:^|\n)\s*(?:来源\s*:\s*)?{_OTHER_AUTHORITIES}")
OTHER_PUBLISHER_HEAD = 160  # characters of a text's head its title and source line are looked for in
# ... as the title of a notice of its own ("海关总署公告2027年第30号（关于执行商务部公告2027年第9号有关规定的公告）").
OTHER_NOTICE_TITLE_RE = lazy_compile(rf"\s*{_OTHER_AUTHORITIES}\s*(?:公告|令|关于)")
# ... or a local commerce department's title ("上海市商务委员会关于转发《商务部公告2026年第151号》的通知", "浙江省商务厅关于…"), or a
# forwarding's ("转发商务部公告2026年第151号（…）" under "来源：广东省商务厅": audit38/29, read as No. 151 from the bureau's day): our
# number in it is the notice it forwards, its text attached (session 38, audit38/21: read as No. 151, a measure from the
# bureau's day, and kept over the ministry's own page as the notice's reading).
LOCAL_BUREAU_TITLE_RE = lazy_compile(r"\s*(?:[\u4e00-\u9fff]{2,12}?(?:商务厅|商务委员会|商务局)\s*(?:关于|公告|通知)|(?:关于)?\s*转发)")
# ... as the subject deciding ("国务院台湾事务办公室决定将林某甲…3人列入…清单", "海关总署决定对…采取反制措施").
OTHER_DECIDER_RE = lazy_compile(rf"{_OTHER_AUTHORITIES}\s*(?:依法|研究|经研究)?\s*决定")  # characters of a Q&A's head looked at for a stated day
# ... as the speaker of a Q&A or press conference, its title opening with it after a day or not ("国防部新闻发言人就…答记者问",
# "2027年4月13日外交部发言人毛宁主持例行记者会"): its answers recount MOFCOM's listings, none of them a step (session 36,
# audit36/12 and /14: a Ministry of National Defense answer read as a MOFCOM Q&A, "no action found in the answer"; an MFA
# press conference's "商务部已依法决定将…3家美国实体列入…" read as a listing of nobody under a DOC key).
# Not one naming countermeasures or sanctions (SANCTION_WORDS: an MFA spokesperson's "中方决定对…采取以下反制措施", mfa20/05,
# "依据《…反外国制裁法》，中方决定对…采取制裁措施", mfa22/08: refused for review, as before).
SANCTION_WORDS = ("反制", "制裁措施", "反外国制裁法")
OTHER_SPEAKER_RE = lazy_compile(rf"\s*(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*)?(?:{_OTHER_AUTHORITIES}|外交部|国防部)\s*"
                                r"(?:新闻发言人|发言人|例行记者会|定期记者会|例行新闻发布会)")
# ... or its source line ("来源：外交部网站" under "毛宁主持例行记者会"; probe P1b).
OTHER_SPEAKER_SOURCE_RE = lazy_compile(r"(?:^|\n)\s*来源\s*:\s*(?:外交部|国防部)")


# Each is asked as soon as the fields it reads are filled (``REJECTS``): a text it rejects skips
# the rules after it. They read ``drafts``, not the ``actions`` built from them: there is an
# action record for every draft (``action_records`` dedupes, and leaves out only an action limited to
# an entity that could not be read, which ``unread_limit`` reports).


def off_topic_answer(src: Source, d: Draft) -> bool:
    """A spokesperson answer about something else (trade data, tariffs, ...). Not one that decides a step on measures
    it names no notice for (``unread_answer_step``: "中方决定，自…起，停止执行对上述16家美国实体采取的出口管制措施" under a
    title naming no list, the list named in the question): rejected, it was dropped without a word (session 25,
    parse25); kept, its check refuses it for a person to read. Nor one saying a notice's suspension still holds
    ("…第21号相关措施的暂停继续有效，暂停期限至2027年11月10日" under "就出口管制有关问题答记者问": dropped, the listing "back in
    force", session 38, story39 S5c): ``unread_suspension_holds`` refuses it. Nor one going on with a step after a term's
    end it tells ("…已于11月27日届满，继续暂停实施…", session 42, story43): ``unread_step_after_end``. Nor one telling a
    decision on a notice by number taken before, under a title announcing a change (session 49, fix57):
    ``checks.told_answer_step``. Nor one recounting a step a notice took (``d.recaps``: "商务部已于…发布公告，自…起，停止实施
    …第21号相关措施" under "…就出口管制有关问题答记者问"; session 51, recount51): kept, the engine checks that a stored notice
    takes it (storage/lifecycle/recaps.py). Nor one saying a notice's suspension is not renewed ("中方不再延长暂停实施…第21号
    相关措施" in a press conference: session 59, held59): ``not_renewed_on_number``, held by ``page.unread_expiry``."""
    return d.qa and not d.drafts and d.context_list is None and unread_answer_step(src, d) is None \
        and unread_suspension_holds(src, d) is None and unread_step_after_end(src, d) is None \
        and not told_answer_step(src, d) and not d.recaps and not not_renewed_on_number(src, d)


def unnumbered_without_body(src: Source, d: Draft) -> bool:
    """An unnumbered text is a notice only when it has body text (whatever it says)."""
    if d.qa or d.own:
        return False
    for line in src.lines:
        if len(line) >= BODY_LINE_MIN:
            return False
    return True


def unnumbered_without_action(src: Source, d: Draft) -> bool:
    """An unnumbered text is a notice only when it acts."""
    return not d.qa and not d.own and not d.drafts


# "为便于出口经营者查询，现将截至…出口管制管控名单所列实体汇总如下。本汇总仅供参考，各实体的列入、移出及相关措施以商务部公告为
# 准": a list compiled for reference (aqygzj's 清单目录), each row naming the notice that listed it; it decides nothing (session
# 45, audit45/28: read under a DOC key as a removal of all 6 rows from the ECL, from "列入、移出" and a removal recounted).
FOR_REFERENCE = ("仅供参考", "供参考")
AS_THE_NOTICES_SAY = "为准"


def unnumbered_reference_list(src: Source, d: Draft) -> bool:
    """An unnumbered text saying it is for reference only and that the notices decide ("…仅供参考，…以商务部公告为准"):
    no notice, whatever its verbs (a list compiled from the notices, which are read from their own pages)."""
    if d.qa or d.own or not d.drafts:
        return False
    folded = src.folded
    return AS_THE_NOTICES_SAY in folded and any(w in folded for w in FOR_REFERENCE)


def unnumbered_reprint(src: Source, d: Draft) -> bool:
    """An unnumbered text that holds a notice's title line (a line opening with a number of a
    notice's own, no sentence: "商务部公告2025年第22号 公布将12家美国实体列入…") before its first action
    gives that notice after words of its own (a reprint whose lead ``read_source`` did not know): its
    actions are the notice's, which is read from its own page under its own key. Acting here too, under
    a DOC key, would list the same entities a second time."""
    if d.qa or d.own or not d.drafts:
        return False
    first = min([x.start for x in d.drafts])
    folded, text = src.folded, src.text
    find = folded.find
    pos = find("号", 0, first)  # every number ends in 号
    while pos >= 0:
        start = folded.rfind("\n", 0, pos) + 1
        end = find("\n", pos)
        end = len(folded) if end < 0 else end
        line = folded[start:end]
        if "。" not in line and "," not in line and find_own_number([text[start:end].strip()], [line.strip()], text,
                                                                     strict=True):
            return True
        pos = find("号", end, first)
    return False


def _published_by_mofcom(src: Source) -> bool:
    """Whether MOFCOM published the text itself (its spokesperson's page, its 【发布单位】 line): its own words."""
    return (SPOKESPERSON_URL_RE.match(src.hints.url or "") is not None
            or OWN_PUBLISHER_RE.search(src.folded, 0, 400) is not None)


def reported_change(src: Source, d: Draft) -> bool:
    """A text of no number of its own that tells a status change in a paper's words ("中国商务部12日晚间宣布，
    对…16家美国实体，继续暂停实施相关措施90天") is a press report: it changes nothing itself (the Q&A or
    notice that made the change does, under its own key), dated or not. So is a "Q&A" that is only a
    report quoting the answer ("中国商务部今晚发布答记者问。商务部新闻发言人表示，「自…起，继续暂停…」"): no
    question, no answer mark, no MOFCOM source line. An answer ("答：商务部于5月14日宣布暂停…") is
    MOFCOM's own words and still acts, and so does a text MOFCOM publishes itself (its spokesperson's
    statement on its site: ``_published_by_mofcom``)."""
    if d.own or not d.drafts or _published_by_mofcom(src):
        return False
    folded = src.folded
    if d.qa and (own_source(d.dateline[1] or src.hints.source) or QUESTION_BREAK_RE.search("\n" + folded)):
        return False  # MOFCOM's Q&A (its source line, else its page's ContentSource meta: open53/16), or one that asks
    if ANSWER_MARK_RE.search(folded):
        return False
    if "电" in folded[:WIRE_HEAD] and WIRE_DATELINE_RE.search(folded, 0, WIRE_HEAD) is not None:
        return True  # a wire report of a listing or a change ("新华社北京3月6日电 商务部昨天发布公告，决定将…列入…")
    for x in d.drafts:
        if x.action in STATE_CHANGES and REPORTED_RE.search(folded, sentence_start(folded, x.start), x.start):
            return True
    return False


# A draft put out for comment: its title or lead says so ("商务部公告2027年第  号（征求意见稿）"; with no number of its own,
# "…公开征求意见的通知"). A numbered notice "经公开征求意见" (a rule made after comments) is no draft.
DRAFT_WORD, COMMENT_WORD = "征求意见稿", "征求意见"
DRAFT_HEAD = 200  # characters of a text's head (its title and lead) the words are looked for in


def consultation_draft(src: Source, d: Draft) -> bool:
    """A draft for comment (DRAFT_WORD, or COMMENT_WORD in a text of no number, in its head) decides nothing, whatever its draft notice says ("商务部决定将…3家美国
    实体列入出口管制管控名单": session 34, audit34/14, read as a listing of 3 under a DOC key, silently). Not an answer (its
    title may name a draft it speaks of)."""
    if d.qa or not d.drafts:
        return False
    return src.folded.find(DRAFT_WORD if d.own else COMMENT_WORD, 0, DRAFT_HEAD) >= 0


def _other_speaker(src: Source) -> bool:
    """Whether the text's title (the page's, else its first line) opens with another ministry's spokesperson or press
    conference, or its source line names one."""
    title = src.title_hint or first_line(src.text)  # (not folded: the words it looks for are the same either way)
    if title.startswith("商务部"):  # MOFCOM's own answers, most texts asked here
        return False
    if ("发言人" in title or "记者会" in title or "发布会" in title) and OTHER_SPEAKER_RE.match(title) is not None:
        return True
    head = src.folded[:OTHER_PUBLISHER_HEAD]
    return ("外交部" in head or "国防部" in head) and OTHER_SPEAKER_SOURCE_RE.search(head) is not None


def another_authority(src: Source, d: Draft) -> bool:
    """A text of no number of ours that another authority publishes or decides (OTHER_PUBLISHER_RE, OTHER_DECIDER_RE): its
    lists and measures are none of ours (session 33, audit33/03 and the probes after it: the Taiwan Affairs Office's
    "决定将…3人列入“台独”顽固分子清单" read as a measure on the ECL on "林某甲、陈某乙、黄某丙3人", its "决定对…2家企业采取反制
    措施" and customs' as countermeasure listings, DOC-keyed, silently; the texts recounted an ECL listing or cited the
    Anti-Foreign Sanctions Law). A MOFCOM notice names another authority as a co-issuer with a number of its own
    ("商务部 海关总署公告2025年第55号"), and a Q&A is MOFCOM's own."""
    if d.own:
        # "海关总署公告2027年第30号（关于执行商务部公告2027年第9号有关规定的公告）": our number named in another authority's
        # title is the notice it carries out, not this text's (session 37, audit37/11: read as No. 9, a listing of 1 of its 4)
        # (a reprint's line "香港特別行政區政府工業貿易署　轉載" above our text is none: audit36/01)
        title = src.title_hint or first_line(src.text)
        if title.lstrip().startswith("商务部"):
            return False
        folded_title = fold(title)
        return OTHER_NOTICE_TITLE_RE.match(folded_title) is not None \
            or ("商务" in title or "转发" in title) and LOCAL_BUREAU_TITLE_RE.match(folded_title) is not None
    if _other_speaker(src) and not any(w in src.folded for w in SANCTION_WORDS):
        return True
    if d.qa or not d.drafts:
        return False
    folded = src.folded
    if OTHER_PUBLISHER_RE.search(folded, 0, OTHER_PUBLISHER_HEAD) is not None and not _published_by_mofcom(src):
        return True
    for x in d.drafts:
        if OTHER_DECIDER_RE.search(folded, sentence_start(folded, x.start), x.start + 2) is not None:
            return True
    return False
