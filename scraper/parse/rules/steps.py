"""The steps a notice takes, as drafts: references, clause actions, suspensions ended, exceptions, measures, a title's
listing, steps on goods; the list a notice acts on."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from storage.periods import lapse_day
from storage.records import ActionKind, ListKind, NoticeRef

from .. import actions as act
from .. import entities as ent
from ..dates import effective_in, parse_cn_date
from ..draft import Draft, Ref, Source
from ..lazyre import lazy_compile
from ..textnorm import NUM, fold, holds
from .checks.common import STEP_TERM
from .named import GOODS_RE, NAME, measure_object, sentence_start
from .operative import spoken_day

# "…第72号自…起停止适用": a notice ceasing to apply (``suspenders_restored``).
NO_LONGER_APPLIES = "停止适用"
# An administrative penalty on an offender (an exporter that broke the controls): no listing measure.
PENALTY = "行政处罚"
AFSL = "反外国制裁法"  # the law of the countermeasure lists
# A title that says the notice lists ("…列入不可靠实体清单的公告"): the list it names.
TITLE_LISTING_RE = re.compile(r"将[^。]*?(?:列入|纳入)\s*(出口管制管控名单|不可靠实体清单|关注名单|反制清单)")
# "暂停实施相关管控措施": a sentence changing the status of measures decides no measure of its own.
STATUS_WORDS = ("暂停实施", "暂停执行", "停止实施", "停止执行", "恢复实施", "恢复执行", "中止实施", "中止执行", "暂缓实施", "暂缓执行",
                "予以解除")


def references(src: Source, d: Draft) -> list[Ref]:
    """Earlier notices named by number or by date, list and count, in text order."""
    own = d.own
    return act.collect_refs(src.folded, src.text, d.published, d.context_list, own.key if own else None,
                            own.shape if own else None)


def clause_actions(src: Source, d: Draft) -> list[act.ActionDraft]:
    """Actions clause by clause in the operative spans (a Q&A lists nothing itself); the days an answer tells from its own
    ("自明日起", "自本月10日起") count from the day it was said (``spoken_day``)."""
    return act.find_actions(src.folded, src.text, spans=d.spans, refs=d.refs, published=spoken_day(d),
                            default_effective=d.effective, notice_list=d.context_list, allow_impose=not d.qa)


# An answer's step whose object is the measures the question asks about ("问：商务部公告2026年第23号将10家美国实体列入…。请问
# 中方是否会对上述实体的措施作出调整？ 答：…中方决定，自2027年3月1日起，暂停实施相关措施6个月。": session 53, blind55/03, 39, held
# for a person; session 58, held58): after the verb, "相关措施" (or "有关措施", "上述措施", none), then at most its term, to
# its clause's end. Read as a step on the one notice the question names, only where the answer names none, holds no
# other verb and reads no step, and its verb has no object before it ("对…"); else held as before (``unread_answer_step``).
ASKED_OBJECT_TAIL_RE = lazy_compile(rf"(?:(?:相关|有关|上述)(?:管控|处理)?措施)?{STEP_TERM}?")
ASKED_KINDS = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)
ASKED_MORE = ("公告", "号", "决定", "令")  # in the question beside its notice: another notice, told in words


def asked_notice_steps(src: Source, d: Draft) -> list[act.ActionDraft]:
    """The step of an answer on the one notice its question names (ASKED_OBJECT_TAIL_RE), where nothing else was read."""
    if not d.qa or d.drafts or not d.refs or not holds(src.folded, "措施"):
        return d.drafts
    folded, prev = src.folded, 0
    for a, b in d.spans:
        q0, prev = prev, b
        asked = [r for r in d.refs if q0 <= r[0] < a]
        keys = {r[2].key for r in asked}
        if len(keys) != 1 or None in keys or any(a <= r[0] < b for r in d.refs) \
                or not _asked_alone(folded, asked, q0, a, d.context_list):
            continue  # (the question names no notice, or several, or one by its day; or the answer names one)
        verbs = list(act.VERB_RE.finditer(folded, a, b))
        if len(verbs) != 1 or act.VERB_KINDS.get(verbs[0][0]) not in ASKED_KINDS or not _object_asked(folded, verbs[0], b):
            continue
        at = verbs[0].end()
        found = act.find_actions(folded, src.text, spans=[(a, b)], refs=[(at, at, asked[-1][2])], published=spoken_day(d),
                                 default_effective=d.effective, notice_list=d.context_list, allow_impose=False)
        if len(found) == 1 and [t.key for t in found[0].targets] == [asked[-1][2].key] and found[0].on_entities is None:
            return found
    return d.drafts


def _asked_alone(folded: str, asked: list[Ref], q0: int, q1: int, context_list: ListKind | None) -> bool:
    """Whether the question ``folded[q0:q1]`` asks about its notice ``asked`` names alone: no other notice in words
    ("…第23号及此前相关公告", "…第23号和不可靠实体清单的相关措施": ASKED_MORE, a second list) and no list but the answer's."""
    outside = "".join(folded[s:e] for s, e in zip((q0, *(r[1] for r in asked)), (*(r[0] for r in asked), q1)))
    if any(word in outside for word in ASKED_MORE):
        return False
    lists = {act.LIST_KIND[m[0]] for m in act.LIST_WORD_RE.finditer(outside)}
    return len(lists) <= 1 and (context_list is None or lists <= {context_list})


