"""Decisions amending an earlier decision's list ("在《反制清单》“一、企业”中增列：…"; "将…从…所附反制清单中移出"):
additions and removals as actions on the amended order."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from storage.records import ActionKind, ActionRecord, ListKind, NoticeRef

from ..actions import sentence_end
from ..dates import STANDALONE_DATE_RE, iso_to_date, parse_cn_date, until_from
from ..entities import cached_key, clean_display
from ..textnorm import NUM, despace, fold, to_int
from .annex import _entry_number, _unnumbered_entry
from .groups import _decision_match, _group, _guess_type
from .names import Target, _dedupe, _org_suffix, _type_of_words, split_target
from .reading import Reading
from .status import _dated_ref, _dated_title_before, _quoted_before, decision_term
from .wording import (
    CN_DIGITS,
    ENTRY_RE,
    ISSUER,
    KEY_PREFIX,
    ORDER_REF_RE,
    OWN_EFFECTIVE_LINE,
    QUOTED_DECISION_RE,
    SECTION_MAX,
    SECTION_RE,
)

# An amendment of an earlier decision's list (反制清单): "中方决定对2024年12月27日《关于对…的决定》（外交部令第16号）作如下修改："
# (AMENDS_RE), then instructions, each on its own line (AMEND_LINE_RE): "在《反制清单》“二、高级管理人员”中增加：" and the
# lines added after it, or "…中删除：" and the lines removed, or inline: "将《反制清单》“一、企业”中的“（三）X（…）”删除。".
AMEND_VERBS = {"增加": ActionKind.IMPOSE, "增列": ActionKind.IMPOSE, "增补": ActionKind.IMPOSE, "补充": ActionKind.IMPOSE,
               "删除": ActionKind.REMOVE, "删去": ActionKind.REMOVE,
               # "将《反制清单》…中的“（四）X”调出" (session 17: the line was read as one more addition)
               "调出": ActionKind.REMOVE, "移除": ActionKind.REMOVE, "移出": ActionKind.REMOVE, "剔除": ActionKind.REMOVE}
# The gate: 清单 and, within the line, a verb's first character (every AMEND_LINE_RE match holds one). A greedy run of
# one class costs the regex engine little; the lazy search for the verbs themselves cost a decision 5% more instructions.
AMEND_GATE_RE = re.compile(r"清单[^增删补调移剔。\n]{0,80}[增删补调移剔]|[增删移剔][加列补去除出]\s*《?\s*(?:反制|反制裁)清单"
                           r"|清单\s*》?\s*(?:作|进行)?\s*(?:如下|以下|下列)\s*修改"
                           r"|删[去除][^。\n]{0,120}?附\s*《\s*(?:反制|反制裁)清单"  # DECIDED_FRONT_RE's
                           # DECIDED_BACK_RE's, its quoted lines longer than the first branch's reach: "…清单》中的“（一）X（x），男，…”和
                           # “（二）Y（y），女，…”删除" (session 52, mfa51's open B: refused as cut short)
                           r"|清单\s*》\s*中的?\s*[“「\"][^。\n]{0,400}?[”」\"]\s*(?:予以)?删[去除]")


def _may_amend(folded: str) -> bool:
    """The gate (AMEND_GATE_RE), asked only of a text holding a verb's first character: most decisions hold none,
    and three searches for one character cost less than the regex's runs after each 清单."""
    return ("增" in folded or "删" in folded or "补" in folded or "调出" in folded or "移" in folded or "剔" in folded) and (
        AMEND_GATE_RE.search(folded) is not None)


AMEND_LINE_RE = re.compile(
    rf"^\s*(?:[{CN_DIGITS}]{{1,3}}\s*、\s*|\d{{1,2}}\s*[.．、]\s*)?(?:在|将|对)?\s*(?:所附|后附)?\s*(?:附件\s*)?《?\s*(?:反制|反制裁)清单\s*》?"
    rf"(?P<where>[^。\n]{{0,80}}?)(?P<verb>{'|'.join(AMEND_VERBS)})(?P<rest>.*)$")
