"""A decision's identity (key, title, publication, effective day) and its targets, the annex's and the
sentences' merged, into one ``Reading`` that the action readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from storage.frozen import quick_init
from storage.names import other_names

from ..actions import MAX_DAYS, MAX_YEARS, sentence_end
from ..dates import (
    DATE_RE,
    DURATION_RE,
    HALF_YEAR_RE,
    ISO_DT_RE,
    STANDALONE_DATE_RE,
    UNTIL_RE,
    Stamp,
    effective_in,
    make_date,
    parse_cn_date,
)
from ..entities import COUNTRIES, COUNTRY_ALT, COUNTRY_IN_RE, cached_key, clean_display
from ..lazyre import lazy_compile
from ..textnorm import NUM, despace, fold, holds_any, marked, to_int
from .annex import _annex_start, _unscoped, annex_targets, colon_listed
from .groups import (
    STATUS_VERB_RE,
    Group,
    _decision_match,
    _group,
    _groups,
    _guess_type,
    _measures,
    _org_shaped,
    _own_match,
)
from .names import EN_COUNTRY_TAIL_RE, Target, _dedupe, english_country
from .wording import (
    ANNEX_REFERRED_RE,
    BARE_STATUS_DECISION_RE,
    CUT_ENTRY,
    DECISION_MARK_RE,
    EFFECTIVE_RE,
    EXTENDED_FIRST_RE,
    KEY_PREFIX,
    LATIN_RE,
    MORE_NUMBERS_RE,
    NO_ANNEX,
    ORDER_REF_RE,
    PUBLISHED_RE,
    PUBLISHED_TAIL_RE,
    QUOTED_TITLE_RE,
    ROLE_WORDS,
    STATUS_DECISION_RE,
    STATUS_WORDS,
    TIME_LINE_RE,
    TITLE_RE,
    VERB_LAST_RE,
)


def _published(folded: str, lines: list[str], order: re.Match[str] | None, pub: Stamp | None) -> date | None:
    m = PUBLISHED_RE.search(folded) if PUBLISHED_TAIL_RE.search(folded) else None
    if m:
        return parse_cn_date(m.group("date"))
    if order is not None:  # the older order page: the date line under the minister's name
        after = folded[order.end() :].split("\n")
        for line in after[:12]:
            if STANDALONE_DATE_RE.match(line):
                return parse_cn_date(line)
    for line in reversed(lines):
        if STANDALONE_DATE_RE.match(line):
            return parse_cn_date(line)
    for line in lines[:6]:
        if TIME_LINE_RE.match(line):
            iso = ISO_DT_RE.search(line)
            if iso:
                return make_date(iso.group("y"), iso.group("m"), iso.group("d"))
    return pub.day if pub else None


def _published_at(lines: list[str], published: date | None, pub: Stamp | None) -> datetime | None:
    stamps = []
    for line in lines[:6]:
        if TIME_LINE_RE.match(line):
            iso = ISO_DT_RE.search(line)
            if iso and iso.group("h"):
                day = make_date(iso.group("y"), iso.group("m"), iso.group("d"))
                if day is not None:
                    stamps.append(Stamp(day, int(iso.group("h")), int(iso.group("mi"))))
    if pub is not None:
        stamps.append(pub)
    for stamp in stamps:
        if stamp.day == published and stamp.hour is not None:
            return stamp.as_datetime()
    return None


TITLE_LINES = 40  # a title is among the first lines


def _title(text: str, hint: str | None) -> str | None:
    """The page's title when it names the decision, else the first of the first TITLE_LINES lines
    that does (TITLE_RE), else the page's title."""
    if hint and DECISION_MARK_RE.search(fold(hint)):
        return clean_display(hint)
    pos = text.find("定")  # a title ends in 决定: only the lines holding 定 are tried
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        if text.count("\n", 0, start) >= TITLE_LINES:
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if TITLE_RE.match(fold(despace(text[start:end]))):
            return clean_display(text[start:end])
        pos = text.find("定", end)
    return clean_display(hint) if hint else None


# The decision's description of its targets, which names no one: "中方决定对以下美国军工企业采取反制措施" (its country).
DESCRIBED_RE = re.compile(r"对\s*(?:以下|如下|下列)(?P<desc>[^,，。；;:：《》()（）]{1,40}?)采取")


