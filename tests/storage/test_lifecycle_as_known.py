"""``collect.AsKnown._sharing`` (the listings a countdown's weighing reads beside its own) against the scan it replaced:
every other listing's steps asked at each countdown, which grew with the square of the store (perf58, session 58)."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

from storage.lifecycle.builder import _Builder
from storage.lifecycle.collect import AsKnown, _action_of, _collect
from storage.lifecycle.derive import known_from
from storage.records import ListKind
from tests.storage.test_lifecycle_corpus import corpus


def _scanned(then: AsKnown, lk: object, actions: set[tuple[str, int]]) -> list[object]:
    """The old loop of ``steps_on``, verbatim but for what it did with each listing found."""
    return [other for other, its in then.uncut.items() if other != lk and any(_action_of(s) in actions for s in its)]


def _asked(then: AsKnown) -> int:
    """Every listing asked with its own actions, each alone, and three of others'; the number of answers not empty."""
    every = sorted({_action_of(s) for its in then.uncut.values() for s in its})
    shared = 0
    for lk, its in then.uncut.items():
        own = sorted({_action_of(s) for s in its})
        for actions in (set(own), *({a} for a in own), set(every[:3]), set()):
            found = then._sharing(lk, actions)
            assert found == _scanned(then, lk, actions), (lk, actions)
            shared += bool(found)
    return shared


def test_the_corpus_listings_sharing_an_action_are_those_the_scan_found() -> None:
    then = _collect([n for n in corpus() if known_from(n) is not None], _Builder())[3]
    assert _asked(then) >= 2  # No. 21's and No. 22's answers each act on both lists' notices


def _step(key: str, action: int) -> Any:
    return SimpleNamespace(source=SimpleNamespace(record=SimpleNamespace(key=key)), order=(None, key, action))


def test_random_stores_give_the_listings_the_scan_found_in_its_order() -> None:
    rng = random.Random(58)
    shared = 0
    for _ in range(40):
        notices = [f"N{i}" for i in range(rng.randint(1, 12))]
        uncut: dict[Any, list[Any]] = {}
        for i in range(rng.randint(1, 30)):
            lk = (f"L{rng.randint(0, 50)}-{i}", rng.choice(list(ListKind)))
            uncut[lk] = [_step(rng.choice(notices), rng.randint(0, 3)) for _ in range(rng.randint(0, 5))]
        then = AsKnown({}, uncut, set(), set(), {})
        shared += _asked(then)
        for _ in range(20):  # a listing not in the store, asked with any actions
            actions = {(rng.choice(notices), rng.randint(0, 4)) for _ in range(rng.randint(0, 3))}
            assert then._sharing(("none", ListKind.ECL), actions) == _scanned(then, ("none", ListKind.ECL), actions)
    assert shared > 500
