"""Notice numbers: the notice's own number and the earlier notices it names.

Keys come from numbers only, never from URLs: 商务部公告2025年第21号 and
商务部 海关总署公告2025年第18号 -> ``MOFCOM-2025-21`` / ``MOFCOM-2025-18`` (one shared
series), 商务部令2025年第7号 -> ``MOFCOM-ORDER-2025-7``, 不可靠实体清单工作机制(公告)〔2025〕7号
and the header form "不可靠实体清单工作机制 公告 2025年 第7号" -> ``UEL-2025-7``.
All patterns run on folded text (full-width brackets already ASCII).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from storage.frozen import quick_init
from storage.records import ListKind, NoticeKind, NoticeRef

from .lazyre import lazy_compile
from .textnorm import CO_ISSUER, CO_ISSUER_RE, NUM, YEAR, despace, fold, to_int

UEL_NAME = "不可靠实体清单工作机制"
# "、第56号", "和6号", "至第58号" (a range: every number from the one before to this one), "—第58号", "-8号" (a range written with
# a dash, RANGE_DASHES: "第55号—第58号", "〔2025〕4号—7号" were read as their first number alone, the others missed, silently;
# qa47).
RANGE_DASHES = "-~—–"
MORE_NUMS = rf"(?P<more>(?:\s*(?:[、,和及与至]|以及|[{RANGE_DASHES}]{{1,2}})\s*(?:公告\s*|)(?:第\s*|){NUM}\s*号)*)"
# "第55-58号", "〔2025〕5-8号", "第55至58号": a range inside one 第…号, its first number's 号 left out (session 48, qa47/06: no
# number read, the answer held). The first number ends at 号, or at a dash or 至 that a number and its 号 follow; MORE_NUMS
# then reads "-58号" as it reads "-第58号" (``more_numbers``: a range).
INNER_RANGE = rf"(?:号|(?=\s*(?:至|[{RANGE_DASHES}]{{1,2}})\s*{NUM}\s*号))"
MORE_NUM_RE = lazy_compile(rf"({NUM})\s*号")
RANGE_MAX = 30  # "第55号至第58号" names 4 notices; a wider "range" is read as its two ends
# "商务部公告2025年第21号", "商务部 海关总署公告…", "商务部令…", "不可靠实体清单工作机制公告2023年第1号",
# bare "公告2025年第21号" / "2025年第21号公告" (references only).
# sre tries a pattern with no literal first at every place of a piece: a lookahead on the
# characters a match can start with (a first character of the issuer, blanks, "(" or the year's)
# turns the other places away at once; a second one on what follows there (a number without an issuer
# opens with its year, "年…第" after it) turns away the dates and other numerals. Optional groups are
# written "(?:X|)" here and below: sre runs that as a branch, cheaper than its repeat for "(?:X)?".
YEAR_NUMBER_RE = lazy_compile(
    r"(?=[中商不公令\s(\d〇○零一二三四五六七八九O])"
    rf"(?=中华|商务部|{UEL_NAME[:5]}|公告|令|[\s(]|{YEAR}\s*年\s*(?:度\s*|)第)"
    rf"(?:(?P<pre>(?:中华人民共和国|)商务部(?P<co>(?:\s*[、和]?\s*{CO_ISSUER})*)\s*(?P<pk>公告|令)"
    rf"|{UEL_NAME}\s*(?P<uk>公告)|(?P<bare>公告|令))|)"
    rf"\s*(?:\(\s*|)(?P<y>{YEAR})\s*年\s*(?:度\s*|)第\s*(?P<n>{NUM})\s*{INNER_RANGE}\s*\)?"
    rf"{MORE_NUMS}(?:(?P<post>\s*(?:公告|令))|)"
)
# "不可靠实体清单工作机制公告〔2025〕7号", "〔2025〕5号和6号"; a ministry's number in the bracket form
# ("商务部公告〔2026〕53号", mpre: its scheme is MOFCOM, or ORDER for 令, never the working mechanism's).
# Compiled at import, not on first use (lazyre): find_references tells its matches by ``m.re is BRACKET_NUMBER_RE``.
BRACKET_NUMBER_RE = re.compile(
    r"(?=[不中商\s〔\[【(])"
    rf"(?:(?P<pre>{UEL_NAME}\s*(?:公告|))"
    rf"|(?P<mpre>(?:中华人民共和国|)商务部(?P<mco>(?:\s*[、和]?\s*{CO_ISSUER})*)\s*(?P<mk>公告|令))|)"
    rf"\s*[〔\[【(]\s*(?P<y>{YEAR})\s*[〕\]】)]\s*(?:第\s*|)(?P<n>{NUM})\s*{INNER_RANGE}{MORE_NUMS}"
)
# What every YEAR_NUMBER_RE match holds ("2025年第"): a literal first, so a cheap scan.
YEAR_NO_RE = re.compile(r"年\s*(?:度\s*|)第")
# What every BRACKET_NUMBER_RE match holds ("〔2025〕"): checked on a clause before the long regex.
BRACKET_YEAR_RE = re.compile(rf"[〔\[【(]\s*{YEAR}\s*[〕\]】)]")
WENHAO_RE = re.compile(r"文\s*号")
# Between two numbers of one issuer ("…2025年第51号、2026年第23号"): a joiner and blanks only, on one line (a number's
# piece ends at a line end: ``_piece_matches``).
JOINED_RE = lazy_compile(r"[^\S\n]*(?:[、,和及与]|以及)[^\S\n]*")
# After a number's 号, what YEAR_NUMBER_RE reads as its post group 令 when no further number follows
# (a piece with a further one is read in full: ``_piece_matches``).
ORDER_AFTER_RE = re.compile(r"\s*(?:\))?\s*令")
# Each alternative opens with a literal, so sre scans for their first characters alone
# (one group per alternative: ``lastindex`` says which matched).
FILING_NO_RE = re.compile(r"【\s*(?:发布|)文\s*号\s*】\s*([^\n【]+)|发布文号\s*[:：]\s*([^\n]+)|文号\s*[:：]\s*([^\n]+)")
# The usual own numbers, whole: 商务部(海关总署)公告/令2025年第21号, 不可靠实体清单工作机制(公告)〔2025〕7号.
PLAIN_OWN_RE = re.compile(
    rf"商务部(?:(?P<co> 海关总署)|)(?P<kind>公告|令)(?P<y>\d{{4}})年第(?P<n>\d{{1,4}})号"
    rf"|{UEL_NAME}(?:公告)?〔(?P<uy>\d{{4}})〕(?P<un>\d{{1,4}})号"
)
PLAIN_CO_ISSUER = "商务部 海关总署"  # ``_issuer`` of PLAIN_OWN_RE's co group
UEL_CONTEXT_WINDOW = 40
OWN_KINDS = {"UEL": NoticeKind.UEL_ANNOUNCEMENT, "ORDER": NoticeKind.ORDER, "MOFCOM": NoticeKind.ANNOUNCEMENT}
LEADING_MARKS = " (（【[「《\"'"  # what may stand before a number that opens a line
NUM_CHARS = frozenset("零一二三四五六七八九十百两")  # NUM's Chinese digits (and \\d its decimal ones)


@quick_init
@dataclass(frozen=True)
class OwnNumber:
    key: str
    number: str
    kind: NoticeKind
    issuer: str
    # (the number up to its 号, folded; whether a 令 after it makes it an order) when a match whose
    # first number ends at that 号 reads ``key`` whatever stands before it (``_shape``), else None
    shape: tuple[str, bool] | None = field(default=None, compare=False, repr=False)


def _year_scheme(pk: str | None, uk: str | None, bare_word: str | None, post: str) -> str | None:
    """UEL, ORDER or MOFCOM for a YEAR_NUMBER_RE match from its groups (``post`` stripped), None
    when it names no issuer and is no 令 (then ``_bare_scheme`` decides from the text around it)."""
    if uk:
        return "UEL"
    if pk == "令" or bare_word == "令" or post == "令":
        return "ORDER"
    return "MOFCOM" if pk else None


def _bare_scheme(text: str, start: int, bare: str, bare_word: str | None, post: str | None) -> str:
    """The scheme of a YEAR_NUMBER_RE match at ``start`` that names no issuer: UEL after the
    working mechanism's name; ``bare`` for "公告2023年第1号" (UEL inside a UEL notice)."""
    before = text[max(0, start - UEL_CONTEXT_WINDOW) : start]
    if UEL_NAME in before and "商务部公告" not in before:
        return "UEL"
    return bare if bare_word == "公告" or post == "公告" else "MOFCOM"


