"""ops49: ``config``, the check an operator runs before a cron or an image change, exited 0 (``"ok": true``) on a SQLite
store whose folder is a read-only mount, saying only "store schema: not looked at: … cannot be read (unable to open
database file); status says why", while ``run`` exited 3 on it (and ``status``, the store being in WAL mode). Now it
is one of config's problems: exit 2, ``ok`` false, the line naming the folder. Real processes: the replayed store,
bind-mounted read-only in a mount namespace of the test's own (root, ``unshare -m``)."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import copy_of
from tests.faults.harness import ROOT, cli_env, command, read_only_mount_works


@pytest.mark.skipif(not read_only_mount_works(), reason="needs unshare -m and mount (root)")
def test_config_says_a_store_on_a_read_only_mount_is_one_run_would_fail_on(tmp_path, replayed):
    data, ro = tmp_path / "data", tmp_path / "ro"
    copy_of(replayed, data / "store.sqlite")  # the fixtures' replayed store
    ro.mkdir()
    mount = f'mount --bind "{data}" "{ro}" && mount -o remount,bind,ro "{ro}" && '
    said = {}
    for name, args in (("config", ("config",)), ("json", ("config", "--json")),
                       ("run", ("run", "--no-progress", "--out", str(tmp_path / "feeds2")))):
        said[name] = subprocess.run(["unshare", "-m", "sh", "-c", mount + 'exec "$@"', "sh",
                                     *command(f"sqlite:///{ro / 'store.sqlite'}", *args)],
                                    cwd=ROOT, env=cli_env(MOFCOM_WATCH_BASE_URLS=""), capture_output=True, text=True,
                                    timeout=120)
    assert said["run"].returncode == 3, said["run"].stderr  # what config is run to foresee
    line = (f"mofcom-watch config: the SQLite store {ro / 'store.sqlite'}: its folder {ro} is on a read-only mount: "
            "run, replay, schedule, serve, feeds and accept would fail on it (exit 3; ")
    assert said["config"].returncode == 2, said["config"].stderr
    assert [x for x in said["config"].stderr.splitlines() if x.startswith(line)], said["config"].stderr
    assert "data_dir = " in said["config"].stdout  # the configuration printed all the same
    assert said["json"].returncode == 2
    shown = json.loads(said["json"].stdout)
    assert shown["ok"] is False and any(p.startswith(line.removeprefix("mofcom-watch config: ")) for p in shown["problems"])
    # the same store where it can be written: no such problem
    fine = subprocess.run(command(f"sqlite:///{data / 'store.sqlite'}", "config"), cwd=ROOT, env=cli_env(),
                          capture_output=True, text=True, timeout=120)
    assert fine.returncode == 0 and "read-only" not in fine.stderr, fine.stderr
