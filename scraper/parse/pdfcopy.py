"""A text copied out of a PDF (pure): its page marks out, its lines as the page wrapped them joined again.

A PDF copy of a notice ("— 2 —" under each page, a form feed, the running header on top of the next page, every
line cut where the page was full, names cut inside their brackets) reads as a notice only when it is laid out
again: "…决定将…5家美国实体列入出口\\n管制管控名单" names no list (session 35, audit35/03: the listing read as a
measure), "— 2 —" between two annex lines reads as an entity (audit35/21). Only a text with a page mark is
touched: a text written line by line is never joined.
"""

from __future__ import annotations

import re
from unicodedata import east_asian_width

from .lazyre import lazy_compile

# A line that is only a page number: "— 2 —", "- 2 -", "－2－", "第2页", "第2页 共3页" (a form feed is one too).
PAGE_MARK_RE = lazy_compile(
    r"^[^\S\n]*(?:[—–－-]{1,2}[^\S\n]*\d{1,3}[^\S\n]*[—–－-]{1,2}|第[^\S\n]*\d{1,3}[^\S\n]*页(?:[^\S\n]*[/,，]?[^\S\n]*"
    r"共[^\S\n]*\d{1,3}[^\S\n]*页)?)[^\S\n]*$", re.MULTILINE)
# Where a PDF copy's last page mark is: its last page ends with one ("— 3 —", or a form feed), maybe a blank line or a
# source's line after it. Only this tail is looked at: a text of another kind costs a few scans of it.
TAIL = 300
MARK_CHARS = "\f—-－–页"  # one of them is in every page mark
HEADER_LINES = 3  # a running header repeats one of the text's first lines
FULL_LINE = 0.85  # a line at least this share of the widest line's width was cut by the page
WIDTH_MIN = 30  # narrower "widest" lines: no page width to tell (a short text)
ENDS_SENTENCE = "。：:；;！!？?”」』"
# What opens a line of its own: a numbered item ("一、", "（一）", "1．", "1."), an annex or a note, a signature.
OWN_LINE_RE = lazy_compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*、|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,3}\s*[.．、]"
                           r"|附\s*件|附\s*$|注\s*[:：]|[¹²³⁴⁵⁶⁷⁸⁹])")
OPENING, CLOSING = "(（", ")）"
# A title the PDF set on two lines: "关于对美国洛克岭防务公司等3家企业及其高级管理人员" + "采取反制措施的决定" (audit35/21: read as two
# lines, the companies' country lost).
TITLE_TAIL_RE = lazy_compile(r"[^\s,，。:：;；]{2,30}的(?:决定|公告|通知)")
MARK = "\x00"  # a page mark's line while the lines are read (not "\f": ``strip`` takes that off)


def has_page_marks(text: str) -> bool:
    """Whether the last lines of ``text`` hold a page mark or a form feed: a PDF copy."""
    tail = text[-TAIL:]
    if not any(map(tail.__contains__, MARK_CHARS)):
        return False
    return "\f" in tail or PAGE_MARK_RE.search(tail) is not None


def unpaged(text: str) -> str:
    """``text`` without its page marks and running headers, its page-wrapped lines joined; ``text`` itself when
    it holds no page mark."""
    if not has_page_marks(text):
        return text
    lines = PAGE_MARK_RE.sub(MARK, text.replace("\f", f"\n{MARK}\n")).split("\n")
    first_page = lines[: lines.index(MARK)] if MARK in lines else lines
    heads = set(list(dict.fromkeys(bare for line in first_page if (bare := line.strip())))[:HEADER_LINES])
    kept: list[str] = []
    after_mark = False
    for line in lines:
        bare = line.strip()
        if bare == MARK:
            after_mark = True
        elif not bare:
            if not after_mark:
                kept.append(line)
        else:
            if not (after_mark and bare in heads):  # the running header on top of the next page
                kept.append(line)
            after_mark = False
    kept = _joined(kept)
    first = next((i for i, line in enumerate(kept) if line.strip()), None)
    if first is not None and first + 1 < len(kept) and TITLE_TAIL_RE.fullmatch(kept[first + 1].strip()) \
            and not kept[first].rstrip().endswith(tuple(ENDS_SENTENCE)):
        kept[first : first + 2] = [kept[first].rstrip() + kept[first + 1].strip()]
    return "\n".join(kept)


def _width(line: str) -> int:
    """The line's width as printed: a wide (CJK, full-width) character counts two."""
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in line)


def _joined(lines: list[str]) -> list[str]:
    """The lines with each one the page cut (nearly as wide as the widest, no sentence end) or that leaves a bracket
    open joined to the next, unless that opens a line of its own (OWN_LINE_RE)."""
    widths = [_width(line.strip()) for line in lines]
    full = FULL_LINE * max(widths, default=0) if max(widths, default=0) >= WIDTH_MIN else float("inf")
    out: list[str] = []
    cut = False  # whether the last line read was cut by the page
    for line, width in zip(lines, widths):
        bare = line.strip()
        last = out[-1].rstrip() if out else ""
        depth = sum(map(last.count, OPENING)) - sum(map(last.count, CLOSING))
        if bare and last and (cut or depth > 0) and not OWN_LINE_RE.match(bare):
            glue = " " if last[-1] in ",." or (last[-1].isascii() and last[-1].isalnum()) else ""
            glue = "" if not (bare[0].isascii() and bare[0].isalnum()) else glue
            if last.endswith("-") and last[-2:-1].isalpha():  # "Micro-" + "wave": a word hyphenated at the line's end
                last = last[:-1] if bare[:1].islower() else last
            out[-1] = last + glue + bare
        else:
            out.append(line)
        cut = bool(bare) and width >= full and not bare.endswith(tuple(ENDS_SENTENCE))
    return out
