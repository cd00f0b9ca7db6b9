"""Listed entities: annex lines, prose lists, the stated count and the country.

An annex line is "1. 中文名（English）" in its many variants (no space after the dot,
U+3000 indents, ASCII brackets, a space before the bracket, tab-separated table
rows, "①" numbers); "-Branch name" lines belong to the entity above; an empty "29." is
ignored. A table is read by its header row's cells (序号, 中文名称, 英文名称, 国家/地区; a
merged country cell carries down); a line "美国实体名单" or "英国：" gives the country of
the lines below; numbered annexes (附件1, 附件2) are read from the first; a name wrapped
over lines is joined; an alias, address or a person's sex and role after the name goes
to the note. A prose list is the "决定将A公司（A）、B公司（B）列入…" sentence (or the
names after the colon of "决定将以下实体列入…："). Names are sliced from the clean text
(as written) and passed through ``clean_display``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter

from storage.countries import LISTED
from storage.names import ALIAS_WORDS_ZH, INVISIBLE_RE, entity_key, other_names
from storage.records import EntityRecord

from .textnorm import INVISIBLE_CHARS, NUM, fold, to_int

ANNEX_MARK_RE = re.compile(r"\s*附\s*件?\s*(?P<n>[\d一二三四五六七八九十]+)?\s*[:：]?\s*$")  # match() it from a line start
# "①甲公司（Alpha Inc.）", "⑴…": a circled or bracketed number is one character (CIRCLED, its value from its code point).
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
NUMBERED_RE = re.compile(r"^\s*(?:\(\s*(?P<pn>\d{1,3})\s*\)|(?P<n>\d{1,3})\s*[.、．](?!\d)"
                         rf"|(?P<cc>[{CIRCLED}])\s*[.、．]?)\s*(?P<rest>(?:\S(?:.*\S)?)?)\s*$")
# "一、甲公司（Alpha Inc.）": only trusted below an annex heading (the measures use 一、 too).
CN_NUMBERED_RE = re.compile(r"^\s*(?P<cn>[一二三四五六七八九十]{1,3})\s*、\s*(?P<rest>(?:\S(?:.*\S)?)?)\s*$")
# "（一）甲公司（Alpha Inc.）", as the MFA's annexes and some MOFCOM orders number them: likewise only below an annex heading
# (session 19, mfa19: a MOFCOM order's annex so numbered gave no entity).
CN_PAREN_NUMBERED_RE = re.compile(r"^\s*\(\s*(?P<cn>[一二三四五六七八九十]{1,3})\s*\)\s*(?P<rest>(?:\S(?:.*\S)?)?)\s*$")
# A row of a table without a header row: number, name, English; a cell left empty stays a cell (blanks, not tabs,
# around each), so the next cell is not read as this one (session 18: "2<tab>名称<tab><tab>中国台湾地区").
TABLE_ROW_RE = re.compile(r"^\s*(?P<n>\d{1,3})[^\S\t]*\t[^\S\t]*(?P<zh>[^\t]*?)[^\S\t]*(?:\t[^\S\t]*(?P<en>[^\t]*?)[^\S\t]*)?(?:\t.*)?$")
# "12. 中文名（English）" and nothing else, on the folded line (see ``_plain_annex_line``).
PLAIN_ANNEX_LINE_RE = re.compile(
    r"^\s*(?P<n>[0-9]{1,3})\s*[.、．](?!\d)\s*(?P<zh>[^\s()][^()]*)\((?P<en>[^()]*)\)\s*$"
)
BRANCH_RE = re.compile(r"^\s*[-－—–•·]\s*(?P<name>\S.*?)\s*$")
LATIN_RE = re.compile(r"[A-Za-z]")
SPACED_EN_RE = re.compile(r"^(?P<zh>.*[\u4e00-\u9fff])[\s\u3000]+(?P<en>[A-Za-z][^\u4e00-\u9fff]*[A-Za-z.)])$")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
NOT_A_NAME_STARTS = ("禁止", "不批准", "对", "自", "根据", "本", "依据", "上述", "按照", "如", "在", "将", "为")
SENTENCE_PUNCT = "，。；！？"
SENTENCE_PUNCT_RE = re.compile(f"[{SENTENCE_PUNCT}]")
TRAILING_PUNCT = " ;；。，,、:："
# The countries and regions entity lists name, as they write them (storage.countries.LISTED, which screening reads
# too), and "欧洲" read as the EU in a list's heading (screening refuses it: a region, not a country).
COUNTRIES = {**LISTED, "欧洲": "EU"}
COUNTRY_NAMES = tuple(COUNTRIES)
COUNTRY_ALT = "|".join(sorted(COUNTRIES, key=len, reverse=True))
ENTITY_NOUN = r"(?:实体|企业|公司|机构|单位|组织|军工企业|个人|银行)"  # 银行: "对UAB Urbo Bankas、Mano Bankas AB等2家立陶宛银行"
# NUM with a character class first: sre then skips to the numerals (a pattern that opens with a group
# of alternatives, as NUM does, is tried in full at every character). The same matches: the first
# numeral, then at most 3 more digits after a digit, or 5 more Chinese numerals after one.
CJK_NUMERALS = "零一二三四五六七八九十百两"  # NUM's Chinese numerals (and ``\d`` its decimal ones)
NUM_SCANNED = rf"[\d{CJK_NUMERALS}](?:(?<=\d)\d{{0,3}}|(?<=[{CJK_NUMERALS}])[{CJK_NUMERALS}]{{0,5}})"
COUNT_RE = re.compile(rf"(?P<n>{NUM_SCANNED})\s*[家名]\s*(?:(?P<c>{COUNTRY_ALT})|)\s*的?\s*(?P<q>[\u4e00-\u9fff]{{0,12}}?){ENTITY_NOUN}")
COUNTRY_IN_RE = re.compile(COUNTRY_ALT)
# What every COUNT_RE match holds: the last character of NUM, then 家 or 名.
COUNT_GATE_RE = re.compile(r"[\d零一二三四五六七八九十百两]\s*[家名]")
# Prose list: "决定将…列入…" (the segment between 将 and 列入); a removal may say "将…从…名单中移出".
# "从出口管制关注名单中移除" (session 23, parse23: a watch-list removal so worded read as nothing): 移除 is 移出.
FROM_LIST_OUT = r"从[^,，。;；]{0,30}?(?:名单|清单)\s*中?\s*移[出除]"
# "决定将2025年9月25日列入出口管制管控名单的甲公司（…）移出…": a 列入 that a list's name and 的 follow says which entity (when
# it was listed), it is not the decision's verb (session 22, parse22: the day was read as the entity removed).
LISTED_IN = r"列入(?![^,，。;；:：]{0,20}?(?:名单|清单)\s*中?\s*的)"
# "决定将甲公司（…）重新列入…" (a listing again after a removal): the adverb is the verb's, not the name's (session 23, parse23:
# the name read "甲公司（…）重新", with no English). ``_prose_decision`` cuts it off the segment SEGMENT_ENDS ends.
RELISTED_IN = rf"(?:重新|再次|再度){LISTED_IN}"
AGAIN = ("重新", "再次", "再度")
PROSE_DECISION_RE = re.compile(
    rf"决定\s*将(?P<seg>[^。]+?)(?:{RELISTED_IN}|{LISTED_IN}|纳入|{FROM_LIST_OUT}|移[出除])|决定\s*对(?P<seg2>[^。]+?)采取(?:以下|相应|有关)?反制措施"
)
OBJECT_OF_DUI_RE = re.compile(
    r"(?:决定)?对\s*(?P<seg>[^,。;]{2,80}?)(?=\s*(?:涉嫌|采取|启动|进行|实施|予以|开展|的行为|处以))"
)
SUMMARY_RE = re.compile(rf"等\s*{NUM}\s*[家名]")
# "对韩华海洋株式会社的5家美国子公司采取反制措施": a count describes a group; it is no name.
COUNT_PHRASE_RE = re.compile(rf"^\s*{NUM}\s*[家名]")
# "决定将上述2家日本实体移出…": the names were given earlier in the text.
ANAPHOR_RE = re.compile(rf"^\s*(?:上述|前述|以上)\s*(?:{NUM}\s*[家名])?")
# "决定将该实体移出…", "决定将其移出…": a pronoun, the whole segment (not "其分支机构甲公司").
PRONOUN_RE = re.compile(r"\s*(?:(?:该|此)\s*(?:实体|企业|公司|机构|单位|组织)|其)\s*")
# "经哈德森技术公司（…）申请": 经 before an applicant opens an earlier name run and is no part of the name.
APPLICANT_LEAD = "经"
APPLICATION_WORD = "申请"
_NAME_CHAR = r"[^\s,，。、;；:：()（）《》]"
_BRACKETED_NAME = rf"{_NAME_CHAR}{{2,60}}?\s*\([^()]*[A-Za-z][^()]*\)"
NAME_RUN_RE = re.compile(rf"{_BRACKETED_NAME}(?:\s*(?:[、和及]|以及)\s*{_BRACKETED_NAME})*")
# Read backwards from a bracket: the spaces, then the name characters before it (at most a name's 60).
_NAME_BEFORE_RE = re.compile(rf"\s*({_NAME_CHAR}{{0,60}})")
NAME_SUFFIXES = ("公司", "集团", "联盟", "机构", "中心", "实验室", "大学", "学院", "研究所", "研究院", "协会", "基金会",
                 "论坛", "株式会社", "会社", "组织", "银行", "基金", "企业", "工厂", "厂", "局", "所", "社", "院", "会")


def _matching_open(text: str, close: int) -> int | None:
    depth = 0
    for i in range(close, -1, -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                return i
    return None


def split_name(clean: str, folded: str | None = None) -> tuple[str | None, str | None]:
    """"中文名（English）" -> (zh, en); no English -> (zh, None); Latin only -> (None, en).

    ``folded`` is ``fold(clean)`` when the caller has it already."""
    text = clean.strip().rstrip(TRAILING_PUNCT).strip()
    folded = fold(text) if folded is None or len(folded) != len(clean) else folded
    if len(text) != len(clean):
        lead = len(clean) - len(clean.lstrip())
        folded = folded[lead : lead + len(text)]
    if folded.endswith(")"):
        last = folded.rfind("(")
        start = _matching_open(folded, len(folded) - 1) if ")" in folded[last + 1 : -1] else last
        if start is not None:
            inner = text[start + 1 : -1]
            outer = text[:start]
            if LATIN_RE.search(inner) and outer.strip():
                return clean_display(outer), clean_display(inner)
    if CJK_RE.search(text):
        spaced = SPACED_EN_RE.match(text)  # "高点航空技术公司 High Point Aerotechnologies" (no brackets)
        if spaced:
            return clean_display(spaced.group("zh")), clean_display(spaced.group("en"))
        return clean_display(text), None
    return None, clean_display(text)


def clean_display(name: str | None) -> str | None:
    """``storage.names.clean_display`` (invisible characters out, every run of spaces one
    space, stripped), written with ``str.split``, which is several times cheaper."""
    if name is None:
        return None
    if name.isprintable():  # no invisible character (all are format characters), no space but " "
        return (name if " " not in name else " ".join(name.split())) or None
    return " ".join(INVISIBLE_RE.sub("", name).split()) or None


@lru_cache(maxsize=4096)
def cached_key(zh: str | None, en: str | None) -> str:
    """``entity_key`` is pure; annexes repeat names across aliases and re-parses."""
    return entity_key(zh, en)


@lru_cache(maxsize=4096)
def make_entity(zh: str | None, en: str | None, country: str | None = None, n: int | None = None,
                branches: tuple[str, ...] = (), note: str | None = None) -> EntityRecord:
    """Records are frozen, so equal arguments can share one (annexes repeat across aliases). The other names the
    note or a "d/b/a" English name gives are kept as the entity's aliases (``storage.names.other_names``)."""
    return EntityRecord(zh=zh, en=en, country=country, key=cached_key(zh, en), n=n, branches=branches, note=note,
                        aliases=other_names(en, note))


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