AMENDS_RE = re.compile(r"决定\s*(?:对|将)?(?P<what>[^。\n]{1,300}?)(?:作|进行)?(?:如下|以下|下列)?(?:修改|调整)(?:如下)?")
# The verb first: "二、删去《反制清单》“一、企业”中的“（二十一）X”" (session 18, mfa18: the line was read as one more
# name the line before adds, and the deletion was lost). ``_instructions`` reads it from the verb.
AMEND_FRONT_RE = re.compile(
    rf"^\s*(?:[{CN_DIGITS}]{{1,3}}\s*、\s*|\d{{1,2}}\s*[.．、]\s*)?(?P<verb>{'|'.join(AMEND_VERBS)})\s*(?:附件\s*)?"
    rf"《?\s*(?:反制|反制裁)清单\s*》?(?P<where>)(?P<rest>.*)$")


# The list named once, in the decision ("对2025年12月26日决定所附《反制清单》作如下修改："), each line naming only its section:
# "一、在“一、企业”中增列：" (session 19, mfa19: no instruction line was found, and the page was refused as cut short).
# "…所附《反制清单》作如下调整：" too (session 39, mfa39/21: refused as cut short, "refers to an annex it does not hold").
LIST_AMENDED_RE = re.compile(r"(?:反制|反制裁)清单\s*》?\s*(?:作|进行)?\s*(?:如下|以下|下列)\s*(?:修改|调整)")
AMEND_SECTION_LINE_RE = re.compile(
    rf"^\s*(?:[{CN_DIGITS}]{{1,3}}\s*、\s*|\d{{1,2}}\s*[.．、]\s*)?(?:在|将|对)\s*(?P<where>[“「\"][^”」\"\n]{{1,20}}[”」\"]"
    rf"[^。\n]{{0,20}}?)(?P<verb>{'|'.join(AMEND_VERBS)})(?P<rest>.*)$")


# Its verb first: "二、删去“二、高级管理人员”中的“（十）汤姆·莫斯（Tom Moss），男，…”。" (session 38, mfa38/05: the line was not
# read, and the deletion was lost with no warning while the addition on the line before was read), or the line quoted alone
# ("一、删去“（十）汤姆·莫斯（Tom Moss），…”。": refused as cut short).
AMEND_SECTION_FRONT_RE = re.compile(
    rf"^\s*(?:[{CN_DIGITS}]{{1,3}}\s*、\s*|\d{{1,2}}\s*[.．、]\s*)?(?P<verb>{'|'.join(AMEND_VERBS)})\s*"
    rf"(?P<where>[“「\"][^”」\"\n]{{1,200}}[”」\"])(?P<rest>.*)$")


# Its verb first, then what follows it, the lines after: "一、增列以下企业：" / "（一）X（x）" / "二、删除以下企业：" / "（一）Y（y）"
# (session 39, mfa39/21). The words after the verb type the lines ("企业": organisations).
AMEND_BELOW_RE = re.compile(
    rf"^\s*(?:[{CN_DIGITS}]{{1,3}}\s*、\s*|\d{{1,2}}\s*[.．、]\s*)?(?P<verb>{'|'.join(AMEND_VERBS)})\s*"
    r"(?P<where>(?:以下|如下|下列)[^。\n:：“”「」\"]{0,20}?)(?P<rest>\s*[:：]?\s*)$")


# The decision's own sentence names the decision amended, its list and the section, the lines added after it: "依据…规定，中方决定
# 在外交部令2034年第195号后附《反制清单》“二、高级管理人员”中增加：" (session 48, mfa48/26: no instruction line, refused as cut short),
# or a numbered line after "中方决定：" ("一、在外交部令…后附《反制清单》…中增加：").
DECIDED_AMEND_RE = re.compile(
    rf"(?:决定\s*[:：]?|^\s*[{CN_DIGITS}]{{1,3}}\s*、)\s*在\s*"
    r"(?P<ref>(?:[^。\n《》]|《[^《》\n]{1,200}》){1,200}?)(?:后附|所附|附)\s*《\s*(?:反制|反制裁)清单\s*》"
    rf"(?P<where>[^。\n]{{0,80}}?)(?P<verb>{'|'.join(AMEND_VERBS)})(?P<rest>.*)$")

# So too a deletion verb first: "中方决定删去外交部令2040年第301号后附《反制清单》“二、高级管理人员”中的“（四）X（x），男，…”。"
# (session 49, mfa49/09: refused as cut short).
DECIDED_FRONT_RE = re.compile(
    r"决定\s*[:：]?\s*(?P<verb>删去|删除)\s*"
    r"(?P<ref>(?:[^。\n《》“”]|《[^《》\n]{1,200}》){1,200}?)(?:后附|所附|附)\s*《\s*(?:反制|反制裁)清单\s*》"
    r"(?P<where>)(?P<rest>.*)$")


