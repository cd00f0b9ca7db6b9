"""The rules that read a notice or Q&A, as ordered tables.

``RULES`` rows are (field, rule): ``parse_text`` runs them in order and stores what
each returns in that ``Draft`` field; a rule reads the ``Source`` (the text views)
and the fields filled before it, and returns a value (pure). ``REJECTS`` say the
text is no notice at all, each as soon as the fields it reads are filled (the rules
after it are not run for a text it rejects); ``CHECKS`` return a warning or None, in
the order the record lists them. To add a rule: write a small function here, add one row.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from storage.records import ActionKind, ActionRecord, EntityRecord, ListKind, NoticeKind, NoticeRef

from . import actions as act
from . import entities as ent
from .dates import (
    DATE_RE,
    ISO_DT_RE,
    Stamp,
    effective_in,
    filing_date,
    make_date,
    notice_effective,
    signature_date,
    until_from,
)
from .draft import BODY_LINE_MIN, Decision, Draft, Identity, Ref, Source
from .number import OwnNumber, find_own_number, number_in_heading
from .qa import (
    ANSWER_MARK_RE,
    QUESTION_BREAK_RE,
    QUESTION_RE,
    SOURCE_LINE_RE,
    answer_spans,
    is_qa,
    qa_key,
    qa_title,
    source_stamp,
)
from .textnorm import NUM, fold, to_int

QA_ISSUER = "商务部新闻办公室"
QA_TITLE_WORDS = ("答记者问", "新闻发言人", "新闻发布会")
FILING_LINE_PREFIX = "【"
LISTING_WORDS = ("列入", "移出", "移除")
COUNTERMEASURE_WORDS = ("反制", "反外国制裁法")
SUSPEND_WORDS = ("暂停实施",)
# "…第72号自…起停止适用": a notice ceasing to apply (``suspenders_restored``).
NO_LONGER_APPLIES = "停止适用"
# "不再暂停实施…", "停止暂停实施…": the suspension ends; no notice suspended is to be looked for.
UNSUSPENDING = ("不再", "停止", "解除", "取消", "结束", "终止")
# A title that says the notice lists ("…列入不可靠实体清单的公告"): the list it names.
TITLE_LISTING_RE = re.compile(r"将[^。]*?(?:列入|纳入)\s*(出口管制管控名单|不可靠实体清单|关注名单|反制清单)")
# "暂停实施相关管控措施": a sentence changing the status of measures decides no measure of its own.
STATUS_WORDS = ("暂停实施", "暂停执行", "停止实施", "停止执行", "恢复实施", "恢复执行")
ENTITY_ACTIONS = (ActionKind.IMPOSE, ActionKind.INVESTIGATE, ActionKind.MEASURE)
TITLE_JOIN_MAX = 80
# An object of 对 that names goods, not an entity: an item category ("部分中重稀土相关物项", "两用物项") or
# imports ("原产于美国的进口共聚聚甲醛"). An item control or a trade-remedy case lists no one.
GOODS_RE = re.compile(r"(?:物项|物品|产品|商品|货物)\s*$|^\s*(?:部分|相关|以下)?\s*(?:原产于|进口)")
# A line that opens an article of a rule: "第八条　工作机制根据调查结果…", a blank after its number (a
# citation wrapped onto a line of its own, "第二十六条规定，…", has none). Matched up to the blank.
ARTICLE_HEAD_RE = re.compile(r"[ \t\u3000]*第[一二三四五六七八九十百零〇]{1,5}条[ \t\u3000\xa0]")
# The day a Q&A states for itself where a paper prints it (folded text; traditional script made simplified):
# its heading "…答记者问（2025年11月5日）"; the paper's words "商务部新闻发言人11月5日就…答记者问", "商务部12日晚间
# 宣布", "商务部周三 (5 日) 晚间宣布"; a news dateline "新华社北京11月5日电", "（中央社台北12日电）". Read in the
# lead and the Q&A's head before its first question, never in an answer (which tells earlier days).
QA_HEADING_DATE_RE = re.compile(
    r"(?:答记者问|新闻发布会|吹风会)[ \t]*\(?[ \t]*(?P<y>\d{4})[ \t]*年[ \t]*(?P<m>\d{1,2})[ \t]*月[ \t]*(?P<d>\d{1,2})[ \t]*日")
STATED_DAY_RE = re.compile(
    r"(?:新闻发言人|商务部|工作机制)[^\n,。:;\d]{0,12}?(?:\([ \t]*|)(?:(?P<y>\d{4})[ \t]*年[ \t]*|)(?:(?P<m>\d{1,2})[ \t]*月[ \t]*|)"
    r"(?P<d>\d{1,2})[ \t]*日[ \t]*\)?[ \t]*(?:晚间|晚上|晚|上午|下午|当天|)[ \t]*(?:表示|宣布|发布|就|答记者问|称|指出|回应|说)"
    r"|(?:\d{1,2}[ \t]*月[ \t]*|)(?P<ed>\d{1,2})[ \t]*日[ \t]*电")
# A spokesperson Q&A's title as a paper heads it, the day after it ("…答记者问（2025年11月5日）"): the title is
# MOFCOM's without it (the key hashes the title).
QA_TITLE_DAY_RE = re.compile(r"(?<=答记者问)[ \t]*[(（][ \t]*\d{4}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*[)）][ \t]*$")
QA_HEAD_MAX = 2000
# A paper's words for what MOFCOM said or did ("商务部12日晚间宣布，…继续暂停…", "据商务部网站消息，商务部新闻
# 发言人表示，…", "记者从商务部获悉，…"): before a status change in its sentence, they tell the change.
REPORTED_RE = re.compile(r"宣布|表示|获悉|消息|报道|据悉|透露|指出|回应")
# MOFCOM publishing a text itself: its 【发布单位】 line names it, or the page is in its spokesperson's section
# (``/xwfb/xwfyrth/``, shared/domain.md b.1; its news sections also repost papers' reports). Its spokesperson's
# statement ("商务部新闻发言人表示，…商务部决定…继续暂停…") says 表示 as a paper does.
OWN_PUBLISHER_RE = re.compile(r"【\s*发布单位\s*】[^\n]*(?:商务部|工作机制)")
SPOKESPERSON_URL_RE = re.compile(r"^https?://(?:[\w-]+\.)*mofcom\.gov\.cn/xwfb/xwfyrth/", re.IGNORECASE)
STATE_CHANGES = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)  # characters of a Q&A's head looked at for a stated day


# --- identity -------------------------------------------------------------------------


def numbered(src: Source, d: Draft) -> OwnNumber | None:
    """A number of the text's own: 【发布文号】 or a title / head line opening with one."""
    if src.filing_no:  # asked alone first: when it gives the number, no head line is cut
        own = find_own_number([], [], src.text, filing_no=src.filing_no, strict=True)
        if own:
            return own
    head, folded_head = src.headings
    return find_own_number(head, folded_head, src.text, src.title_hint, strict=True, folded_title=src.folded_title_hint)


def is_answer(src: Source, d: Draft) -> bool:
    """A Q&A has no number of its own: a text with one is a notice even when it mentions or
    links a Q&A, unless its title says it is a Q&A."""
    title = src.title_hint
    if title:
        for word in QA_TITLE_WORDS:
            if word in title:
                return True
    # Without those words in the title, ``is_qa`` needs a 答 (答记者问, 答：) or a reporter (记者：) in the text.
    return d.numbered is None and ("答" in src.folded or "记者" in src.folded) and is_qa(title, src.folded)


def own_number(src: Source, d: Draft) -> OwnNumber | None:
    """The notice's own number; also one written anywhere in the title or head lines."""
    if d.qa:
        return None
    # The strict search found nothing, so only its last step is left to try.
    if d.numbered:
        return d.numbered
    head, folded_head = src.headings
    return number_in_heading(head, folded_head, src.text, src.title_hint, src.folded_title_hint)


# --- dates ----------------------------------------------------------------------------


def dateline(src: Source, d: Draft) -> tuple[Stamp | None, str | None]:
    """A Q&A's source line "来源：商务部新闻办公室 … 2025-05-14 22:00": (stamp, source). A reprint may carry the
    paper's own source line too ("【来源：香港文汇报】 2025-08-13", the day it printed the Q&A): MOFCOM's line
    comes first wherever it stands."""
    if not d.qa:
        return (None, None)
    folded = src.folded
    for m in SOURCE_LINE_RE.finditer(folded, 0, 2000):
        if _own_source(m.group("src")):
            return source_stamp(folded[m.start() : m.end()])
    return source_stamp(folded)


def _own_source(source: str | None) -> bool:
    """Whether a source line names MOFCOM (its news office, the working mechanism): the Q&A's own."""
    return source is not None and ("商务部" in source or "工作机制" in source)