BRACKETED_RE = re.compile(r"（[^（）]*）|\([^()]*\)")


# A Chinese name and its English in a bracket, nothing else: a name, whatever word it opens with ("自由之桥基金会（Liberty
# Bridge Foundation）", "本田…（Honda …）"; session 19, mfa19: dropped as a clause opening like "自…起").
NAMED_WITH_ENGLISH_RE = re.compile(r"[^，。；！？()（）:：]{2,60}[(（][^()（）]*[A-Za-z][^()（）]*[)）]\s*$")


def _looks_like_name(rest: str) -> bool:
    """No sentence punctuation outside brackets, no opening like a clause ("根据…", "对…")."""
    if rest.startswith(NOT_A_NAME_STARTS) and NAMED_WITH_ENGLISH_RE.match(rest) is None:
        return False
    if SENTENCE_PUNCT_RE.search(rest):  # brackets are only stripped when it matters
        outside = rest
        while "(" in outside or "（" in outside:
            # innermost pairs first, then the ones they were in: "（Allen ＆ Baker （North America） Holdings，Inc．）"
            # is all inside (session 21, parse21: the comma in the outer pair was read as the line's own, and the
            # entity was lost)
            stripped = BRACKETED_RE.sub("", outside)
            if stripped == outside:
                break
            outside = stripped
        if SENTENCE_PUNCT_RE.search(outside):
            return False
    return 0 < len(rest) <= 200


# "技因赛斯公司（TechInsights Inc.）及其分支机构：" / "…（…），包括以下分支机构：": the name ends at the bracket.
BRANCH_TAIL_WORDS = ("及其", "包括", "含", "连同", "以及")  # one of them is in every BRANCH_TAIL_RE match
BRANCH_TAIL_RE = re.compile(r"\)\s*[,;:]?\s*(?:及其|包括|含|连同|以及)[^()]*$")
INLINE_BRANCHES_RE = re.compile(r"(?:分支机构|子公司|分公司)\s*[:：]?\s*(?P<list>[^()]*?)\s*[。;；]?\s*$")
BRANCH_SPLIT_RE = re.compile(r"[、;；]|,\s*(?=[A-Z])(?!\s*(?:Inc|Ltd|LLC|Co|Corp|GmbH|KK|S\.A|AG|Limited|L\.L\.C)\b)")
# "（瑞典）" after the English: a place (a country of COUNTRIES, or one the table lacks, kept as the note).
PLACE_TAIL_RE = re.compile(r"\)\s*\(\s*(?P<c>[\u4e00-\u9fff]{2,10})\s*\)\s*[;:。,]?\s*$")
# What an annex line may say after the name's bracket besides a branch or a place: an address ("），地址：美国…",
# "（地址：…）", "地址" on the next line is no entry) or an alias ("），亦称灰狼技术公司"); the note keeps it.
# A person's line says the sex and the role after the bracket: "约翰·斯密特（John Smit），男，甲公司首席执行官".
# The words that bring in another name of an entity: one vocabulary for these rules and the alias rules below
# (ALIAS_WORDS, which add 简称: after the bracket it is mostly "（以下简称…）", the notice's short form, no alias).
EN_ALIAS_STARTS = ("also known as", "formerly", "a.k.a", "f/k/a")  # a 备注 cell opening so gives another name
ZH_ALIASES = ALIAS_WORDS_ZH  # ("又称", "亦称", "也称", "别名", "曾用名", "原名"): storage.names, which screening shares
SEXES = ("男", "女")
AFTER_NAME_WORDS = ("地址", "住所", *ZH_ALIASES, *SEXES)
AFTER_NAME_RE = re.compile(rf"\)\s*[,;]?\s*\(?\s*(?P<what>(?:注册|办公|总部)?(?:地址|住所)\s*:|(?:{'|'.join(ZH_ALIASES)})"
                           r"|[男女]\s*(?:[,;]|$)).*$")
Tail = tuple[str, str, str | None, tuple[str, ...], str | None]


def _trim_tail(rest: str, frest: str) -> Tail:
    """Cut a branch clause or a trailing "（日本）" off an annex name: (name, folded name,
    country, branches named inline: "…，包括其分支机构：A、B", note). The note keeps what the
    name leaves out and nothing else records: "及其子公司" that names no branch (a clause ending
    in ":" announces branch lines), a place the country table lacks."""
    if ")" not in frest:
        return rest, frest, None, (), None
    if any(w in frest for w in AFTER_NAME_WORDS):  # "），地址：…", "（地址：…）", "），亦称…"
        after = AFTER_NAME_RE.search(frest)
        if after is not None:
            cut = after.start() + 1
            return rest[:cut], frest[:cut], None, (), clean_display(rest[after.start("what") :].rstrip(TRAILING_PUNCT + ")）"))
    # The literals first: a branch tail says 及其/包括/含/连同/以及, a country tail is a second bracket.
    tail = BRANCH_TAIL_RE.search(frest) if any(w in frest for w in BRANCH_TAIL_WORDS) else None
    if tail:
        cut = tail.start() + 1
        inline = INLINE_BRANCHES_RE.search(frest, cut)
        branches: tuple[str, ...] = ()
        if inline and inline.group("list").strip():
            seg = rest[inline.start("list") : inline.end("list")]
            branches = tuple(b for b in (clean_display(x.strip(TRAILING_PUNCT)) for x in BRANCH_SPLIT_RE.split(seg)) if b)
        clause = frest[cut:].rstrip()
        note = None if branches or clause.endswith(":") else clean_display(rest[cut:].strip(TRAILING_PUNCT))
        return rest[:cut], frest[:cut], None, branches, note
    rest, frest, code, note = place_tail(rest, frest)
    return rest, frest, code, (), note


def place_tail(rest: str, frest: str) -> tuple[str, str, str | None, str | None]:
    """A trailing "（瑞典）" after the English cut off a name: (name, folded name, country code, note: a
    place the country table lacks)."""
    tail = PLACE_TAIL_RE.search(frest) if frest.find("(", frest.find(")")) >= 0 else None
    if tail is None:
        return rest, frest, None, None
    cut = tail.start() + 1
    code = COUNTRIES.get(tail.group("c"))
    return rest[:cut], frest[:cut], code, None if code else tail.group("c")


