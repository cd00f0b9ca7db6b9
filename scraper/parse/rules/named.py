"""Whom a notice names: its decision sentence, stated count, the entities of its annex or prose, the objects of its
measures, a countermeasure order's term and countries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from storage.records import ActionKind, ActionRecord, EntityRecord, ListKind, NoticeKind

from .. import actions as act
from .. import entities as ent
from ..actions.clauses import MOVED_FROM_RE
from ..draft import Decision, Draft, Source
from ..entities.names import AGAIN
from ..lazyre import lazy_compile
from ..textnorm import MD, NUM, YEAR, fold, to_int

if TYPE_CHECKING:
    from ..mfa.groups import Group

ENTITY_ACTIONS = (ActionKind.IMPOSE, ActionKind.INVESTIGATE, ActionKind.MEASURE)
# An object of 对 that names goods, not an entity: an item category ("部分中重稀土相关物项", "两用物项") or
# imports ("原产于美国的进口共聚聚甲醛"). An item control or a trade-remedy case lists no one.
GOODS_RE = lazy_compile(r"(?:物项|物品|产品|商品|货物)\s*$|^\s*(?:部分|相关|以下)?\s*(?:原产于|进口)")


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
            if "决定" in folded[anchor:end] or _decided_above(folded, anchor):
                return Decision(anchor, x.sentence)
            return Decision(anchor, decision_sentence(folded, end) or (decision_sentence(folded) if anchor else None))
    return Decision(0, decision_sentence(folded))


def _decided_above(folded: str, anchor: int) -> bool:
    """Whether the line above an acting sentence is a lead-in that decides ("…，商务部决定：\n一、将附件1所列4家…列入…"): the
    item is the decision sentence, not a later item's 决定 (session 30, audit30/23: "二、…决定将其移出关注名单" gave the
    listing its count, 2 of 4, and a count warning on a text read right)."""
    head = folded[max(0, anchor - 8) : anchor].rstrip()
    return head.endswith(("决定:", "决定：", "决定如下:", "决定如下："))


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
                or "移除" in sentence or "调出" in sentence:
            return begin, end
        pos = find("决定", end)
    return None


def stated_count(src: Source, d: Draft) -> tuple[int | None, str | None, tuple[int, int] | None]:
    """(count, country, split) the text states ("将16家美国实体"): from the title, the decision
    sentence, an annex heading, then the operative text; the last two are found only when the
    first two did not settle the count and the country (the title mostly does). The split: the title's or the decision's
    count as (organizations, persons) (``ent.count_parts``), which types the names it counts (``_typed_by_count``)."""
    folded, span = src.folded, d.decision.span
    head = (d.folded_title, folded[span[0] : span[1]] if span else "")
    if len(d.drafts) > 1 and _rest_counted(d):  # (most texts take one step: no call)
        stated, country = _count_beside_rest(folded, span, d)
        split = ent.count_parts(head)  # (of the text as written, "其余N家" in it)
    else:
        split, country = ent.split_and_country(head)
        later = split
        if split is None or country is None:
            later, country = ent.split_and_country(_removal_told_after(folded, d) or (_annex_heading(folded), d.operative),
                                                   split, country)
        stated = sum(later) if later else None
    for x in d.drafts:  # a step on "甲公司等6家实体（见附件）" of an earlier notice: its annex holds 6, not the notice's 16
        if x.on_entities is not None and "见附件" in folded[x.on_entities[0] : x.on_entities[1]]:
            m = ANNEX_OBJECT_RE.search(folded, x.on_entities[0], x.on_entities[1])
            if m is not None and to_int(m.group("n")):
                return to_int(m.group("n")), country, split
    named = _named_objects_count(src, d) if stated is not None else None
    if stated is None and ("计" in folded or "共" in folded) and any(  # (nearly every text states its count: no look)
            not x.targets and (x.action is ActionKind.IMPOSE or x.action is ActionKind.REMOVE) for x in d.drafts) \
            and total_line_opens(folded):  # (the pattern's "^" tries every character: 17 us a text, 68 of 71 in vain; perf53)
        total = TOTAL_LINE_RE.search(folded)
        stated = to_int(total.group("n")) if total is not None else None
    if stated is None and span is not None and "家" in folded[span[0] : span[1]]:
        # "决定将美国实体12家、加拿大实体2家列入…": counts per country only, no total (session 51, count51/04: no count
        # was read, so a row missing from the annex would not have been told)
        per = country_counts(folded, span)
        stated = sum(n for _, n in per) if per else None
    if named is not None and split is not None and not split[1] and _among_named(src.folded, d):
        split = (named, 0)  # "…所列16家美国实体中的A（a）": the organisations named, typed as the 16 counted (words47)
    return (named, country, split) if named is not None else (stated, country, split)


# The count an annex states only in its closing line ("（以上共计6家实体）", a table's footer "合计：七家"), the text naming
# none ("决定将附件所列美国实体列入…"): a line of its own (session 45, audit45/12-13: no count was read, so a line or a row
# missing from the annex was not told).
# Also "（以上实体共11家）", "以上实体合计11家。", "（以上11家实体）" (session 51, review60: a footer at odds read silently).
TOTAL_LINE_RE = lazy_compile(rf"(?m)^[^\S\n]*\(?[^\S\n]*(?:(?:以上|上述)[^\S\n]*(?:实体|企业|单位|机构)?[^\S\n]*"
                             rf"(?:共计|合计|总计|共)?|共计|合计|总计|共)[^\S\n]*[:：]?[^\S\n]*(?P<n>{NUM})"
                             r"[^\S\n]*家[^\S\n]*(?:实体|企业|单位|机构)?[^\S\n]*\)?[^\S\n]*[。.]?[^\S\n]*$")
# Whether such a line can stand in a text: one of its opening words (以上, 上述, 共计, 合计, 总计, 共) at a line's start, blanks
# and a bracket before it at most. Asked by the characters of the words (one find of 共, 上 and 计 each, and a look at the
# characters around each), before the pattern: its "^" has no first character, so a search tries it at every character
# (perf52). The words asked before (共计/合计/总计/以上/上述共/(共 anywhere) missed "共11家", "上述实体共11家" and "上述11家实体"
# closing an annex, lines the pattern reads (a total at odds read silently: review60's A), and let every text saying 以上 be
# searched.
def _opens_line(folded: str, i: int) -> bool:
    """Whether only blanks and one bracket stand between the start of ``i``'s line and ``i`` (TOTAL_LINE_RE's
    "^[^\\S\\n]*\\(?[^\\S\\n]*")."""
    j = i - 1
    while j >= 0 and folded[j] != "\n" and folded[j].isspace():
        j -= 1
    if j >= 0 and folded[j] == "(":
        j -= 1
        while j >= 0 and folded[j] != "\n" and folded[j].isspace():
            j -= 1
    return j < 0 or folded[j] == "\n"


def total_line_opens(folded: str) -> bool:
    """Whether a line of ``folded`` opens with one of TOTAL_LINE_RE's words: where none does, the pattern finds nothing.
    Nearly every 共 and 上 of a text follows another character of its sentence, asked before the line is."""
    p = folded.find("共")
    while p >= 0:
        if (p == 0 or folded[p - 1] == "(" or folded[p - 1].isspace()) and _opens_line(folded, p):
            return True
        p = folded.find("共", p + 1)
    p = folded.find("上")
    while p >= 0:
        if p > 0 and folded[p - 1] == "以":
            if (p == 1 or folded[p - 2] == "(" or folded[p - 2].isspace()) and _opens_line(folded, p - 1):
                return True
        elif (p == 0 or folded[p - 1] == "(" or folded[p - 1].isspace()) and folded.startswith("述", p + 1) \
                and _opens_line(folded, p):
            return True
        p = folded.find("上", p + 1)
    p = folded.find("计", 1)
    while p >= 0:
        if folded[p - 1] in "合总" and (p == 1 or folded[p - 2] == "(" or folded[p - 2].isspace()) \
                and _opens_line(folded, p - 1):
            return True
        p = folded.find("计", p + 1)
    return False


# "其中美国实体12家、加拿大实体2家", "决定将美国实体3家、加拿大实体2家，共计5家实体列入…": a count per country, country first
COUNTRY_COUNT_RE = lazy_compile(rf"(?P<c>{ent.COUNTRY_ALT})\s*(?:实体|企业|公司|机构|单位)\s*(?P<n>{NUM})\s*家")


def country_counts(folded: str, span: tuple[int, int]) -> list[tuple[str, int]]:
    """The counts per country the sentence at ``span`` states, country first ("其中美国实体12家、加拿大实体2家"): (country
    code, count) in the text's order; [] for a sentence with none (nearly every text: the country after the count)."""
    out = []
    for m in COUNTRY_COUNT_RE.finditer(folded, *span):
        n = to_int(m.group("n"))
        if n:
            out.append((ent.COUNTRIES[m.group("c")], n))
    return out


