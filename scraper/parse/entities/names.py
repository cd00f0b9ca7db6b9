"""One entity's name: split into Chinese and English, cleaned for display, keyed; what may follow a name (branches, a
place, an alias, an address, a person's sex and role) cut off into the note; the country words and the regexes the
other modules share."""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from storage.countries import LISTED, STATES
from storage.names import ALIAS_WORDS_ZH, INVISIBLE_RE, entity_key, other_names
from storage.records import EntityRecord

from ..lazyre import lazy_compile
from ..textnorm import NUM, fold, simplified

ANNEX_MARK_RE = re.compile(r"\s*附\s*件?\s*(?P<n>[\d一二三四五六七八九十]+)?\s*[:：]?\s*$")  # match() it from a line start
# "①甲公司（Alpha Inc.）", "⑴…": a circled or bracketed number is one character (CIRCLED, its value from its code point).
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
NUMBERED_RE = lazy_compile(r"^\s*(?:\(\s*(?P<pn>\d{1,3})\s*\)|(?P<n>\d{1,3})\s*[.、．](?!\d)"
                         rf"|(?P<cc>[{CIRCLED}])\s*[.、．]?)\s*(?P<rest>(?:\S(?:.*\S)?)?)\s*$")
# "一、甲公司（Alpha Inc.）": only trusted below an annex heading (the measures use 一、 too).
CN_NUMBERED_RE = lazy_compile(r"^\s*(?P<cn>[一二三四五六七八九十]{1,3})\s*、\s*(?P<rest>(?:\S(?:.*\S)?)?)\s*$")
# "（一）甲公司（Alpha Inc.）", as the MFA's annexes and some MOFCOM orders number them: likewise only below an annex heading
# (session 19, mfa19: a MOFCOM order's annex so numbered gave no entity).
CN_PAREN_NUMBERED_RE = lazy_compile(r"^\s*\(\s*(?P<cn>[一二三四五六七八九十]{1,3})\s*\)\s*(?P<rest>(?:\S(?:.*\S)?)?)\s*$")
# A row of a table without a header row: number, name, English; a cell left empty stays a cell (blanks, not tabs,
# around each), so the next cell is not read as this one (session 18: "2<tab>名称<tab><tab>中国台湾地区").
TABLE_ROW_RE = lazy_compile(r"^\s*(?P<n>\d{1,3})[^\S\t]*\t[^\S\t]*(?P<zh>[^\t]*?)[^\S\t]*(?:\t[^\S\t]*(?P<en>[^\t]*?)[^\S\t]*)?(?:\t.*)?$")
# "12. 中文名（English）" and nothing else, on the folded line (see ``_plain_annex_line``).
PLAIN_ANNEX_LINE_RE = lazy_compile(
    r"^\s*(?P<n>[0-9]{1,3})\s*[.、．](?!\d)\s*(?P<zh>[^\s()][^()]*)\((?P<en>[^()]*)\)\s*$"
)
BRANCH_RE = lazy_compile(r"^\s*[-－—–•·]\s*(?P<name>\S.*?)\s*$")
LATIN_RE = lazy_compile(r"[A-Za-z]")
# "北风雷达公司 / Northwind Radar Inc.": a slash between the two, blanks or none around it (session 59, text59/29: the whole
# line read as a Chinese name, the English lost)
SPACED_EN_RE = lazy_compile(r"^(?P<zh>.*[\u4e00-\u9fff])(?:[\s\u3000]*[/／][\s\u3000]*|[\s\u3000]+)(?P<en>[A-Za-z][^\u4e00-\u9fff]*[A-Za-z.)])$")
CJK_RE = lazy_compile(r"[\u4e00-\u9fff]")
NOT_A_NAME_STARTS = ("禁止", "不批准", "对", "自", "根据", "本", "依据", "上述", "按照", "如", "在", "将", "为")
SENTENCE_PUNCT = "，。；！？"
SENTENCE_PUNCT_RE = lazy_compile(f"[{SENTENCE_PUNCT}]")
TRAILING_PUNCT = " ;；。，,、:："
# The countries and regions entity lists name, as they write them (storage.countries.LISTED, which screening reads
# too), and "欧洲" read as the EU in a list's heading (screening refuses it: a region, not a country).
# The other states (storage.countries.STATES) are read only whole: a table cell, a clause ("格鲁吉亚籍", "，黎巴嫩"), never
# searched for inside a text (COUNTRY_NAMES, COUNTRY_ALT: some are syllables of names, "杰伊·马拉维").
COUNTRY_NAMES = (*LISTED, "欧洲")
COUNTRIES = {**LISTED, "欧洲": "EU", **{name: code for name, (code, _, _) in STATES.items()}}
COUNTRY_ALT = "|".join(sorted(COUNTRY_NAMES, key=len, reverse=True))
# The traditional forms of the count words (個, 機構, 人員, …) where a text too few of whose characters are traditional for
# ``textnorm.clean`` to convert it holds them ("等1个機構和…等1名人員": session 32, names31's finding 5, no count read): each
# counts as its simplified form.
TRADITIONAL_NOUNS = ("實體", "企業", "機構", "單位", "組織", "個人")
ENTITY_NOUN = rf"(?:实体|企业|公司|机构|单位|组织|军工企业|个人|银行|{'|'.join(TRADITIONAL_NOUNS)})"  # 银行: "对UAB Urbo Bankas、Mano Bankas AB等2家立陶宛银行"
# NUM with a character class first: sre then skips to the numerals (a pattern that opens with a group
# of alternatives, as NUM does, is tried in full at every character). The same matches: the first
# numeral, then at most 3 more digits after a digit, or 5 more Chinese numerals after one.
CJK_NUMERALS = "零一二三四五六七八九十百两"  # NUM's Chinese numerals (and ``\d`` its decimal ones)
NUM_SCANNED = rf"[\d{CJK_NUMERALS}](?:(?<=\d)\d{{0,3}}|(?<=[{CJK_NUMERALS}])[{CJK_NUMERALS}]{{0,5}})"
# A count may be written in the numerals of amounts ("叁家美国实体", "壹拾陆家"; session 30, names30: no count read, and an
# annex short of it was not told). A name holding one ("上海陆家嘴…公司") is no count: such a numeral counts only with no
# words between the count and its noun (``counts.counted``).
FINANCIAL_NUMERALS = "壹贰叁肆伍陆柒捌玖拾佰"
# "决定将赤杉动力公司等廿家美国实体列入…" (session 50, count50/04: no count read, so no country and no count check: an annex
# short of 20 would have passed silently; session 58, held58): 廿 is 20, as ``textnorm.to_int`` (cn2an) reads it ("廿一" 21);
# counted as the numerals of amounts are (no words between it and its noun). cn2an reads no 卅 or 卌: not counted.
RARE_NUMERALS = "廿"
WORDLESS_NUMERALS = FINANCIAL_NUMERALS + RARE_NUMERALS  # numerals counting only right before their noun (``counts.counted``)
COUNT_NUMERALS = CJK_NUMERALS + WORDLESS_NUMERALS
COUNT_NUM = rf"[\d{COUNT_NUMERALS}](?:(?<=\d)\d{{0,3}}|(?<=[{COUNT_NUMERALS}])[{COUNT_NUMERALS}]{{0,5}})"
# "将以下3个美国实体（见附件）列入" (session 31, names31; names30/19: no count read, so an annex short of 3 was not told): 个
# counts only an entity noun right after it, a country or region between at most ("3个美国实体", "5个实体"); never "一个中国
# 原则", "一个月", "两个方面", "个人" (COUNTED_BY_GE: the fixed window, no words of a qualifier as after 家).
# "及其2名高级管理人员" counts persons (session 31, names31: no count was read from such a MOFCOM title): 人员 ends a count as
# ENTITY_NOUN's 个人 does (in COUNT_RE only: ENTITY_NOUN names entities elsewhere).
PERSONS_NOUN = "人[员員]"
GE_NOUNS = ("实体", "企业", "公司", "机构", "单位", "组织", *TRADITIONAL_NOUNS[:-1])
GE = "个個"  # the measure word and its traditional form
GE_WINDOW = 2 + max(map(len, COUNTRY_NAMES)) + 1  # 个, blanks, the longest country, a noun's first character
COUNTED_BY_GE = rf"[{GE}](?=\s*(?:{COUNTRY_ALT})?\s*(?:{'|'.join(GE_NOUNS)}))"
COUNT_RE = re.compile(rf"(?P<n>{COUNT_NUM})\s*(?:[家名]|{COUNTED_BY_GE})\s*(?:(?P<c>{COUNTRY_ALT})|)\s*的?\s*(?P<q>[\u4e00-\u9fff]{{0,12}}?)(?:{ENTITY_NOUN}|{PERSONS_NOUN})")
COUNTRY_IN_RE = lazy_compile(COUNTRY_ALT)
# What every COUNT_RE match holds: the last character of NUM, then 家 or 名, or 个 with an entity noun in the next
# GE_WINDOW characters of its line (``counts._ge_counts``).
COUNT_GATE_RE = lazy_compile(
    rf"[\d零一二三四五六七八九十百两]\s*(?:[家名]|[{GE}](?=[^\n]{{0,{GE_WINDOW - 2}}}(?:{'|'.join(GE_NOUNS)})))")
