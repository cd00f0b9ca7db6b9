"""The notices a text names: by number (``number.find_references``) and by their day and list
("2025年4月4日被列入出口管制管控名单的16家美国实体", "4月4日公告"), each dated and given its list."""

from __future__ import annotations

import re
from datetime import date

from storage.records import ListKind, NoticeRef

from ..dates import (
    relative_year,
    resolve_month_day,
)
from ..entities import COUNTRIES, COUNTRY_ALT
from ..lazyre import lazy_compile
from ..number import find_references, ref_text
from ..textnorm import MD, NUM, YEAR, to_int
from .words import LIST_ALT, LIST_OF, MATCH_START, REF_START, sentence_end

MFA_PREFIX = "MFA-"
NUMBER_BESIDE_REACH = 2  # "商务部令2025年第6号《…》", "《…》商务部令…": a number right beside the title names it
OWN_TITLE_LEAD = "关于"  # a heading line: the decision's own title (``_in_heading``)
BRACKET_AFTER_RE = re.compile(r"\s*[(（〔\[]")  # "》（商务部令2025年第6号）": what the title is, said beside it

# sre tries a pattern with no literal first at every place of a piece: a lookahead on the
# characters a date can start with (a year's or a month's first) turns the other places away at once.
DATE_START = r"(?=[\d〇○零一二三四五六七八九十O])"
# A count that states none ("十余家", "20余家", "多家", "数家"): no count, and the country after it still read (session 28,
# audit28/22: "…被列入出口管制管控名单的十余家美国实体" lost its country).
VAGUE_COUNT = rf"(?:{NUM}\s*余|多|数|若干)\s*家"
# "2025年4月4日被列入出口管制管控名单的16家美国实体", "4月4日和9日被列入…的28家美国实体".
DATE_LIST_RE = lazy_compile(
    rf"{DATE_START}(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
    rf"(?P<more>(?:\s*[和、及与]\s*(?:(?:{YEAR})\s*年\s*)?(?:{MD}\s*月\s*)?{MD}\s*日)*)"
    rf"\s*(?:分别)?\s*(?:被|已被)?\s*(?:分别)?\s*(?:列入|纳入)\s*(?P<list>{LIST_ALT})(?:\s*[和、及与]\s*(?P<list2>{LIST_ALT}))?"
    rf"\s*的\s*(?:共\s*)?"
    rf"(?:(?P<n>{NUM})\s*家(?P<moren>(?:\s*[和、及与]\s*{NUM}\s*家)*)|{VAGUE_COUNT})?\s*(?P<c>{COUNTRY_ALT})?"
)
# The active form: "停止执行2025年3月4日(公布的)将15家美国实体列入出口管制管控名单的相关措施", "3月4日将特科姆
# 公司等10家美国企业列入不可靠实体清单的相关措施": the same reference, the count before the list.
DATE_ACTIVE_LIST_RE = lazy_compile(
    rf"{DATE_START}(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
    rf"(?P<more>(?:\s*[和、及与]\s*(?:(?:{YEAR})\s*年\s*)?(?:{MD}\s*月\s*)?{MD}\s*日)*)"
    # "2025年4月9日发布的《公布将12家美国实体列入出口管制管控名单》": the notice named by its day and its title
    rf"\s*(?:(?:公布|发布)\s*)?(?:的\s*)?(?:《[^《》,;。\n]{{0,40}}?)?将\s*(?:[^,;。\n]{{0,40}}?等\s*)?(?P<n>{NUM})\s*家(?P<moren>)\s*(?P<c>{COUNTRY_ALT})?"
    rf"\s*(?:实体|企业|公司|机构)?\s*(?:列入|纳入)\s*(?P<list>{LIST_ALT})"
)
# "…被列入出口管制管控名单的16家美国实体和被列入不可靠实体清单的11家美国实体": the same days' listing on a second list, its
# count after it (qa47: the second list's listing missed, silently)
SECOND_LIST_RE = lazy_compile(
    rf"\s*(?:实体|企业|公司|机构)?\s*(?:和|及|以及|与|、)\s*(?:被|已被)?\s*(?:列入|纳入)\s*(?P<list>{LIST_ALT})\s*的\s*(?:共\s*)?"
    rf"(?:(?P<n>{NUM})\s*家|{VAGUE_COUNT})?\s*(?P<c>{COUNTRY_ALT})?"
)
MORE_COUNT_RE = lazy_compile(rf"({NUM})\s*家")
MORE_DAY_RE = lazy_compile(rf"(?:(?P<y>{YEAR})\s*年\s*)?(?:(?P<m>{MD})\s*月\s*)?(?P<d>{MD})\s*日")
# "4月4日公告（…）", "2025年3月4日发布的公告".
DATE_NOTICE_RE = lazy_compile(
    rf"{DATE_START}(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日"
    rf"(?P<more>(?:\s*[和、及与]\s*(?:(?:{YEAR})\s*年\s*)?(?:{MD}\s*月\s*)?{MD}\s*日)*)\s*(?:发布\s*)?(?:的\s*)?(?:公告|决定)"
)
# What every DATE_LIST_RE / DATE_NOTICE_RE match holds: most texts have neither, and a scan for
# these (a literal first) is far cheaper than cutting the text into clauses.
DATE_LIST_GATE_RE = re.compile(rf"入\s*(?:{LIST_ALT})\s*(?:[和、及与]\s*(?:{LIST_ALT})\s*)?[的》]")  # of 列入/纳入: one literal first scans fastest
DATE_NOTICE_GATE_RE = re.compile(r"日\s*(?:发布\s*)?(?:的\s*)?(?:公告|决定)")
# "4月4日公告涉及的16家美国实体" / "所列16家实体".
COUNT_AFTER_RE = lazy_compile(rf"[^,。;\n]{{0,8}}?(?:涉及|所列|列入|中)的?\s*(?P<n>{NUM})\s*家[^,。;\n]{{0,6}}?(?:实体|企业)")


