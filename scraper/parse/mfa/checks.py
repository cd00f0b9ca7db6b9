"""What a parse cannot vouch for and a person must read: a decision read only in part, one measure lifted and the
others kept, sanctions announced without an order, a decision cut short."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from storage.records import ActionKind, NoticeKind, NoticeRecord

from ..actions import sentence_end
from ..dates import effective_in, make_date
from ..entities import COUNTRY_ALT
from ..lazyre import lazy_compile
from ..textnorm import MD, NUM, YEAR, despace, fold, holds_any, marked, to_int
from .groups import STATUS_VERB_RE, _dated_before, _decision_match, doubtful_verb_first
from .names import SCOPE_TAIL_RE
from .status import PER_MEASURE_UNREAD, mixed_measures, sets_suspension
from .wording import (
    CUT_ENTRY,
    EMPTY_SECTION,
    ISSUER,
    NO_ANNEX,
    NO_END,
    NO_MEMBERS,
    NO_TARGETS,
    ORDER_REF_RE,
    OWN_EFFECTIVE_LINE,
    QUOTED_DECISION_RE,
    STATUS_DECISION_RE,
    STATUS_KINDS,
    STATUS_VERB,
    by_way_of,
)

# A decree's text folded and its decision found once for the checks below that each asked them again (three folds and
# three searches of one decree's decision, ~11,500 instructions a page of verb_first_unread alone; perf45): both pure,
# so the same answers. A few texts kept: the page's own, and what its readers ask of others.
_folded = lru_cache(maxsize=4)(fold)
_decision = lru_cache(maxsize=4)(_decision_match)  # (of the folded text alone, no publication day)


def _ended(folded: str, body: str) -> bool:
    """Whether the text goes on past the decision: a line of its own (本决定…) after the decision, or
    the signature line (外交部). ``body`` is the folded text before the annex, the decision in it."""
    decided = _decision_match(body)
    at = decided.start() if decided is not None else 0
    if OWN_EFFECTIVE_LINE in folded[at:]:
        return True
    return any(despace(line) == ISSUER for line in folded[at:].split("\n"))


# A lift of one measure of a decision's, the others kept: "解除…对X采取的冻结财产措施。该决定规定的…等其他反制措施继续有效"
# (session 18, mfa18: read as a lift of X's listing, a false "lifted" item for someone still under the other measures).
# Where the measure is named as the verb's object (``named_measures``) it is read as ``lift_measure`` (session 20: an item
# saying which measure ends, the listing's state kept); a lift read whole while the text keeps other measures, or a
# suspension, extension or restoration of some measures only (the model holds no state per measure), is for a person.
ONE_MEASURE_RE = re.compile(r"(?:停止|解除|取消|终止)[^。；;\n]{0,240}?(?:采取|实施)的?\s*(?:冻结|财产冻结|禁止|不予签发|不准入境|入境)"
                            r"[^。；;\n]{0,16}?措施")
# A lift of what the family members of listed persons are under, the persons not named as its object: "解除外交部令第86号所列人员
# 的直系亲属不予签发签证、不准入境的反制措施" (session 38, mfa38: read as a lift of all of No. 86, false "lifted" items for four
# persons still under every measure). "X及其直系亲属", "其本人及直系亲属" name the persons too, as do "X（x）和直系亲属", "X（x）
# 本人与直系亲属" (review39: held as family only); not "…人员的配偶和直系亲属".
FAMILY_ONLY_RE = re.compile(r"(?:停止|解除|取消|终止)[^。；;\n]{0,240}?(?<![其及])(?<![)）][和与])(?<!本人[和与])直系亲属")
# A lift with an exception in its own sentence: "停止实施外交部令第86号所列反制措施，但对X（x）采取的反制措施继续有效" (read as a lift of
# X alone: a false "lifted" for X, the others' lifts lost), "除X（x）外，停止对…所列其他人员采取的反制措施" (read as a lift of all of
# No. 86, X too) (session 38, mfa38). No state is held for "all but": for a person. Not the 除 of a verb: 解除, 删除, 移除 ("将X从…
# 中移除，该公司在境外…" was held as an exception: review39).
EXCEPT_RE = re.compile(r"(?<![解删免废排拆清剔扣消去根移撤开])除了?[^。；;\n]{1,120}?(?:外(?![交国方资商事籍])|以外)|但[^。；;\n]{0,160}?(?:继续有效|继续实施|继续执行|仍然有效|(?<!解)除外|不在此列|不包括)")
EXCEPT_UNREAD = frozenset((ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.RESTORE, ActionKind.REMOVE))
OTHERS_KEPT_RE = re.compile(r"其他[^。；;\n]{0,40}?措施[^。；;\n]{0,8}?继续(?:有效|执行|实施)")


def one_measure_lifted(record: NoticeRecord, text: str) -> str | None:
    """Why a decision that lifts one measure and keeps the others must be read by a person (ONE_MEASURE_RE and
    OTHERS_KEPT_RE), else None."""
    if record.kind is not NoticeKind.MFA_ORDER and record.kind is not NoticeKind.ORDER:
        return None
    if ("、自" in text or "、从" in text) and (apart := days_apart(record, text)) is not None:  # a line opening with a day
        return apart
    if record.kind is NoticeKind.MFA_ORDER and record.actions and all(a.action is ActionKind.IMPOSE for a in record.actions) \
            and holds_any(text, PART_DAY_MARKED) and (parts := part_days_apart(record, text)) is not None:
        return parts
    if any(a.action is not ActionKind.IMPOSE and not a.targets for a in record.actions) and (
            prior := prior_decree_unread(record, text)) is not None:
        return prior
    if any(a.measures and a.action in PER_MEASURE_UNREAD for a in record.actions):
        return "the decision changes some measures of an earlier decision and not the others (no state per measure)"
    if any(a.action is ActionKind.LIFT_MEASURE and mixed_measures(a) for a in record.actions):
        return "the decision lifts different measures for different targets"
    if "直系亲属" in text and any(a.action in (ActionKind.LIFT, ActionKind.LIFT_MEASURE) for a in record.actions) and (
            FAMILY_ONLY_RE.search(fold(text)) is not None):
        return "the decision lifts measures on family members only (the persons listed keep theirs)"
    if ("除" in text or "但" in text) and any(a.action in (ActionKind.LIFT, ActionKind.LIFT_MEASURE) and (
            EXCEPT_RE.search(fold(a.text)) is not None) for a in record.actions):
        return "the decision lifts all but some targets (the exception is not read)"
    # So too a suspension or a restoration: "暂停实施…第101号所列反制措施，为期一年，但不包括X（x）", "除X（x）外，…暂停实施…", "恢复实施…
    # 所列反制措施，但对X（x）的暂停继续有效" (session 39, mfa39 probes 25-27: all of No. 101 suspended, X too, silently; the restore
    # read as one of a name made of the clause)
    if ("除" in text or "但" in text) and any(a.action in EXCEPT_UNREAD and EXCEPT_RE.search(fold(a.text)) is not None
                                             for a in record.actions):
        return "the decision suspends, extends or restores all but some targets (the exception is not read)"
    if holds_any(text, KEPT_MARKED) and (kept := _kept_after_comma(record)) is not None:
        return kept
    if holds_any(text, KEPT_MARKED) and (apart := _kept_apart(record, fold(text))) is not None:
        return apart
    if (named := _whole_then_named(record, text)) is not None:
        return named
    if (pronoun := _pronoun_object(record)) is not None:
        return pronoun
    if (more := _named_and_more(record)) is not None:
        return more
    if not any(a.action is ActionKind.LIFT for a in record.actions):
        return None
    if "其他" not in text or "继续" not in text:
        return None
    folded = fold(text)
    if OTHERS_KEPT_RE.search(folded) is None or ONE_MEASURE_RE.search(folded) is None:
        return None
    return "the decision lifts one measure and keeps the others (no listing ends)"


# A numbered line of a decision's measures and the day it opens with, if any: "一、自2039年1月1日起，冻结…" (session 44 probes).
MEASURE_LINE_RE = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}\s*、(?:\s*(?P<when>(?:自|从)[^。；;\n，,起]{1,30}?起))?",
                             re.MULTILINE)


def measure_line_days(body: str, published: date | None) -> list[str | None]:
    """The day each numbered line of ``body`` (before the annex and 本决定…施行) opens with ("一、自2039年1月1日起，…"),
    None for a line opening with none."""
    return [effective_in(m.group("when"), published) if m.group("when") else None for m in MEASURE_LINE_RE.finditer(body)]


def days_apart(record: NoticeRecord, text: str) -> str | None:
    """Why a new listing whose numbered measures open with different days ("一、对X…冻结…；\n二、自2039年1月1日起，对Y不予签发
    签证…", or each its own day) must be read by a person: one day per listing is read (session 44 probe: Y in force from
    publication, silently); else None. Every line opening with one same day is read as the listing's day."""
    if record.kind is not NoticeKind.MFA_ORDER or not record.actions or any(a.action is not ActionKind.IMPOSE
                                                                            for a in record.actions):
        return None
    end = min((at for at in (text.find(OWN_EFFECTIVE_LINE), text.find("\n附件")) if at >= 0), default=len(text))
    own = record.effective or ""
    # a line's day no later than the decree's own ("一、自即日起，冻结…") is the decree's: no day of its own
    days = [day if day and day[:10] > own[:10] else None for day in measure_line_days(text[:end], record.published)]
    if any(days) and len(set(days)) > 1:
        return "the decision's numbered measures start on different days (one day per listing is read)"
    return None


