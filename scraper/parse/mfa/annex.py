"""The annex (《反制清单》): its sections, numbered and unnumbered entries, tables, country headings and
subsidiaries, read into targets; and the signs that it was cut short."""

from __future__ import annotations

import re

from ..dates import STANDALONE_DATE_RE
from ..entities import COUNTRIES, COUNTRY_ALT, EN_HEADS, SERIAL_HEADS, ZH_HEADS, clean_display
from ..entities.annex import ENGLISH_ALONE_RE, piped_rows, spaced_rows
from ..textnorm import despace, fold, to_int
from .names import SCOPE, SCOPE_RE, SCOPE_TAIL_RE, Target, _org_suffix, _type_of_words, split_target
from .wording import (
    ANNEX_HEADING_RE,
    COUNTRY_FIRSTS,
    EMPTY_SECTION,
    ENTRY_RE,
    ISSUER,
    LATIN_RE,
    NO_MEMBERS,
    ROLE_WORD_RE,
    SECTION_COUNT,
    SECTION_MAX,
    SECTION_RE,
    STOP_NAME,
    UNNUMBERED_MAX,
)


def _entry_number(m: re.Match[str]) -> int | None:
    raw = m.group("paren") or m.group("cn") or m.group("d")
    return to_int(raw) if raw else None


def _style(m: re.Match[str]) -> str:
    return "paren" if m.group("paren") else ("cn" if m.group("cn") else "digit")


# The English version printed after the Chinese decision on one page, its first line: "Decision on Taking Countermeasures Against…",
# "(Promulgated by Decree No. 231 of the Ministry of Foreign Affairs…)", "Annex: Countermeasure List" (session 43, mfa43/10: its
# numbered measures and annex lines were read as four more targets, "Freeze their movable property" among them, false items).
# The Chinese annex ends where it begins.
ENGLISH_VERSION_LINE_RE = re.compile(r"\s*(?:\(\s*Promulgated\s+by\b|Decision\s+(?:on|of)\b|Annex\s*:)", re.IGNORECASE)
ENGLISH_VERSION_WORDS = ("Decision", "Promulgated", "Annex", "DECISION", "ANNEX")  # one is in every match


# An entry's serial opening its line ("1. ", "一、", "（一）", "1\t"): an English line ends the annex only after one (an English
# heading under the Chinese one, "反制清单" then "Annex: Countermeasure List" then the entries, cut every entry: review48).
ENTRY_SERIAL_RE = re.compile(r"\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[）)])\s*[.、．\t)）]?")


def _before_english_version(after: list[str]) -> list[str]:
    """The annex's lines ``after`` up to an English version's first line (ENGLISH_VERSION_LINE_RE) after an entry
    (ENTRY_SERIAL_RE), else all of them."""
    joined = "\n".join(after)  # (no word holds a newline: one scan a word, not one a line and word: perf44)
    if not any(w in joined for w in ENGLISH_VERSION_WORDS):
        return after
    entry = False
    for i, line in enumerate(after):
        if entry and ENGLISH_VERSION_LINE_RE.match(line):
            return after[:i]
        entry = entry or ENTRY_SERIAL_RE.match(line) is not None and line.strip() != ""
    return after