# "对内华达山脉公司（…）、立方公司（…）2家实体采取的相关措施": the count a step's named object states.
NAMED_COUNT_RE = lazy_compile(rf"\)\s*(?:等\s*)?(?P<n>{NUM})\s*[家名][^、()]{{0,8}}$")


# "…所列16家美国实体中的其中3家，即A（a）、B（b）、C（c），停止…": the count of the names after 即 stands before them (session 37,
# audit37/03: "parsed 3 entities, notice states 16" on a text read right).
AMONG_COUNT_RE = lazy_compile(rf"(?:中的|其中)\s*(?P<n>{NUM})\s*[家名][^,()]{{0,6}}?,\s*即$")


def _among_named(folded: str, d: Draft) -> bool:
    """Whether a step's named object follows a count of its notice's entities ("…所列2家美国实体中的赤岩动力公司（…）")."""
    return any(x.on_entities is not None and x.targets and AMONG_LEAD_RE.match(folded, *x.on_entities) is not None
               and "中" in folded[x.on_entities[0] : x.on_entities[1]] for x in d.drafts)


def _named_objects_count(src: Source, d: Draft) -> int | None:
    """The sum of the counts the named objects of a text's steps on earlier notices state ("对甲（…）、乙（…）2家实体采取的相关
    措施"), when every such object states one; None else. The text's other counts tell the notice those entities are on
    ("…将高点航空技术公司等16家美国实体列入…。…恢复实施对甲（…）、乙（…）2家实体…": session 28, audit28/01, a count
    warning "parsed 2 entities, notice states 16" on a text read right)."""
    folded = src.folded
    total = None
    for x in d.drafts:
        if x.on_entities is None or not x.targets or REST_COUNT_RE.search(folded, x.on_entities[0], x.on_entities[1]):
            continue  # "对…所列其余14家实体": the others, counted by the engine (``_rest_counted``)
        if folded.startswith("部分", x.on_entities[0]):
            continue  # a title's "关于对…第21号所列部分实体恢复实施…": some, named by the body's steps (session 33, audit33/08)
        m = NAMED_COUNT_RE.search(folded, x.on_entities[0], x.on_entities[1]) or (
            AMONG_COUNT_RE.search(folded, max(0, x.on_entities[0] - 16), x.on_entities[0])
            if folded.startswith("即", x.on_entities[0] - 1) else None)
        n = to_int(m.group("n")) if m else None
        if not n and "中" in folded[x.on_entities[0] : x.on_entities[1]] \
                and (among := AMONG_LEAD_RE.match(folded, x.on_entities[0], x.on_entities[1])) is not None:
            # "暂停对…所列2家美国实体中的赤岩动力公司（…）实施相关措施": 2 is the earlier notice's count, the names after 中的 this
            # step's (session 47, words47, probe46's B8: "parsed 1 entities, notice states 2" on a text read right)
            what, named = measure_object(src, x.on_entities)
            n = len(named) if what == NAME and among.end() < x.on_entities[1] else None
        if not n:
            return None
        total = (total or 0) + n
    return total


def _removal_told_after(folded: str, d: Draft) -> tuple[str, str] | None:
    """For a notice that only removes, named in a sentence after others (``d.decision.anchor``): the text from that sentence
    on, where its count may stand; the sentences before tell history ("2025年1月14日，工作机制决定将甲（…）、乙（…）等7家
    美国实体列入…。…工作机制决定，自…起，将乙移出…": 7 is the earlier listing's count; session 28, audit28/04: a count
    warning on a removal read right). None for any other text."""
    anchor, span = d.decision.anchor, d.decision.span
    if anchor <= 0 or d.qa or not d.drafts or span is None or span[0] != anchor or "决定" not in folded[span[0] : span[1]]:
        return None
    for x in d.drafts:
        if x.action is not ActionKind.REMOVE or x.targets:
            return None  # it lists, or acts on notices it names: its counts are read as before
    return ("", folded[anchor : d.spans[0][1]]) if d.spans else None


