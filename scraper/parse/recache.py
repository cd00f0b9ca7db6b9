"""The parser's module-level regular expressions, compiled ahead of time (issue 11: every command's start-up).

``re`` compiles a pattern in pure Python, and a character class holding a character past U+00FF (every Chinese
class: ``[，,。；;]``, ``[\\u4e00-\\u9fff]``) is its slow case: the class becomes a 64 KiB map folded into blocks,
0.5-3 ms each. Importing the parser compiled about 110 such patterns: about a fifth of ``mofcom-watch parse FILE``'s
CPU, paid again by every process (Python keeps no compiled regex between runs).

:func:`prime` puts those patterns, compiled from the words :mod:`scraper.parse.recache_data` stores (what ``re``'s
compiler produced for them, the arguments it passed to ``_sre.compile``), into ``re``'s own cache before the
parser's modules import. Their ``re.compile(...)`` then finds them there, as it finds any pattern compiled before:
the same ``re.Pattern`` objects, made from the same code, without the compiler's work. Nothing else changes: an
entry is keyed by the exact pattern text and flags, so a pattern the data does not hold (a new or edited one) is
compiled as before, and a stale entry (a pattern no module has any more) is never asked for; on an interpreter whose
regex engine is not the one the data was made for (another Python release, word size or byte order: :data:`KEY`)
the data is not used at all. Stale or missing data can only cost time, never change what a pattern matches.

After changing a module-level pattern of the parser, make the data again (the test
``tests/scraper/test_parse_recache.py`` fails when more than a few of the import's patterns miss it)::

    python3 dev.py recache

It is written one pattern a line, sorted, so that two branches that changed different patterns merge.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the regex engine re itself uses (no stubs)
import binascii
import re
import sys
import zlib
from array import array
from typing import Any

# What the stored code is valid for: the interpreter's bytecode tag, its release (re's compiler is Python code of the
# standard library, and a patch release may change what it emits: 3.11.2's and 3.11.7's differ, image27), the regex
# engine's version and its word.
KEY = (sys.implementation.cache_tag, ".".join(map(str, sys.version_info[:3])), _sre.MAGIC, _sre.CODESIZE,
       sys.byteorder)
# (pattern, flags as given to re.compile, flags as passed to _sre.compile, code, groups, groupindex, indexgroup);
# the code is the engine's words (array "I"), zlib-compressed, base64
Entry = tuple[str, int, int, bytes, int, dict[str, int], tuple[str | None, ...]]
DATA_MODULE = "scraper.parse.recache_data"
# the modules whose import-time patterns the data holds: the parser (and what it imports) as parse_document needs it
IMPORTED = ("scraper.parse",)


def prime() -> int:
    """Put the stored patterns into ``re``'s cache (those not there yet); return how many."""
    from scraper.parse import recache_data

    cache: Any = getattr(re, "_cache", None)
    room = getattr(re, "_MAXCACHE", 0) - 32  # leave re some room: it drops its oldest entry when full
    if recache_data.KEY != KEY or not isinstance(cache, dict) or getattr(_sre, "compile", None) is None:
        return 0
    done = 0
    for pattern, flags, final, code, groups, groupindex, indexgroup in recache_data.ENTRIES:
        if len(cache) >= room:
            break
        key = (str, pattern, flags)
        if key not in cache:
            words = array("I", zlib.decompress(binascii.a2b_base64(code))).tolist()
            cache[key] = _sre.compile(pattern, final, words, groups, groupindex, indexgroup)
            done += 1
    return done


def compiled_args(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What ``re``'s compiler passes to ``_sre.compile`` for ``pattern`` (after the pattern itself): flags, code,
    groups, groupindex, indexgroup, as plain ints, dict and tuple."""
    from re import _compiler  # type: ignore[attr-defined]

    seen: list[tuple[Any, ...]] = []

    class Recorder:
        def __getattr__(self, name: str) -> Any:
            return getattr(_sre, name)

        def compile(self, *args: Any) -> Any:
            seen.append(args)
            return _sre.compile(*args)

    engine = _compiler._sre
    _compiler._sre = Recorder()
    try:
        _compiler.compile(pattern, flags)
    finally:
        _compiler._sre = engine
    _, final, code, groups, groupindex, indexgroup = seen[-1]
    return int(final), [int(word) for word in code], int(groups), dict(groupindex), tuple(indexgroup)


# Run in a fresh interpreter: the (pattern, flags) that importing the parser compiles (cache misses), as JSON;
# with "off", the data is hidden first (so: every pattern the import compiles at all).
PROBE = """
import json, re, sys, types
if sys.argv[1] == "off":
    stub = types.ModuleType("scraper.parse.recache_data")
    stub.KEY, stub.ENTRIES = None, ()
    sys.modules[stub.__name__] = stub
found = []
compile_ = re._compile
def noting(pattern, flags):
    flags = int(flags)
    if isinstance(pattern, str) and (str, pattern, flags) not in re._cache:
        found.append((pattern, flags))
    return compile_(pattern, flags)
re._compile = noting
for name in sys.argv[2:]:
    __import__(name)
re._compile = compile_
json.dump(list(dict.fromkeys(map(tuple, found))), sys.stdout)
"""


def import_patterns(*, with_data: bool) -> list[tuple[str, int]]:
    """The (pattern, flags) a fresh interpreter compiles while it imports :data:`IMPORTED`: with the data in use
    (what it misses), or hidden (all of them)."""
    from storage import generated

    found = generated.probe(PROBE, with_data=with_data, imported=IMPORTED)
    return [(pattern, int(flags)) for pattern, flags in found]


def entry(pattern: str, flags: int) -> Entry:
    final, code, groups, groupindex, indexgroup = compiled_args(pattern, flags)
    packed = binascii.b2a_base64(zlib.compress(array("I", code).tobytes(), 9), newline=False)
    return (pattern, flags, final, packed, groups, groupindex, indexgroup)


def _by_pattern(e: Entry) -> tuple[str, int]:
    return e[0], e[1]


def main() -> int:
    """Write the data for the patterns the parser compiles at import."""
    from pathlib import Path

    from storage import generated

    target = Path(__file__).with_name("recache_data.py")
    found = import_patterns(with_data=False)
    entries = sorted((entry(pattern, flags) for pattern, flags in found), key=_by_pattern)
    generated.write(target, made_by="scraper/parse/recache.py", key_type="tuple[str | None, str, int, int, str]", key=KEY,
                    entries=entries)
    print(f"{target}: {len(found)} patterns", file=sys.stderr)
    return 0