# So too the list named first and the line deleted quoted after 中的, the verb last: "中方决定将外交部令2044年第502号后附《反制裁清单》中的
# “三、卡罗尔·金（Carol King），女，…”删除。" (session 51, mfa51/26: refused as cut short).
DECIDED_BACK_RE = re.compile(
    r"决定\s*[:：]?\s*将\s*"
    r"(?P<ref>(?:[^。\n《》“”]|《[^《》\n]{1,200}》){1,200}?)(?:后附|所附|附)\s*《\s*(?:反制|反制裁)清单\s*》"
    r"(?P<where>)(?P<rest>\s*中的?\s*[“「\"][^。\n]*[”」\"]\s*(?:予以)?)(?P<verb>删去|删除)")


def _instruction_line(folded: str) -> re.Match[str] | None:
    return AMEND_LINE_RE.match(folded) or AMEND_FRONT_RE.match(folded)


def _section_line(folded: str) -> re.Match[str] | None:
    return (_instruction_line(folded) or AMEND_SECTION_LINE_RE.match(folded) or AMEND_SECTION_FRONT_RE.match(folded)
            or AMEND_BELOW_RE.match(folded))


OPEN_QUOTES = "“「\""
QUOTE_CLOSED_RE = re.compile(r"[”」\"]\s*[。；;]?\s*$")
QUOTED_ITEM_RE = re.compile(r"[“「\"]([^”」\"]+)[”」\"]")
NO_AMENDED = "the amendment names no earlier decision it amends"


def _instruction_lines(folded_lines: list[str], folded: str) -> list[tuple[int, re.Match[str]]]:
    """(line, match) of each instruction line; lines naming only their section when the decision names the list."""
    found = [(i, m) for i, line in enumerate(folded_lines) if (m := _instruction_line(line)) is not None]
    if not found and LIST_AMENDED_RE.search(folded) is not None:
        found = [(i, m) for i, line in enumerate(folded_lines) if (m := _section_line(line)) is not None]
    if not found:
        decided = next(((i, m) for i, line in enumerate(folded_lines)
                        if (m := DECIDED_AMEND_RE.search(line) or (DECIDED_FRONT_RE.search(line) or DECIDED_BACK_RE.search(line)
                                                                    if "删" in line else None))
                        is not None and ("号" in m["ref"] or "决定" in m["ref"])), None)  # a decision named, not targets counted
        if decided is not None:  # that line, and the instructions after it
            found = [decided] + [(i, m) for i, line in enumerate(folded_lines[decided[0] + 1 :], decided[0] + 1)
                                 if (m := _section_line(line)) is not None]
    return found


def _lines_after(lines: list[str], folded_lines: list[str], i: int, stops: set[int]) -> list[str]:
    """The lines an instruction on line ``i`` quotes after it: up to the next instruction (``stops``), the decision's
    own effective line, the signature, or a sentence that is no entry."""
    said: list[str] = []
    for line, f in zip(lines[i + 1 :], folded_lines[i + 1 :]):
        plain = despace(f)
        if i + 1 + len(said) in stops or plain.startswith(OWN_EFFECTIVE_LINE) or plain == ISSUER:
            break
        if plain.endswith("。") and ENTRY_RE.match(plain.lstrip(OPEN_QUOTES)) is None:  # "对上述增列的企业和人员，适用该决定…。"
            break  # a sentence after the lines added, not one of them (session 19, mfa19: read as a name)
        said.append(line)
    out = [x for x in (line.strip() for line in said) if x and not STANDALONE_DATE_RE.match(fold(x))]
    if out and out[0][:1] in OPEN_QUOTES and QUOTE_CLOSED_RE.search(out[-1]) is not None \
            and not any(QUOTE_CLOSED_RE.search(x) for x in out[:-1]):
        # the lines added quoted as one block: "在“一、企业”中增加：" / "“（十三）A（a）" / "（十四）B（b）”。" (session 50, mfa50/06:
        # held, "names B but reads no target of that name")
        out[0] = out[0][1:].lstrip()
        out[-1] = QUOTE_CLOSED_RE.sub("", out[-1]).rstrip()
    return out