# "对…第6号所列其余4家企业，继续暂停…": the count of the step on the others, not of the notice (``_rest_counted``)
REST_COUNT_RE = lazy_compile(rf"(?:{act.THE_OTHERS_ALT})\s*(?:的\s*)?{NUM}\s*[家名]")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _count_beside_rest(folded: str, span: tuple[int, int] | None, d: Draft) -> tuple[int | None, str | None]:
    """``stated_count``'s reading with every "其余N家" (REST_COUNT_RE) blanked out."""
    texts = (d.folded_title, REST_COUNT_RE.sub(_blank, folded[span[0] : span[1]]) if span else "")
    split, country = ent.split_and_country(texts)
    if split is None or country is None:
        later = (_annex_heading(folded), REST_COUNT_RE.sub(_blank, d.operative))
        split, country = ent.split_and_country(later, split, country)
    return (sum(split) if split else None), country


def _rest_counted(d: Draft) -> bool:
    """Whether a step on a whole notice counts "the others" ("其余4家企业", REST_COUNT_RE) of a notice another step of the text
    names entities of: "一、对甲公司（…）恢复实施…第6号规定的反制措施；二、对…第6号所列其余4家企业，继续暂停…1年" states 4 for
    that step, not the notice's count (session 26, parse26/05: "parsed 1 entities, the notice states 4", a count-mismatch
    health issue on a notice read right). The engine checks that count against the entities the step reaches, less
    those the other step names (``storage.lifecycle.counted``). A "其余" no step was read on keeps its count: loud."""
    for x in d.drafts:  # (a loop, not any() over a generator: this runs for every text of several steps)
        if x.on_entities is not None and x.targets:
            break
        if x.action is ActionKind.REMOVE and x.targets and "(" in fold(x.text):
            break  # "一、将该公告所列A（a）、B（b）移出…二、对该公告所列其余9家实体，继续暂停…" (session 60, text59/41)
    else:
        return False
    for x in d.drafts:
        if x.on_entities is None and x.targets and REST_COUNT_RE.search(fold(x.text)) is not None:
            return True
    return False


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
                or (x.on_entities is not None and measure_object(src, x.on_entities)[0] is not None):
            found, country = _annex_or_prose(src, d), d.count[1]
            if countermeasure_order(d):
                found, country = _order_countries(src, d, found, country)
            found = ent.completed(found, src.folded, src.text, country)
            for r in removals_beside_listing(d.drafts):  # their own names, after the annex's
                found += ent.completed(removal_named(src, r), src.folded, src.text, _removal_country(src, r))
            return ent.distinct(_typed_by_count(ent.script_variants(found, src.folded, src.text), d))
    return []


ORGANIZATION, INDIVIDUAL = "organization", "individual"


def _typed_by_count(found: list[EntityRecord], d: Draft) -> list[EntityRecord]:
    """``found`` with the type the stated count gives the names it leaves untyped: counted with 家 an organization, with
    名 a person; where the text counts both, the untyped are the organizations once the persons counted are all typed
    ("2名个人和3家实体", "甲公司及其2名高级管理人员"). No type where the title and the decision count nothing, or count
    otherwise than the notice's stated count (session 31, names31: a MOFCOM order's company was an organization read
    through the MFA groups and untyped read from an annex or prose; keys do not change)."""
    parts = d.count[2]
    if d.count[0] is None or parts is None or sum(parts) != d.count[0] or all(e.type for e in found):
        return found
    kind = count_type(d)
    if kind is None:  # both counted: the untyped are the organizations once the persons counted are all typed
        if sum(e.type == INDIVIDUAL for e in found) != parts[1]:
            return found
        kind = ORGANIZATION
    return [e if e.type else ent.typed_as(e, kind) for e in found]


def count_type(d: Draft) -> str | None:
    """The type the stated count gives every untyped name (``_typed_by_count``) when it counts one kind only: an organization
    counted with 家 alone, a person with 名 alone; None where it counts both kinds or does not type (no count in the title and
    the decision, or one other than the stated count). The annex reader types its records with it as it builds them."""
    parts = d.count[2]
    if d.count[0] is None or parts is None or sum(parts) != d.count[0]:
        return None
    organizations, persons = parts
    if not persons:
        return ORGANIZATION
    return INDIVIDUAL if not organizations else None


def removals_beside_listing(drafts: list[act.ActionDraft]) -> list[act.ActionDraft]:
    """The removals on no earlier notice of a notice that also lists entities of its own ("一、…决定将上述3家日本实体列入
    关注名单（见附件）…二、…被列入关注名单的甲（Alpha）、乙（Beta）…决定将上述2家日本实体移出关注名单"): what each removes
    is what its own clause names, not the annex the listing reads (session 20: the 3 listed were read as removed).
    Only a removal from the list the notice lists on."""
    lists = {x.list for x in drafts if x.action is ActionKind.IMPOSE and not x.targets}
    if not lists:
        return []  # (nearly every notice: it lists, or it removes)
    # "移出关注名单，列入出口管制管控名单" moves the same entities from one list to another: not this; a removal from another
    # list in a clause of its own that names someone ("一、将甲（…）列入出口管制管控名单；二、将丙（…）移出出口管制关注名单": a
    # bracket, no listing verb) is (session 43, audit43's probe: 甲 and 乙 read as removed from the watch list, 丙's removal
    # lost, silently)
    return [x for x in drafts if x.action is ActionKind.REMOVE and not x.targets
            and (x.list in lists or x.list is not None and ("（" in x.text or "(" in x.text)
                 and not any(map(x.text.__contains__, LISTING_WORDS)))]


# The verbs that put entities on a list (列入, 纳入, 增列, 转入, 移至, …): a removal's clause holding one is a move.
LISTING_WORDS = tuple(w for w, k in act.VERB_KINDS.items() if k is ActionKind.IMPOSE and not w.startswith("采"))


def removal_named(src: Source, x: act.ActionDraft) -> list[EntityRecord]:
    """The names (with their English) written before the removal verb of ``x`` in its own paragraph."""
    line = src.folded.rfind("\n", 0, x.start) + 1
    return ent.earlier_named(src.folded[line:], src.text[line:], x.start - line)


COUNT_COUNTRY_RE = lazy_compile(rf"{NUM}\s*家\s*(?P<c>{ent.COUNTRY_ALT})")


