import dataclasses
from dataclasses import InitVar, dataclass, field

import pytest

from storage.frozen import quick_init


@quick_init
@dataclass(frozen=True)
class Rec:
    a: int
    b: str = "x"
    c: tuple[int, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Plain:
    a: int
    b: str = "x"
    c: tuple[int, ...] = field(default=(), repr=False)


@pytest.mark.parametrize("args, kwargs", [((1,), {}), ((1, "y"), {}), ((1,), {"c": (2,)}), ((), {"a": 3, "b": "z"})])
def test_quick_init_builds_what_the_dataclass_init_builds(args, kwargs):
    quick, plain = Rec(*args, **kwargs), Plain(*args, **kwargs)
    assert dataclasses.astuple(quick) == dataclasses.astuple(plain)
    assert repr(quick).replace("Rec", "Plain") == repr(plain)
    assert quick == Rec(*args, **kwargs) and hash(quick) == hash(Rec(*args, **kwargs))
    assert dataclasses.replace(quick, b="w") == Rec(quick.a, "w", quick.c)


def test_quick_init_keeps_the_class_frozen_and_its_signature_errors():
    rec = Rec(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rec.a = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        Rec()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Rec(1, "x", (), 4)  # type: ignore[call-arg]


@pytest.mark.parametrize("source", [
    "@dataclass(frozen=True)\nclass X:\n    a: int\n    b: InitVar[int] = 0",
    "@dataclass(frozen=True)\nclass X:\n    a: list = field(default_factory=list)",
    "@dataclass\nclass X:\n    a: int",
    "@dataclass(frozen=True, slots=True)\nclass X:\n    a: int",
    "@dataclass(frozen=True, kw_only=True)\nclass X:\n    a: int",
    "@dataclass(frozen=True)\nclass X:\n    a: int\n    def __post_init__(self): pass",
])
def test_quick_init_refuses_what_it_cannot_build_alike(source):
    names = {"dataclass": dataclass, "InitVar": InitVar, "field": field}
    exec(source, names)
    with pytest.raises(TypeError):
        quick_init(names["X"])
