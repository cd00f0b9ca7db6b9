"""An annex's entity lines in their many forms (numbered lines, tables by their header row, a Word table pasted with
U+3000 between cells, wrapped names, footnote marks, country headings, numbered annexes)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

from storage.records import EntityRecord

from ..lazyre import lazy_compile
from ..textnorm import DECIMALS, INVISIBLE_CHARS, NUM, fold, to_int
from .names import (
    ALIAS_WORDS,
    ANNEX_MARK_RE,
    BRANCH_RE,
    CIRCLED,
    CJK_RE,
    CJK_SPACE_RE,
    CN_NUMBERED_RE,
    CN_PAREN_NUMBERED_RE,
    COUNTRIES,
    COUNTRY_ALT,
    COUNTRY_NAMES,
    EN_ALIAS_STARTS,
    ENGLISH,
    ENTITY_NOUN,
    LATIN_RE,
    NOT_A_NAME_STARTS,
    NUMBERED_RE,
    PLAIN_ANNEX_LINE_RE,
    SEXES,
    TABLE_ROW_RE,
    TRAILING_PUNCT,
    WIDE_LATIN_RE,
    ZH_ALIASES,
    aliases_out,
    branch_words_out,
    clean_display,
    english_display,
    looks_like_name,
    make_entity,
    no_english,
    split_name,
    trim_tail,
)


def annex_start(text: str) -> int | None:
    """Index of the last line of ``text`` that is only "附件"/"附" (the annex heading), or of numbered
    annexes' ("附件1", "附件2") the first: the lines holding 附 are tried from the last one up, so a text
    without it costs one ``rfind``."""
    pos = text.rfind("附")
    found = None
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        mark = ANNEX_MARK_RE.match(text, start, end if end >= 0 else len(text))
        if mark:
            if found is not None and not mark.group("n"):
                break  # "附件" above "附件2": not the first of the numbered annexes
            found = start
            if mark.group("n") in (None, "1", "一"):
                break  # the only annex, or the first of several: "附件1" … "附件2" (session 18: 2 was read alone)
        pos = text.rfind("附", 0, start)
    return None if found is None else text.count("\n", 0, found)


def _plain_annex_line(line: str, folded: str) -> tuple[str | None, str | None, int] | None:
    """(zh, en, n) of the common annex line "12. 中文名（English）" (one bracket pair, nothing
    after it), read with one regex: what NUMBERED_RE, ``trim_tail`` (no tail after the only
    bracket), ``looks_like_name`` and ``split_name`` give for it. None for any other line,
    which the general reading then takes."""
    m = PLAIN_ANNEX_LINE_RE.match(folded)
    if m is None or any(w in folded for w in ALIAS_WORDS):  # an alias in the bracket: the general reading
        return None
    inner = line[m.start("en") : m.end("en")]
    if not LATIN_RE.search(inner) or not looks_like_name(line[m.start("zh") : m.end("en") + 1]):
        return None
    if "," in m.group("en") and CJK_RE.search(inner):  # "（Northridge Radar, Inc.，美国）": the general reading (place_tail)
        return None
    return clean_display(line[m.start("zh") : m.start("en") - 1]), english_display(inner), int(m.group("n"))


# One pattern over the annex block as written, "\n" before every line (a literal the scan finds
# fast): each match is a line that may hold an entity (it opens with a digit, a bracket, a dash or
# bullet, or a Chinese numeral, full width or not), so other lines cost no Python at all. The common
# line "12. 中文名（English）" fills the groups of the first branch, which folds the widths itself: what
# PLAIN_ANNEX_LINE_RE matches on the folded line, less a tab, a clause opening, sentence punctuation
# or English without Latin letters (``_plain_annex_line``'s checks); ``_read_line`` reads the rest.
_NOT_IN_PLAIN = r"()（）\n\t，。；！？"
PLAIN_LINE = (
    r"[^\S\n\t]*(?P<n>[0-9０-９]{1,3})[^\S\n\t]*[.、．](?!\d)[^\S\n\t]*"
    rf"(?!{'|'.join(NOT_A_NAME_STARTS)})(?P<zh>[^\s{_NOT_IN_PLAIN}][^{_NOT_IN_PLAIN}]*)"
    rf"[(（](?P<en>[^{_NOT_IN_PLAIN}]*[A-Za-z][^{_NOT_IN_PLAIN}]*)[)）][^\S\n\t]*$"
)
# The other lines ``_read_line`` can take: what NUMBERED_RE and TABLE_ROW_RE need up to the number's end
# ("12.", "12、", "12<tab>", "（12）"), a branch's dash or bullet, and "一、…" lines only below an annex
# heading (``chinese_numbers``), written for the text as it is (``fold`` changes no space or digit into
# another kind, and maps only "．" to "." and "（）" to "()"). Dates, "（2025年1月2日）" and the measures'
# "一、" cost no Python.
_OPENER = rf"[0-9０-９]\d{{0,2}}[^\S\n]*[.、．\t]|[(（][^\S\n]*\d{{1,3}}[^\S\n]*[)）]|[\-－—–•·{CIRCLED}]"
_CN_OPENER = r"|[一二三四五六七八九十]|[(（][^\S\n]*[一二三四五六七八九十]{1,3}[^\S\n]*[)）]"
CANDIDATE_LINES = {cn: rf"[^\S\n]*(?:{_OPENER}{_CN_OPENER if cn else ''})[^\n]*" for cn in (False, True)}
# Each match: (the line, and for the plain line its number, Chinese and English).
# The look-ahead on the first character after the blanks (what either branch needs) turns the empty lines
# and the prose away before the two branches are tried.
ANNEX_LINE_RES = {cn: re.compile(rf"\n(?=[^\S\n]*[0-9０-９(（\-－—–•·一二三四五六七八九十{CIRCLED}])(?P<line>{PLAIN_LINE}|{CANDIDATE_LINES[cn]})",
                                 re.MULTILINE) for cn in (False, True)}
NAME_MAX = 200  # ``looks_like_name``: a longer "name" is prose
# "一、美国实体" / "二、英国企业（2家）:" below an annex heading: a group's heading (the numbers restart
# under it), no entity; its country is the country of the lines that follow.
# (the persons' heading of an order's annex, "二、高级管理人员", too: session 19, mfa19, it was read as an entity)
GROUP_HEADING_RE = lazy_compile(
    rf"^[^\S\n]*[一二三四五六七八九十]{{1,3}}[^\S\n]*、[^\S\n]*(?=\S)(?P<c>{COUNTRY_ALT})?的?"
    rf"(?:{ENTITY_NOUN}|高级管理人员|管理人员|人员|高管)?"
    rf"(?:名单|清单)?[^\S\n]*(?:[(（][^\S\n]*{NUM}[^\S\n]*[家名][^\S\n]*[)）])?[^\S\n]*[:：]?[^\S\n]*$"
)


# "美国实体名单", "英国：", "附件2：加拿大实体" alone on a line of an annex: the country of the lines below it. Also
# "一、美国实体（3家）" where no line "附件" heads the annex (its title "附件：出口管制管控名单（…）" in the body, as the
# official texts write it): no group heading is read there, so every line lost its country (session 33, audit33/16).
# The list's name first and the country in a bracket after it, "出口管制管控名单（中国台湾地区实体）" heading each of two annexes
# (session 42, audit42/05: every line's country lost, the 3 US and the 2 Taiwan-region entities alike).
_HEADING_LISTS = r"(?:出口管制管控名单|出口管制关注名单|关注名单|不可靠实体清单)"
# "（一）美国" / "（二）中国台湾地区" over "1." lines numbered on across the groups (session 44, audit44/22: every country lost).
_HEADING_FIRSTS = "".join(sorted({name[0] for name in COUNTRY_NAMES} | set("附出关不（(") | set("一二三四五六七八九十")))  # a line's first
COUNTRY_HEADING_RE = re.compile(
    rf"\n(?=[^\S\n]*[{_HEADING_FIRSTS}])[^\S\n]*(?:附件[^\S\n]*[0-9一二三四五六七八九十]{{0,2}}[^\S\n]*[:：]?[^\S\n]*"
    rf"|[一二三四五六七八九十]{{1,3}}[^\S\n]*、[^\S\n]*|[(（][^\S\n]*[一二三四五六七八九十]{{1,3}}[^\S\n]*[)）][^\S\n]*)?(?P<l>{_HEADING_LISTS}[^\S\n]*[(（][^\S\n]*)?(?P<c>{COUNTRY_ALT})的?"
    rf"(?:实体|企业|机构|单位|组织)?(?:名单|清单)?[^\S\n]*(?:[(（][^()（）\n]{{0,12}}[)）])?[^\S\n]*(?(l)[)）])[^\S\n]*[:：]?[^\S\n]*(?=\n|$)"
)
# A table's header row ("序号<tab>中文名称<tab>英文名称<tab>国家/地区"), its cells without spaces, folded: which cell
# holds which part of an entry. Without it an empty English cell would take the country in, and a 备注 or 列入时间
# column would be read as the English name.
SERIAL_HEADS = frozenset(("序号", "编号", "No.", "NO.", "No"))
# (headers in English only, "No. | Name | Chinese Name | Country/Region", the English first: session 32, audit32/04, the
# Chinese names lost; folded, spaces out)
ZH_HEADS = frozenset(("中文名称", "中文名", "中文", "名称", "实体名称", "企业名称", "单位名称", "机构名称", "组织名称",
                      "实体", "企业", "名称(中文)", "中文名称(英文名称)", "名称(中英文)", "ChineseName", "Name(Chinese)",
                      "NameinChinese", "实体名称(中文)", "企业名称(中文)", "单位名称(中文)", "机构名称(中文)", "中文实体名称"))
# ("实体名称（中文）" / "实体名称（英文）": session 43, audit43/01, the header not read, the country column lost)
EN_HEADS = frozenset(("英文名称", "英文名", "英文", "外文名称", "外文名", "名称(英文)", "Name", "EnglishName", "Name(English)",
                      "NameinEnglish", "实体名称(英文)", "企业名称(英文)", "单位名称(英文)", "机构名称(英文)", "英文实体名称",
                      "名称(外文)", "实体名称(外文)"))
COUNTRY_HEADS = frozenset(("国家/地区", "国家(地区)", "国家或地区", "国家和地区", "国家", "国别", "地区", "所属国家",
                           "所属国家/地区", "所属国家(地区)", "国家/区域", "Country/Region", "Country", "Country(Region)",
                           "Country/Area", "CountryorRegion"))


@dataclass(frozen=True)
class TableHead:
    """The cells of a table's rows: the name's (Chinese, or both names), the English name's and the country's."""

    name: int
    en: int | None
    country: int | None
    width: int
    name_cells: int = 1  # a name header spanning two columns (an empty header cell after it: article.COLSPAN_CELL_RE)


def table_head(line: str) -> TableHead | None:
    """The header row ``line`` names (a serial cell first, a name cell), else None."""
    cells = ["".join(fold(cell).split()) for cell in line.split("\t")]
    if len(cells) < 2 or cells[0] not in SERIAL_HEADS:
        return None
    name = _cell_of(cells, ZH_HEADS)
    if name is None:
        return None
    spans = 2 if name + 2 < len(cells) and not cells[name + 1] and cells[name + 2] else 1
    return TableHead(name, _cell_of(cells, EN_HEADS), _cell_of(cells, COUNTRY_HEADS), len(cells), spans)


def _names_subhead(line: str) -> bool:
    """Whether ``line`` is a header's second row naming the two columns of a name cell spanning them: "中文<tab>英文"."""
    cells = ["".join(fold(cell).split()) for cell in line.split("\t") if cell.strip()]
    return len(cells) == 2 and cells[0] in ZH_HEADS and cells[1] in EN_HEADS