KEY_PREFIX = {"MOFCOM": "MOFCOM-", "ORDER": "MOFCOM-ORDER-", "UEL": "UEL-"}


def _bracket_scheme(m: re.Match[str], folded: str = "", matches: Sequence[re.Match[str]] = ()) -> str:
    """The scheme of a BRACKET_NUMBER_RE match: the ministry's with 商务部公告 / 商务部令 before the
    bracket (mpre), else the working mechanism's (its name, or a bare "〔2025〕7号"). A bare one joined to a bracket number
    of the ministry before it ("商务部公告〔2025〕21号和〔2025〕22号": JOINED_RE between them) is that number's (session 52,
    resp52, review60/16: keyed UEL-2025-22, a notice of the other list)."""
    if m.group("mpre"):
        return "ORDER" if m.group("mk") == "令" else "MOFCOM"
    if not m.group("pre"):
        for before in matches:
            if before.re is BRACKET_NUMBER_RE and before.end() < m.start() \
                    and JOINED_RE.fullmatch(folded, before.end(), m.start()):
                return _bracket_scheme(before, folded, matches)
    return "UEL"


def _numbers(m: re.Match[str]) -> list[int]:
    first = to_int(m.group("n"))
    return more_numbers(first, m.group("more") or "")


def more_numbers(first: int | None, more: str) -> list[int]:
    """``first`` and the numbers of a MORE_NUMS group ``more``; a number after 至 or a dash closes a range
    opened by the one before it ("第55号至第58号", "第55号—第58号": 55, 56, 57, 58)."""
    nums = [first] if first is not None else []
    end = 0
    for extra in MORE_NUM_RE.finditer(more):
        value = to_int(extra.group(1))
        if value is not None:
            prev = nums[-1] if nums else None
            joiner = more[end : extra.start()]
            if prev is not None and ("至" in joiner or any(ch in joiner for ch in RANGE_DASHES)) and 0 < value - prev <= RANGE_MAX:
                nums.extend(range(prev + 1, value))
            nums.append(value)
        end = extra.end()
    return nums


def _ends_own(folded: str, pos: int, own: tuple[str, bool]) -> bool:
    """Whether the 号 at ``pos`` ends the own number (``OwnNumber.shape``) with no 令 after it that
    matters: a match whose first number ends there reads the own key, and no match reads a further
    number ending there (its "、第22号" needs 、, 和, … or 公告 right before its 第 or number)."""
    written, order_after = own
    start = pos + 1 - len(written)
    if start < 0 or not folded.startswith(written, start):
        return False
    return not (order_after and ORDER_AFTER_RE.match(folded, pos + 1))  # no match past the piece end either


def _inert(before: str) -> bool:
    """Whether a 号 after ``before`` (its character before, "" at the start) is in no number
    match: each 号 a match reads ends a NUM (a decimal or Chinese digit), maybe with blanks
    between ("文号", "信号", "编号" end none)."""
    return not (before.isdecimal() or before in NUM_CHARS or before.isspace())