# A day given to one part of a new listing: "本决定第一项自公布之日起施行，第二项自2028年7月1日起施行", "…，其中第一项自公布之日
# 起施行", "对海神声呐公司的反制措施自公布之日起实施；对北海防务咨询公司的反制措施自2028年9月1日起实施" (session 45, mfa45/13, 14,
# 27: every target in force from one day, the person or company the later day was for in force weeks early, silently).
# (Probes after the fix: "其中，对X的不予签发签证、不准入境措施自…起实施" (a measure named, no 的 before 措施), "第二项措施于…起施行".)
# (probe45: "第一项规定的措施自…", "第一项所列措施自…", "第二项，自…", "对X的反制措施，自…起实施" (a comma) and "自…起，对X实施上述反制
# 措施" (the day first, the measures told before: not "中方决定，自2039年1月1日起，对X采取…", the whole listing's day, mfa44/06)
# slipped past, all in force from publication; a part day alone ("其中，对X的反制措施自2028年9月1日起执行" beside a header "自公布之日起施行") gave every
# target the part's day: a part (an item, or told after 其中) is compared with every start the decision writes.)
PART_DAY_RE = re.compile(r"(?:第\s*[一二三四五六七八九十\d]{1,3}\s*项(?:(?:规定|所列|列明)?的?\s*(?:反制)?措施)?|对[^。；;\n]{1,80}?措施)"
                         r"\s*,?\s*(?:均|将|一律)?(?P<when>(?:自|从|于)[^。；;\n起]{1,30}?起)\s*(?:施行|实施|执行|生效)"
                         r"|(?P<first>(?:自|从)[^。；;\n起,]{1,30}?起)\s*,?\s*对[^。；;\n]{1,80}?(?:实施|执行|适用)\s*"
                         r"(?:上述|前述|以上|本决定(?:规定|所列)?的)")
PART_DAY_WORDS = ("项自", "项从", "项于", "项，", "项,", "措施自", "措施从", "措施于", "措施均", "措施将", "措施一律", "措施，",
                  "措施,", "实施上述", "实施前述", "实施以上", "实施本决定", "执行上述", "适用上述")  # one is in every match
PART_DAY_MARKED = marked(PART_DAY_WORDS)  # (``textnorm.holds_any``)
# every start the decision writes ("（…公布，自公布之日起施行）", "本决定自…起施行"), which a part's day is compared with
ANY_START_RE = re.compile(r"(?:自|从|于)[^。；;\n起]{1,30}?起\s*,?\s*(?:施行|实施|执行|生效)")


def part_days_apart(record: NoticeRecord, text: str) -> str | None:
    """Why a new listing that gives one part of it a day of its own (PART_DAY_RE) must be read by a person: its days
    differ from each other, from the listing's or (an item's, or one after 其中) from any start the decision writes (one
    day per listing is read); else None."""
    if record.kind is not NoticeKind.MFA_ORDER or not record.actions or any(a.action is not ActionKind.IMPOSE
                                                                            for a in record.actions):
        return None
    end = text.find("\n附件")
    folded = fold(text[: end if end >= 0 else len(text)])
    days: set[str] = set()
    part = False  # an item's day, or one told after 其中: a part of the listing, whatever the listing's own day
    for m in PART_DAY_RE.finditer(folded):
        if (day := effective_in(m.group("when") or m.group("first"), record.published)) is not None:
            days.add(day[:10])
            part = part or m.group(0).startswith("第") or m.group("first") is not None \
                or folded.find("其中", max(0, m.start() - 4), m.start() + 1) >= 0
    if not days:
        return None
    days |= {(a.effective or "")[:10] for a in record.actions}
    if part:
        days |= {day[:10] for m in ANY_START_RE.finditer(folded) if (day := effective_in(m.group(0), record.published)) is not None}
    if len(days) > 1:
        return "the decision gives parts of its measures or targets different start days (one day per listing is read)"
    return None


# A step whose object is an earlier decree named by a word pointing back: "…解除前述决定对金泰勋采取的反制措施", "暂停实施上述决定对X…"
# (session 45, mfa45/06, 22, 26, 28: no decree read, so the step reached the named person on every decree listing him, a
# false "Lifted" on the others, silently). Which decree the word points to is for a person.
# Any decision or order so named, not by a title or a number: "解除前次决定对X…", "停止实施有关决定中对X…" (probes after the fix).
# (probe45: "外交部令〔2027〕第42号", "2027年5月20日外交部决定", "外交部2027年5月20日发布的有关决定" slipped past: a number read by
# no reference, or more than 12 characters before 决定; each lift reached every decree listing the person, silently.)
PRIOR_DECREE_RE = re.compile(rf"{STATUS_VERB}\s*(?P<what>[^《》“”。；;\n对]{{0,30}}?(?:决定|命令|令|号))\s*(?:中|所列|规定的?)?\s*对")


def prior_decree_unread(record: NoticeRecord, text: str) -> str | None:
    """Why a decision whose step on earlier measures names its decree by a word pointing back (PRIOR_DECREE_RE) and
    reads no decree must be read by a person; else None."""
    if record.kind is not NoticeKind.MFA_ORDER:
        return None
    for action in record.actions:
        if action.action is ActionKind.IMPOSE or action.targets:
            continue
        m = PRIOR_DECREE_RE.search(fold(action.text or text))
        if m is not None:
            return f"the decision names the decision it acts on as \"{m.group('what').strip()}\" (not read)"
    return None


# A step on a whole earlier decree ("停止实施…第103号所列反制措施"), no target named between its verb and the decree.
WHOLE_DECREE_RE = re.compile(rf"第\s*{NUM}\s*号\s*(?:《[^《》\n]{{1,120}}》)?\s*(?:所列|规定|列明)的?\s*(?:全部|各项|所有|相关)?\s*"
                             r"(?:反制|反制裁)?\s*措施")
LATIN_BRACKET_RE = re.compile(r"[(（]\s*[A-Za-z]")  # a target named with its English: "猎鹰电子战系统公司（Falcon…）"
OBJECT_EXCEPT_WORDS = ("以外", "之外")  # "停止实施…第103号对X（x）以外的其他企业采取的反制措施"


def _whole_then_named(record: NoticeRecord, text: str) -> str | None:
    """Why a step on a whole earlier decree (WHOLE_DECREE_RE) that names a target after it, before 本决定, must be read by a
    person: that target is kept or excepted, in words no list holds ("…，但对X（x）的措施维持不变", "。对X（x）采取的反制措施依然有效",
    "…，其中X（x）仍在反制清单上", "…，继续对X（x）实施反制措施": each read as a step on X alone, or on a name made of the
    clause, the others' step lost; review40, session 40); so is one whose object excepts targets ("…第103号对X（x）以外的其他企业
    采取的反制措施": all lifted, X too). Else None. The whole text is folded only for a step on a whole decree (folding it
    for every decision cost ~7,000 instructions a page: perf40)."""
    folded: str | None = None
    for a in record.actions:
        if a.action not in APART_STEPS or not a.text:
            continue
        said = fold(a.text)
        verb = STATUS_VERB_RE.search(said)
        if verb is None:
            continue
        object_end = said.find("措施", verb.end())
        if object_end >= 0 and any(word in said[verb.end() : object_end] for word in OBJECT_EXCEPT_WORDS):
            return "the decision acts on an earlier decision's targets but some (the exception is not read)"
        whole = WHOLE_DECREE_RE.search(said, verb.end())
        if whole is None:
            continue
        if folded is None:
            folded = fold(text)
        at = folded.find(said)
        if at < 0 or "对" in said[verb.end() : whole.start()] or said.startswith("中", whole.end()):
            continue
        stop = folded.find(OWN_EFFECTIVE_LINE, at + whole.end())
        after = folded[at + whole.end() : stop if stop >= 0 else len(folded)]
        if LATIN_BRACKET_RE.search(after) or any(e.zh and fold(e.zh) in after for e in record.entities):
            return "the decision acts on a whole earlier decision and names targets after it (kept or excepted: not read)"
    return None


