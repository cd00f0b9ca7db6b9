"""What several kinds of check share: the warning's ending for a step left out (LEFT_OUT), and the small readings of
sentences, clauses and decisions more than one module of checks asks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storage.records import ActionKind

from ... import actions as act
from ...dates import DURATION_RE, UNTIL_RE
from ...draft import Source
from ...lazyre import lazy_compile
from ...textnorm import marked
from ..named import sentence_start

LISTING_WORDS = ("列入", "移出", "移除", "调出")

# The end of every warning on a step the parse saw and could not read (``unread_limit``, ``unread_item``,
# ``unread_name_change``; session 23: ``suspension_without_target``, ``no_entities`` for a removal,
# ``unread_answer_step``): ``page.check_record`` refuses such a page for a person to read ("needs-review", an
# unusable-page health issue), as a warning alone is no health issue (session 22, loud22).
LEFT_OUT = ": left out"

# A day written whole ("2027年6月30日"), after 至/到 or any in a sentence saying 分别 (``unread_ends_apart``)
WHOLE_DAY_RE = lazy_compile(r"(?P<to>[至到]\s*)?(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
ENDS_APART_STEPS = (ActionKind.SUSPEND, ActionKind.EXTEND)

# what follows a year, not a term: a notice's number, a month ("2025年第21号", "2025年4月4日")
YEAR_AFTER_RE = lazy_compile(r"\s*(?:第|[〔(]|\d|[一二三四五六七八九十]{1,2}\s*月)")

DAY_JOINERS = ("和", "、", "及", "与")
DAY_BEFORE_JOINER_RE = lazy_compile(r"月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*[和、及与]$")

ITEM_KINDS = (ActionKind.LIFT, ActionKind.RESTORE, ActionKind.SUSPEND, ActionKind.EXTEND)

ITEM_MEASURES_RE = lazy_compile(r"[^。;；]{0,60}?措施")

# "决定" that decides ("商务部决定：", "现决定，", "工作机制决定"), not a title's or a clause's noun ("关于…的决定",
# "本决定自…施行", "《…决定》", "上述决定"): what follows it is the decision.
NOT_DECIDING_BEFORE = "本的该述此《"
# A step on a trade remedy or on tariffs (duties on goods: "暂停实施…反倾销措施1年", "暂停实施加征关税") acts on no list:
# no listing step is left out where its sentence names one ("非关税反制措施" are countermeasures, not tariffs).
OFF_LIST_RE = lazy_compile(r"反倾销|反补贴|保障措施|(?<!非)关税")

# "…的期限已于11月27日届满", "暂停期限已经到期": a term's end told in an answer.
TERM_ENDED = ("届满", "到期", "期满")
TERM_ENDED_MARKS = marked(TERM_ENDED)

# "撤销商务部公告2026年第166号", "…第51号…的决定，自…起失效", "延缓实施…第168号", "推迟实施…", "…自…起不再适用": an earlier
# notice undone, held off or ended in words the steps do not read (session 29, audit29/01, 04, 05, 22: loud only where the
# text happened to recount a count, ``counted_nothing_read``; silent without one); "撤回", "作废" (story35).
NOTICE_UNDONE_WORDS = ("撤销", "撤回", "作废", "失效", "延缓", "推迟", "不再适用")

SPEAKER_REACH = 16  # a speaker's label opening the sentence ("何亚东：", "商务部新闻发言人何亚东："), left out of the warning

# What ``clause_end`` stops at: a bracket, a clause mark, "?" or "." (the characters it judges, found by sre's scan).
CLAUSE_END_STOPS_RE = re.compile(r"[(),;:?.]")

# What a step's clause may hold after its object (the last 措施, 款 or notice): its term as the dates read it (DURATION_RE:
# "1年", "90天", "1年零3个月", "一周年"; UNTIL_RE: "至2027年12月10日", "到…"; "半年"), a bracket, a quote's end, "的暂停" ("解除对…相关措施
# 的暂停", "终止对…相关措施的暂停安排": session 41, held), the end of "除…外", nothing else: not "…的前提是", "…系误传", "…一事", "…等问题", "…的具体安排" (``_told_as_noun``).
# "至明年11月10日" (RELATIVE_UNTIL_RE's end, read by ``periods.until_day``; session 43, qa43/29: held for a person).
# "至2027年6月底" (MONTH_END_RE's, read by ``periods.until_day`` as the month's last day; session 47), "至2027年年底", "至明年上半年末",
# "至明年6月底" (the same; session 57, held57).
STEP_TERM = (rf"(?:{DURATION_RE.pattern}|半年|(?:截止|截)?(?:{UNTIL_RE.pattern}|(?:至|到)(?:今年|本年|明年)\d{{1,2}}月\d{{1,2}}日"
              r"|(?:至|到)(?:\d{4}年|今年|本年|明年)(?:\d{1,2}月|[上下]半年|年)?[底末])"
              r"(?:\d{1,2}时(?:\d{1,2}分)?)?(?:止|\(含\))?)")


def clause_spans(folded: str, s0: int, s1: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of ``folded[s0:s1]``, parted by "," and ";" (folded)."""
    c0 = s0
    while c0 < s1:
        c1 = min([p for p in (folded.find(",", c0, s1), folded.find(";", c0, s1)) if p >= 0] or [s1])
        yield c0, c1
        c0 = c1 + 1


