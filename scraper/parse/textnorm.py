"""Text views the parsers share: one clean text, one width-folded copy of it.

``clean`` removes invisible characters and converts traditional characters to
simplified ones (Taiwan/HK reprints), so every later regex sees one script.
``fold`` maps full-width ASCII (（）［］０-９：，) and U+3000 to their ASCII forms
character by character: the folded text has the same length as the clean text,
so a span found in the folded text slices the clean text as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from storage.numerals import chinese_to_int

from .lazyre import lazy_compile

# Characters that only occur in traditional script and are common in these notices.
TRADITIONAL_RE = lazy_compile("[實體單號務關於繼續暫復機構發佈國際術華經濟貿應當執財產轉讓與對這個們來時]")
FOLD_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
FOLD_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
YEAR_DIGITS = str.maketrans({"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                             "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "O": "0"})
# Regex fragments for numbers written either way.
YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九O]{4})"
NUM = r"(?:\d{1,4}|[零一二三四五六七八九十百两]{1,6})"
MD = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# The numbers written in ASCII digits that notices hold most (days, months, serial and notice numbers, years), each as
# written ("4", "04", "2025"): read by a dict probe, a quarter of what ``int()`` of a string costs.
DECIMALS: dict[str, int] = {**{str(i): i for i in range(1000)}, **{f"{i:02d}": i for i in range(10)},
                            **{str(year): year for year in range(1900, 2100)}}


@lru_cache(maxsize=1)
def _t2s() -> Any:  # an opencc.OpenCC (the library ships no types)
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified script (opencc's t2s, as ``clean`` converts a text in traditional script)."""
    return str(_t2s().convert(text))


INVISIBLE_CHARS = tuple(chr(c) for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), 0xFEFF, 0xAD))