def publication_day(src: Source, d: Draft) -> date | None:
    """A Q&A: its own dateline (MOFCOM's source line), else the day it states for itself (``stated_qa_day``:
    a paper prints it a day later under its own date), else the page's date, a source line of another, its
    signature. A notice: 【发文日期】, its signature, then the page's date."""
    stamp, pub = d.dateline[0], src.hints.pub
    if d.qa:
        if stamp and _own_source(d.dateline[1]):
            return stamp.day
        best = stamp or pub
        stated = stated_qa_day(src, best.day if best else None)
        if stated:
            return stated
        return best.day if best else signature_date(src.lines)
    return filing_date(src.folded) or signature_date(src.lines) or (pub.day if pub else None)


def stated_qa_day(src: Source, reference: date | None) -> date | None:
    """The day a Q&A states for itself: a date in its heading, else a day the paper's lead or the Q&A's head
    (before its first question) says the spokesperson spoke or MOFCOM announced ("…11月5日表示", "12日宣布",
    "…5日电"), its month and year those of ``reference`` (the page's date, else the first full date of
    the head) or the month before when the day is later than that."""
    folded = src.folded
    question = QUESTION_RE.search(folded, 0, QA_HEAD_MAX)
    head = src.lead + folded[: question.start() if question else min(len(folded), QA_HEAD_MAX)]
    heading = QA_HEADING_DATE_RE.search(head) or (QA_HEADING_DATE_RE.search(src.title_hint) if src.title_hint else None)
    if heading:
        return make_date(heading.group("y"), heading.group("m"), heading.group("d"))
    m = STATED_DAY_RE.search(head)
    if m is None:
        return None
    if reference is None:
        full = ISO_DT_RE.search(head) or DATE_RE.search(head)
        reference = make_date(full.group("y"), full.group("m"), full.group("d")) if full else None
        if reference is None:
            return None
    day = int(m.group("d") or m.group("ed"))
    if m.group("y") and m.group("m"):
        return make_date(m.group("y"), m.group("m"), day)
    month, year = (int(m.group("m")), reference.year) if m.group("m") else (reference.month, reference.year)
    stated = make_date(year, month, day)
    if stated is not None and stated > reference:  # "30日" on a page of the 1st: the month before
        stated = make_date(year - 1, 12, day) if month == 1 else make_date(year, month - 1, day)
        if m.group("m") and stated is not None:  # a month named: the year before
            stated = make_date(year - 1, int(m.group("m")), day)
    return stated


def publication_time(src: Source, d: Draft) -> datetime | None:
    """The time of day, when the page (or a Q&A's dateline) gives one for that day."""
    pub = src.hints.pub
    if d.qa:
        best = d.dateline[0] or pub
        return best.as_datetime() if best and (best.day == d.published or d.published is None) else None
    return pub.as_datetime() if pub and pub.day == d.published else None


def identity(src: Source, d: Draft) -> Identity:
    """Key, kind, number, issuer and title: a Q&A's, a numbered notice's or an unnumbered text's."""
    if d.qa:
        return _qa_identity(src, d)
    if d.own:
        own = d.own
        title = src.title_hint or announcement_title(src.lines, own.number)
        return Identity(own.key, own.kind, own.number, own.issuer, title)
    title = src.title_hint or announcement_title(src.lines, None)
    return Identity(doc_key(d.published, title), NoticeKind.OTHER, None, None, title)


def _qa_identity(src: Source, d: Draft) -> Identity:
    hint, body_title = src.title_hint, qa_title(src.lines)
    strong_body = bool(body_title and "答记者问" in body_title)
    title = hint if hint and ("答记者问" in hint or not strong_body) else (body_title or hint)
    if title and "日" in title:
        title = QA_TITLE_DAY_RE.sub("", title)
    source = d.dateline[1]
    spokesperson = "新闻发言人" in (title or "") or source == QA_ISSUER
    issuer = QA_ISSUER if spokesperson else (source or "商务部")
    return Identity(qa_key(d.published, title), NoticeKind.QA, None, issuer, title)


def announcement_title(lines: list[str], number: str | None) -> str | None:
    """The first content line; "商务部公告2025年第21号" alone joins the line after it."""
    first = None
    for line in lines:
        s = line.strip()
        if not s or s.startswith(FILING_LINE_PREFIX):
            continue
        if first is not None:  # the second content line
            return f"{first} {s}" if len(s) < TITLE_JOIN_MAX and "。" not in s else first
        if not number or "".join(s.split()) != "".join(number.split()):
            return s
        first = s
    return first


def doc_key(published: date | None, title: str | None) -> str:
    """Key of an unnumbered text: its date and a hash of its title."""
    digest = hashlib.sha256("".join(unicodedata.normalize("NFKC", title or "").split()).encode()).hexdigest()
    return f"DOC-{published.isoformat() if published else 'undated'}-{digest[:8]}"


def folded_title(src: Source, d: Draft) -> str:
    """The title folded: the page's title is folded once, in ``read_source``; a title found in
    the text (a heading line) is the same stretch of the folded text, as fold keeps every place."""
    title = d.identity.title or ""
    if src.folded_title_hint is not None and title == src.title_hint:
        return src.folded_title_hint
    at = src.text.find(title) if title else -1
    return src.folded[at : at + len(title)] if at >= 0 else fold(title)


# --- operative parts and list ---------------------------------------------------------


def annex_line(src: Source, d: Draft) -> int | None:
    """Index of the annex heading line ("附件"), None when there is none."""
    return ent.annex_start(src.text)


def first_article(src: Source, d: Draft) -> int | None:
    """Where the first line opening an article ("第八条　…", ARTICLE_HEAD_RE) starts, None when no
    line does. A rule's articles say what may be done to "有关外国实体" in general ("第十三条　工作
    机制…可以决定将有关外国实体移出不可靠实体清单"): they decide nothing (a decision cites articles
    inside its sentences, "根据…第二条、第八条…规定", never opens a line with one)."""
    if d.qa:
        return None
    folded = src.folded
    find, rfind = folded.find, folded.rfind
    pos = find("条")
    while pos >= 0:
        start = rfind("\n", 0, pos) + 1
        if ARTICLE_HEAD_RE.fullmatch(folded, start, pos + 2):
            return start
        pos = find("条", pos + 1)
    return None


def operative_spans(src: Source, d: Draft) -> list[tuple[int, int]]:
    """Where actions are read: a Q&A's answers; a notice's body above its annex and its first article."""
    if d.qa:
        return answer_spans(src.folded)
    if d.annex_line:
        # up to the annex heading's line: the lines before it, each with its line end
        end = sum(map(len, src.lines[: d.annex_line])) + d.annex_line
    else:
        end = len(src.folded)
    return [(0, end if d.articles is None else min(end, d.articles))]


def operative_text(src: Source, d: Draft) -> str:
    if len(d.spans) == 1:
        start, end = d.spans[0]
        return src.folded[start:end]
    return "\n".join([src.folded[s:e] for s, e in d.spans])


def context_list(src: Source, d: Draft) -> ListKind | None:
    """The list the text is about: a UEL number says UEL; an order under the
    Anti-Foreign Sanctions Law is a countermeasure; else the list named first."""
    if d.identity.kind is NoticeKind.UEL_ANNOUNCEMENT:
        return ListKind.UEL
    if d.identity.kind is NoticeKind.ORDER and any(word in src.folded for word in COUNTERMEASURE_WORDS):
        return ListKind.COUNTERMEASURE
    return act.list_in(d.folded_title) or act.list_in(d.operative)


# --- effective date -------------------------------------------------------------------


def stated_effective(src: Source, d: Draft) -> str | None:
    """A Q&A: the first "自…起" date in its answers that is not history (``act.stale``: "此前，中方已自
    2025年11月10日起…" in an answer of 2026). A notice: "本公告自…起实施"."""
    if not d.qa:
        return notice_effective(src.folded, d.published)
    for s, e in d.spans:
        for sm in act.SENTENCE_RE.finditer(src.folded, s, e):
            if "自" in sm.group(0):
                found = effective_in(sm.group(0), d.published)
                if found and not act.stale(found, d.published):
                    return found
    return None


def effective(src: Source, d: Draft) -> str | None:
    """The stated effective date, else the publication date."""
    return d.stated_effective or (d.published.isoformat() if d.published else None)


# --- actions --------------------------------------------------------------------------


def references(src: Source, d: Draft) -> list[Ref]:
    """Earlier notices named by number or by date, list and count, in text order."""
    own = d.own
    return act.collect_refs(src.folded, src.text, d.published, d.context_list, own.key if own else None,
                            own.shape if own else None)


def clause_actions(src: Source, d: Draft) -> list[act.ActionDraft]:
    """Actions clause by clause in the operative spans (a Q&A lists nothing itself)."""
    return act.find_actions(src.folded, src.text, spans=d.spans, refs=d.refs, published=d.published,
                            default_effective=d.effective, notice_list=d.context_list, allow_impose=not d.qa)


