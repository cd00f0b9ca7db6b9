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


def test_a_listed_name_inside_the_one_asked_for_is_suggested_first() -> None:
    """user38: `timeline "Skydio Government Solutions LLC"` (a subsidiary's name) suggested five other "… LLC" names
    (WRatio 85.5 each, for the legal form) and not Skydio Inc., the listed parent `screen` offers as "a listed name
    inside this one"."""
    names = ["Skydio Inc.", "Skydio, Inc.", "斯凯迪奥公司", "Clear Align LLC", "IMSAR, LLC", "Oshkosh Defense, LLC",
             "Rapid Flight LLC", "Red Six Solutions", "General Dynamics", "General Dynamics Land Systems"]
    assert _suggest(names, "Skydio Government Solutions LLC", 5)[0] == "Skydio Inc."
    assert _suggest(names, "斯凯迪奥（北京）科技有限公司", 5)[0] == "斯凯迪奥公司"
    assert _suggest(names, "General Dynamics Land Systems Canada", 5)[:2] == ["General Dynamics Land Systems",
                                                                               "General Dynamics"]
    assert "Skydio Inc." not in _suggest(names, "Clear Align Solutions LLC", 5)  # a listed name inside: Clear Align