def _cell_of(cells: list[str], heads: frozenset[str]) -> int | None:
    """The first cell whose header is one of ``heads``."""
    return next((i for i, cell in enumerate(cells) if cell in heads), None)


Context = tuple[TableHead | None, str | None]  # a found line's table header, and the country a heading above gave


def _contexts(block: list[str], found: list[tuple[str, str, str, str]], text: str) -> list[Context] | None:
    """For each found line, the table header above it and the country of the heading above it ("美国实体名单",
    "英国："); None when the block has neither (most annexes: one search each, no walk)."""
    tables = "\t" in text and ("序号" in text or "编号" in text or "No" in text or "NO" in text)  # SERIAL_HEADS
    if not tables and COUNTRY_HEADING_RE.search(text) is None:
        return None
    out: list[Context] = []
    head: TableHead | None = None
    heading: str | None = None
    i = 0
    for line in block:
        if i >= len(found):
            break
        if line == found[i][0]:
            out.append((head if "\t" in line else None, heading))
            i += 1
        elif tables and "\t" in line and (h := table_head(line)) is not None:
            head = h
        elif head is not None and head.name_cells > 1 and head.en is None and "\t" in line and _names_subhead(line):
            # "序号 | 实体名称（colspan 2） | 地址" over "中文 | 英文": the spanned columns are the two names (session 38,
            # audit38/02: each row's two names read as one Chinese name, no English)
            head = TableHead(head.name, head.name + 1, head.country, head.width)
        elif (m := COUNTRY_HEADING_RE.match("\n" + line)) is not None:
            heading = COUNTRIES[m.group("c")]
    out.extend((None, heading) for _ in range(len(found) - len(out)))
    return out


def _table_row(out: list[EntityRecord], line: str, head: TableHead, carried: str | None,
               country: str | None) -> str | None:
    """One table row read by its header's cells; returns the country a merged cell carries to the rows below
    (rowspan: a row one cell short lacks the country's)."""
    cells = _english_rejoined([cell.strip(" \u3000") for cell in line.split("\t")], head)
    own: str | None = None
    if head.country is not None:
        if len(cells) >= head.width:
            own = _country_cell(cells[head.country])
            carried = own
        elif len(cells) == head.width - 1 and head.country < len(cells) and (own := _country_cell(cells[head.country])):
            carried = own  # the row's last cell empty (dropped with the line's end), its own country cell there: no
            # merged cell (session 39, audit39/15: "中国台湾地区" with an empty 地址 after it took the US from above)
        else:
            if len(cells) == head.width - 1:
                cells.insert(head.country, "")
            own = carried
    name = cells[head.name] if head.name < len(cells) else ""
    if head.en is not None and head.en < len(cells) and ("、" in name or ";" in name or "；" in name) \
            and _two_in_cells(out, name, cells[head.en], own or country, cells[0]):
        return carried
    if head.name_cells > 1 and len(cells) >= head.width and cells[head.name + 1]:
        # the name cut over the two columns its header spans: joined (a space between two Latin ends)
        rest = cells[head.name + 1]
        name += " " + rest if name[-1:].isascii() and name[-1:].isalpha() and rest[:1].isascii() else rest
    if head.en is None and " " in name and _two_entries_in_cell(out, name, own or country, cells[0]):
        return carried
    zh: str | None  # (declared for mypyc, bench/parse_compiled.py: it infers None from the empty pair)
    en: str | None
    zh, en = split_name(name) if name else (None, None)
    if zh and " " in zh:  # "<td>星尘推进<br>系统公司</td>": a break inside the cell is no space of the name (audit38/42)
        zh = CJK_SPACE_RE.sub("", zh)
    if zh and not en and LATIN_RE.search(zh) and not CJK_RE.search(zh):
        zh, en = None, zh
    if head.en is not None:
        en = clean_display(cells[head.en]) if head.en < len(cells) and cells[head.en] and not no_english(cells[head.en]) \
            else en
    if zh or en:
        number = fold(cells[0]).strip()
        zh, en, note = aliases_out(zh, en)
        # a 备注 cell giving another name ("又称Falcon EO"): the note keeps it, as after a name's bracket
        remarks = [cells[i] for i in range(1, len(cells)) if i not in (head.name, head.en, head.country)
                   and (cells[i].startswith(ZH_ALIASES) or cells[i].casefold().startswith(EN_ALIAS_STARTS))]
        note = "，".join(filter(None, (note, *map(clean_display, remarks)))) or None
        out.append(make_entity(zh, en, own or country, int(number) if number.isdigit() else None, (), note))
    return carried


# A name cell holding two whole entries, each a Chinese name with its Latin name in brackets, split by a line break ("<td>
# 星链防务集成公司（Starlink Defense Integration Corp.）<br>黑曜石网络安全公司（Obsidian Cyber Security, Inc.）</td>", a space
# once the cell is on its row's line): the CMS merged two rows, the second's serial lost (session 57, pages56/46, /47: held
# for a person since session 54, rules.checks.listings.two_entries_in_one; before that one entity named by both, the first
# lost). Each part an entity, the second numbered after the first (the place it holds, the serial the merge took). Not a
# part opening with an alias or scope word ("又称…", "及其子公司（…）"), nor a name with a blank of its own: held as before.
TWO_ENTRIES_CELL_RE = lazy_compile(r"(?P<a>[^\s（）()]*[\u4e00-\u9fff][^\s（）()]*[（(][^（）()]*[A-Za-z][^（）()]*[)）])\s"
                                   r"(?P<b>[^\s（）()]*[\u4e00-\u9fff][^\s（）()]*[（(][^（）()]*[A-Za-z][^（）()]*[)）])")
SECOND_ENTRY_NOT = (*ZH_ALIASES, "及", "和", "与", "以及", "其", "含", "包括")


def _two_entries_in_cell(out: list[EntityRecord], name: str, country: str | None, serial: str) -> bool:
    """Whether ``name`` is two whole entries (TWO_ENTRIES_CELL_RE): then each is appended to ``out`` as an entity."""
    m = TWO_ENTRIES_CELL_RE.fullmatch(name)
    if m is None or m["b"].startswith(SECOND_ENTRY_NOT):
        return False
    number = fold(serial).strip()
    first = int(number) if number.isdigit() else None
    for at, part in enumerate((m["a"], m["b"])):
        zh, en, note = aliases_out(*split_name(part))
        out.append(make_entity(zh, en, country, first + at if first is not None else None, (), note))
    return True


def _english_rejoined(cells: list[str], head: TableHead) -> list[str]:
    """A row with more cells than its header, the English cell last but the country's, whose last cell is a country: the
    English name held a tab ("New Delhi Precision Electronics<tab>Private Limited"), its parts one cell again. Read by
    the header's cells, the country's cell held the name's tail and the country was lost, silently (session 51,
    blind51/23)."""
    extra = len(cells) - head.width
    if extra <= 0 or head.en is None or head.country != head.width - 1 or head.en != head.country - 1 \
            or _country_cell(cells[-1]) is None or _country_cell(cells[head.country]) is not None:
        return cells
    return [*cells[: head.en], " ".join(cells[head.en : head.en + extra + 1]), *cells[head.en + extra + 1 :]]


def _country_cell(cell: str) -> str | None:
    """The country a table's country cell names ("美国", "中国台湾地区"), else None."""
    cell = "".join(fold(cell).split())
    return COUNTRIES.get(cell) or COUNTRIES.get(cell.removeprefix("中国"))


# Two entities in one row, "星火定向能公司、星火光学公司" over "Starfire Directed Energy LLC、Starfire Optics LLC" (or split by
# "；"): as many Chinese names as English ones, each pair an entity (session 33, audit33/15: one entity named by both).
CELL_NAMES_SPLIT_RE = lazy_compile(r"\s*[、;；]\s*")


