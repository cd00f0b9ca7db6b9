"""Patterns compiled on first use (scraper/parse/lazyre.py): they answer as compiled ones, the parser's sources never
use one where only a compiled pattern works, and a MOFCOM text leaves the MFA reader's wording uncompiled."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

from scraper.parse.lazyre import LazyPattern, lazy_compile
from tests.conftest import REPO_ROOT

SOURCES = ("scraper",)  # the parser and the code beside it: nothing outside names its patterns


def test_a_lazy_pattern_answers_as_the_compiled_one():
    source, text = r"(?P<y>\d{4})\s*年\s*第\s*(?P<n>\d+)\s*号", "公告2025年第21号、2026年 第 3 号"
    lazy, plain = lazy_compile(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert lazy.pattern == source and vars(lazy)["_compiled"] is None  # nothing compiled yet
    assert [m.groupdict() for m in lazy.finditer(text)] == [m.groupdict() for m in plain.finditer(text)]
    assert lazy.sub("#", text) == plain.sub("#", text) and lazy.search(text, 3).span() == plain.search(text, 3).span()
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (plain.flags, plain.groups, plain.groupindex)
    assert "finditer" in vars(lazy)  # kept: a later use finds the compiled pattern's bound method at once


def _lazy_names(trees: list[ast.Module]) -> set[str]:
    """Names bound to ``lazy_compile(...)`` at the top level of any module."""
    names = set()
    for tree in trees:
        for node in tree.body:
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                    and isinstance(node.value.func, ast.Name) and node.value.func.id == "lazy_compile"):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def misuses(tree: ast.Module, lazy: set[str]) -> list[str]:
    """Uses of a lazy pattern that need a real ``re.Pattern``: an argument of a ``re`` function (``re.sub(X_RE, ...)``)
    or of ``isinstance``, and an identity or equality test against a match's pattern (``m.re is X_RE``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            in_re = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "re"
            if (in_re or _name(func) == "isinstance") and any(_name(arg) in lazy for arg in node.args):
                found.append(ast.unparse(node))
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_name(s) in lazy for s in sides) and any(isinstance(s, ast.Attribute) and s.attr == "re" for s in sides):
                found.append(ast.unparse(node))
    return found


def test_no_lazy_pattern_is_used_where_only_a_compiled_one_works():
    trees = {str(p.relative_to(REPO_ROOT)): ast.parse(p.read_bytes())
             for folder in SOURCES for p in (REPO_ROOT / folder).rglob("*.py")}
    lazy = _lazy_names(list(trees.values()))
    assert {"ORDER_NO_RE", "YEAR_NUMBER_RE"} <= lazy  # the scan sees the parser's lazy patterns
    found = {path: misuses(tree, lazy) for path, tree in trees.items()}
    assert {path: uses for path, uses in found.items() if uses} == {}


def test_the_scan_finds_each_kind_of_misuse():
    source = ("def f(m, t):\n    re.sub(A_RE, '', t); isinstance(x.B_RE, re.Pattern)\n    return m.re is A_RE or m.re == C_RE"
              " or m.re is D_RE or A_RE.search(t)")
    assert misuses(ast.parse(source), {"A_RE", "B_RE", "C_RE"}) == ["re.sub(A_RE, '', t)", "isinstance(x.B_RE, re.Pattern)",
                                                          "m.re is A_RE", "m.re == C_RE"]


PROBE = """
import sys
from pathlib import Path
from scraper.parse import parse_document
from scraper.parse.lazyre import LazyPattern
from scraper.parse.mfa import wording
parse_document(Path(sys.argv[1]).read_bytes())
lazy = [name for name, value in vars(wording).items() if isinstance(value, LazyPattern)]
print(len(lazy), sorted(name for name in lazy if vars(getattr(wording, name))["_compiled"] is not None))
"""


def test_a_mofcom_text_compiles_none_of_the_mfa_wording():
    """mfa.detect asks every text whether it is an MFA decision; a MOFCOM text says no before any of the MFA reader's
    patterns runs, so none is compiled (issue 11: they were ~10% of ``parse FILE``'s start)."""
    notice = REPO_ROOT / "fixtures" / "texts" / "mofcom-2025-51.txt"
    done = subprocess.run([sys.executable, "-c", PROBE, str(notice)], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    count, compiled = done.stdout.split(" ", 1)
    assert int(count) >= 30 and compiled.strip() == "[]", done.stdout


def test_the_stand_in_is_no_pattern_to_re_functions():
    """What the source scan guards against: ``re`` refuses the stand-in (and ``m.re`` is the compiled pattern)."""
    lazy = lazy_compile("a")
    assert isinstance(lazy, LazyPattern) and not isinstance(lazy, re.Pattern)
    assert lazy.search("xa").re is not lazy