# A step whose object is a pronoun: "鉴于X（x）已于2038年6月1日去世，中方决定自即日起解除外交部令第262号对其采取的全部反制措施"
# (session 44, mfa44/17: no target read, so a lift of all of No. 262, a false "lifted" for the other person it lists, silently).
# Whom it means (the one the reasons name, or every target of the decree) is for a person to read. Not "对其他…", "对其余…".
# So too "对上述人员…", "对有关人员…" (probes: all of No. 262 lifted the same way).
PRONOUN_OBJECT_RE = re.compile(r"对\s*(?:其|该人|该名人员|此人|(?:上述|前述|有关|相关)(?:人员|个人|人士|企业|机构|组织|实体))(?![他余])")


PRONOUN_WORDS = ("其", "该", "此人", "上述", "前述", "有关", "相关")  # one is in every PRONOUN_OBJECT_RE match
# A kind of an earlier decree's targets as the object, no name: "停止对外交部令2029年第71号所列全部人员采取的反制措施", "…《反制清单》
# “二、人员”中所列人员…" (session 46, probes of mfa46/03: a lift of all of No. 71, its 3 companies "Lifted" too, silently).
# So too with a country or 有关 before the kind: "…第34号所列全部4家美国企业的反制措施", "…所列有关企业的全部反制措施" (session 52,
# mfa52 probes: a lift of all of the decree, its persons too, silently).
KIND_OBJECT_RE = re.compile(r"(?:所列|列明的?|中的|项下的?)\s*(?:的\s*)?(?:全部|所有|各|各名|各家|有关|相关)?\s*(?:\d+\s*[名家个])?\s*"
                            rf"(?:{COUNTRY_ALT})?\s*"
                            r"(?:人员|个人|人士|企业|机构|组织|实体|公司|高级管理人员|高管|议员|负责人)\s*(?:采取|实施|的)")
KIND_WORDS = ("所列", "列明", "中的", "项下")  # one is in every KIND_OBJECT_RE match


# Targets of an earlier decree named after it with more unnamed beside them: "停止执行外交部令2027年第34号所列A（a）等企业的反制措施",
# "…所列A（a）及其高级管理人员的反制措施" (session 52, review62's probes of 8d06355e/b45d3b07: A alone lifted, the others named
# nowhere kept "in force", silently; before those commits all of No. 34 was). Not "等2家企业" (a count, checked against the names),
# nor "及其子公司"/"及其直系亲属" (read as the group's). And a measure's words read as a name ("…所列反制措施中的冻结财产措施":
# a lift of a target "反制措施中", silently).
NAMED_AND_MORE_RE = re.compile(r"\)\s*(?:等\s*(?:企业|公司|机构|组织|实体|人员|个人|人士)|及其\s*(?:高级管理人员|高管|管理人员|"
                               r"主要负责人|负责人|董事|关联(?:企业|公司|方)|下属(?:企业|公司|机构)|分支机构))")
MORE_WORDS = ("等", "及其")  # one is in every NAMED_AND_MORE_RE match
MEASURE_WORD = "措施"  # in no target's name
DECREE_WORD = "号"  # (a decree's title read as a name, "…（外交部令第13号）所列反制措施的暂停", is the engine's unresolved step: loud)
# A name with its Latin form right after a decree's 所列/中的 in a step that reads no target: "停止执行外交部令2027年第34号所列A（a）和
# 外交部令2027年第35号所列B（b）的反制措施" (review62/m04, on main at 0d617f5a: a lift of all of No. 34 and No. 35, silently).
NAMED_AFTER_DECREE_RE = re.compile(r"号\s*(?:所列|中的?|项下的?)\s*[^。；;\n,，的]{1,60}?\(\s*[A-Za-z][^()]{1,80}\)")
NAMED_AFTER_WORDS = ("所列", "中", "项下")  # one is in every NAMED_AFTER_DECREE_RE match


def _named_and_more(record: NoticeRecord) -> str | None:
    """Why a step on an earlier decree's targets that names some of them and more it does not name (NAMED_AND_MORE_RE),
    whose target's name is a measure's words, or that names targets after a decree and reads none (NAMED_AFTER_DECREE_RE),
    must be read by a person; else None."""
    for a in record.actions:
        if a.action not in APART_STEPS or not a.text:
            continue
        if not a.entities:
            if not any(b.entities for b in record.actions) and any(w in a.text for w in NAMED_AFTER_WORDS) \
                    and (m := NAMED_AFTER_DECREE_RE.search(fold(a.text))) is not None:  # (no step read them)
                return f"the decision names targets after a decree (\"{m.group(0)[1:]}\") and reads none of them"
            continue
        if any(MEASURE_WORD in t.zh and DECREE_WORD not in t.zh for t in record.entities if t.zh):
            return "a target's name holds a measure's words (which targets the step means is not read)"
        if any(w in a.text for w in MORE_WORDS) and (m := NAMED_AND_MORE_RE.search(fold(a.text))) is not None:
            return f"the decision names some targets and more it does not name (\"{m.group(0)[1:]}\": which is not read)"
    return None


def _pronoun_object(record: NoticeRecord) -> str | None:
    """Why a step on earlier measures that names no target and whose object is a pronoun (PRONOUN_OBJECT_RE) must be read
    by a person, else None."""
    for a in record.actions:
        if a.action not in APART_STEPS or a.entities or not a.text or a.targets and all(t.count is not None for t in a.targets):
            continue  # (a decree by the count of its targets, "对所列全部3家企业": the engine checks the count, session 60)
        pronoun = any(w in a.text for w in PRONOUN_WORDS)
        kind = any(w in a.text for w in KIND_WORDS)
        if not (pronoun or kind):
            continue
        said = fold(a.text)
        verb = STATUS_VERB_RE.search(said)
        if verb is None:
            continue
        start = max(said.rfind("决定", 0, verb.start()), 0)
        end = said.find("措施", verb.end())
        if pronoun and PRONOUN_OBJECT_RE.search(said, start, end if end >= 0 else len(said)) is not None:
            return "the decision acts on the measures taken on 其 or 上述/有关人员 (whom it means is not read)"
        if kind and (m := KIND_OBJECT_RE.search(said, start, end + 2 if end >= 0 else len(said))) is not None:
            return f"the decision acts on one kind of an earlier decree's targets (\"{m.group(0)}\": which are not read)"
    return None


# A step on a whole earlier decision, some of its targets kept in a sentence of their own: "暂停实施…第101号所列反制措施，暂停期限为一年。
# 对红石防务系统公司（…）采取的反制措施继续实施。" (read as a suspension of Redstone alone: a false item, the others' suspension lost),
# "停止实施…第103号所列反制措施。该决定所列猎鹰电子战系统公司（…）不在此列。" (all lifted, Falcon too) (session 39, mfa39 probes 29, 30,
# silent). A step naming its own targets in its sentence, others kept after it, is read (``status._not_kept``); measures kept
# ("其他反制措施继续有效", "该决定规定的冻结财产措施继续实施") are no exception of targets.
# (除外 not the end of 解除 before 外交部令: "鉴于X已停止…，中方决定自即日起解除外交部令第220号对X采取的反制措施", session 43, mfa43/03:
# held for a person as keeping a target; the look behind after 除, so the pattern keeps its first-character set: perf44)
KEPT_ONE_RE = re.compile(r"继续(?:有效|实施|执行|适用)|仍然有效|不在此列|除(?<!解.)外|不包括|不适用")
MEASURE_KEPT_RE = re.compile("冻结|禁止|不予|不准|签证|入境")  # "该决定规定的冻结财产措施继续实施": a measure kept (mfa20/11)
KEPT_WORDS = ("继续", "仍然有效", "不在此列", "除外", "不包括", "不适用")  # one is in every KEPT_ONE_RE match
KEPT_MARKED = marked(KEPT_WORDS)  # each asked by its own mark (``textnorm.holds_any``)
APART_STEPS = frozenset((ActionKind.LIFT, ActionKind.LIFT_MEASURE, ActionKind.SUSPEND, ActionKind.EXTEND,
                         ActionKind.RESTORE, ActionKind.REMOVE))