def _plain_annex_line(line: str, folded: str) -> tuple[str | None, str | None, int] | None:
    """(zh, en, n) of the common annex line "12. 中文名（English）" (one bracket pair, nothing
    after it), read with one regex: what NUMBERED_RE, ``_trim_tail`` (no tail after the only
    bracket), ``_looks_like_name`` and ``split_name`` give for it. None for any other line,
    which the general reading then takes."""
    m = PLAIN_ANNEX_LINE_RE.match(folded)
    if m is None or any(w in folded for w in ALIAS_WORDS):  # an alias in the bracket: the general reading
        return None
    inner = line[m.start("en") : m.end("en")]
    if not LATIN_RE.search(inner) or not _looks_like_name(line[m.start("zh") : m.end("en") + 1]):
        return None
    return clean_display(line[m.start("zh") : m.start("en") - 1]), clean_display(inner), int(m.group("n"))


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
NAME_MAX = 200  # ``_looks_like_name``: a longer "name" is prose
# "一、美国实体" / "二、英国企业（2家）:" below an annex heading: a group's heading (the numbers restart
# under it), no entity; its country is the country of the lines that follow.
# (the persons' heading of an order's annex, "二、高级管理人员", too: session 19, mfa19, it was read as an entity)
GROUP_HEADING_RE = re.compile(
    rf"^[^\S\n]*[一二三四五六七八九十]{{1,3}}[^\S\n]*、[^\S\n]*(?=\S)(?P<c>{COUNTRY_ALT})?的?"
    rf"(?:{ENTITY_NOUN}|高级管理人员|管理人员|人员|高管)?"
    rf"(?:名单|清单)?[^\S\n]*(?:[(（][^\S\n]*{NUM}[^\S\n]*[家名][^\S\n]*[)）])?[^\S\n]*[:：]?[^\S\n]*$"
)


# "美国实体名单", "英国：", "附件2：加拿大实体" alone on a line of an annex: the country of the lines below it.
_HEADING_FIRSTS = "".join(sorted({name[0] for name in COUNTRIES} | {"附"}))  # what such a line opens with
COUNTRY_HEADING_RE = re.compile(
    rf"\n(?=[^\S\n]*[{_HEADING_FIRSTS}])[^\S\n]*(?:附件[^\S\n]*[0-9一二三四五六七八九十]{{0,2}}[^\S\n]*[:：]?[^\S\n]*)?(?P<c>{COUNTRY_ALT})的?"
    rf"(?:实体|企业|机构|单位|组织)?(?:名单|清单)?[^\S\n]*(?:[(（][^()（）\n]{{0,12}}[)）])?[^\S\n]*[:：]?[^\S\n]*(?=\n|$)"
)
# A table's header row ("序号<tab>中文名称<tab>英文名称<tab>国家/地区"), its cells without spaces, folded: which cell
# holds which part of an entry. Without it an empty English cell would take the country in, and a 备注 or 列入时间
# column would be read as the English name.
SERIAL_HEADS = frozenset(("序号", "编号", "No.", "NO.", "No"))
ZH_HEADS = frozenset(("中文名称", "中文名", "中文", "名称", "实体名称", "企业名称", "单位名称", "机构名称", "组织名称",
                      "实体", "企业", "名称(中文)", "中文名称(英文名称)", "名称(中英文)"))
EN_HEADS = frozenset(("英文名称", "英文名", "英文", "外文名称", "外文名", "名称(英文)"))
COUNTRY_HEADS = frozenset(("国家/地区", "国家(地区)", "国家或地区", "国家和地区", "国家", "国别", "地区", "所属国家",
                           "所属国家/地区", "所属国家(地区)", "国家/区域"))


@dataclass(frozen=True)
class TableHead:
    """The cells of a table's rows: the name's (Chinese, or both names), the English name's and the country's."""

    name: int
    en: int | None
    country: int | None
    width: int


def table_head(line: str) -> TableHead | None:
    """The header row ``line`` names (a serial cell first, a name cell), else None."""
    cells = ["".join(fold(cell).split()) for cell in line.split("\t")]
    if len(cells) < 2 or cells[0] not in SERIAL_HEADS:
        return None
    name = _cell_of(cells, ZH_HEADS)
    if name is None:
        return None
    return TableHead(name, _cell_of(cells, EN_HEADS), _cell_of(cells, COUNTRY_HEADS), len(cells))


def _cell_of(cells: list[str], heads: frozenset[str]) -> int | None:
    """The first cell whose header is one of ``heads``."""
    return next((i for i, cell in enumerate(cells) if cell in heads), None)


Context = tuple[TableHead | None, str | None]  # a found line's table header, and the country a heading above gave


def _contexts(block: list[str], found: list[tuple[str, str, str, str]], text: str) -> list[Context] | None:
    """For each found line, the table header above it and the country of the heading above it ("美国实体名单",
    "英国："); None when the block has neither (most annexes: one search each, no walk)."""
    tables = "\t" in text and ("序号" in text or "编号" in text or "No" in text)  # SERIAL_HEADS
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
        elif (m := COUNTRY_HEADING_RE.match("\n" + line)) is not None:
            heading = COUNTRIES[m.group("c")]
    out.extend((None, heading) for _ in range(len(found) - len(out)))
    return out


def _table_row(out: list[EntityRecord], line: str, head: TableHead, carried: str | None,
               country: str | None) -> str | None:
    """One table row read by its header's cells; returns the country a merged cell carries to the rows below
    (rowspan: a row one cell short lacks the country's)."""
    cells = [cell.strip(" \u3000") for cell in line.split("\t")]
    own: str | None = None
    if head.country is not None:
        if len(cells) >= head.width:
            cell = "".join(fold(cells[head.country]).split())
            own = COUNTRIES.get(cell) or COUNTRIES.get(cell.removeprefix("中国"))
            carried = own
        else:
            if len(cells) == head.width - 1:
                cells.insert(head.country, "")
            own = carried
    name = cells[head.name] if head.name < len(cells) else ""
    zh, en = split_name(name) if name else (None, None)
    if zh and not en and LATIN_RE.search(zh) and not CJK_RE.search(zh):
        zh, en = None, zh
    if head.en is not None:
        en = clean_display(cells[head.en]) if head.en < len(cells) and cells[head.en] else en
    if zh or en:
        number = fold(cells[0]).strip()
        zh, en, note = _aliases_out(zh, en)
        # a 备注 cell giving another name ("又称Falcon EO"): the note keeps it, as after a name's bracket
        remarks = [cells[i] for i in range(1, len(cells)) if i not in (head.name, head.en, head.country)
                   and (cells[i].startswith(ZH_ALIASES) or cells[i].casefold().startswith(EN_ALIAS_STARTS))]
        note = "，".join(filter(None, (note, *map(clean_display, remarks)))) or None
        out.append(make_entity(zh, en, own or country, int(number) if number.isdigit() else None, (), note))
    return carried


OPENING, CLOSING = "(（", ")）"
WRAP_LINES_MAX = 3  # a name wraps over at most this many more lines (and as many blank ones)
OPEN_AT_LINE_END_RE = re.compile(r"[(（][^)）\n]*\n")  # a bracket the line leaves open


def _unwrapped(block: list[str]) -> list[str]:
    """``block`` with each line whose bracket is left open joined to the lines that close it ("2. 甲公司（Alpha
    Holdings," + "Inc.）"): a name that a narrow page or a PDF copy wrapped. A space joins two Latin ends."""
    out: list[str] = []
    i = 0
    while i < len(block):
        line = block[i]
        depth = sum(map(line.count, OPENING)) - sum(map(line.count, CLOSING))
        j = i + 1
        while depth > 0 and j < len(block) and j - i <= 2 * WRAP_LINES_MAX:  # a page's blank lines between
            nxt = block[j].strip(" \u3000")
            if not nxt:
                j += 1
                continue
            kept = line.rstrip(" \u3000")
            glue = " " if nxt[:1].isascii() and (kept[-1:].isascii() or kept != line) else ""
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


# An alias written with the name: "（Sequoia Dynamics Inc.，又称Sequoia Dynamic Systems）", "（…, also known as …）",
# "（别名：黑岩防务公司）" after the Chinese name. An alias is no part of the name: the note keeps it.
ZH_ALIAS_WORDS = (*ZH_ALIASES, "简称")
# "formerly": ", formerly Blue Sky Aerospace Electronics Corp." and "(formerly Outpost Aero Group LLC)" inside the English
# bracket give the former name (session 22, parse22: both stayed in the English name and its key).
ALIAS_WORDS = (*ZH_ALIAS_WORDS, "known as", "a.k.a", "f/k/a", "formerly")
ALIAS_IN_RE = re.compile(rf"\s*[,，;；]?\s*(?P<open>[(（]\s*)?(?P<alias>(?:{'|'.join(ZH_ALIAS_WORDS)}|also known as|formerly known as"
                         r"|a\.k\.a\.?|f/k/a|(?<![A-Za-z])formerly(?![A-Za-z]))\s*[:：]?.*)$")
ALIAS_BRACKET_RE = re.compile(rf"\s*[(（]\s*(?P<alias>(?:{'|'.join(ZH_ALIAS_WORDS)})[^()（）]*)[)）]")