def suspenders_restored(src: Source, d: Draft) -> list[act.ActionDraft]:
    """"商务部 海关总署公告2025年第70号规定的暂停期限将于…届满，届满后不再延长。自…起，…第55号、56号…恢复实施": the
    first restore names the notice that suspended (its targets each written before "(所)规定的暂停"), not one whose
    measures come back; where another restore names those, it goes (alone, it stays: a step read, not lost)."""
    drafts = d.drafts
    restores = [x for x in drafts if x.action is ActionKind.RESTORE and x.targets]
    if not restores:
        return drafts
    # "一、自…起，不再暂停实施…第46号第二款。二、…第72号自…起停止适用。": the notice that suspended no longer applies,
    # which is the restore itself, not a lift of a notice that lists no one
    drafts = [x for x in drafts if not (x.action is ActionKind.LIFT and src.folded.startswith(NO_LONGER_APPLIES, x.start)
                                        and any(r.effective == x.effective and not set(r.targets) & set(x.targets)
                                                for r in restores))]
    if len(restores) < 2:
        return drafts
    told = [x for x in restores if all(f"{t.text}规定的暂停" in x.text or f"{t.text}所规定的暂停" in x.text
                                       for t in x.targets)]
    if not told or len(told) == len(restores):
        return drafts
    return [x for x in drafts if not any(x is t for t in told)]


# "除X外，…继续暂停…1年", "继续暂停…1年，但X和Y除外": the suspension of the entities excepted is not extended.
EXCEPT_BEFORE_RE = re.compile(r"除\s*(?P<obj>(?:[^,;；。\n除()]|\([^()]{0,80}\)){2,160}?)\s*以?外")
EXCEPT_AFTER_RE = re.compile(r"但\s*(?:对\s*)?(?P<obj>(?:[^,;；。\n()]|\([^()]{0,80}\)){2,160}?)\s*除外")


def excepted_restored(src: Source, d: Draft) -> list[act.ActionDraft]:
    """An extension that excepts entities ("…继续暂停…相关措施1年，但斯凯迪奥公司（…）和英斯图公司（…）除外") leaves
    their measures back in force from its start: a restore of its notices limited to them, unless the text says what
    becomes of them in a later restore or lift of its own ("；对内华达山脉公司，自…起恢复执行相关措施")."""
    drafts = d.drafts
    if "外" not in src.folded:  # in every match
        return drafts
    folded, out = src.folded, []
    for i, x in enumerate(drafts):
        out.append(x)
        if x.action is not ActionKind.EXTEND or not x.targets:
            continue
        begin, end = sentence_start(folded, x.start), act.sentence_end(folded, x.start)
        m = EXCEPT_BEFORE_RE.search(folded, begin, x.start) or EXCEPT_AFTER_RE.search(folded, x.start, end)
        if m is None or _object(src, m.span("obj"))[0] != NAME \
                or any(y.on_entities is not None and y.targets == x.targets and y.action in UNDO_EXTENSION
                       for y in drafts[i + 1 :]):
            continue  # "除此之外": no name excepted
        out.append(act.ActionDraft(ActionKind.RESTORE, x.list, x.targets, x.effective, None, None, x.text, m.start("obj"),
                                   None, m.span("obj")))
    return out


UNDO_EXTENSION = (ActionKind.RESTORE, ActionKind.LIFT)


def measure(src: Source, d: Draft) -> list[act.ActionDraft]:
    """A notice that neither lists, investigates nor acts on others may impose a measure
    ("决定对因美纳公司采取以下处理措施：禁止其…")."""
    drafts = d.drafts
    if d.qa:
        return drafts
    for x in drafts:
        if x.action is ActionKind.IMPOSE or x.action is ActionKind.INVESTIGATE or x.targets \
                or x.action is ActionKind.REMOVE:
            return drafts  # it lists, investigates or acts on others: no measure of its own
    body_end = len(src.folded) if d.articles is None else d.articles  # no article decides a measure
    found = act.measure_action(src.folded, src.text, (0, body_end), d.effective, d.context_list)
    if found is None or any(word in found.text for word in STATUS_WORDS):
        return drafts  # "决定…暂停实施相关管控措施" whose target could not be read: a status change, no measure
    if d.own is None and act.DECISION_RE.search(found.text) is None:
        # A text without a number of its own decides nothing unless it says so: "中国商务部发布公告，将…
        # 列入不可靠实体清单，禁止其从事…" in a news report tells another's measure.
        return drafts
    listed = _measured_notices(src, d, found)
    if listed:
        # "调整对…公告〔2025〕10号所列实体采取的处理措施：…不再禁止…" acts on that notice's entities, named by it alone
        # (session 21, parse21: the title's "有关实体所" was read as the entity a new measure fell on)
        lifted = LIFTED_MEASURE_RE.search(src.folded, found.start, found.start + len(found.text) + 1) is not None
        found = dataclasses.replace(found, action=ActionKind.LIFT_MEASURE if lifted else ActionKind.MEASURE,
                                    targets=listed)
    return [*drafts, found]


# "…公告〔2025〕10号所列实体", "…第23号列入的实体": a measure's object named by the notice that listed it.
LISTED_OBJECT_RE = re.compile(r"\s*(?:所列|所列入|列入|中)的?\s*(?:[\u4e00-\u9fff]{0,8}?)(?:实体|企业|公司|机构)")
# "不再禁止…", "不再限制…", "取消…禁止…措施": one measure of the listing lifted, the listing stays.
LIFTED_MEASURE_RE = re.compile(r"不再(?:禁止|限制|实施|执行|采取)|取消[^。;；]{0,20}?(?:禁止|限制)")


def _measured_notices(src: Source, d: Draft, found: act.ActionDraft) -> tuple[NoticeRef, ...]:
    """The numbered notices a measure's object is the entities of ("对…〔2025〕10号所列实体采取的处理措施"), in its own
    sentence up to the measure (``found.start`` is its 决定 or 禁止其); () when its object is no notice's list."""
    stop = src.folded.find("。", found.start)
    stop = len(src.folded) if stop < 0 else stop
    return tuple([r for s, e, r in d.refs if found.start <= s < stop and r.key is not None
                  and LISTED_OBJECT_RE.match(src.folded, e) is not None])


def titled_listing(src: Source, d: Draft) -> list[act.ActionDraft]:
    """A numbered notice whose title lists entities ("…关于将护盾人工智能公司等6家美国实体列入不可靠实体
    清单的公告") but whose body gave no listing (cut short before its decision sentence, or worded as
    nothing here reads): the title's listing, so the count it states is checked against what was
    found, and a short page says so instead of reading as a notice that lists nobody."""
    drafts = d.drafts
    title = d.folded_title
    # a title is no sentence: a text without one has its first line taken for it ("2025年2月4日，…将因美纳
    # 公司…列入不可靠实体清单。…" tells history)
    if d.qa or d.own is None or "移出" in title or "移除" in title or "。" in title or "," in title:
        return drafts
    m = TITLE_LISTING_RE.search(title)
    if m is None:
        return drafts
    for x in drafts:
        if x.action is ActionKind.IMPOSE or x.action is ActionKind.REMOVE:
            return drafts
    written = d.identity.title or ""
    at = max(src.text.find(written), 0) if written else 0
    return [*drafts, act.ActionDraft(ActionKind.IMPOSE, act.LIST_OF[m.group(1)], (), d.effective, None, None, written, at)]


def on_goods(src: Source, d: Draft) -> list[act.ActionDraft]:
    """An investigation or a measure decided on goods ("决定对部分中重稀土相关物项实施出口管制措施",
    "对原产于美国…的进口共聚聚甲醛进行反倾销立案调查", GOODS_RE) acts on no entity: it is left out, so
    that the item category never stands as the entity it acts on."""
    drafts = d.drafts
    if d.qa:
        return drafts
    for x in drafts:
        if not x.targets and (x.action is ActionKind.INVESTIGATE or x.action is ActionKind.MEASURE) \
                and _names_goods(x.text):
            break
    else:
        return drafts  # (nearly every text: no list is made)
    return [x for x in drafts if x.targets or (x.action is not ActionKind.INVESTIGATE and x.action is not ActionKind.MEASURE)
            or not _names_goods(x.text)]


def _names_goods(text: str) -> bool:
    """Whether the object of 对 in ``text`` (an action's sentence) names goods (GOODS_RE)."""
    if "对" not in text:
        return False
    name = ent.object_of_dui(fold(text), text)
    return name is not None and GOODS_RE.search(name) is not None


def notice_list(src: Source, d: Draft) -> ListKind | None:
    """The list the notice lists on, else the one it is about, else any it acts on."""
    for x in d.drafts:
        if x.action is ActionKind.IMPOSE and x.list:
            return x.list
    if d.context_list:
        return d.context_list
    for x in d.drafts:
        if x.list:
            return x.list
    return None


# --- entities -------------------------------------------------------------------------


