"""Where a notice decides: its annex line, articles, operative spans and text, the list it acts on, its stated and
effective day."""

from __future__ import annotations

import re

from storage.records import ListKind, NoticeKind

from .. import actions as act
from .. import entities as ent
from ..dates import (
    effective_in,
    notice_effective,
)
from ..draft import Draft, Source
from ..qa import (
    answer_spans,
)

COUNTERMEASURE_WORDS = ("反制", "反外国制裁法")
# A line that opens an article of a rule: "第八条　工作机制根据调查结果…", a blank after its number (a
# citation wrapped onto a line of its own, "第二十六条规定，…", has none). Matched up to the blank.
ARTICLE_HEAD_RE = re.compile(r"[ \t\u3000]*第[一二三四五六七八九十百零〇]{1,5}条[ \t\u3000\xa0]")


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


def stated_effective(src: Source, d: Draft) -> str | None:
    """A Q&A: the first "自…起" date in its answers that is not history (``act.stale``: "此前，中方已自
    2025年11月10日起…" in an answer of 2026). A notice: "本公告自…起实施"."""
    if not d.qa:
        return notice_effective(src.folded, d.published)
    for s, e in d.spans:
        for sm in act.SENTENCE_RE.finditer(src.folded, s, e):
            if "自" in sm.group(0):
                found = effective_in(sm.group(0), d.published)
                if found and not act.stale(found, d.published):
                    return found
    return None


def effective(src: Source, d: Draft) -> str | None:
    """The stated effective date, else the publication date."""
    return d.stated_effective or (d.published.isoformat() if d.published else None)