def _aliases_out(zh: str | None, en: str | None) -> tuple[str | None, str | None, str | None]:
    """(zh, en, note): an alias in the English name's bracket or in a bracket after the Chinese one, cut off."""
    notes = []
    if en and any(w in en for w in ALIAS_WORDS):
        m = ALIAS_IN_RE.search(en)
        if m and m.start() > 0:
            alias = m.group("alias")
            if m.group("open") and alias.endswith((")", "）")):  # "X LLC (formerly Y LLC)": the bracket closes the alias
                alias = alias[:-1].rstrip()
            notes.append(alias)
            en = clean_display(en[: m.start()].rstrip(" ,，;；"))
    if zh and any(w in zh for w in ALIAS_WORDS):
        m = ALIAS_BRACKET_RE.search(zh)
        if m and m.start() > 0:
            notes.append(m.group("alias"))
            zh = clean_display(zh[: m.start()] + zh[m.end() :])
    return zh, en, "，".join(notes) or None


def annex_entities(lines: list[str], start: int = 0, country: str | None = None,
                   chinese_numbers: bool = False, clean: bool = False) -> list[EntityRecord]:
    """Numbered entity lines (and their branch lines) from ``lines[start:]``;
    ``chinese_numbers`` also accepts "一、名称" lines (below an annex heading only);
    ``clean``: the lines are of a ``textnorm.clean`` text, so they hold no invisible character.
    A Chinese name with no English whose English stands alone on the next line is read with it
    (``_english_joined``, only asked when a name without English is read)."""
    block = _entity_annexes(lines[start:])
    out = _annex_block(block, country, chinese_numbers, clean)
    if None in map(ENGLISH, out) and any(e.en is None and e.zh for e in out):
        joined = _english_joined(block)
        if joined is not None:
            return _annex_block(joined, country, chinese_numbers, clean)
    return out


# "1. 北风导航公司" and, on the next line (a <p> of its own), "Northwind Navigation, Inc.": the English name of the
# line before, no bracket around it (session 23, parse23: every English name of such an annex was lost, so no entity
# could be found by it). The next line is Latin only, no colon ("Address: …" is no name), at most one blank line between.
ENGLISH_ALONE_RE = re.compile(r"^\s*[A-Za-z][^:：\u3000-\u9fff\uff01-\uff5e]*$")


def _english_joined(block: list[str]) -> list[str] | None:
    """``block`` with each English name alone on a line put in brackets after the numbered Chinese name above it
    (a name with no bracket and no Latin letter), or None when there is none."""
    out: list[str] = []
    joined = False
    i = 0
    while i < len(block):
        line = block[i]
        nxt = i + 1
        if nxt < len(block) and not block[nxt].strip():
            nxt += 1
        folded = fold(line)
        if (nxt < len(block) and ENGLISH_ALONE_RE.match(block[nxt]) and NUMBERED_RE.match(folded)
                and CJK_RE.search(folded) and "(" not in folded and not LATIN_RE.search(folded)):
            out.append(f"{line.rstrip()}（{block[nxt].strip()}）")
            joined = True
            i = nxt + 1
            continue
        out.append(line)
        i += 1
    return out if joined else None


def _annex_block(block: list[str], country: str | None, chinese_numbers: bool, clean: bool) -> list[EntityRecord]:
    """``annex_entities`` of the annex lines ``block``."""
    text = "\n" + "\n".join(block)
    found = ANNEX_LINE_RES[chinese_numbers].findall(text)
    # A plain line closes its bracket; another may leave one open, a name wrapped onto the next line.
    if any(not zh and OPEN_AT_LINE_END_RE.search(line + "\n") for line, _, zh, _ in found):
        block = _unwrapped(block)
        text = "\n" + "\n".join(block)
        found = ANNEX_LINE_RES[chinese_numbers].findall(text)
    if not found:
        return []
    contexts = _contexts(block, found, text)
    if contexts is not None:
        return _branch_words_out(_annex_with_contexts(found, contexts, country, chinese_numbers))
    visible = clean or not any(ch in text for ch in INVISIBLE_CHARS)  # then a name needs only its spaces
    if visible:  # "（Alpha Inc., also known as …）": each line read in full (only a plain line's English can hold one)
        english = "\n".join(map(itemgetter(3), found))
        visible = not any(w in english for w in ALIAS_WORDS)
    plain = 0
    if visible:
        chinese = list(map(itemgetter(2), found))  # "" for the other lines
        plain = chinese.index("") if "" in chinese else len(found)
        # a plain line is longer than its two names and 2 (the lines between, mostly empty, need no look)
        if plain and max(map(len, map(itemgetter(0), found[:plain]))) > NAME_MAX:
            plain = 0
    # ``clean_display`` of both names (the English holds a Latin letter: never empty; the Chinese opens with
    # no space; "  " in a wide string costs a conversion, " " does not)
    out = [make_entity(zh if " " not in zh and zh.isprintable() else " ".join(zh.split()),
                       en.strip(" ") if en.isprintable() and "  " not in en else " ".join(en.split()),
                       country, int(n), ()) for _, n, zh, en in found[:plain]]
    branches: list[str] = []
    for line, n, zh, en in found[plain:]:
        if zh and visible and len(zh) + len(en) < NAME_MAX - 1:  # the plain line, one bracket between the names
            _flush(out, branches)
            zh = zh if " " not in zh and zh.isprintable() else " ".join(zh.split())
            en = en.strip(" ") if en.isprintable() and "  " not in en else " ".join(en.split())
            out.append(make_entity(zh, en, country, int(n), ()))
        elif chinese_numbers and (heading := GROUP_HEADING_RE.match(line)) is not None:
            country = COUNTRIES.get(heading.group("c") or "", country)  # the group's country, from here on
        else:
            _read_line(out, branches, line, fold(line), country, chinese_numbers)
    _flush(out, branches)
    return _branch_words_out(out)


# "1. 星链防务服务公司及其分支机构（Starlane Defense Services, Inc. and its branches）": the words for the branches are no
# part of the name (session 21, parse21: both names kept them, and the key with them matched no later notice's "X Inc.").
ZH_BRANCH_WORDS_RE = re.compile(r"^(?P<name>.+?)\s*(?P<words>及其(?:分支机构|子公司|分公司|附属机构|下属机构))$")
EN_BRANCH_WORDS_RE = re.compile(r"^(?P<name>.+?)\s*,?\s+and\s+its\s+(?:branches|subsidiaries|affiliates|branch\s+offices)$",
                                re.IGNORECASE)


def _branch_words_out(found: list[EntityRecord]) -> list[EntityRecord]:
    """The entities, each name without the branch words it ends with (ZH_BRANCH_WORDS_RE), kept in the note."""
    if not any(e.zh and "及其" in e.zh for e in found):
        return found
    out = []
    for e in found:
        m = ZH_BRANCH_WORDS_RE.match(e.zh) if e.zh and "及其" in e.zh else None
        if m is None:
            out.append(e)
            continue
        en = EN_BRANCH_WORDS_RE.match(e.en) if e.en else None
        note = "，".join(filter(None, (m.group("words"), e.note)))
        out.append(make_entity(m.group("name"), en.group("name") if en else e.en, e.country, e.n, e.branches, note))
    return out


# "附件2" / "附件2：相关两用物项清单": a later annex's heading, its title on the line or the next one.
LATER_ANNEX_RE = re.compile(r"\s*附\s*件\s*[\d一二三四五六七八九十]+\s*[:：]?\s*(?P<title>.*)$")
# A title that lists goods, not entities ("相关两用物项清单", "管制物项目录"): its numbered lines are items.
ITEMS_TITLE_RE = re.compile(r"物项|物品|商品|货物|产品|技术")
ENTITIES_TITLE_RE = re.compile(r"名单|实体|企业|单位|机构|人员|公司")


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
    if not FOOTNOTE_END_CHARS.isdisjoint(map(LAST_CHAR, block)):
        block = [FOOTNOTE_MARK_RE.sub("", line) for line in block]
        joined = "\n".join(block)
    block = _ideographic_table(block) if "\u3000" in joined else block
    return _continued_rows(block) if "\t" in joined else block


# A table row cut by a page break: the names run on into the next row, whose serial cell is empty ("1<tab>北极星量子<tab>
# Polaris Quantum<tab>美国" then "<tab>计算公司<tab>Computing, Inc."; the page's lines lose the empty cell's tab). Session 24,
# parse24: read as "北极星量子" / "Polaris Quantum" and the rest dropped.
SERIAL_ROW_RE = re.compile(r"\s*\d{1,3}\s*\t")