def annex_targets(lines: list[str], start: int,
                  folded_lines: list[str] | None = None) -> tuple[list[Target], list[str], bool, str | None]:
    """Targets from the annex lines after ``start`` (the heading), with section types;
    also the lines that look numbered but could not be read (for the warnings), whether the
    last entry lacks the gender every other entry of its section gives ("二、托德·斯坦恩" after "一、余茂春，男":
    its line may have been cut after the name), and whether the annex ends in a section heading with no name
    after it ("二、高级管理人员" and nothing more: the page was cut there: EMPTY_SECTION) or in an entry announcing
    subsidiaries that do not follow (NO_MEMBERS). ``folded_lines``: ``fold`` of each line, when the caller has them."""
    after = _before_english_version(lines[start + 1 :])
    if any(line.lstrip().startswith("|") for line in after):
        after = piped_rows(after)
    if any("\t" in line for line in after):
        if (tabled := _table_annex(after)) is not None:
            return tabled, [], False, None
    elif ("序号" in (joined := "".join(after)) or "编号" in joined) and (spaced := _spaced_table(after)) is not None:
        if (tabled := _table_annex(spaced)) is not None:
            return tabled, [], False, None
    entries = _annex_entries(after, [fold(line) for line in after] if folded_lines is None
                             else folded_lines[start + 1 : start + 1 + len(after)])
    out: list[Target] = []
    bad: list[str] = []
    section: str | None = None
    numbered = any(m is not None for _, m in entries)
    genders: list[tuple[int, bool]] = []  # (section number, gendered) of each target
    sections = 0
    heading_style: str | None = None  # how the numbered section headings are numbered ("一、" beside "（一）" entries)
    # "（一）X（…）及其子公司：" then "1.Y（…）": the subsidiary lines, by the index of their entry (every such entry says 其)
    entries, members, unfinished = _subsidiaries(entries) if "其" in "".join(after) else (entries, {}, False)
    nested: tuple[str, str | None] | None = None  # (the entries' numbering, their section) around a sub-heading
    last_style: str | None = None  # the numbering of the last entry
    place: str | None = None  # the country of the last country heading
    for i, (line, m) in enumerate(entries):
        if m is None:
            plain = despace(line)
            if out and plain.startswith(LABELS_BELOW) and (said := _labelled(plain, out[-1])) is not None:
                out[-1] = said  # "　　国籍：美国" under "一、姓名：X（x）": the entry's own lines
                continue
            if (there := _country_heading(plain)) is not None:
                place, sections = there, sections + 1
            elif len(plain) <= SECTION_MAX and SECTION_RE.match(plain) and not LATIN_RE.search(plain):
                nested = _sub_heading(last_style, section, entries[i + 1 :]) or nested
                section, sections = _type_of_words(plain), sections + 1
            elif (not numbered or DASHED_RE.match(line)) and (loose := _loose_entry(line, plain, section, len(out) + 1, place)):
                out.append(loose[0])
                genders.append((sections, loose[1]))
            continue
        if nested is not None and _style(m) == nested[0]:  # the next entry of the level the sub-heading was under
            section, nested = nested[1], None
        last_style = _style(m)
        rest = line[m.start("first") :].strip()
        # a heading holds no bracket (a name with its English does): only a line without one is despaced
        plain = despace(rest) if "（" not in rest and "(" not in rest else rest
        if (there := _country_heading(plain)) is not None:
            place, sections = there, sections + 1
            continue
        if (len(plain) <= SECTION_MAX and SECTION_RE.match(plain) is not None
                and _numbered_heading(plain, m, entries[i + 1 :], heading_style)):
            section, sections, heading_style = _type_of_words(plain), sections + 1, _style(m)
            continue
        if section == "individual" and _employer_heading(plain, m, entries[i + 1 :]):
            continue  # "（一）猎鹰电子战系统公司" over "1. 理查德·摩尔（…），男，董事长": whose executives follow, no target
        if rest.startswith(NAME_LABELS) and (label := NAME_LABEL_RE.match(rest)) is not None:
            rest = rest[label.end() :]  # "一、姓名：布拉德利·哈克（Bradley Hacker）": the label is no part of the name
        zh, en, note, gendered = split_target(rest)
        if not (zh or en):
            bad.extend((line, *members.get(i, ())))
            continue
        target = Target(zh, en, section or ("individual" if gendered else None), note, len(out) + 1, country=place)
        out.append(_with_branches(target, members[i]) if i in members else target)
        genders.append((sections, gendered))
    return out, bad, _last_ungendered(genders), _annex_cut(sections, genders, unfinished)


# An annex entry written as labelled lines (session 47, mfa47/14: "姓名：" kept in both persons' Chinese names): the name's label
# on the numbered line, the gender, nationality and post on the lines below it ("　　国籍：美国"), each the entry's.
NAME_LABELS = ("姓名", "名称", "中文姓名", "中文名称", "机构名称", "企业名称")
NAME_LABEL_RE = re.compile(r"(?:中文|机构|企业)?(?:姓名|名称)\s*[:：]\s*")
LABELS_BELOW = ("性别", "国籍", "职务", "职位", "身份")
LABEL_BELOW_RE = re.compile(r"(?P<label>性别|国籍|职务|职位|身份)[:：](?P<value>[^\n]{1,40})$")


