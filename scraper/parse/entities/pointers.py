"""Words that point to names given elsewhere: an anaphor ("上述2家实体"), a pronoun ("该实体"), a forward list ("以下实体："), runs
of names and what is named earlier, and the counts and persons written before or after them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storage.records import EntityRecord

from ..lazyre import lazy_compile
from ..textnorm import fold
from .names import (
    ANAPHOR_RE,
    APPLICANT_LEAD,
    APPLICATION_WORD,
    COUNT_GATE_RE,
    COUNT_NUM,
    ENTITY_NOUN,
    NAME_BEFORE_RE,
    NAME_RUN_RE,
    NAME_SUFFIXES,
    PRONOUN_RE,
    make_entity,
    split_name,
)
from .prose import Item, listed_by_own, prose_entities, prose_entity, prose_items


def is_anaphor(seg: str, folded: str | None = None) -> bool:
    """"上述2家日本实体", "该实体", "其": a pointer to names given earlier, not a name (``folded``: ``fold(seg)``)."""
    folded = fold(seg) if folded is None else folded
    return ANAPHOR_RE.match(folded) is not None or PRONOUN_RE.fullmatch(folded) is not None


# "决定将上述贝塔微系统公司（Beta Microsystems Corp.）移出…": the pointer word before a bracketed name, the name after it
# (session 30, names30: read as a pointer to names given earlier, none found, the removal refused for review).
POINTED_NAME_RE = lazy_compile(r"^\s*(?:上述|前述|以上)\s*(?=[^\s\d()、,]{2,}?\([^()]*[A-Za-z])")


def pointed_names(seg: str, folded: str) -> list[EntityRecord]:
    """The names written right after the pointer word ("上述X（x）"), else []."""
    m = POINTED_NAME_RE.match(folded) if "(" in folded else None
    return prose_entities(seg[m.end() :], None, folded[m.end() :]) if m is not None else []


# "决定将以下美国实体列入出口管制管控名单：甲公司（Alpha）；乙公司（Beta）。": the segment points forward, to the
# names after the colon; it is no name itself (session 18: "以下美国实体" was read as one).
FORWARD_RE = lazy_compile(r"\s*(?:以下|下列|如下)")
# What opens a numbered line ("1.", "(1)", "①", "一、") or an annex's mark: lines after a colon read as an annex's, not prose.
NUMBERED_STARTS = "0123456789(①②③④⑤⑥⑦⑧⑨⑩附-—•·"
CHINESE_NUMERALS = "一二三四五六七八九十"  # "一、", "十二、": numbered only with the mark after them ("三星…公司" is a name)
PARAGRAPH_GAP_MAX = 8  # blanks and line breaks between the colon and a names paragraph
FORWARD_COLON_MAX = 40  # the colon follows the list's name ("列入出口管制管控名单：")
CIRCLED_BLANK = {c: " " for c in range(0x2460, 0x2474)}  # ①…⑳ (str.translate's table)
# "…列入不可靠实体清单：甲公司（…）、…、戊公司（…），共计5家。": the total closing the list is no name (session 35, audit35/14:
# read as a sixth entity "共计5家").
TOTAL_TAIL_RE = lazy_compile(rf"[,;]?\s*(?:共计|合计|共|计)\s*{COUNT_NUM}\s*[家名个](?:\s*{ENTITY_NOUN})?\s*$")


# "决定将有关美国实体列入出口管制管控名单（见附件）": a general word for entities named elsewhere (the annex, a PDF not read),
# no name (cycles58 Q2: a notice first published with its annex as a PDF link read "有关美国实体" as the one entity listed,
# an Imposed item, exit 0). Words, not a pattern: asked of one decision's segment only.
GENERIC_LEADS = ("有关", "相关")
GENERIC_NOUNS = ("实体", "企业", "公司", "机构", "单位", "组织", "个人")
GENERIC_BETWEEN_MAX = 6  # "有关美国实体", "相关军工企业", "相关外国组织": a country or a kind between the two words


def is_generic(folded: str) -> bool:
    """"有关美国实体", "相关企业": the whole segment a general word for entities named elsewhere, not a name (``folded``: the
    segment folded)."""
    seg = folded.strip()
    if not seg.startswith(GENERIC_LEADS) or not seg.endswith(GENERIC_NOUNS):
        return False
    between = seg[2:-2]
    return len(between) <= GENERIC_BETWEEN_MAX and all("\u4e00" <= c <= "\u9fff" for c in between)


def is_forward(folded: str) -> bool:
    """"以下美国实体", "下列实体": names that follow the sentence's colon (``folded``: the segment folded)."""
    return FORWARD_RE.match(folded) is not None