def _continued_rows(block: list[str]) -> list[str]:
    """``block`` with each tab row that has no serial number, right under a numbered row with more cells (a blank line
    between at most), joined to it cell by cell (a space between two Latin ends); a header row repeated under a page
    break is no such row."""
    out: list[str] = []
    for line in block:
        row = len(out) - 2 if out and not out[-1].strip() else len(out) - 1  # rows with a blank line between
        if row >= 0 and "\t" in line and not SERIAL_ROW_RE.match(line) and SERIAL_ROW_RE.match(out[row]) \
                and table_head(line) is None:
            cells, more = out[row].split("\t"), line.split("\t")
            if len(more) < len(cells):
                for k, cell in enumerate(map(str.strip, more), 1):
                    if cell:
                        kept = cells[k].rstrip()
                        cells[k] = kept + (" " if kept[-1:].isascii() and kept and cell[:1].isascii() else "") + cell
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
CELL_GAP_RE = re.compile(r"[ \t]*\u3000[\u3000 \t]*")
IDEO_ROW_RE = re.compile(r"^\s*\d{1,3}[ \t]*\u3000")


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
FOOTNOTE_MARK_RE = re.compile(rf"(?<=[）)])\s*(?:[{CIRCLED[:20]}]|\[\d{{1,2}}\]|［\d{{1,2}}］|\*{{1,3}}|注\d{{1,2}})\s*$")
FOOTNOTE_ENDS = (*CIRCLED[:20], "]", "］", "*", *"0123456789")
FOOTNOTE_END_CHARS = frozenset(FOOTNOTE_ENDS)  # each one character: a line's last one is looked up, not 32 suffixes tried
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
    first = folded.lstrip()[:1]
    if first in "一二三四五六七八九十" or (first == "(" and chinese_numbers and CN_PAREN_NUMBERED_RE.match(folded)):
        c = (CN_NUMBERED_RE.match(folded) or CN_PAREN_NUMBERED_RE.match(folded)) if chinese_numbers else None
        if c and c.group("rest").strip() and _looks_like_name(line[c.start("rest") : c.end("rest")]):
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
        rest = line[m.start("rest") : m.end("rest")]
        if not rest.strip():
            return  # stray empty "29."
        rest, frest, own_country, inline, note = _trim_tail(rest, folded[m.start("rest") : m.end("rest")])
        if not _looks_like_name(rest):
            return
        _flush(out, branches)
        zh, en = split_name(rest, frest)
        zh, en, alias = _aliases_out(zh, en)
        note = "，".join(filter(None, (note, alias))) or None
        cc = m.group("cc")
        number = int(m.group("n") or m.group("pn")) if cc is None else CIRCLED.index(cc) % 20 + 1
        e = make_entity(zh, en, own_country or country, number, inline, note)
        if note and note.startswith(SEXES) and (len(note) == 1 or note[1] in ",，;；"):  # a person: "，男，…"
            e = EntityRecord(zh=e.zh, en=e.en, country=e.country, key=e.key, n=e.n, branches=e.branches,
                             type="individual", note=note, aliases=e.aliases)
        out.append(e)
        return
    b = BRANCH_RE.match(folded) or _sub_line(folded, out)
    if b and out:
        name = clean_display(line[b.start("name") : b.end("name")].rstrip(TRAILING_PUNCT))
        if name:
            branches.append(name)


# "1.1 雷霆防务系统（新加坡）有限公司（…）" under "1. 雷霆防务系统公司（…）及其分支机构：": a branch numbered under its parent's
# line (session 21, parse21: these lines were dropped without a word, the branches read from dashes only).
SUB_NUMBERED_RE = re.compile(r"^\s*(?P<p>\d{1,3})\s*\.\s*\d{1,2}(?!\d)\s*[.、]?\s*(?P<name>\S.*?)\s*$")


def _sub_line(folded: str, out: list[EntityRecord]) -> re.Match[str] | None:
    """A SUB_NUMBERED_RE line whose first number is the last entity's (a branch of it), else None."""
    m = SUB_NUMBERED_RE.match(folded) if out and out[-1].n is not None else None
    return m if m and int(m.group("p")) == out[-1].n else None


def _flush(out: list[EntityRecord], branches: list[str]) -> None:
    if out and branches:
        last = out[-1]
        out[-1] = EntityRecord(zh=last.zh, en=last.en, country=last.country, key=last.key, n=last.n,
                               branches=last.branches + tuple(branches), note=last.note,
                               aliases=last.aliases)
    branches.clear()


PROSE_SPLIT_RE = re.compile(r"[()、,和及]|以及")  # what split_prose_items stops at
Item = tuple[str, str]  # a name as written and its folded copy (``fold`` keeps every character's place)


def split_prose_items(seg: str) -> list[str]:
    """Split "A（a）、B（b）和C（c）" at depth-0 "、" (and ",", 和, 及, 以及 right after a bracket)."""
    return [item for item, _ in _prose_items(seg, fold(seg))]


# Brackets that open and close in turn, none inside another, none left open or closed alone: then
# the depth count is 1 inside a pair and 0 outside, and a cut is one match of PROSE_CUT_RE (a "、"
# followed by no ")" before the next "(", or 和/及/以及/"," right after a ")").
SIMPLE_PAIRS_RE = re.compile(r"(?:[^()]++|\([^()]*+\))*+")
# (Every branch opens with its literal and looks back after it, so the scan skips to the next such character.)
PROSE_CUT_RE = re.compile(r"(?:、|以及(?<=\)以及)|,(?<=\),)|和(?<=\)和)|及(?<=\)及))(?=[^()]*+(?:\(|$))")


def _prose_items(seg: str, folded: str) -> list[Item]:
    """``split_prose_items`` with each item's folded copy, sliced from ``folded`` (``fold(seg)``)."""
    spans, start = [], 0
    for cut, end in _prose_cuts(folded):
        spans.append((start, cut))
        start = end
    spans.append((start, len(seg)))
    # strip() cuts both copies alike: fold maps no visible character to a space or back
    items = ((seg[s:e].strip(), folded[s:e].strip()) for s, e in spans)
    return [item for item in items if item[0]]


def _prose_cuts(folded: str) -> list[tuple[int, int]]:
    """Spans of the separators ``_prose_items`` cuts at: depth-0 "、" (and ",", 和, 及, 以及 right after a bracket)."""
    if SIMPLE_PAIRS_RE.fullmatch(folded):  # only the cuts need a visit
        return [m.span() for m in PROSE_CUT_RE.finditer(folded)]
    cuts, depth = [], 0
    for m in PROSE_SPLIT_RE.finditer(folded):
        ch, i = m.group(), m.start()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == "、" or (i > 0 and folded[i - 1] == ")")):
            cuts.append((i, i + len(ch)))
    return cuts


def _complete_name(folded: str) -> bool:
    return folded.endswith(")") or bool(LATIN_RE.search(folded)) or folded.endswith(NAME_SUFFIXES)


def _merge_fragments(items: list[Item]) -> list[Item]:
    """"波音防务、空间与安全集团（Boeing Defense, Space & Security）" is one name: an item
    that neither has a bracket nor ends like an organisation joins the next one."""
    out: list[Item] = []
    pending, fpending = "", ""
    for i, (item, fitem) in enumerate(items):
        item, fitem = pending + item, fpending + fitem
        if not _complete_name(fitem) and i < len(items) - 1:
            pending, fpending = item + "、", fitem + "、"
            continue
        pending, fpending = "", ""
        out.append((item, fitem))
    return out


def _strip_qualifier(seg: str, folded: str) -> Item:
    """"参与对台湾地区军售、…的海岸间电子公司（…）、…" -> "海岸间电子公司（…）、…": the
    qualifier ends at the last "的" before the first bracket (or the first "、"), or after the words that
    name the notice listing the entity ("商务部公告2026年第66号所列中国台湾地区实体长风船舶…（…）", LISTED_BY_RE)."""
    ends = [i for i in (folded.find("("), folded.find("、")) if i >= 0]
    limit = folded.find("(") if folded.find("(") >= 0 else (min(ends) if ends else len(folded))
    cut = folded.rfind("的", 0, limit)
    kind = KIND_PREFIX_RE.match(folded, cut + 1, limit) if cut >= 0 else None  # "…的台湾地区企业雷霆防务…（…）"
    cut = kind.end() - 1 if kind is not None else cut
    if "所列" in folded:
        for m in LISTED_BY_RE.finditer(folded, 0, limit):
            cut = max(cut, m.end() - 1)
        for m in NOTICE_LISTED_RE.finditer(folded, 0, limit):
            cut = max(cut, m.end() - 1)
    return (seg[cut + 1 :], folded[cut + 1 :]) if cut >= 0 else (seg, folded)


# "…第66号所列中国台湾地区实体", "…所列的美国企业": the words before a name that say which notice listed it (session 21,
# parse21: a removal's name was read with them, and without the region they give).
# "…第21号所列16家美国实体" (all of them, a removal of the whole notice's): the words hold a count, and no name follows
# (session 23, parse23: the words were read as an entity removed).
LISTED_BY_RE = re.compile(rf"所列(?:的)?\s*(?:(?:全部|部分)\s*)?(?:{NUM_SCANNED}\s*[家名]\s*)?(?P<c>{COUNTRY_ALT})?\s*(?:实体|企业|公司|机构)\s*")


# "…第21号所列高点航空技术公司（…）": the words name the listing notice and no noun follows them (session 23, parse23: the
# name kept "商务部公告2025年第21号所列").
NOTICE_LISTED_RE = re.compile(r"号\s*所列(?:的)?\s*")


# "决定将…的台湾地区企业雷霆防务科技股份有限公司（…）、…": the country or region and a noun before the first name (session
# 24, parse24: the name kept "台湾地区企业", and no name had a country).
# Only after a qualifier's 的 ("美国企业研究所" is a name).
KIND_PREFIX_RE = re.compile(rf"\s*(?:中国)?(?P<c>{COUNTRY_ALT})\s*(?:企业|实体)\s*(?=[^\s(、,])")
KIND_TAIL_RE = re.compile(rf"的\s*(?:中国)?(?P<c>{COUNTRY_ALT})\s*(?:企业|实体)\s*$")  # the same ending a qualifier
KIND_NOUNS = frozenset(("企业", "实体"))