# Prose list: "决定将…列入…" (the segment between 将 and 列入); a removal may say "将…从…名单中移出".
# "从出口管制关注名单中移除" (session 23, parse23: a watch-list removal so worded read as nothing): 移除 is 移出; so is
# "调出关注名单" (session 27, audit27: read as nothing).
FROM_LIST_OUT = r"从[^,，。;；]{0,30}?(?:名单|清单)\s*中?\s*(?:移[出除]|调出|删除)"
# "决定将2025年9月25日列入出口管制管控名单的甲公司（…）移出…": a 列入 that a list's name and 的 follow says which entity (when
# it was listed), it is not the decision's verb (session 22, parse22: the day was read as the entity removed).
LISTED_IN = r"列入(?![^,，。;；:：]{0,20}?(?:名单|清单)\s*中?\s*的)"
# "决定将甲公司（…）重新列入…" (a listing again after a removal): the adverb is the verb's, not the name's (session 23, parse23:
# the name read "甲公司（…）重新", with no English). ``_prose_decision`` cuts it off the segment SEGMENT_ENDS ends.
RELISTED_IN = rf"(?:重新|再次|再度){LISTED_IN}"
# "决定将上述2家实体由关注名单转入出口管制管控名单": a move from one list to another, as "移出…，列入…" (session 28, audit28/13:
# read as a measure on nobody, the ECL listing lost). What it begins with ends a prose decision's segment.
# "决定将上述2家实体从关注名单移至出口管制管控名单" (移至, 调至, 调入: session 41, audit41/01); "从出口管制关注名单移至…" (items45).
# (由 and 从 each an alternative of its own: "[由从]" opening one takes away the first-character set of the patterns it
# joins, prose.SEGMENT_ENDS: sre then tries each alternative at every character, perf41)
MOVED_FROM = "|".join(rf"{w}(?=\s*(?:出口管制管控名单|出口管制关注名单|管控名单|关注名单|不可靠实体清单)\s*中?\s*(?:转入|移至|调至|调入))" for w in "由从")
AGAIN = ("重新", "再次", "再度")
PROSE_DECISION_RE = lazy_compile(
    rf"决定\s*将(?P<seg>[^。]+?)(?:{RELISTED_IN}|{LISTED_IN}|纳入|{FROM_LIST_OUT}|移[出除]|调出|{MOVED_FROM})|决定\s*对(?P<seg2>[^。]+?)采取(?:以下|相应|有关)?反制措施"
)
OBJECT_OF_DUI_RE = lazy_compile(
    r"(?:决定)?对\s*(?P<seg>[^,。;]{2,80}?)(?=\s*(?:涉嫌|采取|启动|进行|实施|予以|开展|的行为|处以))"
)
# "…B公司（Beta LLC）等2个实体": 个 as the counter, an entity noun after it (session 42, audit42's probe: "等2个实体" kept in the
# last name, its English lost)
SUMMARY_RE = lazy_compile(rf"等\s*{NUM}\s*(?:[家名]|{COUNTED_BY_GE})")
# "对韩华海洋株式会社的5家美国子公司采取反制措施": a count describes a group; it is no name.
COUNT_PHRASE_RE = lazy_compile(rf"^\s*{NUM}\s*[家名]")
# "决定将上述2家日本实体移出…": the names were given earlier in the text.
ANAPHOR_RE = lazy_compile(rf"^\s*(?:上述|前述|以上)\s*(?:{NUM}\s*[家名])?")
# "决定将该实体移出…", "决定将其移出…": a pronoun, the whole segment (not "其分支机构甲公司").
# A day between it and the verb is no part of it ("决定将该实体自2027年5月10日起移出…": session 59, text59/51, read as an entity
# "该实体自2027年5月10日起", removed in the named one's place, silently).
PRONOUN_RE = lazy_compile(r"\s*(?:(?:该|此)\s*(?:实体|企业|公司|机构|单位|组织)|其)\s*"
                          r"(?:(?:自|于|从)\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:\d{1,2}\s*时\s*)?(?:起|之日起)?\s*)?")
