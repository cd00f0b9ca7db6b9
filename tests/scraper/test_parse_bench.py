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