def decision(src: Source, d: Draft) -> Decision:
    """The acting sentence (the first listing or removal without targets) and the 决定
    sentence from there (an earlier one may tell history)."""
    folded = src.folded
    for x in d.drafts:
        if (x.action is ActionKind.IMPOSE or x.action is ActionKind.REMOVE) and not x.targets:
            if x.sentence is None:
                anchor = sentence_start(folded, x.start)
                return Decision(anchor, decision_sentence(folded, anchor) or (decision_sentence(folded) if anchor else None))
            # The walk knows the acting sentence; it holds the verb (列入, 纳入, 采取 or 移出), so it is
            # the 决定 sentence when it says 决定 (no 决定 can start at its end, a line end or "。").
            anchor, end = x.sentence
            if "决定" in folded[anchor:end]:
                return Decision(anchor, x.sentence)
            return Decision(anchor, decision_sentence(folded, end) or (decision_sentence(folded) if anchor else None))
    return Decision(0, decision_sentence(folded))


def sentence_start(folded: str, pos: int) -> int:
    return max(folded.rfind("。", 0, pos), folded.rfind("\n", 0, pos)) + 1


def decision_sentence(folded: str, start: int = 0) -> tuple[int, int] | None:
    """Span of the first sentence (from ``start``) with 决定 and a listing verb."""
    find, rfind, size = folded.find, folded.rfind, len(folded)
    pos = find("决定", start)
    while pos >= 0:
        begin = max(rfind("。", 0, pos), rfind("\n", 0, pos)) + 1
        end = find("\n", pos)
        end = size if end < 0 else end
        stop = find("。", pos, end)
        end = stop if stop >= 0 else end
        sentence = folded[begin:end]  # with a listing verb (or 采取, 调查)?
        if "列入" in sentence or "移出" in sentence or "采取" in sentence or "调查" in sentence or "纳入" in sentence \
                or "移除" in sentence:
            return begin, end
        pos = find("决定", end)
    return None


def stated_count(src: Source, d: Draft) -> tuple[int | None, str | None]:
    """(count, country) the text states ("将16家美国实体"): from the title, the decision
    sentence, an annex heading, then the operative text; the last two are found only when the
    first two did not settle the count and the country (the title mostly does)."""
    folded, span = src.folded, d.decision.span
    stated, country = ent.count_and_country((d.folded_title, folded[span[0] : span[1]] if span else ""))
    if stated is None or country is None:
        stated, country = ent.count_and_country((_annex_heading(folded), d.operative), stated, country)
    for x in d.drafts:  # a step on "甲公司等6家实体（见附件）" of an earlier notice: its annex holds 6, not the notice's 16
        if x.on_entities is not None and "见附件" in folded[x.on_entities[0] : x.on_entities[1]]:
            m = ANNEX_OBJECT_RE.search(folded, x.on_entities[0], x.on_entities[1])
            if m is not None and to_int(m.group("n")):
                return to_int(m.group("n")), country
    return stated, country


def _annex_heading(folded: str) -> str:
    """The first line saying 列入 with 家 and 的 ("附件：…列入…的16家实体名单"), or ""."""
    find = folded.find
    pos = find("列入")
    while pos >= 0:
        start = folded.rfind("\n", 0, pos) + 1
        end = find("\n", pos)
        end = len(folded) if end < 0 else end
        if find("家", start, end) >= 0 and find("的", start, end) >= 0:
            return folded[start:end]
        pos = find("列入", end)
    return ""


def entities(src: Source, d: Draft) -> list[EntityRecord]:
    """The entities a notice lists, removes or acts on (a removal names them even when it
    also names the notice that listed them); a Q&A lists none."""
    if d.qa:
        return []
    for x in d.drafts:
        if x.action is ActionKind.REMOVE or (x.action in ENTITY_ACTIONS and not x.targets) \
                or (x.on_entities is not None and _object(src, x.on_entities)[0] is not None):
            found, country = _annex_or_prose(src, d), d.count[1]
            if _countermeasure_order(d):
                found, country = _order_countries(src, d, found, country)
            found = ent.completed(found, src.folded, src.text, country)
            for r in _removals_beside_listing(d.drafts):  # their own names, after the annex's
                found += ent.completed(_removal_named(src, r), src.folded, src.text, _removal_country(src, r))
            return ent.distinct(found)
    return []


def _removals_beside_listing(drafts: list[act.ActionDraft]) -> list[act.ActionDraft]:
    """The removals on no earlier notice of a notice that also lists entities of its own ("一、…决定将上述3家日本实体列入
    关注名单（见附件）…二、…被列入关注名单的甲（Alpha）、乙（Beta）…决定将上述2家日本实体移出关注名单"): what each removes
    is what its own clause names, not the annex the listing reads (session 20: the 3 listed were read as removed).
    Only a removal from the list the notice lists on."""
    lists = {x.list for x in drafts if x.action is ActionKind.IMPOSE and not x.targets}
    if not lists:
        return []  # (nearly every notice: it lists, or it removes)
    # "移出关注名单，列入出口管制管控名单" moves the same entities from one list to another: not this
    return [x for x in drafts if x.action is ActionKind.REMOVE and not x.targets and x.list in lists]


def _removal_named(src: Source, x: act.ActionDraft) -> list[EntityRecord]:
    """The names (with their English) written before the removal verb of ``x`` in its own paragraph."""
    line = src.folded.rfind("\n", 0, x.start) + 1
    return ent.earlier_named(src.folded[line:], src.text[line:], x.start - line)


COUNT_COUNTRY_RE = re.compile(rf"{NUM}\s*家\s*(?P<c>{ent.COUNTRY_ALT})")


def _removal_country(src: Source, x: act.ActionDraft) -> str | None:
    """The country of "上述2家日本实体" in the removal's own paragraph."""
    line = src.folded.rfind("\n", 0, x.start) + 1
    m = COUNT_COUNTRY_RE.search(src.folded, line, x.start + 40)
    return ent.COUNTRIES[m.group("c")] if m else None


def _measures_named(action: ActionRecord) -> ActionRecord:
    """``mfa.status.measure_lift`` for an action on the countermeasure list (it returns any other as it is), the MFA
    reader loaded then: a text on another list never loads it (issue 11, start-up)."""
    if action.list is not ListKind.COUNTERMEASURE:
        return action
    from .mfa.status import measure_lift

    return measure_lift(action)


ORDER_SENTENCE_RE = re.compile(r"[^。\n]*决定[^。\n]*采取[^。\n]*")


def _order_term(src: Source) -> str | None:
    """The term an order's deciding sentence sets ("决定对X采取反制措施，自本决定施行之日起2年内，禁止…"), else None."""
    if "期" not in src.folded and "内" not in src.folded:
        return None
    from .mfa.status import decision_term  # (the MFA reader, loaded for a countermeasure order only)

    for m in ORDER_SENTENCE_RE.finditer(src.text):
        term = decision_term(m.group())
        if term:
            return term
    return None


def _countermeasure_order(d: Draft) -> bool:
    return d.identity.kind is NoticeKind.ORDER and d.context_list is ListKind.COUNTERMEASURE


# A countermeasure order's country, written before its names ("决定对美国安泰咨询公司（…）等3家企业", "关于对加拿大北方
# 科技公司及其高级管理人员采取反制措施的决定") where no count states one ("N家美国实体"); a name opening with a country
# and a Chinese name after it, with its English, is of that country ("美国晨星供应链审计公司（Morningstar Supply Chain Audit
# LLC）", the name kept as written, as the MFA's "美国哈德逊研究所"). Session 18 (mfa18): an order's entities had no country
# (screening by country missed them).
ORDER_COUNTRY_RE = re.compile(rf"对\s*(?P<c>{ent.COUNTRY_ALT})")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _order_countries(src: Source, d: Draft, found: list[EntityRecord],
                     country: str | None) -> tuple[list[EntityRecord], str | None]:
    """The entities with a country opening their Chinese name given that country, and the order's country
    (the stated one, else the one its title or decision writes after 对)."""
    if country is None:
        span = d.decision.span
        m = ORDER_COUNTRY_RE.search(d.folded_title) or (ORDER_COUNTRY_RE.search(src.folded, span[0], span[1])
                                                        if span else None)
        country = ent.COUNTRIES[m.group("c")] if m else None
    out = []
    for e in found:
        zh = e.zh or ""
        name = next((c for c in ent.COUNTRY_NAMES if zh.startswith(c)), None) if e.en and e.country is None else None
        if name is not None and len(zh) > len(name) + 1 and CJK_RE.match(zh, len(name)):
            e = ent.make_entity(zh, e.en, ent.COUNTRIES[name], e.n, e.branches, e.note)  # the name as written
        out.append(e)
    return out, country