def _removal_country(src: Source, x: act.ActionDraft) -> str | None:
    """The country of "上述2家日本实体" in the removal's own paragraph."""
    line = src.folded.rfind("\n", 0, x.start) + 1
    m = COUNT_COUNTRY_RE.search(src.folded, line, x.start + 40)
    return ent.COUNTRIES[m.group("c")] if m else None


def measures_named(action: ActionRecord) -> ActionRecord:
    """``mfa.status.measure_lift`` for an action on the countermeasure list (it returns any other as it is), the MFA
    reader loaded then: a text on another list never loads it (issue 11, start-up)."""
    if action.list is not ListKind.COUNTERMEASURE:
        return action
    from ..mfa.status import measure_lift

    return measure_lift(action)


ORDER_SENTENCE_RE = lazy_compile(r"[^。\n]*决定[^。\n]*采取[^。\n]*")


def deciding_sentences(text: str) -> Iterator[str]:
    """What ``ORDER_SENTENCE_RE.finditer(text)`` matches, in order: each whole stretch between two stops (。, a line end)
    holding 决定 with 采取 after it. The regex opens with no literal: it is tried at every place of a line and scans the
    rest of the line from each (a line's length squared); a stretch's first 决定 is found instead (str.find), and 采取
    after it (no later 决定 of the stretch has a 采取 after it that the first one lacks)."""
    find, rfind, size = text.find, text.rfind, len(text)
    pos = find("决定")
    while pos >= 0:
        stop = find("\n", pos)
        end = size if stop < 0 else stop
        stop = find("。", pos, end)
        end = end if stop < 0 else stop
        if find("采取", pos + 2, end) >= 0:
            yield text[max(rfind("\n", 0, pos), rfind("。", 0, pos)) + 1 : end]
        pos = find("决定", end)


def order_term(src: Source) -> str | None:
    """The term an order's deciding sentence sets ("决定对X采取反制措施，自本决定施行之日起2年内，禁止…"), else None."""
    if "期" not in src.folded and "内" not in src.folded:
        return None
    from ..mfa.status import decision_term  # (the MFA reader, loaded for a countermeasure order only)

    for sentence in deciding_sentences(src.text):
        term = decision_term(sentence)
        if term:
            return term
    return None


# "本公告自公布之日起实施，有效期二年", "本公告有效期至2028年12月31日": a listing notice with a term, which ends with it as an
# order's does (session 34, audit34/21: never read, the listing shown in force for ever). Only the notice's own effective
# clause between: "本公告发布前已颁发的…许可证，有效期为1年" is a licence's.
LISTING_TERM_RE = lazy_compile(rf"本公告\s*(?:自[^。\n,;]{{0,30}}?起\s*(?:正式)?(?:实施|施行|生效)\s*[,;]\s*)?有效期\s*(?:为\s*)?"
                               rf"(?P<term>{NUM}\s*(?:年|个月)|(?:至|到)\s*{YEAR}\s*年\s*{MD}\s*月\s*{MD}\s*日)")


def listing_term(src: Source) -> str | None:
    """The term a numbered listing sets on itself ("有效期二年"; LISTING_TERM_RE), as written, else None."""
    if "有效期" not in src.folded:  # (nearly every text)
        return None
    m = LISTING_TERM_RE.search(src.folded)
    return None if m is None else src.text[m.start("term") : m.end("term")].strip()


def countermeasure_order(d: Draft) -> bool:
    return d.identity.kind is NoticeKind.ORDER and d.context_list is ListKind.COUNTERMEASURE


# A countermeasure order's country, written before its names ("决定对美国安泰咨询公司（…）等3家企业", "关于对加拿大北方
# 科技公司及其高级管理人员采取反制措施的决定") where no count states one ("N家美国实体"); a name opening with a country
# and a Chinese name after it, with its English, is of that country ("美国晨星供应链审计公司（Morningstar Supply Chain Audit
# LLC）", the name kept as written, as the MFA's "美国哈德逊研究所"). Session 18 (mfa18): an order's entities had no country
# (screening by country missed them).
ORDER_COUNTRY_RE = lazy_compile(rf"对\s*(?P<c>{ent.COUNTRY_ALT})")
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
            e = ent.make_entity(zh, e.en, ent.COUNTRIES[name], e.n, e.branches, e.note, e.type)  # the name as written
        out.append(e)
    return out, country


# What the object of "对…采取的相关措施" is: a pronoun ("该实体", "其": the entity named just
# before), an anaphor ("上述实体": the names given earlier, else the target's own entities), a name.
PRONOUN, ANAPHOR, NAME = "pronoun", "anaphor", "name"
# "对高点航空技术公司等6家实体（见附件）采取的相关措施": the entities of the notice's own annex (session 22, parse22).
ANNEX = "annex"
ANNEX_OBJECT_RE = lazy_compile(rf"等\s*(?P<n>{NUM})\s*家[^()]{{0,8}}?\(\s*(?:名单)?\s*见附件[^()]{{0,4}}\)\s*$")
# "停止执行商务部公告2025年第1号对其中5家美国实体采取的相关措施，名单见附件": some of the target's entities, counted, named
# by this notice (its annex or prose), as ANNEX; never the whole notice (session 23, loud23: 28 lifted for 5).
PART_OBJECT_RE = lazy_compile(rf"\s*其中\s*(?P<n>{NUM})\s*[家名个]")
# "…所列16家实体中的3家实体的相关措施", "…所列11家实体中的斯凯迪奥公司（Skydio Inc.）等3家实体，自…起停止…": the notice's
# entities counted, then some of them: the names after "中的" (a count alone is some, unnamed, as PART_OBJECT_RE's), never the
# whole notice (session 41, qa41/10, 23: each lift read for all 16 or 11, the others falsely lifted, silently).
AMONG_LEAD_RE = lazy_compile(rf"\s*(?:{NUM}\s*[家名个][^,;。()、的]{{0,8}}?中的?|[^,;。()、的]{{0,8}}?中的)\s*(?:其中的?)?\s*")
SOME_COUNT_RE = lazy_compile(rf"\s*(?:{NUM}\s*[家名个]|部分|一些|若干|个别)")  # "…16家实体中的部分实体": some too