# "恢复实施《关于对韩华海洋株式会社美国相关子公司采取反制措施的决定》相关措施", "暂停实施商务部2025年10月14日公布的《关于对…
# 采取反制措施的决定》相关措施6个月" (session 59, held59, order52/03-04: held, "names no notice its 恢复实施 could act on"): a
# countermeasure decision (a MOFCOM order) named by its title, and its day where written; the engine finds the one stored
# order of that title (``storage.lifecycle.targets._resolve_title_ref``), as it does an MFA decision's.
TITLE_GATE = "采取反制措施的决定》"
TITLE_REF_RE = lazy_compile(r"《(?P<title>关于对[^《》,;。\n]{1,80}?采取反制措施的决定)》")
TITLE_DAY_RE = lazy_compile(rf"(?:商务部\s*)?(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日\s*"
                            r"(?:公布|发布|作出|印发)\s*的\s*$")
TITLE_DAY_REACH = 24  # "商务部2025年10月14日公布的" before the title


def _title_refs(folded: str, clean: str, anchor: date | None) -> list[tuple[int, int, NoticeRef]]:
    """Refs to a countermeasure decision by its quoted title (TITLE_REF_RE), with its day where written before it."""
    out = []
    for m in TITLE_REF_RE.finditer(folded):
        start, day = m.start(), None
        if (dated := TITLE_DAY_RE.search(folded, max(0, start - TITLE_DAY_REACH), start)) is not None:
            month, dy = to_int(dated["m"]), to_int(dated["d"])
            day = resolve_month_day(month, dy, to_int(dated["y"]), anchor) if month and dy else None
            start = dated.start()
        out.append((start, m.end(), NoticeRef(text=ref_text(folded, clean, start, m.end()), date=day,
                                              list=ListKind.COUNTERMEASURE, title=clean[m.start("title"):m.end("title")])))
    return out


