"""One target's name as written ("余茂春（Yu Maochun）", "X公司及其高级管理人员"): split into Chinese, English, type and
note; a decision's names once each."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.countries import country_code
from storage.frozen import quick_init

from ..entities import COUNTRY_ALT, cached_key, clean_display
from ..textnorm import despace
from .wording import (
    BARE_ROLE_RE,
    CJK_RE,
    GENDER_RE,
    HEAD_PREFIX_RE,
    LATIN_RE,
    NATIVE_SCRIPT_RE,
    ORG_SUFFIX_EN_RE,
    ORG_SUFFIX_SPAN,
    ORG_SUFFIX_ZH,
    ORG_WORDS,
    PERSON_WORDS,
    ROLE_PREFIX_RE,
    ROLE_WORD_RE,
    SPACED_EN_RE,
    STOP_NAME,
)


@quick_init
@dataclass(frozen=True)
class Target:
    """One name as a decision or its annex writes it."""

    zh: str | None
    en: str | None
    type: str | None
    note: str | None
    n: int | None = None
    # the subsidiaries an annex entry lists under it ("（一）X（English）及其子公司：" / "1.Y（…）"), as written: members of
    # the entry, which the decision counts once ("对X及其子公司、Z等2家…企业"), as MOFCOM's branch lines (UEL〔2025〕10号)
    branches: tuple[str, ...] = ()
    country: str | None = None  # the country heading the annex puts it under ("一、日本（1名）"), when any


OPENERS, CLOSERS = "(（[《", ")）]》"
# The characters the splitters stop at, per set of separators: a scan visits only these.
SPLIT_STOPS = {seps: re.compile(f"[{re.escape(OPENERS + CLOSERS + seps)}]") for seps in ("，,;；", "、")}
SEPARATORS = {seps: re.compile(f"[{re.escape(seps)}]") for seps in SPLIT_STOPS}
_OPEN, _CLOSE = (f"[{re.escape(chars)}]" for chars in (OPENERS, CLOSERS))
_NOT_BRACKET = f"[^{re.escape(OPENERS + CLOSERS)}]"
# Brackets that open and close in turn, none inside another and none left open or closed alone:
# then a separator is outside every bracket exactly when it is outside the pairs, so the pieces are
# the runs of other characters and whole pairs (what the depth count gives, in one scan).
# (Atomic: each character allows one reading, so nothing is ever given back. An atomic group around the greedy
# repeat, not the possessive "(?:…)*+" it means: CPython 3.11.2, Debian 12's python3, fullmatched "a和取、（" with that
# and dropped the open bracket: tests/scraper/test_parse_patterns_engines.py.)
SIMPLE_BRACKETS_RE = re.compile(f"(?>(?:{_NOT_BRACKET}++|{_OPEN}{_NOT_BRACKET}*+{_CLOSE})*)")
DEPTH0_PIECES = {seps: re.compile(f"(?>(?:[^{re.escape(OPENERS + CLOSERS + seps)}]++|{_OPEN}{_NOT_BRACKET}*+{_CLOSE})+)")
                 for seps in SPLIT_STOPS}


def _depth0_split(text: str, seps: str) -> list[str]:
    """Split at separators outside brackets ("亚当·布赖（…联合创始人、首席执行官）、汤姆·莫斯")."""
    if SEPARATORS[seps].search(text) is None:  # nothing to split at: no bracket needs a visit
        return [text] if text.strip() else []
    if SIMPLE_BRACKETS_RE.fullmatch(text):
        return [part for part in DEPTH0_PIECES[seps].findall(text) if part.strip()]
    out, depth, start = [], 0, 0
    for m in SPLIT_STOPS[seps].finditer(text):
        ch = m.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [part for part in out if part.strip()]


def _org_suffix(name: str) -> bool:
    """An organisation's name ending (ORG_SUFFIX_RE), looked for where it can be: at the end (``$``: or before a
    newline ending the name). The Chinese words by ``str.endswith``, the English ones (ORG_SUFFIX_EN_RE) only after a
    name ending in an ASCII letter or a "." (each of them ends so)."""
    end = name[:-1] if name[-1:] == "\n" else name
    if end.endswith(ORG_SUFFIX_ZH):
        return True
    last = end[-1:]
    return last.isascii() and (last.isalpha() or last == ".") \
        and ORG_SUFFIX_EN_RE.search(name, max(0, len(name) - ORG_SUFFIX_SPAN)) is not None


PERSON_WORDS_RE, ORG_WORDS_RE = (re.compile("|".join(words)) for words in (PERSON_WORDS, ORG_WORDS))
# Both kinds named, joined: "实体和个人", "企业及高级管理人员" (not "企业高级管理人员": people of companies).
BOTH_KINDS_RE = re.compile(f"(?:{ORG_WORDS_RE.pattern})(?:和|及其?|与|以及|、).*?(?:{PERSON_WORDS_RE.pattern})")


def _type_of_words(text: str) -> str | None:
    """"individual" when ``text`` holds any of PERSON_WORDS, else "organization" for any of ORG_WORDS."""
    if PERSON_WORDS_RE.search(text):
        return "individual"
    if ORG_WORDS_RE.search(text):
        return "organization"
    return None


def _role_prefix(zh: str | None) -> tuple[str | None, str | None]:
    """"美国国会众议员麦考尔" -> ("麦考尔", "美国国会众议员"): a role written before a person's
    name is a note. Organisation names ("…议员联盟") are left whole."""
    if not zh or _org_suffix(zh):
        return zh, None
    if ("）" in zh or ")" in zh) and ("·" in zh or "•" in zh):
        # "“自由之声基金会”（自由之聲基金會，Voice of Liberty Foundation）主席埃伦·哈珀": the body, its bracket, the post (session 47,
        # mfa47/19: the whole was the person's Chinese name)
        close = max(zh.rfind("）"), zh.rfind(")")) + 1
        name, role = _role_prefix(zh[close:])
        if name and role is not None:
            return name, zh[:close] + role
    m = ROLE_PREFIX_RE.match(zh) if ROLE_WORD_RE.search(zh, 2) is not None else None
    m = m or BARE_ROLE_RE.match(zh) or (HEAD_PREFIX_RE.match(zh) if "·" in zh or "•" in zh else None)
    if m is None:
        return zh, None
    return m.group("name"), m.group("role")


# What a company's entry says it covers besides itself, after its name and English: "安杜里尔工业公司（Anduril
# Industries, Inc.）及其子公司：" (a note, never part of the name).
# So too its offices in China, "及其在华机构", "及其在华分支机构、代表处" (session 43, mfa43/07: on an annex line the whole was read as
# the Chinese name, bracket and all, the English lost: screening by the English name found nothing).
IN_CHINA_OFFICES = r"(?:子公司|分公司|分支机构|机构|代表处|办事处|代表机构)"
SCOPE = (r"(?:以?及其|和其)(?:(?:全部|所有|下属|附属|关联)?"
         r"(?:子公司|分公司|分支机构|附属机构|附属公司|关联公司|关联企业|下属机构|下属企业|下属公司)"
         rf"|(?:在华|驻华|在中国境内|在我国境内|在中国|在我国)(?:全部|所有|下属|附属)?{IN_CHINA_OFFICES}"
         rf"(?:[、和及与]{IN_CHINA_OFFICES})*)等?")
SCOPE_TAIL_RE = re.compile(rf"(?<=[^\s、，,])\s*(?P<scope>{SCOPE})$")
SCOPE_RE = re.compile(SCOPE)  # the scope alone, as a note holds it


QUOTE_OPENERS = "“「『\""
QUOTED_NAME_RE = re.compile(r"[“「『\"](?P<name>[^“”「」『』\"]{1,60})[”」』\"](?=\s*(?:[(（,，]|$))")


# The English for the scope, ending a name whose Chinese ends with SCOPE: "… Inc. and its subsidiaries".
EN_SCOPE_TAIL_RE = re.compile(r"\s*,?\s+and\s+(?:its|their)\s+(?:subsidiaries|branches|affiliates|affiliated\s+(?:companies|"
                              r"entities|enterprises)|branch\s+offices)(?:\s+in\s+China)?$", re.IGNORECASE)


# A body's acronym after its English name and a Chinese comma: "（European Institute for China Policy，EICP）" (session 40,
# mfa40/05: kept in the name and the key, so the full name screened as a possible match only). A note, as 简称.
ACRONYM_TAIL_RE = re.compile(r"\s*，\s*(?P<short>[A-Z][A-Z&]{1,9})\s*$")
LEGAL_FORMS = frozenset(("LLC", "INC", "LTD", "PLC", "AG", "SA", "NV", "BV", "KK", "GMBH", "LP", "LLP", "AB", "AS", "OY", "SE",
                         "SRL", "SPA", "CO", "CORP"))


ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&.\-]{1,11}")  # "LMMFC", "HPA", "BAE", "L3H": a short form in capitals
EN_COUNTRY_TAIL_RE = re.compile(r"\s*[(（]\s*(?P<c>[A-Za-z][A-Za-z .,'’-]{1,40}?)\s*[)）]\s*$")


def english_country(name: str) -> str | None:
    """The alpha-2 code of a country written in English ("United States", "Ireland", "UK"), else None: not any two
    letters (``country_code`` takes "AG" or "KK" for a code), only the names the table knows."""
    name = name.strip()
    code = country_code(name)
    return code if code is not None and (len(name) > 2 or name.upper() in ("UK", "US")) else None


def split_target(raw: str) -> tuple[str | None, str | None, str | None, bool]:
    """"姓名（English），男，role" -> (zh, en, note, gendered). A bracket without Latin letters
    is a note ("史蒂文·鲁德（摇杆舵公司创始人）"), as is every tail clause but the gender, and what a company's
    entry covers besides it ("…（English）及其子公司": SCOPE_TAIL_RE; before the bracket, "X及其子公司（X Inc. and its
    subsidiaries）": session 37, mfa37/09, both names kept the words)."""
    zh: str | None  # (declared: mypyc infers None from "zh, en = None, zh" below and refuses the module)
    en: str | None
    if raw.rstrip().endswith(CLOSE_PARENS) and (tail := EN_COUNTRY_TAIL_RE.search(raw)) is not None and (
            not CJK_RE.search(raw[: tail.start()])) and english_country(tail.group("c")) is not None:
        # "Harbor Point Analytics LLC (United States)" in an annex of English lines: the bracket is the country, not the
        # English name (session 46, a probe of mfa46/07: "United States" was the English name and key, the name the Chinese)
        zh, en, note, gendered = split_target(raw[: tail.start()])
        return zh, en, "，".join(filter(None, (tail.group("c").strip(), note))), gendered
    zh, en, note, gendered = _split_written(raw)
    if zh and en and not CJK_RE.search(zh) and LATIN_RE.search(zh) and ACRONYM_RE.fullmatch(en):
        # "Lockheed Martin Missiles and Fire Control (LMMFC)" in an annex of English lines: the name is the English, the
        # bracket its short form (session 46, a probe: "LMMFC" was the English name and key, the name the Chinese one)
        abbr: str = en
        zh, en, note = None, zh, "，".join(filter(None, ("简称" + abbr, note)))
    if zh and zh.endswith(HONORIFICS) and len(zh) > 3:  # "罗伯特·黑尔先生（Robert Hale）", "Jane Doe女士"; "王先生" left as written
        zh, gendered = zh[:-2], True
        if en is None and not CJK_RE.search(zh):
            zh, en = None, zh
    if en and "，" in en and (short := ACRONYM_TAIL_RE.search(en)) is not None and short.group("short") not in LEGAL_FORMS:
        en, note = en[: short.start()], "，".join(filter(None, ("简称" + short.group("short"), note)))
    scope = SCOPE_TAIL_RE.search(zh) if zh and "其" in zh else None
    if zh is None or scope is None or scope.start() < 2:
        return zh, en, note, gendered
    return (zh[: scope.start()], EN_SCOPE_TAIL_RE.sub("", en) if en else en,
            "，".join(filter(None, (note, scope.group("scope")))), gendered)


# A country before a quoted name: "日本“台湾战略研究会”（Taiwan Strategy Research Association）" (session 40, mfa40/03: the name
# kept the country and the quotation marks).
COUNTRY_QUOTED_RE = re.compile(rf"(?:{COUNTRY_ALT})(?=[“\"])")


# A courtesy title after a person's name: "解除…对Wang Zhiqiang先生采取的反制措施" (session 44, mfa44/20: "Wang Zhiqiang先生" was the
# Chinese name, typed an organisation, a key no listing has: the lift an unresolved reference). A person's mark, no part of the name.
HONORIFICS = ("先生", "女士")
# Where a company is registered, written before its name: "在澳门特别行政区注册的金莲咨询有限公司（…）", "香港注册的…" (session 44,
# mfa44/08: the words were the Chinese name's, so screening by the name found a possible match only); so too "已故的" before a
# person's name (a probe: "已故的维克托·…" keyed with the words, the lift an unresolved reference). A note.
DESCRIBED_BEFORE_RE = re.compile(r"已故的?|[在于]?[^的，,、（(]{2,16}?(?:注册|成立|设立|登记)的")


def _split_written(raw: str) -> tuple[str | None, str | None, str | None, bool]:
    """``split_target`` but for the scope written before the bracket."""
    text = raw.strip().rstrip(STOP_NAME)
    if "的" in text[:20] and (said := DESCRIBED_BEFORE_RE.match(text)) is not None and said.end() < len(text):
        zh, en, note, gendered = _split_written(text[said.end() :])
        return zh, en, "，".join(filter(None, (said.group(0).removesuffix("的"), note))), gendered
    if text.startswith("已故") and len(text) > 4:  # "已故埃里克·斯通"
        zh, en, note, gendered = _split_written(text[2:])
        return zh, en, "，".join(filter(None, ("已故", note))), gendered
    quoted = QUOTED_NAME_RE.match(text) if text[:1] in QUOTE_OPENERS else None
    if quoted is None and ("“" in text[:8] or '"' in text[:8]) and (lead := COUNTRY_QUOTED_RE.match(text)) is not None:
        quoted = QUOTED_NAME_RE.match(text, lead.end())  # "日本“台湾战略研究会”（…）": the country is no part of the name
    if quoted is not None:  # "“北极光人权观察”（Northern Lights Rights Watch）": the name, not its quotation marks
        text = quoted.group("name") + text[quoted.end() :]
    scope = SCOPE_TAIL_RE.search(text) if "其" in text else None
    if scope is not None:
        zh, en, note, gendered = split_target(text[: scope.start()])
        if zh or en:
            return zh, en, "，".join(filter(None, (note, scope.group("scope")))), gendered
    common = COMMON_TARGET_RE.fullmatch(text)
    if common is not None:  # the usual annex or decision target, read by the pattern alone
        zh, en, inner, gender, note = common.groups()  # its only groups, in this order
        role = None
        if ROLE_WORD_RE.search(zh, 2) is not None or "·" in zh or "•" in zh:  # a role, maybe bare (BARE_ROLE_RE)
            name, role = _role_prefix(zh)
            zh = zh if name is None else name
        if inner is None and note is None:
            notes = role
        elif role is None and (inner is None or note is None):  # one piece: clean_display strips it
            notes = note if inner is None else inner
        else:
            notes = "，".join([piece.strip() for piece in (role, inner, note) if piece is not None])
        return (zh if zh.isprintable() else clean_display(zh),
                en if en is None or (en.isprintable() and "  " not in en) else clean_display(en),
                clean_display(notes), gender is not None)
    return _split_target(text)


def _split_target(text: str) -> tuple[str | None, str | None, str | None, bool]:
    """``split_target`` of ``text`` (stripped) by the general reading."""
    simple = SIMPLE_TARGET_RE.fullmatch(text)
    start: int | None = None
    if simple is not None:  # the common shape, read by the pattern: no depth count
        name, tail = simple.group("name", "tail")
        clauses = SEPARATOR_RE.split(tail)[1:] if tail else []
        start = simple.start("inner") - 1  # the bracket (when there is one)
    else:
        parts = _depth0_split(text, SEPARATORS_OF_CLAUSES)
        if not parts:
            return None, None, None, False
        name, clauses = parts[0].strip(), parts[1:]
    name, clauses = _legal_tail(name, clauses)
    gendered = False
    notes: list[str] = []
    for clause in clauses:
        clause = clause.strip()
        if GENDER_RE.match(clause):
            gendered = True
        elif clause:
            notes.append(clause)
    zh: str | None = name
    en: str | None = None
    if name.endswith(CLOSE_PARENS):
        zh, en, in_bracket = _bracket_read(name, start, simple is not None, notes)
        gendered = gendered or in_bracket
    else:
        m = SPACED_EN_RE.match(name)
        if m:
            zh, en = m.group("zh").strip(), m.group("en").strip()
        elif (first := EN_FIRST_RE.fullmatch(name)) is not None:  # "国会参议员Dana Whitfield 达娜·惠特菲尔德": English first
            zh, en = first.group("zh"), first.group("en")
            if first.group("lead").strip():
                notes.insert(0, first.group("lead").strip())
    if zh and not CJK_RE.search(zh) and LATIN_RE.search(zh) and en is None:
        # a Latin-only name is the English: bound first, since mypy reads "zh, en = None, zh" left to right and
        # typed ``en`` None after it
        latin: str = zh
        zh, en = None, latin
        if notes and DOTTED_ZH_RE.fullmatch(notes[0]):  # "Marcus T. Reyes（马库斯·雷耶斯）": the Chinese in the bracket
            zh = notes.pop(0)
    zh, role = _role_prefix(zh)
    if role:
        notes.insert(0, role)
    note = "，".join(notes) or None
    return clean_display(zh), clean_display(en), clean_display(note), gendered


def _bracket_read(name: str, start: int | None, simple: bool, notes: list[str]) -> tuple[str | None, str | None, bool]:
    """A name ending in a bracket (``start``: where the bracket opens, if the simple shape found it): the name before
    it, the English the bracket holds and whether it gives a gender; its other pieces go first in ``notes``. The name
    whole where no bracket opens it."""
    zh: str | None = name
    en: str | None = None
    gendered = False
    if start is None:
        start = _matching_open(name)
    if start is not None and start > 0:
        inner = name[start + 1 : -1].strip()
        zh = name[:start].strip()
        # the simple shape's bracket holds no separator
        inner_parts = (_legal_tails(_depth0_split(inner, SEPARATORS_OF_CLAUSES))
                       if not simple and LATIN_RE.search(inner) and (
                           CJK_RE.search(inner) or NATIVE_SCRIPT_RE.search(inner)) else [inner])
        for piece in inner_parts:
            piece = piece.strip()
            if GENDER_RE.match(piece):
                gendered = True
            elif LATIN_RE.search(piece) and not CJK_RE.search(piece) and en is None and (
                    len(inner_parts) == 1 or not NATIVE_SCRIPT_RE.search(piece)):
                en = piece
            elif piece:
                notes.insert(0, piece)
        if en is None and zh.endswith(CLOSE_PARENS) and LATIN_RE.search(zh):
            # "北辰精密制造公司（Polestar Precision Manufacturing LLC）（原名：北辰精工公司）": the English in the bracket
            # before the note's (session 49, mfa49/03: the whole first bracket kept in the Chinese name, no English)
            inner_zh, inner_en, inner_note, _ = _split_target(zh)
            if inner_zh and inner_en:
                zh, en = inner_zh, inner_en
                notes[0:0] = [inner_note] if inner_note else []
    return zh, en, gendered

# A person's English name before the Chinese, a space between, a role perhaps before both: "美国国会众议员Gregory Lane 格雷戈里·莱恩"
# (session 39, mfa39/04: the whole kept as the Chinese name, no English; a later lift naming him so found no one); the Chinese
# may be a surname alone ("Marco Rubio 卢比奥").
EN_FIRST_RE = re.compile(r"(?P<lead>[^A-Za-z]*?)(?P<en>[A-Z][A-Za-z.'’\- ]*[A-Za-z.])[\s\u3000]+"
                         r"(?P<zh>[\u4e00-\u9fff]{2,}(?:[·•][\u4e00-\u9fff]+)*)")
# A transliterated name in Chinese alone: "马库斯·雷耶斯" (a middle dot between Han runs; a role or a note has none).
DOTTED_ZH_RE = re.compile(r"[\u4e00-\u9fff]+(?:[·•][\u4e00-\u9fff]+)+")


# A company's legal form after a comma: "Red Cat Holdings, Inc." (session 21, mfa21: an annex line of English only
# read "Inc." as a note, the name as "Red Cat Holdings", and "Teal Drones, Inc." as a person's name).
LEGAL_TAIL_RE = re.compile(r"(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Co|PLC|GmbH|AG|S\.A|N\.V|B\.V|L\.P|LP|KK)\.?",
                           re.IGNORECASE)


def _legal_tail(name: str, clauses: list[str]) -> tuple[str, list[str]]:
    """A Latin-only name with the legal form its first clause holds ("Red Cat Holdings" + " Inc."), else as it is."""
    at = next((i for i, clause in enumerate(clauses) if clause.strip()), None)  # blank clauses are skipped anyway
    if at is not None and LEGAL_TAIL_RE.fullmatch(clauses[at].strip()) and LATIN_RE.search(name) and (
            not CJK_RE.search(name)):
        return f"{name}, {clauses[at].strip()}", clauses[at + 1 :]
    return name, clauses


def _legal_tails(parts: list[str]) -> list[str]:
    """The pieces of a bracket, each legal form joined to the Latin name before it: "（天穹防務科技股份有限公司，Skydome Defense
    Technology Co., Ltd.）" (session 47, mfa47/09: the English read "Skydome Defense Technology Co.", "Ltd." a note)."""
    out: list[str] = []
    for part in parts:
        piece = part.strip()
        if out and LEGAL_TAIL_RE.fullmatch(piece) and LATIN_RE.search(out[-1]) and not CJK_RE.search(out[-1]):
            out[-1] = f"{out[-1].strip()}, {piece}"
        else:
            out.append(part)
    return out


SEPARATORS_OF_CLAUSES = "，,;；"
SEPARATOR_RE = re.compile(f"[{SEPARATORS_OF_CLAUSES}]")
# The common target: a name, then at most one bracket pair holding no separator, then clauses after
# separators, and no other bracket ("姓名（English），男，role", "名称（English）", "姓名（role）", "姓名"):
# then the name is the text before the first separator, the clauses the pieces after it, and the
# bracket the last one opened (what ``_depth0_split`` and ``_matching_open`` find).
SIMPLE_TARGET_RE = re.compile(
    r"(?P<name>[^()（）,，;；]*[^()（）,，;；\s](?:\s*[(（](?P<inner>[^()（）,，;；]*)[)）])?)(?P<tail>[,，;；][^()（）]*)?"
)
# The usual target, whose reading needs no split: a Chinese name (no space, Latin letter, bracket or
# separator), then perhaps a bracket holding its English (a Latin letter first, no Chinese, no
# separator, no space at either end) or a note (no Latin letter, no separator), then perhaps the gender
# alone ("，男") and one clause more (a note). What ``_split_target`` reads of it: the name is all of
# the Chinese (no spaced English, no swap), the English is the English, a gender clause sets
# ``gendered``, the notes are the bracket's and the clause's in that order (neither blank nor a gender).
_NO_SEP = "()（）,，;；"
_GENDER = r"\s*(?:性别\s*[:：]?\s*)?[男女]性?\s*"  # a piece GENDER_RE matches once stripped
COMMON_TARGET_RE = re.compile(
    rf"(?P<zh>[\u4e00-\u9fff][^\sA-Za-z{_NO_SEP}]*)"
    rf"(?:[(（](?:(?P<en>[A-Za-z](?:[^{_NO_SEP}\u4e00-\u9fff]*[^\s{_NO_SEP}\u4e00-\u9fff])?)"
    rf"|(?!{_GENDER}[)）])(?=[^{_NO_SEP}]*[^\s{_NO_SEP}])(?P<inner>[^{_NO_SEP}A-Za-z]*))[)）])?"
    rf"(?:[,，](?P<g>[男女]))?(?:[,，;；](?!{_GENDER}$)(?=[^{_NO_SEP}]*[^\s{_NO_SEP}])(?P<note>[^{_NO_SEP}]*))?"
)
PARENS_RE = re.compile(r"[()（）]")
CLOSE_PARENS = (")", "）")


def _matching_open(text: str) -> int | None:
    """Where the bracket closed by the last character opens (None: nowhere); brackets of
    either width pair alike, as in the folded text."""
    last = max(text.rfind("("), text.rfind("（"))
    inside = text[last + 1 : -1]
    if ")" not in inside and "）" not in inside:  # the last opening one (or none): no pair inside
        return last if last >= 0 else None
    depth = 0
    for m in reversed(list(PARENS_RE.finditer(text))):
        depth += 1 if m.group() in CLOSE_PARENS else -1
        if depth == 0:
            return m.start()
    return None


def _dedupe(targets: list[Target]) -> list[Target]:
    """The decision's names once each, in order. A name given with its English in one phrase and without
    it in another ("…及其首席执行官亚当·布赖（Adam Bry）", then "三、对亚当·布赖本人不予签发签证") is one
    target, completed from both: keyed by its Chinese alone it would be the same person twice. (Two
    targets of one Chinese name and different English stay two, and a name without English bound to
    neither of them.)"""
    out: list[Target] = []
    seen: set[str] = set()
    for t in targets:
        at = _other_half(out, t)
        if at is not None:
            old = out[at]
            first, again = despace(old.zh or ""), despace(t.zh or "")
            if again and old.en and not t.en and len(first) > len(again) and first.endswith(again):
                # the post before the first mention's name is a note (``_other_half``): the name is the later mention's
                post = first[: len(first) - len(again)]
                old = Target(again, old.en, old.type, "，".join(filter(None, (post, old.note))), old.n, country=old.country)
            out[at] = Target(old.zh or t.zh, old.en or t.en, old.type or t.type, old.note or t.note, old.n,
                             country=old.country or t.country)
            seen.add(cached_key(out[at].zh, out[at].en))
            continue
        if cached_key(t.zh, t.en) in seen:
            continue
        out.append(Target(t.zh, t.en, t.type, t.note, len(out) + 1, country=t.country))  # (a region's person: its own)
        seen.add(cached_key(t.zh, t.en))
    return out


def _other_half(out: list[Target], t: Target) -> int | None:
    """The one target of ``out`` that ``t`` names too, by the half of the name both give, when one of
    them lacks the other half (the English, or the Chinese); None when none or several do."""
    zh, en = despace(t.zh) if t.zh else None, t.en.casefold() if t.en else None
    found = [i for i, o in enumerate(out)
             if (zh and o.zh and despace(o.zh) == zh and (en is None or o.en is None))
             or (en and o.en and o.en.casefold() == en and (zh is None or o.zh is None))]
    if not found and zh and en is None and ("·" in zh or "•" in zh):
        # a transliterated name again, after a post no rule cut from its first mention: "美国密苏里州总审计官艾伦·派克（Alan Pike）", then
        # "三、对艾伦·派克…本人…不予签发签证" (session 51, mfa51/05: one person read twice, keyed twice)
        found = [i for i, o in enumerate(out) if o.zh and o.en and len(o.zh) > len(zh) and despace(o.zh).endswith(zh)]
    return found[0] if len(found) == 1 else None