def _numbered(folded: str, at: int) -> bool:
    """Whether the line at ``at`` opens with a number or an annex's mark (NUMBERED_STARTS, or "一、")."""
    if folded[at] not in CHINESE_NUMERALS:
        return folded[at] in NUMBERED_STARTS
    end = at
    while end < len(folded) and folded[end] in CHINESE_NUMERALS:
        end += 1
    return folded.startswith(("、", ".", ","), end)


def _next_paragraph(folded: str, start: int) -> int:
    """Where the names after a colon start: ``start``, or, when only blanks and a line break follow the colon ("…列入不可靠
    实体清单：" then the names as a paragraph of their own: session 41, audit41/07, none read, a listing of nobody), the
    next line that is not blank, if it is prose with a bracket (numbered lines are an annex's, read as such)."""
    at, n = start, len(folded)
    while at < n and folded[at] in " \t\r\n" and at - start < PARAGRAPH_GAP_MAX:
        at += 1
    if at >= n or "\n" not in folded[start:at] or _numbered(folded, at):
        return start
    line_end = folded.find("\n", at)
    # names in brackets only: a sentence after the colon ("…采取反制措施：" then "中方决定…") is no list of names
    return at if "(" in folded[at : line_end if line_end >= 0 else n] else start


def _names_lines_end(folded: str, stop: int) -> int:
    """Where a names paragraph (``_next_paragraph``) ends that goes on over lines of their own, one name a line, none
    numbered ("…列入不可靠实体清单：" then "甲公司（…）" / "乙公司（…）" / "丙公司（…）": review44, session 42, the first line
    alone read, the others lost, silently where the notice states no count): ``stop``, the first line's end, or the end
    of the last line after it that is a name with its bracket (no colon, no full stop before its end)."""
    n = len(folded)
    while stop < n and folded[stop] == "\n":
        at = stop
        while at < n and folded[at] in " \t\r\n" and at - stop < PARAGRAPH_GAP_MAX:
            at += 1
        if at >= n or _numbered(folded, at):
            break
        line_end = folded.find("\n", at)
        line_end = n if line_end < 0 else line_end
        line = folded[at:line_end].rstrip(" \t\r")
        if ")" not in line or ":" in line or "。" in line.rstrip("。") or not line.rstrip("、。;,").endswith(")"):
            break  # "对上述实体采取以下处理措施：", a sentence: the names ended
        stop = at + len(line) - (1 if line.endswith("。") else 0)
        if line.endswith("。"):
            break
    return stop


# "决定将以下实体列入出口管制管控名单，包括：甲（a）；乙（b）。": the colon after "，包括" opens the names (session 43, audit43/19:
# none read, the page held as a listing of nobody).
INCLUDING_RE = lazy_compile(r",\s*(?:具体)?(?:包括|分别为|分别是|即)\s*:$")


def following_names(folded: str, clean: str, end: int, country: str | None) -> list[EntityRecord]:
    """The names listed after the colon that follows ``end`` (the segment's end), up to the sentence's end,
    separated by "；" or "、"; [] when no colon follows."""
    colon = folded.find(":", end, end + FORWARD_COLON_MAX)
    if colon < 0 or folded.find("。", end, colon) >= 0 \
            or folded.find(",", end, colon) >= 0 and INCLUDING_RE.search(folded, end, colon + 1) is None:
        return []  # "列入…清单，并采取以下处理措施：": the colon opens the measures, not the names
    start = _next_paragraph(folded, colon + 1)
    stops = [i for i in (folded.find("。", start), folded.find("\n", start), folded.find("并采取", start)) if i >= 0]
    stop = min(stops) if stops else len(folded)
    if start != colon + 1 and folded.startswith("\n", stop):
        stop = _names_lines_end(folded, stop)
    seg, fseg = clean[start:stop], folded[start:stop]
    if "\n" in fseg:  # one name a line: each line an item ("\n" to "、" keeps the places, one character for one)
        seg, fseg = seg.replace("\n", "、").replace("\r", " "), fseg.replace("\n", "、").replace("\r", " ")
    total = TOTAL_TAIL_RE.search(fseg) if "共" in fseg or "计" in fseg else None
    if total is not None:
        seg, fseg = seg[: total.start()], fseg[: total.start()]
    # "；" to "、" in both copies keeps their places (one character for one); so do the numbers "①…⑳" opening the items
    # to blanks ("…列入不可靠实体清单：①甲公司（…）；②乙公司（…）": session 38, audit38/26, the names kept them)
    return prose_entities(seg.replace("；", "、").replace(";", "、").translate(CIRCLED_BLANK), country,
                          fseg.replace(";", "、").translate(CIRCLED_BLANK))