def keyword_spans(text: str, needles: tuple[str, ...], required: tuple[str, ...] = (),
                  stops: str = "") -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` holding any of ``needles`` and every one of
    ``required``, in text order: the lines, cut further at each of the ``stops`` characters.

    Regexes with non-ASCII classes cost a fraction of a microsecond per character in ``re``;
    for a regex that can match neither a newline nor a stop character, scanning these pieces
    finds exactly what scanning the whole text finds. The pieces are found from the needles
    (``str.find``, C speed), so a text with few hits costs next to nothing."""
    found: set[tuple[int, int]] = set()
    find, rfind, size = text.find, text.rfind, len(text)
    for needle in needles:
        pos = find(needle) if needle else -1
        while pos >= 0:
            start = rfind("\n", 0, pos) + 1
            end = find("\n", pos)
            if end < 0:
                end = size
            for stop in stops:  # narrow the line to the piece around pos
                cut = rfind(stop, start, pos)
                if cut >= 0:
                    start = cut + 1
                cut = find(stop, pos, end)
                if cut >= 0:
                    end = cut
            # find within the bounds: ``word in text[start:end]`` without copying the piece
            if not required or all(find(word, start, end) >= 0 for word in required):
                found.add((start, end))
            pos = find(needle, end)
    return sorted(found)


# A footnote mark in superscript digits right after a name's bracket ("甲公司（Alpha Inc.）¹、乙公司（Beta LLC）²2家美国实体"): no
# part of the text's words (session 35, audit35 probe: the prose names read as "甲公司（Alpha Inc.）¹", no English, silent).
SUPERSCRIPT_DIGITS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
SUPERSCRIPT_MARK_RE = re.compile(f"(?<=[）)])[{SUPERSCRIPT_DIGITS}]{{1,2}}")
# Every character ``clean`` changes or counts (invisible ones, CR, the traditional ones, superscript digits): one scan
# finds whether a text holds any, so most texts leave ``clean`` after it.
CLEAN_WORK_RE = re.compile("[\r" + "".join(INVISIBLE_CHARS) + TRADITIONAL_RE.pattern[1:-1] + SUPERSCRIPT_DIGITS + "]")
INVISIBLE_SET = frozenset(INVISIBLE_CHARS)
SUPERSCRIPT_SET = frozenset(SUPERSCRIPT_DIGITS)
TRADITIONAL_SET = frozenset(TRADITIONAL_RE.pattern[1:-1])


def clean(text: str) -> str:
    """Invisible characters out, traditional script to simplified, CRLF to LF."""
    m = CLEAN_WORK_RE.search(text)
    if m is None:
        return text
    return _clean_found(text, set(CLEAN_WORK_RE.findall(text, m.start())))[0]


def _clean_found(text: str, found: set[str]) -> tuple[str, bool]:
    """``clean(text)``, ``found`` holding every character of ``text`` that ``clean`` works on (it
    may hold others), and whether the text was converted to simplified script."""
    for ch in INVISIBLE_SET.intersection(found):
        text = text.replace(ch, "")
    if "\r" in found:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not SUPERSCRIPT_SET.isdisjoint(found):
        text = SUPERSCRIPT_MARK_RE.sub("", text)
    if TRADITIONAL_SET.isdisjoint(found):
        return text, False
    hits = 0
    for _ in TRADITIONAL_RE.finditer(text, 0, 20000):
        hits += 1
        if hits >= 3:
            return _t2s().convert(text), True
    return text, False


# The foldable characters common in notices, each found by one ``in`` (C speed); the others by
# one regex scan (``fold``: OTHER_FOLDABLE_RE; ``clean_and_fold``: the scan it makes for ``clean``).
COMMON_WIDE = "，：（）；？\u3000\u00a0"
COMMON_FOLDS = tuple((wide, chr(FOLD_TABLE[ord(wide)])) for wide in COMMON_WIDE)
SHORT_FOLD = 48  # up to this length a findall beats the replace loop
FOLDABLE_RE = re.compile("[" + "".join(chr(cp) for cp in sorted(FOLD_TABLE)) + "]")  # the keys of FOLD_TABLE
OTHER_FOLDABLE = "".join(chr(cp) for cp in sorted(FOLD_TABLE) if chr(cp) not in COMMON_WIDE)
OTHER_FOLDABLE_RE = re.compile("[" + re.escape(OTHER_FOLDABLE) + "]")
OTHER_FOLDABLE_SET = frozenset(OTHER_FOLDABLE)
FOLDED = {chr(a): chr(b) for a, b in FOLD_TABLE.items()}
# Whatever ``clean`` works on and the rarer foldable characters: a text without any needs no
# ``clean`` and only the common folds.
CLEAN_OR_RARE_RE = re.compile(CLEAN_WORK_RE.pattern[:-1] + re.escape(OTHER_FOLDABLE) + "]")


def _fold_common(text: str) -> str:
    """``text`` with the common foldable characters folded (none of the others). ``replace``
    returns the text itself when the character is absent, after the one scan ``in`` would make."""
    for wide, narrow in COMMON_FOLDS:
        text = text.replace(wide, narrow)
    return text


def fold(text: str) -> str:
    """Full-width ASCII and odd spaces to ASCII; same length as ``text``.

    ``str.replace`` of each character present is far cheaper than ``translate``
    with a dict (which costs a lookup per character, ~0.2 us)."""
    if text.isascii():
        return text
    if len(text) <= SHORT_FOLD:  # a name: replace only the characters it has
        for wide in set(FOLDABLE_RE.findall(text)):
            text = text.replace(wide, FOLDED[wide])
        return text
    text = _fold_common(text)
    if OTHER_FOLDABLE_RE.search(text):
        for wide in set(OTHER_FOLDABLE_RE.findall(text)):
            text = text.replace(wide, FOLDED[wide])
    return text


def clean_and_fold(text: str) -> tuple[str, str]:
    """``(clean(text), fold(clean(text)))``, with one regex scan of ``text`` for the usual
    text (no invisible, CR or traditional characters, only the common foldable ones)."""
    m = CLEAN_OR_RARE_RE.search(text)
    if m is None:
        return text, _fold_common(text)
    found = set(CLEAN_OR_RARE_RE.findall(text, m.start()))
    text, converted = _clean_found(text, found)
    if converted:  # a new script: fold it afresh
        return text, fold(text)
    # Cleaning removes or turns into "\n" no foldable character: the rarer ones are those found.
    folded = _fold_common(text)
    for wide in OTHER_FOLDABLE_SET.intersection(found):
        folded = folded.replace(wide, FOLDED[wide])
    return text, folded


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, the same string, cheaper for Chinese text: CPython's normalization costs
    ~2,300 instructions a character once a text fails its quick check (a 222-character line with one "，": 518,000, more
    than a notice's whole parse), and full-width punctuation is what Chinese text fails it on. ``fold`` maps each such
    character to its NFKC form first (FOLD_TABLE: one ASCII character each, of class 0, so NFKC of the folded text is
    NFKC of the text); a text then normalized is returned as it is, any other normalized in full."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    text = fold(text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def to_int(value: str) -> int | None:
    """Arabic or Chinese numeral ("21", "二十一", "二〇二五") to int."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return DECIMALS.get(value) or int(value)
    if len(value) == 4 and all(ch in "〇○零一二三四五六七八九O" for ch in value):
        return int(value.translate(YEAR_DIGITS))
    try:
        return chinese_to_int(value.replace("两", "二"))
    except (ValueError, KeyError, TypeError):
        return None


def despace(text: str) -> str:
    """All whitespace removed (spaced headers like "不 可 靠 实 体")."""
    return "".join(text.split())


# Words looked for in a whole text (issue 11, gate46). ``word in text`` of a word of two or more characters scans the
# text character by character (CPython's search for a Chinese text: ~4-5 instructions a character, ~2,000 for a notice of
# 500); of one character it is a memchr, some forty times cheaper. Nearly every text lacks one character of each word a
# check's gate asks for ("届满", "不在", "修改为", "补列"), so the word is asked only of a text holding its mark: the
# character of the word the parser's texts hold least often. The answer is the same whichever character is the mark
# (a text holding the word holds each of its characters).
# COMMON_CHARS: the characters that a quarter or more of the corpus's and the fixtures' texts hold (folded), commonest
# first; a character not listed is rarer than any listed.
COMMON_CHARS = ("\n ,部。1公关日月施年制号的中人定:起自决措6)(第有务发商实单5国布告于管共出4对和规期-据》《停相华口美法安3本体行民止者方条"
                "与、原7将名n不o等取一ie采a8家请列类rtsc入外新分经作全司控.二下根在以为动l来上位C问文;源记办言之d禁闻述I室S】【?创局9y活型mh工"
                "u暂例L项进反答可境用两其正交p十就机物依个清g何律内向裁A业件合并组织三式令系")
_MARKS: dict[str, str] = {}


def _rank(ch: str) -> int:
    """How common ``ch`` is (lower: rarer). A character whose low byte is 0 (U+4E00 一, U+5E00) is never found by a memchr
    in a Chinese text (CPython asks memchr for the low byte): it ranks as the commonest."""
    if not ord(ch) & 0xFF:
        return len(COMMON_CHARS) + 1
    at = COMMON_CHARS.find(ch)
    return len(COMMON_CHARS) - at if at >= 0 else 0


def mark_of(word: str) -> str:
    """The character of ``word`` asked first (the rarest by ``COMMON_CHARS``; the first of equals)."""
    mark = _MARKS.get(word)
    if mark is None:
        mark = _MARKS[word] = min(word, key=_rank)
    return mark


def marked(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``words`` as (mark, word) pairs, for ``holds_any`` (built once, at import)."""
    return tuple((mark_of(word), word) for word in words)


def holds(text: str, word: str) -> bool:
    """``word in text``, the word's mark asked first (see COMMON_CHARS)."""
    return mark_of(word) in text and word in text


def holds_any(text: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    """``any(word in text for word in words)`` for ``pairs = marked(words)``."""
    for mark, word in pairs:
        if mark in text and word in text:
            return True
    return False


def find_word(text: str, word: str) -> int:
    """``text.find(word)``, the word's mark asked first (-1 at once for a text lacking it)."""
    return text.find(word) if mark_of(word) in text else -1


def holds_in(text: str, word: str, start: int, end: int) -> bool:
    """``text.find(word, start, end) >= 0``, the word's mark asked first (for a span as long as a text's body)."""
    return text.find(mark_of(word), start, end) >= 0 and text.find(word, start, end) >= 0


def any_within(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """``any(text.find(w, start, end) >= 0 for w in words)`` for words none empty: the span cut once and asked with ``in``.
    In CPython 3.11 a ``str.find`` given a start or an end parses its arguments as a tuple (~1,300 instructions a call
    against ~200 for ``in``), and the generator costs its own frame (session 58, perf58; the slice takes the same
    bounds as ``find``, so a word is in it exactly where ``find`` finds it: ``tests/scraper/test_parse_perf58.py``)."""
    span = text[start:end]
    for word in words:
        if word in span:
            return True
    return False



# An authority issuing a notice with MOFCOM ("商务部 海关总署公告2025年第70号": the blank parts the two issuers).
CO_ISSUER = r"(?:海关总署|国家[\u4e00-\u9fff]{2,8}?(?:委员会|委|总局|局|署)|[\u4e00-\u9fff]{1,6}部|[\u4e00-\u9fff]{2,6}总局)"
CO_ISSUER_RE = lazy_compile(CO_ISSUER)


# A blank between two Chinese characters in a line of prose (a line holding "，" or "。", no tab) is no word boundary:
# Chinese prose separates no words by blanks, and typeset or pasted pages put them inside words ("…，届　时停止实施": the
# lift missed, silently, session 52, review62/07; "暂　停", "商 务 部"). One blank only, between ideographs: two or more,
# a tab (a table's cells), a blank beside a digit, a Latin letter or a bracket, and every blank of a line that is no
# prose (a heading, a source line "来源：商务部新闻办公室 类型：原创", an annex line "甲公司 美国") stay as written, for
# they may part two names or two columns. Found in the folded view (U+3000, NBSP and the other wide blanks are " "
# there): the blank between two ideographs. The blank (a line break, below) opens each pattern, so the engine keeps
# its first-character scan (a pattern opening with a look-behind is tried at every place of a page); the ideograph
# before it is a look-behind after it, not a Python test at every match: INNER_BREAK_RE matched at nearly every line
# start and called Python there (~37,000 instructions a page, perf55, session 53).
INNER_BLANK_RE = re.compile(" (?<=[\u3400-\u4dbf\u4e00-\u9fff] )(?=[\u3400-\u4dbf\u4e00-\u9fff])")
PROSE_MARKS = ("，", "。")
# The blank after an article's label at its line's start ("第十三条　工作机制根据…", "第二章　…") parts the label from the text.
ARTICLE_LABEL_RE = re.compile(r"\s*第[〇零一二三四五六七八九十百两\d]{1,6}[条章节款]")
# A line break between two Chinese characters inside a sentence (a "<br>" in it: "…停止实施商务部<br>海关总署公告2025年第55号
# 相关措施。": no notice read, the lift missed, silently, session 52, review62's report; "届<br>时停止实施"): the line before
# is a sentence begun (a "，" in it, its end no mark), the line after ends it (a "。" in it) and opens with no label or
# speaker (a ":" in its first LABEL_HEAD characters: "附件：", "何亚东："); neither is a table's row (a tab).
INNER_BREAK_RE = re.compile("\n(?<=[\u3400-\u4dbf\u4e00-\u9fff]\n)(?=[\u3400-\u4dbf\u4e00-\u9fff])")
LABEL_HEAD = 12
# A line break after a line ending in "，", a Chinese character after it: the sentence goes on in the next paragraph ("答：…
# 中方决定，自2028年4月15日起，" / "暂停实施商务部公告2027年第41号相关措施1年。": the decision cut in two, no step read, the
# answer held for a person, session 57, pages56/34). Joined where the line after ends the sentence (a "。" in it), opens
# with no label or speaker and no item's number ("二、", "（二）"), and neither line is a table's row. In the folded view
# (its "，" is ","); the break opens the pattern, as INNER_BREAK_RE's does.
COMMA_BREAK_RE = re.compile("\n(?<=,\n)\n?(?=[\u3400-\u4dbf\u4e00-\u9fff])")  # (a paragraph's blank line between)
ITEM_NUMBER_RE = re.compile("[一二三四五六七八九十]{1,3}、")
# A line that ends a clause of its own is a boundary, though a "，" stands in it and a "。" in the next: "…但该公告所列A（a）、
# B（b）2家实体除外\n对上述2家实体，继续暂停…" (session 53's join made it one sentence: the exception held, the step on
# the others a problem, names32, lifecycle_excepted; session 54, par54). So a line ending in 除外, and a line after
# opening a new subject with a clause of its own before its "。" ("对上述2家实体，…", "自2027年1月1日起，…", "经研究，…").
CLAUSE_ENDS = ("除外",)
NEW_SUBJECTS = "对自经"
SUBJECT_REACH = 40  # the "，" of "对上述2家实体，" or "自2027年1月1日起，" within so many characters of the line's start


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _line_at(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the line of ``text`` holding ``at``."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _holds(text: str, marks: tuple[str, ...], span: tuple[int, int]) -> bool:
    """Whether ``text[span]`` holds one of ``marks`` and no tab. The line is cut out and asked with ``in``: a
    ``str.find`` bounded by a span parses its arguments as a tuple (~1,300 instructions a call, CPython 3.11), an
    ``in`` takes ~200 (perf57)."""
    line = text[span[0] : span[1]]
    if "\t" in line:
        return False
    for mark in marks:
        if mark in line:
            return True
    return False


def _sentence_broken(text: str, folded: str, at: int) -> bool:
    """Whether the line break at ``at`` (an ideograph after it) parts a sentence (INNER_BREAK_RE)."""
    if not _ideograph(folded[at - 1]) or not _holds(text, ("，",), _line_at(text, at - 1)):
        return False  # most lines end with a mark, or are headings
    after = _line_at(text, at + 1)
    return _holds(text, ("。",), after) and folded.find(":", after[0], min(after[1], after[0] + LABEL_HEAD)) < 0 \
        and not _clause_ended(folded, at, after)


def _comma_broken(text: str, folded: str, m: re.Match[str]) -> list[int]:
    """The line breaks of ``m`` (COMMA_BREAK_RE: after a "，", before an ideograph) where they part a sentence, else none."""
    at, end = m.start(), m.end()
    after = _line_at(text, end)
    if _holds(text, ("。",), after) and "\t" not in text[_line_at(text, at - 1)[0] : at] \
            and folded.find(":", end, min(after[1], end + LABEL_HEAD)) < 0 and ITEM_NUMBER_RE.match(folded, end) is None:
        return list(range(at, end))
    return []


def _clause_ended(folded: str, at: int, after: tuple[int, int]) -> bool:
    """Whether the line break at ``at`` ends a clause of its own (CLAUSE_ENDS before it), or the line ``after`` opens a
    new subject whose own clause ends with a "," before its sentence's end (NEW_SUBJECTS)."""
    if any(folded.endswith(w, 0, at) for w in CLAUSE_ENDS):
        return True
    if folded[at + 1] not in NEW_SUBJECTS:
        return False
    comma = folded.find(",", at + 1, min(after[1], at + 1 + SUBJECT_REACH))
    return comma >= 0 and folded.find("。", at + 1, comma) < 0


def _prose_blank(text: str, folded: str, at: int) -> bool:
    """Whether the blank at ``at`` (an ideograph on each side) is inside a word of a line of prose: after no article's
    label, and the line's one blank between ideographs or one beside a lone character ("，届　时", "商　务　部"); a line
    with more, each between words of two characters or more, is a row of columns ("4月4日　商务部公告…　将16家…，…")."""
    line = _line_at(text, at)
    if not _holds(text, PROSE_MARKS, line) or ARTICLE_LABEL_RE.fullmatch(folded, line[0], at) is not None:
        return False
    if _token_length(folded, at - 1, -1) == 1 or _token_length(folded, at + 1, 1) == 1:
        return True
    return not any(m.start() != at and _ideograph(folded[m.start() - 1])
                   for m in INNER_BLANK_RE.finditer(folded, max(line[0], 1), line[1]))


def _token_length(folded: str, at: int, step: int) -> int:
    """1 or 2: the length, up to 2, of the word (letters, digits, ideographs) from ``at`` on, going by ``step``."""
    nxt = at + step
    return 2 if 0 <= nxt < len(folded) and folded[nxt].isalnum() else 1


def _body_start(text: str) -> int:
    """Where the line after a text's first (its title, over a body) starts; 0 for a text of one line."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    return 0 if end < 0 else end + 1


def inner_blanks(text: str, folded: str) -> list[int]:
    """Where ``text`` (``folded``: its folded view, same length) has a blank inside a run of Chinese characters of a line
    of prose (INNER_BLANK_RE) or a line break inside a sentence (INNER_BREAK_RE), in text order. Never in the title (the
    first line of a text of several): the keys of an unnumbered text or an answer are made of it, and it is shown."""
    body = _body_start(text)
    cuts = _prose_blanks(text, folded, max(body, 1)) if " " in folded else []
    cuts += [at for m in INNER_BREAK_RE.finditer(folded, body) if _sentence_broken(text, folded, at := m.start())]
    if ",\n" in folded:  # (most texts: every "，" inside a line)
        cuts += [at for m in COMMA_BREAK_RE.finditer(folded, body) for at in _comma_broken(text, folded, m)]
    return sorted(cuts)


def _prose_blanks(text: str, folded: str, start: int) -> list[int]:
    """The blanks from ``start`` that ``_prose_blank`` keeps (and ``_issuers_parted`` does not), line by line: a line
    without "，" or "。" or with a tab has none (``_prose_blank``'s first test, the same for every blank of it), so the
    search goes on after it. The spaced headings ("不 可 靠 实 体 清 单 工 作 机 制", "公 告") asked it once per blank:
    ~2/3 of ``inner_blanks`` (perf57, session 57)."""
    cuts: list[int] = []
    search = INNER_BLANK_RE.search
    m = search(folded, start)
    while m is not None:
        at = m.start()
        line = _line_at(text, at)
        if not _holds(text, PROSE_MARKS, line):
            m = search(folded, max(line[1], at + 1))
            continue
        if _ideograph(folded[at - 1]) and _prose_blank(text, folded, at) and not _issuers_parted(folded, at):
            cuts.append(at)
        m = search(folded, at + 1)
    return cuts


def _issuers_parted(folded: str, at: int) -> bool:
    """Whether the blank or line break at ``at`` parts MOFCOM from the authority issuing with it ("商务部 海关总署")."""
    return folded.endswith("商务部", 0, at) and CO_ISSUER_RE.match(folded, at + 1) is not None


def close_inner_blanks(text: str, folded: str) -> tuple[str, str]:
    """``text`` and ``folded`` without the blanks and line breaks ``inner_blanks`` finds (both the same length still)."""
    cuts = inner_blanks(text, folded)
    if not cuts:
        return text, folded
    parted = [at for at in cuts if folded[at] == "\n" and _issuers_parted(folded, at)]
    if parted:  # a line break between two issuers: a blank, as they are written on one line
        cuts = [at for at in cuts if at not in parted]
        text, folded = _blank_at(text, parted), _blank_at(folded, parted)
        if not cuts:
            return text, folded
    ends = [*cuts[1:], len(text)]
    text = text[:cuts[0]] + "".join(text[at + 1:end] for at, end in zip(cuts, ends, strict=True))
    folded = folded[:cuts[0]] + "".join(folded[at + 1:end] for at, end in zip(cuts, ends, strict=True))
    return text, folded


def _blank_at(text: str, places: list[int]) -> str:
    """``text`` with a blank at each of ``places`` (line breaks)."""
    chars = list(text)
    for at in places:
        chars[at] = " "
    return "".join(chars)