# "经哈德森技术公司（…）申请": 经 before an applicant opens an earlier name run and is no part of the name.
APPLICANT_LEAD = "经"
APPLICATION_WORD = "申请"
# One blank between two Latin letters is a name's ("所列Source Intelligence公司（Source Intelligence, Inc.）": session 60,
# text59/37, the name cut to "Intelligence公司"; No. 21 lists it so).
_NAME_CHAR = r"(?:[^\s,，。、;；:：()（）《》]|(?<=[A-Za-z]) (?=[A-Za-z]))"
BRACKETED_NAME = rf"{_NAME_CHAR}{{2,60}}?\s*\([^()]*[A-Za-z][^()]*\)"
NAME_RUN_RE = lazy_compile(rf"{BRACKETED_NAME}(?:\s*(?:[、和及]|以及)\s*{BRACKETED_NAME})*")
# Read backwards from a bracket: the spaces, then the name characters before it (at most a name's 60).
NAME_BEFORE_RE = lazy_compile(rf"\s*({_NAME_CHAR}{{0,60}})")
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


# Full-width Latin letters (U+FF21-FF3A, U+FF41-FF5A): an English name typed in them ("（Ｎｏｒｔｈｓｔａｒ Ａｅｒｏ Ｉｎｃ．）") was
# no English name at all, the whole line the Chinese one (session 28, audit28/09); it is read as written in ASCII.
WIDE_LATIN_RE = lazy_compile(r"[\uff21-\uff3a\uff41-\uff5a]")


def _script_parts(inner: str) -> tuple[str, str] | None:
    """(English, Chinese) of a bracket holding the Chinese name written again beside the English ("漢昇精密機械股份有限公司；
    Hansheng Precision Machinery Co., Ltd.", the traditional script of the name outside): two parts, one Chinese with no
    Latin letter and no alias word or colon, the other holding the English; None else."""
    parts = [p.strip() for p in inner.replace(";", "；").split("；")]
    if len(parts) != 2:
        return None
    latin = [p for p in parts if LATIN_RE.search(p)]
    other = [p for p in parts if not LATIN_RE.search(p)]
    if len(latin) != 1 or len(other) != 1 or not CJK_RE.search(other[0]) or other[0].startswith(ALIAS_WORDS_ZH) \
            or ":" in other[0] or "：" in other[0] or other[0] in COUNTRIES:
        return None
    return latin[0], other[0]


def _without_script_variant(inner: str) -> str:
    """A bracket's English without the Chinese name written again beside it (``_script_parts``); else ``inner`` as it is
    (session 31, audit31/16: the English name, and so the key, kept the Chinese). The Chinese so written is the entity's
    alias where it is its name in traditional script (``script_variants``)."""
    parts = _script_parts(inner)
    return inner if parts is None else parts[0]


