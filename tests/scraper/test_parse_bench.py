"""bench/parse.py runs and prints both rates and the ratio (no timing asserted)."""

import importlib.util
import shutil
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


def test_bench_splits_full_extraction_against_the_floor():
    """--split: the document level (the text rules answered from a memo of their own answers), the text rules
    (full minus that) and the records' construction, each against the floor; one line each."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "parse.py"), "--split", "--rounds", "1", "--runs", "1"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    figures = {line.split(":")[0].strip(): float(line.split(":")[1].split()[0]) for line in out.stdout.splitlines()[1:]}
    assert list(figures) == ["full", "document level", "text rules", "records built", "floor"]
    assert figures["text rules"] == pytest.approx(figures["full"] - figures["document level"], abs=0.2)
    assert all(value > 0 for value in figures.values())
    assert int(out.stdout.splitlines()[0].rsplit(";", 1)[1].split()[0]) > 20  # the fixtures' notices and Q&As


def test_bench_interleaves_the_sides_page_by_page():
    """--interleaved: full extraction, the floor right after each page's, the floor alone, and the ratio of the
    first two (the figures' shape is checked, not their values)."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "parse.py"), "--interleaved", "--rounds", "1",
                          "--runs", "1"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("pages: ") and "page by page" in lines[0]
    full, after, alone = (float(line.split(":")[1].split()[0]) for line in lines[1:4])
    assert lines[1].startswith("full extraction") and "right after" in lines[2] and "alone" in lines[3]
    assert full > 0 and after > 0 and alone > 0
    ratio = float(lines[4].split(":")[1].split("x")[0])
    assert lines[4].startswith("ratio full / floor, page by page:") and ratio > 0
    assert "(full / the floor alone: " in lines[4]
    assert bench_module().RATIO_RE.search(out.stdout) is None  # --before reads the plain run's ratio, never this one


def test_bench_fresh_times_each_side_in_its_own_process():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "parse.py"), "--fresh", "--rounds", "1", "--runs", "1"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "fresh process" in out.stdout and "ratio full / floor" in out.stdout


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind not installed")
def test_bench_counts_instructions_under_valgrind(tmp_path):
    """Two pages only: valgrind is slow. Both sides execute instructions, the full side more."""
    for name in ("texts/mofcom-2025-51.txt", "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"):
        (tmp_path / Path(name).name).write_bytes((ROOT / "fixtures" / name).read_bytes())
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "parse.py"), "--instructions", "--rounds", "1",
                          "--dir", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    per_page = [int(line.split(":")[1].split()[0]) for line in out.stdout.splitlines() if "instructions/page" in line]
    ratio = float(out.stdout.split("instructions full / floor:")[1].split("x")[0])
    assert len(per_page) == 2 and per_page[0] > per_page[1] > 0 and ratio == pytest.approx(per_page[0] / per_page[1], rel=0.01)


def bench_module():
    """bench/parse.py imported as a module (it is a script, not a package's)."""
    spec = importlib.util.spec_from_file_location("bench_parse", ROOT / "bench" / "parse.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_the_floor_side_from_its_file_imports_no_parser(tmp_path):
    """--instructions gives the floor's process its decoded pages and selectors in a file (under valgrind, importing
    the parser was most of that process's time): it times the floor without importing the parser."""
    bench = bench_module()
    pages = bench.load(ROOT / "fixtures" / "texts")[:3]
    floor = bench.floor_pages(pages, tmp_path / "floor.json")
    assert bench.read_floor_pages(floor) == [(None, b"", text, selector) for _, _, text, selector in pages]
    out = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "bench" / "parse.py"), "--side", "floor",
                          "--rounds", "1", "--floor-pages", str(floor)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.startswith("cpu "), out.stderr[-2000:]
    imported = {line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}
    assert "selectolax.lexbor" in imported and not {m for m in imported if m.startswith(("scraper", "storage"))}
