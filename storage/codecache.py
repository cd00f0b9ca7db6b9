"""The methods ``@dataclass`` writes for the project's records, compiled ahead of time (issue 11: start-up).

``dataclasses`` writes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and (frozen)
``__setattr__``/``__delattr__`` as source text and compiles it with ``exec`` when the class is made: the records,
the parser's drafts, the configuration, about 30 classes and 150 functions, about a sixth of
``mofcom-watch parse FILE``'s CPU in every process (Python keeps the bytecode of a module, not of text it ``exec``s).

:func:`install` (called by :func:`mofcom_watch.__main__.console_main`, so by every command process) gives the
``dataclasses`` module an ``exec`` of its own: for a text :mod:`storage.codecache_data` holds, it runs the code
object compiled from exactly that text (``compile(text, "<string>", "exec")``, what ``exec(text)`` compiles there),
stored with ``marshal`` as a ``.pyc`` stores a module's; any other text is compiled as before. The classes come out
the same. An entry is keyed by the exact text, so a changed class (another field, default or flag) misses and is
compiled as before, and a stale entry is never asked for; the data is used only by the interpreter whose bytecode it
is (:data:`KEY`: the bytecode's magic number). Stale or missing data can only cost time, never change a class.

After changing a dataclass's fields (or a Python upgrade), ``python3 dev.py recache`` makes the data again; a
class the data lacks costs its compile, nothing else (``tests/storage/test_codecache.py`` fails when more than a
few miss).
"""

from __future__ import annotations

import binascii
import builtins
import importlib.util
import marshal
import sys
import zlib
from typing import Any

KEY = (sys.implementation.cache_tag, importlib.util.MAGIC_NUMBER.hex())
# the modules whose dataclasses the data holds: what `parse FILE` and the global options import
IMPORTED = ("mofcom_watch.config", "mofcom_watch.context", "mofcom_watch.commands.parse_cmd")


class _Cached:
    """``exec`` for the ``dataclasses`` module: the stored code object for a text the data holds."""

    def __init__(self, entries: dict[str, bytes]) -> None:
        self.entries = entries
        self.misses: list[str] = []

    def __call__(self, source: Any, globals: Any = None, locals: Any = None) -> None:  # noqa: A002 - exec's names
        packed = self.entries.get(source) if isinstance(source, str) else None
        if packed is None:
            if isinstance(source, str):
                self.misses.append(source)
            builtins.exec(compile(source, "<string>", "exec", dont_inherit=True) if isinstance(source, str)
                          else source, globals, locals)
            return
        builtins.exec(marshal.loads(zlib.decompress(binascii.a2b_base64(packed))), globals, locals)


def install() -> bool:
    """Give ``dataclasses`` the cached ``exec`` (once); False when the data is for another interpreter."""
    import dataclasses

    from storage import codecache_data

    if isinstance(getattr(dataclasses, "exec", None), _Cached):
        return True
    if codecache_data.KEY != KEY or "exec" in vars(dataclasses):
        return False
    setattr(dataclasses, "exec", _Cached(dict(codecache_data.ENTRIES)))  # noqa: B010 - a module global
    return True


def compiled(source: str) -> bytes:
    """``source`` compiled as ``dataclasses`` compiles it (no ``__future__`` flags), packed for the data."""
    code = compile(source, "<string>", "exec", dont_inherit=True)
    return binascii.b2a_base64(zlib.compress(marshal.dumps(code), 9), newline=False)


# Run in a fresh interpreter: the texts dataclasses exec's while it imports the modules named (JSON); with "on" the
# data in use, printing only the texts it misses.
PROBE = """
import dataclasses, builtins, json, sys
if sys.argv[1] == "on":
    from storage import codecache
    codecache.install()
    shim = dataclasses.exec
    seen = shim.misses
else:
    seen = []
    def noting(source, globals=None, locals=None):
        seen.append(source)
        return builtins.exec(compile(source, "<string>", "exec", dont_inherit=True), globals, locals)
    dataclasses.exec = noting
for name in sys.argv[2:]:
    __import__(name)
json.dump(list(dict.fromkeys(seen)), sys.stdout)
"""


def import_sources(*, with_data: bool) -> list[str]:
    """The texts ``dataclasses`` compiles while a fresh interpreter imports :data:`IMPORTED`: with the data in use
    (what it misses), or without it (all of them)."""
    from storage import generated

    return [str(source) for source in generated.probe(PROBE, with_data=with_data, imported=IMPORTED)]


def main() -> int:
    """Write the data for the dataclasses :data:`IMPORTED` makes."""
    from pathlib import Path

    from storage import generated

    target = Path(__file__).with_name("codecache_data.py")
    found = import_sources(with_data=False)
    generated.write(target, made_by="storage/codecache.py", key_type="tuple[str | None, str]", key=KEY,
                    entries=((source, compiled(source)) for source in sorted(set(found))))
    print(f"{target}: {len(found)} texts", file=sys.stderr)
    return 0