def _piece_matches(folded: str, own: tuple[str, bool] | None = None) -> tuple[list[re.Match[str]], bool]:
    """The matches of BRACKET_NUMBER_RE and YEAR_NUMBER_RE in ``folded``, found piece by piece,
    and whether both matched in one piece (only then can a match nest in another). A piece is a
    line cut at "。" that holds a 号 and "〔2025〕" (BRACKET_YEAR_RE) or "年第" (YEAR_NO_RE):
    neither number regex matches a "。" or a newline, so running each on these pieces finds
    what running it on the text finds. The pieces are found from the 号 (few, ``str.find``)
    that can end a number (``_inert``) other than the own one (``own``: ``OwnNumber.shape``;
    ``_ends_own``): a piece whose every 号 is inert or ends the own number holds no match, or
    only matches of the own key, which ``find_references`` leaves out. YEAR_NUMBER_RE is not
    run on a piece without 公告, 令 or a bracket number: its matches there would all be dropped."""
    find, rfind, size = folded.find, folded.rfind, len(folded)
    found: list[re.Match[str]] = []
    mixed = False
    pos = find("号")
    while pos >= 0:
        if _inert(folded[pos - 1] if pos else ""):
            pos = find("号", pos + 1)
            continue
        if own is not None and _ends_own(folded, pos, own):
            pos = find("号", pos + 1)
            continue
        start = max(rfind("\n", 0, pos), rfind("。", 0, pos)) + 1
        end = find("\n", pos)
        stop = find("。", pos, size if end < 0 else end)
        end = stop if stop >= 0 else size if end < 0 else end
        had = len(found)
        if BRACKET_YEAR_RE.search(folded, start, end):
            found.extend(BRACKET_NUMBER_RE.finditer(folded, start, end))
        piece = folded[start:end]
        # Every YEAR_NUMBER_RE match find_references keeps holds a 公告 or a 令 (its pre group ends
        # in one, else its post group is one), or follows a bracket number it is joined to ("不可靠实体清单工作机制〔2025〕7号、
        # 2025年第9号": ``_year_match_scheme``): a piece with neither (the bare heading "2025年 第7号") has none.
        if ("公告" in piece or "令" in piece or len(found) > had) and YEAR_NO_RE.search(folded, start, end):
            bracketed = len(found)
            found.extend(YEAR_NUMBER_RE.finditer(folded, start, end))
            mixed = mixed or had < bracketed < len(found)
        pos = find("号", end)
    return found, mixed


# Another authority's 公告 right before a number: "国务院关税税则委员会公告2025年第8号规定的暂停加征24%关税的期限延长1年" in an
# answer was read as an extension of MOFCOM-2025-8 (session 52, order52's probe: "公告2025年第8号" keyed as the ministry's).
# Never "商务部 海关总署公告…" (YEAR_NUMBER_RE's pre group, the ministry first).
OTHER_ISSUERS = ("关税税则委员会", "税委会", "海关总署", "财政部", "国家发展改革委", "国家发展和改革委员会", "工业和信息化部",
                 "国家市场监督管理总局", "市场监管总局", "国家外汇管理局", "中国人民银行", "国家国防科技工业局", "国家原子能机构")


def _year_match_scheme(folded: str, m: re.Match[str], bare: str, matches: list[re.Match[str]]) -> str | None:
    """The scheme of YEAR_NUMBER_RE's match ``m``: its issuer's or its 公告/令's; for a bare "2026年第23号" joined to a number
    before it ("商务部公告2025年第51号、2026年第23号": JOINED_RE between them), that number's (session 29, audit29/07: the
    second, read as a date-number, was skipped and its notice's lift lost); after a bracket number ("不可靠实体清单工作机制公告
    〔2025〕7号和2025年第9号", session 50, blind50/25: No. 9 skipped, its lift lost, silently) that number's too; else None (no
    notice number)."""
    pre, _, pk, uk, bare_word, _, _, _, post = m.groups()  # pre, co, pk, uk, bare, y, n, more, post
    if bare_word == "公告" and folded.endswith(OTHER_ISSUERS, 0, m.start()):
        return None  # another authority's notice (its number is no MOFCOM key)
    if pre or post:
        post = post.strip() if post else ""
        return _year_scheme(pk, uk, bare_word, post) or _bare_scheme(folded, m.start(), bare, bare_word, post)
    for before in matches:
        if before.end() < m.start() and JOINED_RE.fullmatch(folded, before.end(), m.start()):
            if before.re is BRACKET_NUMBER_RE:
                return _bracket_scheme(before, folded, matches)
            return _year_match_scheme(folded, before, bare, matches)
    return None


# "暂停执行商务部公告2026年第338号相关措施和第339号相关措施": a number after the measures (or 公告) of one named whole, written with
# neither issuer nor year, is that issuer's of that year, as "…第338号、第339号相关措施" is (session 47, probe47: No. 339 was no
# ref, its suspension missed silently, or the title's open suspension of it from the notice's day kept, its year's end lost).
# "…第338号公告和第339号公告相关措施" likewise (the first's 公告 read with its number). Asked only after a MOFCOM number that a "第" follows within MEASURES_REACH.
MEASURES_MORE_RE = lazy_compile(
    rf"\s*(?:公告\s*(?:(?:的\s*|)(?:相关|有关)\s*(?:管控\s*|)措施\s*|)|(?:的\s*|)(?:相关|有关)\s*(?:管控\s*|)措施\s*|)"
    rf"(?:[、和及与]|以及)\s*(?P<no>第\s*(?P<n>{NUM})\s*号)(?!\s*令)")
MEASURES_REACH = 16  # "公告的相关管控措施以及第" and blanks (no comma: "…相关措施，第339号相关措施继续有效" is another clause)