def _amendment_term(lines: list[str], folded_lines: list[str], first: int, stops: set[int]) -> str | None:
    """The term an amendment sets on what it adds ("对上述增列的企业和人员采取的反制措施，期限为3年。", or in its deciding
    sentence), as written, else None: searched in its lines from the deciding one (``first``) that are neither
    instructions (``stops``) nor the entries they quote (session 18 left it unread: the additions never ended)."""
    for i in range(first, len(lines)):
        plain = despace(folded_lines[i])
        if plain.startswith(OWN_EFFECTIVE_LINE) or plain == ISSUER:
            break
        if i in stops or ENTRY_RE.match(plain) is not None or ("期" not in plain and "内" not in plain):
            continue
        term = decision_term(lines[i])
        if term:
            return term
    return None


def _with_term(action: ActionRecord, term: str | None) -> ActionRecord:
    """``action`` ending after ``term`` from its own day (the listing's end, as a decision's term), else as it is."""
    until = until_from(term, iso_to_date(action.effective)) if term and action.effective else None
    return replace(action, until=until, duration=term) if until else action


def _amendment(lines: list[str], folded_lines: list[str], folded: str, text: str, own: int | None,
               effective: str | None, warnings: list[str]) -> tuple[Reading, tuple[ActionRecord, ...], int | None] | None:
    """An amendment of an earlier decision's list read as what it does: an impose of the lines it adds, which join the
    earlier decision's list (the action's target is that decision: the engine says loudly when it finds none), and a
    removal of the lines it deletes from that list; None for a text without an instruction line (AMEND_LINE_RE).
    The notice's entities are both, added then deleted (each numbered as in the list): the impose names the added
    ones (``ActionRecord.entities``), so only they join the list; a count an instruction states is checked against
    the lines it gives, and the counts together against both parts (``stated_count``)."""
    found = _instruction_lines(folded_lines, folded)
    if not found:
        return None
    first = found[0][0]
    head = "\n".join(folded_lines[:first])
    amends = None
    for amends in AMENDS_RE.finditer(head):
        pass  # the last: the decision, after the header and the reasons
    start = amends.start() if amends is not None else 0
    own_line = found[0][1]
    if own_line.re is DECIDED_AMEND_RE or own_line.re is DECIDED_FRONT_RE or own_line.re is DECIDED_BACK_RE:  # the decision amended is named on that line
        at = len(head) + 1 if first else 0
        ref = _amended_ref(folded, text, at + own_line.start("ref"), at + own_line.end("ref"), own)
    else:
        ref = _amended_ref(folded, text, start, len(head), own)
    if ref is None:
        warnings.append(NO_AMENDED)
    stops = {i for i, _ in found}
    added: list[Target] = []
    removed: list[Target] = []
    counts: list[int | None] = []
    for i, m in found:
        steps = _instructions(folded_lines[i], lines[i], m)
        verb, kind, items, count = steps[-1]
        if not items:  # the lines after it, up to the next instruction or the decision's end
            steps[-1] = (verb, kind, _lines_after(lines, folded_lines, i, stops), count)
        for verb, kind, items, count in steps:
            into = added if AMEND_VERBS[verb] is ActionKind.IMPOSE else removed
            into.extend(_amended_target(item, kind) for item in items)
            counts.append(count)
            if count is not None and count != len(items):
                warnings.append(f"parsed {len(items)} targets the amendment {'adds' if into is added else 'deletes'}, "
                                f"it states {count}")
    decision = "\n".join(lines[i].strip() for i, _ in found)
    refs = (ref,) if ref is not None else ()
    actions = []
    if added:
        actions.append(ActionRecord(action=ActionKind.IMPOSE, list=ListKind.COUNTERMEASURE, targets=refs,
                                    effective=effective, text=decision,
                                    entities=tuple(cached_key(t.zh, t.en) for t in added) if removed else ()))
    if removed:
        actions.append(ActionRecord(action=ActionKind.REMOVE, list=ListKind.COUNTERMEASURE, targets=refs,
                                    effective=effective, entities=tuple(cached_key(t.zh, t.en) for t in removed),
                                    text=decision))
    if not actions:  # instructions with nothing after them: cut there (NO_TARGETS)
        actions.append(ActionRecord(action=ActionKind.IMPOSE, list=ListKind.COUNTERMEASURE, effective=effective,
                                    text=decision))
    elif added:
        actions[0] = _with_term(actions[0], _amendment_term(lines, folded_lines, head.count("\n", 0, start), stops))
    body = "\n".join(folded_lines[: found[-1][0] + 1])
    stated = sum(c for c in counts if c is not None) if counts and None not in counts else None
    return Reading(tuple(added + removed), (), (), False, body, decision), tuple(actions), stated


