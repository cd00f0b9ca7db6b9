"""The parser's patterns compiled ahead of time (scraper/parse/recache.py): the stored code is what this
interpreter's ``re`` compiles for each pattern, and importing the parser compiles (almost) none itself."""

from __future__ import annotations

import re

import pytest

from scraper.parse import recache, recache_data

MISSES_ALLOWED = 10  # a few edited patterns cost their compile until the data is made again; more: make it again
REMAKE = "make the data again: python3 dev.py recache"
# The data is made by one interpreter (CI's, the image's) and refused by any other (only time lost: test_data_for_another_interpreter_is_not_used); what it holds is checked where it is used.
MADE_HERE = pytest.mark.skipif(recache_data.KEY != recache.KEY, reason="data made for another interpreter: "
                               f"{recache_data.KEY}, this is {recache.KEY}: not used here")


@MADE_HERE
def test_the_stored_code_is_what_re_compiles_now():
    """A pure check: each entry's words, flags and groups against a fresh compile by this interpreter's ``re``
    (data made by another patch release whose compiler differed would fail here)."""
    import binascii
    import zlib
    from array import array

    assert recache_data.ENTRIES, REMAKE
    for pattern, flags, final, code, groups, groupindex, indexgroup in recache_data.ENTRIES:
        words = array("I", zlib.decompress(binascii.a2b_base64(code))).tolist()
        assert (final, words, groups, groupindex, indexgroup) == recache.compiled_args(pattern, flags), (REMAKE, pattern)


def test_a_primed_pattern_is_the_one_re_compile_returns():
    pattern, flags, *_ = recache_data.ENTRIES[0]
    cached = re._cache.get((str, pattern, flags))  # type: ignore[attr-defined]
    compiled = re.compile(pattern, flags)
    if cached is not None:  # still in re's cache since the parser's import primed it
        assert compiled is cached
    fresh = re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
    assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == \
        (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)


def test_data_for_another_interpreter_is_not_used(monkeypatch):
    monkeypatch.setattr(recache_data, "KEY", ("cpython-399", 0, 4, "little"))
    assert recache.prime() == 0


def test_data_made_by_another_release_of_this_python_is_not_used(monkeypatch):
    """re's compiler is standard-library code that a patch release may change (3.11.2's and 3.11.7's differ): data
    made by another release must not be used, or a pattern could match as that release compiled it."""
    import platform

    assert platform.python_version() in recache.KEY
    other = tuple("3.11.0" if part == platform.python_version() else part for part in recache.KEY)
    monkeypatch.setattr(recache_data, "KEY", other)
    assert recache.prime() == 0


@MADE_HERE
def test_importing_the_parser_compiles_almost_no_pattern():
    """A fresh interpreter imports the parser: the patterns it still compiles itself (issue 11: each Chinese
    character class costs 0.5-3 ms of every start). With the data hidden it compiles them all."""
    missed = recache.import_patterns(with_data=True)
    assert len(missed) <= MISSES_ALLOWED, (REMAKE, missed)