def _two_in_cells(out: list[EntityRecord], zh_cell: str, en_cell: str, country: str | None, serial: str) -> bool:
    """Whether the name cells hold as many Chinese names as English ones, two or more (CELL_NAMES_SPLIT_RE): then each
    pair is appended to ``out`` as an entity."""
    zhs, ens = CELL_NAMES_SPLIT_RE.split(zh_cell.strip()), CELL_NAMES_SPLIT_RE.split(en_cell.strip())
    if len(zhs) < 2 or len(zhs) != len(ens) or not all(CJK_RE.search(z) and not LATIN_RE.search(z) for z in zhs) \
            or not all(LATIN_RE.search(e) and not CJK_RE.search(e) for e in ens):
        return False
    number = fold(serial).strip()
    for zh, en in zip(zhs, ens):
        out.append(make_entity(clean_display(zh), clean_display(en), country, int(number) if number.isdigit() else None, ()))
    return True


OPENING, CLOSING = "(（", ")）"
WRAP_LINES_MAX = 3  # a name wraps over at most this many more lines (and as many blank ones)
OPEN_AT_LINE_END_RE = lazy_compile(r"[(（][^)）\n]*\n")  # a bracket the line leaves open
# "2．北方之光航空" + "技术公司（Northern Lights…）": a numbered line of a Chinese name alone, cut before its bracket, which the next
# line (no number, a Chinese character first) opens (session 35, audit35/03, a PDF copy: read as "北方之光航空", no English).
SERIAL_LINE_RE = lazy_compile(r"\s*(?:\d{1,3}\s*[.．、]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、)")
NAME_GOES_ON_RE = lazy_compile(r"[\u4e00-\u9fff][^()（）:：\n]{0,40}[(（]")  # not "地址：…（…）"


def _cut_before_bracket(line: str, text: str) -> bool:
    """Whether the annex line ``line`` (of ``text``, the annex's lines after a "\\n") is a numbered Chinese name cut before
    its bracket, which the next line opens ("2．北方之光航空" + "技术公司（Northern Lights…）"): asked only of a line with no
    bracket that opens with a number, so an annex's headings cost one ``in`` each."""
    if any(map(line.__contains__, OPENING)) or SERIAL_LINE_RE.match(line) is None:
        return False
    whole = "\n" + line + "\n"
    at = text.find(whole)
    while at >= 0:  # each line so written (a line written twice: the second may be the one cut)
        start = at + len(whole)
        end = text.find("\n", start)
        following = text[start : end if end >= 0 else len(text)].strip(" \u3000")
        if NAME_GOES_ON_RE.match(following) is not None and SERIAL_LINE_RE.match(following) is None:
            return True
        at = text.find(whole, at + 1)
    return False


def _unwrapped(block: list[str]) -> list[str]:
    """``block`` with each line whose bracket is left open joined to the lines that close it ("2. 甲公司（Alpha
    Holdings," + "Inc.）"): a name that a narrow page or a PDF copy wrapped. A space joins two Latin ends."""
    out: list[str] = []
    i = 0
    while i < len(block):
        line = block[i]
        depth = sum(map(line.count, OPENING)) - sum(map(line.count, CLOSING))
        j = i + 1
        if (not depth and j < len(block) and not any(map(line.__contains__, OPENING)) and SERIAL_LINE_RE.match(line)
                and NAME_GOES_ON_RE.match(block[j].strip(" \u3000")) and not SERIAL_LINE_RE.match(block[j])):
            line = line.rstrip(" \u3000") + block[j].strip(" \u3000")
            depth = sum(map(line.count, OPENING)) - sum(map(line.count, CLOSING))
            j += 1
        while depth > 0 and j < len(block) and j - i <= 2 * WRAP_LINES_MAX:  # a page's blank lines between
            nxt = block[j].strip(" \u3000")
            if not nxt:
                j += 1
                continue
            kept = line.rstrip(" \u3000")
            glue = " " if nxt[:1].isascii() and (kept[-1:].isascii() or kept != line) else ""
            if kept.endswith("-") and kept[-2:-1].isalpha() and kept == line:  # "Micro-" + "wave", "Electro-" + "Optical"
                glue = ""
                kept = kept[:-1] if nxt[:1].islower() else kept  # a word the copy hyphenated at the line's end
            line = kept + glue + nxt
            depth += sum(map(nxt.count, OPENING)) - sum(map(nxt.count, CLOSING))
            j += 1
        if depth > 0:  # never closed: the lines as they were
            out.append(block[i])
            i += 1
            continue
        out.append(line)
        i = j
    return out


# A row of a table written with pipes, as a copy in Markdown gives it ("| 1 | 泰坦装甲车辆公司 | Titan Armored Vehicles, Inc. |"),
# and the rule under its header ("| --- | :---: |"): session 41, mfa41/23: an MFA annex's header and rule read as companies,
# a name and its English as one; a MOFCOM annex so written read 0 of 12, only a count warning said so).
PIPE_RULE_CELL_RE = re.compile(r":?-{3,}:?")


def piped_rows(after: list[str]) -> list[str]:
    """The annex lines with each row of a pipe table (``|`` first and last) as a tab table's row, its rule dropped."""
    out: list[str] = []
    for line in after:
        row = line.strip()
        if len(row) < 2 or not row.startswith("|") or not row.endswith("|"):
            out.append(line)
            continue
        cells = [cell.strip() for cell in row[1:-1].split("|")]
        if not all(PIPE_RULE_CELL_RE.fullmatch(cell) for cell in cells):
            out.append("\t".join(cells))
    return out


# A row of a table whose cells a page set apart by tabs in ``<p>`` lines, which the text's blanks fold to spaces, as a browser
# shows them: "1 韩华海洋美国控股公司 Hanwha Ocean USA Holdings Inc. 美国" under "序号 中文名称 英文名称 国家（地区）" (``spaced_rows``):
# the serial, the Chinese name (one cell with no blank: "韩国LIG机器人株式会社" too), the English name (Latin first, no Chinese
# character), the cells after it (no Latin letter: the country).
# A Chinese name the page wrote with a blank inside it ("韩华海洋 美国控股公司"): its pieces each hold a Chinese character, joined
# without the blank (session 47, words47, quiet46's open B: the table read line by line, a count warning).
SPACED_ROW_RE = lazy_compile(r"\s*(?P<n>[0-9０-９]{1,3})\s+(?P<zh>\S*[\u3400-\u9fff]\S*(?:\s+\S*[\u3400-\u9fff]\S*)*?)"
                             r"\s+(?P<en>[A-Za-z][^\u3400-\u9fff（(]*?)(?:\s+(?P<tail>[^\sA-Za-z][^A-Za-z]*?))?\s*")
SERIAL_SPACE_RE = lazy_compile(r"\s*[0-9０-９]{1,3}\s")


def spaced_rows(block: list[str], head_width: Callable[[list[str]], int | None] | None = None,
                row_re: re.Pattern[str] | None = None) -> list[str] | None:
    """``block`` with a table whose cells are set apart by blanks (a header row TABLE_HEAD names, "序号 中文名称 英文名称
    国家（地区）", each row SPACED_ROW_RE's) as a tab table's rows; None where no line is such a header or a row under one
    does not split plainly into its cells (read line by line then, as before: a count mismatch). A MOFCOM annex written as
    tab-separated ``<p>`` lines read 0 entities, "parsed 0 entities, notice states 3" (session 45, quiet45; the MFA reader's
    ``mfa.annex._spaced_table``, f1633c41, which calls this with its own
    header test, ``head_width``: the header's cells or None, and row pattern, ``row_re``)."""
    head_width = head_width or _head_width
    row_re = row_re or SPACED_ROW_RE
    out: list[str] = []
    width = 0  # the cells of the header row above, 0 before one
    for line in block:
        heads = line.split()
        if len(heads) > 3 and heads[0] in SERIAL_HEADS and heads[0][0] == "N":
            heads = _english_heads(heads)
        if len(heads) >= 3 and (cells := head_width(heads)) is not None:
            out.append("\t".join(heads))
            width = cells
            continue
        if width and SERIAL_SPACE_RE.match(line):
            m = row_re.fullmatch(line)
            tail = m["tail"].split() if m is not None and m["tail"] else []
            if m is None or 3 + len(tail) > width:
                return None
            zh = m["zh"] if " " not in m["zh"] and "\u3000" not in m["zh"] else "".join(m["zh"].split())
            out.append("\t".join((m["n"], zh, m["en"].strip(), *tail)))
            continue
        out.append(line)
    return out if width else None


# The headers a cell of an English-only header row may be, its words joined (``table_head``'s folded cells).
ANY_HEADS = SERIAL_HEADS | ZH_HEADS | EN_HEADS | COUNTRY_HEADS
HEAD_WORDS_MAX = 3  # "Name in English"