def _object_asked(folded: str, v: re.Match[str], stop: int) -> bool:
    """Whether the verb ``v`` (in a sentence deciding it: 决定 before it) has no object but the measures asked about: none
    before it in its clause ("对…"), "相关措施" or none after it, then its term at most (ASKED_OBJECT_TAIL_RE)."""
    s0 = sentence_start(folded, v.start())
    if folded.find("决定", s0, v.start()) < 0:
        return False
    clause = max(folded.rfind(",", s0, v.start()), s0)
    if folded.find("对", clause, v.start()) >= 0:
        return False
    end = min((i for i in (folded.find(c, v.end(), stop) for c in ",;:?。\n") if i >= 0), default=stop)
    return ASKED_OBJECT_TAIL_RE.fullmatch("".join(folded[v.end() : end].split())) is not None


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
EXCEPT_BEFORE_RE = lazy_compile(r"除\s*(?P<obj>(?:[^,;；。\n除()]|\([^()]{0,80}\)){2,160}?)\s*以?外")
EXCEPT_AFTER_RE = lazy_compile(r"但\s*(?:对\s*)?(?P<obj>(?:[^,;；。\n()]|\([^()]{0,80}\)){2,160}?)\s*除外")


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
        begin = _own_clause_start(folded, drafts, x, begin)
        m = EXCEPT_BEFORE_RE.search(folded, begin, x.start) or EXCEPT_AFTER_RE.search(folded, x.start, end)
        if m is None or measure_object(src, m.span("obj"))[0] != NAME \
                or any(y.on_entities is not None and y.targets == x.targets and y.action in UNDO_EXTENSION
                       for y in drafts[i + 1 :]):
            continue  # "除此之外": no name excepted
        out.append(act.ActionDraft(ActionKind.RESTORE, x.list, x.targets, x.effective, None, None, x.text, m.start("obj"),
                                   None, m.span("obj")))
    return out


UNDO_EXTENSION = (ActionKind.RESTORE, ActionKind.LIFT)
CLAUSE_MARKS = (";", "；")  # a step's own clause within a sentence of several


def _own_clause_start(folded: str, drafts: list[act.ActionDraft], x: act.ActionDraft, begin: int) -> int:
    """Where ``x``'s exceptions told before it may start: its sentence's start (``begin``), but where another step's verb
    comes before it in that sentence, after the last "；" before it (else at its verb: none): an exception after that verb is
    that step's ("停止实施…第21号中除A（a）以外其他15家实体的相关措施；对A（a）继续暂停实施相关措施1年": session 52, qa53/04, A
    restored beside its own extension, silently)."""
    if not any(y is not x and begin <= y.start < x.start for y in drafts):
        return begin
    cut = max(folded.rfind(mark, begin, x.start) for mark in CLAUSE_MARKS)
    return x.start if cut < 0 else cut + 1


