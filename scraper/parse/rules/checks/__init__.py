"""Checks: the warnings a record carries (no date, a defaulted effective day, a count mismatch, a step seen and left
out, …), each a function of (``Source``, ``Draft``) returning a warning or None; ``rules.CHECKS`` lists them in the order
the record lists them (that order is behaviour).

One module a kind of check (split52, session 52: they were one module of 3,700 lines), a new check goes in the module
of what it asks about:

- ``basics``: what every record states: its publication date, its number, its effective date, a day at odds with the
  number or the publication; one notice to a page.
- ``counts``: the entities read against the counts the text states (the notice's, a list's, an annex's total line, per
  country, after the names of a step) and a count with nothing read. A listing's counts in the places a count stands
  (title, 【标题】, decision, measures, annex headings) are ``tallies``'s.
- ``tallies``: a listing's counts in the places a count stands (its title, the 【标题】 line, the decision, the measures'
  "上述N家", the annex headings) compared with one another (session 52, count52; in ``rules`` until session 53).
- ``terms``: terms and ends: a step's term or end said apart per notice or per entity, 分别, in another clause or
  sentence, in words the dates cannot read, at odds with itself; a lift or restore at a suspension's end.
- ``starts``: starts and days: a step's start said apart per notice, "自同日起", from the end of the term before, in words
  the dates cannot read, a day moved.
- ``notices``: which notices a step acts on: a notice named in a clause, a range, a bare number, by its day, counted
  ("上述两份公告"), or a step elided after its sentence's verb; a suspension whose notices were not found.
- ``targets``: which entities or measures of a notice a step reaches: limited to an entity not read, some of them
  counted or named, an object before or after the verb, some measures only, some entities or one of its notices
  excepted.
- ``barred``: a step on one measure of an earlier listing, named by what it bars, and measures said to apply no longer
  to someone ("不再对…适用…措施") (session 52, blind53; in ``rules`` until session 53).
- ``answers``: answers and notices telling steps: an answer's step decided with no notice, by a yearless number, after a
  term ended, denied, told as taken before ("商务部已于…发布公告"), planned or held off, adjusted, undone, corrected by its
  speaker, under a condition; a title's steps beside the body's.
- ``decided``: whether an answer's step is decided: a transcript's step with no decision word, a formal release's whose
  clause says more before the verb than who decides (its grounds, its speaker, a plain lead-in).
- ``listings``: listings, removals and moves: a whole list published again, a removal of annexed entities none read, a
  move beside another step, items listing on two lists (and an item's own day), an answer's listing, another list after
  将上述, an export ban.
- ``corrections``: corrections and items: a numbered item whose step was not read, a new name no rename covers, an
  annex's entry amended, a list corrected, a step on measures or a term changed beside the steps read.
- ``common``: what several kinds of check share: the warning's ending for a step left out (LEFT_OUT), and the small
  readings of sentences, clauses and decisions more than one module of checks asks.

This package re-exports the names tests and other modules imported from ``rules.checks`` before the split, for a
while; new code imports from the module that holds the name.
"""

from __future__ import annotations

from .answers import (
    conditional_step,
    corrected_answer,
    decided_on_number,
    told_answer_step,
    unread_adjustment,
    unread_answer_step,
    unread_answer_undone,
    unread_decided_answer,
    unread_denied_step,
    unread_late_suspension,
    unread_not_now_step,
    unread_step_after_end,
    unread_suspension_holds,
    unread_title_rest,
    unread_told_step,
    unread_yearless_beside,
    unread_yearless_step,
)
from .barred import unread_barred_measure, unread_no_longer_applied
from .basics import (
    UNSURE_DATE,
    dated_before_number,
    effective_before_publication,
    effective_defaulted,
    no_action_in_answer,
    no_notice_number,
    no_publication_date,
    second_notice,
)
from .common import LEFT_OUT, SPEAKER_REACH, after_cjk, clause_end
from .corrections import (
    NAME_CHANGE_RE,
    STATUS_VERB_WORDS,
    _status_verb_in,
    item_left_out,
    unread_annex_amendment,
    unread_item,
    unread_list_correction,
    unread_name_change,
    unread_step_on_measures,
    unread_term_change_beside_steps,
    unread_undone_beside_steps,
)
from .counts import (
    count_mismatch,
    counted_nothing_read,
    counts_at_odds,
    named_count_above,
    no_entities,
    unread_annex,
    unread_list_counts,
)
from .decided import (
    ANSWER_CLAUSE_MARKS,
    ANSWER_DECISION_RE,
    AUTHORITY_LEAD_RE,
    CONNECTIVE_CLAUSES,
    DECIDER_RE,
    LISTING_OBJECTS,
    LISTING_STEPS,
    LUOSHI_LEAD_RE,
    ORDINAL_CLAUSES,
    OWN_GROUND_RE,
    REASON_RE,
    RELEASE_SUBJECT_RE,
    REPORTED_RE,
    STEP_OBJECTS,
    STEP_TAIL_RE,
    TOPIC_LEAD_RE,
    TOPIC_TALK_RE,
    _clause_start,
    _decided,
    _plain_before,
    _told_as_noun,
    undecided_release_step,
    undecided_steps,
    undecided_transcript_step,
)
from .listings import (
    _then_above,
    republished_list,
    unread_answer_listing,
    unread_export_ban,
    unread_investigation_end,
    unread_item_day,
    unread_listing_item,
    unread_move_beside_step,
    unread_other_listing,
    unread_removal,
)
from .notices import (
    _told,
    suspension_without_target,
    unread_bare_notice,
    unread_counted_notices,
    unread_elided_step,
    unread_issuers_of_dated_notice,
    unread_notice_clause,
    unread_numbered_clause,
    unread_range,
    unread_range_end,
    unread_shared_subject,
    unread_vague_clause,
)
from .starts import (
    DAY_THEN_AND_RE,
    MOVE_FIRSTS,
    MOVE_WORDS,
    START_RE,
    START_ZI_RE,
    TOLD_DAY_RE,
    unread_from_end,
    unread_moved_day,
    unread_same_day,
    unread_start,
    unread_starts_apart,
)
from .tallies import counts_stated_apart
from .targets import (
    unread_counted_subset,
    unread_exception,
    unread_limit,
    unread_named_after_verb,
    unread_notice_excepted,
    unread_object,
    unread_part_of_measures,
    unread_respectively,
    unread_subset,
)
from .terms import (
    END_DAY_TOLD_RE,
    _clause_stop,
    _then_ends,
    unread_each_one_end,
    unread_end_of_other,
    unread_ends_apart,
    unread_ends_respectively,
    unread_entities_apart,
    unread_extended_end,
    unread_extended_period,
    unread_latin_term,
    unread_lift_at_expiry,
    unread_lift_term,
    unread_loose_lift_at_end,
    unread_no_restore,
    unread_shared_term,
    unread_term,
    unread_term_at_odds,
    unread_term_in_next_sentence,
    unread_terms_apart,
    unread_vague_end,
)

