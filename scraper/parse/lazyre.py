"""Regular expressions compiled on their first use (issue 11: ``mofcom-watch parse FILE``'s start-up).

Compiling a pattern is pure-Python work in ``re`` (a large alternation takes milliseconds), and importing the
parser compiled some 320 of them, two thirds of its import time, though most are asked only of a few kinds of
text (a correction, a Q&A, an annex of persons, a count in prose). ``lazy_compile`` returns a stand-in that
compiles on the first use of any attribute and then keeps the compiled pattern's bound methods as its own
attributes: a later ``X_RE.search(text)`` finds ``search`` in the instance's ``__dict__``, so every use after the
first costs what a compiled pattern's costs (the parser's instruction count does not move; its benchmarks warm up
before they count).

Use it for a module-level pattern that a text of the commonest kind (a MOFCOM notice) does not need; keep
``re.compile`` for one that every text uses. The stand-in answers attributes and method calls (``.search``,
``.finditer``, ``.sub``, ``.pattern``, ``.groupindex``, ...) but is no ``re.Pattern``: never pass it to a ``re``
function (``re.sub(X_RE, ...)``, ``re.compile(X_RE)``) or ``isinstance``; call its methods
(``tests/scraper/test_parse_lazyre.py`` checks the parser's sources for such a call).
"""

from __future__ import annotations

import re
from typing import Any, cast


class LazyPattern:
    """A pattern's source and flags, compiled when an attribute other than ``pattern`` and ``flags`` is first asked."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:  # called only for a name not yet in the instance's __dict__
        if name.startswith("__"):  # copy, pickle and friends probing for hooks: not the pattern's
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        value = getattr(compiled, name)
        setattr(self, name, value)  # a bound method or a value: found directly from now on
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done on the first use (see the module's docstring for what the result is not)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, int(flags)))
