"""SQL compiled once per process: the engines a process opens on equal databases share their compiled statements.

SQLAlchemy keeps the SQL it compiled per engine, keyed by the engine's dialect *object*. A process that opens several
engines compiled every statement again for each: a command that reads a store and then opens it to write, ``serve``
trying a refused store again, the scheduler's cycles, the test suite's thousands of stores in one worker (session 56:
compiling was ~15% of the suite's in-process CPU). Here a dialect is known by its class and its settings as its first
connection left them (server version, parameter style, flags; functions and modules by identity), so an engine finds
the statements an equal engine compiled; any setting that differs keeps the two apart, as separate engines were."""

from __future__ import annotations

import types
import weakref
from collections.abc import Iterator, MutableMapping
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Dialect
from sqlalchemy.util import LRUCache

SIZE = 3000  # statements kept (SQLAlchemy's own default is 500 per engine; a replay, status, timeline and publish compile ~150)
_PLAIN = (str, int, float, bool, type(None))


def _setting(value: Any) -> Any:
    """A dialect attribute as it enters the key: plain values (and tuples of them) as they are, modules and functions
    by identity, any other object (the dialect's own preparer, type compiler, memo tables) by its type."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, tuple) and all(isinstance(v, _PLAIN) for v in value):
        return value
    if isinstance(value, (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        return ("id", id(value))
    return ("type", type(value).__qualname__)


def settings(dialect: Dialect) -> tuple[Any, ...]:
    """What makes two dialects compile alike: their class and every attribute of theirs (:func:`_setting`)."""
    return (type(dialect), tuple(sorted((name, _setting(v)) for name, v in vars(dialect).items())))


class SharedCompiledCache(MutableMapping[Any, Any]):
    """SQLAlchemy's ``compiled_cache`` (a mapping from its keys to compiled statements), its keys' dialect replaced by
    the first equal dialect this process met. A dialect is read once, at its first statement: by then its engine has
    connected and the dialect has read its server (SQLAlchemy compiles only on a connection)."""

    def __init__(self, size: int = SIZE) -> None:
        self._compiled: LRUCache[Any, Any] = LRUCache(size)
        self._twin: weakref.WeakKeyDictionary[Dialect, Dialect] = weakref.WeakKeyDictionary()
        self._first: dict[tuple[Any, ...], Dialect] = {}
        self._last: tuple[Dialect | None, Dialect | None] = (None, None)  # the last dialect asked and its twin

    def _key(self, key: Any) -> Any:
        dialect = key[0]
        last, twin = self._last  # (asked at every statement: a process mostly uses one engine at a time)
        if dialect is not last:
            twin = self._twin.get(dialect)
            if twin is None:
                twin = self._twin[dialect] = self._first.setdefault(settings(dialect), dialect)
            self._last = (dialect, twin)
        return key if twin is dialect else (twin, *key[1:])

    def get(self, key: Any, default: Any = None) -> Any:
        return self._compiled.get(self._key(key), default)

    def __getitem__(self, key: Any) -> Any:
        return self._compiled[self._key(key)]

    def __setitem__(self, key: Any, value: Any) -> None:
        self._compiled[self._key(key)] = value

    def __delitem__(self, key: Any) -> None:
        del self._compiled[self._key(key)]

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._compiled))

    def __len__(self) -> int:
        return len(self._compiled)


COMPILED = SharedCompiledCache()


def share_compiled(engine: Engine) -> Engine:
    """``engine`` compiling into, and reading from, the process's :data:`COMPILED` (SQLAlchemy's documented
    ``compiled_cache`` execution option, which supersedes the engine's own cache)."""
    engine.update_execution_options(compiled_cache=COMPILED)
    return engine