def _numbers_after_measures(folded: str, end: int) -> list[tuple[int, int, int]]:
    """(start, end, number) of each "…相关措施和第N号" after a number ending at ``end``, down the chain ("第338号相关措施、第339号
    相关措施和第340号相关措施")."""
    out = []
    while (m := MEASURES_MORE_RE.match(folded, end)) is not None:
        value = to_int(m.group("n")) if not m.group("n").isdigit() else int(m.group("n"))
        if value is None:
            break
        out.append((m.start("no"), m.end("no"), value))
        end = m.end()
    return out


# "停止实施商务部公告2025年第22号相关措施，第21号相关措施暂停至2027年6月30日": a number opening a clause of the sentence, with
# neither issuer nor year ("第21号") or with its year alone ("2025年第21号"), its measures named right after it, is the
# announcement of the ministry the sentence named before it (its year too, where none is written), as "…第22号、第21号相关措施"
# is (session 57, held57: range49/24, near50/14-16 held as "a notice's measures no step reads"). Only where every notice
# the sentence named before it is a ministry's announcement (not an order, nor the working mechanism's: another kind
# could be meant) and, for a bare number, all of one year (else which year is not plain): the clause stays no reference,
# held. Only a clause with a verb of change of its own right after the measures (CLAUSE_CHANGE_RE: "暂停至…", "停止实施"): a clause
# with none ("…，第22号相关措施1年", "…亦同", "…继续实施") is the step's before it, read (or held) by ``actions.apart`` by the
# bare number. Looked for back from each "相关措施" of a text naming a notice (its number ends the clause's first part).
CLAUSE_NUMBER_RE = lazy_compile(rf"[,;]\s*(?P<no>(?:(?P<y>{YEAR})\s*年\s*)?第\s*(?P<n>{NUM})\s*号)\s*(?:公告\s*)?(?:的\s*)?"
                                r"相关\s*措施$")
CLAUSE_NUMBER_REACH = 32  # ";  2025年第100号公告的相关措施" and blanks
# the verb right after the measures ("第22号相关措施停止实施", "…继续暂停实施1年"), not after a term ("…6个月后恢复实施": when?)
CLAUSE_CHANGE_RE = lazy_compile(r"\s*(?:(?:也|亦|均)\s*)?(?:继续\s*)?(?:停止|终止|取消|解除|恢复|暂停|延长|废止|不再)")
SENTENCE_MARKS = ("。", "\n", "?", "!")
AMONG = "其中"
MEASURES = "相关措施"


def _numbers_opening_clauses(folded: str, found: list[tuple[int, int, str, ListKind | None]]
                             ) -> list[tuple[int, int, str, ListKind | None]]:
    """(start, end, key, list) of each number opening a clause (CLAUSE_NUMBER_RE) that takes the issuer (and year) of the
    ministry's announcements named before it in its sentence."""
    out: list[tuple[int, int, str, ListKind | None]] = []
    pos = folded.find(MEASURES)
    while pos >= 0:
        m = CLAUSE_NUMBER_RE.search(folded, max(0, pos - CLAUSE_NUMBER_REACH), pos + len(MEASURES))
        pos = folded.find(MEASURES, pos + len(MEASURES))
        if m is None or any(s < m.end("no") and m.start("no") < e for s, e, _, _ in found) \
                or CLAUSE_CHANGE_RE.match(folded, m.end()) is None:
            continue  # (a number read, or a clause with no step of its own)
        s0 = max(folded.rfind(mark, 0, m.start()) for mark in SENTENCE_MARKS) + 1
        if folded.find(AMONG, s0, m.start()) >= 0:
            continue  # "…，其中第339号…，第338号…": a part of the notices named before, read (or held) by ``actions.apart``
        before = [key for s, _, key, _ in found if s0 <= s < m.start()]
        if not before or any(not k.startswith(KEY_PREFIX["MOFCOM"]) or k.startswith(KEY_PREFIX["ORDER"]) for k in before):
            continue  # no notice before it, or one of another issuer or kind
        written = m.group("y")
        years = {k.split("-")[1] for k in before}
        year = (int(written) if written.isdigit() else to_int(written)) if written else \
            (int(next(iter(years))) if len(years) == 1 else None)
        n = int(m.group("n")) if m.group("n").isdigit() else to_int(m.group("n"))
        if year is not None and n is not None:
            out.append((m.start("no"), m.end("no"), f"{KEY_PREFIX['MOFCOM']}{year}-{n}", None))
    return out