def _english_heads(words: list[str]) -> list[str]:
    """An English-only header row's words as its cells ("No. Chinese Name English Name Country/Region": the blanks inside a
    cell are the blanks between cells once a page's tabs are folded): each cell the longest run of words naming a header,
    the words as they were where one does not (session 48, words47's open B: the table read line by line, a count
    warning)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        j = next((j for j in range(min(len(words), i + HEAD_WORDS_MAX), i, -1)
                  if fold("".join(words[i:j])) in ANY_HEADS), None)
        if j is None:
            return words
        out.append(" ".join(words[i:j]))
        i = j
    return out


def _head_width(heads: list[str]) -> int | None:
    """The cells of a header row TABLE_HEAD names with an English column, or None."""
    head = table_head("\t".join(heads))
    return head.width if head is not None and head.en is not None else None


def annex_entities(lines: list[str], start: int = 0, country: str | None = None,
                   chinese_numbers: bool = False, clean: bool = False, type: str | None = None) -> list[EntityRecord]:
    """Numbered entity lines (and their branch lines) from ``lines[start:]``;
    ``chinese_numbers`` also accepts "一、名称" lines (below an annex heading only);
    ``clean``: the lines are of a ``textnorm.clean`` text, so they hold no invisible character.
    A Chinese name with no English whose English stands alone on the next line is read with it
    (``_english_joined``, only asked when a name without English is read). ``type``: the type the stated count gives
    every name (``rules.named.count_type``), given to the plain lines' records as they are built; the caller types the
    others (a typed copy of a record costs about what building it costs: session 33)."""
    block = _entity_annexes(lines[start:])
    whole = "".join(block)
    if "|" in whole:  # (rare: a copy in Markdown)
        block = piped_rows(block)
        whole = "".join(block)
    if ";" in whole or "；" in whole:  # (rare in an annex: no look at each line)
        block = _two_names_split(block)
    if "英文名" in whole and "中文名" in whole and (paired := _parallel_lists(block)) is not None:
        block = paired
    if "序号" in whole and "中文名" in whole:  # (rare: blocks of labelled lines, each opened by its serial's)
        block = _serials_joined(block)
    out = _annex_block(block, country, chinese_numbers, clean, type)
    if not out and ("序号" in whole or "编号" in whole or "No" in whole or "NO" in whole) and "\t" not in whole \
            and (spaced := spaced_rows(block)) is not None:  # (nearly every annex reads a line: no look)
        out = _annex_block(spaced, country, chinese_numbers, clean, type)
    if not out and any("\t" in line for line in block):  # (nearly every annex reads a line: no look)
        numbered = _serials_added(block)
        if numbered is not None:
            out = _annex_block(numbered, country, chinese_numbers, clean, type)
    if out and not chinese_numbers and (run := _chinese_numbered_run(block, out, country, clean, type)) is not None:
        out = run
    if None in map(ENGLISH, out) and any(e.en is None and e.zh for e in out) \
            or any(e.zh is None and e.en for e in out):  # (the reverse: "1. Ridgeline Tactical Systems, Inc." / "岭线…公司")
        joined = _english_joined(block)
        if joined is not None:
            return _annex_block(joined, country, chinese_numbers, clean, type)
    return out


# An annex written as two parallel lists, "一、中文名称" over "1. 鹰角雷达公司" … and "二、英文名称" over "1. Hawk Point Radar Inc." …
# (audit40/36: both headings and each language's names read as eight entities apart, behind a count warning, the feed
# showing the eight). Each list a heading alone on its line ("中文名称", "英文名称", numbered or not) over numbered lines of
# its language only, the two lists numbered alike: one line "N. 中文名（English）" a number. Any other shape as it is.
PARALLEL_HEAD_RE = lazy_compile(r"[^\S\n]*(?:(?:[一二三四五六七八九十]{1,2}|[0-9]{1,2})[^\S\n]*[、.．]|[(（][^\S\n]*[一二三四五六七八九十]{1,2}"
                                r"[^\S\n]*[)）])?[^\S\n]*(?P<lang>中文|英文)名称?[^\S\n]*[:：]?[^\S\n]*")
PARALLEL_ITEM_RE = lazy_compile(r"[^\S\n]*(?P<n>[0-9]{1,3})[^\S\n]*[.、．](?!\d)[^\S\n]*(?P<name>\S.*?)[^\S\n]*")


def _parallel_items(block: list[str], at: int, chinese: bool) -> tuple[list[tuple[int, str]], int]:
    """The numbered lines of one language under the heading at ``at`` (blank lines skipped), and the index after them."""
    items: list[tuple[int, str]] = []
    i = at + 1
    while i < len(block):
        if block[i].strip():
            m = PARALLEL_ITEM_RE.fullmatch(block[i])
            name = m["name"] if m is not None else ""
            if m is None or (CJK_RE.search(name) is None if chinese else
                             CJK_RE.search(name) is not None or LATIN_RE.search(name) is None) \
                    or chinese and ("（" in name or "(" in name):
                break
            items.append((int(m["n"]), name))
        i += 1
    return items, i


def _parallel_lists(block: list[str]) -> list[str] | None:
    """``block`` with two parallel lists (PARALLEL_HEAD_RE) as one of "N. 中文名（English）" lines, else None."""
    heads = [(i, m["lang"]) for i, line in enumerate(block) if "名" in line and (m := PARALLEL_HEAD_RE.fullmatch(line))]
    if [lang for _, lang in heads] not in (["中文", "英文"], ["英文", "中文"]):
        return None
    (first, first_lang), (second, _) = heads
    one, end_one = _parallel_items(block, first, first_lang == "中文")
    two, end = _parallel_items(block, second, first_lang != "中文")
    if not one or end_one != second or [n for n, _ in one] != [n for n, _ in two]:
        return None
    zh, en = (one, two) if first_lang == "中文" else (two, one)
    return [*block[:first], *(f"{n}. {z}（{e}）" for (n, z), (_, e) in zip(zh, en)), *block[end:]]


# An annex numbered in mixed styles, "1. A（a）" / "2、B（b）" / "（3）C（c）" / "四、D（d）": a line numbered in Chinese where the
# run of the lines read lacks that number (audit44/01: "四、" is a measure's number elsewhere, read in an annex only below
# its heading, ``chinese_numbers``; the fourth entity was lost behind a count warning). The annex read again with such
# lines where one whose number the run lacks is there ("四、" in the block: one ``in`` for the next number, the commonest
# case, and one per number skipped); kept only where that reading holds every entity read before, in order, and each
# entity more is a whole entry (a Chinese name with its Latin one) numbered in Chinese with a number the run lacked.
CN_DIGITS = "一二三四五六七八九"


def _chinese_numeral(n: int) -> str:
    """1..99 written as a Chinese numeral ("四", "十二", "二十"). Not cn2an's ``an2cn``: this is asked of nearly every annex,
    and cn2an costs a third of a second to import (``storage.numerals`` imports it only where a numeral is read)."""
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else CN_DIGITS[tens - 1]) + ("十" if tens else "")) + (CN_DIGITS[ones - 1] if ones else "")


def _chinese_numbered_run(block: list[str], out: list[EntityRecord], country: str | None, clean: bool,
                          type: str | None) -> list[EntityRecord] | None:
    """``out`` with the entities of the block's Chinese-numbered lines whose numbers its run lacks, else None."""
    numbers = {e.n for e in out}
    last = max((n for n in numbers if n is not None), default=0)
    if not 0 < last < 99:
        return None
    lacked = [k for k in range(1, last + 2) if k not in numbers]
    whole = "".join(block)
    if not any(_chinese_numeral(k) + "、" in whole for k in lacked):
        return None
    again = _annex_block(block, country, True, clean, type)
    more = [i for i, e in enumerate(again) if e not in out]
    if not more or [e for e in again if e in out] != out or len(again) != len(out) + len(more):
        return None
    for i in more:  # each a whole entry in its place in the run: after the number before it, before the one after it
        e = again[i]
        if e.n not in lacked or not e.zh or not e.en or (again[i - 1].n if i else 0) != e.n - 1 \
                or i + 1 < len(again) and again[i + 1].n != e.n + 1:
            return None
    return again


# "1. 北风导航公司" and, on the next line (a <p> of its own), "Northwind Navigation, Inc.": the English name of the
# line before, no bracket around it (session 23, parse23: every English name of such an annex was lost, so no entity
# could be found by it). The next line is Latin only, no colon ("Address: …" is no name), at most one blank line between.
ENGLISH_ALONE_RE = lazy_compile(r"^\s*[A-Za-z][^:：\u3000-\u9fff\uff01-\uff5e]*$")


# "1. Ridgeline Tactical Systems, Inc." and, on the next line, "岭线战术系统公司": the Chinese name of the numbered English one
# above it (session 29, audit29/19: every Chinese name of such an annex was lost). The next line is Chinese only and ends
# as an organisation's name does (not "商务部", a date or a heading).
CHINESE_ALONE_RE = lazy_compile(r"^\s*[\u4e00-\u9fff][\u4e00-\u9fff·・]{0,40}"
                                r"(?:公司|集团|株式会社|大学|学院|研究所|研究院|中心|实验室|联盟|协会|基金会|银行)\s*$")


NAME_HEADS = ZH_HEADS | EN_HEADS
TABLE_HEADS = NAME_HEADS | COUNTRY_HEADS


# "2．诺德光电（美国）公司（Nord Photonics (USA) LLC）；诺德光电（美国）研发中心（Nord Photonics (USA) Research Center）": two
# entities on one numbered line, each "name（English）", split by a semicolon after the first's bracket (session 33,
# audit33/16: the line was lost whole, only the count warned). Not a "；" inside a bracket ("（漢昇…；Hansheng…）"), nor one
# before a number of its own ("1. A（a）；2. B（b）": items run together, ``_items_apart``; blind54: "2. B" read under 1).
TWO_NAMES_RE = lazy_compile(r"(?P<head>\s*[0-9０-９]{1,3}\s*[.、．]\s*)(?P<a>[^;；]*?[(（][^;；]*[)）])\s*[;；]\s*"
                            r"(?![0-9０-９]{1,3}\s*[.、．])(?P<b>[^;；()（）\s][^;；()（）]*[(（][^;；]*[)）])\s*[。.]?\s*")


def _two_names_split(block: list[str]) -> list[str]:
    """``block`` with each TWO_NAMES_RE line as two lines of its number, when both parts close every bracket they open."""
    out: list[str] = []
    for line in block:
        m = TWO_NAMES_RE.fullmatch(line) if ";" in line or "；" in line else None
        if m is None or not all(_balanced(m[part]) for part in ("a", "b")):
            out.append(line)
            continue
        out += [m["head"] + m["a"], m["head"] + m["b"]]
    return out


