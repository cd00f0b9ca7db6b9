"""split52: ``rules/checks`` is a package of one module a kind of check (it was one module of 3,700 lines).

These keep it so: every check of ``rules.CHECKS`` lives in a module of the package (which re-exports nothing since
struct53, session 53: a name is imported from its module); the modules of checks import only ``common`` among themselves, and
``common`` none of them (no module of checks waits on another kind's); each module's constants stand at its top.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

from scraper.parse import rules
from scraper.parse.rules import checks

PACKAGE = Path(checks.__file__).parent
SHARED = "common"


def check_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(checks.__path__))


def test_every_check_lives_in_one_module_of_the_package_and_the_package_re_exports_none():
    """(``tallies`` and ``barred``, modules of rules of their own in session 52, moved in in session 53: every check.)"""
    for check in rules.CHECKS:
        assert check.__module__.startswith(f"{checks.__name__}."), check.__name__  # (none in the package's __init__)
        assert not hasattr(checks, check.__name__), check.__name__
        assert getattr(importlib.import_module(check.__module__), check.__name__) is check


def test_the_modules_of_checks_import_only_the_shared_one():
    for name in check_modules():
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        siblings = set()
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                siblings |= {node.module} if node.module else {a.name for a in node.names}
        assert siblings <= ({SHARED} if name != SHARED else set()), (name, siblings)


def test_each_module_of_checks_has_its_constants_at_its_top():
    for name in [*check_modules(), "__init__"]:
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        seen_def = None
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                seen_def = seen_def or node.name
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                assert seen_def is None, f"{name}.py:{node.lineno}: a constant after {seen_def}"