def _in_heading(folded: str, at: int) -> bool:
    """Whether ``at`` is in the text's first line or a line opening with 关于 (the decision's own title, "关于暂停实施《…》的
    决定": the body says what it acts on, and a title read there too, cut or spelled otherwise, was a second step, its end
    lost)."""
    line_start = folded.rfind("\n", 0, at) + 1
    return line_start == 0 or folded.startswith(OWN_TITLE_LEAD, line_start)


def _date_refs(folded: str, clean: str, anchor: date | None) -> list[tuple[int, int, NoticeRef]]:
    """Refs by date, list and count: "2025年4月4日被列入出口管制管控名单的16家美国实体".
    Several dates ("4月4日和9日…的28家") give one ref per date, without a count."""
    out: list[tuple[int, int, NoticeRef]] = []
    gate = DATE_LIST_GATE_RE.search(folded)
    if gate is None:
        return out
    pieces = _gate_pieces(folded, DATE_LIST_GATE_RE, gate)
    found = [m for s, e in pieces for m in DATE_LIST_RE.finditer(folded, s, e)]
    if "将" in folded:  # in every DATE_ACTIVE_LIST_RE match
        active = [m for s, e in pieces for m in DATE_ACTIVE_LIST_RE.finditer(folded, s, e)]
        found = sorted(found + [a for a in active if not any(f.start() < a.end() and a.start() < f.end() for f in found)],
                       key=MATCH_START) if active else found
    for m in found:
        year_s, month_s, day_s, more, lst, n, moren, country = m.group("y", "m", "d", "more", "list", "n", "moren", "c")
        days = _days(year_s, month_s, day_s, more)
        told = None if year_s else relative_year(folded, m.start(), anchor)  # "去年4月4日被列入…"
        dates = [d for d in (resolve_month_day(mo, dy, y or told, anchor) for mo, dy, y in days) if d]
        counts = [to_int(n)] + [to_int(x) for x in MORE_COUNT_RE.findall(moren or "")] if n else []
        if "list2" in m.re.groupindex and m.group("list2") is not None:  # (DATE_ACTIVE_LIST_RE has none)
            # "2025年4月4日被列入出口管制管控名单和不可靠实体清单的16家和11家美国实体": one ref per list, each with its count
            # (session 28, audit28/23: read as nothing, the answer refused as cut short); no two counts: no count
            text = ref_text(folded, clean, m.start(), m.end())
            for lk, count in zip((lst, m.group("list2")), counts if len(counts) == 2 else (None, None)):
                out.extend((m.start(), m.end(), NoticeRef(text=text, date=d, list=LIST_OF[lk], count=count,
                                                          country=COUNTRIES.get(country) if country else None))
                           for d in dates[:1] if len(dates) == 1)
            continue
        # "4月4日和4月9日分别被列入…的16家和12家": one count per date; one total for two dates checks nothing per date
        per_date = counts if len(counts) == len(dates) else [None] * len(dates)
        text = ref_text(folded, clean, m.start(), m.end())
        for d, count in zip(dates, per_date):
            out.append((m.start(), m.end(), NoticeRef(text=text, date=d, list=LIST_OF[lst], count=count,
                                                      country=COUNTRIES.get(country) if country else None)))
        second = SECOND_LIST_RE.match(folded, m.end()) if "列入" in folded[m.end() : m.end() + 12] \
            or "纳入" in folded[m.end() : m.end() + 12] else None
        if second is not None and LIST_OF[second["list"]] is not LIST_OF[lst]:
            n2, c2 = second.group("n", "c")
            text2 = ref_text(folded, clean, second.start(), second.end())
            out.extend((second.start(), second.end(), NoticeRef(text=text2, date=d, list=LIST_OF[second["list"]],
                                                                count=to_int(n2) if n2 and len(dates) == 1 else None,
                                                                country=COUNTRIES.get(c2) if c2 else None))
                       for d in dates)
    return out


