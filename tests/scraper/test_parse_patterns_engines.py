r"""Every module-level pattern reads the same on every CPython the project runs on (``requires-python >= 3.11``).

CPython 3.11.2, Debian 12's ``python3`` (and so the image built on a base whose Python is Debian's), reads a possessive
repeat of a group wrong: a lookaround inside it is ignored (``(?:x|a(?!c))*+`` matched all of ``"xxac"``) and a branch
that failed half-way is kept (``(?:[^()]++|\([^()]*+\))*+`` fullmatched ``"ab("``); 3.11.7, 3.12 and 3.13 are right.
``TO_SEGMENT_STOP_RE`` (scraper/parse/mfa/groups.py) was such a pattern: in the container on that Python, MFA order
No. 17 ("中方决定对石平采取以下反制措施") named "石平采取" with no country, a false name and key, and 98 parser tests
failed there (ops31). CI runs 3.11.7, whose engine is right, so no parse can show it here: this test finds the
construct itself, a possessive repeat of anything but one character or class, in every compiled or lazily compiled
pattern held at module level (also in a dict, list or tuple) by the parser's package, ``scraper`` (storage, feeds
and mofcom_watch hold none; importing them all here took 5 s). The same meaning that works on 3.11.2: an atomic group
around the greedy repeat, ``(?>(?:x|a(?!c))*)``. (A pattern compiled inside a function is not seen here; none has a
possessive repeat.)
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

PACKAGES = ("scraper",)
SKIPPED = ("__main__", "recache_data", "codecache_data")  # a program's entry; the generated data (no patterns)
LOOKAROUNDS = (sre.ASSERT, sre.ASSERT_NOT)
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
SINGLE = (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.CATEGORY)  # one character or class


def _children(op: Any, av: Any) -> list[Any]:
    """The sub-patterns of one parsed node (``re._parser``'s tree)."""
    if op is sre.SUBPATTERN:
        return [av[-1]]
    if op in REPEATS:
        return [av[2]]
    if op is sre.BRANCH:
        return list(av[1])
    if op is sre.ATOMIC_GROUP:
        return [av]
    if op in LOOKAROUNDS:
        return [av[1]]
    if op is sre.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    return []


def possessive_over_a_group(sub: Any) -> bool:
    """Whether a parsed pattern holds a possessive repeat (``*+``, ``++``, ``?+``, ``{m,n}+``) of more than one
    character or class (``[^()]*+`` is read right everywhere)."""
    for op, av in sub:
        if op is sre.POSSESSIVE_REPEAT and not (len(av[2]) == 1 and av[2][0][0] in SINGLE):
            return True
        if any(possessive_over_a_group(c) for c in _children(op, av)):
            return True
    return False


def _module_patterns() -> Iterator[tuple[str, str, int]]:
    for package in PACKAGES:
        for info in pkgutil.walk_packages(importlib.import_module(package).__path__, f"{package}."):
            if info.name.rsplit(".", 1)[-1] in SKIPPED:
                continue
            for name, value in vars(importlib.import_module(info.name)).items():
                values = value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else (value,)
                for v in values:
                    if isinstance(v, re.Pattern) and isinstance(v.pattern, str):
                        yield f"{info.name}.{name}", v.pattern, v.flags
                    elif type(v).__name__ == "LazyPattern":  # scraper.parse.lazyre: its text, not compiled here
                        yield f"{info.name}.{name}", v.pattern, v._flags


def test_the_detector_knows_the_constructs_3_11_2_reads_wrong() -> None:
    for wrong in (r"(?:x|a(?!c))*+", r"(?:x|(?<!y)a)++", r"(?:x|a(?=b)){0,9}+", r"(?:[^a]++|a(?!c))*+",
                  r"(?:[^()]++|\([^()]*+\))*+", r"(?:ab)?+"):
        assert possessive_over_a_group(_parser.parse(wrong)), wrong
    for right in (r"(?>(?:x|a(?!c))*)", r"(?>(?:[^()]++|\([^()]*+\))*)", r"(?:x|a(?!c))*", r"[^a]*+(?!c)", r"\s++x",
                  r"a?+"):
        assert not possessive_over_a_group(_parser.parse(right)), right


def test_no_module_pattern_repeats_a_group_possessively() -> None:
    seen = list(_module_patterns())
    assert len(seen) > 300  # the walk reached the parser's patterns (582 at module level)
    wrong = [where for where, pattern, flags in seen if possessive_over_a_group(_parser.parse(pattern, flags))]
    assert wrong == []
