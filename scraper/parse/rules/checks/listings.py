"""Listings, removals and moves: a whole list published again, a removal of annexed entities none read, a move beside
another step, items listing on two lists (and an item's own day), an answer's listing, another list after 将上述, an export
ban."""

from __future__ import annotations

from storage.records import ActionKind, ListKind

from ... import actions as act
from ...actions.words import LIST_ALT, LIST_KIND, MOVED_TO
from ...corrections import CORRECTION_TITLE_RE
from ...dates import effective_in, own_effective_matches
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ...textnorm import find_word, holds_any, marked
from ..named import (
    ITEM_NUMBER_RE,
    LISTING_ITEM_RE,
    MID_LINE_ITEM_RE,
    UNREAD_ITEMS,
    clause_listings,
    item_listings,
    sentence_start,
)
from ..steps import MEASURES_LATER_RE
from .common import LEFT_OUT

# "一、旭光…（Kyokko…）…。商务部决定将该实体调出出口管制关注名单，列入…管控名单…二、商务部决定将三岛计测株式会社（Mishima
# Instruments Corporation）列入…": a listing sentence naming an entity with its Latin name in brackets before its verb that no
# entity read is (session 59, text59's probes on /16: the second item's name was not read, its listing put on the first's
# entity, silently). Which names each listing takes is not read: left out, for a person.
BRACKETED_LATIN_RE = lazy_compile(r"\(\s*([A-Za-z][^()\n]{1,160}?)\s*\)")
LISTING_NAME_REACH = 400  # the longest prose list between a listing's 将 and its verb
POINTING_OBJECTS = ("其", "该实体", "该企业", "该公司", "上述")


# What says a removal of an earlier notice's entities takes the ones an annex names ("（见附件）"), or only some ("部分").
# ("甲公司等2家美国实体" alone does not say it: "高点航空技术公司等16家美国实体" is the whole of No. 21, and only the engine
# knows how many a notice listed.)
SOME_NAMED_RE = lazy_compile(r"附件|部分")

# A listing item's verb after its object's end ("一、将…", "(一)将…"): the words asked of the whole text, each by its mark
# (``textnorm.holds_any``: a character the text lacks is one memchr, a word of two a scan of every character).
LISTING_ITEM_MARKS = marked(("、将", ")将", ") 将", "、 将"))

# "将…第101号所列北风推进公司（…）由出口管制管控名单调至关注名单，将南岭光学公司（…）移出出口管制管控名单" (or "；将该公告所列…"): a
# move beside another step on the lists, none of them on names of its own: one removal of the names read and the move's
# listing on the notice's entities (南岭光学 put on the watch list, falsely; with "，" its removal missed, silently; review54).
# Which names each step takes is not read: left out, for a person.
MOVE_KINDS = (ActionKind.REMOVE, ActionKind.IMPOSE)

# "工作机制决定终止调查，不将该企业列入不可靠实体清单": an investigation ended with no listing. No step reads it (the engine
# holds no end of an investigation), so the entity would show under investigation for good: for a person to read
# (session 25, parse25: before, the negated 列入 read as a listing of nobody).
INVESTIGATION_ENDED_RE = lazy_compile(r"(?:终止|结束)[^。；;\n]{0,16}?调查")

# "现重新发布出口管制管控名单（见附件）": a whole list published again, its entities listed under their own notices, the measures
# as those notices left them ("仍按照原公告执行"). No step, yet an annex of names: a list differing from the stored ones
# would hide a listing or a removal. For a person to read, said as what it is (session 27, audit27/15: refused for
# "暂停实施" in "处于暂停实施状态" naming no notice).
REPUBLISHED = ("重新发布", "重新公布", "汇总公布", "汇总发布", "全文公布", "全文发布")
REPUBLISHED_LIST_NEAR = 12  # "重新发布出口管制管控名单", "重新公布《不可靠实体清单》": the list's name this near after it
# "…仍在出口管制管控名单内的实体汇总公布": the list's name this near before it (its end; its start within twice this; story35 S5)
REPUBLISHED_LIST_BEFORE = 12
# A title publishing a list itself, "关于公布出口管制管控名单（截至…）的公告", "关于公布《不可靠实体清单》的公告": the list's
# name right after 公布 (a listing's title puts 将…列入 between them).
PUBLISHED_LIST_TITLE = "公布"

