"""The decision's sentences: each "对A、B等N家/名…" phrase as a group of named targets with its count, kind and
measures; where the decision starts and which sentence is its own."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from storage.frozen import quick_init

from ..dates import make_date
from ..entities import COUNTRY_ALT, clean_display
from ..lazyre import lazy_compile
from ..textnorm import NUM, despace, fold, to_int
from .names import (
    BOTH_KINDS_RE,
    ORG_WORDS_RE,
    PERSON_WORDS_RE,
    QUOTE_OPENERS,
    SCOPE_RE,
    SCOPE_TAIL_RE,
    Target,
    _depth0_split,
    _org_suffix,
    _role_prefix,
    _type_of_words,
    split_target,
)
from .wording import (
    BACK_REFS,
    BARE_COUNT_RE,
    BARE_DECISION_START_RE,
    CJK_RE,
    DATED_DECISION_RE,
    DATED_DECISION_REACH,
    DECISION_START_RE,
    DESCRIPTION_ENDS,
    GROUP_TAIL_RE,
    ITS_FAMILY,
    ITS_PERSON_RE,
    ITS_RE,
    ITS_STAFF_RE,
    JOINERS_RE,
    LATIN_RE,
    MEASURE_VERB_RE,
    MEASURE_WORDS,
    NAME_PARTICLES,
    NOT_NAMES_RE,
    ORDER_NO_RE,
    ORG_EN_WORDS,
    OWN_EFFECTIVE_LINE,
    PRONOUNS,
    ROLE_END_RE,
    SELF_TAIL_RE,
    SELF_TAILS,
    STATUS_VERB,
    TARGET_START_RE,
    UNIT_TYPES,
    VERB_FIRST,
)


@quick_init
@dataclass(frozen=True)
class Group:
    """One "对A、B等N家/名…" phrase: the names it spells out, the count and kind it states."""

    names: tuple[Target, ...]
    count: int | None
    type: str | None
    measures: tuple[str, ...]
    text: str


# "将斯凯迪奥公司（Skydio Inc.）从反制清单中移出": a removal's "从…清单" and 移出 end the targets too.
FROM_LIST = r"从(?=[^,，。；;\n]{0,20}?(?:名单|清单))"
# "…中对X（x）实施的反制措施" ends the targets as 采取 does (session 37, mfa37: the name read "X（x）实施的反制措施", no English).
SEGMENT_STOPS_RE = re.compile(rf"[(（《)）》,，。；;:\n]|采取|实施的|列入|纳入|移出|{FROM_LIST}")


# From a place outside brackets, the run of text before the next stop outside them, when every bracket on
# the way closes before the next opens (any opener pairs with any closer, as in the depth count).
# An atomic group around a greedy repeat, not the same repeat possessive ("(?:…)*+", what it means): CPython 3.11.2's
# engine (Debian 12's python3) reads a possessive repeat of a group wrong (a lookahead in it ignored, a branch that
# failed half-way kept), so "对石平采取以下反制措施" ran on through 采取 and named "石平采取", no country (ops31, in the
# container on that Python; 3.11.7 reads 石平): tests/scraper/test_parse_patterns_engines.py.
TO_SEGMENT_STOP_RE = re.compile(
    r"(?>(?:[^(（《)）》,，。；;:\n采实列纳移从]++|采(?!取)|实(?!施的)|[列纳](?!入)|移(?!出)|从(?![^,，。；;\n]{0,20}?(?:名单|清单))"
    r"|[(（《][^(（《)）》]*+[)）》])*)"
)


# A Latin name's legal form after its comma: "对Ironclad Defense Systems, Inc.、Harbor Light Avionics Co., Ltd.等3家…" (session 47,
# mfa47/21: the comma ended the targets, "Ironclad Defense Systems" read, the other two and the count lost, silently).
LATIN_FORM_RE = re.compile(r",\s?(?:Inc|Ltd|LLC|L\.L\.C|Corp|Co|Corporation|Company|Limited|PLC|Plc|LLP|LP|L\.P|GmbH|AG|SE|S\.A|"
                           r"S\.p\.A|N\.V|B\.V|Pty|Ltda)\.?(?![A-Za-z])")


def _target_segment(folded: str, start: int) -> tuple[int, int]:
    """From just after "对" to the first "采取" or comma outside brackets, within the sentence (not the comma of a Latin
    name's legal form: LATIN_FORM_RE)."""
    run = TO_SEGMENT_STOP_RE.match(folded, start)  # it matches, if only empty
    end = run.end() if run is not None else start
    while end < len(folded) - 1 and folded[end] == "," and folded[end - 1 : end].isascii() and (
            form := LATIN_FORM_RE.match(folded, end)) is not None:
        run = TO_SEGMENT_STOP_RE.match(folded, form.end())
        end = run.end() if run is not None else form.end()
    while end < len(folded) and folded[end] in ",，" and _goes_on(folded, end):
        run = TO_SEGMENT_STOP_RE.match(folded, end + 3)
        end = run.end() if run is not None else end + 3
    if end == len(folded) or folded[end] not in "(（《)）》":
        return start, end  # a stop, or the end: no bracket was left open or closed alone
    return _segment_by_depth(folded, start)


def _goes_on(folded: str, comma: int) -> bool:
    """Whether the list of targets goes on after the comma at ``comma``: "，以及" and a name in brackets before the next stop
    ("对A（a）及其下属机构、B（b）及其下属机构，以及上述组织负责人C（c）、D（d）采取…": session 51, mfa51/04, C and D not read, held);
    not "，以及其子公司", "，以及上述人员的直系亲属" (no one named: words, read as names)."""
    if not folded.startswith("以及", comma + 1):
        return False
    run = TO_SEGMENT_STOP_RE.match(folded, comma + 3)
    said = folded[comma + 3 : run.end()] if run is not None else ""
    return "(" in said or "（" in said


def _segment_by_depth(folded: str, start: int) -> tuple[int, int]:
    """``_target_segment`` by the depth count, stop by stop."""
    depth = 0
    for m in SEGMENT_STOPS_RE.finditer(folded, start):
        ch = m.group()
        if ch in "(（《":
            depth += 1
        elif ch in ")）》":
            depth = max(0, depth - 1)
        elif depth == 0 and not (ch in ",，" and _goes_on(folded, m.start())):  # (the list goes on: as above)
            return start, m.start()
    return start, len(folded)


def _measures(text: str) -> tuple[str, ...]:
    return tuple(name for name, regex in MEASURE_WORDS if regex.search(text))


def groups(body_lines: list[str], folded_lines: list[str] | None = None, folded_body: str | None = None) -> list[Group]:
    """Every target phrase of the operative part: the decision sentence ("中方决定对…采取") and
    each measure after it ("一、对A、B等3家…企业，冻结…"). The reasons before the decision are
    left out: "对两名中方官员进行非法制裁" names no target. ``folded_body``: the folded lines joined."""
    folded_lines = [fold(line) for line in body_lines] if folded_lines is None else folded_lines
    body = "\n".join(folded_lines) if folded_body is None else folded_body
    return _groups(body_lines, folded_lines, body, _decision_match(body))


def _decision_match(folded: str, published: date | None = None) -> re.Match[str] | None:
    """Where the deciding side decides (DECISION_START_RE), else a bare 决定对 (BARE_DECISION_START_RE);
    a decision dated before the text's own day (``published``) is history told in the reasons
    ("2024年10月10日，中方决定对斯凯迪奥公司等3家…采取反制措施。"), not this one."""
    return _own_match((DECISION_START_RE, BARE_DECISION_START_RE), folded, published)


def _own_match(regexes: tuple[re.Pattern[str], ...], folded: str, published: date | None) -> re.Match[str] | None:
    """The first match of the first of ``regexes`` that has one, not dated before ``published``; one after
    the decision's own number (its first ORDER_NO_RE match, "（…外交部令第13号公布…）") when there is one:
    before it stand a reprint's headline and lead ("外交部决定对美国军工企业…采取反制措施"), not the decision."""
    head = -1
    for regex in regexes:
        found = None
        for m in regex.finditer(folded):
            if published is not None and _dated_before(folded, m.start(), published):
                continue
            if head < 0:
                own = ORDER_NO_RE.search(folded) if "外交部令" in folded else None
                head = own.end() if own is not None else 0
            if m.start() >= head:
                return m
            found = found or m
        if found is not None:
            return found
    return None


def _dated_before(folded: str, at: int, published: date) -> bool:
    """A full date earlier than ``published`` written right before ``at`` (commas and spaces between)."""
    lo = max(0, at - DATED_DECISION_REACH)
    if folded.find("日", lo, at) < 0:  # in every DATED_DECISION_RE match
        return False
    m = DATED_DECISION_RE.search(folded, lo, at)
    day = make_date(*m.groups()) if m else None
    return day is not None and day < published


def _groups(body_lines: list[str], folded_lines: list[str], body: str, decided: re.Match[str] | None,
            verb_first: bool = False) -> list[Group]:
    """``groups`` given the folded lines, their join and ``_decision_match`` of it (searched once by the caller); with
    ``verb_first`` (a decision that imposes), the plain names its measures name after their verbs too (``verb_first_groups``)."""
    out: list[Group] = []
    start = _decision_start(folded_lines, body, decided)
    if start is None:
        return out
    first, offset = start
    for line, folded in _wrapped_joined(body_lines[first:], folded_lines[first:]):
        if not folded or folded.isspace():  # a blank line holds no phrase (nor 本决定)
            continue
        if folded.strip().startswith(OWN_EFFECTIVE_LINE):
            break
        out.extend(line_groups(line, folded, offset))
        if verb_first and ("冻结" in folded or "禁止" in folded):  # in every VERB_FIRST match
            out.extend(verb_first_groups(line, folded, offset, body))
        offset = 0
    return out


def _wrapped_joined(lines: list[str], folded_lines: list[str]) -> list[tuple[str, str]]:
    """The lines (as written, folded), a line ending in "、" joined with the next, which goes on with the list: "中方决定对A（a）、
    B（b）、\nC（c）等3家美国军工企业采取…" (session 49, mfa49/24: a page's line break in the list, held for a person)."""
    pairs = list(zip(lines, folded_lines))
    if not any(f.rstrip().endswith("、") for f in folded_lines):
        return pairs
    out: list[tuple[str, str]] = []
    for line, folded in pairs:
        if out and out[-1][1].rstrip().endswith("、") and folded.strip():
            prev, prev_f = out[-1]
            cut = len(prev_f.rstrip())  # (fold keeps every place: the same cut in both)
            lead = len(folded) - len(folded.lstrip())
            out[-1] = (prev[:cut] + line[lead:], prev_f[:cut] + folded[lead:])
        else:
            out.append((line, folded))
    return out


# A name as plain as the object-first form's, folded: its Latin spelling in brackets ("黑松航空航天公司(Blackpine Aerospace Inc.)"), or
# Latin alone ("Liu Jianhua"). A description ("参与对台军售的美国企业"), a pronoun (其), a pointer (上述企业), a scope ("X(x)及其子公司")
# or a bare Chinese name is none: such a verb-first phrase is left to a person (``checks.named_unread``; or no target: cut short).
PLAIN_NAME_RE = re.compile(r"\s*(?:[^\s()（）、,，;；:：等及]{2,60}\s*\(\s*[A-Za-z][^()]{0,160}\)|[A-Za-z][A-Za-z.'’\- ]{2,80}[A-Za-z.])\s*")
COUNT_TAIL_RE = re.compile(rf"等\s*(?:{NUM}\s*[家名个位人])?[^()、]{{0,12}}$")  # "…等2家企业" after the last name
# A person's transliterated name alone, its parts parted by a middle dot: "尤尔吉斯·瓦伊特库斯" (session 48, mfa47/03); no word of a
# description or a scope in it (的, 其, 及, 和, 与, 等, 或, 之), no organisation's ending ("洛克希德·马丁公司": ``_org_suffix``).
DOTTED_NAME_RE = re.compile(r"\s*(?![^·•・]*[·•・][^\n]*[的其及和与等或之])(?![^\n]*[的其及和与等或之][^\n]*[·•・])"
                            r"[\u4e00-\u9fff]{1,8}(?:[·•・][\u4e00-\u9fff]{1,8}){1,4}\s*")


def verb_first_groups(line: str, folded: str, offset: int = 0, body: str = "") -> list[Group]:
    """The groups of one operative line whose measures name their targets after the verb (session 43, mfa43/24, /25; mfa42/02,
    /19 were held for it): "冻结A（a）、B（b）在我国境内的动产…", "禁止我国境内的组织、个人与X（x）进行有关交易、合作等活动"
    (wording.VERB_FIRST), each group with its sentence's measures; read only where every name is plain (PLAIN_NAME_RE)."""
    out: list[Group] = []
    # No match can cross a sentence's end (each part of either pattern refuses 。；;), so a line none matches whole has
    # none in any sentence: most measure lines; those are not split again (perf44, after perf43's replay: +5,400 a page).
    if not any(regex.search(folded, offset) for regex in VERB_FIRST):
        return out
    for sentence_start, sentence in _sentences(folded, offset):
        for regex in VERB_FIRST:
            for m in regex.finditer(sentence):
                s, e = m.span("names")
                if _depth_at(sentence, s) != 0:
                    continue
                region = None
                if not _plain_names(sentence[s:e]):
                    bare = _bare_names(sentence[s:e], body)
                    if bare is None:
                        continue
                    skip, region = bare
                    s += skip
                found = _group(line[sentence_start + s : sentence_start + e], sentence[s:e], sentence)
                if region is not None:  # the region's persons: theirs, whatever the title names
                    found = [replace(g, names=tuple(replace(t, country=region) for t in g.names)) for g in found]
                out.extend(found)
    return out


def _plain_names(seg_f: str) -> bool:
    """Whether every name of the folded phrase ``seg_f`` (parted by "、" or a joiner after a bracket, a count after the
    last) is plain (PLAIN_NAME_RE)."""
    tail = COUNT_TAIL_RE.search(seg_f) if "等" in seg_f else None
    names = seg_f[: tail.start()] if tail is not None else seg_f
    items = [part for item in _depth0_split(names, "、") for part in BRACKET_JOINER_RE.split(item)]
    return bool(items) and all(PLAIN_NAME_RE.fullmatch(item) is not None or _dotted(item) for item in items)


def _dotted(item: str) -> bool:
    """Whether ``item`` is a transliterated name alone (DOTTED_NAME_RE, no organisation's ending), or one after its role:
    "禁止美国国会众议院外交委员会主席马克·汤普森本人及其直系亲属入境" (session 49, mfa49/11: a role longer than 8 characters,
    refused as cut short)."""
    if DOTTED_NAME_RE.fullmatch(item) is not None:
        return not _org_suffix(item.strip())
    if "·" not in item and "•" not in item and "・" not in item:
        return False
    name, role = _role_prefix(item.strip())
    return role is not None and name is not None and DOTTED_NAME_RE.fullmatch(name) is not None and not _org_suffix(name) \
        and not DESCRIPTIVE_ROLE_RE.search(role)


# A Chinese name alone, 2 to 5 characters, none of a description's or a list's words in it: "石平", "石原太郎", "陈建宏".
BARE_NAME_RE = re.compile(r"\s*[\u4e00-\u9fff]{2,5}\s*")
NOT_IN_BARE_NAME_RE = re.compile(r"[的其及和与等或之该此]|[中美我对双各][方国]|人员|议员|官员|成员|人士|学者|有关|相关|上述|前述"
                                 r"|以下|下列|地区|企业|公司|机构|组织|实体|单位|亲属|家属|配偶|子女|家人|家庭|本人|民众|居民|"
                                 r"同胞|分子|势力|团体|人物|所有|全部|一切|任何|外国|境外|当局|政府|官方|人士")
# A region's own words before the names: "禁止台湾地区陈建宏、黄淑芬及其直系亲属进入大陆…". A name after them ends in none of a post's or
# a group's last characters and has at most 4 characters: "禁止台湾地区领导人及其直系亲属进入大陆" was read as a person named
# 领导人 (session 49, review55's probe of mfa49/12: a false item, silently).
NOT_A_NAME_END = frozenset("人员者官导表层部众属团队局处署厅委长要兵方界")
REGION_NAME_MAX = 4
# and opens with a surname (the common ones of the regions; a name with another is held, loud, as before session 49)
SURNAMES = tuple("陈林黄张李王吴刘蔡杨许郑谢郭洪曾邱廖赖徐周叶苏庄吕江何萧罗高潘简朱钟彭游詹胡施沈余卢梁赵颜柯翁魏孙戴范方宋邓杜傅"
                 "侯曹薛丁卓马阮董唐温蓝蒋石古纪姚连冯欧程汤田康姜白汪邹尤巫涂龚严韩袁金童陆夏柳邵钱伍倪褚麦岑容区关邝"
                 "雷易龙毛万段贺武付秦任邢孔崔谭霍甘凌齐")
REGION_CODES = {"中国台湾地区": "TW", "台湾地区": "TW", "中国香港特别行政区": "HK", "香港特别行政区": "HK", "中国澳门特别行政区": "MO",
                "澳门特别行政区": "MO"}
REGION_LEADS = tuple(REGION_CODES)
# Where the text tells of the person elsewhere by the name alone: after an office ("日本参议员石原太郎长期…"), or as the one the
# decision is on ("关于对石平采取反制措施的决定").
OFFICE_ENDS = ("议员", "官员", "政客", "学者", "主席", "部长", "大使", "顾问", "人士", "州长", "市长", "议长", "大臣", "教授")


def _bare_names(seg_f: str, body: str) -> tuple[int, str | None] | None:
    """Where the names of a verb-first phrase ``seg_f`` (folded) begin when they are Chinese names alone that the text
    vouches for (session 49, mfa49/10, /12; mfa48's open B: refused as cut short): after a region's own words
    ("台湾地区陈建宏、黄淑芬": the region's persons, as its decisions name them), or each named elsewhere in ``body`` after an
    office ("日本参议员石原太郎") or as "对石原太郎采取" (the title), with the region's code; None when any is not: a description
    stays a person's."""
    names = seg_f.strip()
    lead = next((mark for mark in REGION_LEADS if names.startswith(mark)), None)
    items = _depth0_split(names[len(lead) :] if lead else names, "、")
    if not items or any(BARE_NAME_RE.fullmatch(item) is None or NOT_IN_BARE_NAME_RE.search(item) is not None
                        or _org_suffix(item.strip()) for item in items):
        return None
    if lead is None and not all(_vouched(item.strip(), body) for item in items):
        return None
    if lead is not None and any(item.strip()[-1] in NOT_A_NAME_END or len(item.strip()) > REGION_NAME_MAX
                                or not item.strip().startswith(SURNAMES) for item in items):
        return None  # "禁止台湾地区领导人及其直系亲属…", "…地区负责人…", "…地区首脑…": a post, not a name
    return seg_f.find(names) + (len(lead) if lead else 0), REGION_CODES[lead] if lead else None


def _vouched(name: str, body: str) -> bool:
    """Whether ``body`` names ``name`` after an office (OFFICE_ENDS) or as "对<name>采取"."""
    at = body.find(name)
    while at >= 0:
        if body.startswith(name + "采取", at) and body.endswith("对", 0, at) or any(
                body.endswith(office, 0, at) for office in OFFICE_ENDS):
            return True
        at = body.find(name, at + len(name))
    return False


# A role that describes rather than names a post: "…的", "其", a list's joiners (no person is "A及B主席X").
DESCRIPTIVE_ROLE_RE = re.compile(r"[的其等或、]")


def doubtful_verb_first(folded: str, start: int, end: int) -> list[list[str]]:
    """The names (folded, each item of its phrase) of every verb-first phrase (wording.VERB_FIRST) in ``folded[start:end]``
    that ``verb_first_groups`` does not read: not every name plain (``_plain_names``) and no pointer (NOT_NAMES_RE: "其",
    "上述企业"). ``checks.verb_first_unread`` holds a decision naming one that no read target answers (review48)."""
    out: list[list[str]] = []
    for regex in VERB_FIRST:
        for m in regex.finditer(folded, start, end):
            names = m["names"].strip(" 、,")  # (a stray "、" before a pointer: "冻结、其在…")
            if NOT_NAMES_RE.match(names) is None and _depth_at(folded, m.start("names")) == 0 and not _plain_names(names) \
                    and _bare_names(names, folded) is None:
                items = [part.strip() for item in _depth0_split(names, "、") for part in BRACKET_JOINER_RE.split(item)]
                if items := [item for item in items if item and NOT_NAMES_RE.match(item) is None]:
                    out.append(items)
    return out


# A list of names each followed by its role after a comma, the items ended by semicolons: "对罗伯特·E·李（Robert E. Lee），
# 美国国会众议员；小托马斯·A·肯尼迪（Thomas A. Kennedy Jr.），美国国会前参议员；以及上述人员的直系亲属，采取…" (session 37,
# mfa37: the comma ended the targets and the semicolon the sentence, so only the first person was read, with no warning).
# Folded (same length): one item's tail "),ROLE;".
ROLE_ITEM_RE = re.compile(r"\)[,，](?P<role>[^,，;；()（）《》。:：\n]{1,40}?);")
# The next item of such a list: a name and its bracket, closed where the next "),ROLE;" begins.
NEXT_ITEM_RE = re.compile(r"[^\s,，;；()（）《》。:：、]{1,30}\([^()]{1,80}(?=\))")


def _roles_after(line: str, folded: str) -> tuple[str, str]:
    """``line`` and ``folded`` with a chain of two or more "NAME（English），ROLE；" items rewritten as the bracket form
    "NAME（English，ROLE）、" (the last item's semicolon kept); same length, so places in both stay."""
    items = list(ROLE_ITEM_RE.finditer(folded))
    if len(items) < 2:
        return line, folded
    chained: set[int] = set()
    for i in range(len(items) - 1):
        nxt = NEXT_ITEM_RE.match(folded, items[i].end())
        if nxt is not None and nxt.end() == items[i + 1].start():
            chained.update((i, i + 1))
    if not chained:
        return line, folded
    chars, fchars = list(line), list(folded)
    for i in sorted(chained):
        m = items[i]
        a, b = m.start(), m.end()  # ")" "," ROLE ";"
        sep_line, sep_folded = ("、", "、") if i + 1 in chained else (line[b - 1], folded[b - 1])
        chars[a : b] = [line[a + 1], *line[a + 2 : b - 1], line[a], sep_line]
        fchars[a : b] = [folded[a + 1], *folded[a + 2 : b - 1], folded[a], sep_folded]
    return "".join(chars), "".join(fchars)


def line_groups(line: str, folded: str, offset: int = 0) -> list[Group]:
    """The target phrases of one operative line (``folded`` is it folded), from ``offset``."""
    out: list[Group] = []
    if ")," in folded and ";" in folded:  # the literals of every ROLE_ITEM_RE match
        line, folded = _roles_after(line, folded)
    for sentence_start, sentence in _sentences(folded, offset):
        m = TARGET_START_RE.search(sentence)
        if m is not None and ("冻结" in sentence or "禁止" in sentence):  # (the verbs a 对 inside a measure's object follows)
            m = next((t for t in TARGET_START_RE.finditer(sentence) if not _in_measure(sentence, t.start())), None)
        if m is None:
            continue
        s, e = _target_segment(sentence, m.end())
        commas: list[int] = []
        while e < len(sentence) and sentence[e] in LIST_COMMAS and (chain := _counted_after(sentence, s, e)):
            commas.extend(chain)  # "对A（…）、B（…），C（…）等3名人员，冻结…": the comma is one of the list's
            e = _target_segment(sentence, chain[-1] + 1)[1]
        among = AMONG_COUNT_RE.search(sentence, s, e) if sentence.startswith((",即", "，即"), e) else None
        if among is not None:  # "对…所列4名人员中的2名，即A（a）、B（b），采取的…": the names after 即, counted so
            s, commas = e + 2, []
            e = _target_segment(sentence, s)[1]
        staff = STAFF_THEN_JI_RE.search(sentence, s, e) if among is None and sentence.startswith((",即", "，即"), e) else None
        named_at = e + 2 if staff is not None else None  # "对X（x）及其3名高级管理人员，即A（a）、B（b）、C（c），采取…"
        if named_at is not None:
            e = _target_segment(sentence, named_at)[1]
        if sentence.startswith(("：", ":"), e) and SCOPE_TAIL_RE.search(sentence, s, e) is not None:
            e = _target_segment(sentence, e + 1)[1]  # "X（x）及其子公司：Y（y）": the subsidiaries it names are targets too
        e = _before_measure(sentence, s, e)
        if sentence.startswith("列入", e):  # "将后附表格所列2名人员增列入…": 增 is the verb's (mfa38/15: a name "…人员增")
            e -= next((len(w) for w in ADDED_HEADS if sentence.endswith(w, s, e)), 0)
        if not sentence[s:e].strip():
            continue
        seg, seg_f = line[sentence_start + s : sentence_start + e], sentence[s:e]
        if named_at is not None:  # the company, its staff words, then the names after 即 (the comma and 即 left out)
            cut = named_at - 2 - s
            seg, seg_f = seg[:cut] + seg[cut + 2 :], seg_f[:cut] + seg_f[cut + 2 :]
        for c in commas:  # read as the list's "、" (same length: the places stay)
            seg, seg_f = seg[: c - s] + "、" + seg[c - s + 1 :], seg_f[: c - s] + "、" + seg_f[c - s + 1 :]
        if among is not None:
            seg, seg_f = seg + "等" + among.group("n"), seg_f + "等" + among.group("n")
        out.extend(_group(seg, seg_f, sentence[e:]))
    return out


CLAUSE_MARKS_RE = re.compile("[,，]")


def _in_measure(sentence: str, at: int) -> bool:
    """Whether the 对 (or 将) at ``at`` is inside the object of a measure's verb (冻结, 禁止) before it in its clause, outside
    brackets: "一、冻结参与对台湾地区军售的美国企业在我国境内的…财产" names no target after 对 (session 43, mfa43 probe: read as
    two entities "台湾地区军售的美国企业在我国境内的动产" and "不动产和其他各类财产", false items)."""
    clause = max((c.end() for c in CLAUSE_MARKS_RE.finditer(sentence, 0, at)), default=0)
    return any(_depth_at(sentence, v.start()) == 0 for v in MEASURE_VERB_RE.finditer(sentence, clause, at)
               if v.group() in ("冻结", "禁止"))


# A comma inside a list of names, the list's count after it: "对…所长罗伯特·金斯利（Robert Kingsley）、高级研究员艾米丽·陈
# （Emily Chen），全球民主促进基金会主席威廉·哈特（William Hart）等3名人员，冻结…" (session 19, mfa19: the names after the
# comma were never read, and the count of their group with them, so nothing warned).
LIST_COMMAS = "，,"
# Some of a decree's targets, named after 即: "…所列4名人员中的2名，即…" (session 38, mfa38: the words "4名人员中的2名" were read as
# a name, the lift unresolved).
AMONG_COUNT_RE = re.compile(rf"(?:中的|其中)\s*(?:其中)?\s*(?P<n>{NUM}\s*[家名个位人])\s*$")
# A company's staff counted, their names after "，即" (session 39, mfa39/16: the three executives were lost, silently).
STAFF_THEN_JI_RE = re.compile(rf"及其\s*(?:{NUM}\s*[名位])?\s*(?:高级管理人员|管理人员|高管|负责人)\s*$")
ADDED_HEADS = ("增", "补充")  # before 列入: "增列入", "补充列入"
COUNT_AFTER_RE = re.compile(rf"等\s*{NUM}\s*[家名个位人]")


# One more item of a list parted by commas, before the item holding the count: a name (a role before it) and its Latin
# spelling in brackets, "前国家安全委员会亚洲事务高级主任威廉·肖（William Shaw）" (folded).
COMMA_ITEM_RE = re.compile(r"[^,，。；;:：()（）、等]{2,60}\([A-Za-z][^()]{0,160}\)")
COMMA_ITEMS_MAX = 60


def _counted_after(sentence: str, start: int, comma: int) -> list[int]:
    """The commas of the list ``sentence[start:comma]`` began, from the one at ``comma``, where the list goes on to the
    segment holding its count (等N家/名) with no measure: the part before holds no count of its own (nor a measure), and
    each segment between is one name in brackets (COMMA_ITEM_RE: "对A（a），B（b），C（c）等3人采取…", roles before the
    names; session 48, mfa47/28: held for a person), or, with no count, to the one before 采取 where every item is one (session
    49); none where the list does not."""
    before = sentence[start:comma]
    if "等" in before or not ("、" in before or "(" in before or "（" in before):
        return []
    if MEASURE_VERB_RE.search(before) is not None:
        return []
    commas = [comma]
    for _ in range(COMMA_ITEMS_MAX):
        end = _target_segment(sentence, comma + 1)[1]
        after = sentence[comma + 1 : end]
        if MEASURE_VERB_RE.search(after) is not None:
            return []
        if COUNT_AFTER_RE.search(after) is not None:
            return commas
        if sentence.startswith("采取", end) and COMMA_ITEM_RE.fullmatch(after.strip()) is not None and all(
                COMMA_ITEM_RE.fullmatch(item.strip()) is not None for item in _depth0_split(before, "、")):
            return commas  # no count: "对A（a），B（b），C（c）采取…", each a name in brackets (session 49, mfa49/13: held)
        if not (end < len(sentence) and sentence[end] in LIST_COMMAS and "(" in before
                and COMMA_ITEM_RE.fullmatch(after.strip()) is not None):
            return []
        comma = end
        commas.append(comma)
    return []


def _before_measure(folded: str, start: int, end: int) -> int:
    """Where a measure's verb ends the targets of ``folded[start:end]`` ("对亚当·布赖本人不予签发签证、不准入境"
    names the person, then the measure, with no comma between): the first MEASURE_VERB_RE match
    outside brackets, else ``end``."""
    for m in MEASURE_VERB_RE.finditer(folded, start, end):
        if _depth_at(folded, m.start()) == 0:
            return m.start()
    return end


def _decision_start(folded_lines: list[str], body: str, m: re.Match[str] | None) -> tuple[int, int] | None:
    """(line, place in it) where the decision starts: the first DECISION_START_RE match of a line, else
    (no line has one) the first BARE_DECISION_START_RE match of a line. Searched in the joined ``body``
    (``m`` is ``_decision_match(body)``): the first never spans lines, the bare one only across spaces,
    which a line's search would not take."""
    if m is not None and "\n" in m.group():  # a bare start across lines: the lines are searched one by one
        return next(((i, found.start()) for i, found in enumerate(map(BARE_DECISION_START_RE.search, folded_lines))
                     if found is not None), None)
    if m is None:
        return None
    line_start = body.rfind("\n", 0, m.start()) + 1
    return body.count("\n", 0, line_start), m.start() - line_start


SENTENCE_END_RE = re.compile("[。；;]")


def _sentences(folded: str, offset: int = 0) -> list[tuple[int, str]]:
    out, start = [], offset
    for m in SENTENCE_END_RE.finditer(folded, offset):
        i = m.start()
        out.append((start, folded[start : i + 1]))
        start = i + 1
    if start < len(folded):
        out.append((start, folded[start:]))
    return out


# After a group's count, a joiner and a second group that names its own ("对A等2家机构和B（b）等3名个人"): read as two groups
# (session 18, mfa18: B was read as words of A's group, so a decision with no annex missed B).
# So too when the second group's count follows its last bracket with no 等 ("对A（a）、B（b）3家实体和X（x）2名个人": session 30,
# names30: X was read as words of A's group, and lost with no warning).
def _shaped_as(t: Target, kind: str) -> bool:
    """Whether ``t``'s name is shaped as ``kind``'s: a person's (a middle dot, a Latin person's name) or an organisation's
    (its ending)."""
    person = "·" in (t.zh or "") or (t.en is not None and WESTERN_PERSON_RE.fullmatch(t.en.strip()) is not None
                                     and not any(w in ORG_EN_WORDS or w in FIRM_TAILS for w in t.en.split()))
    org = any(_org_suffix(name.strip()) for name in (t.zh, t.en) if name)
    return person and not org if kind == "individual" else org and not person


# A second count of the other kind after the first's words, naming no one: "等2家企业和1名高级管理人员".
SECOND_COUNT_RE = re.compile(rf"[^、，,()（）等\d]{{0,12}}?(?:以及|和|及|与)(?!其)\s*(?P<n>{NUM})\s*(?P<unit>[家名位])[^\d]{{0,12}}$")
NEXT_GROUP_RE = re.compile(
    rf"[^、，,()（）等]{{0,12}}?(?P<joiner>以及|和|及|与)(?!其)(?=[^等]+?(?:等|(?<=[)）]))\s*{NUM}\s*[家名个位人])")


# A description before a prose name: "对美国军工企业卡斯卡特导弹系统公司（Cascade Missile Systems Corporation）…" (session 18,
# mfa18: the name kept "美国军工企业"). A country or a kind of business, then the word for an organisation, then the name.
# A qualifier is needed: "美国企业公共政策研究所" (American Enterprise Institute) is a name, not "美国企业" before one.
# So too a person's nationality: "对德国籍人员约尔格·米勒（Jörg Müller，…）、…" (session 38, mfa38/17: the name kept "德国籍人员").
DESCRIBED_NAME_RE = re.compile(
    rf"(?:(?:{COUNTRY_ALT})?(?:(?:有关|相关)(?:军工|防务|军事|国防)?|军工|防务|军事|国防)"
    rf"(?:企业|实体|机构|组织|公司|单位)|(?:{COUNTRY_ALT})籍?(?:人员|人士|公民))(?P<name>[^\s、，,]{{4,}})")
DESCRIBED_MIN = 7  # the shortest description (a country, 企业) and name
# A target's measures told after it, "的" between: "对海鹰导弹技术公司（…）的反制措施继续暂停实施" (session 39, mfa39/19: the whole
# sentence read as a name).
# So too with no 的 after its bracket: "提前终止对天狼星雷达公司（Sirius Radar Company）反制措施的暂停" (session 49, mfa49/21: the name
# read "…（Sirius Radar Company）反制措施的暂停", no English; held).
MEASURES_OF_RE = re.compile(r"的\s*(?:全部|各项|相关|有关)?\s*(?:反制|反制裁)?措施|(?<=[)）])\s*(?:反制|反制裁)措施")
# A person named as one of a company's staff: "对北方雷达集成公司高级管理人员丹尼尔·布莱克（Daniel Black）、…" (session 39, mfa39/23:
# the company and the staff words kept in the name). The company is a note of the person's, not a target.
STAFF_NAME_RE = re.compile(r"(?P<desc>[^\s、，,()（）]{2,40}?(?:公司|集团|企业|机构)的?(?:高级管理人员|管理人员|高管))(?P<name>[^\s、，,()（）]{2,})")


def _undescribed(zh: str) -> str:
    """``zh`` without a description before the name (DESCRIBED_NAME_RE), else ``zh``."""
    m = DESCRIBED_NAME_RE.fullmatch(zh)
    return m.group("name") if m else zh


# What the first target did, before its name: "对参与此次对台军售的L3哈里斯技术公司（L3Harris Technologies, Inc.）、…"
# (session 19, mfa19: kept in the name; the UEL's "决定将参与对台湾地区军售的X" is worded so too).
RELATIVE_NAME_RE = re.compile(r"(?:参与|参加|涉及|卷入|协助)[^、，,()（）《》的]{1,20}的(?P<name>[^\s、，,的]{2,})")


def _unrelated(zh: str) -> str:
    """``zh`` without a relative clause before the name (RELATIVE_NAME_RE), else ``zh``."""
    m = RELATIVE_NAME_RE.fullmatch(zh) if "的" in zh else None
    return m.group("name") if m else zh


# Words before a name that point to where it was listed: "停止对外交部令第13号所列亚当·布赖（Adam Bry）…采取的反制措施",
# "…《反制清单》所列X", "…附件第2项所列X", "…第13号中的X", "上述X" (session 29, story29 B: stored as the person's Chinese name).
POINTER_WORDS = ("所列", "中的", "上述")
# A Latin name holds spaces: "解除对外交部令2040年第313号所列Harbor Freedom Institute、John Miller…" (session 49, mfa49/14: the words
# were the body's Chinese name, no English, a key no listing has).
# A title quoted before may hold "、" ("外交部令2029年第71号《关于对美国、英国、加拿大…的决定》后附《反制清单》所列X": session 46,
# mfa46/03, the whole was X's Chinese name).
POINTED_NAME_RE = lazy_compile(r"(?:(?:(?:[^、，,《]|《[^《》\n]*》)*?(?:号|《[^《》\n]*》|附件|项|清单|名单))?\s*所列的?"
                              r"|(?:[^、，,《]|《[^《》\n]*》)*?(?:号|《[^《》\n]*》|附件|项|清单|名单)\s*中的|上述)\s*(?P<name>[^\s、，,]{2,}(?:[ ][^\s、，,]+)*)")


# "停止对上述亚当·布赖（Adam Bry）、汤姆·莫斯（Tom Moss）采取的反制措施": the pointer word before a name in brackets, not
# words naming no one ("上述人员") (session 30, names30: refused as cut short, 'the decision names no target').
POINTED_FIRST_RE = lazy_compile(r"(?:上述|前述)\s*(?=[^\s\d()（）、，,]{2,}?[(（][^()（）]*[A-Za-z])")


def _unpointed(zh: str) -> str:
    """``zh`` without the words before it saying where it was listed (POINTED_NAME_RE), else ``zh``."""
    m = POINTED_NAME_RE.fullmatch(zh) if any(w in zh for w in POINTER_WORDS) else None
    return m.group("name") if m else zh


# Before a name opening with 等 ("等离子体动力公司"): the phrase's start, a "、" or a joiner.
NAME_START_BEFORE_RE = re.compile(r"(?:^|[、,，]|以及|和|及|与)\s*$")
NAME_END_RE = re.compile(r"(?:公司|集团|研究所|研究院|大学|学院|实验室|基金会|协会|[)）])$")
ITEM_END_RE = re.compile(r"(?:公司|集团|研究所|研究院|大学|学院|实验室|基金会|协会|中心|企业|机构|组织|[)）》”\"])\s*$")


def _group_tail(seg_f: str) -> re.Match[str] | None:
    """The phrase's count (GROUP_TAIL_RE) outside brackets, not a 等 inside a name (``_in_name``): "对A公司、等离子体动力公司、
    B公司等30家…" (session 48, mfa48 probe: the 等 of the name taken for the count's, so the count and the 19 names after it
    were lost, silently); of several, the first that counts where the first does not."""
    first = GROUP_TAIL_RE.search(seg_f)
    if first is None:
        return None
    if "等" not in seg_f[first.start() + 1 :] and not _in_name(seg_f, first):  # one 等 (most phrases)
        return first if _depth_at(seg_f, first.start()) == 0 else None
    found: list[re.Match[str]] = []
    pos = 0
    while (t := GROUP_TAIL_RE.search(seg_f, pos)) is not None:
        if _depth_at(seg_f, t.start()) == 0 and not _in_name(seg_f, t):
            found.append(t)
        pos = t.start() + 1
    counted = next((t for t in found if t.group("n")), None)
    return counted if counted is not None and not found[0].group("n") else (found[0] if found else None)


def _in_name(seg_f: str, t: re.Match[str]) -> bool:
    """Whether the 等 of ``t``, no count after it, is a name's: opening one (the phrase's start, a "、" or a joiner before it),
    or with more names after it ("高能等离子体公司（…）、B公司（…）": a "、" after it, outside brackets, before any 及其)."""
    if seg_f[t.start()] != "等" or t.group("n"):
        return False
    if NAME_START_BEFORE_RE.search(seg_f, 0, t.start()) is not None:
        return True
    rest = seg_f[t.start() : seg_f.find("及其", t.start()) if "及其" in seg_f[t.start() :] else len(seg_f)]
    if any(ch == "、" and _depth_at(rest, i) == 0 for i, ch in enumerate(rest)):
        return True
    # the last name holding it ("对凌云航空科技公司、高能等离子体武器公司采取…": read as "高能" and a description, a false
    # target and the company lost, silently; review54): what follows ends as a name does, what stands before it as none
    item = seg_f[max(seg_f.rfind("、", 0, t.start()), seg_f.rfind(",", 0, t.start()), seg_f.rfind("，", 0, t.start())) + 1 : t.start()]
    return NAME_END_RE.search(rest.rstrip()) is not None and ITEM_END_RE.search(item) is None and "·" not in item


def _group(seg: str, seg_f: str, after: str) -> list[Group]:
    """The groups of one target phrase: one ("对A、B等3家…企业"), or one per count when the phrase counts
    without naming anyone ("对后附《反制清单》列明的3家企业及2名高级管理人员"), or none."""
    tail = _group_tail(seg_f)
    names_part, count, unit, desc = seg, None, None, ""
    more: list[Group] = []
    own_text = seg
    if tail is not None:
        names_part = seg[: tail.start()]
        count = to_int(tail.group("n")) if tail.group("n") else None
        unit, desc = tail.group("unit"), tail.group("desc")
        joined = NEXT_GROUP_RE.match(seg_f, tail.start("desc")) if tail.group("n") else None
        if joined is not None:  # "等1个机构和Y等1名人员": Y's group is one more, not words of this one's
            desc = seg_f[tail.start("desc") : joined.start("joiner")]
            own_text, more = seg[: joined.start("joiner")], _group(seg[joined.end() :], seg_f[joined.end() :], after)
    kind = _count_kind(unit, desc)
    names: list[Target] = []
    plain = names_part.strip()
    if plain.endswith(SELF_TAILS):  # "亚当·布赖本人": the person himself
        plain = SELF_TAIL_RE.sub("", plain)
    if "亲属" in plain or "家属" in plain or "配偶" in plain:  # (in every FAMILY_THEN_MORE_RE match)
        plain = FAMILY_THEN_MORE_RE.sub("", plain)
    whole = plain
    plain, its = _its_person(plain)
    if not its and kind == "individual" and tail is not None and "及其" in whole and seg_f[tail.start()] != "等":
        plain, its = _its_counted(whole)  # "A（a）及其X（x）、Y（y）2名高级管理人员": the count is the persons'
    counted = len(its)  # before the count: counted by it
    if tail is not None and not its:  # "等3家…企业及其高级管理人员X、Y": persons after the count, not counted by it
        its = _its_person(seg[tail.start("desc") :])[1]
    # (not a name's scope: "X（x）及其在华机构" ends as a description does)
    described = tail is None and despace(plain).endswith(DESCRIPTION_ENDS) and SCOPE_TAIL_RE.search(plain) is None
    if "以及" in plain and (listed_on := [m for m in COMMA_AND_RE.finditer(plain) if _depth_at(plain, m.start()) == 0]):
        for m in reversed(listed_on):  # ("，以及" within a list of names: ``_target_segment``) one more of the list
            plain = plain[: m.start()] + "、" + plain[m.end() :]
    if plain and (not NOT_NAMES_RE.match(plain) or POINTED_FIRST_RE.match(plain)) and not described:
        names = _named_targets(plain, count, counted, kind)
    names.extend(its)
    if count is not None and len(names) > count and not more and (second := SECOND_COUNT_RE.match(desc)) is not None and (
            n2 := to_int(second.group("n"))) is not None and (other := UNIT_TYPES.get(second.group("unit"))) not in (None, kind) \
            and len(names) == count + n2 and sum(1 for t in names if _shaped_as(t, other)) == n2:
        # "A（a）、B（b）及A公司总裁C（c）等2家企业和1名高级管理人员": more names than the first count, as many of the other kind's
        # shape as the second count says (session 49, mfa49/05: the person typed an organisation, 'states 2'): counted
        # together, each typed so; where the shapes do not add up, the count warns as before
        count, names = count + n2, [replace(t, type=other if _shaped_as(t, other) else kind) for t in names]
        kind = None
    elif count is not None and names and len(names) <= count and not more and (second := SECOND_COUNT_RE.match(desc)) \
            is not None and (n2 := to_int(second.group("n"))) and (other := UNIT_TYPES.get(second.group("unit"))) not in (None, kind):
        # "A（a）、B（b）等2家企业和1名高级管理人员" naming no person: the person counted and not named was missed, silently (session
        # 49, review55's probe of mfa49's second count): a group of its own counting them, naming no one (the count warns; a
        # later clause naming them restates it: ``decision._restated_out``)
        more = [Group((), n2, other, _measures(after), own_text)]
    if not names and tail is None:
        return _counted(seg, seg_f, _measures(after))
    if not names and count is None and kind is None:
        return more
    return [Group(tuple(names), count, kind, _measures(after), own_text), *more]


def _named_targets(plain: str, count: int | None, counted: int, kind: str | None) -> list[Target]:
    """The targets a group's phrase names (``plain``: its names, the count and its persons cut off), each item read by
    ``split_target``: its measures, a description, a staff title and a pointer ("…所列") cut off, a pronoun no target;
    ``counted`` of them the persons the count counts ("A（a）及其X（x）、Y（y）2名高级管理人员"), the others organisations."""
    names: list[Target] = []
    for item in _items(plain, count if not counted or count is None else count - counted, kind):
        if "措施" in item and (its_measures := MEASURES_OF_RE.search(item)) is not None and (
                _depth_at(item, its_measures.start()) == 0):
            item = item[: its_measures.start()]  # "对X（x）的反制措施继续暂停实施": X
        zh, en, note, gendered = split_target(item)
        zh = _undescribed(zh) if zh and en and len(zh) > DESCRIBED_MIN else zh
        if zh and en and ("管理人员" in zh or "高管" in zh) and (staff_of := STAFF_NAME_RE.fullmatch(zh)) is not None:
            zh, note = staff_of.group("name"), "，".join(filter(None, (staff_of.group("desc"), note)))
        if zh and (unpointed := _unpointed(_unrelated(zh))) != zh and en is None and LATIN_RE.match(unpointed) \
                and not CJK_RE.search(unpointed):  # "…所列Harbor Freedom Institute": a Latin name is the English
            zh, en = None, unpointed
        else:
            zh = _unpointed(_unrelated(zh)) if zh else zh
        if (zh or en) and zh not in PRONOUNS:
            own_kind = "organization" if counted and counted == count and kind == "individual" else kind
            names.append(Target(zh, en, own_kind or ("individual" if gendered else None), note))
    return names

COMMA_AND_RE = re.compile(r"[,，]\s*以及\s*")
# A person's family, named by no one, then more of the list: "迈克尔·格林伍德（Michael Greenwood）及其直系亲属、美国猎户座战略咨询公司
# （…）及其子公司" (session 52, mfa52/27: everything after 及其 read as his family, the company lost; held as a name not read). The
# family words go; the list goes on. Not "及其配偶Y（y）、…" (a spouse named: held, ``_its_person``).
FAMILY_THEN_MORE_RE = re.compile(r"\s*(?:及其|和其|及|与其)\s*(?:直系亲属|家属|家庭成员|配偶和子女|配偶及子女|配偶)(?=\s*、)")


def _counted(seg: str, seg_f: str, measures: tuple[str, ...]) -> list[Group]:
    """A phrase that names no one and has no 等: a group per count it states outside brackets, each of its own
    kind ("后附《反制清单》列明的3家企业及2名高级管理人员": 3 organisations, 2 people; "上述企业的6名高级管理人员")."""
    out = []
    for m in BARE_COUNT_RE.finditer(seg_f):
        n = to_int(m.group("n"))
        # "上述3家企业": those counted before, not more
        if n is not None and _depth_at(seg_f, m.start()) == 0 and not seg_f[: m.start()].rstrip().endswith(BACK_REFS):
            out.append(Group((), n, _count_kind(m.group("unit"), m.group("desc")), measures, seg))
    return out


def _count_kind(unit: str | None, desc: str) -> str | None:
    """What a group's count counts: 家 organisations, 名 people, whatever the words after say ("等3家企业及其
    高级管理人员": three companies, their executives not counted); else the kind its words name, None
    for both ("等5个实体和个人")."""
    kind = UNIT_TYPES.get(unit or "")
    if kind is not None:
        return kind
    kind = _type_of_words(desc)
    return None if kind == "individual" and BOTH_KINDS_RE.search(desc) else kind


# A body its person leads or founded, after 及其: "对维陶塔斯·扎卡雷维丘斯（…）及其领导的“立陶宛—台湾论坛”（…）" (session 40, mfa40/04:
# the body was lost, silently: what follows 及其 was read as a person or nothing).
LED_BODY_RE = lazy_compile(r"\s*所?(?:领导|创办|创立|创建|成立|牵头成立|发起成立|控制|主导|运营|经营|主持|担任[^的、，,()（）]{1,12})"
                           r"的\s*(?=[“「『\"\u4e00-\u9fffA-Za-z])")


def _its_person(plain: str) -> tuple[str, list[Target]]:
    """"美国斯凯迪奥公司（Skydio, Inc.）及其首席执行官亚当·布赖（Adam Bry）": the company, and its persons
    named after a role (the role a note) or after the words for its staff ("及其高级管理人员X（…）、Y（…）",
    "及其首席执行官X、亚太区总经理Y", "及其联合创始人、首席执行官X"). "…及其高级管理人员" names no one: only the
    company is left."""
    if "及其" not in plain:  # in every ITS_RE match: most items name no company's persons
        return plain, []
    # "X及其子公司、Y": what the company's entry covers (SCOPE_RE, a note of X), not its persons
    its = next((m for m in ITS_RE.finditer(plain) if _depth_at(plain, m.start()) == 0
                and SCOPE_RE.match(plain, m.start()) is None), None)
    if its is None:
        return plain, []
    at = its.end()
    staff = ITS_STAFF_RE.match(plain, at)
    rest = plain[staff.end() if staff is not None else at :]
    if staff is None and "的" in rest and (led := LED_BODY_RE.match(rest)) is not None:
        zh, en, note, _ = split_target(rest[led.end() :])
        # "X（x）及其领导的“Y”（y）": X, and the body X leads, named (quoted or in English); "及其控制的企业" names none
        if en or (zh and rest[led.end() :].lstrip()[:1] in QUOTE_OPENERS):
            return plain[: its.start()].strip(), [Target(zh, en, "organization", note)]
    listed = _role_list(rest) if staff is None else None
    if listed is not None:
        return plain[: its.start()].strip(), listed
    items = _depth0_split(rest, "、") if staff is not None else [rest]  # one person after a role
    persons = []
    for item in items:
        m = ITS_PERSON_RE.match(item)
        role, person = (m.group("role"), m.group("person")) if m is not None else (None, item.strip())
        if m is None and staff is None:
            break
        zh, en, note, _ = split_target(person)
        if not (zh or en) or (staff is not None and not _name_shaped(zh, en)):
            continue
        if role is not None and role.endswith(ITS_FAMILY) and not _family_named(zh, en):
            break  # "及其配偶和子女", "及其配偶子女": his family, named by no one
        notes = [clean_display(role.strip()) if role else None, note]
        persons.append(Target(zh, en, "individual", "，".join(filter(None, notes)) or None))
    if staff is not None and len(persons) < len(items):
        persons = []  # not a list of names (a description): no one read
    return plain[: its.start()].strip(), persons


def _its_counted(plain: str) -> tuple[str, list[Target]]:
    """"美国远航船舶服务公司（…）及其托马斯·格林（Thomas Green）、理查德·金（Richard King）" before "2名高级管理人员": the company,
    and the persons after 及其, each name-shaped (session 30, names30: the persons were lost and the company typed a person);
    else ``plain`` and no one."""
    its = next((m for m in ITS_RE.finditer(plain) if _depth_at(plain, m.start()) == 0
                and SCOPE_RE.match(plain, m.start()) is None), None)
    if its is None:
        return plain, []
    persons = []
    for item in _depth0_split(plain[its.end() :], "、"):
        zh, en, note, _ = split_target(item)
        if not (zh or en) or not _name_shaped(zh, en):
            return plain, []
        persons.append(Target(zh, en, "individual", note))
    return plain[: its.start()].strip(), persons


def _role_list(rest: str) -> list[Target] | None:
    """Several persons after 及其, each behind a role ("首席执行官X（…）、亚太区总经理Y（…）", "…X（…）和…Y（…）"),
    a role alone joining the next one's ("联合创始人、首席执行官X"); None when ``rest`` is one piece or any piece is
    neither a role before a name nor a role alone."""
    items = [part for item in _depth0_split(rest, "、") for part in _person_parts(item)]
    if len(items) < 2:
        return None
    out: list[Target] = []
    roles: list[str] = []
    for item in items:
        person = _role_person(item)
        if person is not None:
            role, zh, en, note = person
            out.append(Target(zh, en, "individual", "，".join(filter(None, ("、".join([*roles, role]), note))) or None))
            roles = []
        elif ROLE_END_RE.search(item.strip()):
            roles.append(clean_display(item.strip()) or "")
        else:
            return None
    return out if out and not roles else None


def _person_parts(item: str) -> list[str]:
    """``item`` cut at 和/及/与 outside brackets when every piece is a role before a name, else whole."""
    parts = _split_joiners(item)
    return parts if len(parts) > 1 and all(_role_person(part) is not None for part in parts) else [item]


def _role_person(item: str) -> tuple[str, str | None, str | None, str | None] | None:
    """(role, zh, en, note) of "首席执行官亚当·布赖（Adam Bry）": a role, then a name-shaped person; else None."""
    m = ITS_PERSON_RE.match(item)
    if m is None:
        return None
    zh, en, note, _ = split_target(m.group("person"))
    if not (zh or en) or not _name_shaped(zh, en):
        return None
    return clean_display(m.group("role").strip()) or "", zh, en, note


FAMILY_WORDS = ("子女", "儿子", "女儿", "父母", "家属", "亲属", "家人", "家庭", "孩子", "亲人")


def _family_named(zh: str | None, en: str | None) -> bool:
    """A name after "及其配偶" (ITS_FAMILY), not more of the family: English beside it, a middle dot, or a short Chinese name
    holding no family word and opening with no joiner."""
    if en or (zh and ("·" in zh or "•" in zh)):
        return True
    return (zh is not None and 2 <= len(despace(zh)) <= 4 and zh[0] not in "和及与以并"
            and not any(word in zh for word in FAMILY_WORDS) and _type_of_words(zh) is None)


def _name_shaped(zh: str | None, en: str | None) -> bool:
    """A person's name, not words ("及其高级管理人员和员工"): English beside it, a middle dot, or a short Chinese
    name holding no word for a kind of target."""
    if en or (zh and ("·" in zh or "•" in zh)):
        return True
    return zh is not None and len(despace(zh)) <= 4 and _type_of_words(zh) is None


def _join_fragments(items: list[str], kind: str | None) -> list[str]:
    """"波音防务、空间与安全集团（Boeing Defense, Space & Security）" is one name: a fragment
    with no bracket, no organisation ending and no name dot joins the next item, in a group of
    organisations or when the next item's English has the comma the "、" stands for."""
    out: list[str] = []
    pending = ""
    last = len(items) - 1
    for i, item in enumerate(items):
        item = pending + item
        # the cheap tests first; the next item is folded only when it can decide
        fragment = ("(" not in item and "（" not in item and "·" not in item and not LATIN_RE.search(item)
                    and not _org_suffix(item.strip()) and i < last and items[i + 1] != "")
        if fragment and kind != "organization":
            nxt = fold(items[i + 1])
            english = nxt[nxt.rfind("(") :] if nxt.endswith(")") else ""
            fragment = "," in english and LATIN_RE.search(english) is not None
        if fragment:
            pending = item + "、"
            continue
        pending = ""
        out.append(item)
    return out


def _items(plain: str, count: int | None, kind: str | None = None) -> list[str]:
    """Names split at "、" (fragments of one name joined again); when the decision states a count,
    the reading that gives it wins: the plain split, or one also cut at 和/及/与 ("A、B和C等3家"),
    since a name may hold those characters ("空间与防务") and only a count settles it."""
    raw = _depth0_split(plain, "、")
    if "及其" in plain or "和其" in plain:
        raw = [part for item in raw for part in _scope_then_named(item)]
    if "和" in plain or "与" in plain or "及" in plain:  # "Northern Radar Integration Corporation和Redstone Defense Systems Inc."
        raw = [part for item in raw for part in (_split_joiners(item) if LATIN_JOINED_RE.fullmatch(item) else
                                                 _bracket_joined(item) if BRACKETED_JOINED_RE.fullmatch(item) else (item,))]
    joined = _join_fragments(raw, kind)
    if count is None or len(joined) == count:
        return joined
    if len(raw) == count:
        return raw
    finer = [part for item in joined for part in _split_joiners(item)]
    return finer if len(finer) == count else joined


# Names in English alone joined by a Chinese joiner (no English name holds one): "停止…中对Northern Radar Integration Corporation和
# Redstone Defense Systems Inc.采取的反制措施" (session 38's open B, session 39, mfa39/20: one name, the lift unresolved).
LATIN_JOINED_RE = re.compile(r"\s*[A-Za-z][^\u4e00-\u9fff()（）]*(?:(?:以及|和|及|与)\s*[A-Za-z][^\u4e00-\u9fff()（）]*)+")


# Names each with its bracket joined by a Chinese joiner right after a bracket: "对X公司（X Inc.）和Y公司（Y LLC）采取反制措施" (review40,
# session 40: one name "X公司（X Inc.）和Y公司" with Y's English, X lost, silently). Not "X（x）及其…" (its scope), nor a joiner inside a
# name ("空间与防务公司（…）"): the cut is only right after a closing bracket.
_BRACKETED_NAME = r"[^、()（）]{1,60}?[(（][^()（）]+[)）]"
BRACKETED_JOINED_RE = re.compile(rf"\s*{_BRACKETED_NAME}(?:\s*(?:以及|和|与|及)(?!其)\s*{_BRACKETED_NAME})+\s*")
BRACKET_JOINER_RE = re.compile(r"(?<=[)）])\s*(?:以及|和|与|及)(?!其)\s*")


def _bracket_joined(item: str) -> list[str]:
    """``item`` (BRACKETED_JOINED_RE's) cut at each joiner right after a closing bracket."""
    return [part for part in BRACKET_JOINER_RE.split(item) if part.strip()]


# A subsidiary named after its parent's scope words: "对灰隼航空公司（Grey Falcon Aviation, Inc.）及其子公司灰隼无人系统公司（…）、…"
# (session 38, mfa38: one name "灰隼航空公司（…）及其子公司灰隼无人系统公司" with the subsidiary's English: the parent lost, silently).
NAMED_AFTER_SCOPE_RE = re.compile(rf"(?<=[)）])\s*{SCOPE_RE.pattern}\s*[:：]?\s*(?=[\u4e00-\u9fff“「A-Za-z])")


def _scope_then_named(item: str) -> list[str]:
    """``item`` cut after a parent's scope words when a name follows them (NAMED_AFTER_SCOPE_RE), else ``[item]``."""
    m = NAMED_AFTER_SCOPE_RE.search(item)
    if m is None or _depth_at(item, m.start()) != 0 or item.startswith("包括", m.end()) or item.startswith("等", m.end()):
        return [item]
    return [item[: m.end()].rstrip(" :："), item[m.end() :]]


def _split_joiners(item: str) -> list[str]:
    cuts = [m for m in JOINERS_RE.finditer(item) if _depth_at(item, m.start()) == 0]
    out, start = [], 0
    for m in cuts:
        out.append(item[start : m.start()])
        start = m.end()
    out.append(item[start:])
    return [part for part in out if part.strip()]


BRACKETS_RE = re.compile("[(（《)）》]")
STATUS_VERB_RE = re.compile(STATUS_VERB)


# Brackets that pair in turn, the last perhaps left open: the depth is 1 when it is, else 0. (Atomic, not "(?:…)*+",
# which CPython 3.11.2 reads wrong: TO_SEGMENT_STOP_RE above.)
PAIRED_THEN_OPEN_RE = re.compile(r"(?>(?:[^(（《)）》]++|[(（《][^(（《)）》]*+[)）》])*)(?P<open>[(（《][^(（《)）》]*+)?")


def _depth_at(text: str, pos: int) -> int:
    """The bracket depth at ``pos`` (a closer outside every bracket is passed over)."""
    simple = PAIRED_THEN_OPEN_RE.fullmatch(text, 0, pos)
    if simple is not None:
        return 0 if simple.group("open") is None else 1
    depth = 0
    for ch in BRACKETS_RE.findall(text, 0, pos):
        if ch in "(（《":
            depth += 1
        elif depth:
            depth -= 1
    return depth


def _guess_type(target: Target, all_measures: tuple[str, ...], body: str) -> str:
    """No section, gender or count word: an organisation's name ending; a middle dot (a person's
    name transliterated); an English name that is no person's (``_org_english``); else what the
    measures imply (an entry ban is for people, but a decision on "组织和人员" bans them beside the
    organisations it freezes, so the name's own shape is asked first)."""
    for name in (target.zh, target.en):
        if name and _org_suffix(name.strip()):
            return "organization"
    if "·" in (target.zh or ""):
        return "individual"
    if target.en and target.en[:2].isupper() and SURNAME_FIRST_RE.fullmatch(target.en.strip()) \
            and not any(w in ORG_EN_WORDS or w in FIRM_TAILS for w in target.en.split()):
        # "北泽雄一郎（KITAZAWA Yuichiro）" in a lift (session 40, mfa40/22: typed an organisation); not an acronym and a
        # company's word ("DZYNE Technologies", "AEVEX Aerospace" without 公司: typed a person, review41)
        return "individual"
    if target.en and target.zh and _romanised_person(target.en) and CN_PERSON_NAME_RE.fullmatch(_unregion(target.zh.strip())):
        # a Chinese name with its pinyin: "对台湾地区黄淑芬（Huang Shu-fen）、王志强（Wang Chih-chiang）采取以下反制措施" with no count
        # and no entry ban (session 49's open B: typed organisations, and "台湾地区黄淑芬" kept as her name)
        return "individual"
    if target.en and target.zh and _hepburn_person(target.en) and CN_PERSON_NAME_RE.fullmatch(target.zh.strip()):
        # a Japanese name in kanji with its Hepburn: "停止执行外交部令2027年第31号对石田浩（Ishida Hiroshi）采取的反制措施" (session 52,
        # mfa52/11, session 51's open B: typed an organisation)
        return "individual"
    if target.en and _org_english(target.en):
        return "organization"
    if "entry_ban" in all_measures or "本人" in body or target.note:
        return "individual"
    if target.en is None and target.zh and CN_PERSON_NAME_RE.fullmatch(target.zh.strip()):
        return "individual"  # "停止…中对石平采取的反制措施" (session 38, mfa38/03: typed an organisation, the lift no measure)
    if target.zh is None and target.en and _pinyin_person(target.en):
        return "individual"  # "解除…对Liu Jianhua采取的冻结财产措施" (session 43, mfa43/23: typed an organisation)
    if target.zh is None and target.en and PERSON_WORDS_RE.search(body) and ORG_WORDS_RE.search(body) is None:
        # a name shaped as a person's (``_org_english`` said no) in a text naming people and no organisation: "关于解除对有关
        # 人员反制措施的决定 … 解除…对Jan van der Berg、Karin Meyer-Schmidt采取的反制措施。…对其他人员采取的反制措施继续有效"
        # (session 48, mfa47/16: typed organisations)
        return "individual"
    if target.zh is None and target.en and WESTERN_PERSON_RE.fullmatch(target.en.strip()) is not None and not any(
            w in ORG_EN_WORDS or w in FIRM_TAILS for w in target.en.split()) and BOTH_KINDS_RE.search(body) is not None:
        # so too in a text naming both kinds, a name of a person's shape: "关于解除对有关机构和人员反制措施的决定 … 解除…所列
        # Harbor Freedom Institute、John Miller、Susan Clark采取的反制措施" (session 49, mfa48's open B, mfa49/14: typed organisations)
        return "individual"
    return "organization"


# A Western person's name in Latin: a given name, perhaps an initial, a surname (hyphened, or with O'/Mc/Mac).
WESTERN_PERSON_RE = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)? (?:O'|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


# A Chinese person's name in pinyin alone: two or three words, the first or the last a common surname, every word (each part of a
# hyphened one) one to three pinyin syllables ("Liu Jianhua", "Huang Li-wen"); not "Lockheed Martin", whose words are no pinyin.
_SYLLABLE = ("(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcswy])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|"
             "ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)")
PINYIN_WORD_RE = re.compile(f"(?:{_SYLLABLE}){{1,3}}")
PINYIN_SURNAMES = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang han feng "
    "deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao fu zhong cui tan liao "
    "fan shi jin jia xia fang zou xiong bai meng qin qiu hou yin xue yan duan lei long tao mao hao gu gong shao wan qian "
    "dai mo kong xiang chang qi kang niu".split())


