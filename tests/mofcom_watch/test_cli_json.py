"""``replay --json`` and ``run --json`` (were missing: every other reporting command had ``--json``): real processes
on real stores, a real local site for ``run``. Each JSON must say what the human output of the same command on the
same store says, and the exit code must not depend on the form."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from tests import zygote
from tests.conftest import REPO_ROOT, copy_of
from tests.site_server import SiteServer

AS_OF = "2026-11-30"
FIXTURES = REPO_ROOT / "fixtures"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "PYTHONIOENCODING", "LC_"))}
    full.update(env or {})
    return subprocess.run(zygote.command(*args), capture_output=True, cwd=REPO_ROOT,
                          env=full, timeout=180, stdin=subprocess.DEVNULL, text=True)


def test_replay_json_says_what_the_table_says(replayed, tmp_path):
    url = copy_of(replayed, tmp_path / "store.sqlite")
    table = cli("--db", url, "replay", str(FIXTURES), "--as-of", AS_OF)
    data = cli("--db", url, "replay", str(FIXTURES), "--as-of", AS_OF, "--json")
    assert data.returncode == table.returncode == 1  # the fixtures' three deliberate count gaps
    assert data.stderr == table.stderr  # the problems, on stderr in both forms
    report = json.loads(data.stdout)
    summary = re.search(r"^(\d+) pages: (\d+) new, (\d+) changed, (\d+) unchanged, (\d+) unusable$", table.stdout, re.M)
    assert summary, table.stdout[-300:]
    assert (report["pages"], report["new"], report["changed"], report["unchanged"], len(report["unusable"])) == \
        tuple(map(int, summary.groups()))
    assert report["problems"] == table.stderr.splitlines() and report["ok"] is False
    assert [(m["key"], m["entities"], m["stated_count"]) for m in report["count_mismatches"]] == [
        ("MOFCOM-2026-11", 0, 20), ("MOFCOM-2026-12", 0, 20), ("MOFCOM-ORDER-2025-6", 0, 5)]
    rows = [line.split("│")[1:-1] for line in table.stdout.splitlines() if line.startswith("│ ")]  # first lines
    rows = [cells for cells in rows if cells[0].strip()]  # not a wrapped cell's next line
    assert [cells[0].strip() for cells in rows] == [n["key"] for n in report["notices"]]
    for cells, notice in zip(rows, report["notices"]):
        assert cells[6].strip() == ", ".join(notice["state_labels"])
        assert cells[2].strip() == (notice["published"] or "")
    skydio = next(n for n in report["notices"] if n["key"] == "UEL-2025-7")
    assert skydio["states"] == ["lapsed"] and skydio["list"] == "uel" and skydio["entities"] == 11


def run_args(site: SiteServer, out: Path, *extra: str) -> list[str]:
    args = ["run", "--as-of", AS_OF, "--out", str(out), "--no-progress", "--source", "mofcom-qa",
            "--fetched-at", "2026-11-30T08:00:00+00:00", *extra]
    for host in ("www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn"):
        args += ["--base-url", f"{host}={site.base_url(host)}"]
    return args


def test_run_json_says_what_the_summary_says(tmp_path):
    speed = {"MOFCOM_WATCH_REQUEST_DELAY": "0", "MOFCOM_WATCH_RETRIES": "0", "MOFCOM_WATCH_TIMEOUT": "5"}
    with SiteServer(FIXTURES) as site:  # the same site, two fresh stores: one run each
        table = cli("--db", f"sqlite:///{tmp_path / 'a.sqlite'}", *run_args(site, tmp_path / "a"), env=speed)
        data = cli("--db", f"sqlite:///{tmp_path / 'b.sqlite'}", *run_args(site, tmp_path / "b", "--json"), env=speed)
    assert data.returncode == table.returncode, (data.stderr, table.stderr)
    report = json.loads(data.stdout)
    assert report["ok"] is (data.returncode == 0) and report["as_of"] == AS_OF
    line = re.search(r"^requests (\d+) \(304: (\d+)\), bodies (\d+) \((\d+) bytes\), parsed (\d+)\D.*events new (\d+), "
                     r"corrected (\d+); feed files written (\d+)$", table.stdout, re.M)
    assert line, table.stdout
    assert (report["requests"], report["not_modified"], report["bodies"], report["body_bytes"],
            report["parsed"]["pages"], report["events"]["new"], report["events"]["corrected"],
            len(report["feed_files_written"])) == tuple(map(int, line.groups()))
    assert report["parsed"]["pages"] > 0 and report["events"]["new"] > 0
    [source] = report["sources"]
    row = next(r for r in table.stdout.splitlines() if r.startswith("│ mofcom-qa"))
    assert [c.strip() for c in row.split("│")[1:-1]][:8] == [
        source["name"], source["mode"], *(str(source[k]) for k in
                                          ("fetched", "new", "changed", "unchanged", "failed", "links"))]
    assert all((tmp_path / "b" / name).is_file() for name in report["feed_files_written"])