def listed_by_country(folded: str) -> str | None:
    """The country or region the words naming the listing notice give ("…所列中国台湾地区实体" -> TW), or the words before
    the first name ("…的台湾地区企业", KIND_TAIL_RE: where the qualifier ends with them), else None."""
    m = LISTED_BY_RE.search(folded) if "所列" in folded else None
    if m is None and folded[-2:] in KIND_NOUNS:
        m = KIND_TAIL_RE.search(folded)
    return COUNTRIES[m.group("c")] if m and m.group("c") else None


ENGLISH, COUNTRY, KEY = attrgetter("en"), attrgetter("country"), attrgetter("key")


def distinct(entities: list[EntityRecord]) -> list[EntityRecord]:
    """The entities, each key once (the first): an annex that names one entity twice lists it once, so that the
    stated count is checked against the entities there are (session 18: a doubled line hid a missing one)."""
    keys = list(map(KEY, entities))
    if len(set(keys)) == len(keys):
        return entities
    seen: set[str] = set()
    out = []
    for e, k in zip(entities, keys):
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


def completed(entities: list[EntityRecord], folded: str, clean: str, country: str | None) -> list[EntityRecord]:
    """The entities, in one pass: one named without English ("对因美纳公司采取…") takes the English the text
    gives elsewhere for the same Chinese name ("因美纳公司（Illumina, Inc.）"); each takes the stated
    ``country``, or without one, the country its name opens with ("美国PVH集团")."""
    if country is not None and all(map(ENGLISH, entities)) and None not in map(COUNTRY, entities):
        return entities  # each has its English and a country (an annex read with the stated one): nothing to do
    out = []
    for e in entities:
        zh, en, own = e.zh, e.en, e.country
        if zh and not en:
            m = _english_after(folded, fold(zh))
            if m:
                en = clean_display(clean[m.start(1) : m.end(1)])
                e = EntityRecord(zh=zh, en=en, country=own, key=entity_key(zh, en), n=e.n, branches=e.branches,
                                 note=e.note, aliases=other_names(en, e.note))
        c = own or country
        if c is None and country is None and zh and zh.startswith(COUNTRY_NAMES):
            for name, code in COUNTRIES.items():  # "美国PVH集团": a country, then a Latin brand
                if zh.startswith(name) and len(zh) > len(name) + 1 and zh[len(name)].isascii():
                    c = code
                    break
        out.append(e if c == own else make_entity(zh, en, c, e.n, e.branches, e.note))
    return out


ENGLISH_IN_BRACKETS_RE = re.compile(r"\s*\(([^()]*[A-Za-z][^()]*)\)")


def _english_after(folded: str, name: str) -> re.Match[str] | None:
    """The English in brackets right after the first ``name`` that has one: what
    ``re.search(re.escape(name) + ENGLISH_IN_BRACKETS_RE.pattern)`` finds, without
    compiling a pattern for every name."""
    pos = folded.find(name) if name else -1
    while pos >= 0:
        m = ENGLISH_IN_BRACKETS_RE.match(folded, pos + len(name))
        if m:
            return m
        pos = folded.find(name, pos + 1)
    return None


# The usual prose list as written, "A公司（A Inc.）、B公司（B Corp.）和C公司（C LLC）": each item a name (no bracket,
# no "、", no count "5家…" opening it) and its English (a Latin letter, no bracket) in one bracket pair; the items
# joined by "、" (spaces around it) or by 以及/和/及/"," right after the bracket. Read on the text as written (fold
# turns only "（），" into "()," here), it gives what the general reading gives: the cuts ``_prose_items`` makes,
# items that each end with their bracket (``_merge_fragments`` joins none), none skipped as a count, and for each
# what ``split_name`` reads (the name before the bracket, the English in it; both through ``clean_display``).
# Possessive: no item is read twice. Each findall match is an item, (name, English, ""), or the rest of the
# text from where no item starts, ("", "", rest): a list of the usual shape gives only items.
PROSE_LIST_RE = re.compile(
    rf"\s*+(?!\s*{NUM}\s*[家名])([^\s()（）、][^()（）、]*+)[(（]([^()（）A-Za-z]*+[A-Za-z][^()（）]*+)[)）]"
    r"(?:\s*+、|以及|和|及|[,，]|\s*+\Z)|([\s\S]+)"
)
# "（见附件）" closing a segment: a pointer to the annex, no name (session 23, parse23: read as an entity "（见附件）").
# "（名单见附件）" (the UEL form) too (session 24, parse24: "…台湾地区企业（名单见附件）" with no count was read as an entity).
ANNEX_NOTE_RE = re.compile(r"\s*\(\s*(?:名单)?\s*(?:详?见)?\s*附件\s*\d*\s*\)\s*$")
# What such a segment ends with when it names a kind, not an entity ("…参与美国对台军售的台湾地区企业（名单见附件）", "下列美国
# 实体（见附件）"): the names are the annex's, none is read here.
ANNEX_KIND_RE = re.compile(r"(?:地区|国|的|下列|以下|相关|有关)\s*(?:实体|企业|机构|单位|组织)\s*$")
PROSE_OTHER = itemgetter(2)  # the rest of the text from where no item starts


def prose_entities(seg: str, country: str | None = None, folded: str | None = None) -> list[EntityRecord]:
    """Entities written inline in a decision sentence ("A（a）、B（b）等2家…" too); [] for a summary of an annex ("高点航空技术公司
    等16家", "…的台湾地区企业（名单见附件）"). ``folded`` is ``fold(seg)`` when the caller has it (a slice of the folded text).
    The usual list is read by one pattern (PROSE_LIST_RE), any other by cutting it into items and reading each."""
    folded = fold(seg) if folded is None else folded
    if folded.endswith(")") and "附件" in folded[-8:] and (pointer := ANNEX_NOTE_RE.search(folded)) is not None:
        seg, folded = seg[: pointer.start()], folded[: pointer.start()]  # "…所列2家美国实体（见附件）": the names are the annex's
        if ")" not in folded and ANNEX_KIND_RE.search(folded) is not None:
            return []
    groups = _count_groups(seg, folded) if "家" in folded else None
    if groups:
        return [e for g, fg, c in groups for e in prose_entities(g, c or country, fg)]
    summary = SUMMARY_RE.search(folded)
    if summary:
        seg, folded = seg[: summary.start()], folded[: summary.start()]
    stripped, fstripped = _strip_qualifier(seg, folded)
    qualifier = folded[: len(folded) - len(fstripped)]
    located = "位于" in folded  # (one look for every name of the list: LOCATED_RE); the first name's qualifier:
    country = country or listed_by_country(qualifier) or (located_country(qualifier) if located else None)
    seg, folded = stripped, fstripped
    if "、" not in folded and ")" not in folded and COUNT_PHRASE_RE.match(folded):
        return []  # one item, "20家日本实体": a count, no name (no "、" or ")" to cut at)
    names = PROSE_LIST_RE.findall(seg)
    if names and not any(map(PROSE_OTHER, names)):
        if summary and len(names) == 1:
            return []
        listed: list[EntityRecord] = []
        for zh, en, _ in names:
            name, own = _listed_by_own(clean_display(zh if not zh.startswith(BRANCH_PREFIX_FIRST)
                                                     else _without_branch_prefix(zh)), country)
            if located:
                name, own = _located(name, own)
            listed.append(_person_of(_prose_entity(name, clean_display(en), own)))
        return listed
    items = _merge_fragments(_prose_items(seg, folded))
    if not items or (summary and len(items) == 1):
        return []
    out: list[EntityRecord] = []
    end = 0  # where the last item ends in ``seg``
    for item, fitem in items:
        at = seg.find(item, end)
        joint, end = (seg[end:at].strip(), at + len(item)) if at >= 0 else ("", end)
        if COUNT_PHRASE_RE.match(fitem):
            continue
        if fitem.startswith(BRANCH_PREFIX_FIRST):
            bare = _without_branch_prefix(item)
            if not bare.strip(TRAILING_PUNCT) and out:  # "甲公司（Alpha）及其子公司": about the one before, no name
                last = out[-1]
                note = clean_display((joint if joint in BRANCH_JOINTS else "") + item.strip(TRAILING_PUNCT))
                out[-1] = make_entity(last.zh, last.en, last.country, last.n, last.branches, note)
                continue
            item, fitem = bare, fitem[len(fitem) - len(bare) :]
        item, fitem, place, note = place_tail(item, fitem) if ")" in fitem else (item, fitem, None, None)
        zh, en = split_name(item, fitem)
        if zh or en:
            zh, own = _listed_by_own(zh, place or country)
            if located:
                zh, own = _located(zh, own)
            out.append(_person_of(_prose_entity(zh, en, own, note)))
    return out


# "位于美国弗吉尼亚州的切萨皮克系统公司（…）": where the entity is, before its name (session 23, parse23: a later name
# kept the words, and no name had the country they give).
LOCATED_RE = re.compile(rf"位于\s*(?P<c>{COUNTRY_ALT})[^,，。;；、()（）]{{0,30}}?的\s*")


