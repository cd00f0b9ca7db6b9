"""Listed entities: annex lines, prose lists, the stated count and the country.

An annex line is "1. 中文名（English）" in its many variants (no space after the dot,
U+3000 indents, ASCII brackets, a space before the bracket, tab-separated table
rows, "①" numbers); "-Branch name" lines belong to the entity above; an empty "29." is
ignored. A table is read by its header row's cells (序号, 中文名称, 英文名称, 国家/地区; a
merged country cell carries down); a line "美国实体名单" or "英国：" gives the country of
the lines below; numbered annexes (附件1, 附件2) are read from the first; a name wrapped
over lines is joined; an alias, address or a person's sex and role after the name goes
to the note. A prose list is the "决定将A公司（A）、B公司（B）列入…" sentence (or the
names after the colon of "决定将以下实体列入…："). Names are sliced from the clean text
(as written) and passed through ``clean_display``.

The package's modules, from the bottom up: ``names``, ``annex``, ``prose``, ``counts``, ``pointers``;
here, the names the other parser modules use.
"""

from __future__ import annotations

from .annex import (
    ANNEX_LINE_RES,
    CANDIDATE_LINES,
    EN_HEADS,
    FOOTNOTE_ENDS,
    FOOTNOTE_MARK_RE,
    PLAIN_LINE,
    SERIAL_HEADS,
    ZH_HEADS,
    annex_entities,
    annex_start,
)
from .counts import count_and_country, count_parts, country_of, split_and_country, stated_count
from .names import (
    BRACKETED_NAME,
    COUNT_GATE_RE,
    COUNT_PHRASE_RE,
    COUNT_RE,
    COUNTRIES,
    COUNTRY_ALT,
    COUNTRY_IN_RE,
    COUNTRY_NAMES,
    ENTITY_NOUN,
    NAME_RUN_RE,
    OBJECT_OF_DUI_RE,
    PROSE_DECISION_RE,
    cached_key,
    clean_display,
    make_entity,
    script_variants,
    split_name,
    trim_tail,
    typed_as,
)
from .pointers import (
    earlier_named,
    following_names,
    is_anaphor,
    is_forward,
    is_generic,
    is_pronoun,
    name_runs,
    object_entity,
    pointed_names,
    without_clause,
)
from .prose import (
    ENGLISH_IN_BRACKETS_RE,
    PROSE_LIST_RE,
    PROSE_MAX,
    SIMPLE_PAIRS_RE,
    completed,
    decision_prose,
    distinct,
    object_of_dui,
    objects_of_dui,
    prose_entities,
    prose_items,
    split_prose_items,
    summarised_names,
)

__all__ = ["ANNEX_LINE_RES", "BRACKETED_NAME", "CANDIDATE_LINES", "COUNTRIES", "COUNTRY_ALT", "COUNTRY_IN_RE", "COUNTRY_NAMES", "COUNT_GATE_RE", "COUNT_PHRASE_RE", "COUNT_RE", "ENGLISH_IN_BRACKETS_RE", "ENTITY_NOUN", "EN_HEADS", "FOOTNOTE_ENDS", "FOOTNOTE_MARK_RE", "NAME_RUN_RE", "OBJECT_OF_DUI_RE", "PLAIN_LINE", "PROSE_DECISION_RE", "PROSE_LIST_RE", "PROSE_MAX", "SERIAL_HEADS", "SIMPLE_PAIRS_RE", "ZH_HEADS", "annex_entities", "annex_start", "cached_key", "clean_display", "completed", "count_and_country", "count_parts", "country_of", "decision_prose", "distinct", "earlier_named", "following_names", "is_anaphor", "is_forward", "is_generic", "is_pronoun", "make_entity", "name_runs", "object_entity", "object_of_dui", "pointed_names", "objects_of_dui", "script_variants", "prose_entities", "prose_items", "split_name", "split_and_country", "split_prose_items", "stated_count", "summarised_names", "trim_tail", "typed_as", "without_clause"]