def _balanced(part: str) -> bool:
    """Whether ``part`` closes every bracket it opens, in order."""
    depth = 0
    for ch in part:
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _serials_added(block: list[str]) -> list[str] | None:
    """``block`` with a serial column put before a table that has none ("英文名称<tab>国家/地区<tab>中文名称": every cell of
    its header row a known head, a Chinese name's among them), its rows numbered 1, 2, … as far as they have the header's
    width; None when no such table is there. Read as any table by its header (session 30, audit30/03: no serial, so no
    row was read: 5 names lost, only the count warned)."""
    for i, line in enumerate(block):
        if "\t" not in line:
            continue
        cells = ["".join(fold(cell).split()) for cell in line.split("\t")]
        if cells[0] in SERIAL_HEADS or not all(cell in TABLE_HEADS for cell in cells) or _cell_of(cells, ZH_HEADS) is None:
            continue
        out = [*block[:i], "序号\t" + line]
        n = 0
        for j in range(i + 1, len(block)):
            row = block[j]
            if row.count("\t") == len(cells) - 1 and row.strip():
                n += 1
                out.append(f"{n}\t{row}")
            elif row.strip():
                out.extend(block[j:])
                break
            else:
                out.append(row)
        return out if n else None
    return None


def _chinese_below(line: str, folded: str, below: str) -> str | None:
    """"N. 中文（English）" of a numbered English name alone (no bracket, no Chinese) and the Chinese name alone below it."""
    m = NUMBERED_RE.match(folded) if LATIN_RE.search(folded) and not CJK_RE.search(folded) and "(" not in folded else None
    if m is None or not m.group("rest") or CHINESE_ALONE_RE.match(below) is None:
        return None
    return f"{line[: m.start('rest')]}{below.strip()}（{line[m.start('rest') : m.end('rest')]}）"


def _row_with_english(row: str, english: str) -> str | None:
    """A table row "1<tab>雷霆导弹系统公司<tab>美国" with ``english``, the one cell of the row below it (the serial and the other
    cells merged down by rowspan), bracketed after its one Chinese name without Latin letters ("1<tab>雷霆导弹系统公司（Thunderbolt
    Missile Systems, Inc.）<tab>美国"); None for a row that is no serial and one such name (session 38, audit38/03: the English
    names were lost, silently)."""
    cells = row.split("\t")
    if not fold(cells[0]).strip().isdigit():
        return None
    named = [j for j in range(1, len(cells)) if CJK_RE.search(cells[j]) and not LATIN_RE.search(cells[j])
             and "(" not in fold(cells[j]) and "".join(fold(cells[j]).split()) not in COUNTRIES]
    if len(named) != 1:
        return None
    cells[named[0]] = f"{cells[named[0]].rstrip()}（{english}）"
    return "\t".join(cells)


# An annex of labelled blocks: "1. 中文名称：莱茵精密光学有限公司" / "英文名称：Rheinland Präzisionsoptik GmbH" / "国家：德国" (session 45,
# audit45/01: every English name lost and each entity given the body's "欧盟" for its country). The English line is read as
# an English name alone, and a country line after it as "，德国" after the bracket (a known country only).
ENGLISH_LABEL_RE = lazy_compile(r"^\s*(?:英文名称|英文名|外文名称)\s*[:：]\s*(?P<en>[A-Za-z][^:：\u3000-\u9fff\uff01-\uff5e]*?)\s*$")
COUNTRY_LABEL_RE = lazy_compile(r"^\s*(?:国家|国别|所属国家|国家或地区|国家\s*[(（]\s*地区\s*[)）]|国家\s*/\s*地区)\s*[:：]\s*(?P<c>[\u4e00-\u9fff]{2,10})\s*$")
ENGLISH_LABELS = ("英文名", "外文名称")
# ... each block opened by its own labelled serial line, "序号：1" over "中文名称：黑曜石传感公司" (session 60, text59/30: no entity
# read, loud by the count): read as "1. 中文名称：…", audit45's block.
SERIAL_LABEL_RE = lazy_compile(r"^\s*序号\s*[:：]\s*(?P<n>\d{1,3})\s*$")
CHINESE_LABEL_RE = lazy_compile(r"^\s*(?:中文名称|中文名)\s*[:：]")


def _serials_joined(block: list[str]) -> list[str]:
    """``block`` with each labelled serial line (SERIAL_LABEL_RE) joined to the Chinese name's labelled line right below it."""
    out: list[str] = []
    i = 0
    while i < len(block):
        m = SERIAL_LABEL_RE.match(block[i]) if "序号" in block[i] else None
        if m is not None and i + 1 < len(block) and CHINESE_LABEL_RE.match(block[i + 1]):
            out.append(f"{m.group('n')}. {block[i + 1].strip()}")
            i += 2
            continue
        out.append(block[i])
        i += 1
    return out


def _english_below(line: str) -> str | None:
    """The English name a line below a Chinese one gives alone (ENGLISH_ALONE_RE) or after its label (ENGLISH_LABEL_RE)."""
    if ENGLISH_ALONE_RE.match(line):
        return line.strip()
    m = ENGLISH_LABEL_RE.match(line) if any(w in line for w in ENGLISH_LABELS) else None
    return m.group("en") if m is not None else None


def _country_below(block: list[str], i: int) -> tuple[str, int] | None:
    """The known country a labelled line at ``block[i]`` (or after one blank line) gives, and the index after it."""
    if i < len(block) and not block[i].strip():
        i += 1
    m = COUNTRY_LABEL_RE.match(block[i]) if i < len(block) and "国" in block[i] else None
    if m is None or m.group("c") not in COUNTRIES:
        return None
    return m.group("c"), i + 1


def _english_joined(block: list[str]) -> list[str] | None:
    """``block`` with each English name alone on a line put in brackets after the numbered Chinese name above it
    (a name with no bracket and no Latin letter), or the Chinese name alone below a numbered English one put before
    it (``_chinese_below``); None when there is none."""
    out: list[str] = []
    joined = False
    i = 0
    while i < len(block):
        line = block[i]
        nxt = i + 1
        if nxt < len(block) and not block[nxt].strip():
            nxt += 1
        folded = fold(line)
        english = _english_below(block[nxt]) if nxt < len(block) else None
        if (english is not None and NUMBERED_RE.match(folded)
                and CJK_RE.search(folded) and "(" not in folded and not LATIN_RE.search(folded)):
            place = _country_below(block, nxt + 1) if "国" in "".join(block[nxt + 1 : nxt + 3]) else None
            out.append(f"{line.rstrip()}（{english}）" + (f"，{place[0]}" if place is not None else ""))
            joined = True
            i = nxt + 1 if place is None else place[1]
            continue
        if "\t" in line and nxt < len(block) and "\t" not in block[nxt] and ENGLISH_ALONE_RE.match(block[nxt]) \
                and (row := _row_with_english(line, block[nxt].strip())) is not None:
            out.append(row)  # a table row over the English name's row (rowspan: the other cells merged down)
            joined = True
            i = nxt + 1
            continue
        both = _chinese_below(line, folded, block[nxt]) if nxt < len(block) else None
        if both is not None:
            out.append(both)
            joined = True
            i = nxt + 1
            continue
        out.append(line)
        i += 1
    return out if joined else None


# "1. 锐视光电公司（…）及其分支机构：" over indented lines with no number, dash or bullet ("   锐视光电日本株式会社（…）"): the
# branches it names (session 53, blind54/03: no line opener, so ANNEX_LINE_RES never saw them; the branches were dropped
# without a word, the count of parents agreeing). Each such line is read as a dash line; looked for only where a line ends in
# "分支机构：" or the like.
BRANCHES_FOLLOW_RE = lazy_compile(r"(?:分支机构|子公司|分公司|附属机构)[^\S\n]*[:：][^\S\n]*$", re.MULTILINE)
# a bare line is a branch's name only with its English bracket or an organisation's last word ("商务部" under a colon is not)
BRANCH_NAME_ENDS = ("公司", "会社", "集团", "机构", "研究所", "中心", "Ltd.", "Inc.", "LLC", "GmbH", "KK", "Corp.")
LINE_OPENERS = f"0123456789０１２３４５６７８９(（-－—–•·一二三四五六七八九十{CIRCLED}"  # ANNEX_LINE_RES' first characters


# "1. 斯特林光学公司（…）及其分支机构：" over "（1）斯特林光学加拿大公司（…）", "（2）…" lines: the branches it names, numbered a
# level below it (session 57, held57: audit43/03, audit44/16, under "3家实体（含其分支机构）": each read as an entity of its
# own, the count of groups behind a false count warning). Read as dash lines, the entry's branches (``EntityRecord.branches``,
# as UEL 〔2025〕10号's TechInsights + 10: screened by their names, shown under the entry), only under a line numbered "N." or
# "N、" and only numbered (1), (2), … in turn: any other run stays entities, the count warning loud.
SUB_PAREN_RE = lazy_compile(r"^\s*[(（]\s*(?P<k>\d{1,2})\s*[)）]\s*(?P<rest>\S.*)$")


def _dashed_branches(block: list[str]) -> list[str]:
    """``block`` with the unmarked lines right under a line ending in "分支机构：" (empty lines before the first of them
    passed over; up to an empty or opened line) dashed, and the lines numbered "（1）", "（2）", … under such a line numbered
    "N." (SUB_PAREN_RE)."""
    out = list(block)
    opened = dashed = False
    sub = 0  # the last "（k）" dashed under the line opened, or -1 where such lines cannot be its branches
    for i, line in enumerate(block):
        s = line.strip()
        if opened and not s and not dashed:
            continue
        if opened and s and s[0] not in LINE_OPENERS and ("(" in s or "（" in s or s.endswith(BRANCH_NAME_ENDS)) \
                and looks_like_name(s):
            out[i] = "-" + s
            dashed = True
            continue
        if opened and sub >= 0 and (m := SUB_PAREN_RE.match(line)) is not None and int(m["k"]) == sub + 1 \
                and looks_like_name(m["rest"]):
            out[i], sub, dashed = "-" + m["rest"], sub + 1, True
            continue
        opened, dashed = BRANCHES_FOLLOW_RE.search(line) is not None, False
        sub = 0 if opened and NUMBERED_OPENER_RE.match(line) is not None else -1
    return out