# A clause after the step's own, in its sentence, keeping a target or a decree: "停止实施外交部令第80号所列反制措施，对罗伯特·凯恩（…）
# 采取的反制措施继续有效" (read as a lift of Kane, the one kept: a false "lifted"), "…，外交部令第90号所列反制措施继续有效" (No. 90
# lifted too) (session 39, review39: EXCEPT_RE wants 但 before such a clause, _kept_apart a sentence of its own).
CLAUSE_SPLIT_RE = re.compile("[，,]")


def _kept_after_comma(record: NoticeRecord) -> str | None:
    """Why a step whose sentence goes on, after a comma, to keep some targets or decrees (KEPT_ONE_RE; not the others'
    measures, OTHERS_KEPT_RE, nor one measure, MEASURE_KEPT_RE) must be read by a person; else None."""
    for a in record.actions:
        said = fold(a.text) if a.action in APART_STEPS and a.text else ""
        verb = STATUS_VERB_RE.search(said) if "继续" in said or "仍然" in said or "不" in said or "除外" in said else None
        if verb is None:
            continue
        comma = CLAUSE_SPLIT_RE.search(said, verb.end())
        for clause in CLAUSE_SPLIT_RE.split(said[comma.end() :]) if comma is not None else ():
            if KEPT_ONE_RE.search(clause) is not None and OTHERS_KEPT_RE.search(clause) is None and (
                    MEASURE_KEPT_RE.search(clause) is None):
                return "the decision acts on an earlier decision but keeps some targets or decrees in its own sentence " \
                       "(the exception is not read)"
    return None


def _kept_apart(record: NoticeRecord, folded: str) -> str | None:
    """Why a step on an earlier decision whose own sentence names none of its targets, followed (before 本决定) by a
    sentence keeping some of them (KEPT_ONE_RE, not OTHERS_KEPT_RE), must be read by a person; else None."""
    for a in record.actions:
        if a.action not in APART_STEPS or not a.text:
            continue
        said = fold(a.text)
        at = folded.find(said)
        if at < 0:
            continue
        mine = [e for e in record.entities if e.key in a.entities]
        if any((e.zh and fold(e.zh) in said) or (e.en and fold(e.en) in said) for e in mine):
            continue
        end = at + len(said)
        stop = folded.find(OWN_EFFECTIVE_LINE, end)
        for sentence in re.split("[。；;\n]", folded[end : stop if stop >= 0 else len(folded)]):
            if KEPT_ONE_RE.search(sentence) is not None and OTHERS_KEPT_RE.search(sentence) is None and (
                    MEASURE_KEPT_RE.search(sentence) is None):
                return "the decision acts on an earlier decision but keeps some of its targets in a sentence of its own " \
                       "(the exception is not read)"
    return None


# A spokesperson's answer that announces countermeasures under the Anti-Foreign Sanctions Law on named targets, with
# no decree ("依据《中华人民共和国反外国制裁法》…，中方决定对埃里克·桑德斯（Eric Sanders）采取以下反制措施：冻结…"; session 20,
# mfa20: read as a MOFCOM Q&A with no date and no action, ignored without a word). No key holds it: for a person to read.
# So too "中方决定对A（a）、B（b）实施制裁" and "中方…宣布对其采取反制措施" (session 40, mfa40 probes 27, 28: no notice, exit 0),
# and with its start between ("中方决定，即日起对A（a）、B（b）采取反制措施", "中方决定，自即日起对以下人员采取反制措施：": session 42,
# mfa42/07, /18: a Q&A with "no action found in the answer", a warning only, the listing lost while health stayed green).
ANNOUNCED_RE = re.compile(r"(?:反外国制裁法[^。]{0,160}?(?:中方|我方|中国政府|外交部)(?:[^。；;\n对]{0,30}?宣布|决定)|"
                          r"(?:中方|我方|中国政府|外交部)依据[^。；;\n]{0,60}?反外国制裁法[^。；;\n]{0,20}?(?:宣布|决定))"
                          r"\s*(?:[,，]\s*)?(?:(?:自|从)?\s*(?:即日|今日|今天|[^。；;\n对,，]{1,16}?日)\s*起\s*[,，]?)?"
                          r"\s*(?:依法)?\s*(?:对[^。；;\n]{1,300}?(?:采取(?:以下|如下|相应)?(?:反制(?:裁)?|制裁)措施|实施(?:反制|制裁)|"
                          r"予以制裁|进行制裁)"
                          # or the measure's verb first: "中方决定，冻结A（a）在我国境内的…", "…禁止…与X（x）进行有关交易" (session 43,
                          # mfa43 probe: "no notice found", exit 0, the listing lost silently)
                          r"|冻结[^。；;\n]{1,300}?在\s*(?:我国|中国)?\s*境内|禁止[^。；;\n]{0,30}?与[^。；;\n]{1,300}?进行)")


def decides_here(folded: str, start: int = 0) -> bool:
    """Whether ``folded`` decides countermeasures under the Anti-Foreign Sanctions Law itself (ANNOUNCED_RE from ``start``)
    with no decree named in the deciding sentence: a decree named there ("外交部令第156号…决定对X采取…") is the decision
    told, a report of it; one named in another sentence ("今年1月，中方已依据外交部令第140号…。…中方决定对A（a）…") is not."""
    m = ANNOUNCED_RE.search(folded, start)
    if m is None:
        return False
    lo = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
    end = folded.find("。", m.end())
    return "外交部令" not in folded[lo : end if end >= 0 else len(folded)]


# A page saying the ministry issued a decree ("外交部今天发布决定", "外交部发布了外交部令第193号"): the answer tells it. Not
# "有媒体发布消息称中方决定…" (mfa41 probe 28: a report's words, the answer deciding read as no notice, silently).
DECREE_ISSUED_RE = re.compile(r"(?:外交部|我部)[^。；;\n，,]{0,8}?发布(?:了)?[^。；;\n，,称]{0,24}?(?:决定|外交部令|命令)")


def steps_on_decree_here(folded: str) -> str | None:
    """Why an answer ("答：") that takes a step on an earlier decree itself must be read by a person, else None: "答：…中方决定，
    自2035年5月10日起，停止实施外交部令第185号规定的反制措施。" names the decree it lifts after its verb and none that decides
    before it (session 41, mfa41/11: read as a report of a decree, no notice, exit 0: the lift lost silently). A decree
    named before 决定 ("外交部令第193号决定停止…") is the decision told, and so is a step on a page saying a decree was issued
    (DECREE_ISSUED_RE): a report, as before."""
    answer = max(folded.find("答:"), folded.find("答："))
    if answer < 0 or "决定" not in folded[answer:]:
        return None
    if "发布" in folded and DECREE_ISSUED_RE.search(folded) is not None:
        return None  # "外交部今天发布决定，暂停实施…" (mfa39/11): the decree published is read from its own page
    for m in STATUS_DECISION_RE.finditer(folded, answer):
        lo = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
        if "外交部令" in folded[lo : m.start()]:
            continue
        # after 决定, before or after the verb: "中方决定，外交部令第185号规定的反制措施自…起停止实施" (mfa41 probe 26)
        ref = ORDER_REF_RE.search(folded, m.start(), sentence_end(folded, m.end()))
        if ref is not None:
            return (f"an answer decides a step ({m.group('verb')}) on an earlier decree ({despace(ref.group())}) itself, "
                    "with no decree of its own read")
    return None
# Decisions on earlier decrees read only in part (session 21, mfa21's blind round): a term of an earlier decree
# lengthened ("将…（外交部令第5号）所列反制措施的期限延长3年": read as a new listing of a name made of the sentence); an
# order amending an earlier order's list ("关于修改《关于对…采取反制措施的决定》的决定", "在…（商务部令2025年第8号）所列实体
# 中增列": read as a measure on the title's words).
TERM_CHANGED_RE = re.compile(r"(?<!暂停)(?<!暂停实施)期限\s*(?:届满(?:后|时)?\s*)?(?:延长|延期|缩短|变更)|(?:延长|延期)(?:(?!暂停)[^。；;\n]){0,40}?(?<!暂停)期限")
ORDER_AMENDED_RE = re.compile(r"(?:外交部令|商务部令)[^。；;\n]{0,40}?(?:所列|所附|附件)[^。；;\n]{0,40}?(?:增列|增加|增补|删除|删去|移除|调出)")
# An earlier decree's list replaced whole by this one's: "…第144号《…》所附《反制清单》修订为本决定所附《反制清单》" (session 40,
# mfa40/11: read as a new listing of the annex, the names it drops kept in force, silently).
ANNEX_REPLACED_RE = re.compile(r"(?:修订|修改|调整|更新|替换|变更)为\s*本决定所附|以\s*本决定所附[^。；;\n]{0,20}?为准")
# An item of an earlier decree's annex rewritten: "外交部令第203号附件第3项修改为：“（三）X（x，原名…）”", "…附件第2项的英文名称“…”
# 修改为“…”" (session 42, mfa42/04: read as a new listing of a name made of the sentence, a false item, the rename lost).
ITEM_AMENDED_RE = re.compile(r"第\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*项[^。；;\n]{0,60}?(?:修改|修订|更正|变更|更改)为")
ANY_ORDER_REF = (rf"(?:(?:外交部令|商务部令)\s*|外交部\s*(?=(?:{YEAR}\s*年\s*)?第\s*{NUM}\s*号\s*令)|"
                 rf"(?=(?:{YEAR}\s*年\s*)?第\s*{NUM}\s*号\s*(?:外交部|商务部)令))(?:{YEAR}\s*年\s*)?第\s*(?P<n>{NUM})\s*号")