# What the object of "对…采取的相关措施" is: a pronoun ("该实体", "其": the entity named just
# before), an anaphor ("上述实体": the names given earlier, else the target's own entities), a name.
PRONOUN, ANAPHOR, NAME = "pronoun", "anaphor", "name"
# "对高点航空技术公司等6家实体（见附件）采取的相关措施": the entities of the notice's own annex (session 22, parse22).
ANNEX = "annex"
ANNEX_OBJECT_RE = re.compile(rf"等\s*(?P<n>{NUM})\s*家[^()]{{0,8}}?\(\s*(?:名单)?\s*见附件[^()]{{0,4}}\)\s*$")
# "停止执行商务部公告2025年第1号对其中5家美国实体采取的相关措施，名单见附件": some of the target's entities, counted, named
# by this notice (its annex or prose), as ANNEX; never the whole notice (session 23, loud23: 28 lifted for 5).
PART_OBJECT_RE = re.compile(rf"\s*其中\s*(?P<n>{NUM})\s*[家名个]")


# "内华达山脉公司、立方公司等2家实体": names in a row, the count after them.
NAMES_COUNT_RE = re.compile(r"\s*等\s*(?:\d+|[一二三四五六七八九十两]+)\s*家[^、]{0,8}$")


def _object(src: Source, span: tuple[int, int]) -> tuple[str | None, tuple[EntityRecord, ...]]:
    """(what the object at ``span`` is, the entities it names): (None, ()) for anything else
    ("对2025年4月4日被列入…的16家美国实体": all of the target's entities)."""
    seg, fseg = src.text[span[0] : span[1]], src.folded[span[0] : span[1]]
    if "见附件" in fseg and ANNEX_OBJECT_RE.search(fseg) or "其中" in fseg and PART_OBJECT_RE.match(fseg):
        return ANNEX, ()
    if ent.is_anaphor(seg, fseg):
        return (PRONOUN if ent.is_pronoun(fseg) else ANAPHOR), ()
    run = ent.NAME_RUN_RE.fullmatch(fseg.strip()) if "(" in fseg else None
    if run is not None and fseg.count("(") > 1:  # "斯凯迪奥公司（Skydio Inc.）和英斯图公司（Insitu,Inc.）"
        lead = len(fseg) - len(fseg.lstrip())
        found = _run_names(src, span[0] + lead, span[0] + lead + run.end())
        if len(found) == fseg.count("("):
            return NAME, tuple(found)
    named = ent.object_entity(seg, fseg)
    if named is not None:
        return NAME, (named,)
    if "、" not in fseg:
        return None, ()
    # several names ("对内华达山脉公司、立方公司等2家实体采取的"): each must read as one
    cut = NAMES_COUNT_RE.search(fseg)
    parts = [(seg[a:b], fseg[a:b]) for a, b in _pieces(fseg, cut.start() if cut else len(fseg))]
    each = [ent.object_entity(p, fp) for p, fp in parts]
    named_all = [e for e in each if e is not None]
    return (NAME, tuple(named_all)) if len(named_all) == len(each) else (None, ())


def _pieces(fseg: str, end: int) -> list[tuple[int, int]]:
    """(start, end) of each piece of ``fseg[:end]`` between "、"."""
    out, start = [], 0
    pos = fseg.find("、", 0, end)
    while pos >= 0:
        out.append((start, pos))
        start = pos + 1
        pos = fseg.find("、", start, end)
    out.append((start, end))
    return out


def _annex_or_prose(src: Source, d: Draft) -> list[EntityRecord]:
    """Annex lines below the annex heading (or the decision); else the decision's prose
    list; else the object of "对…" for an investigation or a measure."""
    folded, span, anchor = src.folded, d.decision.span, d.decision.anchor
    start = d.annex_line
    if start is None and span is not None:
        start = folded.count("\n", 0, span[0])
    # The stated country now, so that ``completed`` later finds nothing to change.
    found = ent.annex_entities(src.lines, start or 0, d.count[1], chinese_numbers=d.annex_line is not None, clean=True)
    if found:
        return found
    prose = (ent.decision_prose(folded, src.text, anchor) if anchor else None) or ent.decision_prose(folded, src.text)
    if prose:
        seg, at = prose
        fseg = folded[at : at + len(seg)]  # the segment folded, as the text views keep every place
        if ent.is_anaphor(seg, fseg):
            return ent.earlier_named(folded, src.text, at)
        if ent.is_forward(fseg):  # "将以下美国实体列入…名单：甲公司（Alpha）；…": the names after the colon
            return ent.following_names(folded, src.text, at + len(seg), d.count[1])
        found = ent.prose_entities(seg, d.count[1], fseg)  # the stated country now, as for the annex
        if found:
            return found
    for x in d.drafts:
        if x.on_entities is not None:  # "对该实体采取的相关措施", "对甲公司（Alpha Inc.）采取的…"
            what, named = _object(src, x.on_entities)
            if what == PRONOUN or what == ANAPHOR:
                return ent.earlier_named(folded, src.text, x.on_entities[0])
            if named:
                return list(named)
    if any(x.action in (ActionKind.INVESTIGATE, ActionKind.MEASURE) for x in d.drafts):
        for x in d.drafts:  # several named in the step's own sentence (not the title's "关于对甲和乙启动调查")
            if (x.action is ActionKind.INVESTIGATE or x.action is ActionKind.MEASURE) and not x.targets and x.text:
                several = ent.objects_of_dui(x.text)
                if several and not any(GOODS_RE.search(e.zh or e.en or "") for e in several):
                    return several
        name = ent.object_of_dui(folded, src.text)
        if name and GOODS_RE.search(name) is None:  # goods are no entity ("…相关物项", "原产于…的进口…")
            zh, en = ent.split_name(name)
            if zh or en:
                return [ent.make_entity(zh, en)]
    return []


# --- the record's actions and references ----------------------------------------------


def action_records(src: Source, d: Draft) -> list[ActionRecord]:
    """Drafts with entity keys filled in (removals, and investigations or measures
    without targets, name the notice's entities), one per action: the drafts are deduped
    first, so no record is built for a draft that goes."""
    drafts = dedupe_actions(d.drafts) if len(d.drafts) > 1 else d.drafts  # one has nothing to be merged with
    keys: tuple[str, ...] | None = None  # made for the first draft that names them (a listing does not)
    beside = _removals_beside_listing(drafts)
    out = []
    for x in drafts:
        action = x.action
        if action is ActionKind.REMOVE and not x.targets and x in beside:
            named = _removal_named(src, x)  # its own clause's names: never the annex the listing reads
            if not named:
                continue  # names that could not be read: the notice's count warns, nothing is removed
            names = tuple([e.key for e in named])
        elif action is ActionKind.REMOVE or (not x.targets and (action is ActionKind.INVESTIGATE
                                                               or action is ActionKind.MEASURE)):
            if keys is None:
                keys = tuple([e.key for e in d.entities])
            names = keys
        elif action is ActionKind.IMPOSE and not x.targets and beside:
            removed = {e.key for r in beside for e in _removal_named(src, r)}
            names = tuple([e.key for e in d.entities if e.key not in removed])  # the listed, not the removed
        elif x.on_entities is not None:
            limited = limited_to(src, d, x.on_entities)
            if limited is None:
                continue  # limited to entities that could not be read: a warning, not the whole notice
            names = limited
        else:
            names = ()
        if x.targets and not names and action is not ActionKind.IMPOSE:
            serials = ANNEX_SERIALS_RE.search(x.text)
            if serials:  # "…第12号附件所列第3、5、8项实体": those lines only, never the whole notice
                names = tuple([f"第{n}项" for n in annex_serials(serials["ns"])])
        if action is ActionKind.IMPOSE and x.until is None and not x.targets and _countermeasure_order(d):
            # a term ("自本决定施行之日起2年内", "期限为5年"): the order's countermeasures end with it (as an MFA decision's)
            term = _order_term(src)
            until = until_from(term, date.fromisoformat(x.effective[:10]) if x.effective else d.published) if term else None
            if until is not None:
                x = dataclasses.replace(x, until=until, duration=term)
        out.append(_measures_named(ActionRecord(action, x.list, x.targets, x.effective, x.until, x.duration, names,
                                             x.text))
                   if x.extends_by is None else
                   ActionRecord(action, x.list, x.targets, x.effective, x.until, x.duration, names, x.text,
                                extends_by=x.extends_by))
    return out


# "公告2026年第12号附件所列第3、5、8、11、17项实体", "附件中第7项": a step on some lines of an earlier notice's annex, named by
# their numbers. The names are "第3项"…, which the engine matches to the annex numbers of the target's entities, else
# reports unresolved (session 20: the whole of No. 12 was removed).
ANNEX_SERIALS_RE = re.compile(r"附件[^，,。；;\n]{0,24}?第\s*(?P<ns>\d{1,3}(?:\s*项?\s*[、,，和及至-]\s*第?\s*\d{1,3})*)\s*项")
SERIAL_RANGE_RE = re.compile(r"(\d{1,3})\s*项?\s*[至-]\s*第?\s*(\d{1,3})|(\d{1,3})")
SERIAL_RANGE_MAX = 200  # lines one range may name; a longer one is no annex range (then only its ends, as written)