# "一、自公布之日起，禁止向美国雷神防务航电公司（…）、铁砧导弹公司（…）出口两用物项。", "禁止向附件所列3家美国实体出口两用物项": a ban on
# dual-use exports to entities it names, with no list word (no 列入…名单): no step reads it, so the notice was stored as one
# changing nothing, the ban on those entities missed without a word (session 51, blind51/07, /22). Whether it is a listing on
# the export control list is not read: left out, for a person. Only where no step and no entity is read; the words after
# 向 must name an entity (a bracket opening with a Latin letter, 公司, 实体, 企业, 集团, 机构 or the annex), not users
# ("禁止两用物项对美国军事用户出口", "禁止向美国军事用户出口…": 2024 No. 46).
EXPORT_BAN_RE = lazy_compile(r"禁止\s*(?:出口经营者\s*)?向(?P<to>[^。;\n]{2,400}?)出口\s*(?:相关\s*)?两用物项")
BANNED_NAMED_RE = lazy_compile(r"\(\s*[A-Za-z]|公司|实体|企业|集团|机构|附件")

# "商务部决定自2027年6月6日起，将该实体移出关注名单，列入出口管制管控名单": an answer moving an entity from one list to another. An
# answer lists no one (a listing is a notice's: ``clauses`` reads no 列入 in an answer), so the removal was read and the
# listing dropped, silently: the entity shown off the watch list and on no other list (session 51, blind51/36). Left out,
# for a person. Looked for only around an answer's removal, in its sentence.
ANSWER_LISTED_RE = lazy_compile(rf"(?:列入|纳入|转入|移至|调至|调入)\s*(?:{LIST_ALT}|出口管制关注名单|管控名单)")

# "商务部决定自2027年6月6日起，将该实体由关注名单转入出口管制管控名单": the same move in one verb, read as no step at all (a quiet
# "no action found in the answer": the entity left on the watch list, silently; session 51).
ANSWER_MOVE_RE = lazy_compile(r"[由从]\s*(?:出口管制)?(?:管控名单|关注名单|不可靠实体清单)\s*中?\s*(?:转入|移至|调至|调入|调整至)\s*"
                              r"(?:出口管制)?(?:管控名单|关注名单|不可靠实体清单)")
LIST_MOVE_WORDS = ("转入", "移至", "调至", "调入", "调整至")
LIST_MOVE_MARKS = marked(LIST_MOVE_WORDS)

# "不可靠实体清单工作机制决定将…列入不可靠实体清单…。商务部同时依据《中华人民共和国出口管制法》将上述2家实体列入出口管制管控名单，
# 禁止向其出口两用物项。": the notice's entities put on a second list in a sentence no decision word opens, so no step read it:
# the ECL listing dropped, silently (session 51, blind51/38). Where the notice lists on one list and such a sentence ("将上述…
# 列入" another list, not quoted) reads no listing there: left out, for a person.
OTHER_LISTING_RE = lazy_compile(rf"将\s*上述[^。;\n]{{0,30}}?(?:列入|纳入)\s*(?P<l>出口管制关注名单|{LIST_ALT}|管控名单)")

ABOVE_AFTER_RE = lazy_compile(r"\s*上述")  # (what follows a 将 in OTHER_LISTING_RE's start)


# An entry whose Chinese name holds a whole name with its Latin one in brackets, then a blank and more: two entries run
# together, "星链防务集成公司（Starlink Defense Integration Corp.） 黑曜石网络安全公司" with the second's Latin name as its
# English (session 54, pages56/46: an annex cell holding two entries split by <br>, read as one row: the first entry lost,
# a name made of both, silently where no count is stated).
TWO_ENTRIES_RE = lazy_compile(r"[（(][^（）()]*?[A-Za-z][^（）()]*[)）]\s+[^\s（(]")