# An amendment told in one sentence, the decision amended named before "所附《反制清单》": "中方决定将X、Y等2家企业增列入
# 2024年12月27日《关于…的决定》（外交部令第16号）所附《反制清单》" (additions), "…将X从…所附《反制清单》中移除" (a deletion).
PROSE_ADD_RE = re.compile(r"(?:增列|增补|补充列|列|纳)(?:入|至|进)(?P<where>[^。；;\n]{1,300}?)(?:所|后)附\s*《?\s*(?:反制|反制裁)清单")
# So too "从…（外交部令第13号）的反制清单中移除", "从2024年10月10日《关于…的决定》中移出" (session 38, mfa38: no 所附, so the sentence
# was read as a new listing of a name made of it, "汤姆·莫斯（Tom Moss）从…中移除": a false item, and the removal lost).
PROSE_REMOVE_RE = re.compile(
    r"从(?P<where>[^。；;\n]{1,300}?(?:(?:所附|后附|所列|的)\s*《?\s*(?:反制|反制裁)清单\s*》?|决定\s*》(?:\s*[(（][^()（）\n]{1,40}[)）])?))"
    r"\s*中?\s*(?:移除|移出|删除|删去|调出|剔除)")


# So too the list named first, the names after it unquoted, the verb last: "中方决定将外交部令2027年第32号后附《反制清单》中的英格丽德·鲍尔
# （Ingrid Bauer）删除" (session 52, mfa51's open B: refused as cut short). Quoted lines are DECIDED_BACK_RE's.
# The section quoted between ("…《反制清单》中的“二、人员”中的X删除", "…《反制清单》“二、人员”中的X删除": session 53, mfa52's open O4,
# refused as cut short).
PROSE_BACK_REMOVE_RE = re.compile(
    r"(?P<where>[^。；;\n]{1,300}?(?:所附|后附)\s*《?\s*(?:反制|反制裁)清单\s*》?)\s*(?:中的?\s*)?"
    r"(?:[“「\"]\s*[一二三四五六七八九十]{1,3}\s*、[^”」\"\n]{1,16}[”」\"]\s*)?中的?\s*(?P<names>[^“「\"。；;\n]{2,300}?)\s*(?:予以)?"
    r"(?:移除|移出|删除|删去|调出|剔除)")


def _prose_amendment(folded: str, text: str, own: int | None, effective: str | None, published: date | None,
                     warnings: list[str]) -> tuple[Reading, tuple[ActionRecord, ...], int | None] | None:
    """An amendment told in the decision's sentence (PROSE_ADD_RE, PROSE_REMOVE_RE): the names between the decision's
    将 and the verb (or 从), an impose or a removal whose target is the decision named before 所附; None when the text
    is none, or names no earlier decision there (session 17: refused as cut short, "refers to an annex it does not
    hold", the additions or the deletion missed)."""
    decided = _decision_match(folded, published)
    if decided is None or not decided.group().endswith("将"):
        return None
    for regex, kind in ((PROSE_ADD_RE, ActionKind.IMPOSE), (PROSE_REMOVE_RE, ActionKind.REMOVE),
                        (PROSE_BACK_REMOVE_RE, ActionKind.REMOVE)):
        back = regex is PROSE_BACK_REMOVE_RE  # the names after the list, not between 将 and the verb
        m = regex.match(folded, decided.end()) if back else regex.search(folded, decided.end())
        if m is None or folded.find("。", decided.end(), m.start()) >= 0:
            continue
        ref = _amended_ref(folded, text, m.start("where"), m.end("where"), own)
        if ref is None:
            return None
        s, e = m.span("names") if back else (decided.end(), m.start())
        groups_ = _group(text[s:e], folded[s:e], "")
        names = [t for g in groups_ for t in g.names]
        if not names:
            return None
        targets = tuple(t if t.type else Target(t.zh, t.en, _guess_type(t, (), ""), t.note) for t in _dedupe(names))
        count = next((g.count for g in groups_ if g.count is not None), None)
        if count is not None and count != len(targets):
            warnings.append(f"parsed {len(targets)} targets, the decision states {count}")
        sentence = text[max(folded.rfind("\n", 0, decided.start()) + 1, 0) : sentence_end(folded, m.end())].strip()
        keys = tuple(cached_key(t.zh, t.en) for t in targets)
        action = ActionRecord(action=kind, list=ListKind.COUNTERMEASURE, targets=(ref,), effective=effective,
                              entities=keys if kind is ActionKind.REMOVE else (), text=sentence)
        return Reading(targets, tuple(groups_), (), False, folded[: sentence_end(folded, m.end())], sentence), (
            action,), count
    return None