def script_variants(found: list[EntityRecord], folded: str, text: str) -> list[EntityRecord]:
    """``found``, each entity that the text names "甲（甲'；English）" with 甲' its Chinese name in traditional script (both the
    same in simplified script, ``textnorm.simplified``) given 甲' as an alias: screening by the traditional name finds it
    (session 32, decided by the lead; audit31/16: the traditional name was dropped). Another Chinese name so written is
    no alias: nothing says what it is. Only the brackets holding ";" are looked at (``_two_part_brackets``: most texts
    have none, and a look at each entity's name cost 4% of a parse)."""
    brackets = _two_part_brackets(folded) if ";" in folded else []
    if not brackets:
        return found
    out = []
    for e in found:
        variant = _variant_beside(e, brackets, folded, text) if e.zh and e.en else None
        out.append(e if variant is None or variant in e.aliases else EntityRecord(
            e.zh, e.en, e.country, e.key, e.n, e.branches, e.type, e.note, (*e.aliases, variant)))
    return out


def _two_part_brackets(folded: str) -> list[tuple[int, int]]:
    """(open, close) of each bracket of one line holding ";" and no other bracket ("(漢昇…;Hansheng …)")."""
    out: list[tuple[int, int]] = []
    pos = folded.find(";")
    while pos >= 0:
        line = folded.rfind("\n", 0, pos) + 1
        opening = folded.rfind("(", line, pos)
        close = folded.find(")", pos)
        if opening >= 0 and close >= 0 and folded.find(")", opening, pos) < 0 and folded.find("\n", pos, close) < 0 \
                and folded.find("(", pos, close) < 0 and (not out or out[-1][0] != opening):
            out.append((opening, close))
        pos = folded.find(";", pos + 1)
    return out


def _variant_beside(e: EntityRecord, brackets: list[tuple[int, int]], folded: str, text: str) -> str | None:
    """The traditional form of ``e``'s Chinese name written in one of ``brackets`` right after it, beside its English."""
    assert e.zh is not None and e.en is not None
    name = fold(e.zh)
    for opening, close in brackets:
        end = opening
        while end > 0 and folded[end - 1] == " ":
            end -= 1
        if folded.endswith(name, 0, end) and (parts := _script_parts(text[opening + 1 : close])) is not None \
                and clean_display(parts[0]) == e.en and parts[1] != e.zh and len(parts[1]) == len(e.zh) \
                and simplified(parts[1]) == simplified(e.zh):
            return clean_display(parts[1])
    return None


# A bracket giving the name in its own script (kanji, kana, hangul) before the English, split by a comma, a semicolon or a
# slash ("（日向精密エレクトロニクス株式会社，Hyuga Precision Electronics Co., Ltd.）", "（신성항공부품 주식회사，Shinsung …）"): the
# English alone is the English name (session 33, audit33/13: the key held the native name, so no later notice's matched).
_NATIVE = "\u3040-\u30ff\u31f0-\u31ff\u4e00-\u9fff\uac00-\ud7af"
NATIVE_BEFORE_EN_RE = lazy_compile(rf"\s*(?P<native>[^A-Za-z,，;；/／:：]*?[{_NATIVE}][^A-Za-z,，;；/／:：]*?)\s*[,，;；/／]\s*"
                                   rf"(?P<en>[^{_NATIVE}]*?[A-Za-z][^{_NATIVE}]*)$")


def _native_out(inner: str) -> str:
    """``inner`` without the name in its own script before the English (NATIVE_BEFORE_EN_RE); else as it is."""
    m = NATIVE_BEFORE_EN_RE.match(inner)
    if m is None or m["native"].strip().startswith(ALIAS_WORDS_ZH) or m["native"].strip() in COUNTRIES:
        return inner
    return m["en"]


# A defined term closing a name, no part of it: "斯特林航电公司（Sterling Avionics, Inc.）（以下简称“该公司”）", an English
# name's own "（the “Company”）" or "（“Morningstar”）" inside its bracket (session 40, audit40/30: the whole read as a Chinese
# name, no English; audit40/05: kept in the English name and its key). A quoted term alone is cut only after another bracket.
# A quoted term is all its bracket holds: "蓝盾（美国）安全公司（“BlueShield” Security LLC）" is an English name opening with a
# quote after a bracket (session 41, review42: cut whole, the English lost).
DEFINED_TERM_RE = lazy_compile(r"\s*\(\s*(?:(?P<zh>以下\s*简?称|下称)[^()]*|(?:(?:the|hereinafter(?:\s+referred\s+to\s+as)?(?:\s+the)?)\s+)?"
                               r"[\"“][^\"“”()]{1,40}[\"”]\s*)\)(?=\)?\s*$)", re.IGNORECASE)
DEFINED_TERM_MARKS = ("称", "“", '"')


def _defined_term_out(text: str, folded: str) -> tuple[str, str]:
    """``text`` and ``folded`` without a closing defined term (DEFINED_TERM_RE)."""
    term = DEFINED_TERM_RE.search(folded)
    if term is None or term.start() == 0 or (term.group("zh") is None and folded.rfind("(", 0, term.start()) < 0):
        return text, folded
    return text[: term.start()] + text[term.end() :], folded[: term.start()] + folded[term.end() :]