__all__ = ["ANSWER_CLAUSE_MARKS", "ANSWER_DECISION_RE", "AUTHORITY_LEAD_RE", "CONNECTIVE_CLAUSES", "DAY_THEN_AND_RE", "DECIDER_RE", "END_DAY_TOLD_RE", "LEFT_OUT", "LISTING_OBJECTS", "LISTING_STEPS", "LUOSHI_LEAD_RE", "MOVE_FIRSTS", "MOVE_WORDS", "NAME_CHANGE_RE", "ORDINAL_CLAUSES", "OWN_GROUND_RE", "REASON_RE", "RELEASE_SUBJECT_RE", "REPORTED_RE", "SPEAKER_REACH", "START_RE", "START_ZI_RE", "STATUS_VERB_WORDS", "STEP_OBJECTS", "STEP_TAIL_RE", "TOLD_DAY_RE", "TOPIC_LEAD_RE", "TOPIC_TALK_RE", "UNSURE_DATE", "after_cjk", "clause_end", "_clause_start", "_clause_stop", "_decided", "_plain_before", "_status_verb_in", "_then_above", "_then_ends", "_told", "_told_as_noun", "undecided_steps", "conditional_step", "corrected_answer", "count_mismatch", "counted_nothing_read", "counts_at_odds", "counts_stated_apart", "dated_before_number", "decided_on_number", "effective_before_publication", "effective_defaulted", "item_left_out", "named_count_above", "no_action_in_answer", "no_entities", "no_notice_number", "no_publication_date", "republished_list", "second_notice", "suspension_without_target", "told_answer_step", "undecided_release_step", "undecided_transcript_step", "unread_adjustment", "unread_annex", "unread_annex_amendment", "unread_answer_listing", "unread_answer_step", "unread_answer_undone", "unread_bare_notice", "unread_barred_measure", "unread_counted_notices", "unread_counted_subset", "unread_decided_answer", "unread_denied_step", "unread_each_one_end", "unread_elided_step", "unread_end_of_other", "unread_ends_apart", "unread_ends_respectively", "unread_entities_apart", "unread_exception", "unread_export_ban", "unread_extended_end", "unread_extended_period", "unread_from_end", "unread_investigation_end", "unread_issuers_of_dated_notice", "unread_item", "unread_item_day", "unread_late_suspension", "unread_latin_term", "unread_lift_at_expiry", "unread_lift_term", "unread_limit", "unread_list_correction", "unread_list_counts", "unread_listing_item", "unread_loose_lift_at_end", "unread_move_beside_step", "unread_moved_day", "unread_name_change", "unread_named_after_verb", "unread_no_longer_applied", "unread_no_restore", "unread_not_now_step", "unread_notice_clause", "unread_notice_excepted", "unread_numbered_clause", "unread_object", "unread_other_listing", "unread_part_of_measures", "unread_range", "unread_range_end", "unread_removal", "unread_respectively", "unread_same_day", "unread_shared_subject", "unread_shared_term", "unread_start", "unread_starts_apart", "unread_step_after_end", "unread_step_on_measures", "unread_subset", "unread_suspension_holds", "unread_term", "unread_term_at_odds", "unread_term_change_beside_steps", "unread_term_in_next_sentence", "unread_terms_apart", "unread_title_rest", "unread_told_step", "unread_undone_beside_steps", "unread_vague_clause", "unread_vague_end", "unread_yearless_beside", "unread_yearless_step"]