def _pinyin_person(en: str) -> bool:
    """Whether ``en`` is shaped as a Chinese person's name in pinyin (PINYIN_WORD_RE, PINYIN_SURNAMES)."""
    words = en.lower().split()
    if not 2 <= len(words) <= 3 or (words[0] not in PINYIN_SURNAMES and words[-1] not in PINYIN_SURNAMES):
        return False
    return all(PINYIN_WORD_RE.fullmatch(part) for word in words for part in word.split("-"))


# A Japanese or Korean person's romanised name, the surname first in capitals: "KITAZAWA Yuichiro", "PARK Ji-hoon".
FIRM_TAILS = frozenset({"Aerospace", "Aviation", "Research", "Defense", "Defence", "Dynamics", "Robotics", "Electronics",
                        "Labs", "Laboratories", "Security", "Solutions", "Marine", "Maritime", "Networks", "Energy"})
SURNAME_FIRST_RE = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})? [A-Z][a-z]+(?:-[a-z]+)?")


# A Japanese name in Hepburn, word by word: syllables of a consonant (doubled: "Hattori") or none and a vowel (long: "Ō"), a
# closing n ("Kenta"); "Ishida", "Hiroshi", "Takahashi". Two words, each capitalised, none of a company's ("Toyota Tsusho" has
# no kanji name of two to four characters: asked beside one).
HEPBURN_WORD_RE = re.compile(r"(?:(?:[kstp]?(?:ch|sh|ts|[kgnhbpmr]y|[kgsztdnhbpmrwfjy]))?[aiueoāīūēō]{1,2}(?:n(?![aiueoāīūēōy]))?)+")