# "一、对海上战术系统公司处以罚款…；二、将瑞喆贸易公司（Ruizhe Trading LLC）列入不可靠实体清单…": a fine on an entity another
# notice listed, beside this notice's listing (session 60, blind60/32: a measure is read only where a notice lists no one,
# ``steps.measure``, so the fine was lost, loud only through the history's count read as the notice's). The fined one named
# (not 上述/该/其, nor an entity read): left out for a person.
FINED_RE = lazy_compile(r"对\s*(?P<who>[^,，。；;、:：\n]{2,60}?)\s*处以?\s*罚款")
FINED_POINTERS = ("上述", "该", "其", "前述", "以上", "有关", "相关")


def _listings_apart(d: Draft) -> bool:
    """Whether the notice lists on two lists or more by verbs of their own (``named.clause_listings``: "将A（a）列入出口管制管控
    名单；将C（c）列入出口管制关注名单", with no item number, or items opening with their day, "一、自…起，将…")."""
    lists, starts = set(), set()
    for x in d.drafts:
        if x.action is ActionKind.IMPOSE and not x.targets:
            lists.add(x.list)
            starts.add(x.start)
    return len(lists) > 1 and len(starts) > 1


def unread_listing_item(src: Source, d: Draft) -> str | None:
    """Numbered items listing on two lists or more ("一、将…列入出口管制管控名单…" / "二、将…列入出口管制关注名单…") whose names
    could not be read item by item (``named.item_listings``), or an item's list with no listing read ("一、将以下2家实体列入
    出口管制管控名单：" and its name lines, then "二、将以下1家实体列入出口管制关注名单：": the second item's listing was not read,
    its name put on the first's list; items45). Each listing would take the others' names: left out, for review."""
    if d.qa or not any(x.action is ActionKind.IMPOSE and not x.targets for x in d.drafts):
        return None
    folded = src.folded
    for x in d.drafts:
        if x.action is ActionKind.REMOVE and not x.targets and folded.startswith("列入", x.start):
            # "将A（a）列入出口管制管控名单；不再将B（b）列入出口管制关注名单": the removal took the listing's names (A off the
            # watch list, B's removal lost, silently: session 47, words47); each clause's names are not read apart
            return f"a removal written \"不再将…列入…\" beside a listing, whose names are not read apart{LEFT_OUT}"
    if not holds_any(folded, LISTING_ITEM_MARKS) and not _listings_apart(d):
        return None  # (nearly every text: no listing item, no listings on two lists)
    if item_listings(src, d) is UNREAD_ITEMS:
        return f"listing items on several lists whose names could not be read item by item{LEFT_OUT}"
    named: dict[ListKind, str] = {}
    for s0, s1 in d.spans:
        pos = folded.find("将", s0, s1)
        while pos >= 0:
            line = folded.rfind("\n", 0, pos) + 1
            m = LISTING_ITEM_RE.match(folded, line)
            if m is not None and m.end() == pos + 1:
                end = act.sentence_end(folded, pos)
                verb = folded.find("列入", pos, end)
                kind = act.list_in(folded, verb, end) if verb >= 0 else None
                if kind is not None:
                    named.setdefault(kind, src.text[line:end].strip())
            pos = folded.find("将", pos + 1, s1)
    if len(named) < 2:
        return None
    read = {x.list for x in d.drafts if x.action is ActionKind.IMPOSE and not x.targets}
    missed = [text for kind, text in named.items() if kind not in read]
    return f"a listing item not read (\"{missed[0]}\"){LEFT_OUT}" if missed else None