def _labelled(plain: str, last: Target) -> Target | None:
    """``last`` with what a labelled line below it says (LABEL_BELOW_RE): its country, a man or a woman (a person), its
    post (a note); None for a line that is no such label."""
    m = LABEL_BELOW_RE.match(plain)
    if m is None:
        return None
    label, value = m.group("label"), m.group("value").strip().rstrip("；;。")
    if label == "国籍":
        code = COUNTRIES.get(value.removesuffix("籍"))
        return Target(last.zh, last.en, last.type, last.note, last.n, last.branches, code or last.country) if code else last
    if label == "性别":
        gendered = value in ("男", "女")
        return Target(last.zh, last.en, last.type or ("individual" if gendered else None), last.note, last.n,
                      last.branches, last.country)
    return Target(last.zh, last.en, last.type, "，".join(filter(None, (last.note, value))), last.n, last.branches,
                  last.country)


def _annex_entries(after: list[str], folded_after: list[str]) -> list[tuple[str, re.Match[str] | None]]:
    """The annex's non-blank lines, each with its entry number's match (None for a line without one); a name wrapped
    after "及其" rejoined (``_rejoined``)."""
    entries = [(kept, ENTRY_RE.match(folded.strip())) for line, folded in zip(after, folded_after) if (kept := line.strip())]
    entries = _english_below(entries)
    return _rejoined(entries) if "其" in "".join(after) else entries


def _english_below(entries: list[tuple[str, re.Match[str] | None]]) -> list[tuple[str, re.Match[str] | None]]:
    """An entry with a Chinese name alone ("1. 黑松航空航天公司": no bracket, no comma, no heading) whose next line is its
    English name alone ("Blackpine Aerospace Inc.": ``entities.annex.ENGLISH_ALONE_RE``, no number) as one line,
    "黑松航空航天公司（Blackpine Aerospace Inc.）" (review48: the English name was lost, silently, as the MOFCOM annex read
    it since session 23)."""
    out: list[tuple[str, re.Match[str] | None]] = []
    skip = False
    for i, (line, m) in enumerate(entries):
        if skip:
            skip = False
            continue
        nxt = entries[i + 1] if i + 1 < len(entries) else None
        after = entries[i + 2] if i + 2 < len(entries) else None  # (a second Latin line: a list of its own, not paired)
        rest = line[m.start("first") :] if m is not None else ""
        if m is not None and nxt is not None and nxt[1] is None and rest and not any(c in rest for c in "（(，,、:：;；") \
                and ENGLISH_ALONE_RE.match(nxt[0]) is not None and not SECTION_RE.match(despace(rest)) \
                and (after is None or after[1] is not None or ENGLISH_ALONE_RE.match(after[0]) is None):
            out.append((f"{line}（{nxt[0]}）", m))
            skip = True
            continue
        out.append((line, m))
    return out


def _annex_cut(sections: int, genders: list[tuple[int, bool]], unfinished: bool) -> str | None:
    """How an annex read as cut short ends: in a section heading with no name after it (EMPTY_SECTION), in an entry
    announcing subsidiaries that do not follow (NO_MEMBERS); None."""
    if sections > 0 and (not genders or genders[-1][0] != sections):
        return EMPTY_SECTION
    return NO_MEMBERS if unfinished else None


# An annex as a table ("序号<tab>中文名称<tab>英文名称", a row per entity: session 20, mfa20: a page's table of 24 companies
# read "序号 中文名称 英文名称" as a company and "1 北极光防务系统公司" as a name): its header's cells say which cell is which.
TABLE_NAME_HEADS = ZH_HEADS | frozenset(("姓名", "中文姓名", "人员", "个人", "人员姓名", "机构", "组织"))
TABLE_EN_HEADS = EN_HEADS | frozenset(("英文姓名", "外文姓名", "英文名字"))
TABLE_PERSON_HEADS = frozenset(("姓名", "中文姓名", "人员", "个人", "人员姓名", "英文姓名", "外文姓名"))
# An English cell holding more than the name: "英文姓名及职务" over "John Carter，男，北岬无人系统公司首席执行官" (pages28/11:
# the whole cell was the person's note and the English name was lost): the name is the cell up to its first "，".
TABLE_EN_AND_MORE_RE = re.compile(r"(?:英文|外文)(?:姓名|名称|名)(?:及|和|、|/)")
GENDERS = frozenset(("男", "女"))
TABLE_SECTION_NUMBER_RE = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")  # "一、企业" above a table