# Every match opens with 外 or 商 (外交部令, 商务部令, 外交部), with 第, or with a year's first character (a digit, 〇○零一…九, O): a
# look-ahead for those first (gate46: with none, sre tried the three alternatives at every character of a decree, ~150 ns a
# character, a third of a decree page's parse; the same matches, ``test_parse_marks``).
ANY_ORDER_REF_RE = re.compile(rf"(?=[外商第\d〇○零一二三四五六七八九O])(?:{ANY_ORDER_REF})")
FULL_WIDTH_O = "\uff2f"  # what ``fold`` makes an "O", which YEAR takes for a zero
# Every ANY_ORDER_REF_RE match ends with its "第N号" (one of these, a literal first: sre skips to each 第 in C), and what
# stands before that 第 in the match is a decree's name (外交部令, 商务部令, 外交部), a year (YEAR: a decimal digit, 〇○零一…九,
# O) with 年, and blanks: ``order_refs`` tries ANY_ORDER_REF_RE only from where a run of those characters before a 第N号
# opens (perf55, session 53: the pattern opens with a look-ahead, so sre tried a match at every character of a decree,
# half of ``partly_read``'s cost).
ORDER_NUMBER_RE = re.compile(rf"第\s*{NUM}\s*号")
ORDER_REF_LEAD = frozenset("外交部令商务年〇○零一二三四五六七八九O")


def order_refs(text: str) -> list[re.Match[str]]:
    """``list(ANY_ORDER_REF_RE.finditer(text))``: a match holds a 第N号 (ORDER_NUMBER_RE, which never overlap) with nothing
    before its 第 but ORDER_REF_LEAD's characters, blanks and decimal digits; the match of each, tried from the first
    place of that run on (the leftmost, as ``finditer`` finds it), not before the end of the match before."""
    out: list[re.Match[str]] = []
    pos = 0
    for number in ORDER_NUMBER_RE.finditer(text):
        at = number.start()
        if at < pos:
            continue
        lo = at
        while lo > pos and ((ch := text[lo - 1]) in ORDER_REF_LEAD or ch.isspace() or ch.isdecimal()):
            lo -= 1
        for start in range(lo, at + 1):
            m = ANY_ORDER_REF_RE.match(text, start)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
    return out


def partly_read(record: NoticeRecord, text: str) -> str | None:
    """Why a decision on earlier decrees that the parse reads only in part must be read by a person, else None:
    a term of an earlier decree changed, an earlier order's list amended by an order, a decision acting on an
    earlier decree the parse holds no action on (its second numbered clause), or one suspending several decrees
    for periods of their own (one period was read for all)."""
    if record.kind is not NoticeKind.MFA_ORDER and record.kind is not NoticeKind.ORDER:
        return None
    unread = _deletion_unread(record, text)
    if unread is not None:
        return unread
    # ANY_ORDER_REF_RE matches at the same places, the same numbers, in a text and in its fold (\d and \s take the
    # full-width digits and the blanks ``fold`` maps), but for a year's letter O written full width (Ｏ): the text is
    # folded only once it names another order (most decrees name their own number alone).
    scan = text if FULL_WIDTH_O not in text else fold(text)
    refs = [r for r in order_refs(scan) if to_int(r.group("n")) != record_number(record)]
    if not refs:
        if "延" in text and "期限" in text and TERM_CHANGED_RE.search(fold(text)):
            # "中方于2031年6月20日决定对X采取的反制措施，期限届满后延长两年" (session 40, mfa40/21: the decree named by its date
            # alone, read as a new impose on X, a false item, the extension lost)
            return "the decision changes the term of an earlier decision (no term change is read)"
        return _step_clause_unread(record, text)
    folded = fold(text) if scan is text else scan
    if any(not _extension_read(record, folded, t) and not _told_before(record, folded, t.start())
           for t in TERM_CHANGED_RE.finditer(folded)):
        return "the decision changes the term of an earlier decision (no term change is read)"
    if "本决定所附" in folded and ANNEX_REPLACED_RE.search(folded):
        return "the decision replaces an earlier decision's list whole (what it adds and drops is not read)"
    if record.kind is NoticeKind.ORDER and ORDER_AMENDED_RE.search(folded):
        return "the order amends the list of an earlier order (not read for orders)"
    status = [a for a in record.actions if a.action is not ActionKind.IMPOSE]
    if not status and "项" in folded and ITEM_AMENDED_RE.search(folded, refs[0].start()):
        return "the decision rewrites an item of an earlier decision's list (not read as a rename or correction)"
    if not status:
        # (a numbered clause ending an earlier decree's measures on one of its targets, "三、提前终止…外交部令第188号对X（x）采取的反制措施。"
        # beside this decree's own listing: mfa41 probe 29, the lift lost, only a quiet "not in the annex" warning)
        return _changed_as_imposed(folded, refs[0].start()) or _step_clause(text) or (
            _verb_after_targets(folded, _decision_match(folded)) if record.actions else None)
    kinds = {a.action for a in status}
    for line in STEP_LINE_RE.finditer(folded, refs[0].start()):
        kind = STATUS_KINDS.get(line.group("verb"))
        # "二、终止对X的暂停，恢复实施…": the end of a suspension, read as a restore (``status._verb_kind``)
        if kind is not None and kind not in kinds and "暂停" not in folded[line.end() : sentence_end(folded, line.end())]:
            return f"a clause \"{line.group('verb')}\" of the decision is read as another kind of step (one clause is not read)"
    read = {t.number if t.number is not None else _ref_number(t.key) for a in status for t in a.targets}
    for a in status:
        if len(a.targets) > 1 and a.action in (ActionKind.SUSPEND, ActionKind.EXTEND) and (
                len(STATUS_VERB_RE.findall(fold(a.text))) > 1):
            return "the decision suspends several decisions, each for a period of its own (one period was read)"
    start = min((folded.find(fold(a.text)) for a in status if a.text and fold(a.text) in folded), default=-1)
    if start < 0:
        return None
    for r in refs:
        if r.start() < start or to_int(r.group("n")) in read or by_way_of(folded, r.start()) or (
                ActionKind.RESTORE in kinds and sets_suspension(folded, r.end(), ActionKind.RESTORE)):
            continue  # (a decree named after 经, "经…第109号暂停实施的", is how the measures came to be, not acted on; so is
            # the one that set the suspension a restore ends, "提前结束…第66号规定的暂停": mfa53/11)
        line_start = folded.rfind("\n", 0, r.start()) + 1
        if STATUS_VERB_RE.search(folded, line_start, r.start()):
            return "the decision acts on an earlier decision it holds no action on (a clause of it is not read)"
    return None


# A sentence opening with its day ("2026年11月7日，商务部决定，…的期限延长1年。"): what was decided that day
TOLD_DAY_OPENING_RE = lazy_compile(rf"\s*(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日\s*[,，]")


def _told_before(record: NoticeRecord, folded: str, at: int) -> bool:
    """Whether the term change at ``at`` is in a sentence opening with a day before the record's own: an earlier decision
    recounted ("2026年11月7日，商务部决定，商务部令2025年第7号规定的暂停实施…第6号有关措施的期限延长1年。…决定，自2027年3月1日起，
    停止实施…第6号有关措施": order52/21, session 60: the order's lift held as "changes the term of an earlier decision")."""
    start = max(folded.rfind("。", 0, at), folded.rfind("\n", 0, at)) + 1
    m = TOLD_DAY_OPENING_RE.match(folded, start, at)
    day = make_date(*m.group("y", "m", "d")) if m else None
    return day is not None and record.published is not None and day < record.published


