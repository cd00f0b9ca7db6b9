"""The parser digest covers every module of this project the parsers run, and moves with any of them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from scraper.parser_identity import PARSER_MODULES, PARSER_PACKAGES, parser_digest

REPO = Path(__file__).resolve().parents[2]
PARSERS = "import scraper.parse, scraper.news, scraper.links, storage.cleantext"


def _python(code: str, cwd: Path) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_every_own_module_the_parsers_load_is_in_the_digest():
    loaded = json.loads(_python(f"{PARSERS}; import sys, json; print(json.dumps(sorted(sys.modules)))", REPO))
    own = [m for m in loaded if m.split(".")[0] in ("scraper", "storage")]
    assert "scraper.parse.notice" in own and "storage.records" in own
    uncovered = [m for m in own if m not in PARSER_MODULES and not m.startswith(tuple(p + "." for p in PARSER_PACKAGES))
                 and m not in PARSER_PACKAGES and m != "scraper.parser_identity"]
    assert uncovered == [], f"parser code outside scraper.parser_identity's lists: {uncovered}"


def test_the_digest_moves_with_a_parser_source_and_nothing_else(tmp_path):
    for package in ("scraper", "storage"):
        shutil.copytree(REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    code = "import scraper.parser_identity as p; print(p.__file__, p.parser_digest())"
    where, digest = _python(code, tmp_path).split()
    assert where.startswith(str(tmp_path)) and digest == parser_digest()
    (tmp_path / "storage" / "lifecycle.py").write_text("# not parser code\n", encoding="utf-8")
    assert _python(code, tmp_path).split()[1] == digest
    rules = tmp_path / "scraper" / "parse" / "rules" / "checks" / "terms.py"  # a module of a sub-subpackage
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a comment is a change\n", encoding="utf-8")
    assert _python(code, tmp_path).split()[1] != digest


def test_importing_the_parsers_loads_no_package_metadata():
    """importlib.metadata (and the email package under it) is loaded only when the digest asks a library's version:
    parse FILE and bench/parse.py's processes import the parsers without it."""
    code = f"{PARSERS}; import sys; print('importlib.metadata' in sys.modules)"
    assert _python(code, REPO) == "False"
