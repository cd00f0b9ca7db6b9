"""bench/parse.py runs and prints both rates and the ratio (no timing asserted)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.mark.skipif(not any((ROOT / "fixtures").rglob("*.html")), reason="no fixture pages")
def test_bench_runs():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "parse.py"), "--rounds", "1", "--runs", "1"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "full extraction" in out.stdout and "Lexbor parse + .text()" in out.stdout and "ratio" in out.stdout


def test_bench_on_an_empty_dir_is_a_usage_error(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "parse.py"), "--dir", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "no pages" in out.stderr


def test_bench_compares_with_an_older_tree():
    """--before DIR runs DIR's own bench and this one alternately and prints both medians (here the
    same tree on both sides: the output's shape is what is checked, not the figures)."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "parse.py"), "--before", str(ROOT), "--rounds", "1",
                          "--runs", "1"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[1].startswith("before (") and lines[2].startswith("after  (") and "after / before" in lines[3]