# "内华达山脉公司、立方公司等2家实体": names in a row, the count after them; with no 等 right after an English name's bracket
# ("对A（a）、B（b）、C（c）3家实体采取的…": session 28, audit28/20: the three were not read, the restore taken for the whole notice).
# With no 等 after a short name's last word too ("立方公司、特科姆公司两家企业": session 45, qa45 probe).
NAMES_COUNT_RE = lazy_compile(r"(?:\s*等|(?<=[)司团盟会坛所院室学]))\s*(?:\d+|[一二三四五六七八九十两]+)\s*家[^、]{0,8}$")
# "…所列X（x）禁止在中国境内新增投资的处理措施", "…所列X（x）高级管理人员采取的禁止入境措施": one entity named with its Latin name
# and words after it the name reader does not take (session 60, blind60's probes on /16: read as no object, so the whole
# notice: all of 〔2025〕1号 lifted, or its measure lifted for all 10, silently). Never the whole notice: no entity read.
UNREAD_NAME = "unread name"
NAMED_LATIN_RE = lazy_compile(r"\(\s*[A-Za-z][^()]*\)")
ANY_COUNT_RE = lazy_compile(r"(?:\d+|[一二三四五六七八九十两]+)\s*[家名个]")  # "…以外其他15家实体": a count, not one unread name


def measure_object(src: Source, span: tuple[int, int]) -> tuple[str | None, tuple[EntityRecord, ...]]:
    """(what the object at ``span`` is, the entities it names): (None, ()) for anything else
    ("对2025年4月4日被列入…的16家美国实体": all of the target's entities)."""
    seg, fseg = src.text[span[0] : span[1]], src.folded[span[0] : span[1]]
    if "见附件" in fseg and ANNEX_OBJECT_RE.search(fseg) or "其中" in fseg and PART_OBJECT_RE.match(fseg):
        return ANNEX, ()
    if "中" in fseg and (among := AMONG_LEAD_RE.match(fseg)) is not None and among.end() < len(fseg):
        # "16家实体中的3家实体": some, unnamed; "11家实体中的A（a）等3家": the names after it
        # names not read whole ("…中的高点航空技术公司等3家实体"): some, unread, never the whole notice
        if SOME_COUNT_RE.match(fseg, among.end()):
            return ANNEX, ()
        inner = measure_object(src, (span[0] + among.end(), span[1]))
        return inner if inner[0] is not None else (ANNEX, ())
    if src.folded.endswith("中的", 0, span[0]) and SOME_COUNT_RE.match(fseg):
        return ANNEX, ()  # "…第21号中的3家实体的相关措施": some of the notice's, unnamed
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
    if "、" not in fseg and "等" not in fseg and "除" not in fseg and "(" in fseg and NAMED_LATIN_RE.search(fseg) is not None \
            and ANY_COUNT_RE.search(fseg) is None:
        return UNREAD_NAME, ()
    if "、" not in fseg:
        # one name and a count ("立方公司（Cubic Corporation）等3家实体", "…等16家实体"): the whole notice, its count checked by
        # the engine against the listing's (storage.lifecycle.counted: fewer, held for review; qa41 probe)
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


def _lists_only(d: Draft) -> bool:
    """Whether the notice's steps list entities and do nothing else."""
    return bool(d.drafts) and all(x.action is ActionKind.IMPOSE for x in d.drafts)


def one_move(drafts: list[act.ActionDraft], annexed: bool = False) -> bool:
    """Whether the notice's steps are one move from a list to another ("将…所列X（x）等2家实体由出口管制管控名单调至出口管制关注
    名单", "…移出出口管制管控名单，列入出口管制关注名单": a removal and a listing read from one clause), no annex named ("（见附件）")
    unless ``annexed``."""
    if len(drafts) != 2 or not annexed and "附件" in drafts[0].text:
        return False
    removal, listing = drafts if drafts[0].action is ActionKind.REMOVE else drafts[::-1]
    return removal.action is ActionKind.REMOVE and listing.action is ActionKind.IMPOSE and not listing.targets \
        and removal.list != listing.list and any(map(removal.text.__contains__, LISTING_WORDS))


# "决定将下列2家美国实体列入出口管制管控名单：" then "（一）猎鹰制导公司（Falcon Guidance Inc.）；" lines: items numbered in
# Chinese numerals after the decision's colon, read as an annex's (session 43, audit43/23: none read, a count warning alone).
CN_ITEM_START_RE = lazy_compile(r"[ \t\u3000]*[(（][ \t\u3000]*一[ \t\u3000]*[)）]")


def _cn_items_after_colon(lines: list[str], at: int) -> bool:
    """Whether line ``at`` (the decision's) ends with a colon and the next opens "（一）" (``CN_ITEM_START_RE``)."""
    return at + 1 < len(lines) and lines[at].rstrip().endswith(("：", ":")) \
        and CN_ITEM_START_RE.match(lines[at + 1]) is not None


# An item of a deciding lead-in that lists: "一、将甲公司（…）列入…", "（二）将…". Items on two lists each name their own
# ("商务部决定：一、将A（a）列入出口管制管控名单…。二、将B（b）列入出口管制关注名单…"): session 45, audit45/34 and items45 (the
# first item's names alone were read and put on both lists, the second's lost, silently).
# An item may open with its day ("一、自2027年6月1日起，将A（a）列入…": session 47, words47; probe46's B6, no name read).
ITEM_DAY = r"(?:自[^,。;\n]{1,24}?起\s*,?\s*)?"
LISTING_ITEM_RE = lazy_compile(rf"[^\S\n]*(?:[一二三四五六七八九十]{{1,3}}\s*、|\(\s*[一二三四五六七八九十]{{1,3}}\s*\))\s*{ITEM_DAY}将")
ITEM_NUMBER_RE = lazy_compile(r"[^\S\n]*(?:[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\))")
# A listing item opening after another's "；" or "。" on its line ("（一）将A（a）、B（b）列入出口管制管控名单；（二）将C（c）列入出口管制
# 关注名单。"): session 46, probe46 (the items were keyed by their line: one item, its names A and B on both lists, C lost,
# silently).
MID_LINE_ITEM_RE = lazy_compile(rf"(?<=[;；。])[^\S\n]*(?:[一二三四五六七八九十]{{1,3}}\s*、|\(\s*[一二三四五六七八九十]{{1,3}}\s*\))\s*{ITEM_DAY}将")
UNREAD_ITEMS: list[tuple[ListKind | None, list[EntityRecord]]] = []  # an item whose names could not be read