def _described(decision: str) -> list[str]:
    """The descriptions (DESCRIBED_RE) in the folded decision sentence."""
    return [m.group("desc") for m in DESCRIBED_RE.finditer(decision)] if "对" in decision else []


COUNTRY_CLAUSE_MAX = max(map(len, COUNTRIES)) + 1  # a country's name and 籍
FORMER_MARKS = ("原", "曾")  # a clause of the note telling a nationality once held ("原加拿大国籍")
NOW_MARK = "现"  # one telling the nationality now ("现美国国籍")


# A clause of a note labelled as a country ("…（English），注册地：英国", "…，女，国籍：瑞士，职务：…"; session 53, mfa53/01, /04:
# the title's country, a false one, silently, and none): the label is dropped before the clause is asked.
COUNTRY_LABEL_RE = re.compile(r"(?:国籍|国别|注册地|注册国|所在国|国家\s*(?:[(（]\s*地区\s*[)）])?)\s*[:：]\s*")


def _own_country(note: str | None) -> str | None:
    """A target's own country, from the first clause of its note that is a country or a nationality ("…（English），
    德国", "…，男，德国籍，欧洲议会议员", "墨卡托中国研究中心（德国）", "…，国籍：瑞士"): the member state of an EU decision's
    target, which the title gives only as 欧洲/欧盟. The note keeps the clause, as written. None when no clause is one."""
    if note and ("：" in note or ":" in note):
        note = COUNTRY_LABEL_RE.sub("", note)
    if not note or ("，" not in note and len(note) > COUNTRY_CLAUSE_MAX):  # most notes: a role, one clause
        return None
    for part in note.split("，"):
        name = part.strip()
        if name.startswith(FORMER_MARKS):
            continue  # "原美国国籍，现加拿大国籍": the nationality he had (session 50, near50/24: US, the title's, silently)
        if name.startswith(NOW_MARK):
            name = name[len(NOW_MARK):]  # "现加拿大国籍": the nationality now
        code = COUNTRIES.get(name[:-1] if name.endswith("籍") else name)
        if code is None and name.endswith("国籍"):  # "加拿大国籍", "英国国籍" (session 49, mfa49/17: no country, so both
            code = COUNTRIES.get(name[:-2])  # Canadians took the title's first country, GB, silently)
        if code is not None:
            return code
        if name.isascii() and LATIN_RE.search(name):  # "United States"; "Member of the European Parliament (Ireland)"
            tail = EN_COUNTRY_TAIL_RE.search(name)  # (session 46, mfa46/08 and a probe of 07: EU, US from the title)
            if (code := english_country(tail.group("c") if tail is not None else name)) is not None:
                return code
    return None


# "日本参议员石平长期在…散布谬论，…中方决定对石平采取以下反制措施" (MFA order No. 17): the country written before the
# person's name where the decision first tells of him, with his office between (session 29, names29: no country); so too
# "德国学者X", "德国籍人员X（x）" (session 50, mfa50/18: no country).
COUNTRY_BEFORE_NAME_RE = lazy_compile(rf"(?P<c>{COUNTRY_ALT})\s*籍?\s*(?:前)?\s*(?:国会|联邦)?\s*"
                                      r"(?:参议员|众议员|议员|议长|政客|官员|学者|人员|公民|记者|律师|教授)?\s*$")
NAME_LEAD_MAX = 12  # a country's name, 籍, 前, 国会 and an office
NAME_SHORTEST = 2  # a person's Chinese name has two characters at least


def _named_country(folded: str, zh: str | None) -> str | None:
    """The country written right before the first mention of ``zh`` that has one (COUNTRY_BEFORE_NAME_RE), else None."""
    return country_before(folded, zh, COUNTRY_BEFORE_NAME_RE, NAME_LEAD_MAX, NAME_SHORTEST)


def country_before(folded: str, zh: str | None, lead: re.Pattern[str], reach: int, shortest: int) -> str | None:
    """The country (``lead``'s group "c", a pattern ending at the name) written within ``reach`` characters right before
    the first mention of ``zh`` in ``folded`` that has one; None for a name shorter than ``shortest`` (a shorter one is
    found inside other words). One walk for a person's country (``_named_country``) and an organisation's written
    before its name in the decision (``decision``'s LEAD_COUNTRY_RE): session 53's two copies, session 54 (par54)."""
    if not zh or len(zh) < shortest:
        return None
    at = folded.find(zh)
    while at >= 0:
        m = lead.search(folded, max(0, at - reach), at)
        if m is not None:
            return COUNTRIES[m.group("c")]
        at = folded.find(zh, at + len(zh))
    return None


