"""Rejections: texts that are no notice (an off-topic answer, an unnumbered text with no body or no action, a reprint,
a paper's report of a change). Each is asked as soon as the fields it reads are filled (``REJECTS``)."""

from __future__ import annotations

import re

from storage.records import ActionKind

from ..draft import BODY_LINE_MIN, Draft, Source
from ..lazyre import lazy_compile
from ..number import find_own_number
from ..qa import (
    ANSWER_MARK_RE,
    QUESTION_BREAK_RE,
)
from .checks import unread_answer_step
from .identify import own_source
from .named import sentence_start

# A paper's words for what MOFCOM said or did ("商务部12日晚间宣布，…继续暂停…", "据商务部网站消息，商务部新闻
# 发言人表示，…", "记者从商务部获悉，…"): before a status change in its sentence, they tell the change.
REPORTED_RE = lazy_compile(r"宣布|表示|获悉|消息|报道|据悉|透露|指出|回应")
# MOFCOM publishing a text itself: its 【发布单位】 line names it, or the page is in its spokesperson's section
# (``/xwfb/xwfyrth/``, shared/domain.md b.1; its news sections also repost papers' reports). Its spokesperson's
# statement ("商务部新闻发言人表示，…商务部决定…继续暂停…") says 表示 as a paper does.
OWN_PUBLISHER_RE = lazy_compile(r"【\s*发布单位\s*】[^\n]*(?:商务部|工作机制)")
SPOKESPERSON_URL_RE = lazy_compile(r"^https?://(?:[\w-]+\.)*mofcom\.gov\.cn/xwfb/xwfyrth/", re.IGNORECASE)
STATE_CHANGES = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.LIFT, ActionKind.RESTORE)  # characters of a Q&A's head looked at for a stated day


# Each is asked as soon as the fields it reads are filled (``REJECTS``): a text it rejects skips
# the rules after it. They read ``drafts``, not the ``actions`` built from them: there is an
# action record for every draft (``action_records`` dedupes, and leaves out only an action limited to
# an entity that could not be read, which ``unread_limit`` reports).


def off_topic_answer(src: Source, d: Draft) -> bool:
    """A spokesperson answer about something else (trade data, tariffs, ...). Not one that decides a step on measures
    it names no notice for (``unread_answer_step``: "中方决定，自…起，停止执行对上述16家美国实体采取的出口管制措施" under a
    title naming no list, the list named in the question): rejected, it was dropped without a word (session 25,
    parse25); kept, its check refuses it for a person to read."""
    return d.qa and not d.drafts and d.context_list is None and unread_answer_step(src, d) is None


def unnumbered_without_body(src: Source, d: Draft) -> bool:
    """An unnumbered text is a notice only when it has body text (whatever it says)."""
    if d.qa or d.own:
        return False
    for line in src.lines:
        if len(line) >= BODY_LINE_MIN:
            return False
    return True


def unnumbered_without_action(src: Source, d: Draft) -> bool:
    """An unnumbered text is a notice only when it acts."""
    return not d.qa and not d.own and not d.drafts


def unnumbered_reprint(src: Source, d: Draft) -> bool:
    """An unnumbered text that holds a notice's title line (a line opening with a number of a
    notice's own, no sentence: "商务部公告2025年第22号 公布将12家美国实体列入…") before its first action
    gives that notice after words of its own (a reprint whose lead ``read_source`` did not know): its
    actions are the notice's, which is read from its own page under its own key. Acting here too, under
    a DOC key, would list the same entities a second time."""
    if d.qa or d.own or not d.drafts:
        return False
    first = min([x.start for x in d.drafts])
    folded, text = src.folded, src.text
    find = folded.find
    pos = find("号", 0, first)  # every number ends in 号
    while pos >= 0:
        start = folded.rfind("\n", 0, pos) + 1
        end = find("\n", pos)
        end = len(folded) if end < 0 else end
        line = folded[start:end]
        if "。" not in line and "," not in line and find_own_number([text[start:end].strip()], [line.strip()], text,
                                                                     strict=True):
            return True
        pos = find("号", end, first)
    return False


def _published_by_mofcom(src: Source) -> bool:
    """Whether MOFCOM published the text itself (its spokesperson's page, its 【发布单位】 line): its own words."""
    return (SPOKESPERSON_URL_RE.match(src.hints.url or "") is not None
            or OWN_PUBLISHER_RE.search(src.folded, 0, 400) is not None)


def reported_change(src: Source, d: Draft) -> bool:
    """A text of no number of its own that tells a status change in a paper's words ("中国商务部12日晚间宣布，
    对…16家美国实体，继续暂停实施相关措施90天") is a press report: it changes nothing itself (the Q&A or
    notice that made the change does, under its own key), dated or not. So is a "Q&A" that is only a
    report quoting the answer ("中国商务部今晚发布答记者问。商务部新闻发言人表示，「自…起，继续暂停…」"): no
    question, no answer mark, no MOFCOM source line. An answer ("答：商务部于5月14日宣布暂停…") is
    MOFCOM's own words and still acts, and so does a text MOFCOM publishes itself (its spokesperson's
    statement on its site: ``_published_by_mofcom``)."""
    if d.own or not d.drafts or _published_by_mofcom(src):
        return False
    folded = src.folded
    if d.qa and (own_source(d.dateline[1]) or QUESTION_BREAK_RE.search("\n" + folded)):
        return False  # MOFCOM's Q&A, or one that asks (its question lines tried at the line breaks alone)
    if ANSWER_MARK_RE.search(folded):
        return False
    for x in d.drafts:
        if x.action in STATE_CHANGES and REPORTED_RE.search(folded, sentence_start(folded, x.start), x.start):
            return True
    return False