def _hepburn_person(en: str) -> bool:
    """Whether ``en`` is shaped as a Japanese person's name in Hepburn: two capitalised words of HEPBURN_WORD_RE."""
    words = en.split()
    return len(words) == 2 and all(w[:1].isupper() and w[1:].islower() and HEPBURN_WORD_RE.fullmatch(w.lower())
                                   for w in words) and not any(w in ORG_EN_WORDS or w in FIRM_TAILS for w in words)


# A Chinese person's name alone: two to four Han characters (an organisation's name is longer or ends as one, asked first).
CN_PERSON_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")
REGION_WORDS = ("中国台湾地区", "台湾地区", "中国香港特别行政区", "香港特别行政区", "中国澳门特别行政区", "澳门特别行政区")


# Surnames as Taiwan writes them (Wade-Giles), beside PINYIN_SURNAMES: "Wang Chih-chiang", "Tsai Ming-hui".
WADE_GILES_SURNAMES = frozenset(("tsai", "hsu", "hsieh", "chou", "chiang", "kuo", "tseng", "chien", "hsiao", "chao", "yeh",
                                 "chiu", "tsao", "chung", "hung", "kung", "tung", "wu", "lu", "liao", "chu"))
ROMANISED_WORD_RE = re.compile(r"[a-z]{1,7}(?:-[a-z]{1,7})?")