# A person's post opening with a country, written before the name or in the note: "日本前统合幕僚长山本健一（…）", "…，男，美国国务院
# 前副国务卿", "前美国国务院负责东亚事务的助理国务卿杰弗里·柯林斯", "美国前国防部副部长安德鲁·米勒近期…" (session 51, mfa51/02, /07, /23,
# /25: no country). Asked last, of a person no other rule gave one: the post's country (ROLE_WORDS ends the post).
ROLE_COUNTRY_RE = lazy_compile(rf"(?:前|原)?(?P<c>{COUNTRY_ALT})(?:[^，,。、；;()（）\n]{{0,24}}?)(?:" + "|".join(ROLE_WORDS) + r")\s*$")
ROLE_LEAD_MAX = 32  # "前" + a country's name + a post of up to 24 characters + its last word


# The post of the person before, joined by 、, opening with the country both share: "日本前统合幕僚长山本健一、前防卫大臣铃木浩二"
# (session 52, mfa51/07's open B, mfa52/01: no country for the second). Asked only where the post itself opens with none.
_ROLE_ALT = "|".join(ROLE_WORDS)
SHARED_ROLE_COUNTRY_RE = lazy_compile(rf"(?:前|原)?(?P<c>{COUNTRY_ALT})[^，,。、；;()（）\n]{{0,24}}?(?:{_ROLE_ALT})"
                                      rf"[^，,。、；;\n]{{2,40}}?、\s*(?:前|原)?[^，,。、；;()（）\n]{{0,24}}?(?:{_ROLE_ALT})\s*$")
SHARED_LEAD_MAX = 80  # two posts of up to 24 characters, a name with its English and the 、


def post_before(folded: str, lo: int, at: int) -> bool:
    """Whether ``folded[lo:at]`` ends with one of ROLE_WORDS, blanks aside: what a ROLE_COUNTRY_RE or
    SHARED_ROLE_COUNTRY_RE match searched in it ends with (a post's last word, then blanks to the end); asked before them
    (perf55, session 53: they open with an optional 前/原, so sre has no first characters and tries the ~350 country names
    at every place of the lead, ~10 us a search, for a company's name before which no post stands)."""
    return folded[lo:at].rstrip().endswith(ROLE_WORDS)


def _role_country(folded: str, zh: str | None, note: str | None) -> str | None:
    """The country a person's post opens with (ROLE_COUNTRY_RE): in a clause of the note, else right before a mention of
    ``zh`` in ``folded``, else the one the post of the person named just before opens with (SHARED_ROLE_COUNTRY_RE);
    None when none does."""
    for part in (note or "").split("，"):
        m = ROLE_COUNTRY_RE.match(fold(part.strip())) if part else None
        if m is not None:
            return _post_country(m)
    if not zh or len(zh) < 2:
        return None
    at = folded.find(zh)
    while at >= 0:
        lo = max(0, at - ROLE_LEAD_MAX)
        m = ROLE_COUNTRY_RE.search(folded, lo, at) if post_before(folded, lo, at) else None
        while m is not None and (nearer := ROLE_COUNTRY_RE.search(folded, m.start("c") + 1, at)) is not None:
            m = nearer  # the country nearest the name: "与美国国务卿会面的日本众议院议员X" is JP
        if m is not None:
            return _post_country(m)
        at = folded.find(zh, at + len(zh))
    return _shared_role_country(folded, zh)


def _shared_role_country(folded: str, zh: str) -> str | None:
    """The country of SHARED_ROLE_COUNTRY_RE before a mention of ``zh`` (gated by the 、 right before the post)."""
    at = folded.find(zh)
    while at >= 0:
        lead = folded[max(0, at - ROLE_LEAD_MAX) : at]
        if "、" in lead and post_before(folded, max(0, at - SHARED_LEAD_MAX), at) \
                and (m := SHARED_ROLE_COUNTRY_RE.search(folded, max(0, at - SHARED_LEAD_MAX), at)) is not None:
            return _post_country(m)
        at = folded.find(zh, at + len(zh))
    return None