def find_references(folded: str, clean: str, bare: str = "MOFCOM", skip: str | None = None,
                    own: tuple[str, bool] | None = None, anchor_year: int | None = None) -> list[tuple[int, int, NoticeRef]]:
    """Every numbered notice named in ``folded`` as (start, end, ref), in text order; the
    notice ``skip`` (the text's own) is left out, and gets no record built. ``own`` (its
    ``OwnNumber.shape``) lets the pieces that name only it go unread.

    "〔2025〕5号和6号" gives two refs. A bare "2025年第3号" with neither 公告 nor 令
    is not a notice number and is skipped.
    """
    if "号" not in folded:  # every number ends in 号
        return []
    matches, mixed = _piece_matches(folded, own)
    found: list[tuple[int, int, str, ListKind | None]] = []  # start, end, key, list
    for m in matches:
        start = m.start()
        if m.re is BRACKET_NUMBER_RE:
            y, n, more = m.group("y", "n", "more")
            scheme = _bracket_scheme(m, folded, matches)
        else:
            found_scheme = _year_match_scheme(folded, m, bare, matches)
            if found_scheme is None:
                continue
            y, n, more = m.group("y", "n", "more")
            scheme = found_scheme
        year = int(y) if y.isdigit() else to_int(y)
        if year is None:
            continue
        end = m.end()
        lst = ListKind.UEL if scheme == "UEL" else None
        prefix = f"{KEY_PREFIX[scheme]}{year}-"
        first = int(n) if n.isdigit() else to_int(n)
        for value in more_numbers(first, more or ""):
            found.append((start, end, f"{prefix}{value}", lst))
        if scheme == "MOFCOM" and folded.find("第", end, end + MEASURES_REACH) >= 0:
            found.extend((s, e, f"{prefix}{v}", lst) for s, e, v in _numbers_after_measures(folded, end))
    if found and ("," in folded or ";" in folded) and MEASURES in folded:  # (a clause mark in every CLAUSE_NUMBER_RE match)
        opening = _numbers_opening_clauses(folded, found)
        if opening:
            found = sorted(found + opening, key=_start)
    if mixed:
        # Drop matches nested in a longer one (the bracket regex also matches inside "…公告〔2025〕7号").
        found.sort(key=_start)
        spans = {(s, e) for s, e, _, _ in found}
        found = [f for f in found if not any(s <= f[0] and f[1] <= e and (s, e) != (f[0], f[1]) for s, e in spans)]
    kept: set[tuple[int, str]] = set()
    result: list[tuple[int, int, NoticeRef]] = []
    text, text_span = "", (-1, -1)  # the text of the last span read: "第55号至第58号" gives 4 refs of one span
    for start, end, key, lst in found:
        # the own number first: the dedupe only ever drops a ref of the same key
        if key == skip or (start, key) in kept:
            continue
        kept.add((start, key))
        if text_span != (start, end):
            text, text_span = ref_text(folded, clean, start, end), (start, end)
        result.append((start, end, NoticeRef(text=text, key=key, list=lst)))
    return _named_otherwise(folded, clean, found, result, skip, bare, anchor_year)


def _named_otherwise(folded: str, clean: str, found: list[tuple[int, int, str, ListKind | None]],
                     result: list[tuple[int, int, NoticeRef]], skip: str | None, bare: str,
                     anchor_year: int | None) -> list[tuple[int, int, NoticeRef]]:
    """``result`` (the refs by number, in text order) with the notices named without their year or by a short name."""
    if "商务部" in folded and "令" in folded:
        yearless = _yearless_orders(folded, clean, {f[2] for f in found} | ({skip} if skip else set()), skip)
        if yearless:
            result = sorted(result + yearless, key=itemgetter(0))
    if "号公告" in folded and (found or "日" in folded or anchor_year is not None and "年第" in folded):
        named = _yearless_notices(folded, clean, found, skip, bare, anchor_year)
        if named:
            result = sorted(result + named, key=itemgetter(0))
    if found and "称" in folded and SHORT_NAME_GATE_RE.search(folded):
        short = _short_names(folded, clean, found, result)
        if short:
            result = sorted(result + short, key=itemgetter(0))
    return result


# "商务部公告2025年第21号（以下简称21号公告）…继续暂停实施21号公告相关措施1年": the short name a text gives a notice it names
# with its number, then names it by (session 48, qa47/30: the step read no notice, the answer held). Only a short name that
# ends as a notice's does (公告, 令, 号), given in a bracket right after the number; read only after that bracket.
SHORT_NAME_GATE_RE = re.compile(r"(?:以下|下)\s*(?:简|)称|简称")
SHORT_NAME_RE = lazy_compile(
    r"\s*\(\s*(?:以下\s*简称|以下\s*称|下称|简称)\s*[:：]?\s*[“\"「]?(?P<alias>[^()“”\"「」,，、。;；\s]{1,12}?(?:公告|令|号))[”\"」]?\s*\)")
SHORT_NAME_BEFORE = frozenset("第0123456789零一二三四五六七八九十百〇○年")  # "第21号公告", "121号公告": not the short name "21号公告"


def _short_names(folded: str, clean: str, found: list[tuple[int, int, str, ListKind | None]],
                 result: list[tuple[int, int, NoticeRef]]) -> list[tuple[int, int, NoticeRef]]:
    """The refs a short name given right after numbered refs ("…第21号（以下简称21号公告）") makes where the text names them
    by it later, outside every ref read."""
    out: list[tuple[int, int, NoticeRef]] = []
    spans = [(s, e) for s, e, _ in result]
    for end in sorted({e for _, e, _, _ in found}):
        m = SHORT_NAME_RE.match(folded, end)
        if m is None:
            continue
        alias = m.group("alias")
        named = [(key, lst) for _, e, key, lst in found if e == end]
        pos = folded.find(alias, m.end())
        while pos >= 0:
            stop = pos + len(alias)
            if folded[pos - 1] not in SHORT_NAME_BEFORE and not any(s < stop and pos < e for s, e in spans):
                text = ref_text(folded, clean, pos, stop)
                out.extend((pos, stop, NoticeRef(text=text, key=key, list=lst)) for key, lst in dict(named).items())
            pos = folded.find(alias, stop)
    return out


# "商务部公告2025年第21号、第22号…其中，第22号公告相关措施已…停止执行…继续暂停实施第21号公告相关措施1年": a notice named again
# without its year (session 24, parse24: no ref, so the answer read no step and was refused as cut short).
# "暂停实施前述第23号、第24号公告相关措施": several numbers before one 公告, each a notice (session 35, audit35/10: only No. 24
# was read, and the title's open suspension from the notice's day stayed on No. 23).
# "去年第21号公告": its year told relative to the text's (RELATIVE_YEARS; session 42, qa42/22: no ref, the answer's lift refused as
# cut short), read where the text has a day of its own (``find_references``' ``anchor_year``).
YEARLESS_NOTICE_RE = lazy_compile(rf"(?<![\d〕\]】)])(?<![^去今上前本]年)第\s*(?P<n>{NUM})\s*号(?P<more>(?:\s*[、,和及与]\s*第\s*{NUM}\s*号)*)\s*公告")
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}  # (dates.RELATIVE_YEARS' looking back)