def attach_dates(refs: list[tuple[int, int, NoticeRef]], folded: str, clean: str, anchor: date | None,
                 context_list: ListKind | None) -> list[tuple[int, int, NoticeRef]]:
    """Give number refs the date written right before them ("4月4日公告（…7号）"); add refs
    for "M月D日公告" that name no number."""
    out = list(refs)
    gate = DATE_NOTICE_GATE_RE.search(folded)
    if gate is None:
        if len(out) > 1:
            out.sort(key=REF_START)
        return out
    unpaired: list[tuple[re.Match[str], list[tuple[int, int, int | None]]]] = []
    paired_days: dict[tuple[int, int], list[NoticeRef]] = {}  # (month, day) -> the numbered refs written with it
    for m in (m for s, e in _notice_windows(folded, gate) for m in DATE_NOTICE_RE.finditer(folded, s, e)):
        days = _days(*m.groups())  # y, m, d, more
        if not days:
            continue
        told = None if m.group("y") else relative_year(folded, m.start(), anchor)  # "去年4月4日公告"
        if told is not None:
            days = [(mo, dy, y or told) for mo, dy, y in days]
        following = [(i, r) for i, r in enumerate(out) if r[2].key and 0 <= r[0] - m.end() <= 4]
        if following:
            # "4月4日公告（…7号）": one date for all; "4月4日和4月9日公告（…7号和8号）": in order
            paired = days if len(days) == len(following) else [days[0]] * len(following) if len(days) == 1 else [None] * len(following)
            for (i, (s, e, ref)), md in zip(following, paired):
                d = resolve_month_day(md[0], md[1], md[2] or _key_year(ref.key), anchor) if md else None
                out[i] = (min(s, m.start()), e, NoticeRef(text=ref_text(folded, clean, m.start(), e), key=ref.key,
                                                          date=d, list=ref.list, count=ref.count))
                if md and d:
                    paired_days.setdefault((md[0], md[1]), []).append(out[i][2])
            continue
        if any(s <= m.start() < e for s, e, _ in out):
            continue
        unpaired.append((m, days))
    for m, days in unpaired:
        if _day_decided(folded, m, out):
            continue
        c = COUNT_AFTER_RE.match(folded, m.end())
        end = c.end() if c else m.end()
        text = ref_text(folded, clean, m.start(), end)
        for month, day, y in days:
            same = paired_days.get((month, day)) if y is None and anchor is not None else None
            if same and len({(r.key, r.date) for r in same}) == 1 and _issuer_agrees(folded, m.start(), same[0].key):
                # "商务部：中方决定停止实施4月4日公告相关措施" (a news item's headline), "4月4日公告（商务部公告2025年第21号）" in its
                # body: the notice the text names with that day, no notice of the text's own year (session 48, qa47/03: a
                # false unresolved reference to an ECL notice of 2026-04-04 beside the right lift). Only where its clause
                # names that notice's issuer: "不可靠实体清单工作机制停止3月4日公告相关措施" after "3月4日公告（商务部公告2025年第13号）"
                # is the working mechanism's notice of that day (susp/06), never No. 13; "中方决定…4月4日公告" names none.
                # A ref by day still, of that notice's day and list: the engine finds the notice of that day and list
                out.append((m.start(), end, NoticeRef(text=text, date=same[0].date, list=same[0].list or context_list)))
                continue
            d = resolve_month_day(month, day, y, anchor)
            if d:
                out.append((m.start(), end, NoticeRef(text=text, date=d, list=context_list,
                                                      count=to_int(c.group("n")) if c and len(days) == 1 else None)))
    out.sort(key=REF_START)
    return out