def _post_country(m: re.Match[str]) -> str | None:
    """The country of a ROLE_COUNTRY_RE match; none for the EU's institutions ("欧洲议会议员X"), whose members are of a member state."""
    code = COUNTRIES[m.group("c")]
    return None if code == "EU" else code


def _country(texts: list[str]) -> str | None:
    for text in texts:
        m = COUNTRY_IN_RE.search(text)
        if m:
            return COUNTRIES[m.group(0)]
    return None


def _merge(annex: list[Target], named: list[Target]) -> tuple[list[Target], list[str]]:
    """Annex targets completed from the decision's own mention (English, type, note);
    also the names the decision gives that the annex lacks."""
    by_zh = {despace(t.zh): t for t in named if t.zh}
    by_en = {t.en.casefold(): t for t in named if t.en}
    out = []
    seen = set()
    for t in annex:
        other = by_zh.get(despace(t.zh or "")) or by_en.get((t.en or "").casefold())
        if other is None and t.note and "译" in t.note:  # the decision names the annex's other transliteration ("又译X")
            other = next((by_zh[k] for alias in other_names(None, t.note) if (k := despace(alias)) in by_zh), None)
        if other is not None:
            seen.add(id(other))
            # built again only when the mention fills a blank (an annex line mostly says it all)
            if ((not t.zh and other.zh != t.zh) or (not t.en and other.en != t.en)
                    or (not t.type and other.type != t.type) or (not t.note and other.note != t.note)):
                t = Target(t.zh or other.zh, t.en or other.en, t.type or other.type,
                           t.note or (_unscoped(other.note) if t.branches else other.note), t.n, t.branches, t.country)
        out.append(t)
    missing = [t for t in named if id(t) not in seen]
    if missing and annex:  # "加拿大维吾尔权利倡导项目", "…高级管理人员约翰·卡特": a country or description before the annex's name
        names = [despace(t.zh) for t in out if t.zh]
        missing = [t for t in missing if not t.zh or sum(1 for name in names if len(name) >= 2
                                                          and despace(t.zh).endswith(name)) != 1]
    return out, [t.zh or t.en or "" for t in missing]


def _identity(text: str, order: re.Match[str] | None, published: date | None, title: str | None,
              warnings: list[str]) -> tuple[str, str | None]:
    """(key, number as written): ``MFA-ORDER-<year of publication>-<N>``, "外交部令第13号"
    (``order``: the first ORDER_NO_RE match of the folded text)."""
    written = order.group("y") if order else None  # "外交部令2027年第66号": the decree's own year
    year = int(written) if written else published.year if published else "undated"
    n = to_int(order.group("n")) if order else None
    if order is None or n is None:
        warnings.append("no order number (外交部令第N号) found")
        return f"{KEY_PREFIX}-{year}-unnumbered-{cached_key(title, None)[:24]}", None
    return f"{KEY_PREFIX}-{year}-{n}", f"外交部令第{despace(text[order.start('n') : order.end('n')])}号"


def _effective(folded: str, published: date | None, warnings: list[str]) -> str | None:
    eff = EFFECTIVE_RE.search(folded)
    effective = effective_in(eff.group(0), published) if eff else None
    if effective is None and published is not None:
        warnings.append("no effective date stated; using the publication date")
        return published.isoformat()
    return effective


@quick_init
@dataclass(frozen=True)
class Reading:
    """The operative part read: the targets, the groups that state counts, the measures."""

    targets: tuple[Target, ...]
    groups: tuple[Group, ...]
    measures: tuple[str, ...]
    annexed: bool
    body: str  # folded text before the annex
    decision: str  # the decision sentence as written
    status: re.Match[str] | None = None  # a decision on earlier countermeasures (STATUS_DECISION_RE), in ``body``
    unlisted: int = 0  # names the decision gives and the annex lacks