def located_country(folded: str) -> str | None:
    """The country of "位于<country>…的" in a name's qualifier, else None."""
    m = LOCATED_RE.search(folded)
    return COUNTRIES[m.group("c")] if m else None


def _located(zh: str | None, country: str | None) -> tuple[str | None, str | None]:
    """A later name of a prose list with the words saying where it is before it (LOCATED_RE): the name without them,
    and their country (else ``country``)."""
    m = LOCATED_RE.match(zh) if zh else None
    if m is None or not zh or m.end() >= len(zh):
        return zh, country
    return zh[m.end() :], COUNTRIES[m.group("c")]


def _listed_by_own(zh: str | None, country: str | None) -> tuple[str | None, str | None]:
    """A later name of a prose list with the words naming its own listing notice before it ("…、商务部公告2026年第20号所列
    德国实体莱茵光学系统有限公司（…）"): the name without them, and the country they give (else ``country``) (session 22,
    parse22: the name kept the words and took the first name's country)."""
    if not zh or "所列" not in zh:
        return zh, country
    last = None
    for last in LISTED_BY_RE.finditer(zh):
        pass
    bare = None
    for bare in NOTICE_LISTED_RE.finditer(zh):
        pass
    if bare is not None and (last is None or bare.end() > last.end()) and bare.end() < len(zh):
        return zh[bare.end() :], country
    if last is None or last.end() >= len(zh):
        return zh, country
    return zh[last.end() :], COUNTRIES[last.group("c")] if last.group("c") else country


# "A（a）、B（b）2家日本实体和C（c）1家中国台湾地区实体": each group of names closed by its own count and country.
GROUP_COUNT_RE = re.compile(rf"\)\s*{NUM}\s*家\s*(?P<c>{COUNTRY_ALT})?\s*{ENTITY_NOUN}\s*")
GROUP_JOINT_RE = re.compile(r"\s*(?:以及|和|及|与|、|,|;)?\s*")


def _count_groups(seg: str, folded: str) -> list[tuple[str, str, str | None]] | None:
    """The groups of a list written as groups each closed by its count (GROUP_COUNT_RE), as (names, folded, country),
    when the last closes the list; else None (session 21, parse21: the second group and the count between were read
    as one name; session 22, parse22: one group, "A（a）、B（b）2家美国实体", read the count into B's name and lost B's
    English)."""
    found = list(GROUP_COUNT_RE.finditer(folded))
    if not found or folded[found[-1].end() :].strip():
        return None
    out, start = [], 0
    for m in found:
        stop = m.start() + 1  # the group keeps its closing bracket
        out.append((seg[start:stop], folded[start:stop], COUNTRIES[m.group("c")] if m.group("c") else None))
        joint = GROUP_JOINT_RE.match(folded, m.end())  # it matches the empty string too
        start = joint.end() if joint else m.end()
    return out


def _prose_entity(zh: str | None, en: str | None, country: str | None, note: str | None = None) -> EntityRecord:
    """An entity of a prose list; an alias in its English bracket ("（Sequoia Dynamics Inc.，又称…）") goes to the
    note (and so to its aliases), as on an annex line."""
    if en and any(w in en for w in ALIAS_WORDS):
        zh, en, alias = _aliases_out(zh, en)
        note = "，".join(filter(None, (note, alias))) or None
    return make_entity(zh, en, country, note=note)


# A company's person named after it with a role: "甲公司（Alpha）及其首席执行官X·Y（…）、首席财务官Z·W（…）" (session 17,
# mfa17: the names read "其首席执行官X·Y" and "首席财务官Z·W"). The role is a note, the name the rest.
ITS_ROLE_RE = re.compile(
    r"^(?P<its>其)?(?P<role>[\u4e00-\u9fff]{0,6}?(?:首席[\u4e00-\u9fff]{1,4}官|总裁|董事长|总经理|创始人|负责人|董事会主席))"
    r"(?P<name>[^\s、，,()（）]{2,})$")
ROLE_FIRST = frozenset("其首总董创负联副高执亚前")  # the first character of every ITS_ROLE_RE match worth trying


def _person_of(e: EntityRecord) -> EntityRecord:
    """``e`` with a role written before its name (ITS_ROLE_RE: after 其, or before a transliterated name, a middle
    dot in it) moved to the note; else ``e``."""
    zh = e.zh
    if not zh or zh[0] not in ROLE_FIRST:
        return e
    m = ITS_ROLE_RE.match(zh)
    if m is None or not (m.group("its") or "·" in m.group("name") or "•" in m.group("name")):
        return e
    note = "，".join(filter(None, (m.group("role"), e.note)))
    return make_entity(m.group("name"), e.en, e.country, e.n, e.branches, note)


# "及其分支机构科技洞察日本公司（TechInsights Japan KK）": the words before a branch's name (or, alone, a
# clause about the entity before: "甲公司（Alpha）及其子公司"). Every match opens with 其, 及 or 以.
BRANCH_PREFIX_RE = re.compile(
    r"^(?:及|以及)?其(?:全部|所有|下属|境外|海外)?(?:分支机构|子公司|分公司|关联公司|关联企业|附属公司|附属机构|下属企业|下属公司)"
    r"\s*[:：]?\s*"
)
BRANCH_PREFIX_FIRST = ("其", "及其", "以及其")
BRANCH_JOINTS = ("及", "以及", "和")


def _without_branch_prefix(name: str) -> str:
    """``name`` without a leading "其分支机构" (folding keeps every place, so the cut fits the folded copy too)."""
    m = BRANCH_PREFIX_RE.match(name)
    return name[m.end() :] if m else name


# What ends PROSE_DECISION_RE's segment: after "决定将", a listing verb; after "决定对", 采取 and the countermeasure words.
SEGMENT_ENDS = {"将": re.compile(f"{LISTED_IN}|纳入|{FROM_LIST_OUT}|移[出除]"), "对": re.compile("采取(?:以下|相应|有关)?反制措施")}
PROSE_MAX = 3000  # a longer segment is no list


def decision_prose(folded: str, clean: str, start: int = 0) -> tuple[str, int] | None:
    """The "决定将…列入" (or "决定对…采取反制措施") segment as written, and its offset
    (the first one from ``start``, the acting sentence: an earlier one may be history)."""
    span = _prose_decision(folded, start)
    if span is None or span[1] - span[0] > PROSE_MAX:
        return None
    return clean[span[0] : span[1]], span[0]


def _prose_decision(folded: str, start: int) -> tuple[int, int] | None:
    """The span of the segment PROSE_DECISION_RE.search(folded, start) finds, found from each 决定 (the lazy
    regex tries its endings at every character): the shortest run without "。" from the 将 or 对 that one of
    its endings (SEGMENT_ENDS) follows, whose search stops at the "。" (no ending holds one)."""
    find, size = folded.find, len(folded)
    pos = find("决定", start)
    while pos >= 0:
        at = pos + 2
        while at < size and folded[at].isspace():
            at += 1
        ending = SEGMENT_ENDS.get(folded[at : at + 1])
        if ending is not None:
            stop = find("。", at + 1)
            end = ending.search(folded, at + 2, size if stop < 0 else stop)
            if end is not None:
                cut = end.start()
                if folded.startswith(AGAIN, cut - 2, cut) and cut - 2 > at + 1 and end[0] == "列入":  # "重新列入"
                    cut -= 2
                return at + 1, cut
        pos = find("决定", pos + 1)
    return None


def object_of_dui(folded: str, clean: str) -> str | None:
    """"决定对美国PVH集团…启动调查" -> "美国PVH集团"."""
    m = _object_of_dui_match(folded)
    if not m:
        return None
    seg = clean[m.start("seg") : m.end("seg")]
    close = folded.find(")", m.start("seg"), m.end("seg")) - m.start("seg")
    if close > 0:
        seg = seg[: close + 1]
    return seg.strip()


POINTERS = ("该", "其", "上述", "前述", "以上", "此")
CLAUSE_OPENERS = ";；,，"


def objects_of_dui(clean: str) -> list[EntityRecord]:
    """The several entities an investigation or a measure names as the object of 对 in its own sentence ``clean``
    ("决定对美国天际防务公司（Skyline Defense Inc.）、北方之星航空公司（Northstar Aviation LLC）涉嫌…的行为立案调查"):
    a prose list of two or more, read as a listing's prose is; [] for one name (``object_of_dui`` reads it)."""
    folded = fold(clean)
    m = _object_of_dui_match(folded) if len(folded) == len(clean) else None
    if not m:
        return []
    if "、" in m["seg"] or m["seg"].count(")") >= 2:
        found = prose_entities(clean[m.start("seg") : m.end("seg")].strip(), None, None)
        return found if len(found) > 1 else []
    # one each in clauses of their own: "决定对甲公司处以罚款，…；对乙公司处以罚款，…"
    names = []
    while m is not None:
        if not m["seg"].lstrip().startswith(POINTERS):  # "对该企业再次处以罚款": the one named before
            names.append(split_name(clean[m.start("seg") : m.end("seg")].strip()))
        m = _object_of_dui_match(folded, m.end())
        # a later one opens a clause of its own ("；对乙公司处以罚款"), not a phrase in the first's ("、对中国企业…采取…")
        while m is not None and folded[: m.start()].rstrip()[-1:] not in CLAUSE_OPENERS:
            m = _object_of_dui_match(folded, m.end())
    return [make_entity(zh, en) for zh, en in dict.fromkeys(names) if zh or en] if len(set(names)) > 1 else []


