"""What a verb acts on: the notices (and entities of a notice) it names, points back to or has as its subject; the
grounds it follows, which it does not act on."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from storage.records import ActionKind, ListKind, NoticeRef

from ..dates import (
    UNTIL_RE,
    effective_in,
    iso_to_date,
    parse_cn_date,
)
from ..lazyre import lazy_compile
from ..textnorm import NUM, any_within, to_int
from .periods import (
    END_DAY_RE,
    MONTH_END_RE,
    RELATIVE_UNTIL_RE,
    YEARLESS_UNTIL_RE,
    Period,
    duration_in,
    extension_term,
    suspension_end,
    until_day,
    until_period,
)
from .tense import (
    BY_ITS_END,
    DECIDED_BEFORE,
    DONE_REACH,
    EXPIRY_RE,
    both_sides,
    dated_before,
    decided_in,
    held_off,
    is_decision,
    is_passive,
    told_as_past,
    told_done,
)
from .words import (
    CONTINUED,
    DECISION_RE,
    MEASURES_EXTENDED_RE,
    NOT_RENEWED_STARTS,
    THE_OTHERS,
    THE_OTHERS_ALT,
    VERB_KINDS,
    ActionDraft,
    list_in,
    sentence_end,
    sentence_start,
    suspension_ended,
)

# Trade remedies act on goods, never on a list: an action on a notice of theirs changes no listing.
TRADE_REMEDY_RE = re.compile(r"反倾销|反补贴|保障措施")
# "商务部公告2025年第21号对该实体采取的相关措施…停止执行": the action is limited to some of the
# target's entities (the object of 对, one name or several: "对内华达山脉公司、立方公司等2家实体采取的"), not the whole notice.
ON_ENTITIES_RE = lazy_compile(r"对\s*(?P<obj>(?:[^,;；。对()]|\([^()]{0,80}\)){1,80}?)\s*(?:所\s*)?采取的")
# "恢复实施对商务部公告2025年第21号所列甲公司等3家实体（名单见附件）的相关措施": the same limit, the object what the notice
# lists ("所列…的相关措施"; session 24, parse24: the restore was read for the whole notice, 16 for 3).
# "对…〔2025〕16号所列A（a）、B（b）等2家实体恢复实施相关处理措施": the object right before the verb (engine24/05).
# "…所列X的相关处理措施" (the UEL's word), "…的相关管控措施" (the ECL's), "…的有关反制措施": the same object (session 31, audit31
# probe: "停止实施…〔2025〕2号所列X的相关处理措施" lifted the whole notice, its 6 others falsely).
# "…所列X（x）相关措施" with no 的, "不再对…所列X（x）采取暂停措施": the same object (session 41, review42: each restore or lift
# read for the whole notice, its others falsely, silently).
# "…所列16家实体中的3家实体的相关措施": "中的" within the object (session 41, qa41/10: the lift read for all 16).
# "对…第23号所列X（x）暂缓执行相关措施" (暂缓, 中止 for 暂停): the same object (session 44, audit44 probe: the whole of No. 23
# suspended, its 9 others falsely, silently); "…所列X（x）延长暂停期限至…", "…不再暂停实施/不再执行/不再实施…", "…废止…" (the
# same round's probes: the step read for all 16 of No. 21, its 15 others falsely, silently); "…所列X（x）的暂停期限延长至…",
# "…所列X（x）的出口管制措施暂停实施1年" (no 相关) likewise. "暂停对…第337号所列X（x）实施相关措施", "停止对…所列X（x）执行相关措施"
# (the verb before 对, the measures after the name with a verb of their own): the same object (session 46, probe46: the
# whole of No. 337 suspended, its other entity falsely, silently).
LISTED_OBJECT_RE = lazy_compile(r"(?:所列|涉及的(?=[^,;。()]{0,16}?中的))\s*(?:的\s*)?(?P<obj>(?:[^,;；。对()的]|中的|\([^()]{0,80}\)){1,80}?)\s*"
                              r"(?:(?:的\s*)?(?:相关|有关)\s*(?:处理|管控|反制|出口管制)?\s*措施|的\s*(?:处理|管控|反制|出口管制)\s*措施"
                              r"|的\s*(?=暂停(?:实施|执行)?期限)"
                              r"|(?:实施|执行)\s*(?:的\s*)?(?:(?:相关|有关)\s*)?(?:处理|管控|反制|出口管制)?\s*措施"
                              r"|(?=(?:恢复|继续|暂停|暂缓|中止|停止|解除|取消|终止|延长|不再|废止|(?:采取|予以|实行|实施)暂停)))")
# "停止实施商务部公告2025年第21号对甲公司（…）的相关措施": the object of 对 right after the notice, with no 采取 or 所列 (session 35,
# audit35/18: the lift was read for the whole notice, its 15 others falsely); "…第21号中对A（a）、B（b）的相关措施", "…第21号中A（a）
# 的…", "…第21号涉及A（a）的…", "…第21号项下对A（a）的…" (session 38, story39 S4: the whole notice lifted, its 14 others falsely, silently). Without 对,
# the object is names with their English (a "（" within reach), never "…第21号中规定的相关措施".
# "…第21号中的3家实体的相关措施": some, counted (qa41 probe: read for all 16).
NOTICE_ON_OBJECT_RE = lazy_compile(r"(?:号|》|\))\s*(?:(?:(?:中|项下)\s*)?(?:对|涉及)|中\s*(?:的\s*)?(?=[^,;；。对()的]{1,40}\(|\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*[家名个]))\s*(?P<obj>(?:[^,;；。对()的]|\([^()]{0,80}\)){1,80}?)\s*"
                                   r"的\s*(?:相关|有关)\s*(?:处理|管控|反制|出口管制)?\s*措施")
# "暂停实施上述公告", "暂停实施上述措施90天": the verb's object points back to the notices named before.
BACK_REFERENCE_RE = lazy_compile(r"\s*(?:对\s*|)(?:上述|前述|以上)[^,。;\n]{0,6}?(?:公告|措施|决定)")
# "…第21号相关措施暂停实施期限…届满后不再延长，自…起停止执行该公告相关措施" (loud23/08): "该公告" is the notice named
# before the verb in its sentence (else in the sentence before).
THAT_NOTICE_RE = lazy_compile(r"\s*(?:对\s*)?该(?:公告|决定)")
# "暂停期限届满后，上述措施自2026年11月11日起恢复实施": the verb's subject points back to the notices named before (what may
# stand between it and the verb: a start, 将/即, 自动). "上述公告所列11家美国实体相关处理措施自…起恢复实施" (text59/44, /52: held)
# is the measures of all those notices' entities, counted: the count stays in the step's text, where the engine's ``counted``
# holds it if below what the step reaches. Only a count and a country may stand between 所列 and 实体 (no name, no "其余", no
# "…中3家": some of them, never the whole notice).
BACK_SUBJECT_RE = lazy_compile(rf"(?:上述|前述|以上)[^,。;\n]{{0,6}}?(?:公告|措施|决定)"
                             rf"(?:\s*所列\s*(?:的\s*)?(?:{NUM}\s*[家名]\s*)?(?:(?![家名中其余等和及与])[\u4e00-\u9fff]){{0,6}}?"
                             r"(?:实体|企业)\s*(?:的\s*)?(?:相关|有关)\s*(?:处理|管控)?\s*措施)?"
                             r"(?:的)?\s*(?:将|即|均)?\s*(?:自[^,;。\n]{1,24}?起\s*)?(?:将|即)?\s*(?:自动|按期)?\s*")
# "恢复执行相关措施": the verb's object is the measures of notices named before (``_for_entities_of_step_before``).
MEASURES_AFTER = ("相关措施", "有关措施", "相关管控措施", "相关处理措施")
# "商务部公告2025年第72号(已)(自…起)暂停实施商务部公告2024年第46号…": a numbered notice right before the verb, another
# named after it in its clause, is the verb's subject: it recounts what that earlier notice did (the notice itself is never
# named so), however the sentence goes on ("…。现决定，…"). What may stand between the subject and the verb ("所" of
# "X所暂停实施的Y"):
# "商务部 海关总署公告2025年第70号规定，暂停实施…第55号…至2026年11月10日" (session 49, blind49/12: the history read as a new
# suspension beside the notice's restore), "…第72号规定，自2025年11月9日起至2026年11月27日，暂停实施…第46号第二款" (blind49/18:
# held, the restore after it unread): after "规定", a comma, its start and end, and a comma (only after 规定: a notice's own
# number line run into its text, "商务部公告2025年第70号 自2025年11月10日起，暂停实施…", is no subject).
SUBJECT_GAP_RE = lazy_compile(r"\s*(?:已经|已|曾经|曾|先后|分别)?\s*(?:规定\s*,?\s*(?:自[^,;。\n]{1,24}?起\s*(?:至[^,;。\n]{1,16}?日\s*)?,?\s*)?"
                              r"|(?:决定|宣布)?\s*(?:自[^,;。\n]{1,24}?起\s*)?)(?:所\s*)?")
# "商务部公告2024年第46号第二款暂停实施至…", "…第21号相关措施暂停实施…": a part of the notice, or its measures, may stand
# between a notice that is the verb's subject and the verb (``told_state``).
STATE_GAP_RE = lazy_compile(r"(?:\s*第[〇零一二三四五六七八九十\d]{1,3}\s*[款条项])*(?:\s*(?:的\s*)?(?:相关|有关|上述)?\s*(?:管控|处理)?"
                          r"\s*措施)?" + SUBJECT_GAP_RE.pattern)
# "根据商务部公告2025年第72号(规定)暂停实施…": a notice the step follows, not its subject (a few characters before
# it: the issuer's name may be cut by a blank, "根据商务　部公告…").
GROUND_BEFORE = ("根据", "依据", "依照", "按照")
# "上述暂停不适用于…", "该暂停": the suspension told of before, a noun, not a step.
TOLD_STEP_BEFORE = ("上述", "前述", "该", "此项", "这一")
SUBJECT_REACH = 8  # "）相关措施的" between a suspension's notice and its "暂停期限"
TOLD_SUSPENSION = "上述暂停"  # "上述暂停期限届满后": the suspension the text told before
# Verbs that cannot act in a text: without refs, those acting only on named notices (a removal
# may remove the notice's own entities); in a Q&A (no listing of its own), listings and investigations.
ON_NOTICES = frozenset(w for w, k in VERB_KINDS.items() if k in (ActionKind.SUSPEND, ActionKind.EXTEND,
                                                                   ActionKind.LIFT, ActionKind.RESTORE))


def targets_of(folded: str, refs: list[tuple[int, int, NoticeRef]], out: list[ActionDraft],
             before: list[tuple[int, int, NoticeRef]], after: list[tuple[int, int, NoticeRef]], v: re.Match[str],
             kind: ActionKind, s_start: int, clause_from: int,
             next_start: int) -> tuple[list[tuple[int, int, NoticeRef]], tuple[int, int] | None]:
    """The notices the verb ``v`` acts on (its object after it, its subject before it, or those a pointer or the
    step before names) and, where only the step before names them, the span of the entity it is limited to."""
    at, v_end = v.span()
    targets = after or _not_grounds(folded, before, at) or _named_before(folded, refs, s_start, v_end, next_start) \
        or _subject_named_before(folded, refs, clause_from, s_start, at) or _that_subject(folded, refs, clause_from, at) \
        or (_listing_told_before(folded, refs, clause_from, s_start, at) if "对" in folded[clause_from:at] else []) \
        or (_not_renewed_before(folded, out, s_start) or _extended_before(out, step_reach(folded, out, s_start, at))
            or _suspended_before(folded, refs, s_start)
            if kind is ActionKind.RESTORE and (v[0].startswith("不再") or _restored_by_expiry(folded, s_start, at)
                                              or suspension_ended(folded, s_start, at) is not None
                                              or _after_not_renewed(folded, s_start, at))
            or kind is ActionKind.LIFT and lifted_at_expiry(folded, s_start, at) else []) \
        or (_suspended_before(folded, refs, s_start) if kind is ActionKind.EXTEND and refs
            and folded.endswith(TOLD_STEP_BEFORE, clause_from, at) else []) \
        or (_lead_in_refs(folded, refs, at) or _named_under_decision(folded, refs, at, clause_from, next_start)
            if v[0] in ON_NOTICES and refs else []) \
        or (_counted_pointer_refs(folded, refs, v_end) if refs and folded.startswith("对上述", v_end) else []) \
        or (_beside_exception(folded, out, s_start, clause_from, at) if out and folded.endswith(",", clause_from, at) else []) \
        or (_that_listed_removed(folded, refs, clause_from, at) if kind is ActionKind.REMOVE and refs else [])
    if not targets and out and kind in ON_OTHERS:
        targets = _the_others_of_step_before(folded, out, clause_from, at)
    if targets or not (kind is ActionKind.RESTORE or kind is ActionKind.LIFT or kind is ActionKind.EXTEND):
        return targets, None
    # "…继续暂停…第21号…相关措施1年；对内华达山脉公司，自…起恢复执行相关措施": the step before's notices, for one entity
    return _for_entities_of_step_before(folded, out, clause_from, at, v_end, next_start)


# "商务部决定对商务部公告2025年第21号所列16家美国实体的相关措施作如下调整：\n一、自…起，停止执行对甲公司等6家实体（见附件）
# 采取的相关措施。": an item's step that names no notice acts on those its lead-in names (session 22, parse22: the lift was
# lost, and the extension of item 二 read for all 16). The lead-in: the last line before the items, ending "如下…：" or "以下调整："
# ("对…第103号相关措施作出以下调整：", session 49, range49, words48's open B: its items held, "names no notice").
ITEM_LINE_RE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\))")
LEAD_IN_RE = lazy_compile(r"(?:如下[\u4e00-\u9fff]{0,4}|以下调整)\s*:\s*$")  # "作如下调整：", "调整如下：", "作出以下调整："
# "…有关规定，商务部决定：\n一、将甲公司等3家美国实体列入…（见附件1）…\n二、…移出…": items under a lead-in that decides.
DECIDING_LEAD_RE = lazy_compile(r"决定\s*(?:如下)?\s*:\s*$")
# "商务部决定对…3家美国企业采取以下反制措施：\n…三、将上述企业列入出口管制管控名单…": an order's countermeasures, each item decided.
COUNTER_LEAD_RE = lazy_compile(r"采取\s*(?:以下|如下)\s*反制措施\s*:\s*$")


# A name line of an item's own list: "1. 北风推进公司（Northwind Propulsion Inc.）", "（2）南岭光电公司（…）；" (no 。 or colon in it).
NAME_LINE_RE = lazy_compile(r"[^\S\n]*(?:\d{1,3}\s*[.、]|\(\s*\d{1,3}\s*\))?[^。:\n]{2,200}\)")


def plain_lines_decided(folded: str, line: int) -> bool:
    """Whether the line at ``line`` opens "将" and stands, with only blank lines and other lines opening "将" above it, right
    under a lead-in line ending "决定：" ("商务部决定：\\n\\n将A（a）、B（b）列入出口管制管控名单；将C（c）列入出口管制关注名单。": session
    47, words47, probe46's B4: no listing read, a warning "no entities found" beside the title's)."""
    if not folded.startswith("将", line) and not folded[line : line + 8].lstrip().startswith("将"):
        return False
    end = line
    while end > 0:
        start = folded.rfind("\n", 0, end - 1) + 1
        text = folded[start : end - 1].strip()
        if text and not text.startswith("将"):
            return DECIDING_LEAD_RE.search(text) is not None
        end = start
    return False


def decided_above(folded: str, at: int) -> bool:
    """Whether ``at`` is in a numbered item (ITEM_LINE_RE) under a lead-in line that decides ("商务部决定："): its
    listing is decided though its own sentence does not say 决定 (session 25, parse25: "一、将…等3家美国实体列入…" under
    "商务部决定：" was no listing, its 3 entities read as removed with the 2 of item 二)."""
    line = folded.rfind("\n", 0, at) + 1
    if not ITEM_LINE_RE.match(folded, line):
        return False
    end = line
    names = False  # name lines walked past: the item above them must open them with its colon
    while end > 0:
        start = folded.rfind("\n", 0, end - 1) + 1
        text = folded[start : end - 1]
        if names and ITEM_LINE_RE.match(text) and not text.rstrip().endswith(":"):
            return False
        if text.rstrip().endswith(")") and NAME_LINE_RE.fullmatch(text.rstrip()) is not None:
            # "1. 北风推进公司（Northwind Propulsion Inc.）" under the item before, "一、将以下2家美国实体列入…名单：" (items45/08:
            # the next item's listing, "二、将以下1家…列入出口管制关注名单：", was no listing, its entity put on the ECL)
            names = True
            end = start
            continue
        if text.strip() and not ITEM_LINE_RE.match(text):
            # "商务部决定对出口管制管控名单作如下调整：" (LEAD_IN_RE after a 决定) decides too (session 38, audit38/06: its item
            # "一、将A（a）、B（b）2家美国实体列入…" was no listing, the 2 missed beside item 二's removal)
            # (its last sentence: "…决定对…实施出口管制。有关事项公告如下：" decides no item, parse25/03's "可以依法将其列入…")
            tail = text[text.rfind("。") + 1 :]
            # "商务部决定对…采取以下反制措施：" decides its items too (session 39, audit39/11: an AFSL order's "三、将上述企业
            # 列入出口管制管控名单" was no ECL listing, lost silently beside the order's countermeasures)
            return DECIDING_LEAD_RE.search(text) is not None or "决定" in tail and (
                LEAD_IN_RE.search(tail) is not None or "反制措施" in tail and COUNTER_LEAD_RE.search(tail) is not None
                and not _item_may(folded, line))
        end = start
    return False


def _item_may(folded: str, line: int) -> bool:
    """Whether the item line at ``line`` says what may be done before its listing verb ("三、商务部可以依法将上述企业列入…"):
    a listing weighed, not one of the measures taken. The 可 of 不可靠 is no "may" ("三、依据《不可靠实体清单规定》，将上述企业
    列入不可靠实体清单" was no UEL listing, lost silently: review40)."""
    end = folded.find("\n", line)
    item = folded[line : end if end >= 0 else len(folded)]
    verb = item.find("列入")
    return "可" in item[: verb if verb >= 0 else len(item)].replace(UNRELIABLE, "")


UNRELIABLE = "不可靠"


# An inline item after the first of a decision's list of items ("商务部决定：一是…；二是自…起将X（x）移出关注名单。"), and the
# decision opening the first item on the same line (``decided_in_items``).
LATER_ITEM_RE = lazy_compile(r"\s*(?:[二三四五六七八九十]是|其[二三四五六七八九十]\s*[,、]|第[二三四五六七八九十]\s*[,、])")
FIRST_ITEM_DECIDED_RE = lazy_compile(r"决定\s*[:,]?\s*(?:一是|其一\s*[,、]|第一\s*[,、])")


def decided_in_items(folded: str, s_start: int) -> bool:
    """Whether the clause at ``s_start`` is a later item of a decision told inline on its line ("商务部决定：一是…；二是自…起将
    北方海岸电子公司（…）移出关注名单。"): the item's own clause says no 决定, the lead before the first item does (blind52: in an
    answer the removal of item 二 was dropped, silently, after a lift in item 一)."""
    if not LATER_ITEM_RE.match(folded, s_start):
        return False
    line = folded.rfind("\n", 0, s_start) + 1
    return FIRST_ITEM_DECIDED_RE.search(folded, line, s_start) is not None


def own_removal(folded: str, s_start: int, at: int, v_end: int, allow_impose: bool, sentence: str) -> bool:
    """Whether the removal at ``at`` naming no notice removes the notice's own entities: decided (in its sentence, or by
    the lead of the inline items it is one of: ``decided_in_items``), not told in the passive, not weighed
    ("依法作出是否将有关实体移出关注名单的决定": session 22, parse22, a false removal)."""
    return (allow_impose or is_decision(sentence) or decided_in_items(folded, s_start)) \
        and not is_passive(folded, s_start, at) and not held_off(folded, s_start, at, v_end)


def _lead_in_above(folded: str, at: int) -> tuple[int, int] | None:
    """Where the line above the numbered item holding ``at`` and the items before it stands (its lead-in, or whatever
    text is there): (start, end); None when ``at`` is on no item line (ITEM_LINE_RE) or nothing stands above."""
    line = folded.rfind("\n", 0, at) + 1
    if not ITEM_LINE_RE.match(folded, line):
        return None
    end = line
    while end > 0:
        start = folded.rfind("\n", 0, end - 1) + 1
        if folded[start : end - 1].strip() and not ITEM_LINE_RE.match(folded, start, end - 1):
            return start, end - 1
        end = start
    return None


def _lead_in_refs(folded: str, refs: list[tuple[int, int, NoticeRef]], at: int) -> list[tuple[int, int, NoticeRef]]:
    """The notices the lead-in of the numbered item holding ``at`` names (ITEM_LINE_RE, LEAD_IN_RE), else []."""
    lead = _lead_in_above(folded, at)
    if lead is None or LEAD_IN_RE.search(folded[lead[0] : lead[1]]) is None:
        return []
    return [r for r in refs if lead[0] <= r[0] < lead[1]]


def _named_under_decision(folded: str, refs: list[tuple[int, int, NoticeRef]], at: int, clause_from: int,
                          next_start: int) -> list[tuple[int, int, NoticeRef]]:
    """"2025年4月4日，商务部发布公告（商务部公告2025年第21号）…。\n商务部决定：\n一、自…起，恢复实施对内华达山脉公司（Sierra
    Nevada Corporation）、立方公司（…）2家实体采取的相关措施。": an item under a lead-in that decides (DECIDING_LEAD_RE), its
    object named entities with their English, no notice in its sentence: the one notice the text names above the lead-in
    (session 28, audit28/01: the restore was lost, and the lift of "其余14家" in item 二 read for all 16). Several named
    there, or none: [] (the step stays unread, as before)."""
    lead = _lead_in_above(folded, at)
    if lead is None:
        return []
    span = _on_entities(folded, clause_from, next_start)
    if span is None or not LATIN_NAME_RE.search(folded, span[0], span[1]) \
            or DECIDING_LEAD_RE.search(folded[lead[0] : lead[1]]) is None:
        return []
    above = [r for r in refs if r[0] < lead[1] and r[2].key is not None]
    return above[-1:] if above and len({r[2].key for r in above}) == 1 else []


LATIN_NAME_RE = lazy_compile(r"\([^()]*[A-Za-z][^()]*\)")  # "（Sierra Nevada Corporation）": a name's English


def _for_entities_of_step_before(folded: str, out: list[ActionDraft], clause_from: int, at: int, v_end: int,
                                 next_start: int) -> tuple[list[tuple[int, int, NoticeRef]], tuple[int, int] | None]:
    """A restore, lift or extension naming no notice but an entity, "对X，自…起恢复执行相关措施" / "自…起，对上述2家实体恢复实施相关
    措施" / "对C公司，继续暂停相关措施1年" (the object of 对 in the verb's clause from ``clause_from``, "相关措施" after it), in the paragraph of a step on
    notices taken just before, or in the paragraph right after one whose sentence excepts entities (``_excepted_above``):
    that step's notices (as refs), and the span of the entity object; ([], None) else."""
    if not out or not out[-1].targets or not folded.startswith(MEASURES_AFTER, v_end):
        return [], None
    dui = folded.rfind("对", clause_from, at)
    line = folded.rfind("\n", 0, at) + 1
    if dui < 0 or out[-1].start < line and not _excepted_above(folded, out[-1], line):
        return [], None
    comma = folded.find(",", dui, at)
    start, end = dui + 1, comma if comma >= 0 else at
    while end > start and folded[end - 1].isspace():
        end -= 1
    if end - start < 2 or "自" in folded[start:end]:
        return [], None
    return [(dui, dui, r) for r in out[-1].targets], (start, end)


def excepted_day(folded: str, out: list[ActionDraft], action: ActionDraft, own_day: bool) -> str | None:
    """The day a step on entities of the step before (``_for_entities_of_step_before``) takes effect: that step's day when
    the step before excepts entities ("…自2027年1月1日起，停止实施…第21号相关措施，但…2家实体除外。") in a sentence of
    its own and ``action``'s sentence states no day (``own_day`` false: "对上述2家实体，继续暂停实施相关措施至…"): what
    becomes of the excepted is part of that step (the engine parts one notice's steps of one day: on the notice's own day
    the excepted were lifted on the lift's day, falsely); else its own."""
    last = out[-1]
    if own_day or last.effective == action.effective:
        return action.effective
    end = sentence_end(folded, last.start)
    return last.effective if action.start > end and folded.find("除外", last.start, end) >= 0 else action.effective


def _excepted_above(folded: str, last: ActionDraft, line: int) -> bool:
    """Whether the step ``last`` stands in the paragraph right above the line from ``line`` and its sentence ends in an
    exception ("…停止实施…第21号相关措施，但该公告所列A、B 2家实体除外。"): the next paragraph's "对上述2家实体，继续暂停…" says
    what becomes of those excepted, as it does after "；" on the same line (session 30, audit30/07: refused on two lines)."""
    end = sentence_end(folded, last.start)
    if folded[end:line].strip("。 \t\r\n"):
        return False  # another sentence or paragraph between
    return folded.find("除外", last.start, end) >= 0


def repeats(out: list[ActionDraft], action: ActionDraft) -> bool:
    """Whether ``action`` says again, in the same sentence, the step ``out`` ends with ("…届满后不再延长，商务部令…第6号
    规定的措施自…起恢复实施": one restore, not two)."""
    if not out:
        return False
    last = out[-1]
    return last.text == action.text and last.action is action.action and last.targets == action.targets \
        and last.effective == action.effective


def ended_by_lift(folded: str, out: list[ActionDraft], action: ActionDraft) -> bool:
    """Whether the step ``out`` ends with is the "不再延长" (a restore: the suspension is not renewed) of the sentence of
    the lift ``action`` on the same notices: "…暂停实施期限于…届满后不再延长，自…起停止执行该公告相关措施" stops the
    measures when the suspension ends, one lift (session 24: it read a restore, or with "暂停实施" an open suspension)."""
    if not out:
        return False
    last = out[-1]
    return last.action is ActionKind.RESTORE and last.sentence == action.sentence and last.targets == action.targets \
        and folded.startswith(NOT_RENEWED_STARTS, last.start)


def is_subject(folded: str, ref: tuple[int, int, NoticeRef], at: int, v_end: int, obj: int) -> bool:
    """Whether the numbered notice ``ref`` is the subject of the verb at ``at`` (SUBJECT_GAP_RE between them) whose
    object, the notice named at ``obj``, follows in its clause (no comma between), not the ground it is taken on (根据…)."""
    return ref[2].key is not None and SUBJECT_GAP_RE.fullmatch(folded, ref[1], at) is not None \
        and folded.find(",", v_end, obj) < 0 \
        and not any(word in folded[max(0, ref[0] - 6) : ref[0]] for word in GROUND_BEFORE) \
        and not grounded_by_rule(folded, ref[0], ref[1], at)


# Right before a notice whose "规定，" a step follows: "按", "按照", "遵照", "参照", "比照", "对照", "根据", "据", "结合", "落实"
RULE_GROUNDS = ("按", "照", "据", "结合", "落实", "执行", "遵循")


def grounded_by_rule(folded: str, r0: int, r1: int, at: int) -> bool:
    """Whether the notice at ``r0``-``r1`` closes with "规定，" before the verb at ``at`` (SUBJECT_GAP_RE's comma) and is
    the rule a step follows (RULE_GROUNDS right before it): "商务部决定，按商务部公告2025年第70号规定，暂停实施…第55号…" was read
    as No. 70's history, the suspension missed, silently (session 49, review55's probe of blind49/12's "商务部 海关总署公告
    2025年第70号规定，暂停实施…")."""
    if folded.find(",", r1, at) < 0:  # (nearly every subject: no comma between)
        return False
    return folded[max(0, r0 - 4) : r0].rstrip().endswith(RULE_GROUNDS)


SUSPENDER_AFTER = ("规定的暂停", "所规定的暂停")  # what follows the notice that set a suspension, named beside what it suspends


def _not_grounds(folded: str, before: list[tuple[int, int, NoticeRef]], at: int) -> list[tuple[int, int, NoticeRef]]:
    """The refs before the verb at ``at`` that are its subject: those of its own clause when it names any ("自…起，商务部公告
    2025年第72号不再适用，商务部公告2024年第46号第二款恢复实施": No. 46 only), and no ground of the step ("根据商务部公告2026年
    第70号，商务部公告2025年第21号相关措施自…起继续暂停1年": No. 70 is what the step follows, not a notice it extends)."""
    if len(before) < 2:
        return before
    comma = folded.rfind(",", before[0][1], at)
    own = [r for r in before if r[0] > comma] if comma >= 0 else before
    kept = [r for r in own or before if not any(word in folded[max(0, r[0] - 6) : r[0]] for word in GROUND_BEFORE)] \
        or own or before
    if len(kept) > 1:
        # "…第72号规定的暂停实施…第46号第二款的期限，延长至…": No. 72 set the suspension, No. 46 is what it suspends (session 49,
        # blind49/17: No. 72 extended too)
        kept = [r for r in kept if not folded.startswith(SUSPENDER_AFTER, r[1])] or kept
    return kept


def told_suspension(folded: str, refs: list[tuple[int, int, NoticeRef]], at: int) -> bool:
    """Whether the 暂停 at ``at`` tells an earlier notice's suspension: that notice named right before it, not as a ground
    ("商务部公告2025年第72号暂停实施…", "…第46号第二款暂停实施至…"), or "上述暂停…" (a noun). A notice whose only 暂停实施 are
    these suspends nothing, and says nothing it could not read (``rules.suspension_without_target``)."""
    if folded.endswith(TOLD_STEP_BEFORE, 0, at):
        return True
    return any(r.key is not None and e <= at and STATE_GAP_RE.fullmatch(folded, e, at) is not None
               and not any(word in folded[max(0, s - 6) : s] for word in GROUND_BEFORE)
               and not grounded_by_rule(folded, s, e, at) for s, e, r in refs)


def relative_object(folded: str, refs: list[tuple[int, int, NoticeRef]], after: list[tuple[int, int, NoticeRef]],
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


def told_state(folded: str, before: list[tuple[int, int, NoticeRef]], at: int, bounds: tuple[int, int],
                published: date | None) -> bool:
    """"根据商务部公告2025年第72号，商务部公告2024年第46号第二款暂停实施至2026年11月27日。现决定，…恢复实施…": a numbered
    notice right before the verb (SUBJECT_GAP_RE), none after it, is its subject; in a sentence (``bounds``) that
    decides nothing and gives no start of its own (none, or one before the text's day), with a decision after it, the
    verb tells the state an earlier notice made. "现决定，商务部公告…暂停实施至…", "自…起，商务部公告…继续暂停实施…"
    still act."""
    if not before or before[-1][2].key is None or STATE_GAP_RE.fullmatch(folded, before[-1][1], at) is None:
        return False
    sentence = folded[bounds[0] : bounds[1]]
    if is_decision(sentence) or DECISION_RE.search(folded, bounds[1]) is None:
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
    found = [r for r in earlier if r[0] >= begin]
    if len(found) > 1 and "发布" in folded[begin:last]:
        # "…发布2025年第70号公告，暂停实施…第55号…第62号相关措施至…。…继续暂停实施上述公告相关措施" (qa48/04): the notice the
        # sentence says was issued, other notices named after it, is the one that did the step told, not one whose
        # measures "上述公告" names (it gave No. 70 an extension of a suspension it never had: a loud false problem)
        tellers = [r for r, nxt in zip(found, found[1:], strict=False) if _issued_teller(folded, r, nxt, begin)]
        if tellers:
            return [r for r in found if r not in tellers]
    if len(found) > 1 and "," in folded[found[0][1] : found[-1][0]]:
        # "商务部公告2025年第70号规定，暂停实施…第55号相关措施至…。现决定，继续暂停实施上述公告相关措施至…" (session 50,
        # review55's near-A): the notice whose rule or decision did the step told, or the ground it followed ("按照…第70号
        # 规定，…第55号相关措施暂停实施至…"), is no notice whose measures "上述公告" names: No. 70 was extended too, its row
        # shown suspended (with a problem, "extends a suspension … not in place")
        tellers = [r for r, nxt in zip(found, found[1:], strict=False) if _rule_teller(folded, r, nxt)]
        if tellers:
            return [r for r in found if r not in tellers]
    return found


# "…第70号规定，" / "…第70号公告的规定，" / "…第70号决定，": a notice told as the rule or decision a step came from
RULE_TELLER_RE = lazy_compile(r"\s*(?:公告)?\s*(?:的|所)?\s*(?:规定|决定)\s*,")


def _rule_teller(folded: str, ref: tuple[int, int, NoticeRef], nxt: tuple[int, int, NoticeRef]) -> bool:
    """Whether ``ref`` is told as the rule a step followed, the notice ``nxt`` named after it (in its sentence) what the
    step acted on: "…第70号规定，暂停实施…第55号…" (a step word between them), "…第70号规定，…第55号相关措施暂停实施至…"
    (``nxt`` the subject of 暂停), "按照…第70号(规定)，…第55号…" (a ground word before it, a comma between). Never "商务部公告
    2025年第21号规定，将…列入…；…第22号…" (no step between, none on ``nxt``) nor "…第21号、第22号…" (no comma)."""
    between = folded[ref[1] : nxt[0]]
    if "," not in between:
        return False
    if any(word in folded[max(0, ref[0] - 6) : ref[0]] for word in GROUND_BEFORE):
        return True
    if RULE_TELLER_RE.match(folded, ref[1], nxt[0]) is None:
        return False
    if any(w in between for w in TELLER_STEPS):
        return True
    at = folded.find("暂停", nxt[1], nxt[1] + 40)
    return at >= 0 and STATE_GAP_RE.fullmatch(folded, nxt[1], at) is not None


TELLER_STEPS = ("暂停", "停止", "恢复", "延长", "取消")  # the step a notice issued did, told between it and the notices it took


def _issued_teller(folded: str, ref: tuple[int, int, NoticeRef], nxt: tuple[int, int, NoticeRef], begin: int) -> bool:
    """Whether ``ref`` is the object of "发布" (right before it or in its span, which may open with the issuer:
    "商务部 海关总署发布2025年第70号公告", "发布了…", "…发布商务部 海关总署公告2025年第70号") and a step
    is told between it and the next notice named (``nxt``): "…发布…第70号公告，暂停实施…第55号…" (No. 70 did it), never
    "…发布…第55号、第56号，商务部发布…第61号、第62号，对相关物项实施出口管制" (each issued, none telling another's step)."""
    return "发布" in folded[max(begin, ref[0] - 3) : ref[1]] and any(w in folded[ref[1] : nxt[0]] for w in TELLER_STEPS)


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


# "2025年4月4日，商务部公告2025年第21号将高点航空技术公司等16家美国实体列入出口管制管控名单。\n\n…决定，自…起，对上述实体暂停实施相关措施"
# (session 42, audit41/18: held for a person, "names no notice"): the entities of the one listing the sentence before tells.
BACK_ENTITIES_RE = lazy_compile(rf"对\s*(?:上述|前述|以上)\s*(?:(?P<n>{NUM})\s*家\s*)?[\u4e00-\u9fff]{{0,6}}?(?:实体|企业)\s*")
TOLD_LISTING_RE = lazy_compile(rf"(?:{NUM})\s*家[^,;。\n()]{{0,12}}?(?:实体|企业)\s*列入")


def _listing_told_before(folded: str, refs: list[tuple[int, int, NoticeRef]], clause_from: int, s_start: int,
                         at: int) -> list[tuple[int, int, NoticeRef]]:
    """The notice whose listing the last sentence naming one tells, when "对上述(N家)实体" right before the verb at ``at`` points
    back to its entities: one numbered notice named there, its listing told by its count with no name in brackets after it
    ("…将A等16家美国实体列入…", never "…所列A（a）、B（b）已…": those two only), and the same count where the pointer gives one;
    [] otherwise."""
    p = folded.rfind("对", clause_from, at)
    m = BACK_ENTITIES_RE.fullmatch(folded, p, at) if p >= 0 and refs else None
    if m is None:
        return []
    found = _last_sentence_refs(folded, refs, s_start)
    if len({r[2].key for r in found}) != 1 or found[0][2].key is None or "(" in folded[found[0][0] : s_start]:
        return []
    told = TOLD_LISTING_RE.search(folded, found[-1][1], s_start)
    if told is None or m.group("n") and to_int(m.group("n")) != to_int(told.group(0)[: told.group(0).index("家")].strip()):
        return []
    return found


def _clause_comma(folded: str, s_start: int, at: int) -> int:
    """The last comma before ``at`` in its sentence that is not inside a bracket ("…所列甲公司（…）、乙公司（Oceaneering
    International, Inc.）2家实体暂停实施…": the English name's comma opens no clause; session 38, audit38/23 probe: the names
    before it were not read, the suspension was all 16's, silently); -1 when there is none."""
    comma = folded.rfind(",", s_start, at)
    while comma >= 0 and folded.rfind("(", s_start, comma) > folded.rfind(")", s_start, comma):
        comma = folded.rfind(",", s_start, comma)
    return comma


# a suspension or extension decided after a restore in the same sentence: a step of its own, with its own start
NEXT_STEP_RE = lazy_compile(r"继续暂停|暂停(?:实施|执行|适用)|延长")
# A term told before the verb as the span it lasts from its start: "自2026年12月10日起的一年内，暂停实施…", "自…起6个月内暂停…" (qa47)
TERM_WITHIN_RE = lazy_compile(rf"起\s*(?:的\s*|)(?P<term>{NUM}\s*(?:个\s*月|年|天|日|周))\s*内")


def _before_next_step(folded: str, v_end: int, stop: int) -> int:
    """Where the restore whose verb ends at ``v_end`` may state its own day, up to ``stop`` (its sentence's end): not in a
    clause after it deciding a suspension of its own ("…第21号…届满后相关措施恢复实施；同时，自2026年12月1日起，继续暂停实施…7号
    相关措施1年", "…暂停期满后恢复实施，…7号相关措施自2026年12月1日起继续暂停实施1年": No. 21 restored on 12-01, 7号's start,
    three weeks after its suspension lapsed; review46): the first "," or ";" after the verb before that step."""
    step = NEXT_STEP_RE.search(folded, v_end, stop) if folded.find("暂停", v_end, stop) >= 0 or \
        folded.find("延长", v_end, stop) >= 0 else None
    if step is None:
        return stop
    cuts = [i for i in (folded.find(",", v_end, step.start()), folded.find(";", v_end, step.start())) if i >= 0]
    return min(cuts, default=stop)


def _after_the_suspension(folded: str, start: int, at: int) -> int:
    """Where the restore at ``at`` may state its own start: after the suspension its sentence (from ``start``) decides
    in an earlier clause of the same step ("自2026年12月10日起，暂停实施…1年，暂停期满后自动恢复实施": session 40, qa40's
    probe: the restore read from 12-10, the listing "in force" the day its suspension began, silently), the end of that
    suspension's 期满; else -1, its whole sentence. A start written after it is the restore's own ("…1年，暂停期满后，
    自2027年12月11日起恢复实施": session 41, review42: read from the suspension's 12-10 too); none, the suspension's end.
    Not across ";": from the restore's own clause after it ("…继续暂停A…1年；同时，B…届满后不再延长，自…起恢复执行", parse18/06:
    B's own day; "自2026年12月10日起，暂停实施A…，暂停期限为6个月；期满后自动恢复实施": no day of its own, so the suspension's end,
    was A's start, 12-10, the listing "in force" the day its suspension began, silently; review50)."""
    since = folded.find("起", start, at)
    if since < 0:
        return -1  # (nearly every restore: its sentence states no start)
    if (semi := folded.rfind(";", since, at)) >= 0:
        return semi + 1 if folded.find("起", semi, at) < 0 else _after_the_suspension(folded, semi + 1, at)
    pause = folded.find("暂停", since, at)
    if pause < 0 and (m := MEASURES_EXTENDED_RE.search(folded, since)) is not None and m.start() < at:
        pause = m.start()  # "自…起，…相关措施延长至D，期满后恢复实施" (session 60: the restore read from the start)
    expiry = EXPIRY_RE.search(folded, pause, at) if pause >= 0 and folded.find(",", pause, at) >= 0 else None
    if expiry is None and pause >= 0 and (then := folded.find(AT_THAT_TIME, pause, at)) >= 0:
        return then + len(AT_THAT_TIME)  # "自…起，…暂停实施1年，届时停止实施" (session 52, resp52: read from the start)
    return -1 if expiry is None else expiry.end()


AT_THAT_TIME = "届时"  # "…暂停实施1年，届时停止实施": the end the clause before told


PERFECTIVE_REACH = 40  # how far after the verb a 了 may mark it done ("暂停实施了上述公告相关措施")


def _perfective(folded: str, s_start: int, at: int, v_end: int, next_start: int) -> bool:
    """Whether a 了 after the verb tells the step as done: in its own clause ("工作机制暂停实施了…相关措施，但…"), or in a later
    one where no 决定 or 宣布 before the verb says it is decided now ("中方自11月10日起继续暂停…1年，这充分体现了…" three days after the
    decision: a restatement). Not "中方决定，自…起，暂停实施…相关措施1年，这体现了中方…的诚意" (session 40, qa40/17: the
    suspension lost; in a press conference or a statement "no action found", exit 0). The clause ends at a comma, ";" or a
    full stop outside a bracket ("…（Oceaneering International, Inc.）")."""
    stop = min(v_end + PERFECTIVE_REACH, next_start)
    le = folded.find("了", v_end, stop)
    if le < 0:
        return False  # (nearly every verb)
    depth = 0
    for i in range(v_end, le):
        c = folded[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and c in ",;。":
            # (a decision said with 宣布 too: "中方宣布，自…起，暂停…1年，这体现了…" was lost: review41)
            return not any_within(folded, DECIDED_BEFORE, s_start, at)
    return True


def on_targets(folded: str, clean: str, s_start: int, v: re.Match[str], kind: ActionKind, next_start: int,
                clause_from: int, after: list[tuple[int, int, NoticeRef]], targets: list[tuple[int, int, NoticeRef]],
                published: date | None, effective: str | None, notice_list: ListKind | None,
                text: str, answer: tuple[int, int] | None = None, ended: re.Match[str] | None = None,
                extended_by: str | None = None, titled: bool = False) -> ActionDraft | None:
    """An action on earlier notices (suspend, extend, lift, restore, remove); none on a trade remedy
    ("终止…所涉反倾销调查", "停止执行…公告规定的反倾销税"): goods, on no list. In an answer (``answer``: its
    sentence's bounds), only one the sentence decides or dates (``decided_in``). ``ended``: the suspension the verb
    ends, its subject (``words.suspension_ended``): a restore from the day it names, else from the suspension's end.
    ``extended_by``: the period of the extension by a duration its sentence read before the verb (``clauses._extended_by``):
    a restore at the end of a suspension with no day told is at the lapse of that extension (its ``extends_by``), which
    the engine counts (``storage.lifecycle.collect._count_extensions``). ``titled``: the notice's title names this step on
    these notices, so a decision its sentence tells by its day is its own (``tense.told_as_past``'s ``own``)."""
    at, v_end = v.span()
    after_end: date | None = None  # a restore's day read as the end its text told (``ActionDraft.after_end``)
    counted_by: str | None = None  # a restore at the lapse of an extension by this period (``extended_by``)
    if kind is ActionKind.RESTORE and folded.startswith(CONTINUED, at):
        if (effective := _continued_from(folded, clean, s_start, at, published, answer)) is None:
            return None
    if kind is ActionKind.RESTORE and answer is not None and folded.find("已", max(s_start, at - DONE_REACH), at) >= 0:
        done, day = told_done(folded, s_start, at, published)
        if done:  # "…第6号规定的反制措施已于2026年11月10日按期恢复实施": the step, on the day it names
            return _restore_told_done(folded, clean, s_start, at, v_end, next_start, targets, answer, day, published,
                                      notice_list, text)
    if _no_step_now(folded, s_start, v, kind, next_start, after, published, effective, answer, titled):
        return None
    if kind is ActionKind.RESTORE and (ended is not None or EXPIRY_RE.search(folded, s_start, next_start)
                                       or _at_that_time(folded, s_start, at) or at_end_time(folded, s_start, at)
                                       or _after_not_renewed(folded, s_start, at)) \
            or kind is ActionKind.LIFT and lifted_at_expiry(folded, s_start, at):
        if (back := _back_at_end(folded, clean, s_start, v, next_start, published, effective, answer, ended,
                                 extended_by)) is None:
            return None
        effective, counted_by, after_end = back
    if (kind is ActionKind.EXTEND or kind is ActionKind.SUSPEND) and folded.find(FROM_END_WORDS, at, next_start) >= 0:
        # "继续暂停…相关措施，为期一年，自上述暂停期限届满之日起计算": from the end the text told before, in any paragraph
        # (session 34, audit34/04: the notice's own day, a month after the lapse, was taken)
        end = suspension_end(folded, clean, at, published, whole=True)
        if end is not None:
            effective = end.isoformat()
    period = _period_of(folded, clean, s_start, at, v_end, next_start, targets, after)
    clause_start = max(_clause_comma(folded, s_start, at) + 1, clause_from)
    lst = _target_list(targets, folded, clause_start, next_start, notice_list)
    target_refs = _on_list(targets, lst)
    limited = _limited_to(folded, clause_from, clause_start, at, v_end, next_start, targets, after)
    if period is None:
        return ActionDraft(kind, lst, target_refs, effective, None, None, text, at, None, limited, counted_by, after_end)
    until = None
    # an extension with no start for the text but its publication day (else it has a start: no call)
    if kind is ActionKind.EXTEND and (effective is None or published is not None and effective[:10] == published.isoformat()):
        by = extension_term(folded, period, s_start, at)
        if by is not None:  # "暂停期限延长1年": from the running end, which only the engine knows
            return ActionDraft(kind, lst, target_refs, effective, None, period[0], text, at, None, limited, by)
    if kind is ActionKind.SUSPEND or kind is ActionKind.EXTEND:
        until = until_day(period, iso_to_date(effective) or published, published)
    return ActionDraft(kind, lst, target_refs, effective, until, period[0], text, at, None, limited, None, after_end)


def _continued_from(folded: str, clean: str, s_start: int, at: int, published: date | None,
                    answer: tuple[int, int] | None) -> str | None:
    """The day of a restore said "继续实施" ("…暂停期限已于2026年11月10日届满。工作机制决定，上述措施继续实施"): in an answer,
    back from the end it told (passed by its day), or from the day its sentence states; None: any other "继续实施" is no
    step (session 41: qa40/02 was held)."""
    end = suspension_end(folded, clean, at, published) if answer is not None and published is not None else None
    if end is None or published is None or end > published:
        return None
    return effective_in(folded[s_start:at], published) or end.isoformat()


def _no_step_now(folded: str, s_start: int, v: re.Match[str], kind: ActionKind, next_start: int,
                 after: list[tuple[int, int, NoticeRef]], published: date | None, effective: str | None,
                 answer: tuple[int, int] | None, titled: bool) -> bool:
    """The verb takes no step now: told as done or as past, dated before, on a trade remedy, in an answer not decided
    or said of both sides, weighed or held off, or a suspension of what ended before."""
    at, v_end = v.span()
    return bool(_perfective(folded, s_start, at, v_end, next_start) or told_as_past(folded, s_start, at, published, titled)
                or dated_before(folded, s_start, published, answer is None)
                or TRADE_REMEDY_RE.search(folded, s_start, next_start)
                or answer is not None and not decided_in(folded, answer, s_start, at, v_end, effective, published)
                or answer is not None and not after and both_sides(folded, s_start, at, v_end)
                or answer is None and held_off(folded, s_start, at, v_end)
                or kind is ActionKind.SUSPEND and _ended_before(folded, at, published))


def _back_at_end(folded: str, clean: str, s_start: int, v: re.Match[str], next_start: int, published: date | None,
                 effective: str | None, answer: tuple[int, int] | None, ended: re.Match[str] | None,
                 extended_by: str | None) -> tuple[str | None, str | None, date | None] | None:
    """A restore (or a lift "…暂停至2027年5月31日，期满后停止实施") back in force when the suspension ends: (its day, the
    extension it lapses with, the end it was read from), or None: no step.

    (A lift likewise: from the day after the end told before it, not the sentence's day: session 51, resp51, review59/25:
    the lift read from the answer's day, months early, or not at all.) On the day the sentence gives, else on the
    suspension's last day as the text told it before; none read, an answer's is no action (its page is refused for review:
    page.unread_expiry), and so is a notice's where its sentence tells the expiry (its own day was taken: months early,
    review44), else a notice's takes the notice's day."""
    at, v_end = v.span()
    counted_by = None
    bounds = answer or (s_start, sentence_end(folded, at))
    own = _day_it_ends(ended) or effective_in(
        folded[max(bounds[0], _after_the_suspension(folded, bounds[0], at)) : _before_next_step(folded, v_end, bounds[1])],
        published)
    end = suspension_end(folded, clean, at, published) if own is None else None
    if own is None and end is None and folded.find(TOLD_SUSPENSION, bounds[0], at) >= 0:
        # "…第70号规定，暂停实施…至2026年11月10日。\n上述暂停期限届满后，…第55号…按期恢复实施": the end the text told in a
        # paragraph before (session 49, blind49/12: the restore dropped, silently)
        end = suspension_end(folded, clean, at, published, whole=True)
    if own is None and end is None and extended_by is not None:
        # "将…的暂停期限延长1年，期满后自动恢复实施": at the lapse of that extension, counted by the engine
        counted_by = extended_by
    elif own is None and end is None and (answer is not None or EXPIRY_RE.search(folded, s_start, next_start)):
        return None
    after_end = end
    if own is None and end is not None and folded.find("次日", bounds[0], bounds[1]) >= 0 \
            and AFTER_END_NEXT_DAY_RE.search(folded, bounds[0], bounds[1]):
        end, after_end = end + timedelta(days=1), None  # "届满后不再延长，自届满次日起恢复实施": the day after the end
    return own or (end.isoformat() if end else effective), counted_by, after_end


def _period_of(folded: str, clean: str, s_start: int, at: int, v_end: int, next_start: int,
               targets: list[tuple[int, int, NoticeRef]], after: list[tuple[int, int, NoticeRef]]) -> Period | None:
    """The step's term: a duration after its object, else an end or a term "…内" said before the verb."""
    last_target_end = max([r[1] for r in targets]) if len(targets) > 1 else targets[0][1]
    dur_start = max(last_target_end, v_end) if after else v_end
    period = duration_in(folded, clean, dur_start, next_start)
    if period is None:
        until_m = UNTIL_RE.search(folded, s_start, at)
        if until_m is None and folded.find("年", s_start, at) >= 0:
            # "自2026年12月10日起至明年6月30日，暂停实施…" (session 42, qa42/25: read as a suspension with no end, silently)
            until_m = RELATIVE_UNTIL_RE.search(folded, s_start, at)
        if until_m is None and (folded.find("底", s_start, at) >= 0 or folded.find("末", s_start, at) >= 0):
            until_m = MONTH_END_RE.search(folded, s_start, at)  # "自…起至2027年6月底，暂停实施…"
        if until_m is None and folded.find("至", s_start, at) >= 0:
            until_m = YEARLESS_UNTIL_RE.search(folded, s_start, at)  # "自1月1日起至3月31日，暂停执行…" (blind57)
        if until_m:
            period = until_period(clean, until_m)
        elif folded.find("内", s_start, at) >= 0 and (within := TERM_WITHIN_RE.search(folded, s_start, at)) is not None:
            # "自2026年12月10日起的一年内，暂停实施…" (qa47: read with no end, suspended for good, silently)
            period = duration_in(folded, clean, within.start("term"), within.end("term"))
    return period


def _on_list(targets: list[tuple[int, int, NoticeRef]], lst: ListKind | None) -> tuple[NoticeRef, ...]:
    """The notices a step is on: a ref that names its list, or any when no list is known, is kept as it is; another
    takes the step's list."""
    return tuple([r for _, _, r in targets] if lst is None else
                 [r if r.list is not None else NoticeRef(text=r.text, key=r.key, date=r.date, list=lst,
                                                         count=r.count, country=r.country, series=r.series,
                                                         number=r.number, title=r.title)
                  for _, _, r in targets])


def _limited_to(folded: str, clause_from: int, clause_start: int, at: int, v_end: int, next_start: int,
                targets: list[tuple[int, int, NoticeRef]], after: list[tuple[int, int, NoticeRef]]) -> tuple[int, int] | None:
    """The entities of the notices a step is limited to, where its clause names some (their span), else None."""
    return _on_entities(folded, clause_start, next_start) or _object_clause_before(folded, clause_from, clause_start, next_start, at) or (
        _named_object(folded, clause_from, at) if after or folded.startswith(MEASURES_AFTER, v_end) else None) or (
        _object_after_verb(folded, v_end, targets[0][0] if targets[0][0] >= v_end else next_start)) or _names_clause_before(folded, clause_from, clause_start, at) \
        or _names_after_colon(folded, clause_from, at, v_end, next_start)


def _day_it_ends(ended: re.Match[str] | None) -> str | None:
    """The day a suspension ends on, "…的暂停安排于2026年12月30日终止", "…提前至2026年12月30日终止" (no 起: a start is the
    sentence's to read); the day after a term written to its last day ("…的暂停期限至2026年12月30日，不再延长": included, as
    ``storage.periods.LAST_DAY_RE`` reads a suspension "至…", the measures back on 12-31; review44, session 42)."""
    if ended is None or ended["day"] is None or ended["since"] is not None:
        return None
    day = parse_cn_date(ended["day"])
    if day is not None and ended["at"] == "至" and "提前" not in ended[0] and "期" in ended[0][: ended.start("at") - ended.start()]:
        day += timedelta(days=1)
    return day.isoformat() if day else None


def _ended_before(folded: str, at: int, published: date | None) -> bool:
    """Whether the suspension of the verb at ``at`` is told as ended before the text's day in the verb's sentence ("上述措施
    暂停实施，暂停期限经两次延长，于2026年11月10日届满" in a notice of 2026-12-08): told, not taken (session 34, audit34/04's
    text without its "2025年5月14日起": an open suspension from the notice's day)."""
    end = sentence_end(folded, at)
    if published is None or folded.find("届满", at, end) < 0 and folded.find("到期", at, end) < 0 \
            and folded.find("期满", at, end) < 0:
        return False
    return any((day := parse_cn_date(m.group("date"))) is not None and day < published
               for m in END_DAY_RE.finditer(folded, at, end))


# "自届满次日起恢复实施", "自期满之次日起": the day after the suspension's end (session 41, qa41/21: read on the end day).
AFTER_END_NEXT_DAY_RE = lazy_compile(r"(?:届满|期满|到期)\s*(?:之\s*)?次\s*日\s*起")
FROM_END_WORDS = "届满之日起"  # "自上述暂停期限届满之日起计算": a period counted from the end told before


def _restore_told_done(folded: str, clean: str, s_start: int, at: int, v_end: int, next_start: int,
                       targets: list[tuple[int, int, NoticeRef]], answer: tuple[int, int], day: date | None,
                       published: date | None, notice_list: ListKind | None, text: str) -> ActionDraft | None:
    """An answer's restore told as done (``tense.told_done``), "商务部令2025年第6号规定的反制措施已于2026年11月10日按期恢复
    实施" (session 27, parse26/02): the restore of the notices its sentence (``answer``) names, from the day it names, else
    from the end of the suspension the answer told before it. None where it is doubted, denied or claimed (``held_off``),
    names no notice of its own sentence (a pointer, "上述措施已恢复实施", stays no action: a warning, the lapse presumed),
    or no day is told: never the answer's own day. With no day after its 已, the start its sentence names before it ("自2026年11月
    11日起，…第21号相关措施已恢复实施"), else the day after the end told (``after_end``, dated by ``rules.steps.restored_at_lapse``:
    the end is the suspension's last day; session 51, qa51/27: the end itself was taken, the notice shown back in force on a
    day it was still suspended, with an item id a day early, silently)."""
    if held_off(folded, s_start, at, v_end) or TRADE_REMEDY_RE.search(folded, s_start, next_start) \
            or not all(r.key is not None and s >= answer[0] for s, _, r in targets):
        return None
    after_end: date | None = None
    if day is None:
        day = _start_before_done(folded, s_start, at, published)
    if day is None:
        day = suspension_end(folded, clean, at, published)
        if day is None or published is not None and day > published:
            return None
        after_end = day
    clause_start = max(folded.rfind(",", s_start, at) + 1, s_start)
    lst = _target_list(targets, folded, clause_start, next_start, notice_list)
    refs = tuple(r if lst is None or r.list is not None else replace(r, list=lst) for _, _, r in targets)
    limited = _on_entities(folded, clause_start, next_start) or _named_object(folded, s_start, at)
    return ActionDraft(ActionKind.RESTORE, lst, refs, day.isoformat(), None, None, text, at, None, limited, None, after_end)


def _start_before_done(folded: str, s_start: int, at: int, published: date | None) -> date | None:
    """The start the sentence of a restore told as done names before its 已 ("自2026年11月11日起，…相关措施已恢复实施"), not after
    ``published``; None where it names none (asked only where a 起 stands there)."""
    p = folded.rfind("已", max(s_start, at - DONE_REACH), at)
    if p < 0 or folded.find("起", s_start, p) < 0:
        return None
    told = effective_in(folded[s_start:p], published)
    day = date.fromisoformat(told[:10]) if told else None
    return day if day is not None and (published is None or day <= published) else None


# "停止执行对上述16家美国实体采取的出口管制措施": the entities a question named by date and count ("2025年4月4日被列入出口管制
# 管控名单的16家美国实体").
COUNTED_POINTER_RE = lazy_compile(rf"对上述\s*(?P<n>{NUM})\s*家")


def _counted_pointer_refs(folded: str, refs: list[tuple[int, int, NoticeRef]],
                          v_end: int) -> list[tuple[int, int, NoticeRef]]:
    """The last ref before the verb ending at ``v_end`` counting as many entities as "对上述N家" after it (a ref by date
    and count, as the question of a Q&A gives it: session 25, parse25, the lift was left out), else []."""
    m = COUNTED_POINTER_RE.match(folded, v_end)
    n = to_int(m.group("n")) if m else None
    found = [r for r in refs if r[1] <= v_end and r[2].count is not None and r[2].count == n]
    return found[-1:]


# "…对…第21号所列A（a）恢复实施相关措施；该公告所列其余实体的相关措施继续暂停实施1年": the verb's subject is the measures of
# "that notice", the numbered one named last before it (probe p12 of session 26, parse26: the extension was lost, the 15
# others presumed back in force when the old term ran out).
THAT_SUBJECT_RE = lazy_compile(r"该(?:公告|决定)\s*(?:所列[^,;。\n]{0,16}?)?(?:的)?\s*(?:相关|有关)?\s*(?:处理|管控|反制)?\s*措施\s*"
                             r"(?:将|即|均)?\s*(?:自[^,;。\n]{1,24}?起\s*)?$")


THAT_LISTED_RE = lazy_compile(r"该(?:公告|决定)\s*(?=所列)")


def _that_subject(folded: str, refs: list[tuple[int, int, NoticeRef]], clause_from: int,
                  at: int) -> list[tuple[int, int, NoticeRef]]:
    """The numbered notice "该公告…措施" before the verb at ``at`` (THAT_SUBJECT_RE, in its clause from ``clause_from``)
    points back to: the last one named before it; [] when the verb has no such subject."""
    p = folded.rfind("该", clause_from, at)
    if p < 0 or not refs:
        return []
    if THAT_SUBJECT_RE.match(folded, p, at) is None:
        # "对该公告所列A（a）、B（b）2家实体暂停实施相关措施": the names that notice lists, right before the verb (session 38,
        # audit38/23: held for a person, "names no notice its 暂停实施 could act on")
        listed = THAT_LISTED_RE.match(folded, p, at)
        if listed is None or (m := LISTED_OBJECT_RE.match(folded, listed.end(), at + 4)) is None or m.end() != at \
                or folded.startswith(THE_OTHERS, m.start("obj")):
            return []  # (not "该决定所列其他企业": the others of the step before, ``_the_others_of_step_before``)
    return [r for r in refs if r[1] <= p and r[2].key is not None][-1:]


# "一、将该公告所列斯凯迪奥公司（Skydio Inc.）、英斯图公司（Insitu, Inc.）移出不可靠实体清单。": a removal of names "that notice"
# lists, the numbered one named last before it (session 60, text59/41: removed from no notice, so "二、对该公告所列其余9家实体，
# 继续暂停…" after it named nothing, held). Names with their Latin spelling in brackets, right before the verb.
THAT_LISTED_NAMES_RE = lazy_compile(r"将\s*该\s*公告\s*所列\s*(?:的\s*)?(?=[^,;。()]{1,60}\()(?:[^,;。()]|\([^()]{0,80}\)){2,400}?(?<=\))\s*$")


def _that_listed_removed(folded: str, refs: list[tuple[int, int, NoticeRef]], clause_from: int,
                         at: int) -> list[tuple[int, int, NoticeRef]]:
    """The numbered notice "将该公告所列X（x）…" before the removal verb at ``at`` (THAT_LISTED_NAMES_RE, in its clause from
    ``clause_from``) points back to: the last one named before it; [] else."""
    p = folded.rfind("将", clause_from, at)
    if p < 0 or THAT_LISTED_NAMES_RE.match(folded, p, at) is None:
        return []
    return [r for r in refs if r[1] <= p and r[2].key is not None][-1:]


def _removal_of_names(folded: str, at: int) -> bool:
    """Whether the removal verb at ``at`` has names with their bracketed spelling as its object, after its 将 in its sentence
    ("将…第21号所列A（a）、B（b）移出…"): a removal of some entities of its notice, never all of it."""
    p = folded.rfind("将", sentence_start(folded, at), at)
    return p >= 0 and folded.find("(", p, at) >= 0 and "附件" not in folded[p:at]


# "…所列实体，除A（a）恢复实施相关措施外，继续暂停实施相关措施1年": the clause after "…外，" acts on the notices of the step the
# exception named (probe p13 of session 26, parse26: the extension was lost, and the restore read for all 16).
EXCEPTION_END_RE = lazy_compile(r"[^,;。\n]*外\s*,\s*$")


def _beside_exception(folded: str, out: list[ActionDraft], s_start: int, clause_from: int,
                      at: int) -> list[tuple[int, int, NoticeRef]]:
    """The notices of the step just before in the sentence (from ``s_start``) when it stands in "除…外" and the verb at
    ``at`` follows "外，" (EXCEPTION_END_RE over ``folded[clause_from:at]``); [] else."""
    last = out[-1]
    if last.start < s_start or not last.targets or EXCEPTION_END_RE.match(folded, clause_from, at) is None:
        return []
    opening = folded.rfind("除", s_start, last.start)
    if opening < 0 or folded.find(",", opening, last.start) >= 0:
        return []
    return [(last.start, last.start, r) for r in last.targets]


# "对韩华航运有限责任公司（…）继续暂停实施…（商务部令2025年第6号）规定的反制措施1年；其余4家企业的反制措施按期恢复实施": the verb's
# subject (or its object after 对) is "the others" of the notice the step before it in its paragraph acts on (probe p2 of
# session 26: the restore was not read, the others presumed back in force only as a lapse, needs review).
OTHERS_SUBJECT_RE = lazy_compile(rf"\s*(?:[一二三四五六七八九十]{{1,3}}\s*、\s*|\(\s*[一二三四五六七八九十]{{1,3}}\s*\)\s*)?(?:对\s*)?(?:该(?:公告|决定|令)\s*所列\s*)?(?:{THE_OTHERS_ALT})\s*(?:{NUM}\s*[家名]\s*)?"
                               r"[\u4e00-\u9fff]{0,4}?(?:企业|实体|公司|单位|机构)\s*(?:的\s*)?(?:相关|有关)?\s*(?:反制|处理|管控)?"
                               r"\s*(?:措施)?\s*(?:将|均)?\s*(?:,?\s*自[^,;。\n]{1,24}?起)?\s*(?:按期|如期|自动)?\s*(?:,\s*)?$")
# "…其余14家美国实体，自2026年11月11日起继续暂停…": a start in a comma clause of its own between "the others" and the verb
# (session 60, blind60/25: the extension of the 14 lost, silently; they showed 'lapsed: presumed back in force').
START_CLAUSE_RE = lazy_compile(r"\s*自[^,;。\n]{1,24}?起\s*(?:,\s*)?$")
ON_OTHERS = frozenset((ActionKind.RESTORE, ActionKind.EXTEND, ActionKind.SUSPEND, ActionKind.LIFT))


def _the_others_of_step_before(folded: str, out: list[ActionDraft], clause_from: int,
                               at: int) -> list[tuple[int, int, NoticeRef]]:
    """The notices of the step just before (``out[-1]``, in the verb's paragraph, limited to named entities) when the verb at
    ``at`` has "其余N家企业(的反制措施)" as its subject or object in its clause from ``clause_from`` (OTHERS_SUBJECT_RE): the
    step is on the rest of that notice, which the engine sets apart from the named (``lifecycle.collect._one_step_each``).
    [] else: a "其余" with no step on named entities before it in its paragraph names nothing that can be read."""
    last = out[-1]
    if not last.targets or last.start > at or folded.find("\n", last.start, at) >= 0 and not _next_item(folded, last.start, at):
        return []
    if last.on_entities is None and not _on_annex_lines(folded, last.start) \
            and not (last.action is ActionKind.REMOVE and _removal_of_names(folded, last.start)):
        return []  # (a removal of names of that notice: "一、将该公告所列A（a）、B（b）移出…二、对该公告所列其余9家实体，继续暂停…")
    if folded.find("其", clause_from, at) < 0 and folded.find("剩余", clause_from, at) < 0:  # in every match
        return []
    end = at  # its clause: from the last comma before it ("…恢复实施反制措施，对该决定所列其他企业继续暂停…"), not one right before it
    while end > clause_from and folded[end - 1] in " ,":
        end -= 1
    subject_from = max(clause_from, folded.rfind(",", clause_from, end) + 1)
    if subject_from > clause_from and START_CLAUSE_RE.fullmatch(folded, subject_from, at) is not None:
        subject_from = max(clause_from, folded.rfind(",", clause_from, subject_from - 1) + 1)
    if OTHERS_SUBJECT_RE.fullmatch(folded, subject_from, at) is None:
        return []
    return [(last.start, last.start, r) for r in last.targets]


# A numbered item of a decision ("一、…", "（二）…") at a line's start.
ITEM_OPENING_RE = lazy_compile(r"[^\S\n]*(?:[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\))")


# "…附件第2项、第5项、第9项所列实体": a step limited to lines of its notice's annex (rules/record.py reads their numbers).
ANNEX_LINES_RE = lazy_compile(r"附件[^,;。\n]{0,24}?第\s*\d{1,3}\s*项")


def _on_annex_lines(folded: str, at: int) -> bool:
    """Whether the sentence of the step at ``at`` names lines of an annex before its verb (ANNEX_LINES_RE)."""
    start = max(folded.rfind("\n", 0, at), folded.rfind("。", 0, at)) + 1
    return "附件" in folded[start:at] and ANNEX_LINES_RE.search(folded, start, at) is not None


def _next_item(folded: str, before: int, at: int) -> bool:
    """Whether ``at`` is in the numbered item right after the one holding ``before`` (only blank lines between): "一、…对
    其中的3家实体…恢复实施…\n二、…对该公告所列其余8家实体，继续暂停…" is one decision in two items (session 30, audit30/08:
    item 二 on its own line named nothing, and the notice was refused for review)."""
    line = folded.rfind("\n", 0, at) + 1
    first = folded.rfind("\n", 0, before) + 1
    if ITEM_OPENING_RE.match(folded, line) is None or ITEM_OPENING_RE.match(folded, first) is None:
        return False
    return folded[folded.find("\n", before) : line].strip() == ""


def _not_renewed_before(folded: str, out: list[ActionDraft], s_start: int) -> list[tuple[int, int, NoticeRef]]:
    """The notices of the "不再延长" its sentence (from ``s_start``) said last, as refs: "…〔2025〕7号相关措施暂停期满后不再延长，
    自…起按期恢复实施" restores what is not renewed (one restore), not what the paragraph suspended before it (session 26,
    parse26: "…第21号相关措施继续暂停实施1年；" before it was read as restored too)."""
    last = out[-1] if out else None
    if last is None or last.action is not ActionKind.RESTORE or last.start < s_start or not folded.startswith(NOT_RENEWED_STARTS, last.start):
        return []
    return [(last.start, last.start, r) for r in last.targets]


def _extended_before(out: list[ActionDraft], s_start: int) -> list[tuple[int, int, NoticeRef]]:
    """The notices of the extension its sentence (from ``s_start``) said last, with its term, as refs: "…继续暂停实施…第21号
    相关措施，暂停期限延长1年，期满后自动恢复实施" restores what is extended (the term's clause a verb of its own, the notice
    before it: no notice was read for the restore, so it was dropped and the end read as a lapse "presumed back in force,
    needs review"; session 45, probe45 r11). The steps split per notice at that verb ("…分别延长6个月和1年，期满后…") all.
    A suspension with its end whose notice stands before its verb likewise ("…第21号相关措施暂停至2027年6月30日，期满后自动恢复
    实施": the restore read no notice, so the end read as a lapse needing review; session 48, qa48/40;
    "暂停实施…相关措施至…，期满后…" names it after the verb, the restore's own clause has it)."""
    last = out[-1] if out else None
    if last is None or last.action not in ENDED_STEPS or last.start < s_start or not last.targets \
            or last.until is None and last.extends_by is None:
        return []
    # "…A相关措施暂停至D1，B相关措施暂停至D2，期满后恢复实施": each suspension with its end right before the restore in its
    # sentence, not the last alone (session 50, review55/11: A's restore missed, its end a lapse needing review); each is
    # back at its own end (``clauses._restores_after_split``)
    first = last.start
    for x in reversed(out):
        if x.start >= first:
            continue
        if x.start < s_start or x.action not in ENDED_STEPS or not x.targets or x.until is None and x.extends_by is None:
            break
        first = x.start
    return [(x.start, x.start, r) for x in out if first <= x.start <= last.start for r in x.targets]


ENDED_STEPS = (ActionKind.EXTEND, ActionKind.SUSPEND)  # the steps a restore "期满后" takes back, their end told
# A restore's sentence opening with the end alone, no notice of its own ("期满后自动恢复实施", "暂停期限届满后，将按期恢复实施",
# "期满后，相关措施将恢复实施").
EXPIRY_OPENING_RE = lazy_compile(r"\s*(?:(?:暂停|上述)\s*)*(?:期限\s*)?(?:届满|期满|到期)\s*(?:之日\s*)?后\s*,?\s*"
                                 r"(?:(?:相关|上述|有关)\s*措施\s*)?(?:将|即|均)?\s*(?:自动|按期)?\s*")


def step_reach(folded: str, out: list[ActionDraft], s_start: int, at: int) -> int:
    """Where a restore at ``at`` (its sentence from ``s_start``) looks for the step whose end it follows: ``s_start``, or,
    where its sentence opens with that end alone (EXPIRY_OPENING_RE) right after the "；" or "。" closing the step before in its
    paragraph, that step's start: "…的暂停期限延长1年；期满后自动恢复实施", "…延长1年。期满后自动恢复实施" say what "…延长1年，期满后自动恢复实施"
    says (session 49, range49, review54's st/v2-v3: held as "no day its measures are back")."""
    last = out[-1] if out else None
    if last is None or last.start >= s_start:
        return s_start
    boundary = len(folded[:s_start].rstrip()) - 1
    if boundary <= last.start or folded[boundary] not in "。;" or any(folded.find(c, last.start, boundary) >= 0 for c in "。;\n") \
            or EXPIRY_OPENING_RE.fullmatch(folded, s_start, at) is None:
        return s_start
    return last.start


def _at_that_time(folded: str, s_start: int, at: int) -> bool:
    """"…暂停期限将于2026年11月10日届满。届时，…规定的反制措施将按期恢复实施": 届时 (its sentence's first word) is the end
    the sentence before told, the restore's day (session 26, parse26: the answer's own day, two days of a false "in force")."""
    return folded.startswith("届时", _past_blanks(folded, s_start, at), at)


def _past_blanks(folded: str, start: int, end: int) -> int:
    """The first offset from ``start`` (before ``end``) that is no blank."""
    while start < end and folded[start].isspace():
        start += 1
    return start


def _restored_by_expiry(folded: str, s_start: int, at: int) -> bool:
    """"暂停期限届满后，相关措施自动恢复实施" (the verb at ``at``): the measures the paragraph suspended are back when the
    suspension ends (session 25, parse25: no notice was read for it, so the end read as a lapse "presumed back in force,
    needs review" where the suspending notice itself said they are back). "…暂停至2027年6月30日，期满后恢复实施" (no 自动) says
    the same: the end right before the verb (AT_EXPIRY_RE; session 49, range49, review54's t/q26: the restore read no notice)."""
    if folded.endswith(BY_ITS_END, s_start, at):
        return EXPIRY_RE.search(folded, s_start, at) is not None or at_end_time(folded, s_start, at)
    return folded.find("后", max(s_start, at - AT_EXPIRY_REACH), at) >= 0 \
        and AT_EXPIRY_RE.search(folded, max(s_start, at - AT_EXPIRY_REACH), at) is not None \
        or at_end_time(folded, s_start, at)


def at_end_time(folded: str, s_start: int, at: int) -> bool:
    """"…暂停至2027年5月31日，届时(自动)恢复实施", "…，期满时停止实施" (the verb at ``at``): the end's time right before the verb
    (AT_END_TIME_RE), as "期满后" is (session 52, resp52, review60/14: the step missed, silently)."""
    lo = max(s_start, at - AT_EXPIRY_REACH)
    return folded.find("时", lo, at) >= 0 and AT_END_TIME_RE.search(folded, lo, at) is not None


def lifted_at_expiry(folded: str, s_start: int, at: int) -> bool:
    """"…第21号相关措施暂停至2027年5月31日，期满后停止实施" (the lift's verb at ``at``): the measures stop when the suspension
    ends, the end right before the verb (AT_EXPIRY_RE), as a restore's "期满后恢复实施" (session 51, resp51, review59/25: read
    from the sentence's day, the notice shown lifted while suspended, or not read). "…暂停至D，届时停止实施", "…，期满时终止实施",
    "…，到期时不再实施" say the same (AT_END_TIME_RE; session 52, resp52, review60/14: the lift missed, No. 21 presumed back in
    force at D's end, silently; "自…起，暂停实施…至D，期满时停止实施" read the lift from the start, months early)."""
    lo = max(s_start, at - AT_EXPIRY_REACH)
    if folded.find("后", lo, at) >= 0:
        return AT_EXPIRY_RE.search(folded, lo, at) is not None
    return at_end_time(folded, s_start, at)


# Right before a restore's 恢复: the end, and the measures as its subject ("期满后恢复实施", "期满后，相关措施将恢复实施": the restore
# read no notice, its end a lapse needing review; session 49, range49).
AT_EXPIRY_RE = lazy_compile(r"(?:届满|期满|到期)\s*(?:之日\s*)?后\s*,?\s*(?:(?:相关|上述|有关)\s*措施\s*)?(?:将|即|均|分别)?\s*$")
AT_EXPIRY_REACH = 16  # "届满之日后，相关措施将" and blanks
# Right before a lift's verb: the end's time ("期满时", "届满之时", "到期时"), or 届时 right after the day or term a step ends
# with ("…暂停至2027年5月31日，届时停止实施", "…暂停实施1年，届时停止实施"; not "…于12月10日召开会议，届时…": no end of a step, but
# the meeting's day: the clause before must end in a day or a term, and the lift then finds the step it ends, or none).
AT_END_TIME_RE = lazy_compile(r"(?:(?:届满|期满|到期)\s*(?:之)?\s*时|(?:日|年|月|天)\s*,\s*届时)\s*,?\s*"
                              r"(?:(?:相关|上述|有关)\s*措施\s*)?(?:将|即|均|分别)?\s*(?:自动|按期)?\s*$")


# "中方决定，届时不再延长，相关措施自2026年11月11日起恢复实施" after "…第21号暂停实施的相关措施将于2026年11月10日到期。": the
# suspension not renewed, the measures back (held59's probe r03, session 60: held, "names no notice"); the words of
# NOT_RENEWED, the measures the restore's subject right before it (its day, 将, 自动 between)
AFTER_NOT_RENEWED_RE = lazy_compile(r"(?:不再(?:对其)?(?:予以)?|不予)(?:延长|延期|续期|展期|顺延)\s*,\s*(?:相关|上述|有关|该)\s*措施\s*"
                                    r"(?:将|均)?\s*(?:(?:自|从|于)[^,;。\n]{1,16}?起?)?\s*(?:将|均)?\s*(?:自动|按期)?\s*$")


def _after_not_renewed(folded: str, s_start: int, at: int) -> bool:
    """Whether the restore at ``at`` has the measures as its subject right after a "不再延长" with no object of its own in
    its sentence (AFTER_NOT_RENEWED_RE): what the paragraph before told as suspended is back (``_suspended_before``)."""
    return folded.find("不", s_start, at) >= 0 and AFTER_NOT_RENEWED_RE.search(folded, s_start, at) is not None


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
    if p < 0:
        return []
    found = [r for r in refs if sentence_start(folded, p, line) <= r[0] and r[1] <= p and p - r[1] <= SUBJECT_REACH
             and folded.find(",", r[1], p) < 0]
    return _joined_before(folded, refs, found) if found else []


JOINING = frozenset(("和", "及", "以及", "与", "、", ""))


def _joined_before(folded: str, refs: list[tuple[int, int, NoticeRef]],
                   found: list[tuple[int, int, NoticeRef]]) -> list[tuple[int, int, NoticeRef]]:
    """``found`` with the refs joined to its first by 和, 及, 以及, 与 or 、 before it: "商务部公告2025年第21号和不可靠实体清单
    工作机制公告〔2025〕7号相关措施的暂停期限于今日届满…相关措施…自动恢复实施" restores both (session 49, blind49/34: No. 21
    was left out, only 7号, the subject next to 暂停, restored)."""
    out = list(found)
    for r in reversed([r for r in refs if r[1] <= found[0][0]]):
        if folded[r[1] : out[0][0]].strip() not in JOINING:
            break
        out.insert(0, r)
    return out


def _object_clause_before(folded: str, clause_from: int, clause_start: int, end: int, at: int) -> tuple[int, int] | None:
    """The object of "对…第23号所列甲公司采取的出口管制措施，自…起予以解除": the measures named in the clause before the
    verb's, ending "措施," (session 29, audit29: a Q&A's lift was read for the whole notice, its 9 others falsely). Not where
    the verb's own clause (to ``end``, the next verb) has "the others" as its object or subject: "恢复实施…第21号中对A（a）、B（b）等2家
    实体的相关措施，对该公告所列其余14家实体继续暂停实施…", "…，该公告所列其余14家实体的相关措施继续暂停…", "…，继续暂停实施该公告对
    其余14家实体的相关措施1年" (the clause before is the restore's object; the extension is on the rest of No. 21, which the engine
    sets apart from the named: session 50, qa50/27, A and B were given the extension, the 14 the restore, silently); "…，其余14家
    实体的相关措施继续暂停实施1年" (the others opening the clause)."""
    if clause_start - clause_from < 4 or not folded.endswith("措施,", clause_from, clause_start):
        return None
    if (folded.find("其", clause_start, end) >= 0 or folded.find("剩", clause_start, end) >= 0) \
            and (OWN_OTHERS_RE.search(folded, clause_start, end) is not None
                 or OTHERS_FIRST_RE.match(folded, clause_start, at) is not None):  # (a 其 or 剩 in every word of the others)
        return None
    span = _on_entities(folded, clause_from, clause_start)
    listed = folded.rfind("所列", span[0], span[1]) if span else -1
    return (listed + 2, span[1]) if span and listed >= 0 and span[1] > listed + 2 else span  # the names after "…第23号所列"


# "对该公告所列其余14家实体", "对其他15家实体", "该公告所列其余14家实体的": a verb's own object or subject, the others of those
# named before it.
# Also "所列的其余", "剩下的" (session 50, review59: the extension was read on the named, the others' missed, silently).
OWN_OTHERS_RE = lazy_compile(rf"(?:对\s*(?:[^,;；。对\n]{{0,16}}?所列\s*(?:的\s*)?)?|所列\s*(?:的\s*)?)(?:{THE_OTHERS_ALT}|剩下的?)")
# The others as the first words of the verb's clause, its subject: "…的相关措施，其余14家实体的相关措施继续暂停实施1年" (review59;
# matched at the clause's start only: "…予以解除，其余实体仍按原公告执行" is no object of 解除).
OTHERS_FIRST_RE = lazy_compile(rf"\s*(?:{THE_OTHERS_ALT}|剩下的?)")


def _on_entities(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the object of "对该实体采取的相关措施" (or "…所列甲公司等3家实体（见附件）的相关措施") in the clause
    ``folded[start:end]``, if any."""
    if folded.find("采取的", start, end) < 0:  # in every ON_ENTITIES_RE match
        if folded.find("所列", start, end) < 0 and folded.find("涉及的", start, end) < 0:  # in every LISTED_OBJECT_RE match
            if folded.find("对", start, end) < 0 and folded.find("涉及", start, end) < 0 \
                    and folded.find("号中", start, end) < 0 and folded.find(")中的", start, end) < 0:
                # in nearly every NOTICE_ON_OBJECT_RE match ("》中": left; "（…第21号）中的3家实体": qa41 probe)
                return None
            m = NOTICE_ON_OBJECT_RE.search(folded, start, end)
            return m.span("obj") if m else None
        m = LISTED_OBJECT_RE.search(folded, start, end)
        # "对该决定所列其他企业继续暂停…": the others are no name; the step is the whole notice's, less the named (probe p14)
        # "…所列以下3家实体…：A（a）、…": the names follow the verb (``_names_after_colon``), the words are none
        if m and not folded.startswith(THE_OTHERS, m.start("obj")) and not folded.startswith(FOLLOWING, m.start("obj")):
            return m.span("obj")
        # "恢复实施…第21号中对A（a）、B（b）等2家实体的相关措施，对该公告所列其余14家实体继续暂停…": the 所列 is the next clause's
        # (its others); this step's object is the one right after its notice (session 50, qa50/27: the restore read for all
        # 16 and A and B given the extension, the 14 falsely restored, silently)
        listed = folded.find("所列", start, end)
        if listed < 0:  # "…第21号涉及的…" not read as a listed object: as a text without 所列 (NOTICE_ON_OBJECT_RE)
            m = NOTICE_ON_OBJECT_RE.search(folded, start, end)
            return m.span("obj") if m else None
        m = NOTICE_ON_OBJECT_RE.search(folded, start, listed) if folded.find("对", start, listed) >= 0 else None
        return m.span("obj") if m else None
    m = ON_ENTITIES_RE.search(folded, start, end)
    if m is None:
        return None
    listed = folded.rfind("所列", m.start("obj"), m.end("obj"))
    if listed >= 0 and LISTED_NAMES_RE.fullmatch(folded, listed + 2, m.end("obj")) is not None:
        return listed + 2, m.end("obj")  # "对…7号所列A公司、B公司采取的…": the names, not the notice's words before them
    return m.span("obj")


# "一、对韩华费城造船厂（Hanwha Philly Shipyard Inc.）恢复实施《…》（商务部令2025年第6号）规定的反制措施；": the object of 对, a name
# with its English, right before the verb whose notice follows it: the step is limited to that entity (session 26, parse26: the
# whole order was restored, its 4 other companies with it, which item 二 kept suspended). Not a notice, its measures or a pointer.
# So too before a verb on "相关措施" of the notices named before: "恢复实施…第21号相关措施，但对A（a）、B（b）继续暂停实施相关措施1年"
# (the extension was read for all 16, after the restore of all 16: all suspended).
_NAMED = r"[^,;；。对()\n、]{2,40}\([^()]*[A-Za-z][^()]*\)"
# one name or several ("A（a）、B（b）"); after 除 too: "除A（a）恢复实施相关措施外，继续暂停…" (``_beside_exception``)
# A count may follow the names, with 等 or not: "对A（a）、B（b）2家实体恢复实施…第23号相关措施" (pages28/14: read as a
# restore of all of No. 23, its 8 others falsely).
# "对其中A（a）恢复实施…", "对其中的A（a）": among the notice's entities, A (story34 S1e: "其中的" was read as no name, the
# restore as the whole notice's, its 14 others falsely in force); the names after 其中, never it.
AMONG = r"(?:其中的?)?"
# names with their English joined by 、 or a conjunction: "对其中A（a）和B（b）恢复实施…" was left out for a person to read
# (story34 S1e; Chinese short names joined by 和 are one name to the reader after it: the engine finds none, loud)
AND = r"(?:、|和|及|与)"
# "对商务部公告2025年第21号中的A（a）、B（b）停止执行相关措施", "对…第21号所列实体中的A（a）…": among the notice's entities named right before (session 38, story39 S4:
# the whole notice lifted, its 14 others falsely, silently).
# Or a notice named by its day, list and count, "对2025年4月4日被列入不可靠实体清单的11家美国实体中的A（a）、B（b）停止实施…" (session 45,
# qa45/26: the lift read for all 11 of that day's notice, its 9 others falsely lifted, silently): the names after "…实体中的".
NOTICE_AMONG = r"(?:其中的?|[^,;；。对\n]{2,60}?(?:号|》|\)|实体|企业)\s*(?:所列[^,;；。对()\n]{0,12}?)?中的?)?"
# ... or right after the list it names, "对2025年4月4日被列入不可靠实体清单的A（a）、B（b）停止实施…" (the same probe's): asked
# only where the first finds none (the names after "…清单的" would take the count "11家美国实体中的" into the first name).
LISTED_AMONG = r"[^,;；。对\n]{2,60}?(?:名单|清单)\s*的"
_NAMED_TAIL = rf"(?P<obj>(?:{_NAMED}\s*{AND}\s*)*{_NAMED})" \
              r"(?:\s*等?\s*[\d一二两三四五六七八九十]{1,3}\s*家[^,;；。()\n、]{0,6}?(?:实体|企业|公司))?\s*$"
NAMED_OBJECT_RE = lazy_compile(rf"[对除]\s*{NOTICE_AMONG}\s*{_NAMED_TAIL}")
NAMED_AFTER_LIST_RE = lazy_compile(rf"对\s*{LISTED_AMONG}\s*{_NAMED_TAIL}")
NOT_A_NAMED_OBJECT = ("上述", "前述", "公告", "措施", "决定", "名单", "清单", "号")


# An answer's Chinese short names, no English, each ending in a word of SHORT_ENDS, a count after them or not: "中方决定，自…起，对
# 高点航空技术公司、立方公司恢复实施…（商务部公告2025年第21号）相关措施" (story28: a restore of all 16, the 14 not named falsely
# "restored"; with "等2家实体" held by the engine's count). The engine finds such names on the target (``_by_chinese_name``).
# Besides 公司 and 集团, the other bodies the lists name ("美国繁荣联盟", "哈利法克斯国际安全论坛", "…基金会").
SHORT_ENDS = ("公司", "集团", "联盟", "协会", "基金会", "论坛", "研究所", "研究院", "实验室", "大学")
_SHORT = rf"[^,;；。对除()\n、]{{2,30}}?(?:{'|'.join(SHORT_ENDS)})"
# After the notice too, "对…第21号所列16家美国实体中的高点航空技术公司恢复实施…" (session 39, audit39/37: a notice's restore read for
# all 16, the 15 not named falsely "restored", silently).
# (the count with no 等 too, "对…所列立方公司、特科姆公司两家企业停止实施…": session 45, a probe of qa45/26's fix: with the notice
# named by its day, all 16 lifted, silently; by its number, held by the engine's count)
_SHORT_TAIL = (rf"(?P<obj>(?:{_SHORT}\s*、\s*)*{_SHORT}(?:\s*等?\s*(?:\d{{1,3}}|[一二两三四五六七八九十]{{1,3}})\s*家"
               rf"[^,;；。()\n、]{{0,6}}?(?:实体|企业|公司))?)\s*$")
SHORT_OBJECT_RE = lazy_compile(rf"对\s*{NOTICE_AMONG}\s*{_SHORT_TAIL}")
SHORT_AFTER_LIST_RE = lazy_compile(rf"对\s*{LISTED_AMONG}\s*{_SHORT_TAIL}")
NOT_A_SHORT_NAME = (*NOT_A_NAMED_OBJECT, "相关", "有关", "其余", "其他", "该")


# "对Skydio Inc.、BRINC Drones, Inc.、Insitu, Inc.等3家美国实体恢复实施…7号相关措施": names in English alone, a comma inside a
# name ("Drones, Inc.") followed by a Latin letter, a count after them or not (story43/44's B, session 44: not read, the restore
# held by the count, or refused for a person with one name). The engine finds each on the named notice by its key
# (``storage.lifecycle.targets._by_chinese_name``); a name it finds not there is unresolved or a problem, loud.
_LATIN = r"[A-Za-z][A-Za-z0-9&.'\-/ ]{0,60}(?:,\s?[A-Za-z][A-Za-z0-9&.'\-/ ]{0,40}){0,2}"
LATIN_OBJECT_RE = lazy_compile(rf"对\s*(?P<obj>{_LATIN}(?:\s*、\s*{_LATIN})*)"
                               r"(?:\s*等?\s*[\d一二两三四五六七八九十]{1,3}\s*家[^,;；。()\n、]{0,6}?(?:实体|企业|公司))?\s*$")


def _named_object(folded: str, clause_from: int, at: int) -> tuple[int, int] | None:
    """The span of the name "对X（English）" right before the verb at ``at`` (NAMED_OBJECT_RE), of an answer's short
    names "对X公司、Y联盟" (SHORT_OBJECT_RE), or of names in English alone "对Skydio Inc.、Insitu, Inc." (LATIN_OBJECT_RE), in
    its clause from ``clause_from``; None for anything else."""
    dui = max(folded.rfind("对", clause_from, at), folded.rfind("除", clause_from, at))
    if dui < 0:
        return None
    if folded.find(")", dui, at) < 0:
        if folded.startswith("对", dui) and dui + 2 < at and folded[dui + 1 : dui + 3].strip()[:1].isascii() \
                and folded[dui + 1 : dui + 3].strip()[:1].isalpha():  # the cheap check: a Latin letter after 对
            latin = LATIN_OBJECT_RE.match(folded, dui, at)
            return latin.span("obj") if latin is not None else None
        if not folded.startswith("对", dui) or not any_within(folded, SHORT_ENDS, dui, at):
            return None
        short = SHORT_OBJECT_RE.match(folded, dui, at)
        if (short is None or any(w in short.group("obj") for w in NOT_A_SHORT_NAME)) and _after_list(folded, dui, at):
            short = _none_with_more(folded, SHORT_AFTER_LIST_RE.match(folded, dui, at), at)
        if short is None or any(w in short.group("obj") for w in NOT_A_SHORT_NAME):
            return None
        return short.span("obj")
    m = NAMED_OBJECT_RE.match(folded, dui, at)
    if (m is None or any(w in m.group("obj") for w in NOT_A_NAMED_OBJECT)) and _after_list(folded, dui, at):
        m = _none_with_more(folded, NAMED_AFTER_LIST_RE.match(folded, dui, at), at)
    if m is None or any(w in m.group("obj") for w in NOT_A_NAMED_OBJECT):
        return None
    return m.span("obj")


def _after_list(folded: str, dui: int, at: int) -> bool:
    """Whether the object of 对 names a list right before names ("…清单的A（a）"): the cheap check before LISTED_AMONG."""
    return folded.find("单的", dui, at) >= 0


MORE_RE = lazy_compile(r"等\s*(?:\d|[一二两三四五六七八九十])")  # "A（a）等16家", "甲公司、乙公司等16家"
TAIL_COUNT_RE = lazy_compile(rf"(?P<n>{NUM})\s*家")


def _none_with_more(folded: str, m: re.Match[str] | None, at: int) -> re.Match[str] | None:
    """None for names after a list's name that stand for more ("对2025年4月4日被列入…名单的A（a）等16家美国实体…": the day's
    whole listing, its first name and its count; a probe of session 45 read it as A's alone, the 15 others left out), or
    counted as other than so many ("…名单的A（a）16家美国实体"); "…名单的A（a）、B（b）2家实体" are those two."""
    if m is None or MORE_RE.search(folded, m.start("obj"), at) is not None:
        return None
    last = max(folded.rfind(")", m.start("obj"), at), folded.rfind("、", m.start("obj"), at))
    count = TAIL_COUNT_RE.search(folded, max(last, m.start("obj")), at)
    obj = m.group("obj")
    named = obj.count("(") or obj.count("、") + 1  # (each name with its English in brackets; short names between 、)
    return None if count is not None and to_int(count.group("n")) != named else m


# "停止对韩华航运有限责任公司（Hanwha Shipping LLC）实施《…》（商务部令2025年第6号）规定的反制措施": the object of 对 right after the
# verb, before the 实施 of the measures its notice (named after it) sets (story29/S1: the whole order was lifted, its 4 other
# companies with it); "解除对X（English）的出口管制措施（商务部公告2025年第21号）" too. Names with their English, or Chinese short
# names (as before the verb).
AFTER_VERB_OBJECT_RE = lazy_compile(
    rf"\s*对\s*(?P<obj>(?:{_NAMED}\s*、\s*)*{_NAMED}|(?:{_SHORT}\s*、\s*)*{_SHORT})"
    # "停止对A（a）、B（b）、C（c）等3家实体实施…第21号相关措施" (session 49, blind49/26: the count after the names, the lift read
    # for all 16)
    rf"(?:\s*等?\s*(?P<n>{NUM})\s*家(?P<kind>[^,;；。()\n、]{{0,6}}?)(?:实体|企业|公司))?\s*(?P<end>实施|执行|的)")
# What may not stand in that count's words, nor open the names: "停止对除A（a）、B（b）等2家实体外的其余实体实施…", "…等2家实体以外的
# 其他实体…", "…等2家实体之外的实体…" (session 49, review55's probe of blind49/26: the lift read as A's and B's, the others' lift
# missed, the named two falsely lifted, silently).
NOT_IN_COUNT_WORDS = ("外", "的", "其", "余", "他")
NOT_NAMES_START = ("除",)
# After "对X（English）的": the measures ("的出口管制措施", "的相关措施", "的反制措施"), not another entity ("的子公司", "的上级公司": the
# lift read as X's, silently; review55's probe).
OF_MEASURES_REACH = 12


def _object_after_verb(folded: str, v_end: int, target_at: int) -> tuple[int, int] | None:
    """The span of the names in "停止对X（English）实施《…》（notice）…措施", between the verb (ending at ``v_end``) and its first
    target (at ``target_at``; the clause's end where the target stands before the verb: an item's lead-in names it, "…第103号相关
    措施作如下调整：\n一、…停止对X（English）实施相关措施。", session 49, range49: read as a lift of all of No. 103, its others
    falsely); None for anything else (a notice, a pointer, its measures)."""
    if folded.find("对", v_end, v_end + 3) < 0:  # the cheap check: most verbs have no 对 right after them
        return None
    m = AFTER_VERB_OBJECT_RE.match(folded, v_end, target_at)
    if m is None or any(w in m.group("obj") for w in NOT_A_SHORT_NAME) or m.group("obj").lstrip().startswith(NOT_NAMES_START):
        return None
    if m.group("n") is not None:  # "等3家实体": as many names as it counts, and no words of an exception
        obj = m.group("obj")
        if any(w in m.group("kind") for w in NOT_IN_COUNT_WORDS) \
                or to_int(m.group("n")) != (obj.count("(") or obj.count("、") + 1):
            return None
    if m.group("end") == "的" and folded.find("措施", m.end(), m.end() + OF_MEASURES_REACH) < 0:
        return None
    return m.span("obj")


# "对…第21号所列A（a）、B（b）二家实体，自2027年6月1日起恢复实施相关措施", "对…所列16家美国实体中的其中3家，即A（a）、B（b）、
# C（c），停止实施相关措施", "对其中2家，即A（a）、B（b），自…起恢复实施…": the names of the object of 对 in a clause of their own
# before the verb's, after 即 or 所列, a count after them or not (session 37, audit37/03, 04, 18, 22: the step was read for the
# whole notice, its others falsely lifted or restored, silently).
NAMES_CLAUSE_RE = lazy_compile(rf"(?:即|所列)\s*(?P<obj>(?:{_NAMED}\s*{AND}\s*)*{_NAMED})"
                               rf"(?:\s*等?\s*{NUM}\s*家[^,;；。()\n、]{{0,6}}?(?:实体|企业|公司))?\s*,\s*$"
                               # an answer's Chinese short names after 即: "对其中2家，即甲公司、乙公司，自…起恢复…"
                               rf"|即\s*(?P<short>(?:{_SHORT}\s*、\s*)*{_SHORT})\s*,\s*$")


DUI_NAMES_CLAUSE_RE = lazy_compile(rf"对\s*(?P<obj>(?:{_NAMED}\s*{AND}\s*)*{_NAMED})"
                                   rf"(?:\s*等?\s*{NUM}\s*家[^,;；。()\n、]{{0,6}}?(?:实体|企业|公司))?\s*,\s*$")


# "停止对…〔2025〕7号所列红色六方案公司、多莫战术通信公司、急速飞行公司采取的处理措施": the names after 所列, short or with their
# English (session 37, audit37/19: the first name read "不可靠实体清单工作机制公告20257号所列红色六方案", none found, loud).
LISTED_NAMES_RE = lazy_compile(rf"\s*(?:(?:{_SHORT}\s*、\s*)*{_SHORT}|(?:{_NAMED}\s*{AND}\s*)*{_NAMED})\s*")


NAMED_BEFORE_VERB_RE = lazy_compile(rf"\s*(?P<obj>(?:{_NAMED}\s*{AND}\s*)*{_NAMED})\s*$")


FOLLOWING = ("以下", "下列")
# "对…第21号所列以下3家实体恢复实施相关措施：A（a）、B（b）、C（c）。": the names after the colon that closes the verb's measures,
# the object before the verb saying they follow (以下, 下列) (session 39, audit39/31: the restore read for all 16, held by the engine).
# The object may follow the verb too, and a note bracket the names ("恢复实施对以下2家实体的相关措施：A（a）、B（b）（均为…第21号所列
# 实体）。": audit39/34, the restore read for all 16 with 2 stated, held by the engine).
FOLLOWING_NAMES_RE = lazy_compile(rf"[^,;；。:\n]{{0,16}}?:\s*(?P<obj>(?:{_NAMED}\s*{AND}\s*)*{_NAMED})"
                                  r"(?:\s*\([^()]*所列[^()]*\))?\s*[。;；.]?\s*$")


def _names_after_colon(folded: str, clause_from: int, at: int, v_end: int, next_start: int) -> tuple[int, int] | None:
    """The span of the names after the colon that ends the clause of the verb (at ``at``..``v_end``) whose object says
    they follow ("所列以下3家实体…：A（a）、B（b）"), else None."""
    colon = folded.find(":", v_end, min(next_start, v_end + 20))
    if colon < 0 or not (any_within(folded, FOLLOWING, clause_from, at) or any_within(folded, FOLLOWING, v_end, colon)):
        return None
    m = FOLLOWING_NAMES_RE.match(folded, v_end, next_start)
    if m is None or any(w in m.group("obj") for w in NOT_A_NAMED_OBJECT):
        return None
    return m.span("obj")


def _names_clause_before(folded: str, clause_from: int, clause_start: int, at: int) -> tuple[int, int] | None:
    """The span of the names in the clause of 对 before the verb's clause ("对…所列…中的2家，即A（a）、B（b），停止…"), the clause
    ending in a comma right before ``clause_start``; None for anything else (a notice, a pointer, names without English), and
    where the verb's clause (to ``at``) names someone too ("…所列A（a），B（b）2家实体恢复…": the names run on past the comma)."""
    ji = folded.rfind(",即", clause_from, at)
    if ji >= 0 and (m := NAMED_BEFORE_VERB_RE.match(folded, ji + 2, at)) is not None:
        # "…中的其中3家，即A（a）、B（b）、C（c）停止实施…": the names right before the verb, no comma after them
        return None if any(w in m.group("obj") for w in NOT_A_NAMED_OBJECT) else m.span("obj")
    if clause_start - clause_from < 8 or not folded.startswith(",", clause_start - 1) or folded.find(")", clause_start, at) >= 0:
        return None
    dui = folded.rfind("对", clause_from, clause_start)
    if dui >= 0 and folded.find(")", dui, clause_start) >= 0 and folded.find("所列", dui, clause_start) < 0 \
            and folded.find("即", dui, clause_start) < 0:
        # "对A（a）和B（b）两家实体，自…起停止实施…第21号相关措施": the names alone in the clause of 对, the notice after the verb
        # (session 39, audit39/40: the stop read for all 16, held by the engine)
        only = DUI_NAMES_CLAUSE_RE.match(folded, dui, clause_start)
        return None if only is None or any(w in only.group("obj") for w in NOT_A_NAMED_OBJECT) else only.span("obj")
    if dui < 0 or folded.find("即", dui, clause_start) < 0 and (
            folded.find(")", dui, clause_start) < 0 or folded.find("所列", dui, clause_start) < 0):
        return None
    m = NAMES_CLAUSE_RE.search(folded, dui, clause_start)
    group = "obj" if m is None or m.group("obj") else "short"
    if m is None or any(w in m.group(group) for w in (NOT_A_NAMED_OBJECT if group == "obj" else NOT_A_SHORT_NAME)):
        return None
    return m.span(group)


def _target_list(targets: list[tuple[int, int, NoticeRef]], folded: str, start: int, end: int,
                 notice_list: ListKind | None) -> ListKind | None:
    """The list the targets name, else the one their clause (``folded[start:end]``) names."""
    named: ListKind | None = None
    for _, _, r in targets:
        if r.list is not None and r.list is not named:
            if named is not None:
                # two lists: each ref keeps its own ("对2025年4月4日被列入出口管制管控名单和不可靠实体清单的16家和11家美国实体，
                # 分别…恢复实施": session 28, audit28/23, not both on the list the clause names first)
                return None
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
