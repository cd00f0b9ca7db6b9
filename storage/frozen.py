"""Frozen dataclasses that are cheap to build.

The ``__init__`` that ``@dataclass(frozen=True)`` writes sets every field through
``object.__setattr__``: under CPython 3.11 that costs about three times an ordinary
assignment (15,000 instructions for nine fields against 5,600), and the parser builds
such records by the thousand. ``quick_init`` gives the class an ``__init__`` with the
same signature that writes the fields into the instance's ``__dict__`` instead; the
class stays frozen (assignment after construction still raises), and equality, hashing,
``repr`` and ``dataclasses.replace`` are the dataclass's own.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Replace the ``__init__`` of frozen dataclass ``cls`` by one that fills ``__dict__``.

    Only plain fields are supported (positional, with or without a default value); a class
    with ``__slots__``, a default factory, keyword-only or init-less fields, ``InitVar`` or
    ``__post_init__`` raises TypeError here, at import time."""
    klass: Any = cls  # a dataclass, which the type of ``cls`` cannot say
    params = getattr(klass, "__dataclass_params__", None)
    if params is None or not params.frozen or not params.init or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: quick_init needs a frozen dataclass with an __init__ and no __slots__")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init does not call __post_init__")
    names: dict[str, Any] = {}
    args, body = [], []
    for f in dataclasses.fields(klass):
        if f.default_factory is not dataclasses.MISSING or f.kw_only or not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: quick_init supports plain fields only")
        if f.default is dataclasses.MISSING:
            args.append(f.name)
        else:
            names[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
        body.append(f"    d[{f.name!r}] = {f.name}")
    if list(inspect.signature(cls.__init__).parameters)[1:] != [f.name for f in dataclasses.fields(klass)]:
        raise TypeError(f"{cls.__name__}: quick_init supports no InitVar")  # an init parameter that is no field
    source = f"def __init__(self, {', '.join(args)}):\n    d = self.__dict__\n" + "\n".join(body) + "\n"
    exec(source, names)  # noqa: S102 - code built from the field names above, as dataclasses does
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 - mypy forbids assigning to a method
    return cls