# "中方已于2027年1月12日决定，自1月15日起暂停实施商务部公告2025年第21号…" (session 53, blind55/64, 65: read as a notice of
# 2027-01-12 among the next step's targets, "上述措施": an unresolved reference, loud; session 58, held58): "于<day>决定，" with
# a numbered notice after it in its sentence tells the day a decision on that notice was taken (决定 a verb), no notice of
# that day. Not "外交部于2024年12月27日决定，对X采取反制措施" (no number after: the decision is the notice named by its day).
DECIDED_ON = "于"  # right before the day
DECIDED_AFTER = ",:"  # right after 决定: the decision's clause


def _day_decided(folded: str, m: re.Match[str], refs: list[tuple[int, int, NoticeRef]]) -> bool:
    """Whether the DATE_NOTICE_RE match ``m`` is the day of a decision told on a numbered notice, no notice itself."""
    if not folded.endswith("决定", m.start(), m.end()) or m.end() >= len(folded) or folded[m.end()] not in DECIDED_AFTER:
        return False
    j = m.start() - 1
    while j >= 0 and folded[j].isspace():
        j -= 1
    if j < 0 or folded[j] != DECIDED_ON:
        return False
    stop = sentence_end(folded, m.end())
    return any(r[2].key is not None and m.end() <= r[0] < stop for r in refs)


def _issuer_agrees(folded: str, at: int, key: str | None) -> bool:
    """Whether the clause before a notice named by its day alone at ``at`` (from its sentence's start, a line's or the last
    ";") names ``key``'s issuer and no other: the working mechanism (or its list) for a UEL-… key, 商务部 for MOFCOM's."""
    scope = folded[max(folded.rfind("\n", 0, at), folded.rfind("。", 0, at), folded.rfind(";", 0, at)) + 1 : at]
    uel = "工作机制" in scope or "不可靠实体" in scope
    if key is None or uel == ("商务部" in scope):
        return False  # both issuers, or neither
    return key.startswith("UEL-") == uel


def _notice_windows(folded: str, first: re.Match[str]) -> list[tuple[int, int]]:
    """(start, end) of the stretch of ``folded`` that can hold a DATE_NOTICE_RE match ending at each
    DATE_NOTICE_GATE_RE match, in text order (``first`` is the first gate match): from the last
    stop ("\n", "。", ",") or gate end before it, up to its end.

    A match is a date ("4月4日", "和9日" …: digits, 年月日, blanks, 和、及与) with a gate match as
    its tail, which ends it. No part of a date is a stop, and a gate's tail (公告 / 决定) is no
    part of a date, so the match ending at a gate starts in its window, and no match ends
    elsewhere. A gate across a line end ("4日\n公告") gives none (the match would have to cross it
    too): the pieces ``_gate_pieces`` cuts give what these give, with fewer calls per gate."""
    rfind = folded.rfind
    windows = []
    lo = 0  # the end of the last gate: no window starts before it
    for gate in DATE_NOTICE_GATE_RE.finditer(folded, first.start()):
        pos, end = gate.span()
        if "\n" not in gate.group():
            windows.append((max(rfind("\n", lo, pos) + 1, rfind("。", lo, pos) + 1, rfind(",", lo, pos) + 1, lo), end))
        lo = end
    return windows


def _gate_pieces(folded: str, gate: re.Pattern[str], first: re.Match[str]) -> list[tuple[int, int]]:
    """(start, end) of each piece of ``folded`` (its lines, cut at "。" and ",") where a match
    of ``gate`` starts, in text order, ``first`` being its first match. DATE_LIST_RE and
    DATE_NOTICE_RE match across none of these stops, and each of their matches holds a match
    of its gate (which holds no other place it can start at, so the leftmost search finds it):
    scanning these pieces finds what scanning every piece finds."""
    find, rfind, size = folded.find, folded.rfind, len(folded)
    pieces = []
    lo = 0  # where the last piece ended: a stop or the text's end, so no piece starts before it
    found: re.Match[str] | None = first
    while found is not None:
        pos = found.start()
        start = max(rfind("\n", lo, pos), rfind("。", lo, pos), rfind(",", lo, pos)) + 1
        line_end = find("\n", pos)
        end = size if line_end < 0 else line_end
        stop = find("。", pos, end)
        end = stop if stop >= 0 else end
        stop = find(",", pos, end)
        end = stop if stop >= 0 else end
        if find("月", start, end) >= 0:  # in every match of both
            pieces.append((max(start, lo), end))
        lo = end
        found = gate.search(folded, end)
    return pieces


