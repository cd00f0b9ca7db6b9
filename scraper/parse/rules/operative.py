"""Where a notice decides: its annex line, articles, operative spans and text, the list it acts on, its stated and
effective day."""

from __future__ import annotations

import re
from datetime import date

from storage.records import ActionKind, ListKind, NoticeKind

from .. import actions as act
from .. import entities as ent
from ..dates import (
    effective_in,
    make_date,
    notice_effective,
)
from ..draft import Draft, Source
from ..lazyre import lazy_compile
from ..qa import (
    answer_spans,
)

COUNTERMEASURE_WORDS = ("反制", "反外国制裁法")
# A line that opens an article of a rule: "第八条　工作机制根据调查结果…", a blank after its number (a
# citation wrapped onto a line of its own, "第二十六条规定，…", has none). Matched up to the blank.
ARTICLE_HEAD_RE = re.compile(r"[ \t\u3000]*第[一二三四五六七八九十百零〇]{1,5}条[ \t\u3000\xa0]")
# The steps that put entities on a list or take them off: a notice of these alone, all from one later day it states and
# no day of its own, is in effect from that day (``steps_effective``).
LIST_MOVES = (ActionKind.IMPOSE, ActionKind.REMOVE)


def annex_line(src: Source, d: Draft) -> int | None:
    """Index of the annex heading line ("附件"), None when there is none."""
    return ent.annex_start(src.text)


def first_article(src: Source, d: Draft) -> int | None:
    """Where the first line opening an article ("第八条　…", ARTICLE_HEAD_RE) starts, None when no
    line does. A rule's articles say what may be done to "有关外国实体" in general ("第十三条　工作
    机制…可以决定将有关外国实体移出不可靠实体清单"): they decide nothing (a decision cites articles
    inside its sentences, "根据…第二条、第八条…规定", never opens a line with one)."""
    if d.qa:
        return None
    folded = src.folded
    find, rfind = folded.find, folded.rfind
    pos = find("条")
    while pos >= 0:
        start = rfind("\n", 0, pos) + 1
        if ARTICLE_HEAD_RE.fullmatch(folded, start, pos + 2):
            return start
        pos = find("条", pos + 1)
    return None


def operative_spans(src: Source, d: Draft) -> list[tuple[int, int]]:
    """Where actions are read: a Q&A's answers; a notice's body above its annex and its first article."""
    if d.qa:
        return answer_spans(src.folded)
    if d.annex_line:
        # up to the annex heading's line: the lines before it, each with its line end
        end = sum(map(len, src.lines[: d.annex_line])) + d.annex_line
    else:
        end = len(src.folded)
    return [(0, end if d.articles is None else min(end, d.articles))]


def operative_text(src: Source, d: Draft) -> str:
    if len(d.spans) == 1:
        start, end = d.spans[0]
        return src.folded[start:end]
    return "\n".join([src.folded[s:e] for s, e in d.spans])


def context_list(src: Source, d: Draft) -> ListKind | None:
    """The list the text is about: a UEL number says UEL; an order under the
    Anti-Foreign Sanctions Law is a countermeasure; else the list named first."""
    if d.identity.kind is NoticeKind.UEL_ANNOUNCEMENT:
        return ListKind.UEL
    if d.identity.kind is NoticeKind.ORDER and any(word in src.folded for word in COUNTERMEASURE_WORDS):
        return ListKind.COUNTERMEASURE
    return act.list_in(d.folded_title) or act.list_in(d.operative)


# A press conference's own day in its title: "商务部例行新闻发布会（2026年12月3日）".
CONFERENCE_DAY_RE = lazy_compile(r"(?:新闻发布会|记者会)\s*\(\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*\)")
CONFERENCE_POSTED_WITHIN = 7  # days: a transcript posted later than this is no copy of the day's words to count from


def spoken_day(d: Draft) -> date | None:
    """The day an answer was said: a press conference's own day in its title when its transcript was posted after it (the
    transcript of 12-03 posted at 00:30 on 12-04: "自明日起" is 12-04; session 42, qa42/17: read as 12-05, a day late);
    else the publication day."""
    if not d.qa or d.published is None or "发布会" not in d.folded_title and "记者会" not in d.folded_title:
        return d.published  # (nearly every text)
    m = CONFERENCE_DAY_RE.search(d.folded_title)
    said = make_date(*m.group("y", "m", "d")) if m is not None else None
    if said is None or not 0 < (d.published - said).days <= CONFERENCE_POSTED_WITHIN:
        return d.published
    return said


def stated_effective(src: Source, d: Draft) -> str | None:
    """A Q&A: the first "自…起" date in its answers that is not history (``act.stale``: "此前，中方已自
    2025年11月10日起…" in an answer of 2026). A notice: "本公告自…起实施"."""
    if not d.qa:
        return notice_effective(src.folded, d.published)
    said = spoken_day(d)
    for s, e in d.spans:
        for sm in act.SENTENCE_RE.finditer(src.folded, s, e):
            # (or a period written whole with no 自 and no 起: "在2026年12月10日至2027年12月9日期间", "2026年12月10日至…，"; qa47)
            if "自" in sm.group(0) or "至" in sm.group(0) and "起" not in sm.group(0):
                found = effective_in(sm.group(0), said)
                if found and not act.stale(found, d.published):
                    return found
    return None


def effective(src: Source, d: Draft) -> str | None:
    """The stated effective date, else the publication date."""
    return d.stated_effective or (d.published.isoformat() if d.published else None)


def steps_effective(src: Source, d: Draft) -> str | None:
    """A numbered listing or removal notice stating no day of its own ("本公告自…起实施") whose steps all put entities on
    or off a list from one later day it states ("商务部决定自2027年9月1日起将上述2家实体移出…", published 2027-08-28): in
    effect from that day, not its publication day with a false "no effective date stated" (session 53, blind54/10;
    session 54, par54). A notice of steps on measures keeps its publication day (blind54/20, /26: pinned so, blind).
    Else ``d.effective`` as it was."""
    if d.qa or d.own is None or d.stated_effective or d.published is None or not d.actions:
        return d.effective
    day = d.actions[0].effective
    if day is None or day[:10] <= d.published.isoformat() or any(
            a.effective != day or a.action not in LIST_MOVES for a in d.actions):
        return d.effective
    return day