def _extension_read(record: NoticeRecord, folded: str, term: re.Match[str]) -> bool:
    """Whether a term changed (a TERM_CHANGED_RE match ``term``) is a suspension's, read as an extension in its sentence:
    "外交部令…第408号规定的暂停对…采取反制措施的期限延长6个月" (``reading.extension_first``, session 50, mfa50/10)."""
    for a in record.actions:
        if a.action is ActionKind.EXTEND and a.text and "暂停" in a.text and (a.until is not None or a.extends_by is not None):
            at = folded.find(fold(a.text))
            if 0 <= at <= term.start() and term.end() <= at + len(a.text):
                return True
    return False


# A numbered line of an amendment deleting a line it quotes from an earlier decision's list, in any order of its words:
# "二、删去“二、高级管理人员”中的“（十）X（x），男，…”。", "二、将“（十）X…”从“二、高级管理人员”中删去。" (session 38, mfa38/05:
# a line of the first shape was not read, and X stayed listed with no warning while the addition beside it was read).
DELETION_LINE_RE = re.compile(r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[.．、])[^。\n]{0,240}?"
                              r"(?:删去|删除|移除|移出|调出|剔除)", re.MULTILINE)


def _deletion_unread(record: NoticeRecord, text: str) -> str | None:
    """Why a decision with a numbered line deleting a quoted line of a list (DELETION_LINE_RE), and no removal or lift
    read, must be read by a person; else None."""
    if "删" not in text and "移" not in text and "调出" not in text and "剔除" not in text:
        return None
    if any(a.action in (ActionKind.REMOVE, ActionKind.LIFT, ActionKind.LIFT_MEASURE) for a in record.actions):
        return None
    for m in DELETION_LINE_RE.finditer(text):
        end = text.find("\n", m.end())
        line = text[m.start() : end if end >= 0 else len(text)]
        if "“" in line or "「" in line or '"' in line:
            return "a line of the decision deletes from an earlier decision's list (it is not read)"
    return None


# A decree that imposes and, in a numbered clause of its own, changes what an earlier decision named by its date and title
# imposed: "一、对灰狼无人机公司（…）采取以下反制措施：…\n二、停止2027年1月8日《关于…的决定》中对蒂莫西·卡希尔（…）采取的反制措施。"
# (session 37, mfa37/17: read as the impose alone, the lift missed with no warning). Matched on the text as written.
STEP_CLAUSE_RE = re.compile(rf"^[ \t\u3000]*(?:[一二三四五六七八九十]{{1,3}}\s*[、.．]|[(（][一二三四五六七八九十]{{1,3}}[)）])\s*"
                            rf"(?:自[^,，。；;\n]{{1,24}}?起\s*[,，]?\s*)?{STATUS_VERB}[^。；;\n]{{0,200}}?对[^。；;\n]{{1,200}}?"
                            r"(?:采取|实施)的", re.MULTILINE)
# What every STEP_CLAUSE_RE match ends with: a text holding neither is not searched. The pattern opens with "^" and no
# literal, so the search tries it at every character of the text (~120 instructions a character on the fixtures' MFA
# texts, none of which holds either; issue 11).
STEP_CLAUSE_ENDS = ("采取的", "实施的")


# QUOTED_DECISION_RE's title alone ("《关于…决定》"): it opens with a literal, which a search finds at C speed, where the
# whole pattern opens with an optional date and is tried at every character (~370,000 instructions a decree, issue 11).
QUOTED_TITLE_RE = re.compile(QUOTED_DECISION_RE.pattern[QUOTED_DECISION_RE.pattern.index("《") :])


def quoted_decision(folded: str, start: int) -> re.Match[str] | None:
    """``QUOTED_DECISION_RE.search(folded, start)``, searched from the first title's stretch: every match holds a title
    (QUOTED_TITLE_RE) and the first match's is the first title from ``start`` (its date, digits, numerals, 年月日,
    blanks and a comma, holds no 《, 》 or 。, so it runs into no earlier title); that date starts after the last 《, 》 or
    。 before the title (perf38)."""
    title = QUOTED_TITLE_RE.search(folded, start)
    if title is None:
        return None
    at = title.start()
    lo = max(folded.rfind("《", start, at), folded.rfind("》", start, at), folded.rfind("。", start, at)) + 1
    return QUOTED_DECISION_RE.search(folded, max(start, lo))


def _step_clause_unread(record: NoticeRecord, text: str) -> str | None:
    """Why a decree read as imposing only must be read by a person when a numbered clause of it stops, suspends or
    restores what an earlier decision imposed (STEP_CLAUSE_RE), else None."""
    if any(a.action is not ActionKind.IMPOSE for a in record.actions) or "的" not in text:
        return None
    m = _step_clause_match(text)
    if m is None:
        if any(a.targets for a in record.actions):
            return None
        folded = _folded(text)
        decided = _decision(folded)
        quoted = quoted_decision(folded, decided.start()) if decided is not None and "》" in folded else None
        # no decision named at all: "中方决定，自…起，对X（x）采取的反制措施不再执行。", "…对X（x）采取的反制措施自…起暂停实施，为期一年。"
        # (session 39, mfa39 probes 31, 33: each read as a new impose on X, a false item, the lift or suspension lost)
        start = quoted.start() if quoted is not None else decided.start() if decided is not None else None
        late = _late_step(folded, start) if start is not None else None
        if late is None:
            return _verb_after_targets(folded, decided) if record.actions else None
        return f"the decision changes an earlier decision's countermeasures (\"{late.group('verb')}\"), not read as a new listing"
    return f"a clause \"{m.group('verb')}\" of the decision acts on an earlier decision (it is not read)"


def _step_clause_match(text: str) -> re.Match[str] | None:
    """The first numbered clause of ``text`` taking a step on what an earlier decision imposed (STEP_CLAUSE_RE, behind its
    cheap gate), else None."""
    return STEP_CLAUSE_RE.search(text) if STEP_CLAUSE_ENDS[0] in text or STEP_CLAUSE_ENDS[1] in text else None


def _step_clause(text: str) -> str | None:
    """Why a decree with such a clause (``_step_clause_match``) that reads as imposing only must be read by a person."""
    m = _step_clause_match(text)
    return None if m is None else f"a clause \"{m.group('verb')}\" of the decision acts on an earlier decision (it is not read)"


# A decision on an earlier decree's countermeasures read as a new listing: "中方决定对《…》（外交部令第13号）所采取的反制措施作如下
# 调整：\n一、自…起，停止对亚当·布赖（Adam Bry）…采取的反制措施。\n二、…暂停对斯凯迪奥公司…1年" (story29/S4: "imposed" items for the
# three, and for a name made of the title's words). Its lines, each opening with a step's verb (after a number and a start day):
# read only as the steps they are, else for a person. STEP_LINE_RE's verb is STATUS_VERB's.
STEP_LINE_RE = re.compile(rf"^[ \t\u3000]*[一二三四五六七八九十]{{1,3}}\s*、\s*(?:自[^,，。；;\n]{{1,24}}?起\s*[,，]?\s*)?"
                          rf"{STATUS_VERB}\s*对", re.MULTILINE)


def _changed_as_imposed(folded: str, after: int) -> str | None:
    """Why a decision read as imposing, which names an earlier decree (at ``after``) and then opens lines with a step's verb
    on its countermeasures (STEP_LINE_RE) or says after it that its measures stop or go on (LATE_STEP_RE), must be read
    by a person; else None."""
    line = STEP_LINE_RE.search(folded, after) or _late_step(folded, after)
    if line is None:
        return None
    return f"the decision changes an earlier decision's countermeasures (\"{line.group('verb')}\"), not read as a new listing"


# The verb after the decree it acts on and its measures: "中方决定，2025年9月8日外交部令第17号《关于对石平采取反制措施的决定》规定的
# 反制措施自2028年11月1日起不再执行。" (session 38, mfa38: read as a new impose on 石平, a false item, and the lift lost).
# So too with a comma before the start day: "…外交部令第102号对X（x）采取的不予签发签证、不准入境措施，自2030年2月15日起暂停执行六个月"
# (session 39, mfa39/18: read as a new impose of the entry ban on X, a false item, the suspension lost).
LATE_STEP_RE = re.compile(r"(?:》|措施)\s*(?:[(（][^()（）\n]{0,40}[)）])?\s*(?:[,，]\s*(?=自))?(?:自[^。；;\n]{1,24}?起\s*[,，]?\s*)?"
                          r"(?P<verb>不再|停止|终止|暂停|恢复|继续暂停)(?:执行|实施)")


