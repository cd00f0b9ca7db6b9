"""Every function in scraper/parse stays short enough to read at a glance (issue 8)."""

import ast
from pathlib import Path

PARSE = Path(__file__).parents[2] / "scraper" / "parse"
MAX_LINES = 60


def long_functions(root: Path, limit: int) -> list[str]:
    out = []
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > limit:
                    out.append(f"{path.name}:{node.lineno} {node.name} ({length} lines)")
    return out


def test_no_parser_function_over_60_lines():
    assert long_functions(PARSE, MAX_LINES) == []


def test_the_check_sees_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    (tmp_path / "long.py").write_text(f"def f():\n{body}\n", encoding="utf-8")
    assert long_functions(tmp_path, MAX_LINES) == [f"long.py:1 f ({MAX_LINES + 1} lines)"]