# A table row whose cells the page's HTML separated by tabs, which the folding of HTML whitespace made spaces, as a browser
# shows them: "1 灰岩防务系统公司 Greystone Defense Systems Inc." under "序号 中文名称 英文名称" (``_spaced_table``): the serial, the
# Chinese name (no blank, no Latin letter), the English name (Latin first, no Chinese character), and the cells of any
# columns after it (no Latin letter: 类别, 性别, 职务).
SPACED_ROW_RE = re.compile(r"\s*(?P<n>[0-9０-９]{1,3})\s+(?P<zh>[^\sA-Za-z]+)\s+(?P<en>[A-Za-z][^\u3400-\u9fff（(]*?)"
                           r"(?:\s+(?P<tail>[^\sA-Za-z][^A-Za-z]*?))?\s*")


def _spaced_table(after: list[str]) -> list[str] | None:
    """The annex lines of a table whose cells are separated by spaces (a header row "序号 中文名称 英文名称", each row "1 灰岩防务系统
    公司 Greystone Defense Systems Inc."), with tabs between its cells, as a plain-text copy writes them, for
    :func:`_table_annex`; None where no line is such a header, or a row under one does not split plainly into its
    cells (``SPACED_ROW_RE``: read line by line then, as before). An MFA annex written as tab-separated ``<p>`` lines:
    the header row was read as one more entity, "序号 中文名称 英文名称", and each row's serial kept in its Chinese name
    (order44's B, session 45; its count mismatch said it, the feed showed the false entity)."""
    return spaced_rows(after, _head_width, SPACED_ROW_RE)


def _head_width(heads: list[str]) -> int | None:
    """The cells of a header row "序号 中文名称 英文名称 …" (no Latin letter in the cells after), or None."""
    if heads[0] in SERIAL_HEADS and heads[1] in TABLE_NAME_HEADS and heads[2] in TABLE_EN_HEADS \
            and not any(LATIN_RE.search(h) for h in heads[3:]):
        return len(heads)
    return None


def _table_annex(after: list[str]) -> list[Target] | None:
    """The targets of an annex laid out as tables (a header row: a serial cell, a name cell), section headings above
    them typing their rows; None when no line is such a header (the annex is read line by line)."""
    out: list[Target] = []
    # (name cell, English cell, width, persons, whether the English cell holds more than the name)
    head: tuple[int, int | None, int, bool, bool] | None = None
    section: str | None = None
    found = False
    for line in after:
        if not line.strip():
            continue
        cells = [cell.strip(" \u3000") for cell in line.split("\t")]
        heads = ["".join(fold(cell).split()) for cell in cells]
        if len(cells) >= 2 and heads[0] in SERIAL_HEADS:
            name = next((i for i, h in enumerate(heads) if h in TABLE_NAME_HEADS), None)
            if name is not None:
                en_cell = next((i for i, h in enumerate(heads) if h in TABLE_EN_HEADS), None)
                if en_cell is None:
                    en_cell = next((i for i, h in enumerate(heads) if TABLE_EN_AND_MORE_RE.match(h)), None)
                    en_more = en_cell is not None
                else:
                    en_more = False
                persons = any(h in TABLE_PERSON_HEADS for h in heads) or (en_more and "姓名" in heads[en_cell or 0])
                head, found = (name, en_cell, len(cells), persons, en_more), True
                continue
        plain = despace(line)
        if len(cells) == 1 and len(plain) <= SECTION_MAX and SECTION_RE.match(TABLE_SECTION_NUMBER_RE.sub("", plain)):
            section, head = _type_of_words(plain), None
            continue
        if head is None or len(cells) < 2:
            continue
        name, en_at, _, persons, en_more = head
        written = cells[name] if name < len(cells) else ""
        zh, en, note, gendered = split_target(written) if written else (None, None, None, False)
        more: list[str] = []
        if en_at is not None and en_at < len(cells) and cells[en_at]:
            en_written = cells[en_at]
            if en_more and "，" in en_written:
                en_written, *more = en_written.split("，")
                more = [m.strip(" \u3000") for m in more if m.strip(" \u3000")]
            en = clean_display(en_written)
        rest = [c for i, c in enumerate(cells) if i not in (0, name, en_at) and c] + more
        gendered = gendered or any(c in GENDERS for c in rest)
        note = "，".join(filter(None, (note, *rest))) or None
        if not (zh or en):
            continue
        serial = fold(cells[0]).strip()
        kind = section or ("individual" if persons or gendered else None)
        out.append(Target(zh, en, kind, note, int(serial) if serial.isdigit() else len(out) + 1))
    return out if found else None