def restored_at_lapse(src: Source, d: Draft) -> list[act.ActionDraft]:
    """A restore back when a suspension ends ("暂停实施…相关措施至2027年12月9日，期满后自动恢复实施", "暂停期限将于2027年12月9日届满，
    届满后不再延长") is dated by that suspension's lapse as the engine counts it (``storage.periods.lapse_day``): the day
    after its end, the period's last day whether written ("至2027年12月9日": back from 12-10, as the suspension's own item
    says "until 2027-12-09 inclusive") or counted ("1年" from 2026-12-10: back from 2027-12-11). Was the end: two items of
    one text a day apart (session 41's open A, the lead's decision, lapse42), and where another notice stored the
    suspension the restore came a day before its lapse (lapse42's open A; one convention since lapse43 makes the end
    told enough, whichever text stores the suspension). A day the text names stays: "自届满次日起" (no ``after_end``),
    "…于2026年12月30日结束，上述措施自同日起恢复实施", "自届满之日起恢复实施" (``_names_end_day``: the end itself)."""
    drafts = d.drafts
    if not any(x.after_end is not None for x in drafts):
        return drafts  # (nearly every text)
    return [dataclasses.replace(x, effective=lapse_day(x.after_end).isoformat())
            if x.after_end is not None and x.action in UNDO_EXTENSION and not _names_end_day(src.folded, x.start)
            and not _end_named_as_start(src.folded, x.start, x.after_end)
            else x for x in drafts]


# "自2026年11月10日起，出口经营者应当严格执行上述公告相关措施" after "该暂停期限将于2026年11月10日届满，中方决定不再延长": the
# answer names the end day itself as the first day of the measures (engine24/04): that day, not the lapse after it
NAMED_START_RE = lazy_compile(r"自\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起")


def _end_named_as_start(folded: str, at: int, end: date) -> bool:
    """Whether the paragraph of a restore at ``at`` goes on to name ``end`` as a start ("自2026年11月10日起，…严格执行…"):
    lapse43 re-dated such a restore to the day after, a day after the day the answer itself gives (found by the lead on
    main: a false "suspended" on 11-10, session 42). Not the start of a suspension of its own ("…届满后相关措施恢复实施；同时，
    自2026年11月10日起，继续暂停实施…7号相关措施1年": 7号's start, which put No. 21's restore a day before its lapse;
    review46)."""
    stop = folded.find("\n", at)
    stop = len(folded) if stop < 0 else stop
    return any(parse_cn_date(m.group("date")) == end and not _suspends(folded, m.end(), stop)
               for m in NAMED_START_RE.finditer(folded, at, stop))


def _suspends(folded: str, start: int, stop: int) -> bool:
    """Whether the clause from ``start`` (to its "。", "；" or ``stop``) suspends or extends: a step of its own."""
    ends = [i for i in (folded.find("。", start, stop), folded.find(";", start, stop)) if i >= 0]
    clause = folded[start : min(ends, default=stop)]
    return "暂停" in clause or "延长" in clause


# a restore's own words naming the end day itself as its day ("自同日起恢复实施", "自届满之日起恢复实施"): kept, not the lapse
NAMED_END_DAY_RE = lazy_compile(r"(?<!含)(?:同日|当日)(?![\d〇零一二三四五六七八九十]|\s*24)|(?:届满|期满|到期|结束|终止)之日\s*起")
# a day written in figures or numerals ("2027年12月9日", "十二月九日"), not "之日"/"同日"
WRITTEN_DAY_RE = lazy_compile(r"[\d〇零一二三四五六七八九十]\s*日")


def _names_end_day(folded: str, at: int) -> bool:
    """Whether the restore whose verb is at ``at`` ("恢复", or "延长" of "不再延长") names the end day itself as its day,
    in its sentence (to a ";": "…；7号…自同日起继续暂停…" is another step's) after the last day written before the verb (the
    end): any "之日"/"当日" in the restore's text kept the
    end, so "自本公告发布之日起，暂停实施…至2027年12月9日，期满后自动恢复实施" (the suspension's own start) and "至2027年12月9日
    （含当日）" restored on 12-09, a day before the suspension's lapse (review46: the two items of one text a day apart
    that lapse42 ended)."""
    start = max(folded.rfind("。", 0, at), folded.rfind("\n", 0, at)) + 1
    stop = min(i for i in (folded.find("。", at), folded.find("\n", at), folded.find(";", at), len(folded)) if i >= 0)
    for m in WRITTEN_DAY_RE.finditer(folded, start, at):
        start = m.end()
    return NAMED_END_DAY_RE.search(folded, start, stop) is not None