def is_pronoun(folded: str) -> bool:
    """"该实体", "其": one entity named just before (``folded``: the segment folded)."""
    return PRONOUN_RE.fullmatch(folded) is not None


def object_entity(seg: str, folded: str) -> EntityRecord | None:
    """"对环球世界物流公司（Universal Logistics Holdings, Inc.）采取的相关措施": the object of 对 when
    it reads as one name (English in brackets, or a name's suffix at its end, and no clause or count
    in it: not "对2025年4月4日被列入…的16家美国实体"), else None."""
    if "的" in folded or "被" in folded or "、" in folded or COUNT_GATE_RE.search(folded) is not None:
        return None
    zh, en = split_name(seg, folded)
    if en is None and not (zh and zh.endswith(NAME_SUFFIXES)):
        return None
    return make_entity(zh, en)


def name_runs(text: str) -> Iterator[re.Match[str]]:
    """``NAME_RUN_RE.finditer(text)``, tried only where a match may start: the regex would walk the run of
    name characters from each of its characters (quadratic). A name ends at a bracket and its start fixes
    its end, so per bracket the one place to try is the start of the name run before it (or the 60 characters
    before the name's end when the run is longer); runs are found by ``str.find`` and one match backwards."""
    backwards = text[::-1]
    n = len(text)
    bracket = text.find("(")
    while bracket >= 0:
        before = NAME_BEFORE_RE.match(backwards, n - bracket)  # stops at the ")" ending the last run
        if before is not None:  # always, as the pattern may match empty
            name_end = bracket - (before.start(1) - (n - bracket))
            name_start = name_end - len(before.group(1))
            if name_end - name_start >= 2:
                m = NAME_RUN_RE.match(text, name_start)
                if m is not None:
                    yield m
                    bracket = text.find("(", m.end())
                    continue
        bracket = text.find("(", bracket + 1)


def earlier_named(folded: str, clean: str, end: int) -> list[EntityRecord]:
    """The last run of "名称（English）、名称（English）" before ``end`` (what "上述" points to)."""
    last = None
    start = max(0, end - 3000)
    if folded.find("(", start, end) >= 0:  # every name of a run has its English in brackets
        for last in name_runs(folded[start:end]):
            pass
    if last is None:
        return []
    s, e = start + last.start(), start + last.end()
    if folded.startswith(APPLICANT_LEAD, s) and folded[e : e + 8].lstrip().startswith(APPLICATION_WORD):
        s += len(APPLICANT_LEAD)
    # an alias in the English bracket goes to the note, as in a listing's prose (parse22: ", formerly …" stayed in the key);
    # the words naming the notice that listed it are no part of the name ("商务部公告2026年第30号所列贝塔微系统公司（…）已…，
    # 商务部决定将其移出…": session 29, story29 B, stored as its Chinese name), and may give its country ("…所列美国实体X")
    out = []
    for item, fitem in prose_items(clean[s:e], folded[s:e]):
        zh, en = split_name(*without_clause(item, fitem))
        zh, country = listed_by_own(zh, None)
        out.append(prose_entity(zh, en, country))
    return out


# A run of name characters before a bracket may open with the sentence around it: "商务部无法对东京计器株式会社（…）的…",
# "被列入关注名单的东京计器株式会社（…）", "鉴于“蓝天”航空电子公司（…）已…" (session 22): the name starts after the last 对, 将,
# 的, 鉴于 or 由于 before its bracket (2 characters
# at least are left); "…附件中所列第7项“奥什科什防务公司（…）”" after the quote that opens it (session 20, parse20/13);
# "经核查，其中甲株式会社（…）、乙…未…" after 其中 (session 28, audit28/13: the name kept it); "上述甲公司（…）已…" after 上述
# (session 29: the name kept it); "但该公告所列立方公司（…）" after 该公告所列 (session 30, audit30/07: the name kept "但该公告所列");
# "商务部在…核查中，发现日本东和…株式会社（…）、…未能配合核查" after 发现 (session 52, blind53/08: the name kept "发现").
CLAUSE_LEAD_RE = lazy_compile(r"^[^()]*(?:对|将|的|鉴于|由于|发现|其中|上述|该(?:公告|决定|令)\s*所列|项\s*[“\"])(?=[^()]{2,}\()")


def without_clause(item: str, fitem: str) -> Item:
    """``item`` and its folded copy without a clause opening it (CLAUSE_LEAD_RE)."""
    m = CLAUSE_LEAD_RE.match(fitem)
    return (item[m.end() :], fitem[m.end() :]) if m else (item, fitem)