Entry = tuple[str, re.Match[str] | None]  # an annex line and its ENTRY_RE match
# An entry's scope cut by a line end: "（三）X（English）及其" / "子公司", or "（一）X（English）" / "及其子公司" (a copy's wrap;
# session 18, mfa18: the name read "X（English）及其", with no English).
SCOPE_OPEN_RE = re.compile(r"(?:以?及其|和其)(?:全部|所有|下属|附属|关联)?$")
SCOPE_LINE_RE = re.compile(rf"{SCOPE}$")


def _rejoined(entries: list[Entry]) -> list[Entry]:
    """The annex lines with an entry's scope cut by a line end joined to the entry (SCOPE_OPEN_RE, SCOPE_LINE_RE)."""
    out: list[Entry] = []
    for line, m in entries:
        if out and m is None and out[-1][1] is not None and (
                SCOPE_OPEN_RE.search(out[-1][0]) or SCOPE_LINE_RE.fullmatch(despace(line))):
            joined = out.pop()[0] + line
            out.append((joined, ENTRY_RE.match(fold(joined))))
            continue
        out.append((line, m))
    return out


def _subsidiaries(entries: list[Entry]) -> tuple[list[Entry], dict[int, tuple[str, ...]], bool]:
    """The annex lines without the subsidiary lines under an entry that announces them ("（一）X（…）及其子公司：" then
    "1.Y（…）" or "-Y": numbered otherwise than the entry, or not at all: ``_branch_line``), those lines by the index
    of their entry among the lines kept, and whether the last entry announcing them with a colon has none after it
    (the page was cut there)."""
    kept: list[Entry] = []
    members: dict[int, tuple[str, ...]] = {}
    style: str | None = None  # the announcing entry's numbering, while its subsidiaries follow
    parent, announced = 0, False
    pending: list[str] = []
    for line, m in entries:
        if style is not None and (m is None or _style(m) != style):
            branch = _branch_line(line, m)
            if branch is not None:  # a subsidiary: a member of the entry, not an entry of its own
                pending.append(branch)
                continue
        if pending:
            members[parent] = tuple(pending)
        style, pending = None, []
        kept.append((line, m))
        if m is not None and "其" in line and SCOPE_TAIL_RE.search(line[m.start("first") :].rstrip(STOP_NAME)):
            style, parent, announced = _style(m), len(kept) - 1, line.endswith((":", "："))
    if pending:
        members[parent] = tuple(pending)
    return kept, members, style is not None and announced and not pending


# A country heading in an annex, its count perhaps after it: "一、美国（2名）", "二、日本", "（一）加拿大籍人员：" (session 22,
# mfa22: read as entities "美国" and "日本", every target given the decision's country).
COUNTRY_HEAD_RE = re.compile(rf"^(?P<c>{COUNTRY_ALT})(?:籍)?(?:人员|个人|人士|实体|企业|机构|组织)?\s*{SECTION_COUNT}\s*[:：]?$")


def _loose_entry(line: str, plain: str, section: str | None, n: int, place: str | None) -> tuple[Target, bool] | None:
    """An annex line without a number read as a target, and whether it gives a gender: a line of an annex that numbers
    none, or a dashed line no entry announced as its subsidiary, an executive under his company ("一、蓝鹰防务系统公司（…）" /
    "　　—迈克尔·斯通（Michael Stone），首席执行官": session 22, mfa22: dropped without a word); None for a line that is no
    name (``plain``: the line despaced)."""
    if not _unnumbered_entry(plain):
        return None
    dash = DASHED_RE.match(line)
    zh, en, note, gendered = split_target(line[dash.end() :] if dash else line)
    if not (zh or en):
        return None
    person = gendered or bool(dash and note and ROLE_WORD_RE.search(note))
    return Target(zh, en, section or ("individual" if person else None), note, n, country=place), gendered


def _country_heading(plain: str) -> str | None:
    """The country code of an annex line that is a country heading (COUNTRY_HEAD_RE), else None."""
    m = COUNTRY_HEAD_RE.match(plain) if len(plain) <= SECTION_MAX and plain[:1] in COUNTRY_FIRSTS else None
    return COUNTRIES[m.group("c")] if m else None