# What no Chinese name in brackets after an English one holds: a note, a country's part, a defined term.
NOT_TRANSLITERATION = (":", "：", "注", "简称", "下称", "国家", "地区")


def _transliterated(outer: str, inner: str) -> bool:
    """An English name before its Chinese one in brackets ("Kestrel Labs LLC（凯斯特雷尔实验室）"; session 41, audit41/04
    and 17: read whole as a Chinese name with no English, so its key matched no later notice): a body's name in the
    bracket (NAME_SUFFIXES), not a person's role ("Josh Brungardt（首席运营官）"), a country, an alias or a note
    ("Aerkomm Inc.（美国）", "（又名…）", "（注：…）")."""
    return (LATIN_RE.search(outer) is not None and CJK_RE.search(outer) is None and CJK_RE.search(inner) is not None
            and LATIN_RE.search(inner) is None and inner.rstrip().endswith(NAME_SUFFIXES) and not inner.strip().startswith(ALIAS_WORDS_ZH)
            and not any(mark in inner for mark in NOT_TRANSLITERATION) and COUNTRY_IN_RE.fullmatch(inner.strip()) is None)


# What an annex writes where it has no English name: "蓝岭仪器公司（英文名称不详）", a table's English cell "—", "/", "无"
# (session 44, audit44/19-20: read as the English name, "—" in the feed's title and "英文名称不详" kept in the Chinese name).
NO_ENGLISH_RE = lazy_compile(r"\s*(?:(?:暂?无|没有)\s*英文(?:名称|名)?|英文(?:名称|名)\s*(?:不详|暂缺|暂无|无|未知)|无|暂无|不详"
                             r"|[-－—–―/／]+|N/?A)\s*")
NO_ENGLISH_MARKS = "英无不-－—–―/／N"  # one of them is in every NO_ENGLISH_RE match


def no_english(text: str) -> bool:
    """Whether ``text`` (an English name's bracket or cell) says there is no English name (NO_ENGLISH_RE)."""
    return len(text) < 16 and any(c in NO_ENGLISH_MARKS for c in text) and NO_ENGLISH_RE.fullmatch(text) is not None


def split_name(clean: str, folded: str | None = None) -> tuple[str | None, str | None]:
    """"中文名（English）" -> (zh, en); no English -> (zh, None); Latin only -> (None, en).

    ``folded`` is ``fold(clean)`` when the caller has it already."""
    text = clean.strip().rstrip(TRAILING_PUNCT).strip()
    folded = fold(text) if folded is None or len(folded) != len(clean) else folded
    if len(text) != len(clean):
        lead = len(clean) - len(clean.lstrip())
        folded = folded[lead : lead + len(text)]
    if folded.endswith(")") and any(mark in folded for mark in DEFINED_TERM_MARKS):
        text, folded = _defined_term_out(text, folded)
    if folded.endswith(")"):
        last = folded.rfind("(")
        start = _matching_open(folded, len(folded) - 1) if ")" in folded[last + 1 : -1] else last
        if start is not None:
            inner = text[start + 1 : -1]
            outer = text[:start]
            if outer.strip() and no_english(inner):
                return clean_display(outer), None
            if not inner.isascii() and WIDE_LATIN_RE.search(inner):
                inner = folded[start + 1 : -1]  # "（Ｎｏｒｔｈｓｔａｒ Ａｅｒｏ Ｉｎｃ．）": the English as ASCII
            if inner.startswith(ALIAS_WORDS_ZH) and (cut := max(inner.rfind("；"), inner.rfind(";"))) > 0:
                # "（曾用名：海角声呐公司；Cape Sensing Corp.）": the former name first, the English after it; read as
                # "（Cape Sensing Corp.；曾用名：海角声呐公司）" is (session 28, audit28/12: the English kept the former name)
                inner = f"{inner[cut + 1 :].strip()}；{inner[:cut]}"
            if ("；" in inner or ";" in inner) and not inner.startswith(ALIAS_WORDS_ZH):
                inner = _without_script_variant(inner)
            if not inner.isascii() and LATIN_RE.search(inner):
                inner = _native_out(inner)
            if LATIN_RE.search(inner) and outer.strip():
                return clean_display(outer), clean_display(inner)
            if _transliterated(outer, inner):  # "Vantor Dynamics, Inc.（万托动力公司）": the English first
                return clean_display(inner), clean_display(outer)
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


def english_display(en: str) -> str | None:
    """``clean_display`` of an English name, full-width Latin letters in it read as ASCII (WIDE_LATIN_RE)."""
    return clean_display(fold(en) if not en.isascii() and WIDE_LATIN_RE.search(en) else en)


@lru_cache(maxsize=4096)
def cached_key(zh: str | None, en: str | None) -> str:
    """``entity_key`` is pure; annexes repeat names across aliases and re-parses."""
    return entity_key(zh, en)


def typed_as(e: EntityRecord, kind: str) -> EntityRecord:
    """``e`` with the type ``kind``, its other fields as they are: what ``dataclasses.replace`` gives, its fields copied into
    the new record's ``__dict__`` as ``storage.frozen.quick_init`` writes them (a frozen record: nothing else writes
    them). About 5,000 instructions against 8,000 for the constructor and 16,000 for a ``make_entity`` not yet cached
    (session 32: the typing by count gives every entity of a listing its type)."""
    out: EntityRecord = object.__new__(EntityRecord)
    fields = out.__dict__
    fields.update(e.__dict__)
    fields["type"] = kind
    return out