def terms_in(folded: str, start: int, stop: int, years_out: bool = False) -> set[str]:
    """The terms (DURATION_RE) written in ``folded[start:stop]``, not a date's parts ("2027年", "1月1日", "公告2025年第21号");
    with ``years_out`` not a year written otherwise either ("二〇二五年", "2025 年4月4日": a term before 第, a month or 〇)."""
    return {"".join(m[0].split()) for m in DURATION_RE.finditer(folded, start, stop)
            if not (len(m["n"]) == 4 and m["n"].isdigit()) and not folded[m.start() - 1 : m.start()].isdigit()
            and folded[m.start() - 1 : m.start()] != "月"  # ("1月1日": no term)
            # ("4月4日和9日公告": the second day of a date, no term: session 48, qa47's open B, held as "two terms (1年、9日)")
            and not (m["unit"] == "日" and folded[m.start() - 1 : m.start()] in DAY_JOINERS
                     and DAY_BEFORE_JOINER_RE.search(folded, max(0, m.start() - 8), m.start()) is not None)
            and not (years_out and (folded[m.start() - 1 : m.start()] in ("〇", "零", "○")
                                    or YEAR_AFTER_RE.match(folded, m.end()) is not None))}


def on_measures(folded: str, v: re.Match[str], stop: int) -> bool:
    """Whether the verb ``v`` is a step on measures ("停止执行…采取的相关措施", "继续暂停实施相关措施", "停止对A、B采取的出口
    管制措施": story37 T3c, an answer naming its entities by Chinese name only, read as no step, exit 0), not a duty
    ("正在开展的相关活动应当立即停止")."""
    return (v[0].endswith(("实施", "执行")) or "暂停" in v[0] or folded.startswith("对", v.end())) \
        and ITEM_MEASURES_RE.match(folded, v.end(), stop) is not None


def off_list(folded: str, at: int) -> bool:
    """Whether the sentence holding ``at`` is about a trade remedy or tariffs (``OFF_LIST_RE``)."""
    return OFF_LIST_RE.search(folded, sentence_start(folded, at), act.sentence_end(folded, at)) is not None


def a_noun(folded: str, pos: int) -> bool:
    """Whether the 决定 at ``pos`` is a noun ("本决定", "上述决定", "《…决定》"), not a decision taken there."""
    return (pos > 0 and folded[pos - 1] in NOT_DECIDING_BEFORE) or folded.startswith("》", pos + 2)


def deciding_at(folded: str, end: int) -> int:
    """Where the first 决定 that decides stands in ``folded[:end]``, or -1."""
    pos = folded.find("决定", 0, end)
    while pos >= 0 and (a_noun(folded, pos) or folded.startswith("号", pos - 1)):
        # "商务部公告2026年第95号决定，自…至…暂停实施…": what an earlier notice decided, told (session 32, audit32/16:
        # the early end of that suspension refused for review)
        pos = folded.find("决定", pos + 2, end)
    return pos


def measures_step_words(folded: str, line: int, stop: int) -> bool:
    """Whether ``folded[line:stop]`` has the words every step on measures has (``on_measures``: 措施, and 实施, 执行 or
    暂停 in its verb, or 对 after it): a line without them ("并采取以下措施：", "本公告自公布之日起正式实施") is passed over
    before any regex."""
    find = folded.find
    return find("措施", line, stop) >= 0 and (find("实施", line, stop) >= 0 or find("执行", line, stop) >= 0
                                             or find("暂停", line, stop) >= 0 or find("对", line, stop) >= 0)


def imposes(drafts: list[act.ActionDraft]) -> bool:
    for x in drafts:
        if x.action is ActionKind.IMPOSE:
            return True
    return False


def answer_said(src: Source, s0: int, s1: int) -> str:
    """The sentence ``s0:s1`` as the warning quotes it: its speaker's label ("何亚东：") left out, 60 characters."""
    shown = src.text[s0:s1].strip()
    return shown[max(shown.find("：", 0, SPEAKER_REACH), shown.find(":", 0, SPEAKER_REACH)) + 1 :].strip()[:60]


def clause_end(folded: str, at: int, s1: int) -> int:
    """Where the clause holding ``at`` ends (its ",", ";", ":" or "?", else ``s1``), a comma inside a bracket no end
    ("…对美国稀土公司（USA Rare Earth, Inc.）采取的相关措施")."""
    depth = 0
    for m in CLAUSE_END_STOPS_RE.finditer(folded, at, s1):  # (a loop over every character cost ~40,000 a step: perf39)
        c, i = m.group(), m.start()
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (c != "." or after_cjk(folded, i)):
            return i
    return s1


def after_cjk(folded: str, i: int) -> bool:
    """Whether the "." at ``i`` follows a Chinese character: a full stop, not "Inc." nor "1."."""
    return i > 0 and "\u4e00" <= folded[i - 1] <= "\u9fff"