def _romanised_person(en: str) -> bool:
    """Whether ``en`` is shaped as a Chinese person's name romanised (pinyin, or Wade-Giles as Taiwan writes it): two or three
    words, the first or the last a surname."""
    words = en.lower().split()
    if not 2 <= len(words) <= 3 or not all(ROMANISED_WORD_RE.fullmatch(w) for w in words):
        return False
    return _pinyin_person(en) or words[0] in WADE_GILES_SURNAMES or words[-1] in WADE_GILES_SURNAMES or (
        words[0] in PINYIN_SURNAMES or words[-1] in PINYIN_SURNAMES)


def _unregion(zh: str) -> str:
    """``zh`` without the region it opens with (REGION_WORDS)."""
    return next((zh[len(w) :] for w in REGION_WORDS if zh.startswith(w)), zh) if zh[:1] in "中台香澳" else zh


def _org_shaped(target: Target) -> bool:
    """An organisation by its section or its name's shape (an ending, or English no person bears)."""
    return (target.type == "organization" or any(_org_suffix(name.strip()) for name in (target.zh, target.en) if name)
            or (target.en is not None and _org_english(target.en)))


def _org_english(en: str) -> bool:
    """An English name no person bears: a word only organisations use ("Human Rights Watch", "National
    Endowment for Democracy": ORG_EN_WORDS), or not the shape of a person's name (two to five
    capitalised words, initials and name particles: "Kenneth Roth", "Michael T. McCaul")."""
    words = en.replace(",", " ").split()
    if any(word in ORG_EN_WORDS for word in words):
        return True
    if not 2 <= len(words) <= 5:
        return True
    for word in words:
        if word in NAME_PARTICLES:
            continue
        letters = word.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
        if not (letters.isalpha() and word[0].isupper()) or (len(letters) > 1 and letters.isupper()):
            return True  # a digit, a sign, a lower-case word or an acronym
    return False