def _object_of_dui_match(folded: str, start: int = 0) -> re.Match[str] | None:
    """``OBJECT_OF_DUI_RE.search(folded)``, tried only where a match can start: at each 对, or at the
    决定 right before it (the regex has no literal to skip the rest of the text by)."""
    pos = folded.find("对", start)
    while pos >= 0:
        m = OBJECT_OF_DUI_RE.match(folded, pos - 2) if pos - 2 >= start and folded.startswith("决定", pos - 2) else None
        m = m or OBJECT_OF_DUI_RE.match(folded, pos)
        if m:
            return m
        pos = folded.find("对", pos + 1)
    return None


NUM_MAX = 6  # the longest NUM: a match starts at most this many characters before its 家 or 名 (spaces aside)


def _count_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, search from) of each line of ``text`` where COUNT_RE can match: a numeral, spaces
    aside, right before 家 or 名 (what COUNT_GATE_RE finds), found from the 家 and 名 by ``str.find``
    ("名单" is on most lines of a notice). Every match ends its NUM at such a numeral, so no match of
    the line starts more than NUM_MAX - 1 characters before the line's first one."""
    if "家" not in text and "名" not in text:
        return []
    hits = []
    find = text.find
    for word in "家名":
        pos = find(word)
        while pos >= 0:
            j = pos - 1
            while j >= 0 and text[j].isspace() and text[j] != "\n":
                j -= 1
            if j >= 0 and (text[j] in CJK_NUMERALS or text[j].isdecimal()):
                hits.append((pos, j))
            pos = find(word, pos + 1)
    if not hits:
        return []
    if len(hits) > 1:
        hits.sort()
    out: list[tuple[int, int, int]] = []
    line_end = -1
    for pos, j in hits:
        if pos < line_end:
            continue  # a line already taken, from its first numeral
        start = text.rfind("\n", 0, pos) + 1
        line_end = find("\n", pos)
        if line_end < 0:
            line_end = len(text)
        out.append((start, line_end, max(start, j - NUM_MAX + 1)))
    return out


def stated_count(texts: list[str]) -> tuple[int | None, str | None]:
    """(count, country) from the first text (folded) saying "N家(美国)实体": the plain reading
    (every line, every match), which ``count_and_country`` gives faster."""
    for text in texts:
        for s, e in _lines(text):
            m = COUNT_RE.search(text, s, e)
            if m:
                n = to_int(m.group("n"))
                if n:
                    return n + _counts_before(text, s, m.start()) + _persons_after(text, m), _count_country(m)
    return None, None


def country_of(texts: list[str]) -> str | None:
    """Country from "N家美国实体" in any text (every line, every match)."""
    for text in texts:
        for s, e in _lines(text):
            for m in COUNT_RE.finditer(text, s, e):
                code = _count_country(m)
                if code:
                    return code
    return None


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def count_and_country(texts: Iterable[str], stated: int | None = None,
                      country: str | None = None) -> tuple[int | None, str | None]:
    """``stated_count`` and ``country_of`` in one pass over the matches: the stated count, and the
    first country any "N家美国实体" names (the stated count's own is one of them); reading stops when
    both are found. ``stated`` and ``country``: what earlier texts gave, to go on reading after them."""
    for text in texts:
        if stated is not None and country is not None:
            break
        for s, e, begin in _count_lines(text):
            for i, m in enumerate(COUNT_RE.finditer(text, begin, e)):
                if stated is None and i == 0:  # stated_count reads the first match of a line
                    n = to_int(m.group("n"))
                    if n:
                        stated = n + _counts_before(text, s, m.start()) + _persons_after(text, m)
                country = country or _count_country(m)
                if stated is not None and country is not None:
                    return stated, country
    return stated, country


def is_anaphor(seg: str, folded: str | None = None) -> bool:
    """"上述2家日本实体", "该实体", "其": a pointer to names given earlier, not a name (``folded``: ``fold(seg)``)."""
    folded = fold(seg) if folded is None else folded
    return ANAPHOR_RE.match(folded) is not None or PRONOUN_RE.fullmatch(folded) is not None


# "决定将以下美国实体列入出口管制管控名单：甲公司（Alpha）；乙公司（Beta）。": the segment points forward, to the
# names after the colon; it is no name itself (session 18: "以下美国实体" was read as one).
FORWARD_RE = re.compile(r"\s*(?:以下|下列|如下)")
FORWARD_COLON_MAX = 40  # the colon follows the list's name ("列入出口管制管控名单：")


def is_forward(folded: str) -> bool:
    """"以下美国实体", "下列实体": names that follow the sentence's colon (``folded``: the segment folded)."""
    return FORWARD_RE.match(folded) is not None


def following_names(folded: str, clean: str, end: int, country: str | None) -> list[EntityRecord]:
    """The names listed after the colon that follows ``end`` (the segment's end), up to the sentence's end,
    separated by "；" or "、"; [] when no colon follows."""
    colon = folded.find(":", end, end + FORWARD_COLON_MAX)
    if colon < 0 or folded.find("。", end, colon) >= 0 or folded.find(",", end, colon) >= 0:
        return []  # "列入…清单，并采取以下处理措施：": the colon opens the measures, not the names
    stops = [i for i in (folded.find("。", colon), folded.find("\n", colon), folded.find("并采取", colon)) if i >= 0]
    stop = min(stops) if stops else len(folded)
    seg, fseg = clean[colon + 1 : stop], folded[colon + 1 : stop]
    # "；" to "、" in both copies keeps their places (one character for one)
    return prose_entities(seg.replace("；", "、").replace(";", "、"), country, fseg.replace(";", "、"))


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
        before = _NAME_BEFORE_RE.match(backwards, n - bracket)  # stops at the ")" ending the last run
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
    # an alias in the English bracket goes to the note, as in a listing's prose (parse22: ", formerly …" stayed in the key)
    return [_prose_entity(*split_name(*_without_clause(item, fitem)), None)
            for item, fitem in _prose_items(clean[s:e], folded[s:e])]


# A run of name characters before a bracket may open with the sentence around it: "商务部无法对东京计器株式会社（…）的…",
# "被列入关注名单的东京计器株式会社（…）", "鉴于“蓝天”航空电子公司（…）已…" (session 22): the name starts after the last 对, 将,
# 的, 鉴于 or 由于 before its bracket (2 characters
# at least are left); "…附件中所列第7项“奥什科什防务公司（…）”" after the quote that opens it (session 20, parse20/13).
CLAUSE_LEAD_RE = re.compile(r"^[^()]*(?:对|将|的|鉴于|由于|项\s*[“\"])(?=[^()]{2,}\()")


def _without_clause(item: str, fitem: str) -> Item:
    """``item`` and its folded copy without a clause opening it (CLAUSE_LEAD_RE)."""
    m = CLAUSE_LEAD_RE.match(fitem)
    return (item[m.end() :], fitem[m.end() :]) if m else (item, fitem)


def _count_country(m: re.Match[str]) -> str | None:
    """"16家美国实体" -> US; "5家韩华海洋株式会社美国子公司" -> US (the country inside the qualifier)."""
    if m.group("c"):
        return COUNTRIES[m.group("c")]
    inner = COUNTRY_IN_RE.search(m.group("q") or "")
    return COUNTRIES[inner.group(0)] if inner else None


JOINS = "和、及与"
COUNT_BEFORE_RE = re.compile(rf"(?P<n>{NUM})\s*[家名]\s*[{JOINS}]\s*$")
# "对甲公司等2家美国企业及约翰·斯密特等2名个人采取反制措施" states 4: the persons joined to the companies' count
# (session 18: 2 was stated, so the whole annex warned).
PERSONS_AFTER_RE = re.compile(rf"\s*(?:及|和|以及)[^，,。；;\n]{{0,40}}?(?P<n>{NUM})\s*名\s*[\u4e00-\u9fff]{{0,8}}?(?:个人|人员)")


def _persons_after(text: str, m: re.Match[str]) -> int:
    """The count of persons joined after a count of companies ("2家美国企业及…等2名个人"), else 0."""
    if "家" not in text[m.end("n") : m.end("n") + 2] or "名" not in text[m.end() : m.end() + 50]:
        return 0
    after = PERSONS_AFTER_RE.match(text, m.end())
    return (to_int(after.group("n")) or 0) if after else 0


def _counts_before(text: str, line_start: int, pos: int) -> int:
    """"16家和12家美国实体" states 28: the counts joined to the matched one."""
    total = 0
    while pos > line_start:
        before = text[pos - 1]  # every match ends in 和、及与 and spaces
        if before not in JOINS and not before.isspace():
            return total
        m = COUNT_BEFORE_RE.search(text, max(line_start, pos - 20), pos)
        if not m:
            return total
        total += to_int(m.group("n")) or 0
        pos = m.start()
    return total
