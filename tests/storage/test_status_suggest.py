"""The names `timeline` and `evidence` suggest for a name that matches no entity (a pure function)."""

from __future__ import annotations

from storage.status import _suggest


def test_two_spellings_of_one_name_are_one_suggestion() -> None:
    """`timeline "Huntington Ingalls"` said: did you mean: Huntington Ingalls Industries Inc., Huntington Ingalls
    Industries, Inc.? (two spellings of one company, taking two of the five places)."""
    names = ["Huntington Ingalls Industries Inc.", "Huntington Ingalls Industries, Inc.", "亨廷顿·英格尔斯工业公司",
             "Skydio Inc.", "Skydio, Inc."]
    assert _suggest(names, "Huntington Ingalls", 5) == ["Huntington Ingalls Industries Inc."]
    assert _suggest(names, "skydoi", 5) == ["Skydio Inc."]