# An earlier decision's measures applied to targets it did not name: "中方决定将2029年3月18日外交部令第101号《…》规定的反制措施，
# 适用于红石防务系统公司新设立的子公司红石海事系统公司（…）、红石先进传感器公司（…）" (session 39, mfa39/07: read as a new listing of
# a name made of the words before 适用于, a false item, and the two subsidiaries lost). They join that decision's list.
APPLIED_TO_RE = re.compile(r"(?:规定|所列|采取)的\s*(?:全部|各项|相关)?\s*(?:反制|反制裁)?措施\s*[,，]?\s*(?:一并|同样|同时)?\s*"
                           r"(?:扩大|延伸)?适用于\s*(?P<names>[^。；;\n]{1,600})")
# Whose the targets are, before them: "红石防务系统公司新设立的子公司" (a note of each, not part of the first name).
OWNED_LEAD_RE = re.compile(r"[^、，,()（）《》]{1,60}?的(?:全资|控股)?(?:子公司|下属(?:企业|公司|机构)|关联(?:企业|公司)|分支机构)"
                           r"\s*[:：,，]?\s*(?=\S)")


def _applied_amendment(folded: str, text: str, own: int | None, effective: str | None, published: date | None,
                       warnings: list[str]) -> tuple[Reading, tuple[ActionRecord, ...], int | None] | None:
    """A decision applying an earlier decision's measures to targets it names after 适用于 (APPLIED_TO_RE): an impose of
    them whose target is that decision (named before 规定的…措施); None when the text is none, or names no earlier decision."""
    found = _in_decision_sentence(folded, published, APPLIED_TO_RE)
    if found is None:
        return None
    decided, m = found
    ref = _amended_ref(folded, text, decided.end(), m.start(), own)
    if ref is None:
        return None
    start, end = m.start("names"), m.end("names")
    lead = OWNED_LEAD_RE.match(folded, start, end)
    at = lead.end() if lead is not None else start
    groups_ = _group(text[at:end], folded[at:end], "")
    names = [t for g in groups_ for t in g.names]
    if not names:
        return None
    owner = clean_display(text[start : lead.end()].rstrip(" :：,，")) if lead is not None else None
    targets = tuple(Target(t.zh, t.en, t.type or _guess_type(t, (), ""), "，".join(filter(None, (owner, t.note))) or None)
                    for t in _dedupe(names))
    count = next((g.count for g in groups_ if g.count is not None), None)
    if count is not None and count != len(targets):
        warnings.append(f"parsed {len(targets)} targets, the decision states {count}")
    sentence = text[folded.rfind("\n", 0, decided.start()) + 1 : sentence_end(folded, end)].strip()
    action = ActionRecord(action=ActionKind.IMPOSE, list=ListKind.COUNTERMEASURE, targets=(ref,), effective=effective,
                          text=sentence)
    return Reading(targets, tuple(groups_), (), False, folded[: sentence_end(folded, end)], sentence), (action,), count


# Targets added to an earlier decision named by its title (its date or number perhaps before it), with no 所附《反制清单》:
# "中方决定将X（x）、Y（y）等2人增列入2027年2月14日《关于…的决定》，并对其采取不予签发签证…" (session 37, mfa37/10), "将后附
# 表格所列2名人员增列入2028年1月12日外交部令第80号《关于…的决定》，对其采取该决定所列反制措施" (session 38, mfa38/15): read as
# a listing, the impose named no decision, so the item did not say which decision they joined.
ADDED_TO_RE = re.compile(r"(?:增列|增补|补充列)(?:入|至|进)\s*(?P<where>[^。；;\n《》]{0,60}?《关于[^《》\n]{1,200}?决定》)")