# "1. 沙丘车辆公司（Dune Vehicles Inc.）；2. 磁暴电子公司（…）；3. …": an annex's items run together on one line, a copy that lost
# its line breaks (session 53, blind54/16: none read, behind a count mismatch). A numbered line is cut before each "；N." in it.
RUN_TOGETHER_RE = lazy_compile(r"[；;][^\S\n]*(?=[0-9０-９]{1,3}[^\S\n]*[.．、][^\S\n]*[^\d\s])")
NUMBERED_OPENER_RE = lazy_compile(r"[^\S\n]*[0-9０-９]{1,3}[^\S\n]*[.．、]")


def _items_apart(block: list[str]) -> list[str]:
    """``block`` with each numbered line holding "；N." cut into its items."""
    return [part for line in block
            for part in (RUN_TOGETHER_RE.split(line) if NUMBERED_OPENER_RE.match(line) else (line,))]


def _annex_block(block: list[str], country: str | None, chinese_numbers: bool, clean: bool,
                 type: str | None = None) -> list[EntityRecord]:
    """``annex_entities`` of the annex lines ``block``."""
    text = "\n" + "\n".join(block)
    if ("；" in text or ";" in text) and RUN_TOGETHER_RE.search(text) is not None:
        block = _items_apart(block)
        text = "\n" + "\n".join(block)
    if ("分支机构" in text or "子公司" in text or "分公司" in text or "附属机构" in text) \
            and BRANCHES_FOLLOW_RE.search(text) is not None:
        block = _dashed_branches(block)
        text = "\n" + "\n".join(block)
    found = ANNEX_LINE_RES[chinese_numbers].findall(text)
    chinese = list(map(itemgetter(2), found))  # "" for the lines that are not plain
    # A plain line closes its bracket; another may leave one open, a name wrapped onto the next line. (Only the other
    # lines are looked at: an annex of plain lines alone, the common one, costs one ``in``.)
    if "" in chinese and any(not zh and (OPEN_AT_LINE_END_RE.search(line + "\n") or _cut_before_bracket(line, text))
                             for line, _, zh, _ in found):
        block = _unwrapped(block)
        text = "\n" + "\n".join(block)
        found = ANNEX_LINE_RES[chinese_numbers].findall(text)
        chinese = list(map(itemgetter(2), found))
    if not found:
        return []
    contexts = _contexts(block, found, text)
    if contexts is not None:
        return _branch_words_out(_annex_with_contexts(found, contexts, country, chinese_numbers), text, clean)
    visible = clean or not any(ch in text for ch in INVISIBLE_CHARS)  # then a name needs only its spaces
    if visible:  # "（Alpha Inc., also known as …）": each line read in full (only a plain line's English can hold one)
        visible = not _holds_alias_word("\n".join(map(itemgetter(3), found)))
    plain = 0
    if visible:
        plain = chinese.index("") if "" in chinese else len(found)
        # a plain line is longer than its two names and 2 (the lines between, mostly empty, need no look)
        if plain and max(map(len, map(itemgetter(0), found[:plain]))) > NAME_MAX:
            plain = 0
    # ``clean_display`` of both names (the English holds a Latin letter: never empty; the Chinese opens with
    # no space; "  " in a wide string costs a conversion, " " does not)
    out = [make_entity(zh if " " not in zh and zh.isprintable() else " ".join(zh.split()),
                       en.strip(" ") if en.isascii() and en.isprintable() and "  " not in en else _english(en),
                       country, DECIMALS.get(n) or int(n), (), None, type) for _, n, zh, en in found[:plain]]
    branches: list[str] = []
    for line, n, zh, en in found[plain:]:
        if zh and visible and len(zh) + len(en) < NAME_MAX - 1:  # the plain line, one bracket between the names
            _flush(out, branches)
            zh = zh if " " not in zh and zh.isprintable() else " ".join(zh.split())
            en = en.strip(" ") if en.isascii() and en.isprintable() and "  " not in en else _english(en)
            out.append(make_entity(zh, en, country, DECIMALS.get(n) or int(n), (), None, type))
        elif chinese_numbers and (heading := GROUP_HEADING_RE.match(line)) is not None:
            country = COUNTRIES.get(heading.group("c") or "", country)  # the group's country, from here on
        else:
            _read_line(out, branches, line, fold(line), country, chinese_numbers)
    _flush(out, branches)
    if "名称" in text:  # "（一）名称：海风电子公司（…）" over "别名：…" and "地址：…" lines: the label is no part of the name
        out = [_unlabelled(e) for e in out]
    if "）（" in text or ")(" in text or "）(" in text or ")（" in text:
        out = [_noted(e) for e in out]
    return _branch_words_out(out, text, clean)


# An annex line's field label before its name ("（一）名称：海风电子公司（Seabreeze Electronics Inc.）", its 别名/地址 lines
# below it: session 38, audit38/27, the names read as "名称：海风电子公司").
NAME_LABEL_RE = lazy_compile(r"(?:中文|实体|企业)?名称\s*[:：]\s*")


# "1. 杰亚机器人公司（Jaia Robotics, Inc.）（商务部公告2026年第23号所列）": a second bracket after the English one, no Latin in it, is a
# note (session 38, audit38/40: the line read whole as one Chinese name, no English, keyed by it all).
NOTED_LINE_RE = lazy_compile(r"(?P<zh>[^()（）]+?)\s*[(（](?P<en>[^()（）]*[A-Za-z][^()（）]*)[)）]\s*[(（](?P<note>[^()（）A-Za-z]+)[)）]\s*$")


def _noted(e: EntityRecord) -> EntityRecord:
    """``e`` read again when its Chinese name holds its English and a note in brackets (NOTED_LINE_RE), else ``e``."""
    m = NOTED_LINE_RE.fullmatch(e.zh) if e.zh and e.en is None else None
    if m is None:
        return e
    note = "，".join(filter(None, (m["note"].strip(), e.note)))
    return make_entity(m["zh"].strip(), clean_display(m["en"]), e.country, e.n, e.branches, note, e.type)


def _unlabelled(e: EntityRecord) -> EntityRecord:
    """``e`` without a name label opening its Chinese name (NAME_LABEL_RE), else ``e``."""
    m = NAME_LABEL_RE.match(e.zh) if e.zh and "名称" in e.zh[:4] else None
    if m is None or m.end() == len(e.zh or ""):
        return e
    return make_entity((e.zh or "")[m.end() :], e.en, e.country, e.n, e.branches, e.note, e.type)


def _branch_words_out(out: list[EntityRecord], text: str, clean: bool) -> list[EntityRecord]:
    """``branch_words_out(out)``, skipped where no name can end in branch words. It changes only a Chinese name holding
    "及其", and every name is read from the block ``text``: a part of one line, its spaces made one (a space is never
    taken from between two other characters), and only with ``clean`` false an invisible character taken out
    (``clean_display``). So a clean block without "及其" gives no name holding it, and the look at each entity (a
    generator over all of them, ~1,400 instructions an entity) is one ``in`` over the block."""
    if clean and "及其" not in text:
        return out
    return branch_words_out(out)


def _holds_alias_word(english: str) -> bool:
    """``any(w in english for w in ALIAS_WORDS)``, for the plain lines' English names joined. They are ASCII nearly
    always, and an ASCII text holds none of the Chinese words (each has a character past ASCII): then only the four
    English words are looked for, each by its own ``in`` (a test pins them to ALIAS_WORDS). The generator over all
    twelve cost ~9,800 instructions an annex of the fixtures, this ~4,000: a Python-level step per word costs more here
    than the search itself."""
    return "known as" in english or "a.k.a" in english or "f/k/a" in english or "formerly" in english \
        or not english.isascii() and any(w in english for w in ALIAS_WORDS)


# "附件2" / "附件2：相关两用物项清单": a later annex's heading, its title on the line or the next one.
LATER_ANNEX_RE = lazy_compile(r"\s*附\s*件\s*[\d一二三四五六七八九十]+\s*[:：]?\s*(?P<title>.*)$")
# A title that lists goods, not entities ("相关两用物项清单", "管制物项目录"): its numbered lines are items.
ITEMS_TITLE_RE = lazy_compile(r"物项|物品|商品|货物|产品|技术")
ENTITIES_TITLE_RE = lazy_compile(r"名单|实体|企业|单位|机构|人员|公司")


def _entity_annexes(block: list[str]) -> list[str]:
    """``block`` (the annex lines, its heading first) up to a later annex that lists items, not entities ("附件2 /
    相关两用物项清单 / 1. 镓及其化合物（Gallium and its compounds）": goods a listing's measures name, never entities)."""
    # Only the lines after the heading holding "附" in their first 4 characters can open a later annex: those alone are
    # read, found in the joined lines (a test compares this with reading every line, ``_items_annex_at``).
    joined = "\n".join(block)
    pos = joined.find("附", len(block[0]) + 1) if block else -1
    while pos >= 0:
        start = joined.rfind("\n", 0, pos) + 1
        if pos - start < 4:
            i = joined.count("\n", 0, pos)
            if _items_annex_at(block, i):
                block, joined = block[:i], joined[: start - 1]
                break
        end = joined.find("\n", pos)
        pos = -1 if end < 0 else joined.find("附", end + 1)
    lasts = set(map(LAST_CHAR, block))  # the lines' last characters, for both gates below (each made its own: perf57)
    if not FOOTNOTE_END_CHARS.isdisjoint(lasts):
        if "子公司" in joined or "分支机构" in joined or "分公司" in joined:
            block = _footnoted_branches(block)
        block = [FOOTNOTE_MARK_RE.sub("", line) for line in block]
        joined = "\n".join(block)
        lasts = set(map(LAST_CHAR, block))
    if not STOP_END_CHARS.isdisjoint(lasts):
        notes = next((i for i, line in enumerate(block) if line.lstrip().startswith(NOTES_OPEN)), len(block))
        block = [*map(stop_after_names_cut, block[:notes]), *block[notes:]]
        joined = "\n".join(block)
    block = _ideographic_table(block) if "\u3000" in joined else block
    if "\t" not in joined:
        return block
    if "\t序号" in joined or "\t编号" in joined or "\tNo" in joined:  # (a serial cell not first: rare)
        block = _country_first(block)
    return _continued_rows(block)