def _sub_heading(last_style: str | None, section: str | None,
                 later: list[tuple[str, re.Match[str] | None]]) -> tuple[str, str | None] | None:
    """An unnumbered heading under a numbered entry, over entries numbered otherwise: "一、蓝鹰防务系统公司（…）" /
    "高级管理人员：" / "1.迈克尔·斯通（…）" then "二、红石航空公司（…）" (session 22, mfa22: the second company typed by the
    executives' heading, an individual). The numbering of the entry above it and the section that numbering had, restored
    at the next entry numbered so; None when the heading heads entries numbered as those before it (a section of its own)."""
    nxt = next((n for _, n in later if n is not None), None)
    if last_style is None or nxt is None or _style(nxt) == last_style:
        return None
    return last_style, section


def _numbered_heading(plain: str, m: re.Match[str], later: list[tuple[str, re.Match[str] | None]],
                      heading_style: str | None) -> bool:
    """Whether a numbered annex line of section words (``plain``, numbered as ``m`` says) is a section heading: no
    Latin letter, and numbered otherwise than the next numbered line (of ``later``) and as the headings before it are
    (a name of the last section may end in a section word: "（二）国际特赦组织" before "二、高级管理人员"); the last
    numbered line: as the headings."""
    if LATIN_RE.search(plain):
        return False
    nxt = next((n for _, n in later if n is not None), None)
    return (_style(nxt) != _style(m) and heading_style in (None, _style(m)) if nxt is not None
            else heading_style == _style(m))


def _employer_heading(plain: str, m: re.Match[str], later: list[tuple[str, re.Match[str] | None]]) -> bool:
    """Whether a numbered line of a persons' section is the company its executives are listed under: an organisation's
    name alone (no bracket, no clause) over lines numbered otherwise ("二、高级管理人员" / "（一）猎鹰电子战系统公司" /
    "1. 理查德·摩尔（Richard Moore），男，董事长"; session 39, mfa39/03: each company read as one more person, a false item
    and a count warning)."""
    if "（" in plain or "(" in plain or "，" in plain or "," in plain or not _org_suffix(plain):
        return False
    nxt = next((n for _, n in later if n is not None), None)
    return nxt is not None and _style(nxt) != _style(m)


# A measure for a group the lines after it name, no annex: "一、对以下企业，冻结…，禁止…：" / "（一）X（x）" / "（二）Y（y）" / "二、对以下人员，
# 不予签发签证、不准入境（包括香港、澳门）：" / "（一）Z（z），…公司总裁" (session 39, mfa39/17: refused as cut short, "names no target").
LISTED_AFTER_RE = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*、\s*对\s*(?:以下|下列)(?P<desc>[^,，:：。()（）]{1,20})[,，][^。\n]*[:：]\s*$")

# A numbered line that is a measure, not a name: its verb first, or "对其…", "对上述…".
MEASURE_LINE_RE = re.compile(r"\s*(?:冻结|禁止|不予|不准|查封|扣押|限制|注销|驱逐|对\s*(?:其|上述|前述|以上))")
# So too the decision's own sentence ending with a colon, the measures after the lines: "中方决定对以下4家美国军工企业采取反制措施：" /
# "1. X（x）" / … / "对上述企业，冻结…" (session 49, mfa49/04: refused as cut short, "names no target").
DECIDED_LISTED_RE = re.compile(r"决定\s*[,，]?\s*对\s*(?:以下|下列)(?P<desc>[^,，:：。()（）]{1,20}?)采取[^,，:：。()（）]{0,8}?措施\s*[:：]\s*$")


def colon_listed(lines: list[str], folded_lines: list[str]) -> list[Target]:
    """The targets named as numbered lines under each measure line that ends with a colon (LISTED_AFTER_RE), typed by the
    measure's words ("以下企业": organisations); the lines of one measure end at the next measure ("二、") or a line that is
    no entry. Empty when no measure line is one. So too under the decision's own colon (DECIDED_LISTED_RE), where every
    line must be shaped as a name (``_listed_lines``)."""
    out: list[Target] = []
    for i, head in enumerate(folded_lines):
        m = LISTED_AFTER_RE.match(head) if "对" in head else None
        decided = m is None and "决定" in head and "采取" in head and (m := DECIDED_LISTED_RE.search(head)) is not None
        if m is None:
            continue
        kind = _type_of_words(m.group("desc"))
        for zh, en, note, gendered in _listed_lines(lines[i + 1 :], folded_lines[i + 1 :], decided):
            out.append(Target(zh, en, kind or ("individual" if gendered else None), note, len(out) + 1))
    return out