def added_to(folded: str, text: str, own: int | None, published: date | None) -> NoticeRef | None:
    """The earlier decision the targets of a decision's own sentence are added to (ADDED_TO_RE), else None."""
    if "增" not in folded and "补充列" not in folded:
        return None
    found = _in_decision_sentence(folded, published, ADDED_TO_RE)
    return None if found is None else _amended_ref(folded, text, found[1].start("where"), found[1].end("where"), own)


def _in_decision_sentence(folded: str, published: date | None,
                          pattern: re.Pattern[str]) -> tuple[re.Match[str], re.Match[str]] | None:
    """The decision's words and ``pattern``'s first match after them, in their sentence (the targets of a decision's
    own sentence, not of one after it), else None."""
    decided = _decision_match(folded, published)
    if decided is None:
        return None
    m = pattern.search(folded, decided.end())
    if m is None or folded.find("。", decided.end(), m.start()) >= 0:
        return None
    return decided, m


# The verbs of an instruction line, anywhere in it: "…中删除“（三）X”，增加“（八）Y”。" holds two instructions.
AMEND_VERB_RE = re.compile("|".join(AMEND_VERBS))
# A count an instruction states: "增加以下2名人员：", "删除3家企业" (outside the quoted lines).
AMEND_COUNT_RE = re.compile(rf"(?<![\d第])(?P<n>{NUM})\s*[家名个位人]")
Instruction = tuple[str, str | None, list[str], int | None]  # verb, kind of its section, the lines it quotes, count


def _instructions(folded: str, line: str, m: re.Match[str]) -> list[Instruction]:
    """The instructions of one instruction line (``m``: its AMEND_LINE_RE match): each verb with the quoted lines that
    are its own (those after it, "删除“（三）X”，增加“（八）Y”", or, written before it after 中的, "将…中的“（三）X”删除"),
    the section a quoted heading before it names ("“一、企业”": organisations), else the line's, and the count it
    states. Quoted names are taken from the clean ``line`` (``folded`` is it folded: every character in its place)."""
    at = min(m.start("where"), m.start("verb"))  # AMEND_FRONT_RE: from its verb, before the list
    where = m.group("where")  # a section ("“二、高级管理人员”"), not a line it quotes (whose role may name a 公司)
    base = _type_of_words(where) if len(where) <= SECTION_MAX + 2 else None
    out: list[Instruction] = []
    pending: list[str] = []  # quoted after 中的, before its verb
    kind: str | None = base
    owner: int | None = None  # the instruction the quoted lines after a verb belong to
    pos = at
    quotes = list(QUOTED_ITEM_RE.finditer(folded, at))
    tokens = sorted([(q.start(), "q", q) for q in quotes]
                    + [(v.start(), "v", v) for v in AMEND_VERB_RE.finditer(folded, at)
                       if not any(q.start() < v.start() < q.end() for q in quotes)], key=lambda t: t[0])
    for _, what, tok in tokens:
        between = folded[pos : tok.start()]
        pos = tok.end()
        if what == "v":
            n = AMEND_COUNT_RE.search(folded, tok.end(), _next_token(tokens, tok.start(), len(folded)))
            out.append((tok.group(), kind, pending, to_int(n.group("n")) if n else None))
            pending, owner = [], len(out) - 1
            continue
        q = despace(tok.group(1))
        numbered = ENTRY_RE.match(fold(q))
        heading = q[numbered.start("first") :] if numbered else q  # "“二、高级管理人员”": a section of the list
        if len(heading) <= SECTION_MAX and SECTION_RE.match(heading):
            kind = _type_of_words(heading) or base
            continue
        if not _unnumbered_entry(q):
            continue
        if CONTAINER_AFTER_RE.match(folded, tok.end()) and _org_suffix(heading):
            continue  # "“（一）猎鹰电子战系统公司”项下的“3. X…”": the company the line is under, not a line (mfa39/08)
        item = line[tok.start(1) : tok.end(1)].strip()
        if "中的" in between or owner is None:
            pending.append(item)
            owner = None
        else:
            out[owner][2].append(item)
    if pending and out:  # "在《反制清单》中删除“一、企业”中的“（三）X”": the last verb's
        out[-1][2].extend(pending)
    return out


