"""No project module reads the environment, the working folder, the terminal or the clock while it is imported.

Commands read them when they run. Besides being right for a long-running `serve` (whose environment is read once per
cycle), the test zygote (tests/zygote.py) relies on it: its children were imported once, in another environment and
folder. A read at import time would give every zygote child the zygote's value, and the tests would not see it.
Pure: the sources' syntax trees, walked outside function bodies (module level, class bodies, decorators and default
arguments all run at import).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("mofcom_watch", "storage", "scraper", "feeds")
# attribute chains and calls that read the process's surroundings
READS = {"os.environ", "os.getenv", "os.getcwd", "os.getpid", "Path.cwd", "Path.home", "sys.stdout", "sys.stderr",
         "sys.stdin", "shutil.get_terminal_size", "os.get_terminal_size", "time.time", "datetime.now", "date.today",
         "os.isatty"}


def dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def import_time_nodes(tree: ast.Module) -> Iterator[ast.AST]:
    """Every node that runs when the module is imported: not function or lambda bodies."""
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            todo += [*node.decorator_list, *node.args.defaults, *(d for d in node.args.kw_defaults if d)]
            continue
        if isinstance(node, ast.Lambda):
            todo += [*node.args.defaults, *(d for d in node.args.kw_defaults if d)]
            continue
        yield node
        todo += list(ast.iter_child_nodes(node))


def aliases(tree: ast.Module) -> dict[str, str]:
    """Local name -> what it stands for ("_os" -> "os", "environ" -> "os.environ", "Path" -> "pathlib.Path")."""
    out: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update({a.asname or a.name: a.name for a in node.names})
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names})
    return out


def reads_at_import(source: str, label: str) -> list[str]:
    tree = ast.parse(source)
    names = aliases(tree)
    found = []
    for node in import_time_nodes(tree):
        name = dotted(node) if isinstance(node, (ast.Attribute, ast.Name)) else None
        if name:
            head, _, rest = name.partition(".")
            full = ".".join(filter(None, (names.get(head, head), rest)))
            if any(full == r or full.endswith("." + r) for r in READS):
                found.append(f"{label}:{node.lineno}: {full}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "isatty":
            found.append(f"{label}:{node.lineno}: isatty()")
    return found


def test_no_module_reads_its_surroundings_at_import() -> None:
    found = [hit for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))
             for hit in reads_at_import(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert not found, "read at import time (read it when the command runs):\n" + "\n".join(found)


def test_the_scan_sees_a_read_at_import_and_not_one_inside_a_function() -> None:
    source = ("import os, sys\nimport os as _os\nfrom os import environ\nfrom pathlib import Path\n"
              "WIDTH = os.environ.get('COLUMNS')\nHOME = environ['HOME']\nHERE = Path.cwd()\n\n"
              "@cache(_os.getpid())\ndef later(x=os.getcwd()):\n"
              "    return os.environ['HOME'], sys.stdout.isatty()\n\nclass C:\n    TTY = sys.stderr.isatty()\n")
    hits = sorted(hit.split(": ", 1)[1] for hit in reads_at_import(source, "probe.py"))
    assert hits == ["isatty()", "os.environ", "os.environ", "os.getcwd", "os.getpid", "pathlib.Path.cwd", "sys.stderr"]
