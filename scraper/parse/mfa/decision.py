"""``parse_decision``: a whole decision (order page or newer header, measures, annex) read into a ``NoticeRecord``."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from storage.names import other_names
from storage.records import ActionKind, ActionRecord, EntityRecord, ListKind, NoticeKind, NoticeRecord, NoticeRef

from ..corrections import corrected_entities, is_correction
from ..dates import DATE_RE, Stamp, effective_in, iso_to_date, parse_cn_date, until_from
from ..entities import COUNTRIES, COUNTRY_ALT, COUNTRY_IN_RE, cached_key, clean_display
from ..lazyre import lazy_compile
from ..renames import read_list_line_renames
from ..rules.checks.common import LEFT_OUT
from ..rules.named import TOTAL_LINE_RE, total_line_opens
from ..textnorm import despace, fold, simplified, to_int
from .amend import _amendment, _applied_amendment, _may_amend, _prose_amendment, added_to
from .checks import _ended, measure_line_days
from .groups import Group
from .names import Target
from .reading import (
    COUNTRY_CLAUSE_MAX,
    Reading,
    _country,
    _described,
    _effective,
    _identity,
    _named_country,
    _own_country,
    _published,
    _published_at,
    _read_targets,
    _role_country,
    _title,
    country_before,
)
from .status import _order_ref, _status_actions, counted_whole, decision_term, on_the_counted, validity_term
from .wording import (
    CJK_RE,
    COUNTRY_FIRSTS,
    ISSUER,
    NATIVE_SCRIPT_RE,
    NO_END,
    NO_TARGETS,
    ORDER_NO_RE,
    ORDER_REF_RE,
    OWN_EFFECTIVE_LINE,
    PUBLISHED_TAIL_RE,
)


def _check_counts(reading: Reading, warnings: list[str]) -> int | None:
    """The count the decision states (等3家 + 等10名), checked against the targets read, like with like:
    a count of one kind (家: organisations, 名: people) against the targets of that kind, and the targets
    of a kind no count counts ("对A公司等3家企业及其高级管理人员": the executives) added to the stated total
    as read; None when it states none. An entry's subsidiaries (``Target.branches``) are counted with it, as the
    annex numbers them ("对X及其子公司、Z等2家"), or each, should a decision count them so (never a mismatch either way)."""
    stated_groups = _restated_out([g for g in reading.groups if g.count is not None])
    if not stated_groups:
        return None
    stated = sum(g.count or 0 for g in stated_groups)
    kinds = {g.type for g in stated_groups}
    if None not in kinds:  # every count counts one kind: the targets of the others are not counted
        stated += sum(1 for t in reading.targets if t.type not in kinds)
    # A group that names its targets with no count, of a kind a count counts: "（三）对美国在台协会前理事主席X（x）及其直系亲属，
    # 不予签发签证…" after "（二）对A、B等2名高级管理人员…" (session 37, mfa37/02: 'parsed 5 targets, the decision states 4')
    # (only where every count's group names its own: a name restated after an annex's count is no other target)
    name = _written
    counted = {name(t) for g in stated_groups for t in g.names}
    typed = {name(t): t.type for t in reading.targets}  # the type read in the end (a group's may be None)
    if all(g.names for g in stated_groups):
        stated += len({name(t) for g in reading.groups if g.count is None for t in g.names
                       if name(t) not in counted and name(t) in typed and (None in kinds or typed[name(t)] in kinds)})
    total_off = stated != len(reading.targets) and stated != len(reading.targets) + _members(reading.targets)
    if total_off:
        warnings.append(f"parsed {len(reading.targets)} targets, the decision states {stated}")
    if None in kinds or not (reading.annexed and len(stated_groups) > 1):
        return stated
    types = [t.type for t in reading.targets]
    for kind in dict.fromkeys(g.type for g in stated_groups):  # in the decision's order
        have, count = types.count(kind), sum(g.count or 0 for g in stated_groups if g.type == kind)
        if have != count and have + _members([t for t in reading.targets if t.type == kind]) != count:
            if total_off:  # the store's count check says it (loud)
                warnings.append(f"parsed {have} {kind} targets, the decision states {count}")
            else:
                # "对A等3家企业和B等2名个人" over an annex of 2 companies and 3 persons: the total agrees, so the store's
                # check passes, yet a company may be missing and a person read twice, or one typed wrong; which cannot be
                # told (session 51, count51/07: a quiet warning, silently published): left out for a person to read
                warnings.append(f"parsed {have} {kind} targets, the decision states {count}, where the total agrees:"
                                f" which is missing or typed wrong cannot be told{LEFT_OUT}")
                break
    return stated


def _total_at_odds(folded: str, text: str, stated: int, bodies: int, warnings: list[str]) -> None:
    """The annex's closing line at odds with the count the decision states and the targets read agree with ("对A等3家企业"
    over 3 lines and "（以上共计4家企业）": session 51, count51/34, read silently as 3): a row may be missing and another read
    twice, which cannot be told: left out for a person (as ``rules.checks.counts_at_odds`` for MOFCOM's notices). A line
    counting (家) the companies and bodies alone (``bodies``) beside persons agrees."""
    for m in TOTAL_LINE_RE.finditer(folded):
        total = to_int(m.group("n"))
        if total and total != stated and total != bodies:
            warnings.append(f"the decision states {stated} targets and {stated} are read, where a total line says {total}"
                            f" (\"{' '.join(text[m.start() : m.end()].split())}\"): which is right cannot be told{LEFT_OUT}")
            return


def _written(t: Target) -> str:
    """A target's name as the groups and the targets both hold it."""
    return despace(t.zh or t.en or "")


def _restated_out(groups: list[Group]) -> list[Group]:
    """The counted groups without one that names no one and states, of one kind, the count the groups naming that
    kind state together: the decision's opening "中方决定对参与上述军售的二十四家美国军工企业采取以下反制措施：" before
    "一、对A、B、C等24家后附《反制清单》列明的企业，冻结…" counts the same companies twice (session 20, mfa20: "states 48")."""
    named = [g for g in groups if g.names]
    if named and len(named) != len(groups):
        groups = [g for g in groups if g.names or g.type is None
                  or sum(n.count or 0 for n in named if n.type == g.type) != g.count]
    # So too an opening that counts, of one kind, what the measures after it count again naming no one: "…决定对参与
    # 对台军售的2家美国企业及2名高级管理人员采取反制措施：" before "二、对后附《反制清单》列明的2名高级管理人员，…"
    # (pages28/11: "states 6" for 4 read right).
    return [g for i, g in enumerate(groups) if g.names or g.type is None
            or sum(n.count or 0 for n in groups[i + 1 :] if n.type == g.type) != g.count]


def _members(targets: tuple[Target, ...] | list[Target]) -> int:
    """The subsidiaries listed under the targets' entries."""
    return sum(len(t.branches) for t in targets)


def _removal_word(folded: str) -> bool:
    """Whether ``folded`` holds a word of PROSE_REMOVE_RE's verbs (its cheap gate)."""
    return "移" in folded or "删" in folded or "调出" in folded or "剔除" in folded


def _own_order(folded: str, first: re.Match[str] | None) -> re.Match[str] | None:
    """The decree's own number: the first ORDER_NO_RE match (``first``), unless a later line opens with the decree's own
    publication bracket ("（2031年10月10日中华人民共和国外交部令第150号公布，…）") after a title naming another decree
    ("关于修订外交部令第144号所附《反制清单》的决定": session 40, mfa40/11, keyed as No. 144, an alias conflict)."""
    if first is None or (tail := PUBLISHED_TAIL_RE.search(folded, first.end())) is None:
        return first
    own = folded[folded.rfind("\n", 0, first.start()) + 1 : first.start()]
    if "关于" not in own or own.lstrip().startswith("("):  # the first is in no title: its own line (or another decree's)
        return first
    line = folded.rfind("\n", 0, tail.start()) + 1
    if not folded[line : tail.start()].lstrip().startswith("("):
        return first
    return ORDER_NO_RE.search(folded, tail.start()) or first


def _name_correction(text: str, folded: str, title: str | None,
                     own: int | None) -> tuple[tuple[EntityRecord, ...], NoticeRef] | None:
    """A decision correcting names in one earlier decree ("…外交部令第140号…中的“埃莱娜·博德罗（Hélène Bédard-Côté）”，更正为
    “埃莱娜·贝达尔-科泰（Hélène Bédard-Côté）”"): the corrected names, each keyed as first written
    (``corrections.corrected_entities``), and that decree; None unless its title says it corrects (更正), every
    correction is one pair of names and it names one other decree."""
    if not is_correction(title or text.lstrip().split("\n", 1)[0]):  # (a text's title is its first line)
        return None
    fixed = corrected_entities(text)
    if not fixed:
        return None
    refs: dict[int, NoticeRef] = {}  # by number: the title's "外交部令第140号" is the text's dated one
    for r in ORDER_REF_RE.finditer(folded):
        n = to_int(r.group("n"))
        if n is not None and n != own:
            ref = _order_ref(r, n, folded, text, max(folded.rfind("\n", 0, r.start()), 0))
            if n not in refs or refs[n].key is None:
                refs[n] = ref
    return (fixed, next(iter(refs.values()))) if len(refs) == 1 else None


# The day the measures start, when the decision's sentence names one between 决定 and its object: "中方决定，自2039年1月1日起，
# 对X（x）采取以下反制措施" under "（…公布，自公布之日起施行）" (session 44, mfa44/06: read from the publication day, a false "in force"
# ten months early, silently). Only a later day than the decree's own: "决定自即日起对…" under a later 施行 day keeps that day.
MEASURES_FROM_RE = re.compile(r"决定\s*[，,]?\s*(?P<when>(?:自|从)[^。；;\n对采冻禁]{1,30}?起)")
# So too a sentence of its own after the measures ("上述反制措施自2039年1月1日起实施"), and a day every numbered measure opens with
# ("一、自2039年1月1日起，冻结…；\n二、自2039年1月1日起，禁止…") (session 44 probes: both in force from publication, silently;
# numbered measures opening with different days, or some with none, are held: checks.days_apart).
MEASURES_TAKE_EFFECT_RE = re.compile(r"措施\s*(?:均|将|一律)?\s*(?P<when>(?:自|从)[^。；;\n起]{1,30}?起)\s*(?:实施|执行|生效|施行)")


# Or a day told with no 起 between 决定 and its object: "中方决定于2045年7月1日对X（x）采取…", "中方决定于2045年7月1日将X增列入…"
# (session 51, probes of mfa51/25: in force from the decree's own day, a month early, silently); after a comma too, and with
# 将 ("中方决定，在2029年3月1日对X…", "中方决定，将于…对X…": session 58, perf58: the gate of six words lacked "决定,在", "决定,自",
# "决定,从" and every blank the pattern allows, so those were read from the decree's day, silently). The gate is 决定 alone:
# the pattern opens with it (sre scans for it at once), and only an MFA decision's sentence is searched.
DECIDED_ON_GATE = "决定"  # what every DECIDED_ON_RE match holds
DECIDED_ON_RE = re.compile(rf"决定\s*[，,]?\s*(?:将\s*)?(?:于|在|自|从)\s*(?P<date>{DATE_RE.pattern})\s*(?:开始)?\s*[，,]?\s*(?:对|将)")


def _decided_on(folded: str, effective: str | None) -> str | None:
    """The later day DECIDED_ON_RE finds in ``folded`` (the decision's sentence), else ``effective``."""
    m = DECIDED_ON_RE.search(folded) if effective is not None and DECIDED_ON_GATE in folded else None
    day = parse_cn_date(m.group("date")) if m is not None else None
    return day.isoformat() if day is not None and effective is not None and day.isoformat() > effective[:10] else effective


def _measures_start(reading: Reading, published: date | None, effective: str | None) -> str | None:
    """The impose's effective day: a later day the decision's sentence gives its measures (MEASURES_FROM_RE), a sentence of
    its own (MEASURES_TAKE_EFFECT_RE) or every numbered measure line, else ``effective`` (the decree's own)."""
    if effective is None or "起" not in reading.body:
        return effective
    m = MEASURES_FROM_RE.search(fold(reading.decision)) if "起" in reading.decision else None
    day = effective_in(m.group("when"), published) if m is not None else None
    body = reading.body[: reading.body.find(OWN_EFFECTIVE_LINE)] if OWN_EFFECTIVE_LINE in reading.body else reading.body
    if day is None and ("起实施" in body or "起执行" in body or "起生效" in body or "起施行" in body):
        told = MEASURES_TAKE_EFFECT_RE.search(body)
        day = effective_in(told.group("when"), published) if told is not None else None
    if day is None and ("、自" in body or "、从" in body):  # a numbered line opening with a day
        days = set(measure_line_days(body, published))
        day = days.pop() if len(days) == 1 else None
    if day is None:
        return _decided_on(fold(reading.decision), effective)
    return day if day[:10] > effective[:10] else effective


def _countries(title: str) -> frozenset[str]:
    """The countries a title names, when it names more than one ("关于对美国、加拿大、德国有关企业…"), else none."""
    found = frozenset(COUNTRIES[m.group(0)] for m in COUNTRY_IN_RE.finditer(title))
    return found if len(found) > 1 else frozenset()


def _leading_country(t: Target, several: frozenset[str], folded: str) -> str | None:
    """The country an organisation's Chinese name opens with, one of the several its decision's title names: "美国鹰眼雷达
    公司、加拿大北极光电子公司、德国莱茵…" under "关于对美国、加拿大、德国有关企业…" (session 45, mfa45/19: every one took the
    title's first country, US); the name keeps it, as written. (Under a title of one country a place in a name is no
    country of its own: "香港监察" of "关于对英国有关组织…".)"""
    zh = t.zh
    if not several or not zh or len(zh) < 5 or t.type != "organization" or "·" in zh:
        return None
    m = COUNTRY_IN_RE.match(zh) if zh[:1] in COUNTRY_FIRSTS else None
    code = COUNTRIES[m.group(0)] if m is not None and len(zh) - m.end() >= 3 else _lead_before(folded, zh)
    return code if code in several and code not in PLACES_NAMED else None


def _aliases(en: str | None, note: str | None) -> tuple[str, ...]:
    """The other names of a target: those its note gives after an alias word (``other_names``), and its name in its own
    script, which the bracket gave before the Latin ("金泰勋（김태훈，Kim Tae-hoon）": the note opens "김태훈"). An officer
    screens by the name they have: "김태훈" found no one (session 45's open B; session 46). The key stays the Latin's."""
    found = other_names(en, note)
    if not note or NATIVE_SCRIPT_RE.search(note) is None:
        return found
    native = tuple(piece for part in note.replace(",", "，").split("，")
                   if (piece := part.strip()) and NATIVE_SCRIPT_RE.search(piece) and not CJK_RE.search(piece))
    return tuple(dict.fromkeys((*found, *native)))


def _in_gb2312(zh: str) -> bool:
    try:
        zh.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _simplified_names(actions: tuple[ActionRecord, ...], reading: Reading) -> tuple[tuple[ActionRecord, ...], Reading]:
    """A step's targets named in Chinese alone with a traditional character in simplified script, as the decrees list
    them: "解除外交部令2029年第74号对陳建宏采取的反制措施" lifts 陈建宏 (session 47, mfa47/30: "entities 陳建宏 are not on
    MFA-ORDER-2029-74", the lift unresolved). Asked only of a name outside GB2312 (no traditional character is in it)."""
    changed = {}
    for t in reading.targets:
        if t.zh and not t.en and not _in_gb2312(t.zh) and (zh := simplified(t.zh)) != t.zh:
            changed[cached_key(t.zh, None)] = (t.zh, zh)
    if not changed:
        return actions, reading
    names = {old: new for old, new in changed.values()}
    targets = tuple(replace(t, zh=names[t.zh]) if not t.en and t.zh in names else t for t in reading.targets)
    keys = {k: cached_key(zh, None) for k, (_, zh) in changed.items()}
    return tuple(replace(a, entities=tuple(keys.get(k, k) for k in a.entities)) for a in actions), replace(
        reading, targets=targets)


def _unregioned(t: Target) -> Target:
    """A person's name without the region written before it, kept as the note: "对台湾地区黄淑芬（Huang Shu-fen）、…" names
    黄淑芬 (session 47: "台湾地区黄淑芬" was her Chinese name). Only where the English keys the person (the key stays)."""
    if t.type != "individual" or not t.en or not t.zh or (code := _region_marked(t.zh)) is None:
        return t
    mark = next(m for m, c in REGION_MARKS if c == code and t.zh.startswith(m))
    return replace(t, zh=t.zh[len(mark) :], note="，".join(filter(None, (mark, t.note))))


def _each_opens_with(targets: tuple[Target, ...], folded: str) -> frozenset[str]:
    """The countries the organisations' Chinese names open with, when every one of two or more opens with one and they
    are not all one: "美国鹰岭无人系统公司、美国蓝海雷达公司和英国温莎光电有限公司" under "关于对美国军工企业…" (session 46,
    mfa46/14, session 45's open B: the UK company took the title's US); or the name alone with a country before a mention of
    it in ``folded`` (``_lead_before``: an annex's name, the decision's mention with the country). A name of one country's company alone, or beside
    names with none ("英国宇航系统公司" among US firms), is no country of its own: none."""
    orgs = [t.zh or "" for t in targets if t.type == "organization"]
    if len(orgs) < 2:
        return frozenset()
    codes = set()
    for zh in orgs:
        m = COUNTRY_IN_RE.match(zh) if zh[:1] in COUNTRY_FIRSTS else None
        code = COUNTRIES[m.group(0)] if m is not None and len(zh) - m.end() >= 3 else _lead_before(folded, zh)
        if code is None:
            return frozenset()
        codes.add(code)
    return frozenset(codes) if len(codes) > 1 else frozenset()


# A country written right before an organisation's name where the decision tells of it, its annex giving the name alone:
# "对美国天穹防务公司（…）、英国北海雷达有限公司（…）、德国莱茵光电股份公司（…）等3家后附《反制清单》列明的企业" over annex lines
# "（二）北海雷达有限公司（North Sea Radar Ltd.）" (session 53, mfa53/01's probe: all three the title's US, silently).
LEAD_COUNTRY_RE = lazy_compile(rf"(?P<c>{COUNTRY_ALT})\s*$")
LEAD_COUNTRY_MAX = 12  # the longest country's name and a blank
LEAD_COUNTRY_MIN = 3  # a shorter name is found inside other words


def _lead_before(folded: str, zh: str) -> str | None:
    """The country written right before the first mention of ``zh`` in ``folded`` that has one (LEAD_COUNTRY_RE)."""
    return country_before(folded, zh, LEAD_COUNTRY_RE, LEAD_COUNTRY_MAX, LEAD_COUNTRY_MIN)


# Regions a name opens with as what it is about, not where it is from: "台湾战略研究会" (a Japanese body, mfa40/03), "香港监察".
PLACES_NAMED = frozenset(("TW", "HK", "MO"))
# A region's own words at a name's start say where it is from: "美国铁砧导弹系统公司（…）、红杉雷达公司（…）以及台湾地区海峡无人机股份
# 有限公司（…）" under "关于对美国军工企业…" (session 47, mfa47/10; mfa46's open B: the Taiwan company showed the title's US, a false
# country). "台湾战略研究会" (no 地区) stays what it is about.
REGION_MARKS = (("中国台湾地区", "TW"), ("台湾地区", "TW"), ("中国香港特别行政区", "HK"), ("香港特别行政区", "HK"),
                ("中国澳门特别行政区", "MO"), ("澳门特别行政区", "MO"))


def _region_marked(zh: str | None) -> str | None:
    """The region a Chinese name opens with in its own words (REGION_MARKS), a name after them; else None."""
    if not zh or zh[:1] not in "中台香澳":
        return None
    return next((code for mark, code in REGION_MARKS if zh.startswith(mark) and len(zh) - len(mark) >= 2), None)


def _entity_country(t: Target, folded: str, country: str | None, several: frozenset[str]) -> str | None:
    """A target's country: its note's, its own, its name's region or leading country, else the title's (``country``),
    else the one written before its name. Under a title of several countries a person's own mention comes before the
    title's first: "关于对立陶宛议会议员和澳大利亚参议员…" names "澳大利亚参议员戴维·哈里森" (session 52, mfa52/18: LT, the title's
    first, a false country, silently)."""
    own = (_own_country(t.note) if t.note and ("，" in t.note or len(t.note) <= COUNTRY_CLAUSE_MAX) else None)
    found = own or t.country or _region_marked(t.zh) or _leading_country(t, several, folded)
    if found is not None:
        return found
    person = t.type == "individual"
    if person and (named := _named_country(folded, t.zh)) is not None:
        return named  # "澳大利亚参议员戴维·哈里森" under "关于对立陶宛议会议员等…" too
    if person and several and (role := _role_country(folded, t.zh, t.note)) in several:
        return role
    return (country or _named_country(folded, t.zh)
            or (_role_country(folded, t.zh, t.note) if person else None))


def parse_decision(text: str, title_hint: str | None = None, pub: Stamp | None = None,
                   url: str | None = None, folded: str | None = None,
                   lines: tuple[list[str], list[str]] | None = None) -> NoticeRecord:
    """One decision's clean text -> a NoticeRecord (key ``MFA-ORDER-<year>-<N>``), with a warning
    for every check that fails: stated counts, names missing from the annex, no number or date.
    ``folded`` is ``fold(text)`` and ``lines`` the lines of both when the caller has them."""
    folded = fold(text) if folded is None else folded
    text_lines, folded_lines = (text.split("\n"), folded.split("\n")) if lines is None else lines
    warnings: list[str] = []
    order = _own_order(folded, ORDER_NO_RE.search(folded))
    published = _published(folded, folded_lines, order, pub)
    if published is None:
        warnings.append("no publication date found")
    title = _title(text, title_hint)
    key, number = _identity(text, order, published, title, warnings)
    effective = _effective(folded, published, warnings)
    own = to_int(order.group("n")) if order else None
    if "更名" in folded:  # "鉴于A已更名为B，将《反制清单》中的“A”修改为“B”": a rename of a listed entity, no other step
        renamed = read_list_line_renames(folded)
        if renamed.records and renamed.whole:
            return NoticeRecord(
                key=key, kind=NoticeKind.MFA_ORDER, number=number, issuer=ISSUER, title=title, published=published,
                published_at=_published_at(folded_lines, published, pub), effective=effective,
                list=ListKind.COUNTERMEASURE, actions=(), renamed=renamed.records, warnings=tuple(warnings), url=url,
                text=text)
    if "更正" in folded and (fixed := _name_correction(text, folded, title, own)) is not None:
        # "关于更正外交部令第140号中有关人员姓名的决定": the corrected names of the earlier decree's entities, no step of its own
        # (session 41, mfa40/10: refused as cut short, "names no target"); the engine renames them on that decree's list
        entities, ref = fixed
        return NoticeRecord(  # its title says it corrects: the engine's mark of a correction (``corrects_names``)
            key=key, kind=NoticeKind.MFA_ORDER, number=number, issuer=ISSUER,
            title=title or clean_display(text.lstrip().split("\n", 1)[0]), published=published,
            published_at=_published_at(folded_lines, published, pub), effective=effective,
            list=ListKind.COUNTERMEASURE, actions=(), entities=entities, references=(ref,), warnings=tuple(warnings),
            url=url, text=text)
    amended = _amended(text_lines, folded_lines, folded, text, own, effective, published, warnings)
    if amended is not None:  # it adds to or removes from an earlier decision's list
        reading, actions, stated = amended
    else:
        reading, actions, stated = _own_steps(text, text_lines, folded, folded_lines, own, effective, published,
                                              warnings)
    if not reading.targets and not (actions[0].targets or actions[-1].targets):
        warnings.append(NO_TARGETS)
    elif not _ended(folded, reading.body):
        warnings.append(NO_END)
    entities = _entities(reading, folded, title)
    return NoticeRecord(
        key=key, kind=NoticeKind.MFA_ORDER, number=number, issuer=ISSUER, title=title, published=published,
        published_at=_published_at(folded_lines, published, pub), effective=effective,
        list=ListKind.COUNTERMEASURE, actions=actions, entities=entities, stated_count=stated,
        warnings=tuple(warnings), url=url, text=text,
    )


def _amended(text_lines: list[str], folded_lines: list[str], folded: str, text: str, own: int | None,
             effective: str | None, published: date | None,
             warnings: list[str]) -> tuple[Reading, tuple[ActionRecord, ...], int | None] | None:
    """What a decision adding to or removing from an earlier decision's list reads (its reading, its steps, the count it
    states), told as an amendment of that list, in prose ("所附《反制清单》") or as its measures applied to more; None: it
    amends no earlier list."""
    amended = (_amendment(text_lines, folded_lines, folded, text, own, effective, warnings)
               if _may_amend(folded) else None)
    if amended is None and ("所附" in folded or "后附" in folded and ("增" in folded or _removal_word(folded))
                            or "从" in folded and _removal_word(folded)):  # "将X增列入…（外交部令第16号）所附《反制清单》", "将X从…所附《反制清单》中移除"
        amended = _prose_amendment(folded, text, own, _decided_on(folded, effective), published, warnings)
    if amended is None and "适用于" in folded:  # "将…第101号《…》规定的反制措施，适用于X、Y": they join that decision's list
        amended = _applied_amendment(folded, text, own, effective, published, warnings)
    return amended


def _own_steps(text: str, text_lines: list[str], folded: str, folded_lines: list[str], own: int | None,
               effective: str | None, published: date | None,
               warnings: list[str], counted: bool = True) -> tuple[Reading, tuple[ActionRecord, ...], int | None]:
    """What a decision of its own reads (its reading, its steps, the count it states, checked against the names read):
    a listing of the names it reads, or a step on earlier countermeasures (the orders or the targets it names; with
    ``counted``, a whole decree by the count of its targets, ``status.counted_whole``)."""
    kept = list(warnings)
    reading = _read_targets(text_lines, folded, folded_lines, warnings, published)
    whole = counted_whole(reading, folded, own) if counted and reading.status is not None else None
    if whole is not None:  # "…第318号对A等十二家企业采取的反制措施": the decree whole, its count the engine's to check
        reading = replace(reading, targets=(), groups=())
    stated = _check_counts(reading, warnings)
    if stated is not None and stated == len(reading.targets) and total_line_opens(folded):
        _total_at_odds(folded, text, stated, sum(t.type != "individual" for t in reading.targets), warnings)
    if stated is None and reading.unlisted:  # no number, but names: an annex cut after its first lines lacks some
        stated = len(reading.targets) + reading.unlisted
    if reading.status is None:
        start = _measures_start(reading, published, effective)
        term = decision_term(reading.decision) or validity_term(reading.body)
        until = until_from(term, iso_to_date(start) or published) if term else None
        joined = added_to(folded, text, own, published)  # "将X增列入2027年2月14日《…的决定》": that decision's
        actions: tuple[ActionRecord, ...] = (ActionRecord(action=ActionKind.IMPOSE, list=ListKind.COUNTERMEASURE,
                                                           effective=start, until=until,
                                                           duration=term if until else None, text=reading.decision,
                                                           measures=reading.measures,
                                                           targets=(joined,) if joined is not None else ()),)
    else:  # it acts on earlier countermeasures: the orders it names, or the targets it names
        actions, reading = _status_actions(reading, folded, text, own, effective, published)
        if whole is not None:
            if (on_whole := on_the_counted(actions, whole)) is None:  # not one step on the decree: read as its names say
                warnings[:] = kept
                return _own_steps(text, text_lines, folded, folded_lines, own, effective, published, warnings, False)
            actions = on_whole
        actions, reading = _simplified_names(actions, reading)
    return reading, actions, stated


def _entities(reading: Reading, folded: str, title: str | None) -> tuple[EntityRecord, ...]:
    """The entities a decision reads, each with its country (``_entity_country``): where a name says none, the one its
    title, its groups' headings or its decision's words name, or of a title naming several, the one the name opens with."""
    country = _country([fold(title or "")] + [fold(g.text) for g in reading.groups if not g.names]
                       + _described(fold(reading.decision)))
    several = _countries(fold(title or "")) if country is not None else frozenset()
    if country is not None and not several:
        several = _each_opens_with(reading.targets, folded)
    return tuple(
        EntityRecord(zh=_unregioned(t).zh, en=t.en, country=_entity_country(t, folded, country, several),
                     key=cached_key(t.zh, t.en), n=t.n, branches=t.branches, type=t.type, note=_unregioned(t).note,
                     aliases=_aliases(t.en, t.note))
        for t in reading.targets
    )
