"""The command line as its users meet it (session 15's CLI audit, /work/audit-cli/REPORT.md): real processes on a
replayed store, real pipes and pseudo-terminals, odd encodings, bad input. Each test names the defect it holds."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, copy_of

AS_OF = "2026-11-30"


@pytest.fixture(scope="module")
def store(replayed: Path, tmp_path_factory) -> str:
    """A copy of the replayed fixtures the tests of this module only read."""
    return copy_of(replayed, tmp_path_factory.mktemp("cli-terminal") / "store.sqlite")


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "PYTHONIOENCODING", "LC_"))}
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "mofcom_watch", *args], capture_output=True, cwd=REPO_ROOT,
                          env=full, timeout=120, stdin=subprocess.DEVNULL)


def test_chinese_names_on_a_stream_that_cannot_write_them_are_escaped_not_a_crash(store):
    """Was: exit 4 ``internal error: UnicodeEncodeError`` and nothing printed, at the first Chinese name."""
    table = cli("--db", store, "timeline", "skydio", "--as-of", AS_OF, env={"PYTHONUTF8": "0", "LC_ALL": "C"})
    assert table.returncode == 0, table.stderr.decode("utf-8", "replace")
    text = table.stdout.decode("ascii")  # nothing but ASCII reached the stream
    assert "Skydio Inc. / \\u65af\\u51ef\\u8fea\\u5965\\u516c\\u53f8" in text  # 斯凯迪奥公司, escaped
    as_json = cli("--db", store, "status", "--json", "--as-of", AS_OF, env={"PYTHONIOENCODING": "ascii"})
    assert as_json.returncode == 1, as_json.stderr.decode("utf-8", "replace")  # the fixtures' count gaps
    numbers = {row["number"] for row in json.loads(as_json.stdout.decode("ascii"))["listings"]}
    assert "外交部令第4号" in numbers  # valid JSON, the same strings once read


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_mistyped_watchlist_flag_is_a_usage_error_that_leaves_the_store_alone(replayed, tmp_path):
    """Was: exit 2, but a failed publication recorded, and ``status`` said LAST PUBLISH FAILED (exit 1) after."""
    db = tmp_path / "store.sqlite"
    url = copy_of(replayed, db)
    before = sha256(db)
    typo = cli("--db", url, "feeds", "--out", str(tmp_path / "feeds"), "--watchlist", str(tmp_path / "wachlist.csv"),
               "--as-of", AS_OF)
    assert typo.returncode == 2
    assert typo.stderr.decode().splitlines() == [f"mofcom-watch: cannot read watchlist {tmp_path / 'wachlist.csv'}: "
                                                 "No such file or directory"]
    assert sha256(db) == before
    assert not (tmp_path / "feeds").exists()
