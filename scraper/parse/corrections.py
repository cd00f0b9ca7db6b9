"""A notice correcting a name in another notice's annex (pure).

"关于更正商务部公告2024年第89号附件有关内容的公告": "…附件《出口管制管控名单》第2项“乌普西隆能源公司（Upsilon Energy
LLC）”有误，现更正为“乌普西隆动力公司（Upsilon Power LLC）”。" It lists nobody and acts on no listing; it renames one
of the corrected notice's entities. Each such sentence gives one entity record: the corrected name(s), keyed by the
name as first written (the key the corrected notice's parse gave it), numbered as the item ("第2项"). The engine
(storage/lifecycle/) applies it only when that key is on the corrected listing (and at that item). A text whose
corrections are not all read this way gives none: the correction then stays a loud, unapplied problem.
"""

from __future__ import annotations

import re
from datetime import date

from storage.records import EntityRecord, NoticeRef

from .dates import effective_in
from .entities import cached_key, split_name
from .lazyre import lazy_compile
from .textnorm import fold, to_int

CORRECTION_TITLE_RE = lazy_compile(r"更正|勘误")
# one correction: [第N项][…]["原(为)"]“old”[的英文名称][有误][，][现]更正为“new”
# the verb: 更正为, 现予更正为, 应为, 修改为 ("“Harbor Dynamic Systems”有误，应为“Harbor Dynamics Systems”"); the half named after
# the quote ("…中“X（x）”的英文名称有误，现更正为“X（y）”": session 52, blind53/12, no pair read, the correction left to a person)
VERB = r"(?:现)?\s*(?:予以|予)?\s*(?:更正为|修改为|应为)"
PAIR_RE = lazy_compile(
    r"(?:第\s*(?P<n>\d{1,3})\s*项[^“”。；;]{0,24}?)?(?:原为|原)?“(?P<old>[^“”]{2,120})”\s*(?:的\s*(?:中文|英文)?\s*名称)?\s*"
    r"(?:仍|亦|也)?\s*(?:有误)?\s*[，,]?\s*"
    + VERB + r"\s*[:：]?\s*“(?P<new>[^“”]{2,120})”")
CORRECTED_RE = lazy_compile(VERB)
# the same pair as two lines, unquoted: "原文：2. 蓝脊自主系统公司（Blue Ridge Autonomy LLC）" / "现更正为：2. 蓝脊自主系统公司（…）"
# (session 37, audit37/09: no pair read, the correction dropped silently); looked for only in a text saying "原文"
LINES_PAIR_RE = lazy_compile(
    r"(?:第\s*(?P<n>\d{1,3})\s*项[^\n“”。；;]{0,24}?)?原文\s*[:：]\s*(?P<old>[^\n“”]{2,120}?)\s*\n\s*"
    r"(?:现)?\s*(?:予以|予)?\s*(?:更正为|修改为)\s*[:：]\s*(?P<new>[^\n“”]{2,120}?)\s*(?:\n|$)")
# the pairs as a table's rows under a header "序号<tab>原内容<tab>更正为" (session 42, audit41/22: no pair read, the correction
# not applied, held for a person); looked for only in a text with a tab and one of those headers' words
TABLE_HEAD_RE = lazy_compile(r"\n[^\S\n]*(?:(?:序号|编号)[^\S\n]*\t[^\S\n]*)?(?:原内容|原文|更正前)[^\S\n]*\t[^\S\n]*"
                             r"(?:更正为|更正后|更正内容)[^\S\n]*(?=\n)")
TABLE_ROW_RE = lazy_compile(r"\n[^\S\n]*(?:(?P<n>\d{1,3})[^\S\n]*\t[^\S\n]*)?(?P<old>[^\t\n“”]{2,120}?)[^\S\n]*\t[^\S\n]*"
                            r"(?P<new>[^\t\n“”]{2,120}?)[^\S\n]*(?=\n|$)")
# a Chinese name alone is a name only where the sentence says so: an item number before it, or "名称" just before the
# quote ("第2项实体中文名称“…”有误"); "正文中的“6家美国实体”更正为“…”" and a corrected date clause are no names
NAMED_RE = lazy_compile(r"名称[^“”。；;，,]{0,6}$")
# "7. 三菱重工…" quoted with its annex number; so too an MFA annex's "（三）南十字光电公司（…）" (session 45, mfa45/08: the
# corrected Chinese name kept "（三）", shown and keyed so)
ITEM_RE = lazy_compile(r"^\s*(?:(?P<n>\d{1,3})\s*[.、．]|[(（]\s*(?P<cn>[一二三四五六七八九十]{1,3})\s*[)）])\s*")


def is_correction(title: str | None) -> bool:
    return bool(title and CORRECTION_TITLE_RE.search(title))


