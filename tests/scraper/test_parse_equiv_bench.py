"""bench/parse_equiv.py records the parse of many mutated inputs and finds any input whose parse changed."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "bench" / "parse_equiv.py"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300)


def test_record_then_compare_finds_nothing_then_the_changed_input(tmp_path):
    recording = tmp_path / "parse.jsonl"
    done = run("record", str(recording), "--limit", "300")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in recording.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 300 and len({name for name, _, _ in rows}) == 300
    assert {"~cut1", "~crlf", "~gbk", "~del0"} <= {name[name.find("~"):] for name, _, _ in rows}
    assert any("notice" in out for _, _, out in rows) and any("unusable" in out for _, _, out in rows)
    same = run("compare", str(recording), "--limit", "300")
    assert same.returncode == 0 and "300 inputs compared, 0 differ" in same.stdout, same.stdout + same.stderr

    name, digest, out = rows[7]
    rows[7] = [name, digest, {**out, "warnings": ["a parse that changed"]}]
    recording.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows), encoding="utf-8")
    changed = run("compare", str(recording), "--limit", "300")
    assert changed.returncode == 1 and f"differs: {name}" in changed.stdout and "1 differ" in changed.stdout
