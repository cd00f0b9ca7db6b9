"""A press conference's undecided topic held alone, its other topics read (session 41, qa39's B 29).

A transcript (例行新闻发布会) answers five or more topics. One topic's doubt ("中方会否自…起恢复实施，将根据美方表现而定")
is a step no decision takes (``rules.checks.undecided_transcript_step``): left out, it refused the whole page for a
person, so another topic's true, decided lift or suspension waited for that person too: an item missed until someone
acted. Now only the undecided steps are held: they leave the record's ``actions`` for its ``held`` (never applied until
a person accepts one, ``storage.heldsteps``: one open issue each), and the page's decided steps are read. Not so (the page
refused whole, as before) where no decided step is left, or where another step of the page is left out for a reason
of its own (``rules.LEFT_OUT``): only this one doubt is known to be a topic of its own. The notice's list is then its
decided steps' (session 42: the held topic's list named the notice item, "stops the measures of MOFCOM-2025-21 on the
unreliable entity list", tagged ``uel``, for a lift of the ECL's No. 21; held42's B3).
"""

from __future__ import annotations

from storage.records import ActionKind, ActionRecord, ListKind, NoticeRef

from .draft import Draft, Source
from .rules.checks.common import LEFT_OUT
from .rules.checks.decided import undecided_steps

# How ``undecided_transcript_step``'s warning begins (tests/scraper/test_parse_held.py holds the two together)
TRANSCRIPT_UNDECIDED = "a press conference's answer reads a step with no decision word in its sentence"
HELD = ": held for a person, the page's other steps read"  # the warning's end once its steps are held apart


def hold_undecided(src: Source, d: Draft, warnings: tuple[str, ...]
                   ) -> tuple[list[ActionRecord], tuple[ActionRecord, ...], tuple[str, ...], ListKind | None] | None:
    """The record's actions, its held steps, its warnings and its list (``kept_list``) when a transcript's undecided
    steps are held apart from its decided ones; None to leave the parse as it is (no such warning, another step left
    out, or nothing decided)."""
    if not any(w.startswith(TRANSCRIPT_UNDECIDED) for w in warnings):
        return None  # (nearly every text)
    if any(w.endswith(LEFT_OUT) and not w.startswith(TRANSCRIPT_UNDECIDED) for w in warnings):
        return None
    undecided = {_step(x.action, x.text, x.targets) for x, _s0, _s1 in undecided_steps(src, d)}
    # a record of the same verb, sentence and notices as an undecided step is held with it (held, never lost: it is
    # loud); another step of that sentence is read (session 42: "中方决定，自…起停止实施{No. 21}…，对于{7号}…，中方会否自
    # 同日起恢复实施…" held the lift with the doubt, held41's B)
    held = tuple([a for a in d.actions if _step(a.action, a.text, a.targets) in undecided])
    kept = [a for a in d.actions if _step(a.action, a.text, a.targets) not in undecided]
    if not held or not kept:
        return None
    return kept, held, tuple([w[: -len(LEFT_OUT)] + HELD if w.startswith(TRANSCRIPT_UNDECIDED) and w.endswith(LEFT_OUT)
                              else w for w in warnings]), kept_list(kept, held, d.notice_list)


def _step(kind: ActionKind, text: str, targets: tuple[NoticeRef, ...]) -> tuple[ActionKind, str, tuple[str | None, ...]]:
    """A step as an undecided draft and a record both say it: its verb's kind, its sentence and its notices."""
    return kind, text, tuple([t.key or t.text for t in targets])


def kept_list(kept: list[ActionRecord], held: tuple[ActionRecord, ...], notice_list: ListKind | None) -> ListKind | None:
    """The notice's list once its held steps are apart: as ``rules.steps.notice_list`` takes it, from the kept steps (a
    listing's first, else any); none of them naming one, no list where only a held step names the one the text gave
    (the engine reads a kept step's notices' own lists), else that one."""
    for a in kept:
        if a.action is ActionKind.IMPOSE and a.list is not None:
            return a.list
    for a in kept:
        if a.list is not None:
            return a.list
    return None if any(a.list is notice_list for a in held) else notice_list
