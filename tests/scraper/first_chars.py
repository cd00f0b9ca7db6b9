"""Which module-level patterns of ``scraper/parse`` are searched over a text, read from the sources (session 57, perf57).

sre skips, in C, every character no match can start at when a pattern opens with a literal, with one character of a set,
or each of its alternatives with one character; otherwise ``search``/``finditer``/``findall``/``sub``/``split`` try a
match at every character of the text (a look-behind or a group opening an alternative, a digit-or-numeral class).
``tests/scraper/test_parse_first_chars.py`` holds every pattern searched so to a first-character set, but for a named
list of exceptions. This module finds them: every module-level pattern (``re.compile`` or ``lazy_compile``, alone or
in a module-level dict, tuple or list) and every place a module of ``scraper/parse`` names it, by the module's own
bindings (its globals and the names it imports inside a function). A name followed by ``.match``/``.fullmatch`` is
matched at a known place; by ``.pattern``/``.flags``/``.groups``/``.groupindex`` read; by a searching method searched;
a name passed, stored or iterated over (``for regex in (A_RE, B_RE)``, ``f(A_RE)``) is counted as searched, the safe
side (such a pattern is allowed by name, with the reason it is only matched where it goes).
"""

from __future__ import annotations

import ast
import functools
import gc
import importlib
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import scraper.parse
from scraper.parse.lazyre import LazyPattern

_parser: Any = __import__("re._parser", fromlist=["parse"])
_compiler: Any = __import__("re._compiler", fromlist=["_get_charset_prefix"])
_constants: Any = __import__("re._constants", fromlist=["AT"])

PARSE = Path(scraper.parse.__file__).resolve().parent
SKIPPED = ("recache_data.py",)  # generated: the cache of compiled code, no pattern of the parser's own
SCANS = frozenset({"search", "finditer", "findall", "sub", "subn", "split"})  # a match tried at every place
AT_A_PLACE = frozenset({"match", "fullmatch"})  # a match tried where the caller says
READ = frozenset({"pattern", "flags", "groups", "groupindex"})  # the pattern's own fields: nothing searched
COMPARED = "compared"  # ``m.re is BRACKET_NUMBER_RE``: a match told by its pattern, nothing searched
NOT_SEARCHING = AT_A_PLACE | READ | {COMPARED}
OPENING_AT_THE_START = (_constants.AT_BEGINNING, _constants.AT_BEGINNING_STRING)  # sre tries "^…" / "\A…" once
# (with MULTILINE, "^" is any line's start: tried at every character)


@dataclass(frozen=True)
class Use:
    """One place a module names a pattern: how (a SCANS or AT_A_PLACE method, READ, or "flows"), where."""

    how: str
    where: str


def is_pattern(value: object) -> bool:
    return isinstance(value, (re.Pattern, LazyPattern))


def source_and_flags(pattern: Any) -> tuple[str, int]:
    """A compiled or lazy pattern's source and flags (without compiling a lazy one)."""
    return pattern.pattern, int(pattern._flags if isinstance(pattern, LazyPattern) else pattern.flags)


def first_chars_known(pattern: Any) -> bool:
    """Whether sre can skip to where a match may start: a literal prefix, a set of first characters, or an opening at
    the text's start ("^" without MULTILINE, "\\A": tried at the start alone)."""
    source, flags = source_and_flags(pattern)
    parsed = _parser.parse(source, flags)
    if _compiler._get_literal_prefix(parsed, flags)[0] or _compiler._get_charset_prefix(parsed, flags):
        return True
    opening = parsed.data[0] if parsed.data else None
    return (opening is not None and opening[0] is _constants.AT and opening[1] in OPENING_AT_THE_START
            and not (opening[1] is _constants.AT_BEGINNING and flags & re.MULTILINE))


def patterns_in(value: object) -> Iterator[tuple[str, Any]]:
    """(suffix, pattern) of a pattern ("") or of each pattern a dict, tuple or list holds ("['将']", "[2]", "[2][1]")."""
    if is_pattern(value):
        yield "", value
    elif isinstance(value, dict):
        for key, item in value.items():
            if is_pattern(item) or isinstance(item, tuple):
                yield from ((f"[{key!r}]{sub}", p) for sub, p in patterns_in(item))
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            if is_pattern(item) or isinstance(item, tuple):
                yield from ((f"[{i}]{sub}", p) for sub, p in patterns_in(item))