def _country_first(block: list[str]) -> list[str]:
    """``block`` with the rows of a table whose first column is the country ("国家（地区）<tab>序号<tab>中文名称<tab>英文
    名称", the country cell merged down its rows) turned to put that column last, where ``table_head`` and ``_table_row``
    read it (a row one cell short, under a merged cell, is left as it is: it lacks the country's). Session 32, audit32/05:
    the rows opening with their country ("日本<tab>1<tab>…") were not read as annex lines, their entities lost behind a
    count warning."""
    out: list[str] = []
    width = 0
    for line in block:
        cells = line.split("\t")
        if not width and len(cells) > 2 and "".join(fold(cells[0]).split()) in COUNTRY_HEADS \
                and "".join(fold(cells[1]).split()) in SERIAL_HEADS:
            width = len(cells)
        if width and len(cells) == width:
            line = "\t".join(cells[1:] + cells[:1])
        out.append(line)
    return out


# A table row cut by a page break: the names run on into the next row, whose serial cell is empty ("1<tab>北极星量子<tab>
# Polaris Quantum<tab>美国" then "<tab>计算公司<tab>Computing, Inc."; the page's lines lose the empty cell's tab). Session 24,
# parse24: read as "北极星量子" / "Polaris Quantum" and the rest dropped.
SERIAL_ROW_RE = lazy_compile(r"\s*\d{1,3}\s*\t")
# A table's closing total row ("合计<tab>7家", its label cell spanning the name columns): no name run on (session 31,
# audit31/07: read into the last row's names, "极光弹药公司合计" / "Aurora Munitions, Inc. 7家").
TOTAL_WORDS = ("合计", "共计", "总计", "小计")


def _continued_rows(block: list[str]) -> list[str]:
    """``block`` with each tab row that has no serial number, right under a numbered row with more cells (a blank line
    between at most), joined to it cell by cell (a space between two Latin ends); a header row repeated under a page
    break is no such row."""
    out: list[str] = []
    for line in block:
        row = len(out) - 2 if out and not out[-1].strip() else len(out) - 1  # rows with a blank line between
        if row >= 0 and "\t" in line and not SERIAL_ROW_RE.match(line) and SERIAL_ROW_RE.match(out[row]) \
                and table_head(line) is None and not line.lstrip().startswith(TOTAL_WORDS):
            cells, more = out[row].split("\t"), line.split("\t")
            if len(more) < len(cells):
                for k, cell in enumerate(map(str.strip, more), 1):
                    if cell:
                        kept = cells[k].rstrip()
                        cells[k] = kept + (" " if kept[-1:].isascii() and kept and cell[:1].isascii() else "") + cell
                out[row] = "\t".join(cells)
                del out[row + 1 :]
                continue
        if row >= 0 and line.isascii() and "\t" not in line and any(map(str.isalpha, line)) and SERIAL_ROW_RE.match(out[row]):
            cells = out[row].split("\t")
            empty = [k for k in range(1, len(cells)) if not cells[k].strip()]
            if len(empty) == 1 and any(not c.isascii() for c in cells[1 : empty[0]]):
                # "2<tab>猎鹰之眼情报分析公司<tab><tab>美国" then "Falcon Eye Intelligence Analytics LLC": the row's one empty
                # cell, after its Chinese name, is the English name the next row holds alone (its empty cells' tabs lost;
                # session 34, audit34/20: the English name lost)
                cells[empty[0]] = line.strip()
                out[row] = "\t".join(cells)
                del out[row + 1 :]
                continue
        out.append(line)
    return out


def _items_annex_at(block: list[str], i: int) -> bool:
    """Whether ``block[i]`` opens a later annex that lists items, not entities (``_entity_annexes``)."""
    line = block[i]
    if "附" not in line[:4] or not line.lstrip().startswith("附"):
        return False
    m = LATER_ANNEX_RE.match(line)
    if m is None:
        return False
    title = m["title"].strip() or next((x.strip() for x in block[i + 1 : i + 4] if x.strip()), "")
    return ITEMS_TITLE_RE.search(title) is not None and not ENTITIES_TITLE_RE.search(title)


# A Word table pasted as text with U+3000 between its cells (session 21, parse21/18: no entity read): the cells are cut
# as a tab table's are, only below a header row so cut ("序号　中文名称　英文名称": ``table_head``) in the annex, and only
# in the rows under it that open with their number and a U+3000 (the body is above the annex; a name indented with
# U+3000 or holding a space keeps it).
CELL_GAP_RE = lazy_compile(r"[ \t]*\u3000[\u3000 \t]*")
IDEO_ROW_RE = lazy_compile(r"^\s*\d{1,3}[ \t]*\u3000")


def _ideographic_table(block: list[str]) -> list[str]:
    """``block`` with the U+3000 gaps of a U+3000 table's header and rows made tabs; else ``block`` itself."""
    out, head = list(block), None
    for i, line in enumerate(block):
        if head is None:
            if "\u3000" in line and "\t" not in line:
                cells = CELL_GAP_RE.sub("\t", line.strip())
                if table_head(cells) is not None:
                    head = i
                    out[i] = cells
        elif IDEO_ROW_RE.match(line) and "\t" not in line:
            out[i] = CELL_GAP_RE.sub("\t", line.strip())
    return out if head is not None else block


# "1. 猎鹰光电公司（Falcon Electro-Optics, Inc.）①" / "…）[1]" / "…）*": a footnote's mark after the names, no part of them.
# (Superscript digits, "…（Skyvault Defense, Inc.）¹", are dropped by ``textnorm.clean``: session 35, audit35/04.)
FOOTNOTE_MARK_RE = lazy_compile(rf"(?<=[）)])\s*(?:[{CIRCLED[:20]}]|\[\d{{1,2}}\]|［\d{{1,2}}］|\*{{1,3}}|注\d{{1,2}})\s*$")
FOOTNOTE_ENDS = (*CIRCLED[:20], "]", "］", "*", *"0123456789")
# "3. 野马动力系统公司（…）[2]" over the note "[2] 包括其全资子公司野马动力服务公司（Mustang Power Services LLC）。": the note's
# branches (session 53, blind54/05: dropped without a word, the count of parents agreeing). Put under the marked line as dash
# lines, read as its branches; a note naming none ("①含其在美国境内设立的全资子公司。") adds nothing.
NOTE_BRANCHES_RE = lazy_compile(rf"^\s*(?:注\s*[:：]\s*)?(?P<mark>[{CIRCLED[:20]}]|\[\d{{1,2}}\]|［\d{{1,2}}］|注\d{{1,2}})\s*[:：.、]?"
                                r"[^。\n]*?(?:子公司|分支机构|分公司)\s*[:：]?\s*(?P<names>[^。；;\n]+)")


def _footnoted_branches(block: list[str]) -> list[str]:
    """``block`` with the branches a note names put as dash lines under the line whose footnote mark is the note's."""
    notes = [m for line in block if (m := NOTE_BRANCHES_RE.match(line)) is not None]
    if not notes:
        return block
    out: list[str] = []
    for line in block:
        out.append(line)
        f = FOOTNOTE_MARK_RE.search(line)
        if f is not None:
            mark = f.group(0).strip()
            out.extend("-" + name.strip() for m in notes if m["mark"] == mark for name in m["names"].split("、") if name.strip())
    return out
FOOTNOTE_END_CHARS = frozenset(FOOTNOTE_ENDS)  # each one character: a line's last one is looked up, not 32 suffixes tried
# "1. 北极星光学公司（Polaris Optics Inc.）。", "2. 子午防务系统公司（Meridian Defense Systems Corp.）.": a sentence's stop
# after the names' bracket, no part of them (session 32, audit32/12: the first line dropped, the second read whole as a
# Chinese name with no English, behind only a count warning).
STOP_END_CHARS = frozenset("。.．;；,，、")
NAMES_CLOSE = ("）", ")")


def stop_after_names_cut(line: str) -> str:
    """``line`` without a stop after its names' closing bracket (spaces around it aside), found from the line's end: what
    the pattern ``(?<=[）)])\\s*[。.．;；,，、]\\s*$`` (no newline in its spaces) removed, trying its look-behind at every
    character of every line (tests/scraper/test_parse_gates.py keeps it; session 32)."""
    end = line.rstrip()
    if end[-1:] in STOP_END_CHARS:
        names = end[:-1].rstrip()
        if names.endswith(NAMES_CLOSE):
            return names
    return line


# The notes under an annex ("注：1. 第3项实体包括其…子公司X公司（X Ltd.）。", "②该实体又称“…”（…）。"): sentences, whose stop
# says they are no entity line; kept (parse20/15, parse23/05, audit30/05).
NOTES_OPEN = ("注：", "注:")
LAST_CHAR = itemgetter(slice(-1, None))  # a line's last character ("" for an empty line)


