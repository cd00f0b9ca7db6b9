"""Benchmark: issue 11's parser figure with the parser compiled by mypyc, the owner's option (c).

    .venv/bin/python bench/parse_compiled.py [--rounds N] [--keep DIR] [--ref REV]

Copies the tree at REV (default ``HEAD``) into a temporary folder, compiles ``scraper/parse`` there with mypyc
(in the folder's own copy: this checkout is never touched, so no compiled module can shadow a source being
edited), and runs ``bench/parse.py --instructions`` in it: full extraction / (Lexbor parse + container
``.text()``) as the issue counts it, for the compiled parser. Compare with ``bench/parse.py --instructions`` here.
The parse must be the same: ``bench/parse_equiv.py record FILE --parser <this checkout>`` then, in the kept folder
(``--keep``), ``bench/parse_equiv.py compare FILE``.

Needs mypy (the dev extra), a C compiler and Python's headers; the compile takes 3-4 minutes of CPU.
Nothing in the service uses the compiled modules: this prints a figure for a decision, it ships nothing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Modules left to the interpreter: mypyc cannot compile them as they are.
NOT_COMPILED = {
    "scraper/parse/draft.py": "the ``view`` decorator reads a method's __name__, which a compiled method lacks",
    "scraper/parse/notice.py": "builds the rule chain with exec() at import",
    "scraper/parse/lazyre.py": "stand-ins that set their own attributes on first use",
    "scraper/parse/recache.py": "a class defined in a function; it runs once, at import",
    "scraper/parse/recache_data.py": "data read once, at import: nothing to gain",
}


def _missing() -> str | None:
    if shutil.which("mypyc", path=str(Path(sys.executable).parent)) is None and shutil.which("mypyc") is None:
        return "mypyc is not installed (pip install -e '.[dev]')"
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        return "no C compiler (cc or gcc) on PATH"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "Python's headers (Python.h) are not installed"
    return None


def _export(rev: str, into: Path) -> None:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)


def _compile(tree: Path) -> int:
    """Compiles the parser's modules in ``tree``; returns how many."""
    modules = sorted(str(p.relative_to(tree)) for p in (tree / "scraper" / "parse").rglob("*.py")
                     if str(p.relative_to(tree)) not in NOT_COMPILED)
    # mypyc builds through setuptools in the working folder, which would validate the project's pyproject.toml as
    # a setup configuration: the copy's is moved aside while it compiles.
    project = tree / "pyproject.toml"
    project.rename(tree / "pyproject.toml.aside")
    try:
        mypyc = Path(sys.executable).parent / "mypyc"
        done = subprocess.run([str(mypyc) if mypyc.exists() else "mypyc", *modules], cwd=tree,
                              capture_output=True, text=True)
    finally:
        (tree / "pyproject.toml.aside").rename(project)
    if done.returncode != 0:
        sys.exit(f"mypyc failed:\n{done.stdout[-4000:]}{done.stderr[-4000:]}")
    return len(modules)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3, help="rounds over the fixture pages (bench/parse.py)")
    ap.add_argument("--ref", default="HEAD", help="the commit to compile (default: HEAD)")
    ap.add_argument("--keep", type=Path, help="compile into this new folder and keep it (default: a temporary one)")
    args = ap.parse_args()
    if (why := _missing()) is not None:
        sys.exit(f"bench/parse_compiled.py: {why}")
    if args.keep is not None:
        if args.keep.exists():
            sys.exit(f"bench/parse_compiled.py: {args.keep} exists; give a new folder")
        args.keep.mkdir(parents=True)
        tree = args.keep
    else:
        tree = Path(tempfile.mkdtemp(prefix="mofcom-compiled-"))
    try:
        _export(args.ref, tree)
        n = _compile(tree)
        print(f"scraper/parse compiled by mypyc: {n} modules; left to the interpreter: {', '.join(NOT_COMPILED)}",
              flush=True)
        subprocess.run([sys.executable, "bench/parse.py", "--instructions", "--rounds", str(args.rounds)],
                       cwd=tree, check=True)
    finally:
        if args.keep is None:
            shutil.rmtree(tree, ignore_errors=True)


if __name__ == "__main__":
    main()