def _days(y: str | None, mo: str, d: str, more: str | None) -> list[tuple[int, int, int | None]]:
    """(month, day, year or None) for "2025年4月4日" (a match's groups y, m, d) and every
    "和9日" / "、4月9日" in its group ``more``."""
    year = to_int(y) if y else None
    month, day = to_int(mo), to_int(d)
    if not (month and day):
        return []
    days = [(month, day, year)]
    for extra in MORE_DAY_RE.finditer(more) if more else ():
        y2, m2, d2 = extra.groups()
        y2 = to_int(y2) if y2 else year
        m2 = to_int(m2) if m2 else month
        d2 = to_int(d2)
        if m2 and d2:
            days.append((m2, d2, y2))
    return days


def _key_year(key: str | None) -> int | None:
    if not key:
        return None
    for part in key.split("-"):
        if len(part) == 4 and part.isdigit():
            return int(part)
    return None


def collect_refs(folded: str, clean: str, anchor: date | None, context_list: ListKind | None,
                 own_key: str | None = None, own_shape: tuple[str, bool] | None = None) -> list[tuple[int, int, NoticeRef]]:
    """Refs by number and by date, in text order, the text's own number (``own_key``, its
    ``OwnNumber.shape`` ``own_shape``) left out."""
    # In a UEL notice a bare "公告2023年第1号" is the working mechanism's own series.
    bare = "UEL" if (own_key or "").startswith("UEL-") else "MOFCOM"
    refs = find_references(folded, clean, bare, skip=own_key, own=own_shape, anchor_year=anchor.year if anchor else None)
    refs = attach_dates(refs, folded, clean, anchor, context_list)
    date_refs = _date_refs(folded, clean, anchor)
    if date_refs and refs:
        # "2025年4月4日发布的《商务部公告2025年第21号 公布将16家…》": the number in the title names the notice
        date_refs = [d for d in date_refs if not ("《" in d[2].text and any(d[0] <= r[0] < d[1] for r in refs))]
    if date_refs:
        refs = [r for r in refs if not any(s <= r[0] < e for s, e, _ in date_refs)] + date_refs
        refs.sort(key=REF_START)
    if TITLE_GATE in folded and not (own_key or "").startswith(MFA_PREFIX):  # (the MFA's decisions: mfa/status.py)
        titled = _title_refs(folded, clean, anchor)
        # A title with a bracket after it ("《…》（商务部令2025年第6号）相关措施") is named by what the bracket says, wherever
        # it is quoted so (a number cut there, "（商务部令2025年第6）", is held as before, not read as the title's: with the
        # step the notice's own title names, two suspensions of No. 6, one with no end); so is one holding a number or
        # right beside one ("商务部令2025年第6号《…》"); the decision's own title, written bare as its heading ("《…》已经…审议
        # 通过，现予公布"), and a title in a heading line ("关于暂停实施《…》的决定") name no notice a step acts on here.
        bracketed = {t[2].title for t in titled if BRACKET_AFTER_RE.match(folded, t[1]) is not None}
        titled = [t for t in titled if t[2].title not in bracketed
                  and not any(t[0] <= r[0] <= t[1] + NUMBER_BESIDE_REACH or t[0] - NUMBER_BESIDE_REACH <= r[1] <= t[0]
                              for r in refs)
                  and folded.count(t[2].title or "") == folded.count(f"《{t[2].title}》") and not _in_heading(folded, t[0])]
        if titled:
            refs = sorted([r for r in refs if not any(s <= r[0] < e for s, e, _ in titled)] + titled, key=REF_START)
    return refs
