"""``status`` after ``serve --as-of <a past day>`` stopped: its preview's folder, removed as it stopped, is said removed
(user47's open B: ``last preview (…): … to /tmp/mofcom-watch-feeds-2026-11-29-…``, a folder no longer there, named as
if it held the preview). A real ``serve`` process and real ``status`` processes on a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import copy_of
from tests.faults.harness import AS_OF, cli, cli_env
from tests.faults.serving import serving

PREVIEW = "last preview (a day's view in a folder of its own, not the live feeds): "
REMOVED = " (removed since: a serve --as-of removes its folder when it stops)"


def preview_line(out: str) -> str:
    lines = [line for line in out.splitlines() if line.startswith(PREVIEW)]
    assert len(lines) == 1, out
    return lines[0]


def test_status_says_a_serve_as_of_preview_folder_removed_when_it_stopped(replayed, tmp_path: Path) -> None:
    url = copy_of(replayed, tmp_path / "store.sqlite")
    env = cli_env(MOFCOM_WATCH_DATA_DIR=str(tmp_path / "data"))
    with serving(url, tmp_path, "--as-of", AS_OF) as served:
        folder = Path(json.loads(served.get("/healthz")[2])["last_publish"]["target"])
        serving_status = cli(url, "status", env=env)
    stopped_status = cli(url, "status", env=env)
    stopped_json = json.loads(cli(url, "status", "--json", env=env).out)
    assert folder.name.startswith(f"mofcom-watch-feeds-{AS_OF}-") and not folder.exists(), folder
    shown = preview_line(serving_status.out)
    assert shown.endswith(str(folder)) and REMOVED not in shown, shown  # there while serve runs: named as it is
    gone = preview_line(stopped_status.out)
    assert gone.endswith(f"{folder}{REMOVED}"), gone
    assert stopped_json["last_preview"]["target"] == str(folder) and stopped_json["last_preview"]["folder_gone"] is True
    assert stopped_status.code == serving_status.code, (serving_status.out, stopped_status.out)  # judged by nothing