# "恢复实施2025年4月4日发布的第21号公告相关措施": the notice's year is the day's it was published (session 35, audit35/07: no
# notice read, the answer refused for a person). A text on the working mechanism's list is left alone (its "第7号公告" is
# 〔2025〕7号 or a MOFCOM number: never a guess).
DATED_BEFORE_RE = lazy_compile(r"(?P<y>\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:发布|公布|印发)?\s*的\s*$")
DATED_BEFORE_REACH = 24  # "2025年12月31日发布的" and blanks


def _yearless_notices(folded: str, clean: str, found: list[tuple[int, int, str, ListKind | None]],
                      skip: str | None, bare: str = "MOFCOM", anchor_year: int | None = None) -> list[tuple[int, int, NoticeRef]]:
    """References to MOFCOM notices written "第N号公告" without their year, outside the refs ``found`` ("…2025年第55号、
    …第58号公告" is one): the notice of that number the same text names with its year, when exactly one year goes with
    it there; none otherwise (never a guessed year)."""
    keys = {k for _, _, k, _ in found if k.startswith(KEY_PREFIX["MOFCOM"]) and not k.startswith(KEY_PREFIX["ORDER"])}
    out: list[tuple[int, int, NoticeRef]] = []
    for m in YEARLESS_NOTICE_RE.finditer(folded):
        if any(s <= m.start() < e for s, e, _, _ in found):
            continue
        numbers = [(m.start(), m.end(), m.group("n"))] if not m.group("more") else [
            (x.start(), x.end(), x.group(1)) for x in MORE_NUM_RE.finditer(folded, m.start(), m.end())]
        dated = DATED_BEFORE_RE.search(folded, max(0, m.start() - DATED_BEFORE_REACH), m.start()) \
            if "日" in folded[max(0, m.start() - DATED_BEFORE_REACH) : m.start()] else None
        # "去年第21号公告" in a text of 2026: 2025 No. 21, whatever other year's No. 21 the text names ("…发布2026年第21号公告，
        # …停止实施去年第21号公告相关措施": read as No. 21 of 2026, a false lift there and the lift of 2025's lost; review45)
        shift = RELATIVE_YEARS.get(folded[max(0, m.start() - 2) : m.start()]) if folded[m.start() - 1 : m.start()] == "年" else None
        told = anchor_year + shift if shift is not None and anchor_year is not None \
            and (bare == "UEL" or UEL_NAME[:5] not in folded) else None
        for pos, end, written in numbers:
            n = to_int(written)
            years = {k for k in keys if k.endswith(f"-{n}")}
            key = years.pop() if len(years) == 1 else None
            if key is None and dated is not None and (bare == "UEL" or UEL_NAME[:5] not in folded):
                key = f"{KEY_PREFIX[bare]}{dated.group('y')}-{n}"
            if told is not None:
                key = f"{KEY_PREFIX[bare]}{told}-{n}"
            if key is not None and key != skip:
                out.append((pos, end, NoticeRef(text=ref_text(folded, clean, pos, end), key=key)))
    return out


# "暂停实施商务部令第6号": an order named without its year. MOFCOM numbers its orders by year (商务部令2020年
# 第4号, 2025年第6号 and 第7号, 2026年第2号), so the number alone names no order for sure.
YEARLESS_ORDER_RE = lazy_compile(rf"商务部\s*令\s*第\s*(?P<n>{NUM})\s*号")
ORDER_SERIES = KEY_PREFIX["ORDER"].rstrip("-")  # "MOFCOM-ORDER": a yearless reference's numbering


def _yearless_orders(folded: str, clean: str, keys: set[str], skip: str | None) -> list[tuple[int, int, NoticeRef]]:
    """References to orders written without their year ("依据商务部令第6号"). One is the order the same text
    names with its year (in its title, its header or another sentence) when exactly one year goes with that
    number there; otherwise it keeps no key but its number (``series`` "MOFCOM-ORDER", ``number``): the parser never
    guesses the year (not even the text's own: an order of 2026 may act on one of 2025); the engine resolves it to
    the one stored order of that number, else reports it (storage/yearless.py). The text's own number (``skip``) is
    left out, as ``find_references`` leaves it out."""
    out: list[tuple[int, int, NoticeRef]] = []
    # One scan (the pattern opens with a literal, which sre skips to): no match holds a second 商务部.
    for m in YEARLESS_ORDER_RE.finditer(folded):
        n = to_int(m.group("n"))
        ending = f"-{n}"
        years = {k for k in keys if k.startswith(KEY_PREFIX["ORDER"]) and k.endswith(ending)}
        key = years.pop() if len(years) == 1 else None
        if key is None or key != skip:  # keyless: the number as written, for storage/yearless.py
            pos, end = m.span()
            series = None if key or n is None else ORDER_SERIES
            # the title quoted right before it ("暂停实施《关于对…的决定》（商务部令第6号）"): storage/yearless.py checks it
            title = TITLE_BEFORE_RE.search(folded, max(0, pos - 210), pos) if series and "》" in folded[max(0, pos - 4) : pos] else None
            out.append((pos, end, NoticeRef(text=ref_text(folded, clean, pos, end), key=key, series=series,
                                            number=n if series else None,
                                            title=clean[title.start("title") : title.end("title")].strip() if title else None)))
    return out


TITLE_BEFORE_RE = lazy_compile(r"《(?P<title>[^《》]{1,200})》\s*[(（]?\s*$")


def _start(item: tuple[int, int, str, ListKind | None]) -> int:
    return item[0]


# The bracket pairs of the folded text ("（）" folded to "()"; "〔〕" and "【】" are not folded).
CLOSING = {")": "(", "]": "[", "】": "【", "〕": "〔", "》": "《"}
OPENING = {v: k for k, v in CLOSING.items()}
BRACKET_RE = re.compile(r"[()\[\]【】〔〕《》]")
STRAY_TAIL = ")]】〕》 "  # what may follow a stray closer for it to be cut off with what follows