def _read_targets(lines: list[str], folded: str, folded_lines: list[str], warnings: list[str],
                  published: date | None = None) -> Reading:
    """Targets from the annex (completed from the decision's own mentions), else from the decision
    (``folded`` is the text folded, ``folded_lines`` its lines; ``published`` tells an earlier
    decision recalled in the reasons from this one)."""
    annex_at = _annex_start(folded)
    annex, bad, cut_entry, empty_section = (annex_targets(lines, annex_at, folded_lines) if annex_at is not None
                                            else ([], [], False, None))
    # an organisation has no gender to lose; a person who kept his English name kept his key
    cut_entry = cut_entry and annex[-1].en is None and not _org_shaped(annex[-1])
    body_lines = lines[: annex_at if annex else len(lines)]
    body = "\n".join(folded_lines[: len(body_lines)])  # fold keeps every character's place
    decided = _decision_match(body, published)
    status = _status_match(body, published, decided)
    if status is None:
        found = _groups(body_lines, folded_lines[: len(body_lines)], body, decided, verb_first=True)
        measures = _measures(body[decided.start() :] if decided else body)
    elif status.re is EXTENDED_FIRST_RE or status.re is VERB_LAST_RE:  # X of "外交部令…第301号对X（x）所采取…", after the order
        found = _object_names(body, body_lines, status)
        measures = ()
        decided = status
    else:  # names in a quoted title (《关于对…的决定》) are the earlier decision's, not this one's
        scan_lines = [QUOTED_TITLE_RE.sub(_blanks, line) if "《" in line else line for line in folded_lines[: len(body_lines)]]
        scan = "\n".join(scan_lines)
        decided = _decision_match(scan, published)
        if decided is None:  # "停止实施2024年12月27日《…》（外交部令第16号）中对X、Y等3家企业…": the titles put 对 out of reach
            decided = STATUS_VERB_RE.search(scan, status.start("verb"))
        found = _groups(body_lines, scan_lines, scan, decided)
        if pointed := _pointed(scan, "\n".join(body_lines), status):  # names with no 对, not read by _groups
            seen = {(t.zh, t.en) for g in found for t in g.names}
            found = [*found, *(g for g in pointed if not any((t.zh, t.en) in seen for t in g.names))]
        measures = ()  # the measures it names are the ones it acts on
        decided = status
    named = [t for g in found for t in g.names]
    missing: list[str] = []
    if annex:
        targets, missing = _merge(annex, named)
        if missing:
            warnings.append(f"named in the decision but not in the annex: {'、'.join(missing)}")
            last = despace(targets[-1].zh or "") if targets else ""
            if last and any(despace(name) != last and despace(name).startswith(last) for name in missing):
                cut_entry = True
        if cut_entry:
            warnings.append(CUT_ENTRY)
        if empty_section:
            warnings.append(empty_section)
    else:
        targets = _dedupe(named)
        if not targets and status is None and ("以下" in body or "下列" in body):  # the names as lines after each measure
            targets = colon_listed(body_lines, folded_lines[: len(body_lines)])
        if any(status is None or not OTHERS_ANNEX_RE.search(body, max(0, r.start() - 8), r.start())
               for r in ANNEX_REFERRED_RE.finditer(body)):
            warnings.append(NO_ANNEX)
    warnings.extend(f"annex line not read: {line[:60]}" for line in bad)
    targets = _english_elsewhere(targets, body, "\n".join(body_lines))
    typed = tuple(t if t.type else Target(t.zh, t.en, _guess_type(t, measures, body), t.note, t.n, t.branches, t.country)
                  for t in targets)
    return Reading(typed, tuple(found), measures, bool(annex), body, _decision_text(body, "\n".join(body_lines), decided),
                   status, len(missing))


# Targets of an earlier decree named with no 对, right after it: "停止执行外交部令2027年第34号所列4家美国企业中的2家，即A（a）、B（b）的反制
# 措施", "…第34号所列A（a）、B（b）的反制措施", "…第34号中A的反制措施" (session 52, mfa52/13 and its probes: read as a lift of all of
# No. 34, its two others "Lifted" too, silently). The names end at 的/采取的 before the measures.
# So too one measure of theirs: "…第34号所列A（a）的冻结财产措施" (a lift of the freeze of all of No. 34's targets, silently).
POINTED_RE = lazy_compile(r"(?:号|》|\))\s*(?:所列|中的?|项下的?)\s*(?P<names>[^。；;\n]{2,400}?)\s*[,，]?\s*(?:采取|实施)?\s*的\s*"
                          r"(?:全部|所有|各项|一切)?\s*(?:反制|反制裁)?\s*(?:[^。；;\n,，的]{0,24}?)措施")