def annex_serials(ns: str) -> list[int]:
    """The line numbers of "3、5、8", "3至第6", "3-6、第9" or "3项和第5": a range names every line in it (its ends alone named
    lines 4 and 5 of "第3至第6项" never: they stayed listed, silently, where no count was stated)."""
    out: list[int] = []
    for m in SERIAL_RANGE_RE.finditer(ns):
        if m.group(3):
            out.append(int(m.group(3)))
            continue
        first, last = int(m.group(1)), int(m.group(2))
        out.extend(range(first, last + 1) if 0 < last - first <= SERIAL_RANGE_MAX else (first, last))
    return out


def limited_to(src: Source, d: Draft, span: tuple[int, int]) -> tuple[str, ...] | None:
    """The entity keys an action on earlier notices is limited to, its object at ``span`` ("商务部公告2025年
    第21号对该实体采取的相关措施"): the notice's entities for a pronoun or "上述实体", the named one's for
    a name; () for the whole notice (any other object, or "上述实体" naming nothing that could be read);
    None when a pronoun or a name points to no entity that could be read. A Q&A lists no entities: the names it
    gives are the keys ("停止执行…对美国繁荣联盟（Coalition For A Prosperous America）采取的相关措施"; the engine finds
    them on the target's listing, else says so), a pronoun points to none."""
    what, named = _object(src, span)
    if what is None:
        return ()
    if d.qa:
        return _answer_limit(src, span, what, named) if what != ANNEX else None
    if what == ANNEX:  # the annex's entities; none read: left out with a warning, never the whole notice
        return tuple([e.key for e in d.entities]) or None
    if what == NAME:
        each = [[e.key for e in d.entities if e.key == n.key or (n.zh and e.zh == n.zh) or (n.en and e.en == n.en)]
                for n in named]
        return tuple([k for ks in each for k in ks]) if all(each) else None
    keys = tuple([e.key for e in d.entities])
    return keys or (() if what == ANAPHOR else None)


# "上述2家实体": the count a pointer gives.
POINTER_COUNT_RE = re.compile(rf"(?:上述|前述|以上)\s*(?P<n>{NUM})\s*[家名]")


def _answer_limit(src: Source, span: tuple[int, int], what: str,
                  named: tuple[EntityRecord, ...]) -> tuple[str, ...] | None:
    """A Q&A's limit (it lists no entities): the names it gives are the keys, each the key of the same name given
    with its English earlier in the answer ("除内华达山脉公司（Sierra Nevada Corporation）外，…；对内华达山脉公司，…恢复
    执行…"); a pointer ("该实体", "上述2家实体") is the names given last before it in its paragraph (None when they are
    not as many as it counts: left out with a warning); with none given, "上述…实体" is the whole notice, "该实体" none."""
    folded = src.folded
    line = folded.rfind("\n", 0, span[0]) + 1
    earlier = _names_given(src, line, span[0])
    if what == NAME:
        return tuple([next((e.key for e in earlier if _same_zh(e.zh, n.zh)), n.key) if n.zh else n.key for n in named])
    run = earlier[-1:] if what == PRONOUN else _last_run(src, line, span[0])
    if not run:  # "对上述16家美国实体" after "2025年4月4日被列入…的16家美国实体": the whole notice; "该实体" of no name: none
        return () if what == ANAPHOR else None
    counted = POINTER_COUNT_RE.match(folded, span[0], span[1])
    if counted is not None and len(run) != (to_int(counted.group("n")) or 0):
        return None
    return tuple([e.key for e in run])


def _same_zh(given: str | None, name: str) -> bool:
    """Whether a name given earlier ("关于内华达山脉公司": a run of name characters takes the words before it) is ``name``."""
    return given is not None and given.endswith(name) and len(given) - len(name) <= LEAD_MAX


LEAD_MAX = 2  # "关于", "除", "针对": what a run of name characters may hold before the name


def _names_given(src: Source, start: int, end: int) -> list[EntityRecord]:
    """The bracketed names ("内华达山脉公司（Sierra Nevada Corporation）") of ``src.text[start:end]``, in order."""
    return [e for run in ent.name_runs(src.folded[start:end]) for e in _run_names(src, start + run.start(), start + run.end())]


def _last_run(src: Source, start: int, end: int) -> list[EntityRecord]:
    """The names of the last run of bracketed names ("A（a）和B（b）") in ``src.text[start:end]``."""
    runs = list(ent.name_runs(src.folded[start:end]))
    return _run_names(src, start + runs[-1].start(), start + runs[-1].end()) if runs else []


def _run_names(src: Source, start: int, end: int) -> list[EntityRecord]:
    found = []
    for m in BRACKETED_NAME_RE.finditer(src.folded, start, end):
        a, b = m.span()
        piece = src.folded[a:b]
        lead = NAME_JOINER_RE.match(piece)
        a += lead.end() if lead else 0
        # "…1年，但其中的立方公司（Cubic Corporation）、…": the words before the name are no part of it (parse22: the name
        # was dropped, and the pointer "上述2家实体" after it counted one name: the restore was left out)
        e = ent.object_entity(*ent._without_clause(src.text[a:b], src.folded[a:b]))
        if e is not None:
            found.append(e)
    return found


BRACKETED_NAME_RE = re.compile(ent._BRACKETED_NAME)  # one name of a NAME_RUN_RE run
# What opens a run before its first name: a joiner, or 除 / 对 ("除内华达山脉公司（…）外", "对立方公司（…）").
NAME_JOINER_RE = re.compile(r"\s*(?:以及|[和及除对])\s*")


class Action(Protocol):
    """What deduping reads of an action: a draft's or a record's fields."""

    @property
    def action(self) -> ActionKind: ...
    @property
    def list(self) -> ListKind | None: ...
    @property
    def targets(self) -> tuple[NoticeRef, ...]: ...
    @property
    def effective(self) -> str | None: ...
    @property
    def until(self) -> date | None: ...
    @property
    def duration(self) -> str | None: ...
    @property
    def text(self) -> str: ...


A = TypeVar("A", bound=Action)


def _shortened(r: Action, records: list[A]) -> bool:
    """A period-less action whose numbered targets a fuller action of the same verb, list and
    date covers: the title's "关于暂停实施…第55号等公告" beside the body's six notices and end date (or the
    body's "继续暂停实施…至2027年11月27日": a suspension continued is no new open-ended one); or whose title names
    the first of them and "等" (the body's restore of all six may start before the notice's day)."""
    if r.until is not None or r.duration is not None or not r.targets:
        return False
    keys = {t.key for t in r.targets}
    if None in keys:
        return False
    if (r.action is ActionKind.LIFT or r.action is ActionKind.RESTORE) and _title_step(r.text) and any(
            o is not r and o.action is r.action and o.list is r.list and keys <= {t.key for t in o.targets}
            and not _title_step(o.text) for o in records):
        # "关于停止执行商务部公告2026年第23号相关措施的公告" over "自2027年7月1日起，停止执行…第23号相关措施": the title has
        # the notice's day, the body the step's own (session 21, parse21: both were kept, a false lift eleven days early)
        return True
    # "关于恢复实施…第55号等公告的公告": the title names the first of the body's notices and says there are more (等)
    more = any(f"{t.text}等" in r.text for t in r.targets)
    for o in records:
        if o is not r and (o.action is r.action or r.action is ActionKind.SUSPEND and o.action is ActionKind.EXTEND) \
                and o.list is r.list and (o.effective == r.effective and (o.until is not None or o.duration is not None)
                                          and keys <= {t.key for t in o.targets}
                                          or more and keys < {t.key for t in o.targets}):
            # a restore or lift has no period; the body's may start before the notice's day ("自…起", published late)
            return True
    return False


def _title_step(text: str) -> bool:
    """Whether an action was read from the title line ("…关于停止执行…第23号相关措施的公告"), not from a sentence."""
    return "关于" in text and text.rstrip("。 ").endswith(("的公告", "的决定"))


def dedupe_actions(records: list[A]) -> list[A]:
    """One action per (verb, list, target notices, effective): the title ("关于暂停实施…的公告") and
    the body say the same thing, the body with the duration, so the fuller one wins; a title
    naming only the first of the body's targets goes too. A removal without targets is dropped
    when the same list has one with targets."""
    out: list[A] = []
    kept: dict[tuple[object, ...], int] = {}  # (verb, list, target notices, effective): its place in ``out``
    targeted = untargeted_removal = False
    for r in records:
        ident = (r.action, r.list, tuple([t.key or t.text for t in r.targets]) if r.targets else (), r.effective)
        at = kept.get(ident)
        if at is None:
            kept[ident] = len(out)
            out.append(r)
            if r.targets:
                targeted = True
            elif r.action is ActionKind.REMOVE:
                untargeted_removal = True
        elif (r.until is not None or r.duration is not None) and out[at].until is None and out[at].duration is None:
            out[at] = r
    if not targeted or len(out) == 1:
        return out  # nothing shortened (only targets are, by another action), no removal beside a targeted one
    out = [r for r in out if not _shortened(r, out)]
    if not untargeted_removal:
        return out
    lists = {(r.action, r.list) for r in out if r.targets}
    return [r for r in out if r.targets or r.action is not ActionKind.REMOVE or (r.action, r.list) not in lists]