def item_listings(src: Source, d: Draft) -> list[tuple[ListKind | None, list[EntityRecord]]] | None:
    """The list and the names of each numbered item that lists entities ("一、将A（a）列入…名单…" / "二、将B（b）列入…"), in
    order, when two or more of the notice's listings (no targets) each open an item of their own; an item pointing back
    ("将上述2家实体列入…") names the items' before it. ``UNREAD_ITEMS`` when an item's names could not be read (a check holds
    the text); None for any other text (a listing pointing to an annex: ``record.annex_parts``)."""
    if d.qa or len(d.drafts) < 2:
        return None
    folded = src.folded
    items: dict[int, act.ActionDraft] = {}
    for x in d.drafts:
        if x.action is not ActionKind.IMPOSE or x.targets or x.annex_of is not None:
            continue
        line = folded.rfind("\n", 0, x.start) + 1
        for m in MID_LINE_ITEM_RE.finditer(folded, line, x.start):
            line = m.start()  # "一、将A（a）列入…名单；二、将B（b）列入…名单。" on one line: the item the step is in
        if ITEM_NUMBER_RE.match(folded, line) is not None and LISTING_ITEM_RE.match(folded, line) is None \
                and _decided_in_item(folded, line, x.start) is None:
            continue  # an item of measures ("（三）出口经营者不得向列入出口管制管控名单的实体出口…"), no listing of its own
        if "附件" in x.text:
            return None  # a listing pointing to an annex
        if LISTING_ITEM_RE.match(folded, line) is None and ITEM_NUMBER_RE.match(folded, line) is None:
            return clause_listings(src, d)  # a listing not in an item of its own: each in its "将…" clause, if any
        if line in items and items[line].list is not x.list:
            # an item listing on two lists ("一、将A（a）列入出口管制管控名单，将B（b）列入出口管制关注名单。"): its names are read
            # once, for its first list (review51: B on no list, silently)
            return UNREAD_ITEMS
        items.setdefault(line, x)
    if len(items) < 2:
        return None
    starts = sorted(items)
    out: list[tuple[ListKind | None, list[EntityRecord]]] = []
    before: list[EntityRecord] = []
    for i, line in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(folded)
        # "二、X（x）…，商务部决定将其列入…": the item's own names (``item_own_names``), else its "将…" opening the item
        names = (item_own_names(src, d, items[line]) or [] if LISTING_ITEM_RE.match(folded, line) is None
                 else _opening_names(src, d, line, end, before))
        if not names or any(e.zh and ent.is_anaphor(e.zh) for e in names):
            # (a pointer beside names, "将丙公司（…）及上述2家实体列入…": read as an entity named "上述2家实体", the two on no
            # list of this item, silently: review51)
            return UNREAD_ITEMS
        out.append((items[line].list, names))
        before += names
    return out


def _opening_names(src: Source, d: Draft, line: int, end: int, before: list[EntityRecord]) -> list[EntityRecord]:
    """The names of the listing item opening "将…" at ``line`` (to ``end``): its decision's own, those of the items ``before`` it
    ("二、将上述2家实体列入…"), or those after its colon ("一、将以下2家实体列入…："); [] when none is read."""
    folded = src.folded
    prose = ent.decision_prose(folded, src.text, line)
    if prose is None or not line <= prose[1] < end:
        return []
    seg, at = prose
    fseg = folded[at : at + len(seg)]
    if ent.is_anaphor(seg, fseg):
        return list(before)  # "二、将上述2家实体列入…": the items' before
    if ent.is_forward(fseg):  # "一、将以下2家实体列入…：" then its names, up to the next item
        names = ent.following_names(folded[:end], src.text[:end], at + len(seg), d.count[1])
        if not names:
            first = folded.count("\n", 0, at) + 1
            names = ent.annex_entities(src.lines[: folded.count("\n", 0, end)], first, d.count[1], clean=True)
        return names
    return ent.prose_entities(seg, d.count[1], fseg)


# An item opening with what it is about, its listing decided after ("一、X（x）在规定期限内未配合…。商务部决定将该实体调出出口管制关注
# 名单，列入两用物项出口管制管控名单…", "二、Y（y）无法核实…，商务部决定将其列入出口管制关注名单", "二、商务部决定将Y（y）列入…"):
# session 60, text59/49 and /50 (Y's name not read: the listing put on X, Y never listed; held since text59). The 将 of its
# own sentence, in the item's line, with no other 将 before the verb.
ITEM_DECIDED_RE = lazy_compile(r"决定\s*,?\s*将")
ITEM_SENTENCE_ENDS = ("。", ";")


def _decided_in_item(folded: str, line: int, at: int) -> int | None:
    """Where the object of the listing verb at ``at`` starts (after its 将), when the verb is decided in its own sentence of
    the numbered item opening at ``line`` ("商务部决定将其列入…", ITEM_DECIDED_RE) on the same line; None else."""
    if folded.find("\n", line, at) >= 0:
        return None
    s0 = max(line, *(folded.rfind(c, line, at) + 1 for c in ITEM_SENTENCE_ENDS))
    m = None
    for m in ITEM_DECIDED_RE.finditer(folded, s0, at):
        pass
    if m is None or folded.find("将", m.end(), at) >= 0:
        return None
    return m.end()


def item_own_names(src: Source, d: Draft, x: act.ActionDraft) -> list[EntityRecord] | None:
    """The names of the listing or removal ``x`` (no targets) decided in a numbered item that opens with what it is about
    (``_decided_in_item``): its object's own ("将Y（y）列入"), else, its object a pronoun ("将其", "将该实体"), the last run of
    names its item gives before; the object of a move ends at its removal verb ("将该实体调出…关注名单，列入…"). None when
    ``x`` stands in no such item; [] when its names are not read so."""
    folded = src.folded
    if x.targets or d.qa:
        return None
    line = folded.rfind("\n", 0, x.start) + 1
    if ITEM_NUMBER_RE.match(folded, line) is None or LISTING_ITEM_RE.match(folded, line) is not None:
        return None
    obj = _decided_in_item(folded, line, x.start)
    if obj is None:
        return None
    end = min([r.start for r in d.drafts if r.action is ActionKind.REMOVE and obj < r.start < x.start], default=x.start)
    while end > obj and folded[end - 1] in " ,":
        end -= 1
    seg, fseg = src.text[obj:end].strip(), folded[obj:end].strip()
    if ent.is_pronoun(fseg):
        jiang = obj - 1
        return ent.earlier_named(folded[line:jiang], src.text[line:jiang], jiang - line)
    if ent.is_anaphor(seg, fseg):
        return []
    names = ent.prose_entities(seg, d.count[1], fseg)
    return [] if any(e.zh and ent.is_anaphor(e.zh) for e in names) else names