# "关于修改商务部公告2026年第23号附件有关内容的公告": an annex amended, read as a correction where every amendment is one clear
# quoted pair of names ("…附件第5项“杰亚机器人公司（Jaia Robotics, Inc.）”修改为“杰亚机器人技术公司（…）”": session 43, audit42/08,
# refused for a person before); any other amendment stays refused (rules.checks.unread_annex_amendment).
AMENDED_ANNEX_TITLE_RE = lazy_compile(r"(?:修改|修订)[^。]{0,30}?附件")
# An amendment that is no renaming, outside the quoted names: an entry deleted, added or moved ("…；删除该附件第7项“…”",
# "在该附件中增加第11项“…”"): read as the rename beside it alone, the deleted entity stayed listed and the added one was in
# no item, silently (session 44, review48); such a text stays refused for a person (rules.checks.unread_annex_amendment).
OTHER_AMENDMENT_RE = lazy_compile(r"删除|删去|去除|增加|增列|增补|新增|补充|列入|移出|移除|调出|撤销|替换")
QUOTED_RE = lazy_compile(r"“[^“”]*”")


def amends_names(title: str | None, text: str) -> bool:
    """Whether a text titled as amending an annex (AMENDED_ANNEX_TITLE_RE) renames entries only (:func:`renames_only`)."""
    return bool(title and "附件" in title and AMENDED_ANNEX_TITLE_RE.search(title) is not None and renames_only(text))


def renames_only(text: str) -> bool:
    """Whether an annex amendment's every change is a quoted pair of names (:func:`corrected_entities`), no entry deleted,
    added or moved beside them (OTHER_AMENDMENT_RE, outside the quotes)."""
    return "修改为" in text and OTHER_AMENDMENT_RE.search(QUOTED_RE.sub("", text)) is None and bool(corrected_entities(text))


def corrected_entities(text: str) -> tuple[EntityRecord, ...]:
    """The renamed entities a correction text states, each keyed by its old name; () when any "更正为" is not one
    clear old-name/new-name pair (the caller then reports the correction as not applied)."""
    pairs = list(PAIR_RE.finditer(text))
    if not pairs and "原文" in text:
        pairs = list(LINES_PAIR_RE.finditer(text))
    rows = _table_rows(text) if not pairs and "\t" in text else []
    if rows:
        pairs = rows  # (the header's 更正为 is no pair of its own)
    elif not pairs or len(pairs) != len(CORRECTED_RE.findall(text)):
        return ()
    out: list[EntityRecord] = []
    for m in pairs:
        numbers = {n for x in map(ITEM_RE.match, (m.group("old"), m.group("new")))
                   if x and (n := to_int(x.group("n") or x.group("cn"))) is not None}
        if m.group("n"):
            numbers.add(int(m.group("n")))
        if len(numbers) > 1:
            return ()
        old, new = ITEM_RE.sub("", m.group("old")), ITEM_RE.sub("", m.group("new"))
        old_zh, old_en = split_name(old, fold(old))
        new_zh, new_en = split_name(new, fold(new))
        old_key = cached_key(old_zh, old_en)
        if not old_key or (old_zh, old_en) == (new_zh, new_en):
            return ()
        if old_zh and old_en and new_zh and new_en:  # both names as the annex writes them, on each side
            out.append(EntityRecord(zh=new_zh, en=new_en, key=old_key, n=numbers.pop() if numbers else None))
            continue
        # one name on each side, the same half: only that name changes ("中文名称“X”有误，现更正为“Y”，英文名称不变";
        # "“Harbor Dynamic Systems”有误，应为“Harbor Dynamics Systems”"): a record with that half alone, keyed by the
        # old name's key in that language (cached_key of the half), which the engine matches against that half of the
        # corrected listing's names (storage/lifecycle/). A Chinese half needs an item number or "名称" before it.
        chinese = bool(old_zh and new_zh and not old_en and not new_en)
        latin = bool(old_en and new_en and not old_zh and not new_zh)
        named = bool(m.group("n")) or bool(NAMED_RE.search(text[max(0, m.start("old") - 20):m.start("old") - 1]))
        if not (latin or (chinese and named)):
            return ()
        out.append(EntityRecord(zh=new_zh if chinese else None, en=new_en if latin else None, key=old_key,
                                n=numbers.pop() if numbers else None))
    if len({e.key for e in out}) != len(out):
        return ()
    return tuple(out)


def _table_rows(text: str) -> list[re.Match[str]]:
    """The rows under a correction table's header (TABLE_HEAD_RE), each an old and a new name; [] when there is none."""
    head = TABLE_HEAD_RE.search(text) if "更正" in text or "原文" in text else None
    rows: list[re.Match[str]] = []
    at = head.end() if head else len(text)
    while (row := TABLE_ROW_RE.match(text, at)) is not None:
        rows.append(row)
        at = row.end()
    return rows