# "一、解除…〔2024〕2号对该企业采取的罚款措施；二、该企业仍在不可靠实体清单内，…规定的其他处理措施继续实施。": one measure of a
# listing lifted by name, the listing kept (session 28, audit28/05: read as a lift of the whole listing, a false "lifted").
NAMED_MEASURE_RE = lazy_compile(r"采取的\s*(?P<what>[^的。;；,\n]{1,16}?)\s*措施")
ALL_MEASURES = ("相关", "有关", "处理", "管控", "全部", "所有", "上述", "反制", "出口管制", "各项", "一切")
LISTING_KEPT_RE = lazy_compile(r"仍(?:在|列于|保留在)[^。;；\n]{0,16}?(?:名单|清单)|其他[^。;；\n]{0,16}?措施\s*(?:继续|仍)")


def one_measure_lifted(src: Source, d: Draft) -> list[act.ActionDraft]:
    """A lift on earlier notices whose object is one measure named ("…对该企业采取的罚款措施", not "相关措施") in a text that
    keeps the listing ("仍在…清单内", "其他处理措施继续实施"): a ``lift_measure``, the listing's state unchanged."""
    drafts = d.drafts
    out = drafts
    for i, x in enumerate(drafts):
        if x.action is not ActionKind.LIFT or not x.targets:
            continue  # (nearly every text: no lift on a notice)
        m = NAMED_MEASURE_RE.search(src.folded, x.start, act.sentence_end(src.folded, x.start))
        if m is None or any(w in m.group("what") for w in ALL_MEASURES) \
                or LISTING_KEPT_RE.search(src.folded, x.start) is None:
            continue
        out = [*out[:i], dataclasses.replace(x, action=ActionKind.LIFT_MEASURE), *out[i + 1 :]]
    return out


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
    if d.own is None and (found.list is None and d.context_list is None and AFSL not in src.folded
                          or PENALTY in src.folded):
        # Nor one that names none of the lists nor the Anti-Foreign Sanctions Law (a spokesperson's sanction under it is
        # refused for review: mfa22/08), or that punishes an offence: another authority's sanction (the Taiwan Affairs
        # Office's "决定将林某某、黄某某2人列入“台独”顽固分子清单…禁止其…"), MOFCOM's penalty on an exporter ("…行政处罚决定…决定
        # 对深圳…公司处以罚款"): read as measures on those named (session 31, audit31/09, /11)
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
LISTED_OBJECT_RE = lazy_compile(r"\s*(?:所列|所列入|列入|中)的?\s*(?:[\u4e00-\u9fff]{0,8}?)(?:实体|企业|公司|机构)")
# "不再禁止…", "不再限制…", "取消…禁止…措施": one measure of the listing lifted, the listing stays.
LIFTED_MEASURE_RE = lazy_compile(r"不再(?:禁止|限制|实施|执行|采取)|取消[^。;；]{0,20}?(?:禁止|限制)")


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
    if m is None or "《" in title and title.rfind("《", 0, m.start()) > title.rfind("》", 0, m.start()):
        # a listing inside a quoted title is the one named ("关于对《关于将…10家美国实体列入出口管制管控名单的公告》附件第4项的
        # 名称进行更正的公告": session 38, audit38/15, a listing of nobody beside the correction, which was dropped)
        return drafts
    for x in drafts:
        if x.action is ActionKind.IMPOSE or x.action is ActionKind.REMOVE:
            return drafts
    written = d.identity.title or ""
    at = max(src.text.find(written), 0) if written else 0
    return [*drafts, act.ActionDraft(ActionKind.IMPOSE, act.LIST_OF[m.group(1)], (), d.effective, None, None, written, at)]


# "本公告自公布之日起正式实施" over a listing whose measures start later, in a sentence of their own ("上述措施自2027年4月15日
# 起实施"; "…正在开展的相关活动应当于2027年4月15日前停止"): the listing's step from that day (session 45, audit45/29: in
# force from publication, three weeks early, silently; mfa44 did the same for MFA decisions, ``mfa.decision``).
MEASURES_LATER_RE = lazy_compile(r"措施\s*(?:均|将|一律)?\s*(?P<when>(?:自|从)[^。；;\n起]{1,30}?起)\s*(?:实施|执行|生效|施行)")
MEASURES_LATER_WORDS = ("起实施", "起执行", "起生效", "起施行")
CORRECTION_TITLE_WORDS = ("更正", "勘误")  # (corrections.CORRECTION_TITLE_RE's)


