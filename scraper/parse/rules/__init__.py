"""The rules that read a notice or Q&A, as ordered tables.

``RULES`` rows are (field, rule): ``parse_text`` runs them in order and stores what
each returns in that ``Draft`` field; a rule reads the ``Source`` (the text views)
and the fields filled before it, and returns a value (pure). ``REJECTS`` say the
text is no notice at all, each as soon as the fields it reads are filled (the rules
after it are not run for a text it rejects); ``CHECKS`` return a warning or None, in
the order the record lists them. To add a rule: write a small function in the module of its kind (``identify``,
``operative``, ``steps``, ``named``, ``record``, ``rejects``, a module of
``checks``: its docstring says which), add one row here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..draft import Draft, Source
from .checks.answers import (
    conditional_step,
    corrected_answer,
    unread_adjustment,
    unread_answer_step,
    unread_answer_undone,
    unread_decided_answer,
    unread_denied_step,
    unread_late_suspension,
    unread_not_now_step,
    unread_step_after_end,
    unread_step_before_others,
    unread_suspension_holds,
    unread_title_rest,
    unread_told_step,
    unread_yearless_beside,
    unread_yearless_step,
)
from .checks.barred import unread_barred_measure, unread_no_longer_applied
from .checks.basics import (
    dated_before_number,
    effective_before_publication,
    effective_defaulted,
    mirror_day_start,
    no_action_in_answer,
    no_notice_number,
    no_publication_date,
    second_notice,
)
from .checks.corrections import (
    unread_annex_amendment,
    unread_item,
    unread_list_correction,
    unread_name_change,
    unread_step_on_measures,
    unread_term_change_beside_steps,
    unread_undone_beside_steps,
)
from .checks.counts import (
    count_mismatch,
    counted_nothing_read,
    counts_at_odds,
    named_count_above,
    no_entities,
    unread_annex,
    unread_list_counts,
)
from .checks.decided import undecided_release_step, undecided_transcript_step
from .checks.listings import (
    annex_number_gap,
    republished_list,
    two_entries_in_one,
    unread_answer_listing,
    unread_export_ban,
    unread_fine_beside_listing,
    unread_investigation_end,
    unread_item_day,
    unread_listing_item,
    unread_move_beside_step,
    unread_named_listing,
    unread_other_listing,
    unread_removal,
)
from .checks.notices import (
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
from .checks.starts import unread_from_end, unread_moved_day, unread_same_day, unread_start, unread_starts_apart
from .checks.tallies import counts_stated_apart
from .checks.targets import (
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
from .checks.terms import (
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
from .identify import (
    dateline,
    folded_title,
    identity,
    is_answer,
    numbered,
    own_number,
    publication_day,
    publication_time,
    stated_days,
)
from .named import decision, entities, stated_count
from .operative import (
    annex_line,
    context_list,
    effective,
    first_article,
    operative_spans,
    operative_text,
    stated_effective,
    steps_effective,
)
from .recaps import recounted_steps
from .record import action_records, named_references, renames_read
from .rejects import (
    another_authority,
    consultation_draft,
    off_topic_answer,
    reported_change,
    unnumbered_reference_list,
    unnumbered_reprint,
    unnumbered_without_action,
    unnumbered_without_body,
)
from .steps import (
    asked_notice_steps,
    clause_actions,
    excepted_restored,
    measure,
    measures_later,
    notice_list,
    on_goods,
    one_measure_lifted,
    quoted_in_correction,
    references,
    restored_at_lapse,
    suspenders_restored,
    titled_listing,
)

Rule = Callable[[Source, Draft], Any]
Reject = Callable[[Source, Draft], bool]
Check = Callable[[Source, Draft], str | None]

RULES: tuple[tuple[str, Rule], ...] = (
    ("numbered", numbered),
    ("qa", is_answer),
    ("own", own_number),
    ("dateline", dateline),
    ("published", publication_day),
    ("published_at", publication_time),
    ("identity", identity),
    ("folded_title", folded_title),
    ("annex_line", annex_line),
    ("articles", first_article),
    ("spans", operative_spans),
    ("operative", operative_text),
    ("context_list", context_list),
    ("stated_effective", stated_effective),
    ("effective", effective),
    ("refs", references),
    ("drafts", clause_actions),
    ("drafts", asked_notice_steps),
    ("drafts", suspenders_restored),
    ("drafts", excepted_restored),
    ("drafts", one_measure_lifted),
    ("drafts", measure),
    ("drafts", titled_listing),
    ("drafts", measures_later),
    ("drafts", quoted_in_correction),
    ("drafts", on_goods),
    ("drafts", restored_at_lapse),
    ("recaps", recounted_steps),
    ("notice_list", notice_list),
    ("decision", decision),
    ("count", stated_count),
    ("entities", entities),
    ("actions", action_records),
    ("effective", steps_effective),
    ("stated_days", stated_days),
    ("references", named_references),
    ("renames", renames_read),
)
# (field, reject): asked once the last row filling ``field`` has run.
REJECTS: tuple[tuple[str, Reject], ...] = (
    ("own", unnumbered_without_body), ("recaps", off_topic_answer), ("drafts", unnumbered_without_action),
    ("drafts", unnumbered_reprint), ("drafts", unnumbered_reference_list), ("drafts", reported_change), ("drafts", another_authority),
    ("drafts", consultation_draft),
)
CHECKS: tuple[Check, ...] = (
    no_publication_date, effective_defaulted, count_mismatch, no_entities, republished_list, suspension_without_target,
    no_action_in_answer, no_notice_number, dated_before_number, effective_before_publication, mirror_day_start, unread_limit, unread_item, unread_name_change, unread_annex_amendment,
    unread_answer_step, unread_step_before_others, unread_yearless_beside, unread_yearless_step, unread_late_suspension, unread_suspension_holds, unread_step_after_end, unread_removal, unread_move_beside_step, unread_annex, unread_respectively, unread_notice_excepted, unread_entities_apart, unread_starts_apart, unread_term_in_next_sentence, unread_ends_apart, unread_elided_step, unread_bare_notice, unread_range, unread_range_end, unread_counted_subset, unread_vague_clause, unread_end_of_other, unread_terms_apart, unread_notice_clause, unread_numbered_clause, unread_issuers_of_dated_notice, unread_decided_answer, unread_denied_step, unread_same_day, unread_from_end, unread_counted_notices, unread_object, unread_named_after_verb, unread_part_of_measures, unread_subset, unread_investigation_end, unread_not_now_step, unread_adjustment, second_notice,
    unread_list_correction,
    unread_barred_measure,
    unread_no_longer_applied,
    unread_title_rest,
    unread_told_step,
    unread_listing_item,
    unread_item_day,
    unread_step_on_measures, unread_term_change_beside_steps, unread_undone_beside_steps, unread_answer_undone, corrected_answer, unread_start, unread_moved_day, unread_lift_term, unread_latin_term, unread_each_one_end, unread_ends_respectively, unread_lift_at_expiry, unread_no_restore, unread_loose_lift_at_end, unread_vague_end, unread_term, unread_term_at_odds, unread_extended_end, unread_extended_period, unread_shared_term, unread_shared_subject, unread_exception, conditional_step, undecided_transcript_step, undecided_release_step, unread_list_counts, counts_at_odds, counts_stated_apart, named_count_above, unread_export_ban, unread_fine_beside_listing, unread_answer_listing, unread_other_listing, two_entries_in_one, annex_number_gap, unread_named_listing, counted_nothing_read,  # last: a more telling reason first
)
# When a check answers None at once: the condition its first statement returns None on, written as there (a condition of
# the Draft alone, no view of the text). The runner asks it inline and calls the check only where it does not hold
# (``notice.compile_tables``): a call of a check that returns at once costs ~470 instructions, and ~19 of a page's calls
# did (perf55, session 53). Only a condition as the check's own first statement writes it belongs here:
# tests/scraper/test_parse_perf55.py holds each to that statement (change both together, or drop the row).
SKIPS: dict[Check, str] = {
    effective_defaulted: "d.qa or d.own is None or d.stated_effective or (d.published is None)",
    no_entities: "d.qa or d.entities",
    republished_list: "d.qa or d.actions",
    suspension_without_target: "d.qa",
    effective_before_publication: "not d.qa or not d.published",
    mirror_day_start: "not d.published",
    two_entries_in_one: "not d.entities",
    annex_number_gap: "not d.entities or d.count[0] is not None",
    unread_item: "d.qa",
    unread_annex_amendment: "d.qa or d.own is None",
    unread_answer_step: "not d.qa",
    unread_step_before_others: "not d.refs or not d.drafts",
    unread_yearless_beside: "not d.qa",
    unread_yearless_step: "d.qa or not d.drafts",
    unread_late_suspension: "not d.qa or d.actions or d.published is None",
    unread_step_after_end: "not d.qa or d.drafts or (not d.refs)",
    unread_removal: "d.qa or d.entities or (not any((a.action is ActionKind.REMOVE and a.targets and (not a.entities) "
                    "for a in d.actions)))",
    unread_move_beside_step: "d.qa or len(d.drafts) < 3",
    unread_range: "len(d.refs) < 2",
    unread_range_end: "not d.refs",
    unread_counted_subset: "not d.refs",
    unread_end_of_other: "not d.refs",
    unread_decided_answer: "not d.qa or d.drafts",
    unread_investigation_end: "d.drafts or d.qa or d.context_list is not ListKind.UEL or ('调查' not in d.operative)",
    unread_told_step: "d.qa or d.published is None or (not d.refs)",
    unread_listing_item: "d.qa or not any((x.action is ActionKind.IMPOSE and (not x.targets) for x in d.drafts))",
    unread_item_day: "d.qa or d.published is None",
    unread_step_on_measures: "d.qa or d.own is None or d.actions or d.drafts",
    unread_term_change_beside_steps: "d.qa or d.own is None or (not d.drafts) or (not d.refs)",
    unread_undone_beside_steps: "d.qa or d.own is None or (not d.actions) or (not d.refs)",
    unread_answer_undone: "not d.qa or d.actions or d.drafts or (not d.refs)",
    corrected_answer: "not d.qa or not d.drafts",
    unread_start: "not d.drafts or d.published is None",
    unread_moved_day: "not d.drafts or d.published is None",
    unread_extended_end: "not d.drafts",
    unread_export_ban: "d.qa or d.own is None or d.entities or d.actions or d.drafts",
    unread_answer_listing: "not d.qa",
    unread_other_listing: "d.qa or not d.drafts",
}
