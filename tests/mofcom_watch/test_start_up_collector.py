"""The collector at start-up (mofcom_watch.lazygroup): off while a CLI process imports its command, then the
imports' objects frozen and the collector on again; a command loaded in-process (tests) freezes nothing."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

from mofcom_watch.lazygroup import importing, load_command
from storage import codecache, codecache_data
from tests.conftest import REPO_ROOT

PROBE = """
import gc, sys
from mofcom_watch.lazygroup import hold_collector, load_command
hold_collector()
off = gc.isenabled()
load_command(sys.argv[1])
print(off, gc.isenabled(), gc.get_freeze_count() > 1000)
"""


def test_a_cli_process_collects_again_once_the_command_is_loaded():
    for name in ("replay", "run", "status"):
        done = subprocess.run([sys.executable, "-c", PROBE, name], cwd=REPO_ROOT, capture_output=True, text=True,
                              check=True)
        assert done.stdout.split() == ["False", "True", "True"], (name, done.stderr)


def test_python_m_mofcom_watch_ends_with_the_collector_on():
    code = ("import gc, runpy, sys; sys.argv = ['mofcom-watch', 'config']\n"
            "try:\n    runpy.run_module('mofcom_watch', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('collector', gc.isenabled(), gc.get_freeze_count() > 1000, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True)
    assert "collector True True" in done.stderr, done.stderr


def test_a_command_loaded_in_process_freezes_nothing():
    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    load_command("status")
    assert gc.get_freeze_count() == frozen and gc.isenabled() == enabled


# `run` imports the fetcher and the store when it runs (not when loaded): those imports too are made with the
# collector off, and their objects frozen. The probe notes every collection that starts while
# mofcom_watch.cycle is half imported (in sys.modules, its run_cycle not yet defined).
RUN_PROBE = """
import gc, sys
def note(phase, info):
    cycle = sys.modules.get("mofcom_watch.cycle")
    if phase == "start" and cycle is not None and not hasattr(cycle, "run_cycle"):
        print("collected while importing", file=sys.stderr)
gc.callbacks.append(note)
sys.argv = ["mofcom-watch", "run", "--source", "no-such-source"]
from mofcom_watch.cli import main
try:
    main()
except SystemExit as exit:
    code = exit.code
from mofcom_watch.cycle import run_cycle
print(code, gc.isenabled(), any(o is run_cycle for o in gc.get_objects()))
"""


def test_run_imports_its_cycle_with_the_collector_off(tmp_path):
    env = {**os.environ, "MOFCOM_WATCH_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", RUN_PROBE], cwd=REPO_ROOT, capture_output=True, text=True, env=env)
    assert "collected while importing" not in done.stderr
    assert done.stdout.split() == ["2", "True", "False"], done.stderr  # unknown source; collector on; frozen


def test_importing_in_process_changes_nothing():
    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    with importing():
        assert gc.isenabled() == enabled
    assert gc.get_freeze_count() == frozen and gc.isenabled() == enabled


# The console script (the installed package's and the Docker image's entry point) imports the CLI with the collector
# off, as `python -m mofcom_watch` does: the probe notes every collection that starts while mofcom_watch.cli is half
# imported (in sys.modules, its main not yet defined).
CONSOLE_PROBE = """
import gc, sys
def note(phase, info):
    cli = sys.modules.get("mofcom_watch.cli")
    if phase == "start" and cli is not None and not hasattr(cli, "main"):
        print("collected while importing", file=sys.stderr)
gc.callbacks.append(note)
sys.argv = ["mofcom-watch", "config"]
from mofcom_watch.__main__ import console_main
try:
    console_main()
except SystemExit:
    pass
print("collector", gc.isenabled(), gc.get_freeze_count() > 1000, file=sys.stderr)
import dataclasses
print("dataclasses' code ahead of time", "exec" in vars(dataclasses), file=sys.stderr)  # storage/codecache.py
"""


def test_the_console_script_imports_the_cli_with_the_collector_off(tmp_path):
    import tomllib

    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["mofcom-watch"] == "mofcom_watch.__main__:console_main"
    env = {**os.environ, "MOFCOM_WATCH_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", CONSOLE_PROBE], cwd=REPO_ROOT, capture_output=True, text=True,
                          env=env)
    assert "collected while importing" not in done.stderr
    assert "collector True True" in done.stderr, done.stderr
    # used where it was made (CI's interpreter), refused by any other (storage/codecache.py)
    assert f"dataclasses' code ahead of time {codecache_data.KEY == codecache.KEY}" in done.stderr, done.stderr