# The names part no more than a kind of the decree's targets ("所列全部企业的反制措施": ``checks._pronoun_object`` holds it).
_KIND = (rf"(?:全部|所有|各|各名|各家|其余|其他|有关|相关|上述)?\s*(?:{NUM}\s*[名家个位])?\s*(?:{COUNTRY_ALT})?\s*"
         r"(?:人员|个人|人士|企业|机构|组织|实体|公司|高级管理人员|高管|议员|负责人)")
KIND_ONLY_RE = lazy_compile(rf"{_KIND}(?:\s*(?:和|及|与|、|以及)\s*{_KIND})*")
# Nor a verb of the decree's ("《…》中规定的反制措施", "…第34号中所采取的措施").
VERB_ONLY_RE = lazy_compile(r"[^、(]{0,4}?(?:规定|采取|确定|列明|载明|作出|实施|执行|明确|决定)")
# Nor a measure ("…第15号中的冻结财产的措施").
MEASURE_LEADS = ("冻结", "禁止", "不予", "不准", "查封", "扣押", "注销", "驱逐", "限制")
# The kind's word before a name: "…中的人员约翰·卡特（John Carter）", "…所列企业A（a）" (kept in the Chinese name).
KIND_HEAD_RE = lazy_compile(r"(?:人员|个人|企业|机构|组织|实体|公司)\s*(?=[^\s的和及、,，])")
# Some of them counted, the names after 即: "4家美国企业中的2家，即".
AMONG_THEN_JI_RE = lazy_compile(rf"[^，,]*?(?:中的|其中)\s*(?P<n>{NUM}\s*[家名个位人])\s*[,，]\s*即\s*")
# Or only the decree's count before them: "4家美国企业中A（a）、B（b）".
COUNT_THEN_AMONG_RE = lazy_compile(rf"(?:全部)?\s*{NUM}\s*[家名个位][^，,、()]{{0,12}}?中的?\s*")


def _pointed(scan: str, clean: str, status: re.Match[str]) -> list[Group]:
    """The groups of every POINTED_RE match in the step's sentence (``scan`` folded, ``clean`` as written, the same
    places): "…第34号所列A的反制措施，停止执行…第36号对B采取的…" names A too (session 52, probe t6: A's clause, naming no
    one the 对 path read, lifted all of No. 34, silently)."""
    if "所列" not in scan and "中" not in scan and "项下" not in scan:
        return []
    end = sentence_end(scan, status.start())
    return [g for m in POINTED_RE.finditer(scan, status.start(), end) for g in pointed_groups(scan, clean, m)]


def pointed_groups(scan: str, clean: str, m: re.Match[str]) -> list[Group]:
    """The groups of one POINTED_RE match's names, counted as AMONG_THEN_JI_RE counts them (the decree's own count before
    them, COUNT_THEN_AMONG_RE, left out); none when the names part is a kind of target alone (KIND_ONLY_RE), a verb
    (VERB_ONLY_RE), a measure (MEASURE_LEADS), or holds 对, 号 or 《 (another clause's words: the 对 path reads them)."""
    names = m.group("names")
    if KIND_ONLY_RE.fullmatch(names) or VERB_ONLY_RE.fullmatch(names) or names.lstrip().startswith(MEASURE_LEADS) or (
            "对" in names or "号" in names or "《" in names):
        return []
    s, e = m.span("names")
    among = AMONG_THEN_JI_RE.match(scan, s, e)
    count = ""
    if among is not None:
        s, count = among.end(), "等" + among.group("n")
    elif (head := COUNT_THEN_AMONG_RE.match(scan, s, e)) is not None:
        s = head.end()
    elif (kind := KIND_HEAD_RE.match(scan, s, e)) is not None:
        s = kind.end()  # "…所列企业A（a）": the kind's word is no part of the name (probes t7, t8)
    return _group(clean[s:e] + count, scan[s:e] + count, scan[m.end("names") :])


