"""A listed entity renamed by its own choice (pure): "出口管制管控名单所列德尔塔系统公司（Delta Systems, Inc.）已更名为欧米茄防务公司
（Omega Defense, Inc.）。更名后，该实体仍列入出口管制管控名单…".

A rename is no correction (MOFCOM wrote no name wrong: the company changed it) and no listing: the entity keeps its key,
dates and state, and both names are its own. Each rename read gives one record: the new names, keyed by the old name's
key (the key the listing notice's parse gave it), the old names as its ``aliases``; the engine (storage/lifecycle/
renames.py) applies it to the listed entity of that key or those names, or reports it unresolved. Wordings read, each
with the old name said to be listed ("所列", "名单中的", "列入…名单的") or pointed back to ("该实体"):
- "A（a）已更名为B（b）", "A（a）更名为B（b）", "A（a）现名B（b）", "A（a）的名称变更为B（b）" (变更/更改/更新/改为);
- "所列A（a）已更名。现将…该实体的名称变更为“B（b）”" (the new name in the next sentence);
- in a notice of no other step: "所列B（b），原名A（a）", "所列B（b）（曾用名：A（a））".
A text with a rename wording not read this way (a plan "拟更名为", a merger, one half renamed, two new names for one
entity) gives ``whole`` False: the page is refused for a person to read (rules.checks.unread_name_change), as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.names import name_key
from storage.records import EntityRecord

from .entities import cached_key, split_name
from .lazyre import lazy_compile
from .textnorm import holds_any, marked

# a text holding none of these renames nothing (each wording below holds one)
RENAME_MARKS = ("更名", "名称", "现名")
BACKWARD_MARKS = ("原名", "曾用名")
# each asked by its own mark (``textnorm.holds_any``: a text lacking one character of a word is one memchr)
RENAME_MARKED, BACKWARD_MARKED = marked(RENAME_MARKS), marked(BACKWARD_MARKS)
# one name as a sentence writes it: its Chinese part, then its English in brackets, maybe in quotation marks
NAME = r"“?(?P<{p}zh>[^\s“”()（）,，。;；:：、]{{2,40}}?)\s*(?:\((?P<{p}en>[^()“”]{{2,120}})\))?”?"
LISTED = r"(?:所列|名单中的?|名单内的|名单的)(?:实体)?\s*"  # the old name said to be on a list
VERB = (r"(?:的)?\s*(?:(?:已经|已|现已|现)\s*)?(?:正式\s*)?(?:更名为|改名为|现名为?)"
        r"|(?:的)?\s*(?:中英文)?名称\s*(?:已经|已|现已|现|相应)?\s*(?:正式\s*)?(?:变更|更改|更新|改)为")
END = r"(?=\s*(?:[。;；,，、)]|$))"
FORWARD_RE = lazy_compile(LISTED + NAME.format(p="o") + r"\s*(?:" + VERB + r")\s*[:：]?\s*" + NAME.format(p="n") + END)
# "所列“A（a）”已更名。现将…该实体的名称变更为“B（b）”": the old name, then the new one said of "该实体"
DONE_RE = lazy_compile(LISTED + NAME.format(p="o") + r"\s*(?:已经|已|现已)\s*更名" + END)
POINTER_RE = lazy_compile(r"该实体\s*(?:" + VERB + r")\s*[:：]?\s*" + NAME.format(p="n") + END)
BACKWARD_RE = lazy_compile(LISTED + NAME.format(p="n") + r"\s*[,，(（]?\s*(?:原名称?|曾用名|原中文名称)\s*(?:为|是)?\s*[:：]?\s*"
                           + NAME.format(p="o") + r"\s*[)）]?" + END)
# an MFA decision amending its list for a rename it states ("鉴于A（a）已更名为B（b），将《反制清单》中的“A（a）”修改为“B（b）”"):
# the list's line changed to the new name (story38: refused as a decision cut short, its annex missing, and no `accept`
# closes that)
LIST_LINE_RE = lazy_compile(r"将\s*《反制清单》\s*(?:中|内)的?\s*" + NAME.format(p="o") + r"\s*(?:修改|更改|变更|改)为\s*"
                            + NAME.format(p="n") + END)
# words of a change not made, or not by this text: "拟更名为", "是否…"
NOT_DONE = ("拟", "计划", "是否", "如果")
# "现将名单中该实体的名称变更为…": a pointer, no old name (POINTER_RE reads it after the name it points to)
POINTERS = ("该", "上述", "其", "此")


@dataclass(frozen=True)
class Renames:
    """The renames a text states (``records``: new names keyed by the old name's key, old names as aliases), the spans
    of the text they were read from, and whether the text's every rename wording was read (``whole``)."""

    records: tuple[EntityRecord, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    whole: bool = True


NONE = Renames()
# what read_renames gives a text holding none of RENAME_MARKS: rules.checks.unread_name_change, reading the same text,
# then knows 名称 and 更名 absent without a second look (issue 11: each ``in`` scans the whole operative text)
UNMARKED = Renames()


def read_renames(text: str, other_steps: bool) -> Renames:
    """The renames of ``text`` (a notice's operative text, folded); ``other_steps``: the notice lists, lifts or
    suspends too, where a name beside "原名" is that listing's other name, no rename."""
    if not holds_any(text, RENAME_MARKED):
        if other_steps or not holds_any(text, BACKWARD_MARKED):
            return UNMARKED
    found: list[tuple[int, int, str, str | None, str, str | None]] = []  # start, end, old zh, old en, new zh, new en
    for m in FORWARD_RE.finditer(text):
        if not m["ozh"].startswith(POINTERS):
            found.append((m.start(), m.end(), m["ozh"], m["oen"], m["nzh"], m["nen"]))
    for m in DONE_RE.finditer(text):
        then = POINTER_RE.search(text, m.end())
        if then is not None:
            found.append((m.start(), then.end(), m["ozh"], m["oen"], then["nzh"], then["nen"]))
    if not other_steps:
        for m in BACKWARD_RE.finditer(text):
            found.append((m.start(), m.end(), m["ozh"], m["oen"], m["nzh"], m["nen"]))
    # "A已更名为B。…该实体的名称相应变更为B": the same rename said again of the entity just named
    for m in POINTER_RE.finditer(text):
        before = [f for f in found if f[1] <= m.start()]
        if before and not any(f[0] <= m.start() < f[1] for f in found):
            last = max(before, key=lambda f: f[1])
            found.append((m.start(), m.end(), last[2], last[3], m["nzh"], m["nen"]))
    records: dict[str, EntityRecord] = {}
    spans: list[tuple[int, int]] = []
    whole = True
    for start, end, ozh, oen, nzh, nen in sorted(found):
        sentence = text[text.rfind("。", 0, start) + 1 : end]
        record = _record(ozh, oen, nzh, nen)
        if record is None or any(w in sentence for w in NOT_DONE):
            whole = False
            continue
        same = records.get(record.key)
        if same is not None and (same.zh, same.en) != (record.zh, record.en):
            whole = False  # two new names for one entity: a person reads which
        records.setdefault(record.key, record)
        spans.append((start, end))
    return Renames(tuple(records.values()), tuple(spans), whole) if found else NONE


def _record(ozh: str, oen: str | None, nzh: str, nen: str | None) -> EntityRecord | None:
    """The new names keyed by the old ones' key, the old names as aliases; None when a side is no name or both sides
    are one."""
    old_zh, old_en = split_name(f"{ozh}({oen})" if oen else ozh)
    new_zh, new_en = split_name(f"{nzh}({nen})" if nen else nzh)
    key = cached_key(old_zh, old_en)
    if not key or not (new_zh or new_en) or cached_key(new_zh, new_en) == key and name_key(new_zh or old_zh) == name_key(
            old_zh) and name_key(new_en or old_en) == name_key(old_en):
        # the same names written otherwise: no rename. A key alike is not enough: the key is the English name's, and a
        # company may change its Chinese name alone ("哈德森技术公司（Hudson Technologies Co.）" now "哈德逊科技公司（Hudson
        # Technologies Co.）": story40, session 39, refused for a person, and a later step naming the new name unresolved)
        return None
    return EntityRecord(zh=new_zh, en=new_en, key=key, aliases=tuple(x for x in (old_zh, old_en) if x))


def covered(renames: Renames, start: int, end: int) -> bool:
    """Whether the span ``start``-``end`` of the text lies in a rename read."""
    return any(s <= start and end <= e for s, e in renames.spans)


def read_list_line_renames(text: str) -> Renames:
    """The renames an MFA decision makes in its list's lines (``LIST_LINE_RE``; ``text`` folded), where the text says
    the entity was renamed ("更名"): a line changed with no rename said is a correction, not read here."""
    if "更名" not in text or "《反制清单》" not in text:
        return NONE
    records: dict[str, EntityRecord] = {}
    spans: list[tuple[int, int]] = []
    whole = True
    for m in LIST_LINE_RE.finditer(text):
        record = _record(m["ozh"], m["oen"], m["nzh"], m["nen"])
        sentence = text[text.rfind("。", 0, m.start()) + 1 : m.end()]
        if record is None or any(w in sentence for w in NOT_DONE) or (
                record.key in records and (records[record.key].zh, records[record.key].en) != (record.zh, record.en)):
            whole = False
            continue
        records.setdefault(record.key, record)
        spans.append((m.start(), m.end()))
    return Renames(tuple(records.values()), tuple(spans), whole) if spans or not whole else NONE