def module_name(path: Path) -> str:
    parts = path.relative_to(PARSE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def sources() -> tuple[tuple[types.ModuleType, ast.Module, str], ...]:
    """(module, its syntax tree, its path from the repository) of every module of ``scraper/parse``."""
    out = []
    collecting = gc.isenabled()
    gc.disable()  # ~200,000 nodes, none cyclic garbage: the collector's passes over them would double the time
    try:
        for path in sorted(PARSE.rglob("*.py")):
            if path.name not in SKIPPED:
                out.append((importlib.import_module(module_name(path)), ast.parse(path.read_bytes()),
                            str(path.relative_to(PARSE.parent.parent))))
    finally:
        if collecting:
            gc.enable()
    return tuple(out)


def _imported_in_functions(module: types.ModuleType, imports: list[ast.ImportFrom]) -> dict[str, Any]:
    """The names a module imports inside its functions (``from .qa import SOURCE_LINE_RE`` in a rare path)."""
    names: dict[str, Any] = {}
    package = module.__name__ if Path(str(module.__file__)).name == "__init__.py" else module.__name__.rpartition(".")[0]
    for node in imports:
        if node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            source = importlib.import_module(f"{base}.{node.module}" if node.module else base)
            for alias in node.names:
                names[alias.asname or alias.name] = getattr(source, alias.name, None)
    return names


def _resolve(node: ast.expr, names: dict[str, Any]) -> Any:
    """What a name or a module's attribute (``act.VERB_RE``) is bound to in the module, else None."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute) and isinstance(node.value, (ast.Name, ast.Attribute)):
        base = _resolve(node.value, names)
        return getattr(base, node.attr, None) if isinstance(base, types.ModuleType) else None
    return None


def _how(node: ast.expr, parents: dict[ast.AST, ast.AST]) -> str:
    """How the expression naming a pattern (or a container of patterns) is used: the method or field asked of it
    (through a subscript, a conditional expression or an ``or``), COMPARED, else "flows"."""
    at, parent = node, parents.get(node)
    while (isinstance(parent, ast.Subscript) and parent.value is at or isinstance(parent, ast.BoolOp)
           or isinstance(parent, ast.IfExp) and at is not parent.test):
        at, parent = parent, parents.get(parent)
    if isinstance(parent, ast.Attribute) and parent.value is at:
        return parent.attr
    return COMPARED if isinstance(parent, ast.Compare) else "flows"


def uses_in(module: types.ModuleType, tree: ast.Module, where: str) -> Iterator[tuple[Any, Use]]:
    """(pattern, use) of every place the module names a module-level pattern or a container of them."""
    parents: dict[ast.AST, ast.AST] = {}
    named: list[ast.expr] = []
    imports: list[ast.ImportFrom] = []
    stack: list[ast.AST] = [tree]
    while stack:  # each node's children once, their parent recorded (ast.walk and a second pass cost twice)
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            parents[child] = node
            stack.append(child)
        if isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Load):
            named.append(node)
        elif isinstance(node, ast.ImportFrom) and parents.get(node) is not tree:
            imports.append(node)
    names = {**_imported_in_functions(module, imports), **vars(module)}
    for node in named:
        value = _resolve(node, names)
        if value is None or isinstance(value, (str, int, types.ModuleType, types.FunctionType, type)):
            continue
        found = list(patterns_in(value))
        if found:
            use = Use(_how(node, parents), f"{where}:{node.lineno}")
            yield from ((pattern, use) for _, pattern in found)


def _assigned_at_top(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


@functools.cache
def home_names() -> dict[int, str]:
    """id of each module-level pattern -> its name where it is defined ("actions.words.VERB_RE",
    "entities.prose.SEGMENT_ENDS['将']"): the module assigning it at its top level."""
    names: dict[int, str] = {}
    for module, tree, _ in sources():
        own = _assigned_at_top(tree)
        short = module.__name__.removeprefix("scraper.parse.")
        for name, value in vars(module).items():
            if name in own:
                for suffix, pattern in patterns_in(value):
                    names.setdefault(id(pattern), f"{short}.{name}{suffix}")
    return names


@functools.cache
def searched() -> dict[str, tuple[Any, tuple[Use, ...]]]:
    """Home name -> (pattern, its searching uses) of every module-level pattern a module searches or passes on."""
    homes = home_names()
    found: dict[str, tuple[Any, list[Use]]] = {}
    for module, tree, where in sources():
        for pattern, use in uses_in(module, tree, where):
            if use.how not in NOT_SEARCHING and id(pattern) in homes:
                found.setdefault(homes[id(pattern)], (pattern, []))[1].append(use)
    return {name: (pattern, tuple(uses)) for name, (pattern, uses) in found.items()}
