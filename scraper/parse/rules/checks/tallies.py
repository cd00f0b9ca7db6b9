"""The counts a listing states of its entities in the places a count stands, compared with one another.

A notice listing or removing entities states their count where it names them: its title, the page's 【标题】 line, the
decision sentence ("将甲公司等9家美国实体列入…"), its measures ("禁止…向上述9家实体出口…") and its annex's heading
("附件：出口管制管控名单（共9家）"). The stated count is read from the first of them (the title mostly); the others were not
read at all, so a text at odds with itself read silently where the entities agree with the first: a 【标题】 line of 8
over a title, body and annex of 9 (session 51, count51/15), a title of 9 over a decision of 8 (session 52, count52). A
row may be missing, or one read twice, and which cannot be told: such a text is left out for a person (the owner's rule
of session 51: two counts at odds are held, as ``checks.counts_at_odds`` holds an annex's total line). Asked only of a
text of one listing or one removal naming no earlier notice: a text of several steps states a count for each
("其中5家列入…，3家列入…"), and a step on an earlier notice's entities counts them ("…所列16家实体中的A、B").
Annex footers ("以上共计9家") and counts per country are ``counts_at_odds``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storage.records import ActionKind

from ... import entities as ent
from ...actions import ActionDraft
from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ...textnorm import NUM, holds, to_int
from .common import LEFT_OUT

HEADER_TITLE = "【标题】"  # the page's metadata line naming the notice's title (the gov site's article head)
HEADER_TITLE_ALT = "标题:"  # the same as a table's cell, folded
TITLE_WORD = "标题"  # in both
ANNEX_WORD = "附件"
ANNEX_HEAD_LINES = 3  # the annex heading's line and the two after it ("附件" / "出口管制管控名单（8家）" / "（2026年12月8日）")
LIST_WORDS = ("名单", "清单")  # an annex heading names the list; a country section's heading ("一、美国实体（12家）") names none
HEAD_MAX = 60  # a heading is short; a line longer is prose (the decision's own sentence, read apart)
# "上述9家实体", "上述九家美国实体": the measures pointing back at the entities the decision counted; "前述8家", "该8家",
# "以上8家" as well.
POINTERS = ("上述", "前述", "以上", "该")
ABOVE_COUNT_RE = lazy_compile(rf"(?:上述|前述|以上|该)\s*(?P<n>{NUM})\s*家")
# "…等9家美国实体列入…（见附件，共8家）": a total in the decision's bracket, set apart from its count (``_said_in`` sums
# counts of one phrase only).
TOTAL_WORD = "共"
TOTAL_IN_RE = lazy_compile(rf"共\s*(?:计\s*)?(?P<n>{NUM})\s*家")
# A count as a heading writes it, no noun after 家 ("出口管制管控名单（共9家）"), or as prose does ("9家美国实体").
HEAD_COUNT_RE = lazy_compile(rf"(?P<n>{NUM})\s*家")
HEAD_NUMERALS = "零一二三四五六七八九十百两"  # NUM's Chinese numerals (its digits: \\d, ``str.isdecimal``)
COUNTED = "家"  # in every HEAD_COUNT_RE match: a text with none after its first annex heading has no heading counting
COUNT_WORDS_RE = lazy_compile(rf"{NUM}\s*[家名]")
ANNEX_LABEL_RE = lazy_compile(r"[^\S\n]*[0-9一二三四五六七八九十]{1,2}")  # (on its line: "附件" over "1. 甲公司" is no annex 1)
BARE = " \t\u3000:："  # what a bare annex heading holds after its number
JOIN_GAP_MAX = 16  # "美国实体和": what stands between two counts of one phrase ("…等2家日本实体和鼎新…公司（…）1家…" is longer)
APART = ",，。;；:：()（）"  # a mark between two counts: they are not one phrase's
QUOTE_AROUND = 12  # characters quoted on each side of a count
LISTING_STEPS = (ActionKind.IMPOSE, ActionKind.REMOVE)


def counts_stated_apart(src: Source, d: Draft) -> str | None:
    """A listing or a removal whose entities agree with its stated count, where another place the count stands says
    another count (the module's docstring): left out for a person, naming both. None else; nearly every text is
    passed by its steps or its count before any line is read."""
    stated = d.count[0]
    if d.qa or stated is None or len(d.entities) != stated or not d.drafts or not _one_step(d.drafts):
        return None
    for where, text, quote, said in _counts_said(src, d, stated):
        if said != stated:
            words = quote if quote is not None else _words_at(text, COUNT_WORDS_RE.search(text))
            return (f"the notice states {stated} entities and {stated} are read, where {where} says {said}"
                    f" (\"{' '.join(words.split())}\"): which is right cannot be told{LEFT_OUT}")
    return None


def _one_step(drafts: list[ActionDraft]) -> bool:
    """Whether the drafts are one listing or one removal on one list naming no earlier notice (a removal of three named
    is read as a draft for each)."""
    first = drafts[0]
    if first.action not in LISTING_STEPS:
        return False
    return all(x.action is first.action and x.list is first.list and not x.targets for x in drafts)


def _counts_said(src: Source, d: Draft, stated: int) -> Iterator[tuple[str, str, str | None, int]]:
    """(where, the text, the words to quote where known, the count) of each place a count of the listed entities stands, the stated count's own
    among them. The title is not asked: where it states a count, that count is the stated one (``named.stated_count``
    reads it first)."""
    folded, span = src.folded, d.decision.span
    places = [("its 【标题】 line", _header_title(folded))]
    if span is not None:
        sentence = folded[span[0] : span[1]]
        places.append(("its decision", sentence))
        if TOTAL_WORD in sentence:  # ("中华人民共和国" in nearly every one: the pattern asks a numeral after 共)
            for m in TOTAL_IN_RE.finditer(sentence):
                if n := to_int(m.group("n")):
                    yield "its decision's total", sentence, m.group(), n
    for where, line in places:
        if line and (said := _said_in(line)) is not None:
            yield where, line, None, said
    if any(w in d.operative for w in POINTERS):
        for m in ABOVE_COUNT_RE.finditer(d.operative):
            if n := to_int(m.group("n")):
                yield "its measures", d.operative, _words_at(d.operative, m), n
    if (annexed := _annex_at_odds(folded, stated)) is not None:
        yield "its annex's heading", annexed[0], annexed[0], annexed[1]


def _said_in(text: str) -> int | None:
    """The count ``text`` states of the entities: its one count (``count_parts``: persons joined, "3家实体和2名个人", are
    added), or its counts by country joined in one phrase summed ("3家美国实体和2家中国台湾地区实体": 5; parse21/03); None
    for counts apart ("等14家外国实体，其中美国实体12家…": counts_at_odds's) or none."""
    counted = _counted_at(text)
    if counted < 2:  # (nearly every decision: one 家 after a numeral, 国家 aside; no pattern asked to count them)
        parts = ent.count_parts((text,)) if counted else None
        return sum(parts) if parts is not None else None
    found = list(HEAD_COUNT_RE.finditer(text))
    if not found or any(len(gap) > JOIN_GAP_MAX or any(c in gap for c in APART) for gap in
                        (text[a.end() : b.start()] for a, b in zip(found, found[1:]))):
        return None
    return sum(to_int(m.group("n")) or 0 for m in found)


def _counted_at(text: str) -> int:
    """How many HEAD_COUNT_RE matches ``text`` holds, found from its 家 (2 for two or more): each match ends at a 家 with
    a numeral before it, blanks aside, and each such 家 ends one (NUM and \\s hold no 家). With the one search for
    the 【标题】 words, the check went from 67,500 to 46,200 instructions a page (perf54, bench/parse_rules.py)."""
    found = 0
    pos = text.find(COUNTED)
    while pos >= 0:
        j = pos - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j >= 0 and (text[j].isdecimal() or text[j] in HEAD_NUMERALS):
            found += 1
            if found > 1:
                return found
        pos = text.find(COUNTED, pos + 1)
    return found


def _words_at(text: str, m: re.Match[str] | None) -> str:
    """The words around a count, to quote it (the whole text when it is not found)."""
    if m is None:
        return text
    return text[max(0, m.start() - QUOTE_AROUND) : m.end() + QUOTE_AROUND]


def _header_title(folded: str) -> str:
    """The 【标题】 line's title (a page's metadata, "【标题】关于将8家美国实体…的公告"), or ""."""
    if not holds(folded, TITLE_WORD):  # (nearly every text: one search for both words, its rarer 标 first)
        return ""
    for word in (HEADER_TITLE, HEADER_TITLE_ALT):
        pos = folded.find(word)
        if pos >= 0 and (pos == 0 or folded[pos - 1] == "\n"):
            end = folded.find("\n", pos)
            return folded[pos + len(word) : end if end >= 0 else len(folded)]
    return ""


def _annex_at_odds(folded: str, stated: int) -> tuple[str, int] | None:
    """(lines, count) the annexes' headings state at odds with ``stated``: each annex's heading ("附件：出口管制管控名单（共9家）",
    or "出口管制管控名单（9家）" under a bare "附件"), the counts of annexes apart summed ("附件1…（4家）", "附件2…（2家）"; the
    body's "附件：1. 美国实体名单（4家）" line beside numbered annexes left: they say it again). Agreeing: every count is
    ``stated``, or they sum to it (annexes apart under bare headings). None where an annex states no count: its count
    is its lines' (the count check's)."""
    first = _first_annex_line(folded)
    if first < 0 or folded.find(COUNTED, first) < 0:
        return None  # (nearly every listing: no 家 after its annex's word, no heading can count; perf53)
    heads = _annex_heads(folded)
    numbered = {label: counts for label, counts in heads.items() if label}
    used = numbered or heads
    if not used or any(not counts for counts in used.values()):
        return None
    said = [count for counts in used.values() for count in counts]
    if all(n == stated for _, n in said) or sum(n for _, n in said) == stated:
        return None
    for counts in used.values():
        if len(counts) > 1:  # one annex's headings at odds with each other
            return next(c for c in counts if c[1] != stated)
    return " / ".join(line for line, _ in said), sum(n for _, n in said)


def _first_annex_line(folded: str) -> int:
    """Where the first ANNEX_WORD opening a line stands (blanks before it), or -1: no heading ``_annex_heads`` reads starts
    before it, so a count of one (HEAD_COUNT_RE's 家) stands after it."""
    pos = folded.find(ANNEX_WORD)
    while pos >= 0 and folded[folded.rfind("\n", 0, pos) + 1 : pos].strip():
        pos = folded.find(ANNEX_WORD, pos + 1)
    return pos


def _annex_heads(folded: str) -> dict[str, list[tuple[str, int]]]:
    """The counts each annex's heading lines state, by the annex's number ("" for a bare "附件"): a line opening with 附件
    naming a list, else (a bare "附件") the next two, those short and naming a list (a country section's heading,
    "一、美国实体（12家）", names none)."""
    heads: dict[str, list[tuple[str, int]]] = {}
    pos = folded.find(ANNEX_WORD)
    while pos >= 0:
        start = folded.rfind("\n", 0, pos) + 1
        if not folded[start:pos].strip():
            label = ANNEX_LABEL_RE.match(folded, pos + len(ANNEX_WORD))
            counts = heads.setdefault(label.group().strip() if label else "", [])
            lines = folded[start:].split("\n", ANNEX_HEAD_LINES)[:ANNEX_HEAD_LINES]
            if lines[0][pos - start + len(ANNEX_WORD) + (label.end() - label.start() if label else 0) :].strip(BARE):
                lines = lines[:1]  # "附件1：出口管制管控名单（6家）": its own line names the list (the next may be annex 2's)
            for line in lines:
                if len(line) <= HEAD_MAX and any(w in line for w in LIST_WORDS) \
                        and (m := HEAD_COUNT_RE.search(line)) is not None and (n := to_int(m.group("n"))):
                    if all(n != had for _, had in counts):
                        counts.append((line, n))
        pos = folded.find(ANNEX_WORD, pos + 1)
    return heads