# Listings on two lists or more in the clauses of the decision's prose, each verb after a "将…" of its own, with no item
# numbers or not every one in an item opening "将" ("商务部决定，将A（a）、B（b）列入出口管制管控名单；将C（c）列入出口管制关注名单。",
# "…管控名单，将C（c）列入…", "一、自2027年6月1日起，将A（a）列入…。二、将C（c）列入…"): session 47, words47 (A and B were put on both
# lists and C on none, or C lost behind "；", silently; probe46's B4 and B6: no name read). What may stand before a clause's
# 将: a clause mark, the decision ("决定将"), or an item's number at its line's start.
CLAUSE_LEAD_ENDS = (",", ";", "。", ":", "决定")
MOVED_FROM_REACH = 12  # "由出口管制关注名单" before a 转入 (``act.MOVED_FROM_RE``)


def clause_listings(src: Source, d: Draft) -> list[tuple[ListKind | None, list[EntityRecord]]] | None:
    """The list and the names of each listing of the decision's prose (no targets, no annex), read from the "将…" before
    each verb, when the listings are on two lists or more and their verbs stand apart, each after its "将"; ``UNREAD_ITEMS``
    when a clause's names cannot be read so (a check holds the text); None for any other text."""
    listings = [x for x in d.drafts if x.action is ActionKind.IMPOSE and not x.targets and x.annex_of is None]
    if len({x.list for x in listings}) < 2 or any("附件" in x.text for x in listings):
        return None
    starts = sorted({x.start for x in listings})
    if len(starts) < 2:
        return None  # one verb ("将A（a）列入出口管制管控名单和关注名单"): the same names on each list
    folded = src.folded
    out: list[tuple[ListKind | None, list[EntityRecord]]] = []
    before: list[EntityRecord] = []
    for i, at in enumerate(starts):
        line = folded.rfind("\n", 0, at) + 1
        lo = max(line, starts[i - 1]) if i else line
        jiang = folded.rfind("将", lo, at)
        lead = folded[lo:jiang].rstrip() if jiang >= 0 else ""
        if jiang < 0 or lead and not lead.endswith(CLAUSE_LEAD_ENDS) \
                and not (jiang > line and ITEM_NUMBER_RE.fullmatch(folded, line, jiang) is not None):
            return None  # a listing of another shape (a title's, "采取反制措施"): read as before
        end = at - 2 if folded.startswith(AGAIN, at - 2) else at  # "重新列入"
        moved = MOVED_FROM_RE.search(folded, max(jiang + 1, at - MOVED_FROM_REACH), at)
        end = moved.start() if moved is not None else end  # "将A（a）由出口管制关注名单转入出口管制管控名单"
        seg, fseg = src.text[jiang + 1 : end].strip(), folded[jiang + 1 : end].strip()
        names = list(before) if ent.is_anaphor(seg, fseg) else ent.prose_entities(seg, d.count[1], fseg)
        if not names or any(e.zh and ent.is_anaphor(e.zh) for e in names):
            return UNREAD_ITEMS
        for kind in dict.fromkeys([x.list for x in listings if x.start == at]):
            out.append((kind, names))
        before += names
    return out


def _annex_or_prose(src: Source, d: Draft) -> list[EntityRecord]:
    """Annex lines below the annex heading (or the decision); else the decision's prose
    list; else the object of "对…" for an investigation or a measure."""
    items = item_listings(src, d)
    if items:  # each listing item's own names (``item_listings``)
        return [e for _, names in items for e in names]
    folded, span, anchor = src.folded, d.decision.span, d.decision.anchor
    start = d.annex_line
    if start is None and span is not None:
        start = folded.count("\n", 0, span[0])
    # The stated country now, so that ``completed`` later finds nothing to change.
    chinese = d.annex_line is not None or start is not None and _cn_items_after_colon(src.lines, start)
    found = ent.annex_entities(src.lines, start or 0, d.count[1], chinese_numbers=chinese, clean=True, type=count_type(d))
    if found:
        return found
    prose = (ent.decision_prose(folded, src.text, anchor) if anchor else None) or ent.decision_prose(folded, src.text)
    if prose:
        seg, at = prose
        fseg = folded[at : at + len(seg)]  # the segment folded, as the text views keep every place
        if ent.is_anaphor(seg, fseg):
            return ent.pointed_names(seg, fseg) or ent.earlier_named(folded, src.text, at)
        if ent.is_generic(fseg):  # "将有关美国实体列入…（见附件）", its annex not read: nobody named here
            return []
        if ent.is_forward(fseg):  # "将以下美国实体列入…名单：甲公司（Alpha）；…": the names after the colon
            found = ent.following_names(folded, src.text, at + len(seg), d.count[1])
            if not found and not countermeasure_order(d):
                found = _names_told_later(src, d, at + len(seg))
            return found if found or not countermeasure_order(d) else _item_names(src, at + len(seg))
        found = _order_groups(src, at) if countermeasure_order(d) and _counted_groups(fseg) else []
        found = found or ent.prose_entities(seg, d.count[1], fseg)  # the stated country now, as for the annex
        if found:
            return found
        if d.count[0] is not None and d.count[0] > 1 and "等" in fseg and ")" in fseg and (_lists_only(d) or one_move(d.drafts)):
            # "甲（Alpha）等6家…列入…（名单见附件）" with no annex line read: the one name written with its English, keyed as
            # the annex would key it (the count warns of the others); not a removal's (refused for review, parse23/24); a
            # move's, "将…第101号所列北风推进公司（…）等2家实体由…管控名单调至…关注名单" (session 48, probe47's B5: no name read, a
            # listing of nobody on the watch list): the one named moved, the other a problem (``counted.named_fewer``)
            found = [e for e in ent.summarised_names(seg, d.count[1], fseg)
                     if e.en and e.zh and not any(c in e.zh for c in "()（）、")]  # a clean name, or none
            if found:
                return found
    return _step_objects(src, d)