# A name's English beside it in a sentence of the text: "美国前国会众议员迈克·加拉格尔（Mike Gallagher）近期窜访…"; after the name in
# its own script or the traditional one, "台湾地区陈建宏（陳建宏，Chen Chien-hung）" (session 46, mfa46/06: no English read, so a later
# lift naming "Huang Shu-fen" found no one).
ENGLISH_AFTER = r"\s*\(\s*(?:[^()\nA-Za-z,]{1,40}?\s*,\s*)?(?P<en>[A-Za-z][^()\n\u4e00-\u9fff]{0,80}?)\s*\)"


# An earlier decree's annex, named by a step on it: "停止对外交部令2029年第71号《…》后附《反制清单》所列X…" (session 46, mfa46/03: a
# false "refers to an annex but none was found" on the lift). So too the decree's own words in the step's clause, "停止执行外交部令2042年
# 第401号对后附《反制清单》所列全部企业…采取的反制措施" (the measures No. 401 took on those its annex lists: session 51, mfa50/22's false warning).
OTHERS_ANNEX_RE = re.compile(r"(?:(?:号|》)\s*(?:对\s*)?|(?:所附|决定)\s*)(?:后附\s*)?$")


def _english_elsewhere(targets: list[Target], body: str, clean: str) -> list[Target]:
    """Targets without English completed from the one English the text (the folded ``body`` before the annex,
    ``clean`` as written) gives beside the same Chinese name elsewhere (the reasons, a later measure); none when
    it gives several."""
    out = []
    for t in targets:
        name = fold(t.zh) if t.en is None and t.zh else None
        if name and (name + "(" in body or name + " (" in body):  # the name before a bracket: asked
            found = {clean_display(clean[m.start("en") : m.end("en")])
                     for m in re.finditer(re.escape(name) + ENGLISH_AFTER, body)}
            if len(found) == 1 and None not in found:
                t = Target(t.zh, found.pop(), t.type, t.note, t.n, t.branches, t.country)
        out.append(t)
    return out


def _blanks(m: re.Match[str]) -> str:
    return " " * len(m.group())


STATUS_MARKED = marked(STATUS_WORDS)  # each asked by its own mark (``textnorm.holds_any``)


def _status_match(body: str, published: date | None, decided: re.Match[str] | None) -> re.Match[str] | None:
    """The decision on earlier countermeasures (STATUS_DECISION_RE; the bare form only when no decision
    at all, ``decided``, was found), not one recalled with an earlier date; None for a decision that
    imposes (most: none holds a status verb)."""
    if "期限" in body and ("延长" in body or "延期" in body) and (first := extension_first(body, published)) is not None:
        return first
    if not holds_any(body, STATUS_MARKED):
        return None
    found = _own_match((STATUS_DECISION_RE,) if decided is not None else (STATUS_DECISION_RE, BARE_STATUS_DECISION_RE),
                       body, published)
    if "执行" not in body and "实施" not in body:
        return found
    last = verb_last(body, published)  # "中方决定，外交部令…第63号规定的反制措施自…起停止执行": the orders before the verb
    return last if last is not None and (found is None or found.start() == last.start()) else found


def verb_last(body: str, published: date | None) -> re.Match[str] | None:
    """The step on an earlier decree told object first, its verb last (VERB_LAST_RE), when its object names no other
    step and an order it acts on, and the decree's own publication bracket stands before it (PUBLISHED_TAIL_RE: a reprint
    without it is keyed by the decree its step names, mfa42/10); else None (held as before)."""
    m = _own_match((VERB_LAST_RE,), body, published)
    if m is None or STATUS_VERB_RE.search(m.group("obj")) is not None or "暂停" in m.group("obj"):
        return None
    if PUBLISHED_TAIL_RE.search(body, 0, m.start()) is None:
        return None
    return m if ORDER_REF_RE.search(body, m.start("obj"), m.end("obj")) is not None else None


# An order a suspension was set by, named before the suspension it extends: "外交部令…第408号规定的暂停…" (no target).
SET_BY_RE = re.compile(r"\s*(?:所\s*)?规定")
SUSPENSION_SET_RE = re.compile(r"规定\s*的?\s*暂停")


NAMES_LEAD_RE = re.compile(r"\s*\)?\s*(?:《[^》\n]{1,80}》\s*)?(?:中\s*)?(?:对|所列|列明的|(?:后附|所附)\s*《[^》]{1,12}》\s*(?:中\s*)?(?:所列|列明的))?\s*")