# the corrected notice named by its day and title, not its number: "商务部2026年7月15日发布的《关于将…的公告》附件第1项…",
# "7月15日发布的《…》" (the year of the correction's own date, or the year before for a later month and day)
DATED_TITLE_RE = lazy_compile(r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:发布|公布|印发)的?"
                            r"\s*《(?P<title>[^《》]{4,200})》")


def dated_reference(text: str, published: date | None) -> NoticeRef | None:
    """The one notice a correction names by day and title, as a reference the engine resolves to the stored notice
    published that day under that title (storage/lifecycle/); None unless exactly one is named."""
    found = {(m.group("y"), int(m.group("m")), int(m.group("d")), m.group("title").strip(), m.group(0))
             for m in DATED_TITLE_RE.finditer(text)}
    if len({f[:4] for f in found}) != 1:
        return None
    ((y, month, day, title, written),) = list(found)[:1]
    if y:
        year = int(y)
    elif published is not None:
        year = published.year
    else:
        return None
    try:
        when = date(year, month, day)
        if not y and published is not None and when > published:
            when = date(year - 1, month, day)
    except ValueError:
        return None
    return NoticeRef(text=written, date=when, title=title)


# a text about a list notice's names: what an erratum of a listing speaks of ("…名单的公告》附件第1项", "清单")
LIST_WORD_RE = lazy_compile(r"名单|清单|反制|附件")


def unkeyed(text: str) -> bool:
    """A correction of a listing notice's names that names no notice of its own ("勘误：7月15日发布的《关于将…列入出口
    管制管控名单的公告》附件第1项“X”有误，应为“Y”。特此勘误。": no number, so no key): the parser reads it as no
    notice, which would drop the correction silently; the caller refuses it for a person to read (needs-review)."""
    head = text[:400]
    return bool(CORRECTION_TITLE_RE.search(head) and LIST_WORD_RE.search(text) and corrected_entities(text))


# a corrected effective date of the notice corrected: its effective clause quoted and corrected ("商务部公告2026年第31号
# 中“本公告自公布之日起正式实施”有误，应为“本公告自2026年7月16日12时01分起正式实施”", "…现更正为“本公告自…起施行”"), or its
# date named and corrected ("…的生效日期有误，现更正为2026年7月16日")
CLAUSE_RE = lazy_compile(r"“(?P<old>[^“”]{0,40}(?:实施|施行|生效)[^“”]{0,6})”\s*(?:仍|亦|也)?\s*有误\s*[，,]?\s*" + VERB
                       + r"\s*[:：]?\s*“(?P<new>[^“”]{0,60}自[^“”]{4,40}起\s*(?:正式)?\s*(?:实施|施行|生效)[。]?)”")
DATE_WORD_RE = lazy_compile(r"(?:生效|实施|施行)(?:日期|时间)\s*(?:仍|亦|也)?\s*有误\s*[，,]?\s*" + VERB
                          + r"\s*[:：]?\s*(?P<new>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}\s*[时:点]\s*"
                          r"(?:\d{1,2}\s*分?)?)?)")


def corrected_effective(text: str, published: date | None) -> str | None:
    """The one effective date a correction sets for the notice it corrects (ISO, as ``NoticeRecord.effective``), from
    its corrected effective clause or its corrected "生效日期"; None unless exactly one is stated, with a full date
    (a day "自公布之日起" counts from is the corrected notice's, not this one's: not read here) and nothing else
    corrected: a text with a name pair, or with a 更正为 that is no date, gives None (the correction stays loud)."""
    found = [effective_in(m.group("new"), None) for m in CLAUSE_RE.finditer(text)]
    found += [effective_in(f"自{m.group('new')}起", None) for m in DATE_WORD_RE.finditer(text)]
    if len(found) != 1 or found[0] is None or len(CORRECTED_RE.findall(text)) != 1 or PAIR_RE.search(text) and \
            corrected_entities(text):
        return None
    return found[0]


# a suspension's end corrected ("商务部公告2026年第250号中，“暂停期限至2027年11月20日”有误，现更正为“暂停期限至2027年5月20日”"):
# read as nothing before session 38 (story39 S6: "correction not applied", the listing shown suspended to the wrong day)
UNTIL_PAIR_RE = lazy_compile(
    r"“(?P<old>[^“”]{0,40}?至\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^“”]{0,8})”\s*(?:有误)?\s*[，,]?\s*" + VERB
    + r"\s*[:：]?\s*“(?P<new>[^“”]{0,40}?(?P<until>至\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^“”]{0,8})”")