def _annex_with_contexts(found: list[tuple[str, str, str, str]], contexts: list[Context], country: str | None,
                         chinese_numbers: bool) -> list[EntityRecord]:
    """``annex_entities`` for a block with tables or country headings: each line read by its header's cells, or
    with the country of the heading above it."""
    out: list[EntityRecord] = []
    branches: list[str] = []
    carried: str | None = None
    for (line, _, _, _), (head, heading) in zip(found, contexts):
        own = heading or country
        if head is not None:
            _flush(out, branches)
            carried = _table_row(out, line, head, carried, own)
        elif chinese_numbers and (group := GROUP_HEADING_RE.match(line)) is not None:
            country = COUNTRIES.get(group.group("c") or "", country)
        else:
            _read_line(out, branches, line, fold(line), own, chinese_numbers)
    _flush(out, branches)
    return out


def _read_line(out: list[EntityRecord], branches: list[str], line: str, folded: str, country: str | None,
               chinese_numbers: bool) -> None:
    """One annex line read in full: an entity appended to ``out`` or a branch to ``branches``."""
    zh: str | None  # (declared for mypyc, as above)
    en: str | None
    first = folded.lstrip()[:1]
    if first in "一二三四五六七八九十" or (first == "(" and chinese_numbers and CN_PAREN_NUMBERED_RE.match(folded)):
        c = (CN_NUMBERED_RE.match(folded) or CN_PAREN_NUMBERED_RE.match(folded)) if chinese_numbers else None
        if c and c.group("rest").strip() and looks_like_name(line[c.start("rest") : c.end("rest")]):
            _flush(out, branches)
            zh, en = split_name(line[c.start("rest") : c.end("rest")], c.group("rest"))
            out.append(make_entity(zh, en, country, to_int(c.group("cn"))))
        return
    plain = _plain_annex_line(line, folded) if "\t" not in line else None
    if plain is not None:
        _flush(out, branches)
        out.append(make_entity(plain[0], plain[1], country, plain[2], ()))
        return
    m = TABLE_ROW_RE.match(line) if "\t" in line else None
    if m and (m.group("zh") or (m.group("en") and LATIN_RE.search(m.group("en")))):
        zh_raw, en_raw = m.group("zh"), m.group("en")
        own = None
        if en_raw and not LATIN_RE.search(en_raw):  # "美国", "2026年6月29日": a country or a date, no English name
            own = COUNTRIES.get("".join(fold(en_raw).split()))
            en_raw = None
        zh, en = split_name(zh_raw) if not en_raw else (clean_display(zh_raw), clean_display(en_raw))
        if zh and LATIN_RE.search(zh) and not CJK_RE.search(zh) and not en:
            zh, en = None, zh
        _flush(out, branches)
        out.append(make_entity(zh, en, own or country, int(m.group("n"))))
        return
    m = NUMBERED_RE.match(folded)
    if m:
        e = _numbered_entity(line, folded, m, country)
        if e is not None:
            _flush(out, branches)
            out.append(e)
        return
    d = DIGIT_NAME_RE.match(folded) if "." in folded[:5] else None
    if d is not None and int(d["n"]) == ((out[-1].n or 0) + 1 if out else 1):
        # "4.360视野技术公司（360 Vision…）": the serial the run expects, then a name opening with digits (no blank between: read
        # as a decimal, the line lost behind the count warning; session 43, audit43/12)
        at = d.start("rest")
        _read_line(out, branches, line[:at] + " " + line[at:], folded[:at] + " " + folded[at:], country, chinese_numbers)
        return
    b = BRANCH_RE.match(folded) or _sub_line(folded, out)
    if b and out:
        name = clean_display(line[b.start("name") : b.end("name")].rstrip(TRAILING_PUNCT))
        if name:
            branches.append(name)


def _numbered_entity(line: str, folded: str, m: re.Match[str], country: str | None) -> EntityRecord | None:
    """The entity of a numbered annex line (NUMBERED_RE's match ``m``: "1. ", "(1)", "①"): its name, English, aliases,
    own country and note, a person where the note says so ("，男，…") or a role follows the name; None: no name (a stray
    "29.", or words no name reads)."""
    zh: str | None  # (declared for mypyc, as above)
    en: str | None
    rest = line[m.start("rest") : m.end("rest")]
    if not rest.strip():
        return None  # stray empty "29."
    rest, frest, own_country, inline, note = trim_tail(rest, folded[m.start("rest") : m.end("rest")])
    person = None
    if not looks_like_name(rest):
        said = _alias_before_bracket(rest, frest)
        if said is None:
            person = _person_with_role(rest, frest)
            if person is None:
                return None
            rest, frest, note = person
        else:
            rest, frest, note = said[0], said[1], "，".join(filter(None, (note, said[2])))
    zh, en = split_name(rest, frest)
    zh, en, alias = aliases_out(zh, en)
    note = "，".join(filter(None, (note, alias))) or None
    cc = m.group("cc")
    number = int(m.group("n") or m.group("pn")) if cc is None else CIRCLED.index(cc) % 20 + 1
    e = make_entity(zh, en, own_country or country, number, inline, note)
    if person is not None or note and note.startswith(SEXES) and (len(note) == 1 or note[1] in ",，;；"):  # a person: "，男，…"
        e = EntityRecord(zh=e.zh, en=e.en, country=e.country, key=e.key, n=e.n, branches=e.branches,
                         type="individual", note=note, aliases=e.aliases)
    return e

# "1. 约翰·卡特（John Carter），赤杉航空技术公司首席执行官": a person of a MOFCOM order's annex ("二、高级管理人员"), a transliterated
# name (with its ·), the English in the bracket, the role after a comma (session 51, count50/47 and count51/28: the line was no
# name, the executives lost behind the count mismatch). Read as an individual, the role its note.
PERSON_ROLE_RE = lazy_compile(r"(?P<name>[^(),·]{1,12}[·・][^(),]{1,20}\([^()]*[A-Za-z][^()]*\))\s*,\s*(?P<role>[^()]{1,60}?)\s*[。.;]?\s*")


def _person_with_role(rest: str, frest: str) -> tuple[str, str, str] | None:
    """(name, folded name, role) of an annex line's rest "约翰·卡特（John Carter），…首席执行官" (PERSON_ROLE_RE), when the name
    looks like one; else None."""
    if "·" not in frest and "・" not in frest or "," not in frest:
        return None
    m = PERSON_ROLE_RE.fullmatch(frest)
    if m is None:
        return None
    name, fname = rest[: m.end("name")], frest[: m.end("name")]
    if any(w in fname[: fname.find("(")] for w in ORGANIZATION_WORDS):
        return None  # "洛克希德·马丁公司（…），…": a company's name with a dot is no person's
    role = clean_display(rest[m.start("role") : m.end("role")])
    return (name, fname, role) if role and looks_like_name(name) else None


ORGANIZATION_WORDS = ("公司", "集团", "株式会社", "机构", "中心", "大学", "学院", "研究", "协会", "基金", "银行", "实验室", "联盟",
                      "组织", "委员会", "企业", "工厂", "Inc", "LLC", "Corp")


# "4. 红杉动力系统公司，又名红杉动力公司（Redwood Power Systems, Inc.）": an alias between the Chinese name and its English
# bracket (session 26, parse26: the comma made the line no name, the entity lost with only a count warning).
ALIAS_BEFORE_BRACKET_RE = lazy_compile(rf",\s*(?P<alias>(?:{'|'.join(ZH_ALIASES)})\s*:?\s*[^,()]+?)\s*(?=\()")


def _alias_before_bracket(rest: str, frest: str) -> tuple[str, str, str] | None:
    """(name, folded name, alias phrase) of an annex line's rest with "，又名…" before its bracket cut out, when what is left
    looks like a name; else None."""
    if "," not in frest or not any(w in frest for w in ZH_ALIASES):
        return None
    m = ALIAS_BEFORE_BRACKET_RE.search(frest)
    if m is None:
        return None
    cut, fcut = rest[: m.start()] + rest[m.end() :], frest[: m.start()] + frest[m.end() :]
    alias = clean_display(rest[m.start("alias") : m.end("alias")])
    return (cut, fcut, alias) if alias and looks_like_name(cut) else None


# "1.1 雷霆防务系统（新加坡）有限公司（…）" under "1. 雷霆防务系统公司（…）及其分支机构：": a branch numbered under its parent's
# line (session 21, parse21: these lines were dropped without a word, the branches read from dashes only).
# An annex line "4.360视野技术公司（…）": a serial, its dot, then a name opening with digits and a non-digit after them.
DIGIT_NAME_RE = lazy_compile(r"^\s*(?P<n>\d{1,3})\s*[.．](?P<rest>\d{1,4}[^\d\s.．、][^\n]*)$")
SUB_NUMBERED_RE = lazy_compile(r"^\s*(?P<p>\d{1,3})\s*\.\s*\d{1,2}(?!\d)\s*[.、]?\s*(?P<name>\S.*?)\s*$")


def _sub_line(folded: str, out: list[EntityRecord]) -> re.Match[str] | None:
    """A SUB_NUMBERED_RE line whose first number is the last entity's (a branch of it), else None."""
    m = SUB_NUMBERED_RE.match(folded) if out and out[-1].n is not None else None
    return m if m and int(m.group("p")) == out[-1].n else None


def _english(en: str) -> str:
    """A plain line's English name with its spaces folded, and typed in full-width Latin letters read as ASCII ("Ａｎｖｉｌ
    Tactical Group": session 28, audit28/09)."""
    if not en.isascii() and WIDE_LATIN_RE.search(en):
        en = fold(en)
    return " ".join(en.split())


def _flush(out: list[EntityRecord], branches: list[str]) -> None:
    if out and branches:
        last = out[-1]
        out[-1] = EntityRecord(zh=last.zh, en=last.en, country=last.country, key=last.key, n=last.n,
                               branches=last.branches + tuple(branches), note=last.note,
                               aliases=last.aliases)
    branches.clear()