# Full-width Latin letters and digits of a Chinese name ("ＢＲＩＮＣ无人机公司"), as ASCII: the name and its key as another
# notice writes them (session 35, audit35/05). Only these: a Chinese name keeps its full-width brackets.
WIDE_ALNUM = {cp: cp - 0xFEE0 for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
WIDE_ALNUM_RE = lazy_compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


# The full-width stop, comma and ampersand in an English name ("Aurora Sensing Inc．", "Glacier Radar Systems，Inc．",
# "Allen ＆ Baker"), and the Chinese full stop ("Co．，Ltd。"), as ASCII: the name as the other notices and a reader's list
# write it (session 44, audit43/05 and audit44/15: kept as written; the keys folded them already, so no id moves).
# "，" takes a space after it, which ``clean_display`` folds where one was there. Brackets stay as written (a nested
# "（North America）" is read as the name's own).
WIDE_PUNCT = {0xFF0E: ".", 0xFF0C: ", ", 0x3002: ".", 0xFF06: "&"}
WIDE_PUNCT_RE = lazy_compile("[\uff0e\uff0c\u3002\uff06]")


@lru_cache(maxsize=4096)
def make_entity(zh: str | None, en: str | None, country: str | None = None, n: int | None = None,
                branches: tuple[str, ...] = (), note: str | None = None, type: str | None = None) -> EntityRecord:
    """Records are frozen, so equal arguments can share one (annexes repeat across aliases). The other names the
    note or a "d/b/a" English name gives are kept as the entity's aliases (``storage.names.other_names``)."""
    if zh and WIDE_ALNUM_RE.search(zh) is not None:
        zh = zh.translate(WIDE_ALNUM)
    if zh and " " in zh and (CJK_SPACE_RE.search(zh)) is not None and "及其" not in (joined := CJK_SPACE_RE.sub("", zh)):
        # "哨兵\n光学公司（Sentinel Optics Inc.）" in prose: a line end inside the name is no space of it (session 39,
        # audit39/28; a table cell's <br> alike, annex._table_row). Not where joining makes branch words ("及 其分支机构"):
        # those are cut before a name is made, from the text as written (annex._branch_words_out's gate)
        zh = joined
    if zh and zh[-1] in "）)" and (mark := COUNTRY_MARK_END_RE.search(zh)) is not None:
        # "北极光学公司（美国）（Arctic Optics Inc.）": the bracket after the name is its country, no part of it (session 39,
        # audit39/10: kept in the name, the country lost); "（美国/加拿大）" names no one country
        zh = zh[: mark.start()]
        country = country or (COUNTRIES.get(mark["c"]) if "/" not in mark[0] else None)
    if en and not en.isascii() and WIDE_PUNCT_RE.search(en) is not None:
        en = clean_display(en.translate(WIDE_PUNCT))
    if country is None and en and en.endswith(JAPANESE_FORMS):
        country = "JP"  # "东雲航空技研株式会社（Shinonome Aero Giken K.K.）": a romanised Japanese legal form (audit42/24)
    return EntityRecord(zh=zh, en=en, country=country, key=cached_key(zh, en), n=n, branches=branches, type=type,
                        note=note, aliases=other_names(en, note))


# English legal forms only Japanese companies bear, the last words of the English name (session 43, audit42/24 and
# audit41/15: no country where the text names none). Not 株式会社, which Chinese texts also write for Korean firms.
JAPANESE_FORMS = (" K.K.", " K.K", " KK", "Kabushiki Kaisha", "Kabushiki-Kaisha", "Kabushikigaisha", "Godo Kaisha")


CJK_SPACE_RE = lazy_compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# A country bracket closing a Chinese name that ends as a company's does ("…公司（美国）", "…株式会社（日本/韩国）").
COUNTRY_MARK_END_RE = lazy_compile(rf"(?<=公司|集团|企业|机构|会社)\s*[(（]\s*(?P<c>{COUNTRY_ALT})(?:\s*/\s*(?:{COUNTRY_ALT}))*\s*[)）]$")
BRACKETED_RE = lazy_compile(r"（[^（）]*）|\([^()]*\)")


# A Chinese name and its English in a bracket, nothing else: a name, whatever word it opens with ("自由之桥基金会（Liberty
# Bridge Foundation）", "本田…（Honda …）"; session 19, mfa19: dropped as a clause opening like "自…起").
NAMED_WITH_ENGLISH_RE = lazy_compile(r"[^，。；！？()（）:：]{2,60}[(（][^()（）]*[A-Za-z][^()（）]*[)）]\s*$")


def looks_like_name(rest: str) -> bool:
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
BRANCH_TAIL_RE = lazy_compile(r"\)\s*[,;:]?\s*(?:及其|包括|含|连同|以及)[^()]*$")
INLINE_BRANCHES_RE = lazy_compile(r"(?:分支机构|子公司|分公司)\s*[:：]?\s*(?P<list>[^()]*?)\s*[。;；]?\s*$")
BRANCH_SPLIT_RE = lazy_compile(r"[、;；]|,\s*(?=[A-Z])(?!\s*(?:Inc|Ltd|LLC|Co|Corp|GmbH|KK|S\.A|AG|Limited|L\.L\.C)\b)")
# "（瑞典）" after the English: a place (a country of COUNTRIES, or one the table lacks, kept as the note).
# (Up to 24 characters: "（系阿尔法防务集团关联企业）" after the English is a note too; session 36, audit36/18: the line was read whole
# as a Chinese name, no English.)
PLACE_TAIL_RE = lazy_compile(r"\)\s*\(\s*(?P<c>[\u4e00-\u9fff]{2,24})\s*\)\s*[;:。,]?\s*$")
# What an annex line may say after the name's bracket besides a branch or a place: an address ("），地址：美国…",
# "（地址：…）", "地址" on the next line is no entry) or an alias ("），亦称灰狼技术公司"); the note keeps it.
# A person's line says the sex and the role after the bracket: "约翰·斯密特（John Smit），男，甲公司首席执行官".
# The words that bring in another name of an entity: one vocabulary for these rules and the alias rules below
# (ALIAS_WORDS, which add 简称: after the bracket it is mostly "（以下简称…）", the notice's short form, no alias).
EN_ALIAS_STARTS = ("also known as", "formerly", "a.k.a", "f/k/a")  # a 备注 cell opening so gives another name
ZH_ALIASES = ALIAS_WORDS_ZH  # ("又称", "亦称", …, "曾用名", "原名", "现名"…): storage.names, which screening shares
SEXES = ("男", "女")
AFTER_NAME_WORDS = ("地址", "住所", *ZH_ALIASES, *SEXES)
AFTER_NAME_RE = lazy_compile(rf"\)\s*[,;]?\s*\(?\s*(?P<what>(?:注册|办公|总部)?(?:地址|住所)\s*:|(?:{'|'.join(ZH_ALIASES)})"
                           r"|[男女]\s*(?:[,;]|$)).*$")
Tail = tuple[str, str, str | None, tuple[str, ...], str | None]


def trim_tail(rest: str, frest: str) -> Tail:
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
    if any(w in frest for w in REGISTRY_WORDS):  # "（Handing UAV Technology Co., Ltd.，统一编号：53817264）"
        reg = REGISTRY_IN_BRACKET_RE.search(frest)
        if reg is not None:
            number = clean_display(rest[reg.start("id") : reg.end("id")])
            rest, frest = rest[: reg.start()] + rest[reg.end("id") :], frest[: reg.start()] + frest[reg.end("id") :]
            rest, frest, code, note = place_tail(rest, frest)
            return rest, frest, code, (), "，".join(filter(None, (number, note)))
    rest, frest, code, note = place_tail(rest, frest)
    return rest, frest, code, (), note


# "1. 汉鼎无人机科技股份有限公司（Handing UAV Technology Co., Ltd.，统一编号：53817264）": a registry number closing the English
# bracket (session 45, audit45/03: kept in the English name and its key); kept as the note.
REGISTRY_WORDS = ("编号", "代码", "注册号", "登记号")
REGISTRY_IN_BRACKET_RE = lazy_compile(r"(?<=[A-Za-z.)])\s*,\s*(?P<id>(?:统一编号|统一社会信用代码|统一代码|公司编号|注册号|登记号)\s*:?\s*"
                                      r"[0-9A-Za-z-]{4,24})\s*(?=\)\s*(?:,|\(|$))")


# "1. 东洋精机株式会社（Toyo Seiki Co.，Ltd.），日本": a country after a comma (session 29, audit29/18: the line was no name,
# and a watch-list annex of 4 gave no entity, only the count warning); a known country only (COUNTRIES), else prose.
# "…（Antwerp Precision Optics NV），比利时，列入理由：无法核实…": a labelled reason or remark after that country (session 45,
# audit45/23: the line was no name, a watch-list annex of 3 read no entity, only the count warning); kept as the note.
COMMA_PLACE_TAIL_RE = lazy_compile(r"\)\s*,\s*(?P<c>[\u4e00-\u9fff]{2,10})\s*"
                                   r"(?:,\s*(?P<why>(?:列入理由|列入原因|理由|原因|备注|说明)\s*:[^\n]*?))?[;。]?\s*$")


# "1. 北岭雷达公司（Northridge Radar, Inc.，美国）": the country inside the English bracket, after a comma (session 30,
# audit30/19: kept in the English name and its key, the country lost); a known country only (COUNTRIES).
INNER_PLACE_TAIL_RE = lazy_compile(r"[A-Za-z.)]\s*(?P<comma>,)\s*(?P<c>[\u4e00-\u9fff]{2,10})\s*(?P<close>\))\s*$")


def place_tail(rest: str, frest: str) -> tuple[str, str, str | None, str | None]:
    """A trailing "（瑞典）" or "，日本" after the English cut off a name: (name, folded name, country code, note: a
    place the country table lacks); so is "，美国" closing the English bracket."""
    close = frest.rfind(")")
    if frest.endswith(")") and "," in frest:
        inner = INNER_PLACE_TAIL_RE.search(frest)
        code = place_code(inner.group("c")) if inner else None
        if inner is not None and code is not None:
            cut, end = inner.start("comma"), inner.start("close")
            return rest[:cut] + rest[end:], frest[:cut] + frest[end:], code, None
    if close >= 0 and frest.find(",", close) >= 0:
        comma = COMMA_PLACE_TAIL_RE.search(frest, close)
        code = place_code(comma.group("c")) if comma else None
        if comma is not None and code is not None:
            why = clean_display(rest[comma.start("why") : comma.end("why")]) if comma.group("why") else None
            return rest[: comma.start() + 1], frest[: comma.start() + 1], code, why
    tail = PLACE_TAIL_RE.search(frest) if frest.find("(", frest.find(")")) >= 0 else None
    if tail is None:
        return rest, frest, None, None
    cut = tail.start() + 1
    code = place_code(tail.group("c"))
    return rest[:cut], frest[:cut], code, None if code else tail.group("c")


NATIONALITY = "籍"  # "美国籍": a person's nationality, the country's name and 籍


def place_code(place: str) -> str | None:
    """The country a place after a name names ("日本"), or a person's nationality ("，美国籍": session 51, blind51/31, the
    country of an ECL person lost)."""
    code = COUNTRIES.get(place)
    if code is None and place.endswith(NATIONALITY):
        code = COUNTRIES.get(place[: -len(NATIONALITY)])
    return code


# An alias written with the name: "（Sequoia Dynamics Inc.，又称Sequoia Dynamic Systems）", "（…, also known as …）",
# "（别名：黑岩防务公司）" after the Chinese name. An alias is no part of the name: the note keeps it.
ZH_ALIAS_WORDS = (*ZH_ALIASES, "简称", "别称")  # "（英文名称：X；别称：Y）" (session 49, blind49/07)
# "formerly": ", formerly Blue Sky Aerospace Electronics Corp." and "(formerly Outpost Aero Group LLC)" inside the English
# bracket give the former name (session 22, parse22: both stayed in the English name and its key).
ALIAS_WORDS = (*ZH_ALIAS_WORDS, "known as", "a.k.a", "f/k/a", "formerly")
# "（Northern Allied Defense Systems, Inc.，以下简称北联防务）": "以下" goes with the short form (session 29, audit29/17: the
# English name and its key kept "，以下").
ALIAS_IN_RE = lazy_compile(rf"\s*[,，;；]?\s*(?P<open>[(（]\s*)?(?:以下\s*)?(?P<alias>(?:{'|'.join(ZH_ALIAS_WORDS)}|also known as|formerly known as"
                         r"|a\.k\.a\.?|f/k/a|(?<![A-Za-z])formerly(?![A-Za-z]))\s*[:：]?.*)$")
ALIAS_BRACKET_RE = lazy_compile(rf"\s*[(（]\s*(?P<alias>(?:{'|'.join(ZH_ALIAS_WORDS)})[^()（）]*)[)）]")


# "（Peregrine Electronics Corp.，亦以Falconer Systems名义经营）": a d/b/a told in Chinese inside the English bracket, the
# trade name an alias (session 41, audit41/19: the words kept in the English name, its key and the feed's title).
TRADE_NAME_MARK = "名义"
TRADE_NAME_RE = lazy_compile(r"\s*[,，;；]\s*(?:亦|也|另|并|同时)?\s*以\s*(?P<alias>[^,，;；]+?)\s*(?:的)?\s*名义\s*(?:经营|运营|开展业务|从事经营活动)?\s*$")


# A label opening the English bracket: "1. 阿登电子有限公司（英文名称：Ardennes Électronique SA；别称：AE Group），比利时" (session 49,
# blind49/07: the English name kept "英文名称：…；别称：AE Group", and screening by it missed).
EN_LABELS = ("英文名称", "英文名", "外文名称", "英文")
EN_LABEL_RE = lazy_compile(r"(?:英文名称|英文名|外文名称|英文)\s*[:：]\s*(?=[A-Za-z0-9])")


def aliases_out(zh: str | None, en: str | None) -> tuple[str | None, str | None, str | None]:
    """(zh, en, note): an alias in the English name's bracket or in a bracket after the Chinese one, cut off."""
    notes = []
    if en and en.startswith(EN_LABELS) and (label := EN_LABEL_RE.match(en)) is not None:
        en = en[label.end() :]  # "（英文名称：Ardennes Électronique SA；别称：AE Group）": the label is no part of the name
    if en and TRADE_NAME_MARK in en and (trade := TRADE_NAME_RE.search(en)) is not None and trade.start() > 0:
        notes.append(f"d/b/a {trade['alias']}")
        en = clean_display(en[: trade.start()])
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


# "1. 星链防务服务公司及其分支机构（Starlane Defense Services, Inc. and its branches）": the words for the branches are no
# part of the name (session 21, parse21: both names kept them, and the key with them matched no later notice's "X Inc.").
# "及其关联企业（… and its affiliates）" too (session 36, audit36/17: both names kept the words).
ZH_BRANCH_WORDS_RE = lazy_compile(r"^(?P<name>.+?)\s*(?P<words>及其(?:在华|在中国)?(?:分支机构|子公司|分公司|附属机构|下属机构|附属公司"
                                r"|关联企业|关联公司|下属企业|下属公司))$")
EN_BRANCH_WORDS_RE = lazy_compile(r"^(?P<name>.+?)\s*,?\s+and\s+its\s+(?:branches|subsidiaries|affiliates|affiliated\s+(?:companies|"
                                r"enterprises)|branch\s+offices)(?:\s+in\s+China)?$",
                                re.IGNORECASE)


def branch_words_out(found: list[EntityRecord]) -> list[EntityRecord]:
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


ENGLISH, COUNTRY, KEY = attrgetter("en"), attrgetter("country"), attrgetter("key")