# the terms of steps told apart corrected ("商务部公告2026年第356号中“暂停期限分别为6个月和1年”有误，应为“暂停期限分别为3个月和1年”":
# session 45, story46: not applied, a problem "the correction is not applied", No. 338 suspended three months past its
# corrected end): the new terms as written after 分别, as many as the old, plain numerals and units
# a term in Arabic or Chinese numerals ("3个月", "三个月", "十二个月", "两年": session 47, words47, quiet46's open B: a correction
# "分别为三个月和1年" was not applied, loud); the terms returned in Arabic numerals, as the engine reads them
_TERM = r"(?:\d{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:个月|年|天|日|周)"
_TERMS = rf"分别\s*(?:为期|为|是|延长\s*为?)?\s*{_TERM}(?:\s*(?:和|、|及|与|以及)\s*{_TERM})+"
TERMS_PAIR_RE = lazy_compile(
    rf"“(?P<old>[^“”]{{0,40}}?(?P<was>{_TERMS})[^“”]{{0,8}})”\s*(?:有误)?\s*[，,]?\s*" + VERB
    + rf"\s*[:：]?\s*“(?P<new>[^“”]{{0,40}}?(?P<terms>{_TERMS})[^“”]{{0,8}})”")
TERM_ITEM_RE = lazy_compile(_TERM)
TERM_NUMBER_RE = lazy_compile(r"[一二两三四五六七八九十]{1,3}(?=\s*(?:个月|年|天|日|周))")


def corrected_until(text: str) -> str | None:
    """The one suspension end a correction sets for the notice it corrects, as written ("至2027年5月20日", the duration
    of the corrected step), when its one corrected clause is a suspension's term ("暂停期限至…", "暂停…至…") and nothing
    else is corrected; or the terms of its steps told apart ("分别为3个月和1年", TERMS_PAIR_RE: as many as the old, the
    words around them the same); else None (the correction stays loud)."""
    if "分别" in text and (terms := _corrected_terms(text)) is not None:
        return terms
    if "至" not in text:
        return None
    found = list(UNTIL_PAIR_RE.finditer(text))
    if len(found) != 1 or len(CORRECTED_RE.findall(text)) != 1:
        return None
    old, new = found[0].group("old"), found[0].group("new")
    if "暂停" not in old or "暂停" not in new:
        return None
    return "".join(found[0].group("until").split())


# an entry deleted from the corrected notice's annex as listed in error ("误将先锋遥感公司…列入，现予更正：删除该附件第6项",
# "附件…第6项“…”系误列，现予删除"): the items by number, which the engine finds in the corrected notice's annex
ERROR_RE = lazy_compile(r"误将|误列|错误列入|不应列入")
DELETED_RE = lazy_compile(r"删除\s*(?:该|上述)?\s*(?:附件)?[^，,。；;“”]{0,16}?第\s*(?P<a>\d{1,3})\s*项"
                        r"|第\s*(?P<b>\d{1,3})\s*项(?:“[^“”]{2,120}”)?[^，,。；;]{0,6}?系误列\s*[，,]?\s*(?:现)?\s*(?:予以|予)?\s*删除")


def deleted_items(text: str) -> tuple[str, ...]:
    """The annex items a correction deletes as listed in error ("第6项"), as the parser names annex lines elsewhere;
    () unless the text says the listing was in error, deletes at least one item by number and corrects no name."""
    if not ERROR_RE.search(text) or corrected_entities(text):
        return ()
    found = [int(m.group("a") or m.group("b")) for m in DELETED_RE.finditer(text)]
    return tuple(f"第{n}项" for n in dict.fromkeys(found))


def _corrected_terms(text: str) -> str | None:
    """The new terms of the one TERMS_PAIR_RE pair, as written without blanks ("分别为3个月和1年"), when the text corrects
    nothing else, the clause is a suspension's, and old and new differ only in their terms, as many on each side."""
    found = list(TERMS_PAIR_RE.finditer(text))
    if len(found) != 1 or len(CORRECTED_RE.findall(text)) != 1:
        return None
    m = found[0]
    if "暂停" not in m["old"] or "暂停" not in m["new"]:
        return None
    old_terms, new_terms = TERM_ITEM_RE.findall(m["was"]), TERM_ITEM_RE.findall(m["terms"])
    if len(old_terms) != len(new_terms) or old_terms == new_terms \
            or TERM_ITEM_RE.sub("", m["old"]) != TERM_ITEM_RE.sub("", m["new"]):
        return None
    terms = "".join(m["terms"].split())
    return TERM_NUMBER_RE.sub(lambda n: str(to_int(n[0])), terms) if TERM_NUMBER_RE.search(terms) else terms