def _listed_lines(lines: list[str], folded_lines: list[str],
                  decided: bool) -> list[tuple[str | None, str | None, str | None, bool]]:
    """The names (``split_target``) of the numbered lines opening ``lines``, up to a sentence, the next measure ("二、") or
    a measure numbered as a line ("（一）冻结其在我国境内的…；": session 49 probe, read as two entities under the decision's own
    colon); under the decision's colon (``decided``) none at all when a line is no name's shape (its English, an
    organisation's ending or a dot): a person reads it."""
    out = []
    for line, folded in zip(lines, folded_lines):
        if not folded.strip():
            continue
        entry = ENTRY_RE.match(folded.strip())
        if entry is None or entry.group("cn"):  # a sentence, or the next measure
            break
        said = folded.strip()[entry.start("first") :]
        if MEASURE_LINE_RE.match(said) is not None or "措施" in said:
            break
        zh, en, note, gendered = split_target(line.strip()[entry.start("first") :])
        if decided and not (en or (zh and (_org_suffix(zh) or "·" in zh))):
            return []
        if zh or en:
            out.append((zh, en, note, gendered))
    return out


# A member line written without a number: "-TechInsights Japan KK", "—安杜里尔英国公司（Anduril UK Limited）".
DASHED_RE = re.compile(r"^\s*[-－—–]+\s*(?=\S)")


def _branch_line(line: str, m: re.Match[str] | None) -> str | None:
    """A subsidiary line under an entry that announces them, as written without its number or dash ("1.安杜里尔澳大利亚
    公司（Anduril Australia Pty Ltd）"); None for a line that is no name (a section heading, a signature, a date)."""
    if m is not None:
        rest = line[m.start("first") :]
    else:
        dash = DASHED_RE.match(line)
        rest = line[dash.end() :] if dash else line
    plain = despace(rest)
    if (len(plain) <= SECTION_MAX and SECTION_RE.match(plain)) or not _unnumbered_entry(plain):
        return None  # "二、高级管理人员" after them: the next section
    return clean_display(rest.strip().rstrip(STOP_NAME)) or None


def _with_branches(t: Target, branches: tuple[str, ...]) -> Target:
    """``t`` with the subsidiaries read under it; its note loses the words announcing them ("及其子公司"), which the
    branches now say."""
    return Target(t.zh, t.en, t.type, _unscoped(t.note), t.n, t.branches + branches, t.country)


def _unscoped(note: str | None) -> str | None:
    """``note`` without its last clause when that says what the entry covers besides it ("及其子公司", SCOPE_RE)."""
    if note is None:
        return None
    parts = note.split("，")
    return "，".join(parts[:-1]) or None if SCOPE_RE.fullmatch(parts[-1]) else note


def _last_ungendered(genders: list[tuple[int, bool]]) -> bool:
    """The last target lacks the gender every other target of its section has (at least one other)."""
    if not genders or genders[-1][1]:
        return False
    last = genders[-1][0]
    same = [gendered for section, gendered in genders[:-1] if section == last]
    return bool(same) and all(same)


def _unnumbered_entry(plain: str) -> bool:
    """An annex line without a number that can only be a name: no sentence, no date, no signature."""
    return (len(plain) <= UNNUMBERED_MAX and "。" not in plain and plain != ISSUER
            and not STANDALONE_DATE_RE.match(fold(plain)) and not ANNEX_HEADING_RE.match(plain))


def _annex_start(folded: str) -> int | None:
    """Index of the last line of ``folded`` that is an annex heading (ANNEX_HEADING_RE, spaces aside).
    Every heading holds 附 or 清单: only the lines holding 附 or 单 are tried, from the last one up."""
    pos = max(folded.rfind("附"), folded.rfind("单"))
    while pos >= 0:
        start = folded.rfind("\n", 0, pos) + 1
        end = folded.find("\n", pos)
        if ANNEX_HEADING_RE.match(despace(folded[start : end if end >= 0 else len(folded)])):
            return folded.count("\n", 0, start)
        pos = max(folded.rfind("附", 0, start), folded.rfind("单", 0, start))
    return None