def measures_later(src: Source, d: Draft) -> list[act.ActionDraft]:
    """A numbered notice's listing (an impose on no earlier notice) whose measures a sentence of its own starts on a later
    day than the notice's (MEASURES_LATER_RE, not the notice's own "本公告自…起实施"): the listing's step from that day."""
    drafts = d.drafts
    if d.qa or d.effective is None or not any(x.action is ActionKind.IMPOSE and not x.targets for x in drafts):
        return drafts
    folded = src.folded
    if not any(w in folded for w in MEASURES_LATER_WORDS):  # (nearly every text: no scan)
        return drafts
    for m in MEASURES_LATER_RE.finditer(folded):
        s0 = sentence_start(folded, m.start())
        if folded.find("本公告", s0, m.start()) >= 0 or act.VERB_RE.search(folded, s0, m.start()) is not None:
            continue  # the notice's own day, or a step's sentence ("…，上述措施自…起实施" after its verb)
        day = effective_in(m.group("when"), d.published)
        if day is not None and day[:10] > d.effective[:10]:
            # "关注名单相关管理措施自…起实施" beside an ECL listing: the named list's measures only (audit45's probe 4: the ECL
            # listing was moved to that day too, weeks late)
            named = act.list_in(folded, s0, m.start())
            return [dataclasses.replace(x, effective=day) if x.action is ActionKind.IMPOSE and not x.targets
                    and x.effective == d.effective and (named is None or x.list is named) else x for x in drafts]
    return drafts


# "经核实，商务部公告2027年第35号正文中“决定将…等3家台湾地区实体列入出口管制管控名单”的表述有误，应为“决定将…等4家…列入…”":
# a correction quotes the wrong words and the right ones; a verb inside the quotes is the corrected notice's, no step of
# this one (session 45, audit45/11: read as a listing of nobody under the correction's key, a false "Imposed" item).
CORRECTED_QUOTE_RE = lazy_compile(r"“[^“”\n]{0,300}”")


def quoted_in_correction(src: Source, d: Draft) -> list[act.ActionDraft]:
    """A correction's (a title saying 更正 or 勘误) steps whose verbs stand inside “…” quotes: left out."""
    drafts = d.drafts
    if not drafts or d.qa or "“" not in src.folded or CORRECTION_TITLE_WORDS[0] not in d.folded_title \
            and CORRECTION_TITLE_WORDS[1] not in d.folded_title:
        return drafts
    quoted = [(m.start(), m.end()) for m in CORRECTED_QUOTE_RE.finditer(src.folded)]
    kept = [x for x in drafts if not any(s < x.start < e for s, e in quoted)]
    return drafts if len(kept) == len(drafts) else kept


def on_goods(src: Source, d: Draft) -> list[act.ActionDraft]:
    """An investigation or a measure decided on goods ("决定对部分中重稀土相关物项实施出口管制措施",
    "对原产于美国…的进口共聚聚甲醛进行反倾销立案调查", GOODS_RE) acts on no entity: it is left out, so
    that the item category never stands as the entity it acts on."""
    drafts = d.drafts
    if d.qa:
        return drafts
    for x in drafts:
        if not x.targets and (x.action is ActionKind.INVESTIGATE or x.action is ActionKind.MEASURE) \
                and _names_goods(x.text) or _items_moved(x):
            break
    else:
        return drafts  # (nearly every text: no list is made)
    return [x for x in drafts if not _items_moved(x) and (
        x.targets or (x.action is not ActionKind.INVESTIGATE and x.action is not ActionKind.MEASURE)
        or not _names_goods(x.text))]


# "将“…惯性测量单元”等3项物项移出《中华人民共和国两用物项出口管制清单》": items put on or taken off the dual-use items list,
# no entity (session 25, parse25: a removal of nobody on no list, its annex's item names read as 3 entities).
ITEMS_COUNTED_RE = lazy_compile(rf"等\s*{NUM}\s*项\s*(?:物项|物品|产品|技术)")


def _items_moved(x: act.ActionDraft) -> bool:
    """Whether ``x`` lists or removes items ("等3项物项", "…的物项") on no list of entities."""
    if (x.action is not ActionKind.REMOVE and x.action is not ActionKind.IMPOSE) or x.list is not None or x.targets:
        return False
    folded = fold(x.text)  # counted items, or an annex title naming them ("附件：…2. 移出清单的物项")
    return "项" in folded and ITEMS_COUNTED_RE.search(folded) is not None or GOODS_RE.search(folded.strip()) is not None


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