def _step_objects(src: Source, d: Draft) -> list[EntityRecord]:
    """The entities a text's steps name as their objects, where no annex or decision lists any: the names of "对…" in a
    measure's own clause (each step's), else of an investigation or a measure ("对甲公司启动调查"), goods no entity."""
    folded = src.folded
    objects: list[EntityRecord] = []
    for x in d.drafts:
        if x.on_entities is not None:  # "对该实体采取的相关措施", "对甲公司（Alpha Inc.）采取的…"
            what, named = measure_object(src, x.on_entities)
            if not objects and (what == PRONOUN or what == ANAPHOR):
                return ent.earlier_named(folded, src.text, x.on_entities[0])
            # each step's own names: "停止对…所列银杉…实施相关措施；暂停对…所列赤岩…实施相关措施，暂停期限为6个月" (session 48,
            # probe47's B4: the first step's alone were read, the second held as naming an entity that could not be read)
            objects += named
    if objects:
        return objects
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


# "决定将以下3家美国实体列入不可靠实体清单，并采取以下处理措施：…。上述3家实体为：A（a）、B（b）、C（c）。": the names the
# forward pointer points to, told in a sentence of their own after the measures (session 51, count50/06 and count51/27: none
# read, a listing of nobody, loud by the count)
NAMES_TOLD_RE = lazy_compile(rf"(?:上述|以下|下列)\s*(?:(?P<n>{NUM})\s*[家个])?\s*(?:[\u4e00-\u9fff]{{0,4}}?(?:实体|企业|公司|机构))"
                             r"\s*(?:分别)?(?:为|是|包括|名单如下|如下)\s*:")


def _names_told_later(src: Source, d: Draft, end: int) -> list[EntityRecord]:
    """The names of a listing "将以下N家实体列入…" whose colon opens its measures, told after them in "上述N家实体为：…"
    (NAMES_TOLD_RE), read when sure: as many as that sentence (or the notice) counts; else [] (the count warns)."""
    folded = src.folded
    if "为" not in folded and "如下" not in folded:
        return []
    m = NAMES_TOLD_RE.search(folded, end)
    if m is None:
        return []
    found = ent.following_names(folded, src.text, m.end() - 1, d.count[1])
    want = to_int(m.group("n")) if m.group("n") else d.count[0]
    return found if want is not None and len(found) == want else []


# An item of an order's decision: "一、", "（二）", "3." opening its line.
ORDER_ITEM_RE = lazy_compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|\(\s*[一二三四五六七八九十]{1,3}\s*\)|\d{1,2}\s*[、.])")


# A count closing a group of names: "…等3家", "…（Mary Evans）2名".
GROUP_COUNT_RE = lazy_compile(rf"(?:等|\))\s*{NUM}\s*[家名位人]")
ITS_COUNTED_RE = lazy_compile(rf"及其\s*{NUM}\s*[名位]")  # "…及其2名高级管理人员X（x）、Y（y）"


def _counted_groups(fseg: str) -> bool:
    """Whether an order's decision names its targets in groups each closed by a count ("对A（a）、B（b）3家实体和X（x）2名个人",
    "对A（a）及其X（x）、Y（y）2名高级管理人员"): two counts, or a company's persons counted after or before their names."""
    if "家" not in fseg and "名" not in fseg and "人" not in fseg:
        return False
    counts = GROUP_COUNT_RE.findall(fseg)
    if len(counts) >= 2:
        return True
    its = fseg.find("及其")
    return its >= 0 and ((len(counts) == 1 and not counts[0].startswith("等")) or ITS_COUNTED_RE.match(fseg, its) is not None)


def _order_groups(src: Source, at: int) -> list[EntityRecord]:
    """The names of an order's deciding line from ``at`` (its "对" phrase) when ``_counted_groups``, read as an MFA
    decision's groups are (session 30, names30: "3家实体和约翰·哈珀" read as one name, "其托马斯·格林" another)."""
    from ..mfa.groups import line_groups  # (the MFA reader, loaded for a countermeasure order only)

    start = src.folded.rfind("\n", 0, at) + 1
    end = src.folded.find("\n", at)
    end = len(src.folded) if end < 0 else end
    return _targets_as_entities(line_groups(src.text[start:end], src.folded[start:end], max(0, at - start - 1)))


def _targets_as_entities(groups: list[Group]) -> list[EntityRecord]:
    """The groups' named targets as entities (a person typed, a role in the note)."""
    out = []
    for group in groups:
        for t in group.names:
            out.append(ent.make_entity(t.zh, t.en, t.country, note=t.note, type=t.type))
    return out


def _item_names(src: Source, end: int) -> list[EntityRecord]:
    """The names an order's items give after its decision points to them ("商务部决定对下列个人和实体采取反制措施：" then "一、对
    A（a）、B（b）、C（c）3家实体，禁止…" and "二、对X（x）、Y（y）2名个人，不予签发签证…"): each item's "对…" read as an MFA
    decision's measures are (``mfa.groups.line_groups``: persons typed, roles in the note), from the lines after ``end``'s
    while they open with an item number (session 30, names30; audit29/16: no name read, the count warning alone told)."""
    from ..mfa.groups import line_groups  # (the MFA reader, loaded for a countermeasure order only)

    first = src.folded.count("\n", 0, end) + 1
    out = []
    for line, folded in zip(src.lines[first:], src.folded_lines[first:]):
        if not folded.strip():
            continue
        if ORDER_ITEM_RE.match(folded) is None:
            break
        out += _targets_as_entities(line_groups(line, folded))
    return out


LEAD_MAX = 2  # "关于", "除", "针对": what a run of name characters may hold before the name


def names_given(src: Source, start: int, end: int) -> list[EntityRecord]:
    """The bracketed names ("内华达山脉公司（Sierra Nevada Corporation）") of ``src.text[start:end]``, in order."""
    return [e for run in ent.name_runs(src.folded[start:end]) for e in _run_names(src, start + run.start(), start + run.end())]


def last_run(src: Source, start: int, end: int) -> list[EntityRecord]:
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
        e = ent.object_entity(*ent.without_clause(src.text[a:b], src.folded[a:b]))
        if e is not None:
            found.append(e)
    return found


BRACKETED_NAME_RE = lazy_compile(ent.BRACKETED_NAME)  # one name of a NAME_RUN_RE run
# What opens a run before its first name: a joiner, or 除 / 对 ("除内华达山脉公司（…）外", "对立方公司（…）").
NAME_JOINER_RE = lazy_compile(r"\s*(?:以及|[和及除对])\s*")