# After a quoted line, the words making it the place of the next: "“（一）猎鹰电子战系统公司”项下的“3. 大卫·金（…）”".
CONTAINER_AFTER_RE = re.compile(r"\s*(?:项下|下|中)的?\s*[“「\"]")
# An executive's line added with the company it is under, in one quote: "“（三）雷霆频谱防务公司 1. 詹妮弗·奥尔特加（…），女，…”"
# (session 39, mfa39/08: the company and the number kept in the person's name).
UNDER_COMPANY_RE = re.compile(r"(?P<owner>[^\s()（）,，]{2,40}?)\s+(?:\d{1,2}\s*[.．、]|[(（][一二三四五六七八九十]{1,3}[)）])\s*(?=\S)")


def _next_token(tokens: list[tuple[int, str, re.Match[str]]], after: int, end: int) -> int:
    return next((t for t, _, _ in tokens if t > after), end)


def _amended_target(item: str, kind: str | None) -> Target:
    """One line an amendment adds or deletes ("（十一）马克·米勒（Mark Miller），男，role"), numbered as in the list."""
    m = ENTRY_RE.match(fold(item))
    rest = item[m.start("first") :] if m else item
    under = UNDER_COMPANY_RE.match(rest) if " " in rest or "\u3000" in rest else None
    if under is not None and _org_suffix(under.group("owner")):  # numbered as in the company's lines ("1.")
        m, rest = ENTRY_RE.match(fold(rest[under.end("owner") :].strip())), rest[under.end() :]
    if "\t" in rest and not any(b in rest for b in "（(）)"):  # a table's row quoted, its cells parted by tabs: "3	雷霆推进系统公司	Thunderbolt Propulsion Systems Corp." (mfa44/04)
        rest = _row_cells(rest)
    zh, en, note, gendered = split_target(rest)
    t = Target(zh, en, kind or ("individual" if gendered else None), note, _entry_number(m) if m else None)
    return t if t.type else Target(zh, en, _guess_type(t, (), ""), note, t.n)


def _row_cells(row: str) -> str:
    """A table row's cells (a number, the Chinese name, the Latin one) as a line is written: "雷霆推进系统公司（Thunderbolt…）";
    the row as it is where its cells are others."""
    cells = [c.strip() for c in row.split("\t") if c.strip()]
    if cells and cells[0].isdigit():
        cells = cells[1:]
    if len(cells) == 2 and cells[1][:1].isascii() and cells[1][:1].isalpha() and not cells[0][:1].isascii():
        return f"{cells[0]}（{cells[1]}）"
    return row


def _amended_ref(folded: str, text: str, start: int, end: int, own: int | None) -> NoticeRef | None:
    """The earlier decision an amendment names in ``folded[start:end]``: by its order number (keyed when a date stands
    before it or before the title quoted before it: "2024年12月27日《…》（外交部令第16号）"; else the number as written,
    with that title, for ``storage.yearless``), else by its date and title; None when it names none."""
    for r in ORDER_REF_RE.finditer(folded, start, end):
        n = to_int(r.group("n"))
        if n is None or n == own:
            continue
        written = text[r.start() : r.end()].strip()
        title = _quoted_before(text, folded, r.start())
        day = parse_cn_date(r.group("date")) if r.group("date") else None
        if day is None and title is not None:
            day = _dated_title_before(folded, start, r.start())
        if day is not None:
            return NoticeRef(text=written, key=f"{KEY_PREFIX}-{day.year}-{n}", date=day, list=ListKind.COUNTERMEASURE,
                             title=title)
        if r.group("ry"):  # "对外交部令2032年第151号后附《反制清单》作如下修改" (session 47, mfa47/07: read as a number of no year)
            return NoticeRef(text=written, key=f"{KEY_PREFIX}-{r.group('ry')}-{n}", list=ListKind.COUNTERMEASURE, title=title)
        return NoticeRef(text=written, list=ListKind.COUNTERMEASURE, series=KEY_PREFIX, number=n, title=title)
    q = QUOTED_DECISION_RE.search(folded, start, end)
    if q is None:  # "对2025年12月26日决定所附《反制清单》作如下修改": by its date alone
        dated, _ = _dated_ref(folded, text, start, end, start)
        return dated[0] if dated else None
    day = parse_cn_date(q.group("date")) if q.group("date") else None
    return NoticeRef(text=text[q.start() : q.end()].strip(), date=day, list=ListKind.COUNTERMEASURE,
                     title=clean_display(text[q.start("title") : q.end("title")]))