def unread_item_day(src: Source, d: Draft) -> str | None:
    """Listing items on two lists or more whose later day is told in one item ("一、将A（a）列入出口管制管控名单，自2027年6月1日
    起实施相关措施。二、将C（c）列入出口管制关注名单。", "…。相关措施自2027年6月1日起实施。" on item 一's line, "三、上述第一项措施自…起
    实施"): that day was taken as the notice's and every listing's, the watch list's a month late, silently (session 46,
    probe46). Which listings it reaches is not read: left out, for a person."""
    if d.qa or d.published is None:
        return None
    published = d.published.isoformat()
    listings = [x for x in d.drafts if x.action is ActionKind.IMPOSE and not x.targets]
    later = {x.effective[:10] for x in listings if x.effective and x.effective[:10] > published}
    if not later or len({x.list for x in listings}) < 2:
        return None  # (nearly every text: no later day, or one list)
    folded = src.folded
    numbered = holds_any(folded, LISTING_ITEM_MARKS)
    clauses = not numbered and _listings_apart(d) and bool(clause_listings(src, d))
    if not numbered and not clauses:
        return None
    # listings in the clauses of one sentence ("将A（a）列入出口管制管控名单，自2027年6月1日起实施相关措施；将C（c）列入出口管制关注
    # 名单。"): a day told after the first listing's verb, in the sentence of the last (session 47, words47: carried to C's
    # listing too); a day leading the sentence ("自2027年6月1日起，将A…；将C…") is every listing's
    starts = [x.start for x in listings]
    first, last_end = min(starts), act.sentence_end(folded, max(starts))
    for m in [*own_effective_matches(folded), *MEASURES_LATER_RE.finditer(folded)]:
        if folded.startswith("本", m.start()) or (effective_in(m.group(0), d.published) or "")[:10] not in later:
            continue
        line = folded.rfind("\n", 0, m.start()) + 1
        in_clause = clauses and first < m.start() < last_end
        if in_clause or numbered and (
                ITEM_NUMBER_RE.match(folded, line) is not None or MID_LINE_ITEM_RE.search(folded, line, m.start()) is not None):
            said = src.text[m.start() if in_clause else line : act.sentence_end(folded, m.start())].strip()
            return f"a later day told in one item (\"{said[:80]}\") was read for every list's listing{LEFT_OUT}"
    return None


def annex_number_gap(src: Source, d: Draft) -> str | None:
    """A listing's annex whose numbers skip (1, 2, 3, 5) where the notice states no count: the entries under the numbers
    skipped are not on the page (nowhere in it: lines out of order lose nothing), left out for a person. A count stated
    says it: the count mismatch where they are lost, nothing where the count is the entries read (a number mistyped,
    audit40/01)."""
    if not d.entities or d.count[0] is not None:
        return None
    if not any(a.action is ActionKind.IMPOSE for a in d.actions) or any(a.action is ActionKind.REMOVE for a in d.actions):
        return None
    before, numbers = None, {e.n for e in d.entities}
    for e in d.entities:
        if e.n is None:
            continue
        if before is not None and e.n > before + 1 and any(k not in numbers for k in range(before + 1, e.n)):
            return f"the annex's numbers skip from {before} to {e.n}: the entries between are not on the page{LEFT_OUT}"
        before = e.n
    return None


def two_entries_in_one(src: Source, d: Draft) -> str | None:
    """An entity whose Chinese name is two entries run together (``TWO_ENTRIES_RE``): which names the annex lists is not
    read, left out for a person."""
    if not d.entities:
        return None
    for e in d.entities:
        zh = e.zh
        if zh and ("）" in zh or ")" in zh) and TWO_ENTRIES_RE.search(zh) is not None:
            return f"the entry '{zh}' runs two entries together (a name with its Latin one, then another){LEFT_OUT}"
    return None


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


def unread_move_beside_step(src: Source, d: Draft) -> str | None:
    """A notice moving entities between lists (调至, 调入, 转入, 移至) beside another step on a list, no step naming its own
    entities: which entities each step takes is not read; left out, for a person."""
    if d.qa or len(d.drafts) < 3:
        return None
    folded = src.folded
    listed = [x for x in d.drafts if x.action in MOVE_KINDS]
    moves = [x for x in listed if x.action is ActionKind.IMPOSE and folded.startswith(MOVED_TO, x.start)]
    if not moves or len(listed) < 3 or any(getattr(x, "on_entities", None) is not None for x in listed):
        return None
    move = moves[0]
    # (after the move, on its line: numbered items "一、将A列入…\n二、将B从…移至…" are read item by item)
    other = next((x for x in listed if x.start > move.start and folded.find("\n", move.start, x.start) < 0), None)
    if other is None:
        return None
    return (f"a move to another list beside another step on the lists (\"{src.text[other.start : other.start + 12].splitlines()[0]}…\"): "
            f"which entities each takes is not read{LEFT_OUT}")


