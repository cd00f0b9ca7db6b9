"""The dataclasses' methods compiled ahead of time (storage/codecache.py): the stored code is what this interpreter
compiles for each text, a class comes out the same, and a command process compiles (almost) none itself."""

from __future__ import annotations

import binascii
import builtins
import marshal
import zlib

import pytest

from storage import codecache, codecache_data

MISSES_ALLOWED = 10  # a changed dataclass costs its compile until the data is made again; more: make it again
REMAKE = "make the data again: python3 dev.py recache"
# The data is made by one interpreter (CI's, the image's) and refused by any other (only time lost: test_data_for_another_interpreter_is_not_used); what it holds is checked where it is used.
MADE_HERE = pytest.mark.skipif(codecache_data.KEY != codecache.KEY, reason="data made for another interpreter: "
                               f"{codecache_data.KEY}, this is {codecache.KEY}: not used here")


def _stored(packed: bytes):
    return marshal.loads(zlib.decompress(binascii.a2b_base64(packed)))


@MADE_HERE
def test_the_stored_code_is_what_this_interpreter_compiles():
    assert codecache_data.ENTRIES, REMAKE
    for source, packed in codecache_data.ENTRIES:
        assert _stored(packed) == compile(source, "<string>", "exec", dont_inherit=True), (REMAKE, source[:200])


@MADE_HERE
def test_a_cached_text_makes_the_same_function():
    """What dataclasses does with a text (exec it into a namespace): the same code from the data as compiled, and a
    text the data lacks is compiled and noted."""
    source = next(s for s, _ in codecache_data.ENTRIES if " def __init__(" in s)
    plain: dict[str, object] = {}
    builtins.exec(compile(source, "<string>", "exec", dont_inherit=True), {}, plain)
    for entries in (dict(codecache_data.ENTRIES), {}):
        shim, made = codecache._Cached(entries), {}
        shim(source, {}, made)
        assert made["__create_fn__"].__code__ == plain["__create_fn__"].__code__
        assert shim.misses == ([] if entries else [source])


def test_data_for_another_interpreter_is_not_used(monkeypatch):
    import dataclasses

    monkeypatch.setattr(codecache_data, "KEY", ("cpython-399", "00"))
    assert codecache.install() is False
    assert "exec" not in vars(dataclasses)


@MADE_HERE
def test_a_command_process_compiles_almost_no_dataclass_method():
    """A fresh interpreter with the data in use imports what `parse FILE` and the global options need (issue 11:
    ~150 small compiles, a sixth of its CPU); with the data hidden it compiles them all."""
    missed = codecache.import_sources(with_data=True)
    assert len(missed) <= MISSES_ALLOWED, (REMAKE, [m[:120] for m in missed])