def named_references(src: Source, d: Draft) -> tuple[NoticeRef, ...]:
    """The refs, each notice once (a dated one wins); a date-only ref is dropped when a
    numbered one names the same date and list."""
    if not d.refs:
        return ()
    out: dict[tuple[Any, ...], NoticeRef] = {}
    for _, _, r in d.refs:
        ident: tuple[Any, ...] = (r.key, r.date, r.list, r.count) if r.key is None else (r.key,)
        if ident in out:
            if out[ident].date is None and r.date is not None:
                out[ident] = r
            continue
        out[ident] = r
    keyed = {(r.date, r.list) for r in out.values() if r.key and r.date}
    if not keyed:
        return tuple(out.values())  # no date-only ref can name what a numbered one names
    return tuple([r for r in out.values() if r.key or r.count or (r.date, r.list) not in keyed])


# --- rejections: not a notice ---------------------------------------------------------
# Each is asked as soon as the fields it reads are filled (``REJECTS``): a text it rejects skips
# the rules after it. They read ``drafts``, not the ``actions`` built from them: there is an
# action record for every draft (``action_records`` dedupes, and leaves out only an action limited to
# an entity that could not be read, which ``unread_limit`` reports).


def off_topic_answer(src: Source, d: Draft) -> bool:
    """A spokesperson answer about something else (trade data, tariffs, ...)."""
    return d.qa and not d.drafts and d.context_list is None


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
    if d.qa and (_own_source(d.dateline[1]) or QUESTION_BREAK_RE.search("\n" + folded)):
        return False  # MOFCOM's Q&A, or one that asks (its question lines tried at the line breaks alone)
    if ANSWER_MARK_RE.search(folded):
        return False
    for x in d.drafts:
        if x.action in STATE_CHANGES and REPORTED_RE.search(folded, sentence_start(folded, x.start), x.start):
            return True
    return False


# --- checks: warnings -----------------------------------------------------------------


def no_publication_date(src: Source, d: Draft) -> str | None:
    return "no publication date found" if d.published is None else None


def effective_defaulted(src: Source, d: Draft) -> str | None:
    """A numbered listing or removal that states no effective date (a rule's articles list no one)."""
    if d.qa or d.own is None or d.stated_effective or d.published is None:
        return None
    body = src.folded if d.articles is None else src.folded[: d.articles]
    for word in LISTING_WORDS:
        if word in body:
            return "no effective date stated; using the publication date"
    return None


def count_mismatch(src: Source, d: Draft) -> str | None:
    """The entities parsed differ from the count the notice states."""
    stated = d.count[0]
    if d.qa or stated is None or len(d.entities) == stated or not (d.entities or _lists(d.drafts) or _own(d.drafts)):
        return None
    removed = {k for r in d.actions if r.action is ActionKind.REMOVE and not r.targets for k in r.entities} \
        if _removals_beside_listing(d.drafts) else set()
    if removed and sum(e.key not in removed for e in d.entities) == stated:
        return None  # the listing's count; the removal beside it names its own
    return f"parsed {len(d.entities)} entities, notice states {stated}"


def _own(drafts: list[act.ActionDraft]) -> bool:
    """Whether a step acts on entities this notice names itself (a measure or an investigation on no earlier
    notice): with a stated count and none read, a loss as a listing's is (session 18)."""
    return any(x.action in ENTITY_ACTIONS and not x.targets for x in drafts)


# The end of every warning on a step the parse saw and could not read (``unread_limit``, ``unread_item``,
# ``unread_name_change``; session 23: ``suspension_without_target``, ``no_entities`` for a removal,
# ``unread_answer_step``): ``page.check_record`` refuses such a page for a person to read ("needs-review", an
# unusable-page health issue), as a warning alone is no health issue (session 22, loud22).
LEFT_OUT = ": left out"


def unread_limit(src: Source, d: Draft) -> str | None:
    """An action on earlier notices limited to an entity ("对该实体采取的相关措施") that could not be
    read: it is left out rather than applied to the whole notice, and needs review."""
    for x in d.drafts:
        if x.on_entities is not None and limited_to(src, d, x.on_entities) is None:
            what = src.text[x.on_entities[0] : x.on_entities[1]].strip()
            return f"{x.action.value} limited to \"{what}\", an entity that could not be read{LEFT_OUT}"
    return None


# What says a removal of an earlier notice's entities takes the ones an annex names ("（见附件）"), or only some ("部分").
# ("甲公司等2家美国实体" alone does not say it: "高点航空技术公司等16家美国实体" is the whole of No. 21, and only the engine
# knows how many a notice listed.)
SOME_NAMED_RE = re.compile(r"附件|部分")


def unread_removal(src: Source, d: Draft) -> str | None:
    """A numbered notice removing entities of an earlier notice that it names in an annex ("…第21号所列2家美国实体（见附件）
    移出…", the annex cut off or given only as a file), none of them read: a removal with no entities is the whole
    notice's, so it would take all of that notice's entities off the list (session 23, parse23). Left out, for review."""
    if d.qa or d.entities or not any(a.action is ActionKind.REMOVE and a.targets and not a.entities for a in d.actions):
        return None  # (a removal of annex lines by number names them: "第3项")
    for x in d.drafts:
        if x.action is ActionKind.REMOVE and x.targets:
            m = SOME_NAMED_RE.search(src.folded, sentence_start(src.folded, x.start), x.start)
            if m is not None:
                return f"removal of entities of {x.targets[0].key or x.targets[0].text} named by \"{m.group(0)}\", none read{LEFT_OUT}"
    return None


_ITEM_KINDS = (ActionKind.LIFT, ActionKind.RESTORE, ActionKind.SUSPEND, ActionKind.EXTEND)
ITEM_MEASURES_RE = re.compile(r"[^。;；]{0,60}?措施")


def _on_measures(folded: str, v: re.Match[str], stop: int) -> bool:
    """Whether the verb ``v`` is a step on measures ("停止执行…采取的相关措施", "继续暂停实施相关措施"), not a duty
    ("正在开展的相关活动应当立即停止")."""
    return (v[0].endswith(("实施", "执行")) or "暂停" in v[0]) and ITEM_MEASURES_RE.match(folded, v.end(), stop) is not None


# "决定" that decides ("商务部决定：", "现决定，", "工作机制决定"), not a title's or a clause's noun ("关于…的决定",
# "本决定自…施行", "《…决定》", "上述决定"): what follows it is the decision.
NOT_DECIDING_BEFORE = "本的该述此《"
# A step on a trade remedy or on tariffs (duties on goods: "暂停实施…反倾销措施1年", "暂停实施加征关税") acts on no list:
# no listing step is left out where its sentence names one ("非关税反制措施" are countermeasures, not tariffs).
OFF_LIST_RE = re.compile(r"反倾销|反补贴|保障措施|(?<!非)关税")


def _off_list(folded: str, at: int) -> bool:
    """Whether the sentence holding ``at`` is about a trade remedy or tariffs (``OFF_LIST_RE``)."""
    return OFF_LIST_RE.search(folded, sentence_start(folded, at), act.sentence_end(folded, at)) is not None


def _a_noun(folded: str, pos: int) -> bool:
    """Whether the 决定 at ``pos`` is a noun ("本决定", "上述决定", "《…决定》"), not a decision taken there."""
    return (pos > 0 and folded[pos - 1] in NOT_DECIDING_BEFORE) or folded.startswith("》", pos + 2)


def deciding_at(folded: str, end: int) -> int:
    """Where the first 决定 that decides stands in ``folded[:end]``, or -1."""
    pos = folded.find("决定", 0, end)
    while pos >= 0 and _a_noun(folded, pos):
        pos = folded.find("决定", pos + 2, end)
    return pos


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


# The verbs ``_on_measures`` takes (a suspension, or a stop or restore of 实施/执行): looked for in the decision (str.find,
# far cheaper than a regex over it) before any paragraph of it is looked at line by line.
STATUS_VERB_WORDS = ("暂停", "停止实施", "停止执行", "恢复实施", "恢复执行", "终止实施", "终止执行", "不再实施", "不再执行")


def _status_verb_in(folded: str, start: int, end: int) -> bool:
    find = folded.find
    for word in STATUS_VERB_WORDS:
        if find(word, start, end) >= 0:
            return True
    return False