def unread_investigation_end(src: Source, d: Draft) -> str | None:
    """A UEL notice that ends an investigation (INVESTIGATION_ENDED_RE) and reads no step: left out for review."""
    if d.drafts or d.qa or d.context_list is not ListKind.UEL or "调查" not in d.operative:
        return None
    m = INVESTIGATION_ENDED_RE.search(d.operative)
    return None if m is None else f"an investigation ended (\"{m.group(0)}\") is not read{LEFT_OUT}"


def republished_list(src: Source, d: Draft) -> str | None:
    """A notice reading no step that publishes a whole list again (``REPUBLISHED``; a title publishing the list itself,
    ``PUBLISHED_LIST_TITLE``): left out for review. A consolidated list naming each entity's listing notice may name
    one the store never read: stored as changing nothing, it was a missed company without a word (story35 S5)."""
    if d.qa or d.actions:
        return None
    # a correction publishing its corrected annex again ("现将更正后的出口管制管控名单重新公布", corr21/13) stays a correction
    corrects = CORRECTION_TITLE_RE.search(d.folded_title) is not None
    for text in (d.folded_title, d.operative):
        for word in REPUBLISHED:
            pos = find_word(text, word)
            if pos < 0:
                continue
            if m := act.LIST_WORD_RE.search(text, pos, pos + len(word) + REPUBLISHED_LIST_NEAR):
                return f"publishes a whole list again (\"{text[pos:m.end()]}\"), its entities under their own notices{LEFT_OUT}"
            before = [] if corrects else [
                m for m in act.LIST_WORD_RE.finditer(text, max(0, pos - 2 * REPUBLISHED_LIST_BEFORE), pos)
                if pos - m.end() <= REPUBLISHED_LIST_BEFORE]
            if before:
                return (f"publishes a whole list again (\"{text[before[-1].start():pos + len(word)]}\"), its entities "
                        f"under their own notices{LEFT_OUT}")
    title = d.folded_title
    pos = -1 if corrects else title.find(PUBLISHED_LIST_TITLE)
    while pos >= 0:
        start = pos + len(PUBLISHED_LIST_TITLE)
        if (m := act.LIST_WORD_RE.match(title, start + (title[start:start + 1] == "《"))) is not None:
            return f"publishes a whole list again (\"{title[pos:m.end()]}\"), its entities under their own notices{LEFT_OUT}"
        pos = title.find(PUBLISHED_LIST_TITLE, start)
    return None


def unread_export_ban(src: Source, d: Draft) -> str | None:
    """A numbered notice banning dual-use exports to entities it names (EXPORT_BAN_RE) that reads no step and no entity:
    left out for a person to read, never stored as a notice changing nothing."""
    if d.qa or d.own is None or d.entities or d.actions or d.drafts:
        return None
    op = d.operative
    if "两用物项" not in op or "禁止" not in op or CORRECTION_TITLE_RE.search(d.folded_title) is not None:
        return None  # (a correction quotes the sentences it corrects: audit45/11)
    for m in EXPORT_BAN_RE.finditer(op):
        if op.rfind("“", 0, m.start()) > op.rfind("”", 0, m.start()):
            continue  # quoted
        if BANNED_NAMED_RE.search(m.group("to")) is not None:
            return f"bans dual-use exports to entities it names (\"{m.group(0)[:40]}…\") with no listing read{LEFT_OUT}"
    return None


def unread_answer_listing(src: Source, d: Draft) -> str | None:
    """An answer whose removal's sentence also puts entities on a list (ANSWER_LISTED_RE), or one deciding a move from a
    list to another that no step reads (ANSWER_MOVE_RE): left out for a person to read."""
    if not d.qa:
        return None
    folded, op = src.folded, d.operative
    if not d.drafts and "决定" in op and holds_any(op, LIST_MOVE_MARKS) and (m := ANSWER_MOVE_RE.search(op)) is not None:
        return f"an answer moves entities to another list (\"{m.group(0)}\"): no step read{LEFT_OUT}"
    for x in d.drafts:
        if x.action is ActionKind.REMOVE and x.sentence is not None:
            s0, s1 = x.sentence
            if folded.find("入", s0, s1) < 0 and folded.find("至", s0, s1) < 0:
                continue
            m = ANSWER_LISTED_RE.search(folded, s0, s1)
            if m is not None:
                return f"an answer moves entities to another list (\"{src.text[m.start() : m.end()]}\"): no listing is read from an answer{LEFT_OUT}"
    return None


