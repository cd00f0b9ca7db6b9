"""A press conference's undecided topic held alone, its other topics read (session 41, qa39's B 29).

A transcript (例行新闻发布会) answers five or more topics. One topic's doubt ("中方会否自…起恢复实施，将根据美方表现而定")
is a step no decision takes (``rules.checks.undecided_transcript_step``): left out, it refused the whole page for a
person, so another topic's true, decided lift or suspension waited for that person too: an item missed until someone
acted. Now only the undecided steps are held: they leave the record's ``actions`` for its ``held`` (never applied until
a person accepts one, ``storage.heldsteps``: one open issue each), and the page's decided steps are read. Not so (the page
refused whole, as before) where no decided step is left, or where another step of the page is left out for a reason
of its own (``rules.LEFT_OUT``): only this one doubt is known to be a topic of its own.
"""

from __future__ import annotations

from storage.records import ActionRecord

from .draft import Draft, Source
from .rules.checks import LEFT_OUT, _undecided_steps

# How ``undecided_transcript_step``'s warning begins (tests/scraper/test_parse_held.py holds the two together)
TRANSCRIPT_UNDECIDED = "a press conference's answer reads a step with no decision word in its sentence"
HELD = ": held for a person, the page's other steps read"  # the warning's end once its steps are held apart


def hold_undecided(src: Source, d: Draft, warnings: tuple[str, ...]
                   ) -> tuple[list[ActionRecord], tuple[ActionRecord, ...], tuple[str, ...]] | None:
    """The record's actions, its held steps and its warnings when a transcript's undecided steps are held apart from
    its decided ones; None to leave the parse as it is (no such warning, another step left out, or nothing decided)."""
    if not any(w.startswith(TRANSCRIPT_UNDECIDED) for w in warnings):
        return None  # (nearly every text)
    if any(w.endswith(LEFT_OUT) and not w.startswith(TRANSCRIPT_UNDECIDED) for w in warnings):
        return None
    undecided = {(x.action, x.text) for x, _s0, _s1 in _undecided_steps(src, d)}
    # a record of the same verb and sentence as an undecided step is held with it (held, never lost: it is loud)
    held = tuple([a for a in d.actions if (a.action, a.text) in undecided])
    kept = [a for a in d.actions if (a.action, a.text) not in undecided]
    if not held or not kept:
        return None
    return kept, held, tuple([w[: -len(LEFT_OUT)] + HELD if w.startswith(TRANSCRIPT_UNDECIDED) and w.endswith(LEFT_OUT)
                              else w for w in warnings])
