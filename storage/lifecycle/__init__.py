"""The lifecycle engine: stored notices + a date -> events and listing states. Pure.

A *listing* is (listing notice, list): the entities a notice put on a list. An
item-control notice (no list, no entities, e.g. 商务部公告2024年第46号) that a later
notice suspends is a listing too, on ``ListKind.ITEMS`` with no entities: the same
steps, countdowns and lapse rules give its items a state, in notice-scope events
only. Its entities change state through *steps*: one action of one notice applied to one
listing (a Q&A suspending two notices makes two steps). Steps apply in
effective-date order, ties broken by acting notice key, so the order notices were
stored in never matters.

Knowledge and time are kept apart: a notice is *known* from its publication date
(its events exist from then, so an announcement effective in five days is news
today), while the state only changes on the effective date. Until then the status row says what is
coming (``next_*``: "in force; announced: lifted from 2025-11-10"), and a listing with nothing in
effect yet is ANNOUNCED ("announced: in force from 2025-04-10"). A suspension whose end
date passes with nothing newer known *lapses*: the measures are presumed back in
force, which is said plainly and flagged for review. Countdown items fire 30 and
7 days before an end date, but only if on that day the end date was still the
current one as then known.

The package's modules, from the bottom up: ``model`` (listings, steps, states, the days a notice counts from),
``text`` (what an item says), ``builder`` (events, ids, problems), ``targets`` (which listings a step reaches),
``corrections``, ``simulate`` (a listing's steps over time: states, lapses, countdowns, rows), ``collect`` (notices
to listings and steps), ``notices`` (notice-scope events), ``derive`` (the entry point).
"""

from .corrections import corrects_names
from .derive import corrected_keys, derive
from .model import CORRECTION_WORDS, EVENT_STATES, Derivation, known_from, known_from_record
from .notices import event_sort_key
from .text import clauses

__all__ = ["CORRECTION_WORDS", "EVENT_STATES", "Derivation", "clauses", "corrected_keys", "corrects_names", "derive",
           "event_sort_key", "known_from", "known_from_record"]
