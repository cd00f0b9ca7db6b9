"""A notice of steps revoked by a later one before its steps took effect ("商务部公告2026年第290号自本公告公布之日起废止",
No. 290 having announced a lift of No. 21 from 2027-01-01): those steps are not taken (story42, session 41: read as a
lift of No. 290 itself, a false "Lifted: item controls of …第290号" item, and No. 21 lifted on 2027-01-01 as No. 290
had said, though the ministry took it back)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from storage.records import ActionKind, ActionRecord, StoredNotice

from .builder import _Builder
from .model import OWN_ACTIONS, _action_effective


def _steps_only(n: StoredNotice) -> bool:
    """Whether a notice only takes steps on other notices (no listing, measure or investigation of its own). The
    entities it names are those steps' ("停止执行…第21号中对立方公司（Cubic Corporation）的相关措施": review44, session 42, its
    revocation was "a notice that lists no entities", Cubic lifted as No. 290 had said, a false 'Lifted' item)."""
    acts = n.record.actions
    return bool(acts) and all(a.targets and a.action not in OWN_ACTIONS for a in acts)


def _revoking(a: ActionRecord, by_key: dict[str, StoredNotice]) -> list[StoredNotice]:
    """The notices of steps a lift with no entities of its own names, when it names only such notices."""
    if a.action is not ActionKind.LIFT or a.entities or not a.targets:
        return []
    found = [by_key.get(t.key) if t.key else None for t in a.targets]
    return [n for n in found if n is not None] if all(n is not None and _steps_only(n) for n in found) else []


def _revocations(known: Sequence[StoredNotice], b: _Builder) -> list[StoredNotice]:
    """``known`` with each revocation applied: the revoking lift dropped from its notice (it lifts no measures of its
    own), and the revoked notice's steps that take effect on or after the revocation's day dropped from it; its steps
    already in effect stand, and a problem says so (undoing a suspension under way is a person's to read). A note names what
    was not taken (``status`` shows it, failing nothing: read right)."""
    by_key = {n.record.key: n for n in known}
    cut: dict[str, tuple[StoredNotice, date]] = {}  # revoked key: (the revoking notice, its day)
    dropped: dict[str, set[int]] = {}
    for n in known:
        for i, a in enumerate(n.record.actions):
            for target in _revoking(a, by_key):
                day = _action_effective(n, a)
                if target.record.key != n.record.key and day is not None:
                    cut[target.record.key] = (n, day)
                    dropped.setdefault(n.record.key, set()).add(i)
    if not cut:
        return list(known)  # (nearly every store)
    out: list[StoredNotice] = []
    for n in known:
        actions = n.record.actions
        if n.record.key in dropped:
            actions = tuple(a for i, a in enumerate(actions) if i not in dropped[n.record.key])
        if n.record.key in cut:
            by, day = cut[n.record.key]
            kept = tuple(a for a in actions if (eff := _action_effective(n, a)) is None or eff < day)
            for a in actions:
                if a not in kept:
                    named = ", ".join(t.key or t.text for t in a.targets)
                    b.note(f"{n.record.key}: revoked by {by.record.key} from {day}; its {a.action.value} of {named} "
                           f"from {_action_effective(n, a)} is not taken")
            if kept:  # a step in effect before the revocation (a suspension under way): what revoking it does is a person's
                named = "; ".join(f"{a.action.value} of {', '.join(t.key or t.text for t in a.targets)}" for a in kept)
                b.problem(f"{by.record.key}: revokes {n.record.key} from {day}, whose steps in effect before that day "
                          f"({named}) stand as read: a person should read both")
            actions = kept
        out.append(n if actions is n.record.actions
                   else dataclasses.replace(n, record=dataclasses.replace(n.record, actions=actions)))
    return out