def _verb_after_targets(folded: str, decided: re.Match[str] | None) -> str | None:
    """Why a decision read as imposing whose own sentence holds a step's verb (STATUS_VERB) after its targets must be read by
    a person: "中方决定自…起，对X（x）恢复实施《…》规定的反制措施" (a new impose of a name made of the clause), "…对X（x）作出的暂停实施反制
    措施的决定，自…起继续实施180天" (session 39, mfa39 probes 34, 36: false items, the restore and the extension lost, silently)."""
    if decided is None:
        return None
    verb = STATUS_VERB_RE.search(folded, decided.end(), sentence_end(folded, decided.end()))
    if verb is None:
        return None
    return f"the decision's sentence holds a step's verb (\"{verb.group('verb')}\") after its targets, not read as a new listing"


def _late_step(folded: str, after: int) -> re.Match[str] | None:
    """LATE_STEP_RE in the sentence from ``after``."""
    return LATE_STEP_RE.search(folded, after, sentence_end(folded, after))


# A decree's own publication line ("（2027年1月8日中华人民共和国外交部令第25号公布，自…起施行）") and the older layout's
# order page ("现公布《关于…的决定》"): a page holding two of them carries two decrees (a compilation, "外交部令（第25号、
# 第26号）"), and one record reads one: the other's targets were lost without a word (session 25, parse25).
# The line opens with its bracket: a decree named in a sentence ("解除《…》（2024年9月18日…外交部令第12号公布）对…") is none.
OWN_DECREE_RE = re.compile(rf"^\s*\(\s*[^()\n]{{0,24}}?外交部令\s*第\s*(?P<n>{NUM})\s*号\s*(?:公布|发布)", re.MULTILINE)


PUBLISHED_TITLE_RE = re.compile(r"现公布《([^《》\n]{1,200})》")


# An earlier decision's measures applied to more targets ("…第101号《…》规定的反制措施，适用于X（x）、Y（y）", ``amend._applied_amendment``),
# or no longer applied to some ("…规定的反制措施，不再适用于X（x）"), in the decision's sentence.
APPLIED_TO_ANY_RE = re.compile(r"措施[^。；;\n]{0,60}?(?P<no>不再|不)?\s*适用于")
APPLIED_TERM_RE = re.compile(r"为期|期限|有效期")


def applied_unread(record: NoticeRecord, text: str) -> str | None:
    """Why a decision applying an earlier decision's measures to targets (APPLIED_TO_ANY_RE) must be read by a person:
    it ends them for some ("不再适用于X": read as a new listing of a name made of its words), it is not read as joining
    that decision (an impose naming it: "自…起适用于X", "…规定的反制措施中的冻结财产措施，适用于X", "…适用于其高级管理人员",
    each read as a listing of "2029年…第101号《…》规定", a false item), or it gives a term ("…，为期一年": read as for good)
    (review40, session 40); else None."""
    if "适用于" not in text:
        return None
    folded = _folded(text)
    decided = _decision(folded)
    if decided is None:
        return None
    own_end = sentence_end(folded, decided.end())
    m = APPLIED_TO_ANY_RE.search(folded, decided.end(), own_end)
    if m is None:
        stop = folded.find(OWN_EFFECTIVE_LINE, own_end)
        later = APPLIED_TO_ANY_RE.search(folded, own_end, stop if stop >= 0 else len(folded))
        # "中方决定对X（x）采取反制措施。…第101号规定的反制措施同样适用于Y（y）。": Y missed, silently
        return None if later is None else \
            "the decision applies an earlier decision's measures to targets in a sentence of its own (not read)"
    if m.group("no"):
        return "the decision no longer applies an earlier decision's measures to some targets (not read)"
    if not any(a.action is ActionKind.IMPOSE and a.targets for a in record.actions):
        return "the decision applies an earlier decision's measures to targets in words the parse does not read"
    if APPLIED_TERM_RE.search(folded, m.end(), sentence_end(folded, m.end())):
        return "the decision applies an earlier decision's measures to targets for a term (not read)"
    return None


# A decision read as a new listing whose own sentence removes or extends: "中方决定将X（x）从反制清单中移除" (移除 is no STATUS_VERB),
# "中方决定，对X（x）采取的反制措施自…起延长一年" (review40, session 40: each read as a new impose on X, a false item).
# So too "中方决定将…（外交部令第13号）所列反制措施的暂停期限延长1年" (read as an impose naming no one and no decree: a listing "in
# force" of nobody, the extension lost, silently).
# And the measures ended, the verb last with no 实施/执行 (no STATUS_VERB): "对X（x）采取的反制措施自即日起终止" (review40).
# And any measures "采取的", taken before, the sentence's subject whatever its verb: "对X（x）采取的反制措施自即日起失效/作废/
# 撤回/结束", "…至…止", "…不再适用" (session 41, review42: each still read as a new listing of X; a new listing is "采取反制措施").
NOT_IMPOSING_RE = re.compile(r"移除|移出|删除|剔除|延长|延期|措施[^。；;:：\n]{0,30}?终止|采取的")


def removed_as_imposed(record: NoticeRecord, text: str) -> str | None:
    """Why a decision read as imposing only (no earlier decision named) whose decision sentence removes, extends or ends
    measures taken before (NOT_IMPOSING_RE) must be read by a person; else None."""
    if not record.actions or any(a.action is not ActionKind.IMPOSE or a.targets for a in record.actions):
        return None
    if not any(word in text for word in ("移", "删", "剔", "延", "终止", "采取的")):
        return None
    folded = _folded(text)
    decided = _decision(folded)
    if decided is None:
        return None
    m = NOT_IMPOSING_RE.search(folded, decided.end(), sentence_end(folded, decided.end()))
    if m is None:
        return None
    return f"the decision's sentence removes, extends or ends (\"{m.group()}\"), not read as a new listing"


# A suspension's term lengthened in a decision sentence ("…的暂停期限延长1年", "…规定的暂停对…采取反制措施的期限延长6个月"): read only
# as an extension (``reading.extension_first``). Beside another step it is not: "中方决定停止执行外交部令…第401号相关措施，（将）外交部令…
# 第402号相关措施的暂停期限延长1年" was a lift of No. 401 and of No. 402 (session 50, mfa50 probe: a false lift of a whole decree,
# the extension lost, silently); "恢复执行…第401号…，…第402号相关措施的暂停期限延长1年" a restore of both.
SUSPENSION_EXTENDED_RE = re.compile(r"暂停(?:实施|执行)?\s*(?:的\s*)?期限\s*(?:再\s*)?(?:予以\s*)?(?:延长|延期)|"
                                    r"规定\s*的?\s*暂停[^。;\n]{0,200}?期限\s*(?:再\s*)?(?:予以\s*)?(?:延长|延期)")


def extension_unread(record: NoticeRecord, text: str) -> str | None:
    """Why a decree whose decision sentence lengthens a suspension's term (SUSPENSION_EXTENDED_RE) with no extension read
    must be read by a person, else None."""
    if record.kind is not NoticeKind.MFA_ORDER or not record.actions or "期限" not in text or (
            "延长" not in text and "延期" not in text):
        return None
    if any(a.action is ActionKind.EXTEND for a in record.actions):
        return None
    folded = _folded(text)
    at = folded.find("决定")
    while at >= 0:
        side = at - 2 if folded[at - 2 : at] in ("中方", "我方") else at
        # (not one recalled with its day: "2042年12月20日，中方决定将…延长至…。…中方决定恢复执行…")
        if folded[at - 1 : at] != "本" and (record.published is None or not _dated_before(folded, side, record.published)):
            m = SUSPENSION_EXTENDED_RE.search(folded, at, sentence_end(folded, at))
            if m is not None:
                return f"the decision extends a suspension (\"{m.group()}\") beside another step (the extension is not read)"
        at = folded.find("决定", at + 2)
    return None


def several_decrees(record: NoticeRecord, text: str) -> str | None:
    """Why a page holding more than one decree of its own must be read by a person, else None."""
    if record.kind is not NoticeKind.MFA_ORDER or (text.count("号公布") + text.count("号发布") < 2
                                                  and text.count("现公布《") < 2):
        return None  # (every page of one decree: no fold of the text)
    folded = fold(text)
    numbers = {to_int(m.group("n")) for m in OWN_DECREE_RE.finditer(folded)} if folded.count("号公布") > 1 \
        or folded.count("号发布") > 1 else set()
    titles = set(PUBLISHED_TITLE_RE.findall(folded)) if folded.count("现公布《") > 1 else set()
    if len(numbers) > 1 or len(titles) > 1:
        return "the page holds more than one decree (only one is read)"
    return None