def ref_text(folded: str, clean: str, start: int, end: int) -> str:
    """The text of a reference found at ``folded[start:end]``, as written and with its brackets paired.
    A number regex may end on the bracket that closes what stood around the number
    ("…决定》（商务部令2025年第6号）…" gave "商务部令2025年第6号）"), or stop before the bracket a date
    opened ("4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）" gave "…7号" with "（" open): a closing
    bracket at the end that closes nothing in the text is left out, and a bracket the text leaves open is
    closed by the one right after it (spaces aside). Only the text changes, never the span. The brackets are
    found by BRACKET_RE (most references hold none, or one pair)."""
    opened: list[str] = []
    for m in BRACKET_RE.finditer(folded, start, end):
        ch = m.group()
        if ch in OPENING:
            opened.append(ch)
        elif opened and opened[-1] == CLOSING[ch]:
            opened.pop()
        elif not folded[m.end() : end].strip(STRAY_TAIL):
            return clean[start : m.start()].strip()  # only stray closers (and spaces) from here on
    stop = end
    while opened:  # "…（…7号" + "）": the bracket right after closes it
        at = stop
        while at < len(folded) and folded[at] == " ":
            at += 1
        if at >= len(folded) or CLOSING.get(folded[at]) != opened[-1]:
            break
        opened.pop()
        stop = at + 1
    return clean[start:stop].strip()


def _issuer(scheme: str, co: str | None, full_text: str) -> str:
    """The issuer of an own number: the working mechanism (with 商务部代章 when the text says
    so), else 商务部 and the co-issuers of ``co`` (the YEAR_NUMBER_RE group)."""
    if scheme == "UEL":
        return f"{UEL_NAME}（商务部代章）" if "商务部代章" in full_text else UEL_NAME
    return " ".join(["商务部", *CO_ISSUER_RE.findall(co)]) if co else "商务部"


def _leftmost(regex: re.Pattern[str], folded: str, leading: bool) -> Iterable[re.Match[str]]:
    """``regex.finditer(folded)``; with ``leading``, only its first match, and only when that
    starts before the line's first character outside LEADING_MARKS: tried at those few places
    instead of scanning the line (a later match could not open the line)."""
    if not leading:
        return regex.finditer(folded)
    for pos in range(len(folded) - len(folded.lstrip(LEADING_MARKS)) + 1):
        m = regex.match(folded, pos)
        if m:
            return (m,)
    return ()


def _first_number(m: re.Match[str]) -> int | None:
    """The first of the numbers of a match (``_numbers(m)[0]``, None when it has none)."""
    n = m.group("n")
    first = int(n) if n.isdigit() else to_int(n)
    if first is not None:
        return first
    nums = _numbers(m)
    return nums[0] if nums else None


def _own_from(folded: str, clean: str, full_text: str, leading: bool = False) -> OwnNumber | None:
    """The first number in ``folded`` with an issuer; with ``leading``, only one that opens the line."""
    if "号" not in folded:
        return None  # every number ends in 号
    best: OwnNumber | None = None
    best_start = 0
    # A bracketed number is own only with an issuer before it (the UEL name, or 商务部公告 / 商务部令);
    # a year number needs 年…第.
    bracketed = UEL_NAME in folded or ("商务部" in folded and BRACKET_YEAR_RE.search(folded) is not None)
    for regex in (BRACKET_NUMBER_RE, YEAR_NUMBER_RE) if bracketed else (YEAR_NUMBER_RE,):
        if regex is YEAR_NUMBER_RE and not YEAR_NO_RE.search(folded):
            break
        for m in _leftmost(regex, folded, leading):
            if regex is BRACKET_NUMBER_RE:
                if not (m.group("pre") or m.group("mpre")):
                    continue
                scheme = _bracket_scheme(m)
                # no shape for a ministry's bracket number: its pieces are read as any other reference
                plain = "UEL" if scheme == "UEL" else ""
                co = m.group("mco")
            else:
                pk, uk, post, co = m.group("pk", "uk", "post", "co")
                if not (pk or uk):
                    continue
                scheme = _year_scheme(pk, uk, None, post.strip() if post else "") or "MOFCOM"
                plain = _year_scheme(pk, uk, None, "") or "MOFCOM"  # the scheme without its post group
            y = m.group("y")
            year = int(y) if y.isdigit() else to_int(y)
            number = _first_number(m)
            if year is None or number is None:
                continue
            if not folded.startswith("号", m.end("n")) and not folded[m.end("n") : m.end("n") + 4].lstrip().startswith("号"):
                continue  # "商务部 海关总署公告2025年第55-58号": a range (INNER_RANGE) is no text's own number
            start = m.start()
            if best is None or start < best_start:
                written = clean[start : m.end("n") + 1].strip()
                best = OwnNumber(f"{KEY_PREFIX[scheme]}{year}-{number}", written, OWN_KINDS[scheme],
                                 _issuer(scheme, co, full_text), _shape(folded, m, scheme == plain and scheme))
                best_start = start
            break
    return best


def _shape(folded: str, m: re.Match[str], scheme: str | bool) -> tuple[str, bool] | None:
    """``OwnNumber.shape`` of an own number's match ``m`` of scheme ``scheme`` (False when its post
    group made it an order): its text up to the 号 right after its first number, when that number
    is the key's. Wherever this text stands, a match whose first number ends at its 号 reads the
    year and number before that 号, and this issuer: starting further left, the match still ends
    its issuer with the 公告 / 令 right before the year, and the working mechanism's name ends in
    制 where a ministry or co-issuer ends in 部, 会, 委, 局 or 署. Only a 令 after the 号
    ("…公告…第6号令") can change the key, of a 商务部…公告 number (``_ends_own``)."""
    end = m.end("n")
    n = m.group("n")
    if not scheme or folded[end : end + 1] != "号" or not (n.isdigit() or to_int(n) is not None):
        return None
    return folded[m.start() : end + 1], scheme == "MOFCOM"