def _measures_step_words(folded: str, line: int, stop: int) -> bool:
    """Whether ``folded[line:stop]`` has the words every step on measures has (``_on_measures``: 措施, and 实施, 执行 or
    暂停 in its verb): a line without them ("并采取以下措施：", "本公告自公布之日起正式实施") is passed over before any regex."""
    find = folded.find
    return find("措施", line, stop) >= 0 and (find("实施", line, stop) >= 0 or find("执行", line, stop) >= 0
                                             or find("暂停", line, stop) >= 0)


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
        if _measures_step_words(folded, line, stop) and not folded.startswith("附", line) \
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
        if act.VERB_KINDS.get(v[0]) in _ITEM_KINDS and _on_measures(folded, v, stop) \
                and not any(line <= x.start < stop for x in d.drafts) and not _off_list(folded, v.start()):
            return v[0]
    return None


# "中方此前决定…", "已决定": a decision told, not taken in the answer.
TOLD_DECISION_BEFORE = ("此前", "已", "曾", "先后", "当时")


def unread_answer_step(src: Source, d: Draft) -> str | None:
    """An answer's sentence that decides ("中方决定，自…起，恢复执行对上述实体采取的相关措施") a step on measures (stop,
    restore, suspend, extend: ``_on_measures``), names no notice, and holds no step read (its target said only as
    "上述实体" of the question, or by a title): the answer would read as changing nothing, "no action found in the
    answer" a warning only (session 23). Doubts and plans (NOT_NOW_RE: "将视情决定是否…"), a decision told
    ("此前决定", "2025年11月10日，商务部决定…" in an answer of 2026: ``_dated_before``, ``_told_as_past``), trade remedies
    and tariffs are no step."""
    if not d.qa:
        return None
    folded, starts = src.folded, [x.start for x in d.drafts]
    for a, b in d.spans:
        pos = folded.find("决定", a, b)
        while pos >= 0:
            s1 = min(act.sentence_end(folded, pos), b)
            if not _measures_step_words(folded, pos + 2, s1):  # no step on measures after it (most answers)
                pos = folded.find("决定", s1, b)
                continue
            s0 = sentence_start(folded, pos)
            if not (_a_noun(folded, pos) or folded.endswith(TOLD_DECISION_BEFORE, s0, pos)) \
                    and not any(s0 <= r[0] < s1 for r in d.refs) and not any(s0 <= x < s1 for x in starts) \
                    and OFF_LIST_RE.search(folded, s0, s1) is None:
                for v in act.VERB_RE.finditer(folded, pos + 2, s1):
                    if act.VERB_KINDS.get(v[0]) in _ITEM_KINDS and _on_measures(folded, v, s1) \
                            and act.NOT_NOW_RE.search(folded, s0, v.start()) is None \
                            and not act._dated_before(folded, s0, d.published) \
                            and not act._told_as_past(folded, s0, v.start(), d.published):
                        return f"the answer decides \"{src.text[s0:s1].strip()[:40]}\" but names no notice its " \
                               f"{v[0]} could act on{LEFT_OUT}"
            pos = folded.find("决定", pos + 2, b)
    return None


# "现将出口管制管控名单中该实体的名称变更为“…”": a listed entity renamed; the project reads no rename (only a correction's
# "更正为"), so the new name would be no alias of the listed entity, and screening by it would miss (session 22).
NAME_CHANGE_RE = re.compile(r"名称\s*(?:变更|更改|改)\s*为|更名\s*为")


def unread_name_change(src: Source, d: Draft) -> str | None:
    """A listed entity's new name (名称变更为, 更名为) in the operative text: not read, so a person must read it."""
    op = d.operative
    if "名称" not in op and "更名" not in op:  # each of its readings holds one of them (a regex scan costs more)
        return None
    found = NAME_CHANGE_RE.search(op)
    return None if found is None else f"a name change (\"{found[0]}\") of a listed entity is not read{LEFT_OUT}"


def _imposes(drafts: list[act.ActionDraft]) -> bool:
    for x in drafts:
        if x.action is ActionKind.IMPOSE:
            return True
    return False


def _lists(drafts: list[act.ActionDraft]) -> bool:
    """Whether the notice lists or removes entities (each names them)."""
    for x in drafts:
        if x.action is ActionKind.IMPOSE or x.action is ActionKind.REMOVE:
            return True
    return False


def no_entities(src: Source, d: Draft) -> str | None:
    """A listing or a removal with no entities and no stated count ("决定将其移出…" with no name
    before it: no entity is made up, the removal needs review). A removal names whom it removes or the notice whose
    entities it removes ("将商务部公告2025年第22号所列实体移出…", expanded from that notice's list): one naming neither
    removes no one, a step left out (``LEFT_OUT``: refused for review, session 23)."""
    if d.qa or d.entities or d.count[0] is not None:
        return None
    if _imposes(d.drafts):
        return "no entities found for a listing"
    for x in d.drafts:
        if x.action is ActionKind.REMOVE and not x.targets:
            return f"no entities found for a removal{LEFT_OUT}"
    return None


def suspension_without_target(src: Source, d: Draft) -> str | None:
    """A notice that says 暂停实施 but whose suspended notices were not found ("第55号、56号…公告"
    with no year, "暂停实施《…的决定》" with no number): a suspension must never parse as a notice that changes nothing,
    so it is left out for a person to read (``LEFT_OUT``, session 23). A 暂停实施 before the decision's 决定
    (``deciding_at``: "商务部于…发布公告（…第72号），暂停实施…。现决定，…不再延长", a title "关于暂停实施…的决定") tells
    the history the decision follows, as does one told as past after it (``_told_as_past``: "…于…发布公告…，暂停实施"): no
    step of this notice (session 23: it warned on No. 40, read right)."""
    if d.qa:
        return None
    for word in SUSPEND_WORDS:
        if word in d.operative:
            break
    else:
        return None
    for a in d.actions:
        if a.action is ActionKind.SUSPEND or a.action is ActionKind.EXTEND:
            return None
    end = len(d.operative)  # a notice's operative text is the folded text's start
    folded, pos = src.folded, src.folded.find(SUSPEND_WORDS[0], 0, end)
    decided = deciding_at(folded, end)
    while pos >= 0:
        if pos > decided and not folded.endswith(UNSUSPENDING, 0, pos) and not folded.startswith("期", pos + 4) \
                and not act.told_suspension(folded, d.refs, pos) \
                and not _off_list(folded, pos) and not act._told_as_past(folded, sentence_start(folded, pos), pos, d.published):
            return f"says 暂停实施 but names no notice it suspends that could be read{LEFT_OUT}"
        pos = folded.find(SUSPEND_WORDS[0], pos + 1, end)
    return None


def no_action_in_answer(src: Source, d: Draft) -> str | None:
    return "no action found in the answer" if d.qa and not d.actions else None


def no_notice_number(src: Source, d: Draft) -> str | None:
    return "no notice number found" if not d.qa and d.own is None else None


def effective_before_publication(src: Source, d: Draft) -> str | None:
    """A Q&A announcing something in force before it was published (itself, or one of its actions: a decision
    published late, ``actions._recounted``): check the dates."""
    if not d.qa or not d.published:
        return None
    first = min([x.effective for x in d.drafts if x.effective] + ([d.effective] if d.effective else []), default=None)
    if first and first < d.published.isoformat():
        return f"effective {first} is before publication {d.published.isoformat()}"
    return None


Rule = Callable[[Source, Draft], Any]
Reject = Callable[[Source, Draft], bool]
Check = Callable[[Source, Draft], str | None]

RULES: tuple[tuple[str, Rule], ...] = (
    ("numbered", numbered),
    ("qa", is_answer),
    ("own", own_number),
    ("dateline", dateline),
    ("published", publication_day),
    ("published_at", publication_time),
    ("identity", identity),
    ("folded_title", folded_title),
    ("annex_line", annex_line),
    ("articles", first_article),
    ("spans", operative_spans),
    ("operative", operative_text),
    ("context_list", context_list),
    ("stated_effective", stated_effective),
    ("effective", effective),
    ("refs", references),
    ("drafts", clause_actions),
    ("drafts", suspenders_restored),
    ("drafts", excepted_restored),
    ("drafts", measure),
    ("drafts", titled_listing),
    ("drafts", on_goods),
    ("notice_list", notice_list),
    ("decision", decision),
    ("count", stated_count),
    ("entities", entities),
    ("actions", action_records),
    ("references", named_references),
)
# (field, reject): asked once the last row filling ``field`` has run.
REJECTS: tuple[tuple[str, Reject], ...] = (
    ("own", unnumbered_without_body), ("drafts", off_topic_answer), ("drafts", unnumbered_without_action),
    ("drafts", unnumbered_reprint), ("drafts", reported_change),
)
CHECKS: tuple[Check, ...] = (
    no_publication_date, effective_defaulted, count_mismatch, no_entities, suspension_without_target,
    no_action_in_answer, no_notice_number, effective_before_publication, unread_limit, unread_item, unread_name_change,
    unread_answer_step, unread_removal,
)