def _ref_number(key: str | None) -> int | None:
    tail = key.rsplit("-", 1)[-1] if key else ""
    return int(tail) if tail.isdigit() else None


def record_number(record: NoticeRecord) -> int | None:
    return _ref_number(record.key)


def announced_countermeasures(record: NoticeRecord, text: str) -> str | None:
    """Why an answer (a Q&A, a press conference) or a spokesperson's statement ("外交部发言人宣布：…依据《中华人民共和国
    反外国制裁法》，中方决定对X采取制裁措施，禁止其入境…": session 22, mfa22: read as an undated page of another kind,
    its list-less measure ignored with a note) that decides countermeasures with no decree must be read by a person
    (ANNOUNCED_RE), else None."""
    if "反外国制裁法" not in text:
        return None
    if record.kind is NoticeKind.QA:
        if record.actions:
            return None
    elif record.kind is not NoticeKind.OTHER or any(
            a.action is not ActionKind.MEASURE or a.list is not None for a in record.actions):
        return None
    if ANNOUNCED_RE.search(fold(text)) is None:
        return None
    if record.kind is NoticeKind.QA:
        return "an answer announces countermeasures under the Anti-Foreign Sanctions Law, with no decree read"
    return ("a page read as no decree (a spokesperson's statement, or a decree in a layout not read as one) decides "
            "countermeasures under the Anti-Foreign Sanctions Law")


def cut_short(record: NoticeRecord) -> str | None:
    """Why a decision's parse is that of a page cut short, or None: it names no target (NO_TARGETS), stops
    inside the decision (NO_END), ends in a name cut short (CUT_ENTRY), in a section heading (EMPTY_SECTION) or in
    an entry announcing subsidiaries (NO_MEMBERS), or
    imposes on targets read from its own sentences because the annex it refers to is missing (NO_ANNEX: the annex holds their English names,
    and so their keys). Stored, such a parse would miss the decision on a first fetch, or store fewer
    targets, or the same keyed anew, and withdraw the stored ones on a later one."""
    if record.kind is not NoticeKind.MFA_ORDER or not record.warnings:
        return None
    if NO_TARGETS in record.warnings:
        return "the decision names no target"
    if NO_END in record.warnings:
        return "the text stops inside the decision"
    if CUT_ENTRY in record.warnings:
        return CUT_ENTRY
    if EMPTY_SECTION in record.warnings:
        return EMPTY_SECTION
    if NO_MEMBERS in record.warnings:
        return NO_MEMBERS
    if NO_ANNEX in record.warnings and any(a.action is ActionKind.IMPOSE for a in record.actions):
        return "the decision refers to an annex (反制清单) it does not hold"
    return None


# A pager ending the decree's page ("1 2 下一页", "首页 上一页 1 2 下一页 尾页", "共2页"): the annex goes on on the next page
# (mfa.gov.cn writes it as "…_1.shtml"). Session 45 left it loud only where a count shows the shortfall (mfa45/09: 3 of 6);
# with no count stated the persons of page 2 were missed, silently (session 46's probe of mfa45/09).
PAGER_LINE_RE = re.compile(r"(?:\s|\d+|上一页|下一页|首页|尾页|末页|共\s*\d+\s*页|第\s*\d+\s*页|[\[\]|<>«»【】])+")
NEXT_PAGE = "下一页"


def next_page_unread(record: NoticeRecord, text: str) -> str | None:
    """Why a decree page whose text ends in a pager linking its next page must be read by a person, where no stated count
    already shows what the next page holds (a count mismatch: loud, the page's targets kept); else None."""
    if record.kind is not NoticeKind.MFA_ORDER or NEXT_PAGE not in text:
        return None
    if record.stated_count is not None and record.stated_count != len(record.entities):
        return None  # the count mismatch says it (health: count-mismatch), the targets read are kept
    for line in text.splitlines():
        if NEXT_PAGE in line and PAGER_LINE_RE.fullmatch(line.strip()) is not None:
            return f"the decree's page ends in a pager (\"{line.strip()}\"): the rest of it is on a next page, not read"
    return None


def persons_as_one(record: NoticeRecord) -> str | None:
    """Why a decree whose reading makes one person of words naming two ("及其主任X、项目协调人Y": X's name read "X、项目协调人Y",
    a role no list holds; both lost, silently: session 46, mfa46/02's neighbour) must be read by a person, else None. A
    person's name holds no "、" outside its brackets (an organisation's may: "波音防务、空间与安全集团")."""
    if record.kind is not NoticeKind.MFA_ORDER:
        return None
    for e in record.entities:
        if e.type == "individual" and e.zh and "、" in e.zh and "、" in re.sub(r"[(（][^()（）]*[)）]", "", e.zh):
            return f"the decision's reading makes one person of \"{e.zh}\" (two names read as one)"
    return None


# A name with its Latin spelling in brackets ("凯伦·霍斯特（Karen Horst）"), folded: the Chinese, then the bracket's Latin text.
BRACKETED_LATIN_RE = re.compile(r"[\u4e00-\u9fff·・]{2,40}\((?P<en>[A-Za-z][^()\n]{0,160})\)")


def _latin(text: str) -> str:
    """The letters and digits of ``text``, in lower case. (``filter`` with ``str.isalnum``: a generator's frame for each
    character of each target's spellings cost ~1,300 instructions a page: perf43.)"""
    return "".join(filter(str.isalnum, text.lower()))


def named_unread(record: NoticeRecord, text: str) -> str | None:
    """Why a decree must be read by a person when its operative part (from the decision on) names someone with a Latin
    spelling ("…（Karen Horst）") that none of its read entities spells, else None. Such a name sits where no target phrase
    looks: after the measure's verb ("一、冻结保罗·詹宁斯（Paul Jennings）、凯伦·霍斯特（Karen Horst）在我国境内的…财产"), as the
    partner of a ban ("禁止…与台海安全倡议基金会（…）进行有关交易"), or in a list of titled persons parted by commas
    ("美国国会众议员、前…成员琳达·卡斯特罗（Linda Castro），…"): session 42, mfa42/01, /02, /19 (each listed fewer targets than it
    names, no count to warn, silently)."""
    if record.kind is not NoticeKind.MFA_ORDER or "(" not in (folded := _folded(text)):
        return None
    decided = _decision(folded)
    if decided is None:
        return None
    # (a rename's old and new names are its renamed entity's: story38's "鉴于A（a）已更名为B（b）")
    spelled = [_latin(s) for e in (*record.entities, *record.renamed) for s in (e.en, *e.aliases, *e.branches) if s]
    # the prose only: an annex's lines are read by its own reader ("（一）X及其子公司：" over its subsidiaries' lines)
    end = min((i for i in (folded.find("本决定自", decided.start()), folded.find("\n附件", decided.start())) if i >= 0),
              default=len(folded))
    for m in BRACKETED_LATIN_RE.finditer(folded, decided.start(), end):
        latin = _latin(m.group("en").split(",")[0])
        if len(latin) < 3 or any(s.startswith(latin) or latin.startswith(s) for s in spelled if s):
            continue
        return f"the decision names {m.group()} but reads no target of that name (a target not read)"
    return None


def verb_first_unread(record: NoticeRecord, text: str) -> str | None:
    """Why a decree must be read by a person when a measure names targets after its verb that are not read (a bare Chinese
    name, a description: ``groups.doubtful_verb_first``) and no read target is each of them: "一、冻结A（a）在我国境内的…；二、禁止
    …个人与黑松导航系统公司进行有关交易" listed A alone, the second target in no item, silently, where such a phrase alone is held
    (no target: cut short; session 43, the lead's decision on mfa42's question; review48)."""
    if record.kind is not NoticeKind.MFA_ORDER or not record.entities or ("冻结" not in text and "禁止" not in text):
        return None
    folded = _folded(text)
    decided = _decision(folded)
    if decided is None:
        return None
    end = min((i for i in (folded.find("本决定自", decided.start()), folded.find("\n附件", decided.start())) if i >= 0),
              default=len(folded))
    read = {despace(s) for e in (*record.entities, *record.renamed) for s in (e.zh, e.en, *e.aliases) if s}
    for names in doubtful_verb_first(folded, decided.start(), end):
        unread = [name for name in names if despace(SCOPE_TAIL_RE.sub("", name).split("(")[0]) not in read]
        if unread:
            return f"the decision names \"{unread[0]}\" after its measure's verb, not read as a target (a target not read)"
    return None