def _plain_own(folded: str, clean: str, full_text: str) -> OwnNumber | None:
    """``_own_from(folded, clean, full_text)`` when ``folded`` is nothing but a number of the usual
    forms (PLAIN_OWN_RE: the 【发布文号】 of nearly every notice), read without the general regexes;
    None otherwise. The general regexes' first match there is the whole text, with these groups."""
    m = PLAIN_OWN_RE.fullmatch(folded)
    if m is None:
        return None
    co, kind, y, n, uel_y, uel_n = m.groups()
    scheme = "UEL" if uel_y else "ORDER" if kind == "令" else "MOFCOM"
    year, number = (uel_y, uel_n) if uel_y else (y, n)
    # the co group is " 海关总署" or None: ``_issuer`` of it, without its regex
    issuer = _issuer(scheme, None, full_text) if uel_y else PLAIN_CO_ISSUER if co else "商务部"
    return OwnNumber(f"{KEY_PREFIX[scheme]}{int(year)}-{int(number)}", clean, OWN_KINDS[scheme],
                     issuer, (folded, scheme == "MOFCOM"))


def find_own_number(head_lines: list[str], folded_head_lines: list[str], full_text: str,
                    title: str | None = None, filing_no: str | None = None, strict: bool = False,
                    folded_title: str | None = None) -> OwnNumber | None:
    """The notice's own number from, in order: 【发布文号】; a title or head line that
    opens with a number; up to three head lines joined without spaces (the spaced
    UEL header "不 可 靠 … / 公 告 / 2025年 第7号", "商务部令 / 2025年第6号"); then a
    number anywhere in the title or head lines ("关于…商务部公告…的公告" names
    another notice, so it comes last; ``strict`` leaves this last step out).
    ``folded_head_lines`` is ``fold`` of each head line, ``folded_title`` of the title."""
    if filing_no:
        folded_no = fold(filing_no)
        own = _plain_own(folded_no, filing_no, full_text) or _own_from(folded_no, filing_no, full_text)
        if own:
            return own
    candidates = _candidates(head_lines, folded_head_lines, title, folded_title)
    for i, (cand, folded) in enumerate(candidates):
        own = _own_from(folded, cand, full_text, leading=True)
        if own:
            return _text_over_title(own, candidates[1:], full_text) if title and i == 0 else own
    own = _own_from_joined(head_lines, full_text)
    if own or strict:
        return own
    return number_in_heading(head_lines, folded_head_lines, full_text, title, folded_title)


def _text_over_title(own: OwnNumber, head: list[tuple[str, str]], full_text: str) -> OwnNumber:
    """The page title's number ``own``, unless the text's head gives another and never this one: the notice's own words
    give its number, the page's title is the CMS's (session 46, blind46/23: a page whose ``ArticleTitle`` meta was copied
    from another article, "商务部公告2026年第23号 …" over a text headed "商务部公告2027年第23号", was keyed 2026-23: the new
    listing filed under another notice, silently where the counts agree). The text's number: its first head line opening
    with one, else its spaced header read joined (probe blind46/32). A head line opening with the title's number keeps
    it (a stray line naming another notice above the text's own head, probe blind46/35). Only lines holding a 号 are read."""
    mine: OwnNumber | None = None
    for cand, folded in head:
        if "号" in folded:
            found = _own_from(folded, cand, full_text, leading=True)
            if found is not None:
                if found.key == own.key:
                    return own
                mine = mine or found
    if mine is None:
        mine = _own_from_joined([cand for cand, _ in head], full_text)
    return mine if mine is not None and mine.key != own.key else own


def number_in_heading(head_lines: list[str], folded_head_lines: list[str], full_text: str,
                      title: str | None = None, folded_title: str | None = None) -> OwnNumber | None:
    """The first number with an issuer anywhere in the title or the head lines (the last
    step of ``find_own_number``)."""
    for cand, folded in _candidates(head_lines, folded_head_lines, title, folded_title):
        own = _own_from(folded, cand, full_text)
        if own:
            return own
    return None


def _candidates(head_lines: list[str], folded_head_lines: list[str], title: str | None,
                folded_title: str | None = None) -> list[tuple[str, str]]:
    pairs = list(zip(head_lines, folded_head_lines, strict=True))
    return [(title, folded_title if folded_title is not None else fold(title)), *pairs] if title else pairs


def _own_from_joined(head_lines: list[str], full_text: str) -> OwnNumber | None:
    """A number opening up to three head lines joined without spaces."""
    hits = [i for i, line in enumerate(head_lines) if "号" in line]  # every number ends in 号
    for i in sorted({j for h in hits for j in range(max(0, h - 2), h + 1)}):
        joined = despace("".join(head_lines[i : i + 3]))
        own = _own_from(fold(joined), joined, full_text, leading=True)
        if own:
            if own.kind is NoticeKind.UEL_ANNOUNCEMENT and joined.startswith(UEL_NAME + "公告") and "〔" not in own.number:
                year, n = own.key.split("-")[1:]
                own = OwnNumber(own.key, f"{UEL_NAME}公告〔{year}〕{n}号", own.kind, own.issuer)
            return own
    return None


def filing_number(folded: str, clean: str) -> str | None:
    """The value of a 【发布文号】 line, as written."""
    if WENHAO_RE.search(folded) is None:  # every FILING_NO_RE match holds "文号" (or "文 号")
        return None
    m = FILING_NO_RE.search(folded)
    if not m:
        return None
    g = m.lastindex or 0
    return clean[m.start(g) : m.end(g)].strip() or None