def _object_names(body: str, body_lines: list[str], m: re.Match[str]) -> list[Group]:
    """The names a step told object first names after its orders: "将外交部令…第301号对X（x）所采取反制措施的暂停期限延长…",
    "外交部令…第63号对X（x）采取的反制措施自…起停止执行" (none where the object ends with its orders)."""
    at = _extended_names(body, m)
    return _group("\n".join(body_lines)[at : m.end("obj")], body[at : m.end("obj")], "") if at < m.end("obj") else []


def _extended_names(body: str, m: re.Match[str]) -> int:
    """Where the names of an extension told object first (``extension_first``) open: after the last order its object
    acts on and the words that point from it ("对", "所列", "后附《反制清单》所列"). (A step told verb last, ``verb_last``:
    after the last order, "…第63号规定的" too.)"""
    at = m.start("obj")
    for r in ORDER_REF_RE.finditer(body, m.start("obj"), m.end("obj")):
        if m.re is VERB_LAST_RE or SET_BY_RE.match(body, r.end()) is None:
            at = r.end()
            while (more := MORE_NUMBERS_RE.match(body, at, m.end("obj"))) is not None:  # "…第401号和第402号"
                at = more.end()
    lead = NAMES_LEAD_RE.match(body, at, m.end("obj"))
    return lead.end() if lead is not None else at


def extension_period(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the end or period of an extension told object first is in ``folded[start:end]`` (after its verb): "至<day>"
    (UNTIL_RE), else "1年", "90天" (DURATION_RE; dates, and a count no period has, are none), else "半年"; None when none."""
    until = UNTIL_RE.search(folded, start, end)
    if until is not None:
        return until.span()
    masked = DATE_RE.sub(_blanks, folded[start:end])
    for found in DURATION_RE.finditer(masked):
        n, unit = to_int(found.group("n")), found.group("unit")
        if (found.start() and masked[found.start() - 1].isdigit()) or n is None or n > (
                MAX_YEARS if unit == "年" else MAX_DAYS):
            continue
        return start + found.start(), start + found.end()
    half = HALF_YEAR_RE.search(folded, start, end) if "半" in masked else None
    return half.span() if half is not None else None


def extension_first(body: str, published: date | None) -> re.Match[str] | None:
    """The decision extending a suspension told object first (EXTENDED_FIRST_RE), when its object names an earlier
    order that is not the one the suspension was set by (SET_BY_RE), names no other step, and a period or an end
    follows its verb; else None (held as before)."""
    m = _own_match((EXTENDED_FIRST_RE,), body, published)
    if m is None:
        return None
    obj = m.group("obj")
    if obj.startswith(("不", "暂不", "拟")):
        return None  # "中方决定不将…的暂停期限延长": no step
    if "暂停" not in m.group("verb") and SUSPENSION_SET_RE.search(obj) is None:
        return None  # "…所列反制措施的期限延长3年": a term of the measures, not of a suspension (held: checks.partly_read)
    for v in STATUS_VERB_RE.finditer(obj):
        if not (v.group("verb").startswith("暂停") and SUSPENSION_SET_RE.search(obj, 0, v.end()) is not None):
            return None  # another step in the object: "…停止…", "恢复…"
    if all(SET_BY_RE.match(body, r.end()) is not None
           for r in ORDER_REF_RE.finditer(body, m.start("obj"), m.end("obj"))):
        return None  # no order acted on (none, or only the one that set the suspension)
    end = sentence_end(body, m.end())
    tail = body[m.end() : end]
    if extension_period(body, m.end(), end) is None:
        return None  # no end and no period: not read
    if ORDER_REF_RE.search(tail) is not None or STATUS_VERB_RE.search(tail) is not None or "延" in tail:
        return None  # another step after it: "…延长至…，并将外交部令…第402号相关措施的暂停期限延长1年" (held: checks.extension_unread)
    return m


def _decision_text(folded: str, clean: str, m: re.Match[str] | None) -> str:
    """The decision sentence as written (the one where the deciding side decides, when one does;
    ``m`` is ``_decision_match(folded)``)."""
    if m is None:
        return ""
    start = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (folded.find("。", m.end()), folded.find("\n", m.end())) if i >= 0]
    return clean[start : min(ends) if ends else len(clean)].strip()