def _then_above(op: str) -> bool:
    """Whether a 上述 of ``op`` follows a 将 (blanks between: OTHER_LISTING_RE's "将\\s*上述"), its mark asked first (perf52:
    nearly every listing says 上述 and 列入 twice, and was asked the pattern)."""
    p = op.find("将")
    while p >= 0:
        if ABOVE_AFTER_RE.match(op, p + 1) is not None:
            return True
        p = op.find("将", p + 1)
    return False


def unread_other_listing(src: Source, d: Draft) -> str | None:
    """A notice listing its entities on one list whose "将上述…列入<another list>" (OTHER_LISTING_RE) no step reads: left out
    for a person to read."""
    if d.qa or not d.drafts:
        return None
    op = d.operative
    if not _then_above(op) or op.count("列入") + op.count("纳入") < 2:
        return None
    listed = {x.list for x in d.drafts if x.action is ActionKind.IMPOSE}
    if not listed:
        return None
    for m in OTHER_LISTING_RE.finditer(op):
        lst = ListKind.WATCH if m.group("l") == "出口管制关注名单" else LIST_KIND[m.group("l")]
        if lst in listed or op.rfind("“", 0, m.start()) > op.rfind("”", 0, m.start()):
            continue
        return f"puts the entities on a second list (\"{m.group(0)}\") that no step reads{LEFT_OUT}"
    return None


def _latin_key(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def unread_named_listing(src: Source, d: Draft) -> str | None:
    """A listing (an impose on no notice) whose own sentence names, between its 将 and its verb, a Latin name in brackets
    that none of the notice's entities has."""
    if d.qa or not d.entities:
        return None  # (none read at all: the count or no_entities says so)
    folded = src.folded
    known = [_latin_key(e.en) for e in d.entities if e.en]
    for x in d.drafts:
        if x.action is not ActionKind.IMPOSE or x.targets or not folded.startswith("列入", x.start):
            continue
        s0 = sentence_start(folded, x.start)
        jiang = folded.rfind("将", max(s0, x.start - LISTING_NAME_REACH), x.start)
        if jiang < 0:
            continue
        if folded.startswith(POINTING_OBJECTS, jiang + 1):  # "…X（x）…，决定将其列入": the names its paragraph gives before
            jiang = max(folded.rfind("\n", 0, jiang) + 1, x.start - LISTING_NAME_REACH)
        for m in BRACKETED_LATIN_RE.finditer(folded, jiang, x.start):
            if folded.count("(", jiang, m.start()) > folded.count(")", jiang, m.start()):
                continue  # a bracket inside a name's ("（…, Inc.（the “Company”））"): no name of its own
            key = _latin_key(m[1])
            if key and not any(key == k or key in k or k in key for k in known if k):
                return f"a listing names \"{m[1].strip()}\", which no entity read has{LEFT_OUT}"
    return None


def unread_fine_beside_listing(src: Source, d: Draft) -> str | None:
    """A numbered notice reading a listing and no measure whose decision fines someone by name who is none of the entities
    it reads (FINED_RE): the fine on another notice's entity is not read; left out for a person to read."""
    if d.qa or d.own is None or "罚款" not in d.operative:
        return None
    if not any(x.action is ActionKind.IMPOSE for x in d.drafts) or any(x.action is ActionKind.MEASURE for x in d.drafts):
        return None
    for m in FINED_RE.finditer(d.operative):
        who = m.group("who")
        if any(w in who for w in FINED_POINTERS) or any(e.zh and e.zh in who for e in d.entities):
            continue
        return f"a fine on \"{who.strip()}\", none of the entities the notice lists, is not read{LEFT_OUT}"
    return None
