"""What a notice does: actions with targets, effective dates and durations.

Clause by clause: a verb (继续暂停 extend, 暂停 suspend, 停止/取消/解除 lift, 移出 remove,
恢复 restore, 列入 impose, 启动调查 investigate) and the notices it names
(by number, by "M月D日公告", or by "2025年4月4日被列入出口管制管控名单的16家美国实体").
A status verb with no target is not an action ("正在开展的相关出口活动应当立即停止").
All patterns run on folded text; spans slice the clean text.

The package's modules, from the bottom up: ``words``, ``refs``, ``periods``, ``tense``, ``targets``, ``clauses``;
here, the names the other parser modules use.
"""

from __future__ import annotations

from .clauses import find_actions, measure_action
from .periods import MAX_DAYS, MAX_YEARS, duration_in, stale, until_day
from .refs import (
    DATE_LIST_GATE_RE,
    DATE_LIST_RE,
    DATE_NOTICE_GATE_RE,
    DATE_NOTICE_RE,
    DATE_START,
    attach_dates,
    collect_refs,
)
from .targets import ITEM_LINE_RE, told_suspension
from .tense import QUOTED_TITLE_RE, dated_before, is_recounted, told_as_past
from .words import (
    DECISION_RE,
    LIST_KIND,
    LIST_OF,
    LIST_WORD_RE,
    LIST_WORDS,
    MODAL_BEFORE,
    MODAL_ENDS,
    MODAL_RE,
    NOT_NOW_RE,
    SENTENCE_RE,
    THE_OTHERS_ALT,
    VERB_KINDS,
    VERB_RE,
    ActionDraft,
    list_in,
    sentence_end,
)

__all__ = ["ActionDraft", "DATE_LIST_GATE_RE", "DATE_LIST_RE", "DATE_NOTICE_GATE_RE", "DATE_NOTICE_RE", "DATE_START", "DECISION_RE", "ITEM_LINE_RE", "LIST_KIND", "LIST_OF", "LIST_WORDS", "LIST_WORD_RE", "MAX_DAYS", "MAX_YEARS", "MODAL_BEFORE", "MODAL_ENDS", "MODAL_RE", "NOT_NOW_RE", "QUOTED_TITLE_RE", "SENTENCE_RE", "THE_OTHERS_ALT", "VERB_KINDS", "VERB_RE", "attach_dates", "collect_refs", "dated_before", "duration_in", "find_actions", "is_recounted", "list_in", "measure_action", "sentence_end", "stale", "told_as_past", "told_suspension", "until_day"]
